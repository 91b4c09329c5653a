package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFolderWithManifest(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "Second document.")
	write(t, dir, "a.md", "First document.")
	write(t, dir, "notes.json", `{"about": "not a document"}`)
	write(t, dir, "batch.json", `[{"text": "One.", "author": "X"}, {"text": "Two.", "date": "2017-10-24"}]`)
	write(t, dir, "manifest.json", `{"about": "x", "documents": [
		{"file": "b.txt", "kind": "letter", "date": null, "addressed_to": ["Secretary-General", "President of the Security Council"], "based_on": "ignored"},
		{"file": "a.md", "kind": "statement", "date": "2017-10-25", "addressed_to": "Security Council"}]}`)
	write(t, dir, ".hidden/c.txt", "Hidden.")
	items, err := ReadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]graph.DocumentInput{}
	for _, it := range items {
		if it.Err != nil {
			t.Fatalf("%s: %v", it.Path, it.Err)
		}
		got[it.Input.File] = it.Input
	}
	if len(got) != 4 {
		t.Fatalf("read %d documents %v, want a.md, b.txt and the two in batch.json", len(got), got)
	}
	if b := got["b.txt"]; b.Kind != "letter" || b.Date != "" || len(b.AddressedTo) != 2 || b.Text != "Second document." {
		t.Errorf("b.txt = %+v", b)
	}
	if a := got["a.md"]; a.Kind != "statement" || a.Date != "2017-10-25" || len(a.AddressedTo) != 1 {
		t.Errorf("a.md = %+v", a)
	}
	if d := got["batch.json#1"]; d.Text != "Two." || d.Date != "2017-10-24" {
		t.Errorf("batch.json#1 = %+v", d)
	}
}

func TestManifestCannotEscapeFolder(t *testing.T) {
	for _, name := range []string{"../x.txt", "/etc/passwd", "a/../../x.txt", ""} {
		dir := t.TempDir()
		write(t, dir, "manifest.json", `{"documents": [{"file": "`+name+`"}]}`)
		_, err := ReadPaths(dir)
		if graph.ErrorCode(err) != graph.EINVALID {
			t.Errorf("manifest file %q: err = %v, want invalid", name, err)
		}
	}
}

func TestReadBadJSONReportsThePath(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "broken.json", `{"text": `)
	items, err := ReadPaths(filepath.Join(dir, "broken.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "broken.json") {
		t.Fatalf("items = %+v", items)
	}
	if _, err := ReadPaths(filepath.Join(dir, "missing")); err == nil {
		t.Fatal("a missing path gave no error")
	}
}

func TestCheck(t *testing.T) {
	cases := []struct {
		text string
		max  int
		code string
	}{
		{"A claim.", 0, ""},
		{"", 0, graph.EINVALID},
		{" \n\t", 0, graph.EINVALID},
		{"a\x00b", 0, graph.EINVALID},
		{"caf\xe9", 0, graph.EINVALID},
		{strings.Repeat("a", 11), 10, graph.ETOOLARGE},
	}
	for _, c := range cases {
		if got := graph.ErrorCode(Check(c.text, c.max)); got != c.code {
			t.Errorf("Check(%q) = %q, want %q", c.text, got, c.code)
		}
	}
}
