package ico

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/ropa"
)

// checkImport checks what any import must satisfy: a register or an
// error, never both unless the error is xlsx.CellErrors; cell errors that name
// their sheet; unique activity IDs; and a register whose only structural
// problems are text too long for the model or a missing controller name,
// never an invalid enumeration value, country or email.
func checkImport(t *testing.T, reg *ropa.Register, err error) {
	t.Helper()
	var cells xlsx.CellErrors
	switch {
	case reg == nil && err == nil:
		t.Fatal("nil register and nil error")
	case reg == nil:
		if errors.As(err, &cells) {
			t.Fatalf("cell errors without a register: %v", err)
		}
		if !errors.Is(err, xlsx.ErrNotWorkbook) && !errors.Is(err, xlsx.ErrTooLarge) && !errors.Is(err, ErrNoHeader) {
			t.Fatalf("error wraps none of the sentinels: %v", err)
		}
		return
	case err != nil:
		if !errors.As(err, &cells) || len(cells) == 0 {
			t.Fatalf("register with an error that is not xlsx.CellErrors: %v", err)
		}
	}
	for _, c := range cells {
		if c.Sheet == "" || c.Err == nil {
			t.Fatalf("cell error without sheet or cause: %#v", c)
		}
	}
	ids := map[string]bool{}
	for _, a := range reg.Activities {
		if a.ID == "" || ids[a.ID] {
			t.Fatalf("activity ID %q empty or repeated", a.ID)
		}
		ids[a.ID] = true
	}
	var ve ropa.ValidationErrors
	if err := reg.Validate(); errors.As(err, &ve) {
		for _, fe := range ve {
			if fe.Rule != "max" && !(fe.Rule == "required" && fe.Path == "controller.name") {
				t.Fatalf("imported register fails validation: %v", fe)
			}
		}
	} else if err != nil {
		t.Fatalf("Validate: %v", err)
	}
}

// checkAccount checks what the account of any import must satisfy:
// every cell counted once, as read, kept in notes or rejected, and a
// message for every cell not read.
func checkAccount(t *testing.T, b []byte, opts ...xlsx.ReadOption) {
	t.Helper()
	im, err := ReadAccount(bytes.NewReader(b), opts...)
	if err != nil {
		return
	}
	a := im.Account
	if a.Read < 0 || a.Noted < 0 || a.Rejected < 0 || a.Cells != a.Read+a.Noted+a.Rejected {
		t.Fatalf("account does not add up: %+v", a)
	}
	if a.Noted+a.Rejected > 0 && len(a.Messages) == 0 {
		t.Fatalf("%d cells not read cleanly and no message", a.Noted+a.Rejected)
	}
}

// stored re-zips a workbook without compression, so that mutations of
// its bytes change the XML inside rather than a deflate stream.
func stored(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "docProps/") || strings.HasPrefix(f.Name, "xl/theme/") {
			continue // parts excelize does without
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		if err != nil {
			return nil, err
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(w, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	err = zw.Close()
	return buf.Bytes(), err
}

// fuzzMinimize lowers the time the fuzzer spends minimising each new
// input, unless -fuzzminimizetime is given: the seeds are workbooks of
// several kilobytes, which the minimiser shortens one byte at a time, so
// that with the default of 60s a one-minute run does almost nothing else.
func fuzzMinimize() {
	set := false
	flag.Visit(func(fl *flag.Flag) { set = set || fl.Name == "test.fuzzminimizetime" })
	if !set && flag.Lookup("test.fuzzminimizetime") != nil {
		flag.Set("test.fuzzminimizetime", "2s")
	}
}

// FuzzRead feeds Read arbitrary bytes, seeded with the generator's
// workbooks (as generated, and re-zipped without compression): it must not
// panic, and must return a register or an error.
func FuzzRead(f *testing.F) {
	for _, v := range genVariants {
		b, err := genWorkbook(v)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		stored, err := stored(b)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(stored)
	}
	fuzzMinimize()
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte("PK\x05\x06\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00"))
	f.Add([]byte("Business function,Purpose of processing,Categories of individuals\n"))
	f.Add([]byte("\x89PNG\r\n\x1a\n"))
	f.Add([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")) // an OLE (xls or encrypted) header
	defer func(old bool) { recoverPanics = old }(recoverPanics)
	recoverPanics = false // a panic in this package's code must fail the fuzz test
	f.Fuzz(func(t *testing.T, b []byte) {
		reg, err := Read(bytes.NewReader(b), xlsx.WithLimits(16<<20, 4<<20))
		checkAccount(t, b, xlsx.WithLimits(16<<20, 4<<20))
		checkImport(t, reg, err)
	})
}

// FuzzCells fills the cells of a template with arbitrary text, to reach
// the parsing of cell values that FuzzRead rarely gets to.
func FuzzCells(f *testing.F) {
	f.Add("Business function", "Payroll\nPensions", "Contract; Legal obligation", "Staff, Job applicants")
	f.Add("HR", "Public task (Education Act 1996)", "Art. 9(2)(b) – employment", "USA, Narnia; EEA")
	f.Add("Name: Acme", "consnet", "Sch 1 para 6; para 18 (safeguarding)", "SCCs with the UK Addendum")
	f.Add("", "-", "N/A", "—")
	f.Add("Yes – profiling", "P6Y from termination-of-employment", "custom special: Voiceprint", "mailto:see intranet")
	f.Add("US (Mail provider)", "India (payroll provider): IDTA", "Payroll provider; Mail Provider", "None")
	fuzzMinimize()
	defer func(old bool) { recoverPanics = old }(recoverPanics)
	recoverPanics = false
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		file := excelize.NewFile()
		defer file.Close()
		sheet := "Template"
		if err := file.SetSheetName("Sheet1", sheet); err != nil {
			t.Fatal(err)
		}
		vals := []string{a, b, c, d}
		// The contact block, with the fuzzed text in its values.
		file.SetCellStr(sheet, "A1", "Name and contact details")
		for i, label := range templateLayout.ContactRows {
			file.SetCellStr(sheet, cellRef(1, 2+i), label)
			file.SetCellStr(sheet, cellRef(2, 2+i), vals[i])
		}
		// Headings, with one replaced by fuzzed text.
		for k, col := range templateLayout.Controller {
			h := col.Heading
			if k == len(a)%len(templateLayout.Controller) && k != tpl.ColPurpose && k != tpl.ColIndividuals {
				h = d
			}
			file.SetCellStr(sheet, cellRef(k+1, 8), h)
		}
		// Two rows of data, every cell fuzzed text, then notes below.
		for k := range templateLayout.Controller {
			file.SetCellStr(sheet, cellRef(k+1, 9), vals[k%4])
			file.SetCellStr(sheet, cellRef(k+1, 10), vals[(k+1)%4])
		}
		file.SetCellStr(sheet, "A12", b)
		file.SetCellHyperLink(sheet, cellRef(tpl.ColProcessorContract+1, 9), "https://example.com/"+c, "External")
		var buf bytes.Buffer
		if err := file.Write(&buf); err != nil {
			t.Skip(err) // text excelize will not write
		}
		book := buf.Bytes()
		reg, err := Read(bytes.NewReader(book))
		checkImport(t, reg, err)
		checkAccount(t, book)
	})
}
