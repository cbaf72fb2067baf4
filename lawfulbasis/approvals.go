package lawfulbasis

import (
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/country"
)

// Confidence grades how well a legal fact is established, as the project's
// law notes label it. An Unconfirmed fact is never hard-coded as certain:
// it is data that a caller can switch off or override.
type Confidence uint8

const (
	// Confirmed facts come from the primary text (Act, statutory instrument,
	// Official Journal) or the regulator's own page.
	Confirmed Confidence = iota + 1
	// Corroborated facts come from two or more independent secondary
	// sources that agree.
	Corroborated
	// Unconfirmed facts rest on one weak source, or sources conflict.
	Unconfirmed
)

// String returns "confirmed", "corroborated" or "unconfirmed".
func (c Confidence) String() string {
	switch c {
	case Confirmed:
		return "confirmed"
	case Corroborated:
		return "corroborated"
	case Unconfirmed:
		return "unconfirmed"
	}
	return "unknown"
}

// Approval is one entry of a regime's list of approved third countries and
// international organisations: an EU adequacy decision (Art 45(3)), or UK
// approval regulations (Art 45A) or a country deemed adequate (DPA 2018 Sch
// 21 para 5, treated as approved by DUAA Sch 9 para 25).
type Approval struct {
	Regime     Regime
	Country    string    // ISO 3166-1 alpha-2 code; "EU" for the EU institutions; an organisation's short name for an international organisation
	Name       string    // the country or organisation
	Instrument string    // the decision or regulations, with its number where known
	From       time.Time // first day of the approval
	Until      time.Time // first day it no longer applies; zero: in force
	Scope      string    // partial scope, e.g. "commercial organisations subject to PIPEDA"; empty for the whole country
	// Certified reports that the approval covers only recipients certified
	// under a scheme and listed by it: the EU-US Data Privacy Framework
	// (Decision (EU) 2023/1795, Art 1: organisations on the "Data Privacy
	// Framework List"), its UK Extension (SI 2023/1028 reg 3(2)(a): a person
	// "indicated on the Data Privacy Framework List as participating in the
	// UK Extension") and, before 16 July 2020, the Privacy Shield. A
	// transfer to an uncertified recipient in the same country is not
	// covered. Scope says which scheme.
	Certified bool
	// Excludes describes data the approval does not cover although the
	// recipient is within its scope, e.g. personal data transferred for the
	// purposes of UK immigration control under the EU's 2021 decision for
	// the United Kingdom; empty when nothing is excluded. A rule or notice
	// can show it; the approval still Covers the country.
	Excludes string
	// ExcludesConfidence grades Excludes on its own, since an exclusion can
	// be less well established than the approval that carries it. Zero when
	// Excludes is empty.
	ExcludesConfidence Confidence
	Confidence         Confidence
	Source             string
}

// Covers reports whether the approval applies on the day of at.
func (a Approval) Covers(at time.Time) bool {
	d := day(at)
	if !a.From.IsZero() && d.Before(day(a.From)) {
		return false
	}
	return a.Until.IsZero() || d.Before(day(a.Until))
}

// Approvals is a list of approvals, for one or both regimes. The built-in
// list is [DefaultApprovals]; a caller can switch entries off (for example
// [Approvals.WithoutDPF]) or add its own, and pass the list to the checks.
type Approvals []Approval

// Lookup finds the approval that covers a transfer under r to country (an
// ISO 3166-1 alpha-2 code, any case, or an organisation's short name) on the
// day of at. Under the UK regime before 1 January 2021 the EU regime's list
// applies, because the GDPR applied in the UK until then.
func (l Approvals) Lookup(r Regime, country string, at time.Time) (Approval, bool) {
	if r == UK && day(at).Before(UKGDPRStart) {
		r = EU
	}
	c := strings.ToUpper(strings.TrimSpace(country))
	for _, a := range l {
		if a.Regime == r && a.Country == c && a.Covers(at) {
			return a, true
		}
	}
	return Approval{}, false
}

// Without returns a copy of the list without the entries drop reports true
// for.
func (l Approvals) Without(drop func(Approval) bool) Approvals {
	return slices.DeleteFunc(slices.Clone(l), drop)
}

// Edit returns a copy of the list with f applied to each entry: the way to
// override a fact the built-in list holds, for example to drop an exclusion
// marked Unconfirmed once the caller has read the instrument. f is called
// with a pointer to the copy's entry; the original list is unchanged.
func (l Approvals) Edit(f func(*Approval)) Approvals {
	out := slices.Clone(l)
	for i := range out {
		f(&out[i])
	}
	return out
}

// WithoutDPF returns the list without the Data Privacy Framework and its UK
// Extension: the switch for the day the pending appeal against the DPF
// decision (Case C-703/25 P) succeeds, or for a cautious DPO.
func (l Approvals) WithoutDPF() Approvals {
	return l.Without(func(a Approval) bool { return a.Country == "US" && a.Certified && a.Until.IsZero() })
}

// EEA is the list of the 30 states of the European Economic Area: the 27
// member states of the EU with Iceland, Liechtenstein and Norway, as ISO
// 3166-1 alpha-2 codes.
var eea = []string{
	"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT",
	"LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
}

// IsEEA reports whether country (ISO 3166-1 alpha-2) is a state of the
// European Economic Area.
func IsEEA(country string) bool {
	c := strings.ToUpper(strings.TrimSpace(country))
	for _, e := range eea {
		if e == c {
			return true
		}
	}
	return false
}

// ThirdCountry reports whether a transfer under r to country on the day of
// at is a restricted transfer at all. Under the EU regime the EEA states are
// not third countries, nor was the United Kingdom before 1 January 2021
// (the end of the transition period). Under the UK regime the United Kingdom
// is not a third country, and before 1 January 2021 the EEA states were not
// either.
func ThirdCountry(r Regime, country string, at time.Time) bool {
	c := strings.ToUpper(strings.TrimSpace(country))
	before := day(at).Before(UKGDPRStart)
	switch {
	case c == "GB" || c == "UK":
		return r == EU && !before
	case IsEEA(c):
		return r == UK && !before
	}
	return true
}

const (
	sch21      = "DPA 2018 Sch 21 para 5, treated as approved by regulations under UK GDPR Art 45A by DUAA Sch 9 para 25"
	sch21Src   = "https://www.legislation.gov.uk/ukpga/2018/12/schedule/21"
	euListSrc  = "European Commission adequacy decisions, compiled from CNPD Luxembourg's list (law note section 8)"
	dpfPending = "appeal pending, Case C-703/25 P (OJ C/2025/6610); General Court dismissed T-553/23 Latombe on 3 September 2025"
)

// DefaultApprovals returns a fresh copy of the built-in approval lists of
// both regimes, as they stood on [LawAsOf]. Each entry carries its
// instrument, dates, scope, confidence and source.
func DefaultApprovals() Approvals {
	var l Approvals
	uk := func(code, name, scope string) {
		l = append(l, Approval{Regime: UK, Country: code, Name: name, Instrument: sch21, From: UKGDPRStart,
			Scope: scope, Confidence: Confirmed, Source: sch21Src})
	}
	for _, code := range eea {
		uk(code, country.Name(code), "")
	}
	uk("GI", country.Name("GI"), "")
	uk("EU", "EU institutions, bodies, offices and agencies", "")
	for _, c := range []struct{ code, name, scope string }{
		{"CH", country.Name("CH"), ""},
		{"CA", country.Name("CA"), "recipients subject to the Personal Information Protection and Electronic Documents Act (PIPEDA)"},
		{"AR", country.Name("AR"), ""}, {"GG", country.Name("GG"), ""}, {"IM", country.Name("IM"), ""}, {"JE", country.Name("JE"), ""},
		{"FO", country.Name("FO"), ""}, {"AD", country.Name("AD"), ""}, {"IL", country.Name("IL"), ""}, {"UY", country.Name("UY"), ""},
		{"NZ", country.Name("NZ"), ""},
		{"JP", country.Name("JP"), "recipients subject to the Act on the Protection of Personal Information (APPI)"},
	} {
		uk(c.code, c.name, c.scope)
	}
	l = append(l,
		Approval{Regime: UK, Country: "KR", Name: country.Name("KR"),
			Instrument: "Data Protection (Adequacy) (Republic of Korea) Regulations 2022, SI 2022/1213",
			From:       date(2022, 12, 19), Scope: "recipients subject to the Personal Information Protection Act (PIPA)",
			Confidence: Corroborated, Source: "https://www.legislation.gov.uk/uksi/2022/1213"},
		// SI 2023/1028, read on legislation.gov.uk: in force 12 October 2023
		// (reg 1(2)); covers only a transfer to a person "indicated on the
		// Data Privacy Framework List as participating in the UK Extension to
		// the EU-US Data Privacy Framework" that will be subject to the DPF
		// Principles on receipt (reg 3(2)).
		Approval{Regime: UK, Country: "US", Name: "United States (UK Extension to the EU-US Data Privacy Framework)",
			Instrument: "Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028",
			From:       date(2023, 10, 12), Scope: "only organisations certified on the Data Privacy Framework List that participate in the UK Extension",
			Certified: true, Confidence: Confirmed, Source: "https://www.legislation.gov.uk/uksi/2023/1028; " + dpfPending},
	)
	eu := func(code, name, instrument string, from, until time.Time, scope string, conf Confidence) {
		l = append(l, Approval{Regime: EU, Country: code, Name: name, Instrument: instrument, From: from, Until: until,
			Scope: scope, Confidence: conf, Source: euListSrc})
	}
	z := time.Time{}
	eu("CH", country.Name("CH"), "Commission Decision 2000/518/EC", date(2000, 7, 26), z, "", Corroborated)
	eu("CA", country.Name("CA"), "Commission Decision 2002/2/EC", date(2001, 12, 20), z, "commercial organisations subject to PIPEDA", Corroborated)
	eu("AR", country.Name("AR"), "Commission Decision 2003/490/EC", date(2003, 6, 30), z, "", Corroborated)
	eu("GG", country.Name("GG"), "Commission Decision 2003/821/EC", date(2003, 11, 21), z, "", Corroborated)
	eu("IM", country.Name("IM"), "Commission Decision 2004/411/EC", date(2004, 4, 28), z, "", Corroborated)
	eu("JE", country.Name("JE"), "Commission Decision 2008/393/EC", date(2008, 5, 8), z, "", Corroborated)
	eu("FO", country.Name("FO"), "Commission Decision 2010/146/EU", date(2010, 3, 5), z, "", Corroborated)
	eu("AD", country.Name("AD"), "Commission Decision 2010/625/EU", date(2010, 10, 19), z, "", Corroborated)
	eu("IL", country.Name("IL"), "Commission Decision 2011/61/EU", date(2011, 1, 31), z, "", Corroborated)
	eu("UY", country.Name("UY"), "Commission Implementing Decision 2012/484/EU", date(2012, 8, 21), z, "", Corroborated)
	eu("NZ", country.Name("NZ"), "Commission Implementing Decision 2013/65/EU", date(2012, 12, 19), z, "", Corroborated)
	eu("JP", country.Name("JP"), "Commission Implementing Decision (EU) 2019/419", date(2019, 1, 23), z, "private sector recipients subject to the APPI", Corroborated)
	eu("KR", country.Name("KR"), "Commission Implementing Decision (EU) 2022/254", date(2021, 12, 17), z, "recipients subject to the Personal Information Protection Act (PIPA)", Corroborated)
	eu("GB", country.Name("GB"), "EU-UK Trade and Cooperation Agreement Art FINPROV.10A (interim provision)", UKGDPRStart, date(2021, 6, 28), "", Corroborated)
	l = append(l,
		// Commission Implementing Decision (EU) 2021/1772 of 28 June 2021
		// (C(2021) 4800), Art 1(2) and recital 6: the decision does not cover
		// personal data transferred for the purposes of UK immigration
		// control, or data to which the immigration exemption (DPA 2018 Sch 2
		// para 4) applies. Corroborated: Cooley (cdp.cooley.com, "European
		// Commission issues UK adequacy decisions"), Baker McKenzie
		// (viewpoints.bakermckenzie.com/post/102h1j5), DDG (ddg.fr) and Howes
		// Percival (howespercival.com, "Extension of the 2021 adequacy
		// decisions for the UK") agree; the Official Journal text of Art 1(2)
		// was not read here. The decision was due to expire on 27 June 2025
		// and was extended unchanged by six months, to 27 December 2025
		// (Commission technical extension of June 2025; law note section 8;
		// Howes Percival and Mondaq 1709926 agree).
		Approval{Regime: EU, Country: "GB", Name: country.Name("GB"),
			Instrument: "Commission Implementing Decision (EU) 2021/1772 of 28 June 2021, extended to 27 December 2025",
			From:       date(2021, 6, 28), Until: date(2025, 12, 27),
			Excludes:           "personal data transferred for the purposes of United Kingdom immigration control, or otherwise falling within the immigration exemption of DPA 2018 Sch 2 para 4 (Decision (EU) 2021/1772, Art 1(2) and recital 6)",
			ExcludesConfidence: Corroborated, Confidence: Corroborated,
			Source: "https://cdp.cooley.com/european-commission-issues-uk-adequacy-decisions/; " + euListSrc},
		// The renewal adopted on 19 December 2025, valid until 27 December
		// 2031 (law note section 8; dpocentre.com and itpro.com agree). Its
		// decision number was not found. Whether it keeps the immigration
		// exclusion is UNCONFIRMED: the only source found, Dr Karen Mc
		// Cullagh's UEA law school blog ("EU-UK data adequacy decisions
		// renewed"), says the renewed decisions cover immigration data after
		// the UK's 2022 and 2024 amendments to the exemption; no second
		// source and no Official Journal text was found. The exclusion is
		// therefore kept here as data marked Unconfirmed, neither extended as
		// certain nor dropped: a caller who has read the renewal can clear it
		// with Approvals.Edit.
		Approval{Regime: EU, Country: "GB", Name: country.Name("GB"),
			Instrument: "Commission implementing decision of 19 December 2025 renewing the adequacy finding for the United Kingdom (decision number unconfirmed)",
			From:       date(2025, 12, 27), Until: date(2031, 12, 27),
			Excludes:           "personal data transferred for the purposes of United Kingdom immigration control: excluded by the 2021 decision; whether the 2025 renewal keeps the exclusion is unconfirmed (one source says it was dropped)",
			ExcludesConfidence: Unconfirmed, Confidence: Corroborated,
			Source: "https://www.dpocentre.com/news/eu-renews-uk-personal-data-adequacy-decisions; https://www.uea.ac.uk/about/law-school/research/research-blog/eu-uk-data-adequacy-decisions-renewed:-stability-in-data-flows-by-dr-karen-mc-cullagh"},
		// Commission Implementing Decision (EU) 2026/179 of 26 January 2026
		// (published in the Official Journal on 28 January 2026): the number
		// and date are given by europalov.no (id-34841), which quotes the
		// decision's title; the date of 26 January 2026 is also given by
		// datenschutz-notizen.de and the Commission's announcement of
		// 27 January 2026 is reported by cms.law, tozzinifreire.com.br and
		// kennedyslaw.com. Corroborated; the Official Journal was not read.
		Approval{Regime: EU, Country: "BR", Name: country.Name("BR"),
			Instrument: "Commission Implementing Decision (EU) 2026/179 of 26 January 2026 (mutual with Brazil's ANPD, Resolution CD/ANPD No 32/2026)",
			From:       date(2026, 1, 26), Confidence: Corroborated,
			Source: "https://europalov.no/rettsakt/beskyttelse-av-personopplysninger-ved-datautveksling-med-brasil/id-34841; " + euListSrc},
	)
	eu("EPO", "European Patent Organisation", "Commission adequacy decision of 15 July 2025 (first for an international organisation)", date(2025, 7, 15), z, "", Corroborated)
	l = append(l,
		Approval{Regime: EU, Country: "US", Name: "United States (EU-US Privacy Shield)",
			Instrument: "Commission Implementing Decision (EU) 2016/1250, invalidated by the Court of Justice in Case C-311/18",
			From:       date(2016, 8, 1), Until: PrivacyShieldInvalid, Scope: "only organisations certified under the Privacy Shield",
			Certified: true, Confidence: Confirmed, Source: "ECLI:EU:C:2020:559"},
		// Commission Implementing Decision (EU) 2023/1795 of 10 July 2023
		// (C(2023) 4745), Art 1: adequate protection for personal data
		// transferred to organisations in the United States "included in the
		// Data Privacy Framework List". Title and date from the EUR-Lex text
		// mirrored at lexaris.de and data-privacy-framework.com; Norton Rose
		// Fulbright's dataprotectionreport.com agrees. Corroborated.
		Approval{Regime: EU, Country: "US", Name: "United States (EU-US Data Privacy Framework)",
			Instrument: "Commission Implementing Decision (EU) 2023/1795 of 10 July 2023", From: date(2023, 7, 10),
			Scope:     "only organisations certified under the EU-US Data Privacy Framework (on the Data Privacy Framework List)",
			Certified: true, Confidence: Corroborated, Source: "CELEX 32023D1795; " + dpfPending},
	)
	return l
}
