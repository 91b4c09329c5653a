package cayleystore

import (
	"os"
	"strconv"
	"strings"
	"time"
)

// mappedWatch is how often a bolt store checks its mapped pages while no
// commit does (a server that only reads).
var mappedWatch = 250 * time.Millisecond

// watchMapped releases mapped pages beyond the budget every mappedWatch
// until stop is closed: reads map pages in too, and a store that is only
// read never commits.
func (s *Store) watchMapped(stop chan struct{}) {
	t := time.NewTicker(mappedWatch)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			s.wmu.Lock()
			select {
			case <-stop: // closed (or closing) meanwhile
			default:
				s.releaseMapped()
			}
			s.wmu.Unlock()
		}
	}
}

// releaseMapped hands the pages of the bolt file mapped into the process
// back to the kernel's page cache when more than s.mapped of them are
// resident. Reads running beside it fault the pages they touch in again,
// from the page cache.
//
// The range must be bolt's mapping, and stay it while the pages are
// dropped: MADV_DONTNEED on memory that has since been reused (the Go or
// C heap, after bolt unmapped the file to map it again larger) would zero
// it. So the range is taken inside a bolt read transaction, which holds
// bolt's mapping lock: bolt cannot remap until it ends. Its size is the
// database's size in that transaction, which the mapping covers. (The
// caller holds wmu too, so no write transaction is waiting meanwhile.)
func (s *Store) releaseMapped() {
	if s.bolt == nil || s.mapped < 0 || residentFileBytes() <= s.mapped {
		return
	}
	db := s.bolt.DB()
	tx, err := db.Begin(false)
	if err != nil {
		return
	}
	defer tx.Rollback()
	dontNeed(db.Info().Data, tx.Size())
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
