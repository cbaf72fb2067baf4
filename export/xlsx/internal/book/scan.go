package book

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// The scan looks at the XML of every worksheet (and the shared strings)
// for what excelize would read wrongly without a word:
//
//   - a cell holding an error value (t="e": #DIV/0!, #N/A, ...), which
//     excelize returns as if it were text;
//   - a formula without a computed value, which it returns as empty;
//   - an entity reference other than XML's five and character references
//     (&who;, declared or not in a DOCTYPE): excelize's decoder stops at
//     it, and its row reader takes that for the end of the sheet, so the
//     cell and every row after it would vanish;
//   - a cell of a type the format does not have;
//   - a sheet whose XML breaks off or is otherwise malformed, which
//     excelize's row reader also takes for the end of the sheet.
//
// A first pass only searches the unpacked bytes for the few patterns
// that can start one of these (an "&" that does not start a predefined or
// character reference, ` t="` with an unusual type, "<f", "<!DOCTYPE")
// and checks that the part ends as a worksheet does; a part with a hit is
// decoded token by token to place each finding in its cell. A workbook
// written by [Write] has none of these patterns, so reading it costs one
// more inflation of its sheets and no XML decoding.
//
// An unknown entity is repaired before excelize reads the part: its "&"
// is escaped, so that the cell reads as the reference's text ("&who;")
// and the rest of the sheet is read. The readers report every finding by
// its cell.

// Kind is what the scan found in a cell.
type Kind int

const (
	KindError   Kind = iota // an error value (t="e")
	KindFormula             // a formula without a value
	KindEntity              // an entity reference that was repaired
	KindType                // a cell type the format does not have
	KindSyntax              // the XML breaks off or is malformed here
)

// Finding is one finding: a 1-based row and column (0 when unknown), what
// was found and the text concerned (the error value, the formula, the
// entity reference and what a DOCTYPE declares it as, the type, or the
// decoder's message).
type Finding struct {
	Row, Col int
	Kind     Kind
	Text     string
}

// scanResult is what the scan found, by part name (lower case).
type scanResult struct {
	parts map[string][]Finding
	// strings are the shared strings holding an entity reference, by
	// index, with the reference.
	strings map[int]string
}

// at returns the findings of the named part, by row and column.
func (s *scanResult) at(part string) map[[2]int]Finding {
	if s == nil {
		return nil
	}
	list := s.parts[strings.ToLower(part)]
	if len(list) == 0 {
		return nil
	}
	out := make(map[[2]int]Finding, len(list))
	for _, c := range list {
		k := [2]int{c.Row, c.Col}
		prev, dup := out[k]
		switch {
		case !dup:
			out[k] = c
		case prev.Kind == KindEntity && c.Kind == KindEntity:
			prev.Text += entitySep + c.Text // several references in one cell
			out[k] = prev
		}
	}
	return out
}

// message says what a finding is and what becomes of the cell; ico tells
// the importer's words (what was kept) from the reader's (what to do).
func (c Finding) Message(ico bool) string {
	switch c.Kind {
	case KindError:
		if ico {
			return fmt.Sprintf("holds the Excel error value %s (a formula that failed), not data: nothing was imported from it; correct the formula or type the value", c.Text)
		}
		return fmt.Sprintf("holds the Excel error value %s (a formula that failed), not a value: type the value", c.Text)
	case KindFormula:
		if ico {
			return fmt.Sprintf("holds the formula =%s without a computed value (the program that saved the file did not calculate it): nothing was imported from it; open and save the workbook in Excel, or type the value", rdShort(c.Text))
		}
		return fmt.Sprintf("holds the formula =%s without a computed value: type the value", rdShort(c.Text))
	case KindEntity:
		refs := strings.Split(c.Text, entitySep)
		what, names := "the XML entity reference ", make([]string, len(refs))
		if len(refs) > 1 {
			what = "the XML entity references "
		}
		for i, r := range refs {
			names[i] = strconv.Quote(entityName(r))
		}
		what += strings.Join(refs, ", ")
		if ico {
			return fmt.Sprintf("holds %s, which a workbook cannot hold and which would have been read as nothing: kept as the text %s", what, strings.Join(names, ", "))
		}
		return fmt.Sprintf("holds %s, which a workbook cannot hold (Write never writes one): it would be read as the text %s; type the text in the cell again", what, strings.Join(names, ", "))
	case KindType:
		if ico {
			return fmt.Sprintf("holds a value of the type %q, which workbooks do not have: nothing was imported from it", c.Text)
		}
		return fmt.Sprintf("holds a value of the type %q, which workbooks do not have", c.Text)
	default:
		return fmt.Sprintf("the sheet's XML is broken here (%s): nothing from this cell to the end of the sheet could be read; open and save the workbook in Excel, which repairs what it can", c.Text)
	}
}

// entitySep separates the references of one cell in a finding's text.
const entitySep = "\x00"

// entityName returns the reference's own text, without what a DOCTYPE
// declares it as.
func entityName(s string) string {
	name, _, _ := strings.Cut(s, " ")
	return name
}

func rdShort(s string) string {
	if r := []rune(s); len(r) > 80 {
		return string(r[:77]) + "..."
	}
	return s
}

// scanParts scans the worksheets and shared strings of a workbook. It
// returns the findings and, when it repaired a part, the workbook's bytes
// with the repaired parts.
func scanParts(zr *zip.Reader, c Limits) (*scanResult, []byte, error) {
	res := &scanResult{parts: map[string][]Finding{}}
	fixed := map[string][]byte{}
	scanOne := func(f *zip.File, sheet bool) error {
		hit, err := QuickScan(f, sheet)
		if err != nil {
			return fmt.Errorf("%w: its part %s cannot be unpacked: %v", ErrNotWorkbook, f.Name, err)
		}
		if !hit {
			return nil
		}
		if f.UncompressedSize64 > uint64(c.MaxPart) {
			return fmt.Errorf("%w: its part %s holds XML that excelize would misread (an error value, a formula without a value or an entity reference), and at %d bytes it is larger than the %d bytes a part may be to be looked at closely (xlsx.MaxPartSize; raise it with xlsx.WithMaxPartSize)",
				ErrTooLarge, f.Name, f.UncompressedSize64, c.MaxPart)
		}
		data, err := readPart(f)
		if err != nil {
			return fmt.Errorf("%w: its part %s cannot be unpacked: %v", ErrNotWorkbook, f.Name, err)
		}
		repaired, refs := repairEntities(data)
		if repaired != nil {
			fixed[f.Name] = repaired
			data = repaired
		}
		if sheet {
			res.parts[strings.ToLower(f.Name)] = decodeSheet(data, refs, res.strings)
		} else {
			res.strings = decodeStrings(data, refs)
		}
		return nil
	}
	// The shared strings first: a sheet that uses a repaired string is
	// then decoded to place it.
	for _, f := range zr.File {
		if strings.EqualFold(f.Name, "xl/sharedStrings.xml") {
			if err := scanOne(f, false); err != nil {
				return nil, nil, err
			}
		}
	}
	for _, f := range zr.File {
		n := strings.ToLower(f.Name)
		if strings.HasPrefix(n, "xl/worksheets/") && strings.HasSuffix(n, ".xml") {
			if len(res.strings) > 0 {
				// Every sheet may use the repaired strings.
				data, err := readPartLimited(f, c.MaxPart)
				if err != nil {
					return nil, nil, err
				}
				if _, done := fixed[f.Name]; !done {
					repaired, refs := repairEntities(data)
					if repaired != nil {
						fixed[f.Name] = repaired
						data = repaired
					}
					res.parts[n] = decodeSheet(data, refs, res.strings)
				}
				continue
			}
			if err := scanOne(f, true); err != nil {
				return nil, nil, err
			}
		}
	}
	if len(fixed) == 0 {
		return res, nil, nil
	}
	out, err := replaceParts(zr, fixed)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	return res, out, nil
}

func readPart(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

func readPartLimited(f *zip.File, limit int64) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%w: its part %s, which uses a shared string holding an entity reference, is at %d bytes too large to be looked at closely (xlsx.MaxPartSize; raise it with xlsx.WithMaxPartSize)",
			ErrTooLarge, f.Name, f.UncompressedSize64)
	}
	data, err := readPart(f)
	if err != nil {
		return nil, fmt.Errorf("%w: its part %s cannot be unpacked: %v", ErrNotWorkbook, f.Name, err)
	}
	return data, nil
}

// QuickScan reads a part for the patterns that start a finding. For a
// worksheet it also checks that the XML ends with the worksheet's end tag.
func QuickScan(f *zip.File, sheet bool) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, err
	}
	defer rc.Close()
	const overlap = 16
	buf := make([]byte, 64<<10+overlap)
	keep := 0
	var tail []byte
	for {
		n, err := io.ReadFull(rc, buf[keep:])
		data := buf[:keep+n]
		if quickHit(data) {
			return true, nil
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			tail = bytes.TrimRight(data, " \t\r\n")
			break
		}
		if err != nil {
			return false, err
		}
		keep = min(len(data), overlap)
		copy(buf, data[len(data)-keep:])
	}
	if sheet && !bytes.HasSuffix(tail, []byte("worksheet>")) {
		return true, nil // broken off: decode it to say where
	}
	return false, nil
}

// cellTypes are the cell types of the format (ECMA-376 Part 1, 18.18.11
// ST_CellType); a cell with t="e" holds an error value.
var cellTypes = []string{"s", "str", "inlineStr", "n", "b", "d"}

// quickHit reports whether data holds a pattern that starts a finding. A
// pattern cut at the end of data is found in the next chunk, which
// starts with the last bytes of this one.
func quickHit(data []byte) bool {
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '&')
		if j < 0 {
			break
		}
		i += j + 1
		rest := data[i:]
		if len(rest) < 6 {
			break // seen again at the start of the next chunk
		}
		if !bytes.HasPrefix(rest, []byte("amp;")) && !bytes.HasPrefix(rest, []byte("lt;")) && !bytes.HasPrefix(rest, []byte("gt;")) &&
			!bytes.HasPrefix(rest, []byte("quot;")) && !bytes.HasPrefix(rest, []byte("apos;")) && rest[0] != '#' {
			return true
		}
	}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte(` t="`))
		if j < 0 {
			break
		}
		i += j + 4
		end := bytes.IndexByte(data[i:], '"')
		if end < 0 {
			break
		}
		t := string(data[i : i+end])
		known := false
		for _, k := range cellTypes {
			known = known || t == k
		}
		if !known {
			return true // t="e", t="shared" on a formula, or an unknown type
		}
	}
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("<f"))
		if j < 0 {
			break
		}
		i += j + 2
		if i < len(data) && strings.IndexByte(" >/", data[i]) >= 0 {
			return true
		}
	}
	return bytes.Contains(data, []byte("<!DOCTYPE")) || bytes.Contains(data, []byte("<!ENTITY"))
}

// entityRef matches a reference that is neither one of XML's five nor a
// character reference.
var entityRef = regexp.MustCompile(`&([A-Za-z_:][-A-Za-z0-9._:]*);`)

// repairEntities escapes the "&" of every entity reference other than
// XML's five, so that it reads as its text. It returns nil when there is
// none, else the repaired part and the offsets in it of the references
// repaired, with their text and what a DOCTYPE declares them as.
func repairEntities(data []byte) ([]byte, []entityAt) {
	locs := entityRef.FindAllSubmatchIndex(data, -1)
	var bad [][]int
	for _, l := range locs {
		switch string(data[l[2]:l[3]]) {
		case "amp", "lt", "gt", "quot", "apos":
		default:
			bad = append(bad, l)
		}
	}
	if len(bad) == 0 {
		return nil, nil
	}
	decl := declaredEntities(data)
	out := make([]byte, 0, len(data)+4*len(bad))
	var refs []entityAt
	last := 0
	for _, l := range bad {
		out = append(out, data[last:l[0]]...)
		name := string(data[l[0]:l[1]])
		if v, ok := decl[name]; ok {
			name += " " + v
		}
		refs = append(refs, entityAt{off: int64(len(out)), text: name})
		out = append(out, "&amp;"...)
		out = append(out, data[l[0]+1:l[1]]...)
		last = l[1]
	}
	return append(out, data[last:]...), refs
}

// entityAt is an entity reference repaired at an offset of a part.
type entityAt struct {
	off  int64
	text string
}

// entityDecl matches an entity declaration of a DOCTYPE: an internal one
// with its value, or an external one with its system identifier (which
// is never read).
var entityDecl = regexp.MustCompile(`<!ENTITY\s+([A-Za-z_:][-A-Za-z0-9._:]*)\s+(?:"([^"]*)"|'([^']*)'|(?:SYSTEM|PUBLIC)\s+(?:"[^"]*"\s+)?"([^"]*)")`)

// declaredEntities returns what the DOCTYPE at the start of a part (if
// any) declares each entity as, for the messages.
func declaredEntities(data []byte) map[string]string {
	head := data[:min(len(data), 64<<10)]
	i := bytes.Index(head, []byte("<!DOCTYPE"))
	if i < 0 {
		return nil
	}
	out := map[string]string{}
	for _, m := range entityDecl.FindAllSubmatch(head[i:], 100) {
		ref := "&" + string(m[1]) + ";"
		switch {
		case m[4] != nil:
			out[ref] = fmt.Sprintf("(declared in the sheet's DOCTYPE as the external resource %q, which is never read)", rdShort(string(m[4])))
		case m[3] != nil:
			out[ref] = fmt.Sprintf("(declared in the sheet's DOCTYPE as %q)", rdShort(string(m[3])))
		default:
			out[ref] = fmt.Sprintf("(declared in the sheet's DOCTYPE as %q)", rdShort(string(m[2])))
		}
	}
	return out
}

// decodeSheet decodes a worksheet's XML and returns its findings: error
// values, formulas without values, cells of unknown types, repaired
// entity references (refs, in document order) and the place where the XML
// breaks, if it does. Cells without a reference are placed as excelize
// places them: after the previous cell of the row, in the row after the
// previous row.
func decodeSheet(data []byte, refs []entityAt, badStrings map[int]string) []Finding {
	d := xml.NewDecoder(bytes.NewReader(data))
	var (
		out                   []Finding
		row, col              int
		inCell                bool
		typ, formula, value   string
		hasFormula, hasValue  bool
		inF, inV, inT         bool
		cellStart             int64
		nextRef               int
		sharedFormula, shared bool
	)
	// place reports the repaired references between the cell's start and
	// end offsets in the cell.
	place := func(end int64) {
		for nextRef < len(refs) && refs[nextRef].off < end {
			if refs[nextRef].off >= cellStart && inCell {
				out = append(out, Finding{row, col, KindEntity, refs[nextRef].text})
			}
			nextRef++
		}
	}
	for {
		start := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			r, c := row, col
			if !inCell {
				c++
				if r == 0 {
					r = 1
				}
			}
			msg := err.Error()
			if se := (*xml.SyntaxError)(nil); errors.As(err, &se) {
				msg = "XML syntax error: " + se.Msg
			}
			out = append(out, Finding{r, c, KindSyntax, msg})
			return out
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					row = r
				} else {
					row++
				}
				col = 0
			case "c":
				if ref := attr(t, "r"); ref != "" {
					if c, r, ok := splitRef(ref); ok {
						col, row = c, r
					} else {
						col++
					}
				} else {
					col++
				}
				inCell, cellStart = true, start
				typ, formula, value, hasFormula, hasValue, sharedFormula, shared = attr(t, "t"), "", "", false, false, false, false
			case "f":
				if inCell {
					inF, hasFormula = true, true
					sharedFormula = attr(t, "t") == "shared"
					shared = sharedFormula && attr(t, "ref") == ""
				}
			case "v":
				inV = inCell
			case "t":
				inT = inCell
			case "is":
				if inCell {
					hasValue = true
				}
			}
		case xml.CharData:
			switch {
			case inF:
				formula += string(t)
			case inV:
				value += string(t)
				hasValue = true
			case inT:
				hasValue = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "f":
				inF = false
			case "v":
				inV = false
			case "t":
				inT = false
			case "c":
				if !inCell {
					break
				}
				place(d.InputOffset())
				switch {
				case typ == "e":
					out = append(out, Finding{row, col, KindError, strings.TrimSpace(value)})
				case typ != "" && !knownType(typ):
					out = append(out, Finding{row, col, KindType, typ})
				case hasFormula && !hasValue:
					f := formula
					if f == "" && shared {
						f = "(a copy of a shared formula)"
					}
					out = append(out, Finding{row, col, KindFormula, f})
				case typ == "s" && badStrings != nil:
					if i, err := strconv.Atoi(strings.TrimSpace(value)); err == nil {
						if ref, ok := badStrings[i]; ok {
							out = append(out, Finding{row, col, KindEntity, ref})
						}
					}
				}
				inCell = false
			}
		}
	}
	return out
}

func knownType(t string) bool {
	for _, k := range cellTypes {
		if t == k {
			return true
		}
	}
	return false
}

// decodeStrings returns the shared strings holding a repaired entity
// reference, by index.
func decodeStrings(data []byte, refs []entityAt) map[int]string {
	if len(refs) == 0 {
		return nil
	}
	out := map[int]string{}
	d := xml.NewDecoder(bytes.NewReader(data))
	i, next := -1, 0
	for {
		tok, err := d.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "si" {
				i++
			}
		case xml.EndElement:
			if t.Name.Local == "si" {
				for next < len(refs) && refs[next].off < d.InputOffset() {
					if _, dup := out[i]; !dup {
						out[i] = refs[next].text
					}
					next++
				}
			}
		}
	}
	return out
}

func attr(se xml.StartElement, local string) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
}

// splitRef returns the 1-based column and row of a reference like "B12".
func splitRef(ref string) (col, row int, ok bool) {
	i := 0
	for i < len(ref) && (ref[i] >= 'A' && ref[i] <= 'Z' || ref[i] >= 'a' && ref[i] <= 'z') {
		c := ref[i] | 0x20
		col = col*26 + int(c-'a'+1)
		i++
		if col > 1<<20 {
			return 0, 0, false
		}
	}
	r, err := strconv.Atoi(ref[i:])
	if i == 0 || err != nil || r < 1 {
		return 0, 0, false
	}
	return col, r, true
}

// replaceParts returns the zip with the named parts' content replaced.
func replaceParts(zr *zip.Reader, parts map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	zw := zip.NewWriter(bw)
	for _, f := range zr.File {
		content, ok := parts[f.Name]
		if !ok {
			if err := zw.Copy(f); err != nil {
				return nil, err
			}
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(content); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	if err := bw.Flush(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Findings returns what the scan found in the named sheet, by row and
// column.
func (wb *Workbook) Findings(sheet string) map[[2]int]Finding {
	if wb.scan == nil || len(wb.scan.parts) == 0 {
		return nil
	}
	part := wb.Package().SheetPart(sheet)
	if part == "" {
		return nil
	}
	return wb.scan.at(part)
}

// SortedFindings returns findings in row and column order.
func SortedFindings(m map[[2]int]Finding) []Finding {
	out := make([]Finding, 0, len(m))
	for _, c := range m {
		out = append(out, c)
	}
	slices.SortFunc(out, func(a, b Finding) int { return cmp.Or(cmp.Compare(a.Row, b.Row), cmp.Compare(a.Col, b.Col)) })
	return out
}
