package server

// The authorisation matrix of the page routes (issue 6): every route of
// the route table against every role of matrixtest.Roles, with the
// expected allow or deny. The rows are in authz_matrix_web_test.go; the
// JSON API has its own in internal/api.

import (
	"context"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/matrixtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// webMatrixActors are the fixture's people (f.cookies keys) in each role.
var webMatrixActors = map[string]string{"out": "", "self": "alice", "mentor": "mona", "manager": "max", "admin": "erin",
	"owner": "olga", "other": "zed", "none": "bob"}

// webMatrixSubjectStrings are Alice's data, one string of each kind: no
// page of anyone else may show them.
var webMatrixSubjectStrings = []string{"Led the storage migration", "Ran the retro", "Alice's leadership book", "Alice's first action",
	"Alice's mentor", "Alice's agenda", "Alice's budget action", "Alice's contact", "Alice's summit", "Alice's team lead role",
	"Alice's own line", "Sam Okafor", "Dana Ruiz", "Patch the servers", "Alice's spring round", "Alice's old round",
	"Alice's manager comment"}

// webMatrixOrgStrings are Northwind's: no page of another organisation's
// owner or of a person in none may show them.
var webMatrixOrgStrings = []string{"Northwind", "dave's title", "Dave"}

// webMatrixLate are the page routes' changes that take away what others
// need (matrixtest.Order).
var webMatrixLate = []string{"POST /feedback/rounds/{id}/remind", "POST /plan", "POST /resume/generate", "POST /assess/finish",
	"POST /onboarding", "POST /settings/password", "POST /logout"}

// webMatrixShape is the request of a row and the status it earns when
// allowed.
type webMatrixShape struct {
	req    request
	status int
}

// webMatrixShapes are the requests of the routes that no successful
// scenario covers (the public sign-in routes), with what they answer
// everyone in the fixture, and of the routes whose scenario does not suit:
// one about a member should name the subject, as in
//
//	"GET /org/people/{id}": {get("/org/people/{orgAlice}", ""), 200},
func webMatrixShapes(f *webFixture) map[string]webMatrixShape {
	css, err := f.srv.Web.Assets.URL("app.css")
	if err != nil {
		panic(err)
	}
	return map[string]webMatrixShape{
		"GET /static/":      {get(css, ""), 200},
		"GET /healthz":      {get("/healthz", ""), 200},
		"GET /setup":        {get("/setup", ""), 303},
		"POST /setup":       {post("/setup", "", form("name", "Mallory", "email", "mallory@example.com", "password", "a long enough password")), 403},
		"GET /login":        {get("/login", ""), 200},
		"POST /login":       {post("/login", "", form("email", "{aliceEmail}", "password", alicePassword)), 303},
		"POST /logout":      {post("/logout", "", nil), 303},
		"POST /login/sso":   {post("/login/sso", "", form("org", "northwind-{orgN}")), 422},
		"GET /sso/callback": {get("/sso/callback?state=x&code=y", ""), 400},
		"GET /sso/{slug}":   {get("/sso/northwind-{orgN}", ""), 404},
		"GET /demo":         {get("/demo", ""), 404},
		// The scenario invites an owner, which only owners may.
		"POST /org/invitations": {post("/org/invitations", "", form("email", "matrix-invitee@example.com", "role", "member")), 303},
		// The member view of the subject herself.
		"GET /org/people/{id}": {get("/org/people/{orgAlice}", ""), 200},
		// The pipeline and cohort 360 scenarios run in organisations of their own.
		"GET /org/programmes/{id}/pipeline":      {get("/org/programmes/{orgProg}/pipeline", ""), 200},
		"GET /org/programmes/{id}/pipeline.csv":  {get("/org/programmes/{orgProg}/pipeline.csv", ""), 200},
		"GET /org/cohorts/{id}/feedback":         {get("/org/cohorts/{orgCohort}/feedback", ""), 200},
		"POST /org/cohorts/{id}/feedback/remind": {post("/org/cohorts/{orgCohort}/feedback/remind", "", form()), 409},
		"POST /org/cohorts/{id}/feedback": {post("/org/cohorts/{orgCohort}/feedback", "", form("title", "Matrix 360", "closes_on", orgToday(14),
			"members", "{orgDave}", "add.{orgDave}", "peer matrix-peer@example.com")), 303},
	}
}

// webMatrixScenarioShapes picks a request for each route from the
// successful scenarios: the first, but for a personal route the
// subject's own, so that its ids are hers (an organisation route's may be
// an owner's action, which is why those keep the first).
func webMatrixScenarioShapes(s *Server) map[string]webMatrixShape {
	mux := http.NewServeMux()
	for _, rt := range s.Routes() {
		mux.Handle(rt.Method+" "+rt.Path, http.NotFoundHandler())
	}
	out := map[string]webMatrixShape{}
	for _, sc := range webScenarios() {
		if sc.status >= 400 {
			continue
		}
		path := strings.NewReplacer("{aliceToken}", "1", "{bobToken}", "2").Replace(sc.req.path)
		_, pattern := mux.Handler(httptest.NewRequest(sc.req.method, path, nil))
		_, route, _ := strings.Cut(pattern, " ")
		if old, ok := out[pattern]; ok && (strings.HasPrefix(route, "/org") || old.req.as == "alice" || sc.req.as != "alice") {
			continue
		}
		out[pattern] = webMatrixShape{req: sc.req, status: sc.status}
	}
	return out
}

// matrixFixture is the web fixture with Alice as the subject: Mona (her
// mentor), Max (her manager) and Olga join Northwind; Olga becomes its
// owner and Alice a plain member. Erin stays a programme admin who is
// neither Alice's mentor nor her manager. f.extra gets each actor's
// person id as {matrix:mona} and so on.
func matrixFixture(t *testing.T, s *Server, j *journey.Journey, auth *sqldb.AuthService) *webFixture {
	t.Helper()
	ctx := context.Background()
	f := newWebFixture(t, s, j, auth)
	n := f.extra["{orgN}"]
	email := func(name string) string { return fmt.Sprintf("%s.matrix%s@example.com", name, n) }
	csv := "name,email,title,manager_email\n"
	for _, name := range []string{"Mona", "Max", "Olga"} {
		csv += fmt.Sprintf("%s,%s,%s's title,\n", name, email(strings.ToLower(name)), name)
	}
	_, err := j.ImportOrgPeople(ctx, f.alice, []byte(csv))
	orgFixtureMust(t, err)
	ids := map[string]int64{"alice": f.alice.ID, "bob": f.bob.ID, "erin": f.extraID(t, "{orgErin}"), "zed": f.extraID(t, "{zedID}")}
	start, target := "network-engineer", "team-lead"
	for _, name := range []string{"mona", "max", "olga"} {
		p, err := j.Persons.FindPersonByEmail(ctx, email(name))
		orgFixtureMust(t, err)
		// A start and a target, so that their own pages show (empty) data
		// rather than send them to onboarding.
		_, err = j.Persons.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
		orgFixtureMust(t, err)
		ids[name] = p.ID
	}
	for name, id := range ids {
		f.extra["{matrix:"+name+"}"] = fmt.Sprint(id)
	}
	owner, member, manager := ladder.OrgRoleOwner, ladder.OrgRoleMember, ids["max"]
	_, err = j.UpdateOrgMember(ctx, f.alice, ids["olga"], ladder.OrgMemberUpdate{Role: &owner})
	orgFixtureMust(t, err)
	orgFixtureMust(t, j.SetOrgMentor(ctx, f.alice, ids["mona"], f.alice.ID, false))
	_, err = j.UpdateOrgMember(ctx, f.alice, f.alice.ID, ladder.OrgMemberUpdate{ManagerID: &manager})
	orgFixtureMust(t, err)
	olga, err := j.Persons.FindPersonByID(ctx, ids["olga"])
	orgFixtureMust(t, err)
	_, err = j.UpdateOrgMember(ctx, olga, f.alice.ID, ladder.OrgMemberUpdate{Role: &member})
	orgFixtureMust(t, err)
	return f
}

// webMatrixCell is one cell: a route, a role and what it expects.
type webMatrixCell struct {
	key, role, code string
	shape           webMatrixShape
	public          bool
}

func (c webMatrixCell) name() string { return c.key + "/" + c.role }

// want is the status the cell expects, 0 for any that is not a refusal.
func (c webMatrixCell) want() int {
	signIn := http.StatusUnauthorized
	if c.shape.req.method == http.MethodGet {
		signIn = http.StatusSeeOther
	}
	return matrixtest.Want(c.code, c.shape.status, signIn)
}

// shared reports whether the cell runs on the fixture that nothing
// changes: every read, and every request that must be refused.
func (c webMatrixCell) shared() bool {
	return c.shape.req.method == http.MethodGet || c.want() >= 400
}

// mismatch returns why an answer is not what the cell expects, or "".
func (c webMatrixCell) mismatch(rec *httptest.ResponseRecorder) string {
	if why := matrixtest.Mismatch(c.code, c.want(), rec.Code); why != "" {
		return why + ": " + webMatrixGist(rec.Body.String())
	}
	if loc := rec.Header().Get("Location"); c.code == "L" && rec.Code == http.StatusSeeOther && !strings.HasPrefix(loc, "/login?next=") {
		return fmt.Sprintf("redirects to %q, want /login", loc)
	}
	return ""
}

// webMatrixGuess proposes the row of a new route.
func webMatrixGuess(s *Server) func(key string) string {
	public := map[string]bool{}
	for _, rt := range s.Routes() {
		public[rt.Method+" "+rt.Path] = rt.Access == Public
	}
	return func(key string) string {
		switch {
		case public[key]:
			return "A A A A A A A A"
		case strings.Contains(key, " /org/"):
			return "L F F F A A N N"
		case strings.Contains(key, "{"):
			return "L A N N N N N N"
		}
		return "L A O O O O O O"
	}
}

// webMatrixCells lists the cells of every row that has a request.
func webMatrixCells(t *testing.T, f *webFixture) []webMatrixCell {
	t.Helper()
	shapes := webMatrixScenarioShapes(f.srv)
	maps.Copy(shapes, webMatrixShapes(f))
	var cells []webMatrixCell
	for _, rt := range f.srv.Routes() {
		key := rt.Method + " " + rt.Path
		codes, err := matrixtest.Parse(webMatrix[key])
		if !isWebRoute(rt) || err != nil {
			continue // the Rows subtest says so
		}
		shape, ok := shapes[key]
		if !ok {
			t.Errorf("%s: no request to make: add a successful scenario (webScenarios) or a shape to webMatrixShapes", key)
			continue
		}
		for i, code := range codes {
			cells = append(cells, webMatrixCell{key: key, role: matrixtest.Roles[i], code: code, shape: shape, public: rt.Access == Public})
		}
	}
	return cells
}

// TestWebAuthzMatrix runs every cell of webMatrix on both engines. The
// reads and the refusals run on one fixture, checking after each refused
// change that no stored data changed. The allowed changes run on a
// fixture per role (the owner's new programme must not collide with the
// admin's), in an order that keeps each possible (matrixtest.Order); one
// that an earlier change still made impossible runs again on a fresh
// fixture.
func TestWebAuthzMatrix(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		if db.Engine() == sqldb.SQLite {
			t.Run("Rows", func(t *testing.T) {
				var keys []string
				for _, rt := range s.Routes() {
					if isWebRoute(rt) {
						keys = append(keys, rt.Method+" "+rt.Path)
					}
				}
				matrixtest.CheckRows(t, keys, webMatrixGuess(s), webMatrix, "webMatrix", "internal/server/authz_matrix_web_test.go")
			})
		}
		m := &webMatrixRun{s: s, j: j, auth: auth, fp: matrixtest.NewFingerprint(t, db)}
		shared := matrixFixture(t, s, j, auth)
		cells := webMatrixCells(t, shared)
		changes := map[string][]webMatrixCell{}
		for _, c := range cells {
			if c.shared() {
				t.Run(c.name(), func(t *testing.T) { m.shared(t, shared, c) })
			} else {
				changes[c.role] = append(changes[c.role], c)
			}
		}
		n := 0
		for _, role := range matrixtest.Roles {
			var f *webFixture
			for _, c := range matrixtest.Order(changes[role], func(c webMatrixCell) string { return c.key }, webMatrixLate) {
				if f == nil {
					f = matrixFixture(t, s, j, auth)
				}
				n++
				t.Run(c.name(), func(t *testing.T) { m.change(t, f, c) })
			}
		}
		t.Logf("%d cells: %d reads and refusals, %d allowed changes (%d again on a fresh fixture)", len(cells), len(cells)-n, n, m.fresh)
	})
}

// webMatrixRun is one engine's run.
type webMatrixRun struct {
	s     *Server
	j     *journey.Journey
	auth  *sqldb.AuthService
	fp    *matrixtest.Fingerprint
	fresh int
}

// do makes the cell's request on f as the cell's role, in a session of
// its own (an allowed change may end the sessions of its person).
func (m *webMatrixRun) do(t *testing.T, f *webFixture, c webMatrixCell) *httptest.ResponseRecorder {
	t.Helper()
	r := c.shape.req
	r.as = webMatrixActors[c.role]
	if r.as != "" {
		tok, _, err := m.auth.CreateSession(context.Background(), f.extraID(t, "{matrix:"+r.as+"}"))
		if err != nil {
			t.Fatal(err)
		}
		f.cookies[r.as] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
	}
	return f.do(r)
}

// shared runs a read or a refusal on the shared fixture.
func (m *webMatrixRun) shared(t *testing.T, f *webFixture, c webMatrixCell) {
	var before string
	change := c.shape.req.method != http.MethodGet
	if change {
		before = m.fp.Take(t)
	}
	rec := m.do(t, f, c)
	if why := c.mismatch(rec); why != "" {
		t.Errorf("%s as %s: %s", c.key, c.role, why)
	}
	if change {
		if after := m.fp.Take(t); after != before {
			t.Errorf("%s as %s was refused but changed data:\n%s", c.key, c.role, matrixtest.Diff(before, after))
		}
		return
	}
	if c.role == "self" || c.public {
		return
	}
	forbidden := webMatrixSubjectStrings
	if c.role == "other" || c.role == "none" {
		forbidden = slices.Concat(forbidden, webMatrixOrgStrings)
	}
	for _, s := range matrixtest.Shows(rec.Body.String(), forbidden) {
		t.Errorf("%s as %s shows %q", c.key, c.role, s)
	}
}

// change runs an allowed change on the role's fixture, or, when an
// earlier change made it impossible there, on a fresh one. A change on
// the viewer's own data must leave the subject's alone.
func (m *webMatrixRun) change(t *testing.T, f *webFixture, c webMatrixCell) {
	try := func(f *webFixture) string {
		before := m.fp.Subject(t, f.alice.ID, f.alice.OrgID)
		rec := m.do(t, f, c)
		if why := c.mismatch(rec); why != "" {
			return why
		}
		if after := m.fp.Subject(t, f.alice.ID, f.alice.OrgID); c.code == "O" && after != before {
			t.Errorf("%s as %s changed the subject's data:\n%s", c.key, c.role, matrixtest.Diff(before, after))
		}
		return ""
	}
	why := try(f)
	if why == "" {
		return
	}
	m.fresh++
	// The fresh fixture's mail server stops with this subtest: the
	// journey, which all fixtures share, goes back to the one before.
	sender, public := m.j.Mail, m.j.PublicURL
	defer func() { m.j.Mail, m.j.PublicURL = sender, public }()
	if again := try(matrixFixture(t, m.s, m.j, m.auth)); again != "" {
		t.Errorf("%s as %s: %s", c.key, c.role, again)
	} else {
		t.Logf("%s as %s needed a fresh fixture (on the role's: %.200s)", c.key, c.role, why)
	}
}

var webMatrixTags = regexp.MustCompile(`<[^>]*>`)

// webMatrixGist is the text of a page's main part, short, for a failure
// message.
func webMatrixGist(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	body = strings.Join(strings.Fields(html.UnescapeString(webMatrixTags.ReplaceAllString(body, " "))), " ")
	if len(body) > 300 {
		body = body[:300] + "..."
	}
	return body
}
