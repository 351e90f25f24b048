package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestDemoOrganisation: in demo mode /demo?as=admin signs in as the demo
// organisation's owner, loading it when missing, and /demo as Alex in it; the owner sees the cohorts' progress, never Alex's results; Alex
// sees who started his round. Outside demo mode neither exists.
func TestDemoOrganisation(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		s, err := New(j, sqldb.NewAuthService(db), slog.New(slog.DiscardHandler), true)
		if err != nil {
			t.Fatal(err)
		}
		enter := func(path string) *http.Cookie {
			t.Helper()
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
			if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/" {
				t.Fatalf("%s: %d %q", path, rec.Code, rec.Header().Get("Location"))
			}
			for _, c := range rec.Result().Cookies() {
				if c.Name == "ladder_session" {
					return c
				}
			}
			t.Fatalf("%s: no session", path)
			return nil
		}
		get := func(c *http.Cookie, path string) (int, string) {
			rec := httptest.NewRecorder()
			req := httptest.NewRequest("GET", path, nil)
			req.AddCookie(c)
			s.ServeHTTP(rec, req)
			return rec.Code, rec.Body.String()
		}
		admin := enter("/demo?as=admin")
		if code, body := get(admin, "/"); code != 200 || !strings.Contains(body, "you are Morgan Hale, head of IT") {
			t.Errorf("owner's dashboard %d:\n%s", code, body)
		}
		morgan, err := j.Persons.FindPersonByEmail(context.Background(), demo.AdminEmail)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := j.Programmes(context.Background(), morgan)
		if err != nil || len(ps) != 1 {
			t.Fatalf("%v %+v", err, ps)
		}
		v, err := j.Programme(context.Background(), morgan, ps[0].ID)
		if err != nil || len(v.Cohorts) != 2 {
			t.Fatalf("%v %+v", err, v)
		}
		for _, c := range v.Cohorts {
			code, body := get(admin, fmt.Sprintf("/org/cohorts/%d/feedback", c.ID))
			if code != 200 || !strings.Contains(body, c.Name+" 360") {
				t.Errorf("%s: %d\n%s", c.Name, code, body)
			}
			// The owner reads progress, never results or comments.
			for _, never := range []string{"Results", "blind spot", "patch rota", "your manager"} {
				if strings.Contains(body, never) {
					t.Errorf("%s shows %q", c.Name, never)
				}
			}
			if c.Name == "Spring cohort" && !strings.Contains(body, `<td class="num">11</td><td class="num">10</td>`) {
				t.Errorf("Alex's counts missing:\n%s", body)
			}
		}
		alex := enter("/demo")
		code, body := get(alex, "/feedback")
		if code != 200 || !strings.Contains(body, "Jordan Ellis, a programme admin, started “Spring cohort 360” for you as part of the cohort “Spring cohort”.") ||
			!strings.Contains(body, "See his organisation as its owner") {
			t.Errorf("Alex's feedback %d:\n%s", code, body)
		}
		rs, err := j.Feedback.FindFeedbackRounds(context.Background(), mustPerson(t, j, demo.Email).ID)
		if closed := slices.IndexFunc(rs, (*ladder.FeedbackRound).Closed); err != nil || closed < 0 {
			t.Fatalf("Alex has no closed round: %v", err)
		}
		for _, r := range rs {
			if r.Closed() {
				if code, body := get(alex, fmt.Sprintf("/feedback/rounds/%d", r.ID)); code != 200 || !strings.Contains(body, `id="results"`) ||
					!strings.Contains(body, "patch rota") {
					t.Errorf("Alex's results %d", code)
				}
				if code, _ := get(admin, fmt.Sprintf("/feedback/rounds/%d", r.ID)); code != 404 {
					t.Errorf("the owner opens Alex's round: %d", code)
				}
			}
		}
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", "/demo?as=root", nil))
		if rec.Code != 404 {
			t.Errorf("/demo?as=root: %d", rec.Code)
		}
		plain, _, _ := newServer(t, db)
		rec = httptest.NewRecorder()
		plain.ServeHTTP(rec, httptest.NewRequest("GET", "/demo?as=admin", nil))
		if rec.Code != 404 {
			t.Errorf("outside demo mode: %d", rec.Code)
		}
	})
}

func mustPerson(t *testing.T, j *journey.Journey, email string) *ladder.Person {
	t.Helper()
	p, err := j.Persons.FindPersonByEmail(context.Background(), email)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
