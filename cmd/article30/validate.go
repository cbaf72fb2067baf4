package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

var validateCommand = &command{
	name:    "validate",
	summary: "check register files: their structure and the compliance rules",
	usage:   "article30 validate [--format text|json|sarif] [--as-of YYYY-MM-DD] [--fail-on error|warning] [--no-color] FILE...",
	detail: `
Validate reads each register FILE (YAML or JSON; - reads standard input),
checks its structure (required fields, email addresses, URLs, country
codes) and applies the compliance rules as the law stood on the --as-of
date. A file that cannot be read or parsed is reported on standard error
with its line, column and field path, and the other files are still
checked.

--format sarif writes SARIF 2.1.0 for GitHub code scanning and other
tools: each finding is a result at the line and column of the element
its path names (of its nearest ancestor when the file lacks it), a file
that cannot be parsed is a result of the rule parse-error at the problem,
and the rules are the whole catalogue with their citations. Relative file
names are URIs relative to %SRCROOT%, so run validate from the root of
the repository.

Exit status: 0 when no finding is at or above --fail-on; 1 when one is
(a structural problem is an error); 2 when a file cannot be read or parsed,
or on a usage error. 2 wins over 1.`,
	examples: []string{
		"article30 validate register.yaml",
		"article30 validate --as-of 2026-06-19 examples/registers/*.yaml",
		"article30 validate --format json register.yaml > findings.json",
		"article30 validate --format sarif registers/*.yaml > article30.sarif",
	},
	flags: validateFlags,
}

// structureRule is the rule ID of the findings that report the structural
// problems of Register.Validate.
const structureRule = "structure"

// stdinName names standard input, read for the FILE "-", in messages.
const stdinName = "<stdin>"

func validateFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	format := fs.String("format", "text", "output `format`: text for people, json (one array of all findings) for programs, or sarif (SARIF 2.1.0) for code scanning")
	asOf := asOfFlag(fs)
	failOn := fs.String("fail-on", "error", "exit 1 on a finding of this `severity` or worse: error or warning")
	noColor := fs.Bool("no-color", false, "do not colour the text (colour is used only on a terminal, and not when NO_COLOR is set)")
	return func(e *env, files []string) (int, error) {
		threshold, err := reportFlags(*format, *failOn)
		if err != nil {
			return 0, err
		}
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		if len(files) == 0 {
			return 0, errors.New("no FILE given")
		}
		noteLaw(e.stderr, at)
		v := &validation{env: e, at: at, keepData: *format == "sarif"}
		for _, name := range files {
			v.file(name)
		}
		switch *format {
		case "json":
			err = v.writeJSON(e.stdout)
		case "sarif":
			err = v.writeSARIF(e.stdout)
		default:
			err = v.writeText(e.stdout, !*noColor && colorable(e))
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "article30: writing output: %v\n", err)
			return exitFailure, nil
		}
		switch {
		case v.unreadable > 0:
			return exitFailure, nil
		case v.worst() >= threshold:
			return exitFindings, nil
		}
		return exitOK, nil
	}
}

// validation collects the results of validating files.
type validation struct {
	*env
	at         time.Time
	results    []result
	unreadable int       // files that could not be read or parsed
	failures   []failure // and why
	keepData   bool      // keep each file's bytes in its result
}

// failure is a file that could not be read or parsed.
type failure struct {
	file   string
	err    error
	before int // the number of results before it, to keep the files' order
}

// result is what validate found in one file.
type result struct {
	file     string
	reg      *ropa.Register
	data     []byte             // the file, when kept
	regime   lawfulbasis.Regime // the register's, if valid
	findings []ropa.Finding     // structural problems, then the rules' findings
	errors   int
	warnings int
	infos    int
}

// file validates one file. A file that cannot be read or parsed is
// reported on stderr at once and counted.
func (v *validation) file(name string) {
	reg, data, err := v.load(name)
	if name == "-" {
		name = stdinName
	}
	if err != nil {
		v.unreadable++
		v.failures = append(v.failures, failure{file: name, err: err, before: len(v.results)})
		fmt.Fprintln(v.stderr, clean(loadMessage(err)))
		return
	}
	r := result{file: name, reg: reg}
	if v.keepData {
		r.data = data
	}
	r.findings = structural(reg)
	if reg.Jurisdiction.Valid() {
		// The rules cite the regime's law; without a jurisdiction the
		// structural finding on it is all there is to say.
		r.regime = reg.Jurisdiction
		rep := ropa.Check(reg, v.at)
		r.findings = append(r.findings, rep.Findings...)
	}
	rep := ropa.NewReport(r.regime, v.at, r.findings)
	r.errors, r.warnings, r.infos = rep.Errors, rep.Warnings, rep.Infos
	v.results = append(v.results, r)
}

// load reads and decodes the file name ("-" is standard input) and
// returns its bytes too, for locating findings.
func (v *validation) load(name string) (*ropa.Register, []byte, error) {
	return readRegister(v.stdin, name)
}

// loadMessage words a load error: a file that cannot be opened reads
// "name: no such file or directory" rather than repeating the name.
func loadMessage(err error) string {
	if de, ok := errors.AsType[*ropa.DecodeError](err); ok && de.File != "" && de.Line == 0 && de.Path == "" {
		if pe, ok := errors.AsType[*fs.PathError](de.Err); ok {
			return de.File + ": " + pe.Err.Error()
		}
	}
	return err.Error()
}

// structural turns the problems Register.Validate finds into error
// findings of the rule "structure".
func structural(reg *ropa.Register) []ropa.Finding {
	err := reg.Validate()
	if err == nil {
		return nil
	}
	ve, ok := errors.AsType[ropa.ValidationErrors](err)
	if !ok {
		return []ropa.Finding{{Rule: structureRule, Severity: ropa.Error, Message: err.Error()}}
	}
	out := make([]ropa.Finding, 0, len(ve))
	for _, fe := range ve {
		msg := strings.TrimPrefix(fe.Error(), fe.Path+": ")
		if fe.Rule == "required" {
			msg = "required, and missing or empty"
		}
		out = append(out, ropa.Finding{
			Rule:     structureRule,
			Severity: ropa.Error,
			Path:     fe.Path,
			Activity: activityID(reg, fe.Path),
			Message:  msg,
		})
	}
	return out
}

// activityIndex returns N for a path that starts "activities[N]", or -1.
func activityIndex(reg *ropa.Register, path string) int {
	rest, ok := strings.CutPrefix(path, "activities[")
	if !ok {
		return -1
	}
	num, _, ok := strings.Cut(rest, "]")
	if !ok {
		return -1
	}
	i, err := strconv.Atoi(num)
	if err != nil || i < 0 || i >= len(reg.Activities) {
		return -1
	}
	return i
}

func activityID(reg *ropa.Register, path string) string {
	if i := activityIndex(reg, path); i >= 0 {
		return reg.Activities[i].ID
	}
	return ""
}

func (v *validation) worst() ropa.Severity {
	var w ropa.Severity
	for _, r := range v.results {
		for _, f := range r.findings {
			w = max(w, f.Severity)
		}
	}
	return w
}

// writeJSON writes the library's findings JSON: a list of ropa.Report,
// one per file, each finding with its file (ropa.ReportSchema).
func (v *validation) writeJSON(w io.Writer) error {
	out := make([]ropa.Report, 0, len(v.results))
	for _, r := range v.results {
		fs := make([]ropa.Finding, len(r.findings))
		for i, f := range r.findings {
			f.File = r.file
			fs[i] = f
		}
		out = append(out, ropa.Report{File: r.file, Regime: r.regime, AsOf: v.at, Findings: fs,
			Errors: r.errors, Warnings: r.warnings, Infos: r.infos})
	}
	return writeReports(w, out)
}

// writeReports writes reports as indented JSON.
func writeReports(w io.Writer, reps []ropa.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(reps)
}

// ANSI styles for the text output.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiCyan   = "\x1b[36m"
)

// colorable reports whether the text output may be coloured: stdout is a
// terminal, NO_COLOR is not set (https://no-color.org) and TERM is not
// "dumb".
func colorable(e *env) bool {
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return false
	}
	f, ok := e.stdout.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// painter applies ANSI styles, or nothing when colour is off.
type painter bool

func (p painter) paint(style, s string) string {
	if !p {
		return s
	}
	return style + s + ansiReset
}

func (p painter) severity(s ropa.Severity) string {
	text := fmt.Sprintf("%-7s", s)
	switch s {
	case ropa.Error:
		return p.paint(ansiRed, text)
	case ropa.Warning:
		return p.paint(ansiYellow, text)
	}
	return p.paint(ansiCyan, text)
}

func (v *validation) writeText(w io.Writer, color bool) error {
	p := painter(color)
	var b strings.Builder
	var errs, warns, infos int
	for i, r := range v.results {
		if i > 0 {
			b.WriteString("\n")
		}
		errs, warns, infos = errs+r.errors, warns+r.warnings, infos+r.infos
		law := "no valid jurisdiction"
		if r.regime.Valid() {
			law = fmt.Sprintf("law as of %s, %s regime", v.at.Format(time.DateOnly), strings.ToUpper(r.regime.String()))
		}
		b.WriteString(p.paint(ansiBold, fmt.Sprintf("%s — %s (%s)", clean(r.file), counts(r.errors, r.warnings, r.infos), law)))
		b.WriteString("\n")
		width := 0
		for _, f := range r.findings {
			width = max(width, len(f.Rule))
		}
		if len(r.findings) == 0 {
			b.WriteString("  No findings.\n")
		}
		for _, g := range groups(r) {
			b.WriteString("\n")
			b.WriteString(p.paint(ansiBold, g.heading))
			b.WriteString("\n")
			for _, f := range g.findings {
				fmt.Fprintf(&b, "  %s %-*s   %s\n", p.severity(f.Severity), width, clean(f.Rule), clean(f.Path))
				msg := clean(f.Message)
				if f.Citation != "" {
					msg += " (" + clean(f.Citation) + ")"
				}
				fmt.Fprintf(&b, "    %s\n", msg)
			}
		}
	}
	if len(v.results) > 0 {
		b.WriteString("\n")
	}
	total := fmt.Sprintf("Total: %s checked, %s", plural(len(v.results), "file", "files"), counts(errs, warns, infos))
	if v.unreadable > 0 {
		total += fmt.Sprintf("; %s could not be read", plural(v.unreadable, "file", "files"))
	}
	b.WriteString(p.paint(ansiBold, total))
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// group is the findings about the register as a whole or about one
// activity, under a heading.
type group struct {
	heading  string
	findings []ropa.Finding
}

// groups sorts a file's findings into the register's, then each
// activity's in the register's order; within a group they keep their
// order.
func groups(r result) []group {
	register := group{heading: "Register"}
	byActivity := make([][]ropa.Finding, len(r.reg.Activities))
	for _, f := range r.findings {
		i := activityIndex(r.reg, f.Path)
		if i < 0 {
			register.findings = append(register.findings, f)
			continue
		}
		byActivity[i] = append(byActivity[i], f)
	}
	var out []group
	if len(register.findings) > 0 {
		out = append(out, register)
	}
	for i, fs := range byActivity {
		if len(fs) == 0 {
			continue
		}
		a := r.reg.Activities[i]
		id, name := a.ID, a.Name
		if id == "" {
			id = fmt.Sprintf("activities[%d]", i)
		}
		heading := "Activity " + clean(id)
		if name != "" {
			heading += ": " + clean(name)
		}
		out = append(out, group{heading: heading, findings: fs})
	}
	return out
}

func counts(errs, warns, infos int) string {
	return fmt.Sprintf("%s, %s, %d info", plural(errs, "error", "errors"), plural(warns, "warning", "warnings"), infos)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// clean replaces control characters, so that text from a register file
// (an activity's name, say) cannot move the cursor or change colours in a
// terminal.
func clean(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

// reportFlags checks the --format and --fail-on of a command that reports
// findings (validate, vet) and returns the severity that fails it.
func reportFlags(format, failOn string) (ropa.Severity, error) {
	if format != "text" && format != "json" && format != "sarif" {
		return 0, fmt.Errorf("--format %q: want text, json or sarif", format)
	}
	switch failOn {
	case "error":
		return ropa.Error, nil
	case "warning":
		return ropa.Warning, nil
	}
	return 0, fmt.Errorf("--fail-on %q: want error or warning", failOn)
}
