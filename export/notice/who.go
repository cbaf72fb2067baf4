// Who we are: the controller's identity and contact details, the DPO and the
// representative (Art 13(1)(a)–(b), 14(1)(a)–(b)).

package notice

import (
	"strconv"
	"strings"

	"github.com/article30/article30/internal/prose"
)

func (g *gen) whoWeAre() {
	ph, c := g.ph, g.reg.Controller
	b := g.blocks()
	if name := clean(c.Name); name != "" {
		b.paraf(ph.controllerIntro, name)
		g.cov.use(art13_1a, "controller.name")
	} else {
		g.cov.miss(art13_1a, "the controller's name is missing")
	}
	if a := clean(c.Address); a != "" {
		b.paraf(ph.address, a)
		g.cov.use(art13_1a, "controller.address")
	}
	if ways := contactWays(g.ph, c.Email, c.Phone, "", c.Website, g.ph.throughWebsite); len(ways) > 0 {
		b.paraf(ph.contactUs, prose.List(ways, "or"))
		g.cov.use(art13_1a, fieldsSet("controller.", c.Email, "email", c.Phone, "phone", c.Website, "website")...)
	}
	if clean(c.Address) == "" && clean(c.Email) == "" && clean(c.Phone) == "" {
		g.cov.miss(art13_1a, "the controller has no address, email or telephone number in the register")
	}

	d := g.reg.DPO
	switch {
	case d.IsZero() && c.PublicAuthority:
		g.cov.miss(art13_1b, "a public authority must designate a DPO, and none is recorded")
	case d.IsZero():
		g.cov.notApplicable(art13_1b, "no DPO designated")
	default:
		// The DPO at the organisation's own address, given just above, is
		// reached "by post at our address".
		addr := d.Address
		if a := clean(addr); a != "" && strings.EqualFold(a, clean(c.Address)) {
			addr = ""
		}
		ways := contactWays(g.ph, d.Email, d.Phone, addr, "", "")
		if addr != d.Address {
			ways = append(ways, ph.byPostOurs)
		}
		if name := clean(d.Name); name != "" && !roleOnly(name) {
			b.paraf(ph.dpoNamed, name)
			if len(ways) > 0 {
				b.paraf(ph.dpoContact, prose.List(ways, "or"))
			}
		} else if len(ways) > 0 {
			b.paraf(ph.dpoContactNoName, prose.List(ways, "or"))
		}
		g.cov.use(art13_1b, fieldsSet("dpo.", d.Name, "name", d.Email, "email", d.Phone, "phone", d.Address, "address")...)
		if len(ways) == 0 {
			g.cov.miss(art13_1b, "the DPO has no email, telephone number or address in the register")
		}
	}

	if r := g.reg.Representative; !r.IsZero() {
		ways := contactWays(g.ph, r.Email, r.Phone, r.Address, "", "")
		if name := clean(r.Name); name != "" {
			b.paraf(ph.representative, name)
		}
		if len(ways) > 0 {
			b.paraf(ph.repContact, prose.List(ways, "or"))
		}
		g.cov.use(art13_1a, fieldsSet("representative.", r.Name, "name", r.Email, "email", r.Phone, "phone", r.Address, "address")...)
	}

	var joint []string
	for _, j := range g.reg.JointControllers {
		name := clean(j.Name)
		if name == "" {
			continue
		}
		item := name
		if ct := clean(j.Contact); ct != "" {
			item += " (contact: " + ct + ")"
		}
		if resp := clean(j.Responsibilities); resp != "" {
			item += ": " + lowerFirst(sentence(resp))
		}
		joint = append(joint, item)
	}
	if len(joint) > 0 {
		b.para(ph.jointLead)
		b.list(joint)
	}
	g.src = fieldsSet("", c.Name, "controller.name", c.Address, "controller.address", c.Email, "controller.email",
		c.Phone, "controller.phone", c.Website, "controller.website", d.Name, "dpo.name", d.Email, "dpo.email",
		d.Phone, "dpo.phone", d.Address, "dpo.address")
	if !g.reg.Representative.IsZero() {
		g.src = append(g.src, "representative")
	}
	for i := range g.reg.JointControllers {
		g.src = append(g.src, "jointControllers["+strconv.Itoa(i)+"]")
	}
	g.section(2, ph.whoWeAre, b...)
}

// fieldsSet returns prefix+name for each (value, name) pair whose value is
// not blank.
func fieldsSet(prefix string, pairs ...string) []string {
	var out []string
	for i := 0; i+1 < len(pairs); i += 2 {
		if strings.TrimSpace(pairs[i]) != "" {
			out = append(out, prefix+pairs[i+1])
		}
	}
	return out
}

// ---------------------------------------------------------------------------
// One group of people.

// roleOnly reports whether a DPO's name is only the role ("Data
// Protection Officer", "The DPO"), which "Our data protection officer is
// ..." would repeat.
func roleOnly(name string) bool {
	n := strings.TrimRight(strings.TrimPrefix(strings.ToLower(strings.TrimSpace(name)), "the "), ". ")
	return n == "data protection officer" || n == "dpo" || n == "data protection officer (dpo)"
}
