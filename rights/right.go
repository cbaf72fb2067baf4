package rights

import (
	"fmt"
	"slices"
	"time"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/lawfulbasis"
)

// Right is a right of the data subject. The zero value is not a right.
type Right uint8

// The rights, in the order of the articles that grant them (Chapter III of
// the UK GDPR and the GDPR, then consent withdrawal and complaints).
const (
	// Informed is the right to be informed: Arts 13 and 14.
	Informed Right = iota + 1
	// Access is the right of access: Art 15.
	Access
	// Rectification is the right to rectification: Art 16.
	Rectification
	// Erasure is the right to erasure ("right to be forgotten"): Art 17.
	Erasure
	// Restriction is the right to restriction of processing: Art 18.
	Restriction
	// Portability is the right to data portability: Art 20.
	Portability
	// Object is the right to object: Art 21(1), to processing based on
	// Art 6(1)(e) or (f) (and, under the UK regime from 5 February 2026,
	// (ea)); the controller may continue if it shows compelling legitimate
	// grounds or needs the data for legal claims.
	Object
	// ObjectDirectMarketing is the right to object at any time to processing
	// for direct marketing, including profiling related to it: Art 21(2).
	// It is absolute: "the personal data shall no longer be processed for
	// such purposes" (Art 21(3)), with no balancing and whatever the lawful
	// basis, so it depends on the purpose, not the basis (see [ForPurpose]).
	// DUAA s70(5) amends only Art 21(1); Art 21(2) and (3) are the same in
	// the UK GDPR and the GDPR.
	ObjectDirectMarketing
	// AutomatedDecisions are the rights about solely automated decisions:
	// GDPR Art 22 under the EU regime; under the UK regime, Art 22 before
	// 5 February 2026 and Arts 22A-22D (the safeguards of Art 22C) from that
	// day (DUAA s80 and Sch 6; SI 2026/82 reg 2(j)).
	AutomatedDecisions
	// WithdrawConsent is the right to withdraw consent at any time: Art 7(3).
	WithdrawConsent
	// ComplainToController is the right to complain to the controller: UK
	// only, DPA 2018 s164A, in force from 19 June 2026 (DUAA s103; SI 2026/82
	// reg 3).
	ComplainToController
	// ComplainToAuthority is the right to complain to the supervisory
	// authority: GDPR Art 77 under the EU regime; under the UK regime, UK
	// GDPR Art 77 before 19 June 2026 and DPA 2018 s165 from that day (UK
	// GDPR Art 77 omitted by DUAA s103 and Sch 10).
	ComplainToAuthority
)

// rightInfo is the data behind one right.
type rightInfo struct {
	slug  string
	title string
	plain string   // the regime-neutral sentence for a notice
	names []string // further accepted names, matched like the slug
	cites []string // accepted citations, matched without "Art", "GDPR", ...
}

var infos = [...]rightInfo{
	{},
	Informed: {slug: "informed", title: "Right to be informed",
		plain: "You have the right to be told what information we collect about you, why we use it, who we share it with and how long we keep it.",
		names: []string{"right to information", "information"},
		cites: []string{"13", "14", "13 14", "13 and 14", "13-14"}},
	Access: {slug: "access", title: "Right of access",
		plain: "You can ask for a copy of the information we hold about you.",
		names: []string{"right to access", "subject access", "subject access request", "sar", "dsar"},
		cites: []string{"15"}},
	Rectification: {slug: "rectification", title: "Right to rectification",
		plain: "You can ask us to correct information about you that is wrong and to complete information that is incomplete.",
		names: []string{"rectify"},
		cites: []string{"16"}},
	Erasure: {slug: "erasure", title: "Right to erasure",
		plain: "You can ask us to delete your information in some circumstances.",
		names: []string{"right to be forgotten", "erase", "deletion"},
		cites: []string{"17"}},
	Restriction: {slug: "restriction", title: "Right to restrict processing",
		plain: "You can ask us to limit how we use your information in some circumstances, for example while we check that it is accurate.",
		names: []string{"right to restriction of processing", "right to restriction", "restriction of processing", "restrict processing"},
		cites: []string{"18"}},
	Portability: {slug: "portability", title: "Right to data portability",
		plain: "You can ask for the information you gave us in a common, machine-readable format, and ask us to send it to another organisation where that is technically possible.",
		names: []string{"data portability", "right to portability"},
		cites: []string{"20"}},
	Object: {slug: "object", title: "Right to object",
		plain: "You can object to our use of your information, and we must then stop unless we have compelling legitimate grounds to continue or need it for legal claims.",
		names: []string{"objection", "right to object to processing"},
		cites: []string{"21", "21(1)"}},
	ObjectDirectMarketing: {slug: "object-direct-marketing", title: "Right to object to direct marketing",
		plain: "You can object at any time to our use of your information for direct marketing, and we must then stop.",
		names: []string{"objection to direct marketing", "direct marketing objection", "object to direct marketing",
			"right to object to processing for direct marketing", "opt out of direct marketing"},
		cites: []string{"21(2)", "21(3)", "21(2) and (3)", "21(2)-(3)"}},
	AutomatedDecisions: {slug: "automated-decisions", title: "Rights related to automated decision-making, including profiling",
		plain: "If we make a significant decision about you based solely on automated processing, you will be told about it and you can make representations, ask for a person to step in (human intervention) and contest the decision.",
		names: []string{"automated decision-making", "automated decision making", "automated decisions", "adm",
			"rights related to automated decision-making", "rights related to automated decision making including profiling",
			"rights in relation to automated decision making and profiling"},
		cites: []string{"22", "22A", "22B", "22C", "22D", "22A-22D", "22A to 22D"}},
	WithdrawConsent: {slug: "withdraw-consent", title: "Right to withdraw consent",
		plain: "Where we rely on your consent, you can withdraw it at any time, which does not affect what we did before you withdrew it.",
		names: []string{"withdrawal of consent", "consent withdrawal", "withdraw"},
		cites: []string{"7(3)"}},
	ComplainToController: {slug: "complain-to-controller", title: "Right to complain to the controller",
		plain: "You can complain to us if you think we have not handled your information in line with data protection law.",
		names: []string{"complaint to the controller", "complain to us", "complaint to controller"},
		cites: []string{"s164A", "section 164A", "164A"}},
	ComplainToAuthority: {slug: "complain-to-authority", title: "Right to complain to the supervisory authority",
		plain: "You can complain to a data protection supervisory authority.",
		names: []string{"right to lodge a complaint", "right to lodge a complaint with a supervisory authority",
			"complaint to the supervisory authority", "complain to the regulator", "complaint to the regulator",
			"right to complain to the regulator", "complaint to the commissioner", "complaint to the ico", "complain to the ico"},
		cites: []string{"77", "s165", "section 165"}},
}

// table is the lookup table behind [Parse]: index r is right r. Building
// it panics if two rights share a spelling, which the tests catch.
var table = buildTable()

func buildTable() *enum.Table {
	entries := make([]enum.Entry, len(infos))
	for r := Right(1); int(r) < len(infos); r++ {
		i := infos[r]
		cites := slices.Clone(i.cites)
		for _, g := range lawfulbasis.Regimes() {
			cites = append(cites, r.Citation(g, time.Time{}), r.Citation(g, lawfulbasis.LawAsOf))
		}
		entries[r] = enum.Entry{Slug: i.slug, Title: i.title, Keys: i.names, Cites: cites}
	}
	return enum.New("right", `a title such as "Right of access" or a citation such as "Art 15"`, entries)
}

// All returns every right in the order of the constants.
func All() []Right {
	out := make([]Right, 0, len(infos)-1)
	for r := Right(1); int(r) < len(infos); r++ {
		out = append(out, r)
	}
	return out
}

// Valid reports whether r is one of the rights.
func (r Right) Valid() bool { return r > 0 && int(r) < len(infos) }

// String returns the slug, e.g. "access" or "automated-decisions"; an
// invalid value prints as "Right(n)" and never panics.
func (r Right) String() string {
	if r.Valid() {
		return infos[r].slug
	}
	return fmt.Sprintf("Right(%d)", uint8(r))
}

// Title is the right's name as the ICO's guidance gives it, e.g. "Right of
// access"; "" for an invalid value.
func (r Right) Title() string {
	if r.Valid() {
		return infos[r].title
	}
	return ""
}

// Plain is one plain-English sentence for a privacy notice, in the second
// person, that holds under both regimes. For the wording specific to a
// regime and date, use [Right.PlainAt]. "" for an invalid value.
func (r Right) Plain() string {
	if r.Valid() {
		return infos[r].plain
	}
	return ""
}

// PlainAt is like [Right.Plain] but worded for the law of r on the day of
// at:
//
//   - AutomatedDecisions under the UK regime from 5 February 2026 names the
//     four safeguards of UK GDPR Art 22C(2): being told about the decision,
//     making representations, obtaining human intervention and contesting
//     the decision (DUAA s80). Under the EU regime, and the UK regime before
//     that day, it states the Art 22(1) right not to be subject to such a
//     decision and the Art 22(3) safeguards.
//   - ComplainToAuthority under the EU regime adds the member state choice
//     of Art 77(1); under the UK regime it refers to the UK regulator without
//     naming it, since the regulator's name is changing (the Information
//     Commission under DUAA s119; the date is unconfirmed), and the caller
//     is better placed to supply it: package authority gives the name on a
//     date, with the date as a switch
//     ([github.com/article30/article30/authority.UK]).
//
// It is "" where the right is not available (see [Right.Available]).
func (r Right) PlainAt(g lawfulbasis.Regime, at time.Time) string {
	if !r.Available(g, at) {
		return ""
	}
	switch r {
	case AutomatedDecisions:
		if g == lawfulbasis.UK && onOrAfter(at, lawfulbasis.DUAACommencement) {
			return infos[r].plain
		}
		return "You have the right not to be subject to a decision based solely on automated processing, including profiling, that has legal or similarly significant effects on you, and where such a decision is allowed you can ask for a person to step in, give your point of view and contest the decision."
	case ComplainToAuthority:
		if g == lawfulbasis.EU {
			return "You can complain to a data protection supervisory authority, in particular in the EU country where you live or work or where you think the law was broken."
		}
		return "You can complain to the UK's data protection regulator."
	}
	return infos[r].plain
}

// Citation is the provision that grants the right under g on the day of at,
// e.g. "UK GDPR Art 15" or "GDPR Art 15" (ObjectDirectMarketing is "UK GDPR
// Art 21(2)" or "GDPR Art 21(2)"):
//
//   - AutomatedDecisions under the UK regime is "UK GDPR Arts 22A-22D" from
//     5 February 2026 (DUAA s80; SI 2026/82 reg 2(j)) and "UK GDPR Art 22"
//     before.
//   - ComplainToController is "DPA 2018 s164A" under the UK regime from
//     19 June 2026 (DUAA s103; SI 2026/82 reg 3).
//   - ComplainToAuthority under the UK regime is "DPA 2018 s165" from
//     19 June 2026, when DUAA Sch 10 omitted UK GDPR Art 77, and "UK GDPR
//     Art 77" before; under the EU regime it is "GDPR Art 77".
//
// It is "" where the right is not available (see [Right.Available]) or g is
// not a regime.
func (r Right) Citation(g lawfulbasis.Regime, at time.Time) string {
	if !r.Available(g, at) {
		return ""
	}
	uk := g == lawfulbasis.UK
	switch r {
	case Informed:
		return g.Prefix() + " Arts 13 and 14"
	case Access:
		return g.Cite("15")
	case Rectification:
		return g.Cite("16")
	case Erasure:
		return g.Cite("17")
	case Restriction:
		return g.Cite("18")
	case Portability:
		return g.Cite("20")
	case Object:
		return g.Cite("21")
	case ObjectDirectMarketing:
		return g.Cite("21(2)")
	case AutomatedDecisions:
		if uk && onOrAfter(at, lawfulbasis.DUAACommencement) {
			return g.Prefix() + " Arts 22A-22D"
		}
		return g.Cite("22")
	case WithdrawConsent:
		return g.Cite("7(3)")
	case ComplainToController:
		return "DPA 2018 s164A"
	case ComplainToAuthority:
		if uk && onOrAfter(at, lawfulbasis.ComplaintsCommencement) {
			return "DPA 2018 s165"
		}
		return g.Cite("77")
	}
	return ""
}

// Available reports whether the right exists under g on the day of at.
// ComplainToController exists only under the UK regime, from 19 June 2026
// (DPA 2018 s164A, inserted by DUAA s103; SI 2026/82 reg 3). Every other
// right exists under both regimes, under one provision or another (see
// [Right.Citation]). It is false for an invalid right or regime.
func (r Right) Available(g lawfulbasis.Regime, at time.Time) bool {
	if !r.Valid() || !g.Valid() {
		return false
	}
	if r == ComplainToController {
		return g == lawfulbasis.UK && onOrAfter(at, lawfulbasis.ComplaintsCommencement)
	}
	return true
}

// chapterIII reports whether the right is exercised by a request under
// Arts 15 to 22 (UK: 15 to 22D), the requests whose time limits Art 12(3)
// and UK GDPR Art 12A govern.
func (r Right) chapterIII() bool { return r >= Access && r <= AutomatedDecisions }

// MarshalText implements [encoding.TextMarshaler] with the slug; it refuses
// an invalid value.
func (r Right) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("rights: cannot marshal invalid %v", r)
	}
	return []byte(infos[r].slug), nil
}

// AppendText implements [encoding.TextAppender]; it refuses an invalid
// value.
func (r Right) AppendText(dst []byte) ([]byte, error) {
	if !r.Valid() {
		return dst, fmt.Errorf("rights: cannot marshal invalid %v", r)
	}
	return append(dst, infos[r].slug...), nil
}

// UnmarshalText implements [encoding.TextUnmarshaler] through [Parse].
func (r *Right) UnmarshalText(text []byte) error {
	v, err := Parse(string(text))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Parse reads a right from its slug ("access"), its title ("Right of
// access"), a common name ("subject access request", "right to be
// forgotten") or a citation of the provision that grants it ("Art 15",
// "Article 17", "UK GDPR Arts 22A-22D", "Art 7(3)", "DPA 2018 s164A"), in
// any case and spacing. Anything else is a [*parse.Error], which wraps
// [parse.ErrUnknown], lists the accepted slugs and suggests the nearest.
func Parse(s string) (Right, error) {
	i, err := table.Lookup(s)
	return Right(i), err
}
