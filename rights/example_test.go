package rights_test

import (
	"fmt"
	"time"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

func ExampleByBasis() {
	// Payroll: the employment contract and the duty to report to HMRC.
	for _, r := range rights.ByBasis(lawfulbasis.Contract, lawfulbasis.LegalObligation) {
		fmt.Println(r.Title())
	}
	// Output:
	// Right to be informed
	// Right of access
	// Right to rectification
	// Right to erasure
	// Right to restrict processing
	// Right to data portability
	// Right to complain to the supervisory authority
}

func ExampleFor() {
	at := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	// A school's safeguarding disclosures under recognised legitimate
	// interests (UK only).
	for _, r := range rights.For(lawfulbasis.UK, at, lawfulbasis.RecognisedLegitimateInterests) {
		fmt.Printf("%-22s %s\n", r, r.Citation(lawfulbasis.UK, at))
	}
	// Under the EU regime the basis does not exist, so nothing applies.
	fmt.Println(rights.For(lawfulbasis.EU, at, lawfulbasis.RecognisedLegitimateInterests) == nil)
	// Output:
	// informed               UK GDPR Arts 13 and 14
	// access                 UK GDPR Art 15
	// rectification          UK GDPR Art 16
	// erasure                UK GDPR Art 17
	// restriction            UK GDPR Art 18
	// object                 UK GDPR Art 21
	// complain-to-controller DPA 2018 s164A
	// complain-to-authority  DPA 2018 s165
	// true
}

func ExampleDeadline() {
	start := time.Date(2026, time.January, 31, 0, 0, 0, 0, time.UTC)
	fmt.Println(rights.Deadline(start, false).Format(time.DateOnly))
	fmt.Println(rights.Deadline(start, true).Format(time.DateOnly))
	// Output:
	// 2026-02-28
	// 2026-04-30
}

func ExampleRequest_Due() {
	q := rights.Request{
		Regime:   lawfulbasis.UK,
		Right:    rights.Access,
		Received: time.Date(2026, time.March, 10, 0, 0, 0, 0, time.UTC),
		Identity: time.Date(2026, time.March, 20, 0, 0, 0, 0, time.UTC),
	}
	due, err := q.Due(rights.SkipWeekends())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(q.Start().Format(time.DateOnly), "->", due.Format("Mon 2 Jan 2006"))
	// Output:
	// 2026-03-20 -> Mon 20 Apr 2026
}

func ExampleRequest_Due_lateExtension() {
	q := rights.Request{
		Regime:           lawfulbasis.UK,
		Right:            rights.Erasure,
		Received:         time.Date(2026, time.March, 10, 0, 0, 0, 0, time.UTC),
		Extended:         true,
		ExtensionNoticed: time.Date(2026, time.April, 11, 0, 0, 0, 0, time.UTC),
	}
	due, err := q.Due()
	fmt.Println(due.Format(time.DateOnly))
	fmt.Println(err)
	// Output:
	// 2026-04-10
	// rights: extension noticed too late: notice given on 2026-04-11, after the one-month period ended on 2026-04-10
}

func ExampleAcknowledgeBy() {
	received := time.Date(2026, time.June, 19, 0, 0, 0, 0, time.UTC)
	ack, err := rights.AcknowledgeBy(received, rights.SkipWeekends())
	fmt.Println(ack.Format("Mon 2 Jan 2006"), err)

	_, err = rights.AcknowledgeBy(received.AddDate(0, 0, -1))
	fmt.Println(err)
	// Output:
	// Mon 20 Jul 2026 <nil>
	// rights: duty not in force: complaint received on 2026-06-18; the DPA 2018 s164A(3) duty applies only to complaints received on or after 19 June 2026 (SI 2026/82 reg 7)
}

func ExampleParse() {
	for _, s := range []string{"Article 17", "UK GDPR Arts 22A-22D", "subject access request"} {
		r, err := rights.Parse(s)
		fmt.Println(r, err)
	}
	// Output:
	// erasure <nil>
	// automated-decisions <nil>
	// access <nil>
}

func ExampleRequest_Due_clarificationPause() {
	// UK GDPR Art 12A(5): the controller asked what the access request was
	// about on 5 March and got the answer on 15 March. Both days are inside
	// the pause, so 11 days do not count.
	q := rights.Request{
		Regime:   lawfulbasis.UK,
		Right:    rights.Access,
		Received: time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC),
		Pauses: []rights.Pause{{
			From: time.Date(2026, time.March, 5, 0, 0, 0, 0, time.UTC),
			To:   time.Date(2026, time.March, 15, 0, 0, 0, 0, time.UTC),
		}},
	}
	due, err := q.Due()
	fmt.Println(due.Format(time.DateOnly), err)
	// Output:
	// 2026-04-12 <nil>
}

func ExampleForPurpose() {
	at := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	// A newsletter for past customers on legitimate interests: direct
	// marketing, so the absolute Art 21(2) objection applies as well as the
	// Art 21(1) objection to legitimate interests.
	for _, r := range rights.ForPurpose(lawfulbasis.UK, at, lawfulbasis.LegitimateInterests, true) {
		if r == rights.Object || r == rights.ObjectDirectMarketing {
			fmt.Printf("%s (%s): %s\n", r.Title(), r.Citation(lawfulbasis.UK, at), r.Plain())
		}
	}
	// Output:
	// Right to object (UK GDPR Art 21): You can object to our use of your information, and we must then stop unless we have compelling legitimate grounds to continue or need it for legal claims.
	// Right to object to direct marketing (UK GDPR Art 21(2)): You can object at any time to our use of your information for direct marketing, and we must then stop.
}

// A request's due date and a complaint's acknowledgement date, each from a
// typed request; a request with a field left out says which.
func ExampleRequest_AcknowledgeBy() {
	received := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	sar := rights.Request{Regime: lawfulbasis.UK, Right: rights.Access, Received: received}
	due, _ := sar.Due(rights.SkipWeekends())
	fmt.Println("access request due", due.Format(time.DateOnly))

	complaint := rights.Request{Regime: lawfulbasis.UK, Right: rights.ComplainToController, Received: received}
	ack, _ := complaint.AcknowledgeBy(rights.SkipWeekends())
	fmt.Println("acknowledge complaint by", ack.Format(time.DateOnly))

	_, err := rights.Request{Regime: lawfulbasis.UK, Received: received}.Due()
	fmt.Println(err)
	// Output:
	// access request due 2026-12-23
	// acknowledge complaint by 2026-12-23
	// rights: invalid request: Right is not set (want a right such as rights.Access)
}
