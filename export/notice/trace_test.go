package notice

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/article30/article30/ropa"
)

var pathPart = regexp.MustCompile(`^([A-Za-z]+)(?:\[(\d+)\])?$`)

// resolves reports whether a field path ("activities[2].purposes[0].basis")
// names a value the register, written as JSON, holds.
func resolves(doc any, path string) bool {
	for part := range strings.SplitSeq(path, ".") {
		m := pathPart.FindStringSubmatch(part)
		obj, ok := doc.(map[string]any)
		if m == nil || !ok {
			return false
		}
		if doc, ok = obj[m[1]]; !ok {
			return false
		}
		if m[2] != "" {
			list, ok := doc.([]any)
			i, _ := strconv.Atoi(m[2])
			if !ok || i >= len(list) {
				return false
			}
			doc = list[i]
		}
	}
	return true
}

// Every block of every seed and HR notice carries the register fields it
// came from, each of which the register holds; only the contents (made
// from the headings) and the law's date (from the options) come from
// nothing in the register.
func TestSources(t *testing.T) {
	names, regs := seedRegisters(t)
	hr, err := ropa.Load("../../examples/hr/register.yaml")
	if err != nil {
		t.Fatal(err)
	}
	names, regs["hr"] = append(names, "hr"), hr
	for _, name := range names {
		reg := regs[name]
		var buf bytes.Buffer
		if err := ropa.EncodeJSON(&buf, reg); err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		n := mustGenerate(t, reg, lawDay)
		for _, s := range n.Sections {
			if len(s.Sources) != len(s.Blocks) {
				t.Fatalf("%s %q: %d sources for %d blocks", name, s.Heading, len(s.Sources), len(s.Blocks))
			}
			for i, src := range s.Sources {
				if len(src) == 0 && !s.Nav && s.Heading != adult.changesHeading {
					t.Errorf("%s %q block %d: no sources", name, s.Heading, i)
				}
				for _, p := range src {
					if !resolves(doc, p) {
						t.Errorf("%s %q block %d: source %q is not in the register", name, s.Heading, i, p)
					}
				}
			}
		}
	}
}

// A group's subsection traces to its own entries only (purpose 2 concerns
// both groups); Trace writes the
// sources as data-source attributes, which are off by default.
func TestSourcesScoped(t *testing.T) {
	reg := twoGroups()
	n := mustGenerate(t, reg, day(2026, time.November, 23))
	var got [][]string
	in := ""
	for _, s := range n.Sections {
		if s.Level == 2 {
			in = s.Heading
		}
		if s.Heading == adult.purposesHeading && len(s.Sources) > 0 {
			got = append(got, append([]string{in}, s.Sources[0]...))
		}
	}
	want := [][]string{
		{"Information about job applicants", "activities[0].purposes[0]", "activities[0].purposes[2]"},
		{"Information about referees", "activities[0].purposes[1]", "activities[0].purposes[2]"},
	}
	for i, w := range want {
		if i >= len(got) || !slices.Equal(got[i], w) {
			t.Errorf("purposes sources = %q, want %q", got, want)
			break
		}
	}
	if strings.Contains(n.Page(), "data-source") {
		t.Error("data-source written without Trace")
	}
	traced := mustGenerate(t, reg, day(2026, time.November, 23), Trace()).HTML()
	if !strings.Contains(traced, `<table data-source="activities[0].purposes[0] activities[0].purposes[2]" aria-labelledby="what-we-use-your-information-for">`) {
		t.Errorf("no data-source on the applicants' purposes table:\n%.2000s", traced)
	}
}
