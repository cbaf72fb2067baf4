package retention

import (
	"errors"
	"strconv"

	"github.com/article30/article30/internal/enum"
)

// Action is what happens to the data when the retention period ends. The
// zero value, [Unspecified], means the rule does not say; sentences read it
// as deletion, and [Rule.String] omits it.
type Action uint8

// Actions.
const (
	// Unspecified means the rule does not state an action.
	Unspecified Action = iota
	// Delete means the data is deleted.
	Delete
	// Anonymise means the data is anonymised.
	Anonymise
	// Review means the need to keep the data is reviewed.
	Review
)

var actionNames = [...]string{Delete: "delete", Anonymise: "anonymise", Review: "review"}

// String returns the action's slug: "delete", "anonymise" or "review", and
// "" for [Unspecified]. Other values give "Action(n)".
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "Action(" + strconv.Itoa(int(a)) + ")"
}

// ParseAction parses an action slug: "delete", "anonymise", "anonymize" or
// "review", ignoring ASCII case. Anything else, including the empty string,
// is a [*parse.Error] that lists the accepted values.
func ParseAction(s string) (Action, error) {
	if a, ok := lookupAction(s); ok {
		return a, nil
	}
	return Unspecified, actions.Err(s)
}

// actions and sourceKinds give the [*parse.Error] for an unknown action or
// source kind, with a suggestion; the parser itself reads the exact words.
var (
	actions = enum.New("retention action", "", []enum.Entry{
		Delete:    {Slug: "delete", Keys: []string{"erase", "destroy", "deletion"}},
		Anonymise: {Slug: "anonymise", Keys: []string{"anonymize", "anonymisation", "anonymization"}},
		Review:    {Slug: "review"},
	})
	sourceKinds = enum.New("retention source kind", "", []enum.Entry{
		Statute:  {Slug: "statute", Keys: []string{"law", "legislation", "act"}},
		Guidance: {Slug: "guidance"},
		Policy:   {Slug: "policy"},
		Contract: {Slug: "contract"},
	})
)

func lookupAction(s string) (Action, bool) {
	switch {
	case equalFoldASCII(s, "delete"):
		return Delete, true
	case equalFoldASCII(s, "anonymise"), equalFoldASCII(s, "anonymize"):
		return Anonymise, true
	case equalFoldASCII(s, "review"):
		return Review, true
	}
	return Unspecified, false
}

// MarshalText returns the action's slug; [Unspecified] gives empty text.
// Values outside the declared constants are an error.
func (a Action) MarshalText() ([]byte, error) {
	if a > Review {
		return nil, errors.New("retention: invalid action " + a.String())
	}
	return []byte(a.String()), nil
}

// UnmarshalText parses text as [ParseAction] does, except that empty text
// gives [Unspecified], so that MarshalText output always reads back.
func (a *Action) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*a = Unspecified
		return nil
	}
	v, err := ParseAction(string(text))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// past returns the past participle used in sentences.
func (a Action) past() string {
	switch a {
	case Anonymise:
		return "anonymised"
	case Review:
		return "reviewed"
	}
	return "deleted"
}

// SourceKind is the kind of authority a retention rule rests on. The zero
// value means not stated.
type SourceKind uint8

// Source kinds.
const (
	// Statute is legislation, such as "Limitation Act 1980 s5".
	Statute SourceKind = iota + 1
	// Guidance is regulator or government guidance.
	Guidance
	// Policy is the controller's own policy.
	Policy
	// Contract is a contractual obligation.
	Contract
)

var sourceKindNames = [...]string{Statute: "statute", Guidance: "guidance", Policy: "policy", Contract: "contract"}

// String returns the kind's slug: "statute", "guidance", "policy" or
// "contract", and "" for the zero value. Other values give "SourceKind(n)".
func (k SourceKind) String() string {
	if int(k) < len(sourceKindNames) {
		return sourceKindNames[k]
	}
	return "SourceKind(" + strconv.Itoa(int(k)) + ")"
}

// ParseSourceKind parses a source kind slug: "statute", "guidance", "policy"
// or "contract", ignoring ASCII case. Anything else, including the empty
// string, is a [*parse.Error] that lists the accepted values.
func ParseSourceKind(s string) (SourceKind, error) {
	if k, ok := lookupSourceKind(s); ok {
		return k, nil
	}
	return 0, sourceKinds.Err(s)
}

func lookupSourceKind(s string) (SourceKind, bool) {
	for k := Statute; k <= Contract; k++ {
		if equalFoldASCII(s, sourceKindNames[k]) {
			return k, true
		}
	}
	return 0, false
}

// MarshalText returns the kind's slug; the zero value gives empty text.
// Values outside the declared constants are an error.
func (k SourceKind) MarshalText() ([]byte, error) {
	if k > Contract {
		return nil, errors.New("retention: invalid source kind " + k.String())
	}
	return []byte(k.String()), nil
}

// UnmarshalText parses text as [ParseSourceKind] does, except that empty
// text gives the zero value, so that MarshalText output always reads back.
func (k *SourceKind) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*k = 0
		return nil
	}
	v, err := ParseSourceKind(string(text))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// Source is the authority a retention rule rests on.
type Source struct {
	// Kind is the kind of authority; zero when not stated.
	Kind SourceKind
	// Ref is free text naming the authority, such as
	// "Limitation Act 1980 s5" or "Home Office sponsor guidance". It must
	// have no leading or trailing white space, and needs a Kind.
	Ref string
}
