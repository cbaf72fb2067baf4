package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/article30/article30/export/xlsx"
	"github.com/article30/article30/export/xlsx/ico"
	"github.com/article30/article30/internal/hostile"
	"github.com/article30/article30/internal/safefile"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

var hostileLarge = flag.Bool("hostile.large", false,
	"also run the large inputs of the hostile corpus: the 59 MB register of 30,000 activities exported and imported, the sheet of a million rows of notes")

// hostileCase is one input of the hostile corpus (internal/hostile), run
// through the library and through the command line.
type hostileCase struct {
	name string
	// inputs are the corpus inputs the case needs, made in its directory
	// (the committed ones copied from testdata/hostile).
	inputs []string
	// lib checks what the library does with the input; dir holds it.
	lib func(t *testing.T, dir string)
	// setup prepares the directory further.
	setup func(t *testing.T, dir string)
	// args are the command line; "{dir}" stands for the case's directory.
	args []string
	// stdin is the command's input: "zeros" for an endless stream of
	// zeros, "file:NAME" for a file of the directory, else the text.
	stdin string
	// fsize limits the size of the files the command writes (as ulimit
	// -f does), so that a write fails half-way.
	fsize int64
	// stdout is a full-disk writer, for --help to a full disk.
	fullStdout bool
	code       int
	stderr     string // a substring of standard error
	stdout     string // a substring of standard output
	// peakMiB, when set, bounds the command's peak memory, which is then
	// measured in a child process (its own VmHWM, from /proc).
	peakMiB int
	// child runs the command in a child process even without a bound.
	child bool
	// after checks the directory, or the output, after the command.
	after func(t *testing.T, dir string, o hostileOut)
	large bool
}

// hostileOut is what a command did: its exit status, its output and, run
// in a child, its peak memory in KiB.
type hostileOut struct {
	Code           int
	Stdout, Stderr string
	PeakKiB        int64
	Took           time.Duration
}

// The hostile inputs of issue 19, each with the outcome the library and
// the command line must give: exit status, message, peak memory.
func hostileCases() []hostileCase {
	unchanged := func(name string) func(t *testing.T, dir string, o hostileOut) {
		return func(t *testing.T, dir string, _ hostileOut) {
			got, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil || !bytes.Equal(got, hostile.Lookup("register.yaml").Bytes()) && !bytes.Equal(got, []byte("previous workbook\n")) {
				t.Errorf("%s changed: %q... (%v)", name, got[:min(len(got), 40)], err)
			}
			tmp, _ := filepath.Glob(filepath.Join(dir, ".*tmp*"))
			if len(tmp) > 0 {
				t.Errorf("temporary files left: %v", tmp)
			}
		}
	}
	loadErr := func(name string, want error, msg string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			_, err := ropa.Load(filepath.Join(dir, name))
			if want != nil && !errors.Is(err, want) || err == nil || !strings.Contains(err.Error(), msg) {
				t.Errorf("ropa.Load(%s) = %v; want %v with %q", name, err, want, msg)
			}
		}
	}
	readICO := func(name string, check func(t *testing.T, reg *ropa.Register, err error)) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			f, err := os.Open(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			reg, err := ico.Read(f)
			check(t, reg, err)
		}
	}
	// cellList lists the cells of an import, without the message about a
	// sheet with no contact block, which these small sheets do not have.
	cellList := func(t *testing.T, err error) []string {
		var ce xlsx.CellErrors
		if !errors.As(err, &ce) {
			t.Fatalf("err = %v; want CellErrors", err)
		}
		var out []string
		for _, c := range ce {
			if c.Cell == "" && strings.Contains(c.Error(), "no contact block") {
				continue
			}
			out = append(out, c.Error())
		}
		return out
	}
	var errorLines []string
	for i, v := range hostile.ErrorValues {
		errorLines = append(errorLines, fmt.Sprintf("Template!D%d: holds the Excel error value %s (a formula that failed), not data: nothing was imported from it", i+2, v))
	}
	return []hostileCase{
		{
			name: "alias bomb of 87 KB, 5,000 references", inputs: []string{"alias-5000.yaml"},
			lib:  loadErr("alias-5000.yaml", ropa.ErrLimit, "ropa.WithMaxExpansion"),
			args: []string{"export", "{dir}/alias-5000.yaml", "-o", "{dir}/out.xlsx"}, code: exitFailure,
			stderr: "through YAML aliases the file expands to more than", peakMiB: 64,
		},
		{
			name: "alias bomb of 832 KB, 200,000 references", inputs: []string{"alias-200000.yaml"},
			lib:  loadErr("alias-200000.yaml", ropa.ErrLimit, "ropa.WithMaxExpansion"),
			args: []string{"export", "{dir}/alias-200000.yaml", "-o", "{dir}/out.xlsx"}, code: exitFailure,
			// Measured 53-60 MiB (the YAML parser's tokens for 200,000
			// aliases), and 64 once on a loaded machine, where the garbage
			// collector runs later; expanded, the file would be 160 MB of
			// text and several GB of nodes. 80 MiB holds that line without
			// failing on the collector's timing.
			stderr: "through YAML aliases the file expands to more than", peakMiB: 80,
		},
		{
			name: "import - < /dev/zero",
			lib: func(t *testing.T, dir string) {
				// The library refuses the stream from its first bytes.
				z := &zeros{}
				_, err := xlsx.Read(z)
				if !errors.Is(err, xlsx.ErrNotWorkbook) || z.n > 64 {
					t.Errorf("xlsx.Read(zeros) = %v after %d bytes", err, z.n)
				}
				_, err = safefile.ReadAll(&zeros{}, 1<<20)
				if !errors.Is(err, safefile.ErrTooLarge) {
					t.Errorf("safefile.ReadAll(zeros) = %v", err)
				}
			},
			args: []string{"import", "-"}, stdin: "zeros", code: exitFailure,
			stderr: "larger than 256 MiB, the largest workbook import reads\n", peakMiB: 300,
		},
		{
			name: "a write that fails half-way", inputs: []string{"register.yaml"},
			lib: func(t *testing.T, dir string) {
				path := filepath.Join(dir, "lib.xlsx")
				os.WriteFile(path, []byte("previous workbook\n"), 0o644)
				err := safefile.Write(path, 0o644, func(w io.Writer) error {
					w.Write([]byte("half a workbook"))
					return errors.New("no space left on device")
				})
				if b, _ := os.ReadFile(path); err == nil || string(b) != "previous workbook\n" {
					t.Errorf("safefile.Write failing half-way: %v, file %q", err, b)
				}
			},
			setup: func(t *testing.T, dir string) {
				if err := os.WriteFile(filepath.Join(dir, "out.xlsx"), []byte("previous workbook\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			},
			args: []string{"export", "{dir}/register.yaml", "-o", "{dir}/out.xlsx"}, fsize: 4096, code: exitFailure,
			stderr: "file too large",
			after:  unchanged("out.xlsx"),
		},
		{
			name: "export -o over its input", inputs: []string{"register.yaml"},
			lib: func(t *testing.T, dir string) {
				p := filepath.Join(dir, "register.yaml")
				if !safefile.Same(dir+"/./sub/../register.yaml", p) {
					t.Error("safefile.Same does not see the input")
				}
			},
			args: []string{"export", "{dir}/register.yaml", "-o", "{dir}/register.yaml"}, code: exitFailure,
			stderr: "names the input file; write to another file, or give --force", after: unchanged("register.yaml"),
		},
		{
			name: "CSV formula payload", inputs: []string{"formula.yaml", "formula-records.csv"},
			lib: func(t *testing.T, dir string) {
				// A legal ID, which the workbook holds as text.
				reg, err := ropa.Load(filepath.Join(dir, "formula.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := xlsx.Write(&buf, reg, lawfulbasis.LawAsOf); err != nil {
					t.Fatal(err)
				}
				back, err := xlsx.Read(&buf)
				if err != nil || back.Activities[0].ID != "=cmd|' /C calc'!A0" {
					t.Errorf("xlsx round trip: %v", err)
				}
			},
			args:   []string{"retention", "due", "--records", "{dir}/formula-records.csv", "{dir}/formula.yaml"},
			code:   exitOK,
			stdout: "\n'=cmd|' /C calc'!A0,identifiers,2020-01-01,2021-01-01,delete\n",
		},
		{
			name: "ICO cell of 40,000 characters", inputs: []string{"long-cell.xlsx"},
			lib: readICO("long-cell.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				got := cellList(t, err)
				if len(got) != 1 || !strings.Contains(got[0], "Template!C2: holds 40000 characters, more than a workbook cell holds (32767)") ||
					!strings.Contains(got[0], "its first 32703 characters were kept in the activity's notes; the last 7297") {
					t.Errorf("cell errors %q", got)
				}
				if n := len(reg.Activities[0].Notes); n > 32767 || !strings.Contains(reg.Activities[0].Notes, hostile.LongText[:32703]) {
					t.Errorf("notes of %d bytes do not hold the cell's first 32,703 characters", n)
				}
				if err := xlsx.Write(io.Discard, reg, lawfulbasis.LawAsOf); err != nil {
					t.Errorf("the imported register does not export: %v", err)
				}
			}),
			args: []string{"import", "{dir}/long-cell.xlsx", "-o", "{dir}/long.yaml"}, code: exitFindings,
			stderr: "Template!C2: holds 40000 characters",
			after: func(t *testing.T, dir string, _ hostileOut) {
				// The imported register exports.
				o := hostileRun(t, []string{"export", dir + "/long.yaml", "-o", dir + "/long.xlsx"}, "", nil)
				if o.Code != exitOK {
					t.Errorf("export of the imported register: exit %d, %s", o.Code, o.Stderr)
				}
			},
		},
		{
			name: "control characters as YAML escapes and raw", inputs: []string{"control-escape.yaml", "control-nul.yaml", "control-bell.yaml", "control-rlo.yaml", "control-raw.yaml", "control-raw-rlo.yaml"},
			lib: func(t *testing.T, dir string) {
				for name, want := range map[string]string{
					"control-escape.yaml": "escape U+001B", "control-nul.yaml": "NUL U+0000", "control-bell.yaml": "control character U+0007",
					"control-rlo.yaml": "bidirectional text control U+202E", "control-raw-rlo.yaml": "bidirectional text control U+202E",
					"control-raw.yaml": "4:20: escape U+001B is not allowed in register text",
				} {
					loadErr(name, nil, want)(t, dir)
				}
			},
			args: []string{"validate", "{dir}/control-escape.yaml", "{dir}/control-nul.yaml", "{dir}/control-bell.yaml", "{dir}/control-rlo.yaml",
				"{dir}/control-raw.yaml", "{dir}/control-raw-rlo.yaml"},
			code: exitFailure, stderr: "control-escape.yaml:4:9: controller.name: escape U+001B at character 12 is not allowed in register text",
			after: func(t *testing.T, dir string, o hostileOut) {
				if !strings.Contains(o.Stdout+o.Stderr, "6 files could not be read") {
					t.Errorf("not every file was refused:\n%s%s", o.Stdout, o.Stderr)
				}
			},
		},
		{
			name: "a second YAML document", inputs: []string{"multi-document.yaml"},
			lib:  loadErr("multi-document.yaml", nil, "a second YAML document begins here"),
			args: []string{"validate", "{dir}/multi-document.yaml"}, code: exitFailure,
			stderr: "multi-document.yaml:19:1: a second YAML document begins here",
		},
		{
			name: "register one byte over ropa.MaxFileSize", inputs: []string{"over-size.yaml"},
			lib:  loadErr("over-size.yaml", ropa.ErrLimit, "ropa.MaxFileSize"),
			args: []string{"validate", "{dir}/over-size.yaml"}, code: exitFailure,
			stderr: "the file is larger than 67108864 bytes (ropa.MaxFileSize)", peakMiB: 256,
		},
		{
			name: "register of 30,000 activities (59 MB) exported and imported", inputs: []string{"large-30000.yaml"}, large: true,
			lib: func(t *testing.T, dir string) {
				reg, err := ropa.Load(filepath.Join(dir, "large-30000.yaml"))
				if err != nil {
					t.Fatal(err)
				}
				var buf bytes.Buffer
				if err := xlsx.Write(&buf, reg, lawfulbasis.LawAsOf); err != nil {
					t.Fatal(err)
				}
				if _, err := xlsx.Read(&buf); err != nil {
					t.Errorf("xlsx.Read of what Write wrote: %v", err)
				}
			},
			args: []string{"export", "{dir}/large-30000.yaml", "-o", "{dir}/large.xlsx"}, code: exitOK, stdout: "30000 activities",
			peakMiB: 2048,
			after: func(t *testing.T, dir string, _ hostileOut) {
				o := hostileChild(t, []string{"import", dir + "/large.xlsx", "-o", dir + "/back.yaml"}, "", 0)
				t.Logf("import of the workbook: exit %d in %v, peak %d MiB: %s", o.Code, o.Took.Round(time.Millisecond), o.PeakKiB>>10, firstLine(o.Stderr))
				if o.Code != exitOK || !strings.Contains(o.Stderr, "30000 activities from the data sheets") {
					t.Errorf("import: exit %d, %s", o.Code, o.Stderr)
				}
			},
		},
		{
			name: "password-protected workbook", inputs: []string{"encrypted.xlsx", "encrypted-shape.xlsx"},
			lib: readICO("encrypted.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				if !errors.Is(err, xlsx.ErrEncrypted) || reg != nil {
					t.Errorf("ico.Read(encrypted) = %v", err)
				}
			}),
			args: []string{"import", "{dir}/encrypted.xlsx"}, code: exitFailure,
			stderr: "encrypted.xlsx: the workbook is encrypted with a password: its content cannot be read without the password: open it in Excel, choose File > Info > Protect Workbook > Encrypt with Password, clear the password",
		},
		{
			name: "Excel 97-2003 workbook", inputs: []string{"legacy.xls"},
			lib: readICO("legacy.xls", func(t *testing.T, reg *ropa.Register, err error) {
				if !errors.Is(err, xlsx.ErrNotWorkbook) || errors.Is(err, xlsx.ErrEncrypted) {
					t.Errorf("ico.Read(.xls) = %v", err)
				}
			}),
			args: []string{"import", "{dir}/legacy.xls"}, code: exitFailure,
			stderr: "it is an Excel 97-2003 workbook (.xls), not an .xlsx workbook: open it in Excel and save a copy",
		},
		{
			name: "error values in ICO cells", inputs: []string{"error-cells.xlsx"},
			lib: readICO("error-cells.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				got := cellList(t, err)
				if len(got) != len(errorLines) {
					t.Fatalf("cell errors %q", got)
				}
				for i, want := range errorLines {
					if !strings.HasPrefix(got[i], want) {
						t.Errorf("cell error %q\nwant %q", got[i], want)
					}
				}
				for _, a := range reg.Activities {
					if len(a.Retention) > 0 {
						t.Errorf("%s: an error value became a retention schedule: %+v", a.ID, a.Retention)
					}
				}
			}),
			args: []string{"import", "{dir}/error-cells.xlsx", "-o", "{dir}/e.yaml"}, code: exitFindings,
			stderr: "Template!D10: holds the Excel error value #CALC! (a formula that failed), not data",
			after: func(t *testing.T, dir string, _ hostileOut) {
				if b, _ := os.ReadFile(filepath.Join(dir, "e.yaml")); bytes.Contains(b, []byte("#DIV/0!")) {
					t.Error("the register holds #DIV/0!")
				}
			},
		},
		{
			name: "XML entity in an ICO cell", inputs: []string{"entity.xlsx"},
			lib: readICO("entity.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				got := cellList(t, err)
				if len(got) != 2 || !strings.HasPrefix(got[0], `Template!B2: holds the XML entity reference &who; (declared in the sheet's DOCTYPE as "Employees")`) ||
					!strings.Contains(got[1], `as the external resource "file:///etc/passwd", which is never read`) {
					t.Errorf("cell errors %q", got)
				}
				if len(reg.Activities) != 2 {
					t.Errorf("%d activities: the row after the entity was lost", len(reg.Activities))
				}
			}),
			args: []string{"import", "{dir}/entity.xlsx", "-o", "{dir}/en.yaml"}, code: exitFindings,
			stderr: "2 activities from the ICO template",
		},
		{
			name: "formula without a value in an ICO cell", inputs: []string{"formula-no-value.xlsx"},
			lib: readICO("formula-no-value.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				if got := cellList(t, err); len(got) != 1 || !strings.HasPrefix(got[0], "Template!C2: holds the formula =Lists!A1 without a computed value") {
					t.Errorf("cell errors %q", got)
				}
			}),
			args: []string{"import", "{dir}/formula-no-value.xlsx", "-o", "{dir}/f.yaml"}, code: exitFindings,
			stderr: "Template!C2: holds the formula =Lists!A1 without a computed value",
		},
		{
			name: "200,000 rows of notes below the table", inputs: []string{"notes-200000.xlsx"},
			lib: readICO("notes-200000.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				var ce xlsx.CellErrors
				// 200,000 notes and the sheet's missing contact block.
				if !errors.As(err, &ce) || ce.Count() != 200001 || len(ce) != xlsx.MaxCellErrors+1 || !errors.Is(ce[len(ce)-1], xlsx.ErrMoreCells) {
					t.Errorf("%d cell errors listed, %d counted; want %d listed and a count of 200,001", len(ce), ce.Count(), xlsx.MaxCellErrors)
				}
			}),
			args: []string{"import", "{dir}/notes-200000.xlsx", "-o", "{dir}/n.yaml"}, code: exitFindings,
			stderr: "notes-200000.xlsx: ... and 199901 cells more (200001 in all)", peakMiB: 300,
			after: func(t *testing.T, dir string, o hostileOut) {
				if n := strings.Count(o.Stderr, "\n"); n > 110 {
					t.Errorf("%d lines on standard error", n)
				}
			},
		},
		{
			name: "1,000,000 rows of notes below the table", inputs: []string{"notes-1000000.xlsx"}, large: true,
			args: []string{"import", "{dir}/notes-1000000.xlsx", "-o", "{dir}/n.yaml"}, code: exitFindings,
			stderr: "notes-1000000.xlsx: ... and 999901 cells more (1000001 in all)", peakMiB: 300,
		},
		{
			name: "zip bomb", inputs: []string{"zip-bomb.xlsx"},
			lib: readICO("zip-bomb.xlsx", func(t *testing.T, reg *ropa.Register, err error) {
				if !errors.Is(err, xlsx.ErrTooLarge) || !strings.Contains(err.Error(), "xlsx.ExpansionFactor") {
					t.Errorf("ico.Read(zip bomb) = %v", err)
				}
			}),
			args: []string{"import", "{dir}/zip-bomb.xlsx"}, code: exitFailure,
			stderr: "more than 100 times the file's size (a limit of article30 import)", peakMiB: 64,
		},
		{
			name: "javascript: and data: URLs", inputs: []string{"url-javascript.yaml", "url-data.yaml"},
			lib: func(t *testing.T, dir string) {
				for name, want := range map[string]string{"url-javascript.yaml": "complaints.form", "url-data.yaml": "controller.website"} {
					// Load validates: the register comes back with the error.
					reg, err := ropa.Load(filepath.Join(dir, name))
					if reg == nil || err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "only https, http, mailto") {
						t.Errorf("%s: Load() = %v", name, err)
					}
				}
			},
			args: []string{"validate", "{dir}/url-javascript.yaml", "{dir}/url-data.yaml"}, code: exitFindings,
			stdout: `"javascript:alert(document.cookie)" uses the javascript: scheme; only https, http, mailto addresses are accepted`,
		},
		{
			name: "export /dev/stdin", stdin: "not a register",
			args: []string{"export", "/dev/stdin"}, code: exitFailure, child: true,
			stderr: "/dev/stdin is not a regular file: give -o",
		},
		{
			name: `--as-of ""`, inputs: []string{"register.yaml"},
			args: []string{"validate", "--as-of", "", "{dir}/register.yaml"}, code: exitFailure,
			stderr: `--as-of "": want a date written YYYY-MM-DD`,
		},
		{
			name: "--as-of 0000-01-01", inputs: []string{"register.yaml"},
			args: []string{"validate", "--as-of", "0000-01-01", "{dir}/register.yaml"}, code: exitFailure,
			stderr: `--as-of "0000-01-01": want a date from 1900-01-01 to 9999-12-31`,
		},
		{
			name: "deadline --received 9999-12-31",
			lib: func(t *testing.T, dir string) {
				// The library computes the day; the command cannot write it.
				if y := rights.Deadline(time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), false).Year(); y != 10000 {
					t.Errorf("rights.Deadline in year %d", y)
				}
			},
			args: []string{"deadline", "--received", "9999-12-31"}, code: exitFailure,
			stderr: "the reply would be due after 9999-12-31",
		},
		{
			name: "--help to a full disk", fullStdout: true,
			args: []string{"--help"}, code: exitFailure, stderr: "no space left on device",
		},
	}
}

// TestHostileCorpus runs every input of the hostile corpus through the
// library and the command line (in process, or in a child process when
// its memory is measured), and checks the exit status, the message and
// the peak memory. With -hostile.large it runs the large inputs too.
func TestHostileCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("the corpus makes files of 64 MiB")
	}
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.large && !*hostileLarge {
				t.Skip("large: run with -hostile.large")
			}
			dir := t.TempDir()
			for _, name := range tc.inputs {
				hostileInput(t, dir, name)
			}
			if tc.lib != nil {
				tc.lib(t, dir)
			}
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "{dir}", dir)
			}
			if tc.setup != nil {
				tc.setup(t, dir)
			}
			var o hostileOut
			switch {
			case tc.peakMiB > 0 || tc.child || tc.fsize > 0:
				if runtime.GOOS != "linux" {
					t.Skip("needs a child process on Linux")
				}
				o = hostileChild(t, args, tc.stdin, tc.fsize)
			default:
				var stdout io.Writer
				if tc.fullStdout {
					stdout = hostileFullDisk{}
				}
				o = hostileRun(t, args, tc.stdin, stdout)
			}
			t.Logf("exit %d in %v, peak %d MiB: %s", o.Code, o.Took.Round(time.Millisecond), o.PeakKiB>>10, firstLine(o.Stderr))
			if o.Code != tc.code {
				t.Errorf("exit status %d, want %d\nstderr: %s", o.Code, tc.code, o.Stderr)
			}
			if !strings.Contains(o.Stderr, tc.stderr) {
				t.Errorf("stderr does not say %q:\n%s", tc.stderr, o.Stderr)
			}
			if !strings.Contains(o.Stdout, tc.stdout) {
				t.Errorf("stdout does not say %q:\n%s", tc.stdout, o.Stdout)
			}
			if tc.peakMiB > 0 && !hostileRace && o.PeakKiB>>10 >= int64(tc.peakMiB) {
				t.Errorf("peak memory %d MiB, want under %d MiB", o.PeakKiB>>10, tc.peakMiB)
			}
			if tc.after != nil {
				tc.after(t, dir, o)
			}
		})
	}
}

// hostileInput puts a corpus input in dir: the committed file, or one made
// now.
func hostileInput(t *testing.T, dir, name string) {
	t.Helper()
	in := hostile.Lookup(name)
	if in.Committed {
		b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "hostile", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if _, err := in.WriteFile(dir); err != nil {
		t.Fatal(err)
	}
}

// zeros is an endless stream of zero bytes, like /dev/zero.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) { clear(p); z.n += int64(len(p)); return len(p), nil }

// hostileFullDisk fails every write, as a full disk does.
type hostileFullDisk struct{}

func (hostileFullDisk) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// hostileStdin returns the reader of a case's standard input.
func hostileStdin(stdin string) io.Reader {
	if stdin == "zeros" {
		return &zeros{}
	}
	return strings.NewReader(stdin)
}

// hostileRun runs the command line in process.
func hostileRun(t *testing.T, args []string, stdin string, stdout io.Writer) hostileOut {
	t.Helper()
	var out, errb bytes.Buffer
	if stdout == nil {
		stdout = &out
	}
	start := time.Now()
	code := run(args, hostileStdin(stdin), stdout, &errb)
	return hostileOut{Code: code, Stdout: out.String(), Stderr: errb.String(), Took: time.Since(start)}
}

// hostileChildSpec is what the parent asks a child to run.
type hostileChildSpec struct {
	Args  []string
	Stdin string
	Fsize int64
}

const hostileChildEnv = "ARTICLE30_HOSTILE_CHILD"

// hostileChild runs the command line in a child process (this test binary
// running TestHostileChild), which reports its own peak memory: the
// high-water mark in /proc/self/status, since the rusage of a child
// carries the parent's size over exec.
func hostileChild(t *testing.T, args []string, stdin string, fsize int64) hostileOut {
	t.Helper()
	spec, _ := json.Marshal(hostileChildSpec{args, stdin, fsize})
	cmd := exec.Command(os.Args[0], "-test.run=^TestHostileChild$")
	cmd.Env = append(os.Environ(), hostileChildEnv+"="+string(spec))
	switch {
	case stdin == "zeros":
		f, err := os.Open("/dev/zero")
		if err != nil {
			t.Skip("no /dev/zero")
		}
		defer f.Close()
		cmd.Stdin = f
	default:
		// A pipe, as a shell gives a command fed by another.
		cmd.Stdin = strings.NewReader(stdin)
	}
	start := time.Now()
	raw, err := cmd.Output()
	took := time.Since(start)
	var o hostileOut
	sc := bufio.NewScanner(bytes.NewReader(raw))
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "HOSTILE-RESULT "); ok {
			if err := json.Unmarshal([]byte(v), &o); err != nil {
				t.Fatalf("child result: %v", err)
			}
			o.Took = took
			return o
		}
	}
	t.Fatalf("no result from the child (%v):\n%s", err, raw)
	return o
}

// TestHostileChild is the child of hostileChild: it runs the command line
// it is given and prints the outcome with its peak memory.
func TestHostileChild(t *testing.T) {
	raw := os.Getenv(hostileChildEnv)
	if raw == "" {
		t.Skip("run by TestHostileCorpus")
	}
	var spec hostileChildSpec
	if err := json.Unmarshal([]byte(raw), &spec); err != nil {
		fmt.Println("HOSTILE-RESULT {\"Code\": -1}")
		os.Exit(0)
	}
	if spec.Fsize > 0 {
		// As ulimit -f does: a write past the size fails (EFBIG) rather
		// than kill the process.
		signal.Ignore(syscall.SIGXFSZ)
		lim := &syscall.Rlimit{Cur: uint64(spec.Fsize), Max: uint64(spec.Fsize)}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, lim); err != nil {
			fmt.Printf("HOSTILE-RESULT {\"Code\": -1, \"Stderr\": %q}\n", err.Error())
			os.Exit(0)
		}
	}
	var stdout, stderr bytes.Buffer
	code := run(spec.Args, os.Stdin, &stdout, &stderr)
	cut := func(s string) string { return s[:min(len(s), 1<<20)] }
	o := hostileOut{Code: code, Stdout: cut(stdout.String()), Stderr: cut(stderr.String()), PeakKiB: vmHWMKiB()}
	b, _ := json.Marshal(o)
	fmt.Printf("HOSTILE-RESULT %s\n", b)
	os.Exit(0)
}

// vmHWMKiB is this process's peak resident memory in KiB.
func vmHWMKiB() int64 {
	b, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
			return n
		}
	}
	return 0
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(s), "\n")
	return line
}
