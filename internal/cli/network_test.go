package cli

import (
	"strconv"
	"strings"
	"testing"
)

func TestMentorCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "system-administrator", "--target", "it-manager")
		if out := c.ok(nil, "mentor"); !strings.Contains(out, "No mentors yet") {
			t.Errorf("empty list:\n%s", out)
		}
		var m struct {
			ID        int64
			Status    string
			Strengths []string
			Checklist []struct {
				Key string
				Met bool
			}
		}
		c.ok(&m, "mentor", "add", "--name", "Dana Ruiz", "--org", "Northwind", "--strength", "budgeting",
			"--criterion", "approachable", "--json")
		if m.ID == 0 || m.Status != "active" || len(m.Checklist) != 5 || m.Strengths[0] != "budgeting" {
			t.Fatalf("%+v", m)
		}
		met := 0
		for _, cr := range m.Checklist {
			if cr.Met {
				met++
				if cr.Key != "approachable" {
					t.Errorf("met %q", cr.Key)
				}
			}
		}
		if met != 1 {
			t.Errorf("%d criteria met", met)
		}
		c.fail(1, []string{"name: is required"}, "mentor", "add")
		c.fail(1, []string{"unknown competency"}, "mentor", "add", "--name", "X", "--strength", "juggling")
		c.fail(1, []string{"unknown criterion"}, "mentor", "add", "--name", "X", "--criterion", "famous")
		id := strconv.FormatInt(m.ID, 10)

		if out := c.ok(nil, "mentor", "agenda", id); !strings.Contains(out, "Suggested agenda with Dana Ruiz") || !strings.Contains(out, ": ask ") {
			t.Errorf("agenda:\n%s", out)
		}
		var s struct {
			ID      int64
			Status  string
			Agenda  string
			Actions []struct {
				ID         int64
				Text       string
				Competency string
			}
		}
		c.ok(&s, "mentor", "session", id, "--date", "2026-05-12", "--status", "held", "--suggest",
			"--action", "budgeting: Draft next year's licence budget", "--action", "Ask finance: for the template", "--json")
		if s.Status != "held" || !strings.HasPrefix(s.Agenda, "- ") || len(s.Actions) != 2 ||
			s.Actions[0].Competency != "budgeting" || s.Actions[0].Text != "Draft next year's licence budget" ||
			s.Actions[1].Text != "Ask finance: for the template" || s.Actions[1].Competency != "" {
			t.Fatalf("%+v", s)
		}
		c.fail(1, []string{"--date"}, "mentor", "session", id)
		c.fail(1, []string{"--date"}, "mentor", "session", id, "--date", "12/05/2026")
		c.fail(1, []string{"status: must be one of"}, "mentor", "session", id, "--date", "2026-05-12", "--status", "cancelled")
		c.fail(1, []string{"not found"}, "mentor", "session", "999", "--date", "2026-05-12")
		agreed := strconv.FormatInt(s.Actions[0].ID, 10)

		c.fail(1, []string{"no plan yet"}, "mentor", "plan", agreed)
		c.ok(nil, "plan", "generate")
		var pa struct {
			ID    int64
			Title string
		}
		c.ok(&pa, "mentor", "plan", agreed, "--json")
		if pa.ID == 0 || pa.Title != "Draft next year's licence budget" {
			t.Errorf("%+v", pa)
		}
		c.fail(1, []string{"in your plan already"}, "mentor", "plan", agreed)
		c.fail(2, []string{"ID must be a number"}, "mentor", "plan", "x")
		if out := c.ok(nil, "mentor", "show", id); !strings.Contains(out, "[x] Approachable") || !strings.Contains(out, "in your plan") ||
			!strings.Contains(out, "ladder mentor plan "+strconv.FormatInt(s.Actions[1].ID, 10)) {
			t.Errorf("show:\n%s", out)
		}
		if out := c.ok(nil, "mentor", "list"); !strings.Contains(out, "1 of 5") {
			t.Errorf("list:\n%s", out)
		}
		c.ok(nil, "mentor", "delete", id)
		c.fail(1, []string{"not found"}, "mentor", "show", id)
	})
}

func TestNetworkCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "help-desk", "--target", "team-lead")
		var ct struct {
			ID          int64
			NextContact *string `json:"next_contact"`
			LastContact *string `json:"last_contact"`
		}
		c.ok(&ct, "network", "contact", "add", "--name", "Priya Shah", "--org", "Contoso", "--how", "Has run audits",
			"--next", "2026-01-05", "--json")
		if ct.ID == 0 || ct.NextContact == nil || *ct.NextContact != "2026-01-05" {
			t.Fatalf("%+v", ct)
		}
		c.fail(1, []string{"name: is required"}, "network", "contact", "add")
		c.fail(1, []string{"--next"}, "network", "contact", "add", "--name", "X", "--next", "soon")
		id := strconv.FormatInt(ct.ID, 10)
		if out := c.ok(nil, "network", "contact", "list"); !strings.Contains(out, "2026-01-05 (due)") {
			t.Errorf("a past follow-up is due:\n%s", out)
		}
		c.ok(&ct, "network", "contact", "done", id, "--next", "2099-03-01", "--json")
		if ct.LastContact == nil || *ct.NextContact != "2099-03-01" {
			t.Errorf("done: %+v", ct)
		}
		c.fail(1, []string{"next: must be today or later"}, "network", "contact", "done", id, "--next", "2001-01-01")
		c.fail(1, []string{"not found"}, "network", "contact", "done", "999")

		var m struct {
			ID     int64
			Name   string
			Status string
		}
		c.ok(&m, "network", "org", "add", "--org", "pmi", "--status", "member", "--since", "2025-03-01", "--renewal", "2026-03-01", "--json")
		if m.Name != "Project Management Institute (PMI)" || m.Status != "member" {
			t.Errorf("%+v", m)
		}
		c.fail(1, []string{"already"}, "network", "org", "add", "--org", "pmi")
		c.fail(1, []string{"unknown organisation"}, "network", "org", "add", "--org", "rotary")
		c.fail(1, []string{"choose an organisation or give a name"}, "network", "org", "add")
		c.ok(&m, "network", "org", "add", "--name", "Leeds IT leaders", "--json")
		c.ok(&m, "network", "org", "set", strconv.FormatInt(m.ID, 10), "--status", "lapsed", "--json")
		if m.Status != "lapsed" || m.Name != "Leeds IT leaders" {
			t.Errorf("set: %+v", m)
		}

		var ev struct {
			ID         int64
			Status     string
			ContactIDs []int64 `json:"contact_ids"`
		}
		c.ok(&ev, "network", "event", "add", "--name", "ITSM Summit", "--date", "2026-09-14", "--contact", id, "--json")
		if ev.Status != "planned" || len(ev.ContactIDs) != 1 {
			t.Errorf("%+v", ev)
		}
		c.fail(1, []string{"date: is required"}, "network", "event", "add", "--name", "X")
		c.fail(1, []string{"not one of yours"}, "network", "event", "add", "--name", "X", "--date", "2026-09-14", "--contact", "999")
		c.ok(&ev, "network", "event", "set", strconv.FormatInt(ev.ID, 10), "--status", "attended", "--json")
		if ev.Status != "attended" || len(ev.ContactIDs) != 1 {
			t.Errorf("set kept the contacts: %+v", ev)
		}
		var all struct {
			Contacts, Memberships, Events []struct{ ID int64 }
		}
		c.ok(&all, "network", "--json")
		if len(all.Contacts) != 1 || len(all.Memberships) != 2 || len(all.Events) != 1 {
			t.Errorf("%+v", all)
		}
		if out := c.ok(nil, "network"); !strings.Contains(out, "Priya Shah") || !strings.Contains(out, "ITSM Summit") {
			t.Errorf("overview:\n%s", out)
		}
		c.ok(nil, "network", "event", "delete", strconv.FormatInt(ev.ID, 10))
		c.ok(nil, "network", "contact", "delete", id)
		c.fail(1, []string{"not found"}, "network", "contact", "delete", id)
	})
}
