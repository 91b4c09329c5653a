package xref

import (
	"context"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
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

// TestTrainOrderRebuild, TestTrain4OrderRebuild and TestTrain6OrderRebuild
// hold the first, fourth and sixth training sets to the same: their
// documents in reverse and shuffled order give the figures of their
// document order, and a rebuild after ingestion changes nothing.
func TestTrainOrderRebuild(t *testing.T)  { testOrderRebuild(t, "testdata/train") }
func TestTrain4OrderRebuild(t *testing.T) { testOrderRebuild(t, "testdata/train4") }
func TestTrain6OrderRebuild(t *testing.T) { testOrderRebuild(t, "testdata/train6") }

// TestLastWeekMeetsUndatedReport: an account that names no place and
// dates its attack "last week" (a window that runs on to its report,
// past DayKeyMaxDays) matches an undated report of the same party's
// attack published within that week. Their keys must meet: with none,
// the "last week" account joined the report only when another account
// of its document happened to load the report's event (its document
// ingested after the report's), and stayed alone in the other order,
// while a rebuild joined them.
func TestLastWeekMeetsUndatedReport(t *testing.T) {
	ctx := context.Background()
	docs, names := fixtureDocs(t, "testdata/lastweek.json")
	_, w, accs, _ := loadFixture(t, "testdata/lastweek.json")
	u, wk := byKey(t, accs, "u1"), byKey(t, accs, "w1")
	u.Keys, wk.Keys = Keys(u, w), Keys(wk, w)
	if _, reasons, ok := Match(u, wk, w); !ok {
		t.Fatalf("u1 and w1 do not match: %v", reasons)
	}
	if !Candidates(u, wk, w) {
		t.Errorf("u1 and w1 match but share no key: %v / %v", u.Keys, wk.Keys)
	}
	var snaps []string
	for _, order := range [][]*graph.Extraction{docs, {docs[1], docs[0]}} {
		st, _ := ingestAll(t, ctx, order)
		snaps = append(snaps, storeSnapshot(t, ctx, st, docs, names).String())
	}
	if snaps[0] != snaps[1] {
		t.Errorf("document order changes the events:\n%s\n\nother order:\n%s", snaps[0], snaps[1])
	}
	if !strings.Contains(snaps[0], "u1,w1 ") {
		t.Errorf("u1 and w1 are not one event:\n%s", snaps[0])
	}
}

// TestKeylessMeetsOnlyItsDocument: an account without keys among keyed
// ones (here the "last week" account with its keys taken away, as a
// store keyed in an older format would hold it) is compared with its own
// document's accounts only. Compared with whatever else was loaded, it
// would join the report when its document-mate loaded the report's event
// and stay alone when it did not: an outcome set by arrival order.
func TestKeylessMeetsOnlyItsDocument(t *testing.T) {
	_, w, accs, _ := loadFixture(t, "testdata/lastweek.json")
	u, wk, c := byKey(t, accs, "u1"), byKey(t, accs, "w1"), byKey(t, accs, "c1")
	u.Keys, c.Keys, wk.Keys = Keys(u, w), Keys(c, w), nil
	if _, reasons, ok := Match(u, wk, w); !ok {
		t.Fatalf("u1 and w1 do not match: %v", reasons)
	}
	for _, set := range [][]graph.Account{{u, wk}, {u, wk, c}} {
		for _, cl := range Resolve(set, nil, w) {
			if len(cl.Accounts) > 1 {
				t.Errorf("%d accounts: a keyless account joined another document's: %v", len(set), cl.IDs())
			}
		}
	}
	// Without keys on either side (hand-built accounts), all are compared.
	u.Keys, c.Keys = nil, nil
	joined := false
	for _, cl := range Resolve([]graph.Account{u, wk, c}, nil, w) {
		joined = joined || len(cl.Accounts) > 1
	}
	if !joined {
		t.Error("accounts without keys were not compared")
	}
}
