package journey_test

import (
	"bytes"
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

// first90Tables are the tables of the first 90 days, for rowCounts.
var first90Tables = []string{"manager_roles", "first90_steps", "team_members", "one_to_ones", "one_to_one_follow_ups",
	"stakeholders", "trust_checks", "delegations"}

// addFirst90 gives p something of every kind of the first 90 days: a
// manager record whose plan was made twice with a done step kept, two team
// members with one-to-ones and follow-ups, stakeholders, two trust weeks
// and a delegation list.
func addFirst90(t *testing.T, j *journey.Journey, p *ladder.Person) {
	t.Helper()
	start := ladder.Day(portNow.AddDate(0, 0, -40))
	role := &ladder.ManagerRole{PersonID: p.ID, Start: start, TeamName: "Infrastructure", TeamSize: 4, Title: "IT manager",
		Situation: "turnaround"}
	steps, err := j.BecomeManager(ctx, role)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range steps[:3] {
		if _, err := j.Manager.MarkFirst90Step(ctx, p.ID, s.ID, true, "Done: "+s.Key); err != nil {
			t.Fatal(err)
		}
	}
	role.Situation = "sustaining-success" // skips urgent-fires, done above: it stays
	if _, err := j.BecomeManager(ctx, role); err != nil {
		t.Fatal(err)
	}
	sam := &ladder.TeamMember{PersonID: p.ID, Name: "Sam Okafor", Role: "Network engineer", Strengths: "Calm in incidents",
		Goals: "Lead the Wi-Fi refresh", Concerns: "On-call load", NextOneToOne: start.AddDate(0, 0, 45)}
	lea := &ladder.TeamMember{PersonID: p.ID, Name: "Lea Brandt", Role: "Service desk lead"}
	for _, m := range []*ladder.TeamMember{sam, lea} {
		if err := j.Team.CreateTeamMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	for _, o := range []*ladder.OneToOne{
		{PersonID: p.ID, MemberID: sam.ID, Date: start.AddDate(0, 0, 3), Notes: "First talk: proud of the core switch upgrade."},
		{PersonID: p.ID, MemberID: sam.ID, Date: start.AddDate(0, 0, 17), Notes: "Agreed a rota review.",
			FollowUps: []ladder.FollowUp{{Text: "Draft the new rota", Due: start.AddDate(0, 0, 24), Done: true}, {Text: "Find a Wi-Fi course"}}},
		{PersonID: p.ID, MemberID: lea.ID, Date: start.AddDate(0, 0, 5), Notes: "Ticket backlog worries her."},
	} {
		if err := j.Team.CreateOneToOne(ctx, o); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []*ladder.Stakeholder{
		{PersonID: p.ID, Name: "Dana Ruiz", Role: "CFO", Influence: 5, Interest: 2, Needs: "Predictable IT costs", NextContact: start.AddDate(0, 0, 50)},
		{PersonID: p.ID, Name: "Omar Haddad", Role: "Head of sales", Influence: 3, Interest: 5, Needs: "A CRM that is up"},
	} {
		if err := j.Stakeholders.CreateStakeholder(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for i, habits := range [][]string{{"held-one-to-ones", "shared-priorities"}, {"gave-credit"}} {
		if err := j.Manager.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: p.ID, Week: ladder.WeekOf(start).AddDate(0, 0, 7*i), Habits: habits}); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []*ladder.Delegation{
		{PersonID: p.ID, Task: "Patch the file servers", Owner: "Sam Okafor", Status: ladder.DelegationDelegated, HoursPerWeek: 3},
		{PersonID: p.ID, Task: "Weekly backup restore test", HoursPerWeek: 1.5, Notes: "Lea next quarter"},
	} {
		if err := j.Delegations.CreateDelegation(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
}

// TestExportImportFirst90: the first 90 days round-trip between engines,
// one-to-ones stay with their member, and bad records import nothing.
func TestExportImportFirst90(t *testing.T) {
	// TestExportImportRoundTrip covers every pair of engines with this data
	// too (fullPerson calls addFirst90); this checks the one-to-ones.
	for _, from := range []string{sqldb.SQLite} {
		for _, to := range []string{sqldb.Postgres} {
			t.Run(from+"-to-"+to, func(t *testing.T) {
				src, dst := openJourney(t, from), openJourney(t, to)
				p := newManager(t, src, "priya@example.com")
				addFirst90(t, src, p)
				first := exportBytes(t, src, p)
				for _, want := range []string{`"situation": "sustaining-success"`, `"key": "urgent-fires"`, `"Done: urgent-fires"`,
					`"Find a Wi-Fi course"`, `"Ticket backlog worries her."`, `"Predictable IT costs"`, `"gave-credit"`,
					`"status": "delegated"`} {
					if !strings.Contains(string(first), want) {
						t.Errorf("the export lacks %s", want)
					}
				}
				q, err := importBytes(t, dst, first, "")
				if err != nil {
					t.Fatal(err)
				}
				second := exportBytes(t, dst, q)
				if a, b := normaliseIDs(first), normaliseIDs(second); a != b {
					t.Fatalf("the round trip changed the export:\n%s", firstDiff(a, b))
				}
				members, _ := dst.Team.FindTeamMembers(ctx, q.ID)
				for _, m := range members {
					os, _ := dst.Team.FindOneToOnes(ctx, q.ID, m.ID)
					if (m.Name == "Sam Okafor" && len(os) != 2) || (m.Name == "Lea Brandt" && len(os) != 1) {
						t.Errorf("%s has %d one-to-ones", m.Name, len(os))
					}
				}
			})
		}
	}
}

func TestImportFirst90Invalid(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = func() time.Time { return portNow }
		j := journey.New(db, onet.Embedded)
		p := newManager(t, j, "priya@example.com")
		addFirst90(t, j, p)
		good := exportBytes(t, j, p)
		before := rowCounts(t, j)
		for name, tc := range map[string]struct {
			spoil func(x *api.Export)
			where string
		}{
			"Situation":   {func(x *api.Export) { x.Manager.Situation = "moonshot" }, "manager"},
			"StepsNoRole": {func(x *api.Export) { x.Manager = nil }, "first90"},
			"Influence":   {func(x *api.Export) { x.Stakeholders[1].Influence = 9 }, "stakeholders[1]"},
			"Habit":       {func(x *api.Export) { x.Trust[1].Habits = []string{"bribery"} }, "trust[1]"},
			"TrustTwice":  {func(x *api.Export) { x.Trust[1].Week = x.Trust[0].Week }, "trust[1]"},
			"FollowUp":    {func(x *api.Export) { x.Team[0].OneToOnes[1].FollowUps[1].Text = " " }, "one_to_ones[1]"},
			"Delegation":  {func(x *api.Export) { x.Delegations[1].Status = "someday" }, "delegations[1]"},
		} {
			t.Run(name, func(t *testing.T) {
				x, err := api.DecodeExport(bytes.NewReader(good))
				if err != nil {
					t.Fatal(err)
				}
				tc.spoil(x)
				d := x.PersonData()
				d.Person.Email = "copy@example.com"
				if _, err := j.ImportPerson(ctx, d); ladder.ErrorCode(err) != ladder.EINVALID || !strings.Contains(err.Error(), tc.where) {
					t.Fatalf("got %v, want EINVALID at %s", err, tc.where)
				}
				sameCounts(t, before, rowCounts(t, j))
			})
		}
	})
}
