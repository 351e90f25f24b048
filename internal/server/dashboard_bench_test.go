package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
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
	twoYears    bool // add two years of use: evidence, journal, a long plan
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
	if cfg.twoYears {
		seedTwoYears(b, j, p, now)
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
		// The two years of use: 20 assessments, 300 evidence entries,
		// 200 journal entries and a long plan.
		{"two-years", benchDemo{assessments: 20, twoYears: true}},
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

// seedTwoYears adds 300 evidence entries, 200 journal entries and an
// 18-month plan at a heavy load to p.
func seedTwoYears(b *testing.B, j *journey.Journey, p *ladder.Person, now time.Time) {
	b.Helper()
	ctx := context.Background()
	kinds := ladder.EvidenceKinds()
	comps := []string{"delegation", "budgeting", "negotiation", "stakeholder-communication", "risk-management"}
	for i := range 300 {
		start := now.AddDate(0, 0, -2*(i+1))
		e := &ladder.Evidence{PersonID: p.ID, Kind: kinds[i%len(kinds)].Key, Title: fmt.Sprintf("Entry %d", i),
			Start: start, End: start.AddDate(0, 0, i%40), Competencies: []string{comps[i%len(comps)]}, PeopleCount: i % 9}
		if err := j.Evidence.CreateEvidence(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	for i := range 200 {
		e := &ladder.JournalEntry{PersonID: p.ID, Date: now.AddDate(0, 0, -3*i), Kind: ladder.JournalKinds[i%len(ladder.JournalKinds)],
			Title: fmt.Sprintf("Week %d", i), Body: "What happened and what I learnt.", Mood: 1 + i%5, Confidence: 1 + (i+2)%5,
			Reflection: ladder.Reflection{Description: "x", ActionPlan: "y"}}
		if err := j.Journal.CreateJournalEntry(ctx, e); err != nil {
			b.Fatal(err)
		}
	}
	fresh, err := j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		b.Fatal(err)
	}
	pl, err := j.GeneratePlan(ctx, fresh, journey.PlanOptions{Months: 18, HoursPerMonth: 40})
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for _, g := range pl.Goals {
		n += len(g.Actions)
	}
	b.Logf("two years: 20 assessments, 300 evidence, 200 journal entries, a plan of %d actions", n)
}

// BenchmarkDashboardAfterChange is the two-years dashboard right after the
// person changed something: the snapshot and its panels are rebuilt (the
// write itself is not timed). This is the worst case a person meets.
func BenchmarkDashboardAfterChange(b *testing.B) {
	s, cookie := benchDemoServer(b, benchDemo{assessments: 20, twoYears: true})
	ctx := context.Background()
	req := httptest.NewRequest("GET", "/", nil)
	req.AddCookie(cookie)
	_, p, err := s.Auth.FindSession(ctx, cookie.Value)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		b.StopTimer()
		i++
		e := &ladder.JournalEntry{PersonID: p.ID, Date: time.Now().UTC(), Kind: ladder.JournalWin, Title: fmt.Sprint("Win ", i)}
		if err := s.J.Journal.CreateJournalEntry(ctx, e); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			b.Fatalf("GET / = %d", rec.Code)
		}
	}
}
