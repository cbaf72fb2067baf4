package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/article30/article30/lawfulbasis"
)

// Exit statuses.
const (
	exitOK       = 0 // nothing to report
	exitFindings = 1 // the registers have findings at or above the threshold
	exitFailure  = 2 // a file could not be read or parsed, or a usage error
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// env is what a command sees of the world: its streams, the clock and the
// environment. run fills it from the process; nothing else in the command
// reads the clock or the environment.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	getenv         func(string) string
}

// command is one subcommand: its name, a one-line summary for the command
// list, its usage line, a description, examples, the flags it takes and
// what it runs.
type command struct {
	name     string
	summary  string
	usage    string   // after "Usage: ", e.g. "article30 validate [flags] FILE..."
	detail   string   // paragraphs printed after the usage line
	examples []string // command lines, each printed on its own line
	// flags defines the command's flags on fs and returns a function that
	// runs it with the positional arguments once fs is parsed. The function
	// returns the exit status, or a usage error.
	flags func(fs *flag.FlagSet) func(e *env, args []string) (int, error)
}

// commands is the table of subcommands, in the order the command list shows
// them.
var commands = []*command{
	validateCommand,
	demoCommand,
	exportCommand,
	noticeCommand,
	importCommand,
	rightsCommand,
	deadlineCommand,
	retentionCommand,
	schemaCommand,
	vetCommand,
	genCommand,
}

func lookup(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

// run is the command line tool: it runs the subcommand named by args[0]
// and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr, now: time.Now, getenv: os.Getenv}
	return e.run(args)
}

func (e *env) run(args []string) int {
	if len(args) == 0 {
		printCommands(e.stderr)
		return exitFailure
	}
	switch name := args[0]; name {
	case "version", "-version", "--version":
		return e.help(printVersion)
	case "help", "-h", "-help", "--help":
		if name == "help" && len(args) > 1 && !isHelpFlag(args[1]) {
			c := lookup(args[1])
			if c == nil {
				fmt.Fprintf(e.stderr, "article30: unknown command %q\nRun 'article30 help' for the list of commands.\n", args[1])
				return exitFailure
			}
			return e.help(func(w io.Writer) { c.printUsage(w, newFlagSet(c)) })
		}
		return e.help(printCommands)
	}
	c := lookup(args[0])
	if c == nil {
		fmt.Fprintf(e.stderr, "article30: unknown command %q\nRun 'article30 help' for the list of commands.\n", args[0])
		return exitFailure
	}
	return c.run(e, args[1:])
}

// isHelpFlag reports whether arg asks for help: "article30 help --help"
// shows the command list.
func isHelpFlag(arg string) bool {
	switch arg {
	case "-h", "-help", "--help":
		return true
	}
	return false
}

// printVersion prints the module's version, from the build information,
// and the date the law is known to.
func printVersion(w io.Writer) {
	version := "(devel)"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	fmt.Fprintf(w, "article30 %s\nThe law as it stood on %s: later changes are not applied.\n", version, lawfulbasis.LawAsOf.Format(time.DateOnly))
}

// help prints help text to standard output. Help that cannot be written
// (a closed pipe, a full disk) is a failure, not a success.
func (e *env) help(print func(io.Writer)) int {
	w := &errWriter{w: e.stdout}
	print(w)
	if w.err != nil {
		fmt.Fprintf(e.stderr, "article30: writing the help: %v\n", w.err)
		return exitFailure
	}
	return exitOK
}

// errWriter keeps the first error of the writes to w, and drops the
// writes after it.
type errWriter struct {
	w   io.Writer
	err error
}

func (w *errWriter) Write(p []byte) (int, error) {
	if w.err != nil {
		return 0, w.err
	}
	n, err := w.w.Write(p)
	w.err = err
	return n, err
}

func newFlagSet(c *command) *flag.FlagSet {
	fs := flag.NewFlagSet("article30 "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // errors and usage are printed by run
	fs.Usage = func() {}
	return fs
}

// run parses the command's flags, which may come before, between or after
// the positional arguments ("--" ends the flags), and runs it.
func (c *command) run(e *env, args []string) int {
	fs := newFlagSet(c)
	do := c.flags(fs)
	pos, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return e.help(func(w io.Writer) { c.printUsage(w, fs) })
	}
	var status int
	if err == nil {
		status, err = do(e, pos)
	}
	if err != nil {
		msg := err.Error()
		if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
			msg = "unknown flag --" + strings.TrimLeft(name, "-")
		}
		fmt.Fprintf(e.stderr, "article30 %s: %s\nUsage: %s\nRun 'article30 %s --help' for the flags and examples.\n", c.name, msg, c.usage, c.name)
		return exitFailure
	}
	return status
}

// parseInterspersed parses fs from args, letting flags and positional
// arguments mix, and returns the positional arguments. Everything after
// "--" is positional; so is "-" (standard input).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

func (c *command) printUsage(w io.Writer, fs *flag.FlagSet) {
	fmt.Fprintf(w, "Usage: %s\n", c.usage)
	if c.detail != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimSpace(c.detail))
	}
	const indent = 24
	var flags strings.Builder
	line := func(left, usage string) {
		left = "  " + left
		if len(left) < indent {
			left += strings.Repeat(" ", indent-len(left))
		} else {
			left += "\n" + strings.Repeat(" ", indent)
		}
		flags.WriteString(left + usage + "\n")
	}
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		left := "--" + f.Name
		if len(f.Name) == 1 {
			left = "-" + f.Name // -o, as one-letter flags are written
		}
		if name != "" {
			left += " " + name
		}
		if f.DefValue != "" && f.DefValue != "false" {
			usage += " (default " + f.DefValue + ")"
		}
		line(left, usage)
	})
	line("-h, --help", "show this help")
	fmt.Fprintf(w, "\nFlags:\n%s", flags.String())
	if len(c.examples) > 0 {
		fmt.Fprintf(w, "\nExamples:\n")
		for _, ex := range c.examples {
			fmt.Fprintf(w, "  %s\n", ex)
		}
	}
}

func printCommands(w io.Writer) {
	fmt.Fprint(w, `article30 keeps a record of processing activities (UK GDPR and GDPR
Article 30) as a YAML or JSON file, and checks it against the law.

Usage: article30 <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "  %-10s %s\n", "help", "show the help of a command")
	fmt.Fprintf(w, "  %-10s %s\n", "version", "show the version and the date the law is known to")
	fmt.Fprint(w, `
Run 'article30 help <command>' or 'article30 <command> --help' for a
command's flags and examples.

Exit status: 0 when all is well; 1 when there is something to act on,
such as a register's error findings (each command's help says what);
2 when a file cannot be read or parsed, or on a usage error.
`)
}
