package ico_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/ico"
)

func ExampleRead() {
	// A tiny hand-kept template: the contact block, the headings (found by
	// their words, not their row), two activities and a typo.
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Template")
	for cell, row := range map[string][]any{
		"A1": {"Name and contact details"},
		"A2": {"Name", "Oakfield Academy"},
		"A4": {"Business function", "Purpose of processing", "Categories of individuals", "Categories of personal data",
			"Article 6 lawful basis for processing personal data", "Retention schedule"},
		"A5": {"HR", "Recruitment\nPayroll", "Job applicants; Staff", "Contact details, Bank details",
			"Contract\nLegal obligation", "6 years after employment ends"},
		"A6": {"Marketing", "Newsletter", "Subscribers", "Email address", "consnet"},
	} {
		if err := f.SetSheetRow("Template", cell, &row); err != nil {
			log.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		log.Fatal(err)
	}

	reg, err := ico.Read(&buf)
	var cells xlsx.CellErrors
	if err != nil && !errors.As(err, &cells) {
		log.Fatal(err) // not a workbook, too large, or no heading row
	}
	fmt.Println(reg.Controller.Name)
	for _, a := range reg.Activities {
		fmt.Printf("%s: %s %v\n", a.ID, a.Name, a.DataSubjects)
		for _, p := range a.Purposes {
			if p.Basis.Valid() {
				fmt.Printf("  %s (%s)\n", p.Description, p.Basis)
			}
		}
		for _, r := range a.Retention {
			fmt.Printf("  kept: %s\n", r.Schedule)
		}
	}
	for _, c := range cells {
		msg, _, _ := strings.Cut(c.Error(), ";")
		fmt.Println(msg)
	}
	// Output:
	// Oakfield Academy
	// recruitment: Recruitment [job-applicants employees]
	//   Recruitment (contract)
	//   Payroll (legal-obligation)
	//   kept: 6 years after employment ends
	// newsletter: Newsletter [newsletter-subscribers]
	// Template!E6: unknown lawful basis "consnet" (did you mean "consent"?)
}

func ExampleReadAccount() {
	// A hand-kept sheet: a business function merged over two rows, an
	// Excel date as the retention, two bases for one purpose, a column of
	// the organisation's own, and "Visitors", which could mean two groups.
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Template")
	for cell, row := range map[string][]any{
		"A1": {"Name and contact details"},
		"A2": {"Name", "Oak Primary School"},
		"A4": {"Business function", "Purpose of processing", "Categories of individuals", "Article 6 lawful basis for processing personal data",
			"Retention schedule", "Owner"},
		"A5": {"Office", "Admissions", "Pupils", "Public task / contract", time.Date(2031, 3, 31, 0, 0, 0, 0, time.UTC), "Head"},
		"A6": {"", "CCTV", "Visitors"},
	} {
		if err := f.SetSheetRow("Template", cell, &row); err != nil {
			log.Fatal(err)
		}
	}
	f.MergeCell("Template", "A5", "A6")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		log.Fatal(err)
	}

	im, err := ico.ReadAccount(&buf)
	if err != nil {
		log.Fatal(err) // not a workbook, too large, or no heading row
	}
	for _, a := range im.Register.Activities {
		fmt.Printf("%s (%s)", a.ID, a.BusinessFunction)
		for _, p := range a.Purposes {
			if p.Basis.Valid() {
				fmt.Printf(" %s", p.Basis)
			}
		}
		for _, r := range a.Retention {
			fmt.Printf(" kept: %s", r.Schedule)
		}
		fmt.Println()
	}
	acc := im.Account
	fmt.Printf("%d cells: %d read, %d kept in notes, %d rejected\n", acc.Cells, acc.Read, acc.Noted, acc.Rejected)
	for _, m := range acc.Messages {
		fmt.Println(m)
	}
	// Output:
	// admissions (Office) public-task contract kept: 2031-03-31
	// cctv (Office)
	// 17 cells: 15 read, 1 kept in notes, 1 rejected
	// Template!F5: "Owner" is not a column of the ICO template: kept in the activity's notes
	// Template!C6: "Visitors" could mean website visitors ("website-visitors") or visitors to the premises ("custom: Site visitors"): write which
}
