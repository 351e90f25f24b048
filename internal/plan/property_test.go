package plan

import (
	"fmt"
	"math"
	"math/rand"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

var cmpSorted = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// randomInput draws a person, a target role, a horizon and a load.
func randomInput(r *rand.Rand) Input {
	m := model.Default()
	var targets []ladder.Role
	for _, role := range m.Roles {
		if role.Kind == ladder.RoleTarget {
			targets = append(targets, role)
		}
	}
	role := targets[r.Intn(len(targets))]
	obs := map[string]readiness.Observation{}
	for _, c := range m.Competencies() {
		if r.Intn(4) > 0 {
			obs[c.Key] = readiness.Observation{Level: float64(1+r.Intn(5)) + []float64{0, 0, 0.5}[r.Intn(3)], At: day0}
		}
	}
	gaps := readiness.Gaps(m, role, readiness.CurrentLevels(m, readiness.Inputs{Self: obs}))
	start := day0.AddDate(0, 0, r.Intn(900))
	var end time.Time
	switch r.Intn(4) {
	case 0, 1, 2:
		end = EndAfter(start, []int{6, 12, 18}[r.Intn(3)])
	default:
		end = start.AddDate(0, 0, 28+r.Intn(1000))
	}
	hours := []int{0, 2, 4, 8, 12, 20, 40, 80}[r.Intn(8)]
	return Input{Model: m, PersonID: int64(r.Intn(100)), Target: role, Gaps: gaps, Start: start, End: end,
		MaxGoals: r.Intn(MaxGoalsLimit + 1), HoursPerMonth: hours}
}

// hasGap reports whether any gap is open: a person who meets the role
// cannot get a plan.
func hasGap(in Input) bool {
	for _, g := range in.Gaps {
		if g.Gap > 0 {
			return true
		}
	}
	return false
}

func TestGenerateProperties(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	large := 0
	for i := range 400 {
		in := randomInput(r)
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			p, err := Generate(in)
			if !hasGap(in) {
				if ladder.ErrorCode(err) != ladder.EINVALID {
					t.Fatalf("no gap: got %v, want EINVALID", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkPlan(t, in, p, nil)
			if p.Mix().Total() >= mixMinActions {
				large++
			}
			again, err := Generate(in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(p, again); diff != "" {
				t.Errorf("not deterministic (-first +second):\n%s", diff)
			}
		})
	}
	// The 70-20-10 property must have been exercised.
	if large < 100 {
		t.Errorf("only %d plans of %d or more actions", large, mixMinActions)
	}
}

// checkPlan asserts what every generated plan must satisfy. old, when not
// nil, is the plan p was regenerated from: actions carried over from it keep
// the user's dates, so the checks of dates apply to the new ones only.
func checkPlan(t *testing.T, in Input, p *ladder.Plan, old *ladder.Plan) {
	t.Helper()
	carried := carriedFrom(old)
	if err := p.Validate(); err != nil {
		t.Fatalf("invalid plan: %v", err)
	}
	hours := in.HoursPerMonth
	if hours == 0 {
		hours = DefaultHoursPerMonth
	}
	// 70-20-10 within ten points once a plan has ten actions (fresh plans).
	if mix := p.Mix(); in.Existing == nil && mix.Total() >= mixMinActions {
		for _, k := range ladder.ActionKinds() {
			if d := math.Abs(mix.Share(k) - ladder.KindShare(k)); d > mixTolerance+1e-9 {
				t.Errorf("%s share %.2f of %d actions, %+v", k, mix.Share(k), mix.Total(), mix)
			}
		}
	}
	// No month over the load, except by hours the user's kept actions
	// already put there.
	keptLoad := Months(filterActions(p, carried), hours)
	for i, mo := range Months(p, hours) {
		if mo.Load > mo.Capacity && mo.Load > keptLoad[i].Load {
			t.Errorf("month %s: %d hours, capacity %d", mo.Start.Format("2006-01"), mo.Load, mo.Capacity)
		}
	}
	byKey := map[string]ladder.PlanAction{}
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			byKey[a.Key] = a
		}
	}
	for _, g := range p.Goals {
		if g.Specific == "" || g.Measure == "" || g.Why == "" || g.Achievable == "" || g.TargetDate.IsZero() || g.TargetLevel == 0 || g.Competency == "" {
			t.Errorf("goal %s: a SMART field is empty: %+v", g.Competency, g)
		}
		for _, a := range g.Actions {
			if carried(a) {
				continue // the user's, with the user's dates
			}
			if a.Why == "" || a.DoneWhen == "" || a.Due.IsZero() || a.Start.IsZero() {
				t.Errorf("action %s: empty field", a.Key)
			}
			if a.Start.Before(p.Start) || a.Due.After(p.End) {
				t.Errorf("action %s %s..%s outside %s..%s", a.Key, a.Start, a.Due, p.Start, p.End)
			}
			for _, k := range a.After {
				pre := byKey[k]
				if !pre.Done && !a.Start.After(pre.Due) {
					t.Errorf("action %s starts %s, before its prerequisite %s is due %s", a.Key, day(a.Start), k, day(pre.Due))
				}
			}
		}
	}
}

func TestRegenerateProperties(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	for i := range 200 {
		in := randomInput(r)
		if !hasGap(in) {
			continue
		}
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			first, err := Generate(in)
			if err != nil {
				t.Fatal(err)
			}
			old := touch(r, first)
			in2 := progress(r, in)
			in2.Existing = old
			if !hasGap(in2) {
				return
			}
			p, err := Generate(in2)
			if err != nil {
				t.Fatal(err)
			}
			checkPlan(t, in2, p, old)
			checkKept(t, old, p)
			again, _ := Generate(in2)
			if diff := cmp.Diff(p, again); diff != "" {
				t.Errorf("not deterministic (-first +second):\n%s", diff)
			}
		})
	}
}

// checkKept asserts that completed and edited goals and actions, dropped
// actions and the user's own survive regeneration unchanged.
func checkKept(t *testing.T, old, p *ladder.Plan) {
	t.Helper()
	type ref struct{ goal, title string }
	got := map[ref]ladder.PlanAction{}
	goals := map[string][]ladder.Goal{}
	for _, g := range p.Goals {
		goals[g.Competency] = append(goals[g.Competency], g)
		for _, a := range g.Actions {
			got[ref{g.Competency, a.Key + "|" + a.Title}] = a
		}
	}
	ignoreOrder := cmpopts.IgnoreFields(ladder.PlanAction{}, "Order")
	for _, og := range old.Goals {
		if og.Done || og.Edited {
			found := false
			for _, g := range goals[og.Competency] {
				if og.Done && cmp.Equal(og, g) {
					found = true
				}
				if !og.Done && cmp.Equal(og, g, cmpopts.IgnoreFields(ladder.Goal{}, "Actions")) {
					found = true
				}
			}
			if !found {
				t.Errorf("goal %s (done %v, edited %v) not kept", og.Competency, og.Done, og.Edited)
			}
		}
		for _, a := range og.Actions {
			if !(a.Done || a.Edited || a.Dropped || a.Key == "") {
				continue
			}
			b, ok := got[ref{og.Competency, a.Key + "|" + a.Title}]
			if !ok {
				t.Errorf("action %q of goal %s not kept", a.Title, og.Competency)
			} else if diff := cmp.Diff(a, b, ignoreOrder); diff != "" {
				t.Errorf("action %q changed (-old +new):\n%s", a.Title, diff)
			}
		}
	}
}

// touch plays a user: it completes, edits and drops some actions, marks
// some goals done or edited and adds an action of their own.
func touch(r *rand.Rand, p *ladder.Plan) *ladder.Plan {
	p = clonePlan(p)
	for gi := range p.Goals {
		g := &p.Goals[gi]
		for ai := range g.Actions {
			a := &g.Actions[ai]
			switch r.Intn(6) {
			case 0:
				a.Done = true
			case 1:
				a.Edited, a.Title = true, a.Title+" (my way)"
			case 2:
				a.Dropped = true
			}
		}
		switch r.Intn(5) {
		case 0:
			g.Done = true
		case 1:
			g.Edited, g.TargetDate = true, g.TargetDate.AddDate(0, 0, 7)
		}
	}
	if len(p.Goals) > 0 {
		g := &p.Goals[r.Intn(len(p.Goals))]
		g.Actions = append(g.Actions, ladder.PlanAction{Title: "Coffee with the CFO", Kind: ladder.Kind20, EffortHours: 1,
			DoneWhen: "We met", Start: p.Start, Due: p.Start.AddDate(0, 0, 3), Edited: true})
	}
	return p
}

// progress moves time on and improves some levels, as a new assessment
// would.
func progress(r *rand.Rand, in Input) Input {
	in.Gaps = append([]readiness.Gap(nil), in.Gaps...)
	for i := range in.Gaps {
		g := &in.Gaps[i]
		if r.Intn(3) == 0 {
			g.Current = math.Min(5, g.Current+1)
			g.Gap = math.Max(0, float64(g.Required)-g.Current)
			g.WeightedGap = g.Gap * float64(g.Importance)
		}
	}
	d := in.End.Sub(in.Start) / time.Duration(1+r.Intn(4))
	in.Start = dateOf(in.Start.Add(d))
	in.End = EndAfter(in.Start, []int{6, 12, 18}[r.Intn(3)])
	return in
}

// carriedFrom returns a test for actions carried over unchanged from old:
// the user's own, and catalogue actions with the same title and dates.
func carriedFrom(old *ladder.Plan) func(ladder.PlanAction) bool {
	type when struct {
		title      string
		start, due time.Time
	}
	was := map[string]when{}
	if old != nil {
		for _, g := range old.Goals {
			for _, a := range g.Actions {
				was[a.Key] = when{a.Title, a.Start, a.Due}
			}
		}
	}
	return func(a ladder.PlanAction) bool {
		w, ok := was[a.Key]
		return a.Key == "" || ok && w == when{a.Title, a.Start, a.Due}
	}
}

func filterActions(p *ladder.Plan, keep func(ladder.PlanAction) bool) *ladder.Plan {
	c := clonePlan(p)
	for gi := range c.Goals {
		var kept []ladder.PlanAction
		for _, a := range c.Goals[gi].Actions {
			if keep(a) {
				kept = append(kept, a)
			}
		}
		c.Goals[gi].Actions = kept
	}
	return c
}
