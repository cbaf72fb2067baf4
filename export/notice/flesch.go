package notice

import (
	"strings"
	"unicode"
)

// Flesch returns the Flesch reading ease of text:
//
//	206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
//
// Higher is easier: 60 to 70 is plain English, which most adults read
// easily; 90 and above is easy for an 11-year-old. It returns 0 for text
// with no words.
//
// Words are the white-space separated tokens that contain a letter;
// numbers, email addresses' punctuation and underlines of headings do not
// count. A sentence ends at a token ending in ".", "!" or "?" (after any
// closing quotes or brackets), at a blank line, and before a line that
// starts a list item ("- ", "* ", "• "), so that headings and list items
// without a full stop count as sentences of their own, as [Notice.Text]
// lays them out.
//
// Syllables are counted with the usual heuristic for English (the one of
// the widely copied "syllable" counters): a word of three letters or fewer
// has one syllable; otherwise a final "es" or "e" after a consonant other
// than "l" (so "gives" and "creature" lose it, "table" keeps it), a final
// "ed" and a leading "y" are dropped, and each run of the vowels a, e, i,
// o, u, y counts one syllable for every two letters (rounded up), with at
// least one syllable a word. It is exact for most common words and errs by
// one on some ("wanted" counts 1, "Australian" 3).
func Flesch(text string) float64 {
	var words, sentences, syllables int
	inSentence := false
	end := func() {
		if inSentence {
			sentences++
			inSentence = false
		}
	}
	var buf []byte
	for _, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			end()
			continue
		}
		if strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(trimmed, "• ") {
			end()
		}
		for _, tok := range strings.Fields(trimmed) {
			buf = buf[:0]
			for _, r := range strings.ToLower(tok) {
				if unicode.IsLetter(r) {
					if r < 0x80 {
						buf = append(buf, byte(r))
					} else {
						buf = append(buf, 'x') // a consonant for counting
					}
				}
			}
			if len(buf) > 0 {
				words++
				syllables += syllableCount(buf)
				inSentence = true
			}
			t := strings.TrimRight(tok, `"')]}’”`)
			if t != "" && strings.IndexByte(".!?", t[len(t)-1]) >= 0 {
				end()
			}
		}
	}
	end()
	if words == 0 {
		return 0
	}
	if sentences == 0 {
		sentences = 1
	}
	return 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
}

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u', 'y':
		return true
	}
	return false
}

// syllableCount counts the syllables of a lower-case word of ASCII letters;
// see [Flesch].
func syllableCount(w []byte) int {
	if len(w) <= 3 {
		return 1
	}
	n := len(w)
	switch {
	case n >= 3 && w[n-2] == 'e' && w[n-1] == 's' && !isVowel(w[n-3]) && w[n-3] != 'l':
		w = w[:n-3]
	case w[n-2] == 'e' && w[n-1] == 'd':
		w = w[:n-2]
	case w[n-1] == 'e' && !isVowel(w[n-2]) && w[n-2] != 'l':
		w = w[:n-2]
	}
	if len(w) > 0 && w[0] == 'y' {
		w = w[1:]
	}
	count, run := 0, 0
	for _, c := range w {
		if isVowel(c) {
			run++
			continue
		}
		count += (run + 1) / 2
		run = 0
	}
	count += (run + 1) / 2
	return max(count, 1)
}
