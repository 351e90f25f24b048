package journey

import (
	"context"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// OwnActionHours is the effort given to an action the user adds; the
// planner needs one to spread the monthly load.
const OwnActionHours = 4

// ActionEdit is a change to one action; nil fields stay as they are.
type ActionEdit struct {
	Title    *string
	DoneWhen *string
	Due      *time.Time
}

// GoalEdit is a change to one goal; nil fields stay as they are.
type GoalEdit struct {
	Specific    *string
	Measure     *string
	TargetDate  *time.Time
	TargetLevel *int
}

// editPlan loads the person's plan, lets change alter it, validates and
// saves it whole. change returns an error to abandon the edit.
func (j *Journey) editPlan(ctx context.Context, p *ladder.Person, change func(pl *ladder.Plan) error) (*ladder.Plan, error) {
	pl, err := j.Plans().FindPlan(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	if err := change(pl); err != nil {
		return nil, err
	}
	if err := pl.Validate(); err != nil {
		return nil, err
	}
	if err := j.Plans().SavePlan(ctx, pl); err != nil {
		return nil, err
	}
	return pl, nil
}

// findAction returns the goal and action indexes of the action id.
func findAction(pl *ladder.Plan, id int64) (int, int, error) {
	for gi, g := range pl.Goals {
		for ai, a := range g.Actions {
			if id > 0 && a.ID == id {
				return gi, ai, nil
			}
		}
	}
	return -1, -1, ladder.Errorf(ladder.ENOTFOUND, "Action %d is not in your plan.", id)
}

// findGoal returns the index of the goal id.
func findGoal(pl *ladder.Plan, id int64) (int, error) {
	for gi, g := range pl.Goals {
		if id > 0 && g.ID == id {
			return gi, nil
		}
	}
	return -1, ladder.Errorf(ladder.ENOTFOUND, "Goal %d is not in your plan.", id)
}

// EditAction changes an action's title, due date or done-when criterion and
// marks it edited, so that regeneration keeps it.
//
// Errors: ENOTFOUND for an action not in the person's plan; EINVALID naming
// the field (title, done_when, due) for a bad value.
func (j *Journey) EditAction(ctx context.Context, p *ladder.Person, actionID int64, e ActionEdit) (*ladder.Plan, error) {
	return j.editPlan(ctx, p, func(pl *ladder.Plan) error {
		gi, ai, err := findAction(pl, actionID)
		if err != nil {
			return err
		}
		a := &pl.Goals[gi].Actions[ai]
		if e.Title != nil {
			a.Title = *e.Title
		}
		if e.DoneWhen != nil {
			a.DoneWhen = *e.DoneWhen
		}
		if e.Due != nil {
			a.Due = dateOnly(*e.Due)
		}
		a.Edited = true
		return a.Validate()
	})
}

// AddAction appends the user's own action (no catalogue key) to a goal. It
// starts today, or on the due date when that is earlier, and counts
// OwnActionHours of effort.
//
// Errors: ENOTFOUND for a goal not in the person's plan; EINVALID naming the
// field (title, kind, due, done_when) for a bad value.
func (j *Journey) AddAction(ctx context.Context, p *ladder.Person, goalID int64, title, kind string, due time.Time, doneWhen string) (*ladder.Plan, error) {
	return j.editPlan(ctx, p, func(pl *ladder.Plan) error {
		gi, err := findGoal(pl, goalID)
		if err != nil {
			return err
		}
		g := &pl.Goals[gi]
		now := j.DB.Now().UTC()
		start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
		a := ladder.PlanAction{Title: title, Kind: strings.TrimSpace(kind), DoneWhen: doneWhen,
			Competencies: []string{g.Competency}, EffortHours: OwnActionHours, Start: start,
			Why: "Your own action.", Edited: true, Order: len(g.Actions) + 1}
		if !due.IsZero() {
			a.Due = dateOnly(due)
			if a.Due.Before(a.Start) {
				a.Start = a.Due
			}
		}
		if strings.TrimSpace(doneWhen) == "" {
			a.DoneWhen = "Done as planned."
			if strings.TrimSpace(title) != "" {
				a.DoneWhen = strings.TrimSpace(title) + " is done."
			}
		}
		if err := a.Validate(); err != nil {
			return err
		}
		g.Actions = append(g.Actions, a)
		return nil
	})
}

// MoveAction moves an action delta places within its goal: -1 up, +1 down.
// Moving past either end stops there.
//
// Errors: ENOTFOUND for an action not in the person's plan; EINVALID (field
// direction) for a delta of 0.
func (j *Journey) MoveAction(ctx context.Context, p *ladder.Person, actionID int64, delta int) (*ladder.Plan, error) {
	return j.editPlan(ctx, p, func(pl *ladder.Plan) error {
		gi, ai, err := findAction(pl, actionID)
		if err != nil {
			return err
		}
		if delta == 0 {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The move is not valid.",
				Fields: map[string]string{"direction": "must be up or down"}}
		}
		acts := pl.Goals[gi].Actions
		to := max(0, min(len(acts)-1, ai+delta))
		a := acts[ai]
		if to < ai {
			copy(acts[to+1:ai+1], acts[to:ai])
		} else {
			copy(acts[ai:to], acts[ai+1:to+1])
		}
		acts[to] = a
		for i := range acts {
			acts[i].Order = i + 1
		}
		return nil
	})
}

// EditGoal changes a goal's specific behaviour, measure, target date or
// level and marks it edited, so that regeneration keeps it.
//
// Errors: ENOTFOUND for a goal not in the person's plan; EINVALID naming
// the field (specific, measure, target_date, target_level) for a bad value.
func (j *Journey) EditGoal(ctx context.Context, p *ladder.Person, goalID int64, e GoalEdit) (*ladder.Plan, error) {
	return j.editPlan(ctx, p, func(pl *ladder.Plan) error {
		gi, err := findGoal(pl, goalID)
		if err != nil {
			return err
		}
		g := &pl.Goals[gi]
		if e.Specific != nil {
			g.Specific = *e.Specific
		}
		if e.Measure != nil {
			g.Measure = *e.Measure
		}
		if e.TargetDate != nil {
			g.TargetDate = dateOnly(*e.TargetDate)
		}
		if e.TargetLevel != nil {
			g.TargetLevel = *e.TargetLevel
		}
		g.Edited = true
		// Validate the goal's own fields, so that errors name them without
		// the actions' prefixes.
		f := ladder.FieldErrors{}
		for _, field := range []struct {
			name string
			s    *string
		}{{"specific", &g.Specific}, {"measure", &g.Measure}} {
			*field.s = strings.TrimSpace(*field.s)
			switch {
			case *field.s == "":
				f.Add(field.name, "is required")
			case len(*field.s) > 2000:
				f.Add(field.name, "must be at most 2000 characters")
			}
		}
		if g.TargetLevel < ladder.MinLevel || g.TargetLevel > ladder.MaxLevel {
			f.Add("target_level", "must be between %d and %d", ladder.MinLevel, ladder.MaxLevel)
		}
		if g.TargetDate.IsZero() {
			f.Add("target_date", "is required")
		}
		return f.Err("The goal is not valid.")
	})
}

// dateOnly returns t's calendar day at midnight UTC.
func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}
