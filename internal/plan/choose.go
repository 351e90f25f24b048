package plan

import (
	"math"
	"sort"

	"github.com/ladderhq/ladder"
)

// item is a catalogue action chosen for a goal, with the months it occupies
// (months from the start of the horizon: start s, n months long).
type item struct {
	act      *Action
	goal     *goalState
	neededBy *Action // set when added as a missing prerequisite
	s, n     int
	seq      int // selection order
}

func (it *item) due() int { return it.s + it.n - 1 }

// chooseActions picks actions one step at a time. Each step takes the kind
// that 70-20-10 is shortest of, the goal with the fewest actions so far
// (ties: the bigger gap), and the best action of that kind for it: the one
// serving the most weight of goal competencies, then the one listed first
// in the catalogue. It stops when nothing more fits the months or every
// goal has its share.
func (g *generator) chooseActions() {
	var open []*goalState
	for _, gs := range g.goals {
		if gs.open {
			open = append(open, gs)
		}
	}
	sort.SliceStable(open, func(i, j int) bool { return open[i].rank < open[j].rank })
	for len(open) > 0 && g.step(open) {
	}
}

// step adds one action (with any prerequisite it is missing) and reports
// whether it found one.
func (g *generator) step(open []*goalState) bool {
	need := append([]*goalState(nil), open...)
	sort.SliceStable(need, func(i, j int) bool { return len(need[i].items) < len(need[j].items) })
	for _, kind := range g.kindOrder() {
		for _, gs := range need {
			if len(gs.items) >= maxActionsPerGoal {
				continue
			}
			for _, a := range g.candidates(gs, kind, open) {
				if g.taken(a.Key) {
					continue
				}
				b := g.bundle(a)
				if b != nil && g.mixAllows(b) && g.tryPlace(b, gs) {
					return true
				}
			}
		}
	}
	return false
}

// kindOrder lists the kinds by how far the plan is short of 70-20-10 if one
// more action were added, the most short first (the sequential quota
// method: it keeps each kind's count within one of its share).
func (g *generator) kindOrder() []string {
	kinds := ladder.ActionKinds()
	n := float64(g.mix.Total() + 1)
	count := map[string]int{ladder.Kind70: g.mix.Experience, ladder.Kind20: g.mix.Others, ladder.Kind10: g.mix.Formal}
	deficit := func(k string) float64 { return ladder.KindShare(k)*n - float64(count[k]) }
	sort.SliceStable(kinds, func(i, j int) bool { return deficit(kinds[i]) > deficit(kinds[j])+1e-9 })
	return kinds
}

// mixAllows accepts a bundle of actions unless the plan would then have
// mixMinActions or more and a kind would stray beyond mixTolerance, without
// being closer to 70-20-10 than before.
func (g *generator) mixAllows(b []*Action) bool {
	next := g.mix
	for _, a := range b {
		next.Add(a.Kind, 1)
	}
	if next.Total() < mixMinActions {
		return true
	}
	d := mixDeviation(next)
	return d <= mixTolerance+1e-9 || d < mixDeviation(g.mix)-1e-9
}

// mixDeviation is the largest distance of a kind's share from 70-20-10.
func mixDeviation(m ladder.Mix) float64 {
	d := 0.0
	for _, k := range ladder.ActionKinds() {
		d = math.Max(d, math.Abs(m.Share(k)-ladder.KindShare(k)))
	}
	return d
}

// candidates returns the catalogue's actions of kind for goal gs, best
// first: actions not carried over that develop the goal's competency and
// suit its current level. The open goals do not change while actions are
// chosen, so neither does the list: it is built once per goal and kind.
func (g *generator) candidates(gs *goalState, kind string, open []*goalState) []*Action {
	key := candKey{gs, kind}
	if as, ok := g.cands[key]; ok {
		return as
	}
	type scored struct {
		a     *Action
		score float64
		i     int
	}
	var out []scored
	cat := g.in.Catalog
	for i := range cat.Actions {
		a := &cat.Actions[i]
		if _, kept := g.kept[a.Key]; kept || a.Kind != kind || !a.Serves(gs.goal.Competency) || !a.Suits(gs.level) {
			continue
		}
		s := 0.0
		for _, h := range open {
			if a.Serves(h.goal.Competency) {
				s += h.gap.WeightedGap
			}
		}
		out = append(out, scored{a, s, i})
	}
	sort.Slice(out, func(i, j int) bool {
		x, y := out[i], out[j]
		if x.score != y.score {
			return x.score > y.score
		}
		return x.i < y.i
	})
	as := make([]*Action, len(out))
	for i, s := range out {
		as[i] = s.a
	}
	g.cands[key] = as
	return as
}

type candKey struct {
	goal *goalState
	kind string
}

func (g *generator) taken(k string) bool {
	_, kept := g.kept[k]
	return kept || g.chosen[k] != nil
}

// bundle returns a with the prerequisites the plan lacks, prerequisites
// first, or nil when a prerequisite was dropped by the user.
func (g *generator) bundle(a *Action) []*Action {
	var out []*Action
	seen := map[string]bool{}
	var walk func(x *Action) bool
	walk = func(x *Action) bool {
		if seen[x.Key] {
			return true
		}
		seen[x.Key] = true
		for _, k := range x.After {
			if g.dropped[k] {
				return false
			}
			if g.taken(k) {
				continue
			}
			p, ok := g.in.Catalog.Action(k)
			if !ok || !walk(p) {
				return false
			}
		}
		out = append(out, x)
		return true
	}
	if !walk(a) {
		return nil
	}
	return out
}

// tryPlace schedules the bundle in order at the full load; on the first
// action that does not fit it takes the others out again.
func (g *generator) tryPlace(b []*Action, gs *goalState) bool {
	var placed []*item
	for _, a := range b {
		it := &item{act: a, goal: gs, seq: len(g.items) + len(placed)}
		s, n, ok := g.cal.place(a.EffortHours, g.earliest(a), g.in.HoursPerMonth)
		if !ok {
			for _, p := range placed {
				g.cal.add(p.s, p.n, p.act.EffortHours, -1)
				delete(g.chosen, p.act.Key)
			}
			return false
		}
		it.s, it.n = s, n
		g.cal.add(s, n, a.EffortHours, 1)
		g.chosen[a.Key] = it
		placed = append(placed, it)
	}
	last := b[len(b)-1]
	for _, it := range placed {
		if it.act != last {
			it.neededBy = neededBy(it.act.Key, b)
		}
		g.items = append(g.items, it)
		gs.items = append(gs.items, it)
		g.mix.Add(it.act.Kind, 1)
	}
	return true
}

// neededBy returns the action of the bundle that lists k as a prerequisite.
func neededBy(k string, b []*Action) *Action {
	for _, a := range b {
		for _, p := range a.After {
			if p == k {
				return a
			}
		}
	}
	return b[len(b)-1]
}

// earliest is the first month a may start in: the month after every
// prerequisite still to be done is due. Completed prerequisites do not
// hold it back.
func (g *generator) earliest(a *Action) int {
	m := 0
	for _, k := range a.After {
		if it := g.chosen[k]; it != nil {
			m = max(m, it.due()+1)
		} else if p, ok := g.kept[k]; ok && !p.Done {
			m = max(m, g.cal.index(p.Due)+1)
		}
	}
	return m
}
