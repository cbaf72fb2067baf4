package lawfulbasis

import (
	"maps"
	"slices"

	"github.com/article30/article30/internal/enum"
)

// spellings lists what the table's parser reads as v: the slug, the title,
// the citations, the other names and the DPV IRIs.
func (t *table[T]) spellings(v T) []string {
	if !t.valid(v) {
		return nil
	}
	inf := t.infos[v]
	out := []string{inf.slug, inf.title}
	for _, s := range append([]string{inf.uk, inf.eu}, inf.keys...) {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	// A citation's provision alone, where it names v only.
	for _, c := range []string{inf.uk, inf.eu} {
		if p := enum.Provision(c); p != c && !slices.Contains(out, p) {
			if w, ok := t.enum.Find(p); ok && w == int(v) {
				out = append(out, p)
			}
		}
	}
	return append(out, inf.dpv...)
}

// Spellings returns the texts [ParseBasis] reads as b, the slug first: its
// name, its citations under each regime, its other names and its DPV IRIs.
// The parser also reads them in any case, with any spacing and
// punctuation, and a citation with any of the [CitationWords]. It is for
// tools that describe the accepted input, such as a JSON Schema; an
// invalid b has none.
func (b Basis) Spellings() []string { return bases.spellings(b) }

// Spellings returns the texts [ParseAnnex1] reads as a, as
// [Basis.Spellings] does for a basis.
func (a Annex1) Spellings() []string { return annex1s.spellings(a) }

// Spellings returns the texts [ParseCondition] reads as c, as
// [Basis.Spellings] does for a basis.
func (c Condition) Spellings() []string { return conditions.spellings(c) }

// Spellings returns the texts [ParseSchedule1] reads as s, as
// [Basis.Spellings] does for a basis.
func (s Schedule1) Spellings() []string { return schedule1s.spellings(s) }

// Spellings returns the texts [ParseMechanism] reads as m, as
// [Basis.Spellings] does for a basis.
func (m Mechanism) Spellings() []string { return mechanisms.spellings(m) }

// Spellings returns the texts [ParseRegime] reads as r, the slug first, in
// any case and with any spacing and punctuation. Citation words are not
// read in a regime.
func (r Regime) Spellings() []string {
	switch r {
	case UK:
		return []string{"uk", "UK GDPR", "United Kingdom"}
	case EU:
		return []string{"eu", "GDPR", "EU GDPR"}
	}
	return nil
}

// CitationWords returns, sorted, the words the Parse functions of lawful
// bases, conditions and transfer mechanisms read in a citation without
// their naming a provision ("UK", "GDPR", "Article", "of", "the", ...)
// and the long forms of the words that do ("Schedule" for "Sch",
// "paragraph" for "para", ...). They may stand anywhere in the text:
// "Article 6(1)(f) of the UK GDPR" reads as 6(1)(f).
func CitationWords() []string {
	w := slices.Concat(slices.Collect(maps.Keys(enum.CiteNoise)), slices.Collect(maps.Keys(enum.CiteWords)))
	slices.Sort(w)
	return w
}
