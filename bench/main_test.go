package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/article30/article30/ropa"
)

// TestRegister checks that the generated register is valid, has no error
// findings, and is the same for the same size.
func TestRegister(t *testing.T) {
	reg := register(25)
	if err := reg.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if rep := ropa.Check(reg, asOf); rep.Errors > 0 {
		t.Errorf("Check: %d errors: %v", rep.Errors, rep.IDs())
	}
	var a, b bytes.Buffer
	if err := ropa.Encode(&a, register(25)); err != nil {
		t.Fatal(err)
	}
	if err := ropa.Encode(&b, reg); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two registers of the same size differ")
	}
}

// TestChildren runs every measurement on a small register, in this
// process, and the table.
func TestChildren(t *testing.T) {
	dir := t.TempDir()
	path := func(name string) string { return filepath.Join(dir, name) }
	for _, c := range []struct {
		task, file, out string
		n               int
	}{
		{"register", "", path("r.yaml"), 10},
		{"records", path("r.yaml"), path("records.csv"), 1000},
		{"check", path("r.yaml"), "", 0},
		{"write", path("r.yaml"), path("r.xlsx"), 0},
		{"read", path("r.xlsx"), "", 0},
		{"rowreader", path("r.xlsx"), "", 0},
		{"notice", path("r.yaml"), "", 0},
		{"cells", path("r.xlsx"), path("cells.json"), 0},
		{"floor", path("cells.json"), path("floor.xlsx"), 0},
	} {
		var out bytes.Buffer
		if err := runChild(c.task, c.file, c.out, c.n, 2, &out); err != nil {
			t.Fatalf("%s: %v", c.task, err)
		}
		if !strings.HasPrefix(out.String(), `{"seconds":`) {
			t.Errorf("%s printed %q", c.task, out.String())
		}
	}
	data, err := os.ReadFile(path("records.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if lines := bytes.Count(data, []byte("\n")); lines != 1001 {
		t.Errorf("records.csv has %d lines, want a header and 1000 records", lines)
	}
	var table bytes.Buffer
	printTable(&table, []row{{activities: 10, task: "write", elapsed: 2e6, peak: 1 << 20}, {activities: 10, task: "openpyxl write_only", elapsed: 1e7},
		{activities: 10, task: "floor", elapsed: 1e6}, {activities: 10, task: "read", elapsed: 3e6}, {activities: 10, task: "rowreader", elapsed: 2e6}})
	for _, want := range []string{"5.0x faster than openpyxl write_only", "2.00x the floor", "1 MiB", "1.50x excelize's row reader"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, table.String())
		}
	}
}
