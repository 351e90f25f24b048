package cli

import (
	"strings"
	"testing"
)

func TestJournalCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "help-desk", "--target", "team-lead")
		var win struct {
			ID           int64
			Kind, Date   string
			Tags         []string
			Competencies []string
		}
		c.ok(&win, "journal", "add", "--kind", "win", "--title", "Ran my first retro", "--date", "2026-04-20",
			"--mood", "4", "--confidence", "3", "--tag", "Retro", "--competency", "team-dynamics", "--json")
		if win.ID == 0 || win.Date != "2026-04-20" || win.Tags[0] != "retro" || win.Competencies[0] != "team-dynamics" {
			t.Fatalf("%+v", win)
		}
		c.ok(nil, "journal", "add", "--kind", "reflection", "--title", "Week 17", "--description", "A tense stand-up", "--next-time", "Ask earlier")
		c.fail(1, []string{"mood: must be 1-5"}, "journal", "add", "--title", "x", "--mood", "9")
		c.fail(1, []string{"unknown competency"}, "journal", "add", "--title", "x", "--competency", "juggling")
		c.fail(1, []string{"--date"}, "journal", "add", "--title", "x", "--date", "20/04/2026")
		c.fail(1, []string{"challenge"}, "journal", "add", "--kind", "challenge", "--title", "x", "--challenge", "weather")

		var list []struct{ Kind string }
		c.ok(&list, "journal", "list", "--json")
		if len(list) != 2 || list[0].Kind != "reflection" {
			t.Fatalf("list %+v", list)
		}
		brag := c.ok(nil, "journal", "brag")
		if !strings.Contains(brag, "**Ran my first retro** (20 Apr 2026)") || strings.Contains(brag, "Week 17") {
			t.Errorf("brag document:\n%s", brag)
		}
		if out := c.ok(nil, "journal", "challenges"); !strings.Contains(out, "Team dynamics") {
			t.Errorf("challenges:\n%s", out)
		}
		if out := c.ok(nil, "journal", "prompt"); !strings.Contains(out, "This week:") {
			t.Errorf("prompt:\n%s", out)
		}
		c.ok(nil, "journal", "delete", "1")
		c.fail(1, []string{"not found"}, "journal", "delete", "1")
	})
}
