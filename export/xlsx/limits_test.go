package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/export/xlsx/internal/book"
	"github.com/article30/article30/ropa"
)

// wbSizes returns what a workbook's file and parts measure: the file, all
// parts unpacked, and the largest part held in memory.
func wbSizes(t *testing.T, b []byte) (file, unpacked, part int64) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range zr.File {
		unpacked += int64(f.UncompressedSize64)
		if !book.StreamedPart(f.Name) {
			part = max(part, int64(f.UncompressedSize64))
		}
	}
	return int64(len(b)), unpacked, part
}

// Write holds its workbooks to Read's limits: by default the defaults,
// and with WriteLimits the limits given, so that a workbook Write writes
// is one Read reads with the same options. Tested at each limit: exactly
// at it, both accept; one byte (or one time) under, both refuse, naming
// the limit and its option.
func TestLimitsAgree(t *testing.T) {
	if w, r := newWriteConfig(lawDay, nil).limits, newReadConfig(nil); w.Limits != r.Limits {
		t.Fatalf("Write's default limits %+v differ from Read's %+v", w, r)
	}
	reg := loadSeed(t, "durham-university-recruitment")
	var buf bytes.Buffer
	if err := Write(&buf, reg, lawDay); err != nil {
		t.Fatal(err)
	}
	file, unpacked, part := wbSizes(t, buf.Bytes())
	ratio := unpacked / file // Write's workbooks unpack to 7-16 times their size
	t.Logf("file %d bytes, unpacked %d (%.1f times), largest part in memory %d", file, unpacked, float64(unpacked)/float64(file), part)
	if ratio < 2 || ratio*10 > ExpansionFactor {
		t.Errorf("the workbook unpacks to %d times its size: ExpansionFactor (%d) leaves it too little room", ratio, ExpansionFactor)
	}
	// part below unpacked/ratio keeps the floor of the expansion limit
	// (MaxXMLSize) out of the way.
	small := min(unpacked/(ratio+1), part)
	for _, tc := range []struct {
		name     string
		at, over []ReadOption
		msg      string
	}{
		{"file size", []ReadOption{WithMaxFileSize(file)}, []ReadOption{WithMaxFileSize(file - 1)}, "xlsx.MaxFileSize; raise it with xlsx.WithMaxFileSize"},
		{"unpacked size", []ReadOption{WithLimits(unpacked, 0)}, []ReadOption{WithLimits(unpacked-1, 0)}, "xlsx.MaxUnzipSize; raise it with xlsx.WithLimits"},
		{"part in memory", []ReadOption{WithMaxPartSize(part)}, []ReadOption{WithMaxPartSize(part - 1)}, "xlsx.MaxPartSize; raise it with xlsx.WithMaxPartSize"},
		{"expansion", []ReadOption{WithLimits(0, small), WithExpansionFactor(ratio + 1)}, []ReadOption{WithLimits(0, small), WithExpansionFactor(ratio)},
			"xlsx.ExpansionFactor; raise it with xlsx.WithExpansionFactor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := Read(bytes.NewReader(buf.Bytes()), tc.at...); err != nil {
				t.Errorf("Read at the limit: %v", err)
			}
			var again bytes.Buffer
			if err := Write(&again, reg, lawDay, WriteLimits(tc.at...)); err != nil || !bytes.Equal(again.Bytes(), buf.Bytes()) {
				t.Errorf("Write at the limit: %v (same bytes: %v)", err, bytes.Equal(again.Bytes(), buf.Bytes()))
			}
			_, err := Read(bytes.NewReader(buf.Bytes()), tc.over...)
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("Read over the limit: %v; want ErrTooLarge naming %q", err, tc.msg)
			}
			err = Write(&bytes.Buffer{}, reg, lawDay, WriteLimits(tc.over...))
			if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), tc.msg) || !strings.Contains(err.Error(), "WriteLimits") {
				t.Errorf("Write over the limit: %v; want ErrTooLarge naming %q and WriteLimits", err, tc.msg)
			}
		})
	}
}

// Write stops a workbook over the unpacked limit while it streams the
// sheets, before excelize unpacks them: the cells' text alone tells.
func TestWriteStopsEarly(t *testing.T) {
	reg := newGen(7).register(300)
	var out countWriter
	err := Write(&out, reg, lawDay, WriteLimits(WithLimits(1<<20, 0)))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xlsx.MaxUnzipSize") {
		t.Fatalf("err = %v", err)
	}
	if out.n > 0 {
		t.Errorf("%d bytes written before the limit stopped the workbook", out.n)
	}
}

type countWriter struct{ n int }

func (w *countWriter) Write(p []byte) (int, error) { w.n += len(p); return len(p), nil }

// An input that is not a zip archive is refused from its first bytes,
// however long it is.
func TestReadRefusesAtOnce(t *testing.T) {
	for _, tc := range []struct {
		name string
		head []byte
		want error
		msg  string
	}{
		{"zeros", []byte{0, 0, 0, 0}, ErrNotWorkbook, "not a zip archive"},
		{"text", []byte("Business function,Purpose\n"), ErrNotWorkbook, "it is text"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := &endlessFrom{head: tc.head}
			for _, read := range []func() error{
				func() error { _, err := Read(in); return err },
			} {
				in.n = 0
				err := read()
				if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
					t.Errorf("err = %v; want %v with %q", err, tc.want, tc.msg)
				}
				if in.n > 64 {
					t.Errorf("read %d bytes", in.n)
				}
			}
		})
	}
	// A zip signature followed by an endless stream is read up to the
	// file limit only.
	in := &endlessFrom{head: []byte("PK\x03\x04")}
	_, err := Read(in, WithMaxFileSize(1<<20))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "xlsx.MaxFileSize") || in.n > 1<<20+64<<10 {
		t.Errorf("endless zip: %v after %d bytes", err, in.n)
	}
}

// endlessFrom reads head, then zeros for ever.
type endlessFrom struct {
	head []byte
	n    int
}

func (e *endlessFrom) Read(p []byte) (int, error) {
	clear(p)
	if e.n < len(e.head) {
		k := copy(p, e.head[e.n:])
		e.n += k
		return k, nil
	}
	e.n += len(p)
	return len(p), nil
}

// TestWriteReadScale writes a register of XLSX_SCALE activities (copies of
// the Durham seed's, which fill most fields) and reads it back with the
// default limits, in a child process that prints its own peak memory:
//
//	XLSX_SCALE=100000 go test ./export/xlsx -run TestWriteReadScale -v -timeout 30m
func TestWriteReadScale(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("XLSX_SCALE"))
	if n <= 0 {
		t.Skip("set XLSX_SCALE to the number of activities")
	}
	if os.Getenv("XLSX_SCALE_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriteReadScale$", "-test.v")
		cmd.Env = append(os.Environ(), "XLSX_SCALE_CHILD=1")
		out, err := cmd.CombinedOutput()
		t.Logf("%s", out)
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	seed := loadSeed(t, "durham-university-recruitment")
	reg := *seed
	reg.Activities = make([]ropa.Activity, n)
	for i := range n {
		a := seed.Activities[i%len(seed.Activities)]
		a.ID = fmt.Sprintf("%s-%d", a.ID, i)
		reg.Activities[i] = a
	}
	var buf bytes.Buffer
	start := time.Now()
	if err := Write(&buf, &reg, lawDay); err != nil {
		t.Fatal(err)
	}
	file, unpacked, _ := wbSizes(t, buf.Bytes())
	fmt.Printf("write %d activities: %v, file %d bytes, unpacked %d bytes, peak %s\n", n, time.Since(start).Round(time.Millisecond), file, unpacked, vmHWM())
	reg.Activities = nil
	start = time.Now()
	got, err := Read(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("read %d activities: %v, peak %s\n", len(got.Activities), time.Since(start).Round(time.Millisecond), vmHWM())
}

// vmHWM is the process's own peak resident memory, from /proc.
func vmHWM() string {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
