package hostile

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Input is one input of the corpus: a file, with what it is and which
// defect of issue 19 it reproduces.
type Input struct {
	// Name is the file's name in the corpus, such as "alias-5000.yaml".
	Name string
	// What says what the input is, in one line.
	What string
	// Committed is set for an input kept in testdata/hostile: small, and
	// the same bytes on every run. The others are made when a test needs
	// them (too large to keep, or different on every run).
	Committed bool
	// Large is set for an input of tens of megabytes, which the tests
	// make only when asked to (see the tests of cmd/article30).
	Large bool
	make  func(w io.Writer) error
}

// Make writes the input's content to w.
func (in Input) Make(w io.Writer) error { return in.make(w) }

// Bytes returns the input's content.
func (in Input) Bytes() []byte {
	var b bytes.Buffer
	if err := in.make(&b); err != nil {
		panic(err) // the generators write to a bytes.Buffer
	}
	return b.Bytes()
}

// WriteTo writes the input as a file of its name in dir and returns the
// file's path.
func (in Input) WriteFile(dir string) (string, error) {
	path := filepath.Join(dir, in.Name)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	if err := in.make(f); err != nil {
		f.Close()
		return "", err
	}
	return path, f.Close()
}

// Lookup returns the corpus input of the given name; it panics if there
// is none, which is a mistake in a test.
func Lookup(name string) Input {
	for _, in := range Corpus() {
		if in.Name == name {
			return in
		}
	}
	panic("hostile: no input " + name)
}

// Corpus returns every input of the corpus, in a fixed order.
func Corpus() []Input {
	text := func(s string) func(io.Writer) error {
		return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
	}
	data := func(f func() []byte) func(io.Writer) error {
		return func(w io.Writer) error { _, err := w.Write(f()); return err }
	}
	return []Input{
		{Name: "alias-5000.yaml", Committed: true,
			What: "YAML alias bomb: one 32,000-character anchored string referenced 5,000 times in a block list (87 KB that expand to 160 MB)",
			make: func(w io.Writer) error { return AliasBomb(w, 32000, 5000, false) }},
		{Name: "alias-200000.yaml",
			What: "YAML alias bomb: the same string referenced 200,000 times in a flow list (832 KB that expand to 6.4 GB)",
			make: func(w io.Writer) error { return AliasBomb(w, 32000, 200000, true) }},
		{Name: "formula.yaml", Committed: true,
			What: "register whose activity ID is the CSV formula payload =cmd|' /C calc'!A0",
			make: text(formulaRegister)},
		{Name: "formula-records.csv", Committed: true,
			What: "retention records naming that activity, for article30 retention due",
			make: text("\"=cmd|' /C calc'!A0\",identifiers,2020-01-01\n")},
		{Name: "control-escape.yaml", Committed: true,
			What: `register whose controller name holds "\e[31m" written as a YAML escape`,
			make: text(controlRegister(`"Northfield \e[31mCareers"`))},
		{Name: "control-nul.yaml", Committed: true,
			What: `register whose controller name holds "\0" written as a YAML escape`,
			make: text(controlRegister(`"Northfield\0Careers"`))},
		{Name: "control-bell.yaml", Committed: true,
			What: `register whose controller name holds "\x07" written as a YAML escape`,
			make: text(controlRegister(`"Northfield\x07Careers"`))},
		{Name: "control-rlo.yaml", Committed: true,
			What: `register whose controller name holds U+202E (right-to-left override) written as a YAML escape`,
			make: text(controlRegister(`"Northfield\u202ECareers"`))},
		{Name: "control-raw.yaml", Committed: true,
			What: "register whose controller name holds a raw ESC byte",
			make: text(controlRegister("Northfield \x1b[31mCareers"))},
		{Name: "control-raw-rlo.yaml", Committed: true,
			What: "register whose controller name holds a raw U+202E",
			make: text(controlRegister("Northfield \u202eCareers"))},
		{Name: "multi-document.yaml", Committed: true,
			What: "register followed by a second YAML document after ---",
			make: text(smallRegister + "---\njurisdiction: eu\ncontroller: {name: Other}\nactivities: []\n")},
		{Name: "url-javascript.yaml", Committed: true,
			What: "register whose complaints form is a javascript: URL",
			make: text(strings.Replace(smallRegister, "form: https://northfield.example/complaints", "form: \"javascript:alert(document.cookie)\"", 1))},
		{Name: "url-data.yaml", Committed: true,
			What: "register whose website is a data: URL",
			make: text(strings.Replace(smallRegister, "website: https://northfield.example", "website: \"data:text/html,<script>alert(1)</script>\"", 1))},
		{Name: "register.yaml", Committed: true,
			What: "a small valid register, for the commands that write files (export -o over it, a write that fails half-way)",
			make: text(smallRegister)},
		{Name: "over-size.yaml",
			What: "register file one byte over ropa.MaxFileSize (64 MiB): a valid register padded with a comment",
			make: func(w io.Writer) error { return Padded(w, 64<<20+1) }},
		{Name: "large-30000.yaml", Large: true,
			What: "register of 30,000 activities of 2 KB (59 MB, near ropa.MaxFileSize), whose workbook import once refused",
			make: func(w io.Writer) error { return LargeRegister(w, 30000) }},
		{Name: "long-cell.xlsx", Committed: true,
			What: "ICO template whose Categories of personal data cell holds 40,000 characters",
			make: data(longCellWorkbook)},
		{Name: "error-cells.xlsx", Committed: true,
			What: "ICO template whose retention cells hold #DIV/0!, #N/A, #REF!, #VALUE!, #NAME?, #NUM!, #NULL!, #SPILL! and #CALC!",
			make: data(errorCellsWorkbook)},
		{Name: "entity.xlsx", Committed: true,
			What: "ICO template with a cell holding an XML entity reference declared in a DOCTYPE (and an external one), and a row after it",
			make: data(entityWorkbook)},
		{Name: "formula-no-value.xlsx", Committed: true,
			What: "ICO template with a formula cell saved without its computed value",
			make: data(formulaWorkbook)},
		{Name: "encrypted-shape.xlsx", Committed: true,
			What: "OLE compound file with EncryptionInfo and EncryptedPackage streams: the shape of a password-protected workbook, without real encryption",
			make: data(func() []byte { return CompoundFile("EncryptionInfo", "EncryptedPackage") })},
		{Name: "encrypted.xlsx",
			What: "ICO template encrypted with the password \"hostile\" by excelize (agile encryption; different bytes on every run)",
			make: func(w io.Writer) error { return EncryptedWorkbook(w, "hostile") }},
		{Name: "legacy.xls", Committed: true,
			What: "OLE compound file with a Workbook stream: the shape of an Excel 97-2003 workbook",
			make: data(func() []byte { return CompoundFile("Workbook") })},
		{Name: "notes-200000.xlsx",
			What: "ICO template with one activity and 200,000 rows of notes below the table",
			make: func(w io.Writer) error { return NotesWorkbook(w, 200000) }},
		{Name: "notes-1000000.xlsx", Large: true,
			What: "ICO template with one activity and 1,000,000 rows of notes below the table",
			make: func(w io.Writer) error { return NotesWorkbook(w, 1000000) }},
		{Name: "zip-bomb.xlsx",
			What: "workbook whose one sheet expands from 1 MB to 1 GiB of spaces",
			make: ZipBomb},
	}
}

// AliasBomb writes a register whose security list is one anchored string of
// size bytes referenced refs times, as a block list (one "- *s" a line) or
// a flow list ([&s xxx, *s, *s, ...]).
func AliasBomb(w io.Writer, size, refs int, flow bool) error {
	var b strings.Builder
	b.WriteString("jurisdiction: uk\ncontroller: {name: X}\nactivities:\n  - id: a\n    name: A\n")
	if flow {
		b.WriteString("    security: [&s " + strings.Repeat("x", size))
		for range refs {
			b.WriteString(", *s")
		}
		b.WriteString("]\n")
	} else {
		b.WriteString("    security:\n      - &s " + strings.Repeat("x", size) + "\n")
		for range refs {
			b.WriteString("      - *s\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// smallRegister is a valid register of one activity.
const smallRegister = `# A small register for the hostile-input tests.
jurisdiction: uk
controller:
  name: Northfield Careers Trust
  email: info@northfield.example
  website: https://northfield.example
complaints:
  form: https://northfield.example/complaints
activities:
  - id: payroll
    name: Payroll
    purposes:
      - description: Paying staff under their contracts of employment
        basis: contract
    dataSubjects: [employees]
    dataCategories: [identifiers, contact-details]
    retention:
      - rule: P6Y from termination-of-employment
`

// formulaRegister names an activity with a spreadsheet formula.
const formulaRegister = `jurisdiction: uk
controller: {name: Northfield Careers Trust}
activities:
  - id: "=cmd|' /C calc'!A0"
    name: Evil
    purposes: [{description: Pay, basis: contract}]
    dataSubjects: [employees]
    dataCategories: [identifiers]
    retention: [{rule: P1Y from collection}]
`

// controlRegister is the small register with the controller's name as
// given (a YAML scalar).
func controlRegister(name string) string {
	return strings.Replace(smallRegister, "name: Northfield Careers Trust", "name: "+name, 1)
}

// Padded writes the small register followed by a comment, size bytes in
// all.
func Padded(w io.Writer, size int) error {
	if _, err := io.WriteString(w, smallRegister+"#"); err != nil {
		return err
	}
	rest := size - len(smallRegister) - 1
	line := []byte(strings.Repeat(" padding", 127) + "\n#")
	for rest > 0 {
		n := min(rest, len(line))
		if _, err := w.Write(line[:n]); err != nil {
			return err
		}
		rest -= n
	}
	return nil
}

// largeActivity is one activity of LargeRegister, about 2.1 KB; %d is its
// number.
const largeActivity = `  - id: payroll-%d
    name: Payroll %d
    businessFunction: Finance
    owner: Head of Finance
    purposes:
      - description: Paying staff under their contracts of employment
        basis: contract
      - description: Reporting pay and deductions to HMRC
        basis: legal-obligation
        provision: Income Tax (Pay As You Earn) Regulations 2003
    dataSubjects: [employees]
    dataCategories: [identifiers, contact-details, financial, pay-and-benefits, government-identifiers]
    sources:
      - kind: data-subject
        name: New starter form
    none: [automated-decisions, transfers]
    recipients:
      - name: Payroll bureau
        kind: processor
        country: GB
        contract: DPA-2024-07 (Art 28 terms in the master services agreement)
      - name: HM Revenue and Customs
        kind: authority
        country: GB
    retention:
      - rule: "P6Y from end-of-financial-year then delete source statute: Taxes Management Act 1970"
    security:
      - Role-based access to the payroll system, reviewed quarterly by the head of finance and the DPO
      - Encryption at rest (AES-256) and in transit (TLS 1.2 or later) for every copy of the payroll data
      - Multi-factor authentication for every account with access to the payroll system or its backups
      - Audit log of every view, change and export of a pay record, kept for two years and reviewed monthly
      - Backups held in the UK by the payroll bureau, encrypted, restored in a test every six months
      - Leavers' access removed on their last day; starters given access only after the contract is signed
      - Payslips sent through the payroll portal, never by email; printed payslips in sealed envelopes
    systems: [Payroll system, HR system, Finance ledger]
    locations: [Leeds office, Payroll bureau data centre (UK)]
    notes: Reviewed in the annual audit of the finance function; the bureau's contract is renewed every three years.
`

// LargeRegister writes a valid register of n activities of about 2.1 KB.
func LargeRegister(w io.Writer, n int) error {
	head := strings.SplitAfter(smallRegister, "activities:\n")[0]
	if _, err := io.WriteString(w, head); err != nil {
		return err
	}
	for i := range n {
		if _, err := fmt.Fprintf(w, largeActivity, i, i); err != nil {
			return err
		}
	}
	return nil
}

// icoHead is the heading row of a small ICO template sheet.
var icoHead = []Cell{
	{Ref: "A1", Text: "Purpose of processing"}, {Ref: "B1", Text: "Categories of individuals"},
	{Ref: "C1", Text: "Categories of personal data"}, {Ref: "D1", Text: "Retention schedule (if possible)"},
}

func icoWorkbook(prolog string, cells ...Cell) []byte {
	return Workbook{Sheets: []Sheet{{Name: "Template", Prolog: prolog, Cells: append(append([]Cell{}, icoHead...), cells...)}}}.Bytes()
}

// LongText is the text of the over-long cell: 40,000 characters of one
// value, without a line break, semicolon or comma that would split it.
var LongText = strings.Repeat("Payroll records of every kind ", 1334)[:39999] + "."

func longCellWorkbook() []byte {
	return icoWorkbook("", Cell{Ref: "A2", Text: "Payroll"}, Cell{Ref: "B2", Text: "Staff"}, Cell{Ref: "C2", Text: LongText})
}

// ErrorValues are Excel's error values that the corpus puts in cells.
var ErrorValues = []string{"#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"}

func errorCellsWorkbook() []byte {
	var cells []Cell
	for i, v := range ErrorValues {
		r := i + 2
		cells = append(cells,
			Cell{Ref: fmt.Sprintf("A%d", r), Text: fmt.Sprintf("Activity %d", i+1)},
			Cell{Ref: fmt.Sprintf("B%d", r), Text: "Staff"},
			Cell{Ref: fmt.Sprintf("D%d", r), Error: v, Formula: fmt.Sprintf("VLOOKUP(A%d,Retention!A:B,2,FALSE)", r)})
	}
	return icoWorkbook("", cells...)
}

func entityWorkbook() []byte {
	return icoWorkbook(`<!DOCTYPE worksheet [<!ENTITY who "Employees"><!ENTITY secret SYSTEM "file:///etc/passwd">]>`,
		Cell{Ref: "A2", Text: "Payroll"}, Cell{Ref: "B2", Raw: "&who;"}, Cell{Ref: "C2", Raw: "&secret;"},
		Cell{Ref: "A3", Text: "Recruitment"}, Cell{Ref: "B3", Text: "Job applicants"})
}

func formulaWorkbook() []byte {
	return icoWorkbook("", Cell{Ref: "A2", Text: "Payroll"}, Cell{Ref: "B2", Text: "Staff"}, Cell{Ref: "C2", Formula: "Lists!A1"})
}

// EncryptedWorkbook writes a small ICO template encrypted with password,
// as Excel's "Encrypt with Password" does (excelize's agile encryption).
func EncryptedWorkbook(w io.Writer, password string) error {
	f := excelize.NewFile()
	defer f.Close()
	for _, c := range append(icoHead, Cell{Ref: "A2", Text: "Payroll"}, Cell{Ref: "B2", Text: "Staff"}) {
		if err := f.SetCellStr("Sheet1", c.Ref, c.Text); err != nil {
			return err
		}
	}
	return f.Write(w, excelize.Options{Password: password})
}

// NotesWorkbook writes an ICO template with one activity and n rows of
// notes below the table, each different, so that the sheet compresses as
// real text does rather than as a zip bomb.
func NotesWorkbook(w io.Writer, n int) error {
	var rows strings.Builder
	words := []string{"reviewed", "by", "the", "DPO", "in", "March", "see", "ticket", "minutes", "of", "board", "meeting", "action", "owner", "pending"}
	x := uint32(2463534242)
	for i := range n {
		r := i + 4
		fmt.Fprintf(&rows, `<row r="%d"><c r="E%d" t="inlineStr"><is><t>Note %d:`, r, r, i+1)
		for range 6 {
			x ^= x << 13
			x ^= x >> 17
			x ^= x << 5
			rows.WriteString(" " + words[x%uint32(len(words))])
		}
		fmt.Fprintf(&rows, ` %d</t></is></c></row>`, x%100000)
	}
	wb := Workbook{Sheets: []Sheet{{Name: "Template", Cells: append(append([]Cell{}, icoHead...),
		Cell{Ref: "A2", Text: "Payroll"}, Cell{Ref: "B2", Text: "Staff"}), Rows: rows.String()}}}
	_, err := w.Write(wb.Bytes())
	return err
}
