package api_test

import (
	"context"
	"encoding/csv"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// pipelineTourSetup gives Alice's organisation (orgTourSetup) a programme
// towards IT manager whose cohort holds Alice (the demo person, with her
// assessment history; she shares readiness and plan with programme
// admins), Pam (shares readiness only) and Quinn (shares nothing).
func pipelineTourSetup(e *env, n int) (prog, cohort int64, people map[string]int64) {
	e.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	orgTourSetup(e, 5000+n)
	people = map[string]int64{"alice": e.alice.ID}
	csv := fmt.Sprintf("name,email,title\nPam %d,pam-%d@example.com,Analyst\nQuinn %d,quinn-%d@example.com,=1+1\n", n, n, n, n)
	_, err := e.j.ImportOrgPeople(ctx, e.orgOwner(), []byte(csv))
	must(err)
	for _, k := range []string{"pam", "quinn"} {
		p, err := e.j.Persons.FindPersonByEmail(ctx, fmt.Sprintf("%s-%d@example.com", k, n))
		must(err)
		people[k] = p.ID
	}
	day := ladder.Day(e.db.Now())
	pr := &ladder.OrgProgramme{Name: fmt.Sprintf("Pipeline tour %d", n), TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
	must(e.j.SaveProgramme(ctx, e.orgOwner(), pr))
	c := &ladder.OrgCohort{ProgrammeID: pr.ID, Name: fmt.Sprintf("Pipeline cohort %d", n), Start: day, End: day.AddDate(0, 3, 0),
		MemberIDs: []int64{e.alice.ID, people["pam"], people["quinn"]}}
	must(e.j.CreateCohort(ctx, e.orgOwner(), c))
	_, err = e.j.SetSharing(ctx, e.alice, map[string]ladder.ShareSet{ladder.AudienceAdmins: {ladder.ShareReadiness, ladder.SharePlan}})
	must(err)
	_, err = e.j.SetSharing(ctx, e.person(e.t.(*testing.T), people["pam"]), map[string]ladder.ShareSet{ladder.AudienceAdmins: {ladder.ShareReadiness}})
	must(err)
	return pr.ID, c.ID, people
}

// pipelineTour calls the pipeline operations as Alice, the owner.
func pipelineTour(e *env, n int) map[string]call {
	prog, cohort, _ := pipelineTourSetup(e, n)
	p := fmt.Sprintf("%s/org/programmes/%d/pipeline", api.Prefix, prog)
	return map[string]call{
		"getOrgPipeline":    {"GET", fmt.Sprintf("%s?cohort=%d&sort=name", p, cohort), "", 200},
		"getOrgPipelineCSV": {"GET", p + ".csv", "", 200},
	}
}

// TestOrgPipelineAPI: the owner sees each member with only what they share
// (null, or "not shared" in the CSV); a plain member is refused (403),
// another organisation's owner and someone in none find nothing (404),
// no credential is 401; bad filters are 400 naming the field.
func TestOrgPipelineAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		prog, cohort, people := pipelineTourSetup(e, 1)
		path := fmt.Sprintf("%s/org/programmes/%d/pipeline", api.Prefix, prog)

		var v api.OrgPipeline
		e.as(e.aliceToken, "GET", path, "").want(t, 200).decode(t, &v)
		if v.Programme.TargetRole != "it-manager" || v.Cohort != nil || len(v.Cohorts) != 1 || v.Sort != "readiness" ||
			v.ReadyNowScore != 80 || v.Bench.Total != 3 || v.Bench.NotShared != 1 {
			t.Errorf("pipeline %+v", v)
		}
		by := map[int64]api.OrgPipelineMember{}
		for _, m := range v.Members {
			by[m.PersonID] = m
		}
		if a := by[e.alice.ID]; a.Readiness == nil || !a.Readiness.Assessed || a.Readiness.LastAssessed == nil || a.Plan == nil ||
			a.Status != "started" || !slices.Equal(a.Cohorts, []string{v.Cohorts[0].Name}) {
			t.Errorf("Alice: %+v %+v %+v", a, a.Readiness, a.Plan)
		}
		if pam := by[people["pam"]]; pam.Readiness == nil || pam.Plan != nil || pam.Status != "not-started" || pam.Readiness.Horizon != "unknown" {
			t.Errorf("Pam: %+v", pam)
		}
		if q := by[people["quinn"]]; q.Readiness != nil || q.Plan != nil || q.Status != "not-shared" || q.Title != "=1+1" {
			t.Errorf("Quinn: %+v", q)
		}

		res := e.as(e.aliceToken, "GET", fmt.Sprintf("%s.csv?cohort=%d&sort=name", path, cohort), "").want(t, 200)
		recs, err := csv.NewReader(strings.NewReader(string(res.body))).ReadAll()
		if err != nil || len(recs) != 4 || !slices.Equal(recs[0], api.PipelineCSVHeader) {
			t.Fatalf("CSV %v:\n%s", err, res.body)
		}
		for _, rec := range recs[1:] {
			if strings.HasPrefix(rec[0], "Quinn") && (rec[1] != "'=1+1" || rec[5] != "not shared" || rec[12] != "not shared") {
				t.Errorf("Quinn's CSV row %q", rec)
			}
		}
		es, _, err := e.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: e.person(t, e.alice.ID).OrgID, Action: "view.pipeline"})
		if err != nil || len(es) != 2 || es[0].Detail != "cohort "+v.Cohorts[0].Name+", 3 people, api csv" || es[1].Detail != "all cohorts, 3 people, api" {
			t.Errorf("audit %v %+v", err, es)
		}

		// Bob owns another organisation: Alice's programme is not found.
		if err := e.j.CreateOrganisation(context.Background(), e.bob, &ladder.Organisation{Name: "Bob's Co"}); err != nil {
			t.Fatal(err)
		}
		memberTok, _ := e.token(e.person(t, people["pam"]), "pam")
		for _, c := range []struct {
			token  string
			path   string
			status int
		}{
			{e.bobToken, path, 404}, {e.bobToken, path + ".csv", 404},
			{memberTok, path, 403}, {memberTok, path + ".csv", 403},
			{"", path, 401}, {"", path + ".csv", 401},
			{e.aliceToken, fmt.Sprintf("%s/org/programmes/%d/pipeline", api.Prefix, prog+100000), 404},
		} {
			res := e.as(c.token, "GET", c.path, "").want(t, c.status)
			if strings.Contains(string(res.body), "Pam") || strings.Contains(string(res.body), "Pipeline tour") {
				t.Errorf("%s refused but shows Alice's data: %s", c.path, res.body)
			}
		}
		if pr := e.as(e.aliceToken, "GET", path+"?cohort=x", "").want(t, 400).problem(t); pr.Errors["cohort"] == "" {
			t.Errorf("bad cohort: %+v", pr)
		}
		if pr := e.as(e.aliceToken, "GET", path+"?sort=age", "").want(t, 400).problem(t); pr.Errors["sort"] == "" {
			t.Errorf("bad sort: %+v", pr)
		}
		e.as(e.aliceToken, "GET", path+"?cohort=999999", "").want(t, 404)
	})
}
