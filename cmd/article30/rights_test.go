package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// cliCase is a run of a command whose whole standard output is known, and
// whose standard error holds the given substrings (and is empty when none
// is given).
type cliCase struct {
	name   string
	stdin  string
	args   []string
	code   int
	stdout string
	golden string // the file under testdata holding stdout, instead of stdout
	stderr []string
}

// day is midnight UTC at the start of a date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// runCases runs each case with the clock reading 23 November 2026.
func runCases(t *testing.T, tests []cliCase) {
	t.Helper()
	now := time.Date(2026, time.November, 23, 15, 4, 5, 0, time.UTC)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := runAtWith(t, now, tt.stdin, tt.args...)
			if got.code != tt.code {
				t.Errorf("article30 %q: exit status %d, want %d\nstderr:\n%s", tt.args, got.code, tt.code, got.stderr)
			}
			if tt.golden != "" {
				golden(t, tt.golden, got.stdout)
			} else if diff := cmp.Diff(tt.stdout, got.stdout); diff != "" {
				t.Errorf("article30 %q: stdout mismatch (-want +got):\n%s", tt.args, diff)
			}
			for _, s := range tt.stderr {
				if !strings.Contains(got.stderr, s) {
					t.Errorf("article30 %q: stderr lacks %q:\n%s", tt.args, s, got.stderr)
				}
			}
			if len(tt.stderr) == 0 && got.stderr != "" {
				t.Errorf("article30 %q: stderr not empty:\n%s", tt.args, got.stderr)
			}
		})
	}
}

// runAtWith runs the command line with the clock reading now and stdin.
func runAtWith(t *testing.T, now time.Time, stdin string, args ...string) out {
	t.Helper()
	var stdout, stderr strings.Builder
	e := &env{stdin: strings.NewReader(stdin), stdout: &stdout, stderr: &stderr,
		now: func() time.Time { return now }, getenv: func(string) string { return "" }}
	code := e.run(args)
	return out{code: code, stdout: stdout.String(), stderr: stderr.String()}
}

func TestRights(t *testing.T) {
	t.Parallel()
	runCases(t, []cliCase{
		{name: "consent and legitimate interests, UK, today", args: []string{"rights", "consent", "Art 6(1)(f)"}, golden: "rights-uk-consent-li.txt"},
		{name: "legal obligation and public task, EU", args: []string{"rights", "--regime", "eu", "6(1)(c)", "public-task", "legal-obligation"}, golden: "rights-eu-obligation-task.txt"},
		{name: "consent only: object is replaced by withdrawal; before complaints to controllers", args: []string{"rights", "--as-of", "2026-03-01", "consent"}, golden: "rights-uk-consent-march.txt"},
		{name: "unknown basis: the parser's suggestion", args: []string{"rights", "consnet"}, code: 2,
			stderr: []string{`article30 rights: unknown lawful basis "consnet" (did you mean "consent"?)`, "Usage: article30 rights"}},
		{name: "recognised legitimate interests under the EU regime", args: []string{"rights", "--regime", "eu", "recognised-legitimate-interests"}, code: 2,
			stderr: []string{"article30 rights: recognised-legitimate-interests is not available under the eu regime on 2026-11-23: it exists only under the uk regime\n"}},
		{name: "recognised legitimate interests before 5 February 2026", args: []string{"rights", "--as-of", "2026-02-04", "6(1)(ea)"}, code: 2,
			stderr: []string{"not available under the uk regime on 2026-02-04: in force only from 5 February 2026"}},
		{name: "no basis", args: []string{"rights"}, code: 2, stderr: []string{"article30 rights: no BASIS given"}},
		{name: "bad regime", args: []string{"rights", "--regime", "us", "consent"}, code: 2, stderr: []string{`--regime "us": want uk or eu`}},
		{name: "bad format", args: []string{"rights", "--format", "xml", "consent"}, code: 2, stderr: []string{`--format "xml": want text or json`}},
		{name: "bad date", args: []string{"rights", "--as-of", "2026-02-30", "consent"}, code: 2, stderr: []string{`--as-of "2026-02-30"`}},
	})
}

// Under consent the right to withdraw it applies; under recognised
// legitimate interests the note on automated decisions cites Art 22B(4).
func TestRightsWithdrawConsentRow(t *testing.T) {
	t.Parallel()
	now := day(2026, 11, 23)
	got := runAtWith(t, now, "", "rights", "consent")
	if !regexp.MustCompile(`withdraw-consent +yes`).MatchString(got.stdout) {
		t.Errorf("withdraw-consent does not apply under consent:\n%s", got.stdout)
	}
	got = runAtWith(t, now, "", "rights", "recognised-legitimate-interests")
	if !strings.Contains(got.stdout, "no such decision may rest on recognised legitimate interests (UK GDPR Art 22B(4))") {
		t.Errorf("no Art 22B(4) note:\n%s", got.stdout)
	}
}

func TestRightsJSON(t *testing.T) {
	t.Parallel()
	got := runAtWith(t, day(2026, 11, 23), "", "rights", "--format", "json", "--as-of", "2026-03-01", "recognised-legitimate-interests")
	if got.code != 0 || got.stderr != "" {
		t.Fatalf("exit status %d, stderr:\n%s", got.code, got.stderr)
	}
	var doc struct {
		Regime string
		AsOf   string
		Bases  []struct{ Basis, Title, Citation string }
		Rights []struct{ Right, Applies, Citation string }
	}
	if err := json.Unmarshal([]byte(got.stdout), &doc); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, got.stdout)
	}
	type row struct{ Right, Applies, Citation string }
	var rows []row
	for _, r := range doc.Rights {
		rows = append(rows, row(r))
	}
	want := []row{
		{"informed", "yes", "UK GDPR Arts 13 and 14"},
		{"access", "yes", "UK GDPR Art 15"},
		{"rectification", "yes", "UK GDPR Art 16"},
		{"erasure", "yes", "UK GDPR Art 17"},
		{"restriction", "yes", "UK GDPR Art 18"},
		{"portability", "no", "UK GDPR Art 20"},
		{"object", "yes", "UK GDPR Art 21"},
		{"object-direct-marketing", "depends", "UK GDPR Art 21(2)"},
		{"automated-decisions", "depends", "UK GDPR Arts 22A-22D"},
		{"withdraw-consent", "no", "UK GDPR Art 7(3)"},
		{"complain-to-controller", "no", "DPA 2018 s164A"},
		{"complain-to-authority", "yes", "UK GDPR Art 77"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rights mismatch (-want +got):\n%s", diff)
	}
	if doc.Regime != "uk" || doc.AsOf != "2026-03-01" || len(doc.Bases) != 1 || doc.Bases[0].Citation != "UK GDPR Art 6(1)(ea)" {
		t.Errorf("regime %q, asOf %q, bases %+v", doc.Regime, doc.AsOf, doc.Bases)
	}
}
