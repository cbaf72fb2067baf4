package vet

import (
	"fmt"
	"go/ast"
	"go/token"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/lawfulbasis"
)

// The directive comments, written as Go writes its own directives
// (//go:generate): "//article30:" then the verb, no space after the slashes.
const (
	directivePrefix = "//article30:"
	verbActivity    = "activity"
	verbRecipient   = "recipient"
	verbTransfer    = "transfer"
	// tagKey is the struct tag key of a field's data category.
	tagKey = "article30"
)

// directive is one parsed directive comment.
type directive struct {
	verb string
	pos  token.Pos // of the comment
	args []word    // positional words and key=value pairs, in order
}

// word is one word of a directive: a bare word, a quoted string, or a
// key=value pair whose value may be quoted.
type word struct {
	key, value string
}

// parseDirective reads the text of a comment that starts with
// directivePrefix. It fails on an unknown verb, an unterminated quote or
// a key written with no value.
func parseDirective(c *ast.Comment) (directive, error) {
	text := strings.TrimPrefix(c.Text, directivePrefix)
	if i := strings.Index(text, " //"); i >= 0 {
		text = text[:i] // a comment after the directive
	}
	verb, rest, _ := strings.Cut(text, " ")
	verb = strings.TrimSpace(verb)
	d := directive{verb: verb, pos: c.Slash}
	switch verb {
	case verbActivity, verbRecipient, verbTransfer:
	default:
		return d, fmt.Errorf("unknown directive %q: write //article30:activity, //article30:recipient or //article30:transfer", directivePrefix+verb)
	}
	toks, err := tokenize(rest)
	if err != nil {
		return d, fmt.Errorf("%s%s: %v", directivePrefix, verb, err)
	}
	d.args = toks
	return d, nil
}

// tokenize splits s into words separated by spaces. A word may be a
// double-quoted Go string, and a key=value word may quote its value.
func tokenize(s string) ([]word, error) {
	var out []word
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			return out, nil
		}
		var t word
		if s[0] != '"' {
			end := strings.IndexFunc(s, unicode.IsSpace)
			if end < 0 {
				end = len(s)
			}
			w := s[:end]
			if k, v, ok := strings.Cut(w, "="); ok {
				if k == "" {
					return nil, fmt.Errorf("%q: a value with no key before =", w)
				}
				if strings.HasPrefix(v, `"`) {
					q, n, err := quoted(s[len(k)+1:])
					if err != nil {
						return nil, err
					}
					out = append(out, word{key: k, value: q})
					s = s[len(k)+1+n:]
					continue
				}
				if v == "" {
					return nil, fmt.Errorf("%s= has no value", k)
				}
				t = word{key: k, value: v}
			} else {
				t = word{value: w}
			}
			out = append(out, t)
			s = s[end:]
			continue
		}
		q, n, err := quoted(s)
		if err != nil {
			return nil, err
		}
		out = append(out, word{value: q})
		s = s[n:]
	}
}

// quoted reads the Go string literal at the start of s and returns its
// value and length.
func quoted(s string) (string, int, error) {
	for i := 1; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '\\':
			i += size + 1
			continue
		case '"':
			v, err := strconv.Unquote(s[:i+1])
			if err != nil {
				return "", 0, fmt.Errorf("bad quoted string %s: %v", s[:i+1], err)
			}
			if strings.TrimSpace(v) == "" {
				return "", 0, fmt.Errorf("empty quoted string %s", s[:i+1])
			}
			return v, i + 1, nil
		}
		i += size
	}
	return "", 0, fmt.Errorf("unterminated quoted string %s", s)
}

// activityDirective is a parsed //article30:activity.
type activityDirective struct {
	id       string
	subjects []string // as written, before parsing
	pos      token.Pos
}

func (d directive) activity() (activityDirective, error) {
	a := activityDirective{pos: d.pos}
	for _, t := range d.args {
		switch {
		case t.key == "" && a.id == "":
			a.id = t.value
		case t.key == "":
			return a, fmt.Errorf("//article30:activity takes one activity ID, then subjects=<group>,...; %q is extra", t.value)
		case t.key == "subjects":
			for s := range strings.SplitSeq(t.value, ",") {
				if s = strings.TrimSpace(s); s != "" {
					a.subjects = append(a.subjects, s)
				}
			}
		default:
			return a, fmt.Errorf("//article30:activity: unknown option %s= (the one option is subjects=)", t.key)
		}
	}
	if a.id == "" {
		return a, fmt.Errorf("//article30:activity needs the ID of an activity in the register, as in //article30:activity recruitment")
	}
	return a, nil
}

// sinkDirective is a parsed //article30:recipient or //article30:transfer.
type sinkDirective struct {
	kind      string // verbRecipient or verbTransfer
	recipient string // the recipient as written: a name or a slug
	country   string // for a transfer, upper case
	pos       token.Pos
}

func (d directive) sink() (sinkDirective, error) {
	s := sinkDirective{kind: d.verb, pos: d.pos}
	switch d.verb {
	case verbRecipient:
		var words []string
		for _, t := range d.args {
			if t.key != "" {
				return s, fmt.Errorf("//article30:recipient takes a recipient's name, not %s=", t.key)
			}
			words = append(words, t.value)
		}
		s.recipient = strings.Join(words, " ")
		if s.recipient == "" {
			return s, fmt.Errorf(`//article30:recipient needs the name of a recipient in the register, as in //article30:recipient "PayRight Bureau Ltd (payroll)" or its slug payright-bureau-ltd`)
		}
	case verbTransfer:
		for _, t := range d.args {
			switch {
			case t.key == "" && s.country == "":
				s.country = strings.ToUpper(t.value)
			case t.key == "":
				return s, fmt.Errorf("//article30:transfer takes one country, then recipient=<name>; %q is extra (quote a name with spaces)", t.value)
			case t.key == "recipient":
				s.recipient = t.value
			default:
				return s, fmt.Errorf("//article30:transfer: unknown option %s= (the one option is recipient=)", t.key)
			}
		}
		if s.country == "" {
			return s, fmt.Errorf("//article30:transfer needs a country code, as in //article30:transfer US recipient=hirehub-inc")
		}
		if !validCountry(s.country) {
			return s, fmt.Errorf("//article30:transfer %s: want an ISO 3166-1 alpha-2 country code such as US, or an international organisation's short name", s.country)
		}
	}
	return s, nil
}

// validCountry accepts two upper-case letters (ISO 3166-1 alpha-2, for
// form) or the short name of an international organisation in the
// approval lists (EPO), as the register's country fields do.
func validCountry(s string) bool {
	if len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z' {
		return true
	}
	for _, a := range lawfulbasis.DefaultApprovals() {
		if a.Country == s {
			return true
		}
	}
	return false
}

// directives returns the article30 directives in a comment group.
func directivesIn(g *ast.CommentGroup) []*ast.Comment {
	if g == nil {
		return nil
	}
	var out []*ast.Comment
	for _, c := range g.List {
		if strings.HasPrefix(c.Text, directivePrefix) {
			out = append(out, c)
		}
	}
	return out
}
