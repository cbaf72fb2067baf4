package retention_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/article30/article30/retention"
)

func FuzzParse(f *testing.F) {
	for _, s := range canonical {
		f.Add(s)
	}
	for _, s := range []string{
		"p6y  FROM Termination-Of-Employment",
		"P2W from last-contact",
		"P1Y unless sponsored-visa:P7Y",
		"until end-of-contract from collection",
		"P6X from collection",
		"P6Y source guidance:  a: b ",
		"P1Y2M3W4D aligned 02-29 then anonymize",
		"",
		":",
		"P6Y\u00a0from\u2003collection source policy: x\u00a0",
		"P6Y source statute: \xff\x85 ",
		"indefinite then anonymise source contract:\tclause 7.2\n",
	} {
		f.Add(s)
	}
	from := time.Date(2021, time.June, 30, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		r, err := retention.Parse(s)
		if err != nil {
			var se *retention.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("Parse(%q) error %v is not a *SyntaxError", s, err)
			}
			if se.Offset < 0 || se.Offset > len(s) {
				t.Fatalf("Parse(%q) error offset %d out of range", s, se.Offset)
			}
			return
		}
		if err := r.Validate(); err != nil {
			t.Fatalf("Parse(%q) gave an invalid rule: %v", s, err)
		}
		str := r.String()
		again, err := retention.Parse(str)
		if err != nil {
			t.Fatalf("Parse(%q).String() = %q does not parse: %v", s, str, err)
		}
		if !reflect.DeepEqual(again, r) {
			t.Fatalf("Parse(%q) = %#v\nParse(String()) = %#v", s, r, again)
		}
		if s2 := again.String(); s2 != str {
			t.Fatalf("String not stable: %q then %q", str, s2)
		}
		if b, err := r.MarshalText(); err != nil || string(b) != str {
			t.Fatalf("MarshalText = %q, %v; want %q", b, err, str)
		}
		if r.Sentence() == "" {
			t.Fatalf("Parse(%q).Sentence() is empty", s)
		}
		_, ok := r.Due(from)
		if ok != !r.Period.IsZero() {
			t.Fatalf("Parse(%q).Due ok = %t with period %v", s, ok, r.Period)
		}
		r.DueWith(from, r.Conditions()...)
	})
}
