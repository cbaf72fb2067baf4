// What we use information for, and the lawful basis of each purpose
// (Art 13(1)(c)–(d), 14(1)(c)).

package notice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// purposeEntry is a purpose with a description, and the text of its basis.
type purposeEntry struct {
	desc, cell string
	ok         bool
	basis      lawfulbasis.Basis
	id         int // the (desc, cell) pair's number
	i          int // the purpose's index in the activity
}

// purposeKey is a row of the purposes table, which a group states once.
type purposeKey struct{ desc, cell string }

// usable reports whether a purpose's basis can be stated: a basis that
// exists under the regime on the day.
func (g *gen) usable(b lawfulbasis.Basis) bool { return b.Valid() && b.Available(g.regime, g.at) }

// purposes writes Art 13(1)(c) and (d): each purpose with its own basis.
func (g *gen) purposes(s ropa.Subject, vs []view) {
	ph := g.ph
	pairs, others := g.strs2[:0], g.strs3[:0]
	used := g.used[:0] // the bases stated, in order of first use
	g.seen.reset()
	for k := range vs {
		v := &vs[k]
		for _, e := range g.purposesOf(v.ai) {
			if !v.in(v.idx.Purposes, e.i) || !g.seen.add(e.id) {
				continue
			}
			if e.ok {
				pairs = append(pairs, e.desc, e.cell)
				if !slices.Contains(used, e.basis) {
					used = append(used, e.basis)
				}
			} else {
				others = append(others, e.desc)
			}
		}
	}
	g.strs2, g.strs3, g.used = pairs, others, used
	if len(pairs) == 0 && len(others) == 0 {
		g.cov.miss(art13_1c, fmt.Sprintf("no purposes are recorded for %s", subjectPlain(s)))
		return
	}
	b := g.blocks()
	if len(pairs) > 0 {
		b.add(g.fixed.purposesLead)
		b = append(b, Table{Header: ph.purposesHeader[:], Rows: g.rows(pairs)})
		// What each basis in the table means, once, rather than in
		// every row that relies on it.
		meanings := g.strings(len(used))
		for i, k := range used {
			if g.meanings[k] == "" {
				g.meanings[k] = k.Title() + ": " + lowerFirst(g.basisPlain(k))
			}
			meanings[i] = g.meanings[k]
		}
		b.add(g.fixed.basesLead)
		b.list(meanings)
		if len(others) > 0 {
			b.add(g.fixed.purposesOther)
		}
	} else {
		b.add(g.fixed.purposesOnly)
	}
	b.list(g.stringsOf(others))
	g.section(3, ph.purposesHeading, b...)
}

// purposesOf returns the purposes of activity ai that have a
// description, each with the text of its basis.
func (g *gen) purposesOf(ai int) []purposeEntry {
	in := &g.info[ai]
	if in.purposesDone {
		return in.purposes
	}
	in.purposesDone = true
	a := in.a
	start := len(g.purposeSlab)
	for i := range a.Purposes {
		p := &a.Purposes[i]
		if !g.forAudience(p.Subjects) {
			continue
		}
		desc := clean(p.Description)
		if desc == "" {
			g.cov.miss(art13_1c, fmt.Sprintf("activity %q has a purpose with no description", a.ID))
			continue
		}
		g.cov.use(art13_1c, "activities[].purposes[].description")
		cell, ok := g.basisCell(desc, *p)
		key := purposeKey{desc, cell}
		id, seen := g.pairIDs[key]
		if !seen {
			id = len(g.pairIDs)
			g.pairIDs[key] = id
		}
		g.purposeSlab = append(g.purposeSlab, purposeEntry{desc, cell, ok, p.Basis, id, i})
	}
	in.purposes = g.purposeSlab[start:len(g.purposeSlab):len(g.purposeSlab)]
	return in.purposes
}

// basisCell is the text stating the lawful basis of purpose p, and false
// when the register gives no basis that can be stated.
func (g *gen) basisCell(desc string, p ropa.Purpose) (string, bool) {
	b := p.Basis
	if !b.Valid() {
		g.cov.miss(art13_1c, fmt.Sprintf("purpose %q has no lawful basis in the register", desc))
		return "", false
	}
	if err := b.CheckAvailable(g.regime, g.at); err != nil {
		g.cov.miss(art13_1c, fmt.Sprintf("purpose %q relies on %s, which cannot be stated: %v", desc, strings.ToLower(b.Title()), err))
		return "", false
	}
	g.cov.use(art13_1c, "activities[].purposes[].basis")
	// The text depends only on the basis and the one value stated with
	// it; purposes often share both.
	key := basisKey{b: b}
	switch b {
	case lawfulbasis.LegitimateInterests:
		if in := clean(p.Interest); in != "" {
			key.format, key.arg = g.ph.interest, in
			g.cov.use(art13_1d, "activities[].purposes[].interest")
		} else {
			g.cov.miss(art13_1d, fmt.Sprintf("purpose %q relies on legitimate interests but no interest is recorded", desc))
		}
	case lawfulbasis.RecognisedLegitimateInterests:
		if p.Annex1.Valid() && p.Annex1.Available(g.regime, g.at) {
			key.format, key.arg, key.plain = g.ph.annex1, p.Annex1.Plain(), true
			g.cov.use(art13_1c, "activities[].purposes[].annex1")
		} else {
			g.cov.miss(art13_1c, fmt.Sprintf("purpose %q relies on recognised legitimate interests but names no Annex 1 condition", desc))
		}
	case lawfulbasis.LegalObligation, lawfulbasis.PublicTask:
		if pr := clean(p.Provision); pr != "" {
			key.format, key.arg = g.ph.theLaw, pr
			g.cov.use(art13_1c, "activities[].purposes[].provision")
		}
	}
	text, ok := g.basisTexts[key]
	if !ok {
		text = b.Title() + "."
		switch {
		case key.plain:
			text += " " + sprintf(key.format, key.arg)
		case key.format != "":
			text += " " + sprintf(key.format, sentence(key.arg))
		}
		g.basisTexts[key] = text
	}
	return text, true
}

// basisPlain is what basis b means, in the audience's words.
func (g *gen) basisPlain(b lawfulbasis.Basis) string {
	if v := g.ph.bases[b]; v != "" {
		return v
	}
	return b.Plain()
}

// basisKey is what the text of a purpose's lawful basis depends on: the
// basis, and the phrase and value stated with it (plain when the value is
// used as it is, not as a sentence).
type basisKey struct {
	b           lawfulbasis.Basis
	format, arg string
	plain       bool
}
