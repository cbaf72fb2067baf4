package ico

// This file holds the handling of cell text: cleaning, splitting a cell
// into values, and the words of headings.

import (
	"strings"

	"github.com/article30/article30/internal/match"
)

// cleanCell normalises a cell's text: line endings, non-breaking spaces,
// surrounding space.
func cleanCell(s string) string {
	if s == "" {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.ReplaceAll(s, "\u00a0", " ")
	s = strings.ReplaceAll(s, "\u2028", "\n")
	return strings.TrimSpace(s)
}

// isBlank reports whether a value means "nothing": empty, N/A, None or a dash.
func isBlank(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "n/a", "na", "n.a.", "n.a", "none", "-", "–", "—", "--", "not applicable", "nil", "n/k":
		return true
	}
	return false
}

// collapseSpace joins a heading's lines and runs of spaces.
func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// lines splits a cell at line breaks, dropping bullets and empty lines.
func lines(s string) []string { return splitCell(s, "\n") }

// items splits a cell at line breaks and semicolons.
func items(s string) []string { return splitCell(s, "\n;") }

func splitCell(s, seps string) []string {
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
		p = unbullet(p)
		if !isBlank(p) {
			out = append(out, p)
		}
	}
	return out
}

// unbullet removes a list bullet from the start of a line.
func unbullet(s string) string {
	s = strings.TrimSpace(s)
	for _, b := range []string{"•", "◦", "▪", "·", "* ", "- ", "– ", "— "} {
		if strings.HasPrefix(s, b) {
			return strings.TrimSpace(s[len(b):])
		}
	}
	return s
}

// commas splits s at commas outside parentheses.
func commas(s string) []string {
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
		if p = unbullet(p); !isBlank(p) {
			keep = append(keep, p)
		}
	}
	return keep
}

// enumItems splits an enumeration cell at line breaks and semicolons,
// and an item further at commas when every part is a known value. With
// force, an item that is not a known value as a whole is split at commas
// whatever its parts.
func enumItems(s string, known func(string) bool, force bool) []string {
	return enumItemsWhole(s, known, force, nil)
}

// enumItemsWhole is enumItems that keeps whole an item that whole
// reports true for ("Employment, social security and social protection",
// one Schedule 1 condition, is not split at its comma).
func enumItemsWhole(s string, known func(string) bool, force bool, whole func(string) bool) []string {
	var out []string
	for _, it := range items(s) {
		if !strings.Contains(it, ",") || force && known(it) || whole != nil && whole(it) {
			out = append(out, it)
			continue
		}
		parts := commas(it)
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

// tokens is the words of a heading or label, for matching: lower case,
// letters and digits only, plurals and possessives folded, and the
// qualifiers "(if applicable)", "(if possible)" dropped.
func tokens(s string) []string {
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
		out = append(out, stem(t))
	}
	return out
}

func stem(t string) string {
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

func short(s string) string {
	s = collapseSpace(s)
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

var foldAccents = strings.NewReplacer(
	"à", "a", "á", "a", "â", "a", "ã", "a", "ä", "a", "å", "a", "æ", "ae", "ç", "c", "è", "e", "é", "e", "ê", "e", "ë", "e",
	"ì", "i", "í", "i", "î", "i", "ï", "i", "ñ", "n", "ò", "o", "ó", "o", "ô", "o", "õ", "o", "ö", "o", "ø", "o", "œ", "oe",
	"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "'", "", "’", "",
)

// slugOf is a kebab-case slug of s, at most about 60 characters.
func slugOf(s string) string {
	s = foldAccents.Replace(strings.ToLower(s))
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

func negated(toks []string, i int) bool {
	for j := max(0, i-2); j < i; j++ {
		switch toks[j] {
		case "no", "not", "without", "never", "nor":
			return true
		}
	}
	return false
}
