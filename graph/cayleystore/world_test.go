package cayleystore

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// worldFile is testdata/world.json: entities and documents named by
// symbolic keys.
type worldFile struct {
	Entities []struct {
		Key         string   `json:"key"`
		Name        string   `json:"name"`
		Kind        string   `json:"kind"`
		PlaceType   string   `json:"place_type"`
		Within      string   `json:"within"`
		Affiliation string   `json:"affiliation"`
		Keys        []string `json:"keys"`
	} `json:"entities"`
	Documents []struct {
		Key      string   `json:"key"`
		Title    string   `json:"title"`
		Kind     string   `json:"kind"`
		Date     string   `json:"date"`
		Text     string   `json:"text"`
		Entities []string `json:"entities"`
		Claims   []struct {
			Text     string   `json:"text"`
			Speaker  string   `json:"speaker"`
			Mentions []string `json:"mentions"`
			Kind     string   `json:"kind"`
			Polarity string   `json:"polarity"`
		} `json:"claims"`
		Accounts []struct {
			Claims      []int    `json:"claims"`
			Type        string   `json:"type"`
			Place       string   `json:"place"`
			Perpetrator string   `json:"perpetrator"`
			Date        string   `json:"date"`
			Keys        []string `json:"keys"`
			Polarity    string   `json:"polarity"`
		} `json:"accounts"`
	} `json:"documents"`
}

// world is the fixture with real ids: one ingest batch per document, in
// file order, and the maps between symbols and ids.
type world struct {
	batches  []*graph.Batch
	entity   map[string]graph.Entity
	doc      map[string]uuid.UUID
	claim    map[string]uuid.UUID // "doc#n"
	account  map[string]uuid.UUID // "doc#n"
	names    map[uuid.UUID]string // id -> symbol, for every id above
	docOrder []string             // document keys in file order
}

// missing is an id the world never uses.
var missing = uuid.MustParse("00000000-0000-4000-8000-000000000001")

// ingestedAt is a fixed time, in UTC so that it survives JSON unchanged.
var ingestedAt = time.Date(2024, 3, 1, 12, 0, 0, 123456789, time.UTC)

func loadWorld(t testing.TB) *world {
	t.Helper()
	b, err := os.ReadFile("testdata/world.json")
	if err != nil {
		t.Fatal(err)
	}
	var f worldFile
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("testdata/world.json: %v", err)
	}
	w := &world{
		entity:  map[string]graph.Entity{},
		doc:     map[string]uuid.UUID{},
		claim:   map[string]uuid.UUID{},
		account: map[string]uuid.UUID{},
		names:   map[uuid.UUID]string{missing: "missing"},
	}
	entID := func(key string) uuid.UUID {
		for _, e := range f.Entities {
			if e.Key == key {
				return graph.EntityID(graph.EntityKind(e.Kind), e.Key, uuid.Nil)
			}
		}
		t.Fatalf("world: unknown entity %q", key)
		return uuid.Nil
	}
	for _, e := range f.Entities {
		ent := graph.Entity{
			ID: entID(e.Key), Name: e.Name, Kind: graph.EntityKind(e.Kind), PlaceType: e.PlaceType,
			Keys: e.Keys, Gazetteer: true, Aliases: []string{strings.ToLower(e.Name)},
		}
		if e.Within != "" {
			id := entID(e.Within)
			ent.Within = &id
		}
		if e.Affiliation != "" {
			id := entID(e.Affiliation)
			ent.Affiliation = &id
		}
		w.entity[e.Key] = ent
		w.names[ent.ID] = e.Key
	}
	ref := func(key string) graph.EntityRef {
		e := w.entity[key]
		return e.Ref()
	}
	for _, d := range f.Documents {
		text := graph.NormaliseText(d.Text)
		doc := graph.Document{
			ID: graph.DocumentID(text), Title: d.Title, Kind: d.Kind, Date: d.Date, Language: "en",
			Hash: graph.TextHash(text), Length: len([]rune(text)), IngestedAt: ingestedAt, Text: text,
		}
		w.doc[d.Key] = doc.ID
		w.names[doc.ID] = d.Key
		w.docOrder = append(w.docOrder, d.Key)
		ex := &graph.Extraction{Document: doc}
		for _, k := range d.Entities {
			ex.Entities = append(ex.Entities, w.entity[k])
		}
		for i, c := range d.Claims {
			at := strings.Index(text, c.Text)
			if at < 0 {
				t.Fatalf("world: claim %q not in document %s", c.Text, d.Key)
			}
			span := graph.Span{Start: graph.Runes(text, at), End: graph.Runes(text, at+len(c.Text))}
			cl := graph.Claim{
				ID: graph.ClaimID(doc.ID, span), DocumentID: doc.ID, Text: c.Text, Span: span,
				Speaker: ref(c.Speaker), Polarity: graph.Affirmed, Kind: graph.ClaimFact,
			}
			if c.Kind != "" {
				cl.Kind = graph.ClaimKind(c.Kind)
			}
			if c.Polarity != "" {
				cl.Polarity = graph.Polarity(c.Polarity)
			}
			for _, m := range c.Mentions {
				cl.Mentions = append(cl.Mentions, graph.Mention{Entity: ref(m), Text: w.entity[m].Name})
			}
			sym := fmt.Sprintf("%s#%d", d.Key, i)
			w.claim[sym] = cl.ID
			w.names[cl.ID] = sym
			ex.Claims = append(ex.Claims, cl)
		}
		for i, a := range d.Accounts {
			acc := graph.Account{
				ID: graph.AccountID(doc.ID, i), DocumentID: doc.ID, Published: d.Date,
				Type: graph.EventType(a.Type), Keys: a.Keys, Polarity: graph.Affirmed,
				Date: &graph.Date{From: a.Date, To: a.Date, Precision: graph.PrecisionDay},
			}
			if a.Polarity != "" {
				acc.Polarity = graph.Polarity(a.Polarity)
			}
			for _, c := range a.Claims {
				acc.Claims = append(acc.Claims, ex.Claims[c].ID)
				ex.Claims[c].Accounts = append(ex.Claims[c].Accounts, acc.ID)
			}
			acc.Speaker = ex.Claims[a.Claims[0]].Speaker
			if a.Place != "" {
				acc.Place = &graph.PlaceRef{Entity: ref(a.Place), Text: w.entity[a.Place].Name}
			}
			if a.Perpetrator != "" {
				acc.Perpetrator = &graph.Attribution{Entity: ref(a.Perpetrator), Polarity: acc.Polarity, Text: w.entity[a.Perpetrator].Name}
			}
			sym := fmt.Sprintf("%s#%d", d.Key, i)
			w.account[sym] = acc.ID
			w.names[acc.ID] = sym
			ex.Accounts = append(ex.Accounts, acc)
		}
		w.batches = append(w.batches, &graph.Batch{Extraction: ex, Label: "document:" + doc.ID.String()})
	}
	return w
}

// id resolves a symbol of any kind: an entity or document key, "doc#n" for
// a claim (kind "claim") or an account (kind "account"), or "missing".
func (w *world) id(t testing.TB, kind, sym string) uuid.UUID {
	t.Helper()
	if sym == "missing" {
		return missing
	}
	var m map[string]uuid.UUID
	switch kind {
	case "document":
		m = w.doc
	case "claim":
		m = w.claim
	case "account":
		m = w.account
	case "entity":
		if e, ok := w.entity[sym]; ok {
			return e.ID
		}
		t.Fatalf("unknown entity symbol %q", sym)
	default:
		t.Fatalf("unknown symbol kind %q", kind)
	}
	id, ok := m[sym]
	if !ok {
		t.Fatalf("unknown %s symbol %q", kind, sym)
	}
	return id
}

func (w *world) ids(t testing.TB, kind string, syms []string) []uuid.UUID {
	out := make([]uuid.UUID, len(syms))
	for i, s := range syms {
		out[i] = w.id(t, kind, s)
	}
	return out
}

// sym names an id by its symbol, or by the id itself if the world has none.
func (w *world) sym(id uuid.UUID) string {
	if s, ok := w.names[id]; ok {
		return s
	}
	return id.String()
}

// ingest commits every document of the world.
func (w *world) ingest(t testing.TB, s *Store) {
	t.Helper()
	for _, b := range w.batches {
		if err := s.Commit(t.Context(), b); err != nil {
			t.Fatalf("ingest %s: %v", w.sym(b.Extraction.Document.ID), err)
		}
	}
}
