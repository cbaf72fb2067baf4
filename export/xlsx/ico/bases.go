package ico

// This file reads the lawful bases, Article 9 conditions and DPA 2018
// Schedule 1 conditions.

import (
	"regexp"
	"slices"
	"strings"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// icoCitation finds a citation such as "6(1)(e)" or "9(2)(g)" in free text.
var icoCitation = regexp.MustCompile(`\d+\s*\(\s*\d+\s*\)\s*\(\s*[a-zA-Z]{1,2}\s*\)`)

// icoParagraph finds a Schedule 1 paragraph such as "para 18" or "paragraph 10(2)".
var icoParagraph = regexp.MustCompile(`(?i)\bpara(?:graph)?s?\.?\s*(\d{1,2}(?:\s*\(\s*\d\s*\))?)`)

// icoParse reads a typed value from free text: the whole text, the text
// before a parenthesis or a dash (the rest returned), or a citation in it.
func icoParse[T comparable](s string, parse func(string) (T, error)) (T, string, error) {
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
	if loc := icoCitation.FindStringIndex(s); loc != nil {
		if w, e := parse(s[loc[0]:loc[1]]); e == nil {
			v = w
			return w, rest(s[:loc[0]] + " " + s[loc[1]:]), nil
		}
	}
	if m := icoParagraph.FindStringSubmatchIndex(s); m != nil {
		if w, e := parse("para " + strings.Join(strings.Fields(s[m[2]:m[3]]), "")); e == nil {
			v = w
			return w, rest(s[:m[0]] + " " + s[m[1]:]), nil
		}
	}
	return zero, "", err
}

func icoKnown[T comparable](parse func(string) (T, error)) func(string) bool {
	return func(s string) bool { _, _, err := icoParse(s, parse); return err == nil }
}

// bases reads the Article 6 column, with the legitimate interests and the
// assessment.
func (x *icoRow) bases(a *ropa.Activity) {
	text := x.raw(colArticle6)
	if text != "" {
		type parsed struct {
			b    lawfulbasis.Basis
			rest string
		}
		var got []parsed
		bad, loose := false, false
		for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseBasis), false) {
			b, rest, err := icoParse(it, lawfulbasis.ParseBasis)
			if err != nil {
				x.fail(colArticle6, it, err)
				bad = true
				continue
			}
			if rest != "" && !b.NeedsLegalProvision() {
				loose = true
			}
			got = append(got, parsed{b, rest})
		}
		set := func(i int, p parsed) {
			a.Purposes[i].Basis = p.b
			if p.b.NeedsLegalProvision() {
				a.Purposes[i].Provision = p.rest
			}
		}
		switch {
		case bad:
		case len(a.Purposes) > 0 && len(got) == len(a.Purposes):
			for i, p := range got {
				set(i, p)
			}
		case len(a.Purposes) > 0 && len(got) == 1:
			for i := range a.Purposes {
				set(i, got[0])
			}
		default:
			loose = true // bases that cannot be paired with purposes
		}
		if loose {
			x.note(colArticle6, text)
		}
	}

	var li []int
	for i, p := range a.Purposes {
		if p.Basis == lawfulbasis.LegitimateInterests {
			li = append(li, i)
		}
	}
	if text := x.raw(colLegitimateInterests); text != "" {
		if len(li) == 0 {
			x.note(colLegitimateInterests, text)
		} else if lines := icoLines(text); len(lines) == len(li) && len(li) > 1 {
			for j, i := range li {
				a.Purposes[i].Interest = lines[j]
			}
		} else {
			for _, i := range li {
				a.Purposes[i].Interest = text
			}
		}
	}
	if ref := x.link(colLIA); ref != "" {
		if len(li) == 0 {
			x.note(colLIA, ref)
		} else if lines := icoLines(ref); !x.hasLink(colLIA) && len(lines) == len(li) && len(li) > 1 {
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
func (x *icoRow) conditions(a *ropa.Activity) {
	text := x.raw(colArticle9)
	loose := false
	for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseCondition), false) {
		c, rest, err := icoParse(it, lawfulbasis.ParseCondition)
		if err != nil {
			x.fail(colArticle9, it, err)
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
		x.note(colArticle9, text)
	}
}

// schedule1 reads the DPA 2018 Schedule 1 column: Part 3 conditions, and
// any condition of an activity with criminal offence data but no special
// category data, authorise criminal offence data; the others complete an
// Article 9 condition.
func (x *icoRow) schedule1(a *ropa.Activity) {
	text := x.raw(colSch1Condition)
	special, criminal := false, false
	for _, c := range a.Categories() {
		special = special || c.Special()
		criminal = criminal || c.Criminal()
	}
	loose := false
	for _, it := range icoEnumItems(text, icoKnown(lawfulbasis.ParseSchedule1), false) {
		s, rest, err := icoParse(it, lawfulbasis.ParseSchedule1)
		if err != nil {
			x.fail(colSch1Condition, it, err)
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
		x.note(colSch1Condition, text)
	}
}
