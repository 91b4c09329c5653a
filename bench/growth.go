package bench

import (
	"context"
	"fmt"
	"runtime/metrics"
	"sync/atomic"
	"syscall"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/xref"
	"github.com/google/uuid"
)

// What grows with the store, counted for the bulk load's progress lines:
// the neighbourhood each document's cross-referencing reads, the
// collector's cycles and live heap, page faults and bolt's write work.
// Each line gives them per document over the stretch since the line
// before, so a large store's stretch can be set against a small one's.

// planCounts counts what planning read through its view of the store.
type planCounts struct {
	plans         atomic.Int64
	candidates    atomic.Int64 // accounts returned by AccountsByKey
	events        atomic.Int64 // EventAccounts calls
	eventAccounts atomic.Int64 // accounts they returned
	claims        atomic.Int64 // claims returned by Claims
	entities      atomic.Int64 // entities returned by Entities
	judgements    atomic.Int64 // JudgementsFor calls
}

// countingPlanner plans with the engine through a view that counts.
type countingPlanner struct {
	e *xref.Engine
	s xref.Store
	c *planCounts
}

func (p countingPlanner) Plan(ctx context.Context, x *graph.Extraction) (*graph.Batch, error) {
	return p.PlanOver(ctx, p.s, x)
}

func (p countingPlanner) PlanOver(ctx context.Context, view xref.Store, x *graph.Extraction) (*graph.Batch, error) {
	p.c.plans.Add(1)
	return p.e.PlanOver(ctx, countingView{view, p.c}, x)
}

// countingView is an xref.Store that counts what is read through it.
type countingView struct {
	xref.Store
	c *planCounts
}

func (v countingView) AccountsByKey(ctx context.Context, keys []string) ([]graph.Account, error) {
	as, err := v.Store.AccountsByKey(ctx, keys)
	v.c.candidates.Add(int64(len(as)))
	return as, err
}

func (v countingView) EventAccounts(ctx context.Context, id uuid.UUID) ([]graph.Account, error) {
	as, err := v.Store.EventAccounts(ctx, id)
	v.c.events.Add(1)
	v.c.eventAccounts.Add(int64(len(as)))
	return as, err
}

func (v countingView) Claims(ctx context.Context, ids []uuid.UUID) ([]graph.Claim, error) {
	cs, err := v.Store.Claims(ctx, ids)
	v.c.claims.Add(int64(len(cs)))
	return cs, err
}

func (v countingView) Entities(ctx context.Context, ids []uuid.UUID) ([]graph.Entity, error) {
	es, err := v.Store.Entities(ctx, ids)
	v.c.entities.Add(int64(len(es)))
	return es, err
}

func (v countingView) JudgementsFor(ctx context.Context, target uuid.UUID) ([]graph.Judgement, error) {
	v.c.judgements.Add(1)
	return v.Store.JudgementsFor(ctx, target)
}

// growth is one reading of the counters.
type growth struct {
	plans, candidates, events, eventAccounts, claims, entities, judgements int64
	gcs, liveHeap, allocs                                                  uint64
	minflt, majflt                                                         int64
	pages, nodes, writes                                                   int64
}

var growthMetrics = []string{"/gc/cycles/total:gc-cycles", "/gc/heap/live:bytes", "/gc/heap/allocs:bytes"}

func readGrowth(sys *system) growth {
	var g growth
	if c := sys.plans; c != nil {
		g.plans, g.candidates, g.events = c.plans.Load(), c.candidates.Load(), c.events.Load()
		g.eventAccounts, g.claims, g.entities, g.judgements = c.eventAccounts.Load(), c.claims.Load(), c.entities.Load(), c.judgements.Load()
	}
	ms := make([]metrics.Sample, len(growthMetrics))
	for i, n := range growthMetrics {
		ms[i].Name = n
	}
	metrics.Read(ms)
	if ms[0].Value.Kind() == metrics.KindUint64 {
		g.gcs = ms[0].Value.Uint64()
	}
	if ms[1].Value.Kind() == metrics.KindUint64 {
		g.liveHeap = ms[1].Value.Uint64()
	}
	if ms[2].Value.Kind() == metrics.KindUint64 {
		g.allocs = ms[2].Value.Uint64()
	}
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		g.minflt, g.majflt = int64(ru.Minflt), int64(ru.Majflt)
	}
	ws := sys.store.WriteStats()
	g.pages, g.nodes, g.writes = ws.Pages, ws.Nodes, ws.Writes
	return g
}

// since describes the stretch from a to g, over k documents.
func (g growth) since(a growth, k int) string {
	per := func(x, y int64) float64 { return float64(x-y) / float64(k) }
	plans := g.plans - a.plans
	perPlan := func(x, y int64) float64 {
		if plans == 0 {
			return 0
		}
		return float64(x-y) / float64(plans)
	}
	return fmt.Sprintf("live heap %d MB, %.2f MB allocated per document, %.1f GCs per 1,000; faults per document %.0f minor, %.1f major; "+
		"bolt per document %.0f pages allocated, %.0f nodes, %.0f page writes; "+
		"per plan %.1f candidates, %.1f events (%.1f accounts), %.1f claims, %.1f entities, %.1f judgement reads",
		g.liveHeap>>20, float64(g.allocs-a.allocs)/1e6/float64(k), 1000*float64(g.gcs-a.gcs)/float64(k), per(g.minflt, a.minflt), per(g.majflt, a.majflt),
		per(g.pages, a.pages), per(g.nodes, a.nodes), per(g.writes, a.writes),
		perPlan(g.candidates, a.candidates), perPlan(g.events, a.events), perPlan(g.eventAccounts, a.eventAccounts),
		perPlan(g.claims, a.claims), perPlan(g.entities, a.entities), perPlan(g.judgements, a.judgements))
}
