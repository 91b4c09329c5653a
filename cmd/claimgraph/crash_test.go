package main

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/tests/docgen"
	"github.com/google/uuid"
)

// TestIngestSurvivesSIGKILL kills `claimgraph ingest` at a random moment,
// CLAIMGRAPH_CRASH_RUNS times, each on a fresh bolt store with 200
// generated documents. By default CI (CI=true) runs 20, a developer's
// `go test` 3 (about 7 s a run), and a race-detector build 2. After each kill the store must open and
// hold only whole documents; a second ingest must then complete it
// without duplicates. Only bolt needs this: a memory store does not
// outlive its process, and the SQL backends are transactional servers.
func TestIngestSurvivesSIGKILL(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes")
	}
	runs := 3
	switch {
	case raceEnabled:
		runs = 2
	case os.Getenv("CI") == "true":
		runs = 20
	}
	if s := os.Getenv("CLAIMGRAPH_CRASH_RUNS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CLAIMGRAPH_CRASH_RUNS=%q: want a whole number", s)
		}
		runs = n
	}
	const ndocs = 200
	root := t.TempDir()
	docsDir := filepath.Join(root, "docs")
	if _, err := docgen.Write(docsDir, ndocs, 7); err != nil {
		t.Fatal(err)
	}
	ex := extract.New(gazetteer.Default())

	// One whole ingest tells how long one takes; kills land within that.
	start := time.Now()
	runClaimgraph(t, nil, "ingest", "--db", filepath.Join(root, "calibrate"), docsDir)
	full := time.Since(start)
	t.Logf("a whole ingest of %d documents takes %s", ndocs, full.Round(time.Millisecond))

	seed := uint64(time.Now().UnixNano())
	t.Logf("kill times from seed %d", seed)
	r := rand.New(rand.NewPCG(seed, 1))
	partial := 0
	for run := range runs {
		db := filepath.Join(root, "db"+strconv.Itoa(run))
		cmd, _ := claimgraphCmd(t, nil, "ingest", "--db", db, docsDir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		at := time.Duration(r.Int64N(int64(full)))
		time.Sleep(at)
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatalf("run %d: kill: %v", run, err)
		}
		_ = cmd.Wait() // killed, or finished first

		n := checkWholeDocuments(t, ex, db)
		if n > 0 && n < ndocs {
			partial++
		}
		t.Logf("run %d: killed after %s with %d of %d documents stored", run, at.Round(time.Millisecond), n, ndocs)

		runClaimgraph(t, nil, "ingest", "--db", db, docsDir)
		if n := checkWholeDocuments(t, ex, db); n != ndocs {
			t.Fatalf("run %d: after completing the ingest %d documents are stored, want %d", run, n, ndocs)
		}
		if err := os.RemoveAll(db); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d of %d kills landed part way through an ingest", partial, runs)
}

// checkWholeDocuments opens the store at db and checks that every stored
// document is whole: its claims and accounts are exactly what extraction
// of its text gives, every account's claims exist, and no claim belongs
// to a document that is not stored. It returns the number of documents,
// checking they are distinct.
func checkWholeDocuments(t *testing.T, ex *extract.Extractor, db string) int {
	t.Helper()
	ctx := context.Background()
	st, err := cayleystore.Open(ctx, db)
	if err != nil {
		t.Fatalf("the store does not open after the kill: %v", err)
	}
	defer st.Close()
	docs := allDocuments(t, st)
	seen := map[uuid.UUID]bool{}
	claims := 0
	for _, d := range docs {
		if seen[d.ID] {
			t.Fatalf("document %s is listed twice", d.ID)
		}
		seen[d.ID] = true
		full, err := st.Document(ctx, d.ID)
		if err != nil {
			t.Fatalf("document %s: %v", d.ID, err)
		}
		x, err := ex.Extract(graph.DocumentInput{Text: full.Text, File: full.File})
		if err != nil {
			t.Fatalf("extract %s: %v", full.File, err)
		}
		if x.Document.ID != d.ID {
			t.Fatalf("%s: stored under %s, its text gives %s", full.File, d.ID, x.Document.ID)
		}
		got := allClaims(t, st, d.ID)
		if len(got) != len(x.Claims) {
			t.Fatalf("%s: %d claims stored, extraction gives %d: a partial document", full.File, len(got), len(x.Claims))
		}
		want := map[uuid.UUID]bool{}
		for _, c := range x.Claims {
			want[c.ID] = true
		}
		for _, c := range got {
			if !want[c.ID] || c.DocumentID != d.ID {
				t.Fatalf("%s: stored claim %s is not one extraction gives", full.File, c.ID)
			}
		}
		claims += len(got)
		accs, err := st.DocumentAccounts(ctx, d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(accs) != len(x.Accounts) {
			t.Fatalf("%s: %d accounts stored, extraction gives %d", full.File, len(accs), len(x.Accounts))
		}
		for _, a := range accs {
			cs, err := st.Claims(ctx, a.Claims)
			if err != nil || len(cs) != len(a.Claims) {
				t.Fatalf("%s: account %s has %d claims, %d stored (%v)", full.File, a.ID, len(a.Claims), len(cs), err)
			}
		}
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Claims != int64(claims) || stats.Documents != int64(len(docs)) {
		t.Fatalf("the store counts %d documents and %d claims; its documents hold %d and %d: orphans",
			stats.Documents, stats.Claims, len(docs), claims)
	}
	return len(docs)
}
