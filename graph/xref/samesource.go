package xref

import (
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// body returns the body a speaker speaks as: the speaker, or the body it
// is affiliated to when its name is that body's own head word ("the
// Government" affiliated to the Government of Burkina Faso is that
// Government, wherever it is quoted; "a local official" affiliated to it
// is someone of its own).
func body(id uuid.UUID, w *World) graph.Entity {
	e, ok := w.Entity(id)
	if !ok {
		return graph.Entity{ID: id}
	}
	if e.Affiliation != nil && *e.Affiliation != id {
		if aff, ok := w.Entity(*e.Affiliation); ok && qualifies(foldName(aff.Name), foldName(e.Name)) {
			return aff
		}
	}
	return e
}

func foldName(s string) string {
	return strings.TrimSpace(strings.ToLower(gazetteer.FoldKey(s)))
}

// qualifies reports whether long is short with a qualifier naming whose
// it is ("government of burkina faso", "government"; "national unity
// government of myanmar", "national unity government").
func qualifies(long, short string) bool {
	return short != "" && strings.HasPrefix(long, short+" of ")
}

// sameSource reports whether two accounts' speakers are one source: one
// entity, or two names of one body across documents (the anonymous "the
// Government" affiliated to the Government of Burkina Faso in two wires;
// "the National Unity Government" and "the National Unity Government of
// Myanmar"; a ministry of one government named with and without
// "National"), a person never. The shorter name must belong to nothing
// else: a ministry affiliated to another government is that one's.
// A source's later figure revises its earlier one (Links, Conflicts).
// Without a world (nil), one entity only.
func sameSource(a, b graph.Account, w *World) bool {
	if a.Speaker.ID == uuid.Nil || b.Speaker.ID == uuid.Nil {
		return false
	}
	if a.Speaker.ID == b.Speaker.ID || w == nil {
		return a.Speaker.ID == b.Speaker.ID
	}
	ba, bb := body(a.Speaker.ID, w), body(b.Speaker.ID, w)
	if ba.ID == bb.ID {
		return true
	}
	if ba.Kind == graph.KindPerson || bb.Kind == graph.KindPerson || ba.Name == "" || bb.Name == "" {
		return false
	}
	na, nb := foldName(ba.Name), foldName(bb.Name)
	// "the Ministry of National Defence of Colombia" in its communiqué,
	// "the Ministry of Defence of Colombia" in a wire: one body of one
	// government, named with and without "National".
	if na != nb && ba.Affiliation != nil && bb.Affiliation != nil && w.Root(ba.ID) == w.Root(bb.ID) && withoutNational(na) == withoutNational(nb) {
		return true
	}
	switch {
	case qualifies(na, nb):
		return bb.Affiliation == nil || w.Root(bb.ID) == w.Root(ba.ID)
	case qualifies(nb, na):
		return ba.Affiliation == nil || w.Root(ba.ID) == w.Root(bb.ID)
	}
	return false
}

// withoutNational returns a folded name without the word "national".
func withoutNational(name string) string {
	fs := strings.Fields(name)
	out := fs[:0:0]
	for _, f := range fs {
		if f != "national" {
			out = append(out, f)
		}
	}
	return strings.Join(out, " ")
}
