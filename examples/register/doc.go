// Command register builds a school's record of processing activities in Go
// code, checks it with ropa.Check, and publishes it: the workbook for the DPO
// and the regulator (export/xlsx) and the privacy notice for parents and
// pupils (export/notice, Markdown and an accessible HTML page), all from the
// one register, so that they cannot drift apart.
//
//	go run ./examples/register                         # writes out/ for 23 November 2026
//	go run ./examples/register -o public -date 2027-01-04
//
// A register with error findings is not published: run exits 1.
package main
