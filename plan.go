package ladder

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// Action kinds of the 70-20-10 rule of thumb (Lombardo and Eichinger, Center
// for Creative Leadership): about 70% challenging experience on the job, 20%
// learning from others and feedback, 10% formal courses and reading. It is
// guidance, not a measured law, and the product presents it as such.
const (
	Kind70 = "experience"
	Kind20 = "others"
	Kind10 = "formal"
)

// ActionKinds returns the action kinds in 70-20-10 order.
func ActionKinds() []string { return []string{Kind70, Kind20, Kind10} }

// KindShare returns the share of actions (0-1) that 70-20-10 suggests for
// kind, 0 for an unknown kind.
func KindShare(kind string) float64 {
	switch kind {
	case Kind70:
		return 0.7
	case Kind20:
		return 0.2
	case Kind10:
		return 0.1
	}
	return 0
}

// Plan is a person's development plan towards a target role: SMART goals
// for the biggest gaps, each with actions scheduled between Start and End.
type Plan struct {
	ID         int64 // 0 until stored
	PersonID   int64
	TargetRole string // role slug
	// Start and End bound the horizon; End is the last day of the plan.
	Start time.Time
	End   time.Time
	Goals []Goal
	// HoursPerMonth is the monthly load the plan was generated for, 0
	// when unknown.
	HoursPerMonth int
	GeneratedAt   time.Time
}

// Goal is one SMART goal (George T. Doran, 1981): specific, measurable,
// achievable, relevant and time-bound, for one competency.
type Goal struct {
	ID          int64 // 0 until stored
	Competency  string
	Specific    string // the behaviour to show, from the model's level descriptor
	Measure     string // how the person and others will know it is reached
	TargetLevel int
	TargetDate  time.Time
	Why         string // relevance to the target role
	Achievable  string // why the goal fits the time and load chosen
	Actions     []PlanAction
	Done        bool
	// Edited marks a goal the user changed; regeneration leaves it alone.
	Edited bool
}

// PlanAction is one concrete step of a goal, from the action catalogue
// (Key set) or written by the user (Key empty).
type PlanAction struct {
	ID           int64 // 0 until stored
	Key          string
	Title        string
	Kind         string // Kind70, Kind20 or Kind10
	Category     string // e.g. lead-project, mentor-colleague
	Competencies []string
	EffortHours  int
	DoneWhen     string // an observable criterion
	// Start and Due bound when the work happens. The effort is counted
	// evenly over the calendar months from Start to Due, which is how the
	// planner keeps every month within the chosen load.
	Start time.Time
	Due   time.Time
	Why   string   // why the action is in the plan, and why at that time
	After []string // keys of actions that must be finished first
	Done  bool
	// Edited marks an action the user changed; Dropped one the user removed
	// from the plan (kept so that regeneration does not offer it again).
	Edited  bool
	Dropped bool
	Order   int // position within its goal, from 1
}

// Mix counts a plan's actions (dropped ones excluded) by 70-20-10 kind.
type Mix struct {
	Experience, Others, Formal int
}

// Total returns the number of actions counted.
func (m Mix) Total() int { return m.Experience + m.Others + m.Formal }

// Share returns the share (0-1) of kind among the actions counted.
func (m Mix) Share(kind string) float64 {
	if m.Total() == 0 {
		return 0
	}
	n := 0
	switch kind {
	case Kind70:
		n = m.Experience
	case Kind20:
		n = m.Others
	case Kind10:
		n = m.Formal
	}
	return float64(n) / float64(m.Total())
}

// Add counts one action of kind; other kinds are ignored.
func (m *Mix) Add(kind string, n int) {
	switch kind {
	case Kind70:
		m.Experience += n
	case Kind20:
		m.Others += n
	case Kind10:
		m.Formal += n
	}
}

// Mix counts the plan's actions that are not dropped, by kind.
func (p *Plan) Mix() Mix {
	var m Mix
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if !a.Dropped {
				m.Add(a.Kind, 1)
			}
		}
	}
	return m
}

// Action returns the action with catalogue key k and its goal index.
func (p *Plan) Action(k string) (PlanAction, int, bool) {
	for gi, g := range p.Goals {
		for _, a := range g.Actions {
			if k != "" && a.Key == k {
				return a, gi, true
			}
		}
	}
	return PlanAction{}, -1, false
}

// Validate checks a plan: its horizon, every goal and action, unique
// catalogue keys and prerequisites that name actions of the plan. Dates of
// actions are not held to the horizon: completed actions of an earlier
// plan keep their dates when the plan is regenerated.
func (p *Plan) Validate() error {
	f := FieldErrors{}
	p.TargetRole = strings.TrimSpace(p.TargetRole)
	if p.TargetRole == "" {
		f.Add("target_role", "is required")
	}
	switch {
	case p.Start.IsZero():
		f.Add("start", "is required")
	case p.End.IsZero():
		f.Add("end", "is required")
	case !p.End.After(p.Start):
		f.Add("end", "must be after the start")
	}
	keys := map[string]bool{}
	for gi := range p.Goals {
		g := &p.Goals[gi]
		g.validate(f, fmt.Sprintf("goals[%d].", gi))
		for ai, a := range g.Actions {
			if a.Key == "" {
				continue
			}
			if keys[a.Key] {
				f.Add(fmt.Sprintf("goals[%d].actions[%d].key", gi, ai), "%q is in the plan twice", a.Key)
			}
			keys[a.Key] = true
		}
	}
	for gi, g := range p.Goals {
		for ai, a := range g.Actions {
			for _, k := range a.After {
				if !keys[k] {
					f.Add(fmt.Sprintf("goals[%d].actions[%d].after", gi, ai), "%q is not an action of the plan", k)
				}
			}
		}
	}
	return f.Err("The plan is not valid.")
}

// Validate checks one goal on its own.
func (g *Goal) Validate() error {
	f := FieldErrors{}
	g.validate(f, "")
	return f.Err("The goal is not valid.")
}

func (g *Goal) validate(f FieldErrors, prefix string) {
	g.Competency = strings.TrimSpace(g.Competency)
	if g.Competency == "" {
		f.Add(prefix+"competency", "is required")
	}
	requireText(f, prefix+"specific", &g.Specific, 2000)
	requireText(f, prefix+"measure", &g.Measure, 2000)
	requireText(f, prefix+"why", &g.Why, 2000)
	requireText(f, prefix+"achievable", &g.Achievable, 2000)
	if g.TargetLevel < MinLevel || g.TargetLevel > MaxLevel {
		f.Add(prefix+"target_level", "must be between %d and %d", MinLevel, MaxLevel)
	}
	if g.TargetDate.IsZero() {
		f.Add(prefix+"target_date", "is required")
	}
	for i := range g.Actions {
		g.Actions[i].validate(f, fmt.Sprintf("%sactions[%d].", prefix, i))
	}
}

// Validate checks one action on its own.
func (a *PlanAction) Validate() error {
	f := FieldErrors{}
	a.validate(f, "")
	return f.Err("The action is not valid.")
}

func (a *PlanAction) validate(f FieldErrors, prefix string) {
	requireText(f, prefix+"title", &a.Title, 200)
	requireText(f, prefix+"done_when", &a.DoneWhen, 1000)
	if KindShare(a.Kind) == 0 {
		f.Add(prefix+"kind", "must be %s, %s or %s", Kind70, Kind20, Kind10)
	}
	if len(a.Category) > 60 {
		f.Add(prefix+"category", "must be at most 60 characters")
	}
	if a.EffortHours < 1 || a.EffortHours > 500 {
		f.Add(prefix+"effort_hours", "must be between 1 and 500")
	}
	switch {
	case a.Due.IsZero():
		f.Add(prefix+"due", "is required")
	case !a.Start.IsZero() && a.Due.Before(a.Start):
		f.Add(prefix+"due", "must not be before the start")
	}
	if len(a.Why) > 2000 {
		f.Add(prefix+"why", "must be at most 2000 characters")
	}
	for _, k := range a.After {
		if k == "" || k == a.Key {
			f.Add(prefix+"after", "must name other actions")
		}
	}
	for _, c := range a.Competencies {
		if strings.TrimSpace(c) == "" {
			f.Add(prefix+"competencies", "must not contain empty keys")
		}
	}
	if a.Order < 0 {
		f.Add(prefix+"order", "must not be negative")
	}
}

// requireText trims *s and records a message when it is empty or longer than max.
func requireText(f FieldErrors, field string, s *string, max int) {
	*s = strings.TrimSpace(*s)
	switch {
	case *s == "":
		f.Add(field, "is required")
	case len(*s) > max:
		f.Add(field, "must be at most %d characters", max)
	}
}

// PlanService stores each person's one current plan.
//
// Errors: EINVALID for a plan that fails Validate; ENOTFOUND when the person
// has no plan, or for a plan, goal or action id that is not the person's.
type PlanService interface {
	// FindPlan returns the person's plan with its goals and actions in order.
	FindPlan(ctx context.Context, personID int64) (*Plan, error)
	// SavePlan replaces the person's plan whole, all or nothing. Goals and
	// actions with an ID of the stored plan keep it; those without get one;
	// stored ones left out are deleted. Action orders become their places.
	SavePlan(ctx context.Context, p *Plan) error
	SetActionDone(ctx context.Context, personID, actionID int64, done bool) error
	SetGoalDone(ctx context.Context, personID, goalID int64, done bool) error
	// DropAction marks an action dropped: it stays in the plan so that
	// regeneration does not offer it again.
	DropAction(ctx context.Context, personID, actionID int64) error
}
