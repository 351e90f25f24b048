package api_test

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/server"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var update = flag.Bool("update", false, "rewrite testdata/openapi.json from the served document")

// TestOpenAPIGolden keeps the document under review: any change to a route
// or wire type shows up as a diff of testdata/openapi.json.
func TestOpenAPIGolden(t *testing.T) {
	e := newEnv(t, sqldbtest.Open(t, sqldb.SQLite))
	got := e.do(req{method: "GET", path: api.Prefix + "/openapi.json"}).want(t, http.StatusOK).body
	golden := filepath.Join("testdata", "openapi.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/api -run TestOpenAPIGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the OpenAPI document changed; if intended, run go test ./internal/api -run TestOpenAPIGolden -update\n%s",
			cmp.Diff(string(want), string(got)))
	}
}

// TestOpenAPIRoutes checks that every API route of the server is
// documented and every documented operation is a route, with its path
// parameters described.
func TestOpenAPIRoutes(t *testing.T) {
	e := newEnv(t, sqldbtest.Open(t, sqldb.SQLite))
	var routes, documented []string
	for _, rt := range e.srv.Routes() {
		if strings.HasPrefix(rt.Path, "/api/") {
			routes = append(routes, rt.Method+" "+rt.Path)
			if rt.Access != server.APIPerson && rt.Path != api.Prefix+"/openapi.json" {
				t.Errorf("%s %s: access %d, want APIPerson", rt.Method, rt.Path, rt.Access)
			}
		}
	}
	for path, ops := range e.doc.doc.Paths {
		for method, op := range ops {
			documented = append(documented, strings.ToUpper(method)+" "+path)
			var params []string
			for _, p := range op.Parameters {
				if p.In == "path" {
					params = append(params, p.Name)
				}
			}
			if want := api.TemplateParams(path); !slices.Equal(params, want) {
				t.Errorf("%s %s: path parameters %v documented, the path has %v", method, path, params, want)
			}
		}
	}
	slices.Sort(routes)
	slices.Sort(documented)
	if diff := cmp.Diff(documented, routes); diff != "" {
		t.Errorf("API routes (+) against documented operations (-):\n%s", diff)
	}
}

// call is a request of the tour through every operation.
type call struct {
	method, path, body string
	want               int
}

// tour is one successful call of every documented operation, as Alice with
// her token. Calls that change data run last, on data of their own.
func tour(e *env, n int) map[string]call {
	p := api.Prefix
	draft := e.assessment(e.alice, false)
	rated := e.assessment(e.alice, false, ladder.Rating{Competency: "budgeting", Level: 2})
	_, tokenID := e.token(e.alice, fmt.Sprintf("to-delete-%d", n))
	evidenceID := e.evidence(e.alice, "Ran the on-call rota")
	journalID := e.journal(e.alice, "Ran my first retrospective")
	actionID := e.planAction(e.alice)
	itemID := e.learningItem(e.alice, fmt.Sprintf("The Manager's Path %d", n))
	calls := map[string]call{
		"getOpenAPI":           {"GET", p + "/openapi.json", "", 200},
		"getMe":                {"GET", p + "/me", "", 200},
		"updateMe":             {"PATCH", p + "/me", `{"name":"Alex Moreno-Diaz","start_role":"15-1244.00"}`, 200},
		"listRoles":            {"GET", p + "/roles?kind=target", "", 200},
		"getRole":              {"GET", p + "/roles/it-manager", "", 200},
		"listCompetencies":     {"GET", p + "/competencies", "", 200},
		"getCompetency":        {"GET", p + "/competencies/delegation", "", 200},
		"listAssessments":      {"GET", p + "/assessments?limit=1", "", 200},
		"createAssessment":     {"POST", p + "/assessments", `{"ratings":[{"competency":"budgeting","level":3,"note":"owned a budget line"},{"competency":"negotiation","level":0}],"complete":true}`, 201},
		"getAssessment":        {"GET", fmt.Sprintf("%s/assessments/%d", p, draft), "", 200},
		"saveRatings":          {"PUT", fmt.Sprintf("%s/assessments/%d/ratings", p, draft), `{"ratings":[{"competency":"delegation","level":4}]}`, 200},
		"completeAssessment":   {"POST", fmt.Sprintf("%s/assessments/%d/complete", p, rated), "", 200},
		"deleteAssessment":     {"DELETE", fmt.Sprintf("%s/assessments/%d", p, draft), "", 204},
		"getGaps":              {"GET", p + "/gaps", "", 200},
		"getReadiness":         {"GET", p + "/readiness?target=cio", "", 200},
		"listReadinessTargets": {"GET", p + "/readiness/targets", "", 200},
		"searchONET":           {"GET", p + "/onet/search?q=network+admin", "", 200},
		"getONETOccupation":    {"GET", p + "/onet/occupations/11-3021.00", "", 200},
		"compareONET":          {"GET", p + "/onet/compare", "", 200},
		"listTokens":           {"GET", p + "/tokens", "", 200},
		"createToken":          {"POST", p + "/tokens", fmt.Sprintf(`{"name":"ci-%d"}`, n), 201},
		"deleteToken":          {"DELETE", fmt.Sprintf("%s/tokens/%d", p, tokenID), "", 204},
		"exportData":           {"GET", p + "/export", "", 200},
		"listEvidence":         {"GET", p + "/evidence?kind=led-project", "", 200},
		"createEvidence": {"POST", p + "/evidence", `{"kind":"vendor","title":"Renewed the backup contract","start":"2026-03-02",` +
			`"end":"2026-04-10","competencies":["vendor-management"],"money_saved":{"amount":12000,"currency":"EUR"},"people":3}`, 201},
		"deleteEvidence": {"DELETE", fmt.Sprintf("%s/evidence/%d", p, evidenceID), "", 204},
		"listJournal":    {"GET", p + "/journal?kind=win&tag=team", "", 200},
		"createJournalEntry": {"POST", p + "/journal", `{"kind":"reflection","title":"The outage review","date":"2026-03-04",` +
			`"mood":3,"tags":["incidents"],"competencies":["delegation"],"reflection":{"description":"Led the review","action_plan":"Ask earlier"}}`, 201},
		"deleteJournalEntry": {"DELETE", fmt.Sprintf("%s/journal/%d", p, journalID), "", 204},
		"getPlan":            {"GET", p + "/plan", "", 200},
		"getPlanICS":         {"GET", p + "/plan.ics", "", 200},
		"getAgenda":          {"GET", p + "/agenda?days=366", "", 200},
		"getCalendarICS":     {"GET", p + "/calendar.ics", "", 200},
		"updatePlanAction":   {"POST", fmt.Sprintf("%s/plan/actions/%d", p, actionID), `{"done":true}`, 200},
		"generatePlan":       {"POST", p + "/plan/generate", `{"months":12,"hours_per_month":16}`, 200},
		"listCertifications": {"GET", p + "/certifications", "", 200},
		"getCertification":   {"GET", p + "/certifications/pmp", "", 200},
		"setCertification": {"PUT", p + "/certifications/pmp", `{"status":"booked","study_hours":35.5,"started":"2026-01-05",` +
			`"exam_booked":"2026-06-12","notes":"35 contact hours done"}`, 200},
		"setDegree":          {"PUT", p + "/me/degree", `{"degree":"bachelor"}`, 200},
		"getLearning":        {"GET", p + "/learning", "", 200},
		"createLearningItem": {"POST", p + "/learning/items", `{"from":"coaching-habit","status":"in-progress","progress":20}`, 201},
		"updateLearningItem": {"PATCH", fmt.Sprintf("%s/learning/items/%d", p, itemID), `{"progress":60,"notes":"chapter 4"}`, 200},
		"logWeek":            {"PUT", p + "/learning/weeks/2026-03-05", `{"technical":22,"managerial":14,"learning":3,"note":"hiring week"}`, 200},
	}
	maps.Copy(calls, networkTour(e, n))
	maps.Copy(calls, first90Tour(e, n))
	maps.Copy(calls, landingTour(e, n))
	maps.Copy(calls, orgTour(e, n))
	maps.Copy(calls, feedbackTour(e, n))
	maps.Copy(calls, ssoTour(e, n))
	maps.Copy(calls, sharingTour(e, n))
	maps.Copy(calls, cohortFeedbackTour(e, n))
	maps.Copy(calls, pipelineTour(e, n))
	return calls
}

// changes lists the operations of the tour that change data, in the order
// they must run (after everything that reads).
var changes = append([]string{"updateMe", "createAssessment", "saveRatings", "completeAssessment", "deleteAssessment", "createToken", "deleteToken",
	"createEvidence", "deleteEvidence", "createJournalEntry", "deleteJournalEntry", "updatePlanAction", "generatePlan",
	"setCertification", "setDegree", "createLearningItem", "updateLearningItem", "logWeek"}, slices.Concat(first90Changes, networkChanges, landingChanges, orgChanges, feedbackChanges, ssoChanges,
	sharingChanges, cohortFeedbackChanges)...)

// TestOpenAPIResponses calls every documented operation on a real server on
// both engines and holds each answer to the operation's documented schema
// (env.do checks every answer). A new operation without a call here fails.
func TestOpenAPIResponses(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		calls := tour(e, 0)
		var ids []string
		for _, ops := range e.doc.doc.Paths {
			for _, op := range ops {
				ids = append(ids, op.OperationID)
			}
		}
		slices.Sort(ids)
		if diff := cmp.Diff(ids, slices.Sorted(maps.Keys(calls))); diff != "" {
			t.Fatalf("documented operations (-) against the tour (+):\n%s", diff)
		}
		order := slices.DeleteFunc(slices.Clone(ids), func(id string) bool { return slices.Contains(changes, id) })
		for _, id := range append(order, changes...) {
			c := calls[id]
			t.Run(id, func(t *testing.T) {
				e.with(t).as(e.aliceToken, c.method, c.path, c.body).want(t, c.want)
			})
		}
		for _, id := range ids {
			if !e.doc.seen[fmt.Sprintf("%s %d", id, calls[id].want)] {
				t.Errorf("%s: no successful answer was checked", id)
			}
		}
	})
}
