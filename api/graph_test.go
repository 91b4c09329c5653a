package api_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/export"
)

// get sends a GET with optional Accept header and returns the response
// with its body read.
func (ts *testServer) get(path, accept string) (*http.Response, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(http.MethodGet, ts.srv.URL+path, nil)
	if err != nil {
		ts.t.Fatal(err)
	}
	if accept != "" {
		req.Header.Set("Accept", accept)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	return res, b
}

// qusurEvent finds the strike at Qusur through the search the viewer
// uses: of the events found, the one with the most accounts.
func (ts *testServer) qusurEvent() string {
	ts.t.Helper()
	var evs struct {
		Items []struct {
			ID       string   `json:"id"`
			Accounts []string `json:"accounts"`
		} `json:"items"`
	}
	res, b := ts.get("/v1/events?q=Qusur", "")
	if res.StatusCode != http.StatusOK {
		ts.t.Fatalf("search: %d %s", res.StatusCode, b)
	}
	if err := json.Unmarshal(b, &evs); err != nil || len(evs.Items) == 0 {
		ts.t.Fatalf("no event found for Qusur: %v %s", err, b)
	}
	best := 0 // the strike is the event most sources tell
	for i, e := range evs.Items {
		if len(e.Accounts) > len(evs.Items[best].Accounts) {
			best = i
		}
	}
	return evs.Items[best].ID
}

type cyGraph struct {
	Focus     string `json:"focus"`
	FocusType string `json:"focus_type"`
	Truncated bool   `json:"truncated"`
	Omitted   int    `json:"omitted"`
	Note      string `json:"note"`
	NodeCount int    `json:"node_count"`
	EdgeCount int    `json:"edge_count"`
	Elements  struct {
		Nodes []struct {
			Data map[string]any `json:"data"`
		} `json:"nodes"`
		Edges []struct {
			Data map[string]any `json:"data"`
		} `json:"edges"`
	} `json:"elements"`
}

func TestGraphAroundTheQusurEvent(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	ev := ts.qusurEvent()

	res, b := ts.get("/v1/graph?focus="+ev+"&depth=2", "")
	if res.StatusCode != http.StatusOK || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
		t.Fatalf("%d %s: %s", res.StatusCode, res.Header.Get("Content-Type"), trim(b))
	}
	var g cyGraph
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if g.Focus != ev || g.FocusType != "event" || g.NodeCount != len(g.Elements.Nodes) || g.EdgeCount != len(g.Elements.Edges) {
		t.Fatalf("focus %s %s, %d/%d nodes, %d/%d edges", g.Focus, g.FocusType, g.NodeCount, len(g.Elements.Nodes), g.EdgeCount, len(g.Elements.Edges))
	}
	docs := map[string]bool{}
	types := map[string]int{}
	for _, n := range g.Elements.Nodes {
		types[n.Data["type"].(string)]++
		if n.Data["type"] == "account" {
			docs[n.Data["document"].(string)] = true
		}
	}
	// The strike is told by the letter, state television, the wire, the
	// Observatory, the local networks and the coalition.
	if len(docs) < 4 || types["claim"] < 4 || types["entity"] == 0 {
		t.Errorf("accounts from %d documents, types %v", len(docs), types)
	}
	for _, e := range g.Elements.Edges {
		if e.Data["relation"] == "event" && e.Data["origin"] != "xref" {
			t.Errorf("event membership of origin %v", e.Data["origin"])
		}
		if e.Data["relation"] == "document" && !strings.HasPrefix(e.Data["provenance"].(string), "cg:ingest/") {
			t.Errorf("a claim's document edge with provenance %v", e.Data["provenance"])
		}
	}
	if res.Header.Get("X-Graph-Nodes") == "" || res.Header.Get("X-Graph-Truncated") != "false" {
		t.Errorf("headers %v", res.Header)
	}

	// A small budget cuts it, and the answer says so.
	res, b = ts.get("/v1/graph?focus="+ev+"&depth=3&max_nodes=5", "")
	var cut cyGraph
	if err := json.Unmarshal(b, &cut); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	if !cut.Truncated || cut.Omitted == 0 || len(cut.Elements.Nodes) != 5 || cut.Note == "" || res.Header.Get("X-Graph-Truncated") != "true" {
		t.Errorf("budget of 5: truncated %v omitted %d nodes %d note %q", cut.Truncated, cut.Omitted, len(cut.Elements.Nodes), cut.Note)
	}

	// No focus: the whole graph, which the corpus fits in.
	res, b = ts.get("/v1/graph", "")
	var all cyGraph
	if err := json.Unmarshal(b, &all); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	if all.Truncated || all.NodeCount <= g.NodeCount {
		t.Errorf("whole graph: %d nodes, truncated %v", all.NodeCount, all.Truncated)
	}
}

func TestGraphFormats(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	ev := ts.qusurEvent()
	base := "/v1/graph?focus=" + ev + "&depth=2"

	var ref cyGraph
	_, b := ts.get(base, "")
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}

	cases := []struct {
		format, accept, ctype string
		check                 func(t *testing.T, body []byte)
	}{
		{"d3", "", "application/json", func(t *testing.T, body []byte) {
			var d struct {
				Nodes []any `json:"nodes"`
				Links []any `json:"links"`
			}
			if err := json.Unmarshal(body, &d); err != nil || len(d.Nodes) != ref.NodeCount || len(d.Links) != ref.EdgeCount {
				t.Errorf("d3: %v, %d nodes %d links", err, len(d.Nodes), len(d.Links))
			}
		}},
		{"graphml", "", "application/graphml+xml", func(t *testing.T, body []byte) {
			var d struct {
				Nodes []struct{} `xml:"graph>node"`
				Edges []struct{} `xml:"graph>edge"`
			}
			if err := xml.Unmarshal(body, &d); err != nil || len(d.Nodes) != ref.NodeCount || len(d.Edges) != ref.EdgeCount {
				t.Errorf("graphml: %v, %d nodes %d edges", err, len(d.Nodes), len(d.Edges))
			}
		}},
		{"", "application/gexf+xml", "application/gexf+xml", func(t *testing.T, body []byte) {
			var d struct {
				Graph struct {
					Mode  string     `xml:"mode,attr"`
					Nodes []struct{} `xml:"nodes>node"`
				} `xml:"graph"`
			}
			if err := xml.Unmarshal(body, &d); err != nil || len(d.Graph.Nodes) != ref.NodeCount || d.Graph.Mode != "dynamic" {
				t.Errorf("gexf: %v, %d nodes, mode %q", err, len(d.Graph.Nodes), d.Graph.Mode)
			}
		}},
		{"dot", "", "text/vnd.graphviz", func(t *testing.T, body []byte) {
			if !bytes.HasPrefix(body, []byte("digraph claimgraph {")) || bytes.Count(body, []byte(" -> ")) != ref.EdgeCount {
				t.Errorf("dot: %s", trim(body))
			}
		}},
		{"jsonld", "", "application/ld+json", func(t *testing.T, body []byte) {
			var d struct {
				Graph []map[string]any `json:"@graph"`
			}
			if err := json.Unmarshal(body, &d); err != nil || len(d.Graph) < ref.NodeCount {
				t.Errorf("jsonld: %v, %d objects", err, len(d.Graph))
			}
		}},
		{"nquads", "", "application/n-quads", func(t *testing.T, body []byte) {
			sc := bufio.NewScanner(bytes.NewReader(body))
			sc.Buffer(nil, 1<<24)
			n := 0
			for sc.Scan() {
				n++
				if l := sc.Text(); !strings.HasPrefix(l, "<cg:") || !strings.HasSuffix(l, " .") {
					t.Fatalf("n-quads line %q", l)
				}
			}
			if n < ref.NodeCount*2 {
				t.Errorf("%d quads for %d nodes", n, ref.NodeCount)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.format+c.accept, func(t *testing.T) {
			path := base
			if c.format != "" {
				path += "&format=" + c.format
			}
			res, body := ts.get(path, c.accept)
			if res.StatusCode != http.StatusOK {
				t.Fatalf("%d %s", res.StatusCode, trim(body))
			}
			if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, c.ctype) {
				t.Errorf("content type %q, want %q", ct, c.ctype)
			}
			c.check(t, body)
		})
	}
}

func TestGraphErrors(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	cases := []struct {
		query  string
		status int
		code   string
	}{
		{"focus=not-a-uuid", 400, "invalid"},
		{"focus=" + url.QueryEscape("<script>alert(1)</script>"), 400, "invalid"},
		{"focus=6f1e2d3c-0000-4000-8000-000000000000", 404, "not_found"},
		{"depth=5", 400, "invalid"},
		{"depth=-1", 400, "invalid"},
		{"depth=two", 400, "invalid"},
		{"format=svg", 400, "invalid"},
		{"max_nodes=0", 400, "invalid"},
		{"max_nodes=5001", 400, "invalid"},
		{"relations=friend", 400, "invalid"},
		{"from=yesterday", 400, "invalid"},
		{"from=2017-10-25&to=2017-10-01", 400, "invalid"},
	}
	for _, c := range cases {
		res, b := ts.get("/v1/graph?"+c.query, "")
		var e api.ErrorBody
		if res.StatusCode != c.status || json.Unmarshal(b, &e) != nil || e.Error.Code != c.code || e.Error.Message == "" {
			t.Errorf("%s: %d %s", c.query, res.StatusCode, b)
		}
	}
}

func TestViewerAssets(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	cases := []struct {
		path, ctype string
		status      int
		contains    string
	}{
		{"/", "text/html", 200, `src="/viewer/vendor/cytoscape.min.js"`},
		{"/viewer/app.js", "text/javascript", 200, "textContent"},
		{"/viewer/viewer.css", "text/css", 200, "#cy"},
		{"/viewer/vendor/cytoscape.min.js", "text/javascript", 200, "Cytoscape Consortium"},
		{"/viewer/nothing.js", "application/json", 404, "not_found"},
		{"/viewer/../graph.go", "application/json", 404, "not_found"},
	}
	for _, c := range cases {
		res, b := ts.get(c.path, "")
		if res.StatusCode != c.status || !strings.HasPrefix(res.Header.Get("Content-Type"), c.ctype) || !bytes.Contains(b, []byte(c.contains)) {
			t.Errorf("%s: %d %s %s", c.path, res.StatusCode, res.Header.Get("Content-Type"), trim(b))
		}
		if c.status == 200 && !strings.Contains(res.Header.Get("Content-Security-Policy"), "script-src 'self'") {
			t.Errorf("%s: CSP %q", c.path, res.Header.Get("Content-Security-Policy"))
		}
	}
	// The page references only files the server has.
	_, page := ts.get("/", "")
	for _, ref := range []string{"/viewer/viewer.css", "/viewer/cytoscape-container.css", "/viewer/app.js"} {
		if !bytes.Contains(page, []byte(ref)) {
			t.Errorf("index.html does not load %s", ref)
		}
		if res, _ := ts.get(ref, ""); res.StatusCode != 200 {
			t.Errorf("%s: %d", ref, res.StatusCode)
		}
	}
	// No document text is ever handed to the page as markup.
	_, js := ts.get("/viewer/app.js", "")
	for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"} {
		if bytes.Contains(js, []byte(bad)) {
			t.Errorf("app.js uses %s", bad)
		}
	}
}

// graphIDs lists the ids of every event or document (path /v1/events or
// /v1/documents), page by page.
func (ts *testServer) graphIDs(path string) []string {
	ts.t.Helper()
	var ids []string
	cursor := ""
	for {
		res, b := ts.get(path+"?limit=500&cursor="+url.QueryEscape(cursor), "")
		var page struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		if res.StatusCode != http.StatusOK || json.Unmarshal(b, &page) != nil {
			ts.t.Fatalf("%s: %d %s", path, res.StatusCode, trim(b))
		}
		for _, it := range page.Items {
			ids = append(ids, it.ID)
		}
		if page.NextCursor == "" {
			return ids
		}
		cursor = page.NextCursor
	}
}

// TestGraphEdgeBudgetKeepsCorpusWhole asks for the depth-2 graph around
// every event and document of the example corpus, and for the whole
// graph: the default edge budget cuts none of them, so each answer is the
// one the hard maximum gives, byte for byte, and says nothing of edges.
func TestGraphEdgeBudgetKeepsCorpusWhole(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	queries := []string{""}
	for _, p := range []string{"/v1/events", "/v1/documents"} {
		for _, id := range ts.graphIDs(p) {
			queries = append(queries, "focus="+id+"&depth=2&")
		}
	}
	if len(queries) < 10 {
		t.Fatalf("%d graphs", len(queries))
	}
	most := 0
	for _, q := range queries {
		res, def := ts.get("/v1/graph?"+q, "")
		res2, hard := ts.get("/v1/graph?"+q+"max_edges="+strconv.Itoa(export.HardMaxEdges), "")
		if res.StatusCode != http.StatusOK || res2.StatusCode != http.StatusOK {
			t.Fatalf("%s: %d %d", q, res.StatusCode, res2.StatusCode)
		}
		if !bytes.Equal(def, hard) || bytes.Contains(def, []byte("omitted_edges")) || res.Header.Get("X-Graph-Omitted-Edges") != "" {
			t.Errorf("%s: the default edge budget cut the graph", q)
		}
		n, _ := strconv.Atoi(res.Header.Get("X-Graph-Edges"))
		most = max(most, n)
	}
	t.Logf("%d graphs, at most %d edges each (budget %d)", len(queries), most, export.DefaultMaxEdges)
}

// TestGraphEdgeBudget cuts the Qusur event's graph to a few edges: the
// answer keeps its structure, says what it left out, and the parameter is
// checked.
func TestGraphEdgeBudget(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	ev := ts.qusurEvent()
	res, b := ts.get("/v1/graph?focus="+ev+"&depth=2", "")
	var whole cyGraph
	if err := json.Unmarshal(b, &whole); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	links := 0
	for _, e := range whole.Elements.Edges {
		if e.Data["stance"] != nil {
			links++
		}
	}
	if links == 0 {
		t.Fatal("the Qusur event's graph has no links between claims")
	}
	budget := whole.EdgeCount - links
	res, b = ts.get("/v1/graph?focus="+ev+"&depth=2&max_edges="+strconv.Itoa(budget), "")
	var cut struct {
		cyGraph
		MaxEdges     int            `json:"max_edges"`
		OmittedEdges int            `json:"omitted_edges"`
		ByRelation   map[string]int `json:"omitted_edges_by_relation"`
	}
	if err := json.Unmarshal(b, &cut); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("%d %v", res.StatusCode, err)
	}
	sum := 0
	for _, n := range cut.ByRelation {
		sum += n
	}
	if !cut.Truncated || cut.MaxEdges != budget || cut.OmittedEdges != links || sum != links || cut.EdgeCount != budget ||
		cut.NodeCount != whole.NodeCount || !strings.Contains(cut.Note, "max_edges") || res.Header.Get("X-Graph-Truncated") != "true" ||
		res.Header.Get("X-Graph-Omitted-Edges") != strconv.Itoa(links) {
		t.Errorf("budget %d of %d edges: %+v headers %v", budget, whole.EdgeCount, cut, res.Header)
	}
	for _, e := range cut.Elements.Edges {
		if e.Data["stance"] != nil {
			t.Errorf("a link was kept before the structure: %v", e.Data)
		}
	}

	for _, q := range []string{"max_edges=0x", "max_edges=-1", "max_edges=0", "max_edges=" + strconv.Itoa(export.HardMaxEdges+1), "max_edges=1e3"} {
		res, b := ts.get("/v1/graph?focus="+ev+"&"+q, "")
		var e api.ErrorBody
		if res.StatusCode != http.StatusBadRequest || json.Unmarshal(b, &e) != nil || e.Error.Code != "invalid" || !strings.Contains(e.Error.Message, "max_edges") {
			t.Errorf("%s: %d %s", q, res.StatusCode, b)
		}
	}
}
