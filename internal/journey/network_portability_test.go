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

// addNetworkData gives p (who has a plan) a mentor with a session whose
// agreed action is in the plan, contacts, memberships and an event with
// the contacts met there.
func addNetworkData(t *testing.T, j *journey.Journey, p *ladder.Person) {
	t.Helper()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	day := ladder.Day(j.DB.Now())
	m := &ladder.Mentor{PersonID: p.ID, Name: "Round Trip Mentor", Organisation: "Elsewhere Ltd", Strengths: []string{"budgeting"},
		Criteria: []string{"approachable"}, Status: ladder.MentorPaused, Inside: true}
	must(j.Mentors.CreateMentor(ctx, m))
	s := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day.AddDate(0, 0, -2), Status: ladder.SessionHeld,
		Agenda: "Round trip agenda", Actions: []ladder.AgreedAction{{Text: "Round trip action in the plan", Competency: "budgeting"},
			{Text: "Round trip action not in the plan"}}}
	must(j.Mentors.CreateMentoringSession(ctx, s))
	_, err := j.AddAgreedActionToPlan(ctx, p, s.Actions[0].ID)
	must(err)
	c1 := &ladder.Contact{PersonID: p.ID, Name: "Round Trip Contact", NextContact: day.AddDate(0, 0, 3), LastContact: day}
	c2 := &ladder.Contact{PersonID: p.ID, Name: "Second Contact", WhereMet: "Round trip meetup"}
	must(j.Network.CreateContact(ctx, c1))
	must(j.Network.CreateContact(ctx, c2))
	must(j.Network.CreateMembership(ctx, &ladder.Membership{PersonID: p.ID, OrgKey: "itsmf", Status: ladder.MembershipMember,
		Since: day.AddDate(-1, 0, 0), Renewal: day.AddDate(0, 2, 0)}))
	must(j.Network.CreateMembership(ctx, &ladder.Membership{PersonID: p.ID, Name: "Round trip user group"}))
	must(j.Network.CreateNetworkEvent(ctx, &ladder.NetworkEvent{PersonID: p.ID, Name: "Round Trip Summit", Date: day.AddDate(0, 0, -20),
		Status: ladder.EventAttended, ContactIDs: []int64{c1.ID, c2.ID}}))
}

// TestNetworkImport: references between records survive the trip, and a
// reference to nothing in the file is refused with nothing written.
func TestNetworkImport(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = func() time.Time { return portNow }
		j := journey.New(db, onet.Embedded)
		p := fullPerson(t, j)
		good := exportBytes(t, j, p)
		for _, want := range []string{`"Round Trip Mentor"`, `"Round trip action in the plan"`, `"plan_action": {`, `"plan_action": null`,
			`"organisation": "itsmf"`, `"Round trip user group"`, `"Round Trip Summit"`, `"Round Trip Contact"`} {
			if !strings.Contains(string(good), want) {
				t.Errorf("the export lacks %s", want)
			}
		}
		q, err := importBytes(t, j, good, "network-copy@example.com")
		if err != nil {
			t.Fatal(err)
		}
		ss, _ := j.Mentors.FindMentoringSessions(ctx, q.ID, 0)
		pl, _ := j.Plans().FindPlan(ctx, q.ID)
		var linked *ladder.AgreedAction
		for _, s := range ss {
			for i, a := range s.Actions {
				if a.PlanActionID != 0 {
					linked = &s.Actions[i]
				}
			}
		}
		if linked == nil {
			t.Fatal("no agreed action is linked after the import")
		}
		if a, gi, _ := findPlanAction(pl, linked.PlanActionID); gi < 0 || a.Title != "Round trip action in the plan" {
			t.Errorf("the link points at %+v", a)
		}
		es, _ := j.Network.FindNetworkEvents(ctx, q.ID)
		cs, _ := j.Network.FindContacts(ctx, q.ID)
		mine := map[int64]bool{}
		for _, c := range cs {
			mine[c.ID] = true
		}
		for _, e := range es {
			for _, c := range e.ContactIDs {
				if !mine[c] {
					t.Errorf("event %q refers to contact %d, not the imported person's", e.Name, c)
				}
			}
		}

		for name, spoil := range map[string]func(x *api.Export){
			"mentor": func(x *api.Export) { x.Sessions[0].Mentor.ID = 999999 },
			"plan_action": func(x *api.Export) {
				for i := range x.Sessions {
					for j := range x.Sessions[i].Actions {
						x.Sessions[i].Actions[j].PlanAction = &api.ExportRef{ID: 999999}
					}
				}
			},
			"contact": func(x *api.Export) {
				for i := range x.Events {
					x.Events[i].Contacts = append(x.Events[i].Contacts, api.ExportRef{ID: 999999})
				}
			},
			"criterion": func(x *api.Export) { x.Mentors[0].Criteria = []string{"famous"} },
			"org":       func(x *api.Export) { x.Memberships[0].Organisation = "rotary" },
		} {
			t.Run("Err"+name, func(t *testing.T) {
				before := rowCounts(t, j)
				x, err := api.DecodeExport(bytes.NewReader(good))
				if err != nil {
					t.Fatal(err)
				}
				spoil(x)
				d := x.PersonData()
				d.Person.Email = "spoilt@example.com"
				if _, err := j.ImportPerson(ctx, d); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Fatalf("got %v", err)
				}
				sameCounts(t, before, rowCounts(t, j))
			})
		}
	})
}
