// Package lawfulbasis holds the legal knowledge the rest of article30 stands
// on: the two regimes, the lawful bases of Article 6(1), the recognised
// legitimate interest conditions of UK GDPR Annex 1, the special category
// conditions of Article 9(2), the conditions of DPA 2018 Schedule 1, the
// transfer mechanisms of Chapter V, and the UK and EU lists of approved
// countries.
//
// # Regimes and dates
//
// A [Regime] is [UK] (the UK GDPR and the Data Protection Act 2018, as
// amended by the Data (Use and Access) Act 2025) or [EU] (the GDPR). The law
// moves, so every value knows the regimes and dates where it holds
// ([Basis.Available], [Mechanism.Available], ...), and every function that
// depends on the law takes the date it is applied at. The package never
// reads the clock. The dates that matter are variables with their sources:
// [PrivacyShieldInvalid] (16 July 2020), [UKGDPRStart] (1 January 2021),
// [DUAACommencement] (5 February 2026) and [ComplaintsCommencement] (19 June
// 2026). [LawAsOf] is the date the legal data was last brought up to date.
//
// One rule holds for the whole module: no function has a hidden "today".
// Every function whose answer depends on the law takes the day as a
// required argument (ropa.Check(reg, at), notice.Generate(reg, at),
// xlsx.Write(w, reg, at), rights.For(regime, at, ...), authority.UK(at),
// ...); nothing defaults to the clock or to [LawAsOf], and the command-line
// tool passes today. The zero time.Time is refused where it is given as
// that day: functions that return an error return one wrapping [ErrNoDate],
// and ropa.Check, which reports rather than fails, reports it as an error
// finding. The small queries of this package and of rights take the zero
// time as the year 1, before any data protection law, and so find nothing
// available.
//
// # Closed types
//
// Each kind of legal ground is a separate closed type whose zero value is
// invalid: [Basis], [Annex1], [Condition], [Schedule1] and [Mechanism]. A
// value knows its slug (String, MarshalText), its citation under each regime
// (written one way everywhere: "UK GDPR Art 6(1)(ea)", "GDPR Art 9(2)(b)",
// "DPA 2018 Sch 1 Pt 2 para 8"), a short title, a plain-English sentence for
// a privacy notice, and the rule facts the checks need: whether an Art 9(2)
// condition needs a Schedule 1 condition in the UK
// ([Condition.NeedsSchedule1]), whether a Schedule 1 condition needs an
// appropriate policy document ([Schedule1.NeedsPolicyDocument]), whether a
// public authority may rely on a basis for its tasks
// ([Basis.PublicAuthorityMayUse]), whether a solely automated significant
// decision may rest on it ([Basis.AllowsSolelyAutomatedDecision]), and so on.
//
// # Parsing
//
// The Parse functions accept the slug ("legitimate-interests"), the name
// ("Legitimate interests"), the citation in its common spellings ("6(1)(f)",
// "Art 6(1)(f)", "Article 6(1)(f)", "art. 6.1.f", "UK GDPR Art 6(1)(ea)") and
// the W3C Data Privacy Vocabulary IRI where DPV has one. Anything else is a
// [*parse.Error] that lists what is accepted and suggests the nearest slug.
// UnmarshalText goes through the same parser, so JSON and YAML files get the
// same leniency and the same errors.
//
// # Approved countries
//
// [DefaultApprovals] returns the UK and EU lists of approved countries, each
// entry with its instrument, dates, partial scope and confidence. The EU-US
// Data Privacy Framework and its UK Extension apply only to certified
// recipients, and an appeal against the framework is pending, so
// [Approvals.WithoutDPF] switches them off. Facts the project's law notes
// mark unconfirmed are data, never hard-coded certainty.
//
// This package describes the law; it is not legal advice.
package lawfulbasis
