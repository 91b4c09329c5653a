package cayleystore

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// chunk bounds how many start nodes one path query carries.
const chunk = 500

// maxWithinDepth bounds the place hierarchy walked by PlacesWithin
// (neighbourhood in city in district in governorate in country).
const maxWithinDepth = 4

// resolve turns refs into values with one batched ValuesOf; nil refs stay nil.
func (s *Store) resolve(ctx context.Context, rs []refs.Ref) ([]quad.Value, error) {
	out := make([]quad.Value, len(rs))
	idx := make([]int, 0, len(rs))
	ask := make([]refs.Ref, 0, len(rs))
	for i, r := range rs {
		if r != nil {
			idx = append(idx, i)
			ask = append(ask, r)
		}
	}
	if len(ask) == 0 {
		return out, nil
	}
	vals, err := cgraph.ValuesOf(ctx, s.qs, ask)
	if err != nil {
		return nil, fmt.Errorf("resolve %d values: %w", len(ask), err)
	}
	for j, v := range vals {
		out[idx[j]] = v
	}
	return out, nil
}

// values runs p and returns its distinct result values.
func (s *Store) values(ctx context.Context, p *path.Path) ([]quad.Value, error) {
	var rs []refs.Ref
	seen := make(map[any]bool)
	err := p.Iterate(ctx).Paths(false).Each(func(r refs.Ref) error {
		k := refs.ToKey(r)
		if !seen[k] {
			seen[k] = true
			rs = append(rs, r)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("iterate: %w", err)
	}
	// Iteration stops silently on cancellation: say so.
	if err := ctx.Err(); err != nil {
		return nil, err
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

// tagged runs p and returns, for each result path, the values of tags (nil
// where a tag is unset), resolved in one batched pass.
func (s *Store) tagged(ctx context.Context, p *path.Path, tags ...string) ([][]quad.Value, error) {
	var rs []refs.Ref
	n := 0
	err := p.Iterate(ctx).TagEach(func(m map[string]refs.Ref) error {
		for _, t := range tags {
			rs = append(rs, m[t])
		}
		n++
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("iterate: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	vals, err := s.resolve(ctx, rs)
	if err != nil {
		return nil, err
	}
	rows := make([][]quad.Value, n)
	for i := range rows {
		rows[i] = vals[i*len(tags) : (i+1)*len(tags)]
	}
	return rows, nil
}

// objects returns, for each node, the objects of its out-edges with
// predicate pred, read from the subject index and resolved in one batched
// pass per chunk of nodes.
func (s *Store) objects(ctx context.Context, nodes []quad.Value, pred quad.IRI) (map[quad.Value][]quad.Value, error) {
	out := make(map[quad.Value][]quad.Value, len(nodes))
	for start := 0; start < len(nodes); start += chunk {
		end := min(start+chunk, len(nodes))
		per, err := s.linked(ctx, nodes[start:end], quad.Subject, quad.Object, pred)
		if err != nil {
			return nil, fmt.Errorf("follow %s: %w", pred, err)
		}
		var rs []refs.Ref
		for _, l := range per {
			rs = append(rs, l...)
		}
		vals, err := s.resolve(ctx, rs)
		if err != nil {
			return nil, fmt.Errorf("follow %s: %w", pred, err)
		}
		k := 0
		for i, l := range per {
			n := nodes[start+i]
			for range l {
				if v := vals[k]; v != nil {
					out[n] = append(out[n], v)
				}
				k++
			}
		}
	}
	return out, nil
}

// exists returns which of nodes have a cg:type quad.
func (s *Store) exists(ctx context.Context, nodes []quad.Value) (map[quad.Value]bool, error) {
	types, err := s.objects(ctx, nodes, pType)
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
// without a record are absent from the map.
func fetch[T any](ctx context.Context, s *Store, k kind, nodes []quad.Value) (map[uuid.UUID]*T, error) {
	recs, err := s.objects(ctx, nodes, pRecord)
	if err != nil {
		return nil, fmt.Errorf("load %s records: %w", k.name, err)
	}
	out := make(map[uuid.UUID]*T, len(recs))
	for n, vs := range recs {
		id, ok := idOf(n)
		if !ok {
			continue
		}
		str, ok := vs[0].(quad.String)
		if !ok || len(vs) != 1 {
			return nil, fmt.Errorf("load %s %s: want one string record, have %d values", k.name, id, len(vs))
		}
		v := new(T)
		if err := json.Unmarshal([]byte(str), v); err != nil {
			return nil, fmt.Errorf("decode %s %s: %w", k.name, id, err)
		}
		out[id] = v
	}
	return out, nil
}

// ordered returns the records of ids in the order given, skipping unknown ids.
func ordered[T any](ctx context.Context, s *Store, k kind, ids []uuid.UUID) ([]T, error) {
	recs, err := fetch[T](ctx, s, k, k.iris(uniqueIDs(ids)))
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
func one[T any](ctx context.Context, s *Store, k kind, id uuid.UUID) (*T, error) {
	recs, err := fetch[T](ctx, s, k, []quad.Value{k.iri(id)})
	if err != nil {
		return nil, err
	}
	r, ok := recs[id]
	if !ok {
		return nil, k.notFound(id)
	}
	return r, nil
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

// keyed is a node with the key it sorts by.
type keyed struct {
	node quad.Value
	key  string
}

// page sorts items by key and returns those after the cursor, at most
// p.Limit of them, with the cursor of the next page ("" on the last).
// Cursors are the last key returned, so a page stays stable whatever is
// written meanwhile: no item is returned twice or skipped.
func page(items []keyed, p graph.Page) ([]quad.Value, string, error) {
	p = p.Normalised()
	after := ""
	if p.Cursor != "" {
		b, err := base64.RawURLEncoding.DecodeString(p.Cursor)
		if err != nil || len(b) == 0 {
			return nil, "", graph.Errorf(graph.EINVALID, "invalid cursor %q", p.Cursor)
		}
		after = string(b)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].key < items[j].key })
	var out []keyed
	seen := make(map[quad.Value]bool)
	next := ""
	for _, it := range items {
		if (after != "" && it.key <= after) || seen[it.node] {
			continue
		}
		if len(out) == p.Limit {
			next = base64.RawURLEncoding.EncodeToString([]byte(out[len(out)-1].key))
			break
		}
		seen[it.node] = true
		out = append(out, it)
	}
	nodes := make([]quad.Value, len(out))
	for i, it := range out {
		nodes[i] = it.node
	}
	return nodes, next, nil
}

// listed runs p, which yields nodes with a cg:order key, and returns one
// page of them. The keys are read by following cg:order out of the fixed
// set of nodes; a Save on the path would, on bolt, scan every cg:order quad
// in the store (measured: 140 ms against 0.7 ms for 60 claims among 6,000).
func (s *Store) listed(ctx context.Context, p *path.Path, pg graph.Page) ([]quad.Value, string, error) {
	nodes, err := s.values(ctx, p)
	if err != nil {
		return nil, "", err
	}
	return s.listedNodes(ctx, nodes, pg)
}

// listedNodes returns one page of nodes, by their cg:order keys; nodes
// without one are dropped.
func (s *Store) listedNodes(ctx context.Context, nodes []quad.Value, pg graph.Page) ([]quad.Value, string, error) {
	keys, err := s.orderKeys(ctx, nodes)
	if err != nil {
		return nil, "", err
	}
	items := make([]keyed, 0, len(keys))
	for _, n := range nodes {
		if k, ok := keys[n]; ok {
			items = append(items, keyed{n, k})
		}
	}
	return page(items, pg)
}

// orderKeys returns the cg:order key of each node that has one.
func (s *Store) orderKeys(ctx context.Context, nodes []quad.Value) (map[quad.Value]string, error) {
	objs, err := s.objects(ctx, nodes, pOrder)
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

// typed starts a path at every node of kind k.
func (s *Store) typed(k kind) *path.Path {
	return path.StartPath(s.qs, k.typ).In(pType)
}
