package notice

import (
	"reflect"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// TestKeys checks that retKey and moveKey, the cache keys of the texts of
// a retention rule and a transfer, still cover every field the texts can
// depend on: a field added to ropa.Retention, retention.Rule or
// ropa.Transfer must be added to the key (or, like a rule's Categories and
// Overrides, or the Subjects that scope both to groups, be handled apart).
func TestKeys(t *testing.T) {
	fields := func(v any) []string {
		var out []string
		for f := range reflect.TypeOf(v).Fields() {
			out = append(out, f.Name)
		}
		slices.Sort(out)
		return out
	}
	for _, tc := range []struct {
		v    any
		want []string
	}{
		{ropa.Retention{}, []string{"Categories", "Minimum", "MinimumSource", "Rule", "Schedule", "Subjects"}},
		{retention.Rule{}, []string{"Action", "From", "Indefinite", "Overrides", "Period", "Source", "Until", "YearEnd"}},
		{ropa.Transfer{}, []string{"Certified", "Country", "Mechanism", "ProtectionTest", "Recipient", "Safeguards", "Since", "Subjects"}},
	} {
		if diff := cmp.Diff(tc.want, fields(tc.v)); diff != "" {
			t.Errorf("fields of %T changed; update retKey and this test (-want +got):\n%s", tc.v, diff)
		}
	}
	if got, want := reflect.TypeFor[retKey]().NumField(), 10; got != want {
		t.Errorf("retKey has %d fields, want %d", got, want)
	}
	if got, want := reflect.TypeFor[moveKey]().NumField(), 5; got != want {
		t.Errorf("moveKey has %d fields, want %d", got, want)
	}
}

// TestRetentionOwnRules checks that a retention cell names the activity
// before its rule only where the category is used by more than one of the
// group's activities, including for a rule's categories that its activity
// does not list.
func TestRetentionOwnRules(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	a := &reg.Activities[0]
	a.DataCategories = ropa.Cats(ropa.Identifiers)
	a.Retention = []ropa.Retention{{Categories: []ropa.Category{ropa.Identifiers, ropa.Health}, Rule: retention.MustParse("P1Y from collection")}}
	b := *a
	b.ID, b.Name = "pay", "Payroll"
	b.DataCategories = ropa.Cats(ropa.ContactDetails, ropa.Education)
	b.Retention = []ropa.Retention{
		{Categories: []ropa.Category{ropa.ContactDetails, ropa.Financial}, Rule: retention.MustParse("P6Y from collection")},
		{Categories: []ropa.Category{ropa.Health}, Rule: retention.MustParse("P6Y from collection")},
	}
	reg.Activities = append(reg.Activities, b)
	n, err := Generate(reg, lawDay)
	if err != nil {
		t.Fatal(err)
	}
	s := section(n, adult.retentionHeading)
	if s == nil || len(s.Blocks) != 1 {
		t.Fatalf("retention section = %+v", s)
	}
	keep1 := "It is kept for 1 year from the date we collected it, then deleted."
	keep6 := "It is kept for 6 years from the date we collected it, then deleted."
	want := [][]string{
		{"Your name and other identifiers", keep1},
		// Only Payroll has a rule for financial details, which it does
		// not list: the rule needs no name.
		{"Your contact details; your bank and financial details", keep6},
		// Both activities have a rule for health data, which neither
		// lists: each rule is named.
		{"Information about your health, including disability", "Human resources: " + keep1 + " Payroll: " + keep6},
	}
	if diff := cmp.Diff(want, s.Blocks[0].(Table).Rows); diff != "" {
		t.Errorf("retention rows (-want +got):\n%s", diff)
	}
}

// TestViews checks that what the notice takes each activity to record
// about each group (gen.viewsOf) is what ropa.Activity.For gives: the same
// indexes of purposes, categories, sources, recipients, transfers,
// retention rules and decisions, the same provision statement, and the
// group's categories.
func TestViews(t *testing.T) {
	scopedBench := generated(6)
	for i := range scopedBench.Activities {
		a := &scopedBench.Activities[i]
		a.Purposes[i%len(a.Purposes)].Subjects = a.DataSubjects[:1]
		a.DataCategories[i%len(a.DataCategories)].Subjects = a.DataSubjects[1:]
		a.Recipients[0].Subjects = a.DataSubjects[1:]
		if i%2 == 0 {
			a.Provision.Subjects = a.DataSubjects[:1]
		}
	}
	for name, reg := range map[string]*ropa.Register{"two groups": twoGroups(), "generated": scopedBench, "unscoped": generated(3)} {
		t.Run(name, func(t *testing.T) {
			audience := subjectsOf(reg)
			g := &gen{reg: reg, regime: reg.Jurisdiction, at: lawfulbasis.LawAsOf, audience: audience, ph: adult}
			g.index(reg, audience)
			for k, s := range audience {
				for _, v := range g.viewsOf(s, g.groups[k]) {
					a := g.info[v.ai].a
					want := a.For(s)
					got := v.idx
					if v.all {
						all := func(n int) []int {
							var out []int
							for i := range n {
								out = append(out, i)
							}
							return out
						}
						got = ropa.GroupIndex{Purposes: all(len(a.Purposes)), Categories: all(len(a.DataCategories)), Sources: all(len(a.Sources)),
							Recipients: all(len(a.Recipients)), Transfers: all(len(a.Transfers)), Retention: all(len(a.Retention)), Automated: all(len(a.Automated))}
					}
					if diff := cmp.Diff(want.Index, got, cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("%s, %s: indexes (-For +view):\n%s", a.ID, s, diff)
					}
					if v.prov != a.Provision.Concerns(s) || (v.prov && !reflect.DeepEqual(want.Provision, a.Provision)) {
						t.Errorf("%s, %s: provision %v", a.ID, s, v.prov)
					}
					var cats []ropa.Category
					for _, c := range v.cats {
						for cat, id := range g.catIDs {
							if id == c {
								cats = append(cats, cat)
							}
						}
					}
					var wantCats []ropa.Category // For's, each once
					for _, c := range want.Categories {
						if !slices.Contains(wantCats, c) {
							wantCats = append(wantCats, c)
						}
					}
					if diff := cmp.Diff(wantCats, cats, cmpopts.EquateEmpty()); diff != "" {
						t.Errorf("%s, %s: categories (-For +view):\n%s", a.ID, s, diff)
					}
				}
			}
		})
	}
}
