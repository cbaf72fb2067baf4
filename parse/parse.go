// Package parse holds the one error every parser in the module returns for
// text that names no value of a closed set: a lawful basis, a Schedule 1
// condition, a transfer mechanism, a regime, a right, a retention trigger or
// action, a data subject or category, or any of the register's enumerations.
//
// One errors.As catches them all:
//
//	var pe *parse.Error
//	if errors.As(err, &pe) {
//		fmt.Println(pe.Kind, pe.Value, pe.Suggest)
//	}
//
// and errors.Is(err, parse.ErrUnknown) reports the same.
//
// The type lives in this small leaf package, which imports nothing of the
// module, so that every package — lawfulbasis, rights, retention, ropa and
// the internal lookup table they share — can return it without an import
// cycle, and so that callers can name it (a type in an internal package
// could be returned but not documented or named by callers).
package parse

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknown is the sentinel under every [Error]: the text named no value of
// the type being parsed.
var ErrUnknown = errors.New("unknown value")

// Error reports text that names no value of a closed set. Its message
// lists what is accepted and, where the text is close to a value (by
// spelling, by its words, or by a synonym), suggests it.
type Error struct {
	Kind     string   // what was being parsed, e.g. "lawful basis"
	Value    string   // the text as given
	Accepted []string // the slugs accepted
	Hint     string   // other accepted forms, e.g. "a citation such as 6(1)(f)"
	Suggest  string   // the nearest slug, if any is close
	// Ambiguous is true when Value is a citation of a provision that
	// several values rely on; Accepted then lists them.
	Ambiguous bool
}

// maxListed is how many accepted values the message lists; a longer list
// is summarised by its length (Accepted still holds it whole).
const maxListed = 16

// Error reads like `unknown lawful basis "consnet" (did you mean
// "consent"?); accepted: consent, contract, ...`, or for an ambiguous
// citation like `transfer mechanism "46(2)(d)" is cited by more than one
// transfer mechanism; write one of: idta, uk-addendum`.
func (e *Error) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("%s %q is cited by more than one %s; write one of: %s", e.Kind, e.Value, e.Kind, strings.Join(e.Accepted, ", "))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", e.Kind, e.Value)
	if e.Suggest != "" {
		fmt.Fprintf(&b, " (did you mean %q?)", e.Suggest)
	}
	switch n := len(e.Accepted); {
	case n == 0:
	case n <= maxListed:
		b.WriteString("; accepted: ")
		b.WriteString(strings.Join(e.Accepted, ", "))
	default:
		fmt.Fprintf(&b, "; accepted: one of %d %s slugs", n, e.Kind)
	}
	if e.Hint != "" {
		if len(e.Accepted) > 0 {
			b.WriteString("; or ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(e.Hint)
	}
	return b.String()
}

// Unwrap returns [ErrUnknown].
func (e *Error) Unwrap() error { return ErrUnknown }
