package server

// The authorisation matrix of the page routes (issue 6): every route of
// the route table against every role, with the expected allow or deny.
// The rows are in authz_matrix_web_test.go; internal/api has the same
// matrix for the JSON API.

import (
	"context"
	"fmt"
	"html"
	"maps"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// matrixRoles are the columns of a matrix row, in order: logged out; the
// subject herself (a plain member); a member assigned as her mentor; her
// manager; a programme admin of her organisation who is neither; its
// owner; the owner of another organisation; a person in none.
var matrixRoles = []string{"out", "self", "mentor", "manager", "admin", "owner", "other", "none"}

// matrixCodes are what a cell may say.
var matrixCodes = map[string]string{
	"A": "allowed: the answer of the route's successful request",
	"O": "allowed on the viewer's own data only: not refused, and nothing of the subject's shown or changed",
	"L": "sign in first: a page redirects to /login, anything else is 401",
	"N": "404: someone else's resource, another organisation's, or no organisation",
	"F": "403: the role is too low",
	"C": "409: the viewer's own state forbids it (a second organisation)",
	// Any three-digit status: public routes that answer everyone the same.
}

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

// webMatrixShape is the request of a row and the status it earns when
// allowed.
type webMatrixShape struct {
	req    request
	status int
}

// webMatrixShapes are the requests of the routes that no successful
// scenario covers (the public sign-in routes), with what they answer
// everyone in the fixture.
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
	}
}

// webMatrixScenarioShapes picks a request for each route from the
// successful scenarios: the subject's own where there is one, so that a
// personal route's ids are hers.
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
		// The first successful scenario, but for a personal route the
		// subject's own (an organisation route's may be an owner's action).
		if old, ok := out[pattern]; ok && (strings.HasPrefix(pattern, "POST /org") || strings.HasPrefix(pattern, "GET /org") ||
			old.req.as == "alice" || sc.req.as != "alice") {
			continue
		}
		out[pattern] = webMatrixShape{req: sc.req, status: sc.status}
	}
	return out
}

// matrixFixture is the web fixture with Alice as the subject: Mona (her
// mentor), Max (her manager) and Olga join Northwind; Olga becomes its
// owner and Alice a plain member. Erin stays a programme admin who is
// neither Alice's mentor nor her manager.
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
	ids := map[string]int64{}
	start, target := "network-engineer", "team-lead"
	for _, name := range []string{"mona", "max", "olga"} {
		p, err := j.Persons.FindPersonByEmail(ctx, email(name))
		orgFixtureMust(t, err)
		// A start and a target, so that their own pages show (empty) data
		// rather than send them to onboarding.
		_, err = j.Persons.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
		orgFixtureMust(t, err)
		tok, _, err := auth.CreateSession(ctx, p.ID)
		orgFixtureMust(t, err)
		f.cookies[name] = &http.Cookie{Name: httpx.SessionCookie, Value: tok}
		ids[name] = p.ID
	}
	for name, id := range map[string]int64{"alice": f.alice.ID, "bob": f.bob.ID, "erin": f.extraID(t, "{orgErin}"), "zed": f.extraID(t, "{zedID}"),
		"mona": ids["mona"], "max": ids["max"], "olga": ids["olga"]} {
		f.extra["{matrix:"+name+"}"] = fmt.Sprint(id)
	}
	owner, member := ladder.OrgRoleOwner, ladder.OrgRoleMember
	_, err = j.UpdateOrgMember(ctx, f.alice, ids["olga"], ladder.OrgMemberUpdate{Role: &owner})
	orgFixtureMust(t, err)
	orgFixtureMust(t, j.SetOrgMentor(ctx, f.alice, ids["mona"], f.alice.ID, false))
	manager := ids["max"]
	_, err = j.UpdateOrgMember(ctx, f.alice, f.alice.ID, ladder.OrgMemberUpdate{ManagerID: &manager})
	orgFixtureMust(t, err)
	olga, err := j.Persons.FindPersonByID(ctx, ids["olga"])
	orgFixtureMust(t, err)
	_, err = j.UpdateOrgMember(ctx, olga, f.alice.ID, ladder.OrgMemberUpdate{Role: &member})
	orgFixtureMust(t, err)
	return f
}

// matrixCell is one cell of a matrix: a route, a role and what it expects.
type matrixCell struct {
	key, role, code string
	shape           webMatrixShape
	public          bool
}

func (c matrixCell) name() string { return c.key + "/" + c.role }

// want returns the status the cell expects, or 0 for O (any status that
// is not a refusal).
func (c matrixCell) want() int {
	switch c.code {
	case "A":
		return c.shape.status
	case "O":
		return 0
	case "L":
		if c.shape.req.method == http.MethodGet {
			return http.StatusSeeOther
		}
		return http.StatusUnauthorized
	case "N":
		return http.StatusNotFound
	case "F":
		return http.StatusForbidden
	case "C":
		return http.StatusConflict
	}
	n, _ := strconv.Atoi(c.code)
	return n
}

// shared reports whether the cell runs on the fixture that nothing
// changes: every read and every request that must be refused. The rest
// changes data and runs afterwards.
func (c matrixCell) shared() bool {
	return c.shape.req.method == http.MethodGet || c.want() >= 400
}

// refused checks the status of an answer: "" if it is what the cell
// expects.
func (c matrixCell) refused(rec *httptest.ResponseRecorder) string {
	want := c.want()
	switch {
	case want == 0 && (rec.Code == http.StatusUnauthorized || rec.Code == http.StatusForbidden || rec.Code >= 500):
		return fmt.Sprintf("%d, want an answer on the viewer's own data (O)", rec.Code)
	case want != 0 && rec.Code != want:
		return fmt.Sprintf("%d, want %d (%s)", rec.Code, want, c.code)
	case c.code == "L" && want == http.StatusSeeOther && !strings.HasPrefix(rec.Header().Get("Location"), "/login?next="):
		return fmt.Sprintf("redirects to %q, want /login", rec.Header().Get("Location"))
	}
	return ""
}

// matrixParseRow splits a row into its cells.
func matrixParseRow(row string) ([]string, error) {
	cells := strings.Fields(row)
	if len(cells) != len(matrixRoles) {
		return nil, fmt.Errorf("%d cells, want %d (%s)", len(cells), len(matrixRoles), strings.Join(matrixRoles, " "))
	}
	for _, c := range cells {
		if _, ok := matrixCodes[c]; ok {
			continue
		}
		if n, err := strconv.Atoi(c); err != nil || n < 100 || n > 599 {
			return nil, fmt.Errorf("cell %q is neither a code (%s) nor a status", c, strings.Join(slices.Sorted(maps.Keys(matrixCodes)), " "))
		}
	}
	return cells, nil
}

// matrixGuess is the likely row of a new route, for the failure message.
func matrixGuess(rt Route) string {
	switch {
	case rt.Access == Public:
		return "A A A A A A A A"
	case strings.HasPrefix(rt.Path, "/org/") || strings.HasPrefix(rt.Path, "/api/v1/org/"):
		return "L F F F A A N N"
	case strings.Contains(rt.Path, "{"):
		return "L A N N N N N N"
	}
	return "L A O O O O O O"
}

// matrixCheckRows fails for every route without a row and every row
// without a route, saying which line to add or delete.
func matrixCheckRows(t *testing.T, routes []Route, rows map[string]string, table, file string) {
	t.Helper()
	seen := map[string]bool{}
	for _, rt := range routes {
		key := rt.Method + " " + rt.Path
		seen[key] = true
		if _, ok := rows[key]; !ok {
			t.Errorf("%s has no row for the route %s: add this row to %s in %s and decide each cell (columns: %s; these are a guess)\n\t%q: %q,",
				table, key, table, file, strings.Join(matrixRoles, " "), key, matrixGuess(rt))
		}
	}
	for _, key := range slices.Sorted(maps.Keys(rows)) {
		if !seen[key] {
			t.Errorf("%s has a row for %s, which is no route: delete it from %s", table, key, file)
		}
		if _, err := matrixParseRow(rows[key]); err != nil {
			t.Errorf("%s row %s: %v", table, key, err)
		}
	}
}

// webMatrixCells lists the cells of every row that has a request.
func webMatrixCells(t *testing.T, f *webFixture) []matrixCell {
	t.Helper()
	shapes := webMatrixScenarioShapes(f.srv)
	maps.Copy(shapes, webMatrixShapes(f))
	var cells []matrixCell
	for _, rt := range f.srv.Routes() {
		key := rt.Method + " " + rt.Path
		row, ok := webMatrix[key]
		if !isWebRoute(rt) || !ok {
			continue // the Rows subtest says so
		}
		shape, ok := shapes[key]
		if !ok {
			t.Errorf("%s: no request to make: add a successful scenario (webScenarios) or a shape to webMatrixShapes", key)
			continue
		}
		codes, err := matrixParseRow(row)
		if err != nil {
			continue
		}
		for i, code := range codes {
			cells = append(cells, matrixCell{key: key, role: matrixRoles[i], code: code, shape: shape, public: rt.Access == Public})
		}
	}
	return cells
}

// matrixLate are changes that take away what others need (the ids of a
// plan, a rater's link, a session, a draft), in the order they run, after
// the other changes of a role and before its removals.
var matrixLate = []string{"POST /feedback/rounds/{id}/remind", "POST /api/v1/feedback/rounds/{id}/remind", "POST /plan",
	"POST /resume/generate", "POST /assess/finish", "POST /onboarding", "POST /settings/password", "POST /logout"}

// matrixRemoval reports whether a change removes something.
func matrixRemoval(key string) bool {
	if strings.HasPrefix(key, "DELETE ") {
		return true
	}
	for _, suffix := range []string{"/delete", "/remove", "/revoke", "/close"} {
		if strings.HasSuffix(key, suffix) {
			return true
		}
	}
	return false
}

// matrixOrder sorts a role's changes so that each stays possible: first
// in route order those that take nothing away, then matrixLate, then the
// removals, deepest path first (a record's parts before the record) and
// the later route first among equals.
func matrixOrder(cells []matrixCell) []matrixCell {
	var early, late, removals []matrixCell
	for _, c := range cells {
		switch {
		case slices.Contains(matrixLate, c.key):
			late = append(late, c)
		case matrixRemoval(c.key):
			removals = append(removals, c)
		default:
			early = append(early, c)
		}
	}
	slices.SortStableFunc(late, func(a, b matrixCell) int { return slices.Index(matrixLate, a.key) - slices.Index(matrixLate, b.key) })
	slices.Reverse(removals)
	slices.SortStableFunc(removals, func(a, b matrixCell) int { return strings.Count(b.key, "/") - strings.Count(a.key, "/") })
	return slices.Concat(early, late, removals)
}

// TestWebAuthzMatrix runs every cell of webMatrix. The reads and the
// refusals run on one fixture, checking after each refused change that no
// data changed. The allowed changes run on a fixture per role (so that
// the owner's new programme does not collide with the admin's), in an
// order that keeps each possible; a change that an earlier one made
// impossible runs again on a fresh fixture.
func TestWebAuthzMatrix(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		if db.Engine() == sqldb.SQLite {
			t.Run("Rows", func(t *testing.T) {
				matrixCheckRows(t, slices.DeleteFunc(slices.Clone(s.Routes()), func(rt Route) bool { return !isWebRoute(rt) }),
					webMatrix, "webMatrix", "internal/server/authz_matrix_web_test.go")
			})
		}
		m := &webMatrixRun{s: s, j: j, auth: auth, fp: matrixNewFingerprint(t, db)}
		shared := matrixFixture(t, s, j, auth)
		cells := webMatrixCells(t, shared)
		changes := map[string][]matrixCell{}
		for _, c := range cells {
			if c.shared() {
				t.Run(c.name(), func(t *testing.T) { m.shared(t, shared, c) })
			} else {
				changes[c.role] = append(changes[c.role], c)
			}
		}
		n := 0
		for _, role := range matrixRoles {
			var f *webFixture
			for _, c := range matrixOrder(changes[role]) {
				n++
				if f == nil {
					f = matrixFixture(t, s, j, auth)
				}
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
	fp    *matrixFingerprint
	fresh int
}

// do makes the cell's request on f as the cell's role, in a session of
// its own (an allowed change may end the sessions it signs in with).
func (m *webMatrixRun) do(t *testing.T, f *webFixture, c matrixCell) *httptest.ResponseRecorder {
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
func (m *webMatrixRun) shared(t *testing.T, f *webFixture, c matrixCell) {
	var before string
	change := c.shape.req.method != http.MethodGet
	if change {
		before = m.fp.all(t)
	}
	rec := m.do(t, f, c)
	if why := c.refused(rec); why != "" {
		t.Errorf("%s as %s: %s: %s", c.key, c.role, why, matrixGist(rec.Body.String()))
	}
	if change {
		if after := m.fp.all(t); after != before {
			t.Errorf("%s as %s was refused but changed data:\n%s", c.key, c.role, matrixFingerprintDiff(before, after))
		}
		return
	}
	m.wantNothingOfTheSubject(t, c, rec.Body.String())
}

// wantNothingOfTheSubject fails when a page shows the subject's data to
// anyone else, or Northwind's to someone outside it.
func (m *webMatrixRun) wantNothingOfTheSubject(t *testing.T, c matrixCell, body string) {
	t.Helper()
	if c.role == "self" || c.public {
		return
	}
	forbidden := webMatrixSubjectStrings
	if c.role == "other" || c.role == "none" {
		forbidden = append(slices.Clone(forbidden), webMatrixOrgStrings...)
	}
	for _, s := range forbidden {
		if strings.Contains(body, s) || strings.Contains(body, html.EscapeString(s)) {
			t.Errorf("%s as %s shows %q", c.key, c.role, s)
		}
	}
}

// change runs an allowed change on the role's fixture, or, when an
// earlier change made it impossible there, on a fresh one. A change on the
// viewer's own data must leave the subject's alone.
func (m *webMatrixRun) change(t *testing.T, f *webFixture, c matrixCell) {
	try := func(f *webFixture) string {
		before := m.fp.subject(t, f)
		rec := m.do(t, f, c)
		why := c.refused(rec)
		if why != "" {
			return fmt.Sprintf("%s: %s", why, matrixGist(rec.Body.String()))
		}
		if after := m.fp.subject(t, f); c.code == "O" && after != before {
			t.Errorf("%s as %s changed the subject's data:\n%s", c.key, c.role, matrixFingerprintDiff(before, after))
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
		t.Logf("%s as %s needed a fresh fixture (on the shared one: %.200s)", c.key, c.role, why)
	}
}

// matrixFingerprint is a cheap summary of the stored data: the row count of
// every table (but sessions and sign-in attempts, which signing in
// writes), and every person's data version, which every change to a
// person's data raises. Organisation changes write an audit entry, which
// the counts see.
type matrixFingerprint struct {
	db    *sqldb.DB
	query string
}

func matrixNewFingerprint(t *testing.T, db *sqldb.DB) *matrixFingerprint {
	t.Helper()
	q := `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`
	if db.Engine() == sqldb.Postgres {
		q = `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`
	}
	rows, err := db.SQL().Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		if !slices.Contains([]string{"sessions", "auth_failures", "sso_attempts", "goose_db_version"}, name) {
			parts = append(parts, fmt.Sprintf(`SELECT '%s', COUNT(*) FROM %s`, name, name))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(parts)
	parts = append(parts, `SELECT 'persons.data_version', COALESCE(SUM(data_version), 0) FROM persons`)
	return &matrixFingerprint{db: db, query: strings.Join(parts, " UNION ALL ")}
}

// all returns the fingerprint of the whole database.
func (fp *matrixFingerprint) all(t *testing.T) string {
	t.Helper()
	rows, err := fp.db.SQL().Query(fp.query)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		var n int64
		if err := rows.Scan(&name, &n); err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s=%d", name, n))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// subject returns the fingerprint of the subject's data and her
// organisation's: her data version and Northwind's audit entries.
func (fp *matrixFingerprint) subject(t *testing.T, f *webFixture) string {
	t.Helper()
	var version, audit int64
	err := fp.db.SQL().QueryRow(`SELECT data_version, (SELECT COUNT(*) FROM org_audit WHERE org_id = $2) FROM persons WHERE id = $1`,
		f.alice.ID, f.alice.OrgID).Scan(&version, &audit)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("data_version=%d\naudit=%d", version, audit)
}

var matrixTags = regexp.MustCompile(`<[^>]*>`)

// matrixGist is the text of a page's main part, short, for a failure
// message.
func matrixGist(body string) string {
	if i := strings.Index(body, "<main"); i >= 0 {
		body = body[i:]
	}
	body = strings.Join(strings.Fields(html.UnescapeString(matrixTags.ReplaceAllString(body, " "))), " ")
	if len(body) > 300 {
		body = body[:300] + "..."
	}
	return body
}

// matrixFingerprintDiff lists what differs between two fingerprints.
func matrixFingerprintDiff(before, after string) string {
	b, a := strings.Split(before, "\n"), strings.Split(after, "\n")
	var out []string
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			out = append(out, b[i]+" -> "+a[i])
		}
	}
	return strings.Join(out, "\n")
}
