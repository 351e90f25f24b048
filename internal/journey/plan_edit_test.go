package journey_test

import (
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func ptr[T any](v T) *T { return &v }

// wantField checks that err is EINVALID naming field.
func wantField(t *testing.T, err error, field string) {
	t.Helper()
	e, ok := err.(*ladder.Error)
	if !ok || e.Code != ladder.EINVALID || e.Fields[field] == "" {
		t.Errorf("want EINVALID naming %q, got %#v", field, err)
	}
}

func findPlanAction(pl *ladder.Plan, id int64) (ladder.PlanAction, int, int) {
	for gi, g := range pl.Goals {
		for ai, a := range g.Actions {
			if a.ID == id {
				return a, gi, ai
			}
		}
	}
	return ladder.PlanAction{}, -1, -1
}

func TestEditPlan(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		p, err := demo.Load(ctx, j, now)
		if err != nil {
			t.Fatal(err)
		}
		other := &ladder.Person{Name: "Other", Email: "other@example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
		if err := j.Persons.CreatePerson(ctx, other); err != nil {
			t.Fatal(err)
		}
		if _, err := j.EditAction(ctx, other, 1, journey.ActionEdit{Title: ptr("x")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("edit without a plan: %v", err)
		}
		pl, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12, HoursPerMonth: 12})
		if err != nil {
			t.Fatal(err)
		}
		g0 := pl.Goals[0]
		if len(g0.Actions) < 2 {
			t.Fatalf("goal with %d actions", len(g0.Actions))
		}
		edited := g0.Actions[0]
		due := now.AddDate(0, 3, 0)

		t.Run("EditAction", func(t *testing.T) {
			got, err := j.EditAction(ctx, p, edited.ID, journey.ActionEdit{Title: ptr("  Run the budget review "), Due: &due})
			if err != nil {
				t.Fatal(err)
			}
			a, _, _ := findPlanAction(got, edited.ID)
			if a.Title != "Run the budget review" || !a.Edited || a.DoneWhen != edited.DoneWhen || a.Due.Format(time.DateOnly) != "2027-02-01" {
				t.Errorf("edited %+v", a)
			}
			stored, _ := j.Plans().FindPlan(ctx, p.ID)
			if a, _, _ := findPlanAction(stored, edited.ID); a.Title != "Run the budget review" || !a.Edited {
				t.Errorf("stored %+v", a)
			}
			_, err = j.EditAction(ctx, p, edited.ID, journey.ActionEdit{Title: ptr(" ")})
			wantField(t, err, "title")
			_, err = j.EditAction(ctx, p, edited.ID, journey.ActionEdit{Due: ptr(edited.Start.AddDate(0, 0, -1))})
			wantField(t, err, "due")
			_, err = j.EditAction(ctx, p, edited.ID, journey.ActionEdit{DoneWhen: ptr("")})
			wantField(t, err, "done_when")
		})

		var added ladder.PlanAction
		t.Run("AddAction", func(t *testing.T) {
			got, err := j.AddAction(ctx, p, g0.ID, "Shadow the finance lead", ladder.Kind20, due, "")
			if err != nil {
				t.Fatal(err)
			}
			acts := got.Goals[0].Actions
			added = acts[len(acts)-1]
			if added.ID == 0 || added.Key != "" || !added.Edited || added.Title != "Shadow the finance lead" ||
				added.Kind != ladder.Kind20 || added.DoneWhen == "" || added.Order != len(acts) {
				t.Errorf("added %+v", added)
			}
			_, err = j.AddAction(ctx, p, g0.ID, "", ladder.Kind20, due, "")
			wantField(t, err, "title")
			_, err = j.AddAction(ctx, p, g0.ID, "x", "hobby", due, "")
			wantField(t, err, "kind")
			_, err = j.AddAction(ctx, p, g0.ID, "x", ladder.Kind10, time.Time{}, "")
			wantField(t, err, "due")
		})

		t.Run("MoveAction", func(t *testing.T) {
			second := g0.Actions[1]
			got, err := j.MoveAction(ctx, p, second.ID, -1)
			if err != nil {
				t.Fatal(err)
			}
			if a := got.Goals[0].Actions[0]; a.ID != second.ID || a.Order != 1 || got.Goals[0].Actions[1].ID != edited.ID {
				t.Errorf("after moving up: %+v", got.Goals[0].Actions[:2])
			}
			got, err = j.MoveAction(ctx, p, second.ID, -1) // already first: stays
			if err != nil || got.Goals[0].Actions[0].ID != second.ID {
				t.Errorf("moving the first up: %v", err)
			}
			if _, err := j.MoveAction(ctx, p, second.ID, 1); err != nil {
				t.Fatal(err)
			}
			stored, _ := j.Plans().FindPlan(ctx, p.ID)
			if stored.Goals[0].Actions[0].ID != edited.ID || stored.Goals[0].Actions[1].ID != second.ID {
				t.Errorf("stored order %d %d", stored.Goals[0].Actions[0].ID, stored.Goals[0].Actions[1].ID)
			}
			_, err = j.MoveAction(ctx, p, second.ID, 0)
			wantField(t, err, "direction")
		})

		t.Run("EditGoal", func(t *testing.T) {
			got, err := j.EditGoal(ctx, p, g0.ID, journey.GoalEdit{Measure: ptr("My manager signs off the budget"), TargetLevel: ptr(4)})
			if err != nil {
				t.Fatal(err)
			}
			if g := got.Goals[0]; g.Measure != "My manager signs off the budget" || g.TargetLevel != 4 || !g.Edited || g.Specific != g0.Specific {
				t.Errorf("goal %+v", g)
			}
			_, err = j.EditGoal(ctx, p, g0.ID, journey.GoalEdit{TargetLevel: ptr(9)})
			wantField(t, err, "target_level")
			_, err = j.EditGoal(ctx, p, g0.ID, journey.GoalEdit{Specific: ptr("")})
			wantField(t, err, "specific")
		})

		t.Run("OthersIDs", func(t *testing.T) {
			if _, err := j.GeneratePlan(ctx, other, journey.PlanOptions{Months: 12}); err != nil {
				t.Skipf("no plan for the other person: %v", err)
			}
			if _, err := j.EditAction(ctx, other, edited.ID, journey.ActionEdit{Title: ptr("mine")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("EditAction: %v", err)
			}
			if _, err := j.MoveAction(ctx, other, edited.ID, 1); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("MoveAction: %v", err)
			}
			if _, err := j.AddAction(ctx, other, g0.ID, "mine", ladder.Kind70, due, ""); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("AddAction: %v", err)
			}
			if _, err := j.EditGoal(ctx, other, g0.ID, journey.GoalEdit{Measure: ptr("mine")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("EditGoal: %v", err)
			}
		})

		t.Run("RegenerationKeepsEdits", func(t *testing.T) {
			again, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 6})
			if err != nil {
				t.Fatal(err)
			}
			if a, _, _ := findPlanAction(again, edited.ID); a.Title != "Run the budget review" || !a.Edited {
				t.Errorf("edited action lost: %+v", a)
			}
			if a, _, _ := findPlanAction(again, added.ID); a.Title != "Shadow the finance lead" || a.Key != "" {
				t.Errorf("added action lost: %+v", a)
			}
			found := false
			for _, g := range again.Goals {
				if g.ID == g0.ID {
					found = g.Edited && g.Measure == "My manager signs off the budget" && g.TargetLevel == 4
				}
			}
			if !found {
				t.Errorf("edited goal lost: %+v", again.Goals)
			}
		})
	})
}
