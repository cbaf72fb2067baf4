//go:build !race

package main

const hostileRace = false
