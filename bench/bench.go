package bench

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/claimgraph/claimgraph/api"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/claimgraph/claimgraph/graph/ingest"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
)

// Config says what to measure.
type Config struct {
	// Docs is the corpus size ingested in bulk.
	Docs int
	// Seed makes the corpus and the sample of ids.
	Seed uint64
	// DB is the store: a bolt directory, "memory:" or a postgres:// URL.
	// "" means a bolt store in a fresh temporary directory, removed after.
	DB string
	// Clients is the number of concurrent HTTP clients; 0 means 4.
	Clients int
	// Requests is the number of requests per endpoint over HTTP, and of
	// calls per baseline; 0 means 400.
	Requests int
	// Extra is the number of documents ingested one by one after the bulk
	// load, to time cross-referencing a new document at this size; 0
	// means 50.
	Extra int
	// GroupSize is the most documents per group commit in the bulk load;
	// 0 means ingest.DefaultGroupSize, 1 one transaction per document.
	GroupSize int
	// SoleWriter opens a PostgreSQL store as its only writer, with the
	// read cache on (cayleystore.Options.SoleWriter).
	SoleWriter bool
	// NoBloom opens a bolt store without cayley's bloom filters
	// (cayleystore.Options.NoBloom): less memory, slower writes.
	NoBloom bool
	// CacheBytes and MappedBytes are the store's read-cache and
	// mapped-page bounds (cayleystore.Options); 0 means the defaults.
	CacheBytes, MappedBytes int64
	// HeapProfile, if set, is where a heap profile is written after the
	// HTTP measurements, while the store is open (and HeapProfile.ingest
	// after the bulk load; with StretchProfile, HeapProfile.inflight at
	// the stretch's first progress line, groups in flight).
	HeapProfile string
	// StretchProfile, if set, receives a CPU profile of the bulk load's
	// last stretch: from when StretchFrom documents are stored to the end
	// of the bulk load (what a whole-run profile cannot tell apart: where
	// the time goes once the store is large).
	StretchProfile io.Writer
	// StretchFrom is the number of documents stored when StretchProfile
	// starts (at the first chunk boundary past it).
	StretchFrom int
	// Log receives progress lines; nil means none.
	Log io.Writer
}

// stretch is the bulk load's stretch profile, or nil.
func (c *Config) stretch() *stretchProfile {
	if c.StretchProfile == nil {
		return nil
	}
	p := &stretchProfile{w: c.StretchProfile, from: c.StretchFrom}
	if c.HeapProfile != "" {
		p.heap = c.HeapProfile + ".inflight"
	}
	return p
}

func (c *Config) defaults() {
	if c.Clients <= 0 {
		c.Clients = 4
	}
	if c.Requests <= 0 {
		c.Requests = 400
	}
	if c.Extra <= 0 {
		c.Extra = 50
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
}

// Report is everything Run measured.
type Report struct {
	Docs       int    `json:"docs"`
	Seed       uint64 `json:"seed"`
	Backend    string `json:"backend"`
	SoleWriter bool   `json:"sole_writer,omitempty"`
	NoBloom    bool   `json:"no_bloom,omitempty"`
	Clients    int    `json:"clients"`
	Requests   int    `json:"requests_per_endpoint"`
	GoMaxProcs int    `json:"gomaxprocs"`
	Ingest     Ingest `json:"ingest"`
	// Xref is the cost of ingesting one more document (extraction,
	// cross-referencing and commit) once Docs are stored.
	Xref Latency `json:"xref_per_document"`
	// Events are the events the bulk load resolved, against the
	// generator's.
	Events    Events     `json:"events"`
	Endpoints []Endpoint `json:"endpoints"`
	// PeakRSSBytes is the process's peak resident set (VmHWM) after the
	// ingest and the HTTP measurements, before the baselines are built.
	PeakRSSBytes int64 `json:"peak_rss_bytes"`
	// RSSAnonBytes and RSSFileBytes split the resident set at the same
	// moment: the process's own memory (Go heap, cayley's bloom filters)
	// and file pages mapped in (bolt's memory-mapped store, which the
	// kernel reclaims under pressure).
	RSSAnonBytes int64 `json:"rss_anon_bytes"`
	RSSFileBytes int64 `json:"rss_file_bytes"`
	// Cache is the store's read cache after the HTTP measurements.
	Cache cayleystore.CacheStats `json:"cache"`
	// StoreBytes is the size of the store on disk (bolt), or the
	// database's size (PostgreSQL); 0 for memory.
	StoreBytes int64 `json:"store_bytes"`
	Quads      int64 `json:"quads"`
}

// Ingest is the bulk load's throughput.
type Ingest struct {
	Documents int `json:"documents"`
	Created   int `json:"created"`
	Failed    int `json:"failed"`
	Claims    int `json:"claims"`
	Accounts  int `json:"accounts"`
	Events    int `json:"events"`
	// Commits is the number of transactions: one per group commit.
	Commits int     `json:"commits"`
	Seconds float64 `json:"seconds"`
	// CPUSeconds is the process's CPU time (user and system) during the
	// ingest, which a busy machine inflates less than wall time.
	CPUSeconds float64 `json:"cpu_seconds"`
	// AllocBytes is what the Go heap allocated during the ingest, the
	// whole process's (the collector's work follows it).
	AllocBytes int64 `json:"alloc_bytes"`
	// PeakRSSBytes is the process's peak resident set right after the
	// bulk load.
	PeakRSSBytes int64   `json:"peak_rss_bytes"`
	DocsPerSec   float64 `json:"docs_per_sec"`
	Quads        int64   `json:"quads"`
	QuadsPerSec  float64 `json:"quads_per_sec"`
}

// Endpoint is one traversal's latencies and its baselines.
type Endpoint struct {
	Name      string  `json:"name"`
	Path      string  `json:"path"` // with {id} for the sampled id
	Skipped   string  `json:"skipped,omitempty"`
	HTTP      Latency `json:"http"`       // loopback, Clients concurrent clients
	InProcess Latency `json:"in_process"` // the handler called directly, one at a time
	Gizmo     Latency `json:"gizmo"`      // cayley's query engine, one at a time
	Floor     Latency `json:"floor"`      // plain maps, one at a time
	// GizmoRatio is Gizmo p50 / InProcess p50: how many times faster the
	// API answers than Gizmo fetches. FloorRatio is InProcess p50 / Floor
	// p50: how far the API is from the floor.
	GizmoRatio float64 `json:"gizmo_ratio"`
	FloorRatio float64 `json:"floor_ratio"`
	Bytes      int     `json:"mean_response_bytes"`
}

// Latency is a distribution of durations, in milliseconds.
type Latency struct {
	N    int     `json:"n"`
	P50  float64 `json:"p50_ms"`
	P99  float64 `json:"p99_ms"`
	Mean float64 `json:"mean_ms"`
	Max  float64 `json:"max_ms"`
}

// system is claimgraph wired as `claimgraph serve` wires it.
type system struct {
	store    *cayleystore.Store
	gaz      *gazetteer.Gazetteer
	xref     *xref.Engine
	pipeline *ingest.Pipeline
	handler  http.Handler
	plans    *planCounts // what planning read, for the progress lines
}

func open(ctx context.Context, dsn string, opt ...cayleystore.Options) (*system, error) {
	var o cayleystore.Options
	if len(opt) > 0 {
		o = opt[0]
	}
	st, err := cayleystore.OpenWith(ctx, dsn, o)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", dsn, err)
	}
	g := gazetteer.Default()
	s := &system{store: st, gaz: g, xref: xref.New(st, g), plans: &planCounts{}}
	s.pipeline = &ingest.Pipeline{Extractor: extract.New(g), Planner: countingPlanner{s.xref, st, s.plans}, Store: st, Index: g.Keys,
		Groups: ingest.GroupsOf(st.Group)}
	ents := g.Entities()
	for i := range ents {
		ents[i].Keys = g.Keys(&ents[i])
	}
	if err := st.Commit(ctx, &graph.Batch{Entities: ents, Label: "gazetteer"}); err != nil {
		st.Close()
		return nil, fmt.Errorf("seed gazetteer: %w", err)
	}
	if _, err := s.xref.EnsureKeyFormat(ctx, st); err != nil {
		st.Close()
		return nil, err
	}
	srv := api.New(api.Config{}, api.Deps{Store: st, Ingester: s.pipeline, Match: gazetteer.Search{}, Xref: s.xref,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	s.handler = srv.Handler()
	return s, nil
}

// Run generates Docs documents, ingests them into cfg.DB and measures.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	cfg.defaults()
	if cfg.Docs < 1 {
		return nil, graph.Errorf(graph.EINVALID, "bench needs at least one document")
	}
	dsn := cfg.DB
	if dsn == "" {
		dir, err := os.MkdirTemp("", "claimgraph-bench-")
		if err != nil {
			return nil, fmt.Errorf("bench store: %w", err)
		}
		defer os.RemoveAll(dir)
		dsn = filepath.Join(dir, "db")
	}
	sys, err := open(ctx, dsn, cayleystore.Options{SoleWriter: cfg.SoleWriter, NoBloom: cfg.NoBloom, CacheBytes: cfg.CacheBytes, MappedBytes: cfg.MappedBytes})
	if err != nil {
		return nil, err
	}
	defer sys.store.Close()
	sys.pipeline.GroupSize = cfg.GroupSize
	rep := &Report{Docs: cfg.Docs, Seed: cfg.Seed, Backend: sys.store.Backend(), SoleWriter: cfg.SoleWriter, NoBloom: cfg.NoBloom, Clients: cfg.Clients,
		Requests: cfg.Requests, GoMaxProcs: runtime.GOMAXPROCS(0)}

	// The corpus: Docs for the bulk load, then Extra more to time one by
	// one, generated as they are ingested.
	g, err := gen.New(gen.Options{Docs: cfg.Docs + cfg.Extra, Seed: cfg.Seed})
	if err != nil {
		return nil, err
	}
	bulk := make([]uuid.UUID, 0, cfg.Docs)
	truth := make(map[uuid.UUID]int, cfg.Docs) // document -> generated event
	next := func() (gen.Document, bool) {
		d, ok := g.Next()
		if ok {
			id := graph.DocumentID(graph.NormaliseText(d.Input.Text))
			bulk = append(bulk, id)
			truth[id] = d.Event
		}
		return d, ok
	}
	fmt.Fprintf(cfg.Log, "ingesting %d documents into %s\n", cfg.Docs, rep.Backend)
	if rep.Ingest, err = ingestStream(ctx, sys, next, cfg.Docs, cfg.Log, cfg.stretch()); err != nil {
		return nil, err
	}
	rep.Ingest.PeakRSSBytes = procStatus("VmHWM:")
	if cfg.HeapProfile != "" {
		if err := writeHeapProfile(cfg.HeapProfile + ".ingest"); err != nil {
			return nil, err
		}
	}
	fmt.Fprintf(cfg.Log, "after the bulk load: peak RSS %d MiB, own %d MiB, mapped %d MiB\n",
		rep.Ingest.PeakRSSBytes>>20, procStatus("RssAnon:")>>20, procStatus("RssFile:")>>20)
	if rep.Events, err = eventStats(ctx, sys, truth, g.Events()); err != nil {
		return nil, err
	}
	extra := make([]gen.Document, 0, cfg.Extra)
	for d, ok := g.Next(); ok; d, ok = g.Next() {
		extra = append(extra, d)
	}
	if rep.Xref, err = ingestOneByOne(ctx, sys, extra); err != nil {
		return nil, err
	}
	fmt.Fprintf(cfg.Log, "ingest: %.0f docs/s, %.0f quads/s; one more document: p50 %.1f ms\n",
		rep.Ingest.DocsPerSec, rep.Ingest.QuadsPerSec, rep.Xref.P50)

	smp, err := sample(ctx, sys, bulk, newRand(cfg.Seed), 64)
	if err != nil {
		return nil, err
	}
	eps := endpoints(smp)

	// HTTP over loopback, then the handler in process.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{Handler: sys.handler, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	defer hs.Close()
	base := "http://" + ln.Addr().String()
	for i := range eps {
		ep := &eps[i]
		if err := probe(ctx, base, ep); err != nil {
			return nil, err
		}
		if ep.out.Skipped != "" {
			fmt.Fprintf(cfg.Log, "%s: skipped: %s\n", ep.out.Name, ep.out.Skipped)
			continue
		}
		if ep.out.HTTP, ep.out.Bytes, err = overHTTP(ctx, base, ep, cfg.Clients, cfg.Requests); err != nil {
			return nil, err
		}
		if ep.out.InProcess, err = inProcess(ctx, sys.handler, ep, cfg.Requests); err != nil {
			return nil, err
		}
		fmt.Fprintf(cfg.Log, "%s: http p50 %.2f ms p99 %.2f ms\n", ep.out.Name, ep.out.HTTP.P50, ep.out.HTTP.P99)
	}
	rep.PeakRSSBytes = procStatus("VmHWM:")
	rep.RSSAnonBytes, rep.RSSFileBytes = procStatus("RssAnon:"), procStatus("RssFile:")
	rep.Cache = sys.store.CacheStats()
	if cfg.HeapProfile != "" {
		if err := writeHeapProfile(cfg.HeapProfile); err != nil {
			return nil, err
		}
	}
	if rep.StoreBytes, err = storeBytes(ctx, dsn, rep.Backend); err != nil {
		return nil, err
	}
	if rep.Quads, _, err = sys.store.Size(ctx, rep.Backend != cayleystore.BackendBolt); err != nil {
		return nil, err
	}

	// Baselines over the same store and samples: the same handlers over
	// Gizmo and over the floor, checked to answer alike before and after
	// they are timed.
	bl, err := newBaselines(ctx, sys, eps)
	if err != nil {
		return nil, err
	}
	for i := range eps {
		ep := &eps[i]
		if ep.out.Skipped != "" {
			continue
		}
		if err := bl.alike(ctx, sys, ep); err != nil {
			return nil, fmt.Errorf("%s: %w", ep.out.Name, err)
		}
		samples := len(ep.urls)
		if ep.out.Gizmo, err = inProcess(ctx, bl.gizmo, ep, max(samples, min(cfg.Requests, maxGizmoRuns))); err != nil {
			return nil, fmt.Errorf("%s gizmo baseline: %w", ep.out.Name, err)
		}
		if ep.out.Floor, err = inProcess(ctx, bl.floor, ep, cfg.Requests); err != nil {
			return nil, fmt.Errorf("%s floor baseline: %w", ep.out.Name, err)
		}
		if err := bl.alike(ctx, sys, ep); err != nil {
			return nil, fmt.Errorf("%s, after timing: %w", ep.out.Name, err)
		}
		if ep.out.InProcess.P50 > 0 {
			ep.out.GizmoRatio = ep.out.Gizmo.P50 / ep.out.InProcess.P50
		}
		if ep.out.Floor.P50 > 0 {
			ep.out.FloorRatio = ep.out.InProcess.P50 / ep.out.Floor.P50
		}
	}
	for _, ep := range eps {
		rep.Endpoints = append(rep.Endpoints, ep.out)
	}
	return rep, nil
}

// storeBytes is the size of the store: the bolt file, or the PostgreSQL
// database.
func storeBytes(ctx context.Context, dsn, backend string) (int64, error) {
	switch backend {
	case cayleystore.BackendBolt:
		var n int64
		err := filepath.WalkDir(dsn, func(p string, d os.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() {
				if info, err := d.Info(); err == nil {
					n += info.Size()
				}
			}
			return nil
		})
		if err != nil {
			return 0, fmt.Errorf("size of %s: %w", dsn, err)
		}
		return n, nil
	case cayleystore.BackendPostgres:
		return postgresSize(ctx, dsn)
	}
	return 0, nil
}

// procStatus reads a size field ("VmHWM:") of /proc/self/status, in
// bytes; 0 where there is no /proc.
func procStatus(field string) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, field); ok {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(rest), "%d", &kb)
			return kb * 1024
		}
	}
	return 0
}

// newRand is the generator of the sampled ids.
func newRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x62656e6368)) }

// writeHeapProfile writes the live heap (after a collection) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}
