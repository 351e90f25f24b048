package server

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// cohortFeedbackWebScenarios are the cases of a cohort's 360 feedback
// (cohortFeedbackFixture): the admin's page and start form, refused to a
// plain member (403), another organisation's people and a person in none
// (404); bad raters (422 naming them, nothing written); the member's note
// on their own pages; and the rule on raters from outside.
func cohortFeedbackWebScenarios() []webScenario {
	id := func(f *webFixture, k string) int64 {
		v, _ := strconv.ParseInt(f.extra["{"+k+"}"], 10, 64)
		return v
	}
	joRounds := func(t *testing.T, f *webFixture) []*ladder.FeedbackRound {
		t.Helper()
		rs, err := f.j.Feedback.FindFeedbackRounds(context.Background(), id(f, "fabJo"))
		if err != nil {
			t.Fatal(err)
		}
		return rs
	}
	nothingStarted := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		if rs := joRounds(t, f); len(rs) != 0 {
			t.Errorf("Jo has rounds after a refusal: %+v", rs)
		}
	}
	page := "/org/cohorts/{fabCohort}/feedback"
	start := func(as string, kv ...string) request {
		return post(page, as, form(append([]string{"title", "Pilots 360", "closes_on", orgToday(14)}, kv...)...))
	}
	good := []string{"members", "{fabJo}", "raters.{fabJo}", "manager:gina@fab{fabN}.example", "add.{fabJo}", "stakeholder someone@fab{fabN}.example"}
	var out []webScenario
	for who, status := range map[string]int{"hank": 403, "zed": 404, "erin": 404, "carol": 404} {
		out = append(out,
			webScenario{name: "ErrCohortFeedback_" + who, req: get(page, who), status: status, wantNot: []string{"Fabrikam pilots", "Jo"}},
			webScenario{name: "ErrCohortFeedbackStart_" + who, req: start(who, good...), status: status, wantNot: []string{"Fabrikam pilots"},
				check: nothingStarted},
			webScenario{name: "ErrCohortFeedbackRemind_" + who, req: post(page+"/remind", who, form()), status: status,
				wantNot: []string{"Fabrikam pilots"}, check: func(t *testing.T, f *webFixture, _ *httpResult) {
					for _, m := range f.feedbackSink.Messages() {
						if strings.HasPrefix(m.Subject, "Reminder") {
							t.Errorf("a refused reminder was mailed: %q", m.Subject)
						}
					}
				}})
	}
	return append(out, []webScenario{
		{name: "CohortFeedbackPage", req: get(page, "ivy"), status: 200,
			want: []string{"360 feedback: Fabrikam pilots", "Fabrikam pilots 360", "open, closes", `<td class="num">3</td>`,
				"Has a feedback round open already", `value="manager:gina@fab`, `value="peer:hank@fab`, "Never the answers",
				"Remind those who have not answered",
				`aria-current="page">Programmes`},
			// The raters of a round started are not listed: Kim rates Hank only.
			wantNot: []string{"kim@fab"}, check: cohortFeedbackBodyHas(`name="raters.{fabJo}" value="manager:gina@fab{fabN}.example" checked`)},
		// Reminders go to Hank's raters who have not answered; Ivy learns
		// how many, and the log says so against the cohort.
		{name: "CohortFeedbackRemind", req: post(page+"/remind", "ivy", form()), status: 303, location: "/org/cohorts/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				reminded := 0
				for _, m := range f.feedbackSink.Messages() {
					if strings.HasPrefix(m.Subject, "Reminder") && strings.Contains(m.Text(), "/feedback/r/") {
						reminded++
					}
				}
				if reminded != 3 {
					t.Errorf("%d reminders mailed, want Hank's 3 raters", reminded)
				}
				gina, err := f.j.Persons.FindPersonByID(context.Background(), id(f, "fabGina"))
				if err != nil {
					t.Fatal(err)
				}
				es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: gina.OrgID, Action: "feedback.remind"})
				if err != nil || len(es) != 1 || es[0].SubjectKind != ladder.AuditCohort || !strings.Contains(es[0].Detail, "1 open rounds") {
					t.Errorf("audit %v %+v", err, es)
				}
			}},
		{name: "CohortFeedbackLinkedFromProgramme", req: get("/org/programmes/{fabProg}", "ivy"), status: 200,
			check: cohortFeedbackBodyHas(`href="/org/cohorts/{fabCohort}/feedback"`)},
		{name: "CohortFeedbackStart", req: start("ivy", good...), status: 303, location: "/org/cohorts/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				rs := joRounds(t, f)
				if len(rs) != 1 || rs[0].StartedByName != "Ivy" || rs[0].CohortName != "Fabrikam pilots" || rs[0].Title != "Pilots 360" ||
					rs[0].Counts["manager"].Invited != 1 || rs[0].Counts["stakeholder"].Invited != 1 || len(rs[0].Counts) != 2 {
					t.Fatalf("Jo's rounds %+v", rs)
				}
				mailed := false
				for _, m := range f.feedbackSink.Messages() {
					mailed = mailed || (m.To[0] == "someone@fab"+f.extra["{fabN}"]+".example" && strings.Contains(m.Text(), "/feedback/r/"))
				}
				if !mailed {
					t.Error("no mail with a link to the added rater")
				}
				auditHasByActionIn(t, f, id(f, "fabGina"), "feedback.start", "Ivy")
			}},
		{name: "ErrCohortFeedbackOutside", req: start("ivy", "members", "{fabJo}", "add.{fabJo}", "peer friend@gmail.example"), status: 422,
			want: []string{"friend@gmail.example is outside Fabrikam", "peer friend@gmail.example</textarea>"},
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				cohortFeedbackBodyHas(`aria-describedby="raters-{fabJo}-error"`)(t, f, r)
				nothingStarted(t, f, r)
			}},
		{name: "ErrCohortFeedbackBadLine", req: start("ivy", "members", "{fabJo}", "add.{fabJo}", "colleague x@fab{fabN}.example"), status: 422,
			want: []string{"write a category"}, check: nothingStarted},
		{name: "ErrCohortFeedbackBadEmail", req: start("ivy", "members", "{fabJo}", "raters.{fabJo}", "peer:not-an-email"), status: 422,
			want: []string{"is not an email address"}, check: nothingStarted},
		{name: "ErrCohortFeedbackNoRater", req: start("ivy", "members", "{fabJo}"), status: 422,
			want: []string{"choose at least one rater"}, check: nothingStarted},
		{name: "ErrCohortFeedbackNoMembers", req: start("ivy"), status: 422, want: []string{"Members: choose at least one member"}, check: nothingStarted},
		{name: "ErrCohortFeedbackClosesBefore", req: post(page, "ivy", form("title", "x", "closes_on", orgToday(-1), "members", "{fabJo}",
			"raters.{fabJo}", "manager:gina@fab{fabN}.example")), status: 422, want: []string{"Closing day must be today or later"}, check: nothingStarted},
		{name: "ErrCohortFeedbackOtherCohort", req: get("/org/cohorts/{zedCohort}/feedback", "ivy"), status: 404},
		{name: "ErrCohortFeedbackBadID", req: get("/org/cohorts/x/feedback", "ivy"), status: 404},

		// The member is told who started the round and who does not see the results.
		{name: "CohortFeedbackMemberNote", req: get("/feedback", "hank"), status: 200,
			want: []string{"Ivy, a programme admin, started “Fabrikam pilots 360” for you as part of the cohort “Fabrikam pilots”.", "The results are yours alone",
				"started by your programme admin"}},
		{name: "CohortFeedbackMemberRound", req: get("/feedback/rounds/{fabHankRound}", "hank"), status: 200,
			want: []string{"Ivy, a programme admin, started “Fabrikam pilots 360”", "jo@fab", "Ask someone"}},
		{name: "ErrCohortRoundNotTheAdmins", req: get("/feedback/rounds/{fabHankRound}", "ivy"), status: 404},

		// Raters from outside the organisation.
		{name: "ErrRaterOutsideOrganisation", req: post("/feedback/rounds/{fabHankRound}/raters", "hank",
			form("category", "peer", "email", "friend@gmail.example")), status: 422,
			want: []string{"Email is outside Fabrikam: raters must be members of Fabrikam or have an address at fab"}},
		{name: "RaterInDomain", req: post("/feedback/rounds/{fabHankRound}/raters", "hank",
			form("category", "peer", "email", "new.colleague@fab{fabN}.example")), status: 303},
		{name: "OrgSettingsOutsideRaters", req: get("/org/settings", "gina"), status: 200,
			want: []string{`name="outside_raters" value="on">`, "Allow 360 raters from outside the organisation"}},
		{name: "OrgSettingsAllowOutsideRaters", req: post("/org/settings", "gina", form("name", "Fabrikam", "slug", "fabrikam-{fabN}",
			"domains", "fab{fabN}.example", "min_manager", "1", "name_manager", "on", "min_peer", "3", "min_report", "3", "min_stakeholder", "3",
			"min_others", "4", "outside_raters", "on")), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				gina, _ := f.j.Persons.FindPersonByID(context.Background(), id(f, "fabGina"))
				o, _, err := f.j.Organisation(context.Background(), gina)
				if err != nil || !o.OutsideRaters {
					t.Fatalf("%v %+v", err, o)
				}
				es, _, _ := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: o.ID, Action: "org.settings"})
				if len(es) != 1 || es[0].Detail != "raters from outside refused → allowed" {
					t.Errorf("audit %+v", es)
				}
			}},
	}...)
}

// cohortFeedbackBodyHas checks that the body holds want with its
// placeholders filled.
func cohortFeedbackBodyHas(want string) func(t *testing.T, f *webFixture, r *httpResult) {
	return func(t *testing.T, f *webFixture, r *httpResult) {
		t.Helper()
		for k, v := range f.extra {
			want = strings.ReplaceAll(want, k, v)
		}
		if !strings.Contains(r.body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
}

// auditHasByActionIn checks for an entry of action by actor in the
// organisation of the person orgOf.
func auditHasByActionIn(t *testing.T, f *webFixture, orgOf int64, action, actor string) {
	t.Helper()
	m, err := f.j.Orgs.FindOrgMember(context.Background(), 0, orgOf)
	if err != nil {
		t.Fatal(err)
	}
	es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: m.OrgID, Action: action})
	if err != nil || len(es) == 0 || es[0].ActorName != actor {
		t.Errorf("no audit entry %s by %s: %v %+v", action, actor, err, es)
	}
}

// TestCohortFeedbackWebWithoutMail: without mail the page says why rounds
// cannot start here, and a start is refused (409) with nothing written.
func TestCohortFeedbackWebWithoutMail(t *testing.T) {
	s, j, auth := newServer(t, sqldbtest.Open(t, sqldb.SQLite))
	f := newWebFixture(t, s, j, auth)
	j.Mail = nil
	rec := f.do(get("/org/cohorts/{fabCohort}/feedback", "ivy"))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "Mail is not set up") || strings.Contains(rec.Body.String(), "Send the requests") {
		t.Errorf("%d\n%s", rec.Code, rec.Body)
	}
	rec = f.do(post("/org/cohorts/{fabCohort}/feedback", "ivy", form("title", "x", "closes_on", orgToday(7), "members", "{fabJo}",
		"raters.{fabJo}", "manager:gina@fab{fabN}.example")))
	if rec.Code != 409 || !strings.Contains(rec.Body.String(), "mail is not set up") {
		t.Errorf("%d\n%s", rec.Code, rec.Body)
	}
	jo, _ := strconv.ParseInt(f.extra["{fabJo}"], 10, 64)
	if rs, _ := j.Feedback.FindFeedbackRounds(context.Background(), jo); len(rs) != 0 {
		t.Errorf("rounds without mail: %+v", rs)
	}
}
