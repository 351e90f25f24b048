package journey

import (
	"context"
	"fmt"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/plan"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// PlanMonths are the horizons offered in months; any other end is a date.
var PlanMonths = []int{6, 12, 18}

// PlanOptions are the person's choices for a plan: a horizon of Months
// (one of PlanMonths) or an end date Until, and the monthly load.
type PlanOptions struct {
	Months        int
	Until         time.Time
	HoursPerMonth int // 0: plan.DefaultHoursPerMonth
}

// Plans returns the plan store. The service holds no state, so a new one
// per call costs nothing.
func (j *Journey) Plans() ladder.PlanService { return sqldb.NewPlanService(j.DB) }

// GeneratePlan generates the person's plan from today over the chosen
// horizon and saves it. A stored plan is regenerated: its completed and
// edited goals and actions are kept (see plan.Input.Existing).
//
// Errors: EINVALID for options out of range or no gap to plan for.
func (j *Journey) GeneratePlan(ctx context.Context, p *ladder.Person, o PlanOptions) (*ladder.Plan, error) {
	now := j.DB.Now().UTC()
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	end, err := o.end(start)
	if err != nil {
		return nil, err
	}
	s, err := j.Snapshot(ctx, p, "")
	if err != nil {
		return nil, err
	}
	existing, err := j.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		existing = nil
	} else if err != nil {
		return nil, err
	}
	hours := o.HoursPerMonth
	if hours == 0 {
		hours = plan.DefaultHoursPerMonth
	}
	pl, err := plan.Generate(plan.Input{Model: s.Model, PersonID: p.ID, Target: s.Target, Gaps: s.Gaps(),
		Start: start, End: end, HoursPerMonth: hours, Existing: existing, Now: now})
	if err != nil {
		return nil, err
	}
	pl.PersonID, pl.HoursPerMonth = p.ID, hours
	if existing != nil {
		pl.ID = existing.ID
	}
	if err := j.Plans().SavePlan(ctx, pl); err != nil {
		return nil, err
	}
	return pl, nil
}

// end returns the last day of the horizon that starts on start.
func (o PlanOptions) end(start time.Time) (time.Time, error) {
	switch {
	case o.Months != 0 && !o.Until.IsZero():
		return time.Time{}, ladder.Errorf(ladder.EINVALID, "Choose months or an end date, not both.")
	case !o.Until.IsZero():
		return o.Until, nil
	case o.Months == 0:
		return plan.EndAfter(start, 12), nil
	}
	for _, m := range PlanMonths {
		if o.Months == m {
			return plan.EndAfter(start, m), nil
		}
	}
	return time.Time{}, &ladder.Error{Code: ladder.EINVALID, Message: "The plan's horizon is not valid.",
		Fields: map[string]string{"months": "must be 6, 12 or 18 (or give an end date)"}}
}

// PlanICS returns the plan's milestones as an iCalendar file: an all-day
// event on the due date of every action not dropped and on the target date
// of every goal. UIDs come from stored ids, so a calendar that imports the
// file again updates its events rather than duplicating them.
func PlanICS(p *ladder.Plan) []byte {
	cal := ics.NewCalendarFor("Ladder")
	cal.SetMethod(ics.MethodPublish)
	addPlanEvents(cal, p, p.GeneratedAt)
	return []byte(cal.Serialize(ics.WithNewLineWindows))
}

// addPlanEvents adds the plan's goals and actions not dropped to cal.
func addPlanEvents(cal *ics.Calendar, p *ladder.Plan, stamp time.Time) {
	for _, g := range p.Goals {
		ev := cal.AddEvent(fmt.Sprintf("goal-%d@ladder", g.ID))
		allDay(ev, g.TargetDate, stamp)
		ev.SetSummary(fmt.Sprintf("Goal: level %d in %s", g.TargetLevel, g.Competency))
		ev.SetDescription(fmt.Sprintf("%s\nWhy: %s\nMeasure: %s", g.Specific, g.Why, g.Measure))
		for _, a := range g.Actions {
			if a.Dropped {
				continue
			}
			ev := cal.AddEvent(fmt.Sprintf("action-%d@ladder", a.ID))
			allDay(ev, a.Due, stamp)
			ev.SetSummary(a.Title)
			ev.SetDescription(strings.TrimSpace(a.Why + "\nDone when: " + a.DoneWhen))
		}
	}
}

// allDay makes ev a one-day event on day; the stamp is the plan's
// generation time so that the same plan always gives the same file.
func allDay(ev *ics.VEvent, day, stamp time.Time) {
	y, m, dd := day.UTC().Date()
	d := time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	ev.SetDtStampTime(stamp)
	ev.SetAllDayStartAt(d)
	ev.SetAllDayEndAt(d.AddDate(0, 0, 1))
}
