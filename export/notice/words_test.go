package notice

import (
	"strings"
	"testing"
	"unicode"
)

// TestWordCount checks wordCount and hasWords against the words
// strings.Fields finds (split by unicode.IsSpace), for ASCII and other
// text and white space.
func TestWordCount(t *testing.T) {
	for _, s := range []string{
		"", " ", "one", " one  two\tthree\nfour ", "a\u00a0b", "a\u0085b c", "café au lait", "naïve  \u2003 words\u3000here",
		"We keep it for 6 years after you leave, then delete it, as the law requires of us.",
		strings.Repeat("word ", 20) + "\u00a0end",
	} {
		want := len(strings.FieldsFunc(s, unicode.IsSpace))
		if got := wordCount(s); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
		for n := 1; n <= want+1; n++ {
			if got := hasWords(s, n); got != (want >= n) {
				t.Errorf("hasWords(%q, %d) = %v, want %v", s, n, got, want >= n)
			}
		}
	}
}

// TestSlugASCII checks slug's ASCII path against its general one.
func TestSlugASCII(t *testing.T) {
	for _, h := range []string{"Your rights", "What we use it for (and why)", "A_b-C 12: x.y", "Who we are", "Z"} {
		if got, want := slug(h), slug(h + " \u00e9")[:len(slug(h))]; got != want {
			t.Errorf("slug(%q) = %q, want %q", h, got, want)
		}
	}
}
