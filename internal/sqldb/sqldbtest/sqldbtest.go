// Package sqldbtest runs tests against both engines: a real SQLite file and
// a real PostgreSQL server, each test in a fresh schema of its own.
package sqldbtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/sqldb"
)

// DefaultPostgres is the server these machines run; LADDER_TEST_POSTGRES
// overrides it.
const DefaultPostgres = "postgres://postgres@127.0.0.1:5432/test?sslmode=disable"

// PostgresURL returns the URL of the test server.
func PostgresURL() string {
	if u := os.Getenv("LADDER_TEST_POSTGRES"); u != "" {
		return u
	}
	return DefaultPostgres
}

var (
	pgOnce sync.Once
	pgErr  error
)

// postgresReachable pings the server once per test binary.
func postgresReachable() error {
	pgOnce.Do(func() {
		db, err := sql.Open("pgx", PostgresURL())
		if err != nil {
			pgErr = err
			return
		}
		defer db.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		pgErr = db.PingContext(ctx)
	})
	return pgErr
}

// RequirePostgres fails the test under CI=true when PostgreSQL cannot be
// reached, and skips it loudly elsewhere.
func RequirePostgres(t testing.TB) {
	t.Helper()
	if err := postgresReachable(); err != nil {
		msg := fmt.Sprintf("PostgreSQL at %s is not reachable: %v", PostgresURL(), err)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip("SKIPPING (not under CI): " + msg)
	}
}

// Each runs f once per engine as subtests named sqlite and postgres, each on
// a freshly migrated database.
func Each(t *testing.T, f func(t *testing.T, db *sqldb.DB)) {
	t.Helper()
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		t.Run(engine, func(t *testing.T) {
			f(t, Open(t, engine))
		})
	}
}

// DSN returns the address of a fresh, empty database of the engine that
// lives as long as the test: a SQLite file in a temporary folder, or a new
// schema on the PostgreSQL server selected through search_path.
func DSN(t testing.TB, engine string) string {
	t.Helper()
	if engine == sqldb.SQLite {
		return filepath.Join(t.TempDir(), "ladder.db")
	}
	RequirePostgres(t)
	schema := "t_" + strings.ToLower(rand.Text()[:16])
	admin, err := sql.Open("pgx", PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(`CREATE SCHEMA ` + schema); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec(`DROP SCHEMA ` + schema + ` CASCADE`)
		admin.Close()
	})
	u, err := url.Parse(PostgresURL())
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	q.Set("search_path", schema)
	u.RawQuery = q.Encode()
	return u.String()
}

// Open returns a migrated store of the engine, closed when the test ends.
func Open(t testing.TB, engine string) *sqldb.DB {
	t.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, DSN(t, engine))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return db
}
