package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/ropa"
)

// durham is the seed register the notice tests use: its groups are job
// applicants, referees and a custom group.
const durham = "../../examples/registers/durham-university-recruitment.yaml"

// wantNotice generates the notice the command should print.
func wantNotice(t *testing.T, file string, opts ...notice.Option) *notice.Notice {
	t.Helper()
	n, err := notice.Generate(loadT(t, file), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), opts...)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestNoticeFormats(t *testing.T) {
	t.Parallel()
	all := wantNotice(t, durham)
	jobs := wantNotice(t, durham, notice.Audience(ropa.JobApplicants))
	tests := []struct {
		name   string
		args   []string
		want   string
		prefix string // how the output starts
	}{
		{"markdown by default", nil, all.Markdown(), "# "},
		{"md", []string{"--format", "md"}, all.Markdown(), "# "},
		{"html page", []string{"--format", "html"}, all.Page(), "<!DOCTYPE html>"},
		{"html fragment", []string{"--format", "html", "--fragment"}, all.HTML(), "<h1>"},
		{"txt", []string{"--format", "txt"}, all.Text(), all.Title + "\n==="},
		{"audience", []string{"--audience", "job-applicants"}, jobs.Markdown(), "# "},
		{"audience by title, twice", []string{"--audience", "Job applicants", "--audience=job-applicants", "--format", "txt"}, jobs.Text(), jobs.Title},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string{"notice", "--as-of", lawDate, "--allow-incomplete"}, tt.args...), durham)
			got := runArgs(t, "", args...)
			if got.code != 0 {
				t.Fatalf("article30 %q: exit status %d\n%s", args, got.code, got.stderr)
			}
			want := tt.want
			if !strings.HasSuffix(want, "\n") {
				want += "\n"
			}
			if diff := cmp.Diff(want, got.stdout); diff != "" {
				t.Errorf("article30 %q: stdout (-want +got):\n%s", args, diff)
			}
			if !strings.HasPrefix(got.stdout, tt.prefix) {
				t.Errorf("article30 %q: stdout starts %.40q, want %q", args, got.stdout, tt.prefix)
			}
		})
	}
}

// The notice for an audience speaks of that group only.
func TestNoticeAudience(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "notice", "--as-of", lawDate, "--allow-incomplete", "--audience", "referees", durham)
	if got.code != 0 {
		t.Fatalf("exit status %d\n%s", got.code, got.stderr)
	}
	if !strings.Contains(got.stdout, "\n## Information about referees\n") || strings.Contains(got.stdout, "Information about job applicants") {
		t.Errorf("the notice for referees:\n%s", got.stdout)
	}
	if !strings.HasPrefix(got.stderr, "Articles 13 and 14: the notice for referees (law as of 2026-11-23) fills ") {
		t.Errorf("stderr does not start with the coverage for referees:\n%s", got.stderr)
	}
}

// Standard error lists every item of Articles 13 and 14, filled or
// missing, with the reason.
func TestNoticeCoverage(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "notice", "--as-of", lawDate, "--allow-incomplete", durham)
	if got.code != 0 {
		t.Fatalf("exit status %d, want 0 with --allow-incomplete although items are missing\n%s", got.code, got.stderr)
	}
	items := wantNotice(t, durham).Coverage()
	lines := strings.Split(strings.TrimSuffix(got.stderr, "\n"), "\n")
	if len(lines) != len(items)+1 {
		t.Fatalf("stderr has %d lines, want a heading and %d items:\n%s", len(lines), len(items), got.stderr)
	}
	filled := 0
	for i, it := range items {
		state := "missing"
		if it.Filled {
			state, filled = "filled ", filled+1
		}
		want := regexp.QuoteMeta("Art "+it.Article) + ` +` + state + `  ` + regexp.QuoteMeta(it.Requirement)
		if it.Reason != "" {
			want += regexp.QuoteMeta(" — " + it.Reason)
		}
		if !regexp.MustCompile(`^  ` + want + `$`).MatchString(lines[i+1]) {
			t.Errorf("coverage line %d is %q, want it to match %s", i+1, lines[i+1], want)
		}
	}
	if filled == len(items) || filled == 0 {
		t.Errorf("%d of %d items filled; the test wants a register with both", filled, len(items))
	}
	heading := fmt.Sprintf("Articles 13 and 14: the notice for everyone the register records (law as of 2026-11-23) fills %d of %d items", filled, len(items))
	if lines[0] != heading {
		t.Errorf("heading %q, want %q", lines[0], heading)
	}
}

func TestNoticeOutputFile(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "notice.html")
	got := runArgs(t, "", "notice", "--as-of", lawDate, "--allow-incomplete", "--format", "html", "-o", out, durham)
	if got.code != 0 || got.stdout != "" || !strings.HasPrefix(got.stderr, "Articles 13 and 14: ") {
		t.Errorf("exit status %d, stdout %q, stderr %q", got.code, got.stdout, got.stderr)
	}
	if page, want := readFile(t, out), wantNotice(t, durham).Page(); strings.TrimSuffix(page, "\n") != strings.TrimSuffix(want, "\n") {
		t.Errorf("%s does not hold the page:\n%.200s", out, page)
	}
}

func TestNoticeErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noRegime := filepath.Join(dir, "no-regime.yaml")
	if err := os.WriteFile(noRegime, []byte("controller: {name: Northfield}\nactivities: [{id: a, name: A, dataSubjects: [employees]}]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"misspelt audience", []string{"--audience", "job-aplicants", durham},
			[]string{`article30 notice: --audience "job-aplicants": unknown data subject "job-aplicants" (did you mean "job-applicants"?)`, "Usage: article30 notice"}},
		{"audience not in the register", []string{"--audience", "employees", durham},
			[]string{"article30 notice: --audience employees: " + durham + " records no activity about employees; its groups are job-applicants, referees, custom: ", "Usage: article30 notice"}},
		{"bad format", []string{"--format", "pdf", durham}, []string{`--format "pdf": want md, html or txt`}},
		{"fragment without html", []string{"--fragment", durham}, []string{"--fragment goes with --format html, not md"}},
		{"bad date", []string{"--as-of", "2026-02-29", durham}, []string{`--as-of "2026-02-29": want a date written YYYY-MM-DD`}},
		{"no file", nil, []string{"article30 notice: no FILE given"}},
		{"two files", []string{durham, durham}, []string{"one FILE at a time, not 2"}},
		{"missing file", []string{"testdata/no-such.yaml"}, []string{"testdata/no-such.yaml: no such file or directory\n"}},
		{"unparsable file", []string{"testdata/misspelt-field.yaml"}, []string{"testdata/misspelt-field.yaml:", `unknown field "purpses"`}},
		{"no jurisdiction", []string{noRegime}, []string{"article30 notice: " + noRegime + ": the register has no valid jurisdiction, so the law of the notice is unknown (set jurisdiction: uk or eu)\n"}},
		{"unwritable output", []string{"-o", dir, durham}, []string{"article30 notice: " + dir + ": is a directory\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"notice", "--as-of", lawDate}, tt.args...)
			wantFailure(t, args, tt.stderr)
		})
	}
}

func TestNoticeStdin(t *testing.T) {
	t.Parallel()
	got := runArgs(t, readFile(t, durham), "notice", "--as-of", lawDate, "--allow-incomplete", "--format", "txt", "-")
	if want := wantNotice(t, durham).Text(); got.code != 0 || strings.TrimSuffix(got.stdout, "\n") != strings.TrimSuffix(want, "\n") {
		t.Errorf("notice -: exit status %d, stdout:\n%.200s", got.code, got.stdout)
	}
}

// complete is a register that records every item Articles 13 and 14
// require on lawDate: its notice is not a draft.
const complete = `jurisdiction: uk
controller:
  name: Northfield Careers Trust
  address: 1 High Street, Leeds LS1 1AA
  email: info@northfield.example
dpo:
  name: Priya Shah
  email: dpo@northfield.example
complaints:
  form: https://northfield.example/privacy/complaints
reviewDate: 2026-10-01
activities:
  - id: payroll
    name: Payroll
    purposes:
      - description: Paying staff under their contracts of employment
        basis: contract
    dataSubjects: [employees]
    dataCategories: [identifiers, contact-details]
    sources:
      - kind: data-subject
    none: [automated-decisions, transfers, other-sources]
    provision: {requirement: contractual, consequences: We cannot pay you.}
    recipients:
      - name: Payroll bureau
        kind: processor
        country: GB
    retention:
      - rule: "P6Y from termination-of-employment"
`

// A notice with missing items is a draft: written with its banner, and
// the command exits 1 unless --allow-incomplete; a complete register's
// notice has no banner and exits 0.
func TestNoticeDraft(t *testing.T) {
	t.Parallel()
	got := runArgs(t, "", "notice", "--as-of", lawDate, durham)
	if got.code != exitFindings {
		t.Errorf("draft: exit status %d, want %d", got.code, exitFindings)
	}
	if !strings.Contains(got.stdout, "> **Draft: not ready to publish**") {
		t.Errorf("draft: no banner in the notice:\n%.400s", got.stdout)
	}
	missing := len(wantNotice(t, durham).Missing())
	if want := fmt.Sprintf("article30 notice: the notice is a draft: %d items missing (--allow-incomplete to exit 0)\n", missing); !strings.HasSuffix(got.stderr, want) {
		t.Errorf("draft: stderr ends %q, want %q", got.stderr[max(0, len(got.stderr)-120):], want)
	}
	if got := runArgs(t, "", "notice", "--as-of", lawDate, "--allow-incomplete", durham); got.code != exitOK || !strings.Contains(got.stdout, "Draft: not ready to publish") {
		t.Errorf("--allow-incomplete: exit status %d, want 0 with the banner still written", got.code)
	}

	file := filepath.Join(t.TempDir(), "complete.yaml")
	if err := os.WriteFile(file, []byte(complete), 0o644); err != nil {
		t.Fatal(err)
	}
	got = runArgs(t, "", "notice", "--as-of", lawDate, "--format", "txt", file)
	if got.code != exitOK || strings.Contains(strings.ToLower(got.stdout), "draft") {
		t.Errorf("complete register: exit status %d, stderr:\n%s\nstdout:\n%.300s", got.code, got.stderr, got.stdout)
	}
}

// --since writes what changes in the notice between two registers, in
// each format, the same as notice.Diff.
func TestNoticeSince(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := filepath.Join(dir, "old.yaml")
	if err := os.WriteFile(old, []byte(complete), 0o644); err != nil {
		t.Fatal(err)
	}
	new := filepath.Join(dir, "new.yaml")
	if err := os.WriteFile(new, []byte(strings.Replace(complete, "P6Y from termination-of-employment", "P7Y from termination-of-employment", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := notice.Diff(loadT(t, old), loadT(t, new), time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for format, want := range map[string]string{"md": c.Markdown(), "txt": c.Text(), "html": c.HTML()} {
		got := runArgs(t, "", "notice", "--as-of", lawDate, "--format", format, "--since", old, new)
		if got.code != exitOK {
			t.Errorf("%s: exit status %d\n%s", format, got.code, got.stderr)
		}
		if diff := cmp.Diff(want, got.stdout); diff != "" {
			t.Errorf("%s: stdout (-want +got):\n%s", format, diff)
		}
		if !strings.Contains(got.stdout, "7 years") || !strings.Contains(got.stdout, "6 years") {
			t.Errorf("%s: the change of period is not shown:\n%s", format, got.stdout)
		}
	}
	if got := runArgs(t, "", "notice", "--since", filepath.Join(dir, "missing.yaml"), new); got.code != exitFailure {
		t.Errorf("missing OLD: exit status %d", got.code)
	}
}
