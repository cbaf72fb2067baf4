package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// ErrTooLarge is wrapped by the error of [ReadAll] for input over its limit.
var ErrTooLarge = errors.New("input over the size limit")

// Write writes the file path atomically with the content write produces:
// into a temporary file in the same directory, synced, then renamed over
// path. On any error the temporary file is removed and path is untouched.
// A new file gets mode perm; an existing file keeps its mode.
func Write(path string, perm os.FileMode, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	if fi, err := os.Stat(path); err == nil {
		if fi.IsDir() {
			return &fs.PathError{Op: "write", Path: path, Err: syscall.EISDIR}
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s: not a regular file; write to a file name", path)
		}
		perm = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteBytes writes b to path with [Write].
func WriteBytes(path string, b []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(b)
		return err
	})
}

// Same reports whether out names the same file as any of ins: the same
// existing file (through links or another spelling of its path), or the
// same cleaned path. "-" (standard input or output) is never the same as
// a file.
func Same(out string, ins ...string) bool {
	if out == "-" {
		return false
	}
	ofi, oerr := os.Stat(out)
	for _, in := range ins {
		if in == "-" || in == "" {
			continue
		}
		if filepath.Clean(in) == filepath.Clean(out) {
			return true
		}
		if oerr == nil {
			if ifi, err := os.Stat(in); err == nil && os.SameFile(ofi, ifi) {
				return true
			}
		}
	}
	return false
}

// ReadAll reads r to its end, or to limit bytes and one more: it returns
// an error wrapping [ErrTooLarge] as soon as the input passes the limit,
// having read no more than limit+1 bytes.
func ReadAll(r io.Reader, limit int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, fmt.Errorf("%w (%d bytes)", ErrTooLarge, limit)
	}
	return b, nil
}
