package server

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// benchDemo says how to fill the database before measuring.
type benchDemo struct {
	assessments int  // completed self-assessments in all (the demo has 2)
	imported    bool // an imported model is active (read from the database)
}

// benchDemoServer is the server of `ladder serve --demo` on a fresh SQLite
// file, with a session of the demo person.
func benchDemoServer(b *testing.B, cfg benchDemo) (*Server, *http.Cookie) {
	b.Helper()
	ctx := context.Background()
	db, err := sqldb.Open(ctx, filepath.Join(b.TempDir(), "ladder.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	j := journey.New(db, onet.Embedded)
	if cfg.imported {
		if err := j.Models.ImportModel(ctx, model.Default()); err != nil {
			b.Fatal(err)
		}
	}
	now := db.Now()
	p, err := demo.Load(ctx, j, now)
	if err != nil {
		b.Fatal(err)
	}
	// Weekly self-assessments rating every competency, as bench/seed adds them.
	if err := demo.SeedHistory(ctx, j, p, cfg.assessments, now); err != nil {
		b.Fatal(err)
	}
	auth := sqldb.NewAuthService(db)
	tok, _, err := auth.CreateSession(ctx, p.ID)
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(j, auth, slog.New(slog.DiscardHandler), true)
	if err != nil {
		b.Fatal(err)
	}
	return s, &http.Cookie{Name: httpx.SessionCookie, Value: tok}
}

// BenchmarkDashboard serves the demo person's dashboard through the whole
// handler chain (recover, security headers, cross-origin protection, session
// lookup, route, page), as bench/http.sh does over TCP, on SQLite:
//
//	demo           the demo person as `ladder serve --demo` creates them
//	assessments100 the same with 100 self-assessments (a year or two of use)
//	imported-model the demo with an imported (stored) competency model
//
// Profile it with
//
//	go test ./internal/server -run '^$' -bench 'Dashboard$/demo$' -cpu 1 -benchtime 5s -cpuprofile cpu.prof
//	go tool pprof -top -cum cpu.prof
func BenchmarkDashboard(b *testing.B) {
	for _, c := range []struct {
		name string
		cfg  benchDemo
	}{
		{"demo", benchDemo{assessments: 2}},
		{"assessments100", benchDemo{assessments: 100}},
		{"imported-model", benchDemo{assessments: 2, imported: true}},
	} {
		b.Run(c.name, func(b *testing.B) {
			s, cookie := benchDemoServer(b, c.cfg)
			req := httptest.NewRequest("GET", "/", nil)
			req.AddCookie(cookie)
			var size int
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET / = %d:\n%s", rec.Code, rec.Body)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "B/page")
		})
	}
}

// BenchmarkDashboardParallel is BenchmarkDashboard/demo with 32 requests at a
// time per GOMAXPROCS, like the 32 connections of bench/http.sh: with -cpu 1
// it shows what contention (the SQLite pool, the scheduler, the garbage
// collector) adds, and reports the p50 and p99 latency of a request.
func BenchmarkDashboardParallel(b *testing.B) {
	s, cookie := benchDemoServer(b, benchDemo{assessments: 2})
	var mu sync.Mutex
	var lat []time.Duration
	b.ReportAllocs()
	b.SetParallelism(32)
	b.RunParallel(func(pb *testing.PB) {
		req := httptest.NewRequest("GET", "/", nil)
		req.AddCookie(cookie)
		var mine []time.Duration
		for pb.Next() {
			t0 := time.Now()
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			mine = append(mine, time.Since(t0))
			if rec.Code != http.StatusOK {
				b.Errorf("GET / = %d", rec.Code)
				return
			}
		}
		mu.Lock()
		lat = append(lat, mine...)
		mu.Unlock()
	})
	if len(lat) > 0 {
		slices.Sort(lat)
		b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
		b.ReportMetric(float64(lat[(len(lat)*99)/100].Microseconds())/1000, "p99-ms")
	}
}
