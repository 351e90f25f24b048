package server

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// pipelineFixture fills Contoso (orgFixture; zed owns it) with a second
// cohort of its programme, Autumn, whose members are Una (shares readiness
// and plan with programme admins; two self-assessments three months apart
// and a plan with an overdue action), Vic (shares readiness only; one
// self-assessment, and a plan he does not share), "=Wes" (named like a
// spreadsheet formula, titled "@sum(1)", shares readiness but has not
// started) and Xan (shares nothing, though she has assessed herself).
// Northwind is left as orgFixture made it: its members share nothing. The
// cohort's id is {pipeCohort}; Xan's secret-looking plan title is
// "XAN-PLAN".
func (f *webFixture) pipelineFixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	id := func(k string) int64 { return f.extraID(t, "{"+k+"}") }
	zed, err := f.j.Persons.FindPersonByID(ctx, id("zedID"))
	must(err)
	n := fixtureSeq.Add(1)
	email := func(name string) string { return fmt.Sprintf("%s.pipe%d@example.com", name, n) }
	csv := "name,email,title\nUna," + email("una") + ",Service desk lead\nVic," + email("vic") + ",\n\"=Wes\"," + email("wes") +
		",@sum(1)\nXan," + email("xan") + ",Network engineer\n"
	_, err = f.j.ImportOrgPeople(ctx, zed, []byte(csv))
	must(err)
	people := map[string]*ladder.Person{}
	var ids []int64
	for _, name := range []string{"una", "vic", "wes", "xan"} {
		p, err := f.j.Persons.FindPersonByEmail(ctx, email(name))
		must(err)
		people[name], ids = p, append(ids, p.ID)
	}
	day := ladder.Day(time.Now())
	c := &ladder.OrgCohort{ProgrammeID: id("zedProg"), Name: "Contoso autumn", Start: day, End: day.AddDate(0, 2, 0), MemberIDs: ids}
	must(f.j.CreateCohort(ctx, zed, c))
	f.extra["{pipeCohort}"] = fmt.Sprint(c.ID)

	share := func(name string, parts ...string) {
		_, err := f.j.SetSharing(ctx, people[name], map[string]ladder.ShareSet{ladder.AudienceAdmins: parts})
		must(err)
	}
	share("una", ladder.ShareReadiness, ladder.SharePlan)
	share("vic", ladder.ShareReadiness)
	share("wes", ladder.ShareReadiness, ladder.SharePlan)
	// Xan shares her journal with her mentors: nothing with programme admins.
	_, err = f.j.SetSharing(ctx, people["xan"], map[string]ladder.ShareSet{ladder.AudienceMentor: {ladder.ShareJournal}})
	must(err)

	assess := func(name string, ago time.Duration, level int) {
		done := time.Now().UTC().Add(-ago).Truncate(time.Second)
		must(f.j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: people[name].ID, Kind: ladder.AssessSelf, TargetRole: "it-manager",
			StartedAt: done.Add(-time.Hour), CompletedAt: done,
			Ratings: []ladder.Rating{{Competency: "delegation", Level: level}, {Competency: "budgeting", Level: level}, {Competency: "empathy", Level: level}}}))
	}
	assess("una", 100*24*time.Hour, 2)
	assess("una", 10*24*time.Hour, 4)
	assess("vic", 20*24*time.Hour, 3)
	assess("xan", 20*24*time.Hour, 5)
	plan := func(name, title string, overdue bool) {
		due := day.AddDate(0, 1, 0)
		if overdue {
			due = day.AddDate(0, 0, -2)
		}
		g := ladder.Goal{Competency: "delegation", Specific: "Delegate", Measure: "Team says so", Why: "Managers delegate",
			Achievable: "Small steps", TargetLevel: 3, TargetDate: day.AddDate(0, 6, 0), Actions: []ladder.PlanAction{
				{Key: "a", Title: title, Kind: ladder.Kind70, EffortHours: 2, DoneWhen: "Done", Due: day.AddDate(0, -1, 0), Done: true},
				{Key: "b", Title: title + " again", Kind: ladder.Kind20, EffortHours: 2, DoneWhen: "Done", Due: due}}}
		must(f.j.Plans().SavePlan(ctx, &ladder.Plan{PersonID: people[name].ID, TargetRole: "it-manager", Start: day.AddDate(0, -2, 0),
			End: day.AddDate(0, 10, 0), Goals: []ladder.Goal{g}}))
	}
	plan("una", "Run the weekly stand-up", true)
	plan("vic", "VIC-PLAN", false)
	plan("xan", "XAN-PLAN", false)
}
