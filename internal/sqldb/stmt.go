package sqldb

import (
	"context"
	"database/sql"
	"sync"
)

// maxCachedStatements bounds the statement cache; queries built from
// filters come in a handful of shapes, so this is never reached in practice.
const maxCachedStatements = 256

// stmts caches prepared statements for the reads that run on every request.
// SQLite re-parses SQL on every unprepared query, which showed as a fifth of
// the time of GET /api/v1/gaps; database/sql re-prepares a cached statement
// on each pooled connection as needed.
type stmts struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

func (d *DB) stmt(ctx context.Context, q string) *sql.Stmt {
	d.stmts.mu.Lock()
	defer d.stmts.mu.Unlock()
	if st, ok := d.stmts.m[q]; ok {
		return st
	}
	if len(d.stmts.m) >= maxCachedStatements {
		return nil
	}
	st, err := d.db.PrepareContext(ctx, q)
	if err != nil {
		return nil // the plain query below reports the error
	}
	if d.stmts.m == nil {
		d.stmts.m = map[string]*sql.Stmt{}
	}
	d.stmts.m[q] = st
	return st
}

// queryRow runs a read through a cached prepared statement.
func (d *DB) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := d.stmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return d.db.QueryRowContext(ctx, q, args...)
}

// query runs a read through a cached prepared statement.
func (d *DB) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := d.stmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return d.db.QueryContext(ctx, q, args...)
}

// closeStmts closes the cached statements.
func (d *DB) closeStmts() {
	d.stmts.mu.Lock()
	defer d.stmts.mu.Unlock()
	for _, st := range d.stmts.m {
		st.Close()
	}
	d.stmts.m = nil
}
