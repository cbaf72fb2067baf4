package ropa

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// The limits of reading a register file, in one place. Each is a default
// a caller may change with a [DecodeOption]; a file over a limit is an
// error wrapping [ErrLimit] that names the limit and the option.
const (
	// MaxFileSize is the largest register file Decode reads, in bytes
	// (change with [WithMaxFileSize]). Reading stops at the limit: a
	// larger input is never read whole.
	MaxFileSize = 64 << 20
	// MaxExpansion bounds the text a file may expand to through YAML
	// aliases, in bytes of scalar values decoded, whatever the file's size
	// (change with [WithMaxExpansion]).
	MaxExpansion = 64 << 20
	// ExpansionFactor bounds the same text in proportion to the file: at
	// most ExpansionFactor times the file's size, or MaxExpansion if that
	// is smaller. A file without aliases expands to less than its size.
	ExpansionFactor = 10
)

// ErrLimit is wrapped by the errors of a register file over one of the
// limits of reading it.
var ErrLimit = errors.New("over a reading limit")

// DecodeOption changes how [Decode] and [Load] read a register.
type DecodeOption func(*decodeConfig)

type decodeConfig struct {
	maxFile, maxExpansion int64
	noValidate            bool
}

// WithoutValidation makes [Decode], [Load] and [LoadFS] return a register
// that decodes without checking it with [Register.Validate], for a tool
// that reports its structural problems itself (as article30 validate
// does, as findings).
func WithoutValidation() DecodeOption { return func(c *decodeConfig) { c.noValidate = true } }

// WithMaxFileSize sets the largest file read, in bytes ([MaxFileSize] by default).
func WithMaxFileSize(n int64) DecodeOption { return func(c *decodeConfig) { c.maxFile = n } }

// WithMaxExpansion sets the most text, in bytes, a file may expand to
// through YAML aliases ([MaxExpansion] by default; the [ExpansionFactor]
// bound applies too).
func WithMaxExpansion(n int64) DecodeOption { return func(c *decodeConfig) { c.maxExpansion = n } }

func newDecodeConfig(opts []DecodeOption) decodeConfig {
	c := decodeConfig{maxFile: MaxFileSize, maxExpansion: MaxExpansion}
	for _, o := range opts {
		o(&c)
	}
	return c
}

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
	msg := e.Err.Error()
	if e.Path != "" && !strings.HasPrefix(msg, e.Path+": ") {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(msg)
	return b.String()
}

// Unwrap returns the underlying error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Decode reads a register from YAML or JSON (JSON is read as YAML, of which
// it is a subset). Field names are those of the JSON tags. An unknown field,
// an unknown enumeration value or a value of the wrong type is a
// [*DecodeError] naming its line and column: nothing in the file is dropped
// silently.
//
// Decode then validates the register ([Register.Validate]) unless
// [WithoutValidation] is given. A register that decodes but fails
// validation is returned with an error joining a [*DecodeError] per
// problem, each with the line, column and field path of the value and
// wrapping the [*FieldError] (errors.As finds it; [ValidationErrors] lists
// them all).
func Decode(r io.Reader, opts ...DecodeOption) (*Register, error) {
	c := newDecodeConfig(opts)
	b, err := io.ReadAll(io.LimitReader(r, c.maxFile+1))
	if err != nil {
		return nil, &DecodeError{Err: err}
	}
	if int64(len(b)) > c.maxFile {
		return nil, &DecodeError{Err: fmt.Errorf("%w: the file is larger than %d bytes (ropa.MaxFileSize; raise it with ropa.WithMaxFileSize)", ErrLimit, c.maxFile)}
	}
	return c.decodeBytes(b)
}

// Load reads a register file with [Decode]; its errors name the file.
func Load(path string, opts ...DecodeOption) (*Register, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, &DecodeError{File: path, Err: err}
	}
	defer f.Close()
	reg, err := Decode(f, opts...)
	var de *DecodeError
	if errors.As(err, &de) {
		de.File = path
	}
	return reg, err
}

// LoadFS reads the register file name from fsys with [Decode]; its errors
// name the file. It is for a register embedded in a service:
//
//	//go:embed register.yaml
//	var files embed.FS
//
//	reg, err := ropa.LoadFS(files, "register.yaml")
func LoadFS(fsys fs.FS, name string, opts ...DecodeOption) (*Register, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &DecodeError{File: name, Err: err}
	}
	defer f.Close()
	reg, err := Decode(f, opts...)
	var de *DecodeError
	if errors.As(err, &de) {
		de.File = name
	}
	return reg, err
}

func decodeBytes(b []byte) (*Register, error) { return newDecodeConfig(nil).decodeBytes(b) }

func (c decodeConfig) decodeBytes(b []byte) (*Register, error) {
	if len(bytes.TrimSpace(b)) == 0 {
		return nil, &DecodeError{Err: errors.New("empty register file")}
	}
	if !utf8.Valid(b) {
		line, col := badUTF8(b)
		return nil, &DecodeError{Line: line, Column: col, Err: errors.New("the file is not valid UTF-8 text")}
	}
	// A control character written raw is refused as the same character
	// written as an escape is (checkText), at its line and column, rather
	// than by the YAML parser's message, which names neither.
	if line, col, r, ok := rawControl(b); ok {
		return nil, &DecodeError{Line: line, Column: col,
			Err: fmt.Errorf("%s U+%04X is not allowed in register text", runeName(r), r)}
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&doc); err != nil {
		return nil, mappingHint(syntaxError(err), b)
	}
	// A second document would be dropped: say where it begins.
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		return nil, syntaxError(err)
	default:
		return nil, &DecodeError{Line: secondDocLine(b, &next), Column: 1,
			Err: errors.New("a second YAML document begins here; a register file holds one document (remove the \"---\" line and what follows, or put each register in a file of its own)")}
	}
	var out Register
	text := min(c.maxExpansion, ExpansionFactor*int64(len(b))+4096)
	d := decoder{budget: 8*len(b) + 1024, text: text, limit: text}
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
	if c.noValidate {
		return &out, nil
	}
	return &out, validationErrors(&out, b)
}

// validationErrors validates reg and returns its structural problems as
// decode errors placed in the file b, joined; nil when there are none.
func validationErrors(reg *Register, b []byte) error {
	err := reg.Validate()
	var ve ValidationErrors
	if err == nil || !errors.As(err, &ve) {
		return err
	}
	l, _ := NewLocator(b)
	errs := make([]error, 0, len(ve))
	for _, fe := range ve {
		de := &DecodeError{Path: fe.Path, Err: fe}
		if l != nil {
			de.Line, de.Column, _ = l.Locate(fe.Path)
		}
		errs = append(errs, de)
	}
	return &InvalidError{Errs: errs, Fields: ve}
}

// InvalidError is the error of [Decode] for a register that decodes but
// fails [Register.Validate]: a [*DecodeError] for each problem, in order,
// with its place in the file.
type InvalidError struct {
	Errs   []error          // each a *DecodeError wrapping a *FieldError
	Fields ValidationErrors // the problems, as Validate returns them
}

// Error lists the problems, one per line.
func (e *InvalidError) Error() string { return errors.Join(e.Errs...).Error() }

// Unwrap returns the problems, for errors.As and errors.Is.
func (e *InvalidError) Unwrap() []error { return e.Errs }

var lineRE = regexp.MustCompile(`line (\d+)(?:, column (\d+))?`)

// secondDocLine returns the line of the "---" that starts the document
// after the first, or the line of its first node.
func secondDocLine(b []byte, next *yaml.Node) int {
	line := next.Line
	if len(next.Content) > 0 && next.Content[0].Line > 0 {
		line = next.Content[0].Line
	}
	// Look back from the node for the document marker.
	lines := bytes.Split(b, []byte("\n"))
	for l := min(line, len(lines)); l >= 2; l-- {
		if t := bytes.TrimRight(lines[l-1], " \t\r"); bytes.Equal(t, []byte("---")) || bytes.HasPrefix(t, []byte("--- ")) {
			return l
		}
	}
	return line
}

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

// rawControl finds the first forbidden character written raw in b (a
// byte order mark at the start is allowed), with its line and column.
func rawControl(b []byte) (line, col int, r rune, ok bool) {
	line, col = 1, 1
	for i := 0; i < len(b); {
		c, size := utf8.DecodeRune(b[i:])
		if forbiddenRune(c) {
			return line, col, c, true
		}
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return 0, 0, 0, false
}

// mappingHint gives YAML's "mapping values are not allowed in this
// context" the column of the colon it stumbled on, and the usual cure: a
// value that holds ": " (a retention rule's "unless sponsored-visa: P1Y")
// must be quoted.
func mappingHint(err error, b []byte) error {
	de, ok := err.(*DecodeError)
	if !ok || de.Line == 0 || !strings.Contains(de.Err.Error(), "mapping values are not allowed") {
		return err
	}
	lines := strings.Split(string(b), "\n")
	if de.Line > len(lines) {
		return err
	}
	line := lines[de.Line-1]
	key := strings.Index(line, ": ")
	if key < 0 {
		return err
	}
	next := strings.Index(line[key+2:], ": ")
	if next < 0 {
		if strings.HasSuffix(line, ":") && strings.Count(line, ":") > 1 {
			next = len(line) - key - 3
		} else {
			return err
		}
	}
	at := key + 2 + next
	if de.Column == 0 {
		de.Column = utf8.RuneCountInString(line[:at]) + 1
	}
	name := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line[:key]), "- "))
	value := strings.TrimSpace(line[key+2:])
	de.Err = fmt.Errorf("%s: a value that holds \": \" must be quoted; write %s: %q", de.Err, name, value)
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
