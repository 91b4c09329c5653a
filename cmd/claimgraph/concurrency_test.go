package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/tests/docgen"
)

// stamps matches the times records carry (a document's ingestion, a
// computed link's creation): the one thing that may differ between two
// ingestions of the same documents.
var stamps = regexp.MustCompile(`\\"(ingested_at|created_at)\\":\\"[^\\]*\\"`)

func graphWithoutTimes(t *testing.T, app *App) []byte {
	t.Helper()
	return stamps.ReplaceAll(dumpOf(t, app.Store), []byte(`\"$1\":\"\"`))
}

// TestConcurrentWritersGiveTheSequentialGraph posts documents from many
// writers at once, each document by two of them, while readers read,
// against one server; the graph must be the one the same documents give
// ingested one by one, and each document stored once.
func TestConcurrentWritersGiveTheSequentialGraph(t *testing.T) {
	const writers, readers, ndocs = 8, 8, 40
	docs := docgen.Generate(ndocs, 11)
	ctx := context.Background()

	app, err := OpenApp(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer app.Close()
	auth, err := api.NewAuth([]api.Token{{Name: "w", Role: api.RoleWrite, Secret: testWriteToken}})
	if err != nil {
		t.Fatal(err)
	}
	srv := api.New(api.Config{Auth: auth}, api.Deps{Store: app.Store, Ingester: app.Pipeline, Match: gazetteer.Search{},
		Xref: app.Xref, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()

	// Each document goes to two writers, in different orders.
	jobs := make([][]docgen.Doc, writers)
	for i, d := range docs {
		jobs[i%writers] = append(jobs[i%writers], d)
		jobs[(i*3+1)%writers] = append([]docgen.Doc{d}, jobs[(i*3+1)%writers]...)
	}
	var (
		mu      sync.Mutex
		created = map[string]int{}
		errs    []string
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		errs = append(errs, fmt.Sprintf(format, args...))
		mu.Unlock()
	}
	done := make(chan struct{})
	var rw sync.WaitGroup
	for r := range readers {
		rw.Add(1)
		go func() {
			defer rw.Done()
			paths := []string{"/v1/documents?limit=500", "/v1/events", "/v1/entities?q=Aleppo", "/v1/conflicts", "/v1/graph?max_nodes=200", "/readyz"}
			for i := 0; ; i++ {
				select {
				case <-done:
					return
				default:
				}
				p := paths[(r+i)%len(paths)]
				res, err := http.Get(ts.URL + p)
				if err != nil {
					fail("GET %s: %v", p, err)
					return
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				// The graph export answers 404 while the store holds nothing to export.
				if res.StatusCode != 200 && !(res.StatusCode == 404 && strings.HasPrefix(p, "/v1/graph")) {
					fail("GET %s = %d", p, res.StatusCode)
				}
			}
		}()
	}
	var ww sync.WaitGroup
	for w := range writers {
		ww.Add(1)
		go func() {
			defer ww.Done()
			for _, d := range jobs[w] {
				req, _ := http.NewRequest("POST", ts.URL+"/v1/documents?file="+d.Name, strings.NewReader(d.Text))
				req.Header.Set("Content-Type", "text/plain")
				req.Header.Set("Authorization", "Bearer "+testWriteToken)
				res, err := http.DefaultClient.Do(req)
				if err != nil {
					fail("POST %s: %v", d.Name, err)
					continue
				}
				var body struct {
					Document graph.Document `json:"document"`
					Created  bool           `json:"created"`
				}
				err = json.NewDecoder(res.Body).Decode(&body)
				res.Body.Close()
				if err != nil || (res.StatusCode != 201 && res.StatusCode != 200) || body.Created != (res.StatusCode == 201) {
					fail("POST %s = %d (%v)", d.Name, res.StatusCode, err)
					continue
				}
				if body.Created {
					mu.Lock()
					created[d.Name]++
					mu.Unlock()
				}
			}
		}()
	}
	ww.Wait()
	close(done)
	rw.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d failed requests, first: %s", len(errs), errs[0])
	}
	for _, d := range docs {
		if created[d.Name] != 1 {
			t.Fatalf("%s was created %d times, want once", d.Name, created[d.Name])
		}
	}
	if n := len(allDocuments(t, app.Store)); n != ndocs {
		t.Fatalf("%d documents stored, want %d", n, ndocs)
	}

	seq, err := OpenApp(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer seq.Close()
	for _, d := range docs {
		if _, err := seq.Pipeline.Ingest(ctx, graph.DocumentInput{Text: d.Text, File: d.Name}); err != nil {
			t.Fatal(err)
		}
	}
	// The same documents, claims, accounts and entities, as they stand.
	seqNodes := nodes(dumpOf(t, seq.Store))
	if n := strings.Count(string(seqNodes), "<cg:Document>"); n != ndocs {
		t.Fatalf("%d document nodes, want %d", n, ndocs)
	}
	sameGraph(t, "nodes of concurrent against one-by-one ingestion", seqNodes, nodes(dumpOf(t, app.Store)))

	// Which event an account joins on ingestion depends on what was
	// stored before it, and a record shared by documents is labelled by
	// the first to write it: so the two graphs are compared after a
	// from-scratch cross-reference of each, as triples.
	rebuild(t, app)
	rebuild(t, seq)
	sameGraph(t, "concurrent against one-by-one ingestion", triples(graphWithoutTimes(t, seq)), triples(graphWithoutTimes(t, app)))
}

// rebuild cross-references a whole store again from scratch.
func rebuild(t *testing.T, app *App) {
	t.Helper()
	b, _, err := app.Xref.RebuildStore(context.Background(), app.Store)
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Store.Commit(context.Background(), b); err != nil {
		t.Fatal(err)
	}
}

// label matches the label of an N-Quads line.
var label = regexp.MustCompile(` <cg:[^ >]*> \.$`)

// triples drops the labels of a dump, keeping each triple once.
func triples(dump []byte) []byte {
	seen := map[string]bool{}
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(string(dump)), "\n") {
		l = label.ReplaceAllString(l, " .")
		if !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, "\n"))
}

// nodes keeps the type triples of documents, claims, accounts and
// entities: the nodes that do not depend on the order of ingestion.
func nodes(dump []byte) []byte {
	var out []string
	for _, l := range strings.Split(string(triples(dump)), "\n") {
		if strings.Contains(l, "> <cg:type> <cg:") && !strings.HasPrefix(l, "<cg:event/") && !strings.HasPrefix(l, "<cg:link/") {
			out = append(out, l)
		}
	}
	return []byte(strings.Join(out, "\n"))
}
