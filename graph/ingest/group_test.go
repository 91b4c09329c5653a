package ingest

import (
	"bytes"
	"context"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/gen"
	"github.com/claimgraph/claimgraph/graph/xref"
)

// countingExtractor counts extractions and spoils the documents whose
// text contains bad: their first entity loses its id, which Commit
// refuses.
type countingExtractor struct {
	Extractor
	n   atomic.Int64
	bad string
}

func (c *countingExtractor) Extract(in graph.DocumentInput) (*graph.Extraction, error) {
	x, err := c.Extractor.Extract(in)
	if err == nil && c.bad != "" && strings.Contains(in.Text, c.bad) && len(x.Entities) > 0 {
		x.Entities[0].ID = uuid.Nil
	}
	c.n.Add(1)
	return x, err
}

var fixedNow = func() time.Time { return time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC) }

// pipeline is a real pipeline over a fresh bolt store.
func pipeline(t *testing.T, bad string) (*Pipeline, *cayleystore.Store, *countingExtractor) {
	t.Helper()
	st, err := cayleystore.Open(t.Context(), filepath.Join(t.TempDir(), "db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	g := gazetteer.Default()
	engine := xref.New(st, g)
	engine.Now = fixedNow
	ex := &countingExtractor{Extractor: extract.New(g), bad: bad}
	return &Pipeline{Extractor: ex, Planner: engine, Store: st, Index: g.Keys, Now: fixedNow}, st, ex
}

func dump(t *testing.T, s *cayleystore.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if err := s.Dump(t.Context(), &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	slices.Sort(lines)
	return lines
}

// Bulk ingestion in groups stores exactly what ingesting the documents one
// by one, in the same order, stores; a document its group cannot commit
// fails alone, the others of its group are stored.
func TestGroupCommit(t *testing.T) {
	// One extraction worker: documents reach the committer in item order,
	// so both runs commit in the same order.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	docs, _, err := gen.All(gen.Options{Docs: 30, Seed: 5})
	if err != nil {
		t.Fatal(err)
	}
	items := make([]Item, len(docs))
	for i, d := range docs {
		items[i] = Item{Path: d.File, Input: d.Input}
	}
	// The whole text: a prefix may be shared by documents of one kind.
	bad := docs[12].Input.Text
	for _, c := range []struct {
		name      string
		spoil     string
		pipelined bool
	}{{"all good", "", false}, {"one bad document", bad, false}, {"pipelined", "", true}, {"pipelined, one bad document", bad, true}} {
		spoil := c.spoil
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			one, oneStore, _ := pipeline(t, spoil)
			failed := 0
			for _, it := range items {
				if _, err := one.Ingest(ctx, it.Input); err != nil {
					failed++
				}
			}

			grouped, groupStore, ex := pipeline(t, spoil)
			var mu sync.Mutex
			var sizes []int
			grouped.Groups = func() Group { return &sizedGroup{Group: groupStore.Group(), mu: &mu, sizes: &sizes} }
			if c.pipelined {
				groups := GroupsOf(groupStore.Group)
				grouped.Groups = func() Group { return sizedPipelined{groups().(pipelinedGroup), &mu, &sizes} }
			}
			grouped.GroupSize = 8
			// Hold the committer after its first group until the
			// extracted documents fill the queue, so the next groups are
			// full.
			first := true
			sum, err := grouped.IngestItems(ctx, items, func(done, total int, s *Summary) {
				for first && ex.n.Load() < int64(min(len(items), 2+grouped.GroupSize)) {
					runtime.Gosched()
				}
				first = false
			})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Failed != failed || sum.Created != len(items)-failed {
				t.Errorf("grouped: %d created, %d failed (%v); one by one: %d failed", sum.Created, sum.Failed, sum.Errors, failed)
			}
			if spoil != "" && failed != 1 {
				t.Errorf("one by one, %d documents failed, want the spoilt one", failed)
			}
			if slices.Max(sizes) < 2 {
				t.Errorf("groups of %v documents: nothing was grouped", sizes)
			}
			want, got := dump(t, oneStore), dump(t, groupStore)
			if !slices.Equal(got, want) {
				n := 0
				for _, l := range got {
					if !slices.Contains(want, l) && n < 10 {
						t.Errorf("extra %s", l)
						n++
					}
				}
				for _, l := range want {
					if !slices.Contains(got, l) && n < 20 {
						t.Errorf("missing %s", l)
						n++
					}
				}
				t.Errorf("grouped ingestion stored %d quads, one by one %d", len(got), len(want))
			}
		})
	}
}

// sizedGroup records the size of each group committed.
type sizedGroup struct {
	Group
	mu    *sync.Mutex
	sizes *[]int
}

func (g *sizedGroup) Commit(ctx context.Context) error {
	g.mu.Lock()
	*g.sizes = append(*g.sizes, g.Len())
	g.mu.Unlock()
	return g.Group.Commit(ctx)
}

// sizedPipelined records the size of each pipelined group started.
type sizedPipelined struct {
	pipelinedGroup
	mu    *sync.Mutex
	sizes *[]int
}

func (g sizedPipelined) start(ctx context.Context) Group {
	g.mu.Lock()
	*g.sizes = append(*g.sizes, g.Len())
	g.mu.Unlock()
	return sizedPipelined{g.pipelinedGroup.start(ctx).(pipelinedGroup), g.mu, g.sizes}
}
