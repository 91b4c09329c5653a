package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

// TestIngestRefusesPathsOutsideTheFolder checks that a manifest cannot make
// `claimgraph ingest` read files outside its folder, and that links out
// of the folder are not followed.
func TestIngestRefusesPathsOutsideTheFolder(t *testing.T) {
	root := t.TempDir()
	secret := filepath.Join(root, "secret.txt")
	os.WriteFile(secret, []byte("Damascus, 1 May 2016. A secret nobody may ingest: 99 people were killed."), 0o600)
	for _, name := range []string{"../secret.txt", secret, "sub/../../secret.txt", ""} {
		t.Run(strings.ReplaceAll(name, "/", "_"), func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "docs")
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "a.txt"), []byte(shellingText), 0o644)
			manifest := `{"documents": [{"file": "a.txt", "kind": "news report"}, {"file": ` + quote(name) + `, "kind": "letter"}]}`
			os.WriteFile(filepath.Join(dir, "manifest.json"), []byte(manifest), 0o644)
			db := filepath.Join(t.TempDir(), "db")
			_, _, err := run(t, nil, "ingest", "--db", db, dir)
			if err == nil || !strings.Contains(err.Error(), "must be a plain name inside the folder") {
				t.Fatalf("manifest entry %q: %v", name, err)
			}
			if n := storedDocuments(t, db); n != 0 {
				t.Fatalf("manifest entry %q: %d documents stored from a refused folder", name, n)
			}
		})
	}

	// A link to a file outside the folder is skipped, the rest ingested.
	dir := filepath.Join(t.TempDir(), "docs")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte(shellingText), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	// A file name with a right-to-left override is just a name.
	os.WriteFile(filepath.Join(dir, "report\u202etxt.exe.txt"), []byte("Hama, 2 June 2015. Four people were killed in a raid, residents said."), 0o644)
	db := filepath.Join(t.TempDir(), "db")
	if _, errs, err := run(t, nil, "ingest", "--db", db, dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, errs)
	}
	st, err := cayleystore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	docs := allDocuments(t, st)
	if len(docs) != 2 {
		t.Fatalf("%d documents stored, want 2 (the link skipped)", len(docs))
	}
	for _, d := range docs {
		full, err := st.Document(context.Background(), d.ID)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(full.Text, "secret") {
			t.Fatalf("the file behind the link was ingested")
		}
	}
}

func quote(s string) string {
	return `"` + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), `"`, `\"`) + `"`
}

func storedDocuments(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); os.IsNotExist(err) {
		return 0
	}
	st, err := cayleystore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return len(allDocuments(t, st))
}
