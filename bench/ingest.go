package bench

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// ingestBulk ingests docs with the pipeline's bulk path (extraction on
// every core, one commit per document), as `claimgraph ingest` does.
func ingestBulk(ctx context.Context, sys *system, docs []gen.Document, log io.Writer) (Ingest, error) {
	items := make([]ingest.Item, len(docs))
	for i, d := range docs {
		items[i] = ingest.Item{Path: d.File, Input: d.Input}
	}
	// PostgreSQL's estimate lags behind writes: count there.
	exact := sys.store.Backend() != cayleystore.BackendBolt
	q0, _, err := sys.store.Size(ctx, exact)
	if err != nil {
		return Ingest{}, err
	}
	cpu0 := cpuTime()
	start := time.Now()
	last := start
	s, err := sys.pipeline.IngestItems(ctx, items, func(done, total int, s *ingest.Summary) {
		if time.Since(last) >= 5*time.Second || done == total {
			last = time.Now()
			el := time.Since(start).Seconds()
			fmt.Fprintf(log, "  %d/%d documents, %.0f/s\n", done, total, float64(done)/el)
		}
	})
	el := time.Since(start).Seconds()
	cpu := cpuTime() - cpu0
	if err != nil {
		return Ingest{}, fmt.Errorf("bulk ingest: %w", err)
	}
	q1, _, err := sys.store.Size(ctx, exact)
	if err != nil {
		return Ingest{}, err
	}
	out := Ingest{Documents: len(docs), Created: s.Created, Failed: s.Failed, Claims: s.Claims, Accounts: s.Accounts,
		Commits: s.Commits, Seconds: el, CPUSeconds: cpu, Quads: q1 - q0}
	if s.Failed > 0 {
		return out, fmt.Errorf("bulk ingest: %d of %d documents failed; first: %v", s.Failed, len(docs), s.Errors[0])
	}
	out.DocsPerSec = float64(s.Created) / el
	out.QuadsPerSec = float64(out.Quads) / el
	return out, nil
}

// ingestOneByOne times each document's ingestion (extraction,
// cross-referencing against everything stored, commit) on its own.
func ingestOneByOne(ctx context.Context, sys *system, docs []gen.Document) (Latency, error) {
	ds := make([]time.Duration, 0, len(docs))
	for _, d := range docs {
		start := time.Now()
		if _, err := sys.pipeline.Ingest(ctx, d.Input); err != nil {
			return Latency{}, fmt.Errorf("ingest %s: %w", d.File, err)
		}
		ds = append(ds, time.Since(start))
	}
	return summarise(ds), nil
}

// cpuTime is the process's user and system CPU time so far, in seconds.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}
