package server

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// BenchmarkPages serves each page of the demo person through the whole
// handler chain, like BenchmarkDashboard:
//
//	go test ./internal/server -run '^$' -bench Pages -cpu 1 -cpuprofile cpu.prof
func BenchmarkPages(b *testing.B) {
	db := sqldbtest.Open(b, sqldb.SQLite)
	s, j, auth := newServer(b, db)
	ctx := context.Background()
	p, err := demo.Load(ctx, j, db.Now())
	if err != nil {
		b.Fatal(err)
	}
	tok, _, err := auth.CreateSession(ctx, p.ID)
	if err != nil {
		b.Fatal(err)
	}
	cookie := &http.Cookie{Name: httpx.SessionCookie, Value: tok}
	for _, path := range []string{"/onboarding", "/onboarding?q=database", "/assess", "/assess/leadership", "/gaps", "/gaps?group=area",
		"/readiness", "/compare", "/shift", "/settings"} {
		b.Run(path, func(b *testing.B) {
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(cookie)
			var size int
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d:\n%s", path, rec.Code, rec.Body)
				}
				size = rec.Body.Len()
			}
			b.ReportMetric(float64(size), "B/page")
		})
	}
}
