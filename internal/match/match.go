package match

import (
	"strings"
	"unicode"
)

// Tokens splits s into lower-case runs of letters and runs of digits:
// "Art. 6(1)(ea)" gives art, 6, 1, ea.
func Tokens(s string) []string {
	var out []string
	var cur []rune
	kind := 0 // 1 letter, 2 digit
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range strings.ToLower(s) {
		k := 0
		switch {
		case unicode.IsLetter(r):
			k = 1
		case unicode.IsDigit(r):
			k = 2
		}
		if k != kind {
			flush()
			kind = k
		}
		if k != 0 {
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// Distance is the Levenshtein edit distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Key is the spelling-insensitive form of a citation: its tokens without
// the noise words, with long forms folded by words ("paragraph" to "para"),
// joined by dots. "UK GDPR Art 6(1)(f)", "Article 6(1)(f)" and "art. 6.1.f"
// share the key "6.1.f" when "uk", "gdpr", "art" and "article" are noise.
func Key(s string, noise map[string]bool, words map[string]string) string {
	var keep []string
	for _, t := range Tokens(s) {
		if noise[t] {
			continue
		}
		if w, ok := words[t]; ok {
			t = w
		}
		keep = append(keep, t)
	}
	return strings.Join(keep, ".")
}
