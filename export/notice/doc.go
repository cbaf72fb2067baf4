// Package notice writes the privacy notice of a record of processing
// activities: the information Articles 13 and 14 of the UK GDPR and the
// GDPR require an organisation to give people about the use of their data,
// built from the register so that the notice cannot drift from it.
//
// # The notice
//
// [Generate] builds a [Notice] from a [ropa.Register] for an audience
// ([Audience]: by default every group of people the register records) as
// the law stood on the day it is given: Generate(reg, day, ...). The day is
// a required argument, as for every function of the module whose answer
// depends on the law: the package never reads the clock and has no default
// day, and the zero time is an error wrapping [lawfulbasis.ErrNoDate]. Its structure follows a notice built
// upwards from the records of processing activities:
//
//   - Who we are: the controller's name and contact details, the data
//     protection officer and how to reach them, the representative and any
//     joint controllers (Art 13(1)(a)-(b)).
//   - For each group of people, in catalogue order with custom groups last,
//     a section "Information about <group>" with subsections: what we use
//     the information for, as a table pairing each purpose with its own
//     lawful basis, the legitimate interest or the recognised legitimate
//     interest's Annex 1 condition, and the law for a legal obligation or
//     public task (Art 13(1)(c)-(d)); what information we use, with special
//     category and criminal offence data named as such and the conditions
//     relied on; where it comes from (Art 14(1)(d), 14(2)(f)); who we share
//     it with, other organisations, processors and teams within the
//     organisation (Art 13(1)(e)); transfers outside the UK or the EEA and
//     what makes each lawful (Art 13(1)(f)); a table of how long each kind
//     of information is kept (Art 13(2)(a)); whether people must provide it
//     (Art 13(2)(e)); and automated decision-making (Art 13(2)(f)). Each
//     section states what the register records for that group
//     ([ropa.Activity.For]): a purpose, category, source, recipient,
//     transfer, retention rule, decision or provision statement scoped to
//     other groups is not stated to it, and the conditions for special
//     category or criminal offence data only where its own categories
//     include such data.
//   - Your rights: for each group, the rights that apply given the lawful
//     bases of its own purposes ([rights.For]), with withdrawal of
//     consent where consent or explicit consent is relied on for it and the
//     automated-decision rights where solely automated significant decisions
//     are made about it; the rights every group has first, then each
//     group's others; where a purpose for a group is direct marketing, the
//     right to object to it ([rights.ObjectDirectMarketing], Art 21(2)),
//     absolute (Art 21(3)), in a section of its own (Art 21(4)); how to use
//     them; and when a reply is due (UK GDPR Art 12A from 5 February 2026).
//   - How to complain: to the organisation itself under the UK regime from
//     19 June 2026 (DPA 2018 s164A; Art 13(2)(ca)), and to a supervisory
//     authority (Art 13(2)(d); DPA 2018 s165 under the UK regime from 19
//     June 2026): the one given with [Authority], else the register's
//     (ropa.Register.Authority, its code looked up in the [authority]
//     package), else under the UK regime the UK regulator as it stood on
//     the notice's date ([authority.UK]). Under the EU regime with none
//     named, the notice states only the right to complain to a supervisory
//     authority (Art 77(1)) and reports the item missing.
//   - Changes to this notice: the date of the last update, which is the
//     register's review date, else its version label when that is a date
//     (never the day the notice is generated: the notice says no date when
//     the register records neither); the register's version; and, once,
//     the day whose law the notice applies.
//
// # Drafts
//
// A notice whose register lacks an item Articles 13 and 14 require (under
// the regime on the day) is still generated, but it is a draft
// ([Notice.Draft]): [Notice.Missing] lists the missing items, and every
// format begins with a banner, "Draft: not ready to publish", listing
// them, so that an incomplete notice cannot be published by accident. A
// register that records every item gives a notice without the banner.
//
// # Public text and internal notes
//
// The notice quotes the register's public text as written: names and
// contact details, purposes, interests, the law relied on, sources,
// recipients, transfer safeguards, retention schedules, the consequences
// of not providing data, decisions' descriptions, logic and consequences,
// the complaints details and the joint controllers' responsibilities. The
// register's internal fields never reach it: an activity's notes, owner,
// business function, security measures and systems; where consent is
// recorded; legitimate interests assessments; processors' contracts;
// transfer risk assessments; the references of policy documents, DPIAs
// and breaches; how age is assured; and the fee registration number. A
// generated sentence that would repeat what the register's own public
// text says is left out: no "You can complain to us" when the complaints
// details already say so, and no 30-day acknowledgement when they already
// give it. The organisation's data protection officer is named as a way
// to complain or to use a right only with a way to reach them.
//
// The wording is plain English in the second person with short sentences.
// Citations appear only where they help ("The law: Education Act 1997
// s45A", "regulations under Article 45A"). When the audience is only young
// people or pupils and students, [Notice.Young] is set and the fixed
// sentences are simpler variants written for them; what the register says
// (purposes, interests, recipients, schedules) is used as written.
//
// # Nothing the register does not support
//
// The notice never states what the register does not say. A purpose
// without a lawful basis is listed without one; a transfer that rests on
// nothing valid on the day (such as the EU-US Privacy Shield after 16 July
// 2020) is stated without any claim about its safety; rights that depend on
// a basis the register does not record are not promised; the safeguards
// around automated decisions are only those the register records. It says
// there is none of something ("We do not make decisions about you by
// automated means only", "We do not send your information outside the
// UK", "We do not share your information with anyone outside our
// organisation", "We do not get it from anyone else") only where the
// register states it for every activity of the group ([ropa.StatedNone]);
// where the register records neither the fact nor that there is none, the
// notice says nothing of it. Where the register leaves an item of Articles
// 13 or 14 unfilled, [Notice.Coverage] reports it with the reason and the
// fields it would need.
//
// # Formats
//
// [Notice.Markdown], [Notice.Text] and [Notice.HTML] write the same
// headings, paragraphs, list items and table cells in the same order; the
// output depends only on the register and the options, so it is the same
// byte for byte on every run. Every register value is escaped for HTML and
// for Markdown. [Notice.Page] is a complete HTML5 page meant to meet WCAG
// 2.2 level AA: language, title, a single <h1> in <main>, tables with
// captions and header cells, a readable column in the system font, colours
// with a contrast ratio of at least 4.5:1 and a visible focus indicator.
// [Notice.Readability] gives the Flesch reading ease of the text ([Flesch]).
//
// The notice states the law as this module understands it; it is not
// legal advice.
package notice
