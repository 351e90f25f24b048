package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// Plan is the development plan towards the target role: SMART goals for
// the biggest gaps, each with its actions in order. Dates are days,
// written YYYY-MM-DD.
type Plan struct {
	ID            int64     `json:"id"`
	TargetRole    string    `json:"target_role"`
	Start         string    `json:"start" doc:"the first day of the plan (YYYY-MM-DD)"`
	End           string    `json:"end" doc:"the last day of the plan (YYYY-MM-DD)"`
	HoursPerMonth int       `json:"hours_per_month" doc:"the monthly load the plan was made for; 0 when unknown"`
	GeneratedAt   time.Time `json:"generated_at"`
	Mix           PlanMix   `json:"mix"`
	Goals         []Goal    `json:"goals"`
}

// PlanMix counts the actions not dropped by kind of the 70-20-10 rule of
// thumb, beside the share it suggests. It is guidance, not a measured law.
type PlanMix struct {
	Total      int      `json:"total" doc:"actions counted (dropped ones are not)"`
	Experience MixShare `json:"experience" doc:"challenging experience on the job (about 70%)"`
	Others     MixShare `json:"others" doc:"learning from others and feedback (about 20%)"`
	Formal     MixShare `json:"formal" doc:"courses and reading (about 10%)"`
}

// MixShare is one kind's part of the mix.
type MixShare struct {
	Actions   int     `json:"actions"`
	Share     float64 `json:"share" doc:"the share of the actions counted, 0-1"`
	Suggested float64 `json:"suggested" doc:"the share 70-20-10 suggests, 0-1"`
}

// Goal is one SMART goal for one competency.
type Goal struct {
	ID          int64        `json:"id"`
	Competency  string       `json:"competency"`
	Specific    string       `json:"specific"`
	Measure     string       `json:"measure"`
	TargetLevel int          `json:"target_level"`
	TargetDate  string       `json:"target_date" doc:"YYYY-MM-DD"`
	Why         string       `json:"why"`
	Achievable  string       `json:"achievable"`
	Done        bool         `json:"done"`
	Edited      bool         `json:"edited"`
	Actions     []PlanAction `json:"actions"`
}

// PlanAction is one step of a goal.
type PlanAction struct {
	ID           int64    `json:"id"`
	Key          string   `json:"key" doc:"the catalogue key; empty for an action the person wrote"`
	Title        string   `json:"title"`
	Kind         string   `json:"kind" enum:"experience,others,formal"`
	Category     string   `json:"category"`
	Competencies []string `json:"competencies"`
	EffortHours  int      `json:"effort_hours"`
	DoneWhen     string   `json:"done_when" doc:"an observable criterion"`
	Start        *string  `json:"start" doc:"when the work starts (YYYY-MM-DD); null when not set"`
	Due          string   `json:"due" doc:"YYYY-MM-DD"`
	Why          string   `json:"why"`
	After        []string `json:"after" doc:"keys of actions to finish first"`
	Done         bool     `json:"done"`
	Edited       bool     `json:"edited"`
	Dropped      bool     `json:"dropped" doc:"removed from the plan; kept so that regeneration does not offer it again"`
	Order        int      `json:"order" doc:"the position within its goal, from 1"`
}

// NewPlan converts a plan.
func NewPlan(p *ladder.Plan) Plan {
	out := Plan{ID: p.ID, TargetRole: p.TargetRole, Start: p.Start.Format(time.DateOnly), End: p.End.Format(time.DateOnly),
		HoursPerMonth: p.HoursPerMonth, GeneratedAt: p.GeneratedAt, Mix: newPlanMix(p.Mix()), Goals: []Goal{}}
	for _, g := range p.Goals {
		wg := Goal{ID: g.ID, Competency: g.Competency, Specific: g.Specific, Measure: g.Measure, TargetLevel: g.TargetLevel,
			TargetDate: g.TargetDate.Format(time.DateOnly), Why: g.Why, Achievable: g.Achievable, Done: g.Done,
			Edited: g.Edited, Actions: []PlanAction{}}
		for _, a := range g.Actions {
			wg.Actions = append(wg.Actions, NewPlanAction(a))
		}
		out.Goals = append(out.Goals, wg)
	}
	return out
}

func newPlanMix(m ladder.Mix) PlanMix {
	share := func(kind string, n int) MixShare {
		return MixShare{Actions: n, Share: m.Share(kind), Suggested: ladder.KindShare(kind)}
	}
	return PlanMix{Total: m.Total(), Experience: share(ladder.Kind70, m.Experience),
		Others: share(ladder.Kind20, m.Others), Formal: share(ladder.Kind10, m.Formal)}
}

// NewPlanAction converts an action.
func NewPlanAction(a ladder.PlanAction) PlanAction {
	out := PlanAction{ID: a.ID, Key: a.Key, Title: a.Title, Kind: a.Kind, Category: a.Category,
		Competencies: append([]string{}, a.Competencies...), EffortHours: a.EffortHours, DoneWhen: a.DoneWhen,
		Due: a.Due.Format(time.DateOnly), Why: a.Why, After: append([]string{}, a.After...), Done: a.Done,
		Edited: a.Edited, Dropped: a.Dropped, Order: a.Order}
	if !a.Start.IsZero() {
		s := a.Start.Format(time.DateOnly)
		out.Start = &s
	}
	return out
}

// PlanGenerate is the body of POST /api/v1/plan/generate. Give months or
// until, not both; with neither the plan runs 12 months.
type PlanGenerate struct {
	Months        int    `json:"months,omitempty" doc:"the horizon: 6, 12 or 18 months (default 12)"`
	Until         string `json:"until,omitempty" doc:"the last day instead (YYYY-MM-DD), four weeks to three years away"`
	HoursPerMonth int    `json:"hours_per_month,omitempty" doc:"the monthly load, 2-80 hours (default 12)"`
}

// PlanActionUpdate is the body of POST /api/v1/plan/actions/{id}: either
// done, or dropped (true).
type PlanActionUpdate struct {
	Done    *bool `json:"done,omitempty" doc:"mark the action done or not done"`
	Dropped *bool `json:"dropped,omitempty" doc:"true drops the action from the plan"`
}
