package export

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
)

// cytoscapeByReflection is the Cytoscape.js JSON as encoding/json writes
// the struct writeCytoscape stands for: what its bytes must equal.
func cytoscapeByReflection(g *Graph) ([]byte, error) {
	out := struct {
		header
		Elements struct {
			Nodes []cyElement `json:"nodes"`
			Edges []cyElement `json:"edges"`
		} `json:"elements"`
	}{header: headerOf(g)}
	out.Elements.Nodes = make([]cyElement, 0, len(g.Nodes))
	for i := range g.Nodes {
		n := &g.Nodes[i]
		cls := cyClass(g, i)
		out.Elements.Nodes = append(out.Elements.Nodes, cyElement{Data: flatNode(n), Classes: cls})
	}
	out.Elements.Edges = make([]cyElement, 0, len(g.Edges))
	for i := range g.Edges {
		e := &g.Edges[i]
		out.Elements.Edges = append(out.Elements.Edges, cyElement{Data: flatEdge(e), Classes: e.Relation})
	}
	var buf bytes.Buffer
	err := json.NewEncoder(&buf).Encode(out)
	return buf.Bytes(), err
}

func cytoscapeGraphs(t testing.TB) map[string]*Graph {
	tt, ok := t.(*testing.T)
	gs := map[string]*Graph{}
	if ok {
		gs["graph.json"] = loadGraph(tt, "graph.json")
		gs["fixture.json"] = loadGraph(tt, "fixture.json")
	}
	b := &bigGraph{docs: 2000}
	ctx := context.Background()
	for name, opt := range map[string]Options{
		"big whole":  {},
		"big hub":    {Focus: b.hub().ID.String(), Depth: MaxDepth, MaxNodes: HardMaxNodes},
		"big source": {Focus: b.source(3).ID.String(), Depth: 2, From: "2000-01-01"},
	} {
		g, err := Select(ctx, b, opt)
		if err != nil {
			t.Fatal(err)
		}
		gs[name] = g
	}
	// Text that encoding/json escapes: HTML, controls, line separators,
	// invalid UTF-8, and a node without attributes or classes.
	odd := &Graph{Focus: "x<y>", Depth: 1, Relations: []string{"a&b"}, MaxNodes: 2, Note: "\u2028\t\"\\",
		Nodes: []Node{
			{ID: "x<y>", Type: TypeClaim, Label: "<b>&amp;\x01\xff\u2029", Attrs: map[string]any{"text": "é \"q\" <script>", "n": 3, "f": 0.1, "list": []string{"<", ">"}}},
			{ID: "z", Type: TypeEntity, Attrs: map[string]any{"kind": "place&co"}},
			{ID: "w"},
		},
		Edges: []Edge{{ID: "e", Source: "x<y>", Target: "z", Relation: "mentions", Attrs: map[string]any{"score": 1e21}}, {ID: "f"}},
	}
	gs["odd"] = odd
	return gs
}

// TestCytoscapeAsEncodingJSON checks writeCytoscape writes byte for byte
// what encoding/json writes for the same elements.
func TestCytoscapeAsEncodingJSON(t *testing.T) {
	for name, g := range cytoscapeGraphs(t) {
		want, err := cytoscapeByReflection(g)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got := render(t, g, FormatCytoscape)
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%s: %d bytes, want %d; first difference at %d: got %.80q want %.80q", name, len(got), len(want), i, got[i:], want[i:])
		}
		if !json.Valid(got) {
			t.Errorf("%s: not valid JSON", name)
		}
	}
}

func BenchmarkWriteCytoscape(b *testing.B) {
	g := cytoscapeGraphs(b)["big hub"]
	b.Run("direct", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			if err := Write(&buf, g, FormatCytoscape); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("reflection", func(b *testing.B) {
		for b.Loop() {
			if _, err := cytoscapeByReflection(g); err != nil {
				b.Fatal(err)
			}
		}
	})
}
