// Package enum is the one lookup table behind every closed set of values in
// the module: lawful bases, Schedule 1 conditions, transfer mechanisms,
// regimes, rights, retention triggers, actions and source kinds, data
// subjects and categories, and the register's enumerations.
//
// A [Table] reads a value from its slug, its title, any further spelling
// and any citation of the provision behind it, in any case and spacing, and
// returns a [*parse.Error] for anything else, with a suggestion drawn from
// the values' words and synonyms as well as from edit distance.
package enum

import (
	"fmt"
	"slices"
	"strings"

	"github.com/article30/article30/internal/match"
	"github.com/article30/article30/parse"
)

// Entry is one value of a closed set.
type Entry struct {
	Slug  string
	Title string
	// Keys are further accepted spellings ("legit interests",
	// "subject access request"); they also feed suggestions.
	Keys []string
	// Cites are citations of the provision behind the value ("UK GDPR Art
	// 6(1)(f)"). A citation that goes on after its provision ("...; DPA
	// 2018 s119A") is also read by its provision alone when that names one
	// value; when several values cite it, Lookup says which.
	Cites []string
}

// Table looks values up. Index i of its entries is the value returned for
// them by [Table.Lookup]; an empty Slug marks an unused index (such as a
// type's invalid zero value).
type Table struct {
	kind    string
	hint    string
	entries []Entry
	index   map[string]int
	shared  map[string][]int
}

// New builds a table for the values of kind ("lawful basis"). hint names
// the other accepted forms for error messages ("a citation such as
// 6(1)(f)"). It panics if one spelling names two values: the tables are
// written in the source, so that is a programming error caught by any test.
func New(kind, hint string, entries []Entry) *Table {
	t := &Table{kind: kind, hint: hint, entries: entries, index: map[string]int{}}
	add := func(k string, i int) {
		if k == "" {
			return
		}
		if old, ok := t.index[k]; ok && old != i {
			panic(fmt.Sprintf("enum: %s key %q names both %s and %s", kind, k, entries[old].Slug, entries[i].Slug))
		}
		t.index[k] = i
	}
	for i, e := range entries {
		if e.Slug == "" {
			continue
		}
		add(e.Slug, i)
		add(NameKey(e.Slug), i)
		add(NameKey(e.Title), i)
		for _, c := range e.Cites {
			add(CiteKey(c), i)
		}
		for _, k := range e.Keys {
			add(strings.ToLower(k), i)
			add(NameKey(k), i)
			add(CiteKey(k), i)
		}
	}
	byProvision := map[string][]int{}
	for i, e := range entries {
		for _, c := range e.Cites {
			k := CiteKey(Provision(c))
			if k != "" && !slices.Contains(byProvision[k], i) {
				byProvision[k] = append(byProvision[k], i)
			}
		}
	}
	for k, is := range byProvision {
		if _, ok := t.index[k]; ok {
			continue
		}
		if len(is) == 1 {
			t.index[k] = is[0]
			continue
		}
		if t.shared == nil {
			t.shared = map[string][]int{}
		}
		t.shared[k] = is
	}
	return t
}

// Provision is the first provision a citation names: the text before any
// ";" or " (".
func Provision(c string) string {
	if i := strings.IndexByte(c, ';'); i >= 0 {
		c = c[:i]
	}
	if i := strings.Index(c, " ("); i >= 0 {
		c = c[:i]
	}
	return c
}

// Kind is what the table's values are, e.g. "lawful basis".
func (t *Table) Kind() string { return t.kind }

// Slugs returns the slugs of the used entries, in order.
func (t *Table) Slugs() []string {
	out := make([]string, 0, len(t.entries))
	for _, e := range t.entries {
		if e.Slug != "" {
			out = append(out, e.Slug)
		}
	}
	return out
}

// Lookup returns the index of the entry s names, or a [*parse.Error].
func (t *Table) Lookup(s string) (int, error) {
	if i, ok := t.Find(s); ok {
		return i, nil
	}
	return 0, t.Err(s)
}

// Find returns the index of the entry s names, without building an error.
func (t *Table) Find(s string) (int, bool) {
	if i, ok := t.index[s]; ok {
		return i, true
	}
	if i, ok := t.index[strings.ToLower(strings.TrimSpace(s))]; ok {
		return i, true
	}
	if len(s) > 1000 {
		return 0, false
	}
	if i, ok := t.index[NameKey(s)]; ok {
		return i, true
	}
	if i, ok := t.index[CiteKey(s)]; ok {
		return i, true
	}
	return 0, false
}

// Err is the error for text s that names no entry (or, for a citation
// several entries share, more than one).
func (t *Table) Err(s string) error {
	if len(s) <= 1000 {
		if is := t.shared[CiteKey(s)]; len(is) > 0 {
			names := make([]string, len(is))
			for n, i := range is {
				names[n] = t.entries[i].Slug
			}
			return &parse.Error{Kind: t.kind, Value: s, Accepted: names, Ambiguous: true}
		}
	}
	return &parse.Error{Kind: t.kind, Value: s, Accepted: t.Slugs(), Hint: t.hint, Suggest: t.Suggest(s)}
}

// Suggest returns the slug s most likely meant, or "". It tries, in
// order: the words of s against the words of each value's slug, title and
// synonyms, each word of s matching a word that it starts or that it is one
// slip from ("legit interests" gives legitimate-interests); then the edit
// distance of the whole text, within a third of its length ("consnet"
// gives consent).
func (t *Table) Suggest(s string) string {
	in := strings.ToLower(strings.TrimSpace(s))
	if in == "" || len(in) > 100 {
		return ""
	}
	if slug := t.byWords(in); slug != "" {
		return slug
	}
	best, bestD := "", 1<<30
	for _, e := range t.entries {
		if e.Slug == "" {
			continue
		}
		for _, cand := range t.spellings(e) {
			if d := match.Distance(in, cand); d < bestD {
				best, bestD = e.Slug, d
			}
		}
	}
	if bestD <= max(1, len([]rune(in))/3) {
		return best
	}
	return ""
}

func (t *Table) spellings(e Entry) []string {
	out := []string{e.Slug, strings.ToLower(e.Title)}
	for _, k := range e.Keys {
		out = append(out, strings.ToLower(k))
	}
	return out
}

// byWords returns the one slug whose spellings cover every word of in, the
// value with the fewest extra words winning; "" when none does or two tie.
func (t *Table) byWords(in string) string {
	words := match.Tokens(in)
	if len(words) == 0 {
		return ""
	}
	best, bestExtra, tie := "", 1<<30, false
	for _, e := range t.entries {
		if e.Slug == "" {
			continue
		}
		extra := -1
		for _, sp := range t.spellings(e) {
			cand := match.Tokens(sp)
			if covers(words, cand) && (extra < 0 || len(cand)-len(words) < extra) {
				extra = len(cand) - len(words)
			}
		}
		switch {
		case extra < 0:
		case extra < bestExtra:
			best, bestExtra, tie = e.Slug, extra, false
		case extra == bestExtra && best != e.Slug:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}

// covers reports whether each word of words matches a distinct word of
// cand: equal, a prefix of at least three letters, or, for words of five
// letters or more, one edit away.
func covers(words, cand []string) bool {
	used := make([]bool, len(cand))
	for _, w := range words {
		found := false
		for j, c := range cand {
			if used[j] {
				continue
			}
			if w == c || len(w) >= 3 && strings.HasPrefix(c, w) || len(w) >= 5 && match.Distance(w, c) <= 1 {
				used[j], found = true, true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// NameKey is the spelling-insensitive form of a slug or name: "Legitimate
// interests", "legitimate_interests" and "LEGITIMATE-INTERESTS" share one.
func NameKey(s string) string { return strings.Join(match.Tokens(s), ".") }

// CiteNoise are the words a citation may carry that do not identify the
// provision; CiteWords folds the long forms of the words that do.
var (
	CiteNoise = map[string]bool{"uk": true, "eu": true, "gdpr": true, "article": true, "articles": true,
		"art": true, "arts": true, "dpa": true, "2018": true, "data": true, "protection": true, "act": true,
		"regulation": true, "of": true, "the": true, "and": true, "to": true}
	CiteWords = map[string]string{"schedule": "sch", "part": "pt", "paragraph": "para", "paras": "para",
		"section": "s", "sec": "s", "ss": "s"}
)

// CiteKey is the form of a citation with its noise words dropped: "UK GDPR
// Art 6(1)(f)", "Article 6(1)(f)", "art. 6.1.f" and "6(1)(f)" share one.
func CiteKey(s string) string { return match.Key(s, CiteNoise, CiteWords) }

// Of builds a table of plain slugs, such as the conditions a register
// declares, skipping empty and repeated ones.
func Of(kind string, slugs []string) *Table {
	var entries []Entry
	seen := map[string]bool{}
	for _, s := range slugs {
		if s != "" && !seen[s] {
			seen[s] = true
			entries = append(entries, Entry{Slug: s})
		}
	}
	return New(kind, "", entries)
}
