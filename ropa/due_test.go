package ropa_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/parse"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// A misspelt activity, category, trigger or condition is an error with a
// suggestion, never a date; a category with no rule is ErrNoRetentionRule.
func TestDueErrors(t *testing.T) {
	t.Parallel()
	reg, err := ropa.Decode(strings.NewReader(`jurisdiction: uk
controller: {name: Acme Ltd, email: privacy@acme.example}
activities:
  - id: recruitment
    name: Recruitment
    dataSubjects: [job-applicants]
    dataCategories: [employment-history, contact-details, right-to-work]
    purposes: [{description: Recruiting, basis: contract}]
    retention:
      - categories: [employment-history]
        rule: "P1Y from end-of-recruitment unless sponsored-visa: P7Y"
      - categories: [contact-details]
        schedule: available on request
      - categories: [right-to-work]
        rule: until end-of-contract
`))
	if err != nil {
		t.Fatal(err)
	}
	ended := map[retention.Trigger]time.Time{retention.EndOfRecruitment: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	ok := func(r ropa.Record, want string) {
		t.Helper()
		d, err := reg.Due(r)
		if err != nil || !d.Fixed || d.Date.Format(time.DateOnly) != want {
			t.Errorf("Due(%+v) = %+v, %v; want %s", r, d, err, want)
		}
	}
	ok(ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory, Triggers: ended}, "2026-06-30")
	ok(ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory, Triggers: ended, Conditions: []string{"sponsored-visa"}}, "2032-06-30")
	if d, err := reg.Due(ropa.Record{Activity: "recruitment", Category: ropa.RightToWork}); err != nil || d.Fixed {
		t.Errorf("until rule: Due = %+v, %v; want not fixed", d, err)
	}
	for _, tt := range []struct {
		name    string
		r       ropa.Record
		suggest string
	}{
		{"activity", ropa.Record{Activity: "recruitmnet", Category: ropa.EmploymentHistory, Triggers: ended}, "recruitment"},
		{"category", ropa.Record{Activity: "recruitment", Category: "employment-histry", Triggers: ended}, "employment-history"},
		{"condition", ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory, Triggers: ended, Conditions: []string{"sponsored_visa"}}, "sponsored-visa"},
		{"trigger", ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory, Triggers: map[retention.Trigger]time.Time{"end-of-recruitmnet": time.Now()}}, "end-of-recruitment"},
	} {
		d, err := reg.Due(tt.r)
		pe, ok := errors.AsType[*parse.Error](err)
		if !ok || pe.Suggest != tt.suggest || !d.Date.IsZero() {
			t.Errorf("%s: Due = %+v, %v; want a *parse.Error suggesting %q", tt.name, d, err, tt.suggest)
		}
	}
	if _, err := reg.Due(ropa.Record{Activity: "recruitment", Category: ropa.ContactDetails, Triggers: ended}); !errors.Is(err, ropa.ErrNoRetentionRule) {
		t.Errorf("schedule only: %v, want ErrNoRetentionRule", err)
	}
	if _, err := reg.Due(ropa.Record{Activity: "recruitment", Category: ropa.EmploymentHistory}); err == nil || !strings.Contains(err.Error(), "no date was given") {
		t.Errorf("no trigger date: %v", err)
	}
}
