package retention

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/article30/article30/internal/prose"
)

// SyntaxError reports a short form or period that does not parse.
type SyntaxError struct {
	// Input is the whole text given to the parser.
	Input string
	// Offset is the byte offset in Input where the problem was found.
	Offset int
	// Msg describes the problem and names what was expected.
	Msg string
}

// Error returns a message such as
//
//	retention: parsing "P6X from collection": at offset 2: unknown unit "X" in period
func (e *SyntaxError) Error() string {
	return "retention: parsing " + strconv.Quote(e.Input) + ": at offset " + strconv.Itoa(e.Offset) + ": " + e.Msg
}

// clause numbers, in the order the grammar requires.
const (
	clauseNone = iota
	clauseFrom
	clauseAligned
	clauseThen
	clauseUnless
	clauseSource
)

var clauseNames = [...]string{
	clauseFrom:    "from",
	clauseAligned: "aligned",
	clauseThen:    "then",
	clauseUnless:  "unless",
	clauseSource:  "source",
}

// clauseOf returns the clause a keyword starts, or clauseNone.
func clauseOf(tok string) int {
	for c := clauseFrom; c <= clauseSource; c++ {
		if equalFoldASCII(tok, clauseNames[c]) {
			return c
		}
	}
	return clauseNone
}

// scanner splits the input into words: runs of characters other than white
// space and ':', and ':' on its own.
type scanner struct {
	s   string
	pos int
}

// next returns the next word and its byte offset; at the end of the input
// it returns "" and len(s).
func (sc *scanner) next() (string, int) {
	for sc.pos < len(sc.s) {
		r, size := utf8.DecodeRuneInString(sc.s[sc.pos:])
		if !unicode.IsSpace(r) {
			break
		}
		sc.pos += size
	}
	start := sc.pos
	if start == len(sc.s) {
		return "", start
	}
	if sc.s[start] == ':' {
		sc.pos++
		return ":", start
	}
	for sc.pos < len(sc.s) {
		r, size := utf8.DecodeRuneInString(sc.s[sc.pos:])
		if r == ':' || unicode.IsSpace(r) {
			break
		}
		sc.pos += size
	}
	return sc.s[start:sc.pos], start
}

// found describes a word for an error message.
func found(tok string) string {
	if tok == "" {
		return "end of input"
	}
	return strconv.Quote(tok)
}

// quoteList writes words as `"a", "b" or "c"`.
func quoteList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = strconv.Quote(w)
	}
	return prose.List(q, "or")
}

// Parse parses a rule in short form; see the package documentation for the
// grammar. Keywords are case-insensitive and white space is flexible. Errors
// are of type [*SyntaxError] and name what was expected. Parse never panics,
// and a rule it returns always passes [Rule.Validate].
func Parse(s string) (Rule, error) {
	p := parser{sc: scanner{s: s}}
	r, ok := p.parse()
	if !ok {
		return Rule{}, &SyntaxError{Input: s, Offset: p.off, Msg: p.msg}
	}
	return r, nil
}

type parser struct {
	sc  scanner
	off int
	msg string
}

// fail records an error and returns false.
func (p *parser) fail(off int, format string, args ...any) bool {
	p.off, p.msg = off, fmt.Sprintf(format, args...)
	return false
}

const expectTerm = `expected a period (such as "P6Y"), "until" or "indefinite"`

func (p *parser) parse() (Rule, bool) {
	var r Rule
	if !p.term(&r) {
		return Rule{}, false
	}
	last := clauseNone
	for {
		tok, off := p.sc.next()
		if tok == "" {
			break
		}
		c := clauseOf(tok)
		allowed := p.allowed(&r, last)
		if c == clauseNone || !containsInt(allowed, c) {
			return Rule{}, p.unexpected(&r, tok, off, c, last, allowed)
		}
		var ok bool
		switch c {
		case clauseFrom:
			var t string
			t, _, ok = p.slug("trigger", `after "from" (such as "collection")`)
			r.From = Trigger(t)
		case clauseAligned:
			ok = p.aligned(&r)
		case clauseThen:
			ok = p.then(&r)
		case clauseUnless:
			ok = p.unless(&r)
		case clauseSource:
			ok = p.source(&r)
		}
		if !ok {
			return Rule{}, false
		}
		last = c
	}
	if pr := r.check(); pr.code != noProblem {
		// Not expected: the clauses above check everything Validate does.
		return Rule{}, p.fail(0, "%s", strings.TrimPrefix(r.Validate().Error(), "retention: "))
	}
	return r, true
}

// term parses the first word(s): a period, "until" trigger or "indefinite".
func (p *parser) term(r *Rule) bool {
	tok, off := p.sc.next()
	switch {
	case tok == "":
		return p.fail(off, "%s, found end of input", expectTerm)
	case equalFoldASCII(tok, "until"):
		t, _, ok := p.slug("trigger", `after "until" (such as "end-of-contract")`)
		r.Until = Trigger(t)
		return ok
	case equalFoldASCII(tok, "indefinite"):
		r.Indefinite = true
		return true
	case looksLikePeriod(tok):
		per, poff, msg := parsePeriod(tok)
		if msg != "" {
			return p.fail(off+poff, "%s", msg)
		}
		if per.IsZero() {
			return p.fail(off, "period %s is zero; expected a period of at least one day, \"until\" or \"indefinite\"", tok)
		}
		r.Period = per
		return true
	case isDigit(tok[0]):
		return p.fail(off, `%s, found %q (a period starts with "P", as in "P6Y")`, expectTerm, tok)
	}
	return p.fail(off, "%s, found %s", expectTerm, found(tok))
}

// looksLikePeriod reports whether tok should be read as a period: "P" alone
// or "P" followed by something other than a letter.
func looksLikePeriod(tok string) bool {
	if tok[0] != 'P' && tok[0] != 'p' {
		return false
	}
	if len(tok) == 1 {
		return true
	}
	c := tok[1]
	isLetter := ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z')
	return !isLetter || c == 'T' || c == 't'
}

// allowed lists the clauses that may come after clause last.
func (p *parser) allowed(r *Rule, last int) []int {
	var out []int
	for c := clauseFrom; c <= clauseSource; c++ {
		if c < last || (c == last && c != clauseUnless) {
			continue
		}
		if r.Period.IsZero() && (c == clauseFrom || c == clauseAligned || c == clauseUnless) {
			continue
		}
		out = append(out, c)
	}
	return out
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// unexpected reports a word that cannot start a clause at this point.
func (p *parser) unexpected(r *Rule, tok string, off, c, last int, allowed []int) bool {
	words := make([]string, len(allowed))
	for i, a := range allowed {
		words[i] = clauseNames[a]
	}
	expected := "expected " + quoteList(words)
	if len(words) == 0 {
		expected = "expected end of input"
	}
	if c == clauseNone {
		return p.fail(off, "%s, found %s", expected, found(tok))
	}
	name := clauseNames[c]
	if r.Period.IsZero() && (c == clauseFrom || c == clauseAligned || c == clauseUnless) {
		term := "until"
		if r.Indefinite {
			term = "indefinite"
		}
		return p.fail(off, "%q cannot be used with %q, only with a period; %s, found %q", name, term, expected, tok)
	}
	if c == last {
		return p.fail(off, "%q clause repeated; %s, found %q", name, expected, tok)
	}
	return p.fail(off, "%s, found %q (clauses come in the order from, aligned, then, unless, source)", expected, tok)
}

// slug reads the next word as a slug and returns it in lower case.
func (p *parser) slug(what, where string) (string, int, bool) {
	tok, off := p.sc.next()
	if tok == "" || tok == ":" {
		return "", off, p.fail(off, "expected a %s %s, found %s", what, where, found(tok))
	}
	s := lowerASCII(tok)
	if !isSlug(s) {
		return "", off, p.fail(off, "invalid %s %q: expected lower-case letters and digits joined by single hyphens, such as \"end-of-contract\"", what, tok)
	}
	return s, off, true
}

func (p *parser) aligned(r *Rule) bool {
	tok, off := p.sc.next()
	if tok == "" || tok == ":" {
		return p.fail(off, `expected a month and day as MM-DD after "aligned" (such as "03-31"), found %s`, found(tok))
	}
	md, moff, msg := parseMonthDay(tok)
	if msg != "" {
		return p.fail(off+moff, "%s", msg)
	}
	r.YearEnd = md
	return true
}

func (p *parser) then(r *Rule) bool {
	tok, off := p.sc.next()
	a, ok := lookupAction(tok)
	if !ok {
		return p.fail(off, `expected "delete", "anonymise" or "review" after "then", found %s`, found(tok))
	}
	r.Action = a
	return true
}

func (p *parser) unless(r *Rule) bool {
	cond, condOff, ok := p.slug("condition", `after "unless" (such as "sponsored-visa")`)
	if !ok {
		return false
	}
	for _, o := range r.Overrides {
		if o.Condition == cond {
			return p.fail(condOff, "duplicate condition %q; each condition may have only one override", cond)
		}
	}
	tok, off := p.sc.next()
	if tok != ":" {
		return p.fail(off, `expected ":" after condition %q, found %s`, cond, found(tok))
	}
	tok, off = p.sc.next()
	if tok == "" || tok == ":" {
		return p.fail(off, `expected a period (such as "P7Y") after "%s:", found %s`, cond, found(tok))
	}
	per, poff, msg := parsePeriod(tok)
	if msg != "" {
		return p.fail(off+poff, "%s", msg)
	}
	if per.IsZero() {
		return p.fail(off, "period %s for condition %q is zero; expected a period of at least one day", tok, cond)
	}
	r.Overrides = append(r.Overrides, Override{Condition: cond, Period: per})
	return true
}

func (p *parser) source(r *Rule) bool {
	tok, off := p.sc.next()
	k, ok := lookupSourceKind(tok)
	if !ok {
		return p.fail(off, `expected "statute", "guidance", "policy" or "contract" after "source", found %s`, found(tok))
	}
	r.Source.Kind = k
	tok, off = p.sc.next()
	switch tok {
	case "":
		return true
	case ":":
		text := strings.TrimSpace(p.sc.s[p.sc.pos:])
		if text == "" {
			return p.fail(len(p.sc.s), `expected source text after ":", found end of input`)
		}
		r.Source.Ref = text
		p.sc.pos = len(p.sc.s)
		return true
	}
	return p.fail(off, `expected ":" or end of input after source kind %q, found %q`, k.String(), tok)
}
