package server

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// sharingCoverScenarios run with the plain fixture, where nobody shares
// anything: the default is nothing.
func sharingCoverScenarios() []webScenario {
	return []webScenario{
		{name: "SharingDefaultNothing", req: get("/settings/sharing", "dave"), status: 200,
			want: []string{"Nothing is shared unless you tick it", "You have not chosen yet", `name="share.mentor" value="journal" aria-label`,
				`aria-current="page">Sharing`}, wantNot: []string{" checked"}},
		{name: "SharingSaveDefault", req: post("/settings/sharing", "dave", form("share.manager", "plan")), status: 303, location: "/settings/sharing"},
		{name: "OrgMembersLinkToViews", req: get("/org/members", "alice"), status: 200, want: []string{"What Dave shares with you"},
			wantNot: []string{"What Alice shares with you"}, check: func(t *testing.T, f *webFixture, r *httpResult) {
				if link := `href="/org/people/` + f.extra["{orgDave}"] + `"`; !strings.Contains(r.body, link) {
					t.Errorf("no link %s", link)
				}
			}},
		{name: "OrgPeopleDefault", req: get("/org/people", "erin"), status: 200, want: []string{"Dave", "nothing yet", `aria-current="page">People I support`}},
		{name: "OrgPersonDefaultNothing", req: get("/org/people/{orgDave}", "erin"), status: 200,
			want: []string{"They share with you: <b>nothing</b>", "Not shared."}, wantNot: []string{"/ 100", "Development plan and its progress"},
			check: sharingAudit("Erin", "saw nothing as mentor, manager and programme admin")},
	}
}

// sharingWebScenarios run with sharingFixture: each route's happy path,
// the denials, the audit entries, and that a part not shared never shows.
func sharingWebScenarios() []webScenario {
	noView := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		if es := sharingViews(t, f); len(es) != 0 {
			t.Errorf("a refused view was recorded: %+v", es)
		}
	}
	unchanged := func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		sh, err := f.j.Shares.FindSharing(context.Background(), sharingID(t, f, "orgDave"))
		if err != nil || len(sh.With[ladder.AudienceMentor]) != 4 || len(sh.With[ladder.AudienceManager]) != 1 || len(sh.With) != 2 {
			t.Errorf("a refused change wrote: %v %+v", err, sh)
		}
	}
	return []webScenario{
		// The member's sharing page.
		{name: "SharingPage", req: get("/settings/sharing", "dave"), status: 200,
			want: []string{"My mentors", "Erin", "My manager", "The programme admins and owners of Northwind: Alice, Erin", "Your journal is personal",
				`id="share-mentor-readiness" name="share.mentor" value="readiness" checked`, `id="share-manager-readiness" name="share.manager" value="readiness" checked`,
				"Last changed", "Nobody has looked at your data yet"},
			wantNot: []string{`value="journal" checked`, `id="share-manager-plan" name="share.manager" value="plan" checked`, "Frank"}},
		{name: "SharingNoOrganisation", req: get("/settings/sharing", "carol"), status: 200,
			want: []string{"You do not belong to an organisation, so there is nobody to share with"}, wantNot: []string{`name="share.mentor"`}},
		{name: "SharingSave", req: post("/settings/sharing", "dave", form("share.mentor", "journal", "share.mentor", "plan",
			"share.programme_admins", "readiness")), status: 303, location: "/settings/sharing",
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				sh, err := f.j.Shares.FindSharing(context.Background(), sharingID(t, f, "orgDave"))
				if err != nil {
					t.Fatal(err)
				}
				want := map[string]ladder.ShareSet{ladder.AudienceMentor: {"plan", "journal"}, ladder.AudienceAdmins: {"readiness"}}
				if diff := cmp.Diff(want, sh.With); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
				auditHasByAction("sharing.set", "Dave")(t, f, nil)
			}},
		{name: "SharingSaveNothing", req: post("/settings/sharing", "dave", form()), status: 303,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				if sh, _ := f.j.Shares.FindSharing(context.Background(), sharingID(t, f, "orgDave")); len(sh.With) != 0 {
					t.Errorf("an empty grid kept %+v", sh.With)
				}
			}},
		{name: "ErrSharingAudience", req: post("/settings/sharing", "dave", form("share.everyone", "plan", "share.mentor", "journal")), status: 422,
			want: []string{"The sharing choices are not valid.", "Audience: &#34;everyone&#34; is not one of mentor, manager, programme_admins",
				`id="share-mentor-journal" name="share.mentor" value="journal" checked`},
			check: unchanged},
		{name: "ErrSharingPart", req: post("/settings/sharing", "dave", form("share.manager", "salary")), status: 422,
			want: []string{`<span class="field-error">&#34;salary&#34; is not one of readiness, gaps, plan, evidence, journal</span>`}, check: unchanged},
		{name: "ErrSharingNoOrganisation", req: post("/settings/sharing", "carol", form("share.mentor", "plan")), status: 404},

		// The people one supports.
		{name: "OrgPeopleMentorManager", req: get("/org/people", "erin"), status: 200,
			want: []string{">Dave</a>", "dave&#39;s title", "mentor, manager and programme admin",
				"readiness, gaps, development plan and its progress, evidence log", `href="/org/members"`},
			wantNot: []string{"Frank"}, check: func(t *testing.T, f *webFixture, r *httpResult) {
				if link := `href="/org/people/` + f.extra["{orgDave}"] + `">Dave</a>`; !strings.Contains(r.body, link) {
					t.Errorf("no link %s", link)
				}
			}},
		{name: "OrgPeopleManager", req: get("/org/people", "alice"), status: 200, want: []string{"Frank", "manager and programme admin", "reflection journal"},
			wantNot: []string{">Dave<"}},
		{name: "OrgPeopleNobody", req: get("/org/people", "dave"), status: 200, want: []string{"Nobody yet", "an admin of the organisation makes you"},
			wantNot: []string{`href="/org/members"`}},
		{name: "OrgPeopleOtherOrg", req: get("/org/people", "zed"), status: 200, want: []string{"Contoso", "Nobody yet"}, wantNot: []string{"Dave", "Northwind"}},
		{name: "ErrOrgPeopleNoOrganisation", req: get("/org/people", "carol"), status: 404, want: []string{"You do not belong to an organisation"}},

		// The member view.
		{name: "OrgPersonShared", req: get("/org/people/{orgDave}", "erin"), status: 200,
			want: []string{"You see Dave as their mentor, manager and programme admin", "Readiness for IT manager", "/ 100", "By area",
				"Leadership and team management", "the largest weighted gap first", "Budgeting", "self-rating", "DAVE-OVERDUE-ACTION",
				`<span class="late">overdue</span>`, "actions done", "DAVE-EVIDENCE-SHOWN", "Reflection journal</h2>\n  <p class=\"not-shared\">Not shared."},
			wantNot: []string{"DAVE-JOURNAL-SECRET", "Doubts"},
			check:   sharingAudit("Erin", "saw readiness, gaps, plan, evidence as mentor, manager and programme admin")},
		{name: "OrgPersonSharesNothingWithAdmins", req: get("/org/people/{orgDave}", "alice"), status: 200,
			want:    []string{"They share with you: <b>nothing</b>", "Not shared."},
			wantNot: []string{"DAVE-EVIDENCE-SHOWN", "DAVE-OVERDUE-ACTION", "DAVE-JOURNAL-SECRET", "/ 100", "Budgeting"},
			check:   sharingAudit("Alice", "saw nothing as programme admin")},
		{name: "OrgPersonJournal", req: get("/org/people/{orgFrank}", "alice"), status: 200,
			want: []string{"FRANK-JOURNAL-VISIBLE", "1 entry", "Evidence log</h2>\n  <p class=\"not-shared\">Not shared."}, wantNot: []string{"/ 100"},
			check: sharingAudit("Alice", "saw journal as manager and programme admin")},
		{name: "OrgPersonOtherOrgOwn", req: get("/org/people/{zedMember}", "zed"), status: 200, want: []string{"Yuri", "Not shared."},
			wantNot: []string{"Northwind"}},
		{name: "OrgPersonSelf", req: get("/org/people/{orgDave}", "dave"), status: 303, location: "/", check: noView},
		{name: "ErrOrgPersonPlainMember", req: get("/org/people/{orgErin}", "dave"), status: 403,
			want: []string{"Only Erin&#39;s mentors, manager and programme admins"}, check: noView},
		{name: "ErrOrgPersonOtherOrg", req: get("/org/people/{orgDave}", "zed"), status: 404, want: []string{"Member not found"},
			wantNot: []string{"Dave", "DAVE-"}, check: noView},
		{name: "ErrOrgPersonUnknown", req: get("/org/people/99999999", "alice"), status: 404, check: noView},
		{name: "ErrOrgPersonBadID", req: get("/org/people/x", "alice"), status: 404, check: noView},
		{name: "ErrOrgPersonNoOrganisation", req: get("/org/people/{orgDave}", "carol"), status: 404, wantNot: []string{"DAVE-"}, check: noView},
		{name: "ErrOrgPersonLoggedOut", req: get("/org/people/{orgDave}", ""), status: 303, location: "/login?next=/org/people/", check: noView},

		// The member reads who looked.
		{name: "SharingShowsViews", req: get("/org/people/{orgDave}", "erin"), status: 200,
			check: func(t *testing.T, f *webFixture, _ *httpResult) {
				rec := f.do(get("/settings/sharing", "dave"))
				body := rec.Body.String()
				for _, w := range []string{"Who looked at your data", "1 time", "<td>Erin</td>",
					"Saw readiness, gaps, plan, evidence as mentor, manager and programme admin"} {
					if rec.Code != 200 || !strings.Contains(body, w) {
						t.Errorf("%d: the sharing page lacks %q\n%s", rec.Code, w, body)
					}
				}
				// Alice's view of Frank is about Frank: not on Dave's page.
				f.do(get("/org/people/{orgFrank}", "alice"))
				if body := f.do(get("/settings/sharing", "dave")).Body.String(); !strings.Contains(body, "1 time") || strings.Contains(body, "journal as") {
					t.Errorf("Dave sees a view of Frank's data:\n%s", body)
				}
			}},
	}
}

// sharingID reads a fixture id such as {orgDave}.
func sharingID(t *testing.T, f *webFixture, k string) int64 {
	t.Helper()
	v, err := strconv.ParseInt(f.extra["{"+k+"}"], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// sharingViews lists Northwind's view.member entries, newest first.
func sharingViews(t *testing.T, f *webFixture) []*ladder.AuditEntry {
	t.Helper()
	es, _, err := f.j.AuditLog.FindAudit(context.Background(), ladder.AuditFilter{OrgID: f.person(t, f.alice).OrgID, Action: ladder.AuditViewMember})
	if err != nil {
		t.Fatal(err)
	}
	return es
}

// sharingAudit checks that the request recorded one view by actor with
// detail.
func sharingAudit(actor, detail string) func(t *testing.T, f *webFixture, _ *httpResult) {
	return func(t *testing.T, f *webFixture, _ *httpResult) {
		t.Helper()
		es := sharingViews(t, f)
		if len(es) != 1 || es[0].ActorName != actor || es[0].Detail != detail || es[0].SubjectKind != ladder.AuditPerson {
			t.Errorf("views recorded %+v, want one by %s: %q", es, actor, detail)
		}
	}
}

// TestSharingWebScenarios runs sharingWebScenarios on both engines, each on
// a fresh fixture with sharingFixture's data.
func TestSharingWebScenarios(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s, j, auth := newServer(t, db)
		for _, sc := range sharingWebScenarios() {
			t.Run(sc.name, func(t *testing.T) {
				f := newWebFixture(t, s, j, auth)
				f.sharingFixture(t)
				runWebScenario(t, f, sc)
			})
		}
	})
}
