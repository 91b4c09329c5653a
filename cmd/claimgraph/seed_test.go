package main

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
)

// TestSeedGazetteerOnce seeds a gazetteer into a new bolt store, which then
// records its fingerprint; a store that records a gazetteer's fingerprint
// is left alone when that gazetteer is seeded again (a town added to it
// behind the record's back is not written), and a store that records
// another's is seeded (the town is written).
func TestSeedGazetteerOnce(t *testing.T) {
	ctx := context.Background()
	load := func(towns ...string) *gazetteer.Gazetteer {
		var es []string
		for _, n := range towns {
			es = append(es, `{"key": "`+strings.ToLower(n)+`", "name": "`+n+`", "kind": "place", "place_type": "town"}`)
		}
		g, err := gazetteer.Load(strings.NewReader(`{"version": 1, "entries": [` + strings.Join(es, ",") + `]}`))
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	one, two := load("Aville"), load("Aville", "Btown")
	st, err := cayleystore.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := SeedGazetteer(ctx, st, one); err != nil {
		t.Fatal(err)
	}
	if fp, err := st.SeededGazetteer(ctx); err != nil || fp != one.Fingerprint() {
		t.Fatalf("seeded %q, %v; want %q", fp, err, one.Fingerprint())
	}
	b, _ := two.ByKey("btown")
	stored := func() bool {
		_, err := st.Entity(ctx, b.ID)
		var ge *graph.Error
		if err != nil && !(errors.As(err, &ge) && ge.Code == graph.ENOTFOUND) {
			t.Fatal(err)
		}
		return err == nil
	}
	// The store says the second gazetteer is seeded: nothing is written.
	if err := st.MarkSeededGazetteer(ctx, two.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	if err := SeedGazetteer(ctx, st, two); err != nil {
		t.Fatal(err)
	}
	if stored() {
		t.Fatal("a store recorded as seeded was seeded again")
	}
	// It says the first is: the second's new town is written.
	if err := st.MarkSeededGazetteer(ctx, one.Fingerprint()); err != nil {
		t.Fatal(err)
	}
	if err := SeedGazetteer(ctx, st, two); err != nil {
		t.Fatal(err)
	}
	if !stored() {
		t.Fatal("a new gazetteer's town was not seeded")
	}
	if fp, err := st.SeededGazetteer(ctx); err != nil || fp != two.Fingerprint() {
		t.Fatalf("seeded %q, %v; want %q", fp, err, two.Fingerprint())
	}
}
