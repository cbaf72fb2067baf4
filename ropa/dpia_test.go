package ropa

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
)

// TestActivityCriteria: the screening criteria derived from the register
// (WP248 rev.01 section III.B.a; the ICO's list of processing likely to
// result in high risk), unioned with those listed in Screening.
func TestActivityCriteria(t *testing.T) {
	tests := []struct {
		name   string
		a      Activity
		school bool
		want   []Criterion
	}{
		{name: "customers' orders", a: Activity{DataSubjects: []Subject{Customers}, DataCategories: Cats(Identifiers, Financial)}},
		// WP248 criterion 7 names employees, children and patients.
		{name: "payroll", a: Activity{DataSubjects: []Subject{Employees}, DataCategories: Cats(PayAndBenefits, Financial)},
			want: []Criterion{CriterionVulnerable}},
		{name: "patients' feedback", a: Activity{DataSubjects: []Subject{ServiceUsers}, DataCategories: Cats(Opinions, Health)},
			want: []Criterion{CriterionSensitive, CriterionVulnerable}},
		// Job applicants and referees are not named by WP248.
		{name: "recruitment", a: Activity{DataSubjects: []Subject{JobApplicants, Referees}, DataCategories: Cats(References, CriminalOffences)},
			want: []Criterion{CriterionSensitive}},
		// Pupils are children at a school, not at a university.
		{name: "canteen fingerprints at a school", school: true, a: Activity{DataSubjects: []Subject{Pupils}, DataCategories: Cats(Identifiers, Biometric)},
			want: []Criterion{CriterionSensitive, CriterionVulnerable, CriterionBiometric}},
		{name: "library fingerprints at a university", a: Activity{DataSubjects: []Subject{Pupils}, DataCategories: Cats(Identifiers, Biometric)},
			want: []Criterion{CriterionSensitive, CriterionBiometric}},
		{name: "employee email monitoring", a: Activity{DataSubjects: []Subject{Employees}, DataCategories: Cats(Communications), Monitoring: true},
			want: []Criterion{CriterionMonitoring, CriterionVulnerable}},
		{name: "genetic tests on a large scale", a: Activity{DataSubjects: []Subject{Customers}, DataCategories: Cats(Genetic), LargeScale: true},
			want: []Criterion{CriterionSensitive, CriterionLargeScale, CriterionGenetic}},
		{name: "credit scoring", a: Activity{DataSubjects: []Subject{Customers}, Automated: []Decision{{Solely: true, Significant: true, Profiling: true}}},
			want: []Criterion{CriterionScoring, CriterionAutomated}},
		// Targeting children: an online service, or profiling, automated
		// decisions or marketing that concern them.
		{name: "online service for children", a: Activity{DataSubjects: []Subject{YoungPeople}, Children: Children{OnlineService: true}},
			want: []Criterion{CriterionVulnerable, CriterionChildrenTargeting}},
		{name: "marketing to parents only", a: Activity{DataSubjects: []Subject{YoungPeople, Parents},
			Purposes: []Purpose{{Description: "Newsletter", Basis: lawfulbasis.Consent, DirectMarketing: true, Subjects: []Subject{Parents}}}},
			want: []Criterion{CriterionVulnerable}},
		{name: "marketing to children", a: Activity{DataSubjects: []Subject{YoungPeople, Parents},
			Purposes: []Purpose{{Description: "Newsletter", Basis: lawfulbasis.Consent, DirectMarketing: true}}},
			want: []Criterion{CriterionVulnerable, CriterionChildrenTargeting}},
		// Screening adds what the register cannot show, without repeats.
		{name: "screening", a: Activity{DataSubjects: []Subject{Employees}, Screening: []Criterion{CriterionTracking, CriterionVulnerable, CriterionInnovative}},
			want: []Criterion{CriterionVulnerable, CriterionInnovative, CriterionTracking}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.a.criteria(tt.school)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("criteria (-want +got):\n%s", diff)
			}
			if !tt.school {
				if diff := cmp.Diff(got, tt.a.Criteria()); diff != "" {
					t.Errorf("Criteria() differs from criteria(false):\n%s", diff)
				}
			}
		})
	}
}

// TestDPIAReasons: which activities need a DPIA under each regime, and
// whether a screening that concluded "not required" can set it aside
// (only for the WP248 count, not for Art 35(3) or the ICO's list).
func TestDPIAReasons(t *testing.T) {
	tests := []struct {
		name                  string
		a                     Activity
		school                bool
		ukMandatory, euMandat bool
		wp248                 bool
	}{
		{name: "payroll", a: Activity{DataSubjects: []Subject{Employees}, DataCategories: Cats(PayAndBenefits)}},
		{name: "employee monitoring", a: Activity{DataSubjects: []Subject{Employees}, Monitoring: true}, wp248: true},
		{name: "canteen fingerprints", school: true, a: Activity{DataSubjects: []Subject{Pupils}, DataCategories: Cats(Biometric)},
			ukMandatory: true, wp248: true},
		// Biometric data about adults with nothing else: the data's own
		// sensitivity is not "another criterion".
		{name: "fingerprint door entry for customers", a: Activity{DataSubjects: []Subject{Customers}, DataCategories: Cats(Biometric)}},
		{name: "fingerprints and health", a: Activity{DataSubjects: []Subject{Customers}, DataCategories: Cats(Biometric, Health)},
			ukMandatory: true},
		{name: "large-scale health data", a: Activity{DataSubjects: []Subject{Customers}, DataCategories: Cats(Health), LargeScale: true},
			ukMandatory: true, euMandat: true, wp248: true},
		{name: "data matching", a: Activity{DataSubjects: []Subject{Customers}, Screening: []Criterion{CriterionMatching}}, ukMandatory: true},
		{name: "risk to physical safety", a: Activity{DataSubjects: []Subject{Customers}, Screening: []Criterion{CriterionPhysicalRisk}}, ukMandatory: true},
		{name: "tracking alone", a: Activity{DataSubjects: []Subject{Customers}, Screening: []Criterion{CriterionTracking}}},
		{name: "tracking employees", a: Activity{DataSubjects: []Subject{Employees}, Screening: []Criterion{CriterionTracking}}, ukMandatory: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ukm, wp := tt.a.dpiaReasons(lawfulbasis.UK, tt.school)
			eum, _ := tt.a.dpiaReasons(lawfulbasis.EU, tt.school)
			if (len(ukm) > 0) != tt.ukMandatory || (len(eum) > 0) != tt.euMandat || (len(wp) > 0) != tt.wp248 {
				t.Errorf("UK mandatory %q, EU mandatory %q, WP248 %q; want %v, %v, %v", ukm, eum, wp, tt.ukMandatory, tt.euMandat, tt.wp248)
			}
		})
	}
}
