package cayleystore

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// TestSetKeys replaces an account's keys on bolt, records the format, and
// finds both after reopening: the cg:key index and the record agree.
func TestSetKeys(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := reopenBolt(t, dir, nil)
	if f, err := s.KeyFormat(ctx); err != nil || f != "" {
		t.Fatalf("new store: format %q, %v", f, err)
	}
	doc := uuid.New()
	acc := graph.Account{ID: uuid.New(), DocumentID: doc, Type: graph.EventAirstrike, Keys: []string{"in:x:2019-05", "at:x:2019-05"}}
	b := &graph.Batch{Extraction: &graph.Extraction{Document: graph.Document{ID: doc, Title: "t"}, Accounts: []graph.Account{acc}}}
	if err := s.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
	want := []string{"at:x:2019-05-05", "in:x:2019-05-05"}
	if err := s.SetKeys(ctx, map[uuid.UUID][]string{acc.ID: want}, "2"); err != nil {
		t.Fatal(err)
	}
	err := s.SetKeys(ctx, map[uuid.UUID][]string{uuid.New(): want}, "2")
	var ge *graph.Error
	if !errors.As(err, &ge) || ge.Code != graph.ENOTFOUND {
		t.Fatalf("unknown account: %v", err)
	}
	s = reopenBolt(t, dir, s)
	if f, err := s.KeyFormat(ctx); err != nil || f != "2" {
		t.Fatalf("format %q, %v", f, err)
	}
	got, err := s.AccountsByKey(ctx, []string{"in:x:2019-05-05"})
	if err != nil || len(got) != 1 || !reflect.DeepEqual(got[0].Keys, want) {
		t.Fatalf("by new key: %+v, %v", got, err)
	}
	if old, err := s.AccountsByKey(ctx, []string{"in:x:2019-05"}); err != nil || len(old) != 0 {
		t.Fatalf("by old key: %d accounts, %v", len(old), err)
	}
}

// TestSeededGazetteer records the seeded gazetteer's fingerprint on bolt,
// replaces it, and finds the last one (and the key format untouched) after
// reopening.
func TestSeededGazetteer(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s := reopenBolt(t, dir, nil)
	if fp, err := s.SeededGazetteer(ctx); err != nil || fp != "" {
		t.Fatalf("new store: %q, %v", fp, err)
	}
	for _, fp := range []string{"one", "two"} {
		if err := s.MarkSeededGazetteer(ctx, fp); err != nil {
			t.Fatal(err)
		}
	}
	s = reopenBolt(t, dir, s)
	if fp, err := s.SeededGazetteer(ctx); err != nil || fp != "two" {
		t.Fatalf("after reopening: %q, %v", fp, err)
	}
	if f, err := s.KeyFormat(ctx); err != nil || f != "" {
		t.Fatalf("key format %q, %v", f, err)
	}
	qs, err := s.subjectQuads(ctx, storeNode)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, q := range qs {
		if q.Predicate == pGazetteer {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d fingerprint quads, want 1", n)
	}
}

// reopenBolt opens the bolt store in dir, closing prev first (a reopening);
// the store is closed when the test ends.
func reopenBolt(t *testing.T, dir string, prev *Store) *Store {
	t.Helper()
	if prev != nil {
		if err := prev.Close(); err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
