package xlsx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/ropa"
)

// TestWritePrintLayout: the workbook prints like a register. Every
// visible sheet is A4 landscape with its headings repeated on every page;
// column A is not repeated (it repeated the contact block's labels
// without their values); the Template's section titles never cross a
// page break; the data sheets, and a Findings sheet with no findings, are
// hidden, since a spreadsheet prints every visible sheet.
func TestWritePrintLayout(t *testing.T) {
	reg := smallRegister()
	f := openBytes(t, writeBytes(t, reg))
	p := icoLayout
	names := f.GetSheetList()
	if names[0] != NotesSheet || names[1] != p.ControllerSheet {
		t.Errorf("sheets start %q, want Notes then Template", names[:2])
	}
	for _, name := range names {
		visible, _ := f.GetSheetVisible(name)
		hidden := slices.Contains(wbReservedSheets(), name) || name == FindingsSheet && len(ropa.Check(reg, newWriteConfig(lawDay, nil).asOf).Findings) == 0
		if visible == hidden {
			t.Errorf("%s: visible = %v", name, visible)
		}
		if !visible {
			continue
		}
		pl, err := f.GetPageLayout(name)
		if err != nil {
			t.Fatal(err)
		}
		if *pl.Size != 9 || *pl.Orientation != "landscape" {
			t.Errorf("%s: page %d %s, want A4 (9) landscape", name, *pl.Size, *pl.Orientation)
		}
	}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	if got := titles[p.ControllerSheet]; got != "'Template'!$8:$9" {
		t.Errorf("Template print titles %q, want rows 8 and 9 only", got)
	}
	for _, v := range []string{RetentionSheet, FindingsSheet, ReferenceSheet} {
		if !strings.HasSuffix(titles[v], "!$1:$1") {
			t.Errorf("%s print titles %q", v, titles[v])
		}
	}
	// No section title crosses a page break.
	starts := vwPageStarts(p.Controller, vwRecordWidths(p, p.Controller, 2))
	if len(starts) == 0 {
		t.Fatal("the Template prints on one page across")
	}
	merged, err := f.GetMergeCells(p.ControllerSheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range merged {
		c0, _, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, _, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
		for _, s := range starts {
			if c0-1 < s && s <= c1-1 {
				t.Errorf("section %s:%s crosses the page break before column %s", m.GetStartAxis(), m.GetEndAxis(), wbColName(s+1))
			}
		}
	}
}

// TestPrintPageCounts prints the HR example and every seed register with
// LibreOffice (headless, to PDF) and counts the pages: at most 12 for the
// HR example, 20 for a seed register (they were 31 to 84). It skips
// without LibreOffice and pdfinfo.
func TestPrintPageCounts(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("skipped: no LibreOffice (apt-get install libreoffice-calc-nogui)")
	}
	pdfinfo, err := exec.LookPath("pdfinfo")
	if err != nil {
		t.Skip("skipped: no pdfinfo (apt-get install poppler-utils)")
	}
	dir := t.TempDir()
	limits := map[string]int{"hr": 12}
	regs := map[string]*ropa.Register{}
	hr, err := ropa.Load(filepath.Join("..", "..", "examples", "hr", "register.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	regs["hr"] = hr
	for _, n := range seedNames {
		regs[n], limits[n] = loadSeed(t, n), 20
	}
	var books []string
	for n, reg := range regs {
		book := filepath.Join(dir, n+".xlsx")
		if err := os.WriteFile(book, writeBytes(t, reg), 0o644); err != nil {
			t.Fatal(err)
		}
		books = append(books, book)
	}
	slices.Sort(books)
	cmd := exec.Command(soffice, append([]string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}, books...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)
	for n, limit := range limits {
		out, err := exec.Command(pdfinfo, filepath.Join(dir, n+".pdf")).Output()
		if err != nil {
			t.Fatalf("%s: pdfinfo: %v", n, err)
		}
		m := pages.FindSubmatch(out)
		if m == nil {
			t.Fatalf("%s: pdfinfo says no page count:\n%s", n, out)
		}
		got, _ := strconv.Atoi(string(m[1]))
		t.Logf("%s: %d pages", n, got)
		if got > limit {
			t.Errorf("%s prints on %d pages, more than %d", n, got, limit)
		}
	}
}

// TestDataSheetHeadings: the data sheets are headed in words, not by the
// model's JSON paths ("policyDocument.article6" was a heading), and every
// title is distinct within its sheet and maps back to its field.
func TestDataSheetHeadings(t *testing.T) {
	f := openBytes(t, writeBytes(t, smallRegister()))
	for _, d := range dsSheets() {
		rows, err := f.GetRows(d.name)
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for i, h := range rows[0] {
			if strings.ContainsAny(h, ".") || h != strings.TrimSpace(h) || h == "" || strings.ToLower(h[:1]) == h[:1] {
				t.Errorf("%s!%s heading %q is not in words", d.name, wbCellRef(i+1, 1), h)
			}
			if seen[h] {
				t.Errorf("%s: heading %q twice", d.name, h)
			}
			seen[h] = true
			if h != dsTitle(d.headers[i]) {
				t.Errorf("%s!%s = %q, want %q", d.name, wbCellRef(i+1, 1), h, dsTitle(d.headers[i]))
			}
		}
	}
	if got := dsTitle("policyDocument.article6"); got != "Policy document: Article 6 basis" {
		t.Errorf("policyDocument.article6 is headed %q", got)
	}
}
