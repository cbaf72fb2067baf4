package ico

// This file reads a sheet row by row: cells cleaned and held to the limits,
// hyperlinks looked up, what the scan of the XML found reported.

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
)

// cellPos is a 0-based row and column.
type cellPos struct{ row, col int }

// sheetReader is a sheet being read row by row.
type sheetReader struct {
	name   string
	rows   *excelize.Rows
	n      int        // rows read so far
	top    [][]string // the first headerScan rows
	links  map[book.Pos]string
	pkg    *book.Package // where to read links from
	loaded bool          // links read
	// linksCut counts the hyperlinks past maxLinks, not read.
	linksCut int
	// beyond is the first cell of each row with text past maxCols.
	beyond []beyondCell
	// found is what the scan found in the sheet's XML, by 1-based row
	// and column: next empties the cells that hold no data.
	found map[[2]int]book.Finding
	// long are the cells longer than maxImportCell, cut by next.
	long map[cellPos]*longCell
	// blanked counts the cells next emptied for what the scan found.
	blanked int
	// merges are the sheet's merged ranges over several rows, by first
	// row; active those over the row being read, nextMerge the next to
	// start.
	merges []mergedRange
	// copies counts the cells fillMerged filled, which are not cells of
	// the file.
	copies int
	// f is the workbook, for the style of a cell that may hold a date;
	// dateChecks counts the cells looked up.
	f          *excelize.File
	dateChecks int
	active     []*mergedRange
	nextMerge  int
}

// longCell is a cell too long to be imported whole: its length, the text
// cut off, and whether a message has said what became of it.
type longCell struct {
	units    int    // UTF-16 code units of the whole cell
	kept     int    // units next kept
	tail     string // the text cut off
	reported bool
}

type beyondCell struct {
	at   cellPos
	text string
}

// reportBeyond reports text in columns past maxCols, which is not read.
func (rd *importer) reportBeyond(s *sheetReader) {
	last, _ := excelize.ColumnNumberToName(maxCols)
	for _, b := range s.beyond {
		rd.fail(s.name, b.at.row, b.at.col, b.text, notImported(fmt.Sprintf("text beyond column %s is not read: %q", last, short(b.text))))
	}
}

// reportScan reports what the scan found in the sheet's XML, and the cells
// too long to be imported whole that no activity's notes accounted for.
func (rd *importer) reportScan(s *sheetReader) {
	for _, c := range book.SortedFindings(s.found) {
		rd.fail(s.name, c.Row-1, c.Col-1, c.Text, notImported(c.Message(true)))
	}
	if s.linksCut > 0 {
		rd.fail(s.name, -1, -1, "", notImported(fmt.Sprintf("the sheet has %d hyperlinks more than the %d read: the cells of those links were imported with their text, not their targets", s.linksCut, maxLinks)))
	}
	for p, l := range s.long {
		if !l.reported {
			rd.fail(s.name, p.row, p.col, "", notImported(fmt.Sprintf("holds %d characters, more than a workbook cell holds (%d): the first %d were imported; the last %d, from %s, were not",
				l.units, maxCell, l.kept, l.units-l.kept, book.Quote(l.tail))))
		}
	}
}

func (s *sheetReader) close() {
	if s.rows != nil {
		s.rows.Close()
		s.rows = nil
	}
}

// next returns the next row's cells, at most maxCols of them.
func (s *sheetReader) next() ([]string, bool, error) {
	if !s.rows.Next() {
		if err := s.rows.Error(); err != nil {
			return nil, false, fmt.Errorf("%w: sheet %q: %v", xlsx.ErrNotWorkbook, s.name, err)
		}
		return nil, false, nil
	}
	s.n++
	cells, err := s.rows.Columns()
	if err != nil {
		return nil, false, fmt.Errorf("%w: sheet %q row %d: %v", xlsx.ErrNotWorkbook, s.name, s.n, err)
	}
	if len(cells) > maxCols {
		for c := maxCols; c < len(cells); c++ {
			if v := cleanCell(cells[c]); v != "" && len(s.beyond) < 1000 {
				s.beyond = append(s.beyond, beyondCell{cellPos{s.n - 1, c}, v})
				break
			}
		}
		cells = cells[:maxCols]
	}
	for i, c := range cells {
		if _, ok := s.found[[2]int{s.n, i + 1}]; ok && s.found[[2]int{s.n, i + 1}].Kind != book.KindEntity {
			cells[i] = "" // an error value, a formula without a value: no data
			s.blanked++
			continue
		}
		cells[i] = cleanCell(c)
		if d := s.date(i, cells[i]); d != "" {
			cells[i] = d
		}
		if len(cells[i]) > maxImportCell {
			if n := book.UTF16Len(cells[i]); n > maxImportCell && len(s.long) < 100000 {
				kept, tail := cutUnits(cells[i], maxImportCell)
				if s.long == nil {
					s.long = map[cellPos]*longCell{}
				}
				s.long[cellPos{s.n - 1, i}] = &longCell{units: n, kept: book.UTF16Len(kept), tail: tail}
				cells[i] = kept
			}
		}
	}
	return s.fillMerged(cells), true, nil
}

// maxMerges is the most merged ranges read per sheet.
const maxMerges = 100000

// mergedRange is a merged range over several rows and the text of its
// top-left cell.
type mergedRange struct {
	r    book.Range
	text string
}

// fillMerged gives each cell of the first column of a merged range over
// several rows the text of the range's top-left cell: a Business function
// merged over two rows applies to both activities. The rows are read in
// order, so the top-left cell comes first.
func (s *sheetReader) fillMerged(cells []string) []string {
	row := s.n - 1
	for s.nextMerge < len(s.merges) && s.merges[s.nextMerge].r.First.Row <= row {
		s.active = append(s.active, &s.merges[s.nextMerge])
		s.nextMerge++
	}
	if len(s.active) == 0 {
		return cells
	}
	keep := s.active[:0]
	for _, m := range s.active {
		if m.r.Last.Row < row {
			continue
		}
		keep = append(keep, m)
		c := m.r.First.Col
		switch {
		case m.r.First.Row == row:
			if c < len(cells) {
				m.text = cells[c]
			}
		case m.text != "" && (c >= len(cells) || cells[c] == ""):
			for len(cells) <= c {
				cells = append(cells, "")
			}
			cells[c] = m.text
			s.copies++
		}
	}
	s.active = keep
	return cells
}

// cutUnits cuts s to at most units UTF-16 code units, returning what is
// kept and what is cut off.
func cutUnits(s string, units int) (string, string) {
	n := 0
	for i, r := range s {
		w := 1
		if r > 0xFFFF {
			w = 2
		}
		if n+w > units {
			return s[:i], s[i:]
		}
		n += w
	}
	return s, ""
}

// openSheet starts reading a sheet and buffers its first rows.
func (rd *importer) openSheet(name string) (*sheetReader, error) {
	rows, err := rd.f.Rows(name)
	if err != nil {
		return nil, fmt.Errorf("%w: sheet %q: %v", xlsx.ErrNotWorkbook, name, err)
	}
	s := &sheetReader{name: name, rows: rows, found: rd.wb.Findings(name), f: rd.f}
	if ranges, _ := rd.pkg.Merges(name, maxMerges); len(ranges) > 0 {
		for _, r := range ranges {
			if r.Last.Row > r.First.Row && r.First.Col < maxCols {
				s.merges = append(s.merges, mergedRange{r: r})
			}
		}
		slices.SortStableFunc(s.merges, func(a, b mergedRange) int { return a.r.First.Row - b.r.First.Row })
	}
	for len(s.top) < headerScan {
		cells, ok, err := s.next()
		if err != nil {
			s.close()
			return nil, err
		}
		if !ok {
			break
		}
		s.top = append(s.top, cells)
	}
	return s, nil
}

// loadLinks arranges for the sheet's hyperlinks to be read when a link
// column first holds text.
func (rd *importer) loadLinks(s *sheetReader) { s.pkg = rd.pkg }

// linkAt returns the hyperlink target of a cell.
func (s *sheetReader) linkAt(p cellPos) (string, bool) {
	if s.pkg != nil && !s.loaded {
		s.loaded = true
		s.links, s.linksCut = s.pkg.Links(s.name, maxLinks)
	}
	t, ok := s.links[book.Pos{Row: p.row, Col: p.col}]
	return t, ok
}

// rowsAfter calls process for every row after the header row: first the
// rows already read while looking for the header, then the rest of the
// sheet as it streams.
func (s *sheetReader) rowsAfter(header int, process func(r int, cells []string) error) error {
	for r := header + 1; r < len(s.top); r++ {
		if err := process(r, s.top[r]); err != nil {
			return err
		}
	}
	for {
		cells, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return nil
		}
		if err := process(s.n-1, cells); err != nil {
			return err
		}
	}
}
