// Package ropa models a record of processing activities (ROPA): the register
// every controller keeps under Article 30 of the UK GDPR or the GDPR, and
// every processor for the controllers it serves.
//
// # The register
//
// A [Register] is one organisation's record: its identity as controller,
// its DPO and representative, joint controllers, the [lawfulbasis.Regime] it
// is kept under, how people complain to it (DPA 2018 s164A), its controller
// records ([Activity], Art 30(1)) and its processor records
// ([ProcessorRecord], Art 30(2)). Each purpose of an activity carries its own
// lawful basis. Data subjects ([Subject]) and data categories ([Category])
// come from a catalogue with room for custom entries ("custom: Alumni",
// "custom special: Facial geometry"); whether a category is special category
// or criminal offence data is derived from the catalogue, never typed in by
// hand for a well-known one.
//
// # Files
//
// [Decode] and [Load] read a register from YAML or JSON with the field names
// of the JSON tags; [Encode] and [EncodeJSON] write it back, and a register
// round-trips unchanged. An unknown field, an unknown enumeration value or a
// value of the wrong type is a [*DecodeError] that names the file, line,
// column and field path: a misspelt field is never dropped silently. A
// retention rule that contains "unless x: P7Y" must be quoted in YAML,
// because of its colon; [Encode] quotes it. Decoding validates the register
// ([Register.Validate]) by default, and returns it with an [*InvalidError]
// listing each structural problem at its line and column;
// [WithoutValidation] skips that, for a tool that reports the problems
// itself.
//
// [Schema] is the JSON Schema of the file, generated from these types, for
// editors that complete and check register files. [Locate] (or a
// [Locator], for many look-ups) turns the path of a finding, such as
// activities[2].purposes[0].basis, into the line and column of that element
// in the file, as code-scanning tools want.
//
// # Two layers of checking
//
// [Register.Validate] checks structure with go-playground/validator:
// required fields, the form of emails, URLs and country codes, text lengths,
// and that every enumeration holds a known value. Its [ValidationErrors]
// carry the JSON path of each problem: activities[3].purposes[0].basis.
//
// [Check] applies the catalogue of compliance rules ([Rules]) as the law
// stood on the day it is given: Check(reg, day). The day is a required
// argument, as for every function of the module whose answer depends on the
// law; the package never reads the clock and has no default day, and the
// zero time is reported as an error finding ([NoDateRule]). Each [Rule] has a stable ID, a severity, a
// citation written as "UK GDPR Art 30(1)(b)", "GDPR Art 9(2)(b)" or "DPA
// 2018 s164A", and the regimes and dates it applies to. Callers add their
// own rules with [WithRules] and switch built-in ones off with [Without].
// The [Report] lists the findings sorted by path, with counts by severity;
// [Report.Err] is non-nil when any finding is an error.
//
// A finding cites the law as it stood on the date checked ([Rule.Cite]).
// The UK GDPR exists from the end of the implementation period (IP
// completion day, 31 December 2020 at 11pm). Before 1 January 2021 a UK
// controller was under the EU GDPR itself, with the Data Protection Act
// 2018 as originally enacted (from 25 May 2018; the Data Protection Act
// 1998 before that, which this package does not model): a register kept
// under the UK regime and checked as of an earlier date is held to that
// law, its findings cite "GDPR Art ..." rather than "UK GDPR Art ...", and
// its transfers are tested against the EU's list of adequate countries. An
// article renumbered later is cited as it stood: UK GDPR Art 44 became Art
// 44A on 5 February 2026.
//
// Rules about a group of people use the facts for that group
// ([Activity.For]): consent of employees looks only at purposes that
// concern employees. A transfer is checked only from the day it began
// ([Transfer.Since]). Whether an activity needs a DPIA follows Art 35(3),
// the ICO's list of high-risk processing (UK) and the WP248 criteria
// ([Activity.Criteria]).
//
// The checks describe the law as this module understands it; they are not
// legal advice.
package ropa
