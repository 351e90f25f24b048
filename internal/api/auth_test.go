package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// credential is one way of calling: the request it makes and the status it
// earns on a route that needs a person (0: the route's own success status).
type credential struct {
	name string
	set  func(e *env, r *req)
	want int
}

// credentials holds the allowed ways beside the denied ones.
func credentials(e *env) []credential {
	revoked, revokedID := e.token(e.alice, "revoked")
	if err := e.auth.DeleteToken(context.Background(), e.alice.ID, revokedID); err != nil {
		e.t.Fatal(err)
	}
	expired := e.expiredSession()
	return []credential{
		{"OK/Token", func(e *env, r *req) { r.auth = "Bearer " + e.aliceToken }, 0},
		{"OK/SessionCookie", func(e *env, r *req) {
			r.cookie = e.aliceCookie
			r.header = map[string]string{"Sec-Fetch-Site": "same-origin"}
		}, 0},
		{"OK/TokenBesideStaleCookie", func(e *env, r *req) { r.auth, r.cookie = "Bearer "+e.aliceToken, expired }, 0},
		{"ErrNoCredentials", func(*env, *req) {}, http.StatusUnauthorized},
		{"ErrUnknownToken", func(e *env, r *req) { r.auth = "Bearer ldr_AAAAAAAAAAAAAAAAAAAAAAAAAA" }, http.StatusUnauthorized},
		{"ErrNotAToken", func(e *env, r *req) { r.auth = "Bearer " + e.aliceCookie }, http.StatusUnauthorized},
		{"ErrRevokedToken", func(e *env, r *req) { r.auth = "Bearer " + revoked }, http.StatusUnauthorized},
		{"ErrBasicScheme", func(e *env, r *req) { r.auth = "Basic YWxleDpzZWNyZXQ=" }, http.StatusUnauthorized},
		{"ErrEmptyBearer", func(e *env, r *req) { r.auth = "Bearer " }, http.StatusUnauthorized},
		{"ErrExpiredSession", func(e *env, r *req) { r.cookie = expired }, http.StatusUnauthorized},
		// A token sent must be good even beside a good session.
		{"ErrBadTokenBesideSession", func(e *env, r *req) { r.auth, r.cookie = "Bearer ldr_nope", e.aliceCookie }, http.StatusUnauthorized},
	}
}

// expiredSession returns the token of a session of Alice's that expired.
func (e *env) expiredSession() string {
	e.t.Helper()
	now := e.db.Now
	e.db.Now = func() time.Time { return now().Add(-ladder.SessionLifetime - time.Hour) }
	tok, _, err := e.auth.CreateSession(context.Background(), e.alice.ID)
	e.db.Now = now
	if err != nil {
		e.t.Fatal(err)
	}
	return tok
}

// TestAuthentication calls every route with every credential on both
// engines: tokens and session cookies pass, everything else is 401
// problem+json with a Bearer challenge. Public routes answer anyone.
func TestAuthentication(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		creds := credentials(e)
		// A request refused with 401 never reaches its handler, and a GET
		// changes nothing, so one set of calls serves them all; any other
		// call that goes through gets fresh data, as it may change or
		// delete it.
		shared := tour(e, 1<<20)
		n := 0
		for _, op := range sortedOps(e) {
			for _, cr := range creds {
				t.Run(op+"/"+cr.name, func(t *testing.T) {
					c := shared[op]
					want := cr.want
					if want == 0 || op == "getOpenAPI" {
						want = c.want
					}
					if want != http.StatusUnauthorized && c.method != http.MethodGet {
						n++
						c = tour(e.with(t), n)[op]
					}
					r := req{method: c.method, path: c.path, body: c.body}
					cr.set(e, &r)
					res := e.with(t).do(r).want(t, want)
					if want == http.StatusUnauthorized {
						if got := res.header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer ") {
							t.Errorf("WWW-Authenticate %q, want a Bearer challenge", got)
						}
						if p := res.problem(t); p.Code != ladder.EUNAUTHORIZED {
							t.Errorf("code %q, want %q", p.Code, ladder.EUNAUTHORIZED)
						}
					}
				})
			}
		}
	})
}

func sortedOps(e *env) []string {
	var ids []string
	for _, ops := range e.doc.doc.Paths {
		for _, op := range ops {
			ids = append(ids, op.OperationID)
		}
	}
	slices.Sort(ids)
	return ids
}

// TestOtherPersonsIDs: Alice reaches none of Bob's assessments or tokens;
// each answers 404 like an id that does not exist, and stays unchanged.
func TestOtherPersonsIDs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		bobJournal := e.journal(e.bob, "Bob's win")
		bobAction := e.planAction(e.bob)
		bobItem := e.learningItem(e.bob, "Bob's book")
		tests := []struct {
			name, method, path, body string
		}{
			{"DeleteJournalEntry", "DELETE", fmt.Sprintf("%s/journal/%d", p, bobJournal), ""},
			{"ActionDone", "POST", fmt.Sprintf("%s/plan/actions/%d", p, bobAction), `{"done":true}`},
			{"ActionDropped", "POST", fmt.Sprintf("%s/plan/actions/%d", p, bobAction), `{"dropped":true}`},
			{"UpdateLearningItem", "PATCH", fmt.Sprintf("%s/learning/items/%d", p, bobItem), `{"progress":100}`},
			{"MissingLearningItem", "PATCH", p + "/learning/items/999999", `{"progress":10}`},
			{"MissingAction", "POST", p + "/plan/actions/999999", `{"done":false}`},
			{"GetAssessment", "GET", fmt.Sprintf("%s/assessments/%d", p, e.bobDraft), ""},
			{"SaveRatings", "PUT", fmt.Sprintf("%s/assessments/%d/ratings", p, e.bobDraft), `{"ratings":[{"competency":"budgeting","level":5}]}`},
			{"SaveRatingsCompleted", "PUT", fmt.Sprintf("%s/assessments/%d/ratings", p, e.bobComplete), `{"ratings":[]}`},
			{"Complete", "POST", fmt.Sprintf("%s/assessments/%d/complete", p, e.bobDraft), ""},
			{"CompleteCompleted", "POST", fmt.Sprintf("%s/assessments/%d/complete", p, e.bobComplete), ""},
			{"DeleteDraft", "DELETE", fmt.Sprintf("%s/assessments/%d", p, e.bobDraft), ""},
			{"DeleteCompleted", "DELETE", fmt.Sprintf("%s/assessments/%d", p, e.bobComplete), ""},
			{"DeleteToken", "DELETE", fmt.Sprintf("%s/tokens/%d", p, e.bobTokenID), ""},
			{"DeleteEvidence", "DELETE", fmt.Sprintf("%s/evidence/%d", p, e.bobEvidence), ""},
			{"MissingAssessment", "GET", p + "/assessments/999999", ""},
			{"MissingToken", "DELETE", p + "/tokens/999999", ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusNotFound)
				if p := res.problem(t); p.Code != ladder.ENOTFOUND {
					t.Errorf("code %q, want %q", p.Code, ladder.ENOTFOUND)
				}
			})
		}
		t.Run("BobUnchanged", func(t *testing.T) {
			e := e.with(t)
			var draft api.Assessment
			e.as(e.bobToken, "GET", fmt.Sprintf("%s/assessments/%d", p, e.bobDraft), "").want(t, http.StatusOK).decode(t, &draft)
			if draft.CompletedAt != nil || len(draft.Ratings) != 1 || draft.Ratings[0].Level != 2 {
				t.Errorf("Bob's draft changed: %+v", draft)
			}
			var done api.Assessment
			e.as(e.bobToken, "GET", fmt.Sprintf("%s/assessments/%d", p, e.bobComplete), "").want(t, http.StatusOK).decode(t, &done)
			if done.CompletedAt == nil {
				t.Errorf("Bob's completed assessment changed: %+v", done)
			}
			var plan api.Plan
			e.as(e.bobToken, "GET", p+"/plan", "").want(t, http.StatusOK).decode(t, &plan)
			for _, g := range plan.Goals {
				for _, a := range g.Actions {
					if a.ID == bobAction && (a.Done || a.Dropped) {
						t.Errorf("Bob's action changed: %+v", a)
					}
				}
			}
			var bobLearning api.Learning
			e.as(e.bobToken, "GET", p+"/learning", "").want(t, http.StatusOK).decode(t, &bobLearning)
			if len(bobLearning.Items) != 1 || bobLearning.Items[0].ID != bobItem || bobLearning.Items[0].Progress != 0 {
				t.Errorf("Bob's learning changed: %+v", bobLearning.Items)
			}
			var aliceLearning api.Learning
			e.as(e.aliceToken, "GET", p+"/learning", "").want(t, http.StatusOK).decode(t, &aliceLearning)
			for _, it := range aliceLearning.Items {
				if it.ID == bobItem {
					t.Errorf("Alice's learning shows Bob's item %d", it.ID)
				}
			}
			var journal []api.JournalEntry
			e.as(e.bobToken, "GET", p+"/journal", "").want(t, http.StatusOK).decode(t, &journal)
			if len(journal) != 1 || journal[0].ID != bobJournal {
				t.Errorf("Bob's journal changed: %+v", journal)
			}
			e.as(e.aliceToken, "GET", p+"/journal", "").want(t, http.StatusOK).decode(t, &journal)
			for _, je := range journal {
				if je.ID == bobJournal {
					t.Errorf("Alice's journal shows Bob's entry %d", je.ID)
				}
			}
			var page api.AssessmentPage
			e.as(e.aliceToken, "GET", p+"/assessments?limit=100", "").want(t, http.StatusOK).decode(t, &page)
			for _, a := range page.Items {
				if a.ID == e.bobDraft || a.ID == e.bobComplete {
					t.Errorf("Alice's list shows Bob's assessment %d", a.ID)
				}
			}
		})
	})
}

// TestCrossOrigin: a browser's cross-site request that changes state is
// refused (403 problem+json) even with a valid session; reading is not
// refused, and API clients, which send no Sec-Fetch-Site, pass.
func TestCrossOrigin(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		cross := map[string]string{"Sec-Fetch-Site": "cross-site"}
		tests := []struct {
			name string
			r    req
			want int
		}{
			{"ErrCrossSitePost", req{method: "POST", path: api.Prefix + "/tokens", body: `{"name":"evil"}`, cookie: e.aliceCookie, header: cross}, http.StatusForbidden},
			{"ErrCrossSitePatch", req{method: "PATCH", path: api.Prefix + "/me", body: `{"name":"Evil"}`, cookie: e.aliceCookie, header: cross}, http.StatusForbidden},
			{"ErrCrossSiteDelete", req{method: "DELETE", path: api.Prefix + "/tokens/1", cookie: e.aliceCookie, header: cross}, http.StatusForbidden},
			{"ErrForeignOrigin", req{method: "POST", path: api.Prefix + "/tokens", body: `{"name":"evil"}`, cookie: e.aliceCookie,
				header: map[string]string{"Origin": "https://evil.example"}}, http.StatusForbidden},
			{"OKCrossSiteGet", req{method: "GET", path: api.Prefix + "/me", cookie: e.aliceCookie, header: cross}, http.StatusOK},
			{"OKSameOriginPost", req{method: "POST", path: api.Prefix + "/tokens", body: `{"name":"mine"}`, cookie: e.aliceCookie,
				header: map[string]string{"Sec-Fetch-Site": "same-origin"}}, http.StatusCreated},
			{"OKTokenClient", req{method: "POST", path: api.Prefix + "/tokens", body: `{"name":"script"}`, auth: "Bearer " + e.aliceToken}, http.StatusCreated},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).do(tt.r).want(t, tt.want)
				if tt.want == http.StatusForbidden {
					if p := res.problem(t); p.Code != ladder.EFORBIDDEN {
						t.Errorf("code %q, want %q", p.Code, ladder.EFORBIDDEN)
					}
				}
			})
		}
		var ts []api.Token
		e.as(e.aliceToken, "GET", api.Prefix+"/tokens", "").want(t, http.StatusOK).decode(t, &ts)
		for _, tok := range ts {
			if tok.Name == "evil" {
				t.Errorf("a refused request created token %+v", tok)
			}
		}
	})
}
