package clients

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// server is a claimgraph binary serving the example corpus on loopback.
type server struct {
	base string
	cmd  *exec.Cmd
}

func enabled(t *testing.T) {
	t.Helper()
	if os.Getenv("CLAIMGRAPH_CLIENT_TESTS") != "1" {
		t.Skip("real-client tests skipped: set CLAIMGRAPH_CLIENT_TESTS=1 (after bash scripts/clients-setup.sh) to run networkx, rdflib, Cytoscape.js and Chromium against the exports")
	}
	for _, need := range []string{"/usr/bin/python3", "/usr/bin/chromium", "node", "node_modules/cytoscape", "node_modules/playwright-core"} {
		if strings.HasPrefix(need, "node_modules") {
			if _, err := os.Stat(need); err != nil {
				t.Fatalf("%s missing: run bash scripts/clients-setup.sh", need)
			}
			continue
		}
		if _, err := exec.LookPath(need); err != nil {
			t.Fatalf("%s missing: run bash scripts/clients-setup.sh", need)
		}
	}
}

// writeToken is the token the test server accepts for writes.
const writeToken = "clients-test-token-7f3a9c1e5b2d4a68"

var listening = regexp.MustCompile(`addr"?[=:]"?http://(127\.0\.0\.1:\d+)`)

// startServer builds cmd/claimgraph (or takes the binary CLAIMGRAPH_BIN
// names) and serves the example corpus from a memory store on a free
// loopback port.
func startServer(t *testing.T) *server {
	t.Helper()
	bin := os.Getenv("CLAIMGRAPH_BIN") // a binary built already, if given
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "claimgraph")
		build := exec.Command("go", "build", "-o", bin, "./cmd/claimgraph")
		build.Dir = "../.."
		if out, err := build.CombinedOutput(); err != nil {
			t.Fatalf("build claimgraph: %v\n%s", err, out)
		}
	}
	cmd := exec.Command(bin, "serve", "--db", "memory:", "--addr", "127.0.0.1:0", "--load", "../../examples/corpus")
	// Writes need a token (an older binary ignores the variable).
	cmd.Env = append(os.Environ(), "CLAIMGRAPH_WRITE_TOKEN="+writeToken)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout = cmd.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd}
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { _ = cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = cmd.Process.Kill()
		}
	})
	found := make(chan string, 1)
	var logs bytes.Buffer
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			logs.WriteString(sc.Text() + "\n")
			if m := listening.FindStringSubmatch(sc.Text()); m != nil {
				select {
				case found <- m[1]:
				default:
				}
			}
		}
	}()
	select {
	case addr := <-found:
		s.base = "http://" + addr
	case <-time.After(120 * time.Second):
		t.Fatalf("claimgraph serve did not report its address:\n%s", logs.String())
	}
	for i := 0; i < 100; i++ {
		if res, err := http.Get(s.base + "/healthz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return s
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("claimgraph serve at %s is not healthy", s.base)
	return nil
}

func (s *server) get(t *testing.T, path string) []byte {
	t.Helper()
	res, err := http.Get(s.base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, b)
	}
	return b
}

// qusur finds the Qusur strike through the API: of the events at Qusur,
// the one with the most accounts.
func (s *server) qusur(t *testing.T) string {
	t.Helper()
	var evs struct {
		Items []struct {
			ID       string   `json:"id"`
			Accounts []string `json:"accounts"`
		} `json:"items"`
	}
	if err := json.Unmarshal(s.get(t, "/v1/events?q=Qusur"), &evs); err != nil || len(evs.Items) == 0 {
		t.Fatalf("no event for Qusur: %v", err)
	}
	best := 0 // the strike is the event most sources tell
	for i, e := range evs.Items {
		if len(e.Accounts) > len(evs.Items[best].Accounts) {
			best = i
		}
	}
	return evs.Items[best].ID
}

// run runs a client check and logs what it printed; its last line is
// "TOOL: N passed, M failed".
func run(t *testing.T, name string, args ...string) {
	t.Helper()
	cmd := exec.Command(name, args...)
	out, err := cmd.CombinedOutput()
	t.Logf("%s %s:\n%s", name, strings.Join(args, " "), out)
	if err != nil {
		t.Errorf("%s %s failed: %v", name, args[0], err)
	}
}

// export saves the selection around focus in every format into dir.
func (s *server) export(t *testing.T, dir, focus string) {
	t.Helper()
	q := "/v1/graph?focus=" + focus + "&depth=2&format="
	for f, file := range map[string]string{
		"cytoscape": "graph.json", "graphml": "graph.graphml", "gexf": "graph.gexf",
		"jsonld": "graph.jsonld", "nquads": "graph.nq", "d3": "graph.d3.json", "dot": "graph.dot",
	} {
		if err := os.WriteFile(filepath.Join(dir, file), s.get(t, q+f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRealClients(t *testing.T) {
	enabled(t)
	s := startServer(t)
	dir := t.TempDir()
	ev := s.qusur(t)
	s.export(t, dir, ev)
	// The documents that report the event, which the exports must hold.
	if err := os.WriteFile(filepath.Join(dir, "sources.json"), s.get(t, "/v1/events/"+ev+"/sources"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("networkx reads GraphML and GEXF", func(t *testing.T) {
		run(t, "/usr/bin/python3", "check_networkx.py", dir)
	})
	t.Run("rdflib reads JSON-LD and N-Quads", func(t *testing.T) {
		run(t, "/usr/bin/python3", "check_rdflib.py", dir)
	})
	t.Run("Cytoscape.js loads the elements headless", func(t *testing.T) {
		run(t, "node", "check_cytoscape.js", dir)
	})
}

func TestViewerInChromium(t *testing.T) {
	enabled(t)
	s := startServer(t)
	// A document whose text and title carry markup: the viewer must show
	// it as text and run none of it.
	body, _ := json.Marshal(map[string]string{
		"title": "<img src=x onerror=alert(2)>Injected report",
		"date":  "2017-10-26",
		"text":  "<script>alert(1)</script> The Syrian Observatory for Human Rights said on Thursday that 3 people were killed in an air strike on Raqqa.",
	})
	req, err := http.NewRequest(http.MethodPost, s.base+"/v1/documents", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+writeToken)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	var created struct {
		Document struct {
			ID string `json:"id"`
		} `json:"document"`
	}
	if res.StatusCode != http.StatusCreated || json.Unmarshal(b, &created) != nil || created.Document.ID == "" {
		t.Fatalf("ingest: %d %s", res.StatusCode, b)
	}
	out, err := filepath.Abs("out")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "node", "viewer.js", s.base, out, created.Document.ID)
	o, err := cmd.CombinedOutput()
	t.Logf("node viewer.js:\n%s", o)
	if err != nil {
		t.Errorf("viewer: %v", err)
	}
	fmt.Fprintf(os.Stderr, "screenshots in %s\n", out)
}
