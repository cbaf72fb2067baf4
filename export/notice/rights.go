// Your rights, how to use them and when the reply is due (Art 13(2)(b)–(c),
// 14(2)(c)–(d), Arts 12, 12A and 15–22).

package notice

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// groupRights works out the rights of the k-th group of the audience from
// what the register records for it in its activities vs: the bases of its
// own purposes, the explicit consent relied on for its own special
// category data or for a decision about it, the solely automated
// significant decisions about it, and direct marketing among its
// purposes.
func (g *gen) groupRights(k int, vs []view) {
	gr := &g.grights[k]
	var bases uint32 // the rights of the bases, as bits
	first := true    // no basis met yet
	for i := range vs {
		r := g.viewRights(&vs[i])
		gr.marketing = gr.marketing || r.marketing
		gr.unknown = gr.unknown || r.unknown
		gr.consent = gr.consent || r.consent
		gr.depend = gr.depend || r.depend
		gr.rights |= r.extra
		if !r.any {
			continue
		}
		// The rights differ between the bases used when one basis
		// carries a right another does not.
		if first {
			bases, first = r.bases, false
		} else if r.bases != bases {
			gr.depend = true
			bases |= r.bases
		}
	}
	if first {
		// No basis is known: only the rights that hold under every basis.
		bases = 1<<rights.Access | 1<<rights.Rectification | 1<<rights.Restriction
		gr.noBasis = true
	}
	gr.rights |= bases
}

// viewRights is what the purposes and decisions of one activity for one
// group ([view]) say of the group's rights: worked out once for an
// activity that scopes nothing, which says the same to every group.
func (g *gen) viewRights(v *view) actRights {
	in := &g.info[v.ai]
	if v.all && in.rightsDone {
		return in.rights
	}
	a := in.a
	var r actRights
	for i := range a.Purposes {
		p := &a.Purposes[i]
		if !v.in(v.idx.Purposes, i) {
			continue
		}
		r.marketing = r.marketing || p.DirectMarketing
		rb, ok := g.basisRights(p.Basis)
		if !ok {
			r.unknown = true
			continue
		}
		r.consent = r.consent || p.Basis == lawfulbasis.Consent
		if !r.any {
			r.bases, r.any = rb, true
		} else if rb != r.bases {
			r.depend = true
			r.bases |= rb
		}
	}
	if slices.Contains(a.Special.Conditions, lawfulbasis.ExplicitConsent) {
		for _, c := range v.cats {
			if g.cats[c].special {
				r.extra |= 1 << rights.WithdrawConsent
				break
			}
		}
	}
	for di := range a.Automated {
		d := &a.Automated[di]
		if v.in(v.idx.Automated, di) {
			if d.Ground == ropa.ExplicitConsent {
				r.extra |= 1 << rights.WithdrawConsent
			}
			if d.Solely && d.Significant {
				r.extra |= 1 << rights.AutomatedDecisions
			}
		}
	}
	// rights.ForPurpose adds the right to object to direct marketing to
	// a direct marketing purpose's rights; it applies whatever the basis
	// (Art 21(2)), so also to a purpose whose basis is not recorded.
	if r.marketing {
		r.extra |= 1 << rights.ObjectDirectMarketing
	}
	if v.all {
		in.rights, in.rightsDone = r, true
	}
	return r
}

// actRights is what the purposes and decisions of an activity for a group
// say of the group's rights.
type actRights struct {
	bases     uint32 // the rights of the purposes' bases, as bits
	extra     uint32 // the rights that do not depend on a basis, as bits
	any       bool   // some purpose has a basis that can be stated
	unknown   bool   // some purpose has none
	depend    bool   // the rights differ between the purposes' bases
	consent   bool   // some purpose relies on consent
	marketing bool   // some purpose is direct marketing
}

// basisRights returns the rights of processing on basis b under the
// notice's regime on its day ([rights.For]), as bits, and whether
// the basis can be stated (it exists under the regime on the day), working
// both out once for each basis. The rights of several bases are the union
// of theirs, as [rights.For] says.
func (g *gen) basisRights(b lawfulbasis.Basis) (uint32, bool) {
	const done, usable = 1, 1 << 31
	if g.basisSet[b]&done == 0 {
		set := uint32(done)
		if g.usable(b) {
			set |= usable
			for _, r := range rights.For(g.regime, g.at, b) {
				set |= 1 << r
			}
		}
		g.basisSet[b] = set
	}
	set := g.basisSet[b]
	return set &^ (done | usable), set&usable != 0
}

// groupRights are the rights of one group of the audience, from what the
// register records for that group ([gen.groupRights]).
type groupRights struct {
	rights    uint32 // the set of rights.Right values, as bits
	unknown   bool   // some purpose for the group has no basis that can be stated
	noBasis   bool   // no purpose for the group has one
	depend    bool   // the rights differ between the bases of its purposes
	consent   bool   // some purpose for the group relies on consent
	marketing bool   // some purpose for the group is direct marketing
}

// rights writes the rights of the audience (Art 13(2)(b)-(c)). Each group
// has the rights the register establishes for it: those of the bases of
// its own purposes, withdrawal of consent where consent is relied on for
// it, the automated decision rights where such decisions are made about
// it, and the right to object to direct marketing where a purpose for it is
// direct marketing. The rights every group of the audience has are listed
// first; a group with more is named before its others.
func (g *gen) rights() {
	ph := g.ph
	common := ^uint32(0)
	var union uint32
	unknown, depend, consent, marketing := false, false, false, 0
	for i := range g.grights {
		gr := &g.grights[i]
		common &= gr.rights
		union |= gr.rights
		unknown = unknown || gr.unknown || gr.noBasis
		if gr.noBasis && !gr.unknown {
			g.cov.miss(art13_2b, fmt.Sprintf("no purposes are recorded for %s, so the rights that depend on the lawful basis (erasure, portability, objection) cannot be stated for them", subjectPlain(g.audience[i])))
		}
		depend = depend || gr.depend
		consent = consent || gr.consent
		if gr.marketing {
			marketing++
		}
	}
	b := g.blocks()
	// The heading introduces the list: no lead ("You have these rights").
	// Each right once: one every group has as it is, one only some have
	// naming them.
	var items []string
	for _, r := range allRights {
		bit := uint32(1) << r
		if union&bit == 0 {
			continue
		}
		it := g.rightItems(bit)
		if len(it) == 0 {
			continue
		}
		if common&bit != 0 {
			items = append(items, it[0])
			continue
		}
		var names []string
		for j := range g.grights {
			if g.grights[j].rights&bit != 0 {
				names = append(names, subjectPlain(g.audience[j]))
			}
		}
		items = append(items, it[0]+" "+sprintf(ph.rightsOnly, groupList(names)))
	}
	b.list(items)
	if depend {
		b.para(ph.rightsDepend)
	}
	if unknown {
		b.para(ph.rightsUnknown)
	}
	if slices.ContainsFunc(g.grights, func(gr groupRights) bool { return gr.unknown }) {
		g.cov.miss(art13_2b, "some purposes have no lawful basis in the register, so the rights that depend on it (erasure, portability, objection) cannot all be stated")
	}
	g.cov.use(art13_2b, "activities[].purposes[].basis")

	// How to use the rights: the routes for requests, else the DPO's
	// ways, else the organisation's; never "contact us" with no way to.
	var ways []string
	if e := g.routes.RequestsEmail; e != "" {
		ways = append(ways, g.ph.email+e)
	}
	if u := g.routes.RequestsURL; u != "" {
		ways = append(ways, g.ph.goTo+u)
	}
	d, c := g.reg.DPO, g.reg.Controller
	route := true
	if len(ways) > 0 {
		g.requestWays = prose.List(ways, "or")
		b.paraf(ph.howRequests, g.requestWays)
	} else if dw := contactWays(g.ph, d.Email, d.Phone, d.Address, "", ""); len(dw) > 0 {
		g.requestWays = sprintf(ph.contactDPO, prose.List(dw, "or"))
		b.paraf(ph.howRequestsDPO, prose.List(dw, "or"))
	} else if cw := contactWays(g.ph, c.Email, c.Phone, c.Address, c.Website, g.ph.throughWebsite); len(cw) > 0 {
		g.requestWays = sprintf(ph.contactUsWays, prose.List(cw, "or"))
		b.paraf(ph.howRequestsUs, prose.List(cw, "or"))
	} else {
		route = false
		g.cov.miss(art13_2b, "the register records no way to make a request (dpo or controller email, phone or address), so the notice cannot say how to use the rights")
	}
	if union&(1<<rights.WithdrawConsent) != 0 {
		// How to withdraw, in the register's words (consent.withdrawal:
		// Art 7(3), as easy as giving it), else the route of the rights.
		if ways := g.withdrawalWays(); len(ways) > 0 {
			b.para(ph.withdrawLead)
			b.list(ways)
			g.cov.use(art13_2c, "activities[].consent.withdrawal")
		} else if route {
			b.para(ph.howWithdraw)
		}
		if consent {
			g.cov.use(art13_2c, "activities[].purposes[].basis")
		} else {
			g.cov.use(art13_2c, "activities[].special.conditions")
		}
	} else {
		g.cov.notApplicable(art13_2c, "not applicable: no purpose is recorded as relying on consent")
	}
	// When the reply is due: UK GDPR Art 12A from 5 February 2026 (one
	// month from the latest of the request, the identity information asked
	// for under Art 12(6) and any fee under Art 12(5); extension by two
	// months by notice within the first month, 12A(3)-(4); the clock
	// stopped while the organisation waits for what it reasonably needs to
	// find the information an access request is about, 12A(5)); before
	// then, and under the EU regime, Art 12(3).
	if g.ukNew {
		b.para(ph.replyUK)
		b.para(ph.extend)
		b.para(ph.pauseUK)
	} else {
		b.para(ph.replyEU)
		b.para(ph.extend)
	}
	g.src = append(g.rightsPaths(), "jurisdiction")
	g.section(2, ph.rightsHeading, b...)
	if marketing > 0 {
		g.directMarketing(marketing)
	}
}

// directMarketing writes the right to object to direct marketing
// ([rights.ObjectDirectMarketing]), which applies whatever the lawful basis
// (Art 21(2)) and which the organisation cannot refuse (Art 21(3): the
// data "shall no longer be processed for such purposes"; ICO direct
// marketing guidance, "Respect people's preferences": "There are no
// reasons that you can use to refuse their objection"). It is a section of
// its own because Art 21(4) requires the right to be presented "clearly
// and separately from any other information". n groups of the audience
// have a direct marketing purpose; when that is not every group, the
// section names them.
func (g *gen) directMarketing(n int) {
	ph := g.ph
	r := rights.ObjectDirectMarketing
	text := ph.rights[r]
	if text == "" {
		text = r.PlainAt(g.regime, g.at)
	}
	b := g.blocks()
	b.para(text + " " + ph.dmAbsolute)
	if n < len(g.grights) {
		var groups []string
		for i := range g.grights {
			if g.grights[i].marketing {
				groups = append(groups, subjectPlain(g.audience[i]))
			}
		}
		b.paraf(ph.dmWho, groupList(groups))
	}
	g.cov.use(art13_2b, "activities[].purposes[].directMarketing")
	for ai, a := range g.acts {
		for i := range a.Purposes {
			if a.Purposes[i].DirectMarketing {
				g.src = append(g.src, "activities["+strconv.Itoa(g.actIndex[ai])+"].purposes["+strconv.Itoa(i)+"].directMarketing")
			}
		}
	}
	g.section(3, ph.dmHeading, b...)
}

// rightItems lists the rights in set (bits of rights.Right) as the rights
// section states them: not the right to be informed (this notice), the
// rights to complain (the complaints section) nor the right to object to
// direct marketing (a section of its own).
func (g *gen) rightItems(set uint32) []string {
	set &^= 1<<rights.Informed | 1<<rights.ComplainToController | 1<<rights.ComplainToAuthority | 1<<rights.ObjectDirectMarketing
	n := 0
	for _, r := range allRights {
		if set&(1<<r) != 0 && g.rightItem(r) != "" {
			n++
		}
	}
	items := g.strings(n)[:0]
	for _, r := range allRights {
		if set&(1<<r) != 0 {
			if it := g.rightItem(r); it != "" {
				items = append(items, it)
			}
		}
	}
	return items
}

// rightItem is the item of right r in the rights section, worked out once.
func (g *gen) rightItem(r rights.Right) string {
	if int(r) < len(g.rightTexts) && g.rightTexts[r].done {
		return g.rightTexts[r].text
	}
	it := g.ph.rights[r]
	if it != "" && !g.young {
		it = r.Title() + ": " + it // the adult list names each right
	}
	if it == "" || r == rights.AutomatedDecisions && !g.ukNew {
		it = ""
		if text := r.PlainAt(g.regime, g.at); text != "" {
			if g.young {
				it = text
			} else {
				it = r.Title() + ": " + text
			}
		}
	}
	if int(r) < len(g.rightTexts) {
		g.rightTexts[r].text, g.rightTexts[r].done = it, true
	}
	return it
}

// rightsPaths are the register fields the rights come from: the basis of
// each purpose and the decisions about the audience.
func (g *gen) rightsPaths() []string {
	var out []string
	for ai, a := range g.acts {
		prefix := "activities[" + strconv.Itoa(g.actIndex[ai]) + "]."
		for i := range a.Purposes {
			if a.Purposes[i].Basis.Valid() {
				out = append(out, prefix+"purposes["+strconv.Itoa(i)+"].basis")
			}
		}
		for i := range a.Automated {
			out = append(out, prefix+"automated["+strconv.Itoa(i)+"]")
		}
		if withdrawalOf(a) != "" {
			out = append(out, prefix+"consent.withdrawal")
		}
	}
	return out
}

// groupList joins the names of groups of people with "and": with commas,
// or, for three or more where a name has a comma or an "and" of its own,
// with semicolons ("employees; staff of schools and colleges; and
// volunteers").
func groupList(names []string) string {
	if len(names) < 3 {
		return prose.List(names, "and")
	}
	for _, n := range names {
		if strings.Contains(n, ",") || strings.Contains(n, " and ") {
			return strings.Join(names[:len(names)-1], "; ") + "; and " + names[len(names)-1]
		}
	}
	return prose.List(names, "and")
}

// allRights are the rights in the order of their constants, read only.
var allRights = rights.All()

// withdrawalWays are the distinct ways to withdraw consent that the
// activities of the audience relying on consent record
// (consent.withdrawal), each ended as a sentence, in register order.
func (g *gen) withdrawalWays() []string {
	var out []string
	for _, a := range g.acts {
		w := withdrawalOf(a)
		if w == "" {
			continue
		}
		w = capitalise(endSentence(w))
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// withdrawalOf is how an activity says consent is withdrawn
// (consent.withdrawal), where one of its purposes relies on consent; ""
// otherwise.
func withdrawalOf(a *ropa.Activity) string {
	if !slices.ContainsFunc(a.Purposes, func(p ropa.Purpose) bool { return p.Basis == lawfulbasis.Consent }) {
		return ""
	}
	return clean(a.Consent.Withdrawal)
}
