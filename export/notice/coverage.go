package notice

import (
	"slices"
	"strings"

	"github.com/article30/article30/lawfulbasis"
)

// tracker records, while a notice is generated, which register fields fill
// each Art 13/14 item and what is missing.
type tracker struct {
	order []string
	byArt map[string]*track
	last  *track // of the last call to track
}

type track struct {
	Item
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
	defs := []struct{ art, req string }{
		{"13(1)(a)", "identity and contact details of the controller and, where applicable, its representative"},
		{"13(1)(b)", "contact details of the data protection officer, where applicable"},
		{"13(1)(c)", "purposes of the processing and the lawful basis for each"},
		{"13(1)(d)", "legitimate interests pursued, where the basis is legitimate interests"},
		{"13(1)(e)", "recipients or categories of recipients"},
		{"13(1)(f)", transfers},
		{"13(2)(a)", "how long the data are kept, or the criteria used to decide"},
		{"13(2)(b)", "rights of access, rectification, erasure, restriction, objection and portability"},
		{"13(2)(c)", "right to withdraw consent, where consent is relied on"},
		{"13(2)(ca)", "right to complain to the controller (DPA 2018 s164A)"},
		{"13(2)(d)", regulator},
		{"13(2)(e)", "whether providing the data is a statutory or contractual requirement, and what happens if it is not provided"},
		{"13(2)(f)", adm},
		{"14(1)(d)", "categories of personal data obtained from other sources"},
		{"14(2)(f)", "the sources of the data, and whether they are publicly accessible"},
		{"14(2)(da)", "right to complain to the controller (DPA 2018 s164A), where data come from other sources"},
	}
	t := &tracker{byArt: map[string]*track{}}
	for _, d := range defs {
		if (d.art == "13(2)(ca)" || d.art == "14(2)(da)") && !complaints {
			continue
		}
		t.order = append(t.order, d.art)
		t.byArt[d.art] = &track{Item: Item{Article: d.art, Requirement: d.req}}
	}
	return t
}

// track returns the item of an article, or nil; the last one asked for
// is kept, as calls come in runs.
func (t *tracker) track(art string) *track {
	if t.last != nil && t.last.Article == art {
		return t.last
	}
	it := t.byArt[art]
	if it != nil {
		t.last = it
	}
	return it
}

// use records register fields that fill an item.
func (t *tracker) use(art string, fields ...string) {
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
func (t *tracker) miss(art, reason string) {
	if it := t.track(art); it != nil && !slices.Contains(it.missing, reason) {
		it.missing = append(it.missing, reason)
	}
}

// notApplicable marks an item that does not apply, with the reason.
func (t *tracker) notApplicable(art, reason string) {
	if it := t.byArt[art]; it != nil {
		it.na = reason
	}
}

// finish settles the items nothing filled or marked.
func (t *tracker) finish(g *gen) {
	untouched := func(art string) bool {
		it := t.byArt[art]
		return it != nil && !it.Filled && it.na == "" && len(it.missing) == 0
	}
	if untouched("13(1)(d)") {
		t.notApplicable("13(1)(d)", "not applicable: no purpose relies on legitimate interests")
	}
	if untouched("13(1)(e)") {
		t.miss("13(1)(e)", "no recipients are recorded for this audience, so the notice says nothing about sharing")
	}
	if untouched("13(1)(f)") {
		t.miss("13(1)(f)", "the register records neither transfers for this audience nor that there are none")
	}
	if untouched("13(2)(a)") {
		t.miss("13(2)(a)", "no retention periods are recorded for this audience")
	}
	if untouched("13(2)(e)") {
		t.notApplicable("13(2)(e)", "not applicable: no data are collected from the people themselves")
	}
	if untouched("13(1)(c)") {
		t.miss("13(1)(c)", "no purposes are recorded for this audience")
	}
}

// items returns the settled coverage.
func (t *tracker) items() []Item {
	out := make([]Item, 0, len(t.order))
	for _, art := range t.order {
		it := t.byArt[art]
		item := it.Item
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
