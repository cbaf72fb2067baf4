package xlsx

import (
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/ropa"
)

// ErrViewEdited is under every [CellError] [Read] returns for a view cell
// whose text differs from the view regenerated from the data sheets.
var ErrViewEdited = errors.New("xlsx: view cell edited")

// SkipViewCheck makes [Read] read the data sheets without comparing the
// views with them. It is for a workbook written by another version of this
// package, whose views (the law's citations, the checks' wording) differ
// from what this version generates: read it with this option and write it
// again. Edits made to its views are then lost: check them first.
func SkipViewCheck() ReadOption { return func(c *readConfig) { c.SkipViews = true } }

// rdViewDiff is a view cell that differs from the regenerated view.
type rdViewDiff struct{ file, want string }

func (e *rdViewDiff) Error() string {
	return fmt.Sprintf("not read (%s in the file, %s from the data sheets): this sheet is generated from the data sheets, and was generated again from them; make the change there",
		book.Quote(e.file), book.Quote(e.want))
}

func (e *rdViewDiff) Is(target error) bool { return target == ErrViewEdited }

// rdMoreDiffs counts the edited cells of a view beyond those listed.
type rdMoreDiffs struct{ n int }

func (e *rdMoreDiffs) Error() string {
	return fmt.Sprintf("%s: %d more cells differ from the register data", ErrViewEdited.Error(), e.n)
}

func (e *rdMoreDiffs) Is(target error) bool { return target == ErrViewEdited }
func (e *rdMoreDiffs) Cells() int           { return e.n }

// rdMaxDiffs is how many edited cells of one view are listed; the rest are
// counted.
const rdMaxDiffs = 100

// rdAny is a view cell the reader cannot regenerate and accepts as it is.
const rdAny = "\x00any"

// Read reads a workbook written by [Write] back into a register.
//
// The data sheets are the source of truth: Read finds them by name and
// their columns by heading (not by position), and reads every cell with the
// parsers of the enumerations, so a cell may hold a slug ("consent"), a
// title ("Consent") or a citation ("Art 6(1)(a)"). Lists of enumerations are
// read one value a line; empty lists are nil.
//
// Then Read generates the views again from the register it read, as Write
// would with the settings recorded in the workbook, and compares them with
// the file cell by cell. A view cell someone edited, a note typed beside a
// view, a sheet the package does not know that holds text, a cell it cannot
// parse: each is a [*CellError] naming the sheet and cell, and Read returns
// them all as [CellErrors] and no register, so that nothing written in the
// workbook is silently dropped. Edited view cells carry [ErrViewEdited].
//
// A workbook without the data sheets was not written by this package: Read
// returns an error wrapping [ErrNotWorkbook] (for the ICO template kept by
// hand, use ico.Read (package export/xlsx/ico)). Input that is not a workbook gives [ErrNotWorkbook],
// and one beyond the size limits [ErrTooLarge]. Read never panics.
func Read(r io.Reader, opts ...ReadOption) (reg *ropa.Register, err error) {
	cfg := newReadConfig(opts)
	wb, err := book.Open(r, cfg.Limits)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	defer func() {
		if p := recover(); p != nil {
			reg, err = nil, fmt.Errorf("%w: unreadable workbook: %v", ErrNotWorkbook, p)
		}
	}()
	rd := &rdReader{f: wb.File, wb: wb, cfg: cfg, reg: &ropa.Register{}}
	return rd.read()
}

// rdReader reads one workbook.
type rdReader struct {
	f    *excelize.File
	wb   *book.Workbook
	cfg  readConfig
	more int // cells found beyond cfg.maxCellErrors
	// found are the cells the scan found something in, by sheet.
	found  map[string]map[[2]int]book.Finding
	sheets []string
	reg    *ropa.Register
	errs   CellErrors

	activities map[string]int // activity ID -> index
	processors map[string]int // processor record label -> index

	asOf         time.Time
	customChecks bool
	// format1 is set for a workbook of format 1 (wbFormat1); old for one
	// of an earlier format (1 or 2), whose views are not compared.
	format1, old bool
	// digests are the fingerprints of the views as written (see edits.go),
	// rowDigests those of the Template's rows, by rowDigestKey, and
	// rowOrder the same in the order of the Lists sheet.
	digests    map[string]string
	rowDigests map[string]string
	rowOrder   [][2]string
}

func (rd *rdReader) fail(sheet, cell, value string, err error) {
	if len(rd.errs) >= rd.cfg.MaxCellErrors {
		rd.more++
		return
	}
	rd.errs = append(rd.errs, &CellError{Sheet: sheet, Cell: cell, Value: value, Err: err})
}

// scanned reports what the scan of the workbook found in each sheet's XML
// (error values, formulas without values, entity references, broken XML),
// each as an error of its cell; table and compare leave those cells out.
func (rd *rdReader) scanned() {
	rd.found = map[string]map[[2]int]book.Finding{}
	for _, sheet := range rd.sheets {
		found := rd.wb.Findings(sheet)
		if len(found) == 0 {
			continue
		}
		rd.found[sheet] = found
		for _, c := range book.SortedFindings(found) {
			rd.fail(sheet, wbCellRef(max(c.Col, 1), max(c.Row, 1)), c.Text, errors.New(c.Message(false)))
		}
	}
}

func (rd *rdReader) read() (*ropa.Register, error) {
	rd.sheets = rd.f.GetSheetList()
	rd.scanned()
	if !slices.Contains(rd.sheets, snActivities) && !slices.Contains(rd.sheets, snOrganisation) {
		return nil, fmt.Errorf("%w: it was not written by article30 (it has no %s or %s sheet); to import the ICO documentation template or a copy kept by hand, use ico.Read (package export/xlsx/ico)",
			ErrNotWorkbook, snOrganisation, snActivities)
	}
	if slices.Contains(rd.sheets, snLists) {
		if err := rd.settings(); err != nil {
			return nil, err
		}
	}
	var missing []string
	for _, n := range wbReservedSheets() {
		if !slices.Contains(rd.sheets, n) && !(rd.format1 && slices.Contains(wbFormat2Sheets, n)) {
			missing = append(missing, n)
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("%w: the data sheets %s that article30 writes are missing, so the register cannot be read whole; to import the ICO template, use ico.Read (package export/xlsx/ico)",
			ErrNotWorkbook, strings.Join(missing, ", "))
	}
	if rd.blocked() {
		return nil, rd.errors()
	}
	rd.organisation()
	rd.jointControllers()
	rd.activitiesSheet()
	rd.processorRecords()
	if !rd.format1 {
		rdChild(rd, snDataCategories, dsCategoryFields, func(a *ropa.Activity, v ropa.DataCategory) { a.DataCategories = append(a.DataCategories, v) })
	}
	rdChild(rd, snPurposes, dsPurposeFields, func(a *ropa.Activity, v ropa.Purpose) { a.Purposes = append(a.Purposes, v) })
	rdChild(rd, snRecipients, dsRecipientFields, func(a *ropa.Activity, v ropa.Recipient) { a.Recipients = append(a.Recipients, v) })
	rd.transfers()
	rdChild(rd, snRetentionRules, dsRetentionFields, func(a *ropa.Activity, v ropa.Retention) { a.Retention = append(a.Retention, v) })
	rdChild(rd, snSources, dsSourceFields, func(a *ropa.Activity, v ropa.Source) { a.Sources = append(a.Sources, v) })
	if !rd.format1 {
		rdChild(rd, snDecisions, dsDecisionFields, func(a *ropa.Activity, v ropa.Decision) { a.Automated = append(a.Automated, v) })
		rdChild(rd, snNone, dsNoneFields, func(a *ropa.Activity, v ropa.None) { a.None = append(a.None, v) })
	}
	rd.textLists()
	if rd.blocked() {
		return nil, rd.errors()
	}
	if !rd.cfg.SkipViews && !rd.old {
		rd.views()
	}
	rd.unknownSheets()
	switch {
	case rd.blocked():
		return nil, rd.errors()
	case len(rd.errs) > 0:
		// Only cells not read (ErrViewEdited): the register, with them.
		return rd.reg, rd.errors()
	}
	return rd.reg, nil
}

// blocked reports whether a cell could not be read, as opposed to a view
// cell reported as not read ([ErrViewEdited]), which does not stop a read.
func (rd *rdReader) blocked() bool {
	return rd.more > 0 || slices.ContainsFunc(rd.errs, func(e *CellError) bool { return !errors.Is(e, ErrViewEdited) })
}

// rdOldFormat reports a workbook of an earlier format, whose views are not
// compared with its data sheets.
type rdOldFormat struct{ format string }

func (e *rdOldFormat) Error() string {
	return fmt.Sprintf("the workbook was written by an earlier version of article30, in format %s, whose views this version does not generate: "+
		"its data sheets were read, its views were not (an edit made to them is not in the register); written again, it has format %s", e.format, wbFormat)
}

func (e *rdOldFormat) Is(target error) bool { return target == ErrViewEdited }

// errors returns the cell errors in sheet and cell order.
func (rd *rdReader) errors() CellErrors {
	pos := func(e *CellError) (int, int, int) {
		s := slices.Index(rd.sheets, e.Sheet)
		if errors.Is(e, ErrMoreCells) {
			return 1 << 30, 0, 0
		}
		if e.Cell == "" {
			if errors.Is(e, ErrViewEdited) { // the count of the cells not listed
				return s, 1 << 30, 0
			}
			return s, 0, 0
		}
		c, r, err := excelize.CellNameToCoordinates(e.Cell)
		if err != nil {
			return s, 0, 0
		}
		return s, r, c
	}
	slices.SortStableFunc(rd.errs, func(a, b *CellError) int {
		as, ar, ac := pos(a)
		bs, br, bc := pos(b)
		if as != bs {
			return as - bs
		}
		if ar != br {
			return ar - br
		}
		return ac - bc
	})
	if rd.more > 0 && !slices.ContainsFunc(rd.errs, func(e *CellError) bool { return errors.Is(e, ErrMoreCells) }) {
		rd.errs = append(rd.errs, &CellError{Err: book.MoreCells(rd.more, rd.cfg.MaxCellErrors)})
	}
	return rd.errs
}

// ---- tables ----

// rdTable iterates over the rows of a data sheet, with the columns found by
// their headings in row 1.
type rdTable struct {
	rd    *rdReader
	sheet string
	cols  map[string]int
	row   int
	cells []string
}

// get returns the text of the current row's cell under heading name ("" if
// there is no such column).
func (t *rdTable) get(name string) string {
	i, ok := t.cols[name]
	if !ok || i >= len(t.cells) {
		return ""
	}
	return t.cells[i]
}

// ref returns the reference of the current row's cell under heading name.
func (t *rdTable) ref(name string) string {
	i, ok := t.cols[name]
	if !ok {
		return wbCellRef(1, t.row)
	}
	return wbCellRef(i+1, t.row)
}

func (t *rdTable) fail(name string, err error) {
	t.rd.fail(t.sheet, t.ref(name), t.get(name), err)
}

// rdRawCells are the options of every cell read: the cell's text as
// stored, not formatted.
var rdRawCells = excelize.Options{RawCellValue: true}

// table reads sheet: its headings must be among known (and must include
// required), and each non-blank row is passed to each.
func (rd *rdReader) table(sheet string, known, required []string, each func(t *rdTable)) {
	rows, err := rd.rows(sheet)
	if err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
		return
	}
	defer rows.Close()
	t := &rdTable{rd: rd, sheet: sheet, cols: map[string]int{}}
	var empty []bool // columns with no heading
	found := rd.found[sheet]
	for rows.Next() {
		t.row++
		cells, err := rows.Columns(rdRawCells)
		if err != nil {
			rd.fail(sheet, wbCellRef(1, t.row), "", fmt.Errorf("cannot read the row: %v", err))
			return
		}
		rd.screen(sheet, t.row, cells, found)
		if t.row == 1 {
			for i, h := range cells {
				key := strings.TrimSpace(h)
				// A heading is the field's title, or its JSON path (the
				// headings of format 1 and 2).
				if j := slices.IndexFunc(known, func(k string) bool { return dsTitle(k) == key }); j >= 0 {
					key = known[j]
				}
				switch {
				case key == "":
					continue
				case !slices.Contains(known, key):
					titles := make([]string, len(known))
					for j, k := range known {
						titles[j] = strconv.Quote(dsTitle(k))
					}
					rd.fail(sheet, wbCellRef(i+1, 1), h, fmt.Errorf("unknown column heading %q: its cells would be lost; the columns of this sheet are %s", h, strings.Join(titles, ", ")))
				default:
					if _, dup := t.cols[key]; dup {
						rd.fail(sheet, wbCellRef(i+1, 1), h, fmt.Errorf("column heading %q appears twice", h))
						continue
					}
					t.cols[key] = i
				}
			}
			empty = make([]bool, len(cells))
			for i, h := range cells {
				empty[i] = strings.TrimSpace(h) == ""
			}
			for _, r := range required {
				if _, ok := t.cols[r]; !ok {
					rd.fail(sheet, "", "", fmt.Errorf("no column headed %q in row 1", dsTitle(r)))
					return
				}
			}
			continue
		}
		blank := true
		for i, c := range cells {
			if c == "" {
				continue
			}
			blank = false
			if i >= len(empty) || empty[i] {
				rd.fail(sheet, wbCellRef(i+1, t.row), c, errors.New("this cell has no column heading, so its text would be lost"))
			}
		}
		if blank {
			continue
		}
		t.cells = cells
		each(t)
	}
	if t.row == 0 {
		for _, r := range required {
			rd.fail(sheet, "", "", fmt.Errorf("no column headed %q in row 1", r))
			return
		}
	}
	if err := rows.Error(); err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
	}
}

// screen empties the cells of a row that cannot be read as they stand:
// those the scan found something in (reported by scanned), and text
// longer than a cell may hold, which Write never writes (reported here).
func (rd *rdReader) screen(sheet string, row int, cells []string, found map[[2]int]book.Finding) {
	for i, c := range cells {
		if _, ok := found[[2]int{row, i + 1}]; ok {
			cells[i] = ""
			continue
		}
		if len(c) > wbMaxCell {
			if n := book.UTF16Len(c); n > wbMaxCell {
				rd.fail(sheet, wbCellRef(i+1, row), c, fmt.Errorf("holds %d characters (UTF-16 code units), more than the %d a workbook cell holds, which Write never writes: shorten it", n, wbMaxCell))
				cells[i] = ""
			}
		}
	}
}

// rdFieldNames are the headings of fields.
func rdFieldNames[T any](key string, fields []dsField[T]) []string {
	var h []string
	if key != "" {
		h = append(h, key)
	}
	for _, f := range fields {
		h = append(h, f.name)
	}
	return h
}

// rdDecode sets v's fields from the current row.
func rdDecode[T any](t *rdTable, fields []dsField[T], v *T) {
	for _, f := range fields {
		if err := f.set(v, t.get(f.name)); err != nil {
			t.fail(f.name, err)
		}
	}
}

// ---- settings ----

// settings reads the workbook's settings from the Lists sheet.
func (rd *rdReader) settings() error {
	vals := map[string]string{}
	refs := map[string]string{}
	rows, err := rd.rows(snLists)
	if err != nil {
		return fmt.Errorf("%w: cannot read the %s sheet: %v", ErrNotWorkbook, snLists, err)
	}
	defer rows.Close()
	row := 0
	for rows.Next() {
		row++
		cells, err := rows.Columns(rdRawCells)
		if err != nil {
			return fmt.Errorf("%w: cannot read the %s sheet: %v", ErrNotWorkbook, snLists, err)
		}
		if row == 1 {
			continue
		}
		if len(cells) == 0 || cells[0] == "" {
			break // the settings end at the first row without one
		}
		if len(cells) > 1 {
			vals[cells[0]], refs[cells[0]] = cells[1], wbCellRef(2, row)
			if strings.HasPrefix(cells[0], rowDigestKey("")) {
				rd.rowOrder = append(rd.rowOrder, [2]string{cells[0], cells[1]})
			}
		}
	}
	switch f := vals["format"]; f {
	case wbFormat:
	case wbFormat1, wbFormat2:
		// An earlier version wrote it: its data sheets are read, but its
		// views cannot be regenerated to be compared.
		rd.format1 = f == wbFormat1
		rd.old = true
		if !rd.cfg.SkipViews {
			rd.fail(snLists, refs["format"], f, &rdOldFormat{f})
		}
	default:
		return fmt.Errorf("%w: the %s sheet does not record the format %q this package writes (found %q); to import the ICO template, use ico.Read (package export/xlsx/ico)",
			ErrNotWorkbook, snLists, wbFormat, vals["format"])
	}
	if p := vals["profile"]; p != icoLayout.Name {
		rd.fail(snLists, refs["profile"], p, fmt.Errorf("the workbook was written with the profile %q, not %q, which this version reads: read it with the version of article30 that wrote it", p, icoLayout.Name))
	}
	at, err := time.Parse(time.DateOnly, vals["asOf"])
	if err != nil {
		rd.fail(snLists, refs["asOf"], vals["asOf"], errors.New("the date the law was applied at is not a date YYYY-MM-DD"))
	}
	rd.asOf = at
	rd.digests, rd.rowDigests = map[string]string{}, map[string]string{}
	for k, v := range vals {
		switch {
		case strings.HasPrefix(k, digestKey("")):
			rd.digests[k] = v
		case strings.HasPrefix(k, rowDigestKey("")):
			rd.rowDigests[k] = v
		}
	}
	switch vals["checks"] {
	case "default":
	case "custom":
		rd.customChecks = true
	default:
		rd.fail(snLists, refs["checks"], vals["checks"], errors.New(`the checks setting is neither "default" nor "custom"`))
	}
	return nil
}

// ---- data sheets ----

func (rd *rdReader) organisation() {
	seen := map[string]string{}
	rd.table(snOrganisation, []string{dsOrgField, dsOrgValue}, []string{dsOrgField}, func(t *rdTable) {
		name := strings.TrimSpace(t.get(dsOrgField))
		i := slices.IndexFunc(dsOrgFields, func(f dsField[ropa.Register]) bool { return f.name == name })
		switch {
		case i < 0:
			var known []string
			for _, f := range dsOrgFields {
				known = append(known, f.name)
			}
			t.fail(dsOrgField, fmt.Errorf("unknown field %q: its value would be lost; the fields are %s", t.get(dsOrgField), strings.Join(known, ", ")))
			return
		case seen[name] != "":
			t.fail(dsOrgField, fmt.Errorf("field %q is also on %s", name, seen[name]))
			return
		}
		seen[name] = t.ref(dsOrgField)
		if err := dsOrgFields[i].set(rd.reg, t.get(dsOrgValue)); err != nil {
			t.fail(dsOrgValue, err)
		}
	})
}

func (rd *rdReader) jointControllers() {
	rd.table(snJointControllers, rdFieldNames("", dsJointControllerFields), nil, func(t *rdTable) {
		var jc ropa.JointController
		rdDecode(t, dsJointControllerFields, &jc)
		rd.reg.JointControllers = append(rd.reg.JointControllers, jc)
	})
}

func (rd *rdReader) activitiesSheet() {
	rd.activities = map[string]int{}
	rowOf := map[string]int{}
	known := rdFieldNames("", dsActivityFields)
	if rd.format1 {
		known = append(known, rdFieldNames("", dsFormat1Fields)...)
	}
	rd.table(snActivities, known, []string{"id"}, func(t *rdTable) {
		var a ropa.Activity
		rdDecode(t, dsActivityFields, &a)
		if rd.format1 {
			var v dsFormat1
			rdDecode(t, dsFormat1Fields, &v)
			if len(v.categories) > 0 {
				a.DataCategories = ropa.Cats(v.categories...)
			}
			if !reflect.ValueOf(v.automated).IsZero() {
				a.Automated = []ropa.Decision{v.automated}
			}
		}
		switch prev, dup := rowOf[a.ID]; {
		case a.ID == "":
			t.fail("id", errors.New("the activity ID is required: the other data sheets refer to the activity by it"))
		case dup:
			t.fail("id", fmt.Errorf("activity ID %q is also on row %d", a.ID, prev))
		default:
			rd.activities[a.ID] = len(rd.reg.Activities)
			rowOf[a.ID] = t.row
		}
		rd.reg.Activities = append(rd.reg.Activities, a)
	})
}

func (rd *rdReader) processorRecords() {
	rd.processors = map[string]int{}
	rd.table(snProcessorRecords, rdFieldNames(dsKeyRecord, dsProcessorFields), []string{dsKeyRecord}, func(t *rdTable) {
		var p ropa.ProcessorRecord
		rdDecode(t, dsProcessorFields, &p)
		label := t.get(dsKeyRecord)
		_, dup := rd.processors[label]
		_, clash := rd.activities[label]
		switch {
		case label == "":
			t.fail(dsKeyRecord, errors.New("the record label is required: the Transfers and Text lists sheets refer to the record by it"))
		case dup:
			t.fail(dsKeyRecord, fmt.Errorf("record label %q appears twice", label))
		case clash:
			t.fail(dsKeyRecord, fmt.Errorf("record label %q is also an activity ID", label))
		default:
			rd.processors[label] = len(rd.reg.ProcessorRecords)
		}
		rd.reg.ProcessorRecords = append(rd.reg.ProcessorRecords, p)
	})
}

// activity returns the activity the current row belongs to, by the ID in
// column key.
func (rd *rdReader) activity(t *rdTable, key string) *ropa.Activity {
	id := t.get(key)
	i, ok := rd.activities[id]
	if !ok {
		if id == "" {
			t.fail(key, errors.New("the activity ID is required: it says which activity the row belongs to"))
		} else {
			t.fail(key, fmt.Errorf("no activity with ID %q on the %s sheet", id, snActivities))
		}
		return nil
	}
	return &rd.reg.Activities[i]
}

// rdChild reads a sheet of records that belong to activities.
func rdChild[T any](rd *rdReader, sheet string, fields []dsField[T], add func(*ropa.Activity, T)) {
	rd.table(sheet, rdFieldNames(dsKeyActivity, fields), []string{dsKeyActivity}, func(t *rdTable) {
		var v T
		rdDecode(t, fields, &v)
		if a := rd.activity(t, dsKeyActivity); a != nil {
			add(a, v)
		}
	})
}

// record resolves the record column: an activity ID or a processor record
// label.
func (rd *rdReader) record(t *rdTable) (*ropa.Activity, *ropa.ProcessorRecord) {
	key := t.get(dsKeyRecord)
	if i, ok := rd.activities[key]; ok {
		return &rd.reg.Activities[i], nil
	}
	if i, ok := rd.processors[key]; ok {
		return nil, &rd.reg.ProcessorRecords[i]
	}
	if key == "" {
		t.fail(dsKeyRecord, errors.New("the record is required: an activity ID, or a processor record's label"))
	} else {
		t.fail(dsKeyRecord, fmt.Errorf("%q is neither an activity ID on the %s sheet nor a record on the %s sheet", key, snActivities, snProcessorRecords))
	}
	return nil, nil
}

func (rd *rdReader) transfers() {
	rd.table(snTransfers, rdFieldNames(dsKeyRecord, dsTransferFields), []string{dsKeyRecord}, func(t *rdTable) {
		var v ropa.Transfer
		rdDecode(t, dsTransferFields, &v)
		switch a, p := rd.record(t); {
		case a != nil:
			a.Transfers = append(a.Transfers, v)
		case p != nil:
			p.Transfers = append(p.Transfers, v)
		}
	})
}

func (rd *rdReader) textLists() {
	rd.table(snTextLists, []string{dsKeyRecord, dsKeyField, dsKeyValue}, []string{dsKeyRecord, dsKeyField}, func(t *rdTable) {
		a, p := rd.record(t)
		field, value := strings.TrimSpace(t.get(dsKeyField)), t.get(dsKeyValue)
		var dst *[]string
		var known []string
		switch {
		case a != nil:
			for _, tl := range dsActivityTextLists {
				if tl.name == field {
					dst = tl.p(a)
				}
				known = append(known, tl.name)
			}
		case p != nil:
			for _, tl := range dsProcessorTextLists {
				if tl.name == field {
					dst = tl.p(p)
				}
				known = append(known, tl.name)
			}
		default:
			return
		}
		if dst == nil {
			t.fail(dsKeyField, fmt.Errorf("unknown list %q for this record; its lists are %s", t.get(dsKeyField), strings.Join(known, ", ")))
			return
		}
		*dst = append(*dst, value)
	})
}

// ---- views ----

// views compares every view sheet in the workbook with the view generated
// from the register read.
func (rd *rdReader) views() {
	c := &vwCtx{reg: rd.reg, asOf: rd.asOf, profile: icoLayout, customChecks: rd.customChecks, digests: rd.digests, rowDigests: rd.rowOrder}
	all := vwViews(icoLayout)
	// The Template first: the edits read from it change the register the
	// other views are generated from.
	if slices.Contains(rd.sheets, c.profile.ControllerSheet) {
		rd.template(c)
	}
	// The checks run only for a Notes or Findings sheet that differs from
	// what was written, to compare it: an untouched one is generated again
	// when the register is written again.
	checked := false
	for _, v := range all {
		if !slices.Contains(rd.sheets, v.name) || v.name == c.profile.ControllerSheet {
			continue
		}
		if rd.customChecks && v.name == FindingsSheet {
			continue
		}
		if d, ok := rd.digests[digestKey(v.name)]; ok && rd.sheetDigest(v.name) == d {
			continue // untouched: generated again from the data sheets
		}
		if !checked && !rd.customChecks && (v.name == NotesSheet || v.name == FindingsSheet) {
			c.report, checked = ropa.Check(rd.reg, rd.asOf), true
		}
		gen := v.gen
		if rd.customChecks && v.name == NotesSheet {
			gen = rdCoverAnyCounts
		}
		rd.compare(v.name, func(emit vwEmit) error { return gen(c, emit) })
	}
	rd.compare(snLists, func(emit vwEmit) error { return vwListsSheet(c, emit) })
}

// sheetDigest is the fingerprint of a sheet's cells as they are in the
// file ("" when the sheet cannot be read).
func (rd *rdReader) sheetDigest(sheet string) string {
	rows, err := rd.rows(sheet)
	if err != nil {
		return ""
	}
	defer rows.Close()
	d := newDigest()
	row := 0
	found := rd.found[sheet]
	for rows.Next() {
		row++
		cells, err := rows.Columns(rdRawCells)
		if err != nil {
			return ""
		}
		for i := range cells {
			if _, ok := found[[2]int{row, i + 1}]; ok {
				return "" // an error value or formula: compare the cells
			}
		}
		d.row(row, cells)
	}
	if rows.Error() != nil {
		return ""
	}
	return d.sum()
}

// rdCoverAnyCounts generates the Cover with the finding counts accepted as
// they are, for a workbook whose checks ran with options the reader does
// not know.
func rdCoverAnyCounts(c *vwCtx, emit vwEmit) error {
	return vwCover(c, func(row int, cells []string, styles []vwStyle) error {
		if len(cells) == 2 && (cells[0] == "Errors" || cells[0] == "Warnings" || cells[0] == "Information") {
			cells[1] = rdAny
		}
		return emit(row, cells, styles)
	})
}

// compare reads sheet row by row alongside the rows gen emits, and records
// every cell that differs.
func (rd *rdReader) compare(sheet string, gen func(emit vwEmit) error) {
	rows, err := rd.rows(sheet)
	if err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
		return
	}
	defer rows.Close()
	diffs := 0
	found := rd.found[sheet]
	diff := func(col, row int, file, want string) {
		if _, ok := found[[2]int{row, col}]; ok {
			return // reported by scanned
		}
		diffs++
		if diffs <= rdMaxDiffs {
			rd.fail(sheet, wbCellRef(col, row), file, &rdViewDiff{file: file, want: want})
		}
	}
	check := func(row int, want, got []string) {
		for i := range max(len(want), len(got)) {
			var w, g string
			if i < len(want) {
				w = want[i]
			}
			if i < len(got) {
				g = got[i]
			}
			if w != g && w != rdAny {
				diff(i+1, row, g, w)
			}
		}
	}
	cur, more := 0, true
	var readErr error
	// advance reads the file up to row to and returns that row's cells;
	// rows skipped on the way must be empty.
	advance := func(to int) []string {
		for more && cur < to {
			if !rows.Next() {
				more = false
				break
			}
			cur++
			cells, err := rows.Columns(rdRawCells)
			if err != nil {
				readErr, more = err, false
				break
			}
			if cur == to {
				return cells
			}
			check(cur, nil, cells)
		}
		return nil
	}
	err = gen(func(row int, cells []string, _ []vwStyle) error {
		check(row, cells, advance(row))
		return nil
	})
	if err == nil {
		advance(1 << 30)
		err = readErr
	}
	if err == nil {
		err = rows.Error()
	}
	if err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
	}
	if diffs > rdMaxDiffs {
		rd.fail(sheet, "", "", &rdMoreDiffs{diffs - rdMaxDiffs})
	}
}

// unknownSheets reports sheets the package does not write that hold text:
// their contents would be lost.
func (rd *rdReader) unknownSheets() {
	known := wbReservedSheets()
	for _, v := range vwViews(icoLayout) {
		known = append(known, v.name)
	}
	if rd.old {
		known = append(known, "Cover") // the Notes sheet of formats 1 and 2
	}
	for _, s := range rd.sheets {
		if slices.Contains(known, s) {
			continue
		}
		rows, err := rd.rows(s)
		if err != nil {
			continue
		}
		row := 0
	scan:
		for rows.Next() {
			row++
			cells, err := rows.Columns(rdRawCells)
			if err != nil {
				break
			}
			for i, c := range cells {
				if c != "" {
					rd.fail(s, wbCellRef(i+1, row), c, errors.New("this sheet is not one article30 writes, so its text would be lost: move it to the data sheets, or delete the sheet"))
					break scan
				}
			}
		}
		rows.Close()
	}
}
