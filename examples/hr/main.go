package main

import (
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// DefaultDate is the day the report is for when -date is not given.
const DefaultDate = "2026-11-23"

func main() {
	date := flag.String("date", DefaultDate, "the day to report on (YYYY-MM-DD)")
	flag.Parse()
	at, err := time.Parse(time.DateOnly, *date)
	if err == nil {
		var reg *ropa.Register
		if reg, err = LoadRegister(); err == nil {
			err = report(os.Stdout, reg, at, demo)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "hr:", err)
		os.Exit(1)
	}
}

// Data is what the service's database would return: the files it holds,
// the open access requests and the bank holidays.
type Data struct {
	People   People
	Requests map[string]AccessRequest
	Holidays []time.Time
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// demo stands in for the database.
var demo = Data{
	People: People{
		Applicants: []Applicant{
			{ID: "A-0412", Vacancy: "Warehouse supervisor", RecruitmentEnded: day(2026, 5, 20)},
			{ID: "A-0413", Vacancy: "Warehouse supervisor", RecruitmentEnded: day(2026, 5, 20)},
			{ID: "A-0301", Vacancy: "Fleet engineer", RecruitmentEnded: day(2025, 11, 2), SponsoredHire: true},
			{ID: "A-0477", Vacancy: "Fleet engineer", RecruitmentEnded: day(2026, 5, 28), SponsoredHire: true},
		},
		Leavers: []Leaver{
			{EmployeeID: "E-1187", LeftOn: day(2020, 11, 13)},
			{EmployeeID: "E-1203", LeftOn: day(2020, 11, 30), SponsoredVisa: true},
			{EmployeeID: "E-1090", LeftOn: day(2020, 8, 31)},
		},
	},
	Requests: map[string]AccessRequest{
		"SAR-2026-031": {Received: day(2026, 11, 2), Identity: day(2026, 11, 9)},
		"SAR-2026-033": {Received: day(2026, 11, 16),
			Pauses: []rights.Pause{{From: day(2026, 11, 17), To: day(2026, 11, 20)}}},
		"SAR-2026-034": {Received: day(2026, 11, 20)},
	},
	// England and Wales bank holidays 2026, from https://www.gov.uk/bank-holidays.
	Holidays: []time.Time{day(2026, 1, 1), day(2026, 4, 3), day(2026, 4, 6), day(2026, 5, 4),
		day(2026, 5, 25), day(2026, 8, 31), day(2026, 12, 25), day(2026, 12, 28)},
}

// report writes the monthly data protection report for the day at.
func report(w io.Writer, reg *ropa.Register, at time.Time, d Data) error {
	fmt.Fprintf(w, "%s: HR data protection report for %s\n", reg.Controller.Name, at.Format("2 January 2006"))

	rep := ropa.Check(reg, at)
	fmt.Fprintf(w, "\nRegister %s: %d errors, %d warnings\n", reg.Version, rep.Errors, rep.Warnings)
	for _, f := range rep.Findings {
		fmt.Fprintf(w, "  %s %s: %s (%s)\n", f.Severity, f.Path, f.Message, f.Citation)
	}

	due, err := DueForErasure(reg, d.People, at)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nFiles due for erasure in %s\n", at.Format("January 2006"))
	if len(due) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, e := range due {
		fmt.Fprintf(w, "  %s  %-9s %s  (%s)\n", e.Due.Format(time.DateOnly), e.Kind, e.Who, e.Rule)
	}

	prs, err := EmployeeRights(reg, at)
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nEmployees' rights, by purpose")
	for _, pr := range prs {
		names := make([]string, len(pr.Rights))
		for i, r := range pr.Rights {
			names[i] = r.String()
		}
		fmt.Fprintf(w, "  %s (%s):\n    %s\n", pr.Purpose, pr.Basis.Title(), strings.Join(names, ", "))
	}
	for _, r := range []rights.Right{rights.Erasure, rights.Portability, rights.Object} {
		reached := strings.Join(Engages(prs, r), "; ")
		if reached == "" {
			reached = "no purpose"
		}
		fmt.Fprintf(w, "  %s (%s) reaches: %s\n", r, r.Citation(reg.Jurisdiction, at), reached)
	}

	fmt.Fprintln(w, "\nOpen subject access requests")
	for _, id := range slices.Sorted(maps.Keys(d.Requests)) {
		q := d.Requests[id]
		due, err := AccessDue(reg, q, d.Holidays)
		if err != nil {
			return fmt.Errorf("%s: %w", id, err)
		}
		fmt.Fprintf(w, "  %s  received %s  due %s\n", id, q.Received.Format(time.DateOnly), due.Format("Mon 2 Jan 2006"))
	}
	return nil
}
