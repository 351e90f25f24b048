package plan

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRegenerate(t *testing.T) {
	in := baseInput(t, nil, 12)
	in.MaxGoals = 4
	first, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	// Storage gives ids.
	old := clonePlan(first)
	old.ID = 9
	for gi := range old.Goals {
		old.Goals[gi].ID = int64(gi + 1)
		for ai := range old.Goals[gi].Actions {
			old.Goals[gi].Actions[ai].ID = int64(100*(gi+1) + ai)
		}
	}
	g0, g1, g2, g3 := old.Goals[0], old.Goals[1], old.Goals[2], old.Goals[3]
	old.Goals[0].Actions[0].Done = true
	old.Goals[1].Edited, old.Goals[1].Measure = true, "My manager says so."
	old.Goals[2].Actions[0].Edited, old.Goals[2].Actions[0].Title = true, "My own take"
	// A new assessment closes goal 3's gap and moves a quarter on.
	in.Existing = old
	in.Start = EndAfter(in.Start, 3).AddDate(0, 0, 1)
	in.End = EndAfter(in.Start, 12)
	for i := range in.Gaps {
		if in.Gaps[i].Competency == g3.Competency {
			in.Gaps[i].Gap, in.Gaps[i].WeightedGap, in.Gaps[i].Current = 0, 0, 4
		}
	}
	p, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	if p.ID != 9 || p.PersonID != 7 {
		t.Errorf("plan id %d person %d", p.ID, p.PersonID)
	}
	// Goal 3 was untouched and no longer fits: gone, replaced by the next gap.
	wantGoals := []string{g0.Competency, g1.Competency, g2.Competency, in.Gaps[4].Competency}
	if diff := cmp.Diff(wantGoals, goalKeys(p)); diff != "" {
		t.Errorf("goals (-want +got):\n%s", diff)
	}
	// Goal 0 untouched: rewritten, same id, the completed action kept as is.
	if p.Goals[0].ID != 1 || p.Goals[0].Actions[0].ID != g0.Actions[0].ID || !p.Goals[0].Actions[0].Done {
		t.Errorf("goal 0: %+v", p.Goals[0])
	}
	if diff := cmp.Diff(old.Goals[0].Actions[0], p.Goals[0].Actions[0]); diff != "" {
		t.Errorf("completed action changed (-old +new):\n%s", diff)
	}
	if p.Goals[0].Why == g0.Why {
		t.Errorf("untouched goal not rewritten for the new horizon")
	}
	// Goal 1 edited: its own fields stay.
	got1 := p.Goals[1]
	got1.Actions = nil
	want1 := old.Goals[1]
	want1.Actions = nil
	if diff := cmp.Diff(want1, got1); diff != "" {
		t.Errorf("edited goal changed (-old +new):\n%s", diff)
	}
	// Goal 2: the edited action stays with its dates, first in the list.
	if diff := cmp.Diff(old.Goals[2].Actions[0], p.Goals[2].Actions[0]); diff != "" {
		t.Errorf("edited action changed (-old +new):\n%s", diff)
	}
	if p.Goals[3].ID != 0 {
		t.Errorf("new goal has id %d", p.Goals[3].ID)
	}
	// Untouched actions are planned anew within the new horizon.
	for _, g := range p.Goals {
		for _, a := range g.Actions {
			if !a.Done && !a.Edited && a.Start.Before(in.Start) {
				t.Errorf("untouched action %s starts %s, before the new start", a.Key, day(a.Start))
			}
		}
	}
	_ = g2
}

// TestRegenerateGoalDone: a completed goal stays whole, and its competency
// gets a new goal only for a level beyond the one reached.
func TestRegenerateGoalDone(t *testing.T) {
	// budgeting 1 of 4 (weighted 15) ranks above delegation 2 of 4 (10).
	in := baseInput(t, map[string]float64{"delegation": 2}, 6)
	in.Gaps = onlyGaps(in.Gaps, "delegation", "budgeting")
	first, err := Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"budgeting", "delegation"}, goalKeys(first)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	old := clonePlan(first)
	old.Goals[1].Done = true // delegation 3 reached
	in.Existing = old
	p, err := Generate(in) // same levels: a goal of 3 again would repeat it
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"budgeting", "delegation"}, goalKeys(p)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(old.Goals[1], p.Goals[1]); diff != "" {
		t.Errorf("done goal changed (-old +new):\n%s", diff)
	}
	// A new assessment at 3: now a goal of 4 is due.
	for i := range in.Gaps {
		if g := &in.Gaps[i]; g.Competency == "delegation" {
			g.Current, g.Gap, g.WeightedGap = 3, 1, 5
		}
	}
	p, err = Generate(in)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"budgeting", "delegation", "delegation"}, goalKeys(p)); diff != "" {
		t.Fatalf("(-want +got):\n%s", diff)
	}
	if !p.Goals[1].Done || p.Goals[2].Done || p.Goals[2].TargetLevel != 4 {
		t.Errorf("goals %+v", p.Goals[1:])
	}
	if err := p.Validate(); err != nil {
		t.Error(err)
	}
}
