package ropa

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Who each fact is about. An activity often concerns several groups of
// people (job applicants and their referees, employees and their next of
// kin). Each purpose, data category, source, recipient, transfer,
// retention rule, automated decision and provision statement may name, in
// its Subjects, the groups it concerns; unscoped, it concerns every group
// of the activity. A name in Subjects that is not one of the activity's
// DataSubjects is an error ([Register.Validate], and [Decode] with its line
// and column). Outputs that speak to or about a group use the facts for
// that group ([Activity.For]), never the activity-wide union.

// concerns reports whether a fact scoped to scope concerns group g.
func concerns(scope []Subject, g Subject) bool {
	return len(scope) == 0 || slices.Contains(scope, g)
}

// Concerns reports whether the purpose concerns data subjects g.
func (p Purpose) Concerns(g Subject) bool { return concerns(p.Subjects, g) }

// Concerns reports whether the category concerns data subjects g.
func (c DataCategory) Concerns(g Subject) bool { return concerns(c.Subjects, g) }

// Concerns reports whether the source concerns data subjects g.
func (s Source) Concerns(g Subject) bool { return concerns(s.Subjects, g) }

// Concerns reports whether the recipient receives data about data subjects g.
func (r Recipient) Concerns(g Subject) bool { return concerns(r.Subjects, g) }

// Concerns reports whether the transfer carries data about data subjects g.
func (t Transfer) Concerns(g Subject) bool { return concerns(t.Subjects, g) }

// Concerns reports whether the retention rule covers data about data subjects g.
func (r Retention) Concerns(g Subject) bool { return concerns(r.Subjects, g) }

// Concerns reports whether the decisions concern data subjects g.
func (d Decision) Concerns(g Subject) bool { return concerns(d.Subjects, g) }

// Concerns reports whether the provision statement concerns data subjects g.
func (p Provision) Concerns(g Subject) bool { return concerns(p.Subjects, g) }

// Concerns reports whether the statement of none concerns data subjects g.
func (n None) Concerns(g Subject) bool { return concerns(n.Subjects, g) }

// Cat returns an unscoped data category entry.
func Cat(c Category) DataCategory { return DataCategory{Category: c} }

// Cats returns unscoped data category entries, one per category.
func Cats(cs ...Category) []DataCategory {
	out := make([]DataCategory, len(cs))
	for i, c := range cs {
		out[i] = DataCategory{Category: c}
	}
	return out
}

// shortText returns the scalar form of an unscoped entry.
func (c DataCategory) shortText() (string, bool) {
	return string(c.Category), len(c.Subjects) == 0
}

// setShortText reads the scalar form.
func (c *DataCategory) setShortText(s string) error {
	v, err := ParseCategory(s)
	if err != nil {
		return err
	}
	*c = DataCategory{Category: v}
	return nil
}

// MarshalJSON writes an unscoped category as its slug, a scoped one as an
// object.
func (c DataCategory) MarshalJSON() ([]byte, error) {
	if s, ok := c.shortText(); ok {
		return json.Marshal(s)
	}
	type plain DataCategory
	return json.Marshal(plain(c))
}

// UnmarshalJSON reads a slug or an object.
func (c *DataCategory) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return c.setShortText(s)
	}
	type plain DataCategory
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*c = DataCategory(p)
	return nil
}

// Fact is a kind of fact a privacy notice may deny, and a register may
// therefore state that there is none of.
type Fact string

// Facts a register may state there is none of.
const (
	// FactAutomated: no decisions based solely on automated processing,
	// including profiling (Art 13(2)(f), 14(2)(g)).
	FactAutomated Fact = "automated-decisions"
	// FactTransfers: no transfers outside the UK or the EEA (Art 13(1)(f), 14(1)(f)).
	FactTransfers Fact = "transfers"
	// FactRecipients: no recipients outside the organisation (Art 13(1)(e), 14(1)(e)).
	FactRecipients Fact = "recipients"
	// FactOtherSources: no data from anyone but the people themselves (Art 14(2)(f)).
	FactOtherSources Fact = "other-sources"
)

var facts = []string{string(FactAutomated), string(FactTransfers), string(FactRecipients), string(FactOtherSources)}

// Facts returns the facts a register may state there is none of.
func Facts() []Fact {
	out := make([]Fact, len(facts))
	for i, f := range facts {
		out[i] = Fact(f)
	}
	return out
}

// Valid reports whether f is a known fact.
func (f Fact) Valid() bool { return slices.Contains(facts, string(f)) }

// UnmarshalText accepts the facts' slugs.
func (f *Fact) UnmarshalText(b []byte) error {
	v, err := parseEnum("fact", string(b), facts)
	*f = Fact(v)
	return err
}

func (n None) shortText() (string, bool) { return string(n.Fact), len(n.Subjects) == 0 }

func (n *None) setShortText(s string) error {
	var f Fact
	if err := f.UnmarshalText([]byte(s)); err != nil {
		return err
	}
	*n = None{Fact: f}
	return nil
}

// MarshalJSON writes an unscoped statement as the fact's slug.
func (n None) MarshalJSON() ([]byte, error) {
	if s, ok := n.shortText(); ok {
		return json.Marshal(s)
	}
	type plain None
	return json.Marshal(plain(n))
}

// UnmarshalJSON reads a slug or an object.
func (n *None) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		return n.setShortText(s)
	}
	type plain None
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*n = None(p)
	return nil
}

// shorthand is a struct type that YAML and JSON may write as one scalar.
type shorthand interface {
	shortText() (string, bool)
}

type shorthandSetter interface {
	setShortText(string) error
}

// Status says what a register records of a fact for a group of people.
type Status uint8

// Statuses.
const (
	// NotRecorded: the register neither lists the fact nor states there
	// is none. An output may not deny it, and says nothing.
	NotRecorded Status = iota
	// StatedNone: the register states there is none. Only this status
	// may become "we do not ...".
	StatedNone
	// Stated: the register lists the fact.
	Stated
)

// String returns "not recorded", "none" or "stated".
func (s Status) String() string {
	switch s {
	case StatedNone:
		return "none"
	case Stated:
		return "stated"
	}
	return "not recorded"
}

// Status says what the activity records of fact f for data subjects g.
// For [FactOtherSources] only sources other than the people themselves
// count as stated; for [FactRecipients] only recipients outside the
// organisation; for [FactAutomated] only decisions based solely on
// automated processing or profiling.
func (a *Activity) Status(f Fact, g Subject) Status {
	if a.stated(f, g) {
		return Stated
	}
	for _, n := range a.None {
		if n.Fact == f && n.Concerns(g) {
			return StatedNone
		}
	}
	return NotRecorded
}

// stated reports whether the activity lists fact f for group g (whatever
// it states as none).
func (a *Activity) stated(f Fact, g Subject) bool {
	stated := false
	switch f {
	case FactAutomated:
		for _, d := range a.Automated {
			stated = stated || (d.Concerns(g) && (d.Solely || d.Profiling))
		}
	case FactTransfers:
		for _, t := range a.Transfers {
			stated = stated || t.Concerns(g)
		}
	case FactRecipients:
		for _, r := range a.Recipients {
			stated = stated || (r.Concerns(g) && r.Kind != Internal)
		}
	case FactOtherSources:
		for _, s := range a.Sources {
			stated = stated || (s.Concerns(g) && s.Kind.Indirect())
		}
	}
	return stated
}

// StatedNone reports whether the activity states there is none of f for
// every one of its data subjects.
func (a *Activity) StatedNone(f Fact) bool {
	if len(a.DataSubjects) == 0 {
		for _, n := range a.None {
			if n.Fact == f && len(n.Subjects) == 0 {
				return true
			}
		}
		return false
	}
	for _, g := range a.DataSubjects {
		if a.Status(f, g) != StatedNone {
			return false
		}
	}
	return true
}

// Group is what one activity records about one group of its data
// subjects: the facts scoped to that group or unscoped. Each list keeps
// the order of the activity's, and Index gives each entry's position
// there, for field paths such as "activities[2].purposes[0]".
type Group struct {
	Activity   *Activity
	Subject    Subject
	Purposes   []Purpose
	Categories []Category
	Sources    []Source
	Recipients []Recipient
	Transfers  []Transfer
	Retention  []Retention
	Automated  []Decision
	// Provision is the provision statement, if it concerns the group.
	Provision Provision
	// Index maps each list's entries to their indexes in the activity:
	// Index.Purposes[i] is the index of Purposes[i] in Activity.Purposes.
	Index GroupIndex
}

// GroupIndex holds, for each list of a [Group], the indexes of its entries
// in the activity's own lists.
type GroupIndex struct {
	Purposes, Categories, Sources, Recipients, Transfers, Retention, Automated []int
}

// pick appends to out the entries of in that concern g, and their indexes to idx.
func pick[T any](in []T, g Subject, ok func(T, Subject) bool) (out []T, idx []int) {
	for i, v := range in {
		if ok(v, g) {
			out = append(out, v)
			idx = append(idx, i)
		}
	}
	return out, idx
}

// For returns what the activity records about data subjects g. For a g
// that is not one of the activity's data subjects it returns a Group
// holding only the unscoped facts (as for any group); check
// [Activity.Has] first where that matters.
func (a *Activity) For(g Subject) Group {
	gr := Group{Activity: a, Subject: g}
	gr.Purposes, gr.Index.Purposes = pick(a.Purposes, g, Purpose.Concerns)
	var cats []DataCategory
	cats, gr.Index.Categories = pick(a.DataCategories, g, DataCategory.Concerns)
	for _, c := range cats {
		gr.Categories = append(gr.Categories, c.Category)
	}
	gr.Sources, gr.Index.Sources = pick(a.Sources, g, Source.Concerns)
	gr.Recipients, gr.Index.Recipients = pick(a.Recipients, g, Recipient.Concerns)
	gr.Transfers, gr.Index.Transfers = pick(a.Transfers, g, Transfer.Concerns)
	gr.Retention, gr.Index.Retention = pick(a.Retention, g, Retention.Concerns)
	gr.Automated, gr.Index.Automated = pick(a.Automated, g, Decision.Concerns)
	if a.Provision.Concerns(g) {
		gr.Provision = a.Provision
	}
	return gr
}

// Has reports whether g is one of the activity's data subjects.
func (a *Activity) Has(g Subject) bool { return slices.Contains(a.DataSubjects, g) }

// Categories returns the activity's data categories, for whichever groups.
func (a *Activity) Categories() []Category {
	out := make([]Category, len(a.DataCategories))
	for i, c := range a.DataCategories {
		out[i] = c.Category
	}
	return out
}

// HasCategory reports whether the activity holds category c for any group.
func (a *Activity) HasCategory(c Category) bool {
	for _, d := range a.DataCategories {
		if d.Category == c {
			return true
		}
	}
	return false
}

// Status says what the group's activity records of fact f for the group.
func (gr Group) Status(f Fact) Status { return gr.Activity.Status(f, gr.Subject) }

// Groups returns every group of data subjects the register's activities
// name, in the order they first appear.
func (r *Register) Groups() []Subject {
	var out []Subject
	for i := range r.Activities {
		for _, g := range r.Activities[i].DataSubjects {
			if !slices.Contains(out, g) {
				out = append(out, g)
			}
		}
	}
	return out
}

// For returns what each activity concerning data subjects g records about
// them, in the order of the activities.
func (r *Register) For(g Subject) []Group {
	var out []Group
	for i := range r.Activities {
		a := &r.Activities[i]
		if a.Has(g) {
			out = append(out, a.For(g))
		}
	}
	return out
}

// scopeProblem is a reference that does not resolve: a group in a scope
// that is not one of the activity's data subjects, a transfer naming a
// recipient the activity does not list, or a fact both stated and denied
// for one group.
type scopeProblem struct {
	path string
	msg  string
}

func subjectList(ss []Subject) string {
	if len(ss) == 0 {
		return "none"
	}
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = string(s)
	}
	return strings.Join(parts, ", ")
}

// scopeProblems lists the references of the register that do not resolve,
// in file order.
func scopeProblems(r *Register) []scopeProblem {
	var out []scopeProblem
	for i := range r.Activities {
		a := &r.Activities[i]
		ap := "activities[" + strconv.Itoa(i) + "]"
		check := func(field string, j int, scope []Subject) {
			for k, g := range scope {
				if !a.Has(g) {
					out = append(out, scopeProblem{
						path: ap + "." + field + "[" + strconv.Itoa(j) + "].subjects[" + strconv.Itoa(k) + "]",
						msg:  fmt.Sprintf("%q is not one of this activity's dataSubjects (%s)", g, subjectList(a.DataSubjects)),
					})
				}
			}
		}
		for j, p := range a.Purposes {
			check("purposes", j, p.Subjects)
		}
		for j, c := range a.DataCategories {
			check("dataCategories", j, c.Subjects)
		}
		for j, s := range a.Sources {
			check("sources", j, s.Subjects)
		}
		for j, v := range a.Recipients {
			check("recipients", j, v.Subjects)
		}
		for j, t := range a.Transfers {
			check("transfers", j, t.Subjects)
			if t.Recipient != "" && !slices.ContainsFunc(a.Recipients, func(v Recipient) bool { return v.Name == t.Recipient }) {
				names := make([]string, len(a.Recipients))
				for k, v := range a.Recipients {
					names[k] = strconv.Quote(v.Name)
				}
				list := "the activity lists no recipients"
				if len(names) > 0 {
					list = "the activity's recipients are " + strings.Join(names, ", ")
				}
				out = append(out, scopeProblem{
					path: ap + ".transfers[" + strconv.Itoa(j) + "].recipient",
					msg:  fmt.Sprintf("%q is not the name of one of this activity's recipients (%s)", t.Recipient, list),
				})
			}
		}
		for j, v := range a.Retention {
			check("retention", j, v.Subjects)
		}
		for j, d := range a.Automated {
			check("automated", j, d.Subjects)
		}
		for k, g := range a.Provision.Subjects {
			if !a.Has(g) {
				out = append(out, scopeProblem{
					path: ap + ".provision.subjects[" + strconv.Itoa(k) + "]",
					msg:  fmt.Sprintf("%q is not one of this activity's dataSubjects (%s)", g, subjectList(a.DataSubjects)),
				})
			}
		}
		for j, n := range a.None {
			check("none", j, n.Subjects)
			groups := n.Subjects
			if len(groups) == 0 {
				groups = a.DataSubjects
			}
			for _, g := range groups {
				if !a.Has(g) {
					continue
				}
				if a.stated(n.Fact, g) {
					out = append(out, scopeProblem{
						path: ap + ".none[" + strconv.Itoa(j) + "]",
						msg:  fmt.Sprintf("the activity states no %s for %s but lists some for them; remove one, or scope them with subjects", n.Fact, g),
					})
					break
				}
			}
		}
	}
	return out
}
