package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

func main() {
	out := flag.String("o", "out", "directory to write register.xlsx, notice.md and notice.html to")
	date := flag.String("date", "2026-11-23", "the day whose law is applied and that the notice gives as its date (YYYY-MM-DD)")
	flag.Parse()
	at, err := time.Parse(time.DateOnly, *date)
	if err == nil {
		err = run(*out, at, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "register:", err)
		os.Exit(1)
	}
}

// run checks the school's register as the law stands on the day of at,
// reports the findings to w and, if there is no error, writes the workbook
// and the notice to outDir.
func run(outDir string, at time.Time, w io.Writer) error {
	return publish(school(), outDir, at, w)
}

// publish checks reg as of at and, when it has no error findings, writes
// its workbook and notice into outDir.
func publish(reg *ropa.Register, outDir string, at time.Time, w io.Writer) error {
	if err := reg.Validate(); err != nil {
		return err
	}
	rep := ropa.Check(reg, at)
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "%s %s %s: %s (%s)\n", f.Severity, f.Rule, f.Path, f.Message, f.Citation)
	}
	fmt.Fprintf(w, "check as of %s: %d errors, %d warnings, %d notes\n", at.Format(time.DateOnly), rep.Errors, rep.Warnings, rep.Infos)
	if err := rep.Err(); err != nil {
		return err
	}

	n, err := notice.Generate(reg, at)
	if err != nil {
		return err
	}
	for _, it := range n.Coverage() {
		if !it.Filled {
			fmt.Fprintf(w, "notice: Art %s (%s) not filled: %s\n", it.Article, it.Requirement, it.Reason)
		}
	}

	if err := os.MkdirAll(outDir, 0o755); err != nil {
		return err
	}
	files := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"register.xlsx", func(w io.Writer) error {
			return xlsx.Write(w, reg, at, xlsx.Properties(reg.Controller.Name, "Record of processing activities"))
		}},
		{"notice.md", func(w io.Writer) error { _, err := io.WriteString(w, n.Markdown()); return err }},
		{"notice.html", func(w io.Writer) error { _, err := io.WriteString(w, n.Page()); return err }},
	}
	for _, f := range files {
		path := filepath.Join(outDir, f.name)
		if err := writeFile(path, f.write); err != nil {
			return err
		}
		fmt.Fprintln(w, "wrote", path)
	}
	return nil
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	return f.Close()
}

// school is the register of a fictional primary school, a public authority
// (so it designates a DPO and relies on public task, not legitimate
// interests, for its tasks).
func school() *ropa.Register {
	const (
		office = "Riverside Primary School, Mill Lane, Norwich NR3 1AB"
		apd    = "https://riverside.example/policies/appropriate-policy-document"
	)
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller: ropa.Organisation{
			Name:            "Riverside Primary School",
			Address:         office,
			Email:           "office@riverside.example",
			Phone:           "01603 496 0300",
			Website:         "https://riverside.example",
			Registration:    "ZA987654",
			PublicAuthority: true,
			Headcount:       ropa.Under250,
			School:          true,
		},
		DPO: ropa.Contact{Name: "Schools DPO Service", Address: office, Email: "dpo@riverside.example"},
		Complaints: ropa.ComplaintRoute{
			Form:    "https://riverside.example/privacy/complaint",
			Email:   "dpo@riverside.example",
			Address: office,
			Details: "We acknowledge a complaint within 30 days and tell you the outcome without undue delay.",
		},
		Activities: []ropa.Activity{{
			ID:               "pupil-records",
			Name:             "Pupil records",
			BusinessFunction: "Teaching and pastoral care",
			Owner:            "Headteacher",
			Purposes: []ropa.Purpose{
				{Description: "Keep pupil records and track progress and attainment", Basis: lawfulbasis.PublicTask,
					Provision: "Education Act 1996"},
				{Description: "Support pupils with medical conditions and special educational needs", Basis: lawfulbasis.PublicTask,
					Provision: "Children and Families Act 2014 s100"},
				{Description: "Send the school census to the Department for Education", Basis: lawfulbasis.LegalObligation,
					Provision: "Education Act 1996 s537A"},
			},
			DataSubjects: []ropa.Subject{ropa.Pupils, ropa.Parents},
			// Parents are in the record as contacts: what is about the
			// pupil is scoped to pupils, so that parents are not told the
			// school holds their health or ethnicity.
			DataCategories: append(ropa.Cats(ropa.Identifiers, ropa.ContactDetails),
				ropa.DataCategory{Category: ropa.DateOfBirth, Subjects: []ropa.Subject{ropa.Pupils}},
				ropa.DataCategory{Category: ropa.Education, Subjects: []ropa.Subject{ropa.Pupils}},
				ropa.DataCategory{Category: ropa.Absence, Subjects: []ropa.Subject{ropa.Pupils}},
				ropa.DataCategory{Category: ropa.Health, Subjects: []ropa.Subject{ropa.Pupils}},
				ropa.DataCategory{Category: ropa.RacialEthnicOrigin, Subjects: []ropa.Subject{ropa.Pupils}}),
			Special: ropa.SpecialCategory{
				Conditions: []lawfulbasis.Condition{lawfulbasis.SubstantialPublicInterest},
				Schedule1:  []lawfulbasis.Schedule1{lawfulbasis.Sch1StatutoryPurposes},
			},
			PolicyDocument: ropa.PolicyDocument{Reference: apd, Article6: "Public task and legal obligation (Education Act 1996)", FollowsPolicy: ropa.Yes},
			Sources: []ropa.Source{
				{Kind: ropa.FromSubject, Name: "Admission forms completed by parents", Subjects: []ropa.Subject{ropa.Parents}},
				{Kind: ropa.FromThirdParty, Name: "Your parents' admission form, your previous school and the local authority", Subjects: []ropa.Subject{ropa.Pupils}},
			},
			None: []ropa.None{{Fact: ropa.FactAutomated}},
			Provision: ropa.Provision{Requirement: ropa.Statutory,
				Consequences: "Most of it the law requires; we tell you when giving it is up to you."},
			Recipients: []ropa.Recipient{
				{Name: "Teachers and support staff", Kind: ropa.Internal},
				{Name: "Department for Education", Kind: ropa.Authority},
				{Name: "Norfolk County Council", Kind: ropa.Authority},
				{Name: "ClassBase Ltd (school information system)", Kind: ropa.Processor, Country: "GB", Contract: "ClassBase data processing agreement 2026"},
			},
			Transfers: []ropa.Transfer{{
				Country: "IN", Recipient: "ClassBase Ltd (school information system)", Mechanism: lawfulbasis.IDTA,
				Safeguards:     "Remote access by ClassBase's support desk in Pune only; no copies leave the UK data centre",
				ProtectionTest: "Transfer risk assessment TRA-2026-01: protection not materially lower",
				Since:          ropa.NewDate(2026, time.April, 1),
			}},
			Retention: []ropa.Retention{
				{Categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails, ropa.DateOfBirth, ropa.Education, ropa.Absence, ropa.RacialEthnicOrigin},
					Rule: retention.MustParse("P1Y from leaving-school then review source policy: the pupil file goes to the next school")},
				{Categories: []ropa.Category{ropa.Health},
					Rule: retention.MustParse("P25Y from date-of-birth source policy: school retention schedule")},
			},
			Security: []string{"Role-based access in the school information system", "Encrypted laptops"},
			Systems:  []string{"ClassBase school information system"},
			// Children's health and ethnicity: two WP248 criteria.
			DPIA: ropa.DPIA{Required: ropa.Yes, Status: ropa.Complete, Reference: "DPIA-2025-01 (school information system)"},
		}, {
			ID:               "newsletters-and-photos",
			Name:             "Newsletters and school photos",
			BusinessFunction: "School office",
			Purposes: []ropa.Purpose{
				{Description: "Email the weekly newsletter to parents", Basis: lawfulbasis.Consent, Subjects: []ropa.Subject{ropa.Parents}},
				{Description: "Publish photos of pupils on the school website", Basis: lawfulbasis.Consent, Subjects: []ropa.Subject{ropa.Pupils}},
			},
			DataSubjects: []ropa.Subject{ropa.Parents, ropa.Pupils},
			DataCategories: []ropa.DataCategory{
				{Category: ropa.ContactDetails, Subjects: []ropa.Subject{ropa.Parents}},
				{Category: ropa.Images, Subjects: []ropa.Subject{ropa.Pupils}},
			},
			Sources: []ropa.Source{
				{Kind: ropa.FromSubject, Name: "Consent forms completed by parents", Subjects: []ropa.Subject{ropa.Parents}},
				{Kind: ropa.FromThirdParty, Name: "Your parents' consent form", Subjects: []ropa.Subject{ropa.Pupils}},
			},
			None: []ropa.None{{Fact: ropa.FactAutomated}},
			Consent: ropa.Consent{GivenBy: ropa.ConsentByParent,
				Withdrawal: "Tell the school office, or use the unsubscribe link in any newsletter"},
			Provision: ropa.Provision{Requirement: ropa.Voluntary, Consequences: "You will not get the newsletter, and we will not publish photos of your child."},
			Recipients: []ropa.Recipient{
				{Name: "School office", Kind: ropa.Internal},
				{Name: "Postbox Mail Ltd (newsletter emails)", Kind: ropa.Processor, Country: "GB", Contract: "Postbox terms and data processing addendum"},
			},
			Retention: []ropa.Retention{
				{Categories: []ropa.Category{ropa.ContactDetails}, Rule: retention.MustParse("until consent-withdrawn")},
				{Categories: []ropa.Category{ropa.Images}, Rule: retention.MustParse("P2Y from collection then review")},
			},
			Security:      []string{"Newsletter list kept in the mailing service only"},
			ConsentRecord: "Consent forms scanned to the school information system",
		}},
		ReviewDate: ropa.NewDate(2026, time.September, 1),
		Version:    "2026-27",
	}
}
