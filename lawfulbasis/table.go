package lawfulbasis

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/match"
)

// ErrUnknown is the sentinel under every [ParseError]: the text named no
// value of the type being parsed.
var ErrUnknown = errors.New("lawfulbasis: unknown value")

// ErrUnavailable is the sentinel under every [UnavailableError]: the value
// exists, but not under that regime on that date.
var ErrUnavailable = errors.New("lawfulbasis: not available")

// ParseError reports text that names no value of a type. Its message lists
// what is accepted and, where the text is close to a slug, suggests it.
type ParseError struct {
	Kind     string   // what was being parsed, e.g. "lawful basis"
	Value    string   // the text as given
	Accepted []string // the slugs accepted
	Hint     string   // other accepted forms, e.g. "a citation such as 6(1)(f)"
	Suggest  string   // the nearest slug, if any is close
	// Ambiguous is true when Value is a citation of a provision that
	// several values rely on; Accepted then lists them.
	Ambiguous bool
}

// Error reads like `unknown lawful basis "consnet" (did you mean "consent"?);
// accepted: consent, contract, ...`, or for an ambiguous citation like
// `transfer mechanism "46(2)(d)" is cited by more than one transfer
// mechanism; write one of: idta, uk-addendum`.
func (e *ParseError) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("%s %q is cited by more than one %s; write one of: %s", e.Kind, e.Value, e.Kind, strings.Join(e.Accepted, ", "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.Kind, e.Value)
	if e.Suggest != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", e.Suggest)
	}
	b.WriteString("; accepted: ")
	b.WriteString(strings.Join(e.Accepted, ", "))
	if e.Hint != "" {
		b.WriteString("; or ")
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Unwrap returns [ErrUnknown].
func (e *ParseError) Unwrap() error { return ErrUnknown }

// Span is a stretch of time during which a legal value holds under one
// regime. From is the first day it holds (zero: from the start); Until is
// the first day it no longer holds (zero: still in force). Note says where
// the dates come from.
type Span struct {
	Regime Regime
	From   time.Time
	Until  time.Time
	Note   string
}

// Contains reports whether the span holds under r on the day of at.
func (s Span) Contains(r Regime, at time.Time) bool {
	if s.Regime != r {
		return false
	}
	d := day(at)
	if !s.From.IsZero() && d.Before(day(s.From)) {
		return false
	}
	if !s.Until.IsZero() && !d.Before(day(s.Until)) {
		return false
	}
	return true
}

// UnavailableError reports a value that does not hold under a regime on a
// date, with the reason drawn from the law's dates.
type UnavailableError struct {
	Value  string    // the value's slug
	Regime Regime    // the regime asked about
	At     time.Time // the date asked about
	Reason string    // why, with the source
}

// Error reads like `privacy-shield is not available under the uk regime on
// 2020-08-01: ...`.
func (e *UnavailableError) Error() string {
	msg := fmt.Sprintf("%s is not available under the %v regime on %s", e.Value, e.Regime, e.At.Format(time.DateOnly))
	if e.Reason != "" {
		msg += ": " + e.Reason
	}
	return msg
}

// Unwrap returns [ErrUnavailable].
func (e *UnavailableError) Unwrap() error { return ErrUnavailable }

// availability is the common implementation of the Available and
// CheckAvailable methods.
func availability(slug string, spans []Span, r Regime, at time.Time) error {
	var reason string
	for _, s := range spans {
		if s.Contains(r, at) {
			return nil
		}
		if s.Regime != r {
			continue
		}
		switch {
		case !s.From.IsZero() && day(at).Before(day(s.From)):
			reason = "in force only from " + s.From.Format("2 January 2006")
		case !s.Until.IsZero():
			reason = "not in force from " + s.Until.Format("2 January 2006")
		}
		if s.Note != "" {
			reason += " (" + s.Note + ")"
		}
	}
	if reason == "" {
		var regs []string
		for _, s := range spans {
			regs = append(regs, s.Regime.String())
		}
		if len(regs) == 0 {
			reason = "it is not a value of either regime"
		} else {
			reason = "it exists only under the " + strings.Join(dedupe(regs), " and ") + " regime"
		}
	}
	return &UnavailableError{Value: slug, Regime: r, At: at, Reason: reason}
}

func dedupe(s []string) []string {
	var out []string
	for _, v := range s {
		if len(out) == 0 || out[len(out)-1] != v {
			out = append(out, v)
		}
	}
	return out
}

// info is the data behind one value of an enumeration.
type info struct {
	slug  string
	title string
	plain string   // a plain-English sentence for a notice
	uk    string   // full citation under the UK regime ("" where none)
	eu    string   // full citation under the EU regime ("" where none)
	dpv   []string // W3C DPV IRIs and CURIEs
	keys  []string // further accepted spellings
	spans []Span
}

func (i info) citation(r Regime) string {
	switch r {
	case UK:
		return i.uk
	case EU:
		return i.eu
	}
	return ""
}

// table is the lookup machinery shared by the enumerations: index 0 is the
// invalid zero value.
type table[T ~uint8] struct {
	kind  string
	hint  string
	infos []info
	index map[string]T
	// shared holds the provisions that several values cite, such as UK
	// GDPR Art 46(2)(d) for both the IDTA and the UK Addendum: such a
	// citation alone names no single value.
	shared map[string][]T
}

func newTable[T ~uint8](kind, hint string, infos []info) *table[T] {
	t := &table[T]{kind: kind, hint: hint, infos: infos, index: map[string]T{}}
	add := func(k string, v T) {
		if k == "" {
			return
		}
		if old, ok := t.index[k]; ok && old != v {
			panic(fmt.Sprintf("lawfulbasis: %s key %q names both %s and %s", kind, k, infos[old].slug, infos[v].slug))
		}
		t.index[k] = v
	}
	for i := 1; i < len(infos); i++ {
		v := T(i)
		inf := infos[i]
		add(key(inf.slug), v)
		add(key(inf.title), v)
		add(citeKey(inf.uk), v)
		add(citeKey(inf.eu), v)
		for _, k := range inf.keys {
			add(key(k), v)
			add(citeKey(k), v)
		}
		for _, iri := range inf.dpv {
			add(strings.ToLower(iri), v)
		}
	}
	// A citation that goes on after its provision ("UK GDPR Art 46(2)(d);
	// DPA 2018 s119A (...)") is also read by its provision alone, when
	// that names one value; when it names several, parse says which.
	byProvision := map[string][]T{}
	for i := 1; i < len(infos); i++ {
		for _, c := range []string{infos[i].uk, infos[i].eu} {
			k := citeKey(provision(c))
			if k != "" && !slices.Contains(byProvision[k], T(i)) {
				byProvision[k] = append(byProvision[k], T(i))
			}
		}
	}
	for k, vs := range byProvision {
		if _, ok := t.index[k]; ok {
			continue
		}
		if len(vs) == 1 {
			t.index[k] = vs[0]
			continue
		}
		if t.shared == nil {
			t.shared = map[string][]T{}
		}
		t.shared[k] = vs
	}
	return t
}

// provision is the first provision a citation names: the text before any
// ";" or " (".
func provision(c string) string {
	if i := strings.IndexByte(c, ';'); i >= 0 {
		c = c[:i]
	}
	if i := strings.Index(c, " ("); i >= 0 {
		c = c[:i]
	}
	return c
}

func (t *table[T]) valid(v T) bool { return v > 0 && int(v) < len(t.infos) }

func (t *table[T]) info(v T) info {
	if t.valid(v) {
		return t.infos[v]
	}
	return info{}
}

func (t *table[T]) str(v T, typ string) string {
	if t.valid(v) {
		return t.infos[v].slug
	}
	return fmt.Sprintf("%s(%d)", typ, uint8(v))
}

func (t *table[T]) all() []T {
	out := make([]T, 0, len(t.infos)-1)
	for i := 1; i < len(t.infos); i++ {
		out = append(out, T(i))
	}
	return out
}

func (t *table[T]) slugs() []string {
	out := make([]string, 0, len(t.infos)-1)
	for i := 1; i < len(t.infos); i++ {
		out = append(out, t.infos[i].slug)
	}
	return out
}

func (t *table[T]) parse(s string) (T, error) {
	if v, ok := t.index[strings.ToLower(strings.TrimSpace(s))]; ok {
		return v, nil
	}
	if v, ok := t.index[key(s)]; ok {
		return v, nil
	}
	ck := citeKey(s)
	if v, ok := t.index[ck]; ok {
		return v, nil
	}
	if vs := t.shared[ck]; len(vs) > 0 {
		names := make([]string, len(vs))
		for i, v := range vs {
			names[i] = t.infos[v].slug
		}
		return 0, &ParseError{Kind: t.kind, Value: s, Accepted: names, Ambiguous: true}
	}
	return 0, &ParseError{Kind: t.kind, Value: s, Accepted: t.slugs(), Hint: t.hint, Suggest: t.suggest(s)}
}

func (t *table[T]) marshal(v T, typ string) ([]byte, error) {
	if !t.valid(v) {
		return nil, fmt.Errorf("lawfulbasis: cannot marshal invalid %s(%d)", typ, uint8(v))
	}
	return []byte(t.infos[v].slug), nil
}

func (t *table[T]) unmarshal(dst *T, b []byte) error {
	v, err := t.parse(string(b))
	if err != nil {
		return err
	}
	*dst = v
	return nil
}

// suggest returns the slug nearest to s when it is close enough to be a
// likely typing slip.
func (t *table[T]) suggest(s string) string {
	in := strings.ToLower(strings.TrimSpace(s))
	if in == "" {
		return ""
	}
	best, bestD := "", 1<<30
	for i := 1; i < len(t.infos); i++ {
		for _, cand := range []string{t.infos[i].slug, strings.ToLower(t.infos[i].title)} {
			if d := match.Distance(in, cand); d < bestD {
				best, bestD = t.infos[i].slug, d
			}
		}
	}
	limit := len([]rune(in)) / 3
	if limit < 1 {
		limit = 1
	}
	if bestD <= limit {
		return best
	}
	return ""
}

// key is the spelling-insensitive form of a slug or name: "Legitimate
// interests", "legitimate_interests" and "legitimate-interests" share one.
func key(s string) string { return strings.Join(match.Tokens(s), ".") }

// citeNoise are the words a citation may carry that do not identify the
// provision; citeWords folds the long forms of the words that do.
var (
	citeNoise = map[string]bool{"uk": true, "eu": true, "gdpr": true, "article": true, "art": true, "arts": true,
		"dpa": true, "2018": true, "data": true, "protection": true, "act": true, "regulation": true, "of": true, "the": true}
	citeWords = map[string]string{"schedule": "sch", "part": "pt", "paragraph": "para", "paras": "para", "section": "s"}
)

// citeKey is the form of a citation with its noise words dropped: "UK GDPR
// Art 6(1)(f)", "Article 6(1)(f)", "art. 6.1.f" and "6(1)(f)" share one.
func citeKey(s string) string { return match.Key(s, citeNoise, citeWords) }
