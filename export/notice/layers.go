package notice

import (
	"encoding/binary"
	"hash/maphash"
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
	names   []ropa.Subject
	members []int // the groups' indexes in the audience
	subs    []Section
}

// layout returns the notice's sections: the first layer, the contents,
// then the sections of g.secs laid out as described above. g.secs[:head]
// are the sections before the groups', spans the range of each audience
// group's sections, and g.secs[tail:] the sections after them.
func (g *gen) layout(head int, spans [][2]int, tail int) []Section {
	// Groups whose subsections read the same are merged. Subsections are
	// compared by a hash of their text, then in full, so that the cost is
	// linear in the notice's size.
	var groups []groupSecs
	// The hash of each subsection of each group, worked out once: the
	// key of a group is a hash of its subsections' hashes.
	subHashes := make([][]uint64, len(spans))
	nsubs := 0
	for _, sp := range spans {
		nsubs += sp[1] - sp[0] - 1
	}
	flat := make([]uint64, 0, nsubs)
	hashes := make([][]uint64, 0, len(spans)) // by group in groups
	byKey := map[uint64][]int{}               // groups by the hash of their subsections
	for i, sp := range spans {
		subs := g.secs[sp[0]+1 : sp[1]]
		start := len(flat)
		for _, sub := range subs {
			var h maphash.Hash
			h.SetSeed(hashSeed)
			writeSection(&h, sub)
			flat = append(flat, h.Sum64())
		}
		subHashes[i] = flat[start:len(flat):len(flat)]
		// Automated decisions have a section of their own, naming the
		// groups where they differ: they do not keep groups apart.
		var h maphash.Hash
		h.SetSeed(hashSeed)
		for j, sub := range subs {
			if sub.Heading != g.ph.adHeading {
				var b [8]byte
				binary.LittleEndian.PutUint64(b[:], subHashes[i][j])
				h.Write(b[:])
			}
		}
		k := h.Sum64()
		j := slices.IndexFunc(byKey[k], func(j int) bool { return sameSubs(groups[j].subs, subs, g.ph.adHeading) })
		if j >= 0 {
			j = byKey[k][j]
			groups[j].names = append(groups[j].names, g.audience[i])
			groups[j].members = append(groups[j].members, i)
			continue
		}
		byKey[k] = append(byKey[k], len(groups))
		groups = append(groups, groupSecs{names: []ropa.Subject{g.audience[i]}, members: []int{i}, subs: subs})
		hashes = append(hashes, subHashes[i])
	}

	// A subsection that reads the same for every group (of two or more)
	// is said once, in a section of its own after the groups'; automated
	// decisions always are.
	shared := map[string]bool{}
	if len(groups) > 1 {
		// How many groups have each subsection, by hash.
		count := map[uint64]int{}
		for gi := range groups {
			for i, k := range hashes[gi] {
				if !slices.Contains(hashes[gi][:i], k) {
					count[k]++
				}
			}
		}
		for si, sub := range groups[0].subs {
			if count[hashes[0][si]] != len(groups) || sub.Heading == g.ph.adHeading || sub.Heading == g.ph.purposesHeading {
				continue
			}
			all := true
			for gi, gr := range groups[1:] {
				j := slices.Index(hashes[gi+1], hashes[0][si])
				if j < 0 || !sameSubs([]Section{gr.subs[j]}, []Section{sub}, "") {
					all = false
					break
				}
			}
			if all {
				shared[sub.Heading] = true
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
	seen := newSeenTexts() // where each text was first said
	// The subsections of earlier groups, by heading, as generated.
	type earlierSub struct {
		who    string
		index  int
		blocks []Block
	}
	earlier := map[string][]earlierSub{}
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
					sharedSecs = append(sharedSecs, Section{Heading: sub.Heading, Level: 2, Blocks: g.withAllInfo(sub, all),
						src: g.srcOf(spans, sub.Heading, nil)})
				}
				continue
			}
			// A subsection that reads the same as an earlier group's is a
			// link to it (but for the purposes, whose table the first
			// layer reads).
			if sub.Heading != g.ph.purposesHeading {
				if at := slices.IndexFunc(earlier[sub.Heading], func(e earlierSub) bool { return sameBlocks(e.blocks, sub.Blocks) }); at >= 0 {
					e := earlier[sub.Heading][at]
					out = append(out, Section{Heading: sub.Heading, Level: 3, Blocks: []Block{g.sameAs(g.ph.sameAs, who, said{e.who, e.index})},
						src: g.srcOf(spans, sub.Heading, gr.members)})
					continue
				}
				earlier[sub.Heading] = append(earlier[sub.Heading], earlierSub{who: who, index: len(out), blocks: sub.Blocks})
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
							link := g.sameAs(format, who, at)
							// A list of its own kind says what is the same,
							// so that the link is not read as the whole
							// subsection ("We get your information from the
							// same sources as for ...").
							key := p.Text
							if bl == g.internalLead {
								key = "internal"
							}
							if f, ok := g.ph.sameList[key]; ok {
								link = Link{Text: sprintf(f, at.groups), Target: pending(at.sub)}
							}
							if !slices.Contains(bs, Block(link)) {
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
				bs = g.unrepeated(bs, bl, seen, who, len(out))
			}
			if len(bs) == 0 {
				continue
			}
			out = append(out, Section{Heading: sub.Heading, Level: 3, Blocks: bs, src: g.srcOf(spans, sub.Heading, gr.members)})
		}
	}
	out = append(out, sharedSecs...)
	// The fields of every group's purposes: those of the section on the
	// lawful bases and of the first layer.
	purposesSrc := g.srcOf(spans, g.ph.purposesHeading, nil)
	if len(bases) > 0 {
		out = append(out, Section{Heading: g.ph.basesHeading, Level: 2, Blocks: []Block{
			Paragraph{Text: g.ph.basesShared}, List{Items: bases}}, src: purposesSrc})
	}
	if len(ads) > 0 {
		var bs []Block
		for _, a := range ads {
			if len(ads) > 1 || len(a.names) < len(g.audience) {
				bs = append(bs, Paragraph{Text: sprintf(g.ph.adFor, capitalise(groupList(a.names)))})
			}
			bs = append(bs, a.blocks...)
		}
		out = append(out, Section{Heading: g.ph.adHeading, Level: 2, Blocks: bs, src: g.srcOf(spans, g.ph.adHeading, nil)})
	}
	out = append(out, g.secs[tail:]...)
	setIDs(out)

	resolve(out)
	ids := make(map[string]string, len(out))
	for _, s := range out {
		if _, ok := ids[s.Heading]; !ok {
			ids[s.Heading] = s.ID
		}
	}
	first := g.firstLayer(groups, ids)
	first.src = purposesSrc
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
	setSources(all)
	return all
}

// said is where a text was first said: the groups' names, and the index in
// the laid-out sections of the subsection it is in.
type said struct {
	groups string
	sub    int
}

// unrepeated appends bl to bs, or, for a paragraph or list item of
// repeatWords words or more that an earlier group's section said, a link
// to where it was said instead; one link to the same place is enough. who
// are the groups of the section bl is in, sub the index its subsection
// will have.
func (g *gen) unrepeated(bs []Block, bl Block, seen *seenTexts, who string, sub int) []Block {
	switch b := bl.(type) {
	case Paragraph:
		if !hasWords(b.Text, repeatWords) {
			break
		}
		if at, ok := seen.texts[b.Text]; ok && at.groups != who {
			return appendLink(bs, g.sameAs(g.ph.sameAs, who, at))
		}
		seen.texts[b.Text] = said{who, sub}
	case List:
		// A list said before as a whole is a link to it.
		if at, ok := allSeen(b.Items, seen, who); ok {
			return appendLink(bs, g.sameAs(g.ph.sameAs, who, at))
		}
		// An item with a label ("Information about your health: ...")
		// said before keeps its label and points to where it was said;
		// an item without one (a purpose, a recipient) is the register's
		// entry for this group too, and is kept.
		var keep []string // nil while the items are kept as they are
		for i, it := range b.Items {
			if hasWords(it, repeatWords) {
				at, ok := seen.texts[it]
				if ok && at.groups != who {
					if label, _, found := strings.Cut(it, ": "); found && !hasWords(label, repeatWords) {
						if keep == nil {
							keep = append(make([]string, 0, len(b.Items)), b.Items[:i]...)
						}
						keep = append(keep, label+": "+sprintf(g.ph.sameAsFor, at.groups))
						continue
					}
				}
				if !ok {
					seen.texts[it] = said{who, sub}
				}
			}
			if keep != nil {
				keep = append(keep, it)
			}
		}
		if keep != nil {
			return append(bs, List{Items: keep})
		}
		seen.addList(b.Items, said{who, sub})
	}
	return append(bs, bl)
}

// appendLink appends l to bs unless bs has it.
func appendLink(bs []Block, l Link) []Block {
	if slices.Contains(bs, Block(l)) {
		return bs
	}
	return append(bs, l)
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
func allSeen(items []string, seen *seenTexts, who string) (said, bool) {
	var first said
	found := false
	for _, it := range items {
		if !hasWords(it, repeatWords) {
			return said{}, false // said only here
		}
		at, ok := seen.texts[it]
		if !ok || at.groups == who || found && at != first {
			return said{}, false
		}
		first, found = at, true
	}
	// The whole list, not only each of its items: a list with fewer items
	// than the one said before is not "the same".
	if !found {
		return said{}, false
	}
	if at, ok := seen.list(items); !ok || at != first {
		return said{}, false
	}
	return first, found
}

// allInfo returns the group's categories of information as its "What
// information we use" list gives them, without the special category or
// criminal offence suffix, for recognising a retention row that covers
// them all.
func (g *gen) allInfo(subs []Section) []string {
	for _, sub := range subs {
		if sub.Heading != g.ph.infoHeading {
			continue
		}
		for j, bl := range sub.Blocks {
			if l, ok := bl.(List); ok && j > 0 && sub.Blocks[j-1] == g.fixed.infoLead {
				out := make([]string, len(l.Items))
				for i, it := range l.Items {
					out[i] = strings.TrimSuffix(strings.TrimSuffix(it, g.ph.special), g.ph.criminal)
				}
				return out
			}
		}
	}
	return nil
}

// coversAll reports whether a retention row's first cell ("Your name; your
// contact details") names each category of all once, in any order and
// case, and no other.
func coversAll(cell string, all []string) bool {
	if strings.Count(cell, "; ")+1 != len(all) {
		return false
	}
	for part := range strings.SplitSeq(cell, "; ") {
		if !slices.ContainsFunc(all, func(c string) bool { return strings.EqualFold(c, part) }) {
			return false
		}
	}
	return true
}

// withAllInfo returns the blocks of a section, with the first cell of a
// retention row that names every category of all replaced by "All the
// information above".
func (g *gen) withAllInfo(sub Section, all []string) []Block {
	if len(all) < 2 {
		return sub.Blocks
	}
	var out []Block // nil while unchanged
	for i, bl := range sub.Blocks {
		t, ok := bl.(Table)
		if !ok {
			continue
		}
		for j, r := range t.Rows {
			if len(r) == 0 || !coversAll(r[0], all) {
				continue
			}
			if out == nil {
				out = slices.Clone(sub.Blocks)
			}
			rows := slices.Clone(t.Rows)
			r = slices.Clone(r)
			r[0] = g.ph.allInfo
			rows[j] = r
			t.Rows = rows
			out[i] = t
		}
	}
	if out == nil {
		return sub.Blocks
	}
	// One rule for all the information is a sentence, not a table of one
	// row ("Your information is kept for 6 years ...").
	for i, bl := range out {
		if t, ok := bl.(Table); ok && len(t.Rows) == 1 && len(t.Rows[0]) == 2 && t.Rows[0][0] == g.ph.allInfo {
			text := t.Rows[0][1]
			if rest, ok := strings.CutPrefix(text, g.keepItPrefix()); ok {
				text = g.ph.keepAll + " " + rest
			} else {
				text = sprintf(g.ph.keepAllOther, text)
			}
			out[i] = Paragraph{Text: text}
		}
	}
	return out
}

// keepItPrefix is the words keepIt starts with, before its verb's object
// ("It is kept").
func (g *gen) keepItPrefix() string {
	p, _, _ := strings.Cut(g.ph.keepIt, " %s")
	return p + " "
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
// firstLayerWords words: each group's purposes are cut to the same number
// of words, the largest that fits (at the end of a purpose where one fits,
// with "and other purposes"), and when even the shortest lines do not fit,
// the last groups are left to the contents. Its cost is linear in the
// purposes' text (a binary search over the number of words).
func (g *gen) firstLayer(groups []groupSecs, ids map[string]string) Section {
	ph := g.ph
	name := clean(g.reg.Controller.Name)
	if name == "" {
		name = ph.usFallback
	}
	intro := Paragraph{Text: sprintf(ph.summaryWho, name)}
	lead := Paragraph{Text: ph.summaryUseLead}

	// Each group's purposes, and the words up to the end of each.
	purposes := make([][]string, len(groups))
	ends := make([][]int, len(groups))
	for i, gr := range groups {
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
							ps = append(ps, strings.TrimRight(r[0], ". "))
						}
					}
				case List:
					if j > 0 && s.Blocks[j-1] == g.fixed.basesLead {
						continue // what the bases mean
					}
					for _, it := range b.Items {
						ps = append(ps, strings.TrimRight(it, ". "))
					}
				}
			}
		}
		purposes[i] = ps
		n := 0
		for _, p := range ps {
			n += wordCount(p)
			ends[i] = append(ends[i], n)
		}
	}
	who := func(i int) string {
		if g.young && len(g.audience) == 1 {
			return ph.summaryYou
		}
		return capitalise(groupList(g.plainNames(groups[i].names)))
	}
	// cutAt returns how many purposes of group i fit in c words (c < 0:
	// all), and whether the first does not, so that its words are cut.
	cutAt := func(i, c int) (n int, words bool) {
		e := ends[i]
		if c < 0 || len(e) == 0 || e[len(e)-1] <= c {
			return len(e), false
		}
		n, _ = slices.BinarySearch(e, c+1)
		return n, n == 0
	}
	// line is group i's line with its purposes cut to at most c words
	// (c < 0: not cut).
	line := func(i, c int) Link {
		heading := g.groupHeading(groups[i].names)
		l := Link{Label: heading, Target: ids[heading]}
		ps := purposes[i]
		if len(ps) == 0 {
			l.Text = sprintf(ph.summaryNoPurposes, who(i))
			return l
		}
		n, cutWords := cutAt(i, c)
		if cutWords {
			ws := strings.Fields(ps[0])
			text := lowerFirst(strings.TrimRight(strings.Join(ws[:c], " "), ",;:")) + " …"
			l.Text = strings.Replace(sprintf(ph.summaryUse, who(i), text), "….", "…", 1)
			return l
		}
		// Each purpose is a sentence of its own: the register's words,
		// not run together with semicolons into one long sentence.
		lower := make([]string, n)
		for j, p := range ps[:n] {
			if j == 0 {
				lower[j] = lowerFirst(p)
			} else {
				lower[j] = capitalise(p)
			}
		}
		text := strings.Join(lower, ". ")
		if n < len(ps) {
			text += ph.summaryOthers
		}
		l.Text = sprintf(ph.summaryUse, who(i), text)
		return l
	}
	// lineWords is the words of line(i, c), worked out without writing it.
	base := make([]int, len(groups)) // the words of a line but its purposes
	for i := range groups {
		if len(purposes[i]) == 0 {
			base[i] = line(i, -1).words()
		} else {
			base[i] = wordCount(sprintf(ph.summaryUse, who(i), "")) - 1 + wordCount(g.groupHeading(groups[i].names))
		}
	}
	others := wordCount(ph.summaryOthers)
	lineWords := func(i, c int) int {
		if len(purposes[i]) == 0 {
			return base[i]
		}
		n, cutWords := cutAt(i, c)
		switch {
		case cutWords:
			return base[i] + c + 1
		case n < len(purposes[i]):
			return base[i] + ends[i][n-1] + others
		}
		return base[i] + ends[i][len(ends[i])-1]
	}

	var rest []Block
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

	fixed := wordCount(ph.summaryHeading) + wordCount(intro.Text) + wordCount(lead.Text)
	for _, bl := range rest {
		fixed += bl.(Link).words()
	}
	more := Link{Text: ph.summaryMoreGroups, Label: ph.contentsHeading, Target: slug(ph.contentsHeading)}
	// words returns the words of the layer with the first k groups'
	// purposes cut to c words.
	words := func(k, c int) int {
		w := fixed
		for i := range k {
			w += lineWords(i, c)
		}
		if k < len(groups) {
			w += more.words()
		}
		return w
	}
	k, c := len(groups), -1
	if words(k, c) > firstLayerWords {
		longest := 0
		for _, e := range ends {
			if len(e) > 0 {
				longest = max(longest, e[len(e)-1])
			}
		}
		// The largest cut that fits, down to four words.
		lo, hi := 4, longest
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if words(k, mid) <= firstLayerWords {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		c = lo
		if words(k, c) > firstLayerWords {
			// Too many groups: as many as fit, then the contents.
			k = 0
			for w := fixed + more.words(); k < len(groups); k++ {
				if w += lineWords(k, c); w > firstLayerWords {
					break
				}
			}
		}
	}
	items := make([]Link, 0, k+1)
	for i := range k {
		items = append(items, line(i, c))
	}
	if k < len(groups) {
		items = append(items, more)
	}
	bs := []Block{intro}
	if len(items) > 0 {
		bs = append(bs, lead, Links{Items: items})
	}
	bs = append(bs, rest...)
	return Section{Heading: ph.summaryHeading, Level: 2, Blocks: bs}
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

// srcOf returns the register fields of the subsections headed heading of
// the audience groups members (nil: every group), without repeats.
func (g *gen) srcOf(spans [][2]int, heading string, members []int) []string {
	if len(members) == 1 {
		// One group: its subsection's own fields, as they are.
		for _, sub := range g.secs[spans[members[0]][0]+1 : spans[members[0]][1]] {
			if sub.Heading == heading {
				return sub.src
			}
		}
		return nil
	}
	// The fields are collected on scratch space, each once, then copied
	// into a slice of their number.
	out := g.srcScratch[:0]
	if g.srcSeen == nil {
		g.srcSeen = map[string]struct{}{}
	}
	seen := g.srcSeen
	add := func(i int) {
		for _, sub := range g.secs[spans[i][0]+1 : spans[i][1]] {
			if sub.Heading != heading {
				continue
			}
			for _, p := range sub.src {
				if _, ok := seen[p]; !ok {
					seen[p] = struct{}{}
					out = append(out, p)
				}
			}
		}
	}
	if members == nil {
		for i := range spans {
			add(i)
		}
	} else {
		for _, i := range members {
			add(i)
		}
	}
	clear(seen)
	res := g.stringsOf(out)
	clear(out)
	g.srcScratch = out[:0]
	return res
}

// setSources gives each block of each section the fields of its section.
func setSources(secs []Section) {
	for i := range secs {
		s := &secs[i]
		s.Sources = make([][]string, len(s.Blocks))
		for j := range s.Blocks {
			s.Sources[j] = s.src
		}
	}
}

// hashSeed seeds the hashes of subsections, the same in every Generate.
var hashSeed = maphash.MakeSeed()

// writeSection writes a section's heading and text to h.
func writeSection(h *maphash.Hash, s Section) {
	h.WriteString(s.Heading)
	h.WriteByte(0)
	for _, bl := range s.Blocks {
		switch x := bl.(type) {
		case Paragraph:
			h.WriteByte(1)
			h.WriteString(x.Text)
		case List:
			h.WriteByte(2)
			for _, it := range x.Items {
				h.WriteString(it)
				h.WriteByte(0)
			}
		case Table:
			h.WriteByte(3)
			h.WriteString(x.Caption)
			for _, c := range x.Header {
				h.WriteString(c)
				h.WriteByte(0)
			}
			for _, r := range x.Rows {
				h.WriteByte(4)
				for _, c := range r {
					h.WriteString(c)
					h.WriteByte(0)
				}
			}
		case Link:
			h.WriteByte(5)
			h.WriteString(x.Text + "\x00" + x.Label + "\x00" + x.Target)
		case Links:
			h.WriteByte(6)
			for _, it := range x.Items {
				h.WriteString(it.Text + "\x00" + it.Label + "\x00" + it.Target)
			}
		}
	}
	h.WriteByte(7)
}

// sameSubs reports whether two lists of subsections read the same, the
// ones headed skip left out.
func sameSubs(a, b []Section, skip string) bool {
	i, j := 0, 0
	for {
		for i < len(a) && skip != "" && a[i].Heading == skip {
			i++
		}
		for j < len(b) && skip != "" && b[j].Heading == skip {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i].Heading != b[j].Heading || !sameBlocks(a[i].Blocks, b[j].Blocks) {
			return false
		}
		i++
		j++
	}
}

// sameBlocks reports whether two lists of blocks read the same.
func sameBlocks(a, b []Block) bool {
	return slices.EqualFunc(a, b, func(x, y Block) bool {
		switch x := x.(type) {
		case Paragraph, Link:
			return x == y
		case List:
			y, ok := y.(List)
			return ok && slices.Equal(x.Items, y.Items)
		case Links:
			y, ok := y.(Links)
			return ok && slices.Equal(x.Items, y.Items)
		case Table:
			y, ok := y.(Table)
			return ok && x.Caption == y.Caption && slices.Equal(x.Header, y.Header) &&
				slices.EqualFunc(x.Rows, y.Rows, func(r, q []string) bool { return slices.Equal(r, q) })
		}
		return false
	})
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
	if plainASCII(h) {
		// Most headings: a byte at a time, in one allocation.
		b := make([]byte, 0, len(h))
		for i := 0; i < len(h); i++ {
			switch c := h[i]; {
			case 'A' <= c && c <= 'Z':
				b = append(b, c+'a'-'A')
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-', c == '_':
				b = append(b, c)
			case c == ' ':
				b = append(b, '-')
			}
		}
		return unsafeString(b)
	}
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
