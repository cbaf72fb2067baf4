package authority_test

import (
	"fmt"
	"time"

	"github.com/article30/article30/authority"
)

func ExampleLookup() {
	day := time.Date(2026, time.December, 6, 0, 0, 0, 0, time.UTC) // the day the answer is for
	for _, s := range []string{"DPC", "cnil", "Germany"} {
		a, ok := authority.Lookup(s, day)
		fmt.Println(ok, a.Code, a.Name, a.Website)
	}
	_, ok := authority.Lookup("Datatilsynet", day) // Denmark's and Norway's
	fmt.Println(ok)
	// Output:
	// true ie Data Protection Commission https://www.dataprotection.ie
	// true fr National Commission on Informatics and Liberty https://www.cnil.fr
	// true de Federal Commissioner for Data Protection and Freedom of Information https://www.bfdi.bund.de
	// false
}

func ExampleUK() {
	for _, at := range []time.Time{
		time.Date(2020, time.June, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC),
	} {
		a := authority.UK(at)
		fmt.Println(at.Format(time.DateOnly), a.Name, "("+a.Short+")", a.Regime)
	}
	// Output:
	// 2020-06-01 Information Commissioner (ICO) eu
	// 2026-03-01 Information Commissioner (ICO) uk
	// 2026-11-23 Information Commission (ICO) uk
}

func ExampleUK_options() {
	at := time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)
	// The commencement date is unconfirmed: a caller who has not seen the
	// commencement regulations can keep the old name ...
	fmt.Println(authority.UK(at, authority.CommissionNotYet()).Name)
	// ... or give the day it has confirmed.
	fmt.Println(authority.UK(at, authority.CommissionOn(time.Date(2026, time.December, 1, 0, 0, 0, 0, time.UTC))).Name)
	// Output:
	// Information Commissioner
	// Information Commissioner
}

func ExampleAll() {
	day := time.Date(2026, time.December, 6, 0, 0, 0, 0, time.UTC)
	n := map[string]int{}
	for _, a := range authority.All(day) {
		n[a.Regime.String()]++
	}
	fmt.Println(len(authority.All(day)), n["eu"], n["uk"])
	// Output:
	// 31 30 1
}
