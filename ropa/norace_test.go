//go:build !race

package ropa

const raceEnabled = false
