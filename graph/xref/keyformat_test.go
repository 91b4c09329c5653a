package xref

import (
	"context"
	"reflect"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/google/uuid"
)

// planCommitAll plans and commits xs one by one.
func planCommitAll(t *testing.T, e *Engine, st *cayleystore.Store, xs []*graph.Extraction) {
	t.Helper()
	ctx := context.Background()
	for _, x := range xs {
		cp := *x
		cp.Accounts = append([]graph.Account(nil), x.Accounts...)
		b, err := e.Plan(ctx, &cp)
		if err != nil {
			t.Fatalf("plan %s: %v", x.Document.ID, err)
		}
		if err := st.Commit(ctx, b); err != nil {
			t.Fatalf("commit %s: %v", x.Document.ID, err)
		}
	}
}

// storedAccounts lists every stored account.
func storedAccounts(t *testing.T, st *cayleystore.Store) []graph.Account {
	t.Helper()
	ctx := context.Background()
	var out []graph.Account
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		docs, next, err := st.Documents(ctx, p)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range docs {
			as, err := st.DocumentAccounts(ctx, d.ID)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, as...)
		}
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

// TestEnsureKeyFormat writes half a generated corpus, rewrites its keys to
// month keys with no format recorded (a store of an earlier version),
// ingests the other half and checks the store holds what a rebuild from
// scratch computes: with EnsureKeyFormat first, it does; with stale keys
// left in place, new accounts miss stored ones.
func TestEnsureKeyFormat(t *testing.T) {
	ctx := context.Background()
	g := gazetteer.Default()
	xs := generated(t, g, gen.Options{Docs: 300, Seed: 9, Days: 60})
	clock := func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	run := func(ensure bool, old func(graph.Account, *World) []string) (*RebuildReport, *KeyReport) {
		st, err := cayleystore.Open(ctx, "memory:")
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		e := New(st, g)
		e.Now = clock
		rep, err := e.EnsureKeyFormat(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if rep.From != "" || rep.Changed != 0 {
			t.Fatalf("empty store: %+v", rep)
		}
		if f, err := st.KeyFormat(ctx); err != nil || f != KeyFormat {
			t.Fatalf("empty store stamped %q, %v", f, err)
		}
		planCommitAll(t, e, st, xs[:150])
		legacy := map[uuid.UUID][]string{}
		w := e.World().With()
		stored := storedAccounts(t, st)
		var unknown []uuid.UUID
		for _, a := range stored {
			unknown = append(unknown, accountEntities(a, w)...)
		}
		if err := e.loadEntities(ctx, w, unknown); err != nil {
			t.Fatal(err)
		}
		for _, a := range stored {
			if !reflect.DeepEqual(a.Keys, Keys(a, w)) {
				t.Fatalf("account %s: stored keys %q, computed again %q", a.ID, a.Keys, Keys(a, w))
			}
			legacy[a.ID] = old(a, w)
		}
		if err := st.SetKeys(ctx, legacy, ""); err != nil {
			t.Fatal(err)
		}
		var kr *KeyReport
		if ensure {
			if kr, err = e.EnsureKeyFormat(ctx, st); err != nil {
				t.Fatal(err)
			}
			if f, err := st.KeyFormat(ctx); err != nil || f != KeyFormat {
				t.Fatalf("after EnsureKeyFormat: format %q, %v", f, err)
			}
			for _, a := range storedAccounts(t, st) {
				if !reflect.DeepEqual(a.Keys, Keys(a, w)) {
					t.Fatalf("account %s: keys %q after EnsureKeyFormat, want %q", a.ID, a.Keys, Keys(a, w))
				}
			}
			again, err := e.EnsureKeyFormat(ctx, st)
			if err != nil || again.Changed != 0 || again.From != KeyFormat {
				t.Fatalf("second EnsureKeyFormat: %+v, %v", again, err)
			}
		}
		planCommitAll(t, e, st, xs[150:])
		_, rr, err := e.RebuildStore(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		return rr, kr
	}
	rr, kr := run(true, legacyKeys)
	t.Logf("re-keyed: %+v; rebuild after: %+v", *kr, *rr)
	if kr.From != "" || kr.Changed == 0 || kr.Changed > kr.Accounts {
		t.Errorf("EnsureKeyFormat on month keys: %+v", *kr)
	}
	if rr.EventsNew != 0 || rr.EventsDeleted != 0 || rr.Reassigned != 0 || rr.LinksAdded != 0 || rr.LinksDeleted != 0 {
		t.Errorf("the store differs from a rebuild: %+v", *rr)
	}
	// Month keys left in place no longer change what this corpus gives:
	// its accounts meet through their place-month keys whatever the
	// format, and text reuse compares only accounts that reach each other
	// both ways (cross-referencing round 43), which the broader month keys
	// once let one side alone do. Keys of a format that shares nothing
	// with today's (none at all) show what re-keying guards against: new
	// accounts miss the stored ones.
	stale, _ := run(false, func(graph.Account, *World) []string { return nil })
	t.Logf("without re-keying: %+v", *stale)
	if stale.EventsNew == 0 && stale.Reassigned == 0 && stale.LinksAdded == 0 && stale.LinksDeleted == 0 {
		t.Errorf("stale keys left in place made no difference: the test does not exercise re-keying")
	}
}
