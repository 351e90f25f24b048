package cli

import (
	"strings"
	"testing"
)

func TestCertsCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "system-administrator", "--target", "it-project-manager")
		c.ok(nil, "log", "add", "--kind", "led-project", "--title", "Storage migration", "--from", "2023-01", "--to", "2025-06")

		var list []struct {
			Key, Status string
			Eligibility struct {
				Eligible bool
				Missing  []string
			}
		}
		c.ok(&list, "certs", "--json")
		if len(list) < 10 || list[0].Status != "none" {
			t.Fatalf("list %+v", list)
		}
		if out := c.ok(nil, "certs"); !strings.Contains(out, "PMP") || !strings.Contains(out, "ELIGIBLE") {
			t.Errorf("table:\n%s", out)
		}

		var pmp struct {
			Status      string
			StudyHours  float64 `json:"study_hours"`
			Passed      string
			Expires     string
			Eligibility struct {
				Eligible bool
				Met      []string
				Missing  []string
			}
		}
		c.ok(&pmp, "certs", "set", "pmp", "--status", "studying", "--hours", "12", "--json")
		if pmp.Status != "studying" || pmp.StudyHours != 12 || pmp.Eligibility.Eligible {
			t.Errorf("set: %+v", pmp)
		}
		c.ok(&pmp, "certs", "set", "capm", "--status", "passed", "--passed", "2026-01-05", "--expires", "2029-01-05", "--json")
		if pmp.Passed != "2026-01-05" || pmp.Expires != "2029-01-05" {
			t.Errorf("capm: %+v", pmp)
		}
		c.fail(1, []string{"not in the catalogue"}, "certs", "set", "ccna", "--status", "studying")
		c.fail(1, []string{"status"}, "certs", "set", "pmp", "--status", "dreaming")
		c.fail(1, []string{"--passed"}, "certs", "set", "pmp", "--status", "passed", "--passed", "01/05/2026")
		c.fail(1, []string{"passed"}, "certs", "set", "pmp", "--status", "passed")

		// 30 months of projects: short of 36 with a degree, 60 without.
		var show struct {
			Facts []struct {
				Section string
				Sources []struct{ Checked string }
			}
			Counted     []struct{ From string }
			Eligibility struct {
				Eligible bool
				Missing  []string
			}
		}
		c.ok(&show, "certs", "show", "pmp", "--json")
		if len(show.Facts) != 5 || len(show.Facts[0].Sources) == 0 || show.Facts[0].Sources[0].Checked == "" ||
			len(show.Counted) != 1 || !strings.Contains(show.Counted[0].From, "Storage migration") ||
			show.Eligibility.Eligible || !strings.Contains(strings.Join(show.Eligibility.Missing, " "), "of 60") {
			t.Errorf("show: %+v", show)
		}
		c.ok(nil, "certs", "degree", "bachelor")
		c.ok(&show, "certs", "show", "pmp", "--json")
		if !strings.Contains(strings.Join(show.Eligibility.Missing, " "), "of 36") {
			t.Errorf("with a degree: %v", show.Eligibility.Missing)
		}
		out := c.ok(nil, "certs", "show", "pmp")
		for _, w := range []string{"Prerequisites:", "checked 20", "missing:", "counted: project-lead 2023-01-01 to 2025-06-30"} {
			if !strings.Contains(out, w) {
				t.Errorf("show lacks %q:\n%s", w, out)
			}
		}
		c.fail(1, []string{"must be none, secondary or bachelor"}, "certs", "degree", "phd")
		c.fail(1, []string{"no certification"}, "certs", "show", "ccna")

		var recs []struct{ Key, Reason string }
		c.ok(&recs, "certs", "recommend", "--json")
		if len(recs) == 0 || recs[0].Reason == "" {
			t.Fatalf("recommend %+v", recs)
		}
		for _, r := range recs {
			if r.Key == "capm" {
				t.Errorf("recommends CAPM, which is held")
			}
		}
		if out := c.ok(nil, "certs", "recommend"); !strings.Contains(out, "1. ") {
			t.Errorf("recommend:\n%s", out)
		}
	})
}
