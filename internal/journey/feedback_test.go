package journey_test

import (
	"math"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/mail/mailtest"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var feedbackNow = time.Date(2026, 5, 4, 10, 0, 0, 0, time.UTC)

// feedbackJourney returns a journey that mails through a real SMTP server
// on 127.0.0.1, and a person aiming at IT manager who rated delegation 3 and
// negotiation 2.
func feedbackJourney(t *testing.T, db *sqldb.DB) (*journey.Journey, *ladder.Person, *mailtest.Server) {
	t.Helper()
	db.Now = func() time.Time { return feedbackNow }
	j := journey.New(db, onet.Embedded)
	sink := mailtest.Start(t)
	cfg, err := mail.ParseURL("smtp://" + sink.Addr + "?from=ladder@example.com&tls=none")
	if err != nil {
		t.Fatal(err)
	}
	j.Mail = mail.NewSMTP(cfg)
	p := &ladder.Person{Name: "Sam Rivera", Email: "sam@example.com", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	at := feedbackNow.AddDate(0, -1, 0)
	if err := j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole,
		StartedAt: at, CompletedAt: at, Ratings: []ladder.Rating{{Competency: "delegation", Level: 3, RatedAt: at},
			{Competency: "negotiation", Level: 2, RatedAt: at}}}); err != nil {
		t.Fatal(err)
	}
	p, err = j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return j, p, sink
}

var feedbackLinkRE = regexp.MustCompile(`https?://\S+/feedback/r/([A-Z0-9]+)`)

// feedbackToken follows the link of a delivered message.
func feedbackToken(t *testing.T, m mailtest.Received) string {
	t.Helper()
	sub := feedbackLinkRE.FindStringSubmatch(m.Text())
	if sub == nil {
		t.Fatalf("no link in %q", m.Text())
	}
	return sub[1]
}

func TestFeedbackRoundThroughMail(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j, p, sink := feedbackJourney(t, db)
		closes := ladder.Day(feedbackNow).AddDate(0, 0, 14)
		r, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: "Before the IT manager opening", ClosesOn: closes})
		if err != nil {
			t.Fatal(err)
		}
		m, _ := j.Model(ctx)
		target, _ := m.Role("it-manager")
		if len(r.Competencies) != len(target.Requirements) || r.Minimums != (ladder.FeedbackMinimums{Manager: 1, Peer: 3, Report: 3,
			Stakeholder: 3, Others: 4, NameManager: true}) {
			t.Fatalf("round %+v: every requirement of the target and the default minimums", r)
		}
		if _, err := j.AddFeedbackRater(ctx, p, r.ID, "peer", " SAM@example.com", 0, "http://ladder.test"); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Errorf("own address: %v", err)
		}
		raters := []struct{ cat, email string }{{"manager", "boss@example.com"}, {"peer", "p1@example.com"}, {"peer", "p2@example.com"},
			{"peer", "p3@example.com"}, {"report", "r1@example.com"}, {"report", "r2@example.com"}, {"stakeholder", "s1@example.com"}}
		for _, rt := range raters {
			inv, err := j.AddFeedbackRater(ctx, p, r.ID, rt.cat, rt.email, 0, "http://ladder.test/")
			// Mailed: the person is not given the link (docs/anonymity.md).
			if err != nil || !inv.Mailed || inv.Link != "" {
				t.Fatalf("%s: %+v %v", rt.email, inv, err)
			}
		}
		msgs := sink.Wait(t, len(raters))
		tokens := map[string]string{}
		for _, msg := range msgs {
			tokens[msg.To[0]] = feedbackToken(t, msg)
			if msg.Subject != "Sam Rivera asks for your feedback" || !strings.Contains(msg.Text(), "Before the IT manager opening") {
				t.Errorf("mail %q: %q", msg.Subject, msg.Text())
			}
			named := strings.Contains(msg.Text(), "will know they are yours")
			if named != (msg.To[0] == "boss@example.com") {
				t.Errorf("%s: told named=%v: %q", msg.To[0], named, msg.Text())
			}
		}
		// Results wait for the round to close.
		if _, err := j.FeedbackResults(ctx, p, r.ID); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("results of an open round: %v", err)
		}
		answer := func(email string, levels map[string]int, comment string) {
			t.Helper()
			inv, err := j.Feedback.FindFeedbackInvitation(ctx, tokens[email])
			if err != nil || inv.PersonName != "Sam Rivera" || inv.State != ladder.FeedbackLinkOpen {
				t.Fatalf("%s: %+v %v", email, inv, err)
			}
			if err := j.Feedback.SubmitFeedback(ctx, tokens[email], ladder.FeedbackResponse{Levels: levels,
				Comments: map[string]string{"delegation": comment}}); err != nil {
				t.Fatal(err)
			}
		}
		// Delegation: self 3, others 2, 2, 2, 1 -> 1.75, a blind spot.
		// Negotiation: self 2, others 4, 4, 4, 3 -> 3.75, a hidden strength.
		answer("boss@example.com", map[string]int{"delegation": 2, "negotiation": 4}, "In the March release, Sam kept the tasks.")
		answer("p1@example.com", map[string]int{"delegation": 2, "negotiation": 4}, "peer one")
		answer("p2@example.com", map[string]int{"delegation": 2, "negotiation": 4}, "peer two")
		answer("r1@example.com", map[string]int{"delegation": 5}, "report one")
		answer("s1@example.com", map[string]int{"delegation": 5}, "stakeholder one")

		// Reminders reach only those who have not answered, with a new link.
		rem, err := j.RemindFeedbackRaters(ctx, p, r.ID, "http://ladder.test")
		if err != nil || rem.Sent != 2 || rem.Failed != 0 {
			t.Fatalf("reminders %+v %v", rem, err)
		}
		msgs = sink.Wait(t, len(raters)+2)
		reminded := map[string]string{}
		for _, msg := range msgs[len(raters):] {
			if !strings.HasPrefix(msg.Subject, "Reminder:") {
				t.Errorf("reminder subject %q", msg.Subject)
			}
			reminded[msg.To[0]] = feedbackToken(t, msg)
		}
		if reminded["p3@example.com"] == "" || reminded["r2@example.com"] == "" {
			t.Fatalf("reminded %v", reminded)
		}
		if _, err := j.Feedback.FindFeedbackInvitation(ctx, tokens["p3@example.com"]); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("the first link still works after the reminder: %v", err)
		}
		tokens["p3@example.com"] = reminded["p3@example.com"]
		answer("p3@example.com", map[string]int{"delegation": 1, "negotiation": 3}, "peer three")

		if err := j.CloseFeedbackRound(ctx, p, r.ID); err != nil {
			t.Fatal(err)
		}
		res, err := j.FeedbackResults(ctx, p, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		row := func(key string) journey.FeedbackResultRow {
			for _, rw := range res.Rows {
				if rw.Competency == key {
					return rw
				}
			}
			t.Fatalf("no row %s", key)
			return journey.FeedbackResultRow{}
		}
		del, neg := row("delegation"), row("negotiation")
		// Reports (2) and the stakeholder (1) fold to 3, under the others
		// minimum of 4: their fives count nowhere.
		if del.Self != 3 || del.Raters != 4 || math.Abs(del.Others-1.75) > 1e-9 || del.Kind != journey.FeedbackBlindSpot || len(del.Groups) != 2 {
			t.Errorf("delegation %+v", del)
		}
		if neg.Self != 2 || math.Abs(neg.Others-3.75) > 1e-9 || neg.Kind != journey.FeedbackHiddenStrength {
			t.Errorf("negotiation %+v", neg)
		}
		if len(res.BlindSpots) != 1 || len(res.HiddenStrengths) != 1 {
			t.Errorf("blind spots %d, hidden strengths %d", len(res.BlindSpots), len(res.HiddenStrengths))
		}
		// Comments: the manager's (named, 1) and the peers' (3) show; the
		// report's and the stakeholder's stay hidden.
		var texts []string
		for _, g := range res.Comments {
			texts = append(texts, g.Group+":"+strings.Join(g.Texts, "|"))
		}
		all := strings.Join(texts, " ")
		if !strings.Contains(all, "manager:In the March release") || !strings.Contains(all, "peer one") ||
			strings.Contains(all, "report one") || strings.Contains(all, "stakeholder one") {
			t.Errorf("comments %q", all)
		}
		counts := map[string]ladder.FeedbackCount{}
		for _, c := range res.Counts {
			counts[c.Category] = c.FeedbackCount
		}
		if counts["peer"] != (ladder.FeedbackCount{Invited: 3, Answered: 3}) || counts["report"] != (ladder.FeedbackCount{Invited: 2, Answered: 1}) {
			t.Errorf("counts %+v", counts)
		}
		if len(res.Trend.Rounds) != 1 || res.Target != "IT manager" {
			t.Errorf("trend %+v target %q", res.Trend, res.Target)
		}
		// Others' view feeds the current level: (2 x 1.75 + 3) / 3.
		p, _ = j.Persons.FindPersonByID(ctx, p.ID)
		s, err := j.Snapshot(ctx, p, "")
		if err != nil {
			t.Fatal(err)
		}
		lv := s.Levels["delegation"]
		if lv.Source != readiness.SourceFeedback || math.Abs(lv.Level-(2*1.75+3)/3) > 1e-9 ||
			!strings.Contains(lv.Basis, "Before the IT manager opening") || !strings.Contains(lv.Basis, "4 raters") {
			t.Errorf("delegation level %+v", lv)
		}
		// A closed round's links are gone; reminders and raters are refused.
		if inv, err := j.Feedback.FindFeedbackInvitation(ctx, reminded["r2@example.com"]); err != nil || inv.State != ladder.FeedbackLinkExpired {
			t.Errorf("link of a closed round: %+v %v", inv, err)
		}
		if _, err := j.RemindFeedbackRaters(ctx, p, r.ID, "http://ladder.test"); ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("reminded a closed round: %v", err)
		}
	})
}

func TestFeedbackWithoutMail(t *testing.T) {
	db := sqldbtest.Open(t, sqldb.SQLite)
	j, p, sink := feedbackJourney(t, db)
	j.Mail = nil
	r, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: "R", Competencies: []string{"negotiation", "delegation"},
		ClosesOn: feedbackNow.AddDate(0, 0, 7)})
	if err != nil {
		t.Fatal(err)
	}
	if r.Competencies[0] != "delegation" {
		t.Errorf("competencies in model order: %v", r.Competencies)
	}
	inv, err := j.AddFeedbackRater(ctx, p, r.ID, "peer", "p@example.com", 3, "http://x")
	if err != nil || inv.Mailed || inv.Link == "" || !inv.Rater.ExpiresAt.Equal(feedbackNow.Add(72*time.Hour)) {
		t.Fatalf("%+v %v", inv, err)
	}
	if _, err := j.AddFeedbackRater(ctx, p, r.ID, "peer", "q@example.com", 400, "http://x"); ladder.ErrorCode(err) != ladder.EINVALID {
		t.Errorf("400 days: %v", err)
	}
	if _, err := j.RemindFeedbackRaters(ctx, p, r.ID, "http://x"); ladder.ErrorCode(err) != ladder.ECONFLICT {
		t.Errorf("reminders without mail: %v", err)
	}
	if len(sink.Messages()) != 0 {
		t.Errorf("mail sent without a sender")
	}
	// Without competencies and without a target, the form asks for them.
	q := &ladder.Person{Name: "No Target", Email: "nt@example.com"}
	if err := j.Persons.CreatePerson(ctx, q); err != nil {
		t.Fatal(err)
	}
	if _, err := j.StartFeedbackRound(ctx, q, journey.FeedbackStart{Title: "R", ClosesOn: feedbackNow}); ladder.ErrorCode(err) != ladder.EINVALID {
		t.Errorf("no competencies, no target: %v", err)
	}
}

func TestFeedbackReminders(t *testing.T) {
	db := sqldbtest.Open(t, sqldb.SQLite)
	j, p, _ := feedbackJourney(t, db)
	today := ladder.Day(feedbackNow)
	mk := func(title string, days int) *ladder.FeedbackRound {
		r, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: title, Competencies: []string{"delegation"}, ClosesOn: today.AddDate(0, 0, days)})
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	soon, later, closed := mk("Soon", 3), mk("Later", 30), mk("Closed", 1)
	if err := j.CloseFeedbackRound(ctx, p, closed.ID); err != nil {
		t.Fatal(err)
	}
	got, err := j.FeedbackReminders(ctx, p.ID, today, today.AddDate(0, 0, 7))
	if err != nil || len(got) != 1 || got[0].UID != "feedback-"+itoa(soon.ID) || got[0].Overdue || !got[0].Date.Equal(soon.ClosesOn) ||
		got[0].Link != "/feedback/rounds/"+itoa(soon.ID) || got[0].Kind != ladder.ReminderFeedback {
		t.Errorf("this week: %+v %v", got, err)
	}
	// Looking from a later day, the round past its closing day is overdue.
	got, _ = j.FeedbackReminders(ctx, p.ID, today.AddDate(0, 0, 10), today.AddDate(0, 0, 17))
	if len(got) != 1 || !got[0].Overdue || got[0].UID != "feedback-"+itoa(soon.ID) {
		t.Errorf("overdue: %+v", got)
	}
	_ = later
}
