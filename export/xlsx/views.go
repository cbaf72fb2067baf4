package xlsx

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// The views are generated here, as rows of text, from the register. The
// writer streams them; the reader generates them again from the data it
// read and compares them with the file, cell by cell. So everything a view
// shows must be a function of the register, the date the law is applied at
// and the profile, and nothing else.

// vwView is one view sheet: its name and its generator.
type vwView struct {
	name string
	gen  func(c *vwCtx, emit vwEmit) error
}

// vwViews returns the views of profile p in workbook order.
func vwViews(p vwLayout) []vwView {
	return []vwView{
		{NotesSheet, vwCover},
		{p.ControllerSheet, vwTemplate},
		{p.ProcessorSheet, vwProcessor},
		{RetentionSheet, vwRetention},
		{FindingsSheet, vwFindings},
		{ReferenceSheet, vwReference},
	}
}

// vwColumnsExtra is the heading of the column the writer adds after the
// controller columns, linking each row to the data sheets.
const (
	vwActivityIDHeading = "Activity ID (article30)"
	vwRecordHeading     = "Record (article30)"
	vwExtraSection      = "article30"
)

// vwTextRow emits a row of plain text, each cell fitted to the cell limit.
func vwTextRow(emit vwEmit, row int, cells []string, styles []vwStyle) error {
	for i, s := range cells {
		cells[i] = vwFit(s)
	}
	return emit(row, cells, styles)
}

// ---- Notes ----

// vwCoverTitle is the title of the Notes sheet and of the document.
const vwCoverTitle = "Record of processing activities"

// vwNotesGuide is how the workbook works, in the Notes sheet's words:
// which cells a person edits and which are generated (see edits.go).
func vwNotesGuide(p vwLayout) [][2]string {
	return [][2]string{
		{p.ControllerSheet, "The record of processing in the ICO template's layout: one row per processing activity, several values in a cell on separate lines. " +
			"You may edit these cells, and they are read back: the contact block's values; Business function; Purpose of processing (a line per purpose); " +
			"Categories of individuals and of personal data (a line each); Categories of recipients (a recipient's name, before its brackets); " +
			"Retention schedule (the text after the rule, a line per rule); security measures; Link to record of consent; Location of personal data; " +
			"the DPIA and breach columns; and, where a Schedule 1 condition needs one, the policy document's link, Yes/No and reasons."},
		{"Generated cells", "The other columns of " + p.ControllerSheet + " (lawful bases, conditions, rights, transfers, sources, automated decisions), and the " +
			p.ProcessorSheet + ", " + RetentionSheet + ", " + FindingsSheet + " and " + ReferenceSheet + " sheets, are generated from the register, as are the counts on this sheet. " +
			"When the workbook is read they are generated again; an edit made to them is reported as not read, with where to make it instead."},
		{"Activity ID", "Column AE of " + p.ControllerSheet + " (grey) holds each activity's ID: it ties the row to the register, so that sorting or filtering the rows loses nothing. " +
			"Leave it as it is; the hidden Lists sheet records how each row was written, so that an edit here is told from one on the data sheets."},
		{"Data sheets", "Organisation, Joint controllers, Activities, Data categories, Purposes, Recipients, Transfers, Retention rules, Sources, Automated decisions, Stated none, " +
			"Processor records and Text lists hold the register itself, every field of it, and are read back whole. They are hidden so that the workbook prints as a register: " +
			"right-click a sheet tab and choose Unhide (Excel) or Show Sheet (LibreOffice) to edit them, for example to rename an activity or change a purpose's lawful basis. " +
			"A subjects column names the data subjects a row concerns, one a line; left empty, the row concerns all the activity's data subjects. " +
			"An activity edited both here and on " + p.ControllerSheet + " keeps the data sheets' values, which record each fact whole, and the import says so."},
		{"Printing", "A4 landscape, the headings repeated on every page; " + p.ControllerSheet + " prints its sections on pages of their own, each with its title."},
	}
}

func vwCover(c *vwCtx, emit vwEmit) error {
	reg, p := c.reg, c.profile
	label := []vwStyle{vsLabel, vsText}
	row := 1
	put := func(cells []string, st []vwStyle) error {
		err := vwTextRow(emit, row, cells, st)
		row++
		return err
	}
	if err := put([]string{vwCoverTitle}, []vwStyle{vsTitle}); err != nil {
		return err
	}
	row++
	if err := put([]string{"Notes"}, []vwStyle{vsHeader, vsHeader}); err != nil {
		return err
	}
	legend := [][2]string{
		{"Green heading", "Required: Article 30 of the UK GDPR (or the GDPR), or Schedule 1 to the Data Protection Act 2018 where it applies, asks for this information."},
		{"Blue heading", "Optional: not required by Article 30, but kept to show accountability and to answer requests, breaches and privacy notices quickly."},
	}
	if err := put([]string{legend[0][0], legend[0][1]}, []vwStyle{vsRequired, vsText}); err != nil {
		return err
	}
	if err := put([]string{legend[1][0], legend[1][1]}, []vwStyle{vsOptional, vsText}); err != nil {
		return err
	}
	for _, l := range vwNotesGuide(p) {
		if err := put([]string{l[0], l[1]}, label); err != nil {
			return err
		}
	}
	row++
	if err := put([]string{"This register"}, []vwStyle{vsHeader, vsHeader}); err != nil {
		return err
	}
	dpo := reg.DPO.Name
	if reg.DPO.Email != "" {
		if dpo != "" {
			dpo += " <" + reg.DPO.Email + ">"
		} else {
			dpo = reg.DPO.Email
		}
	}
	rep := reg.Representative.Name
	if reg.Representative.Email != "" {
		if rep != "" {
			rep += " <" + reg.Representative.Email + ">"
		} else {
			rep = reg.Representative.Email
		}
	}
	lines := [][2]string{
		{"Organisation", reg.Controller.Name},
		{"Address", reg.Controller.Address},
		{"Email", reg.Controller.Email},
		{"Telephone", reg.Controller.Phone},
		{"Data protection officer", dpo},
		{"Representative", rep},
		{"Supervisory authority", vwAuthority(reg, c.asOf)},
		{"Regime", reg.Jurisdiction.Title()},
		{"Law applied at", c.asOf.Format(time.DateOnly)},
		{"Version", reg.Version},
		{"Review date", reg.ReviewDate.String()},
		{"Processing activities", strconv.Itoa(len(reg.Activities))},
		{"Processor records", strconv.Itoa(len(reg.ProcessorRecords))},
		{"vwLayout", p.Name},
	}
	for _, l := range lines {
		if l[1] == "" {
			continue // a label without a value says nothing
		}
		if err := put([]string{l[0], l[1]}, label); err != nil {
			return err
		}
	}
	row++
	if err := put([]string{"Findings of the checks"}, []vwStyle{vsHeader, vsHeader}); err != nil {
		return err
	}
	if c.customChecks {
		if err := put([]string{"Checks", "run with options chosen by the writer; they are not repeated when the workbook is read"}, label); err != nil {
			return err
		}
	}
	counts := [][2]string{
		{"Errors", strconv.Itoa(c.report.Errors)},
		{"Warnings", strconv.Itoa(c.report.Warnings)},
		{"Information", strconv.Itoa(c.report.Infos)},
	}
	for _, l := range counts {
		if err := put([]string{l[0], l[1]}, label); err != nil {
			return err
		}
	}
	return nil
}

// vwAuthority names the supervisory authority people may complain to: the
// name the register records, else the name of the authority its code
// names (the UK regulator by its statutory name on the day the law is
// applied at), else, under the UK regime, the UK regulator, which is the
// default, said to be so.
func vwAuthority(reg *ropa.Register, at time.Time) string {
	a := reg.Authority
	switch {
	case a.Name != "":
		return a.Name
	case strings.EqualFold(a.Code, "uk"):
		return authority.UK(at).Name
	case a.Code != "":
		if au, ok := authority.Lookup(a.Code, at); ok {
			return au.Name
		}
		return a.Code
	case reg.Jurisdiction == lawfulbasis.UK:
		return authority.UK(at).Name + " (the UK regulator, by default: the register names none)"
	}
	return "Not recorded"
}

// ---- controller record (Template) ----

// vwContactBlock emits the contact block: the block titles on the row above
// ContactFirstRow, then a row per contact label. Block b takes column
// 3b+1 for its labels and 3b+2 for its values (A/B, D/E, G/H), leaving a
// blank column between blocks, as the ICO template does.
func vwContactBlock(c *vwCtx, emit vwEmit) error {
	p, reg := c.profile, c.reg
	values := [3][4]string{
		{reg.Controller.Name, reg.Controller.Address, reg.Controller.Email, reg.Controller.Phone},
		{reg.DPO.Name, reg.DPO.Address, reg.DPO.Email, reg.DPO.Phone},
		{reg.Representative.Name, reg.Representative.Address, reg.Representative.Email, reg.Representative.Phone},
	}
	nb := min(len(p.ContactBlocks), len(values))
	width := 3*nb - 1
	if width <= 0 {
		return nil
	}
	cells := make([]string, width)
	styles := make([]vwStyle, width)
	for b := range nb {
		cells[3*b] = p.ContactBlocks[b]
		styles[3*b] = vsHeader
		styles[3*b+1] = vsHeader
	}
	if p.ContactFirstRow > 1 {
		if err := vwTextRow(emit, p.ContactFirstRow-1, cells, styles); err != nil {
			return err
		}
	}
	for r, label := range p.ContactRows {
		if r >= 4 {
			break
		}
		cells := make([]string, width)
		styles := make([]vwStyle, width)
		for b := range nb {
			cells[3*b], cells[3*b+1] = label, values[b][r]
			styles[3*b] = vsLabel
		}
		if err := vwTextRow(emit, p.ContactFirstRow+r, cells, styles); err != nil {
			return err
		}
	}
	return nil
}

// vwHeadings emits the section row and the heading row of a record with
// the given columns and an extra column of article30's own.
func vwHeadings(p vwLayout, cols []tpl.Column, emit vwEmit, extras ...string) error {
	n := len(cols) + len(extras)
	sec, secSt := make([]string, n), make([]vwStyle, n)
	head, headSt := make([]string, n), make([]vwStyle, n)
	starts := vwPageStarts(cols, vwRecordWidths(p, cols, len(extras)))
	for i, col := range cols {
		switch {
		case i == 0 || cols[i-1].Section != col.Section:
			sec[i] = col.Section
		case slices.Contains(starts, i):
			sec[i] = col.Section + " (continued)"
		}
		secSt[i] = vsSection
		head[i] = col.Heading
		headSt[i] = vsOptional
		if col.Required {
			headSt[i] = vsRequired
		}
	}
	for i, extra := range extras {
		k := len(cols) + i
		secSt[k] = vsExtra
		head[k], headSt[k] = extra, vsExtra
	}
	sec[len(cols)] = vwExtraSection
	if err := emit(p.SectionRow, sec, secSt); err != nil {
		return err
	}
	return emit(p.HeadingRow, head, headSt)
}

// vwSections returns the runs of columns under one section, as 1-based
// [first, last] column pairs, for merging; a section that a printed page
// starts within (starts) is split there, so that each page shows its
// title.
func vwSections(cols []tpl.Column, starts []int) [][2]int {
	var out [][2]int
	for i := 0; i < len(cols); {
		j := i
		for j+1 < len(cols) && cols[j+1].Section == cols[i].Section && !slices.Contains(starts, j+1) {
			j++
		}
		out = append(out, [2]int{i + 1, j + 1})
		i = j + 1
	}
	return out
}

// vwPageChars is how many characters of column width a printed page of a
// record holds: A4 landscape at vwPrintScale per cent.
const (
	vwPageChars  = 175
	vwPrintScale = 58
)

// vwTemplateWidths are the widths of the ICO controller columns, in
// characters, chosen so that the sections print on four pages across at a
// legible scale (A-F, G-K, L-R, S-AE), the purposes and categories wide
// enough to keep the rows short.
var vwTemplateWidths = [tpl.NumColumns]float64{
	14, 48, 18, 22, 42, 30, 22, 24, 28, 44, 40, // A-K
	24, 22, 24, 14, 42, 22, 24, // L-R
	12, 16, 10, 12, 12, 10, 12, // S-Y
	20, 16, 14, 10, 16, // Z-AD
}

// vwRecordWidths returns the widths of a record sheet's columns and of
// the extra columns after them (the activity ID, then the hidden
// fingerprint of the controller sheet; the record label of the processor
// sheet).
func vwRecordWidths(p vwLayout, cols []tpl.Column, extras int) []float64 {
	var w []float64
	for i := range cols {
		switch {
		case len(cols) == tpl.NumColumns && cols[0].Heading == p.Controller[0].Heading:
			w = append(w, vwTemplateWidths[i])
		default:
			w = append(w, 30)
		}
	}
	for range extras {
		w = append(w, 10)
	}
	return w
}

// vwPageStarts returns the columns (from 0) that start a printed page
// after the first: whole sections are packed onto pages of at most
// vwPageChars, and a section wider than a page is split. The extra
// columns go on the last page.
func vwPageStarts(cols []tpl.Column, widths []float64) []int {
	var starts []int
	used := 0.0
	for i := 0; i < len(cols); {
		j, w := i, 0.0
		for ; j < len(cols) && cols[j].Section == cols[i].Section; j++ {
			w += widths[j]
		}
		if used > 0 && used+w > vwPageChars {
			starts = append(starts, i)
			used = 0
		}
		for k := i; k < j; k++ {
			if used > 0 && used+widths[k] > vwPageChars {
				starts = append(starts, k)
				used = 0
			}
			used += widths[k]
		}
		i = j
	}
	return starts
}

func vwTemplate(c *vwCtx, emit vwEmit) error {
	p := c.profile
	if err := vwContactBlock(c, emit); err != nil {
		return err
	}
	if err := vwHeadings(p, p.Controller, emit, vwActivityIDHeading); err != nil {
		return err
	}
	row := make([]string, len(p.Controller)+1)
	// The activity ID in small grey text: it is there for the round trip,
	// not for reading.
	styles := make([]vwStyle, len(row))
	styles[tpl.NumColumns] = vsMuted
	c.rowDigests = c.rowDigests[:0]
	for i := range c.reg.Activities {
		clear(row)
		vwTemplateRow(c, &c.reg.Activities[i], row)
		for j, s := range row {
			row[j] = vwFit(s)
		}
		c.rowDigests = append(c.rowDigests, [2]string{rowDigestKey(row[tpl.NumColumns]), vwRowDigest(row[:tpl.NumColumns])})
		if err := emit(p.HeadingRow+1+i, row, styles); err != nil {
			return err
		}
	}
	return nil
}

// vwCite writes "Title (citation)", or the title alone when the value has
// no citation under the regime.
func vwCite(title, cite string) string {
	if cite == "" {
		return title
	}
	return title + " (" + cite + ")"
}

// vwYesNo writes an answer as the ICO template's Yes/No.
func vwYesNo(a ropa.Answer) string {
	switch a {
	case ropa.Yes:
		return "Yes"
	case ropa.No:
		return "No"
	}
	return string(a)
}

var vwRecipientKinds = map[ropa.RecipientKind]string{
	ropa.Internal: "internal", ropa.Processor: "processor", ropa.ThirdParty: "third party",
	ropa.JointRecipient: "joint controller", ropa.Authority: "public authority",
}

var vwSourceKinds = map[ropa.SourceKind]string{
	ropa.FromSubject: "From the individual", ropa.Observed: "Observed from their use of our services",
	ropa.FromThirdParty: "From a third party", ropa.FromPublic: "From publicly available sources",
}

var vwDPIAStatuses = map[ropa.DPIAStatus]string{
	ropa.NotStarted: "Not started", ropa.InProgress: "In progress", ropa.Complete: "Complete",
}

var vwGrounds = map[ropa.DecisionGround]string{
	ropa.ContractNecessity: "necessary for a contract",
	ropa.AuthorisedByLaw:   "authorised by law",
	ropa.ExplicitConsent:   "explicit consent",
}

var vwSafeguards = map[ropa.DecisionSafeguard]string{
	ropa.Information: "information about the decision", ropa.Representations: "representations",
	ropa.HumanIntervention: "human intervention", ropa.Contest: "contesting the decision",
}

func vwWord[K comparable](m map[K]string, k K) string {
	if s, ok := m[k]; ok {
		return s
	}
	return fmt.Sprint(k)
}

// vwScope says, in plain words, which data subjects a scoped fact
// concerns: "employees only", "job applicants and referees only"; "" for
// an unscoped fact, which concerns all the activity's data subjects.
func vwScope(ss []ropa.Subject) string {
	if len(ss) == 0 {
		return ""
	}
	words := make([]string, 0, len(ss))
	for _, g := range ss {
		if w := g.Plain(); w != "" && !slices.Contains(words, w) {
			words = append(words, w)
		} else if w == "" {
			words = append(words, string(g))
		}
	}
	return prose.List(words, "and") + " only"
}

// vwScoped writes s with the scope of a fact after it: "Pay and benefits
// (employees only)"; s alone for an unscoped fact.
func vwScoped(s string, ss []ropa.Subject) string {
	if len(ss) == 0 {
		return s
	}
	return s + " (" + vwScope(ss) + ")"
}

// vwNone writes what the activity states it has none of, for a cell of
// the Template: word ("None") when it is stated for every data subject of
// the activity, word with the groups when only for some ("None (referees
// only)"), and "" when it is stated for none of them: a fact not recorded
// is left empty, never denied.
func vwNone(a *ropa.Activity, f ropa.Fact, word string) string {
	if len(a.DataSubjects) == 0 {
		if a.StatedNone(f) {
			return word
		}
		return ""
	}
	var groups, all []ropa.Subject
	for _, g := range a.DataSubjects {
		if slices.Contains(all, g) {
			continue
		}
		all = append(all, g)
		if a.Status(f, g) == ropa.StatedNone {
			groups = append(groups, g)
		}
	}
	switch len(groups) {
	case 0:
		return ""
	case len(all):
		return word
	}
	return vwScoped(word, groups)
}

// vwTransferCountry writes a transfer for column H: the country, the
// recipient and the data subjects whose data are transferred.
func vwTransferCountry(t *ropa.Transfer) string {
	var in []string
	if t.Recipient != "" {
		in = append(in, t.Recipient)
	}
	if sc := vwScope(t.Subjects); sc != "" {
		in = append(in, sc)
	}
	if len(in) == 0 {
		return t.Country
	}
	return t.Country + " (" + strings.Join(in, "; ") + ")"
}

// vwTransferSafeguard writes a transfer for column I: the mechanism with its
// citation and the safeguards recorded; "" when none is recorded.
func vwTransferSafeguard(t *ropa.Transfer, r lawfulbasis.Regime) string {
	var parts []string
	if t.Mechanism.Valid() {
		parts = append(parts, vwCite(t.Mechanism.Title(), t.Mechanism.Citation(r)))
	}
	if t.Certified {
		parts = append(parts, "recipient certified")
	}
	if t.Safeguards != "" {
		parts = append(parts, t.Safeguards)
	}
	if t.ProtectionTest != "" {
		parts = append(parts, "data protection test: "+t.ProtectionTest)
	}
	if !t.Since.IsZero() {
		parts = append(parts, "since "+t.Since.String())
	}
	if len(parts) == 0 {
		return ""
	}
	return t.Country + ": " + strings.Join(parts, "; ")
}

// vwCategoryTitles writes categories by title, or "All data" for none.
func vwCategoryTitles(cats []ropa.Category) string {
	if len(cats) == 0 {
		return "All data"
	}
	t := make([]string, len(cats))
	for i, c := range cats {
		t[i] = c.Title()
	}
	return strings.Join(t, ", ")
}

// vwRetentionText is what a retention rule says: the rule's sentence, the
// free-text schedule, or both.
func vwRetentionText(r *ropa.Retention) string {
	var parts []string
	if !r.Rule.IsZero() {
		if s := r.Rule.Sentence(); s != "" {
			parts = append(parts, s)
		} else {
			parts = append(parts, r.Rule.String())
		}
	}
	if r.Schedule != "" {
		parts = append(parts, r.Schedule)
	}
	return strings.Join(parts, "; ")
}

// vwBasisLines writes the distinct Art 6 bases of the purposes with their
// citations, and the Annex 1 condition for recognised legitimate
// interests. A basis relied on only by purposes scoped to some data
// subjects says whom: "Contract (UK GDPR Art 6(1)(b)) (job applicants
// only)".
func vwBasisLines(a *ropa.Activity, r lawfulbasis.Regime) []string {
	type line struct {
		text  string
		all   bool // some purpose with this basis concerns every group
		scope []ropa.Subject
	}
	var lines []line
	for i := range a.Purposes {
		p := &a.Purposes[i]
		if !p.Basis.Valid() {
			continue
		}
		s := vwCite(p.Basis.Title(), p.Basis.Citation(r))
		if p.Annex1.Valid() {
			s += ": " + vwCite(p.Annex1.Title(), p.Annex1.Citation(r))
		}
		j := slices.IndexFunc(lines, func(l line) bool { return l.text == s })
		if j < 0 {
			lines = append(lines, line{text: s})
			j = len(lines) - 1
		}
		l := &lines[j]
		if len(p.Subjects) == 0 {
			l.all, l.scope = true, nil
		}
		if l.all {
			continue
		}
		for _, g := range p.Subjects {
			if !slices.Contains(l.scope, g) {
				l.scope = append(l.scope, g)
			}
		}
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = l.text
		if !l.all && !vwCoversAll(a, l.scope) {
			out[i] = vwScoped(l.text, l.scope)
		}
	}
	return out
}

// vwCoversAll reports whether scope names every data subject of the
// activity.
func vwCoversAll(a *ropa.Activity, scope []ropa.Subject) bool {
	for _, g := range a.DataSubjects {
		if !slices.Contains(scope, g) {
			return false
		}
	}
	return true
}

// vwGroupRights returns the rights of the people an activity's facts
// concern when concerns says which facts those are: the rights the lawful
// bases of their purposes give (the ICO's table, through
// rights.For), the right to object to direct marketing for a
// direct-marketing purpose (rights.ForPurpose), and the rights about
// automated decisions where a solely automated decision with legal or
// similarly significant effects concerns them.
func vwGroupRights(a *ropa.Activity, reg lawfulbasis.Regime, at time.Time, concerns func(ropa.Subject, []ropa.Subject) bool, g ropa.Subject) []rights.Right {
	var bases []lawfulbasis.Basis
	marketing := false
	for i := range a.Purposes {
		p := &a.Purposes[i]
		if !concerns(g, p.Subjects) {
			continue
		}
		if p.Basis.Valid() && !slices.Contains(bases, p.Basis) {
			bases = append(bases, p.Basis)
		}
		marketing = marketing || p.DirectMarketing && slices.Contains(rights.ForPurpose(reg, at, p.Basis, true), rights.ObjectDirectMarketing)
	}
	got := rights.For(reg, at, bases...)
	if len(got) == 0 {
		return nil
	}
	if marketing && !slices.Contains(got, rights.ObjectDirectMarketing) {
		got = append(got, rights.ObjectDirectMarketing)
	}
	solely := slices.ContainsFunc(a.Automated, func(d ropa.Decision) bool { return d.Solely && d.Significant && concerns(g, d.Subjects) })
	if solely && !slices.Contains(got, rights.AutomatedDecisions) {
		got = append(got, rights.AutomatedDecisions)
	}
	slices.Sort(got)
	return got
}

// vwRights lists the rights available to the activity's data subjects
// (see vwGroupRights). A right that only some of them have says whom:
// "Right to object (referees only)".
func vwRights(a *ropa.Activity, reg lawfulbasis.Regime, at time.Time) string {
	var groups []ropa.Subject
	for _, g := range a.DataSubjects {
		if !slices.Contains(groups, g) {
			groups = append(groups, g)
		}
	}
	if len(groups) == 0 {
		// No data subjects to tell apart: every fact counts.
		all := func(ropa.Subject, []ropa.Subject) bool { return true }
		got := vwGroupRights(a, reg, at, all, "")
		t := make([]string, len(got))
		for i, r := range got {
			t[i] = r.Title()
		}
		return strings.Join(t, "\n")
	}
	in := func(g ropa.Subject, scope []ropa.Subject) bool { return len(scope) == 0 || slices.Contains(scope, g) }
	var order []rights.Right
	whose := map[rights.Right][]ropa.Subject{}
	for _, g := range groups {
		for _, r := range vwGroupRights(a, reg, at, in, g) {
			if _, ok := whose[r]; !ok {
				order = append(order, r)
			}
			whose[r] = append(whose[r], g)
		}
	}
	slices.Sort(order)
	t := make([]string, len(order))
	for i, r := range order {
		t[i] = r.Title()
		if len(whose[r]) < len(groups) {
			t[i] = vwScoped(t[i], whose[r])
		}
	}
	return strings.Join(t, "\n")
}

// vwDecisionLines describes one automated decision for column Q.
func vwDecisionLines(m *ropa.Decision) []string {
	var lines []string
	if m.Description != "" {
		lines = append(lines, m.Description)
	}
	switch {
	case m.Solely && m.Significant:
		lines = append(lines, "Solely automated decisions with legal or similarly significant effects")
	case m.Solely:
		lines = append(lines, "Solely automated decisions")
	case m.Significant:
		lines = append(lines, "Decisions with legal or similarly significant effects")
	}
	if m.Profiling {
		lines = append(lines, "Profiling")
	}
	if m.Logic != "" {
		lines = append(lines, "Logic: "+m.Logic)
	}
	if m.Consequences != "" {
		lines = append(lines, "Consequences: "+m.Consequences)
	}
	if m.Ground != "" {
		lines = append(lines, "Ground: "+vwWord(vwGrounds, m.Ground))
	}
	if len(m.Safeguards) > 0 {
		s := make([]string, len(m.Safeguards))
		for i, g := range m.Safeguards {
			s[i] = vwWord(vwSafeguards, g)
		}
		lines = append(lines, "Safeguards: "+strings.Join(s, ", "))
	}
	if len(lines) == 0 {
		lines = append(lines, "Automated decision")
	}
	lines[0] = vwScoped(lines[0], m.Subjects)
	return lines
}

// vwAutomated describes the activity's automated decisions for column Q,
// a blank line between two, and says "None" where the register states
// there are none: empty when it records nothing either way.
func vwAutomated(a *ropa.Activity) string {
	var blocks []string
	for i := range a.Automated {
		blocks = append(blocks, strings.Join(vwDecisionLines(&a.Automated[i]), "\n"))
	}
	// A decision listed but neither solely automated nor profiling does
	// not count against a statement of none (ropa.Activity.Status), so
	// where one concerns a group stated to have none, the statement says
	// what it denies.
	word := "None"
	for i := range a.Automated {
		d := &a.Automated[i]
		if len(a.DataSubjects) == 0 || slices.ContainsFunc(a.DataSubjects, func(g ropa.Subject) bool {
			return d.Concerns(g) && a.Status(ropa.FactAutomated, g) == ropa.StatedNone
		}) {
			word = "No solely automated decisions or profiling"
			break
		}
	}
	if n := vwNone(a, ropa.FactAutomated, word); n != "" {
		blocks = append(blocks, n)
	}
	return strings.Join(blocks, "\n\n")
}

// vwNeedsPolicyDocument reports whether the activity relies on a Schedule 1
// condition that needs an appropriate policy document, so that columns
// Z-AD apply to it.
func vwNeedsPolicyDocument(a *ropa.Activity) bool {
	return slices.ContainsFunc(a.Special.Schedule1, lawfulbasis.Schedule1.NeedsPolicyDocument) ||
		slices.ContainsFunc(a.Criminal.Schedule1, lawfulbasis.Schedule1.NeedsPolicyDocument)
}

// vwTemplateRow fills the controller columns for one activity.
func vwTemplateRow(c *vwCtx, a *ropa.Activity, row []string) {
	reg := c.reg
	jur := reg.Jurisdiction

	row[tpl.ColBusinessFunction] = a.BusinessFunction

	l := make([]string, 0, 8)
	for i := range a.Purposes {
		l = append(l, vwScoped(a.Purposes[i].Description, a.Purposes[i].Subjects))
	}
	row[tpl.ColPurpose] = wbJoinLines(l)

	l = l[:0]
	for _, name := range a.JointControllers {
		s := name
		for i := range reg.JointControllers {
			if jc := &reg.JointControllers[i]; jc.Name == name && jc.Contact != "" {
				s += " (" + jc.Contact + ")"
				break
			}
		}
		l = append(l, s)
	}
	row[tpl.ColJointController] = wbJoinLines(l)

	l = l[:0]
	for _, s := range a.DataSubjects {
		l = append(l, s.Title())
	}
	row[tpl.ColIndividuals] = wbJoinLines(l)

	l = l[:0]
	for _, c := range a.DataCategories {
		l = append(l, vwScoped(c.Category.Title(), c.Subjects))
	}
	row[tpl.ColPersonalData] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Recipients {
		r := &a.Recipients[i]
		s := r.Name + " (" + vwWord(vwRecipientKinds, r.Kind)
		if r.Country != "" {
			s += ", " + r.Country
		}
		if sc := vwScope(r.Subjects); sc != "" {
			s += "; " + sc
		}
		l = append(l, s+")")
	}
	l = append(l, vwNone(a, ropa.FactRecipients, "None outside the organisation"))
	row[tpl.ColRecipients] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Recipients {
		if r := &a.Recipients[i]; r.Contract != "" {
			l = append(l, r.Name+": "+r.Contract)
		}
	}
	row[tpl.ColProcessorContract] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Transfers {
		l = append(l, vwTransferCountry(&a.Transfers[i]))
	}
	l = append(l, vwNone(a, ropa.FactTransfers, "None"))
	row[tpl.ColThirdCountries] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Transfers {
		l = append(l, vwTransferSafeguard(&a.Transfers[i], jur))
	}
	row[tpl.ColSafeguards] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Retention {
		r := &a.Retention[i]
		s := vwScoped(vwCategoryTitles(r.Categories), r.Subjects) + ": " + vwRetentionText(r)
		if !r.Minimum.IsZero() {
			s += " (minimum " + r.Minimum.Sentence()
			if r.MinimumSource != "" {
				s += ", " + r.MinimumSource
			}
			s += ")"
		}
		l = append(l, s)
	}
	row[tpl.ColRetention] = wbJoinLines(l)

	row[tpl.ColSecurity] = wbJoinLines(a.Security)
	basisLines := vwBasisLines(a, jur)
	row[tpl.ColArticle6] = strings.Join(basisLines, "\n")

	l = l[:0]
	for _, cond := range a.Special.Conditions {
		l = append(l, vwCite(cond.Title(), cond.Citation(jur)))
	}
	row[tpl.ColArticle9] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Purposes {
		if p := &a.Purposes[i]; p.Interest != "" {
			l = append(l, vwScoped(p.Interest, p.Subjects))
		}
	}
	row[tpl.ColLegitimateInterests] = wbJoinLines(l)

	l = l[:0]
	for i := range a.Purposes {
		if p := &a.Purposes[i]; p.Assessment != "" && !slices.Contains(l, p.Assessment) {
			l = append(l, p.Assessment)
		}
	}
	row[tpl.ColLIA] = wbJoinLines(l)

	row[tpl.ColRights] = vwRights(a, jur, c.asOf)
	row[tpl.ColAutomated] = vwAutomated(a)

	l = l[:0]
	for i := range a.Sources {
		s := &a.Sources[i]
		t := vwWord(vwSourceKinds, s.Kind)
		if s.Name != "" {
			t += ": " + s.Name
		}
		l = append(l, vwScoped(t, s.Subjects))
	}
	l = append(l, vwNone(a, ropa.FactOtherSources, "None other than the individual"))
	row[tpl.ColSource] = wbJoinLines(l)

	row[tpl.ColConsentRecord] = a.ConsentRecord
	row[tpl.ColLocation] = wbJoinLines(append(slices.Clip(a.Systems), a.Locations...))
	row[tpl.ColDPIARequired] = vwYesNo(a.DPIA.Required)
	row[tpl.ColDPIAProgress] = vwWord(vwDPIAStatuses, a.DPIA.Status)
	if a.DPIA.Status == "" {
		row[tpl.ColDPIAProgress] = ""
	}
	row[tpl.ColDPIALink] = a.DPIA.Reference
	row[tpl.ColBreach] = vwYesNo(a.Breach.Occurred)
	row[tpl.ColBreachLink] = a.Breach.Reference

	if vwNeedsPolicyDocument(a) {
		l = l[:0]
		for _, s := range slices.Concat(a.Special.Schedule1, a.Criminal.Schedule1) {
			if t := vwCite(s.Title(), s.Citation(jur)); !slices.Contains(l, t) {
				l = append(l, t)
			}
		}
		row[tpl.ColSch1Condition] = wbJoinLines(l)
		row[tpl.ColSch1Article6] = a.PolicyDocument.Article6
		if row[tpl.ColSch1Article6] == "" {
			row[tpl.ColSch1Article6] = row[tpl.ColArticle6]
		}
		row[tpl.ColPolicyDocument] = a.PolicyDocument.Reference
		row[tpl.ColFollowsPolicy] = vwYesNo(a.PolicyDocument.FollowsPolicy)
		row[tpl.ColPolicyReasons] = a.PolicyDocument.Reason
	}
	row[tpl.NumColumns] = a.ID
}

// ---- processor record ----

// vwProcessorLabel is the label that links a processor record's rows on the
// data sheets: "processor-record-1" for the first.
func vwProcessorLabel(i int) string { return "processor-record-" + strconv.Itoa(i+1) }

func vwProcessor(c *vwCtx, emit vwEmit) error {
	p := c.profile
	if err := vwContactBlock(c, emit); err != nil {
		return err
	}
	if err := vwHeadings(p, p.Processor, emit, vwRecordHeading); err != nil {
		return err
	}
	jur := c.reg.Jurisdiction
	row := make([]string, len(p.Processor)+1)
	for i := range c.reg.ProcessorRecords {
		pr := &c.reg.ProcessorRecords[i]
		clear(row)
		row[0] = pr.Controller
		row[1] = pr.Representative
		row[2] = wbJoinLines(pr.Processing)
		var countries, safeguards []string
		for j := range pr.Transfers {
			countries = append(countries, vwTransferCountry(&pr.Transfers[j]))
			safeguards = append(safeguards, vwTransferSafeguard(&pr.Transfers[j], jur))
		}
		row[3] = wbJoinLines(countries)
		row[4] = wbJoinLines(safeguards)
		row[5] = wbJoinLines(pr.Security)
		row[len(row)-1] = vwProcessorLabel(i)
		if err := vwTextRow(emit, p.HeadingRow+1+i, row, nil); err != nil {
			return err
		}
	}
	return nil
}

// ---- Retention ----

var vwRetentionHeadings = []string{"Activity ID", "Activity", "Category", "Data subjects", "Rule", "What the notice says", "Minimum", "Minimum source"}

// vwIntersect returns the data subjects two scopes both concern (an empty
// scope concerns all of them), and false when they share none.
func vwIntersect(x, y []ropa.Subject) ([]ropa.Subject, bool) {
	switch {
	case len(x) == 0:
		return y, true
	case len(y) == 0:
		return x, true
	}
	var out []ropa.Subject
	for _, g := range x {
		if slices.Contains(y, g) && !slices.Contains(out, g) {
			out = append(out, g)
		}
	}
	return out, len(out) > 0
}

// vwRetention lists, for each activity, each data category with each
// retention rule that covers it: a row per category and rule, saying whose
// data the row is about (the data subjects both the category and the rule
// concern), and a row without a rule for a category no rule covers.
func vwRetention(c *vwCtx, emit vwEmit) error {
	if err := emit(1, slices.Clone(vwRetentionHeadings), []vwStyle{vsHeader}); err != nil {
		return err
	}
	row := 2
	cells := make([]string, len(vwRetentionHeadings))
	put := func(a *ropa.Activity, cat string, scope []ropa.Subject, r *ropa.Retention) error {
		clear(cells)
		cells[0], cells[1], cells[2] = a.ID, a.Name, cat
		if len(scope) == 0 {
			scope = a.DataSubjects
		}
		var who []string
		for _, g := range scope {
			if t := g.Title(); !slices.Contains(who, t) {
				who = append(who, t)
			}
		}
		cells[3] = wbJoinLines(who)
		if r != nil {
			cells[4] = r.Rule.String()
			cells[5] = vwRetentionText(r)
			if !r.Minimum.IsZero() {
				cells[6] = r.Minimum.String()
			}
			cells[7] = r.MinimumSource
		}
		err := vwTextRow(emit, row, cells, nil)
		row++
		return err
	}
	for i := range c.reg.Activities {
		a := &c.reg.Activities[i]
		// The activity's categories, then those only a retention rule names.
		cats := slices.Clip(a.DataCategories)
		for j := range a.Retention {
			for _, cat := range a.Retention[j].Categories {
				if !slices.ContainsFunc(cats, func(d ropa.DataCategory) bool { return d.Category == cat }) {
					cats = append(cats, ropa.Cat(cat))
				}
			}
		}
		if len(cats) == 0 {
			if len(a.Retention) == 0 {
				if err := put(a, "", nil, nil); err != nil {
					return err
				}
			}
			for j := range a.Retention {
				r := &a.Retention[j]
				if err := put(a, vwCategoryTitles(r.Categories), r.Subjects, r); err != nil {
					return err
				}
			}
			continue
		}
		for _, cat := range cats {
			found := false
			for j := range a.Retention {
				r := &a.Retention[j]
				if len(r.Categories) > 0 && !slices.Contains(r.Categories, cat.Category) {
					continue
				}
				scope, ok := vwIntersect(cat.Subjects, r.Subjects)
				if !ok {
					continue
				}
				found = true
				if err := put(a, cat.Category.Title(), scope, r); err != nil {
					return err
				}
			}
			if !found {
				if err := put(a, cat.Category.Title(), cat.Subjects, nil); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// ---- Findings ----

var vwFindingHeadings = []string{"Severity", "Rule", "Citation", "Where", "Activity", "Message"}

func vwFindings(c *vwCtx, emit vwEmit) error {
	if err := emit(1, slices.Clone(vwFindingHeadings), []vwStyle{vsHeader}); err != nil {
		return err
	}
	cells := make([]string, len(vwFindingHeadings))
	st := make([]vwStyle, 1)
	for i, f := range c.report.Findings {
		cells[0], cells[1], cells[2], cells[3], cells[4], cells[5] = f.Severity.String(), f.Rule, f.Citation, f.Path, f.Activity, f.Message
		switch f.Severity {
		case ropa.Error:
			st[0] = vsError
		case ropa.Warning:
			st[0] = vsWarning
		default:
			st[0] = vsInfo
		}
		if err := vwTextRow(emit, i+2, cells, st); err != nil {
			return err
		}
	}
	return nil
}

// ---- Reference ----

func vwReferenceHeadings(at time.Time) []string {
	return []string{"Kind", "Slug", "Title", "Citation", "Available on " + at.Format(time.DateOnly)}
}

func vwReference(c *vwCtx, emit vwEmit) error {
	if err := emit(1, vwReferenceHeadings(c.asOf), []vwStyle{vsHeader}); err != nil {
		return err
	}
	r, at := c.reg.Jurisdiction, c.asOf
	row := 2
	cells := make([]string, 5)
	put := func(kind, slug, title, cite string, ok bool) error {
		cells[0], cells[1], cells[2], cells[3], cells[4] = kind, slug, title, cite, "no"
		if ok {
			cells[4] = "yes"
		}
		err := emit(row, cells, nil)
		row++
		return err
	}
	for _, v := range lawfulbasis.Bases() {
		if err := put("Lawful basis (Art 6(1))", v.String(), v.Title(), v.Citation(r), v.Available(r, at)); err != nil {
			return err
		}
	}
	for _, v := range lawfulbasis.Annex1s() {
		if err := put("Recognised legitimate interest (Annex 1)", v.String(), v.Title(), v.Citation(r), v.Available(r, at)); err != nil {
			return err
		}
	}
	for _, v := range lawfulbasis.Conditions() {
		if err := put("Special category condition (Art 9(2))", v.String(), v.Title(), v.Citation(r), v.Available(r, at)); err != nil {
			return err
		}
	}
	for _, v := range lawfulbasis.Schedule1s() {
		if err := put("DPA 2018 Schedule 1 condition", v.String(), v.Title(), v.Citation(r), v.Available(r, at)); err != nil {
			return err
		}
	}
	for _, v := range lawfulbasis.Mechanisms() {
		if err := put("Transfer mechanism (Chapter V)", v.String(), v.Title(), v.Citation(r), v.Available(r, at)); err != nil {
			return err
		}
	}
	return nil
}

// ---- Lists (hidden) ----

// vwList is a drop-down list: the values of a Go enumeration, and the
// defined name the data validations refer to.
type vwList struct {
	key    string
	values []string
}

// vwDefinedName is the workbook name of list key's range.
func vwDefinedName(key string) string { return "List_" + key }

func vwSlugs[T interface{ String() string }](all []T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = v.String()
	}
	return out
}

func vwStrings[T ~string](all ...T) []string {
	out := make([]string, len(all))
	for i, v := range all {
		out[i] = string(v)
	}
	return out
}

// vwAuthorityCodes are the codes of the supervisory authorities the
// authority package knows.
func vwAuthorityCodes() []string { return authority.Codes() }

// vwLists are the drop-down lists, generated from the enumerations.
var vwLists = sync.OnceValue(func() []vwList {
	triggers := retention.Triggers()
	return []vwList{
		{"regimes", vwSlugs(lawfulbasis.Regimes())},
		{"bases", vwSlugs(lawfulbasis.Bases())},
		{"annex1", vwSlugs(lawfulbasis.Annex1s())},
		{"conditions", vwSlugs(lawfulbasis.Conditions())},
		{"schedule1", vwSlugs(lawfulbasis.Schedule1s())},
		{"mechanisms", vwSlugs(lawfulbasis.Mechanisms())},
		{"yesNo", []string{"yes", "no"}},
		{"headcount", vwStrings(ropa.Under250, ropa.From250)},
		{"recipientKinds", vwStrings(ropa.Internal, ropa.Processor, ropa.ThirdParty, ropa.JointRecipient, ropa.Authority)},
		{"sourceKinds", vwStrings(ropa.FromSubject, ropa.Observed, ropa.FromThirdParty, ropa.FromPublic)},
		{"requirements", vwStrings(ropa.Statutory, ropa.Contractual, ropa.PreContract, ropa.Voluntary)},
		{"dpiaStatuses", vwStrings(ropa.NotStarted, ropa.InProgress, ropa.Complete)},
		{"decisionGrounds", vwStrings(ropa.ContractNecessity, ropa.AuthorisedByLaw, ropa.ExplicitConsent)},
		{"decisionSafeguards", vwStrings(ropa.DecisionSafeguards()...)},
		{"dataSubjects", vwStrings(ropa.Subjects()...)},
		{"dataCategories", vwStrings(ropa.Categories()...)},
		{"retentionTriggers", vwStrings(triggers...)},
		{"facts", vwStrings(ropa.Facts()...)},
		{"screeningCriteria", vwStrings(ropa.Criteria()...)},
		{"consentGivers", vwStrings(ropa.ConsentBySubject, ropa.ConsentByParent)},
		{"authorities", vwAuthorityCodes()},
	}
})

// vwListCol is the first column of the lists on the Lists sheet: columns A
// and B hold the workbook's settings, C is blank.
const vwListCol = 4

// vwListRange returns the absolute range of list i on the Lists sheet.
func vwListRange(i int, l vwList) string {
	col := wbColName(vwListCol + i)
	return "'" + snLists + "'!$" + col + "$2:$" + col + "$" + strconv.Itoa(len(l.values)+1)
}

// vwSettings are the workbook's settings recorded on the Lists sheet: what
// the reader needs to regenerate the views.
func vwSettings(c *vwCtx) [][2]string {
	checks := "default"
	if c.customChecks {
		checks = "custom"
	}
	out := [][2]string{
		{"format", wbFormat},
		{"profile", c.profile.Name},
		{"asOf", c.asOf.Format(time.DateOnly)},
		{"checks", checks},
	}
	for _, v := range vwViews(c.profile) {
		if d, ok := c.digests[digestKey(v.name)]; ok {
			out = append(out, [2]string{digestKey(v.name), d})
		}
	}
	return append(out, c.rowDigests...)
}

func vwListsSheet(c *vwCtx, emit vwEmit) error {
	lists := vwLists()
	settings := vwSettings(c)
	n := vwListCol - 1 + len(lists)
	head := make([]string, n)
	head[0], head[1] = "setting", "value"
	for i, l := range lists {
		head[vwListCol-1+i] = l.key
	}
	if err := emit(1, head, []vwStyle{vsHeader}); err != nil {
		return err
	}
	rows := len(settings)
	for _, l := range lists {
		rows = max(rows, len(l.values))
	}
	cells := make([]string, n)
	for r := range rows {
		clear(cells)
		if r < len(settings) {
			cells[0], cells[1] = settings[r][0], settings[r][1]
		}
		for i, l := range lists {
			if r < len(l.values) {
				cells[vwListCol-1+i] = l.values[r]
			}
		}
		if err := emit(r+2, cells, nil); err != nil {
			return err
		}
	}
	return nil
}
