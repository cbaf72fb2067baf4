package authority_test

import (
	"testing"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/lawfulbasis"
)

func FuzzLookup(f *testing.F) {
	for _, a := range authority.All(lawfulbasis.LawAsOf) {
		f.Add(a.Code)
		f.Add(a.Name)
		f.Add(a.LocalName)
		f.Add(a.Short)
	}
	for _, s := range []string{"", "Datatilsynet", "Information Commissioner's Office", "ＩＣＯ", "\x00", "d e", "日本語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, ok := authority.Lookup(s, lawfulbasis.LawAsOf)
		if !ok {
			if a != (authority.Authority{}) {
				t.Fatalf("Lookup(%q) = %+v with false", s, a)
			}
			return
		}
		// What is found is found again by its code.
		if b, ok := authority.Lookup(a.Code, lawfulbasis.LawAsOf); !ok || b != a {
			t.Fatalf("Lookup(%q) = %s, but Lookup(%q) = %+v, %v", s, a.Code, a.Code, b, ok)
		}
	})
}
