package xlsx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// openpyxlPython returns a Python that can import openpyxl, or skips the
// test saying how to get one (Debian's python3-openpyxl; .ci/run installs
// it).
func openpyxlPython(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import openpyxl").Run() == nil {
			return path
		}
	}
	t.Skip("skipped: no python3 with openpyxl on this machine (apt-get install python3-openpyxl)")
	return ""
}

// TestOpenpyxl reads every seed register's workbook with openpyxl, the
// library a DPO's own script uses: its read-only mode sees every cell
// (each sheet declares its true dimension: they all said A1), and no cell
// under a drop-down holds a value outside its list (a multi-value column
// had one, which its own values violated).
func TestOpenpyxl(t *testing.T) {
	py := openpyxlPython(t)
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	for _, name := range seedNames {
		book := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(book, writeBytes(t, loadSeed(t, name)), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(py, filepath.Join("testdata", "openpyxl_check.py"), book)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: openpyxl_check.py: %v\n%s", name, err, stderr.String())
		}
		if s := strings.TrimSpace(string(out)); s != "" {
			t.Errorf("%s, as openpyxl reads it:\n%s", name, s)
		}
	}
}
