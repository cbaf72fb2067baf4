package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
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

Every cell import cannot read (an unknown lawful basis, a country it does
not know, a note typed below the table, an Excel error value such as
#DIV/0!, a formula saved without its value, an XML entity, a cell longer
than Excel's 32,767 characters) is listed on standard error as
WORKBOOK: Sheet!Cell: problem, saying what was found and what was kept;
the first 100 are listed, then how many more. The register is written all
the same, with the text of such a cell kept in its activity's notes (text
typed below the table belongs to no activity and is only listed; of an
over-long cell, what fits a cell): correct it there, or in the workbook
and import again, then run 'article30 validate'. A workbook protected by a
password to open is refused, with how to save a copy without one.

A workbook written by 'article30 export' is read from its data sheets
instead, which gives back the register exactly; --ico reads even such a
workbook as a hand-kept template (its Template sheet).

Exit status: 0 when every cell was read; 1 when the register was written
but some cells could not be read; 2 when the workbook cannot be read (not
an .xlsx file, no heading row of the ICO template, too large, or an export
whose views were edited), the output cannot be written, or on a usage
error.`,
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
			return failf(e, "import", "%s: larger than %d MiB, the largest workbook import reads (xlsx.MaxFileSize)", file, xlsx.MaxFileSize>>20), nil
		}
		if err != nil {
			return failf(e, "import", "%s", fileMessage(err)), nil
		}

		var reg *ropa.Register
		var cells xlsx.CellErrors
		own := false
		if !*asICO {
			// A workbook of article30's own reads back exactly.
			reg, err = xlsx.Read(bytes.NewReader(data))
			switch {
			case err == nil:
				own = true
			case errors.Is(err, xlsx.ErrNotWorkbook):
				reg = nil // not one of ours: read it as the ICO template
			default:
				if ce, ok := errors.AsType[xlsx.CellErrors](err); ok {
					listCells(e, file, ce)
					return failf(e, "import", "%s was written by 'article30 export', but %s could not be read back: "+
						"make the changes in its data sheets (Activities, Purposes, ...), or give --ico to read its Template sheet as a hand-kept template",
						file, plural(ce.Count(), "cell", "cells")), nil
				}
				return failf(e, "import", "%s: %s", file, strings.TrimPrefix(err.Error(), "xlsx: ")), nil
			}
		}
		if reg == nil {
			reg, err = ico.Read(bytes.NewReader(data))
			if err != nil {
				ce, ok := errors.AsType[xlsx.CellErrors](err)
				if !ok || reg == nil {
					return failf(e, "import", "%s: %s", file, libMessage(err)), nil
				}
				cells = ce
			}
		}

		var b bytes.Buffer
		fmt.Fprintf(&b, "# Imported by article30 import from %s.\n", filepath.Base(file))
		if len(cells) > 0 {
			fmt.Fprintf(&b, "# %s could not be read: article30 import listed them. The text of each\n"+
				"# one in an activity's row is in that activity's notes.\n", plural(cells.Count(), "cell", "cells"))
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
		if len(cells) > 0 {
			msg += fmt.Sprintf("; %s could not be read", plural(cells.Count(), "cell", "cells"))
		}
		fmt.Fprintln(e.stderr, clean(msg))
		if len(cells) > 0 {
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
		fmt.Fprintf(e.stderr, "%s: %s\n", clean(file), clean(c.Error()))
		listed += xlsx.CellErrors{c}.Count()
	}
	if listed < total {
		fmt.Fprintf(e.stderr, "%s: ... and %s more (%d in all)\n", clean(file), plural(total-listed, "cell", "cells"), total)
	}
}

// libMessage is a library error's text without the package prefix the
// library puts on it ("xlsx: ", "ico: ").
func libMessage(err error) string {
	s := err.Error()
	for _, p := range []string{"xlsx: ", "ico: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}
