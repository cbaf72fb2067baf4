package notice

import (
	"slices"
	"strconv"
	"strings"

	"github.com/article30/article30/lawfulbasis"
)

// article is an information item of Articles 13 and 14. Its constants
// are its only values, so that an item misspelt where the generator
// records coverage does not compile; [article.String] is the point as
// [CoverageItem.Article] gives it (art13_1a).
type article int

// The items of Articles 13 and 14, in the order Coverage lists them.
const (
	art13_1a  article = iota + 1 // Art 13(1)(a)
	art13_1b                     // Art 13(1)(b)
	art13_1c                     // Art 13(1)(c)
	art13_1d                     // Art 13(1)(d)
	art13_1e                     // Art 13(1)(e)
	art13_1f                     // Art 13(1)(f)
	art13_2a                     // Art 13(2)(a)
	art13_2b                     // Art 13(2)(b)
	art13_2c                     // Art 13(2)(c)
	art13_2ca                    // Art 13(2)(ca)
	art13_2d                     // Art 13(2)(d)
	art13_2e                     // Art 13(2)(e)
	art13_2f                     // Art 13(2)(f)
	art14_1d                     // Art 14(1)(d)
	art14_2f                     // Art 14(2)(f)
	art14_2da                    // Art 14(2)(da)
)

// articleNames are the points of the items, by article.
var articleNames = [...]string{
	art13_1a:  "13(1)(a)",
	art13_1b:  "13(1)(b)",
	art13_1c:  "13(1)(c)",
	art13_1d:  "13(1)(d)",
	art13_1e:  "13(1)(e)",
	art13_1f:  "13(1)(f)",
	art13_2a:  "13(2)(a)",
	art13_2b:  "13(2)(b)",
	art13_2c:  "13(2)(c)",
	art13_2ca: "13(2)(ca)",
	art13_2d:  "13(2)(d)",
	art13_2e:  "13(2)(e)",
	art13_2f:  "13(2)(f)",
	art14_1d:  "14(1)(d)",
	art14_2f:  "14(2)(f)",
	art14_2da: "14(2)(da)",
}

// String returns the point of the article, such as art13_1a.
func (a article) String() string {
	if a > 0 && int(a) < len(articleNames) {
		return articleNames[a]
	}
	return "article(" + strconv.Itoa(int(a)) + ")"
}

// tracker records, while a notice is generated, which register fields fill
// each Art 13/14 item and what is missing.
type tracker struct {
	order []article
	byArt map[article]*track
	last  *track // of the last call to track
}

type track struct {
	CoverageItem
	art     article
	missing []string
	na      string
}

// newTracker lists the items that apply under regime r: Art 13(2)(ca) and
// 14(2)(da) only under the UK regime from 19 June 2026 (DUAA Sch 10).
func newTracker(r lawfulbasis.Regime, complaints, ukNew bool) *tracker {
	transfers := "transfers to third countries, with the adequacy decision or the appropriate safeguards relied on"
	if ukNew {
		transfers = "transfers to third countries: whether approved by regulations under Article 45A, or the safeguards relied on"
	}
	regulator := "right to complain to a supervisory authority"
	if complaints {
		regulator = "right to complain to the Commissioner (DPA 2018 s165)"
	}
	adm := "automated decision-making, including profiling, with meaningful information about the logic and consequences"
	if ukNew {
		adm = "automated decision-making subject to the Article 22C safeguards, with meaningful information about the logic and consequences"
	}
	defs := []struct {
		art article
		req string
	}{
		{art13_1a, "identity and contact details of the controller and, where applicable, its representative"},
		{art13_1b, "contact details of the data protection officer, where applicable"},
		{art13_1c, "purposes of the processing and the lawful basis for each"},
		{art13_1d, "legitimate interests pursued, where the basis is legitimate interests"},
		{art13_1e, "recipients or categories of recipients"},
		{art13_1f, transfers},
		{art13_2a, "how long the data are kept, or the criteria used to decide"},
		{art13_2b, "rights of access, rectification, erasure, restriction, objection and portability"},
		{art13_2c, "right to withdraw consent, where consent is relied on"},
		{art13_2ca, "right to complain to the controller (DPA 2018 s164A)"},
		{art13_2d, regulator},
		{art13_2e, "whether providing the data is a statutory or contractual requirement, and what happens if it is not provided"},
		{art13_2f, adm},
		{art14_1d, "categories of personal data obtained from other sources"},
		{art14_2f, "the sources of the data, and whether they are publicly accessible"},
		{art14_2da, "right to complain to the controller (DPA 2018 s164A), where data come from other sources"},
	}
	t := &tracker{byArt: map[article]*track{}}
	for _, d := range defs {
		if (d.art == art13_2ca || d.art == art14_2da) && !complaints {
			continue
		}
		t.order = append(t.order, d.art)
		t.byArt[d.art] = &track{CoverageItem: CoverageItem{Article: d.art.String(), Requirement: d.req}, art: d.art}
	}
	return t
}

// track returns the item of an article, or nil; the last one asked for
// is kept, as calls come in runs.
func (t *tracker) track(art article) *track {
	if t.last != nil && t.last.art == art {
		return t.last
	}
	it := t.byArt[art]
	if it != nil {
		t.last = it
	}
	return it
}

// use records register fields that fill an item.
func (t *tracker) use(art article, fields ...string) {
	it := t.track(art)
	if it == nil {
		return
	}
	it.Filled = true
	for _, f := range fields {
		if !slices.Contains(it.Fields, f) {
			it.Fields = append(it.Fields, f)
		}
	}
}

// miss records why an item is not filled.
func (t *tracker) miss(art article, reason string) {
	if it := t.track(art); it != nil && !slices.Contains(it.missing, reason) {
		it.missing = append(it.missing, reason)
	}
}

// notApplicable marks an item that does not apply, with the reason.
func (t *tracker) notApplicable(art article, reason string) {
	if it := t.byArt[art]; it != nil {
		it.na = reason
	}
}

// finish settles the items nothing filled or marked.
func (t *tracker) finish(g *gen) {
	untouched := func(art article) bool {
		it := t.byArt[art]
		return it != nil && !it.Filled && it.na == "" && len(it.missing) == 0
	}
	if untouched(art13_1d) {
		t.notApplicable(art13_1d, "not applicable: no purpose relies on legitimate interests")
	}
	if untouched(art13_1e) {
		t.miss(art13_1e, "no recipients are recorded for this audience, so the notice says nothing about sharing")
	}
	if untouched(art13_1f) {
		t.miss(art13_1f, "the register records neither transfers for this audience nor that there are none")
	}
	if untouched(art13_2a) {
		t.miss(art13_2a, "no retention periods are recorded for this audience")
	}
	if untouched(art13_2e) {
		t.notApplicable(art13_2e, "not applicable: no data are collected from the people themselves")
	}
	if untouched(art13_1c) {
		t.miss(art13_1c, "no purposes are recorded for this audience")
	}
}

// items returns the settled coverage.
func (t *tracker) items() []CoverageItem {
	out := make([]CoverageItem, 0, len(t.order))
	for _, art := range t.order {
		it := t.byArt[art]
		item := it.CoverageItem
		switch {
		case len(it.missing) > 0:
			item.Filled = false
			item.Reason = strings.Join(it.missing, "; ")
		case it.na != "":
			item.Filled = true
			item.Reason = it.na
		}
		out = append(out, item)
	}
	return out
}
