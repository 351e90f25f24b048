package cli

import (
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// seed100 makes the demo person current with 100 assessments in all.
func seed100(b *testing.B, dsn string) {
	ctx := context.Background()
	db, err := sqldb.Open(ctx, dsn)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	j := journey.New(db, onet.Embedded)
	now := time.Now().UTC()
	p, err := demo.Load(ctx, j, now)
	if err != nil {
		b.Fatal(err)
	}
	if err := demo.SeedHistory(ctx, j, p, 100, now); err != nil {
		b.Fatal(err)
	}
	if err := j.Settings.SetSetting(ctx, settingPerson, "1"); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCommand runs whole commands in-process as a user would run them:
// parse flags, open and check the database, compute, print.
func BenchmarkCommand(b *testing.B) {
	dir := b.TempDir()
	dsn := filepath.Join(dir, "ladder.db")
	seed100(b, dsn)
	b.Setenv("LADDER_DATA_DIR", dir)
	for _, args := range [][]string{
		{"gaps", "--json"},
		{"readiness", "--json"},
		{"readiness", "--all-targets"},
		{"onet", "compare", "15-1244.00", "11-3021.00", "--json"},
	} {
		b.Run(strings.Join(args, "_"), func(b *testing.B) {
			for b.Loop() {
				if code := Execute(context.Background(), args, strings.NewReader(""), io.Discard, io.Discard); code != 0 {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}
