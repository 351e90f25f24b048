package api_test

import (
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// BenchmarkGaps serves GET /api/v1/gaps for the demo person through the
// whole server (security headers, cross-origin check, token lookup) on
// SQLite, as the load test does; BenchmarkBareJSON writes a body of the
// same size from a bare handler, the yardstick of the aim (gaps at
// least 20% of its throughput). Profile with
//
//	go test ./internal/api -run '^$' -bench Gaps -cpuprofile cpu.out
func BenchmarkGaps(b *testing.B) {
	e := newEnv(b, sqldbtest.Open(b, sqldb.SQLite))
	r := httptest.NewRequest("GET", api.Prefix+"/gaps", nil)
	r.Header.Set("Authorization", "Bearer "+e.aliceToken)
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		b.Fatalf("%d: %s", w.Code, w.Body)
	}
	b.SetBytes(int64(w.Body.Len()))
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		e.srv.ServeHTTP(w, r)
	}
}

func BenchmarkBareJSON(b *testing.B) {
	e := newEnv(b, sqldbtest.Open(b, sqldb.SQLite))
	r := httptest.NewRequest("GET", api.Prefix+"/gaps", nil)
	r.Header.Set("Authorization", "Bearer "+e.aliceToken)
	w := httptest.NewRecorder()
	e.srv.ServeHTTP(w, r)
	body := w.Body.Bytes()
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	})
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		bare.ServeHTTP(httptest.NewRecorder(), r)
	}
}
