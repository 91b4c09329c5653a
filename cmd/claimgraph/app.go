package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/claimgraph/claimgraph/graph"

	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/xref"
)

// DefaultDB is the store used when --db is not given.
const DefaultDB = "./claimgraph.db"

// App is claimgraph wired together: the store, the gazetteer, the
// extractor, the cross-referencer and the ingestion pipeline.
type App struct {
	Store     *cayleystore.Store
	Gazetteer *gazetteer.Gazetteer
	Extractor *extract.Extractor
	Xref      *xref.Engine
	Pipeline  *ingest.Pipeline
}

// OpenApp opens the store at dsn and wires the rest around it.
func OpenApp(ctx context.Context, dsn string) (*App, error) {
	st, err := cayleystore.Open(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	g := gazetteer.Default()
	a := &App{Store: st, Gazetteer: g, Extractor: extract.New(g), Xref: xref.New(st, g)}
	// Bulk ingestion (ingest, serve --load) commits documents in groups,
	// each document still all or nothing; HTTP ingestion commits each
	// document on its own before it answers.
	a.Pipeline = &ingest.Pipeline{Extractor: a.Extractor, Planner: a.Xref, Store: st, Index: g.Keys, Groups: ingest.GroupsOf(st.Group)}
	if err := a.prepareStore(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	return a, nil
}

// prepareStore seeds the gazetteer and keys stored accounts again if
// their keys are in an earlier format, holding the writers' lock: other
// servers may be opening or writing the same database.
func (a *App) prepareStore(ctx context.Context) error {
	unlock, err := a.Store.LockWriters(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	if err := SeedGazetteer(ctx, a.Store, a.Gazetteer); err != nil {
		return err
	}
	// Accounts keyed in an earlier format would miss new ones: key them
	// again before anything is planned.
	rep, err := a.Xref.EnsureKeyFormat(ctx, a.Store)
	if err != nil {
		return err
	}
	if rep.Accounts > 0 {
		slog.Info("blocking keys of stored accounts computed again", slog.String("from_format", rep.From),
			slog.String("to_format", rep.To), slog.Int("accounts", rep.Accounts), slog.Int("changed", rep.Changed))
	}
	return nil
}

// SeedGazetteer writes the gazetteer's entities, with their match keys and
// place hierarchy, so that search and place queries know every place and
// party before any document names them. Entities already stored are left
// as they are. A store that records this gazetteer's fingerprint as seeded
// in full is left alone: reading all 6,500 entities back to find them
// stored cost every start 0.6 s.
//
// It commits seedBatch entities at a time: bolt inserts a transaction's
// keys into pages it splits only at commit, so one transaction of all
// 6,500 entities spent 13 s moving memory where batches take about 2 s.
// Seeding is idempotent and the fingerprint is recorded last, so a crash
// between batches leaves a store the next start completes.
func SeedGazetteer(ctx context.Context, st *cayleystore.Store, g *gazetteer.Gazetteer) error {
	fp := g.Fingerprint()
	if fp != "" {
		seeded, err := st.SeededGazetteer(ctx)
		if err != nil {
			return fmt.Errorf("seed gazetteer: %w", err)
		}
		if seeded == fp {
			return nil
		}
	}
	ents := g.Entities()
	for i := range ents {
		ents[i].Keys = g.Keys(&ents[i])
	}
	for len(ents) > 0 {
		n := min(len(ents), seedBatch)
		if err := st.Commit(ctx, &graph.Batch{Entities: ents[:n], Label: "gazetteer"}); err != nil {
			return fmt.Errorf("seed gazetteer: %w", err)
		}
		ents = ents[n:]
	}
	if fp != "" {
		if err := st.MarkSeededGazetteer(ctx, fp); err != nil {
			return fmt.Errorf("seed gazetteer: %w", err)
		}
	}
	return nil
}

// seedBatch is how many gazetteer entities SeedGazetteer commits at once.
const seedBatch = 500

// Close closes the store.
func (a *App) Close() error { return a.Store.Close() }
