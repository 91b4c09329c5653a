package docgen

import (
	"os"
	"path/filepath"
	"testing"
)

func TestGenerateIsDeterministicAndDistinct(t *testing.T) {
	a, b := Generate(300, 5), Generate(300, 5)
	texts := map[string]bool{}
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("document %d differs between two runs with one seed", i)
		}
		if texts[a[i].Text] {
			t.Fatalf("document %d repeats an earlier text", i)
		}
		texts[a[i].Text] = true
	}
	if c := Generate(1, 6); c[0].Text == a[0].Text {
		t.Fatalf("another seed gives the same text")
	}
	dir := filepath.Join(t.TempDir(), "docs")
	docs, err := Write(dir, 3, 5)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(dir, docs[2].Name))
	if err != nil || string(got) != a[2].Text {
		t.Fatalf("written file: %v %q", err, got)
	}
}
