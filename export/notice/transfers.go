// Transfers out of the UK or the EEA, and their safeguards
// (Art 13(1)(f), 14(1)(f); UK GDPR Arts 45A–46 as amended by the DUAA 2025).

package notice

import (
	"fmt"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// moveKey is what the text of a transfer depends on. TestKeys checks
// that it is every field of ropa.Transfer but the protection test and the
// date.
type moveKey struct {
	country, recipient string
	mechanism          lawfulbasis.Mechanism
	certified          bool
	safeguards         string
}

// moveEntry is what the notice says about a transfer.
type moveEntry struct {
	id     int // the item, as a numbered string; -1 for none
	copies bool
}

// transfers writes the international transfers and what makes each lawful
// (Art 13(1)(f)): under the UK regime from 5 February 2026, whether it is
// approved by regulations under Art 45A, or else the safeguards relied on
// (DUAA Sch 9 paras 2-3); otherwise an adequacy decision (or regulations)
// or the appropriate safeguards. A transfer that rests on nothing valid on
// the day (Privacy Shield after 16 July 2020, an approval the country does
// not have, no mechanism at all) is stated without any claim of safety.
//
// That the group's data are not sent outside the UK (or the EEA) is said
// only where the register states it for every activity of the group
// (none: [transfers]).
func (g *gen) transfers(s ropa.Subject, vs []view) {
	ph := g.ph
	ids := g.ids[:0]
	g.seen.reset()
	copyNote := false
	none := true
	for k := range vs {
		v := &vs[k]
		for i, m := range g.movesOf(v.ai) {
			if !v.in(v.idx.Transfers, i) {
				continue
			}
			if m.id >= 0 && g.seen.add(m.id) {
				ids = append(ids, m.id)
			}
			copyNote = copyNote || m.copies
		}
		switch g.status(v.ai, factTransfers, s) {
		case ropa.Stated:
			none = false
		case ropa.NotRecorded:
			none = false
			what := "transfers outside the UK"
			if g.regime == lawfulbasis.EU {
				what = "transfers outside the EEA"
			}
			if reason := g.notRecorded(v, s, factTransfers, what); reason != "" {
				g.cov.miss(art13_1f, reason)
			}
		}
	}
	g.ids = ids
	if len(ids) == 0 && !none {
		return
	}
	b := g.blocks()
	eu := 0
	if g.regime == lawfulbasis.EU {
		eu = 1
	}
	if none {
		b.add(g.fixed.transfersNone[eu])
		g.cov.use(art13_1f, "activities[].none")
	}
	b.list(g.stringsOfIDs(ids))
	if copyNote {
		b.add(g.fixed.copySafeguards)
	}
	g.section(3, ph.transfersHeading[eu], b...)
}

// movesOf returns the items of activity ai's transfers, by the transfers'
// indexes; a transfer that concerns no group of the audience has none.
func (g *gen) movesOf(ai int) []moveEntry {
	in := &g.info[ai]
	if in.movesDone {
		return in.moves
	}
	in.movesDone = true
	in.moves, g.moveSlab = g.moveSlab[:len(in.a.Transfers):len(in.a.Transfers)], g.moveSlab[len(in.a.Transfers):]
	for i, t := range in.a.Transfers {
		if !g.forAudience(t.Subjects) {
			in.moves[i] = moveEntry{-1, false}
			continue
		}
		// The text, and the coverage recorded with it, depend only on
		// these fields: a transfer that repeats another says the same.
		k := moveKey{t.Country, t.Recipient, t.Mechanism, t.Certified, t.Safeguards}
		m, ok := g.moveIDs[k]
		if !ok {
			text, copies := g.transfer(t)
			m = moveEntry{-1, copies}
			if text != "" {
				m.id = g.intern(text)
			}
			g.moveIDs[k] = m
		}
		in.moves[i] = m
	}
	return in.moves
}

func (g *gen) transfer(t ropa.Transfer) (item string, copies bool) {
	ph := g.ph
	code := strings.ToUpper(strings.TrimSpace(t.Country))
	if code == "" {
		return "", false
	}
	country := countryName(code)
	recipient := clean(t.Recipient)
	var parts []string
	if code == unknownCountry {
		// The register knows only that the data leave the UK (or the
		// EEA): the notice says that much and claims no safeguard.
		eu := 0
		if g.regime == lawfulbasis.EU {
			eu = 1
		}
		switch {
		case recipient != "" && strings.Contains(strings.ToLower(recipient), outsideWords[eu]):
			// The recipient's name says where it is ("Websites outside
			// the UK"): not said twice.
			parts = append(parts, sprintf(ph.transferToCountry, recipient))
			g.cov.use(art13_1f, "activities[].transfers[].recipient")
		case recipient != "":
			parts = append(parts, sprintf(ph.transferToOutside[eu], recipient))
			g.cov.use(art13_1f, "activities[].transfers[].recipient")
		default:
			parts = append(parts, ph.transferOutside[eu])
		}
		what := "a transfer"
		if recipient != "" {
			what += " to " + recipient
		}
		g.cov.miss(art13_1f, fmt.Sprintf("%s does not name its country (%s, unknown), so the notice can state no approval or safeguard", what, unknownCountry))
		return strings.Join(parts, " "), false
	}
	if recipient != "" {
		parts = append(parts, sprintf(ph.transferTo, recipient, country))
	} else {
		parts = append(parts, capitalise(sprintf(ph.transferToCountry, country)))
	}
	g.cov.use(art13_1f, "activities[].transfers[].country")
	if recipient != "" {
		g.cov.use(art13_1f, "activities[].transfers[].recipient")
	}
	if !lawfulbasis.ThirdCountry(g.regime, code, g.at) {
		if g.regime == lawfulbasis.UK {
			parts = append(parts, capitalise(sprintf(ph.notThirdUK, country)))
		} else {
			parts = append(parts, capitalise(sprintf(ph.notThirdEU, country)))
		}
		return strings.Join(parts, " "), false
	}
	what := code
	if recipient != "" {
		what += " (" + recipient + ")"
	}
	m := t.Mechanism
	if m.Valid() {
		g.cov.use(art13_1f, "activities[].transfers[].mechanism")
	}
	if m.Valid() && !m.Available(g.regime, g.at) {
		switch m {
		case lawfulbasis.PrivacyShield, lawfulbasis.SwissUSPrivacyShield:
			name := "EU-US Privacy Shield"
			if m == lawfulbasis.SwissUSPrivacyShield {
				name = "Swiss-US Privacy Shield"
			}
			g.cov.miss(art13_1f, fmt.Sprintf("transfer to %s relies on the %s, which has not been a valid transfer mechanism since 16 July 2020; the notice states the transfer but no safeguard", what, name))
		default:
			g.cov.miss(art13_1f, fmt.Sprintf("transfer to %s relies on %s, which is not available: %v; the notice states the transfer but no safeguard", what, m.Title(), m.CheckAvailable(g.regime, g.at)))
		}
		return strings.Join(parts, " "), false
	}
	ap, approved := approvals.Lookup(g.regime, code, g.at)
	if approved && ap.Certified && !t.Certified {
		approved = false
	}
	// Before 1 January 2021 the GDPR applied in the UK and the EU's list
	// with it (Approvals.Lookup does the same).
	euList := g.regime == lawfulbasis.EU || g.at.Before(lawfulbasis.UKGDPRStart)
	switch {
	case approved:
		switch {
		case g.ukNew:
			parts = append(parts, capitalise(sprintf(ph.approved45A, country)))
		case euList:
			parts = append(parts, capitalise(sprintf(ph.approvedEU, country)))
		default:
			parts = append(parts, capitalise(sprintf(ph.approvedUKOld, country)))
		}
		if ap.Certified {
			who := recipient
			if who == "" {
				who = g.ph.theRecipient
			}
			parts = append(parts, sprintf(ph.certified, who))
			g.cov.use(art13_1f, "activities[].transfers[].certified")
		}
		if m.IsSafeguard() {
			parts = append(parts, sprintf(g.safeguardsPhrase(), m.Plain()))
			copies = true
		}
	case !m.Valid():
		g.cov.miss(art13_1f, fmt.Sprintf("transfer to %s: no approval covers it on %s and no safeguard is recorded; the notice states the transfer but no safeguard", what, g.at.Format(time.DateOnly)))
		return strings.Join(parts, " "), false
	case m.IsApproval():
		g.cov.miss(art13_1f, fmt.Sprintf("transfer to %s relies on %s, but no approval covers it on %s; the notice states the transfer but no safeguard", what, m.Title(), g.at.Format(time.DateOnly)))
		return strings.Join(parts, " "), false
	default:
		switch {
		case g.ukNew:
			parts = append(parts, capitalise(sprintf(ph.no45A, country)))
		case euList:
			parts = append(parts, capitalise(sprintf(ph.noAdequacyEU, country)))
		default:
			parts = append(parts, capitalise(sprintf(ph.noAdequacyUKOld, country)))
		}
		if m.IsDerogation() && m != lawfulbasis.DerogationCompellingInterests {
			parts = append(parts, sprintf(ph.derogation, m.Plain()))
		} else {
			parts = append(parts, sprintf(g.safeguardsPhrase(), m.Plain()))
			copies = true
		}
		if m.NeedsDocumentedSafeguards() && clean(t.Safeguards) == "" {
			g.cov.miss(art13_1f, fmt.Sprintf("transfer to %s relies on compelling legitimate interests but its suitable safeguards are not recorded", what))
		}
	}
	if sg := clean(t.Safeguards); sg != "" {
		parts = append(parts, sprintf(ph.extraSafeguards, lowerFirst(sentence(sg))))
		g.cov.use(art13_1f, "activities[].transfers[].safeguards")
	}
	return strings.Join(parts, " "), copies
}

func (g *gen) safeguardsPhrase() string {
	if g.ukNew {
		return g.ph.safeguardsRelied
	}
	return g.ph.appropriate
}

// outsideWords are the words, in lower case, by which a recipient's name
// says it is outside the UK (UK regime) or the EEA (EU regime).
var outsideWords = [2]string{"outside the uk", "outside the e"}
