package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/server"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// env is a real server on a real database with two people: Alice (the demo
// person, two completed assessments, a start role with O*NET estimates) and
// Bob (a draft and a completed assessment). Every response that passes
// through do is checked against the OpenAPI document the server serves.
type env struct {
	t    testing.TB
	db   *sqldb.DB
	j    *journey.Journey
	auth *sqldb.AuthService
	srv  *server.Server
	url  string
	doc  *docIndex

	alice, bob            *ladder.Person
	aliceToken, bobToken  string
	aliceCookie           string
	bobDraft, bobComplete int64
	bobTokenID            int64
	bobEvidence           int64
	// owner runs Alice's organisation in the tour when set (the
	// authorisation matrix makes Alice a plain member); else Alice does.
	owner *ladder.Person
}

// orgOwner is who sets up Alice's organisation's things in the tour.
func (e *env) orgOwner() *ladder.Person {
	if e.owner != nil {
		return e.owner
	}
	return e.alice
}

func newEnv(t testing.TB, db *sqldb.DB) *env {
	t.Helper()
	ctx := context.Background()
	j := journey.New(db, onet.Embedded)
	auth := sqldb.NewAuthService(db)
	log := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := server.New(j, auth, log, false)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	e := &env{t: t, db: db, j: j, auth: auth, srv: srv, url: ts.URL}
	if e.alice, err = demo.Load(ctx, j, db.Now()); err != nil {
		t.Fatal(err)
	}
	e.bob = &ladder.Person{Name: "Bob Stone", Email: "bob@example.com", StartRole: "network-engineer", TargetRole: "team-lead"}
	if err := j.Persons.CreatePerson(ctx, e.bob); err != nil {
		t.Fatal(err)
	}
	e.bobDraft = e.assessment(e.bob, false, ladder.Rating{Competency: "delegation", Level: 2})
	e.bobComplete = e.assessment(e.bob, true, ladder.Rating{Competency: "delegation", Level: 3})
	e.aliceToken, _ = e.token(e.alice, "alice-test")
	e.bobToken, e.bobTokenID = e.token(e.bob, "bob-test")
	e.bobEvidence = e.evidence(e.bob, "Bob's project")
	if e.aliceCookie, _, err = auth.CreateSession(ctx, e.alice.ID); err != nil {
		t.Fatal(err)
	}
	e.doc = loadDoc(t, ts.URL)
	return e
}

// testWriter sends the server's log to the test's.
type testWriter struct{ t testing.TB }

func (w testWriter) Write(b []byte) (int, error) {
	w.t.Log(strings.TrimSpace(string(b)))
	return len(b), nil
}

// with returns e reporting to t, for subtests.
func (e *env) with(t testing.TB) *env {
	c := *e
	c.t = t
	return &c
}

// assessment stores an assessment of p and returns its id.
func (e *env) assessment(p *ladder.Person, complete bool, rs ...ladder.Rating) int64 {
	e.t.Helper()
	a := &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole, Ratings: rs}
	if complete {
		a.StartedAt = e.db.Now().UTC()
		a.CompletedAt = a.StartedAt
	}
	if err := e.j.Assessments.CreateAssessment(context.Background(), a); err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// token creates a token of p.
// evidence logs a project led by p and returns its id.
func (e *env) evidence(p *ladder.Person, title string) int64 {
	e.t.Helper()
	ev := &ladder.Evidence{PersonID: p.ID, Kind: ladder.EvidenceLedProject, Title: title,
		Start: time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC), End: time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)}
	if err := e.j.Evidence.CreateEvidence(context.Background(), ev); err != nil {
		e.t.Fatal(err)
	}
	return ev.ID
}

// journal writes a win of p's and returns its id.
func (e *env) journal(p *ladder.Person, title string) int64 {
	e.t.Helper()
	je := &ladder.JournalEntry{PersonID: p.ID, Kind: ladder.JournalWin, Title: title, Tags: []string{"team"},
		Date: time.Date(2025, 2, 3, 0, 0, 0, 0, time.UTC)}
	if err := e.j.Journal.CreateJournalEntry(context.Background(), je); err != nil {
		e.t.Fatal(err)
	}
	return je.ID
}

// planAction returns the id of the first action of p's plan that is not
// dropped, generating the plan when p has none.
func (e *env) planAction(p *ladder.Person) int64 {
	e.t.Helper()
	ctx := context.Background()
	pl, err := e.j.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		pl, err = e.j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 6})
	}
	if err != nil {
		e.t.Fatal(err)
	}
	for _, g := range pl.Goals {
		for _, a := range g.Actions {
			if !a.Dropped {
				return a.ID
			}
		}
	}
	e.t.Fatalf("the plan of %s has no action", p.Name)
	return 0
}

// learningItem adds a book of p's and returns its id.
func (e *env) learningItem(p *ladder.Person, title string) int64 {
	e.t.Helper()
	it := &ladder.LearningItem{PersonID: p.ID, Title: title, Kind: "book", Competencies: []string{"delegation"}}
	if err := e.j.Learning.CreateLearningItem(context.Background(), it); err != nil {
		e.t.Fatal(err)
	}
	return it.ID
}

func (e *env) token(p *ladder.Person, name string) (string, int64) {
	e.t.Helper()
	plain, tok, err := e.auth.CreateToken(context.Background(), p.ID, name)
	if err != nil {
		e.t.Fatal(err)
	}
	return plain, tok.ID
}

// req is one API call. Auth is a header value ("Bearer ..."), Cookie a
// session token.
type req struct {
	method, path string
	body         string
	auth         string
	cookie       string
	header       map[string]string
}

// resp is an answer.
type resp struct {
	status int
	header http.Header
	body   []byte
}

// do sends r, fails the test on a 5xx, and checks the answer against the
// OpenAPI document: status documented for the operation, content type and
// body matching the documented schema.
func (e *env) do(r req) *resp {
	e.t.Helper()
	var body io.Reader
	if r.body != "" {
		body = strings.NewReader(r.body)
	}
	hr, err := http.NewRequest(r.method, e.url+r.path, body)
	if err != nil {
		e.t.Fatal(err)
	}
	if r.body != "" {
		hr.Header.Set("Content-Type", "application/json")
	}
	if r.auth != "" {
		hr.Header.Set("Authorization", r.auth)
	}
	if r.cookie != "" {
		hr.AddCookie(&http.Cookie{Name: httpx.SessionCookie, Value: r.cookie})
	}
	for k, v := range r.header {
		hr.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(hr)
	if err != nil {
		e.t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		e.t.Fatal(err)
	}
	out := &resp{status: res.StatusCode, header: res.Header, body: b}
	if out.status >= 500 {
		e.t.Fatalf("%s %s: %d (never a 5xx for a request): %s", r.method, r.path, out.status, b)
	}
	e.doc.check(e.t, hr, out)
	return out
}

// as calls with a bearer token.
func (e *env) as(token, method, path, body string) *resp {
	e.t.Helper()
	return e.do(req{method: method, path: path, body: body, auth: "Bearer " + token})
}

// decode decodes the body into v.
func (r *resp) decode(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("decode %s: %v", r.body, err)
	}
}

// problem decodes a problem+json answer.
func (r *resp) problem(t *testing.T) httpx.Problem {
	t.Helper()
	var p httpx.Problem
	r.decode(t, &p)
	return p
}

// want fails unless the status is status.
func (r *resp) want(t *testing.T, status int) *resp {
	t.Helper()
	if r.status != status {
		t.Fatalf("status %d, want %d: %s", r.status, status, r.body)
	}
	return r
}

// docIndex is the OpenAPI document as served, ready to check answers with.
type docIndex struct {
	doc     api.OpenAPI
	schemas *api.Schemas
	mux     *http.ServeMux // documented patterns, to find a request's operation

	mu   sync.Mutex
	seen map[string]bool // "operationId status" of every checked answer
}

func loadDoc(t testing.TB, url string) *docIndex {
	t.Helper()
	res, err := http.Get(url + api.Prefix + "/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	d := &docIndex{mux: http.NewServeMux(), seen: map[string]bool{}}
	if err := json.NewDecoder(res.Body).Decode(&d.doc); err != nil {
		t.Fatalf("the OpenAPI document does not decode: %v", err)
	}
	d.schemas = &api.Schemas{Components: d.doc.Components.Schemas}
	for path, ops := range d.doc.Paths {
		for method := range ops {
			d.mux.Handle(strings.ToUpper(method)+" "+path, http.NotFoundHandler())
		}
	}
	return d
}

// operation finds the documented operation of a request.
func (d *docIndex) operation(r *http.Request) *api.OpenAPIOp {
	_, pattern := d.mux.Handler(r)
	method, path, ok := strings.Cut(pattern, " ")
	if !ok {
		return nil
	}
	return d.doc.Paths[path][strings.ToLower(method)]
}

var problemRef = &api.Schema{Ref: "#/components/schemas/Problem"}

// check holds an answer to the document.
func (d *docIndex) check(t testing.TB, r *http.Request, res *resp) {
	t.Helper()
	what := r.Method + " " + r.URL.RequestURI()
	op := d.operation(r)
	if op == nil {
		// Unknown paths and methods answer problem+json too.
		if res.status != http.StatusNotFound && res.status != http.StatusMethodNotAllowed {
			t.Errorf("%s: undocumented, answered %d", what, res.status)
		}
		d.checkBody(t, what, res, "application/problem+json", problemRef)
		return
	}
	d.mu.Lock()
	d.seen[op.OperationID+" "+strconv.Itoa(res.status)] = true
	d.mu.Unlock()
	doc, ok := op.Responses[strconv.Itoa(res.status)]
	if !ok {
		t.Errorf("%s: status %d is not documented for %s", what, res.status, op.OperationID)
		return
	}
	if len(doc.Content) == 0 {
		if len(res.body) != 0 {
			t.Errorf("%s: %d documented without a body, got %q", what, res.status, res.body)
		}
		return
	}
	for ct, mt := range doc.Content {
		d.checkBody(t, what, res, ct, mt.Schema)
	}
}

func (d *docIndex) checkBody(t testing.TB, what string, res *resp, wantType string, sc *api.Schema) {
	t.Helper()
	if mt, _, _ := mime.ParseMediaType(res.header.Get("Content-Type")); mt != wantType {
		t.Errorf("%s: Content-Type %q, documented %q", what, res.header.Get("Content-Type"), wantType)
	}
	var v any
	if wantType != "application/json" && !strings.HasSuffix(wantType, "+json") {
		// A body of another media type (text/calendar) is a string.
		v = string(res.body)
	} else {
		dec := json.NewDecoder(bytes.NewReader(res.body))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			t.Errorf("%s: body is not JSON: %v: %s", what, err, res.body)
			return
		}
	}
	if f := d.schemas.Validate(sc, v); f != nil {
		t.Errorf("%s: %d answer does not match its documented schema: %v\n%s", what, res.status, f, clip(res.body))
	}
}

func clip(b []byte) string {
	if len(b) > 2000 {
		return string(b[:2000]) + "..."
	}
	return string(b)
}
