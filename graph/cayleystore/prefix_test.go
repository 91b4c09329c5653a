package cayleystore

import (
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// On bolt, edges are read one predicate at a time by index prefix; the
// answers are those of reading each node's whole prefix and keeping the
// predicate, including after records are replaced (their old quads stay
// in cayley's index, dead) and accounts move between events.
func TestBoltPrefixReads(t *testing.T) {
	ctx := t.Context()
	s, err := OpenWith(ctx, t.TempDir(), Options{CacheBytes: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if s.prefix == nil {
		t.Fatal("a bolt store reads edges from its whole prefix: cayley's (subject, predicate) or (object, predicate, subject) index was not found")
	}
	w := loadWorld(t)
	x := newXref(w)
	j := x.judgement()
	extra := []uuid.UUID{x.e1, x.e2, j.ID}
	same := func(when string) {
		t.Helper()
		got := snapshot(t, s, w, extra)
		p := s.prefix
		s.prefix = nil
		want := snapshot(t, s, w, extra)
		s.prefix = p
		for k, v := range want {
			if got[k] != v {
				t.Errorf("after %s: %s by predicate prefix:\n%s\nfrom the whole prefix:\n%s", when, k, got[k], v)
			}
		}
	}
	for _, b := range w.batches {
		if err := s.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	same("the documents")
	for _, step := range []struct {
		name string
		b    *graph.Batch
	}{
		{"events and links", x.first()},
		{"a merge", x.merge()},
		{"a judgement", &graph.Batch{Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()}},
		{"a deleted link", &graph.Batch{DeleteLinks: []uuid.UUID{x.l2.ID}}},
	} {
		if err := s.Commit(ctx, step.b); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		same(step.name)
	}
}
