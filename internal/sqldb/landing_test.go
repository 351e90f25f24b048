package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestOpportunities(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		today := ladder.Day(t0)
		ps, me, other := twoPeople(t, db)
		os := sqldb.NewOpportunityService(db)
		lead := &ladder.Opportunity{PersonID: me.ID, Title: " Team lead, infrastructure ", Organisation: "Acme", Internal: true,
			Kind: ladder.OpportunityManagementRole, NextStep: "Ask Dana about the timeline", NextStepDate: t0.AddDate(0, 0, 5)}
		if err := os.CreateOpportunity(ctx, lead, today.AddDate(0, 0, -20)); err != nil {
			t.Fatal(err)
		}
		ext := &ladder.Opportunity{PersonID: me.ID, Title: "IT manager", Organisation: "Globex", Kind: ladder.OpportunityManagementRole,
			Stage: ladder.StageApplied, Link: "https://example.com/job"}
		if err := os.CreateOpportunity(ctx, ext, time.Time{}); err != nil {
			t.Fatal(err)
		}
		got, err := os.FindOpportunity(ctx, me.ID, lead.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Opportunity{ID: lead.ID, PersonID: me.ID, Title: "Team lead, infrastructure", Organisation: "Acme", Internal: true,
			Kind: "management-role", Stage: "spotted", NextStep: "Ask Dana about the timeline", NextStepDate: today.AddDate(0, 0, 5),
			History: []ladder.StageChange{{Stage: "spotted", Date: today.AddDate(0, 0, -20)}}, CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}

		t.Run("StageHistory", func(t *testing.T) {
			if _, err := os.MoveOpportunity(ctx, me.ID, lead.ID, ladder.StageDiscussed, today.AddDate(0, 0, -10)); err != nil {
				t.Fatal(err)
			}
			moved, err := os.MoveOpportunity(ctx, me.ID, lead.ID, ladder.StageApplied, time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			wantHist := []ladder.StageChange{{Stage: "spotted", Date: today.AddDate(0, 0, -20)}, {Stage: "discussed", Date: today.AddDate(0, 0, -10)}, {Stage: "applied", Date: today}}
			got, _ := os.FindOpportunity(ctx, me.ID, lead.ID)
			if diff := cmp.Diff(wantHist, got.History); diff != "" || moved.Stage != "applied" || got.Stage != "applied" {
				t.Errorf("stage %q, history (-want +got):\n%s", got.Stage, diff)
			}
			if !got.Reached(ladder.StageDiscussed) || got.Reached(ladder.StageOffered) {
				t.Errorf("Reached: %+v", got.History)
			}
			// The fields update keeps the stage and history.
			got.Notes, got.Stage = "Strong fit", ladder.StageTaken
			if err := os.UpdateOpportunity(ctx, got); err != nil {
				t.Fatal(err)
			}
			again, _ := os.FindOpportunity(ctx, me.ID, lead.ID)
			if again.Notes != "Strong fit" || again.Stage != "applied" || len(again.History) != 3 {
				t.Errorf("update: %+v", again)
			}
		})
		t.Run("ErrMove", func(t *testing.T) {
			for name, c := range map[string]struct {
				stage string
				day   time.Time
				field string
			}{
				"SameStage":   {ladder.StageApplied, today, "stage"},
				"Unknown":     {"hired", today, "stage"},
				"Future":      {ladder.StageOffered, today.AddDate(0, 0, 9), "date"},
				"BeforeLast":  {ladder.StageOffered, today.AddDate(0, 0, -30), "date"},
				"OthersStage": {ladder.StageOffered, today, ""},
			} {
				pid := me.ID
				if name == "OthersStage" {
					pid = other.ID
				}
				_, err := os.MoveOpportunity(ctx, pid, lead.ID, c.stage, c.day)
				if c.field == "" {
					if ladder.ErrorCode(err) != ladder.ENOTFOUND {
						t.Errorf("%s: %v", name, err)
					}
					continue
				}
				if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[c.field] == "" {
					t.Errorf("%s: %v", name, err)
				}
			}
			if got, _ := os.FindOpportunity(ctx, me.ID, lead.ID); len(got.History) != 3 {
				t.Errorf("a refused move was saved: %+v", got.History)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, o := range []*ladder.Opportunity{
				{PersonID: me.ID, Title: "", Kind: ladder.OpportunityOther},
				{PersonID: me.ID, Title: "x", Kind: "job"},
				{PersonID: me.ID, Title: "x", Kind: ladder.OpportunityOther, Stage: "hired"},
				{PersonID: me.ID, Title: "x", Kind: ladder.OpportunityOther, Link: "ftp://x"},
			} {
				if err := os.CreateOpportunity(ctx, o, time.Time{}); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", o, err)
				}
			}
			if err := os.CreateOpportunity(ctx, &ladder.Opportunity{PersonID: me.ID, Title: "x", Kind: ladder.OpportunityOther},
				today.AddDate(0, 1, 0)); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("future start: %v", err)
			}
			if list, _ := os.FindOpportunities(ctx, me.ID); len(list) != 2 {
				t.Errorf("a refused opportunity was saved: %d", len(list))
			}
		})
		t.Run("PipelineOrder", func(t *testing.T) {
			list, err := os.FindOpportunities(ctx, me.ID)
			if err != nil || len(list) != 2 {
				t.Fatal(err, list)
			}
			if bobs, _ := os.FindOpportunities(ctx, other.ID); len(bobs) != 0 {
				t.Errorf("other sees %d", len(bobs))
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := os.FindOpportunity(ctx, other.ID, lead.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("read: %v", err)
			}
			stolen := *lead
			stolen.PersonID, stolen.Title = other.ID, "mine"
			if err := os.UpdateOpportunity(ctx, &stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := os.DeleteOpportunity(ctx, other.ID, lead.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
		})
		t.Run("SupervisorTalk", func(t *testing.T) {
			if _, err := os.FindSupervisorTalk(ctx, me.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Fatalf("none yet: %v", err)
			}
			before, _ := ps.FindPersonByID(ctx, me.ID)
			for _, d := range []time.Time{today.AddDate(0, 0, -3), today} {
				if err := os.SetSupervisorTalk(ctx, &ladder.SupervisorTalk{PersonID: me.ID, Date: d, Note: "Went well"}); err != nil {
					t.Fatal(err)
				}
			}
			got, err := os.FindSupervisorTalk(ctx, me.ID)
			after, _ := ps.FindPersonByID(ctx, me.ID)
			if err != nil || !got.Date.Equal(today) || got.Note != "Went well" || after.Version <= before.Version {
				t.Errorf("%v %+v", err, got)
			}
			if _, err := os.FindSupervisorTalk(ctx, other.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("other: %v", err)
			}
			if err := os.SetSupervisorTalk(ctx, &ladder.SupervisorTalk{PersonID: me.ID, Date: today.AddDate(0, 0, 5)}); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("future: %v", err)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			if err := os.DeleteOpportunity(ctx, me.ID, ext.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := os.FindOpportunity(ctx, me.ID, ext.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("after delete: %v", err)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM opportunity_stages WHERE opportunity_id = $1`, ext.ID).Scan(&n)
			if n != 0 {
				t.Errorf("%d stages left", n)
			}
		})
	})
}

func TestResumeStore(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		_, me, other := twoPeople(t, db)
		es := sqldb.NewEvidenceService(db, defaultModel)
		rs := sqldb.NewResumeService(db, func(k string) bool { return k == "why-management-why-now" || k == "budget-cut" })
		day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		mine := &ladder.Evidence{PersonID: me.ID, Kind: ladder.EvidenceLedProject, Title: "Led the migration", Start: day}
		theirs := &ladder.Evidence{PersonID: other.ID, Kind: ladder.EvidenceBudget, Title: "Their budget", Start: day}
		for _, e := range []*ladder.Evidence{mine, theirs} {
			if err := es.CreateEvidence(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		a := &ladder.ResumeBullet{EvidenceID: mine.ID, Situation: "S", Task: "T", Action: "A", Result: "R",
			Text: "Led the migration", Competencies: []string{"delegation", "scope-management"}, TargetRole: "it-manager", Why: "first"}
		b := &ladder.ResumeBullet{Text: "An edited line with no entry", Edited: true}
		if err := rs.SaveResume(ctx, me.ID, []*ladder.ResumeBullet{a, b}); err != nil {
			t.Fatal(err)
		}
		got, err := rs.FindResumeBullets(ctx, me.ID)
		if err != nil || len(got) != 2 || got[0].ID != a.ID || got[0].Position != 1 || got[1].Position != 2 ||
			got[0].EvidenceID != mine.ID || got[1].EvidenceID != 0 || len(got[0].Competencies) != 2 {
			t.Fatalf("%v %+v", err, got)
		}

		t.Run("SaveReordersAndDrops", func(t *testing.T) {
			c := &ladder.ResumeBullet{Text: "New"}
			if err := rs.SaveResume(ctx, me.ID, []*ladder.ResumeBullet{c, a}); err != nil {
				t.Fatal(err)
			}
			got, _ := rs.FindResumeBullets(ctx, me.ID)
			if len(got) != 2 || got[0].ID != c.ID || got[1].ID != a.ID {
				t.Errorf("%+v", got)
			}
			for _, g := range got {
				if g.Text == b.Text {
					t.Errorf("dropped bullet still there: %+v", g)
				}
			}
		})
		t.Run("EditAndHide", func(t *testing.T) {
			a.Text, a.Hidden, a.Edited = "Led a 40 TB migration", true, true
			if err := rs.UpdateResumeBullet(ctx, a); err != nil {
				t.Fatal(err)
			}
			got, _ := rs.FindResumeBullet(ctx, me.ID, a.ID)
			if got.Text != "Led a 40 TB migration" || !got.Hidden || !got.Edited {
				t.Errorf("%+v", got)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			if err := rs.SaveResume(ctx, me.ID, []*ladder.ResumeBullet{{Text: " "}}); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("empty text: %v", err)
			}
			err := rs.SaveResume(ctx, me.ID, []*ladder.ResumeBullet{{Text: "x", EvidenceID: theirs.ID}})
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["evidence"] == "" {
				t.Errorf("other's evidence: %v", err)
			}
			if got, _ := rs.FindResumeBullets(ctx, me.ID); len(got) != 2 {
				t.Errorf("a refused save changed the resume: %d", len(got))
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := rs.FindResumeBullet(ctx, other.ID, a.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("read: %v", err)
			}
			stolen := *a
			stolen.PersonID = other.ID
			if err := rs.UpdateResumeBullet(ctx, &stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := rs.SaveResume(ctx, other.ID, []*ladder.ResumeBullet{{ID: a.ID, Text: "mine"}}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("save: %v", err)
			}
			if got, _ := rs.FindResumeBullet(ctx, me.ID, a.ID); got == nil || got.Text != "Led a 40 TB migration" {
				t.Errorf("changed: %+v", got)
			}
		})
		t.Run("EvidenceDeletedKeepsBullet", func(t *testing.T) {
			if err := es.DeleteEvidence(ctx, me.ID, mine.ID); err != nil {
				t.Fatal(err)
			}
			got, err := rs.FindResumeBullet(ctx, me.ID, a.ID)
			if err != nil || got.EvidenceID != 0 {
				t.Errorf("%v %+v", err, got)
			}
		})
	})
}

func TestPracticeStore(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		_, me, other := twoPeople(t, db)
		es := sqldb.NewEvidenceService(db, defaultModel)
		rs := sqldb.NewResumeService(db, func(k string) bool { return k == "q1" || k == "q2" })
		day := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
		mine := &ladder.Evidence{PersonID: me.ID, Kind: ladder.EvidenceBudget, Title: "Budget", Start: day}
		theirs := &ladder.Evidence{PersonID: other.ID, Kind: ladder.EvidenceBudget, Title: "Theirs", Start: day}
		for _, e := range []*ladder.Evidence{mine, theirs} {
			if err := es.CreateEvidence(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		first := &ladder.PracticeAnswer{PersonID: me.ID, Question: "q1", Date: day, Answer: "First go", Rating: 2,
			EvidenceIDs: []int64{mine.ID, mine.ID}}
		second := &ladder.PracticeAnswer{PersonID: me.ID, Question: "q1", Date: day.AddDate(0, 0, 3), Answer: "Better", Rating: 4}
		other1 := &ladder.PracticeAnswer{PersonID: me.ID, Question: "q2", Date: day, Answer: "Other question", Rating: 3}
		for _, a := range []*ladder.PracticeAnswer{first, second, other1} {
			if err := rs.CreatePracticeAnswer(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		got, err := rs.FindPracticeAnswers(ctx, me.ID, "q1")
		if err != nil || len(got) != 2 || got[0].ID != second.ID || got[1].ID != first.ID {
			t.Fatalf("newest first: %v %+v", err, got)
		}
		if diff := cmp.Diff([]int64{mine.ID}, got[1].EvidenceIDs); diff != "" || !got[1].Date.Equal(day) {
			t.Errorf("evidence (-want +got):\n%s", diff)
		}
		if all, _ := rs.FindPracticeAnswers(ctx, me.ID, ""); len(all) != 3 {
			t.Errorf("all: %d", len(all))
		}
		t.Run("ErrInvalid", func(t *testing.T) {
			for field, a := range map[string]*ladder.PracticeAnswer{
				"question": {PersonID: me.ID, Question: "nope", Date: day, Answer: "x", Rating: 3},
				"answer":   {PersonID: me.ID, Question: "q1", Date: day, Answer: " ", Rating: 3},
				"rating":   {PersonID: me.ID, Question: "q1", Date: day, Answer: "x", Rating: 6},
				"date":     {PersonID: me.ID, Question: "q1", Answer: "x", Rating: 3},
				"evidence": {PersonID: me.ID, Question: "q1", Date: day, Answer: "x", Rating: 3, EvidenceIDs: []int64{theirs.ID}},
			} {
				err := rs.CreatePracticeAnswer(ctx, a)
				if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[field] == "" {
					t.Errorf("%s: %v", field, err)
				}
			}
			if all, _ := rs.FindPracticeAnswers(ctx, me.ID, ""); len(all) != 3 {
				t.Errorf("a refused answer was saved: %d", len(all))
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if got, _ := rs.FindPracticeAnswers(ctx, other.ID, ""); len(got) != 0 {
				t.Errorf("other sees %d", len(got))
			}
			if err := rs.DeletePracticeAnswer(ctx, other.ID, first.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
			if err := rs.DeletePracticeAnswer(ctx, me.ID, first.ID); err != nil {
				t.Fatal(err)
			}
		})
	})
}
