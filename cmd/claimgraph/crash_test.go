package main

import (
	"context"
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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

// TestServeSIGKILLKeepsAcknowledgedWrites kills a serving claimgraph
// process with SIGKILL while writers post documents, CLAIMGRAPH_CRASH_RUNS
// times (3 by default): every document acknowledged with a 201 before the
// kill must be in the store when it is opened again, and every stored
// document whole.
func TestServeSIGKILLKeepsAcknowledgedWrites(t *testing.T) {
	if testing.Short() {
		t.Skip("kills real processes")
	}
	runs := 3
	if s := os.Getenv("CLAIMGRAPH_CRASH_RUNS"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			runs = min(n, 5)
		}
	}
	docs := docgen.Generate(400, 13)
	ex := extract.New(gazetteer.Default())
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 3))
	for run := range runs {
		db := filepath.Join(t.TempDir(), "db")
		addr := freeLoopbackAddr(t)
		cmd, out := claimgraphCmd(t, []string{EnvWriteToken + "=" + testWriteToken},
			"serve", "--addr", addr, "--db", db, "--rate", "0", "--log-level", "warn")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		base := "http://" + addr
		for up := false; !up; {
			select {
			case err := <-exited:
				t.Fatalf("serve exited: %v\n%s", err, out.String())
			case <-time.After(20 * time.Millisecond):
			}
			if res, err := http.Get(base + "/readyz"); err == nil {
				res.Body.Close()
				up = res.StatusCode == 200
			}
		}

		var (
			mu    sync.Mutex
			acked []uuid.UUID
			next  atomic.Int64
			wg    sync.WaitGroup
		)
		for range 4 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1) - 1)
					if i >= len(docs) {
						return
					}
					req, _ := http.NewRequest("POST", base+"/v1/documents?file="+docs[i].Name, strings.NewReader(docs[i].Text))
					req.Header.Set("Content-Type", "text/plain")
					req.Header.Set("Authorization", "Bearer "+testWriteToken)
					res, err := http.DefaultClient.Do(req)
					if err != nil {
						return // the server is gone
					}
					var body struct {
						Document graph.Document `json:"document"`
					}
					err = json.NewDecoder(res.Body).Decode(&body)
					res.Body.Close()
					if err == nil && res.StatusCode == http.StatusCreated {
						mu.Lock()
						acked = append(acked, body.Document.ID)
						mu.Unlock()
					}
				}
			}()
		}
		// Kill once some documents are acknowledged, at a random moment after.
		for {
			mu.Lock()
			n := len(acked)
			mu.Unlock()
			if n > 0 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		time.Sleep(time.Duration(r.Int64N(int64(2 * time.Second))))
		mu.Lock()
		if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		sure := slices.Clone(acked) // acknowledged before the kill
		mu.Unlock()
		<-exited
		wg.Wait()

		n := checkWholeDocuments(t, ex, db)
		st, err := cayleystore.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range sure {
			ok, err := st.HasDocument(context.Background(), id)
			if err != nil || !ok {
				st.Close()
				t.Fatalf("run %d: document %s was acknowledged with 201 before the kill and is not stored (%v)", run, id, err)
			}
		}
		st.Close()
		t.Logf("run %d: %d documents acknowledged before the kill, %d stored", run, len(sure), n)
	}
}
