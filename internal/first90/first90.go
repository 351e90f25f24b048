// Package first90 turns the 30/60/90-day template of internal/firstdays into
// a person's dated, stored plan and says where the person stands in it. It
// is pure logic: no I/O, the same answer for the same arguments.
package first90

import (
	"slices"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// Steps makes the plan for role from the template, keeping what the person
// already did. The rules, for a plan made again after a change of start
// date or situation:
//
//   - every template step of the situation gets its due date from the
//     start date; a step the person already has (same key) keeps its id,
//     done state, done time and note, and takes the new date, phase, text
//     and emphasis;
//   - a done step the new situation leaves out stays as it is: done work
//     is part of the record;
//   - a step not done that the new situation leaves out goes.
//
// The result is ordered by due date, template order breaking ties.
func Steps(c *firstdays.Content, role *ladder.ManagerRole, existing []*ladder.First90Step) []*ladder.First90Step {
	byKey := map[string]*ladder.First90Step{}
	for _, s := range existing {
		if _, dup := byKey[s.Key]; !dup {
			byKey[s.Key] = s
		}
	}
	used := map[*ladder.First90Step]bool{}
	var out []*ladder.First90Step
	for _, t := range c.Plan(role.Situation, ladder.Day(role.Start)) {
		s := &ladder.First90Step{PersonID: role.PersonID, Key: t.Key, Phase: t.Phase, Title: t.Title,
			Description: t.Description, Theme: t.Theme, Emphasised: t.Emphasised, Due: t.Due}
		if old := byKey[t.Key]; old != nil {
			s.ID, s.Done, s.DoneAt, s.Note = old.ID, old.Done, old.DoneAt, old.Note
			used[old] = true
		}
		out = append(out, s)
	}
	for _, old := range existing {
		if old.Done && !used[old] {
			kept := *old
			kept.PersonID = role.PersonID
			out = append(out, &kept)
		}
	}
	slices.SortStableFunc(out, func(a, b *ladder.First90Step) int { return a.Due.Compare(b.Due) })
	return out
}

// Position is where a person stands in the first 90 days on a given day.
type Position struct {
	// Day is the day of the plan, 1 on the start date. It is 0 or less
	// before the start and above Days after the end.
	Day int
	// Days is the length of the plan: the end day of the last phase.
	Days int
	// Phase is the phase holding Day; the zero Phase outside the plan.
	Phase firstdays.Phase
}

// Before reports whether the role has not started yet.
func (p Position) Before() bool { return p.Day < 1 }

// After reports whether the plan's days are over.
func (p Position) After() bool { return p.Day > p.Days }

// Where returns the position on today for a role started on start.
func Where(c *firstdays.Content, start, today time.Time) Position {
	p := Position{Day: days(ladder.Day(start), ladder.Day(today)) + 1}
	if n := len(c.Phases); n > 0 {
		p.Days = c.Phases[n-1].EndDay
	}
	for _, ph := range c.Phases {
		if p.Day >= ph.StartDay && p.Day <= ph.EndDay {
			p.Phase = ph
		}
	}
	return p
}

// days counts whole days from a to b (both days at 00:00 UTC); negative
// when b is before a. Dividing hours would go wrong across a clock change
// in other zones; UTC days have none, but dates keep it obvious.
func days(a, b time.Time) int {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// Overdue returns the steps not done whose due day is before today, the
// oldest first.
func Overdue(steps []*ladder.First90Step, today time.Time) []*ladder.First90Step {
	today = ladder.Day(today)
	var out []*ladder.First90Step
	for _, s := range steps {
		if !s.Done && s.Due.Before(today) {
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b *ladder.First90Step) int { return a.Due.Compare(b.Due) })
	return out
}

// PhaseProgress is how many of a phase's steps are done.
type PhaseProgress struct {
	Phase firstdays.Phase
	Steps []*ladder.First90Step
	Done  int
}

// ByPhase groups steps by the template's phases in order; steps of a phase
// the template no longer has go with the phase their due day falls in.
func ByPhase(c *firstdays.Content, start time.Time, steps []*ladder.First90Step) []PhaseProgress {
	out := make([]PhaseProgress, len(c.Phases))
	index := map[string]int{}
	for i, p := range c.Phases {
		out[i].Phase = p
		index[p.Key] = i
	}
	for _, s := range steps {
		i, ok := index[s.Phase]
		if !ok {
			d := days(ladder.Day(start), s.Due) + 1
			i = slices.IndexFunc(c.Phases, func(p firstdays.Phase) bool { return d <= p.EndDay })
			if i < 0 {
				i = len(c.Phases) - 1
			}
		}
		out[i].Steps = append(out[i].Steps, s)
		if s.Done {
			out[i].Done++
		}
	}
	for i := range out {
		slices.SortStableFunc(out[i].Steps, func(a, b *ladder.First90Step) int { return a.Due.Compare(b.Due) })
	}
	return out
}

// Hours is what a delegation list accounts for, in hours a week.
type Hours struct {
	Mine        float64 // still done by the manager
	HandingOver float64 // being handed over
	Freed       float64 // owned by someone else now
}

// DelegationHours adds up the hours of a delegation list by status.
func DelegationHours(ds []*ladder.Delegation) Hours {
	var h Hours
	for _, d := range ds {
		switch d.Status {
		case ladder.DelegationDelegated:
			h.Freed += d.HoursPerWeek
		case ladder.DelegationHandingOver:
			h.HandingOver += d.HoursPerWeek
		default:
			h.Mine += d.HoursPerWeek
		}
	}
	return h
}
