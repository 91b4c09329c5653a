package cayleystore

import (
	"context"
	"fmt"

	"github.com/claimgraph/claimgraph/graph"
)

// Group is a group commit: batches planned one after another, each over
// the store with the batches before it layered on top, then written by
// one ApplyDeltas (one transaction, one fsync on bolt) for all of them.
//
// A Group is also a read view: its read methods (those of Store) answer
// as the store would once the group is committed, which is what a
// cross-referencer planning the next document of a bulk ingest must see.
// It is for one goroutine; it holds no lock between calls.
//
// The group is all-or-nothing as a whole. A caller that needs each
// batch all-or-nothing on its own (bulk ingest: one bad document must not
// take the others down) commits the batches one by one, planned afresh,
// when Add or Commit fails.
type Group struct {
	s       *Store
	pl      *plan
	gen     uint64 // the store's generation the plan was read at
	batches []*graph.Batch
	err     error // the first failed Add: the plan may hold part of it
	done    bool
}

// Group starts an empty group over the store.
func (s *Store) Group() *Group {
	s.wmu.Lock()
	gen := s.gen
	s.wmu.Unlock()
	return &Group{s: s, pl: newPlan(s), gen: gen}
}

func (g *Group) rd() reader { return reader{s: g.s, pl: g.pl} }

// Len is the number of batches added.
func (g *Group) Len() int { return len(g.batches) }

// Add plans b over the store and the batches added before it. After a
// failed Add the group cannot be committed.
func (g *Group) Add(ctx context.Context, b *graph.Batch) error {
	switch {
	case g.done:
		return fmt.Errorf("group commit: add to a group already committed")
	case g.err != nil:
		return fmt.Errorf("group commit: an earlier batch failed: %w", g.err)
	case b == nil:
		return graph.Errorf(graph.EINVALID, "nil batch")
	}
	g.s.rw.RLock()
	err := g.s.planBatch(ctx, g.pl, b)
	g.s.rw.RUnlock()
	if err != nil {
		g.err = err
		return err
	}
	g.batches = append(g.batches, b)
	return nil
}

// Commit writes every batch added, in one ApplyDeltas. If the store was
// written since the group started (another Commit), the batches are
// planned again against what is stored now. The group cannot be used
// after Commit.
func (g *Group) Commit(ctx context.Context) error {
	if g.done {
		return fmt.Errorf("group commit: committed twice")
	}
	g.done = true
	if g.err != nil {
		return fmt.Errorf("group commit: an earlier batch failed: %w", g.err)
	}
	s := g.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pl := g.pl
	if s.gen != g.gen {
		pl = newPlan(s)
		for _, b := range g.batches {
			if err := s.planBatch(ctx, pl, b); err != nil {
				return fmt.Errorf("group commit: plan again: %w", err)
			}
		}
	}
	if err := s.apply(ctx, pl); err != nil {
		return fmt.Errorf("group commit of %d batches: %w", len(g.batches), err)
	}
	return nil
}
