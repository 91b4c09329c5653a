package export

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

// fixture is testdata/fixture.json committed to a real in-memory store.
type fixture struct {
	store *cayleystore.Store
	names map[string]string // name -> id
	ids   map[string]string // id -> name
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	b, err := os.ReadFile("testdata/fixture.json")
	if err != nil {
		t.Fatal(err)
	}
	var fx struct {
		Names   map[string]string `json:"names"`
		Batches []graph.Batch     `json:"batches"`
	}
	if err := json.Unmarshal(b, &fx); err != nil {
		t.Fatalf("fixture.json: %v", err)
	}
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	for i := range fx.Batches {
		if err := st.Commit(ctx, &fx.Batches[i]); err != nil {
			t.Fatalf("commit batch %d (%s): %v", i, fx.Batches[i].Label, err)
		}
	}
	f := &fixture{store: st, names: fx.Names, ids: map[string]string{}}
	for n, id := range fx.Names {
		f.ids[id] = n
	}
	return f
}

// name replaces every id in s with its fixture name.
func (f *fixture) name(s string) string {
	for id, n := range f.ids {
		s = strings.ReplaceAll(s, id, n)
	}
	return s
}

type selectCase struct {
	Name      string `json:"name"`
	Focus     string `json:"focus"`
	Depth     int    `json:"depth"`
	Relations string `json:"relations"`
	From      string `json:"from"`
	To        string `json:"to"`
	MaxNodes  int    `json:"max_nodes"`
	MaxEdges  int    `json:"max_edges"`
	// OmittedEdges is what the edge budget left out, by relation.
	OmittedEdges map[string]int `json:"omitted_edges"`
	Nodes        []string       `json:"nodes"`
	EdgeCount    int            `json:"edge_count"`
	Edges        []string       `json:"edges"`
	Truncated    bool           `json:"truncated"`
	Omitted      int            `json:"omitted"`
	AtLeast      bool           `json:"at_least"`
	Error        string         `json:"error"`
}

func loadCases(t *testing.T) []selectCase {
	t.Helper()
	b, err := os.ReadFile("testdata/select_cases.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Cases []selectCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	return doc.Cases
}

func (f *fixture) options(t *testing.T, c selectCase) (Options, error) {
	t.Helper()
	focus := c.Focus
	if id, ok := f.names[focus]; ok {
		focus = id
	}
	rels, err := ParseRelations(c.Relations)
	if err != nil {
		return Options{}, err
	}
	return Options{Focus: focus, Depth: c.Depth, Relations: rels, From: c.From, To: c.To, MaxNodes: c.MaxNodes, MaxEdges: c.MaxEdges}, nil
}

func TestSelect(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, c := range loadCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			opt, err := f.options(t, c)
			var g *Graph
			if err == nil {
				g, err = Select(ctx, f.store, opt)
			}
			if err == nil {
				err = ResolveProvenance(ctx, g, f.store)
			}
			if c.Error != "" {
				if graph.ErrorCode(err) != c.Error {
					t.Fatalf("error %v (code %q), want code %q", err, graph.ErrorCode(err), c.Error)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range g.Nodes {
				got = append(got, f.name(n.ID))
			}
			want := slices.Clone(c.Nodes)
			sort.Strings(got)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("nodes\n got %v\nwant %v", got, want)
			}
			if len(g.Edges) != c.EdgeCount {
				var es []string
				for _, e := range g.Edges {
					es = append(es, f.name(e.Source+" "+e.Relation+" "+e.Target))
				}
				t.Errorf("%d edges, want %d: %v", len(g.Edges), c.EdgeCount, es)
			}
			edges := map[string]bool{}
			for _, e := range g.Edges {
				edges[f.name(strings.Join([]string{e.Source, e.Relation, e.Target, e.Origin, e.Provenance}, " "))] = true
			}
			for _, e := range c.Edges {
				if !edges[e] {
					t.Errorf("edge %q missing; have %v", e, edges)
				}
			}
			if g.Truncated != c.Truncated || g.Omitted != c.Omitted || g.OmittedAtLeast != c.AtLeast {
				t.Errorf("truncated %v omitted %d at least %v; want %v %d %v (note %q)",
					g.Truncated, g.Omitted, g.OmittedAtLeast, c.Truncated, c.Omitted, c.AtLeast, g.Note)
			}
			if fmt.Sprint(g.OmittedEdgesByRelation) != fmt.Sprint(c.OmittedEdges) {
				t.Errorf("omitted edges %v, want %v", g.OmittedEdgesByRelation, c.OmittedEdges)
			}
			if g.Truncated && !strings.Contains(g.Note, "budget") {
				t.Errorf("truncated without a note: %q", g.Note)
			}
			// Every edge joins two nodes of the graph.
			in := map[string]bool{}
			for _, n := range g.Nodes {
				in[n.ID] = true
			}
			for _, e := range g.Edges {
				if !in[e.Source] || !in[e.Target] {
					t.Errorf("edge %s leaves the graph", f.name(e.Source+" "+e.Relation+" "+e.Target))
				}
			}
		})
	}
}

func TestSelectAttributes(t *testing.T) {
	f := newFixture(t)
	g, err := Select(context.Background(), f.store, Options{Focus: f.names["EV1"], Depth: 2})
	if err != nil {
		t.Fatal(err)
	}
	by := map[string]*Node{}
	for i := range g.Nodes {
		by[f.name(g.Nodes[i].ID)] = &g.Nodes[i]
	}
	ev := by["EV1"]
	if ev.Type != TypeEvent || ev.Start != "2017-10-23" || ev.Attrs["grade"] != "contested" || ev.Attrs["accounts"] != 4 || ev.Depth != 0 {
		t.Errorf("event node %+v", ev)
	}
	if g.FocusType != TypeEvent {
		t.Errorf("focus type %q", g.FocusType)
	}
	c1 := by["C1"]
	if c1.Type != TypeClaim || !strings.HasPrefix(c1.Attrs["text"].(string), "<script>") || c1.Attrs["values"] != "killed: 14 (exact)" ||
		c1.Attrs["speaker"] != "Government of the Syrian Arab Republic" || c1.Start != "" || c1.Depth != 2 {
		t.Errorf("claim node %+v", c1)
	}
	if c3 := by["C3"]; c3.Start != "2017-10-24" || c3.Attrs["values"] != "killed: at least 24" {
		t.Errorf("C3 %+v", c3)
	}
	if a4 := by["A4"]; a4.Attrs["polarity"] != "negative" || !strings.HasSuffix(a4.Label, "[denies]") || a4.Attrs["perpetrator"] != "international coalition" {
		t.Errorf("A4 %+v", a4)
	}
	if q := by["QUSUR"]; q.Attrs["kind"] != "place" || q.Attrs["place_type"] != "neighbourhood" || q.Label != "Qusur" {
		t.Errorf("QUSUR %+v", q)
	}
	for _, e := range g.Edges {
		if f.name(e.ID) == "L3" {
			if e.Stance != RelDisputes || e.Attrs["author"] != "analyst-1" || e.Start != "2017-10-24" {
				t.Errorf("analyst link edge %+v", e)
			}
			return
		}
	}
	t.Error("the analyst's link L3 is not an edge under its own id")
}

func TestNQuads(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var all bytes.Buffer
	if err := f.store.Dump(ctx, &all); err != nil {
		t.Fatal(err)
	}
	dumped := map[string]bool{}
	for _, l := range strings.SplitAfter(all.String(), "\n") {
		dumped[l] = true
	}
	var out bytes.Buffer
	g, err := Export(ctx, f.store, Options{Focus: f.names["EV1"], Depth: 2}, FormatNQuads, &out)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]bool{"cg:link/" + f.names["L1"]: true, "cg:link/" + f.names["L2"]: true, "cg:link/" + f.names["L3"]: true, "cg:judgement/" + f.names["J1"]: true}
	for _, n := range g.Nodes {
		in[IRI(n.Type, n.ID)] = true
	}
	lines := strings.SplitAfter(out.String(), "\n")
	lines = lines[:len(lines)-1]
	subjects := map[string]bool{}
	for _, l := range lines {
		if !dumped[l] {
			t.Errorf("quad not in the store's dump: %s", l)
		}
		s, _, o := quadTerms(l)
		subjects[s] = true
		if !in[s] {
			t.Errorf("quad about %s, outside the subgraph: %s", f.name(s), f.name(l))
		}
		if isNodeIRI(o) && !in[o] {
			t.Errorf("quad pointing outside the subgraph: %s", f.name(l))
		}
	}
	for s := range in {
		if !subjects[s] {
			t.Errorf("no quad about %s", f.name(s))
		}
	}
	text := f.name(out.String())
	for _, want := range []string{
		"<cg:link/L3> <cg:from> <cg:claim/C3> <cg:judgement/J1> .",
		"<cg:claim/C1> <cg:mentions> <cg:entity/QUSUR> <cg:ingest/D1> .",
		"<cg:account/A1> <cg:event> <cg:event/EV1> <cg:xref> .",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %s", want)
		}
	}
	if strings.Contains(text, "<cg:speaker> <cg:entity/SYGOV>") {
		t.Error("a speaker edge to an entity outside the subgraph was kept")
	}
}

// oneByOne is a Source without the batch reads: selection falls back to
// ClaimLinks and Document, node by node.
type oneByOne struct {
	Source
	JudgementFinder
}

// counting counts the per-claim and batched link reads of a batching
// store.
type counting struct {
	*cayleystore.Store
	links, many, docs int
}

func (c *counting) ClaimLinks(ctx context.Context, id uuid.UUID) ([]graph.Link, error) {
	c.links++
	return c.Store.ClaimLinks(ctx, id)
}

func (c *counting) ClaimLinksMany(ctx context.Context, ids []uuid.UUID) (map[uuid.UUID][]graph.Link, error) {
	c.many++
	return c.Store.ClaimLinksMany(ctx, ids)
}

func (c *counting) Document(ctx context.Context, id uuid.UUID) (*graph.Document, error) {
	c.docs++
	return c.Store.Document(ctx, id)
}

// TestSelectBatchedSameGraph selects, for every case and for every named
// node at every depth, through the batch reads (ClaimLinksMany,
// DocumentRecords) and node by node, and wants the same graph byte for
// byte; the batched selection must read links in batches.
func TestSelectBatchedSameGraph(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	var opts []Options
	for _, c := range loadCases(t) {
		if c.Error != "" {
			continue
		}
		opt, err := f.options(t, c)
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, opt)
	}
	var names []string
	for n := range f.names {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		for depth := 0; depth <= MaxDepth; depth++ {
			opts = append(opts, Options{Focus: f.names[n], Depth: depth})
		}
	}
	opts = append(opts, Options{Depth: DefaultDepth}, Options{Depth: DefaultDepth, MaxNodes: 7})
	plain := oneByOne{f.store, f.store}
	var perClaim, batched counting
	for _, opt := range opts {
		byOne := &counting{Store: f.store}
		inBatches := &counting{Store: f.store}
		a, errA := Select(ctx, oneByOne{byOne, f.store}, opt)
		b, errB := Select(ctx, inBatches, opt)
		c, errC := Select(ctx, plain, opt)
		if errA != nil || errB != nil || errC != nil {
			if graph.ErrorCode(errA) == graph.ENOTFOUND && graph.ErrorCode(errB) == graph.ENOTFOUND {
				continue // a fixture name that is no node (a label)
			}
			t.Fatalf("focus %s depth %d: %v / %v / %v", f.name(opt.Focus), opt.Depth, errA, errB, errC)
		}
		ja, _ := json.Marshal(a)
		jb, _ := json.Marshal(b)
		jc, _ := json.Marshal(c)
		if string(ja) != string(jb) || string(ja) != string(jc) {
			t.Errorf("focus %s depth %d relations %v: batched and one-by-one selections differ\none by one %s\n batched %s",
				f.name(opt.Focus), opt.Depth, opt.Relations, f.name(string(ja)), f.name(string(jb)))
		}
		perClaim.links += byOne.links
		perClaim.docs += byOne.docs
		batched.links += inBatches.links
		batched.many += inBatches.many
		batched.docs += inBatches.docs
	}
	if batched.many == 0 || batched.links >= perClaim.links || batched.docs >= perClaim.docs {
		t.Errorf("batched selection: %d ClaimLinksMany, %d ClaimLinks, %d Document calls; one by one: %d ClaimLinks, %d Document",
			batched.many, batched.links, batched.docs, perClaim.links, perClaim.docs)
	}
	t.Logf("%d selections: batched %d ClaimLinksMany + %d ClaimLinks + %d Document calls, one by one %d ClaimLinks + %d Document",
		len(opts), batched.many, batched.links, batched.docs, perClaim.links, perClaim.docs)
}
