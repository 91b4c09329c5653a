package xref

import (
	"context"
	"math/rand"
	"reflect"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/gen"
)

// comparePlans ingests xs in order, planning each document twice over the
// same store, with Plan's incremental shortcuts and without, and fails
// when the batches differ. It returns how many batches carried links.
func comparePlans(t *testing.T, g *gazetteer.Gazetteer, xs []*graph.Extraction) int {
	t.Helper()
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	now := func() time.Time { return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC) }
	fast, full := New(st, g), New(st, g)
	fast.Now, full.Now = now, now
	full.full = true
	copyOf := func(x *graph.Extraction) *graph.Extraction {
		cp := *x
		cp.Accounts = append([]graph.Account(nil), x.Accounts...)
		return &cp
	}
	linked := 0
	for _, x := range xs {
		want, err := full.Plan(ctx, copyOf(x))
		if err != nil {
			t.Fatalf("full plan %s: %v", x.Document.ID, err)
		}
		got, err := fast.Plan(ctx, copyOf(x))
		if err != nil {
			t.Fatalf("plan %s: %v", x.Document.ID, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("document %s: incremental plan differs from the full one:\nlinks %d/%d, deleted links %d/%d, events %d/%d",
				x.Document.ID, len(got.Links), len(want.Links), len(got.DeleteLinks), len(want.DeleteLinks), len(got.Events), len(want.Events))
		}
		if len(got.Links) > 0 || len(got.DeleteLinks) > 0 {
			linked++
		}
		if err := st.Commit(ctx, got); err != nil {
			t.Fatalf("commit %s: %v", x.Document.ID, err)
		}
	}
	return linked
}

func TestIncrementalPlanCorpus(t *testing.T) {
	g := gazetteer.Default()
	xs := extractDir(t, "../../examples/corpus", g)
	for _, ord := range [][]int{{0, 1, 2, 3, 4, 5, 6, 7, 8}, {8, 7, 6, 5, 4, 3, 2, 1, 0}, {3, 0, 6, 1, 8, 4, 2, 7, 5}} {
		var seq []*graph.Extraction
		for _, i := range ord {
			seq = append(seq, xs[i])
		}
		if comparePlans(t, g, seq) == 0 {
			t.Fatalf("order %v: no document linked to another", ord)
		}
	}
}

func TestIncrementalPlanGenerated(t *testing.T) {
	g := gazetteer.Default()
	docs, _, err := gen.All(gen.Options{Docs: 240, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	ex := extract.New(g)
	var xs []*graph.Extraction
	for _, d := range docs {
		x, err := ex.Extract(d.Input)
		if err != nil {
			t.Fatalf("extract %s: %v", d.File, err)
		}
		xs = append(xs, x)
	}
	for seed := int64(0); seed < 3; seed++ {
		seq := append([]*graph.Extraction(nil), xs...)
		if seed > 0 {
			rand.New(rand.NewSource(seed)).Shuffle(len(seq), func(i, j int) { seq[i], seq[j] = seq[j], seq[i] })
		}
		if n := comparePlans(t, g, seq); n < len(seq)/4 {
			t.Fatalf("order %d: only %d of %d documents linked", seed, n, len(seq))
		}
	}
}
