package notice

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/article30/article30/lawfulbasis"
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
	g.ph = adult
	if g.young {
		g.ph = young
	}
	g.routes = defaultRoutes(reg)
	mergeRoutes(&g.routes, cfg.routes)
	switch {
	case cfg.authoritySet:
		g.authority, g.hasAuthority = cfg.authority, true
	case g.regime == lawfulbasis.UK:
		g.authority, g.hasAuthority = ICO(), true
	}
	for i := range reg.Activities {
		a := &reg.Activities[i]
		if slices.ContainsFunc(a.DataSubjects, func(s ropa.Subject) bool { return slices.Contains(audience, s) }) {
			g.acts = append(g.acts, a)
		}
	}
	g.cov = newTracker(g.regime, g.complaintsLaw, g.ukNew)
	nPurposes, nRets, nMoves := 0, 0, 0
	for _, a := range g.acts {
		nPurposes += len(a.Purposes)
		nRets += len(a.Retention)
		nMoves += len(a.Transfers)
	}
	g.cats = make(map[ropa.Category]catInfo, 64)
	g.bases = make(map[*ropa.Purpose]basisText, nPurposes)
	g.rets = make(map[*ropa.Retention]string, nRets)
	g.retDone = make(map[*ropa.Activity]bool, len(g.acts))
	g.sensitive = map[string]string{}
	g.slot = map[ropa.Category]int{}
	g.actIndex = make(map[*ropa.Activity]int, len(g.acts))
	for i, a := range g.acts {
		g.actIndex[a] = i
	}
	g.moves = make(map[*ropa.Transfer]transferText, nMoves)
	g.provs = make(map[*ropa.Activity]string, len(g.acts))
	g.basisTexts = map[basisKey]string{}
	g.cells = make(map[string]string, 16*len(audience))
	g.seen = map[purposeKey]bool{}

	n := &Notice{
		Regime:   g.regime,
		AsOf:     at,
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
		n.Title = sprintf(g.ph.titleFor, name, joinList(plains, "and"))
	} else {
		n.Title = sprintf(g.ph.title, name)
	}

	g.secs = make([]Section, 0, 8+10*len(audience))
	g.whoWeAre()
	for _, s := range audience {
		g.group(s)
	}
	g.rights()
	g.complain()
	g.changes()
	n.Sections = g.secs
	n.coverage = g.cov.items()
	return n, nil
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
	ukNew         bool // UK regime from 5 February 2026 (DUAA)
	complaintsLaw bool // UK regime from 19 June 2026 (DPA 2018 s164A)
	young         bool
	ph            *phrases
	routes        Routes
	authority     Regulator
	hasAuthority  bool
	audience      []ropa.Subject
	acts          []*ropa.Activity // the activities about anyone in the audience
	cov           *tracker
	secs          []Section

	// Caches: an activity appears in the section of each of its groups.
	cats    map[ropa.Category]catInfo
	bases   map[*ropa.Purpose]basisText
	rets    map[*ropa.Retention]string
	retDone map[*ropa.Activity]bool
	// sensitive caches sensitiveText by category and the conditions and
	// authorities it states.
	sensitive  map[string]string
	key        []byte            // scratch
	cells      map[string]string // retention cells by the rules they state
	rowOf      []rowCat          // scratch
	seen       map[purposeKey]bool
	pairs      []string            // scratch
	used       []lawfulbasis.Basis // scratch
	meanings   [256]string         // what each basis means, by its value
	catList    []ropa.Category
	provs      map[*ropa.Activity]string // provision's text
	basisTexts map[basisKey]string
	entries    []retEntry
	byCat      []catRules
	buf        []byte
	done       [][2]int
	conds      []lawfulbasis.Condition
	sch1       []lawfulbasis.Schedule1
	auth       []string
	actIndex   map[*ropa.Activity]int
	slot       map[ropa.Category]int // retention's index of categories
	moves      map[*ropa.Transfer]transferText
}

// retEntry is a retention rule of an activity, for the retention table.
type retEntry struct {
	act  *ropa.Activity
	ai   int // the activity's index in g.acts
	ri   int // the rule's index in the activity's
	text string
}

// catRules are the rules for a category, for the retention table.
type catRules struct {
	cat     ropa.Category
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
	plain string // the category, as the notice names it
}

// catInfo is what a notice says about a data category.
type catInfo struct {
	plain, title      string
	item              string // in the list of information used
	special, criminal bool
}

type basisText struct {
	text string
	ok   bool
}

type transferText struct {
	text   string
	copies bool
}

// cat returns what the notice says about a data category; the catalogue
// look-ups behind it are costly enough to do once.
func (g *gen) cat(c ropa.Category) catInfo {
	if ci, ok := g.cats[c]; ok {
		return ci
	}
	ci := catInfo{plain: categoryPlain(c), title: c.Title(), special: c.Special(), criminal: c.Criminal()}
	ci.item = capitalise(ci.plain)
	switch {
	case ci.special:
		ci.item += g.ph.special
	case ci.criminal:
		ci.item += g.ph.criminal
	}
	g.cats[c] = ci
	return ci
}

func (g *gen) section(level int, heading string, blocks ...Block) {
	g.secs = append(g.secs, Section{Heading: heading, Level: level, Blocks: blocks})
}

type purposeKey struct{ desc, cell string }

// blocks collects a section's blocks.
type blocks []Block

func (b *blocks) para(s string) {
	if s != "" {
		*b = append(*b, Paragraph{Text: s})
	}
}

func (b *blocks) paraf(format string, args ...string) { b.para(sprintf(format, args...)) }

func (b *blocks) list(items []string) {
	if len(items) > 0 {
		*b = append(*b, List{Items: items})
	}
}

// ---------------------------------------------------------------------------
// Who we are: Art 13(1)(a) and (b).

func (g *gen) whoWeAre() {
	ph, c := g.ph, g.reg.Controller
	var b blocks
	if name := clean(c.Name); name != "" {
		b.paraf(ph.controllerIntro, name)
		g.cov.use("13(1)(a)", "controller.name")
	} else {
		g.cov.miss("13(1)(a)", "the controller's name is missing")
	}
	if a := clean(c.Address); a != "" {
		b.paraf(ph.address, a)
		g.cov.use("13(1)(a)", "controller.address")
	}
	if ways := contactWays(c.Email, c.Phone, "", c.Website, "through our website at "); len(ways) > 0 {
		b.paraf(ph.contactUs, joinList(ways, "or"))
		g.cov.use("13(1)(a)", fieldsSet("controller.", c.Email, "email", c.Phone, "phone", c.Website, "website")...)
	}
	if clean(c.Address) == "" && clean(c.Email) == "" && clean(c.Phone) == "" {
		g.cov.miss("13(1)(a)", "the controller has no address, email or telephone number in the register")
	}

	d := g.reg.DPO
	switch {
	case d.IsZero() && c.PublicAuthority:
		g.cov.miss("13(1)(b)", "a public authority must designate a DPO, and none is recorded")
	case d.IsZero():
		g.cov.notApplicable("13(1)(b)", "no DPO designated")
	default:
		ways := contactWays(d.Email, d.Phone, d.Address, "", "")
		if name := clean(d.Name); name != "" {
			b.paraf(ph.dpoNamed, name)
			if len(ways) > 0 {
				b.paraf(ph.dpoContact, joinList(ways, "or"))
			}
		} else if len(ways) > 0 {
			b.paraf(ph.dpoContactNoName, joinList(ways, "or"))
		}
		g.cov.use("13(1)(b)", fieldsSet("dpo.", d.Name, "name", d.Email, "email", d.Phone, "phone", d.Address, "address")...)
		if len(ways) == 0 {
			g.cov.miss("13(1)(b)", "the DPO has no email, telephone number or address in the register")
		}
	}

	if r := g.reg.Representative; !r.IsZero() {
		ways := contactWays(r.Email, r.Phone, r.Address, "", "")
		if name := clean(r.Name); name != "" {
			b.paraf(ph.representative, name)
		}
		if len(ways) > 0 {
			b.paraf(ph.repContact, joinList(ways, "or"))
		}
		g.cov.use("13(1)(a)", fieldsSet("representative.", r.Name, "name", r.Email, "email", r.Phone, "phone", r.Address, "address")...)
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

func (g *gen) group(s ropa.Subject) {
	var acts []*ropa.Activity
	for _, a := range g.acts {
		if slices.Contains(a.DataSubjects, s) {
			acts = append(acts, a)
		}
	}
	heading := sprintf(g.ph.groupHeading, subjectPlain(s))
	if g.young && len(g.audience) == 1 {
		heading = g.ph.groupHeadingMe
	}
	g.section(2, heading)
	cats := g.categoriesOf(acts)
	g.purposes(s, acts)
	g.information(acts, cats)
	g.sources(acts)
	g.sharing(acts)
	g.transfers(acts)
	g.retention(acts, cats)
	g.provision(acts)
	g.automated(acts)
}

// categoriesOf lists the data categories of the activities in order of
// first appearance.
func (g *gen) categoriesOf(acts []*ropa.Activity) []ropa.Category {
	out := g.catList[:0]
	defer func() { g.catList = out }()
	for _, a := range acts {
		for _, c := range a.DataCategories {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

// usable reports whether a purpose's basis can be stated: a basis that
// exists under the regime on the day.
func (g *gen) usable(b lawfulbasis.Basis) bool { return b.Valid() && b.Available(g.regime, g.at) }

// purposes writes Art 13(1)(c) and (d): each purpose with its own basis.
func (g *gen) purposes(s ropa.Subject, acts []*ropa.Activity) {
	ph := g.ph
	var rows [][]string
	var others []string
	seen := g.seen
	clear(seen)
	pairs := g.pairs[:0]
	used := g.used[:0] // the bases stated, in order of first use
	for _, a := range acts {
		for i := range a.Purposes {
			p := &a.Purposes[i]
			desc := clean(p.Description)
			if desc == "" {
				g.cov.miss("13(1)(c)", fmt.Sprintf("activity %q has a purpose with no description", a.ID))
				continue
			}
			g.cov.use("13(1)(c)", "activities[].purposes[].description")
			bt, done := g.bases[p]
			if !done {
				bt.text, bt.ok = g.basisCell(desc, *p)
				g.bases[p] = bt
			}
			cell, ok := bt.text, bt.ok
			key := purposeKey{desc, cell}
			if seen[key] {
				continue
			}
			seen[key] = true
			if ok {
				pairs = append(pairs, desc, cell)
				if !slices.Contains(used, p.Basis) {
					used = append(used, p.Basis)
				}
			} else {
				others = append(others, desc)
			}
		}
	}
	g.pairs, g.used = pairs, used
	if len(pairs) > 0 {
		flat := slices.Clone(pairs)
		rows = make([][]string, len(flat)/2)
		for i := range rows {
			rows[i] = flat[2*i : 2*i+2 : 2*i+2]
		}
	}
	if len(rows) == 0 && len(others) == 0 {
		g.cov.miss("13(1)(c)", fmt.Sprintf("no purposes are recorded for %s", subjectPlain(s)))
		return
	}
	var b blocks
	if len(rows) > 0 {
		b.para(ph.purposesLead)
		b = append(b, Table{Caption: ph.purposesCaption, Header: ph.purposesHeader[:], Rows: rows})
		// What each basis in the table means, once, rather than in
		// every row that relies on it.
		meanings := make([]string, len(used))
		for i, k := range used {
			if g.meanings[k] == "" {
				g.meanings[k] = k.Title() + ": " + lowerFirst(g.basisPlain(k))
			}
			meanings[i] = g.meanings[k]
		}
		b.para(ph.basesLead)
		b.list(meanings)
		if len(others) > 0 {
			b.para(ph.purposesOther)
		}
	} else {
		b.para(ph.purposesOnly)
	}
	b.list(others)
	g.section(3, ph.purposesHeading, b...)
}

// basisCell is the text stating the lawful basis of purpose p, and false
// when the register gives no basis that can be stated.
func (g *gen) basisCell(desc string, p ropa.Purpose) (string, bool) {
	b := p.Basis
	if !b.Valid() {
		g.cov.miss("13(1)(c)", fmt.Sprintf("purpose %q has no lawful basis in the register", desc))
		return "", false
	}
	if err := b.CheckAvailable(g.regime, g.at); err != nil {
		g.cov.miss("13(1)(c)", fmt.Sprintf("purpose %q relies on %s, which cannot be stated: %v", desc, strings.ToLower(b.Title()), err))
		return "", false
	}
	g.cov.use("13(1)(c)", "activities[].purposes[].basis")
	// The text depends only on the basis and the one value stated with
	// it; purposes often share both.
	key := basisKey{b: b}
	switch b {
	case lawfulbasis.LegitimateInterests:
		if in := clean(p.Interest); in != "" {
			key.format, key.arg = g.ph.interest, in
			g.cov.use("13(1)(d)", "activities[].purposes[].interest")
		} else {
			g.cov.miss("13(1)(d)", fmt.Sprintf("purpose %q relies on legitimate interests but no interest is recorded", desc))
		}
	case lawfulbasis.RecognisedLegitimateInterests:
		if p.Annex1.Valid() && p.Annex1.Available(g.regime, g.at) {
			key.format, key.arg, key.plain = g.ph.annex1, p.Annex1.Plain(), true
			g.cov.use("13(1)(c)", "activities[].purposes[].annex1")
		} else {
			g.cov.miss("13(1)(c)", fmt.Sprintf("purpose %q relies on recognised legitimate interests but names no Annex 1 condition", desc))
		}
	case lawfulbasis.LegalObligation, lawfulbasis.PublicTask:
		if pr := clean(p.Provision); pr != "" {
			key.format, key.arg = g.ph.theLaw, pr
			g.cov.use("13(1)(c)", "activities[].purposes[].provision")
		}
	}
	if text, ok := g.basisTexts[key]; ok {
		return text, true
	}
	parts := []string{b.Title() + "."}
	switch {
	case key.plain:
		parts = append(parts, sprintf(key.format, key.arg))
	case key.format != "":
		parts = append(parts, sprintf(key.format, sentence(key.arg)))
	}
	text := strings.Join(parts, " ")
	g.basisTexts[key] = text
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

// information writes the categories of data, with the conditions for
// special category and criminal offence data.
func (g *gen) information(acts []*ropa.Activity, cats []ropa.Category) {
	if len(cats) == 0 {
		return
	}
	ph := g.ph
	items := make([]string, 0, len(cats))
	for _, c := range cats {
		items = append(items, g.cat(c).item)
	}
	// Categories whose conditions read the same share one item, so
	// that the conditions are stated once.
	var conds, plains []string // the conditions' text; each item's categories
	for _, c := range cats {
		ci := g.cat(c)
		if !ci.special && !ci.criminal {
			continue
		}
		text := g.sensitiveText(c, ci, acts)
		if text == "" {
			continue
		}
		if i := slices.Index(conds, text); i >= 0 {
			plains[i] += "; " + ci.plain
			continue
		}
		conds = append(conds, text)
		plains = append(plains, ci.plain)
	}
	sensitive := make([]string, len(conds))
	for i, text := range conds {
		sensitive[i] = capitalise(plains[i]) + ": " + text
	}
	var b blocks
	b.para(ph.infoLead)
	b.list(items)
	if len(sensitive) > 0 {
		b.para(ph.sensitiveLead)
		b.list(sensitive)
	}
	g.section(3, ph.infoHeading, b...)
}

// sensitiveText states the conditions for special category or criminal
// offence data of category c in the activities using it, without naming
// the category; "" when the register gives none.
func (g *gen) sensitiveText(c ropa.Category, ci catInfo, acts []*ropa.Activity) string {
	conds, sch1, auth := g.conds[:0], g.sch1[:0], g.auth[:0]
	defer func() { g.conds, g.sch1, g.auth = conds, sch1, auth }()
	for _, a := range acts {
		if !slices.Contains(a.DataCategories, c) {
			continue
		}
		if ci.special {
			for _, k := range a.Special.Conditions {
				if k.Valid() && !slices.Contains(conds, k) {
					conds = append(conds, k)
				}
			}
			if g.regime == lawfulbasis.UK {
				sch1 = appendSch1(sch1, a.Special.Schedule1, g)
			}
		} else {
			if g.regime == lawfulbasis.UK {
				sch1 = appendSch1(sch1, a.Criminal.Schedule1, g)
			}
			if au := clean(a.Criminal.Authority); au != "" && !slices.Contains(auth, au) {
				auth = append(auth, au)
			}
		}
	}
	slices.Sort(conds)
	slices.Sort(sch1)
	// What is said depends only on the category and what was collected;
	// groups often share both.
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
	if text, ok := g.sensitive[string(key)]; ok {
		return text
	}
	text := g.sensitiveTextOf(ci, conds, sch1, auth)
	g.sensitive[string(key)] = text
	return text
}

func (g *gen) sensitiveTextOf(ci catInfo, conds []lawfulbasis.Condition, sch1 []lawfulbasis.Schedule1, auth []string) string {
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
		if ci.special {
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

func appendSch1(dst, src []lawfulbasis.Schedule1, g *gen) []lawfulbasis.Schedule1 {
	for _, k := range src {
		if k.Valid() && k.Available(g.regime, g.at) && !slices.Contains(dst, k) {
			dst = append(dst, k)
		}
	}
	return dst
}

// sources writes where the data come from (Art 14(1)(d), 14(2)(f)).
func (g *gen) sources(acts []*ropa.Activity) {
	ph := g.ph
	var items []string
	add := func(s string) {
		if !slices.Contains(items, s) {
			items = append(items, s)
		}
	}
	onlyYou := true
	for _, a := range acts {
		for _, src := range a.Sources {
			name := clean(src.Name)
			switch src.Kind {
			case ropa.FromSubject:
				if name != "" {
					add(ph.fromYou + ": " + name)
				} else {
					add(ph.fromYou)
				}
				continue
			case ropa.Observed:
				if name != "" {
					add(ph.observed + ": " + name)
				} else {
					add(ph.observed)
				}
			case ropa.FromThirdParty:
				if name != "" {
					add(name)
				} else {
					add(ph.otherOrgs)
					g.cov.miss("14(2)(f)", fmt.Sprintf("a third-party source of activity %q is not named", a.ID))
				}
				g.cov.use("14(2)(f)", "activities[].sources[].kind", "activities[].sources[].name")
			case ropa.FromPublic:
				if name != "" {
					add(name + ph.publicSuffix)
				} else {
					add(ph.publicSources)
					g.cov.miss("14(2)(f)", fmt.Sprintf("a public source of activity %q is not named", a.ID))
				}
				g.cov.use("14(2)(f)", "activities[].sources[].kind", "activities[].sources[].name")
			default:
				continue
			}
			onlyYou = false
		}
	}
	if len(items) == 0 {
		return
	}
	var b blocks
	if onlyYou && len(items) == 1 && items[0] == ph.fromYou {
		b.para(ph.fromYouOnly)
	} else {
		b.para(ph.sourcesLead)
		b.list(items)
	}
	g.section(3, ph.sourcesHeading, b...)
}

// sharing writes the recipients (Art 13(1)(e)), grouped by kind.
func (g *gen) sharing(acts []*ropa.Activity) {
	ph := g.ph
	var processors, others, internal []string
	add := func(dst *[]string, s string) {
		if !slices.Contains(*dst, s) {
			*dst = append(*dst, s)
		}
	}
	for _, a := range acts {
		for _, r := range a.Recipients {
			name := clean(r.Name)
			if name == "" {
				continue
			}
			g.cov.use("13(1)(e)", "activities[].recipients[].name", "activities[].recipients[].kind")
			switch r.Kind {
			case ropa.Processor:
				add(&processors, name)
			case ropa.Internal:
				add(&internal, name)
			case ropa.JointRecipient:
				add(&others, name+ph.jointSuffix)
			default:
				add(&others, name)
			}
		}
	}
	if len(processors)+len(others)+len(internal) == 0 {
		return
	}
	var b blocks
	if len(others) > 0 {
		b.para(ph.othersLead)
		b.list(others)
	}
	if len(processors) > 0 {
		b.para(ph.processorsLead)
		b.list(processors)
	}
	if len(internal) > 0 {
		name := clean(g.reg.Controller.Name)
		if name == "" {
			name = "our organisation"
		}
		b.paraf(ph.internalLead, name)
		b.list(internal)
	}
	g.section(3, ph.sharingHeading, b...)
}

// transfers writes the international transfers and what makes each lawful
// (Art 13(1)(f)): under the UK regime from 5 February 2026, whether it is
// approved by regulations under Art 45A, or else the safeguards relied on
// (DUAA Sch 9 paras 2-3); otherwise an adequacy decision (or regulations)
// or the appropriate safeguards. A transfer that rests on nothing valid on
// the day (Privacy Shield after 16 July 2020, an approval the country does
// not have, no mechanism at all) is stated without any claim of safety.
func (g *gen) transfers(acts []*ropa.Activity) {
	ph := g.ph
	var items []string
	copyNote := false
	for _, a := range acts {
		for ti := range a.Transfers {
			t := &a.Transfers[ti]
			tt, done := g.moves[t]
			if !done {
				tt.text, tt.copies = g.transfer(a, *t)
				g.moves[t] = tt
			}
			item, copies := tt.text, tt.copies
			if item != "" && !slices.Contains(items, item) {
				items = append(items, item)
			}
			copyNote = copyNote || copies
		}
	}
	if len(items) == 0 {
		return
	}
	var b blocks
	b.list(items)
	if copyNote {
		b.para(ph.copySafeguards)
	}
	h := ph.transfersHeading[0]
	if g.regime == lawfulbasis.EU {
		h = ph.transfersHeading[1]
	}
	g.section(3, h, b...)
}

func (g *gen) transfer(a *ropa.Activity, t ropa.Transfer) (item string, copies bool) {
	ph := g.ph
	code := strings.ToUpper(strings.TrimSpace(t.Country))
	if code == "" {
		return "", false
	}
	country := countryName(code)
	recipient := clean(t.Recipient)
	var parts []string
	if recipient != "" {
		parts = append(parts, sprintf(ph.transferTo, recipient, country))
	} else {
		parts = append(parts, capitalise(sprintf(ph.transferToCountry, country)))
	}
	g.cov.use("13(1)(f)", "activities[].transfers[].country")
	if recipient != "" {
		g.cov.use("13(1)(f)", "activities[].transfers[].recipient")
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
		g.cov.use("13(1)(f)", "activities[].transfers[].mechanism")
	}
	if m.Valid() && !m.Available(g.regime, g.at) {
		switch m {
		case lawfulbasis.PrivacyShield, lawfulbasis.SwissUSPrivacyShield:
			name := "EU-US Privacy Shield"
			if m == lawfulbasis.SwissUSPrivacyShield {
				name = "Swiss-US Privacy Shield"
			}
			g.cov.miss("13(1)(f)", fmt.Sprintf("transfer to %s relies on the %s, which has not been a valid transfer mechanism since 16 July 2020; the notice states the transfer but no safeguard", what, name))
		default:
			g.cov.miss("13(1)(f)", fmt.Sprintf("transfer to %s relies on %s, which is not available: %v; the notice states the transfer but no safeguard", what, m.Title(), m.CheckAvailable(g.regime, g.at)))
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
			g.cov.use("13(1)(f)", "activities[].transfers[].certified")
		}
		if m.IsSafeguard() {
			parts = append(parts, sprintf(g.safeguardsPhrase(), m.Plain()))
			copies = true
		}
	case !m.Valid():
		g.cov.miss("13(1)(f)", fmt.Sprintf("transfer to %s: no approval covers it on %s and no safeguard is recorded; the notice states the transfer but no safeguard", what, g.at.Format(time.DateOnly)))
		return strings.Join(parts, " "), false
	case m.IsApproval():
		g.cov.miss("13(1)(f)", fmt.Sprintf("transfer to %s relies on %s, but no approval covers it on %s; the notice states the transfer but no safeguard", what, m.Title(), g.at.Format(time.DateOnly)))
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
			g.cov.miss("13(1)(f)", fmt.Sprintf("transfer to %s relies on compelling legitimate interests but its suitable safeguards are not recorded", what))
		}
	}
	if sg := clean(t.Safeguards); sg != "" {
		parts = append(parts, sprintf(ph.extraSafeguards, lowerFirst(sentence(sg))))
		g.cov.use("13(1)(f)", "activities[].transfers[].safeguards")
	}
	return strings.Join(parts, " "), copies
}

func (g *gen) safeguardsPhrase() string {
	if g.ukNew {
		return g.ph.safeguardsRelied
	}
	return g.ph.appropriate
}

// retentionText is what the notice says about one retention rule: the
// structured rule's sentence, the free-text schedule and any statutory
// minimum; "" when the rule says nothing usable.
func (g *gen) retentionText(r ropa.Retention) string {
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
// data.
func (g *gen) retention(acts []*ropa.Activity, cats []ropa.Category) {
	entries := g.entries[:0]
	byCat := g.byCat[:0]
	add := func(c ropa.Category) {
		if len(byCat) < cap(byCat) {
			byCat = byCat[:len(byCat)+1]
			cr := &byCat[len(byCat)-1]
			cr.cat, cr.entries, cr.with = c, cr.entries[:0], 0
		} else {
			byCat = append(byCat, catRules{cat: c})
		}
	}
	clear(g.slot)
	for i, c := range cats {
		add(c)
		g.slot[c] = i
	}
	index := func(c ropa.Category) int {
		if i, ok := g.slot[c]; ok {
			return i
		}
		add(c)
		g.slot[c] = len(byCat) - 1
		return len(byCat) - 1
	}
	for _, a := range acts {
		for _, c := range a.DataCategories {
			byCat[index(c)].with++
		}
		g.retentionCoverage(a)
		ai := g.actIndex[a]
		for ri := range a.Retention {
			r := &a.Retention[ri]
			text := g.rets[r]
			if text == "" {
				continue
			}
			entries = append(entries, retEntry{a, ai, ri, text})
			e := len(entries) - 1
			rc := r.Categories
			if len(rc) == 0 {
				rc = a.DataCategories
			}
			for _, c := range rc {
				cr := &byCat[index(c)]
				dup := false
				for _, k := range cr.entries {
					if entries[k].act == entries[e].act && entries[k].text == entries[e].text {
						dup = true
						break
					}
				}
				if !dup {
					cr.entries = append(cr.entries, e)
				}
				if !slices.Contains(a.DataCategories, c) {
					cr.with++ // a rule for a category the activity does not list
				}
			}
		}
	}
	var rows []string // cells
	rowOf := g.rowOf[:0]
	key := g.key[:0]
	for _, cr := range byCat {
		if len(cr.entries) == 0 {
			continue
		}
		multi := cr.with > 1
		// The cell depends only on the rules it states, in order, and
		// on whether it names their activities: the same in every group.
		key = key[:0]
		if multi {
			key = append(key, 'm')
		}
		for _, k := range cr.entries {
			key = appendLen(key, entries[k].ai)
			key = appendLen(key, entries[k].ri)
		}
		cell, ok := g.cells[string(key)]
		if !ok {
			// The cell is each rule's text (after its activity's name),
			// once, in buf; done holds where each is.
			buf := g.buf[:0]
			done := g.done[:0]
		next:
			for _, k := range cr.entries {
				e := entries[k]
				start := len(buf)
				if start > 0 {
					buf = append(buf, ' ')
				}
				from := len(buf)
				if multi {
					buf = append(buf, clean(e.act.Name)...)
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
			cell = string(buf)
			g.buf, g.done = buf, done
			g.cells[string(key)] = cell
		}
		i := slices.Index(rows, cell)
		if i < 0 {
			rows = append(rows, cell)
			i = len(rows) - 1
		}
		rowOf = append(rowOf, rowCat{i, g.cat(cr.cat).plain})
	}
	g.rowOf, g.entries, g.byCat = rowOf, entries, byCat
	if len(rows) == 0 {
		g.key = key
		return
	}
	table := Table{Caption: g.ph.retentionCaption, Header: g.ph.retentionHeader[:], Rows: make([][]string, len(rows))}
	flat := make([]string, 2*len(rows))
	for i, cell := range rows {
		key = key[:0]
		for _, rc := range rowOf {
			if rc.row != i {
				continue
			}
			if len(key) > 0 {
				key = append(key, "; "...)
			}
			key = append(key, rc.plain...)
		}
		var head string
		if len(key) > 0 && key[0] < utf8.RuneSelf {
			if 'a' <= key[0] && key[0] <= 'z' {
				key[0] -= 'a' - 'A'
			}
			head = string(key)
		} else {
			head = capitalise(string(key))
		}
		flat[2*i], flat[2*i+1] = head, cell
		table.Rows[i] = flat[2*i : 2*i+2 : 2*i+2]
	}
	g.key = key
	g.section(3, g.ph.retentionHeading, table)
}

// retentionCoverage records, once per activity, what its retention rules
// fill of Art 13(2)(a) and which of its categories no rule covers, and
// caches the text of each rule.
func (g *gen) retentionCoverage(a *ropa.Activity) {
	if g.retDone[a] {
		return
	}
	g.retDone[a] = true
	var covered []ropa.Category
	for ri := range a.Retention {
		r := &a.Retention[ri]
		text := g.retentionText(*r)
		g.rets[r] = text
		if text == "" {
			g.cov.miss("13(2)(a)", fmt.Sprintf("a retention rule of activity %q has neither a valid rule nor a schedule", a.ID))
			continue
		}
		g.cov.use("13(2)(a)")
		if !r.Rule.IsZero() {
			g.cov.use("13(2)(a)", "activities[].retention[].rule")
		}
		if strings.TrimSpace(r.Schedule) != "" {
			g.cov.use("13(2)(a)", "activities[].retention[].schedule")
		}
		if len(r.Categories) > 0 {
			g.cov.use("13(2)(a)", "activities[].retention[].categories")
		}
		if !r.Minimum.IsZero() {
			g.cov.use("13(2)(a)", "activities[].retention[].minimum")
		}
		if len(r.Categories) == 0 {
			covered = append(covered, a.DataCategories...)
		} else {
			covered = append(covered, r.Categories...)
		}
	}
	var missing []string
	for _, c := range a.DataCategories {
		if !slices.Contains(covered, c) {
			missing = append(missing, g.cat(c).title)
		}
	}
	if len(missing) > 0 {
		g.cov.miss("13(2)(a)", fmt.Sprintf("activity %q has no retention period for: %s", a.ID, strings.Join(missing, ", ")))
	}
}

// provision writes whether providing the data is required and what
// happens if it is not (Art 13(2)(e)).
func (g *gen) provision(acts []*ropa.Activity) {
	type entry struct{ act, text string }
	var es []entry
	for _, a := range acts {
		text, done := g.provs[a]
		if !done {
			// Once per activity: the coverage it records is the same
			// in every group.
			var parts []string
			if s := g.ph.requirement[string(a.Provision.Requirement)]; s != "" {
				parts = append(parts, s)
				g.cov.use("13(2)(e)", "activities[].provision.requirement")
			}
			if s := clean(a.Provision.Consequences); s != "" {
				parts = append(parts, capitalise(sentence(s)))
				g.cov.use("13(2)(e)", "activities[].provision.consequences")
			}
			if len(parts) == 0 && collectsFromSubject(a) {
				g.cov.miss("13(2)(e)", fmt.Sprintf("activity %q does not record whether providing the data is required", a.ID))
			}
			text = strings.Join(parts, " ")
			g.provs[a] = text
		}
		if text == "" {
			continue
		}
		if !slices.ContainsFunc(es, func(e entry) bool { return e.text == text }) {
			es = append(es, entry{clean(a.Name), text})
		}
	}
	if len(es) == 0 {
		return
	}
	var b blocks
	if len(es) == 1 {
		b.para(es[0].text)
	} else {
		items := make([]string, len(es))
		for i, e := range es {
			items[i] = e.act + ": " + e.text
		}
		b.list(items)
	}
	g.section(3, g.ph.provisionHeading, b...)
}

// collectsFromSubject reports whether an activity collects data from the
// people themselves (or records no source), so that Art 13(2)(e) applies.
func collectsFromSubject(a *ropa.Activity) bool {
	if len(a.Sources) == 0 {
		return true
	}
	return slices.ContainsFunc(a.Sources, func(s ropa.Source) bool { return s.Kind == ropa.FromSubject })
}

// automated writes automated decision-making and profiling (Art 13(2)(f)):
// under the UK regime from 5 February 2026 the decisions subject to the
// Art 22C safeguards, otherwise those of Art 22. Only the safeguards the
// register records for every such activity are stated.
func (g *gen) automated(acts []*ropa.Activity) {
	ph := g.ph
	var b blocks
	var sig []*ropa.Activity
	solely, profiling := false, false
	for _, a := range acts {
		switch {
		case a.Automated.Solely && a.Automated.Significant:
			sig = append(sig, a)
		case a.Automated.Solely:
			solely = true
		}
		profiling = profiling || a.Automated.Profiling
	}
	g.cov.use("13(2)(f)", "activities[].automated.solely", "activities[].automated.significant")
	switch {
	case len(sig) > 0:
		b.para(ph.adSignificant)
		var seen []string
		for _, a := range sig {
			for _, s := range []struct{ f, text, field string }{
				{ph.adLogic, a.Automated.Logic, "logic"},
				{ph.adEffect, a.Automated.Consequences, "consequences"},
			} {
				t := clean(s.text)
				if t == "" {
					g.cov.miss("13(2)(f)", fmt.Sprintf("activity %q makes solely automated significant decisions but does not record their %s", a.ID, s.field))
					continue
				}
				p := sprintf(s.f, sentence(t))
				if !slices.Contains(seen, p) {
					seen = append(seen, p)
					b.para(p)
				}
				g.cov.use("13(2)(f)", "activities[].automated."+s.field)
			}
		}
		var items []string
		for i, sg := range ropa.DecisionSafeguards() {
			all := true
			for _, a := range sig {
				if !slices.Contains(a.Automated.Safeguards, sg) {
					all = false
					if g.ukNew {
						g.cov.miss("13(2)(f)", fmt.Sprintf("activity %q does not record the Art 22C(2) safeguard %q", a.ID, string(sg)))
					}
				}
			}
			if all {
				items = append(items, ph.adSafeguards[i])
			}
		}
		if len(items) > 0 {
			g.cov.use("13(2)(f)", "activities[].automated.safeguards")
		}
		b.list(items)
	case solely:
		b.para(ph.adNotSignificant)
	default:
		b.para(ph.adNone)
	}
	if profiling {
		b.para(ph.profiling)
		g.cov.use("13(2)(f)", "activities[].automated.profiling")
	}
	g.section(3, ph.adHeading, b...)
}

// ---------------------------------------------------------------------------
// Rights, complaints and changes.

// rightsFor returns the rights of the audience and whether some purpose
// has no basis that can be stated.
func (g *gen) rightsFor() (rs []rights.Right, bases []lawfulbasis.Basis, unknown bool) {
	explicit, adm := false, false
	for _, a := range g.acts {
		for _, p := range a.Purposes {
			if g.usable(p.Basis) {
				if !slices.Contains(bases, p.Basis) {
					bases = append(bases, p.Basis)
				}
			} else {
				unknown = true
			}
		}
		explicit = explicit || slices.Contains(a.Special.Conditions, lawfulbasis.ExplicitConsent) || a.Automated.Ground == ropa.ExplicitConsent
		adm = adm || a.Automated.Solely && a.Automated.Significant
	}
	slices.Sort(bases)
	rs = rights.ForRegime(g.regime, g.at, bases...)
	if rs == nil {
		// No basis is known: only the rights that hold under every basis.
		rs = []rights.Right{rights.Access, rights.Rectification, rights.Restriction}
		unknown = true
	}
	if explicit && !slices.Contains(rs, rights.WithdrawConsent) {
		rs = append(rs, rights.WithdrawConsent)
	}
	if adm {
		rs = append(rs, rights.AutomatedDecisions)
	}
	slices.Sort(rs)
	return rs, bases, unknown
}

func (g *gen) rights() {
	ph := g.ph
	rs, bases, unknown := g.rightsFor()
	var items []string
	withdraw := false
	for _, r := range rs {
		switch r {
		case rights.Informed, rights.ComplainToController, rights.ComplainToAuthority:
			continue // this notice itself; and the complaints section
		case rights.WithdrawConsent:
			withdraw = true
		}
		text := r.PlainAt(g.regime, g.at)
		if v := ph.rights[r]; v != "" && (r != rights.AutomatedDecisions || g.ukNew) {
			items = append(items, v)
			continue
		}
		if text == "" {
			continue
		}
		if g.young {
			items = append(items, text)
		} else {
			items = append(items, r.Title()+": "+text)
		}
	}
	var b blocks
	b.para(ph.rightsLead)
	b.list(items)
	if differs(bases) {
		b.para(ph.rightsDepend)
	}
	if unknown {
		b.para(ph.rightsUnknown)
		g.cov.miss("13(2)(b)", "some purposes have no lawful basis in the register, so the rights that depend on it (erasure, portability, objection) cannot all be stated")
	}
	g.cov.use("13(2)(b)", "activities[].purposes[].basis")

	var ways []string
	if e := g.routes.RequestsEmail; e != "" {
		ways = append(ways, "email "+e)
	}
	if u := g.routes.RequestsURL; u != "" {
		ways = append(ways, "go to "+u)
	}
	d := g.reg.DPO
	switch {
	case len(ways) > 0:
		b.paraf(ph.howRequests, joinList(ways, "or"))
	case !d.IsZero() && (clean(d.Phone) != "" || clean(d.Address) != ""):
		b.para(ph.howRequestsDPO)
	default:
		b.para(ph.howRequestsUs)
	}
	if withdraw {
		b.para(ph.howWithdraw)
		if slices.Contains(bases, lawfulbasis.Consent) {
			g.cov.use("13(2)(c)", "activities[].purposes[].basis")
		} else {
			g.cov.use("13(2)(c)", "activities[].special.conditions")
		}
	} else {
		g.cov.notApplicable("13(2)(c)", "not applicable: no purpose is recorded as relying on consent")
	}
	if g.ukNew {
		b.para(ph.replyUK)
	} else {
		b.para(ph.replyEU)
	}
	b.para(ph.extend)
	g.section(2, ph.rightsHeading, b...)
}

// differs reports whether the rights differ between the bases, so that not
// every right applies to every use.
func differs(bases []lawfulbasis.Basis) bool {
	if len(bases) < 2 {
		return false
	}
	first := rights.For(bases[0])
	for _, b := range bases[1:] {
		if !slices.Equal(first, rights.For(b)) {
			return true
		}
	}
	return false
}

// complain writes the right to complain to the organisation (UK from 19
// June 2026, DPA 2018 s164A; Art 13(2)(ca), 14(2)(da)) and to the regulator
// (Art 13(2)(d): DPA 2018 s165 under the UK regime from 19 June 2026).
func (g *gen) complain() {
	ph := g.ph
	var b blocks
	indirect := g.indirect()
	if g.complaintsLaw {
		b.para(ph.complainUs)
		if dt := clean(g.reg.Complaints.Details); dt != "" {
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
		arts := []string{"13(2)(ca)"}
		if indirect {
			arts = append(arts, "14(2)(da)")
		} else {
			g.cov.notApplicable("14(2)(da)", notIndirect)
		}
		switch {
		case len(ways) > 0:
			b.paraf(ph.complainWays, joinList(ways, "or"))
			for _, art := range arts {
				g.cov.use(art, fieldsSet("complaints.", r.ComplaintsForm, "form", r.ComplaintsEmail, "email",
					r.ComplaintsPhone, "phone", r.ComplaintsAddress, "address")...)
			}
		case !g.reg.DPO.IsZero():
			b.para(ph.complainDPO)
			for _, art := range arts {
				g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address); the notice refers people to the DPO")
			}
		default:
			for _, art := range arts {
				g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address) and there is no DPO to refer people to")
			}
		}
		b.para(ph.acknowledge)
	}
	a := g.authority
	name := clean(a.Name)
	switch {
	case g.regime == lawfulbasis.UK:
		if name == "" {
			name = ICO().Name
		}
		if g.complaintsLaw {
			b.paraf(ph.regulatorS165, name)
		} else {
			b.paraf(ph.regulatorUK, name)
		}
		if ways := contactWays("", a.Phone, a.Address, a.Website, "online at "); len(ways) > 0 {
			b.paraf(ph.regulatorWays, joinList(ways, "or"))
		}
	default:
		b.para(ph.regulatorEU)
		if g.hasAuthority && name != "" {
			b.paraf(ph.regulatorLead, name)
			if ways := contactWays("", a.Phone, a.Address, a.Website, "online at "); len(ways) > 0 {
				b.paraf(ph.regulatorWays, joinList(ways, "or"))
			}
		} else {
			g.cov.notApplicable("13(2)(d)", "stated generically: no lead authority was given (see Authority)")
		}
	}
	g.cov.use("13(2)(d)")
	g.section(2, ph.complainHeading, b...)
}

// notIndirect is the reason the Art 14 items do not apply.
const notIndirect = "not applicable: no data are recorded as coming from a third party or a public source"

// indirect reports whether some audience data come from a third party or a
// public source (Art 14).
func (g *gen) indirect() bool {
	for _, a := range g.acts {
		for _, s := range a.Sources {
			if s.Kind.Indirect() {
				return true
			}
		}
	}
	return false
}

func (g *gen) changes() {
	var b blocks
	b.paraf(g.ph.updated, g.at.Format("2 January 2006"))
	if v := clean(g.reg.Version); v != "" {
		b.paraf(g.ph.version, v)
	}
	if !g.indirect() {
		g.cov.notApplicable("14(1)(d)", notIndirect)
		g.cov.notApplicable("14(2)(f)", notIndirect)
	} else {
		cats := false
		for _, a := range g.acts {
			if slices.ContainsFunc(a.Sources, func(s ropa.Source) bool { return s.Kind.Indirect() }) {
				if len(a.DataCategories) > 0 {
					cats = true
				} else {
					g.cov.miss("14(1)(d)", fmt.Sprintf("activity %q obtains data from other sources but records no data categories", a.ID))
				}
			}
		}
		if cats {
			g.cov.use("14(1)(d)", "activities[].dataCategories")
		}
	}
	g.cov.finish(g)
	g.section(2, g.ph.changesHeading, b...)
}
