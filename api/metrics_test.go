package api_test

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/api"
)

// metricValue returns the value of the sample named by the start of a
// line of the text format (name and labels), or -1.
func metricValue(t *testing.T, text, sample string) float64 {
	t.Helper()
	re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(sample) + ` ([0-9.e+-]+)$`)
	m := re.FindStringSubmatch(text)
	if m == nil {
		return -1
	}
	v, err := strconv.ParseFloat(m[1], 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestMetrics(t *testing.T) {
	var computed atomic.Int32
	stats := func(ctx context.Context) (map[string]int64, error) {
		computed.Add(1)
		return map[string]int64{"documents": 1, "quads": 99}, nil
	}
	s := newOpsServer(t, api.Config{StoreStats: stats, StatsMaxAge: time.Hour})
	send(t, "POST", s.url+"/v1/documents", "application/json", "", docJSON(sampleDoc))
	send(t, "POST", s.url+"/v1/documents", "application/json", "", docJSON(sampleDoc))
	send(t, "POST", s.url+"/v1/documents", "text/csv", "", strings.NewReader("a,b"))
	send(t, "GET", s.url+"/v1/documents/not-an-id", "", "", nil)
	send(t, "GET", s.url+"/no/such/route/"+strings.Repeat("x", 10), "", "", nil)

	r := send(t, "GET", s.url+"/metrics", "", "", nil)
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/plain") {
		t.Fatalf("/metrics = %d %s", r.status, r.header.Get("Content-Type"))
	}
	text := string(r.body)
	for sample, want := range map[string]float64{
		`claimgraph_http_requests_total{method="POST",route="/v1/documents",status="201"}`:    1,
		`claimgraph_http_requests_total{method="POST",route="/v1/documents",status="200"}`:    1,
		`claimgraph_http_requests_total{method="POST",route="/v1/documents",status="415"}`:    1,
		`claimgraph_http_requests_total{method="GET",route="/v1/documents/:id",status="400"}`: 1,
		`claimgraph_http_requests_total{method="GET",route="other",status="404"}`:             1,
		`claimgraph_documents_ingested_total{result="created"}`:                               1,
		`claimgraph_documents_ingested_total{result="existing"}`:                              1,
		`claimgraph_documents_ingested_total{result="refused"}`:                               1,
		`claimgraph_http_request_duration_seconds_count{method="POST",route="/v1/documents"}`: 3,
		`claimgraph_store_size{kind="documents"}`:                                             1,
		`claimgraph_store_size{kind="quads"}`:                                                 99,
	} {
		if got := metricValue(t, text, sample); got != want {
			t.Errorf("%s = %v, want %v", sample, got, want)
		}
	}
	if metricValue(t, text, "process_resident_memory_bytes") <= 0 {
		t.Errorf("no process_resident_memory_bytes")
	}
	// A second scrape within the cache age does not count again.
	send(t, "GET", s.url+"/metrics", "", "", nil)
	if n := computed.Load(); n != 1 {
		t.Fatalf("store stats computed %d times for two scrapes, want 1", n)
	}
}
