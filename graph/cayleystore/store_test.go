package cayleystore

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/google/uuid"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore/pgtest"
)

func openMemory(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func openBoltTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(t.Context(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestMemory(t *testing.T) { runSuite(t, openMemory) }

func TestBolt(t *testing.T) { runSuite(t, openBoltTemp) }

// postgresDSN is the server the PostgreSQL tests use, or a skip.
func postgresDSN(t *testing.T) string {
	t.Helper()
	dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("CLAIMGRAPH_TEST_POSTGRES is not set; run eval \"$(scripts/postgres-test.sh)\" to test against PostgreSQL")
	}
	return dsn
}

// pgSchema creates an empty schema for one test, dropped when it ends,
// and returns the test's DSN (its search_path set to the schema) and a
// connection to it.
func pgSchema(t *testing.T) (string, *sql.DB) {
	t.Helper()
	return pgtest.Schema(t, postgresDSN(t), "cgtest_")
}

func openPostgres(t *testing.T) *Store {
	t.Helper()
	dsn, _ := pgSchema(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// openUniqueTriples is PostgreSQL with CockroachDB's uniqueness rule: a
// triple is unique whatever its label, so the same triple under a second
// label is silently dropped.
func openUniqueTriples(t *testing.T) *Store {
	t.Helper()
	dsn, db := pgSchema(t)
	s, err := Open(t.Context(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if _, err := db.Exec("CREATE UNIQUE INDEX spo_any_label ON quads (subject_hash, predicate_hash, object_hash)"); err != nil {
		t.Fatalf("add the triple index: %v", err)
	}
	return s
}

func TestPostgres(t *testing.T) { runSuite(t, openPostgres) }

// The suite on PostgreSQL with the read cache on (a sole writer).
func TestPostgresSoleWriter(t *testing.T) {
	runSuite(t, func(t *testing.T) *Store {
		t.Helper()
		dsn, _ := pgSchema(t)
		s, err := OpenWith(t.Context(), dsn, Options{SoleWriter: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		if !s.CacheStats().Enabled {
			t.Fatal("SoleWriter left the cache off")
		}
		return s
	})
}

// TestUniqueTriples runs the suite with CockroachDB's rule on PostgreSQL:
// the same reads come back, since no fact depends on a triple existing
// under two labels.
func TestUniqueTriples(t *testing.T) {
	runSuite(t, openUniqueTriples)
	t.Run("the rule is in force", func(t *testing.T) {
		s := openUniqueTriples(t)
		a := quad.Quad{Subject: quad.IRI("cg:x"), Predicate: pType, Object: quad.IRI("cg:y"), Label: labelXref}
		b := a
		b.Label = labelGazetteer
		if err := s.Load(t.Context(), strings.NewReader(a.NQuad()+"\n"+b.NQuad()+"\n")); err != nil {
			t.Fatal(err)
		}
		if n := len(dumpLines(t, s)); n != 1 {
			t.Errorf("%d quads for one triple under two labels, want 1 (the second dropped)", n)
		}
	})
}

// TestPostgresAtomic makes a large batch fail on one of its last inserts
// and checks that none of it landed.
func TestPostgresAtomic(t *testing.T) {
	ctx := t.Context()
	dsn, db := pgSchema(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := loadWorld(t)
	w.ingest(t, s)
	before := dumpLines(t, s)

	big := bigExtraction(1200)
	// The document's own quads sort after its claims': fail on its text.
	h := refs.HashOf(quad.String(big.Document.Text))
	for _, stmt := range []string{
		`CREATE FUNCTION refuse_poison() RETURNS trigger AS $$
		BEGIN
			IF NEW.object_hash = decode('` + hex.EncodeToString(h[:]) + `', 'hex') THEN
				RAISE EXCEPTION 'poisoned quad';
			END IF;
			RETURN NEW;
		END $$ LANGUAGE plpgsql`,
		`CREATE TRIGGER refuse_poison BEFORE INSERT ON quads FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
	} {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	err = s.Commit(ctx, &graph.Batch{Extraction: big})
	if err == nil || !strings.Contains(err.Error(), "poisoned quad") {
		t.Fatalf("commit of the poisoned batch: %v", err)
	}
	diffLines(t, "after the failed batch", dumpLines(t, s), before)
	if ok, err := s.HasDocument(ctx, big.Document.ID); err != nil || ok {
		t.Errorf("HasDocument after the failed batch = %v, %v", ok, err)
	}
	if _, err := db.Exec("DROP TRIGGER refuse_poison ON quads"); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(ctx, &graph.Batch{Extraction: big}); err != nil {
		t.Fatal(err)
	}
	claims, _, err := s.DocumentClaims(ctx, big.Document.ID, graph.Page{Limit: graph.MaxLimit})
	if err != nil || len(claims) != graph.MaxLimit {
		t.Errorf("claims of the big document once committed: %d, %v", len(claims), err)
	}
}

// bigExtraction is a document of n one-sentence claims.
func bigExtraction(n int) *graph.Extraction {
	var text strings.Builder
	for i := range n {
		fmt.Fprintf(&text, "Sentence number %d of a long report says little.\n", i)
	}
	norm := graph.NormaliseText(text.String())
	doc := graph.Document{ID: graph.DocumentID(norm), Title: "A long report", Text: norm, Hash: graph.TextHash(norm),
		Length: len([]rune(norm)), IngestedAt: ingestedAt}
	ex := &graph.Extraction{Document: doc}
	speaker := graph.Entity{ID: graph.EntityID(graph.KindOrg, "reporter", uuid.Nil), Name: "Reporter", Kind: graph.KindOrg, Keys: []string{"reporter"}}
	ex.Entities = []graph.Entity{speaker}
	start := 0
	for i, line := range strings.Split(norm, "\n") {
		span := graph.Span{Start: start, End: start + len([]rune(line))}
		start = span.End + 1
		ex.Claims = append(ex.Claims, graph.Claim{ID: graph.ClaimID(doc.ID, span), DocumentID: doc.ID, Text: line,
			Span: span, Speaker: speaker.Ref(), Polarity: graph.Affirmed, Kind: graph.ClaimFact})
		if i%10 == 0 {
			ex.Accounts = append(ex.Accounts, graph.Account{ID: graph.AccountID(doc.ID, i/10), DocumentID: doc.ID,
				Claims: []uuid.UUID{ex.Claims[i].ID}, Speaker: speaker.Ref(), Type: graph.EventAttack,
				Polarity: graph.Affirmed, Keys: []string{fmt.Sprintf("attack|%d", i%7)}})
		}
	}
	return ex
}

// TestBoltReopen closes a bolt store and opens it again: everything is
// still there, and it takes more writes.
func TestBoltReopen(t *testing.T) {
	ctx := t.Context()
	dir := filepath.Join(t.TempDir(), "store")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	w := loadWorld(t)
	w.ingest(t, s)
	x := newXref(w)
	if err := s.Commit(ctx, x.first()); err != nil {
		t.Fatal(err)
	}
	before := dumpLines(t, s)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second close: %v", err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Backend() != BackendBolt {
		t.Errorf("backend %q", s.Backend())
	}
	diffLines(t, "after reopening", dumpLines(t, s), before)
	if got := eventOf(t, s, x.letter); got != x.e1 {
		t.Errorf("letter account in %s after reopening, want e1", got)
	}
	if err := s.Commit(ctx, x.merge()); err != nil {
		t.Fatal(err)
	}
	as, err := s.EventAccounts(ctx, x.e1)
	if err != nil || len(as) != 3 {
		t.Errorf("accounts of e1 after a merge on the reopened store: %d, %v", len(as), err)
	}
}

// TestDumpLoadAcrossBackends moves a graph from memory to bolt and, when a
// server is configured, from bolt to PostgreSQL: the quad sets are equal.
func TestDumpLoadAcrossBackends(t *testing.T) {
	ctx := t.Context()
	src := openMemory(t)
	w := loadWorld(t)
	w.ingest(t, src)
	x := newXref(w)
	j := x.judgement()
	for _, b := range []*graph.Batch{x.first(), x.merge(), {Judgements: []graph.Judgement{j}, Label: "judgement:" + j.ID.String()}} {
		if err := src.Commit(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	want := dumpLines(t, src)
	move := func(t *testing.T, from, to *Store) {
		var buf bytes.Buffer
		if err := from.Dump(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		if err := to.Load(ctx, &buf); err != nil {
			t.Fatal(err)
		}
		diffLines(t, to.Backend()+" copy", dumpLines(t, to), want)
		js, err := to.JudgementsFor(ctx, x.e1)
		if err != nil || len(js) != 1 {
			t.Errorf("judgements for e1 in the %s copy: %d, %v", to.Backend(), len(js), err)
		}
	}
	bolt := openBoltTemp(t)
	t.Run("memory to bolt", func(t *testing.T) { move(t, src, bolt) })
	t.Run("bolt to postgres", func(t *testing.T) { move(t, bolt, openPostgres(t)) })
}

func TestOpen(t *testing.T) {
	ctx := t.Context()
	if _, err := Open(ctx, ""); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("empty address: %v", err)
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if s, err := Open(ctx, file); err == nil {
		s.Close()
		t.Error("a bolt store opened over a plain file")
	}
	m := openMemory(t)
	if m.Backend() != BackendMemory {
		t.Errorf("memory backend is %q", m.Backend())
	}
	if s, err := Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil {
		s.Close()
		t.Error("opened a postgres store with no server")
	}
}

func TestBatchLabel(t *testing.T) {
	id := uuid.MustParse("11111111-2222-5333-8444-555555555555")
	for in, want := range map[string]string{
		"":                         "cg:xref",
		"xref":                     "cg:xref",
		"gazetteer":                "cg:gazetteer",
		"document:" + id.String():  "cg:ingest/" + id.String(),
		"judgement:" + id.String(): "cg:judgement/" + id.String(),
		"import:2024-03":           "cg:import/2024-03",
		"two words":                "",
		"document:nope":            "",
		"a:b:c":                    "",
		"<cg:x>":                   "",
	} {
		got, err := batchLabel(in)
		if want == "" {
			if graph.ErrorCode(err) != graph.EINVALID {
				t.Errorf("batchLabel(%q) = %q, %v; want invalid", in, got, err)
			}
			continue
		}
		if err != nil || string(got) != want {
			t.Errorf("batchLabel(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

// TestConcurrentReads reads while another goroutine commits, on memstore
// (which has no locks of its own): every read sees whole batches only.
func TestConcurrentReads(t *testing.T) {
	ctx := t.Context()
	s := openMemory(t)
	w := loadWorld(t)
	done := make(chan struct{})
	errs := make(chan error, 4)
	for range 3 {
		go func() {
			last := 0
			for {
				select {
				case <-done:
					errs <- nil
					return
				default:
				}
				ds, _, err := s.Documents(ctx, graph.Page{Limit: graph.MaxLimit})
				if err != nil {
					errs <- err
					return
				}
				if len(ds) < last {
					errs <- fmt.Errorf("documents went from %d to %d", last, len(ds))
					return
				}
				last = len(ds)
				for _, d := range ds {
					// A document is visible only with all its claims.
					cs, _, err := s.DocumentClaims(ctx, d.ID, graph.Page{Limit: graph.MaxLimit})
					if err != nil {
						errs <- err
						return
					}
					if len(cs) == 0 {
						errs <- fmt.Errorf("document %s visible without its claims", d.ID)
						return
					}
				}
			}
		}()
	}
	for n := range 40 {
		if err := s.Commit(ctx, &graph.Batch{Extraction: benchDocument(n, 10)}); err != nil {
			t.Fatal(err)
		}
	}
	w.ingest(t, s)
	close(done)
	for range 3 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}

// A crash while a bolt store was being initialised leaves only a scratch
// directory; the next open removes it and initialises the store.
func TestBoltOpensAfterInterruptedInit(t *testing.T) {
	dir := t.TempDir()
	scratch := filepath.Join(dir, ".init-123")
	if err := os.MkdirAll(scratch, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(scratch, boltFile), []byte("half written"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("open after an interrupted init: %v", err)
	}
	defer s.Close()
	if _, err := os.Stat(scratch); !os.IsNotExist(err) {
		t.Fatalf("scratch directory left behind: %v", err)
	}
	if ok, err := s.HasDocument(context.Background(), graph.DocumentID("x")); err != nil || ok {
		t.Fatalf("HasDocument on a new store = %v, %v", ok, err)
	}
}
