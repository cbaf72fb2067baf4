package retention_test

import (
	"fmt"
	"time"

	"github.com/article30/article30/retention"
)

func ExampleParse() {
	r, err := retention.Parse("p1y FROM end-of-recruitment  unless sponsored-visa:P7Y")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r)
	fmt.Println(r.Period, r.From, r.Overrides[0].Condition, r.Overrides[0].Period)

	_, err = retention.Parse("P6Y form collection")
	fmt.Println(err)
	// Output:
	// P1Y from end-of-recruitment unless sponsored-visa: P7Y
	// P1Y end-of-recruitment sponsored-visa P7Y
	// retention: parsing "P6Y form collection": at offset 4: expected "from", "aligned", "then", "unless" or "source", found "form"
}

func ExampleRule_Due() {
	r := retention.MustParse("P6Y from termination-of-employment")
	due, ok := r.Due(time.Date(2020, time.August, 31, 0, 0, 0, 0, time.UTC))
	fmt.Println(due.Format(time.DateOnly), ok)

	// Aligned to a 31 March year end: the trigger date first moves to the
	// next 31 March on or after it.
	fy := retention.MustParse("P5Y from collection aligned 03-31")
	due, _ = fy.Due(time.Date(2020, time.April, 1, 0, 0, 0, 0, time.UTC))
	fmt.Println(due.Format(time.DateOnly))

	// Months are clamped to the end of the month.
	m := retention.MustParse("P1M from collection")
	due, _ = m.Due(time.Date(2026, time.January, 31, 0, 0, 0, 0, time.UTC))
	fmt.Println(due.Format(time.DateOnly))

	// No fixed end.
	_, ok = retention.MustParse("until end-of-contract").Due(time.Date(2020, time.August, 31, 0, 0, 0, 0, time.UTC))
	fmt.Println(ok)
	// Output:
	// 2026-08-31 true
	// 2026-03-31
	// 2026-02-28
	// false
}

func ExampleRule_DueWith() {
	r := retention.MustParse("P1Y from end-of-recruitment unless sponsored-visa: P7Y")
	end := time.Date(2025, time.June, 30, 0, 0, 0, 0, time.UTC)

	due, _ := r.DueWith(end)
	fmt.Println(due.Format(time.DateOnly))
	due, _ = r.DueWith(end, "sponsored-visa")
	fmt.Println(due.Format(time.DateOnly))
	_, err := r.DueWith(end, "sponsored_visa") // a typo is an error, never a shorter date
	fmt.Println(err)
	// Output:
	// 2026-06-30
	// 2032-06-30
	// unknown retention condition "sponsored_visa" (did you mean "sponsored-visa"?); accepted: sponsored-visa
}

func ExampleRule_Sentence() {
	for _, s := range []string{
		"P6Y from termination-of-employment",
		"P12M from collection then anonymise",
		"P1Y from end-of-recruitment unless sponsored-visa: P7Y",
		"until end-of-contract",
		"indefinite then review",
		"P5Y from collection aligned 03-31",
	} {
		fmt.Println("It is kept " + retention.MustParse(s).Sentence() + ".")
	}
	// Output:
	// It is kept for 6 years from the date your employment ends, then deleted.
	// It is kept for 12 months from the date we collected it, then anonymised.
	// It is kept for 1 year from the end of the recruitment process (7 years if the successful candidate holds a sponsored visa), then deleted.
	// It is kept until the end of the contract, then deleted.
	// It is kept with no fixed end date, and reviewed regularly.
	// It is kept for 5 years from the end of the year (ending 31 March) in which the date we collected it falls, then deleted.
}

func ExamplePeriod_AddTo() {
	p := retention.Period{Years: 1}
	fmt.Println(p.AddTo(time.Date(2024, time.February, 29, 0, 0, 0, 0, time.UTC)).Format(time.DateOnly))
	// Output:
	// 2025-02-28
}
