package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/article30/article30/ropa"
)

func TestSchema(t *testing.T) {
	t.Parallel()
	want, err := ropa.Schema()
	if err != nil {
		t.Fatal(err)
	}
	got := runArgs(t, "", "schema")
	if got.code != exitOK || got.stdout != string(want) || got.stderr != "" {
		t.Errorf("article30 schema: exit status %d, stderr %q; stdout is the schema: %v", got.code, got.stderr, got.stdout == string(want))
	}

	file := filepath.Join(t.TempDir(), "register.schema.json")
	got = runArgs(t, "", "schema", "-o", file)
	if got.code != exitOK || got.stdout != "" || got.stderr != "" {
		t.Errorf("article30 schema -o: exit status %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	if b, err := os.ReadFile(file); err != nil || string(b) != string(want) {
		t.Errorf("article30 schema -o wrote %d bytes (%v), want the schema", len(b), err)
	}

	got = runArgs(t, "", "schema", "register.yaml")
	if got.code != exitFailure || !strings.Contains(got.stderr, "takes no FILE") {
		t.Errorf("article30 schema FILE: exit status %d, stderr %q; want 2 and a usage error", got.code, got.stderr)
	}
	got = runArgs(t, "", "schema", "-o", filepath.Join(t.TempDir(), "no", "such", "dir", "s.json"))
	if got.code != exitFailure || !strings.Contains(got.stderr, "article30 schema: ") {
		t.Errorf("article30 schema -o into a missing directory: exit status %d, stderr %q; want 2", got.code, got.stderr)
	}
}
