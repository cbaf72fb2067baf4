package ropa

import (
	"fmt"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// One rule for text: no register field may hold a control character (C0
// other than tab, line feed and carriage return; C1), or a bidirectional
// override or isolate (U+202A-U+202E, U+2066-U+2069), which would let a
// register's text hide or reorder what a reader of a notice, a workbook or
// a terminal sees. Decode rejects them whether written raw or as a YAML
// escape ("\e", "\x07", "\u202E"), and Validate rejects them in a register
// built in Go, each with the field path.

// forbiddenRune reports whether r may not appear in register text.
func forbiddenRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// runeName names a forbidden rune for an error message.
func runeName(r rune) string {
	switch {
	case r == 0:
		return "NUL"
	case r == 0x1b:
		return "escape"
	case r < 0x20:
		return "control character"
	case r <= 0x9f:
		return "C1 control character"
	}
	return "bidirectional text control"
}

// checkText returns an error for text holding a forbidden character,
// naming it and its position (in characters, from 1).
func checkText(s string) error {
	pos := 0
	for _, r := range s {
		pos++
		if forbiddenRune(r) {
			return fmt.Errorf("%s U+%04X at character %d is not allowed in register text", runeName(r), r, pos)
		}
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("the text is not valid UTF-8")
	}
	return nil
}

// urlSchemes are the schemes a URL field may use.
var urlSchemes = []string{"https", "http", "mailto"}

// checkURL returns an error for a URL field whose value is not an http,
// https or mailto URL: a javascript: or data: address in a register would
// become a live link in a published notice.
func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Scheme == "" {
		return fmt.Errorf("%q is not a URL (include the scheme, e.g. https://)", s)
	}
	switch strings.ToLower(u.Scheme) {
	case "https", "http":
		if u.Host == "" {
			return fmt.Errorf("%q has no host", s)
		}
		return nil
	case "mailto":
		if u.Opaque == "" {
			return fmt.Errorf("%q has no address", s)
		}
		return nil
	}
	return fmt.Errorf("%q uses the %s: scheme; only %s addresses are accepted", s, u.Scheme, strings.Join(urlSchemes, ", "))
}

// textProblems walks the register's text fields and lists those holding a
// forbidden character, with their JSON paths.
func textProblems(r *Register) []*FieldError {
	var out []*FieldError
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		switch v.Kind() {
		case reflect.String:
			if err := checkText(v.String()); err != nil {
				out = append(out, &FieldError{Path: path, Rule: "text", Value: v.String(), Detail: err.Error()})
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		case reflect.Struct:
			t := v.Type()
			for i := range t.NumField() {
				f := t.Field(i)
				name := jsonName(f)
				if !f.IsExported() || name == "" {
					continue
				}
				walk(v.Field(i), join(path, name))
			}
		}
	}
	walk(reflect.ValueOf(r).Elem(), "")
	return out
}
