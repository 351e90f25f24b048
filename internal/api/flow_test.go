package api_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestAssessmentFlow rates as the browser does: a draft, ratings an area at
// a time, completion; the readiness then counts the new ratings.
func TestAssessmentFlow(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		var before api.Readiness
		e.as(e.aliceToken, "GET", p+"/readiness", "").want(t, 200).decode(t, &before)

		var a api.Assessment
		res := e.as(e.aliceToken, "POST", p+"/assessments", `{}`).want(t, http.StatusCreated)
		res.decode(t, &a)
		if a.CompletedAt != nil || a.TargetRole != "it-manager" || a.Kind != ladder.AssessSelf || len(a.Ratings) != 0 {
			t.Fatalf("new draft %+v", a)
		}
		if got, want := res.header.Get("Location"), fmt.Sprintf("%s/assessments/%d", p, a.ID); got != want {
			t.Errorf("Location %q, want %q", got, want)
		}
		path := fmt.Sprintf("%s/assessments/%d", p, a.ID)
		e.as(e.aliceToken, "PUT", path+"/ratings", `{"ratings":[{"competency":"budgeting","level":5},{"competency":"negotiation","level":0,"note":"unsure"}]}`).want(t, 200)
		e.as(e.aliceToken, "PUT", path+"/ratings", `{"ratings":[{"competency":"budgeting","level":4},{"competency":"vendor-management","level":5}]}`).want(t, 200).decode(t, &a)
		got := map[string]api.Rating{}
		for _, r := range a.Ratings {
			got[r.Competency] = r
		}
		want := map[string]api.Rating{
			"budgeting":         {Competency: "budgeting", Level: 4},
			"negotiation":       {Competency: "negotiation", Level: 0, Note: "unsure"},
			"vendor-management": {Competency: "vendor-management", Level: 5},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("ratings after two saves (-want +got):\n%s", diff)
		}
		// A rating sent without a note keeps its note; an empty one clears it.
		e.as(e.aliceToken, "PUT", path+"/ratings", `{"ratings":[{"competency":"negotiation","level":2}]}`).want(t, 200).decode(t, &a)
		if r := a.Ratings[slices.IndexFunc(a.Ratings, func(r api.Rating) bool { return r.Competency == "negotiation" })]; r.Level != 2 || r.Note != "unsure" {
			t.Errorf("a level changed without a note: %+v", r)
		}
		a = api.Assessment{}
		e.as(e.aliceToken, "PUT", path+"/ratings", `{"ratings":[{"competency":"negotiation","level":2,"note":""}]}`).want(t, 200).decode(t, &a)
		if r := a.Ratings[slices.IndexFunc(a.Ratings, func(r api.Rating) bool { return r.Competency == "negotiation" })]; r.Note != "" {
			t.Errorf("an empty note did not clear the note: %+v", r)
		}
		// One draft at a time: the pages and the command line resume it.
		pr := e.as(e.aliceToken, "POST", p+"/assessments", `{}`).want(t, http.StatusConflict).problem(t)
		if !strings.Contains(pr.Detail, fmt.Sprint(a.ID)) {
			t.Errorf("the conflict does not name the draft %d: %+v", a.ID, pr)
		}

		var mid api.Readiness
		e.as(e.aliceToken, "GET", p+"/readiness", "").want(t, 200).decode(t, &mid)
		if mid.Score != before.Score {
			t.Errorf("a draft changed readiness: %v -> %v", before.Score, mid.Score)
		}
		e.as(e.aliceToken, "POST", path+"/complete", "").want(t, 200).decode(t, &a)
		if a.CompletedAt == nil {
			t.Fatalf("completed assessment %+v", a)
		}
		var after api.Readiness
		e.as(e.aliceToken, "GET", p+"/readiness", "").want(t, 200).decode(t, &after)
		if after.Score <= before.Score || len(after.Trend) != len(before.Trend)+1 {
			t.Errorf("readiness %v (trend %d) -> %v (trend %d): want higher, one more point",
				before.Score, len(before.Trend), after.Score, len(after.Trend))
		}
		var gaps []api.Gap
		e.as(e.aliceToken, "GET", p+"/gaps", "").want(t, 200).decode(t, &gaps)
		for _, g := range gaps {
			if g.Competency == "budgeting" && (g.Current != 4 || g.Source != "self") {
				t.Errorf("budgeting gap %+v: want current 4 from the new self-rating", g)
			}
		}
		e.as(e.aliceToken, "PUT", path+"/ratings", `{"ratings":[]}`).want(t, http.StatusConflict)
		e.as(e.aliceToken, "DELETE", path, "").want(t, http.StatusNoContent)
		e.as(e.aliceToken, "GET", path, "").want(t, http.StatusNotFound)
		var back api.Readiness
		e.as(e.aliceToken, "GET", p+"/readiness", "").want(t, 200).decode(t, &back)
		if back.Score != before.Score {
			t.Errorf("readiness after deleting the assessment %v, want %v again", back.Score, before.Score)
		}
	})
}

// TestPagination pages through assessments: newest first, each once, with
// drafts and completed ones filtered apart.
func TestPagination(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		for i := range 5 {
			e.assessment(e.alice, i%2 == 0, ladder.Rating{Competency: "delegation", Level: 3})
		}
		all := e.pages(t, "", 2)
		if len(all) != 7 { // the demo's two and five more
			t.Fatalf("%d assessments paged, want 7: %v", len(all), all)
		}
		one := e.pages(t, "", 100)
		if !slices.Equal(all, one) {
			t.Errorf("pages of 2 %v differ from one page %v", all, one)
		}
		drafts, completed := e.pages(t, "&status=draft", 1), e.pages(t, "&status=completed", 3)
		if len(drafts) != 2 || len(completed) != 5 {
			t.Errorf("%d drafts and %d completed, want 2 and 5", len(drafts), len(completed))
		}
		// A cursor survives the deletion of the assessment it points at.
		var first api.AssessmentPage
		e.as(e.aliceToken, "GET", api.Prefix+"/assessments?limit=3", "").want(t, 200).decode(t, &first)
		e.as(e.aliceToken, "DELETE", fmt.Sprintf("%s/assessments/%d", api.Prefix, first.Items[2].ID), "").want(t, 204)
		var rest api.AssessmentPage
		e.as(e.aliceToken, "GET", api.Prefix+"/assessments?limit=100&cursor="+*first.Next, "").want(t, 200).decode(t, &rest)
		if len(rest.Items) != 4 || rest.Items[0].ID != all[3] || rest.Next != nil {
			t.Errorf("after the cursor's assessment was deleted: %d items from %d, next %v; want 4 from %d",
				len(rest.Items), rest.Items[0].ID, rest.Next, all[3])
		}
	})
}

// pages follows the cursors and returns the ids in order, checking that
// each page is newest first.
func (e *env) pages(t *testing.T, query string, limit int) []int64 {
	t.Helper()
	var ids []int64
	cursor := ""
	for range 20 {
		var pg api.AssessmentPage
		e.as(e.aliceToken, "GET", fmt.Sprintf("%s/assessments?limit=%d%s%s", api.Prefix, limit, query, cursor), "").want(t, 200).decode(t, &pg)
		if len(pg.Items) > limit {
			t.Fatalf("%d items, limit %d", len(pg.Items), limit)
		}
		for _, a := range pg.Items {
			if slices.Contains(ids, a.ID) {
				t.Fatalf("assessment %d twice", a.ID)
			}
			ids = append(ids, a.ID)
		}
		if pg.Next == nil {
			return ids
		}
		cursor = "&cursor=" + *pg.Next
	}
	t.Fatal("the cursors never end")
	return nil
}

// TestUpdateMe changes the profile and resolves roles as the onboarding
// page sends them: by title, by slug, by O*NET code.
func TestUpdateMe(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		var me api.Me
		e.as(e.bobToken, "PATCH", api.Prefix+"/me", `{"name":" Robert Stone ","email":"Robert@Example.com","start_role":"Security analyst","target_role":"IT Manager"}`).
			want(t, 200).decode(t, &me)
		if me.Name != "Robert Stone" || me.Email != "robert@example.com" || me.StartRole != "security-analyst" || me.TargetRole != "it-manager" {
			t.Errorf("after the patch %+v", me.Person)
		}
		if me.Start == nil || me.Start.Kind != "role" || me.Target == nil || me.Target.Slug != "it-manager" || me.Attribution != "" {
			t.Errorf("resolved roles %+v %+v, attribution %q", me.Start, me.Target, me.Attribution)
		}
		e.as(e.bobToken, "PATCH", api.Prefix+"/me", `{"start_role":"15-1252.00"}`).want(t, 200).decode(t, &me)
		if me.Start == nil || me.Start.Kind != "onet" || !me.Start.ONETProxy || me.Start.ONETCode == "15-1252.00" || me.Attribution != onet.Attribution {
			t.Errorf("an unrated O*NET start: %+v, attribution %q", me.Start, me.Attribution)
		}
		me = api.Me{} // omitted fields must not survive from the last answer
		e.as(e.bobToken, "PATCH", api.Prefix+"/me", `{"start_role":""}`).want(t, 200).decode(t, &me)
		if me.StartRole != "" || me.Start != nil || me.Name != "Robert Stone" {
			t.Errorf("after clearing the start role %+v", me)
		}
		var got api.Me
		e.as(e.bobToken, "GET", api.Prefix+"/me", "").want(t, 200).decode(t, &got)
		if diff := cmp.Diff(me, got); diff != "" {
			t.Errorf("GET after PATCH (-patch +get):\n%s", diff)
		}
		// A refused patch changes nothing, not even its valid fields.
		e.as(e.bobToken, "PATCH", api.Prefix+"/me", `{"name":"Changed","target_role":"astronaut"}`).want(t, 400)
		got = api.Me{}
		e.as(e.bobToken, "GET", api.Prefix+"/me", "").want(t, 200).decode(t, &got)
		if got.Name != "Robert Stone" {
			t.Errorf("a refused patch changed the name to %q", got.Name)
		}
	})
}

// TestTokenLifecycle creates a token through the API, uses it, lists it
// without its secret, and revokes it.
func TestTokenLifecycle(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		var created api.TokenCreated
		e.as(e.aliceToken, "POST", api.Prefix+"/tokens", `{"name":"laptop"}`).want(t, http.StatusCreated).decode(t, &created)
		if !strings.HasPrefix(created.Secret, ladder.TokenPrefix) || !strings.HasPrefix(created.Secret, created.Prefix) || created.LastUsedAt != nil {
			t.Fatalf("created %+v", created)
		}
		var me api.Me
		e.as(created.Secret, "GET", api.Prefix+"/me", "").want(t, 200).decode(t, &me)
		if me.ID != e.alice.ID {
			t.Errorf("the new token is %d's, want Alice's %d", me.ID, e.alice.ID)
		}
		res := e.as(e.aliceToken, "GET", api.Prefix+"/tokens", "").want(t, 200)
		if strings.Contains(string(res.body), created.Secret) || strings.Contains(string(res.body), e.aliceToken) {
			t.Errorf("the list shows a secret: %s", res.body)
		}
		var ts []api.Token
		res.decode(t, &ts)
		if i := slices.IndexFunc(ts, func(tk api.Token) bool { return tk.ID == created.ID }); i < 0 || ts[i].LastUsedAt == nil {
			t.Errorf("tokens %+v: want %d, used", ts, created.ID)
		}
		e.as(created.Secret, "DELETE", fmt.Sprintf("%s/tokens/%d", api.Prefix, created.ID), "").want(t, http.StatusNoContent)
		e.as(created.Secret, "GET", api.Prefix+"/me", "").want(t, http.StatusUnauthorized)
	})
}

// TestExport: all of Alice's data, her notes included, no secrets.
func TestExport(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		if err := e.auth.CreateAccount(context.Background(), e.alice.ID, ladder.AccountOwner, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		res := e.as(e.aliceToken, "GET", api.Prefix+"/export", "").want(t, 200)
		if cd := res.header.Get("Content-Disposition"); !strings.HasPrefix(cd, `attachment; filename="ladder-export-`) {
			t.Errorf("Content-Disposition %q", cd)
		}
		for _, secret := range []string{e.aliceToken, e.aliceCookie, "argon2", "correct horse"} {
			if strings.Contains(string(res.body), secret) {
				t.Errorf("the export contains a secret (%.12s...)", secret)
			}
		}
		var x api.Export
		res.decode(t, &x)
		if x.Format != api.ExportFormat || x.Person.ID != e.alice.ID || x.Account == nil || x.Account.Role != ladder.AccountOwner ||
			len(x.Assessments) != 2 || len(x.Tokens) != 1 {
			t.Fatalf("export %+v", x)
		}
		notes := 0
		for _, r := range x.Assessments[0].Ratings {
			if r.Note != "" {
				notes++
			}
			if r.RatedAt.IsZero() {
				t.Errorf("rating %+v without its time", r)
			}
		}
		if notes == 0 {
			t.Error("the export lost the notes")
		}
		var bob api.Export
		e.as(e.bobToken, "GET", api.Prefix+"/export", "").want(t, 200).decode(t, &bob)
		if bob.Account != nil || len(bob.Assessments) != 2 || bob.Person.ID != e.bob.ID {
			t.Errorf("Bob's export %+v", bob)
		}
	})
}

// TestAttribution: estimates from O*NET data come with O*NET's credit line;
// self-ratings alone do not need it.
func TestAttribution(t *testing.T) {
	e := newEnv(t, sqldbtest.Open(t, sqldb.SQLite))
	p := api.Prefix
	// Bob rated one competency; the rest are estimates from his start role.
	res := e.as(e.bobToken, "GET", p+"/gaps", "").want(t, 200)
	if got := res.header.Get(api.AttributionHeader); got != onet.AttributionModified {
		t.Errorf("Bob's gaps: %s %q, want the modified attribution", api.AttributionHeader, got)
	}
	var r api.Readiness
	e.as(e.bobToken, "GET", p+"/readiness", "").want(t, 200).decode(t, &r)
	if r.Attribution != onet.AttributionModified || r.Sources["prior"] == 0 {
		t.Errorf("Bob's readiness: attribution %q, sources %v", r.Attribution, r.Sources)
	}
	var all []api.Readiness
	e.as(e.bobToken, "GET", p+"/readiness/targets", "").want(t, 200).decode(t, &all)
	for _, r := range all {
		if r.Attribution != onet.AttributionModified {
			t.Errorf("Bob's readiness for %s: attribution %q", r.Target, r.Attribution)
		}
	}
	// Alice rated everything.
	if got := e.as(e.aliceToken, "GET", p+"/gaps", "").want(t, 200).header.Get(api.AttributionHeader); got != "" {
		t.Errorf("Alice's gaps rest on self-ratings only, yet %s %q", api.AttributionHeader, got)
	}
	var cmpRes api.ONETComparison
	e.as(e.aliceToken, "GET", p+"/onet/compare?to=cio&domain=skills", "").want(t, 200).decode(t, &cmpRes)
	if cmpRes.Attribution != onet.AttributionModified || cmpRes.From.Code != "15-1244.00" || cmpRes.To.Code != "11-1011.00" {
		t.Errorf("compare %s -> %s, attribution %q", cmpRes.From.Code, cmpRes.To.Code, cmpRes.Attribution)
	}
	for _, g := range append(cmpRes.Gaps, cmpRes.Transfers...) {
		if g.Domain != onet.DomainSkills {
			t.Errorf("domain=skills shows %+v", g)
		}
	}
	var search api.ONETSearch
	e.as(e.aliceToken, "GET", p+"/onet/search?q=computer+manager&limit=3", "").want(t, 200).decode(t, &search)
	if search.Attribution != onet.Attribution || len(search.Results) == 0 || len(search.Results) > 3 {
		t.Errorf("search %+v", search)
	}
}

// TestNoTarget: a new person without a target role is told to choose one;
// what does not need a target still answers.
func TestNoTarget(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := &ladder.Person{Name: "New Person", Email: "new@example.com"}
		if err := e.j.Persons.CreatePerson(context.Background(), p); err != nil {
			t.Fatal(err)
		}
		tok, _ := e.token(p, "new")
		for _, path := range []string{"/gaps", "/readiness"} {
			pr := e.as(tok, "GET", api.Prefix+path, "").want(t, http.StatusConflict).problem(t)
			if _, ok := pr.Errors["target_role"]; !ok {
				t.Errorf("%s: %+v does not name target_role", path, pr)
			}
		}
		e.as(tok, "GET", api.Prefix+"/gaps?target=team-lead", "").want(t, 200)
		var all []api.Readiness
		e.as(tok, "GET", api.Prefix+"/readiness/targets", "").want(t, 200).decode(t, &all)
		if len(all) != 5 {
			t.Errorf("%d targets scored, want 5", len(all))
		}
		pr := e.as(tok, "POST", api.Prefix+"/assessments", `{}`).want(t, 400).problem(t)
		if _, ok := pr.Errors["target_role"]; !ok {
			t.Errorf("a draft without a target: %+v", pr)
		}
		// The documented 400 (held to the document by e.do).
		e.as(tok, "POST", api.Prefix+"/resume/generate", "").want(t, 400)
		pr = e.as(tok, "GET", api.Prefix+"/onet/compare", "").want(t, 400).problem(t)
		if _, ok := pr.Errors["from"]; !ok {
			t.Errorf("compare without a start: %+v", pr)
		}
		var me api.Me
		e.as(tok, "GET", api.Prefix+"/me", "").want(t, 200).decode(t, &me)
		if me.Start != nil || me.Target != nil {
			t.Errorf("me %+v", me)
		}
	})
}
