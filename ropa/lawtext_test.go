package ropa

import (
	"testing"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// TestOutdated holds the repealed-law heuristics to realistic sentences,
// both ways: each case gives a text, the regime and date it is read under,
// and how many outdated references it holds.
func TestOutdated(t *testing.T) {
	now, before2021 := lawToday, ymd(2020, time.December, 31)
	tests := []struct {
		text   string
		regime lawfulbasis.Regime
		at     time.Time
		want   int
	}{
		// Data Protection Act 1998: repealed from 25 May 2018.
		{"We process your data in accordance with the Data Protection Act 1998.", ukr, now, 1},
		{"We comply with the DPA 1998 and the GDPR.", ukr, now, 1},
		{"We comply with the Data Protection Act 1998.", ukr, ymd(2018, time.May, 24), 0},
		{"The Data Protection Act 2018 replaced the Data Protection Act 1998.", ukr, now, 0},
		{"Records made before 2018 under the Data Protection Act 1998 are kept for 6 years.", ukr, now, 0},
		{"We comply with the Data Protection Act 2018.", ukr, now, 0},
		// Directive 95/46/EC: repealed by GDPR Art 94(1).
		{"Transfers follow Directive 95/46/EC.", eur, now, 1},
		{"Standard contractual clauses under Directive 95/46 (Decision 2010/87/EU)", eur, now, 1},
		{"Regulation (EU) 2016/679, which repealed Directive 95/46/EC", eur, now, 0},
		// Bills that became Acts.
		{"The Data Protection Bill gives you new rights.", ukr, now, 1},
		{"The Data Protection Bill gives you new rights.", ukr, ymd(2018, time.May, 22), 0},
		{"Under the Data (Use and Access) Bill you may complain to us.", ukr, now, 1},
		{"Under the Data (Use and Access) Act 2025 you may complain to us.", ukr, now, 0},
		// Privacy Shield: invalid from 16 July 2020.
		{"Mailchimp is certified under the EU-US Privacy Shield.", ukr, now, 1},
		{"Mailchimp is certified under the EU-US Privacy Shield.", ukr, ymd(2020, time.July, 15), 0},
		{"Mailchimp is certified under the Data Privacy Framework, the successor to the Privacy Shield.", ukr, now, 0},
		{"We no longer rely on the Privacy Shield.", eur, now, 0},
		// The EEA and the UK, under the UK regime from 1 January 2021.
		{"We do not transfer your personal data outside the EEA.", ukr, now, 1},
		{"Your data may be stored outside of the European Economic Area (EEA).", ukr, now, 1},
		{"Data held within the EEA can be shared freely and needs no additional safeguards.", ukr, now, 1},
		{"Our suppliers are based in the UK and other EEA countries.", ukr, now, 1},
		{"The EEA, which includes the UK, has common data protection rules.", ukr, now, 1},
		{"We do not transfer your personal data outside the UK.", ukr, now, 0},
		{"We do not transfer your personal data outside the UK or the EEA.", ukr, now, 0},
		{"Our processor stores data in Ireland, which UK adequacy regulations cover.", ukr, now, 0},
		{"Our suppliers are based in the UK and the EEA.", ukr, now, 0},
		{"Until 31 December 2020 the UK was part of the EEA for data protection.", ukr, now, 0},
		{"We do not transfer your personal data outside the EEA.", ukr, before2021, 0},
		{"We do not transfer your personal data outside the EEA.", eur, now, 0},
		{"Our suppliers are based in the UK and other EEA countries.", eur, now, 0},
		// Several kinds in one text count once each.
		{"Under the Data Protection Act 1998 and Directive 95/46/EC. Also the DPA 1998 again.", ukr, now, 2},
		{"", ukr, now, 0},
	}
	for _, tt := range tests {
		got := outdated(tt.text, tt.regime, tt.at)
		if len(got) != tt.want {
			t.Errorf("outdated(%q, %v, %s) = %q, want %d", tt.text, tt.regime, tt.at.Format(time.DateOnly), got, tt.want)
		}
	}
}

// TestRepealedLawPaths: the rule walks every text field of the register,
// nested lists included, and reports each at its path; notes are the
// register's own and are not checked.
func TestRepealedLawPaths(t *testing.T) {
	reg := compliantRegister()
	reg.Controller.Address = "1 Park Row (registered under the Data Protection Act 1998)"
	act0(reg).Purposes[1].Interest = "Fraud prevention, as Directive 95/46/EC recital 30 allows"
	act0(reg).Retention[1].Schedule = "Two years; records are kept outside the EEA"
	reg.ProcessorRecords[0].Transfers = []Transfer{{Country: "US", Safeguards: "Privacy Shield certified"}}
	act0(reg).Notes = "The 2017 notice cited the Data Protection Act 1998."
	var got []string
	for _, f := range Check(reg, lawToday, Only("repealed-law")).Findings {
		got = append(got, f.Path+" "+f.Activity)
	}
	want := []string{
		"activities[0].purposes[1].interest customer-orders",
		"activities[0].retention[1].schedule customer-orders",
		"controller.address ",
		"processorRecords[0].transfers[0].safeguards ",
	}
	if len(got) != len(want) {
		t.Fatalf("findings at %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d at %q, want %q", i, got[i], want[i])
		}
	}
}

// TestMarketingText holds the direct-marketing heuristics to realistic
// purpose descriptions. (A newsletter to staff, pupils or parents is
// tested in TestRules: marketing-unmarked.)
func TestMarketingText(t *testing.T) {
	tests := []struct {
		text             string
		marketing, after bool
	}{
		{"Send you our monthly newsletter", true, false},
		{"To send you marketing emails about our courses", true, false},
		{"Promotional emails about new products", true, false},
		{"To contact you about various things, including for marketing purposes, even if you have unsubscribed from job alerts", true, true},
		{"We will continue to send you offers and marketing after you unsubscribe", true, true},
		{"Marketing, whether or not you have opted out", true, true},
		// A suppression list is kept so as not to market to someone.
		{"Keep a suppression list so that, even after you unsubscribe, you do not get our marketing emails", false, false},
		{"Even if you opt out of marketing, we will still send you service emails about your order", true, false},
		{"After you unsubscribe we delete your email address from the newsletter list", true, false},
		{"Decide on staff promotions", false, false},
		{"Answer questions about orders; we do not use them for marketing", false, false},
		{"Process job applications", false, false},
	}
	for _, tt := range tests {
		if got := readsAsMarketing(tt.text, true); got != tt.marketing {
			t.Errorf("readsAsMarketing(%q) = %v, want %v", tt.text, got, tt.marketing)
		}
		if got := saysAfterOptOut(tt.text); got != tt.after {
			t.Errorf("saysAfterOptOut(%q) = %v, want %v", tt.text, got, tt.after)
		}
	}
}
