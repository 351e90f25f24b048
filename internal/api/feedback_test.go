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
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// feedbackRound starts a round of p's on delegation and negotiation with
// raters of the given categories; the first answers answer (their levels
// for delegation) and the round is closed when close is set. It returns
// the round and its raters.
func (e *env) feedbackRound(p *ladder.Person, title string, cats []string, answers []int, close bool) (*ladder.FeedbackRound, []*ladder.FeedbackRater) {
	e.t.Helper()
	ctx := context.Background()
	r, err := e.j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: title, Competencies: []string{"delegation", "negotiation"},
		ClosesOn: ladder.Day(e.db.Now()).AddDate(0, 0, 14)})
	if err != nil {
		e.t.Fatal(err)
	}
	var raters []*ladder.FeedbackRater
	for i, c := range cats {
		rt := &ladder.FeedbackRater{RoundID: r.ID, PersonID: p.ID, Category: c, Email: fmt.Sprintf("r%d.%d@example.com", i, r.ID)}
		tok, err := e.j.Feedback.CreateFeedbackRater(ctx, rt)
		if err != nil {
			e.t.Fatal(err)
		}
		raters = append(raters, rt)
		if i < len(answers) {
			if err := e.j.Feedback.SubmitFeedback(ctx, tok, ladder.FeedbackResponse{Levels: map[string]int{"delegation": answers[i]},
				Comments: map[string]string{"": fmt.Sprintf("comment %d", i)}}); err != nil {
				e.t.Fatal(err)
			}
		}
	}
	if close {
		if err := e.j.CloseFeedbackRound(ctx, p, r.ID); err != nil {
			e.t.Fatal(err)
		}
	}
	return r, raters
}

// feedbackChanges are the operations of feedbackTour that change data.
var feedbackChanges = []string{"createFeedbackRound", "createFeedbackRater", "revokeFeedbackRater", "remindFeedbackRaters", "closeFeedbackRound"}

// feedbackTour calls every feedback operation as Alice, with mail going to
// a real SMTP server on 127.0.0.1.
func feedbackTour(e *env, n int) map[string]call {
	sink := mailtest.Start(e.t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	if err != nil {
		e.t.Fatal(err)
	}
	e.j.Mail = mail.NewSMTP(cfg)
	p := api.Prefix + "/feedback"
	open, raters := e.feedbackRound(e.alice, fmt.Sprintf("Open %d", n), []string{"peer", "peer"}, nil, false)
	toClose, _ := e.feedbackRound(e.alice, fmt.Sprintf("To close %d", n), []string{"peer"}, nil, false)
	closed, _ := e.feedbackRound(e.alice, fmt.Sprintf("Closed %d", n), []string{"manager", "peer", "peer", "peer"}, []int{2, 3, 4, 5}, true)
	later := ladder.Day(e.db.Now()).AddDate(0, 0, 20).Format(time.DateOnly)
	return map[string]call{
		"listFeedbackRounds":  {"GET", p + "/rounds", "", 200},
		"createFeedbackRound": {"POST", p + "/rounds", `{"title":"Before the opening","competencies":["budgeting"],"closes_on":"` + later + `"}`, 201},
		"getFeedbackRound":    {"GET", fmt.Sprintf("%s/rounds/%d", p, open.ID), "", 200},
		"listFeedbackRaters":  {"GET", fmt.Sprintf("%s/rounds/%d/raters", p, open.ID), "", 200},
		"createFeedbackRater": {"POST", fmt.Sprintf("%s/rounds/%d/raters", p, open.ID),
			fmt.Sprintf(`{"category":"stakeholder","email":"cfo%d@example.com","days":7}`, n), 201},
		"revokeFeedbackRater":  {"POST", fmt.Sprintf("%s/raters/%d/revoke", p, raters[1].ID), "", 204},
		"remindFeedbackRaters": {"POST", fmt.Sprintf("%s/rounds/%d/remind", p, open.ID), "", 200},
		"closeFeedbackRound":   {"POST", fmt.Sprintf("%s/rounds/%d/close", p, toClose.ID), "", 200},
		"getFeedbackResults":   {"GET", fmt.Sprintf("%s/rounds/%d/results", p, closed.ID), "", 200},
	}
}

func TestFeedbackAPI(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix + "/feedback"
		sink := mailtest.Start(t)
		cfg, _ := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
		e.j.Mail = mail.NewSMTP(cfg)
		var r api.FeedbackRound
		e.as(e.aliceToken, "POST", p+"/rounds", `{"title":"Spring","closes_on":"2099-01-01"}`).want(t, 201).decode(t, &r)
		if r.Status != "open" || len(r.Competencies) < 30 || r.Minimums.Peer != 3 || !r.Minimums.NameManager {
			t.Fatalf("%+v", r)
		}
		var created api.FeedbackRaterCreated
		e.as(e.aliceToken, "POST", fmt.Sprintf("%s/rounds/%d/raters", p, r.ID), `{"category":"peer","email":"pat@example.com"}`).
			want(t, 201).decode(t, &created)
		// Mailed: the link goes to the rater alone, not back to the person.
		if !created.Mailed || created.Link != "" || created.Email != "pat@example.com" {
			t.Errorf("%+v", created)
		}
		msg := sink.Wait(t, 1)[0]
		if !strings.Contains(msg.Text(), created.Link) {
			t.Errorf("the mailed link differs from the answer's: %q", msg.Text())
		}
		// Results wait for the round to close.
		res := e.as(e.aliceToken, "GET", fmt.Sprintf("%s/rounds/%d/results", p, r.ID), "").want(t, 409)
		if pr := res.problem(t); pr.Code != ladder.ECONFLICT {
			t.Errorf("code %q", pr.Code)
		}
		// Raters never carry whether they answered.
		body := e.as(e.aliceToken, "GET", fmt.Sprintf("%s/rounds/%d/raters", p, r.ID), "").want(t, 200).body
		if strings.Contains(string(body), "answered") {
			t.Errorf("raters say who answered: %s", body)
		}
		closed, _ := e.feedbackRound(e.alice, "Closed", []string{"manager", "peer", "peer", "peer", "report"}, []int{2, 3, 4, 5, 1}, true)
		var out api.FeedbackResults
		e.as(e.aliceToken, "GET", fmt.Sprintf("%s/rounds/%d/results", p, closed.ID), "").want(t, 200).decode(t, &out)
		d := out.Competencies[0]
		if d.Competency != "delegation" || d.Others == nil || *d.Others != 3.5 || d.Raters != 4 || len(d.Groups) != 2 ||
			out.Competencies[1].Others != nil || len(out.Comments) != 2 {
			t.Errorf("results %+v", out)
		}
		for _, c := range out.Comments {
			if strings.Contains(strings.Join(c.Texts, " "), "comment 4") {
				t.Errorf("the lone report's comment shows: %+v", c)
			}
		}
		if len(out.Round.Counts) != 3 || out.Round.Counts[2] != (api.FeedbackCount{Category: "report", Invited: 1, Answered: 1}) {
			t.Errorf("counts %+v", out.Round.Counts)
		}
		// Without mail, reminders are refused with a clear message.
		e.j.Mail = nil
		res = e.as(e.aliceToken, "POST", fmt.Sprintf("%s/rounds/%d/remind", p, r.ID), "").want(t, 409)
		if pr := res.problem(t); !strings.Contains(pr.Detail+pr.Title, "mail") {
			t.Errorf("problem %+v", pr)
		}
	})
}

// TestFeedbackOthersIDs: Alice reaches none of Bob's rounds or raters; each
// is 404 and Bob's round stays as it was.
func TestFeedbackOthersIDs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix + "/feedback"
		bobOpen, bobRaters := e.feedbackRound(e.bob, "Bob's open round", []string{"peer"}, nil, false)
		bobClosed, _ := e.feedbackRound(e.bob, "Bob's closed round", []string{"peer", "peer", "peer"}, []int{1, 2, 3}, true)
		for _, tt := range []struct{ name, method, path, body string }{
			{"GetRound", "GET", fmt.Sprintf("%s/rounds/%d", p, bobOpen.ID), ""},
			{"ListRaters", "GET", fmt.Sprintf("%s/rounds/%d/raters", p, bobOpen.ID), ""},
			{"AddRater", "POST", fmt.Sprintf("%s/rounds/%d/raters", p, bobOpen.ID), `{"category":"peer","email":"x@example.com"}`},
			{"Revoke", "POST", fmt.Sprintf("%s/raters/%d/revoke", p, bobRaters[0].ID), ""},
			{"Remind", "POST", fmt.Sprintf("%s/rounds/%d/remind", p, bobOpen.ID), ""},
			{"Close", "POST", fmt.Sprintf("%s/rounds/%d/close", p, bobOpen.ID), ""},
			{"Results", "GET", fmt.Sprintf("%s/rounds/%d/results", p, bobClosed.ID), ""},
			{"Missing", "GET", p + "/rounds/999999", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusNotFound)
				if pr := res.problem(t); pr.Code != ladder.ENOTFOUND {
					t.Errorf("code %q", pr.Code)
				}
			})
		}
		r, _ := e.j.Feedback.FindFeedbackRound(context.Background(), e.bob.ID, bobOpen.ID)
		rs, _ := e.j.Feedback.FindFeedbackRaters(context.Background(), e.bob.ID, bobOpen.ID)
		if r.Closed() || len(rs) != 1 || rs[0].Revoked {
			t.Errorf("bob's round changed: %+v %+v", r, rs)
		}
	})
}

// TestFeedbackBadInput: bad bodies are 400 naming the field; a duplicate
// rater and a closed round are 409; nothing refused is stored.
func TestFeedbackBadInput(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix + "/feedback"
		before, _ := e.j.Feedback.FindFeedbackRounds(context.Background(), e.alice.ID)
		open, _ := e.feedbackRound(e.alice, "Open", []string{"peer"}, nil, false)
		closed, _ := e.feedbackRound(e.alice, "Closed", []string{"peer"}, nil, true)
		raters := fmt.Sprintf("%s/rounds/%d/raters", p, open.ID)
		for _, tt := range []struct{ name, method, path, body, field string }{
			{"RoundErrTitle", "POST", p + "/rounds", `{"closes_on":"2099-01-01"}`, "title"},
			{"RoundErrClosesOn", "POST", p + "/rounds", `{"title":"x","closes_on":"soon"}`, "closes_on"},
			{"RoundErrPast", "POST", p + "/rounds", `{"title":"x","closes_on":"2001-01-01"}`, "closes_on"},
			{"RoundErrCompetency", "POST", p + "/rounds", `{"title":"x","closes_on":"2099-01-01","competencies":["juggling"]}`, "competencies"},
			{"RoundErrUnknownField", "POST", p + "/rounds", `{"title":"x","closes_on":"2099-01-01","anonymous":false}`, "anonymous"},
			{"RaterErrCategory", "POST", raters, `{"category":"friend","email":"f@example.com"}`, "category"},
			{"RaterErrEmail", "POST", raters, `{"category":"peer","email":"nope"}`, "email"},
			{"RaterErrOwnEmail", "POST", raters, `{"category":"peer","email":"` + e.alice.Email + `"}`, "email"},
			{"RaterErrDays", "POST", raters, `{"category":"peer","email":"d@example.com","days":400}`, "days"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusBadRequest)
				pr := res.problem(t)
				if _, ok := pr.Errors[tt.field]; !ok {
					t.Errorf("errors %v do not name %q (%s)", pr.Errors, tt.field, pr.Detail)
				}
			})
		}
		e.as(e.aliceToken, "POST", raters, `{"category":"peer","email":"r0.`+fmt.Sprint(open.ID)+`@example.com"}`).want(t, 409)
		e.as(e.aliceToken, "POST", fmt.Sprintf("%s/rounds/%d/raters", p, closed.ID), `{"category":"peer","email":"n@example.com"}`).want(t, 409)
		e.as(e.aliceToken, "POST", fmt.Sprintf("%s/rounds/%d/close", p, closed.ID), "").want(t, 409)
		rs, _ := e.j.Feedback.FindFeedbackRounds(context.Background(), e.alice.ID)
		got, _ := e.j.Feedback.FindFeedbackRaters(context.Background(), e.alice.ID, open.ID)
		if len(rs) != len(before)+2 || len(got) != 1 {
			t.Errorf("a refused change was stored: %d rounds, %d raters", len(rs), len(got))
		}
	})
}
