package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// knownHabit reports whether key is a trust habit of the content.
func knownHabit(key string) bool {
	c, err := firstdays.Load()
	if err != nil {
		return false
	}
	_, _, ok := c.Habit(key)
	return ok
}

// PreviewFirst90 returns the plan role would get, without storing
// anything: the set-up form shows it before the person commits.
func (j *Journey) PreviewFirst90(role *ladder.ManagerRole) ([]*ladder.First90Step, error) {
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	return first90.Steps(c, role, nil), nil
}

// BecomeManager records (or changes) the person's manager record and makes
// the 30/60/90-day plan again from the template, keeping what was done
// (see first90.Steps). It returns the plan.
func (j *Journey) BecomeManager(ctx context.Context, role *ladder.ManagerRole) ([]*ladder.First90Step, error) {
	if err := role.Validate(); err != nil {
		return nil, err
	}
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	existing, err := j.Manager.FindFirst90Steps(ctx, role.PersonID)
	if err != nil {
		return nil, err
	}
	steps := first90.Steps(c, role, existing)
	if err := j.Manager.SaveManagerRole(ctx, role, steps); err != nil {
		return nil, err
	}
	return steps, nil
}

// First90View is where a manager stands in the first 90 days.
type First90View struct {
	Role      *ladder.ManagerRole
	Situation firstdays.Situation
	Position  first90.Position
	Phases    []first90.PhaseProgress
	Steps     []*ladder.First90Step
	Overdue   []*ladder.First90Step
	// Next is the first few steps not done that are due today or later.
	Next []*ladder.First90Step
	Done int
}

// nextSteps is how many upcoming steps First90 lists.
const nextSteps = 3

// First90 returns the person's plan and position on today.
//
// Errors: ENOTFOUND when the person has not recorded a manager role.
func (j *Journey) First90(ctx context.Context, personID int64, today time.Time) (*First90View, error) {
	role, err := j.Manager.FindManagerRole(ctx, personID)
	if err != nil {
		return nil, err
	}
	steps, err := j.Manager.FindFirst90Steps(ctx, personID)
	if err != nil {
		return nil, err
	}
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	v := &First90View{Role: role, Position: first90.Where(c, role.Start, today), Phases: first90.ByPhase(c, role.Start, steps),
		Steps: steps, Overdue: first90.Overdue(steps, today)}
	v.Situation, _ = c.Situation(role.Situation)
	day := ladder.Day(today)
	for _, s := range steps {
		if s.Done {
			v.Done++
		} else if !s.Due.Before(day) && len(v.Next) < nextSteps {
			v.Next = append(v.Next, s)
		}
	}
	return v, nil
}

// SplitSince returns the weekly time logs from the week holding start on,
// oldest first: the hands-on/managing split since becoming a manager. The
// weeks are the learning page's (ladder.TimeLog), not a log of their own.
func (j *Journey) SplitSince(ctx context.Context, personID int64, start time.Time) ([]*ladder.TimeLog, error) {
	return j.Learning.FindWeeks(ctx, personID, ladder.WeekOf(start), time.Time{})
}

// First90Reminders returns what is due in [from, to) of the first 90 days
// and the team: plan steps (ReminderFirst90), next one-to-ones and dated
// one-to-one follow-ups (ReminderOneToOne). Steps and follow-ups not done
// and due before from come too, with Overdue set; so does a one-to-one
// whose date passed with no meeting recorded since. Dates are days.
func (j *Journey) First90Reminders(ctx context.Context, personID int64, from, to time.Time) ([]ladder.Reminder, error) {
	from, to = ladder.Day(from), ladder.Day(to)
	var out []ladder.Reminder
	add := func(date time.Time, r ladder.Reminder) {
		switch {
		case date.IsZero() || !date.Before(to):
			return
		case date.Before(from):
			r.Overdue = true
		}
		r.Date = date
		out = append(out, r)
	}
	steps, err := j.Manager.FindFirst90Steps(ctx, personID)
	if err != nil {
		return nil, err
	}
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	for _, s := range steps {
		if s.Done {
			continue
		}
		detail := "First 90 days"
		if p, ok := c.Phase(s.Phase); ok {
			detail = p.Name
		}
		add(s.Due, ladder.Reminder{Kind: ladder.ReminderFirst90, Title: s.Title, Detail: detail,
			Link: "/first90#step-" + strconv.FormatInt(s.ID, 10), UID: ladder.ReminderFirst90 + "-" + strconv.FormatInt(s.ID, 10)})
	}
	if err := j.teamReminders(ctx, personID, from, add); err != nil {
		return nil, err
	}
	// A stakeholder's next contact is a follow-up like a contact's.
	stakeholders, err := j.Stakeholders.FindStakeholders(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, st := range stakeholders {
		id := strconv.FormatInt(st.ID, 10)
		add(st.NextContact, ladder.Reminder{Kind: ladder.ReminderFollowUp, Title: "Talk to " + st.Name, Detail: st.Role,
			Link: "/stakeholders#stakeholder-" + id, UID: ladder.ReminderFollowUp + "-stakeholder-" + id})
	}
	slices.SortStableFunc(out, func(a, b ladder.Reminder) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Title, b.Title))
	})
	return out, nil
}

// teamReminders adds the next one-to-ones and the open follow-ups.
func (j *Journey) teamReminders(ctx context.Context, personID int64, from time.Time, add func(time.Time, ladder.Reminder)) error {
	members, err := j.Team.FindTeamMembers(ctx, personID)
	if err != nil {
		return err
	}
	meetings, err := j.Team.FindOneToOnes(ctx, personID, 0)
	if err != nil {
		return err
	}
	last := map[int64]time.Time{} // the latest meeting per member
	for _, o := range meetings {
		if o.Date.After(last[o.MemberID]) {
			last[o.MemberID] = o.Date
		}
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.ID] = m.Name
		id := strconv.FormatInt(m.ID, 10)
		// A booked date in the past counts as missed only while no meeting
		// was recorded on or after it.
		if m.NextOneToOne.IsZero() || (m.NextOneToOne.Before(from) && !last[m.ID].Before(m.NextOneToOne)) {
			continue
		}
		add(m.NextOneToOne, ladder.Reminder{Kind: ladder.ReminderOneToOne, Title: "One-to-one with " + m.Name, Detail: m.Role,
			Link: "/team/" + id, UID: ladder.ReminderOneToOne + "-" + id})
	}
	fus, err := j.Team.FindOpenFollowUps(ctx, personID)
	if err != nil {
		return err
	}
	for _, fu := range fus {
		id := strconv.FormatInt(fu.ID, 10)
		add(fu.Due, ladder.Reminder{Kind: ladder.ReminderOneToOne, Title: fu.Text,
			Detail: fmt.Sprintf("Follow-up from a one-to-one with %s", names[fu.MemberID]),
			Link:   "/team/" + strconv.FormatInt(fu.MemberID, 10), UID: ladder.ReminderOneToOne + "-follow-up-" + id})
	}
	return nil
}
