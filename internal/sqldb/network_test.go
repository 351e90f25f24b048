package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// alicePlusBob creates alice and bob.
func alicePlusBob(t *testing.T, db *sqldb.DB) (alice, bob *ladder.Person) {
	t.Helper()
	ps := sqldb.NewPersonService(db)
	alice, bob = &ladder.Person{Name: "Alice", Email: "alice@example.com"}, &ladder.Person{Name: "Bob", Email: "bob@example.com"}
	for _, p := range []*ladder.Person{alice, bob} {
		if err := ps.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	return alice, bob
}

// versionOf returns a person's data version, which every write must bump.
func versionOf(t *testing.T, db *sqldb.DB, id int64) int64 {
	t.Helper()
	p, err := sqldb.NewPersonService(db).FindPersonByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Version
}

func wantNetCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	if got := ladder.ErrorCode(err); got != code {
		t.Errorf("%s: code %q (%v), want %q", what, got, err, code)
	}
}

func knownCriterion(k string) bool { return k == "approachable" || k == "willing-to-share" }

func TestMentors(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		alice, bob := alicePlusBob(t, db)
		ms := sqldb.NewMentorService(db, defaultModel, knownCriterion)
		v := versionOf(t, db, alice.ID)
		m := &ladder.Mentor{PersonID: alice.ID, Name: " Dana Ruiz ", Organisation: "Northwind", Role: "Head of IT",
			Background: "Ran a 12-person infrastructure team.", Strengths: []string{"budgeting", "delegation", "budgeting"},
			Contact: "dana@example.com", Criteria: []string{"willing-to-share", "approachable"}}
		if err := ms.CreateMentor(ctx, m); err != nil {
			t.Fatal(err)
		}
		if versionOf(t, db, alice.ID) == v {
			t.Error("creating a mentor did not bump the data version")
		}
		got, err := ms.FindMentor(ctx, alice.ID, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Mentor{ID: m.ID, PersonID: alice.ID, Name: "Dana Ruiz", Organisation: "Northwind", Role: "Head of IT",
			Background: "Ran a 12-person infrastructure team.", Strengths: []string{"budgeting", "delegation"},
			Contact: "dana@example.com", Status: ladder.MentorActive, Criteria: []string{"approachable", "willing-to-share"},
			CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		got.Status, got.Criteria, got.Inside = ladder.MentorPaused, nil, true
		if err := ms.UpdateMentor(ctx, got); err != nil {
			t.Fatal(err)
		}
		if again, _ := ms.FindMentor(ctx, alice.ID, m.ID); again.Status != ladder.MentorPaused || len(again.Criteria) != 0 || !again.Inside || !again.CreatedAt.Equal(t0) {
			t.Errorf("after update: %+v", again)
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for name, bad := range map[string]*ladder.Mentor{
				"name":      {PersonID: alice.ID},
				"status":    {PersonID: alice.ID, Name: "X", Status: "retired"},
				"strengths": {PersonID: alice.ID, Name: "X", Strengths: []string{"juggling"}},
				"criteria":  {PersonID: alice.ID, Name: "X", Criteria: []string{"famous"}},
			} {
				err := ms.CreateMentor(ctx, bad)
				wantNetCode(t, name, err, ladder.EINVALID)
				if e, ok := err.(*ladder.Error); !ok || e.Fields[name] == "" {
					t.Errorf("%s: %v does not name the field", name, err)
				}
			}
		})
		t.Run("ErrOtherPerson", func(t *testing.T) {
			_, err := ms.FindMentor(ctx, bob.ID, m.ID)
			wantNetCode(t, "find", err, ladder.ENOTFOUND)
			if list, _ := ms.FindMentors(ctx, bob.ID); len(list) != 0 {
				t.Errorf("Bob sees %d mentors", len(list))
			}
			upd := *got
			upd.PersonID, upd.Name = bob.ID, "Taken"
			wantNetCode(t, "update", ms.UpdateMentor(ctx, &upd), ladder.ENOTFOUND)
			wantNetCode(t, "delete", ms.DeleteMentor(ctx, bob.ID, m.ID), ladder.ENOTFOUND)
			wantNetCode(t, "session", ms.CreateMentoringSession(ctx, &ladder.MentoringSession{PersonID: bob.ID, MentorID: m.ID,
				Date: t0}), ladder.ENOTFOUND)
			if still, err := ms.FindMentor(ctx, alice.ID, m.ID); err != nil || still.Name != "Dana Ruiz" {
				t.Errorf("Alice's mentor changed: %v %+v", err, still)
			}
		})
	})
}

func TestMentoringSessions(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		alice, bob := alicePlusBob(t, db)
		ms := sqldb.NewMentorService(db, defaultModel, knownCriterion)
		m := &ladder.Mentor{PersonID: alice.ID, Name: "Dana"}
		if err := ms.CreateMentor(ctx, m); err != nil {
			t.Fatal(err)
		}
		day := time.Date(2026, 4, 20, 15, 0, 0, 0, time.UTC)
		held := &ladder.MentoringSession{PersonID: alice.ID, MentorID: m.ID, Date: day, Status: ladder.SessionHeld,
			Agenda: "Budget season", Notes: "Start from last year's actuals.",
			Actions: []ladder.AgreedAction{{Text: "Draft next year's licence budget", Competency: "budgeting"}, {Text: " Ask finance for the template "}}}
		if err := ms.CreateMentoringSession(ctx, held); err != nil {
			t.Fatal(err)
		}
		planned := &ladder.MentoringSession{PersonID: alice.ID, MentorID: m.ID, Date: day.AddDate(0, 0, 14)}
		if err := ms.CreateMentoringSession(ctx, planned); err != nil {
			t.Fatal(err)
		}
		list, err := ms.FindMentoringSessions(ctx, alice.ID, m.ID)
		if err != nil || len(list) != 2 || list[0].ID != planned.ID || list[0].Status != ladder.SessionPlanned {
			t.Fatalf("newest first: %v %+v", err, list)
		}
		got := list[1]
		want := &ladder.MentoringSession{ID: held.ID, PersonID: alice.ID, MentorID: m.ID, Date: ladder.Day(day), Agenda: "Budget season",
			Notes: "Start from last year's actuals.", Status: ladder.SessionHeld, MentorName: "Dana", CreatedAt: t0, UpdatedAt: t0,
			Actions: []ladder.AgreedAction{
				{ID: held.Actions[0].ID, SessionID: held.ID, Text: "Draft next year's licence budget", Competency: "budgeting"},
				{ID: held.Actions[1].ID, SessionID: held.ID, Text: "Ask finance for the template"}}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		extra := &ladder.AgreedAction{SessionID: held.ID, Text: "Shadow the budget review"}
		if err := ms.AddAgreedAction(ctx, alice.ID, extra); err != nil {
			t.Fatal(err)
		}
		if s, _ := ms.FindMentoringSession(ctx, alice.ID, held.ID); len(s.Actions) != 3 || s.Actions[2].ID != extra.ID {
			t.Errorf("added action not last: %+v", s.Actions)
		}
		planned.Status, planned.Notes = ladder.SessionHeld, "Went well"
		if err := ms.UpdateMentoringSession(ctx, planned); err != nil {
			t.Fatal(err)
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for field, bad := range map[string]*ladder.MentoringSession{
				"date":    {PersonID: alice.ID, MentorID: m.ID},
				"status":  {PersonID: alice.ID, MentorID: m.ID, Date: day, Status: "cancelled"},
				"actions": {PersonID: alice.ID, MentorID: m.ID, Date: day, Actions: []ladder.AgreedAction{{Text: "x", Competency: "juggling"}}},
			} {
				err := ms.CreateMentoringSession(ctx, bad)
				if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[field] == "" {
					t.Errorf("%s: %v", field, err)
				}
			}
			wantNetCode(t, "empty action", ms.AddAgreedAction(ctx, alice.ID, &ladder.AgreedAction{SessionID: held.ID, Text: " "}), ladder.EINVALID)
			wantNetCode(t, "unknown competency", ms.AddAgreedAction(ctx, alice.ID, &ladder.AgreedAction{SessionID: held.ID, Text: "x", Competency: "juggling"}), ladder.EINVALID)
		})
		t.Run("ErrOtherPerson", func(t *testing.T) {
			_, err := ms.FindMentoringSession(ctx, bob.ID, held.ID)
			wantNetCode(t, "find", err, ladder.ENOTFOUND)
			upd := *held
			upd.PersonID = bob.ID
			wantNetCode(t, "update", ms.UpdateMentoringSession(ctx, &upd), ladder.ENOTFOUND)
			wantNetCode(t, "delete", ms.DeleteMentoringSession(ctx, bob.ID, held.ID), ladder.ENOTFOUND)
			wantNetCode(t, "add action", ms.AddAgreedAction(ctx, bob.ID, &ladder.AgreedAction{SessionID: held.ID, Text: "x"}), ladder.ENOTFOUND)
			_, err = ms.FindAgreedAction(ctx, bob.ID, extra.ID)
			wantNetCode(t, "find action", err, ladder.ENOTFOUND)
			wantNetCode(t, "delete action", ms.DeleteAgreedAction(ctx, bob.ID, extra.ID), ladder.ENOTFOUND)
			if list, _ := ms.FindMentoringSessions(ctx, bob.ID, 0); len(list) != 0 {
				t.Errorf("Bob sees %d sessions", len(list))
			}
		})
		if err := ms.DeleteAgreedAction(ctx, alice.ID, extra.ID); err != nil {
			t.Fatal(err)
		}
		if err := ms.DeleteMentor(ctx, alice.ID, m.ID); err != nil {
			t.Fatal(err)
		}
		if list, _ := ms.FindMentoringSessions(ctx, alice.ID, 0); len(list) != 0 {
			t.Errorf("sessions outlived their mentor: %+v", list)
		}
	})
}

// TestAgreedActionToPlan: the plan and the link are written together, and
// once only.
func TestAgreedActionToPlan(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		alice, bob := alicePlusBob(t, db)
		ms := sqldb.NewMentorService(db, defaultModel, knownCriterion)
		plans := sqldb.NewPlanService(db)
		m := &ladder.Mentor{PersonID: alice.ID, Name: "Dana"}
		if err := ms.CreateMentor(ctx, m); err != nil {
			t.Fatal(err)
		}
		s := &ladder.MentoringSession{PersonID: alice.ID, MentorID: m.ID, Date: t0, Actions: []ladder.AgreedAction{{Text: "Own a budget line"}}}
		if err := ms.CreateMentoringSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		agreed := s.Actions[0].ID
		newPlan := func(p *ladder.Person) *ladder.Plan {
			return &ladder.Plan{PersonID: p.ID, TargetRole: "it-manager", Start: t0, End: t0.AddDate(1, 0, 0), GeneratedAt: t0,
				Goals: []ladder.Goal{{Competency: "budgeting", Specific: "s", Measure: "m", Why: "w", Achievable: "a", TargetLevel: 3, TargetDate: t0.AddDate(1, 0, 0)}}}
		}
		withAction := func(pl *ladder.Plan) *ladder.Plan {
			pl.Goals[0].Actions = append(pl.Goals[0].Actions, ladder.PlanAction{Title: "Own a budget line", Kind: ladder.Kind70,
				DoneWhen: "done", EffortHours: 4, Due: t0.AddDate(0, 1, 0)})
			return pl
		}
		pl := newPlan(alice)
		if err := plans.SavePlan(ctx, pl); err != nil {
			t.Fatal(err)
		}
		wantNetCode(t, "bob's agreed action", ms.AddAgreedActionToPlan(ctx, agreed, withAction(newPlan(bob)), 0, 0), ladder.ENOTFOUND)
		if _, err := plans.FindPlan(ctx, bob.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("a refused link saved Bob a plan: %v", err)
		}
		if err := ms.AddAgreedActionToPlan(ctx, agreed, withAction(pl), 0, 0); err != nil {
			t.Fatal(err)
		}
		a, err := ms.FindAgreedAction(ctx, alice.ID, agreed)
		if err != nil || a.PlanActionID == 0 || a.PlanActionID != pl.Goals[0].Actions[0].ID {
			t.Fatalf("link: %v %+v, plan action %d", err, a, pl.Goals[0].Actions[0].ID)
		}
		again, err := plans.FindPlan(ctx, alice.ID)
		if err != nil {
			t.Fatal(err)
		}
		wantNetCode(t, "twice", ms.AddAgreedActionToPlan(ctx, agreed, withAction(again), 0, 1), ladder.ECONFLICT)
		if stored, _ := plans.FindPlan(ctx, alice.ID); len(stored.Goals[0].Actions) != 1 {
			t.Errorf("the refused second add wrote the plan: %d actions", len(stored.Goals[0].Actions))
		}
		// Dropping the plan action's goal from the plan frees the link.
		stored, _ := plans.FindPlan(ctx, alice.ID)
		stored.Goals[0].Actions = nil
		if err := plans.SavePlan(ctx, stored); err != nil {
			t.Fatal(err)
		}
		if a, _ := ms.FindAgreedAction(ctx, alice.ID, agreed); a.PlanActionID != 0 {
			t.Errorf("link to a deleted plan action: %+v", a)
		}
	})
}

func knownOrg(k string) bool { return k == "pmi" || k == "isaca" }

func TestContacts(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		alice, bob := alicePlusBob(t, db)
		ns := sqldb.NewNetworkService(db, knownOrg)
		day := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
		later := &ladder.Contact{PersonID: alice.ID, Name: "Zoe", NextContact: day.AddDate(0, 0, 10)}
		none := &ladder.Contact{PersonID: alice.ID, Name: "Amir"}
		soon := &ladder.Contact{PersonID: alice.ID, Name: " Priya Shah ", Organisation: "Contoso", Title: "IT director",
			WhereMet: "ISACA chapter meeting", HowHelp: "Has run audits", Reach: "LinkedIn", LastContact: day.Add(-48 * time.Hour),
			NextContact: day.Add(15 * time.Hour), Notes: "Prefers mornings"}
		for _, c := range []*ladder.Contact{later, none, soon} {
			if err := ns.CreateContact(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		list, err := ns.FindContacts(ctx, alice.ID)
		if err != nil || len(list) != 3 || list[0].ID != soon.ID || list[1].ID != later.ID || list[2].ID != none.ID {
			t.Fatalf("follow-ups first, soonest first: %v %+v", err, list)
		}
		want := &ladder.Contact{ID: soon.ID, PersonID: alice.ID, Name: "Priya Shah", Organisation: "Contoso", Title: "IT director",
			WhereMet: "ISACA chapter meeting", HowHelp: "Has run audits", Reach: "LinkedIn", LastContact: day.AddDate(0, 0, -2),
			NextContact: day, Notes: "Prefers mornings", CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, list[0]); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		list[0].NextContact = time.Time{}
		if err := ns.UpdateContact(ctx, list[0]); err != nil {
			t.Fatal(err)
		}
		if c, _ := ns.FindContact(ctx, alice.ID, soon.ID); !c.NextContact.IsZero() || !c.CreatedAt.Equal(t0) {
			t.Errorf("after update: %+v", c)
		}
		err = ns.CreateContact(ctx, &ladder.Contact{PersonID: alice.ID, Name: " "})
		if e, ok := err.(*ladder.Error); !ok || e.Fields["name"] == "" {
			t.Errorf("no name: %v", err)
		}
		t.Run("ErrOtherPerson", func(t *testing.T) {
			_, err := ns.FindContact(ctx, bob.ID, soon.ID)
			wantNetCode(t, "find", err, ladder.ENOTFOUND)
			upd := *soon
			upd.PersonID = bob.ID
			wantNetCode(t, "update", ns.UpdateContact(ctx, &upd), ladder.ENOTFOUND)
			wantNetCode(t, "delete", ns.DeleteContact(ctx, bob.ID, soon.ID), ladder.ENOTFOUND)
			if list, _ := ns.FindContacts(ctx, bob.ID); len(list) != 0 {
				t.Errorf("Bob sees %d contacts", len(list))
			}
		})
		v := versionOf(t, db, alice.ID)
		if err := ns.DeleteContact(ctx, alice.ID, none.ID); err != nil {
			t.Fatal(err)
		}
		if versionOf(t, db, alice.ID) == v {
			t.Error("deleting a contact did not bump the data version")
		}
	})
}

func TestMemberships(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		alice, bob := alicePlusBob(t, db)
		ns := sqldb.NewNetworkService(db, knownOrg)
		since := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
		pmi := &ladder.Membership{PersonID: alice.ID, OrgKey: "pmi", Status: ladder.MembershipMember, Since: since, Renewal: since.AddDate(1, 0, 0)}
		isaca := &ladder.Membership{PersonID: alice.ID, OrgKey: "isaca"}
		local := &ladder.Membership{PersonID: alice.ID, Name: "Leeds IT leaders meetup", Status: ladder.MembershipLapsed}
		for _, m := range []*ladder.Membership{isaca, local, pmi} {
			if err := ns.CreateMembership(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		list, err := ns.FindMemberships(ctx, alice.ID)
		if err != nil || len(list) != 3 || list[0].ID != pmi.ID || list[1].Status != ladder.MembershipConsidering || list[2].ID != local.ID {
			t.Fatalf("members first: %v %+v", err, list)
		}
		if !list[0].Renewal.Equal(since.AddDate(1, 0, 0)) || !list[0].Since.Equal(since) {
			t.Errorf("dates: %+v", list[0])
		}
		err = ns.CreateMembership(ctx, &ladder.Membership{PersonID: alice.ID, OrgKey: "pmi"})
		wantNetCode(t, "second PMI", err, ladder.ECONFLICT)
		if err := ns.CreateMembership(ctx, &ladder.Membership{PersonID: bob.ID, OrgKey: "pmi"}); err != nil {
			t.Errorf("Bob may join PMI too: %v", err)
		}
		for field, bad := range map[string]*ladder.Membership{
			"organisation": {PersonID: alice.ID, OrgKey: "rotary"},
			"status":       {PersonID: alice.ID, Name: "Club", Status: "honorary"},
			"renewal":      {PersonID: alice.ID, Name: "Club", Since: since, Renewal: since.AddDate(0, -1, 0)},
		} {
			err := ns.CreateMembership(ctx, bad)
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[field] == "" {
				t.Errorf("%s: %v", field, err)
			}
		}
		isaca.Status = ladder.MembershipMember
		if err := ns.UpdateMembership(ctx, isaca); err != nil {
			t.Fatal(err)
		}
		upd := *isaca
		upd.PersonID = bob.ID
		wantNetCode(t, "update Bob's", ns.UpdateMembership(ctx, &upd), ladder.ENOTFOUND)
		wantNetCode(t, "delete Bob's", ns.DeleteMembership(ctx, bob.ID, isaca.ID), ladder.ENOTFOUND)
		_, err = ns.FindMembership(ctx, bob.ID, isaca.ID)
		wantNetCode(t, "find Bob's", err, ladder.ENOTFOUND)
		if err := ns.DeleteMembership(ctx, alice.ID, isaca.ID); err != nil {
			t.Fatal(err)
		}
	})
}

func TestNetworkEvents(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		alice, bob := alicePlusBob(t, db)
		ns := sqldb.NewNetworkService(db, knownOrg)
		priya := &ladder.Contact{PersonID: alice.ID, Name: "Priya"}
		bobs := &ladder.Contact{PersonID: bob.ID, Name: "Bob's friend"}
		for _, c := range []*ladder.Contact{priya, bobs} {
			if err := ns.CreateContact(ctx, c); err != nil {
				t.Fatal(err)
			}
		}
		day := time.Date(2026, 6, 10, 0, 0, 0, 0, time.UTC)
		e := &ladder.NetworkEvent{PersonID: alice.ID, Name: "ITSM Summit", Date: day, Location: "Manchester",
			ContactIDs: []int64{priya.ID, priya.ID}}
		if err := ns.CreateNetworkEvent(ctx, e); err != nil {
			t.Fatal(err)
		}
		got, err := ns.FindNetworkEvent(ctx, alice.ID, e.ID)
		if err != nil || got.Status != ladder.EventPlanned || !cmp.Equal(got.ContactIDs, []int64{priya.ID}) || !got.Date.Equal(day) {
			t.Fatalf("%v %+v", err, got)
		}
		got.ContactIDs = append(got.ContactIDs, bobs.ID)
		err = ns.UpdateNetworkEvent(ctx, got)
		if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields["contacts"] == "" {
			t.Errorf("Bob's contact at Alice's event: %v", err)
		}
		if still, _ := ns.FindNetworkEvent(ctx, alice.ID, e.ID); len(still.ContactIDs) != 1 {
			t.Errorf("a refused update changed the contacts: %+v", still.ContactIDs)
		}
		err = ns.CreateNetworkEvent(ctx, &ladder.NetworkEvent{PersonID: alice.ID, Name: "X", Date: day, ContactIDs: []int64{bobs.ID}})
		wantNetCode(t, "create with Bob's contact", err, ladder.EINVALID)
		if list, _ := ns.FindNetworkEvents(ctx, alice.ID); len(list) != 1 {
			t.Errorf("a refused event was stored: %d", len(list))
		}
		for field, bad := range map[string]*ladder.NetworkEvent{
			"name":   {PersonID: alice.ID, Date: day},
			"date":   {PersonID: alice.ID, Name: "X"},
			"status": {PersonID: alice.ID, Name: "X", Date: day, Status: "maybe"},
		} {
			err := ns.CreateNetworkEvent(ctx, bad)
			if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.EINVALID || e.Fields[field] == "" {
				t.Errorf("%s: %v", field, err)
			}
		}
		got.ContactIDs, got.Status = nil, ladder.EventAttended
		if err := ns.UpdateNetworkEvent(ctx, got); err != nil {
			t.Fatal(err)
		}
		upd := *got
		upd.PersonID = bob.ID
		wantNetCode(t, "update Bob's", ns.UpdateNetworkEvent(ctx, &upd), ladder.ENOTFOUND)
		wantNetCode(t, "delete Bob's", ns.DeleteNetworkEvent(ctx, bob.ID, e.ID), ladder.ENOTFOUND)
		_, err = ns.FindNetworkEvent(ctx, bob.ID, e.ID)
		wantNetCode(t, "find Bob's", err, ladder.ENOTFOUND)
		// A contact deleted leaves the events where they were met.
		e2 := &ladder.NetworkEvent{PersonID: alice.ID, Name: "Meetup", Date: day, ContactIDs: []int64{priya.ID}}
		if err := ns.CreateNetworkEvent(ctx, e2); err != nil {
			t.Fatal(err)
		}
		if err := ns.DeleteContact(ctx, alice.ID, priya.ID); err != nil {
			t.Fatal(err)
		}
		if ev, _ := ns.FindNetworkEvent(ctx, alice.ID, e2.ID); len(ev.ContactIDs) != 0 {
			t.Errorf("deleted contact still linked: %+v", ev.ContactIDs)
		}
	})
}
