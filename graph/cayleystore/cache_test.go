package cayleystore

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// snapshot reads every relation the cache holds for the world's ids and
// returns each answer as JSON (or its error code), by relation.
func snapshot(t *testing.T, s reads, w *world, extra []uuid.UUID) map[string]string {
	t.Helper()
	ctx := t.Context()
	out := map[string]string{}
	put := func(name string, v any, err error) {
		if err != nil {
			if graph.ErrorCode(err) == "" {
				t.Fatalf("%s: %v", name, err)
			}
			out[name] = "error " + graph.ErrorCode(err)
			return
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = string(b)
	}
	all := graph.Page{Limit: graph.MaxLimit}
	{
		v, _, err := s.Documents(ctx, all)
		put("Documents", v, err)
		ev, _, err := s.Events(ctx, all)
		put("Events", ev, err)
		en, _, err := s.EntityList(ctx, all)
		put("EntityList", en, err)
		js, _, err := s.Judgements(ctx, all)
		put("Judgements", js, err)
	}
	for _, key := range w.docOrder {
		id := w.doc[key]
		ok, err := s.HasDocument(ctx, id)
		put("HasDocument "+key, ok, err)
		d, err := s.Document(ctx, id)
		put("Document "+key, d, err)
		cs, _, err := s.DocumentClaims(ctx, id, all)
		put("DocumentClaims "+key, cs, err)
		as, err := s.DocumentAccounts(ctx, id)
		sort.Slice(as, func(i, j int) bool { return as[i].ID.String() < as[j].ID.String() })
		put("DocumentAccounts "+key, as, err)
	}
	var docs []uuid.UUID
	for _, key := range w.docOrder {
		docs = append(docs, w.doc[key])
	}
	ds, err := s.DocumentRecords(ctx, append(docs, missing))
	put("DocumentRecords", ds, err)
	var claims, accounts []uuid.UUID
	for sym, id := range w.claim {
		c, err := s.Claim(ctx, id)
		put("Claim "+sym, c, err)
		ls, err := s.ClaimLinks(ctx, id)
		put("ClaimLinks "+sym, ls, err)
		claims = append(claims, id)
	}
	for sym, id := range w.account {
		a, err := s.Account(ctx, id)
		put("Account "+sym, a, err)
		accounts = append(accounts, id)
	}
	sortIDs := func(ids []uuid.UUID) {
		sort.Slice(ids, func(i, j int) bool { return ids[i].String() < ids[j].String() })
	}
	sortIDs(claims)
	sortIDs(accounts)
	cs, err := s.Claims(ctx, claims)
	put("Claims", cs, err)
	lm, err := s.ClaimLinksMany(ctx, append(claims, missing))
	put("ClaimLinksMany", lm, err)
	as, err := s.Accounts(ctx, accounts)
	put("Accounts", as, err)
	var entities []uuid.UUID
	keys := map[string]bool{}
	for sym, e := range w.entity {
		got, err := s.Entity(ctx, e.ID)
		put("Entity "+sym, got, err)
		cs, _, err := s.EntityClaims(ctx, e.ID, all)
		put("EntityClaims "+sym, cs, err)
		as, err := s.AccountsByEntity(ctx, []uuid.UUID{e.ID})
		put("AccountsByEntity "+sym, as, err)
		in, err := s.PlacesWithin(ctx, e.ID)
		put("PlacesWithin "+sym, in, err)
		js, err := s.JudgementsFor(ctx, e.ID)
		put("JudgementsFor "+sym, js, err)
		entities = append(entities, e.ID)
		for _, k := range e.Keys {
			keys[k] = true
		}
	}
	sortIDs(entities)
	es, err := s.Entities(ctx, entities)
	put("Entities", es, err)
	for _, b := range w.batches {
		for _, a := range b.Extraction.Accounts {
			for _, k := range a.Keys {
				keys[k] = true
			}
		}
	}
	keys["added-key"] = true
	for k := range keys {
		es, err := s.EntitiesByKey(ctx, []string{k})
		put("EntitiesByKey "+k, es, err)
		as, err := s.AccountsByKey(ctx, []string{k})
		put("AccountsByKey "+k, as, err)
	}
	for _, id := range extra {
		e, err := s.Event(ctx, id)
		put("Event "+id.String(), e, err)
		as, err := s.EventAccounts(ctx, id)
		put("EventAccounts "+id.String(), as, err)
		js, err := s.JudgementsFor(ctx, id)
		put("JudgementsFor "+id.String(), js, err)
		j, err := s.Judgement(ctx, id)
		put("Judgement "+id.String(), j, err)
	}
	return out
}

// reads are the read methods of Store and Group.
type reads interface {
	HasDocument(ctx context.Context, id uuid.UUID) (bool, error)
	Document(ctx context.Context, id uuid.UUID) (*graph.Document, error)
	Documents(ctx context.Context, p graph.Page) ([]graph.Document, string, error)
	DocumentRecords(ctx context.Context, ids []uuid.UUID) ([]graph.Document, error)
	DocumentClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	DocumentAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	Claim(ctx context.Context, id uuid.UUID) (*graph.Claim, error)
	Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error)
	Entity(ctx context.Context, id uuid.UUID) (*graph.Entity, error)
	Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error)
	EntitiesByKey(ctx context.Context, keys []string) ([]graph.Entity, error)
	EntityList(ctx context.Context, p graph.Page) ([]graph.Entity, string, error)
	EntityClaims(ctx context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error)
	PlacesWithin(ctx context.Context, id uuid.UUID) ([]uuid.UUID, error)
	Account(ctx context.Context, id uuid.UUID) (*graph.Account, error)
	Accounts(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	AccountsByKey(ctx context.Context, keys []string) ([]graph.Account, error)
	AccountsByEntity(ctx context.Context, ids []uuid.UUID) ([]graph.Account, error)
	Event(ctx context.Context, id uuid.UUID) (*graph.Event, error)
	Events(ctx context.Context, p graph.Page) ([]graph.Event, string, error)
	EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error)
	ClaimLinks(ctx context.Context, claim uuid.UUID) ([]graph.Link, error)
	ClaimLinksMany(ctx context.Context, claims []uuid.UUID) (map[uuid.UUID][]graph.Link, error)
	Judgement(ctx context.Context, id uuid.UUID) (*graph.Judgement, error)
	Judgements(ctx context.Context, p graph.Page) ([]graph.Judgement, string, error)
	JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error)
}

// uncached runs f with the store's cache switched off: the oracle.
func uncached(s *Store, f func()) {
	c := s.cache
	s.cache = nil
	defer func() { s.cache = c }()
	f()
}

// testCacheCoherence reads every cached relation, commits a change, and
// reads again: after each commit the answers through the (warm) cache
// are those read from the store with the cache off, and each step changes
// the answers it should.
func testCacheCoherence(t *testing.T, open opener) {
	ctx := t.Context()
	s := open(t)
	if !s.CacheStats().Enabled {
		t.Skip("this store has no cache; the other cases check its reads after writes")
	}
	w := loadWorld(t)
	x := newXref(w)
	j := x.judgement()
	extra := []uuid.UUID{x.e1, x.e2, j.ID}

	var prev map[string]string
	step := func(name string, b *graph.Batch, changes ...string) {
		t.Helper()
		if b != nil {
			if err := s.Commit(ctx, b); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		got := snapshot(t, s, w, extra)
		var want map[string]string
		uncached(s, func() { want = snapshot(t, s, w, extra) })
		for k, v := range want {
			if got[k] != v {
				t.Errorf("after %s: %s through the cache:\n%s\nfrom the store:\n%s", name, k, got[k], v)
			}
		}
		for _, k := range changes {
			if prev != nil && prev[k] == got[k] {
				t.Errorf("after %s: %s did not change: %s", name, k, got[k])
			}
		}
		prev = got
		// Warm again, so the next step starts from cached answers.
		snapshot(t, s, w, extra)
	}

	last := len(w.batches) - 1
	for _, b := range w.batches[:last] {
		if err := s.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	step("the first documents", nil)
	lastDoc := w.docOrder[last]
	step("one more document", w.batches[last],
		"Documents", "DocumentRecords", "HasDocument "+lastDoc, "Document "+lastDoc, "DocumentClaims "+lastDoc, "DocumentAccounts "+lastDoc,
		"AccountsByKey bombing_campaign|2017-10|raqqa", "AccountsByEntity raqqa", "EntityClaims raqqa")
	step("events and links", x.first(),
		"Events", "Event "+x.e1.String(), "EventAccounts "+x.e1.String(), "Account letter#0", "Accounts",
		"ClaimLinks letter#0", "AccountsByKey airstrike|2017-10|dez")
	step("a merge", x.merge(), "Event "+x.e2.String(), "EventAccounts "+x.e2.String(), "EventAccounts "+x.e1.String(), "Account sohr#0")
	step("a judgement", &graph.Batch{Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()},
		"Judgements", "Judgement "+j.ID.String(), "JudgementsFor "+x.e1.String())
	revoked := j
	at := j.CreatedAt.Add(time.Minute)
	revoked.RevokedAt, revoked.RevokedBy = &at, "analyst-2"
	step("its revocation", &graph.Batch{Judgements: []graph.Judgement{revoked}, Label: "judgement:" + j.ID.String()},
		"Judgement "+j.ID.String(), "JudgementsFor "+x.e1.String())

	raqqa := w.entity["raqqa"]
	raqqa.Keys = append(append([]string(nil), raqqa.Keys...), "added-key")
	dez := w.entity["dez"].ID
	raqqa.Within = &dez
	raqqa.Reliability = "B"
	step("an entity update", &graph.Batch{Entities: []graph.Entity{raqqa}},
		"Entity raqqa", "Entities", "EntityList", "EntitiesByKey added-key", "PlacesWithin dez")

	c, err := s.Claim(ctx, w.claim["letter#0"])
	if err != nil {
		t.Fatal(err)
	}
	c.Deprecated = true
	step("a claim update", &graph.Batch{Claims: []graph.Claim{*c}}, "Claim letter#0", "Claims", "DocumentClaims letter")
	step("a deleted link", &graph.Batch{DeleteLinks: []uuid.UUID{x.l2.ID}}, "ClaimLinks letter#0", "ClaimLinks coalition#0")

	if st := s.CacheStats(); st.Enabled && st.Hits == 0 {
		t.Errorf("the cache was never hit: %+v", st)
	}
}

// Records handed out by a cached store are the caller's: changing them
// changes nothing stored or cached.
func TestCacheReturnsCopies(t *testing.T) {
	ctx := t.Context()
	s := openMemory(t)
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, s, w, []uuid.UUID{x.e1})
	for range 2 { // the first read fills the cache, the second hits it
		c, err := s.Claim(ctx, w.claim["letter#0"])
		if err != nil {
			t.Fatal(err)
		}
		c.Text = "changed"
		if len(c.Mentions) > 0 {
			c.Mentions[0].Text = "changed"
		}
		c.Mentions = append(c.Mentions, graph.Mention{Text: "added"})
		as, err := s.EventAccounts(ctx, x.e1)
		if err != nil {
			t.Fatal(err)
		}
		for i := range as {
			as[i].Claims[0] = missing
			*as[i].EventID = missing
			if as[i].Place != nil {
				as[i].Place.Entity.Name = "changed"
			}
		}
		ev, err := s.Event(ctx, x.e1)
		if err != nil {
			t.Fatal(err)
		}
		ev.Grade.Reasons[0] = "changed"
		ev.Accounts[0] = missing
		e, err := s.Entity(ctx, w.entity["qusur"].ID)
		if err != nil {
			t.Fatal(err)
		}
		e.Keys[0] = "changed"
		*e.Within = missing
	}
	after := snapshot(t, s, w, []uuid.UUID{x.e1})
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s changed by a caller:\n%s\nwas\n%s", k, after[k], v)
		}
	}
}

// TestCacheConcurrent reads while another goroutine commits (run it with
// -race): once Commit has returned, every read sees what it wrote.
func TestCacheConcurrent(t *testing.T) {
	for name, open := range map[string]opener{"memory": openMemory, "bolt": openBoltTemp} {
		t.Run(name, func(t *testing.T) {
			ctx := t.Context()
			s := open(t)
			w := loadWorld(t)
			w.ingest(t, s)
			x := newXref(w)
			if err := s.Commit(ctx, x.first()); err != nil {
				t.Fatal(err)
			}
			var mu sync.Mutex
			committed := 0 // the last round whose Commit has returned
			stop := make(chan struct{})
			errs := make(chan error, 3)
			for range 3 {
				go func() {
					errs <- func() error {
						for {
							select {
							case <-stop:
								return nil
							default:
							}
							mu.Lock()
							n := committed
							mu.Unlock()
							ev, err := s.Event(ctx, x.e1)
							if err != nil {
								return err
							}
							if got := eventRound(ev); got < n {
								return fmt.Errorf("read round %d after round %d was committed", got, n)
							}
							as, err := s.EventAccounts(ctx, x.e1)
							if err != nil {
								return err
							}
							if len(as) != 2 {
								return fmt.Errorf("event has %d accounts", len(as))
							}
						}
					}()
				}()
			}
			for n := 1; n <= 30; n++ {
				b := x.first()
				b.Events[0].Title = fmt.Sprintf("round %d", n)
				if err := s.Commit(ctx, b); err != nil {
					t.Fatal(err)
				}
				mu.Lock()
				committed = n
				mu.Unlock()
			}
			close(stop)
			for range 3 {
				if err := <-errs; err != nil {
					t.Error(err)
				}
			}
		})
	}
}

func eventRound(e *graph.Event) int {
	var n int
	fmt.Sscanf(e.Title, "round %d", &n)
	return n
}

// A cache too small for what is read keeps working: entries are evicted,
// answers stay those of the store.
func TestCacheEviction(t *testing.T) {
	ctx := context.Background()
	s, err := OpenWith(ctx, "memory:", Options{CacheBytes: 16 << 10})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := loadWorld(t)
	w.ingest(t, s)
	got := snapshot(t, s, w, nil)
	got = snapshot(t, s, w, nil)
	var want map[string]string
	uncached(s, func() { want = snapshot(t, s, w, nil) })
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: %s, want %s", k, got[k], v)
		}
	}
	if b := s.CacheStats().Bytes; b > 16<<10 {
		t.Errorf("the cache holds %d bytes, bound 16 KiB", b)
	}
}

// The suite on bolt without cayley's bloom filters and without the read
// cache: both are optimisations, neither may change an answer.
func TestBoltNoBloomNoCache(t *testing.T) {
	runSuite(t, func(t *testing.T) *Store {
		t.Helper()
		s, err := OpenWith(t.Context(), t.TempDir(), Options{NoBloom: true, CacheBytes: -1})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if s.CacheStats().Enabled {
			t.Fatal("CacheBytes -1 left the cache on")
		}
		return s
	})
}

// Beside a write, a read may keep only what the write leaves as it is:
// the out-edges, in-edges and records of what the write does not touch.
// Once the write ends, what it touched is dropped, and reads fill the
// cache again as usual.
func TestCacheFillBesideAWrite(t *testing.T) {
	c := newCache(1 << 20)
	s1, s2 := quad.IRI("cg:account/1"), quad.IRI("cg:account/2")
	key := quad.String("in:x:2017-10")
	c.put(cacheKey{node: s1, kind: ckRecord}, "old record", 10, c.epoch.Load())
	c.begin([]quad.Quad{{Subject: s1, Predicate: pKey, Object: key}})
	e := c.epoch.Load()
	if e%2 != 1 {
		t.Fatalf("epoch %d during a write, want odd", e)
	}
	touched := []cacheKey{{node: s1, pred: pKey, kind: ckOut}, {node: key, pred: pKey, kind: ckIn}, {node: s1, kind: ckRecord}}
	untouched := []cacheKey{{node: s2, pred: pKey, kind: ckOut}, {node: s2, kind: ckRecord}, {node: key, pred: pEvent, kind: ckIn}}
	for _, k := range append(touched, untouched...) {
		c.put(k, "read beside", 10, e)
	}
	for _, k := range touched {
		if v, ok := c.get(k); ok && v != "old record" {
			t.Errorf("%v, which the write changes, was filled beside it", k)
		}
	}
	for _, k := range untouched {
		if _, ok := c.get(k); !ok {
			t.Errorf("%v, which the write leaves, was not kept", k)
		}
	}
	c.end()
	if _, ok := c.get(cacheKey{node: s1, kind: ckRecord}); ok {
		t.Error("the record the write changed is still cached after it")
	}
	late := cacheKey{node: s2, kind: ckOut, pred: pEvent}
	c.put(late, "late", 10, e)
	if _, ok := c.get(late); ok {
		t.Error("a read begun beside a write that has ended filled the cache")
	}
	c.put(touched[0], "after", 10, c.epoch.Load())
	if _, ok := c.get(touched[0]); !ok {
		t.Error("a read after the write did not fill the cache")
	}
}
