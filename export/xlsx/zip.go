package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
	"fmt"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/export/xlsx/internal/book"
)

// The workbook's zip file is written by the package rather than by
// excelize's default zip writer, for two reasons.
//
// Determinism: excelize writes streamed sheets by ranging over a map, so
// with several StreamWriters the order of the zip entries would change from
// run to run. Here the sheets' parts come first, in the order the sheets
// were streamed, then every other part in name order; every entry is dated
// by the day the law is applied at, never by the clock.
//
// Memory: entries are compressed as they are written, and a sheet streamed
// by a file of its own (see wrWriter) is written to the caller's writer as
// soon as it is complete, so the workbook is never held whole, and never
// twice (the bytes.Buffer excelize offers its zip writer stays empty).

// wrFlateLevel is the compression level of the workbook's parts: the
// fastest (flate.BestSpeed). Against archive/zip's default level (5, which
// excelize uses) it writes a 1,000-activity workbook about 13% faster for
// a file about 16% larger (bench/run.sh; 707 KB against 822 KB).
const wrFlateLevel = flate.BestSpeed

// wrFlateFree keeps a few deflaters between workbooks, for the workbook's
// zip and the files of sheets streamed on their own; each holds its tables
// (some hundreds of kilobytes). A channel rather than a sync.Pool, which a
// garbage collection empties: a large workbook runs several collections,
// and making a deflater anew each time cost about 10% of writing a
// 100-activity workbook. At most wrFlateKeep are kept.
var wrFlateFree = make(chan *flate.Writer, wrFlateKeep)

const wrFlateKeep = 4

// getFlate returns a deflater writing to w.
func getFlate(w io.Writer) (*flate.Writer, error) {
	select {
	case fw := <-wrFlateFree:
		fw.Reset(w)
		return fw, nil
	default:
		return flate.NewWriter(w, wrFlateLevel)
	}
}

// putFlate keeps fw for another workbook, if there is room. It is reset
// to write nowhere first, so that it does not keep the last entry's
// compressed bytes alive.
func putFlate(fw *flate.Writer) {
	fw.Reset(io.Discard)
	select {
	case wrFlateFree <- fw:
	default:
	}
}

// wrZipEntry is one compressed entry.
type wrZipEntry struct {
	name string
	data bytes.Buffer // deflated bytes
	crc  uint32
	size uint64 // uncompressed size
}

// wrZipOut is the workbook's zip file on the caller's writer.
type wrZipOut struct {
	zw       *zip.Writer
	modified time.Time
	done     map[string]bool // entries already written
	// sizes are what the entries written unpack to, held to limits as
	// they are written (see WriteLimits).
	sizes    map[string]uint64
	unpacked uint64
	limits   readConfig
}

func newZipOut(w io.Writer, modified time.Time) *wrZipOut {
	return &wrZipOut{zw: zip.NewWriter(w), modified: modified, done: map[string]bool{}, sizes: map[string]uint64{}, limits: newReadConfig(nil)}
}

// write copies a compressed entry to the zip file.
func (o *wrZipOut) write(e *wrZipEntry) error {
	o.unpacked += e.size
	o.sizes[e.name] = e.size
	if err := book.CheckPart(o.limits.Limits, o.unpacked, book.PartSize{Name: e.name, Size: e.size}); err != nil {
		return wrLimitError(err)
	}
	w, err := o.zw.CreateRaw(&zip.FileHeader{
		Name:               e.name,
		Method:             zip.Deflate,
		Modified:           o.modified,
		CRC32:              e.crc,
		CompressedSize64:   uint64(e.data.Len()),
		UncompressedSize64: e.size,
	})
	if err != nil {
		return err
	}
	if _, err := e.data.WriteTo(w); err != nil {
		return err
	}
	o.done[e.name] = true
	return nil
}

// wrSortedZip is the excelize.ZipWriter the writer installs. It compresses
// each entry as excelize writes it and, on Close, writes the entries to out:
// first those named in first, in that order, then the others by name.
// Entries out has already written are skipped. With out nil it captures
// the single entry named keep, for a sheet streamed by a file of its own.
type wrSortedZip struct {
	out     *wrZipOut
	first   []string
	keep    string
	entries []*wrZipEntry
	cur     *wrZipEntry
	fw      *flate.Writer
	// dims are the used ranges of the sheets, by part name: excelize's
	// StreamWriter declares <dimension ref="A1"> whatever it wrote, and
	// readers that trust it (openpyxl's read-only mode) see one cell. The
	// declaration is corrected on its way to the archive (dim, head).
	dims map[string]string
	dim  string
	head []byte
	// rows are the encoded rows of the sheets, by part name, put into
	// the part's empty <sheetData></sheetData> (see rows.go); each is
	// removed once written. splice is the current entry's.
	rows   map[string]*wrRows
	splice *wrRows
}

// wrDimensionA1 is what excelize writes for every sheet's dimension.
var wrDimensionA1 = []byte(`<dimension ref="A1"></dimension>`)

// wrEmptySheetData is what excelize's StreamWriter writes for a sheet
// given no rows.
var wrEmptySheetData = []byte(`<sheetData></sheetData>`)

// wrMaxHead is how far into a sheet's XML its dimension is looked for.
const wrMaxHead = 1 << 16

// Create starts a new entry; the previous one is finished first.
func (z *wrSortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if (z.out != nil && z.out.done[name]) || (z.keep != "" && name != z.keep) {
		return io.Discard, nil
	}
	e := &wrZipEntry{name: name}
	if z.fw != nil {
		z.fw.Reset(&e.data)
	} else {
		fw, err := getFlate(&e.data)
		if err != nil {
			return nil, err
		}
		z.fw = fw
	}
	z.cur = e
	z.entries = append(z.entries, e)
	z.dim, z.head = z.dims[name], z.head[:0]
	z.splice = z.rows[name]
	return (*wrZipEntryWriter)(z), nil
}

// wrZipEntryWriter writes to the current entry of a wrSortedZip.
type wrZipEntryWriter wrSortedZip

func (w *wrZipEntryWriter) Write(p []byte) (int, error) {
	z := (*wrSortedZip)(w)
	if z.dim == "" && z.splice == nil {
		return w.write(p)
	}
	// The head of a sheet's XML is held until it holds what is to be
	// changed: the dimension, and the empty sheetData, which follows it.
	z.head = append(z.head, p...)
	marker := wrDimensionA1
	if z.splice != nil {
		marker = wrEmptySheetData
	}
	if !bytes.Contains(z.head, marker) && len(z.head) < wrMaxHead {
		return len(p), nil
	}
	if err := w.flushHead(); err != nil {
		return 0, err
	}
	return len(p), nil
}

// flushHead writes the held head of a sheet's XML with its dimension
// corrected and its rows put in.
func (w *wrZipEntryWriter) flushHead() error {
	z := (*wrSortedZip)(w)
	head := z.head
	if z.dim != "" {
		if i := bytes.Index(head, wrDimensionA1); i >= 0 {
			head = slices.Concat(head[:i], []byte(`<dimension ref="`+z.dim+`"></dimension>`), head[i+len(wrDimensionA1):])
		}
		z.dim = ""
	}
	if rows := z.splice; rows != nil {
		i := bytes.Index(head, wrEmptySheetData)
		if i < 0 {
			return fmt.Errorf("xlsx: internal error: no place for the rows of %s", z.cur.name)
		}
		i += len("<sheetData>")
		if _, err := w.write(head[:i]); err != nil {
			return err
		}
		// The rows' stream follows the head's, flushed to a byte boundary;
		// the rest is compressed afresh, so that it refers to nothing
		// before the rows.
		if err := z.fw.Flush(); err != nil {
			return err
		}
		e := z.cur
		e.data.Write(rows.data.Bytes())
		z.fw.Reset(&e.data)
		e.crc = crc32Combine(e.crc, rows.crc, rows.size)
		e.size += rows.size
		head = head[i:]
		z.splice = nil
		delete(z.rows, e.name)
	}
	_, err := w.write(head)
	return err
}

func (w *wrZipEntryWriter) write(p []byte) (int, error) {
	z := (*wrSortedZip)(w)
	e := z.cur
	e.crc = crc32.Update(e.crc, crc32.IEEETable, p)
	e.size += uint64(len(p))
	return z.fw.Write(p)
}

func (z *wrSortedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	if z.dim != "" || z.splice != nil { // a sheet shorter than the search
		if err := (*wrZipEntryWriter)(z).flushHead(); err != nil {
			return err
		}
	}
	z.cur = nil
	return z.fw.Close()
}

// AddFS is not used by excelize when saving; it adds the files of fsys.
func (z *wrSortedZip) AddFS(fsys fs.FS) error {
	return fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		w, err := z.Create(name)
		if err != nil {
			return err
		}
		_, err = w.Write(b)
		return err
	})
}

// Close writes the entries to out in order and closes the zip file (or,
// capturing, just finishes the entry).
func (z *wrSortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if z.fw != nil {
		putFlate(z.fw)
		z.fw = nil
	}
	if z.out == nil {
		return nil
	}
	rank := func(e *wrZipEntry) int {
		if i := slices.Index(z.first, e.name); i >= 0 {
			return i
		}
		return len(z.first)
	}
	slices.SortFunc(z.entries, func(a, b *wrZipEntry) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a.name, b.name))
	})
	for _, e := range z.entries {
		if err := z.out.write(e); err != nil {
			return err
		}
	}
	z.entries = nil
	return z.out.zw.Close()
}
