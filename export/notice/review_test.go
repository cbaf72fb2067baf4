package notice

import (
	"slices"
	"strings"
	"testing"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// The statements an independent review of the seed notices found false or
// misleading, each as a case the notice must now get right.

// twoLists returns a register of two activities: job applicants, whose
// processors are A, B and C, and website visitors, whose processors are
// only A and B, or all three when same is true. Recipient names are long
// enough (12 words or more) to be linked rather than repeated.
func twoLists(same bool) *ropa.Register {
	long := func(s string) string {
		return s + " Ltd, which hosts and supports the systems we use for this work for us"
	}
	rec := func(names ...string) []ropa.Recipient {
		var out []ropa.Recipient
		for _, n := range names {
			out = append(out, ropa.Recipient{Name: long(n), Kind: ropa.Processor})
		}
		return out
	}
	visitors := rec("Alpha", "Beta")
	if same {
		visitors = rec("Alpha", "Beta", "Gamma")
	}
	// A recipient of their own, so that the visitors' sharing differs
	// from the applicants' and is not one shared section.
	visitors = append(visitors, ropa.Recipient{Name: "Web Analytics Ltd", Kind: ropa.ThirdParty})
	act := func(id string, s ropa.Subject, r []ropa.Recipient) ropa.Activity {
		return ropa.Activity{
			ID: id, Name: id,
			DataSubjects:   []ropa.Subject{s},
			DataCategories: ropa.Cats(ropa.ContactDetails),
			Purposes:       []ropa.Purpose{{Description: "To run " + id, Basis: lawfulbasis.Contract}},
			Sources:        []ropa.Source{{Kind: ropa.FromSubject}},
			Recipients:     r,
		}
	}
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities = []ropa.Activity{
		act("recruitment", ropa.JobApplicants, rec("Alpha", "Beta", "Gamma")),
		act("website", ropa.WebsiteVisitors, visitors),
	}
	return reg
}

// A group whose list is part of an earlier group's list has its own
// list: the notice must not call it "the same" and send the reader to a
// longer one. A list that is the same says what is the same.
func TestSameListIsWholeList(t *testing.T) {
	text := flat(mustGenerate(t, twoLists(false), lawDay).Text())
	if strings.Contains(text, "same organisations") || strings.Contains(text, "this is the same as for job applicants") {
		t.Errorf("a shorter list is called the same as a longer one:\n%s", text)
	}
	if got := strings.Count(text, "Beta Ltd"); got != 2 {
		t.Errorf("Beta Ltd listed %d times, want once per group", got)
	}

	text = flat(mustGenerate(t, twoLists(true), lawDay).Text())
	want := "The same organisations work for us as for job applicants (the law calls them processors): see"
	if !strings.Contains(text, want) {
		t.Errorf("the same list is not linked as %q:\n%s", want, text)
	}
	if got := strings.Count(text, "Gamma Ltd"); got != 1 {
		t.Errorf("Gamma Ltd listed %d times, want once (then linked)", got)
	}
}

// Sources of one kind are one item: the label is said once.
func TestSourcesMergedByKind(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities[0].Sources = []ropa.Source{
		{Kind: ropa.FromSubject, Name: "Application form"},
		{Kind: ropa.FromThirdParty, Name: "Referees"},
		{Kind: ropa.FromSubject, Name: "Interviews"},
	}
	got := items(section(mustGenerate(t, reg, lawDay), "Where we get your information"))
	want := []string{"You: Application form; Interviews", "Referees"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sources = %q, want %q", got, want)
	}
}

// "We get information from you" where the register records the person as
// a source but not whether there are others; "We do not get it from anyone
// else" only where it states there are none.
func TestFromYouNotOnly(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	text := flat(mustGenerate(t, reg, lawDay).Text())
	if !strings.Contains(text, "We get information from you.") || strings.Contains(text, "anyone else") || strings.Contains(text, "this information yourself") {
		t.Errorf("not recorded: the notice claims more than the register:\n%s", text)
	}
	reg.Activities[0].None = []ropa.None{{Fact: ropa.FactOtherSources}}
	text = flat(mustGenerate(t, reg, lawDay).Text())
	if !strings.Contains(text, "We get information from you. We do not get it from anyone else.") {
		t.Errorf("stated none: the notice does not say so:\n%s", text)
	}
}

// How to withdraw consent is the register's consent.withdrawal where it
// records one, not "in the same way" as the rights.
func TestWithdrawalFromRegister(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Consent)
	text := flat(mustGenerate(t, reg, lawDay).Text())
	if !strings.Contains(text, adult.howWithdraw) {
		t.Errorf("no withdrawal route recorded: want %q", adult.howWithdraw)
	}
	reg.Activities[0].Consent.Withdrawal = "use the unsubscribe link in any email we send"
	n := mustGenerate(t, reg, lawDay)
	text = flat(n.Text())
	if strings.Contains(text, adult.howWithdraw) || !strings.Contains(text, "Use the unsubscribe link in any email we send.") {
		t.Errorf("the register's way to withdraw is not given:\n%s", text)
	}
	var srcs []string
	for _, bs := range section(n, "Your rights").Sources {
		srcs = append(srcs, bs...)
	}
	if !slices.Contains(srcs, "activities[0].consent.withdrawal") {
		t.Errorf("rights section sources %q lack consent.withdrawal", srcs)
	}
}

// The right to object is said to be for uses on legitimate interests or a
// public task (Art 21(1), (ea) being a kind of legitimate interests in
// plain words), with the override test, not for every use.
func TestObjectWording(t *testing.T) {
	n := mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.LegitimateInterests), lawDay)
	text := flat(n.Text())
	for _, want := range []string{
		"You can object to uses based on our legitimate interests or a public task.",
		"unless we have strong reasons that outweigh your interests or need it for a legal claim",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

// Complaint details that already invite people to raise concerns are not
// followed by a generated sentence saying they can complain.
func TestSaysComplain(t *testing.T) {
	for _, tt := range []struct {
		details string
		want    bool
	}{
		{"You can complain to our DPO.", true},
		{"You have the right to make a complaint.", true},
		{"If you are unsatisfied with the way in which we process your personal data, we ask that you let us know.", true},
		{"If you have any concerns about our use of your data, contact the DPO.", true},
		{"Write to the DPO at the address above.", false},
		{"", false},
	} {
		if got := saysComplain(tt.details); got != tt.want {
			t.Errorf("saysComplain(%q) = %v, want %v", tt.details, got, tt.want)
		}
	}
}

// A recipient whose name says it is outside the UK is not said to be
// "outside the UK" twice.
func TestTransferOutsideOnce(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	a := &reg.Activities[0]
	a.Recipients = append(a.Recipients, ropa.Recipient{Name: "Websites outside the UK that show our adverts", Kind: ropa.ThirdParty})
	a.Transfers = []ropa.Transfer{{Country: "ZZ", Recipient: "Websites outside the UK that show our adverts"}}
	text := flat(mustGenerate(t, reg, lawDay).Text())
	if strings.Count(text, "outside the UK") != strings.Count(text, "Websites outside the UK")+strings.Count(text, "Sending your information outside the UK") {
		t.Errorf("'outside the UK' said beside a name that says it:\n%s", text)
	}
	if !strings.Contains(text, "We send your information to Websites outside the UK that show our adverts.") {
		t.Errorf("transfer not stated:\n%s", text)
	}
}

// A DPO recorded by the role alone is not introduced as if named ("Our
// data protection officer is Data Protection Officer.").
func TestDPORoleOnly(t *testing.T) {
	for _, name := range []string{"Data Protection Officer", "the DPO", "DPO."} {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.DPO.Name = name
		text := flat(mustGenerate(t, reg, lawDay).Text())
		if strings.Contains(text, "Our data protection officer is "+name) {
			t.Errorf("%q: introduced as a name", name)
		}
		if !strings.Contains(text, "You can contact our data protection officer by email at dpo@acme.example.") {
			t.Errorf("%q: no way to contact the DPO", name)
		}
	}
}

// The register's version is not printed as a claim about the notice.
func TestVersionNotPrinted(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Version = "1.0"
	if text := flat(mustGenerate(t, reg, lawDay).Text()); strings.Contains(text, "version 1.0") {
		t.Errorf("version printed:\n%s", text)
	}
}

// The regulator's postal address is given only when the notice has no
// quicker way to reach it (phone or website).
func TestRegulatorPostOnly(t *testing.T) {
	for _, tt := range []struct {
		name string
		reg  Regulator
		want bool
	}{
		{"phone and website", Regulator{Name: "Information Commission", Address: "Wycliffe House, Wilmslow SK9 5AF", Phone: "0303 123 1113", Website: "https://ico.org.uk"}, false},
		{"address and email only", Regulator{Name: "Information Commission", Address: "Wycliffe House, Wilmslow SK9 5AF", Email: "icocasework@ico.org.uk"}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := flat(mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.Contract), lawDay, Authority(tt.reg)).Text())
			if got := strings.Contains(text, "SK9 5AF"); got != tt.want {
				t.Errorf("address given = %v, want %v:\n%s", got, tt.want, text)
			}
		})
	}
}

// TestRetentionSaidOnce: where the register's own schedule already states
// every period of the rule, the notice gives the schedule alone, not the
// rule's sentence and then the schedule saying the same (issue 17). A
// schedule that does not state them, or a rule with no period, keeps the
// rule's sentence.
func TestRetentionSaidOnce(t *testing.T) {
	tests := []struct {
		rule, schedule string
		sentence       bool // the rule's sentence is given
	}{
		{"P6Y from termination-of-employment", "We keep your contract for 6 years after your employment ends.", false},
		{"P12M from collection", "Job alert sign-ups are kept for twelve months.", false},
		{"P5Y from end-of-financial-year", "For the current financial year and 5 more years after it.", false},
		{"P1Y from appointment unless sponsored-visa: P7Y", "Applications are kept for 1 year from the appointment.", true},
		{"P1Y from appointment unless sponsored-visa: P7Y", "1 year from the appointment, or 7 years where the Home Office requires it.", false},
		{"P6Y from termination-of-employment", "We keep it as long as the law requires.", true},
		{"P6Y from termination-of-employment", "6 months after the audit, then 6 more.", true}, // 6 is not followed by years
		{"P6M from end-of-recruitment", "", true},
		{"until passed-to-payroll", "Until we pass them to payroll.", true},
	}
	for _, tc := range tests {
		rule := retention.MustParse(tc.rule)
		r := ropa.Retention{Rule: rule, Schedule: tc.schedule}
		g := &gen{ph: adult}
		got := g.retentionTextOf(&r)
		if has := strings.Contains(got, rule.Sentence()); has != tc.sentence {
			t.Errorf("%q with schedule %q: %q; want the rule's sentence given: %v", tc.rule, tc.schedule, got, tc.sentence)
		}
		if tc.schedule != "" && !strings.Contains(got, strings.TrimSuffix(tc.schedule, ".")) {
			t.Errorf("%q: %q lost the schedule %q", tc.rule, got, tc.schedule)
		}
	}
}
