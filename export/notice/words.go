package notice

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/ropa"
)

// clean collapses every run of white space (including line breaks) in a
// register value to one space and trims the ends, so that a value reads the
// same in every rendering.
func clean(s string) string {
	n := len(s)
	if n == 0 {
		return ""
	}
	if s[0] == ' ' || s[n-1] == ' ' {
		return strings.Join(strings.Fields(s), " ")
	}
	if plainASCII(s) {
		return s
	}
	for i := 1; i < n; i++ {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf {
			continue
		}
		if c == ' ' && s[i-1] != ' ' {
			continue
		}
		if c >= utf8.RuneSelf {
			// Only a few non-ASCII characters are white space; decode
			// to check.
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				i += size - 1
				continue
			}
		}
		return strings.Join(strings.Fields(s), " ")
	}
	if c := s[0]; c < ' ' || c >= utf8.RuneSelf && unicode.IsSpace(firstRune(s)) {
		return strings.Join(strings.Fields(s), " ")
	}
	return s
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }

// sentence ends s with a full stop unless it already ends with terminal
// punctuation.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch s[len(s)-1] {
	case '.', '!', '?':
		return s
	}
	return s + "."
}

// trimStop removes a final full stop.
func trimStop(s string) string { return strings.TrimSuffix(strings.TrimSpace(s), ".") }

// capitalise upper-cases the first letter of s.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || unicode.IsUpper(r) || !unicode.IsLetter(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst lower-cases the first letter of s, unless its first word is an
// acronym or a name in capitals ("NHS", "CEC's", "I").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 || !unicode.IsUpper(r) {
		return s
	}
	if r2, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(r2) || r == 'I' && (len(s) == n || s[n] == ' ' || s[n] == '\'') {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// subjectPlain is a group of people as a notice names it in a sentence:
// the catalogue's plain name, or a custom group's name with its first
// letter lower-cased (acronyms kept: "people who register for the We are
// the NHS campaign").
func subjectPlain(s ropa.Subject) string {
	if s.Custom() {
		return lowerFirst(clean(s.Title()))
	}
	if p := s.Plain(); p != "" {
		return p
	}
	return clean(string(s))
}

// categoryPlain is a data category as a notice names it: the catalogue's
// plain description, or a custom category's name with its first letter
// lower-cased (acronyms kept). ropa's Category.Plain lower-cases the whole
// of a custom name, which loses acronyms such as "CEC" or "NEET".
func categoryPlain(c ropa.Category) string {
	if c.Custom() {
		return lowerFirst(clean(c.Title()))
	}
	if p := c.Plain(); p != "" {
		return p
	}
	return clean(string(c))
}

// contactWays lists the ways to reach a person or office: "by email at x",
// "by phone on y", "by post at z", and the website after the words site
// ("online at w").
func contactWays(ph *phrases, email, phone, address, website, site string) []string {
	var ways []string
	if e := clean(email); e != "" {
		ways = append(ways, ph.byEmail+e)
	}
	if p := clean(phone); p != "" {
		ways = append(ways, ph.byPhone+p)
	}
	if a := clean(address); a != "" {
		ways = append(ways, ph.byPost+a)
	}
	if w := clean(website); w != "" {
		ways = append(ways, site+w)
	}
	return ways
}

// sprintf is fmt.Sprintf for a format whose only verbs are %s, each given
// a string: the phrases' formats. Any other format goes to fmt.Sprintf.
func sprintf(format string, args ...string) string {
	if strings.Count(format, "%") != len(args) || strings.Count(format, "%s") != len(args) {
		as := make([]any, len(args))
		for i, a := range args {
			as[i] = a
		}
		return fmt.Sprintf(format, as...)
	}
	n := len(format)
	for _, a := range args {
		n += len(a)
	}
	var b strings.Builder
	b.Grow(n)
	for _, a := range args {
		i := strings.Index(format, "%s")
		b.WriteString(format[:i])
		b.WriteString(a)
		format = format[i+2:]
	}
	b.WriteString(format)
	return b.String()
}

// wordCount counts the white-space separated words of s ([unicode.IsSpace]
// separates them).
func wordCount(s string) int {
	n, _ := countWords(s, -1)
	return n
}

// hasWords reports whether s has at least n words, counting no further.
func hasWords(s string, n int) bool {
	_, ok := countWords(s, n)
	return ok
}

// countWords counts the words of s, stopping once it has counted stop
// (stop < 0: never), and reports whether it did. ASCII is looked at a byte
// at a time; from the first other byte, a rune at a time.
func countWords(s string, stop int) (int, bool) {
	n, in := 0, false
	i := 0
	for ; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			break
		}
		if asciiSpace[c] {
			in = false
		} else if !in {
			in = true
			if n++; n == stop {
				return n, true
			}
		}
	}
	for _, r := range s[i:] {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if n++; n == stop {
				return n, true
			}
		}
	}
	return n, stop < 0
}

// asciiSpace marks the ASCII bytes [unicode.IsSpace] reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
