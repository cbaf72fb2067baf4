package ropa

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// aliasBomb is a register whose security list is one anchored string of
// size bytes referenced refs times.
func aliasBomb(size, refs int) []byte {
	var b strings.Builder
	b.WriteString("jurisdiction: uk\ncontroller: {name: X}\nactivities:\n  - id: a\n    name: A\n    security:\n      - &s ")
	b.WriteString(strings.Repeat("x", size))
	b.WriteString("\n")
	for range refs {
		b.WriteString("      - *s\n")
	}
	return []byte(b.String())
}

func TestAliasExpansionLimit(t *testing.T) {
	src := aliasBomb(32000, 5000) // 67 KB that expands to 160 MB
	start := time.Now()
	_, err := Decode(strings.NewReader(string(src)))
	if !errors.Is(err, ErrLimit) || !strings.Contains(err.Error(), "ropa.WithMaxExpansion") {
		t.Fatalf("Decode(alias bomb) = %v, want ErrLimit naming the option", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refusing took %v", d)
	}
	var de *DecodeError
	if !errors.As(err, &de) || de.Line == 0 || !strings.HasPrefix(de.Path, "activities[0].security[") {
		t.Errorf("error %v has no line or path", err)
	}
	// A few aliases of a short string are fine, and the option raises the
	// limit for a caller who needs it.
	if _, err := Decode(strings.NewReader(string(aliasBomb(100, 20)))); err != nil {
		t.Errorf("small aliases: %v", err)
	}
	src = aliasBomb(1000, 100) // 100 KB of text from 13 KB
	if _, err := Decode(strings.NewReader(string(src))); !errors.Is(err, ErrLimit) {
		t.Errorf("over 10x: err = %v", err)
	}
	if _, err := Decode(strings.NewReader(string(src)), WithMaxExpansion(1<<20)); !errors.Is(err, ErrLimit) {
		t.Errorf("the factor still bounds it: err = %v", err)
	}
	if _, err := Decode(strings.NewReader("jurisdiction: uk\n"+strings.Repeat("#", 100)), WithMaxFileSize(50)); !errors.Is(err, ErrLimit) ||
		!strings.Contains(err.Error(), "ropa.WithMaxFileSize") {
		t.Errorf("file over WithMaxFileSize: err = %v", err)
	}
}

// TestAliasBombMemory runs the 842 KB file with 200,000 references (which
// once took 6.4 GB in export) in a child process and bounds its peak
// memory.
func TestAliasBombMemory(t *testing.T) {
	if os.Getenv("ROPA_ALIAS_CHILD") == "1" {
		_, err := Decode(strings.NewReader(string(aliasBomb(32000, 200000))))
		if !errors.Is(err, ErrLimit) {
			fmt.Println("unexpected:", err)
			os.Exit(3)
		}
		// The child's own high-water mark: the rusage of a child reports
		// the parent's size when the parent is larger (Linux carries
		// ru_maxrss over an exec), so it is read from /proc instead.
		b, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Println(line)
			}
		}
		os.Exit(0)
	}
	if testing.Short() || runtime.GOOS != "linux" {
		t.Skip("needs a child process on Linux")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAliasBombMemory$")
	cmd.Env = append(os.Environ(), "ROPA_ALIAS_CHILD=1")
	start := time.Now()
	out, err := cmd.CombinedOutput()
	elapsed := time.Since(start)
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var kib int64
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kib, _ = strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 10, 64)
		}
	}
	if kib == 0 {
		t.Fatalf("no VmHWM from the child:\n%s", out)
	}
	peak := kib << 10
	t.Logf("842 KB alias file refused in %v, peak RSS %d MiB", elapsed, peak>>20)
	// Measured 53-57 MiB: the YAML parser's tokens for the aliases. The
	// bound leaves room for the garbage collector running late on a loaded
	// machine; expanded, the file would be several GB of nodes.
	if peak > 80<<20 && !raceEnabled { // the race detector multiplies memory
		t.Errorf("peak RSS %d MiB, want under 80 MiB", peak>>20)
	}
	if elapsed > 3*time.Second && !raceEnabled {
		t.Errorf("took %v, want about a second", elapsed)
	}
}

func TestMultipleDocuments(t *testing.T) {
	src := "jurisdiction: uk\ncontroller: {name: X}\nactivities: []\n---\njurisdiction: eu\n"
	_, err := Decode(strings.NewReader(src))
	var de *DecodeError
	if !errors.As(err, &de) || de.Line != 4 || !strings.Contains(err.Error(), "second YAML document") {
		t.Errorf("Decode(two documents) = %v, want an error at line 4", err)
	}
	// A document marker at the start, or an explicit end, is one document.
	for _, ok := range []string{"---\njurisdiction: uk\nactivities: []\n", "jurisdiction: uk\nactivities: []\n...\n"} {
		if _, err := Decode(strings.NewReader(ok), WithoutValidation()); err != nil {
			t.Errorf("Decode(%q) = %v", ok, err)
		}
	}
}

func TestControlCharacters(t *testing.T) {
	tests := []struct{ name, value, want string }{
		{"escape", `"\e[31mred"`, "escape U+001B at character 1"},
		{"NUL escape", `"a\0b"`, "NUL U+0000 at character 2"},
		{"bell", `"\x07"`, "control character U+0007"},
		{"right-to-left override", `"abc\u202Efdp.exe"`, "bidirectional text control U+202E at character 4"},
		{"isolate", `"\u2066x"`, "U+2066"},
		{"C1", `"\x85x"`, "C1 control character U+0085"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := "jurisdiction: uk\ncontroller:\n  name: " + tt.value + "\nactivities: []\n"
			_, err := Decode(strings.NewReader(src))
			var de *DecodeError
			if !errors.As(err, &de) || de.Path != "controller.name" || de.Line != 3 || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Decode = %v, want controller.name at line 3: %s", err, tt.want)
			}
		})
	}
	// Written raw, the same characters are refused at their line and column.
	for _, raw := range []string{"\x1b[31m", "\x07", "\u202e", "\u0085"} {
		_, err := Decode(strings.NewReader("jurisdiction: uk\ncontroller:\n  name: \"Acme " + raw + "\"\nactivities: []\n"))
		var de *DecodeError
		if !errors.As(err, &de) || de.Line != 3 || de.Column != 15 || !strings.Contains(err.Error(), "is not allowed in register text") {
			t.Errorf("raw %q: Decode = %v", raw, err)
		}
	}
	// Tab, line feed and carriage return are text.
	if _, err := Decode(strings.NewReader("jurisdiction: uk\ncontroller:\n  name: \"a\\tb\\r\\nc\"\nactivities: []\n")); err != nil {
		t.Errorf("tab and line breaks: %v", err)
	}
	// The same rule in Validate, for a register built in Go, at any depth.
	reg := compliantRegister()
	act0(reg).Purposes[0].Description = "Pay\x1b[2J"
	act0(reg).Security = append(act0(reg).Security, "ok", "\u202Etxt")
	var ve ValidationErrors
	errors.As(reg.Validate(), &ve)
	var paths []string
	for _, fe := range ve {
		if fe.Rule == "text" {
			paths = append(paths, fe.Path)
		}
	}
	want := []string{"activities[0].purposes[0].description", fmt.Sprintf("activities[0].security[%d]", len(act0(reg).Security)-1)}
	if strings.Join(paths, " ") != strings.Join(want, " ") {
		t.Errorf("Validate text problems at %v, want %v", paths, want)
	}
}

func TestURLSchemes(t *testing.T) {
	tests := []struct {
		url  string
		ok   bool
		want string
	}{
		{"https://example.org/complaints", true, ""},
		{"http://example.org", true, ""},
		{"mailto:dpo@example.org", true, ""},
		{"javascript:alert(1)", false, "uses the javascript: scheme; only https, http, mailto"},
		{"data:text/html,<script>alert(1)</script>", false, "uses the data: scheme"},
		{"JavaScript:alert(1)", false, "scheme"},
		{"example.org/complaints", false, "include the scheme"},
		{"https://", false, "has no host"},
	}
	for _, tt := range tests {
		reg := compliantRegister()
		reg.Complaints.Form = tt.url
		err := reg.Validate()
		if (err == nil) != tt.ok || (!tt.ok && !strings.Contains(err.Error(), "complaints.form: ") || !tt.ok && !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("complaints.form %q: Validate() = %v, want ok=%v %q", tt.url, err, tt.ok, tt.want)
		}
	}
}
