package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/claimgraph/claimgraph/graph/cayleystore"
	"github.com/claimgraph/claimgraph/tests/docgen"
)

// TestSoak runs 16 writers and 64 readers against one claimgraph server
// on loopback for CLAIMGRAPH_SOAK_DURATION (default 60s), on a bolt store.
// It runs only with CLAIMGRAPH_SOAK=1:
//
//	CLAIMGRAPH_SOAK=1 go test ./cmd/claimgraph -run TestSoak -v -timeout 10m
//
// It wants no failed request, every document stored exactly once, and
// the server's anonymous memory (RssAnon, sampled every second) flat: the
// highest sample of the last third at most 1.5 times the highest of the
// middle third. Figures are logged.
func TestSoak(t *testing.T) {
	if os.Getenv("CLAIMGRAPH_SOAK") != "1" {
		t.Skip("set CLAIMGRAPH_SOAK=1 to run the soak test")
	}
	dur := 60 * time.Second
	if s := os.Getenv("CLAIMGRAPH_SOAK_DURATION"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatalf("CLAIMGRAPH_SOAK_DURATION: %v", err)
		}
		dur = d
	}
	const writers, readers = 16, 64

	addr := freeLoopbackAddr(t)
	db := filepath.Join(t.TempDir(), "db")
	cmd, out := claimgraphCmd(t, []string{EnvWriteToken + "=" + testWriteToken},
		"serve", "--addr", addr, "--db", db, "--rate", "0", "--log-level", "warn")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { cmd.Process.Kill() })
	base := "http://" + addr
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: writers + readers, MaxConnsPerHost: writers + readers}, Timeout: 60 * time.Second}
	for up := false; !up; {
		select {
		case err := <-exited:
			t.Fatalf("serve exited: %v\n%s", err, out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if res, err := client.Get(base + "/readyz"); err == nil {
			res.Body.Close()
			up = res.StatusCode == 200
		}
	}

	docs := docgen.Generate(50000, 2026)
	var (
		next      atomic.Int64 // next document to post
		created   sync.Map     // doc index -> times created
		stats     soakStats
		stopAt    = time.Now().Add(dur)
		postedIDs sync.Map // document id -> true, for readers
		idList    struct {
			sync.Mutex
			ids []string
		}
	)
	post := func(i int) {
		start := time.Now()
		req, _ := http.NewRequest("POST", base+"/v1/documents?file="+docs[i].Name, strings.NewReader(docs[i].Text))
		req.Header.Set("Content-Type", "text/plain")
		req.Header.Set("Authorization", "Bearer "+testWriteToken)
		res, err := client.Do(req)
		if err != nil {
			stats.fail("POST %s: %v", docs[i].Name, err)
			return
		}
		var body struct {
			Document struct {
				ID string `json:"id"`
			} `json:"document"`
		}
		err = json.NewDecoder(res.Body).Decode(&body)
		res.Body.Close()
		stats.add(&stats.writes, time.Since(start))
		switch {
		case err != nil:
			stats.fail("POST %s: %d, body: %v", docs[i].Name, res.StatusCode, err)
		case res.StatusCode == 201:
			n, _ := created.LoadOrStore(i, new(atomic.Int32))
			n.(*atomic.Int32).Add(1)
			if _, loaded := postedIDs.LoadOrStore(body.Document.ID, true); !loaded {
				idList.Lock()
				idList.ids = append(idList.ids, body.Document.ID)
				idList.Unlock()
			}
		case res.StatusCode == 200:
		default:
			stats.fail("POST %s: %d", docs[i].Name, res.StatusCode)
		}
	}
	var wg sync.WaitGroup
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(w), 1))
			for time.Now().Before(stopAt) {
				i := int(next.Add(1) - 1)
				if i >= len(docs) {
					stats.fail("ran out of documents")
					return
				}
				post(i)
				if r.IntN(10) == 0 { // a repeat: must change nothing
					post(r.IntN(i + 1))
				}
			}
		}()
	}
	for rd := range readers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(uint64(rd), 2))
			for time.Now().Before(stopAt) {
				var p string
				switch r.IntN(6) {
				case 0:
					p = "/v1/documents?limit=50"
				case 1:
					p = "/v1/events?limit=20"
				case 2:
					p = "/v1/entities?q=Aleppo"
				case 3:
					p = "/v1/conflicts?limit=20"
				default:
					idList.Lock()
					n := len(idList.ids)
					id := ""
					if n > 0 {
						id = idList.ids[r.IntN(n)]
					}
					idList.Unlock()
					if id == "" {
						p = "/v1/documents?limit=5"
					} else {
						p = "/v1/documents/" + id + "/claims"
					}
				}
				start := time.Now()
				res, err := client.Get(base + p)
				if err != nil {
					stats.fail("GET %s: %v", p, err)
					continue
				}
				io.Copy(io.Discard, res.Body)
				res.Body.Close()
				stats.add(&stats.reads, time.Since(start))
				if res.StatusCode != 200 {
					stats.fail("GET %s: %d", p, res.StatusCode)
				}
			}
		}()
	}
	var rss []int64
	var anon []int64
	tick := time.NewTicker(time.Second)
	for time.Now().Before(stopAt) {
		<-tick.C
		total, a := processRSS(cmd.Process.Pid)
		rss, anon = append(rss, total), append(anon, a)
	}
	tick.Stop()
	wg.Wait()

	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if err := <-exited; err != nil {
		t.Fatalf("serve exited with %v\n%s", err, out.String())
	}

	w, r := stats.summary(&stats.writes), stats.summary(&stats.reads)
	t.Logf("soak %s: %d writers, %d readers on %s", dur, writers, readers, addr)
	t.Logf("writes: %s", w)
	t.Logf("reads:  %s", r)
	t.Logf("RSS MiB by second: %v", mib(rss))
	t.Logf("RssAnon MiB by second: %v", mib(anon))
	if n := stats.failed.Load(); n > 0 {
		t.Fatalf("%d failed requests; first: %s", n, stats.first.Load())
	}

	st, err := cayleystore.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored := allDocuments(t, st)
	ids := map[string]bool{}
	for _, d := range stored {
		if ids[d.ID.String()] {
			t.Fatalf("document %s stored twice", d.ID)
		}
		ids[d.ID.String()] = true
	}
	posted := int(min(next.Load(), int64(len(docs))))
	createdDocs := 0
	created.Range(func(k, v any) bool {
		createdDocs++
		if n := v.(*atomic.Int32).Load(); n != 1 {
			t.Errorf("%s created %d times", docs[k.(int)].Name, n)
		}
		return true
	})
	t.Logf("documents: %d posted, %d created, %d stored", posted, createdDocs, len(stored))
	if createdDocs != posted || len(stored) != posted {
		t.Fatalf("%d documents posted, %d created, %d stored: lost or duplicated documents", posted, createdDocs, len(stored))
	}
	if len(anon) >= 6 {
		third := len(anon) / 3
		mid, last := slices.Max(anon[third:2*third]), slices.Max(anon[2*third:])
		if float64(last) > 1.5*float64(mid) {
			t.Fatalf("memory grows: RssAnon %d MiB in the middle third, %d MiB in the last", mid>>20, last>>20)
		}
	}
}

// soakStats gathers latencies and failures from many goroutines.
type soakStats struct {
	mu            sync.Mutex
	writes, reads []time.Duration
	failed        atomic.Int64
	first         atomic.Value
}

func (s *soakStats) add(to *[]time.Duration, d time.Duration) {
	s.mu.Lock()
	*to = append(*to, d)
	s.mu.Unlock()
}

func (s *soakStats) fail(format string, args ...any) {
	if s.failed.Add(1) == 1 {
		s.first.Store(fmt.Sprintf(format, args...))
	}
}

func (s *soakStats) summary(ds *[]time.Duration) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(*ds) == 0 {
		return "none"
	}
	d := slices.Clone(*ds)
	slices.Sort(d)
	q := func(p float64) time.Duration {
		return d[min(len(d)-1, int(p*float64(len(d))))].Round(100 * time.Microsecond)
	}
	return fmt.Sprintf("%d requests, p50 %s, p99 %s, max %s", len(d), q(.5), q(.99), d[len(d)-1].Round(time.Millisecond))
}

// processRSS reads a process's resident memory and its anonymous part
// from /proc, in bytes.
func processRSS(pid int) (total, anon int64) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		f := strings.Fields(v)
		if len(f) == 0 {
			continue
		}
		n, _ := strconv.ParseInt(f[0], 10, 64)
		switch k {
		case "VmRSS":
			total = n << 10
		case "RssAnon":
			anon = n << 10
		}
	}
	return total, anon
}

func mib(xs []int64) []int64 {
	out := make([]int64, len(xs))
	for i, x := range xs {
		out[i] = x >> 20
	}
	return out
}

// freeLoopbackAddr returns a loopback address with a port free a moment ago.
func freeLoopbackAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}
