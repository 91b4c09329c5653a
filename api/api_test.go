package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/xref"
)

const corpusDir = "../examples/corpus"

type keys struct{}

func (keys) QueryKeys(q string) []string {
	return []string{gazetteer.FoldKey(q), gazetteer.Skeleton(q)}
}

// testServer is a real server over a real (in-memory) cayley store, with
// every request's response checked against the OpenAPI description.
type testServer struct {
	t      *testing.T
	srv    *httptest.Server
	router routers.Router
	pipe   *ingest.Pipeline
}

func newTestServer(t *testing.T, cfg api.Config) *testServer {
	t.Helper()
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g := gazetteer.Default()
	pipe := &ingest.Pipeline{Extractor: extract.New(g), Planner: xref.New(st, g), Store: st}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	eng := xref.New(st, g)
	pipe.Planner = eng
	s := api.New(cfg, api.Deps{Store: st, Ingester: pipe, Match: gazetteer.Search{}, Xref: eng, Log: log})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	spec, err := api.Spec()
	if err != nil {
		t.Fatal(err)
	}
	if err := spec.Validate(ctx); err != nil {
		t.Fatalf("openapi.yaml is not valid OpenAPI 3: %v", err)
	}
	router, err := legacy.NewRouter(spec)
	if err != nil {
		t.Fatal(err)
	}
	return &testServer{t: t, srv: ts, router: router, pipe: pipe}
}

func (ts *testServer) loadCorpus() {
	ts.t.Helper()
	items, err := ingest.ReadPaths(corpusDir)
	if err != nil {
		ts.t.Fatal(err)
	}
	s, err := ts.pipe.IngestItems(context.Background(), items, nil)
	if err != nil || s.Failed > 0 {
		ts.t.Fatalf("ingest corpus: %v %v", err, s.Errors)
	}
}

// do sends a request, checks the response against the OpenAPI description
// and returns its status and body.
func (ts *testServer) do(method, path, contentType string, body []byte) (int, []byte) {
	ts.t.Helper()
	req, err := http.NewRequest(method, ts.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		ts.t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	rb, err := io.ReadAll(res.Body)
	if err != nil {
		ts.t.Fatal(err)
	}
	ts.validate(req, res, rb)
	return res.StatusCode, rb
}

func (ts *testServer) validate(req *http.Request, res *http.Response, body []byte) {
	ts.t.Helper()
	u, _ := url.Parse(req.URL.String())
	vreq := req.Clone(context.Background())
	vreq.URL = u
	route, params, err := ts.router.FindRoute(vreq)
	if err != nil {
		if res.StatusCode == http.StatusNotFound || res.StatusCode == http.StatusMethodNotAllowed {
			return // no such route: nothing to validate against
		}
		ts.t.Fatalf("%s %s: no route in openapi.yaml: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
		Options: &openapi3filter.Options{ExcludeRequestBody: true, ExcludeRequestQueryParams: true}}
	err = openapi3filter.ValidateResponse(context.Background(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true},
	})
	if err != nil {
		ts.t.Fatalf("%s %s -> %d does not match openapi.yaml: %v\n%s", req.Method, req.URL.Path, res.StatusCode, err, trim(body))
	}
}

func trim(b []byte) string {
	if len(b) > 600 {
		return string(b[:600]) + "..."
	}
	return string(b)
}

func (ts *testServer) getJSON(path string, want int, v any) {
	ts.t.Helper()
	st, body := ts.do(http.MethodGet, path, "", nil)
	if st != want {
		ts.t.Fatalf("GET %s = %d, want %d: %s", path, st, want, trim(body))
	}
	if v != nil {
		if err := json.Unmarshal(body, v); err != nil {
			ts.t.Fatalf("GET %s: %v", path, err)
		}
	}
}

type idOnly struct {
	ID string `json:"id"`
}

type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

func TestIngestIsIdempotent(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	doc := map[string]any{"text": "Aleppo, 3 May 2016. At least 12 civilians were killed when shells hit a market, the Syrian Observatory for Human Rights said.", "kind": "news report", "date": "2016-05-03"}
	body, _ := json.Marshal(doc)
	st, first := ts.do(http.MethodPost, "/v1/documents", "application/json", body)
	if st != http.StatusCreated {
		t.Fatalf("first POST = %d: %s", st, first)
	}
	st, second := ts.do(http.MethodPost, "/v1/documents", "application/json", body)
	if st != http.StatusOK {
		t.Fatalf("second POST = %d: %s", st, second)
	}
	var a, b struct {
		Document idOnly `json:"document"`
		Created  bool   `json:"created"`
	}
	json.Unmarshal(first, &a)
	json.Unmarshal(second, &b)
	if a.Document.ID == "" || a.Document.ID != b.Document.ID || !a.Created || b.Created {
		t.Fatalf("ids %q %q created %v %v", a.Document.ID, b.Document.ID, a.Created, b.Created)
	}
	// The same text as text/plain, with trailing spaces and CRLF, is the same document.
	text := doc["text"].(string) + "  \r\n\r\n"
	st, third := ts.do(http.MethodPost, "/v1/documents?kind=news+report", "text/plain; charset=utf-8", []byte(text))
	var c struct {
		Document idOnly `json:"document"`
	}
	json.Unmarshal(third, &c)
	if st != http.StatusOK || c.Document.ID != a.Document.ID {
		t.Fatalf("text/plain POST = %d id %q, want 200 %q", st, c.Document.ID, a.Document.ID)
	}
	var docs struct {
		Items []idOnly `json:"items"`
	}
	ts.getJSON("/v1/documents", 200, &docs)
	if len(docs.Items) != 1 {
		t.Fatalf("%d documents stored, want 1", len(docs.Items))
	}
}

func TestBadInputGetsClearErrors(t *testing.T) {
	ts := newTestServer(t, api.Config{MaxBodyBytes: 1 << 20})
	big := bytes.Repeat([]byte("a"), 2<<20)
	cases := []struct {
		name, method, path, ct string
		body                   []byte
		status                 int
		code                   string
	}{
		{"malformed JSON", "POST", "/v1/documents", "application/json", []byte(`{"text": "x`), 400, "invalid"},
		{"not UTF-8", "POST", "/v1/documents", "application/json", []byte("{\"text\": \"caf\xe9\"}"), 400, "invalid"},
		{"not UTF-8 plain", "POST", "/v1/documents", "text/plain", []byte("caf\xe9 au lait"), 400, "invalid"},
		{"empty text", "POST", "/v1/documents", "application/json", []byte(`{"text": ""}`), 400, "invalid"},
		{"blank text", "POST", "/v1/documents", "text/plain", []byte(" \n\t "), 400, "invalid"},
		{"NUL byte", "POST", "/v1/documents", "application/json", []byte(`{"text": "a\u0000b"}`), 400, "invalid"},
		{"unknown field", "POST", "/v1/documents", "application/json", []byte(`{"text": "x y z.", "colour": "red"}`), 400, "invalid"},
		{"wrong type", "POST", "/v1/documents", "application/json", []byte(`{"text": 5}`), 400, "invalid"},
		{"bad date", "POST", "/v1/documents", "application/json", []byte(`{"text": "Shelling hit Homs.", "date": "23/10/2017"}`), 400, "invalid"},
		{"two values", "POST", "/v1/documents", "application/json", []byte(`{"text": "a."} {"text": "b."}`), 400, "invalid"},
		{"too large", "POST", "/v1/documents", "text/plain", big, 413, "too_large"},
		{"wrong content type", "POST", "/v1/documents", "application/xml", []byte(`<doc/>`), 415, "unsupported_media"},
		{"no content type", "POST", "/v1/documents", "", []byte(`{"text": "a."}`), 415, "unsupported_media"},
		{"unknown document", "GET", "/v1/documents/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d", "", nil, 404, "not_found"},
		{"malformed id", "GET", "/v1/documents/not-a-uuid", "", nil, 400, "invalid"},
		{"unknown claim", "GET", "/v1/claims/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d", "", nil, 404, "not_found"},
		{"unknown claim provenance", "GET", "/v1/claims/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d/provenance", "", nil, 404, "not_found"},
		{"unknown entity", "GET", "/v1/entities/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d", "", nil, 404, "not_found"},
		{"unknown event", "GET", "/v1/events/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d", "", nil, 404, "not_found"},
		{"unknown event sources", "GET", "/v1/events/6f1c1b8e-2b0a-4c55-9d0e-8e2f0a1b2c3d/sources", "", nil, 404, "not_found"},
		{"bad limit", "GET", "/v1/documents?limit=0", "", nil, 400, "invalid"},
		{"huge limit", "GET", "/v1/documents?limit=100000", "", nil, 400, "invalid"},
		{"bad cursor", "GET", "/v1/entities?q=Homs&cursor=not-a-cursor", "", nil, 400, "invalid"},
		{"bad event date", "GET", "/v1/events?date=yesterday", "", nil, 400, "invalid"},
		{"unknown route", "GET", "/v1/nothing", "", nil, 404, "not_found"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st, body := ts.do(c.method, c.path, c.ct, c.body)
			var e errorBody
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("body is not JSON: %v: %s", err, trim(body))
			}
			if st != c.status || e.Error.Code != c.code || e.Error.Message == "" {
				t.Fatalf("status %d code %q message %q, want %d %q", st, e.Error.Code, e.Error.Message, c.status, c.code)
			}
		})
	}
	// The server keeps serving and nothing was stored.
	var docs struct {
		Items []idOnly `json:"items"`
	}
	ts.getJSON("/v1/documents", 200, &docs)
	if len(docs.Items) != 0 {
		t.Fatalf("bad input stored %d documents", len(docs.Items))
	}
	ts.getJSON("/healthz", 200, nil)
}

// expected is the part of examples/corpus/expected.json these tests use.
type expected struct {
	Events []struct {
		Key      string `json:"key"`
		Date     any    `json:"date"`
		Accounts []struct {
			Document string `json:"document"`
		} `json:"accounts"`
		Place struct {
			Name    string   `json:"name"`
			Aliases []string `json:"aliases"`
			Within  struct {
				Name    string   `json:"name"`
				Aliases []string `json:"aliases"`
			} `json:"within"`
		} `json:"place"`
	} `json:"events"`
}

func readExpected(t *testing.T) expected {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var e expected
	if err := json.Unmarshal(b, &e); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestCorpusThroughTheAPI(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	ts.loadCorpus()
	exp := readExpected(t)

	// Every document is listed, across pages, once.
	var files []string
	cursor := ""
	for range 10 {
		var page struct {
			Items []struct {
				File string `json:"file"`
			} `json:"items"`
			NextCursor string `json:"next_cursor"`
		}
		ts.getJSON("/v1/documents?limit=4&cursor="+url.QueryEscape(cursor), 200, &page)
		for _, d := range page.Items {
			files = append(files, d.File)
		}
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	entries, _ := filepath.Glob(filepath.Join(corpusDir, "*.txt"))
	if len(files) != len(entries) {
		t.Fatalf("listed %d documents %v, want %d", len(files), files, len(entries))
	}
	slices.Sort(files)
	if len(slices.Compact(files)) != len(entries) {
		t.Fatalf("paging repeated documents: %v", files)
	}

	// Spelling variants of a place find the same entity.
	for _, ev := range exp.Events {
		if ev.Place.Within.Name == "" {
			continue
		}
		want := ts.entityIDs(ev.Place.Within.Name)
		if len(want) == 0 {
			t.Fatalf("q=%s finds nothing", ev.Place.Within.Name)
		}
		for _, alias := range ev.Place.Within.Aliases {
			got := ts.entityIDs(alias)
			if !intersects(got, want) {
				t.Errorf("q=%s finds %v, q=%s finds %v: not the same place", alias, got, ev.Place.Within.Name, want)
			}
		}
	}

	// The strike is found by place and date, and its sources are the
	// documents the analyst lists.
	for _, ev := range exp.Events {
		date, ok := ev.Date.(string)
		if !ok {
			continue
		}
		var evs struct {
			Items []struct {
				ID string `json:"id"`
			} `json:"items"`
		}
		ts.getJSON("/v1/events?q="+url.QueryEscape(ev.Place.Name)+"&date="+date, 200, &evs)
		if len(evs.Items) == 0 {
			t.Fatalf("no event at %s on %s", ev.Place.Name, date)
		}
		var srcs struct {
			Items []struct {
				Document struct {
					File string `json:"file"`
				} `json:"document"`
			} `json:"items"`
		}
		ts.getJSON("/v1/events/"+evs.Items[0].ID+"/sources", 200, &srcs)
		got := map[string]bool{}
		for _, s := range srcs.Items {
			got[s.Document.File] = true
		}
		for _, a := range ev.Accounts {
			if !got[a.Document] {
				t.Errorf("event %s: sources %v lack %s", ev.Key, got, a.Document)
			}
		}
	}
}

func (ts *testServer) entityIDs(q string) []string {
	var ents struct {
		Items []idOnly `json:"items"`
	}
	ts.getJSON("/v1/entities?q="+url.QueryEscape(q), 200, &ents)
	var ids []string
	for _, e := range ents.Items {
		ids = append(ids, e.ID)
	}
	return ids
}

func intersects(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

func TestClaimProvenance(t *testing.T) {
	ts := newTestServer(t, api.Config{})
	text := "Beirut, 24 October 2017. At least 22 people were killed when aircraft struck the Al-Qusur neighbourhood of Deir Ezzor, the Syrian Observatory for Human Rights said."
	body, _ := json.Marshal(map[string]any{"text": text, "author": "news agency", "kind": "news report", "date": "2017-10-24"})
	st, out := ts.do("POST", "/v1/documents", "application/json", body)
	if st != 201 {
		t.Fatalf("POST = %d %s", st, out)
	}
	var res struct {
		Document idOnly `json:"document"`
		Claims   []struct {
			ID      string `json:"id"`
			Text    string `json:"text"`
			Speaker struct {
				Name string `json:"name"`
			} `json:"speaker"`
		} `json:"claims"`
	}
	json.Unmarshal(out, &res)
	var claimID string
	for _, c := range res.Claims {
		if strings.Contains(c.Text, "At least 22") {
			claimID = c.ID
		}
	}
	if claimID == "" {
		t.Fatalf("no claim holds the toll: %s", trim(out))
	}
	var prov struct {
		Chain []struct {
			Relation string `json:"relation"`
			Entity   *struct {
				Name string `json:"name"`
			} `json:"entity"`
			Document *idOnly `json:"document"`
		} `json:"chain"`
	}
	ts.getJSON("/v1/claims/"+claimID+"/provenance", 200, &prov)
	var quoted, carried bool
	for _, s := range prov.Chain {
		if s.Relation == "wasQuotedFrom" && s.Entity != nil && strings.Contains(s.Entity.Name, "Observatory") {
			quoted = true
		}
		if s.Relation == "carried_by" && s.Document != nil && s.Document.ID == res.Document.ID {
			carried = true
		}
	}
	if !quoted || !carried {
		t.Fatalf("chain %+v: quoted from the Observatory %v, carried by the report %v", prov.Chain, quoted, carried)
	}
	var claim struct {
		Document idOnly `json:"document"`
		Source   struct {
			Name string `json:"name"`
		} `json:"source"`
	}
	ts.getJSON("/v1/claims/"+claimID, 200, &claim)
	if claim.Document.ID != res.Document.ID || !strings.Contains(claim.Source.Name, "Observatory") {
		t.Fatalf("claim view %+v", claim)
	}
}
