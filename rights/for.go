package rights

import (
	"slices"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// basisRights is the ICO's table "How does the lawful basis affect
// individuals' rights?" (ICO guidance "Lawful basis for processing"), with
// the rights every basis carries added, and the row for recognised
// legitimate interests from the ICO's recognised legitimate interest
// guidance ("What else do we need to consider?") and DUAA s70(5).
//
// Every basis: Informed (Arts 13/14), Access (Art 15), Rectification
// (Art 16), Restriction (Art 18), ComplainToAuthority (Art 77 / DPA s165):
// the articles granting them do not depend on the basis.
var basisRights = [...][]Right{
	// Consent: erasure yes (Art 17(1)(b)), portability yes (Art 20(1)(a)),
	// objection no but consent may be withdrawn (ICO table; Art 7(3)).
	lawfulbasis.Consent: {Erasure, Portability, WithdrawConsent},
	// Contract: erasure yes, portability yes (Art 20(1)(a)), objection no
	// (ICO table).
	lawfulbasis.Contract: {Erasure, Portability},
	// Legal obligation: erasure no (Art 17(3)(b)), portability no,
	// objection no (ICO table).
	lawfulbasis.LegalObligation: nil,
	// Vital interests: erasure yes, portability no, objection no (ICO
	// table).
	lawfulbasis.VitalInterests: {Erasure},
	// Public task: erasure no (Art 17(3)(b)), portability no, objection yes
	// (Art 21(1), point (e)) (ICO table).
	lawfulbasis.PublicTask: {Object},
	// Recognised legitimate interests (UK only): portability no (ICO
	// recognised legitimate interest guidance, "What else do we need to
	// consider?"); objection yes (Art 21(1) as amended by DUAA s70(5), which
	// inserts ", (ea)" after "point (e)"); erasure yes on the normal grounds,
	// including Art 17(1)(c) after an objection, since no Art 17(3)
	// exception covers point (ea). The erasure row is an inference from the
	// statute: no ICO statement specific to (ea) was found, so it is the
	// conservative answer (the right may apply), not a confirmed one.
	lawfulbasis.RecognisedLegitimateInterests: {Erasure, Object},
	// Legitimate interests: erasure yes, portability no, objection yes
	// (Art 21(1), point (f)) (ICO table).
	lawfulbasis.LegitimateInterests: {Erasure, Object},
}

// always are the rights that apply whatever the basis.
var always = []Right{Informed, Access, Rectification, Restriction, ComplainToAuthority}

// ByBasis returns the rights the ICO's table gives the lawful bases alone,
// whatever the regime and date: the union over the bases, sorted in the order of the
// constants, without duplicates. Invalid bases are ignored; with no valid
// basis the result is nil.
//
// It follows the ICO's table "How does the lawful basis affect individuals'
// rights?" (guidance "Lawful basis for processing"):
//
//   - Informed, Access, Rectification, Restriction and ComplainToAuthority
//     apply under every basis.
//   - Erasure applies unless the only bases are legal obligation and/or
//     public task (Art 17(3)(b)).
//   - Portability applies only under consent or contract (Art 20(1)(a)).
//   - Object applies only under public task, recognised legitimate
//     interests or legitimate interests (Art 21(1), to which DUAA s70(5)
//     added point (ea)). The absolute right to object to direct marketing
//     (Art 21(2), [ObjectDirectMarketing]) depends on the purpose, not the
//     basis: see [ForPurpose].
//   - WithdrawConsent applies only under consent (Art 7(3)).
//
// For recognised legitimate interests, objection and erasure apply and
// portability does not (ICO recognised legitimate interest guidance, "What
// else do we need to consider?").
//
// Three rights are never returned because they do not depend on the basis:
// AutomatedDecisions applies only where solely automated significant
// decisions are taken about the person (Art 22; UK GDPR Arts 22A-22D), which
// the basis does not tell; ObjectDirectMarketing applies where the purpose
// is direct marketing (see [ForPurpose]); ComplainToController depends on
// the regime and the date (see [For]).
//
// ByBasis does not check that a basis exists under a regime, nor add the
// rights that depend on the regime and the date: [For] does, and is the
// call to use for what people may do.
func ByBasis(bases ...lawfulbasis.Basis) []Right {
	var set [len(infos)]bool
	found := false
	for _, b := range bases {
		if !b.Valid() || int(b) >= len(basisRights) {
			continue
		}
		found = true
		for _, r := range basisRights[b] {
			set[r] = true
		}
	}
	if !found {
		return nil
	}
	for _, r := range always {
		set[r] = true
	}
	var out []Right
	for _, r := range All() {
		if set[r] {
			out = append(out, r)
		}
	}
	return out
}

// For returns the rights that apply when processing relies on the given
// lawful bases under regime g on the day of at: [ByBasis] (the ICO's
// table: see there for each right and its source) for the bases available
// then. It first drops the bases not available under g on that day, as
// [lawfulbasis.Basis.Available] says (recognised legitimate interests exists
// only under the UK regime, from 5 February 2026); with no basis left the
// result is nil. It then adds ComplainToController under the UK regime from
// 19 June 2026 (DPA 2018 s164A; SI 2026/82 reg 3).
//
// Rights are the union over the bases: for the rights of one purpose, pass
// its basis alone, or use [ForPurpose].
func For(g lawfulbasis.Regime, at time.Time, bases ...lawfulbasis.Basis) []Right {
	var ok []lawfulbasis.Basis
	for _, b := range bases {
		if b.Available(g, at) {
			ok = append(ok, b)
		}
	}
	out := ByBasis(ok...)
	if out == nil || !ComplainToController.Available(g, at) {
		return out
	}
	// Insert in constant order: ComplainToController sorts just before
	// ComplainToAuthority, which every non-empty result ends with.
	i := len(out)
	for i > 0 && out[i-1] > ComplainToController {
		i--
	}
	out = append(out, 0)
	copy(out[i+1:], out[i:])
	out[i] = ComplainToController
	return out
}

// ForPurpose returns the rights for one purpose of processing under regime
// g on the day of at: [For] for its lawful basis b, with
// ObjectDirectMarketing added when the purpose is direct marketing.
//
// The right to object to direct marketing applies "at any time" and the
// data "shall no longer be processed for such purposes" once the person
// objects (UK GDPR and GDPR Art 21(2) and (3)): unlike the Art 21(1) right
// ([Object]) it has no exception for compelling legitimate grounds and does
// not depend on the basis, so a direct-marketing purpose carries it under
// consent, contract, legitimate interests or any other basis. Under consent
// the person may also withdraw consent (Art 7(3)).
//
// As with For, the result is nil when b is not a basis available
// under g on that day, direct marketing or not.
func ForPurpose(g lawfulbasis.Regime, at time.Time, b lawfulbasis.Basis, directMarketing bool) []Right {
	out := For(g, at, b)
	if out == nil || !directMarketing {
		return out
	}
	i, _ := slices.BinarySearch(out, ObjectDirectMarketing)
	return slices.Insert(out, i, ObjectDirectMarketing)
}
