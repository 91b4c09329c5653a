package xref

import (
	"context"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/google/uuid"
)

// TestAsidesRepeat: wording one document takes over from another outside
// any account (a monitor's characterisation of a shelling that a digest
// repeats in a resident's words, neither of them an account of the
// event) is a repeats link between the two claims, whichever document
// comes first, and a rebuild keeps it (testdata/asides, written for this
// test).
func TestAsidesRepeat(t *testing.T) {
	ctx := context.Background()
	g := gazetteer.Default()
	xs := extractDir(t, "testdata/asides", g)
	for _, order := range [][]*graph.Extraction{xs, {xs[1], xs[0]}} {
		in := ingest(t, ctx, g, order)
		var asides, ids []uuid.UUID
		for _, a := range in.accounts {
			asides = append(asides, a.Asides...)
		}
		if len(asides) == 0 {
			t.Fatal("no account carries its document's asides")
		}
		for id := range in.claims {
			ids = append(ids, id)
		}
		per, err := in.st.ClaimLinksMany(ctx, ids)
		if err != nil {
			t.Fatal(err)
		}
		found := 0
		for _, id := range ids {
			for _, l := range per[id] {
				if l.Relation != graph.RelRepeats || l.From != id {
					continue
				}
				from, to := in.claims[l.From], in.claims[l.To]
				if in.file[from.DocumentID] != "digest-2021-03-03.txt" || in.file[to.DocumentID] != "monitor-2021-03-02.txt" {
					t.Errorf("repeats %s -> %s: %s", in.file[from.DocumentID], in.file[to.DocumentID], l.Reason)
					continue
				}
				found++
				t.Logf("%s", l.Reason)
			}
		}
		if found != 1 {
			t.Errorf("%d repeats links from the digest's aside to the monitor's, want 1", found)
		}
		_, rep, err := in.engine.RebuildStore(ctx, in.st)
		if err != nil {
			t.Fatal(err)
		}
		if rep.LinksAdded != 0 || rep.LinksDeleted != 0 || rep.LinksBefore != rep.LinksAfter {
			t.Errorf("rebuild after ingestion changes the links: %+v", *rep)
		}
	}
}
