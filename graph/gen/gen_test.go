package gen

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/extract"
	"github.com/claimgraph/claimgraph/graph/gazetteer"
	"github.com/claimgraph/claimgraph/graph/ingest"
)

func TestDeterministicForASeed(t *testing.T) {
	a, _, err := All(Options{Docs: 200, Seed: 42})
	if err != nil {
		t.Fatal(err)
	}
	b, _, _ := All(Options{Docs: 200, Seed: 42})
	c, _, _ := All(Options{Docs: 200, Seed: 43})
	same := 0
	for i := range a {
		if a[i].Input.Text != b[i].Input.Text || a[i].File != b[i].File || a[i].Input.Date != b[i].Input.Date {
			t.Fatalf("document %d differs between two runs with seed 42", i)
		}
		if a[i].Input.Text == c[i].Input.Text {
			same++
		}
	}
	if same > 10 {
		t.Errorf("seeds 42 and 43 share %d of 200 texts", same)
	}
}

func TestTextsAreDistinctAndVaried(t *testing.T) {
	docs, events, err := All(Options{Docs: 2000, Seed: 1, Events: 50})
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2000 || len(events) != 50 {
		t.Fatalf("%d documents about %d events", len(docs), len(events))
	}
	ids := map[string]string{}
	templates := map[string]int{}
	perEvent := map[int]int{}
	bounds := map[string]bool{}
	boundWords := regexp.MustCompile(`\b(at least|more than|about|no more than|over|dozens of)\b`)
	spellings := map[string]map[string]bool{} // place -> how it is written
	for _, d := range docs {
		id := graph.DocumentID(graph.NormaliseText(d.Input.Text)).String()
		if other, dup := ids[id]; dup {
			t.Fatalf("%s and %s have the same text", other, d.File)
		}
		ids[id] = d.File
		templates[d.Template]++
		perEvent[d.Event]++
		for _, m := range boundWords.FindAllString(d.Input.Text, -1) {
			bounds[m] = true
		}
		ev := events[d.Event]
		if spellings[ev.Place.Name] == nil {
			spellings[ev.Place.Name] = map[string]bool{}
		}
		for _, n := range append([]string{ev.Place.Name}, ev.Place.Aliases...) {
			if strings.Contains(d.Input.Text, n) {
				spellings[ev.Place.Name][n] = true
			}
		}
	}
	for _, tpl := range []string{"letter", "wire", "statement", "monitor", "digest", "broadcast"} {
		if templates[tpl] < 2000/20 {
			t.Errorf("template %s made %d of 2000 documents", tpl, templates[tpl])
		}
	}
	if len(bounds) < 6 {
		t.Errorf("figures use only the bounds %v", bounds)
	}
	most, least := 0, len(docs)
	for _, n := range perEvent {
		most, least = max(most, n), min(least, n)
	}
	if most < 3*max(1, least) {
		t.Errorf("documents per event range from %d to %d: no skew", least, most)
	}
	varied := 0
	for _, s := range spellings {
		if len(s) > 1 {
			varied++
		}
	}
	if varied < len(spellings)/2 {
		t.Errorf("only %d of %d places are written in more than one spelling", varied, len(spellings))
	}
}

func TestMonitorsReviseUpwards(t *testing.T) {
	docs, _, err := All(Options{Docs: 600, Seed: 3, Events: 20})
	if err != nil {
		t.Fatal(err)
	}
	revisions := 0
	for _, d := range docs {
		if strings.HasPrefix(d.Input.Title, "Death toll in ") {
			revisions++
		}
	}
	if revisions == 0 {
		t.Fatal("no monitor revised its toll")
	}
}

// The written corpus reads back through the ingest pipeline's reader with
// the metadata of its manifest.
func TestWriteReadsBackWithManifest(t *testing.T) {
	dir := t.TempDir()
	n, err := Write(dir, Options{Docs: 60, Seed: 5}, nil)
	if err != nil || n != 60 {
		t.Fatalf("Write = %d, %v", n, err)
	}
	items, err := ingest.ReadPaths(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 60 {
		t.Fatalf("read %d documents, want 60", len(items))
	}
	want, _, _ := All(Options{Docs: 60, Seed: 5})
	byFile := map[string]Document{}
	for _, d := range want {
		byFile[d.File] = d
	}
	undated := 0
	for _, it := range items {
		if it.Err != nil {
			t.Fatal(it.Err)
		}
		d := byFile[it.Input.File]
		if it.Input.Kind != d.Input.Kind || it.Input.Author != d.Input.Author || it.Input.Date != d.Input.Date || it.Input.Title != d.Input.Title {
			t.Errorf("%s: read %+v, want the metadata of %+v", it.Input.File, it.Input, d.Input)
		}
		if graph.NormaliseText(it.Input.Text) != graph.NormaliseText(d.Input.Text) {
			t.Errorf("%s: text differs", it.Input.File)
		}
		if it.Input.Date == "" {
			undated++
		}
	}
	raw, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if undated > 0 && !strings.Contains(string(raw), `"date": null`) {
		t.Error("undated documents are not written with \"date\": null")
	}
}

// The extractor finds what the templates put in: an account with a place
// and a date in nearly every document, figures in most, speakers other than
// the author in wire reports.
func TestExtractorFindsTheStories(t *testing.T) {
	docs, _, err := All(Options{Docs: 150, Seed: 11})
	if err != nil {
		t.Fatal(err)
	}
	x := extract.New(gazetteer.Default())
	placed, valued, reported := 0, 0, 0
	wires := 0
	for _, d := range docs {
		ex, err := x.Extract(d.Input)
		if err != nil {
			t.Fatalf("%s: %v", d.File, err)
		}
		hasPlace, hasValue := false, false
		for _, a := range ex.Accounts {
			if a.Place != nil && a.Date != nil {
				hasPlace = true
			}
			if len(a.Values) > 0 {
				hasValue = true
			}
		}
		if hasPlace {
			placed++
		}
		if hasValue {
			valued++
		}
		if d.Template == "wire" {
			wires++
			for _, c := range ex.Claims {
				if c.Reported {
					reported++
					break
				}
			}
		}
	}
	if placed < len(docs)*85/100 {
		t.Errorf("%d of %d documents give an account with a place and a date", placed, len(docs))
	}
	if valued < len(docs)*70/100 {
		t.Errorf("%d of %d documents give an account with a figure", valued, len(docs))
	}
	if reported < wires*9/10 {
		t.Errorf("%d of %d wire reports have reported speech", reported, wires)
	}
}

func TestOptionsChecked(t *testing.T) {
	if _, err := New(Options{Docs: -1}); graph.ErrorCode(err) != graph.EINVALID {
		t.Errorf("negative docs: %v", err)
	}
	gen, err := New(Options{Docs: 0})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := gen.Next(); ok {
		t.Error("zero documents asked, one made")
	}
}

// Events are told by as many documents in a large corpus as in a small
// one: the pool grows with the corpus, an event's share does not.
func TestEventSizeDoesNotGrowWithTheCorpus(t *testing.T) {
	perEvent := func(docs int) (mean float64, most int) {
		gen, err := New(Options{Docs: docs, Seed: 9})
		if err != nil {
			t.Fatal(err)
		}
		n := map[int]int{}
		for i := 0; i < docs; i++ {
			n[gen.pickEvent()]++
		}
		for _, c := range n {
			most = max(most, c)
		}
		return float64(docs) / float64(len(n)), most
	}
	smallMean, smallMost := perEvent(2000)
	bigMean, bigMost := perEvent(100000)
	t.Logf("documents per event told: 2,000 documents mean %.1f max %d; 100,000 mean %.1f max %d", smallMean, smallMost, bigMean, bigMost)
	if bigMost > 2*MaxWeight || bigMean > 1.5*smallMean {
		t.Errorf("events grow with the corpus: mean %.1f -> %.1f, max %d -> %d", smallMean, bigMean, smallMost, bigMost)
	}
	if bigMost < 3*int(bigMean) {
		t.Errorf("no skew: mean %.1f, max %d", bigMean, bigMost)
	}
}
