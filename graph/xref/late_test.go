package xref

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// TestTrain5OrderRebuild runs the engine's incremental path over real
// late answers (the fifth training set: Russia's denial of the al-Hri
// strike, undated, nine days after the Observatory's undated report, with
// the ministry's own account of its strikes in its document): the set in
// reverse and shuffled order gives the figures of its document order, and
// rebuilding the store after ingestion changes nothing.
func TestTrain5OrderRebuild(t *testing.T) { testOrderRebuild(t, "testdata/train5") }

// testOrderRebuild checks that the set's documents in other orders give
// the same figures, and that a rebuild after ingestion changes nothing.
func testOrderRebuild(t *testing.T, dir string) {
	needSet(t, dir)
	g := gazetteer.Default()
	xs := extractDir(t, dir, g)
	first := evaluate(t, dir, nil, false)
	for k, order := range [][]int{reversed(len(xs)), shuffled(len(xs), 13)} {
		if sc := evaluate(t, dir, order, false); sc != first {
			t.Errorf("order %d gives other figures: %+v, first %+v", k, sc, first)
		}
	}
	ctx := context.Background()
	in := ingest(t, ctx, g, xs)
	_, rep, err := in.engine.RebuildStore(ctx, in.st)
	if err != nil {
		t.Fatal(err)
	}
	if rep.EventsNew != 0 || rep.EventsDeleted != 0 || rep.Reassigned != 0 || rep.LinksAdded != 0 || rep.LinksDeleted != 0 ||
		rep.EventsBefore != rep.EventsAfter || rep.LinksBefore != rep.LinksAfter {
		t.Errorf("rebuild after ingestion changes things: %+v", *rep)
	}
}
