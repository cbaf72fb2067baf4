package xlsx

import (
	"bytes"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Reading rows: the sheets Write wrote, untouched, are read by the
// package's own decoder; anything else by excelize's row iterator.
//
// excelize's Rows decodes a sheet token by token with encoding/xml, which
// is most of what reading a large workbook costs. The XML Write writes is
// a small, regular part of SpreadsheetML (rows.go): rows numbered in
// order, each cell numbered, holding an inline string or nothing. For
// such a sheet rdOwnRows reads the rows straight from the zip, a row at a
// time, and gives for each exactly what excelize gives (the raw text,
// placed by column). The first row that is anything else — a shared
// string or a number, as a spreadsheet program saves an edited workbook,
// rich text, a formula, an entity reference, a cell without a reference —
// hands the sheet over to excelize's Rows, from that row on. Sheets the
// scan found something in (book.Finding) are read by excelize from the
// start.

// rdRowIter is what the reader needs of a row iterator; *excelize.Rows
// is one.
type rdRowIter interface {
	Next() bool
	Columns(opts ...excelize.Options) ([]string, error)
	Error() error
	Close() error
}

// rows returns a row iterator over sheet.
func (rd *rdReader) rows(sheet string) (rdRowIter, error) {
	if len(rd.found[sheet]) == 0 {
		if src := rd.wb.SheetReader(sheet); src != nil {
			it := &rdOwnRows{f: rd.f, sheet: sheet, src: src, buf: make([]byte, 0, 64<<10)}
			if it.start() {
				return it, nil
			}
			src.Close()
		}
	}
	return rd.f.Rows(sheet)
}

// rdOwnRows reads the rows of a sheet as Write writes them (see above).
type rdOwnRows struct {
	f     *excelize.File
	sheet string
	src   io.ReadCloser // the sheet's XML; nil once read
	buf   []byte        // read from src, from pos on not yet decoded
	pos   int
	eof   bool
	done  bool // the end of sheetData was reached

	seek  int      // the row Next moved to
	cur   int      // the number of the last row decoded
	cells []string // its cells

	// excelize reads the sheet from the first row the decoder does not
	// take; err is its error.
	rows *excelize.Rows
	err  error
}

// fill reads more of the sheet into buf; it reports whether there was
// more.
func (it *rdOwnRows) fill() bool {
	if it.eof {
		return false
	}
	if it.pos > 0 {
		it.buf = append(it.buf[:0], it.buf[it.pos:]...)
		it.pos = 0
	}
	if len(it.buf) == cap(it.buf) {
		it.buf = append(it.buf, 0)[:len(it.buf)]
	}
	n, err := it.src.Read(it.buf[len(it.buf):cap(it.buf)])
	it.buf = it.buf[:len(it.buf)+n]
	if err != nil {
		it.eof = true
		if err != io.EOF {
			return false
		}
	}
	return n > 0 || !it.eof
}

// until returns the unread bytes up to and including the first marker,
// reading as much as needed (about limit bytes at most), and moves past
// them.
func (it *rdOwnRows) until(marker []byte, limit int) ([]byte, bool) {
	from := 0
	for {
		if i := bytes.Index(it.buf[it.pos+from:], marker); i >= 0 {
			end := it.pos + from + i + len(marker)
			b := it.buf[it.pos:end]
			it.pos = end
			return b, true
		}
		from = max(0, len(it.buf)-it.pos-len(marker)+1)
		if len(it.buf)-it.pos > limit || !it.fill() {
			return nil, false
		}
	}
}

// rdMaxHead and rdMaxRow bound what is read looking for the start of the
// rows and for the end of one row: a row of Write is far shorter than
// rdMaxRow (a cell holds at most 32,767 characters, each escaped in at
// most 6 bytes, and a row has some 30 cells).
const (
	rdMaxHead = 1 << 20
	rdMaxRow  = 64 << 20
)

// start reads up to the rows; it reports false for a sheet whose rows are
// not where Write puts them.
func (it *rdOwnRows) start() bool {
	head, ok := it.until([]byte("<sheetData"), rdMaxHead)
	if !ok || bytes.Contains(head, []byte("<!")) {
		return false // a DOCTYPE, a comment or CDATA: excelize decides
	}
	rest, ok := it.until([]byte(">"), 16)
	switch {
	case !ok:
		return false
	case bytes.Equal(rest, []byte("/>")):
		it.done = true
	case !bytes.Equal(rest, []byte(">")):
		return false
	}
	return true
}

// Next moves to the next row.
func (it *rdOwnRows) Next() bool {
	if it.rows != nil {
		return it.rows.Next()
	}
	if it.err != nil {
		return false
	}
	it.seek++
	if it.seek <= it.cur {
		return true // a row without cells, before the row decoded
	}
	if it.done {
		return false
	}
	n, cells, ok := it.next()
	if !ok {
		return it.handOver()
	}
	if n == 0 {
		it.done = true
		return false
	}
	it.cur, it.cells = n, cells
	return true
}

// handOver passes the sheet to excelize's Rows, at the row Next is moving
// to: excelize moves past the rows before it.
func (it *rdOwnRows) handOver() bool {
	it.closeSrc()
	rows, err := it.f.Rows(it.sheet)
	if err != nil {
		it.err = err
		return false
	}
	it.rows = rows
	for range it.seek - 1 {
		if !rows.Next() {
			return false
		}
	}
	return rows.Next()
}

// Columns returns the cells of the current row, as excelize's Rows does
// with RawCellValue: by column from A, the text as stored.
func (it *rdOwnRows) Columns(opts ...excelize.Options) ([]string, error) {
	if it.rows != nil {
		return it.rows.Columns(opts...)
	}
	if it.seek != it.cur {
		return nil, nil
	}
	return it.cells, nil
}

// Error returns the error that ended the rows.
func (it *rdOwnRows) Error() error {
	if it.rows != nil {
		return it.rows.Error()
	}
	return it.err
}

// Close releases the sheet.
func (it *rdOwnRows) Close() error {
	it.closeSrc()
	if it.rows != nil {
		return it.rows.Close()
	}
	return nil
}

func (it *rdOwnRows) closeSrc() {
	if it.src != nil {
		it.src.Close()
		it.src = nil
	}
	it.buf = nil
}

// next decodes the next row: its number and cells, or 0 at the end of
// the rows; ok is false for XML the decoder does not take, which it then
// leaves unread.
func (it *rdOwnRows) next() (n int, cells []string, ok bool) {
	for {
		for it.pos < len(it.buf) && isXMLSpace(it.buf[it.pos]) {
			it.pos++
		}
		if len(it.buf)-it.pos >= len("</sheetData>") || !it.fill() {
			break
		}
	}
	rest := it.buf[it.pos:]
	if bytes.HasPrefix(rest, []byte("</sheetData>")) {
		return 0, nil, true
	}
	if !bytes.HasPrefix(rest, []byte("<row ")) {
		return 0, nil, false
	}
	save := it.pos
	row, found := it.until([]byte("</row>"), rdMaxRow)
	if !found {
		it.pos = save
		return 0, nil, false
	}
	n, cells, ok = rdDecodeRow(row)
	if !ok || n <= it.cur || n > excelize.TotalRows {
		it.pos = save
		return 0, nil, false
	}
	return n, cells, true
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// rdDecodeRow decodes one <row>…</row> as Write writes it.
func rdDecodeRow(b []byte) (n int, cells []string, ok bool) {
	b = b[:len(b)-len("</row>")]
	tag, body, ok := cutTag(b)
	if !ok {
		return 0, nil, false
	}
	r, _, ok := checkTag(tag, rowAttr)
	if !ok || r == nil {
		return 0, nil, false
	}
	// rowAttr took r as a whole number from 1, written as strconv writes it.
	n, _ = strconv.Atoi(string(r))
	last := 0 // the column of the last cell
	for len(body) > 0 {
		if !bytes.HasPrefix(body, []byte("<c ")) {
			return 0, nil, false
		}
		tag, rest, ok := cutTag(body)
		if !ok {
			return 0, nil, false
		}
		ref, typ, ok := checkTag(tag, cellAttr)
		if !ok {
			return 0, nil, false
		}
		col := refColumn(ref, r)
		if col <= last || col > excelize.MaxColumns {
			return 0, nil, false
		}
		last = col
		var text string
		switch {
		case bytes.HasPrefix(rest, []byte("</c>")):
			body = rest[len("</c>"):]
		case typ != nil && bytes.HasPrefix(rest, []byte("<is><t")): // cellAttr takes only t="inlineStr"
			rest = rest[len("<is><t"):]
			switch {
			case bytes.HasPrefix(rest, []byte(">")):
				rest = rest[1:]
			case bytes.HasPrefix(rest, []byte(` xml:space="preserve">`)):
				rest = rest[len(` xml:space="preserve">`):]
			default:
				return 0, nil, false
			}
			end := bytes.Index(rest, []byte("</t></is></c>"))
			if end < 0 {
				return 0, nil, false
			}
			text, ok = rdUnescape(rest[:end])
			if !ok {
				return 0, nil, false
			}
			body = rest[end+len("</t></is></c>"):]
		default:
			return 0, nil, false
		}
		if text == "" {
			continue // as excelize: an empty cell is no cell
		}
		for len(cells) < col-1 {
			cells = append(cells, "")
		}
		cells = append(cells, text)
	}
	return n, cells, true
}

// cutTag splits b, which starts with a start tag, after that tag: the tag
// without its brackets, and what follows. A self-closing tag is not
// taken.
func cutTag(b []byte) (tag, rest []byte, ok bool) {
	end := bytes.IndexByte(b, '>')
	if end < 0 || b[end-1] == '/' {
		return nil, nil, false
	}
	return b[1:end], b[end+1:], true
}

// eachAttr calls fn with each attribute of a start tag (written without
// its brackets), in order, and reports whether the tag is as Write writes
// tags and fn returned true for each: the element's name, then
// attributes, each a name, "=" and a value in double quotes of printable
// ASCII holding no markup and no entity reference, separated by spaces.
func eachAttr(tag []byte, fn func(name, value []byte) bool) bool {
	i := bytes.IndexFunc(tag, func(r rune) bool { return r < 0x80 && isXMLSpace(byte(r)) })
	if i <= 0 {
		return false
	}
	for i < len(tag) {
		j := i
		for j < len(tag) && isXMLSpace(tag[j]) {
			j++
		}
		if j == len(tag) {
			break // spaces before the end of the tag
		}
		if j == i {
			return false // attributes not separated by a space
		}
		k := j
		for k < len(tag) && isNameByte(tag[k], k == j) {
			k++
		}
		if k == j || k+1 >= len(tag) || tag[k] != '=' || tag[k+1] != '"' {
			return false
		}
		v := tag[k+2:]
		end := bytes.IndexByte(v, '"')
		if end < 0 || !plainASCII(v[:end]) || !fn(tag[j:k], v[:end]) {
			return false
		}
		i = k + 2 + end + 1
	}
	return true
}

// checkTag reports whether a start tag is as Write writes it: well formed
// (see eachAttr), each attribute one that allowed takes with its value, no
// attribute twice. Anything else goes to excelize, which may read it
// otherwise (an attribute inside another's single-quoted value, a name
// given twice, an empty style that makes it drop the cell). It returns
// the values of the attributes r and t (nil where the tag has none), read
// in the same pass.
func checkTag(tag []byte, allowed func(name, value []byte) bool) (r, t []byte, ok bool) {
	var seen []string
	ok = eachAttr(tag, func(name, value []byte) bool {
		if slices.Contains(seen, string(name)) || !allowed(name, value) {
			return false
		}
		seen = append(seen, string(name))
		switch string(name) {
		case "r":
			r = value
		case "t":
			t = value
		}
		return true
	})
	return r, t, ok
}

// rowAttr and cellAttr take the attributes Write writes on a row and a
// cell, with values as it writes them.
func rowAttr(name, value []byte) bool {
	switch string(name) {
	case "r":
		return canonicalInt(value, 1)
	case "ht":
		f, err := strconv.ParseFloat(string(value), 64)
		return err == nil && f > 0 && string(strconv.AppendFloat(nil, f, 'f', -1, 64)) == string(value)
	case "customHeight":
		return string(value) == "1"
	}
	return false
}

func cellAttr(name, value []byte) bool {
	switch string(name) {
	case "r":
		return len(value) > 0
	case "s":
		return canonicalInt(value, 0)
	case "t":
		return string(value) == "inlineStr"
	}
	return false
}

// canonicalInt reports whether b is a whole number of at least min written
// as strconv writes it: digits, no sign, no leading zero.
func canonicalInt(b []byte, min int) bool {
	n, err := strconv.Atoi(string(b))
	return err == nil && n >= min && strconv.Itoa(n) == string(b)
}

// plainASCII reports whether b is printable ASCII holding no markup and
// no entity reference, as every attribute value Write writes is.
func plainASCII(b []byte) bool {
	for _, c := range b {
		if c < 0x20 || c >= 0x7f || c == '<' || c == '&' {
			return false
		}
	}
	return true
}

// isNameByte reports whether c may stand in an attribute name written in
// ASCII (first: at its start).
func isNameByte(c byte, first bool) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c == ':':
		return true
	case '0' <= c && c <= '9', c == '-', c == '.':
		return !first
	}
	return false
}

// refColumn returns the 1-based column of a cell reference ("AB12") in
// the row numbered row (as written in the row's tag), or 0 when it is not
// a reference to that row written as Write writes it.
func refColumn(ref, row []byte) int {
	col, i := 0, 0
	for ; i < len(ref) && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
		if col > excelize.MaxColumns {
			return 0
		}
	}
	if i == 0 || !bytes.Equal(ref[i:], row) {
		return 0
	}
	return col
}

// rdUnescape decodes a cell's text: XML's five entities and character
// references, then the escaped characters of SpreadsheetML ("_x000D_",
// rdBstr). It refuses (ok false) what excelize would read otherwise:
// markup, and a carriage return (which XML turns into a line feed).
func rdUnescape(b []byte) (string, bool) {
	if !xmlText(b) {
		return "", false
	}
	if bytes.IndexByte(b, '&') < 0 {
		return rdBstr(string(b)), true
	}
	out := make([]byte, 0, len(b))
	for len(b) > 0 {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			out = append(out, b...)
			break
		}
		out = append(out, b[:i]...)
		b = b[i:]
		end := bytes.IndexByte(b, ';')
		if end < 0 {
			return "", false
		}
		name := b[1:end]
		b = b[end+1:]
		switch string(name) {
		case "amp":
			out = append(out, '&')
		case "lt":
			out = append(out, '<')
		case "gt":
			out = append(out, '>')
		case "quot":
			out = append(out, '"')
		case "apos":
			out = append(out, '\'')
		default:
			r, ok := charRef(name)
			if !ok {
				return "", false
			}
			out = append(out, string(r)...)
		}
	}
	return rdBstr(string(out)), true
}

// xmlText reports whether b may be taken as a cell's text without an XML
// decoder: valid UTF-8 of characters XML allows, no markup, and no
// carriage return (which XML turns into a line feed). Anything else is
// left to excelize, which reads it, or refuses it, as XML says.
func xmlText(b []byte) bool {
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\t' && c != '\n' || c == '<' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 || r == 0xFFFE || r == 0xFFFF {
			return false
		}
		i += n
	}
	return true
}

// rdBstr undoes wrBstr, as excelize's bstrUnmarshal does: "_xHHHH_" is
// the character U+HHHH, and "_x005F_" an underscore.
func rdBstr(s string) string {
	if !wrHasBstr(s) {
		return s
	}
	var out strings.Builder
	cursor := 0
	for _, m := range wrBstrExp.FindAllStringIndex(s, -1) {
		out.WriteString(s[cursor:m[0]])
		cursor = m[1]
		if s[m[0]:m[1]] == "_x005F_" {
			out.WriteByte('_')
			continue
		}
		v, _ := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`)
		out.WriteString(v)
	}
	out.WriteString(s[cursor:])
	return out.String()
}

// charRef decodes a character reference's name ("#39", "#x9"); it takes
// only characters XML allows.
func charRef(name []byte) (rune, bool) {
	if len(name) < 2 || name[0] != '#' {
		return 0, false
	}
	base, digits := 10, name[1:]
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	v, err := strconv.ParseUint(string(digits), base, 32)
	if err != nil {
		return 0, false
	}
	r := rune(v)
	switch {
	case r == '\t' || r == '\n' || r == '\r':
	case r >= 0x20 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
	default:
		return 0, false
	}
	return r, true
}
