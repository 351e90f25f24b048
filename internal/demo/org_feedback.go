package demo

import (
	"context"
	"fmt"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// The demo organisation's 360 rounds, started by Jordan for the cohorts
// through the store (loading the demo never mails anyone): Alex's spring
// round, answered by ten of eleven and closed, so that every group reaches
// its minimum and shows; and the autumn cohort's rounds, open, about half
// answered.

// springExtra are the stakeholders Jordan added to Alex's round by hand
// beside his mentor; Kofi does not answer.
var springExtra = []string{"Helga Berg", "Rafael Ortiz", "Kofi Mensah"}

// springBias is how each category sees Alex against his own rating: his
// reports see more than he does, his peers a little less.
var springBias = map[string]int{ladder.FeedbackManager: 0, ladder.FeedbackPeer: -1, ladder.FeedbackReport: 1, ladder.FeedbackStakeholder: 0}

// springComments are the general comments, by category, one per rater in
// order; situation, behaviour, impact, as raters are guided to write.
var springComments = map[string][]string{
	ladder.FeedbackManager: {"During the SAN migration Alex planned every wave and kept the department heads informed: the weekend outage passed without a single complaint."},
	ladder.FeedbackPeer: {
		"When the on-call rota kept breaking, Alex wrote rules we could all live with and the swapping by chat stopped.",
		"In the firmware outage Alex split us into fixing and informing; the business got hourly updates and nobody had to chase us.",
		"Alex still takes the hard tickets himself when the queue is long; handing more of them over would free him for planning.",
	},
	ladder.FeedbackReport: {
		"When Alex handed me the patch rota he explained why it mattered and then let me run it; I learned more than in any course.",
		"Our fortnightly one-to-ones always end with one thing to try; it keeps me moving.",
		"When I made a mistake on the backup job Alex asked what I had learned instead of fixing it for me.",
	},
	ladder.FeedbackStakeholder: {
		"The backup budget Alex presented showed three options with their five-year cost: finance approved it in one meeting.",
		"In the storage renewal Alex compared our real usage with the quote and saved us a tier we never used.",
		"Alex explains outages to my team in plain words, which keeps the trust up when things go wrong.",
	},
}

// springRound starts Alex's round for the spring cohort, lets ten raters
// answer and has Alex close it.
func (o *orgLoader) springRound(ctx context.Context, alex *ladder.Person) error {
	v, st, err := o.cohortStart(ctx, "spring", "Spring cohort 360", o.day)
	if err != nil {
		return err
	}
	m := v.Member(alex.ID)
	if m == nil {
		return fmt.Errorf("demo: Alex is not in the spring cohort")
	}
	raters := append([]ladder.CohortRater(nil), m.Proposed...)
	for _, name := range springExtra {
		raters = append(raters, ladder.CohortRater{Category: ladder.FeedbackStakeholder, Email: orgEmail(name)})
	}
	st.Rounds = []ladder.CohortRound{{PersonID: alex.ID, Raters: raters}}
	res, err := o.j.CohortRounds.StartCohortFeedback(ctx, st)
	if err != nil {
		return err
	}
	started := res[0]
	seen := map[string]int{}
	for i, r := range started.Raters {
		if r.Email == orgEmail("Kofi Mensah") {
			continue
		}
		resp := ladder.FeedbackResponse{Levels: map[string]int{}, Comments: map[string]string{}}
		for k, c := range started.Round.Competencies {
			lv := second[c]
			if lv == 0 {
				lv = 2
			}
			resp.Levels[c] = clampLevel(lv + springBias[r.Category] + (k+i)%3 - 1)
		}
		if texts := springComments[r.Category]; seen[r.Category] < len(texts) {
			resp.Comments[""] = texts[seen[r.Category]]
		}
		seen[r.Category]++
		if err := o.j.Feedback.SubmitFeedback(ctx, started.Tokens[i], resp); err != nil {
			return err
		}
	}
	return o.j.CloseFeedbackRound(ctx, alex, started.Round.ID)
}

// autumnRounds starts the autumn cohort's rounds with the raters the chart
// proposes; every other rater has answered.
func (o *orgLoader) autumnRounds(ctx context.Context, _ *ladder.Person) error {
	v, st, err := o.cohortStart(ctx, "autumn", "Autumn cohort 360", o.day.AddDate(0, 0, 16))
	if err != nil {
		return err
	}
	for _, m := range v.Members {
		st.Rounds = append(st.Rounds, ladder.CohortRound{PersonID: m.PersonID, Raters: m.Proposed})
	}
	res, err := o.j.CohortRounds.StartCohortFeedback(ctx, st)
	if err != nil {
		return err
	}
	for n, started := range res {
		for i, r := range started.Raters {
			if (i+n)%2 == 1 {
				continue
			}
			resp := ladder.FeedbackResponse{Levels: map[string]int{}}
			for k, c := range started.Round.Competencies {
				resp.Levels[c] = clampLevel(2 + springBias[r.Category] + (k+i+n)%3 - 1)
			}
			if err := o.j.Feedback.SubmitFeedback(ctx, started.Tokens[i], resp); err != nil {
				return err
			}
		}
	}
	return nil
}

// cohortStart reads a cohort as Jordan sees it and the start of its
// rounds, without raters yet.
func (o *orgLoader) cohortStart(ctx context.Context, cohort, title string, closes time.Time) (*journey.CohortFeedbackView, *ladder.CohortFeedbackStart, error) {
	jordan, err := o.person(ctx, "Jordan Ellis")
	if err != nil {
		return nil, nil, err
	}
	v, err := o.j.CohortFeedback(ctx, jordan, o.cohorts[cohort].ID)
	if err != nil {
		return nil, nil, err
	}
	mins, err := o.j.FeedbackMinimums(ctx, jordan.ID)
	if err != nil {
		return nil, nil, err
	}
	return v, &ladder.CohortFeedbackStart{OrgID: v.Org.ID, CohortID: v.Cohort.ID, ActorID: jordan.ID, Title: title,
		Competencies: v.Competencies, ClosesOn: closes, Minimums: ladder.FeedbackMinimums(mins)}, nil
}
