package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

func TestTodayAndCalendar(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "help-desk", "--target", "team-lead")
		if out := c.ok(nil, "today"); !strings.Contains(out, "Nothing due in the next 7 days") {
			t.Errorf("empty agenda:\n%s", out)
		}
		c.fail(2, []string{"--days must be 1-366"}, "today", "--days", "0")
		c.ok(nil, "plan", "generate", "--months", "6")
		// Every action of a six-month plan falls due within 200 days.
		var items []struct {
			Date, Kind, Title, Link, UID string
			Overdue                      bool
		}
		c.ok(&items, "today", "--days", "200", "--json")
		if len(items) == 0 {
			t.Fatal("no plan actions in the agenda")
		}
		for _, it := range items {
			if it.Kind != "plan-action" || it.Overdue || it.Title == "" || !strings.HasPrefix(it.UID, "plan-action-") {
				t.Errorf("item %+v", it)
			}
		}
		out := c.ok(nil, "today", "--days", "200")
		if !strings.Contains(out, "Due in the next 200 days") || !strings.Contains(out, items[0].Title) {
			t.Errorf("agenda:\n%s", out)
		}

		file := filepath.Join(c.dir, "ladder.ics")
		c.ok(nil, "calendar", "-o", file)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(cal.Events()); n <= len(items) { // the goals come on top of the actions
			t.Errorf("%d events for %d actions", n, len(items))
		}
	})
}
