package server

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// feedbackRound reloads one of a person's rounds by fixture placeholder.
func (f *webFixture) feedbackRound(t *testing.T, p *ladder.Person, placeholder string) *ladder.FeedbackRound {
	t.Helper()
	r, err := f.j.Feedback.FindFeedbackRound(context.Background(), p.ID, f.extraID(t, placeholder))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// feedbackLinkState returns the state of a fixture link.
func (f *webFixture) feedbackLinkState(t *testing.T, placeholder string) string {
	t.Helper()
	inv, err := f.j.Feedback.FindFeedbackInvitation(context.Background(), f.extra[placeholder])
	if err != nil {
		t.Fatal(err)
	}
	return inv.State
}

// feedbackWebScenarios cover the feedback pages: the happy paths, another
// person's ids (404, nothing changed), bad input (422 naming the field,
// nothing saved) and the rater's public page in each state of a link.
func feedbackWebScenarios() []webScenario {
	later := time.Now().UTC().AddDate(0, 0, 21).Format(time.DateOnly)
	unchanged := func(t *testing.T, f *webFixture, _ *httpResult) {
		if rs, _ := f.j.Feedback.FindFeedbackRounds(context.Background(), f.alice.ID); len(rs) != 2 {
			t.Errorf("alice has %d rounds", len(rs))
		}
	}
	sameRaters := func(n int) func(t *testing.T, f *webFixture, _ *httpResult) {
		return func(t *testing.T, f *webFixture, _ *httpResult) {
			if rs, _ := f.j.Feedback.FindFeedbackRaters(context.Background(), f.alice.ID, f.extraID(t, "{aliceRound}")); len(rs) != n {
				t.Errorf("alice's round has %d raters, want %d", len(rs), n)
			}
		}
	}
	return []webScenario{
		{name: "FeedbackList", req: get("/feedback", "alice"), status: 200,
			want:    []string{"Alice&#39;s spring round", "Alice&#39;s old round", "1 of 1 manager · 0 of 2 peers", "Every competency IT manager requires", "Start the round"},
			wantNot: []string{"Bob&#39;s secret round"}},
		{name: "FeedbackListWithoutTarget", req: get("/feedback", "carol"), status: 200,
			want: []string{"Carol&#39;s round", "choose a target role in"}},
		{name: "FeedbackStartChosen", req: post("/feedback", "alice", form("title", "Before the opening", "closes_on", later, "which", "chosen",
			"competencies", "negotiation", "competencies", "delegation")), status: 303, location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				rs, _ := f.j.Feedback.FindFeedbackRounds(context.Background(), f.alice.ID)
				if len(rs) != 3 || rs[0].Title != "Before the opening" || strings.Join(rs[0].Competencies, ",") != "delegation,negotiation" ||
					rs[0].Minimums.Peer != 3 {
					t.Errorf("round %+v", rs[0])
				}
			}},
		{name: "FeedbackStartTarget", req: post("/feedback", "alice", form("title", "All of it", "closes_on", later, "which", "target",
			"competencies", "negotiation")), status: 303, location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				rs, _ := f.j.Feedback.FindFeedbackRounds(context.Background(), f.alice.ID)
				if len(rs) != 3 || len(rs[0].Competencies) < 30 {
					t.Errorf("round %+v", rs[0])
				}
			}},
		{name: "ErrFeedbackStartTitle", req: post("/feedback", "alice", form("closes_on", later, "which", "target")), status: 422,
			want: []string{"Title is required"}, check: unchanged},
		{name: "ErrFeedbackStartPastDay", req: post("/feedback", "alice", form("title", "x", "closes_on", "2001-01-01", "which", "target")), status: 422,
			want: []string{"Closing day must be today or later"}, check: unchanged},
		{name: "ErrFeedbackStartNoCompetencies", req: post("/feedback", "alice", form("title", "x", "closes_on", later, "which", "chosen")), status: 422,
			want: []string{"Competencies: choose at least one competency"}, check: unchanged},
		{name: "ErrFeedbackStartUnknownCompetency", req: post("/feedback", "alice", form("title", "x", "closes_on", later, "which", "chosen",
			"competencies", "juggling")), status: 422, want: []string{"unknown competency"}, check: unchanged},
		{name: "ErrFeedbackStartNoTargetNoChoice", req: post("/feedback", "carol", form("title", "x", "closes_on", later, "which", "target")), status: 422,
			want: []string{"set a target role"}},

		// The round page: emails and counts, never who answered, no answer
		// while open.
		{name: "FeedbackRoundOpen", req: get("/feedback/rounds/{aliceRound}", "alice"), status: 200,
			want: []string{"Alice&#39;s spring round", "alice.peer1@example.com", "alice.boss@example.com", "link withdrawn", "Ask and mail the link",
				"Remind those who have not answered", "Close the round"},
			wantNot: []string{"Alice&#39;s manager comment", `id="results"`, "has answered", "not answered yet"}},
		{name: "FeedbackRoundClosedResults", req: get("/feedback/rounds/{carolClosedRound}", "carol"), status: 200,
			want: []string{`id="results"`, "your manager 4 (1)", "peers 3 (3)", "Carol&#39;s peer comment 0", "Carol&#39;s manager comment",
				"1 of 1 stakeholder"},
			wantNot: []string{"Carol&#39;s hidden stakeholder comment", "stakeholders 1", "Close the round", "Ask someone"}},
		{name: "FeedbackRoundClosedNothingShown", req: get("/feedback/rounds/{aliceClosedRound}", "alice"), status: 200,
			want: []string{"No group reached its minimum", "not shown"}, wantNot: []string{"Alice&#39;s hidden peer comment"}},
		{name: "ErrFeedbackRoundOfBob", req: get("/feedback/rounds/{bobRound}", "alice"), status: 404, wantNot: []string{"Bob&#39;s secret round"}},
		{name: "ErrFeedbackRoundBadID", req: get("/feedback/rounds/x", "alice"), status: 404},

		{name: "FeedbackAddRaterMailed", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "report", "email", "Rep@Example.com")),
			status: 303, location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				msgs := f.feedbackSink.Wait(t, 1)
				if msgs[0].To[0] != "rep@example.com" || !strings.Contains(msgs[0].Text(), "http://ladder.test/feedback/r/") ||
					!strings.Contains(msgs[0].Text(), "anonymous") {
					t.Errorf("mail %+v %q", msgs[0], msgs[0].Text())
				}
				sameRaters(4)(t, f, nil)
			}},
		{name: "ErrFeedbackAddRaterOwnEmail", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "peer", "email", "{aliceEmail}")),
			status: 422, want: []string{"Email is your own address"}, check: sameRaters(3)},
		{name: "ErrFeedbackAddRaterCategory", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "friend", "email", "f@example.com")),
			status: 422, want: []string{"Category must be one of"}, check: sameRaters(3)},
		{name: "ErrFeedbackAddRaterEmail", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "peer", "email", "nope")),
			status: 422, want: []string{"Email is not an email address"}, check: sameRaters(3)},
		{name: "ErrFeedbackAddRaterDays", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "peer", "email", "d@example.com", "days", "soon")),
			status: 422, want: []string{"Days must be 1-365"}, check: sameRaters(3)},
		{name: "ErrFeedbackAddRaterTwice", req: post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "peer", "email", "alice.peer2@example.com")),
			status: 409, want: []string{"Email is already a rater of this round"}, check: sameRaters(3)},
		{name: "ErrFeedbackAddRaterBobRound", req: post("/feedback/rounds/{bobRound}/raters", "alice", form("category", "peer", "email", "x@example.com")),
			status: 404},
		{name: "ErrFeedbackAddRaterClosed", req: post("/feedback/rounds/{aliceClosedRound}/raters", "alice", form("category", "peer", "email", "x@example.com")),
			status: 409, want: []string{"closed"}},

		{name: "FeedbackRevoke", req: post("/feedback/rounds/{aliceRound}/raters/{aliceRater}/revoke", "alice", form()), status: 303,
			location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := f.feedbackLinkState(t, "{aliceLink}"); s != ladder.FeedbackLinkRevoked {
					t.Errorf("state %q", s)
				}
			}},
		{name: "ErrFeedbackRevokeBobRater", req: post("/feedback/rounds/{aliceRound}/raters/{bobRater}/revoke", "alice", form()), status: 404},
		{name: "ErrFeedbackRevokeInBobRound", req: post("/feedback/rounds/{bobRound}/raters/{bobRater}/revoke", "alice", form()), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				rs, _ := f.j.Feedback.FindFeedbackRaters(context.Background(), f.bob.ID, f.extraID(t, "{bobRound}"))
				if len(rs) != 1 || rs[0].Revoked {
					t.Errorf("bob's rater %+v", rs)
				}
			}},
		{name: "ErrFeedbackRevokeBadID", req: post("/feedback/rounds/{aliceRound}/raters/x/revoke", "alice", form()), status: 404},

		// Reminders go by mail to the one peer who may still answer; the
		// page says how many, not who.
		{name: "FeedbackRemind", req: post("/feedback/rounds/{aliceRound}/remind", "alice", form()), status: 303, location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				msgs := f.feedbackSink.Wait(t, 1)
				if len(msgs) != 1 || msgs[0].To[0] != "alice.peer1@example.com" || !strings.HasPrefix(msgs[0].Subject, "Reminder") {
					t.Errorf("reminders %+v", msgs)
				}
				if s := f.feedbackLinkState(t, "{aliceUsedLink}"); s != ladder.FeedbackLinkUsed {
					t.Errorf("the used link is %q", s)
				}
			}},
		{name: "ErrFeedbackRemindBob", req: post("/feedback/rounds/{bobRound}/remind", "alice", form()), status: 404},
		{name: "ErrFeedbackRemindClosed", req: post("/feedback/rounds/{aliceClosedRound}/remind", "alice", form()), status: 409},

		{name: "FeedbackClose", req: post("/feedback/rounds/{aliceRound}/close", "alice", form()), status: 303, location: "/feedback/rounds/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				r := f.feedbackRound(t, f.alice, "{aliceRound}")
				if !r.Closed() || r.Results == nil || len(r.Results.Cells) != 1 || r.Results.Cells[0].Group != "manager" {
					t.Errorf("round %+v %+v", r, r.Results)
				}
				if s := f.feedbackLinkState(t, "{aliceLink}"); s != ladder.FeedbackLinkExpired {
					t.Errorf("link after closing %q", s)
				}
			}},
		{name: "ErrFeedbackCloseBob", req: post("/feedback/rounds/{bobRound}/close", "alice", form()), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if f.feedbackRound(t, f.bob, "{bobRound}").Closed() {
					t.Error("alice closed bob's round")
				}
			}},
		{name: "ErrFeedbackCloseTwice", req: post("/feedback/rounds/{aliceClosedRound}/close", "alice", form()), status: 409},

		// The rater's page: public, no navigation, never an email.
		{name: "FeedbackRaterPage", req: get("/feedback/r/{aliceLink}", ""), status: 200,
			want: []string{"Feedback for Alice", "as their peer", "Your answers are anonymous", "at least 2 other peers", "<b>Level 1</b>",
				"Not observed", "<strong>situation</strong>", "<legend>Delegation</legend>", "<legend>Budgeting and financial management</legend>"},
			wantNot: []string{"alice.peer1@example.com", "Sign out", "Alice&#39;s manager comment"}},
		{name: "FeedbackRaterPageSignedIn", req: get("/feedback/r/{aliceLink}", "bob"), status: 200,
			want: []string{"Feedback for Alice"}, wantNot: []string{"Sign out", "Bob"}},
		{name: "FeedbackRaterUsed", req: get("/feedback/r/{aliceUsedLink}", ""), status: 410,
			want: []string{"Answers already sent"}, wantNot: []string{"Alice", "boss"}},
		{name: "FeedbackRaterRevoked", req: get("/feedback/r/{aliceRevokedLink}", ""), status: 410,
			want: []string{"This link was withdrawn"}, wantNot: []string{"Alice", "peer2"}},
		{name: "FeedbackRaterExpired", req: get("/feedback/r/{aliceClosedLink}", ""), status: 410,
			want: []string{"This link has expired"}, wantNot: []string{"Alice"}},
		{name: "FeedbackRaterUnknown", req: get("/feedback/r/NOSUCHLINK", ""), status: 404, want: []string{"This link is not known"}},
		{name: "FeedbackRaterSubmit", req: post("/feedback/r/{aliceLink}", "", form("level_delegation", "4", "level_budgeting", "0",
			"comment_delegation", "In the May release Alice handed over the rota.", "comment_general", "Thanks")), status: 200,
			want: []string{"Thank you"}, wantNot: []string{"Alice"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := f.feedbackLinkState(t, "{aliceLink}"); s != ladder.FeedbackLinkUsed {
					t.Errorf("state %q", s)
				}
				if r := f.feedbackRound(t, f.alice, "{aliceRound}"); r.Counts["peer"].Answered != 1 {
					t.Errorf("counts %+v", r.Counts)
				}
			}},
		{name: "ErrFeedbackRaterSubmitLevel", req: post("/feedback/r/{aliceLink}", "", form("level_delegation", "9", "comment_delegation", "kept")),
			status: 422, want: []string{"Delegation: must be 1-5, or not observed", ">kept</textarea>"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := f.feedbackLinkState(t, "{aliceLink}"); s != ladder.FeedbackLinkOpen {
					t.Errorf("a refused answer used the link: %q", s)
				}
			}},
		{name: "ErrFeedbackRaterSubmitNotANumber", req: post("/feedback/r/{aliceLink}", "", form("level_delegation", "lots")), status: 422,
			want: []string{"must be 1-5"}},
		{name: "ErrFeedbackRaterSubmitUsed", req: post("/feedback/r/{aliceUsedLink}", "", form("level_delegation", "1")), status: 410,
			want: []string{"Answers already sent"}},
		{name: "ErrFeedbackRaterSubmitRevoked", req: post("/feedback/r/{aliceRevokedLink}", "", form("level_delegation", "1")), status: 410},
		{name: "ErrFeedbackRaterSubmitUnknown", req: post("/feedback/r/NOSUCHLINK", "", form("level_delegation", "1")), status: 404},
		{name: "ErrFeedbackRaterCrossSite", req: request{method: "POST", path: "/feedback/r/{aliceLink}", form: form("level_delegation", "1"),
			header: map[string]string{"Sec-Fetch-Site": "cross-site"}}, status: 403,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := f.feedbackLinkState(t, "{aliceLink}"); s != ladder.FeedbackLinkOpen {
					t.Errorf("a cross-site post used the link: %q", s)
				}
			}},
	}
}

// TestFeedbackWebWithoutMail: without mail, a new rater's link is shown
// once, in the answer to the form, and reminders are a note to send
// everyone.
func TestFeedbackWebWithoutMail(t *testing.T) {
	s, j, auth := newServer(t, sqldbtest.Open(t, sqldb.SQLite))
	f := newWebFixture(t, s, j, auth)
	j.Mail = nil
	rec := f.do(post("/feedback/rounds/{aliceRound}/raters", "alice", form("category", "stakeholder", "email", "cfo@example.com", "days", "3")))
	body := rec.Body.String()
	m := regexp.MustCompile(`value="http://ladder.test/feedback/r/([A-Z0-9]+)"`).FindStringSubmatch(body)
	if rec.Code != 200 || m == nil || !strings.Contains(body, "shown only now") {
		t.Fatalf("%d\n%s", rec.Code, body)
	}
	inv, err := j.Feedback.FindFeedbackInvitation(context.Background(), m[1])
	if err != nil || inv.Category != ladder.FeedbackStakeholder || inv.ExpiresAt.After(time.Now().Add(73*time.Hour)) {
		t.Fatalf("the shown link: %+v %v", inv, err)
	}
	if len(f.feedbackSink.Messages()) != 0 {
		t.Error("mail went out without a sender")
	}
	rec = f.do(get("/feedback/rounds/{aliceRound}", "alice"))
	if body := rec.Body.String(); strings.Contains(body, m[1]) || !strings.Contains(body, "A reminder to send everyone yourself") ||
		strings.Contains(body, "Remind those who have not answered") {
		t.Errorf("the round page shows the link again or offers mail:\n%s", body)
	}
	rec = f.do(post("/feedback/rounds/{aliceRound}/remind", "alice", form()))
	if rec.Code != 409 || !strings.Contains(rec.Body.String(), "mail is not set up") {
		t.Errorf("remind without mail: %d\n%s", rec.Code, rec.Body)
	}
}
