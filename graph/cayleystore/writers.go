package cayleystore

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/jackc/pgx/v5/stdlib" // registers "pgx", as cayley's CockroachDB backend does
	_ "github.com/lib/pq"              // registers "postgres", as cayley's PostgreSQL backend does

	"github.com/claimgraph/claimgraph/graph"
)

// writersTable holds the one row that writers sharing a SQL database lock
// while they plan and commit (LockWriters). It lives beside cayley's tables,
// in the schema the address names, and is created on first use.
const writersTable = "claimgraph_writers"

// openWriters opens the connection pool LockWriters uses on a SQL backend,
// through the driver cayley's backend uses ("postgres" for PostgreSQL,
// "pgx" for CockroachDB), and creates the writers' table and its row if they are not there. The
// statements are those PostgreSQL and CockroachDB both accept.
func openWriters(ctx context.Context, driver, addr string) (*sql.DB, error) {
	db, err := sql.Open(driver, addr)
	if err != nil {
		return nil, err
	}
	err = createOnce(ctx, func() error {
		for _, q := range []string{
			`CREATE TABLE IF NOT EXISTS ` + writersTable + ` (id INT PRIMARY KEY)`,
			`INSERT INTO ` + writersTable + ` (id) VALUES (1) ON CONFLICT (id) DO NOTHING`,
		} {
			if _, err := db.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("create the writers' table: %w", err)
	}
	return db, nil
}

// LockWriters takes the lock that serialises writers across processes
// sharing one database, and returns the function that releases it. Several
// claimgraph servers may write one PostgreSQL or CockroachDB database: each
// plans a document over what the database holds and then commits it, and
// two planning at once would each miss the other's document. On those
// backends the lock is a row lock (SELECT ... FOR UPDATE) on the writers'
// table, held by a transaction of its own until unlock, or until ctx ends
// or the connection drops, when the database releases it. A bolt or memory
// store has one process writing it, and the lock is a no-op. Callers hold
// it across Plan and Commit, and take it after any lock of their own.
func (s *Store) LockWriters(ctx context.Context) (unlock func(), err error) {
	if s.writers == nil {
		return func() {}, nil
	}
	tx, err := s.writers.BeginTx(ctx, nil)
	if err != nil {
		return nil, lockError(ctx, err)
	}
	if _, err := tx.ExecContext(ctx, `SELECT id FROM `+writersTable+` WHERE id = 1 FOR UPDATE`); err != nil {
		tx.Rollback()
		return nil, lockError(ctx, err)
	}
	s.heldMu.Lock()
	if s.held == nil {
		s.held = map[*sql.Tx]bool{}
	}
	s.held[tx] = true
	s.heldMu.Unlock()
	return func() {
		s.heldMu.Lock()
		delete(s.held, tx)
		s.heldMu.Unlock()
		tx.Rollback()
	}, nil
}

// releaseWriters lets go of every writers' lock the store holds (Close).
func (s *Store) releaseWriters() {
	s.heldMu.Lock()
	defer s.heldMu.Unlock()
	for tx := range s.held {
		tx.Rollback()
	}
	s.held = nil
}

// lockError says why the lock was not taken: the caller gave up (ctx), or
// the database could not be reached.
func lockError(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("take the writers' lock: %w", ctx.Err())
	}
	return graph.Errorf(graph.EUNAVAILABLE, "take the writers' lock: %v", err)
}
