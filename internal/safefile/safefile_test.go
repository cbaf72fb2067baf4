package safefile

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// failAfter writes n bytes, then fails, as a full disk would.
func failAfter(n int) func(io.Writer) error {
	return func(w io.Writer) error {
		if _, err := w.Write(bytes.Repeat([]byte("x"), n)); err != nil {
			return err
		}
		return errors.New("no space left on device")
	}
}

func TestWriteFailingHalfWayKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "register.xlsx")
	old := []byte("the previous good workbook")
	if err := os.WriteFile(path, old, 0o600); err != nil {
		t.Fatal(err)
	}
	err := Write(path, 0o644, failAfter(1<<20))
	if err == nil || !strings.Contains(err.Error(), "no space left") {
		t.Fatalf("Write = %v, want the writer's error", err)
	}
	got, _ := os.ReadFile(path)
	if !bytes.Equal(got, old) {
		t.Errorf("the old file changed: %q", got)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries after a failed write, want 1 (no temporary file left)", len(entries))
	}
}

func TestWriteReplacesAndKeepsMode(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "notice.md")
	if err := WriteBytes(path, []byte("new"), 0o644); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v", fi.Mode())
	}
	os.Chmod(path, 0o600)
	if err := WriteBytes(path, []byte("newer"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(path)
	fi, _ := os.Stat(path)
	if string(got) != "newer" || fi.Mode().Perm() != 0o600 {
		t.Errorf("got %q mode %v, want newer 0600", got, fi.Mode())
	}
	if err := WriteBytes(dir, []byte("x"), 0o644); err == nil {
		t.Error("writing over a directory succeeded")
	}
	if err := WriteBytes(filepath.Join(dir, "missing", "x"), []byte("x"), 0o644); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

func TestSame(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "reg.yaml")
	os.WriteFile(in, []byte("x"), 0o644)
	link := filepath.Join(dir, "link.yaml")
	if err := os.Symlink(in, link); err != nil {
		t.Skip(err)
	}
	tests := []struct {
		out  string
		ins  []string
		same bool
	}{
		{in, []string{in}, true},
		{filepath.Join(dir, ".", "reg.yaml"), []string{in}, true},
		{link, []string{in}, true},
		{filepath.Join(dir, "reg.xlsx"), []string{in}, false},
		{"-", []string{"-"}, false},
		{in, []string{"-", "other.yaml", in}, true},
	}
	for _, tt := range tests {
		if got := Same(tt.out, tt.ins...); got != tt.same {
			t.Errorf("Same(%q, %q) = %v", tt.out, tt.ins, got)
		}
	}
}

// endless is an input that never ends, like /dev/zero.
type endless struct{ n int64 }

func (e *endless) Read(p []byte) (int, error) { e.n += int64(len(p)); clear(p); return len(p), nil }

func TestReadAllStopsAtTheLimit(t *testing.T) {
	r := &endless{}
	_, err := ReadAll(r, 1<<20)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("ReadAll(endless) = %v", err)
	}
	if r.n > 1<<20+64<<10 {
		t.Errorf("read %d bytes for a 1 MiB limit", r.n)
	}
	b, err := ReadAll(strings.NewReader("abc"), 3)
	if err != nil || string(b) != "abc" {
		t.Errorf("ReadAll at the limit = %q, %v", b, err)
	}
}
