package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/claimgraph/claimgraph/graph/cayleystore/pgtest"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

// TestServersShareOneDatabase runs two claimgraph servers on one
// PostgreSQL database, as behind a load balancer: they open it at the same
// moment, then the documents of the example corpus reach both at once. Every document is stored once, and cross-referencing the whole
// store again from scratch changes nothing: neither server planned a
// document without the documents the other had committed before it (the
// writers' lock, cayleystore.Store.LockWriters).
func TestServersShareOneDatabase(t *testing.T) {
	dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CLAIMGRAPH_TEST_POSTGRES is not set; run eval \"$(scripts/postgres-test.sh)\" to test against PostgreSQL")
	}
	pg, _ := pgtest.Schema(t, dsn, "cgshare_")
	ctx := context.Background()

	apps := make([]*App, 2)
	errs := make([]error, 2)
	var open sync.WaitGroup
	for i := range apps {
		open.Add(1)
		go func() {
			defer open.Done()
			apps[i], errs[i] = OpenApp(ctx, pg)
		}()
	}
	open.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("server %d: %v", i, err)
		}
		defer apps[i].Close()
	}
	// Every document of the example corpus at once, half to each server:
	// most are accounts of one strike, so each plan meets the others'.
	items, err := ingest.ReadPaths(corpus)
	if err != nil {
		t.Fatal(err)
	}
	start := make(chan struct{})
	results := make([]error, len(items))
	var ww sync.WaitGroup
	for i, it := range items {
		ww.Add(1)
		go func() {
			defer ww.Done()
			<-start
			r, err := apps[i%len(apps)].Pipeline.Ingest(ctx, it.Input)
			if err == nil && !r.Created {
				err = fmt.Errorf("not created")
			}
			results[i] = err
		}()
	}
	close(start)
	ww.Wait()
	for i, err := range results {
		if err != nil {
			t.Fatalf("%s: %v", items[i].Path, err)
		}
	}
	if n := len(allDocuments(t, apps[0].Store)); n != len(items) {
		t.Fatalf("%d documents stored, want %d", n, len(items))
	}
	_, rep, err := apps[1].Xref.RebuildStore(ctx, apps[1].Store)
	if err != nil {
		t.Fatal(err)
	}
	if rep.EventsBefore == 0 || rep.LinksBefore == 0 {
		t.Fatalf("too little to compare: %+v", *rep)
	}
	if rep.EventsNew != 0 || rep.EventsDeleted != 0 || rep.Reassigned != 0 || rep.LinksAdded != 0 || rep.LinksDeleted != 0 {
		t.Errorf("cross-referencing again from scratch changes what the two servers wrote: %+v", *rep)
	}
}
