package demo

import (
	"context"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// feedbackRaters are the people Alex asked for feedback, with the answers
// of those who already sent them (nil: not yet). They are his colleagues at
// Northwind IT (org.go). The round is still open,
// so nothing of it shows and Alex's levels rest on his own ratings until he
// closes it.
var feedbackRaters = []struct {
	category, email string
	levels          map[string]int
	comment         string
}{
	{ladder.FeedbackManager, "dana.whitfield@northwind-it.example", map[string]int{"delegation": 3, "stakeholder-communication": 3, "budgeting": 2,
		"conflict-resolution": 2, "developing-people": 4, "negotiation": 3},
		"In the SAN migration Alex planned every wave and kept the department heads informed, which made the weekend outage a non-event."},
	{ladder.FeedbackPeer, "marco.ferri@northwind-it.example", map[string]int{"delegation": 2, "stakeholder-communication": 3, "conflict-resolution": 3,
		"developing-people": 4}, "When the on-call rota was unfair, Alex set rules everybody could live with; the arguments stopped."},
	{ladder.FeedbackPeer, "lena.koch@northwind-it.example", map[string]int{"delegation": 2, "stakeholder-communication": 4, "negotiation": 3}, ""},
	{ladder.FeedbackPeer, "sam.osei@northwind-it.example", nil, ""},
	{ladder.FeedbackReport, "priya.nair@northwind-it.example", map[string]int{"delegation": 3, "developing-people": 5, "conflict-resolution": 3},
		"When Alex handed me the patch rota he told me why it mattered and then let me run it; I learned more than in any course."},
	{ladder.FeedbackReport, "tom.baker@northwind-it.example", nil, ""},
	{ladder.FeedbackStakeholder, "helga.berg@northwind-it.example", nil, ""},
}

// loadFeedback gives Alex an open round of 360 feedback on six of the IT
// manager's competencies, closing in twelve days, with four answers in.
func loadFeedback(ctx context.Context, j *journey.Journey, p *ladder.Person) error {
	r, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: "Before the team lead opening",
		Competencies: []string{"delegation", "stakeholder-communication", "budgeting", "conflict-resolution", "developing-people", "negotiation"},
		ClosesOn:     ladder.Day(j.DB.Now()).AddDate(0, 0, 12)})
	if err != nil {
		return err
	}
	for _, rt := range feedbackRaters {
		// Through the store, not AddFeedbackRater: loading the demo must
		// not mail anyone, even with mail set up.
		token, err := j.Feedback.CreateFeedbackRater(ctx, &ladder.FeedbackRater{RoundID: r.ID, PersonID: p.ID, Category: rt.category, Email: rt.email})
		if err != nil {
			return err
		}
		if rt.levels == nil {
			continue
		}
		resp := ladder.FeedbackResponse{Levels: rt.levels, Comments: map[string]string{}}
		if rt.comment != "" {
			resp.Comments["delegation"] = rt.comment
		}
		if err := j.Feedback.SubmitFeedback(ctx, token, resp); err != nil {
			return err
		}
	}
	return nil
}
