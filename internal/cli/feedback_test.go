package cli

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/sqldb"
)

var feedbackCLILink = regexp.MustCompile(`/feedback/r/([A-Z0-9]+)`)

// feedbackAnswer answers as the rater of a printed link, through the store
// the rater page uses (raters have no command line).
func feedbackAnswer(t *testing.T, c *cliEnv, out string, levels map[string]int) {
	t.Helper()
	m := feedbackCLILink.FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no link in %q", out)
	}
	db, err := sqldb.Open(context.Background(), c.db)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	fs := sqldb.NewFeedbackService(db, func(context.Context) (*ladder.Model, error) { return model.Default(), nil })
	if err := fs.SubmitFeedback(context.Background(), m[1], ladder.FeedbackResponse{Levels: levels,
		Comments: map[string]string{"": "Clear in incidents."}}); err != nil {
		t.Fatal(err)
	}
}

func TestFeedbackCommands(t *testing.T) {
	eachEngine(t, func(t *testing.T, c *cliEnv) {
		c.ok(nil, "init", "--name", "A", "--email", "a@example.com", "--role", "system-administrator", "--target", "it-manager")
		if out := c.ok(nil, "feedback"); !strings.Contains(out, "No feedback rounds yet") {
			t.Errorf("empty list:\n%s", out)
		}
		c.fail(1, []string{"title: is required"}, "feedback", "start", "--closes", "2099-01-01")
		c.fail(1, []string{"closes_on: must be a date"}, "feedback", "start", "--title", "T", "--closes", "soon")
		c.fail(1, []string{"unknown competency"}, "feedback", "start", "--title", "T", "--closes", "2099-01-01", "--competency", "juggling")
		var r struct {
			ID           int64
			Competencies []string
			Status       string
		}
		c.ok(&r, "feedback", "start", "--title", "Spring", "--closes", "2099-01-01", "--competency", "negotiation",
			"--competency", "delegation", "--json")
		if r.ID == 0 || r.Status != "open" || strings.Join(r.Competencies, ",") != "delegation,negotiation" {
			t.Fatalf("%+v", r)
		}
		id := strconv.FormatInt(r.ID, 10)
		c.fail(1, []string{"own address"}, "feedback", "add-rater", id, "--category", "peer", "--email", "a@example.com")
		c.fail(1, []string{"category: must be one of"}, "feedback", "add-rater", id, "--category", "friend", "--email", "f@example.com")
		c.fail(2, []string{"--smtp"}, "feedback", "add-rater", id, "--category", "peer", "--email", "f@example.com", "--smtp", "http://x")
		var outs []string
		for _, e := range []string{"p1", "p2", "p3"} {
			out := c.ok(nil, "feedback", "add-rater", id, "--category", "peer", "--email", e+"@example.com", "--public-url", "https://ladder.example.com")
			if !strings.Contains(out, "https://ladder.example.com/feedback/r/") || !strings.Contains(out, "shown only now") {
				t.Errorf("add-rater:\n%s", out)
			}
			outs = append(outs, out)
		}
		c.fail(1, []string{"already a rater"}, "feedback", "add-rater", id, "--category", "peer", "--email", "P1@example.com")
		var added struct {
			ID     int64
			Link   string
			Mailed bool
		}
		c.ok(&added, "feedback", "add-rater", id, "--category", "manager", "--email", "boss@example.com", "--json")
		if !strings.HasPrefix(added.Link, "http://127.0.0.1:8080/feedback/r/") || added.Mailed {
			t.Errorf("%+v", added)
		}
		c.fail(1, []string{"once the round is closed"}, "feedback", "results", id)
		c.fail(1, []string{"mail is not set up"}, "feedback", "remind", id)

		// Reminders go through a real SMTP server to those who have not
		// answered; the output says how many, not who.
		feedbackAnswer(t, c, outs[0], map[string]int{"delegation": 2, "negotiation": 4})
		feedbackAnswer(t, c, outs[1], map[string]int{"delegation": 3})
		sink := mailtest.Start(t)
		out := c.ok(nil, "feedback", "remind", id, "--smtp", "smtp://"+sink.Addr+"?from=ladder@example.com&tls=none")
		if !strings.Contains(out, "Reminders sent: 2.") || strings.Contains(out, "@example.com") {
			t.Errorf("remind:\n%s", out)
		}
		msgs := sink.Wait(t, 2)
		feedbackAnswer(t, c, msgs[0].Text()+msgs[1].Text(), map[string]int{"delegation": 4, "negotiation": 4})

		out = c.ok(nil, "feedback", "raters", id)
		if !strings.Contains(out, "3 of 3 peers") || !strings.Contains(out, "0 of 1 manager") || !strings.Contains(out, "p1@example.com") {
			t.Errorf("raters:\n%s", out)
		}
		var raters []struct{ ID int64 }
		c.ok(&raters, "feedback", "raters", id, "--json")
		c.ok(nil, "feedback", "revoke", strconv.FormatInt(raters[3].ID, 10))

		c.ok(nil, "init", "--name", "B", "--email", "b@example.com", "--role", "system-administrator", "--target", "it-manager")
		c.fail(1, []string{"not found"}, "feedback", "close", id, "--person", "b@example.com")
		c.fail(1, []string{"not found"}, "feedback", "revoke", strconv.FormatInt(raters[0].ID, 10), "--person", "b@example.com")
		c.fail(2, []string{"ID must be a number"}, "feedback", "results", "x")

		out = c.ok(nil, "feedback", "close", id, "--person", "a@example.com")
		if !strings.Contains(out, "Closed Spring") {
			t.Errorf("close:\n%s", out)
		}
		c.fail(1, []string{"closed"}, "feedback", "close", id, "--person", "a@example.com")
		var res struct {
			Competencies []struct {
				Competency string
				Others     *float64
				Raters     int
				Kind       string
			}
			Comments []struct {
				Group string
				Texts []string
			}
		}
		c.ok(&res, "feedback", "results", id, "--json", "--person", "a@example.com")
		// Delegation: peers 2, 3, 4 -> 3. Negotiation: two peers, hidden.
		if len(res.Competencies) != 2 || res.Competencies[0].Others == nil || *res.Competencies[0].Others != 3 ||
			res.Competencies[1].Others != nil || len(res.Comments) != 1 || len(res.Comments[0].Texts) != 3 {
			t.Errorf("results %+v", res)
		}
		out = c.ok(nil, "feedback", "results", id, "--person", "a@example.com")
		if !strings.Contains(out, "not shown") || !strings.Contains(out, "Clear in incidents.") || strings.Contains(out, "p1@") {
			t.Errorf("results:\n%s", out)
		}
	})
}
