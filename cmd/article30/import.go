package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/ico"
	"github.com/article30/article30/internal/safefile"
	"github.com/article30/article30/ropa"
)

var importCommand = &command{
	name:    "import",
	summary: "turn a hand-kept ICO documentation template (.xlsx) into a register file",
	usage:   "article30 import [-o OUT.yaml] [--ico] WORKBOOK.xlsx",
	detail: `
Import reads an Excel workbook in the layout of the ICO's documentation
template for controllers, as a DPO keeps it by hand ("-" reads standard
input), and writes the register as YAML: to -o, or to standard output.
Columns are found by their headings, in any order and spelling the
template has been seen in; the contact block fills the controller, DPO and
representative; each row is an activity.

Import accounts for every non-empty cell of the table and of the contact
block: each is read into the register, kept in an activity's notes with a
message saying why (a column of the organisation's own, more words than a
Yes or No), or rejected with a message (an unknown lawful basis, a country
it does not know, "Visitors" or "SCCs" that could mean two things, bases
that cannot be paired with the purposes, a note typed below the table, an
Excel error value such as #DIV/0!, a formula saved without its value, an
XML entity, a cell longer than Excel's 32,767 characters). Each cell not
read cleanly is listed on standard error as WORKBOOK: Sheet!Cell: message,
a sheet with no contact block as WORKBOOK: Sheet: message; the first 100
are listed, then how many more. The last line counts the cells read, kept
in notes and rejected. The register is written all the same: correct it,
or the workbook and import again, then run 'article30 validate'. A
workbook protected by a password to open is refused, with how to save a
copy without one.

A workbook written by 'article30 export' is read from its data sheets
instead, which gives back the register exactly, with the edits made to it:
on the data sheets, and in the Template's editable cells (its Notes sheet
lists them). An edit of a cell generated from the register (a lawful basis
on the Template, a count on the Notes sheet, a row of the Retention sheet)
is listed as not read, saying where to make it; where an activity was
edited on both the Template and the data sheets, the data sheets' values
are kept and the Template's cells listed. --ico reads even such a workbook
as a hand-kept template (its Template sheet).

Exit status: 0 when every cell was read into the register; 1 when the
register was written but some cells were kept in notes, rejected or (in
a workbook of article30's own) not read, or a sheet has no contact block;
2 when the workbook cannot be read (not an .xlsx file, no heading row of
the ICO template, too large, or an export with a cell that cannot be read
on its data sheets), the output cannot be written, or on a usage error.`,
	examples: []string{
		"article30 import ropa.xlsx -o register.yaml",
		"article30 import --ico exported.xlsx > register.yaml",
	},
	flags: importFlags,
}

func importFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	out := fs.String("o", "", "write the register to `FILE` rather than standard output")
	asICO := fs.Bool("ico", false, "read a workbook written by 'article30 export' as a hand-kept template too")
	force := forceFlag(fs)
	return func(e *env, args []string) (int, error) {
		file, err := oneFile(args)
		if err != nil {
			return 0, err
		}
		dest := *out
		if dest == "" {
			dest = "-"
		}
		if err := checkOutput(dest, *force, file); err != nil {
			return 0, err
		}
		// Reading stops at the workbook limit: a larger input (or an
		// endless one, such as /dev/zero) is never read whole.
		in := e.stdin
		if file == "-" {
			file = stdinName
		} else {
			f, err := os.Open(file)
			if err != nil {
				return failf(e, "import", "%s", fileMessage(err)), nil
			}
			defer f.Close()
			in = f
		}
		data, err := readLimited(in, xlsx.MaxFileSize)
		if errors.Is(err, safefile.ErrTooLarge) {
			return failf(e, "import", "%s: larger than %d MiB, the largest workbook import reads", file, xlsx.MaxFileSize>>20), nil
		}
		if err != nil {
			return failf(e, "import", "%s", fileMessage(err)), nil
		}

		var reg *ropa.Register
		var cells xlsx.CellErrors
		var account *ico.Account
		own := false
		if !*asICO {
			// A workbook of article30's own reads back exactly.
			reg, err = xlsx.Read(bytes.NewReader(data))
			switch {
			case err == nil:
				own = true
			case reg != nil:
				// Read, with view cells it did not read (an edit of a
				// column generated from the data sheets, say): listed.
				own = true
				cells, _ = errors.AsType[xlsx.CellErrors](err)
			case errors.Is(err, xlsx.ErrNotWorkbook):
				reg = nil // not one of ours: read it as the ICO template
			default:
				if ce, ok := errors.AsType[xlsx.CellErrors](err); ok {
					listCells(e, file, ce)
					return failf(e, "import", "%s was written by 'article30 export', but %s could not be read: "+
						"correct them in the workbook and import it again, or give --ico to read its Template sheet as a hand-kept template",
						file, plural(ce.Count(), "cell", "cells")), nil
				}
				return failf(e, "import", "%s: %s", file, libMessage(err)), nil
			}
		}
		if reg == nil {
			im, err := ico.ReadAccount(bytes.NewReader(data))
			if err != nil {
				return failf(e, "import", "%s: %s", file, libMessage(err)), nil
			}
			reg, cells, account = im.Register, im.Account.Messages, &im.Account
		}

		var b bytes.Buffer
		fmt.Fprintf(&b, "# Imported by article30 import from %s.\n", filepath.Base(file))
		switch {
		case own && len(cells) > 0:
			fmt.Fprintf(&b, "# %s of its views were not read: article30 import listed them. The\n"+
				"# register is the one its data sheets and the Template's editable cells hold.\n", plural(cells.Count(), "cell", "cells"))
		case account != nil && !account.Clean():
			fmt.Fprintf(&b, "# Not every cell was read cleanly (%s): article30 import listed each one.\n"+
				"# The text of a cell in an activity's row that was not read into a field is in that activity's notes.\n", accountLine(*account))
		}
		if err := ropa.Encode(&b, reg); err != nil {
			return failf(e, "import", "%s: writing the register: %v", file, err), nil
		}
		if err := writeOutput(e, dest, b.Bytes()); err != nil {
			return failf(e, "import", "%s", fileMessage(err)), nil
		}

		listCells(e, file, cells)
		what := plural(len(reg.Activities), "activity", "activities")
		if n := len(reg.ProcessorRecords); n > 0 {
			what += " and " + plural(n, "processor record", "processor records")
		}
		from := "the ICO template in " + file
		if own {
			from = "the data sheets of " + file
		}
		to := dest
		if to == "-" {
			to = "standard output"
		}
		msg := fmt.Sprintf("article30 import: %s from %s to %s", what, from, to)
		switch {
		case own && len(cells) > 0:
			msg += fmt.Sprintf("; %s not read (edits of cells generated from the data sheets: make them on the data sheets)", plural(cells.Count(), "cell", "cells"))
		case account != nil:
			msg += "; " + accountLine(*account)
		}
		fmt.Fprintln(e.stderr, clean(msg))
		if len(cells) > 0 || account != nil && !account.Clean() {
			return exitFindings, nil
		}
		return exitOK, nil
	}
}

// readLimited reads r to its end, or to limit bytes and one more, like
// safefile.ReadAll, but in chunks joined once at the end, so that an input
// over the limit (import - < /dev/zero) takes the limit in memory and no
// more: io.ReadAll's growing buffer and its copies took twice as much.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	const chunk = 1 << 20
	var chunks [][]byte
	var n int64
	lr := io.LimitReader(r, limit+1)
	for {
		b := make([]byte, chunk)
		k, err := io.ReadFull(lr, b)
		if k > 0 {
			chunks = append(chunks, b[:k])
			n += int64(k)
		}
		if n > limit {
			return nil, fmt.Errorf("%w (%d bytes)", safefile.ErrTooLarge, limit)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return nil, err
		}
	}
	if len(chunks) == 1 {
		return chunks[0], nil
	}
	out := make([]byte, 0, n)
	for i, c := range chunks {
		out = append(out, c...)
		chunks[i] = nil
	}
	return out, nil
}

// maxListedCells is how many cell problems import lists; the rest are
// counted, so that a workbook with a million bad cells does not print a
// million lines.
const maxListedCells = 100

// listCells lists the cells of a workbook that were not read cleanly, the
// first maxListedCells of them, then how many more there are (with those
// the library counted without listing them).
func listCells(e *env, file string, cells xlsx.CellErrors) {
	total := cells.Count()
	listed := 0 // cells listed, or counted by a line listed
	for i, c := range cells {
		if i == maxListedCells || errors.Is(c, xlsx.ErrMoreCells) {
			break
		}
		fmt.Fprintf(e.stderr, "%s: %s\n", clean(file), clean(cliMessage(c.Error())))
		listed += xlsx.CellErrors{c}.Count()
	}
	if listed < total {
		fmt.Fprintf(e.stderr, "%s: ... and %s more (%d in all)\n", clean(file), plural(total-listed, "cell", "cells"), total)
	}
}

// libMessage is a library error's text as the command says it: without
// the package prefix the library puts on it ("xlsx: ", "ico: "), and in
// the command's words (cliMessage).
func libMessage(err error) string {
	s := err.Error()
	for _, p := range []string{"xlsx: ", "ico: "} {
		s = strings.TrimPrefix(s, p)
	}
	return cliMessage(s)
}

// libNames are the library's names in its messages ("(xlsx.MaxCellErrors;
// raise it with xlsx.WithMaxCellErrors)", "use ico.Read (package
// export/xlsx/ico)"), which mean nothing at the command line.
var libNames = regexp.MustCompile(` ?\(xlsx\.[A-Za-z]+(?:; raise it with xlsx\.[A-Za-z]+)?\)`)

// cliMessage says a library message in the command's words: a limit of the
// library is a limit of import (which has no flag to raise it), and the
// ICO importer is import --ico.
func cliMessage(s string) string {
	s = libNames.ReplaceAllString(s, " (a limit of article30 import)")
	s = strings.ReplaceAll(s, "use ico.Read (package export/xlsx/ico)", "use article30 import --ico")
	s = strings.ReplaceAll(s, "import the sheet with ico.Read (package export/xlsx/ico)", "import the sheet with article30 import --ico")
	return s
}

// accountLine says what became of the cells of an ICO template:
// "212 cells: 205 read, 4 kept in notes, 3 rejected".
func accountLine(a ico.Account) string {
	line := fmt.Sprintf("%s: %d read into the register, %d kept in activities' notes, %d rejected",
		plural(a.Cells, "cell", "cells"), a.Read, a.Noted, a.Rejected)
	n := 0
	for _, m := range a.Messages {
		if m.Cell == "" && !errors.Is(m, xlsx.ErrMoreCells) {
			n++
		}
	}
	if n > 0 {
		line += fmt.Sprintf("; %s about a sheet as a whole", plural(n, "message", "messages"))
	}
	return line
}
