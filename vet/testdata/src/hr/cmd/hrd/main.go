// Command hrd is the hr service. // want package:`article30 package holding`
//
// With -unused, what the register declares
// for its activities that no code holds is reported here.
package main // want `activity "employment" declares the recipient "PayRight Bureau Ltd \(payroll\)", and no value of it reaches a function marked //article30:recipient for it \[unused-declaration\]` `declares the recipient "HM Revenue and Customs"` `declares the recipient "Benefits Cloud Inc"` `activity "employment" declares a transfer to US, and no value of it reaches a function marked //article30:transfer US`

import (
	"context"

	"hr/model"
	"hr/sinks"
)

func main() {
	_ = sinks.Upload(context.Background(), model.Applicant{})
}
