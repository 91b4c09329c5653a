package xref

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

type manifestDoc struct {
	File        string           `json:"file"`
	Symbol      string           `json:"symbol"`
	Kind        string           `json:"kind"`
	Title       string           `json:"title"`
	Author      string           `json:"author"`
	OnBehalfOf  string           `json:"on_behalf_of"`
	AddressedTo graph.StringList `json:"addressed_to"`
	Date        *string          `json:"date"`
	Language    string           `json:"language"`
}

// extractDir extracts every document a manifest lists.
func extractDir(t testing.TB, dir string, g *gazetteer.Gazetteer) []*graph.Extraction {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		Documents []manifestDoc `json:"documents"`
	}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	x := extract.New(g)
	var out []*graph.Extraction
	for _, d := range m.Documents {
		text, err := os.ReadFile(filepath.Join(dir, d.File))
		if err != nil {
			t.Fatal(err)
		}
		in := graph.DocumentInput{Text: string(text), Title: d.Title, Symbol: d.Symbol, Kind: d.Kind, Author: d.Author,
			OnBehalfOf: d.OnBehalfOf, AddressedTo: d.AddressedTo, Language: d.Language, File: d.File}
		if d.Date != nil {
			in.Date = *d.Date
		}
		ex, err := x.Extract(in)
		if err != nil {
			t.Fatalf("extract %s: %v", d.File, err)
		}
		out = append(out, ex)
	}
	return out
}

// world is the corpus once ingested: the store and what it holds.
type ingested struct {
	st       *cayleystore.Store
	engine   *Engine
	docs     map[uuid.UUID]graph.Document
	file     map[uuid.UUID]string
	accounts map[uuid.UUID]graph.Account
	claims   map[uuid.UUID]graph.Claim
	events   map[uuid.UUID][]graph.Account
	w        *World
}

func ingest(t testing.TB, ctx context.Context, g *gazetteer.Gazetteer, xs []*graph.Extraction) *ingested {
	t.Helper()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	e := New(st, g)
	e.Now = func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	in := &ingested{st: st, engine: e, docs: map[uuid.UUID]graph.Document{}, file: map[uuid.UUID]string{},
		accounts: map[uuid.UUID]graph.Account{}, claims: map[uuid.UUID]graph.Claim{}, events: map[uuid.UUID][]graph.Account{}}
	var ents []graph.Entity
	for _, x := range xs {
		cp := *x
		cp.Accounts = append([]graph.Account(nil), x.Accounts...)
		b, err := e.Plan(ctx, &cp)
		if err != nil {
			t.Fatalf("plan %s: %v", x.Document.File, err)
		}
		if err := st.Commit(ctx, b); err != nil {
			t.Fatalf("commit %s: %v", x.Document.File, err)
		}
		in.docs[x.Document.ID] = x.Document
		in.file[x.Document.ID] = x.Document.File
		for _, c := range x.Claims {
			in.claims[c.ID] = c
		}
		ents = append(ents, x.Entities...)
	}
	in.w = e.world.With(ents...)
	for _, x := range xs {
		accs, err := st.DocumentAccounts(ctx, x.Document.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range accs {
			in.accounts[a.ID] = a
			if a.EventID == nil {
				t.Fatalf("%s: account without event", x.Document.File)
			}
			in.events[*a.EventID] = append(in.events[*a.EventID], a)
		}
	}
	return in
}

func (in *ingested) describe(a graph.Account) string {
	perp := ""
	if a.Perpetrator != nil {
		perp = a.Perpetrator.Entity.Name + "/" + string(a.Perpetrator.Polarity)
	}
	place := ""
	if a.Place != nil {
		place = a.Place.Entity.Name
	}
	date := ""
	if a.Date != nil {
		date = a.Date.From + ".." + a.Date.To
	}
	var vs []string
	for _, v := range a.Values {
		vs = append(vs, v.Attribute+"="+figureText(v))
	}
	return fmt.Sprintf("%s | %s | %s | %s | %s | %s | perp %s | %s | %s", in.file[a.DocumentID], a.Speaker.Name, a.Type, place, date, a.Polarity, perp, strings.Join(vs, ","), a.Published+a.NotBefore)
}

// snapshot returns the events as sorted lines, for comparing orders.
func (in *ingested) snapshot() string {
	var lines []string
	for _, accs := range in.events {
		var ds []string
		for _, a := range accs {
			ds = append(ds, in.describe(a))
		}
		sort.Strings(ds)
		lines = append(lines, strings.Join(ds, "\n    "))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n  --\n    ")
}

// eventOf returns the event holding the account of document file whose
// speaker's name contains speaker.
func (in *ingested) eventOf(file, speaker string) (uuid.UUID, bool) {
	for id, accs := range in.events {
		for _, a := range accs {
			if in.file[a.DocumentID] == file && strings.Contains(strings.ToLower(a.Speaker.Name), strings.ToLower(speaker)) {
				return id, true
			}
		}
	}
	return uuid.Nil, false
}

func (in *ingested) claimsMap(accs []graph.Account) map[uuid.UUID]graph.Claim {
	out := map[uuid.UUID]graph.Claim{}
	for _, a := range accs {
		for _, id := range a.Claims {
			if c, ok := in.claims[id]; ok {
				out[id] = c
			}
		}
	}
	return out
}

func TestCorpusDump(t *testing.T) {
	if os.Getenv("XREF_DUMP") == "" {
		t.Skip("set XREF_DUMP=1 to print the corpus's accounts and events")
	}
	ctx := context.Background()
	g := gazetteer.Default()
	xs := extractDir(t, "../../examples/corpus", g)
	in := ingest(t, ctx, g, xs)
	t.Logf("events:\n    %s", in.snapshot())
}
