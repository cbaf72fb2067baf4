package ico

// This file reads the lawful bases, Article 9 conditions and DPA 2018
// Schedule 1 conditions.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/article30/article30/export/xlsx/internal/tpl"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// citationRE finds a citation such as "6(1)(e)" or "9(2)(g)" in free text.
var citationRE = regexp.MustCompile(`\d+\s*\(\s*\d+\s*\)\s*\(\s*[a-zA-Z]{1,2}\s*\)`)

// paragraphRE finds a Schedule 1 paragraph such as "para 18" or "paragraph 10(2)".
var paragraphRE = regexp.MustCompile(`(?i)\bpara(?:graph)?s?\.?\s*(\d{1,2}(?:\s*\(\s*\d\s*\))?)`)

// parseValue reads a typed value from free text: the whole text, the text
// before a parenthesis or a dash (the rest returned), or a citation in it.
func parseValue[T comparable](s string, parse func(string) (T, error)) (T, string, error) {
	v, err := parse(s)
	if err == nil {
		return v, "", nil
	}
	var zero T
	rest := func(r string) string {
		r = strings.Trim(strings.TrimSpace(r), "()[]-–—:,;. ")
		if r == "" {
			return ""
		}
		if w, err := parse(r); err == nil && w == v {
			return ""
		}
		return r
	}
	if i := strings.IndexAny(s, "(["); i > 0 {
		if w, e := parse(strings.TrimSpace(s[:i])); e == nil {
			v = w
			return w, rest(s[i:]), nil
		}
	}
	for _, sep := range []string{" - ", " – ", " — ", ": ", " under ", " per ", " for ", ", "} {
		if i := strings.Index(strings.ToLower(s), sep); i > 0 {
			if w, e := parse(strings.TrimSpace(s[:i])); e == nil {
				v = w
				return w, rest(s[i+len(sep):]), nil
			}
		}
	}
	if loc := citationRE.FindStringIndex(s); loc != nil {
		if w, e := parse(s[loc[0]:loc[1]]); e == nil {
			v = w
			return w, rest(s[:loc[0]] + " " + s[loc[1]:]), nil
		}
	}
	if m := paragraphRE.FindStringSubmatchIndex(s); m != nil {
		if w, e := parse("para " + strings.Join(strings.Fields(s[m[2]:m[3]]), "")); e == nil {
			v = w
			return w, rest(s[:m[0]] + " " + s[m[1]:]), nil
		}
	}
	return zero, "", err
}

// exactBy is whether text reads as a value with nothing beside it.
func exactBy[T comparable](parse func(string) (T, error)) func(string) bool {
	return func(s string) bool { _, rest, err := parseValue(s, parse); return err == nil && rest == "" }
}

func knownBy[T comparable](parse func(string) (T, error)) func(string) bool {
	return func(s string) bool { _, _, err := parseValue(s, parse); return err == nil }
}

// bases reads the Article 6 column, with the legitimate interests and the
// assessment.
func (x *rowReader) bases(a *ropa.Activity) {
	if text := x.raw(tpl.ColArticle6); text != "" {
		x.article6(a, text)
	}

	var li []int
	for i, p := range a.Purposes {
		if p.Basis == lawfulbasis.LegitimateInterests {
			li = append(li, i)
		}
	}
	if text := x.raw(tpl.ColLegitimateInterests); text != "" {
		if len(li) == 0 {
			x.note(tpl.ColLegitimateInterests, text, "legitimate interests are given, but no purpose relies on legitimate interests")
		} else if lines := lines(text); len(lines) == len(li) && len(li) > 1 {
			for j, i := range li {
				a.Purposes[i].Interest = lines[j]
			}
		} else {
			for _, i := range li {
				a.Purposes[i].Interest = text
			}
		}
	}
	if ref := x.link(tpl.ColLIA); ref != "" {
		if len(li) == 0 {
			x.note(tpl.ColLIA, ref, "a legitimate interests assessment is given, but no purpose relies on legitimate interests")
		} else if lines := lines(ref); !x.hasLink(tpl.ColLIA) && len(lines) == len(li) && len(li) > 1 {
			for j, i := range li {
				a.Purposes[i].Assessment = lines[j]
			}
		} else {
			for _, i := range li {
				a.Purposes[i].Assessment = ref
			}
		}
	}
}

// conditions reads the Article 9 column.
func (x *rowReader) conditions(a *ropa.Activity) {
	text := x.raw(tpl.ColArticle9)
	loose := false
	for _, it := range enumItemsWhole(text, knownBy(parseCondition), false, exactBy(parseCondition)) {
		c, rest, err := parseValue(it, parseCondition)
		if err != nil {
			x.fail(tpl.ColArticle9, it, err)
			continue
		}
		if rest != "" {
			loose = true
		}
		if !slices.Contains(a.Special.Conditions, c) {
			a.Special.Conditions = append(a.Special.Conditions, c)
		}
	}
	if loose {
		x.note(tpl.ColArticle9, text, "the cell says more than the Article 9 conditions read from it")
	}
}

// schedule1 reads the DPA 2018 Schedule 1 column: Part 3 conditions, and
// any condition of an activity with criminal offence data but no special
// category data, authorise criminal offence data; the others complete an
// Article 9 condition.
func (x *rowReader) schedule1(a *ropa.Activity) {
	text := x.raw(tpl.ColSch1Condition)
	special, criminal := false, false
	for _, c := range a.Categories() {
		special = special || c.Special()
		criminal = criminal || c.Criminal()
	}
	loose := false
	for _, it := range enumItemsWhole(text, knownBy(parseSchedule1), false, exactBy(parseSchedule1)) {
		s, rest, err := parseValue(it, parseSchedule1)
		if err != nil {
			x.fail(tpl.ColSch1Condition, it, err)
			continue
		}
		if rest != "" {
			loose = true
		}
		dst := &a.Special.Schedule1
		if s.Part() == 3 || criminal && !special {
			dst = &a.Criminal.Schedule1
		}
		if !slices.Contains(*dst, s) {
			*dst = append(*dst, s)
		}
	}
	if loose {
		x.note(tpl.ColSch1Condition, text, "the cell says more than the Schedule 1 conditions read from it")
	}
}

// article6 reads the Article 6 column into the purposes' bases: one basis
// for every purpose, or one per purpose in order, or, for a single
// purpose with several bases ("Contract; legal obligation", "Public task /
// contract"), the purpose once per basis. Bases that cannot be paired
// with the purposes are a cell error, their text kept in the notes.
func (x *rowReader) article6(a *ropa.Activity, text string) {
	type parsed struct {
		b    lawfulbasis.Basis
		rest string
	}
	known := knownBy(parseBasis)
	var got []parsed
	bad, loose := false, false
	for _, it := range alternatives(enumItemsWhole(text, known, false, exactBy(parseBasis)), known) {
		b, rest, err := parseValue(it, parseBasis)
		if err != nil {
			x.fail(tpl.ColArticle6, it, err)
			bad = true
			continue
		}
		if rest != "" && !b.NeedsLegalProvision() {
			loose = true
		}
		if !slices.ContainsFunc(got, func(p parsed) bool { return p.b == b && p.rest == rest }) {
			got = append(got, parsed{b, rest})
		}
	}
	set := func(p *ropa.Purpose, v parsed) {
		p.Basis = v.b
		if v.b.NeedsLegalProvision() {
			p.Provision = v.rest
		}
	}
	switch n := len(a.Purposes); {
	case bad:
		return
	case n == 0:
		x.fail(tpl.ColArticle6, text, fmt.Errorf("lawful %s with no purpose of processing to attach %s to: write the purpose in the %q column",
			plural(len(got), "basis", "bases"), plural(len(got), "it", "them"), headingAt(templateLayout.Controller, tpl.ColPurpose)))
		return
	case len(got) == n:
		for i, v := range got {
			set(&a.Purposes[i], v)
		}
	case len(got) == 1:
		for i := range a.Purposes {
			set(&a.Purposes[i], got[0])
		}
	case n == 1:
		// One purpose relying on several bases: the purpose once per basis.
		p := a.Purposes[0]
		a.Purposes = a.Purposes[:0]
		for _, v := range got {
			q := p
			set(&q, v)
			a.Purposes = append(a.Purposes, q)
		}
	default:
		x.fail(tpl.ColArticle6, text, fmt.Errorf("%d lawful bases for %d purposes: which basis is for which purpose cannot be told; "+
			"write one basis per line in the order of the purposes, or one basis for them all", len(got), n))
		return
	}
	if loose {
		x.note(tpl.ColArticle6, text, "the cell says more than the lawful bases read from it")
	}
}

// alternatives splits each item further at "/", "&", "+" and " and "
// when every part is a known value ("Public task / contract").
func alternatives(items []string, known func(string) bool) []string {
	var out []string
	for _, it := range items {
		if known(it) && !strings.ContainsAny(it, "/&+") && !strings.Contains(strings.ToLower(it), " and ") {
			out = append(out, it)
			continue
		}
		parts := strings.FieldsFunc(it, func(r rune) bool { return r == '/' || r == '&' || r == '+' })
		var split []string
		for _, p := range parts {
			split = append(split, splitAnd(p)...)
		}
		all := len(split) > 1
		for i, p := range split {
			split[i] = strings.TrimSpace(p)
			if !known(split[i]) {
				all = false
			}
		}
		if all {
			out = append(out, split...)
		} else {
			out = append(out, it)
		}
	}
	return out
}

// splitAnd splits text at the word "and", any case.
func splitAnd(s string) []string {
	var out []string
	for {
		i := strings.Index(strings.ToLower(s), " and ")
		if i < 0 {
			return append(out, s)
		}
		out = append(out, s[:i])
		s = s[i+len(" and "):]
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
