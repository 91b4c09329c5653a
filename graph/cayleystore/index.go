package cayleystore

import (
	"context"
	"fmt"
	"slices"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/iterator"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
)

// Direct index access. Cayley's path engine may answer "the subjects
// linked by p to these nodes" by iterating every quad with predicate p: on
// bolt a predicate has no index, so that is a scan of the whole quad log,
// and ingestion slowed as the store grew (measured: 51% of ingest CPU in
// AccountsByKey at 400 documents, 35 documents/s falling). These helpers
// read the object index (o, p, s) or the subject index (s, p) of the nodes
// given instead, and keep the quads whose predicate matches, so their cost
// follows the edges of those nodes, not the size of the store. Their
// results go through the read cache (cache.go).

// predRefs returns the keys of the refs of preds that are stored.
func (s *Store) predRefs(preds []quad.IRI) (map[any]quad.IRI, error) {
	out := make(map[any]quad.IRI, len(preds))
	for _, p := range preds {
		r, err := s.qs.ValueOf(p)
		if err != nil {
			return nil, fmt.Errorf("predicate %s: %w", p, err)
		}
		if r != nil {
			out[refs.ToKey(r)] = p
		}
	}
	return out, nil
}

// edges returns, for each node, the values at the far end of its edges
// whose predicate is one of preds: the objects of its out-edges, or with
// in the subjects of its in-edges. Each node's values come per predicate,
// in the order preds are given, each in index order. Results come from
// the cache where it has them; what is read is cached unless keep is
// false. The slices returned are the caller's.
func (s *Store) edges(ctx context.Context, nodes []quad.Value, in, keep bool, preds ...quad.IRI) ([][]quad.Value, error) {
	kind := ckOut
	if in {
		kind = ckIn
	}
	out := make([][]quad.Value, len(nodes))
	var miss []int
	var epoch uint64
	if s.cache != nil {
		epoch = s.cache.epoch.Load()
	}
	for i, n := range nodes {
		if s.cache == nil {
			miss = append(miss, i)
			continue
		}
		var got []quad.Value
		hit := true
		for _, p := range preds {
			v, ok := s.cache.get(cacheKey{node: n, pred: p, kind: kind})
			if !ok {
				hit = false
				break
			}
			got = append(got, v.([]quad.Value)...)
		}
		if hit {
			out[i] = got
		} else {
			miss = append(miss, i)
		}
	}
	if len(miss) == 0 {
		return out, nil
	}
	read, err := s.readEdges(ctx, nodes, miss, in, preds)
	if err != nil {
		return nil, err
	}
	for j, i := range miss {
		for k, p := range preds {
			vs := read[j][k]
			if s.cache != nil && keep {
				s.cache.put(cacheKey{node: nodes[i], pred: p, kind: kind}, vs, valuesCost(vs), epoch)
			}
			out[i] = append(out[i], vs...)
		}
	}
	return out, nil
}

// prefixIndexes are cayley's key-value indexes (bolt) read by prefix: the
// subject index (subject, predicate) gives a node's out-edges with one
// predicate as one key, the object index (object, predicate, subject) its
// in-edges with one predicate as one range. Reading a node's whole prefix
// and keeping one predicate walked every quad of the node: an account has
// about 30 (its blocking keys, claims, type, record, event), a claim its
// links' in-edges, an event every record it ever had (a replaced quad is
// marked dead in cayley's log, not taken out of the index), each fetched
// from the log and decoded. Counted over a bulk load of 1,500 documents:
// 12.4 quads walked per account record or event read, 6.6 per claim
// record, 4 per link record.
type prefixIndexes struct {
	out, in kv.QuadIndex
}

// kvPrefixIndexes returns the indexes of qs to read by prefix, or nil when
// qs is not cayley's key-value store or lacks either index (the edges are
// then read from the node's whole prefix). Cayley itself names the index
// it would scan for a quad's subject and predicate, and for its object,
// predicate and subject, so this follows whatever indexes the store was
// created with.
func kvPrefixIndexes(qs cgraph.QuadStore) *prefixIndexes {
	kqs, ok := qs.(*kv.QuadStore)
	if !ok {
		return nil
	}
	pick := func(dirs ...quad.Direction) (kv.QuadIndex, bool) {
		f := make(map[quad.Direction]refs.Ref, len(dirs))
		for _, d := range dirs {
			f[d] = kv.Int64Value(1)
		}
		sh, ok := kqs.OptimizeShape(context.Background(), shape.QuadsAction{Result: quad.Subject, Filter: f})
		if !ok {
			return kv.QuadIndex{}, false
		}
		nf, ok := sh.(shape.NodesFrom)
		if !ok {
			return kv.QuadIndex{}, false
		}
		scan, ok := nf.Quads.(kv.IndexScan)
		if !ok || !slices.Equal(scan.Index.Dirs, dirs) {
			return kv.QuadIndex{}, false
		}
		return scan.Index, true
	}
	out, okOut := pick(quad.Subject, quad.Predicate)
	in, okIn := pick(quad.Object, quad.Predicate, quad.Subject)
	if !okOut || !okIn {
		return nil
	}
	return &prefixIndexes{out: out, in: in}
}

// readEdges reads the edges of nodes[miss[j]] from the index: for each,
// one slice of values per predicate of preds. Values are resolved in one
// batched pass per chunk of nodes.
func (s *Store) readEdges(ctx context.Context, nodes []quad.Value, miss []int, in bool, preds []quad.IRI) ([][][]quad.Value, error) {
	ps, err := s.predRefs(preds)
	if err != nil {
		return nil, err
	}
	pidx := make(map[quad.IRI]int, len(preds))
	for k, p := range preds {
		pidx[p] = k
	}
	// The stored predicates' ids, by position in preds, for prefix reads.
	var pids []uint64
	var pks []int
	if s.prefix != nil {
		for r, p := range ps {
			id, ok := r.(kv.Int64Value)
			if !ok {
				pids = nil
				break
			}
			pids = append(pids, uint64(id))
			pks = append(pks, pidx[p])
		}
	}
	near, far := quad.Subject, quad.Object
	if in {
		near, far = quad.Object, quad.Subject
	}
	out := make([][][]quad.Value, len(miss))
	for start := 0; start < len(miss); start += chunk {
		end := min(start+chunk, len(miss))
		type at struct{ j, k int }
		var rs []refs.Ref
		var where []at
		for j := start; j < end; j++ {
			out[j] = make([][]quad.Value, len(preds))
			if len(ps) == 0 {
				continue
			}
			r, err := s.qs.ValueOf(nodes[miss[j]])
			if err != nil {
				return nil, fmt.Errorf("look up %s: %w", nodes[miss[j]], err)
			}
			if r == nil {
				continue
			}
			if id, ok := r.(kv.Int64Value); ok && pids != nil {
				// One index prefix per predicate.
				ind := s.prefix.out
				if in {
					ind = s.prefix.in
				}
				for i, pid := range pids {
					it := kv.IndexScan{Index: ind, Values: []uint64{uint64(id), pid}}.BuildIterator(s.qs).Iterate()
					err := eachQuad(ctx, it, func(q refs.Ref) error {
						o, err := s.qs.QuadDirection(q, far)
						if err != nil {
							return fmt.Errorf("quad %s: %w", far, err)
						}
						rs = append(rs, o)
						where = append(where, at{j, pks[i]})
						return nil
					})
					if err != nil {
						return nil, err
					}
				}
				continue
			}
			err = eachQuad(ctx, s.qs.QuadIterator(near, r).Iterate(), func(q refs.Ref) error {
				p, err := s.qs.QuadDirection(q, quad.Predicate)
				if err != nil {
					return fmt.Errorf("quad predicate: %w", err)
				}
				pred, ok := ps[refs.ToKey(p)]
				if !ok {
					return nil
				}
				o, err := s.qs.QuadDirection(q, far)
				if err != nil {
					return fmt.Errorf("quad %s: %w", far, err)
				}
				rs = append(rs, o)
				where = append(where, at{j, pidx[pred]})
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		vals, err := s.resolve(ctx, rs)
		if err != nil {
			return nil, err
		}
		for i, w := range where {
			if v := vals[i]; v != nil {
				out[w.j][w.k] = append(out[w.j][w.k], v)
			}
		}
	}
	return out, nil
}

// reader reads the store through the cache, with the pending state of a
// group commit layered over it when pl is set: a subject the group has
// planned has exactly the quads the group leaves it, whatever the store
// holds.
type reader struct {
	s  *Store
	pl *plan
}

func (s *Store) rd() reader { return reader{s: s} }

// adj is edges as the reader sees them.
func (r reader) adj(ctx context.Context, nodes []quad.Value, in bool, preds ...quad.IRI) ([][]quad.Value, error) {
	if r.pl == nil {
		return r.s.edges(ctx, nodes, in, true, preds...)
	}
	if !in {
		// Subjects the group has planned are answered from its state.
		var ask []quad.Value
		var at []int
		out := make([][]quad.Value, len(nodes))
		for i, n := range nodes {
			if st, ok := r.pl.state[n]; ok {
				for _, p := range preds {
					for _, q := range st {
						if q.Predicate == p {
							out[i] = append(out[i], q.Object)
						}
					}
				}
				continue
			}
			ask = append(ask, n)
			at = append(at, i)
		}
		got, err := r.s.edges(ctx, ask, false, true, preds...)
		if err != nil {
			return nil, err
		}
		for j, i := range at {
			out[i] = got[j]
		}
		return out, nil
	}
	out, err := r.s.edges(ctx, nodes, true, true, preds...)
	if err != nil {
		return nil, err
	}
	idx := r.pl.inIndex()
	for i, n := range nodes {
		kept := out[i][:0]
		for _, sub := range out[i] {
			if _, planned := r.pl.state[sub]; !planned {
				kept = append(kept, sub)
			}
		}
		for _, p := range preds {
			kept = append(kept, idx[inKey{n, p}]...)
		}
		out[i] = kept
	}
	return out, nil
}

// into returns the distinct subjects of the quads (subject pred node) for
// the nodes given.
func (r reader) into(ctx context.Context, nodes []quad.Value, preds ...quad.IRI) ([]quad.Value, error) {
	per, err := r.adj(ctx, nodes, true, preds...)
	if err != nil {
		return nil, err
	}
	var out []quad.Value
	seen := map[quad.Value]bool{}
	for _, l := range per {
		for _, v := range l {
			if !seen[v] {
				seen[v] = true
				out = append(out, v)
			}
		}
	}
	return out, nil
}

// eachQuad calls fn with each quad the iterator yields and closes it; the
// first error from fn or the iterator ends it, and so does cancellation,
// which the iterator only ends on silently.
func eachQuad(ctx context.Context, it iterator.Scanner, fn func(refs.Ref) error) error {
	defer it.Close()
	for it.Next(ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	return ctx.Err()
}
