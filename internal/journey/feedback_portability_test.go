package journey_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// addFeedbackRounds gives p a closed round whose manager and three peers
// answered (shown) and a lone report (hidden, "the lone report's
// comment"), and an open round, which exports leave behind.
func addFeedbackRounds(t *testing.T, j *journey.Journey, p *ladder.Person) {
	t.Helper()
	closes := ladder.Day(j.DB.Now()).AddDate(0, 0, 14)
	r, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: "Mid-year 360", Competencies: []string{"delegation", "negotiation"}, ClosesOn: closes})
	if err != nil {
		t.Fatal(err)
	}
	for i, rt := range []struct {
		cat   string
		level int
		text  string
	}{{"manager", 3, "Plans well."}, {"peer", 2, "Keeps the rota."}, {"peer", 3, "Asks for help late."}, {"peer", 4, "Clear in incidents."},
		{"report", 5, "the lone report's comment"}} {
		inv, err := j.AddFeedbackRater(ctx, p, r.ID, rt.cat, fmt.Sprintf("rater%d@raters.invalid", i), 0, "http://x")
		if err != nil {
			t.Fatal(err)
		}
		token := inv.Link[strings.LastIndex(inv.Link, "/")+1:]
		if err := j.Feedback.SubmitFeedback(ctx, token, ladder.FeedbackResponse{Levels: map[string]int{"delegation": rt.level, "negotiation": 2},
			Comments: map[string]string{"": rt.text}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.CloseFeedbackRound(ctx, p, r.ID); err != nil {
		t.Fatal(err)
	}
	open, err := j.StartFeedbackRound(ctx, p, journey.FeedbackStart{Title: "Still open", Competencies: []string{"budgeting"}, ClosesOn: closes})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := j.AddFeedbackRater(ctx, p, open.ID, "peer", "open.rater@raters.invalid", 0, "http://x"); err != nil {
		t.Fatal(err)
	}
}

// TestFeedbackExport: closed rounds travel with what they show; no rater
// email, no hidden answer, no open round; an import restores them closed,
// and their figures feed the imported person's levels.
func TestFeedbackExport(t *testing.T) {
	src, dst := openJourney(t, sqldb.SQLite), openJourney(t, sqldb.Postgres)
	p := fullPerson(t, src)
	b := exportBytes(t, src, p)
	s := string(b)
	for _, want := range []string{`"feedback_rounds"`, `"title": "Mid-year 360"`, `"group": "peer"`, `"Clear in incidents."`, `"sum": 9`} {
		if !strings.Contains(s, want) {
			t.Errorf("the export lacks %s", want)
		}
	}
	for _, not := range []string{"@raters.invalid", "the lone report", "Still open", "/feedback/r/", `"group": "report"`} {
		if strings.Contains(s, not) {
			t.Errorf("the export carries %q", not)
		}
	}
	q, err := importBytes(t, dst, b, "")
	if err != nil {
		t.Fatal(err)
	}
	rs, err := dst.Feedback.FindFeedbackRounds(ctx, q.ID)
	if err != nil || len(rs) != 1 || !rs[0].Closed() || rs[0].Counts["report"] != (ladder.FeedbackCount{Invited: 1, Answered: 1}) {
		t.Fatalf("imported %+v %v", rs, err)
	}
	if raters, _ := dst.Feedback.FindFeedbackRaters(ctx, q.ID, rs[0].ID); len(raters) != 0 {
		t.Errorf("raters came with the import: %+v", raters)
	}
	res, err := dst.FeedbackResults(ctx, q, rs[0].ID)
	if err != nil || !res.Rows[0].HasOthers || res.Rows[0].Raters != 4 {
		t.Fatalf("results %+v %v", res, err)
	}
	s2, err := dst.Snapshot(ctx, q, "")
	if err != nil || s2.Levels["delegation"].Source != "360" {
		t.Errorf("imported feedback does not count: %+v %v", s2.Levels["delegation"], err)
	}
}

// TestFeedbackImportInvalid: an edited file cannot bring in a figure the
// anonymity rule would not show, an open round or nonsense counts; nothing
// is written.
func TestFeedbackImportInvalid(t *testing.T) {
	db := sqldbtest.Open(t, sqldb.SQLite)
	db.Now = func() time.Time { return portNow }
	j := journey.New(db, onet.Embedded)
	p := fullPerson(t, j)
	good := exportBytes(t, j, p)
	for _, tc := range []struct {
		name, want string
		edit       func(x *api.Export)
	}{
		{"GroupUnderMinimum", "under its minimum", func(x *api.Export) {
			x.FeedbackRounds[0].Cells = append(x.FeedbackRounds[0].Cells, api.ExportFeedbackCell{Competency: "negotiation", Group: "report", Raters: 1, Sum: 5})
		}},
		{"MinimumsUnderFloor", "minimums", func(x *api.Export) { x.FeedbackRounds[0].Minimums.Peer = 1 }},
		{"Open", "only closed rounds", func(x *api.Export) { x.FeedbackRounds[0].ClosedAt = time.Time{} }},
		{"Counts", "bad counts", func(x *api.Export) { x.FeedbackRounds[0].Counts[0].Answered = 9 }},
		{"UnknownCompetency", "unknown or repeated competency", func(x *api.Export) { x.FeedbackRounds[0].Competencies[0] = "juggling" }},
		{"SelfLevel", "bad self-rating", func(x *api.Export) {
			x.FeedbackRounds[0].Self = []api.ExportFeedbackSelf{{Competency: "delegation", Level: 7}}
		}},
		{"ImpossibleSum", "levels of 1-5", func(x *api.Export) { x.FeedbackRounds[0].Cells[0].Sum = 99 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := api.DecodeExport(bytes.NewReader(good))
			if err != nil {
				t.Fatal(err)
			}
			tc.edit(x)
			d := x.PersonData()
			d.Person.Email = "copy@example.com"
			_, err = j.ImportPerson(ctx, d)
			if ladder.ErrorCode(err) != ladder.EINVALID || !strings.Contains(err.Error(), "feedback_rounds[0]") || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("got %v", err)
			}
			if _, err := j.Persons.FindPersonByEmail(ctx, "copy@example.com"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("a person was written: %v", err)
			}
		})
	}
}
