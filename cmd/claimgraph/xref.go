package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/xref"
)

// runXref runs `claimgraph xref --rebuild`: it cross-references the whole
// store again from scratch (events, grades, links, with every analyst
// judgement) and commits the result in one batch, printing what changed.
func runXref(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("xref", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", DefaultDB, "store: a directory for the embedded bolt store, memory:, or a postgres:// or cockroach:// URL")
	rebuild := fs.Bool("rebuild", false, "cross-reference every stored document again from scratch and commit the result")
	dry := fs.Bool("dry-run", false, "with --rebuild: print what would change, commit nothing")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*rebuild {
		return usageError{"xref: give --rebuild"}
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("xref: unexpected argument %q", fs.Arg(0))}
	}
	app, err := OpenApp(ctx, *db)
	if err != nil {
		return err
	}
	defer app.Close()
	start := time.Now()
	// Planned and committed as one write, holding the writers' lock, so
	// that no document another server ingests meanwhile is left out.
	var rep *xref.RebuildReport
	plan := func(ctx context.Context) (*graph.Batch, error) {
		b, r, err := app.Xref.RebuildStore(ctx, app.Store)
		rep = r
		return b, err
	}
	if *dry {
		_, err = plan(ctx)
	} else {
		_, err = app.Pipeline.Apply(ctx, plan)
	}
	if err != nil {
		return fmt.Errorf("rebuild: %w", err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			DryRun bool                `json:"dry_run"`
			Report *xref.RebuildReport `json:"report"`
		}{*dry, rep})
	}
	verb := "rebuilt"
	if *dry {
		verb = "would rebuild (dry run, nothing committed)"
	}
	fmt.Fprintf(stdout, "%s %d documents, %d accounts, %d claims, %d judgements in %s\n",
		verb, rep.Documents, rep.Accounts, rep.Claims, rep.Judgements, time.Since(start).Round(time.Millisecond))
	fmt.Fprintf(stdout, "events: %d before, %d after (%d new, %d deleted); %d accounts reassigned\n",
		rep.EventsBefore, rep.EventsAfter, rep.EventsNew, rep.EventsDeleted, rep.Reassigned)
	fmt.Fprintf(stdout, "links: %d before, %d after (%d added or changed, %d deleted)\n",
		rep.LinksBefore, rep.LinksAfter, rep.LinksAdded, rep.LinksDeleted)
	return nil
}
