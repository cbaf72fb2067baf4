//go:build race

package xlsx

// raceEnabled is set when the tests run with the race detector, which makes
// the workbook round trips about ten times slower.
const raceEnabled = true
