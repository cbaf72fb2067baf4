package notice

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown writes the notice as CommonMark (with a GFM table for each
// table): the title as a level-1 heading, sections as level-2 and level-3
// headings, lists as "-" items and each table's caption as a bold line
// before it. Every value is escaped: characters Markdown gives a meaning to,
// and "<", ">" and "&", which renderers would otherwise pass through as raw
// HTML, are written with a backslash; a text with line breaks (which
// Generate never produces) has its white space collapsed, so that it stays
// one block.
func (n *Notice) Markdown() string {
	var b strings.Builder
	b.Grow(n.sizeHint())
	b.WriteString("# ")
	mdEscapeTo(&b, n.Title)
	b.WriteString("\n")
	for _, s := range n.Sections {
		b.WriteString("\n")
		b.WriteString("######"[:level(s.Level)])
		b.WriteString(" ")
		mdEscapeTo(&b, s.Heading)
		b.WriteString("\n")
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			switch bl := bl.(type) {
			case Paragraph:
				mdEscapeTo(&b, bl.Text)
				b.WriteString("\n")
			case List:
				for _, it := range bl.Items {
					b.WriteString("- ")
					mdEscapeTo(&b, it)
					b.WriteString("\n")
				}
			case Table:
				if bl.Caption != "" {
					b.WriteString("**")
					mdEscapeTo(&b, bl.Caption)
					b.WriteString("**\n\n")
				}
				mdRow(&b, bl.Header)
				b.WriteString("|")
				for range bl.Header {
					b.WriteString(" --- |")
				}
				b.WriteString("\n")
				for _, r := range bl.Rows {
					b.WriteString("|")
					for _, c := range r {
						b.WriteString(" ")
						mdEscapeTo(&b, c)
						b.WriteString(" |")
					}
					b.WriteString("\n")
				}
			}
		}
	}
	return b.String()
}

func level(l int) int {
	if l < 2 {
		return 2
	}
	if l > 6 {
		return 6
	}
	return l
}

func mdRow(b *strings.Builder, cells []string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		mdEscapeTo(b, c)
		b.WriteString(" |")
	}
	b.WriteString("\n")
}

// mdInline marks the bytes that may need a backslash anywhere in a line
// of Markdown; mdEscapeTo handles the start of a block on its own.
var mdInline = func() (t [256]bool) {
	for _, c := range "\\`*_[]<>|~&" {
		t[c] = true
	}
	return t
}()

// mdEscape is like mdEscapeTo, returning the escaped text.
func mdEscape(s string) string {
	var b strings.Builder
	mdEscapeTo(&b, s)
	return b.String()
}

// mdEscapeTo writes text escaped for a Markdown paragraph, list item,
// heading or table cell (a single line: runs of white space, line breaks
// included, become one space). Backslashes go before the characters that
// mark up inline text, "<", ">" and "&" (which renderers would pass
// through as raw HTML or read as an entity), "|" (which ends a table cell),
// and before what would make the line start a heading, list item, block
// quote or thematic break.
func mdEscapeTo(b *strings.Builder, s string) {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		s = clean(s)
	}
	if hasControl(s) {
		s = clean(s) // a line break or tab would change the block structure
	}
	// A block must not start like a heading, list item, block quote,
	// thematic break or ordered list item.
	if len(s) > 0 && strings.IndexByte("#+-=", s[0]) >= 0 {
		b.WriteByte('\\')
		b.WriteByte(s[0])
		s = s[1:]
	} else if len(s) > 0 && '0' <= s[0] && s[0] <= '9' {
		j := 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ')') {
			b.WriteString(s[:j])
			b.WriteByte('\\')
			b.WriteByte(s[j])
			s = s[j+1:]
		}
	}
	last := 0
	for i := 0; i < len(s); i++ {
		// Skip eight bytes at a time while none of them can need a
		// backslash.
		for i+8 <= len(s) {
			w := s[i : i+8]
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			if mayHave(x&^lo8, '\\'*lo8) || mayHave(x&^(4*lo8), '['*lo8) || mayHave(x&^(2*lo8), '<'*lo8) ||
				mayHave(x&^(2*lo8), '|'*lo8) || mayHave(x, '`'*lo8) || mayHave(x, '*'*lo8) || mayHave(x, '&'*lo8) {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if !mdInline[c] {
			continue
		}
		esc := true
		switch c {
		case '_':
			esc = i == 0 || i == len(s)-1 || !alnum(s[i-1]) || !alnum(s[i+1])
		case '&':
			esc = entityAt(s[i:])
		}
		if esc {
			b.WriteString(s[last:i])
			b.WriteByte('\\')
			last = i
		}
	}
	b.WriteString(s[last:])
}

// entityAt reports whether s starts with what CommonMark reads as an entity
// or numeric character reference: "&name;", "&#123;" or "&#x1F;".
func entityAt(s string) bool {
	j := 1
	if j < len(s) && s[j] == '#' {
		j++
		if j < len(s) && (s[j] == 'x' || s[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(s) && j < 40 && alnum(s[j]) {
		j++
	}
	return j > start && j < len(s) && s[j] == ';'
}

func alnum(c byte) bool    { return isLetter(c) || '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// Width is the column at which [Notice.Text] wraps its lines.
const Width = 78

// Text writes the notice as plain text: the title underlined with "=",
// level-2 headings with "-" and level-3 headings with "~"; paragraphs
// wrapped at [Width] columns; list items as "  - " with their lines
// indented; and each table as its caption followed, row by row, by
// "Heading: cell" lines, the rows separated by blank lines.
func (n *Notice) Text() string {
	var b strings.Builder
	b.Grow(n.sizeHint())
	underline(&b, n.Title, '=')
	for _, s := range n.Sections {
		b.WriteString("\n")
		switch level(s.Level) {
		case 2:
			underline(&b, s.Heading, '-')
		default:
			underline(&b, s.Heading, '~')
		}
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			switch bl := bl.(type) {
			case Paragraph:
				wrap(&b, bl.Text, "", "")
			case List:
				for _, it := range bl.Items {
					wrap(&b, it, "  - ", "    ")
				}
			case Table:
				if bl.Caption != "" {
					wrap(&b, bl.Caption, "", "")
					b.WriteString("\n")
				}
				firsts := make([]string, len(bl.Header))
				for j, h := range bl.Header {
					firsts[j] = "  " + clean(h) + ": "
				}
				for i, r := range bl.Rows {
					if i > 0 {
						b.WriteString("\n")
					}
					for j, c := range r {
						first := "  "
						if j < len(firsts) {
							first = firsts[j]
						}
						wrap(&b, c, first, "    ")
					}
				}
			}
		}
	}
	return b.String()
}

// runeCount counts the runes of s, quickly for ASCII.
func runeCount(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

func underline(b *strings.Builder, s string, c byte) {
	s = clean(s)
	wrap(b, s, "", "")
	n := min(utf8.RuneCountInString(s), Width)
	for range n {
		b.WriteByte(c)
	}
	b.WriteString("\n")
}

// wrap writes s in lines of at most Width columns (a longer word, such as
// a URL, gets a line of its own), the first starting with first and the
// others with rest.
func wrap(b *strings.Builder, s, first, rest string) {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		s = clean(s)
	}
	if s == "" {
		b.WriteString(strings.TrimRight(first, " "))
		b.WriteByte('\n')
		return
	}
	if plainASCII(s) {
		wrapASCII(b, s, first, rest)
		return
	}
	prefix := first
	for {
		b.WriteString(prefix)
		avail := Width - runeCount(prefix)
		cut, ok := byteAfter(s, avail)
		if !ok {
			// White space other than single spaces: collapse it and
			// start the line again.
			s = clean(s)
			cut, _ = byteAfter(s, avail)
		}
		if cut < 0 {
			b.WriteString(s)
			b.WriteByte('\n')
			return
		}
		// s has more than avail columns: break at the last space that
		// keeps the line within Width, or else after the first word.
		i := strings.LastIndexByte(s[:cut+1], ' ')
		if i <= 0 {
			// A word longer than the line: it gets the line to itself.
			s = clean(s)
			if i = strings.IndexByte(s, ' '); i < 0 {
				b.WriteString(s)
				b.WriteByte('\n')
				return
			}
		}
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = s[i+1:]
		prefix = rest
	}
}

// plainASCII reports whether s is printable ASCII with single spaces
// between words (and none at the ends), so that a column is a byte and
// [clean] leaves it as it is.
func plainASCII(s string) bool {
	if len(s) == 0 || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	i := 0
	var prev uint64 // the space mask of the previous eight bytes
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// A byte with its top bit set, or (for the others) below ' '.
		if (x|(x-' '*lo8)&^x)&hi8 != 0 {
			return false
		}
		// The top bit of each byte that is a space; then two spaces in a
		// row, here or across from the previous eight bytes.
		y := x ^ ' '*lo8
		sp := ^((y&^hi8 + ^hi8&(lo8*0xff)) | y) & hi8
		if sp&(sp<<8|prev>>56) != 0 {
			return false
		}
		prev = sp
	}
	last := prev>>63 != 0
	for ; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c >= utf8.RuneSelf || c == ' ' && last {
			return false
		}
		last = c == ' '
	}
	return true
}

// hasControl reports whether s has a byte below ' '.
func hasControl(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// A byte below ' ' among those below 0x80, or one of 0x80 or more
		// (checked one by one).
		if (x|(x-' '*lo8)&^x)&hi8 != 0 {
			for _, c := range []byte(w) {
				if c < ' ' {
					return true
				}
			}
		}
	}
	for ; i < len(s); i++ {
		if s[i] < ' ' {
			return true
		}
	}
	return false
}

// mayHave reports whether some byte of x may equal the byte repeated in
// c: never false when one does (and rarely true when none does).
func mayHave(x, c uint64) bool {
	y := x ^ c
	return (y-lo8)&^y&hi8 != 0
}

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// wrapASCII is wrap for a text for which plainASCII holds.
func wrapASCII(b *strings.Builder, s, first, rest string) {
	prefix := first
	for {
		b.WriteString(prefix)
		avail := Width - runeCount(prefix)
		if avail < 0 || len(s) <= avail {
			b.WriteString(s)
			b.WriteByte('\n')
			return
		}
		// s has more than avail columns: break at the last space that
		// keeps the line within Width, or else after the first word.
		i := strings.LastIndexByte(s[:avail+1], ' ')
		if i <= 0 {
			if i = strings.IndexByte(s, ' '); i < 0 {
				b.WriteString(s)
				b.WriteByte('\n')
				return
			}
		}
		b.WriteString(s[:i])
		b.WriteByte('\n')
		s = s[i+1:]
		prefix = rest
	}
}

// byteAfter returns the byte offset of the rune after the first n runes of
// s, or -1 when s has no more than n runes. It reports false if it meets
// white space other than a single space between words, which [clean]
// removes; that check costs nothing extra, since the runes are walked
// anyway.
func byteAfter(s string, n int) (int, bool) {
	i := 0
	for ; n >= 0 && i < len(s); n-- {
		c := s[i]
		switch {
		case c > ' ' && c < utf8.RuneSelf:
			i++
			continue
		case c == ' ':
			if i+1 < len(s) && s[i+1] == ' ' {
				return 0, false
			}
			i++
			continue
		case c < ' ':
			return 0, false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			return 0, false
		}
		i += size
	}
	if n >= 0 {
		return -1, true // fewer than n+1 runes: fits
	}
	// The loop walked n+1 runes; back up to the start of the last.
	j := i - 1
	for j > 0 && !utf8.RuneStart(s[j]) {
		j--
	}
	return j, true
}

// HTML writes the notice as an HTML fragment: the title as an <h1>, then
// each level-2 section as a <section> with an <h2> holding its level-3
// subsections as nested <section>s with <h3>s; paragraphs as <p>, lists as
// <ul>, tables with a <caption>, column headers <th scope="col"> and the
// first cell of each row as <th scope="row">. Every value is escaped
// (the five characters html.EscapeString escapes); web addresses (http and
// https only) and email addresses in the text become links. [Notice.Page]
// wraps the fragment in a complete page.
func (n *Notice) HTML() string {
	var b strings.Builder
	b.Grow(n.htmlSizeHint())
	n.html(&b)
	return b.String()
}

func (n *Notice) html(b *strings.Builder) {
	b.WriteString("<h1>")
	inline(b, n.Title)
	b.WriteString("</h1>\n")
	open := 0 // nested sections open
	for _, s := range n.Sections {
		l := level(s.Level)
		depth := l - 1 // level 2 is depth 1
		for open >= depth {
			b.WriteString("</section>\n")
			open--
		}
		for open < depth {
			b.WriteString("<section>\n")
			open++
		}
		h := string(rune('0' + l))
		b.WriteString("<h" + h + ">")
		inline(b, s.Heading)
		b.WriteString("</h" + h + ">\n")
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case Paragraph:
				b.WriteString("<p>")
				inline(b, bl.Text)
				b.WriteString("</p>\n")
			case List:
				b.WriteString("<ul>\n")
				for _, it := range bl.Items {
					b.WriteString("<li>")
					inline(b, it)
					b.WriteString("</li>\n")
				}
				b.WriteString("</ul>\n")
			case Table:
				b.WriteString("<table>\n")
				if bl.Caption != "" {
					b.WriteString("<caption>")
					inline(b, bl.Caption)
					b.WriteString("</caption>\n")
				}
				b.WriteString("<thead>\n<tr>")
				for _, h := range bl.Header {
					b.WriteString(`<th scope="col">`)
					inline(b, h)
					b.WriteString("</th>")
				}
				b.WriteString("</tr>\n</thead>\n<tbody>\n")
				for _, r := range bl.Rows {
					b.WriteString("<tr>")
					for j, c := range r {
						if j == 0 {
							b.WriteString(`<th scope="row">`)
							inline(b, c)
							b.WriteString("</th>")
						} else {
							b.WriteString("<td>")
							inline(b, c)
							b.WriteString("</td>")
						}
					}
					b.WriteString("</tr>\n")
				}
				b.WriteString("</tbody>\n</table>\n")
			}
		}
	}
	for ; open > 0; open-- {
		b.WriteString("</section>\n")
	}
}

// linkRE finds web addresses and email addresses in text.
var linkRE = regexp.MustCompile(`https?://[^\s<>"]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// inline writes text escaped, with its web and email addresses as links.
// White space is left as it is: HTML collapses it.
func inline(b *strings.Builder, s string) {
	if !mayLink(s) {
		escapeTo(b, s)
		return
	}
	last := 0
	for _, m := range linkRE.FindAllStringIndex(s, -1) {
		start, end := m[0], m[1]
		// Punctuation that ends a sentence or closes a bracket is not part of
		// the address.
		for end > start && strings.IndexByte(".,;:!?)]'", s[end-1]) >= 0 {
			end--
		}
		if end <= start {
			continue
		}
		u := s[start:end]
		href := u
		if !strings.Contains(u, "://") {
			href = "mailto:" + u
		}
		escapeTo(b, s[last:start])
		b.WriteString(`<a href="`)
		escapeTo(b, href)
		b.WriteString(`">`)
		escapeTo(b, u)
		b.WriteString("</a>")
		last = end
	}
	escapeTo(b, s[last:])
}

// mayLink reports whether s has "://" or "@", which every address linkRE
// finds has.
func mayLink(s string) bool {
	if strings.IndexByte(s, '@') >= 0 {
		return true
	}
	for {
		i := strings.IndexByte(s, ':')
		if i < 0 {
			return false
		}
		if strings.HasPrefix(s[i+1:], "//") {
			return true
		}
		s = s[i+1:]
	}
}

// htmlSpecial marks the bytes escapeTo replaces.
var htmlSpecial = [256]bool{'<': true, '>': true, '&': true, '\'': true, '"': true}

// escapeTo writes s with the five characters html.EscapeString escapes
// replaced by the same entities.
func escapeTo(b *strings.Builder, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		// Skip eight bytes at a time while none of them can be special.
		for i+8 <= len(s) {
			w := s[i : i+8]
			x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
				uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
			if mayHave(x&^lo8, '&'*lo8) || mayHave(x&^(2*lo8), '<'*lo8) || mayHave(x, '"'*lo8) {
				break
			}
			i += 8
		}
		if i >= len(s) {
			break
		}
		if !htmlSpecial[s[i]] {
			continue
		}
		var e string
		switch s[i] {
		case '<':
			e = "&lt;"
		case '>':
			e = "&gt;"
		case '&':
			e = "&amp;"
		case '\'':
			e = "&#39;"
		default: // '"'
			e = "&#34;"
		}
		b.WriteString(s[last:i])
		b.WriteString(e)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// pageCSS is the default style of [Notice.Page]: a readable column of about
// 70 characters in the system font. Every colour pair has a contrast ratio
// of at least 4.5:1 (WCAG 2.x relative luminance: text #1b1b1b on white
// 17.2:1; links #1d4f91 on white 8.1:1, visited #4c2c92 on white 10.1:1;
// table headers #1b1b1b on #f3f2f1 15.4:1; focused links #0b0c0c on
// #ffdd00 14.5:1); table borders #505a5f on white 7.1:1. Links are
// underlined, so they do not rely on colour alone, and the focus indicator
// is a 3px outline with a yellow background.
const pageCSS = `:root{color-scheme:light}
*,*::before,*::after{box-sizing:border-box}
body{margin:0;background:#fff;color:#1b1b1b;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:1.0625rem;line-height:1.55}
main{max-width:70ch;margin:0 auto;padding:1.5rem 1rem 3rem;overflow-wrap:break-word}
h1{font-size:2rem;line-height:1.2;margin:0 0 1.5rem}
h2{font-size:1.5rem;line-height:1.25;margin:2.5rem 0 1rem;padding-top:.5rem;border-top:2px solid #1b1b1b}
h3{font-size:1.2rem;line-height:1.3;margin:1.75rem 0 .75rem}
p,ul,table{margin:0 0 1rem}
ul{padding-left:1.5rem}
li{margin-bottom:.35rem}
a{color:#1d4f91;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{text-decoration-thickness:3px}
a:focus,a:focus-visible{outline:3px solid #0b0c0c;outline-offset:0;background:#ffdd00;color:#0b0c0c;text-decoration:none;box-shadow:0 4px #0b0c0c}
table{border-collapse:collapse;width:100%}
caption{text-align:left;font-weight:700;padding:0 0 .5rem}
th,td{border:1px solid #505a5f;padding:.5rem .6rem;text-align:left;vertical-align:top}
thead th{background:#f3f2f1;color:#1b1b1b}
tbody th{font-weight:600}
@media print{a{color:#1b1b1b}}
`

// Page writes the notice as a complete HTML5 page: the fragment of
// [Notice.HTML] inside <main>, with the language, character set, viewport
// and title set, and the default style ([pageCSS]) in a <style> element.
// It is meant to meet WCAG 2.2 level AA.
func (n *Notice) Page() string {
	var b strings.Builder
	b.Grow(n.htmlSizeHint() + len(pageCSS) + 512)
	b.WriteString("<!DOCTYPE html>\n<html lang=\"")
	b.WriteString(html.EscapeString(n.lang()))
	b.WriteString("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	b.WriteString(html.EscapeString(clean(n.Title)))
	b.WriteString("</title>\n<style>\n")
	b.WriteString(pageCSS)
	b.WriteString("</style>\n</head>\n<body>\n<main>\n")
	n.html(&b)
	b.WriteString("</main>\n</body>\n</html>\n")
	return b.String()
}

func (n *Notice) lang() string {
	if n.Lang == "" {
		return "en"
	}
	return n.Lang
}

// htmlSizeHint estimates the length of the HTML fragment: the text, the
// markup around it, and a margin for entities and links.
func (n *Notice) htmlSizeHint() int {
	size := len(n.Title) + 16
	for _, s := range n.Sections {
		size += len(s.Heading) + 48
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case Paragraph:
				size += len(bl.Text) + 8
			case List:
				size += 12
				for _, it := range bl.Items {
					size += len(it) + 10
				}
			case Table:
				size += len(bl.Caption) + 96
				for _, h := range bl.Header {
					size += len(h) + 24
				}
				for _, r := range bl.Rows {
					size += 10 + 12 // <tr></tr> and th scope="row"
					for _, c := range r {
						size += len(c) + 9
					}
				}
			}
		}
	}
	return size + size/16 + 64
}

// sizeHint estimates the length of the rendered text.
func (n *Notice) sizeHint() int {
	size := len(n.Title) + 64
	for _, s := range n.Sections {
		size += len(s.Heading) + 32
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case Paragraph:
				size += len(bl.Text) + 8
			case List:
				for _, it := range bl.Items {
					size += len(it) + 8
				}
			case Table:
				size += len(bl.Caption) + 32
				for _, r := range bl.Rows {
					for _, c := range r {
						size += len(c) + 24
					}
				}
			}
		}
	}
	return size
}
