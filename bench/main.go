package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/ropa"
)

// asOf is the date the law is applied as of, fixed so that runs compare.
var asOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	sizes := fs.String("sizes", "100,1000,10000", "comma-separated `numbers` of activities")
	records := fs.Int("records", 1_000_000, "`number` of records for retention due")
	cli := fs.String("cli", "", "the article30 `binary` (for retention due; skipped when empty)")
	python := fs.String("python", "python3", "the Python `interpreter` with openpyxl (skipped when empty)")
	dir := fs.String("dir", "", "working `directory` (default: a temporary one, removed afterwards)")
	child := fs.String("child", "", "internal: run one measurement in this process")
	file := fs.String("file", "", "internal: the input of a child measurement")
	out := fs.String("o", "", "internal: the output of a child measurement")
	size := fs.Int("n", 0, "internal: the number of activities or records a child generates")
	reps := fs.Int("reps", 1, "internal: how many times a child repeats its task (it reports the median)")
	pairs := fs.Int("pairs", 0, "run each comparison this `number` of times more, the two tasks alternating, and print the median ratio and its range")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *child != "" {
		return runChild(*child, *file, *out, *size, *reps, stdout)
	}
	var ns []int
	for f := range strings.SplitSeq(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			return fmt.Errorf("-sizes: %q is not a positive number", f)
		}
		ns = append(ns, n)
	}
	work := *dir
	if work == "" {
		d, err := os.MkdirTemp("", "article30-bench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		work = d
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	b := &bencher{self: self, dir: work, python: *python, cli: *cli, pairs: *pairs, log: os.Stderr}
	var rows []row
	for _, n := range ns {
		r, err := b.size(n)
		if err != nil {
			return err
		}
		rows = append(rows, r...)
	}
	if *cli != "" {
		r, err := b.retentionDue(*records)
		if err != nil {
			return err
		}
		rows = append(rows, r)
	}
	printTable(stdout, rows)
	if len(b.ratios) > 0 {
		fmt.Fprintf(stdout, "\nRatios of %d alternating pairs (A B A B ..., each task its own process): median (range)\n", b.pairs)
		for _, r := range b.ratios {
			fmt.Fprintln(stdout, r)
		}
	}
	return nil
}

// row is one line of the result table.
type row struct {
	activities int
	task       string
	elapsed    time.Duration
	peak       int64 // bytes
	note       string
}

type bencher struct {
	self, dir, python, cli string
	pairs                  int      // alternating pairs a comparison is run in (-pairs)
	ratios                 []string // their results, a line each
	log                    io.Writer
}

// measurement is what a child process reports.
type measurement struct {
	Seconds float64 `json:"seconds"`
	Note    string  `json:"note,omitempty"`
	// Peak is the child's own peak resident set size in bytes, read from
	// /proc/self/status (VmHWM) as it ends: getrusage's maximum RSS of a
	// child counts the parent's memory until exec, so a small task of a
	// large parent was reported at the parent's size.
	Peak int64 `json:"peak,omitempty"`
}

// spawn runs a command and parses the measurement it prints, with its
// peak memory.
func (b *bencher) spawn(name string, args ...string) (measurement, int64, error) {
	cmd := exec.Command(name, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return measurement{}, 0, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	var m measurement
	if err := json.Unmarshal(stdout.Bytes(), &m); err != nil {
		return m, 0, fmt.Errorf("%s %s: unreadable measurement %q: %v", filepath.Base(name), strings.Join(args, " "), stdout.String(), err)
	}
	return m, m.Peak, nil
}

// peakMemory is this process's peak resident set size in bytes (VmHWM in
// /proc/self/status, in kB), or 0 where there is no such file.
func peakMemory() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

func (b *bencher) size(n int) ([]row, error) {
	fmt.Fprintf(b.log, "bench: %d activities\n", n)
	// The registers are made by a child, so that this process stays small:
	// a child's peak memory counts the parent's until it runs its program.
	regFile := filepath.Join(b.dir, fmt.Sprintf("register-%d.yaml", n))
	if _, _, err := b.spawn(b.self, "-child", "register", "-n", strconv.Itoa(n), "-o", regFile); err != nil {
		return nil, err
	}
	book := filepath.Join(b.dir, fmt.Sprintf("register-%d.xlsx", n))
	cells := filepath.Join(b.dir, fmt.Sprintf("cells-%d.json", n))
	var rows []row
	add := func(task string, m measurement, peak int64) {
		rows = append(rows, row{n, task, time.Duration(m.Seconds * float64(time.Second)), peak, m.Note})
	}
	// Small sizes repeat each task, so that one pause of the machine does
	// not decide the result; the median is reported.
	reps := strconv.Itoa(repeats(n))
	tasks := []struct{ task, file, out string }{
		{"check", regFile, ""},
		{"write", regFile, book},
		{"read", book, ""},
		{"rowreader", book, ""},
		{"notice", regFile, ""},
		{"cells", book, cells},
		{"floor", cells, filepath.Join(b.dir, "floor.xlsx")},
	}
	if n >= roundTripOnly {
		// The round trip alone: the comparisons are made at 10,000.
		tasks = tasks[1:3]
	}
	for _, c := range tasks {
		m, peak, err := b.spawn(b.self, "-child", c.task, "-file", c.file, "-o", c.out, "-reps", reps)
		if err != nil {
			return nil, err
		}
		if c.task != "cells" {
			add(c.task, m, peak)
		}
	}
	if b.python != "" && n < roundTripOnly {
		script := filepath.Join(filepath.Dir(b.self), "openpyxl_write.py")
		if _, err := os.Stat(script); err != nil {
			return nil, fmt.Errorf("openpyxl script: %v (run bench/run.sh)", err)
		}
		// Python is slow enough that one run at 10,000 says it.
		preps := reps
		if n >= 10000 {
			preps = "1"
		}
		for _, mode := range []string{"write_only", "normal"} {
			m, peak, err := b.spawn(b.python, script, cells, filepath.Join(b.dir, "openpyxl.xlsx"), preps, mode)
			if err != nil {
				return nil, err
			}
			add("openpyxl "+mode, m, peak)
		}
	}
	if b.pairs > 0 && n < roundTripOnly {
		child := func(task, file, out string) func() (measurement, error) {
			return func() (measurement, error) {
				m, _, err := b.spawn(b.self, "-child", task, "-file", file, "-o", out, "-reps", reps)
				return m, err
			}
		}
		write := child("write", regFile, book)
		comparisons := []struct {
			name   string
			a, b   func() (measurement, error)
			faster bool // report b/a, how many times faster a is
		}{
			{"write / floor", write, child("floor", cells, filepath.Join(b.dir, "floor.xlsx")), false},
			{"read / rowreader", child("read", book, ""), child("rowreader", book, ""), false},
		}
		if b.python != "" {
			preps := reps
			if n >= 10000 {
				preps = "1"
			}
			script := filepath.Join(filepath.Dir(b.self), "openpyxl_write.py")
			openpyxl := func() (measurement, error) {
				m, _, err := b.spawn(b.python, script, cells, filepath.Join(b.dir, "openpyxl.xlsx"), preps, "write_only")
				return m, err
			}
			comparisons = append(comparisons, struct {
				name   string
				a, b   func() (measurement, error)
				faster bool
			}{"openpyxl write_only / write", write, openpyxl, true})
		}
		for _, c := range comparisons {
			fmt.Fprintf(b.log, "bench: %d activities: %s, %d pairs\n", n, c.name, b.pairs)
			var ratios []float64
			for range b.pairs {
				ma, err := c.a()
				if err != nil {
					return nil, err
				}
				mb, err := c.b()
				if err != nil {
					return nil, err
				}
				r := ma.Seconds / mb.Seconds
				if c.faster {
					r = 1 / r
				}
				ratios = append(ratios, r)
			}
			slices.Sort(ratios)
			b.ratios = append(b.ratios, fmt.Sprintf("%d activities: %s = %.2f (%.2f-%.2f)", n, c.name, ratios[(len(ratios)-1)/2], ratios[0], ratios[len(ratios)-1]))
		}
	}
	return rows, nil
}

// roundTripOnly is the size from which only the round trip (write, then
// read) is measured.
const roundTripOnly = 50000

// repeats is how many times each task runs on a register of n activities.
func repeats(n int) int {
	switch {
	case n >= roundTripOnly:
		return 1 // a minute or more a run
	case n <= 100:
		return 15
	case n <= 1000:
		return 5
	default:
		return 3
	}
}

// retentionDue times the command-line tool over n records of the
// 1,000-activity register.
func (b *bencher) retentionDue(n int) (row, error) {
	fmt.Fprintf(b.log, "bench: retention due over %d records\n", n)
	regFile := filepath.Join(b.dir, "register-1000.yaml")
	if _, _, err := b.spawn(b.self, "-child", "register", "-n", "1000", "-o", regFile); err != nil {
		return row{}, err
	}
	csv := filepath.Join(b.dir, "records.csv")
	if _, _, err := b.spawn(b.self, "-child", "records", "-n", strconv.Itoa(n), "-file", regFile, "-o", csv); err != nil {
		return row{}, err
	}
	cmd := exec.Command(b.cli, "retention", "due", regFile, "--as-of", asOf.Format(time.DateOnly), "--records", csv)
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = io.Discard, &stderr
	start := time.Now()
	err := cmd.Run()
	elapsed := time.Since(start)
	var exit *exec.ExitError
	if err != nil && !(errors.As(err, &exit) && exit.ExitCode() == 1) {
		return row{}, fmt.Errorf("article30 retention due: %v\n%s", err, stderr.String())
	}
	rate := float64(n) / elapsed.Seconds()
	return row{1000, "retention due", elapsed, 0,
		fmt.Sprintf("%d records, %.2f million records/s", n, rate/1e6)}, nil
}

func writeFile(name string, write func(io.Writer) error) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// runChild runs one measurement and prints it as JSON, with the process's
// peak memory. Only the task is timed: not loading its input.
func runChild(task, file, out string, n, reps int, stdout io.Writer) error {
	var (
		elapsed time.Duration
		note    string
	)
	// timed runs f reps times and keeps the median time.
	timed := func(f func() error) error {
		times := make([]time.Duration, 0, reps)
		for range max(reps, 1) {
			runtime.GC()
			start := time.Now()
			if err := f(); err != nil {
				return err
			}
			times = append(times, time.Since(start))
		}
		slices.Sort(times)
		elapsed = times[(len(times)-1)/2]
		return nil
	}
	var err error
	switch task {
	case "check", "write", "notice":
		reg, lerr := loadRegister(file)
		if lerr != nil {
			return lerr
		}
		switch task {
		case "check":
			err = timed(func() error {
				rep := ropa.Check(reg, asOf)
				note = fmt.Sprintf("%d findings", len(rep.Findings))
				return nil
			})
		case "write":
			err = timed(func() error {
				return writeFile(out, func(w io.Writer) error { return xlsx.Write(w, reg, asOf) })
			})
		case "notice":
			err = timed(func() error {
				n, gerr := notice.Generate(reg, asOf)
				if gerr != nil {
					return gerr
				}
				size := len(n.Markdown()) + len(n.HTML()) + len(n.Text())
				note = fmt.Sprintf("%.1f MB of text", float64(size)/1e6)
				return nil
			})
		}
	case "read":
		err = timed(func() error {
			f, oerr := os.Open(file)
			if oerr != nil {
				return oerr
			}
			defer f.Close()
			reg, rerr := xlsx.Read(f)
			if rerr == nil {
				note = fmt.Sprintf("%d activities back", len(reg.Activities))
			}
			return rerr
		})
	case "rowreader":
		// What excelize itself does to read every cell of every sheet,
		// row by row: the reader's like-for-like comparison.
		err = timed(func() error {
			n, rerr := readRows(file)
			note = fmt.Sprintf("%d cells", n)
			return rerr
		})
	case "cells":
		err = dumpCells(file, out)
	case "register":
		err = writeFile(out, func(w io.Writer) error { return ropa.Encode(w, register(n)) })
	case "records":
		reg, lerr := loadRegister(file)
		if lerr != nil {
			return lerr
		}
		err = writeFile(out, func(w io.Writer) error { return writeRecords(w, reg, n) })
	case "floor":
		sheets, lerr := loadCells(file)
		if lerr != nil {
			return lerr
		}
		err = timed(func() error { return streamFloor(sheets, out) })
		note = fmt.Sprintf("%d cells", countCells(sheets))
	default:
		return fmt.Errorf("unknown child task %q", task)
	}
	if err != nil {
		return fmt.Errorf("%s %s: %w", task, file, err)
	}
	return json.NewEncoder(stdout).Encode(measurement{Seconds: elapsed.Seconds(), Note: note, Peak: peakMemory()})
}

// loadRegister loads a register the bench generated: trusted input, so
// without the limits on the file's size and on what its YAML aliases
// expand to, which the registers from 100,000 activities exceed.
func loadRegister(file string) (*ropa.Register, error) {
	return ropa.Load(file, ropa.WithMaxFileSize(1<<40), ropa.WithMaxExpansion(1<<40))
}

// sheet is the contents of one worksheet: its name and its rows of text.
type sheet struct {
	Name string     `json:"name"`
	Rows [][]string `json:"rows"`
}

// dumpCells writes every sheet of the workbook file as JSON: the contents
// that openpyxl and the floor write.
func dumpCells(file, out string) error {
	f, err := excelize.OpenFile(file)
	if err != nil {
		return err
	}
	defer f.Close()
	var sheets []sheet
	for _, name := range f.GetSheetList() {
		rows, err := f.GetRows(name)
		if err != nil {
			return err
		}
		sheets = append(sheets, sheet{Name: name, Rows: rows})
	}
	return writeFile(out, func(w io.Writer) error { return json.NewEncoder(w).Encode(sheets) })
}

func loadCells(file string) ([]sheet, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var sheets []sheet
	return sheets, json.Unmarshal(data, &sheets)
}

func countCells(sheets []sheet) int {
	n := 0
	for _, s := range sheets {
		for _, r := range s.Rows {
			n += len(r)
		}
	}
	return n
}

// readRows reads every cell of every sheet of file with excelize's row
// iterator, raw (as xlsx.Read does), and counts the cells.
func readRows(file string) (int, error) {
	f, err := excelize.OpenFile(file, excelize.Options{RawCellValue: true})
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n := 0
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			return n, err
		}
		for rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				rows.Close()
				return n, err
			}
			n += len(cells)
		}
		if err := rows.Close(); err != nil {
			return n, err
		}
	}
	return n, nil
}

// floorLevel is the compression level of the floor: xlsx.Write's
// (flate.BestSpeed, wrFlateLevel in export/xlsx/zip.go), so that the
// comparison is like for like. (excelize's own default, the best
// compression, costs more time and hid the writer's share of it.)
const floorLevel = flate.BestSpeed

// streamFloor writes the sheets with excelize's StreamWriter and nothing
// else: no styles, validation or checks, compressed at Write's level.
func streamFloor(sheets []sheet, out string) error {
	f := excelize.NewFile()
	defer f.Close()
	f.ZipWriter = func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) { return flate.NewWriter(out, floorLevel) })
		return zw
	}
	for i, s := range sheets {
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", s.Name)
		} else {
			_, err = f.NewSheet(s.Name)
		}
		if err != nil {
			return err
		}
	}
	var vals []any
	for _, s := range sheets {
		sw, err := f.NewStreamWriter(s.Name)
		if err != nil {
			return err
		}
		for i, r := range s.Rows {
			vals = vals[:0]
			for _, c := range r {
				if c == "" {
					vals = append(vals, nil)
				} else {
					vals = append(vals, c)
				}
			}
			if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return f.SaveAs(out)
}

// printTable prints the results with the ratios: for write, against
// openpyxl (how many times faster) and the floor (how many times slower).
func printTable(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "activities\ttask\ttime\tpeak memory\tratio\tnote\t")
	find := func(n int, task string) *row {
		for i := range rows {
			if rows[i].activities == n && rows[i].task == task {
				return &rows[i]
			}
		}
		return nil
	}
	for _, r := range rows {
		ratio := ""
		switch r.task {
		case "write":
			var parts []string
			for _, mode := range []string{"write_only", "normal"} {
				if o := find(r.activities, "openpyxl "+mode); o != nil {
					parts = append(parts, fmt.Sprintf("%.1fx faster than openpyxl %s", o.elapsed.Seconds()/r.elapsed.Seconds(), mode))
				}
			}
			if f := find(r.activities, "floor"); f != nil {
				parts = append(parts, fmt.Sprintf("%.2fx the floor", r.elapsed.Seconds()/f.elapsed.Seconds()))
			}
			ratio = strings.Join(parts, ", ")
		case "read":
			if f := find(r.activities, "rowreader"); f != nil {
				ratio = fmt.Sprintf("%.2fx excelize's row reader", r.elapsed.Seconds()/f.elapsed.Seconds())
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t\n", r.activities, r.task, duration(r.elapsed), mebibytes(r.peak), ratio, r.note)
	}
	tw.Flush()
}

func duration(d time.Duration) string {
	switch {
	case d >= time.Second:
		return fmt.Sprintf("%.2f s", d.Seconds())
	default:
		return fmt.Sprintf("%.1f ms", float64(d)/float64(time.Millisecond))
	}
}

func mebibytes(n int64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }
