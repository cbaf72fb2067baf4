// Package ico imports a record of processing kept by hand in the layout of
// the ICO's documentation template ("Documentation template for
// controllers", gdpr-documentation-controller-template.xlsx, and its
// processor counterpart) into a [ropa.Register].
//
// [Read] finds the sheet, the heading row and each column by its words,
// tolerantly (any case, curly or straight apostrophes, dashes, line
// breaks, with or without "(if applicable)"), reads the contact block
// above the table and one activity from each row below it, and accounts
// for every non-empty cell: each is read into a field of the register,
// kept in the activity's notes with a message saying why, or rejected
// with a message; the messages come back as [xlsx.CellErrors] naming
// sheet and cell, and [ReadAccount] also counts the three outcomes (what
// article30 import prints).
//
// The package keeps its own description of the ICO template's layout (the
// headings the ICO published, and the variants people type), apart from
// the layout package xlsx writes: an import of a hand-kept template does
// not change when article30's own workbook does. Country names come from
// the module's one country table.
//
// It reads a workbook within the limits of package xlsx (set with the
// same [xlsx.ReadOption] values), never trusts the file, and never panics.
//
// The workbook that article30 itself writes is read exactly by
// [xlsx.Read]; this package is for the template as people keep it.
package ico
