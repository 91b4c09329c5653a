package export

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

// stanceStore commits one event told by n documents, a claim and an
// account each, to a real in-memory store: the first n-1 claims
// corroborate each other pairwise (computed), the last disputes the first
// (computed), and an analyst says the last corroborates the second.
func stanceStore(t testing.TB, n int) (*cayleystore.Store, uuid.UUID, []uuid.UUID) {
	t.Helper()
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	id := func(kind string, i int) uuid.UUID {
		return uuid.MustParse(fmt.Sprintf("%s-0000-4000-8000-%012x", kind, i))
	}
	place := graph.Entity{ID: id("e0000000", 1), Name: "Qusur", Kind: graph.KindPlace}
	src := graph.EntityRef{ID: id("e0000000", 2), Name: "Observatory", Kind: graph.KindMonitor}
	ev := id("e7e00000", 1)
	if err := st.Commit(ctx, &graph.Batch{Label: "gazetteer", Entities: []graph.Entity{place, {ID: src.ID, Name: src.Name, Kind: src.Kind}}}); err != nil {
		t.Fatal(err)
	}
	pref := graph.EntityRef{ID: place.ID, Name: place.Name, Kind: place.Kind}
	var claims, accounts []uuid.UUID
	for i := 0; i < n; i++ {
		doc := graph.Document{ID: id("d0c00000", i), Title: fmt.Sprintf("Report %d", i), Date: fmt.Sprintf("2017-10-%02d", 10+i),
			Hash: "x", Length: 20, IngestedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), Text: "fourteen were killed"}
		c := graph.Claim{ID: id("c1a10000", i), DocumentID: doc.ID, Text: "fourteen were killed", Span: graph.Span{Start: 0, End: 20},
			Speaker: src, Polarity: graph.Affirmed, Kind: graph.ClaimFact, Accounts: []uuid.UUID{id("acc00000", i)},
			Mentions: []graph.Mention{{Entity: pref, Text: "Qusur"}}}
		a := graph.Account{ID: id("acc00000", i), DocumentID: doc.ID, Claims: []uuid.UUID{c.ID}, Speaker: src, Type: graph.EventAirstrike,
			Polarity: graph.Affirmed, Place: &graph.PlaceRef{Entity: pref, Text: "Qusur"}}
		b := &graph.Batch{Label: "document:" + doc.ID.String(), Extraction: &graph.Extraction{Document: doc, Claims: []graph.Claim{c}, Accounts: []graph.Account{a}}}
		if err := st.Commit(ctx, b); err != nil {
			t.Fatalf("commit document %d: %v", i, err)
		}
		claims, accounts = append(claims, c.ID), append(accounts, a.ID)
	}
	xb := &graph.Batch{Label: "xref", Assign: map[uuid.UUID]uuid.UUID{},
		Events: []graph.Event{{ID: ev, Type: graph.EventAirstrike, Title: "airstrike, Qusur", Accounts: accounts, Documents: n}}}
	for _, a := range accounts {
		xb.Assign[a] = ev
	}
	link := func(k int, from, to uuid.UUID, rel, origin string) graph.Link {
		return graph.Link{ID: id("11c00000", k), From: from, To: to, Relation: rel, Origin: origin, Author: "xref", Reason: "same figure",
			CreatedAt: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	}
	k := 0
	for i := 0; i < n-1; i++ {
		for j := i + 1; j < n-1; j++ {
			xb.Links = append(xb.Links, link(k, claims[j], claims[i], graph.RelCorroborates, "computed"))
			k++
		}
	}
	xb.Links = append(xb.Links, link(1000, claims[n-1], claims[0], graph.RelDisputes, "computed"))
	if err := st.Commit(ctx, xb); err != nil {
		t.Fatalf("commit cross-references: %v", err)
	}
	ab := &graph.Batch{Label: "judgement:" + id("70d90000", 1).String(), Links: []graph.Link{link(2000, claims[n-1], claims[1], graph.RelCorroborates, "analyst")}}
	if err := st.Commit(ctx, ab); err != nil {
		t.Fatalf("commit analyst link: %v", err)
	}
	return st, ev, claims
}

func edgeSet(g *Graph) map[string]string {
	out := map[string]string{}
	for _, e := range g.Edges {
		b, _ := json.Marshal(e)
		out[e.ID] = string(b)
	}
	return out
}

// TestEdgeBudget selects the event's depth-2 graph, whose pairwise
// corroborations outnumber its structure, under edge budgets of every size
// around the structure's: the structure is kept first, then the analyst's
// link, then the computed dispute, then corroborations in the graph's
// order; what is left out is counted exactly and said.
func TestEdgeBudget(t *testing.T) {
	const n = 8
	st, ev, _ := stanceStore(t, n)
	ctx := context.Background()
	full, err := Select(ctx, st, Options{Focus: ev.String(), Depth: 2, MaxEdges: HardMaxEdges})
	if err != nil {
		t.Fatal(err)
	}
	if full.Truncated || full.EdgesCut() || full.Note != "" || full.MaxEdges != HardMaxEdges {
		t.Fatalf("the whole graph: truncated %v note %q", full.Truncated, full.Note)
	}
	corr := (n - 1) * (n - 2) / 2
	var structure []Edge
	stance := map[string]int{}
	for _, e := range full.Edges {
		if e.Stance == "" {
			structure = append(structure, e)
		} else {
			stance[e.Origin+" "+e.Relation]++
		}
	}
	if want := map[string]int{"xref corroborates": corr, "xref disputes": 1, "analyst corroborates": 1}; fmt.Sprint(stance) != fmt.Sprint(want) {
		t.Fatalf("links %v, want %v", stance, want)
	}
	s := len(structure)
	if s < 5*n {
		t.Fatalf("%d structural edges", s)
	}
	all := edgeSet(full)

	// The default budget holds this graph: the same answer.
	def, err := Select(ctx, st, Options{Focus: ev.String(), Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(full.Edges)
	b, _ := json.Marshal(def.Edges)
	if string(a) != string(b) || def.Truncated || def.MaxEdges != DefaultMaxEdges {
		t.Errorf("the default budget changed a graph within it")
	}

	for _, c := range []struct {
		budget  int
		omitted map[string]int
		analyst bool
		dispute bool
		corr    int
	}{
		{s + 2 + 5, map[string]int{RelCorroborates: corr - 5}, true, true, 5},
		{s + 2, map[string]int{RelCorroborates: corr}, true, true, 0},
		{s + 1, map[string]int{RelCorroborates: corr, RelDisputes: 1}, true, false, 0},
		{s, map[string]int{RelCorroborates: corr + 1, RelDisputes: 1}, false, false, 0},
		{s - 3, nil, false, false, 0},
	} {
		t.Run(fmt.Sprint(c.budget), func(t *testing.T) {
			g, err := Select(ctx, st, Options{Focus: ev.String(), Depth: 2, MaxEdges: c.budget})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Edges) != c.budget || g.OmittedEdges != len(full.Edges)-c.budget || g.MaxEdges != c.budget {
				t.Fatalf("%d edges, %d omitted, max %d; want %d of %d", len(g.Edges), g.OmittedEdges, g.MaxEdges, c.budget, len(full.Edges))
			}
			if len(g.Nodes) != len(full.Nodes) || g.Omitted != 0 || !g.Truncated {
				t.Errorf("%d nodes (want %d), %d omitted, truncated %v", len(g.Nodes), len(full.Nodes), g.Omitted, g.Truncated)
			}
			if c.omitted != nil && fmt.Sprint(g.OmittedEdgesByRelation) != fmt.Sprint(c.omitted) {
				t.Errorf("omitted by relation %v, want %v", g.OmittedEdgesByRelation, c.omitted)
			}
			sum := 0
			for _, k := range g.OmittedEdgesByRelation {
				sum += k
			}
			if sum != g.OmittedEdges {
				t.Errorf("omitted by relation %v sums to %d, not %d", g.OmittedEdgesByRelation, sum, g.OmittedEdges)
			}
			for _, w := range []string{"edge budget of " + fmt.Sprint(c.budget), fmt.Sprintf("%d more edges", g.OmittedEdges), "relations=", "max_edges", fmt.Sprint(HardMaxEdges)} {
				if !strings.Contains(g.Note, w) {
					t.Errorf("note %q does not say %q", g.Note, w)
				}
			}
			kept := map[string]int{}
			var corrKept []string
			for _, e := range g.Edges {
				if all[e.ID] != edgeSet(&Graph{Edges: []Edge{e}})[e.ID] {
					t.Errorf("edge %s differs from the whole graph's", e.ID)
				}
				if e.Stance == "" {
					kept["structure"]++
				} else {
					kept[e.Origin+" "+e.Relation]++
					if e.Origin == OriginXref && e.Relation == RelCorroborates {
						corrKept = append(corrKept, e.Source+e.Target)
					}
				}
			}
			if c.budget >= s && kept["structure"] != s {
				t.Errorf("kept %d of %d structural edges", kept["structure"], s)
			}
			if (kept["analyst corroborates"] == 1) != c.analyst || (kept["xref disputes"] == 1) != c.dispute || kept["xref corroborates"] != c.corr {
				t.Errorf("kept %v", kept)
			}
			// The corroborations kept are the first in the graph's order.
			var first []string
			for _, e := range full.Edges {
				if e.Origin == OriginXref && e.Relation == RelCorroborates && len(first) < c.corr {
					first = append(first, e.Source+e.Target)
				}
			}
			if fmt.Sprint(first) != fmt.Sprint(corrKept) {
				t.Errorf("corroborations kept %v, want the first %v", corrKept, first)
			}
			// Structure cut: the first structural edges in the graph's order.
			if c.budget < s {
				for i, e := range g.Edges {
					if e.ID != structure[i].ID {
						t.Fatalf("edge %d is %s %s, want %s %s", i, e.Relation, e.ID, structure[i].Relation, structure[i].ID)
					}
				}
			}
		})
	}
}

// TestEdgeBudgetFormats writes a graph the edge budget cut in every
// format: each says so as it says the node budget's cut.
func TestEdgeBudgetFormats(t *testing.T) {
	st, ev, _ := stanceStore(t, 6)
	g, err := Select(context.Background(), st, Options{Focus: ev.String(), Depth: 2, MaxEdges: 40})
	if err != nil {
		t.Fatal(err)
	}
	if !g.EdgesCut() {
		t.Fatalf("40 edges did not cut the graph: %d edges", len(g.Edges))
	}
	byRel := relationCounts(g.OmittedEdgesByRelation, "=", ",")
	for _, f := range []Format{FormatCytoscape, FormatD3} {
		var h struct {
			MaxEdges     int            `json:"max_edges"`
			OmittedEdges int            `json:"omitted_edges"`
			ByRelation   map[string]int `json:"omitted_edges_by_relation"`
			Truncated    bool           `json:"truncated"`
			Note         string         `json:"note"`
			EdgeCount    int            `json:"edge_count"`
		}
		if err := json.Unmarshal(render(t, g, f), &h); err != nil {
			t.Fatal(err)
		}
		if h.MaxEdges != 40 || h.OmittedEdges != g.OmittedEdges || fmt.Sprint(h.ByRelation) != fmt.Sprint(g.OmittedEdgesByRelation) ||
			!h.Truncated || h.Note != g.Note || h.EdgeCount != 40 {
			t.Errorf("%s: %+v", f, h)
		}
	}
	gml := string(render(t, g, FormatGraphML))
	for _, w := range []string{`<data key="g_max_edges">40</data>`, fmt.Sprintf(`<data key="g_omitted_edges">%d</data>`, g.OmittedEdges),
		`<data key="g_omitted_edges_by_relation">` + byRel + `</data>`, `attr.name="omitted_edges_by_relation" attr.type="string"`} {
		if !strings.Contains(gml, w) {
			t.Errorf("graphml lacks %s", w)
		}
	}
	ld := string(render(t, g, FormatJSONLD))
	for _, w := range []string{`"cg:maxEdges"`, `"cg:omittedEdges"`, `"cg:omittedEdgesByRelation":"` + byRel + `"`} {
		if !strings.Contains(ld, w) {
			t.Errorf("json-ld lacks %s", w)
		}
	}
	for _, f := range []Format{FormatGEXF, FormatDOT} {
		if out := string(render(t, g, f)); !strings.Contains(out, "edge budget of 40 edges") {
			t.Errorf("%s does not carry the note", f)
		}
	}
	// Within the budget, no format describes it.
	whole, err := Select(context.Background(), st, Options{Focus: ev.String(), Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []Format{FormatCytoscape, FormatD3, FormatGraphML, FormatJSONLD} {
		if out := string(render(t, whole, f)); strings.Contains(out, "max_edges") || strings.Contains(out, "maxEdges") || strings.Contains(out, "omitted_edges") {
			t.Errorf("%s describes an edge budget that cut nothing", f)
		}
	}
}

// BenchmarkEventGraphEdgeBudget selects and writes (Cytoscape JSON, as the
// viewer asks) the depth-2 graph of an event told by 100 documents whose
// claims corroborate each other pairwise, about 300 nodes and 5,400 edges,
// from a real in-memory store: under the default edge budget and under
// the hard maximum, which keeps every edge.
func BenchmarkEventGraphEdgeBudget(b *testing.B) {
	st, ev, _ := stanceStore(b, 100)
	ctx := context.Background()
	for _, c := range []struct {
		name   string
		budget int
	}{{"default", 0}, {"hardmax", HardMaxEdges}} {
		b.Run(c.name, func(b *testing.B) {
			var g *Graph
			var out countWriter
			for b.Loop() {
				var err error
				g, err = Select(ctx, st, Options{Focus: ev.String(), Depth: 2, MaxEdges: c.budget})
				if err != nil {
					b.Fatal(err)
				}
				out = 0
				if err := Write(&out, g, FormatCytoscape); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(g.Nodes)), "nodes")
			b.ReportMetric(float64(len(g.Edges)), "edges")
			b.ReportMetric(float64(out), "bytes")
		})
	}
}

// countWriter counts what is written to it.
type countWriter int

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
