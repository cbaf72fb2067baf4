package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/ico"
	"github.com/article30/article30/ropa"
)

// icoHeadings are the headings of the hand-kept templates the tests
// build: ten of the ICO template's thirty columns, as a DPO keeps them.
var icoHeadings = []string{
	"Business function",
	"Purpose of processing",
	"Categories of individuals",
	"Categories of personal data",
	"Categories of recipients",
	"Names of third countries or international organisations that personal data are transferred to (if applicable)",
	"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
	"Retention schedule (if possible)",
	"General description of technical and organisational security measures (if possible)",
	"Article 6 lawful basis for processing personal data",
}

// icoTemplate writes a hand-kept ICO documentation template into dir as
// name and returns its path: the contact block in rows 1-5, the headings
// in row 7 and an activity a row from row 8. With typo, the second
// activity has an unknown country in F9 and an unknown lawful basis in J9,
// and a note is typed below the table in A11.
func icoTemplate(t *testing.T, dir, name string, typo bool) string {
	t.Helper()
	country, basis := "Ireland", "Consent"
	if typo {
		country, basis = "Narnia", "consnet"
	}
	rows := map[string][]string{
		"A1":  {"Name and contact details", "", "", "Data Protection Officer (if applicable)"},
		"A2":  {"Name", "Oakfield Academy", "", "Name", "Jane Smith"},
		"A3":  {"Address", "1 School Lane, Oakfield OX1 1AA", "", "Address", "Oakfield Academy, 1 School Lane, Oakfield OX1 1AA"},
		"A4":  {"Email", "office@oakfield.example", "", "Email", "dpo@oakfield.example"},
		"A5":  {"Telephone", "01865 000000", "", "Telephone", "01865 000001"},
		"A7":  icoHeadings,
		"A8":  {"Human resources", "Recruitment\nPaying staff", "Job applicants\nEmployees", "Contact details\nFinancial and bank details", "HMRC\nPayroll provider", "", "", "P6Y from termination-of-employment", "Access limited to the HR team", "Contract\nLegal obligation"},
		"A9":  {"Marketing", "Newsletter", "Newsletter subscribers", "Contact details", "Mailing service", country, "Adequacy", "P26M from collection", "Encrypted at rest", basis},
		"A11": nil,
	}
	if typo {
		rows["A11"] = []string{"Notes: this register is reviewed every spring."}
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "Template"); err != nil {
		t.Fatal(err)
	}
	for cell, row := range rows {
		for i, v := range row {
			if v == "" {
				continue
			}
			col, r, err := excelize.CellNameToCoordinates(cell)
			if err != nil {
				t.Fatal(err)
			}
			ref, err := excelize.CoordinatesToCellName(col+i, r)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr("Template", ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// readFile returns the content of the file at path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestImport(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		typo bool
		code int
	}{
		{"clean", false, 0},
		{"typo", true, 1}, // written, but with cells it could not read
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			book := icoTemplate(t, dir, tt.name+".xlsx", tt.typo)
			out := filepath.Join(dir, "register.yaml")
			got := runArgs(t, "", "import", book, "-o", out)
			if got.code != tt.code {
				t.Errorf("exit status %d, want %d\nstderr:\n%s", got.code, tt.code, got.stderr)
			}
			if got.stdout != "" {
				t.Errorf("stdout not empty:\n%s", got.stdout)
			}
			yaml := readFile(t, out)
			golden(t, "import/"+tt.name+".yaml", yaml)
			golden(t, "import/"+tt.name+".stderr", strings.ReplaceAll(got.stderr, dir+string(filepath.Separator), ""))

			// The file holds what ico.Read reads, and reads as a register.
			reg, err := ropa.Decode(strings.NewReader(yaml))
			if err != nil {
				t.Fatalf("the imported register does not decode: %v", err)
			}
			want, _ := ico.Read(strings.NewReader(readFile(t, book)))
			if diff := cmp.Diff(want, reg, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("imported register (-ico.Read +file):\n%s", diff)
			}
		})
	}
}

// Every cell that could not be read is on standard error as
// file: Sheet!Cell: problem, and the register is written all the same.
func TestImportCellErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := icoTemplate(t, dir, "ico.xlsx", true)
	got := runArgs(t, "", "import", book) // to standard output
	if got.code != 1 {
		t.Errorf("exit status %d, want 1", got.code)
	}
	for _, want := range []string{
		book + `: Template!F9: unknown country "Narnia"`,
		book + `: Template!J9: unknown lawful basis "consnet" (did you mean "consent"?)`,
		book + `: Template!A11: text below the table is not an activity and was not imported`,
		book + `: Template!G9: safeguards are given, but no third country: kept in the activity's notes`,
		"article30 import: 2 activities from the ICO template in " + book + " to standard output; 47 cells: 43 read into the register, 1 kept in activities' notes, 3 rejected\n",
	} {
		if !strings.Contains(got.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, got.stderr)
		}
	}
	if !strings.HasPrefix(got.stdout, "# Imported by article30 import from ico.xlsx.\n# Not every cell was read cleanly (47 cells: ") ||
		!strings.Contains(got.stdout, "consnet") {
		t.Errorf("stdout does not hold the register with the unread text in its notes:\n%s", got.stdout)
	}
}

func TestImportFailures(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	noHeader := filepath.Join(dir, "no-header.xlsx")
	f := excelize.NewFile()
	f.SetCellStr("Sheet1", "A1", "Shopping list")
	if err := f.SaveAs(noHeader); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name   string
		args   []string
		stderr []string
	}{
		{"not a workbook", []string{"testdata/compliant.yaml"}, []string{"article30 import: testdata/compliant.yaml: not an xlsx workbook"}},
		{"missing file", []string{"testdata/no-such.xlsx"}, []string{"article30 import: testdata/no-such.xlsx: no such file or directory\n"}},
		{"no heading row", []string{noHeader}, []string{"article30 import: " + noHeader + ": no ICO template heading row"}},
		{"no file", nil, []string{"article30 import: no FILE given", "Usage: article30 import"}},
		{"two files", []string{"a.xlsx", "b.xlsx"}, []string{"one FILE at a time"}},
		{"unwritable output", []string{icoTemplate(t, dir, "ico.xlsx", false), "-o", dir}, []string{"article30 import: " + dir + ": is a directory"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			args := append([]string{"import"}, tt.args...)
			wantFailure(t, args, tt.stderr)
		})
	}
}

// A workbook written by export is read from its data sheets, exactly;
// one whose views were edited is refused, unless --ico reads it as a
// hand-kept template.
func TestImportOwnWorkbook(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	book := filepath.Join(dir, "register.xlsx")
	if got := runArgs(t, "", "export", "--as-of", lawDate, "testdata/compliant.yaml", "-o", book); got.code != 0 {
		t.Fatalf("export: exit status %d\n%s", got.code, got.stderr)
	}
	got := runArgs(t, "", "import", book)
	if got.code != 0 {
		t.Fatalf("import: exit status %d\n%s", got.code, got.stderr)
	}
	if !strings.Contains(got.stderr, "from the data sheets of "+book) {
		t.Errorf("stderr %q does not say the data sheets were read", got.stderr)
	}
	reg, err := ropa.Decode(strings.NewReader(got.stdout))
	if err != nil {
		t.Fatal(err)
	}
	want, err := ropa.Load("testdata/compliant.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, reg, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("export then import (-want +got):\n%s", diff)
	}

	// Standard input works too.
	if got := runArgs(t, readFile(t, book), "import", "-"); got.code != 0 || got.stdout == "" {
		t.Errorf("import -: exit status %d, stderr %s", got.code, got.stderr)
	}

	// Edit the Template: the controller's name, which is read, and a
	// column generated from the data sheets, which is not.
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(xlsx.TemplateSheet, "B3", "Edited by hand"); err != nil {
		t.Fatal(err)
	}
	if err := f.SetCellStr(xlsx.TemplateSheet, "L10", "Consent"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	f.Close()
	edited := filepath.Join(dir, "edited.xlsx")
	if err := os.WriteFile(edited, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	got = runArgs(t, "", "import", edited)
	if got.code != 1 || !strings.Contains(got.stdout, "name: Edited by hand") {
		t.Errorf("edited export: exit status %d, stdout %q; want 1 and the edited name", got.code, got.stdout)
	}
	for _, s := range []string{edited + ": Template!L10: not read", "the basis column of the Purposes sheet", "1 cell not read"} {
		if !strings.Contains(got.stderr, s) {
			t.Errorf("edited export: stderr lacks %q:\n%s", s, got.stderr)
		}
	}
	// The messages name commands and flags, never the library's Go names.
	for _, goName := range []string{"ReadICO", "SkipViewCheck", "WithProfile", "xlsx."} {
		if strings.Contains(got.stderr, goName) {
			t.Errorf("edited export: stderr names %s:\n%s", goName, got.stderr)
		}
	}
	got = runArgs(t, "", "import", "--ico", edited)
	if got.code == 2 || !strings.Contains(got.stdout, "Edited by hand") {
		t.Errorf("import --ico: exit status %d, stdout lacks the edit:\n%s\nstderr:\n%s", got.code, got.stdout, got.stderr)
	}
}

// goNames matches a Go identifier of the module's packages in a message.
var goNames = regexp.MustCompile(`\b(xlsx|ico|ropa|lawfulbasis)\.[A-Z][A-Za-z]*`)

// The command's messages name commands and flags, never the library's Go
// identifiers, which the library's own messages do name.
func TestImportMessagesNameNoGoIdentifiers(t *testing.T) {
	for _, tc := range []struct{ lib, cli string }{
		{"40 more cells could not be read cleanly and are not listed: a read lists at most 10 (xlsx.MaxCellErrors; raise it with xlsx.WithMaxCellErrors)",
			"40 more cells could not be read cleanly and are not listed: a read lists at most 10 (a limit of article30 import)"},
		{"its 1064479 bytes unpack to 1073743261 bytes, more than 100 times the file's size (xlsx.ExpansionFactor; raise it with xlsx.WithExpansionFactor): a zip bomb",
			"its 1064479 bytes unpack to 1073743261 bytes, more than 100 times the file's size (a limit of article30 import): a zip bomb"},
		{"more than 100000 activities on sheet \"Template\" (xlsx.MaxActivities; raise it with xlsx.WithMaxActivities)",
			"more than 100000 activities on sheet \"Template\" (a limit of article30 import)"},
		{"it has no Organisation or Activities sheet; to import the ICO documentation template or a copy kept by hand, use ico.Read (package export/xlsx/ico)",
			"it has no Organisation or Activities sheet; to import the ICO documentation template or a copy kept by hand, use article30 import --ico"},
	} {
		if got := cliMessage(tc.lib); got != tc.cli || goNames.MatchString(got) {
			t.Errorf("cliMessage(%q)\n= %q\nwant %q", tc.lib, got, tc.cli)
		}
	}
	dir := t.TempDir()
	book := icoTemplate(t, dir, "ico.xlsx", true)
	text := filepath.Join(dir, "notes.xlsx")
	if err := os.WriteFile(text, []byte("Purpose of processing,Categories of individuals\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", book}, {"import", text}, {"import", "--ico", text}} {
		got := runArgs(t, "", args...)
		if m := goNames.FindString(got.stderr); m != "" {
			t.Errorf("article30 %v names the Go identifier %s:\n%s", args, m, got.stderr)
		}
	}
}
