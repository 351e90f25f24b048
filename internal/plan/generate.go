package plan

import (
	"fmt"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// Defaults and bounds of the generator's knobs.
const (
	DefaultMaxGoals      = 6
	MaxGoalsLimit        = 12
	DefaultHoursPerMonth = 12
	MinHoursPerMonth     = 2
	MaxHoursPerMonth     = 80
	// maxActionsPerGoal keeps a plan readable: a goal with more new actions
	// than this is a plan nobody finishes.
	maxActionsPerGoal = 5
	// mixTolerance is how far (as a share) each kind may stray from
	// 70-20-10 in a plan of mixMinActions or more actions.
	mixTolerance  = 0.10
	mixMinActions = 10
)

// Input is everything Generate needs. It holds no clock: Start and Now come
// from the caller, so the same input always gives the same plan.
type Input struct {
	Model    *ladder.Model
	Catalog  *Catalog // nil: DefaultCatalog()
	PersonID int64
	Target   ladder.Role
	// Gaps are the gaps to the target role, the largest weighted first
	// (readiness.Gaps); gaps of zero are ignored.
	Gaps []readiness.Gap
	// Start and End bound the horizon; End is the last day (see EndAfter).
	Start time.Time
	End   time.Time
	// MaxGoals caps the open goals (0: DefaultMaxGoals).
	MaxGoals int
	// HoursPerMonth is the load the person chose (0: DefaultHoursPerMonth).
	HoursPerMonth int
	// Existing is the previous plan when regenerating, else nil.
	Existing *ladder.Plan
	// Now stamps GeneratedAt (zero: Start).
	Now time.Time
}

// EndAfter returns the last day of a horizon of months starting on start:
// EndAfter(1 March, 6) is 31 August.
func EndAfter(start time.Time, months int) time.Time {
	return dateOf(start).AddDate(0, months, -1)
}

// Generate builds a development plan from the biggest weighted gaps: one
// SMART goal per gap, actions from the catalogue mixed by 70-20-10 and
// scheduled so that no calendar month exceeds the chosen load, each after
// its prerequisites. With Existing it regenerates: completed and edited
// goals and actions are kept as they are, untouched ones are planned anew.
// doc.go describes the rules.
//
// Errors: EINVALID for an input that cannot give a plan (no gap, end not
// after start, unknown competency, knobs out of range).
func Generate(in Input) (*ladder.Plan, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	in = in.withDefaults()
	g := newGenerator(in)
	g.chooseGoals()
	g.chooseActions()
	g.schedule()
	return g.build(), nil
}

func (in Input) withDefaults() Input {
	if in.Catalog == nil {
		in.Catalog = DefaultCatalog()
	}
	if in.MaxGoals == 0 {
		in.MaxGoals = DefaultMaxGoals
	}
	if in.HoursPerMonth == 0 {
		in.HoursPerMonth = DefaultHoursPerMonth
	}
	in.Start, in.End = dateOf(in.Start), dateIn(in.End, in.Start.Location())
	if in.Now.IsZero() {
		in.Now = in.Start
	}
	return in
}

func (in *Input) validate() error {
	f := ladder.FieldErrors{}
	if in.Model == nil {
		f.Add("model", "is required")
	}
	if in.Target.Slug == "" {
		f.Add("target", "is required")
	}
	validateHorizon(f, in.Start, in.End)
	if in.MaxGoals < 0 || in.MaxGoals > MaxGoalsLimit {
		f.Add("max_goals", "must be between 1 and %d", MaxGoalsLimit)
	}
	if in.HoursPerMonth != 0 && (in.HoursPerMonth < MinHoursPerMonth || in.HoursPerMonth > MaxHoursPerMonth) {
		f.Add("hours_per_month", "must be between %d and %d", MinHoursPerMonth, MaxHoursPerMonth)
	}
	open := 0
	for i, gp := range in.Gaps {
		if in.Model != nil {
			if _, ok := in.Model.Competency(gp.Competency); !ok {
				f.Add(fmt.Sprintf("gaps[%d].competency", i), "%q is not a competency of the model", gp.Competency)
			}
		}
		if gp.Gap > 0 {
			open++
		}
	}
	if open == 0 {
		f.Add("gaps", "there is no gap to plan for: the current levels meet the role")
	}
	return f.Err("A plan cannot be generated from this input.")
}

func validateHorizon(f ladder.FieldErrors, start, end time.Time) {
	switch {
	case start.IsZero():
		f.Add("start", "is required")
	case end.IsZero():
		f.Add("end", "is required")
	case !end.After(start):
		f.Add("end", "must be after the start")
	case dateOf(end).Before(dateOf(start).AddDate(0, 0, 27)):
		f.Add("end", "must be at least four weeks after the start")
	case dateOf(end).After(dateOf(start).AddDate(3, 0, 0)):
		f.Add("end", "must be at most three years after the start")
	}
}

// dateOf truncates t to midnight of its day in its own location.
func dateOf(t time.Time) time.Time { return dateIn(t, t.Location()) }

func dateIn(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.In(loc).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}
