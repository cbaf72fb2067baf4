// How to complain: to us (DPA 2018 s 164A, from 19 June 2026) and to the
// supervisory authority (Art 13(2)(d), 14(2)(e)).

package notice

import (
	"regexp"
	"strings"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/lawfulbasis"
)

// complain writes the right to complain to the organisation (UK from 19
// June 2026, DPA 2018 s164A; Art 13(2)(ca), 14(2)(da)) and to the regulator
// (Art 13(2)(d): DPA 2018 s165 under the UK regime from 19 June 2026).
func (g *gen) complain() {
	ph := g.ph
	b := g.blocks()
	// The Art 14 item applies where some data come from others, and
	// where the register does not say whether they do.
	indirect := g.indirect || g.sourcesUnknown
	if g.complaintsLaw {
		// The register's own description of its complaints handling is
		// public text the notice quotes; a generated sentence that would
		// say again what it says is left out.
		dt := clean(g.reg.Complaints.Details)
		if !saysComplain(dt) {
			b.para(ph.complainUs)
		}
		if dt != "" {
			b.para(capitalise(sentence(dt)))
		}
		var ways []string
		r := g.routes
		if r.ComplaintsForm != "" {
			ways = append(ways, g.ph.complaintForm+r.ComplaintsForm)
		}
		if r.ComplaintsEmail != "" {
			ways = append(ways, g.ph.email+r.ComplaintsEmail)
		}
		if r.ComplaintsPhone != "" {
			ways = append(ways, g.ph.phone+r.ComplaintsPhone)
		}
		if r.ComplaintsAddress != "" {
			ways = append(ways, g.ph.writeTo+r.ComplaintsAddress)
		}
		arts := []article{art13_2ca}
		if indirect {
			arts = append(arts, art14_2da)
		} else {
			g.cov.notApplicable(art14_2da, notIndirect)
		}
		switch {
		case len(ways) > 0:
			b.paraf(ph.complainWays, prose.List(ways, "or"))
			for _, art := range arts {
				g.cov.use(art, fieldsSet("complaints.", r.ComplaintsForm, "form", r.ComplaintsEmail, "email",
					r.ComplaintsPhone, "phone", r.ComplaintsAddress, "address")...)
			}
		default:
			// The DPO is a route only with a way to reach them: "contact
			// our data protection officer" with none is not said.
			d := g.reg.DPO
			dpoWays := contactWays(g.ph, d.Email, d.Phone, d.Address, "", "")
			if len(dpoWays) > 0 {
				b.paraf(ph.complainDPO, prose.List(dpoWays, "or"))
			}
			for _, art := range arts {
				switch {
				case len(dpoWays) > 0:
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address); the notice refers people to the DPO")
				case !d.IsZero():
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address), and the DPO has no email, telephone number or address, so the notice gives no way to complain")
				default:
					g.cov.miss(art, "no complaint route is recorded (complaints.form, email, phone or address) and there is no DPO to refer people to")
				}
			}
		}
		if !saysAcknowledgement(dt) {
			b.para(ph.acknowledge)
		}
	}
	a := g.authority
	name := clean(a.Name)
	switch {
	case g.regime == lawfulbasis.UK:
		if name == "" {
			name = regulatorOf(authority.UK(g.at)).Name
		}
		if g.complaintsLaw {
			b.paraf(ph.regulatorS165, name)
		} else {
			b.paraf(ph.regulatorUK, name)
		}
		if ways := contactWays(g.ph, a.Email, a.Phone, postOnly(a.Address, a.Phone, a.Website), a.Website, g.ph.online); len(ways) > 0 {
			b.paraf(ph.regulatorWays, prose.List(ways, "or"))
		}
		g.cov.use(art13_2d, g.authorityFields...)
	default:
		// Art 77(1): the right to complain to a supervisory authority,
		// in particular in the member state of the person's habitual
		// residence, place of work or of the alleged infringement.
		b.para(ph.regulatorEU)
		if g.hasAuthority && name != "" {
			b.paraf(ph.regulatorLead, theName(name))
			if ways := contactWays(g.ph, a.Email, a.Phone, postOnly(a.Address, a.Phone, a.Website), a.Website, g.ph.online); len(ways) > 0 {
				b.paraf(ph.regulatorWays, prose.List(ways, "or"))
			}
			g.cov.use(art13_2d, g.authorityFields...)
		} else {
			g.cov.miss(art13_2d, g.authorityGap)
		}
	}
	g.src = fieldsSet("", g.reg.Complaints.Details, "complaints.details", g.reg.Complaints.Form, "complaints.form",
		g.reg.Complaints.Email, "complaints.email", g.reg.Complaints.Phone, "complaints.phone", g.reg.Complaints.Address, "complaints.address")
	g.src = append(g.src, g.authorityFields...)
	if d := g.reg.DPO; !d.IsZero() {
		g.src = append(g.src, "dpo")
	}
	// The regime decides which rights to complain there are, and the
	// regulator named by default.
	g.src = append(g.src, "jurisdiction")
	g.section(2, ph.complainHeading, b...)
}

// saysComplain reports whether the register's complaints details already
// tell people they can complain ("you can complain", "you have a right to
// complain", "you can make a complaint") or invite them to raise concerns
// ("if you are unsatisfied ...", "if you have any concerns ..."), so that
// the generated sentence stating the right would repeat them.
func saysComplain(details string) bool { return canComplainRE.MatchString(details) }

var canComplainRE = regexp.MustCompile(`(?i)\b(can|may|right to)\s+(make\s+a\s+|raise\s+a\s+)?complain|\b(unsatisfied|dissatisfied|unhappy|concerns?)\b`)

// saysAcknowledgement reports whether the register's complaints details
// already give a time for acknowledging a complaint ("within 30 days",
// "thirty days"), so that the generated sentence would repeat them.
func saysAcknowledgement(details string) bool {
	d := strings.ToLower(details)
	return strings.Contains(d, "30 days") || strings.Contains(d, "thirty days") || strings.Contains(d, "30 calendar days")
}

// postOnly returns a supervisory authority's postal address when it has
// no phone number or website to give, else "": the quicker routes are
// enough, and the address would lengthen every notice.
func postOnly(address, phone, website string) string {
	if clean(phone) != "" || clean(website) != "" {
		return ""
	}
	return address
}
