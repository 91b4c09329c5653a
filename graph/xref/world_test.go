package xref

import (
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

func TestWorldOverGazetteer(t *testing.T) {
	g := gazetteer.Default()
	w := NewWorld(g)
	find := func(name string, kind graph.EntityKind) graph.Entity {
		t.Helper()
		for _, e := range g.Lookup(name) {
			if e.Kind == kind {
				return *e
			}
		}
		t.Fatalf("gazetteer has no %s %q", kind, name)
		return graph.Entity{}
	}
	qusur := find("al-Qusur", graph.KindPlace)
	dz := find("Deir ez-Zor", graph.KindPlace)
	if !w.Within(qusur.ID, dz.ID) && !w.Within(dz.ID, qusur.ID) {
		t.Errorf("Qusur and Deir ez-Zor are not nested")
	}
	for _, id := range []uuid.UUID{qusur.ID, dz.ID} {
		for _, anc := range w.Ancestors(id) {
			if !g.Within(id, anc.ID) {
				t.Errorf("%s: ancestor %s disagrees with the gazetteer", id, anc.Name)
			}
		}
	}
	// A document's anonymous source, affiliated to a gazetteer entity,
	// takes that entity's root.
	gov := find("Government of the Syrian Arab Republic", graph.KindGovernment)
	anon := graph.Entity{ID: tid("anon"), Name: "a government source", Kind: graph.KindAnonymous, Affiliation: &gov.ID}
	w2 := w.With(anon)
	if got, want := w2.Root(anon.ID), g.Root(gov.ID); got != want {
		t.Errorf("anonymous root %s, want %s", got, want)
	}
	if _, ok := w.Entity(anon.ID); ok {
		t.Errorf("With changed the parent world")
	}
	var nilG *gazetteer.Gazetteer
	if _, ok := NewWorld(nilG).Entity(gov.ID); ok {
		t.Errorf("nil gazetteer knows entities")
	}
}
