package plan

import (
	"math"
	"sort"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// generator holds the state of one Generate call.
type generator struct {
	in    Input
	cal   *calendar
	gaps  []readiness.Gap // positive gaps, highest priority first
	goals []*goalState    // in output order
	// Actions carried over from Existing: their keys may not be chosen
	// again; dropped ones also block every action that needs them.
	kept    map[string]ladder.PlanAction
	dropped map[string]bool
	// oldIDs maps keys of untouched actions to their ids, so that an action
	// planned again keeps its identity for storage.
	oldIDs map[string]int64
	items  []*item          // new actions in selection order
	chosen map[string]*item // new actions by key
	mix    ladder.Mix       // kept (not dropped) and new actions
	cands  map[candKey][]*Action
	names  map[string]string // competency names
}

// goalState is a goal being planned.
type goalState struct {
	goal     ladder.Goal    // Actions are filled by build
	gap      *readiness.Gap // nil when the competency has no gap now
	rank     int            // 1-based rank of gap among the positive gaps
	fresh    bool           // SMART fields are written from gap
	open     bool           // takes new actions
	verbatim bool           // a completed goal, output exactly as it was
	level    int            // current level, rounded down
	kept     []ladder.PlanAction
	items    []*item
}

func newGenerator(in Input) *generator {
	g := &generator{
		in: in, cal: newCalendar(in.Start, in.End, in.HoursPerMonth),
		kept: map[string]ladder.PlanAction{}, dropped: map[string]bool{},
		oldIDs: map[string]int64{}, chosen: map[string]*item{},
		cands: map[candKey][]*Action{}, names: map[string]string{},
	}
	for _, c := range in.Model.Competencies() {
		g.names[c.Key] = c.Name
	}
	for _, gp := range in.Gaps {
		if gp.Gap > 0 {
			g.gaps = append(g.gaps, gp)
		}
	}
	// Callers pass gaps ranked already; a stable sort on the same key keeps
	// their order and protects against a caller that did not.
	sort.SliceStable(g.gaps, func(i, j int) bool {
		a, b := g.gaps[i], g.gaps[j]
		if a.WeightedGap != b.WeightedGap {
			return a.WeightedGap > b.WeightedGap
		}
		return a.Importance > b.Importance
	})
	return g
}

// targetLevel is one level above the current one, two when the horizon is
// a year or longer, and never above what the role requires.
func (g *generator) targetLevel(gp *readiness.Gap) int {
	step := 1
	if !g.in.End.Before(EndAfter(g.in.Start, 12)) {
		step = 2
	}
	return min(gp.Required, floorLevel(gp.Current)+step, ladder.MaxLevel)
}

func floorLevel(l float64) int {
	return max(ladder.MinLevel, min(ladder.MaxLevel, int(math.Floor(l))))
}

// chooseGoals decides which goals the plan has: completed and edited goals
// of Existing stay; untouched ones are refreshed when their competency is
// still among the biggest gaps, kept when they hold completed or edited
// actions, and dropped otherwise; new goals fill the remaining slots.
func (g *generator) chooseGoals() {
	var existing []ladder.Goal
	if g.in.Existing != nil {
		existing = g.in.Existing.Goals
	}
	pinned := pinnedActions(existing)
	editedOpen, doneTarget := map[string]bool{}, map[string]int{}
	for _, eg := range existing {
		switch {
		case eg.Done:
			doneTarget[eg.Competency] = max(doneTarget[eg.Competency], eg.TargetLevel)
		case eg.Edited:
			editedOpen[eg.Competency] = true
		}
	}
	gapOf, selected := map[string]*readiness.Gap{}, map[string]bool{}
	slots := g.in.MaxGoals - len(editedOpen)
	for i := range g.gaps {
		gp := &g.gaps[i]
		if _, dup := gapOf[gp.Competency]; dup {
			continue
		}
		gapOf[gp.Competency] = gp
		if editedOpen[gp.Competency] || doneTarget[gp.Competency] >= g.targetLevel(gp) || slots <= 0 {
			continue
		}
		selected[gp.Competency] = true
		slots--
	}
	used := map[string]bool{}
	for gi, eg := range existing {
		if gs := g.carryGoal(eg, pinned[gi], gapOf, selected, used); gs != nil {
			g.goals = append(g.goals, gs)
		}
	}
	for i := range g.gaps {
		gp := &g.gaps[i]
		if selected[gp.Competency] && !used[gp.Competency] {
			used[gp.Competency] = true
			g.goals = append(g.goals, g.newGoal(ladder.Goal{Competency: gp.Competency}, gp))
		}
	}
	g.preload()
}

// carryGoal decides what becomes of an existing goal; nil drops it.
// pinned marks the goal's actions that must be kept.
func (g *generator) carryGoal(eg ladder.Goal, pinned []bool, gapOf map[string]*readiness.Gap, selected, used map[string]bool) *goalState {
	var kept []ladder.PlanAction
	for ai, a := range eg.Actions {
		if pinned[ai] || eg.Done {
			kept = append(kept, a)
		} else if a.Key != "" {
			g.oldIDs[a.Key] = a.ID
		}
	}
	gp := gapOf[eg.Competency]
	switch {
	case eg.Done:
		return &goalState{goal: eg, verbatim: true, kept: kept}
	case eg.Edited:
		gs := &goalState{goal: eg, kept: kept, gap: gp, open: gp != nil}
		g.rankGoal(gs)
		return gs
	case selected[eg.Competency] && !used[eg.Competency]:
		used[eg.Competency] = true
		gs := g.newGoal(ladder.Goal{ID: eg.ID, Competency: eg.Competency}, gp)
		gs.kept = kept
		return gs
	case len(kept) > 0:
		return &goalState{goal: eg, kept: kept}
	}
	return nil
}

func (g *generator) newGoal(goal ladder.Goal, gp *readiness.Gap) *goalState {
	goal.TargetLevel = g.targetLevel(gp)
	gs := &goalState{goal: goal, gap: gp, fresh: true, open: true}
	g.rankGoal(gs)
	return gs
}

func (g *generator) rankGoal(gs *goalState) {
	if gs.gap == nil {
		return
	}
	gs.level = floorLevel(gs.gap.Current)
	for i := range g.gaps {
		if g.gaps[i].Competency == gs.gap.Competency {
			gs.rank = i + 1
			break
		}
	}
}

// preload records the kept actions: their keys, and the hours of those
// still to do in the months they occupy.
func (g *generator) preload() {
	for _, gs := range g.goals {
		for _, a := range gs.kept {
			if a.Key != "" {
				g.kept[a.Key] = a
				if a.Dropped {
					g.dropped[a.Key] = true
				}
			}
			if a.Dropped {
				continue
			}
			g.mix.Add(a.Kind, 1)
			if !a.Done {
				g.cal.reserve(a.Start, a.Due, a.EffortHours)
			}
		}
	}
}

// pinnedActions marks, per goal and action of an existing plan, the actions
// regeneration must keep: completed, edited, dropped and the user's own,
// and every action one of those needs (so that prerequisites still resolve).
func pinnedActions(goals []ladder.Goal) [][]bool {
	out := make([][]bool, len(goals))
	where := map[string][2]int{}
	var queue [][2]int
	for gi, eg := range goals {
		out[gi] = make([]bool, len(eg.Actions))
		for ai, a := range eg.Actions {
			if a.Key != "" {
				where[a.Key] = [2]int{gi, ai}
			}
			if eg.Done || a.Done || a.Edited || a.Dropped || a.Key == "" {
				out[gi][ai] = true
				queue = append(queue, [2]int{gi, ai})
			}
		}
	}
	for len(queue) > 0 {
		at := queue[0]
		queue = queue[1:]
		for _, k := range goals[at[0]].Actions[at[1]].After {
			if w, ok := where[k]; ok && !out[w[0]][w[1]] {
				out[w[0]][w[1]] = true
				queue = append(queue, w)
			}
		}
	}
	return out
}
