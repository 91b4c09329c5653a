package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

const corpus = "../../examples/corpus"

// syncBuffer is a bytes.Buffer safe for the server's logger and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var addrRE = regexp.MustCompile(`"addr":"(http://[0-9.:]+)"`)

// serve runs `claimgraph serve args...` until the returned stop is called,
// and returns the server's base URL.
func serve(t *testing.T, args ...string) (base string, stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...), nil, &bytes.Buffer{}, &stderr)
	}()
	deadline := time.After(60 * time.Second)
	for base == "" {
		select {
		case err := <-done:
			cancel()
			t.Fatalf("serve exited: %v\n%s", err, stderr.String())
		case <-deadline:
			cancel()
			t.Fatalf("serve did not start:\n%s", stderr.String())
		case <-time.After(20 * time.Millisecond):
			if m := addrRE.FindStringSubmatch(stderr.String()); m != nil {
				base = m[1]
			}
		}
	}
	return base, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, stderr.String())
		}
	}
}

func countDocuments(t *testing.T, base string) int {
	t.Helper()
	res, err := http.Get(base + "/v1/documents?limit=500")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var page struct {
		Items []json.RawMessage `json:"items"`
	}
	if err := json.NewDecoder(res.Body).Decode(&page); err != nil {
		t.Fatal(err)
	}
	return len(page.Items)
}

func TestServeKeepsTheGraphAcrossRestarts(t *testing.T) {
	db := filepath.Join(t.TempDir(), "claimgraph.db")
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))

	base, stop := serve(t, "--db", db, "--load", corpus)
	if n := countDocuments(t, base); n != len(files) {
		t.Fatalf("serving %d documents, want %d", n, len(files))
	}
	stop()

	// Ingesting the corpus again adds nothing.
	var out, errb bytes.Buffer
	if err := Run(context.Background(), []string{"ingest", "--db", db, corpus}, nil, &out, &errb); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "0 new, "+itoa(len(files))+" already stored, 0 failed") {
		t.Fatalf("second ingest summary: %s", errb.String())
	}

	base, stop = serve(t, "--db", db)
	defer stop()
	if n := countDocuments(t, base); n != len(files) {
		t.Fatalf("after restart serving %d documents, want %d", n, len(files))
	}
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestUsageErrors(t *testing.T) {
	for _, args := range [][]string{nil, {"frobnicate"}, {"ingest"}, {"serve", "--no-such-flag"}, {"extract"}, {"extract", "--format", "xml", "x.txt"}} {
		err := Run(context.Background(), args, nil, &bytes.Buffer{}, &bytes.Buffer{})
		if exitCode(err) != 2 {
			t.Errorf("%v: err %v, exit code %d, want 2", args, err, exitCode(err))
		}
	}
	var out bytes.Buffer
	if err := Run(context.Background(), []string{"version"}, nil, &out, &bytes.Buffer{}); err != nil || !strings.HasPrefix(out.String(), "claimgraph ") {
		t.Fatalf("version: %v %q", err, out.String())
	}
}

func TestExtractPrintsJSON(t *testing.T) {
	var out, errb bytes.Buffer
	err := Run(context.Background(), []string{"extract", "--date", "2017-10-24", "--author", "news agency", filepath.Join(corpus, "wire-2017-10-24.txt")}, nil, &out, &errb)
	if err != nil {
		t.Fatalf("extract: %v %s", err, errb.String())
	}
	var x struct {
		Document struct {
			Date string `json:"date"`
		} `json:"document"`
		Claims []struct {
			Text   string `json:"text"`
			Values []struct {
				Bound string `json:"bound"`
			} `json:"values"`
		} `json:"claims"`
	}
	if err := json.Unmarshal(out.Bytes(), &x); err != nil {
		t.Fatal(err)
	}
	if x.Document.Date != "2017-10-24" || len(x.Claims) == 0 {
		t.Fatalf("extract output: %s", out.String()[:min(400, out.Len())])
	}
}

func TestExportWritesAFileToolsLoad(t *testing.T) {
	db := filepath.Join(t.TempDir(), "db")
	var errb bytes.Buffer
	if err := Run(context.Background(), []string{"ingest", "--db", db, corpus}, nil, &bytes.Buffer{}, &errb); err != nil {
		t.Fatalf("ingest: %v %s", err, errb.String())
	}
	out := filepath.Join(t.TempDir(), "graph.graphml")
	if err := Run(context.Background(), []string{"export", "--db", db, "--format", "graphml", "--max-nodes", "40", "-o", out}, nil, &bytes.Buffer{}, &errb); err != nil {
		t.Fatalf("export: %v %s", err, errb.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("export is not XML: %v", err)
	}
	if n := len(doc.Graph.Nodes); n == 0 || n > 40 {
		t.Fatalf("%d nodes, want 1..40 (the budget)", n)
	}
	if !strings.Contains(errb.String(), "budget") && !strings.Contains(errb.String(), "node") {
		t.Errorf("the cut by the budget is not reported: %q", errb.String())
	}
	// The edge budget: a small one keeps fewer edges than the default, and
	// says so.
	edges := func(args ...string) int {
		t.Helper()
		var o, e bytes.Buffer
		if err := Run(context.Background(), append([]string{"export", "--db", db, "--format", "cytoscape"}, args...), nil, &o, &e); err != nil {
			t.Fatalf("export %v: %v %s", args, err, e.String())
		}
		var g struct {
			Elements struct {
				Edges []json.RawMessage `json:"edges"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(o.Bytes(), &g); err != nil {
			t.Fatalf("export %v is not Cytoscape JSON: %v", args, err)
		}
		return len(g.Elements.Edges)
	}
	if all, few := edges(), edges("--max-edges", "10"); few != 10 || all <= few {
		t.Errorf("edges: %d by default, %d with --max-edges 10", all, few)
	}
	for _, args := range [][]string{{"export", "--db", db, "--focus", "not-a-uuid"}, {"export", "--db", db, "--format", "png"}, {"export", "--db", db, "--depth", "9"}, {"export", "--db", db, "--max-edges", "0x"}, {"export", "--db", db, "--max-edges", "50001"}} {
		if err := Run(context.Background(), args, nil, &bytes.Buffer{}, &bytes.Buffer{}); exitCode(err) != 2 {
			t.Errorf("%v: %v, want a usage error", args, err)
		}
	}
}
