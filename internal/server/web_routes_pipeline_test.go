package server

import (
	"context"
	"encoding/csv"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
)

// pipelineWebScenarios are the cases of the pipeline pages (fixtures:
// orgFixture and pipelineFixture): the index, the page and its CSV for
// the owner and a programme admin, each member shown with only what they
// share; a plain member (403), another organisation's owner and admin
// (404, never the other's names), someone in no organisation (404),
// signed out (to the sign-in page), and bad filters.
func pipelineWebScenarios() []webScenario {
	const contoso, northwind = "/org/programmes/{zedProg}/pipeline", "/org/programmes/{orgProg}/pipeline"
	// row returns the table row of the member named name.
	row := func(t *testing.T, body, name string) string {
		t.Helper()
		i := strings.Index(body, `<th scope="row">`+name)
		if i < 0 {
			t.Fatalf("no row for %s", name)
		}
		return body[i : i+strings.Index(body[i:], "</tr>")]
	}
	audited := func(actor, detail string) func(t *testing.T, f *webFixture, r *httpResult) {
		return func(t *testing.T, f *webFixture, r *httpResult) {
			t.Helper()
			p, err := f.j.Persons.FindPersonByID(context.Background(), pipelineID(t, f, "zedID"))
			if err != nil {
				t.Fatal(err)
			}
			if actor == "Erin" {
				p = f.person(t, f.alice)
			}
			es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: p.OrgID, Action: "view.pipeline"})
			if err != nil || len(es) != 1 || es[0].ActorName != actor || es[0].SubjectKind != ladder.AuditProgramme || es[0].Detail != detail {
				t.Errorf("audit: %v %+v", err, es)
			}
		}
	}
	notAudited := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		for _, org := range []int64{f.person(t, f.alice).OrgID, pipelineOrg(t, f, "zedID")} {
			if es, _, _ := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: org, Action: "view.pipeline"}); len(es) != 0 {
				t.Errorf("a refused view was logged: %+v", es)
			}
		}
	}
	// Contoso's pipeline must not show in a refusal, nor Northwind's.
	secrets := []string{"Una", "=Wes", "Northwind future managers", "XAN-PLAN", "VIC-PLAN"}
	var out []webScenario
	for _, path := range []string{northwind, northwind + ".csv"} {
		kind := map[bool]string{true: "CSV", false: ""}[strings.HasSuffix(path, ".csv")]
		out = append(out,
			webScenario{name: "ErrPipeline" + kind + "Member", req: get(path, "dave"), status: 403, wantNot: secrets, check: notAudited},
			webScenario{name: "ErrPipeline" + kind + "OtherOrgOwner", req: get(path, "zed"), status: 404, wantNot: secrets, check: notAudited},
			webScenario{name: "ErrPipeline" + kind + "NoOrg", req: get(path, "carol"), status: 404, wantNot: secrets, check: notAudited},
			webScenario{name: "ErrPipeline" + kind + "SignedOut", req: get(path, ""), status: 303, location: "/login", check: notAudited},
		)
	}
	return append(out, []webScenario{
		{name: "PipelineIndexOwner", req: get("/org/pipeline", "zed"), status: 200,
			want:    []string{"Contoso future managers", `/pipeline">Contoso future managers</a>`, `aria-current="page">Pipeline`},
			wantNot: []string{"Northwind"}},
		{name: "PipelineIndexAdmin", req: get("/org/pipeline", "erin"), status: 200, want: []string{"Northwind future managers"}},
		{name: "ErrPipelineIndexMember", req: get("/org/pipeline", "dave"), status: 403, wantNot: []string{"Northwind future managers"}},
		{name: "ErrPipelineIndexNoOrg", req: get("/org/pipeline", "carol"), status: 404},
		{name: "PipelineTabForAdmins", req: get("/org", "erin"), status: 200, want: []string{`href="/org/pipeline"`}},
		{name: "PipelineNoTabForMembers", req: get("/org", "dave"), status: 200, wantNot: []string{`href="/org/pipeline"`}},
		{name: "PipelineLinkOnProgramme", req: get("/org/programmes/{orgProg}", "alice"), status: 200, want: []string{"See the pipeline"},
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				if want := `href="/org/programmes/` + f.extra["{orgProg}"] + `/pipeline"`; !strings.Contains(r.body, want) {
					t.Errorf("no link %s", want)
				}
			}},

		// Contoso, as its owner: every kind of row.
		{name: "PipelineOwner", req: get(contoso, "zed"), status: 200,
			want: []string{"Pipeline: Contoso future managers", "Bench strength for IT manager", "Contoso autumn", "Yuri", "Una", "Vic",
				"=Wes", "@sum(1)", "1 of 2 done", `<span class="late">1 overdue</span>`, "No self-assessment yet", "No plan yet", "Not started",
				"No account yet", `aria-sort="descending"`, `href="/org/programmes/`, "How “ready when” is worked out"},
			wantNot: []string{"XAN-PLAN", "VIC-PLAN", "Northwind", "Dave"},
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				// Xan shares nothing with programme admins: her row has no
				// figure, three "Not shared" cells.
				xan := row(t, r.body, "Xan")
				if strings.Count(xan, "Not shared") != 4 || regexp.MustCompile(`[0-9]`).MatchString(xan) {
					t.Errorf("Xan's row shows something: %s", xan)
				}
				// Vic shares readiness only: a score, and "Not shared" for
				// the plan.
				vic := row(t, r.body, "Vic")
				if strings.Count(vic, `class="not-shared"`) != 1 || !strings.Contains(vic, `class="pill `) {
					t.Errorf("Vic's row: %s", vic)
				}
				// By readiness: Una and Vic (assessed) before Wes (not
				// started), then those who do not share.
				if !pipelineInOrder(r.body, `scope="row">Una`, `scope="row">Vic`, `scope="row">=Wes`, `scope="row">Xan`, `scope="row">Yuri`) &&
					!pipelineInOrder(r.body, `scope="row">Vic`, `scope="row">Una`, `scope="row">=Wes`, `scope="row">Xan`, `scope="row">Yuri`) {
					t.Errorf("rows out of order")
				}
				audited("Zed", "all cohorts, 5 people, page")(t, f, r)
			}},
		{name: "PipelineCohortByName", req: get(contoso+"?cohort={pipeCohort}&sort=name", "zed"), status: 200,
			want: []string{"in the cohort Contoso autumn", `aria-sort="ascending"`}, wantNot: []string{"Yuri"},
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				if !pipelineInOrder(r.body, `scope="row">=Wes`, `scope="row">Una`, `scope="row">Vic`, `scope="row">Xan`) {
					t.Errorf("not by name")
				}
				if !strings.Contains(r.body, `pipeline.csv?cohort=`+f.extra["{pipeCohort}"]+`&amp;sort=name`) {
					t.Errorf("the CSV link loses the filter")
				}
				audited("Zed", "cohort Contoso autumn, 4 people, page")(t, f, r)
			}},
		// Northwind, as a programme admin: Dave shares nothing.
		{name: "PipelineAdminNothingShared", req: get(northwind, "erin"), status: 200,
			want:    []string{"Pipeline: Northwind future managers", "Dave", `class="not-shared"`},
			wantNot: []string{"Una", "Contoso"},
			check:   audited("Erin", "all cohorts, 1 person, page")},
		{name: "PipelineCSV", req: get(contoso+".csv", "zed"), status: 200,
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				wantAttachment(t, r, "text/csv", "pipeline-contoso-future-managers.csv")
				recs := pipelineCSV(t, r.body)
				if len(recs) != 6 || !slices.Equal(recs[0], api.PipelineCSVHeader) {
					t.Fatalf("CSV:\n%s", r.body)
				}
				by := map[string][]string{}
				for _, rec := range recs[1:] {
					by[rec[0]] = rec
				}
				// Formula characters are defused; unshared cells say so.
				if w := by["'=Wes"]; w == nil || w[1] != "'@sum(1)" || w[4] != "not-started" || w[5] == "not shared" {
					t.Errorf("Wes: %q", w)
				}
				x := by["Xan"]
				if x == nil || x[4] != "not-shared" {
					t.Fatalf("Xan: %q", x)
				}
				for _, cell := range x[5:] {
					if cell != "not shared" {
						t.Errorf("Xan's row shows %q", cell)
					}
				}
				if v := by["Vic"]; v == nil || v[5] == "not shared" || v[12] != "not shared" || v[15] != "not shared" {
					t.Errorf("Vic: %q", v)
				}
				if u := by["Una"]; u == nil || u[12] != "1" || u[13] != "2" || u[14] != "1" || u[15] != "it-manager" || u[11] == "" {
					t.Errorf("Una: %q", u)
				}
				for _, not := range []string{"XAN-PLAN", "VIC-PLAN", "Dave"} {
					if strings.Contains(r.body, not) {
						t.Errorf("the CSV has %s", not)
					}
				}
				audited("Zed", "all cohorts, 5 people, csv")(t, f, r)
			}},
		{name: "PipelineCSVCohort", req: get(contoso+".csv?cohort={pipeCohort}&sort=name", "zed"), status: 200,
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				wantAttachment(t, r, "text/csv", "pipeline-contoso-future-managers-contoso-autumn.csv")
				recs := pipelineCSV(t, r.body)
				var names []string
				for _, rec := range recs[1:] {
					names = append(names, rec[0])
				}
				if !slices.Equal(names, []string{"'=Wes", "Una", "Vic", "Xan"}) {
					t.Errorf("names %q", names)
				}
			}},
		{name: "PipelineCSVAdmin", req: get(northwind+".csv", "erin"), status: 200,
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				recs := pipelineCSV(t, r.body)
				if len(recs) != 2 || recs[1][0] != "Dave" || recs[1][5] != "not shared" {
					t.Errorf("CSV %q", recs)
				}
			}},
		{name: "ErrPipelineOtherOrgAdmin", req: get(contoso, "erin"), status: 404, wantNot: secrets, check: notAudited},
		{name: "ErrPipelineCohortNotANumber", req: get(contoso+"?cohort=spring", "zed"), status: 400, want: []string{"cohort"}, check: notAudited},
		{name: "ErrPipelineCohortOfAnother", req: get(contoso+"?cohort={orgCohort}", "zed"), status: 404, wantNot: secrets, check: notAudited},
		{name: "ErrPipelineCSVCohortOfAnother", req: get(contoso+".csv?cohort={orgCohort}", "zed"), status: 404, check: notAudited},
		{name: "ErrPipelineSort", req: get(contoso+"?sort=age", "zed"), status: 400, want: []string{"sort must be readiness or name"}, check: notAudited},
		{name: "ErrPipelineUnknownProgramme", req: get("/org/programmes/999999999/pipeline", "zed"), status: 404, check: notAudited},
		{name: "ErrPipelineBadProgramme", req: get("/org/programmes/x/pipeline", "zed"), status: 404, check: notAudited},
	}...)
}

func pipelineID(t *testing.T, f *webFixture, k string) int64 {
	t.Helper()
	var id int64
	for _, c := range f.extra["{"+k+"}"] {
		id = id*10 + int64(c-'0')
	}
	return id
}

func pipelineOrg(t *testing.T, f *webFixture, k string) int64 {
	t.Helper()
	p, err := f.j.Persons.FindPersonByID(context.Background(), pipelineID(t, f, k))
	if err != nil {
		t.Fatal(err)
	}
	return p.OrgID
}

// pipelineInOrder reports whether the parts appear in body in that order.
func pipelineInOrder(body string, parts ...string) bool {
	at := -1
	for _, p := range parts {
		i := strings.Index(body, p)
		if i <= at {
			return false
		}
		at = i
	}
	return true
}

func pipelineCSV(t *testing.T, body string) [][]string {
	t.Helper()
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("not CSV: %v\n%s", err, body)
	}
	return recs
}
