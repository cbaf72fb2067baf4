// Command article30 keeps a record of processing activities (the register
// of UK GDPR and GDPR Article 30) as a YAML or JSON file, and checks it
// against the law as it stood on a given date.
//
// Usage:
//
//	article30 <command> [flags] [arguments]
//	article30 help [command]
//
// Every command takes -h or --help, which prints its usage line, its flags
// and examples. Flags may be written with one dash or two, and may come
// before or after the file names; "--" ends the flags.
//
// # validate
//
//	article30 validate [--format text|json] [--as-of YYYY-MM-DD] [--fail-on error|warning] [--no-color] FILE...
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
// # Exit status
//
//   - 0: no finding at or above the --fail-on severity (default error).
//   - 1: some finding is at or above it; a structural problem is an error.
//   - 2: a file could not be read or parsed, or the command line is wrong
//     (unknown command or flag, bad --as-of date, no FILE). 2 wins over 1.
//
// The checks describe the law as this module understands it; they are not
// legal advice.
package main
