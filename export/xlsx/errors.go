package xlsx

import "github.com/article30/article30/export/xlsx/internal/book"

// CellError reports a cell that could not be read: the sheet, the cell
// reference, the value found and what is wrong with it. Its Error reads
// like `Template!L12: unknown lawful basis "consnet"; accepted: ...`.
type CellError = book.CellError

// CellErrors is every cell a read could not use, in sheet and cell order.
// Use errors.As to get it from the error a read returns; its Count method
// returns how many cells the read reported, those listed and those a
// listing left out and only counted (beyond [MaxCellErrors]).
type CellErrors = book.CellErrors

// ErrMoreCells is under the last [CellError] of a read that found more
// cells to report than its limit ([MaxCellErrors]): that entry counts the
// cells not listed, and [CellErrors.Count] adds them up.
var ErrMoreCells = book.ErrMoreCells

// ErrNotWorkbook is returned for input that is not an xlsx workbook (not a
// zip file, truncated, or missing the workbook parts).
var ErrNotWorkbook = book.ErrNotWorkbook

// ErrTooLarge is under the error a read returns for a workbook beyond one
// of its size limits, and the error [Write] returns for a workbook that
// would be (see [WriteLimits]). The error names the limit and the option
// that raises it.
var ErrTooLarge = book.ErrTooLarge

// ErrEncrypted is returned for a workbook protected by a password to open
// (an OLE compound file holding an EncryptionInfo and an EncryptedPackage
// stream, [MS-OFFCRYPTO] 2.3.4): its content cannot be read without the
// password. The error says how to save a copy without one.
var ErrEncrypted = book.ErrEncrypted
