package xlsx

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
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

// ErrTooLarge is returned for a workbook whose unpacked size exceeds the
// read limits ([MaxUnzipSize]).
var ErrTooLarge = errors.New("xlsx: workbook exceeds the size limits")

// ReadOption configures [Read] and [ReadICO].
type ReadOption func(*readConfig)

type readConfig struct {
	maxUnzip, maxXML int64
	profile          Profile
	skipViews        bool // Read: do not compare the views (SkipViewCheck)
}

// Read limits applied by default: a workbook may unpack to at most
// MaxUnzipSize bytes in all, and any one XML part to at most MaxXMLSize
// before it is spilled to a temporary file. They defend against zip bombs.
const (
	MaxUnzipSize = 256 << 20
	MaxXMLSize   = 8 << 20
)

// WithLimits sets the unpacked-size limits (both must be positive, and
// total at least part).
func WithLimits(total, part int64) ReadOption {
	return func(c *readConfig) { c.maxUnzip, c.maxXML = total, part }
}

// WithProfile reads a workbook in another regulator's layout.
func WithProfile(p Profile) ReadOption { return func(c *readConfig) { c.profile = p } }

func newReadConfig(opts []ReadOption) readConfig {
	c := readConfig{maxUnzip: MaxUnzipSize, maxXML: MaxXMLSize, profile: ICO2018}
	for _, o := range opts {
		o(&c)
	}
	if c.maxXML > c.maxUnzip {
		c.maxXML = c.maxUnzip
	}
	return c
}

// open reads a workbook with the size limits, turning every failure into
// ErrNotWorkbook or ErrTooLarge; it never panics.
func open(r io.Reader, c readConfig) (f *excelize.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("%w: %v", ErrNotWorkbook, p)
		}
	}()
	f, err = excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: c.maxUnzip, UnzipXMLSizeLimit: c.maxXML})
	if err != nil {
		if f != nil {
			f.Close() // remove any temporary files of a partly read workbook
		}
		msg := err.Error()
		if strings.Contains(msg, "size exceeds") || strings.Contains(msg, "limit") {
			return nil, fmt.Errorf("%w: %v", ErrTooLarge, err)
		}
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, fmt.Errorf("%w: no sheets", ErrNotWorkbook)
	}
	return f, nil
}
