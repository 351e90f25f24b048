package server

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// first90Fixture gives alice and bob the first 90 days: a manager record
// (turnaround, day 21 today), a team member with a one-to-one and a dated
// follow-up, a stakeholder, a delegation item and a ticked trust week.
// Carol has none of it, but logged learning hours in the week of 2 March
// 2026 (the learning scenarios count alice's weeks). Ids go into f.first90 as "aliceStep", "bobMember" and so on.
func (f *webFixture) first90Fixture(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	j := f.j
	f.first90 = map[string]int64{}
	start := ladder.Day(time.Now().UTC()).AddDate(0, 0, -20)
	for _, who := range []*ladder.Person{f.alice, f.bob} {
		name := strings.ToLower(who.Name)
		steps, err := j.BecomeManager(ctx, &ladder.ManagerRole{PersonID: who.ID, Start: start, TeamName: who.Name + "'s team",
			TeamSize: 4, Title: "IT manager", Situation: "turnaround"})
		if err != nil {
			t.Fatal(err)
		}
		f.first90[name+"Step"] = steps[0].ID
		m := &ladder.TeamMember{PersonID: who.ID, Name: map[string]string{"alice": "Sam Okafor", "bob": "Bob's report Zed"}[name],
			Role: "Network engineer", NextOneToOne: start.AddDate(0, 0, 30)}
		if err := j.Team.CreateTeamMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		f.first90[name+"Member"] = m.ID
		o := &ladder.OneToOne{PersonID: who.ID, MemberID: m.ID, Date: start.AddDate(0, 0, 2), Notes: "First talk",
			FollowUps: []ladder.FollowUp{{Text: "Share the rota draft", Due: start.AddDate(0, 0, 9)}}}
		if err := j.Team.CreateOneToOne(ctx, o); err != nil {
			t.Fatal(err)
		}
		f.first90[name+"FollowUp"] = o.FollowUps[0].ID
		s := &ladder.Stakeholder{PersonID: who.ID, Name: map[string]string{"alice": "Dana Ruiz", "bob": "Bob's CFO"}[name], Role: "CFO",
			Influence: 5, Interest: 2}
		if err := j.Stakeholders.CreateStakeholder(ctx, s); err != nil {
			t.Fatal(err)
		}
		f.first90[name+"Stakeholder"] = s.ID
		d := &ladder.Delegation{PersonID: who.ID, Task: map[string]string{"alice": "Patch the servers", "bob": "Bob's task"}[name], HoursPerWeek: 3}
		if err := j.Delegations.CreateDelegation(ctx, d); err != nil {
			t.Fatal(err)
		}
		f.first90[name+"Delegation"] = d.ID
		if err := j.Manager.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: who.ID, Week: ladder.WeekOf(time.Now()),
			Habits: []string{"held-one-to-ones"}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.Learning.LogWeek(ctx, &ladder.TimeLog{PersonID: f.carol.ID, Week: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC),
		LearningHours: 3, Note: "Course week"}); err != nil {
		t.Fatal(err)
	}
}

// fillFirst90 adds the first-90 placeholders, such as {aliceMember}, to fill.
func (f *webFixture) fillFirst90(fill func(string) string) func(string) string {
	var pairs []string
	for k, v := range f.first90 {
		pairs = append(pairs, "{"+k+"}", fmt.Sprint(v))
	}
	r := strings.NewReplacer(pairs...)
	return func(s string) string { return r.Replace(fill(s)) }
}

// id returns a first-90 fixture id by placeholder name.
func (f *webFixture) id(name string) int64 { return f.first90[name] }

func first90WebScenarios() []webScenario {
	ctx := context.Background()
	return []webScenario{
		// The plan: set-up with a preview, then the plan and today's place.
		{name: "First90OK", req: get("/first90", "alice"), status: 200,
			want: []string{"Day 21 of 90", "Days 1-30: learn", "you are here", "Early wins to choose on purpose", "overdue",
				`action="/first90/steps/`, `id="first90-split"`, `aria-current="page">First 90 days`, "Alice&#39;s team"}},
		{name: "First90Setup", req: get("/first90", "carol"), status: 200,
			want: []string{"I have become a manager", "Accelerated growth", "Sustaining success", `formaction="/first90"`}, wantNot: []string{"Day "}},
		{name: "First90Preview", req: get("/first90?preview=1&start=2026-03-02&team_name=Ops&team_size=4&title=IT+manager&situation=start-up", "carol"),
			status: 200, want: []string{"A preview", "Hold a first one-to-one with each team member", "Sketch a map"},
			wantNot: []string{"Take stock of systems"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if _, err := f.j.Manager.FindManagerRole(ctx, f.carol.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("a preview stored a record: %v", err)
				}
			}},
		{name: "ErrFirst90Preview", req: get("/first90?preview=1&start=2026-03-02&team_name=Ops&team_size=lots&title=M&situation=moon", "carol"),
			status: 422, want: []string{"Team size must be a whole number", "Situation must be one of"}},
		{name: "First90Record", req: post("/first90", "carol", form("start", "2026-03-02", "team_name", "Ops", "team_size", "4",
			"title", "IT manager", "situation", "start-up")), status: 303, location: "/first90",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				steps, err := f.j.Manager.FindFirst90Steps(ctx, f.carol.ID)
				if err != nil || len(steps) != 19 {
					t.Errorf("%v: %d steps", err, len(steps))
				}
			}},
		{name: "First90ChangeKeepsDone", req: post("/first90", "alice", form("start", "2026-03-02", "team_name", "Ops", "team_size", "5",
			"title", "Head of IT", "situation", "sustaining-success")), status: 303, location: "/first90",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				m, _ := f.j.Manager.FindManagerRole(ctx, f.alice.ID)
				if m.Situation != "sustaining-success" || m.TeamSize != 5 {
					t.Errorf("role %+v", m)
				}
				if b, _ := f.j.Manager.FindManagerRole(ctx, f.bob.ID); b.Situation != "turnaround" {
					t.Errorf("Bob's role changed: %+v", b)
				}
			}},
		{name: "ErrFirst90Record", req: post("/first90", "carol", form("start", "2 March", "team_name", "", "team_size", "lots", "situation", "moon")),
			status: 422, want: []string{"First day must be a date", "Team is required", "Team size must be a whole number", "Situation must be one of", `value="lots"`},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if _, err := f.j.Manager.FindManagerRole(ctx, f.carol.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("a refused record was stored: %v", err)
				}
			}},
		{name: "First90StepDone", req: post("/first90/steps/{aliceStep}", "alice", form("done", "on", "note", "Met all four")),
			status: 303, location: "/first90#step-",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				st, err := f.j.Manager.FindFirst90Step(ctx, f.alice.ID, f.id("aliceStep"))
				if err != nil || !st.Done || st.Note != "Met all four" {
					t.Errorf("%v %+v", err, st)
				}
			}},
		{name: "ErrFirst90StepOthers", req: post("/first90/steps/{bobStep}", "alice", form("done", "on")), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if st, _ := f.j.Manager.FindFirst90Step(ctx, f.bob.ID, f.id("bobStep")); st.Done {
					t.Errorf("Bob's step changed: %+v", st)
				}
			}},
		{name: "ErrFirst90StepNote", req: post("/first90/steps/{aliceStep}", "alice", form("done", "on", "note", strings.Repeat("n", 2001))),
			status: 422, want: []string{"Note must be at most 2000 characters"}},
		{name: "ErrFirst90StepBadID", req: post("/first90/steps/x", "alice", form("done", "on")), status: 404},
		{name: "First90Week", req: post("/first90/week", "carol", form("week", "2026-03-04", "technical", "20", "managerial", "15")),
			status: 303, location: "/first90",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				ls, err := f.j.Learning.FindWeeks(ctx, f.carol.ID, time.Time{}, time.Time{})
				if err != nil || len(ls) != 1 || ls[0].ManagerialHours != 15 || ls[0].LearningHours != 3 || ls[0].Note != "Course week" {
					t.Errorf("the learning hours of the week were lost: %v %+v", err, ls)
				}
			}},
		{name: "ErrFirst90Week", req: post("/first90/week", "alice", form("week", "2026-03-04", "technical", "lots", "managerial", "200")),
			status: 422, want: []string{"Technical must be a number"}},

		// The team and one-to-ones.
		{name: "TeamOK", req: get("/team", "alice"), status: 200,
			want: []string{"Sam Okafor", `href="/team/`, "Open follow-ups", `aria-current="page">Team`}, wantNot: []string{"Bob&#39;s report"}},
		{name: "TeamAdd", req: post("/team", "alice", form("name", "Aisha Bello", "role", "Junior administrator", "next_one_to_one", "2026-03-10")),
			status: 303, location: "/team/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ms, _ := f.j.Team.FindTeamMembers(ctx, f.alice.ID); len(ms) != 2 || ms[0].Name != "Aisha Bello" || ms[0].NextOneToOne.IsZero() {
					t.Errorf("%+v", ms)
				}
			}},
		{name: "ErrTeamAdd", req: post("/team", "alice", form("name", " ", "next_one_to_one", "soon")), status: 422,
			want: []string{"Name is required", "Next one-to-one must be a date", `value="soon"`}},
		{name: "TeamMemberOK", req: get("/team/{aliceMember}", "alice"), status: 200,
			want: []string{"Sam Okafor", "First talk", "Share the rota draft", "overdue", `action="/team/`, "Record a one-to-one"}},
		{name: "ErrTeamMemberOthers", req: get("/team/{bobMember}", "alice"), status: 404, wantNot: []string{"Bob&#39;s report"}},
		{name: "ErrTeamMemberBadID", req: get("/team/x", "alice"), status: 404},
		{name: "TeamMemberUpdate", req: post("/team/{aliceMember}", "alice", form("name", "Sam Okafor", "concerns", "On-call load")),
			status: 303, location: "/team/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m, _ := f.j.Team.FindTeamMember(ctx, f.alice.ID, f.id("aliceMember")); m.Concerns != "On-call load" || !m.NextOneToOne.IsZero() {
					t.Errorf("%+v", m)
				}
			}},
		{name: "ErrTeamMemberUpdate", req: post("/team/{aliceMember}", "alice", form("name", "")), status: 422, want: []string{"Name is required"}},
		{name: "ErrTeamMemberUpdateOthers", req: post("/team/{bobMember}", "alice", form("name", "Mine")), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m, _ := f.j.Team.FindTeamMember(ctx, f.bob.ID, f.id("bobMember")); m.Name != "Bob's report Zed" {
					t.Errorf("Bob's member changed: %+v", m)
				}
			}},
		{name: "TeamMemberDelete", req: post("/team/{aliceMember}/delete", "alice", form()), status: 303, location: "/team",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ms, _ := f.j.Team.FindTeamMembers(ctx, f.alice.ID); len(ms) != 0 {
					t.Errorf("%+v", ms)
				}
			}},
		{name: "ErrTeamMemberDeleteOthers", req: post("/team/{bobMember}/delete", "alice", form()), status: 404},
		{name: "OneToOneRecord", req: post("/team/{aliceMember}/one-to-ones", "alice", form("date", "2026-03-10", "notes", "Rota",
			"follow_up", "Send the draft", "follow_up_due", "2026-03-13", "follow_up", "Book a course", "follow_up_due", "",
			"follow_up", "", "follow_up_due", "", "next", "2026-03-24")), status: 303, location: "/team/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				os, _ := f.j.Team.FindOneToOnes(ctx, f.alice.ID, f.id("aliceMember"))
				m, _ := f.j.Team.FindTeamMember(ctx, f.alice.ID, f.id("aliceMember"))
				i := slices.IndexFunc(os, func(o *ladder.OneToOne) bool { return o.Date.Format(time.DateOnly) == "2026-03-10" })
				if len(os) != 2 || i < 0 || len(os[i].FollowUps) != 2 || os[i].FollowUps[1].Text != "Book a course" ||
					m.NextOneToOne.Format(time.DateOnly) != "2026-03-24" {
					t.Errorf("%+v next %v", os, m.NextOneToOne)
				}
			}},
		{name: "ErrOneToOneFollowUpDue", req: post("/team/{aliceMember}/one-to-ones", "alice", form("date", "2026-03-10",
			"follow_up", "Send the draft", "follow_up_due", "later")), status: 422, want: []string{"Follow-ups: must be a date", `value="Send the draft"`}},
		{name: "ErrOneToOneFollowUpText", req: post("/team/{aliceMember}/one-to-ones", "alice", form("date", "2026-03-10",
			"follow_up", " ", "follow_up_due", "2026-03-13")), status: 422, want: []string{"Follow-ups: is required"}},
		{name: "ErrOneToOneDate", req: post("/team/{aliceMember}/one-to-ones", "alice", form("date", "")), status: 422, want: []string{"Date is required"}},
		{name: "ErrOneToOneOthers", req: post("/team/{bobMember}/one-to-ones", "alice", form("date", "2026-03-10", "notes", "x")), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if os, _ := f.j.Team.FindOneToOnes(ctx, f.bob.ID, f.id("bobMember")); len(os) != 1 {
					t.Errorf("Bob's member has %d one-to-ones", len(os))
				}
			}},
		{name: "FollowUpTick", req: post("/follow-ups/{aliceFollowUp}", "alice", form("done", "true")), status: 303, location: "/team/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if open, _ := f.j.Team.FindOpenFollowUps(ctx, f.alice.ID); len(open) != 0 {
					t.Errorf("%+v", open)
				}
			}},
		{name: "ErrFollowUpOthers", req: post("/follow-ups/{bobFollowUp}", "alice", form("done", "true")), status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if open, _ := f.j.Team.FindOpenFollowUps(ctx, f.bob.ID); len(open) != 1 {
					t.Errorf("Bob's follow-up changed")
				}
			}},

		// The stakeholder map.
		{name: "StakeholdersOK", req: get("/stakeholders", "alice"), status: 200,
			want:    []string{"chart-grid2", "Dana Ruiz", "Keep satisfied", "Manage closely", "The numbers", `aria-current="page">Stakeholders`},
			wantNot: []string{"Bob&#39;s CFO"}},
		{name: "StakeholderAdd", req: post("/stakeholders", "alice", form("name", "Omar Haddad", "role", "Head of sales", "influence", "3",
			"interest", "5", "next_contact", "2026-03-20")), status: 303, location: "/stakeholders",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ss, _ := f.j.Stakeholders.FindStakeholders(ctx, f.alice.ID); len(ss) != 2 || ss[1].Quadrant() != ladder.QuadrantManageClosely {
					t.Errorf("%+v", ss)
				}
			}},
		{name: "ErrStakeholderAdd", req: post("/stakeholders", "alice", form("name", "X", "influence", "9", "interest", "much")), status: 422,
			want: []string{"Influence must be 1-5", "Interest must be 1-5", `value="much"`}},
		{name: "StakeholderUpdate", req: post("/stakeholders/{aliceStakeholder}", "alice", form("name", "Dana Ruiz", "influence", "5", "interest", "4")),
			status: 303, location: "/stakeholders",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s, _ := f.j.Stakeholders.FindStakeholder(ctx, f.alice.ID, f.id("aliceStakeholder")); s.Interest != 4 {
					t.Errorf("%+v", s)
				}
			}},
		{name: "ErrStakeholderUpdate", req: post("/stakeholders/{aliceStakeholder}", "alice", form("name", "", "influence", "5", "interest", "4")),
			status: 422, want: []string{"Name is required"}},
		{name: "ErrStakeholderUpdateOthers", req: post("/stakeholders/{bobStakeholder}", "alice", form("name", "x", "influence", "1", "interest", "1")),
			status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s, _ := f.j.Stakeholders.FindStakeholder(ctx, f.bob.ID, f.id("bobStakeholder")); s.Name != "Bob's CFO" {
					t.Errorf("Bob's stakeholder changed: %+v", s)
				}
			}},
		{name: "StakeholderDelete", req: post("/stakeholders/{aliceStakeholder}/delete", "alice", form()), status: 303, location: "/stakeholders"},
		{name: "ErrStakeholderDeleteOthers", req: post("/stakeholders/{bobStakeholder}/delete", "alice", form()), status: 404},

		// The trust checklist.
		{name: "TrustOK", req: get("/trust", "alice"), status: 200,
			want: []string{"this week", `value="held-one-to-ones" checked`, "Being approachable", "1 of 15", `aria-current="page">Trust`}},
		{name: "TrustPastWeek", req: get("/trust?week=2026-03-04", "alice"), status: 200, want: []string{"Week of 2 March 2026", "Week after"}},
		{name: "ErrTrustWeek", req: get("/trust?week=soon", "alice"), status: 400},
		{name: "TrustSave", req: post("/trust", "alice", form("week", "2026-03-04", "habit", "gave-credit", "habit", "open-time")),
			status: 303, location: "/trust?week=2026-03-02",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				ws, _ := f.j.Manager.FindTrustWeeks(ctx, f.alice.ID, time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC))
				if len(ws) != 1 || len(ws[0].Habits) != 2 {
					t.Errorf("%+v", ws)
				}
			}},
		{name: "ErrTrustSave", req: post("/trust", "alice", form("week", "2026-03-04", "habit", "bribery")), status: 422,
			want: []string{"unknown habit"}},

		// The delegation list.
		{name: "DelegationOK", req: get("/delegation", "alice"), status: 200,
			want:    []string{"Hours freed: 0 h a week", "Patch the servers", "still yours: <b>3 h</b>", `aria-current="page">Delegation`},
			wantNot: []string{"Bob&#39;s task"}},
		{name: "DelegationAdd", req: post("/delegation", "alice", form("task", "Firewall changes", "owner", "Sam", "status", "delegated", "hours", "2.5")),
			status: 303, location: "/delegation",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ds, _ := f.j.Delegations.FindDelegations(ctx, f.alice.ID); len(ds) != 2 || ds[1].HoursPerWeek != 2.5 {
					t.Errorf("%+v", ds)
				}
			}},
		{name: "ErrDelegationAdd", req: post("/delegation", "alice", form("task", "", "hours", "lots")), status: 422,
			want: []string{"Task is required", "Hours must be a number", `value="lots"`}},
		{name: "DelegationUpdate", req: post("/delegation/{aliceDelegation}", "alice", form("task", "Patch the servers", "owner", "Tomasz",
			"status", "delegated", "hours", "3")), status: 303, location: "/delegation",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if d, _ := f.j.Delegations.FindDelegation(ctx, f.alice.ID, f.id("aliceDelegation")); d.Status != ladder.DelegationDelegated {
					t.Errorf("%+v", d)
				}
			}},
		{name: "ErrDelegationUpdate", req: post("/delegation/{aliceDelegation}", "alice", form("task", "Patch", "status", "delegated")),
			status: 422, want: []string{"Owner: say who owns a delegated task"}},
		{name: "ErrDelegationUpdateOthers", req: post("/delegation/{bobDelegation}", "alice", form("task", "x", "owner", "y", "status", "delegated")),
			status: 404,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if d, _ := f.j.Delegations.FindDelegation(ctx, f.bob.ID, f.id("bobDelegation")); d.Status != ladder.DelegationMine {
					t.Errorf("Bob's item changed: %+v", d)
				}
			}},
		{name: "DelegationDelete", req: post("/delegation/{aliceDelegation}/delete", "alice", form()), status: 303, location: "/delegation"},
		{name: "ErrDelegationDeleteOthers", req: post("/delegation/{bobDelegation}/delete", "alice", form()), status: 404},
	}
}
