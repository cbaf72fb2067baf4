package xlsx

import (
	"bytes"
	"compress/flate"
	"hash/crc32"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The rows of every sheet are encoded by the package rather than by
// excelize's StreamWriter, which is left to write everything around them:
// the columns, panes, merged cells, filter, drop-downs and page setup.
// (StreamWriter.SetRow goes through excelize's generic cell model for
// each cell — an interface per value, a cell reference parsed and
// formatted, the text escaped into a new string and scanned again — which
// cost about as much as everything else Write does.)
//
// A sheet's StreamWriter is given no rows, so the part excelize writes
// holds an empty <sheetData></sheetData>; the zip writer (zip.go) puts
// the encoded rows between the two tags. The rows are compressed as they
// are encoded, into a deflate stream ended by a sync flush so that it can
// be joined to the compressed bytes of the part before it, and their CRC
// is combined with the part's (crc32Combine).
//
// The XML is what StreamWriter writes for the same cells (the tests read
// the workbook with excelize, openpyxl and LibreOffice): an inline string
// cell per non-empty text, with its style; an empty cell only where a
// style must show (a heading's fill), and the row's height where the text
// needs more than one line.

// wrRows encodes the rows of one sheet, compressed.
type wrRows struct {
	buf  []byte        // encoded rows not yet compressed
	fw   *flate.Writer // compresses into data
	data bytes.Buffer  // the compressed rows, after a sync flush
	crc  uint32        // of the uncompressed rows
	size uint64        // uncompressed
	err  error
}

// wrRowsBatch is how many bytes of XML are encoded before they are
// compressed.
const wrRowsBatch = 64 << 10

// row encodes row n (1-based) with its cells from column A: a cell is
// written when it holds text, or when keep is set and it has a style.
// styles holds a style ID a cell (0: none); height is the row's height in
// points, 0 for the default.
func (e *wrRows) row(n int, height float64, cells []string, styles []int, keep bool) {
	b := append(e.buf, `<row r="`...)
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, s := range cells {
		if s == "" && (!keep || styles[i] == 0) {
			continue
		}
		if len(s) > wbMaxCell {
			s = wrTruncate(s)
		}
		b = append(b, `<c r="`...)
		b = wrAppendColName(b, i+1)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, '"')
		if styles[i] != 0 {
			b = append(b, ` s="`...)
			b = strconv.AppendInt(b, int64(styles[i]), 10)
			b = append(b, '"')
		}
		if s == "" {
			b = append(b, `></c>`...)
			continue
		}
		b = append(b, ` t="inlineStr"><is><t`...)
		if wrPreserveSpace(s) {
			b = append(b, ` xml:space="preserve"`...)
		}
		b = append(b, '>')
		b = wrAppendText(b, s)
		b = append(b, `</t></is></c>`...)
	}
	b = append(b, `</row>`...)
	e.buf = b
	if len(e.buf) >= wrRowsBatch {
		e.compress()
	}
}

// compress moves the encoded rows into the compressed stream.
func (e *wrRows) compress() {
	if len(e.buf) == 0 || e.err != nil {
		e.buf = e.buf[:0]
		return
	}
	if e.fw == nil {
		e.fw, e.err = getFlate(&e.data)
		if e.err != nil {
			return
		}
	}
	e.crc = crc32.Update(e.crc, crc32.IEEETable, e.buf)
	e.size += uint64(len(e.buf))
	_, e.err = e.fw.Write(e.buf)
	e.buf = e.buf[:0]
}

// finish compresses what is left and ends the stream with a sync flush,
// so that it can follow other compressed bytes; the rows are then in
// data, and the deflater is released.
func (e *wrRows) finish() error {
	e.compress()
	if e.fw != nil {
		if e.err == nil {
			e.err = e.fw.Flush()
		}
		putFlate(e.fw)
		e.fw = nil
	}
	e.buf = nil
	return e.err
}

// wrTruncate cuts s to the UTF-16 code units a cell holds, as excelize
// does (Write refuses such text on the data sheets, and cuts view cells
// itself with a mark, vwFit: this is the last resort).
func wrTruncate(s string) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > wbMaxCell {
			return s[:i]
		}
	}
	return s
}

// wrPreserveSpace reports whether s starts or ends with white space, which
// a reader keeps only with xml:space="preserve" (as excelize marks it).
func wrPreserveSpace(s string) bool {
	first, last := s[0], s[len(s)-1]
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return space(first) || space(last)
}

// wrAppendColName appends the letters of the 1-based column n.
func wrAppendColName(b []byte, n int) []byte {
	if n <= 26 {
		return append(b, byte('A'+n-1))
	}
	return append(b, wbColName(n)...)
}

// wrAppendText appends s escaped as excelize escapes a cell's text:
// encoding/xml's escaping, except that line breaks stay as they are, and
// a character XML cannot carry (or a byte that is not UTF-8) becomes
// U+FFFD; then a literal "_xHHHH_" is itself escaped (wrBstr), so that
// readers do not take it for an escaped character.
func wrAppendText(b []byte, s string) []byte {
	start := len(b)
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		esc, width := "", 1
		if c < utf8.RuneSelf {
			esc = wrEscapes[c]
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			width = size
			if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[last:i]...)
			b = append(b, esc...)
			last = i + width
		}
		i += width
	}
	b = append(b, s[last:]...)
	if wrHasBstr(s) {
		b = append(b[:start], wrBstr(string(b[start:]))...)
	}
	return b
}

// wrEscapes are the escapes of the ASCII characters that have one:
// encoding/xml's, but for the line feed, and U+FFFD for a control
// character XML cannot carry.
var wrEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range byte(0x20) {
		t[c] = "\uFFFD"
	}
	t['\n'], t['\t'], t['\r'] = "", "&#x9;", "&#xD;"
	t['&'], t['<'], t['>'], t['"'], t['\''] = "&amp;", "&lt;", "&gt;", "&#34;", "&#39;"
	return t
}()

// wrHasBstr reports whether s holds "_x" followed by four hexadecimal
// digits and "_", which wrBstr escapes.
func wrHasBstr(s string) bool {
	for {
		i := strings.Index(s, "_x")
		if i < 0 || len(s) < i+7 {
			return false
		}
		if s[i+6] == '_' && wrIsHex(s[i+2]) && wrIsHex(s[i+3]) && wrIsHex(s[i+4]) && wrIsHex(s[i+5]) {
			return true
		}
		s = s[i+2:]
	}
}

func wrIsHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

var (
	wrBstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	wrBstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// wrBstr escapes the literal "_xHHHH_" sequences of s as "_x005F_xHHHH_",
// as excelize's bstrMarshal does (ECMA-376 Part 1, 22.9.2.19 ST_Xstring):
// the readers unescape them.
func wrBstr(s string) string {
	matches, l, cursor := wrBstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	var out strings.Builder
	for _, m := range matches {
		out.WriteString(s[cursor:m[0]])
		sub := s[m[0]:m[1]]
		if sub == "_x005F_" {
			cursor = m[1]
			if m[1]+6 <= l && wrBstrEscapeExp.MatchString(s[m[1]:m[1]+6]) {
				if _, err := strconv.Unquote(`"\u` + s[m[1]+1:m[1]+5] + `"`); err == nil {
					out.WriteString(sub + "x005F" + sub)
					continue
				}
			}
			out.WriteString(sub + "x005F_")
			continue
		}
		cursor = m[1]
		if _, err := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`); err == nil {
			out.WriteString("_x005F" + sub)
		}
	}
	if cursor < l {
		out.WriteString(s[cursor:])
	}
	return out.String()
}

// crc32Combine returns the CRC-32 (IEEE) of a followed by b from the CRCs
// of a and b and the length of b. CRC-32 is linear: shifting a's CRC over
// n zero bytes and adding b's, less that of n zeros (which cancels the
// initial and final inversions counted twice), gives the whole's.
func crc32Combine(crcA, crcB uint32, lenB uint64) uint32 {
	var zeros [32 << 10]byte
	shifted, zero := crcA, uint32(0)
	for n := lenB; n > 0; {
		k := min(n, uint64(len(zeros)))
		shifted = crc32.Update(shifted, crc32.IEEETable, zeros[:k])
		zero = crc32.Update(zero, crc32.IEEETable, zeros[:k])
		n -= k
	}
	return shifted ^ crcB ^ zero
}
