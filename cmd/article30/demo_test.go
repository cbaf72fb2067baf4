package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/article30/article30/examples/registers"
	"github.com/article30/article30/ropa"
)

// clock is a reading of the clock on the day y-m-d, mid-morning in the
// local time zone.
func clock(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 10, 30, 0, 0, time.Local)
}

// demoExts are the files demo writes for each example register.
var demoExts = []string{".yaml", ".xlsx", ".md", ".html"}

func TestDemo(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out") // demo makes it
	got := runAt(t, clock(2026, 11, 23), "demo", "-o", dir)
	if got.code != 0 {
		t.Fatalf("exit status %d, want 0 although the examples have error findings\nstderr:\n%s", got.code, got.stderr)
	}
	if got.stderr != "" {
		t.Errorf("stderr:\n%s", got.stderr)
	}
	names := registers.Names()
	if len(names) != 5 {
		t.Fatalf("%d example registers, want 5: %q", len(names), names)
	}
	if !strings.HasPrefix(got.stdout, "Writing the registers, workbooks and privacy notices of 5 example organisations to "+dir+" (law as of 2026-11-23):\n") {
		t.Errorf("stdout does not start with the date, taken from the clock:\n%s", got.stdout)
	}
	for i, name := range names {
		base := strings.TrimSuffix(name, ".yaml")
		src, err := fs.ReadFile(registers.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ropa.Decode(bytes.NewReader(src))
		if err != nil {
			t.Fatal(err)
		}
		progress := regexp.MustCompile(`(?m)^  \[` + string(rune('1'+i)) + `/5\] ` + regexp.QuoteMeta(base+": "+want.Controller.Name) + ` \.\.\. done$`)
		if !progress.MatchString(got.stdout) {
			t.Errorf("stdout has no progress line matching %s", progress)
		}
		summary := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(base+": "+want.Controller.Name) + `\n  \d+ activit(y|ies); findings: \d+ errors?, \d+ warnings?, \d+ info\n`)
		if !summary.MatchString(got.stdout) {
			t.Errorf("stdout has no summary matching %s", summary)
		}
		for _, ext := range demoExts {
			path := filepath.Join(dir, base+ext)
			st, err := os.Stat(path)
			if err != nil || st.Size() == 0 {
				t.Errorf("%s: %v, size %d", path, err, st.Size())
				continue
			}
			if !strings.Contains(got.stdout, "\n  "+path+" ") {
				t.Errorf("the summary does not name %s", path)
			}
		}
		if readFile(t, filepath.Join(dir, name)) != string(src) {
			t.Errorf("%s is not a copy of the example register", name)
		}
		if diff := cmp.Diff(want, readWorkbook(t, filepath.Join(dir, base+".xlsx")), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s.xlsx read back (-want +got):\n%s", base, diff)
		}
		if md := readFile(t, filepath.Join(dir, base+".md")); !strings.HasPrefix(md, "# ") {
			t.Errorf("%s.md does not start with a heading: %.60q", base, md)
		}
		if page := readFile(t, filepath.Join(dir, base+".html")); !strings.HasPrefix(strings.ToLower(page), "<!doctype html>") {
			t.Errorf("%s.html is not a page: %.60q", base, page)
		}
	}
}

// The same date gives the same files; --as-of sets it.
func TestDemoDeterministic(t *testing.T) {
	t.Parallel()
	a, b := t.TempDir(), t.TempDir()
	runs := []struct {
		dir  string
		args []string
		now  time.Time
	}{
		{a, []string{"demo", "-o", a}, clock(2026, 6, 19)},
		{b, []string{"demo", "--as-of", "2026-06-19", "-o", b}, clock(2030, 1, 1)},
	}
	for _, r := range runs {
		if got := runAt(t, r.now, r.args...); got.code != 0 || !strings.Contains(got.stdout, "(law as of 2026-06-19)") {
			t.Fatalf("article30 %q: exit status %d\n%s%s", r.args, got.code, got.stdout, got.stderr)
		}
	}
	for _, name := range registers.Names() {
		for _, ext := range demoExts {
			f := strings.TrimSuffix(name, ".yaml") + ext
			if readFile(t, filepath.Join(a, f)) != readFile(t, filepath.Join(b, f)) {
				t.Errorf("%s differs between two runs as of the same date", f)
			}
		}
	}
}

// A file that cannot be written is reported, the other files are still
// written, and the exit status is 2.
func TestDemoUnwritable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	blocked := filepath.Join(dir, "harris-careers.xlsx")
	first := filepath.Join(dir, "careers-and-enterprise.yaml") // the very first file
	if err := os.Mkdir(first, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	got := runArgs(t, "", "demo", "--as-of", lawDate, "-o", dir)
	if got.code != 2 {
		t.Errorf("exit status %d, want 2", got.code)
	}
	if want := "article30 demo: " + first + ": is a directory\narticle30 demo: " + blocked + ": is a directory\n"; got.stderr != want {
		t.Errorf("stderr %q, want %q", got.stderr, want)
	}
	if !strings.Contains(got.stdout, "  [3/5] harris-careers: Harris Federation ... FAILED\n") ||
		!strings.Contains(got.stdout, "  [5/5] healthwatch-hertfordshire: Healthwatch Hertfordshire ... done\n") {
		t.Errorf("progress lines:\n%s", got.stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "healthwatch-hertfordshire.html")); err != nil {
		t.Errorf("the files after the failure were not written: %v", err)
	}

	// A DIR that is a file.
	file := filepath.Join(dir, "health-careers.yaml")
	got = runArgs(t, "", "demo", "-o", file)
	if got.code != 2 || !strings.Contains(got.stderr, "article30 demo: "+file+": not a directory") {
		t.Errorf("-o a file: exit status %d, stderr %q", got.code, got.stderr)
	}
}

func TestDemoUsage(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"demo", "register.yaml"},
		{"demo", "--as-of", "yesterday"},
		{"demo", "-o", ""},
	} {
		got := runArgs(t, "", args...)
		if got.code != 2 || got.stdout != "" || !strings.Contains(got.stderr, "Usage: article30 demo") {
			t.Errorf("article30 %q: exit status %d, stdout %q, stderr %q", args, got.code, got.stdout, got.stderr)
		}
	}
}

// The commands show in the list in their order, and each one's help has
// its usage, exit status and examples.
func TestCommandsHelp(t *testing.T) {
	t.Parallel()
	list := runArgs(t, "", "help").stdout
	last := -1
	for _, name := range []string{"validate", "demo", "export", "notice", "import"} {
		i := strings.Index(list, "\n  "+name+" ")
		if i < last {
			t.Errorf("%s is not listed after the commands before it:\n%s", name, list)
		}
		last = i
		if name == "validate" {
			continue
		}
		got := runArgs(t, "", name, "--help")
		for _, s := range []string{"Usage: article30 " + name + " ", "\nExit status: 0 ", "\nFlags:\n", "\n  -o ", "\nExamples:\n  article30 " + name} {
			if !strings.Contains(got.stdout, s) {
				t.Errorf("%s --help lacks %q:\n%s", name, s, got.stdout)
			}
		}
		if got.code != 0 || got.stderr != "" {
			t.Errorf("%s --help: exit status %d, stderr %q", name, got.code, got.stderr)
		}
	}
}

// The date the law is known to is in --version, not on every run.
func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"--version"}, {"version"}} {
		got := runArgs(t, "", args...)
		if got.code != 0 || !strings.HasPrefix(got.stdout, "article30 ") || !strings.Contains(got.stdout, "The law as it stood on 2026-11-23") || got.stderr != "" {
			t.Errorf("%v: exit status %d, stdout %q, stderr %q", args, got.code, got.stdout, got.stderr)
		}
	}
	got := runArgs(t, "", "rights", "--as-of", "2099-01-01", "consent")
	if got.stderr != "" {
		t.Errorf("rights with a later date: stderr %q, want nothing", got.stderr)
	}
	for _, args := range [][]string{{"help", "--help"}, {"help", "rights"}, {"rights", "--help"}} {
		if got := runArgs(t, "", args...); got.code != 0 || !strings.Contains(got.stdout, "Usage: article30") {
			t.Errorf("%v: exit status %d, stdout %q, stderr %q", args, got.code, got.stdout, got.stderr)
		}
	}
}
