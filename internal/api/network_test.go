package api_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// networkIDs are records of one person's mentoring and network.
type networkIDs struct {
	mentor, session, agreed, contact, membership, event int64
}

// network gives p a mentor with a held session and an agreed action, a
// contact, a membership of their own and an event.
func (e *env) network(p *ladder.Person, n int) networkIDs {
	e.t.Helper()
	ctx := context.Background()
	must := func(err error) {
		e.t.Helper()
		if err != nil {
			e.t.Fatal(err)
		}
	}
	day := ladder.Day(e.db.Now())
	m := &ladder.Mentor{PersonID: p.ID, Name: fmt.Sprintf("%s's mentor %d", p.Name, n), Strengths: []string{"budgeting"}}
	must(e.j.Mentors.CreateMentor(ctx, m))
	s := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day, Status: ladder.SessionHeld,
		Actions: []ladder.AgreedAction{{Text: "Own the licence budget line", Competency: "budgeting"}}}
	must(e.j.Mentors.CreateMentoringSession(ctx, s))
	c := &ladder.Contact{PersonID: p.ID, Name: p.Name + "'s contact", NextContact: day}
	must(e.j.Network.CreateContact(ctx, c))
	ms := &ladder.Membership{PersonID: p.ID, Name: fmt.Sprintf("%s's user group %d", p.Name, n)}
	must(e.j.Network.CreateMembership(ctx, ms))
	ev := &ladder.NetworkEvent{PersonID: p.ID, Name: p.Name + "'s summit", Date: day, ContactIDs: []int64{c.ID}}
	must(e.j.Network.CreateNetworkEvent(ctx, ev))
	return networkIDs{m.ID, s.ID, s.Actions[0].ID, c.ID, ms.ID, ev.ID}
}

// networkTour calls every mentoring and network operation as Alice.
func networkTour(e *env, n int) map[string]call {
	p := api.Prefix
	e.planAction(e.alice) // a plan for addAgreedActionToPlan
	ids := e.network(e.alice, n)
	id := func(path string, id int64) string { return fmt.Sprintf("%s/%s/%d", p, path, id) }
	return map[string]call{
		"listMentors": {"GET", p + "/mentors", "", 200},
		"createMentor": {"POST", p + "/mentors", `{"name":"Dana Ruiz","organisation":"Northwind","role":"Head of IT",` +
			`"strengths":["budgeting","delegation"],"criteria":["approachable"],"contact":"dana@example.com"}`, 201},
		"getMentor":             {"GET", id("mentors", ids.mentor), "", 200},
		"updateMentor":          {"PUT", id("mentors", ids.mentor), `{"name":"Dana R.","status":"paused","inside":true}`, 200},
		"deleteMentor":          {"DELETE", id("mentors", ids.mentor), "", 204},
		"getMentorAgenda":       {"GET", id("mentors", ids.mentor) + "/agenda", "", 200},
		"listMentoringSessions": {"GET", id("mentors", ids.mentor) + "/sessions", "", 200},
		"createMentoringSession": {"POST", id("mentors", ids.mentor) + "/sessions", `{"date":"2026-06-02","agenda":"Budgets",` +
			`"actions":[{"text":"Ask finance for last year's actuals","competency":"budgeting"}]}`, 201},
		"updateMentoringSession": {"PUT", id("mentoring/sessions", ids.session), `{"date":"2026-06-03","status":"held","notes":"Good talk"}`, 200},
		"deleteMentoringSession": {"DELETE", id("mentoring/sessions", ids.session), "", 204},
		"addAgreedAction":        {"POST", id("mentoring/sessions", ids.session) + "/actions", `{"text":"Shadow the budget review"}`, 201},
		"deleteAgreedAction":     {"DELETE", id("mentoring/actions", ids.agreed), "", 204},
		"addAgreedActionToPlan":  {"POST", id("mentoring/actions", ids.agreed) + "/plan", "", 201},
		"listContacts":           {"GET", p + "/contacts", "", 200},
		"createContact": {"POST", p + "/contacts", `{"name":"Priya Shah","organisation":"Contoso","where_met":"ISACA chapter",` +
			`"how_help":"Has run audits","next_contact":"2026-06-10"}`, 201},
		"updateContact":    {"PUT", id("contacts", ids.contact), `{"name":"Priya S.","last_contact":"2026-05-01"}`, 200},
		"deleteContact":    {"DELETE", id("contacts", ids.contact), "", 204},
		"contactedToday":   {"POST", id("contacts", ids.contact) + "/contacted", `{"next":"2099-01-05"}`, 200},
		"listMemberships":  {"GET", p + "/memberships", "", 200},
		"createMembership": {"POST", p + "/memberships", fmt.Sprintf(`{"name":"Leeds IT leaders %d","status":"member","since":"2025-01-01"}`, n), 201},
		"updateMembership": {"PUT", id("memberships", ids.membership), fmt.Sprintf(`{"name":"Renamed group %d","status":"lapsed"}`, n), 200},
		"deleteMembership": {"DELETE", id("memberships", ids.membership), "", 204},
		"listEvents":       {"GET", p + "/events", "", 200},
		"createEvent": {"POST", p + "/events", fmt.Sprintf(`{"name":"ITSM Summit","date":"2026-09-14","location":"Leeds","contact_ids":[%d]}`,
			ids.contact), 201},
		"updateEvent": {"PUT", id("events", ids.event), `{"name":"ITSM Summit","date":"2026-09-14","status":"attended"}`, 200},
		"deleteEvent": {"DELETE", id("events", ids.event), "", 204},
	}
}

// networkChanges are the network operations that change data, in order.
var networkChanges = []string{"createMentor", "updateMentor", "createMentoringSession", "updateMentoringSession",
	"addAgreedAction", "addAgreedActionToPlan", "deleteAgreedAction", "deleteMentoringSession", "deleteMentor",
	"createContact", "updateContact", "contactedToday", "createEvent", "updateEvent", "deleteEvent", "deleteContact",
	"createMembership", "updateMembership", "deleteMembership"}

// TestNetworkOtherPersonsIDs: Alice reaches none of Bob's mentoring and
// network records; each answers 404 and stays as it was.
func TestNetworkOtherPersonsIDs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		e.planAction(e.bob)
		bob := e.network(e.bob, 0)
		id := func(path string, id int64) string { return fmt.Sprintf("%s/%s/%d", p, path, id) }
		tests := []struct{ name, method, path, body string }{
			{"GetMentor", "GET", id("mentors", bob.mentor), ""},
			{"UpdateMentor", "PUT", id("mentors", bob.mentor), `{"name":"Mine now"}`},
			{"DeleteMentor", "DELETE", id("mentors", bob.mentor), ""},
			{"Agenda", "GET", id("mentors", bob.mentor) + "/agenda", ""},
			{"Sessions", "GET", id("mentors", bob.mentor) + "/sessions", ""},
			{"CreateSession", "POST", id("mentors", bob.mentor) + "/sessions", `{"date":"2026-06-02"}`},
			{"UpdateSession", "PUT", id("mentoring/sessions", bob.session), `{"date":"2026-06-02","status":"planned"}`},
			{"DeleteSession", "DELETE", id("mentoring/sessions", bob.session), ""},
			{"AddAgreedAction", "POST", id("mentoring/sessions", bob.session) + "/actions", `{"text":"x"}`},
			{"DeleteAgreedAction", "DELETE", id("mentoring/actions", bob.agreed), ""},
			{"AgreedActionToPlan", "POST", id("mentoring/actions", bob.agreed) + "/plan", ""},
			{"UpdateContact", "PUT", id("contacts", bob.contact), `{"name":"Mine now"}`},
			{"DeleteContact", "DELETE", id("contacts", bob.contact), ""},
			{"Contacted", "POST", id("contacts", bob.contact) + "/contacted", `{}`},
			{"UpdateMembership", "PUT", id("memberships", bob.membership), `{"name":"Mine now"}`},
			{"DeleteMembership", "DELETE", id("memberships", bob.membership), ""},
			{"UpdateEvent", "PUT", id("events", bob.event), `{"name":"Mine now","date":"2026-06-02"}`},
			{"DeleteEvent", "DELETE", id("events", bob.event), ""},
			{"MissingMentor", "GET", id("mentors", 999999), ""},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusNotFound)
				if pr := res.problem(t); pr.Code != ladder.ENOTFOUND {
					t.Errorf("code %q, want %q", pr.Code, ladder.ENOTFOUND)
				}
			})
		}
		t.Run("BobUnchanged", func(t *testing.T) {
			e := e.with(t)
			var m api.MentorDetail
			e.as(e.bobToken, "GET", id("mentors", bob.mentor), "").want(t, 200).decode(t, &m)
			if m.Name != "Bob Stone's mentor 0" || len(m.Sessions) != 1 || len(m.Sessions[0].Actions) != 1 || m.Sessions[0].Actions[0].PlanActionID != nil {
				t.Errorf("Bob's mentor changed: %+v", m)
			}
			var cs []api.Contact
			e.as(e.bobToken, "GET", p+"/contacts", "").want(t, 200).decode(t, &cs)
			if len(cs) != 1 || cs[0].Name != "Bob Stone's contact" || cs[0].LastContact != nil {
				t.Errorf("Bob's contacts changed: %+v", cs)
			}
			var evs []api.Event
			e.as(e.bobToken, "GET", p+"/events", "").want(t, 200).decode(t, &evs)
			var ms []api.Membership
			e.as(e.bobToken, "GET", p+"/memberships", "").want(t, 200).decode(t, &ms)
			if len(evs) != 1 || len(ms) != 1 {
				t.Errorf("Bob's events %+v, memberships %+v", evs, ms)
			}
			var mine []api.Contact
			e.as(e.aliceToken, "GET", p+"/contacts", "").want(t, 200).decode(t, &mine)
			for _, c := range mine {
				if c.ID == bob.contact {
					t.Errorf("Alice's contacts show Bob's %d", c.ID)
				}
			}
			// Alice cannot list Bob's contact among those met at her event.
			e.as(e.aliceToken, "POST", p+"/events", fmt.Sprintf(`{"name":"Sneaky","date":"2026-06-02","contact_ids":[%d]}`, bob.contact)).
				want(t, 400)
		})
	})
}

// TestNetworkBadInput: every mistake is a 4xx naming its field.
func TestNetworkBadInput(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		ids := e.network(e.alice, 0)
		e.as(e.aliceToken, "POST", p+"/memberships", `{"organisation":"isc2"}`).want(t, http.StatusCreated)
		id := func(path string, id int64) string { return fmt.Sprintf("%s/%s/%d", p, path, id) }
		tests := []struct {
			name, method, path, body string
			want                     int
			field                    string
		}{
			{"MentorErrName", "POST", p + "/mentors", `{"name":" "}`, 400, "name"},
			{"MentorErrNameMissing", "POST", p + "/mentors", `{}`, 400, "name"},
			{"MentorErrStatus", "POST", p + "/mentors", `{"name":"D","status":"retired"}`, 400, "status"},
			{"MentorErrStrength", "POST", p + "/mentors", `{"name":"D","strengths":["juggling"]}`, 400, "strengths"},
			{"MentorErrCriterion", "POST", p + "/mentors", `{"name":"D","criteria":["famous"]}`, 400, "criteria"},
			{"MentorErrID", "GET", p + "/mentors/x", "", 400, "id"},
			{"SessionErrDate", "POST", id("mentors", ids.mentor) + "/sessions", `{"date":"next tuesday"}`, 400, "date"},
			{"SessionErrDateMissing", "POST", id("mentors", ids.mentor) + "/sessions", `{"agenda":"x"}`, 400, "date"},
			{"SessionErrStatus", "PUT", id("mentoring/sessions", ids.session), `{"date":"2026-06-02","status":"cancelled"}`, 400, "status"},
			{"SessionErrActionCompetency", "POST", id("mentors", ids.mentor) + "/sessions",
				`{"date":"2026-06-02","actions":[{"text":"x","competency":"juggling"}]}`, 400, "actions"},
			{"AgreedActionErrText", "POST", id("mentoring/sessions", ids.session) + "/actions", `{"text":""}`, 400, "text"},
			{"AgreedActionErrCompetency", "POST", id("mentoring/sessions", ids.session) + "/actions", `{"text":"x","competency":"juggling"}`, 400, "competency"},
			{"ContactErrName", "POST", p + "/contacts", `{"name":""}`, 400, "name"},
			{"ContactErrNext", "POST", p + "/contacts", `{"name":"P","next_contact":"soon"}`, 400, "next_contact"},
			{"ContactedErrNext", "POST", id("contacts", ids.contact) + "/contacted", `{"next":"2001-01-01"}`, 400, "next"},
			{"ContactedErrNextFormat", "POST", id("contacts", ids.contact) + "/contacted", `{"next":"tomorrow"}`, 400, "next"},
			{"MembershipErrNone", "POST", p + "/memberships", `{}`, 400, "organisation"},
			{"MembershipErrUnknown", "POST", p + "/memberships", `{"organisation":"rotary"}`, 400, "organisation"},
			{"MembershipErrBoth", "POST", p + "/memberships", `{"organisation":"acm","name":"ACM"}`, 400, "name"},
			{"MembershipErrStatus", "POST", p + "/memberships", `{"organisation":"acm","status":"honorary"}`, 400, "status"},
			{"MembershipErrRenewal", "POST", p + "/memberships", `{"organisation":"acm","renewal":"31/12/2026"}`, 400, "renewal"},
			{"MembershipErrTwice", "POST", p + "/memberships", `{"organisation":"isc2"}`, 409, "organisation"},
			{"EventErrDate", "POST", p + "/events", `{"name":"X","date":""}`, 400, "date"},
			{"EventErrStatus", "POST", p + "/events", `{"name":"X","date":"2026-06-02","status":"maybe"}`, 400, "status"},
			{"EventErrContact", "POST", p + "/events", `{"name":"X","date":"2026-06-02","contact_ids":[999999]}`, 400, "contacts"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, tt.want)
				pr := res.problem(t)
				if _, ok := pr.Errors[tt.field]; !ok {
					t.Errorf("errors %v do not name %q", pr.Errors, tt.field)
				}
			})
		}
	})
}

// TestAgreedActionToPlanFlow: once into the plan, then a conflict; without
// a plan a conflict that says to generate one.
func TestAgreedActionToPlanFlow(t *testing.T) {
	e := newEnv(t, sqldbtest.Open(t, sqldb.SQLite))
	p := api.Prefix
	bob := e.network(e.bob, 0)
	path := fmt.Sprintf("%s/mentoring/actions/%d/plan", p, bob.agreed)
	res := e.as(e.bobToken, "POST", path, "").want(t, http.StatusConflict)
	if pr := res.problem(t); pr.Errors["plan"] == "" {
		t.Errorf("no plan: %+v", pr)
	}
	e.planAction(e.bob)
	var a api.PlanAction
	e.as(e.bobToken, "POST", path, "").want(t, http.StatusCreated).decode(t, &a)
	if a.Title != "Own the licence budget line" || a.ID == 0 {
		t.Errorf("plan action %+v", a)
	}
	e.as(e.bobToken, "POST", path, "").want(t, http.StatusConflict)
	var m api.MentorDetail
	e.as(e.bobToken, "GET", fmt.Sprintf("%s/mentors/%d", p, bob.mentor), "").want(t, 200).decode(t, &m)
	if got := m.Sessions[0].Actions[0].PlanActionID; got == nil || *got != a.ID {
		t.Errorf("agreed action records %v, want %d", got, a.ID)
	}
	var plan api.Plan
	e.as(e.bobToken, "GET", p+"/plan", "").want(t, 200).decode(t, &plan)
	n := 0
	for _, g := range plan.Goals {
		for _, pa := range g.Actions {
			if pa.Title == "Own the licence budget line" {
				n++
			}
		}
	}
	if n != 1 {
		t.Errorf("the action is %d times in the plan", n)
	}
}
