// Package sqldb is Ladder's one store for both engines: embedded SQLite by
// default and PostgreSQL for organisations. The only per-engine code is
// driver set-up, error mapping and the DDL of the migrations; every query is
// shared and uses $n placeholders, which both drivers accept.
package sqldb

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
	"github.com/pressly/goose/v3"
	"modernc.org/sqlite"
	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/ladderhq/ladder"
)

//go:embed migrations
var migrations embed.FS

// Engines.
const (
	SQLite   = "sqlite"
	Postgres = "postgres"
)

// DB is an open store.
type DB struct {
	db     *sql.DB
	engine string
	dsn    string
	// Now is the clock; tests replace it to freeze time.
	Now func() time.Time

	stmts stmts
}

// IsPostgres reports whether dsn names a PostgreSQL database.
func IsPostgres(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database named by dsn: a postgres:// URL, or else the path
// of a SQLite file (created with its folder when missing). It does not
// migrate; call Migrate.
func Open(ctx context.Context, dsn string) (*DB, error) {
	d := &DB{dsn: dsn, Now: func() time.Time { return time.Now().UTC() }}
	var err error
	if IsPostgres(dsn) {
		d.engine = Postgres
		d.db, err = sql.Open("pgx", dsn)
		if err == nil {
			d.db.SetMaxOpenConns(16)
			d.db.SetConnMaxIdleTime(5 * time.Minute)
		}
	} else {
		d.engine = SQLite
		d.db, err = openSQLite(dsn)
	}
	if err != nil {
		return nil, fmt.Errorf("open %s database: %w", d.engine, err)
	}
	if err := d.db.PingContext(ctx); err != nil {
		d.db.Close()
		return nil, ladder.Errorf(ladder.EINVALID, "cannot reach the %s database: %v", d.engine, redact(err))
	}
	return d, nil
}

// openSQLite sets the pragmas on every new connection through the DSN.
// busy_timeout must come before journal_mode: switching to WAL needs a lock
// and should wait for it rather than fail. _txlock=immediate takes the write
// lock at BEGIN so that two writers queue instead of deadlocking on upgrade.
func openSQLite(path string) (*sql.DB, error) {
	path = strings.TrimPrefix(path, "file:")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return nil, ladder.Errorf(ladder.EINVALID, "cannot create the data folder: %v", err)
		}
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Set("_time_format", "sqlite")
	q.Set("_txlock", "immediate")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(4)
	return db, nil
}

// Engine returns SQLite or Postgres.
func (d *DB) Engine() string { return d.engine }

// SQL returns the underlying handle, for tools and tests.
func (d *DB) SQL() *sql.DB { return d.db }

// Close closes the database.
func (d *DB) Close() error {
	d.closeStmts()
	return d.db.Close()
}

// Migrate applies the embedded migrations that have not run yet, each in its
// own transaction. It returns how many were applied.
func (d *DB) Migrate(ctx context.Context) (int, error) {
	sub, err := fs.Sub(migrations, "migrations/"+d.engine)
	if err != nil {
		return 0, err
	}
	dialect := goose.DialectPostgres
	if d.engine == SQLite {
		dialect = goose.DialectSQLite3
	}
	// Migrations written in parallel may land out of number order (a 5
	// before a 4); applying the missing one beats refusing to start.
	p, err := goose.NewProvider(dialect, d.db, sub, goose.WithAllowOutofOrder(true))
	if err != nil {
		return 0, fmt.Errorf("migrations: %w", err)
	}
	res, err := p.Up(ctx)
	if err != nil {
		return len(res), fmt.Errorf("migrate: %w", err)
	}
	return len(res), nil
}

// Tx is a transaction with a frozen clock: every row written in one service
// call carries the same time.
type Tx struct {
	*sql.Tx
	db  *DB
	now time.Time
}

// BeginTx starts a transaction.
func (d *DB) BeginTx(ctx context.Context, opts *sql.TxOptions) (*Tx, error) {
	tx, err := d.db.BeginTx(ctx, opts)
	if err != nil {
		return nil, mapErr(err)
	}
	return &Tx{Tx: tx, db: d, now: d.Now().UTC().Truncate(time.Microsecond)}, nil
}

// mapErr turns driver errors into domain errors by their codes, never by
// message text.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, sql.ErrNoRows) {
		return &ladder.Error{Code: ladder.ENOTFOUND, Message: "Not found."}
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() {
		case 2067, 1555: // SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY
			return &ladder.Error{Code: ladder.ECONFLICT, Message: "That already exists."}
		case 787: // SQLITE_CONSTRAINT_FOREIGNKEY
			return &ladder.Error{Code: ladder.ENOTFOUND, Message: "A record it refers to does not exist."}
		}
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "23505":
			return &ladder.Error{Code: ladder.ECONFLICT, Message: "That already exists."}
		case "23503":
			return &ladder.Error{Code: ladder.ENOTFOUND, Message: "A record it refers to does not exist."}
		}
	}
	return err
}

// redact removes a password from a connection error, which pgx may echo.
func redact(err error) string {
	s := err.Error()
	if i := strings.Index(s, "password="); i >= 0 {
		j := strings.IndexAny(s[i:], " \t")
		if j < 0 {
			j = len(s) - i
		}
		s = s[:i] + "password=xxxxx" + s[i+j:]
	}
	return s
}

// wrap adds context to a non-domain error once, at the top of a function.
// Domain errors pass through untouched so their codes and messages survive.
func wrap(err *error, format string, args ...any) {
	if *err == nil {
		return
	}
	var e *ladder.Error
	if errors.As(*err, &e) {
		return
	}
	*err = fmt.Errorf(format+": %w", append(args, *err)...)
}
