package ropa

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/article30/article30/authority"
	"github.com/article30/article30/internal/country"
	"github.com/article30/article30/lawfulbasis"
)

var (
	uk = []lawfulbasis.Regime{lawfulbasis.UK}
	eu = []lawfulbasis.Regime{lawfulbasis.EU}
)

// each runs f over the register's activities with their paths.
func each(c *Context, f func(a *Activity, path string)) {
	if len(c.paths) != len(c.Register.Activities) {
		c.paths = make([]string, len(c.Register.Activities))
		for i := range c.paths {
			c.paths[i] = "activities[" + strconv.Itoa(i) + "]"
		}
	}
	for i := range c.Register.Activities {
		f(&c.Register.Activities[i], c.paths[i])
	}
}

func (a *Activity) bases() []lawfulbasis.Basis {
	var out []lawfulbasis.Basis
	for _, p := range a.Purposes {
		if p.Basis.Valid() && !slices.Contains(out, p.Basis) {
			out = append(out, p.Basis)
		}
	}
	return out
}

func (a *Activity) hasSpecial() bool {
	return slices.ContainsFunc(a.DataCategories, func(d DataCategory) bool { return d.Category.Special() })
}

func (a *Activity) hasCriminal() bool {
	return slices.ContainsFunc(a.DataCategories, func(d DataCategory) bool { return d.Category.Criminal() })
}

func (a *Activity) hasSubject(s ...Subject) bool {
	return slices.ContainsFunc(a.DataSubjects, func(x Subject) bool { return slices.Contains(s, x) })
}

// needsPolicyDocument reports whether any Schedule 1 condition the activity
// relies on needs an appropriate policy document.
func (a *Activity) needsPolicyDocument() bool {
	return slices.ContainsFunc(a.Special.Schedule1, lawfulbasis.Schedule1.NeedsPolicyDocument) ||
		slices.ContainsFunc(a.Criminal.Schedule1, lawfulbasis.Schedule1.NeedsPolicyDocument)
}

// solelySignificant reports whether the decision is based solely on
// automated processing and has legal or similarly significant effects.
func (d Decision) solelySignificant() bool { return d.Solely && d.Significant }

// solelySignificant reports whether any of the activity's decisions is.
func (a *Activity) solelySignificant() bool {
	return slices.ContainsFunc(a.Automated, Decision.solelySignificant)
}

// profiling reports whether any of the activity's decisions is profiling.
func (a *Activity) profiling() bool {
	return slices.ContainsFunc(a.Automated, func(d Decision) bool { return d.Profiling })
}

// eachDecision calls f for every solely automated significant decision of
// every activity, with the decision's path.
func eachDecision(c *Context, f func(a *Activity, d Decision, p string)) {
	each(c, func(a *Activity, p string) {
		for j, d := range a.Automated {
			if d.solelySignificant() {
				f(a, d, p+".automated["+strconv.Itoa(j)+"]")
			}
		}
	})
}

// schedulePeriodRE finds, in a free-text retention schedule, a period ("12
// months", "six years") or an event that ends one ("until", "the end of",
// "after", "when"). "Available on request" has neither.
var schedulePeriodRE = regexp.MustCompile(`(?i)\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|hundred)[ -](?:calendar |full |further )?(?:years?|months?|weeks?|days?)\b|\buntil\b|\bend of\b|\bafter\b|\bwhen\b|\bonce\b|\bindefinite|\bpermanent`)

// circularRE finds the words that name a retention period without giving
// one ("deleted at the end of its retention period").
var circularRE = regexp.MustCompile(`(?i)\b(?:at |after |until )?(?:the )?end of (?:its|the|their|that|our) retention (?:period|schedule)`)

// builtin is the rule catalogue. IDs are stable: add new rules, never
// rename or reuse an ID.
var builtin = []Rule{
	// Art 30(1)(a) and (2)(a).
	{ID: "controller-contact", Severity: Error, Article: "30(1)(a)",
		Summary: "The record names the controller and gives its contact details.",
		Check: func(c *Context) {
			o := c.Register.Controller
			if strings.TrimSpace(o.Name) == "" {
				c.Reportf("controller.name", "", "the controller's name is missing")
			}
			if o.Email == "" && o.Phone == "" && o.Address == "" {
				c.Reportf("controller", "", "the controller has no contact details (address, email or telephone)")
			}
		}},
	{ID: "dpo-required", Severity: Error, Article: "37(1)(a)",
		Summary: "A public authority or body designates a data protection officer, whose contact details the record gives (Art 30(1)(a)).",
		Check: func(c *Context) {
			if c.Register.Controller.PublicAuthority && c.Register.DPO.IsZero() {
				c.Reportf("dpo", "", "a public authority must designate a data protection officer, and the record must give their contact details")
			}
		}},
	{ID: "dpo-contact", Severity: Warning, Article: "30(1)(a)",
		Summary: "Where a DPO is named, the record gives a way to contact them.",
		Check: func(c *Context) {
			d := c.Register.DPO
			if !d.IsZero() && d.Email == "" && d.Phone == "" && d.Address == "" {
				c.Reportf("dpo", "", "the data protection officer has no contact details")
			}
		}},
	{ID: "activity-purposes", Severity: Error, Article: "30(1)(b)",
		Summary: "Every activity records its purposes.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Purposes) == 0 {
					c.Reportf(p+".purposes", a.ID, "no purpose of processing is recorded")
				}
			})
		}},
	{ID: "activity-subjects", Severity: Error, Article: "30(1)(c)",
		Summary: "Every activity records the categories of data subjects.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.DataSubjects) == 0 {
					c.Reportf(p+".dataSubjects", a.ID, "no category of data subjects is recorded")
				}
			})
		}},
	{ID: "activity-categories", Severity: Error, Article: "30(1)(c)",
		Summary: "Every activity records the categories of personal data.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.DataCategories) == 0 {
					c.Reportf(p+".dataCategories", a.ID, "no category of personal data is recorded")
				}
			})
		}},
	{ID: "activity-recipients", Severity: Warning, Article: "30(1)(d)",
		Summary: "Every activity records the categories of recipients, or that there are none beyond the organisation.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Recipients) == 0 {
					c.Reportf(p+".recipients", a.ID, "no recipient is recorded; if the data go to no one, record the internal teams that use them")
				}
			})
		}},
	{ID: "activity-security", Severity: Warning, Article: "30(1)(g)",
		Summary: "Where possible, every activity describes its technical and organisational security measures.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Security) == 0 {
					c.Reportf(p+".security", a.ID, "no security measure is described (required where possible)")
				}
			})
		}},
	{ID: "processor-record", Severity: Error, Article: "30(2)",
		Summary: "Every processor record names the controller and the categories of processing, and where possible the security measures.",
		Check: func(c *Context) {
			for i, pr := range c.Register.ProcessorRecords {
				p := fmt.Sprintf("processorRecords[%d]", i)
				if strings.TrimSpace(pr.Controller) == "" {
					c.Reportf(p+".controller", "", "the controller processed for is not named (Art 30(2)(a))")
				}
				if len(pr.Processing) == 0 {
					c.Reportf(p+".processing", "", "no category of processing is recorded (Art 30(2)(b))")
				}
				if len(pr.Security) == 0 {
					c.Reportf(p+".security", "", "no security measure is described (Art 30(2)(d), where possible)")
				}
			}
		}},

	// Lawful basis, Art 6.
	{ID: "purpose-basis", Severity: Error, Article: "6(1)",
		Summary: "Every purpose names its lawful basis.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if !pu.Basis.Valid() {
						c.Reportf(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "purpose %q names no lawful basis", pu.Description)
					}
				}
			})
		}},
	{ID: "basis-unavailable", Severity: Error, Article: "6(1)",
		Summary: "Every lawful basis and Annex 1 condition relied on exists under the regime on the date checked (recognised legitimate interests: UK only, from 5 February 2026).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.Valid() {
						if err := pu.Basis.CheckAvailable(c.Regime, c.At); err != nil {
							c.Reportf(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "%v", err)
						}
					}
					if pu.Annex1.Valid() {
						if err := pu.Annex1.CheckAvailable(c.Regime, c.At); err != nil {
							c.Reportf(fmt.Sprintf("%s.purposes[%d].annex1", p, j), a.ID, "%v", err)
						}
					}
				}
			})
		}},
	{ID: "legitimate-interest", Severity: Error, Article: "13(1)(d)",
		Summary: "A purpose relying on legitimate interests names the interest pursued.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.NeedsInterest() && strings.TrimSpace(pu.Interest) == "" {
						c.Reportf(fmt.Sprintf("%s.purposes[%d].interest", p, j), a.ID, "purpose %q relies on legitimate interests but does not say what the interest is", pu.Description)
					}
				}
			})
		}},
	{ID: "legitimate-interest-assessment", Severity: Warning, Article: "5(2)",
		Summary: "A purpose relying on legitimate interests references its legitimate interests assessment.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.NeedsInterest() && strings.TrimSpace(pu.Assessment) == "" {
						c.Reportf(fmt.Sprintf("%s.purposes[%d].assessment", p, j), a.ID, "purpose %q relies on legitimate interests with no reference to a legitimate interests assessment", pu.Description)
					}
				}
			})
		}},
	{ID: "recognised-interest-condition", Severity: Error, Article: "6(5)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "A purpose relying on recognised legitimate interests names the Annex 1 condition it meets, available on the date checked.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					path := fmt.Sprintf("%s.purposes[%d].annex1", p, j)
					switch {
					case pu.Basis.NeedsAnnex1() && !pu.Annex1.Valid():
						c.Reportf(path, a.ID, "purpose %q relies on recognised legitimate interests but names no Annex 1 condition", pu.Description)
					case pu.Annex1.Valid() && pu.Basis != lawfulbasis.RecognisedLegitimateInterests:
						c.Reportf(path, a.ID, "purpose %q names an Annex 1 condition but relies on %v, not recognised legitimate interests", pu.Description, pu.Basis)
					case pu.Annex1.NeedsRequester() && strings.TrimSpace(pu.Requester) == "":
						c.Reportf(fmt.Sprintf("%s.purposes[%d].requester", p, j), a.ID, "purpose %q relies on Annex 1 para 1 but does not record who asked for the disclosure", pu.Description)
					}
				}
			})
		}},
	{ID: "legal-provision", Severity: Warning, Article: "6(3)",
		Summary: "A purpose relying on legal obligation or public task names the law it rests on.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.NeedsLegalProvision() && strings.TrimSpace(pu.Provision) == "" {
						c.Reportf(fmt.Sprintf("%s.purposes[%d].provision", p, j), a.ID, "purpose %q relies on %s but does not name the law that sets it", pu.Description, strings.ToLower(pu.Basis.Title()))
					}
				}
			})
		}},
	// Art 6(1), sentence after point (f) (UK: "Points (ea) and (f)", DUAA
	// s70(2)(c)). The ICO's guidance on legitimate interests: a public
	// authority cannot rely on them for processing to perform its tasks,
	// but "if you have other legitimate purposes outside the scope of your
	// tasks as a public authority, you can consider legitimate interests
	// where appropriate". Whether a purpose (recruiting its own staff,
	// running a shop) is outside its tasks is for the authority to say, so
	// this is a warning asking it to say so.
	{ID: "public-authority-interests", Severity: Warning, Article: "6(1)",
		Summary: "A public authority does not rely on legitimate interests (or, in the UK, recognised legitimate interests) for processing in the performance of its tasks; a purpose outside its tasks, such as some recruitment, is marked outsidePublicTasks.",
		Check: func(c *Context) {
			if !c.Register.Controller.PublicAuthority {
				return
			}
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.Valid() && !pu.Basis.PublicAuthorityMayUse() && !pu.OutsidePublicTasks {
						c.Reportf(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "purpose %q relies on %s, which a public authority cannot use for processing in the performance of its tasks: if the purpose is outside those tasks (as some recruitment or commercial activity is), mark it outsidePublicTasks: true; otherwise use public task or another basis", pu.Description, strings.ToLower(pu.Basis.Title()))
					}
				}
			})
		}},

	// Special category and criminal offence data.
	{ID: "special-condition", Severity: Error, Article: "9(1)",
		Summary: "Special category data have an Art 9(2) condition.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.hasSpecial() && len(a.Special.Conditions) == 0 {
					c.Reportf(p+".special.conditions", a.ID, "the activity processes special category data but records no Art 9(2) condition")
				}
			})
		}},
	{ID: "special-basis", Severity: Error, Article: "9(2)",
		Summary: "Special category data processing has an Art 6 basis beside its Art 9 condition.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if (a.hasSpecial() || len(a.Special.Conditions) > 0) && len(a.bases()) == 0 {
					c.Reportf(p+".purposes", a.ID, "an Art 9(2) condition never replaces an Art 6 lawful basis, and no purpose of this activity names one")
				}
			})
		}},
	{ID: "special-schedule1", Severity: Error, Citation: "DPA 2018 s10(2)-(3)", Regimes: uk,
		Summary: "Under the UK regime, Art 9(2)(b), (g), (h), (i) and (j) are met only with the matching DPA 2018 Schedule 1 condition.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, cond := range a.Special.Conditions {
					if !cond.NeedsSchedule1(c.Regime) {
						continue
					}
					ok := slices.ContainsFunc(a.Special.Schedule1, func(s lawfulbasis.Schedule1) bool { return s.Completes(cond) })
					if !ok {
						c.Reportf(fmt.Sprintf("%s.special.conditions[%d]", p, j), a.ID, "%s needs a matching DPA 2018 Schedule 1 condition, and none is recorded", cond.Citation(c.citeRegime()))
					}
				}
			})
		}},
	{ID: "condition-unavailable", Severity: Error, Citation: "DPA 2018 s10 and Sch 1",
		Summary: "Every Schedule 1 condition relied on exists under the regime on the date checked (Schedule 1 is UK law).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, s := range a.Special.Schedule1 {
					if err := s.CheckAvailable(c.Regime, c.At); err != nil {
						c.Reportf(fmt.Sprintf("%s.special.schedule1[%d]", p, j), a.ID, "%v", err)
					}
				}
				for j, s := range a.Criminal.Schedule1 {
					if err := s.CheckAvailable(c.Regime, c.At); err != nil {
						c.Reportf(fmt.Sprintf("%s.criminal.schedule1[%d]", p, j), a.ID, "%v", err)
					}
				}
			})
		}},
	{ID: "policy-document", Severity: Error, Citation: "DPA 2018 Sch 1 paras 5 and 39", Regimes: uk,
		Summary: "A Schedule 1 condition that needs an appropriate policy document has one recorded.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.needsPolicyDocument() && strings.TrimSpace(a.PolicyDocument.Reference) == "" {
					c.Reportf(p+".policyDocument.reference", a.ID, "a Schedule 1 condition relied on needs an appropriate policy document, and none is recorded")
				}
			})
		}},
	{ID: "schedule1-record", Severity: Error, Citation: "DPA 2018 Sch 1 para 41", Regimes: uk,
		Summary: "Where an appropriate policy document is needed, the record says how Art 6 is met and whether retention and erasure follow the policy (and why not).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if !a.needsPolicyDocument() {
					return
				}
				pd := a.PolicyDocument
				if strings.TrimSpace(pd.Article6) == "" && len(a.bases()) == 0 {
					c.Reportf(p+".policyDocument.article6", a.ID, "the record does not say how the processing satisfies Art 6 (para 41(b))")
				}
				switch pd.FollowsPolicy {
				case "":
					c.Reportf(p+".policyDocument.followsPolicy", a.ID, "the record does not say whether data are retained and erased in line with the policy document (para 41(c))")
				case No:
					if strings.TrimSpace(pd.Reason) == "" {
						c.Reportf(p+".policyDocument.reason", a.ID, "data are not retained and erased in line with the policy document, and the record does not say why (para 41(c))")
					}
				}
			})
		}},
	{ID: "criminal-authority", Severity: Error, Article: "10",
		Summary: "Criminal offence data have Art 10 authority: under the UK regime a DPA 2018 Schedule 1 condition (s10(5)); under the EU regime official authority or authorising law.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if !a.hasCriminal() {
					return
				}
				if c.Regime == lawfulbasis.UK && len(a.Criminal.Schedule1) == 0 {
					c.Reportf(p+".criminal.schedule1", a.ID, "the activity processes criminal offence data but records no DPA 2018 Schedule 1 condition (s10(5))")
				}
				if c.Regime == lawfulbasis.EU && strings.TrimSpace(a.Criminal.Authority) == "" {
					c.Reportf(p+".criminal.authority", a.ID, "the activity processes criminal offence data but records no official authority or law that authorises it")
				}
			})
		}},

	// Consent.
	{ID: "consent-employment", Severity: Warning, Article: "7(4)",
		Summary: "Consent is rarely freely given by employees or job applicants; another basis is usually right (ICO guidance on consent; Recital 43).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				// Only the purposes that concern employees, job applicants or
				// former employees count. An unscoped consent purpose on an
				// activity that also serves website visitors or subscribers
				// is most likely the consent PECR requires of everyone
				// (cookies, marketing emails), not consent given in an
				// employment context.
				public := a.hasSubject(WebsiteVisitors, Subscribers)
				reported := map[int]bool{}
				for _, g := range []Subject{Employees, JobApplicants, FormerEmployees} {
					if !a.Has(g) {
						continue
					}
					gr := a.For(g)
					for k, pu := range gr.Purposes {
						j := gr.Index.Purposes[k]
						if pu.Basis != lawfulbasis.Consent || reported[j] || (public && len(pu.Subjects) == 0) {
							continue
						}
						reported[j] = true
						c.Reportf(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "purpose %q relies on the consent of %s, who are rarely free to refuse", pu.Description, g.Plain())
					}
				}
			})
		}},
	{ID: "consent-record", Severity: Warning, Article: "7(1)",
		Summary: "Where consent is relied on, the record says where consent is recorded, so it can be shown and withdrawn.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if slices.ContainsFunc(a.bases(), lawfulbasis.Basis.ConsentBased) && strings.TrimSpace(a.ConsentRecord) == "" {
					c.Reportf(p+".consentRecord", a.ID, "consent is relied on but the record does not say where consents (and their withdrawal) are recorded")
				}
			})
		}},

	// Children.
	{ID: "children-consent", Severity: Error, Article: "8(1)",
		Summary: "Children's data used on consent for an online service record age verification or parental consent (age of digital consent 13 in the UK).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if !a.Children.OnlineService {
					return
				}
				// Only consent purposes that concern the children count.
				consent := false
				for _, g := range []Subject{YoungPeople, Pupils} {
					if a.Has(g) {
						consent = consent || slices.ContainsFunc(a.For(g).Purposes, func(pu Purpose) bool { return pu.Basis == lawfulbasis.Consent })
					}
				}
				if !consent {
					return
				}
				if strings.TrimSpace(a.Children.AgeAssurance) == "" && strings.TrimSpace(a.Children.ParentalConsent) == "" {
					c.Reportf(p+".children", a.ID, "an online service relies on children's consent but records neither how age is checked nor parental consent for those under %d", c.ConsentAge)
				}
			})
		}},
	{ID: "children-higher-protection", Severity: Error, Article: "25(1A)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "An online service likely to be accessed by children records how the children's higher protection matters were taken into account.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.Children.OnlineService && strings.TrimSpace(a.Children.HigherProtection) == "" {
					c.Reportf(p+".children.higherProtection", a.ID, "the service is likely to be accessed by children but the record does not say how the children's higher protection matters were taken into account")
				}
			})
		}},

	// Transfers.
	{ID: "transfer-mechanism", Severity: Error, Article: "44",
		// UK GDPR Art 44A replaced Art 44 on 5 February 2026 (DUAA s85 and
		// Sch 7; SI 2026/82 reg 2(m)).
		Renumbered: []Renumbering{{Regime: lawfulbasis.UK, From: lawfulbasis.DUAACommencement, Article: "44A"}},
		Summary:    "A transfer to a third country not approved on the date checked rests on an Art 46 or 47 safeguard or an Art 49 derogation; an approval limited to certified recipients (the US) covers only a recipient recorded as certified.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if !lawfulbasis.ThirdCountry(c.Regime, t.Country, c.At) {
					return
				}
				ap, approved := c.Approvals.Lookup(c.Regime, t.Country, c.At)
				// An approval limited to certified recipients (the Data Privacy
				// Framework, formerly Privacy Shield) covers the transfer only if
				// the recipient is.
				uncertified := approved && ap.Certified && !t.Certified
				approved = approved && !uncertified
				switch {
				case uncertified && (t.Mechanism == lawfulbasis.DataPrivacyFramework || t.Mechanism == lawfulbasis.Adequacy):
					// reported by transfer-dpf-certified
				case uncertified && t.Mechanism == lawfulbasis.PrivacyShield && t.Mechanism.Available(c.Regime, c.At):
					c.Reportf(p+".certified", a.ID, "transfer to %s relies on %s, which covers only certified recipients, and %q is not recorded as certified", t.Country, ap.Name, t.Recipient)
				case !t.Mechanism.Valid() && uncertified:
					// The country is approved, but only for certified
					// recipients (UK: SI 2023/1028 reg 3(2), from 12 October
					// 2023; EU: Decision (EU) 2023/1795 Art 1, from 10 July
					// 2023): say so, not that the country is not approved.
					c.Reportf(p+".mechanism", a.ID, "transfer to %s: %s is approved only for certified recipients (%s, from %s, covers %s), and %s is not recorded as certified; record its certification (certified: true), or a safeguard or derogation", t.Country, approvedCountry(ap), ap.Instrument, ap.From.Format("2 January 2006"), ap.Scope, recipientName(t))
				case !t.Mechanism.Valid() && !approved:
					c.Reportf(p+".mechanism", a.ID, "transfer to %s: the country is not approved under the %v regime and no safeguard or derogation is recorded", t.Country, c.Regime)
				case t.Mechanism.IsApproval() && t.Mechanism.Available(c.Regime, c.At) && !approved:
					c.Reportf(p+".mechanism", a.ID, "transfer to %s relies on an approval, but %s is not approved under the %v regime on %s", t.Country, t.Country, c.Regime, c.At.Format("2 January 2006"))
				}
			})
		}},
	{ID: "transfer-mechanism-unavailable", Severity: Error, Article: "44",
		Renumbered: []Renumbering{{Regime: lawfulbasis.UK, From: lawfulbasis.DUAACommencement, Article: "44A"}},
		Summary:    "The transfer mechanism relied on exists under the regime on the date checked (for example, the IDTA is UK only).",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if !t.Mechanism.Valid() || t.Mechanism == lawfulbasis.PrivacyShield || t.Mechanism == lawfulbasis.SwissUSPrivacyShield {
					return
				}
				if err := t.Mechanism.CheckAvailable(c.Regime, c.At); err != nil {
					c.Reportf(p+".mechanism", a.ID, "%v", err)
				}
			})
		}},
	{ID: "privacy-shield", Severity: Error, Citation: "CJEU C-311/18 (Schrems II)", From: lawfulbasis.PrivacyShieldInvalid,
		Summary: "No transfer relies on the EU-US or Swiss-US Privacy Shield, invalid since 16 July 2020.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if t.Mechanism == lawfulbasis.PrivacyShield || t.Mechanism == lawfulbasis.SwissUSPrivacyShield {
					name := "EU-US Privacy Shield"
					if t.Mechanism == lawfulbasis.SwissUSPrivacyShield {
						name = "Swiss-US Privacy Shield"
					}
					c.Reportf(p+".mechanism", a.ID, "transfer to %s relies on the %s, which has not been a valid transfer mechanism since 16 July 2020", t.Country, name)
				}
			})
		}},
	{ID: "transfer-dpf-certified", Severity: Error, Article: "45A", Regimes: uk,
		// Before 5 February 2026, approval by adequacy regulations under UK
		// GDPR Art 45(1) (DPA 2018 s17A); Art 45A from then (DUAA s85).
		Renumbered: []Renumbering{{Until: lawfulbasis.DUAACommencement, Article: "45(1)"}},
		Summary:    "A US transfer on the UK Extension to the Data Privacy Framework goes to a recipient certified to the UK Extension.",
		Check:      dpfCheck},
	{ID: "transfer-dpf-certified-eu", Severity: Error, Article: "45(3)", Regimes: eu,
		Summary: "A US transfer on the EU-US Data Privacy Framework goes to a certified recipient.",
		Check:   dpfCheck},
	{ID: "transfer-protection-test", Severity: Error, Article: "46(1A)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "A transfer on an Art 46 safeguard under an arrangement made from 5 February 2026 documents the data protection test (protection not materially lower).",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if !t.Mechanism.NeedsDataProtectionTest(c.Regime, c.At) || strings.TrimSpace(t.ProtectionTest) != "" {
					return
				}
				if !t.Since.IsZero() && t.Since.Before(lawfulbasis.DUAACommencement) {
					return // DUAA Sch 9 para 27: pre-commencement arrangements keep their safeguards
				}
				c.Reportf(p+".protectionTest", a.ID, "transfer to %s on %s: the data protection test (UK GDPR Art 46(1A), (6)) is not documented", t.Country, t.Mechanism.Title())
			})
		}},
	{ID: "transfer-derogation-safeguards", Severity: Error, Article: "30(1)(e)",
		Summary: "A transfer on the compelling legitimate interests derogation documents its suitable safeguards.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if t.Mechanism.NeedsDocumentedSafeguards() && strings.TrimSpace(t.Safeguards) == "" {
					c.Reportf(p+".safeguards", a.ID, "transfer to %s relies on compelling legitimate interests but its suitable safeguards are not documented", t.Country)
				}
			})
		}},
	{ID: "transfer-derogation", Severity: Warning, Article: "49(1)",
		Summary: "Art 49 derogations are for specific, occasional transfers; the record says why the transfer qualifies.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if t.Mechanism.IsDerogation() && !t.Mechanism.NeedsDocumentedSafeguards() && strings.TrimSpace(t.Safeguards) == "" {
					c.Reportf(p+".safeguards", a.ID, "transfer to %s relies on the derogation for %s; record why it is occasional and necessary", t.Country, strings.ToLower(t.Mechanism.Title()))
				}
			})
		}},

	// Processors.
	{ID: "processor-contract", Severity: Error, Article: "28(3)",
		Summary: "Every processor has a contract, referenced in the record.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, r := range a.Recipients {
					if r.Kind == Processor && strings.TrimSpace(r.Contract) == "" {
						c.Reportf(fmt.Sprintf("%s.recipients[%d].contract", p, j), a.ID, "processor %q has no contract reference", r.Name)
					}
				}
			})
		}},

	// Retention.
	{ID: "retention-missing", Severity: Warning, Article: "30(1)(f)",
		Summary: "Where possible, every data category has a retention period.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Retention) == 0 {
					if len(a.DataCategories) > 0 {
						c.Reportf(p+".retention", a.ID, "no retention period is recorded")
					}
					return
				}
				for _, cat := range a.Categories() {
					covered := slices.ContainsFunc(a.Retention, func(r Retention) bool {
						return len(r.Categories) == 0 || slices.Contains(r.Categories, cat)
					})
					if !covered {
						c.Reportf(p+".retention", a.ID, "no retention period is recorded for %s", cat.Title())
					}
				}
			})
		}},
	{ID: "retention-indefinite", Severity: Warning, Article: "5(1)(e)",
		Summary: "Data are not kept indefinitely, and a retention entry says how long.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, r := range a.Retention {
					path := fmt.Sprintf("%s.retention[%d]", p, j)
					switch {
					case r.Rule.Indefinite:
						c.Reportf(path+".rule", a.ID, "data are kept indefinitely; storage limitation needs a period or a review point")
					case r.Rule.IsZero() && strings.TrimSpace(r.Schedule) == "":
						c.Reportf(path, a.ID, "the retention entry gives neither a rule nor a schedule")
					case r.Rule.IsZero() && !schedulePeriodRE.MatchString(circularRE.ReplaceAllString(r.Schedule, "")):
						c.Reportf(path+".schedule", a.ID, "the retention schedule %q gives no period and no event that ends it; a notice must say how long data are kept, or the criteria that decide it (Art 13(2)(a))", r.Schedule)
					}
				}
			})
		}},
	{ID: "retention-minimum", Severity: Error, Article: "5(1)(e)",
		Summary: "A retention rule is not shorter than a statutory minimum the record states.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, r := range a.Retention {
					if r.Minimum.IsZero() || r.Rule.Period.IsZero() {
						continue
					}
					if r.Rule.Period.Compare(r.Minimum) < 0 {
						c.Reportf(fmt.Sprintf("%s.retention[%d].rule", p, j), a.ID, "the rule keeps data for %s, less than the minimum of %s (%s)", r.Rule.Period.Sentence(), r.Minimum.Sentence(), r.MinimumSource)
					}
				}
			})
		}},

	// DPIA, Art 35: see dpia.go.
	{ID: "dpia-required", Severity: Error, Article: "35(1)",
		Summary: "A DPIA is recorded as complete or in progress where Art 35(3)(a) or (b) applies, where an item of the ICO's list of high-risk processing applies (UK), or where two or more WP248 criteria hold (unless a screening recorded as dpia.required: no documents why not); the criteria are Activity.Criteria.",
		Check:   dpiaCheck},

	// Automated decisions.
	{ID: "automated-ground", Severity: Error, Article: "22(2)", Regimes: eu,
		Summary: "A solely automated decision with legal or similarly significant effect rests on an Art 22(2) ground.",
		Check: func(c *Context) {
			eachDecision(c, func(a *Activity, d Decision, p string) {
				if d.Ground == "" {
					c.Reportf(p+".ground", a.ID, "solely automated significant decisions need an Art 22(2) ground (contract, authorised by law, or explicit consent)")
				}
			})
		}},
	{ID: "automated-safeguards", Severity: Error, Article: "22C", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "Solely automated significant decisions have the four Art 22C safeguards: information, representations, human intervention, contest.",
		Check: func(c *Context) {
			eachDecision(c, func(a *Activity, d Decision, p string) {
				var missing []string
				for _, s := range DecisionSafeguards() {
					if !slices.Contains(d.Safeguards, s) {
						missing = append(missing, string(s))
					}
				}
				if len(missing) > 0 {
					c.Reportf(p+".safeguards", a.ID, "solely automated significant decisions lack the Art 22C safeguards: %s", strings.Join(missing, ", "))
				}
			})
		}},
	{ID: "automated-recognised-interest", Severity: Error, Article: "22B(4)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "No solely automated significant decision rests, even partly, on recognised legitimate interests.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.solelySignificant() && slices.Contains(a.bases(), lawfulbasis.RecognisedLegitimateInterests) {
					c.Reportf(p+".automated", a.ID, "a solely automated significant decision may not rest on recognised legitimate interests")
				}
			})
		}},
	{ID: "automated-special", Severity: Error, Article: "22B(1)-(3)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "Solely automated significant decisions on special category data rest on explicit consent, or on contract or law with Art 9(2)(g).",
		Check:   automatedSpecial},
	{ID: "automated-special-eu", Severity: Error, Article: "22(4)", Regimes: eu,
		Summary: "Solely automated significant decisions on special category data rest on Art 9(2)(a) or (g).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if !a.solelySignificant() || !a.hasSpecial() {
					return
				}
				conds := a.Special.Conditions
				if !slices.Contains(conds, lawfulbasis.ExplicitConsent) && !slices.Contains(conds, lawfulbasis.SubstantialPublicInterest) {
					c.Reportf(p+".automated", a.ID, "solely automated significant decisions use special category data without explicit consent (Art 9(2)(a)) or substantial public interest (Art 9(2)(g))")
				}
			})
		}},

	// Complaints to the organisation.
	{ID: "complaint-route", Severity: Error, Citation: "DPA 2018 s164A", Regimes: uk, From: lawfulbasis.ComplaintsCommencement,
		Summary: "The register records how people complain to the organisation itself.",
		Check: func(c *Context) {
			if c.Register.Complaints.IsZero() {
				c.Reportf("complaints", "", "no route for complaints to the organisation is recorded; from 19 June 2026 controllers must facilitate them")
			}
		}},
	{ID: "complaint-form", Severity: Warning, Citation: "DPA 2018 s164A(2)", Regimes: uk, From: lawfulbasis.ComplaintsCommencement,
		Summary: "The complaint route includes a form that can be completed electronically.",
		Check: func(c *Context) {
			cr := c.Register.Complaints
			if !cr.IsZero() && cr.Form == "" {
				c.Reportf("complaints.form", "", "no electronic complaint form is recorded; a form that can be completed electronically is the law's own example of facilitating complaints")
			}
		}},

	// Art 30(5).
	{ID: "small-organisation", Severity: Info, Article: "30(5)",
		Summary: "An organisation with fewer than 250 employees must still keep records where processing is not occasional, is likely to be risky, or includes special category or criminal offence data.",
		Check: func(c *Context) {
			if c.Register.Controller.Headcount != Under250 {
				return
			}
			special := slices.ContainsFunc(c.Register.Activities, func(a Activity) bool { return a.hasSpecial() || a.hasCriminal() })
			why := "its processing is not occasional"
			if special {
				why = "it processes special category or criminal offence data"
			}
			c.Reportf("controller.headcount", "", "the organisation has fewer than 250 employees but must keep this record because %s", why)
		}},

	// Who each fact is about (issue 16).
	{ID: "unscoped-facts", Severity: Warning, Article: "5(1)(a)",
		Summary: "An activity that concerns referees, next of kin or parents as well as others scopes the facts that plausibly concern only the others (a contract basis, employment, special category or criminal offence data, automated decisions, data given by the person), so that no group is told what concerns another.",
		Check:   unscopedCheck},
	{ID: "automated-not-recorded", Severity: Info, Article: "13(2)(f)",
		Summary: "For each group of each activity, the record lists the automated decisions or states there are none, so that a notice can say whether any are made (Art 13(2)(f), 14(2)(g)).",
		Check:   automatedRecorded},
	{ID: "sources-not-recorded", Severity: Warning, Article: "14(2)(f)",
		Summary: "For each group of each activity, the record says where the data come from, or states that no data come from anyone but the people themselves, so that a notice can name the source (Art 14(2)(f)) or say it is the person (Art 13).",
		Check:   sourcesRecorded},

	// Special category data under the EU regime.
	{ID: "special-member-state-law", Severity: Error, Article: "9(2)", Regimes: eu,
		Summary: "Under the EU regime, an Art 9(2)(b), (g), (h), (i) or (j) condition names the Union or member state law it rests on (special.law), as those points require.",
		Check:   memberStateLaw},

	// Protection of Freedoms Act 2012 Chapter 2 (England and Wales), in
	// force 1 September 2013 (SI 2013/2104 art 2).
	{ID: "school-biometric", Severity: Error, Citation: "Protection of Freedoms Act 2012 ss26-28", Regimes: uk, From: pofaDay,
		Summary: "A school or college that processes children's biometric information records the Protection of Freedoms Act 2012 duties: written consent of a parent and no parent's objection (s26(3), s27), the child's refusal respected (s26(5)), and a reasonable alternative (s26(7)).",
		Check:   schoolBiometric},

	// Joint controllers, Art 26.
	{ID: "joint-arrangement", Severity: Error, Article: "26",
		Summary: "Each joint controller has its Art 26 arrangement recorded: the respective responsibilities (26(1)) and where its essence is made available to the people concerned (26(2)); an activity names only joint controllers the register lists.",
		Check:   jointArrangement},

	// Direct marketing, Art 21(2)-(4).
	{ID: "marketing-after-objection", Severity: Error, Article: "21(3)",
		Summary: "No direct marketing continues after the person objects or unsubscribes: the objection is absolute (Art 21(3); UK: PECR reg 22; EU: ePrivacy Directive Art 13).",
		Check:   marketingAfterObjection},
	{ID: "marketing-unmarked", Severity: Warning, Article: "21(4)",
		Summary: "A purpose that reads as direct marketing (marketing, newsletters, promotional messages) is marked directMarketing, so that the notice brings the right to object to it (Art 21(2)) to people's attention.",
		Check:   marketingUnmarked},

	// Text that cites repealed or invalid law: see lawtext.go.
	{ID: "repealed-law", Severity: Warning, Article: "12(1)",
		Summary: "No text in the register cites repealed or invalid law: the Data Protection Act 1998 or Directive 95/46/EC (from 25 May 2018), the Data Protection Bill, the Privacy Shield (from 16 July 2020), or, under the UK regime from 1 January 2021, the EEA as the area UK data move within freely.",
		Check:   lawTextCheck},

	// The supervisory authority, Art 13(2)(d) and 14(2)(e).
	{ID: "authority-missing", Severity: Warning, Article: "13(2)(d)", Regimes: eu,
		Summary: "Under the EU regime, the register names the supervisory authority people may complain to (authority), so that a notice can say where; under the UK regime the UK regulator is the default.",
		Check: func(c *Context) {
			if c.Register.Authority.IsZero() {
				c.Reportf("authority", "", "no supervisory authority is named: a notice must tell people of their right to complain to one (Art 13(2)(d), 14(2)(e)); name the lead or competent authority (for example code: ie for the Irish Data Protection Commission), while people may also complain in the member state where they live or work (Art 77(1))")
			}
		}},
	{ID: "authority-regime", Severity: Warning, Article: "13(2)(d)",
		Summary: "The supervisory authority the register names supervises the law the register is kept under on the date checked: no EEA authority for the UK regime, and no UK regulator for the EU regime from 1 January 2021.",
		Check: func(c *Context) {
			code := c.Register.Authority.Code
			au, ok := authority.Lookup(code, c.At)
			if code == "" || !ok { // an unknown code is a Validate error
				return
			}
			if want := c.citeRegime(); au.Regime != want {
				c.Reportf("authority.code", "", "the register is kept under the %s but names %s, which supervises the %s on %s; a notice would send people to the wrong regulator", c.Regime.Title(), au.Name, au.Regime.Title(), c.At.Format("2 January 2006"))
			}
		}},
}

// eachTransfer runs f over every transfer of every activity that existed
// on the date checked: a transfer whose Since is after that date had not
// begun, so no dated check applies to it (issue 16: no "2021 SCCs not
// available" for a transfer that began in 2024, checked as of 2019).
func eachTransfer(c *Context, f func(a *Activity, t *Transfer, path string)) {
	day := civil(c.At)
	each(c, func(a *Activity, p string) {
		for j := range a.Transfers {
			t := &a.Transfers[j]
			if !t.Since.IsZero() && day.Before(civil(t.Since.Time)) {
				continue
			}
			f(a, t, p+".transfers["+strconv.Itoa(j)+"]")
		}
	})
}

// approvedCountry names the country of an approval as a sentence reads
// it ("the United States"), from the module's one country table, without
// the scheme the approval's name adds in brackets ("United States (EU-US
// Data Privacy Framework)"); an organisation outside the table keeps its
// approval's name.
func approvedCountry(ap lawfulbasis.Approval) string {
	if n := country.InSentence(ap.Country); n != "" {
		return n
	}
	name, _, _ := strings.Cut(ap.Name, " (")
	return name
}

// recipientName names a transfer's recipient for a message.
func recipientName(t *Transfer) string {
	if strings.TrimSpace(t.Recipient) == "" {
		return "the recipient"
	}
	return strconv.Quote(t.Recipient)
}

// dpfCheck reports a US transfer relying on an approval that covers only
// certified recipients (the Data Privacy Framework or its UK Extension;
// before 16 July 2020, the Privacy Shield) whose recipient is not recorded
// as certified.
func dpfCheck(c *Context) {
	eachTransfer(c, func(a *Activity, t *Transfer, p string) {
		if t.Certified || (t.Mechanism != lawfulbasis.DataPrivacyFramework && t.Mechanism != lawfulbasis.Adequacy) {
			return
		}
		ap, ok := c.Approvals.Lookup(c.Regime, t.Country, c.At)
		if !ok || !ap.Certified {
			return
		}
		c.Reportf(p+".certified", a.ID, "transfer to %s relies on its approval (%s), which covers %s, and %s is not recorded as certified", approvedCountry(ap), ap.Instrument, ap.Scope, recipientName(t))
	})
}

func automatedSpecial(c *Context) {
	eachDecision(c, func(a *Activity, d Decision, p string) {
		if !a.hasSpecial() {
			return
		}
		conds := a.Special.Conditions
		explicit := slices.Contains(conds, lawfulbasis.ExplicitConsent)
		g := slices.Contains(conds, lawfulbasis.SubstantialPublicInterest)
		contractOrLaw := d.Ground == ContractNecessity || d.Ground == AuthorisedByLaw ||
			slices.Contains(a.bases(), lawfulbasis.Contract) || slices.Contains(a.bases(), lawfulbasis.LegalObligation)
		if !explicit && !(g && contractOrLaw) {
			c.Reportf(p, a.ID, "solely automated significant decisions use special category data without explicit consent, or contract or law with Art 9(2)(g)")
		}
	})
}

// pofaDay is the day the Protection of Freedoms Act 2012 ss26-28 came into
// force: the Protection of Freedoms Act 2012 (Commencement No. 9) Order
// 2013, SI 2013/2104 art 2.
var pofaDay = time.Date(2013, time.September, 1, 0, 0, 0, 0, time.UTC)

// plainList joins the groups' plain names: "referees", "referees and next
// of kin and emergency contacts", "a, b and c".
func plainList(gs []Subject) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = g.Plain()
	}
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// slugList writes groups as a YAML flow list: "[job-applicants, employees]".
func slugList(gs []Subject) string {
	parts := make([]string, len(gs))
	for i, g := range gs {
		parts[i] = string(g)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// unshared says which unscoped facts of an activity are plausibly not
// about a group whose data an activity holds because of someone else: a
// referee, a next of kin, a parent.
type unshared struct {
	// contract: the group is not party to the contract a purpose rests on.
	contract bool
	// source: data recorded as given by "the person" were usually given
	// about the group by someone else (the applicant names the referee;
	// the employee names the next of kin).
	source bool
	// categories the group's data are not (besides special category and
	// criminal offence data, which are never plausibly theirs unscoped).
	categories []Category
}

// secondaryGroups are the groups the unscoped-facts rule looks out for.
// A referee's own job title and employer (employment-details) are commonly
// recorded, so they are not counted for referees. A parent may be party to
// a contract (an independent school's fees), gives data about themselves,
// and may pay by card or bank transfer (financial), so those are not
// counted for parents.
var secondaryGroups = map[Subject]unshared{
	Referees:  {contract: true, source: true, categories: []Category{PayAndBenefits, Performance, Absence, RightToWork, Conduct, Financial}},
	NextOfKin: {contract: true, source: true, categories: []Category{PayAndBenefits, Performance, Absence, EmploymentDetails, RightToWork, Conduct, Financial}},
	Parents:   {categories: []Category{PayAndBenefits, Performance, Absence, EmploymentDetails, RightToWork, Conduct}},
}

// unscopedCheck is the check of the unscoped-facts rule.
func unscopedCheck(c *Context) {
	each(c, func(a *Activity, p string) {
		var secondary, primary []Subject
		for _, g := range a.DataSubjects {
			if _, ok := secondaryGroups[g]; ok {
				secondary = append(secondary, g)
			} else {
				primary = append(primary, g)
			}
		}
		if len(secondary) == 0 || len(primary) == 0 {
			return
		}
		// whom returns the secondary groups a fact is plausibly not about.
		whom := func(f func(unshared) bool) []Subject {
			var out []Subject
			for _, g := range secondary {
				if f(secondaryGroups[g]) {
					out = append(out, g)
				}
			}
			return out
		}
		report := func(path, what string, groups []Subject) {
			if len(groups) == 0 {
				return
			}
			c.Reportf(path, a.ID, "%s is not scoped, so it is said of %s too; if it concerns only %s, add subjects: %s (or list the groups it concerns)",
				what, plainList(groups), plainList(primary), slugList(primary))
		}
		for j, pu := range a.Purposes {
			if len(pu.Subjects) == 0 && pu.Basis == lawfulbasis.Contract {
				report(fmt.Sprintf("%s.purposes[%d]", p, j), fmt.Sprintf("purpose %q, on a contract (Art 6(1)(b)),", pu.Description),
					whom(func(u unshared) bool { return u.contract }))
			}
		}
		for j, dc := range a.DataCategories {
			if len(dc.Subjects) > 0 {
				continue
			}
			sensitive := dc.Category.Special() || dc.Category.Criminal()
			report(fmt.Sprintf("%s.dataCategories[%d]", p, j), "data category "+strconv.Quote(dc.Category.Title()),
				whom(func(u unshared) bool { return sensitive || slices.Contains(u.categories, dc.Category) }))
		}
		for j, src := range a.Sources {
			if len(src.Subjects) == 0 && src.Kind == FromSubject {
				what := "the source \"the person themselves\""
				if src.Name != "" {
					what = fmt.Sprintf("the source %q (from the person themselves)", src.Name)
				}
				report(fmt.Sprintf("%s.sources[%d]", p, j), what, whom(func(u unshared) bool { return u.source }))
			}
		}
		for j, d := range a.Automated {
			if len(d.Subjects) == 0 {
				what := "an automated decision"
				if d.Description != "" {
					what = fmt.Sprintf("the automated decision %q", d.Description)
				}
				report(fmt.Sprintf("%s.automated[%d]", p, j), what, whom(func(unshared) bool { return true }))
			}
		}
	})
}

// automatedRecorded is the check of the automated-not-recorded rule. It is
// an info finding: Art 13(2)(f) and 14(2)(g) require the notice to tell
// people of solely automated decisions where they are made, and most
// activities make none, so a register that is silent is usually right in
// fact; but the notice cannot then say so, and a check cannot tell.
func automatedRecorded(c *Context) {
	each(c, func(a *Activity, p string) {
		var missing []Subject
		for _, g := range a.DataSubjects {
			listed := slices.ContainsFunc(a.Automated, func(d Decision) bool { return d.Concerns(g) })
			if !listed && a.Status(FactAutomated, g) != StatedNone {
				missing = append(missing, g)
			}
		}
		if len(missing) > 0 {
			c.Reportf(p+".automated", a.ID, "the record neither lists automated decisions (including profiling) about %s nor states there are none (none: [automated-decisions]); a notice must tell people of such decisions (Art 13(2)(f), 14(2)(g)), and from this record it can neither describe them nor say there are none", plainList(missing))
		}
	})
}

// sourcesRecorded is the check of the sources-not-recorded rule. It is a
// warning: where data do not come from the person, Art 14(2)(f) requires
// the notice to name the source, and with no source recorded a notice
// cannot even tell which of Art 13 and 14 applies.
func sourcesRecorded(c *Context) {
	each(c, func(a *Activity, p string) {
		var missing []Subject
		for _, g := range a.DataSubjects {
			if !slices.ContainsFunc(a.Sources, func(s Source) bool { return s.Concerns(g) }) && a.Status(FactOtherSources, g) != StatedNone {
				missing = append(missing, g)
			}
		}
		if len(missing) > 0 {
			c.Reportf(p+".sources", a.ID, "no source of the data of %s is recorded: name where the data come from (Art 14(2)(f), where not from the people themselves), or record that they give it themselves (a data-subject source, or none: [other-sources])", plainList(missing))
		}
	})
}

// memberStateLaw is the check of the special-member-state-law rule. GDPR
// Art 9(2)(b): "authorised by Union or Member State law or a collective
// agreement pursuant to Member State law"; (g) "on the basis of Union or
// Member State law"; (h) "on the basis of Union or Member State law or
// pursuant to contract with a health professional"; (i) "on the basis of
// Union or Member State law"; (j) "based on Union or Member State law".
func memberStateLaw(c *Context) {
	each(c, func(a *Activity, p string) {
		if strings.TrimSpace(a.Special.Law) != "" {
			return
		}
		for j, cond := range a.Special.Conditions {
			var also string
			switch cond {
			case lawfulbasis.EmploymentLaw:
				also = " (or a collective agreement under member state law)"
			case lawfulbasis.HealthOrSocialCare:
				also = " (or a contract with a health professional)"
			case lawfulbasis.SubstantialPublicInterest, lawfulbasis.PublicHealth, lawfulbasis.ArchivingResearch:
			default:
				continue
			}
			c.Reportf(fmt.Sprintf("%s.special.conditions[%d]", p, j), a.ID, "%s rests on Union or member state law%s, and special.law names none (for example \"Data Protection Act 2018 (Ireland) s46\")", cond.Citation(lawfulbasis.EU), also)
		}
	})
}

// schoolBiometric is the check of the school-biometric rule. The Protection
// of Freedoms Act 2012 s26 applies to a school's, a 16 to 19 Academy's or a
// further education institution's processing of a child's (under 18,
// s28(1)) biometric information for an automated biometric recognition
// system (s28(2)-(4)).
func schoolBiometric(c *Context) {
	if !c.Register.Controller.School {
		return
	}
	each(c, func(a *Activity, p string) {
		var kids []Subject
		for _, g := range []Subject{YoungPeople, Pupils} {
			if a.Has(g) && (slices.Contains(a.For(g).Categories, Biometric) || slices.Contains(a.Screening, CriterionBiometric)) {
				kids = append(kids, g)
			}
		}
		if len(kids) == 0 {
			return
		}
		b, who := a.Consent.Biometric, plainList(kids)
		if !b.ParentalConsent {
			c.Reportf(p+".consent.biometric.parentalConsent", a.ID, "the biometric information of %s is processed, but the record does not show that each parent is told and may object, that at least one parent consents in writing, and that no parent has objected (s26(2)-(3), s27)", who)
		}
		if !b.ChildRefusal {
			c.Reportf(p+".consent.biometric.childRefusal", a.ID, "the biometric information of %s is processed, but the record does not show that a child's refusal or objection stops it, whatever a parent has consented to (s26(5))", who)
		}
		if strings.TrimSpace(b.Alternative) == "" {
			c.Reportf(p+".consent.biometric.alternative", a.ID, "the biometric information of %s is processed, but the record does not say what reasonable alternative is offered to a child whose information is not processed (s26(7))", who)
		}
	})
}

// jointArrangement is the check of the joint-arrangement rule. Art 26(1):
// joint controllers "shall in a transparent manner determine their
// respective responsibilities ... by means of an arrangement between
// them"; Art 26(2): "The essence of the arrangement shall be made
// available to the data subject."
func jointArrangement(c *Context) {
	listed := map[string]bool{}
	for i, jc := range c.Register.JointControllers {
		listed[norm(jc.Name)] = true
		path := "jointControllers[" + strconv.Itoa(i) + "]"
		if strings.TrimSpace(jc.Responsibilities) == "" {
			c.Reportf(path+".responsibilities", "", "joint controller %q: the arrangement's respective responsibilities, notably for people's rights and the information they are given, are not recorded (Art 26(1))", jc.Name)
		}
		if strings.TrimSpace(jc.Essence) == "" {
			c.Reportf(path+".essence", "", "joint controller %q: where the essence of the arrangement is made available to the people concerned is not recorded (Art 26(2))", jc.Name)
		}
	}
	each(c, func(a *Activity, p string) {
		for j, name := range a.JointControllers {
			if !listed[norm(name)] {
				c.Reportf(fmt.Sprintf("%s.jointControllers[%d]", p, j), a.ID, "joint controller %q is not among the register's jointControllers, so no Art 26 arrangement (responsibilities, where its essence is available) is recorded for it", name)
			}
		}
	})
}

// Direct marketing in a purpose's description. "Direct marketing" is "the
// communication (by whatever means) of advertising or marketing material
// which is directed to particular individuals" (UK GDPR Art 4(1)(15A);
// PECR reg 2(1)); the ICO counts newsletters promoting an organisation's
// aims as marketing too.
var (
	marketingWords = regexp.MustCompile(`(?i)\b(?:marketing|promotional|special offers)\b`)
	// newsletterWords name a newsletter, which is marketing when it
	// promotes the organisation to the public or its supporters (the ICO
	// counts the promotion of an organisation's aims and ideals), but not
	// when it is news to people within a relationship (see relationGroups).
	newsletterWords = regexp.MustCompile(`(?i)\b(?:e-?)?newsletters?\b`)
	// notMarketing is a sentence that says data are not used for it.
	notMarketing = regexp.MustCompile(`(?i)\b(?:not|never|no)\b[^.;,]{0,40}\b(?:marketing|newsletters?|promotional)\b`)
	// afterOptOut is a sentence saying marketing goes on after the person
	// unsubscribes, opts out or objects.
	afterOptOut = regexp.MustCompile(`(?i)\b(?:even if|even though|even after|even when|despite|regardless of|whether or not)\b[^.;]{0,40}\b(?:unsubscrib\w*|opt(?:s|ed|ing)?[- ]?out|object\w*|withdr\w*)` +
		`|\b(?:continu\w*|still)\b[^.;]{0,80}\bafter\b[^.;]{0,30}\b(?:unsubscrib\w*|opt(?:s|ed|ing)?[- ]?out|object\w*|withdr\w*)`)
	// stopsAfterOptOut is a sentence about stopping, or about messages
	// that are not marketing ("even if you opt out, we will still send
	// service emails").
	stopsAfterOptOut = regexp.MustCompile(`(?i)\b(?:suppression|do not|don't|does not|never|no longer|will not|won't|stop\w*|cease\w*|service (?:messages?|e-?mails?|updates?)|transactional|administrative|account)\b`)
)

// relationGroups are the groups to whom a newsletter is news within an
// existing relationship (a staff newsletter; a school's news to its
// pupils and parents), not the promotion of the organisation.
var relationGroups = []Subject{Employees, FormerEmployees, Pupils, Parents, EducationStaff, Trustees}

// readsAsMarketing reports whether a purpose's description reads as direct
// marketing: it speaks of marketing, promotional messages or special
// offers, or of a newsletter sent to others than relationGroups.
func readsAsMarketing(s string, newsletters bool) bool {
	lower := strings.ToLower(s)
	if !strings.Contains(lower, "market") && !strings.Contains(lower, "promot") && !strings.Contains(lower, "offer") &&
		!(newsletters && strings.Contains(lower, "newsletter")) {
		return false
	}
	for _, sent := range sentences(s) {
		if (marketingWords.MatchString(sent) || (newsletters && newsletterWords.MatchString(sent))) && !notMarketing.MatchString(sent) {
			return true
		}
	}
	return false
}

// isMarketing reports whether purpose pu of activity a is marked as, or
// reads as, direct marketing.
func isMarketing(a *Activity, pu Purpose) bool {
	if pu.DirectMarketing {
		return true
	}
	groups := pu.Subjects
	if len(groups) == 0 {
		groups = a.DataSubjects
	}
	relation := len(groups) > 0 && !slices.ContainsFunc(groups, func(g Subject) bool { return !slices.Contains(relationGroups, g) })
	return readsAsMarketing(pu.Description, !relation)
}

// saysAfterOptOut reports whether a description says processing goes on
// after the person unsubscribes or objects.
func saysAfterOptOut(s string) bool {
	for _, sent := range sentences(s) {
		if afterOptOut.MatchString(sent) && !stopsAfterOptOut.MatchString(sent) {
			return true
		}
	}
	return false
}

// marketingAfterObjection is the check of the marketing-after-objection
// rule: Art 21(3) "Where the data subject objects to processing for direct
// marketing purposes, the personal data shall no longer be processed for
// such purposes"; under PECR reg 22 electronic mail marketing needs the
// recipient's consent, or the soft opt-in with a simple means of refusing.
func marketingAfterObjection(c *Context) {
	law := "Art 21(3)"
	switch c.Regime {
	case lawfulbasis.UK:
		law += "; for electronic mail, PECR reg 22"
	case lawfulbasis.EU:
		law += "; for electronic mail, the ePrivacy Directive Art 13"
	}
	each(c, func(a *Activity, p string) {
		for j, pu := range a.Purposes {
			if !isMarketing(a, pu) {
				continue
			}
			switch {
			case pu.AfterObjection:
				c.Reportf(fmt.Sprintf("%s.purposes[%d].afterObjection", p, j), a.ID, "direct marketing purpose %q is marked as continuing after the person objects or unsubscribes; an objection to direct marketing must stop it (%s)", pu.Description, law)
			case saysAfterOptOut(pu.Description):
				c.Reportf(fmt.Sprintf("%s.purposes[%d].description", p, j), a.ID, "purpose %q says marketing goes on after the person unsubscribes or objects; an objection to direct marketing must stop it (%s)", pu.Description, law)
			}
		}
	})
}

// marketingUnmarked is the check of the marketing-unmarked rule.
func marketingUnmarked(c *Context) {
	each(c, func(a *Activity, p string) {
		for j, pu := range a.Purposes {
			if !pu.DirectMarketing && isMarketing(a, pu) {
				c.Reportf(fmt.Sprintf("%s.purposes[%d].directMarketing", p, j), a.ID, "purpose %q reads as direct marketing but is not marked directMarketing; if it is, mark it, so that the notice tells people of their absolute right to object to it (Art 21(2), (4))", pu.Description)
			}
		}
	})
}
