package xlsx

import "github.com/article30/article30/export/xlsx/internal/tpl"

// vwLayout is the ICO template's layout as the views lay it out: sheet
// names, the contact block, the section and heading rows, the columns and
// their colours. There is one, icoLayout: the writer fills the columns by
// position and the reader regenerates the views from it. (A layout of
// another regulator's template would need columns keyed to register
// fields, which this package does not have.)
type vwLayout struct {
	// Name identifies the layout and its version, recorded in the
	// workbook's settings.
	Name string
	// ControllerSheet and ProcessorSheet are the sheets' names.
	ControllerSheet, ProcessorSheet string
	// ContactBlocks are the blocks of the contact block, left to right,
	// each a label column and a value column; ContactRows are the labels
	// of its rows, starting at ContactFirstRow.
	ContactBlocks   []string
	ContactRows     []string
	ContactFirstRow int
	// SectionRow holds the merged section headers, HeadingRow the column
	// headings; data start on the row after HeadingRow.
	SectionRow, HeadingRow int
	// Controller and Processor are the columns of the two records, in
	// order from column A.
	Controller, Processor []tpl.Column
	// RequiredFill and OptionalFill are the heading colours of the legend.
	RequiredFill, OptionalFill string
}

// The names of the controller and processor sheets, as the ICO's template
// names them.
const (
	TemplateSheet  = tpl.ControllerSheet
	ProcessorSheet = tpl.ProcessorSheet
)

// icoLayout is the layout of the ICO's template (package tpl), the one
// the package writes and reads.
var icoLayout = vwLayout{
	Name:            "ico-2018",
	ControllerSheet: tpl.ControllerSheet,
	ProcessorSheet:  tpl.ProcessorSheet,
	ContactBlocks:   tpl.ContactBlocks,
	ContactRows:     tpl.ContactRows,
	ContactFirstRow: tpl.ContactFirstRow,
	SectionRow:      tpl.SectionRow,
	HeadingRow:      tpl.HeadingRow,
	RequiredFill:    tpl.RequiredFill,
	OptionalFill:    tpl.OptionalFill,
	Controller:      tpl.Controller,
	Processor:       tpl.Processor,
}
