package lawfulbasis

import (
	"strconv"
	"time"
)

// Annex1 is a recognised legitimate interest condition of UK GDPR Annex 1,
// one of which a purpose relying on Art 6(1)(ea) must meet (Art 6(5)).
// Annex 1 was inserted by the Data (Use and Access) Act 2025 Sch 4 and has
// five conditions, in force from 5 February 2026 (SI 2026/82 reg 2(z6)).
// The zero value is not a condition.
type Annex1 uint8

// The Annex 1 conditions. Paragraphs 4 and 7 define terms of paragraphs 3
// and 6 and are not conditions of their own.
const (
	Annex1Disclosure   Annex1 = iota + 1 // para 1: disclosure on request for the requester's public task
	Annex1Security                       // para 2: national security, public security and defence
	Annex1Emergencies                    // para 3: emergencies (Civil Contingencies Act 2004 Part 2)
	Annex1Crime                          // para 5: detecting, investigating or preventing crime, apprehending or prosecuting offenders
	Annex1Safeguarding                   // para 6: safeguarding vulnerable individuals
)

func ukFromDUAA(note string) []Span {
	return []Span{{Regime: UK, From: DUAACommencement, Note: note}}
}

const annex1Note = "UK GDPR Annex 1, inserted by DUAA Sch 4, commenced by SI 2026/82 reg 2(z6)"

var annex1s = newTable[Annex1]("recognised legitimate interest condition", "a citation such as Annex 1 para 5", []info{
	{},
	{slug: "disclosure-for-public-task", title: "Disclosure for the purposes of a public task",
		plain: "Another organisation asked us for the information and told us it needs it to carry out a task in the public interest, or its official functions, with a basis in law.",
		uk:    "UK GDPR Annex 1 para 1", keys: []string{"public task disclosure request", "disclosure"}, spans: ukFromDUAA(annex1Note)},
	{slug: "national-security", title: "National security, public security and defence",
		plain: "We need to use the information to safeguard national security, protect public security or for defence.",
		uk:    "UK GDPR Annex 1 para 2", keys: []string{"public security", "defence", "national security public security and defence"}, spans: ukFromDUAA(annex1Note)},
	{slug: "emergencies", title: "Emergencies",
		plain: "We need to use the information to respond to an emergency.",
		uk:    "UK GDPR Annex 1 para 3", keys: []string{"emergency"}, spans: ukFromDUAA(annex1Note)},
	{slug: "crime", title: "Crime",
		plain: "We need to use the information to detect, investigate or prevent crime, or to catch or prosecute offenders.",
		uk:    "UK GDPR Annex 1 para 5", keys: []string{"preventing crime", "crime prevention"}, spans: ukFromDUAA(annex1Note)},
	{slug: "safeguarding", title: "Safeguarding vulnerable individuals",
		plain: "We need to use the information to protect a child or an adult at risk from harm, or to protect their well-being.",
		uk:    "UK GDPR Annex 1 para 6", keys: []string{"safeguarding vulnerable individuals", "safeguarding vulnerable individual"}, spans: ukFromDUAA(annex1Note)},
})

// Annex1s returns the five Annex 1 conditions in paragraph order.
func Annex1s() []Annex1 { return annex1s.all() }

// ParseAnnex1 reads an Annex 1 condition from its slug, name or citation
// ("Annex 1 para 6"). Anything else is a [*parse.Error].
func ParseAnnex1(s string) (Annex1, error) { return annex1s.parse(s) }

// Valid reports whether a is one of the five conditions.
func (a Annex1) Valid() bool { return annex1s.valid(a) }

// String returns the slug; an invalid value prints as "Annex1(n)".
func (a Annex1) String() string { return annex1s.str(a, "Annex1") }

// Title is the condition's short name.
func (a Annex1) Title() string { return annex1s.info(a).title }

// Plain is a plain-English sentence for a notice. The ICO's guidance says a
// notice must name the Annex 1 condition as well as the basis ("What else do
// we need to consider?", recognised legitimate interest guidance).
func (a Annex1) Plain() string { return annex1s.info(a).plain }

// Citation is "UK GDPR Annex 1 para n" under the UK regime, "" under the EU
// regime, which has no such conditions.
func (a Annex1) Citation(r Regime) string { return annex1s.info(a).citation(r) }

// Available reports whether the condition holds under r on the day of at.
func (a Annex1) Available(r Regime, at time.Time) bool { return a.CheckAvailable(r, at) == nil }

// CheckAvailable is like [Annex1.Available] but says why not.
func (a Annex1) CheckAvailable(r Regime, at time.Time) error {
	return availability(a.String(), annex1s.info(a).spans, r, at)
}

// NeedsRequester reports whether a purpose relying on the condition must
// record who asked for the disclosure and that their request states the
// Art 6(1)(e) need (Annex 1 para 1).
func (a Annex1) NeedsRequester() bool { return a == Annex1Disclosure }

// MarshalText implements [encoding.TextMarshaler] with the slug.
func (a Annex1) MarshalText() ([]byte, error) { return annex1s.marshal(a, "Annex1") }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseAnnex1].
func (a *Annex1) UnmarshalText(b []byte) error { return annex1s.unmarshal(a, b) }

// Condition is a condition of Art 9(2) for processing special category
// data. The zero value is not a condition.
type Condition uint8

// The Art 9(2) conditions, points (a) to (j).
const (
	ExplicitConsent           Condition = iota + 1 // Art 9(2)(a)
	EmploymentLaw                                  // Art 9(2)(b): employment, social security and social protection law
	VitalInterestsIncapable                        // Art 9(2)(c): vital interests, data subject incapable of consenting
	NotForProfitBody                               // Art 9(2)(d): foundation, association or other not-for-profit body
	MadePublic                                     // Art 9(2)(e): manifestly made public by the data subject
	LegalClaims                                    // Art 9(2)(f): legal claims or courts acting in their judicial capacity
	SubstantialPublicInterest                      // Art 9(2)(g): substantial public interest
	HealthOrSocialCare                             // Art 9(2)(h): health or social care
	PublicHealth                                   // Art 9(2)(i): public health
	ArchivingResearch                              // Art 9(2)(j): archiving, scientific or historical research, statistics
)

func art9(point string) (string, string) {
	return "UK GDPR Art 9(2)(" + point + ")", "GDPR Art 9(2)(" + point + ")"
}

func art9info(point, slug, title, plain string, keys ...string) info {
	uk, eu := art9(point)
	return info{slug: slug, title: title, plain: plain, uk: uk, eu: eu, keys: keys, spans: both(),
		dpv: []string{"https://w3id.org/dpv/legal/eu/gdpr#A9-2-" + point, "eu-gdpr:A9-2-" + point}}
}

var conditions = newTable[Condition]("special category condition", "a citation such as 9(2)(b) or Article 9(2)(g), or a W3C DPV IRI", []info{
	{},
	art9info("a", "explicit-consent", "Explicit consent", "You have given us your explicit consent."),
	art9info("b", "employment-law", "Employment, social security and social protection", "We need to use the information to meet our obligations or exercise rights in employment, social security or social protection law.", "employment", "employment social security and social protection law"),
	art9info("c", "vital-interests", "Vital interests", "We need to use the information to protect your life or someone else's, and you cannot give consent.", "vital interests incapable"),
	art9info("d", "not-for-profit", "Not-for-profit bodies", "We are a not-for-profit body and use the information about our members or regular contacts, with safeguards.", "not for profit body"),
	art9info("e", "made-public", "Made public by the data subject", "You have clearly made the information public yourself.", "manifestly made public"),
	art9info("f", "legal-claims", "Legal claims or judicial acts", "We need to use the information to make, exercise or defend legal claims.", "legal claims or judicial acts"),
	art9info("g", "substantial-public-interest", "Reasons of substantial public interest", "We need to use the information for reasons of substantial public interest set out in law.", "substantial public interest"),
	art9info("h", "health-or-social-care", "Health or social care", "We need to use the information to provide health or social care, or for occupational health.", "health and social care", "health or social care purposes"),
	art9info("i", "public-health", "Public health", "We need to use the information for reasons of public health."),
	art9info("j", "archiving-research", "Archiving, research and statistics", "We use the information for archiving in the public interest, research or statistics, with safeguards.", "research", "archiving research and statistics"),
})

// Conditions returns the ten Art 9(2) conditions in the order of their
// points.
func Conditions() []Condition { return conditions.all() }

// ParseCondition reads an Art 9(2) condition from its slug, name, citation
// ("9(2)(b)", "Article 9(2)(g)") or DPV IRI. Anything else is a
// [*parse.Error].
func ParseCondition(s string) (Condition, error) { return conditions.parse(s) }

// Valid reports whether c is one of the conditions.
func (c Condition) Valid() bool { return conditions.valid(c) }

// String returns the slug; an invalid value prints as "Condition(n)".
func (c Condition) String() string { return conditions.str(c, "Condition") }

// Title is the condition's short name.
func (c Condition) Title() string { return conditions.info(c).title }

// Plain is a plain-English sentence for a notice.
func (c Condition) Plain() string { return conditions.info(c).plain }

// Citation is e.g. "UK GDPR Art 9(2)(b)" or "GDPR Art 9(2)(b)".
func (c Condition) Citation(r Regime) string { return conditions.info(c).citation(r) }

// DPV is the condition's IRI in the DPV GDPR extension.
func (c Condition) DPV() string {
	if d := conditions.info(c).dpv; len(d) > 0 {
		return d[0]
	}
	return ""
}

// Available reports whether the condition holds under r on the day of at.
// All ten exist under both regimes.
func (c Condition) Available(r Regime, at time.Time) bool { return c.CheckAvailable(r, at) == nil }

// CheckAvailable is like [Condition.Available] but says why not.
func (c Condition) CheckAvailable(r Regime, at time.Time) error {
	return availability(c.String(), conditions.info(c).spans, r, at)
}

// NeedsSchedule1 reports whether, under r, the condition is met only with a
// condition of DPA 2018 Schedule 1 as well: under the UK regime, points (b),
// (h), (i) and (j) need a condition in Part 1 and point (g) one in Part 2
// (DPA 2018 s10(2) and (3)). The EU regime has no Schedule 1; the member
// state law that points (b), (g), (h), (i) and (j) refer to is outside this
// library.
func (c Condition) NeedsSchedule1(r Regime) bool {
	if r != UK {
		return false
	}
	switch c {
	case EmploymentLaw, SubstantialPublicInterest, HealthOrSocialCare, PublicHealth, ArchivingResearch:
		return true
	}
	return false
}

// ExplicitConsentBased reports whether the condition is explicit consent,
// which the data subject may withdraw (Art 7(3)).
func (c Condition) ExplicitConsentBased() bool { return c == ExplicitConsent }

// MarshalText implements [encoding.TextMarshaler] with the slug.
func (c Condition) MarshalText() ([]byte, error) { return conditions.marshal(c, "Condition") }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseCondition].
func (c *Condition) UnmarshalText(b []byte) error { return conditions.unmarshal(c, b) }

// Schedule1 is a condition of DPA 2018 Schedule 1. Parts 1 and 2 complete an
// Art 9(2) condition for special category data under the UK regime (DPA 2018
// s10(2)-(3)); any condition in Parts 1, 2 or 3 is the UK's authority for
// criminal offence data under Art 10 (DPA 2018 s10(5)). The zero value is
// not a condition.
type Schedule1 uint8

// The Schedule 1 conditions, in paragraph order. Paragraph 5 is Part 2's
// general requirement of an appropriate policy document, not a condition.
// The disclosure cases of paragraphs 10(2) and 27(3), which need no
// appropriate policy document, are values of their own.
const (
	Sch1Employment                  Schedule1 = iota + 1 // Pt 1 para 1
	Sch1HealthOrSocialCare                               // Pt 1 para 2
	Sch1PublicHealth                                     // Pt 1 para 3
	Sch1Research                                         // Pt 1 para 4
	Sch1StatutoryPurposes                                // Pt 2 para 6
	Sch1AdministrationOfJustice                          // Pt 2 para 7
	Sch1EqualityOfOpportunity                            // Pt 2 para 8
	Sch1RacialDiversity                                  // Pt 2 para 9
	Sch1PreventingUnlawfulActs                           // Pt 2 para 10
	Sch1UnlawfulActsDisclosure                           // Pt 2 para 10(2)
	Sch1ProtectingAgainstDishonesty                      // Pt 2 para 11
	Sch1RegulatoryRequirements                           // Pt 2 para 12
	Sch1Journalism                                       // Pt 2 para 13
	Sch1PreventingFraud                                  // Pt 2 para 14
	Sch1TerroristFinancing                               // Pt 2 para 15
	Sch1DisabilitySupport                                // Pt 2 para 16
	Sch1Counselling                                      // Pt 2 para 17
	Sch1Safeguarding                                     // Pt 2 para 18
	Sch1EconomicWellBeing                                // Pt 2 para 19
	Sch1Insurance                                        // Pt 2 para 20
	Sch1OccupationalPensions                             // Pt 2 para 21
	Sch1PoliticalParties                                 // Pt 2 para 22
	Sch1ElectedRepresentatives                           // Pt 2 para 23
	Sch1DisclosureToRepresentatives                      // Pt 2 para 24
	Sch1PrisonerInformation                              // Pt 2 para 25
	Sch1LegalJudgments                                   // Pt 2 para 26
	Sch1AntiDoping                                       // Pt 2 para 27
	Sch1AntiDopingDisclosure                             // Pt 2 para 27(3)
	Sch1SportStandards                                   // Pt 2 para 28
	Sch1Consent                                          // Pt 3 para 29
	Sch1VitalInterests                                   // Pt 3 para 30
	Sch1NotForProfit                                     // Pt 3 para 31
	Sch1PublicDomain                                     // Pt 3 para 32
	Sch1LegalClaims                                      // Pt 3 para 33
	Sch1JudicialActs                                     // Pt 3 para 34
	Sch1IndecencyAccounts                                // Pt 3 para 35
	Sch1SubstantialPublicInterest                        // Pt 3 para 36: extension of the Part 2 conditions
	Sch1InsuranceExtension                               // Pt 3 para 37
)

// sch1 is the data of one Schedule 1 condition beyond the common info.
type sch1 struct {
	part int
	para string // "10" or "10(2)"
	apd  bool   // needs an appropriate policy document
}

var sch1s = []sch1{{},
	{1, "1", true}, {1, "2", false}, {1, "3", false}, {1, "4", false},
	{2, "6", true}, {2, "7", true}, {2, "8", true}, {2, "9", true}, {2, "10", true}, {2, "10(2)", false},
	{2, "11", true}, {2, "12", true}, {2, "13", false}, {2, "14", true}, {2, "15", true}, {2, "16", true},
	{2, "17", true}, {2, "18", true}, {2, "19", true}, {2, "20", true}, {2, "21", true}, {2, "22", true},
	{2, "23", true}, {2, "24", true}, {2, "25", true}, {2, "26", true}, {2, "27", true}, {2, "27(3)", false},
	{2, "28", true},
	{3, "29", false}, {3, "30", false}, {3, "31", false}, {3, "32", false}, {3, "33", false}, {3, "34", false},
	{3, "35", true}, {3, "36", true}, {3, "37", true},
}

var sch1Titles = []struct{ slug, title string }{{},
	{"employment", "Employment, social security and social protection"},
	{"health-or-social-care", "Health or social care purposes"},
	{"public-health", "Public health"},
	{"research", "Research etc"},
	{"statutory-purposes", "Statutory etc and government purposes"},
	{"administration-of-justice", "Administration of justice and parliamentary purposes"},
	{"equality-of-opportunity", "Equality of opportunity or treatment"},
	{"racial-diversity", "Racial and ethnic diversity at senior levels of organisations"},
	{"preventing-unlawful-acts", "Preventing or detecting unlawful acts etc"},
	{"unlawful-acts-disclosure", "Preventing or detecting unlawful acts: disclosure to a competent authority"},
	{"protecting-against-dishonesty", "Protecting the public against dishonesty etc"},
	{"regulatory-requirements", "Regulatory requirements relating to unlawful acts and dishonesty etc"},
	{"journalism", "Journalism etc in connection with unlawful acts and dishonesty etc"},
	{"preventing-fraud", "Preventing fraud"},
	{"terrorist-financing", "Suspicion of terrorist financing or money laundering"},
	{"disability-support", "Support for individuals with a particular disability or medical condition"},
	{"counselling", "Counselling etc"},
	{"safeguarding", "Safeguarding of children and of individuals at risk"},
	{"economic-well-being", "Safeguarding of economic well-being of certain individuals"},
	{"insurance", "Insurance"},
	{"occupational-pensions", "Occupational pensions"},
	{"political-parties", "Political parties"},
	{"elected-representatives", "Elected representatives responding to requests"},
	{"disclosure-to-representatives", "Disclosure to elected representatives"},
	{"prisoner-information", "Informing elected representatives about prisoners"},
	{"legal-judgments", "Publication of legal judgments"},
	{"anti-doping", "Anti-doping in sport"},
	{"anti-doping-disclosure", "Anti-doping in sport: disclosure to an anti-doping body"},
	{"sport-standards", "Standards of behaviour in sport"},
	{"consent", "Consent"},
	{"vital-interests", "Protecting individual's vital interests"},
	{"not-for-profit", "Processing by not-for-profit bodies"},
	{"public-domain", "Personal data in the public domain"},
	{"legal-claims", "Legal claims"},
	{"judicial-acts", "Judicial acts"},
	{"indecency-accounts", "Administration of accounts used in commission of indecency offences involving children"},
	{"substantial-public-interest", "Extension of conditions in Part 2 referring to substantial public interest"},
	{"insurance-extension", "Extension of insurance conditions"},
}

const sch1Source = "DPA 2018 Sch 1; https://www.legislation.gov.uk/ukpga/2018/12/schedule/1"

var schedule1s = func() *table[Schedule1] {
	infos := make([]info, len(sch1s))
	for i := 1; i < len(sch1s); i++ {
		s := sch1s[i]
		cite := "DPA 2018 Sch 1 Pt " + strconv.Itoa(s.part) + " para " + s.para
		infos[i] = info{
			slug: sch1Titles[i].slug, title: sch1Titles[i].title, uk: cite,
			keys:  []string{"Sch 1 para " + s.para, "para " + s.para, "Schedule 1 paragraph " + s.para},
			spans: []Span{{Regime: UK, Note: sch1Source}},
		}
	}
	return newTable[Schedule1]("Schedule 1 condition", "a citation such as DPA 2018 Sch 1 Pt 2 para 8, Sch 1 para 8 or para 8", infos)
}()

// Schedule1s returns every Schedule 1 condition in paragraph order.
func Schedule1s() []Schedule1 { return schedule1s.all() }

// ParseSchedule1 reads a Schedule 1 condition from its slug, name or
// citation ("DPA 2018 Sch 1 Pt 2 para 8", "Schedule 1 Part 2 paragraph 8",
// "Sch 1 para 8", "para 10(2)"). Anything else is a [*parse.Error].
func ParseSchedule1(s string) (Schedule1, error) { return schedule1s.parse(s) }

// Valid reports whether s is one of the conditions.
func (s Schedule1) Valid() bool { return schedule1s.valid(s) }

// String returns the slug; an invalid value prints as "Schedule1(n)".
func (s Schedule1) String() string { return schedule1s.str(s, "Schedule1") }

// Title is the paragraph's heading in the Act.
func (s Schedule1) Title() string { return schedule1s.info(s).title }

// Citation is e.g. "DPA 2018 Sch 1 Pt 2 para 8" under the UK regime and ""
// under the EU regime.
func (s Schedule1) Citation(r Regime) string { return schedule1s.info(s).citation(r) }

// Part is the Part of Schedule 1 the condition is in (1, 2 or 3), or 0.
func (s Schedule1) Part() int {
	if s.Valid() {
		return sch1s[s].part
	}
	return 0
}

// Paragraph is the paragraph number, with a sub-paragraph for the
// disclosure cases ("10(2)").
func (s Schedule1) Paragraph() string {
	if s.Valid() {
		return sch1s[s].para
	}
	return ""
}

// Available reports whether the condition holds under r on the day of at:
// Schedule 1 is UK law only.
func (s Schedule1) Available(r Regime, at time.Time) bool { return s.CheckAvailable(r, at) == nil }

// CheckAvailable is like [Schedule1.Available] but says why not.
func (s Schedule1) CheckAvailable(r Regime, at time.Time) error {
	return availability(s.String(), schedule1s.info(s).spans, r, at)
}

// NeedsPolicyDocument reports whether the controller must have an
// appropriate policy document in place (DPA 2018 Sch 1 Pt 4 paras 38-40) and
// keep the para 41 fields in its record: Part 1 para 1 (para 1(1)(b)); every
// Part 2 condition (para 5(1)) except the disclosure cases of paras 10(2) and
// 27(3) and the whole of para 13 (para 13(3)); Part 3 para 35 (para
// 35(1)(c)), para 36 (it carries the Part 2 condition, with its para 5
// requirement) and para 37 (it carries para 20). Not paras 2-4 or 29-34.
func (s Schedule1) NeedsPolicyDocument() bool { return s.Valid() && sch1s[s].apd }

// SpecialCategory reports whether the condition can complete an Art 9(2)
// condition for special category data: Parts 1 and 2 (DPA 2018 s10(2)-(3)).
// Part 3 conditions are for criminal offence data only.
func (s Schedule1) SpecialCategory() bool { p := s.Part(); return p == 1 || p == 2 }

// CriminalOffence reports whether the condition can authorise criminal
// offence data under Art 10: every condition in Parts 1, 2 and 3 (DPA 2018
// s10(5)).
func (s Schedule1) CriminalOffence() bool { return s.Valid() }

// Completes reports whether s is the kind of Schedule 1 condition that c
// needs under the UK regime: Part 1 para 1 for Art 9(2)(b), para 2 for (h),
// para 3 for (i), para 4 for (j) and a Part 2 condition for (g) (DPA 2018
// s10(2)-(3)).
func (s Schedule1) Completes(c Condition) bool {
	switch c {
	case EmploymentLaw:
		return s == Sch1Employment
	case HealthOrSocialCare:
		return s == Sch1HealthOrSocialCare
	case PublicHealth:
		return s == Sch1PublicHealth
	case ArchivingResearch:
		return s == Sch1Research
	case SubstantialPublicInterest:
		return s.Part() == 2
	}
	return false
}

// MarshalText implements [encoding.TextMarshaler] with the slug.
func (s Schedule1) MarshalText() ([]byte, error) { return schedule1s.marshal(s, "Schedule1") }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseSchedule1].
func (s *Schedule1) UnmarshalText(b []byte) error { return schedule1s.unmarshal(s, b) }
