package bench

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/google/uuid"
)

// samples are the ids and searches the traversals are timed on.
type samples struct {
	events  []uuid.UUID // events of sampled documents' accounts (so big events weigh more)
	claims  []uuid.UUID // assertions of sampled documents
	queries []string    // names as the documents write them
}

// sample picks up to n documents at random and takes their events, claims
// and the names they mention.
func sample(ctx context.Context, sys *system, docs []uuid.UUID, rng *rand.Rand, n int) (*samples, error) {
	s := &samples{}
	seenEv, seenQ := map[uuid.UUID]bool{}, map[string]bool{}
	for range n * 4 {
		if len(s.events) >= n && len(s.claims) >= n && len(s.queries) >= n {
			break
		}
		id := docs[rng.IntN(len(docs))]
		accs, err := sys.store.DocumentAccounts(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("sample: %w", err)
		}
		for _, a := range accs {
			if a.EventID != nil && !seenEv[*a.EventID] && len(s.events) < n {
				seenEv[*a.EventID] = true
				s.events = append(s.events, *a.EventID)
			}
		}
		claims, _, err := sys.store.DocumentClaims(ctx, id, graph.Page{Limit: graph.MaxLimit})
		if err != nil {
			return nil, fmt.Errorf("sample: %w", err)
		}
		for _, c := range claims {
			if c.Kind == graph.ClaimFact && len(s.claims) < n {
				s.claims = append(s.claims, c.ID)
				for _, m := range c.Mentions {
					if !seenQ[m.Text] && len(s.queries) < n {
						seenQ[m.Text] = true
						s.queries = append(s.queries, m.Text)
					}
				}
			}
		}
	}
	if len(s.events) == 0 || len(s.claims) == 0 || len(s.queries) == 0 {
		return nil, fmt.Errorf("sample: the corpus gave %d events, %d claims and %d names to sample", len(s.events), len(s.claims), len(s.queries))
	}
	return s, nil
}

// endpoint is one traversal to time: its URLs and what its baselines compute.
type endpoint struct {
	out  Endpoint
	kind string
	urls []string
	ids  []uuid.UUID
	qs   []string
}

func endpoints(s *samples) []endpoint {
	evURLs := func(f string) []string {
		out := make([]string, len(s.events))
		for i, id := range s.events {
			out[i] = fmt.Sprintf(f, id)
		}
		return out
	}
	var claimURLs, queryURLs []string
	for _, id := range s.claims {
		claimURLs = append(claimURLs, fmt.Sprintf("/v1/claims/%s/provenance", id))
	}
	for _, q := range s.queries {
		queryURLs = append(queryURLs, "/v1/entities?q="+url.QueryEscape(q))
	}
	return []endpoint{
		{out: Endpoint{Name: "event sources", Path: "/v1/events/{id}/sources"}, kind: "sources", urls: evURLs("/v1/events/%s/sources"), ids: s.events},
		{out: Endpoint{Name: "event conflicts", Path: "/v1/events/{id}/conflicts"}, kind: "conflicts", urls: evURLs("/v1/events/%s/conflicts"), ids: s.events},
		{out: Endpoint{Name: "claim provenance", Path: "/v1/claims/{id}/provenance"}, kind: "provenance", urls: claimURLs, ids: s.claims},
		{out: Endpoint{Name: "entity search", Path: "/v1/entities?q={name}"}, kind: "entities", urls: queryURLs, qs: s.queries},
		{out: Endpoint{Name: "graph depth 2", Path: "/v1/graph?focus={event}&depth=2"}, kind: "graph", urls: evURLs("/v1/graph?focus=%s&depth=2"), ids: s.events},
	}
}

// probe checks the endpoint answers; a 404 on an id that exists means the
// route does not, and the endpoint is skipped.
func probe(ctx context.Context, base string, ep *endpoint) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+ep.urls[0], nil)
	if err != nil {
		return err
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("%s: %w", ep.out.Name, err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	switch {
	case res.StatusCode == http.StatusNotFound:
		ep.out.Skipped = "the API has no " + ep.out.Path + " (404)"
	case res.StatusCode != http.StatusOK:
		return fmt.Errorf("%s: GET %s: %s: %s", ep.out.Name, ep.urls[0], res.Status, body)
	}
	return nil
}

// overHTTP runs n requests over loopback from clients concurrent clients.
func overHTTP(ctx context.Context, base string, ep *endpoint, clients, n int) (Latency, int, error) {
	tr := &http.Transport{MaxIdleConns: clients, MaxIdleConnsPerHost: clients}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr, Timeout: time.Minute}
	var next atomic.Int64
	var bytes atomic.Int64
	ds := make([]time.Duration, n)
	errs := make(chan error, clients)
	var wg sync.WaitGroup
	for range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n || ctx.Err() != nil {
					return
				}
				u := base + ep.urls[i%len(ep.urls)]
				start := time.Now()
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
				res, err := cl.Do(req)
				if err != nil {
					errs <- fmt.Errorf("GET %s: %w", u, err)
					return
				}
				b, err := io.ReadAll(res.Body)
				res.Body.Close()
				ds[i] = time.Since(start)
				if err != nil || res.StatusCode != http.StatusOK {
					errs <- fmt.Errorf("GET %s: %s %v", u, res.Status, err)
					return
				}
				bytes.Add(int64(len(b)))
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return Latency{}, 0, fmt.Errorf("%s: %w", ep.out.Name, err)
	}
	if err := ctx.Err(); err != nil {
		return Latency{}, 0, err
	}
	return summarise(ds), int(bytes.Load() / int64(n)), nil
}

// inProcess calls the handler directly, one request at a time.
func inProcess(ctx context.Context, h http.Handler, ep *endpoint, n int) (Latency, error) {
	ds := make([]time.Duration, n)
	for i := range n {
		if err := ctx.Err(); err != nil {
			return Latency{}, err
		}
		u := ep.urls[i%len(ep.urls)]
		start := time.Now()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil).WithContext(ctx))
		ds[i] = time.Since(start)
		if rec.Code != http.StatusOK {
			return Latency{}, fmt.Errorf("%s: GET %s: %d %s", ep.out.Name, u, rec.Code, strings.TrimSpace(rec.Body.String()))
		}
	}
	return summarise(ds), nil
}

// timed runs f n times over the samples and summarises.
func timed(ctx context.Context, n, samples int, f func(i int) error) (Latency, error) {
	ds := make([]time.Duration, n)
	for i := range n {
		if err := ctx.Err(); err != nil {
			return Latency{}, err
		}
		start := time.Now()
		if err := f(i % samples); err != nil {
			return Latency{}, err
		}
		ds[i] = time.Since(start)
	}
	return summarise(ds), nil
}

func summarise(ds []time.Duration) Latency {
	if len(ds) == 0 {
		return Latency{}
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	var sum time.Duration
	for _, d := range s {
		sum += d
	}
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	at := func(p float64) time.Duration { return s[min(len(s)-1, int(p*float64(len(s))))] }
	return Latency{N: len(s), P50: ms(at(0.50)), P99: ms(at(0.99)), Mean: ms(sum) / float64(len(s)), Max: ms(s[len(s)-1])}
}
