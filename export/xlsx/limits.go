package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The limits of reading, each a default a caller can raise through a
// [ReadOption]. [Write] holds the workbooks it writes to the same limits
// (see [WriteLimits]), so that whatever Write writes, Read reads with the
// same options. Each error for a limit names the limit and its option.
const (
	// MaxFileSize is the largest workbook file [Read] and [ReadICO] read,
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
	// MaxActivities is the most rows [ReadICO] imports as activities
	// (raise it with [WithMaxActivities]).
	MaxActivities = 100_000
	// MaxCellErrors is the most cells a read lists in its [CellErrors];
	// the cells beyond are counted, not listed (raise it with
	// [WithMaxCellErrors]). See [CellErrors.Count].
	MaxCellErrors = 10_000
)

// ReadOption configures [Read] and [ReadICO], and through [WriteLimits]
// the limits [Write] holds a workbook to.
type ReadOption func(*readConfig)

type readConfig struct {
	maxFile, maxUnzip, maxXML, maxPart int64
	expansion                          int64
	maxActivities, maxCellErrors       int
	profile                            Profile
	skipViews                          bool // Read: do not compare the views (SkipViewCheck)
}

// WithLimits sets the most a workbook may unpack to in all, total
// ([MaxUnzipSize] by default), and the size part above which a worksheet
// is streamed from a temporary file ([MaxXMLSize] by default). A value
// that is not positive leaves the default; part is at most total.
func WithLimits(total, part int64) ReadOption {
	return func(c *readConfig) {
		if total > 0 {
			c.maxUnzip = total
		}
		if part > 0 {
			c.maxXML = part
		}
	}
}

// WithMaxFileSize sets the largest workbook file read, in bytes
// ([MaxFileSize] by default; a value that is not positive leaves it).
func WithMaxFileSize(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.maxFile = n
		}
	}
}

// WithMaxPartSize sets the most a part held in memory whole may unpack to
// ([MaxPartSize] by default; a value that is not positive leaves it).
func WithMaxPartSize(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.maxPart = n
		}
	}
}

// WithExpansionFactor sets how many times its file's size a workbook may
// unpack to ([ExpansionFactor] by default; a value that is not positive
// leaves it).
func WithExpansionFactor(n int64) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.expansion = n
		}
	}
}

// WithMaxActivities sets the most rows [ReadICO] imports as activities
// ([MaxActivities] by default; a value that is not positive leaves it).
func WithMaxActivities(n int) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.maxActivities = n
		}
	}
}

// WithMaxCellErrors sets the most cells a read lists in its [CellErrors]
// ([MaxCellErrors] by default; a value that is not positive leaves it).
func WithMaxCellErrors(n int) ReadOption {
	return func(c *readConfig) {
		if n > 0 {
			c.maxCellErrors = n
		}
	}
}

// WithProfile chose the layout to read.
//
// Deprecated: the package reads one template, the ICO's, which is the
// default: Read refuses any profile but [ICO2018] as it is (see [Layout]).
func WithProfile(p Profile) ReadOption { return func(c *readConfig) { c.profile = p } }

func newReadConfig(opts []ReadOption) readConfig {
	c := readConfig{
		maxFile: MaxFileSize, maxUnzip: MaxUnzipSize, maxXML: MaxXMLSize, maxPart: MaxPartSize,
		expansion: ExpansionFactor, maxActivities: MaxActivities, maxCellErrors: MaxCellErrors,
		profile: icoLayout(),
	}
	for _, o := range opts {
		o(&c)
	}
	c.maxXML = min(c.maxXML, c.maxUnzip)
	c.maxPart = min(c.maxPart, c.maxUnzip)
	return c
}

// ---- reading within the limits ----

// Signatures of what a workbook file may start with.
var (
	zipSignature = []byte("PK\x03\x04")
	// zipEmpty starts a zip archive without entries.
	zipEmpty = []byte("PK\x05\x06")
	// oleSignature starts an OLE compound file ([MS-CFB] 2.2): an
	// encrypted workbook, or a workbook of Excel 97-2003 (.xls).
	oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// readWorkbook reads a workbook file within the file limit. It looks at
// the first bytes before reading on, so that input that is no workbook
// (an endless stream of zeros, a text file) is refused at once.
func readWorkbook(r io.Reader, c readConfig) ([]byte, error) {
	head := make([]byte, len(oleSignature))
	n, err := io.ReadFull(r, head)
	head = head[:n]
	switch {
	case err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("xlsx: reading workbook: %w", err)
	case n == 0:
		return nil, fmt.Errorf("%w: the input is empty", ErrNotWorkbook)
	case !bytes.HasPrefix(head, zipSignature) && !bytes.HasPrefix(head, zipEmpty) && !bytes.Equal(head, oleSignature):
		return nil, fmt.Errorf("%w: %s", ErrNotWorkbook, describeNotZip(head))
	}
	data, err := io.ReadAll(io.LimitReader(io.MultiReader(bytes.NewReader(head), r), c.maxFile+1))
	if err != nil {
		return nil, fmt.Errorf("xlsx: reading workbook: %w", err)
	}
	if int64(len(data)) > c.maxFile {
		return nil, fmt.Errorf("%w: the file is larger than %d bytes (xlsx.MaxFileSize; raise it with xlsx.WithMaxFileSize)", ErrTooLarge, c.maxFile)
	}
	if bytes.Equal(head, oleSignature) {
		return nil, oleError(data)
	}
	return data, nil
}

// describeNotZip says what input that is not a zip archive looks like.
func describeNotZip(head []byte) string {
	text := true
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f {
			text = false
		}
	}
	if text {
		return "it is text, not a workbook (an .xlsx file is a zip archive; save a CSV or text file as an Excel Workbook first)"
	}
	return "it is not a zip archive, as an .xlsx workbook is"
}

// checkSizes holds the parts of a workbook of size bytes to the limits:
// in all, in proportion to the file, and each part held in memory.
func checkSizes(c readConfig, size int64, parts []partSize) error {
	var total uint64
	for _, p := range parts {
		total += p.size
		if err := checkPart(c, total, p); err != nil {
			return err
		}
	}
	if allowed := max(uint64(c.expansion)*uint64(size), uint64(c.maxXML)); total > allowed {
		return fmt.Errorf("%w: its %d bytes unpack to %d bytes, more than %d times the file's size (xlsx.ExpansionFactor; raise it with xlsx.WithExpansionFactor): a zip bomb, or a workbook of unusually repetitive content",
			ErrTooLarge, size, total, c.expansion)
	}
	return nil
}

// checkPart holds one part, and the total of the parts up to it, to the
// limits.
func checkPart(c readConfig, total uint64, p partSize) error {
	if total > uint64(c.maxUnzip) || p.size > uint64(c.maxUnzip) {
		return fmt.Errorf("%w: the workbook unpacks to more than %d bytes (xlsx.MaxUnzipSize; raise it with xlsx.WithLimits)", ErrTooLarge, c.maxUnzip)
	}
	if !streamedPart(p.name) && p.size > uint64(c.maxPart) {
		return fmt.Errorf("%w: its part %s unpacks to %d bytes, more than the %d a part held in memory may (xlsx.MaxPartSize; raise it with xlsx.WithMaxPartSize)",
			ErrTooLarge, p.name, p.size, c.maxPart)
	}
	return nil
}

// partSize is one part of a workbook and what it unpacks to.
type partSize struct {
	name string
	size uint64
}

// streamedPart reports whether excelize may stream a part from a temporary
// file rather than hold it in memory: the worksheets and the shared
// strings (excelize's ReadZipReader).
func streamedPart(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	return strings.HasPrefix(n, "xl/worksheets/sheet") || n == "xl/sharedstrings.xml"
}

// workbook is an open workbook: excelize's file, the package's bytes and
// zip, and what the scan of its sheets found.
type workbook struct {
	f    *excelize.File
	data []byte
	zip  *zip.Reader
	scan *scanResult
	pkg  *icoPackage // the zip's parts, for finding a sheet's part
}

func (wb *workbook) close() {
	if wb.f != nil {
		wb.f.Close()
	}
}

// open reads a workbook within the limits, turning every failure into
// ErrNotWorkbook, ErrTooLarge or ErrEncrypted; it never panics.
func open(r io.Reader, c readConfig) (wb *workbook, err error) {
	data, err := readWorkbook(r, c)
	if err != nil {
		return nil, err
	}
	return openData(data, c)
}

func openData(data []byte, c readConfig) (wb *workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			if wb != nil {
				wb.close()
			}
			wb, err = nil, fmt.Errorf("%w: %v", ErrNotWorkbook, p)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	parts := make([]partSize, len(zr.File))
	for i, f := range zr.File {
		parts[i] = partSize{f.Name, f.UncompressedSize64}
	}
	if err := checkSizes(c, int64(len(data)), parts); err != nil {
		return nil, err
	}
	scan, fixed, err := scanParts(zr, c)
	if err != nil {
		return nil, err
	}
	if fixed != nil {
		data = fixed
		if zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data))); err != nil {
			return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
		}
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: c.maxUnzip, UnzipXMLSizeLimit: c.maxXML})
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
	return &workbook{f: f, data: data, zip: zr, scan: scan}, nil
}
