// Command claimgraph ingests letters and reports into a claim graph and
// serves it: which sources mention an event, who said it first, where
// accounts conflict, and where each claim came from.
//
// Usage:
//
//	claimgraph serve   [--db PATH] [--addr 127.0.0.1:8080] [--load PATH ...]
//	claimgraph ingest  [--db PATH] PATH ...
//	claimgraph extract [--date YYYY-MM-DD] [--author NAME] [--kind KIND] [--format json|text] FILE
//	claimgraph xref    --rebuild [--db PATH]
//	claimgraph export  [--db PATH] [--focus ID] [--depth N] [--format F] [-o FILE]
//	claimgraph dump    [--db PATH] [-o FILE]
//	claimgraph load    --db PATH [FILE|-]
//	claimgraph gen     --docs N --seed S -o DIR
//	claimgraph bench   [--docs N] [--db PATH]
//	claimgraph version
//
// --db is a directory for the embedded bolt store (default ./claimgraph.db),
// "memory:" for an in-memory store, or a postgres:// or cockroach:// URL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
)

// Version is set at build time with -ldflags "-X main.Version=...".
var Version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "claimgraph:", err)
		}
		os.Exit(exitCode(err))
	}
}

// usageError marks errors in how the command was called (exit code 2).
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func exitCode(err error) int {
	var ue usageError
	if errors.As(err, &ue) || errors.Is(err, flag.ErrHelp) {
		return 2
	}
	return 1
}

const usage = `claimgraph: claim cross-referencing and provenance tracker

Commands:
  serve    serve the HTTP API and viewer (loads PATHs given with --load first)
  ingest   ingest files, folders or folders with a manifest.json
  extract  print what extraction finds in a file, without touching the store
  xref     --rebuild: cross-reference the whole store again and commit it
  export   write a subgraph for Gephi, Cytoscape, networkx, Graphviz or RDF tools:
           export --focus ID --depth N --format graphml|gexf|cytoscape|d3|dot|jsonld|nquads [-o FILE]
  gen      write a synthetic corpus (--docs N --seed S -o DIR) for benchmarks
  bench    generate, ingest and time the API against Gizmo and in-memory baselines
  dump     write the whole graph as N-Quads (a backup): dump --db PATH -o FILE
  load     restore a dump into an empty store of any backend: load --db DEST FILE
  version  print the version

Run 'claimgraph COMMAND -h' for a command's flags.
`

// Run runs the command line args.
func Run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return usageError{"no command given"}
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "serve":
		return runServe(ctx, rest, stdout, stderr)
	case "ingest":
		return runIngest(ctx, rest, stdout, stderr)
	case "extract":
		return runExtract(ctx, rest, stdout, stderr)
	case "xref":
		return runXref(ctx, rest, stdout, stderr)
	case "export":
		return runExport(ctx, rest, stdout, stderr)
	case "gen":
		return runGen(ctx, rest, stdout, stderr)
	case "bench":
		return runBench(ctx, rest, stdout, stderr)
	case "dump":
		return runDump(ctx, rest, stdout, stderr)
	case "load":
		return runLoad(ctx, rest, stdin, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "claimgraph", Version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprint(stderr, usage)
	return usageError{fmt.Sprintf("unknown command %q", cmd)}
}

// newLogger returns the structured logger every command uses.
func newLogger(w io.Writer, level string) (*slog.Logger, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(level)); err != nil {
		return nil, usageError{fmt.Sprintf("log level %q: use debug, info, warn or error", level)}
	}
	return slog.New(slog.NewJSONHandler(w, &slog.HandlerOptions{Level: l})), nil
}

// parse parses a command's flags, turning flag errors into usage errors.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	return nil
}
