package ropa

import (
	"fmt"
	"strings"

	"github.com/article30/article30/internal/enum"
	"github.com/article30/article30/parse"
)

// entry is one well-known data subject or data category.
type entry struct {
	slug     string
	title    string   // for registers: "Job applicants"
	plain    string   // for notices, in a sentence: "job applicants"
	dpv      string   // W3C DPV IRI, where DPV has one
	keys     []string // other accepted names
	special  bool     // Art 9(1) special category data
	criminal bool     // Art 10 criminal offence data
}

// catalogue is a closed list of entries looked up by slug, title or key
// through the module's one lookup table, [enum.Table].
type catalogue struct {
	kind    string
	entries []entry
	table   *enum.Table
}

func newCatalogue(kind string, entries []entry) *catalogue {
	es := make([]enum.Entry, len(entries))
	for i, e := range entries {
		es[i] = enum.Entry{Slug: e.slug, Title: e.title, Keys: e.keys}
	}
	return &catalogue{kind: kind, entries: entries, table: enum.New(kind, "", es)}
}

// err is the [*parse.Error] for s, whose hint shows s as a custom entry.
func (c *catalogue) err(s string) error {
	err := c.table.Err(s)
	if pe, ok := err.(*parse.Error); ok && !pe.Ambiguous {
		if strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), customPrefix) {
			pe.Hint = `write a custom entry on one line as "custom: <name>"`
			if c.kind == "data category" {
				pe.Hint += `, "custom special: <name>" or "custom criminal: <name>"`
			}
		} else {
			pe.Hint = `a custom entry such as "custom: ` + strings.TrimSpace(s) + `"`
		}
	}
	return err
}

func (c *catalogue) lookup(s string) (entry, bool) {
	i, ok := c.table.Find(s)
	if !ok {
		return entry{}, false
	}
	return c.entries[i], true
}

func (c *catalogue) slugs() []string { return c.table.Slugs() }

// keys returns every spelling the catalogue reads, in the form [norm]
// gives: the words of each joined by hyphens.
func (c *catalogue) keys() []string {
	var out []string
	for _, e := range c.entries {
		for _, k := range append([]string{e.slug, e.title}, e.keys...) {
			out = append(out, norm(k))
		}
	}
	return out
}

// norm is the words of s (runs of ASCII letters and digits, lower-cased)
// joined by hyphens.
func norm(s string) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	return strings.Join(f, "-")
}

// customPrefix starts a custom entry's text form: "custom: Alumni". Custom
// data categories say whether they are special category or criminal offence
// data: "custom special: Facial geometry", "custom criminal: Cautions".
const customPrefix = "custom"

// parseCustom splits "custom[ special| criminal]: name".
func parseCustom(s string) (flag, name string, ok bool) {
	head, name, found := strings.Cut(s, ":")
	if !found {
		return "", "", false
	}
	f := strings.Fields(strings.ToLower(head))
	if len(f) == 0 || f[0] != customPrefix || len(f) > 2 {
		return "", "", false
	}
	if len(f) == 2 {
		flag = f[1]
	}
	name = strings.TrimSpace(name)
	if strings.ContainsAny(name, "\r\n\t") {
		return "", "", false // a custom name is one line: registers join values with line breaks
	}
	return flag, name, true
}

// Subject is a category of data subjects: a catalogue slug such as
// "job-applicants", or a custom entry written "custom: Alumni".
type Subject string

// Well-known data subjects.
const (
	YoungPeople      Subject = "young-people"
	Pupils           Subject = "pupils-and-students"
	Parents          Subject = "parents-and-carers"
	JobApplicants    Subject = "job-applicants"
	Employees        Subject = "employees"
	FormerEmployees  Subject = "former-employees"
	Volunteers       Subject = "volunteers"
	Trustees         Subject = "trustees-and-governors"
	Contractors      Subject = "contractors"
	SupplierStaff    Subject = "supplier-and-partner-staff"
	EmployerContacts Subject = "employer-contacts"
	EducationStaff   Subject = "education-staff"
	Referees         Subject = "referees"
	NextOfKin        Subject = "next-of-kin"
	Customers        Subject = "customers"
	ServiceUsers     Subject = "service-users"
	Public           Subject = "members-of-the-public"
	WebsiteVisitors  Subject = "website-visitors"
	Subscribers      Subject = "newsletter-subscribers"
)

var subjects = newCatalogue("data subject", []entry{
	{slug: "young-people", title: "Young people", plain: "young people", dpv: "https://w3id.org/dpv#Child", keys: []string{"children", "child", "young person", "young people (children)"}},
	{slug: "pupils-and-students", title: "Pupils and students", plain: "pupils and students", dpv: "https://w3id.org/dpv#Student", keys: []string{"pupils", "students", "learners"}},
	{slug: "parents-and-carers", title: "Parents and carers", plain: "parents and carers", dpv: "https://w3id.org/dpv#Parent", keys: []string{"parents", "carers", "guardians"}},
	{slug: "job-applicants", title: "Job applicants", plain: "job applicants", dpv: "https://w3id.org/dpv#JobApplicant", keys: []string{"applicants", "candidates"}},
	{slug: "employees", title: "Employees", plain: "employees", dpv: "https://w3id.org/dpv#Employee", keys: []string{"staff", "workers"}},
	{slug: "former-employees", title: "Former employees", plain: "former employees", keys: []string{"leavers"}},
	{slug: "volunteers", title: "Volunteers", plain: "volunteers"},
	{slug: "trustees-and-governors", title: "Trustees and governors", plain: "trustees and governors", keys: []string{"trustees", "governors", "board members"}},
	{slug: "contractors", title: "Contractors", plain: "contractors", keys: []string{"consultants"}},
	{slug: "supplier-and-partner-staff", title: "Supplier and partner staff", plain: "staff of our suppliers and partners", keys: []string{"supplier staff", "partner staff", "partners and supplier staff"}},
	{slug: "employer-contacts", title: "Employer contacts", plain: "contacts at employers"},
	{slug: "education-staff", title: "Education staff", plain: "staff of schools and colleges", keys: []string{"teachers", "careers leaders", "education provider staff"}},
	{slug: "referees", title: "Referees", plain: "referees"},
	{slug: "next-of-kin", title: "Next of kin and emergency contacts", plain: "next of kin and emergency contacts", keys: []string{"emergency contacts"}},
	{slug: "customers", title: "Customers", plain: "customers", dpv: "https://w3id.org/dpv#Customer", keys: []string{"clients"}},
	{slug: "service-users", title: "Service users and patients", plain: "people who use our services", dpv: "https://w3id.org/dpv#Patient", keys: []string{"patients", "service users"}},
	{slug: "members-of-the-public", title: "Members of the public giving feedback", plain: "members of the public who give us feedback", keys: []string{"public", "members of the public"}},
	{slug: "website-visitors", title: "Website visitors", plain: "visitors to our website", dpv: "https://w3id.org/dpv#Visitor", keys: []string{"visitors"}},
	{slug: "newsletter-subscribers", title: "Newsletter subscribers", plain: "newsletter subscribers", dpv: "https://w3id.org/dpv#Subscriber", keys: []string{"subscribers"}},
})

// Subjects returns the catalogue of well-known data subjects.
func Subjects() []Subject {
	var out []Subject
	for _, s := range subjects.slugs() {
		out = append(out, Subject(s))
	}
	return out
}

// ParseSubject reads a data subject from a catalogue slug or title, or a
// custom entry "custom: Alumni".
func ParseSubject(s string) (Subject, error) {
	if flag, name, ok := parseCustom(s); ok {
		if name == "" || flag != "" {
			return "", fmt.Errorf("invalid custom data subject %q: write \"custom: <name>\"", s)
		}
		return Subject(customPrefix + ": " + name), nil
	}
	if e, ok := subjects.lookup(s); ok {
		return Subject(e.slug), nil
	}
	return "", subjects.err(s)
}

// Custom reports whether s is a custom entry.
func (s Subject) Custom() bool { _, _, ok := parseCustom(string(s)); return ok }

// Valid reports whether s is a catalogue slug or a well-formed custom entry.
func (s Subject) Valid() bool { v, err := ParseSubject(string(s)); return err == nil && v == s }

// Title is the subject's name for a register.
func (s Subject) Title() string {
	if _, name, ok := parseCustom(string(s)); ok {
		return name
	}
	e, _ := subjects.lookup(string(s))
	return e.title
}

// Plain is the subject's name for a sentence in a notice.
func (s Subject) Plain() string {
	if _, name, ok := parseCustom(string(s)); ok {
		return strings.ToLower(name)
	}
	e, _ := subjects.lookup(string(s))
	return e.plain
}

// DPV is the subject's W3C DPV IRI, or "".
func (s Subject) DPV() string { e, _ := subjects.lookup(string(s)); return e.dpv }

// UnmarshalText reads a subject through [ParseSubject].
func (s *Subject) UnmarshalText(b []byte) error {
	v, err := ParseSubject(string(b))
	*s = v
	return err
}

// Category is a category of personal data: a catalogue slug such as
// "health", or a custom entry "custom: Gym visits". Whether a category is
// special category data (Art 9(1)) or criminal offence data (Art 10) is
// derived from the catalogue; a custom entry states it in its prefix:
// "custom special: Facial geometry", "custom criminal: Police cautions".
type Category string

// Well-known data categories.
const (
	Identifiers        Category = "identifiers"
	ContactDetails     Category = "contact-details"
	DateOfBirth        Category = "date-of-birth"
	GovernmentIDs      Category = "government-identifiers"
	Financial          Category = "financial"
	PayAndBenefits     Category = "pay-and-benefits"
	Education          Category = "education"
	EmploymentHistory  Category = "employment-history"
	EmploymentDetails  Category = "employment-details"
	Performance        Category = "performance"
	Absence            Category = "absence"
	RightToWork        Category = "right-to-work"
	References         Category = "references"
	Images             Category = "images"
	Opinions           Category = "opinions"
	Communications     Category = "communications"
	OnlineIdentifiers  Category = "online-identifiers"
	Usage              Category = "usage"
	Location           Category = "location"
	Family             Category = "family"
	Demographics       Category = "demographics"
	Disadvantage       Category = "disadvantage"
	Conduct            Category = "conduct"
	RacialEthnicOrigin Category = "racial-or-ethnic-origin"
	PoliticalOpinions  Category = "political-opinions"
	Beliefs            Category = "religious-or-philosophical-beliefs"
	TradeUnion         Category = "trade-union-membership"
	Genetic            Category = "genetic"
	Biometric          Category = "biometric"
	Health             Category = "health"
	SexLife            Category = "sex-life"
	SexualOrientation  Category = "sexual-orientation"
	CriminalOffences   Category = "criminal-offences"
)

var categories = newCatalogue("data category", []entry{
	{slug: "identifiers", title: "Personal identifiers", plain: "your name and other identifiers", dpv: "https://w3id.org/dpv/pd#Identifying", keys: []string{"name", "personal identifiers"}},
	{slug: "contact-details", title: "Contact details", plain: "your contact details", dpv: "https://w3id.org/dpv/pd#Contact", keys: []string{"contact", "email address", "address"}},
	{slug: "date-of-birth", title: "Date of birth and age", plain: "your date of birth or age", dpv: "https://w3id.org/dpv/pd#DateOfBirth", keys: []string{"age", "dob"}},
	{slug: "government-identifiers", title: "Government identifiers", plain: "government identifiers such as your National Insurance number", dpv: "https://w3id.org/dpv/pd#OfficialID", keys: []string{"national insurance number", "ni number", "passport"}},
	{slug: "financial", title: "Financial and bank details", plain: "your bank and financial details", dpv: "https://w3id.org/dpv/pd#Financial", keys: []string{"bank details", "financial details"}},
	{slug: "pay-and-benefits", title: "Pay and benefits", plain: "your pay and benefits", dpv: "https://w3id.org/dpv/pd#Salary", keys: []string{"salary", "remuneration", "payroll"}},
	{slug: "education", title: "Education and qualifications", plain: "your education and qualifications", dpv: "https://w3id.org/dpv/pd#Education", keys: []string{"qualifications", "attainment"}},
	{slug: "employment-history", title: "Employment history", plain: "your employment history", dpv: "https://w3id.org/dpv/pd#EmploymentHistory", keys: []string{"work history", "experience"}},
	{slug: "employment-details", title: "Job title and employer", plain: "your job title and employer", keys: []string{"job title", "employer", "role"}},
	{slug: "performance", title: "Performance", plain: "records of your performance", keys: []string{"appraisal"}},
	{slug: "absence", title: "Absence", plain: "records of your absence and leave", keys: []string{"leave", "sickness absence"}},
	{slug: "right-to-work", title: "Right to work and immigration status", plain: "your right to work and immigration status", keys: []string{"immigration status", "visa"}},
	{slug: "references", title: "References", plain: "references"},
	{slug: "images", title: "Images and recordings", plain: "photographs, video and audio recordings of you", keys: []string{"photographs", "video", "audio", "cctv"}},
	{slug: "opinions", title: "Opinions and survey responses", plain: "your opinions, feedback and survey responses", keys: []string{"survey responses", "feedback"}},
	{slug: "communications", title: "Communications", plain: "our communications with you", dpv: "https://w3id.org/dpv/pd#Communication", keys: []string{"correspondence"}},
	{slug: "online-identifiers", title: "Online identifiers", plain: "online identifiers such as your IP address, device identifiers and cookies", dpv: "https://w3id.org/dpv/pd#OnlineIdentifier", keys: []string{"ip address", "cookies", "device id"}},
	{slug: "usage", title: "Usage and behavioural data", plain: "how you use our website and services", dpv: "https://w3id.org/dpv/pd#BrowsingBehaviour", keys: []string{"usage data", "behavioural data", "browsing"}},
	{slug: "location", title: "Location", plain: "your location", dpv: "https://w3id.org/dpv/pd#Location"},
	{slug: "family", title: "Family details", plain: "details of your family", dpv: "https://w3id.org/dpv/pd#Family", keys: []string{"next of kin details", "marital status", "family details"}},
	{slug: "demographics", title: "Demographics (sex, gender, nationality)", plain: "your sex, gender and nationality", dpv: "https://w3id.org/dpv/pd#Demographic", keys: []string{"gender", "nationality", "sex"}},
	{slug: "disadvantage", title: "Indicators of disadvantage", plain: "indicators of disadvantage such as free school meals", keys: []string{"free school meals", "pupil premium"}},
	{slug: "conduct", title: "Conduct, grievance and disciplinary records", plain: "records of conduct, grievances and discipline", keys: []string{"disciplinary", "grievance"}},
	{slug: "racial-or-ethnic-origin", title: "Racial or ethnic origin", plain: "your racial or ethnic origin", dpv: "https://w3id.org/dpv/pd#Race", keys: []string{"ethnicity", "race", "ethnic origin"}, special: true},
	{slug: "political-opinions", title: "Political opinions", plain: "your political opinions", dpv: "https://w3id.org/dpv/pd#PoliticalOpinion", special: true},
	{slug: "religious-or-philosophical-beliefs", title: "Religious or philosophical beliefs", plain: "your religious or philosophical beliefs", dpv: "https://w3id.org/dpv/pd#Religion", keys: []string{"religion", "beliefs"}, special: true},
	{slug: "trade-union-membership", title: "Trade union membership", plain: "your trade union membership", dpv: "https://w3id.org/dpv/pd#TradeUnionMembership", special: true},
	{slug: "genetic", title: "Genetic data", plain: "genetic data", dpv: "https://w3id.org/dpv/pd#Genetic", special: true},
	{slug: "biometric", title: "Biometric data for identification", plain: "biometric data used to identify you", dpv: "https://w3id.org/dpv/pd#Biometric", keys: []string{"biometrics"}, special: true},
	{slug: "health", title: "Health", plain: "information about your health, including disability", dpv: "https://w3id.org/dpv/pd#Health", keys: []string{"disability", "medical", "health data"}, special: true},
	{slug: "sex-life", title: "Sex life", plain: "information about your sex life", dpv: "https://w3id.org/dpv/pd#SexualLife", special: true},
	{slug: "sexual-orientation", title: "Sexual orientation", plain: "your sexual orientation", dpv: "https://w3id.org/dpv/pd#SexualOrientation", special: true},
	{slug: "criminal-offences", title: "Criminal convictions and offences", plain: "information about criminal convictions and offences", dpv: "https://w3id.org/dpv/pd#CriminalOffence", keys: []string{"criminal records", "criminal convictions", "dbs checks"}, criminal: true},
})

// Categories returns the catalogue of well-known data categories.
func Categories() []Category {
	var out []Category
	for _, s := range categories.slugs() {
		out = append(out, Category(s))
	}
	return out
}

// ParseCategory reads a data category from a catalogue slug or title, or a
// custom entry ("custom: Gym visits", "custom special: Facial geometry",
// "custom criminal: Police cautions").
func ParseCategory(s string) (Category, error) {
	if flag, name, ok := parseCustom(s); ok {
		if name == "" || (flag != "" && flag != "special" && flag != "criminal") {
			return "", fmt.Errorf(`invalid custom data category %q: write "custom: <name>", "custom special: <name>" or "custom criminal: <name>"`, s)
		}
		prefix := customPrefix
		if flag != "" {
			prefix += " " + flag
		}
		return Category(prefix + ": " + name), nil
	}
	if e, ok := categories.lookup(s); ok {
		return Category(e.slug), nil
	}
	return "", categories.err(s)
}

// Custom reports whether c is a custom entry.
func (c Category) Custom() bool { _, _, ok := parseCustom(string(c)); return ok }

// Valid reports whether c is a catalogue slug or a well-formed custom entry.
func (c Category) Valid() bool { v, err := ParseCategory(string(c)); return err == nil && v == c }

// Special reports whether c is special category data (Art 9(1)): from the
// catalogue, or stated by a custom entry.
func (c Category) Special() bool {
	if flag, _, ok := parseCustom(string(c)); ok {
		return flag == "special"
	}
	e, _ := categories.lookup(string(c))
	return e.special
}

// Criminal reports whether c is personal data relating to criminal
// convictions and offences (Art 10).
func (c Category) Criminal() bool {
	if flag, _, ok := parseCustom(string(c)); ok {
		return flag == "criminal"
	}
	e, _ := categories.lookup(string(c))
	return e.criminal
}

// Title is the category's name for a register.
func (c Category) Title() string {
	if _, name, ok := parseCustom(string(c)); ok {
		return name
	}
	e, _ := categories.lookup(string(c))
	return e.title
}

// Plain is the category's description for a sentence in a notice.
func (c Category) Plain() string {
	if _, name, ok := parseCustom(string(c)); ok {
		return strings.ToLower(name)
	}
	e, _ := categories.lookup(string(c))
	return e.plain
}

// DPV is the category's W3C DPV personal data IRI, or "".
func (c Category) DPV() string { e, _ := categories.lookup(string(c)); return e.dpv }

// UnmarshalText reads a category through [ParseCategory].
func (c *Category) UnmarshalText(b []byte) error {
	v, err := ParseCategory(string(b))
	*c = v
	return err
}
