package ropa_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

func TestRetentionFor(t *testing.T) {
	t.Parallel()
	var (
		all      = ropa.Retention{Rule: retention.MustParse("P6Y from termination-of-employment")}
		schedule = ropa.Retention{Schedule: "until passed to payroll"}
		health   = ropa.Retention{Categories: []ropa.Category{ropa.Health}, Rule: retention.MustParse("P1Y from collection")}
		custom   = ropa.Retention{Categories: []ropa.Category{"custom: Contract of employment", ropa.Financial}, Rule: retention.MustParse("P7Y from end-of-contract")}
	)
	a := &ropa.Activity{
		ID:             "hr",
		DataCategories: ropa.Cats(ropa.ContactDetails, ropa.Health, "custom: Contract of employment"),
		Retention:      []ropa.Retention{all, health, custom, schedule},
	}
	tests := []struct {
		name string
		act  *ropa.Activity
		cat  ropa.Category
		want []ropa.Retention
	}{
		{"listed category: the entries without categories", a, ropa.ContactDetails, []ropa.Retention{all, schedule}},
		{"named and listed: both kinds, in order", a, ropa.Health, []ropa.Retention{all, health, schedule}},
		{"custom category", a, "custom: Contract of employment", []ropa.Retention{all, custom, schedule}},
		{"named but not listed: only the entry naming it", a, ropa.Financial, []ropa.Retention{custom}},
		{"neither named nor listed", a, ropa.Biometric, nil},
		{"no retention at all", &ropa.Activity{DataCategories: ropa.Cats(ropa.Health)}, ropa.Health, nil},
		{"empty category", a, "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := tt.act.RetentionFor(tt.cat)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("RetentionFor(%q) mismatch (-want +got):\n%s", tt.cat, diff)
			}
		})
	}
}

// When must a leaver's records be deleted? One call: the register's rules
// for the activity and data category, applied to the date of the event they
// run from and the conditions that hold. Where several entries cover a
// category, the data is kept for the longest; a misspelt condition is an
// error, never a shorter date.
func ExampleRegister_Due() {
	reg, err := ropa.Decode(strings.NewReader(`jurisdiction: uk
controller: {name: Acme Ltd, email: privacy@acme.example}
activities:
  - id: hr
    name: Staff records
    dataSubjects: [employees]
    dataCategories: [contact-details, health]
    purposes: [{description: Employment, basis: contract}]
    retention:
      - rule: P6Y from termination-of-employment
      - categories: [health]
        rule: "P3Y from termination-of-employment unless legal-claim: P10Y"
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	left := map[retention.Trigger]time.Time{
		retention.TerminationOfEmployment: time.Date(2020, time.August, 31, 0, 0, 0, 0, time.UTC),
	}
	for _, r := range []ropa.Record{
		{Activity: "hr", Category: ropa.ContactDetails, Triggers: left},
		{Activity: "hr", Category: ropa.Health, Triggers: left},
		{Activity: "hr", Category: ropa.Health, Triggers: left, Conditions: []string{"legal-claim"}},
		{Activity: "hr", Category: ropa.Health, Triggers: left, Conditions: []string{"legal_claim"}},
	} {
		due, err := reg.Due(r)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(r.Category, r.Conditions, due.Date.Format(time.DateOnly), due.Action, due.Rule)
	}
	// Output:
	// contact-details [] 2026-08-31 delete P6Y from termination-of-employment
	// health [] 2026-08-31 delete P6Y from termination-of-employment
	// health [legal-claim] 2030-08-31 delete P3Y from termination-of-employment unless legal-claim: P10Y
	// activity "hr", data category "health": unknown retention condition "legal_claim" (did you mean "legal-claim"?); accepted: legal-claim
}
