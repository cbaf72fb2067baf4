package ropa

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/parse"
	"github.com/article30/article30/retention"
)

// ErrNoRetentionRule is returned, wrapped, by [Register.Due] and
// [Activity.RetentionRules] when no structured retention rule covers a data
// category the activity records.
var ErrNoRetentionRule = errors.New("ropa: no retention rule covers the data category")

// Record is a record whose due date the register decides: which activity
// and data category it belongs to, the dates of the events its rules run
// from, and the override conditions that hold for it.
type Record struct {
	Activity string   // the ID of one of the register's activities
	Category Category // a data category the activity records
	// Triggers are the dates of the events the rules run from, such as
	// retention.TerminationOfEmployment for "P6Y from
	// termination-of-employment".
	Triggers map[retention.Trigger]time.Time
	// Conditions are the override conditions that hold, spelt as the
	// register's rules spell them ("sponsored-visa").
	Conditions []string
}

// Due is when a record falls due, and the rule that decided it.
type Due struct {
	// Date is the day the action falls due; zero when Fixed is false.
	Date time.Time
	// Fixed is false when a rule covering the record has no fixed end
	// (until an event, or indefinite): the record is never due by date.
	Fixed bool
	// Action is what happens on Date: the deciding rule's action, Delete
	// where it states none.
	Action retention.Action
	// Rule is the rule that decided: the one giving the latest date, or
	// the one with no fixed end.
	Rule retention.Rule
	// Entry is the index of that rule's entry in the activity's Retention.
	Entry int
}

// RetentionRules are the structured retention rules that cover one data
// category of one activity: what [Register.Due] applies. Build them once
// with [Activity.RetentionRules] and call [RetentionRules.Due] for each
// record, which does not allocate unless it fails.
type RetentionRules struct {
	Activity string
	Category Category
	Rules    []retention.Rule
	// Entries are the indexes in the activity's Retention of Rules.
	Entries []int
	// ScheduleOnly is true when an entry with only a free-text schedule
	// covers the category too.
	ScheduleOnly bool
	conds        []string // the conditions the rules know
	declared     []string // the conditions the register (or activity) declares
	triggers     []retention.Trigger
}

// RetentionRules returns the rules that cover category c. c must be one of
// the activity's categories or named by one of its retention entries (else
// a [*parse.Error] suggesting the nearest), and a structured rule must cover
// it (else an error wrapping [ErrNoRetentionRule]).
func (a *Activity) RetentionRules(c Category) (*RetentionRules, error) {
	rs := &RetentionRules{Activity: a.ID, Category: c}
	named := a.HasCategory(c)
	for i, r := range a.Retention {
		if len(r.Categories) > 0 && !slices.Contains(r.Categories, c) {
			continue
		}
		if len(r.Categories) == 0 && !named {
			continue
		}
		named = true
		if r.Rule.IsZero() {
			rs.ScheduleOnly = rs.ScheduleOnly || r.Schedule != ""
			continue
		}
		rs.Rules = append(rs.Rules, r.Rule)
		rs.Entries = append(rs.Entries, i)
		for _, o := range r.Rule.Overrides {
			if !slices.Contains(rs.conds, o.Condition) {
				rs.conds = append(rs.conds, o.Condition)
			}
		}
		if !slices.Contains(rs.triggers, r.Rule.From) { // "" for a rule that names no event
			rs.triggers = append(rs.triggers, r.Rule.From)
		}
	}
	if !named {
		var known []string
		for _, k := range a.Categories() {
			known = append(known, string(k))
		}
		return nil, fmt.Errorf("activity %q: %w", a.ID, closedSetError("data category of the activity", string(c), known))
	}
	if len(rs.Rules) == 0 {
		why := ""
		if rs.ScheduleOnly {
			why = " (only a free-text schedule)"
		}
		return nil, fmt.Errorf("activity %q, data category %q: %w%s", a.ID, c, ErrNoRetentionRule, why)
	}
	slices.Sort(rs.conds)
	rs.declared = a.Conditions()
	return rs, nil
}

// Conditions returns the override conditions the activity's retention
// rules declare, sorted.
func (a *Activity) Conditions() []string {
	var out []string
	for _, r := range a.Retention {
		for _, o := range r.Rule.Overrides {
			if !slices.Contains(out, o.Condition) {
				out = append(out, o.Condition)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Conditions returns the override conditions the register's retention
// rules declare, sorted: the conditions a record may hold. Any other is a
// misspelling.
func (reg *Register) Conditions() []string {
	var out []string
	for i := range reg.Activities {
		for _, c := range reg.Activities[i].Conditions() {
			if !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Conditions returns the override conditions a record may hold: those the
// register declares when the rules came from [Register.RetentionRules],
// the activity's when from [Activity.RetentionRules]; sorted. A declared
// condition that none of these rules names changes nothing.
func (rs *RetentionRules) Conditions() []string { return slices.Clone(rs.declared) }

// Triggers returns the events the rules run from, in order.
func (rs *RetentionRules) Triggers() []retention.Trigger { return slices.Clone(rs.triggers) }

// Condition returns the declared spelling of condition c, matched ignoring
// case, or a [*parse.Error] suggesting the nearest.
func (rs *RetentionRules) Condition(c string) (string, error) {
	for _, k := range rs.declared {
		if k == c {
			return k, nil
		}
	}
	for _, k := range rs.declared {
		if equalFold(k, c) {
			return k, nil
		}
	}
	return "", rs.conditionError(c)
}

func (rs *RetentionRules) conditionError(c string) error {
	return fmt.Errorf("activity %q, data category %q: %w", rs.Activity, rs.Category, retention.ConditionError(c, rs.declared))
}

// Due applies the rules to a record whose trigger events happened on the
// dates of on and for which conditions hold. Where several rules cover the
// category, the record is kept for the longest of them; where one has no
// fixed end, it is never due by date (Fixed false). A condition that is
// not declared (see [RetentionRules.Conditions]), or a date for an event none of them runs from, is a
// [*parse.Error]; a rule whose event has no date is an error naming it.
func (rs *RetentionRules) Due(on map[retention.Trigger]time.Time, conditions ...string) (Due, error) {
	for _, c := range conditions {
		if !slices.Contains(rs.declared, c) {
			return Due{}, rs.conditionError(c)
		}
	}
	for t := range on {
		if !slices.Contains(rs.triggers, t) {
			known := make([]string, len(rs.triggers))
			for i, k := range rs.triggers {
				known[i] = string(k)
			}
			return Due{}, fmt.Errorf("activity %q, data category %q: %w", rs.Activity, rs.Category, closedSetError("retention trigger", string(t), known))
		}
	}
	var d Due
	for i, r := range rs.Rules {
		if r.Until != "" || r.Indefinite {
			return Due{Rule: r, Entry: rs.Entries[i], Action: action(r)}, nil
		}
	}
	for i, r := range rs.Rules {
		from, ok := on[r.From]
		if !ok {
			return Due{}, fmt.Errorf("activity %q, data category %q: rule %q runs from %s, but no date was given for it", rs.Activity, rs.Category, r, r.From)
		}
		// The rule's own overrides that hold: the latest date wins, as
		// in retention.Rule.DueWith.
		date, err := r.DueWith(from)
		if err != nil {
			return Due{}, fmt.Errorf("activity %q, data category %q: rule %q: %w", rs.Activity, rs.Category, r, err)
		}
		overridden := false
		for _, o := range r.Overrides {
			if !slices.Contains(conditions, o.Condition) {
				continue
			}
			if od, err := r.DueWith(from, o.Condition); err == nil && (!overridden || od.After(date)) {
				date, overridden = od, true
			}
		}
		if !d.Fixed || date.After(d.Date) {
			d = Due{Date: date, Fixed: true, Action: action(r), Rule: r, Entry: rs.Entries[i]}
		}
	}
	return d, nil
}

func action(r retention.Rule) retention.Action {
	if r.Action == retention.Unspecified {
		return retention.Delete
	}
	return r.Action
}

// RetentionRules returns the rules that cover category c of the activity
// with the given ID; an unknown ID is a [*parse.Error] suggesting the
// nearest.
func (reg *Register) RetentionRules(activity string, c Category) (*RetentionRules, error) {
	a, err := reg.Activity(activity)
	if err != nil {
		return nil, err
	}
	rs, err := a.RetentionRules(c)
	if err != nil {
		return nil, err
	}
	rs.declared = reg.Conditions()
	return rs, nil
}

// Activity returns the activity with the given ID; an unknown ID is a
// [*parse.Error] suggesting the nearest.
func (reg *Register) Activity(id string) (*Activity, error) {
	for i := range reg.Activities {
		if reg.Activities[i].ID == id {
			return &reg.Activities[i], nil
		}
	}
	ids := make([]string, len(reg.Activities))
	for i, a := range reg.Activities {
		ids[i] = a.ID
	}
	return nil, closedSetError("activity", id, ids)
}

// Due answers "when is this record due?" from the register: the rules
// covering the record's data category in its activity, applied to its
// trigger dates and the conditions that hold (see [RetentionRules.Due]).
// An unknown activity, category, trigger or condition is an error, with a
// suggestion, never a shorter date.
func (reg *Register) Due(r Record) (Due, error) {
	rs, err := reg.RetentionRules(r.Activity, r.Category)
	if err != nil {
		return Due{}, err
	}
	return rs.Due(r.Triggers, r.Conditions...)
}

// closedSetError is the [*parse.Error] for s, which is none of known.
func closedSetError(kind, s string, known []string) error {
	err := enum.Of(kind, known).Err(s)
	if pe, ok := err.(*parse.Error); ok && len(pe.Accepted) == 0 {
		pe.Hint = "there are none"
	}
	return err
}

// equalFold reports whether a and b are equal ignoring ASCII case.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
