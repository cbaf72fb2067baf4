// Command hr shows the article30 library inside an HR service: the
// service's own types (applicants, leavers, access requests) and the rules of
// the HR register (register.yaml) decide which files are erased this month,
// which rights an employee's request engages and when an access request is
// due.
//
// It prints the monthly report for the day given by -date (default
// 2026-11-23, so that the output is the same on every run; the golden test
// holds it). Only main reads flags; the logic takes the date as a value.
//
//	go run ./examples/hr
//	go run ./examples/hr -date 2026-08-01
package main
