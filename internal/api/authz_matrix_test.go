package api_test

// The authorisation matrix of the JSON API (issue 6): every operation of
// the route table against every role of matrixtest.Roles. The rows are in
// authz_matrix_api_test.go; the requests are the tour's (openapi_test.go),
// so every answer is also held to the OpenAPI document, refusals
// included.

import (
	"context"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/matrixtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// apiMatrixSubjectStrings are the subject's data (the demo person's and
// the tour's): no answer to anyone else may hold them.
var apiMatrixSubjectStrings = []string{"Led the storage migration to the new SAN", "Mentored Priya, a junior administrator",
	"Ran the on-call rota", "Ran my first retrospective", "The Manager's Path", "Own the licence budget line",
	"Before the team lead opening", "Team lead, infrastructure and operations", "Alex Moreno's summit", "Alex Moreno's contact",
	"Cover the service desk lead"}

// apiMatrixOrgStrings are the subject's organisation's: no answer to
// another organisation's owner or to a person in none may hold them.
var apiMatrixOrgStrings = []string{"Harbour Logistics", "Tour a ", "Tour prog"}

// apiMatrixCell is one cell: an operation, a role and what it expects.
type apiMatrixCell struct {
	key, op, role, code string
	method              string
}

func (c apiMatrixCell) name() string { return c.op + "/" + c.role }

// want is the status the cell expects given the operation's successful
// one, 0 for any that is not a refusal.
func (c apiMatrixCell) want(ok int) int { return matrixtest.Want(c.code, ok, http.StatusUnauthorized) }

// shared reports whether the cell runs on the tour data that nothing
// changes: every read, and every call that must be refused.
func (c apiMatrixCell) shared(ok int) bool { return c.method == http.MethodGet || c.want(ok) >= 400 }

// apiMatrixRun is one engine's run: the env with the subject's
// organisation, each role's token, and the tour of the shared cells.
type apiMatrixRun struct {
	e      *env
	tokens map[string]string
	org    int64
	fp     *matrixtest.Fingerprint
	n      int // tour numbers used so far
	fresh  int
}

// apiMatrixEnv makes Alice (the demo person) a plain member of the tour's
// organisation, with Mona as her mentor, Max as her manager, Ada as a
// programme admin and Olga as its owner; Zed owns Contoso; Bob stays in
// none. Each gets a token.
func apiMatrixEnv(t *testing.T, db *sqldb.DB) *apiMatrixRun {
	t.Helper()
	ctx := context.Background()
	e := newEnv(t, db)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	orgTourSetup(e, 0)
	csv := "name,email\n"
	for _, name := range []string{"Mona", "Max", "Ada", "Olga"} {
		csv += fmt.Sprintf("%s,%s.matrix@example.com\n", name, strings.ToLower(name))
	}
	_, err := e.j.ImportOrgPeople(ctx, e.alice, []byte(csv))
	must(err)
	people := map[string]*ladder.Person{}
	start, target := "network-engineer", "team-lead"
	for _, name := range []string{"mona", "max", "ada", "olga"} {
		p, err := e.j.Persons.FindPersonByEmail(ctx, name+".matrix@example.com")
		must(err)
		// A start and a target, so that their own data answers rather than
		// asking them to choose one.
		people[name], err = e.j.Persons.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
		must(err)
	}
	owner, admin, member, manager := ladder.OrgRoleOwner, ladder.OrgRoleAdmin, ladder.OrgRoleMember, people["max"].ID
	for id, upd := range map[int64]ladder.OrgMemberUpdate{people["olga"].ID: {Role: &owner}, people["ada"].ID: {Role: &admin},
		e.alice.ID: {ManagerID: &manager}} {
		_, err = e.j.UpdateOrgMember(ctx, e.alice, id, upd)
		must(err)
	}
	must(e.j.SetOrgMentor(ctx, e.alice, people["mona"].ID, e.alice.ID, false))
	_, err = e.j.UpdateOrgMember(ctx, people["olga"], e.alice.ID, ladder.OrgMemberUpdate{Role: &member})
	must(err)
	e.owner = people["olga"]
	people["zed"] = &ladder.Person{Name: "Zed", Email: "zed.matrix@example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
	must(e.j.Persons.CreatePerson(ctx, people["zed"]))
	must(e.j.CreateOrganisation(ctx, people["zed"], &ladder.Organisation{Name: "Contoso"}))
	m := &apiMatrixRun{e: e, org: e.alice.OrgID, fp: matrixtest.NewFingerprint(t, db),
		tokens: map[string]string{"out": "", "self": e.aliceToken, "none": e.bobToken}}
	for role, name := range map[string]string{"mentor": "mona", "manager": "max", "admin": "ada", "owner": "olga", "other": "zed"} {
		m.tokens[role], _ = e.token(people[name], "matrix")
	}
	return m
}

// apiMatrixCalls are the calls of the operations whose tour call does not
// suit the matrix, by operation id: one about a member should name the
// subject (m.e.alice.ID), as in
//
//	"getOrgPerson": {"GET", fmt.Sprintf("%s/org/people/%d", api.Prefix, m.e.alice.ID), "", 200},
func apiMatrixCalls(m *apiMatrixRun) map[string]call {
	return map[string]call{
		"getOrgPerson": {"GET", fmt.Sprintf("%s/org/people/%d", api.Prefix, m.e.alice.ID), "", 200},
	}
}

// tour returns fresh tour data: one successful call of every operation.
func (m *apiMatrixRun) tour(t *testing.T) map[string]call {
	m.n++
	calls := tour(m.e.with(t), 1000+m.n)
	maps.Copy(calls, apiMatrixCalls(m))
	return calls
}

// TestAPIAuthzMatrix runs every cell of apiMatrix on both engines, with
// the tour's calls. The reads and the refusals share one tour's data,
// checking after each refused change that no stored data changed; each
// role's allowed changes run on a tour of their own, in the order the
// tour runs its changes; one that an earlier change still made
// impossible runs again on a fresh tour.
func TestAPIAuthzMatrix(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		m := apiMatrixEnv(t, db)
		ops := map[string]string{} // "METHOD PATTERN" -> operation id
		for path, byMethod := range m.e.doc.doc.Paths {
			for method, op := range byMethod {
				ops[strings.ToUpper(method)+" "+path] = op.OperationID
			}
		}
		var keys []string
		for _, rt := range m.e.srv.Routes() {
			if strings.HasPrefix(rt.Path, api.Prefix+"/") {
				keys = append(keys, rt.Method+" "+rt.Path)
			}
		}
		if db.Engine() == sqldb.SQLite {
			t.Run("Rows", func(t *testing.T) {
				matrixtest.CheckRows(t, keys, apiMatrixGuess, apiMatrix, "apiMatrix", "internal/api/authz_matrix_api_test.go")
			})
		}
		shared := m.tour(t)
		changes := map[string][]apiMatrixCell{}
		var cells int
		for _, key := range keys {
			codes, err := matrixtest.Parse(apiMatrix[key])
			if err != nil || ops[key] == "" {
				continue // the Rows subtest says so; TestOpenAPIRoutes checks the document
			}
			for i, code := range codes {
				c := apiMatrixCell{key: key, op: ops[key], role: matrixtest.Roles[i], code: code, method: shared[ops[key]].method}
				cells++
				if c.shared(shared[c.op].want) {
					t.Run(c.name(), func(t *testing.T) { m.shared(t, c, shared[c.op]) })
				} else {
					changes[c.role] = append(changes[c.role], c)
				}
			}
		}
		n := 0
		for _, role := range matrixtest.Roles {
			var calls map[string]call
			for _, c := range apiMatrixOrder(changes[role]) {
				if calls == nil {
					calls = m.tour(t)
				}
				n++
				t.Run(c.name(), func(t *testing.T) { m.change(t, c, calls[c.op]) })
			}
		}
		t.Logf("%d cells: %d reads and refusals, %d allowed changes (%d again on a fresh tour)", cells, cells-n, n, m.fresh)
	})
}

// apiMatrixOrder sorts a role's changes as the tour runs them (changes),
// with what the tour does not list first.
func apiMatrixOrder(cells []apiMatrixCell) []apiMatrixCell {
	return slices.SortedStableFunc(slices.Values(cells), func(a, b apiMatrixCell) int {
		return slices.Index(changes, a.op) - slices.Index(changes, b.op)
	})
}

// apiMatrixGuess proposes the row of a new operation.
func apiMatrixGuess(key string) string {
	switch {
	case strings.Contains(key, " "+api.Prefix+"/org/"):
		return "L F F F A A N N"
	case strings.Contains(key, "{"):
		return "L A N N N N N N"
	}
	return "L A O O O O O O"
}

// do makes the call as the cell's role.
func (m *apiMatrixRun) do(t *testing.T, c apiMatrixCell, cl call) *resp {
	t.Helper()
	r := req{method: cl.method, path: cl.path, body: cl.body}
	if tok := m.tokens[c.role]; tok != "" {
		r.auth = "Bearer " + tok
	}
	return m.e.with(t).do(r)
}

// shared runs a read or a refusal on the shared tour's data.
func (m *apiMatrixRun) shared(t *testing.T, c apiMatrixCell, cl call) {
	var before string
	change := c.method != http.MethodGet
	if change {
		before = m.fp.Take(t)
	}
	res := m.do(t, c, cl)
	if why := matrixtest.Mismatch(c.code, c.want(cl.want), res.status); why != "" {
		t.Errorf("%s (%s) as %s: %s: %.300s", c.key, c.op, c.role, why, res.body)
	}
	if change {
		if after := m.fp.Take(t); after != before {
			t.Errorf("%s (%s) as %s was refused but changed data:\n%s", c.key, c.op, c.role, matrixtest.Diff(before, after))
		}
		return
	}
	if c.role == "self" || c.key == "GET "+api.Prefix+"/openapi.json" {
		return
	}
	forbidden := apiMatrixSubjectStrings
	if c.role == "other" || c.role == "none" {
		forbidden = slices.Concat(forbidden, apiMatrixOrgStrings)
	}
	for _, s := range matrixtest.Shows(string(res.body), forbidden) {
		t.Errorf("%s (%s) as %s shows %q", c.key, c.op, c.role, s)
	}
}

// change runs an allowed change on the role's tour data, or, when an
// earlier change made it impossible there, on a fresh tour's. A change on
// the caller's own data must leave the subject's alone.
func (m *apiMatrixRun) change(t *testing.T, c apiMatrixCell, cl call) {
	try := func(cl call) string {
		before := m.fp.Subject(t, m.e.alice.ID, m.org)
		res := m.do(t, c, cl)
		if why := matrixtest.Mismatch(c.code, c.want(cl.want), res.status); why != "" {
			return fmt.Sprintf("%s: %.300s", why, res.body)
		}
		if after := m.fp.Subject(t, m.e.alice.ID, m.org); c.code == "O" && after != before {
			t.Errorf("%s (%s) as %s changed the subject's data:\n%s", c.key, c.op, c.role, matrixtest.Diff(before, after))
		}
		return ""
	}
	why := try(cl)
	if why == "" {
		return
	}
	m.fresh++
	// The fresh tour's mail server stops with this subtest: the journey
	// goes back to the one before.
	sender := m.e.j.Mail
	defer func() { m.e.j.Mail = sender }()
	if again := try(m.tour(t)[c.op]); again != "" {
		t.Errorf("%s (%s) as %s: %s", c.key, c.op, c.role, again)
	} else {
		t.Logf("%s (%s) as %s needed a fresh tour (on the role's: %.200s)", c.key, c.op, c.role, why)
	}
}
