package ropa

import (
	"slices"
	"strings"

	"github.com/article30/article30/lawfulbasis"
)

// DPIA screening. Art 35(1) requires a data protection impact assessment
// where processing is likely to result in a high risk; Art 35(3) names
// three cases, and Art 35(4) has each supervisory authority publish a list
// of kinds of processing that always need one. Two sources turn this into
// criteria a register can carry:
//
//   - The WP29 guidelines on DPIA (WP248 rev.01, 4 October 2017, endorsed
//     by the EDPB on 25 May 2018), section III.B.a, list nine criteria and
//     say that "in most cases" processing meeting two of them requires a
//     DPIA; a controller that concludes otherwise should document its
//     reasons. Criterion 7, vulnerable data subjects, names "children",
//     "employees" and "more vulnerable segments of the population requiring
//     special protection (mentally ill persons, asylum seekers, or the
//     elderly, patients, etc.)".
//   - The ICO's list made under Art 35(4), "Examples of processing 'likely
//     to result in high risk'"
//     (https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/data-protection-impact-assessments-dpias/examples-of-processing-likely-to-result-in-high-risk/),
//     which "complements and further specifies" WP248. Some of its items
//     stand alone (denial of service, large-scale profiling, data
//     matching, targeting of children or other vulnerable individuals,
//     risk of physical harm); others need "any other criterion from
//     WP248rev01" as well (innovative technology, biometric data, genetic
//     data, and, as this package reads the page, invisible processing and
//     tracking). The ICO list is the UK's; under the EU regime the lead
//     authority's own list applies, which this package does not hold, so
//     only Art 35(3) and WP248 are applied there.

// wp248 are the nine WP248 rev.01 criteria, in the guidelines' order.
var wp248 = []Criterion{
	CriterionScoring, CriterionAutomated, CriterionMonitoring, CriterionSensitive, CriterionLargeScale,
	CriterionMatching, CriterionVulnerable, CriterionInnovative, CriterionDenial,
}

// vulnerableGroups are the catalogue's data subjects that WP248 criterion 7
// names: children, employees and patients. Job applicants, former
// employees, volunteers and parents are not named there; a register adds
// [CriterionVulnerable] to Screening where their position calls for it.
// Pupils and students count only where the controller is a school (see
// [Activity.Criteria]).
var vulnerableGroups = []Subject{YoungPeople, Employees, ServiceUsers}

// Criteria returns the DPIA screening criteria the activity meets: those
// listed in its Screening, and those derived from the register, in the
// order of [Criteria]:
//
//   - vulnerable-people: the activity concerns children, employees, or
//     service users and patients (WP248 criterion 7);
//   - biometric-identification and genetic-data: it holds biometric or
//     genetic data (ICO list);
//   - sensitive-data: it holds special category or criminal offence data
//     (WP248 criterion 4);
//   - systematic-monitoring and large-scale: its Monitoring and LargeScale
//     flags (WP248 criteria 3 and 5);
//   - automated-decisions: it takes solely automated decisions with legal
//     or similarly significant effects (WP248 criterion 2);
//   - evaluation-or-scoring: it profiles people (WP248 criterion 1);
//   - targeting-children: it offers an online service to children, or
//     profiles them, takes automated decisions about them or uses their
//     data for direct marketing (ICO list).
//
// Pupils and students are children in a school, but not at a university:
// [Check] counts them as children where the register's controller is a
// school ([Organisation.School]); Criteria, which sees only the activity,
// does not.
func (a *Activity) Criteria() []Criterion { return a.criteria(false) }

// childGroups returns the activity's groups that are children: young
// people, and pupils where the controller is a school.
func (a *Activity) childGroups(school bool) []Subject {
	var out []Subject
	if a.Has(YoungPeople) {
		out = append(out, YoungPeople)
	}
	if school && a.Has(Pupils) {
		out = append(out, Pupils)
	}
	return out
}

func (a *Activity) criteria(school bool) []Criterion {
	has := map[Criterion]bool{}
	for _, c := range a.Screening {
		has[c] = true
	}
	children := a.childGroups(school)
	if len(children) > 0 || slices.ContainsFunc(a.DataSubjects, func(s Subject) bool { return slices.Contains(vulnerableGroups, s) }) {
		has[CriterionVulnerable] = true
	}
	if a.HasCategory(Biometric) {
		has[CriterionBiometric] = true
	}
	if a.HasCategory(Genetic) {
		has[CriterionGenetic] = true
	}
	if a.hasSpecial() || a.hasCriminal() {
		has[CriterionSensitive] = true
	}
	if a.Monitoring {
		has[CriterionMonitoring] = true
	}
	if a.LargeScale {
		has[CriterionLargeScale] = true
	}
	if a.solelySignificant() {
		has[CriterionAutomated] = true
	}
	if a.profiling() {
		has[CriterionScoring] = true
	}
	for _, g := range children {
		gr := a.For(g)
		if a.Children.OnlineService ||
			slices.ContainsFunc(gr.Automated, func(d Decision) bool { return d.Profiling || d.Solely }) ||
			slices.ContainsFunc(gr.Purposes, func(p Purpose) bool { return p.DirectMarketing }) {
			has[CriterionChildrenTargeting] = true
		}
	}
	var out []Criterion
	for _, c := range Criteria() {
		if has[c] {
			out = append(out, c)
		}
	}
	return out
}

// sensitiveBeyond reports whether the activity meets the sensitive-data
// criterion for a reason other than holding data of the categories in
// except: a special category or criminal offence category not in except,
// or sensitive-data listed in Screening. The ICO's biometric and genetic
// items need "any other" WP248 criterion; the sensitivity that biometric
// or genetic data carry by themselves is not another.
func (a *Activity) sensitiveBeyond(except ...Category) bool {
	if slices.Contains(a.Screening, CriterionSensitive) {
		return true
	}
	return slices.ContainsFunc(a.DataCategories, func(d DataCategory) bool {
		return (d.Category.Special() || d.Category.Criminal()) && !slices.Contains(except, d.Category)
	})
}

// criterionText describes a criterion in a sentence.
var criterionText = map[Criterion]string{
	CriterionScoring:           "evaluates or scores people",
	CriterionAutomated:         "takes automated decisions with legal or similar effects",
	CriterionMonitoring:        "systematically monitors people",
	CriterionSensitive:         "uses special category, criminal offence or highly personal data",
	CriterionLargeScale:        "works on a large scale",
	CriterionMatching:          "matches or combines datasets",
	CriterionVulnerable:        "concerns vulnerable people",
	CriterionInnovative:        "uses innovative technology",
	CriterionDenial:            "decides on access to a service, opportunity or benefit",
	CriterionBiometric:         "uses biometric data to identify people",
	CriterionGenetic:           "uses genetic data",
	CriterionInvisible:         "collects data without telling people directly (invisible processing)",
	CriterionTracking:          "tracks people's location or behaviour",
	CriterionChildrenTargeting: "targets children (an online service for them, or profiling, automated decisions or marketing about them)",
	CriterionPhysicalRisk:      "could put people's physical health or safety at risk if the data were breached",
}

// dpiaReasons returns why the activity needs a DPIA under regime r:
// mandatory lists the Art 35(3) cases and ICO list items that apply (which
// a screening cannot set aside), and wp lists the WP248 criteria met when
// there are two or more.
func (a *Activity) dpiaReasons(r lawfulbasis.Regime, school bool) (mandatory, wp []string) {
	crit := a.criteria(school)
	has := func(c Criterion) bool { return slices.Contains(crit, c) }
	var met []Criterion
	for _, c := range wp248 {
		if has(c) {
			met = append(met, c)
		}
	}
	// others counts the WP248 criteria met other than those in except.
	others := func(except ...Criterion) int {
		n := 0
		for _, c := range met {
			if !slices.Contains(except, c) {
				n++
			}
		}
		return n
	}
	if a.solelySignificant() {
		mandatory = append(mandatory, "it takes solely automated decisions with legal or similarly significant effects (Art 35(3)(a))")
	}
	if a.LargeScale && (a.hasSpecial() || a.hasCriminal()) {
		mandatory = append(mandatory, "it processes special category or criminal offence data on a large scale (Art 35(3)(b))")
	}
	if r == lawfulbasis.UK {
		ico := func(why string) { mandatory = append(mandatory, why+" (ICO list of high-risk processing)") }
		if has(CriterionScoring) && has(CriterionLargeScale) {
			ico("it profiles people on a large scale")
		}
		if has(CriterionDenial) {
			ico("it " + criterionText[CriterionDenial])
		}
		if has(CriterionMatching) {
			ico("it " + criterionText[CriterionMatching])
		}
		if has(CriterionChildrenTargeting) {
			ico("it " + criterionText[CriterionChildrenTargeting])
		}
		if has(CriterionPhysicalRisk) {
			ico("it " + criterionText[CriterionPhysicalRisk])
		}
		// Items that need another WP248 criterion as well.
		if has(CriterionInnovative) && others(CriterionInnovative) > 0 {
			ico("it uses innovative technology and meets another WP248 criterion")
		}
		exceptSensitive := func(cats ...Category) []Criterion {
			if a.sensitiveBeyond(cats...) {
				return nil
			}
			return []Criterion{CriterionSensitive}
		}
		if has(CriterionBiometric) && others(exceptSensitive(Biometric)...) > 0 {
			ico("it uses biometric data to identify people and meets another WP248 criterion")
		}
		if has(CriterionGenetic) && others(exceptSensitive(Genetic)...) > 0 {
			ico("it uses genetic data and meets another WP248 criterion")
		}
		if has(CriterionInvisible) && others() > 0 {
			ico("it " + criterionText[CriterionInvisible] + " and meets a WP248 criterion")
		}
		if has(CriterionTracking) && others() > 0 {
			ico("it " + criterionText[CriterionTracking] + " and meets a WP248 criterion")
		}
	}
	if len(met) >= 2 {
		for _, c := range met {
			wp = append(wp, criterionText[c])
		}
	}
	return mandatory, wp
}

// done reports whether the DPIA is recorded as complete or in progress: a
// status of complete or in progress, or a reference with no status and no
// answer of "not required".
func (d DPIA) done() bool {
	switch d.Status {
	case Complete, InProgress:
		return true
	case "":
		return d.Required != No && strings.TrimSpace(d.Reference) != ""
	}
	return false
}

// screenedOut reports whether a screening concluded that no DPIA is
// required and is referenced: WP248 rev.01 lets a controller whose
// processing meets two criteria conclude, with documented reasons, that it
// is not likely to result in a high risk.
func (d DPIA) screenedOut() bool {
	return d.Required == No && strings.TrimSpace(d.Reference) != ""
}

// dpiaCheck is the check of the dpia-required rule.
func dpiaCheck(c *Context) {
	school := c.Register.Controller.School
	each(c, func(a *Activity, p string) {
		if a.DPIA.done() {
			return
		}
		mandatory, wp := a.dpiaReasons(c.Regime, school)
		switch {
		case len(mandatory) > 0:
			c.Reportf(p+".dpia", a.ID, "a DPIA is needed because %s, and none is recorded as complete or in progress", strings.Join(mandatory, "; "))
		case len(wp) > 0 && !a.DPIA.screenedOut():
			c.Reportf(p+".dpia", a.ID, "a DPIA is likely to be needed because the activity meets %d WP248 criteria (it %s), and none is recorded as complete or in progress; if a screening concluded it is not needed, record dpia.required: no with the screening's reference", len(wp), strings.Join(wp, "; it "))
		}
	})
}
