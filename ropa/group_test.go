package ropa

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
)

// twoGroups is a recruitment activity about applicants and their
// referees in which every fact but one is scoped to one group: nothing
// may cross from one group to the other.
const twoGroups = `jurisdiction: uk
controller:
  name: Oakfield Careers Ltd
  email: privacy@oakfield.example
activities:
  - id: recruitment
    name: Recruitment
    dataSubjects: [job-applicants, referees]
    purposes:
      - description: To assess your application
        basis: contract
        subjects: [job-applicants]
      - description: To ask for and read a reference
        basis: legitimate-interests
        interest: Checking what candidates tell us
        subjects: [referees]
      - description: To keep records of the recruitment process
        basis: legal-obligation
    dataCategories:
      - contact-details
      - category: health
        subjects: [job-applicants]
      - category: references
        subjects: [referees]
    sources:
      - kind: data-subject
        name: Application form
        subjects: [job-applicants]
      - kind: third-party
        name: The applicant, who gives us your details
        subjects: [referees]
    recipients:
      - name: HireHub Ltd
        kind: processor
        contract: DPA 2025
        subjects: [job-applicants]
    transfers:
      - country: US
        recipient: HireHub Ltd
        mechanism: idta
        subjects: [job-applicants]
    retention:
      - rule: P6M from end-of-recruitment
        subjects: [job-applicants]
      - rule: P1M from collection
        subjects: [referees]
    automated:
      - description: CV screening score
        solely: true
        significant: true
        subjects: [job-applicants]
    provision:
      requirement: pre-contract
      subjects: [job-applicants]
    none:
      - fact: automated-decisions
        subjects: [referees]
      - fact: transfers
        subjects: [referees]
`

func decodeString(t *testing.T, src string) *Register {
	t.Helper()
	reg, err := Decode(strings.NewReader(src))
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	return reg
}

func TestGroupFor(t *testing.T) {
	reg := decodeString(t, twoGroups)
	a := &reg.Activities[0]
	if err := reg.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	type view struct {
		Purposes   []string
		Bases      []lawfulbasis.Basis
		Categories []Category
		Sources    []string
		Recipients []string
		Transfers  []string
		Retention  []string
		Automated  []string
		Provision  Requirement
		Index      GroupIndex
	}
	summarise := func(g Group) view {
		var v view
		for _, p := range g.Purposes {
			v.Purposes = append(v.Purposes, p.Description)
			v.Bases = append(v.Bases, p.Basis)
		}
		v.Categories = g.Categories
		for _, s := range g.Sources {
			v.Sources = append(v.Sources, s.Name)
		}
		for _, r := range g.Recipients {
			v.Recipients = append(v.Recipients, r.Name)
		}
		for _, tr := range g.Transfers {
			v.Transfers = append(v.Transfers, tr.Country)
		}
		for _, r := range g.Retention {
			v.Retention = append(v.Retention, r.Rule.String())
		}
		for _, d := range g.Automated {
			v.Automated = append(v.Automated, d.Description)
		}
		v.Provision = g.Provision.Requirement
		v.Index = g.Index
		return v
	}
	tests := []struct {
		group Subject
		want  view
	}{
		{JobApplicants, view{
			Purposes:   []string{"To assess your application", "To keep records of the recruitment process"},
			Bases:      []lawfulbasis.Basis{lawfulbasis.Contract, lawfulbasis.LegalObligation},
			Categories: []Category{ContactDetails, Health},
			Sources:    []string{"Application form"},
			Recipients: []string{"HireHub Ltd"},
			Transfers:  []string{"US"},
			Retention:  []string{retention.MustParse("P6M from end-of-recruitment").String()},
			Automated:  []string{"CV screening score"},
			Provision:  PreContract,
			Index: GroupIndex{Purposes: []int{0, 2}, Categories: []int{0, 1}, Sources: []int{0}, Recipients: []int{0},
				Transfers: []int{0}, Retention: []int{0}, Automated: []int{0}},
		}},
		{Referees, view{
			Purposes:   []string{"To ask for and read a reference", "To keep records of the recruitment process"},
			Bases:      []lawfulbasis.Basis{lawfulbasis.LegitimateInterests, lawfulbasis.LegalObligation},
			Categories: []Category{ContactDetails, References},
			Sources:    []string{"The applicant, who gives us your details"},
			Retention:  []string{retention.MustParse("P1M from collection").String()},
			Index:      GroupIndex{Purposes: []int{1, 2}, Categories: []int{0, 2}, Sources: []int{1}, Retention: []int{1}},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.group), func(t *testing.T) {
			if diff := cmp.Diff(tt.want, summarise(a.For(tt.group))); diff != "" {
				t.Errorf("For(%s) (-want +got):\n%s", tt.group, diff)
			}
		})
	}
	// The register-wide query gives the same groups.
	if got := reg.Groups(); !cmp.Equal(got, []Subject{JobApplicants, Referees}) {
		t.Errorf("Groups() = %v", got)
	}
	if got := reg.For(Referees); len(got) != 1 || got[0].Subject != Referees || len(got[0].Purposes) != 2 {
		t.Errorf("Register.For(referees) = %+v", got)
	}
	if got := reg.For(Employees); got != nil {
		t.Errorf("Register.For(employees) = %+v, want none", got)
	}
}

func TestStatus(t *testing.T) {
	reg := decodeString(t, twoGroups)
	a := &reg.Activities[0]
	tests := []struct {
		fact  Fact
		group Subject
		want  Status
	}{
		{FactAutomated, JobApplicants, Stated},
		{FactAutomated, Referees, StatedNone},
		{FactTransfers, JobApplicants, Stated},
		{FactTransfers, Referees, StatedNone},
		{FactRecipients, JobApplicants, Stated},
		{FactRecipients, Referees, NotRecorded}, // nothing says the referees' data go nowhere
		{FactOtherSources, Referees, Stated},
		{FactOtherSources, JobApplicants, NotRecorded}, // a data-subject source does not state there are no others
	}
	for _, tt := range tests {
		if got := a.Status(tt.fact, tt.group); got != tt.want {
			t.Errorf("Status(%s, %s) = %v, want %v", tt.fact, tt.group, got, tt.want)
		}
	}
	if a.StatedNone(FactTransfers) {
		t.Error("StatedNone(transfers) = true, but applicants' data are transferred")
	}
	b := Activity{DataSubjects: []Subject{Employees, NextOfKin}, None: []None{{Fact: FactTransfers}}}
	if !b.StatedNone(FactTransfers) || b.Status(FactTransfers, NextOfKin) != StatedNone {
		t.Error("an unscoped none does not cover every group")
	}
	// Internal recipients and non-solely automated processing state nothing.
	c := Activity{DataSubjects: []Subject{Employees},
		Recipients: []Recipient{{Name: "HR", Kind: Internal}}, Automated: []Decision{{Description: "Rota suggestions"}}}
	if got := c.Status(FactRecipients, Employees); got != NotRecorded {
		t.Errorf("internal recipient: Status = %v, want not recorded", got)
	}
	if got := c.Status(FactAutomated, Employees); got != NotRecorded {
		t.Errorf("decision that is not solely automated: Status = %v, want not recorded", got)
	}
}

// TestScopeErrors: a scope naming a group the activity does not have, a
// transfer to an unknown recipient, and a fact both listed and denied are
// errors with the line, column and path.
func TestScopeErrors(t *testing.T) {
	tests := []struct {
		name, edit, with string
		line, col        int
		path, msg        string
	}{
		{"purpose", "        subjects: [referees]\n      - description: To keep", "        subjects: [next-of-kin]\n      - description: To keep",
			16, 20, "activities[0].purposes[1].subjects[0]", `"next-of-kin" is not one of this activity's dataSubjects (job-applicants, referees)`},
		{"category", "      - category: references\n        subjects: [referees]", "      - category: references\n        subjects: [referees, employees]",
			24, 30, "activities[0].dataCategories[2].subjects[1]", `"employees" is not one of this activity's dataSubjects`},
		{"recipient reference", "        recipient: HireHub Ltd", "        recipient: HireHub Limited",
			39, 9, "activities[0].transfers[0].recipient", `"HireHub Limited" is not the name of one of this activity's recipients (the activity's recipients are "HireHub Ltd")`},
		{"listed and denied", "      - fact: transfers\n        subjects: [referees]", "      - fact: transfers",
			58, 9, "activities[0].none[1]", "the activity states no transfers for job-applicants but lists some for them"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := strings.Replace(twoGroups, tt.edit, tt.with, 1)
			if src == twoGroups {
				t.Fatal("edit not applied")
			}
			_, err := Decode(strings.NewReader(src))
			var de *DecodeError
			if !errors.As(err, &de) {
				t.Fatalf("Decode = %v, want a DecodeError", err)
			}
			if de.Path != tt.path || de.Line != tt.line || de.Column != tt.col || !strings.Contains(de.Error(), tt.msg) {
				t.Errorf("Decode error = %d:%d %s: %v\nwant %d:%d %s containing %q", de.Line, de.Column, de.Path, de.Err, tt.line, tt.col, tt.path, tt.msg)
			}
			// Validate finds the same problem in a register built in Go.
			reg := decodeString(t, twoGroups)
			mutateLikeEdit(reg, tt.name)
			var ve ValidationErrors
			if !errors.As(reg.Validate(), &ve) || ve[0].Path != tt.path || ve[0].Rule != "reference" || !strings.Contains(ve[0].Error(), tt.msg) {
				t.Errorf("Validate() = %v, want a reference problem at %s", reg.Validate(), tt.path)
			}
		})
	}
}

// mutateLikeEdit makes in Go the edit TestScopeErrors makes in the file.
func mutateLikeEdit(reg *Register, name string) {
	a := &reg.Activities[0]
	switch name {
	case "purpose":
		a.Purposes[1].Subjects = []Subject{NextOfKin}
	case "category":
		a.DataCategories[2].Subjects = append(a.DataCategories[2].Subjects, Employees)
	case "recipient reference":
		a.Transfers[0].Recipient = "HireHub Limited"
	case "listed and denied":
		a.None[1].Subjects = nil
	}
}

// TestShorthand: an unscoped category or statement of none is written as
// its slug alone, in YAML and JSON, and both forms read back.
func TestShorthand(t *testing.T) {
	reg := decodeString(t, twoGroups)
	reg.Activities[0].None = append(reg.Activities[0].None, None{Fact: FactOtherSources, Subjects: []Subject{JobApplicants}})
	reg.Activities[0].None[0] = None{Fact: FactAutomated, Subjects: []Subject{Referees}}
	var y bytes.Buffer
	if err := Encode(&y, reg); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"      - contact-details\n      - category: health\n        subjects:\n          - job-applicants\n"} {
		if !strings.Contains(y.String(), want) {
			t.Errorf("YAML lacks %q:\n%s", want, y.String())
		}
	}
	back, err := Decode(&y)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(reg, back, equateEmpty); diff != "" {
		t.Errorf("YAML round trip (-want +got):\n%s", diff)
	}
	var j bytes.Buffer
	if err := EncodeJSON(&j, reg); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(j.String(), `"contact-details",`) || !strings.Contains(j.String(), `"category": "health"`) {
		t.Errorf("JSON lacks the short and the long form:\n%s", j.String())
	}
	var viaJSON Register
	if err := json.Unmarshal(j.Bytes(), &viaJSON); err != nil {
		t.Fatalf("encoding/json: %v", err)
	}
	if diff := cmp.Diff(reg, &viaJSON, equateEmpty); diff != "" {
		t.Errorf("encoding/json round trip (-want +got):\n%s", diff)
	}
	// Unscoped none in the short form.
	src := strings.Replace(twoGroups, "    none:\n      - fact: automated-decisions\n        subjects: [referees]\n      - fact: transfers\n        subjects: [referees]\n",
		"    none: [recipients]\n", 1)
	src = strings.Replace(src, "        subjects: [job-applicants]\n    transfers:", "    transfers:", 1)
	_, err = Decode(strings.NewReader(src))
	if err == nil || !strings.Contains(err.Error(), "states no recipients for job-applicants but lists some") {
		t.Errorf("none: [recipients] beside a recipient: err = %v", err)
	}
	// An unknown fact is an error naming the accepted values.
	_, err = Decode(strings.NewReader(strings.Replace(twoGroups, "fact: transfers", "fact: transfer", 1)))
	if err == nil || !strings.Contains(err.Error(), "activities[0].none[1].fact") {
		t.Errorf("unknown fact: err = %v", err)
	}
}

func TestCategoriesHelpers(t *testing.T) {
	a := Activity{DataCategories: []DataCategory{Cat(Health), {Category: PayAndBenefits, Subjects: []Subject{Employees}}}}
	if got := a.Categories(); !cmp.Equal(got, []Category{Health, PayAndBenefits}) {
		t.Errorf("Categories() = %v", got)
	}
	if !a.HasCategory(PayAndBenefits) || a.HasCategory(Biometric) {
		t.Error("HasCategory wrong")
	}
	if !a.hasSpecial() {
		t.Error("health is special category data")
	}
}

func TestAuthorityCode(t *testing.T) {
	for _, tt := range []struct {
		code string
		ok   bool
	}{{"uk", true}, {"ie", true}, {"FR", true}, {"", true}, {"xx", false}, {"ico-uk", false}} {
		reg := compliantRegister()
		reg.Authority.Code = tt.code
		err := reg.Validate()
		if (err == nil) != tt.ok || !tt.ok && !strings.Contains(err.Error(), "authority.code: ") {
			t.Errorf("authority code %q: Validate() = %v, want ok=%v", tt.code, err, tt.ok)
		}
	}
}

// An unquoted value holding ": " gets the column of that colon and the
// cure: quote it.
func TestMappingValuesHint(t *testing.T) {
	src := "jurisdiction: uk\nactivities:\n  - id: a\n    retention:\n      - rule: P6M from end-of-recruitment unless sponsored-visa: P1Y\n"
	_, err := Decode(strings.NewReader(src))
	var de *DecodeError
	if !errors.As(err, &de) {
		t.Fatalf("Decode = %v, want a DecodeError", err)
	}
	if de.Line != 5 || de.Column != 64 ||
		!strings.Contains(err.Error(), `must be quoted; write rule: "P6M from end-of-recruitment unless sponsored-visa: P1Y"`) {
		t.Errorf("Decode = %v (line %d, column %d)", err, de.Line, de.Column)
	}
}
