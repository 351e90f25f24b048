package sqldb_test

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestJournal(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps := sqldb.NewPersonService(db)
		js := sqldb.NewJournalService(db, defaultModel)
		me, other := &ladder.Person{Name: "Me", Email: "me@example.com"}, &ladder.Person{Name: "O", Email: "o@example.com"}
		for _, p := range []*ladder.Person{me, other} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		day := time.Date(2026, 4, 20, 0, 0, 0, 0, time.UTC)
		win := &ladder.JournalEntry{PersonID: me.ID, Date: day, Kind: ladder.JournalWin, Title: "Ran my first retro",
			Body: "The team spoke up.", Mood: 4, Confidence: 3, Tags: []string{"Retro", "team", "team"},
			Competencies: []string{"team-dynamics", "clear-instructions"}}
		if err := js.CreateJournalEntry(ctx, win); err != nil {
			t.Fatal(err)
		}
		refl := &ladder.JournalEntry{PersonID: me.ID, Date: day.AddDate(0, 0, 7), Kind: ladder.JournalReflection, Title: "Week 17",
			Reflection: ladder.Reflection{Description: "A tense stand-up", Feelings: "Uneasy", ActionPlan: "Ask earlier"}}
		if err := js.CreateJournalEntry(ctx, refl); err != nil {
			t.Fatal(err)
		}
		got, err := js.FindJournalEntry(ctx, me.ID, win.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.JournalEntry{ID: win.ID, PersonID: me.ID, Date: day, Kind: "win", Title: "Ran my first retro",
			Body: "The team spoke up.", Mood: 4, Confidence: 3, Tags: []string{"retro", "team"},
			Competencies: []string{"clear-instructions", "team-dynamics"}, CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		list, n, err := js.FindJournal(ctx, ladder.JournalFilter{PersonID: me.ID})
		if err != nil || n != 2 || list[0].ID != refl.ID || list[0].Reflection.ActionPlan != "Ask earlier" {
			t.Fatalf("newest first: %v %d %+v", err, n, list)
		}
		if list, _, _ := js.FindJournal(ctx, ladder.JournalFilter{PersonID: me.ID, Tag: "retro"}); len(list) != 1 {
			t.Errorf("by tag: %d", len(list))
		}

		t.Run("ErrInvalid", func(t *testing.T) {
			for _, e := range []*ladder.JournalEntry{
				{PersonID: me.ID, Date: day, Kind: "rant", Title: "x"},
				{PersonID: me.ID, Date: day, Kind: "win", Title: ""},
				{PersonID: me.ID, Date: day, Kind: "win", Title: "x", Mood: 6},
				{PersonID: me.ID, Date: day, Kind: "win", Title: "x", Competencies: []string{"juggling"}},
				{PersonID: me.ID, Date: day, Kind: "win", Title: "x", Challenge: "deadlines"},
				{PersonID: me.ID, Date: day, Kind: "reflection", Title: "x"},
			} {
				if err := js.CreateJournalEntry(ctx, e); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", e, err)
				}
			}
			if _, n, _ := js.FindJournal(ctx, ladder.JournalFilter{PersonID: me.ID}); n != 2 {
				t.Errorf("a refused entry was saved: %d entries", n)
			}
		})
		t.Run("OtherPersonDenied", func(t *testing.T) {
			if _, err := js.FindJournalEntry(ctx, other.ID, win.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("read: %v", err)
			}
			stolen := *win
			stolen.PersonID, stolen.Title = other.ID, "mine now"
			if err := js.UpdateJournalEntry(ctx, &stolen); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := js.DeleteJournalEntry(ctx, other.ID, win.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
		})
		t.Run("UpdateAndVersion", func(t *testing.T) {
			before, _ := ps.FindPersonByID(ctx, me.ID)
			win.Tags = []string{"retro"}
			win.Mood = 5
			if err := js.UpdateJournalEntry(ctx, win); err != nil {
				t.Fatal(err)
			}
			got, _ := js.FindJournalEntry(ctx, me.ID, win.ID)
			after, _ := ps.FindPersonByID(ctx, me.ID)
			if got.Mood != 5 || len(got.Tags) != 1 || after.Version <= before.Version {
				t.Errorf("mood %d tags %v version %d -> %d", got.Mood, got.Tags, before.Version, after.Version)
			}
		})
		t.Run("Cascade", func(t *testing.T) {
			if err := ps.DeletePerson(ctx, me.ID); err != nil {
				t.Fatal(err)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM journal_tags`).Scan(&n)
			if n != 0 {
				t.Errorf("%d tags left", n)
			}
		})
	})
}
