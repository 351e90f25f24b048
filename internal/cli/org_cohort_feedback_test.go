package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ladderhq/ladder/internal/mail/mailtest"
)

// TestOrgCohortFeedbackCommands: an owner shows a cohort's proposed raters,
// starts its rounds by mail (refused without mail, or with a rater from
// outside, starting nothing), a member reads who started theirs, and the
// outside raters setting changes.
func TestOrgCohortFeedbackCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "Olga Owner", "--email", "olga@northwind.example", "--role", "system-administrator", "--target", "it-manager")
		c.ok(nil, "org", "create", "Northwind IT", "--domain", "northwind.example")
		people := filepath.Join(t.TempDir(), "people.csv")
		os.WriteFile(people, []byte("name,email,title,manager_email\nAna,ana@northwind.example,Team lead,olga@northwind.example\n"+
			"Ben,ben@northwind.example,Sysadmin,ana@northwind.example\nCy,cy@northwind.example,Sysadmin,ana@northwind.example\n"+
			"Dee,dee@northwind.example,Sysadmin,ana@northwind.example\n"), 0o644)
		c.ok(nil, "org", "import", people)
		var p, co struct{ ID int64 }
		c.ok(&p, "org", "programme", "add", "--name", "Future IT managers", "--target", "it-manager", "--start", "2020-01-06", "--end", "2040-12-17", "--json")
		c.ok(&co, "org", "cohort", "add", "--programme", fmt.Sprint(p.ID), "--name", "Spring", "--start", "2020-03-02", "--end", "2040-06-30",
			"--member", "ben@northwind.example", "--member", "cy@northwind.example", "--json")
		cohort := fmt.Sprint(co.ID)
		out := c.ok(nil, "org", "feedback", "show", "--cohort", cohort)
		for _, w := range []string{"Spring (Future IT managers)", "Ben", "not started", "manager      Ana <ana@northwind.example>",
			"peer         Dee <dee@northwind.example>", "Mail is not set up"} {
			if !strings.Contains(out, w) {
				t.Errorf("show lacks %q:\n%s", w, out)
			}
		}
		start := []string{"org", "feedback", "start", "--cohort", cohort, "--title", "Spring 360", "--closes", "2099-01-01"}
		c.fail(1, []string{"mail is not set up"}, start...)
		sink := mailtest.Start(t)
		smtp := []string{"--smtp", "smtp://" + sink.Addr + "?from=ladder@example.com&tls=none"}
		c.fail(1, []string{"friend@gmail.example is outside Northwind IT", "nothing was started"},
			append(append(start, smtp...), "--add", "ben@northwind.example=stakeholder:friend@gmail.example")...)
		c.fail(2, []string{"--add \"ben\": write MEMBER_EMAIL=CATEGORY:RATER_EMAIL"}, append(append(start, smtp...), "--add", "ben")...)
		c.fail(2, []string{"zed@northwind.example is not a member of the cohort"}, append(append(start, smtp...), "--member", "zed@northwind.example")...)
		if out := c.ok(nil, "org", "feedback", "show", "--cohort", cohort); strings.Count(out, "not started") != 2 || len(sink.Messages()) != 0 {
			t.Errorf("a refusal started something:\n%s", out)
		}
		out = c.ok(nil, append(append(start, smtp...), "--remove", "ben@northwind.example=dee@northwind.example",
			"--add", "cy@northwind.example=stakeholder:olga@northwind.example")...)
		for _, w := range []string{"Ben: round", "2 raters asked, 2 mailed", "Cy: round", "4 raters asked, 4 mailed", "Started 2 rounds; 6 raters were mailed."} {
			if !strings.Contains(out, w) {
				t.Errorf("start lacks %q:\n%s", w, out)
			}
		}
		for _, m := range sink.Wait(t, 6) {
			if m.To[0] == "dee@northwind.example" && strings.Contains(m.Subject, "Ben") {
				t.Errorf("a removed rater was asked: %s", m.Subject)
			}
		}
		out = c.ok(nil, "org", "feedback", "show", "--cohort", cohort)
		if !strings.Contains(out, "Spring 360") || !strings.Contains(out, "open") || strings.Contains(out, "Proposed raters (for members without an open round):\n  ") {
			t.Errorf("progress:\n%s", out)
		}
		if out := c.ok(nil, "feedback", "--person", "ben@northwind.example"); !strings.Contains(out, "Olga Owner, a programme admin, started “Spring 360” for you as part of the cohort “Spring”") ||
			!strings.Contains(out, "The results are yours alone") {
			t.Errorf("member's list:\n%s", out)
		}
		c.fail(1, []string{"Only programme admins and owners"}, "org", "feedback", "show", "--cohort", cohort, "--person", "ben@northwind.example")

		// Reminders: every rater of the two open rounds, none has answered.
		remind := []string{"org", "feedback", "remind", "--cohort", cohort}
		c.fail(1, []string{"mail is not set up"}, remind...)
		c.fail(1, []string{"Only programme admins and owners"}, append(append(remind, smtp...), "--person", "ben@northwind.example")...)
		if out := c.ok(nil, append(remind, smtp...)...); !strings.Contains(out, "Reminders sent: 6, in 2 open rounds.") {
			t.Errorf("remind:\n%s", out)
		}
		if ms := sink.Wait(t, 12)[6:]; !strings.HasPrefix(ms[0].Subject, "Reminder: ") {
			t.Errorf("reminder subject %q", ms[0].Subject)
		}

		// Raters from outside: refused by default with domains, then allowed.
		if out := c.ok(nil, "org", "settings"); !strings.Contains(out, "Raters from outside: refused") {
			t.Errorf("settings:\n%s", out)
		}
		c.fail(2, []string{"neither allow nor refuse"}, "org", "settings", "--outside-raters", "maybe")
		c.fail(1, []string{"Only owners"}, "org", "settings", "--outside-raters", "allow", "--person", "ana@northwind.example")
		if out := c.ok(nil, "org", "settings", "--outside-raters", "allow"); !strings.Contains(out, "Raters from outside: allowed") {
			t.Errorf("settings:\n%s", out)
		}
		var o struct {
			OutsideRaters bool `json:"outside_raters"`
		}
		c.ok(&o, "org", "settings", "--json")
		if !o.OutsideRaters {
			t.Error("JSON says refused")
		}
	})
}
