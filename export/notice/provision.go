// Whether people must give the information, and what happens if they do not
// (Art 13(2)(e)).

package notice

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/ropa"
)

// provision writes whether providing the data is required and what
// happens if it is not (Art 13(2)(e)), where the register states it for
// the group.
func (g *gen) provision(s ropa.Subject, vs []view) {
	es := g.ids[:0] // the activities whose text is stated
	for k := range vs {
		v := &vs[k]
		text := ""
		if v.prov {
			text = g.provisionOf(v.ai)
		}
		if text == "" {
			if g.collectsFromSubject(v) {
				a := g.info[v.ai].a
				if v.all {
					g.cov.miss(art13_2e, fmt.Sprintf("activity %q does not record whether providing the data is required", a.ID))
				} else {
					g.cov.miss(art13_2e, fmt.Sprintf("activity %q does not record whether %s must provide their data", a.ID, subjectPlain(s)))
				}
			}
			continue
		}
		if !slices.ContainsFunc(es, func(k int) bool { return g.info[k].prov == text }) {
			es = append(es, v.ai)
		}
	}
	g.ids = es
	if len(es) == 0 {
		return
	}
	b := g.blocks()
	if len(es) == 1 {
		b.para(g.info[es[0]].prov)
	} else {
		items := g.strings(len(es))
		for i, ai := range es {
			in := &g.info[ai]
			if in.provItem == "" {
				in.provItem = clean(in.a.Name) + ": " + in.prov
			}
			items[i] = in.provItem
		}
		b.list(items)
	}
	g.section(3, g.ph.provisionHeading, b...)
}

// provisionOf returns the text of activity ai's provision statement,
// recording its coverage the first time.
func (g *gen) provisionOf(ai int) string {
	in := &g.info[ai]
	if in.provDone {
		return in.prov
	}
	in.provDone = true
	a := in.a
	// The text, and the coverage recorded with it, depend only on the
	// requirement and the consequences.
	k := srcKey{string(a.Provision.Requirement), a.Provision.Consequences}
	if text, ok := g.provTexts[k]; ok {
		in.prov = text
		return text
	}
	var parts []string
	if s := g.ph.requirement[string(a.Provision.Requirement)]; s != "" {
		parts = append(parts, s)
		g.cov.use(art13_2e, "activities[].provision.requirement")
	}
	if s := clean(a.Provision.Consequences); s != "" {
		parts = append(parts, capitalise(sentence(s)))
		g.cov.use(art13_2e, "activities[].provision.consequences")
	}
	in.prov = strings.Join(parts, " ")
	g.provTexts[k] = in.prov
	return in.prov
}

// collectsFromSubject reports whether the group collects data from the
// people themselves in activity v (or records no source for them), so
// that Art 13(2)(e) applies.
func (g *gen) collectsFromSubject(v *view) bool {
	a := g.info[v.ai].a
	none := true
	for i, src := range a.Sources {
		if !v.in(v.idx.Sources, i) {
			continue
		}
		if src.Kind == ropa.FromSubject {
			return true
		}
		none = false
	}
	return none
}
