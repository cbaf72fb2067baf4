package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/ropa"
)

// readWorkbook reads the workbook at path back into a register.
func readWorkbook(t *testing.T, path string) *ropa.Register {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reg, err := xlsx.Read(f)
	if err != nil {
		t.Fatalf("xlsx.Read(%s): %v", path, err)
	}
	return reg
}

func loadT(t *testing.T, path string) *ropa.Register {
	t.Helper()
	reg, err := ropa.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return reg
}

func sheetList(t *testing.T, path string) []string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return f.GetSheetList()
}

func TestExportRoundTrip(t *testing.T) {
	t.Parallel()
	for _, file := range []string{"testdata/compliant.yaml", "testdata/errors.yaml", "../../examples/registers/healthwatch-hertfordshire.yaml"} {
		t.Run(filepath.Base(file), func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "register.xlsx")
			got := runArgs(t, "", "export", "--as-of", lawDate, file, "-o", out)
			if got.code != 0 || got.stderr != "" {
				t.Fatalf("exit status %d, stderr:\n%s", got.code, got.stderr)
			}
			if !strings.HasPrefix(got.stdout, out+": ") || !strings.Contains(got.stdout, "findings as of 2026-11-23: ") {
				t.Errorf("stdout %q", got.stdout)
			}
			if diff := cmp.Diff(loadT(t, file), readWorkbook(t, out), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("export then xlsx.Read (-want +got):\n%s", diff)
			}
		})
	}
}

// Without -o, the workbook goes beside FILE; the same register and date
// give the same bytes.
func TestExportDefaultOutput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src := filepath.Join(dir, "ropa.yaml")
	if err := os.WriteFile(src, []byte(readFile(t, "testdata/compliant.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	want := filepath.Join(dir, "ropa.xlsx")
	var first string
	for i := range 2 {
		got := runAt(t, clock(2026, 6, 19), "export", src)
		if got.code != 0 {
			t.Fatalf("exit status %d\n%s", got.code, got.stderr)
		}
		if !strings.HasPrefix(got.stdout, want+": 2 activities, findings as of 2026-06-19: 0 errors") {
			t.Errorf("stdout %q", got.stdout)
		}
		b := readFile(t, want)
		if i == 1 && b != first {
			t.Errorf("a second export gave other bytes")
		}
		first = b
	}
	// -o - writes the workbook to standard output, and nothing else.
	// (runArgs would refuse the escape characters of a zip file.)
	var stdout, stderr bytes.Buffer
	code := run([]string{"export", "--as-of", "2026-06-19", "-", "-o", "-"}, strings.NewReader(readFile(t, src)), &stdout, &stderr)
	if code != 0 || stdout.String() != first || stderr.Len() != 0 {
		t.Errorf("export - -o -: exit status %d, %d bytes on stdout, want the %d of the file; stderr %s", code, stdout.Len(), len(first), stderr.String())
	}
}

func TestExportSheets(t *testing.T) {
	t.Parallel()
	data := []string{"Organisation", "Joint controllers", "Activities", "Data categories", "Purposes", "Recipients", "Transfers",
		"Retention rules", "Sources", "Automated decisions", "Stated none", "Processor records", "Text lists", "Lists"}
	tests := []struct {
		sheets string
		views  []string
	}{
		{"Template,Findings", []string{"Template", "Findings"}},
		{"findings, TEMPLATE ,cover", []string{"Notes", "Template", "Findings"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.sheets, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "r.xlsx")
			got := runArgs(t, "", "export", "--as-of", lawDate, "--sheets", tt.sheets, "-o", out, "testdata/errors.yaml")
			if got.code != 0 {
				t.Fatalf("exit status %d\n%s", got.code, got.stderr)
			}
			if diff := cmp.Diff(append(tt.views, data...), sheetList(t, out)); diff != "" {
				t.Errorf("sheets (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(loadT(t, "testdata/errors.yaml"), readWorkbook(t, out), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("round trip (-want +got):\n%s", diff)
			}
		})
	}
}

func TestExportErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noID := filepath.Join(dir, "no-id.yaml")
	src := "jurisdiction: uk\ncontroller: {name: Northfield}\nactivities:\n  - name: Payroll\n    purposes: [{description: Paying staff, basis: contract}]\n"
	if err := os.WriteFile(noID, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"unknown sheet", []string{"--sheets", "Template,Findigs", "testdata/compliant.yaml"},
			[]string{`article30 export: --sheets: unknown sheet "Findigs" (did you mean "Findings"?); the view sheets are Notes, Template, Processor, Retention, Findings, Reference`, "Usage: article30 export"}},
		{"stdin without -o", []string{"-"}, []string{"-o is required when FILE is - (standard input)"}},
		{"no file", nil, []string{"article30 export: no FILE given"}},
		{"bad date", []string{"--as-of", "2026-13-01", "testdata/compliant.yaml"}, []string{`--as-of "2026-13-01": want a date written YYYY-MM-DD`}},
		{"missing file", []string{"testdata/no-such.yaml"}, []string{"testdata/no-such.yaml: no such file or directory\n"}},
		{"unparsable file", []string{"testdata/bad-enum.yaml"}, []string{"testdata/bad-enum.yaml:", `unknown lawful basis "consnet"`}},
		{"activity without ID", []string{noID, "-o", filepath.Join(dir, "x.xlsx")}, []string{"article30 export: " + noID + ": cannot be written as a workbook: activities[0].id: required"}},
		{"unwritable output", []string{"testdata/compliant.yaml", "-o", dir}, []string{"article30 export: " + dir + ": is a directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"export"}, tt.args...)
			wantFailure(t, args, tt.stderr)
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "x.xlsx")); err == nil {
		t.Errorf("a register that cannot be written left a file behind")
	}
}
