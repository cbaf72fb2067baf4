package ropa

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/article30/article30/internal/match"
)

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	textMarshaler   = reflect.TypeFor[encoding.TextMarshaler]()
	shorthandType   = reflect.TypeFor[shorthandSetter]()
)

// decoder turns a YAML node tree into a value, by the JSON names of the
// struct fields, with the position and path of every problem. It never
// panics on any tree, and it bounds the work that aliases can cause.
type decoder struct {
	budget int   // nodes left to visit
	text   int64 // bytes of scalar text left to decode (aliases count each time)
	limit  int64 // the text budget at the start, for the error
}

func (d *decoder) fail(n *yaml.Node, path string, err error) error {
	return &DecodeError{Line: n.Line, Column: n.Column, Path: path, Err: err}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "an empty value"
		}
		return fmt.Sprintf("the value %q", n.Value)
	}
	return "a value"
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) error {
	d.budget--
	if d.budget < 0 {
		return d.fail(n, path, fmt.Errorf("%w: the document is too complex (too many aliases)", ErrLimit))
	}
	at := n // where the value is written: an alias, not its anchor
	for n.Kind == yaml.DocumentNode || n.Kind == yaml.AliasNode {
		if n.Kind == yaml.DocumentNode {
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		} else {
			if n.Alias == nil {
				return d.fail(n, path, errors.New("unknown alias"))
			}
			n = n.Alias
		}
	}
	if n.Kind == yaml.ScalarNode {
		d.text -= int64(len(n.Value))
		if d.text < 0 {
			return d.fail(at, path, fmt.Errorf("%w: through YAML aliases the file expands to more than %d bytes of text (at most %d times the file's size, and ropa.MaxExpansion; raise it with ropa.WithMaxExpansion)", ErrLimit, d.limit, ExpansionFactor))
		}
	}
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			return nil
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.decode(n, v.Elem(), path)
	}
	if reflect.PointerTo(v.Type()).Implements(textUnmarshaler) {
		return d.decodeText(n, v, path)
	}
	if reflect.PointerTo(v.Type()).Implements(shorthandType) && (n.Kind == yaml.ScalarNode && !isNull(n) || isCustomPair(n)) {
		text := n.Value
		if n.Kind == yaml.MappingNode {
			text = n.Content[0].Value + ": " + n.Content[1].Value
		}
		if err := checkText(text); err != nil {
			return d.fail(n, path, err)
		}
		if err := v.Addr().Interface().(shorthandSetter).setShortText(text); err != nil {
			return d.fail(n, path, err)
		}
		return nil
	}
	switch v.Kind() {
	case reflect.String:
		if n.Kind != yaml.ScalarNode {
			return d.fail(n, path, fmt.Errorf("expected text, found %s", kindName(n)))
		}
		if !isNull(n) {
			if err := checkText(n.Value); err != nil {
				return d.fail(n, path, err)
			}
			v.SetString(n.Value)
		}
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode {
			return d.fail(n, path, fmt.Errorf("expected true or false, found %s", kindName(n)))
		}
		switch strings.ToLower(n.Value) {
		case "true", "yes":
			v.SetBool(true)
		case "false", "no", "", "~", "null":
			v.SetBool(false)
		default:
			return d.fail(n, path, fmt.Errorf("expected true or false, found %q", n.Value))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.Kind != yaml.ScalarNode {
			return d.fail(n, path, fmt.Errorf("expected a whole number, found %s", kindName(n)))
		}
		if isNull(n) {
			return nil
		}
		i, err := strconv.ParseInt(n.Value, 10, v.Type().Bits())
		if err != nil {
			return d.fail(n, path, fmt.Errorf("expected a whole number, found %q", n.Value))
		}
		v.SetInt(i)
	case reflect.Slice:
		if isNull(n) {
			return nil
		}
		if n.Kind != yaml.SequenceNode {
			return d.fail(n, path, fmt.Errorf("expected a list, found %s", kindName(n)))
		}
		if len(n.Content) == 0 {
			v.Set(reflect.Zero(v.Type()))
			return nil
		}
		s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
		for i, e := range n.Content {
			p := path + "[" + strconv.Itoa(i) + "]"
			if isNull(e) {
				return d.fail(e, p, errors.New("empty entry in a list"))
			}
			if err := d.decode(e, s.Index(i), p); err != nil {
				return err
			}
		}
		v.Set(s)
	case reflect.Struct:
		if isNull(n) {
			return nil
		}
		if n.Kind != yaml.MappingNode {
			return d.fail(n, path, fmt.Errorf("expected a mapping of fields, found %s", kindName(n)))
		}
		seen := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return d.fail(k, path, errors.New("a field name must be text"))
			}
			name := k.Value
			p := join(path, name)
			if seen[name] {
				return d.fail(k, p, fmt.Errorf("field %q given twice", name))
			}
			seen[name] = true
			f, ok := fieldByJSON(v.Type(), name)
			if !ok {
				return d.fail(k, p, fmt.Errorf("unknown field %q%s", name, suggestField(v.Type(), name)))
			}
			if err := d.decode(val, v.FieldByIndex(f.Index), p); err != nil {
				return err
			}
		}
	default:
		return d.fail(n, path, fmt.Errorf("cannot decode into %v", v.Type()))
	}
	return nil
}

// decodeText decodes a scalar through the value's UnmarshalText. A mapping
// of one "custom ...: name" pair is taken as the text "custom ...: name",
// because an unquoted custom entry in a YAML list reads as a mapping.
func (d *decoder) decodeText(n *yaml.Node, v reflect.Value, path string) error {
	var text string
	switch {
	case n.Kind == yaml.ScalarNode:
		if isNull(n) {
			return nil
		}
		text = n.Value
	case isCustomPair(n):
		text = n.Content[0].Value + ": " + n.Content[1].Value
	default:
		return d.fail(n, path, fmt.Errorf("expected text, found %s", kindName(n)))
	}
	if err := checkText(text); err != nil {
		return d.fail(n, path, err)
	}
	if err := v.Addr().Interface().(encoding.TextUnmarshaler).UnmarshalText([]byte(text)); err != nil {
		return d.fail(n, path, err)
	}
	return nil
}

// isCustomPair reports whether n is a mapping of one "custom ...: name"
// pair: an unquoted custom entry in a YAML list.
func isCustomPair(n *yaml.Node) bool {
	return n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Kind == yaml.ScalarNode &&
		n.Content[1].Kind == yaml.ScalarNode && strings.HasPrefix(strings.ToLower(n.Content[0].Value), customPrefix)
}

// suggestField names the field nearest to a misspelt one.
func suggestField(t reflect.Type, name string) string {
	best, bestD := "", 1<<30
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		if d := distanceFold(name, jsonName(f)); d < bestD {
			best, bestD = jsonName(f), d
		}
	}
	if best != "" && bestD <= max(2, len(name)/3) {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}

func distanceFold(a, b string) int { return match.Distance(strings.ToLower(a), strings.ToLower(b)) }

// encodeNode turns a value into a YAML node tree, with the JSON names of
// the struct fields and their omitempty and omitzero options.
func encodeNode(v reflect.Value) (*yaml.Node, error) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
		}
		v = v.Elem()
	}
	if sh, ok := v.Interface().(shorthand); ok {
		if text, ok := sh.shortText(); ok {
			return encodeNode(reflect.ValueOf(text))
		}
	}
	if v.Type().Implements(textMarshaler) {
		b, err := v.Interface().(encoding.TextMarshaler).MarshalText()
		if err != nil {
			return nil, err
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: string(b)}, nil
	}
	switch v.Kind() {
	case reflect.String:
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: v.String()}
		if needsDoubleQuotes(n.Value) {
			n.Style = yaml.DoubleQuotedStyle
		}
		return n, nil
	case reflect.Bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v.Bool())}, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: strconv.FormatInt(v.Int(), 10)}, nil
	case reflect.Slice:
		n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := 0; i < v.Len(); i++ {
			e, err := encodeNode(v.Index(i))
			if err != nil {
				return nil, err
			}
			n.Content = append(n.Content, e)
		}
		if len(n.Content) == 0 {
			n.Style = yaml.FlowStyle
		}
		return n, nil
	case reflect.Struct:
		n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			name := jsonName(f)
			if !f.IsExported() || name == "" {
				continue
			}
			fv := v.Field(i)
			_, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
			if omitted(fv, opts) {
				continue
			}
			e, err := encodeNode(fv)
			if err != nil {
				return nil, fmt.Errorf("%s: %w", name, err)
			}
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: name}, e)
		}
		return n, nil
	}
	return nil, fmt.Errorf("cannot encode %v", v.Type())
}

// needsDoubleQuotes reports whether a string must be written double-quoted
// to read back the same: white space at either end (a block scalar or plain
// scalar would lose it), carriage returns and other control characters, or
// bytes that are not UTF-8. Other multi-line text is left to the emitter,
// which writes it as a literal block.
func needsDoubleQuotes(s string) bool {
	if !utf8.ValidString(s) || strings.TrimLeft(s, " \t\n") != s {
		return true
	}
	// A literal block keeps one final line break ("|"); more, or white
	// space before it, is quoted.
	body := strings.TrimSuffix(s, "\n")
	if strings.TrimRight(body, " \t\n") != body {
		return true
	}
	for _, r := range s {
		if (r < 0x20 && r != '\n') || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 || r == 0xfeff {
			return true
		}
	}
	return false
}

// omitted applies the json options omitempty and omitzero.
func omitted(v reflect.Value, opts string) bool {
	for _, o := range strings.Split(opts, ",") {
		switch o {
		case "omitempty":
			switch v.Kind() {
			case reflect.String, reflect.Slice, reflect.Map:
				if v.Len() == 0 {
					return true
				}
			case reflect.Bool:
				if !v.Bool() {
					return true
				}
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
				reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
				if v.IsZero() {
					return true
				}
			case reflect.Pointer, reflect.Interface:
				if v.IsNil() {
					return true
				}
			}
		case "omitzero":
			if z, ok := v.Interface().(interface{ IsZero() bool }); ok {
				if z.IsZero() {
					return true
				}
			} else if v.IsZero() {
				return true
			}
		}
	}
	return false
}
