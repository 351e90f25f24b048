package server

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// alicePassword is the password of every fixture's Alice.
const alicePassword = "correct horse battery"

// webFixture is one server on one database and the people a scenario acts
// as, created fresh for each scenario so that no scenario sees another's
// changes:
//
//   - alice: system administrator aiming at IT manager, an owner account,
//     one finished self-assessment, a draft with delegation rated 3 and a
//     token named "laptop";
//   - bob: a bare O*NET start (Software Developers, which O*NET has not
//     rated: a proxy stands in) aiming at team lead, a token named "ci",
//     no assessment at all;
//   - carol: no roles chosen yet.
type webFixture struct {
	srv     *Server
	j       *journey.Journey
	auth    *sqldb.AuthService
	alice   *ladder.Person
	bob     *ladder.Person
	carol   *ladder.Person
	cookies map[string]*http.Cookie
	// tokens holds each person's token id by name: "alice", "bob".
	tokens map[string]int64
	draft  *ladder.Assessment
	// journal holds each person's journal entry id: "alice", "bob".
	journal map[string]int64
	// learning holds each person's learning item id: "alice", "bob".
	learning map[string]int64
	// evidence holds each person's evidence entry id: "alice", "bob".
	evidence map[string]int64
	// planAction holds the id of an action of each person's plan.
	planAction map[string]int64
	// planGoal holds the id of the first goal of each person's plan.
	planGoal map[string]int64
	// net holds the ids of mentoring and network records (see addNetwork).
	net map[string]int64
	// first90 holds the ids of the first 90 days by placeholder name,
	// such as "aliceMember" (see first90Fixture).
	first90 map[string]int64
	// extra holds more placeholders and their values, such as "{aliceOpp}".
	extra map[string]string
	// feedbackSink receives the fixture's mail (see feedbackFixture).
	feedbackSink *mailtest.Server
}

// fixtureSeq keeps emails unique across the scenarios sharing a database.
var fixtureSeq atomic.Int64

// newServer builds the server of `ladder serve` (not in demo mode) on db.
func newServer(t testing.TB, db *sqldb.DB) (*Server, *journey.Journey, *sqldb.AuthService) {
	t.Helper()
	j := journey.New(db, onet.Embedded)
	auth := sqldb.NewAuthService(db)
	s, err := New(j, auth, slog.New(slog.DiscardHandler), false)
	if err != nil {
		t.Fatal(err)
	}
	return s, j, auth
}

func newWebFixture(t *testing.T, s *Server, j *journey.Journey, auth *sqldb.AuthService) *webFixture {
	t.Helper()
	ctx := context.Background()
	n := fixtureSeq.Add(1)
	f := &webFixture{srv: s, j: j, auth: auth, cookies: map[string]*http.Cookie{}, tokens: map[string]int64{}}
	person := func(name, start, target string) *ladder.Person {
		p := &ladder.Person{Name: name, Email: fmt.Sprintf("%s.%d@example.com", strings.ToLower(name), n), StartRole: start, TargetRole: target}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		tok, _, err := auth.CreateSession(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.cookies[strings.ToLower(name)] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
		return p
	}
	f.alice = person("Alice", "system-administrator", "it-manager")
	f.bob = person("Bob", "15-1252.00", "team-lead")
	f.carol = person("Carol", "", "")
	if err := auth.CreateAccount(ctx, f.alice.ID, ladder.AccountMember, alicePassword); err != nil {
		t.Fatal(err)
	}
	done := time.Now().UTC().Add(-30 * 24 * time.Hour).Truncate(time.Second)
	first := &ladder.Assessment{PersonID: f.alice.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager", StartedAt: done.Add(-time.Hour), CompletedAt: done,
		Ratings: []ladder.Rating{{Competency: "delegation", Level: 2}, {Competency: "budgeting", Level: 1}, {Competency: "empathy", Level: 3}}}
	if err := j.Assessments.CreateAssessment(ctx, first); err != nil {
		t.Fatal(err)
	}
	f.draft = &ladder.Assessment{PersonID: f.alice.ID, Kind: ladder.AssessSelf, TargetRole: "it-manager",
		Ratings: []ladder.Rating{{Competency: "delegation", Level: 3, Note: "from the command line"}}}
	if err := j.Assessments.CreateAssessment(ctx, f.draft); err != nil {
		t.Fatal(err)
	}
	f.evidence = map[string]int64{}
	for who, title := range map[*ladder.Person]string{f.alice: "Led the storage migration", f.bob: "Bob's secret project"} {
		e := &ladder.Evidence{PersonID: who.ID, Kind: ladder.EvidenceLedProject, Title: title,
			Start: done.AddDate(0, -14, 0), End: done.AddDate(0, -2, 0), Competencies: []string{"delegation"}, PeopleCount: 4}
		if err := j.Evidence.CreateEvidence(ctx, e); err != nil {
			t.Fatal(err)
		}
		f.evidence[strings.ToLower(who.Name)] = e.ID
	}
	f.planAction, f.planGoal = map[string]int64{}, map[string]int64{}
	for _, who := range []*ladder.Person{f.alice, f.bob} {
		pl, err := j.GeneratePlan(ctx, who, journey.PlanOptions{Months: 12})
		if err != nil {
			t.Fatal(err)
		}
		// The first action falls due tomorrow, so it is on this week's agenda.
		pl.Goals[0].Actions[0].Title = who.Name + "'s first action"
		a := &pl.Goals[0].Actions[0]
		a.Due = time.Now().UTC().Truncate(24*time.Hour).AddDate(0, 0, 1)
		a.Start = a.Due.AddDate(0, -1, 0)
		if err := j.Plans().SavePlan(ctx, pl); err != nil {
			t.Fatal(err)
		}
		f.planAction[strings.ToLower(who.Name)] = pl.Goals[0].Actions[0].ID
		f.planGoal[strings.ToLower(who.Name)] = pl.Goals[0].ID
	}
	f.journal = map[string]int64{}
	for who, title := range map[*ladder.Person]string{f.alice: "Ran the retro", f.bob: "Bob's private lesson"} {
		e := &ladder.JournalEntry{PersonID: who.ID, Date: done, Kind: ladder.JournalWin, Title: title, Mood: 4}
		if err := j.Journal.CreateJournalEntry(ctx, e); err != nil {
			t.Fatal(err)
		}
		f.journal[strings.ToLower(who.Name)] = e.ID
	}
	f.learning = map[string]int64{}
	for who, title := range map[*ladder.Person]string{f.alice: "Alice's leadership book", f.bob: "Bob's private course"} {
		it := &ladder.LearningItem{PersonID: who.ID, Title: title, Kind: "book", Competencies: []string{"delegation"}}
		if err := j.Learning.CreateLearningItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		f.learning[strings.ToLower(who.Name)] = it.ID
	}
	for who, name := range map[*ladder.Person]string{f.alice: "laptop", f.bob: "ci"} {
		_, tok, err := auth.CreateToken(ctx, who.ID, name)
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[strings.ToLower(who.Name)] = tok.ID
	}
	f.addNetwork(t)
	f.first90Fixture(t)
	f.landingFixture(t)
	f.orgFixture(t)
	f.feedbackFixture(t)
	f.ssoFixture(t)
	f.cohortFeedbackFixture(t)
	f.pipelineFixture(t)
	return f
}

// extraPeople adds "unrated", who starts from an O*NET occupation that
// nothing rated stands in for, and "nostart", who has only a target.
func (f *webFixture) extraPeople(t *testing.T, unratedCode string) {
	t.Helper()
	ctx := context.Background()
	n := fixtureSeq.Add(1)
	for name, start := range map[string]string{"unrated": unratedCode, "nostart": ""} {
		p := &ladder.Person{Name: name, Email: fmt.Sprintf("%s.%d@example.com", name, n), StartRole: start, TargetRole: "it-manager"}
		if err := f.j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		tok, _, err := f.auth.CreateSession(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		f.cookies[name] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
	}
}

// request is one HTTP request of a scenario.
type request struct {
	method string
	path   string
	form   url.Values
	as     string            // "alice", "bob", "carol", or "" for nobody
	header map[string]string // extra headers
}

// do serves req through the whole handler chain.
func (f *webFixture) do(req request) *httptest.ResponseRecorder {
	fill := strings.NewReplacer("{aliceToken}", fmt.Sprint(f.tokens["alice"]), "{bobToken}", fmt.Sprint(f.tokens["bob"]),
		"{aliceJournal}", fmt.Sprint(f.journal["alice"]), "{bobJournal}", fmt.Sprint(f.journal["bob"]),
		"{aliceEvidence}", fmt.Sprint(f.evidence["alice"]), "{bobEvidence}", fmt.Sprint(f.evidence["bob"]),
		"{alicePlanAction}", fmt.Sprint(f.planAction["alice"]), "{bobPlanAction}", fmt.Sprint(f.planAction["bob"]),
		"{alicePlanGoal}", fmt.Sprint(f.planGoal["alice"]), "{bobPlanGoal}", fmt.Sprint(f.planGoal["bob"]),
		"{aliceLearning}", fmt.Sprint(f.learning["alice"]), "{bobLearning}", fmt.Sprint(f.learning["bob"]),
		"{bobEmail}", f.bob.Email).Replace
	fill = f.fillNetwork(fill)
	fill = f.fillFirst90(fill)
	if len(f.extra) > 0 {
		base, pairs := fill, []string{}
		for k, v := range f.extra {
			pairs = append(pairs, k, v)
		}
		more := strings.NewReplacer(pairs...).Replace
		fill = func(s string) string { return more(base(s)) }
	}
	var r *http.Request
	if req.method == http.MethodPost {
		body := url.Values{}
		for k, vs := range req.form {
			for _, v := range vs {
				body.Add(fill(k), fill(v))
			}
		}
		r = httptest.NewRequest(req.method, fill(req.path), strings.NewReader(body.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		r = httptest.NewRequest(req.method, fill(req.path), nil)
	}
	for k, v := range req.header {
		r.Header.Set(k, v)
	}
	if c := f.cookies[req.as]; c != nil {
		r.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	f.srv.ServeHTTP(rec, r)
	return rec
}

// person reloads a fixture person.
func (f *webFixture) person(t *testing.T, p *ladder.Person) *ladder.Person {
	t.Helper()
	got, err := f.j.Persons.FindPersonByID(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// draftOf returns the person's assessment in progress, or nil.
func (f *webFixture) draftOf(t *testing.T, p *ladder.Person) *ladder.Assessment {
	t.Helper()
	a, err := f.j.Draft(context.Background(), p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil
	} else if err != nil {
		t.Fatal(err)
	}
	return a
}

// level returns the level a rates competency at, or -1.
func level(a *ladder.Assessment, competency string) int {
	if a == nil {
		return -1
	}
	for _, r := range a.Ratings {
		if r.Competency == competency {
			return r.Level
		}
	}
	return -1
}

// tokenNames lists a person's token names.
func (f *webFixture) tokenNames(t *testing.T, p *ladder.Person) []string {
	t.Helper()
	ts, err := f.auth.FindTokens(context.Background(), p.ID)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, tk := range ts {
		out = append(out, tk.Name)
	}
	return out
}

// unratedOccupation finds an O*NET occupation with no ratings whose related
// occupations are unrated too, so no proxy can stand in for it.
func unratedOccupation(t *testing.T) string {
	t.Helper()
	d, err := onet.Embedded()
	if err != nil {
		t.Fatal(err)
	}
next:
	for i := range d.Occupations {
		o := &d.Occupations[i]
		if d.Rated(o, onet.DomainSkills) {
			continue
		}
		for _, code := range o.Related {
			if rel, ok := d.Occupation(code); ok && d.Rated(rel, onet.DomainSkills) {
				continue next
			}
		}
		return o.Code
	}
	t.Skip("every unrated occupation in this O*NET copy has a rated related one")
	return ""
}
