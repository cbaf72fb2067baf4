package ropa

import "slices"

// IsZero reports whether nothing is recorded.
func (c Consent) IsZero() bool { return c == Consent{} }

// IsZero reports whether nothing is recorded.
func (b BiometricConsent) IsZero() bool { return b == BiometricConsent{} }

// ConsentGiver says who gives consent.
type ConsentGiver string

// Who gives consent.
const (
	ConsentBySubject ConsentGiver = "data-subject"       // the person the data are about
	ConsentByParent  ConsentGiver = "parent-or-guardian" // a parent or guardian, for a child
)

var consentGivers = []string{string(ConsentBySubject), string(ConsentByParent)}

// Valid reports whether g is a known value.
func (g ConsentGiver) Valid() bool { return slices.Contains(consentGivers, string(g)) }

// UnmarshalText accepts the values' slugs.
func (g *ConsentGiver) UnmarshalText(b []byte) error {
	v, err := parseEnum("consent giver", string(b), consentGivers)
	*g = ConsentGiver(v)
	return err
}

// Criterion is a DPIA screening criterion: one of the criteria of the
// EDPB-endorsed WP29 guidelines on DPIA (WP248 rev.01, section III.B.a),
// or a kind of processing on the ICO's list of processing likely to result
// in high risk (made under Art 35(4)).
type Criterion string

// Screening criteria.
const (
	CriterionScoring           Criterion = "evaluation-or-scoring"    // WP248 1; ICO: large-scale profiling
	CriterionAutomated         Criterion = "automated-decisions"      // WP248 2: automated decisions with legal or similar effect
	CriterionMonitoring        Criterion = "systematic-monitoring"    // WP248 3
	CriterionSensitive         Criterion = "sensitive-data"           // WP248 4: special category, criminal offence or highly personal data
	CriterionLargeScale        Criterion = "large-scale"              // WP248 5
	CriterionMatching          Criterion = "matching-datasets"        // WP248 6; ICO: data matching
	CriterionVulnerable        Criterion = "vulnerable-people"        // WP248 7: children, employees, patients and others
	CriterionInnovative        Criterion = "innovative-technology"    // WP248 8; ICO: innovative technology
	CriterionDenial            Criterion = "denial-of-service"        // WP248 9; ICO: denial of service
	CriterionBiometric         Criterion = "biometric-identification" // ICO: biometric data for identification
	CriterionGenetic           Criterion = "genetic-data"             // ICO: genetic data
	CriterionInvisible         Criterion = "invisible-processing"     // ICO: invisible processing
	CriterionTracking          Criterion = "tracking"                 // ICO: tracking
	CriterionChildrenTargeting Criterion = "targeting-children"       // ICO: targeting of children or other vulnerable individuals
	CriterionPhysicalRisk      Criterion = "risk-to-physical-safety"  // ICO: risk of physical harm
)

var criteria = []string{
	string(CriterionScoring), string(CriterionAutomated), string(CriterionMonitoring), string(CriterionSensitive),
	string(CriterionLargeScale), string(CriterionMatching), string(CriterionVulnerable), string(CriterionInnovative),
	string(CriterionDenial), string(CriterionBiometric), string(CriterionGenetic), string(CriterionInvisible),
	string(CriterionTracking), string(CriterionChildrenTargeting), string(CriterionPhysicalRisk),
}

// Criteria returns the screening criteria.
func Criteria() []Criterion {
	out := make([]Criterion, len(criteria))
	for i, c := range criteria {
		out[i] = Criterion(c)
	}
	return out
}

// Valid reports whether c is a known criterion.
func (c Criterion) Valid() bool { return slices.Contains(criteria, string(c)) }

// UnmarshalText accepts the criteria's slugs.
func (c *Criterion) UnmarshalText(b []byte) error {
	v, err := parseEnum("DPIA screening criterion", string(b), criteria)
	*c = Criterion(v)
	return err
}
