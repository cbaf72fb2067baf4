// The information we hold, with special category and criminal offence data
// and their conditions (Art 14(1)(d); Arts 9 and 10; DPA 2018 Sch 1).

package notice

import (
	"slices"
	"strings"
	"sync"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// sensitiveData are an activity's conditions for special category and
// criminal offence data, as the notice can state them.
type sensitiveData struct {
	conds       []lawfulbasis.Condition
	special     []lawfulbasis.Schedule1 // UK only
	criminal    []lawfulbasis.Schedule1 // UK only
	authorities []string
}

// sensitiveMemo is the text of sensitiveText for the activities of a group
// (as a bit mask) using a category of one kind.
type sensitiveMemo struct {
	special bool
	mask    uint64
	text    string
}

// catInfo is what a notice says about a data category.
type catInfo struct {
	plain, title      string
	item              string // in the list of information used
	capital           string // plain, capitalised
	special, criminal bool
}

// catInfo returns what the notice says about a data category.
func (g *gen) catInfo(c ropa.Category) catInfo {
	if ci, ok := catalogueInfo()[g.ph][c]; ok {
		return ci
	}
	return catInfoOf(c, g.ph)
}

// catInfoOf works out what a notice in the phrases ph says about a data
// category.
func catInfoOf(c ropa.Category, ph *phrases) catInfo {
	ci := catInfo{plain: categoryPlain(c), title: c.Title(), special: c.Special(), criminal: c.Criminal()}
	ci.capital = capitalise(ci.plain)
	ci.item = ci.capital
	switch {
	case ci.special:
		ci.item += ph.special
	case ci.criminal:
		ci.item += ph.criminal
	}
	return ci
}

// catalogueInfo is catInfoOf for each category of the catalogue and each
// set of phrases, worked out once. It is read only.
var catalogueInfo = sync.OnceValue(func() map[*phrases]map[ropa.Category]catInfo {
	m := map[*phrases]map[ropa.Category]catInfo{}
	for _, ph := range []*phrases{adult, young} {
		m[ph] = map[ropa.Category]catInfo{}
		for _, c := range ropa.Categories() {
			m[ph][c] = catInfoOf(c, ph)
		}
	}
	return m
})

// categoriesOf lists the group's data categories in its activities vs, in
// order of first appearance, as numbers.
func (g *gen) categoriesOf(vs []view) []int {
	out := g.catList[:0]
	g.seen.reset()
	for i := range vs {
		for _, c := range vs[i].cats {
			if g.seen.add(c) {
				out = append(out, c)
			}
		}
	}
	g.catList = out
	return out
}

// information writes the group's categories of data, with the conditions
// for special category and criminal offence data: those of the activities
// in which the group's own categories include such data.
func (g *gen) information(vs []view, cats []int) {
	if len(cats) == 0 {
		return
	}
	ph := g.ph
	items := g.strings(len(cats))
	for i, c := range cats {
		items[i] = g.cats[c].item
	}
	// Categories whose conditions read the same share one item, so
	// that the conditions are stated once: conds are the distinct
	// conditions' texts, and which gives each category's among them.
	conds, which := g.strs2[:0], g.ids[:0]
	g.sens = g.sens[:0]
	for _, c := range cats {
		ci := &g.cats[c]
		i := -1
		if ci.special || ci.criminal {
			if text := g.sensitiveText(c, vs); text != "" {
				if i = slices.Index(conds, text); i < 0 {
					conds = append(conds, text)
					i = len(conds) - 1
				}
			}
		}
		which = append(which, i)
	}
	g.strs2, g.ids = conds, which
	b := g.blocks()
	b.add(g.fixed.infoLead)
	b.list(items)
	if len(conds) > 0 {
		sensitive := g.strings(len(conds))
		for i, text := range conds {
			buf := g.buf[:0]
			for j, c := range cats {
				if which[j] != i {
					continue
				}
				if len(buf) == 0 {
					buf = append(buf, g.cats[c].capital...)
				} else {
					buf = append(buf, "; "...)
					buf = append(buf, g.cats[c].plain...)
				}
			}
			buf = append(buf, ": "...)
			buf = append(buf, text...)
			sensitive[i] = string(buf)
			g.buf = buf
		}
		b.add(g.fixed.sensitiveLead)
		b.list(sensitive)
	}
	g.section(3, ph.infoHeading, b...)
}

// sensitiveText states the conditions for special category or criminal
// offence data of category c in the activities vs whose group uses it,
// without naming the category; "" when the register gives none.
func (g *gen) sensitiveText(c int, vs []view) string {
	ci := &g.cats[c]
	// Categories used by the same activities of the group read the same.
	var mask uint64
	memo := len(vs) <= 64
	if memo {
		for j := range vs {
			if vs[j].has(c) {
				mask |= 1 << j
			}
		}
		for _, m := range g.sens {
			if m.special == ci.special && m.mask == mask {
				return m.text
			}
		}
	}
	conds, sch1, auth := g.conds[:0], g.sch1[:0], g.auth[:0]
	for j := range vs {
		if !vs[j].has(c) {
			continue
		}
		d := g.sensitiveOf(vs[j].ai)
		if ci.special {
			for _, k := range d.conds {
				if !slices.Contains(conds, k) {
					conds = append(conds, k)
				}
			}
			sch1 = mergeSch1(sch1, d.special)
		} else {
			sch1 = mergeSch1(sch1, d.criminal)
			for _, au := range d.authorities {
				if !slices.Contains(auth, au) {
					auth = append(auth, au)
				}
			}
		}
	}
	g.conds, g.sch1, g.auth = conds, sch1, auth
	slices.Sort(conds)
	slices.Sort(sch1)
	// What is said depends only on the kind of data and what was
	// collected; groups often share both.
	// Each part with its length first, so that different parts never
	// make the same key.
	var kind byte // special category or criminal offence data
	if ci.special {
		kind = 1
	}
	key := append(g.key[:0], kind)
	key = appendLen(key, len(conds))
	for _, k := range conds {
		key = append(key, byte(k))
	}
	key = appendLen(key, len(sch1))
	for _, k := range sch1 {
		key = append(key, byte(k))
	}
	for _, au := range auth {
		key = appendLen(key, len(au))
		key = append(key, au...)
	}
	g.key = key
	text, ok := g.sensitive[string(key)]
	if !ok {
		text = g.sensitiveTextOf(ci.special, conds, sch1, auth)
		g.sensitive[string(key)] = text
	}
	if memo {
		g.sens = append(g.sens, sensitiveMemo{ci.special, mask, text})
	}
	return text
}

// sensitiveOf returns the conditions activity ai records for special
// category and criminal offence data, as far as the notice can state them.
func (g *gen) sensitiveOf(ai int) *sensitiveData {
	in := &g.info[ai]
	if in.sensDone {
		return &in.sens
	}
	in.sensDone = true
	a, d := in.a, &in.sens
	for _, k := range a.Special.Conditions {
		if k.Valid() {
			d.conds = append(d.conds, k)
		}
	}
	if g.regime == lawfulbasis.UK {
		d.special = appendSch1(nil, a.Special.Schedule1, g)
		d.criminal = appendSch1(nil, a.Criminal.Schedule1, g)
	}
	if au := clean(a.Criminal.Authority); au != "" {
		d.authorities = []string{au}
	}
	return d
}

func (g *gen) sensitiveTextOf(special bool, conds []lawfulbasis.Condition, sch1 []lawfulbasis.Schedule1, auth []string) string {
	ph := g.ph
	var parts []string
	if len(conds) > 0 {
		ss := make([]string, len(conds))
		for i, k := range conds {
			ss[i] = lowerFirst(trimStop(k.Plain()))
		}
		parts = append(parts, strings.Join(ss, "; or ")+".")
	}
	// A Part 1 condition of Schedule 1 (paras 1-4) is the Art 9(2)(b), (h),
	// (i) or (j) condition just stated, in the same words: only its
	// citation is added to it.
	if special && len(parts) == 1 && len(sch1) > 0 && !slices.ContainsFunc(sch1, func(k lawfulbasis.Schedule1) bool { return !strings.Contains(k.Citation(g.regime), " Pt 1 ") }) {
		cites := make([]string, len(sch1))
		for i, k := range sch1 {
			cites[i] = k.Citation(g.regime)
		}
		parts[0] = trimStop(parts[0]) + " (" + strings.Join(cites, "; ") + ")."
		sch1 = nil
	}
	if len(sch1) > 0 {
		ss := make([]string, len(sch1))
		for i, k := range sch1 {
			ss[i] = lowerFirst(k.Title()) + " (" + k.Citation(g.regime) + ")"
		}
		if special {
			parts = append(parts, sprintf(ph.sch1, strings.Join(ss, "; ")))
		} else {
			parts = append(parts, sprintf(ph.criminalLaw, strings.Join(ss, "; ")))
		}
	}
	for _, au := range auth {
		parts = append(parts, sprintf(ph.criminalAuth, trimStop(au)))
	}
	if len(parts) == 0 {
		return ""
	}
	parts[0] = lowerFirst(parts[0])
	return strings.Join(parts, " ")
}

// appendSch1 appends the Schedule 1 conditions of src that exist on the
// day and are not in dst.
func appendSch1(dst, src []lawfulbasis.Schedule1, g *gen) []lawfulbasis.Schedule1 {
	for _, k := range src {
		if k.Valid() && k.Available(g.regime, g.at) && !slices.Contains(dst, k) {
			dst = append(dst, k)
		}
	}
	return dst
}

// mergeSch1 appends the conditions of src that are not in dst.
func mergeSch1(dst, src []lawfulbasis.Schedule1) []lawfulbasis.Schedule1 {
	for _, k := range src {
		if !slices.Contains(dst, k) {
			dst = append(dst, k)
		}
	}
	return dst
}
