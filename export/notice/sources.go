// Where the information comes from (Art 14(2)(f)).

package notice

import (
	"fmt"
	"strings"

	"github.com/article30/article30/ropa"
)

// sourceEntry is a source of an activity as the notice lists it.
type sourceEntry struct {
	i  int // the source's index in the activity
	id int // the item, as a numbered string
}

// srcKey is a source's kind, or a recipient's list, with its name.
type srcKey struct {
	kind string
	name string
}

// sources writes where the group's data come from (Art 14(1)(d),
// 14(2)(f)). That they come from no one but the people themselves is said
// only where the register states it for every activity of the group
// (none: [other-sources]); where an activity records neither another
// source nor that there is none, the notice says nothing of it and the
// Article 14 items are missing.
func (g *gen) sources(s ropa.Subject, vs []view) {
	ph := g.ph
	ids := g.ids[:0]
	g.seen.reset()
	none := true      // every activity states there is no other source
	catsFrom := false // some categories come from others
	for k := range vs {
		v := &vs[k]
		for _, e := range g.sourcesOf(v.ai) {
			if v.in(v.idx.Sources, e.i) && g.seen.add(e.id) {
				ids = append(ids, e.id)
			}
		}
		switch g.status(v.ai, factOtherSources, s) {
		case ropa.Stated:
			none = false
			g.indirect = true
			if len(v.cats) > 0 {
				catsFrom = true
			} else {
				g.cov.miss(art14_1d, fmt.Sprintf("activity %q obtains data about %s from other sources but records no data categories for them", g.info[v.ai].a.ID, subjectPlain(s)))
			}
		case ropa.NotRecorded:
			none = false
			g.sourcesUnknown = true
			if reason := g.notRecorded(v, s, factOtherSources, "sources other than the people themselves"); reason != "" {
				g.cov.miss(art14_1d, reason)
				g.cov.miss(art14_2f, reason)
			}
		}
	}
	g.ids = ids
	if catsFrom {
		g.cov.use(art14_1d, "activities[].dataCategories")
	}
	b := g.blocks()
	switch {
	case len(ids) == 0 && !none:
		return
	case len(ids) == 0:
		b.add(g.fixed.onlyFromYou)
	case len(ids) == 1 && g.strs[ids[0]] == ph.fromYou && none:
		b.add(g.fixed.fromYourselfOnly)
	case len(ids) == 1 && g.strs[ids[0]] == ph.fromYou:
		b.add(g.fixed.fromYourself)
	default:
		b.add(g.fixed.sourcesLead)
		b.list(g.mergeLabels(g.stringsOfIDs(ids)))
		if none {
			b.add(g.fixed.noOtherSources)
		}
	}
	g.section(3, ph.sourcesHeading, b...)
}

// notRecorded returns the coverage gap of an activity that records, for
// group s, neither a fact (the k-th of facts, what in words) nor that there
// is none; "" when it has been returned for the activity already and
// would read the same.
func (g *gen) notRecorded(v *view, s ropa.Subject, k int, what string) string {
	in := &g.info[v.ai]
	if in.uniform {
		if in.gapDone[k] {
			return ""
		}
		in.gapDone[k] = true
		return fmt.Sprintf("activity %q records neither %s nor that there are none (none: [%s])", in.a.ID, what, facts[k])
	}
	return fmt.Sprintf("activity %q records neither %s for %s nor that there are none for them (none: [{fact: %s, subjects: [%s]}])",
		in.a.ID, what, subjectPlain(s), facts[k], s)
}

// stringsOfIDs returns the numbered strings, cut from a slab.
func (g *gen) stringsOfIDs(ids []int) []string {
	out := g.strings(len(ids))
	for i, id := range ids {
		out[i] = g.strs[id]
	}
	return out
}

// sourcesOf returns the listed sources of activity ai that concern the
// audience, with their items.
func (g *gen) sourcesOf(ai int) []sourceEntry {
	in := &g.info[ai]
	if in.sourcesDone {
		return in.sources
	}
	in.sourcesDone = true
	a := in.a
	if cap(g.srcSlab)-len(g.srcSlab) < len(a.Sources) {
		g.srcSlab = make([]sourceEntry, 0, max(len(a.Sources), 2*cap(g.srcSlab)))
	}
	start := len(g.srcSlab)
	for i, src := range a.Sources {
		switch src.Kind {
		case ropa.FromSubject, ropa.Observed, ropa.FromThirdParty, ropa.FromPublic:
		default:
			continue
		}
		if !g.forAudience(src.Subjects) {
			continue
		}
		name := clean(src.Name)
		k := srcKey{string(src.Kind), name}
		id, ok := g.srcIDs[k]
		if !ok {
			id = g.intern(g.sourceItem(src.Kind, name))
			g.srcIDs[k] = id
		}
		g.srcSlab = append(g.srcSlab, sourceEntry{i, id})
		switch src.Kind {
		case ropa.FromThirdParty:
			if name == "" {
				g.cov.miss(art14_2f, fmt.Sprintf("a third-party source of activity %q is not named", a.ID))
			}
			g.cov.use(art14_2f, "activities[].sources[].kind", "activities[].sources[].name")
		case ropa.FromPublic:
			if name == "" {
				g.cov.miss(art14_2f, fmt.Sprintf("a public source of activity %q is not named", a.ID))
			}
			g.cov.use(art14_2f, "activities[].sources[].kind", "activities[].sources[].name")
		}
	}
	in.sources = g.srcSlab[start:len(g.srcSlab):len(g.srcSlab)]
	return in.sources
}

// sourceItem is the item in the list of sources for a source of a kind
// with a name.
func (g *gen) sourceItem(kind ropa.SourceKind, name string) string {
	ph := g.ph
	switch kind {
	case ropa.FromSubject:
		if name != "" {
			return ph.fromYou + ": " + name
		}
		return ph.fromYou
	case ropa.Observed:
		if name != "" {
			return ph.observed + ": " + name
		}
		return ph.observed
	case ropa.FromThirdParty:
		if name != "" {
			return name
		}
		return ph.otherOrgs
	default: // ropa.FromPublic
		if name != "" {
			return name + ph.publicSuffix
		}
		return ph.publicSources
	}
}

// notIndirect is the reason the Art 14 items do not apply.
const notIndirect = "not applicable: the register states that no data come from anyone but the people themselves"

// mergeLabels joins the items of a list of sources that share a label
// ("You: Application form", "You: Interviews") into one item, at the place
// of the first ("You: Application form; Interviews"), so that a label is
// said once. Items without a label are kept as they are.
func (g *gen) mergeLabels(items []string) []string {
	at := map[string]int{} // label -> index in out
	out := items[:0:0]
	for _, it := range items {
		label, rest, ok := strings.Cut(it, ": ")
		if !ok || label != g.ph.fromYou && label != g.ph.observed {
			out = append(out, it)
			continue
		}
		if i, seen := at[label]; seen {
			out[i] += "; " + rest
			continue
		}
		at[label] = len(out)
		out = append(out, it)
	}
	return out
}
