package ico

// This file turns one row into an activity and keeps what has no field
// in its notes.

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/ropa"
)

// rowReader is one data row with its heading row.
type rowReader struct {
	rd    *importer
	s     *sheetReader
	h     *headingRow
	row   int // 0-based
	cells []string
	notes []rowNote
}

type rowNote struct {
	col  int
	text string // "Heading: " and the cell's text
	head int    // bytes of text before the cell's text
}

// raw returns the text of a record column, "" when unmapped or blank.
func (x *rowReader) raw(k int) string {
	c, ok := x.h.col[k]
	if !ok || c >= len(x.cells) || isBlank(x.cells[c]) {
		return ""
	}
	return x.cells[c]
}

// link returns a link column's hyperlink target, or its text.
func (x *rowReader) link(k int) string {
	c, ok := x.h.col[k]
	if !ok {
		return ""
	}
	text := x.raw(k)
	if text == "" {
		return ""
	}
	if t, ok := x.s.linkAt(cellPos{x.row, c}); ok && t != "" {
		return linkText(text, t)
	}
	return text
}

func (x *rowReader) hasLink(k int) bool {
	c, ok := x.h.col[k]
	if !ok {
		return false
	}
	if x.raw(k) == "" {
		return false
	}
	_, has := x.s.linkAt(cellPos{x.row, c})
	return has
}

// note keeps a column's text in the activity's Notes as "Heading: text"
// and reports the cell, saying why (a message wrapping ErrNoted).
func (x *rowReader) note(k int, text, why string) {
	if c, ok := x.h.col[k]; ok {
		x.noteCol(c, text, why)
	}
}

// noteCol keeps a cell's text in the notes; with why, it reports the cell
// as kept there (without, the caller has reported it).
func (x *rowReader) noteCol(c int, text, why string) {
	for _, n := range x.notes {
		if n.col == c {
			return
		}
	}
	if why != "" {
		x.rd.fail(x.s.name, x.row, c, text, noted(why+": kept in the activity's notes"))
	}
	head := x.h.head[c]
	if head == "" {
		head, _ = excelize.ColumnNumberToName(c + 1)
		head = "Column " + head
	}
	x.notes = append(x.notes, rowNote{c, head + ": " + text, len(head) + 2})
}

// fail reports a bad cell of a record column and keeps its text in Notes.
func (x *rowReader) fail(k int, value string, err error) {
	c := x.h.col[k]
	x.rd.fail(x.s.name, x.row, c, value, err)
	x.note(k, x.raw(k), "")
}

func (x *rowReader) has(k int) bool { return x.raw(k) != "" }

func (x *rowReader) empty() bool {
	for _, c := range x.cells {
		if !isBlank(c) {
			return false
		}
	}
	return true
}

// activities reads the rows below the heading row.
func (rd *importer) activities(s *sheetReader, h *headingRow) error {
	blank := false
	process := func(r int, cells []string) error {
		rd.count(cells)
		x := &rowReader{rd: rd, s: s, h: h, row: r, cells: cells}
		if x.empty() {
			blank = true
			return nil
		}
		if blank && !x.has(tpl.ColPurpose) && !x.has(tpl.ColIndividuals) && !x.has(tpl.ColPersonalData) {
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

// belowTable reports text typed below the table.
func (rd *importer) belowTable(s *sheetReader, r int, cells []string) {
	first := -1
	var parts []string
	for c, v := range cells {
		if isBlank(v) {
			continue
		}
		if first < 0 {
			first = c
		}
		parts = append(parts, v)
	}
	text := strings.Join(parts, " | ")
	rd.fail(s.name, r, first, text, notImported(fmt.Sprintf("text below the table is not an activity and was not imported: %q", short(text))))
	for c, v := range cells {
		if c != first && v != "" {
			rd.mark(s.name, cellPos{r, c}, ErrNotImported) // listed with the row's first cell
		}
	}
}

// activity builds the activity of a row.
func (x *rowReader) activity() ropa.Activity {
	var a ropa.Activity
	x.longToNotes()
	a.BusinessFunction = x.raw(tpl.ColBusinessFunction)

	for _, line := range lines(x.raw(tpl.ColPurpose)) {
		a.Purposes = append(a.Purposes, ropa.Purpose{Description: line})
	}
	switch {
	case len(a.Purposes) > 0:
		a.Name = a.Purposes[0].Description
	case len(lines(a.BusinessFunction)) > 0:
		a.Name = lines(a.BusinessFunction)[0]
	default:
		a.Name = fmt.Sprintf("Row %d", x.row+1)
	}
	if r := []rune(a.Name); len(r) > 500 {
		a.Name = string(r[:497]) + "..."
	}
	idText := ""
	if x.h.id >= 0 && x.h.id < len(x.cells) && !isBlank(x.cells[x.h.id]) {
		idText = x.cells[x.h.id]
	}
	if id := slugOf(idText); id != "" {
		a.ID = x.rd.uniqueID(id, x.row)
	} else {
		a.ID = x.rd.uniqueID(slugOf(a.Name), x.row)
	}

	x.jointControllers(&a)
	x.subjects(&a)
	x.categories(&a)
	x.recipients(&a)
	x.transfers(&a.Transfers, tpl.ColThirdCountries, tpl.ColSafeguards, &a)
	x.retention(&a)
	a.Security = items(x.raw(tpl.ColSecurity))
	x.bases(&a)
	x.conditions(&a)
	x.rights()
	x.automated(&a)
	x.sources(&a)
	a.ConsentRecord = x.link(tpl.ColConsentRecord)
	a.Locations = items(x.raw(tpl.ColLocation))
	a.DPIA.Required = x.answer(tpl.ColDPIARequired)
	a.DPIA.Status = x.dpiaStatus()
	a.DPIA.Reference = x.link(tpl.ColDPIALink)
	a.Breach.Occurred = x.answer(tpl.ColBreach)
	a.Breach.Reference = x.link(tpl.ColBreachLink)
	x.schedule1(&a)
	a.PolicyDocument.Article6 = x.raw(tpl.ColSch1Article6)
	a.PolicyDocument.Reference = x.link(tpl.ColPolicyDocument)
	a.PolicyDocument.FollowsPolicy = x.answer(tpl.ColFollowsPolicy)
	a.PolicyDocument.Reason = x.raw(tpl.ColPolicyReasons)

	// Columns of the organisation's own, and text under no heading.
	for c, v := range x.cells {
		if isBlank(v) {
			continue
		}
		if _, mapped := x.h.kind[c]; !mapped && (c != x.h.id || slugOf(v) != a.ID) {
			why := "the column has no heading"
			switch head := x.h.head[c]; {
			case c == x.h.id:
				why = fmt.Sprintf("the activity's ID was made %q from it (IDs are lower case, with hyphens, and unique)", a.ID)
			case head != "":
				why = fmt.Sprintf("%q is not a column of the ICO template", short(head))
			}
			x.noteCol(c, v, why)
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
func (x *rowReader) longToNotes() {
	for c := range x.cells {
		if _, long := x.s.long[cellPos{x.row, c}]; long && x.cells[c] != "" {
			text := x.cells[c]
			x.cells[c] = ""
			x.noteCol(c, text, "")
		}
	}
}

// joinNotes joins the notes, one a line, within what a workbook cell
// holds (the register's notes are one cell of the Activities sheet, and
// validate at most 32,767 characters): a note that does not fit is cut,
// and the notes after it left out, each reported by its cell, as is each
// cell too long to be imported whole.
func (x *rowReader) joinNotes() string {
	var b strings.Builder
	used := 0
	for _, n := range x.notes {
		sep := 0
		if b.Len() > 0 {
			sep = 1
		}
		body := n.text[n.head:]
		whole := book.UTF16Len(body)
		keptBody := body
		if u := book.UTF16Len(n.text); used+sep+u > maxCell {
			room := maxCell - used - sep - book.UTF16Len(n.text[:n.head])
			keptBody = ""
			if room > 0 {
				keptBody, _ = cutUnits(body, room)
			}
		}
		if keptBody != "" || body == "" {
			if sep > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(n.text[:n.head])
			b.WriteString(keptBody)
			used += sep + book.UTF16Len(n.text[:n.head]) + book.UTF16Len(keptBody)
		}
		cut := body[len(keptBody):]
		long := x.s.long[cellPos{x.row, n.col}]
		switch {
		case long != nil:
			long.reported = true
			kept := book.UTF16Len(keptBody)
			x.rd.fail(x.s.name, x.row, n.col, "", notImported(fmt.Sprintf("holds %d characters, more than a workbook cell holds (%d), so it was not read into the register's fields: "+
				"its first %d characters were kept in the activity's notes; the last %d, from %s, were not imported",
				long.units, maxCell, kept, long.units-kept, book.Quote(cut+long.tail))))
		case cut != "":
			kept := book.UTF16Len(keptBody)
			x.rd.fail(x.s.name, x.row, n.col, "", notImported(fmt.Sprintf("the activity's notes are full (they hold at most %d characters, as a workbook cell does): "+
				"the first %d of this cell's %d characters were kept in them; the last %d, from %s, were not imported",
				maxCell, kept, whole, whole-kept, book.Quote(cut))))
		}
	}
	return b.String()
}

// uniqueID makes a slug unique among the activities with a -2, -3 suffix.
func (rd *importer) uniqueID(id string, row int) string {
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

func (x *rowReader) jointControllers(a *ropa.Activity) {
	for _, it := range items(x.raw(tpl.ColJointController)) {
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

// linkText keeps both a hyperlink's display text and its target:
// "DPIA v3 <https://example.org/dpia>", or the target alone when the text
// is the target (or says nothing more, as "link" or "here").
func linkText(text, target string) string {
	t := strings.TrimSpace(text)
	switch strings.ToLower(t) {
	case "", "link", "here", "click here", "see link", "url", "hyperlink":
		return target
	}
	if t == target || strings.TrimPrefix(target, "mailto:") == t || strings.TrimSuffix(t, "/") == strings.TrimSuffix(target, "/") {
		return target
	}
	return t + " <" + target + ">"
}
