// Package readme keeps the repository's README.md honest: its tests build
// and run every Go program in the README, and check that the README's rule
// catalogue is the one ropa.Rules returns (go test -update rewrites it).
// The package has no code of its own beyond the table it renders.
package readme
