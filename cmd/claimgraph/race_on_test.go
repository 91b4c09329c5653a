//go:build race

package main

// raceEnabled reports whether the tests run under the race detector, which
// slows the claimgraph processes the crash tests start several times.
const raceEnabled = true
