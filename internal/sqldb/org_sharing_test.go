package sqldb_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestSharing(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		orgs, sh := sqldb.NewOrgService(db), sqldb.NewSharingService(db)
		ps := orgTestPeople(t, db, "Olga", "Outsider")
		olga, outsider := ps[0], ps[1]
		o := &ladder.Organisation{Name: "Northwind IT"}
		if err := orgs.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		if _, err := orgs.ImportOrgPeople(ctx, olga.ID, o.ID, []byte("name,email\nAna,ana@example.com\n")); err != nil {
			t.Fatal(err)
		}
		ana, err := sqldb.NewPersonService(db).FindPersonByEmail(ctx, "ana@example.com")
		if err != nil {
			t.Fatal(err)
		}

		// Nothing is shared until the member chooses.
		got, err := sh.FindSharing(ctx, ana.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got.With) != 0 || !got.UpdatedAt.IsZero() {
			t.Errorf("default sharing %+v, want nothing", got)
		}
		if m, _ := sh.FindSharedWith(ctx, o.ID, ladder.AudienceMentor); len(m) != 0 {
			t.Errorf("shared with mentors by default: %v", m)
		}

		before, _ := sqldb.NewPersonService(db).FindPersonByID(ctx, ana.ID)
		set := &ladder.Sharing{PersonID: ana.ID, With: map[string]ladder.ShareSet{
			ladder.AudienceMentor:  {"plan", "readiness", "plan"},
			ladder.AudienceManager: {},
			ladder.AudienceAdmins:  {"readiness"},
		}}
		if err := sh.SetSharing(ctx, set); err != nil {
			t.Fatal(err)
		}
		got, err = sh.FindSharing(ctx, ana.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Sharing{PersonID: ana.ID, UpdatedAt: t0, With: map[string]ladder.ShareSet{
			ladder.AudienceMentor: {"readiness", "plan"},
			ladder.AudienceAdmins: {"readiness"},
		}}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		after, _ := sqldb.NewPersonService(db).FindPersonByID(ctx, ana.ID)
		if after.Version == before.Version {
			t.Error("sharing did not change the person's data version")
		}
		if acts := orgAuditActions(t, db, o.ID); acts[len(acts)-1] != "sharing.set" {
			t.Errorf("audit %v, want sharing.set last", acts)
		}
		byAdmins, err := sh.FindSharedWith(ctx, o.ID, ladder.AudienceAdmins)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(map[int64]ladder.ShareSet{ana.ID: {"readiness"}}, byAdmins); diff != "" {
			t.Errorf("shared with admins (-want +got):\n%s", diff)
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for field, with := range map[string]map[string]ladder.ShareSet{
				"audience":             {"everyone": {"plan"}},
				ladder.AudienceManager: {ladder.AudienceManager: {"salary"}},
			} {
				orgWantCode(t, sh.SetSharing(ctx, &ladder.Sharing{PersonID: ana.ID, With: with}), ladder.EINVALID, field)
			}
			if again, _ := sh.FindSharing(ctx, ana.ID); len(again.With[ladder.AudienceMentor]) != 2 {
				t.Errorf("a refused change wrote: %+v", again)
			}
		})
		t.Run("ErrNotMember", func(t *testing.T) {
			_, err := sh.FindSharing(ctx, outsider.ID)
			orgWantCode(t, err, ladder.ENOTFOUND, "")
			orgWantCode(t, sh.SetSharing(ctx, &ladder.Sharing{PersonID: outsider.ID}), ladder.ENOTFOUND, "")
		})
		t.Run("LeavingForgets", func(t *testing.T) {
			if err := orgs.RemoveOrgMember(ctx, olga.ID, o.ID, ana.ID); err != nil {
				t.Fatal(err)
			}
			if m, _ := sh.FindSharedWith(ctx, o.ID, ladder.AudienceAdmins); len(m) != 0 {
				t.Errorf("sharing outlived the membership: %v", m)
			}
		})
	})
}

// TestFindSupported: the people someone mentors or manages, in their own
// organisation only, each with what they share, by name.
func TestFindSupported(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		orgs, sh := sqldb.NewOrgService(db), sqldb.NewSharingService(db)
		ps := orgTestPeople(t, db, "Olga", "Zora")
		olga, zora := ps[0], ps[1]
		o := &ladder.Organisation{Name: "Northwind IT"}
		other := &ladder.Organisation{Name: "Contoso"}
		if err := orgs.CreateOrganisation(ctx, olga.ID, o); err != nil {
			t.Fatal(err)
		}
		if err := orgs.CreateOrganisation(ctx, zora.ID, other); err != nil {
			t.Fatal(err)
		}
		// Cy and Bo report to Ana; Ana mentors Bo and Di; Ed reports to Olga.
		csv := "name,email,manager_email\nAna,ana@example.com,\nCy,cy@example.com,ana@example.com\nBo,bo@example.com,ana@example.com\n" +
			"Di,di@example.com,\nEd,ed@example.com,olga@example.com\n"
		if _, err := orgs.ImportOrgPeople(ctx, olga.ID, o.ID, []byte(csv)); err != nil {
			t.Fatal(err)
		}
		if _, err := orgs.ImportOrgPeople(ctx, zora.ID, other.ID, []byte("name,email,manager_email\nYu,yu@example.com,zora@example.com\n")); err != nil {
			t.Fatal(err)
		}
		id := map[string]int64{}
		for _, n := range []string{"ana", "bo", "cy", "di", "ed", "yu"} {
			p, err := sqldb.NewPersonService(db).FindPersonByEmail(ctx, n+"@example.com")
			if err != nil {
				t.Fatal(err)
			}
			id[n] = p.ID
		}
		for _, mentee := range []string{"bo", "di"} {
			if err := orgs.AddOrgMentor(ctx, olga.ID, o.ID, id["ana"], id[mentee]); err != nil {
				t.Fatal(err)
			}
		}
		if err := sh.SetSharing(ctx, &ladder.Sharing{PersonID: id["bo"], With: map[string]ladder.ShareSet{
			ladder.AudienceMentor: {"journal"}, ladder.AudienceManager: {"plan", "gaps"}}}); err != nil {
			t.Fatal(err)
		}
		if err := sh.SetSharing(ctx, &ladder.Sharing{PersonID: id["ed"], With: map[string]ladder.ShareSet{
			ladder.AudienceManager: {"readiness"}}}); err != nil {
			t.Fatal(err)
		}
		type row struct {
			Name           string
			Mentee, Report bool
			Sharing        map[string]ladder.ShareSet
		}
		got := func(orgID, personID int64) []row {
			t.Helper()
			sms, err := sh.FindSupported(ctx, orgID, personID)
			if err != nil {
				t.Fatal(err)
			}
			var out []row
			for _, sm := range sms {
				out = append(out, row{sm.Member.Name, sm.Mentee, sm.Report, sm.Sharing})
			}
			return out
		}
		want := []row{
			{"Bo", true, true, map[string]ladder.ShareSet{ladder.AudienceMentor: {"journal"}, ladder.AudienceManager: {"gaps", "plan"}}},
			{"Cy", false, true, map[string]ladder.ShareSet{}},
			{"Di", true, false, map[string]ladder.ShareSet{}},
		}
		if diff := cmp.Diff(want, got(o.ID, id["ana"])); diff != "" {
			t.Errorf("Ana supports (-want +got):\n%s", diff)
		}
		if diff := cmp.Diff([]row{{"Ed", false, true, map[string]ladder.ShareSet{ladder.AudienceManager: {"readiness"}}}}, got(o.ID, olga.ID)); diff != "" {
			t.Errorf("Olga supports (-want +got):\n%s", diff)
		}
		if rows := got(o.ID, id["cy"]); len(rows) != 0 {
			t.Errorf("Cy supports nobody, got %+v", rows)
		}
		// Zora manages Yu in Contoso: asked about Northwind, nobody.
		if rows := got(o.ID, zora.ID); len(rows) != 0 {
			t.Errorf("another organisation's manager: %+v", rows)
		}
	})
}
