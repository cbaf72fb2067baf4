// Package sinks holds the functions that hand data to others. // want package:`article30 package holding 0`
package sinks

import "context"

// Upload sends a file to the applicant tracking system, named by its
// slug without the note in brackets.
//
//article30:recipient talentdesk-ltd
func Upload(ctx context.Context, v any) error { return nil } // want Upload:`sinks 0: recipient "TalentDesk Ltd \(applicant tracking system\)", 1: recipient`

// Payroll is the payroll bureau's client.
type Payroll struct{}

// Send hands records to the bureau, named in full.
//
//article30:recipient PayRight Bureau Ltd (payroll)
func (p *Payroll) Send(records ...any) error { return nil } // want Send:`sinks 0: recipient "PayRight Bureau Ltd \(payroll\)"`

// Benefits enrols people with the US benefits provider.
//
//article30:transfer US recipient="Benefits Cloud Inc"
//article30:recipient benefits-cloud-inc
func Benefits(v any) {} // want Benefits:`sinks 0: transfer to US \("Benefits Cloud Inc"\), 0: recipient "Benefits Cloud Inc"`

// Mailer sends email through an interface whose method is marked.
type Mailer interface {
	// Mail sends to a marketing platform the register does not know.
	//
	//article30:recipient MailBlast Inc // want `no activity of the register register.yaml lists the recipient "MailBlast Inc"`
	Mail(to string, body any) error // want Mail:`sinks 0: recipient "MailBlast Inc", 1: recipient "MailBlast Inc"`
}

//article30:recipient HM Revenu and Customs // want `lists the recipient "HM Revenu and Customs" \(did you mean "HM Revenue and Customs", slug hm-revenue-and-customs\?\)`
func HMRC(v any) {} // want HMRC:`sinks 0: recipient "HM Revenu and Customs"`

//article30:transfer usa // want `//article30:transfer USA: want an ISO 3166-1 alpha-2`
func BadCountry(v any) {}

//article30:transfer // want `//article30:transfer needs a country code`
func NoCountry(v any) {}

//article30:recipient // want `//article30:recipient needs the name of a recipient`
func NoName(v any) {}

//article30:recipient talentdesk-ltd // want `NoParams takes no parameters`
func NoParams() {}

// Forward passes its argument on: a caller's value reaches TalentDesk
// through it.
func Forward(ctx context.Context, v any) { _ = Upload(ctx, v) } // want Forward:`sinks 0: recipient "TalentDesk Ltd \(applicant tracking system\)", 1: recipient`

// ForwardGeneric passes a value of any type on.
func ForwardGeneric[T any](v T) { Benefits(v) } // want ForwardGeneric:`sinks 0: transfer to US`
