package cayleystore

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// QuadStore returns the cayley quad store under s. It is for benchmarks
// only (bench runs cayley's own query engine, Gizmo, over it as a
// baseline): everything else goes through the Store's methods, which keep
// cayley's types out of the domain and hold the locks that memstore needs.
// Callers must not write through it, nor read while a Commit may run on a
// memory store.
func (s *Store) QuadStore() cgraph.QuadStore { return s.qs }

// Size returns the number of quads and nodes stored; exact asks the
// backend to count rather than estimate. For benchmarks and operators.
func (s *Store) Size(ctx context.Context, exact bool) (quads, nodes int64, err error) {
	s.rw.RLock()
	defer s.rw.RUnlock()
	st, err := s.qs.Stats(ctx, exact)
	if err != nil {
		return 0, 0, fmt.Errorf("%s store stats: %w", s.backend, err)
	}
	return st.Quads.Value, st.Nodes.Value, nil
}

// CacheStats is what the read cache did since the store was opened.
type CacheStats struct {
	Enabled bool  `json:"enabled"`
	Hits    int64 `json:"hits"`
	Misses  int64 `json:"misses"`
	Bytes   int64 `json:"bytes"` // estimated size of what it holds
}

// CacheStats reports the read cache's hits, misses and size.
func (s *Store) CacheStats() CacheStats {
	if s.cache == nil {
		return CacheStats{}
	}
	return CacheStats{Enabled: true, Hits: s.cache.hits.Load(), Misses: s.cache.misses.Load(), Bytes: s.cache.bytes()}
}
