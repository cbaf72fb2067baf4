package ico

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// The corpus: small messy workbooks in the ICO template's layout, each
// built at test time by the generator below and each with the register
// it must import to and the account of its cells. Each workbook holds one
// kind of mess that hand-kept registers have, and together they cover
// every defect issue 18 lists for the importer.

// cLink is a cell holding a hyperlink.
type cLink struct{ text, target string }

// cDate is a cell holding an Excel date, with a number format ("" for
// excelize's default for dates).
type cDate struct {
	t   time.Time
	fmt string
}

// cErr is a cell holding an Excel error value.
type cErr string

// corpusBook is the generator's description of one workbook: a Template
// sheet with (unless noContact) a contact block in rows 1-3, the headings
// in row 5 and the rows from row 6; cells are strings, bools, numbers,
// dates, links or error values; merges are ranges such as "A6:A7".
type corpusBook struct {
	noContact bool
	above     []string // text in rows above the contact block's title, pushing it down
	head      []string
	rows      [][]any
	merges    []string
	processor bool // name the sheet Processor and drop the contact block: the ICO's processor template
}

// corpusController is the controller of the contact block.
var corpusController = ropa.Organisation{Name: "Oak Primary School", Email: "office@oak.example"}

// bytes builds the workbook.
func (c corpusBook) bytes(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Template"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	row := 1
	for _, s := range c.above {
		f.SetCellStr(sheet, fmt.Sprintf("A%d", row), s)
		row++
	}
	if !c.noContact {
		f.SetCellStr(sheet, fmt.Sprintf("A%d", row), "Name and contact details")
		f.SetCellStr(sheet, fmt.Sprintf("A%d", row+1), "Name")
		f.SetCellStr(sheet, fmt.Sprintf("B%d", row+1), corpusController.Name)
		f.SetCellStr(sheet, fmt.Sprintf("A%d", row+2), "Email")
		f.SetCellStr(sheet, fmt.Sprintf("B%d", row+2), corpusController.Email)
	}
	row += 4
	set := func(col, r int, v any) {
		ref, err := excelize.CoordinatesToCellName(col, r)
		if err != nil {
			t.Fatal(err)
		}
		switch v := v.(type) {
		case nil:
		case string:
			if v != "" {
				f.SetCellStr(sheet, ref, v)
			}
		case bool:
			f.SetCellBool(sheet, ref, v)
		case int:
			f.SetCellInt(sheet, ref, int64(v))
		case float64:
			f.SetCellFloat(sheet, ref, v, -1, 64)
		case cDate:
			f.SetCellValue(sheet, ref, v.t)
			if v.fmt != "" {
				format := v.fmt
				id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &format})
				if err != nil {
					t.Fatal(err)
				}
				f.SetCellStyle(sheet, ref, ref, id)
			}
		case cLink:
			f.SetCellStr(sheet, ref, v.text)
			f.SetCellHyperLink(sheet, ref, v.target, "External")
		case cErr:
			f.SetCellFormula(sheet, ref, "1/0")
		default:
			t.Fatalf("cell %s: %T", ref, v)
		}
	}
	for i, h := range c.head {
		set(i+1, row, h)
	}
	for r, cells := range c.rows {
		for i, v := range cells {
			set(i+1, row+1+r, v)
		}
	}
	for _, m := range c.merges {
		var a, b string
		fmt.Sscanf(m, "%2s:%2s", &a, &b)
		if err := f.MergeCell(sheet, a, b); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	out := buf.Bytes()
	for _, r := range c.rows {
		for _, v := range r {
			if _, ok := v.(cErr); ok {
				out = corpusErrorValues(t, out)
				return out
			}
		}
	}
	return out
}

// corpusErrorValues gives every formula of the first sheet the cached
// error value #DIV/0!, as Excel saves a formula that divides by zero.
func corpusErrorValues(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	re := regexp.MustCompile(`<c r="([A-Z]+[0-9]+)"(?: t="str")?><f>([^<]*)</f>(?:<v></v>)?</c>`)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "xl/worksheets/sheet1.xml" {
			data = re.ReplaceAll(data, []byte(`<c r="$1" t="e"><f>$2</f><v>#DIV/0!</v></c>`))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// cols are the headings used by the corpus.
const (
	hFunction   = "Business function"
	hPurpose    = "Purpose of processing"
	hIndividual = "Categories of individuals"
	hData       = "Categories of personal data"
	hRecipients = "Categories of recipients"
	hCountries  = "Names of third countries or international organisations that personal data are transferred to"
	hSafeguards = "Safeguards for exceptional transfers of personal data to third countries or international organisations"
	hRetention  = "Retention schedule (if possible)"
	hArt6       = "Article 6 lawful basis for processing personal data"
	hAutomated  = "Existence of automated decision-making, including profiling (if applicable)"
	hSource     = "The source of the personal data (if applicable)"
	hLocation   = "Location of personal data"
	hDPIANeed   = "Data Protection Impact Assessment required?"
	hDPIALink   = "Link to Data Protection Impact Assessment"
	hBreach     = "Has a personal data breach occurred?"
)

// counts is the expected account: cells read, kept in notes, rejected.
type counts struct{ read, noted, rejected int }

// corpusCase is one workbook of the corpus and what it imports to.
type corpusCase struct {
	name  string
	book  corpusBook
	want  []ropa.Activity // the register's activities (IDs included)
	procs []ropa.ProcessorRecord
	ctrl  *ropa.Organisation
	count counts
	msgs  []string // the account's messages, "; accepted: ..." cut
}

func corpusCases() []corpusCase {
	base := []string{hFunction, hPurpose, hIndividual}
	with := func(h ...string) []string { return append(append([]string{}, base...), h...) }
	act := func(id, fn, purpose string, subjects ...ropa.Subject) ropa.Activity {
		return ropa.Activity{ID: id, Name: purpose, BusinessFunction: fn, Purposes: []ropa.Purpose{{Description: purpose}}, DataSubjects: subjects}
	}
	// header and contact block cells, read.
	const contact = 5
	return []corpusCase{
		{
			name: "merged business function over two activities",
			book: corpusBook{head: base, rows: [][]any{{"Human resources", "Payroll", "Staff"}, {nil, "Recruitment", "Applicants"}}, merges: []string{"A6:A7"}},
			want: []ropa.Activity{act("payroll", "Human resources", "Payroll", ropa.Employees), act("recruitment", "Human resources", "Recruitment", ropa.JobApplicants)},
			// The merged cell is one cell.
			count: counts{read: contact + 3 + 5},
		},
		{
			name: "merged retention over three rows",
			book: corpusBook{head: with(hRetention), rows: [][]any{{"HR", "Payroll", "Staff", "P6Y from termination-of-employment"}, {"HR", "Pensions", "Staff"}, {"HR", "Training", "Staff"}},
				merges: []string{"D6:D8"}},
			want: func() []ropa.Activity {
				var out []ropa.Activity
				for _, p := range []string{"Payroll", "Pensions", "Training"} {
					a := act(slug(p), "HR", p, ropa.Employees)
					a.Retention = []ropa.Retention{{Rule: mustRule("P6Y from termination-of-employment")}}
					out = append(out, a)
				}
				return out
			}(),
			count: counts{read: contact + 4 + 10},
		},
		{
			name: "a date in the retention column",
			book: corpusBook{head: with(hRetention), rows: [][]any{{"HR", "Payroll", "Staff", cDate{t: time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC)}}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.Retention = []ropa.Retention{{Schedule: "2031-03-31"}}
				return a
			}()},
			count: counts{read: contact + 4 + 4},
		},
		{
			name: "a date with openpyxl's format",
			book: corpusBook{head: with(hRetention), rows: [][]any{{"HR", "Payroll", "Staff", cDate{time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC), "yyyy-mm-dd h:mm:ss"}}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.Retention = []ropa.Retention{{Schedule: "2031-03-31"}}
				return a
			}()},
			count: counts{read: contact + 4 + 4},
		},
		{
			name: "a date typed as text stays as typed; a number is read as written",
			book: corpusBook{head: with(hRetention, hLocation), rows: [][]any{{"HR", "Payroll", "Staff", "31/03/2031", 3}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.Retention = []ropa.Retention{{Schedule: "31/03/2031"}}
				a.Locations = []string{"3"}
				return a
			}()},
			count: counts{read: contact + 5 + 5},
		},
		{
			name: "booleans in the Yes/No columns",
			book: corpusBook{head: with(hDPIANeed, hBreach), rows: [][]any{{"HR", "Payroll", "Staff", true, false}, {"HR", "Pensions", "Staff", "Y", "no"}}},
			want: func() []ropa.Activity {
				a, b := act("payroll", "HR", "Payroll", ropa.Employees), act("pensions", "HR", "Pensions", ropa.Employees)
				a.DPIA.Required, a.Breach.Occurred = ropa.Yes, ropa.No
				b.DPIA.Required, b.Breach.Occurred = ropa.Yes, ropa.No
				return []ropa.Activity{a, b}
			}(),
			count: counts{read: contact + 5 + 10},
		},
		{
			name: "TRUE and FALSE in the automated decisions column",
			book: corpusBook{head: with(hAutomated), rows: [][]any{{"HR", "Payroll", "Staff", false}, {"HR", "Shortlisting", "Applicants", true}}},
			want: func() []ropa.Activity {
				b := act("shortlisting", "HR", "Shortlisting", ropa.JobApplicants)
				b.Notes = hAutomated + ": TRUE"
				return []ropa.Activity{act("payroll", "HR", "Payroll", ropa.Employees), b}
			}(),
			count: counts{read: contact + 4 + 7, noted: 1},
			msgs: []string{"Template!D7: the cell says there is automated decision-making but not what is decided or how: no decision was recorded; " +
				"describe it in the register (automated: description, logic, whether solely automated): kept in the activity's notes"},
		},
		{
			name: "two bases for one purpose, separated by a semicolon",
			book: corpusBook{head: with(hArt6), rows: [][]any{{"HR", "Payroll", "Staff", "Contract; legal obligation"}}},
			want: []ropa.Activity{{ID: "payroll", Name: "Payroll", BusinessFunction: "HR", DataSubjects: []ropa.Subject{ropa.Employees},
				Purposes: []ropa.Purpose{{Description: "Payroll", Basis: lawfulbasis.Contract}, {Description: "Payroll", Basis: lawfulbasis.LegalObligation}}}},
			count: counts{read: contact + 4 + 4},
		},
		{
			name: "two bases for one purpose, separated by a slash",
			book: corpusBook{head: with(hArt6), rows: [][]any{{"Admissions", "Admissions", "Pupils", "Public task / contract"}}},
			want: []ropa.Activity{{ID: "admissions", Name: "Admissions", BusinessFunction: "Admissions", DataSubjects: []ropa.Subject{ropa.Pupils},
				Purposes: []ropa.Purpose{{Description: "Admissions", Basis: lawfulbasis.PublicTask}, {Description: "Admissions", Basis: lawfulbasis.Contract}}}},
			count: counts{read: contact + 4 + 4},
		},
		{
			name: "bases that cannot be paired with the purposes",
			book: corpusBook{head: with(hArt6), rows: [][]any{{"HR", "Payroll\nPensions\nTraining", "Staff", "Contract and legal obligation"}}},
			want: []ropa.Activity{{ID: "payroll", Name: "Payroll", BusinessFunction: "HR", DataSubjects: []ropa.Subject{ropa.Employees},
				Purposes: []ropa.Purpose{{Description: "Payroll"}, {Description: "Pensions"}, {Description: "Training"}},
				Notes:    hArt6 + ": Contract and legal obligation"}},
			count: counts{read: contact + 4 + 3, rejected: 1},
			msgs:  []string{"Template!D6: 2 lawful bases for 3 purposes: which basis is for which purpose cannot be told; write one basis per line in the order of the purposes, or one basis for them all"},
		},
		{
			name: "sources naming the people themselves",
			book: corpusBook{head: with(hSource), rows: [][]any{
				{"Clinic", "Appointments", "Patients", "Patient"},
				{"HR", "Payroll", "Staff", "Employee"},
				{"Teaching", "Assessment", "Pupils", "Pupils"},
				{"HR", "Recruitment", "Applicants", "Applicants; Referees"},
				{"Office", "Enquiries", "Customers", "The individual"},
			}},
			want: func() []ropa.Activity {
				a := act("appointments", "Clinic", "Appointments", ropa.ServiceUsers)
				a.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Patient"}}
				b := act("payroll", "HR", "Payroll", ropa.Employees)
				b.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Employee"}}
				c := act("assessment", "Teaching", "Assessment", ropa.Pupils)
				c.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Pupils"}}
				d := act("recruitment", "HR", "Recruitment", ropa.JobApplicants)
				d.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Applicants"}, {Kind: ropa.FromThirdParty, Name: "Referees"}}
				e := act("enquiries", "Office", "Enquiries", ropa.Customers)
				e.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "The individual"}}
				return []ropa.Activity{a, b, c, d, e}
			}(),
			count: counts{read: contact + 4 + 20},
		},
		{
			name: "parents give their own data and their children's",
			book: corpusBook{head: with(hSource), rows: [][]any{{"Admissions", "Admissions", "Pupils; Parents", "Parents"}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("admissions", "Admissions", "Admissions", ropa.Pupils, ropa.Parents)
				a.Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Parents", Subjects: []ropa.Subject{ropa.Parents}},
					{Kind: ropa.FromThirdParty, Name: "Parents", Subjects: []ropa.Subject{ropa.Pupils}}}
				return a
			}()},
			count: counts{read: contact + 4 + 4},
		},
		{
			name: "criminal offence data however named",
			book: corpusBook{head: with(hData), rows: [][]any{
				{"HR", "Safer recruitment", "Applicants", "Criminal convictions (DBS)"},
				{"Safeguarding", "Safeguarding", "Pupils", "Allegations of criminal behaviour"},
				{"HR", "Vetting", "Staff", "Cautions; Offences; DBS checks; Criminal records"},
			}},
			want: func() []ropa.Activity {
				a := act("safer-recruitment", "HR", "Safer recruitment", ropa.JobApplicants)
				a.DataCategories = ropa.Cats(ropa.CriminalOffences)
				b := act("safeguarding", "Safeguarding", "Safeguarding", ropa.Pupils)
				b.DataCategories = ropa.Cats(ropa.CriminalOffences)
				c := act("vetting", "HR", "Vetting", ropa.Employees)
				c.DataCategories = ropa.Cats(ropa.CriminalOffences)
				return []ropa.Activity{a, b, c}
			}(),
			count: counts{read: contact + 4 + 12},
		},
		{
			name: "hyperlinks keep their text and their target",
			book: corpusBook{head: with(hDPIALink), rows: [][]any{
				{"HR", "Payroll", "Staff", cLink{"DPIA v2 (signed)", "https://intranet.oak.example/dpia/payroll"}},
				{"HR", "Pensions", "Staff", cLink{"https://intranet.oak.example/dpia/pensions", "https://intranet.oak.example/dpia/pensions"}},
			}},
			want: func() []ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.DPIA.Reference = "DPIA v2 (signed) <https://intranet.oak.example/dpia/payroll>"
				b := act("pensions", "HR", "Pensions", ropa.Employees)
				b.DPIA.Reference = "https://intranet.oak.example/dpia/pensions"
				return []ropa.Activity{a, b}
			}(),
			count: counts{read: contact + 4 + 8},
		},
		{
			name:  "a sheet with no contact block",
			book:  corpusBook{noContact: true, head: base, rows: [][]any{{"HR", "Payroll", "Staff"}}},
			ctrl:  &ropa.Organisation{},
			want:  []ropa.Activity{act("payroll", "HR", "Payroll", ropa.Employees)},
			count: counts{read: 3 + 3},
			msgs: []string{"Template: no contact block above the table, or none with the controller's name: the controller's name and contact details (Art 30(1)(a)) " +
				"were left empty for you to fill in the register"},
		},
		{
			name: "visitors: website or premises?",
			book: corpusBook{head: base, rows: [][]any{{"Site", "CCTV", "Visitors; Staff"}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("cctv", "Site", "CCTV", ropa.Employees)
				a.Notes = hIndividual + ": Visitors; Staff"
				return a
			}()},
			count: counts{read: contact + 3 + 2, rejected: 1},
			msgs:  []string{`Template!C6: "Visitors" could mean website visitors ("website-visitors") or visitors to the premises ("custom: Site visitors"): write which`},
		},
		{
			name: "SCCs under the UK regime",
			book: corpusBook{head: with(hCountries, hSafeguards), rows: [][]any{
				{"IT", "Email", "Staff", "USA", "SCCs"},
				{"IT", "Backups", "Staff", "USA", "SCCs with the UK Addendum"},
			}},
			want: func() []ropa.Activity {
				a := act("email", "IT", "Email", ropa.Employees)
				a.Transfers = []ropa.Transfer{{Country: "US"}}
				a.Notes = hSafeguards + ": SCCs"
				b := act("backups", "IT", "Backups", ropa.Employees)
				b.Transfers = []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.UKAddendum, Safeguards: "SCCs with the UK Addendum"}}
				return []ropa.Activity{a, b}
			}(),
			count: counts{read: contact + 5 + 9, rejected: 1},
			msgs: []string{`Template!E6: standard contractual clauses under the UK regime could be the EU clauses with the UK Addendum ("uk-addendum"), ` +
				`the UK's International Data Transfer Agreement ("idta"), or the clauses adopted before 2021, usable only until 21 March 2024 ("legacy-scc"): write which`},
		},
		{
			name: "No in the transfers column is no transfer, not Norway; NO could be either",
			book: corpusBook{head: with(hCountries), rows: [][]any{{"HR", "Payroll", "Staff", "No"}, {"HR", "Pensions", "Staff", "NO"}, {"HR", "Benefits", "Staff", "Norway"}}},
			want: func() []ropa.Activity {
				b := act("pensions", "HR", "Pensions", ropa.Employees)
				b.Notes = hCountries + ": NO"
				c := act("benefits", "HR", "Benefits", ropa.Employees)
				c.Transfers = []ropa.Transfer{{Country: "NO"}}
				return []ropa.Activity{act("payroll", "HR", "Payroll", ropa.Employees), b, c}
			}(),
			count: counts{read: contact + 4 + 11, rejected: 1},
			msgs:  []string{`Template!D7: "NO" could mean Norway (the ISO 3166-1 code NO) or no transfers: write "Norway" or "None"`},
		},
		{
			name: "a title, a column of the organisation's own, notes below the table",
			book: corpusBook{above: []string{"Oak Primary School: record of processing"}, head: with("Owner"),
				rows: [][]any{{"HR", "Payroll", "Staff", "Business manager"}, {}, {"Reviewed each September"}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.Notes = "Owner: Business manager"
				return a
			}()},
			count: counts{read: contact + 4 + 3, noted: 1, rejected: 2},
			msgs: []string{
				`Template!A1: text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): "Oak Primary School: record of processing"`,
				`Template!D7: "Owner" is not a column of the ICO template: kept in the activity's notes`,
				`Template!A9: text below the table is not an activity and was not imported: "Reviewed each September"`,
			},
		},
		{
			name:  "an Excel error value",
			book:  corpusBook{head: with(hRetention), rows: [][]any{{"HR", "Payroll", "Staff", cErr("#DIV/0!")}}},
			want:  []ropa.Activity{act("payroll", "HR", "Payroll", ropa.Employees)},
			count: counts{read: contact + 4 + 3, rejected: 1},
			msgs: []string{"Template!D6: holds the Excel error value #DIV/0! (a formula that failed), not data: nothing was imported from it; " +
				"correct the formula or type the value"},
		},
		{
			name: "a Yes/No answer with more words, and one that is not",
			book: corpusBook{head: with(hDPIANeed), rows: [][]any{{"HR", "Payroll", "Staff", "Yes - see the DPIA log"}, {"HR", "Pensions", "Staff", "Maybe"}}},
			want: func() []ropa.Activity {
				a := act("payroll", "HR", "Payroll", ropa.Employees)
				a.DPIA.Required = ropa.Yes
				a.Notes = hDPIANeed + ": Yes - see the DPIA log"
				b := act("pensions", "HR", "Pensions", ropa.Employees)
				b.Notes = hDPIANeed + ": Maybe"
				return []ropa.Activity{a, b}
			}(),
			count: counts{read: contact + 4 + 6, noted: 1, rejected: 1},
			msgs: []string{
				"Template!D6: the cell says more than Yes or No: kept in the activity's notes",
				`Template!D7: not a Yes/No answer: "Maybe"`,
			},
		},
		{
			name: "the ICO's processor template, with a column of the organisation's own",
			book: corpusBook{head: []string{"Name and contact details of controller", "Name and contact details of controller's representative (if applicable)",
				"Categories of processing", "Names of third countries or international organisations that personal data are transferred to (if applicable)",
				"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
				"General description of technical and organisational security measures (if possible)", "Contract end"},
				rows: [][]any{{"St Mary's School", "", "Payroll processing; HR advice", "India", "IDTA", "Encryption", cDate{t: time.Date(2027, 8, 31, 0, 0, 0, 0, time.UTC)}}}},
			procs: []ropa.ProcessorRecord{{Controller: "St Mary's School", Processing: []string{"Payroll processing", "HR advice"},
				Transfers: []ropa.Transfer{{Country: "IN", Mechanism: lawfulbasis.IDTA}}, Security: []string{"Encryption"}}},
			count: counts{read: contact + 7 + 5, rejected: 1},
			msgs:  []string{`Template!G6: a processor record has no place for "Contract end: 2027-08-31"; not imported`},
		},
		{
			name: "an unknown lawful basis",
			book: corpusBook{head: with(hArt6), rows: [][]any{{"Marketing", "Newsletter", "Subscribers", "consnet"}}},
			want: []ropa.Activity{func() ropa.Activity {
				a := act("newsletter", "Marketing", "Newsletter", ropa.Subscribers)
				a.Notes = hArt6 + ": consnet"
				return a
			}()},
			count: counts{read: contact + 4 + 3, rejected: 1},
			msgs:  []string{`Template!D6: unknown lawful basis "consnet" (did you mean "consent"?)`},
		},
	}
}

func TestCorpus(t *testing.T) {
	cases := corpusCases()
	if len(cases) < 20 {
		t.Fatalf("%d workbooks in the corpus; issue 18 asks for at least 20", len(cases))
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			im, err := ReadAccount(bytes.NewReader(tc.book.bytes(t)))
			if err != nil {
				t.Fatal(err)
			}
			ctrl := corpusController
			if tc.ctrl != nil {
				ctrl = *tc.ctrl
			}
			want := &ropa.Register{Jurisdiction: lawfulbasis.UK, Controller: ctrl, Activities: tc.want, ProcessorRecords: tc.procs}
			if diff := cmp.Diff(want, im.Register, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("register (-want +got):\n%s", diff)
			}
			acc := im.Account
			got := counts{acc.Read, acc.Noted, acc.Rejected}
			if got != tc.count || acc.Cells != acc.Read+acc.Noted+acc.Rejected {
				t.Errorf("account %+v (cells %d); want %+v", got, acc.Cells, tc.count)
			}
			if diff := cmp.Diff(tc.msgs, errorList(acc.Messages), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("messages (-want +got):\n%s", diff)
			}
			// The same through Read: the messages as its error.
			reg, err := Read(bytes.NewReader(tc.book.bytes(t)))
			var ce xlsx.CellErrors
			if (len(tc.msgs) > 0) != errors.As(err, &ce) || reg == nil {
				t.Errorf("Read = %v", err)
			}
			// Every message names a cell of the sheet, or the sheet.
			for _, m := range acc.Messages {
				if m.Sheet != "Template" {
					t.Errorf("message without its sheet: %v", m)
				}
			}
		})
	}
}

// The corpus's workbooks are what the tests say they are: the dates are
// dates, the booleans booleans and the error values error values in the
// file, not text.
func TestCorpusCellTypes(t *testing.T) {
	for _, tc := range corpusCases() {
		f, err := excelize.OpenReader(bytes.NewReader(tc.book.bytes(t)))
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range tc.book.rows {
			for c, v := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, 6+len(tc.book.above)+r)
				typ, _ := f.GetCellType("Template", ref)
				switch v.(type) {
				case bool:
					if typ != excelize.CellTypeBool {
						t.Errorf("%s %s: type %v, want a boolean", tc.name, ref, typ)
					}
				case cDate:
					if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						t.Errorf("%s %s: type %v, want a number (a date)", tc.name, ref, typ)
					}
				case cErr:
					if typ != excelize.CellTypeError {
						t.Errorf("%s %s: type %v, want an error value", tc.name, ref, typ)
					}
				}
			}
		}
		f.Close()
	}
}

func slug(s string) string { return slugOf(s) }

func mustRule(s string) retention.Rule { return retention.MustParse(s) }
