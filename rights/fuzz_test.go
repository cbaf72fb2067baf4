package rights_test

import (
	"testing"

	"github.com/article30/article30/rights"
)

func FuzzParse(f *testing.F) {
	for _, r := range rights.All() {
		f.Add(r.String())
		f.Add(r.Title())
	}
	for _, s := range []string{"", "Art 15", "Article 17", "UK GDPR Arts 22A-22D", "DPA 2018 s164A", "s165", "7(3)",
		"acess", "Right(0)", "\x00", "ａｒｔ １５", "Art 15 15", "日本語"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := rights.Parse(s)
		if err != nil {
			if r != 0 {
				t.Fatalf("Parse(%q) = %v with error %v", s, r, err)
			}
			_ = err.Error()
			return
		}
		if !r.Valid() {
			t.Fatalf("Parse(%q) = invalid %v", s, r)
		}
		if back, err := rights.Parse(r.String()); err != nil || back != r {
			t.Fatalf("Parse(String(%v)) = %v, %v", r, back, err)
		}
		b, err := r.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var u rights.Right
		if err := u.UnmarshalText(b); err != nil || u != r {
			t.Fatalf("UnmarshalText(%q) = %v, %v", b, u, err)
		}
	})
}
