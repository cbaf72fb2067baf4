package main

import (
	"bufio"
	"fmt"
	"io"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// register returns a UK register of n activities, the same for the same
// n: each activity has two groups of people, four purposes on different
// bases, eight data categories, three sources, three recipients, a
// transfer, two retention rules, and on every fifth an automated decision.
func register(n int) *ropa.Register {
	subjects := ropa.Subjects()
	cats := ropa.Categories()
	bases := []lawfulbasis.Basis{lawfulbasis.Consent, lawfulbasis.Contract, lawfulbasis.LegalObligation,
		lawfulbasis.PublicTask, lawfulbasis.LegitimateInterests}
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller: ropa.Organisation{Name: "Benchmark Careers Ltd", Address: "2 Quarry Hill, Leeds LS2 7UE",
			Email: "privacy@bench.example", Phone: "0113 496 0100", Website: "https://bench.example"},
		DPO:        ropa.Contact{Name: "Priya Shah", Email: "dpo@bench.example"},
		Complaints: ropa.ComplaintRoute{Form: "https://bench.example/complaints", Email: "complaints@bench.example"},
		Version:    "1",
	}
	for i := range n {
		a := ropa.Activity{
			ID:           fmt.Sprintf("activity-%d", i),
			Name:         fmt.Sprintf("Activity %d", i),
			DataSubjects: []ropa.Subject{subjects[i%len(subjects)], subjects[(i+4)%len(subjects)]},
			Sources: []ropa.Source{{Kind: ropa.FromSubject, Name: "Forms"}, {Kind: ropa.Observed, Name: "Cookies"},
				{Kind: ropa.FromThirdParty, Name: fmt.Sprintf("Partner %d", i%7)}},
			Provision: ropa.Provision{Requirement: ropa.Contractual, Consequences: "We cannot provide the service."},
			Recipients: []ropa.Recipient{{Name: fmt.Sprintf("Processor %d", i%9), Kind: ropa.Processor, Country: "IN",
				Contract: "Data processing agreement, 2025"},
				{Name: fmt.Sprintf("Regulator %d", i%4), Kind: ropa.Authority}, {Name: "HR team", Kind: ropa.Internal}},
			Transfers: []ropa.Transfer{{Country: "IN", Recipient: fmt.Sprintf("Processor %d", i%9),
				Mechanism: lawfulbasis.IDTA, ProtectionTest: "TRA-1"}},
			Security:      []string{"Encryption at rest", "Role-based access"},
			ConsentRecord: "Consent log in the CRM",
		}
		for j := range 4 {
			b := bases[(i+j)%len(bases)]
			p := ropa.Purpose{Description: fmt.Sprintf("Purpose %d of activity %d, described in a sentence of ordinary length", j, i), Basis: b}
			switch b {
			case lawfulbasis.LegitimateInterests:
				p.Interest, p.Assessment = "Running our service well", "LIA-1"
			case lawfulbasis.LegalObligation, lawfulbasis.PublicTask:
				p.Provision = "Education and Skills Act 2008 s72"
			}
			a.Purposes = append(a.Purposes, p)
		}
		for j := 0; len(a.DataCategories) < 8; j++ {
			c := cats[(i*3+j)%len(cats)]
			if c.Special() || c.Criminal() {
				continue // keeps every activity free of Art 9/10 conditions
			}
			a.DataCategories = append(a.DataCategories, ropa.Cat(c))
		}
		all := a.Categories()
		half := len(all) / 2
		a.Retention = []ropa.Retention{
			{Categories: all[:half], Rule: retention.MustParse("P6Y from last-contact")},
			{Categories: all[half:], Rule: retention.MustParse("P1Y from collection"), Schedule: "One year after we collect it"},
		}
		if i%5 == 0 {
			a.Automated = []ropa.Decision{{Solely: true, Significant: true, Logic: "A score", Consequences: "No offer",
				Ground: ropa.ContractNecessity, Safeguards: ropa.DecisionSafeguards()}}
			a.DPIA = ropa.DPIA{Required: ropa.Yes, Status: ropa.Complete, Reference: "DPIA-7"}
		}
		reg.Activities = append(reg.Activities, a)
	}
	return reg
}

// writeRecords writes n records for reg as the CSV that "article30
// retention due --records" reads: activity ID, data category, trigger
// date. The trigger dates spread over 2015 to 2026, so that some records
// are due and some are not.
func writeRecords(w io.Writer, reg *ropa.Register, n int) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	bw.WriteString("activity,category,date\n")
	start := time.Date(2015, time.January, 1, 0, 0, 0, 0, time.UTC)
	var line []byte
	for i := range n {
		a := &reg.Activities[i%len(reg.Activities)]
		c := a.DataCategories[(i/len(reg.Activities))%len(a.DataCategories)].Category
		d := start.AddDate(0, 0, (i*7919)%4300)
		line = append(line[:0], a.ID...)
		line = append(line, ',')
		line = append(line, c...)
		line = append(line, ',')
		line = d.AppendFormat(line, time.DateOnly)
		line = append(line, '\n')
		if _, err := bw.Write(line); err != nil {
			return err
		}
	}
	return bw.Flush()
}
