package xlsx

import (
	"github.com/article30/article30/export/xlsx/internal/book"
)

// The limits of reading, each a default a caller can raise through a
// [ReadOption]. [Write] holds the workbooks it writes to the same limits
// (see [WriteLimits]), so that whatever Write writes, Read reads with the
// same options. Each error for a limit names the limit and its option.
const (
	// MaxFileSize is the largest workbook file [Read] and [github.com/article30/article30/export/xlsx/ico.Read] read,
	// in bytes (raise it with [WithMaxFileSize]). Reading stops at the
	// limit: a larger input, or an endless one, is never read whole.
	MaxFileSize int64 = 256 << 20
	// MaxUnzipSize is the most all the parts of a workbook may unpack to,
	// in bytes (raise it with [WithLimits]). Write's workbook of 100,000
	// activities like those of the seed registers unpacks to 2.2 GB.
	MaxUnzipSize int64 = 4 << 30
	// MaxXMLSize is the size above which a worksheet or the shared strings
	// are unpacked to a temporary file and streamed from there rather than
	// held in memory (change it with [WithLimits]).
	MaxXMLSize int64 = 8 << 20
	// MaxPartSize is the most any other part (styles, relationships,
	// drawings, images), which is held in memory whole, may unpack to, in
	// bytes (raise it with [WithMaxPartSize]).
	MaxPartSize int64 = 64 << 20
	// ExpansionFactor bounds what a workbook unpacks to in proportion to
	// its file: at most ExpansionFactor times the file's size, or
	// MaxXMLSize if that is more (raise it with [WithExpansionFactor]).
	// Write's workbooks unpack to 7 to 16 times their size; a zip bomb,
	// to a thousand times.
	ExpansionFactor = 100
	// MaxActivities is the most rows [github.com/article30/article30/export/xlsx/ico.Read] imports as activities
	// (raise it with [WithMaxActivities]).
	MaxActivities = 100_000
	// MaxCellErrors is the most cells a read lists in its [CellErrors];
	// the cells beyond are counted, not listed (raise it with
	// [WithMaxCellErrors]). See [CellErrors.Count].
	MaxCellErrors = 10_000
)

// ReadOption configures [Read] and [github.com/article30/article30/export/xlsx/ico.Read], and through [WriteLimits]
// the limits [Write] holds a workbook to.
type ReadOption func(*readConfig)

// readConfig is the configuration of a read, shared with the importers
// under export/xlsx through the internal package book.
type readConfig = book.Config

// WithLimits sets the most a workbook may unpack to in all, total
// ([MaxUnzipSize] by default), and the size part above which a worksheet
// is streamed from a temporary file ([MaxXMLSize] by default). A value
// that is not positive leaves the default; part is at most total.
func WithLimits(total, part int64) ReadOption {
	return func(c *readConfig) {
		if total > 0 {
			c.MaxUnzip = total
		}
		if part > 0 {
			c.MaxXML = part
		}
	}
}

// WithMaxFileSize sets the largest workbook file read, in bytes
// ([MaxFileSize] by default; a value that is not positive leaves it).
func WithMaxFileSize(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.MaxFile = n
		}
	}
}

// WithMaxPartSize sets the most a part held in memory whole may unpack to
// ([MaxPartSize] by default; a value that is not positive leaves it).
func WithMaxPartSize(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.MaxPart = n
		}
	}
}

// WithExpansionFactor sets how many times its file's size a workbook may
// unpack to ([ExpansionFactor] by default; a value that is not positive
// leaves it).
func WithExpansionFactor(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.Expansion = n
		}
	}
}

// WithMaxActivities sets the most rows [github.com/article30/article30/export/xlsx/ico.Read] imports as activities
// ([MaxActivities] by default; a value that is not positive leaves it).
func WithMaxActivities(n int) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.MaxActivities = n
		}
	}
}

// WithMaxCellErrors sets the most cells a read lists in its [CellErrors]
// ([MaxCellErrors] by default; a value that is not positive leaves it).
func WithMaxCellErrors(n int) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.MaxCellErrors = n
		}
	}
}

func newReadConfig(opts []ReadOption) readConfig {
	c := readConfig{
		Limits:        book.Limits{MaxFile: MaxFileSize, MaxUnzip: MaxUnzipSize, MaxXML: MaxXMLSize, MaxPart: MaxPartSize, Expansion: ExpansionFactor},
		MaxActivities: MaxActivities, MaxCellErrors: MaxCellErrors,
	}
	for _, o := range opts {
		o(&c)
	}
	c.MaxXML = min(c.MaxXML, c.MaxUnzip)
	c.MaxPart = min(c.MaxPart, c.MaxUnzip)
	return c
}
