package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
)

// BombSize is what the zip bomb's sheet expands to: 1 GiB of spaces.
const BombSize = 1 << 30

// DeflateRepeat returns a raw deflate stream of prefix, n copies of chunk
// and suffix, with the CRC-32 and size of what it expands to. Compressing
// a gigabyte takes seconds, so it compresses chunk once, ending in a sync
// flush, and repeats that segment: each segment starts afresh and refers
// back only within itself, so the copies join into one valid stream,
// closed by a final block.
func DeflateRepeat(prefix, chunk []byte, n int, suffix []byte) ([]byte, uint32, uint64) {
	segment := func(b []byte, final bool) []byte {
		var buf bytes.Buffer
		w, _ := flate.NewWriter(&buf, flate.BestCompression)
		w.Write(b)
		if final {
			w.Close()
		} else {
			w.Flush()
		}
		return buf.Bytes()
	}
	head, seg, tail := segment(prefix, false), segment(chunk, false), segment(suffix, true)
	out := make([]byte, 0, len(head)+n*len(seg)+len(tail))
	out = append(out, head...)
	crc := crc32.Update(0, crc32.IEEETable, prefix)
	for range n {
		out = append(out, seg...)
		crc = crc32.Update(crc, crc32.IEEETable, chunk)
	}
	crc = crc32.Update(crc, crc32.IEEETable, suffix)
	return append(out, tail...), crc, uint64(len(prefix) + n*len(chunk) + len(suffix))
}

// ZipBomb writes a workbook whose one sheet expands to BombSize bytes of
// spaces from about 1 MB, its size declared honestly in the zip.
func ZipBomb(w io.Writer) error {
	stream, crc, size := DeflateRepeat(nil, bytes.Repeat([]byte{' '}, 1<<20), BombSize>>20, nil)
	return ReplacePart(w, Workbook{Sheets: []Sheet{{Name: "Template"}}}.Bytes(), "xl/worksheets/sheet1.xml", stream, crc, size)
}

// ReplacePart writes the workbook with one part's content replaced by a
// raw deflate stream that expands to size bytes with the given CRC-32.
func ReplacePart(w io.Writer, workbook []byte, name string, stream []byte, crc uint32, size uint64) error {
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		if err := zw.Copy(f); err != nil {
			return err
		}
	}
	pw, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: size})
	if err != nil {
		return err
	}
	if _, err := pw.Write(stream); err != nil {
		return err
	}
	return zw.Close()
}
