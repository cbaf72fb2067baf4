package notice

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// referee is a custom category held only about referees.
const referee ropa.Category = "custom: Your job title and organisation"

// twoGroups returns a UK register with one recruitment activity about job
// applicants and their referees, in which almost every fact is scoped to
// one of the two groups: for applicants a contract basis, pay, health,
// criminal offence and reference data, their own application forms as the
// source (and no other, stated), a processor in India, a solely automated
// shortlisting decision and the pre-contract requirement; for referees a
// legitimate-interests purpose, their job title, the applicant as the
// source of their details, and no recipients outside the organisation, no
// transfers and no automated decisions (stated). A legal-obligation
// purpose, identifiers, contact details, an internal recipient and a
// six-month retention rule concern both.
func twoGroups() *ropa.Register {
	app := []ropa.Subject{ropa.JobApplicants}
	ref := []ropa.Subject{ropa.Referees}
	cat := func(c ropa.Category, s []ropa.Subject) ropa.DataCategory {
		return ropa.DataCategory{Category: c, Subjects: s}
	}
	return &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Acme Ltd", Address: "1 High Street, Leeds LS1 1AA", Email: "info@acme.example"},
		DPO:          ropa.Contact{Name: "Dee Poe", Email: "dpo@acme.example"},
		Complaints:   ropa.ComplaintRoute{Form: "https://acme.example/complaints"},
		Activities: []ropa.Activity{{
			ID: "recruitment", Name: "Recruitment",
			DataSubjects: []ropa.Subject{ropa.JobApplicants, ropa.Referees},
			Purposes: []ropa.Purpose{
				{Description: "Assess your application", Basis: lawfulbasis.Contract, Subjects: app},
				{Description: "Ask for and read references", Basis: lawfulbasis.LegitimateInterests,
					Interest: "Checking what applicants tell us", Subjects: ref},
				{Description: "Keep records of the recruitment round", Basis: lawfulbasis.LegalObligation, Provision: "Equality Act 2010 s39"},
			},
			DataCategories: []ropa.DataCategory{
				ropa.Cat(ropa.Identifiers), ropa.Cat(ropa.ContactDetails),
				cat(ropa.PayAndBenefits, app), cat(ropa.Health, app), cat(ropa.CriminalOffences, app), cat(ropa.References, app),
				cat(referee, ref),
			},
			Special:  ropa.SpecialCategory{Conditions: []lawfulbasis.Condition{lawfulbasis.EmploymentLaw}, Schedule1: []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment}},
			Criminal: ropa.CriminalOffence{Schedule1: []lawfulbasis.Schedule1{lawfulbasis.Sch1Employment}},
			Sources: []ropa.Source{
				{Kind: ropa.FromSubject, Name: "Application forms and CVs", Subjects: app},
				{Kind: ropa.FromThirdParty, Name: "The referee's own details come from the applicant", Subjects: ref},
			},
			Recipients: []ropa.Recipient{
				{Name: "HireHub Ltd", Kind: ropa.Processor, Country: "IN", Contract: "DPA-1", Subjects: app},
				{Name: "Recruitment team", Kind: ropa.Internal},
			},
			Transfers: []ropa.Transfer{{Country: "IN", Recipient: "HireHub Ltd", Mechanism: lawfulbasis.IDTA, ProtectionTest: "TRA-1", Subjects: app}},
			Retention: []ropa.Retention{
				{Rule: retention.MustParse("P6M from end-of-recruitment")},
				{Categories: []ropa.Category{ropa.PayAndBenefits}, Rule: retention.MustParse("P6Y from termination-of-employment"), Subjects: app},
			},
			Automated: []ropa.Decision{{Description: "Shortlisting", Solely: true, Significant: true, Logic: "A score ranks applications",
				Consequences: "You may not be shortlisted", Safeguards: ropa.DecisionSafeguards(), Subjects: app}},
			Provision: ropa.Provision{Requirement: ropa.PreContract, Consequences: "We cannot consider your application.", Subjects: app},
			None: []ropa.None{
				{Fact: ropa.FactOtherSources, Subjects: app},
				{Fact: ropa.FactRecipients, Subjects: ref},
				{Fact: ropa.FactTransfers, Subjects: ref},
				{Fact: ropa.FactAutomated, Subjects: ref},
			},
		}},
	}
}

// What the notice says from the facts of twoGroups, by the group they
// concern: the phrases of each group must appear for it and never for the
// other, and the shared ones for both.
var (
	applicantsOnly = []string{
		"Assess your application",
		"Contract: we need it for a contract with you",
		"Your pay and benefits",
		"Information about your health, including disability (special category data)",
		"Information about criminal convictions and offences (criminal offence data)",
		"References",
		"meet our obligations or exercise rights in employment", // the Art 9(2)(b) condition
		"Application forms and CVs",
		"We do not get it from anyone else.",
		"HireHub Ltd",
		"India",
		"6 years from the date your employment ends",
		"We need this information before we can enter into a contract with you.",
		"We cannot consider your application.",
		"We make some important decisions about you by computer alone",
		"What is decided: Shortlisting.",
		"A score ranks applications",
		"You may not be shortlisted",
	}
	refereesOnly = []string{
		"Ask for and read references",
		"Checking what applicants tell us",
		"Legitimate interests:",
		"Your job title and organisation",
		"The referee's own details come from the applicant",
		"We do not share your information with anyone outside our organisation.",
		"We do not send your information outside the", // the UK, or the European Economic Area
		"We make no decisions about you by computer alone.",
	}
	bothGroups = []string{
		"Keep records of the recruitment round",
		"Equality Act 2010 s39",
		"Your name and other identifiers",
		"Your contact details",
		"Recruitment team",
		"6 months from the end of the recruitment process",
	}
)

// renderings returns the notice's text in each format, with white space
// collapsed and markup removed.
func renderings(n *Notice) map[string]string {
	return map[string]string{
		"text":     flat(n.Text()),
		"markdown": flat(mdText(n.Markdown())),
		"html":     flat(htmlText(n.HTML())),
	}
}

// groupText returns the plain text a reader of one group's section is
// told about the group in a notice: its section (from its level-2 heading,
// which may name other groups with the same sections, to the next level-2
// section), the meanings of the lawful bases its table names, the
// automated decisions section's part for it, and the sections every group
// shares.
func groupText(n *Notice, heading string) string {
	group := strings.TrimPrefix(heading, "Information about ")
	// includes reports whether a list of groups ("a, b and c"; "a; b and
	// c; and d") names the group.
	includes := func(list string) bool {
		list = strings.ToLower(strings.TrimSuffix(list, ":"))
		g := strings.ToLower(group)
		for _, sep := range []string{", ", "; ", " and ", "; and "} {
			if strings.HasPrefix(list, g+sep) || strings.HasSuffix(list, sep+g) {
				return true
			}
			for _, sep2 := range []string{", ", "; ", " and ", "; and "} {
				if strings.Contains(list, sep+g+sep2) {
					return true
				}
			}
		}
		return list == g
	}
	shared := map[string]bool{}
	for _, h := range []string{adult.purposesHeading, adult.infoHeading, adult.sourcesHeading, adult.sharingHeading,
		adult.transfersHeading[0], adult.transfersHeading[1], adult.retentionHeading, adult.provisionHeading} {
		shared[h] = true
	}
	var b strings.Builder
	write := func(bl Block) {
		switch bl := bl.(type) {
		case Paragraph:
			b.WriteString(bl.Text + "\n")
		case List:
			b.WriteString(strings.Join(bl.Items, "\n") + "\n")
		case Link:
			b.WriteString(linkText(bl) + "\n")
		case Table:
			b.WriteString(bl.Caption + "\n")
			for _, r := range bl.Rows {
				b.WriteString(strings.Join(r, "\n") + "\n")
			}
		}
	}
	in := false
	for _, s := range n.Sections {
		if s.Level == 2 {
			in = strings.HasPrefix(s.Heading, "Information about ") && includes(strings.TrimPrefix(s.Heading, "Information about "))
		}
		if !in {
			continue
		}
		b.WriteString(s.Heading + "\n")
		for _, bl := range s.Blocks {
			write(bl)
		}
	}
	own := b.String()
	for _, s := range n.Sections {
		switch {
		case s.Level == 2 && s.Heading == adult.basesHeading:
			for _, it := range items(&s) {
				title, _, _ := strings.Cut(it, ": ")
				if strings.Contains(own, title+".") {
					b.WriteString(it + "\n")
				}
			}
		case s.Level == 2 && s.Heading == adult.adHeading:
			mine := true
			for _, bl := range s.Blocks {
				if p, ok := bl.(Paragraph); ok && isGroupsLine(p.Text) {
					mine = includes(p.Text)
					continue
				}
				if mine {
					write(bl)
				}
			}
		case s.Level == 2 && shared[s.Heading]:
			b.WriteString(s.Heading + "\n")
			for _, bl := range s.Blocks {
				write(bl)
			}
		}
	}
	return b.String()
}

// isGroupsLine reports whether a paragraph of the automated decisions
// section names the groups the blocks after it are about ("Job applicants:").
func isGroupsLine(text string) bool {
	return strings.HasSuffix(text, ":") && !strings.Contains(text, ". ") && len(strings.Fields(text)) < 12
}

// TestGroupsDoNotCross checks, on a two-group activity under each regime,
// that the notice for each group states every fact scoped to it and the
// shared ones, and nothing scoped to the other group, in every format; and
// that in the notice for both groups each group's section does the same.
func TestGroupsDoNotCross(t *testing.T) {
	at := day(2026, time.November, 23)
	for _, tc := range []struct {
		regime    lawfulbasis.Regime
		group     ropa.Subject
		want, not []string
	}{
		{lawfulbasis.UK, ropa.JobApplicants, applicantsOnly, refereesOnly},
		{lawfulbasis.UK, ropa.Referees, refereesOnly, applicantsOnly},
		{lawfulbasis.EU, ropa.JobApplicants, applicantsOnly, refereesOnly},
		{lawfulbasis.EU, ropa.Referees, refereesOnly, applicantsOnly},
	} {
		t.Run(tc.regime.String()+" "+string(tc.group), func(t *testing.T) {
			reg := twoGroups()
			reg.Jurisdiction = tc.regime
			if tc.regime == lawfulbasis.EU {
				reg.Activities[0].Transfers[0].Mechanism = lawfulbasis.SCC
				reg.Authority.Code = "ie"
			}
			if err := reg.Validate(); err != nil {
				t.Fatalf("the test register is not valid: %v", err)
			}
			n := mustGenerate(t, reg, at, Audience(tc.group))
			for format, text := range renderings(n) {
				for _, s := range append(slices.Clone(tc.want), bothGroups...) {
					if !strings.Contains(text, s) {
						t.Errorf("%s: lacks %q", format, s)
					}
				}
				for _, s := range tc.not {
					if strings.Contains(text, s) {
						t.Errorf("%s: states %q, which the register records only for the other group", format, s)
					}
				}
			}
			// In the notice for both groups, the group's own section.
			all := mustGenerate(t, reg, at)
			text := flat(groupText(all, "Information about "+subjectPlain(tc.group)))
			for _, s := range append(slices.Clone(tc.want), bothGroups...) {
				if !strings.Contains(text, s) {
					t.Errorf("all: the section about %s lacks %q", tc.group, s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(text, s) {
					t.Errorf("all: the section about %s states %q", tc.group, s)
				}
			}
		})
	}
}

// TestGroupRights checks that each group's rights come from the bases of
// its own purposes and the decisions about it: portability (contract) and
// the automated decision rights for applicants, the right to object
// (legitimate interests) for referees, and in the notice for both, each
// right once, naming the groups it is for where not all have it.
func TestGroupRights(t *testing.T) {
	reg := twoGroups()
	at := day(2026, time.November, 23)
	portability, object, adm := rights.Portability.Title(), rights.Object.Title(), rights.AutomatedDecisions.Title()
	for _, tc := range []struct {
		group     ropa.Subject
		want, not []string
	}{
		{ropa.JobApplicants, []string{portability, adm, rights.Erasure.Title()}, []string{object}},
		{ropa.Referees, []string{object, rights.Erasure.Title()}, []string{portability, adm}},
	} {
		t.Run(string(tc.group), func(t *testing.T) {
			got := rightTitles(mustGenerate(t, reg, at, Audience(tc.group)))
			for _, r := range tc.want {
				if !slices.Contains(got, r) {
					t.Errorf("rights %q lack %q", got, r)
				}
			}
			for _, r := range tc.not {
				if slices.Contains(got, r) {
					t.Errorf("rights %q include %q", got, r)
				}
			}
		})
	}
	// In the notice for both, each right once: those only some groups
	// have name them.
	n := mustGenerate(t, reg, at)
	got := items(section(n, "Your rights"))
	var titles []string
	for _, it := range got {
		title, _, _ := strings.Cut(it, ": ")
		if _, who, ok := strings.Cut(it, " This right is for "); ok {
			title += " (" + strings.TrimSuffix(who, ".") + ")"
		}
		titles = append(titles, title)
	}
	want := []string{rights.Access.Title(), rights.Rectification.Title(), rights.Erasure.Title(), rights.Restriction.Title(),
		portability + " (job applicants)", object + " (referees)", adm + " (job applicants)"}
	if diff := cmp.Diff(want, titles); diff != "" {
		t.Errorf("rights of both groups (-want +got):\n%s", diff)
	}
}

// TestStatedNone checks, for each fact a notice may deny, that it says
// "we do not ..." only where the register states there is none, says
// nothing where the register does not record the fact, and that the
// coverage item is then missing, naming the activity and how to state it.
func TestStatedNone(t *testing.T) {
	for _, tc := range []struct {
		fact     ropa.Fact
		sentence string
		art      []string // the items missing when the fact is not recorded
		// setup removes what the small register lists of the fact.
		setup func(a *ropa.Activity)
	}{
		{ropa.FactAutomated, "We make no decisions about you by computer alone.", []string{"13(2)(f)"}, nil},
		{ropa.FactTransfers, "We do not send your information outside the UK.", []string{"13(1)(f)"}, nil},
		{ropa.FactOtherSources, "We get information from you. We do not get it from anyone else.", []string{"14(1)(d)", "14(2)(f)"}, nil},
		{ropa.FactRecipients, "We do not share your information with anyone outside our organisation.", []string{"13(1)(e)"},
			func(a *ropa.Activity) { a.Recipients = nil }},
	} {
		t.Run(string(tc.fact), func(t *testing.T) {
			reg := small(lawfulbasis.UK, lawfulbasis.Contract)
			if tc.setup != nil {
				tc.setup(&reg.Activities[0])
			}
			n := mustGenerate(t, reg, lawDay)
			text := flat(n.Text())
			if strings.Contains(text, tc.sentence) {
				t.Errorf("not recorded: the notice says %q", tc.sentence)
			}
			if strings.Contains(text, "We do not get") || strings.Contains(text, "only from you") {
				t.Error("not recorded: the notice says the data come only from the person")
			}
			for _, art := range tc.art {
				it, _ := coverage(n, art)
				if it.Filled || !strings.Contains(it.Reason, `activity "hr" records neither`) || !strings.Contains(it.Reason, "none: ["+string(tc.fact)+"]") {
					t.Errorf("not recorded: %s = %+v, want missing", art, it)
				}
			}

			reg.Activities[0].None = []ropa.None{{Fact: tc.fact}}
			n = mustGenerate(t, reg, lawDay)
			if !strings.Contains(flat(n.Text()), tc.sentence) {
				t.Errorf("stated none: the notice does not say %q", tc.sentence)
			}
			for _, art := range tc.art {
				if it, _ := coverage(n, art); !it.Filled {
					t.Errorf("stated none: %s = %+v, want filled", art, it)
				}
			}
		})
	}
	// With no source at all, none stated: only from the person.
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities[0].Sources = nil
	reg.Activities[0].None = []ropa.None{{Fact: ropa.FactOtherSources}}
	if text := flat(mustGenerate(t, reg, lawDay).Text()); !strings.Contains(text, "We get your information only from you.") {
		t.Error("no sources, none stated: the notice does not say the data come only from the person")
	}
	// A named source and another kind: the list, then the denial.
	reg.Activities[0].Sources = []ropa.Source{{Kind: ropa.FromSubject, Name: "Forms"}, {Kind: ropa.Observed, Name: "Door entry logs"}}
	got := items(section(mustGenerate(t, reg, lawDay), adult.sourcesHeading))
	if want := []string{"You: Forms", "What we record when you use our services: Door entry logs"}; !slices.Equal(got, want) {
		t.Errorf("sources = %q, want %q", got, want)
	}
	// Stated for one group, none for another, not recorded for a third:
	// each group is told only its own.
	reg = small(lawfulbasis.UK, lawfulbasis.Contract)
	a := &reg.Activities[0]
	a.DataSubjects = []ropa.Subject{ropa.Employees, ropa.NextOfKin, ropa.Volunteers}
	a.Automated = []ropa.Decision{{Solely: true, Significant: true, Logic: "A score", Consequences: "No shifts", Safeguards: ropa.DecisionSafeguards(), Subjects: []ropa.Subject{ropa.Employees}}}
	a.None = []ropa.None{{Fact: ropa.FactAutomated, Subjects: []ropa.Subject{ropa.NextOfKin}}}
	n := mustGenerate(t, reg, lawDay)
	for group, want := range map[ropa.Subject]string{
		ropa.Employees:  "We make some important decisions about you by computer alone",
		ropa.NextOfKin:  "We make no decisions about you by computer alone.",
		ropa.Volunteers: "",
	} {
		text := flat(groupText(n, "Information about "+subjectPlain(group)))
		if want != "" && !strings.Contains(text, want) {
			t.Errorf("%s: lacks %q", group, want)
		}
		if want == "" && strings.Contains(text, "automated") {
			t.Errorf("%s: speaks of automated decisions the register says nothing about for them:\n%s", group, text)
		}
	}
	if it, _ := coverage(n, "13(2)(f)"); it.Filled || !strings.Contains(it.Reason, "for volunteers") || strings.Contains(it.Reason, "next of kin") {
		t.Errorf("13(2)(f) = %+v, want missing for volunteers only", it)
	}
}

// TestDirectMarketing checks that a direct marketing purpose brings the
// right to object to it (Art 21(2)), stated as absolute (Art 21(3)) in a
// section of its own (Art 21(4)), under consent and under legitimate
// interests alike, and only for the groups whose purposes are direct
// marketing.
func TestDirectMarketing(t *testing.T) {
	const sentence = "You can object at any time to our use of your information for direct marketing. We must then stop. We cannot refuse."
	for _, tc := range []struct {
		name   string
		basis  lawfulbasis.Basis
		dm     bool
		object bool // the Art 21(1) right, which depends on the basis
	}{
		{"consent", lawfulbasis.Consent, true, false},
		{"legitimate interests", lawfulbasis.LegitimateInterests, true, true},
		{"no basis recorded", 0, true, false},
		{"not direct marketing", lawfulbasis.LegitimateInterests, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := small(lawfulbasis.UK)
			reg.Activities[0].Purposes = []ropa.Purpose{{Description: "Send you offers", Basis: tc.basis, Interest: "Selling our courses", DirectMarketing: tc.dm}}
			n := mustGenerate(t, reg, lawDay)
			s := section(n, adult.dmHeading)
			if (s != nil) != tc.dm {
				t.Fatalf("direct marketing section = %+v, want one %v", s, tc.dm)
			}
			if tc.dm {
				if len(s.Blocks) != 1 || s.Blocks[0] != (Paragraph{Text: sentence}) {
					t.Errorf("direct marketing section = %+v, want %q", s.Blocks, sentence)
				}
				if s.Level != 3 || n.Sections[slices.IndexFunc(n.Sections, func(x Section) bool { return x.Heading == adult.dmHeading })-1].Heading != "Your rights" {
					t.Error("the direct marketing section does not follow the rights")
				}
				if it, _ := coverage(n, "13(2)(b)"); !slices.Contains(it.Fields, "activities[].purposes[].directMarketing") {
					t.Errorf("13(2)(b) fields %q lack directMarketing", it.Fields)
				}
			}
			if got := slices.Contains(rightTitles(n), rights.Object.Title()); got != tc.object {
				t.Errorf("Art 21(1) right listed = %v, want %v", got, tc.object)
			}
			if strings.Contains(strings.Join(items(section(n, "Your rights")), "\n"), "direct marketing") {
				t.Error("the direct marketing right is in the list, not separate from the other information")
			}
		})
	}
	// Scoped to one of two groups.
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	a := &reg.Activities[0]
	a.DataSubjects = []ropa.Subject{ropa.Customers, ropa.Employees}
	a.Purposes = append(a.Purposes, ropa.Purpose{Description: "Send you offers", Basis: lawfulbasis.Consent, DirectMarketing: true, Subjects: []ropa.Subject{ropa.Customers}})
	if s := section(mustGenerate(t, reg, lawDay, Audience(ropa.Employees)), adult.dmHeading); s != nil {
		t.Errorf("employees are told of a direct marketing right: %+v", s)
	}
	s := section(mustGenerate(t, reg, lawDay), adult.dmHeading)
	if s == nil || len(s.Blocks) != 2 || s.Blocks[1] != (Paragraph{Text: "This right is for customers."}) {
		t.Errorf("direct marketing section for both groups = %+v", s)
	}
}

// TestAudienceCoverage checks that the coverage of a notice for one group
// counts only what the register records for that group: a referees'
// notice is not filled by the applicants' transfer, nor missing for the
// applicants' gaps.
func TestAudienceCoverage(t *testing.T) {
	reg := twoGroups()
	reg.Activities[0].Purposes[0].Basis = 0 // the applicants' purpose loses its basis
	n := mustGenerate(t, reg, lawDay, Audience(ropa.Referees))
	for _, it := range n.Coverage() {
		if !it.Filled {
			t.Errorf("referees: %s missing: %s", it.Article, it.Reason)
		}
		for _, f := range it.Fields {
			if strings.HasPrefix(f, "activities[].transfers") || strings.HasPrefix(f, "activities[].automated") || strings.HasPrefix(f, "activities[].provision") {
				t.Errorf("referees: %s filled from %s, which the register records only for applicants", it.Article, f)
			}
		}
	}
	n = mustGenerate(t, reg, lawDay, Audience(ropa.JobApplicants))
	if it, _ := coverage(n, "13(1)(c)"); it.Filled || !strings.Contains(it.Reason, "Assess your application") {
		t.Errorf("applicants: 13(1)(c) = %+v", it)
	}
}
