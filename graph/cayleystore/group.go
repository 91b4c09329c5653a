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

	// Pipelining (Start): parent is the sealed group whose batches this
	// one reads as written; wrote is closed when this group's own
	// background write ends, with werr its outcome and genAfter the
	// store's generation after it.
	parent   *Group
	wrote    chan struct{}
	werr     error
	genAfter uint64
	// nolock: reads skip the store's read lock, which a parent's write
	// holds. Only on bolt, whose transactions let reads run beside a
	// write; what this group reads from the store is untouched by the
	// parent's batches (those subjects are in its plan), and the cache
	// keeps nothing read while a write runs that the write changes
	// (cache.epoch, cache.pending).
	nolock bool
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
	unlock := g.rlock()
	err := g.s.planBatch(ctx, g.pl, b)
	unlock()
	if err != nil {
		g.err = err
		return err
	}
	g.batches = append(g.batches, b)
	return nil
}

// rlock takes the store's read lock unless the group reads beside its
// parent's write.
func (g *Group) rlock() func() {
	if g.nolock {
		return func() {}
	}
	g.s.rw.RLock()
	return g.s.rw.RUnlock
}

// Commit writes every batch added, in one ApplyDeltas. If the store was
// written since the group started (another Commit), the batches are
// planned again against what is stored now. A group started over a
// parent (Start) waits for the parent's write first, and fails if it
// failed. The group cannot be used after Commit.
func (g *Group) Commit(ctx context.Context) error {
	if g.done {
		return fmt.Errorf("group commit: committed twice")
	}
	g.done = true
	return g.write(ctx)
}

// write is Commit once the group is sealed.
func (g *Group) write(ctx context.Context) error {
	if g.err != nil {
		return fmt.Errorf("group commit: an earlier batch failed: %w", g.err)
	}
	gen := g.gen
	if g.parent != nil {
		if err := g.parent.Wait(); err != nil {
			return fmt.Errorf("group commit: the group before failed: %w", err)
		}
		gen = g.parent.genAfter
	}
	s := g.s
	s.wmu.Lock()
	defer s.wmu.Unlock()
	pl := g.pl
	if s.gen != gen {
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
	g.genAfter = s.gen
	return nil
}

// Start seals g and starts writing its batches, then returns the next
// group: it reads over the store with g's batches on top, as if written,
// and its own write (Commit or Start) waits for g's and fails if g's
// failed. On bolt g is written in the background while the next group is
// planned; on the other backends Start writes g before it returns. Wait
// tells how g's write ended.
func (g *Group) Start(ctx context.Context) *Group {
	// The next group reads what g did not change from the store: what g
	// continues must be written first. (Its error surfaces in g's write.)
	if g.parent != nil {
		_ = g.parent.Wait()
	}
	next := &Group{s: g.s, pl: g.pl.continuation(), parent: g, nolock: g.s.backend == BackendBolt}
	g.wrote = make(chan struct{})
	if g.done {
		g.werr = fmt.Errorf("group commit: started twice")
		close(g.wrote)
		return next
	}
	g.done = true
	run := func() {
		defer close(g.wrote)
		g.werr = g.write(ctx)
	}
	if next.nolock {
		go run()
	} else {
		run()
	}
	return next
}

// Wait waits for the write Start began and returns its outcome; nil for
// a group never started.
func (g *Group) Wait() error {
	if g.wrote == nil {
		return nil
	}
	<-g.wrote
	return g.werr
}
