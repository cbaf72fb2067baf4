package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Output never replaces a command's own input: export reg.yaml -o
// reg.yaml once replaced the register with a workbook.
func TestOutputNamesInput(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/compliant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{
		{"export", "FILE", "-o", "FILE"},
		{"notice", "FILE", "-o", "FILE"},
		{"export", "FILE", "-o", "./DIR/r.yaml"},
	} {
		file := writeFile(t, "r.yaml", string(src))
		args := make([]string, len(cmd))
		for i, a := range cmd {
			a = strings.ReplaceAll(a, "FILE", file)
			args[i] = strings.ReplaceAll(a, "./DIR", filepath.Dir(file))
		}
		got := runAt(t, day(2026, 11, 23), args...)
		if got.code != exitFailure || !strings.Contains(got.stderr, "names the input file; write to another file, or give --force") {
			t.Errorf("%v: exit %d, stderr %q", cmd, got.code, got.stderr)
		}
		if b, _ := os.ReadFile(file); !bytes.Equal(b, src) {
			t.Errorf("%v: the register changed", cmd)
		}
	}
	// --force overwrites, as asked.
	file := writeFile(t, "r.yaml", string(src))
	if got := runAt(t, day(2026, 11, 23), "notice", file, "-o", file, "--force"); got.code == exitFailure {
		t.Errorf("--force: exit %d, stderr %q", got.code, got.stderr)
	}
	if b, _ := os.ReadFile(file); bytes.Equal(b, src) {
		t.Error("--force: the file was not overwritten")
	}
}

// A device is not a place for export's default output (export /dev/stdin
// once created /dev/stdin.xlsx).
func TestExportDeviceNeedsOutput(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat("/dev/null"); err != nil {
		t.Skip("no /dev/null")
	}
	// /dev/stdin may stat as the regular file stdin was redirected from.
	for _, dev := range []string{"/dev/null", "/dev/stdin"} {
		got := runAt(t, day(2026, 11, 23), "export", dev)
		if got.code != exitFailure || !strings.Contains(got.stderr, dev+" is not a regular file: give -o") {
			t.Errorf("export %s: exit %d, stderr %q", dev, got.code, got.stderr)
		}
	}
}

// endless is an input that never ends, like /dev/zero.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) { e.n += int64(len(p)); clear(p); return len(p), nil }

// import - < /dev/zero stops at the workbook limit rather than reading
// until memory runs out.
func TestImportEndlessInput(t *testing.T) {
	t.Parallel()
	in := &endless{}
	var stdout, stderr bytes.Buffer
	code := run([]string{"import", "-"}, in, &stdout, &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "larger than 256 MiB") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	if in.n > 257<<20 {
		t.Errorf("read %d MiB of an endless input", in.n>>20)
	}
}

// CSV output is safe to open in a spreadsheet (OWASP, CSV Injection).
func TestRetentionCSVInjection(t *testing.T) {
	t.Parallel()
	reg := "jurisdiction: uk\ncontroller: {name: X}\nactivities:\n  - id: \"=cmd|' /C calc'!A0\"\n    name: Evil\n" +
		"    purposes: [{description: Pay, basis: contract}]\n    dataSubjects: [employees]\n    dataCategories: [identifiers]\n" +
		"    retention: [{rule: P1Y from collection}]\n"
	file := writeFile(t, "evil.yaml", reg)
	records := writeFile(t, "records.csv", "\"=cmd|' /C calc'!A0\",identifiers,2020-01-01\n")
	got := runAt(t, day(2026, 11, 23), "retention", "due", "--records", records, file)
	if want := "activity,category,trigger,due,action\n'=cmd|' /C calc'!A0,identifiers,2020-01-01,2021-01-01,delete\n"; got.stdout != want {
		t.Errorf("stdout %q, want %q", got.stdout, want)
	}
	got = runAt(t, day(2026, 11, 23), "retention", "due", "--raw", "--records", records, file)
	if want := "activity,category,trigger,due,action\n=cmd|' /C calc'!A0,identifiers,2020-01-01,2021-01-01,delete\n"; got.stdout != want {
		t.Errorf("--raw: stdout %q, want %q", got.stdout, want)
	}
}

// Dates are checked for range: an empty --as-of is not today, and no date
// gives a year the output cannot write.
func TestDateRanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		msg  string
	}{
		{[]string{"validate", "--as-of", "", "testdata/compliant.yaml"}, `--as-of "": want a date written YYYY-MM-DD`},
		{[]string{"validate", "--as-of", "0000-01-01", "testdata/compliant.yaml"}, `--as-of "0000-01-01": want a date from 1900-01-01 to 9999-12-31`},
		{[]string{"deadline", "--received", "9999-12-31"}, "the reply would be due after 9999-12-31"},
		{[]string{"deadline", "--complaint", "--received", "9999-12-31"}, "the acknowledgement would be due after 9999-12-31"},
		{[]string{"deadline", "--received", "1066-10-14"}, "want a date from 1900-01-01 to 9999-12-31"},
	}
	for _, tt := range tests {
		got := runAt(t, day(2026, 11, 23), tt.args...)
		if got.code != exitFailure || !strings.Contains(got.stderr, tt.msg) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tt.args, got.code, got.stderr, tt.msg)
		}
	}
}

// fullDisk fails every write, as a full disk does.
type fullDisk struct{}

func (fullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// Help that cannot be written is a failure.
func TestHelpToFullDisk(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--help"}, {"help", "validate"}, {"validate", "--help"}} {
		var stderr bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: fullDisk{}, stderr: &stderr, now: time.Now, getenv: func(string) string { return "" }}
		if code := e.run(args); code != exitFailure || !strings.Contains(stderr.String(), "no space left") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}
