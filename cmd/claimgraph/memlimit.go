package main

import (
	"flag"
	"os"
	"runtime/debug"
)

// DefaultMemoryLimitMiB is the Go runtime's soft memory limit for bulk
// work (ingest, bench) unless GOMEMLIMIT or --memory-limit says otherwise:
// what bulk loading holds is bounded (the read cache, cayley's bloom
// filters, a group of documents), and without a limit the collector lets
// the heap grow to twice that.
const DefaultMemoryLimitMiB = 1024

// memoryLimitFlag adds --memory-limit to fs.
func memoryLimitFlag(fs *flag.FlagSet) *int64 {
	return fs.Int64("memory-limit", DefaultMemoryLimitMiB, "soft limit of the Go heap in MiB (the collector works harder near it; GOMEMLIMIT in the environment wins; 0: none)")
}

// setMemoryLimit applies --memory-limit, unless GOMEMLIMIT is set.
func setMemoryLimit(mib int64) {
	if os.Getenv("GOMEMLIMIT") != "" || mib <= 0 {
		return
	}
	debug.SetMemoryLimit(mib << 20)
}
