package notice

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// approvals is the built-in list of approved countries, read only.
var approvals = lawfulbasis.DefaultApprovals()

// catalogueIndex gives the position of each well-known data subject in the
// catalogue, for ordering the audience.
var catalogueIndex = func() map[ropa.Subject]int {
	m := map[ropa.Subject]int{}
	for i, s := range ropa.Subjects() {
		m[s] = i
	}
	return m
}()

// Generate builds the privacy notice of reg for its audience (by default
// every group of people the register records) as the law stood on the day
// given by [AsOf] (by default [lawfulbasis.LawAsOf]).
//
// It never states what the register does not support: a purpose without a
// lawful basis is listed without one, a transfer that rests on no valid
// mechanism is stated without safeguards, and each gap is reported by
// [Notice.Coverage]. It returns [ErrNoRegister] for a nil register,
// [ErrRegime] for a register without a valid jurisdiction, and
// [ErrAudience] when the audience is empty or names a group the register
// does not record.
func Generate(reg *ropa.Register, opts ...Option) (*Notice, error) {
	if reg == nil {
		return nil, ErrNoRegister
	}
	if !reg.Jurisdiction.Valid() {
		return nil, fmt.Errorf("%w: %v", ErrRegime, reg.Jurisdiction)
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	at := cfg.asOf
	if at.IsZero() {
		at = lawfulbasis.LawAsOf
	}
	y, m, d := at.Date()
	at = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)

	all := subjectsOf(reg)
	if len(all) == 0 {
		return nil, fmt.Errorf("%w: the register records no data subjects", ErrAudience)
	}
	audience := all
	if cfg.audienceSet {
		if len(cfg.audience) == 0 {
			return nil, fmt.Errorf("%w: no group of people given", ErrAudience)
		}
		audience = nil
		for _, s := range all {
			if slices.Contains(cfg.audience, s) {
				audience = append(audience, s)
			}
		}
		for _, s := range cfg.audience {
			if !slices.Contains(all, s) {
				return nil, fmt.Errorf("%w: no activity in the register is about %q", ErrAudience, string(s))
			}
		}
	}

	g := &gen{reg: reg, regime: reg.Jurisdiction, at: at, audience: audience}
	g.ukNew = g.regime == lawfulbasis.UK && !at.Before(lawfulbasis.DUAACommencement)
	g.complaintsLaw = rights.ComplainToController.Available(g.regime, at)
	g.young = true
	for _, s := range audience {
		if s != ropa.YoungPeople && s != ropa.Pupils {
			g.young = false
		}
	}
	g.ph, g.fixed = adult, fixedAdult
	if g.young {
		g.ph, g.fixed = young, fixedYoung
	}
	g.routes = defaultRoutes(reg)
	mergeRoutes(&g.routes, cfg.routes)
	g.authority, g.hasAuthority, g.authorityFields, g.authorityGap = supervisoryAuthority(reg, &cfg, at)
	g.cov = newTracker(g.regime, g.complaintsLaw, g.ukNew)
	g.updated = updatedOf(reg)
	g.index(reg, audience)

	n := &Notice{
		trace:    cfg.trace,
		Regime:   g.regime,
		AsOf:     at,
		Updated:  g.updated,
		Audience: audience,
		Young:    g.young,
		Lang:     "en",
	}
	if g.regime == lawfulbasis.UK {
		n.Lang = "en-GB"
	}
	name := clean(reg.Controller.Name)
	if name == "" {
		name = "Our organisation"
	}
	if cfg.audienceSet && len(audience) < len(all) {
		plains := make([]string, len(audience))
		for i, s := range audience {
			plains[i] = subjectPlain(s)
		}
		n.Title = sprintf(g.ph.titleFor, name, prose.List(plains, "and"))
	} else {
		n.Title = sprintf(g.ph.title, name)
	}

	g.secs = make([]Section, 0, 8+10*len(audience))
	g.whoWeAre()
	head := len(g.secs)
	spans := make([][2]int, len(audience))
	for i, s := range audience {
		start := len(g.secs)
		g.group(i, s, g.groups[i])
		spans[i] = [2]int{start, len(g.secs)}
	}
	tail := len(g.secs)
	g.rights()
	g.complain()
	g.changes()
	n.Sections = g.layout(head, spans, tail)
	n.coverage = g.cov.items()
	return n, nil
}

// updatedOf returns the date the register's content was last settled: its
// review date, else its version label when that is a date written
// YYYY-MM-DD, else the zero time (the notice then gives no date of
// update, rather than the day it happened to be generated).
func updatedOf(reg *ropa.Register) time.Time {
	if !reg.ReviewDate.IsZero() {
		y, m, d := reg.ReviewDate.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if t, err := time.Parse(time.DateOnly, strings.TrimSpace(reg.Version)); err == nil {
		return t
	}
	return time.Time{}
}

// subjectsOf lists the register's groups of people: catalogue entries in
// catalogue order, then the others in order of first appearance.
func subjectsOf(reg *ropa.Register) []ropa.Subject {
	var known, other []ropa.Subject
	for _, a := range reg.Activities {
		for _, s := range a.DataSubjects {
			if _, ok := catalogueIndex[s]; ok {
				if !slices.Contains(known, s) {
					known = append(known, s)
				}
			} else if !slices.Contains(other, s) {
				other = append(other, s)
			}
		}
	}
	slices.SortFunc(known, func(a, b ropa.Subject) int { return catalogueIndex[a] - catalogueIndex[b] })
	return append(known, other...)
}

func defaultRoutes(reg *ropa.Register) Routes {
	r := Routes{
		RequestsEmail:     clean(reg.DPO.Email),
		ComplaintsEmail:   clean(reg.Complaints.Email),
		ComplaintsForm:    clean(reg.Complaints.Form),
		ComplaintsPhone:   clean(reg.Complaints.Phone),
		ComplaintsAddress: clean(reg.Complaints.Address),
	}
	if r.RequestsEmail == "" {
		r.RequestsEmail = clean(reg.Controller.Email)
	}
	return r
}

func mergeRoutes(dst *Routes, src Routes) {
	set := func(d *string, s string) {
		if s = clean(s); s != "" {
			*d = s
		}
	}
	set(&dst.RequestsEmail, src.RequestsEmail)
	set(&dst.RequestsURL, src.RequestsURL)
	set(&dst.ComplaintsEmail, src.ComplaintsEmail)
	set(&dst.ComplaintsForm, src.ComplaintsForm)
	set(&dst.ComplaintsPhone, src.ComplaintsPhone)
	set(&dst.ComplaintsAddress, src.ComplaintsAddress)
}

// gen holds the state of one Generate call.
type gen struct {
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
	acts            []*ropa.Activity // the activities about anyone in the audience
	actIndex        []int            // by index in acts: the activity's index in the register
	src             []string         // the register fields of the next section (see section)
	pathMemo        map[pathKey][]string
	cov             *tracker
	secs            []Section

	// An activity appears in the section of each of its groups: what the
	// notice says about it is worked out once, in info, and what the
	// sections of a group say is put together from it. Data categories
	// are numbered, in catIDs, so that sets of them are cheap.
	info       []actInfo            // by index in acts
	groups     [][]int              // each audience group's activities, as indexes in acts
	groupOf    map[ropa.Subject]int // each audience group's index in audience
	views      []view               // scratch: what each activity of a group records about it
	viewInts   []int                // scratch: the views' indexes and categories
	viewSets   []uint64             // scratch: the views' sets of categories
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
	catIDs                   map[ropa.Category]int
	cats                     []catInfo // by category number
	words                    int       // uint64 words in a set of categories
	strIDs                   map[string]int
	srcIDs                   map[srcKey]int // a source's item, by kind and name
	recIDs                   map[srcKey]int // a recipient's item, by list and name
	moveIDs                  map[moveKey]moveEntry
	provTexts                map[srcKey]string // a provision's text by requirement and consequences
	adTexts                  map[srcKey]string // a paragraph on automated decisions by phrase and text
	pairIDs                  map[purposeKey]int
	seen                     stampSet // scratch: the numbered strings or categories already met
	seen2                    stampSet // scratch, for a second kind of number
	slot                     []int    // by category number: its row in byCat, or -1

	// Texts by what they depend on.
	meanings   [256]string // what each basis means, by its value
	basisTexts map[basisKey]string
	retTexts   map[retKey]string
	sensitive  map[string]string
	memo       []memoEntry // the group's retention cells, with their keys in memoKeys
	memoKeys   []byte

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

// sourceEntry is a source of an activity as the notice lists it.
type sourceEntry struct {
	i  int // the source's index in the activity
	id int // the item, as a numbered string
}

// has reports whether category number c is among the activity's.
func (in *actInfo) has(c int) bool { return in.set[c>>6]&(1<<(c&63)) != 0 }

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

// srcKey is a source's kind, or a recipient's list, with its name.
type srcKey struct {
	kind string
	name string
}

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

// retEntry is a retention rule of an activity, for the retention table.
type retEntry struct {
	ai   int // the activity's index in g.acts
	ri   int // the rule's index in the activity's
	text string
}

// catRules are the rules for a category, for the retention table.
type catRules struct {
	cat     int
	entries []int // indexes into entries
	with    int   // activities of the group using the category
}

// appendLen appends n to a cache key in eight bytes.
func appendLen(key []byte, n int) []byte {
	u := uint64(n)
	return append(key, byte(u), byte(u>>8), byte(u>>16), byte(u>>24), byte(u>>32), byte(u>>40), byte(u>>48), byte(u>>56))
}

// rowCat is a category's name and its row in the retention table.
type rowCat struct {
	row   int
	cat   int    // the category's number
	plain string // the category, as the notice names it
}

// soleCat returns the number of the category of row i if it is the only
// one of the row, or else -1.
func soleCat(rowOf []rowCat, i int) int {
	c := -1
	for _, rc := range rowOf {
		if rc.row == i {
			if c >= 0 {
				return -1
			}
			c = rc.cat
		}
	}
	return c
}

// catInfo is what a notice says about a data category.
type catInfo struct {
	plain, title      string
	item              string // in the list of information used
	capital           string // plain, capitalised
	special, criminal bool
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
	g.info = make([]actInfo, len(g.acts))
	most := 0 // the most activities of a group
	for _, n := range counts {
		most = max(most, n)
	}
	g.views = make([]view, 0, most)
	ads, adDone := make([][3]string, nDecisions), make([]bool, nDecisions)
	g.catIDs = make(map[ropa.Category]int, 64)
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
	// Room for the notice's lists, tables and blocks: about what the
	// sections of each group take from each of its activities.
	nStrings, nRows := 16*len(audience), 8*len(audience)
	for _, acts := range g.groups {
		for _, ai := range acts {
			a := g.acts[ai]
			nStrings += 2*len(a.Purposes) + len(a.DataCategories) + len(a.Sources) + len(a.Recipients) + len(a.Transfers)
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
	g.strIDs = make(map[string]int, 64+nPurposes/2)
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
	g.pairIDs = make(map[purposeKey]int, nPurposes)
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
		g.strSlab = make([]string, 0, max(n, cap(g.strSlab)/2, 256))
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

func (g *gen) whoWeAre() {
	ph, c := g.ph, g.reg.Controller
	b := g.blocks()
	if name := clean(c.Name); name != "" {
		b.paraf(ph.controllerIntro, name)
		g.cov.use(art13_1a, "controller.name")
	} else {
		g.cov.miss(art13_1a, "the controller's name is missing")
	}
	if a := clean(c.Address); a != "" {
		b.paraf(ph.address, a)
		g.cov.use(art13_1a, "controller.address")
	}
	if ways := contactWays(c.Email, c.Phone, "", c.Website, "through our website at "); len(ways) > 0 {
		b.paraf(ph.contactUs, prose.List(ways, "or"))
		g.cov.use(art13_1a, fieldsSet("controller.", c.Email, "email", c.Phone, "phone", c.Website, "website")...)
	}
	if clean(c.Address) == "" && clean(c.Email) == "" && clean(c.Phone) == "" {
		g.cov.miss(art13_1a, "the controller has no address, email or telephone number in the register")
	}

	d := g.reg.DPO
	switch {
	case d.IsZero() && c.PublicAuthority:
		g.cov.miss(art13_1b, "a public authority must designate a DPO, and none is recorded")
	case d.IsZero():
		g.cov.notApplicable(art13_1b, "no DPO designated")
	default:
		ways := contactWays(d.Email, d.Phone, d.Address, "", "")
		if name := clean(d.Name); name != "" {
			b.paraf(ph.dpoNamed, name)
			if len(ways) > 0 {
				b.paraf(ph.dpoContact, prose.List(ways, "or"))
			}
		} else if len(ways) > 0 {
			b.paraf(ph.dpoContactNoName, prose.List(ways, "or"))
		}
		g.cov.use(art13_1b, fieldsSet("dpo.", d.Name, "name", d.Email, "email", d.Phone, "phone", d.Address, "address")...)
		if len(ways) == 0 {
			g.cov.miss(art13_1b, "the DPO has no email, telephone number or address in the register")
		}
	}

	if r := g.reg.Representative; !r.IsZero() {
		ways := contactWays(r.Email, r.Phone, r.Address, "", "")
		if name := clean(r.Name); name != "" {
			b.paraf(ph.representative, name)
		}
		if len(ways) > 0 {
			b.paraf(ph.repContact, prose.List(ways, "or"))
		}
		g.cov.use(art13_1a, fieldsSet("representative.", r.Name, "name", r.Email, "email", r.Phone, "phone", r.Address, "address")...)
	}

	var joint []string
	for _, j := range g.reg.JointControllers {
		name := clean(j.Name)
		if name == "" {
			continue
		}
		item := name
		if ct := clean(j.Contact); ct != "" {
			item += " (contact: " + ct + ")"
		}
		if resp := clean(j.Responsibilities); resp != "" {
			item += ": " + lowerFirst(sentence(resp))
		}
		joint = append(joint, item)
	}
	if len(joint) > 0 {
		b.para(ph.jointLead)
		b.list(joint)
	}
	g.src = fieldsSet("", c.Name, "controller.name", c.Address, "controller.address", c.Email, "controller.email",
		c.Phone, "controller.phone", c.Website, "controller.website", d.Name, "dpo.name", d.Email, "dpo.email",
		d.Phone, "dpo.phone", d.Address, "dpo.address")
	if !g.reg.Representative.IsZero() {
		g.src = append(g.src, "representative")
	}
	for i := range g.reg.JointControllers {
		g.src = append(g.src, "jointControllers["+strconv.Itoa(i)+"]")
	}
	g.section(2, ph.whoWeAre, b...)
}

// fieldsSet returns prefix+name for each (value, name) pair whose value is
// not blank.
func fieldsSet(prefix string, pairs ...string) []string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i]) != "" {
			out = append(out, prefix+pairs[i+1])
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// One group of people.

// group writes the sections about the k-th group of the audience, s;
// acts are its activities, as indexes in g.acts. Every section states only what the
// register records for the group ([ropa.Activity.For]), and says there is
// none of something only where the register states it ([ropa.StatedNone]).
func (g *gen) group(k int, s ropa.Subject, acts []int) {
	heading := g.ph.groupHeadingMe
	if !g.young || len(g.audience) != 1 {
		heading = sprintf(g.ph.groupHeading, subjectPlain(s))
	}
	g.section(2, heading)
	vs := g.viewsOf(s, acts)
	cats := g.categoriesOf(vs)
	g.src = g.paths(vs, "purposes")
	g.purposes(s, vs)
	g.src = append(g.paths(vs, "dataCategories"), g.paths(vs, "special")...)
	g.information(vs, cats)
	g.src = g.paths(vs, "sources")
	g.sources(s, vs)
	g.src = g.paths(vs, "recipients")
	g.sharing(s, vs)
	g.src = g.paths(vs, "transfers")
	g.transfers(s, vs)
	g.src = g.paths(vs, "retention")
	g.retention(s, vs, cats)
	g.src = g.paths(vs, "provision")
	g.provision(s, vs)
	g.src = g.paths(vs, "automated")
	g.automated(s, vs)
	g.src = nil
	g.groupRights(k, vs)
}

// paths returns the register fields, as JSON paths with indexes
// ("activities[2].purposes[0]"), of the entries of one kind (a JSON field
// of ropa.Activity) that the group's activities vs record for it, with the
// activity's statements of none for the kinds a notice may deny.
func (g *gen) paths(vs []view, kind string) []string {
	if len(vs) == 1 {
		return g.pathsOf(&vs[0], kind)
	}
	var out []string
	for i := range vs {
		out = append(out, g.pathsOf(&vs[i], kind)...)
	}
	return out
}

// pathKey is an activity (by index in acts) and a kind of entry.
type pathKey struct {
	ai   int
	kind string
}

// pathsOf is paths for one activity's view, worked out once for a view
// of an activity that scopes nothing, which reads the same for each of its
// groups.
func (g *gen) pathsOf(v *view, kind string) []string {
	if !v.all {
		return g.viewPaths(v, kind)
	}
	k := pathKey{v.ai, kind}
	if p, ok := g.pathMemo[k]; ok {
		return p
	}
	if g.pathMemo == nil {
		g.pathMemo = map[pathKey][]string{}
	}
	p := g.viewPaths(v, kind)
	g.pathMemo[k] = p
	return p
}

// viewPaths works out pathsOf.
func (g *gen) viewPaths(v *view, kind string) []string {
	var out []string
	a := g.acts[v.ai]
	prefix := "activities[" + strconv.Itoa(g.actIndex[v.ai]) + "]."
	var n int
	var idx []int
	switch kind {
	case "purposes":
		n, idx = len(a.Purposes), v.idx.Purposes
	case "dataCategories":
		n, idx = len(a.DataCategories), v.idx.Categories
	case "sources":
		n, idx = len(a.Sources), v.idx.Sources
	case "recipients":
		n, idx = len(a.Recipients), v.idx.Recipients
	case "transfers":
		n, idx = len(a.Transfers), v.idx.Transfers
	case "retention":
		n, idx = len(a.Retention), v.idx.Retention
	case "automated":
		n, idx = len(a.Automated), v.idx.Automated
	case "special":
		if len(a.Special.Conditions) > 0 || len(a.Special.Schedule1) > 0 {
			out = append(out, prefix+"special")
		}
		if len(a.Criminal.Schedule1) > 0 || a.Criminal.Authority != "" {
			out = append(out, prefix+"criminal")
		}
		return out
	case "provision":
		if (v.all || v.prov) && (a.Provision.Requirement != "" || clean(a.Provision.Consequences) != "") {
			out = append(out, prefix+"provision")
		}
		return out
	}
	out = make([]string, 0, n+1)
	for j := range n {
		if v.all || slices.Contains(idx, j) {
			out = append(out, prefix+kind+"["+strconv.Itoa(j)+"]")
		}
	}
	if len(a.None) > 0 && (kind == "sources" || kind == "recipients" || kind == "transfers" || kind == "automated") {
		out = append(out, prefix+"none")
	}
	return out
}

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
		b = append(b, Table{Caption: ph.purposesCaption, Header: ph.purposesHeader[:], Rows: g.rows(pairs)})
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
		b.list(g.stringsOfIDs(ids))
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
			name = "our organisation"
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
		if recipient != "" {
			parts = append(parts, sprintf(ph.transferToOutside[eu], recipient))
			g.cov.use(art13_1f, "activities[].transfers[].recipient")
		} else {
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
				who = "The recipient"
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

// retKey is what the text of a retention rule without overrides depends
// on: every field of the rule but its categories (and the rule's
// overrides, which must be empty). TestRetKey checks that it lists every
// field of ropa.Retention and retention.Rule.
type retKey struct {
	period        retention.Period
	from, until   retention.Trigger
	indefinite    bool
	yearEnd       retention.MonthDay
	action        retention.Action
	source        retention.Source
	schedule      string
	minimum       retention.Period
	minimumSource string
}

// retentionText is what the notice says about one retention rule: the
// structured rule's sentence, the free-text
// schedule and any statutory minimum; "" when the rule says nothing
// usable. Rules often repeat across activities, so the text is worked out
// once for each.
func (g *gen) retentionText(r *ropa.Retention) string {
	if len(r.Rule.Overrides) > 0 {
		return g.retentionTextOf(r)
	}
	k := retKey{
		period: r.Rule.Period, from: r.Rule.From, until: r.Rule.Until, indefinite: r.Rule.Indefinite,
		yearEnd: r.Rule.YearEnd, action: r.Rule.Action, source: r.Rule.Source,
		schedule: r.Schedule, minimum: r.Minimum, minimumSource: r.MinimumSource,
	}
	text, ok := g.retTexts[k]
	if !ok {
		text = g.retentionTextOf(r)
		g.retTexts[k] = text
	}
	return text
}

func (g *gen) retentionTextOf(r *ropa.Retention) string {
	var parts []string
	if s := r.Rule.Sentence(); s != "" {
		parts = append(parts, sprintf(g.ph.keepIt, s))
	}
	if s := clean(r.Schedule); s != "" {
		parts = append(parts, capitalise(sentence(s)))
	}
	if len(parts) > 0 && !r.Minimum.IsZero() {
		src := ""
		if ms := clean(r.MinimumSource); ms != "" {
			src = " (" + trimStop(ms) + ")"
		}
		parts = append(parts, sprintf(g.ph.lawMinimum, r.Minimum.Sentence(), src))
	}
	return strings.Join(parts, " ")
}

// retention writes how long each category is kept (Art 13(2)(a)): one
// row per distinct answer, naming every category it covers, in the order
// of the categories' first appearance. Where a category is used in more
// than one of the group's activities, each rule is preceded by its
// activity's name, so that no activity's rule reads as covering another's
// data. Only the rules for the group are stated, and only for the group's
// categories (or for categories the activity does not list at all).
func (g *gen) retention(s ropa.Subject, vs []view, cats []int) {
	entries := g.entries[:0]
	byCat := g.byCat[:0]
	add := func(c int) int {
		if len(byCat) < cap(byCat) {
			byCat = byCat[:len(byCat)+1]
			cr := &byCat[len(byCat)-1]
			cr.cat, cr.entries, cr.with = c, cr.entries[:0], 0
		} else {
			byCat = append(byCat, catRules{cat: c})
		}
		g.slot[c] = len(byCat) - 1
		return len(byCat) - 1
	}
	for _, c := range cats {
		add(c)
	}
	index := func(c int) int {
		if i := g.slot[c]; i >= 0 {
			return i
		}
		return add(c)
	}
	for k := range vs {
		v := &vs[k]
		ai := v.ai
		in := &g.info[ai]
		for _, c := range v.cats {
			byCat[index(c)].with++
		}
		g.retentionCoverage(ai)
		g.retentionGaps(s, v)
		for ri, text := range in.rets {
			if text == "" || !v.in(v.idx.Retention, ri) {
				continue
			}
			entries = append(entries, retEntry{ai, ri, text})
			e := len(entries) - 1
			rc := in.retCats[ri]
			if rc == nil {
				rc = v.cats
			}
			for _, c := range rc {
				if !v.has(c) && in.has(c) {
					continue // the activity holds it only for other groups
				}
				cr := &byCat[index(c)]
				dup := false
				for _, k := range cr.entries {
					if entries[k].ai == ai && entries[k].text == text {
						dup = true
						break
					}
				}
				if !dup {
					cr.entries = append(cr.entries, e)
				}
				if !v.has(c) {
					cr.with++ // a rule for a category the activity does not list
				}
			}
		}
	}
	for _, cr := range byCat {
		g.slot[cr.cat] = -1
	}
	rows := g.strs2[:0] // the rows' cells
	rowOf := g.rowOf[:0]
	key := g.key[:0]
	g.memo, g.memoKeys = g.memo[:0], g.memoKeys[:0]
	var c string // the cell
	for _, cr := range byCat {
		if len(cr.entries) == 0 {
			continue
		}
		multi := cr.with > 1
		if !multi && len(cr.entries) == 1 {
			// The cell is the rule's text.
			e := &entries[cr.entries[0]]
			c = e.text
		} else {
			// The cell depends only on the rules it states, in order,
			// and on whether it names their activities.
			key = key[:0]
			if multi {
				key = append(key, 'm')
			}
			for _, k := range cr.entries {
				key = appendLen(key, entries[k].ai)
				key = appendLen(key, entries[k].ri)
			}
			c = g.memoCell(key, cr.entries, entries, multi)
		}
		i := slices.Index(rows, c)
		if i < 0 {
			rows = append(rows, c)
			i = len(rows) - 1
		}
		rowOf = append(rowOf, rowCat{i, cr.cat, g.cats[cr.cat].plain})
	}
	g.rowOf, g.entries, g.byCat, g.strs2 = rowOf, entries, byCat, rows
	g.key = key
	if len(rows) == 0 {
		return
	}
	pairs := g.strs3[:0]
	buf := g.buf
	for i, text := range rows {
		if n := soleCat(rowOf, i); n >= 0 {
			// One category: its name is the head.
			pairs = append(pairs, g.cats[n].capital, text)
			continue
		}
		buf = buf[:0]
		for _, rc := range rowOf {
			if rc.row != i {
				continue
			}
			if len(buf) > 0 {
				buf = append(buf, "; "...)
			}
			buf = append(buf, rc.plain...)
		}
		var head string
		if len(buf) > 0 && buf[0] < utf8.RuneSelf {
			if 'a' <= buf[0] && buf[0] <= 'z' {
				buf[0] -= 'a' - 'A'
			}
			head = string(buf)
		} else {
			head = capitalise(string(buf))
		}
		pairs = append(pairs, head, text)
	}
	g.buf, g.strs3 = buf, pairs
	table := Table{Caption: g.ph.retentionCaption, Header: g.ph.retentionHeader[:], Rows: g.rows(pairs)}
	g.section(3, g.ph.retentionHeading, table)
}

// memoCell returns the cell for the rules of entries (indexes in all),
// which key identifies, working it out once in each group.
func (g *gen) memoCell(key []byte, entries []int, all []retEntry, multi bool) string {
	for _, m := range g.memo {
		if string(g.memoKeys[m.start:m.end]) == string(key) {
			return m.text
		}
	}
	text := g.cell(entries, all, multi)
	start := len(g.memoKeys)
	g.memoKeys = append(g.memoKeys, key...)
	g.memo = append(g.memo, memoEntry{start, len(g.memoKeys), text})
	return text
}

// memoEntry is a retention cell and where its key is in gen.memoKeys.
type memoEntry struct {
	start, end int
	text       string
}

// cell is the text of a retention cell stating the rules of entries
// (indexes in all), each after its activity's name when multi is true.
// Each rule's text is stated once.
func (g *gen) cell(entries []int, all []retEntry, multi bool) string {
	// The cell is each rule's text (after its activity's name), once, in
	// buf; done holds where each is.
	buf := g.buf[:0]
	done := g.done[:0]
next:
	for _, k := range entries {
		e := all[k]
		start := len(buf)
		if start > 0 {
			buf = append(buf, ' ')
		}
		from := len(buf)
		if multi {
			buf = append(buf, clean(g.info[e.ai].a.Name)...)
			buf = append(buf, ": "...)
		}
		buf = append(buf, e.text...)
		p := buf[from:]
		for _, d := range done {
			if string(buf[d[0]:d[1]]) == string(p) {
				buf = buf[:start]
				continue next
			}
		}
		done = append(done, [2]int{from, len(buf)})
	}
	g.buf, g.done = buf, done
	return string(buf)
}

// retentionCoverage records, once per activity, what its retention rules
// for the audience fill of Art 13(2)(a), and works out the text of each
// ("" for a rule that concerns no group of the audience).
func (g *gen) retentionCoverage(ai int) {
	in := &g.info[ai]
	if in.retDone {
		return
	}
	in.retDone = true
	a := in.a
	in.rets, g.retSlab = g.retSlab[:len(a.Retention):len(a.Retention)], g.retSlab[len(a.Retention):]
	for ri := range a.Retention {
		r := &a.Retention[ri]
		if !g.forAudience(r.Subjects) {
			continue
		}
		in.rets[ri] = g.retentionText(r)
		if in.rets[ri] == "" {
			g.cov.miss(art13_2a, fmt.Sprintf("a retention rule of activity %q has neither a valid rule nor a schedule", a.ID))
			continue
		}
		g.cov.use(art13_2a)
		if !r.Rule.IsZero() {
			g.cov.use(art13_2a, "activities[].retention[].rule")
		}
		if strings.TrimSpace(r.Schedule) != "" {
			g.cov.use(art13_2a, "activities[].retention[].schedule")
		}
		if len(r.Categories) > 0 {
			g.cov.use(art13_2a, "activities[].retention[].categories")
		}
		if !r.Minimum.IsZero() {
			g.cov.use(art13_2a, "activities[].retention[].minimum")
		}
	}
}

// retentionGaps records the group's categories in activity v that no
// retention rule for the group covers: once for an activity that scopes
// nothing, where every group reads the same.
func (g *gen) retentionGaps(s ropa.Subject, v *view) {
	in := &g.info[v.ai]
	if v.all {
		if in.retCovDone {
			return
		}
		in.retCovDone = true
	}
	g.seen2.reset() // the categories covered
	for ri, text := range in.rets {
		if text == "" || !v.in(v.idx.Retention, ri) {
			continue
		}
		rc := in.retCats[ri]
		if rc == nil {
			rc = v.cats
		}
		for _, c := range rc {
			g.seen2.add(c)
		}
	}
	var missing []string
	for _, c := range v.cats {
		if g.seen2.add(c) {
			missing = append(missing, g.cats[c].title)
		}
	}
	switch {
	case len(missing) == 0:
	case v.all:
		g.cov.miss(art13_2a, fmt.Sprintf("activity %q has no retention period for: %s", in.a.ID, strings.Join(missing, ", ")))
	default:
		g.cov.miss(art13_2a, fmt.Sprintf("activity %q has no retention period for the data of %s: %s", in.a.ID, subjectPlain(s), strings.Join(missing, ", ")))
	}
}

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

// groupRights works out the rights of the k-th group of the audience from
// what the register records for it in its activities vs: the bases of its
// own purposes, the explicit consent relied on for its own special
// category data or for a decision about it, the solely automated
// significant decisions about it, and direct marketing among its
// purposes.
func (g *gen) groupRights(k int, vs []view) {
	gr := &g.grights[k]
	var bases uint32 // the rights of the bases, as bits
	first := true    // no basis met yet
	for i := range vs {
		r := g.viewRights(&vs[i])
		gr.marketing = gr.marketing || r.marketing
		gr.unknown = gr.unknown || r.unknown
		gr.consent = gr.consent || r.consent
		gr.depend = gr.depend || r.depend
		gr.rights |= r.extra
		if !r.any {
			continue
		}
		// The rights differ between the bases used when one basis
		// carries a right another does not.
		if first {
			bases, first = r.bases, false
		} else if r.bases != bases {
			gr.depend = true
			bases |= r.bases
		}
	}
	if first {
		// No basis is known: only the rights that hold under every basis.
		bases = 1<<rights.Access | 1<<rights.Rectification | 1<<rights.Restriction
		gr.noBasis = true
	}
	gr.rights |= bases
}

// viewRights is what the purposes and decisions of one activity for one
// group ([view]) say of the group's rights: worked out once for an
// activity that scopes nothing, which says the same to every group.
func (g *gen) viewRights(v *view) actRights {
	in := &g.info[v.ai]
	if v.all && in.rightsDone {
		return in.rights
	}
	a := in.a
	var r actRights
	for i := range a.Purposes {
		p := &a.Purposes[i]
		if !v.in(v.idx.Purposes, i) {
			continue
		}
		r.marketing = r.marketing || p.DirectMarketing
		rb, ok := g.basisRights(p.Basis)
		if !ok {
			r.unknown = true
			continue
		}
		r.consent = r.consent || p.Basis == lawfulbasis.Consent
		if !r.any {
			r.bases, r.any = rb, true
		} else if rb != r.bases {
			r.depend = true
			r.bases |= rb
		}
	}
	if slices.Contains(a.Special.Conditions, lawfulbasis.ExplicitConsent) {
		for _, c := range v.cats {
			if g.cats[c].special {
				r.extra |= 1 << rights.WithdrawConsent
				break
			}
		}
	}
	for di := range a.Automated {
		d := &a.Automated[di]
		if v.in(v.idx.Automated, di) {
			if d.Ground == ropa.ExplicitConsent {
				r.extra |= 1 << rights.WithdrawConsent
			}
			if d.Solely && d.Significant {
				r.extra |= 1 << rights.AutomatedDecisions
			}
		}
	}
	// rights.ForPurpose adds the right to object to direct marketing to
	// a direct marketing purpose's rights; it applies whatever the basis
	// (Art 21(2)), so also to a purpose whose basis is not recorded.
	if r.marketing {
		r.extra |= 1 << rights.ObjectDirectMarketing
	}
	if v.all {
		in.rights, in.rightsDone = r, true
	}
	return r
}

// actRights is what the purposes and decisions of an activity for a group
// say of the group's rights.
type actRights struct {
	bases     uint32 // the rights of the purposes' bases, as bits
	extra     uint32 // the rights that do not depend on a basis, as bits
	any       bool   // some purpose has a basis that can be stated
	unknown   bool   // some purpose has none
	depend    bool   // the rights differ between the purposes' bases
	consent   bool   // some purpose relies on consent
	marketing bool   // some purpose is direct marketing
}

// basisRights returns the rights of processing on basis b under the
// notice's regime on its day ([rights.ForRegime]), as bits, and whether
// the basis can be stated (it exists under the regime on the day), working
// both out once for each basis. The rights of several bases are the union
// of theirs, as [rights.For] says.
func (g *gen) basisRights(b lawfulbasis.Basis) (uint32, bool) {
	const done, usable = 1, 1 << 31
	if g.basisSet[b]&done == 0 {
		set := uint32(done)
		if g.usable(b) {
			set |= usable
			for _, r := range rights.ForRegime(g.regime, g.at, b) {
				set |= 1 << r
			}
		}
		g.basisSet[b] = set
	}
	set := g.basisSet[b]
	return set &^ (done | usable), set&usable != 0
}

// groupRights are the rights of one group of the audience, from what the
// register records for that group ([gen.groupRights]).
type groupRights struct {
	rights    uint32 // the set of rights.Right values, as bits
	unknown   bool   // some purpose for the group has no basis that can be stated
	noBasis   bool   // no purpose for the group has one
	depend    bool   // the rights differ between the bases of its purposes
	consent   bool   // some purpose for the group relies on consent
	marketing bool   // some purpose for the group is direct marketing
}

// rights writes the rights of the audience (Art 13(2)(b)-(c)). Each group
// has the rights the register establishes for it: those of the bases of
// its own purposes, withdrawal of consent where consent is relied on for
// it, the automated decision rights where such decisions are made about
// it, and the right to object to direct marketing where a purpose for it is
// direct marketing. The rights every group of the audience has are listed
// first; a group with more is named before its others.
func (g *gen) rights() {
	ph := g.ph
	common := ^uint32(0)
	var union uint32
	unknown, depend, consent, marketing := false, false, false, 0
	for i := range g.grights {
		gr := &g.grights[i]
		common &= gr.rights
		union |= gr.rights
		unknown = unknown || gr.unknown || gr.noBasis
		if gr.noBasis && !gr.unknown {
			g.cov.miss(art13_2b, fmt.Sprintf("no purposes are recorded for %s, so the rights that depend on the lawful basis (erasure, portability, objection) cannot be stated for them", subjectPlain(g.audience[i])))
		}
		depend = depend || gr.depend
		consent = consent || gr.consent
		if gr.marketing {
			marketing++
		}
	}
	b := g.blocks()
	b.para(ph.rightsLead)
	// Each right once: one every group has as it is, one only some have
	// naming them.
	var items []string
	for _, r := range allRights {
		bit := uint32(1) << r
		if union&bit == 0 {
			continue
		}
		it := g.rightItems(bit)
		if len(it) == 0 {
			continue
		}
		if common&bit != 0 {
			items = append(items, it[0])
			continue
		}
		var names []string
		for j := range g.grights {
			if g.grights[j].rights&bit != 0 {
				names = append(names, subjectPlain(g.audience[j]))
			}
		}
		items = append(items, it[0]+" "+sprintf(ph.rightsOnly, groupList(names)))
	}
	b.list(items)
	if depend {
		b.para(ph.rightsDepend)
	}
	if unknown {
		b.para(ph.rightsUnknown)
	}
	if slices.ContainsFunc(g.grights, func(gr groupRights) bool { return gr.unknown }) {
		g.cov.miss(art13_2b, "some purposes have no lawful basis in the register, so the rights that depend on it (erasure, portability, objection) cannot all be stated")
	}
	g.cov.use(art13_2b, "activities[].purposes[].basis")

	// How to use the rights: the routes for requests, else the DPO's
	// ways, else the organisation's; never "contact us" with no way to.
	var ways []string
	if e := g.routes.RequestsEmail; e != "" {
		ways = append(ways, "email "+e)
	}
	if u := g.routes.RequestsURL; u != "" {
		ways = append(ways, "go to "+u)
	}
	d, c := g.reg.DPO, g.reg.Controller
	route := true
	if len(ways) > 0 {
		g.requestWays = prose.List(ways, "or")
		b.paraf(ph.howRequests, g.requestWays)
	} else if dw := contactWays(d.Email, d.Phone, d.Address, "", ""); len(dw) > 0 {
		g.requestWays = sprintf(ph.contactDPO, prose.List(dw, "or"))
		b.paraf(ph.howRequestsDPO, prose.List(dw, "or"))
	} else if cw := contactWays(c.Email, c.Phone, c.Address, c.Website, "through our website at "); len(cw) > 0 {
		g.requestWays = sprintf(ph.contactUsWays, prose.List(cw, "or"))
		b.paraf(ph.howRequestsUs, prose.List(cw, "or"))
	} else {
		route = false
		g.cov.miss(art13_2b, "the register records no way to make a request (dpo or controller email, phone or address), so the notice cannot say how to use the rights")
	}
	if union&(1<<rights.WithdrawConsent) != 0 {
		if route {
			b.para(ph.howWithdraw)
		}
		if consent {
			g.cov.use(art13_2c, "activities[].purposes[].basis")
		} else {
			g.cov.use(art13_2c, "activities[].special.conditions")
		}
	} else {
		g.cov.notApplicable(art13_2c, "not applicable: no purpose is recorded as relying on consent")
	}
	// When the reply is due: UK GDPR Art 12A from 5 February 2026 (one
	// month from the latest of the request, the identity information asked
	// for under Art 12(6) and any fee under Art 12(5); extension by two
	// months by notice within the first month, 12A(3)-(4); the clock
	// stopped while the organisation waits for what it reasonably needs to
	// find the information an access request is about, 12A(5)); before
	// then, and under the EU regime, Art 12(3).
	if g.ukNew {
		b.para(ph.replyUK)
		b.para(ph.extend)
		b.para(ph.pauseUK)
	} else {
		b.para(ph.replyEU)
		b.para(ph.extend)
	}
	g.src = append(g.rightsPaths(), "jurisdiction")
	g.section(2, ph.rightsHeading, b...)
	if marketing > 0 {
		g.directMarketing(marketing)
	}
}

// directMarketing writes the right to object to direct marketing
// ([rights.ObjectDirectMarketing]), which applies whatever the lawful basis
// (Art 21(2)) and which the organisation cannot refuse (Art 21(3): the
// data "shall no longer be processed for such purposes"; ICO direct
// marketing guidance, "Respect people's preferences": "There are no
// reasons that you can use to refuse their objection"). It is a section of
// its own because Art 21(4) requires the right to be presented "clearly
// and separately from any other information". n groups of the audience
// have a direct marketing purpose; when that is not every group, the
// section names them.
func (g *gen) directMarketing(n int) {
	ph := g.ph
	r := rights.ObjectDirectMarketing
	text := ph.rights[r]
	if text == "" {
		text = r.PlainAt(g.regime, g.at)
	}
	b := g.blocks()
	b.para(text + " " + ph.dmAbsolute)
	if n < len(g.grights) {
		var groups []string
		for i := range g.grights {
			if g.grights[i].marketing {
				groups = append(groups, subjectPlain(g.audience[i]))
			}
		}
		b.paraf(ph.dmWho, groupList(groups))
	}
	g.cov.use(art13_2b, "activities[].purposes[].directMarketing")
	for ai, a := range g.acts {
		for i := range a.Purposes {
			if a.Purposes[i].DirectMarketing {
				g.src = append(g.src, "activities["+strconv.Itoa(g.actIndex[ai])+"].purposes["+strconv.Itoa(i)+"].directMarketing")
			}
		}
	}
	g.section(3, ph.dmHeading, b...)
}

// rightItems lists the rights in set (bits of rights.Right) as the rights
// section states them: not the right to be informed (this notice), the
// rights to complain (the complaints section) nor the right to object to
// direct marketing (a section of its own).
func (g *gen) rightItems(set uint32) []string {
	set &^= 1<<rights.Informed | 1<<rights.ComplainToController | 1<<rights.ComplainToAuthority | 1<<rights.ObjectDirectMarketing
	n := 0
	for _, r := range allRights {
		if set&(1<<r) != 0 && g.rightItem(r) != "" {
			n++
		}
	}
	items := g.strings(n)[:0]
	for _, r := range allRights {
		if set&(1<<r) != 0 {
			if it := g.rightItem(r); it != "" {
				items = append(items, it)
			}
		}
	}
	return items
}

// rightItem is the item of right r in the rights section, worked out once.
func (g *gen) rightItem(r rights.Right) string {
	if int(r) < len(g.rightTexts) && g.rightTexts[r].done {
		return g.rightTexts[r].text
	}
	it := g.ph.rights[r]
	if it == "" || r == rights.AutomatedDecisions && !g.ukNew {
		it = ""
		if text := r.PlainAt(g.regime, g.at); text != "" {
			if g.young {
				it = text
			} else {
				it = r.Title() + ": " + text
			}
		}
	}
	if int(r) < len(g.rightTexts) {
		g.rightTexts[r].text, g.rightTexts[r].done = it, true
	}
	return it
}

// rightsPaths are the register fields the rights come from: the basis of
// each purpose and the decisions about the audience.
func (g *gen) rightsPaths() []string {
	var out []string
	for ai, a := range g.acts {
		prefix := "activities[" + strconv.Itoa(g.actIndex[ai]) + "]."
		for i := range a.Purposes {
			if a.Purposes[i].Basis.Valid() {
				out = append(out, prefix+"purposes["+strconv.Itoa(i)+"].basis")
			}
		}
		for i := range a.Automated {
			out = append(out, prefix+"automated["+strconv.Itoa(i)+"]")
		}
	}
	return out
}

// groupList joins the names of groups of people with "and": with commas,
// or, for three or more where a name has a comma or an "and" of its own,
// with semicolons ("employees; staff of schools and colleges; and
// volunteers").
func groupList(names []string) string {
	if len(names) < 3 {
		return prose.List(names, "and")
	}
	for _, n := range names {
		if strings.Contains(n, ",") || strings.Contains(n, " and ") {
			return strings.Join(names[:len(names)-1], "; ") + "; and " + names[len(names)-1]
		}
	}
	return prose.List(names, "and")
}

// allRights are the rights in the order of their constants, read only.
var allRights = rights.All()

// complain writes the right to complain to the organisation (UK from 19
// June 2026, DPA 2018 s164A; Art 13(2)(ca), 14(2)(da)) and to the regulator
// (Art 13(2)(d): DPA 2018 s165 under the UK regime from 19 June 2026).
func (g *gen) complain() {
	ph := g.ph
	b := g.blocks()
	// The Art 14 item applies where some data come from others, and
	// where the register does not say whether they do.
	indirect := g.indirect || g.sourcesUnknown
	if g.complaintsLaw {
		// The register's own description of its complaints handling is
		// public text the notice quotes; a generated sentence that would
		// say again what it says is left out.
		dt := clean(g.reg.Complaints.Details)
		if !saysComplain(dt) {
			b.para(ph.complainUs)
		}
		if dt != "" {
			b.para(capitalise(sentence(dt)))
		}
		var ways []string
		r := g.routes
		if r.ComplaintsForm != "" {
			ways = append(ways, "use our complaint form at "+r.ComplaintsForm)
		}
		if r.ComplaintsEmail != "" {
			ways = append(ways, "email "+r.ComplaintsEmail)
		}
		if r.ComplaintsPhone != "" {
			ways = append(ways, "phone "+r.ComplaintsPhone)
		}
		if r.ComplaintsAddress != "" {
			ways = append(ways, "write to "+r.ComplaintsAddress)
		}
		arts := []article{art13_2ca}
		if indirect {
			arts = append(arts, art14_2da)
		} else {
			g.cov.notApplicable(art14_2da, notIndirect)
		}
		switch {
		case len(ways) > 0:
			b.paraf(ph.complainWays, prose.List(ways, "or"))
			for _, art := range arts {
				g.cov.use(art, fieldsSet("complaints.", r.ComplaintsForm, "form", r.ComplaintsEmail, "email",
					r.ComplaintsPhone, "phone", r.ComplaintsAddress, "address")...)
			}
		default:
			// The DPO is a route only with a way to reach them: "contact
			// our data protection officer" with none is not said.
			d := g.reg.DPO
			dpoWays := contactWays(d.Email, d.Phone, d.Address, "", "")
			if len(dpoWays) > 0 {
				b.paraf(ph.complainDPO, prose.List(dpoWays, "or"))
			}
			for _, art := range arts {
				switch {
				case len(dpoWays) > 0:
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address); the notice refers people to the DPO")
				case !d.IsZero():
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address), and the DPO has no email, telephone number or address, so the notice gives no way to complain")
				default:
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address) and there is no DPO to refer people to")
				}
			}
		}
		if !saysAcknowledgement(dt) {
			b.para(ph.acknowledge)
		}
	}
	a := g.authority
	name := clean(a.Name)
	switch {
	case g.regime == lawfulbasis.UK:
		if name == "" {
			name = regulatorOf(authority.UK(g.at)).Name
		}
		if g.complaintsLaw {
			b.paraf(ph.regulatorS165, name)
		} else {
			b.paraf(ph.regulatorUK, name)
		}
		if ways := contactWays(a.Email, a.Phone, a.Address, a.Website, "online at "); len(ways) > 0 {
			b.paraf(ph.regulatorWays, prose.List(ways, "or"))
		}
		g.cov.use(art13_2d, g.authorityFields...)
	default:
		// Art 77(1): the right to complain to a supervisory authority,
		// in particular in the member state of the person's habitual
		// residence, place of work or of the alleged infringement.
		b.para(ph.regulatorEU)
		if g.hasAuthority && name != "" {
			b.paraf(ph.regulatorLead, theName(name))
			if ways := contactWays(a.Email, a.Phone, a.Address, a.Website, "online at "); len(ways) > 0 {
				b.paraf(ph.regulatorWays, prose.List(ways, "or"))
			}
			g.cov.use(art13_2d, g.authorityFields...)
		} else {
			g.cov.miss(art13_2d, g.authorityGap)
		}
	}
	g.src = fieldsSet("", g.reg.Complaints.Details, "complaints.details", g.reg.Complaints.Form, "complaints.form",
		g.reg.Complaints.Email, "complaints.email", g.reg.Complaints.Phone, "complaints.phone", g.reg.Complaints.Address, "complaints.address")
	g.src = append(g.src, g.authorityFields...)
	if d := g.reg.DPO; !d.IsZero() {
		g.src = append(g.src, "dpo")
	}
	// The regime decides which rights to complain there are, and the
	// regulator named by default.
	g.src = append(g.src, "jurisdiction")
	g.section(2, ph.complainHeading, b...)
}

// saysComplain reports whether the register's complaints details already
// tell people they can complain ("you can complain", "you have a right to
// complain", "you can make a complaint"), so that the generated sentence
// stating the right would repeat them.
func saysComplain(details string) bool { return canComplainRE.MatchString(details) }

var canComplainRE = regexp.MustCompile(`(?i)\b(can|may|right to)\s+(make\s+a\s+|raise\s+a\s+)?complain`)

// saysAcknowledgement reports whether the register's complaints details
// already give a time for acknowledging a complaint ("within 30 days",
// "thirty days"), so that the generated sentence would repeat them.
func saysAcknowledgement(details string) bool {
	d := strings.ToLower(details)
	return strings.Contains(d, "30 days") || strings.Contains(d, "thirty days") || strings.Contains(d, "30 calendar days")
}

// notIndirect is the reason the Art 14 items do not apply.
const notIndirect = "not applicable: the register states that no data come from anyone but the people themselves"

// changes writes when the notice was last updated (from the register:
// [updatedOf]; never the day it was generated) and, once, the day whose
// law it applies.
func (g *gen) changes() {
	b := g.blocks()
	if !g.updated.IsZero() {
		b.paraf(g.ph.updated, g.updated.Format("2 January 2006"))
	}
	if v := clean(g.reg.Version); v != "" {
		b.paraf(g.ph.version, v)
	}
	b.paraf(g.ph.lawAsOf, g.at.Format("2 January 2006"))
	if !g.indirect && !g.sourcesUnknown {
		g.cov.notApplicable(art14_1d, notIndirect)
		g.cov.notApplicable(art14_2f, notIndirect)
	}
	g.cov.finish(g)
	if !g.reg.ReviewDate.IsZero() {
		g.src = append(g.src, "reviewDate")
	}
	if clean(g.reg.Version) != "" {
		g.src = append(g.src, "version")
	}
	g.section(2, g.ph.changesHeading, b...)
}
