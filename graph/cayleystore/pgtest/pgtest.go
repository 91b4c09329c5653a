// Package pgtest gives tests an empty PostgreSQL schema of their own on
// the server named by CLAIMGRAPH_TEST_POSTGRES (see scripts/postgres-test.sh),
// so that the store's suite and the command's tests share one helper.
package pgtest

import (
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"net/url"
	"testing"

	_ "github.com/lib/pq" // the driver cayley's postgres backend uses
)

// Schema creates an empty schema named prefix plus a random suffix,
// dropped when the test ends, and returns dsn with its search_path set to
// the schema, and a connection to it.
func Schema(t testing.TB, dsn, prefix string) (string, *sql.DB) {
	t.Helper()
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	schema := prefix + hex.EncodeToString(b[:])
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("CLAIMGRAPH_TEST_POSTGRES: %v", err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	db, err := sql.Open("postgres", u.String())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("CREATE SCHEMA " + schema); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec("DROP SCHEMA " + schema + " CASCADE"); err != nil {
			t.Errorf("drop schema %s: %v", schema, err)
		}
		db.Close()
	})
	return u.String(), db
}
