package ico

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchBook is a hand-kept template of n activities: the contact block,
// the 30 headings, and rows with the values people type (several values
// per cell, hyperlinks' text, free text).
func benchBook(b *testing.B, n int) []byte {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		b.Fatal(err)
	}
	row := func(r int, vals ...any) {
		ref, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(ref, vals); err != nil {
			b.Fatal(err)
		}
	}
	row(1, "Name and contact details")
	row(2, "Name", "Oak Primary School")
	row(3, "Email", "office@oak.example")
	head := make([]any, len(templateLayout.Controller))
	for i, c := range templateLayout.Controller {
		head[i] = c.Heading
	}
	row(5, head...)
	for i := 0; i < n; i++ {
		row(6+i, "HR", fmt.Sprintf("Payroll %d\nPensions", i), "Staff; Applicants", "Contact details, Bank details, Health",
			"HMRC; Payroll provider", "See contracts register", "India (Payroll provider)", "India (Payroll provider): IDTA",
			"P6Y from termination-of-employment", "Encryption; Access control", "Legal obligation (Employment Rights Act 1996)",
			"Art 9(2)(b)", "", "", "Access, rectification", "No", "The individual", "", "HR system", "Yes", "Complete",
			"DPIA log", "No", "", "Sch 1 Pt 1 para 1", "Legal obligation", "APD", "Yes", "")
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

func BenchmarkReadAccount(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		book := benchBook(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(book)))
			for b.Loop() {
				if _, err := ReadAccount(bytes.NewReader(book)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
