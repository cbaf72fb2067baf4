package ropa_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/ropa"
)

// The seed registers model the privacy notices of the first customers
// (../shared/seeds) in examples/registers. They record what each notice
// states, statement by statement, and nothing it does not: so the checks
// report what each notice leaves out or gets wrong, and nothing else. The
// header comment of each register lists the notice's own defects.

// seedAsOf is the date the law is applied at for the seed registers.
var seedAsOf = time.Date(2026, time.November, 23, 0, 0, 0, 0, time.UTC)

// seedNames are the seed register files, without directory or extension.
var seedNames = []string{
	"health-careers",
	"careers-and-enterprise",
	"healthwatch-hertfordshire",
	"durham-university-recruitment",
	"harris-careers",
}

func loadSeed(t *testing.T, name string) *ropa.Register {
	t.Helper()
	path := filepath.Join("..", "examples", "registers", name+".yaml")
	reg, err := ropa.Load(path)
	if err != nil {
		t.Fatalf("Load(%q): %v", path, err)
	}
	if err := reg.Validate(); err != nil {
		t.Fatalf("Load(%q).Validate():\n%v", path, err)
	}
	return reg
}

// seedActivity returns the activity of reg with the given ID.
func seedActivity(t *testing.T, reg *ropa.Register, id string) *ropa.Activity {
	t.Helper()
	for i := range reg.Activities {
		if reg.Activities[i].ID == id {
			return &reg.Activities[i]
		}
	}
	t.Fatalf("no activity %q", id)
	return nil
}

// ruleCounts counts a report's findings by rule.
func ruleCounts(rep ropa.Report) map[string]int {
	out := map[string]int{}
	for _, f := range rep.Findings {
		out[f.Rule]++
	}
	return out
}

// TestSeedRegisters pins how many findings of each rule the checks report on
// each seed register. Each is a defect of the notice (or something a register
// built from it still lacks); see the comments beside each. A rule absent
// from a list must not fire: processor-contract, for one, is gone from the
// four seeds that state their processors work under contract.
func TestSeedRegisters(t *testing.T) {
	tests := []struct {
		name string
		want map[string]int
	}{
		{"health-careers", map[string]int{
			"children-higher-protection": 1,  // Step into the NHS is "specifically for young people"; nothing on their protection
			"complaint-route":            1,  // only the ICO is offered, no way to complain to HEE itself
			"consent-record":             1,  // marketing rests on opt-in; where consents are kept is not said
			"dpia-required":              1,  // an online service offered to young people, no DPIA mentioned
			"purpose-basis":              11, // five bases listed as a menu, none tied to a purpose
			"transfer-mechanism":         1,  // subscriber data "outside the EEA", no country and no safeguard named
		}},
		{"careers-and-enterprise", map[string]int{
			"automated-not-recorded":         7,  // no section says whether decisions are made by automated means
			"complaint-form":                 1,  // complaints by email to the DPO only, no electronic form
			"consent-record":                 3,  // consent to marketing and analytics cookies, no record named
			"criminal-authority":             1,  // DBS checks of job applicants, no Schedule 1 condition
			"dpia-required":                  2,  // young people's SEND and disadvantage data, employees' health and EDI data: no DPIA mentioned
			"legitimate-interest-assessment": 11, // legitimate interests (security, fit, cookies, web forms), no assessment referenced
			"purpose-basis":                  33, // bases listed per group; only some name the purpose they serve
			"retention-missing":              7,  // "CEC has a retention schedule", no period given
			"special-condition":              3,  // SEND, health, ethnicity, sexual orientation: no Art 9(2) condition
			"transfer-mechanism":             7,  // processing "outside the UK" with no country and no safeguard, for every group
		}},
		{"healthwatch-hertfordshire", map[string]int{
			"automated-not-recorded": 4, // nothing on decisions by automated means
			"complaint-form":         1, // complaints to the DPO by phone, email or post, no electronic form
			"consent-employment":     1, // staff equality monitoring rests on employees' consent
			"consent-record":         3, // consent for feedback, newsletter, monitoring; no record named
			"criminal-authority":     1, // staff DBS checks, no Schedule 1 condition
			"dpia-required":          2, // health feedback of service users, staff equality and DBS data: no DPIA mentioned
			"privacy-shield":         1, // US storage only with Privacy Shield companies (MailChimp)
			"purpose-basis":          9, // no basis for day-to-day work, questions, website, staff, tracking
			"retention-indefinite":   4, // the retention schedule is only "available on request": no period
			"special-condition":      1, // feedback on health and care services, no Art 9(2) condition
		}},
		{"durham-university-recruitment", map[string]int{
			"automated-not-recorded":         4, // nothing on decisions by automated means
			"complaint-form":                 1, // "let us know" / contact the DPO, no form
			"controller-contact":             1, // email redacted in the text, no address or phone
			"criminal-authority":             2, // unspent convictions and DBS checks, no Schedule 1 condition
			"dpo-contact":                    1, // DPO named, email redacted
			"legal-provision":                2, // right-to-work and criminal record checks: law not named
			"legitimate-interest-assessment": 4, // legitimate interests, no assessment referenced
			"public-authority-interests":     4, // a public authority relying on legitimate interests, recruitment not said to be outside its tasks
			"purpose-basis":                  6, // adjustments, similar vacancies, equality monitoring, bank details, health declaration
			"retention-missing":              6, // no period for right-to-work, identity, DBS, references, background checks, health declarations
			"special-basis":                  1, // equality monitoring: Art 9(2)(g) but no Art 6 basis
			"special-schedule1":              3, // Art 9(2)(b) and (g) without Schedule 1 conditions
		}},
		{"harris-careers", map[string]int{
			"complaint-route":           1, // no complaint route at all, not even the ICO
			"consent-record":            3, // cookie, advertising and job-alert consent; no record named
			"controller-contact":        1, // no address, email or phone for the Harris Federation
			"criminal-authority":        1, // Enhanced DBS checks through connected services, no Schedule 1 condition
			"marketing-after-objection": 1, // "even if you unsubscribe, we may still contact you", for marketing among other things
			"processor-contract":        3, // processors "carefully selected"; no contract is stated
			"purpose-basis":             8, // no lawful basis named except consent for cookies and job alerts
			"retention-indefinite":      1, // cookies "stay longer, sometimes forever"
			"retention-missing":         4, // no retention period for anything else
			"transfer-mechanism":        4, // "outside the EEA" and "websites outside of the UK", no country or safeguard
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reg := loadSeed(t, tt.name)
			got := ruleCounts(ropa.Check(reg, seedAsOf))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Check(%s) findings per rule mismatch (-want +got):\n%s", tt.name, diff)
			}
		})
	}
}

// TestSeedKnownDefects asserts that each defect a careful reader finds in a
// notice has its finding, on the element it is about, whatever else the
// checks report.
func TestSeedKnownDefects(t *testing.T) {
	tests := []struct {
		name, rule, path string
		why              string
	}{
		{"health-careers", "purpose-basis", "activities[0].purposes[0].basis", "lawful bases listed as a menu, with no link to purposes"},
		{"health-careers", "complaint-route", "complaints", "no way to complain to HEE itself"},
		{"health-careers", "transfer-mechanism", "activities[2].transfers[0].mechanism", "subscriber data outside the EEA with no safeguard"},
		{"health-careers", "children-higher-protection", "activities[0].children.higherProtection", "a service for young people, nothing on their protection"},
		{"careers-and-enterprise", "retention-missing", "activities[0].retention", "a retention schedule is mentioned, no period given"},
		{"careers-and-enterprise", "special-condition", "activities[0].special.conditions", "SEND status with no Art 9(2) condition"},
		{"careers-and-enterprise", "criminal-authority", "activities[4].criminal.schedule1", "DBS checks with no Schedule 1 condition"},
		{"careers-and-enterprise", "transfer-mechanism", "activities[0].transfers[0].mechanism", "processing outside the UK with no country or safeguard"},
		{"careers-and-enterprise", "purpose-basis", "activities[5].purposes[1].basis", "salary, pension and benefits with no basis of their own"},
		{"healthwatch-hertfordshire", "privacy-shield", "activities[2].transfers[0].mechanism", "US storage relies on the EU/Swiss Privacy Shield"},
		{"healthwatch-hertfordshire", "purpose-basis", "activities[1].purposes[0].basis", `no lawful basis for "our day-to-day work"`},
		{"healthwatch-hertfordshire", "special-condition", "activities[1].special.conditions", "feedback on health services with no Art 9(2) condition"},
		{"healthwatch-hertfordshire", "consent-employment", "activities[3].purposes[1].basis", "equality monitoring on employees' consent"},
		{"durham-university-recruitment", "controller-contact", "controller", "no usable contact details for the University"},
		{"durham-university-recruitment", "public-authority-interests", "activities[1].purposes[0].basis", "a public authority's recruitment on legitimate interests"},
		{"durham-university-recruitment", "legal-provision", "activities[3].purposes[0].provision", "right-to-work checks with no law named"},
		{"durham-university-recruitment", "special-basis", "activities[2].purposes", "equality monitoring with no Art 6 basis"},
		{"durham-university-recruitment", "special-schedule1", "activities[2].special.conditions[0]", "Art 9(2)(g) with no Schedule 1 condition"},
		{"durham-university-recruitment", "retention-missing", "activities[3].retention", "no period for right-to-work, DBS, references or health declarations"},
		{"harris-careers", "retention-missing", "activities[3].retention", "no retention period for accounts and applications"},
		{"harris-careers", "retention-indefinite", "activities[0].retention[0].rule", `cookies "stay longer, sometimes forever"`},
		{"healthwatch-hertfordshire", "retention-indefinite", "activities[0].retention[0].schedule", `retention schedule "available on request", no period`},
		{"harris-careers", "complaint-route", "complaints", "no complaint route"},
		{"harris-careers", "controller-contact", "controller", "no contact details for the Harris Federation"},
		{"harris-careers", "processor-contract", "activities[0].recipients[0].contract", "processors carefully selected, no contract stated"},
		{"harris-careers", "transfer-mechanism", "activities[0].transfers[0].mechanism", "data outside the EEA with no country or safeguard"},
		{"harris-careers", "marketing-after-objection", "activities[1].purposes[2].afterObjection", "contact for marketing even after an unsubscribe"},
		{"careers-and-enterprise", "automated-not-recorded", "activities[0].automated", "nothing on automated decisions about young people"},
	}
	reports := map[string]ropa.Report{}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.rule+"/"+tt.path, func(t *testing.T) {
			rep, ok := reports[tt.name]
			if !ok {
				rep = ropa.Check(loadSeed(t, tt.name), seedAsOf)
				reports[tt.name] = rep
			}
			found := slices.ContainsFunc(rep.Findings, func(f ropa.Finding) bool { return f.Rule == tt.rule && f.Path == tt.path })
			if !found {
				t.Errorf("Check(%s) reports no %s at %s (%s); it reports:\n%s", tt.name, tt.rule, tt.path, tt.why, findingList(rep))
			}
		})
	}
}

func findingList(rep ropa.Report) string {
	var b strings.Builder
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "  %s %s\n", f.Rule, f.Path)
	}
	return b.String()
}

// TestSeedProcessorContracts holds the false alarm the seed registers used
// to raise: four notices state that their processors work under a contract
// or agreement, so every processor records it and no processor-contract
// finding remains; the Harris policy states none, so each of its processors
// is reported.
func TestSeedProcessorContracts(t *testing.T) {
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			reg := loadSeed(t, name)
			statesContract := name != "harris-careers"
			var processors, reported int
			for _, a := range reg.Activities {
				for _, r := range a.Recipients {
					if r.Kind != ropa.Processor {
						continue
					}
					processors++
					if statesContract && r.Contract == "" {
						t.Errorf("activity %s: processor %q records no contract, though the notice states one", a.ID, r.Name)
					}
					if !statesContract && r.Contract != "" {
						t.Errorf("activity %s: processor %q records a contract the policy does not state: %q", a.ID, r.Name, r.Contract)
					}
				}
			}
			for _, f := range ropa.Check(reg, seedAsOf).Findings {
				if f.Rule == "processor-contract" {
					reported++
				}
			}
			want := 0
			if !statesContract {
				want = processors
			}
			if processors == 0 || reported != want {
				t.Errorf("%d processors, %d processor-contract findings; want %d findings", processors, reported, want)
			}
		})
	}
}

// TestSeedGroups holds what each group of a multi-group seed activity is
// told: nothing the notice says only of another group.
func TestSeedGroups(t *testing.T) {
	type want struct {
		purposes   []string // purpose descriptions, in order
		categories []ropa.Category
		sources    []ropa.SourceKind
		recipients int
		provision  bool // the provision statement concerns the group
	}
	tests := []struct {
		name, activity string
		group          ropa.Subject
		want           want
	}{
		// Durham tells referees only that it holds their details, given by
		// the applicant, to run the recruitment: no contract basis, none of
		// the applicant's data, no application forms as their source.
		{"durham-university-recruitment", "applications", ropa.Referees, want{
			purposes:   []string{"To run the recruitment process, check that candidates are suitable for the job, decide whom to offer a job, and keep records of the process"},
			categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails},
			sources:    []ropa.SourceKind{ropa.FromThirdParty},
			recipients: 6,
		}},
		{"durham-university-recruitment", "applications", ropa.JobApplicants, want{
			purposes: []string{
				"To run the recruitment process, check that candidates are suitable for the job, decide whom to offer a job, and keep records of the process",
				"To respond to and defend against legal claims",
				"To take steps before we might make a contract with you, and to make the contract",
				"To consider reasonable adjustments for disabled candidates during the recruitment process (including the Disability Confident Scheme)",
				"To contact you about other similar vacancies in the same recruitment round",
			},
			categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails, ropa.Education, ropa.EmploymentHistory, ropa.PayAndBenefits,
				ropa.References, ropa.Health, ropa.RightToWork, ropa.CriminalOffences,
				"custom: Interview, assessment and test results", "custom: Publications submitted for assessment"},
			sources:    []ropa.SourceKind{ropa.FromSubject, ropa.FromThirdParty},
			recipients: 7,
			provision:  true,
		}},
		// CEC holds of next of kin only a name and contact details, from
		// the employee; salary, benefits, NI number, sexual orientation and
		// disciplinary records are the employee's.
		{"careers-and-enterprise", "employees", ropa.NextOfKin, want{
			categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails},
			sources:    []ropa.SourceKind{ropa.FromThirdParty},
		}},
		{"careers-and-enterprise", "employer-contacts-and-volunteers", ropa.EmployerContacts, want{
			purposes: []string{
				"To support links between employers and schools, colleges and independent training providers",
				"To promote and publicise work to achieve our mission",
				"To plan, deliver and measure the effectiveness of CEC programmes and events",
				"To conduct research related to our mission",
				"To manage our systems and keep them secure",
				"For CEC's legal and compliance purposes",
				"To send marketing messages",
			},
			categories: []ropa.Category{ropa.Identifiers, ropa.EmploymentDetails, ropa.ContactDetails, ropa.Usage, ropa.Opinions},
			sources:    []ropa.SourceKind{ropa.FromSubject},
			recipients: 2,
		}},
		// Healthwatch's job applicants are not told of Freedom of
		// Information disclosures, publication, DBS checks, equality
		// monitoring on consent, or pay, performance and bank details.
		{"healthwatch-hertfordshire", "staff-and-applicants", ropa.JobApplicants, want{
			purposes: []string{"To carry out our role and meet our legal and contractual responsibilities as an employer"},
			categories: []ropa.Category{ropa.RacialEthnicOrigin, ropa.Beliefs, ropa.Health, ropa.Demographics, ropa.SexualOrientation,
				ropa.Education, ropa.EmploymentHistory, ropa.ContactDetails},
			sources: []ropa.SourceKind{ropa.FromSubject},
		}},
		// Health Careers' event attendees are not told of the technical and
		// visit data collected on each visit to the websites.
		{"health-careers", "website-and-registrations", "custom: People attending careers events", want{
			purposes: []string{
				"To carry out obligations arising from any contracts between you and us and to provide the information about career opportunities and other information or services you request",
				"To notify you about changes and updates to our service",
				"To ensure that content from the site is presented in the most effective manner for you and your computer",
				"To combine information received from other sources with information you give us and information we collect about you, for the purposes above",
				"To disclose personal data where we are under a duty to do so to comply with a legal obligation, to enforce our terms and conditions and other agreements, to protect the rights, property or safety of HEE, our customers or others, in connection with legal proceedings or legal advice, including exchanging information for fraud protection and credit risk reduction",
			},
			categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails, ropa.DateOfBirth, ropa.Demographics, ropa.EmploymentDetails,
				"custom: Competition, promotion and survey entries, feedback and problem reports"},
			sources:    []ropa.SourceKind{ropa.FromSubject, ropa.FromThirdParty},
			recipients: 3,
		}},
		// Harris sends job alerts only to those who agreed to them.
		{"harris-careers", "job-alerts", ropa.JobApplicants, want{
			purposes: []string{
				"To find out if our emails have been read and if you find them useful",
				"To contact you about various things, including for marketing purposes, even if you have unsubscribed from job alerts",
				"To update you on changes to our policies, practices and Terms of Use, check with you about services you have signed up for, and answer your requests, comments, complaints and enquiries",
			},
			categories: []ropa.Category{ropa.Identifiers, ropa.ContactDetails, ropa.Usage},
			sources:    []ropa.SourceKind{ropa.FromSubject, ropa.Observed},
			recipients: 2,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.activity+"/"+string(tt.group), func(t *testing.T) {
			a := seedActivity(t, loadSeed(t, tt.name), tt.activity)
			if !a.Has(tt.group) {
				t.Fatalf("activity %s has no group %q", tt.activity, tt.group)
			}
			g := a.For(tt.group)
			got := want{categories: g.Categories, recipients: len(g.Recipients), provision: g.Provision.Consequences != "" || g.Provision.Requirement != ""}
			for _, p := range g.Purposes {
				got.purposes = append(got.purposes, p.Description)
			}
			for _, s := range g.Sources {
				got.sources = append(got.sources, s.Kind)
			}
			if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(want{})); diff != "" {
				t.Errorf("For(%s) (-want +got):\n%s", tt.group, diff)
			}
			for _, p := range g.Purposes {
				if tt.group == ropa.Referees && p.Basis == lawfulbasis.Contract {
					t.Errorf("referees are told of the contract basis: %q", p.Description)
				}
			}
		})
	}
}

// TestSeedNone holds the facts the seeds state there is none of: only
// where the notice says so, never by default. Health Careers "do[es] not
// currently have any automated decision-making processes"; at Harris
// "Human beings and not robots will make the big decisions that affect
// you" (its targeted advertising lists the profiling it does instead). No
// other notice states a "none".
func TestSeedNone(t *testing.T) {
	want := map[string][]string{
		"health-careers": {
			"website-and-registrations automated-decisions",
			"contact-centre automated-decisions",
			"marketing-emails automated-decisions",
		},
		"careers-and-enterprise":        nil,
		"healthwatch-hertfordshire":     nil,
		"durham-university-recruitment": nil,
		"harris-careers": {
			"careers-website-tracking automated-decisions",
			"job-alerts automated-decisions",
			"accounts-and-connected-services automated-decisions",
		},
	}
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			reg := loadSeed(t, name)
			var got []string
			for _, a := range reg.Activities {
				for _, n := range a.None {
					if len(n.Subjects) > 0 {
						t.Errorf("activity %s: none of %s scoped to %v; the notices state none for everyone", a.ID, n.Fact, n.Subjects)
					}
					got = append(got, a.ID+" "+string(n.Fact))
				}
				for _, g := range a.DataSubjects {
					if a.Status(ropa.FactTransfers, g) == ropa.StatedNone || a.Status(ropa.FactRecipients, g) == ropa.StatedNone ||
						a.Status(ropa.FactOtherSources, g) == ropa.StatedNone {
						t.Errorf("activity %s states a none for %s that no notice states", a.ID, g)
					}
				}
			}
			if diff := cmp.Diff(want[name], got); diff != "" {
				t.Errorf("stated none (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeedTransfers holds each seed's transfers as its notice discloses
// them: the country where the notice names one (ZZ, ISO 3166-1's code for
// an unknown country, where it does not), the recipient it is tied to (one
// of the activity's recipients, or none where the notice says the
// organisation itself processes data abroad), and a mechanism only where
// the notice names one.
func TestSeedTransfers(t *testing.T) {
	type transfer struct{ activity, country, recipient, mechanism string }
	cecGroups := []string{"young-people", "careers-leaders", "employer-contacts-and-volunteers", "partners-and-suppliers",
		"job-applicants", "employees", "website-visitors"}
	var cec []transfer
	for _, id := range cecGroups {
		cec = append(cec, transfer{id, "ZZ", "", ""})
	}
	want := map[string][]transfer{
		"health-careers":            {{"marketing-emails", "ZZ", "MailChimp", ""}},
		"careers-and-enterprise":    cec,
		"healthwatch-hertfordshire": {{"newsletter", "US", "MailChimp", "privacy-shield"}},
		"harris-careers": {
			{"careers-website-tracking", "ZZ", "Software companies that collect, send and store information for us", ""},
			{"job-alerts", "ZZ", "Companies sending emails and surveys on our behalf", ""},
			{"targeted-advertising", "ZZ", "Other companies' websites outside the UK that show our adverts", ""},
			{"accounts-and-connected-services", "ZZ", "Software companies that collect, send and store information for us", ""},
		},
	}
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			var got []transfer
			for _, a := range loadSeed(t, name).Activities {
				for _, tr := range a.Transfers {
					mech := ""
					if tr.Mechanism.Valid() {
						mech = tr.Mechanism.String()
					}
					got = append(got, transfer{a.ID, tr.Country, tr.Recipient, mech})
				}
			}
			if diff := cmp.Diff(want[name], got, cmp.AllowUnexported(transfer{})); diff != "" {
				t.Errorf("transfers (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeedDirectMarketing holds the purposes the seeds describe as
// marketing, and the one marketing that goes on after an unsubscribe.
func TestSeedDirectMarketing(t *testing.T) {
	want := map[string][]string{
		"health-careers":         {"marketing-emails[0]", "marketing-emails[1]"},
		"careers-and-enterprise": {"careers-leaders[7]", "employer-contacts-and-volunteers[6]", "website-visitors[6]"},
		"healthwatch-hertfordshire": {
			"newsletter[0]",
		},
		"durham-university-recruitment": nil,
		"harris-careers":                {"job-alerts[0]", "job-alerts[2] after objection", "targeted-advertising[0]"},
	}
	for _, name := range seedNames {
		t.Run(name, func(t *testing.T) {
			var got []string
			for _, a := range loadSeed(t, name).Activities {
				for i, p := range a.Purposes {
					if p.AfterObjection && !p.DirectMarketing {
						t.Errorf("%s[%d]: after objection but not direct marketing", a.ID, i)
					}
					if !p.DirectMarketing {
						continue
					}
					s := fmt.Sprintf("%s[%d]", a.ID, i)
					if p.AfterObjection {
						s += " after objection"
					}
					got = append(got, s)
				}
			}
			if diff := cmp.Diff(want[name], got); diff != "" {
				t.Errorf("direct marketing purposes (-want +got):\n%s", diff)
			}
		})
	}
}

// TestSeedRetention holds two retention statements as the notices make
// them. Durham keeps applications 1 year from the appointment, 6 if the
// application succeeds, and 7 for every candidate if the successful one
// holds a Tier 2 (sponsored) visa. Healthwatch gives no period: its
// schedule is "available to members of the public on request", recorded as
// that text with no rule.
func TestSeedRetention(t *testing.T) {
	t.Run("durham-university-recruitment", func(t *testing.T) {
		a := seedActivity(t, loadSeed(t, "durham-university-recruitment"), "applications")
		appointed := time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)
		for _, g := range a.DataSubjects {
			rs := a.For(g).Retention
			if len(rs) != 1 {
				t.Fatalf("%s: %d retention entries, want 1", g, len(rs))
			}
			r := rs[0].Rule
			for _, tc := range []struct {
				conditions []string
				want       time.Time
			}{
				{nil, appointed.AddDate(1, 0, 0)},
				{[]string{"the-application-succeeds"}, appointed.AddDate(6, 0, 0)},
				{[]string{"sponsored-visa"}, appointed.AddDate(7, 0, 0)},
				{[]string{"the-application-succeeds", "sponsored-visa"}, appointed.AddDate(7, 0, 0)},
			} {
				got, err := r.DueWith(appointed, tc.conditions...)
				if err != nil || !got.Equal(tc.want) {
					t.Errorf("%s: DueWith(%v) = %v, %v; want %v", g, tc.conditions, got, err, tc.want)
				}
			}
		}
	})
	t.Run("healthwatch-hertfordshire", func(t *testing.T) {
		for _, a := range loadSeed(t, "healthwatch-hertfordshire").Activities {
			if len(a.Retention) != 1 {
				t.Fatalf("%s: %d retention entries, want 1", a.ID, len(a.Retention))
			}
			r := a.Retention[0]
			if !r.Rule.IsZero() || !strings.Contains(r.Schedule, "available to members of the public on request") {
				t.Errorf("%s: retention rule %q, schedule %q; want no rule and the notice's words", a.ID, r.Rule, r.Schedule)
			}
		}
	})
}

// TestSeedsRoundTrip encodes each seed register, as YAML and as JSON, and
// decodes it back: the result is identical, nil and empty slices included.
func TestSeedsRoundTrip(t *testing.T) {
	for _, name := range seedNames {
		for _, format := range []string{"yaml", "json"} {
			t.Run(name+"/"+format, func(t *testing.T) {
				reg := loadSeed(t, name)
				var buf bytes.Buffer
				encode := ropa.Encode
				if format == "json" {
					encode = ropa.EncodeJSON
				}
				if err := encode(&buf, reg); err != nil {
					t.Fatalf("Encode: %v", err)
				}
				back, err := ropa.Decode(bytes.NewReader(buf.Bytes()))
				if err != nil {
					t.Fatalf("Decode(Encode(%s)): %v\n%s", name, err, buf.String())
				}
				if diff := cmp.Diff(reg, back); diff != "" {
					t.Errorf("Decode(Encode(%s)) differs (-loaded +round trip):\n%s", name, diff)
				}
			})
		}
	}
}
