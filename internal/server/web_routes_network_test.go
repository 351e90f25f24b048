package server

import (
	"context"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
)

// networkWebScenarios are the signed-in cases of the mentors and network
// pages: each route's happy path, another person's id (404) and bad input
// (422 naming the field).
func networkWebScenarios() []webScenario {
	mentor := func(t *testing.T, f *webFixture, who string) *ladder.Mentor {
		t.Helper()
		p := map[string]*ladder.Person{"alice": f.alice, "bob": f.bob}[who]
		m, err := f.j.Mentors.FindMentor(context.Background(), p.ID, f.net[who+"Mentor"])
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	session := func(t *testing.T, f *webFixture, who string) *ladder.MentoringSession {
		t.Helper()
		p := map[string]*ladder.Person{"alice": f.alice, "bob": f.bob, "carol": f.carol}[who]
		s, err := f.j.Mentors.FindMentoringSession(context.Background(), p.ID, f.net[who+"Session"])
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	bobIntact := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		if m := mentor(t, f, "bob"); m.Name != "Bob's mentor" {
			t.Errorf("Bob's mentor changed: %+v", m)
		}
		if s := session(t, f, "bob"); len(s.Actions) != 2 || s.Actions[0].PlanActionID != 0 || s.Status != ladder.SessionHeld {
			t.Errorf("Bob's session changed: %+v", s)
		}
		ctx := context.Background()
		if c, err := f.j.Network.FindContact(ctx, f.bob.ID, f.net["bobContact"]); err != nil || !c.LastContact.IsZero() || c.Name != "Bob's contact" {
			t.Errorf("Bob's contact changed: %v %+v", err, c)
		}
		if m, err := f.j.Network.FindMembership(ctx, f.bob.ID, f.net["bobMembership"]); err != nil || m.Status != ladder.MembershipMember {
			t.Errorf("Bob's membership changed: %v %+v", err, m)
		}
		if e, err := f.j.Network.FindNetworkEvent(ctx, f.bob.ID, f.net["bobEvent"]); err != nil || e.Status != ladder.EventPlanned {
			t.Errorf("Bob's event changed: %v %+v", err, e)
		}
	}
	return []webScenario{
		// Mentors.
		{name: "MentorsOK", req: get("/mentors", "alice"), status: 200,
			want:    []string{"Alice&#39;s mentor", "1 of 5 met", "Budgeting", `action="/mentors"`, "What makes a good mentor", `aria-current="page">Mentors`},
			wantNot: []string{"Bob&#39;s mentor"}},
		{name: "MentorCreate", req: post("/mentors", "alice", form("name", "Dana Ruiz", "role", "Head of IT", "strengths", "budgeting",
			"strengths", "vendor-management", "criteria", "approachable", "criteria", "willing-to-share", "inside", "on")), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				ms, _ := f.j.Mentors.FindMentors(context.Background(), f.alice.ID)
				if len(ms) != 2 || ms[0].Name != "Alice's mentor" && ms[1].Name != "Dana Ruiz" {
					t.Fatalf("%+v", ms)
				}
				for _, m := range ms {
					if m.Name == "Dana Ruiz" && (len(m.Criteria) != 2 || len(m.Strengths) != 2 || !m.Inside) {
						t.Errorf("%+v", m)
					}
				}
			}},
		{name: "ErrMentorCreate", req: post("/mentors", "alice", form("name", " ", "strengths", "juggling", "status", "retired")), status: 422,
			want: []string{"The mentor is not valid.", "Name is required", "Status must be one of"}},
		{name: "ErrMentorCreateCriterion", req: post("/mentors", "alice", form("name", "X", "criteria", "famous")), status: 422,
			want: []string{"Criteria: unknown criterion"}},
		{name: "MentorOK", req: get("/mentors/{aliceMentor}", "alice"), status: 200,
			want: []string{"Alice&#39;s mentor", "Alice&#39;s budget action", `action="/mentoring/actions/`, "Add to my plan",
				"Suggested agenda", "their strength", `name="agenda"`, "- Budgeting and financial management: ask how they built their first budget", "1 of 5 met"}},
		{name: "ErrMentorOthers", req: get("/mentors/{bobMentor}", "alice"), status: 404},
		{name: "ErrMentorBadID", req: get("/mentors/x", "alice"), status: 404},
		{name: "MentorUpdate", req: post("/mentors/{aliceMentor}", "alice", form("name", "Alice's mentor", "status", "paused",
			"criteria", "approachable", "criteria", "constructive-feedback")), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m := mentor(t, f, "alice"); m.Status != ladder.MentorPaused || len(m.Criteria) != 2 || len(m.Strengths) != 0 {
					t.Errorf("%+v", m)
				}
			}},
		{name: "ErrMentorUpdate", req: post("/mentors/{aliceMentor}", "alice", form("name", "")), status: 422,
			want: []string{"Name is required", "Alice&#39;s budget action"},
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m := mentor(t, f, "alice"); m.Name != "Alice's mentor" {
					t.Errorf("changed: %+v", m)
				}
			}},
		{name: "ErrMentorUpdateOthers", req: post("/mentors/{bobMentor}", "alice", form("name", "Mine")), status: 404, check: bobIntact},
		{name: "MentorDelete", req: post("/mentors/{aliceMentor}/delete", "alice", form()), status: 303, location: "/mentors",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ms, _ := f.j.Mentors.FindMentors(context.Background(), f.alice.ID); len(ms) != 0 {
					t.Errorf("%+v", ms)
				}
			}},
		{name: "ErrMentorDeleteOthers", req: post("/mentors/{bobMentor}/delete", "alice", form()), status: 404, check: bobIntact},

		// Sessions and agreed actions.
		{name: "SessionCreate", req: post("/mentors/{aliceMentor}/sessions", "alice", form("date", "2026-06-02", "status", "planned",
			"agenda", "Budgets", "actions", "Budgeting: Draft the licence budget\nAsk finance for the template\n")), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				ss, _ := f.j.Mentors.FindMentoringSessions(context.Background(), f.alice.ID, f.net["aliceMentor"])
				var s *ladder.MentoringSession
				for _, x := range ss {
					if x.Agenda == "Budgets" {
						s = x
					}
				}
				if len(ss) != 2 || s == nil || len(s.Actions) != 2 || s.Actions[0].Competency != "budgeting" || s.Actions[1].Text != "Ask finance for the template" {
					for _, x := range ss {
						t.Errorf("%+v", *x)
					}
				}
			}},
		{name: "ErrSessionCreate", req: post("/mentors/{aliceMentor}/sessions", "alice", form("date", "2 June", "agenda", "kept")), status: 422,
			want: []string{"Date must be a date", ">kept</textarea>"}},
		{name: "ErrSessionCreateStatus", req: post("/mentors/{aliceMentor}/sessions", "alice", form("date", "2026-06-02", "status", "cancelled")),
			status: 422, want: []string{"Status must be one of"}},
		{name: "ErrSessionCreateOthers", req: post("/mentors/{bobMentor}/sessions", "alice", form("date", "2026-06-02")), status: 404},
		{name: "SessionUpdate", req: post("/mentoring/sessions/{aliceSession}", "alice", form("date", "2026-05-20", "status", "held",
			"notes", "Went well", "agenda", "a")), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := session(t, f, "alice"); s.Notes != "Went well" || len(s.Actions) != 2 {
					t.Errorf("%+v", s)
				}
			}},
		{name: "ErrSessionUpdate", req: post("/mentoring/sessions/{aliceSession}", "alice", form("date", "", "status", "held")), status: 422,
			want: []string{"Date is required"}},
		{name: "ErrSessionUpdateOthers", req: post("/mentoring/sessions/{bobSession}", "alice", form("date", "2026-05-20", "status", "planned")),
			status: 404, check: bobIntact},
		{name: "SessionDelete", req: post("/mentoring/sessions/{aliceSession}/delete", "alice", form()), status: 303, location: "/mentors/"},
		{name: "ErrSessionDeleteOthers", req: post("/mentoring/sessions/{bobSession}/delete", "alice", form()), status: 404, check: bobIntact},
		{name: "AgreedActionAdd", req: post("/mentoring/sessions/{aliceSession}/actions", "alice", form("text", "Shadow the review",
			"competency", "vendor-management")), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := session(t, f, "alice"); len(s.Actions) != 3 || s.Actions[2].Competency != "vendor-management" {
					t.Errorf("%+v", s.Actions)
				}
			}},
		{name: "ErrAgreedActionAdd", req: post("/mentoring/sessions/{aliceSession}/actions", "alice", form("text", " ")), status: 422,
			want: []string{"Action is required"}},
		{name: "ErrAgreedActionAddOthers", req: post("/mentoring/sessions/{bobSession}/actions", "alice", form("text", "x")), status: 404, check: bobIntact},
		{name: "AgreedActionToPlan", req: post("/mentoring/actions/{aliceAgreed}/plan", "alice", form()), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				s := session(t, f, "alice")
				if s.Actions[0].PlanActionID == 0 {
					t.Fatalf("not linked: %+v", s.Actions)
				}
				pl, _ := f.j.Plans().FindPlan(context.Background(), f.alice.ID)
				n := 0
				for _, g := range pl.Goals {
					for _, a := range g.Actions {
						if a.Title == "Alice's budget action" {
							n++
						}
					}
				}
				if n != 1 {
					t.Errorf("%d times in the plan", n)
				}
				// The page now says so, and a second click is refused.
				if rec := f.do(get("/mentors/{aliceMentor}", "alice")); !strings.Contains(rec.Body.String(), "in your plan") {
					t.Errorf("the page does not say it is in the plan")
				}
				if rec := f.do(post("/mentoring/actions/{aliceAgreed}/plan", "alice", form())); rec.Code != 409 ||
					!strings.Contains(rec.Body.String(), "in your plan already") {
					t.Errorf("second click: %d", rec.Code)
				}
			}},
		{name: "ErrAgreedActionToPlanNoPlan", req: post("/mentoring/actions/{carolAgreed}/plan", "carol", form()), status: 409,
			want: []string{"You have no plan yet", `href="/plan"`}},
		{name: "ErrAgreedActionToPlanOthers", req: post("/mentoring/actions/{bobAgreed}/plan", "alice", form()), status: 404, check: bobIntact},
		{name: "AgreedActionDelete", req: post("/mentoring/actions/{aliceAgreed2}/delete", "alice", form()), status: 303, location: "/mentors/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if s := session(t, f, "alice"); len(s.Actions) != 1 {
					t.Errorf("%+v", s.Actions)
				}
			}},
		{name: "ErrAgreedActionDeleteOthers", req: post("/mentoring/actions/{bobAgreed}/delete", "alice", form()), status: 404, check: bobIntact},

		// Network.
		{name: "NetworkOK", req: get("/network", "alice"), status: 200,
			want: []string{"Alice&#39;s contact", "follow up this week", "Contacted today", "Project Management Institute (PMI)",
				"Alice&#39;s summit", "Met there: Alice&#39;s contact", `aria-current="page">Network`, "ISACA"},
			wantNot: []string{"Bob&#39;s contact", "Bob&#39;s summit"}},
		{name: "ContactCreate", req: post("/network/contacts", "alice", form("name", "Priya Shah", "organisation", "Contoso",
			"how_help", "Has run audits", "next_contact", "2026-06-10")), status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if cs, _ := f.j.Network.FindContacts(context.Background(), f.alice.ID); len(cs) != 2 {
					t.Errorf("%+v", cs)
				}
			}},
		{name: "ErrContactCreate", req: post("/network/contacts", "alice", form("name", "", "next_contact", "soon", "title", "kept")), status: 422,
			want: []string{"The contact is not valid.", "Follow-up must be a date", "Name is required", `value="kept"`}},
		{name: "ContactUpdate", req: post("/network/contacts/{aliceContact}", "alice", form("name", "Alice's contact", "title", "CIO")),
			status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if c, _ := f.j.Network.FindContact(context.Background(), f.alice.ID, f.net["aliceContact"]); c.Title != "CIO" || !c.NextContact.IsZero() {
					t.Errorf("%+v", c)
				}
			}},
		// A failed edit keeps what was typed, in an open form.
		{name: "ErrContactUpdate", req: post("/network/contacts/{aliceContact}", "alice", form("name", "", "title", "Typed title")), status: 422,
			want: []string{"Name is required", `value="Typed title"`, "<details open>"}},
		{name: "ErrContactUpdateOthers", req: post("/network/contacts/{bobContact}", "alice", form("name", "Mine")), status: 404, check: bobIntact},
		{name: "ContactedToday", req: post("/network/contacts/{aliceContact}/contacted", "alice", form("next", "2099-01-05")),
			status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				c, _ := f.j.Network.FindContact(context.Background(), f.alice.ID, f.net["aliceContact"])
				if c.LastContact.IsZero() || c.NextContact.Format("2006-01-02") != "2099-01-05" {
					t.Errorf("%+v", c)
				}
			}},
		{name: "ErrContactedToday", req: post("/network/contacts/{aliceContact}/contacted", "alice", form("next", "2001-01-01")), status: 422,
			want: []string{"Next follow-up must be today or later"}},
		{name: "ErrContactedTodayOthers", req: post("/network/contacts/{bobContact}/contacted", "alice", form()), status: 404, check: bobIntact},
		{name: "ContactDelete", req: post("/network/contacts/{aliceContact}/delete", "alice", form()), status: 303, location: "/network"},
		{name: "ErrContactDeleteOthers", req: post("/network/contacts/{bobContact}/delete", "alice", form()), status: 404, check: bobIntact},
		{name: "MembershipCreate", req: post("/network/memberships", "alice", form("organisation", "isaca", "status", "considering")),
			status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if ms, _ := f.j.Network.FindMemberships(context.Background(), f.alice.ID); len(ms) != 2 {
					t.Errorf("%+v", ms)
				}
			}},
		{name: "MembershipCreateOwn", req: post("/network/memberships", "alice", form("name", "Leeds IT leaders", "since", "2025-01-01")),
			status: 303, location: "/network"},
		{name: "ErrMembershipCreate", req: post("/network/memberships", "alice", form("renewal", "31/12")), status: 422,
			want: []string{"Organisation: choose an organisation or give a name", "Renewal must be a date"}},
		{name: "ErrMembershipCreateTwice", req: post("/network/memberships", "alice", form("organisation", "pmi")), status: 409,
			want: []string{"You have a membership of this organisation already"}},
		{name: "MembershipUpdate", req: post("/network/memberships/{aliceMembership}", "alice", form("status", "lapsed", "renewal", "2026-03-01")),
			status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m, _ := f.j.Network.FindMembership(context.Background(), f.alice.ID, f.net["aliceMembership"]); m.Status != ladder.MembershipLapsed || m.OrgKey != "pmi" {
					t.Errorf("%+v", m)
				}
			}},
		{name: "ErrMembershipUpdate", req: post("/network/memberships/{aliceMembership}", "alice", form("status", "honorary", "renewal", "2031-02-03",
			"notes", "Typed notes")), status: 422,
			want: []string{"Status must be one of", `value="2031-02-03"`, "Typed notes</textarea>", "<details open>"}},
		{name: "ErrMembershipUpdateOthers", req: post("/network/memberships/{bobMembership}", "alice", form("status", "lapsed")), status: 404, check: bobIntact},
		{name: "MembershipDelete", req: post("/network/memberships/{aliceMembership}/delete", "alice", form()), status: 303, location: "/network"},
		{name: "ErrMembershipDeleteOthers", req: post("/network/memberships/{bobMembership}/delete", "alice", form()), status: 404, check: bobIntact},
		{name: "EventCreate", req: post("/network/events", "alice", form("name", "ITSM Summit", "date", "2026-09-14", "location", "Leeds",
			"contacts", "{aliceContact}")), status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				es, _ := f.j.Network.FindNetworkEvents(context.Background(), f.alice.ID)
				if len(es) != 2 {
					t.Errorf("%+v", es)
				}
			}},
		{name: "ErrEventCreate", req: post("/network/events", "alice", form("name", "", "date", "")), status: 422,
			want: []string{"Date is required", "Name is required"}},
		{name: "ErrEventCreateOthersContact", req: post("/network/events", "alice", form("name", "X", "date", "2026-09-14", "contacts", "{bobContact}")),
			status: 422, want: []string{"is not one of yours"}, check: bobIntact},
		{name: "EventUpdate", req: post("/network/events/{aliceEvent}", "alice", form("name", "Alice's summit", "date", "2026-09-14", "status", "attended")),
			status: 303, location: "/network",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if e, _ := f.j.Network.FindNetworkEvent(context.Background(), f.alice.ID, f.net["aliceEvent"]); e.Status != ladder.EventAttended || len(e.ContactIDs) != 0 {
					t.Errorf("%+v", e)
				}
			}},
		{name: "ErrEventUpdate", req: post("/network/events/{aliceEvent}", "alice", form("name", "Typed summit", "date", "soon",
			"status", "skipped", "contacts", "{aliceContact}")), status: 422,
			want: []string{"Date must be a date", `value="Typed summit"`, `value="skipped" selected`, "<details open>"}},
		{name: "ErrEventUpdateOthers", req: post("/network/events/{bobEvent}", "alice", form("name", "x", "date", "2026-09-14")), status: 404, check: bobIntact},
		{name: "EventDelete", req: post("/network/events/{aliceEvent}/delete", "alice", form()), status: 303, location: "/network"},
		{name: "ErrEventDeleteOthers", req: post("/network/events/{bobEvent}/delete", "alice", form()), status: 404, check: bobIntact},
	}
}
