package ropa

import (
	"bytes"
	"cmp"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/lawfulbasis"
)

// Severity grades a finding.
type Severity uint8

// Severities, least serious first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// severities reads a severity: index i is Severity(i).
var severities = enum.New("severity", "", []enum.Entry{
	Info:    {Slug: "info"},
	Warning: {Slug: "warning"},
	Error:   {Slug: "error"},
})

// UnmarshalText reads "info", "warning" or "error"; anything else is a
// [*parse.Error].
func (s *Severity) UnmarshalText(b []byte) error {
	i, err := severities.Lookup(string(b))
	if err == nil {
		*s = Severity(i)
	}
	return err
}

// Rule is a compliance rule: a stable ID, a severity, what it means, the
// law it cites, where and when it applies, and the check itself.
type Rule struct {
	ID       string
	Severity Severity
	// Summary says in one sentence what the rule checks, for the rule
	// catalogue.
	Summary string
	// Article is cited with the regime's prefix ("30(1)(b)" becomes "UK GDPR
	// Art 30(1)(b)" or "GDPR Art 30(1)(b)"); Citation, when set, is used as
	// it stands instead (e.g. "DPA 2018 s164A").
	Article  string
	Citation string
	// Renumbered lists the citations that replace Article or Citation for
	// a regime or a period, where the law the rule follows was renumbered
	// (the UK's Art 44 became Art 44A on 5 February 2026). The first entry
	// that covers the regime and date a finding is made at is used; see
	// [Rule.Cite].
	Renumbered []Renumbering
	// Regimes the rule applies under; empty means both.
	Regimes []lawfulbasis.Regime
	// From and Until bound the dates the rule applies at (Until exclusive);
	// zero means unbounded.
	From, Until time.Time
	// Check inspects the register and reports findings through c.
	Check func(c *Context)
}

// Renumbering is a citation of a rule that holds under a regime (zero:
// either) from From until Until (exclusive; zero: unbounded). Exactly one
// of Article and Citation is set, as for [Rule].
type Renumbering struct {
	Regime      lawfulbasis.Regime
	From, Until time.Time
	Article     string
	Citation    string
}

// covers reports whether the renumbering holds under reg on the day of at.
func (n Renumbering) covers(reg lawfulbasis.Regime, at time.Time) bool {
	d := civil(at)
	return (n.Regime == 0 || n.Regime == reg) &&
		(n.From.IsZero() || !d.Before(civil(n.From))) &&
		(n.Until.IsZero() || d.Before(civil(n.Until)))
}

// Cite returns the rule's citation under reg as the law stood on the day
// of at. The UK GDPR exists from the end of the implementation period
// (31 December 2020 at 11pm; [lawfulbasis.UKGDPRStart] is the first whole
// day): before 1 January 2021 the GDPR itself applied in the UK, with the
// Data Protection Act 2018 as originally enacted, so a finding under the
// UK regime dated before then cites "GDPR Art ...", not "UK GDPR Art ...".
func (r *Rule) Cite(reg lawfulbasis.Regime, at time.Time) string {
	if reg == lawfulbasis.UK && civil(at).Before(lawfulbasis.UKGDPRStart) {
		reg = lawfulbasis.EU
	}
	article, citation := r.Article, r.Citation
	for _, n := range r.Renumbered {
		if n.covers(reg, at) {
			article, citation = n.Article, n.Citation
			break
		}
	}
	if citation != "" {
		return citation
	}
	return reg.Cite(article)
}

// AppliesTo reports whether the rule applies under reg on the day of at.
func (r *Rule) AppliesTo(reg lawfulbasis.Regime, at time.Time) bool {
	if len(r.Regimes) > 0 && !slices.Contains(r.Regimes, reg) {
		return false
	}
	d := civil(at)
	if !r.From.IsZero() && d.Before(civil(r.From)) {
		return false
	}
	return r.Until.IsZero() || d.Before(civil(r.Until))
}

func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Finding is one result of a rule: what it is about (the path of the
// element and its activity) and what is wrong.
type Finding struct {
	Rule     string   `json:"rule"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"`
	Activity string   `json:"activity,omitempty"`
	Message  string   `json:"message"`
	Citation string   `json:"citation"`
	// File, Line and Column say where the finding is in a source file,
	// where a tool knows it: the register file for article30 validate,
	// the Go source for article30 vet. Check leaves them empty.
	File   string `json:"file,omitempty"`
	Line   int    `json:"line,omitempty"`
	Column int    `json:"column,omitempty"`
}

// Report is the outcome of [Check]: the findings sorted by path, rule and
// message, and their counts by severity.
//
// Its JSON is the one shape of findings the module writes (article30
// validate and vet --format json print a list of Reports), described by
// [ReportSchema]; AsOf is written as a date, "2026-12-06".
type Report struct {
	// File is the register file the report is about, where a tool knows
	// it; Check leaves it empty.
	File     string             `json:"file,omitempty"`
	Regime   lawfulbasis.Regime `json:"regime"`
	AsOf     time.Time          `json:"asOf"`
	Findings []Finding          `json:"findings"`
	Errors   int                `json:"errors"`
	Warnings int                `json:"warnings"`
	Infos    int                `json:"infos"`
}

// reportJSON is the JSON form of a Report: the date as YYYY-MM-DD.
type reportJSON struct {
	File     string    `json:"file,omitempty"`
	Regime   string    `json:"regime"` // "" for a register without a valid jurisdiction
	AsOf     string    `json:"asOf"`
	Findings []Finding `json:"findings"`
	Errors   int       `json:"errors"`
	Warnings int       `json:"warnings"`
	Infos    int       `json:"infos"`
}

// MarshalJSON writes the report with AsOf as a date ("2026-12-06"), and
// an empty list, not null, when there are no findings.
func (r Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{File: r.File, Findings: r.Findings, Errors: r.Errors, Warnings: r.Warnings, Infos: r.Infos}
	if r.Regime.Valid() {
		j.Regime = r.Regime.String()
	}
	if !r.AsOf.IsZero() {
		j.AsOf = r.AsOf.Format(time.DateOnly)
	}
	if j.Findings == nil {
		j.Findings = []Finding{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes; AsOf may also be an RFC
// 3339 time.
func (r *Report) UnmarshalJSON(b []byte) error {
	var j reportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Report{File: j.File, Findings: j.Findings, Errors: j.Errors, Warnings: j.Warnings, Infos: j.Infos}
	if j.Regime != "" {
		g, err := lawfulbasis.ParseRegime(j.Regime)
		if err != nil {
			return err
		}
		r.Regime = g
	}
	if j.AsOf == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, j.AsOf)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, j.AsOf); err != nil {
			return fmt.Errorf("ropa: report asOf %q is not a date (YYYY-MM-DD)", j.AsOf)
		}
	}
	r.AsOf = t
	return nil
}

// NewReport returns the report of findings already made, for a tool that
// gathers them from several checks (as article30 validate adds the
// structural problems of [Register.Validate]): the findings in the order
// given, counted by severity.
func NewReport(regime lawfulbasis.Regime, asOf time.Time, findings []Finding) Report {
	r := Report{Regime: regime, AsOf: asOf, Findings: findings}
	r.count()
	return r
}

// count sets the report's counts of findings by severity.
func (r *Report) count() {
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			r.Errors++
		case Warning:
			r.Warnings++
		default:
			r.Infos++
		}
	}
}

// ErrFindings is the sentinel under [Report.Err].
var ErrFindings = errors.New("ropa: register has error findings")

// Err returns nil when the report has no error findings, and otherwise an
// error wrapping [ErrFindings] that counts them.
func (r Report) Err() error {
	if r.Errors == 0 {
		return nil
	}
	return fmt.Errorf("%w: %d error(s), %d warning(s)", ErrFindings, r.Errors, r.Warnings)
}

// IDs returns the distinct rule IDs of the findings, sorted.
func (r Report) IDs() []string {
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.Rule)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Context is what a rule's Check sees: the register, the regime and date
// the law is applied at, and the settings of the run.
type Context struct {
	Register  *Register
	Regime    lawfulbasis.Regime
	At        time.Time
	Approvals lawfulbasis.Approvals
	// ConsentAge is the age of digital consent for information society
	// services (UK GDPR Art 8(1): 13; EU member states set 13 to 16).
	ConsentAge int

	rule     *Rule
	findings []Finding
	paths    []string // "activities[i]", built once per Check
}

// Report records a finding of the running rule at path (a field path such
// as "activities[0].purposes[1].basis", or "" for the register as a whole)
// about the activity with the given ID ("" for none), with the message as
// written: text from the register, which may hold "%", is safe in it.
func (c *Context) Report(path, activity, msg string) {
	c.findings = append(c.findings, Finding{
		Rule: c.rule.ID, Severity: c.rule.Severity, Path: path, Activity: activity,
		Message: msg, Citation: c.rule.Cite(c.Regime, c.At),
	})
}

// Reportf is [Context.Report] with the message formatted by
// [fmt.Sprintf]: pass text from the register as an argument ("%q"), never
// as the format.
func (c *Context) Reportf(path, activity, format string, args ...any) {
	c.Report(path, activity, fmt.Sprintf(format, args...))
}

// citeRegime is the regime whose text a finding cites: the GDPR for a
// finding under the UK regime dated before 1 January 2021 (see
// [Rule.Cite]).
func (c *Context) citeRegime() lawfulbasis.Regime {
	if c.Regime == lawfulbasis.UK && civil(c.At).Before(lawfulbasis.UKGDPRStart) {
		return lawfulbasis.EU
	}
	return c.Regime
}

// NoDateRule is the rule ID of the one finding [Check] reports when it is
// given the zero time as its day.
const NoDateRule = "date"

// Option configures [Check].
type Option func(*config)

type config struct {
	approvals  lawfulbasis.Approvals
	consentAge int
	extra      []Rule
	off        map[string]bool
	only       map[string]bool
}

// WithApprovals replaces the approved-country lists (for example with
// lawfulbasis.DefaultApprovals().WithoutDPF()).
func WithApprovals(a lawfulbasis.Approvals) Option { return func(c *config) { c.approvals = a } }

// WithConsentAge sets the age of digital consent (default 13, UK GDPR Art
// 8(1); the Secretary of State may set 13 to 16 under Art 8(2A)).
func WithConsentAge(age int) Option { return func(c *config) { c.consentAge = age } }

// WithRules adds rules of the caller's own to the catalogue.
func WithRules(rules ...Rule) Option { return func(c *config) { c.extra = append(c.extra, rules...) } }

// Without switches off the rules with these IDs.
func Without(ids ...string) Option {
	return func(c *config) {
		for _, id := range ids {
			c.off[id] = true
		}
	}
}

// Only runs just the rules with these IDs.
func Only(ids ...string) Option {
	return func(c *config) {
		if c.only == nil {
			c.only = map[string]bool{}
		}
		for _, id := range ids {
			c.only[id] = true
		}
	}
}

// Check applies the compliance rules to reg under its jurisdiction, as the
// law stood on the day of at, and returns the findings. Rules whose regime
// or dates do not cover that day are skipped. The day is required: Check
// never reads the clock, and the zero time is reported as one error finding
// of the rule [NoDateRule], with no rule run (the functions that return
// errors return [lawfulbasis.ErrNoDate] instead), so that a report for no day can never pass for a clean one.
// Check does not modify reg and is safe to call from several goroutines; a
// nil register is checked as an empty one.
func Check(reg *Register, at time.Time, opts ...Option) Report {
	if reg == nil {
		reg = &Register{}
	}
	if at.IsZero() {
		rep := Report{Regime: reg.Jurisdiction, Findings: []Finding{{
			Rule: NoDateRule, Severity: Error,
			Message: "No date was given to check the register at: the law applied depends on the day, so no rule was run.",
		}}}
		rep.count()
		return rep
	}
	cfg := config{consentAge: 13, off: map[string]bool{}}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.approvals == nil {
		cfg.approvals = defaultApprovals
	}
	c := &Context{Register: reg, Regime: reg.Jurisdiction, At: at, Approvals: cfg.approvals, ConsentAge: cfg.consentAge}
	run := func(r *Rule) {
		if cfg.off[r.ID] || (cfg.only != nil && !cfg.only[r.ID]) || !r.AppliesTo(c.Regime, c.At) || r.Check == nil {
			return
		}
		c.rule = r
		r.Check(c)
	}
	for i := range builtin {
		run(&builtin[i])
	}
	for i := range cfg.extra {
		run(&cfg.extra[i])
	}
	rep := Report{Regime: c.Regime, AsOf: civil(c.At), Findings: c.findings}
	if rep.Findings == nil {
		rep.Findings = []Finding{} // JSON: an empty list, not null
	}
	slices.SortFunc(rep.Findings, func(a, b Finding) int {
		return cmp.Or(comparePath(a.Path, b.Path), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Message, b.Message))
	})
	rep.count()
	return rep
}

var defaultApprovals = lawfulbasis.DefaultApprovals()

// comparePath orders paths so that activities[2] comes before
// activities[10].
func comparePath(a, b string) int {
	for a != "" && b != "" {
		ia, ib := strings.IndexAny(a, "0123456789"), strings.IndexAny(b, "0123456789")
		if ia < 0 || ib < 0 || a[:ia] != b[:ib] {
			return strings.Compare(a, b)
		}
		a, b = a[ia:], b[ib:]
		na, ra := leadingInt(a)
		nb, rb := leadingInt(b)
		if na != nb {
			return cmp.Compare(na, nb)
		}
		a, b = ra, rb
	}
	return strings.Compare(a, b)
}

func leadingInt(s string) (int, string) {
	n, i := 0, 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		n = n*10 + int(s[i]-'0')
		i++
	}
	return n, s[i:]
}

// Rules returns the built-in rule catalogue, in a stable order.
func Rules() []Rule { return slices.Clone(builtin) }

//go:embed report.schema.json
var reportSchema []byte

// ReportSchema returns the JSON Schema (draft 2020-12) of the findings
// JSON the module writes: a list of [Report]s, as article30 validate and
// vet print with --format json.
func ReportSchema() []byte { return bytes.Clone(reportSchema) }
