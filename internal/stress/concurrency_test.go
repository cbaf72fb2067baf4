package stress

import (
	"bytes"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/ropa"
)

// goroutines is how many goroutines share each register.
const goroutines = 64

// result is what one goroutine computes from a register.
type result struct {
	report   ropa.Report
	workbook []byte
	markdown string
	html     string
	text     string
}

func compute(reg *ropa.Register, at time.Time) (result, error) {
	var r result
	r.report = ropa.Check(reg, at)
	var buf bytes.Buffer
	if err := xlsx.Write(&buf, reg, at); err != nil {
		return r, err
	}
	r.workbook = buf.Bytes()
	n, err := notice.Generate(reg, at)
	if err != nil {
		return r, err
	}
	r.markdown, r.html, r.text = n.Markdown(), n.HTML(), n.Text()
	return r, nil
}

// TestConcurrentUse calls Check, Write and Generate (with the three
// renderings) from 64 goroutines at once on each shared seed register, and
// checks that every goroutine gets exactly what a lone call gets and that
// the register is not modified. Under -race it also checks that none of
// them writes to shared state.
func TestConcurrentUse(t *testing.T) {
	files, err := filepath.Glob("../../examples/registers/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example registers: %v", err)
	}
	at := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			reg, err := ropa.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			pristine, err := ropa.Load(file)
			if err != nil {
				t.Fatal(err)
			}
			want, err := compute(reg, at)
			if err != nil {
				t.Fatal(err)
			}
			results := make([]result, goroutines)
			errs := make([]error, goroutines)
			var wg sync.WaitGroup
			start := make(chan struct{})
			for i := range goroutines {
				wg.Go(func() {
					<-start
					results[i], errs[i] = compute(reg, at)
				})
			}
			close(start)
			wg.Wait()
			for i, got := range results {
				if errs[i] != nil {
					t.Fatalf("goroutine %d: %v", i, errs[i])
				}
				if diff := cmp.Diff(want.report, got.report); diff != "" {
					t.Errorf("goroutine %d: Check differs (-lone +concurrent):\n%s", i, diff)
				}
				if !bytes.Equal(want.workbook, got.workbook) {
					t.Errorf("goroutine %d: the workbook differs from a lone Write's", i)
				}
				if want.markdown != got.markdown || want.html != got.html || want.text != got.text {
					t.Errorf("goroutine %d: the notice differs from a lone Generate's", i)
				}
			}
			if diff := cmp.Diff(pristine, reg); diff != "" {
				t.Errorf("the shared register was modified (-before +after):\n%s", diff)
			}
		})
	}
}
