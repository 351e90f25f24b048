package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func knownCert(k string) bool { return k == "pmp" || k == "cissp" }

func TestCertifications(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps := sqldb.NewPersonService(db)
		cs := sqldb.NewCertificationService(db, knownCert)
		me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
		for _, p := range []*ladder.Person{me, other} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
		version := func(p *ladder.Person) int64 {
			t.Helper()
			got, err := ps.FindPersonByID(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			return got.Version
		}
		v0 := version(me)
		pmp := &ladder.PersonCertification{PersonID: me.ID, Key: "pmp", Status: ladder.CertStudying, Started: day("2026-01-10"),
			StudyHours: 12, Notes: " evenings "}
		if err := cs.SetPersonCertification(ctx, pmp); err != nil {
			t.Fatal(err)
		}
		if err := cs.SetPersonCertification(ctx, &ladder.PersonCertification{PersonID: other.ID, Key: "cissp", Status: ladder.CertConsidering}); err != nil {
			t.Fatal(err)
		}
		if v := version(me); v != v0+1 {
			t.Errorf("version %d after a set, want %d", v, v0+1)
		}

		t.Run("OK", func(t *testing.T) {
			got, err := cs.FindPersonCertifications(ctx, me.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := []*ladder.PersonCertification{{ID: pmp.ID, PersonID: me.ID, Key: "pmp", Status: ladder.CertStudying,
				Started: day("2026-01-10"), StudyHours: 12, Notes: "evenings", CreatedAt: t0, UpdatedAt: t0}}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
		t.Run("Upsert", func(t *testing.T) {
			t1 := t0.Add(time.Hour)
			db.Now = func() time.Time { return t1 }
			defer func() { db.Now = func() time.Time { return t0 } }()
			upd := &ladder.PersonCertification{PersonID: me.ID, Key: "pmp", Status: ladder.CertPassed, Started: day("2026-01-10"),
				Passed: day("2026-05-01"), Expires: day("2029-05-01"), StudyHours: 40}
			if err := cs.SetPersonCertification(ctx, upd); err != nil {
				t.Fatal(err)
			}
			got, _ := cs.FindPersonCertifications(ctx, me.ID)
			if len(got) != 1 || got[0].ID != pmp.ID || got[0].Status != ladder.CertPassed || !got[0].CreatedAt.Equal(t0) ||
				!got[0].UpdatedAt.Equal(t1) || !got[0].Expires.Equal(day("2029-05-01")) || got[0].Notes != "" {
				t.Errorf("%+v", got)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			for name, c := range map[string]*ladder.PersonCertification{
				"UnknownKey":     {PersonID: me.ID, Key: "ccna", Status: ladder.CertStudying},
				"BadStatus":      {PersonID: me.ID, Key: "pmp", Status: "dreaming"},
				"PassedNoDate":   {PersonID: me.ID, Key: "pmp", Status: ladder.CertPassed},
				"NegativeHours":  {PersonID: me.ID, Key: "pmp", Status: ladder.CertStudying, StudyHours: -1},
				"ExpiresBefore":  {PersonID: me.ID, Key: "pmp", Status: ladder.CertPassed, Passed: day("2026-05-01"), Expires: day("2026-04-01")},
				"ExpiredNoDates": {PersonID: me.ID, Key: "cissp", Status: ladder.CertExpired},
			} {
				if err := cs.SetPersonCertification(ctx, c); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%s: %v", name, err)
				}
			}
			if err := cs.SetDegree(ctx, me.ID, "phd"); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Errorf("degree: %v", err)
			}
		})
		t.Run("OtherPersonUntouched", func(t *testing.T) {
			theirs, _ := cs.FindPersonCertifications(ctx, other.ID)
			if len(theirs) != 1 || theirs[0].Key != "cissp" {
				t.Fatalf("%+v", theirs)
			}
			if err := cs.DeletePersonCertification(ctx, me.ID, "cissp"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("deleting another's record: %v", err)
			}
			if theirs, _ := cs.FindPersonCertifications(ctx, other.ID); len(theirs) != 1 {
				t.Errorf("another's record is gone")
			}
		})
		t.Run("ErrUnknownPerson", func(t *testing.T) {
			err := cs.SetPersonCertification(ctx, &ladder.PersonCertification{PersonID: 99999, Key: "pmp", Status: ladder.CertStudying})
			if ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("set: %v", err)
			}
			if err := cs.SetDegree(ctx, 99999, ladder.DegreeNone); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("degree: %v", err)
			}
		})
		t.Run("Degree", func(t *testing.T) {
			v := version(me)
			if err := cs.SetDegree(ctx, me.ID, ladder.DegreeBachelor); err != nil {
				t.Fatal(err)
			}
			got, _ := ps.FindPersonByID(ctx, me.ID)
			if got.Degree != ladder.DegreeBachelor || got.Version != v+1 {
				t.Errorf("degree %q version %d", got.Degree, got.Version)
			}
			if o, _ := ps.FindPersonByID(ctx, other.ID); o.Degree != "" {
				t.Errorf("other's degree %q", o.Degree)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			v := version(me)
			if err := cs.DeletePersonCertification(ctx, me.ID, "pmp"); err != nil {
				t.Fatal(err)
			}
			if got, _ := cs.FindPersonCertifications(ctx, me.ID); len(got) != 0 {
				t.Errorf("%+v", got)
			}
			if version(me) != v+1 {
				t.Errorf("delete did not bump the version")
			}
			if err := cs.DeletePersonCertification(ctx, me.ID, "pmp"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("second delete: %v", err)
			}
		})
	})
}
