// Package prose holds the small pieces of English that the packages which
// write for people (retention's sentences, the privacy notice) share.
package prose
