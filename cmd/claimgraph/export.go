package main

import (
	"context"
	"flag"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/export"
)

// runExport writes a subgraph (or the whole graph) in a format a
// visualisation tool loads: the same selection and formats as GET /v1/graph.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	db := fs.String("db", DefaultDB, "store: a directory for the embedded bolt store, memory:, or a postgres:// or cockroach:// URL")
	var opt export.Options
	fs.StringVar(&opt.Focus, "focus", "", "id of the document, claim, entity or event to centre on; none for the whole graph")
	fs.IntVar(&opt.Depth, "depth", export.DefaultDepth, fmt.Sprintf("hops from the focus, 0 to %d", export.MaxDepth))
	rels := fs.String("relations", "", "comma-separated relations to follow (default all)")
	fs.StringVar(&opt.From, "from", "", "keep documents, claims and events dated on or after YYYY-MM-DD")
	fs.StringVar(&opt.To, "to", "", "keep those dated on or before YYYY-MM-DD")
	fs.IntVar(&opt.MaxNodes, "max-nodes", export.DefaultMaxNodes, fmt.Sprintf("node budget, at most %d", export.HardMaxNodes))
	fs.IntVar(&opt.MaxEdges, "max-edges", export.DefaultMaxEdges, fmt.Sprintf("edge budget, at most %d (structure first, then disputes, revises, repeats, corroborates)", export.HardMaxEdges))
	format := fs.String("format", "graphml", "cytoscape, d3, graphml, gexf, dot, jsonld or nquads")
	out := fs.String("o", "", "write to FILE (atomically) instead of standard output")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return usageError{"export: takes no arguments; use --focus ID"}
	}
	f, err := export.ParseFormat(*format)
	if err != nil {
		return usageError{"export: " + graph.ErrorMessage(err)}
	}
	if opt.Relations, err = export.ParseRelations(*rels); err != nil {
		return usageError{"export: " + graph.ErrorMessage(err)}
	}
	if err := opt.Check(); err != nil {
		return usageError{"export: " + graph.ErrorMessage(err)}
	}
	st, err := cayleystore.Open(ctx, *db)
	if err != nil {
		return fmt.Errorf("open store %s: %w", *db, err)
	}
	defer st.Close()
	var g *export.Graph
	write := func(w io.Writer) error {
		var err error
		g, err = export.Export(ctx, st, opt, f, w)
		return err
	}
	if *out == "" {
		err = write(stdout)
	} else {
		err = writeFileAtomic(*out, write)
	}
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if g != nil && g.Truncated {
		fmt.Fprintln(stderr, "claimgraph export:", g.Note)
	}
	return nil
}
