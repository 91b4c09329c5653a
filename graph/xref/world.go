package xref

import (
	"reflect"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// Gazetteer is what xref needs from the shipped gazetteer: entity records
// by id, each with its enclosing place (Within) and its affiliation.
// *gazetteer.Gazetteer satisfies it.
type Gazetteer interface {
	Entity(id uuid.UUID) (*graph.Entity, bool)
}

// maxChain bounds walks up place and affiliation chains (the gazetteer is
// a forest; the bound only guards against a cycle in bad data).
const maxChain = 16

// World answers what cross-referencing asks about entities: is one place
// inside another, what encloses a place, whose side a source is on. It
// layers the entities documents bring (anonymous sources with their
// affiliation, places and outlets the gazetteer lacks) over a gazetteer.
// A World is not safe for concurrent mutation; lookups are read-only.
type World struct {
	base  Gazetteer
	local map[uuid.UUID]graph.Entity
	// queryKeys keeps QueryKeys by account until an entity is added;
	// nil keeps nothing. Plan turns it on for the world of one plan,
	// whose resolution and text reuse ask for the same accounts' keys.
	queryKeys map[uuid.UUID]queryKeysEntry
}

// queryKeysEntry is QueryKeys of the account whose Keys start at keys
// and have n elements (the same account value, or a copy of it).
type queryKeysEntry struct {
	keys *string
	n    int
	out  []string
}

// memoQueryKeys makes w keep the query keys it computes (QueryKeys)
// until an entity is added.
func (w *World) memoQueryKeys() {
	if w.queryKeys == nil {
		w.queryKeys = map[uuid.UUID]queryKeysEntry{}
	}
}

// NewWorld returns a world over base (which may be nil) with the given
// entities layered on top.
func NewWorld(base Gazetteer, entities ...graph.Entity) *World {
	if v := reflect.ValueOf(base); base != nil && v.Kind() == reflect.Pointer && v.IsNil() {
		base = nil
	}
	w := &World{base: base, local: make(map[uuid.UUID]graph.Entity)}
	w.Add(entities...)
	return w
}

// With returns a new world sharing w's base, with w's local entities and
// the given ones.
func (w *World) With(entities ...graph.Entity) *World {
	n := &World{base: w.base, local: make(map[uuid.UUID]graph.Entity, len(w.local)+len(entities))}
	for id, e := range w.local {
		n.local[id] = e
	}
	n.Add(entities...)
	return n
}

// Add layers entities over the world; a gazetteer entity already known is
// not replaced by a document's copy of it, but takes the copy's analyst
// reliability grade (Entity.Reliability), if any.
func (w *World) Add(entities ...graph.Entity) {
	if len(entities) > 0 && w.queryKeys != nil {
		clear(w.queryKeys)
	}
	for _, e := range entities {
		if e.ID == uuid.Nil {
			continue
		}
		if e.Gazetteer && w.base != nil {
			if g, ok := w.base.Entity(e.ID); ok && g != nil {
				if e.Reliability == "" {
					delete(w.local, e.ID)
					continue
				}
				cp := *g
				cp.Reliability = e.Reliability
				e = cp
			}
		}
		w.local[e.ID] = e
	}
}

// Entity returns the entity with the given id.
func (w *World) Entity(id uuid.UUID) (graph.Entity, bool) {
	if e, ok := w.local[id]; ok {
		return e, true
	}
	if w.base != nil {
		if e, ok := w.base.Entity(id); ok && e != nil {
			return *e, true
		}
	}
	return graph.Entity{}, false
}

// Within reports whether place a is b or lies inside b.
func (w *World) Within(a, b uuid.UUID) bool {
	if a == b {
		return true
	}
	found := false
	w.eachAncestor(a, func(anc graph.Entity) bool {
		found = anc.ID == b
		return !found
	})
	return found
}

// Ancestors returns the places enclosing id, innermost first.
func (w *World) Ancestors(id uuid.UUID) []graph.Entity {
	var out []graph.Entity
	w.eachAncestor(id, func(anc graph.Entity) bool {
		out = append(out, anc)
		return true
	})
	return out
}

// eachAncestor calls f with the places enclosing id, innermost first, as
// Ancestors lists them, until f returns false. Unlike Ancestors it
// allocates nothing: matching and blocking walk these chains for every
// pair and account they look at.
func (w *World) eachAncestor(id uuid.UUID, f func(graph.Entity) bool) {
	e, ok := w.Entity(id)
	for i := 0; ok && e.Within != nil && i < maxChain; i++ {
		next := *e.Within
		if next == id {
			return
		}
		e, ok = w.Entity(next)
		if !ok {
			f(graph.Entity{ID: next})
			return
		}
		if !f(e) {
			return
		}
	}
}

// Root returns the root of id's affiliation chain: the independence group
// a source belongs to. An unknown entity is its own root.
func (w *World) Root(id uuid.UUID) uuid.UUID {
	cur := id
	for i := 0; i < maxChain; i++ {
		e, ok := w.Entity(cur)
		if !ok || e.Affiliation == nil || *e.Affiliation == cur {
			return cur
		}
		cur = *e.Affiliation
	}
	return cur
}

// Name returns the entity's canonical name, or "" when unknown.
func (w *World) Name(id uuid.UUID) string {
	if e, ok := w.Entity(id); ok {
		return e.Name
	}
	return ""
}

// related reports whether places a and b are the same or nested either way.
func (w *World) related(a, b uuid.UUID) bool { return w.Within(a, b) || w.Within(b, a) }

// memberIndex is what a gazetteer offers beside entities when it records
// membership between armed parties (gazetteer member_of);
// *gazetteer.Gazetteer satisfies it.
type memberIndex interface {
	MemberOf(id uuid.UUID) []uuid.UUID
}

// PartOf reports whether party a is part of party b: b is reached from a
// by affiliation links (the Syrian Arab Air Force -> the Syrian Arab Army
// -> the Syrian government), then membership links (Ahrar al-Sham ->
// Jaysh al-Fatah; US forces -> the international coalition). A member of
// an alliance is not part of what the alliance answers to: the coalition's
// affiliation is the United States that leads it, pro-government forces'
// the Syrian Arab Army, and neither British forces nor Hezbollah are part
// of those. Two parties that merely answer to one state or fight on one
// side (the Syrian Arab Army and the National Defence Forces; Syria and
// Russia) are not part of each other.
func (w *World) PartOf(a, b uuid.UUID) bool {
	if a == b {
		return true
	}
	mi, _ := w.base.(memberIndex)
	type step struct {
		id     uuid.UUID
		member bool // reached through a membership link: no affiliation after it
	}
	seen := map[step]bool{{a, false}: true}
	frontier := []step{{a, false}}
	for depth := 0; depth < maxChain && len(frontier) > 0; depth++ {
		var next []step
		for _, s := range frontier {
			var up []step
			if e, ok := w.Entity(s.id); ok && e.Affiliation != nil && !s.member {
				up = append(up, step{*e.Affiliation, false})
			}
			if mi != nil {
				for _, m := range mi.MemberOf(s.id) {
					up = append(up, step{m, true})
				}
			}
			for _, u := range up {
				if u.id == b {
					return true
				}
				if !seen[u] {
					seen[u] = true
					next = append(next, u)
				}
			}
		}
		frontier = next
	}
	return false
}

// nestedParties reports whether one of two parties is part of the other.
func (w *World) nestedParties(a, b uuid.UUID) bool { return w.PartOf(a, b) || w.PartOf(b, a) }
