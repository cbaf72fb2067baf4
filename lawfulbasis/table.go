package lawfulbasis

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/parse"
)

// ErrUnknown is the sentinel under every [parse.Error]: the text named no
// value of the type being parsed. It is [parse.ErrUnknown].
var ErrUnknown = parse.ErrUnknown

// ErrUnavailable is the sentinel under every [UnavailableError]: the value
// exists, but not under that regime on that date.
var ErrUnavailable = errors.New("lawfulbasis: not available")

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
// invalid zero value. The spellings are looked up by the module's one
// table, [enum.Table].
type table[T ~uint8] struct {
	kind  string
	infos []info
	enum  *enum.Table
}

func newTable[T ~uint8](kind, hint string, infos []info) *table[T] {
	entries := make([]enum.Entry, len(infos))
	for i := 1; i < len(infos); i++ {
		inf := infos[i]
		keys := slices.Clone(inf.keys)
		for _, iri := range inf.dpv {
			keys = append(keys, strings.ToLower(iri))
		}
		entries[i] = enum.Entry{Slug: inf.slug, Title: inf.title, Keys: keys, Cites: []string{inf.uk, inf.eu}}
	}
	return &table[T]{kind: kind, infos: infos, enum: enum.New(kind, hint, entries)}
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

func (t *table[T]) slugs() []string { return t.enum.Slugs() }

func (t *table[T]) parse(s string) (T, error) {
	i, err := t.enum.Lookup(s)
	return T(i), err
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

// key is the spelling-insensitive form of a slug or name.
func key(s string) string { return enum.NameKey(s) }

// citeKey is the form of a citation with its noise words dropped.
func citeKey(s string) string { return enum.CiteKey(s) }
