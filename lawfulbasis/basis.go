package lawfulbasis

import "time"

// Basis is a lawful basis for processing under Article 6(1). The zero value
// is not a basis.
type Basis uint8

// The lawful bases of Art 6(1), in the order of its points. Recognised
// legitimate interests, point (ea), exists only under the UK regime, from
// 5 February 2026 (Data (Use and Access) Act 2025 s70; SI 2026/82 reg 2(c)).
const (
	Consent                       Basis = iota + 1 // Art 6(1)(a)
	Contract                                       // Art 6(1)(b)
	LegalObligation                                // Art 6(1)(c)
	VitalInterests                                 // Art 6(1)(d)
	PublicTask                                     // Art 6(1)(e)
	RecognisedLegitimateInterests                  // UK GDPR Art 6(1)(ea)
	LegitimateInterests                            // Art 6(1)(f)
)

// both returns spans for a value that holds under both regimes with no
// dates.
func both() []Span { return []Span{{Regime: UK}, {Regime: EU}} }

var bases = newTable[Basis]("lawful basis", "a citation such as 6(1)(f) or Article 6(1)(ea), or a W3C DPV IRI", []info{
	{},
	{slug: "consent", title: "Consent",
		plain: "You have given us your consent to use your information for this purpose.",
		uk:    "UK GDPR Art 6(1)(a)", eu: "GDPR Art 6(1)(a)",
		dpv:   []string{"https://w3id.org/dpv#Consent", "dpv:Consent", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-a", "eu-gdpr:A6-1-a"},
		spans: both()},
	{slug: "contract", title: "Contract",
		plain: "We need your information to carry out a contract with you, or to take steps you have asked for before entering into one.",
		uk:    "UK GDPR Art 6(1)(b)", eu: "GDPR Art 6(1)(b)",
		dpv:   []string{"https://w3id.org/dpv#Contract", "dpv:Contract", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-b", "eu-gdpr:A6-1-b"},
		keys:  []string{"performance of a contract"},
		spans: both()},
	{slug: "legal-obligation", title: "Legal obligation",
		plain: "We need to use your information to comply with the law.",
		uk:    "UK GDPR Art 6(1)(c)", eu: "GDPR Art 6(1)(c)",
		dpv:   []string{"https://w3id.org/dpv#LegalObligation", "dpv:LegalObligation", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-c", "eu-gdpr:A6-1-c"},
		spans: both()},
	{slug: "vital-interests", title: "Vital interests",
		plain: "We need to use your information to protect your life or someone else's.",
		uk:    "UK GDPR Art 6(1)(d)", eu: "GDPR Art 6(1)(d)",
		dpv:   []string{"https://w3id.org/dpv#VitalInterest", "dpv:VitalInterest", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-d", "eu-gdpr:A6-1-d"},
		keys:  []string{"vital interest"},
		spans: both()},
	{slug: "public-task", title: "Public task",
		plain: "We need to use your information to carry out a task in the public interest, or our official functions, which have a clear basis in law.",
		uk:    "UK GDPR Art 6(1)(e)", eu: "GDPR Art 6(1)(e)",
		dpv:   []string{"https://w3id.org/dpv#PublicInterest", "dpv:PublicInterest", "https://w3id.org/dpv#OfficialAuthority", "dpv:OfficialAuthority", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-e", "eu-gdpr:A6-1-e"},
		keys:  []string{"public interest", "official authority"},
		spans: both()},
	{slug: "recognised-legitimate-interests", title: "Recognised legitimate interests",
		plain: "We need to use your information for one of the recognised legitimate interests set out in law.",
		uk:    "UK GDPR Art 6(1)(ea)",
		keys:  []string{"recognised legitimate interest", "recognized legitimate interests", "recognized legitimate interest", "rli"},
		spans: []Span{{Regime: UK, From: DUAACommencement, Note: "Data (Use and Access) Act 2025 s70, commenced by SI 2026/82 reg 2(c)"}}},
	{slug: "legitimate-interests", title: "Legitimate interests",
		plain: "We need to use your information for our legitimate interests, or those of someone else, and your interests do not override them.",
		uk:    "UK GDPR Art 6(1)(f)", eu: "GDPR Art 6(1)(f)",
		dpv:   []string{"https://w3id.org/dpv#LegitimateInterest", "dpv:LegitimateInterest", "https://w3id.org/dpv/legal/eu/gdpr#A6-1-f", "eu-gdpr:A6-1-f"},
		keys:  []string{"legitimate interest"},
		spans: both()},
})

// Bases returns every lawful basis in the order of Art 6(1).
func Bases() []Basis { return bases.all() }

// ParseBasis reads a lawful basis from its slug ("legitimate-interests"),
// its name ("Legitimate interests"), its citation in the common spellings
// ("6(1)(f)", "Art 6(1)(f)", "Article 6(1)(f)", "art. 6.1.f", "UK GDPR Art
// 6(1)(ea)") or its W3C DPV IRI. Anything else is a [*parse.Error] that lists
// what is accepted.
func ParseBasis(s string) (Basis, error) { return bases.parse(s) }

// MustParseBasis is like [ParseBasis] but panics on error. It simplifies the
// initialisation of package-level values.
func MustParseBasis(s string) Basis {
	b, err := ParseBasis(s)
	if err != nil {
		panic(err)
	}
	return b
}

// Valid reports whether b is one of the bases.
func (b Basis) Valid() bool { return bases.valid(b) }

// String returns the slug; an invalid value prints as "Basis(n)".
func (b Basis) String() string { return bases.str(b, "Basis") }

// Title is the short name used in the ICO's guidance, e.g. "Public task".
func (b Basis) Title() string { return bases.info(b).title }

// Plain is a plain-English sentence for a privacy notice, in the second
// person.
func (b Basis) Plain() string { return bases.info(b).plain }

// Citation is the basis's citation under r, e.g. "UK GDPR Art 6(1)(f)" or
// "GDPR Art 6(1)(f)"; empty where the basis does not exist under r.
func (b Basis) Citation(r Regime) string { return bases.info(b).citation(r) }

// DPV is the W3C Data Privacy Vocabulary IRI of the basis (the dpv: concept),
// or "" where DPV has none (recognised legitimate interests).
func (b Basis) DPV() string {
	if d := bases.info(b).dpv; len(d) > 0 {
		return d[0]
	}
	return ""
}

// Spans returns when and where the basis holds.
func (b Basis) Spans() []Span { return append([]Span(nil), bases.info(b).spans...) }

// Available reports whether the basis can be relied on under r on the day
// of at. Recognised legitimate interests is available only under the UK
// regime from 5 February 2026.
func (b Basis) Available(r Regime, at time.Time) bool { return b.CheckAvailable(r, at) == nil }

// CheckAvailable is like [Basis.Available] but says why not, with an
// [*UnavailableError].
func (b Basis) CheckAvailable(r Regime, at time.Time) error {
	return availability(b.String(), bases.info(b).spans, r, at)
}

// ConsentBased reports whether the basis is consent, which the data subject
// may withdraw at any time (Art 7(3)).
func (b Basis) ConsentBased() bool { return b == Consent }

// PublicAuthorityMayUse reports whether a public authority may rely on the
// basis for processing in the performance of its tasks. It may not rely on
// legitimate interests, nor, under the UK regime, on recognised legitimate
// interests: Art 6(1), the sentence after point (f), which DUAA s70(2)(c)
// amended to read "Points (ea) and (f) shall not apply to processing carried
// out by public authorities in the performance of their tasks".
func (b Basis) PublicAuthorityMayUse() bool {
	return b.Valid() && b != LegitimateInterests && b != RecognisedLegitimateInterests
}

// AllowsSolelyAutomatedDecision reports whether a solely automated
// significant decision may rest, entirely or partly, on processing under the
// basis. Under the UK regime from 5 February 2026, no such decision may rest
// on recognised legitimate interests (UK GDPR Art 22B(4), inserted by DUAA
// s80). The EU regime's Art 22(2) grounds are about the decision, not the
// basis, and are checked elsewhere; so is the special category restriction
// of Art 22B(1)-(3). It is false for a basis that does not exist under r
// on the day of at ([Basis.Available]): recognised legitimate interests
// before 5 February 2026 or under the EU regime.
func (b Basis) AllowsSolelyAutomatedDecision(r Regime, at time.Time) bool {
	if !b.Valid() || !b.Available(r, at) {
		return false
	}
	return !(b == RecognisedLegitimateInterests && r == UK)
}

// NeedsInterest reports whether a purpose relying on the basis must name the
// interest pursued and a legitimate interests assessment (Art 6(1)(f); Art
// 13(1)(d)). Recognised legitimate interests needs no balancing test but
// must name its Annex 1 condition instead: see [Basis.NeedsAnnex1].
func (b Basis) NeedsInterest() bool { return b == LegitimateInterests }

// NeedsAnnex1 reports whether a purpose relying on the basis must name the
// Annex 1 condition it meets (UK GDPR Art 6(5)).
func (b Basis) NeedsAnnex1() bool { return b == RecognisedLegitimateInterests }

// NeedsLegalProvision reports whether the basis must be laid down by law,
// so that a purpose relying on it should name the provision (Art 6(3)):
// legal obligation and public task.
func (b Basis) NeedsLegalProvision() bool { return b == LegalObligation || b == PublicTask }

// MarshalText implements [encoding.TextMarshaler] with the slug.
func (b Basis) MarshalText() ([]byte, error) { return bases.marshal(b, "Basis") }

// AppendText implements [encoding.TextAppender].
func (b Basis) AppendText(dst []byte) ([]byte, error) {
	t, err := b.MarshalText()
	return append(dst, t...), err
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [ParseBasis].
func (b *Basis) UnmarshalText(text []byte) error { return bases.unmarshal(b, text) }
