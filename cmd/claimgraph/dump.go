package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

// runDump writes the whole graph, labels included, as N-Quads: to stdout,
// or to -o FILE, written to a temporary file beside it and renamed into
// place once complete and synced, so a failed dump never leaves a
// truncated backup under the real name.
func runDump(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("dump", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", DefaultDB, "store to dump: a bolt directory, or a postgres:// or cockroach:// URL")
	out := fs.String("o", "-", "file to write, - for standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{"dump: unexpected arguments; use -o FILE to name the output"}
	}
	if *db == "memory:" {
		return usageError{"dump: a memory: store is empty in a new process; dump a bolt or SQL store"}
	}
	if !isURL(*db) {
		if _, err := os.Stat(filepath.Join(*db, "indexes.bolt")); err != nil {
			return fmt.Errorf("dump: no store at %s: %w", *db, err)
		}
	}
	st, err := cayleystore.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer st.Close()
	start := time.Now()
	if *out == "-" {
		w := bufio.NewWriterSize(stdout, 1<<16)
		if err := st.Dump(ctx, w); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return fmt.Errorf("dump: write: %w", err)
		}
		return nil
	}
	if err := dumpToFile(ctx, st, *out); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "dumped %s to %s in %s\n", *db, *out, time.Since(start).Round(time.Millisecond))
	return nil
}

func dumpToFile(ctx context.Context, st *cayleystore.Store, path string) error {
	if err := writeFileAtomic(path, func(w io.Writer) error { return st.Dump(ctx, w) }); err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	return nil
}

// writeFileAtomic writes path through write: into a temporary file beside
// it, synced and renamed into place once complete, so that a failed write
// never replaces a good file.
func writeFileAtomic(path string, write func(io.Writer) error) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	done := false
	defer func() {
		if !done {
			f.Close()
			os.Remove(tmp)
		}
	}()
	w := bufio.NewWriterSize(f, 1<<16)
	if err := write(w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", tmp, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return err
	}
	done = true
	return nil
}

// runLoad restores a dump into a store of any backend. It refuses a store
// that is not empty, unless --merge is given: a restore is
// meant to give back the graph that was dumped, not a mixture.
func runLoad(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", "", "store to restore into: a bolt directory, or a postgres:// or cockroach:// URL (required)")
	merge := fs.Bool("merge", false, "add the dump to a store that is not empty")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *db == "" {
		return usageError{"load: --db is required"}
	}
	if *db == "memory:" {
		return usageError{"load: a memory: store is lost when load exits; load into a bolt or SQL store"}
	}
	if fs.NArg() > 1 {
		return usageError{"load: give one file, or - (the default) for standard input"}
	}
	in := stdin
	src := "standard input"
	if fs.NArg() == 1 && fs.Arg(0) != "-" {
		f, err := os.Open(fs.Arg(0))
		if err != nil {
			return fmt.Errorf("load: %w", err)
		}
		defer f.Close()
		in, src = f, fs.Arg(0)
	}
	if in == nil {
		return usageError{"load: no input"}
	}
	st, err := cayleystore.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer st.Close()
	if !*merge {
		before, err := st.Stats(ctx)
		if err != nil {
			return fmt.Errorf("load: read %s: %w", *db, err)
		}
		if before.Quads > 0 {
			return graph.Errorf(graph.ECONFLICT, "load: %s is not empty (%d quads, %d documents); restore into an empty store, or give --merge", *db, before.Quads, before.Documents)
		}
	}
	start := time.Now()
	if err := st.Load(ctx, bufio.NewReaderSize(in, 1<<16)); err != nil {
		return fmt.Errorf("load %s into %s: %w", src, *db, err)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		return fmt.Errorf("load: count: %w", err)
	}
	fmt.Fprintf(stderr, "loaded %s into %s in %s: %d documents, %d claims, %d quads\n",
		src, *db, time.Since(start).Round(time.Millisecond), stats.Documents, stats.Claims, stats.Quads)
	return st.Close()
}

// isURL reports whether a --db value names a SQL store.
func isURL(dsn string) bool {
	for _, p := range []string{"postgres://", "postgresql://", "cockroach://"} {
		if len(dsn) >= len(p) && dsn[:len(p)] == p {
			return true
		}
	}
	return false
}
