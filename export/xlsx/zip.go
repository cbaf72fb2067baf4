package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"compress/flate"
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
}

// wrDimensionA1 is what excelize writes for every sheet's dimension.
var wrDimensionA1 = []byte(`<dimension ref="A1"></dimension>`)

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
	return (*wrZipEntryWriter)(z), nil
}

// wrZipEntryWriter writes to the current entry of a wrSortedZip.
type wrZipEntryWriter wrSortedZip

func (w *wrZipEntryWriter) Write(p []byte) (int, error) {
	z := (*wrSortedZip)(w)
	if z.dim != "" {
		z.head = append(z.head, p...)
		i := bytes.Index(z.head, wrDimensionA1)
		if i < 0 && len(z.head) < wrMaxHead {
			return len(p), nil
		}
		head := z.head
		if i >= 0 {
			head = slices.Concat(head[:i], []byte(`<dimension ref="`+z.dim+`"></dimension>`), head[i+len(wrDimensionA1):])
		}
		z.dim = ""
		if _, err := w.write(head); err != nil {
			return 0, err
		}
		return len(p), nil
	}
	return w.write(p)
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
	if z.dim != "" { // a sheet shorter than the search
		z.dim = ""
		if _, err := (*wrZipEntryWriter)(z).write(z.head); err != nil {
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
