package ropa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
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
	switch {
	case e.Line > 0 && e.Column > 0:
		fmt.Fprintf(&b, "%d:%d:", e.Line, e.Column)
	case e.Line > 0:
		fmt.Fprintf(&b, "%d:", e.Line)
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

func decodeBytes(b []byte) (*Register, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &DecodeError{Err: errors.New("empty register file")}
	}
	if !utf8.Valid(b) {
		line, col := badUTF8(b)
		return nil, &DecodeError{Line: line, Column: col, Err: errors.New("the file is not valid UTF-8 text")}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		return nil, syntaxError(err)
	}
	var out Register
	d := decoder{budget: 8*len(b) + 1024}
	if err := d.decode(&doc, reflect.ValueOf(&out).Elem(), ""); err != nil {
		return nil, err
	}
	// A scope or reference that does not resolve is a decode error: the
	// file says something about a group or recipient it does not have.
	if ps := scopeProblems(&out); len(ps) > 0 {
		de := &DecodeError{Path: ps[0].path, Err: errors.New(ps[0].msg)}
		if l, err := NewLocator(b); err == nil {
			de.Line, de.Column, _ = l.Locate(ps[0].path)
		}
		return nil, de
	}
	return &out, nil
}

var lineRE = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

// syntaxError gives a YAML syntax error the line (and column) its message
// names.
func syntaxError(err error) error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	de := &DecodeError{Err: errors.New(msg)}
	if m := lineRE.FindStringSubmatch(msg); m != nil {
		de.Line, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			de.Column, _ = strconv.Atoi(m[2])
		}
		de.Err = errors.New(strings.TrimSpace(lineRE.ReplaceAllString(msg, "")))
		if s := strings.TrimLeft(de.Err.Error(), ": "); s != "" {
			de.Err = errors.New(s)
		}
	}
	return de
}

// badUTF8 returns the line and column of the first byte that is not valid
// UTF-8.
func badUTF8(b []byte) (line, col int) {
	line, col = 1, 1
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		b = b[size:]
	}
	return line, col
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

// Encode writes reg as YAML, with the field names of the JSON tags and
// empty fields left out; Decode reads it back unchanged.
func Encode(w io.Writer, reg *Register) error {
	if reg == nil {
		return errors.New("ropa: encoding nil register")
	}
	n, err := encodeNode(reflect.ValueOf(reg).Elem())
	if err != nil {
		return fmt.Errorf("ropa: encoding register: %w", err)
	}
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(n); err != nil {
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
