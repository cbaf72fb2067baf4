package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"slices"
	"strconv"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/ropa"
)

// The benchmarks run on a generated register of 10,000 activities.
//
//	go test ./export/xlsx -run '^$' -bench . -benchmem -benchtime 3x
//
// BenchmarkStreamFloor is what excelize's StreamWriter alone costs for the
// same cell text in the same sheets, compressed at Write's level
// (wrFlateLevel): the writer's target is to stay within 1.2 times of it.
// BenchmarkRowReader is what excelize's row iterator costs to read every
// cell of Write's workbook: Read's target is 1.15 times of it.

const benchActivities = 10000

var benchRegister = sync.OnceValue(func() *ropa.Register {
	return newGen(2026).register(benchActivities)
})

func BenchmarkWrite(b *testing.B) {
	reg := benchRegister()
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, reg, lawDay); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRead(b *testing.B) {
	data := writeBytes(b, benchRegister())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}

// floorRow is one row of a sheet: its number and its cells.
type floorRow struct {
	row   int
	cells []string
}

type floorSheet struct {
	name string
	rows []floorRow
}

// floorSheets collects every row Write would stream for reg, sheet by
// sheet, in workbook order.
func floorSheets(tb testing.TB, reg *ropa.Register) []floorSheet {
	cfg := newWriteConfig(lawDay, nil)
	views, err := wrSelectViews(cfg, reg)
	if err != nil {
		tb.Fatal(err)
	}
	c := &vwCtx{reg: reg, asOf: cfg.asOf, profile: icoLayout}
	c.report = ropa.Check(reg, cfg.asOf)
	var out []floorSheet
	for _, v := range views {
		s := floorSheet{name: v.name}
		err := v.gen(c, func(row int, cells []string, _ []vwStyle) error {
			s.rows = append(s.rows, floorRow{row, slices.Clone(cells)})
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	for _, d := range dsSheets() {
		var titles []string
		for _, h := range d.headers {
			titles = append(titles, dsTitle(h))
		}
		s := floorSheet{name: d.name, rows: []floorRow{{1, titles}}}
		err := d.rows(reg, func(_ string, cells []string) error {
			s.rows = append(s.rows, floorRow{len(s.rows) + 1, slices.Clone(cells)})
			return nil
		})
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, s)
	}
	s := floorSheet{name: snLists}
	err = vwListsSheet(c, func(row int, cells []string, _ []vwStyle) error {
		s.rows = append(s.rows, floorRow{row, slices.Clone(cells)})
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return append(out, s)
}

// BenchmarkStreamFloor streams the cells Write writes, and nothing else,
// with excelize's StreamWriter: no styles, drop-downs or checks.
func BenchmarkStreamFloor(b *testing.B) {
	sheets := floorSheets(b, benchRegister())
	cells := 0
	for _, s := range sheets {
		for _, r := range s.rows {
			cells += len(r.cells)
		}
	}
	b.ReportMetric(float64(cells), "cells/op")
	b.ReportAllocs()
	var vals []any
	for b.Loop() {
		f := excelize.NewFile()
		if err := f.SetSheetName("Sheet1", sheets[0].name); err != nil {
			b.Fatal(err)
		}
		for _, s := range sheets[1:] {
			if _, err := f.NewSheet(s.name); err != nil {
				b.Fatal(err)
			}
		}
		for _, s := range sheets {
			sw, err := f.NewStreamWriter(s.name)
			if err != nil {
				b.Fatal(err)
			}
			for _, r := range s.rows {
				vals = vals[:0]
				for _, c := range r.cells {
					if c == "" {
						vals = append(vals, nil)
					} else {
						vals = append(vals, c)
					}
				}
				if err := sw.SetRow("A"+strconv.Itoa(r.row), vals); err != nil {
					b.Fatal(err)
				}
			}
			if err := sw.Flush(); err != nil {
				b.Fatal(err)
			}
		}
		f.ZipWriter = floorZip
		if err := f.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// floorZip is a zip writer that compresses at Write's level.
func floorZip(w io.Writer) excelize.ZipWriter {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, wrFlateLevel) })
	return zw
}

func BenchmarkRowReader(b *testing.B) {
	data := writeBytes(b, benchRegister())
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range f.GetSheetList() {
			rows, err := f.Rows(name)
			if err != nil {
				b.Fatal(err)
			}
			for rows.Next() {
				if _, err := rows.Columns(rdRawCells); err != nil {
					b.Fatal(err)
				}
			}
			rows.Close()
		}
		f.Close()
	}
}

// TestBenchRegisterValid keeps the benchmark honest: its register is valid
// and round-trips (on a slice of it, to stay quick).
func TestBenchRegisterValid(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	g := newGen(2026)
	reg := g.register(300)
	if err := reg.Validate(); err != nil {
		t.Fatal(err)
	}
	got := roundTrip(t, reg)
	if len(got.Activities) != len(reg.Activities) {
		t.Fatal("activities lost")
	}
}
