// Who we share information with (Art 13(1)(e), 14(1)(e)).

package notice

import (
	"github.com/article30/article30/ropa"
)

// recipient lists, in the order the sharing section gives them.
const (
	toOthers = iota
	toProcessors
	toInternal
)

// recipientEntry is a named recipient of an activity.
type recipientEntry struct {
	list int
	id   int // the item, as a numbered string
	i    int // the recipient's index in the activity
}

// sharing writes the group's recipients (Art 13(1)(e)), grouped by kind.
// That the group's data go to no one outside the organisation is said
// only where the register states it for every activity of the group
// (none: [recipients]).
func (g *gen) sharing(s ropa.Subject, vs []view) {
	ph := g.ph
	lists := &g.lists
	for i := range lists {
		lists[i] = lists[i][:0]
	}
	g.seen.reset()
	none := true
	for k := range vs {
		v := &vs[k]
		for _, r := range g.recipientsOf(v.ai) {
			if v.in(v.idx.Recipients, r.i) && g.seen.add(3*r.id+r.list) {
				lists[r.list] = append(lists[r.list], r.id)
			}
		}
		switch g.status(v.ai, factRecipients, s) {
		case ropa.Stated:
			none = false
		case ropa.NotRecorded:
			none = false
			if reason := g.notRecorded(v, s, factRecipients, "recipients outside the organisation"); reason != "" {
				g.cov.miss(art13_1e, reason)
			}
		}
	}
	others, processors, internal := lists[toOthers], lists[toProcessors], lists[toInternal]
	if len(processors)+len(others)+len(internal) == 0 && !none {
		return
	}
	b := g.blocks()
	if none {
		b.add(g.fixed.sharesNone)
		g.cov.use(art13_1e, "activities[].none")
	}
	if len(others) > 0 {
		b.add(g.fixed.othersLead)
		b.list(g.stringsOfIDs(others))
	}
	if len(processors) > 0 {
		b.add(g.fixed.processorsLead)
		b.list(g.stringsOfIDs(processors))
	}
	if len(internal) > 0 {
		name := clean(g.reg.Controller.Name)
		if name == "" {
			name = g.ph.usFallback
		}
		if g.internalLead == nil {
			g.internalLead = Paragraph{Text: sprintf(ph.internalLead, name)}
		}
		b.add(g.internalLead)
		b.list(g.stringsOfIDs(internal))
	}
	g.section(3, ph.sharingHeading, b...)
}

// recipientsOf returns the named recipients of activity ai that concern
// the audience, each with the list it goes in.
func (g *gen) recipientsOf(ai int) []recipientEntry {
	in := &g.info[ai]
	if in.sharingDone {
		return in.recipients
	}
	in.sharingDone = true
	start := len(g.recSlab)
	for i, r := range in.a.Recipients {
		name := clean(r.Name)
		if name == "" || !g.forAudience(r.Subjects) {
			continue
		}
		g.cov.use(art13_1e, "activities[].recipients[].name", "activities[].recipients[].kind")
		e := recipientEntry{list: toOthers, i: i}
		switch r.Kind {
		case ropa.Processor:
			e.list = toProcessors
		case ropa.Internal:
			e.list = toInternal
		case ropa.JointRecipient:
			k := srcKey{string(r.Kind), name}
			id, ok := g.recIDs[k]
			if !ok {
				id = g.intern(name + g.ph.jointSuffix)
				g.recIDs[k] = id
			}
			e.id = id
			g.recSlab = append(g.recSlab, e)
			continue
		}
		e.id = g.intern(name)
		g.recSlab = append(g.recSlab, e)
	}
	in.recipients = g.recSlab[start:len(g.recSlab):len(g.recSlab)]
	return in.recipients
}
