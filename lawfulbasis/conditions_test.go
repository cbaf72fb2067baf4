package lawfulbasis

import (
	"strings"
	"testing"
)

func TestAnnex1(t *testing.T) {
	// UK GDPR Annex 1 (DUAA Sch 4): five conditions, paras 1, 2, 3, 5 and 6;
	// paras 4 and 7 define terms. ICO: "five conditions".
	tests := []struct {
		a    Annex1
		cite string
		in   []string
	}{
		{Annex1Disclosure, "UK GDPR Annex 1 para 1", []string{"disclosure-for-public-task", "Annex 1 para 1"}},
		{Annex1Security, "UK GDPR Annex 1 para 2", []string{"national-security", "defence"}},
		{Annex1Emergencies, "UK GDPR Annex 1 para 3", []string{"emergencies", "emergency"}},
		{Annex1Crime, "UK GDPR Annex 1 para 5", []string{"crime", "UK GDPR Annex 1 para 5"}},
		{Annex1Safeguarding, "UK GDPR Annex 1 para 6", []string{"safeguarding", "Safeguarding vulnerable individuals"}},
	}
	if len(Annex1s()) != 5 {
		t.Fatalf("len(Annex1s()) = %d, want 5", len(Annex1s()))
	}
	for _, tt := range tests {
		if got := tt.a.Citation(UK); got != tt.cite {
			t.Errorf("%v.Citation(UK) = %q, want %q", tt.a, got, tt.cite)
		}
		if got := tt.a.Citation(EU); got != "" {
			t.Errorf("%v.Citation(EU) = %q, want none", tt.a, got)
		}
		for _, in := range tt.in {
			if got, err := ParseAnnex1(in); err != nil || got != tt.a {
				t.Errorf("ParseAnnex1(%q) = %v, %v", in, got, err)
			}
		}
		if tt.a.Available(EU, date(2026, 11, 23)) || tt.a.Available(UK, date(2026, 2, 4)) || !tt.a.Available(UK, date(2026, 2, 5)) {
			t.Errorf("%v availability wrong (UK only from 5 February 2026)", tt.a)
		}
		if tt.a.NeedsRequester() != (tt.a == Annex1Disclosure) {
			t.Errorf("%v.NeedsRequester wrong", tt.a)
		}
	}
	if _, err := ParseAnnex1("democratic-engagement"); err == nil {
		t.Error("Annex 1 has no democratic engagement condition (law note section 2.2)")
	}
}

func TestConditionSchedule1(t *testing.T) {
	// DPA 2018 s10(2)-(3): under the UK regime Art 9(2)(b), (h), (i), (j) need
	// a Sch 1 Part 1 condition and (g) a Part 2 condition.
	tests := []struct {
		c     Condition
		point string
		needs bool
		with  Schedule1
	}{
		{ExplicitConsent, "a", false, 0},
		{EmploymentLaw, "b", true, Sch1Employment},
		{VitalInterestsIncapable, "c", false, 0},
		{NotForProfitBody, "d", false, 0},
		{MadePublic, "e", false, 0},
		{LegalClaims, "f", false, 0},
		{SubstantialPublicInterest, "g", true, Sch1EqualityOfOpportunity},
		{HealthOrSocialCare, "h", true, Sch1HealthOrSocialCare},
		{PublicHealth, "i", true, Sch1PublicHealth},
		{ArchivingResearch, "j", true, Sch1Research},
	}
	if len(Conditions()) != 10 {
		t.Fatalf("len(Conditions()) = %d, want 10", len(Conditions()))
	}
	for _, tt := range tests {
		if got, want := tt.c.Citation(UK), "UK GDPR Art 9(2)("+tt.point+")"; got != want {
			t.Errorf("%v.Citation(UK) = %q, want %q", tt.c, got, want)
		}
		if got, want := tt.c.Citation(EU), "GDPR Art 9(2)("+tt.point+")"; got != want {
			t.Errorf("%v.Citation(EU) = %q, want %q", tt.c, got, want)
		}
		if got, err := ParseCondition("Article 9(2)(" + tt.point + ")"); err != nil || got != tt.c {
			t.Errorf("ParseCondition(9(2)(%s)) = %v, %v", tt.point, got, err)
		}
		if got := tt.c.NeedsSchedule1(UK); got != tt.needs {
			t.Errorf("%v.NeedsSchedule1(UK) = %v, want %v", tt.c, got, tt.needs)
		}
		if tt.c.NeedsSchedule1(EU) {
			t.Errorf("%v.NeedsSchedule1(EU) = true; Schedule 1 is UK law", tt.c)
		}
		if tt.with != 0 && !tt.with.Completes(tt.c) {
			t.Errorf("%v does not complete %v", tt.with, tt.c)
		}
		if !strings.HasPrefix(tt.c.DPV(), "https://w3id.org/dpv/legal/eu/gdpr#A9-2-") {
			t.Errorf("%v.DPV() = %q", tt.c, tt.c.DPV())
		}
	}
	if Sch1Employment.Completes(SubstantialPublicInterest) || Sch1Consent.Completes(SubstantialPublicInterest) {
		t.Error("a Part 1 or Part 3 condition completes Art 9(2)(g)")
	}
	if !Sch1Safeguarding.Completes(SubstantialPublicInterest) {
		t.Error("para 18 does not complete Art 9(2)(g)")
	}
}

func TestSchedule1(t *testing.T) {
	// DPA 2018 Sch 1: Part 1 paras 1-4, Part 2 paras 6-28 (para 5 is the APD
	// rule), Part 3 paras 29-37; with the disclosure cases 10(2) and 27(3).
	// APD: para 1(1)(b); para 5(1) for all of Part 2 except 10(2), 13(3) (the
	// whole of para 13) and 27(3); para 35(1)(c); paras 36 and 37 carry Part 2
	// conditions (law note section 12.1).
	tests := []struct {
		s    Schedule1
		cite string
		apd  bool
	}{
		{Sch1Employment, "DPA 2018 Sch 1 Pt 1 para 1", true},
		{Sch1HealthOrSocialCare, "DPA 2018 Sch 1 Pt 1 para 2", false},
		{Sch1PublicHealth, "DPA 2018 Sch 1 Pt 1 para 3", false},
		{Sch1Research, "DPA 2018 Sch 1 Pt 1 para 4", false},
		{Sch1StatutoryPurposes, "DPA 2018 Sch 1 Pt 2 para 6", true},
		{Sch1AdministrationOfJustice, "DPA 2018 Sch 1 Pt 2 para 7", true},
		{Sch1EqualityOfOpportunity, "DPA 2018 Sch 1 Pt 2 para 8", true},
		{Sch1RacialDiversity, "DPA 2018 Sch 1 Pt 2 para 9", true},
		{Sch1PreventingUnlawfulActs, "DPA 2018 Sch 1 Pt 2 para 10", true},
		{Sch1UnlawfulActsDisclosure, "DPA 2018 Sch 1 Pt 2 para 10(2)", false},
		{Sch1ProtectingAgainstDishonesty, "DPA 2018 Sch 1 Pt 2 para 11", true},
		{Sch1RegulatoryRequirements, "DPA 2018 Sch 1 Pt 2 para 12", true},
		{Sch1Journalism, "DPA 2018 Sch 1 Pt 2 para 13", false},
		{Sch1PreventingFraud, "DPA 2018 Sch 1 Pt 2 para 14", true},
		{Sch1TerroristFinancing, "DPA 2018 Sch 1 Pt 2 para 15", true},
		{Sch1DisabilitySupport, "DPA 2018 Sch 1 Pt 2 para 16", true},
		{Sch1Counselling, "DPA 2018 Sch 1 Pt 2 para 17", true},
		{Sch1Safeguarding, "DPA 2018 Sch 1 Pt 2 para 18", true},
		{Sch1EconomicWellBeing, "DPA 2018 Sch 1 Pt 2 para 19", true},
		{Sch1Insurance, "DPA 2018 Sch 1 Pt 2 para 20", true},
		{Sch1OccupationalPensions, "DPA 2018 Sch 1 Pt 2 para 21", true},
		{Sch1PoliticalParties, "DPA 2018 Sch 1 Pt 2 para 22", true},
		{Sch1ElectedRepresentatives, "DPA 2018 Sch 1 Pt 2 para 23", true},
		{Sch1DisclosureToRepresentatives, "DPA 2018 Sch 1 Pt 2 para 24", true},
		{Sch1PrisonerInformation, "DPA 2018 Sch 1 Pt 2 para 25", true},
		{Sch1LegalJudgments, "DPA 2018 Sch 1 Pt 2 para 26", true},
		{Sch1AntiDoping, "DPA 2018 Sch 1 Pt 2 para 27", true},
		{Sch1AntiDopingDisclosure, "DPA 2018 Sch 1 Pt 2 para 27(3)", false},
		{Sch1SportStandards, "DPA 2018 Sch 1 Pt 2 para 28", true},
		{Sch1Consent, "DPA 2018 Sch 1 Pt 3 para 29", false},
		{Sch1VitalInterests, "DPA 2018 Sch 1 Pt 3 para 30", false},
		{Sch1NotForProfit, "DPA 2018 Sch 1 Pt 3 para 31", false},
		{Sch1PublicDomain, "DPA 2018 Sch 1 Pt 3 para 32", false},
		{Sch1LegalClaims, "DPA 2018 Sch 1 Pt 3 para 33", false},
		{Sch1JudicialActs, "DPA 2018 Sch 1 Pt 3 para 34", false},
		{Sch1IndecencyAccounts, "DPA 2018 Sch 1 Pt 3 para 35", true},
		{Sch1SubstantialPublicInterest, "DPA 2018 Sch 1 Pt 3 para 36", true},
		{Sch1InsuranceExtension, "DPA 2018 Sch 1 Pt 3 para 37", true},
	}
	if got, want := len(Schedule1s()), len(tests); got != want {
		t.Fatalf("len(Schedule1s()) = %d, want %d", got, want)
	}
	for _, tt := range tests {
		if got := tt.s.Citation(UK); got != tt.cite {
			t.Errorf("%v.Citation(UK) = %q, want %q", tt.s, got, tt.cite)
		}
		if got := tt.s.NeedsPolicyDocument(); got != tt.apd {
			t.Errorf("%v.NeedsPolicyDocument() = %v, want %v", tt.s, got, tt.apd)
		}
		if got, want := tt.s.SpecialCategory(), tt.s.Part() < 3; got != want {
			t.Errorf("%v.SpecialCategory() = %v, want %v", tt.s, got, want)
		}
		if !tt.s.CriminalOffence() {
			t.Errorf("%v cannot authorise criminal offence data (DPA 2018 s10(5))", tt.s)
		}
		if tt.s.Available(EU, date(2026, 11, 23)) || !tt.s.Available(UK, date(2026, 11, 23)) {
			t.Errorf("%v availability wrong: Schedule 1 is UK law", tt.s)
		}
		if tt.s.Citation(EU) != "" {
			t.Errorf("%v has an EU citation", tt.s)
		}
	}
	for in, want := range map[string]Schedule1{
		"DPA 2018 Sch 1 Pt 2 para 8":           Sch1EqualityOfOpportunity,
		"Schedule 1, Part 1, paragraph 1":      Sch1Employment,
		"Sch 1 para 18":                        Sch1Safeguarding,
		"para 10(2)":                           Sch1UnlawfulActsDisclosure,
		"para 10":                              Sch1PreventingUnlawfulActs,
		"equality-of-opportunity":              Sch1EqualityOfOpportunity,
		"Equality of opportunity or treatment": Sch1EqualityOfOpportunity,
	} {
		if got, err := ParseSchedule1(in); err != nil || got != want {
			t.Errorf("ParseSchedule1(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"para 5", "para 38", "para 41", "Sch 1 para 99", "equality"} {
		if _, err := ParseSchedule1(in); err == nil {
			t.Errorf("ParseSchedule1(%q) succeeded", in)
		}
	}
}
