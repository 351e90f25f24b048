package cli

import (
	"strings"
	"testing"
)

func TestLearnCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "help-desk", "--target", "team-lead")
		if out := c.ok(nil, "learn"); !strings.Contains(out, "Nothing on your list yet") {
			t.Errorf("empty list:\n%s", out)
		}
		var own struct {
			ID           int64
			Kind, Status string
			Competencies []string
		}
		c.ok(&own, "learn", "add", "--title", "Crucial Conversations", "--kind", "book", "--competency", "conflict-resolution", "--json")
		if own.ID == 0 || own.Kind != "book" || own.Status != "planned" || own.Competencies[0] != "conflict-resolution" {
			t.Fatalf("%+v", own)
		}
		var starter struct {
			ID           int64
			Title        string
			FromCatalog  string `json:"from_catalog"`
			Competencies []string
		}
		c.ok(&starter, "learn", "add", "--from", "managers-path", "--json")
		if !strings.Contains(starter.Title, "Camille Fournier") || starter.FromCatalog != "managers-path" || len(starter.Competencies) != 3 {
			t.Fatalf("%+v", starter)
		}
		c.fail(1, []string{"no such starter resource"}, "learn", "add", "--from", "nope")
		c.fail(1, []string{"kind: must be one of"}, "learn", "add", "--title", "x", "--kind", "film")
		c.fail(1, []string{"unknown competency"}, "learn", "add", "--title", "x", "--kind", "book", "--competency", "juggling")

		var item struct {
			Status   string
			Progress int
		}
		c.ok(&item, "learn", "progress", "1", "60", "--json")
		if item.Status != "in-progress" || item.Progress != 60 {
			t.Errorf("progress: %+v", item)
		}
		c.fail(1, []string{"progress: must be 0-100"}, "learn", "progress", "1", "160")
		c.fail(2, []string{"PERCENT"}, "learn", "progress", "1", "lots")
		if out := c.ok(nil, "learn", "done", "1"); !strings.Contains(out, "done, 100%") {
			t.Errorf("done: %s", out)
		}
		c.fail(1, []string{"not found"}, "learn", "done", "99")

		var week struct {
			Week            string
			ManagerialHours float64 `json:"managerial_hours"`
		}
		c.ok(&week, "learn", "week", "--technical", "25", "--managerial", "12", "--learning", "3", "--week", "2026-04-29", "--json")
		if week.Week != "2026-04-27" || week.ManagerialHours != 12 {
			t.Errorf("week: %+v", week)
		}
		c.fail(1, []string{"168 hours of a week"}, "learn", "week", "--technical", "100", "--managerial", "100")
		c.fail(1, []string{"--week"}, "learn", "week", "--week", "29/04/2026")

		var streak struct{ Weeks int }
		c.ok(&streak, "learn", "streak", "--json")
		if streak.Weeks < 1 {
			t.Errorf("streak after progress this week: %+v", streak)
		}
		if out := c.ok(nil, "learn", "streak"); !strings.Contains(out, "Learning streak:") {
			t.Errorf("streak: %s", out)
		}
		var list []struct{ ID int64 }
		c.ok(&list, "learn", "--json")
		if len(list) != 2 || list[0].ID != starter.ID {
			t.Errorf("unfinished first: %+v", list)
		}
		if out := c.ok(nil, "learn", "resources", "--competency", "budgeting"); !strings.Contains(out, "Financial Intelligence") {
			t.Errorf("resources:\n%s", out)
		}
	})
}
