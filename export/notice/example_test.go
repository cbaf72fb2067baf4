package notice_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/article30/article30/export/notice"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/retention"
	"github.com/article30/article30/ropa"
)

func Example() {
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Oakfield Careers", Address: "1 Mill Lane, Oakfield OK1 2AB"},
		DPO:          ropa.Contact{Name: "Sam Patel", Email: "dpo@oakfield.example"},
		Complaints:   ropa.ComplaintRoute{Form: "https://oakfield.example/complaints"},
		// The date the notice gives as its last update.
		ReviewDate: ropa.Date{Time: time.Date(2026, time.October, 1, 0, 0, 0, 0, time.UTC)},
		Activities: []ropa.Activity{{
			ID: "recruitment", Name: "Recruitment",
			Purposes: []ropa.Purpose{
				{Description: "To assess your application", Basis: lawfulbasis.Contract},
				{Description: "To check your right to work", Basis: lawfulbasis.LegalObligation, Provision: "Immigration, Asylum and Nationality Act 2006 s15"},
			},
			DataSubjects:   []ropa.Subject{ropa.JobApplicants},
			DataCategories: ropa.Cats(ropa.Identifiers, ropa.EmploymentHistory, ropa.RightToWork),
			Sources:        []ropa.Source{{Kind: ropa.FromSubject}},
			Recipients:     []ropa.Recipient{{Name: "HireHub Ltd", Kind: ropa.Processor}},
			Retention:      []ropa.Retention{{Rule: retention.MustParse("P6M from end-of-recruitment")}},
			Provision:      ropa.Provision{Requirement: ropa.PreContract, Consequences: "We cannot consider your application."},
			// What there is none of. A fact the register neither lists nor
			// states as none is not recorded: the notice then says nothing
			// of it, and Coverage reports the item missing.
			None: []ropa.None{{Fact: ropa.FactOtherSources}, {Fact: ropa.FactTransfers}, {Fact: ropa.FactAutomated}},
		}},
	}
	n, err := notice.Generate(reg, time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	fmt.Print(n.Markdown())
	for _, it := range n.Coverage() {
		if !it.Filled {
			fmt.Printf("not filled: %s: %s\n", it.Article, it.Reason)
		}
	}
	// Output:
	// # Oakfield Careers privacy notice
	//
	// ## Summary
	//
	// This notice tells you how Oakfield Careers uses information about people.
	//
	// What we use information for:
	//
	// - Job applicants: to assess your application. To check your right to work. More: [Information about job applicants](#information-about-job-applicants)
	//
	// You have rights over your information, such as getting a copy and having it corrected. To use them, email dpo@oakfield.example. More: [Your rights](#your-rights)
	//
	// You can complain to us, and to the Information Commission (ICO). More: [How to complain](#how-to-complain)
	//
	// ## Contents
	//
	// - [Who we are](#who-we-are)
	// - [Information about job applicants](#information-about-job-applicants)
	// - [What our lawful bases mean](#what-our-lawful-bases-mean)
	// - [Automated decisions](#automated-decisions)
	// - [Your rights](#your-rights)
	// - [How to complain](#how-to-complain)
	// - [Changes to this notice](#changes-to-this-notice)
	//
	// ## Who we are
	//
	// Oakfield Careers is in charge of your information. The law calls us the controller.
	//
	// Our address is 1 Mill Lane, Oakfield OK1 2AB.
	//
	// Our data protection officer is Sam Patel.
	//
	// You can contact them by email at dpo@oakfield.example.
	//
	// ## Information about job applicants
	//
	// ### What we use your information for
	//
	// | What we use it for | Why the law allows it |
	// | --- | --- |
	// | To assess your application | Contract. |
	// | To check your right to work | Legal obligation. The law: Immigration, Asylum and Nationality Act 2006 s15. |
	//
	// ### What information we use
	//
	// We use this information about you:
	//
	// - Your name and other identifiers
	// - Your employment history
	// - Your right to work and immigration status
	//
	// ### Where we get your information
	//
	// We get information from you. We do not get it from anyone else.
	//
	// ### Who we share your information with
	//
	// Organisations that work for us (processors):
	//
	// - HireHub Ltd
	//
	// ### Sending your information outside the UK
	//
	// We do not send your information outside the UK.
	//
	// ### How long we keep your information
	//
	// Your information is kept for 6 months from the end of the recruitment process, then deleted.
	//
	// ### Must you give us your information?
	//
	// We need this information before we can enter into a contract with you. We cannot consider your application.
	//
	// ## What our lawful bases mean
	//
	// In plain words:
	//
	// - Contract: we need it for a contract with you, or to take steps you asked for before one.
	// - Legal obligation: the law requires us to use it.
	//
	// ## Automated decisions
	//
	// We make no decisions about you by computer alone.
	//
	// ## Your rights
	//
	// - Right of access: You can ask for a copy of your information.
	// - Right to rectification: You can ask us to correct wrong information about you, or add what is missing.
	// - Right to erasure: You can ask us to delete your information, in some cases.
	// - Right to restrict processing: You can ask us to limit how we use your information, such as while we check it.
	// - Right to data portability: You can ask for the information you gave us in a form a computer can read. You can also ask us to send it to another organisation, if this is technically possible.
	//
	// Some rights depend on the lawful basis of each use.
	//
	// To use any of these rights, email dpo@oakfield.example.
	//
	// We will reply without undue delay, and within one month of getting your request. If we ask for proof of who you are, or charge a fee for a clearly unfounded or excessive request, the month starts when we get it.
	//
	// We can take two more months for complex or many requests, and will tell you why within the first month.
	//
	// For a request for a copy, the month pauses while we wait for details we need to find the information.
	//
	// ## How to complain
	//
	// You can complain to us if you think we have broken data protection law.
	//
	// To complain, use our complaint form at https://oakfield.example/complaints.
	//
	// We will tell you within 30 days that we got your complaint, and then tell you the outcome.
	//
	// You can also complain to the Information Commission (ICO) under section 165 of the Data Protection Act 2018.
	//
	// You can contact them by phone on 0303 123 1113 or online at https://ico.org.uk/make-a-complaint/.
	//
	// ## Changes to this notice
	//
	// We last checked this information on 1 October 2026.
	//
	// This notice follows the law as it stood on 23 November 2026.
}

// A purpose the register gives no lawful basis is listed without one, and
// the coverage report says so.
func ExampleNotice_Coverage() {
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.EU,
		Controller:   ropa.Organisation{Name: "Example GmbH", Email: "info@example.de"},
		Activities: []ropa.Activity{{
			ID: "newsletter", Name: "Newsletter",
			Purposes:       []ropa.Purpose{{Description: "To send our newsletter"}},
			DataSubjects:   []ropa.Subject{ropa.Subscribers},
			DataCategories: ropa.Cats(ropa.ContactDetails),
		}},
	}
	n, err := notice.Generate(reg, time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC))
	if err != nil {
		panic(err)
	}
	for _, it := range n.Coverage() {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-9s %-5v %s", it.Article, it.Filled, it.Reason)))
	}
	// Output:
	// 13(1)(a)  true
	// 13(1)(b)  true  no DPO designated
	// 13(1)(c)  false purpose "To send our newsletter" has no lawful basis in the register
	// 13(1)(d)  true  not applicable: no purpose relies on legitimate interests
	// 13(1)(e)  false activity "newsletter" records neither recipients outside the organisation nor that there are none (none: [recipients])
	// 13(1)(f)  false activity "newsletter" records neither transfers outside the EEA nor that there are none (none: [transfers])
	// 13(2)(a)  false activity "newsletter" has no retention period for: Contact details
	// 13(2)(b)  false some purposes have no lawful basis in the register, so the rights that depend on it (erasure, portability, objection) cannot all be stated
	// 13(2)(c)  true  not applicable: no purpose is recorded as relying on consent
	// 13(2)(d)  false the register names no supervisory authority (authority.code or authority.name); the notice states only the right to complain to a supervisory authority
	// 13(2)(e)  false activity "newsletter" does not record whether providing the data is required
	// 13(2)(f)  false activity "newsletter" records neither decisions made by automated means only or profiling nor that there are none (none: [automated-decisions])
	// 14(1)(d)  false activity "newsletter" records neither sources other than the people themselves nor that there are none (none: [other-sources])
	// 14(2)(f)  false activity "newsletter" records neither sources other than the people themselves nor that there are none (none: [other-sources])
}

func ExampleFlesch() {
	fmt.Printf("%.1f\n", notice.Flesch("The cat sat on the mat."))
	// Output: 116.1
}

// A notice served over HTTP: Generate makes the whole notice before
// anything is written, and Page returns it as one string, so a handler
// either writes a complete page or, on an error, none of it and a status
// that says so. A draft (a register missing items Articles 13 and 14
// require) is refused here, as a service publishing notices should.
func Example_httpHandler() {
	reg := &ropa.Register{
		Jurisdiction: lawfulbasis.UK,
		Controller:   ropa.Organisation{Name: "Oakfield Careers", Email: "privacy@oakfield.example"},
		Activities: []ropa.Activity{{
			ID: "applications", Name: "Applications",
			DataSubjects:   []ropa.Subject{ropa.JobApplicants},
			DataCategories: ropa.Cats(ropa.ContactDetails),
			Purposes:       []ropa.Purpose{{Description: "To assess your application", Basis: lawfulbasis.Contract}},
		}},
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, err := notice.Generate(reg, time.Date(2026, time.December, 6, 0, 0, 0, 0, time.UTC))
		if err != nil {
			http.Error(w, "the privacy notice cannot be made: "+err.Error(), http.StatusInternalServerError)
			return
		}
		if n.Draft() {
			http.Error(w, fmt.Sprintf("the privacy notice is a draft: %d items missing", len(n.Missing())), http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, n.Page())
	})
	rec := httptest.NewRecorder()
	handler.ServeHTTP(rec, httptest.NewRequest("GET", "/privacy", nil))
	fmt.Println(rec.Code, strings.TrimSpace(rec.Body.String()))
	// Output:
	// 503 the privacy notice is a draft: 9 items missing
}
