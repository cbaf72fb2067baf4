// Package vet holds a Go service's code against its record of processing
// activities (the register of UK GDPR and GDPR Article 30): which struct
// types hold personal data, of which categories, about which groups of
// people, and where the values go. It is an analyzer of the Go team's
// framework, [golang.org/x/tools/go/analysis], so it runs in go vet,
// gopls and golangci-lint, and in "article30 vet".
//
// # Declarations in code
//
// A struct type that holds personal data names its activity, by the ID the
// register gives it, in a directive comment in its doc comment (written as
// Go's own directives are, with no space after the slashes), and
// optionally the groups of people (data subjects) its values are about:
//
//	// Applicant is a job applicant.
//	//
//	//article30:activity recruitment subjects=job-applicants
//	type Applicant struct {
//		ID       string    `article30:"identifiers"`
//		Email    string    `json:"email" article30:"contact-details"`
//		CV       []byte    `article30:"employment-history"`
//		NINumber string    `article30:"government-identifiers"`
//		Adjust   string    `article30:"health"`
//		Applied  time.Time `article30:"-"`
//		Referees []Referee // annotated itself: its own directive covers it
//		Home     Address   // a component: its fields' tags count for Applicant
//	}
//
// Each field names its data category in the struct tag article30: a
// catalogue slug or title, or a custom entry, as [ropa.ParseCategory]
// reads them ("contact-details", "Contact details", "custom: Gym
// visits", "custom special: Facial geometry"). Whether a category is
// special category data (Art 9) or criminal offence data (Art 10) comes
// from the catalogue, never from the tag. article30:"-" marks a field that
// is not personal data. Untagged fields are not counted, but one whose name
// or type looks like personal data is reported (see the table below).
//
// The directive's forms:
//
//	//article30:activity ID
//	//article30:activity ID subjects=GROUP,GROUP
//
// subjects lists data subjects as [ropa.ParseSubject] reads them
// (job-applicants, referees, "custom: Alumni" in quotes); each must be one
// of the activity's dataSubjects. Without subjects, a value is about any of
// the activity's groups, and what it holds must be declared for all of
// them. A type may carry one directive per activity it belongs to. Text
// after " //" on a directive line is a comment.
//
// A struct type with article30 tags but no directive is a component (an
// address, a bank account): its fields are checked as fields of each
// annotated type that holds it or embeds it. An embedded struct without
// tags is checked as part of the type that embeds it. A defined type whose
// underlying type is an annotated type (type Shortlisted Applicant)
// carries its annotation; an alias (type Candidate = Applicant) is the same
// type, and a directive on an alias is reported. Generic types are
// annotated like others; the annotation covers every instantiation.
//
// A function, method or interface method that hands data to someone
// outside the code (a processor's API, another organisation, an email
// service) is marked as a recipient or an international transfer:
//
//	// Upload sends an applicant's file to the applicant tracking system.
//	//
//	//article30:recipient talentdesk-ltd
//	func (c *Client) Upload(ctx context.Context, a Applicant) error
//
//	//article30:recipient "PayRight Bureau Ltd (payroll)"
//	func (p *Payroll) Send(records ...Employee) error
//
//	//article30:transfer US recipient="Benefits Cloud Inc"
//	//article30:recipient benefits-cloud-inc
//	func Enrol(e Employee) error
//
// A recipient is named as the register names it in any activity, or by
// its slug: lower case, each run of other characters than letters and
// digits a hyphen, with or without a parenthesised note at the end
// ("PayRight Bureau Ltd (payroll)" is payright-bureau-ltd-payroll or
// payright-bureau-ltd). A name may be quoted or written bare to the end of
// the line. A transfer names a country (ISO 3166-1 alpha-2, or an
// international organisation's short name as the register writes it) and
// optionally recipient= (quoted when it has spaces). A transfer to a
// recipient is usually marked as both, as above, since the register lists
// the recipient as well as the transfer. Every parameter of a marked
// function is a way in; its receiver is not.
//
// # The register
//
// The analyzer reads the register (YAML or JSON, as [ropa.Load] reads it)
// from -register FILE, relative to the module root, or by convention: the
// first of [RegisterNames] (register.yaml, register.yml, register.json,
// ropa.yaml, ropa.yml, ropa.json) in the package's directory or a parent,
// up to the directory of go.mod. A package with no annotations and no
// annotated dependency is not analysed and needs no register; one with
// annotations and no register has the diagnostic no-register. A register
// that cannot be read stops the analysis with its error (file, line,
// column, field path). Under go vet, the flags are written with the
// analyzer's name: -article30.register=FILE, -article30.unused.
//
//	go install github.com/article30/article30/cmd/article30-vet@latest
//	go vet -vettool=$(which article30-vet) ./...
//	go vet -vettool=$(which article30-vet) -article30.register=hr/register.yaml ./...
//
// # Diagnostics
//
// Each diagnostic's message ends with its citation, where the law is the
// reason (cited under the register's regime: UK GDPR or GDPR), and its ID
// in brackets; the ID is also the diagnostic's category.
//
//   - undeclared-category (Art 30(1)(c)): a field's category is not in the
//     activity's dataCategories, or not for every group the type is about.
//     The message gives the entry to add, scoped where it must be:
//     {category: health, subjects: [job-applicants]}.
//   - special-without-condition (Art 9(1)-(2); UK: DPA 2018 s10(2)-(3)):
//     special category data in an activity with no Art 9(2) condition, or
//     under the UK regime a condition that needs a Schedule 1 condition
//     without one.
//   - criminal-without-authority (Art 10; UK: DPA 2018 s10(5)): criminal
//     offence data in an activity with no Schedule 1 condition (UK), or no
//     official authority or authorising law (EU).
//   - untagged-personal-data (Art 30(1)(c)): a field of an annotated
//     struct (or of a component or embedded struct in it) whose name or type
//     looks like personal data has no tag. gopls offers the fix that adds
//     the suggested tag.
//   - undeclared-recipient (Art 30(1)(d)): a value of an annotated type, or
//     a tagged field of one, reaches a marked recipient that the activity
//     does not declare for the value's groups (the message adds when the
//     register states there are no recipients for them).
//   - undeclared-transfer (Art 30(1)(e)): the same for a marked transfer;
//     the message adds when the register states there are no transfers
//     for the group.
//   - unused-declaration (no citation; with -unused): in a main package,
//     a category, an external recipient or a transfer the register declares
//     for an activity the program holds something of, that no field of the
//     program is tagged with and no value of it reaches.
//   - unknown-activity, unknown-subject, unknown-category,
//     unknown-recipient: an annotation names what the register or the
//     catalogue does not have, with the nearest name when one is close.
//   - bad-annotation: a directive or tag that cannot be read, or one where
//     it means nothing (an activity on a func, a recipient on a type, a
//     directive on an alias or inside a function).
//   - no-register: annotations, and no register to hold them against.
//
// # Looks like personal data
//
// The untagged-personal-data check splits a field's name into words
// (IPAddress is ip address, DateOfBirth date of birth) and looks them up in
// a table of word runs mapped to catalogue categories: email, phone,
// address and postcode (contact details); date of birth, DOB, age; National
// Insurance number, NINO, passport, driving licence; bank, IBAN, sort
// code; salary, wage, pension; ethnicity, religion, health, medical,
// disability, sexual orientation, trade union; criminal, conviction, DBS;
// gender, nationality; next of kin; visa, right to work; photo; latitude;
// first name, surname; a bare Name or ID, and a person's ID (EmployeeID).
// Types count too: net.IP, netip.Addr and net.HardwareAddr (online
// identifiers, Recital 30), net/mail.Address. The table's sources are the
// definition of personal data (Art 4(1); UK GDPR Art 4(1)(1)), Recital 30,
// Arts 9(1) and 10, and the ICO's guidance "What are identifiers and
// related factors?"; Privado's open data element rules were read as a
// comparison. Only fields of annotated structs are checked, and only whole
// words match (FileName, Vacancy and CreatedAt do not), to keep false
// positives low; a field that is not personal data is tagged "-".
//
// # Flows it follows, and flows it cannot see
//
// A flow is an argument of a call whose parameter reaches a marked
// function. It follows:
//
//   - values of an annotated type, and pointers, slices, arrays, maps and
//     channels of them, generic instantiations (Page[Applicant]), structs
//     that hold them, aliases and defined types of them;
//   - a tagged field of an annotated value (a.Email), through parentheses,
//     & and *, and conversions (string(a.Email));
//   - calls of marked functions, of methods (also promoted ones), and of
//     marked interface methods through the interface;
//   - wrappers: a function whose parameter (of a type that holds no
//     annotated type: any, a type parameter, []byte) is passed on to a
//     marked function, in the same package or another, to any depth. This
//     is carried across packages as an analysis fact, so a call in one
//     package of a wrapper in a second of a marked function in a third is
//     seen.
//
// It cannot see, and says nothing about:
//
//   - a value whose static type at the call hides it: stored in an
//     interface variable first (var v any = a), encoded (json.Marshal(a)
//     and the bytes sent), copied field by field into another type, or
//     returned by a method;
//   - calls through function values, method values and closures, and a
//     marked concrete method called through an interface whose method is
//     not marked;
//   - data sent over channels or stored in globals and read elsewhere,
//     reflection, and code generated at run time;
//   - a receiver: a marked method's receiver is taken to be the client,
//     not the data;
//   - struct types declared inside functions.
//
// A finding about a flow is reported where the annotated value is passed,
// so a value passed to a wrapper is reported at the wrapper's call, and
// one whose type is known inside the wrapper (a parameter of type
// Applicant) inside it, once.
package vet
