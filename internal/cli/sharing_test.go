package cli

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestSharingCommands: a member chooses what to share, their manager
// lists and opens what is shared (the look recorded and shown to the
// member), and the refusals: no organisation, a bad part, a plain member,
// oneself.
func TestSharingCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Lone Wolf", "--email", "lone@example.com", "--role", "help-desk", "--target", "team-lead")
		c.fail(1, []string{"do not belong to an organisation"}, "sharing")
		c.fail(1, []string{"do not belong to an organisation"}, "org", "people")

		c.ok(nil, "init", "--name", "Olga Owner", "--email", "olga@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.ok(nil, "org", "create", "Northwind IT")
		csv := filepath.Join(t.TempDir(), "people.csv")
		if err := os.WriteFile(csv, []byte("name,email,title,manager_email\nAna Ruiz,ana@example.com,Sysadmin,olga@example.com\nBen Kim,ben@example.com,,\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		c.ok(nil, "org", "import", csv)
		// Ana chooses her roles, logs a journal entry and shares with her manager.
		c.ok(nil, "init", "--name", "Ana Ruiz", "--email", "ana@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.ok(nil, "journal", "add", "--kind", "lesson", "--title", "ANA-JOURNAL-ENTRY", "--date", "2026-04-20")
		out := c.ok(nil, "sharing")
		for _, w := range []string{"What you share in Northwind IT (you have not chosen yet: nothing is shared)", "My manager", "Olga Owner",
			"Who looked at your data: 0 times"} {
			if !strings.Contains(out, w) {
				t.Errorf("sharing lacks %q:\n%s", w, out)
			}
		}
		c.fail(2, []string{"give --mentor, --manager or --admins"}, "sharing", "set")
		c.fail(1, []string{`--manager: "salary" is not one of`}, "sharing", "set", "--manager", "readiness,salary")
		var s struct {
			Mentor  []string
			Manager []string
			Admins  []string `json:"programme_admins"`
		}
		c.ok(&s, "sharing", "set", "--manager", "journal,readiness", "--admins", "readiness", "--json")
		if strings.Join(s.Manager, ",") != "readiness,journal" || strings.Join(s.Admins, ",") != "readiness" || len(s.Mentor) != 0 {
			t.Errorf("set: %+v", s)
		}
		c.ok(&s, "sharing", "set", "--admins", "none", "--json")
		if len(s.Admins) != 0 || len(s.Manager) != 2 {
			t.Errorf("flags left out must keep their choice: %+v", s)
		}

		// Olga, Ana's manager and the owner.
		var people []struct {
			PersonID int64 `json:"person_id"`
			Name     string
			As       []string
			Shared   []string
		}
		c.ok(&people, "org", "people", "--person", "olga@example.com", "--json")
		if len(people) != 1 || people[0].Name != "Ana Ruiz" || strings.Join(people[0].Shared, ",") != "readiness,journal" {
			t.Fatalf("people %+v", people)
		}
		ana := strconv.FormatInt(people[0].PersonID, 10)
		out = c.ok(nil, "org", "people", "--person", "olga@example.com")
		if !strings.Contains(out, "Ana Ruiz") || !strings.Contains(out, "manager and programme admin") || !strings.Contains(out, "any member") {
			t.Errorf("people:\n%s", out)
		}
		out = c.ok(nil, "org", "people", ana, "--person", "olga@example.com")
		for _, w := range []string{"They share with you: readiness, journal", "READINESS", "for IT manager", "JOURNAL (1)", "ANA-JOURNAL-ENTRY",
			"GAPS, largest weighted gap first\n  Not shared.", "EVIDENCE\n  Not shared."} {
			if !strings.Contains(out, w) {
				t.Errorf("the view lacks %q:\n%s", w, out)
			}
		}
		if strings.Count(out, "Not shared.") != 3 {
			t.Errorf("want gaps, plan and evidence not shared:\n%s", out)
		}
		var v struct {
			Shared    []string
			Readiness *struct{ Target string }
			Plan      any
			Journal   []struct{ Title string }
		}
		c.ok(&v, "org", "people", ana, "--person", "olga@example.com", "--json")
		if v.Readiness == nil || v.Plan != nil || len(v.Journal) != 1 {
			t.Errorf("the view as JSON: %+v", v)
		}
		out = c.ok(nil, "sharing", "--person", "ana@example.com")
		if !strings.Contains(out, "Who looked at your data: 2 times") || !strings.Contains(out, "Olga Owner  saw readiness, journal as manager and programme admin") {
			t.Errorf("Ana does not see Olga's looks:\n%s", out)
		}
		var log []struct{ Action, Detail string }
		c.ok(&log, "org", "audit", "--format", "json", "--action", "view.", "--person", "olga@example.com")
		if len(log) != 2 || log[0].Action != "view.member" {
			t.Errorf("audit %+v", log)
		}

		// Refusals.
		c.fail(1, []string{"Only Ana Ruiz's mentors, manager and programme admins"}, "org", "people", ana, "--person", "ben@example.com")
		c.fail(1, []string{"That is you"}, "org", "people", ana, "--person", "ana@example.com")
		c.fail(1, []string{"Member not found"}, "org", "people", "999999", "--person", "olga@example.com")
		c.fail(2, []string{"ID must be a number"}, "org", "people", "ana", "--person", "olga@example.com")
		c.fail(1, []string{"Member not found"}, "org", "people", ana, "--person", "lone@example.com")
		out = c.ok(nil, "org", "people", "--person", "ben@example.com")
		if !strings.Contains(out, "Nobody yet") || strings.Contains(out, "any member") {
			t.Errorf("Ben supports nobody:\n%s", out)
		}
	})
}
