package registers

import (
	"embed"
	"io/fs"
)

// FS holds the register files, named "<organisation>.yaml" at its root.
//
//go:embed *.yaml
var FS embed.FS

// Names returns the names of the register files in FS, sorted.
func Names() []string {
	names, _ := fs.Glob(FS, "*.yaml") // the only error is for a malformed pattern
	return names
}
