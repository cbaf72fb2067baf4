package ropa

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
)

// pathRule is the place and the rule of a finding.
type pathRule struct{ Path, Rule string }

func pathRules(rep Report) []pathRule {
	out := make([]pathRule, len(rep.Findings))
	for i, f := range rep.Findings {
		out[i] = pathRule{f.Path, f.Rule}
	}
	return out
}

// manyActivities returns the compliant register with n copies of its
// activity, each with its own ID.
func manyActivities(n int) *Register {
	reg := compliantRegister()
	reg.Activities = nil
	for i := range n {
		a := compliantRegister().Activities[0]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		reg.Activities = append(reg.Activities, a)
	}
	return reg
}

func TestReportSorting(t *testing.T) {
	reg := manyActivities(12)
	reg.Jurisdiction = lawfulbasis.EU
	withAuthority(reg)
	reg.Controller.PublicAuthority = true
	reg.Controller.Headcount = Under250
	for _, i := range []int{10, 2, 11, 1} {
		reg.Activities[i].Security = nil
	}
	// Two rules on one path: sorted by rule.
	reg.Activities[10].Purposes[0] = Purpose{Description: "Report fraud", Basis: lawfulbasis.RecognisedLegitimateInterests, Annex1: lawfulbasis.Annex1Crime}

	rep := Check(reg, lawToday)
	got := pathRules(rep)
	var want []pathRule
	for i := range 12 {
		p := fmt.Sprintf("activities[%d]", i)
		if i == 10 {
			want = append(want,
				pathRule{p + ".purposes[0].annex1", "basis-unavailable"},
				pathRule{p + ".purposes[0].basis", "basis-unavailable"},
				pathRule{p + ".purposes[0].basis", "public-authority-interests"})
		}
		// Legitimate interests is no basis for a public authority's tasks.
		want = append(want, pathRule{p + ".purposes[1].basis", "public-authority-interests"})
		if slices.Contains([]int{1, 2, 10, 11}, i) {
			want = append(want, pathRule{p + ".security", "activity-security"})
		}
	}
	want = append(want, pathRule{"controller.headcount", "small-organisation"})
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("finding order (-want +got):\n%s", diff)
	}

	// Deterministic: the same register gives the same report every time.
	for range 5 {
		if diff := cmp.Diff(rep, Check(reg, lawToday)); diff != "" {
			t.Fatalf("second Check differs (-first +second):\n%s", diff)
		}
	}
}

func TestReportSortingMessages(t *testing.T) {
	// One rule, one path, several messages: sorted by message.
	rule := Rule{ID: "zz-test", Severity: Info, Citation: "test", Check: func(c *Context) {
		for _, m := range []string{"c", "a", "b"} {
			c.Reportf("controller", "", "%s", m)
		}
	}}
	rep := Check(compliantRegister(), lawToday, Only("zz-test"), WithRules(rule))
	var got []string
	for _, f := range rep.Findings {
		got = append(got, f.Message)
	}
	if diff := cmp.Diff([]string{"a", "b", "c"}, got); diff != "" {
		t.Errorf("messages (-want +got):\n%s", diff)
	}
}

func TestComparePath(t *testing.T) {
	ordered := []string{
		"",
		"activities",
		"activities[2]",
		"activities[2].purposes[1].basis",
		"activities[2].purposes[10].basis",
		"activities[10]",
		"activities[10].dpia",
		"activities[10].purposes",
		"complaints",
		"controller",
		"controller.name",
		"processorRecords[9].security",
		"processorRecords[100].controller",
	}
	for i, a := range ordered {
		for j, b := range ordered {
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got := comparePath(a, b); got != want {
				t.Errorf("comparePath(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}

func TestReportCounts(t *testing.T) {
	reg := compliantRegister()
	reg.Complaints.Form = ""                   // complaint-form: warning
	act0(reg).Security = nil                   // activity-security: warning
	reg.Controller.Headcount = Under250        // small-organisation: info
	act0(reg).Purposes[1].Interest = ""        // legitimate-interest: error
	act0(reg).Recipients[1].Contract = "  "    // processor-contract: error
	reg.Controller.Email = ""                  // still has a phone: no finding
	act0(reg).Transfers[1].ProtectionTest = "" // transfer-protection-test: error
	rep := Check(reg, lawToday)

	got := map[Severity]int{}
	for _, f := range rep.Findings {
		got[f.Severity]++
	}
	if diff := cmp.Diff(map[Severity]int{Error: 3, Warning: 2, Info: 1}, got); diff != "" {
		t.Errorf("findings by severity (-want +got):\n%s%s", diff, printFindings(rep.Findings))
	}
	if rep.Errors != 3 || rep.Warnings != 2 || rep.Infos != 1 {
		t.Errorf("counts = %d errors, %d warnings, %d infos; want 3, 2, 1", rep.Errors, rep.Warnings, rep.Infos)
	}
	if rep.Regime != lawfulbasis.UK || !rep.AsOf.Equal(lawToday) {
		t.Errorf("report regime %v, as of %v", rep.Regime, rep.AsOf)
	}
	wantIDs := []string{"activity-security", "complaint-form", "legitimate-interest", "processor-contract", "small-organisation", "transfer-protection-test"}
	if diff := cmp.Diff(wantIDs, rep.IDs()); diff != "" {
		t.Errorf("IDs (-want +got):\n%s", diff)
	}
}

func TestReportErr(t *testing.T) {
	if err := Check(compliantRegister(), lawToday).Err(); err != nil {
		t.Errorf("compliant register: Err() = %v", err)
	}

	warnOnly := compliantRegister()
	act0(warnOnly).Security = nil
	warnOnly.Controller.Headcount = Under250
	rep := Check(warnOnly, lawToday)
	if rep.Warnings != 1 || rep.Infos != 1 {
		t.Fatalf("want one warning and one info:%s", printFindings(rep.Findings))
	}
	if err := rep.Err(); err != nil {
		t.Errorf("warnings and infos only: Err() = %v, want nil", err)
	}

	bad := compliantRegister()
	act0(bad).Security = nil
	bad.Controller.Name = ""
	act0(bad).Purposes = nil
	err := Check(bad, lawToday).Err()
	if !errors.Is(err, ErrFindings) {
		t.Fatalf("Err() = %v, want ErrFindings", err)
	}
	if want := "ropa: register has error findings: 2 error(s), 1 warning(s)"; err.Error() != want {
		t.Errorf("Err() = %q, want %q", err, want)
	}
}

// TestCheckDate: the day is required. The zero time is one error finding
// and no rule is run, so that a report for no day never passes for a clean
// one; any other time counts by its calendar day.
func TestCheckDate(t *testing.T) {
	reg := compliantRegister()
	reg.Complaints = ComplaintRoute{}
	act0(reg).Purposes[0] = Purpose{Description: "Report fraud", Basis: lawfulbasis.RecognisedLegitimateInterests, Annex1: lawfulbasis.Annex1Crime}
	none := Check(reg, time.Time{})
	want := Report{Regime: reg.Jurisdiction, Errors: 1, Findings: []Finding{{Rule: NoDateRule, Severity: Error,
		Message: "No date was given to check the register at: the law applied depends on the day, so no rule was run."}}}
	if diff := cmp.Diff(want, none); diff != "" {
		t.Errorf("Check(reg, time.Time{}) (-want +got):\n%s", diff)
	}
	if none.Err() == nil {
		t.Error("Check(reg, time.Time{}).Err() = nil: a report for no day passed as clean")
	}
	// The report's date is the calendar day, in the location of the time given.
	late := time.Date(2026, time.June, 18, 23, 30, 0, 0, time.FixedZone("UTC-5", -5*3600))
	rep := Check(reg, late)
	if want := ymd(2026, time.June, 18); !rep.AsOf.Equal(want) {
		t.Errorf("AsOf(%v) gives report date %v, want %v", late, rep.AsOf, want)
	}
	if slices.Contains(rep.IDs(), "complaint-route") {
		t.Errorf("complaint-route applied on 18 June 2026 (local date), before s164A commenced")
	}
}

func TestCheckDoesNotModify(t *testing.T) {
	reg := compliantRegister()
	reg.Complaints = ComplaintRoute{}
	act0(reg).Security = nil
	want := compliantRegister()
	want.Complaints = ComplaintRoute{}
	act0(want).Security = nil
	Check(reg, lawToday)
	if diff := cmp.Diff(want, reg); diff != "" {
		t.Errorf("Check changed the register (-before +after):\n%s", diff)
	}
}

func TestWithout(t *testing.T) {
	reg := compliantRegister()
	reg.Complaints = ComplaintRoute{}
	act0(reg).Security = nil
	all := Check(reg, lawToday)
	if diff := cmp.Diff([]string{"activity-security", "complaint-route"}, all.IDs()); diff != "" {
		t.Fatalf("IDs (-want +got):\n%s", diff)
	}
	rep := Check(reg, lawToday, Without("complaint-route"))
	if diff := cmp.Diff([]string{"activity-security"}, rep.IDs()); diff != "" {
		t.Errorf("Without(complaint-route): IDs (-want +got):\n%s", diff)
	}
	if rep.Errors != 0 || rep.Err() != nil {
		t.Errorf("Without(complaint-route): %d errors, Err() = %v", rep.Errors, rep.Err())
	}
	rep = Check(reg, lawToday, Without("complaint-route"), Without("activity-security", "no-such-rule"))
	if len(rep.Findings) != 0 {
		t.Errorf("Without both: findings%s", printFindings(rep.Findings))
	}
}

func TestOnly(t *testing.T) {
	reg := compliantRegister()
	reg.Complaints = ComplaintRoute{}
	act0(reg).Security = nil
	act0(reg).Recipients = nil
	rep := Check(reg, lawToday, Only("activity-security", "activity-recipients"))
	if diff := cmp.Diff([]string{"activity-recipients", "activity-security"}, rep.IDs()); diff != "" {
		t.Errorf("Only: IDs (-want +got):\n%s", diff)
	}
	// Only and Without together: Without wins.
	rep = Check(reg, lawToday, Only("activity-security", "complaint-route"), Without("complaint-route"))
	if diff := cmp.Diff([]string{"activity-security"}, rep.IDs()); diff != "" {
		t.Errorf("Only and Without: IDs (-want +got):\n%s", diff)
	}
	// Only with no rule ID that exists runs nothing.
	if rep := Check(reg, lawToday, Only("no-such-rule")); len(rep.Findings) != 0 {
		t.Errorf("Only(no-such-rule): findings%s", printFindings(rep.Findings))
	}
}

// ownerRule is a caller's own rule: every activity names its owner.
var ownerRule = Rule{
	ID: "acme-owner", Severity: Warning, Citation: "Acme data policy s4.2",
	Summary: "Every activity names an owner.",
	Check: func(c *Context) {
		for i, a := range c.Register.Activities {
			if a.Owner == "" {
				c.Reportf(fmt.Sprintf("activities[%d].owner", i), a.ID, "activity %q names no owner", a.Name)
			}
		}
	},
}

func TestWithRules(t *testing.T) {
	reg := compliantRegister()
	act0(reg).Owner = ""
	rep := Check(reg, lawToday, WithRules(ownerRule))
	want := []Finding{{
		Rule: "acme-owner", Severity: Warning, Path: "activities[0].owner", Activity: "customer-orders",
		Message: `activity "Customer orders" names no owner`, Citation: "Acme data policy s4.2",
	}}
	if diff := cmp.Diff(want, rep.Findings); diff != "" {
		t.Errorf("custom rule findings (-want +got):\n%s", diff)
	}
	if rep.Warnings != 1 {
		t.Errorf("Warnings = %d, want 1", rep.Warnings)
	}
	// Without switches a custom rule off too.
	if rep := Check(reg, lawToday, WithRules(ownerRule), Without("acme-owner")); len(rep.Findings) != 0 {
		t.Errorf("Without(acme-owner): findings%s", printFindings(rep.Findings))
	}
	// The built-in catalogue is unchanged.
	if slices.ContainsFunc(Rules(), func(r Rule) bool { return r.ID == "acme-owner" }) {
		t.Error("WithRules changed the built-in catalogue")
	}

	// A custom rule citing an article gets the regime's prefix, and its
	// regimes and dates are honoured.
	art := Rule{ID: "acme-accountability", Severity: Error, Article: "5(2)", Regimes: []lawfulbasis.Regime{lawfulbasis.EU},
		From:  ymd(2026, time.January, 1),
		Check: func(c *Context) { c.Reportf("controller", "", "accountability statement missing") }}
	for _, tt := range []struct {
		regime   lawfulbasis.Regime
		at       time.Time
		citation string // "" if the rule must not run
	}{
		{lawfulbasis.EU, lawToday, "GDPR Art 5(2)"},
		{lawfulbasis.UK, lawToday, ""},
		{lawfulbasis.EU, ymd(2025, time.December, 31), ""},
	} {
		reg := compliantRegister()
		reg.Jurisdiction = tt.regime
		rep := Check(reg, tt.at, WithRules(art))
		var got string
		for _, f := range rep.Findings {
			if f.Rule == art.ID {
				got = f.Citation
			}
		}
		if got != tt.citation {
			t.Errorf("%v on %s: citation %q, want %q", tt.regime, tt.at.Format(time.DateOnly), got, tt.citation)
		}
	}
}

func TestWithApprovals(t *testing.T) {
	// The base register sends data to a certified US recipient on the
	// Data Privacy Framework (UK Extension, SI 2023/1028).
	for _, r := range lawfulbasis.Regimes() {
		reg := compliantRegister()
		reg.Jurisdiction = r
		withAuthority(reg)
		if rep := Check(reg, lawToday); len(rep.Findings) != 0 {
			t.Fatalf("%v: findings with the default approvals:%s", r, printFindings(rep.Findings))
		}
		// With the DPF switched off (Case C-703/25 P pending), the
		// transfer relies on an approval that no longer exists.
		rep := Check(reg, lawToday, WithApprovals(lawfulbasis.DefaultApprovals().WithoutDPF()))
		want := []pathRule{{"activities[0].transfers[0].mechanism", "transfer-mechanism"}}
		if diff := cmp.Diff(want, pathRules(rep)); diff != "" {
			t.Errorf("%v WithoutDPF (-want +got):\n%s", r, diff)
		}
		if len(rep.Findings) == 1 && !strings.Contains(rep.Findings[0].Message, "not approved") {
			t.Errorf("%v WithoutDPF: message %q does not say the country is not approved", r, rep.Findings[0].Message)
		}
	}
	// An empty list approves nothing: even the EEA needs a mechanism
	// under the UK regime.
	reg := compliantRegister()
	act0(reg).Transfers = []Transfer{{Country: "FR", Recipient: "Paris office"}}
	rep := Check(reg, lawToday, WithApprovals(lawfulbasis.Approvals{}))
	if !slices.Contains(rep.IDs(), "transfer-mechanism") {
		t.Errorf("empty approvals: FR transfer not flagged:%s", printFindings(rep.Findings))
	}
}

func TestWithConsentAge(t *testing.T) {
	reg := compliantRegister()
	act0(reg).Purposes[0].Basis = lawfulbasis.Consent
	act0(reg).ConsentRecord = "App consent log"
	act0(reg).DataSubjects = []Subject{Pupils}
	act0(reg).Children = Children{OnlineService: true, HigherProtection: "Children's code assessment"}
	act0(reg).DPIA = DPIA{Status: Complete, Reference: "DPIA-7"}

	message := func(opts ...Option) string {
		rep := Check(reg, lawToday, append(opts, Only("children-consent"))...)
		if len(rep.Findings) != 1 {
			t.Fatalf("want one children-consent finding:%s", printFindings(rep.Findings))
		}
		return rep.Findings[0].Message
	}
	// UK GDPR Art 8(1): 13.
	if m := message(); !strings.Contains(m, "under 13") {
		t.Errorf("default message %q does not name the age 13", m)
	}
	// Art 8(2A) (Children's Wellbeing and Schools Act 2026 s72): 13 to 16.
	if m := message(WithConsentAge(16)); !strings.Contains(m, "under 16") {
		t.Errorf("WithConsentAge(16) message %q does not name the age 16", m)
	}
	var seen int
	Check(reg, lawToday, WithConsentAge(15), WithRules(Rule{ID: "age", Severity: Info, Citation: "test",
		Check: func(c *Context) { seen = c.ConsentAge }}))
	if seen != 15 {
		t.Errorf("Context.ConsentAge = %d, want 15", seen)
	}
}

func TestCheckConcurrent(t *testing.T) {
	reg := generatedRegister(200)
	want := Check(reg, lawToday)
	if len(want.Findings) == 0 {
		t.Fatal("the generated register has no findings; the test would prove little")
	}
	const n = 64
	reports := make([]Report, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			var opts []Option
			if i%2 == 1 {
				opts = append(opts, WithRules(ownerRule), Without(ownerRule.ID))
			}
			reports[i] = Check(reg, lawToday, opts...)
		})
	}
	wg.Wait()
	for i, rep := range reports {
		if diff := cmp.Diff(want, rep); diff != "" {
			t.Fatalf("report %d differs (-want +got):\n%s", i, diff)
		}
	}
}

// generatedRegister returns a register of n activities of varied kinds:
// some with special category or criminal offence data, transfers,
// processors, automated decisions, recognised legitimate interests,
// children's online services and gaps that the rules find.
func generatedRegister(n int) *Register {
	reg := compliantRegister()
	reg.Activities = make([]Activity, 0, n)
	countries := []string{"US", "IN", "FR", "BR", "CH", "JP", "AU", "EPO"}
	mechs := []lawfulbasis.Mechanism{0, lawfulbasis.DataPrivacyFramework, lawfulbasis.IDTA, lawfulbasis.SCC, lawfulbasis.BCR,
		lawfulbasis.DerogationConsent, lawfulbasis.PrivacyShield, lawfulbasis.Adequacy, lawfulbasis.DerogationCompellingInterests}
	for i := range n {
		a := Activity{
			ID:   fmt.Sprintf("act-%05d", i),
			Name: fmt.Sprintf("Activity %d", i),
			Purposes: []Purpose{
				{Description: "Provide the service", Basis: lawfulbasis.Contract},
				{Description: "Improve the service", Basis: lawfulbasis.LegitimateInterests, Interest: "Service quality"},
			},
			DataSubjects:   []Subject{Customers, WebsiteVisitors},
			DataCategories: Cats(Identifiers, ContactDetails, OnlineIdentifiers, Usage),
			Recipients:     []Recipient{{Name: "Support team", Kind: Internal}},
			Retention:      []Retention{{Rule: retention.MustParse("P2Y from last-contact")}},
			Security:       []string{"Access control"},
		}
		if i%4 == 0 {
			a.Purposes[1].Assessment = "LIA-1"
		}
		if i%2 == 0 {
			a.Recipients = append(a.Recipients, Recipient{Name: "Hosting Ltd", Kind: Processor, Contract: strings.Repeat("x", i%3)})
		}
		if i%3 == 0 {
			for j := range 1 + i%3 {
				k := i/3 + j
				a.Transfers = append(a.Transfers, Transfer{Country: countries[k%len(countries)], Mechanism: mechs[k%len(mechs)],
					Certified: k%2 == 0, Since: NewDate(2025+k%2, time.March, 1)})
			}
		}
		if i%5 == 0 {
			a.DataCategories = append(a.DataCategories, Cats(Health)...)
			a.Special.Conditions = []lawfulbasis.Condition{lawfulbasis.Conditions()[i%10]}
			if i%10 == 0 {
				a.Special.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment}
			}
			a.LargeScale = i%15 == 0
		}
		if i%11 == 0 {
			a.DataCategories = append(a.DataCategories, Cats(CriminalOffences)...)
			a.Criminal.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1PreventingUnlawfulActs}
		}
		if i%7 == 0 {
			a.Automated = []Decision{{Solely: true, Significant: i%14 == 0, Profiling: true, Safeguards: DecisionSafeguards()[:i%5]}}
		}
		if i%13 == 0 {
			a.Purposes = append(a.Purposes, Purpose{Description: "Report crime", Basis: lawfulbasis.RecognisedLegitimateInterests, Annex1: lawfulbasis.Annex1Crime})
		}
		if i%17 == 0 {
			a.DataSubjects = append(a.DataSubjects, YoungPeople)
			a.Children.OnlineService = true
			a.Purposes[0].Basis = lawfulbasis.Consent
		}
		if i%19 == 0 {
			a.Retention = append(a.Retention, Retention{Categories: []Category{Usage}, Rule: retention.MustParse("indefinite then review")})
		}
		reg.Activities = append(reg.Activities, a)
	}
	return reg
}

func BenchmarkCheck(b *testing.B) {
	const n = 10000
	reg := generatedRegister(n)
	var rep Report
	b.ReportAllocs()
	for b.Loop() {
		rep = Check(reg, lawToday)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/activity")
	b.ReportMetric(float64(len(rep.Findings)), "findings")
}

// TestCite: the UK GDPR exists from IP completion day (31 December 2020
// at 11pm; lawfulbasis.UKGDPRStart is 1 January 2021), so a finding under
// the UK regime dated before then cites the GDPR, which applied in the UK
// with the DPA 2018 as enacted. Renumbered articles are cited as they
// stood on the date: UK GDPR Art 44A replaced Art 44 on 5 February 2026
// (DUAA s85, Sch 7), and Art 45A approval replaced adequacy regulations
// under Art 45(1).
func TestCite(t *testing.T) {
	byID := map[string]Rule{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	tests := []struct {
		id     string
		regime lawfulbasis.Regime
		at     time.Time
		want   string
	}{
		{"activity-purposes", lawfulbasis.UK, ymd(2020, time.December, 31), "GDPR Art 30(1)(b)"},
		{"activity-purposes", lawfulbasis.UK, ymd(2021, time.January, 1), "UK GDPR Art 30(1)(b)"},
		{"activity-purposes", lawfulbasis.EU, ymd(2019, time.June, 1), "GDPR Art 30(1)(b)"},
		{"special-schedule1", lawfulbasis.UK, ymd(2019, time.June, 1), "DPA 2018 s10(2)-(3)"},
		{"transfer-mechanism", lawfulbasis.UK, ymd(2020, time.June, 1), "GDPR Art 44"},
		{"transfer-mechanism", lawfulbasis.UK, ymd(2026, time.February, 4), "UK GDPR Art 44"},
		{"transfer-mechanism", lawfulbasis.UK, ymd(2026, time.February, 5), "UK GDPR Art 44A"},
		{"transfer-mechanism", lawfulbasis.EU, ymd(2026, time.February, 5), "GDPR Art 44"},
		{"transfer-dpf-certified", lawfulbasis.UK, ymd(2024, time.June, 1), "UK GDPR Art 45(1)"},
		{"transfer-dpf-certified", lawfulbasis.UK, lawToday, "UK GDPR Art 45A"},
	}
	for _, tt := range tests {
		r := byID[tt.id]
		if got := r.Cite(tt.regime, tt.at); got != tt.want {
			t.Errorf("%s.Cite(%v, %s) = %q, want %q", tt.id, tt.regime, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
	tm := byID["transfer-mechanism"]
	if got, want := tm.Cite(lawfulbasis.UK, lawfulbasis.LawAsOf), "UK GDPR Art 44A"; got != want {
		t.Errorf("Cite(UK, LawAsOf) = %q, want %q", got, want)
	}

	// The findings themselves, and the citations inside their messages.
	reg := compliantRegister()
	act0(reg).DataCategories = append(act0(reg).DataCategories, Cat(Health))
	act0(reg).Special.Conditions = []lawfulbasis.Condition{lawfulbasis.EmploymentLaw}
	act0(reg).Security = nil
	for _, tc := range []struct {
		at                 time.Time
		security, schedule string
	}{
		{ymd(2020, time.December, 31), "GDPR Art 30(1)(g)", "GDPR Art 9(2)(b) needs"},
		{ymd(2021, time.January, 1), "UK GDPR Art 30(1)(g)", "UK GDPR Art 9(2)(b) needs"},
	} {
		rep := Check(reg, tc.at)
		for _, f := range rep.Findings {
			switch f.Rule {
			case "activity-security":
				if f.Citation != tc.security {
					t.Errorf("%s: activity-security cites %q, want %q", tc.at.Format(time.DateOnly), f.Citation, tc.security)
				}
			case "special-schedule1":
				if !strings.HasPrefix(f.Message, tc.schedule) {
					t.Errorf("%s: special-schedule1 says %q, want it to start %q", tc.at.Format(time.DateOnly), f.Message, tc.schedule)
				}
			}
		}
	}
}

// messages returns the messages of the findings of rule.
func messages(rep Report, rule string) []string {
	var out []string
	for _, f := range rep.Findings {
		if f.Rule == rule {
			out = append(out, f.Message)
		}
	}
	return out
}

// TestMessages checks what findings say, where the wording is the point.
func TestMessages(t *testing.T) {
	tests := []struct {
		name    string
		regime  lawfulbasis.Regime
		rule    string
		mutate  func(*Register)
		want    []string // substrings of the one finding's message
		wantNot []string
	}{{
		// Durham: referees were told their data is used "to enter into a
		// contract with you".
		name: "referees and a pre-contract purpose", regime: lawfulbasis.UK, rule: "unscoped-facts",
		mutate: func(r *Register) {
			a := act0(r)
			a.Purposes = []Purpose{{Description: "To assess your suitability for the job", Basis: lawfulbasis.Contract}}
			a.DataSubjects = []Subject{JobApplicants, Referees}
			a.DataCategories = Cats(ContactDetails, References)
			a.Sources = []Source{{Kind: FromThirdParty, Name: "Referees' letters"}}
		},
		want:    []string{`purpose "To assess your suitability for the job"`, "said of referees too", "only job applicants", "add subjects: [job-applicants]"},
		wantNot: []string{"next of kin"},
	}, {
		name: "US without a mechanism, UK", regime: lawfulbasis.UK, rule: "transfer-mechanism",
		mutate:  func(r *Register) { act0(r).Transfers[0].Mechanism, act0(r).Transfers[0].Certified = 0, false },
		want:    []string{"the United States is approved only for certified recipients", "SI 2023/1028", "12 October 2023", "UK Extension", `"CloudCo Inc" is not recorded as certified`},
		wantNot: []string{"not approved under"},
	}, {
		name: "US without a mechanism, EU", regime: lawfulbasis.EU, rule: "transfer-mechanism",
		mutate:  func(r *Register) { act0(r).Transfers[0].Mechanism, act0(r).Transfers[0].Certified = 0, false },
		want:    []string{"approved only for certified recipients", "Decision (EU) 2023/1795", "10 July 2023", `"CloudCo Inc" is not recorded as certified`},
		wantNot: []string{"not approved under"},
	}, {
		name: "DPF relied on, recipient not certified", regime: lawfulbasis.UK, rule: "transfer-dpf-certified",
		mutate: func(r *Register) { act0(r).Transfers[0].Certified = false },
		want:   []string{"transfer to the United States relies on its approval", "SI 2023/1028", "UK Extension", `"CloudCo Inc" is not recorded as certified`},
	}, {
		name: "public authority on legitimate interests", regime: lawfulbasis.UK, rule: "public-authority-interests",
		mutate: func(r *Register) { r.Controller.PublicAuthority = true },
		want:   []string{`purpose "Detect fraudulent orders"`, "outsidePublicTasks: true", "public task"},
	}, {
		name: "automated decisions recorded for one group", regime: lawfulbasis.UK, rule: "automated-not-recorded",
		mutate: func(r *Register) {
			act0(r).DataSubjects = []Subject{Customers, Subscribers}
			act0(r).None = []None{{Fact: FactAutomated, Subjects: []Subject{Customers}}}
		},
		want:    []string{"about newsletter subscribers nor"},
		wantNot: []string{"customers"},
	}, {
		name: "marketing after unsubscribing, UK", regime: lawfulbasis.UK, rule: "marketing-after-objection",
		mutate: func(r *Register) {
			act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Offers by email", Basis: lawfulbasis.Consent, DirectMarketing: true, AfterObjection: true})
			act0(r).ConsentRecord = "Mailing platform"
		},
		want: []string{"Art 21(3)", "PECR reg 22"},
	}, {
		name: "marketing after unsubscribing, EU", regime: lawfulbasis.EU, rule: "marketing-after-objection",
		mutate: func(r *Register) {
			act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Offers by email", Basis: lawfulbasis.Consent, DirectMarketing: true, AfterObjection: true})
			act0(r).ConsentRecord = "Mailing platform"
		},
		want:    []string{"Art 21(3)", "ePrivacy Directive Art 13"},
		wantNot: []string{"PECR"},
	}, {
		name: "canteen fingerprints", regime: lawfulbasis.UK, rule: "dpia-required",
		mutate: func(r *Register) { canteenFingerprints(r); act0(r).DPIA = DPIA{} },
		want:   []string{"uses biometric data to identify people and meets another WP248 criterion (ICO list of high-risk processing)"},
	}, {
		name: "employee monitoring", regime: lawfulbasis.UK, rule: "dpia-required",
		mutate: func(r *Register) { employeeMonitoring(r); act0(r).DPIA = DPIA{} },
		want:   []string{"meets 2 WP248 criteria", "systematically monitors people", "concerns vulnerable people", "dpia.required: no"},
	}, {
		name: "member state law", regime: lawfulbasis.EU, rule: "special-member-state-law",
		mutate: func(r *Register) {
			act0(r).DataCategories = append(act0(r).DataCategories, Cat(Health))
			act0(r).Special.Conditions = []lawfulbasis.Condition{lawfulbasis.EmploymentLaw}
		},
		want: []string{"GDPR Art 9(2)(b) rests on Union or member state law", "collective agreement", "special.law"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := compliantRegister()
			reg.Jurisdiction = tt.regime
			withAuthority(reg)
			tt.mutate(reg)
			msgs := messages(Check(reg, lawToday), tt.rule)
			if len(msgs) != 1 {
				t.Fatalf("%s: %d findings, want 1: %q", tt.rule, len(msgs), msgs)
			}
			for _, w := range tt.want {
				if !strings.Contains(msgs[0], w) {
					t.Errorf("message %q lacks %q", msgs[0], w)
				}
			}
			for _, w := range tt.wantNot {
				if strings.Contains(msgs[0], w) {
					t.Errorf("message %q says %q", msgs[0], w)
				}
			}
		})
	}
}

// TestTransferSince: every dated transfer check applies from the
// transfer's start. Checked as of 2019, a transfer that began in 2024 on
// the 2021 SCCs, or to an unapproved country with nothing recorded, or on
// the Data Privacy Framework, reports nothing; the same transfers with no
// start date are checked.
func TestTransferSince(t *testing.T) {
	transfers := []Transfer{
		{Country: "IN", Recipient: "Northwind India Pvt Ltd", Mechanism: lawfulbasis.SCC},
		{Country: "IN", Recipient: "Northwind India Pvt Ltd"},
		{Country: "US", Recipient: "CloudCo Inc", Mechanism: lawfulbasis.DataPrivacyFramework},
	}
	for _, regime := range lawfulbasis.Regimes() {
		reg := compliantRegister()
		reg.Jurisdiction = regime
		withAuthority(reg)
		act0(reg).Transfers = slices.Clone(transfers)
		undated := Check(reg, beforeSchrems)
		var got []string
		for _, f := range undated.Findings {
			if strings.Contains(f.Path, ".transfers[") {
				got = append(got, f.Rule+" "+f.Path)
			}
		}
		if len(got) < len(transfers) {
			t.Errorf("%v: undated transfers checked as of 2019 give only %q", regime, got)
		}
		for i := range act0(reg).Transfers {
			act0(reg).Transfers[i].Since = NewDate(2024, time.January, 15)
		}
		for _, f := range Check(reg, beforeSchrems).Findings {
			if strings.Contains(f.Path, ".transfers[") {
				t.Errorf("%v: transfer begun in 2024, checked as of 2019: %s %s: %s", regime, f.Rule, f.Path, f.Message)
			}
		}
	}
}

// TestSeedRegistersCheck loads every register in examples/registers,
// checks it under its regime as of 23 November 2026, and locates the
// activity of each finding in the file. (Which rules fire on each seed is
// pinned by seeds_test.go.)
func TestSeedRegistersCheck(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "examples", "registers", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no seed registers: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			reg, err := Load(file)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if err := reg.Validate(); err != nil {
				t.Fatalf("Validate: %v", err)
			}
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			loc, err := NewLocator(data)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range Check(reg, lawToday).Findings {
				if f.Citation == "" || f.Message == "" {
					t.Errorf("finding %+v: no citation or message", f)
				}
				// A finding about an activity points into it; a field the
				// file leaves out is located at its nearest ancestor.
				if i := strings.IndexByte(f.Path, ']'); strings.HasPrefix(f.Path, "activities[") && i > 0 {
					if _, _, found := loc.Locate(f.Path[:i+1]); !found {
						t.Errorf("finding %s at %q: no such activity in the file", f.Rule, f.Path)
					}
				}
			}
		})
	}
}

// Report takes the message as written, so text from the register holding
// "%" is kept; Reportf formats.
func TestReportKeepsPercent(t *testing.T) {
	t.Parallel()
	reg := &Register{Jurisdiction: lawfulbasis.UK, Activities: []Activity{{ID: "a", Name: "100% of staff"}}}
	rule := Rule{ID: "house-percent", Severity: Info, Summary: "x", Citation: "x",
		Check: func(c *Context) {
			c.Report("activities[0].name", "a", c.Register.Activities[0].Name+" %s %d")
			c.Reportf("activities[0].name", "a", "%d%% done", 50)
		}}
	r := Check(reg, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC), WithRules(rule), Only("house-percent"))
	var got []string
	for _, f := range r.Findings {
		got = append(got, f.Message)
	}
	want := []string{"100% of staff %s %d", "50% done"}
	if !slices.Equal(got, want) {
		t.Errorf("messages = %q, want %q", got, want)
	}
}

// A Report's JSON has the as-of date as YYYY-MM-DD, an empty list for no
// findings, an empty regime for a register without one, and reads back.
func TestReportJSON(t *testing.T) {
	at := time.Date(2026, time.December, 6, 0, 0, 0, 0, time.UTC)
	rep := NewReport(lawfulbasis.UK, at, []Finding{
		{Rule: "purpose-basis", Severity: Error, Path: "activities[0].purposes[0].basis", Message: "no basis", Citation: "UK GDPR Art 6(1)", File: "register.yaml"},
		{Rule: "dpia-required", Severity: Warning, Path: "activities[0]", Message: "m", Citation: "c"},
	})
	if rep.Errors != 1 || rep.Warnings != 1 || rep.Infos != 0 {
		t.Errorf("counts %d/%d/%d, want 1/1/0", rep.Errors, rep.Warnings, rep.Infos)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"asOf":"2026-12-06"`, `"regime":"uk"`, `"file":"register.yaml"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("%s lacks %s", b, want)
		}
	}
	var back Report
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(rep, back); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
	empty, err := json.Marshal(Report{})
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"regime":"","asOf":"","findings":[],"errors":0,"warnings":0,"infos":0}`; string(empty) != want {
		t.Errorf("empty report = %s, want %s", empty, want)
	}
	if !json.Valid(ReportSchema()) {
		t.Error("ReportSchema is not JSON")
	}
}
