package journey

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ladderhq/ladder"
)

// reminderSource lists one kind of dated item of a person: those due in
// [from, to) and, marked Overdue, those due before from and still open.
type reminderSource func(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error)

// sources are every place a reminder comes from. The dashboard, `ladder
// today` and the calendar export all read this one list, so an item never
// shows in one and not the others.
func (j *Journey) sources() []reminderSource {
	return []reminderSource{j.PlanReminders, j.NetworkReminders, j.OpportunityReminders, j.First90Reminders, j.FeedbackReminders}
}

// Agenda returns what the person has due in the days [from, to) and what is
// overdue before from: overdue items first, then by day, kind and title.
func (j *Journey) Agenda(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	from, to = ladder.Day(from), ladder.Day(to)
	if !to.After(from) {
		return nil, ladder.Errorf(ladder.EINVALID, "The agenda's end must be after its start.")
	}
	var out []ladder.Reminder
	for _, src := range j.sources() {
		rs, err := src(ctx, personID, from, to)
		if err != nil {
			return nil, err
		}
		out = append(out, rs...)
	}
	sortReminders(out)
	return out, nil
}

func sortReminders(rs []ladder.Reminder) {
	slices.SortStableFunc(rs, func(a, b ladder.Reminder) int {
		if a.Overdue != b.Overdue {
			if a.Overdue {
				return -1
			}
			return 1
		}
		if c := a.Date.Compare(b.Date); c != 0 {
			return c
		}
		if c := strings.Compare(a.Kind, b.Kind); c != 0 {
			return c
		}
		if c := strings.Compare(a.Title, b.Title); c != 0 {
			return c
		}
		return strings.Compare(a.UID, b.UID)
	})
}

// PlanReminders lists the plan actions due in [from, to), and those due
// earlier that are neither done nor dropped as overdue. A person without a
// plan has none.
func (j *Journey) PlanReminders(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	pl, err := j.Plans().FindPlan(ctx, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	var out []ladder.Reminder
	for _, g := range pl.Goals {
		for _, a := range g.Actions {
			if a.Done || a.Dropped {
				continue
			}
			due := ladder.Day(a.Due)
			overdue := due.Before(from)
			if !overdue && !due.Before(to) {
				continue
			}
			out = append(out, ladder.Reminder{Date: due, Kind: ladder.ReminderPlanAction, Title: a.Title,
				Detail: "Done when: " + a.DoneWhen, Link: "/plan#action-" + fmt.Sprint(a.ID),
				UID: fmt.Sprintf("%s-%d", ladder.ReminderPlanAction, a.ID), Overdue: overdue})
		}
	}
	return out, nil
}

// Calendar horizon: the calendar file carries what was due in the past year
// (so a calendar keeps its history) and everything dated in the next two.
const (
	calendarPast   = -1
	calendarFuture = 2
)

// CalendarICS returns everything dated of the person as an iCalendar file:
// the plan's goals and actions (as PlanICS) and every other reminder, each
// an all-day event with a stable UID so that importing the file again
// updates events instead of duplicating them.
func (j *Journey) CalendarICS(ctx context.Context, personID int64) ([]byte, error) {
	now := j.DB.Now()
	today := ladder.Day(now)
	cal := ics.NewCalendarFor("Ladder")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName("Ladder")
	pl, err := j.Plans().FindPlan(ctx, personID)
	switch {
	case ladder.ErrorCode(err) == ladder.ENOTFOUND:
	case err != nil:
		return nil, err
	default:
		addPlanEvents(cal, pl, now)
	}
	rs, err := j.Agenda(ctx, personID, today.AddDate(calendarPast, 0, 0), today.AddDate(calendarFuture, 0, 0))
	if err != nil {
		return nil, err
	}
	for _, r := range rs {
		if r.Kind == ladder.ReminderPlanAction {
			continue // in already, with the goals
		}
		ev := cal.AddEvent(r.UID + "@ladder")
		allDay(ev, r.Date, now)
		ev.SetSummary(r.Title)
		if r.Detail != "" {
			ev.SetDescription(r.Detail)
		}
		ev.AddProperty(ics.ComponentProperty(ics.PropertyCategories), r.Kind)
	}
	return []byte(cal.Serialize(ics.WithNewLineWindows)), nil
}
