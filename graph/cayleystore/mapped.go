package cayleystore

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/boltdb/bolt"
)

// mappedWatch is how often a bolt store checks its mapped pages, whether
// it is being read or written, or opened (releaseWhile).
var mappedWatch = 250 * time.Millisecond

// releaseMapped hands the pages of the bolt file mapped into the process
// back to the kernel's page cache when more than s.mapped of them are
// resident.
func (s *Store) releaseMapped() {
	if s.bolt == nil || s.mapped < 0 {
		return
	}
	releaseBolt(s.bolt.DB(), s.mapped)
}

// releaseBolt hands db's mapped pages back to the kernel's page cache when
// more than limit bytes of file-backed memory are resident. Reads and
// writes running beside it fault the pages they touch in again, from the
// page cache: bolt maps its file read-only and writes it with pwrite, so
// the pages are clean and the page cache holds what they held.
//
// The range must be bolt's mapping, and stay it while the pages are
// dropped: MADV_DONTNEED on memory that has since been reused (the Go or
// C heap, after bolt unmapped the file to map it again larger) would zero
// it. So the range is taken inside a bolt read transaction, which holds
// bolt's mapping lock: bolt cannot remap until it ends (a commit that must
// grow the mapping waits for it). Its size is the database's size in that
// transaction, which the mapping covers.
func releaseBolt(db *bolt.DB, limit int64) {
	if residentFileBytes() <= limit {
		return
	}
	tx, err := db.Begin(false)
	if err != nil {
		return // closed
	}
	defer tx.Rollback()
	dontNeed(db.Info().Data, tx.Size())
}

// releaseWhile releases db's mapped pages beyond limit every mappedWatch
// until the returned function is called (and returns once the releases
// have stopped): while a store is open, and while it is opened, since
// cayley then reads its whole log to fill its bloom filter, which would
// otherwise map the whole file in.
func releaseWhile(db *bolt.DB, limit int64) (stop func()) {
	if limit < 0 {
		return func() {}
	}
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(mappedWatch)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				releaseBolt(db, limit)
			}
		}
	}()
	return func() {
		close(quit)
		<-done
	}
}

// residentFileBytes is the process's resident file-backed memory
// (RssFile), 0 where /proc does not tell it.
func residentFileBytes() int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "RssFile:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
