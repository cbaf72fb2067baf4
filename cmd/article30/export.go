package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/ropa"
)

var exportCommand = &command{
	name:    "export",
	summary: "write a register as an Excel workbook in the ICO template's layout",
	usage:   "article30 export [-o OUT.xlsx] [--sheets LIST] [--data-sheets] [--as-of YYYY-MM-DD] FILE",
	detail: `
Export reads the register FILE (YAML or JSON; - reads standard input) and
writes it as an Excel workbook in the ICO template's order: Notes (what
the heading colours mean, which cells to edit, the organisation and the
findings counted), the controller record in the ICO template's layout on
Template, Processor, then Retention, Findings of the compliance rules as
the law stood on the --as-of date, and a Reference sheet of the law; then
the data sheets that hold the register itself, hidden so that the workbook
prints as a register (--data-sheets shows them), which 'article30 import'
reads back into an identical register. Edits to the Template's editable
cells and to the data sheets are read back; the Notes sheet says which.
It prints on A4 landscape with the headings on every page.

The workbook goes to -o, or, without -o, beside FILE with its extension
replaced by .xlsx (register.yaml gives register.xlsx); -o - writes it to
standard output. --sheets chooses the views by name, separated by commas
(Notes, Template, Processor, Retention, Findings, Reference, in any case;
Cover is taken for Notes);
--sheets "" writes the data sheets alone. The same register, date and
sheets give the same bytes.

Exit status: 0 when the workbook is written, whatever the findings in it
('article30 validate' is the check); 2 when FILE cannot be read or parsed,
the register cannot be written as a workbook (an activity without an ID,
say), the workbook cannot be saved, or on a usage error.`,
	examples: []string{
		"article30 export register.yaml",
		"article30 export register.yaml -o ropa-2026.xlsx --as-of 2026-06-19",
		"article30 export --sheets Template,Findings register.yaml",
	},
	flags: exportFlags,
}

// viewSheets are the view sheets --sheets may name, in workbook order.
var viewSheets = []string{xlsx.NotesSheet, xlsx.TemplateSheet, xlsx.ProcessorSheet,
	xlsx.RetentionSheet, xlsx.FindingsSheet, xlsx.ReferenceSheet}

func exportFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	out := fs.String("o", "", "write the workbook to `FILE`; - is standard output (default FILE with the extension .xlsx)")
	var sheets *string
	fs.Func("sheets", "write only these view sheets, a comma-separated `LIST` of "+strings.Join(viewSheets, ", ")+` ("" for none)`,
		func(s string) error { sheets = &s; return nil })
	showData := fs.Bool("data-sheets", false, "show the data sheets (hidden by default, so that the workbook prints as a register)")
	asOf := asOfFlag(fs)
	force := forceFlag(fs)
	return func(e *env, args []string) (int, error) {
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		file, err := oneFile(args)
		if err != nil {
			return 0, err
		}
		var opts []xlsx.Option
		if *showData {
			opts = append(opts, xlsx.ShowDataSheets())
		}
		if sheets != nil {
			names, err := parseSheets(*sheets)
			if err != nil {
				return 0, err
			}
			opts = append(opts, xlsx.Sheets(names...))
		}
		dest := *out
		if dest == "" {
			if file == "-" {
				return 0, fmt.Errorf("-o is required when FILE is - (standard input)")
			}
			// The default output sits beside a register file; a device
			// or pipe (/dev/stdin) has no such place.
			if fi, err := os.Stat(file); err == nil && !fi.Mode().IsRegular() || isDevice(file) {
				return 0, fmt.Errorf("%s is not a regular file: give -o", file)
			}
			dest = strings.TrimSuffix(file, filepath.Ext(file)) + ".xlsx"
			if dest == file {
				return 0, fmt.Errorf("%s: give -o, since the default output is FILE itself", file)
			}
		}
		if err := checkOutput(dest, *force, file); err != nil {
			return 0, err
		}

		reg, file, ok := openRegister(e, file)
		if !ok {
			return exitFailure, nil
		}
		var b bytes.Buffer
		if err := xlsx.Write(&b, reg, at, opts...); err != nil {
			return failf(e, "export", "%s: cannot be written as a workbook: %s", file, strings.TrimPrefix(err.Error(), "xlsx: ")), nil
		}
		if err := writeOutput(e, dest, b.Bytes()); err != nil {
			return failf(e, "export", "%s", fileMessage(err)), nil
		}
		if dest != "-" {
			fmt.Fprintf(e.stdout, "%s: %s, %s\n", clean(dest), plural(len(reg.Activities), "activity", "activities"), findingCounts(reg, at))
		}
		return exitOK, nil
	}
}

// parseSheets reads the --sheets list: view sheet names separated by
// commas, in any case. An empty list is no view at all.
func parseSheets(list string) ([]string, error) {
	var names []string
	for s := range strings.SplitSeq(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.EqualFold(s, "cover") { // the Notes sheet's name before
			s = xlsx.NotesSheet
		}
		i := slices.IndexFunc(viewSheets, func(v string) bool { return strings.EqualFold(v, s) })
		if i < 0 {
			msg := fmt.Sprintf("--sheets: unknown sheet %q", s)
			if near := nearest(s, viewSheets); near != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", near)
			}
			return nil, fmt.Errorf("%s; the view sheets are %s", msg, strings.Join(viewSheets, ", "))
		}
		if !slices.Contains(names, viewSheets[i]) {
			names = append(names, viewSheets[i])
		}
	}
	return names, nil
}

// nearest returns the value of accepted nearest to s, ignoring case, if it
// is near enough to be a typing slip; otherwise "".
func nearest(s string, accepted []string) string {
	best, dist := "", 3 // at most two edits
	for _, a := range accepted {
		if d := match.Distance(strings.ToLower(s), strings.ToLower(a)); d < dist {
			best, dist = a, d
		}
	}
	return best
}

// findingCounts says how many findings of each severity ropa.Check makes
// of reg on the day at.
func findingCounts(reg *ropa.Register, at time.Time) string {
	if !reg.Jurisdiction.Valid() {
		return "no valid jurisdiction, so no compliance findings"
	}
	rep := ropa.Check(reg, at)
	return fmt.Sprintf("findings as of %s: %s", at.Format(time.DateOnly), counts(rep.Errors, rep.Warnings, rep.Infos))
}

// isDevice reports whether name is under /dev or /proc, where a file that
// stat follows to a regular file (/dev/stdin redirected from one) is still
// no place for an output beside it.
func isDevice(name string) bool {
	abs, err := filepath.Abs(name)
	if err != nil {
		return false
	}
	return strings.HasPrefix(abs, "/dev/") || strings.HasPrefix(abs, "/proc/")
}
