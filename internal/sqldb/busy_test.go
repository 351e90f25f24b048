package sqldb_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// A second process writing while another holds the write lock waits for it
// (busy_timeout) instead of failing with "database is locked".
func TestSQLiteLockedWaits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ladder.db")
	a, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	b, err := sqldb.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()

	tx, err := a.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock now
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan time.Time, 1)
	go func() {
		time.Sleep(300 * time.Millisecond)
		released <- time.Now()
		tx.Rollback()
	}()
	err = sqldb.NewPersonService(b).CreatePerson(ctx, &ladder.Person{Name: "B", Email: "b@example.com"})
	if err != nil {
		t.Fatalf("write during a lock failed instead of waiting: %v", err)
	}
	select {
	case <-released:
	default:
		t.Fatal("the write went through while the lock was held")
	}
}
