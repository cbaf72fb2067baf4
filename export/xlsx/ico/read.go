package ico

import (
	"errors"
	"fmt"
	"io"
	"net/mail"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
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
	icoHeaderScan = 40     // rows searched for the heading row
	icoMaxCols    = 1024   // columns read per row
	icoMaxLinks   = 100000 // hyperlinks read per sheet
	// icoMaxCell is the most UTF-16 code units of a cell the importer
	// reads: a workbook cell's limit, less room for what the importer
	// puts before a text ("custom criminal: ", a heading in the notes),
	// so that whatever it imports fits a cell when the register is
	// exported. A longer cell is cut there and reported.
	icoMaxCell = maxCell - 64
)

// icoRecover turns a panic under Read into xlsx.ErrNotWorkbook. The fuzz test
// switches it off so that a panic in this package's own code is found.
var icoRecover = true

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
// hand-kept files. Columns may be deleted, moved or added; the text of a
// column of the organisation's own is kept in the activity's Notes as
// "Heading: value". The contact block above the table fills the
// controller, DPO and representative. Each row below the heading row is an
// activity; after an empty row, a row with nothing under "Purpose of
// processing", "Categories of individuals" and "Categories of personal
// data" is taken for notes typed below the table and reported as a
// [xlsx.CellError] wrapping [ErrNotImported].
//
// A cell holds several values separated by line breaks or semicolons (and,
// in columns of enumerations such as data categories, countries or lawful
// bases, commas); "N/A", "None", "-" and dashes count as empty. Free text
// where a typed value is expected is kept: "Public task (Education Act
// 1996)" becomes the basis public task with the provision "Education Act
// 1996", a retention sentence that is not a rule becomes the retention's
// Schedule text, a data subject or category outside the catalogue becomes a
// custom entry, and a value that has no typed home goes to Notes. Link
// columns use a hyperlink's target where the cell has one.
//
// The register's Jurisdiction is [lawfulbasis.UK], since the ICO template is
// the UK's; a caller importing an EU register sets it afterwards.
//
// When some cells cannot be read, Read returns the register with
// everything else AND a [xlsx.CellErrors] naming each cell, such as
// `Template!L12: unknown lawful basis "consnet" (did you mean "consent"?);
// accepted: ...`; the text of such a cell is also kept in the activity's
// Notes. Input that is not an xlsx workbook, or is truncated, is an error
// wrapping [ErrNotWorkbook]; a workbook beyond the size limits (a zip bomb)
// wraps [ErrTooLarge]; one without a heading row wraps [ErrNoHeader]. In
// those cases the register is nil; an error reading r is returned wrapped.
// Read does not panic.
func Read(r io.Reader, opts ...xlsx.ReadOption) (reg *ropa.Register, err error) {
	cfg := newConfig(opts)
	wb, err := book.Open(r, cfg.Limits)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	if icoRecover {
		defer func() {
			if p := recover(); p != nil {
				reg, err = nil, fmt.Errorf("%w: %v", xlsx.ErrNotWorkbook, p)
			}
		}()
	}
	rd := &icoReader{f: wb.File, wb: wb, cfg: cfg, pkg: wb.Package()}
	return rd.read()
}

// icoReader holds the state of one import.
type icoReader struct {
	f      *excelize.File
	wb     *book.Workbook
	cfg    config
	more   int           // cells found beyond cfg.maxCellErrors
	pkg    *book.Package // the zip, for hyperlinks
	reg    *ropa.Register
	errs   []icoErr
	sheets []string // sheet names in the order errors are sorted
	ids    map[string]int
}

type icoErr struct {
	sheet, row, col int
	e               *xlsx.CellError
}

// icoPos is a 0-based row and column.
type icoPos struct{ row, col int }

// icoSheet is a sheet being read row by row.
type icoSheet struct {
	name   string
	rows   *excelize.Rows
	n      int        // rows read so far
	top    [][]string // the first icoHeaderScan rows
	links  map[book.Pos]string
	pkg    *book.Package // where to read links from
	loaded bool          // links read
	// linksCut counts the hyperlinks past icoMaxLinks, not read.
	linksCut int
	// beyond is the first cell of each row with text past icoMaxCols.
	beyond []icoBeyond
	// found is what the scan found in the sheet's XML, by 1-based row
	// and column: next empties the cells that hold no data.
	found map[[2]int]book.Finding
	// long are the cells longer than icoMaxCell, cut by next.
	long map[icoPos]*icoLong
}

// icoLong is a cell too long to be imported whole: its length, the text
// cut off, and whether a message has said what became of it.
type icoLong struct {
	units    int    // UTF-16 code units of the whole cell
	kept     int    // units next kept
	tail     string // the text cut off
	reported bool
}

type icoBeyond struct {
	at   icoPos
	text string
}

// reportBeyond reports text in columns past icoMaxCols, which is not read.
func (rd *icoReader) reportBeyond(s *icoSheet) {
	last, _ := excelize.ColumnNumberToName(icoMaxCols)
	for _, b := range s.beyond {
		rd.fail(s.name, b.at.row, b.at.col, b.text, icoNotice(fmt.Sprintf("text beyond column %s is not read: %q", last, icoShort(b.text))))
	}
}

// reportScan reports what the scan found in the sheet's XML, and the cells
// too long to be imported whole that no activity's notes accounted for.
func (rd *icoReader) reportScan(s *icoSheet) {
	for _, c := range book.SortedFindings(s.found) {
		rd.fail(s.name, c.Row-1, c.Col-1, c.Text, icoNotice(c.Message(true)))
	}
	if s.linksCut > 0 {
		rd.fail(s.name, -1, -1, "", icoNotice(fmt.Sprintf("the sheet has %d hyperlinks more than the %d read: the cells of those links were imported with their text, not their targets", s.linksCut, icoMaxLinks)))
	}
	for p, l := range s.long {
		if !l.reported {
			rd.fail(s.name, p.row, p.col, "", icoNotice(fmt.Sprintf("holds %d characters, more than a workbook cell holds (%d): the first %d were imported; the last %d, from %s, were not",
				l.units, maxCell, l.kept, l.units-l.kept, quote(l.tail))))
		}
	}
}

func (s *icoSheet) close() {
	if s.rows != nil {
		s.rows.Close()
		s.rows = nil
	}
}

// next returns the next row's cells, at most icoMaxCols of them.
func (s *icoSheet) next() ([]string, bool, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, false, fmt.Errorf("%w: sheet %q: %v", xlsx.ErrNotWorkbook, s.name, err)
		}
		return nil, false, nil
	}
	s.n++
	cells, err := s.rows.Columns()
	if err != nil {
		return nil, false, fmt.Errorf("%w: sheet %q row %d: %v", xlsx.ErrNotWorkbook, s.name, s.n, err)
	}
	if len(cells) > icoMaxCols {
		for c := icoMaxCols; c < len(cells); c++ {
			if v := icoClean(cells[c]); v != "" && len(s.beyond) < 1000 {
				s.beyond = append(s.beyond, icoBeyond{icoPos{s.n - 1, c}, v})
				break
			}
		}
		cells = cells[:icoMaxCols]
	}
	for i, c := range cells {
		if _, ok := s.found[[2]int{s.n, i + 1}]; ok && s.found[[2]int{s.n, i + 1}].Kind != book.KindEntity {
			cells[i] = "" // an error value, a formula without a value: no data
			continue
		}
		cells[i] = icoClean(c)
		if len(cells[i]) > icoMaxCell {
			if n := utf16Len(cells[i]); n > icoMaxCell && len(s.long) < 100000 {
				kept, tail := icoCut(cells[i], icoMaxCell)
				if s.long == nil {
					s.long = map[icoPos]*icoLong{}
				}
				s.long[icoPos{s.n - 1, i}] = &icoLong{units: n, kept: utf16Len(kept), tail: tail}
				cells[i] = kept
			}
		}
	}
	return cells, true, nil
}

// icoCut cuts s to at most units UTF-16 code units, returning what is
// kept and what is cut off.
func icoCut(s string, units int) (string, string) {
	n := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if n+w > units {
			return s[:i], s[i:]
		}
		n += w
	}
	return s, ""
}

// openSheet starts reading a sheet and buffers its first rows.
func (rd *icoReader) openSheet(name string) (*icoSheet, error) {
	rows, err := rd.f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("%w: sheet %q: %v", xlsx.ErrNotWorkbook, name, err)
	}
	s := &icoSheet{name: name, rows: rows, found: rd.wb.Findings(name)}
	for len(s.top) < icoHeaderScan {
		cells, ok, err := s.next()
		if err != nil {
			s.close()
			return nil, err
		}
		if !ok {
			break
		}
		s.top = append(s.top, cells)
	}
	return s, nil
}

// loadLinks arranges for the sheet's hyperlinks to be read when a link
// column first holds text.
func (rd *icoReader) loadLinks(s *icoSheet) { s.pkg = rd.pkg }

// linkAt returns the hyperlink target of a cell.
func (s *icoSheet) linkAt(p icoPos) (string, bool) {
	if s.pkg != nil && !s.loaded {
		s.loaded = true
		s.links, s.linksCut = s.pkg.Links(s.name, icoMaxLinks)
	}
	t, ok := s.links[book.Pos{Row: p.row, Col: p.col}]
	return t, ok
}

// fail records a cell that could not be read.
func (rd *icoReader) fail(sheet string, row, col int, value string, err error) {
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
	rd.errs = append(rd.errs, icoErr{si, row, col, &xlsx.CellError{Sheet: sheet, Cell: cell, Value: value, Err: err}})
}

// icoNotice is the error of a notice about text not imported.
type icoNotice string

func (n icoNotice) Error() string        { return string(n) }
func (n icoNotice) Is(target error) bool { return target == ErrNotImported }

func (rd *icoReader) read() (*ropa.Register, error) {
	rd.reg = &ropa.Register{Jurisdiction: lawfulbasis.UK, Activities: []ropa.Activity{}}
	rd.ids = map[string]int{}
	sheets := rd.f.GetSheetList()

	// The controller sheet: the profile's by name, else the first with a heading row.
	order := make([]string, 0, len(sheets))
	if i := icoFindSheet(sheets, icoLayout.ControllerSheet); i >= 0 {
		order = append(order, sheets[i])
	}
	for _, name := range sheets {
		if !slices.Contains(order, name) && !strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(icoLayout.ProcessorSheet)) {
			order = append(order, name)
		}
	}
	var (
		sheet *icoSheet
		hdr   *icoHeader
	)
	var openErr error
	for _, name := range order {
		s, err := rd.openSheet(name)
		if err != nil {
			openErr = err // a sheet that cannot be read is not the record; try the others
			continue
		}
		if h := icoFindHeader(s.top, icoLayout.Controller, icoControllerMatch, colPurpose, colIndividuals, icoLayout); h != nil {
			sheet, hdr = s, h
			break
		}
		s.close()
	}
	if sheet == nil {
		// The ICO's processor template is a workbook of its own.
		if name := rd.findProcessorSheet(sheets); name != "" {
			if err := rd.processorSheet(name); err != nil {
				return nil, err
			}
			return rd.result()
		}
	}
	if sheet == nil && openErr != nil {
		return nil, openErr
	}
	if sheet == nil {
		return nil, fmt.Errorf("%w: no sheet has a row with the headings %q and %q in its first %d rows",
			ErrNoHeader, icoHeadingAt(icoLayout.Controller, colPurpose), icoHeadingAt(icoLayout.Controller, colIndividuals), icoHeaderScan)
	}
	defer sheet.close()
	rd.sheets = append(rd.sheets, sheet.name)
	rd.loadLinks(sheet)
	rd.contacts(sheet, hdr.row)
	if err := rd.activities(sheet, hdr); err != nil {
		return nil, err
	}
	sheet.close()
	rd.reportBeyond(sheet)
	rd.reportScan(sheet)

	if i := icoFindSheet(sheets, icoLayout.ProcessorSheet); i >= 0 && sheets[i] != sheet.name {
		if err := rd.processorSheet(sheets[i]); err != nil {
			return nil, err
		}
	}

	return rd.result()
}

// findProcessorSheet returns the first sheet with the processor record's
// heading row, the profile's processor sheet first.
func (rd *icoReader) findProcessorSheet(sheets []string) string {
	if len(icoLayout.Processor) != numProcessorColumns {
		return ""
	}
	order := slices.Clone(sheets)
	if i := icoFindSheet(sheets, icoLayout.ProcessorSheet); i > 0 {
		order = append([]string{sheets[i]}, slices.Delete(order, i, i+1)...)
	}
	for _, name := range order {
		s, err := rd.openSheet(name)
		if err != nil {
			continue
		}
		h := icoFindHeader(s.top, icoLayout.Processor, icoProcessorMatch, pcolController, pcolProcessing, icoLayout)
		s.close()
		if h != nil {
			return name
		}
	}
	return ""
}

// result returns the register with the cell errors in sheet and cell order.
func (rd *icoReader) result() (*ropa.Register, error) {
	if len(rd.errs) == 0 && rd.more == 0 {
		return rd.reg, nil
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
	return rd.reg, out
}

func icoFindSheet(sheets []string, name string) int {
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

func icoHeadingAt(cols []column, k int) string {
	if k < len(cols) {
		return cols[k].Heading
	}
	return ""
}

// ---------------------------------------------------------------------------
// Cell text

// icoClean normalises a cell's text: line endings, non-breaking spaces,
// surrounding space.
func icoClean(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u2028", "\n")
	return strings.TrimSpace(s)
}

// icoBlank reports whether a value means "nothing": empty, N/A, None or a dash.
func icoBlank(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "n/a", "na", "n.a.", "n.a", "none", "-", "–", "—", "--", "not applicable", "nil", "n/k":
		return true
	}
	return false
}

// icoCollapse joins a heading's lines and runs of spaces.
func icoCollapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// icoLines splits a cell at line breaks, dropping bullets and empty lines.
func icoLines(s string) []string { return icoSplit(s, "\n") }

// icoItems splits a cell at line breaks and semicolons.
func icoItems(s string) []string { return icoSplit(s, "\n;") }

func icoSplit(s, seps string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(seps, r) }) {
		p = icoUnbullet(p)
		if !icoBlank(p) {
			out = append(out, p)
		}
	}
	return out
}

// icoUnbullet removes a list bullet from the start of a line.
func icoUnbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"•", "◦", "▪", "·", "* ", "- ", "– ", "— "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return s
}

// icoCommas splits s at commas outside parentheses.
func icoCommas(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	out = append(out, s[start:])
	var keep []string
	for _, p := range out {
		if p = icoUnbullet(p); !icoBlank(p) {
			keep = append(keep, p)
		}
	}
	return keep
}

// icoEnumItems splits an enumeration cell at line breaks and semicolons,
// and an item further at commas when every part is a known value. With
// force, an item that is not a known value as a whole is split at commas
// whatever its parts.
func icoEnumItems(s string, known func(string) bool, force bool) []string {
	var out []string
	for _, it := range icoItems(s) {
		if !strings.Contains(it, ",") || force && known(it) {
			out = append(out, it)
			continue
		}
		parts := icoCommas(it)
		all := len(parts) > 1
		for _, p := range parts {
			if !force && !known(p) {
				all = false
				break
			}
		}
		if all {
			out = append(out, parts...)
		} else {
			out = append(out, it)
		}
	}
	return out
}

// icoTokens is the words of a heading or label, for matching: lower case,
// letters and digits only, plurals and possessives folded, and the
// qualifiers "(if applicable)", "(if possible)" dropped.
func icoTokens(s string) []string {
	raw := match.Tokens(s)
	out := make([]string, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		t := raw[i]
		if (t == "if" || t == "where") && i+1 < len(raw) {
			switch raw[i+1] {
			case "applicable", "possible", "relevant", "appropriate", "any":
				i++
				continue
			}
		}
		if t == "s" || t == "optional" {
			continue
		}
		out = append(out, icoStem(t))
	}
	return out
}

func icoStem(t string) string {
	switch {
	case t == "bases":
		return "basis"
	case len(t) > 4 && strings.HasSuffix(t, "ies"):
		return t[:len(t)-3] + "y"
	case len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && !strings.HasSuffix(t, "us") && !strings.HasSuffix(t, "is"):
		return t[:len(t)-1]
	}
	return t
}

// ---------------------------------------------------------------------------
// Heading matching

// icoSig is a signature: words that must all appear in a heading (a word of
// four letters or more also matches a longer word it starts) and words that
// must not.
type icoSig struct{ need, not []string }

func (g icoSig) match(toks []string) bool {
	for _, w := range g.need {
		if !icoHas(toks, w) {
			return false
		}
	}
	for _, w := range g.not {
		if icoHas(toks, w) {
			return false
		}
	}
	return true
}

func icoHas(toks []string, w string) bool {
	for _, t := range toks {
		if t == w || len(w) >= 4 && strings.HasPrefix(t, w) {
			return true
		}
	}
	return false
}

// icoMatcher recognises the headings of one record's columns.
type icoMatcher struct {
	variants [][]string // per column: further exact headings
	sigs     [][]icoSig // per column: signatures
}

func icoSigs(specs ...string) []icoSig {
	out := make([]icoSig, 0, len(specs))
	for _, s := range specs {
		var g icoSig
		for _, w := range strings.Fields(s) {
			if strings.HasPrefix(w, "!") {
				g.not = append(g.not, w[1:])
			} else {
				g.need = append(g.need, w)
			}
		}
		out = append(out, g)
	}
	return out
}

// icoControllerMatch knows the headings of the 30 controller columns in
// their hand-kept variants, indexed like ICO2018.Controller.
var icoControllerMatch = icoMatcher{
	variants: [][]string{
		colBusinessFunction:    {"Business area", "Department", "Function"},
		colPurpose:             {"Purpose", "Purposes", "Purpose(s) of processing"},
		colJointController:     {"Joint controller", "Joint controllers"},
		colIndividuals:         {"Categories of data subjects", "Data subjects", "Individuals"},
		colPersonalData:        {"Personal data", "Data categories", "Types of personal data"},
		colRecipients:          {"Recipients"},
		colProcessorContract:   {"Processor contract", "Contract with processor"},
		colThirdCountries:      {"Third countries", "International transfers"},
		colSafeguards:          {"Safeguards", "Transfer safeguards"},
		colRetention:           {"Retention", "Retention period"},
		colSecurity:            {"Security measures", "Security"},
		colArticle6:            {"Lawful basis", "Article 6 lawful basis", "Article 6 lawful basis for processing"},
		colArticle9:            {"Article 9 condition", "Special category condition"},
		colLegitimateInterests: {"Legitimate interests"},
		colLIA:                 {"Legitimate interests assessment", "LIA"},
		colRights:              {"Rights", "Individuals' rights"},
		colAutomated:           {"Automated decision-making", "Profiling"},
		colSource:              {"Source", "Source of personal data", "Source of the data"},
		colConsentRecord:       {"Consent record", "Record of consent"},
		colLocation:            {"Location", "Where held"},
		colDPIARequired:        {"DPIA required?", "DPIA required"},
		colDPIAProgress:        {"DPIA progress", "DPIA status"},
		colDPIALink:            {"DPIA", "Link to DPIA", "DPIA link"},
		colBreach:              {"Breach?", "Breach occurred?", "Has a breach occurred?"},
		colBreachLink:          {"Breach record", "Link to breach record"},
		colSch1Condition:       {"Schedule 1 Condition", "Schedule Condition", "DPA 2018 Schedule 1 condition for processing", "Schedule 1 condition for processing"},
		colSch1Article6:        {"GDPR Article 6 lawful basis", "UK GDPR Article 6 lawful basis for processing"},
		colPolicyDocument:      {"Appropriate policy document", "Link to policy document", "Retention and erasure policy"},
		colFollowsPolicy:       {"In accordance with policy document?"},
		colPolicyReasons:       {"Reasons for not adhering to policy", "Reasons"},
	},
	sigs: [][]icoSig{
		colBusinessFunction:    icoSigs("business function", "business area", "business unit", "department", "service area", "directorate"),
		colPurpose:             icoSigs("purpose"),
		colJointController:     icoSigs("joint controller"),
		colIndividuals:         icoSigs("individual !right", "data subject !right !source", "category subject"),
		colPersonalData:        icoSigs("category personal data", "type personal data", "category data !special !condition !subject !individual !criminal", "personal data !lawful !breach !location !source !transfer !retain !safeguard !country !article !policy !erase !subject"),
		colRecipients:          icoSigs("recipient"),
		colProcessorContract:   icoSigs("contract"),
		colThirdCountries:      icoSigs("third country !safeguard", "international organisation !safeguard", "international organization !safeguard", "transfer !safeguard !exceptional"),
		colSafeguards:          icoSigs("safeguard"),
		colRetention:           icoSigs("retention !policy !erasure"),
		colSecurity:            icoSigs("security", "technical organisational", "technical organizational"),
		colArticle6:            icoSigs("lawful basis", "legal basis", "article 6"),
		colArticle9:            icoSigs("article 9", "special category condition", "special category !schedule", "condition special"),
		colLegitimateInterests: icoSigs("legitimate interest !assessment !link !record !lia"),
		colLIA:                 icoSigs("legitimate interest assessment", "lia"),
		colRights:              icoSigs("right"),
		colAutomated:           icoSigs("automated", "profiling", "decision making"),
		colSource:              icoSigs("source"),
		colConsentRecord:       icoSigs("consent"),
		colLocation:            icoSigs("location", "where held", "where stored"),
		colDPIARequired:        icoSigs("impact assessment required", "dpia required", "dpia needed"),
		colDPIAProgress:        icoSigs("impact assessment progress", "impact assessment status", "dpia progress", "dpia status"),
		colDPIALink:            icoSigs("link impact assessment", "link dpia", "impact assessment !required !progress !status", "dpia !required !progress !status !needed"),
		colBreach:              icoSigs("breach !link !record"),
		colBreachLink:          icoSigs("breach link", "breach record"),
		colSch1Condition:       icoSigs("schedule condition", "schedule 1", "sch 1"),
		colSch1Article6:        icoSigs("lawful basis", "legal basis", "article 6"),
		colPolicyDocument:      icoSigs("policy document !accordance !reason !adher !retained", "erasure policy", "appropriate policy", "retention policy !accordance !reason !adher"),
		colFollowsPolicy:       icoSigs("accordance", "retained erased"),
		colPolicyReasons:       icoSigs("reason", "adher !accordance"),
	},
}

// Column indexes of the processor record.
const (
	pcolController = iota
	pcolRepresentative
	pcolProcessing
	pcolThirdCountries
	pcolSafeguards
	pcolSecurity
	numProcessorColumns
)

var icoProcessorMatch = icoMatcher{
	variants: [][]string{
		pcolController:     {"Controller", "Name of controller", "Controller name and contact details"},
		pcolRepresentative: {"Controller's representative", "Representative"},
		pcolProcessing:     {"Processing", "Categories of processing carried out"},
		pcolThirdCountries: {"Third countries", "International transfers"},
		pcolSafeguards:     {"Safeguards"},
		pcolSecurity:       {"Security measures", "Security"},
	},
	sigs: [][]icoSig{
		pcolController:     icoSigs("controller !representative"),
		pcolRepresentative: icoSigs("representative"),
		pcolProcessing:     icoSigs("category processing", "processing !controller !representative !security !transfer !safeguard"),
		pcolThirdCountries: icoSigs("third country !safeguard", "international organisation !safeguard", "international organization !safeguard", "transfer !safeguard !exceptional"),
		pcolSafeguards:     icoSigs("safeguard"),
		pcolSecurity:       icoSigs("security", "technical organisational", "technical organizational"),
	},
}

// icoCand is a column a heading may name, with 2 for an exact heading and 1
// for a signature.
type icoCand struct{ k, score int }

// icoCompiled is a matcher for one profile's columns, with the normalised
// headings worked out once.
type icoCompiled struct {
	m     icoMatcher
	exact map[string][]int // normalised heading -> columns
	n     int
}

func (m icoMatcher) compile(cols []column) *icoCompiled {
	c := &icoCompiled{m: m, exact: map[string][]int{}, n: len(cols)}
	add := func(h string, k int) {
		key := strings.Join(icoTokens(h), " ")
		if key != "" && !slices.Contains(c.exact[key], k) {
			c.exact[key] = append(c.exact[key], k)
		}
	}
	for k, col := range cols {
		add(col.Heading, k)
		if k < len(m.variants) {
			for _, v := range m.variants[k] {
				add(v, k)
			}
		}
	}
	return c
}

// candidates returns the columns a heading may name.
func (c *icoCompiled) candidates(heading string) []icoCand {
	if len(heading) > 400 {
		return nil
	}
	toks := icoTokens(heading)
	if len(toks) == 0 || len(toks) > 30 {
		return nil
	}
	exact := c.exact[strings.Join(toks, " ")]
	var out []icoCand
	for k := 0; k < c.n; k++ {
		score := 0
		if slices.Contains(exact, k) {
			score = 2
		} else if k < len(c.m.sigs) && len(toks) <= 25 {
			for _, g := range c.m.sigs[k] {
				if g.match(toks) {
					score = 1
					break
				}
			}
		}
		if score > 0 {
			out = append(out, icoCand{k, score})
		}
	}
	return out
}

// icoSectionOf recognises a section header of the profile.
func icoSectionOf(prof layout, cols []column, text string) string {
	toks := icoTokens(text)
	if len(toks) == 0 {
		return ""
	}
	key := strings.Join(toks, " ")
	seen := map[string]bool{}
	for _, c := range cols {
		if seen[c.Section] {
			continue
		}
		seen[c.Section] = true
		if strings.Join(icoTokens(c.Section), " ") == key {
			return c.Section
		}
	}
	// The ICO sections by their key words.
	for _, s := range []struct{ sig, section string }{
		{"article 30", secRecord}, {"record processing", secRecord},
		{"privacy notice", secNotices},
		{"consent", secConsent},
		{"access request", secAccess},
		{"impact assessment", secDPIA}, {"dpia", secDPIA},
		{"breach", secBreaches},
		{"special category", secSch1}, {"criminal", secSch1}, {"schedule 1", secSch1},
	} {
		if icoSigs(s.sig)[0].match(toks) && seen[s.section] {
			return s.section
		}
	}
	return ""
}

// icoHeader is the heading row of a record and the columns it maps.
type icoHeader struct {
	row  int         // 0-based row of the headings
	col  map[int]int // record column -> sheet column
	kind map[int]int // sheet column -> record column
	head map[int]string
	last int // last sheet column with a heading
	id   int // sheet column of the organisation's own activity IDs, or -1
}

// icoIsIDHeading recognises a column of activity IDs or references.
func icoIsIDHeading(head string) bool {
	key := strings.Join(icoTokens(head), " ")
	switch key {
	case "id", "ref", "reference", "activity id", "activity ref", "activity reference", "ref no", "reference number",
		"record id", "processing id", "activity no", "activity number":
		return true
	}
	return strings.HasPrefix(key, "activity id ")
}

// icoFindHeader finds the first of rows that holds headings for columns a
// and b, and maps its columns.
func icoFindHeader(rows [][]string, cols []column, m icoMatcher, a, b int, prof layout) *icoHeader {
	if a >= len(cols) || b >= len(cols) {
		return nil
	}
	cm := m.compile(cols)
	for r, row := range rows {
		cands := make([][]icoCand, len(row))
		var cellsA, cellsB []int
		for c, text := range row {
			cands[c] = cm.candidates(text)
			for _, x := range cands[c] {
				if x.k == a {
					cellsA = append(cellsA, c)
				}
				if x.k == b {
					cellsB = append(cellsB, c)
				}
			}
		}
		// Two different cells: one sentence naming both is not a heading row.
		if len(cellsA) == 0 || len(cellsB) == 0 || len(cellsA) == 1 && len(cellsB) == 1 && cellsA[0] == cellsB[0] {
			continue
		}
		// Section headers in the row above, carried right across merged cells.
		var sections []string
		if r > 0 {
			sections = make([]string, len(row))
			cur := ""
			above := rows[r-1]
			for c := range row {
				if c < len(above) && above[c] != "" {
					cur = icoSectionOf(prof, cols, above[c])
				}
				sections[c] = cur
			}
		}
		h := &icoHeader{row: r, col: map[int]int{}, kind: map[int]int{}, head: map[int]string{}, last: -1}
		lastK := -1
		for c, text := range row {
			if text == "" {
				continue
			}
			h.head[c] = icoCollapse(text)
			h.last = c
			var free []icoCand
			for _, x := range cands[c] {
				if _, taken := h.col[x.k]; !taken {
					free = append(free, x)
				}
			}
			if len(free) == 0 {
				continue
			}
			if len(free) > 1 && sections != nil && sections[c] != "" {
				var in []icoCand
				for _, x := range free {
					if cols[x.k].Section == sections[c] {
						in = append(in, x)
					}
				}
				if len(in) > 0 {
					free = in
				}
			}
			if len(free) > 1 {
				var after []icoCand
				for _, x := range free {
					if x.k > lastK {
						after = append(after, x)
					}
				}
				if len(after) > 0 {
					free = after
				}
			}
			best := free[0]
			for _, x := range free[1:] {
				if x.score > best.score || x.score == best.score && x.k < best.k {
					best = x
				}
			}
			h.col[best.k] = c
			h.kind[c] = best.k
			lastK = best.k
		}
		h.id = -1
		for c := 0; c <= h.last; c++ {
			if _, mapped := h.kind[c]; !mapped && h.head[c] != "" && icoIsIDHeading(h.head[c]) {
				h.id = c
				break
			}
		}
		return h
	}
	return nil
}

// ---------------------------------------------------------------------------
// Contact block

type icoContact struct {
	name, address, email, phone string
	found                       bool
}

const (
	icoBlockController = iota
	icoBlockDPO
	icoBlockRepresentative
)

// icoBlockOf recognises a contact block's title.
func icoBlockOf(prof layout, text string) int {
	toks := icoTokens(text)
	if len(toks) == 0 || len(toks) > 10 || strings.Contains(text, "@") {
		return -1
	}
	if lab, _ := icoLabelOf(text); lab >= 0 {
		return -1
	}
	key := strings.Join(toks, " ")
	for i, b := range prof.ContactBlocks {
		if i <= icoBlockRepresentative && strings.Join(icoTokens(b), " ") == key {
			return i
		}
	}
	switch {
	case icoSigs("name contact detail !joint !controller !officer !dpo !representative")[0].match(toks),
		key == "controller", key == "organisation", key == "organization", key == "controller detail", key == "organisation detail":
		return icoBlockController
	case icoSigs("data protection officer")[0].match(toks), len(toks) <= 4 && icoSigs("dpo")[0].match(toks):
		return icoBlockDPO
	case icoSigs("representative !controller")[0].match(toks):
		return icoBlockRepresentative
	}
	return -1
}

// icoLabelOf recognises a contact label (0 name, 1 address, 2 email, 3
// telephone) and returns any value typed after a colon in the same cell.
func icoLabelOf(text string) (int, string) {
	head, rest, _ := strings.Cut(text, ":")
	switch strings.Join(icoTokens(head), " ") {
	case "name", "full name", "organisation name", "organization name", "contact name":
		return 0, strings.TrimSpace(rest)
	case "address", "postal address", "registered address", "registered office":
		return 1, strings.TrimSpace(rest)
	case "email", "e mail", "email address", "e mail address":
		return 2, strings.TrimSpace(rest)
	case "telephone", "phone", "tel", "telephone number", "phone number", "tel no", "telephone no", "contact number":
		return 3, strings.TrimSpace(rest)
	}
	return -1, ""
}

// contacts reads the contact block above the heading row.
func (rd *icoReader) contacts(s *icoSheet, headerRow int) {
	blocks, where := rd.contactBlocks(s, headerRow)
	c := blocks[icoBlockController]
	if c.found {
		rd.reg.Controller.Name = c.name
		rd.reg.Controller.Address = c.address
		rd.reg.Controller.Phone = c.phone
		rd.reg.Controller.Email = rd.email(s, where[icoBlockController], c.email)
	}
	for i, dst := range []*ropa.Contact{icoBlockDPO: &rd.reg.DPO, icoBlockRepresentative: &rd.reg.Representative} {
		if dst == nil || !blocks[i].found {
			continue
		}
		b := blocks[i]
		*dst = ropa.Contact{Name: b.name, Address: b.address, Phone: b.phone, Email: rd.email(s, where[i], b.email)}
	}
}

// email checks an email address from the contact block.
func (rd *icoReader) email(s *icoSheet, at icoPos, v string) string {
	v = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(v), "mailto:"))
	if v == "" {
		return ""
	}
	if icoValidEmail(v) {
		return v
	}
	rd.fail(s.name, at.row, at.col, v, fmt.Errorf("not an email address: %q", v))
	return ""
}

func icoValidEmail(v string) bool {
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(v, '@')
	return at > 0 && strings.Contains(v[at+1:], ".") && !strings.ContainsAny(v, " \t\n")
}

// contactBlocks finds the three blocks above the heading row. where holds
// the cell of each block's email value, for errors.
func (rd *icoReader) contactBlocks(s *icoSheet, headerRow int) (blocks [3]icoContact, where [3]icoPos) {
	cell := func(r, c int) string {
		if r < 0 || r >= headerRow || r >= len(s.top) || c < 0 || c >= len(s.top[r]) || icoBlank(s.top[r][c]) {
			return ""
		}
		return s.top[r][c]
	}
	used := map[icoPos]bool{}
	// read fills a block from labels in column lc and values to their right,
	// in the rows below row r0.
	read := func(b int, r0, lc int) bool {
		hit := false
		for r := r0 + 1; r <= r0+6 && r < headerRow; r++ {
			txt := cell(r, lc)
			if txt == "" {
				continue
			}
			if icoBlockOf(icoLayout, txt) >= 0 {
				break
			}
			lab, inline := icoLabelOf(txt)
			if lab < 0 {
				continue
			}
			used[icoPos{r, lc}] = true
			val, at := inline, icoPos{r, lc}
			if val == "" {
				val, at = cell(r, lc+1), icoPos{r, lc + 1}
			}
			hit = true
			if val == "" {
				continue
			}
			blocks[b].found = true
			switch lab {
			case 0:
				if blocks[b].name == "" {
					blocks[b].name = val
				}
			case 1:
				if blocks[b].address == "" {
					blocks[b].address = val
				}
			case 2:
				if blocks[b].email == "" {
					blocks[b].email, where[b] = val, at
				}
			case 3:
				if blocks[b].phone == "" {
					blocks[b].phone = val
				}
			}
		}
		return hit
	}
	var seen [3]bool
	for r := 0; r < headerRow && r < len(s.top); r++ {
		for c := range s.top[r] {
			txt := cell(r, c)
			if txt == "" {
				continue
			}
			b := icoBlockOf(icoLayout, txt)
			if b < 0 || seen[b] {
				continue
			}
			seen[b] = true
			if !read(b, r, c) {
				read(b, r, c-1)
			}
		}
	}
	// A block whose title was deleted: labels with no block above them
	// are the controller's.
	if !seen[icoBlockController] {
		for r := 0; r < headerRow && r < len(s.top) && !seen[icoBlockController]; r++ {
			for c := range s.top[r] {
				if used[icoPos{r, c}] {
					continue
				}
				if lab, _ := icoLabelOf(cell(r, c)); lab == 0 {
					seen[icoBlockController] = true
					read(icoBlockController, r-1, c)
					break
				}
			}
		}
	}
	return blocks, where
}

// ---------------------------------------------------------------------------
// Activities

// icoRow is one data row with its heading row.
type icoRow struct {
	rd    *icoReader
	s     *icoSheet
	h     *icoHeader
	row   int // 0-based
	cells []string
	notes []icoNote
}

type icoNote struct {
	col  int
	text string // "Heading: " and the cell's text
	head int    // bytes of text before the cell's text
}

// raw returns the text of a record column, "" when unmapped or blank.
func (x *icoRow) raw(k int) string {
	c, ok := x.h.col[k]
	if !ok || c >= len(x.cells) || icoBlank(x.cells[c]) {
		return ""
	}
	return x.cells[c]
}

// link returns a link column's hyperlink target, or its text.
func (x *icoRow) link(k int) string {
	c, ok := x.h.col[k]
	if !ok {
		return ""
	}
	text := x.raw(k)
	if text == "" {
		return ""
	}
	if t, ok := x.s.linkAt(icoPos{x.row, c}); ok && t != "" {
		return t
	}
	return text
}

func (x *icoRow) hasLink(k int) bool {
	c, ok := x.h.col[k]
	if !ok {
		return false
	}
	if x.raw(k) == "" {
		return false
	}
	_, has := x.s.linkAt(icoPos{x.row, c})
	return has
}

// note keeps a column's text in the activity's Notes as "Heading: text".
func (x *icoRow) note(k int, text string) {
	if c, ok := x.h.col[k]; ok {
		x.noteCol(c, text)
	}
}

func (x *icoRow) noteCol(c int, text string) {
	for _, n := range x.notes {
		if n.col == c {
			return
		}
	}
	head := x.h.head[c]
	if head == "" {
		head, _ = excelize.ColumnNumberToName(c + 1)
		head = "Column " + head
	}
	x.notes = append(x.notes, icoNote{c, head + ": " + text, len(head) + 2})
}

// fail reports a bad cell of a record column and keeps its text in Notes.
func (x *icoRow) fail(k int, value string, err error) {
	c := x.h.col[k]
	x.rd.fail(x.s.name, x.row, c, value, err)
	x.note(k, x.raw(k))
}

func (x *icoRow) has(k int) bool { return x.raw(k) != "" }

func (x *icoRow) empty() bool {
	for _, c := range x.cells {
		if !icoBlank(c) {
			return false
		}
	}
	return true
}

// activities reads the rows below the heading row.
func (rd *icoReader) activities(s *icoSheet, h *icoHeader) error {
	blank := false
	process := func(r int, cells []string) error {
		x := &icoRow{rd: rd, s: s, h: h, row: r, cells: cells}
		if x.empty() {
			blank = true
			return nil
		}
		if blank && !x.has(colPurpose) && !x.has(colIndividuals) && !x.has(colPersonalData) {
			rd.belowTable(s, r, cells)
			return nil
		}
		if len(rd.reg.Activities) >= rd.cfg.MaxActivities {
			return fmt.Errorf("%w: more than %d activities on sheet %q (xlsx.MaxActivities; raise it with xlsx.WithMaxActivities)", xlsx.ErrTooLarge, rd.cfg.MaxActivities, s.name)
		}
		rd.reg.Activities = append(rd.reg.Activities, x.activity())
		return nil
	}
	return s.rowsAfter(h.row, process)
}

// rowsAfter calls process for every row after the header row: first the
// rows already read while looking for the header, then the rest of the
// sheet as it streams.
func (s *icoSheet) rowsAfter(header int, process func(r int, cells []string) error) error {
	for r := header + 1; r < len(s.top); r++ {
		if err := process(r, s.top[r]); err != nil {
			return err
		}
	}
	for {
		cells, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := process(s.n-1, cells); err != nil {
			return err
		}
	}
}

// belowTable reports text typed below the table.
func (rd *icoReader) belowTable(s *icoSheet, r int, cells []string) {
	first := -1
	var parts []string
	for c, v := range cells {
		if icoBlank(v) {
			continue
		}
		if first < 0 {
			first = c
		}
		parts = append(parts, v)
	}
	text := strings.Join(parts, " | ")
	rd.fail(s.name, r, first, text, icoNotice(fmt.Sprintf("text below the table is not an activity and was not imported: %q", icoShort(text))))
}

func icoShort(s string) string {
	s = icoCollapse(s)
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// activity builds the activity of a row.
func (x *icoRow) activity() ropa.Activity {
	var a ropa.Activity
	x.longToNotes()
	a.BusinessFunction = x.raw(colBusinessFunction)

	for _, line := range icoLines(x.raw(colPurpose)) {
		a.Purposes = append(a.Purposes, ropa.Purpose{Description: line})
	}
	switch {
	case len(a.Purposes) > 0:
		a.Name = a.Purposes[0].Description
	case len(icoLines(a.BusinessFunction)) > 0:
		a.Name = icoLines(a.BusinessFunction)[0]
	default:
		a.Name = fmt.Sprintf("Row %d", x.row+1)
	}
	if r := []rune(a.Name); len(r) > 500 {
		a.Name = string(r[:497]) + "..."
	}
	idText := ""
	if x.h.id >= 0 && x.h.id < len(x.cells) && !icoBlank(x.cells[x.h.id]) {
		idText = x.cells[x.h.id]
	}
	if id := icoSlug(idText); id != "" {
		a.ID = x.rd.uniqueID(id, x.row)
	} else {
		a.ID = x.rd.uniqueID(icoSlug(a.Name), x.row)
	}

	x.jointControllers(&a)
	x.subjects(&a)
	x.categories(&a)
	x.recipients(&a)
	x.transfers(&a.Transfers, colThirdCountries, colSafeguards, &a)
	x.retention(&a)
	a.Security = icoItems(x.raw(colSecurity))
	x.bases(&a)
	x.conditions(&a)
	x.rights()
	x.automated(&a)
	x.sources(&a)
	a.ConsentRecord = x.link(colConsentRecord)
	a.Locations = icoItems(x.raw(colLocation))
	a.DPIA.Required = x.answer(colDPIARequired)
	a.DPIA.Status = x.dpiaStatus()
	a.DPIA.Reference = x.link(colDPIALink)
	a.Breach.Occurred = x.answer(colBreach)
	a.Breach.Reference = x.link(colBreachLink)
	x.schedule1(&a)
	a.PolicyDocument.Article6 = x.raw(colSch1Article6)
	a.PolicyDocument.Reference = x.link(colPolicyDocument)
	a.PolicyDocument.FollowsPolicy = x.answer(colFollowsPolicy)
	a.PolicyDocument.Reason = x.raw(colPolicyReasons)

	// Columns of the organisation's own, and text under no heading.
	for c, v := range x.cells {
		if icoBlank(v) {
			continue
		}
		if _, mapped := x.h.kind[c]; !mapped && (c != x.h.id || v != a.ID) {
			x.noteCol(c, v)
		}
	}
	sort.SliceStable(x.notes, func(i, j int) bool { return x.notes[i].col < x.notes[j].col })
	a.Notes = x.joinNotes()
	return a
}

// longToNotes takes the cells of the row too long to be imported whole out
// of the fields they would be read into, and keeps them in the notes: the
// register's fields that hold such text (a custom data category, a
// purpose) would not fit a cell when the register is exported.
func (x *icoRow) longToNotes() {
	for c := range x.cells {
		if _, long := x.s.long[icoPos{x.row, c}]; long && x.cells[c] != "" {
			text := x.cells[c]
			x.cells[c] = ""
			x.noteCol(c, text)
		}
	}
}

// joinNotes joins the notes, one a line, within what a workbook cell
// holds (the register's notes are one cell of the Activities sheet, and
// validate at most 32,767 characters): a note that does not fit is cut,
// and the notes after it left out, each reported by its cell, as is each
// cell too long to be imported whole.
func (x *icoRow) joinNotes() string {
	var b strings.Builder
	used := 0
	for _, n := range x.notes {
		sep := 0
		if b.Len() > 0 {
			sep = 1
		}
		body := n.text[n.head:]
		whole := utf16Len(body)
		keptBody := body
		if u := utf16Len(n.text); used+sep+u > maxCell {
			room := maxCell - used - sep - utf16Len(n.text[:n.head])
			keptBody = ""
			if room > 0 {
				keptBody, _ = icoCut(body, room)
			}
		}
		if keptBody != "" || body == "" {
			if sep > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(n.text[:n.head])
			b.WriteString(keptBody)
			used += sep + utf16Len(n.text[:n.head]) + utf16Len(keptBody)
		}
		cut := body[len(keptBody):]
		long := x.s.long[icoPos{x.row, n.col}]
		switch {
		case long != nil:
			long.reported = true
			kept := utf16Len(keptBody)
			x.rd.fail(x.s.name, x.row, n.col, "", icoNotice(fmt.Sprintf("holds %d characters, more than a workbook cell holds (%d), so it was not read into the register's fields: "+
				"its first %d characters were kept in the activity's notes; the last %d, from %s, were not imported",
				long.units, maxCell, kept, long.units-kept, quote(cut+long.tail))))
		case cut != "":
			kept := utf16Len(keptBody)
			x.rd.fail(x.s.name, x.row, n.col, "", icoNotice(fmt.Sprintf("the activity's notes are full (they hold at most %d characters, as a workbook cell does): "+
				"the first %d of this cell's %d characters were kept in them; the last %d, from %s, were not imported",
				maxCell, kept, whole, whole-kept, quote(cut))))
		}
	}
	return b.String()
}

// uniqueID makes a slug unique among the activities with a -2, -3 suffix.
func (rd *icoReader) uniqueID(id string, row int) string {
	if id == "" {
		id = fmt.Sprintf("row-%d", row+1)
	}
	rd.ids[id]++
	if n := rd.ids[id]; n > 1 {
		for {
			cand := fmt.Sprintf("%s-%d", id, n)
			if rd.ids[cand] == 0 {
				rd.ids[cand] = 1
				return cand
			}
			n++
		}
	}
	return id
}

var icoFold = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "'", "", "’", "",
)

// icoSlug is a kebab-case slug of s, at most about 60 characters.
func icoSlug(s string) string {
	s = icoFold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				if b.Len() >= 60 {
					break
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
	}
	return out
}

func (x *icoRow) jointControllers(a *ropa.Activity) {
	for _, it := range icoItems(x.raw(colJointController)) {
		name, contact, _ := strings.Cut(it, ",")
		name, contact = strings.TrimSpace(name), strings.TrimSpace(contact)
		if name == "" {
			continue
		}
		if !slices.Contains(a.JointControllers, name) {
			a.JointControllers = append(a.JointControllers, name)
		}
		reg := x.rd.reg
		i := slices.IndexFunc(reg.JointControllers, func(j ropa.JointController) bool { return strings.EqualFold(j.Name, name) })
		if i < 0 {
			reg.JointControllers = append(reg.JointControllers, ropa.JointController{Name: name, Contact: contact})
		} else if reg.JointControllers[i].Contact == "" {
			reg.JointControllers[i].Contact = contact
		}
	}
}

// icoSubject reads a data subject: the catalogue, its singular or plural,
// else a custom entry.
func icoSubject(s string) ropa.Subject {
	s = strings.Join(strings.Fields(s), " ")
	for _, v := range icoNumberForms(s) {
		if sub, err := ropa.ParseSubject(v); err == nil {
			return sub
		}
	}
	if sub, err := ropa.ParseSubject("custom: " + s); err == nil {
		return sub
	}
	return ""
}

func icoNumberForms(s string) []string {
	out := []string{s}
	if strings.HasSuffix(strings.ToLower(s), "s") {
		out = append(out, s[:len(s)-1])
	} else {
		out = append(out, s+"s")
	}
	return out
}

func (x *icoRow) subjects(a *ropa.Activity) {
	for _, it := range icoEnumItems(x.raw(colIndividuals), func(string) bool { return true }, false) {
		if sub := icoSubject(it); sub != "" && !slices.Contains(a.DataSubjects, sub) {
			a.DataSubjects = append(a.DataSubjects, sub)
		}
	}
}

// icoSpecialWords name special category data inside longer text.
var icoSpecialWords = []struct {
	word string
	cat  ropa.Category
}{
	{"health", ropa.Health}, {"medical", ropa.Health}, {"disabilit", ropa.Health}, {"sickness", ropa.Health},
	{"ethnic", ropa.RacialEthnicOrigin}, {"racial", ropa.RacialEthnicOrigin}, {"race", ropa.RacialEthnicOrigin},
	{"religio", ropa.Beliefs}, {"faith", ropa.Beliefs},
	{"biometric", ropa.Biometric}, {"fingerprint", ropa.Biometric},
	{"genetic", ropa.Genetic},
	{"sexual orientation", ropa.SexualOrientation}, {"sex life", ropa.SexLife}, {"sexual life", ropa.SexLife},
	{"political", ropa.PoliticalOpinions},
	{"trade union", ropa.TradeUnion},
}

// icoCategories reads a data category: the catalogue, its singular or
// plural, the special category it names, else a custom entry.
func icoCategories(s string) []ropa.Category {
	s = strings.Join(strings.Fields(s), " ")
	for _, v := range icoNumberForms(s) {
		if c, err := ropa.ParseCategory(v); err == nil {
			return []ropa.Category{c}
		}
	}
	low := " " + strings.Join(match.Tokens(s), " ")
	var out []ropa.Category
	for _, w := range icoSpecialWords {
		if strings.Contains(low, " "+w.word) && !slices.Contains(out, w.cat) {
			out = append(out, w.cat)
		}
	}
	if len(out) > 0 {
		return out
	}
	if c, err := ropa.ParseCategory("custom: " + s); err == nil {
		return []ropa.Category{c}
	}
	return nil
}

func (x *icoRow) categories(a *ropa.Activity) {
	for _, it := range icoEnumItems(x.raw(colPersonalData), func(string) bool { return true }, false) {
		for _, c := range icoCategories(it) {
			if !a.HasCategory(c) {
				a.DataCategories = append(a.DataCategories, ropa.Cat(c))
			}
		}
	}
}

// icoRecipientKind guesses a recipient's kind from its name.
func icoRecipientKind(name string) ropa.RecipientKind {
	toks := match.Tokens(name)
	has := func(ws ...string) bool {
		for _, w := range ws {
			if slices.Contains(toks, w) {
				return true
			}
		}
		return false
	}
	low := " " + strings.Join(toks, " ") + " "
	switch {
	case has("hmrc", "police", "council", "councils", "ico", "authority", "authorities", "regulator", "regulators", "government", "court", "courts", "dfe", "ofsted", "dwp", "ukvi", "tribunal") ||
		strings.Contains(low, " department for ") || strings.Contains(low, " home office "):
		return ropa.Authority
	case has("processor", "processors", "supplier", "suppliers", "provider", "providers"):
		return ropa.Processor
	case has("internal", "team", "teams", "department", "departments", "hr", "staff", "colleagues", "managers", "governors"):
		return ropa.Internal
	}
	return ropa.ThirdParty
}

func (x *icoRow) recipients(a *ropa.Activity) {
	for _, it := range icoEnumItems(x.raw(colRecipients), func(string) bool { return true }, false) {
		a.Recipients = append(a.Recipients, ropa.Recipient{Name: it, Kind: icoRecipientKind(it)})
	}
	contract := x.link(colProcessorContract)
	if contract == "" {
		return
	}
	var procs []int
	for i, r := range a.Recipients {
		if r.Kind == ropa.Processor {
			procs = append(procs, i)
		}
	}
	if len(procs) == 0 {
		x.note(colProcessorContract, contract)
		return
	}
	items := icoLines(contract)
	if !x.hasLink(colProcessorContract) && len(procs) > 1 && len(items) == len(procs) {
		for j, i := range procs {
			a.Recipients[i].Contract = items[j]
		}
		return
	}
	for _, i := range procs {
		a.Recipients[i].Contract = contract
	}
}

// transfers reads third countries and their safeguards. In an activity
// (a non-nil a) a transfer's recipient must be one of the activity's
// recipients: a name in brackets that is not one of them is kept in Notes
// with the column's text, not linked. In a processor record (a nil) it is
// free text.
func (x *icoRow) transfers(dst *[]ropa.Transfer, kCountry, kSafeguard int, a *ropa.Activity) {
	var uk []string
	unlinked := false
	known := func(s string) bool { _, _, ok := icoCountryRecipient(s); return ok }
	for _, it := range icoEnumItems(x.raw(kCountry), known, true) {
		code, rcp, ok := icoCountryRecipient(it)
		if !ok {
			x.fail(kCountry, it, fmt.Errorf("unknown country %q; write a country name or its ISO 3166-1 alpha-2 code", it))
			continue
		}
		if code == "GB" {
			uk = append(uk, it) // not a third country under the UK regime
			continue
		}
		if rcp != "" && a != nil {
			i := slices.IndexFunc(a.Recipients, func(r ropa.Recipient) bool { return icoSameName(r.Name, rcp) })
			if i < 0 {
				rcp, unlinked = "", true
			} else {
				rcp = a.Recipients[i].Name
			}
		}
		if !slices.ContainsFunc(*dst, func(t ropa.Transfer) bool { return t.Country == code && t.Recipient == rcp }) {
			*dst = append(*dst, ropa.Transfer{Country: code, Recipient: rcp})
		}
	}
	if len(uk) > 0 || unlinked {
		x.note(kCountry, x.raw(kCountry))
	}
	text := x.raw(kSafeguard)
	if text == "" {
		return
	}
	ts := *dst
	if len(ts) == 0 {
		x.note(kSafeguard, text)
		return
	}
	// Lines that name their transfer: "US: Standard contractual clauses".
	done := make([]bool, len(ts))
	var lines []string
	for _, l := range icoItems(text) {
		if head, tail, ok := strings.Cut(l, ":"); ok {
			if code, rcp, ok := icoCountryRecipient(head); ok {
				i := slices.IndexFunc(ts, func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || icoSameName(t.Recipient, rcp)) })
				for i >= 0 && done[i] {
					j := slices.IndexFunc(ts[i+1:], func(t ropa.Transfer) bool { return t.Country == code && (rcp == "" || icoSameName(t.Recipient, rcp)) })
					if j < 0 {
						i = -1
					} else {
						i += 1 + j
					}
				}
				if i >= 0 {
					ts[i].Mechanism, ts[i].Safeguards = icoMechanism(strings.TrimSpace(tail))
					done[i] = true
					continue
				}
			}
		}
		lines = append(lines, l)
	}
	var open []int
	for i := range ts {
		if !done[i] {
			open = append(open, i)
		}
	}
	switch {
	case len(lines) == 0:
	case len(open) == 0:
		x.note(kSafeguard, text)
	case len(lines) == len(open):
		for j, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = icoMechanism(lines[j])
		}
	case len(lines) == 1:
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = icoMechanism(lines[0])
		}
	default:
		var mech lawfulbasis.Mechanism
		same := true
		for _, l := range lines {
			m, _ := icoMechanism(l)
			if m != 0 && mech != 0 && m != mech {
				same = false
			}
			if m != 0 {
				mech = m
			}
		}
		if !same {
			mech = 0
		}
		for _, i := range open {
			ts[i].Mechanism, ts[i].Safeguards = mech, strings.Join(lines, "\n")
		}
	}
}

// icoSameName reports whether two names are the same but for case and
// spacing.
func icoSameName(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// icoCountryRecipient reads a country, or a country with its recipient in
// parentheses: "US (Mail provider)".
func icoCountryRecipient(s string) (code, recipient string, ok bool) {
	if code, ok := icoCountry(s); ok {
		return code, "", true
	}
	i := strings.IndexByte(s, '(')
	j := strings.LastIndexByte(s, ')')
	if i <= 0 || j < i {
		return "", "", false
	}
	code, ok = icoCountry(strings.TrimSpace(s[:i]))
	if !ok || strings.TrimSpace(s[j+1:]) != "" {
		return "", "", false
	}
	return code, strings.TrimSpace(s[i+1 : j]), true
}

// icoMechanisms are the words that name a transfer mechanism in free text,
// the more specific first.
var icoMechanisms = []struct {
	words string
	m     lawfulbasis.Mechanism
}{
	{"addendum", lawfulbasis.UKAddendum},
	{"idta", lawfulbasis.IDTA}, {"international data transfer agreement", lawfulbasis.IDTA},
	{"data privacy framework", lawfulbasis.DataPrivacyFramework}, {"dpf", lawfulbasis.DataPrivacyFramework},
	{"data bridge", lawfulbasis.DataPrivacyFramework}, {"uk extension", lawfulbasis.DataPrivacyFramework},
	{"swiss us privacy shield", lawfulbasis.SwissUSPrivacyShield}, {"privacy shield", lawfulbasis.PrivacyShield},
	{"bcr", lawfulbasis.BCR}, {"bcrs", lawfulbasis.BCR}, {"binding corporate rules", lawfulbasis.BCR},
	{"scc", lawfulbasis.SCC}, {"sccs", lawfulbasis.SCC}, {"standard contractual clauses", lawfulbasis.SCC},
	{"model clauses", lawfulbasis.SCC}, {"standard clauses", lawfulbasis.SCC},
	{"adequacy", lawfulbasis.Adequacy}, {"adequate", lawfulbasis.Adequacy},
}

// icoMechanism reads a safeguards line: the mechanism it is or names, and
// the line itself as text unless it is exactly the mechanism.
func icoMechanism(line string) (lawfulbasis.Mechanism, string) {
	if m, err := lawfulbasis.ParseMechanism(line); err == nil {
		return m, ""
	}
	low := " " + strings.Join(match.Tokens(line), " ") + " "
	for _, w := range icoMechanisms {
		if strings.Contains(low, " "+w.words+" ") {
			return w.m, line
		}
	}
	return 0, line
}

func (x *icoRow) retention(a *ropa.Activity) {
	text := x.raw(colRetention)
	if text == "" {
		return
	}
	if r, err := retention.Parse(text); err == nil {
		a.Retention = []ropa.Retention{{Rule: r}}
		return
	}
	lines := icoItems(text)
	var rules []ropa.Retention
	for _, l := range lines {
		r, err := retention.Parse(l)
		if err != nil {
			a.Retention = []ropa.Retention{{Schedule: text}}
			return
		}
		rules = append(rules, ropa.Retention{Rule: r})
	}
	a.Retention = rules
}

// icoCitation finds a citation such as "6(1)(e)" or "9(2)(g)" in free text.
var icoCitation = regexp.MustCompile(`\d+\s*\(\s*\d+\s*\)\s*\(\s*[a-zA-Z]{1,2}\s*\)`)

// icoParagraph finds a Schedule 1 paragraph such as "para 18" or "paragraph 10(2)".
var icoParagraph = regexp.MustCompile(`(?i)\bpara(?:graph)?s?\.?\s*(\d{1,2}(?:\s*\(\s*\d\s*\))?)`)

// icoParse reads a typed value from free text: the whole text, the text
// before a parenthesis or a dash (the rest returned), or a citation in it.
func icoParse[T comparable](s string, parse func(string) (T, error)) (T, string, error) {
	v, err := parse(s)
	if err == nil {
		return v, "", nil
	}
	var zero T
	rest := func(r string) string {
		r = strings.Trim(strings.TrimSpace(r), "()[]-–—:,;. ")
		if r == "" {
			return ""
		}
		if w, err := parse(r); err == nil && w == v {
			return ""
		}
		return r
	}
	if i := strings.IndexAny(s, "(["); i > 0 {
		if w, e := parse(strings.TrimSpace(s[:i])); e == nil {
			v = w
			return w, rest(s[i:]), nil
		}
	}
	for _, sep := range []string{" - ", " – ", " — ", ": ", " under ", " per ", " for ", ", "} {
		if i := strings.Index(strings.ToLower(s), sep); i > 0 {
			if w, e := parse(strings.TrimSpace(s[:i])); e == nil {
				v = w
				return w, rest(s[i+len(sep):]), nil
			}
		}
	}
	if loc := icoCitation.FindStringIndex(s); loc != nil {
		if w, e := parse(s[loc[0]:loc[1]]); e == nil {
			v = w
			return w, rest(s[:loc[0]] + " " + s[loc[1]:]), nil
		}
	}
	if m := icoParagraph.FindStringSubmatchIndex(s); m != nil {
		if w, e := parse("para " + strings.Join(strings.Fields(s[m[2]:m[3]]), "")); e == nil {
			v = w
			return w, rest(s[:m[0]] + " " + s[m[1]:]), nil
		}
	}
	return zero, "", err
}

func icoKnown[T comparable](parse func(string) (T, error)) func(string) bool {
	return func(s string) bool { _, _, err := icoParse(s, parse); return err == nil }
}

// bases reads the Article 6 column, with the legitimate interests and the
// assessment.
func (x *icoRow) bases(a *ropa.Activity) {
	text := x.raw(colArticle6)
	if text != "" {
		type parsed struct {
			b    lawfulbasis.Basis
			rest string
		}
		var got []parsed
		bad, loose := false, false
		for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseBasis), false) {
			b, rest, err := icoParse(it, lawfulbasis.ParseBasis)
			if err != nil {
				x.fail(colArticle6, it, err)
				bad = true
				continue
			}
			if rest != "" && !b.NeedsLegalProvision() {
				loose = true
			}
			got = append(got, parsed{b, rest})
		}
		set := func(i int, p parsed) {
			a.Purposes[i].Basis = p.b
			if p.b.NeedsLegalProvision() {
				a.Purposes[i].Provision = p.rest
			}
		}
		switch {
		case bad:
		case len(a.Purposes) > 0 && len(got) == len(a.Purposes):
			for i, p := range got {
				set(i, p)
			}
		case len(a.Purposes) > 0 && len(got) == 1:
			for i := range a.Purposes {
				set(i, got[0])
			}
		default:
			loose = true // bases that cannot be paired with purposes
		}
		if loose {
			x.note(colArticle6, text)
		}
	}

	var li []int
	for i, p := range a.Purposes {
		if p.Basis == lawfulbasis.LegitimateInterests {
			li = append(li, i)
		}
	}
	if text := x.raw(colLegitimateInterests); text != "" {
		if len(li) == 0 {
			x.note(colLegitimateInterests, text)
		} else if lines := icoLines(text); len(lines) == len(li) && len(li) > 1 {
			for j, i := range li {
				a.Purposes[i].Interest = lines[j]
			}
		} else {
			for _, i := range li {
				a.Purposes[i].Interest = text
			}
		}
	}
	if ref := x.link(colLIA); ref != "" {
		if len(li) == 0 {
			x.note(colLIA, ref)
		} else if lines := icoLines(ref); !x.hasLink(colLIA) && len(lines) == len(li) && len(li) > 1 {
			for j, i := range li {
				a.Purposes[i].Assessment = lines[j]
			}
		} else {
			for _, i := range li {
				a.Purposes[i].Assessment = ref
			}
		}
	}
}

// conditions reads the Article 9 column.
func (x *icoRow) conditions(a *ropa.Activity) {
	text := x.raw(colArticle9)
	loose := false
	for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseCondition), false) {
		c, rest, err := icoParse(it, lawfulbasis.ParseCondition)
		if err != nil {
			x.fail(colArticle9, it, err)
			continue
		}
		if rest != "" {
			loose = true
		}
		if !slices.Contains(a.Special.Conditions, c) {
			a.Special.Conditions = append(a.Special.Conditions, c)
		}
	}
	if loose {
		x.note(colArticle9, text)
	}
}

// schedule1 reads the DPA 2018 Schedule 1 column: Part 3 conditions, and
// any condition of an activity with criminal offence data but no special
// category data, authorise criminal offence data; the others complete an
// Article 9 condition.
func (x *icoRow) schedule1(a *ropa.Activity) {
	text := x.raw(colSch1Condition)
	special, criminal := false, false
	for _, c := range a.Categories() {
		special = special || c.Special()
		criminal = criminal || c.Criminal()
	}
	loose := false
	for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseSchedule1), false) {
		s, rest, err := icoParse(it, lawfulbasis.ParseSchedule1)
		if err != nil {
			x.fail(colSch1Condition, it, err)
			continue
		}
		if rest != "" {
			loose = true
		}
		dst := &a.Special.Schedule1
		if s.Part() == 3 || criminal && !special {
			dst = &a.Criminal.Schedule1
		}
		if !slices.Contains(*dst, s) {
			*dst = append(*dst, s)
		}
	}
	if loose {
		x.note(colSch1Condition, text)
	}
}

// icoRightsWords are the words of a list of the data protection rights,
// which the register derives from the lawful basis and so need not keep.
var icoRightsWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`right rights of to the be and or a an all access rectification rectify erasure erase
		forgotten restrict restriction restriction processing portability data object objection objections informed inform
		information not subject subjects automated decision decisions making withdraw withdrawal consent complain complaint
		complaints available under gdpr uk art article including profiling lodge ico with in on at individual individuals
		standard usual normal apply applies listed as per privacy notice see except controller controllers
		supervisory authority regulator commissioner ico`) {
		icoRightsWords[w] = true
	}
}

// rights ignores a list of rights (derived) but keeps anything else in Notes.
func (x *icoRow) rights() {
	text := x.raw(colRights)
	for _, t := range match.Tokens(text) {
		if !icoRightsWords[t] && !(t[0] >= '0' && t[0] <= '9') && len(t) > 1 {
			x.note(colRights, text)
			return
		}
	}
}

func icoNegated(toks []string, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		switch toks[j] {
		case "no", "not", "without", "never", "nor":
			return true
		}
	}
	return false
}

// automated reads the automated decision-making column.
func (x *icoRow) automated(a *ropa.Activity) {
	text := x.raw(colAutomated)
	toks := match.Tokens(text)
	if len(toks) == 0 {
		return
	}
	switch toks[0] {
	case "no", "none", "nil", "n":
		if len(toks) > 1 {
			x.note(colAutomated, text)
		}
		return
	}
	if strings.Join(toks, " ") == "not applicable" || strings.HasPrefix(strings.Join(toks, " "), "not used") {
		return
	}
	// The column's text becomes one decision. An empty cell, "No" or
	// "None" (above) adds no statement of none to the activity: an empty
	// cell in a hand-kept sheet says nothing either way.
	d := ropa.Decision{Logic: text}
	for i, t := range toks {
		if strings.HasPrefix(t, "profil") && !icoNegated(toks, i) {
			d.Profiling = true
		}
		if t == "solely" && !icoNegated(toks, i) {
			d.Solely = true
		}
	}
	a.Automated = []ropa.Decision{d}
}

// sources reads the source column.
func (x *icoRow) sources(a *ropa.Activity) {
	for _, it := range icoItems(x.raw(colSource)) {
		low := " " + strings.Join(match.Tokens(it), " ") + " "
		kind := ropa.FromThirdParty
		switch {
		case strings.Contains(low, " individual ") || strings.Contains(low, " data subject") || strings.Contains(low, " themselves ") ||
			strings.Contains(low, " directly ") || strings.Contains(low, " the person ") || strings.Contains(low, " from them "):
			kind = ropa.FromSubject
		case strings.Contains(low, " publicly available ") || strings.Contains(low, " public sources ") || strings.Contains(low, " public records "):
			kind = ropa.FromPublic
		}
		a.Sources = append(a.Sources, ropa.Source{Kind: kind, Name: it})
	}
}

// answer reads a Yes/No column; other text is a cell error.
func (x *icoRow) answer(k int) ropa.Answer {
	text := x.raw(k)
	if text == "" {
		return ""
	}
	ans, exact := icoAnswer(text)
	if ans == "" {
		x.fail(k, text, fmt.Errorf("not a Yes/No answer: %q", text))
		return ""
	}
	if !exact {
		x.note(k, text)
	}
	return ans
}

// icoAnswer reads Yes or No at the start of text; exact reports whether
// the text is no more than the answer.
func icoAnswer(text string) (ropa.Answer, bool) {
	toks := match.Tokens(text)
	if len(toks) == 0 {
		return "", false
	}
	key := strings.Join(toks, " ")
	switch key {
	case "yes", "y", "true", "required", "needed":
		return ropa.Yes, true
	case "no", "n", "false", "not required", "not needed", "none":
		return ropa.No, true
	}
	switch {
	case toks[0] == "yes":
		return ropa.Yes, false
	case toks[0] == "no":
		return ropa.No, false
	case strings.HasPrefix(key, "not required"), strings.HasPrefix(key, "not needed"):
		return ropa.No, false
	}
	return "", false
}

// icoStatuses are the words of DPIA progress.
var icoStatuses = []struct {
	words string
	s     ropa.DPIAStatus
}{
	{"not started", ropa.NotStarted}, {"not yet started", ropa.NotStarted}, {"not begun", ropa.NotStarted},
	{"to do", ropa.NotStarted}, {"todo", ropa.NotStarted}, {"planned", ropa.NotStarted}, {"not yet", ropa.NotStarted},
	{"in progress", ropa.InProgress}, {"ongoing", ropa.InProgress}, {"underway", ropa.InProgress},
	{"under way", ropa.InProgress}, {"draft", ropa.InProgress}, {"in draft", ropa.InProgress}, {"started", ropa.InProgress},
	{"in review", ropa.InProgress}, {"under review", ropa.InProgress},
	{"complete", ropa.Complete}, {"completed", ropa.Complete}, {"done", ropa.Complete}, {"finished", ropa.Complete},
	{"signed off", ropa.Complete}, {"approved", ropa.Complete},
}

// dpiaStatus reads the DPIA progress column.
func (x *icoRow) dpiaStatus() ropa.DPIAStatus {
	text := x.raw(colDPIAProgress)
	if text == "" {
		return ""
	}
	key := strings.Join(match.Tokens(text), " ")
	var best ropa.DPIAStatus
	bestLen := 0
	for _, s := range icoStatuses {
		if (key == s.words || strings.HasPrefix(key, s.words+" ")) && len(s.words) > bestLen {
			best, bestLen = s.s, len(s.words)
		}
	}
	if best == "" {
		x.fail(colDPIAProgress, text, fmt.Errorf("unknown DPIA progress %q; accepted: not started, in progress, complete", text))
		return ""
	}
	if key != "" && bestLen != len(key) {
		x.note(colDPIAProgress, text)
	}
	return best
}

// ---------------------------------------------------------------------------
// Processor sheet

func (rd *icoReader) processorSheet(name string) error {
	cols := icoLayout.Processor
	if len(cols) != numProcessorColumns {
		return nil
	}
	s, err := rd.openSheet(name)
	if err != nil {
		return err
	}
	defer s.close()
	h := icoFindHeader(s.top, cols, icoProcessorMatch, pcolController, pcolProcessing, icoLayout)
	if h == nil {
		rd.fail(s.name, -1, -1, "", icoNotice(fmt.Sprintf("no heading row with %q and %q; the sheet was not imported",
			cols[pcolController].Heading, cols[pcolProcessing].Heading)))
		return nil
	}
	if !slices.Contains(rd.sheets, s.name) {
		rd.sheets = append(rd.sheets, s.name)
	}
	rd.loadLinks(s)
	if rd.reg.Controller == (ropa.Organisation{}) {
		rd.contacts(s, h.row)
	}
	blank := false
	process := func(r int, cells []string) error {
		x := &icoRow{rd: rd, s: s, h: h, row: r, cells: cells}
		if x.empty() {
			blank = true
			return nil
		}
		if blank && !x.has(pcolController) && !x.has(pcolProcessing) {
			rd.belowTable(s, r, cells)
			return nil
		}
		if len(rd.reg.ProcessorRecords) >= rd.cfg.MaxActivities {
			return fmt.Errorf("%w: more than %d processor records on sheet %q (xlsx.MaxActivities; raise it with xlsx.WithMaxActivities)", xlsx.ErrTooLarge, rd.cfg.MaxActivities, s.name)
		}
		p := ropa.ProcessorRecord{
			Controller:     x.raw(pcolController),
			Representative: x.raw(pcolRepresentative),
			Processing:     icoItems(x.raw(pcolProcessing)),
			Security:       icoItems(x.raw(pcolSecurity)),
		}
		x.transfers(&p.Transfers, pcolThirdCountries, pcolSafeguards, nil)
		for c, v := range cells {
			if _, mapped := h.kind[c]; !mapped && !icoBlank(v) {
				x.noteCol(c, v)
			}
		}
		// A processor record has no notes: report what has no place.
		for _, n := range x.notes {
			rd.fail(s.name, r, n.col, n.text, icoNotice(fmt.Sprintf("a processor record has no place for %q; not imported", icoShort(n.text))))
		}
		rd.reg.ProcessorRecords = append(rd.reg.ProcessorRecords, p)
		return nil
	}
	if err := s.rowsAfter(h.row, process); err != nil {
		return err
	}
	rd.reportBeyond(s)
	rd.reportScan(s)
	return nil
}

// ---------------------------------------------------------------------------
// Countries

// icoCountries maps the country names common in registers to ISO 3166-1
// alpha-2 codes. "EU", "EEA" and "Europe" read as EU.
var icoCountries = map[string]string{}

func init() {
	for code, names := range map[string]string{
		"US": "united states|united states of america|usa|us|u s|u s a|america|the us|the usa",
		"GB": "united kingdom|uk|u k|great britain|britain|england|scotland|wales|northern ireland|gb",
		"EU": "european union|eu|eea|european economic area|europe|eu eea|eea eu|eu member states",
		"IE": "ireland|republic of ireland|eire", "FR": "france", "DE": "germany", "ES": "spain", "IT": "italy",
		"PT": "portugal", "NL": "netherlands|the netherlands|holland", "BE": "belgium", "LU": "luxembourg",
		"AT": "austria", "CH": "switzerland", "SE": "sweden", "NO": "norway", "DK": "denmark", "FI": "finland",
		"IS": "iceland", "PL": "poland", "CZ": "czech republic|czechia", "SK": "slovakia", "HU": "hungary",
		"RO": "romania", "BG": "bulgaria", "GR": "greece", "CY": "cyprus", "MT": "malta", "HR": "croatia",
		"SI": "slovenia", "EE": "estonia", "LV": "latvia", "LT": "lithuania", "LI": "liechtenstein",
		"CA": "canada", "MX": "mexico", "BR": "brazil", "AR": "argentina", "CL": "chile", "CO": "colombia",
		"UY": "uruguay", "AU": "australia", "NZ": "new zealand", "JP": "japan",
		"KR": "south korea|korea|republic of korea|korea republic of", "CN": "china|prc|people s republic of china",
		"HK": "hong kong", "TW": "taiwan", "SG": "singapore", "MY": "malaysia", "PH": "philippines",
		"ID": "indonesia", "TH": "thailand", "VN": "vietnam|viet nam", "IN": "india", "PK": "pakistan",
		"LK": "sri lanka", "BD": "bangladesh", "ZA": "south africa", "NG": "nigeria", "KE": "kenya",
		"EG": "egypt", "IL": "israel", "TR": "turkey|turkiye|türkiye", "AE": "united arab emirates|uae|dubai",
		"SA": "saudi arabia", "QA": "qatar", "RU": "russia|russian federation", "UA": "ukraine",
		"JE": "jersey", "GG": "guernsey", "IM": "isle of man", "GI": "gibraltar", "AD": "andorra",
		"FO": "faroe islands", "MC": "monaco", "RS": "serbia", "GH": "ghana", "MA": "morocco",
	} {
		for _, n := range strings.Split(names, "|") {
			icoCountries[strings.Join(match.Tokens(n), " ")] = code
		}
		icoCountries[strings.ToLower(code)] = code
	}
}

// icoCountry reads a country name or code.
func icoCountry(s string) (string, bool) {
	key := strings.Join(match.Tokens(s), " ")
	key = strings.TrimPrefix(key, "the ")
	if c, ok := icoCountries[key]; ok {
		return c, true
	}
	if t := strings.TrimSpace(s); len(t) == 2 && t[0] >= 'A' && t[0] <= 'Z' && t[1] >= 'A' && t[1] <= 'Z' {
		return t, true // an ISO 3166-1 alpha-2 code outside the table
	}
	// International organisations in the approval lists, e.g. EPO.
	up := strings.ToUpper(strings.TrimSpace(s))
	for _, a := range lawfulbasis.DefaultApprovals() {
		if len(a.Country) > 2 && a.Country == up {
			return up, true
		}
	}
	return "", false
}
