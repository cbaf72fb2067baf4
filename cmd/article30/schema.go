package main

import (
	"errors"
	"flag"

	"github.com/article30/article30/ropa"
)

var schemaCommand = &command{
	name:    "schema",
	summary: "print the JSON Schema of register files, for editors and other tools",
	usage:   "article30 schema [--findings] [-o FILE]",
	detail: `
Schema writes the JSON Schema (draft 2020-12) of a register file to
standard output, or to -o. It is generated from the Go types the files are
read into, so it names every field, with its description, and lists the
catalogue slugs of data subjects and categories, lawful bases, conditions
and transfer mechanisms, which editors offer for completion.

The schema accepts the files 'article30 validate' reads, in all the
spellings it reads: a lawful basis by its slug, name or citation
("legitimate-interests", "Legitimate interests", "6(1)(f)"), custom
entries ("custom: Alumni"), numbers where text is expected, yes and no,
empty values for optional fields. It asks for the fields a register and
its activities must have, and rejects unknown fields and misspelt words;
but it cannot apply the compliance rules: 'article30 validate' is the
check.

To use it in Visual Studio Code with the YAML extension, write the schema
to a file and name it on the first line of each register:
    # yaml-language-server: $schema=register.schema.json

With --findings, schema writes instead the JSON Schema of the findings
that 'article30 validate --format json' and 'article30 vet --format json'
print: a list of reports, one per register file, each with its regime,
the date the law was applied as of (YYYY-MM-DD), its findings and their
counts. It is the library's ropa.Report marshalled, so a Go service and
the command line write the same JSON.

Exit status: 0 when the schema is written; 2 when it cannot be written,
or on a usage error.`,
	examples: []string{
		"article30 schema -o register.schema.json",
		"article30 schema | jq '.[\"$defs\"].Basis'",
		"article30 schema --findings -o findings.schema.json",
	},
	flags: schemaFlags,
}

func schemaFlags(fs *flag.FlagSet) func(*env, []string) (int, error) {
	out := fs.String("o", "-", "write the schema to `FILE`; - is standard output")
	findings := fs.Bool("findings", false, "write the schema of the findings JSON of validate and vet instead")
	return func(e *env, args []string) (int, error) {
		if len(args) > 0 {
			return 0, errors.New("schema takes no FILE; write it to a file with -o")
		}
		b, err := ropa.Schema()
		if *findings {
			b, err = ropa.ReportSchema(), nil
		}
		if err != nil {
			return failf(e, "schema", "%v", err), nil
		}
		if err := writeOutput(e, *out, b); err != nil {
			return failf(e, "schema", "%s", fileMessage(err)), nil
		}
		return exitOK, nil
	}
}
