package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/opportunity"
)

// Pipeline is a person's opportunities with what the pipeline page shows
// around them.
type Pipeline struct {
	Opportunities []*ladder.Opportunity
	Board         []opportunity.Column
	// Talk is the recorded talk with the supervisor, nil when none.
	Talk *ladder.SupervisorTalk
	// Prompt is set when the person should talk to their supervisor
	// first; PromptReason is one of opportunity.Reason*.
	Prompt       bool
	PromptReason string
	Guide        *opportunity.Guide
}

// Pipeline loads the person's opportunities, grouped by stage, and
// whether to prompt them to talk to their supervisor.
func (j *Journey) Pipeline(ctx context.Context, personID int64) (*Pipeline, error) {
	os, err := j.Opportunities.FindOpportunities(ctx, personID)
	if err != nil {
		return nil, err
	}
	talk, err := j.Opportunities.FindSupervisorTalk(ctx, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		talk, err = nil, nil
	} else if err != nil {
		return nil, err
	}
	g, err := opportunity.LoadGuide()
	if err != nil {
		return nil, err
	}
	pl := &Pipeline{Opportunities: os, Board: opportunity.Board(os), Talk: talk, Guide: g}
	pl.Prompt, pl.PromptReason = opportunity.Prompt(os, talk != nil)
	return pl, nil
}

// OpportunityReminders returns the next steps of the person's open
// opportunities (neither taken nor declined) dated in [from, to), and
// those dated before from as overdue, ordered by date. from and to are
// days.
func (j *Journey) OpportunityReminders(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	os, err := j.Opportunities.FindOpportunities(ctx, personID)
	if err != nil {
		return nil, err
	}
	from, to = ladder.Day(from), ladder.Day(to)
	var out []ladder.Reminder
	for _, o := range os {
		d := o.NextStepDate
		if d.IsZero() || !o.Open() || !d.Before(to) {
			continue
		}
		r := ladder.Reminder{Date: d, Kind: ladder.ReminderOpportunity, Title: o.NextStep,
			Detail: opportunityDetail(o), Link: fmt.Sprintf("/opportunities/%d", o.ID),
			UID: fmt.Sprintf("%s-%d", ladder.ReminderOpportunity, o.ID), Overdue: d.Before(from)}
		if r.Title == "" {
			r.Title = "Next step: " + o.Title
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b ladder.Reminder) int { return cmp.Or(a.Date.Compare(b.Date), strings.Compare(a.UID, b.UID)) })
	return out, nil
}

// opportunityDetail names the opportunity and where it stands: "Team
// lead at Acme (applied)".
func opportunityDetail(o *ladder.Opportunity) string {
	s := o.Title
	if o.Organisation != "" {
		s += " at " + o.Organisation
	}
	label, _ := ladder.ChoiceLabel(ladder.OpportunityStages(), o.Stage)
	return fmt.Sprintf("%s (%s)", s, label)
}
