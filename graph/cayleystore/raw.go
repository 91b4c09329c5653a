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

// WriteStats is what bolt's write transactions did since the store was
// opened: pages allocated (and their bytes), B-tree nodes materialised,
// split and spilled, and page writes. Zero on the other backends. For
// benchmarks: how a commit's cost grows with the store.
type WriteStats struct {
	Pages     int64 `json:"pages"`
	PageBytes int64 `json:"page_bytes"`
	Nodes     int64 `json:"nodes"`
	Splits    int64 `json:"splits"`
	Spills    int64 `json:"spills"`
	Writes    int64 `json:"writes"`
}

// WriteStats reports bolt's write statistics.
func (s *Store) WriteStats() WriteStats {
	if s.bolt == nil {
		return WriteStats{}
	}
	t := s.bolt.DB().Stats().TxStats
	return WriteStats{Pages: int64(t.PageCount), PageBytes: int64(t.PageAlloc), Nodes: int64(t.NodeCount),
		Splits: int64(t.Split), Spills: int64(t.Spill), Writes: int64(t.Write)}
}
