package main

import (
	"bytes"
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// result of one run of the command.
type out struct {
	code           int
	stdout, stderr string
}

// runArgs runs the command line with args and stdin, and fails the test if
// either output holds an ANSI escape: output captured into a buffer is never
// coloured.
// wantFailure runs the command line args and checks that it exits 2,
// prints nothing on standard output, and says each of stderr on standard
// error.
func wantFailure(t *testing.T, args []string, stderr []string) {
	t.Helper()
	got := runArgs(t, "", args...)
	if got.code != 2 || got.stdout != "" {
		t.Errorf("article30 %q: exit status %d, stdout %q; want 2 and nothing", args, got.code, got.stdout)
	}
	for _, s := range stderr {
		if !strings.Contains(got.stderr, s) {
			t.Errorf("article30 %q: stderr lacks %q:\n%s", args, s, got.stderr)
		}
	}
}

func runArgs(t *testing.T, stdin string, args ...string) out {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return checked(t, args, code, &stdout, &stderr)
}

// runAt runs the command line with the clock reading now.
func runAt(t *testing.T, now time.Time, args ...string) out {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr,
		now: func() time.Time { return now }, getenv: func(string) string { return "" }}
	return checked(t, args, e.run(args), &stdout, &stderr)
}

func checked(t *testing.T, args []string, code int, stdout, stderr *bytes.Buffer) out {
	t.Helper()
	o := out{code: code, stdout: stdout.String(), stderr: stderr.String()}
	if strings.Contains(o.stdout, "\x1b") || strings.Contains(o.stderr, "\x1b") {
		t.Errorf("article30 %q wrote an escape character:\nstdout:\n%s\nstderr:\n%s", args, o.stdout, o.stderr)
	}
	return o
}

func TestCommandLine(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // substrings of stdout
		stderr     []string // substrings of stderr
		quietOut   bool     // stdout must be empty
		quietError bool     // stderr must be empty
	}{
		{name: "no arguments", args: nil, code: 2,
			stderr: []string{"Usage: article30 <command>", "Commands:", "  validate ", "Exit status:"}, quietOut: true},
		{name: "help", args: []string{"help"}, code: 0,
			stdout: []string{"Usage: article30 <command>", "  validate ", "  help "}, quietError: true},
		{name: "--help", args: []string{"--help"}, code: 0, stdout: []string{"Commands:"}, quietError: true},
		{name: "-h", args: []string{"-h"}, code: 0, stdout: []string{"Commands:"}, quietError: true},
		{name: "help validate", args: []string{"help", "validate"}, code: 0,
			stdout: []string{"Usage: article30 validate [--format text|json|sarif] [--as-of YYYY-MM-DD]", "Examples:\n  article30 validate register.yaml\n"}, quietError: true},
		{name: "help of unknown command", args: []string{"help", "frob"}, code: 2,
			stderr: []string{`unknown command "frob"`}, quietOut: true},
		{name: "unknown command", args: []string{"frob", "x.yaml"}, code: 2,
			stderr: []string{`article30: unknown command "frob"`, "article30 help"}, quietOut: true},
		{name: "validate --help", args: []string{"validate", "--help"}, code: 0,
			stdout: []string{
				"Usage: article30 validate [--format text|json|sarif] [--as-of YYYY-MM-DD] [--fail-on error|warning] [--no-color] FILE...\n",
				"  --as-of YYYY-MM-DD ", "  --format format ", "  --fail-on severity ", "  --no-color ", "  -h, --help ",
				"Examples:\n  article30 validate register.yaml\n",
				"Exit status:",
			}, quietError: true},
		{name: "validate -h", args: []string{"validate", "-h"}, code: 0, stdout: []string{"Usage: article30 validate", "Examples:"}, quietError: true},
		{name: "validate -h after a file", args: []string{"validate", "x.yaml", "-h"}, code: 0, stdout: []string{"Usage: article30 validate"}, quietError: true},
		{name: "validate with no FILE", args: []string{"validate"}, code: 2,
			stderr: []string{"article30 validate: no FILE given\n", "Usage: article30 validate ", "article30 validate --help"}, quietOut: true},
		{name: "unknown flag", args: []string{"validate", "--bogus", "testdata/compliant.yaml"}, code: 2,
			stderr: []string{"article30 validate: unknown flag --bogus\n", "Usage: article30 validate "}, quietOut: true},
		{name: "flag without its value", args: []string{"validate", "testdata/compliant.yaml", "--as-of"}, code: 2,
			stderr: []string{"as-of", "Usage: article30 validate "}, quietOut: true},
		{name: "bad date", args: []string{"validate", "--as-of", "2026-02-30", "testdata/compliant.yaml"}, code: 2,
			stderr: []string{`--as-of "2026-02-30": want a date written YYYY-MM-DD`}, quietOut: true},
		{name: "date in another form", args: []string{"validate", "--as-of", "23/11/2026", "testdata/compliant.yaml"}, code: 2,
			stderr: []string{`--as-of "23/11/2026"`}, quietOut: true},
		{name: "bad format", args: []string{"validate", "--format", "xml", "testdata/compliant.yaml"}, code: 2,
			stderr: []string{`--format "xml": want text, json or sarif`}, quietOut: true},
		{name: "bad fail-on", args: []string{"validate", "--fail-on", "info", "testdata/compliant.yaml"}, code: 2,
			stderr: []string{`--fail-on "info": want error or warning`}, quietOut: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := runArgs(t, "", tt.args...)
			if got.code != tt.code {
				t.Errorf("article30 %q: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", tt.args, got.code, tt.code, got.stdout, got.stderr)
			}
			for _, s := range tt.stdout {
				if !strings.Contains(got.stdout, s) {
					t.Errorf("article30 %q: stdout lacks %q:\n%s", tt.args, s, got.stdout)
				}
			}
			for _, s := range tt.stderr {
				if !strings.Contains(got.stderr, s) {
					t.Errorf("article30 %q: stderr lacks %q:\n%s", tt.args, s, got.stderr)
				}
			}
			if tt.quietOut && got.stdout != "" {
				t.Errorf("article30 %q: stdout not empty:\n%s", tt.args, got.stdout)
			}
			if tt.quietError && got.stderr != "" {
				t.Errorf("article30 %q: stderr not empty:\n%s", tt.args, got.stderr)
			}
		})
	}
}

// Every command documents itself: a summary, a usage line naming it, and
// at least one example that runs it.
func TestCommandsDocumented(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		if c.summary == "" || !strings.HasPrefix(c.usage, "article30 "+c.name) {
			t.Errorf("command %q: summary %q, usage %q", c.name, c.summary, c.usage)
		}
		if len(c.examples) == 0 {
			t.Errorf("command %q has no example", c.name)
		}
		for _, ex := range c.examples {
			if ex != "article30 "+c.name && !strings.HasPrefix(ex, "article30 "+c.name+" ") {
				t.Errorf("command %q: example %q does not run it", c.name, ex)
			}
		}
	}
}

func TestParseInterspersed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args   []string
		pos    []string
		format string
		color  bool
	}{
		{args: []string{"a.yaml"}, pos: []string{"a.yaml"}, format: "text"},
		{args: []string{"--format", "json", "a.yaml", "b.yaml"}, pos: []string{"a.yaml", "b.yaml"}, format: "json"},
		{args: []string{"a.yaml", "--format=json", "b.yaml", "-no-color"}, pos: []string{"a.yaml", "b.yaml"}, format: "json", color: true},
		{args: []string{"-", "--format", "json"}, pos: []string{"-"}, format: "json"},
		{args: []string{"a.yaml", "--", "--format", "-x"}, pos: []string{"a.yaml", "--format", "-x"}, format: "text"},
		{args: []string{"--", "a.yaml"}, pos: []string{"a.yaml"}, format: "text"},
		{args: nil, pos: nil, format: "text"},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("test", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		format := fs.String("format", "text", "")
		noColor := fs.Bool("no-color", false, "")
		pos, err := parseInterspersed(fs, tt.args)
		if err != nil {
			t.Errorf("parseInterspersed(%q): %v", tt.args, err)
			continue
		}
		if diff := cmp.Diff(tt.pos, pos); diff != "" {
			t.Errorf("parseInterspersed(%q) positional arguments (-want +got):\n%s", tt.args, diff)
		}
		if *format != tt.format || *noColor != tt.color {
			t.Errorf("parseInterspersed(%q): format %q no-color %v, want %q %v", tt.args, *format, *noColor, tt.format, tt.color)
		}
	}
}
