package ico

import (
	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/export/xlsx/internal/tpl"
)

// column is one column of the ICO template.
type column = tpl.Column

// layout is the ICO template the importer reads (package tpl describes
// it, for the writer of package xlsx too): hand-kept variants of its
// headings are in the matchers (match.go).
type layout struct {
	ControllerSheet, ProcessorSheet string
	ContactBlocks, ContactRows      []string
	Controller, Processor           []column
}

var templateLayout = layout{
	ControllerSheet: tpl.ControllerSheet,
	ProcessorSheet:  tpl.ProcessorSheet,
	ContactBlocks:   tpl.ContactBlocks,
	ContactRows:     tpl.ContactRows,
	Controller:      tpl.Controller,
	Processor:       tpl.Processor,
}

// maxCell is the most UTF-16 code units a workbook cell holds (Excel's
// limit, and the register's for text that an export puts in one cell).
const maxCell = 32767

// config is the configuration of an import: package xlsx's read options.
type config = book.Config

func newConfig(opts []xlsx.ReadOption) config {
	c := config{
		Limits: book.Limits{MaxFile: xlsx.MaxFileSize, MaxUnzip: xlsx.MaxUnzipSize, MaxXML: xlsx.MaxXMLSize,
			MaxPart: xlsx.MaxPartSize, Expansion: xlsx.ExpansionFactor},
		MaxActivities: xlsx.MaxActivities, MaxCellErrors: xlsx.MaxCellErrors,
	}
	for _, o := range opts {
		o(&c)
	}
	c.MaxXML = min(c.MaxXML, c.MaxUnzip)
	c.MaxPart = min(c.MaxPart, c.MaxUnzip)
	return c
}
