package book

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Pos is a 0-based row and column.
type Pos struct{ Row, Col int }

// Package returns the workbook's parts, for reading what excelize reads
// slowly (hyperlinks, merged cells) from the zip.
func (wb *Workbook) Package() *Package {
	if wb.pkg == nil {
		wb.pkg = OpenPackage(wb.Zip, wb.maxXML)
	}
	return wb.pkg
}

// Package reads hyperlinks and merged cells straight from the zip, streaming the
// worksheet: excelize's way (GetCellHyperLink) loads the whole sheet, which
// takes time quadratic in its rows for rows without a row number.
type Package struct {
	files map[string]*zip.File // by lower-case name
	max   int64                // bytes read from one part
}

// OpenPackage indexes the parts of a zip; max bounds the bytes read from
// one part.
func OpenPackage(zr *zip.Reader, max int64) *Package {
	if zr == nil {
		return nil
	}
	if max <= 0 {
		max = 8 << 20
	}
	p := &Package{files: map[string]*zip.File{}, max: max}
	for _, f := range zr.File {
		p.files[strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, "\\", "/"), "/"))] = f
	}
	return p
}

// open opens a part by its name in the package.
func (p *Package) open(name string) (io.ReadCloser, bool) {
	f, ok := p.files[strings.ToLower(strings.TrimPrefix(name, "/"))]
	if !ok {
		return nil, false
	}
	rc, err := f.Open()
	if err != nil {
		return nil, false
	}
	return struct {
		io.Reader
		io.Closer
	}{io.LimitReader(rc, p.max), rc}, true
}

// each calls fn for every start element of a part named local. With skip,
// it first skips the bytes before the first element named skip, without
// decoding them.
func (p *Package) each(name, local, skip string, fn func(xml.StartElement)) {
	rc, ok := p.open(name)
	if !ok {
		return
	}
	defer rc.Close()
	var r io.Reader = rc
	if skip != "" {
		if r = skipTo(rc, skip); r == nil {
			return
		}
	}
	d := xml.NewDecoder(r)
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			return
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == local {
			fn(se)
		}
	}
}

// skipTo reads r up to the start tag of the first element named local
// (with or without a prefix) and returns a reader from that tag on, or nil
// if there is none. A "<" cannot occur unescaped in text, so a byte search
// finds the tag.
func skipTo(r io.Reader, local string) io.Reader {
	buf := make([]byte, 64<<10)
	keep := 0 // bytes carried over from the previous read
	for {
		n, err := io.ReadFull(r, buf[keep:])
		data := buf[:keep+n]
		for off := 0; ; {
			i := bytes.Index(data[off:], []byte(local))
			if i < 0 {
				break
			}
			i += off
			// Back up over a prefix to the "<".
			j := i - 1
			for j >= 0 && i-j <= 32 && data[j] != '<' && data[j] != '>' && data[j] != ' ' {
				j--
			}
			end := i + len(local)
			if j >= 0 && data[j] == '<' && (j == i-1 || data[i-1] == ':') && end < len(data) && strings.IndexByte(" />\t\r\n", data[end]) >= 0 {
				return io.MultiReader(bytes.NewReader(bytes.Clone(data[j:])), r)
			}
			off = i + 1
		}
		if err != nil {
			return nil
		}
		// Carry the tail over, in case the tag straddles the reads.
		keep = min(len(data), len(local)+34)
		copy(buf, data[len(data)-keep:])
	}
}

func attrOf(se xml.StartElement, local string, prefixed bool) string {
	for _, a := range se.Attr {
		if a.Name.Local == local && (a.Name.Space != "") == prefixed {
			return a.Value
		}
	}
	return ""
}

// rels reads a relationships part: Id -> Target, with Type.
func (p *Package) rels(name string) map[string][2]string {
	out := map[string][2]string{}
	p.each(name, "Relationship", "", func(se xml.StartElement) {
		out[attrOf(se, "Id", false)] = [2]string{attrOf(se, "Target", false), attrOf(se, "Type", false)}
	})
	return out
}

// resolve resolves a relationship target against the part it is from.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(from), target)
}

func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// SheetReader opens the XML of the named sheet, unpacked as it is read,
// or returns nil. The sizes of the parts were held to the limits when the
// workbook was opened, and the zip reader holds each part to its size.
func (wb *Workbook) SheetReader(sheet string) io.ReadCloser {
	p := wb.Package()
	if p == nil {
		return nil
	}
	part := p.SheetPart(sheet)
	f, ok := p.files[strings.ToLower(part)]
	if part == "" || !ok {
		return nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil
	}
	return rc
}

// SheetPart finds the part that holds the named sheet.
func (p *Package) SheetPart(sheet string) string {
	book := "xl/workbook.xml"
	for _, r := range p.rels("_rels/.rels") {
		if strings.HasSuffix(r[1], "/officeDocument") {
			book = resolve("", r[0])
		}
	}
	rels := p.rels(relsOf(book))
	part := ""
	p.each(book, "sheet", "", func(se xml.StartElement) {
		if part == "" && attrOf(se, "name", false) == sheet {
			if r, ok := rels[attrOf(se, "id", true)]; ok {
				part = resolve(book, r[0])
			}
		}
	})
	return part
}

// Links reads the hyperlinks of the named sheet: cell -> target (or, for
// a link within the workbook, its location).
func (p *Package) Links(sheet string, maxLinks int) (map[Pos]string, int) {
	part := p.SheetPart(sheet)
	if part == "" {
		return nil, 0
	}
	var rels map[string][2]string
	out := map[Pos]string{}
	n := 0
	p.each(part, "hyperlink", "hyperlinks", func(se xml.StartElement) {
		if n++; n > maxLinks {
			return
		}
		target := ""
		if id := attrOf(se, "id", true); id != "" {
			if rels == nil {
				rels = p.rels(relsOf(part))
			}
			target = rels[id][0]
		}
		if target == "" {
			target = attrOf(se, "location", false)
		}
		target = strings.TrimSpace(target)
		first, last, isRange := strings.Cut(attrOf(se, "ref", false), ":")
		c1, r1, err := excelize.CellNameToCoordinates(first)
		if target == "" || err != nil {
			return
		}
		c2, r2 := c1, r1
		if isRange {
			if c, r, err := excelize.CellNameToCoordinates(last); err == nil && c >= c1 && r >= r1 && (c-c1+1)*(r-r1+1) <= 1000 {
				c2, r2 = c, r
			}
		}
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if _, dup := out[Pos{r - 1, c - 1}]; !dup {
					out[Pos{r - 1, c - 1}] = target
				}
			}
		}
	})
	return out, max(0, n-maxLinks)
}

// Range is a rectangle of cells, 0-based and inclusive.
type Range struct{ First, Last Pos }

// Merges reads the merged ranges of the named sheet, at most maxMerges of
// them; it returns how many more there were.
func (p *Package) Merges(sheet string, maxMerges int) ([]Range, int) {
	part := p.SheetPart(sheet)
	if part == "" {
		return nil, 0
	}
	var out []Range
	n := 0
	p.each(part, "mergeCell", "mergeCells", func(se xml.StartElement) {
		if n++; n > maxMerges {
			return
		}
		first, last, ok := strings.Cut(attrOf(se, "ref", false), ":")
		if !ok {
			return
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(first)
		c2, r2, err2 := excelize.CellNameToCoordinates(last)
		if err1 != nil || err2 != nil || c2 < c1 || r2 < r1 {
			return
		}
		out = append(out, Range{Pos{r1 - 1, c1 - 1}, Pos{r2 - 1, c2 - 1}})
	})
	return out, max(0, n-maxMerges)
}
