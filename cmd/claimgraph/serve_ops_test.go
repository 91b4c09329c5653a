package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/cayleystore"
)

const testWriteToken = "test-write-token-0123456789"

// serveLogged runs `claimgraph serve args...` in this process and returns
// its base URL, its log and a stop function.
func serveLogged(t *testing.T, args ...string) (string, *syncBuffer, func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, append([]string{"serve", "--addr", "127.0.0.1:0", "--db", "memory:"}, args...), nil, io.Discard, &stderr)
	}()
	base := waitForAddr(t, &stderr, done)
	return base, &stderr, func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v\n%s", err, stderr.String())
		}
	}
}

// waitForAddr waits for serve to log the address it listens on.
func waitForAddr(t *testing.T, log *syncBuffer, done <-chan error) string {
	t.Helper()
	deadline := time.After(60 * time.Second)
	for {
		select {
		case err := <-done:
			t.Fatalf("serve exited: %v\n%s", err, log.String())
		case <-deadline:
			t.Fatalf("serve did not start:\n%s", log.String())
		case <-time.After(10 * time.Millisecond):
			if m := addrRE.FindStringSubmatch(log.String()); m != nil {
				return m[1]
			}
		}
	}
}

func postDoc(t *testing.T, base, token, text string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", base+"/v1/documents", strings.NewReader(text))
	req.Header.Set("Content-Type", "text/plain")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, b
}

const shellingText = "Idlib, 4 June 2018. At least 9 civilians were killed when aircraft struck a market, the Syrian Civil Defence said."

func TestServeRefusesWritesWithoutAToken(t *testing.T) {
	t.Setenv(EnvWriteToken, "")
	t.Setenv(EnvReadToken, "")
	base, log, stop := serveLogged(t)
	defer stop()
	st, body := postDoc(t, base, "", shellingText)
	if st != 401 || !strings.Contains(string(body), EnvWriteToken) {
		t.Fatalf("POST without a configured token = %d %s", st, body)
	}
	if !strings.Contains(log.String(), "writes are disabled") {
		t.Fatalf("serve did not warn that writes are disabled:\n%s", log.String())
	}
	if n := countDocuments(t, base); n != 0 {
		t.Fatalf("%d documents after a refused write", n)
	}
}

func TestServeTokensFromTheEnvironment(t *testing.T) {
	t.Setenv(EnvWriteToken, testWriteToken)
	t.Setenv(EnvReadToken, "")
	base, log, stop := serveLogged(t, "--load", corpus)
	defer stop()
	if st, body := postDoc(t, base, "", shellingText); st != 401 {
		t.Fatalf("POST without a token = %d %s", st, body)
	}
	st, body := postDoc(t, base, testWriteToken, shellingText)
	if st != 201 {
		t.Fatalf("POST with the write token = %d %s", st, body)
	}
	// Reads stay open: no read token is configured.
	if n := countDocuments(t, base); n != 10 {
		t.Fatalf("%d documents, want the corpus and one more", n)
	}
	if strings.Contains(log.String(), testWriteToken) {
		t.Fatalf("the token appears in the log")
	}
}

func TestServeFlagErrors(t *testing.T) {
	dir := t.TempDir()
	open := filepath.Join(dir, "tokens")
	os.WriteFile(open, []byte("alice write "+testWriteToken+"\n"), 0o644)
	for _, c := range []struct {
		args []string
		says string
	}{
		{[]string{"--cors-origin", "*"}, "any web page"},
		{[]string{"--cors-origin", "viz.example.org"}, "http"},
		{[]string{"--write-token", "short"}, "shorter than 16"},
		{[]string{"--token-file", open}, "chmod 600"},
		{[]string{"--token-file", filepath.Join(dir, "missing")}, "no such file"},
	} {
		err := Run(context.Background(), append([]string{"serve", "--db", "memory:"}, c.args...), nil, io.Discard, io.Discard)
		if exitCode(err) != 2 || !strings.Contains(err.Error(), c.says) || strings.Contains(err.Error(), testWriteToken) {
			t.Errorf("serve %v: %v (exit %d), want a usage error saying %q", c.args, err, exitCode(err), c.says)
		}
	}
}

var inFlightRE = regexp.MustCompile(`(?m)^claimgraph_http_requests_in_flight ([0-9]+)$`)

// TestGracefulShutdownFinishesInFlightWrite sends SIGTERM to a serving
// claimgraph process while a POST is half sent: /readyz turns 503, the
// POST still gets its 201, the process exits cleanly, and the document is
// in the store when it is opened again.
func TestGracefulShutdownFinishesInFlightWrite(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a claimgraph process")
	}
	db := filepath.Join(t.TempDir(), "db")
	cmd, out := claimgraphCmd(t, []string{EnvWriteToken + "=" + testWriteToken},
		"serve", "--addr", "127.0.0.1:0", "--db", db, "--drain-delay", "3s", "--log-level", "info")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	base := waitForAddr(t, out, exited)

	pr, pw := io.Pipe()
	type answer struct {
		status int
		body   []byte
		err    error
	}
	answered := make(chan answer, 1)
	go func() {
		req, _ := http.NewRequest("POST", base+"/v1/documents", pr)
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Authorization", "Bearer "+testWriteToken)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			answered <- answer{err: err}
			return
		}
		b, err := io.ReadAll(res.Body)
		res.Body.Close()
		answered <- answer{res.StatusCode, b, err}
	}()
	half := len(shellingText) / 2
	if _, err := pw.Write([]byte(shellingText[:half])); err != nil {
		t.Fatal(err)
	}
	// Wait until the server is answering the POST (this scrape is the other request in flight).
	for n := 0; n < 2; {
		res, err := http.Get(base + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if m := inFlightRE.FindSubmatch(b); m != nil {
			n, _ = strconv.Atoi(string(m[1]))
		}
		time.Sleep(5 * time.Millisecond)
	}

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	for ready := true; ready; {
		res, err := http.Get(base + "/readyz")
		if err != nil {
			t.Fatalf("/readyz during the drain: %v", err)
		}
		res.Body.Close()
		ready = res.StatusCode == 200
		if !ready && res.StatusCode != 503 {
			t.Fatalf("/readyz during the drain = %d", res.StatusCode)
		}
	}

	if _, err := pw.Write([]byte(shellingText[half:])); err != nil {
		t.Fatal(err)
	}
	pw.Close()
	a := <-answered
	if a.err != nil || a.status != 201 {
		t.Fatalf("the in-flight POST got %d %s (%v)\n%s", a.status, a.body, a.err, out.String())
	}
	var res struct {
		Document graph.Document `json:"document"`
	}
	if err := json.Unmarshal(a.body, &res); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Fatalf("serve exited with %v\n%s", err, out.String())
	}
	if !strings.Contains(out.String(), `"stopped"`) {
		t.Fatalf("no clean stop in the log:\n%s", out.String())
	}

	st, err := cayleystore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ok, err := st.HasDocument(context.Background(), res.Document.ID)
	if err != nil || !ok {
		t.Fatalf("the acknowledged document %s is not in the store after restart (%v)", res.Document.ID, err)
	}
	if n := len(allDocuments(t, st)); n != 1 {
		t.Fatalf("%d documents stored, want 1", n)
	}
}
