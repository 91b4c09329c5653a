package cayleystore

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// Direct index access. Cayley's path engine may answer "the subjects
// linked by p to these nodes" by iterating every quad with predicate p: on
// bolt a predicate has no index, so that is a scan of the whole quad log,
// and ingestion slowed as the store grew (measured: 51% of ingest CPU in
// AccountsByKey at 400 documents, 35 documents/s falling). These helpers
// read the object index (o, p, s) or the subject index (s, p) of the nodes
// given instead, and keep the quads whose predicate matches, so their cost
// follows the edges of those nodes, not the size of the store.

// predRefs returns the keys of the refs of preds that are stored.
func (s *Store) predRefs(preds []quad.IRI) (map[any]bool, error) {
	out := make(map[any]bool, len(preds))
	for _, p := range preds {
		r, err := s.qs.ValueOf(p)
		if err != nil {
			return nil, fmt.Errorf("predicate %s: %w", p, err)
		}
		if r != nil {
			out[refs.ToKey(r)] = true
		}
	}
	return out, nil
}

// linked returns, for each node in nodes, the refs at direction far of
// the quads whose direction near is that node and whose predicate is one
// of preds, in index order.
func (s *Store) linked(ctx context.Context, nodes []quad.Value, near, far quad.Direction, preds ...quad.IRI) ([][]refs.Ref, error) {
	ps, err := s.predRefs(preds)
	if err != nil {
		return nil, err
	}
	out := make([][]refs.Ref, len(nodes))
	if len(ps) == 0 {
		return out, nil
	}
	for i, n := range nodes {
		r, err := s.qs.ValueOf(n)
		if err != nil {
			return nil, fmt.Errorf("look up %s: %w", n, err)
		}
		if r == nil {
			continue
		}
		it := s.qs.QuadIterator(near, r).Iterate()
		for it.Next(ctx) {
			q := it.Result()
			p, err := s.qs.QuadDirection(q, quad.Predicate)
			if err != nil {
				it.Close()
				return nil, fmt.Errorf("quad predicate: %w", err)
			}
			if !ps[refs.ToKey(p)] {
				continue
			}
			o, err := s.qs.QuadDirection(q, far)
			if err != nil {
				it.Close()
				return nil, fmt.Errorf("quad %s: %w", far, err)
			}
			out[i] = append(out[i], o)
		}
		err = it.Err()
		it.Close()
		if err != nil {
			return nil, err
		}
		// Iteration stops silently on cancellation: say so.
		if err := ctx.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// into returns the distinct subjects of the quads (subject pred node) for
// the nodes given, resolved in one batched pass.
func (s *Store) into(ctx context.Context, nodes []quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	per, err := s.linked(ctx, nodes, quad.Object, quad.Subject, preds...)
	if err != nil {
		return nil, err
	}
	var rs []refs.Ref
	seen := map[any]bool{}
	for _, l := range per {
		for _, r := range l {
			if k := refs.ToKey(r); !seen[k] {
				seen[k] = true
				rs = append(rs, r)
			}
		}
	}
	vals, err := s.resolve(ctx, rs)
	if err != nil {
		return nil, err
	}
	out := vals[:0]
	for _, v := range vals {
		if v != nil {
			out = append(out, v)
		}
	}
	return out, nil
}
