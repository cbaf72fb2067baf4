package ropa

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
)

// MaxFileSize is the largest register file Decode reads.
const MaxFileSize = 64 << 20

// DecodeError reports a register file that cannot be read: where it is (file,
// line, column and, where known, the field path) and what is wrong.
type DecodeError struct {
	File   string // the file name, where known
	Line   int    // 1-based; 0 where unknown
	Column int    // 1-based; 0 where unknown
	Path   string // the field path, e.g. activities[2].purposes[0].basis
	Err    error  // what is wrong
}

// Error reads like `register.yaml:12:14: activities[0].purposes[0].basis:
// unknown lawful basis "consnet" ...`.
func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(":")
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	}
	if b.Len() > 0 {
		b.WriteString(" ")
	}
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Err.Error())
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode reads a register from YAML or JSON (JSON is read as YAML, of which
// it is a subset). Field names are those of the JSON tags. An unknown field,
// an unknown enumeration value or a value of the wrong type is a
// [*DecodeError] naming its line and column: nothing in the file is dropped
// silently.
func Decode(r io.Reader) (*Register, error) {
	b, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	if len(b) > MaxFileSize {
		return nil, &DecodeError{Err: fmt.Errorf("file larger than %d bytes", MaxFileSize)}
	}
	return decodeBytes(b)
}

// Load reads a register file with [Decode]; its errors name the file.
func Load(path string) (*Register, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &DecodeError{File: path, Err: err}
	}
	defer f.Close()
	reg, err := Decode(f)
	var de *DecodeError
	if errors.As(err, &de) {
		de.File = path
	}
	return reg, err
}

func decodeBytes(b []byte) (reg *Register, err error) {
	defer func() {
		// The YAML library should never panic, but bad input must never
		// crash a caller.
		if p := recover(); p != nil {
			reg, err = nil, &DecodeError{Err: fmt.Errorf("unreadable register file: %v", p)}
		}
	}()
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &DecodeError{Err: errors.New("empty register file")}
	}
	var out Register
	dec := yaml.NewDecoder(bytes.NewReader(b), yaml.DisallowUnknownField())
	if err := dec.Decode(&out); err != nil {
		return nil, positioned(b, err)
	}
	// A number or boolean written without quotes into a text field (version:
	// 1.10) is decoded by the YAML library in its canonical form ("1.1");
	// put back the text as the user wrote it.
	if f, err := parser.ParseBytes(b, 0); err == nil && len(f.Docs) > 0 {
		keepLiterals(f.Docs[0].Body, reflect.ValueOf(&out).Elem())
	}
	return &out, nil
}

// positioned turns a YAML library error into a DecodeError with a line and
// column. Errors from the enumerations' UnmarshalText carry no position, so
// the document is walked to find the value that fails.
func positioned(src []byte, err error) error {
	var ye yaml.Error
	if errors.As(err, &ye) {
		de := &DecodeError{Err: errors.New(cleanMessage(ye.GetMessage()))}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			de.Line, de.Column = tk.Position.Line, tk.Position.Column
		}
		if f, perr := parser.ParseBytes(src, 0); perr == nil && de.Line > 0 {
			de.Path = pathAt(f, de.Line, de.Column)
		}
		return de
	}
	f, perr := parser.ParseBytes(src, 0)
	if perr == nil && len(f.Docs) > 0 {
		if de := findBad(f.Docs[0].Body, reflect.TypeFor[Register](), ""); de != nil {
			return de
		}
	}
	return &DecodeError{Err: err}
}

func cleanMessage(m string) string {
	// "cannot unmarshal string into Go struct field Register.Activities of type
	// int": keep it, it is the library's wording and clear enough.
	return strings.TrimSpace(m)
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// findBad walks node against type t and returns the first scalar whose
// UnmarshalText fails, with its position and path.
func findBad(node ast.Node, t reflect.Type, path string) *DecodeError {
	if node == nil {
		return nil
	}
	switch n := node.(type) {
	case *ast.TagNode:
		return findBad(n.Value, t, path)
	case *ast.AnchorNode:
		return findBad(n.Value, t, path)
	case *ast.DocumentNode:
		return findBad(n.Body, t, path)
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if sc, ok := node.(ast.ScalarNode); ok {
			if _, isNull := node.(*ast.NullNode); isNull {
				return nil
			}
			v := reflect.New(t)
			text := scalarText(sc)
			if err := v.Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
				pos := node.GetToken().Position
				return &DecodeError{Line: pos.Line, Column: pos.Column, Path: path, Err: err}
			}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := asMapping(node)
		if !ok {
			return nil
		}
		for _, mv := range m {
			name := strings.TrimSpace(mv.Key.String())
			f, ok := fieldByJSON(t, name)
			if !ok {
				continue
			}
			if de := findBad(mv.Value, f.Type, join(path, name)); de != nil {
				return de
			}
		}
	case reflect.Slice:
		if seq, ok := node.(*ast.SequenceNode); ok {
			for i, v := range seq.Values {
				if de := findBad(v, t.Elem(), path+"["+strconv.Itoa(i)+"]"); de != nil {
					return de
				}
			}
		}
	}
	return nil
}

// keepLiterals walks node with the decoded value v and sets every string
// field whose YAML scalar was not a string to the scalar's literal text.
func keepLiterals(node ast.Node, v reflect.Value) {
	switch n := node.(type) {
	case nil:
		return
	case *ast.TagNode:
		keepLiterals(n.Value, v)
		return
	case *ast.AnchorNode:
		keepLiterals(n.Value, v)
		return
	}
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			keepLiterals(node, v.Elem())
		}
	case reflect.String:
		switch node.(type) {
		case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
			if v.CanSet() && !reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
				v.SetString(node.GetToken().Value)
			}
		}
	case reflect.Struct:
		if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
			return
		}
		m, ok := asMapping(node)
		if !ok {
			return
		}
		for _, mv := range m {
			if f, ok := fieldByJSON(v.Type(), strings.TrimSpace(mv.Key.String())); ok {
				keepLiterals(mv.Value, v.FieldByIndex(f.Index))
			}
		}
	case reflect.Slice:
		if seq, ok := node.(*ast.SequenceNode); ok {
			for i, e := range seq.Values {
				if i < v.Len() {
					keepLiterals(e, v.Index(i))
				}
			}
		}
	}
}

func scalarText(sc ast.ScalarNode) string {
	if s, ok := sc.(*ast.StringNode); ok {
		return s.Value
	}
	return fmt.Sprint(sc.GetValue())
}

func asMapping(node ast.Node) ([]*ast.MappingValueNode, bool) {
	switch n := node.(type) {
	case *ast.MappingNode:
		return n.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, true
	}
	return nil, false
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// fieldByJSON finds the struct field whose JSON name is name.
func fieldByJSON(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if jsonName(f) == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

func jsonName(f reflect.StructField) string {
	tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if tag == "-" {
		return ""
	}
	if tag == "" {
		return f.Name
	}
	return tag
}

// pathAt returns the field path of the node at line:col, for errors the
// YAML library reports by position only.
func pathAt(f *ast.File, line, col int) string {
	if len(f.Docs) == 0 {
		return ""
	}
	var best string
	var walk func(n ast.Node, path string)
	walk = func(n ast.Node, path string) {
		if n == nil {
			return
		}
		if tk := n.GetToken(); tk != nil && tk.Position != nil && tk.Position.Line == line && tk.Position.Column == col && best == "" {
			best = path
		}
		switch v := n.(type) {
		case *ast.DocumentNode:
			walk(v.Body, path)
		case *ast.TagNode:
			walk(v.Value, path)
		case *ast.AnchorNode:
			walk(v.Value, path)
		case *ast.MappingNode:
			for _, mv := range v.Values {
				walk(mv, path)
			}
		case *ast.MappingValueNode:
			p := join(path, strings.TrimSpace(v.Key.String()))
			walk(v.Key, p)
			walk(v.Value, p)
		case *ast.SequenceNode:
			for i, e := range v.Values {
				walk(e, path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	walk(f.Docs[0].Body, "")
	return best
}

// Encode writes reg as YAML, with the field names of the JSON tags and
// empty fields left out; Decode reads it back unchanged.
func Encode(w io.Writer, reg *Register) error {
	enc := yaml.NewEncoder(w, yaml.Indent(2), yaml.IndentSequence(true), yaml.UseLiteralStyleIfMultiline(true))
	if err := enc.Encode(reg); err != nil {
		return fmt.Errorf("ropa: encoding register: %w", err)
	}
	return enc.Close()
}

// EncodeJSON writes reg as indented JSON.
func EncodeJSON(w io.Writer, reg *Register) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(reg); err != nil {
		return fmt.Errorf("ropa: encoding register: %w", err)
	}
	return nil
}
