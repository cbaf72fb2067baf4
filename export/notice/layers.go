package notice

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/article30/article30/ropa"
)

// This file lays the generated sections out as a layered notice (ICO,
// "What methods can we use to provide privacy information?": a layered
// approach, short notice first, then more detail): a first layer of at most
// [firstLayerWords] words, the table of contents, then the full notice, in
// which groups whose sections would read the same are one section naming
// them all, and a block several groups share is said once:
//
//   - what each lawful basis means, in one section after the groups;
//   - automated decisions, in one section, the groups named where what it
//     says differs between them;
//   - any other paragraph or list item of [repeatWords] words or more that
//     a group's section would repeat from an earlier group's is replaced by
//     a link to where it was said.
//
// The rights and complaints sections were always said once.

// firstLayerWords is the most words the first layer may have.
const firstLayerWords = 300

// repeatWords is the length from which a repeated paragraph counts as
// repetition: shorter ones ("We use this information about you:") are
// signposts a reader expects in each section.
const repeatWords = 12

// groupSecs are the sections of one or more groups of the audience whose
// sections read the same: their level-3 subsections, without the level-2
// heading.
type groupSecs struct {
	names []ropa.Subject
	subs  []Section
}

// layout returns the notice's sections: the first layer, the contents,
// then the sections of g.secs laid out as described above. g.secs[:head]
// are the sections before the groups', spans the range of each audience
// group's sections, and g.secs[tail:] the sections after them.
func (g *gen) layout(head int, spans [][2]int, tail int) []Section {
	// Groups whose subsections read the same are merged.
	var groups []groupSecs
	var keys []string
	for i, sp := range spans {
		subs := g.secs[sp[0]+1 : sp[1]]
		// Automated decisions have a section of their own, naming the
		// groups where they differ: they do not keep groups apart.
		var k string
		for _, sub := range subs {
			if sub.Heading != g.ph.adHeading {
				k += sectionsKey([]Section{sub})
			}
		}
		if j := slices.Index(keys, k); j >= 0 {
			groups[j].names = append(groups[j].names, g.audience[i])
			continue
		}
		keys = append(keys, k)
		groups = append(groups, groupSecs{names: []ropa.Subject{g.audience[i]}, subs: subs})
	}

	// A subsection that reads the same for every group (of two or more)
	// is said once, in a section of its own after the groups'; automated
	// decisions always are.
	shared := map[string]bool{}
	var sharedOrder []string
	if len(groups) > 1 {
		for _, sub := range groups[0].subs {
			k := sectionsKey([]Section{sub})
			all := true
			for _, gr := range groups[1:] {
				if !slices.ContainsFunc(gr.subs, func(o Section) bool { return sectionsKey([]Section{o}) == k }) {
					all = false
					break
				}
			}
			if all && sub.Heading != g.ph.adHeading && sub.Heading != g.ph.purposesHeading {
				shared[sub.Heading] = true
				sharedOrder = append(sharedOrder, sub.Heading)
			}
		}
	}

	out := make([]Section, 0, len(g.secs)+4)
	out = append(out, g.secs[:head]...)
	var bases []string // what each basis means, in order of first use
	type adText struct {
		key    string
		blocks []Block
		names  []string
	}
	var ads []adText
	// Automated decisions, from each group's own sections (merged groups
	// may differ in them).
	for i, sp := range spans {
		for _, sub := range g.secs[sp[0]+1 : sp[1]] {
			if sub.Heading != g.ph.adHeading {
				continue
			}
			k := blocksKey(sub.Blocks)
			j := slices.IndexFunc(ads, func(a adText) bool { return a.key == k })
			if j < 0 {
				ads = append(ads, adText{key: k, blocks: sub.Blocks})
				j = len(ads) - 1
			}
			ads[j].names = append(ads[j].names, subjectPlain(g.audience[i]))
		}
	}
	var sharedSecs []Section
	seen := map[string]said{} // where each text was first said
	for gi, gr := range groups {
		heading := g.groupHeading(gr.names)
		who := groupList(g.plainNames(gr.names))
		out = append(out, Section{Heading: heading, Level: 2})
		all := g.allInfo(gr.subs)
		for _, sub := range gr.subs {
			if sub.Heading == g.ph.adHeading {
				continue // in ads
			}
			if shared[sub.Heading] {
				if gi == 0 {
					sharedSecs = append(sharedSecs, Section{Heading: sub.Heading, Level: 2, Blocks: g.withAllInfo(sub, all)})
				}
				continue
			}
			var bs []Block
			for j := 0; j < len(sub.Blocks); j++ {
				bl := sub.Blocks[j]
				switch {
				case bl == g.fixed.purposesLead:
					continue
				case bl == g.fixed.basesLead && j+1 < len(sub.Blocks):
					if l, ok := sub.Blocks[j+1].(List); ok {
						for _, it := range l.Items {
							if !slices.Contains(bases, it) {
								bases = append(bases, it)
							}
						}
						j++
						continue
					}
				}
				// A lead and its list: when the whole list was said
				// before, one link replaces both.
				if p, ok := bl.(Paragraph); ok && j+1 < len(sub.Blocks) && strings.HasSuffix(p.Text, ":") {
					if l, ok := sub.Blocks[j+1].(List); ok {
						if at, ok := allSeen(l.Items, seen, who); ok {
							format := g.ph.sameAs
							if bl == g.fixed.sensitiveLead {
								format = g.ph.sameConditions
							}
							if link := g.sameAs(format, who, at); !slices.Contains(bs, Block(link)) {
								bs = append(bs, link)
							}
							j++
							continue
						}
					}
				}
				if t, ok := bl.(Table); ok && sub.Heading == g.ph.retentionHeading {
					bl = g.withAllInfo(Section{Blocks: []Block{t}}, all)[0]
				}
				for _, nb := range g.unrepeated(bl, seen, who, len(out)) {
					if _, ok := nb.(Link); ok && slices.Contains(bs, nb) {
						continue // one link to the same place is enough
					}
					bs = append(bs, nb)
				}
			}
			if len(bs) == 0 {
				continue
			}
			out = append(out, Section{Heading: sub.Heading, Level: 3, Blocks: bs})
		}
	}
	out = append(out, sharedSecs...)
	if len(bases) > 0 {
		out = append(out, Section{Heading: g.ph.basesHeading, Level: 2, Blocks: []Block{
			Paragraph{Text: g.ph.basesShared}, List{Items: bases}}})
	}
	if len(ads) > 0 {
		var bs []Block
		for _, a := range ads {
			if len(ads) > 1 || len(a.names) < len(g.audience) {
				bs = append(bs, Paragraph{Text: sprintf(g.ph.adFor, capitalise(groupList(a.names)))})
			}
			bs = append(bs, a.blocks...)
		}
		out = append(out, Section{Heading: g.ph.adHeading, Level: 2, Blocks: bs})
	}
	out = append(out, g.secs[tail:]...)
	setIDs(out)

	resolve(out)
	ids := map[string]string{}
	for _, s := range out {
		if _, ok := ids[s.Heading]; !ok {
			ids[s.Heading] = s.ID
		}
	}
	first := g.firstLayer(groups, ids)
	contents := Section{Heading: g.ph.contentsHeading, Level: 2, Nav: true}
	var toc []Link
	for _, s := range out {
		if s.Level == 2 {
			toc = append(toc, Link{Label: s.Heading, Target: s.ID})
		}
	}
	contents.Blocks = []Block{Links{Items: toc}}
	all := make([]Section, 0, len(out)+2)
	all = append(all, first, contents)
	all = append(all, out...)
	setIDs(all)
	return all
}

// said is where a text was first said: the groups' names, and the index in
// the laid-out sections of the subsection it is in.
type said struct {
	groups string
	sub    int
}

// unrepeated returns bl, or, for a paragraph or list item of repeatWords
// words or more that an earlier group's section said, a link to where it
// was said instead. who are the groups of the section bl is in, sub the
// index its subsection will have.
func (g *gen) unrepeated(bl Block, seen map[string]said, who string, sub int) []Block {
	switch b := bl.(type) {
	case Paragraph:
		if wordCount(b.Text) < repeatWords {
			return []Block{bl}
		}
		if at, ok := seen[b.Text]; ok && at.groups != who {
			return []Block{g.sameAs(g.ph.sameAs, who, at)}
		}
		seen[b.Text] = said{who, sub}
	case List:
		// A list said before as a whole is a link to it.
		if at, ok := allSeen(b.Items, seen, who); ok {
			return []Block{g.sameAs(g.ph.sameAs, who, at)}
		}
		// An item with a label ("Information about your health: ...")
		// said before keeps its label and points to where it was said;
		// an item without one (a purpose, a recipient) is the register's
		// entry for this group too, and is kept.
		keep := make([]string, 0, len(b.Items))
		for _, it := range b.Items {
			if wordCount(it) >= repeatWords {
				label, _, found := strings.Cut(it, ": ")
				if at, ok := seen[it]; ok && at.groups != who && found && wordCount(label) < repeatWords {
					keep = append(keep, label+": "+sprintf(g.ph.sameAsFor, at.groups))
					continue
				}
				if _, ok := seen[it]; !ok {
					seen[it] = said{who, sub}
				}
			}
			keep = append(keep, it)
		}
		return []Block{List{Items: keep}}
	}
	return []Block{bl}
}

// sameAs is a link, for the groups who, to where the same was said for
// other groups; its target is resolved when the sections have IDs.
func (g *gen) sameAs(format, who string, at said) Link {
	return Link{Text: sprintf(format, who, at.groups), Target: pending(at.sub)}
}

// pending marks a link's target as the index of a section, resolved by
// [resolve] once the sections have IDs.
func pending(i int) string { return "\x00" + strconv.Itoa(i) }

// resolve sets the label and target of each pending link in secs.
func resolve(secs []Section) {
	for i := range secs {
		for j, bl := range secs[i].Blocks {
			l, ok := bl.(Link)
			if !ok || !strings.HasPrefix(l.Target, "\x00") {
				continue
			}
			k, _ := strconv.Atoi(l.Target[1:])
			l.Label, l.Target = secs[k].Heading, secs[k].ID
			secs[i].Blocks[j] = l
		}
	}
}

// allSeen returns where a list was said when every item of it of
// repeatWords words or more was said in one place for other groups, and at
// least one was.
func allSeen(items []string, seen map[string]said, who string) (said, bool) {
	var first said
	found := false
	for _, it := range items {
		if wordCount(it) < repeatWords {
			return said{}, false // said only here
		}
		at, ok := seen[it]
		if !ok || at.groups == who || found && at != first {
			return said{}, false
		}
		first, found = at, true
	}
	return first, found
}

// allInfo returns the group's categories of information as its "What
// information we use" list gives them, in lower case and without the
// special category or criminal offence suffix, for recognising a retention
// row that covers them all.
func (g *gen) allInfo(subs []Section) []string {
	for _, sub := range subs {
		if sub.Heading != g.ph.infoHeading {
			continue
		}
		for j, bl := range sub.Blocks {
			if l, ok := bl.(List); ok && j > 0 && sub.Blocks[j-1] == g.fixed.infoLead {
				out := make([]string, len(l.Items))
				for i, it := range l.Items {
					it = strings.TrimSuffix(strings.TrimSuffix(it, g.ph.special), g.ph.criminal)
					out[i] = strings.ToLower(it)
				}
				slices.Sort(out)
				return out
			}
		}
	}
	return nil
}

// withAllInfo returns the blocks of a section, with the first cell of a
// retention row that names every category of all replaced by "All the
// information above".
func (g *gen) withAllInfo(sub Section, all []string) []Block {
	if len(all) < 2 {
		return sub.Blocks
	}
	out := slices.Clone(sub.Blocks)
	for i, bl := range out {
		t, ok := bl.(Table)
		if !ok {
			continue
		}
		rows := slices.Clone(t.Rows)
		for j, r := range rows {
			if len(r) == 0 {
				continue
			}
			cats := strings.Split(strings.ToLower(r[0]), "; ")
			slices.Sort(cats)
			if slices.Equal(cats, all) {
				r = slices.Clone(r)
				r[0] = g.ph.allInfo
				rows[j] = r
			}
		}
		t.Rows = rows
		out[i] = t
	}
	return out
}

// groupHeading is the heading of the section of the groups names.
func (g *gen) groupHeading(names []ropa.Subject) string {
	if g.young && len(g.audience) == 1 {
		return g.ph.groupHeadingMe
	}
	return sprintf(g.ph.groupHeading, groupList(g.plainNames(names)))
}

func (g *gen) plainNames(names []ropa.Subject) []string {
	out := make([]string, len(names))
	for i, s := range names {
		out[i] = subjectPlain(s)
	}
	return out
}

// firstLayer is the short notice at the top: who we are, what each group's
// information is used for, the key rights, and how to use them and
// complain, each with a link into the full notice. It has at most
// firstLayerWords words: a group's purposes are cut short, with "and other
// purposes", to keep it so.
func (g *gen) firstLayer(groups []groupSecs, ids map[string]string) Section {
	ph := g.ph
	var bs []Block
	name := clean(g.reg.Controller.Name)
	if name == "" {
		name = ph.usFallback
	}
	bs = append(bs, Paragraph{Text: sprintf(ph.summaryWho, name)})
	var items []Link
	var purposes [][]string
	for _, gr := range groups {
		heading := g.groupHeading(gr.names)
		var ps []string
		for _, s := range gr.subs {
			if s.Heading != ph.purposesHeading {
				continue
			}
			for j, bl := range s.Blocks {
				switch b := bl.(type) {
				case Table:
					for _, r := range b.Rows {
						if len(r) > 0 {
							ps = append(ps, strings.TrimRight(lowerFirst(r[0]), ". "))
						}
					}
				case List:
					if j > 0 && s.Blocks[j-1] == g.fixed.basesLead {
						continue // what the bases mean
					}
					for _, it := range b.Items {
						ps = append(ps, strings.TrimRight(lowerFirst(it), ". "))
					}
				}
			}
		}
		purposes = append(purposes, ps)
		items = append(items, Link{Label: heading, Target: ids[heading]})
	}
	who := func(i int) string {
		if g.young && len(g.audience) == 1 {
			return ph.summaryYou
		}
		return capitalise(groupList(g.plainNames(groups[i].names)))
	}
	// Each group's line, with its first n purposes, cut to caps[i] words
	// when that is not 0.
	caps := make([]int, len(groups))
	line := func(i, n int) string {
		ps := purposes[i]
		if len(ps) == 0 {
			return sprintf(ph.summaryNoPurposes, who(i))
		}
		text := strings.Join(ps[:min(n, len(ps))], "; ")
		if n < len(ps) {
			text += ph.summaryOthers
		}
		if ws := strings.Fields(text); caps[i] > 0 && len(ws) > caps[i] {
			text = strings.TrimRight(strings.Join(ws[:caps[i]], " "), ",;:") + " …"
			return strings.Replace(sprintf(ph.summaryUse, who(i), text), "….", "…", 1)
		}
		return sprintf(ph.summaryUse, who(i), text)
	}
	shown := make([]int, len(groups))
	for i := range groups {
		shown[i] = len(purposes[i])
		items[i].Text = line(i, shown[i])
	}
	if len(items) > 0 {
		bs = append(bs, Paragraph{Text: ph.summaryUseLead}, Links{Items: items})
	}
	var rest []Link
	if g.requestWays != "" {
		rest = append(rest, Link{Text: sprintf(ph.summaryRights, g.requestWays), Label: ph.rightsHeading, Target: ids[ph.rightsHeading]})
	} else {
		rest = append(rest, Link{Text: ph.summaryRightsNoWay, Label: ph.rightsHeading, Target: ids[ph.rightsHeading]})
	}
	reg := clean(g.authority.Name)
	if reg == "" {
		reg = ph.summaryAnAuthority
	} else {
		reg = theName(reg)
	}
	complain := sprintf(ph.summaryComplainReg, reg)
	if g.complaintsLaw {
		complain = sprintf(ph.summaryComplain, reg)
	}
	rest = append(rest, Link{Text: complain, Label: ph.complainHeading, Target: ids[ph.complainHeading]})
	for _, l := range rest {
		bs = append(bs, l)
	}
	sec := Section{Heading: ph.summaryHeading, Level: 2, Blocks: bs}
	// Cut the longest group's purposes, one at a time, until the layer
	// fits; one purpose is kept for each group.
	for sectionWords(sec) > firstLayerWords {
		at, longest := -1, 0
		for i := range items {
			if n := wordCount(items[i].Text); shown[i] > 1 && n > longest {
				at, longest = i, n
			}
		}
		if at >= 0 {
			shown[at]--
			items[at].Text = line(at, shown[at])
			continue
		}
		// One purpose each, and still too long: the longest line loses
		// words, down to eight.
		for i := range items {
			if n := wordCount(items[i].Text); n > longest {
				at, longest = i, n
			}
		}
		ws := len(strings.Fields(strings.Join(purposes[at][:1], "")))
		if caps[at] == 0 {
			caps[at] = ws
		}
		if caps[at] <= 8 {
			break
		}
		caps[at] = max(caps[at]-(sectionWords(sec)-firstLayerWords), 8)
		items[at].Text = line(at, shown[at])
	}
	return sec
}

// sectionWords counts the words of a section's heading and text.
func sectionWords(s Section) int {
	n := wordCount(s.Heading)
	for _, bl := range s.Blocks {
		switch b := bl.(type) {
		case Paragraph:
			n += wordCount(b.Text)
		case List:
			for _, it := range b.Items {
				n += wordCount(it)
			}
		case Link:
			n += b.words()
		case Links:
			for _, it := range b.Items {
				n += it.words()
			}
		case Table:
			n += wordCount(b.Caption)
			for _, h := range b.Header {
				n += wordCount(h)
			}
			for _, r := range b.Rows {
				for _, c := range r {
					n += wordCount(c)
				}
			}
		}
	}
	return n
}

// wordCount counts the white-space separated words of s.
func wordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// sectionsKey is a key equal for sections that read the same.
func sectionsKey(secs []Section) string {
	var b strings.Builder
	for _, s := range secs {
		b.WriteString("\x00h")
		b.WriteString(s.Heading)
		b.WriteString(blocksKey(s.Blocks))
	}
	return b.String()
}

// blocksKey is a key equal for lists of blocks that read the same.
func blocksKey(bs []Block) string {
	var b strings.Builder
	for _, bl := range bs {
		switch x := bl.(type) {
		case Paragraph:
			b.WriteString("\x00p")
			b.WriteString(x.Text)
		case List:
			b.WriteString("\x00l")
			for _, it := range x.Items {
				b.WriteString("\x01")
				b.WriteString(it)
			}
		case Table:
			b.WriteString("\x00t")
			b.WriteString(x.Caption)
			for _, r := range append([][]string{x.Header}, x.Rows...) {
				b.WriteString("\x02")
				for _, c := range r {
					b.WriteString("\x01")
					b.WriteString(c)
				}
			}
		case Link:
			b.WriteString("\x00a" + x.Text + "\x01" + x.Label + "\x01" + x.Target)
		case Links:
			for _, it := range x.Items {
				b.WriteString("\x00a" + it.Text + "\x01" + it.Label + "\x01" + it.Target)
			}
		}
	}
	return b.String()
}

// setIDs gives each section the anchor GitHub gives its heading in
// Markdown: the heading in lower case, without punctuation other than "-"
// and "_", spaces as "-", and "-1", "-2" ... after a repeated one, so that
// the links of the Markdown work where it is published and the HTML's are
// the same.
func setIDs(secs []Section) {
	used := map[string]int{}
	for i := range secs {
		base := slug(secs[i].Heading)
		id := base
		if n, ok := used[base]; ok {
			id = base + "-" + strconv.Itoa(n)
			used[base] = n + 1
		} else {
			used[base] = 1
		}
		secs[i].ID = id
	}
}

// slug is a heading's anchor, as GitHub makes it.
func slug(h string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(clean(h)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
