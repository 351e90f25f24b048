package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/sqldb"
)

func TestFirst90Commands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Sam", "--email", "sam@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.fail(1, []string{"no manager record yet", "ladder manager start"}, "manager")
		c.fail(1, []string{"no plan yet"}, "first90")
		c.fail(1, []string{"situation: must be one of"}, "manager", "start", "--team", "Ops", "--size", "3", "--title", "IT manager", "--situation", "moonshot")
		c.fail(1, []string{"start: must be a date"}, "manager", "start", "--date", "March", "--team", "Ops", "--size", "3", "--title", "M", "--situation", "turnaround")
		c.fail(1, []string{"team_size: must be 1-10000"}, "manager", "start", "--team", "Ops", "--title", "M", "--situation", "turnaround")

		if out := c.ok(nil, "manager", "start", "--date", "2026-03-02", "--team", "Infrastructure", "--size", "5", "--title", "IT manager",
			"--situation", "turnaround"); !strings.Contains(out, "Your plan has 21 steps") {
			t.Errorf("start: %s", out)
		}
		var m struct {
			Start, Situation string
			Day              int
			Days             int
		}
		c.ok(&m, "manager", "show", "--json")
		if m.Start != "2026-03-02" || m.Situation != "turnaround" || m.Days != 90 {
			t.Errorf("show: %+v", m)
		}
		var plan struct {
			Steps []struct {
				ID   int64
				Key  string
				Done bool
				Note string
			}
		}
		c.ok(&plan, "first90", "--json")
		if len(plan.Steps) != 21 {
			t.Fatalf("%d steps", len(plan.Steps))
		}
		var fires int64
		for _, s := range plan.Steps {
			if s.Key == "urgent-fires" {
				fires = s.ID
			}
		}
		if out := c.ok(nil, "first90", "done", itoa(fires), "--note", "Backups fixed"); !strings.Contains(out, ": done.") {
			t.Errorf("done: %s", out)
		}
		c.fail(1, []string{"not found"}, "first90", "done", "999999")
		c.fail(2, []string{"ID must be a number"}, "first90", "done", "x")
		if out := c.ok(nil, "first90"); !strings.Contains(out, "[x]") || !strings.Contains(out, "Days 1-30: learn") {
			t.Errorf("first90:\n%s", out)
		}
		// A new situation keeps the done step and its note.
		c.ok(nil, "manager", "start", "--date", "2026-03-02", "--team", "Infrastructure", "--size", "5", "--title", "IT manager",
			"--situation", "sustaining-success")
		c.ok(&plan, "first90", "--json")
		kept := false
		for _, s := range plan.Steps {
			kept = kept || (s.ID == fires && s.Done && s.Note == "Backups fixed")
		}
		if !kept || len(plan.Steps) != 20 {
			t.Errorf("after a new situation: %d steps, kept %v", len(plan.Steps), kept)
		}

		// Team and one-to-ones.
		var sam struct{ ID int64 }
		c.ok(&sam, "team", "add", "--name", "Sam Okafor", "--role", "Network engineer", "--goals", "Lead a project", "--json")
		c.fail(1, []string{"name: is required"}, "team", "add", "--role", "x")
		c.fail(1, []string{"next_one_to_one: must be a date"}, "team", "add", "--name", "A", "--next", "soon")
		var o struct {
			FollowUps []struct {
				ID  int64
				Due *string
			} `json:"follow_ups"`
		}
		c.ok(&o, "team", "one-to-one", itoa(sam.ID), "--date", "2026-03-10", "--notes", "On-call load",
			"--follow-up", "Share the rota draft@2026-03-13", "--follow-up", "Book a course", "--next", "2026-03-24", "--json")
		if len(o.FollowUps) != 2 || o.FollowUps[0].Due == nil || *o.FollowUps[0].Due != "2026-03-13" || o.FollowUps[1].Due != nil {
			t.Fatalf("one-to-one: %+v", o)
		}
		c.fail(1, []string{"follow_ups: must be a date"}, "team", "one-to-one", itoa(sam.ID), "--follow-up", "x@someday")
		c.fail(1, []string{"not found"}, "team", "one-to-one", "999999", "--notes", "x")
		if out := c.ok(nil, "team", "follow-up", itoa(o.FollowUps[0].ID)); !strings.Contains(out, ": done.") {
			t.Errorf("follow-up: %s", out)
		}
		out := c.ok(nil, "team", "show", itoa(sam.ID))
		for _, want := range []string{"Sam Okafor, Network engineer", "Next one-to-one: 24 Mar 2026", "[x]", "Book a course"} {
			if !strings.Contains(out, want) {
				t.Errorf("team show lacks %q:\n%s", want, out)
			}
		}
		if out := c.ok(nil, "team", "list"); !strings.Contains(out, "Sam Okafor") {
			t.Errorf("team list:\n%s", out)
		}

		// Stakeholders.
		c.ok(nil, "stakeholders", "add", "--name", "Dana Ruiz", "--role", "CFO", "--influence", "5", "--interest", "2")
		c.fail(1, []string{"influence: must be 1-5"}, "stakeholders", "add", "--name", "X", "--influence", "9", "--interest", "2")
		if out := c.ok(nil, "stakeholders"); !strings.Contains(out, "Keep satisfied:\n  #") || !strings.Contains(out, "Dana Ruiz") {
			t.Errorf("stakeholders:\n%s", out)
		}

		// Trust checklist.
		var week struct {
			Week   string
			Habits []string
		}
		c.ok(&week, "trust", "tick", "held-one-to-ones", "gave-credit", "--week", "2026-03-04", "--json")
		if week.Week != "2026-03-02" || len(week.Habits) != 2 {
			t.Errorf("tick: %+v", week)
		}
		c.ok(&week, "trust", "untick", "gave-credit", "--week", "2026-03-04", "--json")
		if len(week.Habits) != 1 || week.Habits[0] != "held-one-to-ones" {
			t.Errorf("untick: %+v", week)
		}
		c.fail(1, []string{`unknown habit "bribery"`}, "trust", "tick", "bribery")
		if out := c.ok(nil, "trust", "--week", "2026-03-04"); !strings.Contains(out, "[x] Held every scheduled one-to-one") {
			t.Errorf("trust:\n%s", out)
		}

		// Delegation.
		var d struct{ ID int64 }
		c.ok(&d, "delegate", "add", "--task", "Patching", "--hours", "3", "--json")
		c.ok(nil, "delegate", "add", "--task", "Backups", "--hours", "1.5")
		c.fail(1, []string{"owner: say who owns a delegated task"}, "delegate", "set", itoa(d.ID), "--status", "delegated")
		c.ok(nil, "delegate", "set", itoa(d.ID), "--status", "delegated", "--owner", "Tomasz")
		if out := c.ok(nil, "delegate"); !strings.Contains(out, "Freed: 3 h a week") || !strings.Contains(out, "Still yours: 1.5 h") {
			t.Errorf("delegate:\n%s", out)
		}
		c.fail(1, []string{"status: must be one of"}, "delegate", "add", "--task", "x", "--status", "someday")
	})
}

func TestDemoManager(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		if out := c.ok(nil, "demo"); !strings.Contains(out, "Alex Moreno") {
			t.Errorf("plain demo: %s", out)
		}
		c.fail(1, []string{"no manager record yet"}, "manager")
		if out := c.ok(nil, "demo", "--manager"); !strings.Contains(out, "Priya Shah") {
			t.Errorf("demo --manager: %s", out)
		}
		var m struct {
			Day       int
			TeamSize  int `json:"team_size"`
			Situation string
		}
		c.ok(&m, "manager", "--json")
		if m.Day != 40 || m.TeamSize != 4 || m.Situation != "realignment" {
			t.Errorf("Priya: %+v", m)
		}
		var team []struct{ Name string }
		c.ok(&team, "team", "list", "--json")
		var dl struct {
			Hours struct{ Freed float64 }
		}
		c.ok(&dl, "delegate", "--json")
		if len(team) != 4 || dl.Hours.Freed == 0 {
			t.Errorf("team %d, freed %v", len(team), dl.Hours.Freed)
		}
		if out := c.ok(nil, "first90"); !strings.Contains(out, "Day 40 of 90") {
			t.Errorf("first90:\n%s", out)
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestExportImportManager: the manager demo's first 90 days survive export
// and import into the other engine.
func TestExportImportManager(t *testing.T) {
	src, dst := newCLIEnv(t, sqldb.SQLite), newCLIEnv(t, sqldb.Postgres)
	src.ok(nil, "demo", "--manager")
	file := filepath.Join(t.TempDir(), "priya.json")
	src.ok(nil, "export", "-o", file)
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"situation": "realignment"`, `"Find budget for a Wi-Fi design course"`, `"habits": [`, `"status": "handing-over"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	dst.ok(nil, "import", file, "--use")
	if again := dst.ok(nil, "export"); normaliseExport(again) != normaliseExport(string(b)) {
		t.Error("export -> import -> export changed the file")
	}
	if out := dst.ok(nil, "team", "list"); !strings.Contains(out, "Aisha Bello") {
		t.Errorf("imported team:\n%s", out)
	}
}
