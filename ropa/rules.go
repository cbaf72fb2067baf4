package ropa

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

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

// builtin is the rule catalogue. IDs are stable: add new rules, never
// rename or reuse an ID.
var builtin = []Rule{
	// Art 30(1)(a) and (2)(a).
	{ID: "controller-contact", Severity: Error, Article: "30(1)(a)",
		Summary: "The record names the controller and gives its contact details.",
		Check: func(c *Context) {
			o := c.Register.Controller
			if strings.TrimSpace(o.Name) == "" {
				c.Report("controller.name", "", "the controller's name is missing")
			}
			if o.Email == "" && o.Phone == "" && o.Address == "" {
				c.Report("controller", "", "the controller has no contact details (address, email or telephone)")
			}
		}},
	{ID: "dpo-required", Severity: Error, Article: "37(1)(a)",
		Summary: "A public authority or body designates a data protection officer, whose contact details the record gives (Art 30(1)(a)).",
		Check: func(c *Context) {
			if c.Register.Controller.PublicAuthority && c.Register.DPO.IsZero() {
				c.Report("dpo", "", "a public authority must designate a data protection officer, and the record must give their contact details")
			}
		}},
	{ID: "dpo-contact", Severity: Warning, Article: "30(1)(a)",
		Summary: "Where a DPO is named, the record gives a way to contact them.",
		Check: func(c *Context) {
			d := c.Register.DPO
			if !d.IsZero() && d.Email == "" && d.Phone == "" && d.Address == "" {
				c.Report("dpo", "", "the data protection officer has no contact details")
			}
		}},
	{ID: "activity-purposes", Severity: Error, Article: "30(1)(b)",
		Summary: "Every activity records its purposes.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Purposes) == 0 {
					c.Report(p+".purposes", a.ID, "no purpose of processing is recorded")
				}
			})
		}},
	{ID: "activity-subjects", Severity: Error, Article: "30(1)(c)",
		Summary: "Every activity records the categories of data subjects.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.DataSubjects) == 0 {
					c.Report(p+".dataSubjects", a.ID, "no category of data subjects is recorded")
				}
			})
		}},
	{ID: "activity-categories", Severity: Error, Article: "30(1)(c)",
		Summary: "Every activity records the categories of personal data.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.DataCategories) == 0 {
					c.Report(p+".dataCategories", a.ID, "no category of personal data is recorded")
				}
			})
		}},
	{ID: "activity-recipients", Severity: Warning, Article: "30(1)(d)",
		Summary: "Every activity records the categories of recipients, or that there are none beyond the organisation.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Recipients) == 0 {
					c.Report(p+".recipients", a.ID, "no recipient is recorded; if the data go to no one, record the internal teams that use them")
				}
			})
		}},
	{ID: "activity-security", Severity: Warning, Article: "30(1)(g)",
		Summary: "Where possible, every activity describes its technical and organisational security measures.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if len(a.Security) == 0 {
					c.Report(p+".security", a.ID, "no security measure is described (required where possible)")
				}
			})
		}},
	{ID: "processor-record", Severity: Error, Article: "30(2)",
		Summary: "Every processor record names the controller and the categories of processing, and where possible the security measures.",
		Check: func(c *Context) {
			for i, pr := range c.Register.ProcessorRecords {
				p := fmt.Sprintf("processorRecords[%d]", i)
				if strings.TrimSpace(pr.Controller) == "" {
					c.Report(p+".controller", "", "the controller processed for is not named (Art 30(2)(a))")
				}
				if len(pr.Processing) == 0 {
					c.Report(p+".processing", "", "no category of processing is recorded (Art 30(2)(b))")
				}
				if len(pr.Security) == 0 {
					c.Report(p+".security", "", "no security measure is described (Art 30(2)(d), where possible)")
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
						c.Report(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "purpose %q names no lawful basis", pu.Description)
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
							c.Report(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "%v", err)
						}
					}
					if pu.Annex1.Valid() {
						if err := pu.Annex1.CheckAvailable(c.Regime, c.At); err != nil {
							c.Report(fmt.Sprintf("%s.purposes[%d].annex1", p, j), a.ID, "%v", err)
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
						c.Report(fmt.Sprintf("%s.purposes[%d].interest", p, j), a.ID, "purpose %q relies on legitimate interests but does not say what the interest is", pu.Description)
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
						c.Report(fmt.Sprintf("%s.purposes[%d].assessment", p, j), a.ID, "purpose %q relies on legitimate interests with no reference to a legitimate interests assessment", pu.Description)
					}
				}
			})
		}},
	{ID: "recognised-interest-condition", Severity: Error, Article: "6(5)", Regimes: uk,
		Summary: "A purpose relying on recognised legitimate interests names the Annex 1 condition it meets, available on the date checked.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					path := fmt.Sprintf("%s.purposes[%d].annex1", p, j)
					switch {
					case pu.Basis.NeedsAnnex1() && !pu.Annex1.Valid():
						c.Report(path, a.ID, "purpose %q relies on recognised legitimate interests but names no Annex 1 condition", pu.Description)
					case pu.Annex1.Valid() && pu.Basis != lawfulbasis.RecognisedLegitimateInterests:
						c.Report(path, a.ID, "purpose %q names an Annex 1 condition but relies on %v, not recognised legitimate interests", pu.Description, pu.Basis)
					case pu.Annex1.NeedsRequester() && strings.TrimSpace(pu.Requester) == "":
						c.Report(fmt.Sprintf("%s.purposes[%d].requester", p, j), a.ID, "purpose %q relies on Annex 1 para 1 but does not record who asked for the disclosure", pu.Description)
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
						c.Report(fmt.Sprintf("%s.purposes[%d].provision", p, j), a.ID, "purpose %q relies on %s but does not name the law that sets it", pu.Description, strings.ToLower(pu.Basis.Title()))
					}
				}
			})
		}},
	{ID: "public-authority-interests", Severity: Error, Article: "6(1)",
		Summary: "A public authority does not rely on legitimate interests (or, in the UK, recognised legitimate interests) for processing in the performance of its tasks; a purpose outside its tasks says so (outsidePublicTasks).",
		Check: func(c *Context) {
			if !c.Register.Controller.PublicAuthority {
				return
			}
			each(c, func(a *Activity, p string) {
				for j, pu := range a.Purposes {
					if pu.Basis.Valid() && !pu.Basis.PublicAuthorityMayUse() && !pu.OutsidePublicTasks {
						c.Report(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "a public authority cannot rely on %s for processing in the performance of its tasks; use public task, or mark purpose %q as outside those tasks", strings.ToLower(pu.Basis.Title()), pu.Description)
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
					c.Report(p+".special.conditions", a.ID, "the activity processes special category data but records no Art 9(2) condition")
				}
			})
		}},
	{ID: "special-basis", Severity: Error, Article: "9(2)",
		Summary: "Special category data processing has an Art 6 basis beside its Art 9 condition.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if (a.hasSpecial() || len(a.Special.Conditions) > 0) && len(a.bases()) == 0 {
					c.Report(p+".purposes", a.ID, "an Art 9(2) condition never replaces an Art 6 lawful basis, and no purpose of this activity names one")
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
						c.Report(fmt.Sprintf("%s.special.conditions[%d]", p, j), a.ID, "%s needs a matching DPA 2018 Schedule 1 condition, and none is recorded", cond.Citation(c.Regime))
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
						c.Report(fmt.Sprintf("%s.special.schedule1[%d]", p, j), a.ID, "%v", err)
					}
				}
				for j, s := range a.Criminal.Schedule1 {
					if err := s.CheckAvailable(c.Regime, c.At); err != nil {
						c.Report(fmt.Sprintf("%s.criminal.schedule1[%d]", p, j), a.ID, "%v", err)
					}
				}
			})
		}},
	{ID: "policy-document", Severity: Error, Citation: "DPA 2018 Sch 1 paras 5 and 39", Regimes: uk,
		Summary: "A Schedule 1 condition that needs an appropriate policy document has one recorded.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.needsPolicyDocument() && strings.TrimSpace(a.PolicyDocument.Reference) == "" {
					c.Report(p+".policyDocument.reference", a.ID, "a Schedule 1 condition relied on needs an appropriate policy document, and none is recorded")
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
					c.Report(p+".policyDocument.article6", a.ID, "the record does not say how the processing satisfies Art 6 (para 41(b))")
				}
				switch pd.FollowsPolicy {
				case "":
					c.Report(p+".policyDocument.followsPolicy", a.ID, "the record does not say whether data are retained and erased in line with the policy document (para 41(c))")
				case No:
					if strings.TrimSpace(pd.Reason) == "" {
						c.Report(p+".policyDocument.reason", a.ID, "data are not retained and erased in line with the policy document, and the record does not say why (para 41(c))")
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
					c.Report(p+".criminal.schedule1", a.ID, "the activity processes criminal offence data but records no DPA 2018 Schedule 1 condition (s10(5))")
				}
				if c.Regime == lawfulbasis.EU && strings.TrimSpace(a.Criminal.Authority) == "" {
					c.Report(p+".criminal.authority", a.ID, "the activity processes criminal offence data but records no official authority or law that authorises it")
				}
			})
		}},

	// Consent.
	{ID: "consent-employment", Severity: Warning, Article: "7(4)",
		Summary: "Consent is rarely freely given by employees or job applicants; another basis is usually right (ICO guidance on consent; Recital 43).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				// Consent that PECR requires of everyone (cookies, marketing
				// emails) on an activity that also serves website visitors or
				// subscribers is not consent given in an employment context.
				if !a.hasSubject(Employees, JobApplicants, FormerEmployees) || a.hasSubject(WebsiteVisitors, Subscribers) {
					return
				}
				for j, pu := range a.Purposes {
					if pu.Basis == lawfulbasis.Consent {
						c.Report(fmt.Sprintf("%s.purposes[%d].basis", p, j), a.ID, "purpose %q relies on consent from employees or job applicants, who are rarely free to refuse", pu.Description)
					}
				}
			})
		}},
	{ID: "consent-record", Severity: Warning, Article: "7(1)",
		Summary: "Where consent is relied on, the record says where consent is recorded, so it can be shown and withdrawn.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if slices.ContainsFunc(a.bases(), lawfulbasis.Basis.ConsentBased) && strings.TrimSpace(a.ConsentRecord) == "" {
					c.Report(p+".consentRecord", a.ID, "consent is relied on but the record does not say where consents (and their withdrawal) are recorded")
				}
			})
		}},

	// Children.
	{ID: "children-consent", Severity: Error, Article: "8(1)",
		Summary: "Children's data used on consent for an online service record age verification or parental consent (age of digital consent 13 in the UK).",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if !a.Children.OnlineService || !a.hasSubject(YoungPeople, Pupils) || !slices.Contains(a.bases(), lawfulbasis.Consent) {
					return
				}
				if strings.TrimSpace(a.Children.AgeAssurance) == "" && strings.TrimSpace(a.Children.ParentalConsent) == "" {
					c.Report(p+".children", a.ID, "an online service relies on children's consent but records neither how age is checked nor parental consent for those under %d", c.ConsentAge)
				}
			})
		}},
	{ID: "children-higher-protection", Severity: Error, Article: "25(1A)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "An online service likely to be accessed by children records how the children's higher protection matters were taken into account.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.Children.OnlineService && strings.TrimSpace(a.Children.HigherProtection) == "" {
					c.Report(p+".children.higherProtection", a.ID, "the service is likely to be accessed by children but the record does not say how the children's higher protection matters were taken into account")
				}
			})
		}},

	// Transfers.
	{ID: "transfer-mechanism", Severity: Error, Article: "44",
		Summary: "A transfer to a third country not approved on the date checked rests on an Art 46 or 47 safeguard or an Art 49 derogation.",
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
					c.Report(p+".certified", a.ID, "transfer to %s relies on %s, which covers only certified recipients, and %q is not recorded as certified", t.Country, ap.Name, t.Recipient)
				case !t.Mechanism.Valid() && !approved:
					c.Report(p+".mechanism", a.ID, "transfer to %s: the country is not approved under the %v regime and no safeguard or derogation is recorded", t.Country, c.Regime)
				case t.Mechanism.IsApproval() && t.Mechanism.Available(c.Regime, c.At) && !approved:
					c.Report(p+".mechanism", a.ID, "transfer to %s relies on an approval, but %s is not approved under the %v regime on %s", t.Country, t.Country, c.Regime, c.At.Format("2 January 2006"))
				}
			})
		}},
	{ID: "transfer-mechanism-unavailable", Severity: Error, Article: "44",
		Summary: "The transfer mechanism relied on exists under the regime on the date checked (for example, the IDTA is UK only).",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if !t.Mechanism.Valid() || t.Mechanism == lawfulbasis.PrivacyShield || t.Mechanism == lawfulbasis.SwissUSPrivacyShield {
					return
				}
				if err := t.Mechanism.CheckAvailable(c.Regime, c.At); err != nil {
					c.Report(p+".mechanism", a.ID, "%v", err)
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
					c.Report(p+".mechanism", a.ID, "transfer to %s relies on the %s, which has not been a valid transfer mechanism since 16 July 2020", t.Country, name)
				}
			})
		}},
	{ID: "transfer-dpf-certified", Severity: Error, Article: "45A", Regimes: uk,
		Summary: "A US transfer on the UK Extension to the Data Privacy Framework goes to a recipient certified to the UK Extension.",
		Check:   dpfCheck},
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
				c.Report(p+".protectionTest", a.ID, "transfer to %s on %s: the data protection test (UK GDPR Art 46(1A), (6)) is not documented", t.Country, t.Mechanism.Title())
			})
		}},
	{ID: "transfer-derogation-safeguards", Severity: Error, Article: "30(1)(e)",
		Summary: "A transfer on the compelling legitimate interests derogation documents its suitable safeguards.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if t.Mechanism.NeedsDocumentedSafeguards() && strings.TrimSpace(t.Safeguards) == "" {
					c.Report(p+".safeguards", a.ID, "transfer to %s relies on compelling legitimate interests but its suitable safeguards are not documented", t.Country)
				}
			})
		}},
	{ID: "transfer-derogation", Severity: Warning, Article: "49(1)",
		Summary: "Art 49 derogations are for specific, occasional transfers; the record says why the transfer qualifies.",
		Check: func(c *Context) {
			eachTransfer(c, func(a *Activity, t *Transfer, p string) {
				if t.Mechanism.IsDerogation() && !t.Mechanism.NeedsDocumentedSafeguards() && strings.TrimSpace(t.Safeguards) == "" {
					c.Report(p+".safeguards", a.ID, "transfer to %s relies on the derogation for %s; record why it is occasional and necessary", t.Country, strings.ToLower(t.Mechanism.Title()))
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
						c.Report(fmt.Sprintf("%s.recipients[%d].contract", p, j), a.ID, "processor %q has no contract reference", r.Name)
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
						c.Report(p+".retention", a.ID, "no retention period is recorded")
					}
					return
				}
				for _, cat := range a.Categories() {
					covered := slices.ContainsFunc(a.Retention, func(r Retention) bool {
						return len(r.Categories) == 0 || slices.Contains(r.Categories, cat)
					})
					if !covered {
						c.Report(p+".retention", a.ID, "no retention period is recorded for %s", cat.Title())
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
						c.Report(path+".rule", a.ID, "data are kept indefinitely; storage limitation needs a period or a review point")
					case r.Rule.IsZero() && strings.TrimSpace(r.Schedule) == "":
						c.Report(path, a.ID, "the retention entry gives neither a rule nor a schedule")
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
						c.Report(fmt.Sprintf("%s.retention[%d].rule", p, j), a.ID, "the rule keeps data for %s, less than the minimum of %s (%s)", r.Rule.Period.Sentence(), r.Minimum.Sentence(), r.MinimumSource)
					}
				}
			})
		}},

	// DPIA, Art 35.
	{ID: "dpia-required", Severity: Error, Article: "35(1)",
		Summary: "A DPIA is recorded where Art 35(3) or the ICO's list of high-risk processing applies: large-scale special category or criminal data, systematic monitoring, profiling or online services aimed at children, solely automated significant decisions.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				var why string
				switch {
				case a.solelySignificant():
					why = "it takes solely automated decisions with legal or similarly significant effects (Art 35(3)(a))"
				case a.LargeScale && (a.hasSpecial() || a.hasCriminal()):
					why = "it processes special category or criminal offence data on a large scale (Art 35(3)(b))"
				case a.Monitoring:
					why = "it systematically monitors people (Art 35(3)(c))"
				case a.hasSubject(YoungPeople) && (a.profiling() || a.Children.OnlineService):
					why = "it profiles children or offers an online service to them (ICO list of high-risk processing)"
				case a.profiling() && a.LargeScale:
					why = "it profiles people on a large scale (ICO list of high-risk processing)"
				default:
					return
				}
				d := a.DPIA
				if d.Reference == "" && d.Status != Complete && d.Status != InProgress {
					c.Report(p+".dpia", a.ID, "a DPIA is needed because %s, and none is recorded", why)
				}
			})
		}},

	// Automated decisions.
	{ID: "automated-ground", Severity: Error, Article: "22(2)", Regimes: eu,
		Summary: "A solely automated decision with legal or similarly significant effect rests on an Art 22(2) ground.",
		Check: func(c *Context) {
			eachDecision(c, func(a *Activity, d Decision, p string) {
				if d.Ground == "" {
					c.Report(p+".ground", a.ID, "solely automated significant decisions need an Art 22(2) ground (contract, authorised by law, or explicit consent)")
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
					c.Report(p+".safeguards", a.ID, "solely automated significant decisions lack the Art 22C safeguards: %s", strings.Join(missing, ", "))
				}
			})
		}},
	{ID: "automated-recognised-interest", Severity: Error, Article: "22B(4)", Regimes: uk, From: lawfulbasis.DUAACommencement,
		Summary: "No solely automated significant decision rests, even partly, on recognised legitimate interests.",
		Check: func(c *Context) {
			each(c, func(a *Activity, p string) {
				if a.solelySignificant() && slices.Contains(a.bases(), lawfulbasis.RecognisedLegitimateInterests) {
					c.Report(p+".automated", a.ID, "a solely automated significant decision may not rest on recognised legitimate interests")
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
					c.Report(p+".automated", a.ID, "solely automated significant decisions use special category data without explicit consent (Art 9(2)(a)) or substantial public interest (Art 9(2)(g))")
				}
			})
		}},

	// Complaints to the organisation.
	{ID: "complaint-route", Severity: Error, Citation: "DPA 2018 s164A", Regimes: uk, From: lawfulbasis.ComplaintsCommencement,
		Summary: "The register records how people complain to the organisation itself.",
		Check: func(c *Context) {
			if c.Register.Complaints.IsZero() {
				c.Report("complaints", "", "no route for complaints to the organisation is recorded; from 19 June 2026 controllers must facilitate them")
			}
		}},
	{ID: "complaint-form", Severity: Warning, Citation: "DPA 2018 s164A(2)", Regimes: uk, From: lawfulbasis.ComplaintsCommencement,
		Summary: "The complaint route includes a form that can be completed electronically.",
		Check: func(c *Context) {
			cr := c.Register.Complaints
			if !cr.IsZero() && cr.Form == "" {
				c.Report("complaints.form", "", "no electronic complaint form is recorded; a form that can be completed electronically is the law's own example of facilitating complaints")
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
			c.Report("controller.headcount", "", "the organisation has fewer than 250 employees but must keep this record because %s", why)
		}},
}

func eachTransfer(c *Context, f func(a *Activity, t *Transfer, path string)) {
	each(c, func(a *Activity, p string) {
		for j := range a.Transfers {
			f(a, &a.Transfers[j], fmt.Sprintf("%s.transfers[%d]", p, j))
		}
	})
}

func dpfCheck(c *Context) {
	eachTransfer(c, func(a *Activity, t *Transfer, p string) {
		us := strings.EqualFold(t.Country, "US")
		if !us || t.Certified {
			return
		}
		if t.Mechanism == lawfulbasis.DataPrivacyFramework || t.Mechanism == lawfulbasis.Adequacy {
			scheme := "the EU-US Data Privacy Framework"
			if c.Regime == lawfulbasis.UK {
				scheme = "the UK Extension to the Data Privacy Framework"
			}
			c.Report(p+".certified", a.ID, "transfer to the United States relies on %s, which covers only certified recipients, and %q is not recorded as certified", scheme, t.Recipient)
		}
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
			c.Report(p, a.ID, "solely automated significant decisions use special category data without explicit consent, or contract or law with Art 9(2)(g)")
		}
	})
}
