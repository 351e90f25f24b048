package cli

import (
	"strconv"
	"strings"
	"testing"
)

type planEditOut struct {
	Goals []struct {
		ID          int64
		Measure     string
		TargetLevel int    `json:"target_level"`
		TargetDate  string `json:"target_date"`
		Edited      bool
		Actions     []struct {
			ID       int64
			Key      string
			Title    string
			Kind     string
			Due      string
			DoneWhen string `json:"done_when"`
			Edited   bool
		}
	}
}

func TestPlanEditCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		var pl planEditOut
		c.ok(&pl, "plan", "generate", "--months", "12", "--json")
		g := pl.Goals[0]
		if len(g.Actions) < 2 {
			t.Fatalf("goal %+v", g)
		}
		gid := strconv.FormatInt(g.ID, 10)
		first, second := g.Actions[0], g.Actions[1]
		aid := strconv.FormatInt(first.ID, 10)

		var out planEditOut
		c.ok(&out, "plan", "edit", aid, "--title", "Lead the budget round", "--due", "2030-03-31", "--done-when", "The budget is approved", "--json")
		if a := out.Goals[0].Actions[0]; a.Title != "Lead the budget round" || a.Due != "2030-03-31" || a.DoneWhen != "The budget is approved" || !a.Edited {
			t.Errorf("edited %+v", a)
		}
		c.fail(1, []string{"title: is required"}, "plan", "edit", aid, "--title", " ")
		c.fail(1, []string{"--due"}, "plan", "edit", aid, "--due", "31/03/2030")
		c.fail(2, []string{"at least one"}, "plan", "edit", aid)
		c.fail(1, []string{"Action 999999 is not in your plan"}, "plan", "edit", "999999", "--title", "x")

		c.ok(&out, "plan", "add", "--goal", gid, "--title", "Ask the CFO for feedback", "--kind", "others", "--due", "2030-06-30", "--json")
		acts := out.Goals[0].Actions
		if a := acts[len(acts)-1]; a.Title != "Ask the CFO for feedback" || a.Key != "" || a.Kind != "others" || !a.Edited {
			t.Errorf("added %+v", a)
		}
		if s := c.ok(nil, "plan", "add", "--goal", gid, "--title", "Read a finance book", "--kind", "formal", "--due", "2030-06-30"); !strings.Contains(s, "added to goal #"+gid) {
			t.Errorf("add said %q", s)
		}
		c.fail(1, []string{"kind: must be"}, "plan", "add", "--goal", gid, "--title", "x", "--kind", "hobby", "--due", "2030-06-30")
		c.fail(1, []string{"due: is required"}, "plan", "add", "--goal", gid, "--title", "x", "--kind", "formal")
		c.fail(1, []string{"Goal 999999 is not in your plan"}, "plan", "add", "--goal", "999999", "--title", "x", "--kind", "formal", "--due", "2030-06-30")
		c.fail(2, []string{"--goal"}, "plan", "add", "--title", "x")

		c.ok(&out, "plan", "move", strconv.FormatInt(second.ID, 10), "up", "--json")
		if a := out.Goals[0].Actions; a[0].ID != second.ID || a[1].ID != first.ID {
			t.Errorf("after move: %d %d", a[0].ID, a[1].ID)
		}
		c.ok(nil, "plan", "move", strconv.FormatInt(second.ID, 10), "down")
		c.fail(2, []string{"up or down"}, "plan", "move", aid, "sideways")

		c.ok(&out, "plan", "goal", gid, "--measure", "The CFO signs off", "--level", "4", "--target-date", "2030-12-31", "--json")
		if gg := out.Goals[0]; gg.Measure != "The CFO signs off" || gg.TargetLevel != 4 || gg.TargetDate != "2030-12-31" || !gg.Edited {
			t.Errorf("goal %+v", gg)
		}
		c.fail(1, []string{"target_level: must be between 1 and 5"}, "plan", "goal", gid, "--level", "9")
		c.fail(2, []string{"GOAL_ID must be a number"}, "plan", "goal", "x", "--level", "3")

		var again planEditOut
		c.ok(&again, "plan", "generate", "--months", "6", "--json")
		titles := map[string]bool{}
		for _, gg := range again.Goals {
			for _, a := range gg.Actions {
				titles[a.Title] = true
			}
		}
		if !titles["Lead the budget round"] || !titles["Ask the CFO for feedback"] {
			t.Errorf("regeneration lost edits: %v", titles)
		}
		if s := c.ok(nil, "plan"); !strings.Contains(s, "Goal #"+gid) {
			t.Errorf("plan output lacks the goal id:\n%s", s)
		}
	})
}
