package xref

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// The development set (testdata/dev): short documents about invented
// events, with labels, written to tune event resolution and conflict
// finding on. Measured figures go in the thresholds below, just under
// what the rules reach, so that a regression fails.
//
// First round (14 documents, 18 accounts): pairs precision 1.00, recall
// 0.85; conflicts recall 0.83, precision 1.00. Third round, 19 documents
// added (reporting delays, relative dates, places named at different
// levels and places the gazetteer lacks, compatible type words, denials
// that name no place, restatements, revisions, subgroups and percentages),
// 40 accounts, before any rule changed (extractor committed at the
// round's start): pairs precision 1.00, recall 0.80; conflicts recall
// 1.00, precision 0.92. After the round's rules: 1.00, 0.92; 1.00, 0.92
// (1.00, 1.00; 1.00, 0.92 with the extractor of the round's end). The
// misses left are extraction's: a denial read as affirmed and undated
// ("did not carry out any combat missions on 6 May"), a wire report's
// dateline taken as a denial's place, and "the toll ... has risen to
// 19" read as a count, not the killed (the false conflict on Douma).
//
// Fourth round, 10 documents added (50 accounts): an appeal and a
// council's statement whose accounts name no place in documents that name
// one, a letter's "last week" for a strike four days before it, and
// happenings that must stay apart (a second strike on one town eight days
// later, an earlier strike on another town, a car bomb and an air strike
// in one town on one day, a statement naming two towns). Before the
// round's rules: pairs 0.98 / 0.93, conflicts 0.92 / 0.92; after: 1.00 /
// 1.00, 1.00 / 0.93.
const (
	devPairPrecision     = 0.97
	devPairRecall        = 0.97
	devConflictRecall    = 0.97
	devConflictPrecision = 0.90
)

func TestDev(t *testing.T) {
	var first scores
	n := len(extractDir(t, "testdata/dev", gazetteer.Default()))
	for k, order := range [][]int{nil, reversed(n), shuffled(n, 7)} {
		sc := evaluate(t, "testdata/dev", order, true)
		if k == 0 {
			first = sc
			continue
		}
		if sc != first {
			t.Errorf("order %d gives other figures: %+v, first %+v", k, sc, first)
		}
	}
	first.atLeast(t, devPairPrecision, devPairRecall, devConflictRecall, devConflictPrecision)
}

// TestDevRebuild ingests the development set document by document, then
// rebuilds the store from scratch: the two agree, so the rebuild changes
// nothing.
func TestDevRebuild(t *testing.T) {
	ctx := context.Background()
	g := gazetteer.Default()
	in := ingest(t, ctx, g, extractDir(t, "testdata/dev", g))
	b, rep, err := in.engine.RebuildStore(ctx, in.st)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Documents != len(in.docs) || rep.EventsBefore == 0 || rep.LinksBefore == 0 {
		t.Fatalf("rebuild read too little: %+v", *rep)
	}
	if rep.EventsNew != 0 || rep.EventsDeleted != 0 || rep.Reassigned != 0 || rep.LinksAdded != 0 || rep.LinksDeleted != 0 ||
		rep.EventsBefore != rep.EventsAfter || rep.LinksBefore != rep.LinksAfter {
		t.Errorf("rebuild after ingestion changes things: %+v", *rep)
	}
	if err := in.st.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
}

// reversed is the order n-1, ..., 0.
func reversed(n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = n - 1 - i
	}
	return out
}

// shuffled is a fixed permutation of 0..n-1 (a linear congruential
// shuffle seeded with seed), the same on every run.
func shuffled(n int, seed uint64) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = i
	}
	x := seed
	for i := n - 1; i > 0; i-- {
		x = x*6364136223846793005 + 1442695040888963407
		j := int((x >> 33) % uint64(i+1))
		out[i], out[j] = out[j], out[i]
	}
	return out
}
