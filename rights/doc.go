// Package rights is the data-subject-rights logic an HR or school system
// needs alongside its GDPR Art 30 record: which rights apply to a
// processing activity, how to cite and explain them, and when a request or
// a complaint is due. It covers the UK regime (UK GDPR and DPA 2018 as
// amended by the Data (Use and Access) Act 2025, "DUAA") and the EU GDPR.
// It is not legal advice.
//
// # The rights and the lawful bases
//
// [Right] enumerates the rights: [Informed] (Arts 13/14), [Access] (Art 15),
// [Rectification] (Art 16), [Erasure] (Art 17), [Restriction] (Art 18),
// [Portability] (Art 20), [Object] (Art 21(1)), [ObjectDirectMarketing]
// (Art 21(2) and (3)), [AutomatedDecisions] (Art 22;
// UK Arts 22A-22D from 5 February 2026), [WithdrawConsent] (Art 7(3)),
// [ComplainToController] (UK only, DPA 2018 s164A, from 19 June 2026) and
// [ComplainToAuthority] (Art 77; UK DPA 2018 s165 from 19 June 2026).
// [Right.Citation] and [Right.PlainAt] depend on the regime and the date.
//
// [For] gives the rights that apply under a set of lawful bases, under a
// regime on a day; [ByBasis] is its regime-free core, following
// the ICO's table "How does the lawful basis affect individuals' rights?"
// (guidance "Lawful basis for processing"), extended with the row for
// recognised legitimate interests (UK GDPR Art 6(1)(ea); DUAA s70(5); ICO
// recognised legitimate interest guidance, "What else do we need to
// consider?"):
//
//	basis                              erasure  portability  object
//	consent                            yes      yes          no (withdraw consent, Art 7(3))
//	contract                           yes      yes          no
//	legal obligation                   no       no           no
//	vital interests                    yes      no           no
//	public task                        no       no           yes
//	recognised legitimate interests    yes      no           yes   (UK only)
//	legitimate interests               yes      no           yes
//
// The rights to be informed, of access, to rectification, to restriction
// and to complain to the supervisory authority apply under every basis.
// [For] applies the table to one regime on one day: it drops bases
// that do not exist there (recognised legitimate interests before
// 5 February 2026, or under the EU regime) and adds [ComplainToController]
// under the UK regime from 19 June 2026. Neither returns
// [AutomatedDecisions], which depends on whether solely automated
// significant decisions are taken, not on the basis, nor
// [ObjectDirectMarketing], which depends on the purpose.
//
// # Direct marketing
//
// Where personal data are processed for direct marketing, the data subject
// may object at any time, and the data must then no longer be processed for
// that purpose (Art 21(2) and (3)). The right is absolute and applies
// whatever the lawful basis: consent, contract, legitimate interests (UK
// GDPR Art 6(11)(a) names direct marketing as an example of a legitimate
// interest) or any other. [ForPurpose] gives the rights for one purpose,
// adding [ObjectDirectMarketing] when the purpose is direct marketing.
//
// # Deadlines
//
// [Deadline] is the calendar-month rule: one month (three when extended)
// from the day the period starts, ending on the corresponding date or the
// month's last day where there is none (ICO right of access guidance, "What
// should we consider when responding to a request?"; UK GDPR Art 4A and
// Art 3 of Regulation 1182/71).
//
// [Request.Due] applies the rule that governs a request:
//
//   - UK requests received on or after 5 February 2026: UK GDPR Art 12A
//     (DUAA s76; SI 2026/82 reg 2(h)). The period starts at the latest of
//     receipt of the request, of identity information (Art 12(6)) and of
//     any fee (Art 12(5)); it may be extended by two months by notice with
//     reasons given within the first month; clarification pauses stop the
//     clock for access requests only (Art 12A(5)), counting both the day
//     the controller asks and the day it gets the answer.
//   - EU requests, and UK requests received before 5 February 2026
//     (SI 2026/82 reg 4): Art 12(3) as it stood, one month from receipt of
//     the request, extendable by two months with notice within the first
//     month, with no statutory stop-the-clock.
//
// [AcknowledgeBy] gives the last day for acknowledging a complaint to the
// controller: 30 days counted from the day after receipt (DPA 2018
// s164A(3); ICO guidance "How to deal with data protection complaints"),
// for UK complaints received on or after 19 June 2026 (SI 2026/82 reg 7).
//
// # Non-working days
//
// [Deadline] counts calendar days only. [Request.Due], [AcknowledgeBy] and
// [NextWorkingDay] take options ([SkipWeekends], [WithHolidays],
// [WithNonWorkingDays]) under which a date falling on a non-working day
// moves to the next working day, as the ICO's guidance says ("If the
// corresponding date falls on a weekend or a public holiday, you have until
// the next working day"). With no options, every day is a working day. The
// package ships no holiday calendar: the caller knows whether it needs
// England and Wales, Scotland, Northern Ireland or a member state's.
//
// # The clock
//
// The package never reads the clock. Every function whose answer depends
// on the date takes it as a [time.Time], and dates are compared as calendar
// days in the location of the value given.
package rights
