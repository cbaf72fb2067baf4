package xlsx

import (
	"encoding"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

// The data sheets hold the register itself, normalised: a sheet per kind of
// record, a column per field headed by the field's JSON name, enumerations
// as slugs, lists of enumerations joined with line breaks, lists of free
// text in long format on the Text lists sheet. Each field is described once
// here, with how to write it to a cell and read it back, so the writer and
// the reader cannot drift apart.

// dsField is one field of a record of type T on a data sheet.
type dsField[T any] struct {
	name  string                   // the JSON field path (the heading is its title, dsTitle)
	list  string                   // drop-down list key, or ""
	multi bool                     // several values, one a line: a prompt, not a drop-down
	get   func(*T) (string, error) // the cell text; an error for a value the workbook cannot hold
	set   func(*T, string) error   // reads the cell text back
}

// dsText is a free-text field.
func dsText[T any](name string, p func(*T) *string) dsField[T] {
	return dsField[T]{
		name: name,
		get:  func(v *T) (string, error) { return *p(v), nil },
		set:  func(v *T, s string) error { *p(v) = s; return nil },
	}
}

// dsListed gives f a drop-down of list key.
func dsListed[T any](f dsField[T], key string) dsField[T] {
	f.list = key
	return f
}

// dsParseBool reads a yes/no cell: "yes" is true, "" and "no" false.
func dsParseBool(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", "no", "n", "false", "0":
		return false, nil
	case "yes", "y", "true", "1":
		return true, nil
	}
	return false, fmt.Errorf("%q is not yes or no", s)
}

// dsBool is a boolean written "yes" or left empty.
func dsBool[T any](name string, p func(*T) *bool) dsField[T] {
	return dsField[T]{
		name: name,
		list: "yesNo",
		get: func(v *T) (string, error) {
			if *p(v) {
				return "yes", nil
			}
			return "", nil
		},
		set: func(v *T, s string) error {
			b, err := dsParseBool(s)
			*p(v) = b
			return err
		},
	}
}

// dsTextEnum is a ropa enumeration: a string type that parses its slug.
type dsTextEnum[E ~string] interface {
	*E
	encoding.TextUnmarshaler
}

// dsCanonical reports whether v is empty or the canonical slug of its
// enumeration.
func dsCanonical[E ~string, P dsTextEnum[E]](v E) bool {
	if v == "" {
		return true
	}
	var x E
	return P(&x).UnmarshalText([]byte(v)) == nil && x == v
}

// dsEnum is a ropa string enumeration.
func dsEnum[T any, E ~string, P dsTextEnum[E]](name, list string, p func(*T) *E) dsField[T] {
	return dsField[T]{
		name: name,
		list: list,
		get: func(v *T) (string, error) {
			e := *p(v)
			if !dsCanonical[E, P](e) {
				return "", fmt.Errorf("%q is not a valid value", string(e))
			}
			return string(e), nil
		},
		set: dsSetParsed(p, func(s string) (E, error) {
			var x E
			err := P(&x).UnmarshalText([]byte(s))
			return x, err
		}),
	}
}

// dsEnumList is a list of a ropa string enumeration, one slug a line.
func dsEnumList[T any, E ~string, P dsTextEnum[E]](name, list string, p func(*T) *[]E) dsField[T] {
	return dsField[T]{
		name:  name,
		list:  list,
		multi: true,
		get: func(v *T) (string, error) {
			l := *p(v)
			out := make([]string, len(l))
			for i, e := range l {
				if e == "" || !dsCanonical[E, P](e) {
					return "", fmt.Errorf("element %d: %q is not a valid value", i, string(e))
				}
				out[i] = string(e)
			}
			return strings.Join(out, "\n"), nil
		},
		set: func(v *T, s string) error {
			var out []E
			for _, line := range dsLines(s) {
				var x E
				if err := P(&x).UnmarshalText([]byte(line)); err != nil {
					return err
				}
				out = append(out, x)
			}
			*p(v) = out
			return nil
		},
	}
}

// dsLines splits a cell into its non-blank lines, trimmed.
func dsLines(s string) []string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, line)
		}
	}
	return out
}

// dsCatalogue is a data subject or category: a catalogue slug or a custom
// entry.
type dsCatalogue interface {
	~string
	Valid() bool
}

// dsCatalogueList is a list of subjects or categories, one a line.
func dsCatalogueList[T any, E dsCatalogue](name string, p func(*T) *[]E, parse func(string) (E, error)) dsField[T] {
	return dsField[T]{
		name: name,
		get: func(v *T) (string, error) {
			l := *p(v)
			out := make([]string, len(l))
			for i, e := range l {
				if !e.Valid() {
					return "", fmt.Errorf("element %d: %q is not a catalogue slug or a custom entry", i, string(e))
				}
				out[i] = string(e)
			}
			return strings.Join(out, "\n"), nil
		},
		set: func(v *T, s string) error {
			out, err := dsParseLines(s, parse)
			*p(v) = out
			return err
		},
	}
}

// dsCatalogueOne is one subject or category: a catalogue slug or a custom
// entry; the empty value is an empty cell.
func dsCatalogueOne[T any, E dsCatalogue](name, list string, p func(*T) *E, parse func(string) (E, error)) dsField[T] {
	return dsField[T]{
		name: name,
		list: list,
		get: func(v *T) (string, error) {
			e := *p(v)
			if e != "" && !e.Valid() {
				return "", fmt.Errorf("%q is not a catalogue slug or a custom entry", string(e))
			}
			return string(e), nil
		},
		set: dsSetParsed(p, func(s string) (E, error) { return parse(strings.TrimSpace(s)) }),
	}
}

// dsSubjects is the scope of a fact: the data subjects it concerns, one a
// line; an empty cell means all the activity's data subjects.
func dsSubjects[T any](name string, p func(*T) *[]ropa.Subject) dsField[T] {
	return dsCatalogueList(name, p, ropa.ParseSubject)
}

// dsSetParsed is the set function of a field whose cell is parsed: an
// empty cell (or white space) is the zero value, and any other text is
// what parse makes of it.
func dsSetParsed[T, V any](p func(*T) *V, parse func(string) (V, error)) func(*T, string) error {
	return func(v *T, s string) error {
		var x V
		if strings.TrimSpace(s) != "" {
			var err error
			if x, err = parse(s); err != nil {
				return err
			}
		}
		*p(v) = x
		return nil
	}
}

// dsLegal is an enumeration of package lawfulbasis: a small integer type
// with a slug.
type dsLegal interface {
	comparable
	Valid() bool
	String() string
}

// dsLaw is a lawfulbasis enumeration; the zero value is an empty cell.
func dsLaw[T any, E dsLegal](name, list string, p func(*T) *E, parse func(string) (E, error)) dsField[T] {
	return dsField[T]{
		name: name,
		list: list,
		get: func(v *T) (string, error) {
			var zero E
			e := *p(v)
			if e == zero {
				return "", nil
			}
			if !e.Valid() {
				return "", fmt.Errorf("%v is not a valid value", e)
			}
			return e.String(), nil
		},
		set: dsSetParsed(p, parse),
	}
}

// dsLawList is a list of a lawfulbasis enumeration, one slug a line.
func dsLawList[T any, E dsLegal](name, list string, p func(*T) *[]E, parse func(string) (E, error)) dsField[T] {
	return dsField[T]{
		name:  name,
		list:  list,
		multi: true,
		get: func(v *T) (string, error) {
			l := *p(v)
			out := make([]string, len(l))
			for i, e := range l {
				if !e.Valid() {
					return "", fmt.Errorf("element %d: %v is not a valid value", i, e)
				}
				out[i] = e.String()
			}
			return strings.Join(out, "\n"), nil
		},
		set: func(v *T, s string) error {
			out, err := dsParseLines(s, parse)
			*p(v) = out
			return err
		},
	}
}

// dsDate is a date written YYYY-MM-DD.
func dsDate[T any](name string, p func(*T) *ropa.Date) dsField[T] {
	return dsField[T]{
		name: name,
		get:  func(v *T) (string, error) { return p(v).String(), nil },
		set:  func(v *T, s string) error { return p(v).UnmarshalText([]byte(s)) },
	}
}

// dsRule is a structured retention rule in its short form.
func dsRule[T any](name string, p func(*T) *retention.Rule) dsField[T] {
	return dsField[T]{
		name: name,
		get: func(v *T) (string, error) {
			r := p(v)
			if r.IsZero() {
				return "", nil
			}
			if err := r.Validate(); err != nil {
				return "", err
			}
			return r.String(), nil
		},
		set: dsSetParsed(p, func(s string) (retention.Rule, error) { return retention.Parse(strings.TrimSpace(s)) }),
	}
}

// dsPeriod is an ISO 8601 period; the zero period is an empty cell.
func dsPeriod[T any](name string, p func(*T) *retention.Period) dsField[T] {
	return dsField[T]{
		name: name,
		get: func(v *T) (string, error) {
			per := *p(v)
			if per.IsZero() {
				return "", nil
			}
			s := per.String()
			if back, err := retention.ParsePeriod(s); err != nil || back != per {
				return "", fmt.Errorf("period %s cannot be written: parts must be between 0 and 999999", s)
			}
			return s, nil
		},
		set: dsSetParsed(p, func(s string) (retention.Period, error) { return retention.ParsePeriod(strings.TrimSpace(s)) }),
	}
}

// ---- the fields of each sheet ----

// dsOrgFields are the rows of the Organisation sheet: the register's
// scalars, one a row, named by JSON path.
var dsOrgFields = []dsField[ropa.Register]{
	dsLaw("jurisdiction", "regimes", func(r *ropa.Register) *lawfulbasis.Regime { return &r.Jurisdiction }, lawfulbasis.ParseRegime),
	dsText("controller.name", func(r *ropa.Register) *string { return &r.Controller.Name }),
	dsText("controller.address", func(r *ropa.Register) *string { return &r.Controller.Address }),
	dsText("controller.email", func(r *ropa.Register) *string { return &r.Controller.Email }),
	dsText("controller.phone", func(r *ropa.Register) *string { return &r.Controller.Phone }),
	dsText("controller.website", func(r *ropa.Register) *string { return &r.Controller.Website }),
	dsText("controller.registration", func(r *ropa.Register) *string { return &r.Controller.Registration }),
	dsBool("controller.publicAuthority", func(r *ropa.Register) *bool { return &r.Controller.PublicAuthority }),
	dsBool("controller.school", func(r *ropa.Register) *bool { return &r.Controller.School }),
	dsEnum[ropa.Register, ropa.Headcount]("controller.headcount", "headcount", func(r *ropa.Register) *ropa.Headcount { return &r.Controller.Headcount }),
	dsText("dpo.name", func(r *ropa.Register) *string { return &r.DPO.Name }),
	dsText("dpo.address", func(r *ropa.Register) *string { return &r.DPO.Address }),
	dsText("dpo.email", func(r *ropa.Register) *string { return &r.DPO.Email }),
	dsText("dpo.phone", func(r *ropa.Register) *string { return &r.DPO.Phone }),
	dsText("representative.name", func(r *ropa.Register) *string { return &r.Representative.Name }),
	dsText("representative.address", func(r *ropa.Register) *string { return &r.Representative.Address }),
	dsText("representative.email", func(r *ropa.Register) *string { return &r.Representative.Email }),
	dsText("representative.phone", func(r *ropa.Register) *string { return &r.Representative.Phone }),
	dsText("complaints.form", func(r *ropa.Register) *string { return &r.Complaints.Form }),
	dsText("complaints.email", func(r *ropa.Register) *string { return &r.Complaints.Email }),
	dsText("complaints.phone", func(r *ropa.Register) *string { return &r.Complaints.Phone }),
	dsText("complaints.address", func(r *ropa.Register) *string { return &r.Complaints.Address }),
	dsText("complaints.details", func(r *ropa.Register) *string { return &r.Complaints.Details }),
	dsListed(dsText("authority.code", func(r *ropa.Register) *string { return &r.Authority.Code }), "authorities"),
	dsText("authority.name", func(r *ropa.Register) *string { return &r.Authority.Name }),
	dsText("authority.address", func(r *ropa.Register) *string { return &r.Authority.Address }),
	dsText("authority.website", func(r *ropa.Register) *string { return &r.Authority.Website }),
	dsText("authority.email", func(r *ropa.Register) *string { return &r.Authority.Email }),
	dsText("authority.phone", func(r *ropa.Register) *string { return &r.Authority.Phone }),
	dsDate("reviewDate", func(r *ropa.Register) *ropa.Date { return &r.ReviewDate }),
	dsText("version", func(r *ropa.Register) *string { return &r.Version }),
}

var dsJointControllerFields = []dsField[ropa.JointController]{
	dsText("name", func(j *ropa.JointController) *string { return &j.Name }),
	dsText("contact", func(j *ropa.JointController) *string { return &j.Contact }),
	dsText("responsibilities", func(j *ropa.JointController) *string { return &j.Responsibilities }),
	dsText("arrangement", func(j *ropa.JointController) *string { return &j.Arrangement }),
	dsText("essence", func(j *ropa.JointController) *string { return &j.Essence }),
}

// dsActivityFields are the columns of the Activities sheet. The activity's
// lists of records (data categories, purposes, recipients, transfers,
// retention rules, sources, automated decisions, statements of none) are
// on their own sheets, a row per record, and its lists of free text on the
// Text lists sheet.
var dsActivityFields = []dsField[ropa.Activity]{
	dsText("id", func(a *ropa.Activity) *string { return &a.ID }),
	dsText("name", func(a *ropa.Activity) *string { return &a.Name }),
	dsText("businessFunction", func(a *ropa.Activity) *string { return &a.BusinessFunction }),
	dsText("owner", func(a *ropa.Activity) *string { return &a.Owner }),
	dsCatalogueList("dataSubjects", func(a *ropa.Activity) *[]ropa.Subject { return &a.DataSubjects }, ropa.ParseSubject),
	dsLawList("special.conditions", "conditions", func(a *ropa.Activity) *[]lawfulbasis.Condition { return &a.Special.Conditions }, lawfulbasis.ParseCondition),
	dsLawList("special.schedule1", "schedule1", func(a *ropa.Activity) *[]lawfulbasis.Schedule1 { return &a.Special.Schedule1 }, lawfulbasis.ParseSchedule1),
	dsText("special.law", func(a *ropa.Activity) *string { return &a.Special.Law }),
	dsLawList("criminal.schedule1", "schedule1", func(a *ropa.Activity) *[]lawfulbasis.Schedule1 { return &a.Criminal.Schedule1 }, lawfulbasis.ParseSchedule1),
	dsText("criminal.authority", func(a *ropa.Activity) *string { return &a.Criminal.Authority }),
	dsText("policyDocument.reference", func(a *ropa.Activity) *string { return &a.PolicyDocument.Reference }),
	dsText("policyDocument.article6", func(a *ropa.Activity) *string { return &a.PolicyDocument.Article6 }),
	dsEnum[ropa.Activity, ropa.Answer]("policyDocument.followsPolicy", "yesNo", func(a *ropa.Activity) *ropa.Answer { return &a.PolicyDocument.FollowsPolicy }),
	dsText("policyDocument.reason", func(a *ropa.Activity) *string { return &a.PolicyDocument.Reason }),
	dsEnum[ropa.Activity, ropa.Requirement]("provision.requirement", "requirements", func(a *ropa.Activity) *ropa.Requirement { return &a.Provision.Requirement }),
	dsText("provision.consequences", func(a *ropa.Activity) *string { return &a.Provision.Consequences }),
	dsSubjects("provision.subjects", func(a *ropa.Activity) *[]ropa.Subject { return &a.Provision.Subjects }),
	dsBool("children.onlineService", func(a *ropa.Activity) *bool { return &a.Children.OnlineService }),
	dsText("children.ageAssurance", func(a *ropa.Activity) *string { return &a.Children.AgeAssurance }),
	dsText("children.parentalConsent", func(a *ropa.Activity) *string { return &a.Children.ParentalConsent }),
	dsText("children.higherProtection", func(a *ropa.Activity) *string { return &a.Children.HigherProtection }),
	dsBool("largeScale", func(a *ropa.Activity) *bool { return &a.LargeScale }),
	dsBool("monitoring", func(a *ropa.Activity) *bool { return &a.Monitoring }),
	dsEnum[ropa.Activity, ropa.Answer]("dpia.required", "yesNo", func(a *ropa.Activity) *ropa.Answer { return &a.DPIA.Required }),
	dsEnum[ropa.Activity, ropa.DPIAStatus]("dpia.status", "dpiaStatuses", func(a *ropa.Activity) *ropa.DPIAStatus { return &a.DPIA.Status }),
	dsText("dpia.reference", func(a *ropa.Activity) *string { return &a.DPIA.Reference }),
	dsEnumList[ropa.Activity, ropa.Criterion]("screening", "", func(a *ropa.Activity) *[]ropa.Criterion { return &a.Screening }),
	dsText("consentRecord", func(a *ropa.Activity) *string { return &a.ConsentRecord }),
	dsEnum[ropa.Activity, ropa.ConsentGiver]("consent.givenBy", "consentGivers", func(a *ropa.Activity) *ropa.ConsentGiver { return &a.Consent.GivenBy }),
	dsText("consent.withdrawal", func(a *ropa.Activity) *string { return &a.Consent.Withdrawal }),
	dsBool("consent.biometric.parentalConsent", func(a *ropa.Activity) *bool { return &a.Consent.Biometric.ParentalConsent }),
	dsBool("consent.biometric.childRefusal", func(a *ropa.Activity) *bool { return &a.Consent.Biometric.ChildRefusal }),
	dsText("consent.biometric.alternative", func(a *ropa.Activity) *string { return &a.Consent.Biometric.Alternative }),
	dsEnum[ropa.Activity, ropa.Answer]("breach.occurred", "yesNo", func(a *ropa.Activity) *ropa.Answer { return &a.Breach.Occurred }),
	dsText("breach.reference", func(a *ropa.Activity) *string { return &a.Breach.Reference }),
	dsText("notes", func(a *ropa.Activity) *string { return &a.Notes }),
}

// dsFormat1 is what a format 1 workbook held in columns of the Activities
// sheet that format 2 keeps on sheets of its own: the data categories, for
// all the activity's data subjects, and one description of automated
// decision-making.
type dsFormat1 struct {
	categories []ropa.Category
	automated  ropa.Decision
}

// dsFormat1Fields are those columns, which [Read] accepts in a format 1
// workbook only.
var dsFormat1Fields = []dsField[dsFormat1]{
	dsCatalogueList("dataCategories", func(v *dsFormat1) *[]ropa.Category { return &v.categories }, ropa.ParseCategory),
	dsBool("automated.solely", func(v *dsFormat1) *bool { return &v.automated.Solely }),
	dsBool("automated.significant", func(v *dsFormat1) *bool { return &v.automated.Significant }),
	dsBool("automated.profiling", func(v *dsFormat1) *bool { return &v.automated.Profiling }),
	dsText("automated.logic", func(v *dsFormat1) *string { return &v.automated.Logic }),
	dsText("automated.consequences", func(v *dsFormat1) *string { return &v.automated.Consequences }),
	dsEnum[dsFormat1, ropa.DecisionGround]("automated.ground", "decisionGrounds", func(v *dsFormat1) *ropa.DecisionGround { return &v.automated.Ground }),
	dsEnumList[dsFormat1, ropa.DecisionSafeguard]("automated.safeguards", "", func(v *dsFormat1) *[]ropa.DecisionSafeguard { return &v.automated.Safeguards }),
}

var dsPurposeFields = []dsField[ropa.Purpose]{
	dsText("description", func(p *ropa.Purpose) *string { return &p.Description }),
	dsLaw("basis", "bases", func(p *ropa.Purpose) *lawfulbasis.Basis { return &p.Basis }, lawfulbasis.ParseBasis),
	dsText("interest", func(p *ropa.Purpose) *string { return &p.Interest }),
	dsText("assessment", func(p *ropa.Purpose) *string { return &p.Assessment }),
	dsLaw("annex1", "annex1", func(p *ropa.Purpose) *lawfulbasis.Annex1 { return &p.Annex1 }, lawfulbasis.ParseAnnex1),
	dsText("requester", func(p *ropa.Purpose) *string { return &p.Requester }),
	dsText("provision", func(p *ropa.Purpose) *string { return &p.Provision }),
	dsBool("outsidePublicTasks", func(p *ropa.Purpose) *bool { return &p.OutsidePublicTasks }),
	dsBool("directMarketing", func(p *ropa.Purpose) *bool { return &p.DirectMarketing }),
	dsBool("afterObjection", func(p *ropa.Purpose) *bool { return &p.AfterObjection }),
	dsSubjects("subjects", func(p *ropa.Purpose) *[]ropa.Subject { return &p.Subjects }),
}

// dsCategoryFields are the columns of the Data categories sheet: an
// activity's categories of personal data, a row each, with the data
// subjects each concerns.
var dsCategoryFields = []dsField[ropa.DataCategory]{
	dsCatalogueOne("category", "dataCategories", func(c *ropa.DataCategory) *ropa.Category { return &c.Category }, ropa.ParseCategory),
	dsSubjects("subjects", func(c *ropa.DataCategory) *[]ropa.Subject { return &c.Subjects }),
}

var dsRecipientFields = []dsField[ropa.Recipient]{
	dsText("name", func(r *ropa.Recipient) *string { return &r.Name }),
	dsEnum[ropa.Recipient, ropa.RecipientKind]("kind", "recipientKinds", func(r *ropa.Recipient) *ropa.RecipientKind { return &r.Kind }),
	dsText("country", func(r *ropa.Recipient) *string { return &r.Country }),
	dsText("contract", func(r *ropa.Recipient) *string { return &r.Contract }),
	dsSubjects("subjects", func(r *ropa.Recipient) *[]ropa.Subject { return &r.Subjects }),
}

var dsTransferFields = []dsField[ropa.Transfer]{
	dsText("country", func(t *ropa.Transfer) *string { return &t.Country }),
	dsText("recipient", func(t *ropa.Transfer) *string { return &t.Recipient }),
	dsLaw("mechanism", "mechanisms", func(t *ropa.Transfer) *lawfulbasis.Mechanism { return &t.Mechanism }, lawfulbasis.ParseMechanism),
	dsBool("certified", func(t *ropa.Transfer) *bool { return &t.Certified }),
	dsText("safeguards", func(t *ropa.Transfer) *string { return &t.Safeguards }),
	dsText("protectionTest", func(t *ropa.Transfer) *string { return &t.ProtectionTest }),
	dsDate("since", func(t *ropa.Transfer) *ropa.Date { return &t.Since }),
	dsSubjects("subjects", func(t *ropa.Transfer) *[]ropa.Subject { return &t.Subjects }),
}

var dsRetentionFields = []dsField[ropa.Retention]{
	dsCatalogueList("categories", func(r *ropa.Retention) *[]ropa.Category { return &r.Categories }, ropa.ParseCategory),
	dsRule("rule", func(r *ropa.Retention) *retention.Rule { return &r.Rule }),
	dsText("schedule", func(r *ropa.Retention) *string { return &r.Schedule }),
	dsPeriod("minimum", func(r *ropa.Retention) *retention.Period { return &r.Minimum }),
	dsText("minimumSource", func(r *ropa.Retention) *string { return &r.MinimumSource }),
	dsSubjects("subjects", func(r *ropa.Retention) *[]ropa.Subject { return &r.Subjects }),
}

var dsSourceFields = []dsField[ropa.Source]{
	dsEnum[ropa.Source, ropa.SourceKind]("kind", "sourceKinds", func(s *ropa.Source) *ropa.SourceKind { return &s.Kind }),
	dsText("name", func(s *ropa.Source) *string { return &s.Name }),
	dsSubjects("subjects", func(s *ropa.Source) *[]ropa.Subject { return &s.Subjects }),
}

// dsDecisionFields are the columns of the Automated decisions sheet: an
// activity's automated decisions and profiling, a row each.
var dsDecisionFields = []dsField[ropa.Decision]{
	dsText("description", func(d *ropa.Decision) *string { return &d.Description }),
	dsBool("solely", func(d *ropa.Decision) *bool { return &d.Solely }),
	dsBool("significant", func(d *ropa.Decision) *bool { return &d.Significant }),
	dsBool("profiling", func(d *ropa.Decision) *bool { return &d.Profiling }),
	dsText("logic", func(d *ropa.Decision) *string { return &d.Logic }),
	dsText("consequences", func(d *ropa.Decision) *string { return &d.Consequences }),
	dsEnum[ropa.Decision, ropa.DecisionGround]("ground", "decisionGrounds", func(d *ropa.Decision) *ropa.DecisionGround { return &d.Ground }),
	dsEnumList[ropa.Decision, ropa.DecisionSafeguard]("safeguards", "", func(d *ropa.Decision) *[]ropa.DecisionSafeguard { return &d.Safeguards }),
	dsSubjects("subjects", func(d *ropa.Decision) *[]ropa.Subject { return &d.Subjects }),
}

// dsNoneFields are the columns of the Stated none sheet: the facts an
// activity states it has none of, a row each, with the data subjects the
// statement concerns.
var dsNoneFields = []dsField[ropa.None]{
	dsEnum[ropa.None, ropa.Fact]("fact", "facts", func(n *ropa.None) *ropa.Fact { return &n.Fact }),
	dsSubjects("subjects", func(n *ropa.None) *[]ropa.Subject { return &n.Subjects }),
}

var dsProcessorFields = []dsField[ropa.ProcessorRecord]{
	dsText("controller", func(p *ropa.ProcessorRecord) *string { return &p.Controller }),
	dsText("representative", func(p *ropa.ProcessorRecord) *string { return &p.Representative }),
}

// The key columns that link rows to their activity or record, and the
// columns of the Text lists sheet.
const (
	dsKeyActivity = "activity"
	dsKeyRecord   = "record"
	dsKeyField    = "field"
	dsKeyValue    = "value"
	dsOrgField    = "Field"
	dsOrgValue    = "Value"
)

// dsActivityTextLists and dsProcessorTextLists are the lists of free text
// kept on the Text lists sheet, by JSON name.
var dsActivityTextLists = []struct {
	name string
	p    func(*ropa.Activity) *[]string
}{
	{"security", func(a *ropa.Activity) *[]string { return &a.Security }},
	{"systems", func(a *ropa.Activity) *[]string { return &a.Systems }},
	{"locations", func(a *ropa.Activity) *[]string { return &a.Locations }},
	{"jointControllers", func(a *ropa.Activity) *[]string { return &a.JointControllers }},
}

var dsProcessorTextLists = []struct {
	name string
	p    func(*ropa.ProcessorRecord) *[]string
}{
	{"processing", func(p *ropa.ProcessorRecord) *[]string { return &p.Processing }},
	{"security", func(p *ropa.ProcessorRecord) *[]string { return &p.Security }},
}

// ---- writing the data sheets ----

// dsEmit receives one data row: the JSON path of what it holds (for error
// messages) and its cells.
type dsEmit func(path string, cells []string) error

// dsSheet is one data sheet as the writer lays it out.
type dsSheet struct {
	name    string
	headers []string
	lists   []string // drop-down list key per column, "" for none
	// fieldPaths is set when the path a row is emitted with names the
	// value cell itself rather than the record (Organisation, Text lists).
	fieldPaths bool
	rows       func(reg *ropa.Register, emit dsEmit) error
}

// dsHeaders returns the fields of the columns of a data sheet, by JSON
// path (Write heads them with their titles, dsTitle), and their drop-down
// lists.
func dsHeaders[T any](key string, fields []dsField[T]) (headers, lists []string) {
	if key != "" {
		headers, lists = append(headers, key), append(lists, "")
	}
	for _, f := range fields {
		l := f.list
		if f.multi && l != "" {
			l = dsMultiPrefix + l // several values: a prompt, not a list their own values violate
		}
		headers, lists = append(headers, f.name), append(lists, l)
	}
	return headers, lists
}

// dsMultiPrefix marks the list key of a column of several values.
const dsMultiPrefix = "+"

// dsTitles are the column headings that are not the field's JSON path
// put into words (dsTitle).
var dsTitles = map[string]string{
	dsKeyActivity:                       "Activity ID",
	dsKeyRecord:                         "Activity ID or record",
	dsKeyField:                          "List",
	dsKeyValue:                          "Value",
	"id":                                "Activity ID",
	"dataSubjects":                      "Data subjects",
	"special.conditions":                "Special category data: Article 9 conditions",
	"special.schedule1":                 "Special category data: Schedule 1 conditions",
	"special.law":                       "Special category data: the law relied on",
	"criminal.schedule1":                "Criminal offence data: Schedule 1 conditions",
	"criminal.authority":                "Criminal offence data: official authority",
	"policyDocument.reference":          "Policy document: link",
	"policyDocument.article6":           "Policy document: Article 6 basis",
	"policyDocument.followsPolicy":      "Policy document: followed?",
	"policyDocument.reason":             "Policy document: reasons for not following it",
	"provision.requirement":             "Providing the data: requirement",
	"provision.consequences":            "Providing the data: consequences of not",
	"provision.subjects":                "Providing the data: data subjects",
	"children.onlineService":            "Children: online service likely used by them",
	"children.ageAssurance":             "Children: age assurance",
	"children.parentalConsent":          "Children: parental consent",
	"children.higherProtection":         "Children: higher protection",
	"largeScale":                        "Large scale",
	"dpia.required":                     "DPIA: required?",
	"dpia.status":                       "DPIA: progress",
	"dpia.reference":                    "DPIA: link",
	"screening":                         "DPIA screening criteria",
	"consentRecord":                     "Link to record of consent",
	"consent.givenBy":                   "Consent: given by",
	"consent.withdrawal":                "Consent: how to withdraw",
	"consent.biometric.parentalConsent": "Biometric data: parental consent",
	"consent.biometric.childRefusal":    "Biometric data: the child may refuse",
	"consent.biometric.alternative":     "Biometric data: alternative offered",
	"breach.occurred":                   "Personal data breach occurred?",
	"breach.reference":                  "Personal data breach: link",
	"basis":                             "Lawful basis (Article 6)",
	"interest":                          "Legitimate interest",
	"assessment":                        "Legitimate interests assessment",
	"annex1":                            "Recognised legitimate interest (Annex 1)",
	"outsidePublicTasks":                "Outside public tasks",
	"afterObjection":                    "After an objection",
	"subjects":                          "Data subjects (empty: all)",
	"protectionTest":                    "Data protection test",
	"minimumSource":                     "Minimum: source",
	"rule":                              "Rule (short form)",
	"kind":                              "Kind",
	"fact":                              "Stated as none",
	"automated.solely":                  "Automated: solely",
	"automated.significant":             "Automated: significant effects",
	"automated.profiling":               "Automated: profiling",
	"automated.logic":                   "Automated: logic",
	"automated.consequences":            "Automated: consequences",
	"automated.ground":                  "Automated: ground",
	"automated.safeguards":              "Automated: safeguards",
	"dataCategories":                    "Data categories",
}

// dsTitle is the heading of the column of a field: its JSON path put into
// words ("businessFunction" is "Business function"), or its entry in
// dsTitles. [Read] takes either the title or the JSON path, which format
// 1 and 2 workbooks have.
func dsTitle(name string) string {
	if t, ok := dsTitles[name]; ok {
		return t
	}
	var b strings.Builder
	for i, r := range name {
		switch {
		case r == '.':
			b.WriteString(": ")
		case i == 0:
			b.WriteRune(unicode.ToUpper(r))
		case unicode.IsUpper(r):
			b.WriteByte(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dsEncode fills cells with v's fields.
func dsEncode[T any](fields []dsField[T], v *T, cells []string, path string) error {
	for i, f := range fields {
		s, err := f.get(v)
		if err != nil {
			return fmt.Errorf("%s.%s: %w", path, f.name, err)
		}
		cells[i] = s
	}
	return nil
}

// dsChildSheet is a sheet of records that belong to activities, linked by
// the activity's ID in the first column.
func dsChildSheet[T any](name, jsonName string, fields []dsField[T], list func(*ropa.Activity) []T) dsSheet {
	h, l := dsHeaders(dsKeyActivity, fields)
	return dsSheet{name: name, headers: h, lists: l, rows: func(reg *ropa.Register, emit dsEmit) error {
		cells := make([]string, len(h))
		for i := range reg.Activities {
			a := &reg.Activities[i]
			for j, items := 0, list(a); j < len(items); j++ {
				path := "activities[" + strconv.Itoa(i) + "]." + jsonName + "[" + strconv.Itoa(j) + "]"
				cells[0] = a.ID
				if err := dsEncode(fields, &items[j], cells[1:], path); err != nil {
					return err
				}
				if err := emit(path, cells); err != nil {
					return err
				}
			}
		}
		return nil
	}}
}

// dsSheets returns the data sheets in workbook order.
func dsSheets() []dsSheet {
	var sheets []dsSheet
	sheets = append(sheets, dsSheet{
		name: snOrganisation, headers: []string{dsOrgField, dsOrgValue}, fieldPaths: true,
		rows: func(reg *ropa.Register, emit dsEmit) error {
			cells := make([]string, 2)
			for _, f := range dsOrgFields {
				s, err := f.get(reg)
				if err != nil {
					return fmt.Errorf("%s: %w", f.name, err)
				}
				cells[0], cells[1] = f.name, s
				if err := emit(f.name, cells); err != nil {
					return err
				}
			}
			return nil
		},
	})
	h, l := dsHeaders("", dsJointControllerFields)
	sheets = append(sheets, dsSheet{name: snJointControllers, headers: h, lists: l, rows: func(reg *ropa.Register, emit dsEmit) error {
		cells := make([]string, len(dsJointControllerFields))
		for i := range reg.JointControllers {
			path := "jointControllers[" + strconv.Itoa(i) + "]"
			if reg.JointControllers[i] == (ropa.JointController{}) {
				return fmt.Errorf("%s: a joint controller with no name, contact or responsibilities cannot be written", path)
			}
			if err := dsEncode(dsJointControllerFields, &reg.JointControllers[i], cells, path); err != nil {
				return err
			}
			if err := emit(path, cells); err != nil {
				return err
			}
		}
		return nil
	}})
	h, l = dsHeaders("", dsActivityFields)
	sheets = append(sheets, dsSheet{name: snActivities, headers: h, lists: l, rows: func(reg *ropa.Register, emit dsEmit) error {
		cells := make([]string, len(dsActivityFields))
		for i := range reg.Activities {
			path := "activities[" + strconv.Itoa(i) + "]"
			if err := dsEncode(dsActivityFields, &reg.Activities[i], cells, path); err != nil {
				return err
			}
			if err := emit(path, cells); err != nil {
				return err
			}
		}
		return nil
	}})
	sheets = append(sheets,
		dsChildSheet(snDataCategories, "dataCategories", dsCategoryFields, func(a *ropa.Activity) []ropa.DataCategory { return a.DataCategories }),
		dsChildSheet(snPurposes, "purposes", dsPurposeFields, func(a *ropa.Activity) []ropa.Purpose { return a.Purposes }),
		dsChildSheet(snRecipients, "recipients", dsRecipientFields, func(a *ropa.Activity) []ropa.Recipient { return a.Recipients }),
	)
	h, l = dsHeaders(dsKeyRecord, dsTransferFields)
	sheets = append(sheets, dsSheet{name: snTransfers, headers: h, lists: l, rows: func(reg *ropa.Register, emit dsEmit) error {
		cells := make([]string, 1+len(dsTransferFields))
		put := func(key, path string, t *ropa.Transfer) error {
			cells[0] = key
			if err := dsEncode(dsTransferFields, t, cells[1:], path); err != nil {
				return err
			}
			return emit(path, cells)
		}
		for i := range reg.Activities {
			a := &reg.Activities[i]
			for j := range a.Transfers {
				if err := put(a.ID, "activities["+strconv.Itoa(i)+"].transfers["+strconv.Itoa(j)+"]", &a.Transfers[j]); err != nil {
					return err
				}
			}
		}
		for i := range reg.ProcessorRecords {
			p := &reg.ProcessorRecords[i]
			for j := range p.Transfers {
				if err := put(vwProcessorLabel(i), "processorRecords["+strconv.Itoa(i)+"].transfers["+strconv.Itoa(j)+"]", &p.Transfers[j]); err != nil {
					return err
				}
			}
		}
		return nil
	}})
	sheets = append(sheets,
		dsChildSheet(snRetentionRules, "retention", dsRetentionFields, func(a *ropa.Activity) []ropa.Retention { return a.Retention }),
		dsChildSheet(snSources, "sources", dsSourceFields, func(a *ropa.Activity) []ropa.Source { return a.Sources }),
		dsChildSheet(snDecisions, "automated", dsDecisionFields, func(a *ropa.Activity) []ropa.Decision { return a.Automated }),
		dsChildSheet(snNone, "none", dsNoneFields, func(a *ropa.Activity) []ropa.None { return a.None }),
	)
	h, l = dsHeaders(dsKeyRecord, dsProcessorFields)
	sheets = append(sheets, dsSheet{name: snProcessorRecords, headers: h, lists: l, rows: func(reg *ropa.Register, emit dsEmit) error {
		cells := make([]string, 1+len(dsProcessorFields))
		for i := range reg.ProcessorRecords {
			path := "processorRecords[" + strconv.Itoa(i) + "]"
			cells[0] = vwProcessorLabel(i)
			if err := dsEncode(dsProcessorFields, &reg.ProcessorRecords[i], cells[1:], path); err != nil {
				return err
			}
			if err := emit(path, cells); err != nil {
				return err
			}
		}
		return nil
	}})
	sheets = append(sheets, dsSheet{name: snTextLists, headers: []string{dsKeyRecord, dsKeyField, dsKeyValue}, fieldPaths: true,
		rows: func(reg *ropa.Register, emit dsEmit) error {
			cells := make([]string, 3)
			for i := range reg.Activities {
				a := &reg.Activities[i]
				for _, tl := range dsActivityTextLists {
					for j, v := range *tl.p(a) {
						cells[0], cells[1], cells[2] = a.ID, tl.name, v
						if err := emit("activities["+strconv.Itoa(i)+"]."+tl.name+"["+strconv.Itoa(j)+"]", cells); err != nil {
							return err
						}
					}
				}
			}
			for i := range reg.ProcessorRecords {
				p := &reg.ProcessorRecords[i]
				for _, tl := range dsProcessorTextLists {
					for j, v := range *tl.p(p) {
						cells[0], cells[1], cells[2] = vwProcessorLabel(i), tl.name, v
						if err := emit("processorRecords["+strconv.Itoa(i)+"]."+tl.name+"["+strconv.Itoa(j)+"]", cells); err != nil {
							return err
						}
					}
				}
			}
			return nil
		}})
	return sheets
}

// dsParseLines parses each line of a multi-value cell; an error names the
// first line that does not parse, and no list is set.
func dsParseLines[E any](s string, parse func(string) (E, error)) ([]E, error) {
	var out []E
	for _, line := range dsLines(s) {
		x, err := parse(line)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, nil
}
