package api_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// first90IDs are the ids of one person's first-90-days records.
type first90IDs struct {
	step, member, followUp, stakeholder, delegation int64
}

// first90 makes p a manager (turnaround, started 20 days ago) with a team
// member, a one-to-one with a follow-up, a stakeholder and a delegation
// item, each named after tag.
func (e *env) first90(p *ladder.Person, tag string) first90IDs {
	e.t.Helper()
	ctx := context.Background()
	start := ladder.Day(e.db.Now().AddDate(0, 0, -20))
	steps, err := e.j.BecomeManager(ctx, &ladder.ManagerRole{PersonID: p.ID, Start: start, TeamName: "Infrastructure", TeamSize: 4,
		Title: "IT manager", Situation: "turnaround"})
	if err != nil {
		e.t.Fatal(err)
	}
	var ids first90IDs
	ids.step = steps[0].ID
	m := &ladder.TeamMember{PersonID: p.ID, Name: "Member " + tag, Role: "Engineer"}
	if err := e.j.Team.CreateTeamMember(ctx, m); err != nil {
		e.t.Fatal(err)
	}
	ids.member = m.ID
	o := &ladder.OneToOne{PersonID: p.ID, MemberID: m.ID, Date: start.AddDate(0, 0, 2), Notes: "Notes " + tag,
		FollowUps: []ladder.FollowUp{{Text: "Follow-up " + tag, Due: start.AddDate(0, 0, 9)}}}
	if err := e.j.Team.CreateOneToOne(ctx, o); err != nil {
		e.t.Fatal(err)
	}
	ids.followUp = o.FollowUps[0].ID
	s := &ladder.Stakeholder{PersonID: p.ID, Name: "Stakeholder " + tag, Influence: 4, Interest: 2}
	if err := e.j.Stakeholders.CreateStakeholder(ctx, s); err != nil {
		e.t.Fatal(err)
	}
	ids.stakeholder = s.ID
	d := &ladder.Delegation{PersonID: p.ID, Task: "Task " + tag, HoursPerWeek: 2}
	if err := e.j.Delegations.CreateDelegation(ctx, d); err != nil {
		e.t.Fatal(err)
	}
	ids.delegation = d.ID
	return ids
}

// first90Tour is the tour's calls of the first 90 days.
func first90Tour(e *env, n int) map[string]call {
	p := api.Prefix
	ids := e.first90(e.alice, fmt.Sprint(n))
	return map[string]call{
		"getManager": {"GET", p + "/manager", "", 200},
		"putManager": {"PUT", p + "/manager", `{"start":"2026-03-02","team_name":"Infrastructure","team_size":5,` +
			`"title":"Head of IT operations","situation":"realignment"}`, 200},
		"getFirst90":        {"GET", p + "/first90", "", 200},
		"updateFirst90Step": {"POST", fmt.Sprintf("%s/first90/steps/%d", p, ids.step), `{"done":true,"note":"met everyone"}`, 200},
		"listTeam":          {"GET", p + "/team", "", 200},
		"createTeamMember": {"POST", p + "/team", `{"name":"Aisha Bello","role":"Junior administrator","goals":"A cloud certificate",` +
			`"next_one_to_one":"2026-03-10"}`, 201},
		"getTeamMember":    {"GET", fmt.Sprintf("%s/team/%d", p, ids.member), "", 200},
		"updateTeamMember": {"PUT", fmt.Sprintf("%s/team/%d", p, ids.member), `{"name":"Sam Okafor","concerns":"On-call load"}`, 200},
		"deleteTeamMember": {"DELETE", fmt.Sprintf("%s/team/%d", p, ids.member), "", 204},
		"listOneToOnes":    {"GET", fmt.Sprintf("%s/team/%d/one-to-ones", p, ids.member), "", 200},
		"createOneToOne": {"POST", fmt.Sprintf("%s/team/%d/one-to-ones", p, ids.member), `{"date":"2026-03-10","notes":"Rota",` +
			`"follow_ups":[{"text":"Share the draft","due":"2026-03-13"},{"text":"Book a course"}],"next":"2026-03-24"}`, 201},
		"updateFollowUp":   {"POST", fmt.Sprintf("%s/follow-ups/%d", p, ids.followUp), `{"done":true}`, 200},
		"listStakeholders": {"GET", p + "/stakeholders", "", 200},
		"createStakeholder": {"POST", p + "/stakeholders", `{"name":"Dana Ruiz","role":"CFO","influence":5,"interest":2,` +
			`"needs":"Predictable costs","next_contact":"2026-03-20"}`, 201},
		"updateStakeholder": {"PUT", fmt.Sprintf("%s/stakeholders/%d", p, ids.stakeholder), `{"name":"Dana Ruiz","influence":5,"interest":4}`, 200},
		"deleteStakeholder": {"DELETE", fmt.Sprintf("%s/stakeholders/%d", p, ids.stakeholder), "", 204},
		"getTrust":          {"GET", p + "/trust", "", 200},
		"setTrustWeek":      {"PUT", p + "/trust/weeks/2026-03-04", `{"habits":["held-one-to-ones","gave-credit"]}`, 200},
		"listDelegations":   {"GET", p + "/delegation", "", 200},
		"createDelegation": {"POST", p + "/delegation", `{"task":"Firewall changes","owner":"Sam","status":"handing-over",` +
			`"hours_per_week":2.5}`, 201},
		"updateDelegation": {"PUT", fmt.Sprintf("%s/delegation/%d", p, ids.delegation), `{"task":"Backups","owner":"Tomasz","status":"delegated","hours_per_week":3}`, 200},
		"deleteDelegation": {"DELETE", fmt.Sprintf("%s/delegation/%d", p, ids.delegation), "", 204},
	}
}

// first90Changes are the tour's calls of the first 90 days that change data.
var first90Changes = []string{"putManager", "updateFirst90Step", "createTeamMember", "updateTeamMember", "createOneToOne",
	"updateFollowUp", "deleteTeamMember", "createStakeholder", "updateStakeholder", "deleteStakeholder", "setTrustWeek",
	"createDelegation", "updateDelegation", "deleteDelegation"}

// TestFirst90Flow: record the role, mark a step, change the situation; the
// done step stays and the position follows the start date.
func TestFirst90Flow(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		p := api.Prefix
		e.as(e.aliceToken, "GET", p+"/manager", "").want(t, http.StatusNotFound)
		e.as(e.aliceToken, "GET", p+"/first90", "").want(t, http.StatusNotFound)
		start := e.db.Now().AddDate(0, 0, -9).Format(time.DateOnly)
		var m api.Manager
		e.as(e.aliceToken, "PUT", p+"/manager", `{"start":"`+start+`","team_name":"Ops","team_size":3,"title":"IT manager","situation":"turnaround"}`).
			want(t, 200).decode(t, &m)
		if m.Day != 10 || m.Phase != "days-1-30" || m.Days != 90 {
			t.Errorf("manager %+v", m)
		}
		var plan api.First90
		e.as(e.aliceToken, "GET", p+"/first90", "").want(t, 200).decode(t, &plan)
		if len(plan.Steps) != 21 || plan.SituationName != "Turnaround" || len(plan.EarlyWins) == 0 || len(plan.Overdue) == 0 {
			t.Fatalf("plan %d steps, %q, overdue %v", len(plan.Steps), plan.SituationName, plan.Overdue)
		}
		var fires api.First90Step
		for _, s := range plan.Steps {
			if s.Key == "urgent-fires" {
				fires = s
			}
		}
		var st api.First90Step
		e.as(e.aliceToken, "POST", fmt.Sprintf("%s/first90/steps/%d", p, fires.ID), `{"done":true,"note":"backups fixed"}`).want(t, 200).decode(t, &st)
		if !st.Done || st.DoneAt == nil || st.Note != "backups fixed" {
			t.Errorf("marked %+v", st)
		}
		// Without a note, the note stays.
		e.as(e.aliceToken, "POST", fmt.Sprintf("%s/first90/steps/%d", p, fires.ID), `{"done":true}`).want(t, 200).decode(t, &st)
		if st.Note != "backups fixed" {
			t.Errorf("note lost: %+v", st)
		}
		e.as(e.aliceToken, "PUT", p+"/manager", `{"start":"`+start+`","team_name":"Ops","team_size":3,"title":"IT manager","situation":"sustaining-success"}`).
			want(t, 200)
		plan = api.First90{}
		e.as(e.aliceToken, "GET", p+"/first90", "").want(t, 200).decode(t, &plan)
		found := false
		for _, s := range plan.Steps {
			found = found || (s.ID == fires.ID && s.Done && s.Note == "backups fixed")
		}
		if !found || len(plan.Steps) != 20 || plan.Manager.Situation != "sustaining-success" {
			t.Errorf("after the new situation: %d steps, done step kept %v", len(plan.Steps), found)
		}

		var list api.DelegationList
		e.as(e.aliceToken, "POST", p+"/delegation", `{"task":"Patching","owner":"Sam","status":"delegated","hours_per_week":3}`).want(t, 201)
		e.as(e.aliceToken, "POST", p+"/delegation", `{"task":"Backups","hours_per_week":1.5}`).want(t, 201)
		e.as(e.aliceToken, "GET", p+"/delegation", "").want(t, 200).decode(t, &list)
		if list.Hours.Freed != 3 || list.Hours.Mine != 1.5 || len(list.Items) != 2 || list.Items[0].Status != "mine" {
			t.Errorf("delegation %+v", list)
		}
	})
}

// TestFirst90OtherPersonsIDs: Alice reaches none of Bob's records; each is
// 404 like a missing id, and Bob's records stay as they were.
func TestFirst90OtherPersonsIDs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		e.first90(e.alice, "alice")
		bob := e.first90(e.bob, "bob")
		p := api.Prefix
		for _, tt := range []struct{ name, method, path, body string }{
			{"Step", "POST", fmt.Sprintf("%s/first90/steps/%d", p, bob.step), `{"done":true}`},
			{"GetMember", "GET", fmt.Sprintf("%s/team/%d", p, bob.member), ""},
			{"UpdateMember", "PUT", fmt.Sprintf("%s/team/%d", p, bob.member), `{"name":"Mine now"}`},
			{"DeleteMember", "DELETE", fmt.Sprintf("%s/team/%d", p, bob.member), ""},
			{"ListOneToOnes", "GET", fmt.Sprintf("%s/team/%d/one-to-ones", p, bob.member), ""},
			{"CreateOneToOne", "POST", fmt.Sprintf("%s/team/%d/one-to-ones", p, bob.member), `{"notes":"x"}`},
			{"FollowUp", "POST", fmt.Sprintf("%s/follow-ups/%d", p, bob.followUp), `{"done":true}`},
			{"UpdateStakeholder", "PUT", fmt.Sprintf("%s/stakeholders/%d", p, bob.stakeholder), `{"name":"x","influence":1,"interest":1}`},
			{"DeleteStakeholder", "DELETE", fmt.Sprintf("%s/stakeholders/%d", p, bob.stakeholder), ""},
			{"UpdateDelegation", "PUT", fmt.Sprintf("%s/delegation/%d", p, bob.delegation), `{"task":"x"}`},
			{"DeleteDelegation", "DELETE", fmt.Sprintf("%s/delegation/%d", p, bob.delegation), ""},
			{"MissingStep", "POST", p + "/first90/steps/999999", `{"done":true}`},
			{"MissingMember", "GET", p + "/team/999999", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusNotFound)
				if pr := res.problem(t); pr.Code != ladder.ENOTFOUND {
					t.Errorf("code %q", pr.Code)
				}
			})
		}
		t.Run("BobUnchanged", func(t *testing.T) {
			e := e.with(t)
			var m api.TeamMemberDetail
			e.as(e.bobToken, "GET", fmt.Sprintf("%s/team/%d", p, bob.member), "").want(t, 200).decode(t, &m)
			if m.Name != "Member bob" || len(m.OneToOnes) != 1 || m.OneToOnes[0].FollowUps[0].Done {
				t.Errorf("Bob's member changed: %+v", m)
			}
			var plan api.First90
			e.as(e.bobToken, "GET", p+"/first90", "").want(t, 200).decode(t, &plan)
			if plan.Done != 0 {
				t.Errorf("Bob's plan changed: %d done", plan.Done)
			}
			var ss []api.Stakeholder
			e.as(e.bobToken, "GET", p+"/stakeholders", "").want(t, 200).decode(t, &ss)
			var dl api.DelegationList
			e.as(e.bobToken, "GET", p+"/delegation", "").want(t, 200).decode(t, &dl)
			if len(ss) != 1 || ss[0].Name != "Stakeholder bob" || len(dl.Items) != 1 || dl.Items[0].Task != "Task bob" {
				t.Errorf("Bob's lists changed: %+v %+v", ss, dl.Items)
			}
			var team []api.TeamMember
			e.as(e.aliceToken, "GET", p+"/team", "").want(t, 200).decode(t, &team)
			for _, m := range team {
				if m.ID == bob.member {
					t.Errorf("Alice's team lists Bob's member")
				}
			}
		})
	})
}

// TestFirst90BadInput: every bad body is a 400 naming its field.
func TestFirst90BadInput(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		e := newEnv(t, db)
		ids := e.first90(e.alice, "alice")
		p := api.Prefix
		member := fmt.Sprintf("%s/team/%d", p, ids.member)
		for _, tt := range []struct {
			name, method, path, body string
			field                    string
		}{
			{"ManagerErrStart", "PUT", p + "/manager", `{"start":"March","team_name":"T","team_size":3,"title":"M","situation":"turnaround"}`, "start"},
			{"ManagerErrSituation", "PUT", p + "/manager", `{"start":"2026-03-02","team_name":"T","team_size":3,"title":"M","situation":"moonshot"}`, "situation"},
			{"ManagerErrSize", "PUT", p + "/manager", `{"start":"2026-03-02","team_name":"T","team_size":0,"title":"M","situation":"turnaround"}`, "team_size"},
			{"ManagerErrMissing", "PUT", p + "/manager", `{"start":"2026-03-02"}`, "team_name"},
			{"StepErrDone", "POST", fmt.Sprintf("%s/first90/steps/%d", p, ids.step), `{"note":"x"}`, "done"},
			{"StepErrID", "POST", p + "/first90/steps/x", `{"done":true}`, "id"},
			{"MemberErrName", "POST", p + "/team", `{"name":" "}`, "name"},
			{"MemberErrNext", "POST", p + "/team", `{"name":"A","next_one_to_one":"soon"}`, "next_one_to_one"},
			{"MemberErrUnknownField", "PUT", member, `{"name":"A","age":30}`, "age"},
			{"OneToOneErrDate", "POST", member + "/one-to-ones", `{"date":"yesterday"}`, "date"},
			{"OneToOneErrFollowUp", "POST", member + "/one-to-ones", `{"follow_ups":[{"text":" "}]}`, "follow_ups"},
			{"OneToOneErrFollowUpDue", "POST", member + "/one-to-ones", `{"follow_ups":[{"text":"x","due":"later"}]}`, "follow_ups"},
			{"OneToOneErrNext", "POST", member + "/one-to-ones", `{"date":"2026-03-10","next":"2026-03-01"}`, "next"},
			{"FollowUpErrDone", "POST", fmt.Sprintf("%s/follow-ups/%d", p, ids.followUp), `{}`, "done"},
			{"StakeholderErrInfluence", "POST", p + "/stakeholders", `{"name":"A","influence":7,"interest":3}`, "influence"},
			{"StakeholderErrInterest", "POST", p + "/stakeholders", `{"name":"A","influence":3}`, "interest"},
			{"StakeholderErrNext", "PUT", fmt.Sprintf("%s/stakeholders/%d", p, ids.stakeholder), `{"name":"A","influence":3,"interest":3,"next_contact":"x"}`, "next_contact"},
			{"TrustErrWeek", "PUT", p + "/trust/weeks/this-week", `{"habits":[]}`, "week"},
			{"TrustErrHabit", "PUT", p + "/trust/weeks/2026-03-04", `{"habits":["bribery"]}`, "habits"},
			{"TrustErrMissing", "PUT", p + "/trust/weeks/2026-03-04", `{}`, "habits"},
			{"DelegationErrStatus", "POST", p + "/delegation", `{"task":"x","status":"someday"}`, "status"},
			{"DelegationErrHours", "POST", p + "/delegation", `{"task":"x","hours_per_week":200}`, "hours"},
			{"DelegationErrOwner", "PUT", fmt.Sprintf("%s/delegation/%d", p, ids.delegation), `{"task":"x","status":"delegated"}`, "owner"},
			{"DelegationErrTask", "POST", p + "/delegation", `{"task":""}`, "task"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				res := e.with(t).as(e.aliceToken, tt.method, tt.path, tt.body).want(t, http.StatusBadRequest)
				pr := res.problem(t)
				if _, ok := pr.Errors[tt.field]; !ok {
					t.Errorf("errors %v do not name %q (%s)", pr.Errors, tt.field, pr.Detail)
				}
			})
		}
		// Nothing refused was stored.
		var team []api.TeamMember
		e.as(e.aliceToken, "GET", p+"/team", "").want(t, 200).decode(t, &team)
		var m api.Manager
		e.as(e.aliceToken, "GET", p+"/manager", "").want(t, 200).decode(t, &m)
		if len(team) != 1 || m.Situation != "turnaround" || !strings.HasPrefix(m.Start, "20") {
			t.Errorf("a refused change was stored: %+v %+v", team, m)
		}
	})
}
