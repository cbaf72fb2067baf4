//go:build race

package main

// hostileRace is set when the tests run with the race detector, which
// multiplies memory: the peak-memory bounds of the hostile corpus are then
// not checked.
const hostileRace = true
