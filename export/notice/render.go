package notice

import (
	"html"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Markdown writes the notice as CommonMark (with a GFM table for each
// table): the title as a level-1 heading, sections as level-2 and level-3
// headings, lists as "-" items and each table's caption as a bold line
// before it. Every value is escaped: characters Markdown gives a meaning to,
// and "<", ">" and "&", which renderers would otherwise pass through as raw
// HTML, are written with a backslash; a text with line breaks (which
// Generate never produces) has its white space collapsed, so that it stays
// one block.
func (n *Notice) Markdown() string { return render(n.mdSizeHint(), n.appendMarkdown) }

// appendMarkdown appends the notice's Markdown to b.
func (n *Notice) appendMarkdown(b []byte) []byte {
	b = append(b, "# "...)
	b = appendMD(b, n.Title)
	b = append(b, '\n')
	if n.Draft() {
		ph := n.draftPhrases()
		b = append(b, "\n> **"...)
		b = appendMD(b, ph.draftHeading)
		b = append(b, "**\n>\n> "...)
		b = appendMD(b, ph.draftLead)
		b = append(b, "\n>\n"...)
		for _, it := range n.draftItems() {
			b = append(b, "> - "...)
			b = appendMD(b, it)
			b = append(b, '\n')
		}
	}
	for _, s := range n.Sections {
		b = append(b, '\n')
		b = append(b, "######"[:level(s.Level)]...)
		b = append(b, ' ')
		b = appendMD(b, s.Heading)
		b = append(b, '\n')
		for _, bl := range s.Blocks {
			b = append(b, '\n')
			switch bl := bl.(type) {
			case Paragraph:
				b = appendMD(b, bl.Text)
				b = append(b, '\n')
			case List:
				for _, it := range bl.Items {
					b = append(b, "- "...)
					b = appendMD(b, it)
					b = append(b, '\n')
				}
			case Link:
				b = appendMDLink(b, bl)
				b = append(b, '\n')
			case Links:
				for _, it := range bl.Items {
					b = append(b, "- "...)
					b = appendMDLink(b, it)
					b = append(b, '\n')
				}
			case Table:
				if bl.Caption != "" {
					b = append(b, "**"...)
					b = appendMD(b, bl.Caption)
					b = append(b, "**\n\n"...)
				}
				b = appendMDRow(b, bl.Header)
				b = append(b, '|')
				for range bl.Header {
					b = append(b, " --- |"...)
				}
				b = append(b, '\n')
				for _, r := range bl.Rows {
					b = append(b, '|')
					for _, c := range r {
						b = append(b, ' ')
						b = appendMD(b, c)
						b = append(b, " |"...)
					}
					b = append(b, '\n')
				}
			}
		}
	}
	return b
}

// appendMDLink appends a link to a section of the notice, in its text.
func appendMDLink(b []byte, l Link) []byte {
	before, after := l.parts()
	b = appendMD(b, before)
	if before != "" && strings.HasSuffix(before, " ") {
		b = append(b, ' ')
	}
	b = append(b, '[')
	b = appendMD(b, l.Label)
	b = append(b, "](#"...)
	b = append(b, l.Target...)
	b = append(b, ')')
	if strings.HasPrefix(after, " ") {
		b = append(b, ' ')
	}
	return appendMD(b, after)
}

// linkText is a link's text as plain text: its label in quotation marks.
func linkText(l Link) string {
	before, after := l.parts()
	return before + "“" + l.Label + "”" + after
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

// appendMDRow appends a row of a Markdown table.
func appendMDRow(b []byte, cells []string) []byte {
	b = append(b, '|')
	for _, c := range cells {
		b = append(b, ' ')
		b = appendMD(b, c)
		b = append(b, " |"...)
	}
	return append(b, '\n')
}

// mdInline marks the bytes that may need a backslash anywhere in a line
// of Markdown; appendMD handles the start of a block on its own.
var mdInline = func() (t [256]bool) {
	for _, c := range "\\`*_[]<>|~&" {
		t[c] = true
	}
	return t
}()

// mdEscape is like appendMD, returning the escaped text.
func mdEscape(s string) string { return string(appendMD(nil, s)) }

// appendMD appends text escaped for a Markdown paragraph, list item,
// heading or table cell (a single line: runs of white space, line breaks
// included, become one space). Backslashes go before the characters that
// mark up inline text, "<", ">" and "&" (which renderers would pass
// through as raw HTML or read as an entity), "|" (which ends a table cell),
// and before what would make the line start a heading, list item, block
// quote or thematic break.
func appendMD(b []byte, s string) []byte {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		s = clean(s)
	}
	// Most text has nothing to escape inside the line: one pass finds
	// whether s is such text, and the escaping loop below is left out.
	plain := mdPlain(s)
	if !plain && hasControl(s) {
		s = clean(s) // a line break or tab would change the block structure
	}
	// A block must not start like a heading, list item, block quote,
	// thematic break or ordered list item.
	if len(s) > 0 && strings.IndexByte("#+-=", s[0]) >= 0 {
		b = append(b, '\\')
		b = append(b, s[0])
		s = s[1:]
	} else if len(s) > 0 && '0' <= s[0] && s[0] <= '9' {
		j := 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if j < len(s) && (s[j] == '.' || s[j] == ')') {
			b = append(b, s[:j]...)
			b = append(b, '\\')
			b = append(b, s[j])
			s = s[j+1:]
		}
	}
	if plain {
		return append(b, s...)
	}
	last := 0
	for i := 0; i < len(s); i++ {
		// Skip eight bytes at a time while none of them can need a
		// backslash.
		for i+8 <= len(s) && marked8(&mdStops, s[i:i+8]) == 0 {
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
			b = append(b, s[last:i]...)
			b = append(b, '\\')
			last = i
		}
	}
	return append(b, s[last:]...)
}

// mdPlain reports whether s has no byte below ' ' and none that may need
// a backslash inside a line (those of mdInline), so that appendMD need
// only look at its start.
func mdPlain(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if marked8(&mdStops, s[i:i+8]) != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if mdStops[s[i]] != 0 {
			return false
		}
	}
	return true
}

// mdStops marks the bytes of mdInline and those below ' '.
var mdStops = func() (t [256]byte) {
	for c := range t {
		if c < ' ' || mdInline[c] {
			t[c] = 1
		}
	}
	return t
}()

// marked8 returns the marks t gives the eight bytes of w, or-ed together.
// Looking bytes up in a table, eight at a time, is the quickest way to
// scan text for a set of bytes that Go offers.
func marked8(t *[256]byte, w string) byte {
	w = w[:8]
	return t[w[0]] | t[w[1]] | t[w[2]] | t[w[3]] | t[w[4]] | t[w[5]] | t[w[6]] | t[w[7]]
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

// unsafeString returns the text in b without copying it, as
// [strings.Builder] does: the renderers build their output by appending to
// a byte slice, which costs less than writing to a Builder through a
// pointer, and b is not used again.
func unsafeString(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

// Width is the column at which [Notice.Text] wraps its lines.
const Width = 78

// Text writes the notice as plain text: the title underlined with "=",
// level-2 headings with "-" and level-3 headings with "~"; paragraphs
// wrapped at [Width] columns; list items as "  - " with their lines
// indented; and each table as its caption followed, row by row, by
// "Heading: cell" lines, the rows separated by blank lines.
func (n *Notice) Text() string { return render(n.textSizeHint(), n.appendText) }

// appendText appends the notice's plain text to b.
func (n *Notice) appendText(b []byte) []byte {
	var (
		header  []string // the header of the last table
		firsts  []string // its cells' first line prefixes
		scratch []byte   // see endSentenceIn
	)
	b = appendUnderlined(b, n.Title, '=')
	if n.Draft() {
		ph := n.draftPhrases()
		b = append(b, '\n')
		b = appendUnderlined(b, "*** "+strings.ToUpper(ph.draftHeading)+" ***", '*')
		b = append(b, '\n')
		b = appendWrapped(b, ph.draftLead, "", "")
		for _, it := range n.draftItems() {
			b = appendWrapped(b, it, "  - ", "    ")
		}
	}
	for _, s := range n.Sections {
		b = append(b, '\n')
		switch level(s.Level) {
		case 2:
			b = appendUnderlined(b, s.Heading, '-')
		default:
			b = appendUnderlined(b, s.Heading, '~')
		}
		for _, bl := range s.Blocks {
			b = append(b, '\n')
			switch bl := bl.(type) {
			case Paragraph:
				b = appendWrapped(b, bl.Text, "", "")
			case List:
				for _, it := range bl.Items {
					b = appendWrapped(b, it, "  - ", "    ")
				}
			case Link:
				b = appendWrapped(b, linkText(bl), "", "")
			case Links:
				for _, it := range bl.Items {
					b = appendWrapped(b, linkText(it), "  - ", "    ")
				}
			case Table:
				if bl.Caption != "" {
					b = appendWrapped(b, bl.Caption, "", "")
					b = append(b, '\n')
				}
				// The tables of a notice share a few headers: each
				// header's line prefixes are made once.
				if !sameSlice(bl.Header, header) {
					header = bl.Header
					firsts = firsts[:0]
					for _, h := range bl.Header {
						firsts = append(firsts, "  "+clean(h)+": ")
					}
				}
				for i, r := range bl.Rows {
					if i > 0 {
						b = append(b, '\n')
					}
					for j, c := range r {
						first := "  "
						if j < len(firsts) {
							first = firsts[j]
						}
						var cell string
						cell, scratch = endSentenceIn(scratch, c)
						b = appendWrapped(b, cell, first, "    ")
					}
				}
			}
		}
	}
	return b
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

func appendUnderlined(b []byte, s string, c byte) []byte {
	s = clean(s)
	b = appendWrapped(b, s, "", "")
	n := min(utf8.RuneCountInString(s), Width)
	switch c {
	case '=':
		b = append(b, underlines[0][:n]...)
	case '-':
		b = append(b, underlines[1][:n]...)
	case '~':
		b = append(b, underlines[2][:n]...)
	default:
		for range n {
			b = append(b, c)
		}
	}
	return append(b, '\n')
}

// underlines are lines of Width "=", "-" and "~".
var underlines = [3]string{strings.Repeat("=", Width), strings.Repeat("-", Width), strings.Repeat("~", Width)}

// appendWrapped appends s in lines of at most Width columns (a longer word,
// such as a URL, gets a line of its own), the first starting with first and
// the others with rest.
func appendWrapped(b []byte, s, first, rest string) []byte {
	if len(s) > 0 && (s[0] == ' ' || s[len(s)-1] == ' ') {
		s = clean(s)
	}
	if s == "" {
		b = append(b, strings.TrimRight(first, " ")...)
		return append(b, '\n')
	}
	if plainASCII(s) {
		return appendWrappedASCII(b, s, first, rest)
	}
	prefix := first
	for {
		b = append(b, prefix...)
		avail := Width - runeCount(prefix)
		cut, ok := byteAfter(s, avail)
		if !ok {
			// White space other than single spaces: collapse it and
			// start the line again.
			s = clean(s)
			cut, _ = byteAfter(s, avail)
		}
		if cut < 0 {
			b = append(b, s...)
			return append(b, '\n')
		}
		// s has more than avail columns: break at the last space that
		// keeps the line within Width, or else after the first word.
		i := strings.LastIndexByte(s[:cut+1], ' ')
		if i <= 0 {
			// A word longer than the line: it gets the line to itself.
			s = clean(s)
			if i = strings.IndexByte(s, ' '); i < 0 {
				b = append(b, s...)
				return append(b, '\n')
			}
		}
		b = append(b, s[:i]...)
		b = append(b, '\n')
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

const (
	lo8 = 0x0101010101010101
	hi8 = 0x8080808080808080
)

// appendWrappedASCII is appendWrapped for a text for which plainASCII holds.
func appendWrappedASCII(b []byte, s, first, rest string) []byte {
	prefix := first
	for {
		b = append(b, prefix...)
		avail := Width - runeCount(prefix)
		if avail < 0 || len(s) <= avail {
			b = append(b, s...)
			return append(b, '\n')
		}
		// s has more than avail columns: break at the last space that
		// keeps the line within Width, or else after the first word.
		i := strings.LastIndexByte(s[:avail+1], ' ')
		if i <= 0 {
			if i = strings.IndexByte(s, ' '); i < 0 {
				b = append(b, s...)
				return append(b, '\n')
			}
		}
		b = append(b, s[:i]...)
		b = append(b, '\n')
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
	return render(n.htmlSizeHint(), n.appendHTML)
}

func (n *Notice) appendHTML(b []byte) []byte {
	b = append(b, "<h1>"...)
	b = appendInline(b, n.Title)
	b = append(b, "</h1>\n"...)
	if n.Draft() {
		ph := n.draftPhrases()
		b = append(b, `<section class="draft" aria-labelledby="draft">`+"\n"+`<h2 id="draft">`...)
		b = appendInline(b, ph.draftHeading)
		b = append(b, "</h2>\n<p>"...)
		b = appendInline(b, ph.draftLead)
		b = append(b, "</p>\n<ul>\n"...)
		for _, it := range n.draftItems() {
			b = append(b, "<li>"...)
			b = appendInline(b, it)
			b = append(b, "</li>\n"...)
		}
		b = append(b, "</ul>\n</section>\n"...)
	}
	open := 0 // nested sections open
	for _, s := range n.Sections {
		l := level(s.Level)
		depth := l - 1 // level 2 is depth 1
		for open >= depth {
			b = append(b, "</section>\n"...)
			open--
		}
		if s.Nav {
			// The table of contents: a navigation landmark named by its
			// heading, not a section.
			b = append(b, `<nav aria-labelledby="`...)
			b = appendEscaped(b, s.ID)
			b = append(b, `">`+"\n"...)
		}
		for open < depth && !s.Nav {
			b = append(b, "<section>\n"...)
			open++
		}
		h := string(rune('0' + l))
		b = append(b, "<h"+h...)
		if s.ID != "" {
			b = append(b, ` id="`...)
			b = appendEscaped(b, s.ID)
			b = append(b, '"')
		}
		b = append(b, '>')
		b = appendInline(b, s.Heading)
		b = append(b, "</h"+h+">\n"...)
		for bi, bl := range s.Blocks {
			// With Trace, each block's element names the register fields
			// it came from.
			attr := ""
			if n.trace && bi < len(s.Sources) && len(s.Sources[bi]) > 0 {
				attr = ` data-source="` + html.EscapeString(strings.Join(s.Sources[bi], " ")) + `"`
			}
			switch bl := bl.(type) {
			case Link:
				b = append(b, "<p"+attr+">"...)
				b = appendHTMLLink(b, bl)
				b = append(b, "</p>\n"...)
			case Links:
				b = append(b, "<ul"+attr+">\n"...)
				for _, it := range bl.Items {
					b = append(b, "<li>"...)
					b = appendHTMLLink(b, it)
					b = append(b, "</li>\n"...)
				}
				b = append(b, "</ul>\n"...)
			case Paragraph:
				b = append(b, "<p"+attr+">"...)
				b = appendInline(b, bl.Text)
				b = append(b, "</p>\n"...)
			case List:
				b = append(b, "<ul"+attr+">\n"...)
				for _, it := range bl.Items {
					b = append(b, "<li>"...)
					b = appendInline(b, it)
					b = append(b, "</li>\n"...)
				}
				b = append(b, "</ul>\n"...)
			case Table:
				b = append(b, "<table"+attr...)
				if bl.Caption == "" && s.ID != "" {
					// Without a caption, the table is named by its
					// section's heading.
					b = append(b, ` aria-labelledby="`...)
					b = appendEscaped(b, s.ID)
					b = append(b, '"')
				}
				b = append(b, ">\n"...)
				if bl.Caption != "" {
					b = append(b, "<caption>"...)
					b = appendInline(b, bl.Caption)
					b = append(b, "</caption>\n"...)
				}
				b = append(b, "<thead>\n<tr>"...)
				for _, h := range bl.Header {
					b = append(b, `<th scope="col">`...)
					b = appendInline(b, h)
					b = append(b, "</th>"...)
				}
				b = append(b, "</tr>\n</thead>\n<tbody>\n"...)
				for _, r := range bl.Rows {
					b = append(b, "<tr>"...)
					for j, c := range r {
						if j == 0 {
							b = append(b, `<th scope="row">`...)
							b = appendInline(b, c)
							b = append(b, "</th>"...)
						} else {
							b = append(b, "<td>"...)
							b = appendInline(b, c)
							b = append(b, "</td>"...)
						}
					}
					b = append(b, "</tr>\n"...)
				}
				b = append(b, "</tbody>\n</table>\n"...)
			}
		}
		if s.Nav {
			b = append(b, "</nav>\n"...)
		}
	}
	for ; open > 0; open-- {
		b = append(b, "</section>\n"...)
	}
	return b
}

// appendHTMLLink appends a link to a section of the notice, in its text.
func appendHTMLLink(b []byte, l Link) []byte {
	before, after := l.parts()
	b = appendInline(b, before)
	b = append(b, `<a href="#`...)
	b = appendEscaped(b, l.Target)
	b = append(b, `">`...)
	b = appendInline(b, l.Label)
	b = append(b, "</a>"...)
	return appendInline(b, after)
}

// linkRE finds web addresses and email addresses in text.
var linkRE = regexp.MustCompile(`https?://[^\s<>"]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// appendInline appends text escaped, with its web and email addresses as
// links. White space is left as it is: HTML collapses it.
func appendInline(b []byte, s string) []byte {
	// Most text has neither addresses nor characters to escape: one pass
	// finds whether s is such text.
	var marks byte
	i := 0
	for ; i+8 <= len(s) && marks&htmlEscape == 0; i += 8 {
		marks |= marked8(&htmlStops, s[i:i+8])
	}
	for ; i < len(s) && marks&htmlEscape == 0; i++ {
		marks |= htmlStops[s[i]]
	}
	if marks == 0 || marks == htmlColon && !strings.Contains(s, "://") {
		return append(b, s...)
	}
	if !mayLink(s) {
		return appendEscaped(b, s)
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
		b = appendEscaped(b, s[last:start])
		b = append(b, `<a href="`...)
		b = appendEscaped(b, href)
		b = append(b, `">`...)
		b = appendEscaped(b, u)
		b = append(b, "</a>"...)
		last = end
	}
	return appendEscaped(b, s[last:])
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

// htmlStops marks with htmlEscape the bytes that appendEscaped replaces
// and "@", which every email address has, and with htmlColon ":", which
// every web address has.
var htmlStops = func() (t [256]byte) {
	for _, c := range "<>&'\"@" {
		t[c] = htmlEscape
	}
	t[':'] = htmlColon
	return t
}()

const (
	htmlEscape = 1 << iota
	htmlColon
)

// htmlSpecial marks the bytes appendEscaped replaces.
var htmlSpecial = [256]byte{'<': 1, '>': 1, '&': 1, '\'': 1, '"': 1}

// appendEscaped appends s with the five characters html.EscapeString escapes
// replaced by the same entities.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); i++ {
		// Skip eight bytes at a time while none of them can be special.
		for i+8 <= len(s) && marked8(&htmlSpecial, s[i:i+8]) == 0 {
			i += 8
		}
		if i >= len(s) {
			break
		}
		if htmlSpecial[s[i]] == 0 {
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
		b = append(b, s[last:i]...)
		b = append(b, e...)
		last = i + 1
	}
	return append(b, s[last:]...)
}

// pageCSS is the default style of [Notice.Page]: a readable column of about
// 70 characters in the system font. Every colour pair has a contrast ratio
// of at least 4.5:1 (WCAG 2.x relative luminance: text #1b1b1b on white
// 17.2:1; links #1d4f91 on white 8.1:1, visited #4c2c92 on white 10.1:1;
// table headers #1b1b1b on #f3f2f1 15.4:1; focused links #0b0c0c on
// #ffdd00 14.5:1); table borders #505a5f on white 7.1:1. Links are
// underlined, so they do not rely on colour alone, and the focus indicator
// is a 3px outline with a yellow background. In dark mode
// (prefers-color-scheme: dark) text #e8e8e8 on #121212 is 15.1:1, links
// #8ab4f8 8.6:1, visited #c58af9 7.1:1, table headers on #2a2a2a 11.6:1
// and the draft banner #ff8a80 8.2:1. On a narrow screen (under 40rem, so
// a 390px phone) the margins and headings shrink and table cells break
// long words, so that nothing scrolls sideways. In print the contents are
// left out, links print their address after them, table rows and list
// items are not split across pages and table headers repeat.
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
.draft{border:4px solid #b10e1e;padding:0 1rem;margin:0 0 2rem}
.draft h2{border-top:0;margin-top:1rem;color:#b10e1e}
nav ul{padding-left:1.25rem}
caption,th,td{overflow-wrap:anywhere}
@media (max-width:40rem){body{font-size:1rem}main{padding:1rem .75rem 2rem}h1{font-size:1.6rem}h2{font-size:1.3rem}th,td{padding:.4rem}}
@media (prefers-color-scheme:dark){:root{color-scheme:dark}body{background:#121212;color:#e8e8e8}h2{border-top-color:#e8e8e8}a{color:#8ab4f8}a:visited{color:#c58af9}thead th{background:#2a2a2a;color:#e8e8e8}th,td{border-color:#9aa0a6}.draft{border-color:#ff8a80}.draft h2{color:#ff8a80}}
@media print{body{background:#fff;color:#000;font-size:11pt}a,a:visited{color:#000}nav{display:none}a[href^="http"]::after,a[href^="mailto:"]::after{content:" (" attr(href) ")"}tr,th,td,li{break-inside:avoid}thead{display:table-header-group}h2,h3{break-after:avoid}}
`

// Page writes the notice as a complete HTML5 page: the fragment of
// [Notice.HTML] inside <main>, with the language, character set, viewport
// and title set, and the default style ([pageCSS]) in a <style> element.
// It is meant to meet WCAG 2.2 level AA.
func (n *Notice) Page() string { return render(n.htmlSizeHint()+len(pageCSS)+512, n.appendPage) }

// appendPage appends the notice's complete HTML page to b.
func (n *Notice) appendPage(b []byte) []byte {
	b = append(b, "<!DOCTYPE html>\n<html lang=\""...)
	b = append(b, html.EscapeString(n.lang())...)
	b = append(b, "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"...)
	b = append(b, html.EscapeString(clean(n.Title))...)
	b = append(b, "</title>\n<style>\n"...)
	b = append(b, pageCSS...)
	b = append(b, "</style>\n</head>\n<body>\n<main>\n"...)
	b = n.appendHTML(b)
	return append(b, "</main>\n</body>\n</html>\n"...)
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
	return size + size/64 + 64
}

// mdSizeHint estimates the length of the Markdown: the text with the
// markup around it, and a margin for backslashes.
func (n *Notice) mdSizeHint() int {
	size := len(n.Title) + 3
	for _, s := range n.Sections {
		size += len(s.Heading) + 9
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case Paragraph:
				size += len(bl.Text) + 2
			case List:
				size++
				for _, it := range bl.Items {
					size += len(it) + 3
				}
			case Table:
				size += len(bl.Caption) + 9 + 8*len(bl.Header)
				for _, h := range bl.Header {
					size += len(h)
				}
				for _, r := range bl.Rows {
					size += 2
					for _, c := range r {
						size += len(c) + 3
					}
				}
			}
		}
	}
	return size + size/64 + 64
}

// textSizeHint estimates the length of the plain text: the text, with
// the prefixes of wrapped lines, underlines and blank lines.
func (n *Notice) textSizeHint() int {
	// A text of l bytes wrapped after a prefix takes about l/64 lines
	// more than one, each starting with four spaces.
	wrapped := func(l, prefix int) int { return l + prefix + 1 + 4*(l/64) }
	size := 2*len(n.Title) + 2
	for _, s := range n.Sections {
		size += 2*len(s.Heading) + 3
		for _, bl := range s.Blocks {
			switch bl := bl.(type) {
			case Paragraph:
				size += wrapped(len(bl.Text), 0) + 1
			case List:
				size++
				for _, it := range bl.Items {
					size += wrapped(len(it), 4)
				}
			case Table:
				size += wrapped(len(bl.Caption), 0) + 2
				for _, r := range bl.Rows {
					size++
					for j, c := range r {
						h := 0
						if j < len(bl.Header) {
							h = len(bl.Header[j])
						}
						size += wrapped(len(c), h+4)
					}
				}
			}
		}
	}
	return size + size/64 + 64
}

// endSentenceIn is endSentence writing the text it adds a full stop to
// into buf (returned for reuse) instead of a new string: the text is good
// until buf is written again.
func endSentenceIn(buf []byte, c string) (string, []byte) {
	c = strings.TrimRight(c, " ")
	if c == "" || strings.ContainsRune(".!?:", rune(c[len(c)-1])) {
		return c, buf
	}
	buf = append(append(buf[:0], c...), '.')
	return unsafeString(buf), buf
}

// sameSlice reports whether a and b are the same slice: the same
// elements in the same memory.
func sameSlice(a, b []string) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// endSentence ends a table cell of plain text with a full stop when it
// ends with none, as each cell stands on lines of its own there ("What we
// use it for: To pay you."), where Markdown and HTML set it in a cell.
func endSentence(c string) string {
	c = strings.TrimRight(c, " ")
	if c == "" || strings.ContainsRune(".!?:", rune(c[len(c)-1])) {
		return c
	}
	return c + "."
}
