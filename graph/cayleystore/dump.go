package cayleystore

import (
	"context"
	"errors"
	"fmt"
	"io"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad/nquads"

	"github.com/claimgraph/claimgraph/graph"
)

// Stats counts what the store holds.
type Stats struct {
	Documents  int64 `json:"documents"`
	Claims     int64 `json:"claims"`
	Entities   int64 `json:"entities"`
	Accounts   int64 `json:"accounts"`
	Events     int64 `json:"events"`
	Links      int64 `json:"links"`
	Judgements int64 `json:"judgements"`
	Quads      int64 `json:"quads"`
}

// Stats counts the nodes of each type and the quads.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	var st Stats
	for _, c := range []struct {
		k   kind
		dst *int64
	}{
		{kDocument, &st.Documents}, {kClaim, &st.Claims}, {kEntity, &st.Entities},
		{kAccount, &st.Accounts}, {kEvent, &st.Events}, {kLink, &st.Links}, {kJudgement, &st.Judgements},
	} {
		n, err := path.StartPath(s.qs, c.k.typ).In(pType).Iterate(ctx).Paths(false).Count()
		if err != nil {
			return Stats{}, fmt.Errorf("count %ss: %w", c.k.name, err)
		}
		if err := ctx.Err(); err != nil {
			return Stats{}, err
		}
		*c.dst = n
	}
	qst, err := s.qs.Stats(ctx, true)
	if err == nil && qst.Quads.Exact {
		st.Quads = qst.Quads.Value
		return st, nil
	}
	// A bolt store that was never written has no buckets to read sizes
	// from: count.
	n, err := iterator.Iterate(ctx, s.qs.QuadsAllIterator()).Paths(false).Count()
	if err != nil {
		return Stats{}, fmt.Errorf("count quads: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return Stats{}, err
	}
	st.Quads = n
	return st, nil
}

// Dump writes every quad, labels included, as N-Quads.
func (s *Store) Dump(ctx context.Context, w io.Writer) error {
	s.rw.RLock()
	defer s.rw.RUnlock()
	enc := nquads.NewWriter(w)
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("dump: read quad: %w", err)
		}
		if err := enc.WriteQuad(q); err != nil {
			return fmt.Errorf("dump: write: %w", err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("dump: iterate: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("dump: flush: %w", err)
	}
	return nil
}

// loadBatch is how many quads Load applies per ApplyDeltas.
const loadBatch = 10000

// Load adds the N-Quads read from r, in batches, ignoring quads already
// stored. Loading a Dump into an empty store gives an identical graph.
// Each batch is atomic; a failure part way leaves the batches before it.
func (s *Store) Load(ctx context.Context, r io.Reader) error {
	s.wmu.Lock()
	defer s.wmu.Unlock()
	dec := nquads.NewReader(r, false)
	deltas := make([]cgraph.Delta, 0, loadBatch)
	flush := func() error {
		if len(deltas) == 0 {
			return nil
		}
		s.rw.Lock()
		defer s.rw.Unlock()
		s.gen++
		if s.cache != nil {
			s.cache.epoch.Add(1)
		}
		err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true})
		if s.cache != nil {
			s.cache.clear()
			s.cache.epoch.Add(1)
		}
		if err != nil {
			return err
		}
		deltas = deltas[:0]
		return nil
	}
	n := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		q, err := dec.ReadQuad()
		if errors.Is(err, io.EOF) {
			break
		}
		n++
		if err != nil {
			return fmt.Errorf("load: quad %d: %w", n, err)
		}
		if !q.IsValid() {
			return graph.Errorf(graph.EINVALID, "load: quad %d lacks a subject, predicate or object", n)
		}
		deltas = append(deltas, cgraph.Delta{Quad: q, Action: cgraph.Add})
		if len(deltas) == loadBatch {
			if err := flush(); err != nil {
				return fmt.Errorf("load: quads up to %d: %w", n, err)
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("load: quads up to %d: %w", n, err)
	}
	return nil
}
