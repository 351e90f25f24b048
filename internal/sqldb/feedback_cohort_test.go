package sqldb_test

import (
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestCohortFeedbackStore: rounds start for a cohort of the organisation
// only, progress is scoped to it and to the cohort's members, and deleting
// the organisation leaves the rounds to their persons with the cohort and
// the admin cleared.
func TestCohortFeedbackStore(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		orgs, progs := sqldb.NewOrgService(db), sqldb.NewProgrammeService(db, defaultModel)
		fs := sqldb.NewFeedbackService(db, defaultModel)
		ps := orgTestPeople(t, db, "Olga", "Ana", "Zed")
		olga, ana, zed := ps[0], ps[1], ps[2]
		north, other := &ladder.Organisation{Name: "Northwind"}, &ladder.Organisation{Name: "Contoso"}
		if err := orgs.CreateOrganisation(ctx, olga.ID, north); err != nil {
			t.Fatal(err)
		}
		if err := orgs.CreateOrganisation(ctx, zed.ID, other); err != nil {
			t.Fatal(err)
		}
		tok, err := orgs.CreateOrgInvitation(ctx, olga.ID, &ladder.OrgInvitation{OrgID: north.ID, Email: ana.Email, Role: ladder.OrgRoleMember})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := orgs.AcceptOrgInvitation(ctx, tok, ana.ID); err != nil {
			t.Fatal(err)
		}
		day := ladder.Day(t0)
		p := &ladder.OrgProgramme{OrgID: north.ID, Name: "P", TargetRole: "it-manager", Start: day, End: day.AddDate(1, 0, 0)}
		if err := progs.CreateProgramme(ctx, olga.ID, p); err != nil {
			t.Fatal(err)
		}
		c := &ladder.OrgCohort{ProgrammeID: p.ID, Name: "Spring", Start: day, End: day.AddDate(0, 1, 0), MemberIDs: []int64{ana.ID}}
		if err := progs.CreateCohort(ctx, olga.ID, north.ID, c); err != nil {
			t.Fatal(err)
		}
		st := func(orgID int64) *ladder.CohortFeedbackStart {
			return &ladder.CohortFeedbackStart{OrgID: orgID, CohortID: c.ID, ActorID: olga.ID, Title: "Spring 360",
				Competencies: []string{"delegation"}, ClosesOn: day.AddDate(0, 0, 7),
				Minimums: ladder.FeedbackMinimums{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 4, NameManager: true},
				Rounds:   []ladder.CohortRound{{PersonID: ana.ID, Raters: []ladder.CohortRater{{Category: "manager", Email: "Olga@Example.com"}}}}}
		}
		if _, err := fs.StartCohortFeedback(ctx, st(other.ID)); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("another organisation's cohort: %v", err)
		}
		res, err := fs.StartCohortFeedback(ctx, st(north.ID))
		if err != nil || len(res) != 1 || res[0].Round == nil || len(res[0].Tokens) != 1 || res[0].Raters[0].Email != "olga@example.com" {
			t.Fatalf("%v %+v", err, res)
		}
		if got, _ := fs.FindCohortFeedback(ctx, other.ID, c.ID); len(got) != 0 {
			t.Errorf("progress through another organisation: %+v", got)
		}
		got, err := fs.FindCohortFeedback(ctx, north.ID, c.ID)
		if err != nil || len(got) != 1 || got[0].Invited != 1 || got[0].Answered != 0 || got[0].StartedByName != "Olga" {
			t.Fatalf("%v %+v", err, got)
		}
		open, err := fs.FindOpenFeedbackRounds(ctx, []int64{ana.ID, olga.ID})
		if err != nil || !open[ana.ID] || open[olga.ID] {
			t.Errorf("open %v %v", err, open)
		}
		if err := orgs.DeleteOrganisation(ctx, north.ID); err != nil {
			t.Fatal(err)
		}
		r, err := fs.FindFeedbackRound(ctx, ana.ID, res[0].Round.ID)
		if err != nil || r.CohortID != 0 || r.StartedBy != olga.ID {
			t.Errorf("Ana's round after the organisation went: %v %+v", err, r)
		}
		if _, err := orgs.FindOrgMember(ctx, 0, ana.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("Ana is still a member: %v", err)
		}
		if err := orgs.DeleteOrganisation(ctx, north.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("deleted twice: %v", err)
		}
	})
}
