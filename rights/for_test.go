package rights_test

import (
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
)

const (
	informed    = rights.Informed
	access      = rights.Access
	rectify     = rights.Rectification
	erasure     = rights.Erasure
	restrict    = rights.Restriction
	portability = rights.Portability
	object      = rights.Object
	withdraw    = rights.WithdrawConsent
	marketing   = rights.ObjectDirectMarketing
	controller  = rights.ComplainToController
	authority   = rights.ComplainToAuthority
)

// Acceptance: legal obligation carries no erasure (Art 17(3)(b)), no
// portability (Art 20(1)(a)) and no objection (Art 21(1)); ICO table "How
// does the lawful basis affect individuals' rights?".
func TestForLegalObligation(t *testing.T) {
	got := rights.ByBasis(lawfulbasis.LegalObligation)
	for _, r := range []rights.Right{erasure, portability, object} {
		if slices.Contains(got, r) {
			t.Errorf("For(LegalObligation) contains %v: %v", r, got)
		}
	}
}

// Acceptance: consent carries withdrawal (Art 7(3)), erasure (Art 17(1)(b))
// and portability (Art 20(1)(a)); ICO table.
func TestForConsent(t *testing.T) {
	got := rights.ByBasis(lawfulbasis.Consent)
	for _, r := range []rights.Right{withdraw, erasure, portability} {
		if !slices.Contains(got, r) {
			t.Errorf("For(Consent) lacks %v: %v", r, got)
		}
	}
}

// Acceptance: recognised legitimate interests carries objection (Art 21(1)
// as amended by DUAA s70(5)) and not portability (ICO recognised legitimate
// interest guidance, "What else do we need to consider?").
func TestForRecognisedLegitimateInterests(t *testing.T) {
	got := rights.ByBasis(lawfulbasis.RecognisedLegitimateInterests)
	if !slices.Contains(got, object) {
		t.Errorf("For(RLI) lacks object: %v", got)
	}
	if slices.Contains(got, portability) {
		t.Errorf("For(RLI) contains portability: %v", got)
	}
}

func TestForEachBasis(t *testing.T) {
	for _, tc := range []struct {
		b    lawfulbasis.Basis
		want []rights.Right
	}{
		// ICO table, consent row: erasure yes, portability yes, object no "but
		// right to withdraw consent" (Art 7(3)).
		{lawfulbasis.Consent, []rights.Right{informed, access, rectify, erasure, restrict, portability, withdraw, authority}},
		// ICO table, contract row: erasure yes, portability yes, object no.
		{lawfulbasis.Contract, []rights.Right{informed, access, rectify, erasure, restrict, portability, authority}},
		// ICO table, legal obligation row: erasure no, portability no, object no.
		{lawfulbasis.LegalObligation, []rights.Right{informed, access, rectify, restrict, authority}},
		// ICO table, vital interests row: erasure yes, portability no, object no.
		{lawfulbasis.VitalInterests, []rights.Right{informed, access, rectify, erasure, restrict, authority}},
		// ICO table, public task row: erasure no, portability no, object yes.
		{lawfulbasis.PublicTask, []rights.Right{informed, access, rectify, restrict, object, authority}},
		// ICO RLI guidance "What else do we need to consider?" (portability no);
		// DUAA s70(5) (object yes); Art 17(1) unamended (erasure yes). Note
		// section 2.4.
		{lawfulbasis.RecognisedLegitimateInterests, []rights.Right{informed, access, rectify, erasure, restrict, object, authority}},
		// ICO table, legitimate interests row: erasure yes, portability no, object yes.
		{lawfulbasis.LegitimateInterests, []rights.Right{informed, access, rectify, erasure, restrict, object, authority}},
	} {
		if diff := cmp.Diff(tc.want, rights.ByBasis(tc.b)); diff != "" {
			t.Errorf("For(%v) mismatch (-want +got):\n%s", tc.b, diff)
		}
	}
	// The table covers every basis.
	if n := len(lawfulbasis.Bases()); n != 7 {
		t.Errorf("lawfulbasis has %d bases; update TestForEachBasis", n)
	}
}

func TestForUnion(t *testing.T) {
	for _, tc := range []struct {
		name  string
		bases []lawfulbasis.Basis
		want  []rights.Right
	}{
		// Erasure is out only when every basis is legal obligation or public
		// task (Art 17(3)(b); ICO table).
		{"legal obligation and public task", []lawfulbasis.Basis{lawfulbasis.LegalObligation, lawfulbasis.PublicTask},
			[]rights.Right{informed, access, rectify, restrict, object, authority}},
		{"legal obligation and vital interests", []lawfulbasis.Basis{lawfulbasis.LegalObligation, lawfulbasis.VitalInterests},
			[]rights.Right{informed, access, rectify, erasure, restrict, authority}},
		// Union of the consent and legitimate interests rows, in constant order.
		{"legitimate interests and consent", []lawfulbasis.Basis{lawfulbasis.LegitimateInterests, lawfulbasis.Consent},
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, object, withdraw, authority}},
		{"duplicates", []lawfulbasis.Basis{lawfulbasis.Contract, lawfulbasis.Contract},
			rights.ByBasis(lawfulbasis.Contract)},
		{"invalid bases ignored", []lawfulbasis.Basis{0, lawfulbasis.PublicTask, 200},
			rights.ByBasis(lawfulbasis.PublicTask)},
		{"none", nil, nil},
		{"only invalid", []lawfulbasis.Basis{0, 99}, nil},
	} {
		if diff := cmp.Diff(tc.want, rights.ByBasis(tc.bases...)); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
}

// For every combination of bases: sorted, no duplicates, never
// AutomatedDecisions, ObjectDirectMarketing or ComplainToController (not
// basis-dependent), always
// the five rights that do not depend on the basis.
func TestForInvariants(t *testing.T) {
	all := lawfulbasis.Bases()
	for mask := 1; mask < 1<<len(all); mask++ {
		var bs []lawfulbasis.Basis
		for i, b := range all {
			if mask&(1<<i) != 0 {
				bs = append(bs, b)
			}
		}
		got := rights.ByBasis(bs...)
		if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
			t.Errorf("For(%v) = %v: not sorted or has duplicates", bs, got)
		}
		for _, r := range []rights.Right{rights.AutomatedDecisions, rights.ObjectDirectMarketing, controller} {
			if slices.Contains(got, r) {
				t.Errorf("For(%v) contains %v", bs, r)
			}
		}
		for _, r := range []rights.Right{informed, access, rectify, restrict, authority} {
			if !slices.Contains(got, r) {
				t.Errorf("For(%v) lacks %v", bs, r)
			}
		}
	}
}

// TestForDropsUnavailableBases: For takes the regime and the day and drops
// the bases not available under that regime on that day.
func TestForDropsUnavailableBases(t *testing.T) {
	march := day(2026, time.March, 1)
	for _, tc := range []struct {
		name  string
		g     lawfulbasis.Regime
		at    time.Time
		bases []lawfulbasis.Basis
		want  []rights.Right
	}{
		// RLI exists only under the UK regime from 5 Feb 2026 (DUAA s70; SI
		// 2026/82 reg 2(c)).
		{"RLI before DUAA", uk, beforeDUAA, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests}, nil},
		{"RLI after DUAA", uk, march, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests},
			rights.ByBasis(lawfulbasis.RecognisedLegitimateInterests)},
		{"RLI under EU", eu, lawAsOf, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests}, nil},
		{"RLI dropped, consent kept, EU", eu, lawAsOf, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests, lawfulbasis.Consent},
			rights.ByBasis(lawfulbasis.Consent)},
		// Complaints to the controller: UK, from 19 June 2026 (DPA 2018 s164A;
		// SI 2026/82 reg 3).
		{"UK before complaints", uk, beforeComplaints, []lawfulbasis.Basis{lawfulbasis.Contract},
			rights.ByBasis(lawfulbasis.Contract)},
		{"UK from complaints", uk, complaints, []lawfulbasis.Basis{lawfulbasis.Contract},
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, controller, authority}},
		{"UK law as of", uk, lawAsOf, []lawfulbasis.Basis{lawfulbasis.Consent},
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, withdraw, controller, authority}},
		{"UK RLI with complaints", uk, lawAsOf, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests},
			[]rights.Right{informed, access, rectify, erasure, restrict, object, controller, authority}},
		// No s164A under the EU regime.
		{"EU", eu, lawAsOf, []lawfulbasis.Basis{lawfulbasis.Contract}, rights.ByBasis(lawfulbasis.Contract)},
		{"no bases", uk, lawAsOf, nil, nil},
		{"invalid regime", 0, lawAsOf, []lawfulbasis.Basis{lawfulbasis.Consent}, nil},
	} {
		if diff := cmp.Diff(tc.want, rights.For(tc.g, tc.at, tc.bases...)); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tc.name, diff)
		}
	}
}

// UK GDPR and GDPR Art 21(2) and (3): the right to object to direct
// marketing applies "at any time", whatever the lawful basis, and is
// absolute. A purpose that is direct marketing carries it on consent,
// legitimate interests and contract alike; a purpose that is not does not.
func TestForPurpose(t *testing.T) {
	for _, tc := range []struct {
		name      string
		g         lawfulbasis.Regime
		at        time.Time
		b         lawfulbasis.Basis
		marketing bool
		want      []rights.Right
	}{
		// Consent: objection to direct marketing and withdrawal of consent
		// (Art 7(3)) both apply.
		{"consent, direct marketing, UK", uk, lawAsOf, lawfulbasis.Consent, true,
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, marketing, withdraw, controller, authority}},
		// Legitimate interests (UK GDPR Art 6(11)(a) gives direct marketing as
		// an example): Art 21(1) and Art 21(2) both apply.
		{"legitimate interests, direct marketing, UK", uk, lawAsOf, lawfulbasis.LegitimateInterests, true,
			[]rights.Right{informed, access, rectify, erasure, restrict, object, marketing, controller, authority}},
		{"contract, direct marketing, UK", uk, lawAsOf, lawfulbasis.Contract, true,
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, marketing, controller, authority}},
		{"contract, direct marketing, EU", eu, lawAsOf, lawfulbasis.Contract, true,
			[]rights.Right{informed, access, rectify, erasure, restrict, portability, marketing, authority}},
		{"legal obligation, direct marketing, UK before complaints", uk, beforeComplaints, lawfulbasis.LegalObligation, true,
			[]rights.Right{informed, access, rectify, restrict, marketing, authority}},
		// Not direct marketing: the basis alone decides (ICO table).
		{"contract, not direct marketing", uk, lawAsOf, lawfulbasis.Contract, false,
			rights.For(uk, lawAsOf, lawfulbasis.Contract)},
		{"consent, not direct marketing", eu, lawAsOf, lawfulbasis.Consent, false,
			rights.For(eu, lawAsOf, lawfulbasis.Consent)},
		{"legitimate interests, not direct marketing", uk, lawAsOf, lawfulbasis.LegitimateInterests, false,
			[]rights.Right{informed, access, rectify, erasure, restrict, object, controller, authority}},
		// A basis that does not exist under the regime gives nothing.
		{"RLI under EU", eu, lawAsOf, lawfulbasis.RecognisedLegitimateInterests, true, nil},
		{"invalid basis", uk, lawAsOf, 0, true, nil},
	} {
		got := rights.ForPurpose(tc.g, tc.at, tc.b, tc.marketing)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("%s: mismatch (-want +got):\n%s", tc.name, diff)
		}
		if slices.Contains(got, marketing) != (tc.marketing && got != nil) {
			t.Errorf("%s: ObjectDirectMarketing present = %v", tc.name, slices.Contains(got, marketing))
		}
	}
	// Every basis, both regimes: a direct-marketing purpose adds exactly the
	// one right, in constant order.
	for _, g := range lawfulbasis.Regimes() {
		for _, b := range lawfulbasis.Bases() {
			plain, dm := rights.ForPurpose(g, lawAsOf, b, false), rights.ForPurpose(g, lawAsOf, b, true)
			if plain == nil {
				continue
			}
			if len(dm) != len(plain)+1 || !slices.IsSorted(dm) || !slices.Contains(dm, marketing) {
				t.Errorf("ForPurpose(%v, %v, true) = %v; without direct marketing %v", g, b, dm, plain)
			}
		}
	}
}
