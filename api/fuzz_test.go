package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
)

// badCase is one hostile request of testdata/bad/cases.json.
type badCase struct {
	Name               string `json:"name"`
	Method             string `json:"method"`
	Path               string `json:"path"`
	ContentType        string `json:"content_type"`
	Body               string `json:"body"`
	BodyFile           string `json:"body_file"`
	Status             int    `json:"status"`
	Code               string `json:"code"`
	StoredTextContains string `json:"stored_text_contains"`
}

func loadBadCases(t testing.TB) []badCase {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "bad", "cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f struct {
		Cases []badCase `json:"cases"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	for i := range f.Cases {
		if f.Cases[i].BodyFile != "" {
			body, err := os.ReadFile(filepath.Join("testdata", "bad", f.Cases[i].BodyFile))
			if err != nil {
				t.Fatal(err)
			}
			f.Cases[i].Body = string(body)
		}
	}
	return f.Cases
}

// checkAnswer holds every answer to the rules for hostile input: never a
// 5xx, a JSON body, and on a 4xx a JSON error with a code and a message.
func checkAnswer(t testing.TB, what string, status int, header http.Header, body []byte) {
	t.Helper()
	if status >= 500 {
		t.Fatalf("%s: %d %.300s", what, status, body)
	}
	if !strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		t.Fatalf("%s: %d with content type %q", what, status, header.Get("Content-Type"))
	}
	if status >= 400 {
		var e api.ErrorBody
		if err := json.Unmarshal(body, &e); err != nil || e.Error.Code == "" || e.Error.Message == "" {
			t.Fatalf("%s: %d without a JSON error: %.300s", what, status, body)
		}
	} else if !json.Valid(body) {
		t.Fatalf("%s: %d with a body that is not JSON: %.300s", what, status, body)
	}
}

// repeatReader yields n bytes of a repeated pattern without holding them.
type repeatReader struct {
	pattern []byte
	n, off  int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.n <= 0 {
		return 0, io.EOF
	}
	i := 0
	for i < len(p) && r.n > 0 {
		p[i] = r.pattern[r.off%int64(len(r.pattern))]
		i, r.off, r.n = i+1, r.off+1, r.n-1
	}
	return i, nil
}

func TestBadInputs(t *testing.T) {
	s := newOpsServer(t, api.Config{})
	alive := func(after string) {
		t.Helper()
		if r := send(t, "GET", s.url+"/healthz", "", "", nil); r.status != 200 {
			t.Fatalf("after %s the server does not answer: %v", after, r)
		}
	}
	for _, c := range loadBadCases(t) {
		var body io.Reader
		if c.Method != "GET" && c.Method != "DELETE" {
			body = strings.NewReader(c.Body)
		}
		r := send(t, c.Method, s.url+c.Path, c.ContentType, "", body)
		checkAnswer(t, c.Name, r.status, r.header, r.body)
		if r.status != c.Status || (c.Code != "" && r.errorCode() != c.Code) {
			t.Errorf("%s: %v, want %d %s", c.Name, r, c.Status, c.Code)
		}
		if c.StoredTextContains != "" && r.status == 201 {
			var ing api.IngestResponse
			if err := json.Unmarshal(r.body, &ing); err != nil {
				t.Fatal(err)
			}
			got := send(t, "GET", s.url+"/v1/documents/"+ing.Document.ID.String(), "", "", nil)
			var doc struct {
				Text string `json:"text"`
			}
			if err := json.Unmarshal(got.body, &doc); err != nil || !strings.Contains(doc.Text, c.StoredTextContains) {
				t.Errorf("%s: stored text %q does not hold %q verbatim (%v)", c.Name, doc.Text, c.StoredTextContains, err)
			}
			if ct := got.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
				t.Errorf("%s: the document is served as %q", c.Name, ct)
			}
		}
		alive(c.Name)
	}

	// Generated: bodies too large to commit.
	const big = 50 << 20
	for _, p := range []string{"/v1/documents", "/v1/links", "/v1/judgements"} {
		for _, ct := range []string{"application/json", "text/plain"} {
			body := &repeatReader{pattern: []byte(`{"text": "Aleppo was shelled. `), n: big}
			r := send(t, "POST", s.url+p, ct, "", body)
			checkAnswer(t, "50 MB to "+p, r.status, r.header, r.body)
			if r.status != 413 && r.status != 415 {
				t.Errorf("50 MB %s to %s: %v, want 413 (or 415 for the content type)", ct, p, r)
			}
			alive("50 MB to " + p)
		}
	}
	const depth = 100000
	deep := `{"text": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
	deepTargets := `{"kind": "grade", "targets": ` + strings.Repeat("[", depth) + strings.Repeat("]", depth) + `}`
	for _, c := range []struct{ path, body string }{{"/v1/documents", deep}, {"/v1/judgements", deepTargets}, {"/v1/links", strings.Repeat(`{"from":`, depth)}} {
		r := send(t, "POST", s.url+c.path, "application/json", "", strings.NewReader(c.body))
		checkAnswer(t, "deep JSON to "+c.path, r.status, r.header, r.body)
		if r.status != 400 {
			t.Errorf("deeply nested JSON to %s: %v, want 400", c.path, r)
		}
		alive("deep JSON to " + c.path)
	}
	// A document of the largest size allowed, and one byte over.
	limit := 5 << 20
	s2 := newOpsServer(t, api.Config{MaxDocumentBytes: limit, MaxBodyBytes: 8 << 20})
	over := strings.Repeat("x", limit+1)
	r := send(t, "POST", s2.url+"/v1/documents", "text/plain", "", strings.NewReader(over))
	checkAnswer(t, "document over the limit", r.status, r.header, r.body)
	if r.status != 413 || !strings.Contains(r.message(), "limit") {
		t.Errorf("a document one byte over the limit: %v", r)
	}
	// Still serving: a real document goes in.
	if r := send(t, "POST", s.url+"/v1/documents", "application/json", "", docJSON(sampleDoc)); r.status != 201 {
		t.Fatalf("after the bad inputs a good document gets %v", r)
	}
}

// fuzzServer is one server for a fuzz target, called in process.
func fuzzServer(f *testing.F) http.Handler {
	h, _ := fuzzServerWithClaims(f)
	return h
}

// fuzzServerWithClaims is a fuzz target's server holding two documents
// about one strike, and the ids of their claims, so that links and
// judgements can name real targets.
func fuzzServerWithClaims(f *testing.F) (http.Handler, []string) {
	s := newOpsServer(f, api.Config{MaxBodyBytes: 1 << 20})
	var ids []string
	for _, text := range []string{sampleDoc, "Aleppo, 4 May 2016. Government forces denied shelling the market in Aleppo, state television said. It said 3 people were killed."} {
		res, err := s.pipe.Ingest(context.Background(), graph.DocumentInput{Text: text})
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range res.Extraction.Claims {
			ids = append(ids, c.ID.String())
		}
		for _, e := range res.Events {
			ids = append(ids, e.String())
		}
	}
	return s.srv.Config.Handler, ids
}

func fuzzRequest(t *testing.T, h http.Handler, method, path, contentType string, body []byte) {
	req := httptest.NewRequest(method, path, bytes.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	checkAnswer(t, method+" "+path, rec.Code, rec.Header(), rec.Body.Bytes())
}

// seedBad adds the bad-input corpus bodies sent to path as seeds.
func seedBad(f *testing.F, path string, add func(c badCase)) {
	for _, c := range loadBadCases(f) {
		if c.Path == path && c.Method == "POST" {
			add(c)
		}
	}
}

func FuzzDocuments(f *testing.F) {
	h := fuzzServer(f)
	f.Add("application/json", []byte(`{"text": "`+sampleDoc+`", "date": "2016-05-03", "kind": "news report"}`))
	f.Add("text/plain; charset=utf-8", []byte(sampleDoc))
	f.Add("text/markdown", []byte("# Report\n\n"+sampleDoc))
	seedBad(f, "/v1/documents", func(c badCase) { f.Add(c.ContentType, []byte(c.Body)) })
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		fuzzRequest(t, h, "POST", "/v1/documents", contentType, body)
	})
}

func FuzzLinks(f *testing.F) {
	h, ids := fuzzServerWithClaims(f)
	for i := 1; i < len(ids); i++ {
		f.Add([]byte(`{"from": "` + ids[0] + `", "to": "` + ids[i] + `", "relation": "disputes", "reason": "r"}`))
	}
	f.Add([]byte(`{"from": "6f1b1c1e-0000-4000-8000-000000000001", "to": "6f1b1c1e-0000-4000-8000-000000000002", "relation": "corroborates", "reason": "same figure"}`))
	seedBad(f, "/v1/links", func(c badCase) { f.Add([]byte(c.Body)) })
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzRequest(t, h, "POST", "/v1/links", "application/json", body)
	})
}

func FuzzJudgements(f *testing.F) {
	h, ids := fuzzServerWithClaims(f)
	for _, id := range ids {
		f.Add([]byte(`{"kind": "grade", "targets": ["` + id + `"], "grade": "weak", "reason": "r"}`))
		f.Add([]byte(`{"kind": "split", "targets": ["` + id + `"], "reason": "r"}`))
		f.Add([]byte(`{"kind": "deprecate", "targets": ["` + id + `"], "reason": "r"}`))
	}
	if len(ids) > 1 {
		f.Add([]byte(`{"kind": "merge", "targets": ["` + ids[0] + `", "` + ids[len(ids)-1] + `"], "reason": "r"}`))
	}
	for _, b := range []string{
		`{"kind": "grade", "targets": ["6f1b1c1e-0000-4000-8000-000000000001"], "grade": "contested", "reason": "r"}`,
		`{"kind": "reliability", "targets": ["6f1b1c1e-0000-4000-8000-000000000001"], "value": "B", "reason": "r"}`,
		`{"kind": "merge", "targets": ["6f1b1c1e-0000-4000-8000-000000000001", "6f1b1c1e-0000-4000-8000-000000000002"], "reason": "r"}`,
		`{"kind": "link", "targets": ["6f1b1c1e-0000-4000-8000-000000000001", "6f1b1c1e-0000-4000-8000-000000000002"], "relation": "disputes", "reason": "r"}`,
	} {
		f.Add([]byte(b))
	}
	seedBad(f, "/v1/judgements", func(c badCase) { f.Add([]byte(c.Body)) })
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzRequest(t, h, "POST", "/v1/judgements", "application/json", body)
	})
}
