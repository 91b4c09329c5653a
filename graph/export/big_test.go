package export

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
)

// bigGraph is a synthetic claim graph of about 100,000 nodes whose records
// are computed from their ids, so that selection can be run over a graph
// far larger than its budget without building one: 20,000 documents of two
// claims each, one account per document, one event per account, ten
// sources, and one place (the hub) that every claim mentions and every
// account names. Claim 2i+1 repeats claim 2i-1.
type bigGraph struct{ docs int }

const (
	bigDoc     = "d0c00000"
	bigClaim   = "c1a10000"
	bigAccount = "acc00000"
	bigEvent   = "e7e00000"
	bigEntity  = "e0000000"
	bigSources = 10
)

func bigID(kind string, i int) uuid.UUID {
	return uuid.MustParse(fmt.Sprintf("%s-0000-4000-8000-%012x", kind, i))
}

func bigIndex(id uuid.UUID, kind string) (int, bool) {
	s := id.String()
	if !strings.HasPrefix(s, kind) {
		return 0, false
	}
	n, err := strconv.ParseInt(s[24:], 16, 64)
	return int(n), err == nil
}

func (b *bigGraph) size() int { return b.docs*5 + 1 + bigSources }

func (b *bigGraph) date(doc int) string {
	return time.Date(2017, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, doc%365).Format("2006-01-02")
}

func (b *bigGraph) hub() graph.EntityRef {
	return graph.EntityRef{ID: bigID(bigEntity, 0), Name: "Hub", Kind: graph.KindPlace}
}

func (b *bigGraph) source(k int) graph.EntityRef {
	return graph.EntityRef{ID: bigID(bigEntity, 1+k), Name: fmt.Sprintf("Source %d", k), Kind: graph.KindMonitor}
}

func (b *bigGraph) doc(i int) graph.Document {
	return graph.Document{ID: bigID(bigDoc, i), Title: fmt.Sprintf("Report %d", i), Date: b.date(i)}
}

func (b *bigGraph) claim(i int) graph.Claim {
	d := i / 2
	h := b.hub()
	return graph.Claim{ID: bigID(bigClaim, i), DocumentID: bigID(bigDoc, d), Text: fmt.Sprintf("claim %d", i),
		Speaker: b.source(d % bigSources), Polarity: graph.Affirmed, Kind: graph.ClaimFact,
		Mentions: []graph.Mention{{Entity: h, Text: h.Name}}, Accounts: []uuid.UUID{bigID(bigAccount, d)}}
}

func (b *bigGraph) account(i int) graph.Account {
	ev := bigID(bigEvent, i)
	return graph.Account{ID: bigID(bigAccount, i), DocumentID: bigID(bigDoc, i), Claims: []uuid.UUID{bigID(bigClaim, 2*i), bigID(bigClaim, 2*i+1)},
		Speaker: b.source(i % bigSources), Published: b.date(i), Type: graph.EventAirstrike,
		Place: &graph.PlaceRef{Entity: b.hub(), Text: "Hub"}, Polarity: graph.Affirmed, EventID: &ev}
}

func (b *bigGraph) event(i int) graph.Event {
	return graph.Event{ID: bigID(bigEvent, i), Type: graph.EventAirstrike, Title: fmt.Sprintf("airstrike %d", i),
		Date: &graph.Date{From: b.date(i), To: b.date(i), Precision: graph.PrecisionDay}, Accounts: []uuid.UUID{bigID(bigAccount, i)}, Documents: 1}
}

func (b *bigGraph) entity(i int) graph.Entity {
	if i == 0 {
		return graph.Entity{ID: b.hub().ID, Name: "Hub", Kind: graph.KindPlace}
	}
	r := b.source(i - 1)
	return graph.Entity{ID: r.ID, Name: r.Name, Kind: r.Kind}
}

func bigMissing(what string, id uuid.UUID) error {
	return graph.Errorf(graph.ENOTFOUND, "%s %s not found", what, id)
}

// offsetPage pages n items by a decimal cursor.
func offsetPage(n int, p graph.Page) (int, int, string) {
	p = p.Normalised()
	off, _ := strconv.Atoi(p.Cursor)
	end := min(off+p.Limit, n)
	next := ""
	if end < n {
		next = strconv.Itoa(end)
	}
	return off, end, next
}

func (b *bigGraph) Document(_ context.Context, id uuid.UUID) (*graph.Document, error) {
	if i, ok := bigIndex(id, bigDoc); ok && i < b.docs {
		d := b.doc(i)
		return &d, nil
	}
	return nil, bigMissing("document", id)
}

func (b *bigGraph) Documents(_ context.Context, p graph.Page) ([]graph.Document, string, error) {
	off, end, next := offsetPage(b.docs, p)
	var out []graph.Document
	for i := off; i < end; i++ {
		out = append(out, b.doc(i))
	}
	return out, next, nil
}

func (b *bigGraph) DocumentClaims(_ context.Context, id uuid.UUID, _ graph.Page) ([]graph.Claim, string, error) {
	i, ok := bigIndex(id, bigDoc)
	if !ok || i >= b.docs {
		return nil, "", bigMissing("document", id)
	}
	return []graph.Claim{b.claim(2 * i), b.claim(2*i + 1)}, "", nil
}

func (b *bigGraph) Claim(_ context.Context, id uuid.UUID) (*graph.Claim, error) {
	if i, ok := bigIndex(id, bigClaim); ok && i < 2*b.docs {
		c := b.claim(i)
		return &c, nil
	}
	return nil, bigMissing("claim", id)
}

func (b *bigGraph) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	var out []graph.Claim
	for _, id := range ids {
		if c, err := b.Claim(ctx, id); err == nil {
			out = append(out, *c)
		}
	}
	return out, nil
}

func (b *bigGraph) Entity(_ context.Context, id uuid.UUID) (*graph.Entity, error) {
	if i, ok := bigIndex(id, bigEntity); ok && i <= bigSources {
		e := b.entity(i)
		return &e, nil
	}
	return nil, bigMissing("entity", id)
}

func (b *bigGraph) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	var out []graph.Entity
	for _, id := range ids {
		if e, err := b.Entity(ctx, id); err == nil {
			out = append(out, *e)
		}
	}
	return out, nil
}

func (b *bigGraph) EntityClaims(_ context.Context, id uuid.UUID, p graph.Page) ([]graph.Claim, string, error) {
	i, ok := bigIndex(id, bigEntity)
	if !ok || i > bigSources {
		return nil, "", bigMissing("entity", id)
	}
	if i == 0 { // the hub: every claim
		off, end, next := offsetPage(2*b.docs, p)
		var out []graph.Claim
		for c := off; c < end; c++ {
			out = append(out, b.claim(c))
		}
		return out, next, nil
	}
	// source i-1 speaks the claims of documents d with d % bigSources == i-1
	n := (b.docs - (i - 1) + bigSources - 1) / bigSources * 2
	off, end, next := offsetPage(n, p)
	var out []graph.Claim
	for k := off; k < end; k++ {
		d := (k/2)*bigSources + (i - 1)
		out = append(out, b.claim(2*d+k%2))
	}
	return out, next, nil
}

func (b *bigGraph) PlacesWithin(_ context.Context, id uuid.UUID) ([]uuid.UUID, error) {
	return []uuid.UUID{id}, nil
}

func (b *bigGraph) Accounts(_ context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	var out []graph.Account
	for _, id := range ids {
		if i, ok := bigIndex(id, bigAccount); ok && i < b.docs {
			out = append(out, b.account(i))
		}
	}
	return out, nil
}

func (b *bigGraph) AccountsByEntity(_ context.Context, ids []uuid.UUID) ([]graph.Account, error) {
	var out []graph.Account
	for _, id := range ids {
		if id == b.hub().ID {
			for i := 0; i < b.docs; i++ {
				out = append(out, b.account(i))
			}
		}
	}
	return out, nil
}

func (b *bigGraph) Event(_ context.Context, id uuid.UUID) (*graph.Event, error) {
	if i, ok := bigIndex(id, bigEvent); ok && i < b.docs {
		e := b.event(i)
		return &e, nil
	}
	return nil, bigMissing("event", id)
}

func (b *bigGraph) Events(_ context.Context, p graph.Page) ([]graph.Event, string, error) {
	off, end, next := offsetPage(b.docs, p)
	var out []graph.Event
	for i := off; i < end; i++ {
		out = append(out, b.event(i))
	}
	return out, next, nil
}

func (b *bigGraph) EventAccounts(_ context.Context, id uuid.UUID) ([]graph.Account, error) {
	i, ok := bigIndex(id, bigEvent)
	if !ok || i >= b.docs {
		return nil, bigMissing("event", id)
	}
	return []graph.Account{b.account(i)}, nil
}

func (b *bigGraph) ClaimLinks(_ context.Context, id uuid.UUID) ([]graph.Link, error) {
	i, ok := bigIndex(id, bigClaim)
	if !ok || i >= 2*b.docs {
		return nil, bigMissing("claim", id)
	}
	var out []graph.Link
	link := func(from, to int) graph.Link {
		return graph.Link{ID: bigID("11c00000", from), From: bigID(bigClaim, from), To: bigID(bigClaim, to), Relation: graph.RelRepeats, Origin: "computed", Author: "xref"}
	}
	if i%2 == 1 && i >= 3 {
		out = append(out, link(i, i-2))
	}
	if i%2 == 1 && i+2 < 2*b.docs {
		out = append(out, link(i+2, i))
	}
	return out, nil
}

func (b *bigGraph) JudgementsFor(context.Context, uuid.UUID) ([]graph.Judgement, error) {
	return nil, nil
}

// TestBigGraphWithinBudget asks for a 100,000-node graph with no budget of
// its own: the answer holds the default budget's worth of nodes and says
// that it was cut.
func TestBigGraphWithinBudget(t *testing.T) {
	b := &bigGraph{docs: 20000}
	if b.size() < 100000 {
		t.Fatalf("synthetic graph has %d nodes", b.size())
	}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"whole graph", Options{}},
		{"around the hub", Options{Focus: b.hub().ID.String(), Depth: MaxDepth}},
		{"around a source", Options{Focus: b.source(3).ID.String(), Depth: 2}},
		{"around an event", Options{Focus: bigID(bigEvent, 100).String(), Depth: MaxDepth}},
	} {
		t.Run(c.name, func(t *testing.T) {
			g, err := Select(ctx, b, c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Nodes) != DefaultMaxNodes {
				t.Errorf("%d nodes, want the default budget %d", len(g.Nodes), DefaultMaxNodes)
			}
			if !g.Truncated || g.Omitted == 0 || !g.OmittedAtLeast || !strings.Contains(g.Note, "500") {
				t.Errorf("truncated %v omitted %d at least %v note %q", g.Truncated, g.Omitted, g.OmittedAtLeast, g.Note)
			}
			in := map[string]bool{}
			for _, n := range g.Nodes {
				in[n.ID] = true
			}
			for _, e := range g.Edges {
				if !in[e.Source] || !in[e.Target] {
					t.Fatalf("edge %s -> %s leaves the graph", e.Source, e.Target)
				}
			}
		})
	}
}

func BenchmarkSelectBigGraph(b *testing.B) {
	g := &bigGraph{docs: 20000}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		opt  Options
	}{
		{"whole", Options{}},
		{"hub-depth4", Options{Focus: g.hub().ID.String(), Depth: MaxDepth}},
		{"event-depth4-5000", Options{Focus: bigID(bigEvent, 100).String(), Depth: MaxDepth, MaxNodes: HardMaxNodes}},
	} {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := Select(ctx, g, c.opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
