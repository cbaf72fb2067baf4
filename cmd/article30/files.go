package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/article30/article30/internal/safefile"
	"github.com/article30/article30/ropa"
)

// loadRegister reads the register file name, or standard input for "-".
// Its errors name the file, line, column and field path.
func loadRegister(e *env, name string) (*ropa.Register, error) {
	reg, _, err := readRegister(e.stdin, name)
	return reg, err
}

// readRegister reads and decodes the register file name, or stdin for
// "-", and returns its bytes too. Its errors are those of ropa.Load, with
// standard input named "<stdin>".
func readRegister(stdin io.Reader, name string) (*ropa.Register, []byte, error) {
	shown, in := name, stdin
	if name == "-" {
		shown = stdinName
	} else {
		f, err := os.Open(name)
		if err != nil {
			return nil, nil, &ropa.DecodeError{File: name, Err: err}
		}
		defer f.Close()
		in = f
	}
	data, err := safefile.ReadAll(in, ropa.MaxFileSize)
	if errors.Is(err, safefile.ErrTooLarge) {
		return nil, nil, &ropa.DecodeError{File: shown, Err: fmt.Errorf("%w: the file is larger than %d bytes (ropa.MaxFileSize)", ropa.ErrLimit, ropa.MaxFileSize)}
	}
	if err != nil {
		return nil, nil, &ropa.DecodeError{File: shown, Err: err}
	}
	reg, err := ropa.Decode(bytes.NewReader(data), ropa.WithoutValidation())
	if de, ok := errors.AsType[*ropa.DecodeError](err); ok {
		de.File = shown
	}
	return reg, data, err
}

// openRegister loads the register file for a command ("-" is standard
// input). A file that cannot be read or parsed is reported on standard
// error, and ok is false: the command exits 2. name is the file's name for
// messages.
func openRegister(e *env, file string) (reg *ropa.Register, name string, ok bool) {
	reg, err := loadRegister(e, file)
	if err != nil {
		fmt.Fprintln(e.stderr, clean(loadMessage(err)))
		return nil, file, false
	}
	if file == "-" {
		file = stdinName
	}
	return reg, file, true
}

// writeOutput writes b to the file name, or to standard output for "-".
// The output is made in memory first and written atomically (a temporary
// file renamed over name), so that a command that fails never leaves half
// a file, nor spoils the file it replaces.
func writeOutput(e *env, name string, b []byte) error {
	if name == "-" {
		_, err := e.stdout.Write(b)
		return err
	}
	return safefile.WriteBytes(name, b, 0o644)
}

// forceFlag defines --force, which lets -o name one of the command's
// input files.
func forceFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("force", false, "let -o overwrite one of the command's input files")
}

// checkOutput is a usage error when the output file dest names one of the
// command's inputs, unless force is set: "export reg.yaml -o reg.yaml"
// would replace the register with a workbook.
func checkOutput(dest string, force bool, inputs ...string) error {
	if force || !safefile.Same(dest, inputs...) {
		return nil
	}
	return fmt.Errorf("-o %s names the input file; write to another file, or give --force to overwrite it", dest)
}

// fileMessage words an error about a file as "name: problem", without
// the operation ("open", "write") that os puts in front.
func fileMessage(err error) string {
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}

// failf reports a failure of the command named name on standard error and
// returns exitFailure. Usage errors are returned to command.run instead,
// which adds the usage line.
func failf(e *env, name, format string, args ...any) int {
	fmt.Fprintf(e.stderr, "article30 %s: %s\n", name, clean(fmt.Sprintf(format, args...)))
	return exitFailure
}

// oneFile returns the one positional argument a command takes.
func oneFile(args []string) (string, error) {
	switch len(args) {
	case 0:
		return "", errors.New("no FILE given")
	case 1:
		return args[0], nil
	}
	return "", fmt.Errorf("one FILE at a time, not %d (%s ...)", len(args), args[0])
}
