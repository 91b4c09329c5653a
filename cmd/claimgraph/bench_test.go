package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A small `claimgraph bench` writes its table and a JSON report with every
// figure, a CPU profile when asked, and refuses bad flags.
func TestBenchCommand(t *testing.T) {
	dir := t.TempDir()
	js, prof := filepath.Join(dir, "b.json"), filepath.Join(dir, "cpu.out")
	out, errs, err := run(t, nil, "bench", "--docs", "24", "--requests", "8", "--extra", "2", "--clients", "2",
		"--group", "4", "--db", filepath.Join(dir, "db"), "--json", js, "--cpuprofile", prof)
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errs)
	}
	for _, want := range []string{"ingest      24 documents", "transactions", "event sources", "vs gizmo"} {
		if !strings.Contains(out, want) {
			t.Errorf("the table lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(js)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Docs   int `json:"docs"`
		Ingest struct {
			Created int `json:"created"`
			Commits int `json:"commits"`
		} `json:"ingest"`
		Endpoints []struct {
			Name  string `json:"name"`
			Gizmo struct {
				N int `json:"n"`
			} `json:"gizmo"`
		} `json:"endpoints"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Docs != 24 || rep.Ingest.Created != 24 || rep.Ingest.Commits < 6 || len(rep.Endpoints) != 5 {
		t.Errorf("report: %+v", rep)
	}
	if st, err := os.Stat(prof); err != nil || st.Size() == 0 {
		t.Errorf("no CPU profile: %v", err)
	}
	if _, _, err := run(t, nil, "bench", "--docs", "0"); err == nil {
		t.Error("bench --docs 0 ran")
	}
}
