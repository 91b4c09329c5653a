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

// Ancestors, Within and the place families of blocking agree with a plain
// walk up each place's Within chain, for every gazetteer place and for
// places a document brings (one the gazetteer lacks, one whose parent is
// unknown, one inside itself).
func TestWorldChainsAgreeWithAWalk(t *testing.T) {
	g := gazetteer.Default()
	ents := g.Entities()
	village := graph.Entity{ID: tid("village"), Name: "a village", Kind: graph.KindPlace, PlaceType: "village", Within: &ents[0].ID}
	lost := tid("lost")
	orphan := graph.Entity{ID: tid("orphan"), Name: "an orphan", Kind: graph.KindPlace, PlaceType: "town", Within: &lost}
	loop := graph.Entity{ID: tid("loop"), Name: "a loop", Kind: graph.KindPlace, PlaceType: "town"}
	loop.Within = &loop.ID
	w := NewWorld(g, village, orphan, loop)
	walk := func(id uuid.UUID) []uuid.UUID {
		var out []uuid.UUID
		e, ok := w.Entity(id)
		for i := 0; ok && e.Within != nil && i < maxChain && *e.Within != id; i++ {
			next := *e.Within
			out = append(out, next)
			e, ok = w.Entity(next)
		}
		return out
	}
	ids := []uuid.UUID{village.ID, orphan.ID, loop.ID}
	for _, e := range ents {
		if e.Kind == graph.KindPlace {
			ids = append(ids, e.ID)
		}
	}
	for _, id := range ids {
		want := walk(id)
		got := w.Ancestors(id)
		if len(got) != len(want) {
			t.Fatalf("%s: %d ancestors, the walk finds %d", w.Name(id), len(got), len(want))
		}
		for i := range want {
			if got[i].ID != want[i] {
				t.Fatalf("%s: ancestor %d is %s, the walk finds %s", w.Name(id), i, got[i].ID, want[i])
			}
			if !w.Within(id, want[i]) {
				t.Errorf("%s is not within its ancestor %s", w.Name(id), want[i])
			}
		}
		if !w.Within(id, id) || w.Within(id, tid("elsewhere")) {
			t.Errorf("%s: Within itself or elsewhere is wrong", w.Name(id))
		}
		fam := placeFamily(graph.Account{Place: &graph.PlaceRef{Entity: graph.EntityRef{ID: id}}}, w)
		var wantFam []uuid.UUID
		if e, ok := w.Entity(id); !ok || !vague(&e, w) {
			wantFam = []uuid.UUID{id}
			for _, a := range got {
				if vague(&a, w) {
					break
				}
				wantFam = append(wantFam, a.ID)
			}
		}
		if len(fam) != len(wantFam) {
			t.Fatalf("%s: family %v, want %v", w.Name(id), fam, wantFam)
		}
		for i := range fam {
			if fam[i] != wantFam[i] {
				t.Fatalf("%s: family %v, want %v", w.Name(id), fam, wantFam)
			}
		}
	}
}
