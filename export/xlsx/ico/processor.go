package ico

// This file reads the processor record (Art 30(2)).

import (
	"fmt"
	"slices"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/ropa"
)

func (rd *importer) processorSheet(name string) error {
	cols := templateLayout.Processor
	if len(cols) != numProcessorColumns {
		return nil
	}
	s, err := rd.openSheet(name)
	if err != nil {
		return err
	}
	defer s.close()
	h := findHeader(s.top, cols, processorMatch, pcolController, pcolProcessing, templateLayout)
	if h == nil {
		rd.fail(s.name, -1, -1, "", notImported(fmt.Sprintf("no heading row with %q and %q; the sheet was not imported",
			cols[pcolController].Heading, cols[pcolProcessing].Heading)))
		return nil
	}
	if !slices.Contains(rd.sheets, s.name) {
		rd.sheets = append(rd.sheets, s.name)
	}
	rd.loadLinks(s)
	var used map[cellPos]bool
	if rd.reg.Controller == (ropa.Organisation{}) && len(rd.reg.Activities) == 0 {
		used = rd.contacts(s, h.row)
	} else {
		_, _, used = rd.contactBlocks(s, h.row)
	}
	rd.above(s, h, cols, used)
	blank := false
	process := func(r int, cells []string) error {
		rd.count(cells)
		x := &rowReader{rd: rd, s: s, h: h, row: r, cells: cells}
		if x.empty() {
			blank = true
			return nil
		}
		if blank && !x.has(pcolController) && !x.has(pcolProcessing) {
			rd.belowTable(s, r, cells)
			return nil
		}
		if len(rd.reg.ProcessorRecords) >= rd.cfg.MaxActivities {
			return fmt.Errorf("%w: more than %d processor records on sheet %q (xlsx.MaxActivities; raise it with xlsx.WithMaxActivities)", xlsx.ErrTooLarge, rd.cfg.MaxActivities, s.name)
		}
		p := ropa.ProcessorRecord{
			Controller:     x.raw(pcolController),
			Representative: x.raw(pcolRepresentative),
			Processing:     items(x.raw(pcolProcessing)),
			Security:       items(x.raw(pcolSecurity)),
		}
		x.transfers(&p.Transfers, pcolThirdCountries, pcolSafeguards, nil)
		for c, v := range cells {
			if _, mapped := h.kind[c]; !mapped && !isBlank(v) {
				x.noteCol(c, v, "")
			}
		}
		// A processor record has no notes: report what has no place.
		for _, n := range x.notes {
			rd.fail(s.name, r, n.col, n.text, notImported(fmt.Sprintf("a processor record has no place for %q; not imported", short(n.text))))
		}
		rd.reg.ProcessorRecords = append(rd.reg.ProcessorRecords, p)
		return nil
	}
	if err := s.rowsAfter(h.row, process); err != nil {
		return err
	}
	rd.cells += s.blanked + len(s.beyond) - s.copies
	rd.reportBeyond(s)
	rd.reportScan(s)
	return nil
}
