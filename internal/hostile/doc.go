// Package hostile generates the corpus of hostile and faulty input of
// issue 19: inputs an attacker or an unlucky user gives the readers and
// commands of the module, each reproducing a defect once found.
//
// [Corpus] lists every input with what it is. Those that are small and
// the same on every run are kept in testdata/hostile at the root of the
// module, so that they can be opened and tried by hand
// (article30 validate testdata/hostile/control-escape.yaml), with a
// README listing them all; the test of this package holds them equal to
// what the generator makes, and rewrites them with
//
//	go generate ./internal/hostile
//
// The others are made by the tests that use them, in a temporary
// directory: the alias bomb of 842 KB, the register one byte over
// ropa.MaxFileSize (64 MiB), the register of 30,000 activities (63 MB),
// the 1 GiB zip bomb, the sheets of 200,000 and 1,000,000 rows of notes,
// and a workbook really encrypted with a password (its salt differs on
// every run). Inputs that are not files (an endless stream of zeros, a
// write that fails half-way, a full disk) are made by the tests of
// cmd/article30, which run every input through the library and the
// command line (hostile_corpus_test.go there).
//
// [Workbook] writes an .xlsx package part by part, so that a cell may hold
// what no honest writer produces: an error value, a formula without a
// value, an XML entity reference, a DOCTYPE; [CompoundFile] writes the OLE
// compound file that a password-protected or an Excel 97-2003 workbook
// is. The package imports neither ropa nor export/xlsx, whose tests use it.
package hostile

//go:generate go test -run ^TestCorpus$ -update
