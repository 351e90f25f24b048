// Command seed fills a Ladder database for benchmarks: the demo person plus
// N extra completed self-assessments rating every competency.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"time"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func main() {
	dsn := flag.String("db", "", "database (file path or postgres:// URL)")
	n := flag.Int("assessments", 100, "assessments in all for the demo person")
	flag.Parse()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	j := journey.New(db, onet.Embedded)
	now := time.Now().UTC()
	p, err := demo.Load(ctx, j, now)
	if err != nil {
		log.Fatal(err)
	}
	if err := demo.SeedHistory(ctx, j, p, *n, now); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("seeded %s with %d assessments for %s\n", db.Engine(), *n, p.Email)
}
