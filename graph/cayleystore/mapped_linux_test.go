package cayleystore

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mappedRSS is the resident size of the process's mapping that starts at
// addr, from /proc/self/smaps.
func mappedRSS(t *testing.T, addr uintptr) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skip("no /proc/self/smaps")
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	prefix := fmt.Sprintf("%x-", addr)
	in := false
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, prefix) {
			in = true // the mapping's header; its Rss line follows
			continue
		}
		if rest, ok := strings.CutPrefix(line, "Rss:"); in && ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatalf("no mapping at %x in /proc/self/smaps", addr)
	return 0
}

// Beyond its budget, a bolt store hands its mapped pages back after a
// commit; reads go on answering from the file.
func TestBoltReleasesMappedPages(t *testing.T) {
	ctx := t.Context()
	s, err := OpenWith(ctx, t.TempDir(), Options{MappedBytes: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := loadWorld(t)
	w.ingest(t, s)
	var before map[string]string
	uncached(s, func() { before = snapshot(t, s, w, nil) })
	addr := s.bolt.DB().Info().Data
	if mappedRSS(t, addr) == 0 {
		t.Fatal("nothing of the store is resident after reading it all")
	}
	s.wmu.Lock()
	s.releaseMapped()
	kept := mappedRSS(t, addr)
	s.mapped = 1
	s.releaseMapped()
	s.wmu.Unlock()
	if kept == 0 {
		t.Fatal("a store that never releases released its pages")
	}
	if got := mappedRSS(t, addr); got != 0 {
		t.Errorf("%d bytes of the store still resident after release", got)
	}
	var after map[string]string
	uncached(s, func() { after = snapshot(t, s, w, nil) })
	for k, v := range before {
		if after[k] != v {
			t.Errorf("%s after release: %s, want %s", k, after[k], v)
		}
	}
}

// A store that is only read releases the pages reads map in too.
func TestBoltReleasesMappedPagesWhileReading(t *testing.T) {
	defer func(d time.Duration) { mappedWatch = d }(mappedWatch)
	mappedWatch = 20 * time.Millisecond
	s, err := OpenWith(t.Context(), t.TempDir(), Options{MappedBytes: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w := loadWorld(t)
	w.ingest(t, s)
	uncached(s, func() { snapshot(t, s, w, nil) })
	s.wmu.Lock()
	addr := s.bolt.DB().Info().Data
	s.wmu.Unlock()
	deadline := time.Now().Add(5 * time.Second)
	for mappedRSS(t, addr) > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d bytes of the store still resident 5 s after the last read", mappedRSS(t, addr))
		}
		time.Sleep(10 * time.Millisecond)
	}
}
