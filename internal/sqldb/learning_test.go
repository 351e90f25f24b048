package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestLearningItems(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps := sqldb.NewPersonService(db)
		ls := sqldb.NewLearningService(db, defaultModel)
		me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
		for _, p := range []*ladder.Person{me, other} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		book := &ladder.LearningItem{PersonID: me.ID, Title: " The Manager's Path ", Kind: "book",
			Competencies: []string{"team-dynamics", "delegation", "delegation"}, FromCatalog: "managers-path"}
		if err := ls.CreateLearningItem(ctx, book); err != nil {
			t.Fatal(err)
		}
		got, err := ls.FindLearningItem(ctx, me.ID, book.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.LearningItem{ID: book.ID, PersonID: me.ID, Title: "The Manager's Path", Kind: "book", Status: "planned",
			Competencies: []string{"delegation", "team-dynamics"}, FromCatalog: "managers-path", CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}

		t1 := t0.Add(48 * time.Hour)
		db.Now = func() time.Time { return t1 }
		got.Progress = 60
		if err := ls.UpdateLearningItem(ctx, got); err != nil {
			t.Fatal(err)
		}
		got, _ = ls.FindLearningItem(ctx, me.ID, book.ID)
		if got.Status != "in-progress" || !got.StartedAt.Equal(t1) || !got.ProgressedAt.Equal(t1) || !got.FinishedAt.IsZero() {
			t.Errorf("after progress: %+v", got)
		}
		got.Status = ladder.LearningDone
		if err := ls.UpdateLearningItem(ctx, got); err != nil {
			t.Fatal(err)
		}
		if got, _ = ls.FindLearningItem(ctx, me.ID, book.ID); got.Progress != 100 || !got.FinishedAt.Equal(t1) || !got.StartedAt.Equal(t1) {
			t.Errorf("after done: %+v", got)
		}
		course := &ladder.LearningItem{PersonID: me.ID, Title: "ITIL", Kind: "course", Link: "https://example.com/itil"}
		if err := ls.CreateLearningItem(ctx, course); err != nil {
			t.Fatal(err)
		}
		list, err := ls.FindLearningItems(ctx, me.ID)
		if err != nil || len(list) != 2 || list[0].ID != course.ID {
			t.Fatalf("unfinished first: %v %+v", err, list)
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for _, it := range []*ladder.LearningItem{
				{PersonID: me.ID, Title: "", Kind: "book"},
				{PersonID: me.ID, Title: "x", Kind: "film"},
				{PersonID: me.ID, Title: "x", Kind: "book", Progress: 101},
				{PersonID: me.ID, Title: "x", Kind: "book", Status: "abandoned"},
				{PersonID: me.ID, Title: "x", Kind: "book", Link: "ftp://x"},
				{PersonID: me.ID, Title: "x", Kind: "book", Competencies: []string{"juggling"}},
			} {
				if err := ls.CreateLearningItem(ctx, it); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", it, err)
				}
			}
		})
		t.Run("ErrNotFoundOthers", func(t *testing.T) {
			if _, err := ls.FindLearningItem(ctx, other.ID, book.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			upd := *book
			upd.PersonID = other.ID
			if err := ls.UpdateLearningItem(ctx, &upd); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := ls.DeleteLearningItem(ctx, other.ID, book.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
		})
		t.Run("Delete", func(t *testing.T) {
			if err := ls.DeleteLearningItem(ctx, me.ID, course.ID); err != nil {
				t.Fatal(err)
			}
			if _, err := ls.FindLearningItem(ctx, me.ID, course.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("after delete: %v", err)
			}
		})
	})
}

func TestTimeLogs(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		frozen(db)
		ps := sqldb.NewPersonService(db)
		ls := sqldb.NewLearningService(db, defaultModel)
		me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
		for _, p := range []*ladder.Person{me, other} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		mon := time.Date(2026, 4, 27, 0, 0, 0, 0, time.UTC)
		for i, l := range []*ladder.TimeLog{
			{PersonID: me.ID, Week: mon, TechnicalHours: 30, ManagerialHours: 8, LearningHours: 2},
			{PersonID: me.ID, Week: mon.AddDate(0, 0, -7), TechnicalHours: 35, ManagerialHours: 5},
			{PersonID: other.ID, Week: mon, TechnicalHours: 40},
			{PersonID: me.ID, Week: mon, TechnicalHours: 25, ManagerialHours: 12, LearningHours: 3, Note: "replaced"},
		} {
			if err := ls.LogWeek(ctx, l); err != nil {
				t.Fatalf("%d: %v", i, err)
			}
		}
		got, err := ls.FindWeeks(ctx, me.ID, time.Time{}, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		want := []*ladder.TimeLog{
			{ID: got[0].ID, PersonID: me.ID, Week: mon.AddDate(0, 0, -7), TechnicalHours: 35, ManagerialHours: 5},
			{ID: got[1].ID, PersonID: me.ID, Week: mon, TechnicalHours: 25, ManagerialHours: 12, LearningHours: 3, Note: "replaced"},
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if got, _ := ls.FindWeeks(ctx, me.ID, mon, mon); len(got) != 1 || got[0].Note != "replaced" {
			t.Errorf("range: %+v", got)
		}
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, l := range []*ladder.TimeLog{
				{PersonID: me.ID, Week: mon.AddDate(0, 0, 2), TechnicalHours: 1},
				{PersonID: me.ID, TechnicalHours: 1},
				{PersonID: me.ID, Week: mon, TechnicalHours: -1},
				{PersonID: me.ID, Week: mon, TechnicalHours: 100, ManagerialHours: 100},
			} {
				if err := ls.LogWeek(ctx, l); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", l, err)
				}
			}
		})
	})
}
