package ico

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"io"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/internal/hostile"
)

// bombSize is what the zip bomb's one entry expands to: 1 GiB of spaces.
const bombSize = hostile.BombSize

// bombStream expands to bombSize spaces.
var bombStream = sync.OnceValues(func() ([]byte, uint32) {
	stream, crc, _ := hostile.DeflateRepeat(nil, bytes.Repeat([]byte{' '}, 1<<20), bombSize>>20, nil)
	return stream, crc
})

// zipBomb builds a zip whose entry xl/worksheets/sheet1.xml expands to
// 1 GiB. With honest set, its header says so; otherwise it claims 4 KiB.
func zipBomb(t testing.TB, honest bool) []byte {
	t.Helper()
	stream, crc := bombStream()
	size := uint64(bombSize)
	if !honest {
		size = 4 << 10
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: size,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write(stream); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestHostileBombStreamIsValid(t *testing.T) {
	// Inflate the first 3 MiB: the joined segments decode as spaces.
	stream, _ := bombStream()
	r := flate.NewReader(bytes.NewReader(stream))
	got, err := io.ReadAll(io.LimitReader(r, 3<<20))
	if err != nil || len(got) != 3<<20 || bytes.Count(got, []byte{' '}) != len(got) {
		t.Fatalf("bomb stream: %d bytes, err %v", len(got), err)
	}
	if len(stream) > 2<<20 {
		t.Errorf("bomb is %d bytes compressed; want about 1 MB", len(stream))
	}
}

// measure runs Read and returns its error, the time it took and the
// peak of the heap in use while it ran, sampled every few milliseconds.
func measure(t *testing.T, data []byte, opts ...xlsx.ReadOption) (error, time.Duration, uint64) {
	t.Helper()
	runtime.GC()
	var base runtime.MemStats
	runtime.ReadMemStats(&base)
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var m runtime.MemStats
		top := uint64(0)
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			runtime.ReadMemStats(&m)
			top = max(top, m.HeapInuse)
			select {
			case <-done:
				peak <- top
				return
			case <-tick.C:
			}
		}
	}()
	start := time.Now()
	reg, err := Read(bytes.NewReader(data), opts...)
	took := time.Since(start)
	close(done)
	top := <-peak
	if err != nil && reg != nil {
		var cells xlsx.CellErrors
		if !errors.As(err, &cells) {
			t.Errorf("a register with the error %v", err)
		}
		// The sheets here have no contact block, which is a message.
		if cells = noContact(cells); len(cells) == 0 {
			err = nil
		} else {
			err = cells
		}
	}
	if top < base.HeapInuse {
		return err, took, 0
	}
	return err, took, top - base.HeapInuse
}

func TestHostile(t *testing.T) {
	clean := genWorkbookT(t, genClean)
	png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)
	notXLSX := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("hello.txt")
		w.Write([]byte("hello"))
		zw.Close()
		return buf.Bytes()
	}()
	noHeader := func() []byte {
		b, err := genBuild([]genSheet{{name: "Sheet1", cells: map[string]string{"A1": "Budget 2024", "B2": "1200"}}})
		if err != nil {
			t.Fatal(err)
		}
		return b
	}()
	for _, tc := range []struct {
		name string
		data func() []byte
		opts []xlsx.ReadOption
		want error
	}{
		{"zip bomb", func() []byte { return zipBomb(t, true) }, nil, xlsx.ErrTooLarge},
		{"zip bomb with a lying header", func() []byte { return zipBomb(t, false) }, nil, xlsx.ErrNotWorkbook},
		{"truncated workbook", func() []byte { return clean[:len(clean)/2] }, nil, xlsx.ErrNotWorkbook},
		{"workbook cut by one byte", func() []byte { return clean[:len(clean)-1] }, nil, xlsx.ErrNotWorkbook},
		{"text file", func() []byte { return []byte("Business function,Purpose of processing\nHR,Payroll\n") }, nil, xlsx.ErrNotWorkbook},
		{"PNG", func() []byte { return png }, nil, xlsx.ErrNotWorkbook},
		{"empty", func() []byte { return nil }, nil, xlsx.ErrNotWorkbook},
		{"zip that is not a workbook", func() []byte { return notXLSX }, nil, xlsx.ErrNotWorkbook},
		{"no heading row", func() []byte { return noHeader }, nil, ErrNoHeader},
		{"over the caller's limits", func() []byte { return clean }, []xlsx.ReadOption{xlsx.WithLimits(4<<10, 4<<10)}, xlsx.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data()
			err, took, alloc := measure(t, data, tc.opts...)
			t.Logf("%d bytes in: %v after %v, heap peak +%.1f MiB", len(data), err, took, float64(alloc)/(1<<20))
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v; want %v", err, tc.want)
			}
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			if alloc > 64<<20 {
				t.Errorf("heap grew by %d MiB", alloc>>20)
			}
		})
	}
}

// TestHostileSheets feeds workbooks that are valid but hostile in shape.
func TestHostileSheets(t *testing.T) {
	head := map[string]string{"A1": "Purpose of processing", "B1": "Categories of individuals"}
	far := map[string]string{"A1": "Purpose of processing", "B1": "Categories of individuals", "A2": "Payroll",
		"XFD2": "far right", "A1048576": "last row", "XFD1048576": "corner"}
	wide := map[string]string{}
	for k, v := range head {
		wide[k] = v
	}
	for c := 1; c <= 3000; c++ {
		wide[cellRef(c, 1+c%40)] = "Purpose of processing Categories of individuals"
	}
	for _, tc := range []struct {
		name  string
		cells map[string]string
		check func(t *testing.T, err error, n int)
	}{
		{"cells in the far corner", far, func(t *testing.T, err error, n int) {
			var cells xlsx.CellErrors
			errors.As(err, &cells)
			cells = noContact(cells)
			want := []string{
				`Template!XFD2: text beyond column AMJ is not read: "far right"`,
				`Template!XFD1048576: text beyond column AMJ is not read: "corner"`,
			}
			if n != 2 || cmp.Diff(want, errorList(cells)) != "" {
				t.Errorf("activities %d, err %v", n, err)
			}
		}},
		{"thousands of heading-like cells", wide, func(t *testing.T, err error, n int) {
			var cells xlsx.CellErrors
			errors.As(err, &cells)
			for _, c := range noContact(cells) {
				if !errors.Is(c, ErrNotImported) && !errors.Is(c, ErrNoted) {
					t.Errorf("err %v", c)
				}
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := genBuild([]genSheet{{name: "Template", cells: tc.cells}})
			if err != nil {
				t.Fatal(err)
			}
			start := time.Now()
			reg, err := Read(bytes.NewReader(b))
			if took := time.Since(start); took > 10*time.Second {
				t.Errorf("took %v", took)
			}
			n := -1
			if reg != nil {
				n = len(reg.Activities)
			}
			tc.check(t, err, n)
		})
	}
}

func cellRef(col, row int) string {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return ref
}

// replacePart returns the workbook with one part's content replaced by a
// raw deflate stream.
func replacePart(t *testing.T, workbook []byte, name string, stream []byte, crc uint32, size uint64) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(workbook), int64(len(workbook)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		if f.Name == name {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate})
		if err != nil {
			t.Fatal(err)
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(w, rc)
		rc.Close()
	}
	w, err := zw.CreateRaw(&zip.FileHeader{Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(len(stream)), UncompressedSize64: size})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(stream)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestHostileRows reads workbooks whose one sheet holds a million rows:
// the import stops at its activity limit, or streams a sheet spilled to a
// temporary file, without holding the sheet in memory.
func TestHostileRows(t *testing.T) {
	base, err := genBuild([]genSheet{{name: "Template", cells: map[string]string{"A1": "x"}}})
	if err != nil {
		t.Fatal(err)
	}
	const ns = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
	head := `<row><c t="inlineStr"><is><t>Purpose of processing</t></is></c><c t="inlineStr"><is><t>Categories of individuals</t></is></c></row>`
	activity := `<row><c t="inlineStr"><is><t>Payroll</t></is></c><c t="inlineStr"><is><t>Staff</t></is></c></row>`
	linked := `<row><c t="inlineStr"><is><t>Payroll</t></is></c><c t="inlineStr"><is><t>Staff</t></is></c><c t="inlineStr"><is><t>See the consent log</t></is></c></row>`
	empty := `<row/>`
	for _, tc := range []struct {
		name string
		row  string
		opts []xlsx.ReadOption
		want error
	}{
		// The rows compress beyond ExpansionFactor: raised, to reach the
		// activity limit, lowered to 20,000 (the register of 100,000 bare
		// activities xlsx.MaxActivities allows takes some 300 MiB of heap,
		// which is the register's size, not the sheet's).
		{"a million activities", activity, []xlsx.ReadOption{xlsx.WithExpansionFactor(1000), xlsx.WithMaxActivities(20000)}, xlsx.ErrTooLarge},
		{"a million activities with text in a link column", linked, []xlsx.ReadOption{xlsx.WithExpansionFactor(1000), xlsx.WithMaxActivities(20000)}, xlsx.ErrTooLarge},
		// A million empty rows compress 400 times: above ExpansionFactor,
		// which the caller raises here to reach the streaming.
		{"a million empty rows, spilled to a temporary file", empty, []xlsx.ReadOption{xlsx.WithLimits(64<<20, 4<<20), xlsx.WithExpansionFactor(1000)}, nil},
		{"a million empty rows, refused by the expansion factor", empty, []xlsx.ReadOption{xlsx.WithLimits(64<<20, 4<<20)}, xlsx.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			per := 1 << 20 / len(tc.row)
			chunk := bytes.Repeat([]byte(tc.row), per)
			h := head
			if tc.row == linked {
				h = strings.Replace(head, `</row>`, `<c t="inlineStr"><is><t>Link to record of consent</t></is></c></row>`, 1)
			}
			stream, crc, size := hostile.DeflateRepeat([]byte(ns+h), chunk, 1_000_000/per, []byte(`</sheetData></worksheet>`))
			data := replacePart(t, base, "xl/worksheets/sheet1.xml", stream, crc, size)
			err, took, alloc := measure(t, data, tc.opts...)
			t.Logf("%d bytes in (sheet %d MiB): %v after %v, heap peak +%.1f MiB", len(data), size>>20, err, took, float64(alloc)/(1<<20))
			if alloc > 256<<20 {
				t.Errorf("heap grew by %d MiB", alloc>>20)
			}
			if !errors.Is(err, tc.want) || tc.want == nil && err != nil {
				t.Errorf("err = %v; want %v", err, tc.want)
			}
			if took > 30*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}
