package cayleystore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers "bolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach"
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"
	hbolt "github.com/hidal-go/hidalgo/kv/bolt"

	"github.com/claimgraph/claimgraph/graph"
)

// Backend names, as Backend returns them.
const (
	BackendBolt      = "bolt"
	BackendMemory    = "memory"
	BackendPostgres  = "postgres"
	BackendCockroach = "cockroach"
)

// Store is claimgraph's graph on a cayley quad store. It is safe for
// concurrent use: Commit is serialised (one writer per process) and reads
// take the read side of a lock that Commit holds only while it applies its
// deltas, so a read never sees half a batch written by this process.
type Store struct {
	qs      cgraph.QuadStore
	backend string
	cache   *cache // nil on the SQL backends
	gen     uint64 // counts writes, under wmu (Group.Commit checks it)

	// bolt is the bolt database under a bolt store, and mapped the most
	// of its file the process keeps mapped in (releaseMapped).
	bolt   *hbolt.DB
	mapped int64
	// prefix reads one predicate's edges by index prefix on bolt (nil
	// elsewhere; index.go).
	prefix *prefixIndexes
	// stopWatch ends the watch that releases mapped pages past the
	// budget (releaseWhile) and returns once it has; nil when there is
	// none.
	stopWatch func()

	// writers is the connection pool LockWriters takes the writers'
	// lock through, on a SQL backend; nil on bolt and in memory.
	writers *sql.DB
	heldMu  sync.Mutex
	held    map[*sql.Tx]bool // the writers' locks held, released by Close

	wmu sync.Mutex   // one Commit or Load at a time
	rw  sync.RWMutex // readers vs the moment deltas are applied

	closeOnce sync.Once
	closeErr  error
}

// DefaultCacheBytes bounds the read cache of a store opened without a
// bound of its own. Decoded records are full of pointers, which the
// collector marks on every cycle: past about 20,000 documents a bulk load
// spent more CPU marking a 256 MiB cache than the cache saved it (28,000
// documents, back to back: 14.6 ms of CPU per document with 256 MiB, 11.3
// ms with 128 MiB at a 66% hit rate instead of 79%; 7.1 against 7.0 ms
// at 10,000, where traversal latencies did not move).
const DefaultCacheBytes = 128 << 20

// Options tune a store.
type Options struct {
	// CacheBytes bounds the read cache (decoded records and resolved
	// edges, estimated bytes); 0 means DefaultCacheBytes and a negative
	// value disables it. PostgreSQL and CockroachDB stores do not cache
	// unless SoleWriter is set: several servers may write one database,
	// and a server cannot see the others' commits to invalidate what they
	// change.
	CacheBytes int64
	// SoleWriter promises that this process is the only one writing the
	// PostgreSQL or CockroachDB database (one server, or one bulk
	// ingest): the read cache is then on there too. Commits by any other
	// process would go unseen by it until it is reopened.
	SoleWriter bool
	// NoBloom turns off cayley's bloom filters on bolt. They are sized
	// for 100 million quads whatever the store holds (about 480 MiB of
	// resident memory on a store created empty, less on one reopened)
	// and spare an index read per quad written: measured at 1,000
	// documents, peak RSS 700 -> 220 MiB, bulk ingest 4.4 -> 5.9 ms of CPU
	// per document.
	NoBloom bool
	// MappedBytes bounds the resident pages of a bolt store's file that
	// the process keeps mapped: bolt reads its file through a memory map,
	// and a growing store would otherwise stay resident page after page,
	// up to its whole size. After a commit that finds more resident, the
	// store hands the mapped pages back to the kernel's page cache (on
	// Linux; they stay cached there, and the next read maps them in
	// again). 0 means DefaultMappedBytes; a negative value never releases.
	MappedBytes int64
}

// DefaultMappedBytes is the MappedBytes of a store opened without one.
const DefaultMappedBytes = 512 << 20

// Open opens the store named by dsn with default Options:
//
//   - "memory:" is an in-process memstore (lost on Close);
//   - "postgres://..." or "postgresql://..." is cayley's PostgreSQL backend,
//     its schema created on first use;
//   - "cockroach://..." is cayley's CockroachDB backend (the URL is handed to
//     its pgx driver as postgres://...);
//   - anything else is a directory holding a bolt store, created and
//     initialised if missing.
func Open(ctx context.Context, dsn string) (*Store, error) {
	return OpenWith(ctx, dsn, Options{})
}

// OpenWith opens the store named by dsn (see Open) with o.
func OpenWith(ctx context.Context, dsn string, o Options) (*Store, error) {
	s, err := open(ctx, dsn, o)
	if err != nil {
		return nil, err
	}
	switch {
	case (s.backend == BackendPostgres || s.backend == BackendCockroach) && !o.SoleWriter:
	case o.CacheBytes == 0:
		s.cache = newCache(DefaultCacheBytes)
	case o.CacheBytes > 0:
		s.cache = newCache(o.CacheBytes)
	}
	return s, nil
}

func open(ctx context.Context, dsn string, o Options) (*Store, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	switch {
	case dsn == "":
		return nil, graph.Errorf(graph.EINVALID, "empty store address")
	case dsn == "memory:":
		qs, err := cgraph.NewQuadStore("memstore", "", nil)
		if err != nil {
			return nil, fmt.Errorf("open memstore: %w", err)
		}
		return &Store{qs: qs, backend: BackendMemory}, nil
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		qs, err := openSQL(ctx, "postgres", dsn)
		if err != nil {
			return nil, fmt.Errorf("open postgres store: %w", err)
		}
		w, err := openWriters(ctx, "postgres", dsn)
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open postgres store: %w", err)
		}
		return &Store{qs: qs, backend: BackendPostgres, writers: w}, nil
	case strings.HasPrefix(dsn, "cockroach://"):
		addr := "postgres://" + strings.TrimPrefix(dsn, "cockroach://")
		qs, err := openSQL(ctx, "cockroach", addr)
		if err != nil {
			return nil, fmt.Errorf("open cockroach store: %w", err)
		}
		w, err := openWriters(ctx, "pgx", addr)
		if err != nil {
			qs.Close()
			return nil, fmt.Errorf("open cockroach store: %w", err)
		}
		return &Store{qs: qs, backend: BackendCockroach, writers: w}, nil
	}
	mapped := o.MappedBytes
	if mapped == 0 {
		mapped = DefaultMappedBytes
	}
	qs, db, err := openBolt(dsn, o.NoBloom, mapped)
	if err != nil {
		return nil, fmt.Errorf("open bolt store in %s: %w", dsn, err)
	}
	s := &Store{qs: qs, backend: BackendBolt, bolt: db, mapped: mapped, prefix: kvPrefixIndexes(qs)}
	if mapped > 0 {
		// Reads map pages in with no commit to release them, and one
		// group commit on a large store reads more of the file than the
		// budget (at 100,000 documents, a 32-document commit mapped in
		// 1 GiB and more before the release that follows it): the watch
		// runs beside reads and writes alike.
		s.stopWatch = releaseWhile(db.DB(), mapped)
	}
	return s, nil
}

// openSQL creates the schema if it is missing, then connects.
func openSQL(ctx context.Context, name, addr string) (cgraph.QuadStore, error) {
	err := createOnce(ctx, func() error {
		if err := cgraph.InitQuadStore(name, addr, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
			return err
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("create schema: %w", err)
	}
	qs, err := cgraph.NewQuadStore(name, addr, nil)
	if err != nil {
		return nil, fmt.Errorf("connect: %w", err)
	}
	return qs, nil
}

// createOnce runs create, which creates tables if they are not there,
// again when it fails: servers opening a new database at the same moment
// race to create the same tables, and PostgreSQL fails all but one of them
// ("duplicate key value violates unique constraint
// pg_type_typname_nsp_index") even with IF NOT EXISTS. Once the winner
// has committed, the others find the tables there. Up to five tries.
func createOnce(ctx context.Context, create func() error) error {
	var err error
	for try := range 5 {
		if err = create(); err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(time.Duration(try+1) * 100 * time.Millisecond):
		}
	}
	return err
}

// openBolt initialises the bolt file once, then opens it.
// boltFile is the file cayley's bolt backend keeps in its directory.
const boltFile = "indexes.bolt"

// initBolt initialises a bolt store in dir so that a crash at any moment
// leaves either no store or a whole one: cayley writes its buckets, version
// and index metadata in separate steps, so it initialises a file in a
// scratch directory inside dir, which is then renamed into place. Scratch
// directories left by an earlier crash are removed.
func initBolt(dir string) error {
	old, _ := filepath.Glob(filepath.Join(dir, ".init-*"))
	for _, o := range old {
		os.RemoveAll(o)
	}
	tmp, err := os.MkdirTemp(dir, ".init-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	if err := cgraph.InitQuadStore("bolt", tmp, nil); err != nil && !errors.Is(err, cgraph.ErrDatabaseExists) {
		return err
	}
	if err := os.Rename(filepath.Join(tmp, boltFile), filepath.Join(dir, boltFile)); err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// openBolt opens the bolt store in dir, creating it if need be; past
// mapped bytes of resident file pages (unless negative), pages are handed
// back while cayley reads the store to open it.
func openBolt(dir string, noBloom bool, mapped int64) (cgraph.QuadStore, *hbolt.DB, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, nil, err
	}
	if _, err := os.Stat(filepath.Join(dir, boltFile)); errors.Is(err, os.ErrNotExist) {
		if err := initBolt(dir); err != nil {
			return nil, nil, fmt.Errorf("initialise: %w", err)
		}
	} else if err != nil {
		return nil, nil, err
	}
	var opt cgraph.Options
	if noBloom {
		opt = cgraph.Options{"no_bloom": true}
	}
	// As cayley's "bolt" backend opens it (graph/kv/bolt.Open: the
	// default bolt options, synced), keeping the database at hand.
	db, err := hbolt.Open(filepath.Join(dir, boltFile), nil)
	if err != nil {
		return nil, nil, err
	}
	stop := releaseWhile(db.DB(), mapped)
	qs, err := kv.New(db, opt)
	stop()
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return qs, db, nil
}

// Close releases the store. Closing twice is harmless.
func (s *Store) Close() error {
	s.closeOnce.Do(func() {
		if s.stopWatch != nil {
			s.stopWatch()
		}
		s.wmu.Lock()
		defer s.wmu.Unlock()
		s.rw.Lock()
		defer s.rw.Unlock()
		if err := s.qs.Close(); err != nil {
			s.closeErr = fmt.Errorf("close %s store: %w", s.backend, err)
		}
		if s.writers != nil {
			s.releaseWriters()
			if err := s.writers.Close(); err != nil && s.closeErr == nil {
				s.closeErr = fmt.Errorf("close %s store: %w", s.backend, err)
			}
		}
	})
	return s.closeErr
}

// Backend names the backend: "bolt", "memory", "postgres" or "cockroach".
func (s *Store) Backend() string { return s.backend }
