package api_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// cohortFeedbackChanges are the operations of cohortFeedbackTour that
// change data.
var cohortFeedbackChanges = []string{"startCohortFeedback", "remindCohortFeedback"}

// cohortFeedbackSetup gives Alice's organisation a cohort of two new
// members managed by Alice, each with a peer in the other, and mail through
// a real SMTP server; it returns the cohort and its members' ids.
func cohortFeedbackSetup(e *env, n int) (cohort int64, members []int64, sink *mailtest.Server) {
	e.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	if _, err := e.j.OrgOf(ctx, e.alice); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		must(e.j.CreateOrganisation(ctx, e.alice, &ladder.Organisation{Name: "Harbour Logistics IT"}))
	}
	sink = mailtest.Start(e.t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	must(err)
	e.j.Mail = mail.NewSMTP(cfg)
	csv := "name,email,title,manager_email\n"
	for _, k := range []string{"a", "b"} {
		csv += fmt.Sprintf("Cohort %s %d,cohort-%s-%d@example.com,Engineer,%s\n", k, n, k, n, e.alice.Email)
	}
	_, err = e.j.ImportOrgPeople(ctx, e.orgOwner(), []byte(csv))
	must(err)
	for _, k := range []string{"a", "b"} {
		p, err := e.j.Persons.FindPersonByEmail(ctx, fmt.Sprintf("cohort-%s-%d@example.com", k, n))
		must(err)
		members = append(members, p.ID)
	}
	day := ladder.Day(e.db.Now())
	pr := &ladder.OrgProgramme{Name: fmt.Sprintf("Cohort tour %d", n), TargetRole: "team-lead", Start: day, End: day.AddDate(1, 0, 0)}
	must(e.j.SaveProgramme(ctx, e.orgOwner(), pr))
	c := &ladder.OrgCohort{ProgrammeID: pr.ID, Name: fmt.Sprintf("Cohort tour spring %d", n), Start: day, End: day.AddDate(0, 3, 0), MemberIDs: members}
	must(e.j.CreateCohort(ctx, e.orgOwner(), c))
	return c.ID, members, sink
}

// cohortFeedbackTour reads a cohort's 360 feedback and starts its rounds
// with the proposed raters.
func cohortFeedbackTour(e *env, n int) map[string]call {
	cohort, _, _ := cohortFeedbackSetup(e, n)
	p := fmt.Sprintf("%s/org/cohorts/%d/feedback", api.Prefix, cohort)
	// A second cohort whose rounds are under way, for the reminders.
	started, _, _ := cohortFeedbackSetup(e, n+1<<24)
	if _, err := e.j.StartCohortFeedback(context.Background(), e.orgOwner(), started, journey.CohortStart{Title: "Under way",
		ClosesOn: ladder.Day(e.db.Now()).AddDate(0, 0, 14)}, "http://ladder.test"); err != nil {
		e.t.Fatal(err)
	}
	return map[string]call{
		"getCohortFeedback":    {"GET", p, "", 200},
		"startCohortFeedback":  {"POST", p, fmt.Sprintf(`{"title":"Spring 360 %d","closes_on":"%s"}`, n, orgTourDay(e, 21)), 201},
		"remindCohortFeedback": {"POST", fmt.Sprintf("%s/org/cohorts/%d/feedback/remind", api.Prefix, started), "", 200},
	}
}

// TestCohortFeedbackAPI: the proposal and the progress as counts, a start
// with reviewed raters mailed, a bad rater naming its member with nothing
// written, and the refusals: a plain member (403), another organisation
// (404), no mail (409).
func TestCohortFeedbackAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		cohort, members, sink := cohortFeedbackSetup(e, 1)
		p := fmt.Sprintf("%s/org/cohorts/%d/feedback", api.Prefix, cohort)
		var v api.CohortFeedback
		e.as(e.aliceToken, "GET", p, "").want(t, 200).decode(t, &v)
		if len(v.Members) != 2 || v.TargetRole != "team-lead" || !v.Mail || len(v.Members[0].Proposed) != 2 ||
			v.Members[0].Proposed[0].Category != "manager" || v.Members[0].Proposed[1].Category != "peer" {
			t.Fatalf("%+v", v)
		}
		bad := fmt.Sprintf(`{"title":"Spring","closes_on":"%s","members":[{"person_id":%d},{"person_id":%d,"raters":[{"category":"peer","email":"nope"}]}]}`,
			orgTourDay(e, 14), members[0], members[1])
		pr := e.as(e.aliceToken, "POST", p, bad).want(t, 400).problem(t)
		if !strings.Contains(pr.Errors[fmt.Sprintf("raters.%d", members[1])], "is not an email address") {
			t.Errorf("problem %+v", pr)
		}
		for _, id := range members {
			if rs, _ := e.j.Feedback.FindFeedbackRounds(context.Background(), id); len(rs) != 0 {
				t.Errorf("rounds after a refusal: %+v", rs)
			}
		}
		good := fmt.Sprintf(`{"title":"Spring","closes_on":"%s","members":[{"person_id":%d,"raters":[{"category":"stakeholder","email":"cfo@example.com"}]}]}`,
			orgTourDay(e, 14), members[1])
		var started api.CohortFeedbackStarted
		e.as(e.aliceToken, "POST", p, good).want(t, 201).decode(t, &started)
		if len(started.Members) != 1 || started.Members[0].Mailed != 1 || started.Members[0].RoundID == nil ||
			started.Summary != "Started 1 round; 1 rater was mailed." {
			t.Fatalf("%+v", started)
		}
		if msgs := sink.Wait(t, 1); msgs[0].To[0] != "cfo@example.com" {
			t.Errorf("mailed %v", msgs[0].To)
		}
		// The member reads who started the round; the admin its counts.
		memberTok, _ := e.token(e.person(t, members[1]), "member")
		var rounds []api.FeedbackRound
		e.as(memberTok, "GET", api.Prefix+"/feedback/rounds", "").want(t, 200).decode(t, &rounds)
		if len(rounds) != 1 || rounds[0].StartedBy == nil || rounds[0].StartedBy.Name != e.alice.Name ||
			!strings.HasPrefix(rounds[0].StartedBy.Cohort, "Cohort tour spring") {
			t.Errorf("member's rounds %+v", rounds)
		}
		e.as(e.aliceToken, "GET", p, "").want(t, 200).decode(t, &v)
		if r := v.Members[1].Rounds; len(r) != 1 || r[0].Invited != 1 || r[0].Answered != 0 || r[0].Status != "open" || !v.Members[1].Open {
			t.Errorf("progress %+v", v.Members[1])
		}
		if strings.Contains(string(e.as(e.aliceToken, "GET", p, "").body), "cfo@example.com") {
			t.Error("the progress names a rater")
		}
		// Refusals.
		e.as(memberTok, "GET", p, "").want(t, 403)
		e.as(memberTok, "POST", p, good).want(t, 403)
		e.as(e.bobToken, "GET", p, "").want(t, 404)
		if _, err := e.j.OrgOf(context.Background(), e.bob); ladder.ErrorCode(err) == ladder.ENOTFOUND {
			e.as(e.bobToken, "POST", api.Prefix+"/org", `{"name":"Bob's Co"}`).want(t, 201)
		}
		e.as(e.bobToken, "GET", p, "").want(t, 404)
		e.as(e.bobToken, "POST", p, good).want(t, 404)
		e.j.Mail = nil
		e.as(e.aliceToken, "POST", p, fmt.Sprintf(`{"title":"x","closes_on":"%s"}`, orgTourDay(e, 14))).want(t, 409)
	})
}

// TestOutsideRatersAPI: the setting shows on the organisation, PUT changes
// it (and leaves it when left out), and a refused rater is a 400 naming the
// email.
func TestOutsideRatersAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		var o api.Organisation
		e.as(e.bobToken, "POST", api.Prefix+"/org", `{"name":"Bob's Co","domains":["bobs.example"]}`).want(t, 201).decode(t, &o)
		if o.OutsideRaters {
			t.Fatalf("created with domains, outside raters allowed: %+v", o)
		}
		var r api.FeedbackRound
		e.as(e.bobToken, "POST", api.Prefix+"/feedback/rounds", `{"title":"Spring","competencies":["delegation"],"closes_on":"2099-01-01"}`).
			want(t, 201).decode(t, &r)
		raters := fmt.Sprintf("%s/feedback/rounds/%d/raters", api.Prefix, r.ID)
		pr := e.as(e.bobToken, "POST", raters, `{"category":"peer","email":"pal@mail.example"}`).want(t, 400).problem(t)
		if !strings.HasPrefix(pr.Errors["email"], "is outside Bob's Co") {
			t.Errorf("problem %+v", pr)
		}
		e.as(e.bobToken, "POST", raters, `{"category":"peer","email":"pal@bobs.example"}`).want(t, 201)
		settings := `{"name":"Bob's Co","slug":"bob-s-co","domains":["bobs.example"],` +
			`"anonymity":{"manager":1,"peer":3,"report":3,"stakeholder":3,"others":4,"name_manager":true}%s}`
		e.as(e.bobToken, "PUT", api.Prefix+"/org", fmt.Sprintf(settings, `,"outside_raters":true`)).want(t, 200).decode(t, &o)
		if !o.OutsideRaters {
			t.Fatalf("not allowed: %+v", o)
		}
		e.as(e.bobToken, "PUT", api.Prefix+"/org", fmt.Sprintf(settings, "")).want(t, 200).decode(t, &o)
		if !o.OutsideRaters {
			t.Fatalf("left out, changed: %+v", o)
		}
		e.as(e.bobToken, "POST", raters, `{"category":"peer","email":"pal@mail.example"}`).want(t, 201)
	})
}
