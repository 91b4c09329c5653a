package bench

import (
	"context"
	"fmt"
	"io"
	"runtime/pprof"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// ingestBulk ingests docs with the pipeline's bulk path (extraction on
// every core, group commit), as `claimgraph ingest` does.
func ingestBulk(ctx context.Context, sys *system, docs []gen.Document, log io.Writer) (Ingest, error) {
	i := 0
	next := func() (gen.Document, bool) {
		if i >= len(docs) {
			return gen.Document{}, false
		}
		i++
		return docs[i-1], true
	}
	return ingestStream(ctx, sys, next, len(docs), log, nil)
}

// streamChunk is how many documents ingestStream hands the pipeline at a
// time: the corpus is generated as it is ingested, so the benchmark holds
// one chunk of texts, not the corpus.
var streamChunk = 2048

// ingestStream ingests n documents taken from next, chunk by chunk.
// stretchProfile profiles the CPU from the first chunk boundary at which
// from documents are stored to the end of the bulk load.
type stretchProfile struct {
	w       io.Writer
	from    int
	running bool
	// heap, if set, receives a heap profile taken while the stretch's
	// first groups are in flight (planned, written, extracted), at the
	// first progress line past from; a profile after the bulk load sees
	// only what stays.
	heap     string
	heapDone bool
}

// inFlight writes the in-flight heap profile once done reaches from.
func (p *stretchProfile) inFlight(done int, log io.Writer) error {
	if p == nil || p.heap == "" || p.heapDone || done < p.from {
		return nil
	}
	p.heapDone = true
	if err := writeHeapProfile(p.heap); err != nil {
		return err
	}
	fmt.Fprintf(log, "  heap profile in flight at %d documents: %s\n", done, p.heap)
	return nil
}

// at starts the profile once done documents reach from.
func (p *stretchProfile) at(done int, log io.Writer) error {
	if p == nil || p.running || done < p.from {
		return nil
	}
	if err := pprof.StartCPUProfile(p.w); err != nil {
		return fmt.Errorf("stretch profile: %w", err)
	}
	p.running = true
	fmt.Fprintf(log, "  CPU profile from %d documents\n", done)
	return nil
}

// stop ends the profile if it runs.
func (p *stretchProfile) stop() {
	if p != nil && p.running {
		pprof.StopCPUProfile()
		p.running = false
	}
}

func ingestStream(ctx context.Context, sys *system, next func() (gen.Document, bool), n int, log io.Writer, prof *stretchProfile) (Ingest, error) {
	// PostgreSQL's estimate lags behind writes: count there.
	exact := sys.store.Backend() != cayleystore.BackendBolt
	q0, _, err := sys.store.Size(ctx, exact)
	if err != nil {
		return Ingest{}, err
	}
	cpu0 := cpuTime()
	alloc0 := readGrowth(sys).allocs
	start := time.Now()
	last := start
	// The last progress line: documents, time and CPU, so that each line
	// also gives the stretch since the previous one (the CPU time, unlike
	// the rate, barely moves when other work shares the machine).
	lastDocs, lastCPU := 0, cpu0
	lastGrowth := readGrowth(sys)
	var total ingest.Summary
	items := make([]ingest.Item, 0, min(n, streamChunk))
	defer prof.stop()
	for done := 0; done < n; {
		if err := prof.at(done, log); err != nil {
			return Ingest{}, err
		}
		items = items[:0]
		for len(items) < streamChunk && done+len(items) < n {
			d, ok := next()
			if !ok {
				break
			}
			items = append(items, ingest.Item{Path: d.File, Input: d.Input})
		}
		if len(items) == 0 {
			break
		}
		s, err := sys.pipeline.IngestItems(ctx, items, func(d, t int, s *ingest.Summary) {
			if time.Since(last) >= 5*time.Second || done+d == n {
				now, cpu := time.Now(), cpuTime()
				el := now.Sub(start).Seconds()
				if k := done + d - lastDocs; k > 0 {
					fmt.Fprintf(log, "  %d/%d documents, %.0f/s; since the last line %.0f/s, %.1f ms CPU per document\n", done+d, n,
						float64(done+d)/el, float64(k)/now.Sub(last).Seconds(), 1000*(cpu-lastCPU)/float64(k))
					gr := readGrowth(sys)
					fmt.Fprintf(log, "    %s\n", gr.since(lastGrowth, k))
					lastGrowth = gr
					if err := prof.inFlight(done+d, log); err != nil {
						fmt.Fprintf(log, "  %v\n", err)
					}
				}
				last, lastDocs, lastCPU = now, done+d, cpu
			}
		})
		if err != nil {
			return Ingest{}, fmt.Errorf("bulk ingest: %w", err)
		}
		done += len(items)
		total.Created += s.Created
		total.Failed += s.Failed
		total.Claims += s.Claims
		total.Accounts += s.Accounts
		total.Commits += s.Commits
		total.Errors = append(total.Errors, s.Errors...)
	}
	prof.stop()
	el := time.Since(start).Seconds()
	cpu := cpuTime() - cpu0
	alloc := readGrowth(sys).allocs - alloc0
	q1, _, err := sys.store.Size(ctx, exact)
	if err != nil {
		return Ingest{}, err
	}
	s := &total
	out := Ingest{Documents: n, Created: s.Created, Failed: s.Failed, Claims: s.Claims, Accounts: s.Accounts,
		Commits: s.Commits, Seconds: el, CPUSeconds: cpu, AllocBytes: int64(alloc), Quads: q1 - q0}
	if s.Failed > 0 {
		return out, fmt.Errorf("bulk ingest: %d of %d documents failed; first: %v", s.Failed, n, s.Errors[0])
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
