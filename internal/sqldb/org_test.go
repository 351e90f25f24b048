package sqldb_test

import (
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// orgTestPeople creates persons with the given names (emails name@example.com).
func orgTestPeople(t *testing.T, db *sqldb.DB, names ...string) []*ladder.Person {
	t.Helper()
	ps := sqldb.NewPersonService(db)
	var out []*ladder.Person
	for _, n := range names {
		p := &ladder.Person{Name: n, Email: strings.ToLower(n) + "@example.com"}
		if err := ps.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func orgWantCode(t *testing.T, err error, code, field string) {
	t.Helper()
	if ladder.ErrorCode(err) != code {
		t.Fatalf("error %v (%s), want %s", err, ladder.ErrorCode(err), code)
	}
	if field != "" {
		if e, _ := err.(*ladder.Error); e == nil || e.Fields[field] == "" {
			t.Fatalf("error %v does not name field %q", err, field)
		}
	}
}

// orgAuditActions lists the actions of an organisation's log, oldest first.
func orgAuditActions(t *testing.T, db *sqldb.DB, orgID int64) []string {
	t.Helper()
	es, _, err := sqldb.NewAuditService(db).FindAudit(ctx, ladder.AuditFilter{OrgID: orgID})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(es) - 1; i >= 0; i-- {
		out = append(out, es[i].Action)
	}
	return out
}

func TestOrganisations(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		s := sqldb.NewOrgService(db)
		ps := orgTestPeople(t, db, "Olga", "Zed", "Mia")
		olga, zed, mia := ps[0], ps[1], ps[2]
		o := &ladder.Organisation{Name: "Northwind IT", Domains: []string{" Northwind.example ", "nw.example", "nw.example"}}
		if err := s.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindOrganisation(ctx, o.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Organisation{ID: o.ID, Name: "Northwind IT", Slug: "northwind-it", Domains: []string{"northwind.example", "nw.example"},
			Anonymity: ladder.OrgAnonymity(anonymity.DefaultMinimums()), CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		m, err := s.FindOrgMember(ctx, 0, olga.ID)
		if err != nil || m.Role != ladder.OrgRoleOwner || m.OrgID != o.ID {
			t.Fatalf("owner membership: %v %+v", err, m)
		}
		if p, _ := sqldb.NewPersonService(db).FindPersonByID(ctx, olga.ID); p.OrgID != o.ID {
			t.Errorf("persons.org_id %d, want %d", p.OrgID, o.ID)
		}

		t.Run("ErrOnePerPerson", func(t *testing.T) {
			orgWantCode(t, s.CreateOrganisation(ctx, olga.ID, &ladder.Organisation{Name: "Second"}), ladder.ECONFLICT, "")
		})
		t.Run("ErrSlugTaken", func(t *testing.T) {
			orgWantCode(t, s.CreateOrganisation(ctx, zed.ID, &ladder.Organisation{Name: "Northwind  IT!"}), ladder.ECONFLICT, "slug")
		})
		t.Run("ErrDomainOfAnother", func(t *testing.T) {
			orgWantCode(t, s.CreateOrganisation(ctx, zed.ID, &ladder.Organisation{Name: "Contoso", Domains: []string{"nw.example"}}),
				ladder.ECONFLICT, "domains")
			if _, err := s.FindOrgMember(ctx, 0, zed.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("a refused organisation left a membership: %v", err)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for field, org := range map[string]*ladder.Organisation{
				"name":    {Name: " "},
				"slug":    {Name: "x", Slug: "Not A Slug"},
				"domains": {Name: "x", Domains: []string{"not a domain"}},
				// An anonymous group of one would show one rater's answers.
				"min_peer":    {Name: "x", Anonymity: ladder.OrgAnonymity{Manager: 1, Peer: 1, Report: 3, Stakeholder: 3, Others: 4, NameManager: true}},
				"min_manager": {Name: "x", Anonymity: ladder.OrgAnonymity{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 4}},
				"min_others":  {Name: "x", Anonymity: ladder.OrgAnonymity{Manager: 1, Peer: 3, Report: 3, Stakeholder: 3, Others: 51, NameManager: true}},
			} {
				orgWantCode(t, s.CreateOrganisation(ctx, zed.ID, org), ladder.EINVALID, field)
			}
		})

		t.Run("Update", func(t *testing.T) {
			upd := *got
			upd.Name, upd.Domains = "Northwind", []string{"northwind.example"}
			upd.Anonymity.Peer, upd.Anonymity.NameManager, upd.Anonymity.Manager = 2, false, 2
			if err := s.UpdateOrganisation(ctx, olga.ID, &upd); err != nil {
				t.Fatal(err)
			}
			again, _ := s.FindOrganisation(ctx, o.ID)
			if again.Name != "Northwind" || len(again.Domains) != 1 || again.Anonymity.Peer != 2 || again.Anonymity.NameManager {
				t.Errorf("after update: %+v", again)
			}
			bad := upd
			bad.Anonymity.Manager = 1 // an anonymous manager group needs two
			orgWantCode(t, s.UpdateOrganisation(ctx, olga.ID, &bad), ladder.EINVALID, "min_manager")
		})

		t.Run("Members", func(t *testing.T) {
			// Zed and Mia join through a second organisation's refusal-free path: import.
			res, err := s.ImportOrgPeople(ctx, olga.ID, o.ID, []byte("name,email,title,manager_email\nAna,ana@example.com,Lead,olga@example.com\nBen,ben@example.com,Sysadmin,ana@example.com\n"))
			if err != nil {
				t.Fatalf("%v %+v", err, res)
			}
			ana, _ := sqldb.NewPersonService(db).FindPersonByEmail(ctx, "ana@example.com")
			ben, _ := sqldb.NewPersonService(db).FindPersonByEmail(ctx, "ben@example.com")
			// Olga managed by Ben would close the circle Olga <- Ana <- Ben.
			_, err = s.UpdateOrgMember(ctx, olga.ID, o.ID, olga.ID, ladder.OrgMemberUpdate{ManagerID: &ben.ID})
			orgWantCode(t, err, ladder.EINVALID, "manager")
			_, err = s.UpdateOrgMember(ctx, olga.ID, o.ID, ana.ID, ladder.OrgMemberUpdate{ManagerID: &mia.ID})
			orgWantCode(t, err, ladder.EINVALID, "manager")
			_, err = s.UpdateOrgMember(ctx, olga.ID, o.ID, mia.ID, ladder.OrgMemberUpdate{Title: new(string)})
			orgWantCode(t, err, ladder.ENOTFOUND, "")
			owner, admin := ladder.OrgRoleOwner, ladder.OrgRoleAdmin
			_, err = s.UpdateOrgMember(ctx, olga.ID, o.ID, olga.ID, ladder.OrgMemberUpdate{Role: &admin})
			orgWantCode(t, err, ladder.ECONFLICT, "")
			orgWantCode(t, s.RemoveOrgMember(ctx, olga.ID, o.ID, olga.ID), ladder.ECONFLICT, "")
			if m, err := s.UpdateOrgMember(ctx, olga.ID, o.ID, ana.ID, ladder.OrgMemberUpdate{Role: &owner}); err != nil || m.Role != owner {
				t.Fatalf("promote: %v %+v", err, m)
			}
			if err := s.AddOrgMentor(ctx, olga.ID, o.ID, olga.ID, ben.ID); err != nil {
				t.Fatal(err)
			}
			orgWantCode(t, s.AddOrgMentor(ctx, olga.ID, o.ID, olga.ID, ben.ID), ladder.ECONFLICT, "mentor")
			orgWantCode(t, s.AddOrgMentor(ctx, olga.ID, o.ID, ben.ID, ben.ID), ladder.EINVALID, "mentor")
			orgWantCode(t, s.AddOrgMentor(ctx, olga.ID, o.ID, mia.ID, ben.ID), ladder.EINVALID, "mentor")
			if m, _ := s.FindOrgMember(ctx, o.ID, ben.ID); m.ManagerID != ana.ID || len(m.MentorIDs) != 1 || m.MentorIDs[0] != olga.ID ||
				m.Title != "Sysadmin" || m.HasAccount {
				t.Errorf("Ben: %+v", m)
			}
			// Removing Ana takes her relations with her; Ben stays, without a manager.
			if err := s.RemoveOrgMember(ctx, olga.ID, o.ID, ana.ID); err != nil {
				t.Fatal(err)
			}
			if m, _ := s.FindOrgMember(ctx, o.ID, ben.ID); m.ManagerID != 0 {
				t.Errorf("Ben's manager after Ana left: %d", m.ManagerID)
			}
			if p, _ := sqldb.NewPersonService(db).FindPersonByID(ctx, ana.ID); p.OrgID != 0 {
				t.Errorf("Ana's org_id %d after leaving", p.OrgID)
			}
			// Deleting a person works with the new references: Olga's
			// mentoring of Ben goes with her account, the log keeps her name.
			ms, n, _ := s.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: o.ID})
			if n != 2 || ms[0].Name != "Ben" || ms[1].Name != "Olga" {
				t.Fatalf("members %d %+v", n, ms)
			}
			if err := sqldb.NewPersonService(db).DeletePerson(ctx, ben.ID); err != nil {
				t.Fatal(err)
			}
			want := []string{"org.create", "org.settings", "member.import", "member.import", "import.people", "member.role",
				"mentor.add", "member.remove"}
			if got := orgAuditActions(t, db, o.ID); !cmp.Equal(got, want) {
				t.Errorf("audit %v, want %v", got, want)
			}
		})
	})
}

func TestOrgInvitations(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		s := sqldb.NewOrgService(db)
		ps := orgTestPeople(t, db, "Olga", "Ivy", "Zed")
		olga, ivy, zed := ps[0], ps[1], ps[2]
		o := &ladder.Organisation{Name: "Northwind"}
		if err := s.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		inv := &ladder.OrgInvitation{OrgID: o.ID, Email: " IVY@example.com", Role: ladder.OrgRoleAdmin}
		token, err := s.CreateOrgInvitation(ctx, olga.ID, inv)
		if err != nil {
			t.Fatal(err)
		}
		if inv.Email != "ivy@example.com" || !inv.ExpiresAt.Equal(t0.Add(7*24*time.Hour)) || len(token) < 20 {
			t.Errorf("invitation %+v, token %q", inv, token)
		}
		var stored int
		if err := db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM org_invitations WHERE token_hash = $1`, token).Scan(&stored); err != nil || stored != 0 {
			t.Errorf("the token is stored in clear: %v %d", err, stored)
		}
		_, err = s.CreateOrgInvitation(ctx, olga.ID, &ladder.OrgInvitation{OrgID: o.ID, Email: "ivy@example.com", Role: "member"})
		orgWantCode(t, err, ladder.ECONFLICT, "email")
		// A member with an account cannot be invited; one without (imported) can, to set a password.
		if err := sqldb.NewAuthService(db).CreateAccount(ctx, olga.ID, ladder.AccountMember, "correct horse battery"); err != nil {
			t.Fatal(err)
		}
		_, err = s.CreateOrgInvitation(ctx, olga.ID, &ladder.OrgInvitation{OrgID: o.ID, Email: "olga@example.com", Role: "member"})
		orgWantCode(t, err, ladder.ECONFLICT, "email")
		_, err = s.CreateOrgInvitation(ctx, olga.ID, &ladder.OrgInvitation{OrgID: o.ID, Email: "x@", Role: "boss"})
		orgWantCode(t, err, ladder.EINVALID, "role")

		_, err = s.AcceptOrgInvitation(ctx, token, zed.ID)
		orgWantCode(t, err, ladder.EFORBIDDEN, "")
		_, err = s.AcceptOrgInvitation(ctx, "not-a-token", ivy.ID)
		orgWantCode(t, err, ladder.ENOTFOUND, "")
		if _, err := s.AcceptOrgInvitation(ctx, token, ivy.ID); err != nil {
			t.Fatal(err)
		}
		if m, err := s.FindOrgMember(ctx, o.ID, ivy.ID); err != nil || m.Role != ladder.OrgRoleAdmin {
			t.Fatalf("Ivy: %v %+v", err, m)
		}
		_, err = s.AcceptOrgInvitation(ctx, token, ivy.ID)
		orgWantCode(t, err, ladder.ENOTFOUND, "") // single use

		t.Run("ExpiredAndRevoked", func(t *testing.T) {
			late := &ladder.OrgInvitation{OrgID: o.ID, Email: "zed@example.com", Role: "member"}
			tok, err := s.CreateOrgInvitation(ctx, olga.ID, late)
			if err != nil {
				t.Fatal(err)
			}
			db.Now = func() time.Time { return t0.Add(7*24*time.Hour + time.Second) }
			_, err = s.AcceptOrgInvitation(ctx, tok, zed.ID)
			if ladder.ErrorCode(err) != ladder.ENOTFOUND || !strings.Contains(err.Error(), "expired") {
				t.Errorf("expired: %v", err)
			}
			orgWantCode(t, s.RevokeOrgInvitation(ctx, olga.ID, o.ID, late.ID), ladder.ECONFLICT, "")
			db.Now = func() time.Time { return t0 }
			orgWantCode(t, s.RevokeOrgInvitation(ctx, zed.ID, o.ID+1000, late.ID), ladder.ENOTFOUND, "")
			if err := s.RevokeOrgInvitation(ctx, olga.ID, o.ID, late.ID); err != nil {
				t.Fatal(err)
			}
			_, err = s.AcceptOrgInvitation(ctx, tok, zed.ID)
			if ladder.ErrorCode(err) != ladder.ENOTFOUND || !strings.Contains(err.Error(), "withdrawn") {
				t.Errorf("revoked: %v", err)
			}
			is, _ := s.FindOrgInvitations(ctx, o.ID)
			if len(is) != 2 || is[0].Status(t0) != ladder.InviteRevoked || is[1].Status(t0) != ladder.InviteAccepted {
				t.Errorf("invitations %+v", is)
			}
		})
		want := []string{"org.create", "invitation.create", "invitation.accept", "invitation.create", "invitation.revoke"}
		if got := orgAuditActions(t, db, o.ID); !cmp.Equal(got, want) {
			t.Errorf("audit %v, want %v", got, want)
		}
	})
}

func TestOrgImport(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		s := sqldb.NewOrgService(db)
		ps := orgTestPeople(t, db, "Olga", "Outsider")
		olga := ps[0]
		o := &ladder.Organisation{Name: "Northwind"}
		if err := s.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		count := func() int {
			var n int
			db.SQL().QueryRowContext(ctx, `SELECT COUNT(*) FROM persons`).Scan(&n)
			return n
		}
		before := count()
		bad := "name,email,title,manager_email\n" +
			"Ana,ana@example.com,Lead,olga@example.com\n" +
			"Ben,ben@example.com,,ghost@example.com\n" + // unknown manager
			"Cy,outsider@example.com,,\n" + // someone outside the organisation
			"Di,di@example.com,,ed@example.com\n" + // Di and Ed manage each other
			"Ed,ed@example.com,,di@example.com\n" +
			",fay@example.com,,\n" // no name
		res, err := s.ImportOrgPeople(ctx, olga.ID, o.ID, []byte(bad))
		orgWantCode(t, err, ladder.EINVALID, "")
		var lines []int
		for _, p := range res.Problems {
			lines = append(lines, p.Line)
		}
		if !cmp.Equal(lines, []int{3, 4, 5, 6, 7}) {
			t.Errorf("problem lines %v: %+v", lines, res.Problems)
		}
		if count() != before {
			t.Errorf("a refused import wrote persons")
		}
		good := "name,email,title,manager_email\nBen,ben@example.com,,ana@example.com\nAna,ana@example.com,Lead,olga@example.com\n"
		res, err = s.ImportOrgPeople(ctx, olga.ID, o.ID, []byte(good))
		if err != nil || len(res.Added) != 2 {
			t.Fatalf("%v %+v", err, res)
		}
		// Again, with Ana's title changed: members are updated, not added.
		res, err = s.ImportOrgPeople(ctx, olga.ID, o.ID, []byte(strings.Replace(good, "Lead", "Head of ops", 1)))
		if err != nil || len(res.Added) != 0 || len(res.Updated) != 2 {
			t.Fatalf("%v %+v", err, res)
		}
		ms, _, _ := s.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: o.ID})
		if len(ms) != 3 || ms[0].Name != "Ana" || ms[0].Title != "Head of ops" || ms[0].ManagerID != olga.ID || ms[1].ManagerID != ms[0].PersonID {
			t.Errorf("members %+v %+v %+v", ms[0], ms[1], ms[2])
		}
	})
}

func TestOrgProgrammes(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		s, ps := sqldb.NewOrgService(db), sqldb.NewProgrammeService(db, defaultModel)
		people := orgTestPeople(t, db, "Olga", "Zed")
		olga, zed := people[0], people[1]
		o, other := &ladder.Organisation{Name: "Northwind"}, &ladder.Organisation{Name: "Contoso"}
		if err := s.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateOrganisation(ctx, zed.ID, other); err != nil {
			t.Fatal(err)
		}
		day := func(m, d int) time.Time { return time.Date(2027, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
		p := &ladder.OrgProgramme{OrgID: o.ID, Name: "Future IT managers", TargetRole: "it-manager", Start: day(1, 1), End: day(12, 31)}
		if err := ps.CreateProgramme(ctx, olga.ID, p); err != nil {
			t.Fatal(err)
		}
		orgWantCode(t, ps.CreateProgramme(ctx, olga.ID, &ladder.OrgProgramme{OrgID: o.ID, Name: "x", TargetRole: "astronaut",
			Start: day(2, 1), End: day(1, 1)}), ladder.EINVALID, "target_role")
		orgWantCode(t, ps.CreateProgramme(ctx, olga.ID, &ladder.OrgProgramme{OrgID: o.ID, Name: "x", TargetRole: "cio",
			Start: day(2, 1), End: day(1, 1)}), ladder.EINVALID, "end")
		orgWantCode(t, ps.CreateProgramme(ctx, olga.ID, &ladder.OrgProgramme{OrgID: o.ID, Name: "Future IT managers", TargetRole: "cio",
			Start: day(2, 1), End: day(3, 1)}), ladder.ECONFLICT, "name")
		if _, err := ps.FindProgramme(ctx, other.ID, p.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another organisation's programme: %v", err)
		}
		c := &ladder.OrgCohort{ProgrammeID: p.ID, Name: "Spring", Start: day(3, 1), End: day(6, 30), MemberIDs: []int64{olga.ID}}
		if err := ps.CreateCohort(ctx, olga.ID, o.ID, c); err != nil {
			t.Fatal(err)
		}
		orgWantCode(t, ps.CreateCohort(ctx, zed.ID, other.ID, &ladder.OrgCohort{ProgrammeID: p.ID, Name: "Mine", Start: day(3, 1), End: day(4, 1)}),
			ladder.ENOTFOUND, "")
		orgWantCode(t, ps.CreateCohort(ctx, olga.ID, o.ID, &ladder.OrgCohort{ProgrammeID: p.ID, Name: "Late", Start: day(3, 1), End: day(12, 31).AddDate(0, 0, 1)}),
			ladder.EINVALID, "end")
		orgWantCode(t, ps.AddCohortMember(ctx, olga.ID, o.ID, c.ID, zed.ID), ladder.EINVALID, "members")
		orgWantCode(t, ps.AddCohortMember(ctx, zed.ID, other.ID, c.ID, zed.ID), ladder.ENOTFOUND, "")
		orgWantCode(t, ps.AddCohortMember(ctx, olga.ID, o.ID, c.ID, olga.ID), ladder.ECONFLICT, "members")
		shrunk := *p
		shrunk.End = day(5, 1)
		orgWantCode(t, ps.UpdateProgramme(ctx, olga.ID, &shrunk), ladder.EINVALID, "start")
		cs, err := ps.FindCohorts(ctx, o.ID, p.ID)
		if err != nil || len(cs) != 1 || !cmp.Equal(cs[0].MemberIDs, []int64{olga.ID}) {
			t.Fatalf("cohorts %v %+v", err, cs)
		}
		if err := ps.RemoveCohortMember(ctx, olga.ID, o.ID, c.ID, olga.ID); err != nil {
			t.Fatal(err)
		}
		orgWantCode(t, ps.DeleteProgramme(ctx, zed.ID, other.ID, p.ID), ladder.ENOTFOUND, "")
		if err := ps.DeleteProgramme(ctx, olga.ID, o.ID, p.ID); err != nil {
			t.Fatal(err)
		}
		want := []string{"org.create", "programme.create", "cohort.member.add", "cohort.create", "cohort.member.remove", "programme.delete"}
		if got := orgAuditActions(t, db, o.ID); !cmp.Equal(got, want) {
			t.Errorf("audit %v, want %v", got, want)
		}
	})
}

func TestOrgAudit(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		s, a := sqldb.NewOrgService(db), sqldb.NewAuditService(db)
		people := orgTestPeople(t, db, "Olga", "Ana")
		olga, ana := people[0], people[1]
		o := &ladder.Organisation{Name: "Northwind"}
		if err := s.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		db.Now = func() time.Time { return t0.Add(time.Hour) }
		e := &ladder.AuditEntry{OrgID: o.ID, ActorID: olga.ID, Action: "view.readiness", SubjectKind: ladder.AuditPerson, SubjectID: ana.ID}
		if err := a.WriteAudit(ctx, e); err != nil {
			t.Fatal(err)
		}
		if e.ActorName != "Olga" || e.SubjectName != "Ana" || !e.At.Equal(t0.Add(time.Hour)) {
			t.Errorf("entry %+v", e)
		}
		for _, bad := range []*ladder.AuditEntry{
			{OrgID: o.ID, Action: "View readiness", SubjectKind: ladder.AuditPerson},
			{OrgID: o.ID, Action: "view.answers", SubjectKind: "rater"},
			{Action: "view.readiness", SubjectKind: ladder.AuditPerson},
		} {
			orgWantCode(t, a.WriteAudit(ctx, bad), ladder.EINVALID, "")
		}
		for _, tc := range []struct {
			name string
			f    ladder.AuditFilter
			want int
		}{
			{"All", ladder.AuditFilter{}, 2},
			{"Prefix", ladder.AuditFilter{Action: "view."}, 1},
			{"PrefixIsNotLike", ladder.AuditFilter{Action: "v_ew."}, 0},
			{"Exact", ladder.AuditFilter{Action: "org.create"}, 1},
			{"Person", ladder.AuditFilter{PersonID: ana.ID}, 1},
			{"Actor", ladder.AuditFilter{ActorID: ana.ID}, 0},
			{"From", ladder.AuditFilter{From: t0.Add(time.Minute)}, 1},
			{"To", ladder.AuditFilter{To: t0.Add(time.Minute)}, 1},
		} {
			tc.f.OrgID = o.ID
			if _, n, err := a.FindAudit(ctx, tc.f); err != nil || n != tc.want {
				t.Errorf("%s: %v %d, want %d", tc.name, err, n, tc.want)
			}
		}
		// The log outlives the actor's person, with their name.
		if err := sqldb.NewPersonService(db).DeletePerson(ctx, ana.ID); err != nil {
			t.Fatal(err)
		}
		es, _, _ := a.FindAudit(ctx, ladder.AuditFilter{OrgID: o.ID, Action: "view."})
		if len(es) != 1 || es[0].SubjectName != "Ana" {
			t.Errorf("after deleting Ana: %+v", es)
		}
	})
}
