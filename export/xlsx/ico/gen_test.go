package ico

import (
	"bytes"
	"fmt"
	"sort"
	"testing"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/xuri/excelize/v2"
)

// The generator builds, in memory, workbooks in the ICO documentation
// template layout as DPOs keep them by hand: one clean copy of the template
// and copies with the messiness of real files.
const (
	// genClean is the template as the ICO issued it, filled in: Notes,
	// Template and Processor sheets, contact block in rows 2-6, sections in
	// row 8, headings in row 9, three activities from row 10.
	genClean = "clean"
	// genTypo is the clean workbook with "consnet" typed in L12.
	genTypo = "typo"
	// genMessy has two rows inserted above the contact block, the
	// representative block deleted, the headings in row 12 in mixed case
	// with line breaks, doubled spaces, en dashes and missing "(if
	// applicable)", "Schedule Condition" for column Z, two columns of the
	// organisation's own, multi-values split by line breaks, semicolons and
	// commas, free text where typed values are expected, hyperlinks whose
	// text differs from their target, notes typed below the table, and four
	// bad cells (an email, a country, a DPIA answer and a lawful basis).
	genMessy = "messy"
	// genShort stops after column K, has no contact block, uses short
	// headings in row 1 of a sheet called "Register" after a "Notes" sheet.
	genShort = "short"
)

var genVariants = []string{genClean, genTypo, genMessy, genShort}

// genSheet is the content of one sheet: cell values, hyperlinks (cell ->
// target) and merged ranges.
type genSheet struct {
	name   string
	cells  map[string]string
	links  map[string]string
	merges [][2]string
}

// genRow lays out a row's values from column col.
func genRow(cells map[string]string, row int, col int, values ...string) {
	for i, v := range values {
		if v == "" {
			continue
		}
		ref, err := excelize.CoordinatesToCellName(col+i, row)
		if err != nil {
			panic(err)
		}
		cells[ref] = v
	}
}

func genBuild(sheets []genSheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return nil, err
		}
		refs := make([]string, 0, len(s.cells))
		for ref := range s.cells {
			refs = append(refs, ref)
		}
		sort.Strings(refs)
		for _, ref := range refs {
			if err := f.SetCellStr(s.name, ref, s.cells[ref]); err != nil {
				return nil, err
			}
		}
		for ref, target := range s.links {
			if err := f.SetCellHyperLink(s.name, ref, target, "External"); err != nil {
				return nil, err
			}
		}
		for _, m := range s.merges {
			if err := f.MergeCell(s.name, m[0], m[1]); err != nil {
				return nil, err
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// genWorkbook builds the named variant.
func genWorkbook(variant string) ([]byte, error) {
	switch variant {
	case genClean:
		return genBuild(genCleanSheets(false))
	case genTypo:
		return genBuild(genCleanSheets(true))
	case genMessy:
		return genBuild(genMessySheets())
	case genShort:
		return genBuild(genShortSheets())
	}
	return nil, fmt.Errorf("unknown variant %q", variant)
}

func genWorkbookT(t testing.TB, variant string) []byte {
	t.Helper()
	b, err := genWorkbook(variant)
	if err != nil {
		t.Fatalf("building %s workbook: %v", variant, err)
	}
	return b
}

// genContact lays out the ICO contact block: titles in row r, labels and
// values in the four rows below, each block a label and a value column.
func genContact(cells map[string]string, r int, blocks [][5]string) {
	for i, b := range blocks {
		col := 1 + 2*i
		genRow(cells, r, col, b[0])
		for j, label := range templateLayout.ContactRows {
			genRow(cells, r+1+j, col, label, b[1+j])
		}
	}
}

var genController = [5]string{"Name and contact details", "Oakfield Academy", "1 School Lane, Oakfield OX1 1AA", "office@oakfield.example", "01865 000000"}

func genCleanSheets(typo bool) []genSheet {
	notes := genSheet{name: "Notes", cells: map[string]string{
		"A1": "Documentation template for controllers",
		"A3": "Green headings are required under Article 30 or DPA 2018 Schedule 1; blue headings are optional.",
	}}
	t := genSheet{name: "Template", cells: map[string]string{}, links: map[string]string{}}
	genContact(t.cells, 2, [][5]string{
		genController,
		{"Data Protection Officer (if applicable)", "Jane Smith", "Oakfield Academy, 1 School Lane, Oakfield OX1 1AA", "dpo@oakfield.example", "01865 000001"},
		{"Representative (if applicable)", "N/A", "N/A", "N/A", "N/A"},
	})
	// Sections over their columns, merged.
	start := 0
	for k := 1; k <= len(templateLayout.Controller); k++ {
		if k == len(templateLayout.Controller) || templateLayout.Controller[k].Section != templateLayout.Controller[start].Section {
			a, _ := excelize.CoordinatesToCellName(start+1, 8)
			b, _ := excelize.CoordinatesToCellName(k, 8)
			t.cells[a] = templateLayout.Controller[start].Section
			if a != b {
				t.merges = append(t.merges, [2]string{a, b})
			}
			start = k
		}
	}
	for k, c := range templateLayout.Controller {
		genRow(t.cells, 9, k+1, c.Heading)
	}
	genRow(t.cells, 10, 1,
		"Pupil services", "Admissions\nMaintaining the pupil record", "Oakfield Learning Trust, trust@oakfield.example",
		"Pupils and students\nParents and carers", "Personal identifiers\nContact details\nHealth\nRacial or ethnic origin",
		"Local authority\nArbor (MIS provider)", "https://contracts.oakfield.example/arbor",
		"United States", "IDTA", "P25Y from collection", "Role-based access\nEncrypted laptops",
		"Public task", "Substantial public interest", "", "", "Right of access\nRight to rectification", "No",
		"Parents and carers\nPrevious school", "", "Arbor MIS\nPupil files in the school office",
		"Yes", "Complete", "DPIA – pupils", "No", "",
		"Statutory purposes\nSafeguarding", "Public task under the Education Act 1996", "https://intranet.oakfield.example/apd", "Yes", "")
	t.links["G10"] = "https://contracts.oakfield.example/arbor"
	t.links["W10"] = "https://intranet.oakfield.example/dpia/pupils"
	genRow(t.cells, 11, 1,
		"Human resources", "Recruitment\nPaying staff", "",
		"Job applicants\nEmployees", "Personal identifiers\nContact details\nFinancial and bank details\nCriminal convictions and offences",
		"HMRC\nPayroll provider", "Payroll contract 2023", "", "", "P6Y from termination-of-employment", "Access limited to the HR team",
		"Contract\nLegal obligation", "", "", "", "", "No", "The individual", "", "HR system",
		"No", "", "", "No", "", "Employment", "Contract", "https://intranet.oakfield.example/apd", "Yes", "")
	basis := "Legitimate interests"
	if typo {
		basis = "consnet"
	}
	genRow(t.cells, 12, 1,
		"Marketing", "Website analytics", "", "Website visitors", "Online identifiers\nUsage and behavioural data",
		"Analytics provider", "https://contracts.oakfield.example/analytics", "Ireland", "Adequacy", "P26M from collection", "IP anonymisation",
		basis, "", "Understanding how our website is used", "https://intranet.oakfield.example/lia/analytics", "",
		"Profiling of visitors to tailor content", "Collected directly from the individual", "", "Analytics dashboard",
		"No", "", "", "Yes", "https://intranet.oakfield.example/breaches/2023-04")

	p := genSheet{name: "Processor", cells: map[string]string{}}
	genContact(p.cells, 2, [][5]string{genController})
	p.cells["A8"] = tpl.SecRecord
	p.merges = append(p.merges, [2]string{"A8", "F8"})
	for k, c := range templateLayout.Processor {
		genRow(p.cells, 9, k+1, c.Heading)
	}
	genRow(p.cells, 10, 1, "St Mary's School, 2 Church Road, Oakfield", "", "Payroll processing\nHR advice", "India", "IDTA", "Encrypted transfer\nAccess controls")
	return []genSheet{notes, t, p}
}

func genMessySheets() []genSheet {
	t := genSheet{name: "Template", cells: map[string]string{}, links: map[string]string{}}
	c := t.cells
	// Two rows typed above the contact block.
	c["A1"] = "Oakfield Academy – Record of Processing Activities"
	c["A2"] = "Maintained by the school business manager. Last reviewed March 2024."
	// Contact block from row 4, the DPO block one column further right, the
	// representative block deleted.
	genRow(c, 4, 1, "NAME AND CONTACT DETAILS", "", "", "Data Protection Officer")
	genRow(c, 5, 1, "Name:", "Oakfield Academy", "", "Name", "Jane Smith")
	genRow(c, 6, 1, "Address", "1 School Lane\nOakfield\nOX1 1AA", "", "Address", "c/o Oakfield Academy")
	genRow(c, 7, 1, "E-mail", "office@oakfield.example", "", "Email", "see intranet")
	genRow(c, 8, 1, "Telephone number", "01865 000000", "", "Phone", "ext. 201")
	// Sections in row 11, headings in row 12, with a column of the
	// organisation's own after A and another at the end.
	genRow(c, 11, 1, "ARTICLE 30 RECORD OF PROCESSING ACTIVITIES")
	c["M11"], c["T11"], c["U11"], c["V11"], c["Y11"], c["AA11"] = "privacy notices", "Consent", "Access requests", "DPIAs", "Breaches",
		"DPA 2018 – special category or criminal conviction and offence data"
	t.merges = [][2]string{{"A11", "L11"}, {"M11", "S11"}, {"V11", "X11"}, {"Y11", "Z11"}, {"AA11", "AE11"}}
	genRow(c, 12, 1,
		"BUSINESS FUNCTION",
		"Information asset owner",
		"Purpose of\nprocessing",
		"Name and contact details of joint controller",
		"Categories of  individuals",
		"categories of personal data",
		"Categories of recipients (if applicable)",
		"Link to contract with processor",
		"Names of third countries or international organisations that personal data are transferred to",
		"Safeguards for exceptional transfers of personal data to third countries or international organisations",
		"Retention schedule",
		"General description of technical and organisational security measures (if possible)",
		"Article 6 lawful basis for processing personal data",
		"Article 9 condition for processing special category data",
		"Legitimate interests for the processing",
		"Link to record of legitimate interests assessment",
		"Rights available to individuals",
		"Existence of automated decision–making, including profiling",
		"The source of the personal data",
		"Link to record of consent",
		"Location of personal data",
		"Data Protection Impact Assessment required?",
		"Data Protection Impact Assessment progress",
		"Link to Data Protection Impact Assessment",
		"Has a personal data breach occurred?",
		"Link to record of personal data breach",
		"Schedule Condition",
		"GDPR Article 6 lawful basis for processing",
		"Link to retention and erasure policy document",
		"Is personal data retained and erased in accordance with the policy document?",
		"Reasons for not adhering to policy document",
		"Last reviewed",
	)
	genRow(c, 13, 1,
		"Pupil services", "Head of Admin", "Admissions\nMaintaining the pupil record", "",
		"Pupils; Parents and carers", "Name, address, date of birth\nHealth information\nEthnicity\nFree school meals",
		"Local authority\nDepartment for Education\nArbor (MIS provider)", "Arbor DPA",
		"USA", "SCCs with the UK Addendum", "Until the end of the school year after the pupil leaves",
		"Role-based access in Arbor; Encrypted laptops", "Public task (Education Act 1996)",
		"Art. 9(2)(g) – substantial public interest", "", "", "Right of access, rectification, erasure", "N/A",
		"The pupil's parents\nPrevious school", "", "Arbor MIS\nPaper files in the school office",
		"Yes", "Completed", "DPIA – pupil data", "No", "",
		"Sch 1 para 6; para 18 (safeguarding)", "Public task", "Appropriate policy document", "Yes", "", "March 2024")
	t.links["H13"] = "https://contracts.oakfield.example/arbor-dpa.pdf"
	t.links["X13"] = "https://intranet.oakfield.example/dpia/pupils.docx"
	t.links["AC13"] = "https://intranet.oakfield.example/apd.pdf"
	genRow(c, 14, 1,
		"HR", "HR Manager", "Recruitment\nPayroll", "",
		"Job applicants, Staff", "Name, contact details, bank details, DBS check results",
		"HMRC, Payroll provider, Pension scheme", "See contracts register",
		"India, Narnia", "IDTA", "P6Y from termination-of-employment", "Access limited to the HR team",
		"Contract\nLegal obligation", "", "", "", "", "No", "Application forms; Referees", "", "",
		"Maybe", "-", "", "No", "", "", "", "", "N/A", "", "Jan 2024")
	genRow(c, 15, 1,
		"Fundraising", "", "Alumni newsletter\nDonor events", "",
		"Former pupils", "Contact details\nDonation history", "", "", "", "", "", "",
		"consnet", "", "", "", "", "", "", "", "", "No")
	genRow(c, 16, 1,
		"Marketing", "", "Website analytics", "", "Website visitors", "Online identifiers, usage data",
		"Analytics provider", "", "EEA", "Adequacy", "26 months", "",
		"Legitimate interests", "", "Understanding how our website is used", "LIA", "",
		"Yes – profiling of visitors to tailor content", "Collected directly from visitors' browsers", "", "",
		"No", "In progress", "", "Yes", "Breach log")
	t.links["P16"] = "https://intranet.oakfield.example/lia/analytics"
	t.links["Z16"] = "https://intranet.oakfield.example/breaches/2023-04"
	// Row 17 empty; notes typed below the table.
	c["A18"] = "Notes: this register is reviewed every spring by the DPO."
	c["A19"] = "Columns M to S feed the privacy notice."

	p := genSheet{name: "processor", cells: map[string]string{}}
	p.cells["A1"] = "Processing we carry out for other controllers"
	genRow(p.cells, 3, 1,
		"Name and contact details of controller",
		"Name and contact details of controller’s representative",
		"CATEGORIES OF PROCESSING",
		"Names of third countries or international organisations that personal data are transferred to (if applicable)",
		"Safeguards for exceptional transfers of personal data to third countries or international organisations (if applicable)",
		"General description of technical and organisational security measures")
	genRow(p.cells, 4, 1, "St Mary's School, 2 Church Road", "", "Payroll processing; HR advice", "India", "IDTA", "Encrypted transfer")
	return []genSheet{t, p}
}

func genShortSheets() []genSheet {
	notes := genSheet{name: "Notes", cells: map[string]string{"A1": "Our record of processing, kept in the ICO format."}}
	r := genSheet{name: "Register", cells: map[string]string{}}
	genRow(r.cells, 1, 1, "Business function", "Purpose", "Joint controller", "Data subjects", "Personal data",
		"Recipients", "Processor contract", "Third countries", "Safeguards", "Retention", "Security measures")
	genRow(r.cells, 2, 1, "Finance", "Paying suppliers", "", "Supplier and partner staff", "Contact details, bank details",
		"Bank", "", "", "", "P7Y from end-of-financial-year", "Finance system access controls")
	genRow(r.cells, 3, 1, "Governance", "Governor records", "", "Trustees and governors", "Personal identifiers; Contact details",
		"Local authority", "", "", "", "Until they leave the board", "Locked cabinet")
	return []genSheet{notes, r}
}
