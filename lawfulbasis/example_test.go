package lawfulbasis_test

import (
	"fmt"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

func ExampleParseBasis() {
	for _, s := range []string{"Article 6(1)(f)", "6(1)(ea)", "public-task"} {
		b, err := lawfulbasis.ParseBasis(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Printf("%-16s %-32s %s\n", s, b, b.Citation(lawfulbasis.UK))
	}
	_, err := lawfulbasis.ParseBasis("consnet")
	fmt.Println(err != nil)
	// Output:
	// Article 6(1)(f)  legitimate-interests             UK GDPR Art 6(1)(f)
	// 6(1)(ea)         recognised-legitimate-interests  UK GDPR Art 6(1)(ea)
	// public-task      public-task                      UK GDPR Art 6(1)(e)
	// true
}

func ExampleBasis_CheckAvailable() {
	rli := lawfulbasis.RecognisedLegitimateInterests
	fmt.Println(rli.Available(lawfulbasis.UK, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)))
	fmt.Println(rli.CheckAvailable(lawfulbasis.EU, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)))
	// Output:
	// true
	// recognised-legitimate-interests is not available under the eu regime on 2026-11-23: it exists only under the uk regime
}

func ExampleCondition_NeedsSchedule1() {
	c, _ := lawfulbasis.ParseCondition("Art 9(2)(b)")
	s, _ := lawfulbasis.ParseSchedule1("Sch 1 para 1")
	fmt.Println(c.Citation(lawfulbasis.UK), c.NeedsSchedule1(lawfulbasis.UK))
	fmt.Println(s.Citation(lawfulbasis.UK), s.Completes(c), s.NeedsPolicyDocument())
	// Output:
	// UK GDPR Art 9(2)(b) true
	// DPA 2018 Sch 1 Pt 1 para 1 true true
}

func ExampleMechanism_Available() {
	at := time.Date(2020, 8, 1, 0, 0, 0, 0, time.UTC)
	fmt.Println(lawfulbasis.PrivacyShield.Available(lawfulbasis.UK, at))
	fmt.Println(lawfulbasis.IDTA.NeedsDataProtectionTest(lawfulbasis.UK, time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)))
	// Output:
	// false
	// true
}

func ExampleApprovals_Lookup() {
	approvals := lawfulbasis.DefaultApprovals()
	at := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	a, ok := approvals.Lookup(lawfulbasis.UK, "US", at)
	fmt.Println(ok, a.Certified, a.Instrument)
	_, ok = approvals.WithoutDPF().Lookup(lawfulbasis.UK, "US", at)
	fmt.Println(ok)
	_, ok = approvals.Lookup(lawfulbasis.UK, "BR", at)
	fmt.Println(ok)
	// Output:
	// true true Data Protection (Adequacy) (United States of America) Regulations 2023, SI 2023/1028
	// false
	// false
}

func ExampleApprovals_Edit() {
	approvals := lawfulbasis.DefaultApprovals()
	at := time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	a, _ := approvals.Lookup(lawfulbasis.EU, "GB", at)
	fmt.Println(a.ExcludesConfidence)
	// A DPO who has read the 2025 renewal and found no immigration
	// exclusion drops it; the built-in list is unchanged.
	read := approvals.Edit(func(a *lawfulbasis.Approval) {
		if a.Country == "GB" && a.ExcludesConfidence == lawfulbasis.Unconfirmed {
			a.Excludes, a.ExcludesConfidence = "", 0
		}
	})
	a, _ = read.Lookup(lawfulbasis.EU, "GB", at)
	fmt.Printf("%q\n", a.Excludes)
	// Output:
	// unconfirmed
	// ""
}
