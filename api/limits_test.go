package api_test

import (
	"bytes"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
)

func TestRateLimitPerClient(t *testing.T) {
	// One request a minute, three at once: the fourth is refused, whatever
	// the speed of the machine.
	s := newOpsServer(t, api.Config{RateLimit: 1.0 / 60, RateBurst: 3})
	for i := range 3 {
		if r := send(t, "GET", s.url+"/v1/documents", "", "", nil); r.status != 200 {
			t.Fatalf("request %d = %d %s", i+1, r.status, r.body)
		}
	}
	r := send(t, "GET", s.url+"/v1/documents", "", "", nil)
	if r.status != 429 || r.errorCode() != "rate_limited" || !strings.Contains(r.message(), "0.016666666666666666 requests a second per client, 3 at once") {
		t.Fatalf("fourth request = %v", r)
	}
	if r.header.Get("Retry-After") != "60" {
		t.Fatalf("Retry-After %q", r.header.Get("Retry-After"))
	}
	// Health checks are never limited.
	if r := send(t, "GET", s.url+"/healthz", "", "", nil); r.status != 200 {
		t.Fatalf("healthz under the limit = %d", r.status)
	}
	// A forged X-Forwarded-For does not make a new client.
	req, _ := http.NewRequest("GET", s.url+"/v1/documents", nil)
	req.Header.Set("X-Forwarded-For", "203.0.113.9")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 429 {
		t.Fatalf("with a forged X-Forwarded-For = %d, want 429", res.StatusCode)
	}
}

func TestRateLimitBehindProxy(t *testing.T) {
	s := newOpsServer(t, api.Config{RateLimit: 1.0 / 60, RateBurst: 1, TrustProxy: true})
	for _, ip := range []string{"203.0.113.1", "203.0.113.2"} {
		req, _ := http.NewRequest("GET", s.url+"/v1/documents", nil)
		req.Header.Set("X-Forwarded-For", ip)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("client %s = %d: clients behind the proxy share a limit", ip, res.StatusCode)
		}
	}
}

func TestBodyAndDocumentLimits(t *testing.T) {
	s := newOpsServer(t, api.Config{MaxBodyBytes: 4 << 10, MaxDocumentBytes: 1000})
	big := bytes.Repeat([]byte("a"), 5<<10)
	r := send(t, "POST", s.url+"/v1/documents", "text/plain", "", bytes.NewReader(big))
	if r.status != 413 || r.errorCode() != "too_large" || !strings.Contains(r.message(), "4 KiB") {
		t.Fatalf("5 KiB body = %v", r)
	}
	doc := strings.Repeat("Aleppo was shelled. ", 60)
	r = send(t, "POST", s.url+"/v1/documents", "text/plain", "", strings.NewReader(doc))
	if r.status != 413 || r.errorCode() != "too_large" || !strings.Contains(r.message(), "limit is 1000 bytes") {
		t.Fatalf("1200-byte document = %v", r)
	}
}

func TestRequestTimeoutNamesTheLimit(t *testing.T) {
	// A timeout too short for any ingestion: the deadline passes in the
	// store or the extractor, and the answer names the limit.
	s := newOpsServer(t, api.Config{RequestTimeout: time.Nanosecond})
	r := send(t, "POST", s.url+"/v1/documents", "application/json", "", docJSON(sampleDoc))
	if r.status != 503 || r.errorCode() != "unavailable" || !strings.Contains(r.message(), "limit of 1ns") {
		t.Fatalf("POST with a 1ns timeout = %v", r)
	}
}

func TestCORS(t *testing.T) {
	preflight := func(url, origin string) *http.Response {
		req, _ := http.NewRequest("OPTIONS", url+"/v1/documents", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		req.Header.Set("Access-Control-Request-Headers", "authorization, content-type")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res
	}
	off := newOpsServer(t, api.Config{})
	if h := preflight(off.url, "https://viz.example.org").Header.Get("Access-Control-Allow-Origin"); h != "" {
		t.Fatalf("CORS is off by default, yet Allow-Origin %q", h)
	}
	on := newOpsServer(t, api.Config{CORSOrigins: []string{"https://viz.example.org"}})
	res := preflight(on.url, "https://viz.example.org")
	if res.Header.Get("Access-Control-Allow-Origin") != "https://viz.example.org" ||
		!strings.Contains(strings.ToLower(res.Header.Get("Access-Control-Allow-Headers")), "authorization") {
		t.Fatalf("preflight from an allowed origin: %d %v", res.StatusCode, res.Header)
	}
	if h := preflight(on.url, "https://evil.example.com").Header.Get("Access-Control-Allow-Origin"); h != "" {
		t.Fatalf("another origin is allowed: %q", h)
	}
}

func TestCheckCORSOrigins(t *testing.T) {
	for _, o := range []string{"*", "viz.example.org", "https://viz.example.org/app", "https://*.example.org", "ftp://x", "https://"} {
		if err := api.CheckCORSOrigins([]string{o}); err == nil {
			t.Errorf("origin %q accepted", o)
		}
	}
	if err := api.CheckCORSOrigins([]string{"https://viz.example.org", "http://localhost:5173"}); err != nil {
		t.Fatal(err)
	}
}
