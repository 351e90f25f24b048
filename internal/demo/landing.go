package demo

import (
	"context"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// opportunities are Alex's: the team-lead role inside, already discussed
// with the supervisor; an IT manager opening outside, applied for; and a
// stretch assignment taken last winter. Stages are days before now.
var opportunities = []struct {
	o          ladder.Opportunity
	stages     []stageAt
	nextInDays int // -1 for no next step date
}{
	{ladder.Opportunity{Title: "Team lead, infrastructure and operations", Organisation: "Our IT department", Internal: true,
		Kind: ladder.OpportunityManagementRole, Notes: "Dana is moving up to head of IT in the autumn; her team-lead role opens then. " +
			"She wants to see me run the change board for a quarter first.",
		NextStep: "Send Dana a one-page outline of my first 90 days"},
		[]stageAt{{ladder.StageSpotted, 40}, {ladder.StageDiscussed, 21}}, 4},
	{ladder.Opportunity{Title: "IT manager", Organisation: "Northwind Logistics", Kind: ladder.OpportunityManagementRole,
		Link: "https://example.com/jobs/northwind-it-manager", Notes: "Team of seven, own budget, reports to the COO.",
		NextStep: "Prepare the budget and vendor stories for the first interview"},
		[]stageAt{{ladder.StageSpotted, 18}, {ladder.StageApplied, 10}}, 9},
	{ladder.Opportunity{Title: "Lead the service-desk tool selection", Organisation: "Our IT department", Internal: true,
		Kind: ladder.OpportunityStretch, Notes: "Three vendors, a shortlist for the head of IT, a pilot with two teams."},
		[]stageAt{{ladder.StageSpotted, 130}, {ladder.StageDiscussed, 120}, {ladder.StageTaken, 110}}, -1},
}

// stageAt is a stage an opportunity reached, days before now.
type stageAt struct {
	stage   string
	daysAgo int
}

// practice are two of Alex's interview practice answers, with the
// evidence titles they draw on.
var practice = []struct {
	question string
	daysAgo  int
	answer   string
	rating   int
	evidence []string
}{
	{"why-management-motivation", 12,
		"Leading the storage migration showed me I get more done by planning the work and unblocking three colleagues " +
			"than by doing it all myself. Since then I have taken on the on-call rota and mentored Priya on purpose, " +
			"and I want a role where that is the job rather than the extra.",
		3, []string{"Led the storage migration to the new SAN", "Mentored Priya, a junior administrator, through her first year"}},
	{"budget-built", 5,
		"When we had to replace the backup system I built the five-year cost of three options, with the risk each left, " +
			"and presented them to the finance director. She approved the middle option, 9,500 EUR below the vendor's " +
			"first design. Next time I would bring the running costs per year, not only the total.",
		4, []string{"Presented the backup budget to the finance director"}},
}

// loadLanding gives p opportunities, generated resume bullets and two
// practice answers. now is the demo's clock.
func loadLanding(ctx context.Context, j *journey.Journey, p *ladder.Person, now time.Time) error {
	today := ladder.Day(now)
	for _, x := range opportunities {
		o := x.o
		o.PersonID = p.ID
		o.Stage = x.stages[0].stage
		if x.nextInDays >= 0 {
			o.NextStepDate = today.AddDate(0, 0, x.nextInDays)
		}
		if err := j.Opportunities.CreateOpportunity(ctx, &o, today.AddDate(0, 0, -x.stages[0].daysAgo)); err != nil {
			return err
		}
		for _, s := range x.stages[1:] {
			if _, err := j.Opportunities.MoveOpportunity(ctx, p.ID, o.ID, s.stage, today.AddDate(0, 0, -s.daysAgo)); err != nil {
				return err
			}
		}
	}
	es, _, err := j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID})
	if err != nil {
		return err
	}
	byTitle := map[string]int64{}
	for _, e := range es {
		byTitle[e.Title] = e.ID
	}
	for _, x := range practice {
		a := &ladder.PracticeAnswer{PersonID: p.ID, Question: x.question, Date: today.AddDate(0, 0, -x.daysAgo),
			Answer: x.answer, Rating: x.rating}
		for _, t := range x.evidence {
			a.EvidenceIDs = append(a.EvidenceIDs, byTitle[t])
		}
		if err := j.Resume.CreatePracticeAnswer(ctx, a); err != nil {
			return err
		}
	}
	// Reload: the snapshot behind the ranking is keyed by the data version.
	fresh, err := j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		return err
	}
	_, err = j.GenerateResume(ctx, fresh)
	return err
}
