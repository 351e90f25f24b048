// Package plan generates development plans (PRODUCT.md C6) from a person's
// gaps to a target role, using the built-in action catalogue
// (data/actions.yaml). It is pure: no I/O and no clock, so the same Input
// always yields the same plan.
//
// # Goals
//
// The biggest weighted gaps become goals, at most MaxGoals open at a time.
// Each is a SMART goal: Specific is the model's descriptor of the target
// level; Measure is a new assessment at that level by the target date, with
// the finished actions logged as evidence; TargetLevel is one level above
// the current one (two for a horizon of a year or more), never above the
// role's requirement; TargetDate is the due date of the goal's last action;
// Why gives the role's requirement, its importance and the gap's rank;
// Achievable gives the step, the time and the hours against the load.
//
// # Actions and 70-20-10
//
// Actions are chosen one at a time. Each step takes the kind the plan is
// shortest of against 70-20-10 (experience, others, formal) counting the
// actions already in it, the goal with the fewest new actions (ties: the
// bigger gap), and the best catalogue action of that kind for it: the one
// that develops the most weight of the plan's goal competencies (so actions
// serving several goals win), then the one listed first in the catalogue
// (its order is its authors' preference).
// An action must suit the goal's current level (min_level, max_level). A
// prerequisite the plan lacks is added with it and scheduled before it; an
// action whose prerequisite the user dropped is never offered. The
// sequential choice keeps every kind within one action of its share; as a
// guard, no step may leave a plan of ten or more actions more than ten
// points from 70-20-10 unless it brings the plan closer. Choice stops when
// no action fits the calendar any more or each goal has five new actions.
//
// # Scheduling
//
// Effort is counted per calendar month: an action running from its Start
// to its Due month spreads its hours evenly over those months (Months shows
// the same count for a stored plan). Partial months at either end of the
// horizon get a pro rata share of HoursPerMonth. While choosing, each action
// takes the earliest start, then the fewest months, that fit the load, in
// priority order, and never starts before the month after its
// prerequisites are due. The chosen actions are then laid out again under
// the lowest monthly limit at which all still fit, so the work spreads over
// the horizon rather than piling up at its start.
//
// # Regeneration
//
// With Existing, completed goals are kept whole; edited goals keep their
// fields and their completed, edited, dropped and own actions (and any
// action one of those needs), and get new actions if their gap remains.
// Untouched goals whose competency is still among the biggest gaps are
// rewritten from the new gap with the same id, keeping such actions; an
// untouched goal that no longer fits is dropped unless it holds them.
// Untouched actions are planned anew (keeping their ids when chosen
// again). Kept actions keep their dates and count against the load.
package plan
