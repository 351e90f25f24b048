package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/httpx"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// orgWebScenarios are the signed-in cases of the organisation pages: each
// route's happy path, a member who is neither admin nor owner (403), the
// owner of another organisation (404 for Northwind's ids, and never
// Northwind's data), a person of no organisation (404) and bad input (422
// naming the field). The invitation page is public: its cases are here
// too, and TestOrgInviteByMail follows a mailed link end to end.
func orgWebScenarios() []webScenario {
	id := func(f *webFixture, k string) int64 {
		v, _ := strconv.ParseInt(f.extra["{"+k+"}"], 10, 64)
		return v
	}
	member := func(t *testing.T, f *webFixture, k string) *ladder.OrgMember {
		t.Helper()
		m, err := f.j.Orgs.FindOrgMember(context.Background(), 0, id(f, k))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	northwindIntact := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		if m := member(t, f, "orgDave"); m.Role != ladder.OrgRoleMember || m.Title != "dave's title" || len(m.MentorIDs) != 1 {
			t.Errorf("Dave changed: %+v", m)
		}
		p, err := f.j.OrgProgrammes.FindProgramme(context.Background(), f.alice.OrgID, id(f, "orgProg"))
		if err != nil || p.Name != "Northwind future managers" {
			t.Errorf("programme changed: %v %+v", err, p)
		}
		c, err := f.j.OrgProgrammes.FindCohort(context.Background(), f.alice.OrgID, id(f, "orgCohort"))
		if err != nil || len(c.MemberIDs) != 1 {
			t.Errorf("cohort changed: %v %+v", err, c)
		}
		is, _ := f.j.Orgs.FindOrgInvitations(context.Background(), f.alice.OrgID)
		if len(is) != 1 || !is[0].RevokedAt.IsZero() {
			t.Errorf("invitation changed: %+v", is)
		}
	}
	auditHas := func(action string) func(t *testing.T, f *webFixture, _ *httpResult) {
		return func(t *testing.T, f *webFixture, _ *httpResult) {
			t.Helper()
			es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: f.person(t, f.alice).OrgID, Action: action})
			if err != nil || len(es) == 0 || es[0].ActorName != "Alice" {
				t.Errorf("no audit entry %s by Alice: %v %+v", action, err, es)
			}
		}
	}
	denied := func(name string, req request, status int) webScenario {
		return webScenario{name: name, req: req, status: status, wantNot: []string{"dave&#39;s title", "Northwind future managers"},
			check: northwindIntact}
	}
	var out []webScenario
	// Every admin or owner page, refused to the member, the other
	// organisation's owner (for ids) and the person in none.
	for _, rt := range []struct {
		name, method, path string
		owner              bool // owners only: the programme admin is refused too
		ids                bool // the path holds Northwind ids: zed gets 404
		form               []string
	}{
		{"Members", "GET", "/org/members", false, false, nil},
		{"UpdateMember", "POST", "/org/members/{orgDave}", false, true, []string{"title", "x"}},
		{"RemoveMember", "POST", "/org/members/{orgDave}/remove", true, true, nil},
		{"AddMentor", "POST", "/org/members/{orgDave}/mentors", false, true, []string{"mentor", "{orgAlice}"}},
		{"RemoveMentor", "POST", "/org/members/{orgDave}/mentors/{orgErin}/delete", false, true, nil},
		{"Invitations", "GET", "/org/invitations", false, false, nil},
		{"Invite", "POST", "/org/invitations", false, false, []string{"email", "new@example.com", "role", "member"}},
		{"Revoke", "POST", "/org/invitations/{orgInvite}/revoke", false, true, nil},
		{"Programmes", "GET", "/org/programmes", false, false, nil},
		{"CreateProgramme", "POST", "/org/programmes", false, false, []string{"name", "P", "target_role", "cio", "start", "2027-01-01", "end", "2027-12-31"}},
		{"Programme", "GET", "/org/programmes/{orgProg}", false, true, nil},
		{"UpdateProgramme", "POST", "/org/programmes/{orgProg}", false, true, []string{"name", "P", "target_role", "cio", "start", "2020-01-01", "end", "2040-12-31"}},
		{"DeleteProgramme", "POST", "/org/programmes/{orgProg}/delete", false, true, nil},
		{"CreateCohort", "POST", "/org/programmes/{orgProg}/cohorts", false, true, []string{"name", "C", "start", "2020-01-01", "end", "2020-01-02"}},
		{"AddCohortMember", "POST", "/org/cohorts/{orgCohort}/members", false, true, []string{"person", "{orgErin}"}},
		{"RemoveCohortMember", "POST", "/org/cohorts/{orgCohort}/members/{orgDave}/delete", false, true, nil},
		{"DeleteCohort", "POST", "/org/cohorts/{orgCohort}/delete", false, true, nil},
		{"Import", "GET", "/org/import", false, false, nil},
		{"ImportPost", "POST", "/org/import", false, false, []string{"csv", "name,email\nNed,ned@example.com\n"}},
		{"Settings", "GET", "/org/settings", true, false, nil},
		{"SaveSettings", "POST", "/org/settings", true, false, []string{"name", "Hacked"}},
		{"Audit", "GET", "/org/audit", true, false, nil},
		{"AuditCSV", "GET", "/org/audit.csv", true, false, nil},
		{"AuditJSON", "GET", "/org/audit.json", true, false, nil},
	} {
		req := func(as string) request {
			return request{method: rt.method, path: rt.path, as: as, form: form(rt.form...)}
		}
		out = append(out, denied("ErrOrg"+rt.name+"Member", req("dave"), 403), denied("ErrOrg"+rt.name+"NoOrg", req("carol"), 404))
		if rt.owner {
			out = append(out, denied("ErrOrg"+rt.name+"Admin", req("erin"), 403))
		}
		if rt.ids {
			out = append(out, denied("ErrOrg"+rt.name+"OtherOrg", req("zed"), 404))
		}
	}
	return append(out, []webScenario{
		// Overview and creation.
		{name: "OrgNone", req: get("/org", "carol"), status: 200, want: []string{"Create an organisation", `action="/org"`, `aria-current="true">Organisation`}},
		{name: "OrgOverviewOwner", req: get("/org", "alice"), status: 200,
			want: []string{"Northwind", "Your role</dt><dd>Owner", `href="/org/audit"`, `href="/org/settings"`, "Members</dt><dd>4"}},
		{name: "OrgOverviewMember", req: get("/org", "dave"), status: 200,
			want:    []string{"Your manager</dt><dd>Erin", "Your mentors</dt><dd>Erin", "Your role</dt><dd>Member"},
			wantNot: []string{`href="/org/members"`, `href="/org/audit"`, "Frank"}},
		{name: "OrgOverviewAdmin", req: get("/org", "erin"), status: 200,
			want: []string{`href="/org/members"`, `href="/org/import"`, "You mentor</dt><dd>Dave", "Reporting to you</dt><dd>Dave"}, wantNot: []string{`href="/org/audit"`}},
		{name: "OrgOverviewOtherOrg", req: get("/org", "zed"), status: 200, want: []string{"Contoso"}, wantNot: []string{"Northwind", "Dave"}},
		{name: "OrgCreate", req: post("/org", "carol", form("name", "Carol's Co", "domains", "carol{orgN}.example")), status: 303, location: "/org",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				m, err := f.j.OrgOf(context.Background(), f.carol)
				if err != nil || m.Role != ladder.OrgRoleOwner {
					t.Fatalf("%v %+v", err, m)
				}
			}},
		{name: "ErrOrgCreateName", req: post("/org", "carol", form("name", " ", "domains", "not a domain")), status: 422,
			want: []string{"Name is required", "Domains: &#34;not&#34; is not a domain name"}},
		{name: "ErrOrgCreateTwice", req: post("/org", "alice", form("name", "Second")), status: 409},

		// Members.
		{name: "OrgMembersOwner", req: get("/org/members", "alice"), status: 200,
			want: []string{"dave&#39;s title", "Frank", "No account yet", "/org/invitations?email=frank", `name="role"`, "Remove from the organisation",
				"End Erin mentoring Dave"}},
		{name: "OrgMembersAdmin", req: get("/org/members", "erin"), status: 200, want: []string{"dave&#39;s title"},
			wantNot: []string{`name="role"`, "Remove from the organisation"}},
		{name: "OrgMembersOtherOrg", req: get("/org/members", "zed"), status: 200, want: []string{"Yuri"}, wantNot: []string{"Dave", "Northwind"}},
		{name: "OrgUpdateMember", req: post("/org/members/{orgDave}", "erin", form("title", "Service desk lead", "manager", "{orgAlice}")), status: 303,
			location: "/org/members", check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m := member(t, f, "orgDave"); m.Title != "Service desk lead" || m.ManagerID != f.alice.ID {
					t.Errorf("%+v", m)
				}
			}},
		{name: "OrgSetRole", req: post("/org/members/{orgDave}", "alice", form("role", "programme_admin")), status: 303,
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				if m := member(t, f, "orgDave"); m.Role != ladder.OrgRoleAdmin {
					t.Errorf("%+v", m)
				}
				auditHas("member.role")(t, f, r)
			}},
		{name: "ErrOrgSetRoleAdmin", req: post("/org/members/{orgDave}", "erin", form("role", "owner")), status: 403, check: northwindIntact},
		{name: "ErrOrgSetRoleBad", req: post("/org/members/{orgDave}", "alice", form("role", "boss")), status: 422, want: []string{"Role must be one of"}},
		{name: "ErrOrgManagerCircle", req: post("/org/members/{orgErin}", "alice", form("manager", "{orgDave}")), status: 422,
			want: []string{"Manager would make a circle of managers"}},
		{name: "ErrOrgManagerNotMember", req: post("/org/members/{orgDave}", "alice", form("manager", "{zedID}")), status: 422,
			want: []string{"Manager is not a member of the organisation"}, check: northwindIntact},
		{name: "ErrOrgLastOwner", req: post("/org/members/{orgAlice}", "alice", form("role", "member")), status: 409, want: []string{"needs an owner"}},
		{name: "ErrOrgMemberOtherOrgID", req: post("/org/members/{zedMember}", "alice", form("title", "x")), status: 404},
		{name: "OrgRemoveMember", req: post("/org/members/{orgDave}/remove", "alice", form()), status: 303,
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				if _, err := f.j.Orgs.FindOrgMember(context.Background(), 0, id(f, "orgDave")); ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("Dave still a member: %v", err)
				}
				auditHas("member.remove")(t, f, r)
			}},
		{name: "OrgAddMentor", req: post("/org/members/{orgDave}/mentors", "erin", form("mentor", "{orgAlice}")), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m := member(t, f, "orgDave"); len(m.MentorIDs) != 2 {
					t.Errorf("%+v", m)
				}
			}},
		{name: "ErrOrgAddMentorSelf", req: post("/org/members/{orgDave}/mentors", "alice", form("mentor", "{orgDave}")), status: 422,
			want: []string{"Mentor a person cannot mentor themselves"}},
		{name: "ErrOrgAddMentorBad", req: post("/org/members/{orgDave}/mentors", "alice", form("mentor", "x")), status: 422, want: []string{"Mentor choose a member"}},
		{name: "OrgRemoveMentor", req: post("/org/members/{orgDave}/mentors/{orgErin}/delete", "alice", form()), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if m := member(t, f, "orgDave"); len(m.MentorIDs) != 0 {
					t.Errorf("%+v", m)
				}
			}},
		{name: "ErrOrgRemoveMentorNone", req: post("/org/members/{orgFrank}/mentors/{orgErin}/delete", "alice", form()), status: 404},

		// Invitations.
		// The fixture sends mail (see feedbackFixture); TestOrgWebWithoutMail
		// covers the link shown once when there is none.
		{name: "OrgInvitations", req: get("/org/invitations?email=frank@example.com", "erin"), status: 200,
			want:    []string{"northwind-invitee", `value="frank@example.com"`},
			wantNot: []string{`value="owner"`, "Mail is not set up"}},
		{name: "OrgInviteMailed", req: post("/org/invitations", "alice", form("email", "Newbie@example.com", "role", "owner")), status: 303,
			location: "/org/invitations", check: func(t *testing.T, f *webFixture, _ *httpResult) {
				var got bool
				for _, m := range f.feedbackSink.Messages() {
					got = got || (len(m.To) == 1 && m.To[0] == "newbie@example.com" && strings.Contains(m.Text(), "/invite/"))
				}
				if !got {
					t.Error("no invitation mail to newbie@example.com with its link")
				}
			}},
		{name: "ErrOrgInviteBadEmail", req: post("/org/invitations", "alice", form("email", "nope", "role", "member")), status: 422,
			want: []string{"Email is not an email address"}},
		{name: "ErrOrgInviteOwnerByAdmin", req: post("/org/invitations", "erin", form("email", "x@example.com", "role", "owner")), status: 403},
		{name: "OrgRevoke", req: post("/org/invitations/{orgInvite}/revoke", "erin", form()), status: 303, location: "/org/invitations",
			check: auditHasByAction("invitation.revoke", "Erin")},
		{name: "ErrOrgRevokeOtherOrgID", req: post("/org/invitations/{zedInvite}/revoke", "alice", form()), status: 404},
		{name: "InvitePublicNew", req: get("/invite/{northwindToken}", ""), status: 200,
			want: []string{"Join Northwind", "Create my account and join", "northwind-invitee"}},
		{name: "InvitePublicOther", req: get("/invite/{northwindToken}", "bob"), status: 200, want: []string{"signed in as someone else"}},
		{name: "ErrInviteUnknown", req: get("/invite/not-a-token", ""), status: 404, want: []string{"not valid"}},
		{name: "ErrInviteWeakPassword", req: post("/invite/{northwindToken}", "", form("name", "Nia", "password", "short")), status: 422,
			want: []string{"Password must be at least 10 characters"}},
		{name: "ErrInviteWrongPerson", req: post("/invite/{northwindToken}", "bob", form()), status: 403},
		{name: "InviteAcceptNew", req: post("/invite/{northwindToken}", "", form("name", "Nia", "password", "a long enough password")), status: 303,
			location: "/onboarding", check: func(t *testing.T, f *webFixture, r *httpResult) {
				if !strings.Contains(r.header.Get("Set-Cookie"), httpx.SessionCookie+"=") {
					t.Errorf("no session: %q", r.header.Get("Set-Cookie"))
				}
				p, err := f.j.Persons.FindPersonByEmail(context.Background(), "northwind-invitee."+f.extra["{orgN}"]+"@example.com")
				if err != nil || p.OrgID != f.person(t, f.alice).OrgID || p.Name != "Nia" {
					t.Errorf("Nia: %v %+v", err, p)
				}
			}},

		// Programmes and cohorts.
		{name: "OrgProgrammes", req: get("/org/programmes", "erin"), status: 200, want: []string{"Northwind future managers", "IT manager"}},
		{name: "OrgProgrammesOtherOrg", req: get("/org/programmes", "zed"), status: 200, want: []string{"Contoso future managers"},
			wantNot: []string{"Northwind"}},
		{name: "OrgCreateProgramme", req: post("/org/programmes", "erin", form("name", "Leads 2028", "target_role", "team-lead", "start", "2028-01-10",
			"end", "2028-06-30", "description", "For new leads")), status: 303, location: "/org/programmes/", check: auditHasByAction("programme.create", "Erin")},
		{name: "ErrOrgCreateProgramme", req: post("/org/programmes", "erin", form("name", "", "target_role", "astronaut", "start", "soon", "end", "2028-06-30")),
			status: 422, want: []string{"Name is required", "First day must be a date"}},
		{name: "ErrOrgCreateProgrammeTarget", req: post("/org/programmes", "erin", form("name", "X", "target_role", "astronaut", "start", "2028-01-10",
			"end", "2028-06-30")), status: 422, want: []string{"Target role: &#34;astronaut&#34; is not a target role"}},
		{name: "OrgProgramme", req: get("/org/programmes/{orgProg}", "erin"), status: 200,
			want: []string{"Northwind future managers", "Northwind spring", "Dave", "Add to Northwind spring"}},
		{name: "ErrOrgProgrammeOtherOrgID", req: get("/org/programmes/{zedProg}", "alice"), status: 404, wantNot: []string{"Contoso"}},
		{name: "OrgUpdateProgramme", req: post("/org/programmes/{orgProg}", "erin", form("name", "Renamed", "target_role", "cio",
			"start", "2020-01-01", "end", "2040-12-31")), status: 303, location: "/org/programmes/"},
		{name: "ErrOrgUpdateProgrammeShrink", req: post("/org/programmes/{orgProg}", "erin", form("name", "Renamed", "target_role", "cio",
			"start", "2039-01-01", "end", "2040-12-31")), status: 422, want: []string{"a cohort falls outside these dates"}},
		{name: "OrgDeleteProgramme", req: post("/org/programmes/{orgProg}/delete", "erin", form()), status: 303, location: "/org/programmes"},
		{name: "ErrOrgCreateCohortDates", req: post("/org/programmes/{orgProg}/cohorts", "erin", form("name", "Autumn", "start", "", "end", "",
			"members", "{orgFrank}", "members", "{orgDave}")), status: 422, want: []string{"First day must be a date", "Last day must be a date", "checked> Dave"}},
		{name: "OrgCreateCohortOK", req: post("/org/programmes/{orgProg}/cohorts", "erin", orgCohortForm()), status: 303, location: "/org/programmes/",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				cs, _ := f.j.OrgProgrammes.FindCohorts(context.Background(), f.person(t, f.alice).OrgID, id(f, "orgProg"))
				if len(cs) != 2 || len(cs[1].MemberIDs)+len(cs[0].MemberIDs) != 2 {
					t.Errorf("cohorts %+v", cs)
				}
			}},
		{name: "ErrOrgCreateCohortOtherMember", req: post("/org/programmes/{orgProg}/cohorts", "alice", form("name", "X", "start", orgToday(0), "end", orgToday(1),
			"members", "{zedMember}")), status: 422, want: []string{"Members: is not a member of the organisation"}},
		{name: "OrgAddCohortMember", req: post("/org/cohorts/{orgCohort}/members", "erin", form("person", "{orgFrank}")), status: 303,
			location: "/org/programmes/"},
		{name: "ErrOrgAddCohortMemberTwice", req: post("/org/cohorts/{orgCohort}/members", "erin", form("person", "{orgDave}")), status: 409,
			want: []string{"in the cohort already"}},
		{name: "ErrOrgAddCohortMemberOther", req: post("/org/cohorts/{orgCohort}/members", "erin", form("person", "{zedMember}")), status: 422,
			want: []string{"is not a member of the organisation"}},
		{name: "ErrOrgCohortOtherOrgID", req: post("/org/cohorts/{zedCohort}/members", "alice", form("person", "{orgDave}")), status: 404},
		{name: "OrgRemoveCohortMember", req: post("/org/cohorts/{orgCohort}/members/{orgDave}/delete", "erin", form()), status: 303},
		{name: "OrgDeleteCohort", req: post("/org/cohorts/{orgCohort}/delete", "erin", form()), status: 303, location: "/org/programmes/"},

		// Import.
		{name: "OrgImport", req: get("/org/import", "erin"), status: 200, want: []string{"name,email,title,manager_email", `enctype="multipart/form-data"`}},
		{name: "OrgImportPasted", req: post("/org/import", "erin", form("csv", "name,email,title,manager_email\nNed,ned{orgN}@example.com,Analyst,{orgDaveEmail}\n")),
			status: 303, location: "/org/members", check: auditHasByAction("import.people", "Erin")},
		{name: "ErrOrgImportRows", req: post("/org/import", "alice", form("csv", "name,email,title,manager_email\n,a@example.com,,\nBo,bad,,\nCy,c@example.com,,ghost@example.com\n")),
			status: 422, want: []string{"3 problems: nothing was imported", "<td class=\"num\">2</td><td>name</td>", "<td class=\"num\">3</td><td>email</td>",
				"ghost@example.com is neither in the file nor a member"}},
		{name: "ErrOrgImportEmpty", req: post("/org/import", "alice", form("csv", "")), status: 422, want: []string{"File: choose a CSV file"}},

		// Settings.
		{name: "OrgSettings", req: get("/org/settings", "alice"), status: 200, want: []string{`name="min_peer"`, `value="3"`, "name_manager"}},
		{name: "OrgSaveSettings", req: post("/org/settings", "alice", form("name", "Northwind IT", "slug", "northwind-it-{orgN}", "domains", "nw{orgN}.example",
			"min_manager", "2", "min_peer", "4", "min_report", "3", "min_stakeholder", "3", "min_others", "5")), status: 303, location: "/org/settings",
			check: func(t *testing.T, f *webFixture, r *httpResult) {
				m, err := f.j.FeedbackMinimums(context.Background(), id(f, "orgDave"))
				if err != nil || m.Peer != 4 || m.NameManager || m.Manager != 2 {
					t.Errorf("%v %+v", err, m)
				}
				auditHas("org.settings")(t, f, r)
			}},
		{name: "ErrOrgSettingsBelowFloor", req: post("/org/settings", "alice", form("name", "N", "slug", "n-{orgN}", "min_manager", "1", "min_peer", "1",
			"min_report", "x", "min_stakeholder", "3", "min_others", "4")), status: 422,
			want: []string{"Peers: must be 2-50", "Direct reports: must be a whole number", "Manager: must be 2-50"}},

		// Audit log.
		{name: "OrgAudit", req: get("/org/audit", "alice"), status: 200, want: []string{"org.create", "member.import", "mentor.add", "Erin", `href="/org/audit.csv?"`}},
		{name: "OrgAuditFiltered", req: get("/org/audit?action=mentor.&person={orgDave}", "alice"), status: 200, want: []string{"mentor.add", "1 entry"},
			wantNot: []string{"<code>org.create</code>"}},
		{name: "ErrOrgAuditFilter", req: get("/org/audit?from=yesterday", "alice"), status: 400, want: []string{"The filter is not valid"}},
		{name: "OrgAuditCSV", req: get("/org/audit.csv?action=member.", "alice"), status: 200, check: func(t *testing.T, f *webFixture, r *httpResult) {
			wantAttachment(t, r, "text/csv", "audit-log.csv")
			recs, err := csv.NewReader(strings.NewReader(r.body)).ReadAll()
			if err != nil || len(recs) < 4 || recs[0][4] != "action" {
				t.Fatalf("%v %q", err, recs)
			}
			for _, rec := range recs[1:] {
				if !strings.HasPrefix(rec[4], "member.") {
					t.Errorf("filter not applied: %q", rec)
				}
			}
		}},
		{name: "OrgAuditJSON", req: get("/org/audit.json", "alice"), status: 200, check: func(t *testing.T, f *webFixture, r *httpResult) {
			wantAttachment(t, r, "application/json", "audit-log.json")
			var es []struct {
				Action    string `json:"action"`
				ActorName string `json:"actor_name"`
			}
			if err := json.Unmarshal([]byte(r.body), &es); err != nil || len(es) < 5 || es[len(es)-1].Action != "org.create" {
				t.Errorf("%v %+v", err, es)
			}
		}},
		{name: "OrgAuditOtherOrg", req: get("/org/audit", "zed"), status: 200, want: []string{"Contoso"}, wantNot: []string{"Dave", "Northwind"}},
	}...)
}

func auditHasByAction(action, actor string) func(t *testing.T, f *webFixture, _ *httpResult) {
	return func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: f.person(t, f.alice).OrgID, Action: action})
		if err != nil || len(es) == 0 || es[0].ActorName != actor {
			t.Errorf("no audit entry %s by %s: %v %+v", action, actor, err, es)
		}
	}
}

func orgCohortForm() url.Values {
	return form("name", "Autumn", "start", orgToday(0), "end", orgToday(2), "members", "{orgFrank}")
}

// orgToday is the day days from today, as a form writes it.
func orgToday(days int) string {
	return ladder.Day(time.Now()).AddDate(0, 0, days).Format("2006-01-02")
}

// TestOrgWebWithoutMail: without mail, the invitation page says so and a
// new invitation's link is shown once, in the answer to the form.
func TestOrgWebWithoutMail(t *testing.T) {
	s, j, auth := newServer(t, sqldbtest.Open(t, sqldb.SQLite))
	f := newWebFixture(t, s, j, auth)
	j.Mail = nil
	if rec := f.do(get("/org/invitations", "erin")); rec.Code != 200 || !strings.Contains(rec.Body.String(), "Mail is not set up") {
		t.Errorf("%d\n%s", rec.Code, rec.Body)
	}
	rec := f.do(post("/org/invitations", "alice", form("email", "Newbie@example.com", "role", "owner")))
	body := rec.Body.String()
	for _, w := range []string{"Invitation for newbie@example.com", "http://ladder.test/invite/", "not shown again"} {
		if rec.Code != 200 || !strings.Contains(body, w) {
			t.Errorf("%d: body lacks %q\n%s", rec.Code, w, body)
		}
	}
	if n := len(f.feedbackSink.Messages()); n != 0 {
		t.Errorf("%d mails went out without a sender", n)
	}
}
