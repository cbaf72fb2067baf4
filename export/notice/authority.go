package notice

import (
	"fmt"
	"strings"
	"time"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// regulatorOf is how a notice names an authority of the [authority]
// package: its name with its short name ("Information Commission (ICO)"),
// its postal address, telephone number and email address, and its page
// for complaints where known (else its website).
func regulatorOf(a authority.Authority) Regulator {
	name := a.Name
	if a.Short != "" {
		name += " (" + a.Short + ")"
	}
	web := a.Complaints
	if web == "" {
		web = a.Website
	}
	return Regulator{Name: name, Address: a.Address, Phone: a.Phone, Email: a.Email, Website: web}
}

// supervisoryAuthority works out the supervisory authority the notice
// names (Art 13(2)(d); under the UK regime from 19 June 2026, DPA 2018
// s165) on the day at: the one given with [Authority]; else the register's
// (ropa.Register.Authority): its code looked up in the [authority] package
// (the UK regulator by [authority.UK] for the day), each field the register
// gives replacing the looked-up one; else, under the UK regime, the UK
// regulator for the day. It returns the authority, whether there is one
// with a name, the register fields it comes from, and, when there is none,
// the coverage gap: under the EU regime the register must name the lead or
// competent authority, and the notice names none it was not given.
func supervisoryAuthority(reg *ropa.Register, cfg *config, at time.Time) (Regulator, bool, []string, string) {
	if cfg.authoritySet {
		return cfg.authority, true, nil, ""
	}
	ra := reg.Authority
	var r Regulator
	var fields []string
	code := strings.ToLower(strings.TrimSpace(ra.Code))
	known := false
	switch {
	case code == "uk":
		r, known = regulatorOf(authority.UK(at)), true
	case code != "":
		if a, ok := authority.Lookup(code, at); ok {
			r, known = regulatorOf(a), true
		}
	case reg.Jurisdiction == lawfulbasis.UK:
		r = regulatorOf(authority.UK(at))
	}
	if known {
		fields = append(fields, "authority.code")
	}
	for _, f := range []struct {
		dst        *string
		src, field string
	}{
		{&r.Name, ra.Name, "name"},
		{&r.Address, ra.Address, "address"},
		{&r.Website, ra.Website, "website"},
		{&r.Email, ra.Email, "email"},
		{&r.Phone, ra.Phone, "phone"},
	} {
		if v := clean(f.src); v != "" {
			*f.dst = v
			fields = append(fields, "authority."+f.field)
		}
	}
	if clean(r.Name) != "" {
		return r, true, fields, ""
	}
	const only = "; the notice states only the right to complain to a supervisory authority"
	if code != "" {
		return r, false, nil, fmt.Sprintf("authority.code %q is not a supervisory authority this module knows, and authority.name is empty", ra.Code) + only
	}
	return r, false, nil, "the register names no supervisory authority (authority.code or authority.name)" + only
}

// theName returns an authority's name to follow "the": without a leading
// "the" of its own.
func theName(name string) string {
	if len(name) > 4 && strings.EqualFold(name[:4], "the ") {
		return name[4:]
	}
	return name
}
