package ico

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// ErrNoHeader is returned by [Read] for a workbook in which no sheet has
// a heading row holding "Purpose of processing" and "Categories of
// individuals" among its first rows.
var ErrNoHeader = errors.New("ico: no ICO template heading row")

// ErrNotImported is under the [xlsx.CellError] values that [Read] reports for
// text it found a place for nowhere in the register, such as notes typed
// below the table: they are notices rather than mistakes, and errors.Is
// tells them apart.
var ErrNotImported = errors.New("ico: text not imported")

// Limits of the importer beyond those of [xlsx.ReadOption].
const (
	headerScan = 40     // rows searched for the heading row
	maxCols    = 1024   // columns read per row
	maxLinks   = 100000 // hyperlinks read per sheet
	// maxImportCell is the most UTF-16 code units of a cell the importer
	// reads: a workbook cell's limit, less room for what the importer
	// puts before a text ("custom criminal: ", a heading in the notes),
	// so that whatever it imports fits a cell when the register is
	// exported. A longer cell is cut there and reported.
	maxImportCell = maxCell - 64
)

// recoverPanics turns a panic under Read into xlsx.ErrNotWorkbook. The fuzz test
// switches it off so that a panic in this package's own code is found.
var recoverPanics = true

// Read imports a workbook in the ICO documentation template layout that a
// DPO keeps by hand (the "Template" sheet of the ICO's "Documentation
// template for controllers", and a "Processor" sheet if there is one). A
// workbook that holds only the processor record (the ICO's processor
// template) gives a register of processor records.
//
// It finds the sheet ("Template", else the first sheet with a heading row),
// the heading row (the first of the first 40 rows that holds headings
// matching "Purpose of processing" and "Categories of individuals") and each
// column by its heading, tolerantly: any case, straight or curly
// apostrophes, hyphens or dashes, line breaks and doubled spaces, with or
// without "(if applicable)" and "(if possible)", and the variants seen in
// hand-kept files. Columns may be deleted, moved or added. The contact
// block above the table fills the controller, DPO and representative; a
// sheet without one (or without the controller's name) is reported, and
// the controller is left for the user to fill. Each row below the heading
// row is an activity; after an empty row, a row with nothing under
// "Purpose of processing", "Categories of individuals" and "Categories of
// personal data" is taken for notes typed below the table.
//
// Every non-empty cell is accounted for (see [ReadAccount]): read into a
// field; kept in the activity's Notes as "Heading: text" with a message
// wrapping [ErrNoted] saying why (a column of the organisation's own, more
// words than a Yes or No); or rejected with a message (an unknown value, a
// word that could mean two things, text below the table, an Excel error
// value). Read returns the register and, when any cell was not read
// cleanly, those messages as [xlsx.CellErrors], each naming sheet and
// cell, such as `Template!L12: unknown lawful basis "consnet" (did you
// mean "consent"?); accepted: ...`.
//
// How cells are read:
//   - A cell holds several values separated by line breaks or semicolons
//     (outside brackets), and, in columns of enumerations such as data
//     categories, countries or lawful bases, commas; "N/A", "None", "-" and
//     dashes count as empty.
//   - A merged cell over several rows applies to every row it spans.
//   - An Excel date is read as an ISO 8601 date ("2031-03-31"), a number
//     as written; TRUE and FALSE are Yes and No in the Yes/No columns, and
//     in the automated decisions column FALSE or No is none and TRUE or
//     Yes, which says nothing of the decisions, is kept in the notes.
//   - Several lawful bases in one cell ("Contract; legal obligation",
//     "Public task / contract") go one per purpose in order, or, for one
//     purpose, make the purpose once per basis; bases that cannot be
//     paired with the purposes are rejected.
//   - A source naming the people themselves ("Patients", "the employee",
//     "Pupils", "Applicants", "Parents", "the individual", "data subject")
//     is the data subject: for that group, when the activity has several,
//     and a third party for the others.
//   - Criminal offence data however named (DBS checks, criminal records,
//     convictions, cautions, offences, allegations of criminal behaviour)
//     is the criminal-offences category, so the Article 10 checks run.
//   - "Visitors" (website or premises?), "SCCs" under the UK regime (the
//     EU clauses with the UK Addendum, the IDTA, or the pre-2021 clauses?)
//     and "NO" in the transfers column (Norway or none?) are rejected with
//     the candidates, never guessed.
//   - A list of the data protection rights in the rights column is read
//     as such: the register works them out from the lawful bases. Other
//     text there is kept in the notes.
//   - A link column keeps both a hyperlink's display text and its target:
//     "DPIA v2 <https://...>".
//   - Free text where a typed value is expected is kept: "Public task
//     (Education Act 1996)" is the basis public task with the provision
//     "Education Act 1996", a retention sentence that is not a rule is the
//     retention's Schedule text, a data subject or category outside the
//     catalogue a custom entry.
//
// The register's Jurisdiction is [lawfulbasis.UK], since the ICO template is
// the UK's; a caller importing an EU register sets it afterwards.
//
// Input that is not an xlsx workbook, or is truncated, is an error wrapping
// [xlsx.ErrNotWorkbook]; a workbook beyond the size limits (a zip bomb)
// wraps [xlsx.ErrTooLarge]; one without a heading row wraps [ErrNoHeader].
// In those cases the register is nil; an error reading r is returned
// wrapped. Read does not panic.
func Read(r io.Reader, opts ...xlsx.ReadOption) (*ropa.Register, error) {
	rd, err := readAll(r, opts)
	if err != nil {
		return nil, err
	}
	if ce := rd.cellErrors(); len(ce) > 0 {
		return rd.reg, ce
	}
	return rd.reg, nil
}

// readAll reads the workbook; the reader holds the register and what
// became of each cell.
func readAll(r io.Reader, opts []xlsx.ReadOption) (rd *importer, err error) {
	cfg := newConfig(opts)
	wb, err := book.Open(r, cfg.Limits)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	if recoverPanics {
		defer func() {
			if p := recover(); p != nil {
				rd, err = nil, fmt.Errorf("%w: %v", xlsx.ErrNotWorkbook, p)
			}
		}()
	}
	rd = &importer{f: wb.File, wb: wb, cfg: cfg, pkg: wb.Package()}
	if err := rd.read(); err != nil {
		return nil, err
	}
	return rd, nil
}

// importer holds the state of one import.
type importer struct {
	f      *excelize.File
	wb     *book.Workbook
	cfg    config
	more   int           // cells found beyond cfg.maxCellErrors
	pkg    *book.Package // the zip, for hyperlinks
	reg    *ropa.Register
	errs   []cellErr
	sheets []string // sheet names in the order errors are sorted
	ids    map[string]int
	marks  map[string]map[cellPos]outcome // cells not read cleanly
	cells  int                            // non-empty cells counted
}

type cellErr struct {
	sheet, row, col int
	e               *xlsx.CellError
}

// fail records a cell that could not be read.
func (rd *importer) fail(sheet string, row, col int, value string, err error) {
	if row >= 0 && col >= 0 {
		rd.mark(sheet, cellPos{row, col}, err)
	}
	if len(rd.errs) >= rd.cfg.MaxCellErrors {
		rd.more++
		return
	}
	cell := ""
	if row >= 0 && col >= 0 {
		cell, _ = excelize.CoordinatesToCellName(col+1, row+1)
	}
	si := slices.Index(rd.sheets, sheet)
	if si < 0 {
		rd.sheets = append(rd.sheets, sheet)
		si = len(rd.sheets) - 1
	}
	rd.errs = append(rd.errs, cellErr{si, row, col, &xlsx.CellError{Sheet: sheet, Cell: cell, Value: value, Err: err}})
}

// notImported is the error of a notice about text not imported.
type notImported string

func (n notImported) Error() string { return string(n) }

func (n notImported) Is(target error) bool { return target == ErrNotImported }

func (rd *importer) read() error {
	rd.reg = &ropa.Register{Jurisdiction: lawfulbasis.UK, Activities: []ropa.Activity{}}
	rd.ids = map[string]int{}
	sheets := rd.f.GetSheetList()

	// The controller sheet: the profile's by name, else the first with a heading row.
	order := make([]string, 0, len(sheets))
	if i := findSheet(sheets, templateLayout.ControllerSheet); i >= 0 {
		order = append(order, sheets[i])
	}
	for _, name := range sheets {
		if !slices.Contains(order, name) && !strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(templateLayout.ProcessorSheet)) {
			order = append(order, name)
		}
	}
	var (
		sheet *sheetReader
		hdr   *headingRow
	)
	var openErr error
	for _, name := range order {
		s, err := rd.openSheet(name)
		if err != nil {
			openErr = err // a sheet that cannot be read is not the record; try the others
			continue
		}
		if h := findHeader(s.top, templateLayout.Controller, controllerMatch, tpl.ColPurpose, tpl.ColIndividuals, templateLayout); h != nil {
			sheet, hdr = s, h
			break
		}
		s.close()
	}
	if sheet == nil {
		// The ICO's processor template is a workbook of its own.
		if name := rd.findProcessorSheet(sheets); name != "" {
			if err := rd.processorSheet(name); err != nil {
				return err
			}
			return nil
		}
	}
	if sheet == nil && openErr != nil {
		return openErr
	}
	if sheet == nil {
		return fmt.Errorf("%w: no sheet has a row with the headings %q and %q in its first %d rows",
			ErrNoHeader, headingAt(templateLayout.Controller, tpl.ColPurpose), headingAt(templateLayout.Controller, tpl.ColIndividuals), headerScan)
	}
	defer sheet.close()
	rd.sheets = append(rd.sheets, sheet.name)
	rd.loadLinks(sheet)
	rd.above(sheet, hdr, templateLayout.Controller, rd.contacts(sheet, hdr.row))
	if err := rd.activities(sheet, hdr); err != nil {
		return err
	}
	sheet.close()
	rd.cells += sheet.blanked + len(sheet.beyond) - sheet.copies
	rd.reportBeyond(sheet)
	rd.reportScan(sheet)

	if i := findSheet(sheets, templateLayout.ProcessorSheet); i >= 0 && sheets[i] != sheet.name {
		if err := rd.processorSheet(sheets[i]); err != nil {
			return err
		}
	}

	return nil
}

// findProcessorSheet returns the first sheet with the processor record's
// heading row, the profile's processor sheet first.
func (rd *importer) findProcessorSheet(sheets []string) string {
	if len(templateLayout.Processor) != numProcessorColumns {
		return ""
	}
	order := slices.Clone(sheets)
	if i := findSheet(sheets, templateLayout.ProcessorSheet); i > 0 {
		order = append([]string{sheets[i]}, slices.Delete(order, i, i+1)...)
	}
	for _, name := range order {
		s, err := rd.openSheet(name)
		if err != nil {
			continue
		}
		h := findHeader(s.top, templateLayout.Processor, processorMatch, pcolController, pcolProcessing, templateLayout)
		s.close()
		if h != nil {
			return name
		}
	}
	return ""
}

// cellErrors returns the cell errors in sheet and cell order, or nil.
func (rd *importer) cellErrors() xlsx.CellErrors {
	if len(rd.errs) == 0 && rd.more == 0 {
		return nil
	}
	sort.SliceStable(rd.errs, func(i, j int) bool {
		a, b := rd.errs[i], rd.errs[j]
		if a.sheet != b.sheet {
			return a.sheet < b.sheet
		}
		if a.row != b.row {
			return a.row < b.row
		}
		return a.col < b.col
	})
	out := make(xlsx.CellErrors, len(rd.errs), len(rd.errs)+1)
	for i, e := range rd.errs {
		out[i] = e.e
	}
	if rd.more > 0 {
		out = append(out, &xlsx.CellError{Err: book.MoreCells(rd.more, rd.cfg.MaxCellErrors)})
	}
	return out
}

func findSheet(sheets []string, name string) int {
	name = strings.TrimSpace(name)
	if name == "" {
		return -1
	}
	for i, s := range sheets {
		if strings.EqualFold(strings.TrimSpace(s), name) {
			return i
		}
	}
	return -1
}

func headingAt(cols []column, k int) string {
	if k < len(cols) {
		return cols[k].Heading
	}
	return ""
}
