package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func testPlan(personID int64) *ladder.Plan {
	day := func(m, d int) time.Time { return time.Date(2026, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	action := func(key, kind string, due time.Time, after ...string) ladder.PlanAction {
		return ladder.PlanAction{Key: key, Title: "Do " + key, Kind: kind, Category: "lead-project",
			Competencies: []string{"delegation", "team-dynamics"}, EffortHours: 6, DoneWhen: "It is done.",
			Start: due.AddDate(0, -1, 0), Due: due, Why: "Because.", After: after}
	}
	goal := func(comp string, as ...ladder.PlanAction) ladder.Goal {
		return ladder.Goal{Competency: comp, Specific: "Show " + comp, Measure: "Rated 3", TargetLevel: 3,
			TargetDate: day(9, 30), Why: "The role needs it.", Achievable: "Six hours a month.", Actions: as}
	}
	return &ladder.Plan{PersonID: personID, TargetRole: "team-lead", Start: day(5, 1), End: day(10, 31),
		HoursPerMonth: 12, GeneratedAt: day(5, 1),
		Goals: []ladder.Goal{
			goal("delegation", action("find-mentor", ladder.Kind20, day(6, 30)),
				action("agree-goals", ladder.Kind20, day(8, 31), "find-mentor")),
			goal("team-dynamics", action("run-retro", ladder.Kind70, day(7, 31)), action("read-book", ladder.Kind10, day(9, 30))),
		}}
}

func TestPlans(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		ps := sqldb.NewPersonService(db)
		pls := sqldb.NewPlanService(db)
		me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
		for _, p := range []*ladder.Person{me, other} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := pls.FindPlan(ctx, me.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("no plan yet: %v", err)
		}
		plan := testPlan(me.ID)
		before, _ := ps.FindPersonByID(ctx, me.ID)
		if err := pls.SavePlan(ctx, plan); err != nil {
			t.Fatal(err)
		}
		after, _ := ps.FindPersonByID(ctx, me.ID)
		if after.Version <= before.Version {
			t.Errorf("version %d -> %d", before.Version, after.Version)
		}
		opts := cmpopts.EquateEmpty()
		t.Run("RoundTrip", func(t *testing.T) {
			got, err := pls.FindPlan(ctx, me.ID)
			if err != nil {
				t.Fatal(err)
			}
			if plan.ID == 0 || plan.Goals[1].Actions[1].ID == 0 || plan.Goals[1].Actions[1].Order != 2 {
				t.Errorf("ids and orders not set: %+v", plan)
			}
			if diff := cmp.Diff(plan, got, opts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
		t.Run("Replace", func(t *testing.T) {
			next, _ := pls.FindPlan(ctx, me.ID)
			keptGoal, keptAction := next.Goals[0].ID, next.Goals[0].Actions[0].ID
			moved := next.Goals[1].Actions[0]
			next.Goals[0].Actions = []ladder.PlanAction{next.Goals[0].Actions[0], moved,
				{Title: "My own step", Kind: ladder.Kind70, EffortHours: 2, DoneWhen: "Done.", Due: next.End}}
			next.Goals[1] = testPlan(me.ID).Goals[1]
			next.Goals[1].Competency = "conflict"
			next.Goals[1].Actions = next.Goals[1].Actions[1:]
			next.HoursPerMonth = 20
			if err := pls.SavePlan(ctx, next); err != nil {
				t.Fatal(err)
			}
			got, _ := pls.FindPlan(ctx, me.ID)
			if diff := cmp.Diff(next, got, opts); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
			if got.ID != plan.ID || got.Goals[0].ID != keptGoal || got.Goals[0].Actions[0].ID != keptAction ||
				got.Goals[0].Actions[1].ID != moved.ID || got.Goals[1].ID == plan.Goals[1].ID {
				t.Errorf("ids not kept: %+v", got)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM plan_actions`).Scan(&n)
			if n != 4 {
				t.Errorf("%d actions stored, want 4", n)
			}
		})
		t.Run("DoneAndDrop", func(t *testing.T) {
			p, _ := pls.FindPlan(ctx, me.ID)
			a, g := p.Goals[0].Actions[1].ID, p.Goals[1].ID
			if err := pls.SetActionDone(ctx, me.ID, a, true); err != nil {
				t.Fatal(err)
			}
			if err := pls.SetGoalDone(ctx, me.ID, g, true); err != nil {
				t.Fatal(err)
			}
			if err := pls.DropAction(ctx, me.ID, p.Goals[0].Actions[2].ID); err != nil {
				t.Fatal(err)
			}
			got, _ := pls.FindPlan(ctx, me.ID)
			if !got.Goals[0].Actions[1].Done || !got.Goals[1].Done || !got.Goals[0].Actions[2].Dropped || got.Goals[0].Actions[0].Done {
				t.Errorf("flags not saved: %+v", got.Goals)
			}
			if err := pls.SetActionDone(ctx, me.ID, a, false); err != nil {
				t.Fatal(err)
			}
			if got, _ := pls.FindPlan(ctx, me.ID); got.Goals[0].Actions[1].Done {
				t.Error("undo not saved")
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			bad := testPlan(me.ID)
			bad.Goals[0].Actions[0].Kind = "osmosis"
			if err := pls.SavePlan(ctx, bad); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("got %v", err)
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			p, _ := pls.FindPlan(ctx, me.ID)
			a, g := p.Goals[0].Actions[0].ID, p.Goals[0].ID
			for name, err := range map[string]error{
				"action done": pls.SetActionDone(ctx, other.ID, a, true),
				"goal done":   pls.SetGoalDone(ctx, other.ID, g, true),
				"drop":        pls.DropAction(ctx, other.ID, a),
			} {
				if ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("%s: %v", name, err)
				}
			}
			if _, err := pls.FindPlan(ctx, other.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			stolen := testPlan(other.ID)
			stolen.Goals[0].ID = g
			if err := pls.SavePlan(ctx, stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("save with my goal id: %v", err)
			}
			stolen = testPlan(other.ID)
			stolen.ID = p.ID
			if err := pls.SavePlan(ctx, stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("save with my plan id: %v", err)
			}
			if _, err := pls.FindPlan(ctx, other.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("a refused plan was saved: %v", err)
			}
			if got, _ := pls.FindPlan(ctx, me.ID); got.Goals[0].Actions[0].Done || got.Goals[0].Done {
				t.Errorf("my plan changed: %+v", got.Goals[0])
			}
		})
		t.Run("Cascade", func(t *testing.T) {
			if err := ps.DeletePerson(ctx, me.ID); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"plans", "plan_goals", "plan_actions"} {
				var n int
				db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
				if n != 0 {
					t.Errorf("%d rows left in %s", n, table)
				}
			}
		})
	})
}
