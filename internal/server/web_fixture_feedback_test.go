package server

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
)

// feedbackFixture sends the fixture's mail through a real SMTP server on
// 127.0.0.1 (f.feedbackSink) and gives:
//   - alice an open round {aliceRound} on delegation and budgeting: her
//     manager answered (link {aliceUsedLink}), a peer has not ({aliceRater},
//     link {aliceLink}), another peer's link was withdrawn
//     ({aliceRevokedLink}); and a closed round {aliceClosedRound} where two
//     peers answered, too few to show (link {aliceClosedLink} unused);
//   - bob an open round {bobRound} with a rater {bobRater};
//   - carol a closed round {carolClosedRound} whose manager and three peers
//     answered (shown) and one stakeholder (hidden, comment "Carol's hidden
//     stakeholder comment").
//
// Alice's levels stay as they were: nothing of her closed round is shown.
func (f *webFixture) feedbackFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if f.extra == nil {
		f.extra = map[string]string{}
	}
	f.feedbackSink = mailtest.Start(t)
	cfg, err := mail.ParseURL("smtp://" + f.feedbackSink.Addr + "?from=ladder@example.com&tls=none")
	if err != nil {
		t.Fatal(err)
	}
	f.j.Mail, f.j.PublicURL = mail.NewSMTP(cfg), "http://ladder.test"
	closes := ladder.Day(time.Now()).AddDate(0, 0, 14)
	start := func(p *ladder.Person, title string) *ladder.FeedbackRound {
		r, err := f.j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: title, Competencies: []string{"delegation", "budgeting"}, ClosesOn: closes})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	rater := func(r *ladder.FeedbackRound, cat, email string) (*ladder.FeedbackRater, string) {
		rt := &ladder.FeedbackRater{RoundID: r.ID, PersonID: r.PersonID, Category: cat, Email: email}
		tok, err := f.j.Feedback.CreateFeedbackRater(ctx, rt)
		if err != nil {
			t.Fatal(err)
		}
		return rt, tok
	}
	answer := func(tok string, level int, comment string) {
		if err := f.j.Feedback.SubmitFeedback(ctx, tok, ladder.FeedbackResponse{Levels: map[string]int{"delegation": level},
			Comments: map[string]string{"": comment}}); err != nil {
			t.Fatal(err)
		}
	}
	ar := start(f.alice, "Alice's spring round")
	_, used := rater(ar, ladder.FeedbackManager, "alice.boss@example.com")
	answer(used, 3, "Alice's manager comment")
	p1, link := rater(ar, ladder.FeedbackPeer, "alice.peer1@example.com")
	p2, revoked := rater(ar, ladder.FeedbackPeer, "alice.peer2@example.com")
	if err := f.j.Feedback.RevokeFeedbackRater(ctx, f.alice.ID, p2.ID); err != nil {
		t.Fatal(err)
	}
	ac := start(f.alice, "Alice's old round")
	for i, e := range []string{"a.old1@example.com", "a.old2@example.com"} {
		_, tok := rater(ac, ladder.FeedbackPeer, e)
		answer(tok, 2+i, "Alice's hidden peer comment")
	}
	_, closedLink := rater(ac, ladder.FeedbackPeer, "a.old3@example.com")
	if err := f.j.CloseFeedbackRound(ctx, f.alice, ac.ID); err != nil {
		t.Fatal(err)
	}
	br := start(f.bob, "Bob's secret round")
	bobRater, _ := rater(br, ladder.FeedbackPeer, "bob.peer@example.com")
	cr := start(f.carol, "Carol's round")
	_, tok := rater(cr, ladder.FeedbackManager, "carol.boss@example.com")
	answer(tok, 4, "Carol's manager comment")
	for i := range 3 {
		_, tok := rater(cr, ladder.FeedbackPeer, fmt.Sprintf("carol.peer%d@example.com", i))
		answer(tok, 2+i, fmt.Sprintf("Carol's peer comment %d", i))
	}
	_, tok = rater(cr, ladder.FeedbackStakeholder, "carol.stake@example.com")
	answer(tok, 1, "Carol's hidden stakeholder comment")
	if err := f.j.CloseFeedbackRound(ctx, f.carol, cr.ID); err != nil {
		t.Fatal(err)
	}
	for k, v := range map[string]string{"{aliceRound}": fmt.Sprint(ar.ID), "{aliceRater}": fmt.Sprint(p1.ID), "{aliceLink}": link,
		"{aliceUsedLink}": used, "{aliceRevokedLink}": revoked, "{aliceClosedRound}": fmt.Sprint(ac.ID), "{aliceClosedLink}": closedLink,
		"{aliceEmail}": f.alice.Email, "{bobRound}": fmt.Sprint(br.ID), "{bobRater}": fmt.Sprint(bobRater.ID), "{carolClosedRound}": fmt.Sprint(cr.ID)} {
		f.extra[k] = v
	}
}
