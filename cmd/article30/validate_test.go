package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/article30/article30/ropa"
)

// lawDate is the date the tests apply the law at, unless they say
// otherwise.
const lawDate = "2026-11-23"

func TestValidateExitStatus(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		args []string
		code int
	}{
		{"compliant register", []string{"testdata/compliant.yaml"}, 0},
		{"compliant register, json", []string{"--format", "json", "testdata/compliant.yaml"}, 0},
		{"error findings", []string{"testdata/errors.yaml"}, 1},
		{"error findings, json", []string{"--format", "json", "testdata/errors.yaml"}, 1},
		{"structural errors", []string{"testdata/structure.yaml"}, 1},
		{"warnings only", []string{"testdata/warnings.yaml"}, 0},
		{"warnings only, --fail-on warning", []string{"--fail-on", "warning", "testdata/warnings.yaml"}, 1},
		{"warnings only, --fail-on error", []string{"--fail-on", "error", "testdata/warnings.yaml"}, 0},
		{"privacy shield now", []string{"testdata/privacy-shield.yaml"}, 1},
		{"one bad file of two", []string{"testdata/compliant.yaml", "testdata/errors.yaml"}, 1},
		{"missing file", []string{"testdata/no-such-file.yaml"}, 2},
		{"missing file beside a good one", []string{"testdata/compliant.yaml", "testdata/no-such-file.yaml"}, 2},
		{"unparsable file wins over error findings", []string{"testdata/errors.yaml", "testdata/misspelt-field.yaml"}, 2},
		{"unparsable file wins, json", []string{"--format", "json", "testdata/misspelt-field.yaml", "testdata/errors.yaml"}, 2},
		{"a directory", []string{"testdata"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"validate", "--as-of", lawDate}, tt.args...)
			got := runArgs(t, "", args...)
			if got.code != tt.code {
				t.Errorf("article30 %q: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", args, got.code, tt.code, got.stdout, got.stderr)
			}
		})
	}
}

func TestValidateCompliant(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "testdata/compliant.yaml")
	want := `testdata/compliant.yaml — 0 errors, 0 warnings, 0 info (law as of 2026-11-23, UK regime)
  No findings.

Total: 1 file checked, 0 errors, 0 warnings, 0 info
`
	if diff := cmp.Diff(want, got.stdout); diff != "" {
		t.Errorf("stdout (-want +got):\n%s", diff)
	}
	if got.code != 0 || got.stderr != "" {
		t.Errorf("exit status %d, stderr %q; want 0 and nothing", got.code, got.stderr)
	}

	got = runArgs(t, "", "validate", "--as-of", lawDate, "--format", "json", "testdata/compliant.yaml")
	wantJSON := `[
  {
    "file": "testdata/compliant.yaml",
    "regime": "uk",
    "asOf": "` + lawDate + `",
    "findings": [],
    "errors": 0,
    "warnings": 0,
    "infos": 0
  }
]
`
	if diff := cmp.Diff(wantJSON, got.stdout); diff != "" {
		t.Errorf("json output (-want +got):\n%s", diff)
	}
}

func TestValidateText(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "testdata/errors.yaml")
	if got.code != 1 {
		t.Errorf("exit status %d, want 1", got.code)
	}
	if got.stderr != "" {
		t.Errorf("stderr: %s", got.stderr)
	}
	for _, re := range []string{
		`^testdata/errors\.yaml — \d+ errors, \d+ warnings?, \d+ info \(law as of 2026-11-23, UK regime\)$`,
		`^Register$`,
		`^Activity housing: Housing applications$`,
		`^  error +purpose-basis +activities\[0\]\.purposes\[1\]\.basis$`,
		`^    purpose "Surveying applicants about the service" names no lawful basis \(UK GDPR Art 6\(1\)\)$`,
		`^  error +processor-contract +activities\[0\]\.recipients\[0\]\.contract$`,
		`^  error +complaint-route +complaints$`,
		`^    .* \(DPA 2018 s164A\)$`,
		`^  error +dpo-required +dpo$`,
		`^Total: 1 file checked, \d+ errors, \d+ warnings?, \d+ info$`,
	} {
		if !regexp.MustCompile("(?m)" + re).MatchString(got.stdout) {
			t.Errorf("stdout has no line matching %s:\n%s", re, got.stdout)
		}
	}
	// The register's findings come first, then each activity's.
	reg, act := strings.Index(got.stdout, "\nRegister\n"), strings.Index(got.stdout, "\nActivity housing")
	if reg < 0 || act < reg {
		t.Errorf("the Register group does not come before the activity's:\n%s", got.stdout)
	}
	// The finding lines line up: the path starts in the same column.
	var cols []int
	for line := range strings.Lines(got.stdout) {
		if strings.HasPrefix(line, "  error ") {
			cols = append(cols, strings.LastIndex(line, " ")+1)
		}
	}
	if len(cols) < 4 || slices.Min(cols) != slices.Max(cols) {
		t.Errorf("finding lines do not line up (path columns %v):\n%s", cols, got.stdout)
	}
}

func TestValidateStructure(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "testdata/structure.yaml")
	if got.code != 1 {
		t.Errorf("exit status %d, want 1", got.code)
	}
	for _, re := range []string{
		`^  error +structure +controller\.email$`,
		`^    "info-at-northfield" is not an email address$`,
		`^Activity payroll$`,
		`^  error +structure +activities\[0\]\.name$`,
	} {
		if !regexp.MustCompile("(?m)" + re).MatchString(got.stdout) {
			t.Errorf("stdout has no line matching %s:\n%s", re, got.stdout)
		}
	}

	got = runArgs(t, "", "validate", "--as-of", lawDate, "--format", "json", "testdata/structure.yaml")
	findings := decodeFindings(t, got.stdout)
	want := map[string]any{"file": "testdata/structure.yaml", "rule": "structure", "severity": "error",
		"path": "activities[0].name", "activity": "payroll", "message": "required, and missing or empty", "citation": ""}
	if !slices.ContainsFunc(findings, func(f map[string]any) bool { return cmp.Equal(f, want) }) {
		t.Errorf("no finding %v in %v", want, findings)
	}
}

// A register with no jurisdiction gets its structural finding, and no
// rule runs: their citations need a regime.
func TestValidateNoJurisdiction(t *testing.T) {
	t.Parallel()
	file := writeFile(t, "nojurisdiction.yaml", "controller:\n  name: Acme\nactivities: []\n")
	got := runArgs(t, "", "validate", "--as-of", lawDate, file)
	if got.code != 1 {
		t.Errorf("exit status %d, want 1", got.code)
	}
	for _, s := range []string{"(no valid jurisdiction)", "structure", "jurisdiction\n"} {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, got.stdout)
		}
	}
}

func TestValidateJSON(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "--format", "json", "testdata/errors.yaml", "testdata/compliant.yaml", "testdata/privacy-shield.yaml")
	if got.code != 1 {
		t.Errorf("exit status %d, want 1\nstderr:\n%s", got.code, got.stderr)
	}
	findings := decodeFindings(t, got.stdout)
	files := map[string]bool{}
	var rules []string
	for _, f := range findings {
		for _, k := range []string{"rule", "severity", "path", "message", "citation", "file"} {
			if _, ok := f[k].(string); !ok {
				t.Errorf("finding %v: field %q missing or not a string", f, k)
			}
		}
		if !slices.Contains([]string{"error", "warning", "info"}, f["severity"].(string)) {
			t.Errorf("finding %v: severity %v", f, f["severity"])
		}
		if a, ok := f["activity"]; ok && a == "" {
			t.Errorf("finding %v: empty activity not left out", f)
		}
		files[f["file"].(string)] = true
		rules = append(rules, f["rule"].(string))
	}
	if diff := cmp.Diff(map[string]bool{"testdata/errors.yaml": true, "testdata/privacy-shield.yaml": true}, files); diff != "" {
		t.Errorf("files with findings (-want +got):\n%s", diff)
	}
	for _, r := range []string{"purpose-basis", "processor-contract", "complaint-route", "dpo-required", "privacy-shield"} {
		if !slices.Contains(rules, r) {
			t.Errorf("no %s finding in %s", r, got.stdout)
		}
	}
	want := map[string]any{"file": "testdata/errors.yaml", "rule": "purpose-basis", "severity": "error",
		"path": "activities[0].purposes[1].basis", "activity": "housing",
		"message": `purpose "Surveying applicants about the service" names no lawful basis`, "citation": "UK GDPR Art 6(1)"}
	if !slices.ContainsFunc(findings, func(f map[string]any) bool { return cmp.Equal(f, want) }) {
		t.Errorf("no finding %v in %v", want, findings)
	}
	// The output unmarshals back into the library's reports, each with
	// its file and the as-of date as a date.
	var typed []ropa.Report
	if err := json.Unmarshal([]byte(got.stdout), &typed); err != nil {
		t.Fatalf("unmarshalling into []ropa.Report: %v", err)
	}
	n := 0
	for _, r := range typed {
		n += len(r.Findings)
		if r.File == "" || r.AsOf.Format(time.DateOnly) != lawDate {
			t.Errorf("report file %q, as of %v; want a file and %s", r.File, r.AsOf, lawDate)
		}
	}
	if n != len(findings) || typed[0].Findings[0].Severity.String() != findings[0]["severity"] {
		t.Errorf("unmarshalling into []ropa.Report: %d findings, want %d", n, len(findings))
	}
	if !strings.Contains(got.stdout, `"asOf": "`+lawDate+`"`) {
		t.Errorf("asOf not written as YYYY-MM-DD:\n%.500s", got.stdout)
	}
}

// A file that cannot be parsed goes to stderr; stdout is still one JSON
// array, of the other files' findings.
func TestValidateJSONWithParseError(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "--format", "json", "testdata/bad-enum.yaml", "testdata/errors.yaml")
	if got.code != 2 {
		t.Errorf("exit status %d, want 2", got.code)
	}
	if findings := decodeFindings(t, got.stdout); len(findings) == 0 {
		t.Errorf("no findings of errors.yaml in %s", got.stdout)
	}
	if !strings.Contains(got.stderr, "testdata/bad-enum.yaml:") {
		t.Errorf("stderr does not name the file: %s", got.stderr)
	}
}

func TestValidateAsOf(t *testing.T) {
	t.Parallel()
	tests := []struct {
		asOf          string
		privacyShield bool
	}{
		{"2019-06-01", false},
		{"2020-07-15", false},
		{"2020-07-16", true},
		{"2026-11-23", true},
	}
	for _, tt := range tests {
		t.Run(tt.asOf, func(t *testing.T) {
			t.Parallel()
			got := runArgs(t, "", "validate", "--as-of", tt.asOf, "--format", "json", "testdata/privacy-shield.yaml")
			findings := decodeFindings(t, got.stdout)
			has := slices.ContainsFunc(findings, func(f map[string]any) bool { return f["rule"] == "privacy-shield" })
			if has != tt.privacyShield {
				t.Errorf("as of %s: privacy-shield finding %v, want %v\n%s", tt.asOf, has, tt.privacyShield, got.stdout)
			}
			wantCode := 0
			if tt.privacyShield {
				wantCode = 1
			}
			if got.code != wantCode {
				t.Errorf("as of %s: exit status %d, want %d", tt.asOf, got.code, wantCode)
			}

			text := runArgs(t, "", "validate", "--as-of", tt.asOf, "testdata/privacy-shield.yaml")
			if strings.Contains(text.stdout, "privacy-shield ") != tt.privacyShield {
				t.Errorf("as of %s: text output:\n%s", tt.asOf, text.stdout)
			}
			if !strings.Contains(text.stdout, "(law as of "+tt.asOf+", UK regime)") {
				t.Errorf("as of %s: header does not give the date:\n%s", tt.asOf, text.stdout)
			}
		})
	}
}

// Without --as-of, the law is applied as of today in the local zone.
func TestValidateDefaultsToToday(t *testing.T) {
	t.Parallel()
	// 23:30 on 1 June 2019 at UTC+5 is 18:30 UTC on the same day, and
	// 00:30 on 16 July 2020 at UTC+14 is still 15 July in UTC: the local
	// date counts.
	tests := []struct {
		now           time.Time
		date          string
		privacyShield bool
	}{
		{time.Date(2019, time.June, 1, 23, 30, 0, 0, time.FixedZone("UTC+5", 5*3600)), "2019-06-01", false},
		{time.Date(2020, time.July, 16, 0, 30, 0, 0, time.FixedZone("UTC+14", 14*3600)), "2020-07-16", true},
		{time.Date(2026, time.November, 23, 9, 0, 0, 0, time.UTC), "2026-11-23", true},
	}
	for _, tt := range tests {
		got := runAt(t, tt.now, "validate", "testdata/privacy-shield.yaml")
		if !strings.Contains(got.stdout, "(law as of "+tt.date+", UK regime)") {
			t.Errorf("now %v: header does not give %s:\n%s", tt.now, tt.date, got.stdout)
		}
		if strings.Contains(got.stdout, "privacy-shield ") != tt.privacyShield {
			t.Errorf("now %v: privacy-shield finding should be %v:\n%s", tt.now, tt.privacyShield, got.stdout)
		}
	}
}

// A date after the module's legal data is applied, with a note.
func TestValidateAfterLawAsOf(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", "2030-01-01", "testdata/compliant.yaml")
	if got.code != 0 || !strings.Contains(got.stderr, "note: this build knows the law as it stood on 2026-11-23") {
		t.Errorf("exit status %d, stderr %q", got.code, got.stderr)
	}
	got = runArgs(t, "", "validate", "--as-of", "2026-11-23", "testdata/compliant.yaml")
	if got.stderr != "" {
		t.Errorf("stderr %q, want nothing", got.stderr)
	}
}

// A file that cannot be parsed is reported on stderr with its name, line
// and field path, and exit status 2.
func TestValidateParseErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		file string
		bad  string // the text on the offending line
		path string // the field path in the message
		msg  string
	}{
		{"testdata/misspelt-field.yaml", "purpses:", "activities[0].purpses", `unknown field "purpses"`},
		{"testdata/bad-enum.yaml", "basis: consnet", "activities[0].purposes[1].basis", `unknown lawful basis "consnet" (did you mean "consent"?)`},
		{"testdata/bad-type.yaml", "publicAuthority: maybe", "controller.publicAuthority", "expected true or false"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			t.Parallel()
			line := lineOf(t, tt.file, tt.bad)
			for _, format := range []string{"text", "json"} {
				got := runArgs(t, "", "validate", "--as-of", lawDate, "--format", format, tt.file)
				if got.code != 2 {
					t.Errorf("%s: exit status %d, want 2", format, got.code)
				}
				want := tt.file + ":" + strconv.Itoa(line) + ":"
				if !strings.HasPrefix(got.stderr, want) {
					t.Errorf("%s: stderr %q does not start with %q", format, got.stderr, want)
				}
				for _, s := range []string{tt.path + ": ", tt.msg} {
					if !strings.Contains(got.stderr, s) {
						t.Errorf("%s: stderr %q lacks %q", format, got.stderr, s)
					}
				}
				if strings.Count(got.stderr, "\n") != 1 {
					t.Errorf("%s: stderr is not one line: %q", format, got.stderr)
				}
			}
		})
	}
}

func TestValidateMissingFile(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "validate", "--as-of", lawDate, "testdata/no-such-file.yaml", "testdata/compliant.yaml")
	if got.code != 2 {
		t.Errorf("exit status %d, want 2", got.code)
	}
	if got.stderr != "testdata/no-such-file.yaml: no such file or directory\n" {
		t.Errorf("stderr %q", got.stderr)
	}
	// The other file is still checked.
	for _, s := range []string{"testdata/compliant.yaml — 0 errors", "Total: 1 file checked, 0 errors, 0 warnings, 0 info; 1 file could not be read\n"} {
		if !strings.Contains(got.stdout, s) {
			t.Errorf("stdout lacks %q:\n%s", s, got.stdout)
		}
	}
}

func TestValidateStdin(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := runArgs(t, string(src), "validate", "--as-of", lawDate, "-")
	if got.code != 1 || !strings.HasPrefix(got.stdout, "<stdin> — ") {
		t.Errorf("exit status %d, stdout:\n%s", got.code, got.stdout)
	}
	src, err = os.ReadFile("testdata/bad-enum.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got = runArgs(t, string(src), "validate", "--as-of", lawDate, "-")
	want := "<stdin>:" + strconv.Itoa(lineOf(t, "testdata/bad-enum.yaml", "consnet")) + ":"
	if got.code != 2 || !strings.HasPrefix(got.stderr, want) {
		t.Errorf("exit status %d, stderr %q, want it to start with %q", got.code, got.stderr, want)
	}
}

// Text from the register cannot put escape sequences on the terminal.
func TestValidateControlCharacters(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile("testdata/errors.yaml")
	if err != nil {
		t.Fatal(err)
	}
	evil := strings.Replace(string(src), "name: Housing applications", `name: "Housing \e[2Japplications"`, 1)
	file := writeFile(t, "evil.yaml", evil)
	// The register is refused (one rule for text: no control characters
	// in any field), at the line and path of the text, and the message
	// shows no escape itself.
	got := runArgs(t, "", "validate", "--as-of", lawDate, file) // runArgs checks for escapes
	line := strconv.Itoa(lineOf(t, file, "Housing"))
	if got.code != 2 || !strings.Contains(got.stderr, ":"+line+":") || !strings.Contains(got.stderr, "escape U+001B at character 9 is not allowed in register text") {
		t.Errorf("exit %d, stderr:\n%s", got.code, got.stderr)
	}
}

func TestColour(t *testing.T) {
	t.Parallel()
	// Colour is only for terminals: never for a buffer or a regular file,
	// and never with NO_COLOR or TERM=dumb.
	f, err := os.Create(filepath.Join(t.TempDir(), "out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, e := range []*env{
		{stdout: &bytes.Buffer{}, getenv: func(string) string { return "" }},
		{stdout: f, getenv: func(string) string { return "" }},
		{stdout: f, getenv: func(k string) string { return map[string]string{"NO_COLOR": "1"}[k] }},
		{stdout: f, getenv: func(k string) string { return map[string]string{"TERM": "dumb"}[k] }},
	} {
		if colorable(e) {
			t.Errorf("colorable(%T) with the environment given = true", e.stdout)
		}
	}

	// When colour is on, severities are coloured and headings bold.
	v := &validation{at: time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)}
	reg, err := ropa.Load("testdata/warnings.yaml")
	if err != nil {
		t.Fatal(err)
	}
	v.results = []result{{file: "w.yaml", reg: reg, regime: reg.Jurisdiction, warnings: 1,
		findings: []ropa.Finding{{Rule: "activity-security", Severity: ropa.Warning, Path: "activities[0].security", Activity: "events", Message: "m", Citation: "c"}}}}
	var b bytes.Buffer
	if err := v.writeText(&b, true); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{ansiYellow + "warning" + ansiReset, ansiBold + "Activity events: Careers events" + ansiReset} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("coloured output lacks %q:\n%q", s, b.String())
		}
	}
}

// The example registers of the repository all read (their findings are
// their own business).
func TestExampleRegistersRead(t *testing.T) {
	t.Parallel()
	files, _ := filepath.Glob("../../examples/registers/*.yaml")
	if len(files) == 0 {
		t.Skip("no example registers")
	}
	for _, file := range files {
		got := runArgs(t, "", "validate", "--as-of", lawDate, file)
		if got.code == 2 {
			t.Errorf("%s: exit status 2:\n%s", file, got.stderr)
		}
	}
}

// decodeFindings checks that s is the findings JSON of ropa.ReportSchema
// (a list of reports) and returns the reports' findings, in order.
func decodeFindings(t *testing.T, s string) []map[string]any {
	t.Helper()
	checkReportSchema(t, s)
	var reps []struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(s), &reps); err != nil {
		t.Fatalf("output is not a JSON array of reports: %v\n%s", err, s)
	}
	if reps == nil {
		t.Fatalf("output is null, not an array: %s", s)
	}
	out := []map[string]any{}
	for _, r := range reps {
		out = append(out, r.Findings...)
	}
	return out
}

// checkReportSchema fails the test unless s is valid against the
// findings schema the module publishes (ropa.ReportSchema).
func checkReportSchema(t *testing.T, s string) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(ropa.ReportSchema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://github.com/article30/article30/findings.schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	if err != nil {
		t.Fatalf("%v\n%s", err, s)
	}
	if err := sch.Validate(inst); err != nil {
		t.Errorf("findings JSON does not match ropa.ReportSchema: %v\n%s", err, s)
	}
}

// lineOf returns the 1-based number of the first line of file containing s.
func lineOf(t *testing.T, file, s string) int {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(string(b), "\n") {
		if strings.Contains(line, s) {
			return i + 1
		}
	}
	t.Fatalf("%s has no line containing %q", file, s)
	return 0
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return file
}
