// Command article30 keeps a record of processing activities (the register
// of UK GDPR and GDPR Article 30) as a YAML or JSON file, checks it against
// the law as it stood on a given date, and turns it into an Excel workbook
// in the ICO template's layout and a privacy notice. Start with
// "article30 demo", which shows all of it on five example organisations.
//
// Usage:
//
//	article30 <command> [flags] [arguments]
//	article30 help [command]
//
// Every command takes -h or --help, which prints its usage line, its flags
// and examples. Flags may be written with one dash or two, and may come
// before or after the file names; "--" ends the flags. A register FILE is
// YAML or JSON, and "-" reads it from standard input. Every command whose
// output depends on the law takes --as-of YYYY-MM-DD, by default today.
//
// # validate
//
//	article30 validate [--format text|json|sarif] [--as-of YYYY-MM-DD] [--fail-on error|warning] [--no-color] FILE...
//
// Validate reads each register FILE ("-" reads standard input) with
// [ropa.Load]. A file that cannot be read or parsed (a misspelt field name,
// an unknown value such as "basis: consnet", a value of the wrong type) is
// reported on standard error as file:line:column: path: problem, and the
// other files are still checked. For each file that reads, validate reports
// the structural problems of [ropa.Register.Validate] as error findings of
// the rule "structure", then the findings of the compliance rules of
// [ropa.Check], applied as the law stood on the --as-of date. The default is
// today, in the local time zone: this command is the one place the module
// reads the clock.
//
// The text output (the default) gives, for each file, a header with its
// counts of errors, warnings and info, the date the law is applied at and the
// regime; then the findings about the register as a whole, then those about
// each activity, each with its severity, rule ID, field path, message and
// citation; and a last line with the totals across files. It is coloured
// only when standard output is a terminal, NO_COLOR is not set, TERM is not
// "dumb" and --no-color is not given.
//
// With --format json, the output is one JSON array of all the findings of
// all the files, each an object with the fields file, rule, severity, path,
// activity (left out for the register as a whole), message and citation; it
// is [] when there are none.
//
// With --format sarif, the output is a SARIF 2.1.0 log for GitHub code
// scanning and other tools: one run whose driver lists the whole rule
// catalogue (with "structure" and "parse-error") with levels, citations and
// regimes, and one result per finding at the line and column of the
// element its path names ([ropa.Locator]; where the file lacks the element,
// a missing field say, its nearest ancestor), with the path as logical
// location. A file that cannot be parsed is a result of the rule
// "parse-error" at the problem; one that cannot be read at all is a tool
// execution notification. Relative file names become URIs relative to
// %SRCROOT%, so run it from the root of the repository.
//
// # demo
//
//	article30 demo [-o DIR] [--as-of YYYY-MM-DD]
//
// Demo needs no arguments: it takes the registers of the five example
// organisations, which are built into the binary (package
// [github.com/article30/article30/examples/registers]), and writes into DIR
// (default article30-demo, made if need be) for each one NAME.yaml (a copy
// of the register), NAME.xlsx (the workbook of export), NAME.md and
// NAME.html (the privacy notice of notice, in Markdown and as a standalone
// page). It prints a progress line per organisation, then for each its
// activities, its findings by severity as of the --as-of date, how many of
// the items of Articles 13 and 14 its notice fills, and the files written.
// The same date gives the same files, byte for byte.
//
// # export
//
//	article30 export [-o OUT.xlsx] [--sheets LIST] [--as-of YYYY-MM-DD] FILE
//
// Export writes the register FILE as an Excel workbook with
// [github.com/article30/article30/export/xlsx.Write]: the views for people
// (Cover, Template in the ICO template's layout, Processor, Retention,
// Findings as of the --as-of date, Reference) and the data sheets, which
// read back into an identical register. Without -o the workbook goes beside
// FILE with the extension .xlsx; -o - writes it to standard output. --sheets
// names the views to write, separated by commas, in any case; an unknown
// name is a usage error listing the views; --sheets "" writes the data
// sheets alone.
//
// # notice
//
//	article30 notice [--audience GROUP]... [--format md|html|txt] [--fragment] [-o OUT] [--as-of YYYY-MM-DD] FILE
//
// Notice writes the privacy notice the register FILE supports, with
// [github.com/article30/article30/export/notice.Generate], as the law stood
// on the --as-of date: Markdown by default, a standalone accessible HTML page
// (or with --fragment the fragment alone), or plain text; to standard
// output or to -o. --audience, which may be repeated, limits it to groups of
// people named as [github.com/article30/article30/ropa.ParseSubject] reads
// them (job-applicants, "Job applicants", "custom: Alumni"); a group that is
// unknown or that the register does not record is a usage error. Standard
// error lists each item of Articles 13 and 14, filled or missing, with the
// reason. A notice that lacks an item the law requires is a draft, with a
// banner listing what is missing. --since OLD writes what a reader would
// see change since the register OLD.
//
// # import
//
//	article30 import [-o OUT.yaml] [--ico] WORKBOOK.xlsx
//
// Import reads a hand-kept ICO documentation template with
// [github.com/article30/article30/export/xlsx/ico.Read] and writes the
// register as YAML, to standard output or to -o. It accounts for every
// non-empty cell: read into the register, kept in an activity's notes, or
// rejected; each cell not read cleanly is listed on standard error as
// WORKBOOK: Sheet!Cell: message, the last line counts the three, and the
// exit status is 1 when any cell was not read cleanly. The register is
// written all the same. A workbook written by export is read from its data
// sheets instead, exactly; --ico reads it as a hand-kept template.
//
// # rights
//
//	article30 rights [--regime uk|eu] [--as-of YYYY-MM-DD] [--format text|json] BASIS...
//
// Rights prints which data-subject rights apply when the lawful bases BASIS
// (slugs, titles, citations such as 6(1)(f), or DPV terms) are relied on,
// with [github.com/article30/article30/rights.For]: each right, yes, no
// or depends, its citation and a note. A basis the regime did not have on
// the date (recognised legitimate interests under the EU regime, or before
// 5 February 2026) is an error.
//
// # deadline
//
//	article30 deadline --received YYYY-MM-DD [--identity DATE] [--fee DATE] [--pause FROM:TO]... [--extended --extension-noticed DATE] [--right RIGHT] [--regime uk|eu] [--skip-weekends] [--holidays FILE] [--complaint] [--date-only]
//
// Deadline prints the last day for responding to a request, the date alone
// on the first line, then the rule applied: UK GDPR Art 12A for UK requests
// received from 5 February 2026 (the clock starts at the latest of receipt,
// identity and fee; clarification pauses stop it for access requests), Art
// 12(3) otherwise; --complaint gives the day by which a complaint to the
// controller must be acknowledged (DPA 2018 s164A).
//
// # retention
//
//	article30 retention due [--as-of YYYY-MM-DD] [--records CSV] FILE
//
// Retention due lists each activity's retention rules with the sentence a
// notice uses and the trigger dates now due; with --records it streams a
// CSV of records (activity, category, trigger date, optional conditions such
// as sponsored-visa) and writes those due for erasure as CSV, reporting each
// bad row as CSV:LINE: reason. It runs in constant memory.
//
// # schema
//
//	article30 schema [-o FILE]
//
// Schema prints the JSON Schema (draft 2020-12) of register files,
// generated from the Go types by [github.com/article30/article30/ropa.Schema],
// for editors that complete and check YAML and JSON files.
//
// # vet
//
//	article30 vet [--register FILE] [--format text|json|sarif] [--unused] [--suggest] [--draft] [PACKAGES]
//
// Vet holds a Go service's code against the register with the analyzer of
// [github.com/article30/article30/vet]: struct types annotated with the
// activity they belong to, fields tagged with their data category, and
// functions marked as recipients or transfers. It reports categories,
// recipients and transfers the register does not declare for the activity,
// special category and criminal offence data without their conditions,
// and untagged fields that look like personal data. --suggest prints the
// register entries that would declare what the code holds; --draft writes
// a register skeleton from the code. cmd/article30-vet runs the same
// analyzer as go vet -vettool.
//
// # gen
//
//	article30 gen [-o FILE] [--package NAME] FILE
//
// Gen writes a Go file of constants for the register's activity IDs, data
// subjects, categories, conditions and retention conditions, for go
// generate, so that service code that names them is checked by the
// compiler.
//
// # Exit status
//
// validate:
//
//   - 0: no finding at or above the --fail-on severity (default error).
//   - 1: some finding is at or above it; a structural problem is an error.
//   - 2: a file could not be read or parsed, or the command line is wrong
//     (unknown command or flag, bad --as-of date, no FILE). 2 wins over 1.
//
// demo and export do not judge a register (validate does): they exit 0
// when they have written their output, whatever the findings, and 2 when a
// file cannot be read, parsed or written, or the command line is wrong.
// notice exits 1 when the notice is a draft (an item the law requires is
// missing), unless --allow-incomplete is given, 0 when it is complete, and
// 2 as the others.
//
// import exits 0 when every cell was read, 1 when the register was written
// but some cells could not be read (so that CI notices), and 2 when the
// workbook cannot be read (not an xlsx file, no ICO heading row, beyond the
// size limits, or an export whose views were edited), the output cannot be
// written, or the command line is wrong.
//
// rights, deadline and schema exit 0 when they print their answer and 2 on
// a bad argument. retention due exits 1 when some record rows were bad (the
// others are still written) and 2 when a file cannot be read.
//
// The checks describe the law as this module understands it; they are not
// legal advice.
package main
