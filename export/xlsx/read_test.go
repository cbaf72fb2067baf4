package xlsx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// cellErrors returns the CellErrors under err, failing the test if there
// are none.
func cellErrors(t *testing.T, err error) CellErrors {
	t.Helper()
	var ce CellErrors
	if !errors.As(err, &ce) {
		t.Fatalf("error %v is not a CellErrors", err)
	}
	return ce
}

// findCell returns the error about sheet!cell.
func findCell(ce CellErrors, sheet, cell string) *CellError {
	for _, e := range ce {
		if e.Sheet == sheet && e.Cell == cell {
			return e
		}
	}
	return nil
}

// TestReadEditedView: a view cell edited in a column that is generated
// from the data sheets is not read, and the register comes back with the
// cell reported (it used to refuse the workbook, suggesting a Go function).
func TestReadEditedView(t *testing.T) {
	reg := loadSeed(t, "durham-university-recruitment")
	b := editCells(t, writeBytes(t, reg), map[string]string{"Template!L10": "Consent, as the DPO wrote it"})
	got, err := Read(bytes.NewReader(b))
	if got == nil {
		t.Fatalf("Read returned no register: %v", err)
	}
	ce := cellErrors(t, err)
	e := findCell(ce, "Template", "L10")
	if e == nil {
		t.Fatalf("no report for Template!L10 in:\n%v", err)
	}
	if !errors.Is(e, ErrViewEdited) || e.Value != "Consent, as the DPO wrote it" {
		t.Errorf("error = %#v", e)
	}
	want := `Template!L10: not read ("Consent, as the DPO wrote it" in the file, `
	if !strings.HasPrefix(e.Error(), want) || !strings.HasSuffix(e.Error(), "the basis column of the Purposes sheet; make the change there") {
		t.Errorf("message = %s", e.Error())
	}
	if strings.Contains(e.Error(), "ReadICO") || strings.Contains(e.Error(), "ico.Read") {
		t.Errorf("message names a Go function: %s", e.Error())
	}
	if len(ce) != 1 {
		t.Errorf("%d errors, want 1:\n%v", len(ce), err)
	}
	if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
		t.Errorf("register (-want +got):\n%s", diff)
	}
}

func TestReadViewEditsOfEveryKind(t *testing.T) {
	reg := loadSeed(t, "healthwatch-hertfordshire")
	cases := map[string]string{
		"Notes!B3":             "Another organisation",
		"Template!H2":          "a note beside the contact block",
		"Template!A40":         "a note below the table",
		"Template!AG10":        "our own column",
		"Retention!E2":         "for ever",
		"Findings!G2":          "accepted risk",
		"Reference!C2":         "Agreement",
		"Template!AH9":         "Our own column",
		"Lists!B3":             "ico-2018",
		"Lists!A30":            "extra",
		"Reference!A1":         "Kind",
		"Organisation!A1":      "Field",
		"Purposes!C1":          "Lawful basis (Article 6)",
		"Activities!A1":        "Activity ID",
		"Text lists!A1":        "Activity ID or record",
		"Findings!A1":          "Severity",
		"Retention!A1":         "Activity ID",
		"Template!B9":          "Purpose of processing",
		"Template!A8":          "Article 30 Record of Processing Activities",
		"Template!B3":          "Healthwatch Hertfordshire",
		"Sources!A1":           "Activity ID",
		"Recipients!A1":        "Activity ID",
		"Transfers!A1":         "Activity ID or record",
		"Joint controllers!A1": "Name",
	}
	b := editCells(t, writeBytes(t, reg), cases)
	got, err := Read(bytes.NewReader(b))
	if got == nil {
		t.Fatalf("no register: %v", err)
	}
	ce := cellErrors(t, err)
	for ref, v := range cases {
		sheet, cell, _ := strings.Cut(ref, "!")
		e := findCell(ce, sheet, cell)
		unchanged := map[string]bool{"Lists!B3": true, "Reference!A1": true, "Organisation!A1": true, "Purposes!C1": true,
			"Activities!A1": true, "Text lists!A1": true, "Findings!A1": true, "Retention!A1": true, "Template!B9": true,
			"Template!A8": true, "Template!B3": true, "Sources!A1": true, "Recipients!A1": true, "Transfers!A1": true, "Joint controllers!A1": true}
		if unchanged[ref] {
			if e != nil {
				t.Errorf("%s set to its own value %q is reported: %v", ref, v, e)
			}
			continue
		}
		if e == nil || !errors.Is(e, ErrViewEdited) {
			t.Errorf("%s = %q: no view error (got %v)", ref, v, e)
		}
	}
	// The errors come in sheet and cell order.
	for i := 1; i < len(ce); i++ {
		if ce[i-1].Sheet != ce[i].Sheet || ce[i].Cell == "" {
			continue
		}
		c0, r0, _ := excelize.CellNameToCoordinates(ce[i-1].Cell)
		c1, r1, _ := excelize.CellNameToCoordinates(ce[i].Cell)
		if r0 > r1 || r0 == r1 && c0 > c1 {
			t.Errorf("errors out of order: %s before %s", ce[i-1].Cell, ce[i].Cell)
		}
	}
}

func TestReadManyEditsAreCounted(t *testing.T) {
	reg := smallRegister()
	cells := map[string]string{}
	for r := 2; r <= 130; r++ {
		cells["Reference!C"+itoaTest(r)] = "x"
	}
	_, err := Read(bytes.NewReader(editCells(t, writeBytes(t, reg), cells)))
	ce := cellErrors(t, err)
	last := ce[len(ce)-1]
	if len(ce) != rdMaxDiffs+1 || last.Cell != "" || !errors.Is(last, ErrViewEdited) || !strings.Contains(last.Error(), "more cells differ") {
		t.Errorf("%d errors, last %v", len(ce), last)
	}
}

func itoaTest(n int) string { return wbCellRef(1, n)[1:] }

func TestReadBadValues(t *testing.T) {
	reg := smallRegister()
	b := writeBytes(t, reg)
	cases := []struct {
		ref, value, want string
	}{
		{dataRef(t, snPurposes, "basis", 2), "consnet", `unknown lawful basis "consnet" (did you mean "consent"?); accepted: consent, contract,`},
		{dataRef(t, snPurposes, "annex1", 3), "crimes?", `unknown recognised legitimate interest condition "crimes?"`},
		{dataRef(t, snDataCategories, "category", 3), "healht", `unknown data category "healht" (did you mean "health"?)`},
		{dataRef(t, snDataCategories, "subjects", 2), "pupils\nparnets", `unknown data subject "parnets"`},
		{dataRef(t, snDecisions, "ground", 2), "because", `unknown decision ground "because"`},
		{dataRef(t, snNone, "fact", 2), "cookies", `unknown fact "cookies"`},
		{dataRef(t, snActivities, "screening", 2), "large-scale\nhunch", `unknown DPIA screening criterion "hunch"`},
		{dataRef(t, snActivities, "consent.givenBy", 2), "teacher", `unknown consent giver "teacher"`},
		{dataRef(t, snActivities, "dpia.required", 3), "maybe", `unknown answer "maybe"`},
		{dataRef(t, snActivities, "largeScale", 2), "lots", `"lots" is not yes or no`},
		{dataRef(t, snRetentionRules, "rule", 2), "P6X", `unknown unit "X" in period`},
		{dataRef(t, snRetentionRules, "minimum", 2), "six years", `expected a period starting with "P"`},
		{dataRef(t, snTransfers, "since", 2), "last year", `invalid date "last year"`},
		{dataRef(t, snTransfers, "mechanism", 2), "handshake", `unknown transfer mechanism "handshake"`},
		{orgRef(t, "jurisdiction"), "Mars", `unknown regime "Mars"`},
		{orgRef(t, "controller.headcount"), "lots", `unknown headcount band "lots"`},
	}
	edits := map[string]string{}
	for _, c := range cases {
		edits[c.ref] = c.value
	}
	_, err := Read(bytes.NewReader(editCells(t, b, edits)))
	ce := cellErrors(t, err)
	for _, c := range cases {
		sheet, cell, _ := strings.Cut(c.ref, "!")
		e := findCell(ce, sheet, cell)
		if e == nil {
			t.Errorf("%s = %q: no error", c.ref, c.value)
			continue
		}
		if e.Value != c.value || !strings.Contains(e.Error(), c.want) || !strings.HasPrefix(e.Error(), c.ref+": ") {
			t.Errorf("%s: error %q (value %q), want it to contain %q", c.ref, e.Error(), e.Value, c.want)
		}
	}
	if len(ce) != len(cases) {
		t.Errorf("%d errors for %d bad cells:\n%v", len(ce), len(cases), err)
	}
}

func TestReadStructureProblems(t *testing.T) {
	reg := smallRegister()
	reg.ProcessorRecords = []ropa.ProcessorRecord{{Controller: "Client", Processing: []string{"Payroll"}}}
	b := writeBytes(t, reg, Sheets())
	cases := []struct {
		name  string
		edits map[string]string
		ref   string
		want  string
	}{
		{"unknown column", map[string]string{"Activities!AZ1": "comments"}, "Activities!AZ1", `unknown column heading "comments"`},
		{"cell without heading", map[string]string{"Purposes!Q2": "a note"}, "Purposes!Q2", "no column heading"},
		{"unknown activity", map[string]string{dataRef(t, snPurposes, "activity", 2): "admission"}, dataRef(t, snPurposes, "activity", 2), `no activity with ID "admission"`},
		{"missing activity", map[string]string{dataRef(t, snSources, "activity", 5): "", dataRef(t, snSources, "name", 5): "School"}, dataRef(t, snSources, "activity", 5), "the activity ID is required"},
		{"duplicate ID", map[string]string{"Activities!A3": "admissions"}, "Activities!A3", `activity ID "admissions" is also on row 2`},
		{"missing ID", map[string]string{"Activities!A3": ""}, "Activities!A3", "the activity ID is required"},
		{"unknown field", map[string]string{"Organisation!A41": "controller.motto", "Organisation!B41": "Semper"}, "Organisation!A41", `unknown field "controller.motto"`},
		{"duplicate field", map[string]string{"Organisation!A40": "version", "Organisation!B40": "2"}, "Organisation!A40", `field "version" is also on A` + strings.TrimPrefix(orgRef(t, "version"), snOrganisation+"!B")},
		{"unknown list", map[string]string{"Text lists!A10": "admissions", "Text lists!B10": "colours", "Text lists!C10": "red"}, "Text lists!B10", `unknown list "colours"`},
		{"unknown record", map[string]string{"Transfers!A2": "processor-record-9"}, "Transfers!A2", `"processor-record-9" is neither an activity ID`},
		{"unknown sheet", map[string]string{"Sheet9!C3": "our notes"}, "Sheet9!C3", "not one article30 writes"},
		{"duplicate heading", map[string]string{"Recipients!G1": "kind"}, "Recipients!G1", `column heading "kind" appears twice`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := openBytes(t, b)
			for ref, v := range c.edits {
				sheet, cell, _ := strings.Cut(ref, "!")
				if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
					if _, err := f.NewSheet(sheet); err != nil {
						t.Fatal(err)
					}
				}
				if err := f.SetCellValue(sheet, cell, v); err != nil {
					t.Fatal(err)
				}
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			_, err := Read(&buf)
			ce := cellErrors(t, err)
			sheet, cell, _ := strings.Cut(c.ref, "!")
			e := findCell(ce, sheet, cell)
			if e == nil || !strings.Contains(e.Error(), c.want) {
				t.Errorf("want an error at %s containing %q; got:\n%v", c.ref, c.want, err)
			}
		})
	}
}

func TestReadNotWorkbook(t *testing.T) {
	if _, err := Read(strings.NewReader("not a zip")); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("garbage: %v", err)
	}
	empty := excelize.NewFile()
	var buf bytes.Buffer
	if err := empty.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := Read(&buf)
	if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "ico.Read") {
		t.Errorf("empty workbook: %v", err)
	}
	// A workbook that lost one data sheet.
	f := openBytes(t, writeBytes(t, smallRegister()))
	if err := f.DeleteSheet(snPurposes); err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	_, err = Read(&buf)
	if !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), snPurposes) {
		t.Errorf("workbook without Purposes: %v", err)
	}
	// A workbook of another format.
	b := editCells(t, writeBytes(t, smallRegister()), map[string]string{"Lists!B2": "article30-workbook/99"})
	if _, err := Read(bytes.NewReader(b)); !errors.Is(err, ErrNotWorkbook) || !strings.Contains(err.Error(), "article30-workbook/99") {
		t.Errorf("other format: %v", err)
	}
}

func TestReadLimits(t *testing.T) {
	b := writeBytes(t, smallRegister())
	if _, err := Read(bytes.NewReader(b), WithLimits(4096, 4096)); !errors.Is(err, ErrTooLarge) {
		t.Errorf("small limits: %v", err)
	}
}

// TestReadCustomChecks: with check options the reader cannot know, the
// findings are not compared, and the cover's counts are accepted.
func TestReadCustomChecks(t *testing.T) {
	reg := loadSeed(t, "health-careers")
	b := writeBytes(t, reg, CheckOptions(ropa.Only("consent-record")))
	b = editCells(t, b, map[string]string{"Findings!G2": "noted"})
	got, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadSkipViewCheck(t *testing.T) {
	reg := smallRegister()
	b := editCells(t, writeBytes(t, reg), map[string]string{"Reference!C2": "renamed by a later version", "Template!B10": "x"})
	if _, err := Read(bytes.NewReader(b)); err == nil {
		t.Fatal("edited views read without an error")
	}
	got, err := Read(bytes.NewReader(b), SkipViewCheck())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(reg, got, roundTripOpts); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	// Unknown sheets are still reported.
	b = editCells(t, b, map[string]string{"Our notes!A1": "keep me"})
	if _, err := Read(bytes.NewReader(b), SkipViewCheck()); err == nil {
		t.Error("a sheet with text the package does not write was dropped")
	}
}

// TestReadNeverPanics reads damaged copies of a workbook.
func TestReadNeverPanics(t *testing.T) {
	b := writeBytes(t, smallRegister())
	for n := 0; n < len(b); n += len(b)/40 + 1 {
		Read(bytes.NewReader(b[:n])) //nolint:errcheck // only a panic would fail
	}
	for i := 0; i < len(b); i += len(b)/60 + 1 {
		c := bytes.Clone(b)
		c[i] ^= 0x5a
		Read(bytes.NewReader(c)) //nolint:errcheck
	}
}

func FuzzRead(f *testing.F) {
	f.Add(writeBytes(f, smallRegister()))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		reg, err := Read(bytes.NewReader(b))
		if err == nil && reg == nil {
			t.Error("nil register without an error")
		}
	})
}

// TestReadFormat1 reads testdata/format1.xlsx, which the previous version
// wrote in format 1 (data categories and one automated decision in
// columns of the Activities sheet): with SkipViewCheck it reads into the
// register of today's model, and without it the reader says why not.
func TestReadFormat1(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "format1.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got0, err := Read(bytes.NewReader(b))
	ce := cellErrors(t, err)
	if got0 == nil || len(ce) != 1 || ce[0].Sheet != snLists || !strings.Contains(ce[0].Error(), "earlier version") || !errors.Is(ce[0], ErrViewEdited) {
		t.Errorf("without SkipViewCheck: %v", err)
	}
	got, err := Read(bytes.NewReader(b), SkipViewCheck())
	if err != nil {
		t.Fatal(err)
	}
	want := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Example Academy Trust", Email: "office@example.org"},
		Activities: []ropa.Activity{
			{
				ID: "admissions", Name: "Pupil admissions",
				Purposes:       []ropa.Purpose{{Description: "To process applications for places", Basis: lawfulbasis.PublicTask}},
				DataSubjects:   []ropa.Subject{ropa.Pupils, ropa.Parents},
				DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails, "custom: Sibling links"),
				Automated: []ropa.Decision{{
					Solely: true, Significant: true, Logic: "Distance from the school", Ground: ropa.AuthorisedByLaw,
					Safeguards: []ropa.DecisionSafeguard{ropa.HumanIntervention, ropa.Contest},
				}},
			},
			{
				ID: "newsletter", Name: "Newsletter",
				Purposes:     []ropa.Purpose{{Description: "To send the newsletter", Basis: lawfulbasis.Consent}},
				DataSubjects: []ropa.Subject{ropa.Subscribers},
			},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("format 1 workbook (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(got, got0); diff != "" {
		t.Errorf("format 1 without SkipViewCheck (-want +got):\n%s", diff)
	}
	// Written again, it is format 3 and reads back whole.
	if diff := cmp.Diff(want, roundTrip(t, got), roundTripOpts); diff != "" {
		t.Errorf("format 1 register written again (-want +got):\n%s", diff)
	}
	// The format 1 columns are unknown in a workbook of today's format.
	b = editCells(t, writeBytes(t, want, Sheets()), map[string]string{"Activities!BZ1": "automated.solely", "Activities!BZ2": "yes"})
	if ce := cellErrors(t, func() error { _, err := Read(bytes.NewReader(b)); return err }()); findCell(ce, snActivities, "BZ1") == nil {
		t.Errorf("format 3 workbook with automated.solely: %v", ce)
	}
}

// TestReadFormat2 reads testdata/format2.xlsx, the HR example as the
// previous version wrote it (format 2: data sheets headed by JSON paths):
// its data sheets are read, and its views, which this version no longer
// generates, are reported as not compared.
func TestReadFormat2(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "format2.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(bytes.NewReader(b))
	ce := cellErrors(t, err)
	if got == nil || len(ce) != 1 || ce[0].Sheet != snLists || !strings.Contains(ce[0].Error(), "format article30-workbook/2") {
		t.Fatalf("format 2: %v", err)
	}
	want, err := ropa.Load(filepath.Join("..", "..", "examples", "hr", "register.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got, roundTripOpts); diff != "" {
		t.Errorf("format 2 workbook (-want +got):\n%s", diff)
	}
}
