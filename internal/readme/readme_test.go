package readme

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/ropa"
)

var update = flag.Bool("update", false, "rewrite the README's rule catalogue")

const readmePath = "../../README.md"

// The README's rule catalogue sits between these markers.
const (
	rulesBegin = "<!-- rules:begin (go test ./internal/readme -update) -->\n"
	rulesEnd   = "<!-- rules:end -->"
)

func TestRuleTable(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i, j := strings.Index(s, rulesBegin), strings.Index(s, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %q and %q", rulesBegin, rulesEnd)
	}
	got, want := s[i+len(rulesBegin):j], RuleTable(ropa.Rules())
	if got == want {
		return
	}
	if *update {
		s = s[:i+len(rulesBegin)] + want + s[j:]
		if err := os.WriteFile(readmePath, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule catalogue is out of date (-README +Rules); run go test ./internal/readme -update:\n%s", cmp.Diff(got, want))
}

func TestRuleTableRows(t *testing.T) {
	table := RuleTable(ropa.Rules())
	if got, want := strings.Count(table, "\n"), len(ropa.Rules())+2; got != want {
		t.Errorf("table has %d lines, want %d", got, want)
	}
	for _, want := range []string{"| `complaint-route` |", "DPA 2018 s164A"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q", want)
		}
	}
}

var (
	goBlock   = regexp.MustCompile("(?s)```go\n(.*?)```")
	yamlBlock = regexp.MustCompile("(?s)```yaml\n(.*?)```")
)

// TestRegisterSnippets decodes every YAML block in the README as a
// register, validates its structure, and checks it has no error findings
// other than those about what the snippet leaves out for brevity.
func TestRegisterSnippets(t *testing.T) {
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	blocks := yamlBlock.FindAllStringSubmatch(string(data), -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no register file")
	}
	for n, m := range blocks {
		reg, err := ropa.Decode(strings.NewReader(m[1]))
		if err != nil {
			t.Errorf("YAML block %d: %v", n+1, err)
			continue
		}
		if err := reg.Validate(); err != nil {
			t.Errorf("YAML block %d: %v", n+1, err)
		}
	}
}

// TestGoSnippets builds and runs every Go program in the README, in a
// directory inside the module so that its imports resolve to this
// checkout, and compares what it prints with the comments that end its
// lines: a line ending in "// x" must print x.
func TestGoSnippets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds programs; skipped with -short")
	}
	data, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	blocks := goBlock.FindAllStringSubmatch(string(data), -1)
	if len(blocks) == 0 {
		t.Fatal("README.md has no Go programs")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	for n, m := range blocks {
		src := m[1]
		if !strings.HasPrefix(src, "package main\n") {
			t.Errorf("Go block %d does not start with \"package main\": every Go block in the README is a whole program", n+1)
			continue
		}
		dir, err := os.MkdirTemp("../..", ".readme-snippet-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(goBin, "run", ".")
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			t.Errorf("Go block %d: go run: %v\n%s", n+1, err, stderr.String())
			continue
		}
		if want := expected(src); want != nil {
			got := strings.Split(strings.TrimRight(stdout.String(), "\n"), "\n")
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Go block %d prints otherwise than its comments say (-comments +printed):\n%s", n+1, diff)
			}
		}
	}
}

// printComment is a call that prints, with the comment after it.
var printComment = regexp.MustCompile(`fmt\.Print(?:ln|f)?\(.*\)\s*// (.*)$`)

// expected collects what the comments after the program's print calls
// say they print, or nil when a program has none.
func expected(src string) []string {
	var out []string
	for line := range strings.SplitSeq(src, "\n") {
		if m := printComment.FindStringSubmatch(line); m != nil {
			out = append(out, m[1])
		}
	}
	return out
}
