package xlsx

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/ropa"
)

// Edits a person makes to the workbook, and how the reader takes them.
//
// The data sheets hold the register; the views are generated from them.
// Write records a fingerprint of what it wrote: one for each view sheet
// (on the Lists sheet), one for the Template's contact block and headings,
// and one for each of the Template's rows (on the Lists sheet too, by
// activity ID). The reader compares the file with those fingerprints and with
// the views generated again from the data sheets it read, so that it knows
// which side a person changed:
//
//   - a view nobody touched is generated again from the data sheets,
//     whatever they now say (a renamed activity renames itself on the
//     Retention sheet, the counts and findings are recounted);
//   - a Template row edited where the data sheets were not is read: its
//     editable cells (tplEditable) become the register's, its other cells
//     are reported as not read;
//   - a Template row edited where the data sheets were edited too: the data
//     sheets win, because they hold each fact whole (a purpose's lawful
//     basis, the data subjects each record concerns), and every Template
//     cell of the row that differs is reported as not read;
//   - any other view cell that differs from the generated view is reported
//     as not read.
//
// Reports of cells not read wrap ErrViewEdited and do not stop the read.

// vwDigest is a fingerprint of cells, by row and column.
type vwDigest struct{ h uint64 }

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newDigest() *vwDigest { return &vwDigest{h: fnvOffset} }

func (d *vwDigest) byte(b byte) { d.h = (d.h ^ uint64(b)) * fnvPrime }

func (d *vwDigest) str(s string) {
	for i := 0; i < len(s); i++ {
		d.byte(s[i])
	}
	d.byte(0)
}

func (d *vwDigest) int(n int) {
	for ; n > 0; n >>= 8 {
		d.byte(byte(n))
	}
	d.byte(0xFF)
}

// row adds the non-empty cells of a row, with their positions.
func (d *vwDigest) row(row int, cells []string) {
	for i, c := range cells {
		if c != "" {
			d.int(row)
			d.int(i)
			d.str(c)
		}
	}
}

func (d *vwDigest) sum() string {
	const hex = "0123456789abcdef"
	var b [16]byte
	for i := range b {
		b[i] = hex[d.h>>(60-4*i)&0xF]
	}
	return string(b[:])
}

// vwRowDigest is the fingerprint of one Template row's ICO columns.
func vwRowDigest(cells []string) string {
	d := newDigest()
	d.row(0, cells)
	return d.sum()
}

// digestKey is the Lists sheet setting holding the fingerprint of a view
// sheet; for the controller sheet, of its rows above the data.
func digestKey(sheet string) string { return "written:" + sheet }

// rowDigestKey is the Lists sheet setting holding the fingerprint of the
// Template row of the activity with the given ID. (The fingerprints are
// kept there, not in a column of the Template, so that the Template has
// the ICO's columns and the activity ID alone.)
func rowDigestKey(id string) string { return "row:" + id }

// ---- reading the Template ----

// tplEdit reads an edited Template cell into an activity: old is the text
// generated from the data sheets, text the cell's.
type tplEdit func(c *vwCtx, a *ropa.Activity, old, text string) error

// tplEditable are the Template columns whose edits are read, each with the
// field it sets. The others are generated from several fields, or from
// the law, and are reported as not read when edited (tplSource says where
// to edit them).
var tplEditable = map[int]tplEdit{
	tpl.ColBusinessFunction: func(_ *vwCtx, a *ropa.Activity, _, text string) error {
		a.BusinessFunction = text
		return nil
	},
	tpl.ColPurpose:        tplPurposes,
	tpl.ColIndividuals:    tplSubjects,
	tpl.ColPersonalData:   tplCategories,
	tpl.ColRecipients:     tplRecipients,
	tpl.ColRetention:      tplRetention,
	tpl.ColSecurity:       func(_ *vwCtx, a *ropa.Activity, _, text string) error { a.Security = tplLines(text); return nil },
	tpl.ColConsentRecord:  func(_ *vwCtx, a *ropa.Activity, _, text string) error { a.ConsentRecord = text; return nil },
	tpl.ColLocation:       tplLocations,
	tpl.ColDPIARequired:   func(_ *vwCtx, a *ropa.Activity, _, text string) error { return tplAnswer(&a.DPIA.Required, text) },
	tpl.ColDPIAProgress:   tplDPIAStatus,
	tpl.ColDPIALink:       func(_ *vwCtx, a *ropa.Activity, _, text string) error { a.DPIA.Reference = text; return nil },
	tpl.ColBreach:         func(_ *vwCtx, a *ropa.Activity, _, text string) error { return tplAnswer(&a.Breach.Occurred, text) },
	tpl.ColBreachLink:     func(_ *vwCtx, a *ropa.Activity, _, text string) error { a.Breach.Reference = text; return nil },
	tpl.ColPolicyDocument: tplPolicy(func(a *ropa.Activity) *string { return &a.PolicyDocument.Reference }),
	tpl.ColPolicyReasons:  tplPolicy(func(a *ropa.Activity) *string { return &a.PolicyDocument.Reason }),
	tpl.ColFollowsPolicy: func(_ *vwCtx, a *ropa.Activity, _, text string) error {
		if !vwNeedsPolicyDocument(a) {
			return errNoPolicyDocument
		}
		return tplAnswer(&a.PolicyDocument.FollowsPolicy, text)
	},
}

// tplSource says where the fact of a Template column that is not read is
// edited.
var tplSource = map[int]string{
	tpl.ColJointController:     "the Joint controllers sheet and the jointControllers entries of the Text lists sheet",
	tpl.ColProcessorContract:   "the contract column of the Recipients sheet",
	tpl.ColThirdCountries:      "the Transfers sheet",
	tpl.ColSafeguards:          "the Transfers sheet",
	tpl.ColArticle6:            "the basis column of the Purposes sheet",
	tpl.ColArticle9:            "the special conditions column of the Activities sheet",
	tpl.ColLegitimateInterests: "the interest column of the Purposes sheet",
	tpl.ColLIA:                 "the assessment column of the Purposes sheet",
	tpl.ColRights:              "the lawful bases on the Purposes sheet: the rights follow from them",
	tpl.ColAutomated:           "the Automated decisions sheet",
	tpl.ColSource:              "the Sources sheet",
	tpl.ColSch1Condition:       "the Schedule 1 columns of the Activities sheet",
	tpl.ColSch1Article6:        "the policy document columns of the Activities sheet",
}

var errNoPolicyDocument = errors.New("columns Z to AD apply only to an activity relying on a Schedule 1 condition that needs an appropriate policy document; record the condition on the Activities sheet first")

func tplPolicy(p func(*ropa.Activity) *string) tplEdit {
	return func(_ *vwCtx, a *ropa.Activity, _, text string) error {
		if !vwNeedsPolicyDocument(a) {
			return errNoPolicyDocument
		}
		*p(a) = text
		return nil
	}
}

// tplLines splits a cell into its non-empty lines, trimmed.
func tplLines(s string) []string {
	var out []string
	for line := range strings.SplitSeq(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func tplAnswer(p *ropa.Answer, text string) error {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "":
		*p = ""
	case "yes", "y", "true":
		*p = ropa.Yes
	case "no", "n", "false":
		*p = ropa.No
	default:
		return fmt.Errorf("%q is neither Yes nor No", text)
	}
	return nil
}

func tplDPIAStatus(_ *vwCtx, a *ropa.Activity, _, text string) error {
	t := strings.TrimSpace(text)
	if t == "" {
		a.DPIA.Status = ""
		return nil
	}
	for k, v := range vwDPIAStatuses {
		if strings.EqualFold(t, v) || strings.EqualFold(t, string(k)) {
			a.DPIA.Status = k
			return nil
		}
	}
	return fmt.Errorf("%q is not a DPIA progress: write Not started, In progress or Complete", text)
}

// tplSameCount reports an edit that adds or removes lines of a column whose
// lines stand for records of a data sheet.
func tplSameCount(got, want int, what, sheet string) error {
	if got == want {
		return nil
	}
	return fmt.Errorf("has %d lines where the register has %d %s: add or remove %s on the %s sheet, which records each whole; here, edit the lines' text",
		got, want, what, what, sheet)
}

// tplPurposes reads column B: a line per purpose, in order; an edited line
// is the purpose's new description (the groups it concerns, if shown, are
// kept).
func tplPurposes(_ *vwCtx, a *ropa.Activity, _, text string) error {
	lines := tplLines(text)
	if err := tplSameCount(len(lines), len(a.Purposes), "purposes", snPurposes); err != nil {
		return err
	}
	for i, line := range lines {
		p := &a.Purposes[i]
		if line == vwScoped(p.Description, p.Subjects) {
			continue
		}
		if sc := vwScope(p.Subjects); sc != "" {
			line = strings.TrimSuffix(line, " ("+sc+")")
		}
		p.Description = line
	}
	return nil
}

// tplSubjects reads column D: the categories of individuals, a line each,
// by title or slug.
func tplSubjects(_ *vwCtx, a *ropa.Activity, _, text string) error {
	var out []ropa.Subject
	for _, line := range tplLines(text) {
		if i := slices.IndexFunc(a.DataSubjects, func(s ropa.Subject) bool { return s.Title() == line }); i >= 0 {
			out = append(out, a.DataSubjects[i])
			continue
		}
		s, err := ropa.ParseSubject(line)
		if err != nil {
			return err
		}
		out = append(out, s)
	}
	a.DataSubjects = out
	return nil
}

// tplCategories reads column E: the categories of personal data, a line
// each, by title or slug; a line as it was written keeps its category with
// the data subjects it concerns, a new line concerns them all.
func tplCategories(_ *vwCtx, a *ropa.Activity, _, text string) error {
	var out []ropa.DataCategory
	for _, line := range tplLines(text) {
		if i := slices.IndexFunc(a.DataCategories, func(c ropa.DataCategory) bool { return vwScoped(c.Category.Title(), c.Subjects) == line }); i >= 0 {
			out = append(out, a.DataCategories[i])
			continue
		}
		c, err := ropa.ParseCategory(line)
		if err != nil {
			return err
		}
		out = append(out, ropa.Cat(c))
	}
	a.DataCategories = out
	return nil
}

// tplRecipientLine is how column F writes a recipient: its name, then its
// kind, country and groups in brackets.
func tplRecipientLine(r *ropa.Recipient) (name, rest string) {
	s := " (" + vwWord(vwRecipientKinds, r.Kind)
	if r.Country != "" {
		s += ", " + r.Country
	}
	if sc := vwScope(r.Subjects); sc != "" {
		s += "; " + sc
	}
	return r.Name, s + ")"
}

// tplRecipients reads column F: a line per recipient, in order, then the
// statement of none; an edited line renames its recipient (its kind,
// country and groups are edited on the Recipients sheet).
func tplRecipients(_ *vwCtx, a *ropa.Activity, _, text string) error {
	lines := tplLines(text)
	none := vwNone(a, ropa.FactRecipients, "None outside the organisation")
	if none != "" && len(lines) > 0 && lines[len(lines)-1] == none {
		lines = lines[:len(lines)-1]
	}
	if err := tplSameCount(len(lines), len(a.Recipients), "recipients", snRecipients); err != nil {
		return err
	}
	for i, line := range lines {
		r := &a.Recipients[i]
		name, rest := tplRecipientLine(r)
		if line == name+rest {
			continue
		}
		n, ok := strings.CutSuffix(line, rest)
		if !ok {
			return fmt.Errorf("line %d, %q: edit the recipient's name before %q; its kind, country and groups are edited on the %s sheet", i+1, line, rest, snRecipients)
		}
		r.Name = strings.TrimSpace(n)
	}
	return nil
}

// tplRetention reads column J: a line per retention rule, in order,
// "categories: what the rule says"; the text after the rule's own sentence
// is the rule's schedule, the free text of the register.
func tplRetention(_ *vwCtx, a *ropa.Activity, _, text string) error {
	lines := tplLines(text)
	if err := tplSameCount(len(lines), len(a.Retention), "retention rules", snRetentionRules); err != nil {
		return err
	}
	for i, line := range lines {
		r := &a.Retention[i]
		prefix := vwScoped(vwCategoryTitles(r.Categories), r.Subjects) + ": "
		suffix := ""
		if !r.Minimum.IsZero() {
			suffix = " (minimum " + r.Minimum.Sentence()
			if r.MinimumSource != "" {
				suffix += ", " + r.MinimumSource
			}
			suffix += ")"
		}
		body, ok := strings.CutPrefix(line, prefix)
		if ok {
			body, ok = strings.CutSuffix(body, suffix)
		}
		if !ok {
			return fmt.Errorf("line %d, %q: edit the text after %q; the categories, groups and minimum are edited on the %s sheet", i+1, line, prefix, snRetentionRules)
		}
		if body == vwRetentionText(r) {
			continue
		}
		if r.Rule.IsZero() {
			r.Schedule = strings.TrimSpace(body)
			continue
		}
		sentence := r.Rule.Sentence()
		if sentence == "" {
			sentence = r.Rule.String()
		}
		switch rest, ok := strings.CutPrefix(body, sentence); {
		case ok && rest == "":
			r.Schedule = ""
		case ok && strings.HasPrefix(rest, "; "):
			r.Schedule = strings.TrimSpace(rest[2:])
		default:
			return fmt.Errorf("line %d: the rule %q is edited on the %s sheet (its rule column); here, edit the text after %q", i+1, r.Rule.String(), snRetentionRules, sentence+"; ")
		}
	}
	return nil
}

// tplLocations reads column T: the systems, then the locations, a line
// each.
func tplLocations(_ *vwCtx, a *ropa.Activity, _, text string) error {
	lines := tplLines(text)
	if err := tplSameCount(len(lines), len(a.Systems)+len(a.Locations), "systems and locations", snTextLists); err != nil {
		return err
	}
	n := len(a.Systems)
	a.Systems = slices.Clone(lines[:n])
	a.Locations = slices.Clone(lines[n:])
	if len(a.Systems) == 0 {
		a.Systems = nil
	}
	if len(a.Locations) == 0 {
		a.Locations = nil
	}
	return nil
}

// tplNotRead is the report of a Template cell that differs from the
// register and is not read.
type tplNotRead struct {
	file, want, why string
}

func (e *tplNotRead) Error() string {
	return fmt.Sprintf("not read (%s in the file, %s from the data sheets): %s", book.Quote(e.file), book.Quote(e.want), e.why)
}

func (e *tplNotRead) Is(target error) bool { return target == ErrViewEdited }

// tplColumnName names a Template column for a message: "column L (Article
// 6 lawful basis for processing personal data)".
func tplColumnName(p vwLayout, col int) string {
	name := "column " + wbColName(col+1)
	if col < len(p.Controller) {
		name += " (" + p.Controller[col].Heading + ")"
	}
	return name
}

// template reads the controller sheet: the edits made on it that can be
// read are applied to the register read from the data sheets; the rest
// are reported as not read.
func (rd *rdReader) template(c *vwCtx) {
	p := c.profile
	sheet := p.ControllerSheet
	rows, err := rd.rows(sheet)
	if err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
		return
	}
	defer rows.Close()
	found := rd.found[sheet]

	// The rows above the data: the contact block and the headings.
	var head [][]string
	gen := map[int][]string{}
	_ = vwContactBlock(c, func(row int, cells []string, _ []vwStyle) error { gen[row] = slices.Clone(cells); return nil })
	_ = vwHeadings(p, p.Controller, func(row int, cells []string, _ []vwStyle) error { gen[row] = slices.Clone(cells); return nil },
		vwActivityIDHeading)
	genHead := newDigest()
	for r := 1; r <= p.HeadingRow; r++ {
		genHead.row(r, gen[r])
	}

	row := 0
	seen := map[string]int{}
	var body []struct {
		row   int
		cells []string
	}
	for rows.Next() {
		row++
		cells, err := rows.Columns(rdRawCells)
		if err != nil {
			rd.fail(sheet, wbCellRef(1, row), "", fmt.Errorf("cannot read the row: %v", err))
			return
		}
		for i := range cells {
			if _, ok := found[[2]int{row, i + 1}]; ok {
				cells[i] = ""
			}
		}
		if row <= p.HeadingRow {
			head = append(head, cells)
			continue
		}
		body = append(body, struct {
			row   int
			cells []string
		}{row, cells})
	}
	if err := rows.Error(); err != nil {
		rd.fail(sheet, "", "", fmt.Errorf("cannot read the sheet: %v", err))
	}

	// The contact block: its values are read where the Organisation sheet
	// was not edited.
	fileHead := newDigest()
	for i, cells := range head {
		fileHead.row(i+1, cells)
	}
	stored, known := rd.digests[digestKey(sheet)]
	if !known || fileHead.sum() != stored {
		dataEdited := !known || genHead.sum() != stored
		for r := 1; r <= p.HeadingRow; r++ {
			var file []string
			if r-1 < len(head) {
				file = head[r-1]
			}
			want := gen[r]
			for i := range max(len(file), len(want)) {
				f, w := cellAt(file, i), cellAt(want, i)
				if f == w {
					continue
				}
				ref := wbCellRef(i+1, r)
				field := tplContactField(c, r, i)
				switch {
				case field != nil && !dataEdited:
					*field = f
				case field != nil:
					rd.fail(sheet, ref, f, &tplNotRead{f, w, "the contact details were edited on the " + snOrganisation + " sheet too, and that sheet's value was kept: it is the one the other views and the privacy notice are made from"})
				default:
					rd.fail(sheet, ref, f, &tplNotRead{f, w, "the Template's titles, headings and labels are written by article30"})
				}
			}
		}
	}

	// The rows of activities, keyed by the activity ID in the column after
	// the ICO's.
	idCol := tpl.NumColumns
	want := make([]string, tpl.NumColumns+1)
	for _, br := range body {
		cells := br.cells
		if !slices.ContainsFunc(cells, func(s string) bool { return s != "" }) {
			continue
		}
		id := cellAt(cells, idCol)
		i, ok := rd.activities[id]
		idRef := wbCellRef(idCol+1, br.row)
		switch {
		case id == "":
			for j, s := range cells {
				if s != "" {
					rd.fail(sheet, wbCellRef(j+1, br.row), s, &tplNotRead{s, "", "this row has no activity ID in column " + wbColName(idCol+1) + ", so it belongs to no activity: add an activity on the " + snActivities + " sheet"})
				}
			}
			continue
		case !ok:
			rd.fail(sheet, idRef, id, &tplNotRead{id, "", fmt.Sprintf("no activity has the ID %q on the %s sheet, so the row was not read: an activity is added, or its ID changed, on that sheet", id, snActivities)})
			continue
		}
		if prev, dup := seen[id]; dup {
			rd.fail(sheet, idRef, id, &tplNotRead{id, "", fmt.Sprintf("the activity %q is also on row %d; this row was not read", id, prev)})
			continue
		}
		seen[id] = br.row
		a := &rd.reg.Activities[i]
		clear(want)
		vwTemplateRow(c, a, want)
		for j, s := range want {
			want[j] = vwFit(s)
		}
		for j := tpl.NumColumns + 1; j < len(cells); j++ {
			if cells[j] != "" {
				rd.fail(sheet, wbCellRef(j+1, br.row), cells[j], &tplNotRead{cells[j], "", "this column is not one article30 writes, so its text is not read: move it to the data sheets (an activity's notes, say)"})
			}
		}
		written := rd.rowDigests[rowDigestKey(id)]
		fileD := vwRowDigest(padCells(cells, tpl.NumColumns))
		if written != "" && fileD == written {
			continue // untouched: generated again from the data sheets
		}
		dataEdited := written == "" || vwRowDigest(want[:tpl.NumColumns]) != written
		for j := range tpl.NumColumns {
			f, w := cellAt(cells, j), want[j]
			if f == w {
				continue
			}
			ref := wbCellRef(j+1, br.row)
			edit, editable := tplEditable[j]
			switch {
			case dataEdited && written == "":
				rd.fail(sheet, ref, f, &tplNotRead{f, w, "the row's fingerprint on the hidden Lists sheet is missing, so article30 cannot tell this edit from one on the data sheets; the data sheets' value was kept: make the change there"})
			case dataEdited:
				rd.fail(sheet, ref, f, &tplNotRead{f, w, "this activity was edited on the data sheets too, and their values were kept: they record each fact whole (a purpose's lawful basis, the data subjects each record concerns), which a Template cell does not; make this change there"})
			case !editable:
				why := "this column is generated from the register"
				if s := tplSource[j]; s != "" {
					why = "this column is generated from " + s + "; make the change there"
				}
				rd.fail(sheet, ref, f, &tplNotRead{f, w, why})
			default:
				if err := edit(c, a, w, f); err != nil {
					rd.fail(sheet, ref, f, fmt.Errorf("%s: %w", tplColumnName(p, j), err))
				}
			}
		}
	}
	for i := range rd.reg.Activities {
		if _, ok := seen[rd.reg.Activities[i].ID]; !ok && len(body) > 0 {
			id := rd.reg.Activities[i].ID
			rd.fail(sheet, "", "", &tplNotRead{"", id, fmt.Sprintf("the activity %q has no row; it was kept as the %s sheet records it (delete an activity there)", id, snActivities)})
		}
	}
}

// tplContactField returns the register field a contact-block cell shows,
// or nil for a title or label.
func tplContactField(c *vwCtx, row, col int) *string {
	p, reg := c.profile, c.reg
	r := row - p.ContactFirstRow
	if r < 0 || r >= min(4, len(p.ContactRows)) || col%3 != 1 || col/3 >= min(3, len(p.ContactBlocks)) {
		return nil
	}
	fields := [3][4]*string{
		{&reg.Controller.Name, &reg.Controller.Address, &reg.Controller.Email, &reg.Controller.Phone},
		{&reg.DPO.Name, &reg.DPO.Address, &reg.DPO.Email, &reg.DPO.Phone},
		{&reg.Representative.Name, &reg.Representative.Address, &reg.Representative.Email, &reg.Representative.Phone},
	}
	return fields[col/3][r]
}

func cellAt(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

// padCells returns the first n cells, padded with empty ones.
func padCells(cells []string, n int) []string {
	out := make([]string, n)
	copy(out, cells)
	return out
}
