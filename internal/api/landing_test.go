package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// opportunity adds an opportunity of p and returns its id.
func (e *env) opportunity(p *ladder.Person, title string) int64 {
	e.t.Helper()
	o := &ladder.Opportunity{PersonID: p.ID, Title: title, Kind: ladder.OpportunityStretch, Internal: true}
	if err := e.j.Opportunities.CreateOpportunity(context.Background(), o, time.Time{}); err != nil {
		e.t.Fatal(err)
	}
	return o.ID
}

// practice saves an answer of p and returns its id.
func (e *env) practice(p *ladder.Person, answer string) int64 {
	e.t.Helper()
	a := &ladder.PracticeAnswer{PersonID: p.ID, Question: "budget-cut", Date: ladder.Day(e.db.Now()), Answer: answer, Rating: 2}
	if err := e.j.Resume.CreatePracticeAnswer(context.Background(), a); err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

// bullet returns the id of p's first resume bullet, generating the resume
// when there is none.
func (e *env) bullet(p *ladder.Person) int64 {
	e.t.Helper()
	ctx := context.Background()
	bs, err := e.j.Resume.FindResumeBullets(ctx, p.ID)
	if err == nil && len(bs) == 0 {
		p, _ = e.j.Persons.FindPersonByID(ctx, p.ID)
		bs, err = e.j.GenerateResume(ctx, p)
	}
	if err != nil || len(bs) == 0 {
		e.t.Fatalf("resume of %s: %v", p.Name, err)
	}
	return bs[0].ID
}

// landingChanges are the operations of landingTour that change data.
var landingChanges = []string{"createOpportunity", "updateOpportunity", "moveOpportunity", "deleteOpportunity", "setSupervisorTalk",
	"generateResume", "updateResumeBullet", "createPracticeAnswer", "deletePracticeAnswer"}

// landingTour calls every operation of opportunities, the resume and
// interview practice as Alice (the demo person).
func landingTour(e *env, n int) map[string]call {
	p := api.Prefix
	opp := e.opportunity(e.alice, fmt.Sprintf("Cover the service desk lead %d", n))
	gone := e.opportunity(e.alice, fmt.Sprintf("To delete %d", n))
	answer := e.practice(e.alice, fmt.Sprintf("To delete %d", n))
	bullet := e.bullet(e.alice)
	today := e.db.Now().UTC().Format(time.DateOnly)
	return map[string]call{
		"listOpportunities": {"GET", p + "/opportunities", "", 200},
		"createOpportunity": {"POST", p + "/opportunities", `{"title":"IT manager","organisation":"Globex","kind":"management-role",` +
			`"stage":"applied","since":"` + today + `","link":"https://example.com/job","next_step":"Prepare","next_step_date":"2030-01-02"}`, 201},
		"getOpportunity":    {"GET", fmt.Sprintf("%s/opportunities/%d", p, opp), "", 200},
		"updateOpportunity": {"PATCH", fmt.Sprintf("%s/opportunities/%d", p, opp), `{"notes":"Two months","next_step_date":"2030-02-01"}`, 200},
		"moveOpportunity":   {"POST", fmt.Sprintf("%s/opportunities/%d/stage", p, opp), `{"stage":"discussed","date":"` + today + `"}`, 200},
		"deleteOpportunity": {"DELETE", fmt.Sprintf("%s/opportunities/%d", p, gone), "", 204},
		"setSupervisorTalk": {"PUT", p + "/opportunities/supervisor-talk", `{"date":"` + today + `","note":"Asked about the lead role"}`, 200},

		"listResume":             {"GET", p + "/resume", "", 200},
		"generateResume":         {"POST", p + "/resume/generate", "", 200},
		"updateResumeBullet":     {"PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bullet), `{"result":"No data lost.","position":2}`, 200},
		"getResumeMarkdown":      {"GET", p + "/resume.md", "", 200},
		"getResumeText":          {"GET", p + "/resume.txt", "", 200},
		"getCoverLetter":         {"GET", fmt.Sprintf("%s/cover-letter?opportunity=%d", p, opp), "", 200},
		"getCoverLetterMarkdown": {"GET", p + "/cover-letter.md", "", 200},

		"listInterviewQuestions": {"GET", p + "/interview/questions?category=budget", "", 200},
		"listPracticeAnswers":    {"GET", p + "/interview/practice?question=budget-built", "", 200},
		"createPracticeAnswer": {"POST", p + "/interview/practice", `{"question":"why-management-motivation","answer":"Because...",` +
			`"rating":3,"evidence_ids":[]}`, 201},
		"deletePracticeAnswer": {"DELETE", fmt.Sprintf("%s/interview/practice/%d", p, answer), "", 204},
	}
}

// TestLandingOthersIDs: Alice reaches none of Bob's opportunities, bullets,
// answers or evidence; each is 404 (400 for evidence linked to an answer)
// and Bob's data stays as it was.
func TestLandingOthersIDs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		bobOpp := e.opportunity(e.bob, "Bob's role")
		bobBullet := e.bullet(e.bob)
		bobAnswer := e.practice(e.bob, "Bob's answer")
		for _, tt := range []struct{ name, method, path, body string }{
			{"GetOpportunity", "GET", fmt.Sprintf("%s/opportunities/%d", p, bobOpp), ""},
			{"UpdateOpportunity", "PATCH", fmt.Sprintf("%s/opportunities/%d", p, bobOpp), `{"title":"Mine"}`},
			{"MoveOpportunity", "POST", fmt.Sprintf("%s/opportunities/%d/stage", p, bobOpp), `{"stage":"applied"}`},
			{"DeleteOpportunity", "DELETE", fmt.Sprintf("%s/opportunities/%d", p, bobOpp), ""},
			{"UpdateBullet", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bobBullet), `{"text":"Mine"}`},
			{"MoveBullet", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bobBullet), `{"position":1}`},
			{"DeleteAnswer", "DELETE", fmt.Sprintf("%s/interview/practice/%d", p, bobAnswer), ""},
			{"CoverLetter", "GET", fmt.Sprintf("%s/cover-letter?opportunity=%d", p, bobOpp), ""},
			{"CoverLetterMarkdown", "GET", fmt.Sprintf("%s/cover-letter.md?opportunity=%d", p, bobOpp), ""},
			{"MissingOpportunity", "GET", p + "/opportunities/999999", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusNotFound)
				if pr := res.problem(t); pr.Code != ladder.ENOTFOUND {
					t.Errorf("code %q", pr.Code)
				}
			})
		}
		t.Run("AnswerWithBobsEvidence", func(t *testing.T) {
			res := e.with(t).as(e.aliceToken, "POST", p+"/interview/practice",
				fmt.Sprintf(`{"question":"budget-cut","answer":"x","rating":3,"evidence_ids":[%d]}`, e.bobEvidence)).want(t, http.StatusBadRequest)
			if pr := res.problem(t); pr.Errors["evidence"] == "" {
				t.Errorf("%+v", pr)
			}
		})
		t.Run("BobUnchanged", func(t *testing.T) {
			e := e.with(t)
			var o api.Opportunity
			e.as(e.bobToken, "GET", fmt.Sprintf("%s/opportunities/%d", p, bobOpp), "").want(t, http.StatusOK).decode(t, &o)
			if o.Title != "Bob's role" || o.Stage != "spotted" {
				t.Errorf("%+v", o)
			}
			var bs []api.ResumeBullet
			e.as(e.bobToken, "GET", p+"/resume", "").want(t, http.StatusOK).decode(t, &bs)
			if len(bs) != 1 || bs[0].ID != bobBullet || bs[0].Edited {
				t.Errorf("%+v", bs)
			}
			var as []api.PracticeAnswer
			e.as(e.bobToken, "GET", p+"/interview/practice", "").want(t, http.StatusOK).decode(t, &as)
			if len(as) != 1 || as[0].ID != bobAnswer {
				t.Errorf("%+v", as)
			}
			var pl api.Pipeline
			e.as(e.aliceToken, "GET", p+"/opportunities", "").want(t, http.StatusOK).decode(t, &pl)
			for _, o := range pl.Opportunities {
				if o.ID == bobOpp {
					t.Errorf("Alice's pipeline shows Bob's opportunity")
				}
			}
		})
	})
}

// TestLandingBadInput: bad bodies and parameters are 400 naming the field,
// and nothing is written.
func TestLandingBadInput(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		opp := e.opportunity(e.alice, "Mine")
		bullet := e.bullet(e.alice)
		before, _ := e.j.Opportunities.FindOpportunities(context.Background(), e.alice.ID)
		for _, tt := range []struct{ name, method, path, body, field string }{
			{"OppTitle", "POST", p + "/opportunities", `{"kind":"other"}`, "title"},
			{"OppKind", "POST", p + "/opportunities", `{"title":"x","kind":"job"}`, "kind"},
			{"OppStage", "POST", p + "/opportunities", `{"title":"x","kind":"other","stage":"hired"}`, "stage"},
			{"OppSince", "POST", p + "/opportunities", `{"title":"x","kind":"other","since":"last week"}`, "since"},
			{"OppSinceFuture", "POST", p + "/opportunities", `{"title":"x","kind":"other","since":"2999-01-01"}`, "date"},
			{"OppNextDate", "POST", p + "/opportunities", `{"title":"x","kind":"other","next_step_date":"soon"}`, "next_step_date"},
			{"OppLink", "POST", p + "/opportunities", `{"title":"x","kind":"other","link":"ftp://x"}`, "link"},
			{"OppUnknownField", "POST", p + "/opportunities", `{"title":"x","kind":"other","salary":1}`, ""},
			{"OppPatchEmpty", "PATCH", fmt.Sprintf("%s/opportunities/%d", p, opp), `{}`, "title"},
			{"OppPatchTitle", "PATCH", fmt.Sprintf("%s/opportunities/%d", p, opp), `{"title":""}`, "title"},
			{"OppPatchDate", "PATCH", fmt.Sprintf("%s/opportunities/%d", p, opp), `{"next_step_date":"31/12"}`, "next_step_date"},
			{"OppID", "GET", p + "/opportunities/x", "", "id"},
			{"MoveSame", "POST", fmt.Sprintf("%s/opportunities/%d/stage", p, opp), `{"stage":"spotted"}`, "stage"},
			{"MoveStage", "POST", fmt.Sprintf("%s/opportunities/%d/stage", p, opp), `{"stage":"hired"}`, "stage"},
			{"MoveDate", "POST", fmt.Sprintf("%s/opportunities/%d/stage", p, opp), `{"stage":"applied","date":"x"}`, "date"},
			{"TalkDate", "PUT", p + "/opportunities/supervisor-talk", `{"date":"2999-01-01"}`, "date"},
			{"TalkDateFormat", "PUT", p + "/opportunities/supervisor-talk", `{"date":"today"}`, "date"},
			{"BulletEmpty", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bullet), `{}`, "text"},
			{"BulletText", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bullet), `{"text":" "}`, "text"},
			{"BulletTextLong", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bullet), `{"text":"` + strings.Repeat("x", 501) + `"}`, "text"},
			{"BulletPosition", "PATCH", fmt.Sprintf("%s/resume/bullets/%d", p, bullet), `{"position":0}`, "position"},
			{"BulletID", "PATCH", p + "/resume/bullets/x", `{"text":"x"}`, "id"},
			{"CoverOpportunity", "GET", p + "/cover-letter?opportunity=x", "", "opportunity"},
			{"QuestionsCategory", "GET", p + "/interview/questions?category=astrology", "", "category"},
			{"PracticeQuestionFilter", "GET", p + "/interview/practice?question=nope", "", "question"},
			{"PracticeQuestion", "POST", p + "/interview/practice", `{"question":"nope","answer":"x","rating":3}`, "question"},
			{"PracticeAnswer", "POST", p + "/interview/practice", `{"question":"budget-cut","answer":"","rating":3}`, "answer"},
			{"PracticeRating", "POST", p + "/interview/practice", `{"question":"budget-cut","answer":"x","rating":6}`, "rating"},
			{"PracticeDate", "POST", p + "/interview/practice", `{"question":"budget-cut","answer":"x","rating":3,"date":"x"}`, "date"},
			{"PracticeEvidence", "POST", p + "/interview/practice", `{"question":"budget-cut","answer":"x","rating":3,"evidence_ids":[999999]}`, "evidence"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusBadRequest)
				if pr := res.problem(t); tt.field != "" && pr.Errors[tt.field] == "" {
					t.Errorf("no message for %q: %+v", tt.field, pr)
				}
			})
		}
		after, _ := e.j.Opportunities.FindOpportunities(context.Background(), e.alice.ID)
		if len(after) != len(before) {
			t.Errorf("%d opportunities before, %d after refused requests", len(before), len(after))
		}
		if _, err := e.j.Opportunities.FindSupervisorTalk(context.Background(), e.alice.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a refused talk was saved: %v", err)
		}
		if as, _ := e.j.Resume.FindPracticeAnswers(context.Background(), e.alice.ID, "budget-cut"); len(as) != 0 {
			t.Errorf("a refused answer was saved: %+v", as)
		}
	})
}
