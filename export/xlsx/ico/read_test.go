package ico

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// readVariant imports a generated variant and splits the cell errors out.
func readVariant(t *testing.T, variant string, opts ...xlsx.ReadOption) (*ropa.Register, xlsx.CellErrors) {
	t.Helper()
	reg, err := Read(bytes.NewReader(genWorkbookT(t, variant)), opts...)
	var cells xlsx.CellErrors
	if err != nil && !errors.As(err, &cells) {
		t.Fatalf("Read(%s): %v", variant, err)
	}
	if reg == nil {
		t.Fatalf("Read(%s): nil register with %v", variant, err)
	}
	return reg, cells
}

// wantClean is the register the clean workbook holds.
func wantClean() *ropa.Register {
	apd := "https://intranet.oakfield.example/apd"
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller: ropa.Organisation{Name: "Oakfield Academy", Address: "1 School Lane, Oakfield OX1 1AA",
			Email: "office@oakfield.example", Phone: "01865 000000"},
		DPO: ropa.Contact{Name: "Jane Smith", Address: "Oakfield Academy, 1 School Lane, Oakfield OX1 1AA",
			Email: "dpo@oakfield.example", Phone: "01865 000001"},
		JointControllers: []ropa.JointController{{Name: "Oakfield Learning Trust", Contact: "trust@oakfield.example"}},
		Activities: []ropa.Activity{
			{
				ID: "admissions", Name: "Admissions", BusinessFunction: "Pupil services",
				Purposes: []ropa.Purpose{
					{Description: "Admissions", Basis: lawfulbasis.PublicTask},
					{Description: "Maintaining the pupil record", Basis: lawfulbasis.PublicTask},
				},
				DataSubjects:   []ropa.Subject{ropa.Pupils, ropa.Parents},
				DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails, ropa.Health, ropa.RacialEthnicOrigin),
				Special: ropa.SpecialCategory{
					Conditions: []lawfulbasis.Condition{lawfulbasis.SubstantialPublicInterest},
					Schedule1:  []lawfulbasis.Schedule1{lawfulbasis.Sch1StatutoryPurposes, lawfulbasis.Sch1Safeguarding},
				},
				PolicyDocument: ropa.PolicyDocument{Reference: apd, Article6: "Public task under the Education Act 1996", FollowsPolicy: ropa.Yes},
				Sources: []ropa.Source{
					{Kind: ropa.FromSubject, Name: "Parents and carers", Subjects: []ropa.Subject{ropa.Parents}},
					{Kind: ropa.FromThirdParty, Name: "Parents and carers", Subjects: []ropa.Subject{ropa.Pupils}},
					{Kind: ropa.FromThirdParty, Name: "Previous school"},
				},
				Recipients: []ropa.Recipient{
					{Name: "Local authority", Kind: ropa.Authority},
					{Name: "Arbor (MIS provider)", Kind: ropa.Processor, Contract: "https://contracts.oakfield.example/arbor"},
				},
				Transfers:        []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.IDTA}},
				Retention:        []ropa.Retention{{Rule: retention.MustParse("P25Y from collection")}},
				Security:         []string{"Role-based access", "Encrypted laptops"},
				DPIA:             ropa.DPIA{Required: ropa.Yes, Status: ropa.Complete, Reference: "DPIA – pupils <https://intranet.oakfield.example/dpia/pupils>"},
				Breach:           ropa.Breach{Occurred: ropa.No},
				Locations:        []string{"Arbor MIS", "Pupil files in the school office"},
				JointControllers: []string{"Oakfield Learning Trust"},
			},
			{
				ID: "recruitment", Name: "Recruitment", BusinessFunction: "Human resources",
				Purposes: []ropa.Purpose{
					{Description: "Recruitment", Basis: lawfulbasis.Contract},
					{Description: "Paying staff", Basis: lawfulbasis.LegalObligation},
				},
				DataSubjects:   []ropa.Subject{ropa.JobApplicants, ropa.Employees},
				DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails, ropa.Financial, ropa.CriminalOffences),
				// Criminal offence data and no special category data: the
				// Schedule 1 condition authorises the criminal offence data.
				Criminal:       ropa.CriminalOffence{Schedule1: []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment}},
				PolicyDocument: ropa.PolicyDocument{Reference: apd, Article6: "Contract", FollowsPolicy: ropa.Yes},
				Sources:        []ropa.Source{{Kind: ropa.FromSubject, Name: "The individual"}},
				Recipients: []ropa.Recipient{
					{Name: "HMRC", Kind: ropa.Authority},
					{Name: "Payroll provider", Kind: ropa.Processor, Contract: "Payroll contract 2023"},
				},
				Retention: []ropa.Retention{{Rule: retention.MustParse("P6Y from termination-of-employment")}},
				Security:  []string{"Access limited to the HR team"},
				DPIA:      ropa.DPIA{Required: ropa.No},
				Breach:    ropa.Breach{Occurred: ropa.No},
				Locations: []string{"HR system"},
			},
			{
				ID: "website-analytics", Name: "Website analytics", BusinessFunction: "Marketing",
				Purposes: []ropa.Purpose{{
					Description: "Website analytics", Basis: lawfulbasis.LegitimateInterests,
					Interest:   "Understanding how our website is used",
					Assessment: "https://intranet.oakfield.example/lia/analytics",
				}},
				DataSubjects:   []ropa.Subject{ropa.WebsiteVisitors},
				DataCategories: ropa.Cats(ropa.OnlineIdentifiers, ropa.Usage),
				Sources:        []ropa.Source{{Kind: ropa.FromSubject, Name: "Collected directly from the individual"}},
				Recipients:     []ropa.Recipient{{Name: "Analytics provider", Kind: ropa.Processor, Contract: "https://contracts.oakfield.example/analytics"}},
				Transfers:      []ropa.Transfer{{Country: "IE", Mechanism: lawfulbasis.Adequacy}},
				Retention:      []ropa.Retention{{Rule: retention.MustParse("P26M from collection")}},
				Security:       []string{"IP anonymisation"},
				Automated:      []ropa.Decision{{Profiling: true, Logic: "Profiling of visitors to tailor content"}},
				DPIA:           ropa.DPIA{Required: ropa.No},
				Breach:         ropa.Breach{Occurred: ropa.Yes, Reference: "https://intranet.oakfield.example/breaches/2023-04"},
				Locations:      []string{"Analytics dashboard"},
			},
		},
		ProcessorRecords: []ropa.ProcessorRecord{{
			Controller: "St Mary's School, 2 Church Road, Oakfield",
			Processing: []string{"Payroll processing", "HR advice"},
			Transfers:  []ropa.Transfer{{Country: "IN", Mechanism: lawfulbasis.IDTA}},
			Security:   []string{"Encrypted transfer", "Access controls"},
		}},
	}
}

func TestReadClean(t *testing.T) {
	reg, cells := readVariant(t, genClean)
	if len(cells) != 0 {
		t.Errorf("cell errors in the clean workbook:\n%v", cells)
	}
	if diff := cmp.Diff(wantClean(), reg, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("clean workbook (-want +got):\n%s", diff)
	}
}

func TestReadValidates(t *testing.T) {
	for _, v := range genVariants {
		t.Run(v, func(t *testing.T) {
			reg, _ := readVariant(t, v)
			if v == genShort {
				reg.Controller.Name = "Set by the caller" // the short file has no contact block
			}
			if err := reg.Validate(); err != nil {
				t.Errorf("imported register does not validate:\n%v", err)
			}
		})
	}
}

// errorList is the list of cell errors as "Sheet!Cell: message", with
// long "accepted" lists cut at the first semicolon.
//
// noContact drops the warning for a sheet without a contact block, which
// the small sheets of these tests do not have.
func noContact(cells xlsx.CellErrors) xlsx.CellErrors {
	var out xlsx.CellErrors
	for _, c := range cells {
		if c.Cell == "" && strings.Contains(c.Error(), "no contact block") {
			continue
		}
		out = append(out, c)
	}
	return out
}

func errorList(cells xlsx.CellErrors) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i], _, _ = strings.Cut(c.Error(), "; accepted:")
	}
	return out
}

func TestReadCellErrors(t *testing.T) {
	for _, tc := range []struct {
		variant string
		want    []string
	}{
		{genClean, nil},
		{genShort, []string{"Register: no contact block above the table, or none with the controller's name: the controller's name and contact details (Art 30(1)(a)) were left empty for you to fill in the register"}},
		{genTypo, []string{
			`Template!L12: unknown lawful basis "consnet" (did you mean "consent"?)`,
			"Template!N12: legitimate interests are given, but no purpose relies on legitimate interests: kept in the activity's notes",
			"Template!O12: a legitimate interests assessment is given, but no purpose relies on legitimate interests: kept in the activity's notes",
		}},
		{genMessy, []string{
			`Template!A1: text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): "Oakfield Academy – Record of Processing Activities"`,
			`Template!A2: text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): "Maintained by the school business manager. Last reviewed March 2024."`,
			`Template!E7: not an email address: "see intranet"`,
			`Template!B13: "Information asset owner" is not a column of the ICO template: kept in the activity's notes`,
			`Template!AF13: "Last reviewed" is not a column of the ICO template: kept in the activity's notes`,
			`Template!B14: "Information asset owner" is not a column of the ICO template: kept in the activity's notes`,
			`Template!I14: unknown country "Narnia"; write a country name or its ISO 3166-1 alpha-2 code`,
			`Template!V14: not a Yes/No answer: "Maybe"`,
			`Template!AF14: "Last reviewed" is not a column of the ICO template: kept in the activity's notes`,
			`Template!M15: unknown lawful basis "consnet" (did you mean "consent"?)`,
			`Template!A18: text below the table is not an activity and was not imported: "Notes: this register is reviewed every spring by the DPO."`,
			`Template!A19: text below the table is not an activity and was not imported: "Columns M to S feed the privacy notice."`,
			`processor!A1: text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): "Processing we carry out for other controllers"`,
		}},
	} {
		t.Run(tc.variant, func(t *testing.T) {
			_, cells := readVariant(t, tc.variant)
			if diff := cmp.Diff(tc.want, errorList(cells), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("cell errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCellErrorDetails(t *testing.T) {
	reg, err := Read(bytes.NewReader(genWorkbookT(t, genTypo)))
	if reg == nil || err == nil {
		t.Fatalf("Read = %v, %v; want a register and cell errors", reg, err)
	}
	var cells xlsx.CellErrors
	if !errors.As(err, &cells) || len(cells) != 3 {
		t.Fatalf("error %v is not three xlsx.CellErrors", err)
	}
	c := cells[0]
	if c.Sheet != "Template" || c.Cell != "L12" || c.Value != "consnet" {
		t.Errorf("xlsx.CellError = %q %q %q; want Template L12 consnet", c.Sheet, c.Cell, c.Value)
	}
	if !errors.Is(err, lawfulbasis.ErrUnknown) {
		t.Errorf("errors.Is(err, lawfulbasis.ErrUnknown) = false for %v", err)
	}
	if errors.Is(err, ErrNotImported) {
		t.Errorf("a bad basis is not a notice")
	}
	if !strings.HasPrefix(err.Error(), `Template!L12: unknown lawful basis "consnet"`) {
		t.Errorf("message %q", err)
	}
	// The activity is there, its purpose without a basis, the text kept.
	a := reg.Activities[2]
	if a.ID != "website-analytics" || a.Purposes[0].Basis != 0 {
		t.Errorf("activity %s purpose basis %v", a.ID, a.Purposes[0].Basis)
	}
	for _, want := range []string{
		"Article 6 lawful basis for processing personal data: consnet",
		"Legitimate interests for the processing (if applicable): Understanding how our website is used",
		"Link to record of legitimate interests assessment (if applicable): https://intranet.oakfield.example/lia/analytics",
	} {
		if !strings.Contains(a.Notes, want) {
			t.Errorf("notes %q lack %q", a.Notes, want)
		}
	}
}

func TestReadMessy(t *testing.T) {
	reg, cells := readVariant(t, genMessy)
	for _, c := range cells {
		if strings.HasPrefix(c.Cell, "A1") && !errors.Is(c, ErrNotImported) {
			t.Errorf("%v: want a notice wrapping ErrNotImported", c)
		}
	}
	if got := len(reg.Activities); got != 4 {
		t.Fatalf("%d activities, want 4 (notes below the table are not activities)", got)
	}
	check := func(what string, got, want any) {
		t.Helper()
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s (-want +got):\n%s", what, diff)
		}
	}
	check("controller", reg.Controller, ropa.Organisation{Name: "Oakfield Academy", Address: "1 School Lane\nOakfield\nOX1 1AA",
		Email: "office@oakfield.example", Phone: "01865 000000"})
	check("DPO (bad email reported, not kept)", reg.DPO, ropa.Contact{Name: "Jane Smith", Address: "c/o Oakfield Academy", Phone: "ext. 201"})
	check("representative (block deleted)", reg.Representative, ropa.Contact{})
	var ids []string
	for _, a := range reg.Activities {
		ids = append(ids, a.ID)
	}
	check("IDs", ids, []string{"admissions", "recruitment", "alumni-newsletter", "website-analytics"})

	pupils, hr, fund, web := reg.Activities[0], reg.Activities[1], reg.Activities[2], reg.Activities[3]
	// Free text where a typed value is expected is kept.
	check("public task with its Act", pupils.Purposes, []ropa.Purpose{
		{Description: "Admissions", Basis: lawfulbasis.PublicTask, Provision: "Education Act 1996"},
		{Description: "Maintaining the pupil record", Basis: lawfulbasis.PublicTask, Provision: "Education Act 1996"},
	})
	check("retention sentence", pupils.Retention, []ropa.Retention{{Schedule: "Until the end of the school year after the pupil leaves"}})
	check("retention free text", web.Retention, []ropa.Retention{{Schedule: "26 months"}})
	check("retention rule", hr.Retention, []ropa.Retention{{Rule: retention.MustParse("P6Y from termination-of-employment")}})
	// Columns of the organisation's own go to Notes.
	check("notes", pupils.Notes, "Information asset owner: Head of Admin\nLast reviewed: March 2024")
	// Multi-values split at line breaks, semicolons and commas.
	check("subjects", pupils.DataSubjects, []ropa.Subject{ropa.Pupils, ropa.Parents})
	check("categories", pupils.DataCategories, ropa.Cats(ropa.Identifiers, ropa.ContactDetails, ropa.DateOfBirth,
		ropa.Health, ropa.RacialEthnicOrigin, ropa.Disadvantage))
	check("hr subjects", hr.DataSubjects, []ropa.Subject{ropa.JobApplicants, ropa.Employees})
	check("hr categories", hr.DataCategories, ropa.Cats(ropa.Identifiers, ropa.ContactDetails, ropa.Financial, ropa.CriminalOffences))
	check("custom subject", fund.DataSubjects, []ropa.Subject{"custom: Former pupils"})
	check("recipients", pupils.Recipients, []ropa.Recipient{
		{Name: "Local authority", Kind: ropa.Authority},
		{Name: "Department for Education", Kind: ropa.Authority},
		{Name: "Arbor (MIS provider)", Kind: ropa.Processor, Contract: "Arbor DPA <https://contracts.oakfield.example/arbor-dpa.pdf>"},
	})
	check("hr recipients", hr.Recipients, []ropa.Recipient{
		{Name: "HMRC", Kind: ropa.Authority},
		{Name: "Payroll provider", Kind: ropa.Processor, Contract: "See contracts register"},
		{Name: "Pension scheme", Kind: ropa.ThirdParty},
	})
	check("transfers", pupils.Transfers, []ropa.Transfer{{Country: "US", Mechanism: lawfulbasis.UKAddendum, Safeguards: "SCCs with the UK Addendum"}})
	check("transfers with an unknown country", hr.Transfers, []ropa.Transfer{{Country: "IN", Mechanism: lawfulbasis.IDTA}})
	check("EEA", web.Transfers, []ropa.Transfer{{Country: "EU", Mechanism: lawfulbasis.Adequacy}})
	check("security", pupils.Security, []string{"Role-based access in Arbor", "Encrypted laptops"})
	check("conditions", pupils.Special, ropa.SpecialCategory{
		Conditions: []lawfulbasis.Condition{lawfulbasis.SubstantialPublicInterest},
		Schedule1:  []lawfulbasis.Schedule1{lawfulbasis.Sch1StatutoryPurposes, lawfulbasis.Sch1Safeguarding},
	})
	// Hyperlinks: the text and the target.
	check("DPIA", pupils.DPIA, ropa.DPIA{Required: ropa.Yes, Status: ropa.Complete, Reference: "DPIA – pupil data <https://intranet.oakfield.example/dpia/pupils.docx>"})
	check("policy", pupils.PolicyDocument, ropa.PolicyDocument{Reference: "Appropriate policy document <https://intranet.oakfield.example/apd.pdf>", Article6: "Public task", FollowsPolicy: ropa.Yes})
	check("LI purpose", web.Purposes, []ropa.Purpose{{Description: "Website analytics", Basis: lawfulbasis.LegitimateInterests,
		Interest: "Understanding how our website is used", Assessment: "LIA <https://intranet.oakfield.example/lia/analytics>"}})
	check("breach", web.Breach, ropa.Breach{Occurred: ropa.Yes, Reference: "Breach log <https://intranet.oakfield.example/breaches/2023-04>"})
	check("automated", web.Automated, []ropa.Decision{{Profiling: true, Logic: "Yes – profiling of visitors to tailor content"}})
	check("sources", web.Sources, []ropa.Source{{Kind: ropa.FromSubject, Name: "Collected directly from visitors' browsers"}})
	check("DPIA progress", web.DPIA, ropa.DPIA{Required: ropa.No, Status: ropa.InProgress})
	// Bad cells keep their text in Notes.
	check("hr notes", hr.Notes, strings.Join([]string{
		"Information asset owner: HR Manager",
		"Names of third countries or international organisations that personal data are transferred to: India, Narnia",
		"Data Protection Impact Assessment required?: Maybe",
		"Last reviewed: Jan 2024",
	}, "\n"))
	check("fund purposes", fund.Purposes, []ropa.Purpose{{Description: "Alumni newsletter"}, {Description: "Donor events"}})
	check("fund notes", fund.Notes, "Article 6 lawful basis for processing personal data: consnet")
	// N/A, None and dashes are empty, and no statement of none is made
	// of them.
	if hr.PolicyDocument.Reason != "" || hr.DPIA.Status != "" || len(pupils.Automated) != 0 || len(pupils.None) != 0 {
		t.Errorf("N/A or a dash read as a value: %q %q %+v", hr.PolicyDocument.Reason, hr.DPIA.Status, pupils.Automated)
	}
	check("processor records", reg.ProcessorRecords, []ropa.ProcessorRecord{{
		Controller: "St Mary's School, 2 Church Road",
		Processing: []string{"Payroll processing", "HR advice"},
		Transfers:  []ropa.Transfer{{Country: "IN", Mechanism: lawfulbasis.IDTA}},
		Security:   []string{"Encrypted transfer"},
	}})
}

func TestReadShort(t *testing.T) {
	reg, cells := readVariant(t, genShort)
	if len(cells) != 1 || cells[0].Cell != "" || !strings.Contains(cells[0].Error(), "no contact block") {
		t.Errorf("cell errors: %v", cells)
	}
	want := []ropa.Activity{
		{
			ID: "paying-suppliers", Name: "Paying suppliers", BusinessFunction: "Finance",
			Purposes:       []ropa.Purpose{{Description: "Paying suppliers"}},
			DataSubjects:   []ropa.Subject{ropa.SupplierStaff},
			DataCategories: ropa.Cats(ropa.ContactDetails, ropa.Financial),
			Recipients:     []ropa.Recipient{{Name: "Bank", Kind: ropa.ThirdParty}},
			Retention:      []ropa.Retention{{Rule: retention.MustParse("P7Y from end-of-financial-year")}},
			Security:       []string{"Finance system access controls"},
		},
		{
			ID: "governor-records", Name: "Governor records", BusinessFunction: "Governance",
			Purposes:       []ropa.Purpose{{Description: "Governor records"}},
			DataSubjects:   []ropa.Subject{ropa.Trustees},
			DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails),
			Recipients:     []ropa.Recipient{{Name: "Local authority", Kind: ropa.Authority}},
			Retention:      []ropa.Retention{{Schedule: "Until they leave the board"}},
			Security:       []string{"Locked cabinet"},
		},
	}
	if diff := cmp.Diff(want, reg.Activities, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("short workbook (-want +got):\n%s", diff)
	}
	if reg.Controller != (ropa.Organisation{}) || reg.Jurisdiction != lawfulbasis.UK {
		t.Errorf("controller %+v, jurisdiction %v", reg.Controller, reg.Jurisdiction)
	}
}

// buildSheet builds a one-sheet workbook from rows of cells.
func buildSheet(t *testing.T, sheet string, rows ...[]string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for r, row := range rows {
		for c, v := range row {
			if v == "" {
				continue
			}
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellStr(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadHeadingMatching(t *testing.T) {
	cols := templateLayout.Controller
	for _, tc := range []struct {
		heading string
		want    int
	}{
		{"Business function", tpl.ColBusinessFunction},
		{"BUSINESS FUNCTION", tpl.ColBusinessFunction},
		{"Purpose of\nprocessing", tpl.ColPurpose},
		{"Purpose(s)", tpl.ColPurpose},
		{"Name and contact details of joint controller", tpl.ColJointController},
		{"Categories of  individuals", tpl.ColIndividuals},
		{"Categories of data subjects", tpl.ColIndividuals},
		{"categories of personal data", tpl.ColPersonalData},
		{"Categories of recipients (if applicable)", tpl.ColRecipients},
		{"Link to contract with processor", tpl.ColProcessorContract},
		{"Names of third countries or international organisations that personal data are transferred to", tpl.ColThirdCountries},
		{"Safeguards for exceptional transfers of personal data to third countries or international organisations", tpl.ColSafeguards},
		{"Retention schedule", tpl.ColRetention},
		{"General description of technical and organisational security measures", tpl.ColSecurity},
		{"Article 6 lawful basis for processing personal data", tpl.ColArticle6},
		{"Article 9 condition for processing special category data", tpl.ColArticle9},
		{"Legitimate interests for the processing", tpl.ColLegitimateInterests},
		{"Link to record of legitimate interests assessment", tpl.ColLIA},
		{"Rights available to individuals", tpl.ColRights},
		{"Existence of automated decision–making, including profiling", tpl.ColAutomated},
		{"Existence of automated decision-making, including profiling (if applicable)", tpl.ColAutomated},
		{"The source of the personal data", tpl.ColSource},
		{"Link to record of consent", tpl.ColConsentRecord},
		{"Location of personal data", tpl.ColLocation},
		{"Data Protection Impact Assessment required?", tpl.ColDPIARequired},
		{"Data Protection Impact Assessment progress", tpl.ColDPIAProgress},
		{"Link to Data Protection Impact Assessment", tpl.ColDPIALink},
		{"Has a personal data breach occurred?", tpl.ColBreach},
		{"Link to record of personal data breach", tpl.ColBreachLink},
		{"Schedule 1 Condition", tpl.ColSch1Condition},
		{"Schedule Condition", tpl.ColSch1Condition},
		{"DPA 2018 Schedule 1 condition for processing", tpl.ColSch1Condition},
		{"Data Protection Act 2018 – Schedule 1 Condition for processing", tpl.ColSch1Condition},
		{"GDPR Article 6 lawful basis for processing", tpl.ColSch1Article6},
		{"Link to retention and erasure policy document", tpl.ColPolicyDocument},
		{"Is personal data retained and erased in accordance with the policy document?", tpl.ColFollowsPolicy},
		{"Reasons for not adhering to policy document", tpl.ColPolicyReasons},
	} {
		cands := controllerMatch.compile(cols).candidates(tc.heading)
		best := -1
		for _, c := range cands {
			if c.score == 2 || best < 0 {
				best = c.k
			}
		}
		if best != tc.want {
			t.Errorf("%q: candidates %v; want column %d (%s)", tc.heading, cands, tc.want, cols[tc.want].Heading)
		}
	}
	for _, h := range []string{"Information asset owner", "Last reviewed", "Owner’s notes", "Comments"} {
		if c := controllerMatch.compile(cols).candidates(h); len(c) != 0 {
			t.Errorf("%q matched %v; want no column", h, c)
		}
	}
	// The processor headings, with a curly apostrophe.
	pc := processorMatch.compile(templateLayout.Processor)
	for h, want := range map[string]int{
		"Name and contact details of controller":                  pcolController,
		"Name and contact details of controller’s representative": pcolRepresentative,
		"CATEGORIES OF PROCESSING":                                pcolProcessing,
	} {
		if c := pc.candidates(h); len(c) == 0 || c[0].k != want {
			t.Errorf("%q: candidates %v; want %d", h, c, want)
		}
	}
}

// TestReadICOArticle6Columns checks the two "Article 6 lawful basis"
// columns, which share most of their words: L comes first, AA after the
// Schedule 1 condition or under its section.
func TestReadArticle6Columns(t *testing.T) {
	for _, tc := range []struct {
		name     string
		sections []string
		headings []string
		want     map[int]int // record column -> sheet column
	}{
		{
			name:     "both, same words",
			headings: []string{"Purpose", "Categories of individuals", "Lawful basis", "Schedule 1 condition", "Lawful basis"},
			want:     map[int]int{tpl.ColPurpose: 0, tpl.ColIndividuals: 1, tpl.ColArticle6: 2, tpl.ColSch1Condition: 3, tpl.ColSch1Article6: 4},
		},
		{
			name:     "only AA, after Z",
			headings: []string{"Purpose", "Categories of individuals", "Schedule 1 condition", "Article 6 lawful basis"},
			want:     map[int]int{tpl.ColPurpose: 0, tpl.ColIndividuals: 1, tpl.ColSch1Condition: 2, tpl.ColSch1Article6: 3},
		},
		{
			name:     "only AA, GDPR in its heading",
			headings: []string{"Purpose", "Categories of individuals", "GDPR Article 6 lawful basis for processing"},
			want:     map[int]int{tpl.ColPurpose: 0, tpl.ColIndividuals: 1, tpl.ColSch1Article6: 2},
		},
		{
			name:     "only AA, by its section",
			sections: []string{"Article 30 record of processing activities", "", "Special category or criminal conviction and offence data"},
			headings: []string{"Purpose", "Categories of individuals", "Article 6 lawful basis"},
			want:     map[int]int{tpl.ColPurpose: 0, tpl.ColIndividuals: 1, tpl.ColSch1Article6: 2},
		},
		{
			name:     "only L",
			headings: []string{"Purpose", "Categories of individuals", "Article 6 lawful basis"},
			want:     map[int]int{tpl.ColPurpose: 0, tpl.ColIndividuals: 1, tpl.ColArticle6: 2},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rows [][]string
			if tc.sections != nil {
				rows = append(rows, tc.sections)
			}
			rows = append(rows, tc.headings)
			h := findHeader(rows, templateLayout.Controller, controllerMatch, tpl.ColPurpose, tpl.ColIndividuals, templateLayout)
			if h == nil {
				t.Fatal("no header")
			}
			if diff := cmp.Diff(tc.want, h.col); diff != "" {
				t.Errorf("columns (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadHeaderRow(t *testing.T) {
	t.Run("found by content on row 31", func(t *testing.T) {
		rows := make([][]string, 30)
		rows[3] = []string{"List each purpose of processing and the categories of individuals below"}
		rows = append(rows, []string{"Business function", "Purpose of processing", "Categories of individuals"},
			[]string{"HR", "Payroll", "Staff"})
		reg, err := Read(bytes.NewReader(buildSheet(t, "Sheet1", rows...)))
		var cells xlsx.CellErrors
		errors.As(err, &cells)
		want := []string{`Sheet1!A4: text above the table was not imported (it is neither a column heading nor a name, address, email or telephone of the contact block): "List each purpose of processing and the categories of individuals below"`}
		if reg == nil || len(reg.Activities) != 1 || reg.Activities[0].ID != "payroll" || cmp.Diff(want, errorList(noContact(cells))) != "" {
			t.Fatalf("Read = %+v, %v", reg, err)
		}
	})
	t.Run("not after row 40", func(t *testing.T) {
		rows := make([][]string, 40)
		rows = append(rows, []string{"Purpose of processing", "Categories of individuals"}, []string{"Payroll", "Staff"})
		_, err := Read(bytes.NewReader(buildSheet(t, "Sheet1", rows...)))
		if !errors.Is(err, ErrNoHeader) {
			t.Fatalf("err = %v; want ErrNoHeader", err)
		}
	})
}

func TestReadRows(t *testing.T) {
	head := []string{"Business function", "Purpose of processing", "Categories of individuals", "Categories of personal data",
		"Article 6 lawful basis for processing personal data", "Legitimate interests for the processing", "Comments"}
	for _, tc := range []struct {
		name  string
		rows  [][]string
		check func(t *testing.T, reg *ropa.Register, cells xlsx.CellErrors)
	}{
		{
			name: "IDs are unique",
			rows: [][]string{{"HR", "Payroll"}, {"Finance", "Payroll"}, {"Finance", "Payroll-2"}, {"", "Payroll"}},
			check: func(t *testing.T, reg *ropa.Register, _ xlsx.CellErrors) {
				var ids []string
				for _, a := range reg.Activities {
					ids = append(ids, a.ID)
				}
				if diff := cmp.Diff([]string{"payroll", "payroll-2", "payroll-2-2", "payroll-3"}, ids); diff != "" {
					t.Errorf("IDs (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "name from the business function, ID from the row",
			rows: [][]string{{"Estates", "", "Contractors"}, {"", "", "", "Images"}},
			check: func(t *testing.T, reg *ropa.Register, _ xlsx.CellErrors) {
				if a := reg.Activities[0]; a.ID != "estates" || a.Name != "Estates" {
					t.Errorf("activity %q %q", a.ID, a.Name)
				}
				if a := reg.Activities[1]; a.ID != "row-3" || a.Name != "Row 3" {
					t.Errorf("activity %q %q", a.ID, a.Name)
				}
			},
		},
		{
			name: "bases that cannot be paired are a cell error, kept in notes",
			rows: [][]string{{"HR", "Payroll\nPensions\nTraining", "", "", "Contract; Legal obligation"}},
			check: func(t *testing.T, reg *ropa.Register, cells xlsx.CellErrors) {
				a := reg.Activities[0]
				for _, p := range a.Purposes {
					if p.Basis != 0 {
						t.Errorf("purpose %q got basis %v", p.Description, p.Basis)
					}
				}
				if a.Notes != "Article 6 lawful basis for processing personal data: Contract; Legal obligation" {
					t.Errorf("notes %q", a.Notes)
				}
				want := []string{"Sheet1!E2: 2 lawful bases for 3 purposes: which basis is for which purpose cannot be told; write one basis per line in the order of the purposes, or one basis for them all"}
				if diff := cmp.Diff(want, errorList(cells)); diff != "" {
					t.Errorf("cells (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "citations and legitimate interests",
			rows: [][]string{{"Marketing", "Newsletter\nEvents", "", "", "Art. 6(1)(a), 6(1)(f)", "Inviting supporters"}},
			check: func(t *testing.T, reg *ropa.Register, _ xlsx.CellErrors) {
				want := []ropa.Purpose{{Description: "Newsletter", Basis: lawfulbasis.Consent},
					{Description: "Events", Basis: lawfulbasis.LegitimateInterests, Interest: "Inviting supporters"}}
				if diff := cmp.Diff(want, reg.Activities[0].Purposes); diff != "" {
					t.Errorf("purposes (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "notes below the table, extra text in columns",
			rows: [][]string{{"HR", "Payroll", "Staff", "", "", "", "Reviewed 2024"}, {}, {"Key: green = required"}, {"", "", "", "", "", "", "see also the HR sheet"}},
			check: func(t *testing.T, reg *ropa.Register, cells xlsx.CellErrors) {
				if len(reg.Activities) != 1 || reg.Activities[0].Notes != "Comments: Reviewed 2024" {
					t.Errorf("activities %+v", reg.Activities)
				}
				want := []string{
					`Sheet1!G2: "Comments" is not a column of the ICO template: kept in the activity's notes`,
					`Sheet1!A4: text below the table is not an activity and was not imported: "Key: green = required"`,
					`Sheet1!G5: text below the table is not an activity and was not imported: "see also the HR sheet"`,
				}
				if diff := cmp.Diff(want, errorList(cells)); diff != "" {
					t.Errorf("cells (-want +got):\n%s", diff)
				}
			},
		},
		{
			name: "an activity after a blank row is still an activity",
			rows: [][]string{{"HR", "Payroll", "Staff"}, {}, {"Finance", "Invoicing", "Customers"}},
			check: func(t *testing.T, reg *ropa.Register, cells xlsx.CellErrors) {
				if len(reg.Activities) != 2 || len(cells) != 0 {
					t.Errorf("activities %d, cells %v", len(reg.Activities), cells)
				}
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := Read(bytes.NewReader(buildSheet(t, "Sheet1", append([][]string{head}, tc.rows...)...)))
			var cells xlsx.CellErrors
			if err != nil && !errors.As(err, &cells) {
				t.Fatal(err)
			}
			tc.check(t, reg, noContact(cells))
		})
	}
}

func TestReadValues(t *testing.T) {
	t.Run("basis", func(t *testing.T) {
		for in, want := range map[string]struct {
			b    lawfulbasis.Basis
			rest string
		}{
			"Public task (Education Act 1996)":              {lawfulbasis.PublicTask, "Education Act 1996"},
			"Legal obligation under the Education Act 1996": {lawfulbasis.LegalObligation, "the Education Act 1996"},
			"Public task – Art 6(1)(e)":                     {lawfulbasis.PublicTask, ""},
			"6(1)(c) Legal obligation":                      {lawfulbasis.LegalObligation, ""},
			"Legitimate interests":                          {lawfulbasis.LegitimateInterests, ""},
		} {
			b, rest, err := parseValue(in, lawfulbasis.ParseBasis)
			if err != nil || b != want.b || rest != want.rest {
				t.Errorf("parseValue(%q) = %v, %q, %v; want %v, %q", in, b, rest, err, want.b, want.rest)
			}
		}
	})
	t.Run("schedule 1", func(t *testing.T) {
		for in, want := range map[string]lawfulbasis.Schedule1{
			"Sch 1 para 6":                  lawfulbasis.Sch1StatutoryPurposes,
			"para 18 (safeguarding)":        lawfulbasis.Sch1Safeguarding,
			"Part 2 paragraph 18":           lawfulbasis.Sch1Safeguarding,
			"Safeguarding":                  lawfulbasis.Sch1Safeguarding,
			"Employment (Sch 1 Pt 1 para1)": lawfulbasis.Sch1Employment,
		} {
			if s, _, err := parseValue(in, lawfulbasis.ParseSchedule1); err != nil || s != want {
				t.Errorf("parseValue(%q) = %v, %v; want %v", in, s, err, want)
			}
		}
	})
	t.Run("countries", func(t *testing.T) {
		for in, want := range map[string]string{"USA": "US", "United States": "US", "the US": "US", "U.S.": "US", "India": "IN",
			"EU": "EU", "EEA": "EU", "European Economic Area": "EU", "UK": "GB", "The Netherlands": "NL", "ZW": "ZW", "EPO": "EPO", "South Korea": "KR"} {
			if got, ok := countryOf(in); !ok || got != want {
				t.Errorf("countryOf(%q) = %q, %v; want %q", in, got, ok, want)
			}
		}
		for _, in := range []string{"Narnia", "Worldwide", "zw", "Various"} {
			if got, ok := countryOf(in); ok {
				t.Errorf("countryOf(%q) = %q; want unknown", in, got)
			}
		}
	})
	t.Run("mechanisms", func(t *testing.T) {
		for in, want := range map[string]struct {
			m    lawfulbasis.Mechanism
			text string
		}{
			"IDTA":                          {lawfulbasis.IDTA, ""},
			"SCCs":                          {lawfulbasis.SCC, ""},
			"SCCs with the UK Addendum":     {lawfulbasis.UKAddendum, "SCCs with the UK Addendum"},
			"Adequacy regulations":          {lawfulbasis.Adequacy, ""},
			"Covered by adequacy":           {lawfulbasis.Adequacy, "Covered by adequacy"},
			"Privacy Shield certified":      {lawfulbasis.PrivacyShield, "Privacy Shield certified"},
			"BCRs approved by the CNIL":     {lawfulbasis.BCR, "BCRs approved by the CNIL"},
			"Encrypted before it leaves us": {0, "Encrypted before it leaves us"},
		} {
			if m, text := mechanismOf(in); m != want.m || text != want.text {
				t.Errorf("mechanismOf(%q) = %v, %q; want %v, %q", in, m, text, want.m, want.text)
			}
		}
	})
	t.Run("recipients", func(t *testing.T) {
		for in, want := range map[string]ropa.RecipientKind{
			"HMRC": ropa.Authority, "Thames Valley Police": ropa.Authority, "Oxfordshire County Council": ropa.Authority,
			"Department for Education": ropa.Authority, "ICO": ropa.Authority, "Payroll provider": ropa.Processor,
			"IT supplier": ropa.Processor, "HR team": ropa.Internal, "Finance department": ropa.Internal,
			"Staff": ropa.Internal, "Pension scheme": ropa.ThirdParty, "Unicorn Ltd": ropa.ThirdParty,
		} {
			if got := recipientKind(in); got != want {
				t.Errorf("recipientKind(%q) = %v; want %v", in, got, want)
			}
		}
	})
	t.Run("answers", func(t *testing.T) {
		for in, want := range map[string]ropa.Answer{"Yes": ropa.Yes, "y": ropa.Yes, "NO": ropa.No, "Not required": ropa.No,
			"Yes – signed off 2023": ropa.Yes, "Maybe": "", "TBC": ""} {
			if got, _ := answerOf(in); got != want {
				t.Errorf("answerOf(%q) = %q; want %q", in, got, want)
			}
		}
	})
	t.Run("categories", func(t *testing.T) {
		for in, want := range map[string][]ropa.Category{
			"Health information":         {ropa.Health},
			"Medical and ethnicity data": {ropa.Health, ropa.RacialEthnicOrigin},
			"Religion":                   {ropa.Beliefs},
			"Trade union subscriptions":  {ropa.TradeUnion},
			"Photograph":                 {ropa.Images},
			"Criminal records":           {ropa.CriminalOffences},
			"Gym visits":                 {"custom: Gym visits"},
			"custom special: Voiceprint": {"custom special: Voiceprint"},
		} {
			if diff := cmp.Diff(want, categoriesOf(in)); diff != "" {
				t.Errorf("categoriesOf(%q) (-want +got):\n%s", in, diff)
			}
		}
	})
	t.Run("blank", func(t *testing.T) {
		for _, in := range []string{"", "N/A", "n/a", "None", "-", "–", " — "} {
			if !isBlank(in) {
				t.Errorf("isBlank(%q) = false", in)
			}
		}
		if isBlank("No") {
			t.Error(`isBlank("No") = true; "No" is an answer`)
		}
	})
}

func TestReadContactBlock(t *testing.T) {
	head := []string{"Purpose of processing", "Categories of individuals"}
	for _, tc := range []struct {
		name string
		rows [][]string
		want ropa.Organisation
		dpo  ropa.Contact
	}{
		{
			name: "title deleted",
			rows: [][]string{{"Name", "Acme Ltd"}, {"Email", "info@acme.example"}, {}, head},
			want: ropa.Organisation{Name: "Acme Ltd", Email: "info@acme.example"},
		},
		{
			name: "inline values and a DPO block",
			rows: [][]string{{"Name and contact details", "", "DPO"}, {"Name: Acme Ltd", "", "Name: Sam Lee"}, {"Tel: 0100", "", "E-mail: dpo@acme.example"}, head},
			want: ropa.Organisation{Name: "Acme Ltd", Phone: "0100"},
			dpo:  ropa.Contact{Name: "Sam Lee", Email: "dpo@acme.example"},
		},
		{
			name: "block deleted",
			rows: [][]string{{"Our record"}, head},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg, err := Read(bytes.NewReader(buildSheet(t, "Template", tc.rows...)))
			var cells xlsx.CellErrors
			if err != nil && !errors.As(err, &cells) {
				t.Fatal(err)
			}
			// A sheet without the controller's name says so, as a message
			// about the sheet.
			warned := len(cells) > len(noContact(cells))
			if warned != (tc.want.Name == "") {
				t.Errorf("contact block warning %v for controller %+v: %v", warned, tc.want, cells)
			}
			if reg.Controller != tc.want || reg.DPO != tc.dpo {
				t.Errorf("controller %+v, DPO %+v; want %+v, %+v", reg.Controller, reg.DPO, tc.want, tc.dpo)
			}
		})
	}
}

// A sheet of another name is found by its heading row.
func TestReadSheetName(t *testing.T) {
	b := buildSheet(t, "Record", []string{"Purpose of processing", "Categories of individuals"}, []string{"Payroll", "Staff"})
	reg, err := Read(bytes.NewReader(b))
	var cells xlsx.CellErrors
	errors.As(err, &cells)
	if reg == nil || len(reg.Activities) != 1 || len(noContact(cells)) != 0 {
		t.Fatalf("Read = %+v, %v", reg, err)
	}
}

func TestReadTransfersAndIDs(t *testing.T) {
	head := []string{"Ref", "Purpose of processing", "Categories of individuals", "Categories of recipients",
		"Names of third countries or international organisations that personal data are transferred to",
		"Safeguards for exceptional transfers of personal data to third countries or international organisations"}
	b := buildSheet(t, "Template", head,
		[]string{"HR-01", "Payroll", "Staff", "Payroll provider", "US (Mail provider)\nIndia (payroll  provider)\nUK",
			"India (Payroll provider): IDTA\nUS: Standard contractual clauses (2021)"},
		[]string{"hr-02", "Pensions", "Staff", "", "Korea, Republic of; Canada", "Adequacy"},
	)
	reg, err := Read(bytes.NewReader(b))
	var cells xlsx.CellErrors
	if err != nil && !errors.As(err, &cells) {
		t.Fatal(err)
	}
	wantCells := []string{
		"Template!E2: a recipient named in brackets is not one of the activity's recipients: kept in the activity's notes",
		`Template!F2: standard contractual clauses under the UK regime could be the EU clauses with the UK Addendum ("uk-addendum"), the UK's International Data Transfer Agreement ("idta"), or the clauses adopted before 2021, usable only until 21 March 2024 ("legacy-scc"): write which`,
	}
	if diff := cmp.Diff(wantCells, errorList(noContact(cells))); diff != "" {
		t.Errorf("cells (-want +got):\n%s", diff)
	}
	a := reg.Activities[0]
	if a.ID != "hr-01" || a.Notes != "Names of third countries or international organisations that personal data are transferred to: US (Mail provider)\nIndia (payroll  provider)\nUK\n"+
		"Safeguards for exceptional transfers of personal data to third countries or international organisations: India (Payroll provider): IDTA\nUS: Standard contractual clauses (2021)" {
		t.Errorf("ID %q, notes %q", a.ID, a.Notes)
	}
	// "Mail provider" is not one of the activity's recipients, so the
	// transfer does not name it (the column's text is in Notes); "payroll
	// provider" is, but for its case. "Standard contractual clauses" under
	// the UK regime is not a mechanism until it says which (a cell error).
	want := []ropa.Transfer{
		{Country: "US"},
		{Country: "IN", Recipient: "Payroll provider", Mechanism: lawfulbasis.IDTA},
	}
	if diff := cmp.Diff(want, a.Transfers); diff != "" {
		t.Errorf("transfers (-want +got):\n%s", diff)
	}
	b2 := reg.Activities[1]
	want = []ropa.Transfer{{Country: "KR", Mechanism: lawfulbasis.Adequacy}, {Country: "CA", Mechanism: lawfulbasis.Adequacy}}
	if diff := cmp.Diff(want, b2.Transfers); diff != "" || b2.ID != "hr-02" || b2.Notes != "" {
		t.Errorf("ID %q, notes %q, transfers (-want +got):\n%s", b2.ID, b2.Notes, diff)
	}
}

// TestReadICOOwnWorkbook imports, as a hand-kept template, a workbook this
// package wrote in the ICO layout.
func TestReadOwnWorkbook(t *testing.T) {
	reg := wantClean()
	reg.ProcessorRecords = nil
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, reg, lawfulbasis.LawAsOf); err != nil {
		t.Fatal(err)
	}
	got, err := Read(&buf)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(got.Activities) != len(reg.Activities) {
		t.Fatalf("%d activities, want %d", len(got.Activities), len(reg.Activities))
	}
	for i, a := range got.Activities {
		w := reg.Activities[i]
		type core struct {
			ID         string
			Bases      []lawfulbasis.Basis
			Subjects   []ropa.Subject
			Categories []ropa.Category
			Countries  []string
		}
		view := func(a ropa.Activity) core {
			c := core{ID: a.ID, Subjects: a.DataSubjects, Categories: a.Categories()}
			for _, p := range a.Purposes {
				c.Bases = append(c.Bases, p.Basis)
			}
			for _, tr := range a.Transfers {
				c.Countries = append(c.Countries, tr.Country)
			}
			return c
		}
		if diff := cmp.Diff(view(w), view(a), cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("activity %d (-want +got):\n%s", i, diff)
		}
	}
}

func TestReadProcessorOnly(t *testing.T) {
	b := buildSheet(t, "Template",
		[]string{"Name and contact details"}, []string{"Name", "Payroll Bureau Ltd"}, []string{},
		[]string{"Name and contact details of controller", "Name and contact details of controller's representative",
			"Categories of processing", "Names of third countries", "Safeguards", "Security measures"},
		[]string{"Oakfield Academy", "", "Payroll", "", "", "Encrypted at rest"})
	reg, err := Read(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	want := []ropa.ProcessorRecord{{Controller: "Oakfield Academy", Processing: []string{"Payroll"}, Security: []string{"Encrypted at rest"}}}
	if diff := cmp.Diff(want, reg.ProcessorRecords); diff != "" || reg.Controller.Name != "Payroll Bureau Ltd" || len(reg.Activities) != 0 {
		t.Errorf("controller %q, %d activities, processor records (-want +got):\n%s", reg.Controller.Name, len(reg.Activities), diff)
	}
}
