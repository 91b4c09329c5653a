package xref

import (
	"context"
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/google/uuid"
)

// fixtureDocs turns the fixture into one extraction per document.
func fixtureDocs(t *testing.T, path string) ([]*graph.Extraction, map[uuid.UUID]string) {
	t.Helper()
	f, w, accs, claims := loadFixture(t, path)
	var ents []graph.Entity
	for _, e := range f.Entities {
		ge, _ := w.Entity(tid(e.Key))
		ents = append(ents, ge)
	}
	names := map[uuid.UUID]string{}
	for _, a := range f.Accounts {
		names[tid("account:"+a.Key)] = a.Key
	}
	byDoc := map[uuid.UUID]*graph.Extraction{}
	var order []uuid.UUID
	for _, a := range accs {
		x := byDoc[a.DocumentID]
		if x == nil {
			x = &graph.Extraction{Document: graph.Document{ID: a.DocumentID, Date: a.Published, Title: a.DocumentID.String()}, Entities: ents}
			byDoc[a.DocumentID] = x
			order = append(order, a.DocumentID)
		}
		a.NotBefore = ""
		x.Accounts = append(x.Accounts, a)
		for _, id := range a.Claims {
			x.Claims = append(x.Claims, claims[id])
		}
	}
	var out []*graph.Extraction
	for _, d := range order {
		out = append(out, byDoc[d])
	}
	return out, names
}

// snapshot is what a store holds after cross-referencing, in comparable form.
type snapshot struct {
	events []string // account keys per event, with grade
	links  []string // from claim, relation, to claim
}

func (s snapshot) String() string {
	return strings.Join(s.events, "\n") + "\n--\n" + strings.Join(s.links, "\n")
}

func ingestAll(t *testing.T, ctx context.Context, docs []*graph.Extraction) (*cayleystore.Store, *Engine) {
	t.Helper()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := New(st, nil)
	e.Now = func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	planCommitAll(t, e, st, docs)
	return st, e
}

func storeSnapshot(t *testing.T, ctx context.Context, st *cayleystore.Store, docs []*graph.Extraction, names map[uuid.UUID]string) snapshot {
	t.Helper()
	events := map[uuid.UUID][]string{}
	claimName := map[uuid.UUID]string{}
	var claimIDs []uuid.UUID
	for _, x := range docs {
		accs, err := st.DocumentAccounts(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(accs) != len(x.Accounts) {
			t.Fatalf("document %s: %d accounts stored, %d extracted", x.Document.ID, len(accs), len(x.Accounts))
		}
		for _, a := range accs {
			if a.EventID == nil {
				t.Fatalf("account %s has no event", names[a.ID])
			}
			events[*a.EventID] = append(events[*a.EventID], names[a.ID])
			for _, c := range a.Claims {
				claimName[c] = names[a.ID]
			}
		}
		for _, c := range x.Claims {
			claimIDs = append(claimIDs, c.ID)
		}
	}
	var s snapshot
	for id, ks := range events {
		ev, err := st.Event(ctx, id)
		if err != nil {
			t.Fatalf("event %s: %v", id, err)
		}
		sort.Strings(ks)
		grade := ""
		if ev.Grade != nil {
			grade = ev.Grade.Grade
		}
		s.events = append(s.events, fmt.Sprintf("%s [%s] %s contested=%d", strings.Join(ks, ","), grade, ev.Title, ev.Contested))
	}
	sort.Strings(s.events)
	seen := map[uuid.UUID]bool{}
	for _, c := range claimIDs {
		ls, err := st.ClaimLinks(ctx, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range ls {
			if !seen[l.ID] {
				seen[l.ID] = true
				s.links = append(s.links, fmt.Sprintf("%s %s %s", claimName[l.From], l.Relation, claimName[l.To]))
			}
		}
	}
	sort.Strings(s.links)
	return s
}

func batchSnapshot(b *graph.Batch, names map[uuid.UUID]string, claimName map[uuid.UUID]string) snapshot {
	var s snapshot
	for _, ev := range b.Events {
		var ks []string
		for _, a := range ev.Accounts {
			ks = append(ks, names[a])
		}
		sort.Strings(ks)
		s.events = append(s.events, fmt.Sprintf("%s [%s] %s contested=%d", strings.Join(ks, ","), ev.Grade.Grade, ev.Title, ev.Contested))
	}
	sort.Strings(s.events)
	for _, l := range b.Links {
		s.links = append(s.links, fmt.Sprintf("%s %s %s", claimName[l.From], l.Relation, claimName[l.To]))
	}
	sort.Strings(s.links)
	return s
}

// TestPlanOrderIndependent ingests the fixture's documents in several
// orders into a real (memory) store and checks that events, grades and
// links come out the same, and the same as Rebuild.
func TestPlanOrderIndependent(t *testing.T) {
	ctx := context.Background()
	docs, names := fixtureDocs(t, "testdata/strikes.json")
	var first snapshot
	rng := rand.New(rand.NewSource(7))
	for perm := 0; perm < 5; perm++ {
		order := append([]*graph.Extraction(nil), docs...)
		if perm > 0 {
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		st, _ := ingestAll(t, ctx, order)
		got := storeSnapshot(t, ctx, st, docs, names)
		if perm == 0 {
			first = got
			if len(got.events) == 0 || len(got.links) == 0 {
				t.Fatalf("nothing resolved: %s", got)
			}
			continue
		}
		if got.String() != first.String() {
			t.Fatalf("order %d differs:\n%s\n\nfirst:\n%s", perm, got, first)
		}
	}
	want := []string{
		"c1,c2,c3 [fair]",
		"n1,s1,s2,s3,s4,s5,s6 [contested]",
		"o1 [weak]",
		"o2 [weak]",
		"e1 [weak]",
	}
	for _, w := range want {
		if !strings.Contains(first.String(), w) {
			t.Errorf("no event %q in\n%s", w, first)
		}
	}

	// Rebuild from the stored accounts gives the same.
	st, e := ingestAll(t, ctx, docs)
	var accs []graph.Account
	var claims []graph.Claim
	claimName := map[uuid.UUID]string{}
	for _, x := range docs {
		as, err := st.DocumentAccounts(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		accs = append(accs, as...)
		for _, a := range as {
			for _, c := range a.Claims {
				claimName[c] = names[a.ID]
			}
		}
		claims = append(claims, x.Claims...)
	}
	b, err := e.Rebuild(ctx, accs, claims, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := batchSnapshot(b, names, claimName); got.String() != first.String() {
		t.Fatalf("rebuild differs:\n%s\n\nincremental:\n%s", got, first)
	}
}

// TestPlanTwiceIsNoop re-plans a stored document.
func TestPlanTwiceIsNoop(t *testing.T) {
	ctx := context.Background()
	docs, _ := fixtureDocs(t, "testdata/strikes.json")
	st, e := ingestAll(t, ctx, docs)
	b, err := e.Plan(ctx, docs[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Assign) != 0 || len(b.Events) != 0 || len(b.Links) != 0 || len(b.DeleteEvents) != 0 {
		t.Fatalf("re-plan changes things: %d assign, %d events, %d links", len(b.Assign), len(b.Events), len(b.Links))
	}
	if err := st.Commit(ctx, b); err != nil {
		t.Fatal(err)
	}
}
