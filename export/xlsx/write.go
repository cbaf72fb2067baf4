package xlsx

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// ErrCellTooLong is under the error [Write] returns for a register text
// that a workbook cell cannot hold as it is: longer than Excel's 32,767
// UTF-16 code units, or holding characters XML cannot carry. (excelize
// would cut it short or replace them without a word.)
var ErrCellTooLong = errors.New("xlsx: text does not fit a cell")

// Option configures [Write].
type Option func(*writeConfig)

type writeConfig struct {
	views     []string // nil: every view
	viewsSet  bool
	asOf      time.Time
	author    string
	title     string
	checkOpts []ropa.Option
	shard     int // 0: by size; 1: always; -1: never
	showData  bool
	limits    readConfig
}

// Sheets chooses the view sheets to include, by name: [NotesSheet] ("Cover"
// is taken for it too), the
// controller and processor sheets ([TemplateSheet] and [ProcessorSheet]),
// [RetentionSheet], [FindingsSheet] and [ReferenceSheet]. Without this
// option every view is written (the processor view only when the register
// has processor records); Sheets() with no names writes the data sheets
// alone. The data sheets are always written: they are what [Read] reads.
func Sheets(names ...string) Option {
	return func(c *writeConfig) { c.views, c.viewsSet = slices.Clone(names), true }
}

// Properties sets the document's author and title (File > Info in Excel).
func Properties(author, title string) Option {
	return func(c *writeConfig) { c.author, c.title = author, title }
}

// ShowDataSheets writes the data sheets visible. By default they are
// hidden, so that the workbook prints as a register (spreadsheet programs
// print every visible sheet), and the Notes sheet says how to show them;
// they are read back either way.
func ShowDataSheets() Option { return func(c *writeConfig) { c.showData = true } }

// CheckOptions are passed to [ropa.Check] for the findings sheet and the
// cover (for example [ropa.Without] or [ropa.WithRules]). The date is always
// the one given to [Write]. Because [Read] cannot know these options, it
// does not compare the findings of a workbook written with them.
func CheckOptions(opts ...ropa.Option) Option {
	return func(c *writeConfig) { c.checkOpts = append(c.checkOpts, opts...) }
}

// WriteLimits holds the workbook Write writes to the size limits of [Read]
// with opts: by default the limits Read applies by default, so that a
// workbook Write writes is one Read reads. A workbook beyond them (larger
// than [MaxFileSize], unpacking to more than [MaxUnzipSize] or to more
// than [ExpansionFactor] times its size) is an error wrapping
// [ErrTooLarge] that names the limit; Write stops as soon as it knows.
// Raise a limit for both, with the same option:
//
//	xlsx.Write(w, reg, xlsx.WriteLimits(xlsx.WithLimits(8<<30, 0)))
//	xlsx.Read(r, xlsx.WithLimits(8<<30, 0))
func WriteLimits(opts ...ReadOption) Option {
	return func(c *writeConfig) { c.limits = newReadConfig(opts) }
}

func newWriteConfig(at time.Time, opts []Option) writeConfig {
	c := writeConfig{asOf: at, limits: newReadConfig(nil)}
	for _, o := range opts {
		o(&c)
	}
	y, m, d := c.asOf.Date()
	c.asOf = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return c
}

// wbReservedSheets are the data sheets and the lists sheet.
func wbReservedSheets() []string {
	return []string{snOrganisation, snJointControllers, snActivities, snDataCategories, snPurposes, snRecipients, snTransfers,
		snRetentionRules, snSources, snDecisions, snNone, snProcessorRecords, snTextLists, snLists}
}

// wrCheckRegister reports what stops the register being linked across the
// data sheets: activities are linked by ID, so IDs must be present and
// distinct, and must not be the label of a processor record.
func wrCheckRegister(reg *ropa.Register) error {
	seen := make(map[string]int, len(reg.Activities))
	labels := make(map[string]bool, len(reg.ProcessorRecords))
	for i := range reg.ProcessorRecords {
		labels[vwProcessorLabel(i)] = true
	}
	for i := range reg.Activities {
		id := reg.Activities[i].ID
		if id == "" {
			return fmt.Errorf("xlsx: activities[%d].id: required: the data sheets link an activity's rows by its ID", i)
		}
		if j, ok := seen[id]; ok {
			return fmt.Errorf("xlsx: activities[%d].id: %q is also the ID of activities[%d]; the data sheets link rows by ID", i, id, j)
		}
		if labels[id] {
			return fmt.Errorf("xlsx: activities[%d].id: %q is the label of a processor record on the data sheets; choose another ID", i, id)
		}
		seen[id] = i
	}
	return nil
}

// Write writes reg to w as an Excel workbook (.xlsx).
//
// The workbook opens with views for people — the cover, the controller
// record in the ICO template's layout, the
// processor record, retention by data category, the findings of
// [ropa.Check] and a reference of the law — followed by the data sheets
// that hold the register itself, normalised, and a hidden sheet of
// drop-down lists. [Read] reads the data sheets back into an identical
// register and refuses a workbook whose views were edited.
//
// Write returns an error for a register it cannot write so that it reads
// back identically (w may then hold part of a workbook): an activity without an ID
// or two with the same one, an enumeration holding an invalid value, a
// retention rule that does not validate, or a text that does not fit a cell
// ([ErrCellTooLong]); the error names the field by its JSON path. Text is
// always written as text: a value starting with "=" never becomes a
// formula. The same register, day and options give byte-identical output.
//
// The law is applied as it stood on the day of at: for the findings, the
// rights column, the reference sheet and the cover. The day is required
// (Write never reads the clock); the zero time is an error wrapping
// [lawfulbasis.ErrNoDate]. Only its calendar day counts, and it is also the
// workbook's creation and modification date, so that the same register
// and day give the same bytes.
func Write(w io.Writer, reg *ropa.Register, at time.Time, opts ...Option) error {
	if reg == nil {
		return errors.New("xlsx: nil register")
	}
	if at.IsZero() {
		return fmt.Errorf("xlsx: %w", lawfulbasis.ErrNoDate)
	}
	cfg := newWriteConfig(at, opts)
	views, err := wrSelectViews(cfg, reg)
	if err != nil {
		return err
	}
	if err := wrCheckRegister(reg); err != nil {
		return err
	}
	c := &vwCtx{reg: reg, asOf: cfg.asOf, profile: icoLayout, customChecks: len(cfg.checkOpts) > 0}
	// The checks run while the data sheets are written; the views that
	// show their findings wait for them.
	var checked chan struct{}
	if slices.ContainsFunc(views, func(v vwView) bool { return v.name == NotesSheet || v.name == FindingsSheet }) {
		checked = make(chan struct{})
		go func() {
			defer close(checked)
			c.report = ropa.Check(reg, cfg.asOf, cfg.checkOpts...)
		}()
		defer func() { <-checked }()
	}

	f := excelize.NewFile()
	defer f.Close()
	shard := cfg.shard
	if shard == 0 && len(reg.Activities) >= wrShardActivities {
		shard = 1
	}
	cw := &wrCounter{w: w, limit: cfg.limits.MaxFile}
	ww := &wrWriter{f: f, c: c, profile: icoLayout, shard: shard > 0, out: newZipOut(cw, cfg.asOf), limits: cfg.limits}
	ww.out.limits = cfg.limits
	if ww.styles, err = ww.newStyles(f); err != nil {
		return err
	}
	data := dsSheets()
	var names []string
	for _, v := range views {
		names = append(names, v.name)
	}
	for _, d := range data {
		names = append(names, d.name)
	}
	names = append(names, snLists)
	if err := f.SetSheetName("Sheet1", names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := f.NewSheet(n); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(snLists, false); err != nil {
		return err
	}
	// The data sheets are hidden, so that the workbook prints as a register
	// (a spreadsheet prints every visible sheet); the Notes sheet says how
	// to show them. Without views they are all there is.
	if len(views) > 0 && !cfg.showData {
		for _, d := range data {
			if err := f.SetSheetVisible(d.name, false); err != nil {
				return err
			}
		}
	}
	f.SetActiveSheet(0)
	ww.names = names

	// The data sheets first, so that a register that cannot be written is
	// reported by the JSON path of the field at fault.
	for _, d := range data {
		if err := ww.dataSheet(d); err != nil {
			return err
		}
	}
	if checked != nil {
		<-checked
		// A Findings sheet of headings alone would print as an empty page:
		// it is hidden, and the Notes sheet counts no findings.
		if len(c.report.Findings) == 0 && slices.ContainsFunc(views, func(v vwView) bool { return v.name == FindingsSheet }) {
			if err := f.SetSheetVisible(FindingsSheet, false); err != nil {
				return err
			}
		}
	}
	for _, v := range views {
		if err := ww.view(v); err != nil {
			return err
		}
	}
	if err := ww.lists(); err != nil {
		return err
	}
	if err := ww.properties(cfg); err != nil {
		return err
	}
	z := &wrSortedZip{out: ww.out, first: ww.parts, dims: ww.dims, rows: ww.rows}
	f.ZipWriter = func(io.Writer) excelize.ZipWriter { return z }
	if _, err = f.WriteToBuffer(); err != nil {
		if errors.Is(err, ErrTooLarge) {
			return wrUnwrapLimit(err)
		}
		return err
	}
	if len(z.rows) != 0 {
		return errors.New("xlsx: internal error: the rows of a sheet were not written")
	}
	parts := make([]book.PartSize, 0, len(ww.out.sizes))
	for name, size := range ww.out.sizes {
		parts = append(parts, book.PartSize{Name: name, Size: size})
	}
	if err := book.CheckSizes(cfg.limits.Limits, cw.n, parts); err != nil {
		return wrLimitError(err)
	}
	return nil
}

// wrCounter counts the bytes written to w and refuses to write past limit.
type wrCounter struct {
	w     io.Writer
	n     int64
	limit int64
}

func (c *wrCounter) Write(p []byte) (int, error) {
	if c.n+int64(len(p)) > c.limit {
		return 0, wrLimitError(fmt.Errorf("%w: the workbook would be larger than %d bytes (xlsx.MaxFileSize; raise it with xlsx.WithMaxFileSize)", ErrTooLarge, c.limit))
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// wrLimitError turns the error of a read limit into Write's: the limit
// holds because Read would refuse the workbook, and the option raises it
// for both.
func wrLimitError(err error) error {
	msg := strings.TrimPrefix(err.Error(), ErrTooLarge.Error()+": ")
	return &wrLimit{msg}
}

// wrLimit is the error of a workbook beyond the read limits.
type wrLimit struct{ msg string }

func (e *wrLimit) Error() string {
	return ErrTooLarge.Error() + ": " + e.msg + "; Read refuses such a workbook, so Write does not write it: write fewer view sheets (Sheets), or raise the limit for both, passing the option to Write through WriteLimits"
}

func (e *wrLimit) Is(target error) bool { return target == ErrTooLarge }

// wrUnwrapLimit returns the wrLimit under err (excelize wraps the errors
// of the zip writer), or err.
func wrUnwrapLimit(err error) error {
	var l *wrLimit
	if errors.As(err, &l) {
		return l
	}
	return err
}

// wrCellBytes is the least XML a streamed cell takes besides its text
// (`<c r="A1" t="inlineStr"><is><t></t></is></c>`, less than excelize
// writes), for the lower bound wrWriter.text.
const wrCellBytes = 10

// wrShardActivities is the size of register from which each sheet is
// streamed by an excelize.File of its own (see wrWriter.stream).
const wrShardActivities = 500

// wrSharded forces (on) or forbids (off) streaming each sheet by a file of
// its own, for the tests that check both ways give the same bytes.
func wrSharded(on bool) Option {
	return func(c *writeConfig) {
		c.shard = -1
		if on {
			c.shard = 1
		}
	}
}

// wrSelectViews returns the views to write, in workbook order.
func wrSelectViews(cfg writeConfig, reg *ropa.Register) ([]vwView, error) {
	all := vwViews(icoLayout)
	if !cfg.viewsSet {
		var out []vwView
		for _, v := range all {
			if v.name == icoLayout.ProcessorSheet && len(reg.ProcessorRecords) == 0 {
				continue
			}
			out = append(out, v)
		}
		return out, nil
	}
	var out []vwView
	for k, n := range cfg.views {
		if n == "Cover" { // the Notes sheet's name before format 3
			n = NotesSheet
			cfg.views[k] = n
		}
		i := slices.IndexFunc(all, func(v vwView) bool { return v.name == n })
		if i < 0 {
			var known []string
			for _, v := range all {
				known = append(known, v.name)
			}
			return nil, fmt.Errorf("xlsx: Sheets: unknown view sheet %q; the views are %s", n, strings.Join(known, ", "))
		}
	}
	for _, v := range all {
		if slices.Contains(cfg.views, v.name) {
			out = append(out, v)
		}
	}
	return out, nil
}

// wrWriter streams the sheets of one workbook.
//
// A sheet's rows are compressed as they are encoded (rows.go), and held so
// until excelize saves the file that streams the sheet. For large
// registers the writer streams each sheet with an excelize.File of its
// own, with the same styles, saves that file at once keeping only the
// sheet's part, which goes straight to the caller's writer, and lets the
// workbook's own file write everything else (its empty copies of those
// sheets are skipped): memory then holds one sheet's compressed rows at a
// time, not the whole workbook's. Both ways give the same bytes
// (TestWriteShardedIdentical).
type wrWriter struct {
	f       *excelize.File
	c       *vwCtx
	profile vwLayout
	names   []string // the sheets in workbook order
	styles  [vsCount]int
	ids     []int // the style IDs of a row's cells, reused from row to row
	shard   bool
	out     *wrZipOut
	parts   []string           // the sheets' part names in f, in the order streamed
	dims    map[string]string  // the used range of each sheet, by part name
	rows    map[string]*wrRows // the encoded rows of each sheet, by part name
	limits  readConfig
	// text is a lower bound on the bytes of the sheets' XML streamed so
	// far (their cells' text), which budget holds to the unpacked limit
	// while the sheets are streamed, before excelize unpacks them.
	text int64
}

// budget stops a workbook whose cells' text alone exceeds what a workbook
// may unpack to.
func (ww *wrWriter) budget() error {
	if ww.text > ww.limits.MaxUnzip {
		return wrLimitError(fmt.Errorf("%w: the workbook would unpack to more than %d bytes (xlsx.MaxUnzipSize; raise it with xlsx.WithLimits)", ErrTooLarge, ww.limits.MaxUnzip))
	}
	return nil
}

// newStyles creates the styles in f; every file of one workbook gets them
// in the same order, so with the same IDs.
func (ww *wrWriter) newStyles(f *excelize.File) ([vsCount]int, error) {
	var ids [vsCount]int
	p := ww.profile
	const text = 49 // the "@" Text number format
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	wrap := &excelize.Alignment{WrapText: true, Vertical: "top"}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	bold := &excelize.Font{Bold: true}
	defs := [vsCount]*excelize.Style{
		vsText:     {NumFmt: text, Alignment: wrap},
		vsHeader:   {NumFmt: text, Alignment: wrap, Font: bold, Fill: fill("D9D9D9"), Border: border},
		vsTitle:    {NumFmt: text, Font: &excelize.Font{Bold: true, Size: 16}},
		vsLabel:    {NumFmt: text, Alignment: wrap, Font: bold},
		vsSection:  {NumFmt: text, Font: bold, Fill: fill("BDD7EE"), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}},
		vsRequired: {NumFmt: text, Alignment: wrap, Font: bold, Fill: fill(p.RequiredFill), Border: border},
		vsOptional: {NumFmt: text, Alignment: wrap, Font: bold, Fill: fill(p.OptionalFill), Border: border},
		vsExtra:    {NumFmt: text, Alignment: wrap, Font: &excelize.Font{Bold: true, Italic: true}, Fill: fill("F2F2F2"), Border: border},
		vsError:    {NumFmt: text, Alignment: wrap, Fill: fill("FFC7CE")},
		vsWarning:  {NumFmt: text, Alignment: wrap, Fill: fill("FFEB9C")},
		vsInfo:     {NumFmt: text, Alignment: wrap, Fill: fill("DDEBF7")},
		vsMuted:    {NumFmt: text, Alignment: wrap, Font: &excelize.Font{Color: "808080", Size: 8}},
	}
	for i, d := range defs {
		id, err := f.NewStyle(d)
		if err != nil {
			return ids, err
		}
		ids[i] = id
	}
	return ids, nil
}

// setRow encodes row n of the sheet t streams: empty cells are skipped
// unless styled, styled cells carry their style's ID (styles: nil for
// plain text, one style for the whole row, or one per cell), and height
// is the row's height in points (0 for the default).
func (ww *wrWriter) setRow(t *wrTarget, n int, cells []string, styles []vwStyle, height float64) {
	if cap(ww.ids) < len(cells) {
		ww.ids = make([]int, len(cells))
	}
	ids := ww.ids[:len(cells)]
	for i, s := range cells {
		// A written cell takes its own style, not its column's: every text
		// cell gets at least the wrapped Text style, so it wraps and stays
		// text when edited.
		st := vsText
		switch len(styles) {
		case 0:
		case len(cells):
			st = styles[i]
		default:
			st = styles[0]
		}
		ids[i] = ww.styles[st]
		if s != "" {
			ww.text += int64(len(s)) + wrCellBytes
		}
	}
	t.rows.row(n, height, cells, ids, len(styles) > 0)
}

// wrSheetLayout is what the writer sets on a streamed sheet before its rows
// (widths, column style, frozen panes) and after them (merges, filter).
type wrSheetLayout struct {
	widths    []float64
	freezeRow int // rows above the data, frozen; 0 for none
	freezeCol int // columns frozen
	filterRow int // row of the auto-filter's headings; 0 for none
	merges    [][2]string
	heights   map[int]float64
	// hidden are the 1-based columns hidden; pageStarts the columns (from
	// 0) that start a printed page, printed at scale per cent rather than
	// fitted to the page's width.
	hidden     []int
	pageStarts []int
	scale      uint
	onePage    bool // fitted to one page, across and down
	printFrom  int  // the first row printed; 0 for all
}

// wrTarget is a sheet being streamed: by the workbook's file, or by a file
// of its own (own).
type wrTarget struct {
	f     *excelize.File
	sw    *excelize.StreamWriter // the sheet around its rows
	rows  *wrRows                // the rows
	sheet string
	own   bool
}

// close releases a file of the sheet's own (its buffers and temporary
// files); it may be called more than once.
func (t *wrTarget) close() {
	if t.rows != nil && t.rows.fw != nil {
		putFlate(t.rows.fw)
		t.rows.fw = nil
	}
	if t.own && t.f != nil {
		t.f.Close()
		t.f = nil
	}
}

// begin starts streaming sheet and sets what must come before its rows.
func (ww *wrWriter) begin(sheet string, l *wrSheetLayout) (t *wrTarget, err error) {
	t = &wrTarget{f: ww.f, sheet: sheet}
	if ww.shard {
		tf := excelize.NewFile()
		defer func() {
			if err != nil {
				tf.Close()
			}
		}()
		if slices.Index(ww.names, sheet) == 0 {
			err = tf.SetSheetName("Sheet1", sheet)
		} else {
			_, err = tf.NewSheet(sheet)
		}
		if err != nil {
			return nil, err
		}
		ids, err := ww.newStyles(tf)
		if err != nil {
			return nil, err
		}
		if ids != ww.styles {
			return nil, errors.New("xlsx: internal error: styles differ between the files of one workbook")
		}
		t.f, t.own = tf, true
	}
	// The sheet properties are written before the rows: fit to page for
	// printing must be set before the stream starts (the page setup itself
	// follows the rows, in end).
	fit := l.scale == 0
	if err := t.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	sw, err := t.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	t.sw, t.rows = sw, &wrRows{}
	for i := 0; i < len(l.widths); {
		j := i
		for j+1 < len(l.widths) && l.widths[j+1] == l.widths[i] {
			j++
		}
		if err := sw.SetColWidth(i+1, j+1, l.widths[i]); err != nil {
			return nil, err
		}
		i = j + 1
	}
	if len(l.widths) > 0 {
		if err := sw.SetColStyle(1, len(l.widths), ww.styles[vsText]); err != nil {
			return nil, err
		}
	}
	for _, c := range l.hidden {
		if err := sw.SetColVisible(c, c, false); err != nil {
			return nil, err
		}
	}
	for _, c := range l.pageStarts {
		if err := sw.InsertPageBreak(wbCellRef(c+1, 1)); err != nil {
			return nil, err
		}
	}
	if l.freezeRow > 0 || l.freezeCol > 0 {
		pane := "bottomLeft"
		switch {
		case l.freezeRow > 0 && l.freezeCol > 0:
			pane = "bottomRight"
		case l.freezeRow == 0:
			pane = "topRight"
		}
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, XSplit: l.freezeCol, YSplit: l.freezeRow,
			TopLeftCell: wbCellRef(l.freezeCol+1, l.freezeRow+1), ActivePane: pane,
		}); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// end sets what comes after the rows: merged cells, the filter and the
// page setup (A4 landscape, one page wide, so a printed or PDF register
// reads across).
func (ww *wrWriter) end(t *wrTarget, l *wrSheetLayout, lastRow, lastCol int) error {
	// About 220 character widths fit across an A4 landscape page at a
	// readable scale; a wider sheet prints over several pages across, with
	// its headings and first column repeated (print titles).
	total := 0.0
	for _, w := range l.widths {
		total += w
	}
	_ = total
	landscape, a4, wide, tall := "landscape", 9, 1, 0
	if l.onePage {
		tall = 1
	}
	if l.filterRow > 0 || l.freezeCol > 0 {
		var parts []string
		q := "'" + strings.ReplaceAll(t.sheet, "'", "''") + "'!"
		if l.freezeCol > 0 {
			parts = append(parts, q+"$A:$"+wbColName(l.freezeCol))
		}
		if l.filterRow > 0 {
			first := l.filterRow
			if first > 1 && l.freezeRow >= first && len(l.merges) > 0 {
				first-- // the merged section row above the headings
			}
			parts = append(parts, q+"$"+strconv.Itoa(first)+":$"+strconv.Itoa(l.filterRow))
		}
		if err := ww.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(parts, ","), Scope: t.sheet}); err != nil {
			return err
		}
	}
	opts := &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}
	if l.scale > 0 {
		opts = &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, AdjustTo: &l.scale}
	}
	if err := t.f.SetPageLayout(t.sheet, opts); err != nil {
		return err
	}
	if l.printFrom > 0 && lastRow >= l.printFrom {
		// The contact block is on the Notes sheet, whole: the record
		// prints from its section titles.
		q := "'" + strings.ReplaceAll(t.sheet, "'", "''") + "'!"
		area := q + "$A$" + strconv.Itoa(l.printFrom) + ":$" + wbColName(max(lastCol, 1)) + "$" + strconv.Itoa(lastRow)
		if err := ww.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: area, Scope: t.sheet}); err != nil {
			return err
		}
	}
	for _, m := range l.merges {
		if err := t.sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	if l.filterRow > 0 && lastCol > 0 {
		ref := wbCellRef(1, l.filterRow) + ":" + wbCellRef(lastCol, max(lastRow, l.filterRow))
		if err := t.f.AutoFilter(t.sheet, ref, nil); err != nil {
			return err
		}
		if t.own { // the filter's defined name belongs to the workbook
			if err := ww.f.AutoFilter(t.sheet, ref, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// finish flushes the sheet; a sheet streamed by a file of its own is saved
// at once and its part kept, compressed, for the workbook.
func (ww *wrWriter) finish(t *wrTarget, lastRow, lastCol int) error {
	if err := t.rows.finish(); err != nil {
		return err
	}
	if err := t.sw.Flush(); err != nil {
		return err
	}
	to := wrSheetPart(ww.f, t.sheet)
	if to == "" {
		return fmt.Errorf("xlsx: internal error: no part for sheet %q", t.sheet)
	}
	if ww.dims == nil {
		ww.dims = map[string]string{}
	}
	if lastRow > 0 && lastCol > 0 && (lastRow > 1 || lastCol > 1) {
		ww.dims[to] = "A1:" + wbCellRef(lastCol, lastRow)
	}
	ww.parts = append(ww.parts, to)
	if !t.own {
		if ww.rows == nil {
			ww.rows = map[string]*wrRows{}
		}
		ww.rows[to] = t.rows
		return nil
	}
	defer t.close()
	from := wrSheetPart(t.f, t.sheet)
	z := &wrSortedZip{keep: from, dims: map[string]string{from: ww.dims[to]}, rows: map[string]*wrRows{from: t.rows}}
	t.f.ZipWriter = func(io.Writer) excelize.ZipWriter { return z }
	if _, err := t.f.WriteToBuffer(); err != nil {
		return err
	}
	if len(z.entries) != 1 || from == "" || len(z.rows) != 0 {
		return fmt.Errorf("xlsx: internal error: the part of sheet %q was not found", t.sheet)
	}
	e := z.entries[0]
	e.name = to
	return ww.out.write(e)
}

// wrRowHeight returns the height of a row of wrapped text, from the number
// of lines its fullest cell needs at the column widths, so that every
// spreadsheet program shows the whole text (LibreOffice does not size
// streamed rows itself). Rows of one line keep the default height (0).
func wrRowHeight(cells []string, widths []float64) float64 {
	lines := 1
	for i, c := range cells {
		if c == "" {
			continue
		}
		w := 30.0
		if i < len(widths) {
			w = widths[i]
		}
		per := max(1, int(w*1.1)) // characters per line, roughly
		if len(c) <= per && strings.IndexByte(c, '\n') < 0 {
			continue // one line, whatever its characters
		}
		n := 0
		for rest, more := c, true; more; {
			var line string
			line, rest, more = strings.Cut(rest, "\n")
			n += max(1, (utf8.RuneCountInString(line)+per-1)/per)
		}
		lines = max(lines, n)
	}
	if lines == 1 {
		return 0
	}
	return min(409, 15*float64(lines)) // 409 points is the spreadsheet maximum
}

// wrSheetPart is the name of sheet's part in f: excelize names the part of
// the sheet with ID n "xl/worksheets/sheet<n>.xml".
func wrSheetPart(f *excelize.File, sheet string) string {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml"
		}
	}
	return ""
}

// dataSheet streams one data sheet: a frozen bold header row of JSON names,
// a filter, and drop-downs on the columns of single enumerations.
func (ww *wrWriter) dataSheet(d dsSheet) error {
	l := &wrSheetLayout{freezeRow: 1, filterRow: 1}
	for i, h := range d.headers {
		w := 40.0
		switch {
		case h == dsKeyActivity || h == dsKeyRecord || h == dsOrgField || h == "id":
			w = 28
		case i < len(d.lists) && d.lists[i] != "":
			w = 22
		}
		l.widths = append(l.widths, w)
	}
	t, err := ww.begin(d.name, l)
	if err != nil {
		return err
	}
	defer t.close()
	titles := make([]string, len(d.headers))
	for i, h := range d.headers {
		titles[i] = dsTitle(h)
	}
	ww.setRow(t, 1, titles, []vwStyle{vsHeader}, 0)
	row := 1
	err = d.rows(ww.c.reg, func(path string, cells []string) error {
		for i, s := range cells {
			if p := wbCellProblem(s); p != "" {
				where := path
				if !d.fieldPaths {
					where += "." + d.headers[i]
				}
				return fmt.Errorf("%w: %s: the text %s", ErrCellTooLong, where, p)
			}
		}
		row++
		ww.setRow(t, row, cells, nil, wrRowHeight(cells, l.widths))
		return ww.budget()
	})
	if err != nil {
		if errors.Is(err, ErrCellTooLong) || errors.Is(err, ErrTooLarge) {
			return err
		}
		return fmt.Errorf("xlsx: %w", err)
	}
	if err := ww.end(t, l, row, len(d.headers)); err != nil {
		return err
	}
	for i, key := range d.lists {
		if key == "" {
			continue
		}
		col := wbColName(i + 1)
		if err := ww.dropDown(t, col+"2:"+col+"1048576", key); err != nil {
			return err
		}
	}
	if d.name == snOrganisation {
		for i, f := range dsOrgFields {
			if f.list != "" {
				if err := ww.dropDown(t, wbCellRef(2, i+2), f.list); err != nil {
					return err
				}
			}
		}
	}
	return ww.finish(t, row, len(d.headers))
}

// dropDown adds a drop-down of list key to the range: inline when the list
// is short enough, through the list's defined name otherwise. It warns
// rather than stops, because the reader also accepts titles and citations.
func (ww *wrWriter) dropDown(t *wrTarget, sqref, key string) error {
	key, multi := strings.CutPrefix(key, dsMultiPrefix)
	i := slices.IndexFunc(vwLists(), func(l vwList) bool { return l.key == key })
	if i < 0 {
		return fmt.Errorf("xlsx: internal error: no list %q", key)
	}
	values := vwLists()[i].values
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	if multi {
		// A drop-down allows one value, and a cell of several would
		// violate its own list: a prompt says what to write instead.
		col := wbColName(vwListCol + i)
		dv.SetInput("Several values", "One value a line (Alt+Enter). The values are in column "+col+" of the hidden Lists sheet; a title or a citation is also read.")
		return t.f.AddDataValidation(t.sheet, dv)
	}
	if book.UTF16Len(strings.Join(values, ",")) <= excelize.MaxFieldLength {
		if err := dv.SetDropList(values); err != nil {
			return err
		}
	} else {
		dv.SetSqrefDropList(vwDefinedName(key))
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "Not in the list",
		"Pick a value from the list. A title or a citation is also read; anything else is refused when the workbook is read.")
	return t.f.AddDataValidation(t.sheet, dv)
}

// viewLayout returns the layout of a view sheet.
func (ww *wrWriter) viewLayout(name string) *wrSheetLayout {
	p := ww.c.profile
	switch name {
	case NotesSheet:
		return &wrSheetLayout{widths: []float64{28, 110}, onePage: true}
	case p.ControllerSheet, p.ProcessorSheet:
		cols, extras := p.Controller, 1
		if name == p.ProcessorSheet {
			cols, extras = p.Processor, 1
		}
		// Frozen at A10, as the ICO's template is; the section and heading
		// rows repeat on every printed page, column A does not (it would
		// repeat the contact block's labels without their values).
		l := &wrSheetLayout{freezeRow: p.HeadingRow, filterRow: p.HeadingRow,
			heights: map[int]float64{p.SectionRow: 30, p.HeadingRow: 105},
			widths:  vwRecordWidths(p, cols, extras)}
		l.printFrom = p.SectionRow
		if name == p.ControllerSheet {
			l.pageStarts = vwPageStarts(cols, l.widths)
			l.scale = vwPrintScale
		}
		for _, s := range vwSections(cols, l.pageStarts) {
			if s[0] != s[1] {
				l.merges = append(l.merges, [2]string{wbCellRef(s[0], p.SectionRow), wbCellRef(s[1], p.SectionRow)})
			}
		}
		return l
	case RetentionSheet:
		// One width a heading of vwRetentionHeadings.
		return &wrSheetLayout{widths: []float64{16, 28, 28, 30, 30, 70, 12, 28}, freezeRow: 1, filterRow: 1}
	case FindingsSheet:
		return &wrSheetLayout{widths: []float64{10, 28, 26, 36, 24, 90}, freezeRow: 1, filterRow: 1}
	case ReferenceSheet:
		return &wrSheetLayout{widths: []float64{36, 34, 60, 30, 16}, freezeRow: 1, filterRow: 1}
	}
	return &wrSheetLayout{}
}

// view streams one view sheet.
func (ww *wrWriter) view(v vwView) error {
	l := ww.viewLayout(v.name)
	t, err := ww.begin(v.name, l)
	if err != nil {
		return err
	}
	defer t.close()
	lastRow, lastCol := 0, 0
	// The fingerprint of the sheet as written tells the reader whether a
	// person edited it (see edits.go); of the controller sheet, the rows
	// above the data, each data row having its own.
	d := newDigest()
	headOnly := v.name == ww.profile.ControllerSheet
	err = v.gen(ww.c, func(row int, cells []string, styles []vwStyle) error {
		lastRow, lastCol = row, max(lastCol, len(cells))
		if !headOnly || row <= ww.profile.HeadingRow {
			d.row(row, cells)
		}
		height, ok := l.heights[row]
		if !ok {
			height = wrRowHeight(cells, l.widths)
		}
		ww.setRow(t, row, cells, styles, height)
		return ww.budget()
	})
	if err != nil {
		return err
	}
	if ww.c.digests == nil {
		ww.c.digests = map[string]string{}
	}
	ww.c.digests[digestKey(v.name)] = d.sum()
	if err := ww.end(t, l, lastRow, lastCol); err != nil {
		return err
	}
	return ww.finish(t, lastRow, lastCol)
}

// lists streams the hidden Lists sheet and defines a name for each list.
func (ww *wrWriter) lists() error {
	t, err := ww.begin(snLists, &wrSheetLayout{})
	if err != nil {
		return err
	}
	defer t.close()
	lastRow, lastCol := 0, 0
	err = vwListsSheet(ww.c, func(row int, cells []string, styles []vwStyle) error {
		lastRow, lastCol = row, max(lastCol, len(cells))
		ww.setRow(t, row, cells, styles, 0)
		return nil
	})
	if err != nil {
		return err
	}
	for i, list := range vwLists() {
		if err := ww.f.SetDefinedName(&excelize.DefinedName{Name: vwDefinedName(list.key), RefersTo: vwListRange(i, list)}); err != nil {
			return err
		}
	}
	return ww.finish(t, lastRow, lastCol)
}

// properties sets the document properties, dated by the AsOf day.
func (ww *wrWriter) properties(cfg writeConfig) error {
	stamp := cfg.asOf.Format("2006-01-02T15:04:05Z")
	author := cfg.author
	if author == "" {
		author = "article30"
	}
	title := cfg.title
	if title == "" {
		title = vwCoverTitle
		if n := ww.c.reg.Controller.Name; n != "" {
			title += ": " + n
		}
	}
	return ww.f.SetDocProps(&excelize.DocProperties{
		Creator: author, LastModifiedBy: author, Title: title,
		Subject:  "Record of processing activities (GDPR Article 30)",
		Created:  stamp,
		Modified: stamp,
		Version:  wbFormat,
	})
}
