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

// TestBenchStretchProfile: --stretch-profile profiles the bulk load from
// a number of documents on, and refuses to run beside --cpuprofile (Go
// runs one CPU profile at a time).
func TestBenchStretchProfile(t *testing.T) {
	dir := t.TempDir()
	prof := filepath.Join(dir, "late.out")
	_, errs, err := run(t, nil, "bench", "--docs", "12", "--requests", "2", "--extra", "1", "--clients", "1",
		"--db", filepath.Join(dir, "db"), "--stretch-profile", prof, "--stretch-from", "0", "--cache", "8", "--mapped", "8")
	if err != nil {
		t.Fatalf("bench: %v\n%s", err, errs)
	}
	if !strings.Contains(errs, "CPU profile from 0 documents") {
		t.Errorf("no line says when the profile started:\n%s", errs)
	}
	if fi, err := os.Stat(prof); err != nil || fi.Size() == 0 {
		t.Errorf("no profile written: %v", err)
	}
	_, _, err = run(t, nil, "bench", "--docs", "12", "--stretch-profile", filepath.Join(dir, "a"), "--cpuprofile", filepath.Join(dir, "b"))
	if err == nil {
		t.Error("--stretch-profile with --cpuprofile: no error")
	}
}
