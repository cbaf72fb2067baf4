package main

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/parse"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// An HR feature built on library calls alone, with no helper of its own:
// load the embedded register, work out when a sponsored leaver's personnel
// file is due, which rights reach the payroll data, and when a subject
// access request and a complaint are due; check an activity built in code
// and return its findings as JSON over HTTP.
func TestHRFeature(t *testing.T) {
	t.Parallel()
	today := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

	reg, err := ropa.LoadFS(files, "register.yaml")
	if err != nil {
		t.Fatal(err)
	}

	// When is a leaver's personnel file due? One call.
	left := map[retention.Trigger]time.Time{retention.TerminationOfEmployment: time.Date(2020, 8, 31, 0, 0, 0, 0, time.UTC)}
	due, err := reg.Due(ropa.Record{Activity: "employment", Category: ropa.EmploymentDetails, Triggers: left})
	if err != nil || due.Date.Format(time.DateOnly) != "2026-08-31" || due.Action != retention.Delete {
		t.Errorf("leaver due = %+v, %v; want 2026-08-31 delete", due, err)
	}
	// A misspelt condition is an error with a suggestion, never a date.
	_, err = reg.Due(ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory,
		Triggers:   map[retention.Trigger]time.Time{retention.EndOfRecruitment: today},
		Conditions: []string{"sponsored_visa"}})
	if pe, ok := errors.AsType[*parse.Error](err); !ok || pe.Suggest != "sponsored-visa" {
		t.Errorf("misspelt condition: %v, want a suggestion of sponsored-visa", err)
	}

	// Which rights reach the data of each employment purpose, today?
	a, err := reg.Activity("employment")
	if err != nil {
		t.Fatal(err)
	}
	for _, pr := range a.Rights(reg.Jurisdiction, today, ropa.Employees) {
		erasable := slices.Contains(pr.Rights, rights.Erasure)
		if pr.Purpose.Basis == lawfulbasis.LegalObligation && erasable {
			t.Errorf("%q (legal obligation) is shown the right to erasure", pr.Purpose.Description)
		}
		if !slices.Contains(pr.Rights, rights.ComplainToController) {
			t.Errorf("%q lacks the complaint to the controller on %s", pr.Purpose.Description, today.Format(time.DateOnly))
		}
	}

	// When is an access request due, and a complaint to be acknowledged?
	sar, err := rights.Request{Regime: reg.Jurisdiction, Right: rights.Access, Received: today}.Due(rights.SkipWeekends())
	if err != nil || sar.Format(time.DateOnly) != "2026-12-23" {
		t.Errorf("SAR due %s, %v", sar.Format(time.DateOnly), err)
	}
	ack, err := rights.Request{Regime: reg.Jurisdiction, Right: rights.ComplainToController, Received: today}.AcknowledgeBy(rights.SkipWeekends())
	if err != nil || ack.Format(time.DateOnly) != "2026-12-23" {
		t.Errorf("complaint acknowledgement %s, %v", ack.Format(time.DateOnly), err)
	}

	// Check an activity built in code and serve the findings as JSON:
	// marshal into memory first, then write, so a failure sends an error,
	// never half a document.
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		draft := *reg
		draft.Activities = append(slices.Clone(reg.Activities), ropa.Activity{ID: "wellbeing", Name: "Staff wellbeing survey",
			DataSubjects: []ropa.Subject{ropa.Employees}, DataCategories: ropa.Cats(ropa.Health)})
		body, err := json.Marshal(ropa.Check(&draft, today))
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest("GET", "/findings", nil))
	var report struct {
		Findings []struct{ Rule, Activity string }
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &report); err != nil || rec.Code != 200 {
		t.Fatalf("findings: %d %v", rec.Code, err)
	}
	if !slices.ContainsFunc(report.Findings, func(f struct{ Rule, Activity string }) bool { return f.Activity == "wellbeing" }) {
		t.Errorf("no finding for the activity built in code: %+v", report.Findings)
	}
}

// The CLI and the library give the same due dates for the same register
// and date: retention due --records against Register.Due.
func TestCLIAgreesWithLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the CLI")
	}
	t.Parallel()
	dir := t.TempDir()
	bin := filepath.Join(dir, "article30")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/article30/article30/cmd/article30").CombinedOutput(); err != nil {
		t.Fatalf("cannot build the CLI: %v\n%s", err, out)
	}
	records := []struct {
		act     string
		cat     ropa.Category
		trigger retention.Trigger
		on      string
		conds   string
	}{
		{"employment", ropa.EmploymentDetails, retention.TerminationOfEmployment, "2019-03-31", ""},
		{"employment", ropa.EmploymentDetails, retention.TerminationOfEmployment, "2020-08-31", "sponsored-visa"},
		{"recruitment", ropa.EmploymentHistory, retention.EndOfRecruitment, "2025-01-31", ""},
		{"recruitment", ropa.EmploymentHistory, retention.EndOfRecruitment, "2025-01-31", "sponsored-visa"},
		{"recruitment", ropa.EmploymentHistory, retention.EndOfRecruitment, "2026-03-31", "sponsored-visa"},
	}
	var csv strings.Builder
	for _, r := range records {
		csv.WriteString(r.act + "," + string(r.cat) + "," + r.on + "," + r.conds + "\n")
	}
	in := filepath.Join(dir, "records.csv")
	if err := os.WriteFile(in, []byte(csv.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	asOf := "2026-11-23"
	out, err := exec.Command(bin, "retention", "due", "--as-of", asOf, "--records", in, "register.yaml").Output()
	if err != nil {
		t.Fatalf("retention due: %v", err)
	}
	cli := strings.Split(strings.TrimSpace(string(out)), "\n")[1:]

	reg, err := ropa.LoadFS(files, "register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	at, _ := time.Parse(time.DateOnly, asOf)
	var lib []string
	for _, r := range records {
		on, _ := time.Parse(time.DateOnly, r.on)
		rec := ropa.Record{Activity: r.act, Category: r.cat, Triggers: map[retention.Trigger]time.Time{r.trigger: on}}
		if r.conds != "" {
			rec.Conditions = []string{r.conds}
		}
		d, err := reg.Due(rec)
		if err != nil {
			t.Fatalf("Due(%+v): %v", rec, err)
		}
		if d.Fixed && !d.Date.After(at) {
			lib = append(lib, strings.Join([]string{r.act, string(r.cat), r.on, d.Date.Format(time.DateOnly), d.Action.String()}, ","))
		}
	}
	if !slices.Equal(cli, lib) {
		t.Errorf("CLI and library disagree:\nCLI:     %q\nlibrary: %q", cli, lib)
	}
	if len(lib) < 2 {
		t.Errorf("too few records due to compare: %q", lib)
	}
}
