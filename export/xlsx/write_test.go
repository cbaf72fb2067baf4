package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// ---- helpers shared by the tests ----

func mustDate(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// lawDay is the day the tests apply the law at when the day does not
// matter to them: the date the module's legal data was brought up to date.
var lawDay = lawfulbasis.LawAsOf

// writeBytes writes reg with the law as of lawDay.
func writeBytes(t testing.TB, reg *ropa.Register, opts ...Option) []byte {
	t.Helper()
	return writeBytesAt(t, reg, lawDay, opts...)
}

// writeBytesAt writes reg with the law as of the day of at.
func writeBytesAt(t testing.TB, reg *ropa.Register, at time.Time, opts ...Option) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, reg, at, opts...); err != nil {
		t.Fatalf("Write: %v", err)
	}
	return buf.Bytes()
}

func openBytes(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// editCells sets cells ("Sheet!A1") of a workbook as a person would in a
// spreadsheet program, and returns the saved workbook.
func editCells(t testing.TB, b []byte, cells map[string]string) []byte {
	t.Helper()
	f := openBytes(t, b)
	for ref, v := range cells {
		sheet, cell, _ := strings.Cut(ref, "!")
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			if _, err := f.NewSheet(sheet); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatalf("SetCellValue(%s): %v", ref, err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// dataRef returns the reference of the cell under heading on a data sheet.
func dataRef(t testing.TB, sheet, heading string, row int) string {
	t.Helper()
	for _, d := range dsSheets() {
		if d.name == sheet {
			if i := slices.Index(d.headers, heading); i >= 0 {
				return sheet + "!" + wbCellRef(i+1, row)
			}
		}
	}
	t.Fatalf("no column %q on sheet %q", heading, sheet)
	return ""
}

// orgRef returns the reference of a field's value on the Organisation
// sheet.
func orgRef(t testing.TB, field string) string {
	t.Helper()
	i := slices.IndexFunc(dsOrgFields, func(f dsField[ropa.Register]) bool { return f.name == field })
	if i < 0 {
		t.Fatalf("no field %q", field)
	}
	return snOrganisation + "!" + wbCellRef(2, i+2)
}

// smallRegister is a register with one activity of each interesting kind.
func smallRegister() *ropa.Register {
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Example Academy Trust", Email: "office@example.org"},
		DPO:          ropa.Contact{Name: "A. Officer", Email: "dpo@example.org"},
		Activities: []ropa.Activity{
			{
				ID: "admissions", Name: "Pupil admissions", BusinessFunction: "Admissions",
				Purposes: []ropa.Purpose{
					{Description: "To process applications for places", Basis: lawfulbasis.PublicTask, Provision: "Education Act 1996"},
					{Description: "To keep in touch", Basis: lawfulbasis.Consent},
				},
				DataSubjects: []ropa.Subject{ropa.Pupils, ropa.Parents},
				DataCategories: []ropa.DataCategory{
					{Category: ropa.Identifiers}, {Category: ropa.ContactDetails},
					{Category: ropa.Health, Subjects: []ropa.Subject{ropa.Pupils}},
				},
				Special: ropa.SpecialCategory{
					Conditions: []lawfulbasis.Condition{lawfulbasis.SubstantialPublicInterest},
					Schedule1:  []lawfulbasis.Schedule1{lawfulbasis.Sch1StatutoryPurposes},
				},
				PolicyDocument: ropa.PolicyDocument{Reference: "https://example.org/apd", FollowsPolicy: ropa.Yes},
				Retention:      []ropa.Retention{{Rule: retention.MustParse("P6Y from collection"), Minimum: retention.Period{Years: 1}}},
				Security:       []string{"Access control", "Encryption at rest"},
				Automated: []ropa.Decision{{
					Description: "Offering places by distance from the school", Solely: true, Significant: true,
					Subjects: []ropa.Subject{ropa.Parents},
				}},
			},
			{
				ID: "newsletter", Name: "Newsletter",
				Purposes:       []ropa.Purpose{{Description: "To send the newsletter", Basis: lawfulbasis.Consent}},
				DataSubjects:   []ropa.Subject{ropa.Subscribers},
				DataCategories: ropa.Cats(ropa.ContactDetails),
				Recipients:     []ropa.Recipient{{Name: "Mail provider", Kind: ropa.Processor, Country: "US"}},
				Transfers:      []ropa.Transfer{{Country: "US", Recipient: "Mail provider", Mechanism: lawfulbasis.SCC}},
				None:           []ropa.None{{Fact: ropa.FactAutomated}},
			},
		},
	}
}

// ---- tests ----

func TestWriteDeterministic(t *testing.T) {
	regs := map[string]*ropa.Register{"small": smallRegister()}
	for _, n := range seedNames {
		regs[n] = loadSeed(t, n)
	}
	g := newGen(7)
	regs["random"] = g.register(20)
	for name, reg := range regs {
		a, b := writeBytes(t, reg), writeBytes(t, reg)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two writes of the same register differ", name)
		}
	}
}

// TestWriteNoFormulas checks that text starting with the characters that
// start a formula is never written as one.
func TestWriteNoFormulas(t *testing.T) {
	reg := smallRegister()
	for i, lead := range []string{"=", "+", "-", "@", "\t", "\r"} {
		text := lead + "HYPERLINK(\"http://evil.example\",\"click\")"
		a := &reg.Activities[i%2]
		a.Notes += text
		a.Security = append(a.Security, text)
		a.Purposes = append(a.Purposes, ropa.Purpose{Description: text, Interest: text})
		a.BusinessFunction += text
		reg.Controller.Address += text
	}
	reg.Activities[0].ID = "=1+1"
	b := writeBytes(t, reg)
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	sheets := 0
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		sheets++
		data := readZip(t, zf)
		if bytes.Contains(data, []byte("<f>")) || bytes.Contains(data, []byte("<f ")) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}
	if sheets < 10 {
		t.Errorf("found %d worksheets", sheets)
	}
	got, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if got.Activities[0].Notes != reg.Activities[0].Notes {
		t.Errorf("notes read back as %q", got.Activities[0].Notes)
	}
}

func readZip(t testing.TB, zf *zip.File) []byte {
	t.Helper()
	rc, err := zf.Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestWriteTextColumnsAreText(t *testing.T) {
	f := openBytes(t, writeBytes(t, smallRegister()))
	for _, sheet := range []string{"Template", snActivities, snPurposes, snTextLists} {
		for _, col := range []string{"A", "B", "C"} {
			id, err := f.GetColStyle(sheet, col)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.NumFmt != 49 {
				t.Errorf("%s column %s: number format %d, want 49 (Text)", sheet, col, st.NumFmt)
			}
		}
	}
}

func TestWriteCellTooLong(t *testing.T) {
	cases := []struct {
		name string
		edit func(*ropa.Register)
		path string
	}{
		{"notes", func(r *ropa.Register) { r.Activities[0].Notes = strings.Repeat("a", 32768) }, "activities[0].notes"},
		{"emoji", func(r *ropa.Register) { r.Activities[1].Purposes[0].Interest = strings.Repeat("😀", 16384) }, "activities[1].purposes[0].interest"},
		{"text list", func(r *ropa.Register) { r.Activities[0].Security[1] = strings.Repeat("b", 40000) }, "activities[0].security[1]"},
		{"organisation", func(r *ropa.Register) { r.Controller.Address = strings.Repeat("c", 33000) }, "controller.address"},
		{"control character", func(r *ropa.Register) { r.Activities[0].Name = "bell\a" }, "activities[0].name"},
		{"invalid UTF-8", func(r *ropa.Register) { r.Version = "\xff" }, "version"},
	}
	for _, c := range cases {
		reg := smallRegister()
		c.edit(reg)
		err := Write(io.Discard, reg, lawDay)
		if !errors.Is(err, ErrCellTooLong) || !strings.Contains(err.Error(), c.path+":") {
			t.Errorf("%s: Write = %v, want ErrCellTooLong naming %s", c.name, err, c.path)
		}
	}
	// Exactly at the limit is fine, and a long view cell is cut short, not
	// refused.
	reg := smallRegister()
	reg.Activities[0].Notes = strings.Repeat("😀", 16383) + "a"
	for i := range 12 {
		reg.Activities[0].Purposes = append(reg.Activities[0].Purposes, ropa.Purpose{Description: strings.Repeat(string(rune('a'+i)), 3999)})
	}
	got := roundTrip(t, reg)
	if got.Activities[0].Notes != reg.Activities[0].Notes || len(got.Activities[0].Purposes) != 14 {
		t.Error("long text did not round-trip")
	}
}

func TestWriteErrors(t *testing.T) {
	cases := []struct {
		name string
		edit func(*ropa.Register)
		opts []Option
		want string
	}{
		{"empty ID", func(r *ropa.Register) { r.Activities[1].ID = "" }, nil, "activities[1].id: required"},
		{"duplicate ID", func(r *ropa.Register) { r.Activities[1].ID = "admissions" }, nil, "also the ID of activities[0]"},
		{"processor label", func(r *ropa.Register) {
			r.Activities[1].ID = "processor-record-1"
			r.ProcessorRecords = []ropa.ProcessorRecord{{Controller: "C"}}
		}, nil, "label of a processor record"},
		{"invalid basis", func(r *ropa.Register) { r.Activities[0].Purposes[0].Basis = 99 }, nil, "activities[0].purposes[0].basis"},
		{"invalid kind", func(r *ropa.Register) { r.Activities[0].Sources = []ropa.Source{{Kind: "friends"}} }, nil, "activities[0].sources[0].kind"},
		{"invalid subject", func(r *ropa.Register) { r.Activities[0].DataSubjects = []ropa.Subject{"aliens"} }, nil, "activities[0].dataSubjects"},
		{"invalid rule", func(r *ropa.Register) { r.Activities[0].Retention[0].Rule.Indefinite = true }, nil, "activities[0].retention[0].rule"},
		{"negative period", func(r *ropa.Register) { r.Activities[0].Retention[0].Minimum.Years = -1 }, nil, "activities[0].retention[0].minimum"},
		{"empty joint controller", func(r *ropa.Register) { r.JointControllers = []ropa.JointController{{}} }, nil, "jointControllers[0]"},
		{"unknown view", nil, []Option{Sheets("Summary")}, `unknown view sheet "Summary"`},
	}
	for _, c := range cases {
		reg := smallRegister()
		if c.edit != nil {
			c.edit(reg)
		}
		err := Write(io.Discard, reg, lawDay, c.opts...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: Write = %v, want an error containing %q", c.name, err, c.want)
		}
	}
	if err := Write(io.Discard, nil, lawDay); err == nil {
		t.Error("Write(nil) succeeded")
	}
}

func TestWriteTemplateLayout(t *testing.T) {
	reg := smallRegister()
	f := openBytes(t, writeBytes(t, reg))
	p := icoLayout
	rows, err := f.GetRows(p.ControllerSheet)
	if err != nil {
		t.Fatal(err)
	}
	// Contact block.
	if got := rows[1]; got[0] != p.ContactBlocks[0] || got[3] != p.ContactBlocks[1] || got[6] != p.ContactBlocks[2] {
		t.Errorf("row 2 = %q", got)
	}
	if got := rows[2]; got[0] != "Name" || got[1] != reg.Controller.Name || got[4] != reg.DPO.Name {
		t.Errorf("row 3 = %q", got)
	}
	if got := rows[4]; got[1] != reg.Controller.Email || got[4] != reg.DPO.Email {
		t.Errorf("row 5 = %q", got)
	}
	// Headings, with their colours.
	head := rows[p.HeadingRow-1]
	for i, col := range p.Controller {
		if head[i] != col.Heading {
			t.Errorf("heading %s = %q, want %q", wbColName(i+1), head[i], col.Heading)
		}
		ref := wbCellRef(i+1, p.HeadingRow)
		id, _ := f.GetCellStyle(p.ControllerSheet, ref)
		st, _ := f.GetStyle(id)
		want := p.OptionalFill
		if col.Required {
			want = p.RequiredFill
		}
		if len(st.Fill.Color) != 1 || !strings.EqualFold(st.Fill.Color[0], want) {
			t.Errorf("%s fill = %v, want %s", ref, st.Fill.Color, want)
		}
	}
	if head[tpl.NumColumns] != vwActivityIDHeading {
		t.Errorf("AE9 = %q", head[tpl.NumColumns])
	}
	// Sections merged over their columns.
	merged, err := f.GetMergeCells(p.ControllerSheet)
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	for _, m := range merged {
		refs = append(refs, m.GetStartAxis()+":"+m.GetEndAxis())
		if m.GetCellValue() == "" {
			t.Errorf("merged section %s has no text", m.GetStartAxis())
		}
	}
	// The Article 30 record prints on two pages across: its title is on
	// each (a title never split across a page break).
	for _, want := range []string{"A8:F8", "G8:K8", "L8:R8", "U8:W8", "X8:Y8", "Z8:AD8"} {
		if !slices.Contains(refs, want) {
			t.Errorf("no merged section %s in %v", want, refs)
		}
	}
	// One row per activity, values joined by line breaks; Schedule 1
	// columns only where an appropriate policy document is needed.
	if len(rows) != p.HeadingRow+len(reg.Activities) {
		t.Fatalf("%d rows, want %d", len(rows), p.HeadingRow+len(reg.Activities))
	}
	first, second := pad(rows[p.HeadingRow], tpl.NumColumns+1), pad(rows[p.HeadingRow+1], tpl.NumColumns+1)
	if first[tpl.ColPurpose] != "To process applications for places\nTo keep in touch" {
		t.Errorf("B10 = %q", first[tpl.ColPurpose])
	}
	if first[tpl.ColIndividuals] != "Pupils and students\nParents and carers" {
		t.Errorf("D10 = %q", first[tpl.ColIndividuals])
	}
	if !strings.Contains(first[tpl.ColArticle6], "Public task (UK GDPR Art 6(1)(e))") || !strings.Contains(first[tpl.ColRights], "Right to withdraw consent") {
		t.Errorf("L10 = %q, P10 = %q", first[tpl.ColArticle6], first[tpl.ColRights])
	}
	if first[tpl.ColSch1Condition] == "" || first[tpl.ColPolicyDocument] != "https://example.org/apd" || first[tpl.ColFollowsPolicy] != "Yes" {
		t.Errorf("Z10:AD10 = %q", first[tpl.ColSch1Condition:tpl.ColPolicyReasons+1])
	}
	for c := tpl.ColSch1Condition; c <= tpl.ColPolicyReasons; c++ {
		if second[c] != "" {
			t.Errorf("%s11 = %q, want empty: no appropriate policy document is needed", wbColName(c+1), second[c])
		}
	}
	if first[tpl.NumColumns] != "admissions" || !strings.Contains(second[tpl.ColSafeguards], "US: ") {
		t.Errorf("AE10 = %q, I11 = %q", first[tpl.NumColumns], second[tpl.ColSafeguards])
	}
	// Frozen panes at A10, as in the ICO's template, a filter on the headings.
	panes, err := f.GetPanes(p.ControllerSheet)
	if err != nil {
		t.Fatal(err)
	}
	if !panes.Freeze || panes.TopLeftCell != "A10" || panes.XSplit != 0 || panes.YSplit != 9 {
		t.Errorf("panes = %+v", panes)
	}
	dn := f.GetDefinedName()
	if !slices.ContainsFunc(dn, func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm._FilterDatabase" && strings.Contains(d.RefersTo, "'Template'!$A$9:$AE$11")
	}) {
		t.Errorf("no filter on Template!A9:AE11 in %+v", dn)
	}
}

func pad(row []string, n int) []string {
	for len(row) < n {
		row = append(row, "")
	}
	return row
}

func TestWriteDropDowns(t *testing.T) {
	f := openBytes(t, writeBytes(t, smallRegister()))
	dvs, err := f.GetDataValidations(snPurposes)
	if err != nil {
		t.Fatal(err)
	}
	basis := dataRef(t, snPurposes, "basis", 2)
	col := strings.TrimRight(strings.TrimPrefix(basis, snPurposes+"!"), "0123456789")
	var found, annex bool
	for _, dv := range dvs {
		if strings.HasPrefix(dv.Sqref, col+"2:") && strings.Contains(dv.Formula1, "legitimate-interests") {
			found = true
		}
		if strings.Contains(dv.Formula1, "List_annex1") || strings.Contains(dv.Formula1, "disclosure-for-public-task") {
			annex = true
		}
	}
	if !found || !annex {
		t.Errorf("Purposes drop-downs: %+v", dvs)
	}
	dvs, err = f.GetDataValidations(snTransfers)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Formula1 == "List_mechanisms" }) {
		t.Errorf("Transfers drop-downs: %+v", dvs)
	}
	dvs, _ = f.GetDataValidations(snOrganisation)
	if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == "B2" && strings.Contains(dv.Formula1, "uk") }) {
		t.Errorf("Organisation drop-downs: %+v", dvs)
	}
	if visible, err := f.GetSheetVisible(snLists); err != nil || visible {
		t.Errorf("Lists sheet visible = %v, %v; want hidden", visible, err)
	}
	names := f.GetDefinedName()
	for _, l := range vwLists() {
		if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool { return d.Name == vwDefinedName(l.key) }) {
			t.Errorf("no defined name for list %s", l.key)
		}
	}
	// The list a name refers to holds the enumeration.
	rows, _ := f.GetCols(snLists)
	i := slices.IndexFunc(vwLists(), func(l vwList) bool { return l.key == "bases" })
	got := rows[vwListCol-1+i]
	for len(got) > 0 && got[len(got)-1] == "" {
		got = got[:len(got)-1]
	}
	if !slices.Equal(got[1:], vwSlugs(lawfulbasis.Bases())) {
		t.Errorf("Lists bases column = %q", got)
	}
}

func TestWriteProperties(t *testing.T) {
	at := mustDate("2025-07-01")
	f := openBytes(t, writeBytesAt(t, smallRegister(), at.Add(15*time.Hour), Properties("Data Protection Officer", "ROPA 2025")))
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Creator != "Data Protection Officer" || p.Title != "ROPA 2025" || p.Created != "2025-07-01T00:00:00Z" || p.Modified != p.Created {
		t.Errorf("doc props = %+v", p)
	}
	cover, _ := f.GetRows(NotesSheet)
	if !slices.ContainsFunc(cover, func(r []string) bool { return len(r) == 2 && r[0] == "Law applied at" && r[1] == "2025-07-01" }) {
		t.Errorf("cover = %q", cover)
	}
	ref, _ := f.GetRows(ReferenceSheet)
	if ref[0][4] != "Available on 2025-07-01" {
		t.Errorf("reference heading = %q", ref[0])
	}
	// Recognised legitimate interests did not exist on 1 July 2025.
	for _, r := range ref {
		if r[1] == "recognised-legitimate-interests" && r[4] != "no" {
			t.Errorf("reference row %q", r)
		}
	}
}

func TestWriteSheetOrder(t *testing.T) {
	reg := smallRegister()
	reg.ProcessorRecords = []ropa.ProcessorRecord{{Controller: "Client school", Processing: []string{"Payroll"}}}
	f := openBytes(t, writeBytes(t, reg))
	want := []string{NotesSheet, "Template", "Processor", RetentionSheet, FindingsSheet, ReferenceSheet,
		snOrganisation, snJointControllers, snActivities, snDataCategories, snPurposes, snRecipients, snTransfers, snRetentionRules,
		snSources, snDecisions, snNone, snProcessorRecords, snTextLists, snLists}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets = %q\nwant %q", got, want)
	}
	f = openBytes(t, writeBytes(t, smallRegister()))
	if slices.Contains(f.GetSheetList(), "Processor") {
		t.Error("a Processor sheet for a register with no processor records")
	}
	f = openBytes(t, writeBytes(t, smallRegister(), Sheets(FindingsSheet)))
	if got := f.GetSheetList(); got[0] != FindingsSheet || got[1] != snOrganisation {
		t.Errorf("sheets = %q", got)
	}
	rows, _ := f.GetRows(FindingsSheet)
	if !slices.Equal(rows[0], vwFindingHeadings) || len(rows) < 2 {
		t.Errorf("findings = %q", rows)
	}
	id, _ := f.GetCellStyle(FindingsSheet, "A2")
	st, _ := f.GetStyle(id)
	if len(st.Fill.Color) == 0 {
		t.Error("findings rows are not coloured by severity")
	}
}

// ---- a reader other than excelize ----

type xContentTypes struct {
	Overrides []struct {
		PartName    string `xml:"PartName,attr"`
		ContentType string `xml:"ContentType,attr"`
	} `xml:"Override"`
}

type xWorkbook struct {
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
	} `xml:"sheets>sheet"`
}

type xRel struct {
	ID     string `xml:"Id,attr"`
	Target string `xml:"Target,attr"`
}

type xRels struct {
	Rels []xRel `xml:"Relationship"`
}

type xSST struct {
	SI []struct {
		T string `xml:"t"`
	} `xml:"si"`
}

type xCell struct {
	R  string    `xml:"r,attr"`
	T  string    `xml:"t,attr"`
	V  string    `xml:"v"`
	F  *struct{} `xml:"f"`
	IS struct {
		T string `xml:"t"`
	} `xml:"is"`
}

type xSheet struct {
	Rows []struct {
		R     int     `xml:"r,attr"`
		Cells []xCell `xml:"c"`
	} `xml:"sheetData>row"`
}

func TestWriteReadableWithoutExcelize(t *testing.T) {
	b := writeBytes(t, loadSeed(t, "harris-careers"))
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*zip.File{}
	for _, zf := range zr.File {
		files[zf.Name] = zf
	}
	parse := func(name string, v any) {
		t.Helper()
		zf, ok := files[name]
		if !ok {
			t.Fatalf("no part %s", name)
		}
		if err := xml.Unmarshal(readZip(t, zf), v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var ct xContentTypes
	parse("[Content_Types].xml", &ct)
	for _, o := range ct.Overrides {
		if _, ok := files[strings.TrimPrefix(o.PartName, "/")]; !ok {
			t.Errorf("content types name %s, which is not in the package", o.PartName)
		}
	}
	var wb xWorkbook
	parse("xl/workbook.xml", &wb)
	var rels xRels
	parse("xl/_rels/workbook.xml.rels", &rels)
	var sst xSST
	if _, ok := files["xl/sharedStrings.xml"]; ok {
		parse("xl/sharedStrings.xml", &sst)
	}
	if len(wb.Sheets) < 15 {
		t.Fatalf("workbook lists %d sheets", len(wb.Sheets))
	}
	var template *xSheet
	for _, s := range wb.Sheets {
		i := slices.IndexFunc(rels.Rels, func(r xRel) bool { return r.ID == s.RID })
		if i < 0 {
			t.Fatalf("sheet %s: no relationship %s", s.Name, s.RID)
		}
		target := rels.Rels[i].Target
		if strings.HasPrefix(target, "/") {
			target = target[1:]
		} else {
			target = path.Join("xl", target)
		}
		var sh xSheet
		parse(target, &sh)
		if s.Name == "Template" {
			template = &sh
		}
		if s.Name == snLists && s.State != "hidden" {
			t.Errorf("Lists sheet state %q", s.State)
		}
	}
	if template == nil {
		t.Fatal("no Template sheet")
	}
	text := func(c xCell) string {
		switch c.T {
		case "inlineStr":
			return c.IS.T
		case "s":
			var i int
			for _, d := range c.V {
				i = i*10 + int(d-'0')
			}
			return sst.SI[i].T
		}
		return c.V
	}
	var headings []string
	for _, r := range template.Rows {
		if r.R == icoLayout.HeadingRow {
			for _, c := range r.Cells {
				headings = append(headings, text(c))
			}
		}
	}
	if len(headings) != tpl.NumColumns+1 {
		t.Fatalf("row 9 holds %d headings", len(headings))
	}
	for i, col := range icoLayout.Controller {
		if headings[i] != col.Heading {
			t.Errorf("heading %d = %q, want %q", i, headings[i], col.Heading)
		}
	}
}

// TestWriteShardedIdentical checks that streaming each sheet with a file of
// its own (as Write does for large registers, to bound memory) gives the
// same bytes as streaming them all with the workbook's file.
func TestWriteShardedIdentical(t *testing.T) {
	regs := map[string]*ropa.Register{"small": smallRegister()}
	for _, n := range seedNames {
		regs[n] = loadSeed(t, n)
	}
	g := newGen(11)
	regs["random"] = g.register(40)
	regs["random"].ProcessorRecords = append(regs["random"].ProcessorRecords, ropa.ProcessorRecord{Controller: "Client"})
	for name, reg := range regs {
		for _, tc := range []struct {
			at   time.Time
			opts []Option
		}{{lawDay, nil}, {lawDay, []Option{Sheets(FindingsSheet, "Processor")}}, {mustDate("2020-01-01"), nil}} {
			a := writeBytesAt(t, reg, tc.at, append(tc.opts, wrSharded(false))...)
			b := writeBytesAt(t, reg, tc.at, append(tc.opts, wrSharded(true))...)
			if !bytes.Equal(a, b) {
				t.Errorf("%s: sharded and unsharded workbooks differ", name)
			}
		}
	}
	got := roundTrip(t, regs["random"], wrSharded(true))
	if len(got.Activities) != 40 {
		t.Error("activities lost")
	}
}

// TestWriteNoDate: the day is a required argument and the zero time is
// not a day: Write refuses it with an error wrapping lawfulbasis.ErrNoDate
// and writes nothing.
func TestWriteNoDate(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, smallRegister(), time.Time{}); !errors.Is(err, lawfulbasis.ErrNoDate) || buf.Len() != 0 {
		t.Errorf("Write(w, reg, time.Time{}) = %v with %d bytes written; want an error wrapping ErrNoDate and nothing written", err, buf.Len())
	}
}
