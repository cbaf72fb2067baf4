package xlsx_test

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// exampleRegister is a small register for the examples.
func exampleRegister() *ropa.Register {
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Example Academy Trust", Email: "office@example.org"},
		Activities: []ropa.Activity{{
			ID:   "admissions",
			Name: "Pupil admissions",
			Purposes: []ropa.Purpose{
				{Description: "To process applications for places", Basis: lawfulbasis.PublicTask, Provision: "School Admissions Code"},
				{Description: "To tell families about open days", Basis: lawfulbasis.Consent},
			},
			DataSubjects:   []ropa.Subject{ropa.Pupils, ropa.Parents},
			DataCategories: ropa.Cats(ropa.Identifiers, ropa.ContactDetails),
			Security:       []string{"Role-based access", "=Encrypted backups"},
		}},
	}
}

func ExampleWrite() {
	var buf bytes.Buffer
	day := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC) // the day whose law applies
	err := xlsx.Write(&buf, exampleRegister(), day,
		xlsx.Properties("Data Protection Officer", "Record of processing 2026"))
	if err != nil {
		log.Fatal(err)
	}

	// Any xlsx reader will do; here excelize shows what a DPO sees.
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(strings.Join(f.GetSheetList()[:5], ", "))
	for _, cell := range []string{"B9", "B10", "D10", "K10", "L10"} {
		v, _ := f.GetCellValue("Template", cell)
		fmt.Printf("%s: %q\n", cell, v)
	}
	// Output:
	// Notes, Template, Retention, Findings, Reference
	// B9: "Purpose of processing"
	// B10: "To process applications for places\nTo tell families about open days"
	// D10: "Pupils and students\nParents and carers"
	// K10: "Role-based access\n=Encrypted backups"
	// L10: "Public task (UK GDPR Art 6(1)(e))\nConsent (UK GDPR Art 6(1)(a))"
}

func ExampleRead() {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, exampleRegister(), time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)); err != nil {
		log.Fatal(err)
	}
	reg, err := xlsx.Read(&buf)
	if err != nil {
		log.Fatal(err)
	}
	a := reg.Activities[0]
	fmt.Println(a.ID, a.DataSubjects)
	for _, p := range a.Purposes {
		fmt.Printf("%s: %s\n", p.Basis, p.Description)
	}
	// Output:
	// admissions [pupils-and-students parents-and-carers]
	// public-task: To process applications for places
	// consent: To tell families about open days
}

// A view cell edited by hand is refused, cell by cell, so that the edit is
// not lost: the register lives on the data sheets.
func ExampleRead_editedView() {
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, exampleRegister(), time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)); err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		log.Fatal(err)
	}
	// An edit of the Template that is read, and one of a column generated
	// from the data sheets, which is not.
	f.SetCellValue("Template", "A10", "Admissions team")
	f.SetCellValue("Template", "L10", "Consent")
	var edited bytes.Buffer
	if err := f.Write(&edited); err != nil {
		log.Fatal(err)
	}

	reg, err := xlsx.Read(&edited)
	fmt.Println(reg.Activities[0].BusinessFunction)
	var cells xlsx.CellErrors
	if errors.As(err, &cells) {
		for _, c := range cells {
			fmt.Printf("%s!%s %q, not read: %v\n", c.Sheet, c.Cell, c.Value, errors.Is(c, xlsx.ErrViewEdited))
		}
	}
	// Output:
	// Admissions team
	// Template!L10 "Consent", not read: true
}
