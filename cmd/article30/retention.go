package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

var retentionCommand = &command{
	name:    "retention",
	summary: "list retention rules, and find the records due for erasure",
	usage:   "article30 retention due [--as-of YYYY-MM-DD] [--records CSV] FILE",
	detail: `
Retention due reads the register FILE (YAML or JSON; - reads standard
input) and works with its retention rules as they stand on the --as-of date
(default today).

Without --records it lists, for each activity, each retention entry: the
categories it covers, the rule in short form, the sentence a privacy notice
uses, and the trigger dates for which the rule's action is due on or before
--as-of; then the activity's categories that no rule covers.

With --records it reads a CSV of records (a path, or - for standard input),
one record a row, with the fields

  activity    the ID of an activity of the register
  category    a data category of that activity (a slug such as health,
              or "custom: Contract of employment")
  trigger     the date of the event the rule runs from, YYYY-MM-DD (the
              end of employment for "P6Y from termination-of-employment")
  conditions  optional: the override conditions that hold for the record,
              separated by semicolons, such as sponsored-visa

and writes to standard output, as CSV with a header row, the records whose
action falls due on or before --as-of: activity,category,trigger,due,action
(delete, anonymise or review; delete where the rule states no action).
A first row whose trigger field holds no digit and whose activity is not in
the register (activity,category,trigger) is a header and is skipped. Blank
lines are skipped; fields may be quoted as in RFC 4180, and white space
around a field is ignored. Where several entries of an activity cover a
category, the record is kept for the longest of them; where one of them has
no fixed end (until an event, or indefinite), the record is never due by
date. The input is streamed: any number of records in constant memory.

The output is safe to open in a spreadsheet: a field that begins with =,
+, -, @, a tab or a carriage return is written with a leading apostrophe
(') so that it is shown as text and never run as a formula. --raw writes
the fields as they are.

A bad row (wrong number of fields, a bad date, an unknown activity,
category or condition, a category no rule covers) is reported on standard
error as CSV:LINE: reason (the first 20, then a count), and the rest of the
input is still read.

Exit status: 0 when all is well; 1 when some rows were bad; 2 when the
register or the records cannot be read, or on a usage error.`,
	examples: []string{
		"article30 retention due register.yaml",
		"article30 retention due --as-of 2026-12-31 --records records.csv register.yaml > due.csv",
		"article30 retention due --records - register.yaml < records.csv",
	},
	flags: retentionFlags,
}

// maxBadRows is how many bad rows retention due prints; the rest are
// counted.
const maxBadRows = 20

func retentionFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	asOf := asOfFlag(fs)
	fs.Lookup("as-of").Usage = "list what is due on or before this day, written `YYYY-MM-DD` (default today)"
	records := fs.String("records", "", "a `CSV` file of records (activity,category,trigger[,conditions]), or - for standard input")
	raw := fs.Bool("raw", false, "write fields as they are, without the apostrophe that keeps a spreadsheet from reading =, +, -, @ as a formula")
	return func(e *env, args []string) (int, error) {
		if len(args) == 0 {
			return 0, errors.New("missing subcommand: want due")
		}
		if args[0] != "due" {
			return 0, fmt.Errorf("unknown subcommand %q: want due", args[0])
		}
		switch len(args) {
		case 1:
			return 0, errors.New("no register FILE given")
		case 2:
		default:
			return 0, fmt.Errorf("want one register FILE, got %d", len(args)-1)
		}
		file := args[1]
		if file == "-" && *records == "-" {
			return 0, errors.New("the register FILE and --records cannot both be standard input")
		}
		at, err := asOf.date(e)
		if err != nil {
			return 0, err
		}
		reg, file, ok := openRegister(e, file)
		if !ok {
			return exitFailure, nil
		}
		idx, err := newRetentionIndex(reg, *raw)
		if err != nil {
			return failf(e, "retention", "%s: %v", file, err), nil
		}
		if *records == "" {
			if err := writeRetentionList(e.stdout, file, reg, at); err != nil {
				return failf(e, "retention", "writing output: %v", err), nil
			}
			return exitOK, nil
		}
		return dueRecords(e, idx, *records, at), nil
	}
}

// dueRecords runs retention due --records name.
func dueRecords(e *env, idx *retentionIndex, name string, at time.Time) int {
	var in io.Reader = e.stdin
	display := stdinName
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return failf(e, "retention", "%s", fileMessage(err))
		}
		defer f.Close()
		in, display = f, name
	}
	bw := bufio.NewWriterSize(e.stdout, 64<<10)
	bad := func(line int, reason string) {
		if line > 0 {
			fmt.Fprintf(e.stderr, "%s:%d: %s\n", display, line, clean(reason))
		} else {
			fmt.Fprintf(e.stderr, "%s: %s\n", display, clean(reason))
		}
	}
	shown := 0
	n, err := streamDue(in, bw, idx, at, func(line int, reason string) {
		if shown < maxBadRows {
			bad(line, reason)
		}
		shown++
	})
	if err == nil {
		err = bw.Flush()
	}
	if n.bad > maxBadRows {
		fmt.Fprintf(e.stderr, "%s: %d more bad rows not shown (%d in all)\n", display, n.bad-maxBadRows, n.bad)
	}
	if n.noEnd > 0 {
		fmt.Fprintf(e.stderr, "article30 retention: note: %s kept until an event or indefinitely, never due by date\n",
			plural(n.noEnd, "record is", "records are"))
	}
	switch {
	case errors.Is(err, errWrite):
		return failf(e, "retention", "%v", err)
	case err != nil:
		return failf(e, "retention", "%s: %v", display, err)
	case n.bad > 0:
		return exitFindings
	}
	return exitOK
}

// retentionIndex finds the retention rules that cover a record's activity
// and data category. It is built once from a register. It caches the
// spellings of categories it has looked up, so it is not safe for
// concurrent use.
type retentionIndex struct {
	byKey      map[string]*retEntry      // by activity ID, "\x00", category
	activities map[string]*ropa.Activity // by ID
	ids        []string                  // activity IDs in the register's order
	alias      map[string]*retEntry      // category spellings other than the slug, by raw key
	parsed     map[string]parsedCategory // ropa.ParseCategory's answers, by the text parsed
}

// parsedCategory is what ropa.ParseCategory made of a text: a category,
// or the error's message.
type parsedCategory struct {
	c   ropa.Category
	err string
}

// maxAliases bounds the caches of category spellings, so that memory stays
// constant whatever the input.
const maxAliases = 4096

// maxCategoryLen is the longest category text looked up in the catalogue
// when it is not spelt as in the register; no catalogue title comes near,
// and the catalogue's suggestions take time that grows with the text.
const maxCategoryLen = 256

// retEntry is what the register says about the retention of one data
// category of one activity.
type retEntry struct {
	activity string
	category ropa.Category
	rules    *ropa.RetentionRules // the structured rules covering it; nil if none
	triggers []retention.Trigger  // the events they run from
	conds    []string             // the override conditions they know
	schedule bool                 // an entry with a free-text schedule only covers it
	csv      []byte               // "activity,category," as CSV
}

// newRetentionIndex indexes the retention rules of reg, for every activity
// and every category it records or that one of its entries names.
//
// Unless raw is set, a field that a spreadsheet would take for a formula
// (beginning with =, +, -, @, tab or carriage return) is written with a
// leading apostrophe, as OWASP advises against CSV injection: a DPO opens
// the output in Excel.
func newRetentionIndex(reg *ropa.Register, raw bool) (*retentionIndex, error) {
	idx := &retentionIndex{
		byKey:      make(map[string]*retEntry),
		activities: make(map[string]*ropa.Activity),
		alias:      make(map[string]*retEntry),
		parsed:     make(map[string]parsedCategory),
	}
	for i := range reg.Activities {
		a := &reg.Activities[i]
		if _, dup := idx.activities[a.ID]; dup {
			return nil, fmt.Errorf("activity ID %q appears twice, so records cannot name one of them", a.ID)
		}
		idx.activities[a.ID] = a
		idx.ids = append(idx.ids, a.ID)
		cats := a.Categories()
		for _, r := range a.Retention {
			cats = append(cats, r.Categories...)
		}
		for _, c := range cats {
			key := a.ID + "\x00" + string(c)
			if idx.byKey[key] != nil {
				continue
			}
			e := &retEntry{activity: a.ID, category: c}
			rs, err := reg.RetentionRules(a.ID, c)
			switch {
			case err == nil:
				e.rules, e.triggers, e.conds = rs, rs.Triggers(), rs.Conditions()
			case errors.Is(err, ropa.ErrNoRetentionRule):
				for _, r := range a.RetentionFor(c) {
					e.schedule = e.schedule || r.Schedule != ""
				}
			default:
				return nil, err
			}
			e.csv = appendCSVField(nil, []byte(a.ID), raw)
			e.csv = append(e.csv, ',')
			e.csv = appendCSVField(e.csv, []byte(c), raw)
			e.csv = append(e.csv, ',')
			idx.byKey[key] = e
		}
	}
	return idx, nil
}

// lookup finds the entry for a record whose activity and category fields
// are act and cat (trimmed); key is act, "\x00", cat. Without an entry it
// says why.
func (idx *retentionIndex) lookup(key, act, cat []byte) (*retEntry, string) {
	if e := idx.byKey[string(key)]; e != nil {
		return e, ""
	}
	if e := idx.alias[string(key)]; e != nil {
		return e, ""
	}
	if len(act) == 0 {
		return nil, "no activity ID"
	}
	if idx.activities[string(act)] == nil {
		return nil, fmt.Sprintf("unknown activity %q; the register's activities are %s", act, listSome(idx.ids, 10))
	}
	if len(cat) == 0 {
		return nil, "no data category"
	}
	if len(cat) > maxCategoryLen {
		return nil, fmt.Sprintf("unknown data category of %d bytes, not one the activity records", len(cat))
	}
	p, ok := idx.parsed[string(cat)]
	if !ok {
		c, err := ropa.ParseCategory(string(cat))
		p = parsedCategory{c: c}
		if err != nil {
			p.err = err.Error()
		}
		if len(idx.parsed) < maxAliases {
			idx.parsed[string(cat)] = p
		}
	}
	if p.err != "" {
		return nil, p.err
	}
	c := p.c
	e := idx.byKey[string(act)+"\x00"+string(c)]
	if e == nil {
		return nil, fmt.Sprintf("activity %q does not record data category %q", act, c)
	}
	if len(idx.alias) < maxAliases {
		idx.alias[string(key)] = e
	}
	return e, ""
}

// listSome lists up to n items, and how many more there are.
func listSome(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(items[:n], ", "), len(items)-n)
}

// dueCounts counts what streamDue read.
type dueCounts struct {
	records int // data rows, good or bad (not the header)
	due     int // rows written
	noEnd   int // rows under a rule with no fixed end
	bad     int // rows reported as bad
}

// errWrite wraps an error writing the output.
var errWrite = errors.New("writing output")

// dueHeader is the header row of retention due's output.
const dueHeader = "activity,category,trigger,due,action\n"

// streamDue reads records (activity,category,trigger[,conditions]) from r
// and writes to w, as CSV with a header row, those whose retention action
// falls due on or before asOf under the rules idx holds. It calls bad for
// each row it cannot use, with the row's line and the reason, and goes on.
// It returns the counts and an error only when r cannot be read (or w
// written, wrapping errWrite). It holds one record at a time, and
// allocates nothing for a good row in the common case.
func streamDue(r io.Reader, w io.Writer, idx *retentionIndex, asOf time.Time, bad func(line int, reason string)) (dueCounts, error) {
	var n dueCounts
	if _, err := io.WriteString(w, dueHeader); err != nil {
		return n, fmt.Errorf("%w: %w", errWrite, err)
	}
	cr := newCSVReader(r, 64<<10)
	var (
		key   []byte
		out   []byte
		conds []string
		on    = map[retention.Trigger]time.Time{}
		first = true
	)
	report := func(line int, reason string) {
		n.bad++
		bad(line, reason)
	}
	for {
		fields, line, err := cr.read()
		if err == io.EOF {
			return n, nil
		}
		if pe, ok := errors.AsType[*csv.ParseError](err); ok {
			first = false
			n.records++
			if pe.Line != pe.StartLine {
				report(pe.StartLine, fmt.Sprintf("line %d, column %d: %v", pe.Line, pe.Column, pe.Err))
			} else {
				report(pe.StartLine, fmt.Sprintf("column %d: %v", pe.Column, pe.Err))
			}
			continue
		}
		if err != nil {
			return n, err
		}
		if first {
			first = false
			if len(fields) >= 3 && isHeader(idx, trimSpace(fields[0]), trimSpace(fields[2])) {
				continue
			}
		}
		n.records++
		if len(fields) != 3 && len(fields) != 4 {
			report(line, fmt.Sprintf("want 3 or 4 fields (activity,category,trigger[,conditions]), got %d", len(fields)))
			continue
		}
		act, cat, day := trimSpace(fields[0]), trimSpace(fields[1]), trimSpace(fields[2])
		key = append(append(append(key[:0], act...), 0), cat...)
		e, why := idx.lookup(key, act, cat)
		if e == nil {
			report(line, why)
			continue
		}
		from, ok := parseYMD(day)
		if !ok {
			if _, err := time.Parse(time.DateOnly, string(day)); err != nil && strings.Contains(err.Error(), "out of range") {
				report(line, fmt.Sprintf("trigger date %q: no such day", day))
			} else {
				report(line, fmt.Sprintf("trigger date %q: want a date written YYYY-MM-DD", day))
			}
			continue
		}
		if e.rules == nil {
			why := fmt.Sprintf("no retention rule for data category %q of activity %q", e.category, e.activity)
			if e.schedule {
				why += " (only a free-text schedule)"
			}
			report(line, why)
			continue
		}
		conds = conds[:0]
		if len(fields) == 4 {
			var why string
			if conds, why = matchConditions(conds, fields[3], e); why != "" {
				report(line, why)
				continue
			}
		}
		// The record gives one date: that of the event its rules run from.
		clear(on)
		for _, t := range e.triggers {
			on[t] = from
		}
		d, err := e.rules.Due(on, conds...)
		if err != nil {
			report(line, err.Error())
			continue
		}
		if !d.Fixed {
			n.noEnd++
			continue
		}
		due, action := d.Date, d.Action.String()
		if due.After(asOf) {
			continue
		}
		n.due++
		out = append(out[:0], e.csv...)
		out = append(out, day...)
		out = append(out, ',')
		out = appendYMD(out, due)
		out = append(out, ',')
		out = append(out, action...)
		out = append(out, '\n')
		if _, err := w.Write(out); err != nil {
			return n, fmt.Errorf("%w: %w", errWrite, err)
		}
	}
}

// isHeader reports whether the first row, with activity and trigger
// fields act and day, is a header: its trigger field is text with no
// digit, and its activity is not one of the register's.
func isHeader(idx *retentionIndex, act, day []byte) bool {
	return len(day) > 0 && !bytes.ContainsAny(day, "0123456789") && idx.activities[string(act)] == nil
}

// matchConditions appends to dst the conditions of the field f
// (semicolon-separated; case and surrounding space ignored), spelt as the
// rules of e spell them. It returns the reason for a condition none of
// them knows.
func matchConditions(dst []string, f []byte, e *retEntry) ([]string, string) {
	for len(f) > 0 {
		var c []byte
		if i := bytes.IndexByte(f, ';'); i >= 0 {
			c, f = f[:i], f[i+1:]
		} else {
			c, f = f, nil
		}
		c = trimSpace(c)
		if len(c) == 0 {
			continue
		}
		known := ""
		for _, k := range e.conds { // without converting c, which would allocate
			if bytes.EqualFold(c, []byte(k)) {
				known = k
				break
			}
		}
		if known == "" {
			_, err := e.rules.Condition(string(c))
			return dst, err.Error()
		}
		if !slices.Contains(dst, known) {
			dst = append(dst, known)
		}
	}
	return dst, ""
}

// trimSpace trims ASCII spaces and tabs.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// parseYMD reads a date written YYYY-MM-DD as midnight UTC, checking that
// the day exists, without allocating.
func parseYMD(b []byte) (time.Time, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return time.Time{}, false
	}
	num := func(b []byte) (int, bool) {
		n := 0
		for _, c := range b {
			if c < '0' || c > '9' {
				return 0, false
			}
			n = n*10 + int(c-'0')
		}
		return n, true
	}
	y, ok1 := num(b[:4])
	m, ok2 := num(b[5:7])
	d, ok3 := num(b[8:])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // no such day: time.Date moved it into the next month
		return time.Time{}, false
	}
	return t, true
}

// appendYMD appends t's date written YYYY-MM-DD.
func appendYMD(dst []byte, t time.Time) []byte {
	y, m, d := t.Date()
	if y >= 0 && y <= 9999 {
		dst = append(dst, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	} else {
		dst = strconv.AppendInt(dst, int64(y), 10)
	}
	return append(dst, '-', byte('0'+m/10), byte('0'+m%10), '-', byte('0'+d/10), byte('0'+d%10))
}

// appendCSVField appends f as a CSV field, quoted where it must be. Unless
// raw is set, a field beginning with =, +, -, @, tab or carriage return
// gets a leading apostrophe, so that a spreadsheet shows it as text rather
// than running it as a formula (OWASP, "CSV Injection").
func appendCSVField(dst, f []byte, raw bool) []byte {
	if !raw && len(f) > 0 && bytes.IndexByte([]byte("=+-@\t\r"), f[0]) >= 0 {
		f = append([]byte{'\''}, f...)
	}
	if !bytes.ContainsAny(f, ",\"\r\n") && (len(f) == 0 || (f[0] != ' ' && f[0] != '\t')) {
		return append(dst, f...)
	}
	dst = append(dst, '"')
	for _, c := range f {
		if c == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, c)
	}
	return append(dst, '"')
}

// writeRetentionList writes the retention entries of reg: for each
// activity, each entry's categories, rule, sentence and the trigger dates
// due on or before at; then the categories no rule covers.
func writeRetentionList(w io.Writer, file string, reg *ropa.Register, at time.Time) error {
	var b strings.Builder
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	fmt.Fprintf(&b, "Retention rules of %s, due as of %s\n", clean(file), day(at))
	for i := range reg.Activities {
		a := &reg.Activities[i]
		fmt.Fprintf(&b, "\n%s: %s\n", clean(a.ID), clean(a.Name))
		if len(a.Retention) == 0 {
			b.WriteString("\n  no retention entries\n")
		}
		for _, r := range a.Retention {
			b.WriteString("\n")
			line := func(label, text string) { fmt.Fprintf(&b, "  %-10s %s\n", label, clean(text)) }
			if len(r.Categories) > 0 {
				line("covers", categoryList(r.Categories))
			} else {
				line("covers", "all its categories: "+categoryList(a.Categories()))
			}
			if r.Rule.IsZero() {
				line("rule", "none: a free-text schedule only")
			} else {
				line("rule", r.Rule.String())
				line("sentence", r.Rule.Sentence())
				line("due", dueSummary(r.Rule, at))
			}
			if r.Schedule != "" {
				line("schedule", r.Schedule)
			}
		}
		var none, scheduled []ropa.Category
		for _, c := range a.Categories() {
			rs := a.RetentionFor(c)
			switch {
			case len(rs) == 0:
				none = append(none, c)
			case !slices.ContainsFunc(rs, func(r ropa.Retention) bool { return !r.Rule.IsZero() }):
				scheduled = append(scheduled, c)
			}
		}
		if len(none) > 0 || len(scheduled) > 0 {
			b.WriteString("\n")
		}
		if len(none) > 0 {
			fmt.Fprintf(&b, "  no retention entry covers: %s\n", clean(categoryList(none)))
		}
		if len(scheduled) > 0 {
			fmt.Fprintf(&b, "  only a free-text schedule covers: %s\n", clean(categoryList(scheduled)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func categoryList(cs []ropa.Category) string {
	if len(cs) == 0 {
		return "none listed"
	}
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = string(c)
	}
	return strings.Join(s, ", ")
}

// dueSummary says for which trigger dates the rule's action is due on or
// before at, with each override condition.
func dueSummary(r retention.Rule, at time.Time) string {
	switch {
	case r.Indefinite:
		return "never by date: kept indefinitely"
	case r.Until != "":
		return "never by date: kept until " + string(r.Until)
	}
	trigger := "trigger"
	if r.From != "" {
		trigger = string(r.From)
	}
	cut := func(conds ...string) string {
		if t, ok := cutoff(r, at, conds...); ok {
			return "on or before " + t.Format(time.DateOnly)
		}
		return "none yet"
	}
	s := trigger + " " + cut()
	for _, o := range r.Overrides {
		s += "; " + o.Condition + ": " + cut(o.Condition)
	}
	return s
}

// cutoff returns the latest trigger date for which r falls due on or
// before at, with conds; false when there is none after year 1. Due dates
// never decrease as the trigger date moves on, so it is found by halving.
func cutoff(r retention.Rule, at time.Time, conds ...string) (time.Time, bool) {
	const day = 24 * 60 * 60
	due := func(n int64) (time.Time, bool) { // due date of trigger day n
		d, err := r.DueWith(time.Unix(n*day, 0).UTC(), conds...)
		return d, err == nil
	}
	ok := func(n int64) bool { d, fixed := due(n); return fixed && !d.After(at) }
	hi := at.Unix() / day // never ok: periods are not zero
	first := time.Date(1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() / day
	lo, step := hi, int64(366)
	for !ok(lo) {
		if lo == first {
			return time.Time{}, false
		}
		lo = max(lo-step, first)
		step *= 2
	}
	for hi-lo > 1 { // ok(lo), !ok(hi)
		mid := lo + (hi-lo)/2
		if ok(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return time.Unix(lo*day, 0).UTC(), true
}
