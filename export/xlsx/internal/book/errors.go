package book

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// CellError reports a cell that could not be read: the sheet, the cell
// reference, the value found and what is wrong with it.
type CellError struct {
	Sheet string // sheet name
	Cell  string // e.g. "L12"; empty for a problem with the sheet as a whole
	Value string // the cell's text
	Err   error
}

// Error reads like `Template!L12: unknown lawful basis "consnet"; accepted: ...`.
func (e *CellError) Error() string {
	where := e.Sheet
	if e.Cell != "" {
		where += "!" + e.Cell
	}
	if where == "" {
		return e.Err.Error()
	}
	return where + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *CellError) Unwrap() error { return e.Err }

// CellErrors is every cell a read could not use, in sheet and cell order.
// Use errors.As to get it from the error a read returns.
type CellErrors []*CellError

// Error lists the cells, one per line.
func (c CellErrors) Error() string {
	s := make([]string, len(c))
	for i, e := range c {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

// Count returns how many cells the read reported: those listed, and those
// a listing left out and only counted (beyond the read's limit, or beyond
// the edited view cells xlsx.Read lists for a sheet), which the last
// entries of a list count: an entry whose error has a Cells() int method
// counts that many.
func (c CellErrors) Count() int {
	n := 0
	for _, e := range c {
		if m, ok := e.Err.(interface{ Cells() int }); ok {
			n += m.Cells()
		} else {
			n++
		}
	}
	return n
}

// ErrMoreCells is under the last [CellError] of a read that found more
// cells to report than its limit (xlsx.MaxCellErrors): that entry counts the
// cells not listed, and [CellErrors.Count] adds them up.
var ErrMoreCells = errors.New("xlsx: more cells than are listed")

// moreCells counts the cells a read found beyond its limit.
type moreCells struct{ n, limit int }

func (m *moreCells) Error() string {
	return fmt.Sprintf("%d more %s could not be read cleanly and %s not listed: a read lists at most %d (xlsx.MaxCellErrors; raise it with xlsx.WithMaxCellErrors)",
		m.n, plural(m.n, "cell", "cells"), plural(m.n, "is", "are"), m.limit)
}

func (m *moreCells) Is(target error) bool { return target == ErrMoreCells }

// MoreCells is the error of the last entry of a read's [CellErrors] when
// it found n cells beyond its limit of listed cells.
func MoreCells(n, limit int) error { return &moreCells{n, limit} }
func (m *moreCells) Cells() int    { return m.n }

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Unwrap returns the cell errors, for errors.Is and errors.As.
func (c CellErrors) Unwrap() []error {
	out := make([]error, len(c))
	for i, e := range c {
		out[i] = e
	}
	return out
}

// ErrNotWorkbook is returned for input that is not an xlsx workbook (not a
// zip file, truncated, or missing the workbook parts).
var ErrNotWorkbook = errors.New("xlsx: not an xlsx workbook")

// ErrTooLarge is under the error a read returns for a workbook beyond one
// of its size limits, and the error xlsx.Write returns for a workbook that
// would be (see xlsx.WriteLimits). The error names the limit and the option
// that raises it.
var ErrTooLarge = errors.New("xlsx: workbook exceeds the size limits")

// ErrEncrypted is returned for a workbook protected by a password to open
// (an OLE compound file holding an EncryptionInfo and an EncryptedPackage
// stream, [MS-OFFCRYPTO] 2.3.4): its content cannot be read without the
// password. The error says how to save a copy without one.
var ErrEncrypted = errors.New("xlsx: the workbook is encrypted with a password")

// UTF16Len counts the UTF-16 code units of s, the unit of Excel's cell
// limit.
func UTF16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		n += utf16.RuneLen(r)
		i += size
	}
	return n
}

// Quote quotes a cell's text for a message, cut to a readable length.
func Quote(s string) string {
	const limit = 80
	if utf8.RuneCountInString(s) > limit {
		r := []rune(s)
		s = string(r[:limit]) + "…"
	}
	return fmt.Sprintf("%q", s)
}
