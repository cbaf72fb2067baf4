// Package retention models structured retention rules for records of
// processing activities (Article 30 GDPR): how long personal data is kept,
// from which trigger event, and what happens to it at the end.
//
// A [Rule] is made of a term (a calendar [Period], "until" an event, or
// "indefinite"), an optional [Trigger] event that the period runs from, an
// optional year-end alignment ([MonthDay]), an [Action] taken at the end,
// optional [Override] periods that replace the main period when a condition
// holds, and an optional [Source] that justifies the rule. [Rule.Sentence]
// describes a rule in plain English for privacy notices.
//
// The package never reads the clock. Every date computation takes the trigger
// date as an argument ([Rule.Due], [Rule.DueWith], [Period.AddTo]) and keeps
// its clock reading and location. [Rule.Due] does not allocate, so it can be
// called for millions of records. The package imports only the standard
// library.
//
// # Short form
//
// Rules have a one-line text form, read by [Parse] and written by
// [Rule.String] (and by [Rule.MarshalText], so a Rule is a JSON string):
//
//	rule      = term [ "from" trigger ] [ "aligned" monthday ] [ "then" action ]
//	            { "unless" condition ":" period } [ "source" kind [ ":" text ] ]
//	term      = period | "until" trigger | "indefinite"
//	period    = "P" [ n "Y" ] [ n "M" ] [ n "W" ] [ n "D" ]   (at least one part)
//	n         = digit { digit }                                (value 0 to 999999)
//	monthday  = digit digit "-" digit digit                    (MM-DD, such as 03-31)
//	action    = "delete" | "anonymise" | "anonymize" | "review"
//	kind      = "statute" | "guidance" | "policy" | "contract"
//	trigger   = slug
//	condition = slug
//	slug      = alnum { alnum } { "-" alnum { alnum } }        (alnum = a-z or 0-9)
//	text      = every remaining character of the input, trimmed
//
// Lexical and semantic rules:
//
//   - Words are separated by white space (any amount of spaces, tabs or
//     newlines). A colon is a word of its own, so "sponsored-visa: P7Y",
//     "sponsored-visa:P7Y" and "sponsored-visa : P7Y" are the same.
//   - Keywords, actions, source kinds, slugs and the period letters are
//     case-insensitive (ASCII only) on input; [Rule.String] writes the
//     keywords, actions, kinds and slugs in lower case and the period letters
//     in upper case.
//   - A period is an ISO 8601 date duration. Weeks are converted to days on
//     input ("P2W" reads as "P14D"); time parts ("PT1H"), fractions and signs
//     are rejected. The units must come in the order Y, M, W, D, each at most
//     once, and the main and override periods must not be zero.
//   - Clauses must come in the order shown, each at most once, except that
//     "unless" may repeat with distinct conditions.
//   - "from", "aligned" and "unless" need a period term: "until
//     end-of-contract from collection" and "indefinite from collection" are
//     errors.
//   - The source text runs to the end of the input and may contain anything,
//     including colons and keywords. It is trimmed, and it must not be empty
//     when the colon is present.
//   - "then delete" is kept as stated: a rule without "then" has the
//     [Unspecified] action, which reads as deletion in sentences but is not
//     written out by [Rule.String].
//
// Examples, all in canonical form (Parse then String gives them back):
//
//	P6Y from termination-of-employment
//	P12M from collection then anonymise
//	P1Y from end-of-recruitment unless sponsored-visa: P7Y
//	until end-of-contract
//	indefinite then review
//	P5Y from collection aligned 03-31
//	P6Y from appointment unless sponsored-visa: P7Y source guidance: Home Office sponsor guidance
//	P6Y from end-of-financial-year then delete source statute: Limitation Act 1980 s5
//
// Non-canonical input is accepted and normalised:
//
//	p6y  FROM Termination-Of-Employment      ->  P6Y from termination-of-employment
//	P2W from last-contact                    ->  P14D from last-contact
//	P1Y unless sponsored-visa:P7Y            ->  P1Y unless sponsored-visa: P7Y
//	indefinite then anonymize                ->  indefinite then anonymise
//
// Parse errors are [*SyntaxError] values giving the byte offset of the
// problem and naming what was expected, for example:
//
//	retention: parsing "P6X from collection": at offset 2: unknown unit "X" in period
//
// Parse never panics and never returns a rule that fails [Rule.Validate].
//
// # Due dates
//
// [Rule.Due] computes when the action falls due from a trigger date. When
// [Rule.YearEnd] is set the trigger date is first moved forward to the next
// occurrence of that month and day (a date on the year end itself stays),
// then the period is added by [Period.AddTo]: years and months together,
// clamped to the last day of the month, then days. [Rule.DueWith] also
// applies overrides whose condition holds.
package retention
