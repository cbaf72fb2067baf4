package ico

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/internal/hostile"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// headCells is the heading row of a small ICO-style sheet.
var headCells = []hostile.Cell{
	{Ref: "A1", Text: "Purpose of processing"}, {Ref: "B1", Text: "Categories of individuals"},
	{Ref: "C1", Text: "Categories of personal data"}, {Ref: "D1", Text: "Retention schedule (if possible)"},
}

func sheetOf(prolog string, cells ...hostile.Cell) []byte {
	return hostile.Workbook{Sheets: []hostile.Sheet{{Name: "Template", Prolog: prolog, Cells: append(append([]hostile.Cell{}, headCells...), cells...)}}}.Bytes()
}

// Nothing is changed on import without a word: an error value, a formula
// without a value, an entity reference, a cell longer than a cell may be,
// each is reported by its cell with what was found and what was kept.
func TestReadHostileCells(t *testing.T) {
	long := strings.Repeat("Payroll records of every kind. ", 1300) // 40,300 characters with the last space
	errorValues := []string{"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}
	var errCells []hostile.Cell
	var wantErrs []string
	for i, v := range errorValues {
		ref := fmt.Sprintf("D%d", i+2)
		errCells = append(errCells, hostile.Cell{Ref: fmt.Sprintf("A%d", i+2), Text: "Purpose " + v}, hostile.Cell{Ref: fmt.Sprintf("B%d", i+2), Text: "Staff"},
			hostile.Cell{Ref: ref, Error: v, Formula: "VLOOKUP(A2,Sheet2!A:B,2,FALSE)"})
		wantErrs = append(wantErrs, "Template!"+ref+": holds the Excel error value "+v+" (a formula that failed), not data: nothing was imported from it; correct the formula or type the value")
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		want   []string // the cell errors
		checkA func(t *testing.T, a []ropa.Activity)
	}{
		{"error values", sheetOf("", errCells...), wantErrs, func(t *testing.T, acts []ropa.Activity) {
			for _, a := range acts {
				if len(a.Retention) != 0 || strings.Contains(a.Notes, "#") {
					t.Errorf("%s: an error value became data: retention %v, notes %q", a.ID, a.Retention, a.Notes)
				}
			}
		}},
		{"formula without a value", sheetOf("", hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Formula: "Lists!A1"}),
			[]string{"Template!B2: holds the formula =Lists!A1 without a computed value (the program that saved the file did not calculate it): nothing was imported from it; open and save the workbook in Excel, or type the value"},
			nil},
		{"entity declared in a DOCTYPE", sheetOf(`<!DOCTYPE worksheet [<!ENTITY who "Employees"><!ENTITY file SYSTEM "file:///etc/passwd">]>`,
			hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Raw: "&who;"}, hostile.Cell{Ref: "C2", Raw: "&file;"},
			hostile.Cell{Ref: "A3", Text: "Recruitment"}, hostile.Cell{Ref: "B3", Text: "Job applicants"}),
			[]string{
				`Template!B2: holds the XML entity reference &who; (declared in the sheet's DOCTYPE as "Employees"), which a workbook cannot hold and which would have been read as nothing: kept as the text "&who;"`,
				`Template!C2: holds the XML entity reference &file; (declared in the sheet's DOCTYPE as the external resource "file:///etc/passwd", which is never read), which a workbook cannot hold and which would have been read as nothing: kept as the text "&file;"`,
			},
			func(t *testing.T, acts []ropa.Activity) {
				// The rows after the entity are read: excelize alone
				// stops at it and loses them.
				if len(acts) != 2 || acts[1].Name != "Recruitment" || len(acts[1].DataSubjects) != 1 {
					t.Errorf("activities %+v", acts)
				}
			}},
		{"entity without a declaration", sheetOf("", hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Raw: "Staff &nbsp; and &amp; &#65;"}),
			[]string{`Template!B2: holds the XML entity reference &nbsp;, which a workbook cannot hold and which would have been read as nothing: kept as the text "&nbsp;"`},
			nil},
		{"over-long cell", sheetOf("", hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Text: "Staff"}, hostile.Cell{Ref: "C2", Text: long}),
			// 40,299 characters: the cell's last space is trimmed.
			[]string{`Template!C2: holds 40299 characters, more than a workbook cell holds (32767), so it was not read into the register's fields: ` +
				`its first 32703 characters were kept in the activity's notes; the last 7596, from ". Payroll records of every kind. Payroll records of every kind. Payroll records …", were not imported`},
			func(t *testing.T, acts []ropa.Activity) {
				a := acts[0]
				if len(a.DataCategories) != 0 || !strings.HasPrefix(a.Notes, "Categories of personal data: Payroll records") || book.UTF16Len(a.Notes) > maxCell {
					t.Errorf("categories %d, notes of %d units starting %.40q", len(a.DataCategories), book.UTF16Len(a.Notes), a.Notes)
				}
				if !strings.HasPrefix(long, strings.TrimPrefix(a.Notes, "Categories of personal data: ")) {
					t.Error("the notes do not hold the cell's text from its start")
				}
			}},
		{"notes full", sheetOf("", hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Text: "Staff"},
			hostile.Cell{Ref: "E1", Text: "Our notes"}, hostile.Cell{Ref: "F1", Text: "More notes"},
			hostile.Cell{Ref: "E2", Text: strings.Repeat("a", 20000)}, hostile.Cell{Ref: "F2", Text: strings.Repeat("b", 20000)}),
			[]string{`Template!E2: "Our notes" is not a column of the ICO template: kept in the activity's notes`,
				`Template!F2: "More notes" is not a column of the ICO template: kept in the activity's notes`,
				`Template!F2: the activity's notes are full (they hold at most 32767 characters, as a workbook cell does): the first 12743 of this cell's 20000 characters were kept in them; ` +
					`the last 7257, from "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb…", were not imported`},
			func(t *testing.T, acts []ropa.Activity) {
				if n := book.UTF16Len(acts[0].Notes); n != maxCell {
					t.Errorf("notes of %d units", n)
				}
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := Read(bytes.NewReader(tc.data))
			var cells xlsx.CellErrors
			if !errors.As(err, &cells) || reg == nil {
				t.Fatalf("Read: %v", err)
			}
			cells = noContact(cells)
			if diff := cmp.Diff(tc.want, errorList(cells)); diff != "" {
				t.Errorf("cell errors (-want +got):\n%s", diff)
			}
			for _, c := range cells {
				if !errors.Is(c, ErrNotImported) && !errors.Is(c, ErrNoted) {
					t.Errorf("%v is not an ErrNotImported notice", c)
				}
			}
			if tc.checkA != nil {
				tc.checkA(t, reg.Activities)
			}
			// What was imported exports, and reads back.
			var buf bytes.Buffer
			if err := xlsx.Write(&buf, reg, lawfulbasis.LawAsOf); err != nil {
				t.Fatalf("xlsx.Write of the imported register: %v", err)
			}
			if _, err := xlsx.Read(bytes.NewReader(buf.Bytes())); err != nil {
				t.Errorf("Read of the exported register: %v", err)
			}
		})
	}
}

// A read lists at most xlsx.MaxCellErrors cells and counts the rest.
func TestCellErrorsCapped(t *testing.T) {
	var cells []hostile.Cell
	cells = append(cells, hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Text: "Staff"})
	for r := 4; r < 4+50; r++ {
		cells = append(cells, hostile.Cell{Ref: fmt.Sprintf("E%d", r), Text: "a note below the table"})
	}
	reg, err := Read(bytes.NewReader(sheetOf("", cells...)), xlsx.WithMaxCellErrors(10))
	var ce xlsx.CellErrors
	if !errors.As(err, &ce) || reg == nil {
		t.Fatalf("Read: %v", err)
	}
	last := ce[len(ce)-1]
	// The 50 notes below the table, and the sheet's missing contact block.
	if len(ce) != 11 || ce.Count() != 51 || !errors.Is(last, xlsx.ErrMoreCells) ||
		last.Error() != "41 more cells could not be read cleanly and are not listed: a read lists at most 10 (xlsx.MaxCellErrors; raise it with xlsx.WithMaxCellErrors)" {
		t.Errorf("%d listed, count %d, last %v", len(ce), ce.Count(), last)
	}
}

// Hyperlinks past the importer's limit are reported, not dropped without
// a word: their cells are imported with their text.
func TestReadTooManyLinks(t *testing.T) {
	var links strings.Builder
	links.WriteString("<hyperlinks>")
	for r := 1; r <= maxLinks+5; r++ {
		fmt.Fprintf(&links, `<hyperlink ref="Z%d" location="Log!A1"/>`, r+10)
	}
	links.WriteString(`<hyperlink ref="E2" location="Log!A2"/></hyperlinks>`)
	cells := append(append([]hostile.Cell{}, headCells...), hostile.Cell{Ref: "E1", Text: "Link to record of consent"},
		hostile.Cell{Ref: "A2", Text: "Payroll"}, hostile.Cell{Ref: "B2", Text: "Staff"}, hostile.Cell{Ref: "E2", Text: "Consent log"})
	b := hostile.Workbook{Sheets: []hostile.Sheet{{Name: "Template", Cells: cells, After: links.String()}}}.Bytes()
	reg, err := Read(bytes.NewReader(b))
	var ce xlsx.CellErrors
	if !errors.As(err, &ce) || reg == nil {
		t.Fatalf("Read: %v", err)
	}
	want := []string{"Template: the sheet has 6 hyperlinks more than the 100000 read: the cells of those links were imported with their text, not their targets"}
	if diff := cmp.Diff(want, errorList(noContact(ce))); diff != "" {
		t.Errorf("cell errors (-want +got):\n%s", diff)
	}
	if got := reg.Activities[0].ConsentRecord; got != "Consent log" {
		t.Errorf("consent record %q", got)
	}
}

// A workbook protected by a password to open is refused as encrypted,
// and one of Excel 97-2003 as not a workbook, each saying what to do.
func TestReadEncrypted(t *testing.T) {
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "Purpose of processing")
	var enc bytes.Buffer
	if err := f.Write(&enc, excelize.Options{Password: "hostile"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	_, err := Read(bytes.NewReader(enc.Bytes()))
	if !errors.Is(err, xlsx.ErrEncrypted) || errors.Is(err, xlsx.ErrNotWorkbook) {
		t.Errorf("Read(encrypted) = %v", err)
	}
	_, err = Read(bytes.NewReader(hostile.CompoundFile("Workbook")))
	if !errors.Is(err, xlsx.ErrNotWorkbook) || !strings.Contains(err.Error(), "Excel 97-2003 workbook (.xls)") {
		t.Errorf("Read(.xls) = %v", err)
	}
}
