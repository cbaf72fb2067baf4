// Command article30-vet is the article30 analyzer (package
// [github.com/article30/article30/vet]) as a vet tool: it holds a Go
// service's annotated types and the values they pass to marked recipients
// and transfers against the service's record of processing activities.
//
// Install it and run it through go vet:
//
//	go install github.com/article30/article30/cmd/article30-vet@latest
//	go vet -vettool=$(which article30-vet) ./...
//
// The register is found by convention (register.yaml or ropa.yaml in the
// package's directory or a parent, up to the module root) or given, from
// the module root, with -article30.register=FILE; -article30.unused
// reports, in main packages, what the register declares that no code
// holds. go vet's own -json flag writes the diagnostics as JSON. The
// article30 command's "vet" subcommand runs the same analyzer with text,
// JSON and SARIF output and register suggestions.
package main

import (
	"golang.org/x/tools/go/analysis/unitchecker"

	"github.com/article30/article30/vet"
)

func main() { unitchecker.Main(vet.Analyzer) }
