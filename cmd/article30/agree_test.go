package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/article30/article30/ropa"
)

// The command line and the library give the same answer for the same
// register and date: article30 validate --format json prints exactly the
// report a Go service gets from ropa.Check, with the structural problems
// of Register.Validate first (issue 20), for every example register at
// dates on both sides of the DUAA's commencements.
func TestCLIAgreesWithLibrary(t *testing.T) {
	t.Parallel()
	files, err := filepath.Glob("../../examples/registers/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example registers: %v", err)
	}
	files = append(files, "../../examples/hr/register.yaml")
	compared := 0
	for _, file := range files {
		for _, date := range []string{"2026-02-04", "2026-06-19", "2026-12-06"} {
			at, _ := time.Parse(time.DateOnly, date)
			reg, err := ropa.Load(file, ropa.WithoutValidation())
			if err != nil {
				t.Fatal(err)
			}
			lib := ropa.Check(reg, at)
			want := ropa.NewReport(reg.Jurisdiction, at, append(structural(reg), lib.Findings...))
			want.File = file
			for i := range want.Findings {
				want.Findings[i].File = file
			}

			got := runArgs(t, "", "validate", "--as-of", date, "--format", "json", file)
			var reps []ropa.Report
			if err := json.Unmarshal([]byte(got.stdout), &reps); err != nil || len(reps) != 1 {
				t.Fatalf("%s %s: %v, %d reports\n%s", file, date, err, len(reps), got.stderr)
			}
			if diff := cmp.Diff(want, reps[0], cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("%s as of %s: the CLI and ropa.Check differ (-library +cli):\n%s", file, date, diff)
			}
			compared += len(want.Findings)
		}
	}
	if compared < 100 {
		t.Errorf("only %d findings compared; the examples should give many", compared)
	}
}
