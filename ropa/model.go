package ropa

import (
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
)

// Register is one organisation's record of processing activities: its
// identity as controller, its DPO and representative, joint controllers, the
// regime it keeps the record under, its controller records (Art 30(1)) and,
// where it also processes for others, its processor records (Art 30(2)).
type Register struct {
	// Jurisdiction is the regime the record is kept under.
	Jurisdiction lawfulbasis.Regime `json:"jurisdiction,omitempty" validate:"required,regime"`
	// Controller is the organisation (Art 30(1)(a)).
	Controller Organisation `json:"controller"`
	// DPO is the data protection officer, where one is designated (Art 30(1)(a), Art 37).
	DPO Contact `json:"dpo,omitzero"`
	// Representative is the controller's representative, where one is needed (Art 27).
	Representative Contact `json:"representative,omitzero"`
	// JointControllers are the organisations the controller determines purposes and means with (Art 26).
	JointControllers []JointController `json:"jointControllers,omitempty" validate:"dive"`
	// Complaints records how people complain to the organisation itself (UK: DPA 2018 s164A).
	Complaints ComplaintRoute `json:"complaints,omitzero"`
	// Authority is the supervisory authority people may complain to (Art
	// 13(2)(d)): under the EU regime the lead or competent authority, which
	// the register must name; under the UK regime the UK regulator, which is
	// the default when this is left empty.
	Authority SupervisoryAuthority `json:"authority,omitzero"`
	// Activities are the controller records, one per processing activity (Art 30(1)).
	Activities []Activity `json:"activities" validate:"dive"`
	// ProcessorRecords are the records kept as a processor for other controllers (Art 30(2)).
	ProcessorRecords []ProcessorRecord `json:"processorRecords,omitempty" validate:"dive"`
	// ReviewDate is when the register was last reviewed.
	ReviewDate Date `json:"reviewDate,omitzero"`
	// Version is the register's version label.
	Version string `json:"version,omitempty" validate:"max=200"`
}

// Organisation is the controller's identity and contact details.
type Organisation struct {
	Name            string    `json:"name" validate:"required,max=500"`
	Address         string    `json:"address,omitempty" validate:"max=2000"`
	Email           string    `json:"email,omitempty" validate:"omitempty,email"`
	Phone           string    `json:"phone,omitempty" validate:"max=100"`
	Website         string    `json:"website,omitempty" validate:"omitempty,url"`
	Registration    string    `json:"registration,omitempty" validate:"max=100"`     // ICO registration (data protection fee) number
	PublicAuthority bool      `json:"publicAuthority,omitempty"`                     // a public authority or body, for Art 6(1) and Art 37
	School          bool      `json:"school,omitempty"`                              // a school or college in England or Wales, for the Protection of Freedoms Act 2012 ss26-28
	Headcount       Headcount `json:"headcount,omitempty" validate:"omitempty,enum"` // staff band for the Art 30(5) question
}

// Contact is a person or office with contact details: a DPO or representative.
type Contact struct {
	Name    string `json:"name,omitempty" validate:"max=500"`
	Address string `json:"address,omitempty" validate:"max=2000"`
	Email   string `json:"email,omitempty" validate:"omitempty,email"`
	Phone   string `json:"phone,omitempty" validate:"max=100"`
}

// IsZero reports whether no detail is recorded.
func (c Contact) IsZero() bool { return c == Contact{} }

// JointController is an organisation that is a joint controller with this
// one (Art 26), with what it is responsible for.
type JointController struct {
	Name    string `json:"name" validate:"required,max=500"`
	Contact string `json:"contact,omitempty" validate:"max=2000"`
	// Responsibilities are what each joint controller does to comply,
	// notably for the information and rights of the people concerned (Art
	// 26(1)).
	Responsibilities string `json:"responsibilities,omitempty" validate:"max=4000"`
	// Arrangement says where the Art 26 arrangement between the joint
	// controllers is kept.
	Arrangement string `json:"arrangement,omitempty" validate:"max=2000"`
	// Essence says where the essence of the arrangement is made available
	// to the people concerned (Art 26(2)).
	Essence string `json:"essence,omitempty" validate:"max=2000"`
}

// SupervisoryAuthority names the supervisory authority people may complain
// to. Code is the key of a well-known authority ("uk" for the UK
// regulator; an EU or EEA member state's ISO 3166-1 code in lower case,
// such as "ie" for the Irish Data Protection Commission or "fr" for the
// CNIL); the other fields, where given, replace or complete its details.
type SupervisoryAuthority struct {
	Code    string `json:"code,omitempty" validate:"max=20"`
	Name    string `json:"name,omitempty" validate:"max=500"`
	Address string `json:"address,omitempty" validate:"max=2000"`
	Website string `json:"website,omitempty" validate:"omitempty,url"`
	Email   string `json:"email,omitempty" validate:"omitempty,email"`
	Phone   string `json:"phone,omitempty" validate:"max=100"`
}

// IsZero reports whether nothing is recorded.
func (s SupervisoryAuthority) IsZero() bool { return s == SupervisoryAuthority{} }

// ComplaintRoute records how people can complain to the organisation about
// its use of their data (DPA 2018 s164A(2): "a complaint form which can be
// completed electronically and by other means").
type ComplaintRoute struct {
	Form    string `json:"form,omitempty" validate:"omitempty,url"` // address of the electronic complaint form
	Email   string `json:"email,omitempty" validate:"omitempty,email"`
	Phone   string `json:"phone,omitempty" validate:"max=100"`
	Address string `json:"address,omitempty" validate:"max=2000"`
	Details string `json:"details,omitempty" validate:"max=4000"` // how complaints are handled
}

// IsZero reports whether no route is recorded.
func (c ComplaintRoute) IsZero() bool { return c == ComplaintRoute{} }

// Activity is one processing activity: one row of the ICO template.
type Activity struct {
	ID               string `json:"id" validate:"required,max=100"`
	Name             string `json:"name" validate:"required,max=500"`
	BusinessFunction string `json:"businessFunction,omitempty" validate:"max=500"`
	Owner            string `json:"owner,omitempty" validate:"max=500"`

	// Purposes, each with its lawful basis (Art 30(1)(b), Art 6(1)).
	Purposes []Purpose `json:"purposes" validate:"dive"`
	// DataSubjects are the categories of individuals (Art 30(1)(c)).
	DataSubjects []Subject `json:"dataSubjects" validate:"dive,subject"`
	// DataCategories are the categories of personal data (Art 30(1)(c)),
	// each for all the activity's data subjects or for those it names.
	DataCategories []DataCategory `json:"dataCategories" validate:"dive"`
	// Special records the Art 9(2) and Schedule 1 conditions for special category data.
	Special SpecialCategory `json:"special,omitzero"`
	// Criminal records the authority for criminal offence data (Art 10).
	Criminal CriminalOffence `json:"criminal,omitzero"`
	// PolicyDocument is the appropriate policy document and the Sch 1 para 41 record fields (UK).
	PolicyDocument PolicyDocument `json:"policyDocument,omitzero"`
	// Sources say where the data come from when not from the data subject (Art 14(2)(f)).
	Sources []Source `json:"sources,omitempty" validate:"dive"`
	// Provision says whether providing the data is required and what happens if not (Art 13(2)(e)).
	Provision Provision `json:"provision,omitzero"`
	// Recipients are the recipients and processors (Art 30(1)(d)).
	Recipients []Recipient `json:"recipients,omitempty" validate:"dive"`
	// Transfers are the international transfers (Art 30(1)(e)).
	Transfers []Transfer `json:"transfers,omitempty" validate:"dive"`
	// Retention are the retention rules, per data category (Art 30(1)(f)).
	Retention []Retention `json:"retention,omitempty" validate:"dive"`
	// Security are the technical and organisational security measures (Art 30(1)(g)).
	Security []string `json:"security,omitempty" validate:"dive,max=4000"`
	// Automated are the automated decisions, including profiling, made in
	// the activity (Art 13(2)(f); Art 22 / Arts 22A-22D). That there are
	// none is stated with None, not by leaving this empty.
	Automated []Decision `json:"automated,omitempty" validate:"dive"`
	// None states the facts the activity has none of (no automated
	// decisions, no transfers, no recipients, no sources other than the
	// people themselves), for all its data subjects or for those named.
	// A fact neither listed nor stated as none is not recorded, and an
	// output may not deny it.
	None []None `json:"none,omitempty" validate:"dive"`
	// Children records an online service likely to be used by children (Art 8; UK Art 25(1A)).
	Children Children `json:"children,omitzero"`
	// LargeScale marks processing on a large scale (Art 35(3)(b)).
	LargeScale bool `json:"largeScale,omitempty"`
	// Monitoring marks systematic monitoring of people or of a publicly
	// accessible area (Art 35(3)(c); the ICO's list of high-risk processing).
	Monitoring bool `json:"monitoring,omitempty"`
	// DPIA records the data protection impact assessment (Art 35).
	DPIA DPIA `json:"dpia,omitzero"`
	// Screening are the DPIA screening criteria the activity meets beyond
	// those derived from its data subjects, categories and flags (see
	// [Activity.Criteria]).
	Screening []Criterion `json:"screening,omitempty" validate:"dive,enum"`
	// ConsentRecord is where consent is recorded (Art 7(1)).
	ConsentRecord string `json:"consentRecord,omitempty" validate:"max=2000"`
	// Consent says who gives consent and how it is withdrawn, where a
	// purpose relies on consent.
	Consent Consent `json:"consent,omitzero"`
	// Breach records whether a personal data breach has occurred and where it is recorded (Art 33(5)).
	Breach Breach `json:"breach,omitzero"`
	// Systems and Locations say where the data are held (for access requests).
	Systems   []string `json:"systems,omitempty" validate:"dive,max=1000"`
	Locations []string `json:"locations,omitempty" validate:"dive,max=1000"`
	// JointControllers names the joint controllers of this activity, by name.
	JointControllers []string `json:"jointControllers,omitempty" validate:"dive,max=500"`
	// Notes is free text the register keeps with the activity.
	Notes string `json:"notes,omitempty" validate:"max=32767"`
}

// Purpose is one purpose of an activity with its lawful basis.
type Purpose struct {
	Description string            `json:"description" validate:"required,max=4000"`
	Basis       lawfulbasis.Basis `json:"basis,omitempty" validate:"omitempty,basis"`
	// Interest is the legitimate interest pursued, for legitimate interests (Art 13(1)(d)).
	Interest string `json:"interest,omitempty" validate:"max=4000"`
	// Assessment references the legitimate interests assessment.
	Assessment string `json:"assessment,omitempty" validate:"max=2000"`
	// Annex1 is the condition relied on for recognised legitimate interests (UK GDPR Art 6(5)).
	Annex1 lawfulbasis.Annex1 `json:"annex1,omitempty" validate:"omitempty,annex1"`
	// Requester is who asked for a disclosure under Annex 1 para 1.
	Requester string `json:"requester,omitempty" validate:"max=1000"`
	// Provision is the law relied on for legal obligation or public task (Art 6(3)).
	Provision string `json:"provision,omitempty" validate:"max=2000"`
	// OutsidePublicTasks marks, for a public authority, processing that is
	// not in the performance of its tasks, where (legitimate) interests may be
	// relied on (ICO guidance on legitimate interests).
	OutsidePublicTasks bool `json:"outsidePublicTasks,omitempty"`
	// DirectMarketing marks a purpose of direct marketing, to which a
	// person may always object (Art 21(2)-(3)).
	DirectMarketing bool `json:"directMarketing,omitempty"`
	// AfterObjection marks processing that continues after the person has
	// objected or unsubscribed. For direct marketing this is unlawful (Art
	// 21(3); PECR reg 22).
	AfterObjection bool `json:"afterObjection,omitempty"`
	// Subjects are the activity's data subjects the purpose concerns;
	// empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// SpecialCategory records the conditions for special category data.
type SpecialCategory struct {
	Conditions []lawfulbasis.Condition `json:"conditions,omitempty" validate:"dive,condition"`
	Schedule1  []lawfulbasis.Schedule1 `json:"schedule1,omitempty" validate:"dive,schedule1"`
	// Law is the Union or member state law an Art 9(2)(b), (g), (h), (i)
	// or (j) condition rests on under the EU regime (for example "Data
	// Protection Act 2018 (Ireland) s46"); under the UK regime those
	// conditions rest on DPA 2018 Schedule 1, recorded in Schedule1.
	Law string `json:"law,omitempty" validate:"max=2000"`
}

// CriminalOffence records the authority for criminal offence data: under the
// UK regime a Schedule 1 condition (DPA 2018 s10(5)); under the EU regime,
// official authority or the Union or member state law that authorises it
// (Art 10).
type CriminalOffence struct {
	Schedule1 []lawfulbasis.Schedule1 `json:"schedule1,omitempty" validate:"dive,schedule1"`
	Authority string                  `json:"authority,omitempty" validate:"max=2000"`
}

// PolicyDocument is the appropriate policy document (DPA 2018 Sch 1 para 39)
// and the record fields of Sch 1 para 41.
type PolicyDocument struct {
	Reference string `json:"reference,omitempty" validate:"max=2000"` // where the APD is (ICO column AB)
	// Article6 says how the processing satisfies Art 6 (para 41(b)).
	Article6 string `json:"article6,omitempty" validate:"max=2000"`
	// FollowsPolicy says whether data are retained and erased in line with the APD (para 41(c)).
	FollowsPolicy Answer `json:"followsPolicy,omitempty" validate:"omitempty,enum"`
	// Reason says why not, where they are not (para 41(c)).
	Reason string `json:"reason,omitempty" validate:"max=4000"`
}

// Source is where personal data come from.
type Source struct {
	Kind SourceKind `json:"kind" validate:"required,enum"`
	Name string     `json:"name,omitempty" validate:"max=1000"`
	// Subjects are the activity's data subjects whose data come from this
	// source; empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Provision records whether providing the data is a requirement and what
// follows if it is not provided (Art 13(2)(e)).
type Provision struct {
	Requirement  Requirement `json:"requirement,omitempty" validate:"omitempty,enum"`
	Consequences string      `json:"consequences,omitempty" validate:"max=4000"`
	// Subjects are the activity's data subjects the requirement concerns;
	// empty means all of them. For the others it is not recorded.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Recipient is a recipient or category of recipients.
type Recipient struct {
	Name     string        `json:"name" validate:"required,max=1000"`
	Kind     RecipientKind `json:"kind" validate:"required,enum"`
	Country  string        `json:"country,omitempty" validate:"omitempty,country"` // ISO 3166-1 alpha-2
	Contract string        `json:"contract,omitempty" validate:"max=2000"`         // the Art 28(3) contract, for processors
	// Subjects are the activity's data subjects whose data go to this
	// recipient; empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Transfer is an international transfer.
type Transfer struct {
	Country string `json:"country" validate:"required,country"` // ISO 3166-1 alpha-2, or an international organisation's short name
	// Recipient names the recipient the data go to: the Name of one of the
	// activity's Recipients (in a processor record, free text).
	Recipient      string                `json:"recipient,omitempty" validate:"max=1000"`
	Mechanism      lawfulbasis.Mechanism `json:"mechanism,omitempty" validate:"omitempty,mechanism"`
	Certified      bool                  `json:"certified,omitempty"` // recipient certified under the DPF (for the UK, the UK Extension)
	Safeguards     string                `json:"safeguards,omitempty" validate:"max=4000"`
	ProtectionTest string                `json:"protectionTest,omitempty" validate:"max=2000"` // documented data protection test (UK Art 46(1A))
	Since          Date                  `json:"since,omitzero"`                               // when the transfer began; dated checks apply from then
	// Subjects are the activity's data subjects whose data are
	// transferred; empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Retention is a retention rule for some of an activity's data categories.
type Retention struct {
	// Categories the rule covers; empty means all of the activity's.
	Categories []Category `json:"categories,omitempty" validate:"dive,category"`
	// Rule is the structured rule, where it can be typed.
	Rule retention.Rule `json:"rule,omitzero"`
	// Schedule is the rule as free text, where it cannot be typed.
	Schedule string `json:"schedule,omitempty" validate:"max=4000"`
	// Minimum is a statutory minimum period, with its source.
	Minimum       retention.Period `json:"minimum,omitzero"`
	MinimumSource string           `json:"minimumSource,omitempty" validate:"max=2000"`
	// Subjects are the activity's data subjects whose data the rule
	// covers; empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Decision describes one kind of automated decision-making or profiling.
type Decision struct {
	// Description says what is decided or profiled.
	Description  string              `json:"description,omitempty" validate:"max=4000"`
	Solely       bool                `json:"solely,omitempty"`      // decisions based solely on automated processing
	Significant  bool                `json:"significant,omitempty"` // with legal or similarly significant effect
	Profiling    bool                `json:"profiling,omitempty"`
	Logic        string              `json:"logic,omitempty" validate:"max=4000"`
	Consequences string              `json:"consequences,omitempty" validate:"max=4000"`
	Ground       DecisionGround      `json:"ground,omitempty" validate:"omitempty,enum"` // EU Art 22(2)
	Safeguards   []DecisionSafeguard `json:"safeguards,omitempty" validate:"dive,required,enum"`
	// Subjects are the activity's data subjects the decisions concern;
	// empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Children records an information society service likely to be accessed by
// children.
type Children struct {
	OnlineService    bool   `json:"onlineService,omitempty"`
	AgeAssurance     string `json:"ageAssurance,omitempty" validate:"max=4000"`
	ParentalConsent  string `json:"parentalConsent,omitempty" validate:"max=4000"`
	HigherProtection string `json:"higherProtection,omitempty" validate:"max=4000"` // UK Art 25(1A)-(1B)
}

// DPIA records the data protection impact assessment of an activity.
type DPIA struct {
	Required  Answer     `json:"required,omitempty" validate:"omitempty,enum"`
	Status    DPIAStatus `json:"status,omitempty" validate:"omitempty,enum"`
	Reference string     `json:"reference,omitempty" validate:"max=2000"`
}

// Breach records whether a personal data breach occurred in the activity.
type Breach struct {
	Occurred  Answer `json:"occurred,omitempty" validate:"omitempty,enum"`
	Reference string `json:"reference,omitempty" validate:"max=2000"`
}

// ProcessorRecord is a record kept as a processor (Art 30(2)).
type ProcessorRecord struct {
	Controller     string     `json:"controller" validate:"required,max=2000"`      // name and contact details (30(2)(a))
	Representative string     `json:"representative,omitempty" validate:"max=2000"` // the controller's representative
	Processing     []string   `json:"processing" validate:"dive,max=4000"`          // categories of processing (30(2)(b))
	Transfers      []Transfer `json:"transfers,omitempty" validate:"dive"`          // 30(2)(c)
	Security       []string   `json:"security,omitempty" validate:"dive,max=4000"`  // 30(2)(d)
}

// DataCategory is one category of personal data of an activity, for all the
// activity's data subjects or for those it names. In YAML and JSON an
// unscoped category is written as its slug alone ("health"); a scoped one
// as a mapping:
//
//	dataCategories:
//	  - contact-details
//	  - category: pay-and-benefits
//	    subjects: [employees]
type DataCategory struct {
	Category Category `json:"category" validate:"required,category"`
	// Subjects are the activity's data subjects the category concerns;
	// empty means all of them.
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// None states that an activity has none of a kind of fact, for all its
// data subjects or for those it names. In YAML and JSON an unscoped
// statement is written as the fact alone:
//
//	none: [automated-decisions, transfers]
//	none:
//	  - fact: other-sources
//	    subjects: [job-applicants]
type None struct {
	Fact     Fact      `json:"fact" validate:"required,enum"`
	Subjects []Subject `json:"subjects,omitempty" validate:"dive,subject"`
}

// Consent says who gives consent for an activity's consent-based purposes
// and how it is withdrawn (Art 7(1), (3); Art 8). Where consent is
// recorded is [Activity.ConsentRecord].
type Consent struct {
	// GivenBy says who gives consent: the person, or a parent or guardian
	// for a child (Art 8(1)).
	GivenBy ConsentGiver `json:"givenBy,omitempty" validate:"omitempty,enum"`
	// Withdrawal says how consent is withdrawn, which must be as easy as
	// giving it (Art 7(3)).
	Withdrawal string `json:"withdrawal,omitempty" validate:"max=2000"`
	// Biometric records the Protection of Freedoms Act 2012 ss26-28 duties
	// of a school or college processing pupils' biometric information.
	Biometric BiometricConsent `json:"biometric,omitzero"`
}

// BiometricConsent records the duties of a school or college in England
// or Wales that processes a child's biometric information (Protection of
// Freedoms Act 2012 ss26-28).
type BiometricConsent struct {
	// ParentalConsent: each parent is notified and at least one consents
	// in writing, and none objects in writing (s26(3)-(5), s27).
	ParentalConsent bool `json:"parentalConsent,omitempty"`
	// ChildRefusal: the child's refusal or objection is respected,
	// whatever the parents' consent (s26(5)).
	ChildRefusal bool `json:"childRefusal,omitempty"`
	// Alternative is the reasonable alternative means offered to a child
	// whose information is not processed (s26(7)).
	Alternative string `json:"alternative,omitempty" validate:"max=2000"`
}
