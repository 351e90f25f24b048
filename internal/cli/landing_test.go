package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestOpportunityCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "help-desk", "--target", "team-lead")
		out := c.ok(nil, "opportunity", "list")
		for _, w := range []string{"Talk to your supervisor first", "None of your opportunities", "ladder opportunity talked", "No opportunities yet"} {
			if !strings.Contains(out, w) {
				t.Errorf("empty list lacks %q:\n%s", w, out)
			}
		}
		var o struct {
			ID           int64
			Stage        string
			Internal     bool
			NextStepDate *string `json:"next_step_date"`
			History      []struct{ Stage, Date string }
		}
		c.ok(&o, "opportunity", "add", "--title", "Team lead", "--org", "Our IT", "--internal", "--since", "2026-01-10",
			"--next-step", "Ask Dana", "--next-date", "2026-02-01", "--json")
		if o.ID == 0 || o.Stage != "spotted" || !o.Internal || o.NextStepDate == nil || *o.NextStepDate != "2026-02-01" ||
			len(o.History) != 1 || o.History[0].Date != "2026-01-10" {
			t.Fatalf("%+v", o)
		}
		id := fmt.Sprint(o.ID)
		c.ok(&o, "opportunity", "move", id, "discussed", "--date", "2026-01-20", "--json")
		if o.Stage != "discussed" || len(o.History) != 2 {
			t.Errorf("move: %+v", o)
		}
		out = c.ok(nil, "opportunity", "show", id)
		for _, w := range []string{"#" + id + " Team lead", "Stage: Discussed with supervisor", "2026-01-10  Spotted", "2026-01-20  Discussed with supervisor",
			"Next step: Ask Dana (by 2026-02-01)"} {
			if !strings.Contains(out, w) {
				t.Errorf("show lacks %q:\n%s", w, out)
			}
		}
		if out := c.ok(nil, "opportunity", "list"); strings.Contains(out, "Talk to your supervisor first") || !strings.Contains(out, "Discussed with supervisor") {
			t.Errorf("after discussing inside:\n%s", out)
		}
		c.ok(nil, "opportunity", "edit", id, "--notes", "Strong fit", "--next-date", "")
		c.ok(&o, "opportunity", "show", id, "--json")
		if o.NextStepDate != nil || o.Stage != "discussed" {
			t.Errorf("edit: %+v", o)
		}

		c.fail(1, []string{"stage: is the stage it is in already"}, "opportunity", "move", id, "discussed")
		c.fail(1, []string{"stage: must be one of"}, "opportunity", "move", id, "hired")
		c.fail(1, []string{"before the last change"}, "opportunity", "move", id, "applied", "--date", "2026-01-01")
		c.fail(1, []string{"--date", "YYYY-MM-DD"}, "opportunity", "move", id, "applied", "--date", "01/02/2026")
		c.fail(1, []string{"title: is required"}, "opportunity", "add", "--title", "")
		c.fail(1, []string{"kind: must be one of"}, "opportunity", "add", "--title", "x", "--kind", "job")
		c.fail(1, []string{"link: must start with"}, "opportunity", "add", "--title", "x", "--link", "ftp://x")
		c.fail(2, []string{"not an id"}, "opportunity", "show", "abc")
		c.fail(1, []string{"Opportunity not found"}, "opportunity", "show", "999")

		var talk struct{ Date string }
		c.ok(&talk, "opportunity", "talked", "--date", "2026-01-21", "--json")
		if talk.Date != "2026-01-21" {
			t.Errorf("talk: %+v", talk)
		}
		c.fail(1, []string{"in the future"}, "opportunity", "talked", "--date", "2999-01-01")

		// Another person does not reach A's opportunity.
		c.ok(nil, "demo")
		c.fail(1, []string{"Opportunity not found"}, "opportunity", "show", id)
		c.fail(1, []string{"Opportunity not found"}, "opportunity", "move", id, "applied")
		c.fail(1, []string{"Opportunity not found"}, "opportunity", "delete", id)
		out = c.ok(nil, "opportunity", "list")
		for _, w := range []string{"Team lead, infrastructure and operations", "Northwind Logistics", "Lead the service-desk tool selection"} {
			if !strings.Contains(out, w) {
				t.Errorf("Alex's list lacks %q:\n%s", w, out)
			}
		}
		c.ok(nil, "opportunity", "show", id, "--person", "a@example.com")
		c.ok(nil, "opportunity", "delete", id, "--person", "a@example.com")
	})
}

func TestResumeCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		var bs []struct {
			ID       int64
			Text     string
			Why      string
			Position int
			Hidden   bool
			Edited   bool
		}
		c.ok(&bs, "resume", "--json")
		if len(bs) != 8 || bs[0].Position != 1 || bs[0].Why == "" {
			t.Fatalf("the demo's bullets: %+v", bs)
		}
		first, second := fmt.Sprint(bs[0].ID), fmt.Sprint(bs[1].ID)
		c.ok(nil, "resume", "edit", first, "--text", "Led a 40 TB migration with no data lost.")
		c.ok(nil, "resume", "edit", second, "--hide")
		var moved struct{ Position int }
		c.ok(&moved, "resume", "edit", fmt.Sprint(bs[7].ID), "--position", "1", "--json")
		if moved.Position != 1 {
			t.Errorf("moved: %+v", moved)
		}
		c.ok(&bs, "resume", "generate", "--json")
		kept := false
		for _, b := range bs {
			if fmt.Sprint(b.ID) == first && b.Text == "Led a 40 TB migration with no data lost." && b.Edited {
				kept = true
			}
			if fmt.Sprint(b.ID) == second && !b.Hidden {
				t.Errorf("regenerating showed a hidden bullet: %+v", b)
			}
		}
		if !kept {
			t.Errorf("regenerating lost the edit: %+v", bs)
		}
		out := c.ok(nil, "resume")
		if !strings.Contains(out, "(edited)") || !strings.Contains(out, "(hidden)") || !strings.Contains(out, "Why here: Shows ") {
			t.Errorf("list:\n%s", out)
		}

		md := c.ok(nil, "resume", "export")
		if !strings.Contains(md, "# Resume bullets: Alex Moreno") || !strings.Contains(md, "- Led a 40 TB migration with no data lost.") ||
			!strings.Contains(md, "**Situation:**") {
			t.Errorf("markdown:\n%s", md)
		}
		file := filepath.Join(c.dir, "resume.txt")
		c.ok(nil, "resume", "export", "--format", "text", "-o", file)
		b, err := os.ReadFile(file)
		if err != nil || !strings.Contains(string(b), "RESUME BULLETS: Alex Moreno") || strings.Contains(string(b), "**") {
			t.Errorf("text file: %v\n%s", err, b)
		}

		c.fail(2, []string{"choose md or text"}, "resume", "export", "--format", "pdf")
		c.fail(2, []string{"nothing to change"}, "resume", "edit", first)
		c.fail(2, []string{"--hide and --show"}, "resume", "edit", first, "--hide", "--show")
		c.fail(1, []string{"text: is required"}, "resume", "edit", first, "--text", " ")
		c.fail(1, []string{"--position must be 1 or more"}, "resume", "edit", first, "--position", "0")
		c.fail(1, []string{"Resume bullet not found"}, "resume", "edit", "99999", "--hide")

		cover := c.ok(nil, "cover-letter")
		for _, w := range []string{"# Cover letter outline: Alex Moreno", "## Opening", "## Proof you can lead", "the IT manager role"} {
			if !strings.Contains(cover, w) {
				t.Errorf("cover letter lacks %q:\n%s", w, cover)
			}
		}
		var pl struct{ Opportunities []struct{ ID int64 } }
		c.ok(&pl, "opportunity", "list", "--json")
		var secs []struct {
			Key    string
			Draft  string
			Points []string
		}
		c.ok(&secs, "cover-letter", "--opportunity", fmt.Sprint(pl.Opportunities[0].ID), "--json")
		if len(secs) != 5 || len(secs[2].Points) != 3 {
			t.Errorf("cover letter JSON: %+v", secs)
		}
		c.fail(1, []string{"Opportunity not found"}, "cover-letter", "--opportunity", "99999")

		// Someone else's bullet is not found.
		c.ok(nil, "init", "--name", "B", "--email", "b@example.com", "--role", "help-desk", "--target", "team-lead")
		c.fail(1, []string{"Resume bullet not found"}, "resume", "edit", first, "--text", "mine")
		if out := c.ok(nil, "resume"); !strings.Contains(out, "No resume bullets yet") {
			t.Errorf("B's resume:\n%s", out)
		}
	})
}

func TestInterviewCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "demo")
		var qs []struct {
			Key       string
			Category  string
			Suggested bool
			ForYou    bool `json:"for_you"`
			Attempts  int
		}
		c.ok(&qs, "interview", "questions", "--json")
		if len(qs) != 60 || !qs[0].Suggested || !qs[0].ForYou {
			t.Fatalf("%d questions, first %+v", len(qs), qs[0])
		}
		c.ok(&qs, "interview", "questions", "--category", "budget", "--json")
		for _, q := range qs {
			if q.Category != "budget" {
				t.Errorf("category filter: %+v", q)
			}
		}
		if out := c.ok(nil, "interview", "practice", "budget-cut"); !strings.Contains(out, "What it probes:") || !strings.Contains(out, "A strong answer:") {
			t.Errorf("question:\n%s", out)
		}
		var logs []struct {
			ID    int64
			Title string
		}
		c.ok(&logs, "log", "list", "--json")
		var a struct {
			ID          int64
			Rating      int
			EvidenceIDs []int64 `json:"evidence_ids"`
		}
		c.ok(&a, "interview", "practice", "budget-cut", "--answer", "I would start from the services that matter most.", "--rating", "3",
			"--evidence", fmt.Sprint(logs[0].ID), "--json")
		if a.ID == 0 || a.Rating != 3 || len(a.EvidenceIDs) != 1 {
			t.Errorf("%+v", a)
		}
		out := c.ok(nil, "interview", "history")
		if !strings.Contains(out, "budget-cut 3/5") || !strings.Contains(out, "budget-built 4/5") || !strings.Contains(out, "why-management-motivation") {
			t.Errorf("history:\n%s", out)
		}
		var hist []struct{ Question string }
		c.ok(&hist, "interview", "history", "budget-cut", "--json")
		if len(hist) != 1 {
			t.Errorf("one question's history: %+v", hist)
		}
		c.fail(1, []string{"no interview question"}, "interview", "practice", "nope", "--answer", "x", "--rating", "3")
		c.fail(1, []string{"rating: must be 1-5"}, "interview", "practice", "budget-cut", "--answer", "x", "--rating", "9")
		c.fail(1, []string{"answer: is required"}, "interview", "practice", "budget-cut", "--answer", " ", "--rating", "3")
		c.fail(1, []string{"is not one of your evidence entries"}, "interview", "practice", "budget-cut", "--answer", "x", "--rating", "3", "--evidence", "99999")
		c.fail(1, []string{"--category", "choose one of"}, "interview", "questions", "--category", "astrology")

		// Another person cannot link Alex's evidence.
		c.ok(nil, "init", "--name", "B", "--email", "b@example.com", "--role", "help-desk", "--target", "team-lead")
		c.fail(1, []string{"is not one of your evidence entries"}, "interview", "practice", "budget-cut", "--answer", "x", "--rating", "3",
			"--evidence", fmt.Sprint(logs[0].ID))
		if out := c.ok(nil, "interview", "history"); !strings.Contains(out, "No practice answers yet") {
			t.Errorf("B's history:\n%s", out)
		}
	})
}
