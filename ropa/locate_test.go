package ropa

import (
	"os"
	"strings"
	"testing"
)

const locateYAML = `# a comment
jurisdiction: uk
controller:
  name: Café Ltd
activities:
  - id: payroll
    purposes:
      - description: Paying staff
        basis: contract
      - description: Pensions
    dataSubjects: [employees, "custom: Alumni"]
  - &second
    id: second
    name: Second
  - *second
  - {name: Ça été, id: fourth}
`

const locateJSON = `{
  "jurisdiction": "uk",
  "activities": [
    {"id": "a", "purposes": [{"description": "x"}]}
  ]
}`

func TestLocate(t *testing.T) {
	t.Parallel()
	tests := []struct {
		data      string
		path      string
		line, col int
		found     bool
	}{
		{locateYAML, "", 2, 1, true},
		{locateYAML, "jurisdiction", 2, 1, true},
		{locateYAML, "controller.name", 4, 3, true},
		{locateYAML, "activities", 5, 1, true},
		{locateYAML, "activities[0]", 6, 5, true},
		{locateYAML, "activities[0].purposes[0].basis", 9, 9, true},
		{locateYAML, "activities[0].purposes[1]", 10, 9, true},
		{locateYAML, "activities[0].dataSubjects[1]", 11, 31, true},
		// Missing elements: the nearest ancestor the file holds.
		{locateYAML, "activities[0].purposes[1].basis", 10, 9, false},
		{locateYAML, "activities[0].purposes[7].basis", 7, 5, false},
		{locateYAML, "dpo", 2, 1, false},
		{locateYAML, "complaints.form", 2, 1, false},
		{locateYAML, "controller.name.first", 4, 3, false},
		{locateYAML, "activities[9]", 5, 1, false},
		{locateYAML, "activities.id", 5, 1, false},
		{locateYAML, "controller[0]", 3, 1, false},
		{locateYAML, "activities[x].id", 5, 1, false},
		{locateYAML, "activities[0", 5, 1, false},
		// Columns count characters; aliases lead to their anchors.
		{locateYAML, "activities[1].name", 14, 5, true},
		{locateYAML, "activities[2].id", 13, 5, true},
		{locateYAML, "activities[3].id", 16, 20, true}, // 23 in bytes,
		{locateJSON, "activities[0].purposes[0].description", 4, 31, true},
		{locateJSON, "activities[0].purposes[0].basis", 4, 30, false},
	}
	for _, tt := range tests {
		line, col, found := Locate([]byte(tt.data), tt.path)
		if line != tt.line || col != tt.col || found != tt.found {
			t.Errorf("Locate(%q) = %d, %d, %v; want %d, %d, %v", tt.path, line, col, found, tt.line, tt.col, tt.found)
		}
	}
	for _, data := range []string{"", "# only a comment\n", "a: [b"} {
		if line, col, found := Locate([]byte(data), "activities"); line != 0 || col != 0 || found {
			t.Errorf("Locate(%q) = %d, %d, %v; want 0, 0, false", data, line, col, found)
		}
		if _, err := NewLocator([]byte(data)); err == nil {
			t.Errorf("NewLocator(%q) gives no error", data)
		}
	}
}

// The findings of Check on an example register point at the lines of the
// elements they are about.
func TestLocateFindings(t *testing.T) {
	t.Parallel()
	const file = "../examples/registers/harris-careers.yaml"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	reg, err := Decode(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	loc, err := NewLocator(data)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	for _, f := range Check(reg, lawToday).Findings {
		line, col, found := loc.Locate(f.Path)
		if line < 1 || line > len(lines) || col < 1 {
			t.Errorf("%s at %s: Locate gives line %d, column %d", f.Rule, f.Path, line, col)
			continue
		}
		// The element (or its nearest ancestor) begins at line:col: its
		// name, or a list entry.
		text := string([]rune(lines[line-1])[col-1:])
		last := f.Path[strings.LastIndexAny(f.Path, ".]")+1:]
		if found && last != "" && !strings.HasPrefix(text, last+":") {
			t.Errorf("%s at %s: line %d column %d reads %q, not the field %s", f.Rule, f.Path, line, col, text, last)
		}
	}
	// The first purpose of the first activity names no basis: the finding
	// points at the purpose.
	line, col, found := loc.Locate("activities[0].purposes[0].basis")
	want := lineContaining(t, lines, "- description: Strictly necessary cookies")
	if line != want || col != 9 || found {
		t.Errorf("the purpose with no basis: Locate = %d, %d, %v; want %d, 9, false", line, col, found, want)
	}
}

func lineContaining(t *testing.T, lines []string, s string) int {
	t.Helper()
	for i, l := range lines {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", s)
	return 0
}

func TestLineCount(t *testing.T) {
	for in, want := range map[string]int{"": 1, "a": 1, "a\n": 2, "a\r\nb": 2, "a\rb": 2, "\r\r\n": 3, "a\u2028b\u0085c": 3} {
		if got := lineCount([]byte(in)); got != want {
			t.Errorf("lineCount(%q) = %d, want %d", in, got, want)
		}
	}
	// The empty document of "---" is placed on a line the file lacks.
	if line, col, _ := Locate([]byte("---"), "activities"); line != 1 || col != 1 {
		t.Errorf(`Locate("---") = %d:%d, want 1:1`, line, col)
	}
}

// FuzzLocate feeds Locate arbitrary files and paths: it must return, never
// panic, and give a position inside the file whenever it gives one.
func FuzzLocate(f *testing.F) {
	seed, err := os.ReadFile("../examples/registers/harris-careers.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed, "activities[0].purposes[0].basis")
	f.Add(seed, "activities[99].dataCategories")
	f.Add([]byte(`{"activities": [{"id": "a"}]}`), "activities[0].id")
	f.Add([]byte("a: &x [1]\nb: *x\n"), "b[0]")
	f.Add([]byte("- ["), "[0]]..x[")
	f.Fuzz(func(t *testing.T, data []byte, path string) {
		line, col, _ := Locate(data, path)
		if line < 0 || col < 0 {
			t.Fatalf("Locate(%q, %q) = %d, %d", data, path, line, col)
		}
		if lines := lineCount(data); line > lines {
			t.Fatalf("Locate(%q, %q) gives line %d of a %d-line file", data, path, line, lines)
		}
	})
}
