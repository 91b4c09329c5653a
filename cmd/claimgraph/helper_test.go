package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/google/uuid"
)

// helperEnv makes the test binary run claimgraph itself (main) with the
// arguments it holds, separated by newlines: the crash, shutdown and soak
// tests run claimgraph as a real process they can signal and kill,
// without building a second binary.
const helperEnv = "CLAIMGRAPH_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if args := os.Getenv(helperEnv); args != "" {
		os.Args = append([]string{"claimgraph"}, strings.Split(args, "\n")...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// claimgraphCmd returns a command running `claimgraph args...` in a
// process of its own.
func claimgraphCmd(t testing.TB, env []string, args ...string) (*exec.Cmd, *syncBuffer) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(append(os.Environ(), helperEnv+"="+strings.Join(args, "\n")), env...)
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	return cmd, &out
}

// runClaimgraph runs `claimgraph args...` in a process to its end.
func runClaimgraph(t testing.TB, env []string, args ...string) string {
	t.Helper()
	cmd, out := claimgraphCmd(t, env, args...)
	if err := cmd.Run(); err != nil {
		t.Fatalf("claimgraph %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

// allDocuments lists every stored document.
func allDocuments(t testing.TB, st *cayleystore.Store) []graph.Document {
	t.Helper()
	var docs []graph.Document
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		page, next, err := st.Documents(context.Background(), p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, page...)
		if next == "" {
			return docs
		}
		p.Cursor = next
	}
}

// allClaims lists every claim of a document.
func allClaims(t testing.TB, st *cayleystore.Store, doc uuid.UUID) []graph.Claim {
	t.Helper()
	var out []graph.Claim
	p := graph.Page{Limit: graph.MaxLimit}
	for {
		page, next, err := st.DocumentClaims(context.Background(), doc, p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, page...)
		if next == "" {
			return out
		}
		p.Cursor = next
	}
}

// dumpLines returns a store's dump as sorted-comparable lines.
func dumpOf(t testing.TB, st *cayleystore.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := st.Dump(context.Background(), &b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
