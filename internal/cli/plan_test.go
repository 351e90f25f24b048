package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
)

type planOut struct {
	ID            int64
	End           string
	HoursPerMonth int `json:"hours_per_month"`
	Mix           struct{ Experience, Others, Formal int }
	Goals         []struct {
		ID      int64
		Actions []struct {
			ID            int64
			Key, Kind     string
			Due           string
			Done, Dropped bool
		}
	}
}

func TestPlanCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		c.fail(1, []string{"No development plan yet"}, "plan")
		c.fail(1, []string{"months: must be 6, 12 or 18"}, "plan", "generate", "--months", "7")
		c.fail(1, []string{"--until"}, "plan", "generate", "--until", "31/12/2027")
		c.fail(1, []string{"hours_per_month"}, "plan", "generate", "--hours", "500")
		c.fail(1, []string{"No development plan yet"}, "plan", "--json")

		var gen planOut
		c.ok(&gen, "plan", "generate", "--months", "12", "--hours", "12", "--json")
		if len(gen.Goals) == 0 || gen.HoursPerMonth != 12 || gen.Mix.Experience == 0 {
			t.Fatalf("generated %+v", gen)
		}
		var shown planOut
		c.ok(&shown, "plan", "--json")
		if shown.ID != gen.ID || len(shown.Goals) != len(gen.Goals) {
			t.Fatalf("shown %+v", shown)
		}
		out := c.ok(nil, "plan")
		for _, w := range []string{"Development plan to", "Mix:", "Goal #", "70 experience", "DUE"} {
			if !strings.Contains(out, w) {
				t.Errorf("plan output lacks %q:\n%s", w, out)
			}
		}

		done := shown.Goals[0].Actions[0]
		id := strconv.FormatInt(done.ID, 10)
		c.ok(nil, "plan", "done", id)
		c.ok(nil, "plan", "done", id, "--undo")
		c.ok(nil, "plan", "done", id)
		c.fail(1, []string{"Action 999999 is not in your plan"}, "plan", "done", "999999")
		c.fail(2, []string{"ACTION_ID must be a number"}, "plan", "done", "x")

		var again planOut
		c.ok(&again, "plan", "generate", "--months", "6", "--json")
		found := false
		for _, g := range again.Goals {
			for _, a := range g.Actions {
				if a.ID == done.ID {
					found = a.Done && a.Key == done.Key
				}
			}
		}
		if !found || again.ID != gen.ID || again.End == gen.End {
			t.Errorf("regeneration lost done action %d: %+v", done.ID, again)
		}
		var after planOut
		c.ok(&after, "plan", "--json")
		c.fail(1, []string{"months"}, "plan", "generate", "--months", "7")
		var unchanged planOut
		c.ok(&unchanged, "plan", "--json")
		if unchanged.End != after.End {
			t.Errorf("a refused generation changed the plan: %s -> %s", after.End, unchanged.End)
		}

		file := filepath.Join(c.dir, "plan.ics")
		c.ok(nil, "plan", "ics", "-o", file)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		n := len(after.Goals)
		for _, g := range after.Goals {
			for _, a := range g.Actions {
				if !a.Dropped {
					n++
				}
			}
		}
		if got := len(cal.Events()); got != n {
			t.Errorf("%d events, want %d", got, n)
		}
		if stdout := c.ok(nil, "plan", "ics"); stdout != string(b) {
			t.Error("ics on standard output differs from the file")
		}
	})
}
