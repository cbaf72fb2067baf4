// Package xlsx writes a record of processing activities as an Excel
// workbook in the ICO template's layout, reads such a workbook back into an
// identical register, and imports the ICO documentation template that a DPO
// already keeps by hand.
package xlsx
