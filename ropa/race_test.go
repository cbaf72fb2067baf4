//go:build race

package ropa

const raceEnabled = true
