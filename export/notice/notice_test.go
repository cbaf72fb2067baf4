package notice

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/article30/article30/lawfulbasis"
	"github.com/article30/article30/rights"
	"github.com/article30/article30/ropa"
)

func mustGenerate(t testing.TB, reg *ropa.Register, at time.Time, opts ...Option) *Notice {
	t.Helper()
	n, err := Generate(reg, at, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// rightTitles returns the titles of the rights the notice lists ("Right of
// access", ...), from the items of its "Your rights" section.
func rightTitles(n *Notice) []string {
	var out []string
	for _, it := range items(section(n, "Your rights")) {
		title, _, _ := strings.Cut(it, ": ")
		out = append(out, title)
	}
	return out
}

func TestRightsByBasis(t *testing.T) {
	at := day(2026, time.November, 23)
	for _, tc := range []struct {
		name      string
		regime    lawfulbasis.Regime
		bases     []lawfulbasis.Basis
		want, not []rights.Right
	}{
		{"legal obligation only", lawfulbasis.UK, []lawfulbasis.Basis{lawfulbasis.LegalObligation},
			[]rights.Right{rights.Access, rights.Rectification, rights.Restriction},
			[]rights.Right{rights.Erasure, rights.Portability, rights.Object, rights.WithdrawConsent}},
		{"consent", lawfulbasis.UK, []lawfulbasis.Basis{lawfulbasis.Consent},
			[]rights.Right{rights.Access, rights.Erasure, rights.Portability, rights.WithdrawConsent},
			[]rights.Right{rights.Object}},
		{"recognised legitimate interests", lawfulbasis.UK, []lawfulbasis.Basis{lawfulbasis.RecognisedLegitimateInterests},
			[]rights.Right{rights.Access, rights.Erasure, rights.Object},
			[]rights.Right{rights.Portability, rights.WithdrawConsent}},
		{"public task", lawfulbasis.EU, []lawfulbasis.Basis{lawfulbasis.PublicTask},
			[]rights.Right{rights.Object},
			[]rights.Right{rights.Erasure, rights.Portability}},
		{"contract", lawfulbasis.EU, []lawfulbasis.Basis{lawfulbasis.Contract},
			[]rights.Right{rights.Erasure, rights.Portability},
			[]rights.Right{rights.Object, rights.WithdrawConsent}},
		{"legal obligation and legitimate interests", lawfulbasis.UK, []lawfulbasis.Basis{lawfulbasis.LegalObligation, lawfulbasis.LegitimateInterests},
			[]rights.Right{rights.Erasure, rights.Object},
			[]rights.Right{rights.Portability}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustGenerate(t, small(tc.regime, tc.bases...), at)
			got := rightTitles(n)
			for _, r := range tc.want {
				if !slices.Contains(got, r.Title()) {
					t.Errorf("rights %q lack %q", got, r.Title())
				}
			}
			for _, r := range tc.not {
				if slices.Contains(got, r.Title()) {
					t.Errorf("rights %q include %q", got, r.Title())
				}
			}
			text := flat(n.Text())
			if slices.Contains(tc.bases, lawfulbasis.Consent) != strings.Contains(text, "You can withdraw your consent in the same way.") {
				t.Errorf("how to withdraw consent: consent relied on %v, text:\n%s", slices.Contains(tc.bases, lawfulbasis.Consent), text)
			}
			if it, _ := coverage(n, "13(2)(b)"); !it.Filled {
				t.Errorf("13(2)(b) not filled: %s", it.Reason)
			}
		})
	}
}

func TestRightsWithoutBasis(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Consent)
	reg.Activities[0].Purposes = append(reg.Activities[0].Purposes, ropa.Purpose{Description: "Run the office"})
	n := mustGenerate(t, reg, lawDay)
	if it, _ := coverage(n, "13(2)(b)"); it.Filled || !strings.Contains(it.Reason, "no lawful basis") {
		t.Errorf("13(2)(b) = %+v, want not filled for want of a basis", it)
	}
	it, _ := coverage(n, "13(1)(c)")
	if it.Filled || it.Reason != `purpose "Run the office" has no lawful basis in the register` {
		t.Errorf("13(1)(c) = %+v", it)
	}
	// The purpose is listed, with no basis beside it.
	s := section(n, "What we use your information for")
	if !slices.Contains(items(s), "Run the office") {
		t.Errorf("purpose without a basis not listed: %q", items(s))
	}
	for _, b := range s.Blocks {
		if tb, ok := b.(Table); ok {
			for _, r := range tb.Rows {
				if r[0] == "Run the office" {
					t.Errorf("purpose without a basis paired with %q", r[1])
				}
			}
		}
	}
	if !strings.Contains(flat(n.Text()), "You may have other rights too") {
		t.Error("the notice does not say other rights may apply")
	}
}

func TestComplaints(t *testing.T) {
	for _, tc := range []struct {
		name   string
		regime lawfulbasis.Regime
		at     time.Time
		toUs   bool   // the right to complain to the organisation (DPA 2018 s164A)
		s165   bool   // the regulator under DPA 2018 s165
		ico    string // the UK regulator's name, as the authority package gives it for the day
	}{
		// The statutory name is "Information Commission" from the day
		// DUAA s119 is fully in force (authority.CommissionFrom, 30
		// September 2026, UNCONFIRMED); the brand "ICO" stays.
		{"UK 2026-11-23", lawfulbasis.UK, day(2026, time.November, 23), true, true, "Information Commission (ICO)"},
		{"UK 2026-06-19", lawfulbasis.UK, day(2026, time.June, 19), true, true, "Information Commissioner (ICO)"},
		{"UK 2026-06-18", lawfulbasis.UK, day(2026, time.June, 18), false, false, "Information Commissioner (ICO)"},
		{"UK 2025-01-01", lawfulbasis.UK, day(2025, time.January, 1), false, false, "Information Commissioner (ICO)"},
		{"EU 2026-11-23", lawfulbasis.EU, day(2026, time.November, 23), false, false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := mustGenerate(t, small(tc.regime, lawfulbasis.Contract), tc.at)
			text := flat(n.Text())
			for _, s := range []string{"You can complain to us", "within 30 days that we got your complaint", "https://acme.example/complaints"} {
				if strings.Contains(text, s) != tc.toUs {
					t.Errorf("text contains %q = %v, want %v", s, !tc.toUs, tc.toUs)
				}
			}
			if strings.Contains(text, "164A") {
				t.Error("the notice cites s164A")
			}
			if strings.Contains(text, "section 165") != tc.s165 {
				t.Errorf("text cites section 165 = %v, want %v", !tc.s165, tc.s165)
			}
			wantICO := tc.regime == lawfulbasis.UK
			for _, s := range []string{"Information Commission", "0303 123 1113", "https://ico.org.uk/make-a-complaint/"} {
				if strings.Contains(text, s) != wantICO {
					t.Errorf("text contains %q = %v, want %v", s, !wantICO, wantICO)
				}
			}
			if wantICO && !strings.Contains(text, "complain to the "+tc.ico) {
				t.Errorf("text does not name the regulator %q", tc.ico)
			}
			if strings.Contains(text, "Information Commissioner's Office") {
				t.Error("the notice names the Information Commissioner's Office, which is no statutory name")
			}
			for _, art := range []string{"13(2)(ca)", "14(2)(da)"} {
				_, listed := coverage(n, art)
				if listed != tc.toUs {
					t.Errorf("coverage lists %s = %v, want %v", art, listed, tc.toUs)
				}
			}
			it, _ := coverage(n, "13(2)(d)")
			if tc.regime == lawfulbasis.EU {
				// Art 77(1): the right holds; no authority is named, since
				// the register names none, and the item is missing.
				if !strings.Contains(text, "supervisory authority, in particular in the country where you live or work") {
					t.Error("EU notice does not state the right to complain to a supervisory authority")
				}
				if strings.Contains(text, "responsible for us") || strings.Contains(text, "lead authority") {
					t.Error("EU notice names an authority the register does not")
				}
				if it.Filled || !strings.Contains(it.Reason, "names no supervisory authority") {
					t.Errorf("13(2)(d) = %+v, want missing", it)
				}
			} else if !it.Filled {
				t.Errorf("13(2)(d) not filled: %s", it.Reason)
			}
		})
	}
}

// TestAuthority checks the supervisory authority a notice names: the
// register's, its code looked up in the authority package and its fields
// replacing the looked-up ones; the UK regulator by default under the UK
// regime; under the EU regime nothing, with Art 13(2)(d) missing, when the
// register names no authority or one the package does not know.
func TestAuthority(t *testing.T) {
	at := day(2026, time.November, 23)
	for _, tc := range []struct {
		name       string
		regime     lawfulbasis.Regime
		auth       ropa.SupervisoryAuthority
		want, not  []string
		filled     bool
		fields     []string
		reasonPart string
	}{
		{"EU, code", lawfulbasis.EU, ropa.SupervisoryAuthority{Code: "ie"},
			[]string{"The supervisory authority responsible for us is the Data Protection Commission (DPC).", "https://www.dataprotection.ie"},
			nil, true, []string{"authority.code"}, ""},
		{"EU, code and fields", lawfulbasis.EU, ropa.SupervisoryAuthority{Code: "FR", Email: "plaintes@cnil.example", Website: "https://www.cnil.fr/plaintes"},
			[]string{"the National Commission on Informatics and Liberty (CNIL).", "by email at plaintes@cnil.example", "online at https://www.cnil.fr/plaintes"},
			nil, true, []string{"authority.code", "authority.website", "authority.email"}, ""},
		{"EU, name only", lawfulbasis.EU, ropa.SupervisoryAuthority{Name: "The Office of the Data Protection Commissioner"},
			[]string{"responsible for us is the Office of the Data Protection Commissioner."}, []string{"the The"},
			true, []string{"authority.name"}, ""},
		{"EU, none", lawfulbasis.EU, ropa.SupervisoryAuthority{}, nil, []string{"responsible for us"},
			false, nil, "names no supervisory authority"},
		{"EU, unknown code", lawfulbasis.EU, ropa.SupervisoryAuthority{Code: "xx"}, nil, []string{"responsible for us"},
			false, nil, `authority.code "xx" is not a supervisory authority`},
		{"UK, default", lawfulbasis.UK, ropa.SupervisoryAuthority{},
			[]string{"complain to the Information Commission (ICO) under section 165"}, nil, true, nil, ""},
		{"UK, phone replaced", lawfulbasis.UK, ropa.SupervisoryAuthority{Code: "uk", Phone: "0303 123 9999"},
			[]string{"complain to the Information Commission (ICO)", "by phone on 0303 123 9999"}, []string{"0303 123 1113"},
			true, []string{"authority.code", "authority.phone"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := small(tc.regime, lawfulbasis.Contract)
			reg.Authority = tc.auth
			n := mustGenerate(t, reg, at)
			text := flat(n.Text())
			for _, s := range tc.want {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q", s)
				}
			}
			for _, s := range tc.not {
				if strings.Contains(text, s) {
					t.Errorf("text contains %q", s)
				}
			}
			it, _ := coverage(n, "13(2)(d)")
			if it.Filled != tc.filled || !strings.Contains(it.Reason, tc.reasonPart) {
				t.Errorf("13(2)(d) = %+v, want filled %v with a reason containing %q", it, tc.filled, tc.reasonPart)
			}
			if diff := cmp.Diff(tc.fields, it.Fields, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("13(2)(d) fields (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComplaintRoutes(t *testing.T) {
	t.Run("no route, DPO", func(t *testing.T) {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.Complaints = ropa.ComplaintRoute{}
		n := mustGenerate(t, reg, lawDay)
		if !strings.Contains(flat(n.Text()), "To complain, contact our data protection officer by email at dpo@acme.example.") {
			t.Error("no referral to the DPO")
		}
		if it, _ := coverage(n, "13(2)(ca)"); it.Filled || !strings.Contains(it.Reason, "no complaint route") {
			t.Errorf("13(2)(ca) = %+v", it)
		}
	})
	t.Run("no route, no DPO", func(t *testing.T) {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.Complaints, reg.DPO = ropa.ComplaintRoute{}, ropa.Contact{}
		n := mustGenerate(t, reg, lawDay)
		if strings.Contains(flat(readerText(n)), "data protection officer") {
			t.Error("the notice refers to a DPO the register does not have")
		}
		if it, _ := coverage(n, "13(1)(b)"); !it.Filled || it.Reason != "no DPO designated" {
			t.Errorf("13(1)(b) = %+v", it)
		}
	})
	t.Run("Contact and Authority override", func(t *testing.T) {
		reg := small(lawfulbasis.EU, lawfulbasis.Contract)
		n := mustGenerate(t, reg, lawDay, Contact(Routes{RequestsURL: "https://acme.example/rights", ComplaintsPhone: "01 234"}), Authority(Regulator{Name: "Data Protection Commission", Website: "https://www.dataprotection.ie"}))
		text := flat(n.Text())
		for _, s := range []string{"email dpo@acme.example or go to https://acme.example/rights", "The supervisory authority responsible for us is the Data Protection Commission.",
			"https://www.dataprotection.ie"} {
			if !strings.Contains(strings.Join(strings.Fields(text), " "), s) {
				t.Errorf("text lacks %q", s)
			}
		}
		n = mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.Contract), lawDay, Authority(Regulator{Name: "Information Commission"}))
		if !strings.Contains(flat(n.Text()), "complain to the Information Commission under section 165") || strings.Contains(flat(n.Text()), "Commissioner's") {
			t.Error("Authority does not replace the UK regulator")
		}
	})
}

func TestCoverageFull(t *testing.T) {
	for _, r := range lawfulbasis.Regimes() {
		for _, at := range []time.Time{day(2026, time.November, 23), day(2025, time.January, 1)} {
			t.Run(fmt.Sprintf("%v %s", r, at.Format(time.DateOnly)), func(t *testing.T) {
				reg := full(r)
				if r == lawfulbasis.UK && at.Before(lawfulbasis.DUAACommencement) {
					// The protection test is a DUAA requirement; the IDTA
					// existed before.
					reg.Activities[0].Transfers[0].ProtectionTest = ""
				}
				n := mustGenerate(t, reg, at)
				for _, it := range n.Coverage() {
					if !it.Filled {
						t.Errorf("%s (%s) not filled: %s", it.Article, it.Requirement, it.Reason)
					}
					if len(it.Fields) == 0 && it.Article != "13(2)(d)" {
						t.Errorf("%s filled from no field", it.Article)
					}
				}
				want := []string{"13(1)(a)", "13(1)(b)", "13(1)(c)", "13(1)(d)", "13(1)(e)", "13(1)(f)",
					"13(2)(a)", "13(2)(b)", "13(2)(c)", "13(2)(d)", "13(2)(e)", "13(2)(f)", "14(1)(d)", "14(2)(f)"}
				if r == lawfulbasis.UK && !at.Before(lawfulbasis.ComplaintsCommencement) {
					want = slices.Insert(want, 9, "13(2)(ca)")
					want = append(want, "14(2)(da)")
				}
				var got []string
				for _, it := range n.Coverage() {
					got = append(got, it.Article)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("coverage items (-want +got):\n%s", diff)
				}
			})
		}
	}
}

func TestCoverageFields(t *testing.T) {
	n := mustGenerate(t, full(lawfulbasis.UK), lawDay)
	it, _ := coverage(n, "13(1)(a)")
	want := []string{"controller.name", "controller.address", "controller.email", "controller.phone", "controller.website",
		"representative.name", "representative.email"}
	if diff := cmp.Diff(want, it.Fields); diff != "" {
		t.Errorf("13(1)(a) fields (-want +got):\n%s", diff)
	}
	it, _ = coverage(n, "13(1)(c)")
	if !slices.Contains(it.Fields, "activities[].purposes[].basis") {
		t.Errorf("13(1)(c) fields %q lack the basis", it.Fields)
	}
	// Coverage returns a copy.
	c := n.Coverage()
	c[0].Fields[0] = "changed"
	if n.Coverage()[0].Fields[0] == "changed" {
		t.Error("Coverage shares its slices")
	}
}

// TestNotApplicable checks the items a notice reports as not applicable,
// and that an item is not applicable only where the register says so: a
// register that states nothing about transfers or other sources leaves
// those items missing rather than not applicable.
func TestNotApplicable(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities[0].None = []ropa.None{{Fact: ropa.FactTransfers}, {Fact: ropa.FactOtherSources}}
	n := mustGenerate(t, reg, lawDay)
	for art, reason := range map[string]string{
		"13(1)(d)": "not applicable: no purpose relies on legitimate interests",
		"13(2)(c)": "not applicable: no purpose is recorded as relying on consent",
		"14(1)(d)": notIndirect,
		"14(2)(f)": notIndirect,
	} {
		if it, _ := coverage(n, art); !it.Filled || it.Reason != reason {
			t.Errorf("%s = %+v, want filled with reason %q", art, it, reason)
		}
	}
	if it, _ := coverage(n, "13(1)(f)"); !it.Filled || !slices.Equal(it.Fields, []string{"activities[].none"}) {
		t.Errorf("13(1)(f) = %+v, want filled by the statement of none", it)
	}

	n = mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.Contract), lawDay)
	for art, reason := range map[string]string{
		"13(1)(f)": `activity "hr" records neither transfers outside the UK nor that there are none (none: [transfers])`,
		"14(1)(d)": `activity "hr" records neither sources other than the people themselves nor that there are none (none: [other-sources])`,
		"14(2)(f)": `activity "hr" records neither sources other than the people themselves nor that there are none (none: [other-sources])`,
	} {
		if it, _ := coverage(n, art); it.Filled || it.Reason != reason {
			t.Errorf("not recorded: %s = %+v, want missing with reason %q", art, it, reason)
		}
	}
}

func TestPrivacyShield(t *testing.T) {
	for _, r := range lawfulbasis.Regimes() {
		t.Run(r.String(), func(t *testing.T) {
			reg := small(r, lawfulbasis.Consent)
			reg.Activities[0].Transfers = []ropa.Transfer{{Country: "US", Recipient: "MailChimp", Mechanism: lawfulbasis.PrivacyShield, Certified: true}}
			n := mustGenerate(t, reg, day(2026, time.November, 23))
			it, _ := coverage(n, "13(1)(f)")
			if it.Filled || !strings.Contains(it.Reason, "Privacy Shield") || !strings.Contains(it.Reason, "16 July 2020") {
				t.Errorf("13(1)(f) = %+v", it)
			}
			s := section(n, map[lawfulbasis.Regime]string{lawfulbasis.UK: "Sending your information outside the UK",
				lawfulbasis.EU: "Sending your information outside the European Economic Area"}[r])
			if got, want := items(s), []string{"We send your information to MailChimp in the United States."}; !slices.Equal(got, want) {
				t.Errorf("transfer items = %q, want %q", got, want)
			}
			text := strings.ToLower(flat(readerText(n)))
			for _, s := range []string{"privacy shield", "safeguard", "approved", "adequa", "certified", "protect it"} {
				if strings.Contains(text, s) {
					t.Errorf("text says %q about a Privacy Shield transfer", s)
				}
			}
		})
	}
	t.Run("before 16 July 2020", func(t *testing.T) {
		reg := small(lawfulbasis.EU, lawfulbasis.Consent)
		reg.Activities[0].Transfers = []ropa.Transfer{{Country: "US", Recipient: "MailChimp", Mechanism: lawfulbasis.PrivacyShield, Certified: true}}
		n := mustGenerate(t, reg, day(2019, time.March, 1))
		if it, _ := coverage(n, "13(1)(f)"); !it.Filled {
			t.Errorf("13(1)(f) not filled in 2019: %s", it.Reason)
		}
		if !strings.Contains(flat(n.Text()), "adequacy decision") {
			t.Error("no adequacy decision stated in 2019")
		}
	})
}

func TestTransfers(t *testing.T) {
	for _, tc := range []struct {
		name   string
		regime lawfulbasis.Regime
		at     time.Time
		tr     ropa.Transfer
		want   string
		filled bool
	}{
		{"UK IDTA to India after DUAA", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "IN", Recipient: "Payroll Co", Mechanism: lawfulbasis.IDTA, ProtectionTest: "TRA-1"},
			"We send your information to Payroll Co in India. There are no regulations under Article 45A approving transfers to India. The safeguards we rely on: We use the International Data Transfer Agreement issued by the UK regulator.", true},
		{"UK IDTA to India before DUAA", lawfulbasis.UK, day(2025, time.January, 1),
			ropa.Transfer{Country: "IN", Recipient: "Payroll Co", Mechanism: lawfulbasis.IDTA},
			"We send your information to Payroll Co in India. There are no adequacy regulations for India. We rely on appropriate safeguards: We use the International Data Transfer Agreement issued by the UK regulator.", true},
		{"UK Japan", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "JP", Mechanism: lawfulbasis.Adequacy},
			"We send your information to Japan. Transfers to Japan are approved by regulations under Article 45A of the UK GDPR.", true},
		{"UK US certified", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "US", Recipient: "Cloud Inc", Mechanism: lawfulbasis.DataPrivacyFramework, Certified: true},
			"We send your information to Cloud Inc in the United States. Transfers to the United States are approved by regulations under Article 45A of the UK GDPR. Cloud Inc is certified under the Data Privacy Framework.", true},
		{"UK US not certified", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "US", Recipient: "Cloud Inc", Mechanism: lawfulbasis.DataPrivacyFramework},
			"We send your information to Cloud Inc in the United States.", false},
		{"UK no mechanism", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "US", Recipient: "MailChimp"},
			"We send your information to MailChimp in the United States.", false},
		{"UK to Ireland", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "IE", Recipient: "Host Ltd"},
			"We send your information to Host Ltd in Ireland. Transfers to Ireland are approved by regulations under Article 45A of the UK GDPR.", true},
		{"EU SCC to India", lawfulbasis.EU, day(2026, time.November, 23),
			ropa.Transfer{Country: "IN", Mechanism: lawfulbasis.SCC, Safeguards: "Encryption at rest"},
			"We send your information to India. There is no adequacy decision for India. We rely on appropriate safeguards: We use the standard contract clauses approved for transfers. We also protect it by: encryption at rest.", true},
		{"EU derogation", lawfulbasis.EU, day(2026, time.November, 23),
			ropa.Transfer{Country: "IN", Mechanism: lawfulbasis.DerogationConsent},
			"We send your information to India. There is no adequacy decision for India. The law allows this transfer because: You have given your explicit consent to the transfer, after being told of the risks.", true},
		{"EU to Germany", lawfulbasis.EU, day(2026, time.November, 23),
			ropa.Transfer{Country: "DE"},
			"We send your information to Germany. Germany is in the European Economic Area, so no extra protection is needed.", true},
		{"EU SCC under the UK regime", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "IN", Mechanism: lawfulbasis.SCC},
			"We send your information to India.", false},
		// ZZ: a country the register does not know (ISO 3166-1
		// user-assigned). The notice says only that the data leave.
		{"UK unknown country", lawfulbasis.UK, day(2026, time.November, 23),
			ropa.Transfer{Country: "ZZ", Safeguards: "We comply with data protection law"},
			"We send your information outside the UK.", false},
		{"EU unknown country, recipient", lawfulbasis.EU, day(2026, time.November, 23),
			ropa.Transfer{Country: "ZZ", Recipient: "Payroll Ltd", Mechanism: lawfulbasis.SCC},
			"We send your information to Payroll Ltd, outside the European Economic Area.", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			reg := small(tc.regime, lawfulbasis.Contract)
			reg.Activities[0].Transfers = []ropa.Transfer{tc.tr}
			n := mustGenerate(t, reg, tc.at)
			var got []string
			for _, s := range n.Sections {
				if strings.HasPrefix(s.Heading, "Sending your information") {
					got = items(&s)
				}
			}
			if !slices.Equal(got, []string{tc.want}) {
				t.Errorf("transfer = %q\nwant      %q", got, tc.want)
			}
			if it, _ := coverage(n, "13(1)(f)"); it.Filled != tc.filled {
				t.Errorf("13(1)(f) filled = %v, want %v (%s)", it.Filled, tc.filled, it.Reason)
			}
		})
	}
}

func TestAutomated(t *testing.T) {
	t.Run("none", func(t *testing.T) {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.Activities[0].None = []ropa.None{{Fact: ropa.FactAutomated}}
		n := mustGenerate(t, reg, lawDay)
		if !strings.Contains(flat(n.Text()), "We make no decisions about you by computer alone.") {
			t.Error("no statement about automated decisions")
		}
		if slices.Contains(rightTitles(n), rights.AutomatedDecisions.Title()) {
			t.Error("automated decision right listed without such decisions")
		}
		if it, _ := coverage(n, "13(2)(f)"); !it.Filled || !slices.Equal(it.Fields, []string{"activities[].none"}) {
			t.Errorf("13(2)(f) = %+v, want filled by the statement of none", it)
		}
	})
	t.Run("not recorded", func(t *testing.T) {
		n := mustGenerate(t, small(lawfulbasis.UK, lawfulbasis.Contract), lawDay)
		if strings.Contains(flat(readerText(n)), "automated") || section(n, "Automated decisions") != nil {
			t.Error("the notice speaks of automated decisions the register says nothing about")
		}
		if it, _ := coverage(n, "13(2)(f)"); it.Filled || !strings.Contains(it.Reason, "none: [automated-decisions]") {
			t.Errorf("13(2)(f) = %+v, want missing", it)
		}
	})
	t.Run("some safeguards", func(t *testing.T) {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.Activities[0].Automated = []ropa.Decision{{Solely: true, Significant: true, Logic: "A score", Consequences: "No offer",
			Safeguards: []ropa.DecisionSafeguard{ropa.Information, ropa.HumanIntervention}}}
		n := mustGenerate(t, reg, lawDay)
		text := flat(n.Text())
		if strings.Contains(text, "We do not make decisions") {
			t.Error("says no automated decisions")
		}
		got := items(section(n, "Automated decisions"))
		want := []string{"We will tell you about any such decision.", "You can ask for a person to step in and look at the decision again."}
		if !slices.Equal(got, want) {
			t.Errorf("safeguards = %q, want %q", got, want)
		}
		if it, _ := coverage(n, "13(2)(f)"); it.Filled || !strings.Contains(it.Reason, `"representations"`) || !strings.Contains(it.Reason, `"contest"`) {
			t.Errorf("13(2)(f) = %+v", it)
		}
		if !slices.Contains(rightTitles(n), rights.AutomatedDecisions.Title()) {
			t.Error("automated decision right not listed")
		}
	})
	t.Run("solely, not significant", func(t *testing.T) {
		reg := small(lawfulbasis.UK, lawfulbasis.Contract)
		reg.Activities[0].Automated = []ropa.Decision{{Solely: true}}
		n := mustGenerate(t, reg, lawDay)
		if !strings.Contains(flat(n.Text()), "none of them has a legal or similarly significant effect") {
			t.Error("no statement about non-significant decisions")
		}
	})
}

func TestEscaping(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Consent)
	a := &reg.Activities[0]
	a.Purposes[0].Description = "<script>alert(1)</script>"
	a.Recipients = append(a.Recipients, ropa.Recipient{Name: `*Bold* & [link](javascript:alert(1)) <img src=x onerror=alert(1)> "q" 'a'`, Kind: ropa.ThirdParty})
	reg.Controller.Name = "# A | B_c_ &amp; Co"
	n := mustGenerate(t, reg, lawDay)

	h := n.HTML()
	for _, bad := range []string{"<script", "<img", "javascript:alert(1)\">", `"q"`} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;", "&amp;amp; Co", "&#34;q&#34;"} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if p := n.Page(); strings.Contains(p, "<script") || !strings.Contains(p, "<title># A | B_c_ &amp;amp; Co privacy notice</title>") {
		t.Errorf("page title or body not escaped")
	}

	md := n.Markdown()
	for _, want := range []string{`\<script\>alert(1)\</script\>`, `\*Bold\* & \[link\](javascript:alert(1)) \<img`, `# \# A \| B_c\_ \&amp; Co privacy notice`} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
	for i := range len(md) {
		quote := md[i] == '>' && i > 0 && md[i-1] == '\n' // the draft banner's block quote
		if (md[i] == '<' || md[i] == '>') && !quote && (i == 0 || md[i-1] != '\\') {
			t.Errorf("Markdown has an unescaped %q at %d: %q", md[i], i, md[max(0, i-20):min(len(md), i+20)])
		}
	}

	text := flat(n.Text())
	for _, want := range []string{"<script>alert(1)</script>", `*Bold* & [link](javascript:alert(1)) <img src=x onerror=alert(1)> "q" 'a'`} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("text lacks %q verbatim", want)
		}
	}
}

func TestLinks(t *testing.T) {
	got := string(appendInline([]byte("<p>"), `Email a.b@x.example, see https://x.example/p?q=1&r=2. Or "javascript:alert(1)" <b>`))
	want := `<p>Email <a href="mailto:a.b@x.example">a.b@x.example</a>, see <a href="https://x.example/p?q=1&amp;r=2">https://x.example/p?q=1&amp;r=2</a>. Or &#34;javascript:alert(1)&#34; &lt;b&gt;`
	if got != want {
		t.Errorf("appendInline =\n%s\nwant\n%s", got, want)
	}
}

func TestDeterministic(t *testing.T) {
	names, regs := seedRegisters(t)
	for _, name := range names {
		first := mustGenerate(t, regs[name], lawDay)
		want := [4]string{first.Markdown(), first.Text(), first.HTML(), first.Page()}
		for range 20 {
			n := mustGenerate(t, regs[name], lawDay)
			if got := [4]string{n.Markdown(), n.Text(), n.HTML(), n.Page()}; got != want {
				t.Fatalf("%s: output differs between runs", name)
			}
		}
		// The audience's order does not matter.
		all := first.Audience
		rev := slices.Clone(all)
		slices.Reverse(rev)
		n := mustGenerate(t, regs[name], lawDay, Audience(rev...))
		if n.Markdown() != want[0] {
			t.Errorf("%s: reversed audience gives another notice", name)
		}
	}
}

func TestYoung(t *testing.T) {
	_, regs := seedRegisters(t)
	reg := regs["careers-and-enterprise"]
	// The young variant of "we do not ..." where the register states it.
	for i := range reg.Activities {
		if a := &reg.Activities[i]; a.Has(ropa.YoungPeople) && a.Status(ropa.FactAutomated, ropa.YoungPeople) == ropa.NotRecorded {
			a.None = append(a.None, ropa.None{Fact: ropa.FactAutomated, Subjects: []ropa.Subject{ropa.YoungPeople}})
		}
	}
	n := mustGenerate(t, reg, lawDay, Audience(ropa.YoungPeople))
	if !n.Young {
		t.Fatal("notice for young people is not Young")
	}
	text := flat(n.Text())
	for _, want := range []string{
		"How The Careers and Enterprise Company Limited uses information about young people",
		"How we use your information",
		"You can ask us for a copy of the information we have about you.",
		"We do not let a computer make decisions about you on its own.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("young notice lacks %q", want)
		}
	}
	for _, adultText := range []string{adult.adNone, rights.Access.Plain(), adult.controllerIntro[3:]} {
		if strings.Contains(text, adultText) {
			t.Errorf("young notice uses the adult text %q", adultText)
		}
	}
	// Register texts are used as written.
	if !strings.Contains(norm(text), norm("To safeguard young people involved in CEC programmes and events")) {
		t.Error("young notice drops a purpose")
	}
	// A mixed audience is not young.
	if n := mustGenerate(t, reg, lawDay, Audience(ropa.YoungPeople, ropa.Employees)); n.Young {
		t.Error("mixed audience is Young")
	}
	// Young notices read more easily than adult ones for the same register.
	adultN := mustGenerate(t, reg, lawDay, Audience(ropa.Employees))
	t.Logf("Flesch: young %.1f, employees %.1f", n.Readability(), adultN.Readability())
}

func TestAudienceErrors(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	for _, tc := range []struct {
		name string
		reg  *ropa.Register
		opts []Option
		want error
	}{
		{"nil register", nil, nil, ErrNoRegister},
		{"no regime", &ropa.Register{Activities: reg.Activities}, nil, ErrRegime},
		{"unknown group", reg, []Option{Audience(ropa.JobApplicants)}, ErrAudience},
		{"empty audience", reg, []Option{Audience()}, ErrAudience},
		{"no data subjects", &ropa.Register{Jurisdiction: lawfulbasis.UK}, nil, ErrAudience},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Generate(tc.reg, lawDay, tc.opts...)
			if !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestAudienceOrder(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities[0].DataSubjects = []ropa.Subject{"custom: Alumni", ropa.Volunteers, ropa.JobApplicants, "custom: Board observers", ropa.Employees}
	n := mustGenerate(t, reg, lawDay)
	want := []ropa.Subject{ropa.JobApplicants, ropa.Employees, ropa.Volunteers, "custom: Alumni", "custom: Board observers"}
	if diff := cmp.Diff(want, n.Audience); diff != "" {
		t.Errorf("audience (-want +got):\n%s", diff)
	}
	var headings []string
	for _, s := range n.Sections {
		if strings.HasPrefix(s.Heading, "Information about") {
			headings = append(headings, s.Heading)
		}
	}
	// The groups' sections read the same: one section names them all, in
	// the audience's order.
	wantH := []string{"Information about job applicants, employees, volunteers, alumni and board observers"}
	if diff := cmp.Diff(wantH, headings); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
	n = mustGenerate(t, reg, lawDay, Audience(ropa.Employees))
	if n.Title != "Acme Ltd privacy notice for employees" {
		t.Errorf("title = %q", n.Title)
	}
	if n.Lang != "en-GB" || n.Regime != lawfulbasis.UK || !n.AsOf.Equal(lawfulbasis.LawAsOf) {
		t.Errorf("Lang, Regime, AsOf = %q, %v, %v", n.Lang, n.Regime, n.AsOf)
	}
}

// TestStatesRegister checks, for each seed register, that the notice for
// the whole organisation states every purpose, every data category's plain
// name, every recipient and every retention rule (its sentence and its
// schedule) the register records. With the seed registers faithful to the
// seed notices, the rebuilt notice states what the seed notice states.
func TestStatesRegister(t *testing.T) {
	names, regs := seedRegisters(t)
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			reg := regs[name]
			n := mustGenerate(t, reg, lawDay)
			text := norm(n.Text())
			has := func(what, s string) {
				t.Helper()
				if s = norm(s); s != "" && !strings.Contains(text, s) {
					t.Errorf("%s not stated: %q", what, s)
				}
			}
			for _, a := range reg.Activities {
				for _, p := range a.Purposes {
					has("purpose", p.Description)
					if p.Basis.Valid() {
						has("basis", p.Basis.Title())
					}
					if p.Basis == lawfulbasis.LegitimateInterests {
						has("interest", p.Interest)
					}
				}
				for _, c := range a.DataCategories {
					has("category", categoryPlain(c.Category))
				}
				for _, r := range a.Recipients {
					has("recipient", r.Name)
				}
				for _, s := range a.Sources {
					if s.Kind.Indirect() {
						has("source", s.Name)
					}
				}
				for _, r := range a.Retention {
					// The rule's sentence, unless the schedule states
					// its periods itself (TestRetentionSaidOnce).
					if !statesPeriods(clean(r.Schedule), r.Rule) {
						has("retention rule", r.Rule.Sentence())
					}
					has("retention schedule", r.Schedule)
				}
				for _, tr := range a.Transfers {
					has("transfer", tr.Recipient)
					if tr.Country == unknownCountry {
						has("transfer", "outside the UK")
					} else {
						has("transfer", countryName(tr.Country))
					}
				}
			}
			has("controller", reg.Controller.Name)
			has("DPO", reg.DPO.Name)
			has("DPO", reg.DPO.Email)
		})
	}
}

// TestRenderingsAgree checks that Markdown, Text and HTML carry the same
// headings, paragraphs, list items and table cells, in order.
func TestRenderingsAgree(t *testing.T) {
	names, regs := seedRegisters(t)
	var notices []*Notice
	for _, name := range names {
		notices = append(notices, mustGenerate(t, regs[name], lawDay))
	}
	notices = append(notices, mustGenerate(t, full(lawfulbasis.UK), lawDay), mustGenerate(t, full(lawfulbasis.EU), lawDay))
	// parts lists the content in order; text writes each cell after its
	// column's heading.
	parts := func(n *Notice, text bool) []string {
		out := []string{n.Title}
		for _, s := range n.Sections {
			out = append(out, s.Heading)
			for _, b := range s.Blocks {
				switch b := b.(type) {
				case Paragraph:
					out = append(out, b.Text)
				case List:
					out = append(out, b.Items...)
				case Table:
					out = append(out, b.Caption)
					if !text {
						out = append(out, b.Header...)
					}
					for _, r := range b.Rows {
						for j, c := range r {
							if text {
								out = append(out, b.Header[j])
							}
							out = append(out, c)
						}
					}
				}
			}
		}
		return out
	}
	for _, n := range notices {
		for _, f := range []struct {
			format string
			out    string
		}{
			{"markdown", norm(mdText(n.Markdown()))},
			{"text", norm(n.Text())},
			{"html", norm(htmlText(n.HTML()))},
			{"page", norm(htmlText(n.Page()))},
		} {
			format, out := f.format, f.out
			pos := 0
			for _, p := range parts(n, format == "text") {
				i := strings.Index(out[pos:], norm(p))
				if i < 0 {
					t.Errorf("%s: %s lacks (after position %d) %q", n.Title, format, pos, p)
					break
				}
				pos += i + len(norm(p))
			}
		}
	}
}

func TestTextWrap(t *testing.T) {
	names, regs := seedRegisters(t)
	for _, name := range names {
		n := mustGenerate(t, regs[name], lawDay)
		for i, line := range strings.Split(n.Text(), "\n") {
			if w := len([]rune(line)); w > Width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("%s line %d has %d columns: %q", name, i+1, w, line)
			}
		}
	}
}

func TestPage(t *testing.T) {
	n := mustGenerate(t, full(lawfulbasis.UK), lawDay)
	p := n.Page()
	for _, want := range []string{"<!DOCTYPE html>", `<html lang="en-GB">`, `<meta charset="utf-8">`,
		`<meta name="viewport" content="width=device-width, initial-scale=1">`, "<title>Full Careers Ltd privacy notice</title>",
		"<main>", "</main>", `<table aria-labelledby="what-we-use-your-information-for">`, `<th scope="col">`, `<th scope="row">`, "max-width:70ch"} {
		if !strings.Contains(p, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if c := strings.Count(p, "<h1"); c != 1 {
		t.Errorf("page has %d h1 elements", c)
	}
	if strings.Count(p, "<section>") != strings.Count(p, "</section>") {
		t.Error("unbalanced sections")
	}
	if n := mustGenerate(t, full(lawfulbasis.EU), lawDay); !strings.Contains(n.Page(), `<html lang="en">`) {
		t.Error("EU page is not lang=en")
	}
}

func TestRecognisedLegitimateInterests(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.RecognisedLegitimateInterests)
	n := mustGenerate(t, reg, lawDay)
	for _, want := range []string{
		"Recognised legitimate interests. The recognised interest: " + lawfulbasis.Annex1Crime.Plain(),
		"Recognised legitimate interests: " + lowerFirst(adult.bases[lawfulbasis.RecognisedLegitimateInterests]),
	} {
		if !strings.Contains(norm(n.Text()), norm(want)) {
			t.Errorf("RLI notice does not say %q", want)
		}
	}
	// Before 5 February 2026 the basis did not exist: it is not stated.
	n = mustGenerate(t, reg, day(2025, time.June, 1))
	if strings.Contains(flat(n.Text()), "Recognised legitimate interests") {
		t.Error("RLI stated before it existed")
	}
	if it, _ := coverage(n, "13(1)(c)"); it.Filled || !strings.Contains(it.Reason, "recognised legitimate interests") {
		t.Errorf("13(1)(c) = %+v", it)
	}
	// No Annex 1 condition.
	reg.Activities[0].Purposes[0].Annex1 = 0
	n = mustGenerate(t, reg, lawDay)
	if it, _ := coverage(n, "13(1)(c)"); it.Filled || !strings.Contains(it.Reason, "Annex 1") {
		t.Errorf("13(1)(c) = %+v", it)
	}
}

// When a reply to a request is due: under the UK regime from 5 February
// 2026, UK GDPR Art 12A (one month from the latest of the request, the
// identity information asked for and any fee; two more months by notice
// within the first; the clock stopped for clarifying an access request);
// before then, and under the EU regime, Art 12(3).
func TestRequestDeadline(t *testing.T) {
	// The wording is the phrase catalogue's; what it must say is checked
	// here: the three dates the month may start from under Art 12A(3),
	// the two more months, and the pause for clarifying a request for a
	// copy (Art 12A(5)).
	for _, want := range []string{"within one month of getting your request", "proof of who you are", "fee", "the month starts when we get it"} {
		if !strings.Contains(adult.replyUK, want) {
			t.Errorf("replyUK %q lacks %q", adult.replyUK, want)
		}
	}
	if !strings.Contains(adult.extend, "two more months") || !strings.Contains(adult.pauseUK, "pauses") {
		t.Errorf("extend %q or pauseUK %q lacks its rule", adult.extend, adult.pauseUK)
	}
	ukNew := []string{adult.replyUK, adult.extend, adult.pauseUK}
	old := []string{adult.replyEU, adult.extend}
	for _, tt := range []struct {
		name   string
		regime lawfulbasis.Regime
		at     time.Time
		want   []string
	}{
		{"UK from 5 February 2026", lawfulbasis.UK, day(2026, time.February, 5), ukNew},
		{"UK the day before", lawfulbasis.UK, day(2026, time.February, 4), old},
		{"EU", lawfulbasis.EU, day(2026, time.November, 23), old},
	} {
		t.Run(tt.name, func(t *testing.T) {
			text := flat(mustGenerate(t, small(tt.regime, lawfulbasis.Contract), tt.at).Text())
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("text lacks %q", w)
				}
			}
			if len(tt.want) == 2 && (strings.Contains(text, "who you are") || strings.Contains(text, "fee")) {
				t.Error("Art 12A's start of the clock stated where Art 12(3) applies")
			}
		})
	}
}

// How to use the rights names a way to: the routes for requests, else the
// DPO's, else the organisation's; with none, nothing is said and 13(2)(b)
// is missing.
func TestRightsRoute(t *testing.T) {
	for _, tt := range []struct {
		name string
		dpo  ropa.Contact
		org  ropa.Organisation
		want string // "" for no sentence
	}{
		{"DPO email", ropa.Contact{Name: "Dee", Email: "dpo@acme.example"}, ropa.Organisation{Name: "Acme"},
			"To use any of these rights, email dpo@acme.example."},
		{"DPO phone", ropa.Contact{Name: "Dee", Phone: "0113 496 0000"}, ropa.Organisation{Name: "Acme", Email: "info@acme.example"},
			"To use any of these rights, email info@acme.example."},
		{"DPO post only", ropa.Contact{Name: "Dee", Address: "1 High Street"}, ropa.Organisation{Name: "Acme"},
			"To use any of these rights, contact our data protection officer by post at 1 High Street."},
		{"organisation's website", ropa.Contact{}, ropa.Organisation{Name: "Acme", Website: "https://acme.example"},
			"To use any of these rights, contact us through our website at https://acme.example."},
		{"no way", ropa.Contact{Name: "Dee"}, ropa.Organisation{Name: "Acme"}, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			reg := small(lawfulbasis.UK, lawfulbasis.Contract)
			reg.DPO, reg.Controller = tt.dpo, tt.org
			n := mustGenerate(t, reg, lawDay)
			text := flat(readerText(n))
			if tt.want != "" && !strings.Contains(text, tt.want) {
				t.Errorf("text lacks %q", tt.want)
			}
			if strings.Contains(text, "contact us.") || strings.Contains(text, "data protection officer.") {
				t.Errorf("a route with no way to use it:\n%s", text)
			}
			it, _ := coverage(n, "13(2)(b)")
			if noWay := strings.Contains(it.Reason, "no way to make a request"); noWay != (tt.want == "") {
				t.Errorf("13(2)(b) = %+v", it)
			}
		})
	}
}

func TestRetentionPerActivity(t *testing.T) {
	reg := small(lawfulbasis.UK, lawfulbasis.Contract)
	reg.Activities = append(reg.Activities, ropa.Activity{
		ID: "benefits", Name: "Benefits", DataSubjects: []ropa.Subject{ropa.Employees},
		Purposes:       []ropa.Purpose{{Description: "Run the pension scheme", Basis: lawfulbasis.LegalObligation}},
		DataCategories: ropa.Cats(ropa.Identifiers, ropa.PayAndBenefits),
		Retention:      []ropa.Retention{{Categories: []ropa.Category{ropa.PayAndBenefits}, Schedule: "Until the pension is paid out"}},
	})
	n := mustGenerate(t, reg, lawDay)
	var rows [][]string
	for _, b := range section(n, "How long we keep your information").Blocks {
		rows = append(rows, b.(Table).Rows...)
	}
	want := [][]string{
		{"Your name and other identifiers", "Human resources: It is kept for 6 years from the date your employment ends, then deleted."},
		{"Your contact details", "It is kept for 6 years from the date your employment ends, then deleted."},
		{"Your pay and benefits", "Until the pension is paid out."},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("retention rows (-want +got):\n%s", diff)
	}
	if it, _ := coverage(n, "13(2)(a)"); it.Filled || it.Reason != `activity "benefits" has no retention period for: Personal identifiers` {
		t.Errorf("13(2)(a) = %+v", it)
	}
}

func TestWords(t *testing.T) {
	for in, want := range map[string]string{"NHS staff": "NHS staff", "People who": "people who", "I am": "I am", "CEC's data": "CEC's data", "": ""} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"a  b\n c": "a b c", " a": "a", "a ": "a", "ab": "ab", "a\u00a0b": "a b", "": ""} {
		if got := clean(in); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got := countryName("EPO"); got != "the European Patent Organisation" {
		t.Errorf("countryName(EPO) = %q", got)
	}
	if got := countryName("XQ"); got != "XQ" {
		t.Errorf("countryName(XQ) = %q", got)
	}
}

func TestMarkdownEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":       "plain text",
		"- item":           `\- item`,
		"1. first":         `1\. first`,
		"a_b_c snake_":     `a_b_c snake\_`,
		"AT&T &amp; &#39;": `AT&T \&amp; \&#39;`,
		"x | y":            `x \| y`,
		"# heading":        `\# heading`,
		"2 Quarry Hill.":   "2 Quarry Hill.",
	} {
		if got := mdEscape(in); got != want {
			t.Errorf("mdEscape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWrap(t *testing.T) {
	long := strings.Repeat("x", 90)
	for _, tc := range []struct{ in, first, rest, want string }{
		{"", "  - ", "    ", "  -\n"},
		{"short text", "", "", "short text\n"},
		{"a  b\n\tc\u00a0 d ", "", "", "a b c d\n"},
		{strings.Repeat("word ", 20), "", "", strings.TrimSpace(strings.Repeat("word ", 15)) + "\n" + strings.TrimSpace(strings.Repeat("word ", 5)) + "\n"},
		{"see " + long + " now", "", "  ", "see\n  " + long + "\n  now\n"},
		{long + "\nnext", "", "", long + "\nnext\n"},
		{"héllo wörld " + strings.Repeat("é", 70), "", "", "héllo wörld\n" + strings.Repeat("é", 70) + "\n"},
	} {
		got := string(appendWrapped(nil, tc.in, tc.first, tc.rest))
		if got != tc.want {
			t.Errorf("appendWrapped(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
		for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n") {
			if len([]rune(line)) > Width && strings.Contains(strings.TrimSpace(line), " ") {
				t.Errorf("line over %d columns: %q", Width, line)
			}
		}
	}
}

// TestHandBuilt renders a notice built by hand, with white space and
// markup in its texts that Generate never produces.
func TestHandBuilt(t *testing.T) {
	n := &Notice{Title: "T", Sections: []Section{{Heading: "H\n# not a heading", Level: 2, Blocks: []Block{
		Paragraph{Text: "one\n\n- two\n    three"},
		List{Items: []string{"  1. item"}},
		Table{Header: []string{"A"}, Rows: [][]string{{"x | y\nz"}}},
	}}}}
	md := n.Markdown()
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "# not") || strings.HasPrefix(line, "- two") || strings.HasPrefix(line, "    three") {
			t.Errorf("Markdown line %q changes the structure:\n%s", line, md)
		}
	}
	for _, want := range []string{"## H # not a heading", "one - two three", "- 1\\. item", "| x \\| y z |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	if text := n.Text(); !strings.Contains(text, "one - two three") {
		t.Errorf("text does not collapse white space:\n%s", text)
	}
	if !strings.Contains(n.Page(), `<html lang="en">`) {
		t.Error("no default language")
	}
}

// TestSeedCoverage logs, for each seed register's notice for the whole
// organisation, the items of Articles 13 and 14 it cannot fill, and checks
// the defects the registers record: Healthwatch's Privacy Shield transfer,
// purposes without a basis in every seed, and no retention at CEC.
func TestSeedCoverage(t *testing.T) {
	names, regs := seedRegisters(t)
	missing := map[string][]string{}
	for _, name := range names {
		n := mustGenerate(t, regs[name], lawDay)
		for _, it := range n.Coverage() {
			if !it.Filled {
				missing[name] = append(missing[name], it.Article)
				reason := it.Reason
				if len(reason) > 160 {
					reason = reason[:160] + "..."
				}
				t.Logf("%-30s %-9s %s", name, it.Article, reason)
			}
		}
	}
	for name, arts := range map[string][]string{
		"healthwatch-hertfordshire":     {"13(1)(c)", "13(1)(f)"},
		"careers-and-enterprise":        {"13(1)(c)", "13(2)(a)"},
		"health-careers":                {"13(1)(c)", "13(1)(f)", "13(2)(ca)"},
		"durham-university-recruitment": {"13(1)(a)", "13(1)(b)", "13(1)(c)", "13(2)(ca)"},
		"harris-careers":                {"13(1)(a)", "13(1)(c)", "13(2)(a)", "13(2)(ca)"},
	} {
		for _, art := range arts {
			if !slices.Contains(missing[name], art) {
				t.Errorf("%s: %s reported filled", name, art)
			}
		}
	}
}
