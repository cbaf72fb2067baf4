package ico

import (
	"errors"
	"fmt"
	"io"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/ropa"
)

// ErrNoted is under the [xlsx.CellError] of a cell whose text was kept in
// its activity's notes rather than read into a field: the message says
// why (a column of the organisation's own, text beside a typed value,
// bases that cannot be paired with purposes, ...). errors.Is tells these
// from cells rejected.
var ErrNoted = errors.New("ico: kept in the activity's notes")

// Account says what became of every non-empty cell of the table (the
// heading row and the rows below it) and of the contact block above it:
// each cell was read into a field of the register, kept in an activity's
// notes with a message saying why, or rejected with a message. Cells
// holds the messages, each naming sheet and cell, in sheet and cell
// order; a message without a cell (Cell "") is about a sheet as a whole,
// such as a sheet with no contact block.
type Account struct {
	Cells    int // non-empty cells accounted for
	Read     int // read into fields
	Noted    int // kept in notes, each with a message wrapping ErrNoted
	Rejected int // not read, each with a message
	Messages xlsx.CellErrors
}

// Clean reports whether every cell was read into a field and there is no
// message about a sheet as a whole.
func (a Account) Clean() bool { return len(a.Messages) == 0 && a.Noted == 0 && a.Rejected == 0 }

// Import is the result of reading a workbook: the register and the
// account of its cells.
type Import struct {
	Register *ropa.Register
	Account  Account
}

// ReadAccount is [Read] with the account of every cell: it returns an
// error only when the workbook cannot be imported at all (not a workbook,
// too large, no heading row), and otherwise the register with the
// account, whose Messages are the cell errors Read returns.
func ReadAccount(r io.Reader, opts ...xlsx.ReadOption) (*Import, error) {
	rd, err := readAll(r, opts)
	if err != nil {
		return nil, err
	}
	im := &Import{Register: rd.reg, Account: rd.account()}
	return im, nil
}

// noted is the error of a cell kept in notes.
type noted string

func (n noted) Error() string { return string(n) }

func (n noted) Is(target error) bool { return target == ErrNoted }

// outcome is what became of a cell that was not read cleanly.
type outcome uint8

const (
	outNoted outcome = iota + 1
	outRejected
)

// mark records the outcome of a cell; a rejection outweighs a note.
func (rd *importer) mark(sheet string, p cellPos, err error) {
	if rd.marks == nil {
		rd.marks = map[string]map[cellPos]outcome{}
	}
	m := rd.marks[sheet]
	if m == nil {
		m = map[cellPos]outcome{}
		rd.marks[sheet] = m
	}
	o := outRejected
	if errors.Is(err, ErrNoted) {
		o = outNoted
	}
	m[p] = max(m[p], o)
}

// account adds up the cells counted and marked.
func (rd *importer) account() Account {
	a := Account{Cells: rd.cells}
	for _, m := range rd.marks {
		for _, o := range m {
			if o == outNoted {
				a.Noted++
			} else {
				a.Rejected++
			}
		}
	}
	// A cell the account marks but did not count (a cell a scan found with
	// no text, such as an error value) counts too.
	if n := a.Noted + a.Rejected; n > a.Cells {
		a.Cells = n
	}
	a.Read = a.Cells - a.Noted - a.Rejected
	if ce := rd.cellErrors(); len(ce) > 0 {
		a.Messages = ce
	}
	return a
}

// count counts the non-empty cells of a row.
func (rd *importer) count(cells []string) {
	for _, c := range cells {
		if c != "" {
			rd.cells++
		}
	}
}

// above accounts for the rows above the table and its heading row: the
// headings, the section titles over them and the contact block are read;
// other text there (a title, a note) has no place in the register and is
// reported.
func (rd *importer) above(s *sheetReader, h *headingRow, cols []column, used map[cellPos]bool) {
	for r := 0; r <= h.row && r < len(s.top); r++ {
		rd.count(s.top[r])
		if r == h.row {
			continue
		}
		for c, v := range s.top[r] {
			if v == "" || isBlank(v) || used[cellPos{r, c}] {
				continue
			}
			if r == h.row-1 && sectionOf(templateLayout, cols, v) != "" {
				continue
			}
			rd.fail(s.name, r, c, v, notImported(fmt.Sprintf("text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): %q", short(v))))
		}
	}
}
