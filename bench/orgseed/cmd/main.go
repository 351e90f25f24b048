// Command orgseed fills an empty Ladder database (a SQLite file or a
// PostgreSQL URL) with the organisation of the pipeline and 360
// benchmarks; see bench/README.md.
//
//	go run ./bench/orgseed/cmd -db /tmp/org.db
//	go run ./bench/orgseed/cmd -db 'postgres://postgres@127.0.0.1:5432/ladder_bench?sslmode=disable'
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/ladderhq/ladder/bench/orgseed"
	"github.com/ladderhq/ladder/internal/sqldb"
)

func main() {
	cfg := orgseed.Full()
	dsn := flag.String("db", "", "database: a SQLite file path or a postgres:// URL (empty: migrated here)")
	small := flag.Bool("small", false, "a tenth of the size (1,000 people)")
	flag.IntVar(&cfg.People, "people", cfg.People, "members of the organisation")
	flag.IntVar(&cfg.Programme, "programme", cfg.Programme, "members of the programme's cohorts")
	flag.IntVar(&cfg.Rounds, "rounds", cfg.Rounds, "rounds of 360 feedback (8 raters each)")
	flag.Float64Var(&cfg.ClosedShare, "closed", cfg.ClosedShare, "share of the other people's rounds that are closed")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	flag.Parse()
	if *dsn == "" {
		log.Fatal("orgseed: -db is required")
	}
	if *small {
		s := orgseed.Small()
		s.Seed = cfg.Seed
		cfg = s
	}
	cfg.Log = os.Stderr
	ctx := context.Background()
	db, err := sqldb.Open(ctx, *dsn)
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Migrate(ctx); err != nil {
		log.Fatal(err)
	}
	res, err := orgseed.Seed(ctx, db, cfg)
	if err != nil {
		log.Fatal(err)
	}
	b, _ := json.MarshalIndent(res, "", "  ")
	fmt.Printf("seeded %s:\n%s\n", db.Engine(), b)
}
