package cayleystore

import (
	"context"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// groupSteps are the world's documents, then events and links, a merge,
// a judgement, an entity update and a deleted link: every kind of write.
func groupSteps(w *world) ([]*graph.Batch, []uuid.UUID) {
	x := newXref(w)
	j := x.judgement()
	steps := append([]*graph.Batch(nil), w.batches...)
	raqqa := w.entity["raqqa"]
	raqqa.Keys = append(append([]string(nil), raqqa.Keys...), "added-key")
	revoked := j
	at := j.CreatedAt.Add(time.Minute)
	revoked.RevokedAt, revoked.RevokedBy = &at, "analyst-2"
	steps = append(steps, x.first(), x.merge(),
		&graph.Batch{Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()},
		&graph.Batch{Judgements: []graph.Judgement{revoked}, Label: "judgement:" + j.ID.String()},
		&graph.Batch{Entities: []graph.Entity{raqqa}},
		&graph.Batch{DeleteLinks: []uuid.UUID{x.l2.ID}})
	return steps, []uuid.UUID{x.e1, x.e2, j.ID}
}

// testGroup commits the steps one by one into one store and as one group
// into another: after each Add, the group reads as the first store does,
// and once committed the two stores hold the same quads.
func testGroup(t *testing.T, open opener) {
	ctx := t.Context()
	one, grouped := open(t), open(t)
	w := loadWorld(t)
	steps, extra := groupSteps(w)
	g := grouped.Group()
	empty := snapshot(t, grouped, w, extra)
	for i, b := range steps {
		if err := one.Commit(ctx, b); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if err := g.Add(ctx, b); err != nil {
			t.Fatalf("step %d: add: %v", i, err)
		}
		want := snapshot(t, one, w, extra)
		got := snapshot(t, g, w, extra)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("after step %d: %s over the group:\n%s\nin a store with the step committed:\n%s", i, k, got[k], v)
			}
		}
	}
	if g.Len() != len(steps) {
		t.Errorf("group of %d batches, want %d", g.Len(), len(steps))
	}
	// Nothing is written before Commit.
	before := snapshot(t, grouped, w, extra)
	for k, v := range empty {
		if before[k] != v {
			t.Errorf("before the group's commit: %s = %s, was %s", k, before[k], v)
		}
	}
	if err := g.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	diffLines(t, "group commit", dumpLines(t, grouped), dumpLines(t, one))
	if err := g.Commit(ctx); err == nil {
		t.Error("a group committed twice")
	}
}

// A group whose store was written since it started is planned again on
// Commit; a group with a refused batch commits nothing.
func testGroupStaleAndRefused(t *testing.T, open opener) {
	ctx := t.Context()
	one, grouped := open(t), open(t)
	w := loadWorld(t)
	steps, _ := groupSteps(w)
	g := grouped.Group()
	last := len(w.batches) - 1
	for i, b := range steps {
		if i == last {
			continue
		}
		if err := g.Add(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	// The last document is committed behind the group's back.
	if err := grouped.Commit(ctx, steps[last]); err != nil {
		t.Fatal(err)
	}
	if err := g.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	// The same writes in the order they reached the store.
	order := append([]*graph.Batch{steps[last]}, steps[:last]...)
	for _, b := range append(order, steps[last+1:]...) {
		if err := one.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	diffLines(t, "stale group", dumpLines(t, grouped), dumpLines(t, one))

	s := open(t)
	g = s.Group()
	if err := g.Add(ctx, w.batches[0]); err != nil {
		t.Fatal(err)
	}
	bad := &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{missing: missing}}
	if err := g.Add(ctx, bad); graph.ErrorCode(err) != graph.ENOTFOUND {
		t.Fatalf("add of a batch assigning a missing account: %v", err)
	}
	if err := g.Add(ctx, w.batches[1]); err == nil {
		t.Error("a group took a batch after a refused one")
	}
	if err := g.Commit(ctx); err == nil {
		t.Error("a group with a refused batch committed")
	}
	if lines := dumpLines(t, s); len(lines) != 0 {
		t.Errorf("a refused group wrote %d quads", len(lines))
	}
}

// testGroupPipelined writes the steps as a chain of groups, each started
// (written in the background on bolt) while the next is planned over it:
// every group reads as a store with the steps so far committed, and the
// chain ends with the same quads. A group whose parent's write failed
// fails too.
func testGroupPipelined(t *testing.T, open opener) {
	ctx := t.Context()
	one, piped := open(t), open(t)
	w := loadWorld(t)
	steps, extra := groupSteps(w)
	g := piped.Group()
	var started []*Group
	for i, b := range steps {
		if err := one.Commit(ctx, b); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		if err := g.Add(ctx, b); err != nil {
			t.Fatalf("step %d: add: %v", i, err)
		}
		want := snapshot(t, one, w, extra)
		got := snapshot(t, g, w, extra)
		for k, v := range want {
			if got[k] != v {
				t.Errorf("after step %d: %s over the chain:\n%s\nin a store with the step committed:\n%s", i, k, got[k], v)
			}
		}
		if i%3 == 2 {
			started = append(started, g)
			g = g.Start(ctx)
		}
	}
	if err := g.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	for i, s := range started {
		if err := s.Wait(); err != nil {
			t.Errorf("group %d: %v", i, err)
		}
	}
	diffLines(t, "pipelined groups", dumpLines(t, piped), dumpLines(t, one))

	// A failed write fails the group planned over it.
	s := open(t)
	g = s.Group()
	if err := g.Add(ctx, w.batches[0]); err != nil {
		t.Fatal(err)
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	next := g.Start(cancelled)
	if err := next.Add(ctx, w.batches[1]); err != nil {
		t.Fatal(err)
	}
	if err := g.Wait(); err == nil {
		t.Error("a write with a cancelled context succeeded")
	}
	if err := next.Commit(ctx); err == nil {
		t.Error("a group planned over a failed write committed")
	}
	if lines := dumpLines(t, s); len(lines) != 0 {
		t.Errorf("failed groups wrote %d quads", len(lines))
	}
}
