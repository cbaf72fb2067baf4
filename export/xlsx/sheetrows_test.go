package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx/internal/book"
)

// sameRows checks that the package's row iterator gives, for every sheet
// of the workbook, exactly what excelize's gives; it returns how many
// sheets the package's decoder read to the end, and how many there are.
func sameRows(t *testing.T, name string, data []byte) (own, sheets int) {
	t.Helper()
	wb, err := book.OpenData(data, newReadConfig(nil).Limits)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	defer wb.Close()
	rd := &rdReader{f: wb.File, wb: wb, found: map[string]map[[2]int]book.Finding{}}
	for _, sheet := range wb.File.GetSheetList() {
		sheets++
		rd.found[sheet] = wb.Findings(sheet)
		got, err := rd.rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		want, err := wb.File.Rows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for row := 1; ; row++ {
			g, w := got.Next(), want.Next()
			if g != w {
				t.Fatalf("%s: %s: row %d: Next %v, excelize's %v", name, sheet, row, g, w)
			}
			if !w {
				break
			}
			gc, gerr := got.Columns(rdRawCells)
			wc, werr := want.Columns(rdRawCells)
			if (gerr != nil) != (werr != nil) || !slices.Equal(gc, wc) {
				t.Fatalf("%s: %s: row %d:\n got %q, %v\nwant %q, %v", name, sheet, row, gc, gerr, wc, werr)
			}
		}
		if (got.Error() != nil) != (want.Error() != nil) {
			t.Errorf("%s: %s: error %v, excelize's %v", name, sheet, got.Error(), want.Error())
		}
		if o, ok := got.(*rdOwnRows); ok && o.rows == nil {
			own++
		}
		got.Close()
		want.Close()
	}
	return own, sheets
}

// TestOwnRowsAgreeWithExcelize: the package's decoder reads Write's
// sheets as excelize does, and hands a sheet saved by another program
// (here excelize, with shared strings and numbers) over to excelize.
func TestOwnRowsAgreeWithExcelize(t *testing.T) {
	g := newGen(18)
	for i := range 40 {
		reg := g.register(1 + i%7)
		var buf bytes.Buffer
		if err := Write(&buf, reg, lawDay); err != nil {
			t.Fatal(err)
		}
		name := "random register " + string(rune('A'+i%26))
		if own, sheets := sameRows(t, name, buf.Bytes()); own != sheets {
			t.Errorf("%s: %d of the %d sheets Write wrote were read by the package's decoder, not all", name, own, sheets)
		}

		// The same workbook edited and saved by excelize.
		f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		must(f.SetCellValue(snActivities, "B2", "edited & <saved>"))
		must(f.SetCellValue(snActivities, "C5", 42))
		must(f.SetCellValue(NotesSheet, "B40", "  spaced  "))
		must(f.SetCellValue(snPurposes, "D3", "_x000D_ and \r\n"))
		edited, err := f.WriteToBuffer()
		must(err)
		f.Close()
		sameRows(t, name+", edited", edited.Bytes())
	}
}

// TestOwnRowsHandOver: rows the decoder does not take are read by
// excelize, from that row on.
func TestOwnRowsHandOver(t *testing.T) {
	cells := []string{
		`<c r="A1" t="inlineStr"><is><t>plain</t></is></c>`,
		`<c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &#34;c&#34; &#x9;&#xD;</t></is></c>`,
		`<c r="D1" s="3"></c><c r="E1" t="inlineStr"><is><t>é€😀</t></is></c>`,
	}
	rows := []string{
		`<row r="1">` + strings.Join(cells, "") + `</row>`,
		`<row r="3" ht="30" customHeight="1"><c r="C3" t="inlineStr"><is><t>three</t></is></c></row>`,
		`<row r="4"><c r="A4" t="s"><v>0</v></c></row>`, // a shared string: handed over
		`<row r="5"><c r="A5"><v>1.5</v></c></row>`,
		`<row r="7"><c r="B7" t="inlineStr"><is><r><t>rich</t></r><r><t> text</t></r></is></c></row>`,
		`<row r="8"><c r="A8" t="inlineStr"><is><t>_x0041_ _x005F_x0041_ _x005F_ _xD800_ _x00e9_</t></is></c></row>`,
		`<row r="9"><c r="A9" t="inlineStr"><is><t>&amp;who;</t></is></c></row>`,
		`<row r="10"><c r="A10" t="inlineStr"><is><t>a` + "\r\n" + `b</t></is></c></row>`,
	}
	empty := emptySheetWorkbook(t)
	for k := range len(rows) + 1 {
		// Replace the empty sheetData by the rows, the first k of them.
		data := rewritePart(t, empty, "xl/worksheets/sheet1.xml", func(xml string) string {
			return strings.Replace(xml, "<sheetData></sheetData>", "<sheetData>"+strings.Join(rows[:k], "")+"</sheetData>", 1)
		})
		sameRows(t, "rows "+string(rune('0'+k)), data)
	}
}

// emptySheetWorkbook returns a workbook of one sheet, Sheet1, whose
// sheetData is empty ("<sheetData></sheetData>"), as excelize's
// StreamWriter writes it.
func emptySheetWorkbook(tb testing.TB) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// rewritePart returns the zip data with the named part changed by edit.
func rewritePart(t *testing.T, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			b = []byte(edit(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestAppendTextAsExcelize: the writer escapes a cell's text as excelize's
// StreamWriter does (encoding/xml's escaping, line feeds kept, _xHHHH_
// escaped).
func TestAppendTextAsExcelize(t *testing.T) {
	texts := []string{"", "plain", `a & b < c > d "e" 'f'`, "tab\there\r\nline\nfeed", "\x01\x1f ctrl", "é€😀", "bad \xff byte", "\uFFFE\uFFFF",
		"=SUM(A1)", "  spaced  "}
	for _, s := range texts {
		var want strings.Builder
		if err := xml.EscapeText(&want, []byte(s)); err != nil {
			t.Fatal(err)
		}
		if got, w := string(wrAppendText(nil, s)), strings.ReplaceAll(want.String(), "&#xA;", "\n"); got != w {
			t.Errorf("%q: %q, want %q", s, got, w)
		}
	}
	for s, want := range map[string]string{
		"_x0041_":           "_x005F_x0041_",
		"a _x005F_ b":       "a _x005F_x005F_ b",
		"_x005F_x0041_":     "_x005F_x005F_x005F_x0041_",
		"no _x004_ escape":  "no _x004_ escape",
		"two _x0041__x0042": "two _x005F_x0041__x0042",
	} {
		if got := string(wrAppendText(nil, s)); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
		if back := rdBstr(want); back != s {
			t.Errorf("%q read back as %q", want, back)
		}
	}
}

// FuzzOwnRows: for any sheetData the package's row iterator gives what
// excelize's gives, row by row: where its own decoder takes a row, the
// text must be excelize's, and what it does not take it hands over.
// Run with go test -fuzz FuzzOwnRows ./export/xlsx.
func FuzzOwnRows(f *testing.F) {
	base := emptySheetWorkbook(f)
	for _, s := range []string{
		`<row r="1"><c r="A1" t="inlineStr"><is><t>plain</t></is></c></row>`,
		`<row r="1"><c r="B1" s="2" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &#34;c&#34; &#x9;&#xD;</t></is></c></row>`,
		`<row r="2"><c r="D2" s="3"></c><c r="E2" t="inlineStr"><is><t>é€😀</t></is></c></row><row r="3"><c r="A3" t="s"><v>0</v></c></row>`,
		`<row r="8"><c r="A8" t="inlineStr"><is><t>_x0041_ _x005F_x0041_ _x005F_ _xD800_ _x00e9_</t></is></c></row>`,
		`<row r="1"><c t="inlineStr" r="A1"><is><t>order</t></is></c><c r="A1" t="inlineStr"><is><t>again</t></is></c></row>`,
		`<row r="2" spans="1:3"><c r="AA2" t="inlineStr"><is><t>&lt;&gt;&apos;&quot;</t></is></c></row>`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, rows string) {
		data := rewritePart(t, base, "xl/worksheets/sheet1.xml", func(xml string) string {
			return strings.Replace(xml, "<sheetData></sheetData>", "<sheetData>"+rows+"</sheetData>", 1)
		})
		wb, err := book.OpenData(data, newReadConfig(nil).Limits)
		if err != nil {
			return // refused before any row is read: nothing to compare
		}
		wb.Close()
		sameRows(t, "fuzzed rows", data)
	})
}
