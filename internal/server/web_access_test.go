package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// isWebRoute reports whether a route serves pages (the API has its own
// access tests).
func isWebRoute(rt Route) bool { return !strings.HasPrefix(rt.Path, "/api/") }

// concretePath turns a route pattern into a path to request.
func concretePath(pattern string) string {
	return strings.NewReplacer("{$}", "", "{area}", "leadership", "{id}", "{aliceToken}", "{key}", "pmp").Replace(pattern)
}

// TestWebAccess walks the route table: every page route for signed-in
// people sends a logged-out GET to the sign-in page and refuses a
// logged-out POST with 401; every state-changing route refuses a
// cross-site POST with 403 before doing anything.
func TestWebAccess(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		f := newWebFixture(t, s, j, auth)
		for _, rt := range s.Routes() {
			if rt.Access != Person || !isWebRoute(rt) {
				continue
			}
			path := concretePath(rt.Path)
			t.Run(rt.Method+" "+rt.Path, func(t *testing.T) {
				rec := f.do(request{method: rt.Method, path: path})
				switch rt.Method {
				case http.MethodGet:
					if loc := rec.Header().Get("Location"); rec.Code != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
						t.Errorf("logged out: %d to %q, want 303 to /login", rec.Code, loc)
					}
				default:
					if rec.Code != http.StatusUnauthorized || !strings.Contains(rec.Body.String(), "Sign in first") {
						t.Errorf("logged out: %d, want 401\n%s", rec.Code, rec.Body)
					}
					rec = f.do(request{method: rt.Method, path: path, as: "alice", form: form("name", "x", "start", "cio", "target", "cio"),
						header: map[string]string{"Sec-Fetch-Site": "cross-site"}})
					if rec.Code != http.StatusForbidden || !strings.Contains(rec.Body.String(), "came from another site") {
						t.Errorf("cross-site: %d, want 403\n%s", rec.Code, rec.Body)
					}
				}
			})
		}
		// Nothing the cross-site requests asked for happened.
		if p := f.person(t, f.alice); p.TargetRole != "it-manager" || p.Name != "Alice" {
			t.Errorf("a cross-site request changed Alice: %+v", p)
		}
	})
}

// TestWebScenariosCoverRoutes fails when a page route has no signed-in
// scenario that succeeds, so a new route cannot ship untested.
func TestWebScenariosCoverRoutes(t *testing.T) {
	s, _, _ := newServer(t, sqldbtest.Open(t, sqldb.SQLite))
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		mux.Handle(rt.Method+" "+rt.Path, http.NotFoundHandler())
	}
	covered := map[string]bool{}
	for _, sc := range webScenarios() {
		if sc.status >= 400 || sc.req.as == "" {
			continue
		}
		path := strings.NewReplacer("{aliceToken}", "1", "{bobToken}", "2").Replace(sc.req.path)
		_, pattern := mux.Handler(httptest.NewRequest(sc.req.method, path, nil))
		covered[pattern] = true
	}
	for _, rt := range s.Routes() {
		if rt.Access == Person && isWebRoute(rt) && !covered[rt.Method+" "+rt.Path] {
			t.Errorf("no successful signed-in scenario for %s %s", rt.Method, rt.Path)
		}
	}
}
