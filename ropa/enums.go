package ropa

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/enum"
)

// parseEnum parses s as one of accepted (case- and separator-insensitive) and
// returns the canonical slug; anything else is a [*parse.Error] with a
// suggestion.
func parseEnum(kind, s string, accepted []string) (string, error) {
	norm := strings.NewReplacer("_", "-", " ", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	if norm == "" {
		return "", nil
	}
	if slices.Contains(accepted, norm) {
		return norm, nil
	}
	return "", enum.Of(kind, accepted).Err(s)
}

// Answer is a yes/no answer that may be left unanswered (the empty value).
type Answer string

// Answers.
const (
	Yes Answer = "yes"
	No  Answer = "no"
)

var answers = []string{"yes", "no"}

// UnmarshalText accepts "yes" and "no" (also "true"/"false"), in any case.
func (a *Answer) UnmarshalText(b []byte) error {
	switch strings.ToLower(strings.TrimSpace(string(b))) {
	case "true", "y":
		*a = Yes
		return nil
	case "false", "n":
		*a = No
		return nil
	}
	v, err := parseEnum("answer", string(b), answers)
	*a = Answer(v)
	return err
}

// Headcount is the organisation's staff band, for the Art 30(5) question.
type Headcount string

// Headcount bands.
const (
	Under250 Headcount = "under-250"
	From250  Headcount = "250-or-more"
)

// UnmarshalText accepts the bands' slugs.
func (h *Headcount) UnmarshalText(b []byte) error {
	v, err := parseEnum("headcount band", string(b), []string{string(Under250), string(From250)})
	*h = Headcount(v)
	return err
}

// SourceKind says where personal data come from.
type SourceKind string

// Kinds of source. Data from the data subject, or observed from their use of
// a service, are collected from them (Art 13); data from a third party or a
// public source are not (Art 14).
const (
	FromSubject    SourceKind = "data-subject"
	Observed       SourceKind = "observed"
	FromThirdParty SourceKind = "third-party"
	FromPublic     SourceKind = "public"
)

var sourceKinds = []string{string(FromSubject), string(Observed), string(FromThirdParty), string(FromPublic)}

// Indirect reports whether data from this source were not obtained from the
// data subject, so that Art 14 applies.
func (k SourceKind) Indirect() bool { return k == FromThirdParty || k == FromPublic }

// UnmarshalText accepts the kinds' slugs.
func (k *SourceKind) UnmarshalText(b []byte) error {
	v, err := parseEnum("source kind", string(b), sourceKinds)
	*k = SourceKind(v)
	return err
}

// Requirement says whether providing personal data is required (Art 13(2)(e)).
type Requirement string

// Requirements.
const (
	Statutory   Requirement = "statutory"
	Contractual Requirement = "contractual"
	PreContract Requirement = "pre-contract" // needed to enter into a contract
	Voluntary   Requirement = "voluntary"
)

var requirements = []string{string(Statutory), string(Contractual), string(PreContract), string(Voluntary)}

// UnmarshalText accepts the requirements' slugs.
func (r *Requirement) UnmarshalText(b []byte) error {
	v, err := parseEnum("requirement", string(b), requirements)
	*r = Requirement(v)
	return err
}

// RecipientKind classifies a recipient.
type RecipientKind string

// Kinds of recipient.
const (
	Internal       RecipientKind = "internal"         // a team within the organisation
	Processor      RecipientKind = "processor"        // processes on the controller's behalf (Art 28)
	ThirdParty     RecipientKind = "third-party"      // another controller
	JointRecipient RecipientKind = "joint-controller" // a joint controller
	Authority      RecipientKind = "authority"        // a public authority or regulator
)

var recipientKinds = []string{string(Internal), string(Processor), string(ThirdParty), string(JointRecipient), string(Authority)}

// UnmarshalText accepts the kinds' slugs.
func (k *RecipientKind) UnmarshalText(b []byte) error {
	v, err := parseEnum("recipient kind", string(b), recipientKinds)
	*k = RecipientKind(v)
	return err
}

// DecisionGround is the EU regime's Art 22(2) ground for a solely automated
// decision with legal or similarly significant effect.
type DecisionGround string

// The Art 22(2) grounds.
const (
	ContractNecessity DecisionGround = "contract"         // Art 22(2)(a)
	AuthorisedByLaw   DecisionGround = "law"              // Art 22(2)(b)
	ExplicitConsent   DecisionGround = "explicit-consent" // Art 22(2)(c)
)

var decisionGrounds = []string{string(ContractNecessity), string(AuthorisedByLaw), string(ExplicitConsent)}

// UnmarshalText accepts the grounds' slugs.
func (g *DecisionGround) UnmarshalText(b []byte) error {
	v, err := parseEnum("decision ground", string(b), decisionGrounds)
	*g = DecisionGround(v)
	return err
}

// DecisionSafeguard is a safeguard around solely automated significant
// decisions: under the UK regime, the four measures of UK GDPR Art 22C(2).
type DecisionSafeguard string

// The Art 22C(2) safeguards (also the EU regime's Art 22(3) rights).
const (
	Information       DecisionSafeguard = "information"        // 22C(2)(a)
	Representations   DecisionSafeguard = "representations"    // 22C(2)(b)
	HumanIntervention DecisionSafeguard = "human-intervention" // 22C(2)(c)
	Contest           DecisionSafeguard = "contest"            // 22C(2)(d)
)

// DecisionSafeguards returns the four Art 22C(2) safeguards in order.
func DecisionSafeguards() []DecisionSafeguard {
	return []DecisionSafeguard{Information, Representations, HumanIntervention, Contest}
}

var decisionSafeguards = []string{string(Information), string(Representations), string(HumanIntervention), string(Contest)}

// UnmarshalText accepts the safeguards' slugs.
func (s *DecisionSafeguard) UnmarshalText(b []byte) error {
	v, err := parseEnum("decision safeguard", string(b), decisionSafeguards)
	*s = DecisionSafeguard(v)
	return err
}

// DPIAStatus is the progress of a data protection impact assessment.
type DPIAStatus string

// DPIA statuses.
const (
	NotStarted DPIAStatus = "not-started"
	InProgress DPIAStatus = "in-progress"
	Complete   DPIAStatus = "complete"
)

var dpiaStatuses = []string{string(NotStarted), string(InProgress), string(Complete)}

// UnmarshalText accepts the statuses' slugs.
func (s *DPIAStatus) UnmarshalText(b []byte) error {
	v, err := parseEnum("DPIA status", string(b), dpiaStatuses)
	*s = DPIAStatus(v)
	return err
}

// Date is a calendar date, written YYYY-MM-DD. The zero value is no date.
type Date struct{ time.Time }

// NewDate returns the date y-m-d.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// String returns YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format(time.DateOnly)
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	s := strings.TrimSpace(string(b))
	if s == "" {
		*d = Date{}
		return nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("invalid date %q: want YYYY-MM-DD", s)
	}
	*d = Date{t}
	return nil
}

// Equal reports whether two dates are the same day.
func (d Date) Equal(e Date) bool { return d.Time.Equal(e.Time) }

// MarshalJSON writes the date as a JSON string "YYYY-MM-DD" (and not in the
// RFC 3339 form of the embedded time.Time).
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads a JSON string "YYYY-MM-DD".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("invalid date %s: want a string YYYY-MM-DD", b)
	}
	return d.UnmarshalText([]byte(s))
}

// Valid reports whether a is yes or no.
func (a Answer) Valid() bool { return a == Yes || a == No }

// Valid reports whether h is one of the bands.
func (h Headcount) Valid() bool { return h == Under250 || h == From250 }

// Valid reports whether k is one of the kinds.
func (k SourceKind) Valid() bool { return slices.Contains(sourceKinds, string(k)) }

// Valid reports whether r is one of the requirements.
func (r Requirement) Valid() bool { return slices.Contains(requirements, string(r)) }

// Valid reports whether k is one of the kinds.
func (k RecipientKind) Valid() bool { return slices.Contains(recipientKinds, string(k)) }

// Valid reports whether g is one of the grounds.
func (g DecisionGround) Valid() bool { return slices.Contains(decisionGrounds, string(g)) }

// Valid reports whether s is one of the safeguards.
func (s DecisionSafeguard) Valid() bool { return slices.Contains(decisionSafeguards, string(s)) }

// Valid reports whether s is one of the statuses.
func (s DPIAStatus) Valid() bool { return slices.Contains(dpiaStatuses, string(s)) }
