package cayleystore

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
)

// plan computes the deltas of one batch. It holds, for every subject the
// batch touches, the quads stored now and the quads wanted after the batch;
// the deltas are the difference. Working on final states means a quad is
// never both added and deleted in one ApplyDeltas (cayley's backends do not
// agree on the order in which they apply those), and an add is skipped
// whenever the same triple is already there under any label, so no fact
// ever depends on a triple existing under two labels.
type plan struct {
	s      *Store
	stored map[quad.Value][]quad.Quad
	state  map[quad.Value][]quad.Quad
	err    error // first internal error, reported by deltas

	// The in-edges of the planned state, kept for reads over a group
	// (reader.adj): idx by object and predicate, indexed the quads each
	// subject had when last indexed, dirty the subjects changed since.
	idx     map[inKey][]quad.Value
	indexed map[quad.Value][]quad.Quad
	dirty   map[quad.Value]bool

	// changed are the subjects whose quads the plan changed: only they
	// can differ from what is stored.
	changed map[quad.Value]bool
}

// inKey names the in-edges of a node with one predicate.
type inKey struct {
	node quad.Value
	pred quad.IRI
}

// touch marks s as changed since the in-edge index was last brought up
// to date (read, or changed).
func (pl *plan) touch(s quad.Value) {
	if pl.dirty != nil {
		pl.dirty[s] = true
	}
}

// inIndex returns the subjects of the planned quads by object and
// predicate, updated for the subjects changed since it was last asked.
func (pl *plan) inIndex() map[inKey][]quad.Value {
	if pl.idx == nil {
		pl.idx = make(map[inKey][]quad.Value)
		pl.indexed = make(map[quad.Value][]quad.Quad)
		pl.dirty = make(map[quad.Value]bool, len(pl.state))
		for s := range pl.state {
			pl.dirty[s] = true
		}
	}
	for s := range pl.dirty {
		for _, q := range pl.indexed[s] {
			p, ok := q.Predicate.(quad.IRI)
			if !ok {
				continue
			}
			k := inKey{q.Object, p}
			subs := pl.idx[k]
			for i, x := range subs {
				if x == s {
					subs = append(subs[:i:i], subs[i+1:]...)
					break
				}
			}
			if len(subs) == 0 {
				delete(pl.idx, k)
			} else {
				pl.idx[k] = subs
			}
		}
		// The state's slices are never changed in place (put appends,
		// the others build new slices), so keeping the header is safe.
		st := pl.state[s]
		pl.indexed[s] = st
		for _, q := range st {
			if p, ok := q.Predicate.(quad.IRI); ok {
				k := inKey{q.Object, p}
				pl.idx[k] = append(pl.idx[k], s)
			}
		}
	}
	clear(pl.dirty)
	return pl.idx
}

func newPlan(s *Store) *plan {
	return &plan{s: s, stored: make(map[quad.Value][]quad.Quad), state: make(map[quad.Value][]quad.Quad),
		changed: make(map[quad.Value]bool)}
}

// change marks s as changed by the plan.
func (pl *plan) change(s quad.Value) {
	pl.changed[s] = true
	pl.touch(s)
}

// continuation is a plan starting where pl ends: what pl changed is what
// it finds stored, anything else is read from the store. It is only
// right once whatever pl continues is written (Group.Start waits for
// it). The slices are shared, which is safe as no plan changes a state
// slice in place.
func (pl *plan) continuation() *plan {
	n := newPlan(pl.s)
	for s := range pl.changed {
		st := pl.state[s]
		n.stored[s] = st
		n.state[s] = st
	}
	return n
}

// fresh declares subjects known to have no quads (their ids derive from a
// document that does not exist yet), sparing a read.
func (pl *plan) fresh(subjects ...quad.Value) {
	for _, s := range subjects {
		if _, ok := pl.state[s]; !ok {
			pl.stored[s] = nil
			pl.state[s] = nil
			pl.touch(s)
		}
	}
}

// load reads the stored quads of the subjects not known yet.
func (pl *plan) load(ctx context.Context, subjects []quad.Value) error {
	for _, s := range subjects {
		if _, ok := pl.state[s]; ok {
			continue
		}
		qs, err := pl.s.subjectQuads(ctx, s)
		if err != nil {
			return fmt.Errorf("read %s: %w", s, err)
		}
		pl.stored[s] = qs
		pl.state[s] = append([]quad.Quad(nil), qs...)
		pl.touch(s)
	}
	return nil
}

func (pl *plan) known(s quad.Value) bool {
	if _, ok := pl.state[s]; ok {
		return true
	}
	if pl.err == nil {
		pl.err = fmt.Errorf("internal: subject %s used before it was read", s)
	}
	return false
}

// has reports whether subject s has a cg:type quad after the batch so far.
func (pl *plan) has(s quad.Value) bool {
	for _, q := range pl.state[s] {
		if q.Predicate == pType {
			return true
		}
	}
	return false
}

// objects returns the objects of s's p quads after the batch so far.
func (pl *plan) objects(s quad.Value, p quad.IRI) []quad.Value {
	var out []quad.Value
	for _, q := range pl.state[s] {
		if q.Predicate == p {
			out = append(out, q.Object)
		}
	}
	return out
}

// put adds (s p o) under label unless the triple is there already.
func (pl *plan) put(s quad.Value, p quad.IRI, o quad.Value, label quad.Value) {
	if !pl.known(s) {
		return
	}
	for _, q := range pl.state[s] {
		if q.Predicate == p && q.Object == o {
			return
		}
	}
	pl.state[s] = append(pl.state[s], quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	pl.change(s)
}

// replace makes objs the only objects of (s p): other quads go, quads of
// objs already there stay under their label, missing ones are added under
// label.
func (pl *plan) replace(s quad.Value, p quad.IRI, label quad.Value, objs ...quad.Value) {
	if !pl.known(s) {
		return
	}
	want := make(map[quad.Value]bool, len(objs))
	for _, o := range objs {
		want[o] = true
	}
	kept := pl.state[s][:0:0]
	for _, q := range pl.state[s] {
		if q.Predicate == p && !want[q.Object] {
			continue
		}
		kept = append(kept, q)
	}
	pl.state[s] = kept
	pl.change(s)
	for _, o := range objs {
		pl.put(s, p, o, label)
	}
}

// remove drops the (s p o) quads whatever their label.
func (pl *plan) remove(s quad.Value, p quad.IRI, o quad.Value) {
	if !pl.known(s) {
		return
	}
	kept := pl.state[s][:0:0]
	for _, q := range pl.state[s] {
		if q.Predicate == p && q.Object == o {
			continue
		}
		kept = append(kept, q)
	}
	pl.state[s] = kept
	pl.change(s)
}

// drop removes every quad of subject s.
func (pl *plan) drop(s quad.Value) {
	if !pl.known(s) {
		return
	}
	pl.state[s] = nil
	pl.change(s)
}

// deltas is the difference between the stored and the wanted quads, in a
// deterministic order.
func (pl *plan) deltas() ([]cgraph.Delta, error) {
	if pl.err != nil {
		return nil, pl.err
	}
	subjects := make([]quad.Value, 0, len(pl.changed))
	for s := range pl.changed {
		subjects = append(subjects, s)
	}
	sort.Slice(subjects, func(i, j int) bool { return subjects[i].String() < subjects[j].String() })
	var out []cgraph.Delta
	for _, s := range subjects {
		before := make(map[quad.Quad]bool, len(pl.stored[s]))
		for _, q := range pl.stored[s] {
			before[q] = true
		}
		after := make(map[quad.Quad]bool, len(pl.state[s]))
		for _, q := range pl.state[s] {
			after[q] = true
			if !before[q] {
				out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Add})
			}
		}
		for _, q := range pl.stored[s] {
			if !after[q] {
				out = append(out, cgraph.Delta{Quad: q, Action: cgraph.Delete})
			}
		}
	}
	return out, nil
}

// padForKV works around a bug of cayley's key-value backends (bolt): in
// one ApplyDeltas, a node whose reference count the batch lowers overall
// (deleted from more quads than added to) is resolved only for the
// deletions, and a quad added with it is written with that direction
// empty. Replacing two event records and adding one does that to
// <cg:record>. The fix: while some node of an added quad has a negative
// count, a deleted quad holding it is also added, ahead of the deletions:
// the backend skips that add (the quad exists) and then deletes it, so the
// graph is the one planned, and the node's count no longer goes negative.
// Every deleted quad is padded at most once, and once all the deletions of
// a node are padded its count is its number of additions, so this ends.
// The price is that the values of padded quads keep a count of one too
// many and are never reclaimed from the value log: space, not facts.
func padForKV(deltas []cgraph.Delta) []cgraph.Delta {
	values := func(q quad.Quad) []quad.Value {
		out := make([]quad.Value, 0, 4)
		for _, v := range []quad.Value{q.Subject, q.Predicate, q.Object, q.Label} {
			if v != nil {
				out = append(out, v)
			}
		}
		return out
	}
	net := make(map[quad.Value]int)
	inAdd := make(map[quad.Value]bool)
	holders := make(map[quad.Value][]quad.Quad) // deleted quads by value
	for _, d := range deltas {
		for _, v := range values(d.Quad) {
			if d.Action == cgraph.Add {
				net[v]++
				inAdd[v] = true
			} else {
				net[v]--
				holders[v] = append(holders[v], d.Quad)
			}
		}
	}
	var pads []cgraph.Delta
	padded := make(map[quad.Quad]bool)
	var queue []quad.Value
	for v := range inAdd {
		queue = append(queue, v)
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		for _, q := range holders[v] {
			if net[v] >= 0 {
				break
			}
			if padded[q] {
				continue
			}
			padded[q] = true
			pads = append(pads, cgraph.Delta{Quad: q, Action: cgraph.Add})
			for _, u := range values(q) {
				net[u]++
				if !inAdd[u] {
					inAdd[u] = true
					queue = append(queue, u)
				}
			}
		}
	}
	if len(pads) == 0 {
		return deltas
	}
	return append(pads, deltas...)
}

// subjectQuads reads every stored quad whose subject is s, labels
// included, resolving their values in one batched pass.
func (s *Store) subjectQuads(ctx context.Context, subject quad.Value) ([]quad.Quad, error) {
	ref, err := s.qs.ValueOf(subject)
	if err != nil {
		return nil, err
	}
	if ref == nil {
		return nil, nil
	}
	it := s.qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	var nodes []refs.Ref
	for it.Next(ctx) {
		q := it.Result()
		for _, d := range quad.Directions {
			n, err := s.qs.QuadDirection(q, d)
			if err != nil {
				return nil, fmt.Errorf("quad %s: %w", d, err)
			}
			nodes = append(nodes, n)
		}
	}
	if err := it.Err(); err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	vals, err := s.resolve(ctx, nodes)
	if err != nil {
		return nil, err
	}
	out := make([]quad.Quad, 0, len(vals)/4)
	for i := 0; i+3 < len(vals); i += 4 {
		q := quad.Quad{Subject: vals[i], Predicate: vals[i+1], Object: vals[i+2], Label: vals[i+3]}
		if q.Subject == nil || q.Predicate == nil || q.Object == nil {
			return nil, fmt.Errorf("quad of %s has an unresolved value", subject)
		}
		out = append(out, q)
	}
	return out, nil
}
