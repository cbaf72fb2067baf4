// Automated decisions (Art 13(2)(f), 14(2)(g); UK GDPR Arts 22A–22D from
// 5 February 2026).

package notice

import (
	"fmt"
	"slices"

	"github.com/article30/article30/ropa"
)

// decisionSafeguards are the Art 22C(2) safeguards, read only.
var decisionSafeguards = ropa.DecisionSafeguards()

// automated writes automated decision-making and profiling (Art 13(2)(f))
// about the group: under the UK regime from 5 February 2026 the decisions
// subject to the Art 22C safeguards, otherwise those of Art 22. Only the
// safeguards the register records for every such decision are stated.
// That no decision about the group is made by automated means only is said
// only where the register states it for every activity of the group
// (none: [automated-decisions]).
func (g *gen) automated(s ropa.Subject, vs []view) {
	ph := g.ph
	b := g.blocks()
	sig := g.pairs[:0] // the solely automated significant decisions, as (activity, decision)
	solely, profiling, none := false, false, true
	stated, statedNone := false, false // for some activity
	for k := range vs {
		v := &vs[k]
		a := g.info[v.ai].a
		for di := range a.Automated {
			d := &a.Automated[di]
			if !v.in(v.idx.Automated, di) {
				continue
			}
			switch {
			case d.Solely && d.Significant:
				sig = append(sig, [2]int{v.ai, di})
			case d.Solely:
				solely = true
			}
			profiling = profiling || d.Profiling
		}
		switch g.status(v.ai, factAutomated, s) {
		case ropa.Stated:
			none, stated = false, true
		case ropa.StatedNone:
			statedNone = true
		default:
			none = false
			if reason := g.notRecorded(v, s, factAutomated, "decisions made by automated means only or profiling"); reason != "" {
				g.cov.miss(art13_2f, reason)
			}
		}
	}
	g.pairs = sig
	if stated {
		g.cov.use(art13_2f, "activities[].automated[].solely", "activities[].automated[].significant")
	}
	if statedNone {
		g.cov.use(art13_2f, "activities[].none")
	}
	switch {
	case len(sig) > 0:
		b.add(g.fixed.adSignificant)
		seen := g.strs2[:0]
		for _, p := range sig {
			for _, t := range g.decisionOf(p[0], p[1]) {
				if t != "" && !slices.Contains(seen, t) {
					seen = append(seen, t)
					b.para(t)
				}
			}
		}
		g.strs2 = seen
		var items []string
		for i, sg := range decisionSafeguards {
			all := true
			for _, p := range sig {
				a := g.info[p[0]].a
				if !slices.Contains(a.Automated[p[1]].Safeguards, sg) {
					all = false
					if g.ukNew {
						g.cov.miss(art13_2f, fmt.Sprintf("activity %q does not record the Art 22C(2) safeguard %q", a.ID, string(sg)))
					}
				}
			}
			if all {
				if items == nil {
					items = g.strs3[:0]
				}
				items = append(items, ph.adSafeguards[i])
			}
		}
		if len(items) > 0 {
			g.cov.use(art13_2f, "activities[].automated[].safeguards")
			g.strs3 = items
		}
		b.list(g.stringsOf(items))
	case solely:
		b.add(g.fixed.adNotSignificant)
	case none:
		b.add(g.fixed.adNone)
	}
	if profiling {
		b.add(g.fixed.profiling)
		g.cov.use(art13_2f, "activities[].automated[].profiling")
	}
	if len(b) == 0 {
		return
	}
	g.section(3, ph.adHeading, b...)
}

// decisionOf returns the paragraphs on what decision di of activity ai
// decides, its logic and its effect ("" for what the register does not
// record), recording their coverage the first time.
func (g *gen) decisionOf(ai, di int) [3]string {
	in := &g.info[ai]
	if in.adDone[di] {
		return in.ad[di]
	}
	in.adDone[di] = true
	a, ph, d := in.a, g.ph, &in.a.Automated[di]
	for i, s := range [3]struct{ f, text, field string }{
		{ph.adWhat, d.Description, "description"},
		{ph.adLogic, d.Logic, "logic"},
		{ph.adEffect, d.Consequences, "consequences"},
	} {
		t := clean(s.text)
		if t == "" {
			if i > 0 {
				g.cov.miss(art13_2f, fmt.Sprintf("activity %q makes solely automated significant decisions but does not record their %s", a.ID, s.field))
			}
			continue
		}
		k := srcKey{s.field, t}
		p, ok := g.adTexts[k]
		if !ok {
			p = sprintf(s.f, sentence(t))
			g.adTexts[k] = p
		}
		in.ad[di][i] = p
		g.cov.use(art13_2f, "activities[].automated[]."+s.field)
	}
	return in.ad[di]
}
