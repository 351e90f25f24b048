package sqldb_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var ctx = context.Background()

func defaultModel(context.Context) (*ladder.Model, error) { return model.Default(), nil }

func frozen(db *sqldb.DB) time.Time {
	t0 := time.Date(2026, 5, 1, 9, 30, 0, 0, time.UTC)
	db.Now = func() time.Time { return t0 }
	return t0
}

func TestPersons(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		s := sqldb.NewPersonService(db)
		p := &ladder.Person{Name: " Sam Admin ", Email: "Sam@Example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
		if err := s.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		got, err := s.FindPersonByEmail(ctx, "sam@example.com")
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Person{ID: p.ID, Name: "Sam Admin", Email: "sam@example.com", StartRole: "system-administrator",
			TargetRole: "it-manager", CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}

		t.Run("ErrEmailTaken", func(t *testing.T) {
			err := s.CreatePerson(ctx, &ladder.Person{Name: "Other", Email: "sam@example.com"})
			if code := ladder.ErrorCode(err); code != ladder.ECONFLICT {
				t.Fatalf("code %q (%v), want conflict", code, err)
			}
		})
		t.Run("ErrInvalid", func(t *testing.T) {
			err := s.CreatePerson(ctx, &ladder.Person{Name: "", Email: "not an email"})
			e, ok := err.(*ladder.Error)
			if !ok || e.Code != ladder.EINVALID || e.Fields["name"] == "" || e.Fields["email"] == "" {
				t.Fatalf("got %#v", err)
			}
		})
		t.Run("Update", func(t *testing.T) {
			target := "it-director"
			p2, err := s.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{TargetRole: &target})
			if err != nil || p2.TargetRole != target {
				t.Fatalf("%v %+v", err, p2)
			}
		})
		// Two partial updates at once both land: one must not write back
		// the other's field as it was before.
		t.Run("UpdateConcurrent", func(t *testing.T) {
			for i := range 10 {
				name, target := fmt.Sprintf("Sam %d", i), []string{"it-manager", "it-director"}[i%2]
				var wg sync.WaitGroup
				errs := make([]error, 2)
				wg.Go(func() { _, errs[0] = s.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{Name: &name}) })
				wg.Go(func() { _, errs[1] = s.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{TargetRole: &target}) })
				wg.Wait()
				if err := errors.Join(errs...); err != nil {
					t.Fatal(err)
				}
				got, err := s.FindPersonByID(ctx, p.ID)
				if err != nil || got.Name != name || got.TargetRole != target {
					t.Fatalf("round %d: %v name %q target %q, want %q %q", i, err, got.Name, got.TargetRole, name, target)
				}
			}
		})
		t.Run("ErrNotFound", func(t *testing.T) {
			if _, err := s.FindPersonByID(ctx, 9999); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Fatalf("got %v", err)
			}
			if err := s.DeletePerson(ctx, 9999); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Fatalf("got %v", err)
			}
		})
		t.Run("Paging", func(t *testing.T) {
			for i := range 4 {
				if err := s.CreatePerson(ctx, &ladder.Person{Name: "P", Email: fmt.Sprintf("p%d@example.com", i)}); err != nil {
					t.Fatal(err)
				}
			}
			ps, n, err := s.FindPersons(ctx, ladder.PersonFilter{Offset: 2, Limit: 2})
			if err != nil || n != 5 || len(ps) != 2 || ps[0].Email != "p1@example.com" {
				t.Fatalf("%v n=%d %d", err, n, len(ps))
			}
			ps, _, err = s.FindPersons(ctx, ladder.PersonFilter{Offset: 4})
			if err != nil || len(ps) != 1 {
				t.Fatalf("offset without limit: %v %d", err, len(ps))
			}
		})
		t.Run("UpdateEmailTaken", func(t *testing.T) {
			taken := "p0@example.com"
			_, err := s.UpdatePerson(ctx, p.ID, ladder.PersonUpdate{Email: &taken})
			e, ok := err.(*ladder.Error)
			if !ok || e.Code != ladder.ECONFLICT || e.Fields["email"] == "" {
				t.Fatalf("got %#v", err)
			}
		})
	})
}

func TestAssessments(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps := sqldb.NewPersonService(db)
		as := sqldb.NewAssessmentService(db, defaultModel)
		p := &ladder.Person{Name: "A", Email: "a@example.com"}
		if err := ps.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		a := &ladder.Assessment{PersonID: p.ID, TargetRole: "it-manager", Ratings: []ladder.Rating{
			{Competency: "delegation", Level: 2}, {Competency: "budgeting", Level: ladder.NotSure, Note: "never did one"},
		}}
		if err := as.CreateAssessment(ctx, a); err != nil {
			t.Fatal(err)
		}
		if err := as.SaveRatings(ctx, a.PersonID, a.ID, []ladder.Rating{{Competency: "delegation", Level: 3}, {Competency: "empathy", Level: 4}}); err != nil {
			t.Fatal(err)
		}
		got, err := as.FindAssessmentByID(ctx, a.PersonID, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Completed() {
			t.Error("completed before CompleteAssessment")
		}
		sort.Slice(got.Ratings, func(i, j int) bool { return got.Ratings[i].Competency < got.Ratings[j].Competency })
		want := []ladder.Rating{
			{Competency: "budgeting", Level: 0, Note: "never did one", RatedAt: t0},
			{Competency: "delegation", Level: 3, RatedAt: t0},
			{Competency: "empathy", Level: 4, RatedAt: t0},
		}
		if diff := cmp.Diff(want, got.Ratings); diff != "" {
			t.Errorf("ratings (-want +got):\n%s", diff)
		}
		if err := as.CompleteAssessment(ctx, a.PersonID, a.ID); err != nil {
			t.Fatal(err)
		}
		done := true
		list, err := as.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID, Completed: &done})
		if err != nil || len(list) != 1 || !list[0].CompletedAt.Equal(t0) || len(list[0].Ratings) != 3 {
			t.Fatalf("%v %+v", err, list)
		}

		t.Run("ErrHalfWrite", func(t *testing.T) {
			// One bad rating rejects the whole batch: nothing is saved.
			err := as.SaveRatings(ctx, a.PersonID, a.ID, []ladder.Rating{{Competency: "negotiation", Level: 3}, {Competency: "negotiation", Level: 9}})
			if ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("got %v", err)
			}
			err = as.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Ratings: []ladder.Rating{{Competency: "nope", Level: 3}}})
			if ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("got %v", err)
			}
			got, _ := as.FindAssessmentByID(ctx, a.PersonID, a.ID)
			all, _ := as.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID})
			if len(got.Ratings) != 3 || len(all) != 1 {
				t.Fatalf("half-written: %d ratings, %d assessments", len(got.Ratings), len(all))
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			other := &ladder.Person{Name: "O", Email: "other@example.com"}
			if err := ps.CreatePerson(ctx, other); err != nil {
				t.Fatal(err)
			}
			for name, err := range map[string]error{
				"find":     func() error { _, err := as.FindAssessmentByID(ctx, other.ID, a.ID); return err }(),
				"rate":     as.SaveRatings(ctx, other.ID, a.ID, []ladder.Rating{{Competency: "empathy", Level: 1}}),
				"complete": as.CompleteAssessment(ctx, other.ID, a.ID),
				"delete":   as.DeleteAssessment(ctx, other.ID, a.ID),
			} {
				if ladder.ErrorCode(err) != ladder.ENOTFOUND {
					t.Errorf("%s another person's assessment: %v", name, err)
				}
			}
			if got, err := as.FindAssessmentByID(ctx, p.ID, a.ID); err != nil || len(got.Ratings) != 3 {
				t.Fatalf("the owner's assessment changed: %v", err)
			}
		})
		t.Run("ErrUnknownPerson", func(t *testing.T) {
			err := as.CreateAssessment(ctx, &ladder.Assessment{PersonID: 4242})
			if ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Fatalf("got %v", err)
			}
		})
		t.Run("Limit", func(t *testing.T) {
			for i := 1; i <= 3; i++ {
				db.Now = func() time.Time { return t0.AddDate(0, i, 0) }
				if err := as.CreateAssessment(ctx, &ladder.Assessment{PersonID: p.ID, Ratings: []ladder.Rating{{Competency: "empathy", Level: i}}}); err != nil {
					t.Fatal(err)
				}
			}
			list, err := as.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID, Limit: 2})
			if err != nil || len(list) != 2 || list[0].Ratings[0].Level != 2 || list[1].Ratings[0].Level != 3 {
				t.Fatalf("want the two newest, oldest first: %v %+v", err, list)
			}
		})
		t.Run("DeleteCascades", func(t *testing.T) {
			if err := ps.DeletePerson(ctx, p.ID); err != nil {
				t.Fatal(err)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM ratings`).Scan(&n)
			if n != 0 {
				t.Fatalf("%d ratings left", n)
			}
		})
	})
}

func TestModels(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := sqldb.NewModelService(db)
		if _, err := s.ActiveModel(ctx); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("fresh store: %v", err)
		}
		m := *model.Default()
		m.Version = "org-2"
		if err := s.ImportModel(ctx, &m); err != nil {
			t.Fatal(err)
		}
		got, err := s.ActiveModel(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(&m, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		bad := m
		bad.Areas = nil
		if err := s.ImportModel(ctx, &bad); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Fatalf("bad model: %v", err)
		}
		if got, _ := s.ActiveModel(ctx); got.Version != "org-2" {
			t.Fatal("a rejected import replaced the active model")
		}
		if err := s.ResetModel(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := s.ActiveModel(ctx); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("after reset: %v", err)
		}
	})
}

func TestSettings(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		s := sqldb.NewSettingService(db)
		if _, err := s.Setting(ctx, "k"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatal(err)
		}
		for _, v := range []string{"1", "2"} {
			if err := s.SetSetting(ctx, "k", v); err != nil {
				t.Fatal(err)
			}
		}
		if v, err := s.Setting(ctx, "k"); err != nil || v != "2" {
			t.Fatal(v, err)
		}
	})
}

// Both engines must end with the same tables and columns.
func TestSchemaParity(t *testing.T) {
	cols := map[string][]string{}
	for _, engine := range []string{sqldb.SQLite, sqldb.Postgres} {
		db := sqldbtest.Open(t, engine)
		q := `SELECT table_name || '.' || column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY 1`
		if engine == sqldb.SQLite {
			q = `SELECT m.name || '.' || p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
				WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY 1`
		}
		rows, err := db.SQL().Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var c string
			rows.Scan(&c)
			cols[engine] = append(cols[engine], c)
		}
		rows.Close()
	}
	if diff := cmp.Diff(cols[sqldb.SQLite], cols[sqldb.Postgres]); diff != "" {
		t.Errorf("schemas differ (-sqlite +postgres):\n%s", diff)
	}
}
