package ropa

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
)

// ymd is a calendar date in UTC, for AsOf.
func ymd(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// Dates the law changed on, and the date the rule tests apply the law at.
var (
	// lawToday is the date of the module's legal data (lawfulbasis.LawAsOf).
	lawToday = ymd(2026, time.November, 23)
	// duaaDay is the commencement of most of the DUAA's data protection
	// provisions (SI 2026/82 reg 2).
	duaaDay = ymd(2026, time.February, 5)
	// complaintsDay is the commencement of DPA 2018 s164A (SI 2026/82 reg 3).
	complaintsDay = ymd(2026, time.June, 19)
	// schremsDay is the Court of Justice's judgment in C-311/18.
	schremsDay = ymd(2020, time.July, 16)
	// beforeSchrems is a day on which the Privacy Shield was still valid.
	beforeSchrems = ymd(2019, time.June, 1)
)

// compliantRegister returns a complete register that no built-in rule
// finds fault with under the UK regime on 23 November 2026: a private
// company with a DPO and a complaints route with an electronic form, one
// activity on contract and legitimate interests, a processor with a
// contract, a certified US transfer on the Data Privacy Framework, an
// intra-group transfer on binding corporate rules with a documented data
// protection test, retention for every data category, and a statement
// that it makes no automated decisions. Under the EU regime it needs a
// supervisory authority as well (see withAuthority). Every call returns a
// fresh copy that tests may change.
func compliantRegister() *Register {
	return &Register{
		Jurisdiction: lawfulbasis.UK,
		Controller: Organisation{
			Name:         "Northwind Careers Ltd",
			Address:      "1 Park Row, Leeds LS1 5AB",
			Email:        "privacy@northwind.example",
			Phone:        "0113 496 0000",
			Website:      "https://northwind.example",
			Registration: "ZA123456",
			Headcount:    From250,
		},
		DPO:        Contact{Name: "Dana Okafor", Email: "dpo@northwind.example", Phone: "0113 496 0001"},
		Complaints: ComplaintRoute{Form: "https://northwind.example/privacy/complaints", Email: "complaints@northwind.example", Details: "Acknowledged within 30 days; outcome without undue delay."},
		Activities: []Activity{{
			ID:               "customer-orders",
			Name:             "Customer orders",
			BusinessFunction: "Sales",
			Owner:            "Head of Sales",
			Purposes: []Purpose{
				{Description: "Take and fulfil customer orders", Basis: lawfulbasis.Contract},
				{Description: "Detect fraudulent orders", Basis: lawfulbasis.LegitimateInterests,
					Interest: "Protecting the business and its customers from fraud", Assessment: "LIA-2026-004"},
			},
			DataSubjects:   []Subject{Customers},
			DataCategories: Cats(Identifiers, ContactDetails, Financial),
			Sources:        []Source{{Kind: FromSubject, Name: "Online order form"}},
			Provision:      Provision{Requirement: Contractual, Consequences: "We cannot take the order."},
			Recipients: []Recipient{
				{Name: "Finance team", Kind: Internal},
				{Name: "CloudCo Inc", Kind: Processor, Country: "US", Contract: "CloudCo DPA v3 (2024)"},
				{Name: "Northwind India Pvt Ltd", Kind: ThirdParty, Country: "IN"},
			},
			Transfers: []Transfer{
				{Country: "US", Recipient: "CloudCo Inc", Mechanism: lawfulbasis.DataPrivacyFramework, Certified: true, Since: NewDate(2024, time.April, 1)},
				{Country: "IN", Recipient: "Northwind India Pvt Ltd", Mechanism: lawfulbasis.BCR, ProtectionTest: "TRA-2026-007", Since: NewDate(2026, time.March, 2)},
			},
			Retention: []Retention{
				{Categories: []Category{Financial}, Rule: retention.MustParse("P6Y from end-of-financial-year then delete source statute: Limitation Act 1980 s5"),
					Minimum: retention.Period{Years: 6}, MinimumSource: "Limitation Act 1980 s5"},
				{Categories: []Category{Identifiers, ContactDetails}, Rule: retention.MustParse("P2Y from last-contact")},
			},
			Security:  []string{"Encryption at rest and in transit", "Role-based access control"},
			None:      []None{{Fact: FactAutomated}},
			DPIA:      DPIA{Required: No, Reference: "Screening DPIA-S-012"},
			Breach:    Breach{Occurred: No},
			Systems:   []string{"Shop platform"},
			Locations: []string{"UK data centre"},
		}},
		ProcessorRecords: []ProcessorRecord{{
			Controller: "Leeds Schools Trust, dpo@lst.example",
			Processing: []string{"Hosting of the careers portal"},
			Security:   []string{"ISO 27001 certified hosting"},
		}},
		ReviewDate: NewDate(2026, time.October, 1),
		Version:    "2026.2",
	}
}

// printFindings lists findings one per line, for failure messages.
func printFindings(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintf(&b, "\n\t%s %s %s: %s (%s)", f.Severity, f.Rule, f.Path, f.Message, f.Citation)
	}
	return b.String()
}

// withAuthority names the Irish Data Protection Commission as the lead
// authority under the EU regime (GDPR Art 13(2)(d)); the UK regime needs
// none.
func withAuthority(r *Register) {
	if r.Jurisdiction == lawfulbasis.EU {
		r.Authority = SupervisoryAuthority{Code: "ie", Name: "Data Protection Commission"}
	}
}

func TestCompliantRegisterHasNoFindings(t *testing.T) {
	for _, r := range lawfulbasis.Regimes() {
		reg := compliantRegister()
		reg.Jurisdiction = r
		withAuthority(reg)
		rep := Check(reg, lawToday)
		if len(rep.Findings) > 0 {
			t.Errorf("Check(compliant %v register, AsOf 2026-11-23) has %d findings:%s", r, len(rep.Findings), printFindings(rep.Findings))
		}
		if err := reg.Validate(); err != nil {
			t.Errorf("compliant %v register does not validate:\n%v", r, err)
		}
	}
}

// act0 is the activity the mutations work on.
func act0(r *Register) *Activity { return &r.Activities[0] }

// withSpecial adds health data with an Art 9(2) condition (none if c is
// zero) and, where given, Schedule 1 conditions.
func withSpecial(r *Register, c lawfulbasis.Condition, s ...lawfulbasis.Schedule1) {
	a := act0(r)
	a.DataCategories = append(a.DataCategories, Cats(Health)...)
	a.Retention = append(a.Retention, Retention{Categories: []Category{Health}, Rule: retention.MustParse("P1Y from end-of-contract")})
	a.Special = SpecialCategory{Schedule1: s}
	if c != 0 {
		a.Special.Conditions = []lawfulbasis.Condition{c}
	}
}

// withPolicyDocument records a complete appropriate policy document.
func withPolicyDocument(r *Register) {
	act0(r).PolicyDocument = PolicyDocument{Reference: "APD-2026", Article6: "Contract, Art 6(1)(b)", FollowsPolicy: Yes}
}

// solelyAutomated makes the activity take solely automated significant decisions.
func solelyAutomated(r *Register, safeguards ...DecisionSafeguard) {
	act0(r).Automated = []Decision{{Solely: true, Significant: true, Logic: "Scoring model", Consequences: "Order refused", Ground: ContractNecessity, Safeguards: safeguards}}
	act0(r).DPIA = DPIA{Required: Yes, Status: Complete, Reference: "DPIA-2026-02"}
}

func withBasis(b lawfulbasis.Basis) func(*Register) {
	return func(r *Register) { act0(r).Purposes[0].Basis = b }
}

// withRLI makes the first purpose rely on recognised legitimate interests (UK
// GDPR Art 6(1)(ea)) with the Annex 1 crime condition (para 5).
func withRLI(r *Register) {
	act0(r).Purposes[0] = Purpose{Description: "Report suspected fraud to the police", Basis: lawfulbasis.RecognisedLegitimateInterests, Annex1: lawfulbasis.Annex1Crime}
}

// employeeMonitoring makes the activity the systematic monitoring of
// employees' email and network use.
func employeeMonitoring(r *Register) {
	a := act0(r)
	a.Purposes = []Purpose{{Description: "Monitor staff email and network use for security and misuse", Basis: lawfulbasis.LegitimateInterests,
		Interest: "Keeping our systems secure", Assessment: "LIA-2026-011"}}
	a.DataSubjects = []Subject{Employees}
	a.DataCategories = Cats(Identifiers, Communications, OnlineIdentifiers, Usage)
	a.Retention = []Retention{{Rule: retention.MustParse("P90D from collection")}}
	a.Monitoring = true
}

// canteenFingerprints makes the activity an academy's cashless canteen
// that identifies pupils by their fingerprints.
func canteenFingerprints(r *Register) {
	r.Controller.School = true
	a := act0(r)
	a.Purposes = []Purpose{{Description: "Identify pupils at the canteen till", Basis: lawfulbasis.PublicTask, Provision: "Education Act 1996 s512"}}
	a.DataSubjects = []Subject{Pupils}
	a.DataCategories = Cats(Identifiers, Biometric, Financial)
	a.Special = SpecialCategory{Conditions: []lawfulbasis.Condition{lawfulbasis.ExplicitConsent}}
	a.Retention = []Retention{{Schedule: "Deleted when the pupil leaves"}}
	a.Consent.Biometric = BiometricConsent{ParentalConsent: true, ChildRefusal: true, Alternative: "A PIN at the till"}
}

func withTransfer(tr Transfer) func(*Register) {
	return func(r *Register) { act0(r).Transfers = []Transfer{tr} }
}

// ruleCase is one row of the rule table: under regime on at, fire must make
// rule report a finding on the compliant register, and quiet, a near miss,
// must not. quietRegime and quietAt, when set, replace regime and at for the
// near miss, to show where and when the rule does not apply.
type ruleCase struct {
	rule   string
	name   string
	regime lawfulbasis.Regime // zero: UK
	at     time.Time          // zero: 2026-11-23
	fire   func(*Register)
	path   string // a path the rule must report, where given

	quiet       func(*Register)
	quietRegime lawfulbasis.Regime
	quietAt     time.Time
	// bug, when set, is a known fault in the rule: if the case fails, it
	// is skipped with this explanation instead. The case asserts the
	// correct behaviour, so it passes again once the rule is fixed.
	bug string
}

const (
	ukr = lawfulbasis.UK
	eur = lawfulbasis.EU
)

func ruleCases() []ruleCase {
	return []ruleCase{
		// Art 30(1)(a).
		{rule: "controller-contact", name: "no contact details", path: "controller",
			fire:  func(r *Register) { r.Controller.Email, r.Controller.Phone, r.Controller.Address = "", "", "" },
			quiet: func(r *Register) { r.Controller.Email, r.Controller.Address = "", "" }},
		{rule: "controller-contact", name: "no name", path: "controller.name",
			fire: func(r *Register) { r.Controller.Name = " " }},
		// Art 37(1)(a).
		{rule: "dpo-required", name: "public authority without DPO", path: "dpo",
			fire:  func(r *Register) { r.Controller.PublicAuthority, r.DPO = true, Contact{} },
			quiet: func(r *Register) { r.DPO = Contact{} }},
		{rule: "dpo-contact", name: "DPO named without contact", path: "dpo",
			fire:  func(r *Register) { r.DPO = Contact{Name: "Dana Okafor"} },
			quiet: func(r *Register) { r.DPO = Contact{Name: "Dana Okafor", Address: "1 Park Row"} }},
		// Art 30(1)(b)-(g), 30(2).
		{rule: "activity-purposes", path: "activities[0].purposes",
			fire:  func(r *Register) { act0(r).Purposes = nil },
			quiet: func(r *Register) { act0(r).Purposes = act0(r).Purposes[:1] }},
		{rule: "activity-subjects", path: "activities[0].dataSubjects",
			fire:  func(r *Register) { act0(r).DataSubjects = []Subject{} },
			quiet: func(r *Register) { act0(r).DataSubjects = []Subject{"custom: Trade customers"} }},
		{rule: "activity-categories", path: "activities[0].dataCategories",
			fire:  func(r *Register) { act0(r).DataCategories = nil },
			quiet: func(r *Register) { act0(r).DataCategories = Cats(Identifiers) }},
		{rule: "activity-recipients", path: "activities[0].recipients",
			fire:  func(r *Register) { act0(r).Recipients = nil },
			quiet: func(r *Register) { act0(r).Recipients = []Recipient{{Name: "Sales team", Kind: Internal}} }},
		{rule: "activity-security", path: "activities[0].security",
			fire:  func(r *Register) { act0(r).Security = nil },
			quiet: func(r *Register) { act0(r).Security = []string{"Access control"} }},
		{rule: "processor-record", path: "processorRecords[0].security",
			fire:  func(r *Register) { r.ProcessorRecords[0].Security = nil },
			quiet: func(r *Register) { r.ProcessorRecords = nil }},
		{rule: "processor-record", name: "no controller or processing", path: "processorRecords[0].processing",
			fire: func(r *Register) { r.ProcessorRecords[0].Controller, r.ProcessorRecords[0].Processing = "", nil }},

		// Art 6.
		{rule: "purpose-basis", path: "activities[0].purposes[0].basis",
			fire:  withBasis(0),
			quiet: withBasis(lawfulbasis.VitalInterests)},
		{rule: "purpose-basis", name: "invalid value", path: "activities[0].purposes[0].basis",
			fire: withBasis(99)},
		// Recognised legitimate interests: UK only (DUAA s70), from 5
		// February 2026 (SI 2026/82 reg 2(c)).
		{rule: "basis-unavailable", name: "recognised legitimate interests under the EU regime", regime: eur, path: "activities[0].purposes[0].basis",
			fire: withRLI, quiet: withRLI, quietRegime: ukr},
		{rule: "basis-unavailable", name: "recognised legitimate interests in the UK before 5 February 2026", at: duaaDay.AddDate(0, 0, -1), path: "activities[0].purposes[0].basis",
			fire: withRLI, quiet: withRLI, quietAt: duaaDay},
		{rule: "legitimate-interest", path: "activities[0].purposes[1].interest",
			fire:  func(r *Register) { act0(r).Purposes[1].Interest = "  " },
			quiet: func(r *Register) { act0(r).Purposes[1].Assessment = "" }},
		{rule: "legitimate-interest-assessment", path: "activities[0].purposes[1].assessment",
			fire:  func(r *Register) { act0(r).Purposes[1].Assessment = "" },
			quiet: func(r *Register) { act0(r).Purposes[1].Interest = "" }},
		// UK GDPR Art 6(5): (ea) only with an Annex 1 condition.
		{rule: "recognised-interest-condition", name: "no Annex 1 condition", path: "activities[0].purposes[0].annex1",
			fire:  func(r *Register) { withRLI(r); act0(r).Purposes[0].Annex1 = 0 },
			quiet: withRLI},
		{rule: "recognised-interest-condition", name: "Annex 1 condition on another basis", path: "activities[0].purposes[0].annex1",
			fire:  func(r *Register) { act0(r).Purposes[0].Annex1 = lawfulbasis.Annex1Safeguarding },
			quiet: func(r *Register) { act0(r).Purposes[0].Annex1 = lawfulbasis.Annex1Safeguarding }, quietRegime: eur},
		{rule: "recognised-interest-condition", name: "para 1 without requester", path: "activities[0].purposes[0].requester",
			fire: func(r *Register) { withRLI(r); act0(r).Purposes[0].Annex1 = lawfulbasis.Annex1Disclosure },
			quiet: func(r *Register) {
				withRLI(r)
				act0(r).Purposes[0].Annex1, act0(r).Purposes[0].Requester = lawfulbasis.Annex1Disclosure, "Leeds City Council"
			}},
		{rule: "legal-provision", path: "activities[0].purposes[0].provision",
			fire: withBasis(lawfulbasis.LegalObligation),
			quiet: func(r *Register) {
				act0(r).Purposes[0].Basis, act0(r).Purposes[0].Provision = lawfulbasis.LegalObligation, "Taxes Management Act 1970 s12B"
			}},
		{rule: "legal-provision", name: "public task", path: "activities[0].purposes[0].provision",
			fire: withBasis(lawfulbasis.PublicTask)},
		// Art 6(1), sentence after (f), as amended by DUAA s70(2)(c).
		{rule: "public-authority-interests", name: "legitimate interests", path: "activities[0].purposes[1].basis",
			fire: func(r *Register) { r.Controller.PublicAuthority = true },
			quiet: func(r *Register) {
				r.Controller.PublicAuthority = true
				act0(r).Purposes[1] = Purpose{Description: "Detect fraud against public funds", Basis: lawfulbasis.PublicTask, Provision: "Local Government Act 1972 s111"}
			}},
		// ICO guidance on legitimate interests: a public authority may
		// consider them for "other legitimate purposes outside the scope of
		// your tasks as a public authority"; the register says which.
		{rule: "public-authority-interests", name: "recruitment outside public tasks", path: "activities[0].purposes[1].basis",
			fire: func(r *Register) {
				r.Controller.PublicAuthority = true
				act0(r).Purposes[1] = Purpose{Description: "Recruit our own staff", Basis: lawfulbasis.LegitimateInterests, Interest: "Hiring", Assessment: "LIA-1"}
			},
			quiet: func(r *Register) {
				r.Controller.PublicAuthority = true
				act0(r).Purposes[1] = Purpose{Description: "Recruit our own staff", Basis: lawfulbasis.LegitimateInterests, Interest: "Hiring", Assessment: "LIA-1", OutsidePublicTasks: true}
			}},
		{rule: "public-authority-interests", name: "recognised legitimate interests", path: "activities[0].purposes[0].basis",
			fire: func(r *Register) {
				r.Controller.PublicAuthority = true
				withRLI(r)
				act0(r).Purposes = act0(r).Purposes[:1]
			}},

		// Art 9 and DPA 2018 s10, Sch 1.
		{rule: "special-condition", path: "activities[0].special.conditions",
			fire:  func(r *Register) { withSpecial(r, 0) },
			quiet: func(r *Register) { withSpecial(r, lawfulbasis.ExplicitConsent) }},
		{rule: "special-condition", name: "custom special category", path: "activities[0].special.conditions",
			fire: func(r *Register) {
				act0(r).DataCategories = append(act0(r).DataCategories, Cats("custom special: Facial geometry")...)
			},
			quiet: func(r *Register) {
				act0(r).DataCategories = append(act0(r).DataCategories, Cats("custom criminal: Police cautions")...)
			}},
		{rule: "special-basis", name: "special data with no Art 6 basis", path: "activities[0].purposes",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.ExplicitConsent)
				for i := range act0(r).Purposes {
					act0(r).Purposes[i].Basis = 0
				}
			},
			quiet: func(r *Register) { withSpecial(r, lawfulbasis.ExplicitConsent) }},
		{rule: "special-basis", name: "condition with no Art 6 basis", path: "activities[0].purposes",
			fire: func(r *Register) {
				act0(r).Special.Conditions = []lawfulbasis.Condition{lawfulbasis.LegalClaims}
				act0(r).Purposes = act0(r).Purposes[:1]
				act0(r).Purposes[0].Basis = 0
			}},
		// DPA 2018 s10(2): Art 9(2)(b) needs Sch 1 Pt 1 para 1; s10(3): (g)
		// needs a Part 2 condition.
		{rule: "special-schedule1", name: "employment law without Sch 1 para 1", path: "activities[0].special.conditions[0]",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.EmploymentLaw) },
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
			}},
		{rule: "special-schedule1", name: "employment law with a Part 2 condition", path: "activities[0].special.conditions[0]",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1EqualityOfOpportunity)
				withPolicyDocument(r)
			},
			quiet: func(r *Register) { withSpecial(r, lawfulbasis.EmploymentLaw) }, quietRegime: eur},
		{rule: "special-schedule1", name: "substantial public interest", path: "activities[0].special.conditions[0]",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.SubstantialPublicInterest, lawfulbasis.Sch1Employment) },
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.SubstantialPublicInterest, lawfulbasis.Sch1EqualityOfOpportunity)
				withPolicyDocument(r)
			}},
		{rule: "special-schedule1", name: "health care, research", path: "activities[0].special.conditions[1]",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.HealthOrSocialCare, lawfulbasis.Sch1HealthOrSocialCare)
				act0(r).Special.Conditions = append(act0(r).Special.Conditions, lawfulbasis.ArchivingResearch)
			},
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.HealthOrSocialCare, lawfulbasis.Sch1HealthOrSocialCare, lawfulbasis.Sch1Research)
				act0(r).Special.Conditions = append(act0(r).Special.Conditions, lawfulbasis.ArchivingResearch)
			}},
		{rule: "condition-unavailable", name: "Schedule 1 under the EU regime", regime: eur, path: "activities[0].special.schedule1[0]",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment) },
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
			}, quietRegime: ukr},
		{rule: "condition-unavailable", name: "criminal Schedule 1 under the EU regime", regime: eur, path: "activities[0].criminal.schedule1[0]",
			fire: func(r *Register) { act0(r).Criminal.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1LegalClaims} }},
		{rule: "basis-unavailable", name: "Annex 1 before 5 February 2026", at: duaaDay.AddDate(0, 0, -1), path: "activities[0].purposes[0].annex1",
			fire: withRLI, quiet: withRLI, quietAt: duaaDay},
		// DPA 2018 Sch 1 paras 1(1)(b), 5, 39 and 41.
		{rule: "policy-document", name: "Sch 1 para 1", path: "activities[0].policyDocument.reference",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment) },
			// Sch 1 para 2 needs no appropriate policy document.
			quiet: func(r *Register) { withSpecial(r, lawfulbasis.HealthOrSocialCare, lawfulbasis.Sch1HealthOrSocialCare) }},
		{rule: "policy-document", name: "criminal data on Sch 1 para 10", path: "activities[0].policyDocument.reference",
			fire: func(r *Register) {
				act0(r).Criminal.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1PreventingUnlawfulActs}
			},
			// para 10(2), disclosure to a competent authority, needs none.
			quiet: func(r *Register) {
				act0(r).Criminal.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1UnlawfulActsDisclosure}
			}},
		{rule: "schedule1-record", name: "para 41(c) unanswered", path: "activities[0].policyDocument.followsPolicy",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
				act0(r).PolicyDocument.FollowsPolicy = ""
			},
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
			}},
		{rule: "schedule1-record", name: "para 41(c) no without reason", path: "activities[0].policyDocument.reason",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
				act0(r).PolicyDocument.FollowsPolicy = No
			},
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
				act0(r).PolicyDocument.FollowsPolicy, act0(r).PolicyDocument.Reason = No, "Legal hold on 2025 records"
			}},
		{rule: "schedule1-record", name: "para 41(b) not shown", path: "activities[0].policyDocument.article6",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
				act0(r).PolicyDocument.Article6 = ""
				act0(r).Purposes = act0(r).Purposes[:1]
				act0(r).Purposes[0].Basis = 0
			},
			// A purpose's basis answers para 41(b).
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
				act0(r).PolicyDocument.Article6 = ""
			}},
		// Art 10; DPA 2018 s10(5).
		{rule: "criminal-authority", name: "UK without Schedule 1", path: "activities[0].criminal.schedule1",
			fire: func(r *Register) { act0(r).DataCategories = append(act0(r).DataCategories, Cats(CriminalOffences)...) },
			quiet: func(r *Register) {
				act0(r).DataCategories = append(act0(r).DataCategories, Cats(CriminalOffences)...)
				act0(r).Criminal.Schedule1 = []lawfulbasis.Schedule1{lawfulbasis.Sch1LegalClaims}
			}},
		{rule: "criminal-authority", name: "EU without authority", regime: eur, path: "activities[0].criminal.authority",
			fire: func(r *Register) { act0(r).DataCategories = append(act0(r).DataCategories, Cats(CriminalOffences)...) },
			quiet: func(r *Register) {
				act0(r).DataCategories = append(act0(r).DataCategories, Cats("custom criminal: Driving convictions")...)
				act0(r).Criminal.Authority = "Road Traffic Act, as member state law"
			}},

		// Consent.
		{rule: "consent-employment", path: "activities[0].purposes[0].basis",
			fire: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).DataSubjects = append(act0(r).DataSubjects, JobApplicants)
			},
			quiet: func(r *Register) { withBasis(lawfulbasis.Consent)(r); act0(r).ConsentRecord = "CRM consent log" }},
		// Per group: only purposes that concern employees count.
		{rule: "consent-employment", name: "scoped to employees", path: "activities[0].purposes[0].basis",
			fire: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "HR consent log"
				act0(r).DataSubjects = []Subject{Customers, Employees}
				act0(r).Purposes[0].Subjects = []Subject{Employees}
			},
			quiet: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "CRM consent log"
				act0(r).DataSubjects = []Subject{Customers, Employees}
				act0(r).Purposes[0].Subjects = []Subject{Customers}
			}},
		{rule: "consent-record", path: "activities[0].consentRecord",
			fire:  withBasis(lawfulbasis.Consent),
			quiet: func(r *Register) { withBasis(lawfulbasis.Consent)(r); act0(r).ConsentRecord = "CRM consent log" }},

		// Children: Art 8(1); UK GDPR Art 25(1A)-(1B) from 5 February 2026
		// (DUAA s81; SI 2026/82 reg 2(k)).
		{rule: "children-consent", path: "activities[0].children",
			fire: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "App consent log"
				act0(r).DataSubjects = []Subject{YoungPeople}
				act0(r).Children = Children{OnlineService: true, HigherProtection: "Children's code assessment CC-3"}
			},
			quiet: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "App consent log"
				act0(r).DataSubjects = []Subject{YoungPeople}
				act0(r).Children = Children{OnlineService: true, ParentalConsent: "Parent email confirmation under 13", HigherProtection: "Children's code assessment CC-3"}
			}},
		{rule: "children-consent", name: "consent of parents only", path: "activities[0].children",
			fire: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "App consent log"
				act0(r).DataSubjects = []Subject{YoungPeople, Parents}
				act0(r).Children = Children{OnlineService: true, HigherProtection: "CC-3"}
			},
			quiet: func(r *Register) {
				withBasis(lawfulbasis.Consent)(r)
				act0(r).ConsentRecord = "App consent log"
				act0(r).DataSubjects = []Subject{YoungPeople, Parents}
				act0(r).Purposes[0].Subjects = []Subject{Parents}
				act0(r).Children = Children{OnlineService: true, HigherProtection: "CC-3"}
			}},
		{rule: "children-higher-protection", name: "from 5 February 2026", path: "activities[0].children.higherProtection",
			fire:  func(r *Register) { act0(r).Children.OnlineService = true },
			quiet: func(r *Register) { act0(r).Children.OnlineService = true }, quietAt: duaaDay.AddDate(0, 0, -1)},
		{rule: "children-higher-protection", name: "UK only", at: duaaDay, path: "activities[0].children.higherProtection",
			fire:  func(r *Register) { act0(r).Children.OnlineService = true },
			quiet: func(r *Register) { act0(r).Children.OnlineService = true }, quietRegime: eur},

		// Transfers: Chapter V.
		{rule: "transfer-mechanism", name: "no mechanism", path: "activities[0].transfers[0].mechanism",
			fire: withTransfer(Transfer{Country: "IN", Recipient: "Bangalore office"}),
			// The EEA is approved under the UK regime (DPA 2018 Sch 21 para 5).
			quiet: withTransfer(Transfer{Country: "FR", Recipient: "Paris office"})},
		// The US is approved only for recipients certified under the Data
		// Privacy Framework (UK: SI 2023/1028; EU: Decision (EU) 2023/1795).
		{rule: "transfer-mechanism", name: "US without mechanism", path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "US", Recipient: "CloudCo Inc"}),
			quiet: withTransfer(Transfer{Country: "US", Recipient: "CloudCo Inc", Mechanism: lawfulbasis.UKAddendum, ProtectionTest: "TRA-2026-1"})},
		{rule: "transfer-mechanism", name: "US without mechanism, EU regime", regime: eur, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "US", Recipient: "CloudCo Inc"}),
			quiet: withTransfer(Transfer{Country: "US", Recipient: "CloudCo Inc", Mechanism: lawfulbasis.SCC})},
		{rule: "transfer-mechanism", name: "Brazil: approved by the EU only", path: "activities[0].transfers[0].mechanism",
			fire: withTransfer(Transfer{Country: "BR"}),
			// Commission adequacy decision of 26 January 2026.
			quiet: withTransfer(Transfer{Country: "BR"}), quietRegime: eur},
		{rule: "transfer-mechanism", name: "approval relied on for an unapproved country", path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.Adequacy}),
			quiet: withTransfer(Transfer{Country: "ch", Mechanism: lawfulbasis.Adequacy})},
		{rule: "transfer-mechanism", name: "EEA state under the EU regime is no transfer", regime: eur,
			fire:  withTransfer(Transfer{Country: "IN"}),
			quiet: withTransfer(Transfer{Country: "DE"})},
		{rule: "transfer-mechanism-unavailable", name: "EU SCCs under the UK regime", path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.SCC, ProtectionTest: "TRA"}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.UKAddendum, ProtectionTest: "TRA"})},
		{rule: "transfer-mechanism-unavailable", name: "IDTA under the EU regime", regime: eur, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.IDTA}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.SCC})},
		// A transfer is checked only from its start (Transfer.Since): the
		// 2021 SCCs (Decision (EU) 2021/914) did not exist in 2019, but a
		// transfer that began in 2024 did not exist either.
		{rule: "transfer-mechanism-unavailable", name: "transfer not yet begun", regime: eur, at: beforeSchrems, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.SCC}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.SCC, Since: NewDate(2024, time.January, 15)})},
		{rule: "transfer-mechanism", name: "not approved, from the transfer's start", at: beforeSchrems, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Since: NewDate(2019, time.June, 1)}),
			quiet: withTransfer(Transfer{Country: "IN", Since: NewDate(2019, time.June, 2)})},
		{rule: "transfer-mechanism-unavailable", name: "legacy SCCs after 21 March 2024", path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.LegacySCC}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.LegacySCC}), quietAt: ymd(2024, time.March, 20)},
		// Case C-311/18 (Schrems II), 16 July 2020: Rule.From.
		{rule: "privacy-shield", name: "from 16 July 2020", at: schremsDay, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "US", Mechanism: lawfulbasis.PrivacyShield, Certified: true}),
			quiet: withTransfer(Transfer{Country: "US", Mechanism: lawfulbasis.PrivacyShield, Certified: true}), quietAt: beforeSchrems},
		{rule: "privacy-shield", name: "Swiss-US, EU regime", regime: eur, path: "activities[0].transfers[0].mechanism",
			fire:  withTransfer(Transfer{Country: "US", Mechanism: lawfulbasis.SwissUSPrivacyShield}),
			quiet: withTransfer(Transfer{Country: "US", Mechanism: lawfulbasis.DataPrivacyFramework, Certified: true})},
		// SI 2023/1028: the UK Extension covers certified recipients only.
		{rule: "transfer-dpf-certified", path: "activities[0].transfers[0].certified",
			fire:  func(r *Register) { act0(r).Transfers[0].Certified = false },
			quiet: func(r *Register) { act0(r).Transfers[0].Certified = false }, quietRegime: eur},
		{rule: "transfer-dpf-certified", name: "adequacy", path: "activities[0].transfers[0].certified",
			fire: func(r *Register) {
				act0(r).Transfers[0].Mechanism, act0(r).Transfers[0].Certified = lawfulbasis.Adequacy, false
			},
			quiet: func(r *Register) { act0(r).Transfers[0].Mechanism = lawfulbasis.Adequacy }},
		// Decision (EU) 2023/1795.
		{rule: "transfer-dpf-certified-eu", regime: eur, path: "activities[0].transfers[0].certified",
			fire:  func(r *Register) { act0(r).Transfers[0].Certified = false },
			quiet: func(r *Register) { act0(r).Transfers[0].Certified = false }, quietRegime: ukr},
		// UK GDPR Art 46(1A) and (6) from 5 February 2026; DUAA Sch 9 para 27.
		{rule: "transfer-protection-test", name: "arrangement made after commencement", path: "activities[0].transfers[1].protectionTest",
			fire: func(r *Register) { act0(r).Transfers[1].ProtectionTest = "" },
			quiet: func(r *Register) {
				act0(r).Transfers[1].ProtectionTest = ""
				act0(r).Transfers[1].Since = NewDate(2026, time.February, 4)
			}},
		{rule: "transfer-protection-test", name: "arrangement of unknown date", path: "activities[0].transfers[1].protectionTest",
			fire: func(r *Register) { act0(r).Transfers[1].ProtectionTest, act0(r).Transfers[1].Since = "", Date{} },
			// Before commencement the rule does not apply at all.
			quiet: func(r *Register) { act0(r).Transfers[1].ProtectionTest, act0(r).Transfers[1].Since = "", Date{} }, quietAt: duaaDay.AddDate(0, 0, -1)},
		{rule: "transfer-protection-test", name: "arrangement made on commencement day", path: "activities[0].transfers[0].protectionTest",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.IDTA, Since: NewDate(2026, time.February, 5)}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.BCR}), quietRegime: eur},
		// Art 30(1)(e), Art 49(1) second subparagraph.
		{rule: "transfer-derogation-safeguards", path: "activities[0].transfers[0].safeguards",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationCompellingInterests}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationCompellingInterests, Safeguards: "Pseudonymised; one-off"})},
		{rule: "transfer-derogation", path: "activities[0].transfers[0].safeguards",
			fire:  withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationConsent}),
			quiet: withTransfer(Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationConsent, Safeguards: "Occasional: one customer's request"})},

		// Art 28(3).
		{rule: "processor-contract", path: "activities[0].recipients[1].contract",
			fire:  func(r *Register) { act0(r).Recipients[1].Contract = "" },
			quiet: func(r *Register) { act0(r).Recipients[1].Contract, act0(r).Recipients[1].Kind = "", ThirdParty }},
		// The seed notices say processors act "under contract": that is a
		// contract stated, and no finding.
		{rule: "processor-contract", name: "a contract stated in words", path: "activities[0].recipients[1].contract",
			fire:  func(r *Register) { act0(r).Recipients[1].Contract = " " },
			quiet: func(r *Register) { act0(r).Recipients[1].Contract = "Under contract" }},

		// Retention: Art 30(1)(f), Art 5(1)(e).
		{rule: "retention-missing", name: "none", path: "activities[0].retention",
			fire:  func(r *Register) { act0(r).Retention = nil },
			quiet: func(r *Register) { act0(r).Retention = []Retention{{Schedule: "Per the records schedule"}} }},
		{rule: "retention-missing", name: "one category uncovered", path: "activities[0].retention",
			fire:  func(r *Register) { act0(r).DataCategories = append(act0(r).DataCategories, Cats(Communications)...) },
			quiet: func(r *Register) { act0(r).Retention[1].Categories = nil }},
		{rule: "retention-indefinite", name: "indefinite", path: "activities[0].retention[1].rule",
			fire:  func(r *Register) { act0(r).Retention[1].Rule = retention.MustParse("indefinite") },
			quiet: func(r *Register) { act0(r).Retention[1].Rule = retention.MustParse("until end-of-contract") }},
		{rule: "retention-indefinite", name: "empty entry", path: "activities[0].retention[1]",
			fire: func(r *Register) { act0(r).Retention[1].Rule = retention.Rule{} },
			quiet: func(r *Register) {
				act0(r).Retention[1].Rule, act0(r).Retention[1].Schedule = retention.Rule{}, "Two years after last order"
			}},
		{rule: "retention-indefinite", name: "schedule with no period", path: "activities[0].retention[1].schedule",
			fire: func(r *Register) {
				act0(r).Retention[1].Rule, act0(r).Retention[1].Schedule = retention.Rule{}, "Our retention schedule is available on request; data are deleted at the end of their retention period"
			},
			quiet: func(r *Register) {
				act0(r).Retention[1].Rule, act0(r).Retention[1].Schedule = retention.Rule{}, "Until the end of the school year after the pupil leaves"
			}},
		{rule: "retention-minimum", path: "activities[0].retention[0].rule",
			fire: func(r *Register) {
				act0(r).Retention[0].Rule = retention.MustParse("P5Y11M from end-of-financial-year")
			},
			quiet: func(r *Register) { act0(r).Retention[0].Rule = retention.MustParse("P72M from end-of-financial-year") }},

		// Art 35.
		// Systematic monitoring alone is one WP248 criterion; on a large
		// scale it is two.
		{rule: "dpia-required", name: "large-scale monitoring", path: "activities[0].dpia",
			fire: func(r *Register) { act0(r).Monitoring, act0(r).LargeScale, act0(r).DPIA = true, true, DPIA{} },
			quiet: func(r *Register) {
				act0(r).Monitoring, act0(r).LargeScale, act0(r).DPIA = true, true, DPIA{Status: InProgress}
			}},
		{rule: "dpia-required", name: "monitoring alone is one criterion", path: "activities[0].dpia",
			fire:  func(r *Register) { act0(r).Monitoring, act0(r).LargeScale, act0(r).DPIA = true, true, DPIA{} },
			quiet: func(r *Register) { act0(r).Monitoring, act0(r).DPIA = true, DPIA{} }},
		// WP248 criteria 3 and 7: systematic monitoring of employees'
		// email and network use.
		{rule: "dpia-required", name: "monitoring employees' email and network use", path: "activities[0].dpia",
			fire: func(r *Register) { employeeMonitoring(r); act0(r).DPIA = DPIA{} },
			// WP248 rev.01 lets a controller conclude, with documented
			// reasons, that processing meeting two criteria needs no DPIA.
			quiet: func(r *Register) {
				employeeMonitoring(r)
				act0(r).DPIA = DPIA{Required: No, Reference: "Screening DPIA-S-031: monitoring limited to security logs"}
			}},
		// WP248 criterion 7 alone: employees are vulnerable people, and
		// nothing else about payroll is a criterion.
		{rule: "dpia-required", name: "employee payroll: vulnerable people only", path: "activities[0].dpia",
			fire: func(r *Register) { employeeMonitoring(r); act0(r).DPIA = DPIA{} },
			quiet: func(r *Register) {
				a := act0(r)
				a.DataSubjects = []Subject{Employees}
				a.DataCategories = Cats(Identifiers, ContactDetails, PayAndBenefits, Financial, GovernmentIDs)
				a.Retention = []Retention{{Schedule: "6 years after employment ends"}}
				a.DPIA = DPIA{}
			}},
		// ICO list: biometric data for identification with another WP248
		// criterion (children: vulnerable people). A screening that says
		// no does not set an item of the ICO's list aside.
		{rule: "dpia-required", name: "school canteen fingerprints", path: "activities[0].dpia",
			fire: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DPIA = DPIA{Required: No, Reference: "Screening S-2"}
			},
			quiet: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DPIA = DPIA{Required: Yes, Status: Complete, Reference: "DPIA-2026-09"}
			}},
		// The biometric data's own sensitivity is not "another" criterion.
		{rule: "dpia-required", name: "biometric data with another criterion", path: "activities[0].dpia",
			fire: func(r *Register) {
				act0(r).DataSubjects = []Subject{Employees}
				act0(r).DataCategories = append(act0(r).DataCategories, Cats(Biometric)...)
				act0(r).DPIA = DPIA{Required: No, Reference: "Screening S-3"}
			},
			quiet: func(r *Register) {
				act0(r).DataCategories = append(act0(r).DataCategories, Cats(Biometric)...)
				act0(r).DPIA = DPIA{}
			}},
		// The ICO's list is the UK's Art 35(4) list: data matching stands
		// alone there; under the EU regime it is one WP248 criterion.
		{rule: "dpia-required", name: "data matching: ICO list", path: "activities[0].dpia",
			fire:  func(r *Register) { act0(r).Screening, act0(r).DPIA = []Criterion{CriterionMatching}, DPIA{} },
			quiet: func(r *Register) { act0(r).Screening, act0(r).DPIA = []Criterion{CriterionMatching}, DPIA{} }, quietRegime: eur},
		{rule: "dpia-required", name: "innovative technology needs another criterion", path: "activities[0].dpia",
			fire: func(r *Register) {
				act0(r).Screening, act0(r).LargeScale, act0(r).DPIA = []Criterion{CriterionInnovative}, true, DPIA{Required: No, Reference: "S-4"}
			},
			quiet: func(r *Register) { act0(r).Screening, act0(r).DPIA = []Criterion{CriterionInnovative}, DPIA{} }},
		{rule: "dpia-required", name: "children's fingerprints under the EU regime", regime: eur, path: "activities[0].dpia",
			fire: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DataSubjects = []Subject{YoungPeople}
				act0(r).DPIA = DPIA{}
			},
			quiet: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DataSubjects = []Subject{YoungPeople}
				act0(r).DPIA = DPIA{Status: InProgress}
			}},
		{rule: "dpia-required", name: "large-scale special category data", path: "activities[0].dpia",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.ExplicitConsent)
				act0(r).LargeScale, act0(r).DPIA = true, DPIA{Required: No}
			},
			quiet: func(r *Register) { act0(r).LargeScale, act0(r).DPIA = true, DPIA{Required: No} }},
		{rule: "dpia-required", name: "solely automated", path: "activities[0].dpia",
			fire:  func(r *Register) { solelyAutomated(r, DecisionSafeguards()...); act0(r).DPIA = DPIA{} },
			quiet: func(r *Register) { solelyAutomated(r, DecisionSafeguards()...) }},
		{rule: "dpia-required", name: "online service for children", path: "activities[0].dpia",
			fire: func(r *Register) {
				act0(r).DataSubjects = []Subject{YoungPeople}
				act0(r).Children = Children{OnlineService: true, HigherProtection: "CC-3"}
				act0(r).DPIA = DPIA{}
			},
			quiet: func(r *Register) {
				act0(r).Children = Children{OnlineService: true, HigherProtection: "CC-3"}
				act0(r).DPIA = DPIA{}
			}},
		{rule: "dpia-required", name: "large-scale profiling", path: "activities[0].dpia",
			fire: func(r *Register) {
				act0(r).Automated, act0(r).LargeScale, act0(r).DPIA = []Decision{{Profiling: true}}, true, DPIA{}
			},
			quiet: func(r *Register) { act0(r).Automated, act0(r).DPIA = []Decision{{Profiling: true}}, DPIA{} }},

		// Automated decisions: EU Art 22; UK GDPR Arts 22A-22D from 5
		// February 2026 (DUAA s80).
		{rule: "automated-ground", regime: eur, path: "activities[0].automated[0].ground",
			fire:  func(r *Register) { solelyAutomated(r, DecisionSafeguards()...); act0(r).Automated[0].Ground = "" },
			quiet: func(r *Register) { solelyAutomated(r, DecisionSafeguards()...); act0(r).Automated[0].Ground = "" }, quietRegime: ukr},
		{rule: "automated-ground", name: "not significant", regime: eur, path: "activities[0].automated[0].ground",
			fire: func(r *Register) { solelyAutomated(r); act0(r).Automated[0].Ground = "" },
			quiet: func(r *Register) {
				solelyAutomated(r)
				act0(r).Automated[0].Ground, act0(r).Automated[0].Significant = "", false
			}},
		{rule: "automated-safeguards", name: "from 5 February 2026", path: "activities[0].automated[0].safeguards",
			fire:  func(r *Register) { solelyAutomated(r, Information, Representations, Contest) },
			quiet: func(r *Register) { solelyAutomated(r, Information, Representations, Contest) }, quietAt: duaaDay.AddDate(0, 0, -1)},
		{rule: "automated-safeguards", name: "all four", path: "activities[0].automated[0].safeguards",
			fire:  func(r *Register) { solelyAutomated(r) },
			quiet: func(r *Register) { solelyAutomated(r, Contest, HumanIntervention, Representations, Information) }},
		{rule: "automated-safeguards", name: "UK only", at: duaaDay, path: "activities[0].automated[0].safeguards",
			fire:  func(r *Register) { solelyAutomated(r) },
			quiet: func(r *Register) { solelyAutomated(r) }, quietRegime: eur},
		// UK GDPR Art 22B(4).
		{rule: "automated-recognised-interest", path: "activities[0].automated",
			fire:  func(r *Register) { solelyAutomated(r, DecisionSafeguards()...); withRLI(r) },
			quiet: func(r *Register) { solelyAutomated(r, DecisionSafeguards()...) }},
		// UK GDPR Art 22B(1)-(3).
		{rule: "automated-special", name: "employment law", path: "activities[0].automated[0]",
			fire: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.EmploymentLaw, lawfulbasis.Sch1Employment)
				withPolicyDocument(r)
			},
			quiet: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.ExplicitConsent)
			}},
		{rule: "automated-special", name: "Art 9(2)(g) needs contract or law", path: "activities[0].automated[0]",
			fire: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.SubstantialPublicInterest, lawfulbasis.Sch1EqualityOfOpportunity)
				withPolicyDocument(r)
				act0(r).Automated[0].Ground = ""
				act0(r).Purposes = act0(r).Purposes[1:] // legitimate interests only
			},
			quiet: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.SubstantialPublicInterest, lawfulbasis.Sch1EqualityOfOpportunity)
				withPolicyDocument(r)
			}},
		// GDPR Art 22(4): a decision under Art 22(2) may rest on special
		// category data where Art 9(2)(a) or (g) applies.
		{rule: "automated-special-eu", name: "employment law", regime: eur, path: "activities[0].automated",
			fire: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.EmploymentLaw)
			},
			quiet: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.ExplicitConsent)
			}},
		{rule: "automated-special-eu", name: "point (g) with an explicit consent ground", regime: eur, path: "activities[0].automated",
			fire: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.HealthOrSocialCare)
			},
			// Art 22(4) allows point (g) with any Art 22(2) ground,
			// including explicit consent to the decision (Art 22(2)(c)).
			quiet: func(r *Register) {
				solelyAutomated(r, DecisionSafeguards()...)
				withSpecial(r, lawfulbasis.SubstantialPublicInterest)
				act0(r).Automated[0].Ground = ExplicitConsent
				act0(r).Purposes = []Purpose{{Description: "Eligibility decision", Basis: lawfulbasis.Consent}}
				act0(r).ConsentRecord = "Consent log"
			},
			bug: "automated-special-eu requires contract or law with Art 9(2)(g), as UK GDPR Art 22B(3) does; GDPR Art 22(4) accepts point (g) with any Art 22(2) ground, so a decision on explicit consent (Art 22(2)(c)) with Art 9(2)(g) is flagged wrongly"},

		// DPA 2018 s164A, from 19 June 2026 (SI 2026/82 reg 3).
		{rule: "complaint-route", name: "from 19 June 2026", at: complaintsDay, path: "complaints",
			fire:  func(r *Register) { r.Complaints = ComplaintRoute{} },
			quiet: func(r *Register) { r.Complaints = ComplaintRoute{} }, quietAt: complaintsDay.AddDate(0, 0, -1)},
		{rule: "complaint-route", name: "never under the EU regime", path: "complaints",
			fire:  func(r *Register) { r.Complaints = ComplaintRoute{} },
			quiet: func(r *Register) { r.Complaints = ComplaintRoute{} }, quietRegime: eur},
		{rule: "complaint-form", path: "complaints.form",
			fire:  func(r *Register) { r.Complaints.Form = "" },
			quiet: func(r *Register) { r.Complaints = ComplaintRoute{Form: "https://northwind.example/complain"} }},

		// Art 30(5).
		{rule: "small-organisation", path: "controller.headcount",
			fire:  func(r *Register) { r.Controller.Headcount = Under250 },
			quiet: func(r *Register) { r.Controller.Headcount = "" }},

		// Who each fact is about (issue 16; Art 5(1)(a)): a referee is no
		// party to the customer's contract, and gives no order form.
		{rule: "unscoped-facts", name: "contract basis said of referees", path: "activities[0].purposes[0]",
			fire: func(r *Register) { act0(r).DataSubjects = []Subject{Customers, Referees} },
			quiet: func(r *Register) {
				a := act0(r)
				a.DataSubjects = []Subject{Customers, Referees}
				a.Purposes[0].Subjects = []Subject{Customers}
				a.DataCategories[2].Subjects = []Subject{Customers} // financial
				a.Sources[0].Subjects = []Subject{Customers}
			}},
		{rule: "unscoped-facts", name: "pay said of next of kin", path: "activities[0].dataCategories[1]",
			fire: func(r *Register) {
				a := act0(r)
				a.Purposes = []Purpose{{Description: "Pay staff", Basis: lawfulbasis.LegalObligation, Provision: "Income Tax (PAYE) Regulations 2003", Subjects: []Subject{Employees}}}
				a.DataSubjects = []Subject{Employees, NextOfKin}
				a.DataCategories = Cats(ContactDetails, PayAndBenefits)
				a.Sources = []Source{{Kind: FromSubject, Name: "Starter form", Subjects: []Subject{Employees, NextOfKin}}}
			},
			quiet: func(r *Register) {
				a := act0(r)
				a.Purposes = []Purpose{{Description: "Pay staff", Basis: lawfulbasis.LegalObligation, Provision: "Income Tax (PAYE) Regulations 2003", Subjects: []Subject{Employees}}}
				a.DataSubjects = []Subject{Employees, NextOfKin}
				a.DataCategories = []DataCategory{Cat(ContactDetails), {Category: PayAndBenefits, Subjects: []Subject{Employees}}}
				a.Sources = []Source{{Kind: FromSubject, Name: "Starter form", Subjects: []Subject{Employees, NextOfKin}}}
			}},
		// A referee's own job title and employer are theirs; a next of
		// kin's are not recorded by an employer.
		{rule: "unscoped-facts", name: "employer details of next of kin, not of referees", path: "activities[0].dataCategories[0]",
			fire: func(r *Register) {
				a := act0(r)
				a.Purposes = a.Purposes[1:]
				a.DataSubjects, a.DataCategories, a.Sources = []Subject{JobApplicants, NextOfKin}, Cats(EmploymentDetails), nil
			},
			quiet: func(r *Register) {
				a := act0(r)
				a.Purposes = a.Purposes[1:]
				a.DataSubjects, a.DataCategories, a.Sources = []Subject{JobApplicants, Referees}, Cats(EmploymentDetails), nil
			}},
		{rule: "unscoped-facts", name: "automated decision said of parents", path: "activities[0].automated[0]",
			fire: func(r *Register) {
				a := act0(r)
				a.Purposes, a.Sources, a.DataCategories = a.Purposes[1:], nil, Cats(Identifiers, Education)
				a.DataSubjects = []Subject{Pupils, Parents}
				a.Automated, a.None = []Decision{{Description: "Set allocation", Profiling: true}}, nil
			},
			// Financial details may be a parent's own (school meals).
			quiet: func(r *Register) {
				a := act0(r)
				a.Purposes, a.Sources, a.DataCategories = a.Purposes[1:], nil, Cats(Identifiers, Financial)
				a.DataSubjects = []Subject{Pupils, Parents}
			}},
		{rule: "unscoped-facts", name: "special category data said of referees", path: "activities[0].dataCategories[3]",
			fire: func(r *Register) {
				withSpecial(r, lawfulbasis.ExplicitConsent)
				a := act0(r)
				a.Purposes, a.Sources = a.Purposes[1:], nil
				a.DataSubjects = []Subject{Customers, Referees}
				a.DataCategories[2].Subjects = []Subject{Customers}
			},
			// Only referees and next of kin: no group to scope to.
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.ExplicitConsent)
				act0(r).DataSubjects = []Subject{Referees, NextOfKin}
			}},

		// Art 13(2)(f), 14(2)(g): per group.
		{rule: "automated-not-recorded", path: "activities[0].automated",
			fire: func(r *Register) { act0(r).None = nil },
			quiet: func(r *Register) {
				act0(r).None = nil
				act0(r).Automated = []Decision{{Description: "Fraud score", Profiling: true}}
			}},
		{rule: "automated-not-recorded", name: "stated for one group only", path: "activities[0].automated",
			fire: func(r *Register) {
				act0(r).DataSubjects = []Subject{Customers, Subscribers}
				act0(r).None = []None{{Fact: FactAutomated, Subjects: []Subject{Customers}}}
			},
			quiet: func(r *Register) {
				act0(r).DataSubjects = []Subject{Customers, Subscribers}
				act0(r).None = []None{{Fact: FactAutomated, Subjects: []Subject{Customers}}}
				act0(r).Automated = []Decision{{Description: "Send-time optimisation", Profiling: true, Subjects: []Subject{Subscribers}}}
			}},
		// Art 14(2)(f): per group.
		{rule: "sources-not-recorded", path: "activities[0].sources",
			fire: func(r *Register) { act0(r).Sources = nil },
			quiet: func(r *Register) {
				act0(r).Sources = nil
				act0(r).None = []None{{Fact: FactAutomated}, {Fact: FactOtherSources}}
			}},
		{rule: "sources-not-recorded", name: "one group without", path: "activities[0].sources",
			fire: func(r *Register) {
				act0(r).DataSubjects = []Subject{Customers, Referees}
				act0(r).Sources[0].Subjects = []Subject{Customers}
			},
			quiet: func(r *Register) {
				act0(r).DataSubjects = []Subject{Customers, Referees}
				act0(r).Sources[0].Subjects = []Subject{Customers}
				act0(r).Sources = append(act0(r).Sources, Source{Kind: FromThirdParty, Name: "The customer's application", Subjects: []Subject{Referees}})
			}},

		// GDPR Art 9(2)(b), (g)-(j): Union or member state law.
		{rule: "special-member-state-law", name: "employment law", regime: eur, path: "activities[0].special.conditions[0]",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.EmploymentLaw) },
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.EmploymentLaw)
				act0(r).Special.Law = "Data Protection Act 2018 (Ireland) s46"
			}},
		{rule: "special-member-state-law", name: "health care; explicit consent needs none", regime: eur, path: "activities[0].special.conditions[0]",
			fire:  func(r *Register) { withSpecial(r, lawfulbasis.HealthOrSocialCare) },
			quiet: func(r *Register) { withSpecial(r, lawfulbasis.ExplicitConsent) }},
		{rule: "special-member-state-law", name: "EU regime only", regime: eur, path: "activities[0].special.conditions[0]",
			fire: func(r *Register) { withSpecial(r, lawfulbasis.SubstantialPublicInterest) },
			quiet: func(r *Register) {
				withSpecial(r, lawfulbasis.SubstantialPublicInterest, lawfulbasis.Sch1EqualityOfOpportunity)
				withPolicyDocument(r)
			}, quietRegime: ukr},

		// Protection of Freedoms Act 2012 ss26-28.
		{rule: "school-biometric", name: "no alternative", path: "activities[0].consent.biometric.alternative",
			fire:  func(r *Register) { canteenFingerprints(r); act0(r).Consent.Biometric.Alternative = "" },
			quiet: canteenFingerprints},
		{rule: "school-biometric", name: "nothing recorded", path: "activities[0].consent.biometric.parentalConsent",
			fire: func(r *Register) { canteenFingerprints(r); act0(r).Consent.Biometric = BiometricConsent{} },
			// Not a school: a university's students (PoFA s26(1)).
			quiet: func(r *Register) {
				canteenFingerprints(r)
				r.Controller.School = false
				act0(r).Consent.Biometric = BiometricConsent{}
			}},
		{rule: "school-biometric", name: "UK only", path: "activities[0].consent.biometric.childRefusal",
			fire:  func(r *Register) { canteenFingerprints(r); act0(r).Consent.Biometric.ChildRefusal = false },
			quiet: func(r *Register) { canteenFingerprints(r); act0(r).Consent.Biometric.ChildRefusal = false }, quietRegime: eur},
		{rule: "school-biometric", name: "staff fingerprints", path: "activities[0].consent.biometric.parentalConsent",
			fire: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DataSubjects = []Subject{Pupils, Employees}
				act0(r).Consent.Biometric = BiometricConsent{}
			},
			quiet: func(r *Register) {
				canteenFingerprints(r)
				act0(r).DataSubjects = []Subject{Pupils, Employees}
				act0(r).DataCategories[1].Subjects = []Subject{Employees}
				act0(r).Consent.Biometric = BiometricConsent{}
			}},

		// Art 26.
		{rule: "joint-arrangement", name: "no essence", path: "jointControllers[0].essence",
			fire: func(r *Register) {
				r.JointControllers = []JointController{{Name: "Leeds City Council", Responsibilities: "We answer access requests; the council publishes the notice"}}
			},
			quiet: func(r *Register) {
				r.JointControllers = []JointController{{Name: "Leeds City Council", Responsibilities: "We answer access requests; the council publishes the notice",
					Essence: "https://northwind.example/privacy/joint"}}
			}},
		{rule: "joint-arrangement", name: "activity names an unlisted joint controller", path: "activities[0].jointControllers[0]",
			fire: func(r *Register) { act0(r).JointControllers = []string{"Leeds City Council"} },
			quiet: func(r *Register) {
				r.JointControllers = []JointController{{Name: "Leeds City Council", Responsibilities: "Set out in the data sharing agreement DSA-4", Essence: "Privacy notice, section 9"}}
				act0(r).JointControllers = []string{"leeds city council"}
			}},

		// Art 21(2)-(4); PECR reg 22.
		{rule: "marketing-after-objection", name: "marked", path: "activities[0].purposes[2].afterObjection",
			fire: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Send our offers by email", Basis: lawfulbasis.LegitimateInterests,
					Interest: "Selling to existing customers", Assessment: "LIA-7", DirectMarketing: true, AfterObjection: true})
			},
			// Art 21(1): other processing may go on after an objection on
			// compelling legitimate grounds.
			quiet: func(r *Register) { act0(r).Purposes[1].AfterObjection = true }},
		{rule: "marketing-after-objection", name: "said in the description", path: "activities[0].purposes[2].description",
			fire: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "To contact you about various things, including for marketing purposes, even if you have unsubscribed from job alerts",
					Basis: lawfulbasis.LegitimateInterests, Interest: "Recruitment", Assessment: "LIA-8"})
			},
			quiet: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Keep a suppression list so that, even after you unsubscribe, you do not get our marketing emails",
					Basis: lawfulbasis.LegalObligation, Provision: "PECR reg 22", DirectMarketing: true})
			}},
		{rule: "marketing-unmarked", path: "activities[0].purposes[2].directMarketing",
			fire: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Send you our monthly newsletter", Basis: lawfulbasis.Consent})
				act0(r).ConsentRecord = "Mailing platform"
			},
			quiet: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Send you our monthly newsletter", Basis: lawfulbasis.Consent, DirectMarketing: true})
				act0(r).ConsentRecord = "Mailing platform"
			}},
		// A newsletter to subscribers promotes; a school's newsletter to
		// parents is news within a relationship.
		{rule: "marketing-unmarked", name: "a school's newsletter to parents", path: "activities[0].purposes[0].directMarketing",
			fire: func(r *Register) {
				act0(r).Purposes = []Purpose{{Description: "Email our newsletter", Basis: lawfulbasis.Consent}}
				act0(r).DataSubjects, act0(r).ConsentRecord = []Subject{Subscribers, Parents}, "Mailing platform"
			},
			quiet: func(r *Register) {
				act0(r).Purposes = []Purpose{{Description: "Email our newsletter", Basis: lawfulbasis.Consent, Subjects: []Subject{Parents}}}
				act0(r).DataSubjects, act0(r).ConsentRecord = []Subject{Subscribers, Parents}, "Mailing platform"
			}},
		{rule: "marketing-unmarked", name: "promotions and denials are not marketing", path: "activities[0].purposes[2].directMarketing",
			fire: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes, Purpose{Description: "Promotional emails about new products", Basis: lawfulbasis.LegitimateInterests, Interest: "Sales", Assessment: "LIA-9"})
			},
			quiet: func(r *Register) {
				act0(r).Purposes = append(act0(r).Purposes,
					Purpose{Description: "Decide on staff promotions", Basis: lawfulbasis.Contract},
					Purpose{Description: "Answer questions about orders; we do not use them for marketing", Basis: lawfulbasis.Contract})
			}},

		// Repealed and invalid law in text (Art 12(1)).
		{rule: "repealed-law", name: "Data Protection Act 1998", path: "activities[0].security[0]",
			fire: func(r *Register) { act0(r).Security[0] = "Encryption as the Data Protection Act 1998 requires" },
			// Before 25 May 2018 the Act was in force.
			quiet: func(r *Register) { act0(r).Security[0] = "Encryption as the Data Protection Act 1998 requires" }, quietAt: ymd(2018, time.May, 24)},
		{rule: "repealed-law", name: "Directive 95/46/EC; notes are not checked", path: "complaints.details",
			fire:  func(r *Register) { r.Complaints.Details = "Handled as Directive 95/46/EC requires" },
			quiet: func(r *Register) { act0(r).Notes = "Our 2017 notice cited Directive 95/46/EC." }},
		{rule: "repealed-law", name: "Data Protection Bill", path: "dpo.name",
			fire:  func(r *Register) { r.DPO.Name = "Dana Okafor (appointed under the Data Protection Bill)" },
			quiet: func(r *Register) { r.DPO.Name = "Dana Okafor (appointed under the Data Protection Act 2018)" }},
		{rule: "repealed-law", name: "Privacy Shield", path: "activities[0].transfers[0].safeguards",
			fire: func(r *Register) {
				act0(r).Transfers[0].Safeguards = "CloudCo is certified under the EU-US Privacy Shield"
			},
			quiet: func(r *Register) {
				act0(r).Transfers[0].Safeguards = "CloudCo is certified under the Data Privacy Framework (formerly the Privacy Shield)"
			}},
		{rule: "repealed-law", name: "the EEA as the UK's free zone", at: ymd(2021, time.January, 1), path: "activities[0].locations[0]",
			fire:  func(r *Register) { act0(r).Locations = []string{"We do not transfer your data outside the EEA."} },
			quiet: func(r *Register) { act0(r).Locations = []string{"We do not transfer your data outside the EEA."} }, quietAt: ymd(2020, time.December, 31)},
		{rule: "repealed-law", name: "the EEA under the EU regime", path: "activities[0].locations[0]",
			fire:  func(r *Register) { act0(r).Locations = []string{"We do not transfer your data outside the EEA."} },
			quiet: func(r *Register) { act0(r).Locations = []string{"We do not transfer your data outside the EEA."} }, quietRegime: eur},

		// GDPR Art 13(2)(d), 14(2)(e).
		{rule: "authority-missing", regime: eur, path: "authority",
			fire:  func(r *Register) { r.Authority = SupervisoryAuthority{} },
			quiet: func(r *Register) { r.Authority = SupervisoryAuthority{} }, quietRegime: ukr},
		// The ICO supervises the UK GDPR from 1 January 2021, and before
		// that was the UK's authority under the GDPR itself.
		{rule: "authority-regime", name: "the UK regulator for the EU regime", regime: eur, path: "authority.code",
			fire:  func(r *Register) { r.Authority = SupervisoryAuthority{Code: "uk"} },
			quiet: func(r *Register) { r.Authority = SupervisoryAuthority{Code: "uk"} }, quietAt: ymd(2020, time.December, 31)},
		{rule: "authority-regime", name: "an EEA authority for the UK regime", path: "authority.code",
			fire:  func(r *Register) { r.Authority = SupervisoryAuthority{Code: "ie"} },
			quiet: func(r *Register) { r.Authority = SupervisoryAuthority{Code: "uk"} }},
		// Before 2021 the UK regime is the GDPR, which every EEA authority
		// supervised.
		{rule: "authority-regime", name: "an EEA authority before 2021", path: "authority.code",
			fire:  func(r *Register) { r.Authority = SupervisoryAuthority{Code: "fr"} },
			quiet: func(r *Register) { r.Authority = SupervisoryAuthority{Code: "fr"} }, quietAt: ymd(2020, time.June, 1)},
	}
}

func (tc ruleCase) String() string {
	s := tc.rule
	if tc.name != "" {
		s += "/" + tc.name
	}
	return s
}

// checkCase applies the compliant register, changed by mutate, to the law
// under regime on at.
func checkCase(regime lawfulbasis.Regime, at time.Time, mutate func(*Register)) Report {
	reg := compliantRegister()
	reg.Jurisdiction = regime
	withAuthority(reg)
	if mutate != nil {
		mutate(reg)
	}
	return Check(reg, at)
}

func TestRules(t *testing.T) {
	byID := map[string]Rule{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	for _, tc := range ruleCases() {
		t.Run(tc.String(), func(t *testing.T) {
			rule, ok := byID[tc.rule]
			if !ok {
				t.Fatalf("no built-in rule %q", tc.rule)
			}
			regime, at := cmpOr(tc.regime, ukr), tc.at
			if at.IsZero() {
				at = lawToday
			}
			if !rule.AppliesTo(regime, at) {
				t.Fatalf("rule %s does not apply under %v on %s", tc.rule, regime, at.Format(time.DateOnly))
			}

			if base := checkCase(regime, at, nil); slices.Contains(base.IDs(), tc.rule) {
				t.Errorf("%s fires on the compliant register under %v on %s:%s", tc.rule, regime, at.Format(time.DateOnly), printFindings(base.Findings))
			}

			rep := checkCase(regime, at, tc.fire)
			var got []Finding
			for _, f := range rep.Findings {
				if f.Rule == tc.rule {
					got = append(got, f)
				}
			}
			if len(got) == 0 {
				if tc.bug != "" {
					t.Skip("BUG: " + tc.bug)
				}
				t.Fatalf("%s does not fire under %v on %s; findings:%s", tc.rule, regime, at.Format(time.DateOnly), printFindings(rep.Findings))
			}
			for _, f := range got {
				if f.Severity != rule.Severity || f.Citation != rule.Cite(regime, at) || f.Message == "" || f.Path == "" {
					t.Errorf("finding %+v: want severity %v, citation %q, a message and a path", f, rule.Severity, rule.Cite(regime, at))
				}
				if strings.HasPrefix(f.Path, "activities[") && f.Activity != "customer-orders" {
					t.Errorf("finding %+v: activity = %q, want customer-orders", f, f.Activity)
				}
			}
			if tc.path != "" && !slices.ContainsFunc(got, func(f Finding) bool { return f.Path == tc.path }) {
				t.Errorf("%s reported at%s, want path %s", tc.rule, printFindings(got), tc.path)
			}

			if tc.quiet == nil {
				return
			}
			qRegime, qAt := cmpOr(tc.quietRegime, regime), tc.quietAt
			if qAt.IsZero() {
				qAt = at
			}
			near := checkCase(qRegime, qAt, tc.quiet)
			if slices.Contains(near.IDs(), tc.rule) {
				if tc.bug != "" {
					t.Skip("BUG: " + tc.bug)
				}
				t.Errorf("near miss fires %s under %v on %s:%s", tc.rule, qRegime, qAt.Format(time.DateOnly), printFindings(near.Findings))
			}
		})
	}
}

func cmpOr[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// TestRulesAllCovered fails when a built-in rule has no row in ruleCases,
// so that a new rule cannot be added without a test.
func TestRulesAllCovered(t *testing.T) {
	covered := map[string]bool{}
	for _, tc := range ruleCases() {
		covered[tc.rule] = true
	}
	for _, r := range Rules() {
		if !covered[r.ID] {
			t.Errorf("built-in rule %q has no test case in ruleCases", r.ID)
		}
		delete(covered, r.ID)
	}
	for id := range covered {
		t.Errorf("ruleCases tests %q, which is not a built-in rule", id)
	}
}

func TestRulesCatalogue(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Rules() {
		if seen[r.ID] {
			t.Errorf("duplicate rule ID %q", r.ID)
		}
		seen[r.ID] = true
		if r.ID != strings.ToLower(r.ID) || strings.ContainsAny(r.ID, " _") {
			t.Errorf("rule ID %q is not a lower-case slug", r.ID)
		}
		if r.Severity < Info || r.Severity > Error {
			t.Errorf("%s: severity %v", r.ID, r.Severity)
		}
		if r.Check == nil || !strings.HasSuffix(r.Summary, ".") {
			t.Errorf("%s: want a Check and a one-sentence Summary, got %q", r.ID, r.Summary)
		}
		if (r.Article == "") == (r.Citation == "") {
			t.Errorf("%s: want exactly one of Article %q and Citation %q", r.ID, r.Article, r.Citation)
		}
		for _, n := range r.Renumbered {
			if (n.Article == "") == (n.Citation == "") || (!n.From.IsZero() && !n.Until.IsZero() && !n.From.Before(n.Until)) {
				t.Errorf("%s: renumbering %+v: want exactly one of Article and Citation, and From before Until", r.ID, n)
			}
		}
		if r.Article != "" && len(r.Renumbered) == 0 {
			if got := r.Cite(ukr, lawToday); got != "UK GDPR Art "+r.Article {
				t.Errorf("%s: Cite(uk) = %q", r.ID, got)
			}
			if got := r.Cite(eur, lawToday); got != "GDPR Art "+r.Article {
				t.Errorf("%s: Cite(eu) = %q", r.ID, got)
			}
		}
		if !r.Until.IsZero() && !r.From.IsZero() && !r.From.Before(r.Until) {
			t.Errorf("%s: From %v not before Until %v", r.ID, r.From, r.Until)
		}
	}
	// Rules returns a copy: changing it does not change Check.
	rs := Rules()
	for i := range rs {
		rs[i].Check = nil
	}
	reg := compliantRegister()
	reg.Complaints = ComplaintRoute{}
	if !slices.Contains(Check(reg, lawToday).IDs(), "complaint-route") {
		t.Error("changing the slice Rules returns changed the built-in catalogue")
	}
}

// TestRuleDates pins the regimes and dates of the rules whose application
// depends on them, to the law they follow.
func TestRuleDates(t *testing.T) {
	byID := map[string]Rule{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	tests := []struct {
		id     string
		regime lawfulbasis.Regime
		at     time.Time
		want   bool
	}{
		// CJEU C-311/18, 16 July 2020.
		{"privacy-shield", ukr, beforeSchrems, false},
		{"privacy-shield", eur, schremsDay.AddDate(0, 0, -1), false},
		{"privacy-shield", eur, schremsDay, true},
		{"privacy-shield", ukr, lawToday, true},
		// DPA 2018 s164A: SI 2026/82 reg 3, 19 June 2026.
		{"complaint-route", ukr, complaintsDay.AddDate(0, 0, -1), false},
		{"complaint-route", ukr, complaintsDay, true},
		{"complaint-route", eur, lawToday, false},
		{"complaint-form", ukr, complaintsDay.AddDate(0, 0, -1), false},
		{"complaint-form", ukr, complaintsDay, true},
		// SI 2026/82 reg 2: 5 February 2026.
		{"children-higher-protection", ukr, duaaDay.AddDate(0, 0, -1), false},
		{"children-higher-protection", ukr, duaaDay, true},
		{"children-higher-protection", eur, lawToday, false},
		{"automated-safeguards", ukr, duaaDay.AddDate(0, 0, -1), false},
		{"automated-safeguards", ukr, duaaDay, true},
		{"automated-safeguards", eur, lawToday, false},
		{"automated-recognised-interest", ukr, duaaDay, true},
		{"automated-special", ukr, duaaDay.AddDate(0, 0, -1), false},
		{"transfer-protection-test", ukr, duaaDay.AddDate(0, 0, -1), false},
		{"transfer-protection-test", ukr, duaaDay, true},
		{"transfer-protection-test", eur, lawToday, false},
		// GDPR Art 22(2) and (4).
		{"automated-ground", eur, lawToday, true},
		{"automated-ground", ukr, lawToday, false},
		{"automated-special-eu", ukr, lawToday, false},
		// DPA 2018 Sch 1 is UK law.
		{"special-schedule1", eur, lawToday, false},
		{"policy-document", eur, lawToday, false},
		{"schedule1-record", eur, lawToday, false},
		{"recognised-interest-condition", eur, lawToday, false},
		{"transfer-dpf-certified", eur, lawToday, false},
		{"transfer-dpf-certified-eu", ukr, lawToday, false},
		// Art 6(5) exists from 5 February 2026 (DUAA s70).
		{"recognised-interest-condition", ukr, duaaDay.AddDate(0, 0, -1), false},
		{"recognised-interest-condition", ukr, duaaDay, true},
		// Protection of Freedoms Act 2012 ss26-28: SI 2013/2104 art 2.
		{"school-biometric", ukr, ymd(2013, time.August, 31), false},
		{"school-biometric", ukr, ymd(2013, time.September, 1), true},
		{"school-biometric", eur, lawToday, false},
		// EU only: member state law (Art 9(2)) and the lead authority.
		{"special-member-state-law", ukr, lawToday, false},
		{"special-member-state-law", eur, lawToday, true},
		{"authority-missing", ukr, lawToday, false},
		{"authority-missing", eur, lawToday, true},
		// The time of day does not matter.
		{"complaint-route", ukr, complaintsDay.Add(-time.Nanosecond), false},
		{"complaint-route", ukr, complaintsDay.Add(23*time.Hour + 59*time.Minute), true},
	}
	for _, tt := range tests {
		r, ok := byID[tt.id]
		if !ok {
			t.Errorf("no rule %q", tt.id)
			continue
		}
		if got := r.AppliesTo(tt.regime, tt.at); got != tt.want {
			t.Errorf("%s.AppliesTo(%v, %s) = %v, want %v", tt.id, tt.regime, tt.at.Format(time.RFC3339), got, tt.want)
		}
	}
}

// TestLawChanges checks one register as the law stood on 1 June 2019 and
// on 23 November 2026: the findings differ exactly where the law changed.
func TestLawChanges(t *testing.T) {
	reg := compliantRegister()
	a := act0(reg)
	// Privacy Shield: valid in 2019, invalid from 16 July 2020.
	a.Transfers[0] = Transfer{Country: "US", Recipient: "CloudCo Inc", Mechanism: lawfulbasis.PrivacyShield, Certified: true, Since: NewDate(2018, time.May, 25)}
	// Recognised legitimate interests: from 5 February 2026.
	a.Purposes = append(a.Purposes, Purpose{Description: "Report suspected fraud to the police", Basis: lawfulbasis.RecognisedLegitimateInterests, Annex1: lawfulbasis.Annex1Crime})
	// Complaints to the controller: from 19 June 2026.
	reg.Complaints = ComplaintRoute{}

	type key struct{ Rule, Path string }
	keys := func(rep Report) map[key]bool {
		m := map[key]bool{}
		for _, f := range rep.Findings {
			m[key{f.Rule, f.Path}] = true
		}
		return m
	}
	then, now := keys(Check(reg, beforeSchrems)), keys(Check(reg, lawToday))
	var onlyThen, onlyNow []key
	for k := range then {
		if !now[k] {
			onlyThen = append(onlyThen, k)
		}
	}
	for k := range now {
		if !then[k] {
			onlyNow = append(onlyNow, k)
		}
	}
	less := func(a, b key) int { return strings.Compare(a.Rule+" "+a.Path, b.Rule+" "+b.Path) }
	slices.SortFunc(onlyThen, less)
	slices.SortFunc(onlyNow, less)

	wantThen := []key{
		{"basis-unavailable", "activities[0].purposes[2].annex1"},
		{"basis-unavailable", "activities[0].purposes[2].basis"},
	}
	wantNow := []key{
		{"complaint-route", "complaints"},
		{"privacy-shield", "activities[0].transfers[0].mechanism"},
	}
	if diff := cmp.Diff(wantThen, onlyThen); diff != "" {
		t.Errorf("findings on 2019-06-01 only (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantNow, onlyNow); diff != "" {
		t.Errorf("findings on 2026-11-23 only (-want +got):\n%s", diff)
	}
	// What did not change is the same on both days (here, nothing else).
	for k := range then {
		if now[k] {
			t.Errorf("finding %v on both days", k)
		}
	}
}
