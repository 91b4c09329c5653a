package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/graph/ingest"
)

func runIngest(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", DefaultDB, "store: a directory for the embedded bolt store, memory:, or a postgres:// or cockroach:// URL")
	level := fs.String("log-level", "warn", "debug, info, warn or error")
	memLimit := memoryLimitFlag(fs)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError{"ingest: give one or more files or folders"}
	}
	setMemoryLimit(*memLimit)
	log, err := newLogger(stderr, *level)
	if err != nil {
		return err
	}
	app, err := OpenApp(ctx, *db)
	if err != nil {
		return err
	}
	defer app.Close()
	s, err := ingestPaths(ctx, app, fs.Args(), stderr, log)
	if err != nil {
		return err
	}
	if s.Failed > 0 {
		return fmt.Errorf("%d of %d documents failed", s.Failed, s.Created+s.Existing+s.Failed)
	}
	return nil
}

// ingestPaths ingests every document under paths, showing a progress bar
// when stderr is a terminal, and prints a summary line.
func ingestPaths(ctx context.Context, app *App, paths []string, stderr io.Writer, log *slog.Logger) (*ingest.Summary, error) {
	items, err := ingest.ReadPaths(paths...)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	bar := isTerminal(stderr)
	s, err := app.Pipeline.IngestItems(ctx, items, func(done, total int, s *ingest.Summary) {
		if bar {
			drawBar(stderr, done, total, time.Since(start))
		}
	})
	if bar {
		fmt.Fprint(stderr, "\r\033[K")
	}
	if s != nil {
		for _, e := range s.Errors {
			log.Error("document failed", slog.Any("err", e))
		}
		el := time.Since(start)
		fmt.Fprintf(stderr, "ingested %d documents in %s (%.0f docs/s): %d new, %d already stored, %d failed; %d claims, %d accounts\n",
			len(items), el.Round(time.Millisecond), float64(len(items))/el.Seconds(), s.Created, s.Existing, s.Failed, s.Claims, s.Accounts)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return s, err
	}
	if err != nil {
		return s, fmt.Errorf("ingest interrupted; run it again to complete it: %w", err)
	}
	return s, nil
}

func drawBar(w io.Writer, done, total int, el time.Duration) {
	const width = 30
	n := 0
	if total > 0 {
		n = done * width / total
	}
	rate := float64(done) / el.Seconds()
	fmt.Fprintf(w, "\r[%s%s] %d/%d documents, %.0f/s", strings.Repeat("=", n), strings.Repeat(" ", width-n), done, total, rate)
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
