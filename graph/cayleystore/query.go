package cayleystore

import (
	"context"
	"encoding/json"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// chunk bounds how many start nodes one path query carries.
const chunk = 500

// maxWithinDepth bounds the place hierarchy walked by PlacesWithin
// (neighbourhood in city in district in governorate in country).
const maxWithinDepth = 4

// resolve turns refs into values with one batched ValuesOf; nil refs stay
// nil. Each distinct ref is resolved once: a subject's quads repeat its own
// ref, their predicates' and their labels' (subjectQuads resolves all four
// directions of each), and on bolt every ref resolved is a read of cayley's
// log and a decode.
func (s *Store) resolve(ctx context.Context, rs []refs.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(rs))
	idx := make([]int, len(rs)) // position in ask, or -1
	ask := make([]refs.Ref, 0, len(rs))
	seen := make(map[any]int, len(rs))
	for i, r := range rs {
		idx[i] = -1
		if r == nil {
			continue
		}
		k := refs.ToKey(r)
		j, ok := seen[k]
		if !ok {
			j = len(ask)
			seen[k] = j
			ask = append(ask, r)
		}
		idx[i] = j
	}
	if len(ask) == 0 {
		return out, nil
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, ask)
	if err != nil {
		return nil, fmt.Errorf("resolve %d values: %w", len(ask), err)
	}
	for i, j := range idx {
		if j >= 0 {
			out[i] = vals[j]
		}
	}
	return out, nil
}

// objects returns, for each node that has any, the objects of its
// out-edges with predicate pred.
func (r reader) objects(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value][]quad.Value, error) {
	per, err := r.adj(ctx, nodes, false, pred)
	if err != nil {
		return nil, fmt.Errorf("follow %s: %w", pred, err)
	}
	out := make(map[quad.Value][]quad.Value, len(nodes))
	for i, vs := range per {
		if len(vs) > 0 {
			out[nodes[i]] = vs
		}
	}
	return out, nil
}

// exists returns which of nodes have a cg:type quad.
func (r reader) exists(ctx context.Context, nodes []quad.Value) (map[quad.Value]bool, error) {
	types, err := r.objects(ctx, nodes, pType)
	if err != nil {
		return nil, fmt.Errorf("check existence: %w", err)
	}
	out := make(map[quad.Value]bool, len(types))
	for n := range types {
		out[n] = true
	}
	return out, nil
}

// fetch loads the JSON records of the nodes of kind k, keyed by id; nodes
// without a record are absent from the map. Decoded records are cached;
// what is returned is a copy the caller may modify.
func fetch[T any](ctx context.Context, r reader, k kind, nodes []quad.Value) (map[uuid.UUID]*T, error) {
	out := make(map[uuid.UUID]*T, len(nodes))
	c := r.s.cache
	var epoch uint64
	if c != nil {
		epoch = c.epoch.Load()
	}
	var ask []quad.Value
	var pending []quad.Value
	for _, n := range nodes {
		if r.pl != nil {
			if _, ok := r.pl.state[n]; ok {
				pending = append(pending, n)
				continue
			}
		}
		if c != nil {
			if v, ok := c.get(cacheKey{node: n, kind: ckRecord}); ok {
				if v == nil {
					continue // known to have no record
				}
				if rec, ok := v.(*T); ok {
					if id, ok := idOf(n); ok {
						cp := clone(rec)
						out[id] = &cp
					}
					continue
				}
			}
		}
		ask = append(ask, n)
	}
	decode := func(n quad.Value, vs []quad.Value) (*T, error) {
		id, _ := idOf(n)
		str, ok := vs[0].(quad.String)
		if !ok || len(vs) != 1 {
			return nil, fmt.Errorf("load %s %s: want one string record, have %d values", k.name, id, len(vs))
		}
		v := new(T)
		if err := json.Unmarshal([]byte(str), v); err != nil {
			return nil, fmt.Errorf("decode %s %s: %w", k.name, id, err)
		}
		return v, nil
	}
	if len(ask) > 0 {
		// Raw records are not cached: their decoded form is.
		recs, err := r.s.edges(ctx, ask, false, false, pRecord)
		if err != nil {
			return nil, fmt.Errorf("load %s records: %w", k.name, err)
		}
		for i, n := range ask {
			id, ok := idOf(n)
			if !ok {
				continue
			}
			if len(recs[i]) == 0 {
				if c != nil {
					c.put(cacheKey{node: n, kind: ckRecord}, nil, 0, epoch)
				}
				continue
			}
			v, err := decode(n, recs[i])
			if err != nil {
				return nil, err
			}
			if c != nil {
				c.put(cacheKey{node: n, kind: ckRecord}, v, 64+2*valueCost(recs[i][0]), epoch)
				cp := clone(v)
				v = &cp
			}
			out[id] = v
		}
	}
	for _, n := range pending {
		id, ok := idOf(n)
		if !ok {
			continue
		}
		var vs []quad.Value
		for _, q := range r.pl.state[n] {
			if q.Predicate == pRecord {
				vs = append(vs, q.Object)
			}
		}
		if len(vs) == 0 {
			continue
		}
		v, err := decode(n, vs)
		if err != nil {
			return nil, err
		}
		out[id] = v
	}
	return out, nil
}

// ordered returns the records of ids in the order given, skipping unknown ids.
func ordered[T any](ctx context.Context, r reader, k kind, ids []uuid.UUID) ([]T, error) {
	recs, err := fetch[T](ctx, r, k, k.iris(uniqueIDs(ids)))
	if err != nil {
		return nil, err
	}
	out := make([]T, 0, len(ids))
	for _, id := range ids {
		if r, ok := recs[id]; ok {
			out = append(out, *r)
		}
	}
	return out, nil
}

// one returns the record of id, or ENOTFOUND.
func one[T any](ctx context.Context, r reader, k kind, id uuid.UUID) (*T, error) {
	recs, err := fetch[T](ctx, r, k, []quad.Value{k.iri(id)})
	if err != nil {
		return nil, err
	}
	rec, ok := recs[id]
	if !ok {
		return nil, k.notFound(id)
	}
	return rec, nil
}

func uniqueIDs(ids []uuid.UUID) []uuid.UUID {
	seen := make(map[uuid.UUID]bool, len(ids))
	out := make([]uuid.UUID, 0, len(ids))
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// idsOf parses the ids of node values, skipping anything else.
func idsOf(vals []quad.Value) []uuid.UUID {
	out := make([]uuid.UUID, 0, len(vals))
	for _, v := range vals {
		if id, ok := idOf(v); ok {
			out = append(out, id)
		}
	}
	return out
}

// keyed is a node with the key its list sorts it by.
type keyed = graph.Keyed[quad.Value]

// page sorts items by key and returns one page of them (graph.PageByKey).
func page(items []keyed, p graph.Page) ([]quad.Value, string, error) {
	return graph.PageByKey(items, p)
}

// listed runs p, which yields nodes with a cg:order key, and returns one
// page of them. The keys are read by following cg:order out of the fixed
// set of nodes; a Save on the path would, on bolt, scan every cg:order quad
// in the store (measured: 140 ms against 0.7 ms for 60 claims among 6,000).
func (r reader) listed(ctx context.Context, k kind, pg graph.Page) ([]quad.Value, string, error) {
	nodes, err := r.typed(ctx, k)
	if err != nil {
		return nil, "", err
	}
	return r.listedNodes(ctx, nodes, pg)
}

// listedNodes returns one page of nodes, by their cg:order keys; nodes
// without one are dropped.
func (r reader) listedNodes(ctx context.Context, nodes []quad.Value, pg graph.Page) ([]quad.Value, string, error) {
	keys, err := r.orderKeys(ctx, nodes)
	if err != nil {
		return nil, "", err
	}
	items := make([]keyed, 0, len(keys))
	for _, n := range nodes {
		if k, ok := keys[n]; ok {
			items = append(items, keyed{Item: n, Key: k})
		}
	}
	return page(items, pg)
}

// orderKeys returns the cg:order key of each node that has one.
func (r reader) orderKeys(ctx context.Context, nodes []quad.Value) (map[quad.Value]string, error) {
	objs, err := r.objects(ctx, nodes, pOrder)
	if err != nil {
		return nil, err
	}
	out := make(map[quad.Value]string, len(objs))
	for n, vs := range objs {
		key, ok := vs[0].(quad.String)
		if !ok || len(vs) != 1 {
			return nil, fmt.Errorf("order key of %s: want one string, have %d values", n, len(vs))
		}
		out[n] = string(key)
	}
	return out, nil
}

// typed returns every node of kind k: the subjects of its type's
// cg:type in-edges, read from the index (and cached) like any in-edge.
func (r reader) typed(ctx context.Context, k kind) ([]quad.Value, error) {
	per, err := r.adj(ctx, []quad.Value{k.typ}, true, pType)
	if err != nil {
		return nil, err
	}
	return k.only(per[0]), nil
}
