package ropa

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestDecodeKeepsLiterals: a number or boolean written without quotes into
// a text field keeps the text the user wrote (nothing is changed silently).
func TestDecodeKeepsLiterals(t *testing.T) {
	const in = `jurisdiction: uk
version: 1.10
controller:
  name: X
  phone: 01707275978
activities:
  - id: 2024
    name: true
    purposes: [{description: 1e3}]
    dataSubjects: [employees]
    dataCategories: [health]
    security: [2FA, 100, 0x1F]
`
	reg, err := Decode(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	got := []string{reg.Version, reg.Controller.Phone, reg.Activities[0].ID, reg.Activities[0].Name,
		reg.Activities[0].Purposes[0].Description}
	got = append(got, reg.Activities[0].Security...)
	want := []string{"1.10", "01707275978", "2024", "true", "1e3", "2FA", "100", "0x1F"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("literals changed (-want +got):\n%s", diff)
	}
	var b strings.Builder
	if err := Encode(&b, reg); err != nil {
		t.Fatal(err)
	}
	back, err := Decode(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(reg, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s\n%s", diff, b.String())
	}
}

// TestCustomNameOneLine: custom entries are one line, because registers and
// workbooks join several values with line breaks.
func TestCustomNameOneLine(t *testing.T) {
	for _, in := range []string{"custom: two\nlines", "custom special: tab\there"} {
		if _, err := ParseCategory(in); err == nil {
			t.Errorf("ParseCategory(%q) succeeded", in)
		}
		if _, err := ParseSubject(in); err == nil {
			t.Errorf("ParseSubject(%q) succeeded", in)
		}
	}
	if c, err := ParseCategory("custom special:  Facial geometry "); err != nil || c != "custom special: Facial geometry" || !c.Special() {
		t.Errorf("ParseCategory = %q, %v", c, err)
	}
}
