package bench

import (
	"context"
	"database/sql"
	"fmt"

	_ "github.com/lib/pq" // the driver cayley's postgres backend uses
)

// postgresSize is the size of the database dsn names, in bytes.
func postgresSize(ctx context.Context, dsn string) (int64, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return 0, fmt.Errorf("postgres size: %w", err)
	}
	defer db.Close()
	var n int64
	if err := db.QueryRowContext(ctx, "SELECT pg_database_size(current_database())").Scan(&n); err != nil {
		return 0, fmt.Errorf("postgres size: %w", err)
	}
	return n, nil
}
