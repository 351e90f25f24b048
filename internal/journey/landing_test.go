package journey_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/opportunity"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// landingJourney returns a journey with the demo person loaded at now.
func landingJourney(t *testing.T, db *sqldb.DB, now time.Time) (*journey.Journey, *ladder.Person) {
	t.Helper()
	db.Now = func() time.Time { return now }
	j := journey.New(db, onet.Embedded)
	p, err := demo.Load(ctx, j, now)
	if err != nil {
		t.Fatal(err)
	}
	p, err = j.Persons.FindPersonByID(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return j, p
}

func TestOpportunityReminders(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 5, 4, 15, 0, 0, 0, time.UTC)
		j, alex := landingJourney(t, db, now)
		today := ladder.Day(now)
		other := &ladder.Person{Name: "O", Email: "o@example.com"}
		if err := j.Persons.CreatePerson(ctx, other); err != nil {
			t.Fatal(err)
		}
		add := func(p *ladder.Person, title, step string, next time.Time, stages ...string) *ladder.Opportunity {
			o := &ladder.Opportunity{PersonID: p.ID, Title: title, Organisation: "Acme", Kind: ladder.OpportunityOther,
				NextStep: step, NextStepDate: next}
			if err := j.Opportunities.CreateOpportunity(ctx, o, today.AddDate(0, 0, -30)); err != nil {
				t.Fatal(err)
			}
			for _, s := range stages {
				if _, err := j.Opportunities.MoveOpportunity(ctx, p.ID, o.ID, s, today); err != nil {
					t.Fatal(err)
				}
			}
			return o
		}
		p := &ladder.Person{Name: "P", Email: "p@example.com"}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		late := add(p, "Late", "Call the recruiter", today.AddDate(0, 0, -2))
		due := add(p, "Due", "", today.AddDate(0, 0, 3), ladder.StageApplied)
		add(p, "Later", "x", today.AddDate(0, 0, 7))
		add(p, "Closed", "x", today.AddDate(0, 0, 1), ladder.StageDeclined)
		add(p, "Taken", "x", today.AddDate(0, 0, -1), ladder.StageTaken)
		add(p, "Undated", "x", time.Time{})
		add(other, "Theirs", "x", today.AddDate(0, 0, 1))

		got, err := j.OpportunityReminders(ctx, p.ID, today, today.AddDate(0, 0, 7))
		if err != nil {
			t.Fatal(err)
		}
		want := []ladder.Reminder{
			{Date: today.AddDate(0, 0, -2), Kind: ladder.ReminderOpportunity, Title: "Call the recruiter", Detail: "Late at Acme (Spotted)",
				Link: "/opportunities/" + itoa(late.ID), UID: "opportunity-" + itoa(late.ID), Overdue: true},
			{Date: today.AddDate(0, 0, 3), Kind: ladder.ReminderOpportunity, Title: "Next step: Due", Detail: "Due at Acme (Applied)",
				Link: "/opportunities/" + itoa(due.ID), UID: "opportunity-" + itoa(due.ID)},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		// The demo gives Alex two open next steps within a fortnight.
		if rs, _ := j.OpportunityReminders(ctx, alex.ID, today, today.AddDate(0, 0, 14)); len(rs) != 2 || rs[0].Overdue {
			t.Errorf("Alex: %+v", rs)
		}
	})
}

func TestPipelinePrompt(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 5, 4, 15, 0, 0, 0, time.UTC)
		j, alex := landingJourney(t, db, now)
		pl, err := j.Pipeline(ctx, alex.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Alex discussed the team-lead role inside: no prompt.
		if pl.Prompt || len(pl.Opportunities) != 3 || len(pl.Board[1].Items) != 1 || len(pl.Board[2].Items) != 1 || len(pl.Board[5].Items) != 1 {
			t.Errorf("Alex: prompt %v, %d opportunities, board %+v", pl.Prompt, len(pl.Opportunities), pl.Board)
		}
		p := &ladder.Person{Name: "P", Email: "p@example.com"}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		ext := &ladder.Opportunity{PersonID: p.ID, Title: "IT manager", Kind: ladder.OpportunityManagementRole}
		if err := j.Opportunities.CreateOpportunity(ctx, ext, time.Time{}); err != nil {
			t.Fatal(err)
		}
		if pl, _ := j.Pipeline(ctx, p.ID); !pl.Prompt || pl.PromptReason != opportunity.ReasonNoneDiscussed || pl.Guide == nil {
			t.Errorf("outside only: %+v", pl)
		}
		if err := j.Opportunities.SetSupervisorTalk(ctx, &ladder.SupervisorTalk{PersonID: p.ID, Date: now}); err != nil {
			t.Fatal(err)
		}
		if pl, _ := j.Pipeline(ctx, p.ID); pl.Prompt || pl.Talk == nil || !pl.Talk.Date.Equal(ladder.Day(now)) {
			t.Errorf("after the talk: %+v", pl)
		}
	})
}

func TestGenerateResume(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 5, 4, 15, 0, 0, 0, time.UTC)
		j, alex := landingJourney(t, db, now)
		bs, err := j.Resume.FindResumeBullets(ctx, alex.ID)
		if err != nil {
			t.Fatal(err)
		}
		es, _, _ := j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID})
		if len(bs) != len(es) || len(bs) == 0 {
			t.Fatalf("%d bullets for %d entries", len(bs), len(es))
		}
		// Ranked for IT manager: the first leads with a required competency
		// and says why; every bullet has text and a reason.
		if !strings.HasPrefix(bs[0].Why, "Shows ") || !strings.Contains(bs[0].Why, "IT manager") || bs[0].TargetRole != "it-manager" {
			t.Errorf("first: %+v", bs[0])
		}
		for _, b := range bs {
			if b.Text == "" || b.Why == "" || b.EvidenceID == 0 {
				t.Errorf("bullet %+v", b)
			}
		}

		edited, hidden, dropped := bs[0], bs[1], bs[2]
		if _, err := j.EditBullet(ctx, alex, edited.ID, journey.BulletEdit{Text: ptr("My own words."), Result: ptr("It worked.")}); err != nil {
			t.Fatal(err)
		}
		if b, err := j.EditBullet(ctx, alex, hidden.ID, journey.BulletEdit{Hidden: ptr(true)}); err != nil || b.Edited || !b.Hidden {
			t.Fatalf("hide: %v %+v", err, b)
		}
		// The entry of an edited bullet is deleted: the bullet stays, last.
		orphan := bs[3]
		if _, err := j.EditBullet(ctx, alex, orphan.ID, journey.BulletEdit{Text: ptr("Kept without its entry.")}); err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{orphan.EvidenceID, dropped.EvidenceID} {
			if err := j.Evidence.DeleteEvidence(ctx, alex.ID, id); err != nil {
				t.Fatal(err)
			}
		}
		fresh := &ladder.Evidence{PersonID: alex.ID, Kind: ladder.EvidenceHiring, Title: "Interviewed for the service desk",
			Start: ladder.Day(now), Competencies: []string{"developing-people"}, PeopleCount: 2}
		if err := j.Evidence.CreateEvidence(ctx, fresh); err != nil {
			t.Fatal(err)
		}
		alex, _ = j.Persons.FindPersonByID(ctx, alex.ID)
		again, err := j.GenerateResume(ctx, alex)
		if err != nil {
			t.Fatal(err)
		}
		stored, _ := j.Resume.FindResumeBullets(ctx, alex.ID)
		if len(stored) != len(again) || len(stored) != len(bs) { // -1 dropped, +1 fresh, orphan kept
			t.Fatalf("%d stored, %d returned, %d before", len(stored), len(again), len(bs))
		}
		byID := map[int64]*ladder.ResumeBullet{}
		for _, b := range stored {
			byID[b.ID] = b
		}
		if b := byID[edited.ID]; b == nil || b.Text != "My own words." || b.Result != "It worked." || !b.Edited {
			t.Errorf("edited: %+v", b)
		}
		if b := byID[hidden.ID]; b == nil || !b.Hidden || b.Text != hidden.Text {
			t.Errorf("hidden: %+v", b)
		}
		if byID[dropped.ID] != nil {
			t.Errorf("the unedited bullet of a deleted entry stayed")
		}
		last := stored[len(stored)-1]
		if last.ID != orphan.ID || last.EvidenceID != 0 || last.Text != "Kept without its entry." {
			t.Errorf("orphan: %+v", last)
		}
		if !slices.ContainsFunc(stored, func(b *ladder.ResumeBullet) bool { return b.EvidenceID == fresh.ID }) {
			t.Errorf("no bullet for the new entry")
		}

		t.Run("Move", func(t *testing.T) {
			moved, err := j.MoveBullet(ctx, alex, last.ID, 1)
			if err != nil || moved[0].ID != last.ID {
				t.Fatalf("%v %+v", err, moved)
			}
			got, _ := j.Resume.FindResumeBullets(ctx, alex.ID)
			if got[0].ID != last.ID || got[0].Position != 1 || got[1].Position != 2 {
				t.Errorf("%+v", got[:2])
			}
			if _, err := j.MoveBullet(ctx, alex, last.ID, 99); err != nil {
				t.Fatal(err)
			}
			got, _ = j.Resume.FindResumeBullets(ctx, alex.ID)
			if got[len(got)-1].ID != last.ID {
				t.Errorf("clamped to the end: %+v", got)
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			other := &ladder.Person{Name: "O", Email: "o@example.com", TargetRole: "team-lead"}
			if err := j.Persons.CreatePerson(ctx, other); err != nil {
				t.Fatal(err)
			}
			if _, err := j.EditBullet(ctx, other, edited.ID, journey.BulletEdit{Text: ptr("x")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("edit: %v", err)
			}
			if _, err := j.MoveBullet(ctx, other, edited.ID, 1); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("move: %v", err)
			}
			alexOpps, _ := j.Opportunities.FindOpportunities(ctx, alex.ID)
			if _, _, err := j.CoverLetter(ctx, other, alexOpps[0].ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("cover letter for another's opportunity: %v", err)
			}
			if bs, err := j.GenerateResume(ctx, other); err != nil || len(bs) != 0 {
				t.Errorf("empty log: %v %+v", err, bs)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			_, err := j.EditBullet(ctx, alex, edited.ID, journey.BulletEdit{Text: ptr(" ")})
			wantField(t, err, "text")
			noTarget := &ladder.Person{Name: "N", Email: "n@example.com"}
			if err := j.Persons.CreatePerson(ctx, noTarget); err != nil {
				t.Fatal(err)
			}
			if _, err := j.GenerateResume(ctx, noTarget); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("no target: %v", err)
			}
		})
	})
}

func TestCoverLetterAndInterview(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		now := time.Date(2026, 5, 4, 15, 0, 0, 0, time.UTC)
		j, alex := landingJourney(t, db, now)
		os, _ := j.Opportunities.FindOpportunities(ctx, alex.ID)
		var northwind int64
		for _, o := range os {
			if o.Organisation == "Northwind Logistics" {
				northwind = o.ID
			}
		}
		in, secs, err := j.CoverLetter(ctx, alex, northwind)
		if err != nil {
			t.Fatal(err)
		}
		bs, _ := j.Resume.FindResumeBullets(ctx, alex.ID)
		if len(secs) != 5 || len(secs[2].Points) != 3 || secs[2].Points[0] != bs[0].Text || len(in.Priorities) != 2 ||
			!strings.Contains(secs[0].Draft, "IT manager role at Northwind Logistics") {
			t.Errorf("%+v\n%+v", in, secs)
		}

		iv, err := j.Interview(ctx, alex)
		if err != nil {
			t.Fatal(err)
		}
		if iv.Role != "IT manager" || len(iv.Suggested) == 0 || len(iv.Suggested) > journey.MaxSuggested || len(iv.Categories) != 12 {
			t.Fatalf("%+v", iv)
		}
		for _, q := range iv.Suggested {
			if !q.ForYou {
				t.Errorf("suggested but not for the role: %s", q.Key)
			}
		}
		total := 0
		for _, c := range iv.Categories {
			total += len(c.Questions)
			seenOther := false
			for _, q := range c.Questions {
				if !q.ForYou {
					seenOther = true
				} else if seenOther {
					t.Errorf("%s: %s for the role after one that is not", c.Key, q.Key)
				}
				if q.Key == "budget-built" && (q.Attempts != 1 || q.LastRating != 4) {
					t.Errorf("practice of budget-built: %+v", q)
				}
			}
		}
		if total != 60 {
			t.Errorf("%d questions", total)
		}
		if _, err := journey.InterviewQuestionByKey("nope"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("unknown key: %v", err)
		}
	})
}

// TestImportKeepsEvidenceReferences: after export and import, bullets and
// practice answers point to the same entries (by title) as before, though
// the ids are new.
func TestImportKeepsEvidenceReferences(t *testing.T) {
	src, dst := openJourney(t, sqldb.SQLite), openJourney(t, sqldb.Postgres)
	p := fullPerson(t, src)
	first := exportBytes(t, src, p)
	q, err := importBytes(t, dst, first, "")
	if err != nil {
		t.Fatal(err)
	}
	refs := func(b []byte) (bullets, answers []string) {
		x, err := api.DecodeExport(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		title := map[int64]string{}
		for _, e := range x.Evidence {
			title[e.ID] = e.Title
		}
		for _, r := range x.Resume {
			if r.EvidenceID != nil {
				bullets = append(bullets, r.Text+" <- "+title[*r.EvidenceID])
			}
		}
		for _, a := range x.Practice {
			for _, id := range a.EvidenceIDs {
				answers = append(answers, a.Question+" <- "+title[id])
			}
		}
		return bullets, answers
	}
	b1, a1 := refs(first)
	b2, a2 := refs(exportBytes(t, dst, q))
	if len(b1) == 0 || len(a1) != 3 {
		t.Fatalf("the export has %d bullet and %d answer references", len(b1), len(a1))
	}
	if diff := cmp.Diff(b1, b2); diff != "" {
		t.Errorf("bullets (-before +after):\n%s", diff)
	}
	if diff := cmp.Diff(a1, a2); diff != "" {
		t.Errorf("answers (-before +after):\n%s", diff)
	}
	for _, want := range []string{`"stage": "discussed"`, `"Northwind Logistics"`, `"question": "budget-built"`, `"why": "Shows `} {
		if !strings.Contains(string(first), want) {
			t.Errorf("the export lacks %s", want)
		}
	}
}

// TestImportLandingInvalid: a bad opportunity, bullet or answer stops the
// import before anything is written.
func TestImportLandingInvalid(t *testing.T) {
	j := openJourney(t, sqldb.SQLite)
	p := fullPerson(t, j)
	good := exportBytes(t, j, p)
	before := rowCounts(t, j)
	for name, c := range map[string]struct {
		change func(x *api.Export)
		where  string
	}{
		"HistoryNotAtStage": {func(x *api.Export) { x.Opportunities[0].Stage = ladder.StageOffered }, "opportunities[0]"},
		"HistoryEmpty":      {func(x *api.Export) { x.Opportunities[1].History = nil }, "opportunities[1]"},
		"UnknownKind":       {func(x *api.Export) { x.Opportunities[2].Kind = "job" }, "opportunities[2]"},
		"BulletText":        {func(x *api.Export) { x.Resume[0].Text = "" }, "resume[0]"},
		"BulletEvidence":    {func(x *api.Export) { id := int64(999999); x.Resume[1].EvidenceID = &id }, "resume[1]"},
		"UnknownQuestion":   {func(x *api.Export) { x.Practice[0].Question = "nope" }, "practice[0]"},
		"AnswerEvidence":    {func(x *api.Export) { x.Practice[1].EvidenceIDs = []int64{999999} }, "practice[1]"},
		"AnswerRating":      {func(x *api.Export) { x.Practice[1].Rating = 0 }, "practice[1]"},
	} {
		t.Run(name, func(t *testing.T) {
			x, err := api.DecodeExport(bytes.NewReader(good))
			if err != nil {
				t.Fatal(err)
			}
			c.change(x)
			d := x.PersonData()
			d.Person.Email = "copy@example.com"
			if _, err := j.ImportPerson(ctx, d); ladder.ErrorCode(err) != ladder.EINVALID || !strings.Contains(err.Error(), c.where) {
				t.Fatalf("got %v", err)
			}
			sameCounts(t, before, rowCounts(t, j))
		})
	}
}
