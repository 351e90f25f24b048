package plan

import (
	"time"

	"github.com/ladderhq/ladder"
)

// calendar tracks hours per calendar month of a horizon. An action
// occupying months s..s+n-1 counts its effort evenly over them, the
// remainder on the first months (split); Months applies the same rule to a
// stored plan, so the check a user sees is the one the planner made.
type calendar struct {
	start, end time.Time
	first      time.Time // the first day of the start's month
	capacity   []int     // hours the chosen load allows, pro rata for partial months
	base       []int     // hours of kept actions
	used       []int     // base plus new actions
}

func newCalendar(start, end time.Time, hoursPerMonth int) *calendar {
	loc := start.Location()
	y, m, _ := start.Date()
	c := &calendar{start: start, end: end, first: time.Date(y, m, 1, 0, 0, 0, 0, loc)}
	n := max(1, c.index(end)+1)
	c.capacity, c.base, c.used = make([]int, n), make([]int, n), make([]int, n)
	for i := range n {
		ms := c.first.AddDate(0, i, 0)
		next := ms.AddDate(0, 1, 0)
		from, to := ms, next
		if from.Before(start) {
			from = start
		}
		if last := end.AddDate(0, 0, 1); to.After(last) {
			to = last
		}
		c.capacity[i] = hoursPerMonth * days(from, to) / days(ms, next)
	}
	return c
}

// days counts calendar days from a to b; rounding absorbs daylight-saving
// days of 23 or 25 hours.
func days(a, b time.Time) int { return int(b.Sub(a).Hours()/24 + 0.5) }

// index returns t's month counted from the horizon's first month; it may be
// negative or past the end.
func (c *calendar) index(t time.Time) int {
	y, m, _ := t.In(c.first.Location()).Date()
	fy, fm, _ := c.first.Date()
	return (y-fy)*12 + int(m) - int(fm)
}

func (c *calendar) months() int { return len(c.capacity) }

// monthStart is the first day of month i within the horizon.
func (c *calendar) monthStart(i int) time.Time {
	if i == 0 {
		return c.start
	}
	return c.first.AddDate(0, i, 0)
}

// monthEnd is the last day of month i within the horizon.
func (c *calendar) monthEnd(i int) time.Time {
	if i == c.months()-1 {
		return c.end
	}
	return c.first.AddDate(0, i+1, -1)
}

// part is month j's share of effort spread over n months.
func part(effort, n, j int) int {
	p := effort / n
	if j < effort%n {
		p++
	}
	return p
}

// maxSpan is how many months an action may be spread over: small tasks
// belong in one month, a project over a few, and none over more than six.
func maxSpan(effort int) int { return max(1, min(6, (effort+4)/5)) }

func (c *calendar) fits(s, n, effort, limit int) bool {
	for j := range n {
		if c.used[s+j]+part(effort, n, j) > min(limit, c.capacity[s+j]) {
			return false
		}
	}
	return true
}

// place finds the earliest start from earliest, and for it the fewest
// months, at which effort fits under limit hours a month.
func (c *calendar) place(effort, earliest, limit int) (s, n int, ok bool) {
	span, least := maxSpan(effort), max(1, (effort+limit-1)/limit)
	for s = max(0, earliest); s < c.months(); s++ {
		for n = least; n <= span && s+n <= c.months(); n++ {
			if c.fits(s, n, effort, limit) {
				return s, n, true
			}
		}
	}
	return 0, 0, false
}

func (c *calendar) add(s, n, effort, sign int) {
	for j := range n {
		c.used[s+j] += sign * part(effort, n, j)
	}
}

// reserve counts an action already dated (kept from an earlier plan) in the
// months of the horizon it falls in.
func (c *calendar) reserve(start, due time.Time, effort int) {
	if due.IsZero() {
		return
	}
	s, e := c.index(due), c.index(due)
	if !start.IsZero() && !start.After(due) {
		s = c.index(start)
	}
	n := e - s + 1
	for j := range n {
		if m := s + j; m >= 0 && m < c.months() {
			c.base[m] += part(effort, n, j)
			c.used[m] += part(effort, n, j)
		}
	}
}

// schedule lays the chosen actions out again, in the order they were
// chosen, under the lowest monthly limit at which all of them fit, so that
// the work spreads evenly over the horizon instead of piling up at its
// start. At the full load the selection's own layout always fits.
func (g *generator) schedule() {
	if len(g.items) == 0 {
		return
	}
	total := 0
	for _, it := range g.items {
		total += it.act.EffortHours
	}
	type span struct{ s, n int }
	chosen := make([]span, len(g.items))
	for i, it := range g.items {
		chosen[i] = span{it.s, it.n}
	}
	full := g.in.HoursPerMonth
	for limit := min(full, max(1, total/g.cal.months())); limit <= full; limit++ {
		if g.layout(limit) {
			return
		}
	}
	// Not reached: layout(full) repeats the selection step by step. Should
	// that ever change, the selection's layout is still a valid one.
	copy(g.cal.used, g.cal.base)
	for i, it := range g.items {
		it.s, it.n = chosen[i].s, chosen[i].n
		g.cal.add(it.s, it.n, it.act.EffortHours, 1)
	}
}

func (g *generator) layout(limit int) bool {
	copy(g.cal.used, g.cal.base)
	for _, it := range g.items {
		s, n, ok := g.cal.place(it.act.EffortHours, g.earliest(it.act), limit)
		if !ok {
			return false
		}
		it.s, it.n = s, n
		g.cal.add(s, n, it.act.EffortHours, 1)
	}
	return true
}

// Month is one calendar month of a plan's horizon.
type Month struct {
	Start    time.Time // the first day of the month that lies in the horizon
	Capacity int       // hours at the chosen load, pro rata for a partial month
	Load     int       // hours of actions still to do, counted as the planner counts them
}

// Months returns the load of every month of p's horizon against
// hoursPerMonth. Actions done or dropped do not count; an action counts
// its effort evenly over the months from its start to its due date.
func Months(p *ladder.Plan, hoursPerMonth int) []Month {
	start := dateOf(p.Start)
	c := newCalendar(start, dateIn(p.End, start.Location()), hoursPerMonth)
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if !a.Done && !a.Dropped {
				c.reserve(a.Start, a.Due, a.EffortHours)
			}
		}
	}
	out := make([]Month, c.months())
	for i := range out {
		out[i] = Month{Start: c.monthStart(i), Capacity: c.capacity[i], Load: c.used[i]}
	}
	return out
}
