package bench

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// A small run end to end on bolt: every figure is there and sane, and
// every traversal answered over HTTP, in process and in both baselines.
func TestRunSmall(t *testing.T) {
	rep, err := Run(context.Background(), Config{Docs: 60, Seed: 2, DB: filepath.Join(t.TempDir(), "db"), Requests: 20, Extra: 5, Clients: 2})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Ingest.Created != 60 || rep.Ingest.DocsPerSec <= 0 || rep.Ingest.Quads <= 0 {
		t.Errorf("ingest = %+v", rep.Ingest)
	}
	if rep.Xref.N != 5 || rep.StoreBytes <= 0 || rep.Quads < rep.Ingest.Quads {
		t.Errorf("xref = %+v, store %d bytes, %d quads", rep.Xref, rep.StoreBytes, rep.Quads)
	}
	if len(rep.Endpoints) != 5 {
		t.Fatalf("%d endpoints", len(rep.Endpoints))
	}
	for _, e := range rep.Endpoints {
		if e.Skipped != "" {
			continue
		}
		if e.HTTP.N != 20 || e.InProcess.N != 20 || e.Gizmo.N == 0 || e.Floor.N != 20 || e.Bytes == 0 {
			t.Errorf("%s: %+v", e.Name, e)
		}
		if e.HTTP.P50 > e.HTTP.P99 || e.GizmoRatio <= 0 || e.FloorRatio <= 0 {
			t.Errorf("%s: percentiles or ratios out of order: %+v", e.Name, e)
		}
	}
}

// The baselines answer every sample request as the API does, and the
// check says so when one does not.
func TestBaselinesAnswerAlike(t *testing.T) {
	ctx := context.Background()
	sys, err := open(ctx, filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sys.store.Close()
	docs, _, err := gen.All(gen.Options{Docs: 40, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ingestBulk(ctx, sys, docs, io.Discard); err != nil {
		t.Fatal(err)
	}
	smp, err := sample(ctx, sys, docIDs(docs), newRand(3), 8)
	if err != nil {
		t.Fatal(err)
	}
	eps := endpoints(smp)
	bl, err := newBaselines(ctx, sys, eps)
	if err != nil {
		t.Fatal(err)
	}
	for i := range eps {
		if err := bl.alike(ctx, sys, &eps[i]); err != nil {
			t.Errorf("%s: %v", eps[i].kind, err)
		}
	}
	// Spoil the floor's copy of one event: the conflicts check must notice.
	ev := smp.events[0]
	k := key("Event", []uuid.UUID{ev})
	e := bl.fs.m[k]
	spoilt := *e.v.(*graph.Event)
	spoilt.Title += " (spoilt)"
	e.v = &spoilt
	bl.fs.m[k] = e
	if err := bl.alike(ctx, sys, &eps[1]); err == nil || !strings.Contains(err.Error(), "floor baseline") {
		t.Errorf("a spoilt floor passed the check: %v", err)
	}
}

// An interrupted bulk ingest, run again, completes without duplicates:
// the store ends as a single uninterrupted run leaves it.
func TestInterruptedIngestResumes(t *testing.T) {
	docs, _, err := gen.All(gen.Options{Docs: 40, Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	items := make([]ingest.Item, len(docs))
	for i, d := range docs {
		items[i] = ingest.Item{Path: d.File, Input: d.Input}
	}
	ctx := context.Background()
	// Uninterrupted.
	ref, err := open(ctx, filepath.Join(t.TempDir(), "ref"))
	if err != nil {
		t.Fatal(err)
	}
	defer ref.store.Close()
	if _, err := ref.pipeline.IngestItems(ctx, items, nil); err != nil {
		t.Fatal(err)
	}
	want, _, _ := ref.store.Size(ctx, true)

	// Interrupted after 15 documents (as SIGINT cancels the context), then
	// run again on the reopened store. Groups of at most 4 documents: the
	// group being written when the interrupt comes ends, and nothing after
	// it is planned, so at most 19 are stored whatever extraction has read
	// ahead.
	dir := filepath.Join(t.TempDir(), "db")
	sys, err := open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	sys.pipeline.GroupSize = 4
	cctx, cancel := context.WithCancel(ctx)
	s, err := sys.pipeline.IngestItems(cctx, items, func(done, total int, s *ingest.Summary) {
		if done == 15 {
			cancel()
		}
	})
	if err == nil || s.Created >= len(items) || s.Created > 15+4 {
		t.Fatalf("the interrupted run stored %d of %d documents, err %v", s.Created, len(items), err)
	}
	first := s.Created
	sys.store.Close()
	sys, err = open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer sys.store.Close()
	s, err = sys.pipeline.IngestItems(ctx, items, nil)
	if err != nil {
		t.Fatal(err)
	}
	if s.Created+s.Existing != len(items) || s.Existing < first || s.Failed != 0 {
		t.Errorf("the second run: %d new, %d existing, %d failed; the first stored %d", s.Created, s.Existing, s.Failed, first)
	}
	got, _, _ := sys.store.Size(ctx, true)
	if got != want {
		t.Errorf("resumed store has %d quads, an uninterrupted run %d", got, want)
	}
}

// benchDocs is the corpus size of the Go benchmarks: 1000, or
// CLAIMGRAPH_BENCH_DOCS (10000, 100000) for the large runs.
func benchDocs(b *testing.B) int {
	if v := os.Getenv("CLAIMGRAPH_BENCH_DOCS"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("CLAIMGRAPH_BENCH_DOCS=%q", v)
		}
		return n
	}
	return 1000
}

// benchGroup is the group size of BenchmarkIngest: CLAIMGRAPH_BENCH_GROUP,
// or ingest's default.
func benchGroup(b *testing.B) int {
	if v := os.Getenv("CLAIMGRAPH_BENCH_GROUP"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			b.Fatalf("CLAIMGRAPH_BENCH_GROUP=%q", v)
		}
		return n
	}
	return 0
}

// BenchmarkIngest times the bulk load of benchDocs documents into bolt
// per iteration; it reports documents/s and quads/s.
func BenchmarkIngest(b *testing.B) {
	n := benchDocs(b)
	docs, _, err := gen.All(gen.Options{Docs: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	var dps, qps, cpu, commits float64
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		sys, err := open(ctx, filepath.Join(b.TempDir(), strconv.Itoa(i)))
		if err != nil {
			b.Fatal(err)
		}
		sys.pipeline.GroupSize = benchGroup(b)
		b.StartTimer()
		in, err := ingestBulk(ctx, sys, docs, io.Discard)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		sys.store.Close()
		dps, qps = in.DocsPerSec, in.QuadsPerSec
		cpu, commits = in.CPUSeconds*1000/float64(in.Created), float64(in.Commits)
	}
	b.ReportMetric(dps, "docs/s")
	b.ReportMetric(qps, "quads/s")
	b.ReportMetric(cpu, "cpu-ms/doc")
	b.ReportMetric(commits, "commits")
}

// BenchmarkTraversals times each traversal in process, with its Gizmo and
// floor baselines, over a store of benchDocs documents.
func BenchmarkTraversals(b *testing.B) {
	n := benchDocs(b)
	ctx := context.Background()
	sys, err := open(ctx, filepath.Join(b.TempDir(), "db"))
	if err != nil {
		b.Fatal(err)
	}
	defer sys.store.Close()
	docs, _, err := gen.All(gen.Options{Docs: n, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	if _, err := ingestBulk(ctx, sys, docs, io.Discard); err != nil {
		b.Fatal(err)
	}
	smp, err := sample(ctx, sys, docIDs(docs), newRand(1), 32)
	if err != nil {
		b.Fatal(err)
	}
	eps := endpoints(smp)
	bl, err := newBaselines(ctx, sys, eps)
	if err != nil {
		b.Fatal(err)
	}
	for _, ep := range eps {
		ep := ep
		if err := bl.alike(ctx, sys, &ep); err != nil {
			b.Fatal(err)
		}
		for _, v := range []struct {
			name string
			h    http.Handler
		}{{"api", sys.handler}, {"gizmo", bl.gizmo}, {"floor", bl.floor}} {
			h := v.h
			b.Run(ep.kind+"/"+v.name, func(b *testing.B) {
				if _, err := inProcess(ctx, h, &ep, b.N); err != nil {
					b.Fatal(err)
				}
			})
		}
	}
}

func docIDs(docs []gen.Document) []uuid.UUID {
	out := make([]uuid.UUID, len(docs))
	for i, d := range docs {
		out[i] = graph.DocumentID(graph.NormaliseText(d.Input.Text))
	}
	return out
}

// The bulk load hands the pipeline one chunk at a time: every document
// of every chunk is stored once, and the summary adds the chunks up.
func TestIngestInChunks(t *testing.T) {
	defer func(n int) { streamChunk = n }(streamChunk)
	streamChunk = 25
	ctx := context.Background()
	sys, err := open(ctx, filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	defer sys.store.Close()
	docs, _, err := gen.All(gen.Options{Docs: 60, Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	in, err := ingestBulk(ctx, sys, docs, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if in.Created != 60 || in.Commits < 3 || in.Accounts == 0 {
		t.Fatalf("60 documents in chunks of 25: %+v", in)
	}
	for _, id := range docIDs(docs) {
		if ok, err := sys.store.HasDocument(ctx, id); err != nil || !ok {
			t.Fatalf("document %s not stored (%v)", id, err)
		}
	}
}
