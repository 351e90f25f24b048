package cli

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder/internal/api"
)

func TestLog(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.fail(1, []string{"no profile yet"}, "log", "list")
		c.ok(nil, "init", "--name", "Sam Okafor", "--email", "sam@example.com", "--role", "system-administrator", "--target", "it-manager")
		if out := c.ok(nil, "log", "list"); !strings.Contains(out, "No entries yet") {
			t.Errorf("empty log:\n%s", out)
		}
		var list []api.Evidence
		if c.ok(&list, "log", "list", "--json"); list == nil || len(list) != 0 {
			t.Errorf("empty log as JSON: %#v", list)
		}

		var e api.Evidence
		c.ok(&e, "log", "add", "--kind", "led-project", "--title", "Storage migration", "--from", "2025-01", "--to", "2025-06",
			"--competency", "delegation", "--competency", "scope-management", "--people", "5", "--money", "12000EUR",
			"--hours-saved", "40", "--description", "Moved 40 TB to the new array.", "--json")
		if e.ID == 0 || e.Kind != "led-project" || e.Start != "2025-01-01" || e.End == nil || *e.End != "2025-06-30" ||
			e.Months != 6 || !e.MonthsComputed || e.People != 5 || e.HoursSaved != 40 ||
			e.MoneySaved == nil || *e.MoneySaved != (api.Money{Amount: 12000, Currency: "EUR"}) ||
			strings.Join(e.Competencies, ",") != "delegation,scope-management" {
			t.Errorf("added %+v", e)
		}
		out := c.ok(nil, "log", "add", "--kind", "mentored", "--title", "Mentored Priya", "--from", "2025-09-15",
			"--competency", "delegation,developing-people", "--people", "1")
		if !strings.Contains(out, "Logged #") || !strings.Contains(out, "delegation, developing-people") {
			t.Errorf("add output:\n%s", out)
		}

		out = c.ok(nil, "log", "list")
		for _, w := range []string{"2 entries", "Storage migration", "2025-01-01 to 2025-06-30", "12000 EUR saved, 40 h saved, 5 people, 6 months", "Mentored Priya"} {
			if !strings.Contains(out, w) {
				t.Errorf("list lacks %q:\n%s", w, out)
			}
		}
		c.ok(&list, "log", "list", "--json")
		if len(list) != 2 || list[0].Title != "Mentored Priya" || list[1].ID != e.ID || list[0].End != nil {
			t.Errorf("newest first: %+v", list)
		}
		c.ok(&list, "log", "list", "--competency", "scope-management", "--json")
		if len(list) != 1 {
			t.Errorf("by competency: %d entries", len(list))
		}

		// Two entries on delegation lift its level by 0.25, and say so.
		var gaps []struct{ Competency, Source, Basis string }
		c.ok(&gaps, "gaps", "--json")
		for _, g := range gaps {
			if g.Competency == "delegation" && !strings.Contains(g.Basis, "+ 2 evidence entries (+0.25)") {
				t.Errorf("delegation basis %q", g.Basis)
			}
		}
		if out := c.ok(nil, "readiness"); !strings.Contains(out, "3 backed by your evidence log") {
			t.Errorf("readiness lacks the evidence count:\n%s", out)
		}

		var gone api.Evidence
		c.ok(&gone, "log", "delete", strconv.FormatInt(e.ID, 10), "--json")
		if gone.ID != e.ID || gone.Title != "Storage migration" {
			t.Errorf("deleted %+v", gone)
		}
		c.fail(1, []string{"no entry #" + strconv.FormatInt(e.ID, 10)}, "log", "delete", strconv.FormatInt(e.ID, 10))
		if c.ok(&list, "log", "list", "--json"); len(list) != 1 {
			t.Errorf("%d entries after delete", len(list))
		}
	})
}

// Bad input is refused with a message naming the flag, exit code 1 and
// nothing saved; a wrong call is a usage error (2).
func TestLogBadInput(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Sam", "--email", "sam@example.com", "--role", "system-administrator", "--target", "it-manager")
		add := func(extra ...string) []string {
			args := []string{"log", "add", "--kind", "budget", "--title", "Budget", "--from", "2025-03"}
			return append(args, extra...)
		}
		tests := []struct {
			name string
			args []string
			want []string
		}{
			{"ErrKind", []string{"log", "add", "--kind", "led", "--title", "x", "--from", "2025-03"}, []string{"--kind: unknown kind \"led\"", "led-project"}},
			{"ErrRequired", []string{"log", "add"}, []string{"--kind: is required", "--title: is required", "--from: is required"}},
			{"ErrDate", add("--to", "2025-13"), []string{"--to: \"2025-13\" is not a date"}},
			{"ErrToBeforeFrom", add("--to", "2025-02"), []string{"--to: 2025-02-28 is before the start 2025-03-01"}},
			{"ErrFuture", []string{"log", "add", "--kind", "budget", "--title", "x", "--from", "2099-01"}, []string{"--from: 2099-01-01 is in the future"}},
			{"ErrCompetency", add("--competency", "delegation", "--competency", "juggling"), []string{"--competency: unknown competency \"juggling\""}},
			{"ErrTooManyCompetencies", add("--competency", "delegation,budgeting,negotiation,empathy,innovation,prioritisation,policy-governance"),
				[]string{"--competency: at most 6"}},
			{"ErrMoneyFraction", add("--money", "12.5EUR"), []string{"--money:", "whole amount"}},
			{"ErrMoneyCurrency", add("--money", "12000"), []string{"--money:", "currency"}},
			{"ErrPeopleNegative", add("--people", "-3"), []string{"--people: must not be negative"}},
			// Every problem at once, those of the values as typed and of the entry.
			{"ErrAllAtOnce", []string{"log", "add", "--kind", "budget", "--people", "five", "--hours-saved", "x", "--from", "2025-03"},
				[]string{"--people: \"five\" is not a whole number", "--hours-saved: \"x\" is not a number", "--title: is required"}},
			{"ErrDeleteID", []string{"log", "delete", "abc"}, []string{"\"abc\" is not an entry id"}},
			{"ErrDeleteMissing", []string{"log", "delete", "999"}, []string{"no entry #999"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) { c.fail(1, tt.want, tt.args...) })
		}
		c.fail(2, []string{"one entry id"}, "log", "delete")
		c.fail(2, []string{"takes no arguments"}, "log", "list", "extra")
		c.fail(2, []string{"unknown flag"}, "log", "add", "--colour", "red")
		var list []api.Evidence
		if c.ok(&list, "log", "list", "--json"); len(list) != 0 {
			t.Errorf("refused commands saved %d entries", len(list))
		}
	})
}

// Another person's entry is out of reach: deleting it answers "no entry",
// like an id that does not exist, and leaves it in place.
func TestLogOtherPerson(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Sam", "--email", "sam@example.com", "--role", "system-administrator", "--target", "it-manager")
		var e api.Evidence
		c.ok(&e, "log", "add", "--kind", "hiring", "--title", "Interviewed two candidates", "--from", "2025-10-02", "--json")
		c.ok(nil, "init", "--name", "Bo", "--email", "bo@example.com", "--role", "system-administrator", "--target", "it-manager")
		id := strconv.FormatInt(e.ID, 10)
		c.fail(1, []string{"no entry #" + id}, "log", "delete", id)
		var list []api.Evidence
		if c.ok(&list, "log", "list", "--json"); len(list) != 0 {
			t.Errorf("Bo sees %d entries", len(list))
		}
		if c.ok(&list, "log", "list", "--json", "--person", "sam@example.com"); len(list) != 1 {
			t.Errorf("Sam's entry is gone: %+v", list)
		}
	})
}

func TestLogDemo(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		var list []api.Evidence
		c.ok(&list, "log", "list", "--json")
		if len(list) < 6 || len(list) > 8 {
			t.Fatalf("the demo has %d entries", len(list))
		}
		kinds := map[string]bool{}
		for _, e := range list {
			kinds[e.Kind] = true
			if len(e.Competencies) == 0 || e.Description == "" {
				t.Errorf("demo entry without competencies or description: %+v", e)
			}
		}
		for _, k := range []string{"led-project", "mentored", "exec-presentation", "vendor", "incident-lead"} {
			if !kinds[k] {
				t.Errorf("the demo has no %s entry", k)
			}
		}
	})
}

// The kinds the wire type documents are the domain's.
func TestEvidenceKindEnum(t *testing.T) {
	f, _ := reflect.TypeFor[api.Evidence]().FieldByName("Kind")
	if got, want := f.Tag.Get("enum"), strings.Join(kindKeys(), ","); got != want {
		t.Errorf("api.Evidence kind enum %q, want %q", got, want)
	}
}

func TestParseLogDay(t *testing.T) {
	now := time.Date(2026, 5, 10, 15, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		in   string
		end  bool
		want string
	}{
		{"2025-03-14", false, "2025-03-14"},
		{"2025-03", false, "2025-03-01"},
		{"2025-02", true, "2025-02-28"},
		{"2026-05", true, "2026-05-10"}, // the current month ends today
		{"2026-06", true, "2026-06-30"}, // a future month stays, for Validate to refuse
	} {
		got, err := parseLogDay(tt.in, tt.end, now)
		if err != nil || got.Format(time.DateOnly) != tt.want {
			t.Errorf("parseLogDay(%q, %v) = %v, %v; want %s", tt.in, tt.end, got, err, tt.want)
		}
	}
	for _, in := range []string{"2025", "2025-3-1", "March 2025", "2025-02-30"} {
		if _, err := parseLogDay(in, false, now); err == nil {
			t.Errorf("parseLogDay(%q): no error", in)
		}
	}
}
