package plan

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

var day0 = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

// baseInput plans for an IT manager from the given self-ratings (the rest
// counted at level 1) over months from day0.
func baseInput(t testing.TB, self map[string]float64, months int) Input {
	t.Helper()
	m := model.Default()
	role, ok := m.Role("it-manager")
	if !ok {
		t.Fatal("no it-manager role")
	}
	obs := map[string]readiness.Observation{}
	for k, l := range self {
		obs[k] = readiness.Observation{Level: l, At: day0}
	}
	gaps := readiness.Gaps(m, role, readiness.CurrentLevels(m, readiness.Inputs{Self: obs}))
	return Input{Model: m, PersonID: 7, Target: role, Gaps: gaps, Start: day0, End: EndAfter(day0, months)}
}

func TestGenerateInvalid(t *testing.T) {
	tests := []struct {
		name   string
		change func(*Input)
		field  string
	}{
		{"ErrNoGaps", func(in *Input) { in.Gaps = nil }, "gaps"},
		{"ErrAllGapsClosed", func(in *Input) {
			for i := range in.Gaps {
				in.Gaps[i].Gap, in.Gaps[i].WeightedGap = 0, 0
			}
		}, "gaps"},
		{"ErrEndBeforeStart", func(in *Input) { in.End = in.Start.AddDate(0, 0, -1) }, "end"},
		{"ErrEndIsStart", func(in *Input) { in.End = in.Start }, "end"},
		{"ErrHorizonTooShort", func(in *Input) { in.End = in.Start.AddDate(0, 0, 20) }, "end"},
		{"ErrHorizonTooLong", func(in *Input) { in.End = in.Start.AddDate(4, 0, 0) }, "end"},
		{"ErrNoStart", func(in *Input) { in.Start = time.Time{} }, "start"},
		{"ErrNoEnd", func(in *Input) { in.End = time.Time{} }, "end"},
		{"ErrNoModel", func(in *Input) { in.Model = nil }, "model"},
		{"ErrNoTarget", func(in *Input) { in.Target = ladder.Role{} }, "target"},
		{"ErrUnknownCompetency", func(in *Input) { in.Gaps[2].Competency = "juggling" }, "gaps[2].competency"},
		{"ErrHoursTooLow", func(in *Input) { in.HoursPerMonth = 1 }, "hours_per_month"},
		{"ErrHoursTooHigh", func(in *Input) { in.HoursPerMonth = 200 }, "hours_per_month"},
		{"ErrMaxGoals", func(in *Input) { in.MaxGoals = 40 }, "max_goals"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput(t, nil, 6)
			tt.change(&in)
			p, err := Generate(in)
			if p != nil || ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("got %v, %v; want EINVALID", p, err)
			}
			if _, ok := err.(*ladder.Error).Fields[tt.field]; !ok {
				t.Errorf("fields %v lack %s", err.(*ladder.Error).Fields, tt.field)
			}
		})
	}
}

func TestGenerateGoals(t *testing.T) {
	// delegation 2 of 4 (imp 5: weighted 10), budgeting 3.5 of 4 (2.5),
	// everything else 1: the level-1 gaps rank above both.
	self := map[string]float64{"delegation": 2, "budgeting": 3.5}
	for _, tt := range []struct {
		name     string
		months   int
		maxGoals int
		want     map[string]int // competency -> target level
	}{
		{"SixMonthsOneLevel", 6, 38, map[string]int{"delegation": 3, "budgeting": 4, "motivating-teams": 2}},
		{"YearTwoLevels", 12, 38, map[string]int{"delegation": 4, "budgeting": 4, "motivating-teams": 3, "empathy": 3}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			in := baseInput(t, self, tt.months)
			in.MaxGoals = min(tt.maxGoals, MaxGoalsLimit)
			in.Gaps = onlyGaps(in.Gaps, "delegation", "budgeting", "motivating-teams", "empathy")
			p, err := Generate(in)
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]int{}
			for _, g := range p.Goals {
				if _, ok := tt.want[g.Competency]; ok {
					got[g.Competency] = g.TargetLevel
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("target levels (-want +got):\n%s", diff)
			}
			// Goals come in gap order: motivating-teams (3 x 5 = 15) first.
			if p.Goals[0].Competency != "motivating-teams" || p.Goals[len(p.Goals)-1].Competency != "budgeting" {
				t.Errorf("goal order %v", goalKeys(p))
			}
		})
	}
}

func TestGenerateMaxGoals(t *testing.T) {
	in := baseInput(t, nil, 12)
	for _, n := range []int{0, 1, 3, 12} {
		in.MaxGoals = n
		p, err := Generate(in)
		if err != nil {
			t.Fatal(err)
		}
		want := n
		if n == 0 {
			want = DefaultMaxGoals
		}
		if len(p.Goals) != want {
			t.Errorf("MaxGoals %d: %d goals %v", n, len(p.Goals), goalKeys(p))
		}
		for i, g := range p.Goals {
			if g.Competency != in.Gaps[i].Competency {
				t.Errorf("goal %d is %s, want the gap %s", i, g.Competency, in.Gaps[i].Competency)
			}
		}
	}
}

func TestGenerateSMARTText(t *testing.T) {
	in := baseInput(t, map[string]float64{"delegation": 2}, 6)
	in.Gaps = onlyGaps(in.Gaps, "delegation")
	p, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	g := p.Goals[0]
	for _, want := range []struct{ field, text string }{
		{g.Specific, "level 3 (Proficient) in Delegation, which in practice means: shares out the team's work"},
		{g.Measure, "By " + day(g.TargetDate) + " a new assessment puts Delegation at level 3 or higher"},
		{g.Why, "The IT manager role needs Delegation at level 4, with importance 5 of 5. You are at 2 (your self-rating of 2026-03-01)"},
		{g.Achievable, "From 2 to 3 is one level"},
	} {
		if !strings.Contains(want.field, want.text) {
			t.Errorf("%q lacks %q", want.field, want.text)
		}
	}
	for _, a := range g.Actions {
		if !strings.Contains(a.Why, "Works on Delegation") && !strings.Contains(a.Why, "Comes first because") {
			t.Errorf("action %s: why %q", a.Key, a.Why)
		}
		if !strings.Contains(a.Why, "70-20-10") {
			t.Errorf("action %s: why %q does not explain its kind", a.Key, a.Why)
		}
	}
}

// TestGeneratePrerequisiteAdded uses a catalogue in which the only action
// for the goal needs another that the plan does not have.
func TestGeneratePrerequisiteAdded(t *testing.T) {
	const yaml = `version: "1"
actions:
  - {key: find-mentor, title: Find a mentor, description: d, kind: others, category: find-mentor, competencies: [self-awareness], effort_hours: 4, done_when: w}
  - {key: agree-goals, title: Agree goals, description: d, kind: others, category: mentor-sessions, competencies: [delegation], effort_hours: 2, done_when: w, after: [find-mentor]}
  - {key: hand-over, title: Hand over, description: d, kind: experience, category: lead-team, competencies: [delegation], effort_hours: 12, done_when: w, after: [agree-goals]}
`
	in := baseInput(t, nil, 6)
	cat, err := ParseCatalog("test.yaml", []byte(yaml), in.Model)
	if err != nil {
		t.Fatal(err)
	}
	in.Catalog, in.Gaps = cat, onlyGaps(in.Gaps, "delegation")
	p, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range p.Goals[0].Actions {
		got = append(got, a.Key+" "+a.Start.Format("2006-01")+".."+a.Due.Format("2006-01"))
	}
	// Each starts the month after the one it needs is due; the 18 hours
	// spread over the six months at no more than 4 a month.
	want := []string{"find-mentor 2026-03..2026-03", "agree-goals 2026-04..2026-04", "hand-over 2026-05..2026-07"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if why := p.Goals[0].Actions[0].Why; !strings.Contains(why, `Comes first because "Agree goals" builds on it`) {
		t.Errorf("why %q", why)
	}
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
	// A user who dropped find-mentor is not offered what needs it.
	p.Goals[0].Actions[0].Dropped = true
	in.Existing = p
	p2, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range p2.Goals[0].Actions {
		if a.Key != "find-mentor" {
			t.Errorf("offered %s although its prerequisite was dropped", a.Key)
		}
	}
}

func TestMonthsAndEndAfter(t *testing.T) {
	if got := EndAfter(day0, 6); !got.Equal(time.Date(2026, 8, 31, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("EndAfter = %v", got)
	}
	// 20 March to 10 May: March has 12 of 31 days, May 10 of 31.
	p := &ladder.Plan{Start: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC),
		Goals: []ladder.Goal{{Actions: []ladder.PlanAction{
			{EffortHours: 7, Start: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), Due: time.Date(2026, 4, 30, 0, 0, 0, 0, time.UTC)},
			{EffortHours: 5, Due: time.Date(2026, 5, 10, 0, 0, 0, 0, time.UTC)},
			{EffortHours: 9, Due: time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), Done: true},
			{EffortHours: 9, Due: time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC), Dropped: true},
		}}}}
	got := Months(p, 31)
	want := []Month{
		{Start: p.Start, Capacity: 12, Load: 4},
		{Start: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Capacity: 31, Load: 3},
		{Start: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Capacity: 10, Load: 5},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPlanValidate(t *testing.T) {
	in := baseInput(t, nil, 12)
	p, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := clonePlan(p)
	bad.Goals[0].Specific = " "
	bad.Goals[0].Actions[0].Kind = "seventy"
	bad.Goals[1].Actions[0].After = []string{"no-such-action"}
	bad.End = bad.Start
	err = bad.Validate()
	want := []string{"end", "goals[0].actions[0].kind", "goals[0].specific", "goals[1].actions[0].after"}
	var got []string
	if e, ok := err.(*ladder.Error); ok && e.Code == ladder.EINVALID {
		for k := range e.Fields {
			got = append(got, k)
		}
	}
	if diff := cmp.Diff(want, got, cmpSorted); diff != "" {
		t.Errorf("fields (-want +got):\n%s", diff)
	}
}

func onlyGaps(gs []readiness.Gap, keys ...string) []readiness.Gap {
	var out []readiness.Gap
	for _, g := range gs {
		for _, k := range keys {
			if g.Competency == k {
				out = append(out, g)
			}
		}
	}
	return out
}

func goalKeys(p *ladder.Plan) []string {
	var out []string
	for _, g := range p.Goals {
		out = append(out, g.Competency)
	}
	return out
}

func clonePlan(p *ladder.Plan) *ladder.Plan {
	c := *p
	c.Goals = append([]ladder.Goal(nil), p.Goals...)
	for i := range c.Goals {
		c.Goals[i].Actions = cloneActions(c.Goals[i].Actions)
	}
	return &c
}

// TestGenerateHonestWhenNothingFits: a goal without actions says why,
// rather than pretending to be achievable.
func TestGenerateHonestWhenNothingFits(t *testing.T) {
	const yaml = `version: "1"
actions:
  - {key: hand-over, title: Hand over, description: d, kind: experience, category: lead-team, competencies: [delegation], effort_hours: 40, done_when: w}
`
	in := baseInput(t, nil, 6)
	cat, err := ParseCatalog("test.yaml", []byte(yaml), in.Model)
	if err != nil {
		t.Fatal(err)
	}
	in.Catalog, in.Gaps, in.HoursPerMonth = cat, onlyGaps(in.Gaps, "delegation", "budgeting"), 2
	p, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct{ goal, text string }{
		{"delegation", "No action fitted into your 2 hours a month"},
		{"budgeting", "The action catalogue has nothing for Budgeting and financial management yet"},
	} {
		for _, g := range p.Goals {
			if g.Competency == want.goal && (len(g.Actions) != 0 || !strings.Contains(g.Achievable, want.text)) {
				t.Errorf("%s: %d actions, achievable %q", g.Competency, len(g.Actions), g.Achievable)
			}
		}
	}
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
}

func TestActionAndGoalValidate(t *testing.T) {
	ok := ladder.PlanAction{Title: "Find a mentor", Kind: ladder.Kind20, EffortHours: 4, DoneWhen: "We met", Due: day0}
	for _, tt := range []struct {
		name   string
		change func(*ladder.PlanAction)
		field  string
	}{
		{"OK", func(*ladder.PlanAction) {}, ""},
		{"OKOwnWithoutKey", func(a *ladder.PlanAction) { a.Key, a.Edited = "", true }, ""},
		{"ErrTitleRequired", func(a *ladder.PlanAction) { a.Title = "  " }, "title"},
		{"ErrDoneWhenRequired", func(a *ladder.PlanAction) { a.DoneWhen = "" }, "done_when"},
		{"ErrKind", func(a *ladder.PlanAction) { a.Kind = "reading" }, "kind"},
		{"ErrEffort", func(a *ladder.PlanAction) { a.EffortHours = 0 }, "effort_hours"},
		{"ErrDueRequired", func(a *ladder.PlanAction) { a.Due = time.Time{} }, "due"},
		{"ErrDueBeforeStart", func(a *ladder.PlanAction) { a.Start = day0.AddDate(0, 0, 1) }, "due"},
		{"ErrAfterSelf", func(a *ladder.PlanAction) { a.Key, a.After = "x", []string{"x"} }, "after"},
		{"ErrOrder", func(a *ladder.PlanAction) { a.Order = -1 }, "order"},
	} {
		t.Run("Action"+tt.name, func(t *testing.T) {
			a := ok
			tt.change(&a)
			checkFieldErr(t, a.Validate(), tt.field)
		})
	}
	goal := ladder.Goal{Competency: "delegation", Specific: "s", Measure: "m", TargetLevel: 3, TargetDate: day0, Why: "w", Achievable: "a"}
	for _, tt := range []struct {
		name   string
		change func(*ladder.Goal)
		field  string
	}{
		{"OK", func(*ladder.Goal) {}, ""},
		{"ErrCompetency", func(g *ladder.Goal) { g.Competency = "" }, "competency"},
		{"ErrMeasure", func(g *ladder.Goal) { g.Measure = "" }, "measure"},
		{"ErrAchievable", func(g *ladder.Goal) { g.Achievable = "" }, "achievable"},
		{"ErrTargetLevel", func(g *ladder.Goal) { g.TargetLevel = 6 }, "target_level"},
		{"ErrTargetDate", func(g *ladder.Goal) { g.TargetDate = time.Time{} }, "target_date"},
		{"ErrAction", func(g *ladder.Goal) { g.Actions = []ladder.PlanAction{{Kind: ladder.Kind10}} }, "actions[0].title"},
	} {
		t.Run("Goal"+tt.name, func(t *testing.T) {
			g := goal
			tt.change(&g)
			checkFieldErr(t, g.Validate(), tt.field)
		})
	}
}

func checkFieldErr(t *testing.T, err error, field string) {
	t.Helper()
	if field == "" {
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	e, ok := err.(*ladder.Error)
	if !ok || e.Code != ladder.EINVALID {
		t.Fatalf("got %v, want EINVALID", err)
	}
	if _, ok := e.Fields[field]; !ok {
		t.Errorf("fields %v lack %s", e.Fields, field)
	}
}
