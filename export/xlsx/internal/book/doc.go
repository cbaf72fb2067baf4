// Package book opens an .xlsx workbook for the readers of package xlsx and
// its importers, within size limits and without trusting the file: it
// refuses what is no workbook (saying what it is: text, an encrypted or an
// Excel 97-2003 file), holds the parts to the limits before excelize
// unpacks them (zip bombs), scans the worksheets' XML for what excelize
// would misread without a word (error values, formulas without a value,
// entity references, unknown cell types, broken XML), and reads
// hyperlinks and merged cells straight from the zip, streaming.
//
// It also holds the error types the readers share: [CellError] for a
// cell, [CellErrors] for all of a read's, and the sentinel errors for
// input that is no workbook, too large, or encrypted. Package xlsx
// re-exports them under the same names.
package book
