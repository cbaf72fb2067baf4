package book

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Limits are the sizes a workbook is read within; package xlsx documents
// each one and the option that raises it.
type Limits struct {
	MaxFile, MaxUnzip, MaxXML, MaxPart int64
	Expansion                          int64
}

// Config is the configuration of a read: the limits, and what the readers
// of package xlsx and its importers add to them.
type Config struct {
	Limits
	MaxActivities, MaxCellErrors int
	SkipViews                    bool // xlsx.Read: do not compare the views
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
func readWorkbook(r io.Reader, c Limits) ([]byte, error) {
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
	data, err := io.ReadAll(io.LimitReader(io.MultiReader(bytes.NewReader(head), r), c.MaxFile+1))
	if err != nil {
		return nil, fmt.Errorf("xlsx: reading workbook: %w", err)
	}
	if int64(len(data)) > c.MaxFile {
		return nil, fmt.Errorf("%w: the file is larger than %d bytes (xlsx.MaxFileSize; raise it with xlsx.WithMaxFileSize)", ErrTooLarge, c.MaxFile)
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

// CheckSizes holds the parts of a workbook of size bytes to the limits:
// in all, in proportion to the file, and each part held in memory.
func CheckSizes(c Limits, size int64, parts []PartSize) error {
	var total uint64
	for _, p := range parts {
		total += p.Size
		if err := CheckPart(c, total, p); err != nil {
			return err
		}
	}
	if allowed := max(uint64(c.Expansion)*uint64(size), uint64(c.MaxXML)); total > allowed {
		return fmt.Errorf("%w: its %d bytes unpack to %d bytes, more than %d times the file's size (xlsx.ExpansionFactor; raise it with xlsx.WithExpansionFactor): a zip bomb, or a workbook of unusually repetitive content",
			ErrTooLarge, size, total, c.Expansion)
	}
	return nil
}

// CheckPart holds one part, and the total of the parts up to it, to the
// limits.
func CheckPart(c Limits, total uint64, p PartSize) error {
	if total > uint64(c.MaxUnzip) || p.Size > uint64(c.MaxUnzip) {
		return fmt.Errorf("%w: the workbook unpacks to more than %d bytes (xlsx.MaxUnzipSize; raise it with xlsx.WithLimits)", ErrTooLarge, c.MaxUnzip)
	}
	if !StreamedPart(p.Name) && p.Size > uint64(c.MaxPart) {
		return fmt.Errorf("%w: its part %s unpacks to %d bytes, more than the %d a part held in memory may (xlsx.MaxPartSize; raise it with xlsx.WithMaxPartSize)",
			ErrTooLarge, p.Name, p.Size, c.MaxPart)
	}
	return nil
}

// PartSize is one part of a workbook and what it unpacks to.
type PartSize struct {
	Name string
	Size uint64
}

// StreamedPart reports whether excelize may stream a part from a temporary
// file rather than hold it in memory: the worksheets and the shared
// strings (excelize's ReadZipReader).
func StreamedPart(name string) bool {
	n := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	return strings.HasPrefix(n, "xl/worksheets/sheet") || n == "xl/sharedstrings.xml"
}

// Workbook is an open workbook: excelize's file, the package's bytes and
// zip, and what the scan of its sheets found.
type Workbook struct {
	File   *excelize.File
	Data   []byte
	Zip    *zip.Reader
	scan   *scanResult
	pkg    *Package // the zip's parts, for finding a sheet's part
	maxXML int64
}

// Close closes excelize's file, removing its temporary files.
func (wb *Workbook) Close() {
	if wb.File != nil {
		wb.File.Close()
	}
}

// Open reads a workbook within the limits, turning every failure into
// ErrNotWorkbook, ErrTooLarge or ErrEncrypted; it never panics.
func Open(r io.Reader, c Limits) (wb *Workbook, err error) {
	data, err := readWorkbook(r, c)
	if err != nil {
		return nil, err
	}
	return OpenData(data, c)
}

// OpenData is like Open for a workbook already in memory.
func OpenData(data []byte, c Limits) (wb *Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			if wb != nil {
				wb.Close()
			}
			wb, err = nil, fmt.Errorf("%w: %v", ErrNotWorkbook, p)
		}
	}()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	parts := make([]PartSize, len(zr.File))
	for i, f := range zr.File {
		parts[i] = PartSize{f.Name, f.UncompressedSize64}
	}
	if err := CheckSizes(c, int64(len(data)), parts); err != nil {
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
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: c.MaxUnzip, UnzipXMLSizeLimit: c.MaxXML})
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
	return &Workbook{File: f, Data: data, Zip: zr, scan: scan, maxXML: c.MaxXML}, nil
}
