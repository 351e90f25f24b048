package server

import (
	"context"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// sharingFixture gives Northwind's people (see orgFixture) data to share,
// each part with a distinctive string to look for:
//   - dave (managed and mentored by erin) aims at IT manager with a
//     rating, an evidence entry "DAVE-EVIDENCE-SHOWN", a journal entry
//     "DAVE-JOURNAL-SECRET" and a plan whose first action,
//     "DAVE-OVERDUE-ACTION", fell due yesterday. He shares readiness,
//     gaps, plan and evidence with his mentors and readiness with his
//     manager; nothing with the programme admins, never his journal.
//   - frank (managed by alice) shares his journal, "FRANK-JOURNAL-VISIBLE",
//     with his manager.
//
// Only the sharing scenarios build it: the other scenarios keep Northwind
// as orgFixture leaves it.
func (f *webFixture) sharingFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	id := func(k string) int64 { return f.extraID(t, "{"+k+"}") }
	start, target := "system-administrator", "it-manager"
	dave, err := f.j.Persons.UpdatePerson(ctx, id("orgDave"), ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
	must(err)
	done := time.Now().UTC().AddDate(0, 0, -10).Truncate(time.Second)
	must(f.j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: dave.ID, Kind: ladder.AssessSelf, TargetRole: target,
		StartedAt: done, CompletedAt: done, Ratings: []ladder.Rating{{Competency: "delegation", Level: 2}, {Competency: "budgeting", Level: 1}}}))
	must(f.j.Evidence.CreateEvidence(ctx, &ladder.Evidence{PersonID: dave.ID, Kind: ladder.EvidenceIncidentLead, Title: "DAVE-EVIDENCE-SHOWN",
		Start: done.AddDate(0, -1, 0), Competencies: []string{"decisions-under-pressure"}}))
	must(f.j.Journal.CreateJournalEntry(ctx, &ladder.JournalEntry{PersonID: dave.ID, Date: done, Kind: ladder.JournalChallenge,
		Title: "Doubts", Body: "DAVE-JOURNAL-SECRET"}))
	must(f.j.Journal.CreateJournalEntry(ctx, &ladder.JournalEntry{PersonID: id("orgFrank"), Date: done, Kind: ladder.JournalWin,
		Title: "FRANK-JOURNAL-VISIBLE"}))
	dave, err = f.j.Persons.FindPersonByID(ctx, dave.ID)
	must(err)
	pl, err := f.j.GeneratePlan(ctx, dave, journey.PlanOptions{Months: 6})
	must(err)
	a := &pl.Goals[0].Actions[0]
	a.Title, a.Due = "DAVE-OVERDUE-ACTION", ladder.Day(time.Now()).AddDate(0, 0, -1)
	a.Start = a.Due.AddDate(0, -1, 0)
	must(f.j.Plans().SavePlan(ctx, pl))
	must(f.j.Shares.SetSharing(ctx, &ladder.Sharing{PersonID: dave.ID, With: map[string]ladder.ShareSet{
		ladder.AudienceMentor:  {ladder.ShareReadiness, ladder.ShareGaps, ladder.SharePlan, ladder.ShareEvidence},
		ladder.AudienceManager: {ladder.ShareReadiness},
	}}))
	must(f.j.Shares.SetSharing(ctx, &ladder.Sharing{PersonID: id("orgFrank"), With: map[string]ladder.ShareSet{
		ladder.AudienceManager: {ladder.ShareJournal},
	}}))
}
