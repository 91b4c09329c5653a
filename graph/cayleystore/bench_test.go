package cayleystore

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// benchBackends runs a benchmark on bolt and, as a baseline, on memory.
func benchBackends(b *testing.B, run func(b *testing.B, s *Store)) {
	for _, c := range []struct {
		name string
		dsn  func(b *testing.B) string
	}{
		{"bolt", func(b *testing.B) string { return b.TempDir() }},
		{"memory", func(*testing.B) string { return "memory:" }},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, err := Open(b.Context(), c.dsn(b))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			run(b, s)
		})
	}
}

// benchDocument is document n of a synthetic corpus: claims one-sentence
// claims naming a few shared places and sources, and one account per
// five claims, keyed by one of eight blocking keys.
func benchDocument(n, claims int) *graph.Extraction {
	places := make([]graph.Entity, 8)
	for i := range places {
		key := fmt.Sprintf("place %d", i)
		places[i] = graph.Entity{ID: graph.EntityID(graph.KindPlace, key, uuid.Nil), Name: key, Kind: graph.KindPlace, Keys: []string{key}}
	}
	source := graph.Entity{ID: graph.EntityID(graph.KindMonitor, fmt.Sprintf("source %d", n%5), uuid.Nil),
		Name: fmt.Sprintf("Source %d", n%5), Kind: graph.KindMonitor, Keys: []string{fmt.Sprintf("source %d", n%5)}}
	var text strings.Builder
	for i := range claims {
		fmt.Fprintf(&text, "Report %d says that %d people were killed in place %d.\n", n, i, (n+i)%8)
	}
	norm := graph.NormaliseText(text.String())
	doc := graph.Document{ID: graph.DocumentID(norm), Title: fmt.Sprintf("Report %d", n), Date: fmt.Sprintf("2017-10-%02d", 1+n%28),
		Text: norm, Hash: graph.TextHash(norm), Length: len([]rune(norm)), IngestedAt: ingestedAt}
	ex := &graph.Extraction{Document: doc, Entities: append([]graph.Entity{source}, places...)}
	start := 0
	for i, line := range strings.Split(norm, "\n") {
		span := graph.Span{Start: start, End: start + len([]rune(line))}
		start = span.End + 1
		place := places[(n+i)%8]
		v := float64(i)
		c := graph.Claim{ID: graph.ClaimID(doc.ID, span), DocumentID: doc.ID, Text: line, Span: span,
			Speaker: source.Ref(), Polarity: graph.Affirmed, Kind: graph.ClaimFact,
			Mentions: []graph.Mention{{Entity: place.Ref(), Text: place.Name}},
			Values:   []graph.Value{{Attribute: "killed", Value: &v, Bound: graph.BoundExact, Text: fmt.Sprint(i)}}}
		ex.Claims = append(ex.Claims, c)
		if i%5 == 0 {
			ex.Accounts = append(ex.Accounts, graph.Account{ID: graph.AccountID(doc.ID, i/5), DocumentID: doc.ID,
				Claims: []uuid.UUID{c.ID}, Speaker: source.Ref(), Type: graph.EventAirstrike, Polarity: graph.Affirmed,
				Place: &graph.PlaceRef{Entity: place.Ref(), Text: place.Name}, Keys: []string{fmt.Sprintf("airstrike|%d", (n+i)%8)}})
		}
	}
	return ex
}

// BenchmarkCommitDocument commits one new document of 30 claims and 6
// accounts per operation.
func BenchmarkCommitDocument(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := b.Context()
		n := 0
		for b.Loop() {
			b.StopTimer()
			ex := benchDocument(n, 30)
			n++
			b.StartTimer()
			if err := s.Commit(ctx, &graph.Batch{Extraction: ex}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// seedEvents commits docs documents and gathers their accounts into
// events by blocking key; it returns the events.
func seedEvents(b *testing.B, s *Store, docs int) []uuid.UUID {
	ctx := b.Context()
	byKey := map[string][]uuid.UUID{}
	for n := range docs {
		ex := benchDocument(n, 30)
		if err := s.Commit(ctx, &graph.Batch{Extraction: ex}); err != nil {
			b.Fatal(err)
		}
		for _, a := range ex.Accounts {
			byKey[a.Keys[0]] = append(byKey[a.Keys[0]], a.ID)
		}
	}
	var events []uuid.UUID
	batch := &graph.Batch{Assign: map[uuid.UUID]uuid.UUID{}}
	for _, accs := range byKey {
		// Events of ten accounts each.
		for i := 0; i < len(accs); i += 10 {
			group := accs[i:min(i+10, len(accs))]
			id := graph.EventID(group)
			events = append(events, id)
			batch.Events = append(batch.Events, graph.Event{ID: id, Type: graph.EventAirstrike, Title: id.String(), Accounts: group, Documents: len(group)})
			for _, a := range group {
				batch.Assign[a] = id
			}
		}
	}
	if err := s.Commit(ctx, batch); err != nil {
		b.Fatal(err)
	}
	return events
}

// BenchmarkEventAccounts reads the ten accounts of an event, among 200
// documents' worth of accounts.
func BenchmarkEventAccounts(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		events := seedEvents(b, s, 200)
		ctx := b.Context()
		i := 0
		for b.Loop() {
			as, err := s.EventAccounts(ctx, events[i%len(events)])
			if err != nil || len(as) == 0 {
				b.Fatalf("%d accounts, %v", len(as), err)
			}
			i++
		}
	})
}

// BenchmarkDocumentClaims reads the first page (50) of a document's claims,
// among 100 documents of 60 claims.
func BenchmarkDocumentClaims(b *testing.B) {
	benchBackends(b, func(b *testing.B, s *Store) {
		ctx := b.Context()
		var docs []uuid.UUID
		for n := range 100 {
			ex := benchDocument(n, 60)
			if err := s.Commit(ctx, &graph.Batch{Extraction: ex}); err != nil {
				b.Fatal(err)
			}
			docs = append(docs, ex.Document.ID)
		}
		i := 0
		for b.Loop() {
			cs, next, err := s.DocumentClaims(ctx, docs[i%len(docs)], graph.Page{Limit: 50})
			if err != nil || len(cs) != 50 || next == "" {
				b.Fatalf("%d claims, next %q, %v", len(cs), next, err)
			}
			i++
		}
	})
}
