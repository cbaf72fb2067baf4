package ico

// This file holds the handling of cell text: cleaning, splitting a cell
// into values, and the words of headings.

import (
	"strings"

	"github.com/article30/article30/internal/match"
)

// icoClean normalises a cell's text: line endings, non-breaking spaces,
// surrounding space.
func icoClean(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u2028", "\n")
	return strings.TrimSpace(s)
}

// icoBlank reports whether a value means "nothing": empty, N/A, None or a dash.
func icoBlank(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "n/a", "na", "n.a.", "n.a", "none", "-", "–", "—", "--", "not applicable", "nil", "n/k":
		return true
	}
	return false
}

// icoCollapse joins a heading's lines and runs of spaces.
func icoCollapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// icoLines splits a cell at line breaks, dropping bullets and empty lines.
func icoLines(s string) []string { return icoSplit(s, "\n") }

// icoItems splits a cell at line breaks and semicolons.
func icoItems(s string) []string { return icoSplit(s, "\n;") }

func icoSplit(s, seps string) []string {
	var out []string
	depth := 0 // a semicolon inside parentheses does not separate values
	for _, p := range strings.FieldsFunc(s, func(r rune) bool {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(0, depth-1)
		case '\n':
			depth = 0
		}
		return strings.ContainsRune(seps, r) && (r == '\n' || depth == 0)
	}) {
		p = icoUnbullet(p)
		if !icoBlank(p) {
			out = append(out, p)
		}
	}
	return out
}

// icoUnbullet removes a list bullet from the start of a line.
func icoUnbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"•", "◦", "▪", "·", "* ", "- ", "– ", "— "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return s
}

// icoCommas splits s at commas outside parentheses.
func icoCommas(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(', '[':
			depth++
		case ')', ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	out = append(out, s[start:])
	var keep []string
	for _, p := range out {
		if p = icoUnbullet(p); !icoBlank(p) {
			keep = append(keep, p)
		}
	}
	return keep
}

// icoEnumItems splits an enumeration cell at line breaks and semicolons,
// and an item further at commas when every part is a known value. With
// force, an item that is not a known value as a whole is split at commas
// whatever its parts.
func icoEnumItems(s string, known func(string) bool, force bool) []string {
	return icoEnumItemsWhole(s, known, force, nil)
}

// icoEnumItemsWhole is icoEnumItems that keeps whole an item that whole
// reports true for ("Employment, social security and social protection",
// one Schedule 1 condition, is not split at its comma).
func icoEnumItemsWhole(s string, known func(string) bool, force bool, whole func(string) bool) []string {
	var out []string
	for _, it := range icoItems(s) {
		if !strings.Contains(it, ",") || force && known(it) || whole != nil && whole(it) {
			out = append(out, it)
			continue
		}
		parts := icoCommas(it)
		all := len(parts) > 1
		for _, p := range parts {
			if !force && !known(p) {
				all = false
				break
			}
		}
		if all {
			out = append(out, parts...)
		} else {
			out = append(out, it)
		}
	}
	return out
}

// icoTokens is the words of a heading or label, for matching: lower case,
// letters and digits only, plurals and possessives folded, and the
// qualifiers "(if applicable)", "(if possible)" dropped.
func icoTokens(s string) []string {
	raw := match.Tokens(s)
	out := make([]string, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		t := raw[i]
		if (t == "if" || t == "where") && i+1 < len(raw) {
			switch raw[i+1] {
			case "applicable", "possible", "relevant", "appropriate", "any":
				i++
				continue
			}
		}
		if t == "s" || t == "optional" {
			continue
		}
		out = append(out, icoStem(t))
	}
	return out
}

func icoStem(t string) string {
	switch {
	case t == "bases":
		return "basis"
	case len(t) > 4 && strings.HasSuffix(t, "ies"):
		return t[:len(t)-3] + "y"
	case len(t) > 3 && strings.HasSuffix(t, "s") && !strings.HasSuffix(t, "ss") && !strings.HasSuffix(t, "us") && !strings.HasSuffix(t, "is"):
		return t[:len(t)-1]
	}
	return t
}

func icoShort(s string) string {
	s = icoCollapse(s)
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

var icoFold = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "'", "", "’", "",
)

// icoSlug is a kebab-case slug of s, at most about 60 characters.
func icoSlug(s string) string {
	s = icoFold.Replace(strings.ToLower(s))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				if b.Len() >= 60 {
					break
				}
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > 80 {
		out = strings.TrimRight(out[:80], "-")
	}
	return out
}

func icoNegated(toks []string, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		switch toks[j] {
		case "no", "not", "without", "never", "nor":
			return true
		}
	}
	return false
}
