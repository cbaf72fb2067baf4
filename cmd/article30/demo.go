package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/article30/article30/examples/registers"
	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/internal/safefile"
	"github.com/article30/article30/ropa"
)

var demoCommand = &command{
	name:    "demo",
	summary: "write the example organisations' workbooks and privacy notices",
	usage:   "article30 demo [-o DIR] [--as-of YYYY-MM-DD]",
	detail: `
Demo shows what the tool makes of a register, with the registers of five
example organisations built into it (made from their published privacy
notices, defects and all). For each organisation it writes, into DIR:

  NAME.yaml    the register, to read, edit and validate
  NAME.xlsx    the register as an Excel workbook in the ICO template's
               layout, with the findings of the compliance rules
  NAME.md      the privacy notice the register supports, in Markdown
  NAME.html    the same notice as an accessible web page

and then sums up each organisation's activities and findings as the law
stood on the --as-of date. It needs no files of your own and works from any
directory. The same date gives the same files.

Exit status: 0 when every file is written, although the example registers
have error findings (demo shows them; 'article30 validate' is the check);
2 when a file cannot be written, or on a usage error.`,
	examples: []string{
		"article30 demo",
		"article30 demo -o /tmp/article30-demo --as-of 2026-06-19",
	},
	flags: demoFlags,
}

// demoDir is where demo writes without -o.
const demoDir = "article30-demo"

func demoFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	dir := fs.String("o", demoDir, "write the files into the directory `DIR`, made if need be")
	asOf := asOfFlag(fs)
	return func(e *env, args []string) (int, error) {
		if len(args) > 0 {
			return 0, fmt.Errorf("demo takes no FILE (%s): it uses the example registers built into article30", args[0])
		}
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		if *dir == "" {
			return 0, errors.New("-o: want a directory")
		}
		if err := os.MkdirAll(*dir, 0o755); err != nil {
			return failf(e, "demo", "%s", fileMessage(err)), nil
		}
		names := registers.Names()
		fmt.Fprintf(e.stdout, "Writing the registers, workbooks and privacy notices of %d example organisations to %s (law as of %s):\n",
			len(names), clean(*dir), at.Format(time.DateOnly))
		status := exitOK
		var done []demoResult
		for i, name := range names {
			r, err := demoOne(*dir, name, at)
			if err != nil {
				fmt.Fprintf(e.stderr, "article30 demo: %s\n", clean(err.Error()))
				status = exitFailure
			}
			org := r.org
			if org == "" {
				org = "(register not read)"
			}
			state := "done"
			if err != nil {
				state = "FAILED"
			}
			fmt.Fprintf(e.stdout, "  [%d/%d] %s: %s ... %s\n", i+1, len(names), strings.TrimSuffix(name, ".yaml"), clean(org), state)
			if r.reg != nil {
				done = append(done, r)
			}
		}
		writeDemoSummary(e, *dir, done, at)
		return status, nil
	}
}

// demoResult is what demo made of one example register.
type demoResult struct {
	name     string // the register's file name, without .yaml
	org      string // the controller's name
	reg      *ropa.Register
	report   ropa.Report
	filled   int      // the items of Articles 13 and 14 the notice fills
	items    int      // ... of this many
	files    []string // the files written
	describe []string // what each file is
}

// demoOne writes the files of the example register name into dir. It
// returns what it made, even after an error.
func demoOne(dir, name string, at time.Time) (demoResult, error) {
	base := strings.TrimSuffix(name, filepath.Ext(name))
	r := demoResult{name: base}
	src, err := fs.ReadFile(registers.FS, name)
	if err != nil {
		return r, err
	}
	reg, err := ropa.Decode(bytes.NewReader(src))
	if de, ok := errors.AsType[*ropa.DecodeError](err); ok {
		de.File = "examples/registers/" + name
	}
	if err != nil {
		return r, err
	}
	r.reg, r.org = reg, reg.Controller.Name
	r.report = ropa.Check(reg, at)

	var book bytes.Buffer
	if err := xlsx.Write(&book, reg, at); err != nil {
		return r, fmt.Errorf("%s: the workbook: %v", name, err)
	}
	n, err := notice.Generate(reg, at)
	if err != nil {
		return r, fmt.Errorf("%s: the privacy notice: %v", name, err)
	}
	for _, it := range n.Coverage() {
		r.items++
		if it.Filled {
			r.filled++
		}
	}
	for _, f := range []struct {
		ext, what string
		data      []byte
	}{
		{".yaml", "the register", src},
		{".xlsx", "Excel workbook, ICO layout", book.Bytes()},
		{".md", "privacy notice, Markdown", []byte(n.Markdown())},
		{".html", "privacy notice, web page", []byte(n.Page())},
	} {
		path := filepath.Join(dir, base+f.ext)
		if err := safefile.WriteBytes(path, f.data, 0o644); err != nil {
			return r, errors.New(fileMessage(err))
		}
		r.files = append(r.files, path)
		r.describe = append(r.describe, f.what)
	}
	return r, nil
}

// writeDemoSummary sums up, for each organisation done, its activities,
// findings, notice and the files written into dir.
func writeDemoSummary(e *env, dir string, done []demoResult, at time.Time) {
	var b strings.Builder
	fmt.Fprintf(&b, "\nSummary (law as of %s):\n", at.Format(time.DateOnly))
	for _, r := range done {
		rep := r.report
		fmt.Fprintf(&b, "\n%s: %s\n", r.name, clean(r.org))
		fmt.Fprintf(&b, "  %s; findings: %s\n", plural(len(r.reg.Activities), "activity", "activities"),
			counts(rep.Errors, rep.Warnings, rep.Infos))
		fmt.Fprintf(&b, "  the privacy notice fills %d of the %d items of Articles 13 and 14\n", r.filled, r.items)
		width := 0
		for _, f := range r.files {
			width = max(width, len(f))
		}
		for i, f := range r.files {
			fmt.Fprintf(&b, "  %-*s  %s\n", width, clean(f), r.describe[i])
		}
	}
	if len(done) > 0 {
		dir = clean(dir)
		fmt.Fprintf(&b, `
Next: open the workbooks in a spreadsheet program and the .html notices in a
browser, then try
  article30 validate %s
  article30 notice --audience job-applicants %s
`, filepath.Join(dir, "*.yaml"), filepath.Join(dir, "durham-university-recruitment.yaml"))
	}
	e.stdout.Write([]byte(b.String()))
}
