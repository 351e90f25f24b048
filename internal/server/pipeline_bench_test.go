package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/ladderhq/ladder/bench/orgseed"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// pipelineBenchDB is a seeded organisation to benchmark.
type pipelineBenchDB struct {
	name string
	db   *sqldb.DB
	res  *orgseed.Result
}

// pipelineBenchDBs returns a database per engine: the one named by
// LADDER_BENCH_SQLITE (a file) or LADDER_BENCH_POSTGRES (a URL), seeded
// beforehand with bench/orgseed (the 10,000 people), else a fresh
// one seeded with orgseed.Small (1,000 people, a 100-person programme).
func pipelineBenchDBs(b *testing.B) []pipelineBenchDB {
	b.Helper()
	ctx := context.Background()
	var out []pipelineBenchDB
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		env := map[string]string{sqldb.SQLite: "LADDER_BENCH_SQLITE", sqldb.Postgres: "LADDER_BENCH_POSTGRES"}[engine]
		dsn, seeded := os.Getenv(env), true
		if dsn == "" {
			if engine == sqldb.Postgres {
				sqldbtest.RequirePostgres(b)
			}
			dsn, seeded = sqldbtest.DSN(b, engine), false
		}
		db, err := sqldb.Open(ctx, dsn)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { db.Close() })
		if _, err := db.Migrate(ctx); err != nil {
			b.Fatal(err)
		}
		var res *orgseed.Result
		if seeded {
			res, err = orgseed.Load(ctx, db)
		} else {
			res, err = orgseed.Seed(ctx, db, orgseed.Small())
		}
		if err != nil {
			b.Fatal(err)
		}
		name := engine + "/small"
		if seeded {
			name = fmt.Sprintf("%s/%dpeople", engine, res.Counts["persons"])
		}
		out = append(out, pipelineBenchDB{name: name, db: db, res: res})
	}
	return out
}

// BenchmarkOrgPipeline serves, through the whole handler chain, the pages
// of issue 6's "Speed": a programme admin's pipeline page of the seeded
// programme (all its cohorts, by readiness) and a programme member's 360
// results page (their latest closed round, the trend across two), on
// SQLite and PostgreSQL:
//
//	pipeline/compute  nothing computed yet, in memory or stored (the
//	                  first view ever, or after a model import): a new
//	                  server for every request, pipeline_summaries emptied
//	pipeline/cold     a new server for every request, the summaries stored
//	                  (a replica that has just started; the database's own
//	                  caches stay warm)
//	pipeline/warm     the same server again and again (each request still
//	                  reads the members and their sharing, and writes its
//	                  audit entry)
//	pipeline-csv   the CSV export, warm
//	results360     the 360 results page
//
// Against the databases of bench/orgseed (bench/README.md):
//
//	LADDER_BENCH_SQLITE=/tmp/orgbench.db LADDER_BENCH_POSTGRES='postgres://...' \
//	  go test ./internal/server -run '^$' -bench OrgPipeline -benchtime 20x
func BenchmarkOrgPipeline(b *testing.B) {
	for _, t := range pipelineBenchDBs(b) {
		ctx := context.Background()
		auth := sqldb.NewAuthService(t.db)
		cookie := func(id int64) *http.Cookie {
			tok, _, err := auth.CreateSession(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			return &http.Cookie{Name: httpx.SessionCookie, Value: tok}
		}
		admin, member := cookie(t.res.AdminID), cookie(t.res.ResultsPersonID)
		server := func() *Server {
			s, err := New(journey.New(t.db, onet.Embedded), auth, slog.New(slog.DiscardHandler), false)
			if err != nil {
				b.Fatal(err)
			}
			return s
		}
		pipeline := fmt.Sprintf("/org/programmes/%d/pipeline", t.res.ProgrammeID)
		results := fmt.Sprintf("/feedback/rounds/%d", t.res.ResultsRoundID)
		serve := func(b *testing.B, s *Server, path string, c *http.Cookie) int {
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(c)
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			if rec.Code != http.StatusOK {
				b.Fatalf("GET %s = %d:\n%.2000s", path, rec.Code, rec.Body)
			}
			return rec.Body.Len()
		}
		// compute: nothing kept, in memory or in pipeline_summaries (the
		// first view ever, or after a model import): every member's
		// readiness is read, computed and stored. cold: a new server, the
		// summaries stored by the view before (a replica just started).
		for _, c := range []struct {
			name  string
			clear bool
		}{{"pipeline/compute", true}, {"pipeline/cold", false}} {
			b.Run(t.name+"/"+c.name, func(b *testing.B) {
				b.ReportAllocs()
				size := 0
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					s := server()
					if c.clear {
						if _, err := t.db.SQL().ExecContext(ctx, `DELETE FROM pipeline_summaries`); err != nil {
							b.Fatal(err)
						}
					}
					b.StartTimer()
					size = serve(b, s, pipeline, admin)
				}
				b.ReportMetric(float64(size), "B/page")
			})
		}
		warm := server()
		for _, c := range []struct {
			name, path string
			who        *http.Cookie
		}{
			{"pipeline/warm", pipeline, admin},
			{"pipeline-csv/warm", pipeline + ".csv", admin},
			{"results360", results, member},
		} {
			b.Run(t.name+"/"+c.name, func(b *testing.B) {
				serve(b, warm, c.path, c.who)
				b.ReportAllocs()
				size := 0
				for b.Loop() {
					size = serve(b, warm, c.path, c.who)
				}
				b.ReportMetric(float64(size), "B/page")
			})
		}
	}
}
