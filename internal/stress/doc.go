// Package stress holds the tests that exercise the module's packages
// together under load: the concurrency test, which calls ropa.Check,
// xlsx.Write and notice.Generate from many goroutines on shared registers
// (run it with -race), and nothing else. It has no code of its own.
package stress
