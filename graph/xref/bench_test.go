package xref

import (
	"context"
	"fmt"
	"math/rand"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/google/uuid"
)

// synthetic builds a world of cities with neighbourhoods, and documents
// of accountsPerDoc accounts spread over them and over five years.
type synthetic struct {
	places []graph.Entity // neighbourhoods, then cities, then governorates
	hoods  []uuid.UUID
	rng    *rand.Rand
	n      int
}

func newSynthetic(seed int64) *synthetic {
	s := &synthetic{rng: rand.New(rand.NewSource(seed))}
	for g := 0; g < 14; g++ {
		gid := tid(fmt.Sprintf("gov%d", g))
		s.places = append(s.places, graph.Entity{ID: gid, Name: fmt.Sprintf("Governorate %d", g), Kind: graph.KindPlace, PlaceType: "governorate"})
		for c := 0; c < 15; c++ {
			cid := tid(fmt.Sprintf("city%d-%d", g, c))
			s.places = append(s.places, graph.Entity{ID: cid, Name: fmt.Sprintf("City %d-%d", g, c), Kind: graph.KindPlace, PlaceType: "city", Within: &gid})
			for h := 0; h < 6; h++ {
				hid := tid(fmt.Sprintf("hood%d-%d-%d", g, c, h))
				s.places = append(s.places, graph.Entity{ID: hid, Name: fmt.Sprintf("Quarter %d-%d-%d", g, c, h), Kind: graph.KindPlace, PlaceType: "neighbourhood", Within: &cid})
				s.hoods = append(s.hoods, hid)
			}
		}
	}
	return s
}

func (s *synthetic) doc(accounts int) *graph.Extraction {
	s.n++
	docID := tid(fmt.Sprintf("synthetic-doc-%d", s.n))
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	pub := start.AddDate(0, 0, s.rng.Intn(5*365))
	x := &graph.Extraction{Document: graph.Document{ID: docID, Date: pub.Format("2006-01-02")}}
	speaker := graph.EntityRef{ID: tid(fmt.Sprintf("speaker%d", s.rng.Intn(40))), Name: "speaker"}
	for i := 0; i < accounts; i++ {
		day := pub.AddDate(0, 0, -s.rng.Intn(3)).Format("2006-01-02")
		hood := s.hoods[s.rng.Intn(len(s.hoods))]
		k := float64(1 + s.rng.Intn(40))
		cl := graph.Claim{ID: graph.ClaimID(docID, graph.Span{Start: i * 100, End: i*100 + 50}), DocumentID: docID,
			Text: fmt.Sprintf("An airstrike on quarter %d killed %g people on %s.", i, k, day), Span: graph.Span{Start: i * 100, End: i*100 + 50},
			Speaker: speaker, Polarity: graph.Affirmed, Kind: graph.ClaimFact,
			Values: []graph.Value{{Attribute: AttrKilled, Value: &k, Bound: graph.BoundExact}}}
		a := graph.Account{ID: graph.AccountID(docID, i), DocumentID: docID, Claims: []uuid.UUID{cl.ID}, Speaker: speaker,
			Type: graph.EventAirstrike, Date: &graph.Date{From: day, To: day, Precision: graph.PrecisionDay},
			Place: &graph.PlaceRef{Entity: graph.EntityRef{ID: hood, Kind: graph.KindPlace}}, Polarity: graph.Affirmed,
			Values: cl.Values}
		cl.Accounts = []uuid.UUID{a.ID}
		x.Claims = append(x.Claims, cl)
		x.Accounts = append(x.Accounts, a)
	}
	return x
}

// fill commits n synthetic accounts, each document's accounts in events
// of their own, without cross-referencing (the store's size is what
// matters, not its events).
func fill(b *testing.B, ctx context.Context, st *cayleystore.Store, s *synthetic, n int) {
	w := NewWorld(nil, s.places...)
	if err := st.Commit(ctx, &graph.Batch{Entities: s.places, Label: "xref"}); err != nil {
		b.Fatal(err)
	}
	for done := 0; done < n; done += 10 {
		x := s.doc(10)
		PrepareAccounts(x, w)
		batch := &graph.Batch{Extraction: x, Assign: map[uuid.UUID]uuid.UUID{}, Label: "document:" + x.Document.ID.String()}
		for _, a := range x.Accounts {
			ev := EventRecord(Cluster{Accounts: []graph.Account{a}}, w)
			batch.Assign[a.ID] = ev.ID
			batch.Events = append(batch.Events, ev)
		}
		if err := st.Commit(ctx, batch); err != nil {
			b.Fatal(err)
		}
	}
}

func benchmarkPlan(b *testing.B, size int) {
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	s := newSynthetic(42)
	fill(b, ctx, st, s, size)
	e := New(st, nil)
	e.world.Add(s.places...)
	x := s.doc(5)
	b.ResetTimer()
	touched := 0
	for i := 0; i < b.N; i++ {
		cp := *x
		cp.Accounts = append([]graph.Account(nil), x.Accounts...)
		batch, err := e.Plan(ctx, &cp)
		if err != nil {
			b.Fatal(err)
		}
		touched = len(batch.Events)
	}
	b.ReportMetric(float64(touched), "events/plan")
}

// BenchmarkPlan1k and BenchmarkPlan10k plan one new five-account document
// against stores of 1,000 and 10,000 accounts: the cost follows the
// candidates the keys reach, not the store's size.
func BenchmarkPlan1k(b *testing.B)  { benchmarkPlan(b, 1000) }
func BenchmarkPlan10k(b *testing.B) { benchmarkPlan(b, 10000) }
