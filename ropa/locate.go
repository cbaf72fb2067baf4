package ropa

import (
	"errors"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Locator finds where the elements of a register file are, by the field
// paths of [FieldError], [Finding] and [DecodeError]
// ("activities[3].purposes[0].basis"). It reads YAML and JSON, as [Decode]
// does. Build one per file with [NewLocator] when several paths are
// looked up; [Locate] does one.
type Locator struct {
	root  *yaml.Node
	lines int // the file's lines, as the YAML parser counts them
}

// NewLocator parses a register file for [Locator.Locate]. It fails only on
// a file that is not YAML or JSON, or holds nothing.
func NewLocator(data []byte) (*Locator, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, syntaxError(err)
	}
	root := resolve(&doc)
	if root == nil || root.Kind == 0 {
		return nil, errors.New("empty register file")
	}
	return &Locator{root: root, lines: lineCount(data)}, nil
}

// lineCount counts the lines of data as the YAML parser does: CR LF, a
// lone CR, LF, and (as YAML 1.1 parsers do) NEL, LS and PS each end one.
func lineCount(data []byte) int {
	n := 1
	for i, r := range string(data) {
		switch r {
		case '\r':
			if i+1 < len(data) && data[i+1] == '\n' {
				continue // counted at the LF
			}
			n++
		case '\n', '\u0085', '\u2028', '\u2029':
			n++
		}
	}
	return n
}

// resolve follows documents and aliases to the node they stand for.
func resolve(n *yaml.Node) *yaml.Node {
	for range 64 { // an alias of an alias ..., bounded
		switch {
		case n == nil:
			return nil
		case n.Kind == yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		case n.Kind == yaml.AliasNode:
			n = n.Alias
		default:
			return n
		}
	}
	return nil
}

// Locate returns the line and column (1-based; the column counts
// characters) where the element at path begins: for a field, its name;
// for a list entry, the entry. When the file does not hold the element (a
// missing field, say) it returns the position of the nearest element on
// the path that it does hold, and found is false; the empty path is the
// register itself, the file's top-level mapping.
func (l *Locator) Locate(path string) (line, col int, found bool) {
	n := l.root
	line, col = n.Line, n.Column
	for path != "" {
		var key string
		idx := -1
		switch {
		case path[0] == '[':
			end := strings.IndexByte(path, ']')
			if end < 0 {
				return l.clamp(line, col, false)
			}
			i, err := strconv.Atoi(path[1:end])
			if err != nil || i < 0 {
				return l.clamp(line, col, false)
			}
			idx, path = i, path[end+1:]
		default:
			end := strings.IndexAny(path, ".[")
			if end < 0 {
				end = len(path)
			}
			key, path = path[:end], path[end:]
		}
		path = strings.TrimPrefix(path, ".")
		var next, at *yaml.Node
		if idx >= 0 {
			if n.Kind == yaml.SequenceNode && idx < len(n.Content) {
				next = resolve(n.Content[idx])
				at = next
			}
		} else if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.Value == key {
					at, next = k, resolve(n.Content[i+1])
					break
				}
			}
		}
		if next == nil {
			return l.clamp(line, col, false)
		}
		n, line, col = next, at.Line, at.Column
	}
	return l.clamp(line, col, true)
}

// clamp keeps a position inside the file: the parser places the empty
// value of a document that ends at a line break ("---") on the line after
// it, which a file does not have.
func (l *Locator) clamp(line, col int, found bool) (int, int, bool) {
	if line > l.lines {
		return l.lines, 1, found
	}
	return line, col, found
}

// Locate returns the position of the element at path in a register file,
// as [Locator.Locate] does; line is 0 when data is not YAML or JSON.
func Locate(data []byte, path string) (line, col int, found bool) {
	l, err := NewLocator(data)
	if err != nil {
		return 0, 0, false
	}
	return l.Locate(path)
}
