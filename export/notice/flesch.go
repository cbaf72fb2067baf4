package notice

import (
	"strings"
	"unicode"
)

// Flesch returns the Flesch reading ease of the running text of text:
//
//	206.835 − 1.015 × (words / sentences) − 84.6 × (syllables / words)
//
// Higher is easier: 60 to 70 is plain English, which most adults read
// easily; 90 and above is easy for an 11-year-old. It returns 0 for text
// with no running text.
//
// It measures prose the way a reader meets it, as sentences of running
// text. The text is cut into blocks of lines: a block ends at a blank
// line, at a heading's underline ("---", "==="), after a line whose last
// word ends a sentence (with ".", "!" or "?", after any closing quotes or
// brackets), and after a line of fewer than ten words that ends no
// sentence and is followed by a line starting with a capital letter or a
// digit (a heading or label on a line of its own); a line starting a list
// item ("- ", "* ", "• ", after any indent) starts a block. A block is
// running text when its last word ends a sentence; the others (headings,
// list items and table cells without a full stop such as "Your contact
// details", "Contents") are left out, so that short labels do not pass for
// short sentences. Within running text, a sentence ends at each word
// ending in ".", "!" or "?". The same function is applied to a notice
// ([Notice.Readability]) and to any other text compared with it, such as
// an organisation's own notice.
//
// Words are the white-space separated tokens that contain a letter;
// numbers, email addresses (a token with "@") and web addresses (a token
// with "://" or starting "www.") do not count, as a reader takes them in at
// a glance rather than sounding them out, and nor do underlines of
// headings.
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
	words, sentences, syllables := fleschCounts(text)
	if words == 0 {
		return 0
	}
	return 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
}

// SyllablesPerWord returns the average syllables per word of the running
// text of text, counted as [Flesch] counts them; 0 for none.
func SyllablesPerWord(text string) float64 {
	words, _, syllables := fleschCounts(text)
	if words == 0 {
		return 0
	}
	return float64(syllables) / float64(words)
}

// fleschCounts counts the words, sentences and syllables of the running
// text of text (see [Flesch]).
func fleschCounts(text string) (words, sentences, syllables int) {
	var block []string // the tokens of the block being read
	var buf []byte
	flush := func() {
		defer func() { block = block[:0] }()
		if len(block) == 0 || !endsSentence(block[len(block)-1]) {
			return
		}
		inSentence := false
		for _, tok := range block {
			// An email or web address is read at a glance, not sounded
			// out: it is no word, though it may end a sentence.
			buf = buf[:0]
			if !isAddress(tok) {
				for _, r := range strings.ToLower(tok) {
					if unicode.IsLetter(r) {
						if r < 0x80 {
							buf = append(buf, byte(r))
						} else {
							buf = append(buf, 'x') // a consonant for counting
						}
					}
				}
			}
			if len(buf) > 0 {
				words++
				syllables += syllableCount(buf)
				inSentence = true
			}
			if endsSentence(tok) && inSentence {
				sentences++
				inSentence = false
			}
		}
		if inSentence {
			sentences++
		}
	}
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.Trim(trimmed, "-=~*_") == "" {
			flush() // a blank line, or a heading's underline
			continue
		}
		if strings.HasPrefix(trimmed, "- ") || strings.HasPrefix(trimmed, "* ") || strings.HasPrefix(trimmed, "• ") {
			flush()
			trimmed = trimmed[2:]
		}
		fields := strings.Fields(trimmed)
		block = append(block, fields...)
		switch {
		case endsSentence(fields[len(fields)-1]):
			flush()
		case len(fields) < labelWords && i+1 < len(lines) && startsLine(lines[i+1]):
			flush() // a heading or label on a line of its own
		}
	}
	flush()
	return words, sentences, syllables
}

// labelWords is the length under which a line that ends no sentence and
// is followed by a line starting with a capital letter or a digit is a
// heading or a label, not the start of a wrapped sentence.
const labelWords = 10

// startsLine reports whether a line starts, after any indent or list
// marker, with a capital letter or a digit.
func startsLine(line string) bool {
	t := strings.TrimLeft(strings.TrimSpace(line), "-*• ")
	for _, r := range t {
		return unicode.IsUpper(r) || unicode.IsDigit(r)
	}
	return false
}

// endsSentence reports whether a token ends a sentence: its last character
// before any closing quotes or brackets is ".", "!" or "?".
func endsSentence(tok string) bool {
	// Closing quotes and brackets, and any other character outside ASCII
	// after the stop (such as the "Ìý" of a non-breaking space decoded as
	// Latin-1), do not hide it.
	t := strings.TrimRightFunc(tok, func(r rune) bool { return r > 0x7f || strings.ContainsRune(`"')]}`, r) })
	return t != "" && strings.IndexByte(".!?", t[len(t)-1]) >= 0
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

// isAddress reports whether tok is an email or web address: it contains
// "@" or "://", or starts with "www." (after any opening bracket or quote).
func isAddress(tok string) bool {
	t := strings.TrimLeft(tok, `("'[<“‘`)
	return strings.Contains(t, "@") || strings.Contains(t, "://") || strings.HasPrefix(strings.ToLower(t), "www.")
}
