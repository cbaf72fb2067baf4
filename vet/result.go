package vet

import (
	"go/token"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// Rule IDs of the diagnostics. Each diagnostic's message ends with its
// citation, where the law is the reason, and its ID in brackets.
const (
	// UndeclaredCategory: a field's data category is not declared for
	// its activity, or not for all the groups of people its type is about.
	UndeclaredCategory = "undeclared-category"
	// SpecialWithoutCondition: special category data in an activity that
	// records no Art 9(2) condition, or (UK) a condition that needs a DPA
	// 2018 Schedule 1 condition without one.
	SpecialWithoutCondition = "special-without-condition"
	// CriminalWithoutAuthority: criminal offence data in an activity with
	// no Art 10 authority (UK: a Schedule 1 condition, DPA 2018 s10(5)).
	CriminalWithoutAuthority = "criminal-without-authority"
	// UntaggedPersonalData: a field of an annotated struct whose name or
	// type looks like personal data carries no article30 tag.
	UntaggedPersonalData = "untagged-personal-data"
	// UndeclaredRecipient: a value about people reaches a recipient that
	// its activity does not declare for them.
	UndeclaredRecipient = "undeclared-recipient"
	// UndeclaredTransfer: a value about people reaches a transfer that its
	// activity does not declare for them.
	UndeclaredTransfer = "undeclared-transfer"
	// UnusedDeclaration: the register declares a category, recipient or
	// transfer for an activity that no code of the program holds (only
	// with -unused).
	UnusedDeclaration = "unused-declaration"
	// UnknownActivity: an annotation names an activity the register lacks.
	UnknownActivity = "unknown-activity"
	// UnknownSubject: an annotation names a group of people that is not a
	// data subject of the catalogue, or not one of the activity's.
	UnknownSubject = "unknown-subject"
	// UnknownCategory: a field tag is not a catalogue category or a
	// custom entry.
	UnknownCategory = "unknown-category"
	// UnknownRecipient: a recipient or transfer directive names a
	// recipient that no activity of the register lists.
	UnknownRecipient = "unknown-recipient"
	// BadAnnotation: a directive or tag that cannot be read, or one in a
	// place where it means nothing.
	BadAnnotation = "bad-annotation"
	// NoRegister: a package holds annotations but no register was found.
	NoRegister = "no-register"
)

// Rule describes one diagnostic: its ID, its severity for the command
// line, what it means, and the article it cites (empty when the reason is
// not a provision of law).
type Rule struct {
	ID       string
	Severity ropa.Severity
	Summary  string
	// Article is cited with the regime's prefix, as ropa's rules are.
	Article string
}

// Cite returns the rule's citation under the regime, or "".
func (r Rule) Cite(reg lawfulbasis.Regime) string {
	if r.Article == "" {
		return ""
	}
	if !reg.Valid() {
		reg = lawfulbasis.UK
	}
	return reg.Cite(r.Article)
}

var rules = []Rule{
	{UndeclaredCategory, ropa.Error, "A field's data category is declared in the register for its activity and for each group of people its type is about.", "30(1)(c)"},
	{SpecialWithoutCondition, ropa.Error, "Special category data are held only in an activity that records an Art 9(2) condition (UK: with its DPA 2018 Schedule 1 condition where one is needed).", "9(2)"},
	{CriminalWithoutAuthority, ropa.Error, "Criminal offence data are held only in an activity that records Art 10 authority (UK: a DPA 2018 Schedule 1 condition, s10(5)).", "10"},
	{UntaggedPersonalData, ropa.Warning, "A field of an annotated struct whose name or type looks like personal data carries an article30 tag: its category, or - for data that are not personal.", "30(1)(c)"},
	{UndeclaredRecipient, ropa.Error, "A value about people reaches only recipients that its activity declares for them.", "30(1)(d)"},
	{UndeclaredTransfer, ropa.Error, "A value about people reaches only international transfers that its activity declares for them.", "30(1)(e)"},
	{UnusedDeclaration, ropa.Info, "Each category, recipient and transfer the register declares for an activity is held or reached by some annotated code of the program.", ""},
	{UnknownActivity, ropa.Error, "An activity directive names an activity of the register.", ""},
	{UnknownSubject, ropa.Error, "The subjects of an activity directive are data subjects of that activity.", ""},
	{UnknownCategory, ropa.Error, "A field tag is a catalogue data category or a custom entry.", ""},
	{UnknownRecipient, ropa.Error, "A recipient or transfer directive names a recipient some activity of the register lists.", ""},
	{BadAnnotation, ropa.Error, "Directives and tags are well formed and placed where they mean something.", ""},
	{NoRegister, ropa.Error, "A package with annotations finds its register: -register, or a register file by convention.", ""},
}

// Rules returns the diagnostics' rules, in a fixed order.
func Rules() []Rule { return append([]Rule(nil), rules...) }

// rule returns the rule with the ID.
func rule(id string) Rule {
	for _, r := range rules {
		if r.ID == id {
			return r
		}
	}
	return Rule{ID: id, Severity: ropa.Error}
}

// Finding is one diagnostic as the command line reports it.
type Finding struct {
	Rule     string
	Severity ropa.Severity
	Pos      token.Position // in a Go file; for unused-declaration, in the register file
	Activity string         // the activity it is about, if any
	Message  string         // without the citation and ID
	Citation string
	// Path is the field path in the register that the finding is about,
	// or that an addition goes under ("activities[0].dataCategories").
	Path string
	// Addition is the register entry that would resolve the finding, if
	// one would.
	Addition *Addition
}

// Addition is an entry to add to an activity of the register: a data
// category, a recipient, or a transfer (with its recipient, when the
// activity does not list that either).
type Addition struct {
	Activity  string
	Category  *ropa.DataCategory
	Recipient *ropa.Recipient
	Transfer  *ropa.Transfer
}

// Holding is something the code of a package holds or does for an
// activity: a data category in a field, or a value reaching a recipient or
// a transfer. The command line's --draft and unused-declaration read
// them.
type Holding struct {
	Activity  string
	Subjects  []ropa.Subject // the groups the type is about; empty for all the activity's
	Category  ropa.Category  // for a field
	Recipient string         // the recipient reached: the register's name where it lists it
	Country   string         // for a transfer
	Pos       token.Position
}

// key identifies what a holding is about, for unused-declaration.
func (h Holding) key() string {
	switch {
	case h.Category != "":
		return "c\x00" + h.Activity + "\x00" + string(h.Category)
	case h.Country != "":
		return "t\x00" + h.Activity + "\x00" + h.Country
	case h.Recipient != "":
		return "r\x00" + h.Activity + "\x00" + h.Recipient
	}
	return "a\x00" + h.Activity
}

// Result is the analyzer's result for one package: its findings, what
// its code holds, and the register it was held against.
type Result struct {
	// RegisterFile is the register's file, or "" when there was none.
	RegisterFile string
	Findings     []Finding
	Holdings     []Holding
}
