package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"

	"github.com/claimgraph/claimgraph/bench"
)

// runBench generates a corpus, ingests it and times the API's traversals
// against cayley's Gizmo and an in-memory floor.
func runBench(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg bench.Config
	fs.IntVar(&cfg.Docs, "docs", 1000, "documents to generate and ingest")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "seed of the corpus and of the sampled ids")
	fs.StringVar(&cfg.DB, "db", "", "store: a bolt directory (must be new or empty), memory:, or a postgres:// URL; default a temporary bolt store")
	fs.IntVar(&cfg.Clients, "clients", 4, "concurrent HTTP clients")
	fs.IntVar(&cfg.Requests, "requests", 400, "requests per traversal")
	fs.IntVar(&cfg.Extra, "extra", 50, "documents ingested one by one after the bulk load, to time cross-referencing one more")
	fs.IntVar(&cfg.GroupSize, "group", 0, "most documents per group commit in the bulk load (0: the default, 1: one transaction per document)")
	fs.BoolVar(&cfg.SoleWriter, "sole-writer", false, "on PostgreSQL: this process is the database's only writer, so the read cache is on")
	fs.BoolVar(&cfg.NoBloom, "no-bloom", false, "on bolt: without cayley's bloom filters (about 480 MiB less memory, slower writes)")
	cacheMiB := fs.Int64("cache", 0, "read cache bound in MiB (0: the store's default, 256; negative: no cache)")
	mappedMiB := fs.Int64("mapped", 0, "on bolt: resident mapped store pages bound in MiB (0: the default, 512; negative: never released)")
	jsonOut := fs.String("json", "", "also write the report as JSON to this file")
	fs.StringVar(&cfg.HeapProfile, "memprofile", "", "write a heap profile to this file after the HTTP runs, with the store open")
	cpuOut := fs.String("cpuprofile", "", "write a CPU profile of the whole run to this file (go tool pprof)")
	stretchOut := fs.String("stretch-profile", "", "write a CPU profile of the bulk load's last stretch (from --stretch-from documents) to this file")
	fs.IntVar(&cfg.StretchFrom, "stretch-from", 0, "documents stored when --stretch-profile starts")
	memLimit := memoryLimitFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 || cfg.Docs < 1 {
		return usageError{"bench: give [--docs N] [--db DIR|memory:|postgres://...] [--clients C] [--json FILE]"}
	}
	cfg.Log = stderr
	cfg.CacheBytes, cfg.MappedBytes = *cacheMiB<<20, *mappedMiB<<20
	setMemoryLimit(*memLimit)
	if *cpuOut != "" {
		f, err := os.Create(*cpuOut)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	if *stretchOut != "" {
		if *cpuOut != "" {
			return usageError{"bench: give --cpuprofile or --stretch-profile, not both"}
		}
		f, err := os.Create(*stretchOut)
		if err != nil {
			return fmt.Errorf("bench: %w", err)
		}
		defer f.Close()
		cfg.StretchProfile = f
	}
	rep, err := bench.Run(ctx, cfg)
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	rep.Table(stdout)
	b, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		return fmt.Errorf("bench: %w", err)
	}
	if *jsonOut != "" {
		if err := os.WriteFile(*jsonOut, append(b, '\n'), 0o644); err != nil {
			return fmt.Errorf("bench: write %s: %w", *jsonOut, err)
		}
		return nil
	}
	fmt.Fprintf(stdout, "\n%s\n", b)
	return nil
}
