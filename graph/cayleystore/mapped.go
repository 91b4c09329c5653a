package cayleystore

import (
	"os"
	"strconv"
	"strings"
)

// releaseMapped hands the pages of the bolt file mapped into the process
// back to the kernel's page cache when more than s.mapped of them are
// resident. The caller holds wmu: bolt maps its file again only in a
// write transaction, so the mapping cannot move meanwhile. Reads running
// beside it fault the pages they touch in again, from the page cache.
func (s *Store) releaseMapped() {
	if s.bolt == nil || s.mapped < 0 || residentFileBytes() <= s.mapped {
		return
	}
	db := s.bolt.DB()
	fi, err := os.Stat(db.Path())
	if err != nil {
		return
	}
	dontNeed(db.Info().Data, fi.Size())
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
