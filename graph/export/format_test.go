package export

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"os"
	"strings"
	"testing"
)

// loadGraph reads a hand-built subgraph from testdata, with the numbers of
// int attributes as ints (JSON gives float64).
func loadGraph(t *testing.T, name string) *Graph {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var g Graph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	fix := func(attrs map[string]any, defs []AttrDef) {
		for _, a := range defs {
			if f, ok := attrs[a.Name].(float64); ok && a.Type == AttrInt {
				attrs[a.Name] = int(f)
			}
		}
	}
	for i := range g.Nodes {
		fix(g.Nodes[i].Attrs, NodeAttrs)
	}
	for i := range g.Edges {
		fix(g.Edges[i].Attrs, EdgeAttrs)
	}
	return &g
}

func render(t *testing.T, g *Graph, f Format) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, g, f); err != nil {
		t.Fatalf("write %s: %v", f, err)
	}
	return buf.Bytes()
}

func claimText(g *Graph) string {
	return g.Nodes[2].Attrs["text"].(string)
}

// xmlSafe is what an XML parser gives back for s: characters XML 1.0 does
// not allow become U+FFFD.
func xmlSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return '\uFFFD'
		}
		return r
	}, s)
}

func TestGraphML(t *testing.T) {
	g := loadGraph(t, "graph.json")
	out := render(t, g, FormatGraphML)
	var doc struct {
		XMLName xml.Name `xml:"http://graphml.graphdrawing.org/xmlns graphml"`
		Keys    []struct {
			ID   string `xml:"id,attr"`
			For  string `xml:"for,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			EdgeDefault string `xml:"edgedefault,attr"`
			Data        []struct {
				Key   string `xml:"key,attr"`
				Value string `xml:",chardata"`
			} `xml:"data"`
			Nodes []struct {
				ID   string `xml:"id,attr"`
				Data []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"node"`
			Edges []struct {
				ID     string `xml:"id,attr"`
				Source string `xml:"source,attr"`
				Target string `xml:"target,attr"`
				Data   []struct {
					Key   string `xml:"key,attr"`
					Value string `xml:",chardata"`
				} `xml:"data"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GraphML does not parse: %v\n%s", err, out)
	}
	if len(doc.Keys) != len(graphAttrs)+len(NodeAttrs)+len(EdgeAttrs) {
		t.Errorf("%d keys, want %d", len(doc.Keys), len(graphAttrs)+len(NodeAttrs)+len(EdgeAttrs))
	}
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.For+"/"+k.Name] = k.Type
	}
	for k, want := range map[string]string{"node/span_start": "int", "node/reported": "boolean", "node/text": "string", "edge/score": "double", "graph/truncated": "boolean"} {
		if types[k] != want {
			t.Errorf("key %s has type %q, want %q", k, types[k], want)
		}
	}
	if doc.Graph.EdgeDefault != "directed" {
		t.Errorf("edgedefault %q", doc.Graph.EdgeDefault)
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Fatalf("%d nodes, %d edges; want %d, %d", len(doc.Graph.Nodes), len(doc.Graph.Edges), len(g.Nodes), len(g.Edges))
	}
	gotText := ""
	for _, d := range doc.Graph.Nodes[2].Data {
		if d.Key == "n_text" {
			gotText = d.Value
		}
	}
	if want := xmlSafe(claimText(g)); gotText != want {
		t.Errorf("claim text came back as\n%q\nwant\n%q", gotText, want)
	}
	for _, d := range doc.Graph.Data {
		if d.Key == "g_note" && d.Value != g.Note {
			t.Errorf("note %q, want %q", d.Value, g.Note)
		}
	}
	e := doc.Graph.Edges[4]
	if e.Source != g.Edges[4].Source || e.Target != g.Edges[4].Target {
		t.Errorf("edge 4 is %s -> %s", e.Source, e.Target)
	}
	if bytes.Contains(out, []byte("<script>")) {
		t.Error("document text reached the GraphML unescaped")
	}
}

func TestGEXF(t *testing.T) {
	g := loadGraph(t, "graph.json")
	out := render(t, g, FormatGEXF)
	type attvalue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
	var doc struct {
		XMLName xml.Name `xml:"http://gexf.net/1.3 gexf"`
		Version string   `xml:"version,attr"`
		Graph   struct {
			Mode       string `xml:"mode,attr"`
			TimeFormat string `xml:"timeformat,attr"`
			Attributes []struct {
				Class string `xml:"class,attr"`
				Attrs []struct {
					ID   string `xml:"id,attr"`
					Type string `xml:"type,attr"`
				} `xml:"attribute"`
			} `xml:"attributes"`
			Nodes []struct {
				ID     string     `xml:"id,attr"`
				Label  string     `xml:"label,attr"`
				Start  string     `xml:"start,attr"`
				Values []attvalue `xml:"attvalues>attvalue"`
			} `xml:"nodes>node"`
			Edges []struct {
				ID    string     `xml:"id,attr"`
				Start string     `xml:"start,attr"`
				Label string     `xml:"label,attr"`
				Vals  []attvalue `xml:"attvalues>attvalue"`
			} `xml:"edges>edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("GEXF does not parse: %v\n%s", err, out)
	}
	if doc.Version != "1.3" || doc.Graph.Mode != "dynamic" || doc.Graph.TimeFormat != "date" {
		t.Errorf("version %q mode %q timeformat %q", doc.Version, doc.Graph.Mode, doc.Graph.TimeFormat)
	}
	if len(doc.Graph.Nodes) != len(g.Nodes) || len(doc.Graph.Edges) != len(g.Edges) {
		t.Fatalf("%d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	for i, n := range doc.Graph.Nodes {
		if n.Start != g.Nodes[i].Start {
			t.Errorf("node %s starts %q, want %q", n.ID, n.Start, g.Nodes[i].Start)
		}
		if n.Label != g.Nodes[i].Label {
			t.Errorf("node %s label %q, want %q", n.ID, n.Label, g.Nodes[i].Label)
		}
	}
	for _, v := range doc.Graph.Nodes[2].Values {
		if v.For == "text" && v.Value != xmlSafe(claimText(g)) {
			t.Errorf("claim text came back as %q", v.Value)
		}
	}
	if doc.Graph.Edges[4].Start != "2017-10-25" || doc.Graph.Edges[4].Label != "disputes" {
		t.Errorf("edge 4: start %q label %q", doc.Graph.Edges[4].Start, doc.Graph.Edges[4].Label)
	}
	for _, a := range doc.Graph.Attributes {
		for _, d := range a.Attrs {
			if d.Type == "int" {
				t.Errorf("GEXF attribute %s typed int, not integer", d.ID)
			}
		}
	}
}

func TestJSONFormats(t *testing.T) {
	g := loadGraph(t, "graph.json")

	var cy struct {
		Truncated bool `json:"truncated"`
		Omitted   int  `json:"omitted"`
		Elements  struct {
			Nodes []struct {
				Data    map[string]any `json:"data"`
				Classes string         `json:"classes"`
			} `json:"nodes"`
			Edges []struct {
				Data map[string]any `json:"data"`
			} `json:"edges"`
		} `json:"elements"`
	}
	out := render(t, g, FormatCytoscape)
	if err := json.Unmarshal(out, &cy); err != nil {
		t.Fatal(err)
	}
	if !cy.Truncated || cy.Omitted != 3 || len(cy.Elements.Nodes) != 6 || len(cy.Elements.Edges) != 5 {
		t.Errorf("cytoscape: truncated %v omitted %d, %d nodes %d edges", cy.Truncated, cy.Omitted, len(cy.Elements.Nodes), len(cy.Elements.Edges))
	}
	if cy.Elements.Nodes[2].Data["text"] != claimText(g) {
		t.Errorf("cytoscape claim text %q", cy.Elements.Nodes[2].Data["text"])
	}
	if !strings.Contains(cy.Elements.Nodes[0].Classes, "focus") || !strings.Contains(cy.Elements.Nodes[4].Classes, "place") {
		t.Errorf("classes %q, %q", cy.Elements.Nodes[0].Classes, cy.Elements.Nodes[4].Classes)
	}
	if e := cy.Elements.Edges[4].Data; e["source"] != g.Edges[4].Source || e["stance"] != "disputes" || e["score"] != 0.75 {
		t.Errorf("cytoscape edge %v", e)
	}
	if bytes.Contains(out, []byte("<script>")) {
		t.Error("JSON carries <script> unescaped")
	}

	var d3 struct {
		Directed   bool             `json:"directed"`
		Multigraph bool             `json:"multigraph"`
		Graph      map[string]any   `json:"graph"`
		Nodes      []map[string]any `json:"nodes"`
		Links      []map[string]any `json:"links"`
	}
	if err := json.Unmarshal(render(t, g, FormatD3), &d3); err != nil {
		t.Fatal(err)
	}
	if !d3.Directed || !d3.Multigraph || len(d3.Nodes) != 6 || len(d3.Links) != 5 || d3.Graph["truncated"] != true {
		t.Errorf("d3: %v %v %d nodes %d links graph %v", d3.Directed, d3.Multigraph, len(d3.Nodes), len(d3.Links), d3.Graph)
	}
	if d3.Links[0]["source"] != g.Edges[0].Source || d3.Links[0]["relation"] != "event" {
		t.Errorf("d3 link %v", d3.Links[0])
	}
}

func TestJSONLD(t *testing.T) {
	g := loadGraph(t, "graph.json")
	var doc struct {
		Context map[string]string `json:"@context"`
		Graph   []map[string]any  `json:"@graph"`
	}
	if err := json.Unmarshal(render(t, g, FormatJSONLD), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Context["prov"] != "http://www.w3.org/ns/prov#" || doc.Context["schema"] != "https://schema.org/" {
		t.Errorf("context %v", doc.Context)
	}
	byID := map[string]map[string]any{}
	named := map[string][]any{}
	for _, o := range doc.Graph {
		id, _ := o["@id"].(string)
		if sub, ok := o["@graph"].([]any); ok {
			named[id] = sub
			continue
		}
		byID[id] = o
	}
	claim := byID["cg:claim/c1a10000-0000-4000-8000-000000000001"]
	if claim == nil {
		t.Fatalf("no claim node in %v", byID)
	}
	if claim["schema:text"] != claimText(g) {
		t.Errorf("schema:text %q", claim["schema:text"])
	}
	if ts, _ := claim["@type"].([]any); len(ts) == 0 || ts[1] != "schema:Claim" {
		t.Errorf("claim types %v", claim["@type"])
	}
	ingest := named["cg:ingest/d0c00000-0000-4000-8000-000000000001"]
	found := false
	for _, o := range ingest {
		m := o.(map[string]any)
		if m["@id"] == "cg:claim/c1a10000-0000-4000-8000-000000000001" {
			found = m["cg:document"] != nil && m["prov:wasDerivedFrom"] != nil && m["schema:appearance"] != nil
		}
	}
	if !found {
		t.Errorf("the claim's document edge, with prov:wasDerivedFrom and schema:appearance, is not in the ingest graph: %v", ingest)
	}
	judged := named["cg:judgement/70d90000-0000-4000-8000-000000000001"]
	if len(judged) != 2 {
		t.Fatalf("analyst link graph holds %d statements, want the edge and the link node", len(judged))
	}
	if _, ok := named["cg:xref"]; !ok {
		t.Error("no cg:xref graph")
	}
}

// dotStrings lexes DOT: it returns every double-quoted string, unescaped,
// and fails on an unterminated one or on text outside strings that DOT
// would not accept in our output (anything but ids, = , ; [ ] { } -> and
// spaces).
func dotStrings(t *testing.T, src string) []string {
	t.Helper()
	var out []string
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c != '"' {
			if !strings.ContainsRune("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.=,;[]{}->#\n\t ", rune(c)) {
				t.Fatalf("unexpected %q outside a string at %d: %q", c, i, src[max(0, i-40):min(len(src), i+40)])
			}
			continue
		}
		var b strings.Builder
		j := i + 1
		for ; j < len(src) && src[j] != '"'; j++ {
			if src[j] == '\n' {
				t.Fatalf("raw newline inside a DOT string at %d", j)
			}
			if src[j] == '\\' && j+1 < len(src) {
				j++
				switch src[j] {
				case 'n':
					b.WriteByte('\n')
				default:
					b.WriteByte(src[j])
				}
				continue
			}
			b.WriteByte(src[j])
		}
		if j == len(src) {
			t.Fatalf("unterminated DOT string at %d", i)
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

func TestDOT(t *testing.T) {
	g := loadGraph(t, "graph.json")
	out := string(render(t, g, FormatDOT))
	if !strings.HasPrefix(out, "digraph claimgraph {") || !strings.HasSuffix(out, "}\n") {
		t.Fatalf("not a digraph:\n%s", out)
	}
	strs := dotStrings(t, out)
	want := strings.Map(func(r rune) rune {
		if r == '\u0001' || r == '\t' {
			return ' '
		}
		return r
	}, claimText(g))
	has := func(s string) bool {
		for _, x := range strs {
			if x == s {
				return true
			}
		}
		return false
	}
	if !has(want) {
		t.Errorf("claim text not found as a DOT string; strings: %q", strs)
	}
	if !has(g.Nodes[1].Label) {
		t.Errorf("document label %q not found", g.Nodes[1].Label)
	}
	if !strings.Contains(out, `-> "c1a10000-0000-4000-8000-000000000001" [label="disputes", color="#d62728"`) {
		t.Errorf("the disputes edge is not red:\n%s", out)
	}
	if got := strings.Count(out, " -> "); got != len(g.Edges) {
		t.Errorf("%d edges, want %d", got, len(g.Edges))
	}
}

func TestParseFormat(t *testing.T) {
	cases := []struct {
		in   string
		want Format
		bad  bool
	}{
		{"", FormatCytoscape, false}, {"GraphML", FormatGraphML, false}, {"gexf", FormatGEXF, false},
		{"json-ld", FormatJSONLD, false}, {"nq", FormatNQuads, false}, {"dot", FormatDOT, false},
		{"d3", FormatD3, false}, {"svg", "", true}, {"<x>", "", true},
	}
	for _, c := range cases {
		got, err := ParseFormat(c.in)
		if (err != nil) != c.bad || got != c.want {
			t.Errorf("ParseFormat(%q) = %q, %v", c.in, got, err)
		}
	}
	acc := map[string]Format{
		"application/gexf+xml":                     FormatGEXF,
		"text/html, application/graphml+xml;q=0.9": FormatGraphML,
		"application/ld+json":                      FormatJSONLD,
		"application/n-quads":                      FormatNQuads,
		"text/vnd.graphviz":                        FormatDOT,
	}
	for h, want := range acc {
		if got, ok := FormatForAccept(h); !ok || got != want {
			t.Errorf("FormatForAccept(%q) = %q, %v", h, got, ok)
		}
	}
	if _, ok := FormatForAccept("application/json, */*"); ok {
		t.Error("application/json picked a format of its own")
	}
	if ct := FormatGEXF.ContentType(); ct != "application/gexf+xml" {
		t.Errorf("gexf content type %q", ct)
	}
}

func TestParseRelations(t *testing.T) {
	r, err := ParseRelations("speaker, stance")
	if err != nil || len(r) != 5 || !r[RelSpeaker] || !r[RelDisputes] {
		t.Errorf("ParseRelations = %v, %v", r, err)
	}
	if r, err := ParseRelations(""); r != nil || err != nil {
		t.Errorf("empty filter = %v, %v", r, err)
	}
	if _, err := ParseRelations("speaker,friend"); err == nil {
		t.Error("unknown relation accepted")
	}
}
