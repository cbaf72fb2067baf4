package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// vetModule is the Go module article30 vet's tests run on: an HR service
// whose staff package plants one defect of each kind, and whose clean
// package declares everything it holds.
const vetModule = "testdata/vet"

// runVet runs article30 vet with args. The vet command is run directly,
// so that its tests do not depend on the command table.
func runVet(t *testing.T, args ...string) out {
	t.Helper()
	code, stdout, stderr := vetOnce(args...)
	return checked(t, append([]string{"vet"}, args...), code, stdout, stderr)
}

func vetOnce(args ...string) (int, *bytes.Buffer, *bytes.Buffer) {
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		now: func() time.Time { return time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC) }, getenv: func(string) string { return "" }}
	return vetCommand.run(e, args), &stdout, &stderr
}

func TestVetText(t *testing.T) {
	t.Parallel()
	got := runVet(t, "-C", vetModule)
	if got.code != exitFindings || got.stderr != "" {
		t.Fatalf("article30 vet: exit status %d, stderr %q; want 1 and nothing", got.code, got.stderr)
	}
	want := []string{
		`sinks/sinks.go:11:1: error unknown-recipient: no activity of the register register.yaml lists the recipient "HireHub Inc"`,
		`staff/staff.go:12:2: warning untagged-personal-data: Applicant.NINumber looks like personal data (Government identifiers) but has no article30 tag; tag it article30:"government-identifiers"`,
		`staff/staff.go:13:2: error special-without-condition: Applicant.Health holds health, special category data, but activity "recruitment" records no Art 9(2) condition (special.conditions) (UK GDPR Art 9(1)-(2))`,
		`staff/staff.go:13:2: error undeclared-category: Applicant.Health holds health, which activity "recruitment" does not declare for job-applicants; add to its dataCategories: {category: health, subjects: [job-applicants]} (UK GDPR Art 30(1)(c))`,
		`staff/staff.go:21:2: error undeclared-category: Referee.CV holds employment-history, which activity "recruitment" does not declare for referees`,
		`staff/staff.go:27:15: error undeclared-recipient: Referee reaches recipient "TalentDesk Ltd (applicant tracking system)" through sinks.Upload, which activity "recruitment" does not declare for referees`,
		`staff/staff.go:28:14: error undeclared-transfer: Applicant reaches a transfer to US ("HireHub Inc") through sinks.Enrol, which activity "recruitment" does not declare for job-applicants; the register states there are no transfers for job-applicants`,
		`Total: 6 errors, 1 warning, 0 info (register register.yaml)`,
	}
	lines := strings.Split(strings.TrimSpace(got.stdout), "\n")
	if len(lines) != len(want) {
		t.Fatalf("article30 vet: %d lines, want %d:\n%s", len(lines), len(want), got.stdout)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], w) {
			t.Errorf("line %d:\n got %s\nwant %s...", i+1, lines[i], w)
		}
	}

	// The clean package: nothing to report, exit 0; --fail-on warning
	// still finds nothing.
	got = runVet(t, "-C", vetModule, "--fail-on", "warning", "./clean")
	if got.code != exitOK || got.stdout != "Total: 0 errors, 0 warnings, 0 info (register register.yaml)\n" {
		t.Errorf("article30 vet ./clean: exit status %d, stdout %q, stderr %q; want 0 and no findings", got.code, got.stdout, got.stderr)
	}
}

func TestVetUsage(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"--format", "xml"}, `--format "xml": want text, json or sarif`},
		{[]string{"--fail-on", "info"}, `--fail-on "info": want error or warning`},
		{[]string{"--suggest", "--draft"}, "give one"},
		{[]string{"--draft", "--register", "r.yaml"}, "takes no --register"},
		{[]string{"-C", vetModule, "--register", "no-such.yaml"}, "no-such.yaml: no such file or directory"},
		{[]string{"-C", vetModule, "./nosuchpackage"}, "nosuchpackage"},
	} {
		got := runVet(t, tc.args...)
		if got.code != exitFailure || got.stdout != "" || !strings.Contains(got.stderr, tc.stderr) {
			t.Errorf("article30 vet %q: exit status %d, stdout %q, stderr %q; want 2 and %q", tc.args, got.code, got.stdout, got.stderr, tc.stderr)
		}
	}
}

func TestVetJSONAndSARIF(t *testing.T) {
	t.Parallel()
	got := runVet(t, "-C", vetModule, "--format", "json")
	findings := vetFindings(t, got.stdout)
	if got.code != exitFindings || len(findings) != 7 {
		t.Fatalf("article30 vet --format json: exit status %d, %d findings; want 1 and 7", got.code, len(findings))
	}
	f := findings[3]
	if f.File != "staff/staff.go" || f.Line != 13 || f.Rule != "undeclared-category" || f.Activity != "recruitment" ||
		f.Path != "activities[0].dataCategories" || f.Citation != "UK GDPR Art 30(1)(c)" {
		t.Errorf("finding 4: %+v", f)
	}

	sch := compileSARIFSchema(t)
	got = runVet(t, "-C", vetModule, "--format", "sarif", "--unused")
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(got.stdout))
	if err != nil {
		t.Fatalf("article30 vet --format sarif: not JSON: %v", err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("article30 vet --format sarif: does not validate against the SARIF 2.1.0 schema:\n%v", err)
	}
	var s sarifOut
	if err := json.Unmarshal([]byte(got.stdout), &s); err != nil {
		t.Fatal(err)
	}
	run := s.Runs[0]
	byURI := map[string]int{}
	for _, r := range run.Results {
		rules := run.Tool.Driver.Rules
		if r.RuleIndex < 0 || r.RuleIndex >= len(rules) || rules[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result of %s has ruleIndex %d, which is not that rule", r.RuleID, r.RuleIndex)
		}
		loc := r.Locations[0].PhysicalLocation
		if loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine < 1 {
			t.Errorf("result %s at %+v: want a line relative to %%SRCROOT%%", r.RuleID, loc)
		}
		byURI[loc.ArtifactLocation.URI]++
	}
	// Findings on the Go lines; unused declarations on the register's.
	if want := map[string]int{"sinks/sinks.go": 1, "staff/staff.go": 6, "register.yaml": 2}; !equalMaps(byURI, want) {
		t.Errorf("results per file %v, want %v", byURI, want)
	}
	for _, r := range run.Tool.Driver.Rules {
		if r.ID == "undeclared-recipient" && (r.Properties.Citation["uk"] != "UK GDPR Art 30(1)(d)" || r.Properties.Citation["eu"] != "GDPR Art 30(1)(d)") {
			t.Errorf("rule undeclared-recipient cites %v", r.Properties.Citation)
		}
	}
}

func equalMaps(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// suggestion is an activity's entries in the output of --suggest.
type suggestion struct {
	ID             string              `json:"id"`
	DataCategories []ropa.DataCategory `json:"dataCategories"`
	Recipients     []ropa.Recipient    `json:"recipients"`
	Transfers      []ropa.Transfer     `json:"transfers"`
}

// TestVetSuggest checks that the additions --suggest prints are what the
// register lacks: pasted into it (with the recipient's kind and the
// transfer's mechanism a DPO fills in), vet finds nothing undeclared.
func TestVetSuggest(t *testing.T) {
	t.Parallel()
	got := runVet(t, "-C", vetModule, "--suggest")
	if got.code != exitOK || got.stderr != "" {
		t.Fatalf("article30 vet --suggest: exit status %d, stderr %q", got.code, got.stderr)
	}
	var doc any
	if err := yaml.Unmarshal([]byte(got.stdout), &doc); err != nil {
		t.Fatalf("--suggest output is not YAML: %v\n%s", err, got.stdout)
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	var adds []suggestion
	if err := json.Unmarshal(b, &adds); err != nil {
		t.Fatalf("--suggest output is not a list of activities' entries: %v\n%s", err, got.stdout)
	}
	reg, err := ropa.Load(filepath.Join(vetModule, "register.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if len(adds) != 1 || adds[0].ID != "recruitment" {
		t.Fatalf("additions %+v, want recruitment's", adds)
	}
	a := &reg.Activities[0]
	add := adds[0]
	wantCats := []ropa.DataCategory{{Category: ropa.Health, Subjects: []ropa.Subject{ropa.JobApplicants}}, {Category: ropa.EmploymentHistory, Subjects: []ropa.Subject{ropa.Referees}}}
	if !slices.EqualFunc(add.DataCategories, wantCats, func(x, y ropa.DataCategory) bool {
		return x.Category == y.Category && slices.Equal(x.Subjects, y.Subjects)
	}) {
		t.Errorf("categories %+v, want %+v", add.DataCategories, wantCats)
	}
	a.DataCategories = append(a.DataCategories, add.DataCategories...)
	for _, r := range add.Recipients {
		if r.Kind == "" {
			r.Kind = ropa.Processor
		}
		a.Recipients = append(a.Recipients, r)
	}
	for _, tr := range add.Transfers {
		tr.Mechanism = lawfulbasis.IDTA
		a.Transfers = append(a.Transfers, tr)
	}
	a.None = nil // the register said no transfers; the code makes one
	a.Special.Conditions = append(a.Special.Conditions, lawfulbasis.EmploymentLaw)
	a.Special.Schedule1 = append(a.Special.Schedule1, lawfulbasis.Sch1Employment)
	var buf bytes.Buffer
	if err := ropa.Encode(&buf, reg); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "declared.yaml")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got = runVet(t, "-C", vetModule, "--register", file, "--format", "json")
	findings := vetFindings(t, got.stdout)
	var rules []string
	for _, f := range findings {
		rules = append(rules, f.Rule)
	}
	// What remains: the untagged NINO (a code fix, not a register one).
	if !slices.Equal(rules, []string{"untagged-personal-data"}) {
		t.Errorf("after pasting the suggestions: findings %q, want only untagged-personal-data:\n%s", rules, got.stdout)
	}
}

func TestVetDraft(t *testing.T) {
	t.Parallel()
	got := runVet(t, "-C", vetModule, "--draft")
	if got.code != exitOK {
		t.Fatalf("article30 vet --draft: exit status %d, stderr %q", got.code, got.stderr)
	}
	// A draft is a fragment to paste into a register, not a whole one: it
	// decodes, but has no jurisdiction or controller to validate.
	reg, err := ropa.Decode(strings.NewReader(got.stdout), ropa.WithoutValidation())
	if err != nil {
		t.Fatalf("the draft does not read as a register: %v\n%s", err, got.stdout)
	}
	if len(reg.Activities) != 1 {
		t.Fatalf("draft activities %+v, want recruitment", reg.Activities)
	}
	a := reg.Activities[0]
	if a.ID != "recruitment" || a.Name != "Recruitment" || !slices.Equal(a.DataSubjects, []ropa.Subject{ropa.JobApplicants, ropa.Referees}) {
		t.Errorf("draft activity %s %q about %v", a.ID, a.Name, a.DataSubjects)
	}
	// identifiers is held about both groups: unscoped; the others scoped
	// to the group whose type holds them.
	want := map[ropa.Category]string{ropa.Identifiers: "", ropa.ContactDetails: "job-applicants", ropa.Health: "job-applicants", ropa.EmploymentHistory: "referees"}
	for _, d := range a.DataCategories {
		w, ok := want[d.Category]
		if !ok || subjectList(d.Subjects) != w && !(w == "" && len(d.Subjects) == 0) {
			t.Errorf("draft category %s for %v", d.Category, d.Subjects)
		}
		delete(want, d.Category)
	}
	if len(want) > 0 {
		t.Errorf("draft lacks %v", want)
	}
	if len(a.Recipients) != 2 || a.Recipients[0].Name != "talentdesk-ltd" || a.Recipients[1].Name != "HireHub Inc" || a.Recipients[0].Kind != "" {
		t.Errorf("draft recipients %+v: want talentdesk-ltd and the transfer's HireHub Inc, with their kinds left for the DPO", a.Recipients)
	}
	if len(a.Purposes) != 0 || !strings.Contains(got.stdout, "cannot say why") {
		t.Errorf("the draft invents purposes, or does not say what to complete:\n%s", got.stdout)
	}
	if err := reg.Validate(); err == nil {
		t.Error("the draft validates: it should leave what the code cannot say for the DPO, and fail until then")
	}
}

func subjectList(ss []ropa.Subject) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// writeBenchModule writes a Go module of about lines lines in pkgs
// packages, with types annotated structs in all, for the benchmark: each
// annotated type has tagged fields, each package plain functions and calls
// of a marked recipient. Its register declares everything, so vet finds
// nothing and both tools do their whole work.
func writeBenchModule(t testing.TB, dir string, pkgs, types, lines int) {
	t.Helper()
	write := func(name, text string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/bench\n\ngo 1.26\n")
	write("register.yaml", `jurisdiction: uk
controller:
  name: Bench Ltd
activities:
  - id: employment
    name: Employment
    purposes:
      - description: Employ people
        basis: contract
    dataSubjects: [employees]
    dataCategories: [identifiers, contact-details, pay-and-benefits, employment-details, absence]
    recipients:
      - name: PayRight Bureau Ltd
        kind: processor
`)
	write("sinks/sinks.go", "// Package sinks hands data on.\npackage sinks\n\n// Send hands records to the bureau.\n//\n//article30:recipient payright-bureau-ltd\nfunc Send(v any) {}\n")
	perPkg := types / pkgs
	per := lines / pkgs
	for p := range pkgs {
		var b strings.Builder
		fmt.Fprintf(&b, "// Package p%d is generated.\npackage p%d\n\nimport (\n\t\"fmt\"\n\t\"strings\"\n\n\t\"example.com/bench/sinks\"\n)\n\n", p, p)
		for i := range perPkg {
			fmt.Fprintf(&b, "// Record%d is a staff record.\n//\n//article30:activity employment\ntype Record%d struct {\n", i, i)
			fmt.Fprintf(&b, "\tID string `article30:\"identifiers\"`\n\tEmail string `article30:\"contact-details\"`\n\tSalary int `article30:\"pay-and-benefits\"`\n\tJobTitle string `article30:\"employment-details\"`\n\tSickDays int `article30:\"absence\"`\n\tCreated string\n\tUpdated string\n}\n\n")
			fmt.Fprintf(&b, "// Send%d sends a record.\nfunc Send%d(r Record%d) { sinks.Send(r); sinks.Send(&r) }\n\n", i, i, i)
		}
		for f := 0; strings.Count(b.String(), "\n") < per; f++ {
			fmt.Fprintf(&b, "// F%d formats.\nfunc F%d(xs []string) string {\n\tvar b strings.Builder\n\tfor i, x := range xs {\n\t\tif i%%2 == 0 {\n\t\t\tfmt.Fprintf(&b, \"%%d:%%s\", i, x)\n\t\t} else {\n\t\t\tb.WriteString(strings.ToUpper(x))\n\t\t}\n\t}\n\treturn b.String()\n}\n\n", f, f)
		}
		write(fmt.Sprintf("p%d/p%d.go", p, p), b.String())
	}
}

// BenchmarkVet compares article30 vet with go vet's default analyzers on a
// generated module of about 100,000 lines with 500 annotated types (the
// issue asks for article30 vet within twice go vet's time). Before each
// run of either, every package's file is edited (a comment appended), so
// that go vet, which caches the results of unchanged packages, does its
// whole work, as in CI after a change; the build cache of the standard
// library stays warm for both.
//
//	go test ./cmd/article30 -run '^$' -bench BenchmarkVet -benchtime 3x
func BenchmarkVet(b *testing.B) {
	if testing.Short() {
		b.Skip("generates a 100,000-line module")
	}
	dir := b.TempDir()
	writeBenchModule(b, dir, 50, 500, 100000)
	files, _ := filepath.Glob(filepath.Join(dir, "p*", "p*.go"))
	edit := func(n int) {
		for _, f := range files {
			fh, err := os.OpenFile(f, os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(fh, "// edit %d\n", n)
			fh.Close()
		}
	}
	n := 0
	b.Run("article30-vet", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			n++
			edit(n)
			b.StartTimer()
			if code, stdout, stderr := vetOnce("-C", dir); code != exitOK {
				b.Fatalf("article30 vet: exit status %d\n%s%s", code, stdout, stderr)
			}
		}
	})
	b.Run("go-vet", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			n++
			edit(n)
			b.StartTimer()
			cmd := exec.Command("go", "vet", "./...")
			cmd.Dir = dir
			if out, err := cmd.CombinedOutput(); err != nil {
				b.Fatalf("go vet: %v\n%s", err, out)
			}
		}
	})
}

// vetFindings checks that s is the findings JSON (ropa.ReportSchema) of
// one report and returns its findings.
func vetFindings(t *testing.T, s string) []ropa.Finding {
	t.Helper()
	checkReportSchema(t, s)
	var reps []ropa.Report
	if err := json.Unmarshal([]byte(s), &reps); err != nil || len(reps) != 1 {
		t.Fatalf("article30 vet --format json: %v, %d reports, want 1\n%s", err, len(reps), s)
	}
	return reps[0].Findings
}
