package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/xref"
)

// lockedBuffer collects a server's log lines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// opsServer is a real server over a real in-memory store, for the
// reliability and security tests (which send requests the OpenAPI
// description of the lead's tests need not cover).
type opsServer struct {
	t     *testing.T
	url   string
	store *cayleystore.Store
	pipe  *ingest.Pipeline
	log   *lockedBuffer
	srv   *httptest.Server
}

func newOpsServer(t testing.TB, cfg api.Config) *opsServer {
	t.Helper()
	st, err := cayleystore.Open(context.Background(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return newOpsServerOn(t, cfg, st)
}

func newOpsServerOn(t testing.TB, cfg api.Config, st *cayleystore.Store) *opsServer {
	t.Helper()
	g := gazetteer.Default()
	eng := xref.New(st, g)
	pipe := &ingest.Pipeline{Extractor: extract.New(g), Planner: eng, Store: st, Index: g.Keys, MaxDocumentBytes: cfg.MaxDocumentBytes}
	logs := &lockedBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	s := api.New(cfg, api.Deps{Store: st, Ingester: pipe, Match: gazetteer.Search{}, Xref: eng, Log: log})
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	tt, _ := t.(*testing.T)
	return &opsServer{t: tt, url: ts.URL, store: st, pipe: pipe, log: logs, srv: ts}
}

// reply is a response read whole.
type reply struct {
	status int
	header http.Header
	body   []byte
}

func (r reply) String() string {
	b := r.body
	if len(b) > 300 {
		b = append(b[:300:300], "..."...)
	}
	return fmt.Sprintf("%d %s", r.status, b)
}

// errorCode returns the code of a JSON error body, "" if the body is not one.
func (r reply) errorCode() string {
	var e api.ErrorBody
	if json.Unmarshal(r.body, &e) != nil {
		return ""
	}
	return e.Error.Code
}

func (r reply) message() string {
	var e api.ErrorBody
	_ = json.Unmarshal(r.body, &e)
	return e.Error.Message
}

// send sends a request with optional content type and bearer token.
func send(t testing.TB, method, url, contentType, token string, body io.Reader) reply {
	t.Helper()
	req, err := http.NewRequest(method, url, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, url, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatalf("%s %s: read: %v", method, url, err)
	}
	return reply{status: res.StatusCode, header: res.Header, body: b}
}

func docJSON(text string) io.Reader {
	b, _ := json.Marshal(map[string]string{"text": text})
	return bytes.NewReader(b)
}

func TestReadyz(t *testing.T) {
	stop := make(chan struct{})
	s := newOpsServer(t, api.Config{Stopping: stop})
	if r := send(t, "GET", s.url+"/readyz", "", "", nil); r.status != 200 || !strings.Contains(string(r.body), `"ready"`) {
		t.Fatalf("readyz = %v", r)
	}
	close(stop)
	r := send(t, "GET", s.url+"/readyz", "", "", nil)
	if r.status != 503 || r.errorCode() != "unavailable" || !strings.Contains(r.message(), "shutting down") {
		t.Fatalf("readyz while stopping = %v", r)
	}
	// Liveness is not readiness: still alive.
	if r := send(t, "GET", s.url+"/healthz", "", "", nil); r.status != 200 {
		t.Fatalf("healthz while stopping = %d", r.status)
	}
}

func TestReadyzStoreGone(t *testing.T) {
	// A bolt store: reads fail once it is closed (a memory store's do not).
	st, err := cayleystore.Open(context.Background(), filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	s := newOpsServerOn(t, api.Config{}, st)
	if r := send(t, "GET", s.url+"/readyz", "", "", nil); r.status != 200 {
		t.Fatalf("readyz on bolt = %v", r)
	}
	if err := s.store.Close(); err != nil {
		t.Fatal(err)
	}
	r := send(t, "GET", s.url+"/readyz", "", "", nil)
	if r.status != 503 || r.errorCode() != "unavailable" {
		t.Fatalf("readyz with a closed store = %v", r)
	}
}
