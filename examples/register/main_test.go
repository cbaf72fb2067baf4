package main

import (
	"bytes"
	"errors"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

var at = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

func TestCheck(t *testing.T) {
	rep := ropa.Check(school(), at)
	if rep.Errors > 0 || rep.Warnings > 0 {
		for _, f := range rep.Findings {
			t.Errorf("%s %s %s: %s", f.Severity, f.Rule, f.Path, f.Message)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(dir, at, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), "0 errors, 0 warnings") {
		t.Errorf("run reported findings:\n%s", out.String())
	}
	read := func(name string) []byte {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}

	// The workbook reads back into the register it was written from.
	got, err := xlsx.Read(bytes.NewReader(read("register.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(school(), got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("register.xlsx reads back differently (-built +read):\n%s", diff)
	}

	// The notice states every purpose, in both formats.
	md, page := string(read("notice.md")), string(read("notice.html"))
	for _, a := range school().Activities {
		for _, p := range a.Purposes {
			if !strings.Contains(md, p.Description) {
				t.Errorf("notice.md does not mention purpose %q", p.Description)
			}
			if !strings.Contains(page, html.EscapeString(p.Description)) {
				t.Errorf("notice.html does not mention purpose %q", p.Description)
			}
		}
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>") {
		t.Errorf("notice.html is not a complete page: %.40q", page)
	}
}

// A register with error findings is not published.
func TestRunRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	// Had the school's transfer relied on Privacy Shield, struck down on
	// 16 July 2020 (CJEU C-311/18), nothing would be published.
	reg := school()
	reg.Activities[0].Transfers[0].Mechanism = lawfulbasis.PrivacyShield
	err := publish(reg, dir, at, &out)
	if !errors.Is(err, ropa.ErrFindings) {
		t.Fatalf("run = %v, want ErrFindings; output:\n%s", err, out.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "register.xlsx")); !os.IsNotExist(err) {
		t.Errorf("register.xlsx written despite error findings (stat: %v)", err)
	}
}
