package parse_test

import (
	"encoding"
	"errors"
	"testing"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/parse"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// Every exported parser of a closed set in the module returns the one
// error type, so one errors.As catches them all, with the kind, the input
// and, where the text is close, a suggestion.
func TestEveryParserReturnsParseError(t *testing.T) {
	t.Parallel()
	fn := func(f func(string) error) func(string) error { return f }
	text := func(u encoding.TextUnmarshaler) func(string) error {
		return func(s string) error { return u.UnmarshalText([]byte(s)) }
	}
	tests := []struct {
		name, in, suggest string
		parse             func(string) error
	}{
		{"lawfulbasis.ParseBasis", "legit interests", "legitimate-interests", fn(func(s string) error { _, err := lawfulbasis.ParseBasis(s); return err })},
		{"lawfulbasis.ParseBasis typo", "consnet", "consent", fn(func(s string) error { _, err := lawfulbasis.ParseBasis(s); return err })},
		{"lawfulbasis.ParseAnnex1", "safegarding", "safeguarding", fn(func(s string) error { _, err := lawfulbasis.ParseAnnex1(s); return err })},
		{"lawfulbasis.ParseCondition", "explict consent", "explicit-consent", fn(func(s string) error { _, err := lawfulbasis.ParseCondition(s); return err })},
		{"lawfulbasis.ParseSchedule1", "employment law", "employment", fn(func(s string) error { _, err := lawfulbasis.ParseSchedule1(s); return err })},
		{"lawfulbasis.ParseMechanism", "privacy-shild", "privacy-shield", fn(func(s string) error { _, err := lawfulbasis.ParseMechanism(s); return err })},
		{"lawfulbasis.ParseRegime", "ukk", "uk", fn(func(s string) error { _, err := lawfulbasis.ParseRegime(s); return err })},
		{"lawfulbasis.Basis.UnmarshalText", "nope-nope", "", text(new(lawfulbasis.Basis))},
		{"rights.Parse", "right to be forgoten", "erasure", fn(func(s string) error { _, err := rights.Parse(s); return err })},
		{"rights.Right.UnmarshalText", "acess", "access", text(new(rights.Right))},
		{"retention.ParseAction", "erase", "delete", fn(func(s string) error { _, err := retention.ParseAction(s); return err })},
		{"retention.ParseSourceKind", "polcy", "policy", fn(func(s string) error { _, err := retention.ParseSourceKind(s); return err })},
		{"ropa.ParseSubject", "job aplicants", "job-applicants", fn(func(s string) error { _, err := ropa.ParseSubject(s); return err })},
		{"ropa.ParseCategory", "helth", "health", fn(func(s string) error { _, err := ropa.ParseCategory(s); return err })},
		{"ropa.Answer", "yess", "yes", text(new(ropa.Answer))},
		{"ropa.Headcount", "lots", "", text(new(ropa.Headcount))},
		{"ropa.SourceKind", "data-subjet", "data-subject", text(new(ropa.SourceKind))},
		{"ropa.Requirement", "statutry", "statutory", text(new(ropa.Requirement))},
		{"ropa.RecipientKind", "procesor", "processor", text(new(ropa.RecipientKind))},
		{"ropa.DecisionGround", "contrat", "contract", text(new(ropa.DecisionGround))},
		{"ropa.DecisionSafeguard", "xyzzy", "", text(new(ropa.DecisionSafeguard))},
		{"ropa.DPIAStatus", "xyzzy", "", text(new(ropa.DPIAStatus))},
		{"ropa.Fact", "transfer", "transfers", text(new(ropa.Fact))},
		{"ropa.ConsentGiver", "xyzzy", "", text(new(ropa.ConsentGiver))},
		{"ropa.Criterion", "xyzzy", "", text(new(ropa.Criterion))},
		{"ropa.Severity", "warn", "warning", text(new(ropa.Severity))},
	}
	for _, tt := range tests {
		err := tt.parse(tt.in)
		pe, ok := errors.AsType[*parse.Error](err)
		if !ok {
			t.Errorf("%s(%q) = %v (%T), want a *parse.Error", tt.name, tt.in, err, err)
			continue
		}
		if !errors.Is(err, parse.ErrUnknown) || pe.Value != tt.in || pe.Kind == "" || len(pe.Accepted) == 0 {
			t.Errorf("%s(%q) = %#v: want Kind, Value %q, Accepted and ErrUnknown", tt.name, tt.in, pe, tt.in)
		}
		if pe.Suggest != tt.suggest {
			t.Errorf("%s(%q) suggests %q, want %q (%v)", tt.name, tt.in, pe.Suggest, tt.suggest, err)
		}
	}
}
