// Generate, and the order of a notice: who we are, then a section per group
// of people, then rights, complaints and what changed.

package notice

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/article30/article30/internal/prose"
	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

// approvals is the built-in list of approved countries, read only.
var approvals = lawfulbasis.DefaultApprovals()

// Generate builds the privacy notice of reg for its audience (by default
// every group of people the register records) as the law stood on the day
// of at. The day is required (the package never reads the clock); the zero
// time is an error wrapping [lawfulbasis.ErrNoDate].
//
// It never states what the register does not support: a purpose without a
// lawful basis is listed without one, a transfer that rests on no valid
// mechanism is stated without safeguards, and each gap is reported by
// [Notice.Coverage]. It returns [ErrNoRegister] for a nil register,
// [ErrRegime] for a register without a valid jurisdiction, and
// [ErrAudience] when the audience is empty or names a group the register
// does not record.
func Generate(reg *ropa.Register, at time.Time, opts ...Option) (*Notice, error) {
	if reg == nil {
		return nil, ErrNoRegister
	}
	if !reg.Jurisdiction.Valid() {
		return nil, fmt.Errorf("%w: %v", ErrRegime, reg.Jurisdiction)
	}
	var cfg config
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	if at.IsZero() {
		return nil, fmt.Errorf("notice: %w", lawfulbasis.ErrNoDate)
	}
	y, m, d := at.Date()
	at = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)

	all := subjectsOf(reg)
	if len(all) == 0 {
		return nil, fmt.Errorf("%w: the register records no data subjects", ErrAudience)
	}
	audience := all
	if cfg.audienceSet {
		if len(cfg.audience) == 0 {
			return nil, fmt.Errorf("%w: no group of people given", ErrAudience)
		}
		audience = nil
		for _, s := range all {
			if slices.Contains(cfg.audience, s) {
				audience = append(audience, s)
			}
		}
		for _, s := range cfg.audience {
			if !slices.Contains(all, s) {
				return nil, fmt.Errorf("%w: no activity in the register is about %q", ErrAudience, string(s))
			}
		}
	}

	g := newGen()
	defer g.release()
	g.reg, g.regime, g.at, g.audience = reg, reg.Jurisdiction, at, audience
	g.ukNew = g.regime == lawfulbasis.UK && !at.Before(lawfulbasis.DUAACommencement)
	g.complaintsLaw = rights.ComplainToController.Available(g.regime, at)
	g.young = true
	for _, s := range audience {
		if s != ropa.YoungPeople && s != ropa.Pupils {
			g.young = false
		}
	}
	g.ph, g.fixed = adult, fixedAdult
	if g.young {
		g.ph, g.fixed = young, fixedYoung
	}
	g.routes = defaultRoutes(reg)
	mergeRoutes(&g.routes, cfg.routes)
	g.authority, g.hasAuthority, g.authorityFields, g.authorityGap = supervisoryAuthority(reg, &cfg, at)
	g.cov = newTracker(g.regime, g.complaintsLaw, g.ukNew)
	g.updated = updatedOf(reg)
	g.index(reg, audience)

	n := &Notice{
		trace:    cfg.trace,
		Regime:   g.regime,
		AsOf:     at,
		Updated:  g.updated,
		Audience: audience,
		Young:    g.young,
		Lang:     "en",
	}
	if g.regime == lawfulbasis.UK {
		n.Lang = "en-GB"
	}
	name := clean(reg.Controller.Name)
	if name == "" {
		name = capitalise(g.ph.usFallback)
	}
	if cfg.audienceSet && len(audience) < len(all) {
		plains := make([]string, len(audience))
		for i, s := range audience {
			plains[i] = subjectPlain(s)
		}
		n.Title = sprintf(g.ph.titleFor, name, prose.List(plains, "and"))
	} else {
		n.Title = sprintf(g.ph.title, name)
	}

	if n := 8 + 10*len(audience); cap(g.secs) < n {
		g.secs = make([]Section, 0, n)
	}
	g.whoWeAre()
	head := len(g.secs)
	spans := make([][2]int, len(audience))
	for i, s := range audience {
		start := len(g.secs)
		g.group(i, s, g.groups[i])
		spans[i] = [2]int{start, len(g.secs)}
	}
	tail := len(g.secs)
	g.rights()
	g.complain()
	g.changes()
	n.Sections = g.layout(head, spans, tail)
	n.coverage = g.cov.items()
	return n, nil
}

// updatedOf returns the date the register's content was last settled: its
// review date, else its version label when that is a date written
// YYYY-MM-DD, else the zero time (the notice then gives no date of
// update, rather than the day it happened to be generated).
func updatedOf(reg *ropa.Register) time.Time {
	if !reg.ReviewDate.IsZero() {
		y, m, d := reg.ReviewDate.Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	if t, err := time.Parse(time.DateOnly, strings.TrimSpace(reg.Version)); err == nil {
		return t
	}
	return time.Time{}
}

// subjectsOf lists the register's groups of people: catalogue entries in
// catalogue order, then the others in order of first appearance.
func subjectsOf(reg *ropa.Register) []ropa.Subject {
	var known, other []ropa.Subject
	for _, a := range reg.Activities {
		for _, s := range a.DataSubjects {
			if _, ok := catalogueIndex[s]; ok {
				if !slices.Contains(known, s) {
					known = append(known, s)
				}
			} else if !slices.Contains(other, s) {
				other = append(other, s)
			}
		}
	}
	slices.SortFunc(known, func(a, b ropa.Subject) int { return catalogueIndex[a] - catalogueIndex[b] })
	return append(known, other...)
}

func defaultRoutes(reg *ropa.Register) Routes {
	r := Routes{
		RequestsEmail:     clean(reg.DPO.Email),
		ComplaintsEmail:   clean(reg.Complaints.Email),
		ComplaintsForm:    clean(reg.Complaints.Form),
		ComplaintsPhone:   clean(reg.Complaints.Phone),
		ComplaintsAddress: clean(reg.Complaints.Address),
	}
	if r.RequestsEmail == "" {
		r.RequestsEmail = clean(reg.Controller.Email)
	}
	return r
}

func mergeRoutes(dst *Routes, src Routes) {
	set := func(d *string, s string) {
		if s = clean(s); s != "" {
			*d = s
		}
	}
	set(&dst.RequestsEmail, src.RequestsEmail)
	set(&dst.RequestsURL, src.RequestsURL)
	set(&dst.ComplaintsEmail, src.ComplaintsEmail)
	set(&dst.ComplaintsForm, src.ComplaintsForm)
	set(&dst.ComplaintsPhone, src.ComplaintsPhone)
	set(&dst.ComplaintsAddress, src.ComplaintsAddress)
}

// group writes the sections about the k-th group of the audience, s;
// acts are its activities, as indexes in g.acts. Every section states only what the
// register records for the group ([ropa.Activity.For]), and says there is
// none of something only where the register states it ([ropa.StatedNone]).
func (g *gen) group(k int, s ropa.Subject, acts []int) {
	heading := g.ph.groupHeadingMe
	if !g.young || len(g.audience) != 1 {
		heading = sprintf(g.ph.groupHeading, subjectPlain(s))
	}
	g.section(2, heading)
	vs := g.viewsOf(s, acts)
	cats := g.categoriesOf(vs)
	g.src = g.paths(vs, kindPurposes)
	g.purposes(s, vs)
	g.src = g.paths(vs, kindCategories, kindSpecial)
	g.information(vs, cats)
	g.src = g.paths(vs, kindSources)
	g.sources(s, vs)
	g.src = g.paths(vs, kindRecipients)
	g.sharing(s, vs)
	g.src = g.paths(vs, kindTransfers)
	g.transfers(s, vs)
	g.src = g.paths(vs, kindRetention)
	g.retention(s, vs, cats)
	g.src = g.paths(vs, kindProvision)
	g.provision(s, vs)
	g.src = g.paths(vs, kindAutomated)
	g.automated(s, vs)
	g.src = nil
	g.groupRights(k, vs)
}

// changes writes when the notice was last updated (from the register:
// [updatedOf]; never the day it was generated) and, once, the day whose
// law it applies.
func (g *gen) changes() {
	b := g.blocks()
	if !g.updated.IsZero() {
		b.paraf(g.ph.updated, g.updated.Format("2 January 2006"))
	}
	// The register's version is not printed: a reader cannot use it, and
	// a version such as "1.0" reads as a claim about the notice. It stays
	// in the section's sources.
	b.paraf(g.ph.lawAsOf, g.at.Format("2 January 2006"))
	if !g.indirect && !g.sourcesUnknown {
		g.cov.notApplicable(art14_1d, notIndirect)
		g.cov.notApplicable(art14_2f, notIndirect)
	}
	g.cov.finish(g)
	if !g.reg.ReviewDate.IsZero() {
		g.src = append(g.src, "reviewDate")
	}
	if clean(g.reg.Version) != "" {
		g.src = append(g.src, "version")
	}
	g.section(2, g.ph.changesHeading, b...)
}
