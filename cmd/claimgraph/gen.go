package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/claimgraph/claimgraph/graph/gen"
)

// runGen writes a synthetic corpus: `claimgraph gen --docs N --seed S -o DIR`.
func runGen(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	docs := fs.Int("docs", 1000, "number of documents")
	seed := fs.Uint64("seed", 1, "seed: the same seed gives the same corpus")
	events := fs.Int("events", 0, "size of the event pool (0: docs/4)")
	out := fs.String("o", "", "folder to write the documents and manifest.json to")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *out == "" || fs.NArg() > 0 {
		return usageError{"gen: give --docs N --seed S -o DIR"}
	}
	if *docs < 1 || *events < 0 {
		return usageError{"gen: --docs must be at least 1 and --events not negative"}
	}
	start := time.Now()
	bar := isTerminal(stderr)
	n, err := gen.Write(*out, gen.Options{Docs: *docs, Seed: *seed, Events: *events}, func(done, total int) {
		if bar && (done%500 == 0 || done == total) {
			drawBar(stderr, done, total, time.Since(start))
		}
	})
	if bar {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if err != nil {
		return fmt.Errorf("gen: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %d documents and manifest.json to %s in %s\n", n, *out, time.Since(start).Round(time.Millisecond))
	return nil
}
