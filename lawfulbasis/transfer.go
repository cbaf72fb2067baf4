package lawfulbasis

import "time"

// Mechanism is the ground in Chapter V on which a restricted transfer of
// personal data to a third country or an international organisation is made:
// an approval (adequacy), an Art 46 safeguard, an Art 49 derogation, or one
// of the known withdrawn schemes kept so that a register relying on them can
// be caught. The zero value is not a mechanism.
type Mechanism uint8

// The transfer mechanisms. Values marked UK or EU exist under that regime
// only.
const (
	// Adequacy is, under the EU regime, an adequacy decision under Art 45(3);
	// under the UK regime, a transfer approved by regulations under Art 45A
	// (DUAA s85 and Sch 7, from 5 February 2026), which include every
	// adequacy regulation made under DPA 2018 s17A and every country deemed
	// adequate by DPA 2018 Sch 21 para 5 before then (DUAA Sch 9 paras 25-26).
	Adequacy Mechanism = iota + 1
	// DataPrivacyFramework is the EU-US Data Privacy Framework (Commission
	// Implementing Decision (EU) 2023/1795 of 10 July 2023) and, under the
	// UK regime, its UK Extension (Data Protection (Adequacy) (United States
	// of America) Regulations 2023, SI 2023/1028, from 12 October 2023). It
	// covers only recipients certified under it (for the UK, to the UK
	// Extension). An appeal is pending (Case C-703/25 P), so the approval
	// lists make it switchable: see [Approvals.WithoutDPF].
	DataPrivacyFramework
	// SCC is the EU standard contractual clauses of Commission Implementing
	// Decision (EU) 2021/914, Art 46(2)(c) (EU).
	SCC
	// LegacySCC is the standard contractual clauses adopted before 2021
	// (Decisions 2001/497/EC, 2004/915/EC and 2010/87/EU). Under the EU regime
	// they could be relied on until 27 December 2022 (Decision (EU) 2021/914
	// Art 4); under the UK regime, until 21 March 2024 (ICO transitional
	// provisions issued under DPA 2018 s119A).
	LegacySCC
	// IDTA is the UK International Data Transfer Agreement issued by the
	// Commissioner under DPA 2018 s119A, Art 46(2)(d), from 21 March 2022 (UK).
	IDTA
	// UKAddendum is the UK Addendum to the EU standard contractual clauses,
	// issued under DPA 2018 s119A, Art 46(2)(d), from 21 March 2022 (UK).
	UKAddendum
	// BCR is binding corporate rules, Art 46(2)(b) and Art 47.
	BCR
	// CodeOfConduct is an approved code of conduct with binding commitments,
	// Art 46(2)(e).
	CodeOfConduct
	// Certification is an approved certification mechanism with binding
	// commitments, Art 46(2)(f).
	Certification
	// PublicBodyInstrument is a legally binding and enforceable instrument
	// between public authorities or bodies, Art 46(2)(a).
	PublicBodyInstrument
	// AdministrativeArrangement is a provision in an administrative
	// arrangement between public authorities or bodies, Art 46(3)(b).
	AdministrativeArrangement
	// DerogationConsent is the data subject's explicit consent, Art 49(1)(a).
	DerogationConsent
	// DerogationContract is necessity for a contract with the data subject,
	// Art 49(1)(b).
	DerogationContract
	// DerogationContractInInterest is necessity for a contract in the data
	// subject's interest, Art 49(1)(c).
	DerogationContractInInterest
	// DerogationPublicInterest is important reasons of public interest,
	// Art 49(1)(d).
	DerogationPublicInterest
	// DerogationLegalClaims is legal claims, Art 49(1)(e).
	DerogationLegalClaims
	// DerogationVitalInterests is vital interests where the data subject
	// cannot consent, Art 49(1)(f).
	DerogationVitalInterests
	// DerogationPublicRegister is a transfer from a public register, Art
	// 49(1)(g).
	DerogationPublicRegister
	// DerogationCompellingInterests is the compelling legitimate interests
	// of the controller, Art 49(1) second subparagraph, for which Art
	// 30(1)(e) requires the documentation of suitable safeguards.
	DerogationCompellingInterests
	// PrivacyShield is the EU-US Privacy Shield (Commission Implementing
	// Decision (EU) 2016/1250), declared invalid on 16 July 2020 (Case
	// C-311/18, Schrems II). Never valid from that day.
	PrivacyShield
	// SwissUSPrivacyShield is the Swiss-US Privacy Shield, a Swiss scheme
	// for transfers from Switzerland. It was never a transfer mechanism under
	// the UK or EU regime, and so never valid after 16 July 2020 either.
	SwissUSPrivacyShield
)

func art46(point string) (string, string) {
	return "UK GDPR Art 46(" + point + ")", "GDPR Art 46(" + point + ")"
}

func mech46(point, slug, title, plain string, keys ...string) info {
	uk, eu := art46(point)
	return info{slug: slug, title: title, plain: plain, uk: uk, eu: eu, keys: keys, spans: both(),
		dpv: []string{"https://w3id.org/dpv/legal/eu/gdpr#A46-" + dashed(point), "eu-gdpr:A46-" + dashed(point)}}
}

func mech49(point, slug, title, plain string, keys ...string) info {
	uk, eu := "UK GDPR Art 49(1)("+point+")", "GDPR Art 49(1)("+point+")"
	return info{slug: slug, title: title, plain: plain, uk: uk, eu: eu, keys: keys, spans: both(),
		dpv: []string{"https://w3id.org/dpv/legal/eu/gdpr#A49-1-" + point, "eu-gdpr:A49-1-" + point}}
}

// dashed turns "2)(b" into "2-b" for DPV IRIs.
func dashed(point string) string {
	out := make([]byte, 0, len(point))
	for i := 0; i < len(point); i++ {
		switch c := point[i]; c {
		case '(':
		case ')':
			out = append(out, '-')
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

var mechanisms = newTable[Mechanism]("transfer mechanism", "a citation such as 46(2)(b) or 49(1)(a)", []info{
	{},
	{slug: "adequacy", title: "Adequacy (approved country)",
		plain: "The country has been approved as giving your information an adequate level of protection.",
		uk:    "UK GDPR Art 45A", eu: "GDPR Art 45(3)",
		keys:  []string{"adequacy decision", "adequacy regulations", "approved by regulations", "uk adequacy", "data bridge", "45", "45(3)"},
		dpv:   []string{"https://w3id.org/dpv/legal/eu/gdpr#A45-3", "eu-gdpr:A45-3"},
		spans: []Span{{Regime: UK, Note: "DPA 2018 s17A and Sch 21 para 5 until 4 February 2026; UK GDPR Art 45A from 5 February 2026 (DUAA s85, Sch 9 paras 25-26)"}, {Regime: EU}}},
	{slug: "data-privacy-framework", title: "EU-US Data Privacy Framework (UK Extension under the UK regime)",
		plain: "The recipient in the United States is certified under the Data Privacy Framework, which is approved as giving your information adequate protection.",
		uk:    "UK GDPR Art 45A; SI 2023/1028 (UK Extension to the EU-US Data Privacy Framework)", eu: "GDPR Art 45(3); Decision (EU) 2023/1795 (EU-US Data Privacy Framework)",
		keys: []string{"dpf", "eu-us dpf", "uk extension", "uk-us data bridge", "eu us data privacy framework"},
		spans: []Span{{Regime: UK, From: date(2023, 10, 12), Note: "SI 2023/1028"},
			{Regime: EU, From: date(2023, 7, 10), Note: "Decision (EU) 2023/1795"}}},
	{slug: "scc", title: "Standard contractual clauses (2021)",
		plain: "We use the standard contract clauses approved for transfers.",
		eu:    "GDPR Art 46(2)(c); Decision (EU) 2021/914",
		keys:  []string{"standard contractual clauses", "sccs", "eu sccs", "2021 sccs"},
		dpv:   []string{"https://w3id.org/dpv/legal/eu/gdpr#A46-2-c", "eu-gdpr:A46-2-c"},
		spans: []Span{{Regime: EU, From: date(2021, 6, 27), Note: "Decision (EU) 2021/914 Art 4"}}},
	{slug: "legacy-scc", title: "Standard contractual clauses adopted before 2021",
		plain: "We used the older standard contract clauses for transfers.",
		uk:    "UK GDPR Art 46(2) (transitional standard clauses)", eu: "GDPR Art 46(5); Decisions 2001/497/EC, 2004/915/EC, 2010/87/EU",
		keys: []string{"old sccs", "legacy sccs", "2010 sccs"},
		spans: []Span{{Regime: UK, Until: date(2024, 3, 21), Note: "ICO transitional provisions under DPA 2018 s119A"},
			{Regime: EU, Until: date(2022, 12, 27), Note: "Decision (EU) 2021/914 Art 4"}}},
	{slug: "idta", title: "International Data Transfer Agreement",
		plain: "We use the International Data Transfer Agreement issued by the UK regulator.",
		uk:    "UK GDPR Art 46(2)(d); DPA 2018 s119A (International Data Transfer Agreement)",
		keys:  []string{"international data transfer agreement"},
		spans: []Span{{Regime: UK, From: date(2022, 3, 21), Note: "issued under DPA 2018 s119A, in force 21 March 2022"}}},
	{slug: "uk-addendum", title: "UK Addendum to the EU standard contractual clauses",
		plain: "We use the EU standard contract clauses with the UK Addendum issued by the UK regulator.",
		uk:    "UK GDPR Art 46(2)(d); DPA 2018 s119A (UK Addendum)",
		keys:  []string{"addendum", "international data transfer addendum", "uk addendum to the eu sccs"},
		spans: []Span{{Regime: UK, From: date(2022, 3, 21), Note: "issued under DPA 2018 s119A, in force 21 March 2022"}}},
	func() info {
		i := mech46("2)(b", "bcr", "Binding corporate rules", "The recipient is part of our group and bound by approved binding corporate rules.", "binding corporate rules", "47")
		i.uk, i.eu = "UK GDPR Art 46(2)(b) and Art 47", "GDPR Art 46(2)(b) and Art 47"
		i.keys = append(i.keys, "46(2)(b)")
		return i
	}(),
	mech46("2)(e", "code-of-conduct", "Approved code of conduct", "The recipient has signed up to an approved code of conduct with binding commitments.", "code of conduct"),
	mech46("2)(f", "certification", "Approved certification mechanism", "The recipient holds an approved certification with binding commitments.", "certification mechanism"),
	mech46("2)(a", "public-body-instrument", "Legally binding instrument between public bodies", "The transfer is covered by a legally binding agreement between public bodies.", "legally binding instrument"),
	mech46("3)(b", "administrative-arrangement", "Administrative arrangement between public bodies", "The transfer is covered by an arrangement between public bodies that protects your rights."),
	mech49("a", "explicit-consent", "Explicit consent to the transfer", "You have given your explicit consent to the transfer, after being told of the risks.", "derogation consent"),
	mech49("b", "contract-with-data-subject", "Contract with the data subject", "The transfer is necessary for a contract with you, or steps you asked for before one.", "derogation contract"),
	mech49("c", "contract-in-interest", "Contract in the data subject's interest", "The transfer is necessary for a contract made in your interest."),
	mech49("d", "public-interest", "Important reasons of public interest", "The transfer is necessary for important reasons of public interest."),
	mech49("e", "legal-claims", "Legal claims", "The transfer is necessary to make, exercise or defend legal claims."),
	mech49("f", "vital-interests", "Vital interests", "The transfer is necessary to protect your life or someone else's, and you cannot give consent."),
	mech49("g", "public-register", "Transfer from a public register", "The information comes from a public register."),
	{slug: "compelling-legitimate-interests", title: "Compelling legitimate interests",
		plain: "The transfer is occasional and necessary for our compelling legitimate interests, with safeguards we have recorded.",
		uk:    "UK GDPR Art 49(1) second subparagraph", eu: "GDPR Art 49(1) second subparagraph",
		keys:  []string{"compelling interests", "49(1) second subparagraph"},
		dpv:   []string{"https://w3id.org/dpv/legal/eu/gdpr#A49-2", "eu-gdpr:A49-2"},
		spans: both()},
	{slug: "privacy-shield", title: "EU-US Privacy Shield (invalid since 16 July 2020)",
		plain: "The recipient was certified under the EU-US Privacy Shield, which is no longer valid.",
		uk:    "Decision (EU) 2016/1250 (EU-US Privacy Shield), invalid from 16 July 2020 (CJEU C-311/18)", eu: "Decision (EU) 2016/1250 (EU-US Privacy Shield), invalid from 16 July 2020 (CJEU C-311/18)",
		keys: []string{"eu-us privacy shield", "eu us privacy shield"},
		spans: []Span{{Regime: UK, From: date(2016, 8, 1), Until: PrivacyShieldInvalid, Note: "Court of Justice, Case C-311/18 (Schrems II), 16 July 2020"},
			{Regime: EU, From: date(2016, 8, 1), Until: PrivacyShieldInvalid, Note: "Court of Justice, Case C-311/18 (Schrems II), 16 July 2020"}}},
	{slug: "swiss-us-privacy-shield", title: "Swiss-US Privacy Shield (never a UK or EU mechanism)",
		plain: "The recipient was certified under the Swiss-US Privacy Shield, which was never a valid basis for transfers from the UK or the EU.",
		uk:    "none: a Swiss scheme, not a UK or EU transfer mechanism", eu: "none: a Swiss scheme, not a UK or EU transfer mechanism",
		keys: []string{"swiss us privacy shield", "swiss privacy shield"}},
})

// Mechanisms returns every transfer mechanism, approvals first, then Art 46
// safeguards, Art 49 derogations and the withdrawn schemes.
func Mechanisms() []Mechanism { return mechanisms.all() }

// MechanismsFor returns the mechanisms that exist under r on the day of at.
func MechanismsFor(r Regime, at time.Time) []Mechanism {
	var out []Mechanism
	for _, m := range Mechanisms() {
		if m.Available(r, at) {
			out = append(out, m)
		}
	}
	return out
}

// ParseMechanism reads a transfer mechanism from its slug, name, citation
// ("46(2)(b)", "Article 49(1)(a)") or DPV IRI. Anything else is a
// [*parse.Error].
func ParseMechanism(s string) (Mechanism, error) { return mechanisms.parse(s) }

// Valid reports whether m is one of the mechanisms.
func (m Mechanism) Valid() bool { return mechanisms.valid(m) }

// String returns the slug; an invalid value prints as "Mechanism(n)".
func (m Mechanism) String() string { return mechanisms.str(m, "Mechanism") }

// Title is the mechanism's name.
func (m Mechanism) Title() string { return mechanisms.info(m).title }

// Plain is a plain-English sentence for a notice.
func (m Mechanism) Plain() string { return mechanisms.info(m).plain }

// Citation is the mechanism's citation under r.
func (m Mechanism) Citation(r Regime) string { return mechanisms.info(m).citation(r) }

// Available reports whether the mechanism can be relied on for a transfer
// made under r on the day of at. Privacy Shield is never available from 16
// July 2020; the Swiss-US Privacy Shield never was.
func (m Mechanism) Available(r Regime, at time.Time) bool { return m.CheckAvailable(r, at) == nil }

// CheckAvailable is like [Mechanism.Available] but says why not.
func (m Mechanism) CheckAvailable(r Regime, at time.Time) error {
	if m == SwissUSPrivacyShield {
		return &UnavailableError{Value: m.String(), Regime: r, At: at,
			Reason: "it was a Swiss scheme for transfers from Switzerland and never a transfer mechanism under the UK or EU regime"}
	}
	return availability(m.String(), mechanisms.info(m).spans, r, at)
}

// IsApproval reports whether the mechanism is an approval of the country or
// recipient (Art 45 / Art 45A): no further safeguard is needed.
func (m Mechanism) IsApproval() bool {
	return m == Adequacy || m == DataPrivacyFramework || m == PrivacyShield || m == SwissUSPrivacyShield
}

// IsSafeguard reports whether the mechanism is an Art 46 (or Art 47)
// appropriate safeguard.
func (m Mechanism) IsSafeguard() bool { return m >= SCC && m <= AdministrativeArrangement }

// IsDerogation reports whether the mechanism is an Art 49 derogation for a
// specific situation.
func (m Mechanism) IsDerogation() bool {
	return m >= DerogationConsent && m <= DerogationCompellingInterests
}

// NeedsCertifiedRecipient reports whether the mechanism covers only
// recipients certified under a scheme (the Data Privacy Framework and, for
// the UK, its UK Extension; and the withdrawn Privacy Shield).
func (m Mechanism) NeedsCertifiedRecipient() bool {
	return m == DataPrivacyFramework || m == PrivacyShield || m == SwissUSPrivacyShield
}

// NeedsDataProtectionTest reports whether, under r on the day of at, the
// exporter must itself consider, acting reasonably and proportionately, that
// the data protection test is met ("not materially lower" protection): the
// UK regime's Art 46 safeguards from 5 February 2026 (UK GDPR Art 46(1A) and
// (6), inserted by DUAA Sch 7). Transfers under arrangements made before that
// day on safeguards that met the old rules remain covered (DUAA Sch 9 para
// 27), which a register records on the transfer, not here.
func (m Mechanism) NeedsDataProtectionTest(r Regime, at time.Time) bool {
	return r == UK && m.IsSafeguard() && !day(at).Before(DUAACommencement) && m.Available(r, at)
}

// NeedsDocumentedSafeguards reports whether the record of processing must
// document the suitable safeguards of a transfer made on the mechanism:
// the compelling legitimate interests derogation of Art 49(1) second
// subparagraph (Art 30(1)(e), Art 49(6)).
func (m Mechanism) NeedsDocumentedSafeguards() bool { return m == DerogationCompellingInterests }

// MarshalText implements [encoding.TextMarshaler] with the slug.
func (m Mechanism) MarshalText() ([]byte, error) { return mechanisms.marshal(m, "Mechanism") }

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseMechanism].
func (m *Mechanism) UnmarshalText(b []byte) error { return mechanisms.unmarshal(m, b) }
