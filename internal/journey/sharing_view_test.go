package journey_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// sharingViewFixture gives Max (a member) a target role, a rating, an
// evidence entry, a journal entry and a plan; Ada (programme admin)
// mentors him and Olga (owner) manages him. He shares readiness and his
// plan with his mentors, his journal with his manager.
func sharingViewFixture(t *testing.T, db *sqldb.DB) *orgJourneyFixture {
	t.Helper()
	f := newOrgJourneyFixture(t, db)
	j := f.j
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	start, target := "system-administrator", "it-manager"
	p, err := j.Persons.UpdatePerson(ctx, f.member.ID, ladder.PersonUpdate{StartRole: &start, TargetRole: &target})
	must(err)
	f.member = p
	done := time.Now().UTC().AddDate(0, 0, -7).Truncate(time.Second)
	must(j.Assessments.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: target,
		StartedAt: done, CompletedAt: done, Ratings: []ladder.Rating{{Competency: "delegation", Level: 3}}}))
	must(j.Evidence.CreateEvidence(ctx, &ladder.Evidence{PersonID: p.ID, Kind: ladder.EvidenceLedProject, Title: "Max's storage move",
		Start: done.AddDate(0, -3, 0), Competencies: []string{"delegation"}}))
	must(j.Journal.CreateJournalEntry(ctx, &ladder.JournalEntry{PersonID: p.ID, Date: done, Kind: ladder.JournalLesson, Title: "Max's private lesson"}))
	f.member, err = j.Persons.FindPersonByID(ctx, p.ID)
	must(err)
	_, err = j.GeneratePlan(ctx, f.member, journey.PlanOptions{Months: 6})
	must(err)
	must(j.SetOrgMentor(ctx, f.owner, f.admin.ID, f.member.ID, false))
	_, err = j.UpdateOrgMember(ctx, f.owner, f.member.ID, ladder.OrgMemberUpdate{ManagerID: &f.owner.ID})
	must(err)
	_, err = j.SetSharing(ctx, f.member, map[string]ladder.ShareSet{
		ladder.AudienceMentor:  {ladder.ShareReadiness, ladder.SharePlan},
		ladder.AudienceManager: {ladder.ShareJournal},
	})
	must(err)
	return f
}

// TestMemberView: each viewer gets exactly the parts shared with their
// audiences, every view is in the audit log (a view of nothing too), and
// the member reads those entries on their sharing page.
func TestMemberView(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := sharingViewFixture(t, db)
		j := f.j
		ada, err := j.MemberView(ctx, f.admin, f.member.ID)
		if err != nil {
			t.Fatal(err)
		}
		if ada.Readiness == nil || ada.Target.Slug != "it-manager" || ada.Plan == nil || ada.Progress.Total == 0 {
			t.Errorf("Ada lacks readiness or the plan: %+v", ada)
		}
		if ada.Gaps != nil || ada.Evidence != nil || ada.Journal != nil {
			t.Errorf("Ada sees what is not shared with her: gaps %v evidence %v journal %v", ada.Gaps, ada.Evidence, ada.Journal)
		}
		olga, err := j.MemberView(ctx, f.owner, f.member.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(olga.Journal) != 1 || olga.Journal[0].Title != "Max's private lesson" || olga.JournalTotal != 1 {
			t.Errorf("Olga's journal %+v", olga.Journal)
		}
		if olga.Readiness != nil || olga.Plan != nil || olga.Evidence != nil {
			t.Errorf("Olga sees what is not shared with her: %+v", olga)
		}
		// Max shares nothing with programme admins: Ada looking at Olga
		// sees nothing, and the look is recorded all the same.
		none, err := j.MemberView(ctx, f.admin, f.owner.ID)
		if err != nil || len(none.Relation.Shared) != 0 || none.Readiness != nil || none.Journal != nil {
			t.Errorf("a view of nothing: %v %+v", err, none)
		}

		for _, tc := range []struct {
			name  string
			actor *ladder.Person
			id    int64
			code  string
		}{
			{"plain member", f.member, f.admin.ID, ladder.EFORBIDDEN},
			{"other organisation", f.zed, f.member.ID, ladder.ENOTFOUND},
			{"unknown", f.owner, 1 << 40, ladder.ENOTFOUND},
			{"no organisation", f.loner, f.member.ID, ladder.ENOTFOUND},
			{"oneself", f.member, f.member.ID, ladder.EINVALID},
		} {
			if _, err := j.MemberView(ctx, tc.actor, tc.id); ladder.ErrorCode(err) != tc.code {
				t.Errorf("%s: %v, want %s", tc.name, err, tc.code)
			}
		}

		es, _, err := j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: f.north.ID, Action: ladder.AuditViewMember})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, e := range es {
			got = append(got, e.ActorName+" > "+e.SubjectName+": "+e.Detail)
		}
		want := []string{
			"Ada > Olga: saw nothing as programme admin",
			"Olga > Max: saw journal as manager and programme admin",
			"Ada > Max: saw readiness, plan as mentor and programme admin",
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("audit (-want +got):\n%s", diff)
		}

		s, err := j.SharingSettings(ctx, f.member, 10)
		if err != nil {
			t.Fatal(err)
		}
		wantWho := map[string][]string{ladder.AudienceMentor: {"Ada"}, ladder.AudienceManager: {"Olga"}, ladder.AudienceAdmins: {"Ada", "Olga"}}
		if diff := cmp.Diff(wantWho, s.Who); diff != "" {
			t.Errorf("who (-want +got):\n%s", diff)
		}
		if s.ViewsTotal != 2 || len(s.Views) != 2 || s.Views[0].ActorName != "Olga" || s.Org.Name != "Northwind" ||
			!s.Sharing.For(ladder.AudienceManager).Has(ladder.ShareJournal) {
			t.Errorf("settings %+v, views %+v", s, s.Views)
		}
		if s, err := j.SharingSettings(ctx, f.owner, 10); err != nil || s.ViewsTotal != 1 || !slices.Equal(s.Who[ladder.AudienceAdmins], []string{"Ada"}) {
			t.Errorf("Olga's settings %v %+v", err, s)
		}
		if _, err := j.SharingSettings(ctx, f.loner, 10); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a person in no organisation: %v", err)
		}
	})
}

// TestPeopleISupport: mentees and reports with what they share with the
// viewer; programme admins also through their role.
func TestPeopleISupport(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := sharingViewFixture(t, db)
		describe := func(actor *ladder.Person) string {
			t.Helper()
			ss, admin, err := f.j.PeopleISupport(ctx, actor)
			if err != nil {
				t.Fatal(err)
			}
			var rows []string
			for _, s := range ss {
				rows = append(rows, s.Member.Name+" as "+strings.Join(s.Audiences, "+")+": "+s.Shared.String())
			}
			return strings.Join(rows, "; ") + map[bool]string{true: " [admin]"}[admin]
		}
		for actor, want := range map[*ladder.Person]string{
			f.admin:  "Max as mentor+programme_admins: readiness, plan [admin]",
			f.owner:  "Max as manager+programme_admins: journal [admin]",
			f.member: "",
			f.zed:    " [admin]",
		} {
			if got := describe(actor); got != want {
				t.Errorf("%s supports %q, want %q", actor.Name, got, want)
			}
		}
		if _, _, err := f.j.PeopleISupport(ctx, f.loner); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a person in no organisation: %v", err)
		}
	})
}

func TestTallyPlan(t *testing.T) {
	today := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
	pl := &ladder.Plan{Goals: []ladder.Goal{
		{Done: true, Actions: []ladder.PlanAction{{Done: true, Due: today.AddDate(0, -1, 0)}, {Dropped: true, Due: today.AddDate(0, -1, 0)}}},
		{Actions: []ladder.PlanAction{{Due: today.AddDate(0, 0, -1)}, {Due: today}, {Due: today.AddDate(0, 1, 0)}}},
	}}
	if got, want := journey.TallyPlan(pl, today), (journey.PlanTally{Done: 1, Total: 4, Overdue: 1, GoalsDone: 1, Goals: 2}); got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}

// TestRoleMayAgreesWithCan: the organisation's tabs decide with RoleMay,
// which must say what Can says for a member in their own organisation.
func TestRoleMayAgreesWithCan(t *testing.T) {
	f := newOrgJourneyFixture(t, sqldbtest.Open(t, sqldb.SQLite))
	for _, actor := range []*ladder.Person{f.owner, f.admin, f.member} {
		m, err := f.j.OrgOf(ctx, actor)
		if err != nil {
			t.Fatal(err)
		}
		for _, act := range ladder.OrgActions {
			can := f.j.Can(ctx, actor, act, ladder.OrgSubject(m.OrgID)) == nil
			if got := journey.RoleMay(m.Role, act); got != can {
				t.Errorf("%s %s: RoleMay %v, Can %v", m.Role, act, got, can)
			}
		}
	}
	if journey.RoleMay(ladder.OrgRoleOwner, "org.unknown") {
		t.Error("an unknown action is allowed")
	}
}
