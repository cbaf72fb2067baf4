// Package registers holds the registers of processing activities of the
// example organisations, one YAML file each, built from their published
// privacy notices: a careers company working with young people, a
// university recruiting staff, a local health watchdog, a national careers
// website and an academy trust's careers site.
//
// The files are embedded in FS, so that a program built from this module
// (such as the demo of the article30 command) finds them from any
// directory. Each records only what its organisation's notice states, so
// that [github.com/article30/article30/ropa.Check] reports the notice's
// defects; the comments at the top of each file list them.
package registers
