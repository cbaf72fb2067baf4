package ropa_test

import (
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// A small register, read from YAML and checked against the UK law as it
// stood on 23 November 2026.
func ExampleCheck() {
	const src = `jurisdiction: uk
controller:
  name: Acme Recruitment Ltd
  email: privacy@acme.example
activities:
  - id: recruitment
    name: Recruitment
    purposes:
      - description: Assess applications
        basis: contract
      - description: Keep a talent pool
        basis: legitimate-interests
        interest: Filling future vacancies quickly
    dataSubjects: [job-applicants]
    dataCategories: [identifiers, contact-details, employment-history]
    sources: [{kind: data-subject, name: Application form}]
    none: [automated-decisions]
    recipients:
      - name: Hiring managers
        kind: internal
      - name: ATS Inc
        kind: processor
        contract: ATS data processing terms, 2019
    transfers:
      - country: US
        recipient: ATS Inc
        mechanism: privacy-shield
    retention:
      - rule: P1Y from end-of-recruitment
    security: [Access control]
`
	reg, err := ropa.Decode(strings.NewReader(src))
	if err != nil {
		fmt.Println(err)
		return
	}
	rep := ropa.Check(reg, time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC))
	for _, f := range rep.Findings {
		fmt.Printf("%s %s %s\n  %s (%s)\n", f.Severity, f.Rule, f.Path, f.Message, f.Citation)
	}
	fmt.Printf("%d errors, %d warnings; errors.Is(ErrFindings): %v\n", rep.Errors, rep.Warnings, errors.Is(rep.Err(), ropa.ErrFindings))
	// Output:
	// warning legitimate-interest-assessment activities[0].purposes[1].assessment
	//   purpose "Keep a talent pool" relies on legitimate interests with no reference to a legitimate interests assessment (UK GDPR Art 5(2))
	// error privacy-shield activities[0].transfers[0].mechanism
	//   transfer to US relies on the EU-US Privacy Shield, which has not been a valid transfer mechanism since 16 July 2020 (CJEU C-311/18 (Schrems II))
	// error complaint-route complaints
	//   no route for complaints to the organisation is recorded; from 19 June 2026 controllers must facilitate them (DPA 2018 s164A)
	// 2 errors, 1 warnings; errors.Is(ErrFindings): true
}

func ExampleRegister_Validate() {
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Acme Ltd", Email: "privacy at acme"},
		Activities: []ropa.Activity{{
			ID:             "payroll",
			Name:           "Payroll",
			Purposes:       []ropa.Purpose{{Basis: lawfulbasis.LegalObligation}},
			DataSubjects:   []ropa.Subject{ropa.Employees, "staf"},
			DataCategories: ropa.Cats(ropa.PayAndBenefits),
			Transfers:      []ropa.Transfer{{Country: "usa"}},
		}},
	}
	err := reg.Validate()
	fmt.Println(err)

	var fe *ropa.FieldError
	if errors.As(err, &fe) {
		fmt.Printf("first problem: %s fails %q\n", fe.Path, fe.Rule)
	}
	var ve ropa.ValidationErrors
	if errors.As(err, &ve) {
		fmt.Println(len(ve), "problems")
	}
	// Output:
	// controller.email: "privacy at acme" is not an email address
	// activities[0].purposes[0].description: required
	// activities[0].dataSubjects[1]: staf is not a valid subject
	// activities[0].transfers[0].country: "usa" is not an ISO 3166-1 alpha-2 country code (or EU, or an international organisation's short name such as EPO)
	// first problem: controller.email fails "email"
	// 4 problems
}

// A rule of the organisation's own, checked beside the built-in catalogue.
func ExampleWithRules() {
	owner := ropa.Rule{
		ID:       "acme-owner",
		Severity: ropa.Warning,
		Summary:  "Every activity names an owner.",
		Citation: "Acme data policy s4.2",
		Check: func(c *ropa.Context) {
			for i, a := range c.Register.Activities {
				if a.Owner == "" {
					c.Reportf(fmt.Sprintf("activities[%d].owner", i), a.ID, "activity %q has no owner", a.Name)
				}
			}
		},
	}
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Acme Ltd", Email: "privacy@acme.example"},
		Activities: []ropa.Activity{
			{ID: "payroll", Name: "Payroll", Owner: "Finance Director"},
			{ID: "cctv", Name: "CCTV"},
		},
	}
	rep := ropa.Check(reg, time.Date(2026, time.December, 6, 0, 0, 0, 0, time.UTC), ropa.WithRules(owner), ropa.Only("acme-owner"))
	for _, f := range rep.Findings {
		fmt.Printf("%s: %s [%s]\n", f.Path, f.Message, f.Citation)
	}
	// Output:
	// activities[1].owner: activity "CCTV" has no owner [Acme data policy s4.2]
}

// Where a finding is in the register file: its path gives the line and
// column of the element, or of its nearest ancestor the file holds.
func ExampleLocate() {
	file := []byte(`jurisdiction: uk
controller: {name: Oakfield Careers Ltd}
activities:
  - id: newsletter
    purposes:
      - description: To send our newsletter
`)
	line, col, found := ropa.Locate(file, "activities[0].purposes[0].description")
	fmt.Println(line, col, found)
	// The basis is missing: the purpose itself is the nearest element.
	line, col, found = ropa.Locate(file, "activities[0].purposes[0].basis")
	fmt.Println(line, col, found)
	// Output:
	// 6 9 true
	// 6 9 false
}

// The JSON Schema of register files, for an editor's YAML or JSON support.
func ExampleSchema() {
	schema, err := ropa.Schema()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(string(schema), `"$id": "`+ropa.SchemaID+`"`))
	// Output:
	// true
}

// An activity about job applicants and their referees scopes what is true
// of one group only; Activity.For answers for each group, and Status says
// whether a fact is listed, stated as none, or not recorded.
func ExampleActivity_For() {
	reg, err := ropa.Decode(strings.NewReader(`jurisdiction: uk
controller: {name: Oakfield Careers Ltd}
activities:
  - id: recruitment
    name: Recruitment
    dataSubjects: [job-applicants, referees]
    purposes:
      - description: To assess your application
        basis: contract
        subjects: [job-applicants]
      - description: To take up references
        basis: legitimate-interests
        interest: Checking what candidates tell us
        subjects: [referees]
    dataCategories:
      - contact-details
      - category: health
        subjects: [job-applicants]
    none:
      - fact: automated-decisions
        subjects: [referees]
`))
	if err != nil {
		log.Fatal(err)
	}
	a := &reg.Activities[0]
	for _, g := range a.DataSubjects {
		gr := a.For(g)
		fmt.Printf("%s: %s (%s); %v; automated decisions: %v\n", g, gr.Purposes[0].Description, gr.Purposes[0].Basis, gr.Categories, gr.Status(ropa.FactAutomated))
	}
	// Output:
	// job-applicants: To assess your application (contract); [contact-details health]; automated decisions: not recorded
	// referees: To take up references (legitimate-interests); [contact-details]; automated decisions: none
}
