// How long we keep information (Art 13(2)(a), 14(2)(a)).

package notice

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

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
	schedule := clean(r.Schedule)
	if s := r.Rule.Sentence(); s != "" && !statesPeriods(schedule, r.Rule) {
		parts = append(parts, sprintf(g.ph.keepIt, s))
	}
	if schedule != "" {
		parts = append(parts, capitalise(sentence(schedule)))
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
				// A rule of this activity with the same text is a
				// repeat. The activity's entries are the last ones,
				// since the views are taken one at a time: the others
				// need not be looked at (that made a category of a
				// group of many activities quadratic).
				dup := false
				for i := len(cr.entries) - 1; i >= 0 && entries[cr.entries[i]].ai == ai; i-- {
					if entries[cr.entries[i]].text == text {
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
	clear(g.memoIndex)
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
	table := Table{Header: g.ph.retentionHeader[:], Rows: g.rows(pairs)}
	g.section(3, g.ph.retentionHeading, table)
}

// memoCell returns the cell for the rules of entries (indexes in all),
// which key identifies, working it out once in each group.
func (g *gen) memoCell(key []byte, entries []int, all []retEntry, multi bool) string {
	// A few cells are looked for in order; past that, in a map, so that a
	// group of many activities does not compare each key with all before.
	if len(g.memo) <= memoScan {
		for _, m := range g.memo {
			if string(g.memoKeys[m.start:m.end]) == string(key) {
				return m.text
			}
		}
	} else {
		if g.memoIndex == nil {
			g.memoIndex = make(map[string]int, 2*len(g.memo))
		}
		if len(g.memoIndex) == 0 {
			for i, m := range g.memo {
				g.memoIndex[string(g.memoKeys[m.start:m.end])] = i
			}
		}
		if i, ok := g.memoIndex[string(key)]; ok {
			return g.memo[i].text
		}
	}
	text := g.cell(entries, all, multi)
	start := len(g.memoKeys)
	g.memoKeys = append(g.memoKeys, key...)
	g.memo = append(g.memo, memoEntry{start, len(g.memoKeys), text})
	if len(g.memoIndex) > 0 {
		g.memoIndex[string(key)] = len(g.memo) - 1
	}
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
	var seen map[string]bool // the texts in done, once there are many
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
		if len(done) < memoScan {
			for _, d := range done {
				if string(buf[d[0]:d[1]]) == string(p) {
					buf = buf[:start]
					continue next
				}
			}
		} else {
			if seen == nil {
				seen = make(map[string]bool, 2*len(done))
				for _, d := range done {
					seen[string(buf[d[0]:d[1]])] = true
				}
			}
			if seen[string(p)] {
				buf = buf[:start]
				continue next
			}
			seen[string(p)] = true
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

// memoScan is the number of retention cells looked for in order before
// they are indexed by key.
const memoScan = 16

// statesPeriods reports whether the register's own schedule text already
// states every period of the rule ("for 6 years", "12 months", "five more
// years"), so that the notice says it once, in the organisation's words,
// rather than the rule's sentence and then the schedule saying the same
// (issue 17: generated sentences do not repeat the register's public
// text). A rule without a period (kept until an event, or with no end)
// is never taken as stated: its sentence is always given.
func statesPeriods(schedule string, r retention.Rule) bool {
	if schedule == "" || r.Period.IsZero() {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(schedule), func(c rune) bool {
		return !unicode.IsLetter(c) && !unicode.IsDigit(c)
	})
	periods := []retention.Period{r.Period}
	for _, o := range r.Overrides {
		periods = append(periods, o.Period)
	}
	for _, p := range periods {
		for _, part := range []struct {
			n    int
			unit string
		}{{p.Years, "year"}, {p.Months, "month"}, {p.Days, "day"}} {
			if part.n != 0 && !statesAmount(words, part.n, part.unit) {
				return false
			}
		}
	}
	return true
}

// statesAmount reports whether words hold the number n, in digits or in
// words, followed within three words by the unit or its plural.
func statesAmount(words []string, n int, unit string) bool {
	num := strconv.Itoa(n)
	for i, w := range words {
		if w != num && (n >= len(numberWords) || w != numberWords[n]) {
			continue
		}
		for _, u := range words[i+1 : min(len(words), i+4)] {
			if u == unit || u == unit+"s" {
				return true
			}
		}
	}
	return false
}

// numberWords are the numbers a schedule may write in words.
var numberWords = [...]string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"}
