package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/cayleystore/pgtest"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

// sortedLines returns the lines of an N-Quads dump in order: backends
// list quads in different orders, the graph is the set.
func sortedLines(b []byte) []string {
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	slices.Sort(lines)
	return lines
}

func sameGraph(t *testing.T, what string, want, got []byte) {
	t.Helper()
	w, g := sortedLines(want), sortedLines(got)
	if slices.Equal(w, g) {
		return
	}
	for _, l := range w {
		if _, ok := slices.BinarySearch(g, l); !ok {
			t.Fatalf("%s: %d quads, want %d; missing %s", what, len(g), len(w), l)
		}
	}
	for _, l := range g {
		if _, ok := slices.BinarySearch(w, l); !ok {
			t.Fatalf("%s: %d quads, want %d; extra %s", what, len(g), len(w), l)
		}
	}
	t.Fatalf("%s: %d quads, want %d (duplicates)", what, len(g), len(w))
}

func dumpStore(t *testing.T, dsn string) []byte {
	t.Helper()
	st, err := cayleystore.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return dumpOf(t, st)
}

func run(t *testing.T, stdin []byte, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, bytes.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), err
}

// TestDumpAndLoadRoundTrip backs up a bolt store with `claimgraph dump`,
// restores it into memory and into a second bolt store with `claimgraph
// load`, and through a pipe, and gets the same graph, labels included,
// every time.
func TestDumpAndLoadRoundTrip(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.db")
	if _, errs, err := run(t, nil, "ingest", "--db", a, corpus); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	orig := dumpStore(t, a)
	if !bytes.Contains(orig, []byte("> <cg:ingest/")) || !bytes.Contains(orig, []byte("gazetteer> .\n")) {
		t.Fatalf("the dump lacks labels: %.300s", orig)
	}

	backup := filepath.Join(dir, "backup.nq")
	if _, errs, err := run(t, nil, "dump", "--db", a, "-o", backup); err != nil {
		t.Fatalf("dump: %v\n%s", err, errs)
	}
	file, err := os.ReadFile(backup)
	if err != nil {
		t.Fatal(err)
	}
	sameGraph(t, "dump -o", orig, file)
	if left, _ := filepath.Glob(filepath.Join(dir, ".backup.nq.*")); len(left) > 0 {
		t.Fatalf("dump left temporary files: %v", left)
	}

	// bolt -> memory -> bolt.
	mem, err := cayleystore.Open(context.Background(), "memory:")
	if err != nil {
		t.Fatal(err)
	}
	defer mem.Close()
	if err := mem.Load(context.Background(), bytes.NewReader(file)); err != nil {
		t.Fatal(err)
	}
	fromMem := dumpOf(t, mem)
	sameGraph(t, "bolt -> memory", orig, fromMem)
	b := filepath.Join(dir, "b.db")
	if _, errs, err := run(t, fromMem, "load", "--db", b, "-"); err != nil {
		t.Fatalf("load: %v\n%s", err, errs)
	} else if !strings.Contains(errs, "loaded standard input") {
		t.Fatalf("load summary: %s", errs)
	}
	sameGraph(t, "bolt -> memory -> bolt", orig, dumpStore(t, b))

	// The restored store serves like the original: same documents.
	st, err := cayleystore.Open(context.Background(), b)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(corpus, "*.txt"))
	if n := len(allDocuments(t, st)); n != len(files) {
		t.Fatalf("restored store lists %d documents, want %d", n, len(files))
	}
	st.Close()

	// A restore never mixes graphs.
	_, _, err = run(t, nil, "load", "--db", b, backup)
	if graph.ErrorCode(err) != graph.ECONFLICT || !strings.Contains(err.Error(), "not empty") {
		t.Fatalf("load into a non-empty store: %v", err)
	}

	// dump | load.
	out, errs, err := run(t, nil, "dump", "--db", a)
	if err != nil {
		t.Fatalf("dump to stdout: %v\n%s", err, errs)
	}
	c := filepath.Join(dir, "c.db")
	if _, errs, err := run(t, []byte(out), "load", "--db", c); err != nil {
		t.Fatalf("load from stdin: %v\n%s", err, errs)
	}
	sameGraph(t, "dump | load", orig, dumpStore(t, c))

	if dsn := os.Getenv("CLAIMGRAPH_TEST_POSTGRES"); dsn != "" {
		pg, _ := pgtest.Schema(t, dsn, "cgdump_")
		if _, errs, err := run(t, file, "load", "--db", pg, "-"); err != nil {
			t.Fatalf("load into postgres: %v\n%s", err, errs)
		}
		sameGraph(t, "bolt -> postgres", orig, dumpStore(t, pg))
		out, errs, err := run(t, nil, "dump", "--db", pg)
		if err != nil {
			t.Fatalf("dump postgres: %v\n%s", err, errs)
		}
		d := filepath.Join(dir, "d.db")
		if _, errs, err := run(t, []byte(out), "load", "--db", d); err != nil {
			t.Fatalf("load postgres dump: %v\n%s", err, errs)
		}
		sameGraph(t, "bolt -> postgres -> bolt", orig, dumpStore(t, d))
	} else {
		t.Log("CLAIMGRAPH_TEST_POSTGRES is not set: bolt -> postgres not tested")
	}
}

func TestDumpAndLoadUsage(t *testing.T) {
	dir := t.TempDir()
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"dump", "--db", "memory:"}, "memory"},
		{[]string{"dump", "--db", filepath.Join(dir, "none")}, "no store"},
		{[]string{"dump", "--db", dir, "extra"}, "unexpected"},
		{[]string{"load"}, "--db is required"},
		{[]string{"load", "--db", "memory:", "x"}, "memory"},
		{[]string{"load", "--db", filepath.Join(dir, "x.db"), "a", "b"}, "one file"},
		{[]string{"load", "--db", filepath.Join(dir, "y.db"), filepath.Join(dir, "missing.nq")}, "no such file"},
	} {
		_, _, err := run(t, nil, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.says) {
			t.Errorf("%v: %v, want an error saying %q", c.args, err, c.says)
		}
	}
	// Not N-Quads: refused, saying where.
	bad := filepath.Join(dir, "bad.nq")
	os.WriteFile(bad, []byte("<a> <b> <c> .\nthis is not a quad\n"), 0o644)
	_, _, err := run(t, nil, "load", "--db", filepath.Join(dir, "z.db"), bad)
	if err == nil || !strings.Contains(err.Error(), "quad 2") {
		t.Fatalf("load of a bad file: %v", err)
	}
}
