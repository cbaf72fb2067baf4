package hostile

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Cell is one cell of a [Sheet] as it stands in the sheet's XML.
type Cell struct {
	// Ref is the cell's reference, such as "F10".
	Ref string
	// Text is the cell's text, written as an inline string (escaped).
	Text string
	// Error, if set, makes the cell an error value (t="e"), such as
	// "#DIV/0!", with Formula as its formula.
	Error string
	// Formula is the cell's formula, without "=".
	Formula string
	// Raw, if set, is written as the cell's content as it is, unescaped:
	// for entities and other XML an honest writer never produces.
	Raw string
}

// Sheet is one worksheet of a [Workbook]: its name, its cells, and XML
// written before the worksheet element (a DOCTYPE, say).
type Sheet struct {
	Name   string
	Cells  []Cell
	Prolog string
	// Rows, if set, is XML appended to the sheet's rows as it is, for
	// sheets too large to be listed cell by cell.
	Rows string
	// After is XML written after the sheet's data, as it is (hyperlinks,
	// say).
	After string
}

// Workbook is a minimal .xlsx package written part by part, as Excel
// would store it but without styles or shared strings, so that a sheet
// may hold what no honest writer produces. Its bytes are deterministic.
type Workbook struct {
	Sheets []Sheet
}

// modified dates every zip entry, so that the same workbook gives the same
// bytes.
var modified = time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)

// Bytes returns the workbook's .xlsx bytes.
func (wb Workbook) Bytes() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name, content string) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			panic(err) // writing to a bytes.Buffer does not fail
		}
		w.Write([]byte(content))
	}
	var types, sheets, rels strings.Builder
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		fmt.Fprintf(&types, `<Override PartName="/xl/worksheets/sheet%s.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, n)
		fmt.Fprintf(&sheets, `<sheet name="%s" sheetId="%s" r:id="rId%s"/>`, xmlEscape(s.Name), n, n)
		fmt.Fprintf(&rels, `<Relationship Id="rId%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%s.xml"/>`, n, n)
	}
	add("[Content_Types].xml", xmlHeader+`<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`+
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`+
		`<Default Extension="xml" ContentType="application/xml"/>`+
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>`+
		types.String()+`</Types>`)
	add("_rels/.rels", xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	add("xl/workbook.xml", xmlHeader+`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+
		`<sheets>`+sheets.String()+`</sheets></workbook>`)
	add("xl/_rels/workbook.xml.rels", xmlHeader+`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`)
	for i, s := range wb.Sheets {
		add("xl/worksheets/sheet"+strconv.Itoa(i+1)+".xml", s.xml())
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xml returns the sheet's part.
func (s Sheet) xml() string {
	var b strings.Builder
	b.WriteString(xmlHeader)
	b.WriteString(s.Prolog)
	b.WriteString(`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := 0
	for _, c := range sortCells(s.Cells) {
		r := cellRow(c.Ref)
		if r != row {
			if row != 0 {
				b.WriteString(`</row>`)
			}
			fmt.Fprintf(&b, `<row r="%d">`, r)
			row = r
		}
		b.WriteString(c.xml())
	}
	if row != 0 {
		b.WriteString(`</row>`)
	}
	b.WriteString(s.Rows)
	b.WriteString(`</sheetData>`)
	b.WriteString(s.After)
	b.WriteString(`</worksheet>`)
	return b.String()
}

func (c Cell) xml() string {
	f := ""
	if c.Formula != "" {
		f = "<f>" + xmlEscape(c.Formula) + "</f>"
	}
	switch {
	case c.Raw != "":
		return `<c r="` + c.Ref + `" t="inlineStr"><is><t>` + c.Raw + `</t></is></c>`
	case c.Error != "":
		return `<c r="` + c.Ref + `" t="e">` + f + `<v>` + xmlEscape(c.Error) + `</v></c>`
	case c.Formula != "":
		return `<c r="` + c.Ref + `">` + f + `</c>`
	}
	return `<c r="` + c.Ref + `" t="inlineStr"><is><t xml:space="preserve">` + xmlEscape(c.Text) + `</t></is></c>`
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		panic(err)
	}
	return b.String()
}

// cellPos returns the 1-based row and column of a reference such as "F10".
func cellPos(ref string) (row, col int) {
	i := 0
	for i < len(ref) && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	row, err := strconv.Atoi(ref[i:])
	if err != nil || i == 0 || row < 1 {
		panic("hostile: bad cell reference " + strconv.Quote(ref))
	}
	return row, col
}

func cellRow(ref string) int { r, _ := cellPos(ref); return r }

// sortCells returns the cells in row and column order, as a sheet holds
// them.
func sortCells(cells []Cell) []Cell {
	out := slices.Clone(cells)
	slices.SortStableFunc(out, func(a, b Cell) int {
		ar, ac := cellPos(a.Ref)
		br, bc := cellPos(b.Ref)
		return cmp.Or(cmp.Compare(ar, br), cmp.Compare(ac, bc))
	})
	return out
}
