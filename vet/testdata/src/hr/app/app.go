// Package app passes the model's values to the sinks. // want package:`article30 package holding`
//
// It passes the model's values to the sinks: each flow is
// declared or reported.
package app

import (
	"context"

	"hr/model"
	"hr/sinks"
)

func flows(ctx context.Context, a model.Applicant, r *model.Referee, e model.Employee, p *sinks.Payroll, m sinks.Mailer) { // want flows:`sinks 0: recipient "TalentDesk Ltd \(applicant tracking system\)", 0: recipient "PayRight Bureau Ltd \(payroll\)"`
	_ = sinks.Upload(ctx, a)                      // declared for job-applicants
	_ = sinks.Upload(ctx, &a)                     // a pointer
	_ = sinks.Upload(ctx, []*model.Applicant{&a}) // a slice of pointers
	_ = sinks.Upload(ctx, r)                      // want `Referee reaches recipient "TalentDesk Ltd \(applicant tracking system\)" through sinks.Upload, which activity "recruitment" does not declare for referees; add to its recipients: \{name: TalentDesk Ltd \(applicant tracking system\), kind: processor, country: GB, subjects: \[referees\]\} \(UK GDPR Art 30\(1\)\(d\)\) \[undeclared-recipient\]`
	_ = sinks.Upload(ctx, a.Email)                // a tagged field of a declared type
	_ = p.Send(e)                                 // declared for both groups
	_ = p.Send(ctx, a)                            // want `Applicant reaches recipient "PayRight Bureau Ltd \(payroll\)" through sinks.Payroll.Send, which activity "recruitment" does not declare for job-applicants`
	_ = p.Send(e.NI)                              // declared
	_ = p.Send(a.NINumber)                        // want `Applicant.NINumber \(government-identifiers\) reaches recipient "PayRight Bureau Ltd \(payroll\)"`
	_ = p.Send(a.Vacancy)                         // not personal-looking: no flow
	_ = p.Send(a.Reviewed)                        // tagged "-": no flow
	sinks.Benefits(e)                             // want `Employee reaches a transfer to US \("Benefits Cloud Inc"\) through sinks.Benefits, which activity "employment" does not declare for former-employees; add to its transfers: \{country: US, recipient: Benefits Cloud Inc, subjects: \[former-employees\]\} \(UK GDPR Art 30\(1\)\(e\)\) \[undeclared-transfer\]` `Employee reaches recipient "Benefits Cloud Inc" through sinks.Benefits, which activity "employment" does not declare for former-employees`
	sinks.Benefits(a)                             // want `Applicant reaches a transfer to US .* for job-applicants; the register states there are no transfers for job-applicants; declare the recipient "Benefits Cloud Inc" in the activity too` `Applicant reaches recipient "Benefits Cloud Inc"`
	_ = m.Mail("x", a)                            // want `Applicant reaches recipient "MailBlast Inc" through sinks.Mailer.Mail, which activity "recruitment" does not declare for job-applicants; add to its recipients: \{name: MailBlast Inc, subjects: \[job-applicants\]\}`
	var c model.Candidate = a
	_ = p.Send(c) // want `Applicant reaches recipient "PayRight Bureau Ltd \(payroll\)"`
	var s model.Shortlisted
	_ = p.Send(s)                             // want `Shortlisted reaches recipient "PayRight Bureau Ltd \(payroll\)"`
	_ = p.Send(model.Page[model.Applicant]{}) // want `Applicant reaches recipient "PayRight Bureau Ltd \(payroll\)"`
	_ = p.Send(model.Generic[int]{})          // declared: employment
	_ = p.Send(map[string]model.Employee{})   // declared
	var anyValue any = a
	_ = p.Send(anyValue) // the static type is any: not seen
}

// through wrappers in another package and in this one.
func wrappers(ctx context.Context, a model.Applicant, r model.Referee, e model.Employee) { // want wrappers:`sinks 0: recipient "TalentDesk Ltd \(applicant tracking system\)"`
	sinks.Forward(ctx, a)
	sinks.Forward(ctx, r)   // want `Referee reaches recipient "TalentDesk Ltd \(applicant tracking system\)" through sinks.Upload`
	sinks.ForwardGeneric(e) // want `Employee reaches a transfer to US` `Employee reaches recipient "Benefits Cloud Inc"`
	local(r)                // want `Referee reaches recipient "TalentDesk Ltd \(applicant tracking system\)"`
	typed(r)
	go local(r) // want `Referee reaches recipient`
}

func local(v any) { sinks.Forward(context.Background(), v) } // want local:`sinks 0: recipient "TalentDesk Ltd \(applicant tracking system\)"`

// typed takes a Referee: the flow is reported inside, where its type is known.
func typed(r model.Referee) {
	sinks.Forward(context.Background(), r) // want `Referee reaches recipient`
}
