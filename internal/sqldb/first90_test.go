package sqldb_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// twoPeople creates "me" and "other".
func twoPeople(t *testing.T, db *sqldb.DB) (*sqldb.PersonService, *ladder.Person, *ladder.Person) {
	t.Helper()
	ps := sqldb.NewPersonService(db)
	me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
	for _, p := range []*ladder.Person{me, other} {
		if err := ps.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return ps, me, other
}

// bumps checks that change raises the person's data version.
func bumps(t *testing.T, ps *sqldb.PersonService, personID int64, what string, change func() error) {
	t.Helper()
	before, _ := ps.FindPersonByID(ctx, personID)
	if err := change(); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if after, _ := ps.FindPersonByID(ctx, personID); after.Version <= before.Version {
		t.Errorf("%s: version %d -> %d", what, before.Version, after.Version)
	}
}

func d(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestManagerRole(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps, me, other := twoPeople(t, db)
		ms := sqldb.NewManagerService(db, func(k string) bool { return k == "held-one-to-ones" || k == "gave-credit" })
		if _, err := ms.FindManagerRole(ctx, me.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("no record yet: %v", err)
		}
		role := &ladder.ManagerRole{PersonID: me.ID, Start: d("2026-03-02").Add(9 * time.Hour), TeamName: " Infrastructure ",
			TeamSize: 5, Title: "IT manager", Situation: "turnaround"}
		steps := []*ladder.First90Step{
			{Key: "one-to-ones", Phase: "days-1-30", Title: "Hold one-to-ones", Due: d("2026-03-06")},
			{Key: "roadmap", Phase: "days-61-90", Title: "Roadmap", Due: d("2026-05-12"), Emphasised: true},
		}
		bumps(t, ps, me.ID, "save", func() error { return ms.SaveManagerRole(ctx, role, steps) })
		got, err := ms.FindManagerRole(ctx, me.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.ManagerRole{PersonID: me.ID, Start: d("2026-03-02"), TeamName: "Infrastructure", TeamSize: 5,
			Title: "IT manager", Situation: "turnaround", CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("role (-want +got):\n%s", diff)
		}
		list, err := ms.FindFirst90Steps(ctx, me.ID)
		if err != nil || len(list) != 2 || list[0].Key != "one-to-ones" || !list[1].Emphasised || list[0].ID == 0 {
			t.Fatalf("steps %v %+v", err, list)
		}

		t.Run("Mark", func(t *testing.T) {
			st, err := ms.MarkFirst90Step(ctx, me.ID, list[0].ID, true, "met all five")
			if err != nil || !st.Done || !st.DoneAt.Equal(t0) || st.Note != "met all five" {
				t.Fatalf("%v %+v", err, st)
			}
			st, _ = ms.FindFirst90Step(ctx, me.ID, list[0].ID)
			if !st.Done || st.Note != "met all five" || !st.DoneAt.Equal(t0) {
				t.Errorf("stored %+v", st)
			}
			if st, _ := ms.MarkFirst90Step(ctx, me.ID, list[1].ID, false, ""); st.Done || !st.DoneAt.IsZero() {
				t.Errorf("not done %+v", st)
			}
		})
		t.Run("ReplaceKeepsUpdatesAdds", func(t *testing.T) {
			list, _ = ms.FindFirst90Steps(ctx, me.ID)
			kept := *list[0]
			kept.Due = d("2026-03-20")
			role.Start, role.Situation = d("2026-03-16"), "realignment"
			if err := ms.SaveManagerRole(ctx, role, []*ladder.First90Step{&kept,
				{Key: "stop-doing", Phase: "days-31-60", Title: "Stop", Due: d("2026-04-20")}}); err != nil {
				t.Fatal(err)
			}
			got, _ := ms.FindFirst90Steps(ctx, me.ID)
			if len(got) != 2 || got[0].ID != list[0].ID || !got[0].Done || got[0].Note != "met all five" ||
				!got[0].Due.Equal(d("2026-03-20")) || got[1].Key != "stop-doing" {
				t.Errorf("after replace %+v %+v", got[0], got[1])
			}
			if r, _ := ms.FindManagerRole(ctx, me.ID); r.Situation != "realignment" || !r.CreatedAt.Equal(t0) {
				t.Errorf("role after replace %+v", r)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, r := range []*ladder.ManagerRole{
				{PersonID: me.ID, Start: d("2026-03-02"), TeamName: "", TeamSize: 5, Title: "x", Situation: "turnaround"},
				{PersonID: me.ID, Start: d("2026-03-02"), TeamName: "T", TeamSize: 0, Title: "x", Situation: "turnaround"},
				{PersonID: me.ID, Start: d("2026-03-02"), TeamName: "T", TeamSize: 3, Title: "x", Situation: "moonshot"},
				{PersonID: me.ID, TeamName: "T", TeamSize: 3, Title: "x", Situation: "turnaround"},
			} {
				if err := ms.SaveManagerRole(ctx, r, nil); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", r, err)
				}
			}
			// A bad step refuses the whole save.
			bad := &ladder.ManagerRole{PersonID: me.ID, Start: d("2026-01-05"), TeamName: "T", TeamSize: 3, Title: "x", Situation: "start-up"}
			if err := ms.SaveManagerRole(ctx, bad, []*ladder.First90Step{{Key: "x", Phase: "p", Title: ""}}); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("bad step: %v", err)
			}
			if r, _ := ms.FindManagerRole(ctx, me.ID); r.Situation != "realignment" {
				t.Errorf("a refused save changed the role: %+v", r)
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := ms.FindFirst90Step(ctx, other.ID, list[0].ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			if _, err := ms.MarkFirst90Step(ctx, other.ID, list[0].ID, false, "mine now"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("mark: %v", err)
			}
			// Claiming another's step id in a save is not found, and the
			// other person's record is not created.
			theirs := &ladder.ManagerRole{PersonID: other.ID, Start: d("2026-03-02"), TeamName: "T", TeamSize: 2, Title: "Lead", Situation: "start-up"}
			stolen := *list[0]
			if err := ms.SaveManagerRole(ctx, theirs, []*ladder.First90Step{&stolen}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("save with another's step: %v", err)
			}
			if _, err := ms.FindManagerRole(ctx, other.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("a refused save stored a role: %v", err)
			}
			if st, _ := ms.FindFirst90Step(ctx, me.ID, list[0].ID); !st.Done || st.Note != "met all five" {
				t.Errorf("my step changed: %+v", st)
			}
		})
		t.Run("Trust", func(t *testing.T) {
			week := d("2026-03-02")
			bumps(t, ps, me.ID, "tick", func() error {
				return ms.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: me.ID, Week: week, Habits: []string{"held-one-to-ones", "gave-credit"}})
			})
			if err := ms.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: me.ID, Week: week.AddDate(0, 0, 7), Habits: []string{"gave-credit"}}); err != nil {
				t.Fatal(err)
			}
			if err := ms.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: other.ID, Week: week, Habits: []string{"gave-credit"}}); err != nil {
				t.Fatal(err)
			}
			ws, err := ms.FindTrustWeeks(ctx, me.ID, time.Time{}, time.Time{})
			if err != nil || len(ws) != 2 || !ws[0].Week.Equal(week) || !cmp.Equal(ws[0].Habits, []string{"gave-credit", "held-one-to-ones"}) {
				t.Fatalf("%v %+v", err, ws)
			}
			if ws, _ := ms.FindTrustWeeks(ctx, me.ID, week.AddDate(0, 0, 1), time.Time{}); len(ws) != 1 {
				t.Errorf("from: %+v", ws)
			}
			// Unticking everything empties the week.
			if err := ms.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: me.ID, Week: week}); err != nil {
				t.Fatal(err)
			}
			if ws, _ := ms.FindTrustWeeks(ctx, me.ID, time.Time{}, time.Time{}); len(ws) != 1 {
				t.Errorf("after unticking: %+v", ws)
			}
			for _, w := range []*ladder.TrustWeek{
				{PersonID: me.ID, Week: week.AddDate(0, 0, 2), Habits: []string{"gave-credit"}},
				{PersonID: me.ID, Week: week, Habits: []string{"bribery"}},
				{PersonID: me.ID, Week: week, Habits: []string{"gave-credit", "gave-credit"}},
			} {
				if err := ms.SetTrustWeek(ctx, w); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", w, err)
				}
			}
		})
		t.Run("Cascade", func(t *testing.T) {
			if err := ps.DeletePerson(ctx, me.ID); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"manager_roles", "first90_steps", "trust_checks WHERE person_id = " + strconv.FormatInt(me.ID, 10)} {
				var n int
				db.SQL().QueryRow(`SELECT COUNT(*) FROM ` + table).Scan(&n)
				if n != 0 {
					t.Errorf("%s: %d rows left", table, n)
				}
			}
		})
	})
}

func TestTeam(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps, me, other := twoPeople(t, db)
		ts := sqldb.NewTeamService(db)
		sam := &ladder.TeamMember{PersonID: me.ID, Name: " Sam Okafor ", Role: "Network engineer", Strengths: "Calm in incidents",
			Goals: "Lead a project", Concerns: "On-call load", NextOneToOne: d("2026-03-10").Add(15 * time.Hour)}
		bumps(t, ps, me.ID, "create member", func() error { return ts.CreateTeamMember(ctx, sam) })
		ann := &ladder.TeamMember{PersonID: me.ID, Name: "Ann Lee"}
		theirs := &ladder.TeamMember{PersonID: other.ID, Name: "Zed"}
		for _, m := range []*ladder.TeamMember{ann, theirs} {
			if err := ts.CreateTeamMember(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		got, err := ts.FindTeamMember(ctx, me.ID, sam.ID)
		want := &ladder.TeamMember{ID: sam.ID, PersonID: me.ID, Name: "Sam Okafor", Role: "Network engineer", Strengths: "Calm in incidents",
			Goals: "Lead a project", Concerns: "On-call load", NextOneToOne: d("2026-03-10"), CreatedAt: t0, UpdatedAt: t0}
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("member (-want +got):\n%s", diff)
		}
		if ms, _ := ts.FindTeamMembers(ctx, me.ID); len(ms) != 2 || ms[0].Name != "Ann Lee" {
			t.Errorf("by name, only mine: %+v", ms)
		}

		o := &ladder.OneToOne{PersonID: me.ID, MemberID: sam.ID, Date: d("2026-03-10"), Notes: "Talked about on-call.",
			Next: d("2026-03-24"), FollowUps: []ladder.FollowUp{{Text: "Share the rota draft", Due: d("2026-03-13")}, {Text: " Book a course "}}}
		bumps(t, ps, me.ID, "one-to-one", func() error { return ts.CreateOneToOne(ctx, o) })
		older := &ladder.OneToOne{PersonID: me.ID, MemberID: sam.ID, Date: d("2026-03-03"), Notes: "First meeting."}
		if err := ts.CreateOneToOne(ctx, older); err != nil {
			t.Fatal(err)
		}
		os, err := ts.FindOneToOnes(ctx, me.ID, sam.ID)
		if err != nil || len(os) != 2 || os[0].ID != o.ID || len(os[0].FollowUps) != 2 || os[0].FollowUps[1].Text != "Book a course" ||
			!os[0].FollowUps[0].Due.Equal(d("2026-03-13")) || os[0].FollowUps[0].MemberID != sam.ID || len(os[1].FollowUps) != 0 {
			t.Fatalf("%v %+v", err, os)
		}
		if m, _ := ts.FindTeamMember(ctx, me.ID, sam.ID); !m.NextOneToOne.Equal(d("2026-03-24")) {
			t.Errorf("next one-to-one not booked: %v", m.NextOneToOne)
		}
		if all, _ := ts.FindOneToOnes(ctx, me.ID, 0); len(all) != 2 {
			t.Errorf("all one-to-ones: %d", len(all))
		}
		open, _ := ts.FindOpenFollowUps(ctx, me.ID)
		if len(open) != 2 || open[0].Text != "Share the rota draft" || !open[1].Due.IsZero() {
			t.Errorf("open follow-ups, dated first: %+v", open)
		}
		fu, err := ts.SetFollowUpDone(ctx, me.ID, open[0].ID, true)
		if err != nil || !fu.Done || fu.MemberID != sam.ID {
			t.Fatalf("%v %+v", err, fu)
		}
		if open, _ := ts.FindOpenFollowUps(ctx, me.ID); len(open) != 1 {
			t.Errorf("after ticking: %+v", open)
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for _, m := range []*ladder.TeamMember{{PersonID: me.ID, Name: " "}, {PersonID: me.ID, Name: "X", Role: string(make([]byte, 201))}} {
				if err := ts.CreateTeamMember(ctx, m); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", m, err)
				}
			}
			for _, o := range []*ladder.OneToOne{
				{PersonID: me.ID, MemberID: sam.ID},
				{PersonID: me.ID, MemberID: sam.ID, Date: d("2026-03-10"), FollowUps: []ladder.FollowUp{{Text: " "}}},
				{PersonID: me.ID, MemberID: sam.ID, Date: d("2026-03-10"), Next: d("2026-03-01")},
			} {
				if err := ts.CreateOneToOne(ctx, o); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", o, err)
				}
			}
			if os, _ := ts.FindOneToOnes(ctx, me.ID, sam.ID); len(os) != 2 {
				t.Errorf("a refused one-to-one was saved: %d", len(os))
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := ts.FindTeamMember(ctx, other.ID, sam.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			stolen := *sam
			stolen.PersonID, stolen.Name = other.ID, "mine now"
			if err := ts.UpdateTeamMember(ctx, &stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := ts.DeleteTeamMember(ctx, other.ID, sam.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
			if err := ts.CreateOneToOne(ctx, &ladder.OneToOne{PersonID: other.ID, MemberID: sam.ID, Date: d("2026-03-11")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("one-to-one with another's member: %v", err)
			}
			if os, _ := ts.FindOneToOnes(ctx, other.ID, sam.ID); len(os) != 0 {
				t.Errorf("other sees my one-to-ones: %+v", os)
			}
			if _, err := ts.SetFollowUpDone(ctx, other.ID, open[1].ID, true); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("tick another's follow-up: %v", err)
			}
			if open, _ := ts.FindOpenFollowUps(ctx, me.ID); len(open) != 1 {
				t.Errorf("my follow-up changed: %+v", open)
			}
			if m, _ := ts.FindTeamMember(ctx, me.ID, sam.ID); m.Name != "Sam Okafor" {
				t.Errorf("my member changed: %+v", m)
			}
		})
		t.Run("UpdateAndDelete", func(t *testing.T) {
			sam.Concerns, sam.NextOneToOne = "", time.Time{}
			bumps(t, ps, me.ID, "update", func() error { return ts.UpdateTeamMember(ctx, sam) })
			if m, _ := ts.FindTeamMember(ctx, me.ID, sam.ID); m.Concerns != "" || !m.NextOneToOne.IsZero() || !m.CreatedAt.Equal(t0) {
				t.Errorf("%+v", m)
			}
			bumps(t, ps, me.ID, "delete", func() error { return ts.DeleteTeamMember(ctx, me.ID, sam.ID) })
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM one_to_one_follow_ups`).Scan(&n)
			if n != 0 {
				t.Errorf("%d follow-ups outlived their member", n)
			}
		})
	})
}

func TestStakeholdersAndDelegations(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		ps, me, other := twoPeople(t, db)
		ss, ds := sqldb.NewStakeholderService(db), sqldb.NewDelegationService(db)
		cfo := &ladder.Stakeholder{PersonID: me.ID, Name: "Dana Ruiz", Role: "CFO", Influence: 5, Interest: 2, Needs: "Costs she can predict",
			NextContact: d("2026-03-20")}
		bumps(t, ps, me.ID, "stakeholder", func() error { return ss.CreateStakeholder(ctx, cfo) })
		if got, err := ss.FindStakeholder(ctx, me.ID, cfo.ID); err != nil || got.Quadrant() != ladder.QuadrantKeepSatisfied ||
			!got.NextContact.Equal(d("2026-03-20")) || got.Needs != "Costs she can predict" {
			t.Errorf("%v %+v", err, got)
		}
		for _, bad := range []*ladder.Stakeholder{{PersonID: me.ID, Name: "X", Influence: 0, Interest: 3},
			{PersonID: me.ID, Name: "", Influence: 3, Interest: 3}, {PersonID: me.ID, Name: "X", Influence: 3, Interest: 6}} {
			if err := ss.CreateStakeholder(ctx, bad); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("%+v: %v", bad, err)
			}
		}
		cfo.Interest = 4
		if err := ss.UpdateStakeholder(ctx, cfo); err != nil {
			t.Fatal(err)
		}
		if got, _ := ss.FindStakeholders(ctx, me.ID); len(got) != 1 || got[0].Quadrant() != ladder.QuadrantManageClosely {
			t.Errorf("%+v", got)
		}

		items := []*ladder.Delegation{
			{PersonID: me.ID, Task: "Patch the file servers", Owner: "Sam", Status: ladder.DelegationDelegated, HoursPerWeek: 4},
			{PersonID: me.ID, Task: "Backup checks", HoursPerWeek: 2},
			{PersonID: me.ID, Task: "Firewall changes", Owner: "Ann", Status: ladder.DelegationHandingOver, HoursPerWeek: 3},
		}
		for _, it := range items {
			bumps(t, ps, me.ID, "delegation", func() error { return ds.CreateDelegation(ctx, it) })
		}
		got, err := ds.FindDelegations(ctx, me.ID)
		if err != nil || len(got) != 3 || got[0].Status != ladder.DelegationMine || got[1].Status != ladder.DelegationHandingOver ||
			got[2].Task != "Patch the file servers" {
			t.Fatalf("mine first: %v %+v", err, got)
		}
		for _, bad := range []*ladder.Delegation{{PersonID: me.ID, Task: "X", Status: "someday"},
			{PersonID: me.ID, Task: "X", HoursPerWeek: -1}, {PersonID: me.ID, Task: "X", Status: ladder.DelegationDelegated}} {
			if err := ds.CreateDelegation(ctx, bad); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("%+v: %v", bad, err)
			}
		}

		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := ss.FindStakeholder(ctx, other.ID, cfo.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			stolen := *cfo
			stolen.PersonID = other.ID
			if err := ss.UpdateStakeholder(ctx, &stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := ss.DeleteStakeholder(ctx, other.ID, cfo.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
			if _, err := ds.FindDelegation(ctx, other.ID, items[0].ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find delegation: %v", err)
			}
			mine := *items[1]
			mine.PersonID, mine.Status, mine.Owner = other.ID, ladder.DelegationDelegated, "Zed"
			if err := ds.UpdateDelegation(ctx, &mine); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update delegation: %v", err)
			}
			if err := ds.DeleteDelegation(ctx, other.ID, items[1].ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete delegation: %v", err)
			}
			if it, _ := ds.FindDelegation(ctx, me.ID, items[1].ID); it.Status != ladder.DelegationMine {
				t.Errorf("my item changed: %+v", it)
			}
		})
		t.Run("UpdateAndDelete", func(t *testing.T) {
			items[1].Status, items[1].Owner = ladder.DelegationHandingOver, "Ann"
			bumps(t, ps, me.ID, "update", func() error { return ds.UpdateDelegation(ctx, items[1]) })
			bumps(t, ps, me.ID, "delete", func() error { return ds.DeleteDelegation(ctx, me.ID, items[0].ID) })
			bumps(t, ps, me.ID, "delete stakeholder", func() error { return ss.DeleteStakeholder(ctx, me.ID, cfo.ID) })
			if got, _ := ds.FindDelegations(ctx, me.ID); len(got) != 2 || got[0].Status != ladder.DelegationHandingOver {
				t.Errorf("%+v", got)
			}
			if _, err := ss.FindStakeholder(ctx, me.ID, cfo.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("deleted stakeholder: %v", err)
			}
		})
	})
}
