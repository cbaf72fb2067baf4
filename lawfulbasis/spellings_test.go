package lawfulbasis

import (
	"strings"
	"testing"

	"github.com/article30/article30/internal/enum"
)

// Every spelling parses back to its value, the slug comes first, and a
// citation still parses with citation words around it.
func TestSpellings(t *testing.T) {
	t.Parallel()
	type value interface {
		String() string
		Spellings() []string
	}
	check := func(kind string, v value, parse func(string) (value, error)) {
		t.Helper()
		sp := v.Spellings()
		if len(sp) == 0 || sp[0] != v.String() {
			t.Errorf("%s %v: Spellings() = %q, want the slug first", kind, v, sp)
		}
		for _, s := range sp {
			got, err := parse(s)
			if err != nil || got != v {
				t.Errorf("%s %v: parsing its spelling %q gives %v, %v", kind, v, s, got, err)
			}
		}
	}
	for _, v := range Bases() {
		check("basis", v, func(s string) (value, error) { return ParseBasis(s) })
	}
	for _, v := range Annex1s() {
		check("annex1", v, func(s string) (value, error) { return ParseAnnex1(s) })
	}
	for _, v := range Conditions() {
		check("condition", v, func(s string) (value, error) { return ParseCondition(s) })
	}
	for _, v := range Schedule1s() {
		check("schedule1", v, func(s string) (value, error) { return ParseSchedule1(s) })
	}
	for _, v := range Mechanisms() {
		check("mechanism", v, func(s string) (value, error) { return ParseMechanism(s) })
	}
	for _, v := range Regimes() {
		check("regime", v, func(s string) (value, error) { return ParseRegime(s) })
	}
	if sp := Basis(0).Spellings(); sp != nil {
		t.Errorf("Basis(0).Spellings() = %q, want none", sp)
	}

	var noise []string
	for _, w := range CitationWords() {
		if enum.CiteNoise[w] {
			noise = append(noise, w)
		} else if enum.CiteWords[w] == "" {
			t.Errorf("CitationWords() has %q, which the parser neither ignores nor folds", w)
		}
	}
	words := strings.Join(noise, " ")
	for _, in := range []string{"6(1)(f) " + words, words + " 6(1)(f)", "Article 6(1)(f) of the UK GDPR"} {
		if b, err := ParseBasis(in); err != nil || b != LegitimateInterests {
			t.Errorf("ParseBasis(%q) = %v, %v; want legitimate-interests", in, b, err)
		}
	}
	if s, err := ParseSchedule1("Schedule 1 Part 2 paragraph 8"); err != nil || s != Sch1EqualityOfOpportunity {
		t.Errorf("ParseSchedule1(long form) = %v, %v; want equality-of-opportunity", s, err)
	}
}
