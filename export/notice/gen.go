// The generator's state and its performance machinery: the index of the
// register built once per notice, interned strings, per-group views and the
// caches that keep Generate linear in the size of the register. No notice
// text is written here.

package notice

import (
	"hash/maphash"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// catalogueIndex gives the position of each well-known data subject in the
// catalogue, for ordering the audience.
var catalogueIndex = func() map[ropa.Subject]int {
	m := map[ropa.Subject]int{}
	for i, s := range ropa.Subjects() {
		m[s] = i
	}
	return m
}()

// gen holds the state of one Generate call.
type gen struct {
	genScratch    // what a later call reuses
	reg           *ropa.Register
	regime        lawfulbasis.Regime
	at            time.Time
	updated       time.Time // the register's date: see updatedOf
	ukNew         bool      // UK regime from 5 February 2026 (DUAA)
	complaintsLaw bool      // UK regime from 19 June 2026 (DPA 2018 s164A)
	young         bool
	ph            *phrases
	fixed         *fixedParas // of ph
	internalLead  Block       // the paragraph before the internal recipients
	routes        Routes
	requestWays   string // how to make a request, as the rights section says it ("" for none)
	authority     Regulator
	hasAuthority  bool
	// The register fields the authority comes from, and why there is none.
	authorityFields []string
	authorityGap    string
	audience        []ropa.Subject
	src             []string   // the register fields of the next section (see section)
	pathParts       [][]string // scratch
	pathBuf         []byte     // scratch
	pathEnds        []int      // scratch
	srcScratch      []string   // scratch for srcOf
	cov             *tracker

	// An activity appears in the section of each of its groups: what the
	// notice says about it is worked out once, in info, and what the
	// sections of a group say is put together from it. Data categories
	// are numbered, in catIDs, so that sets of them are cheap.
	groups     [][]int              // each audience group's activities, as indexes in acts
	groupOf    map[ropa.Subject]int // each audience group's index in audience
	grights    []groupRights        // by audience group, worked out in its section
	basisSet   [256]uint32          // by basis: its rights as bits, with bit 0 set once worked out
	rightTexts [32]struct {
		text string
		done bool
	} // by right: its item in the rights section, once worked out
	// What the groups' sections found about Article 14: whether some
	// group's data come from others, and whether some activity does not
	// record it for a group.
	indirect, sourcesUnknown bool
	cats                     []catInfo      // by category number
	words                    int            // uint64 words in a set of categories
	srcIDs                   map[srcKey]int // a source's item, by kind and name
	recIDs                   map[srcKey]int // a recipient's item, by list and name
	moveIDs                  map[moveKey]moveEntry
	provTexts                map[srcKey]string // a provision's text by requirement and consequences
	adTexts                  map[srcKey]string // a paragraph on automated decisions by phrase and text
	seen                     stampSet          // scratch: the numbered strings or categories already met
	seen2                    stampSet          // scratch, for a second kind of number
	slot                     []int             // by category number: its row in byCat, or -1

	// Texts by what they depend on.
	meanings   [256]string // what each basis means, by its value
	basisTexts map[basisKey]string
	retTexts   map[retKey]string
	sensitive  map[string]string
	memo       []memoEntry // the group's retention cells, with their keys in memoKeys
	memoKeys   []byte
	memoIndex  map[string]int // memo by key, once it has more than memoScan cells

	// Slabs that the notice's slices are cut from, and scratch space.
	strSlab     []string
	rowSlab     [][]string
	blockSlab   []Block
	scratch     []Block
	key         []byte
	buf         []byte
	done        [][2]int
	entries     []retEntry
	byCat       []catRules
	rowOf       []rowCat
	strs        []string // the numbered strings, by number (see intern)
	strs2       []string
	strs3       []string
	ids         []int
	pairs       [][2]int
	catList     []int
	lists       [3][]int
	srcSlab     []sourceEntry
	recSlab     []recipientEntry
	retSlab     []string
	moveSlab    []moveEntry
	purposeSlab []purposeEntry
	used        []lawfulbasis.Basis
	conds       []lawfulbasis.Condition
	sch1        []lawfulbasis.Schedule1
	auth        []string
	sens        []sensitiveMemo
}

// genScratch is the memory of a generator that no notice keeps: its index
// of the register, its caches and its working space, which a later
// Generate reuses (see [newGen]) rather than allocating it again. The
// notice's own text, lists and sections are never in it.
type genScratch struct {
	acts     []*ropa.Activity      // the activities about anyone in the audience
	actIndex []int                 // by index in acts: the activity's index in the register
	info     []actInfo             // by index in acts
	secs     []Section             // the sections as generated, before layout
	pathMemo []pathMemo            // by index in acts
	views    []view                // what each activity of a group records about it
	viewInts []int                 // the views' indexes and categories
	viewSets []uint64              // the views' sets of categories
	catIDs   map[ropa.Category]int // the number of each data category
	strIDs   map[string]int        // the number of each interned string
	pairIDs  map[purposeKey]int
	srcSeen  map[string]struct{} // scratch for srcOf
}

// gens holds generators of earlier calls, for their scratch space.
var gens sync.Pool

// maxPooledActs is the most activities of a register whose generator's
// scratch space is kept for reuse: a very large register's is let go.
const maxPooledActs = 4096

// newGen returns a generator with no state, reusing the scratch space of
// an earlier one.
func newGen() *gen {
	g, _ := gens.Get().(*gen)
	if g == nil {
		return new(gen)
	}
	return g
}

// release clears g, keeping its scratch space, and puts it back for a
// later Generate; g must not be used after it.
func (g *gen) release() {
	if cap(g.info) > maxPooledActs {
		return
	}
	sc := g.genScratch
	clear(sc.acts[:cap(sc.acts)])
	clear(sc.info[:cap(sc.info)])
	clear(sc.secs[:cap(sc.secs)])
	clear(sc.pathMemo[:cap(sc.pathMemo)])
	clear(sc.views[:cap(sc.views)])
	clear(sc.catIDs)
	clear(sc.strIDs)
	clear(sc.pairIDs)
	clear(sc.srcSeen)
	*g = gen{genScratch: genScratch{
		acts: sc.acts[:0], actIndex: sc.actIndex[:0], info: sc.info[:0], secs: sc.secs[:0],
		pathMemo: sc.pathMemo[:0], views: sc.views[:0], viewInts: sc.viewInts[:0], viewSets: sc.viewSets[:0],
		catIDs: sc.catIDs, strIDs: sc.strIDs, pairIDs: sc.pairIDs, srcSeen: sc.srcSeen,
	}}
	gens.Put(g)
}

// resized returns s with length n and every element zero, reusing its
// memory when it has room.
func resized[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// actInfo is what the notice says about one activity, worked out the first
// time a section needs it: the text of each entry that concerns some group
// of the audience, by the entry's index, so that each group's section
// takes the entries of its view ([view]). The coverage of the entries is
// recorded then, once per activity; what depends on the group (a fact not
// recorded for it, a category without retention) is recorded by the
// group's sections.
type actInfo struct {
	a       *ropa.Activity
	cats    []int    // a.DataCategories as numbers
	set     []uint64 // the set of a.DataCategories
	retCats [][]int  // the categories of each retention rule (nil: the group's)
	// scoped is true when some entry of the activity names the groups it
	// concerns, so that what it says differs between its groups; uniform
	// is true when, besides, no statement of none is scoped, so that every
	// group has the same status for every fact (kept in status).
	scoped, uniform bool
	statusDone      [len(facts)]bool
	status          [len(facts)]ropa.Status
	gapDone         [len(facts)]bool // the gap of a fact not recorded is reported

	purposesDone bool
	purposes     []purposeEntry
	sourcesDone  bool
	sources      []sourceEntry
	sharingDone  bool
	recipients   []recipientEntry
	movesDone    bool
	moves        []moveEntry
	retDone      bool
	rets         []string // the text of each retention rule
	retCovDone   bool     // the categories without a rule are recorded for every group
	provDone     bool
	prov         string      // the provision's text
	provItem     string      // its item in a list: the activity's name first
	adDone       []bool      // by decision: its paragraphs are worked out
	ad           [][3]string // by decision: what it decides, its logic and its effect
	sensDone     bool
	sens         sensitiveData
	rightsDone   bool
	rights       actRights // what it says of the rights of every group
}

// facts are the facts a register may state there is none of, in the
// order of actInfo.status.
var facts = [...]ropa.Fact{ropa.FactAutomated, ropa.FactTransfers, ropa.FactRecipients, ropa.FactOtherSources}

// view is what one activity records about one group of people, as
// [ropa.Activity.For] gives it: the indexes of the entries of each list
// that concern the group (ropa.Group.Index), whether the provision
// statement does, and the group's data categories as numbers. An activity
// that scopes nothing gives every group all its entries: its view has all
// set and no indexes, and shares the activity's categories.
type view struct {
	ai   int
	all  bool
	idx  ropa.GroupIndex
	prov bool
	cats []int
	set  []uint64
}

// has reports whether category number c is among the group's.
func (v *view) has(c int) bool { return v.set[c>>6]&(1<<(c&63)) != 0 }

// in reports whether entry i of one of the activity's lists concerns the
// group, idx being that list's indexes in the view.
func (v *view) in(idx []int, i int) bool { return v.all || slices.Contains(idx, i) }

// has reports whether category number c is among the activity's.
func (in *actInfo) has(c int) bool { return in.set[c>>6]&(1<<(c&63)) != 0 }

// appendLen appends n to a cache key in eight bytes.
func appendLen(key []byte, n int) []byte {
	u := uint64(n)
	return append(key, byte(u), byte(u>>8), byte(u>>16), byte(u>>24), byte(u>>32), byte(u>>40), byte(u>>48), byte(u>>56))
}

// stampSet is a set of small numbers that empties in constant time.
type stampSet struct {
	mark  []uint32
	stamp uint32
}

// reset empties the set.
func (s *stampSet) reset() {
	s.stamp++
	if s.stamp == 0 {
		clear(s.mark)
		s.stamp = 1
	}
}

// add adds n to the set and reports whether it was not in it.
func (s *stampSet) add(n int) bool {
	if n >= len(s.mark) {
		s.mark = append(s.mark, make([]uint32, n+1-len(s.mark)+len(s.mark)/2)...)
	}
	if s.mark[n] == s.stamp {
		return false
	}
	s.mark[n] = s.stamp
	return true
}

// contains reports whether n is in the set.
func (s *stampSet) contains(n int) bool { return n < len(s.mark) && s.mark[n] == s.stamp }

// index finds the activities about the audience, numbers their data
// categories and lists each group's activities.
func (g *gen) index(reg *ropa.Register, audience []ropa.Subject) {
	group := make(map[ropa.Subject]int, len(audience))
	for i, s := range audience {
		group[s] = i
	}
	g.groupOf = group
	g.grights = make([]groupRights, len(audience))
	nCats, nRules, nSets := 0, 0, 0
	nPurposes, nSources, nRecipients, nMoves, nDecisions := 0, 0, 0, 0, 0
	counts := make([]int, len(audience))
	for i := range reg.Activities {
		a := &reg.Activities[i]
		in := false
		for j, s := range a.DataSubjects {
			k, ok := group[s]
			if !ok || slices.Contains(a.DataSubjects[:j], s) {
				continue
			}
			in = true
			counts[k]++
		}
		if !in {
			continue
		}
		g.acts = append(g.acts, a)
		g.actIndex = append(g.actIndex, i)
		nPurposes += len(a.Purposes)
		nSources += len(a.Sources)
		nRecipients += len(a.Recipients)
		nMoves += len(a.Transfers)
		nDecisions += len(a.Automated)
		nCats += len(a.DataCategories)
		nRules += len(a.Retention)
		for _, r := range a.Retention {
			nCats += len(r.Categories)
		}
	}
	// The activities of each group, cut from one slice.
	total := 0
	for _, n := range counts {
		total += n
	}
	flat := make([]int, 0, total)
	g.groups = make([][]int, len(audience))
	for k, n := range counts {
		g.groups[k] = flat[len(flat) : len(flat) : len(flat)+n]
		flat = flat[:len(flat)+n]
	}
	g.info = resized(g.info, len(g.acts))
	g.pathMemo = resized(g.pathMemo, len(g.acts))
	most := 0 // the most activities of a group
	for _, n := range counts {
		most = max(most, n)
	}
	if cap(g.views) < most {
		g.views = make([]view, 0, most)
	}
	ads, adDone := make([][3]string, nDecisions), make([]bool, nDecisions)
	if g.catIDs == nil {
		g.catIDs = make(map[ropa.Category]int, 64)
	}
	ids := make([]int, 0, nCats)
	retCats := make([][]int, nRules)
	// number1 appends the number of category c to ids.
	number1 := func(c ropa.Category) {
		id, ok := g.catIDs[c]
		if !ok {
			id = len(g.cats)
			g.catIDs[c] = id
			g.cats = append(g.cats, g.catInfo(c))
		}
		ids = append(ids, id)
	}
	for i, a := range g.acts {
		in := &g.info[i]
		in.a = a
		start := len(ids)
		for _, dc := range a.DataCategories {
			number1(dc.Category)
		}
		in.cats = ids[start:len(ids):len(ids)]
		in.scoped = scoped(a)
		n := len(a.Automated)
		in.ad, in.adDone, ads, adDone = ads[:n:n], adDone[:n:n], ads[n:], adDone[n:]
		in.uniform = !in.scoped && !slices.ContainsFunc(a.None, func(n ropa.None) bool { return len(n.Subjects) > 0 })
		in.retCats, retCats = retCats[:len(a.Retention):len(a.Retention)], retCats[len(a.Retention):]
		for ri, r := range a.Retention {
			switch {
			case len(r.Categories) == 0:
				// The categories of the group it is stated for.
			case len(r.Categories) <= len(a.DataCategories):
				// A rule's categories are mostly the activity's, which
				// are quicker to find there than in catIDs.
				start := len(ids)
				for _, c := range r.Categories {
					if j := slices.IndexFunc(a.DataCategories, func(d ropa.DataCategory) bool { return d.Category == c }); j >= 0 {
						ids = append(ids, in.cats[j])
					} else {
						number1(c)
					}
				}
				in.retCats[ri] = ids[start:len(ids):len(ids)]
			default:
				start := len(ids)
				for _, c := range r.Categories {
					number1(c)
				}
				in.retCats[ri] = ids[start:len(ids):len(ids)]
			}
		}
		for j, s := range a.DataSubjects {
			if k, ok := group[s]; ok && !slices.Contains(a.DataSubjects[:j], s) {
				g.groups[k] = append(g.groups[k], i)
			}
		}
	}
	// Room for the notice's lists, tables, blocks and register fields:
	// about what the sections of each group take from each of its
	// activities (each entry's text, and its field about three times: in
	// the activity's paths, its group's section and a shared section).
	nStrings, nRows := 16*len(audience), 8*len(audience)
	for _, acts := range g.groups {
		for _, ai := range acts {
			a := g.acts[ai]
			nStrings += 8 + 3*(len(a.Purposes)+len(a.DataCategories)+len(a.Sources)+len(a.Recipients)+
				len(a.Transfers)+len(a.Retention)+len(a.Automated))
			nRows += len(a.Purposes)
		}
	}
	g.strSlab = make([]string, 0, nStrings)
	g.rowSlab = make([][]string, 0, nRows)
	g.blockSlab = make([]Block, 0, 32+25*len(audience))
	g.words = (len(g.cats) + 63) / 64
	nSets = g.words * len(g.acts)
	sets := make([]uint64, nSets)
	for i := range g.info {
		in := &g.info[i]
		in.set, sets = sets[:g.words:g.words], sets[g.words:]
		for _, c := range in.cats {
			in.set[c>>6] |= 1 << (c & 63)
		}
	}
	g.slot = make([]int, len(g.cats))
	for i := range g.slot {
		g.slot[i] = -1
	}
	if g.strIDs == nil {
		g.strIDs = make(map[string]int, 64+nPurposes/2)
	}
	g.retSlab = make([]string, nRules)
	g.moveSlab = make([]moveEntry, nMoves)
	g.purposeSlab = make([]purposeEntry, 0, nPurposes)
	g.srcSlab = make([]sourceEntry, 0, nSources)
	g.recSlab = make([]recipientEntry, 0, nRecipients)
	g.srcIDs = map[srcKey]int{}
	g.recIDs = map[srcKey]int{}
	g.moveIDs = map[moveKey]moveEntry{}
	g.provTexts = map[srcKey]string{}
	g.adTexts = map[srcKey]string{}
	if g.pairIDs == nil {
		g.pairIDs = make(map[purposeKey]int, nPurposes)
	}
	g.basisTexts = map[basisKey]string{}
	g.retTexts = map[retKey]string{}
	g.sensitive = map[string]string{}
}

// scoped reports whether some entry of activity a names the groups it
// concerns.
func scoped(a *ropa.Activity) bool {
	if len(a.Provision.Subjects) > 0 {
		return true
	}
	for _, p := range a.Purposes {
		if len(p.Subjects) > 0 {
			return true
		}
	}
	for _, c := range a.DataCategories {
		if len(c.Subjects) > 0 {
			return true
		}
	}
	for _, s := range a.Sources {
		if len(s.Subjects) > 0 {
			return true
		}
	}
	for _, r := range a.Recipients {
		if len(r.Subjects) > 0 {
			return true
		}
	}
	for _, t := range a.Transfers {
		if len(t.Subjects) > 0 {
			return true
		}
	}
	for _, r := range a.Retention {
		if len(r.Subjects) > 0 {
			return true
		}
	}
	for _, d := range a.Automated {
		if len(d.Subjects) > 0 {
			return true
		}
	}
	return false
}

// forAudience reports whether a fact scoped to scope concerns some group
// of the audience, so that the notice may state it and its coverage
// counts.
func (g *gen) forAudience(scope []ropa.Subject) bool {
	if len(scope) == 0 {
		return true
	}
	for _, s := range scope {
		if _, ok := g.groupOf[s]; ok {
			return true
		}
	}
	return false
}

// viewsOf returns what each of the activities acts records about group s,
// on scratch space that the next call reuses. The indexes are those of
// [ropa.Activity.For] (TestViews checks it), worked out here with the same
// Concerns methods into slabs, since For copies every entry.
func (g *gen) viewsOf(s ropa.Subject, acts []int) []view {
	vs := g.views[:0]
	ints, sets := g.viewInts[:0], g.viewSets[:0]
	// indexes appends the indexes i < n for which ok(i) is true to ints
	// and returns them.
	indexes := func(n int, ok func(int) bool) []int {
		start := len(ints)
		for i := range n {
			if ok(i) {
				ints = append(ints, i)
			}
		}
		return ints[start:len(ints):len(ints)]
	}
	for _, ai := range acts {
		in := &g.info[ai]
		v := view{ai: ai, all: !in.scoped, prov: true, cats: in.cats, set: in.set}
		if in.scoped {
			a := in.a
			v.prov = a.Provision.Concerns(s)
			v.idx = ropa.GroupIndex{
				Purposes:   indexes(len(a.Purposes), func(i int) bool { return a.Purposes[i].Concerns(s) }),
				Categories: indexes(len(a.DataCategories), func(i int) bool { return a.DataCategories[i].Concerns(s) }),
				Sources:    indexes(len(a.Sources), func(i int) bool { return a.Sources[i].Concerns(s) }),
				Recipients: indexes(len(a.Recipients), func(i int) bool { return a.Recipients[i].Concerns(s) }),
				Transfers:  indexes(len(a.Transfers), func(i int) bool { return a.Transfers[i].Concerns(s) }),
				Retention:  indexes(len(a.Retention), func(i int) bool { return a.Retention[i].Concerns(s) }),
				Automated:  indexes(len(a.Automated), func(i int) bool { return a.Automated[i].Concerns(s) }),
			}
			start := len(sets)
			for range g.words {
				sets = append(sets, 0)
			}
			v.set = sets[start:len(sets):len(sets)]
			start = len(ints)
			for _, j := range v.idx.Categories {
				c := in.cats[j]
				if v.set[c>>6]&(1<<(c&63)) == 0 {
					ints = append(ints, c)
					v.set[c>>6] |= 1 << (c & 63)
				}
			}
			v.cats = ints[start:len(ints):len(ints)]
		}
		vs = append(vs, v)
	}
	g.views, g.viewInts, g.viewSets = vs, ints, sets
	return vs
}

// status says what activity ai records of fact f (the k-th of facts) for
// group s.
func (g *gen) status(ai, k int, s ropa.Subject) ropa.Status {
	in := &g.info[ai]
	if !in.uniform {
		return in.a.Status(facts[k], s)
	}
	if !in.statusDone[k] {
		in.status[k], in.statusDone[k] = in.a.Status(facts[k], s), true
	}
	return in.status[k]
}

// Indexes in facts.
const (
	factAutomated = iota
	factTransfers
	factRecipients
	factOtherSources
)

// intern numbers a string of the notice.
func (g *gen) intern(s string) int {
	if id, ok := g.strIDs[s]; ok {
		return id
	}
	id := len(g.strs)
	g.strs = append(g.strs, s)
	g.strIDs[s] = id
	return id
}

// strings returns a slice of n strings cut from a slab.
func (g *gen) strings(n int) []string {
	if n == 0 {
		return nil
	}
	if len(g.strSlab)+n > cap(g.strSlab) {
		g.strSlab = make([]string, 0, max(n, cap(g.strSlab)/4, 256))
	}
	i := len(g.strSlab)
	g.strSlab = g.strSlab[:i+n]
	return g.strSlab[i : i+n : i+n]
}

// stringsOf returns a copy of ss cut from a slab; nil for none.
func (g *gen) stringsOf(ss []string) []string {
	out := g.strings(len(ss))
	copy(out, ss)
	return out
}

// rows returns the rows of a two-column table holding pairs, cut from
// slabs.
func (g *gen) rows(pairs []string) [][]string {
	flat := g.stringsOf(pairs)
	n := len(flat) / 2
	if len(g.rowSlab)+n > cap(g.rowSlab) {
		g.rowSlab = make([][]string, 0, max(n, cap(g.rowSlab)/2, 64))
	}
	i := len(g.rowSlab)
	g.rowSlab = g.rowSlab[:i+n]
	rows := g.rowSlab[i : i+n : i+n]
	for j := range rows {
		rows[j] = flat[2*j : 2*j+2 : 2*j+2]
	}
	return rows
}

// blocks returns an empty list of blocks for a section, on scratch space
// that [gen.section] copies from.
func (g *gen) blocks() blocks { return g.scratch[:0] }

func (g *gen) section(level int, heading string, bs ...Block) {
	var out []Block
	if len(bs) > 0 {
		if len(g.blockSlab)+len(bs) > cap(g.blockSlab) {
			g.blockSlab = make([]Block, 0, max(len(bs), cap(g.blockSlab)/2, 64))
		}
		i := len(g.blockSlab)
		g.blockSlab = append(g.blockSlab, bs...)
		out = g.blockSlab[i:len(g.blockSlab):len(g.blockSlab)]
		if cap(bs) > cap(g.scratch) {
			g.scratch = bs[:0]
		}
		clear(bs)
	}
	g.secs = append(g.secs, Section{Heading: heading, Level: level, Blocks: out, src: g.src})
	g.src = nil
}

// fixedParas are the paragraphs of fixed text that the sections of every
// group may use, as blocks made once rather than in each section. A
// paragraph whose text is empty is nil.
type fixedParas struct {
	purposesLead, basesLead, purposesOther, purposesOnly, infoLead, sensitiveLead, fromYourself, fromYourselfOnly, onlyFromYou, noOtherSources, sourcesLead, sharesNone, othersLead, processorsLead, copySafeguards, adSignificant, adNotSignificant, adNone, profiling Block
	transfersNone                                                                                                                                                                                                                                                       [2]Block
}

func fixedParasOf(ph *phrases) *fixedParas {
	para := func(s string) Block {
		if s == "" {
			return nil
		}
		return Paragraph{Text: s}
	}
	return &fixedParas{
		purposesLead:     para(ph.purposesLead),
		basesLead:        para(ph.basesLead),
		purposesOther:    para(ph.purposesOther),
		purposesOnly:     para(ph.purposesOnly),
		infoLead:         para(ph.infoLead),
		sensitiveLead:    para(ph.sensitiveLead),
		fromYourself:     para(ph.fromYourself),
		fromYourselfOnly: para(ph.fromYourself + " " + ph.noOtherSources),
		onlyFromYou:      para(ph.onlyFromYou),
		noOtherSources:   para(ph.noOtherSources),
		sourcesLead:      para(ph.sourcesLead),
		sharesNone:       para(ph.sharesNone),
		transfersNone:    [2]Block{para(ph.transfersNone[0]), para(ph.transfersNone[1])},
		othersLead:       para(ph.othersLead),
		processorsLead:   para(ph.processorsLead),
		copySafeguards:   para(ph.copySafeguards),
		adSignificant:    para(ph.adSignificant),
		adNotSignificant: para(ph.adNotSignificant),
		adNone:           para(ph.adNone),
		profiling:        para(ph.profiling),
	}
}

var fixedAdult, fixedYoung = fixedParasOf(adult), fixedParasOf(young)

// blocks collects a section's blocks.
type blocks []Block

func (b *blocks) para(s string) {
	if s != "" {
		*b = append(*b, Paragraph{Text: s})
	}
}

func (b *blocks) paraf(format string, args ...string) { b.para(sprintf(format, args...)) }

// add adds a block made beforehand; nil adds nothing.
func (b *blocks) add(bl Block) {
	if bl != nil {
		*b = append(*b, bl)
	}
}

func (b *blocks) list(items []string) {
	if len(items) > 0 {
		*b = append(*b, List{Items: items})
	}
}

// ---------------------------------------------------------------------------
// Who we are: Art 13(1)(a) and (b).

// Kinds of entry whose register fields [gen.paths] gives, by their JSON
// name in kindNames.
const (
	kindPurposes = iota
	kindCategories
	kindSpecial
	kindSources
	kindRecipients
	kindTransfers
	kindRetention
	kindProvision
	kindAutomated
	numKinds
)

// kindNames are the JSON fields of ropa.Activity of each kind.
var kindNames = [numKinds]string{"purposes", "dataCategories", "special", "sources", "recipients", "transfers", "retention", "provision", "automated"}

// paths returns the register fields, as JSON paths with indexes
// ("activities[2].purposes[0]"), of the entries of the given kinds that
// the group's activities vs record for it, with the activity's statements
// of none for the kinds a notice may deny.
func (g *gen) paths(vs []view, kinds ...int) []string {
	if len(vs) == 1 && len(kinds) == 1 {
		return g.pathsOf(&vs[0], kinds[0])
	}
	// Each view's paths are worked out (or found) once, then copied once
	// into a slice of the right size: appending them one view at a time
	// copied the whole list again at each growth, which dominated large
	// registers.
	parts := g.pathParts[:0]
	n := 0
	for _, k := range kinds {
		for i := range vs {
			p := g.pathsOf(&vs[i], k)
			parts = append(parts, p)
			n += len(p)
		}
	}
	out := g.strings(n)[:0]
	for _, p := range parts {
		out = append(out, p...)
	}
	clear(parts)
	g.pathParts = parts[:0]
	return out
}

// pathMemo holds one activity's paths of each kind, once worked out.
type pathMemo struct {
	paths [numKinds][]string
	done  [numKinds]bool
}

// pathsOf is paths for one activity's view, worked out once for a view
// of an activity that scopes nothing, which reads the same for each of its
// groups.
func (g *gen) pathsOf(v *view, kind int) []string {
	if !v.all {
		return g.viewPaths(v, kind)
	}
	m := &g.pathMemo[v.ai]
	if !m.done[kind] {
		m.paths[kind], m.done[kind] = g.viewPaths(v, kind), true
	}
	return m.paths[kind]
}

// viewPaths works out pathsOf. The paths are written one after the other
// into one string, which each is cut from.
func (g *gen) viewPaths(v *view, kind int) []string {
	a := g.acts[v.ai]
	b, ends := g.pathBuf[:0], g.pathEnds[:0]
	// path appends one path: the activity's prefix, then name, then the
	// index i unless it is negative.
	path := func(name string, i int) {
		b = append(b, "activities["...)
		b = strconv.AppendInt(b, int64(g.actIndex[v.ai]), 10)
		b = append(b, "]."...)
		b = append(b, name...)
		if i >= 0 {
			b = append(b, '[')
			b = strconv.AppendInt(b, int64(i), 10)
			b = append(b, ']')
		}
		ends = append(ends, len(b))
	}
	var n int
	var idx []int
	switch kind {
	case kindPurposes:
		n, idx = len(a.Purposes), v.idx.Purposes
	case kindCategories:
		n, idx = len(a.DataCategories), v.idx.Categories
	case kindSources:
		n, idx = len(a.Sources), v.idx.Sources
	case kindRecipients:
		n, idx = len(a.Recipients), v.idx.Recipients
	case kindTransfers:
		n, idx = len(a.Transfers), v.idx.Transfers
	case kindRetention:
		n, idx = len(a.Retention), v.idx.Retention
	case kindAutomated:
		n, idx = len(a.Automated), v.idx.Automated
	case kindSpecial:
		if len(a.Special.Conditions) > 0 || len(a.Special.Schedule1) > 0 {
			path("special", -1)
		}
		if len(a.Criminal.Schedule1) > 0 || a.Criminal.Authority != "" {
			path("criminal", -1)
		}
	case kindProvision:
		if (v.all || v.prov) && (a.Provision.Requirement != "" || clean(a.Provision.Consequences) != "") {
			path("provision", -1)
		}
	}
	for j := range n {
		if v.all || slices.Contains(idx, j) {
			path(kindNames[kind], j)
		}
	}
	if len(a.None) > 0 && (kind == kindSources || kind == kindRecipients || kind == kindTransfers || kind == kindAutomated) {
		path("none", -1)
	}
	g.pathBuf, g.pathEnds = b, ends
	if len(ends) == 0 {
		return nil
	}
	all := string(b)
	out := g.strings(len(ends))
	start := 0
	for i, e := range ends {
		out[i] = all[start:e]
		start = e
	}
	return out
}

// seenTexts records where each paragraph and list item of repeatWords
// words or more, and each whole list, was first said in the layout of the
// notice (see [gen.unrepeated]).
type seenTexts struct {
	texts map[string]said
	// The whole lists, by a hash of their items: a key joining the items
	// would copy every list's text again.
	lists map[uint64][]seenList
}

type seenList struct {
	items []string
	at    said
}

func newSeenTexts() *seenTexts {
	return &seenTexts{texts: map[string]said{}, lists: map[uint64][]seenList{}}
}

// listHash hashes the items of a list, each ended by a byte no text has.
func listHash(items []string) uint64 {
	var h maphash.Hash
	h.SetSeed(hashSeed)
	for _, it := range items {
		h.WriteString(it)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// list returns where the list of items was first said.
func (s *seenTexts) list(items []string) (said, bool) {
	for _, l := range s.lists[listHash(items)] {
		if slices.Equal(l.items, items) {
			return l.at, true
		}
	}
	return said{}, false
}

// addList records that the list of items was said at at, unless it was
// said before.
func (s *seenTexts) addList(items []string, at said) {
	k := listHash(items)
	for _, l := range s.lists[k] {
		if slices.Equal(l.items, items) {
			return
		}
	}
	s.lists[k] = append(s.lists[k], seenList{items, at})
}

// ---------------------------------------------------------------------------
// Rendering.

// renderBufs are byte slices the renderers write into, reused from one
// call to the next (of *[]byte). A renderer that wrote into a slice of its
// own would allocate about twice its output when its size hint falls
// short (the slice grows by doubling), and the notice's formats are most
// of the memory a Generate and render takes: copying the text from a
// reused slice into a string of its exact length allocates only the
// output.
var renderBufs sync.Pool

// maxPooled is the capacity above which a render slice is not kept for
// reuse, so that one very large notice does not hold its memory after it
// has been written.
const maxPooled = 4 << 20

// render returns the text write appends to an empty slice, hint being
// about its length.
func render(hint int, write func([]byte) []byte) string {
	if hint > maxPooled {
		// Written in place, without a copy: the text is a string over
		// the slice, which is not used again.
		return unsafeString(write(make([]byte, 0, hint+hint/16)))
	}
	bp, _ := renderBufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	b := *bp
	if cap(b) < hint {
		b = make([]byte, 0, hint+hint/16)
	}
	b = write(b[:0])
	s := string(b)
	if cap(b) <= maxPooled {
		*bp = b
		renderBufs.Put(bp)
	}
	return s
}
