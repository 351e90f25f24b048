package sqldb_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func date(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

// version reads a person's data version straight from the store.
func version(t *testing.T, ps *sqldb.PersonService, id int64) int64 {
	t.Helper()
	p, err := ps.FindPersonByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return p.Version
}

func TestEvidence(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		t0 := frozen(db)
		ps := sqldb.NewPersonService(db)
		es := sqldb.NewEvidenceService(db, defaultModel)
		alex := &ladder.Person{Name: "Alex", Email: "alex@example.com"}
		sam := &ladder.Person{Name: "Sam", Email: "sam@example.com"}
		for _, p := range []*ladder.Person{alex, sam} {
			if err := ps.CreatePerson(ctx, p); err != nil {
				t.Fatal(err)
			}
		}
		e := &ladder.Evidence{PersonID: alex.ID, Kind: ladder.EvidenceLedProject, Title: " Storage migration ",
			Description: "Moved 40 TB to the new array.", Start: date("2025-01-01"), End: date("2025-06-30"),
			Competencies: []string{"scope-management", "delegation", "scope-management"},
			MoneySaved:   ladder.Money{Amount: 12000, Currency: "eur"}, HoursSaved: 40, PeopleCount: 5}
		v0 := version(t, ps, alex.ID)
		if err := es.CreateEvidence(ctx, e); err != nil {
			t.Fatal(err)
		}
		if v := version(t, ps, alex.ID); v != v0+1 {
			t.Errorf("create: data version %d, want %d", v, v0+1)
		}
		got, err := es.FindEvidenceByID(ctx, alex.ID, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := &ladder.Evidence{ID: e.ID, PersonID: alex.ID, Kind: "led-project", Title: "Storage migration",
			Description: "Moved 40 TB to the new array.", Start: date("2025-01-01"), End: date("2025-06-30"),
			Competencies: []string{"scope-management", "delegation"},
			MoneySaved:   ladder.Money{Amount: 12000, Currency: "EUR"}, HoursSaved: 40, PeopleCount: 5,
			CreatedAt: t0, UpdatedAt: t0}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if m := got.ProjectMonths(); m != 6 {
			t.Errorf("computed months %v, want 6", m)
		}

		t.Run("Update", func(t *testing.T) {
			v0 := version(t, ps, alex.ID)
			title, months, none := "Storage migration (phase 1)", 7.5, time.Time{}
			comps := []string{"delegation", "stakeholder-communication"}
			got, err := es.UpdateEvidence(ctx, alex.ID, e.ID, ladder.EvidenceUpdate{Title: &title, Months: &months,
				End: &none, Competencies: &comps})
			if err != nil {
				t.Fatal(err)
			}
			again, _ := es.FindEvidenceByID(ctx, alex.ID, e.ID)
			if diff := cmp.Diff(got, again); diff != "" {
				t.Errorf("returned and stored differ (-returned +stored):\n%s", diff)
			}
			if again.Title != title || !again.End.IsZero() || again.ProjectMonths() != 7.5 ||
				!cmp.Equal(again.Competencies, comps) || again.HoursSaved != 40 {
				t.Errorf("after update: %+v", again)
			}
			if v := version(t, ps, alex.ID); v != v0+1 {
				t.Errorf("update: data version %d, want %d", v, v0+1)
			}
		})

		t.Run("ErrInvalid", func(t *testing.T) {
			tests := []struct {
				name   string
				e      ladder.Evidence
				fields []string
			}{
				{"ErrKindTitle", ladder.Evidence{Kind: "juggling", Start: date("2025-01-01")}, []string{"kind", "title"}},
				{"ErrDates", ladder.Evidence{Kind: "budget", Title: "x", Start: date("2025-03-01"), End: date("2025-02-01")}, []string{"end"}},
				{"ErrStartRequired", ladder.Evidence{Kind: "budget", Title: "x"}, []string{"start"}},
				{"ErrFuture", ladder.Evidence{Kind: "budget", Title: "x", Start: t0.AddDate(0, 0, 2)}, []string{"start"}},
				{"ErrUnknownCompetency", ladder.Evidence{Kind: "budget", Title: "x", Start: date("2025-03-01"),
					Competencies: []string{"budgeting", "juggling"}}, []string{"competencies"}},
				{"ErrFigures", ladder.Evidence{Kind: "budget", Title: "x", Start: date("2025-03-01"), HoursSaved: -1,
					PeopleCount: -2, Months: -3, MoneySaved: ladder.Money{Amount: 5}}, []string{"hours_saved", "people", "months", "money_saved"}},
			}
			for _, tt := range tests {
				t.Run(tt.name, func(t *testing.T) {
					e := tt.e
					e.PersonID = alex.ID
					err := es.CreateEvidence(ctx, &e)
					le, ok := err.(*ladder.Error)
					if !ok || le.Code != ladder.EINVALID {
						t.Fatalf("got %v", err)
					}
					for _, f := range tt.fields {
						if le.Fields[f] == "" {
							t.Errorf("no message for %s: %v", f, le.Fields)
						}
					}
				})
			}
			// A rejected update leaves the entry as it was.
			bad := []string{"delegation", "juggling"}
			if _, err := es.UpdateEvidence(ctx, alex.ID, e.ID, ladder.EvidenceUpdate{Competencies: &bad}); ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("update with an unknown competency: %v", err)
			}
			got, _ := es.FindEvidenceByID(ctx, alex.ID, e.ID)
			if len(got.Competencies) != 2 || got.Competencies[1] != "stakeholder-communication" {
				t.Errorf("half-written: %v", got.Competencies)
			}
			_, n, _ := es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID})
			if n != 1 {
				t.Errorf("%d entries after refused creates, want 1", n)
			}
		})

		t.Run("ErrOtherPerson", func(t *testing.T) {
			v0 := version(t, ps, alex.ID)
			title := "taken over"
			if _, err := es.FindEvidenceByID(ctx, sam.ID, e.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("find: %v", err)
			}
			if _, err := es.UpdateEvidence(ctx, sam.ID, e.ID, ladder.EvidenceUpdate{Title: &title}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("update: %v", err)
			}
			if err := es.DeleteEvidence(ctx, sam.ID, e.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("delete: %v", err)
			}
			if got, err := es.FindEvidenceByID(ctx, alex.ID, e.ID); err != nil || got.Title == title {
				t.Errorf("Alex's entry changed: %v %+v", err, got)
			}
			if v := version(t, ps, alex.ID); v != v0 {
				t.Errorf("refused writes bumped the data version %d -> %d", v0, v)
			}
			if err := es.CreateEvidence(ctx, &ladder.Evidence{PersonID: 4242, Kind: "other", Title: "x", Start: date("2025-01-01")}); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("create for an unknown person: %v", err)
			}
		})

		t.Run("Filter", func(t *testing.T) {
			for i := range 5 {
				kind := ladder.EvidenceMentored
				if i%2 == 0 {
					kind = ladder.EvidenceFacilitated
				}
				err := es.CreateEvidence(ctx, &ladder.Evidence{PersonID: alex.ID, Kind: kind, Title: fmt.Sprint("entry ", i),
					Start: date("2024-01-10").AddDate(0, i, 0), Competencies: []string{"developing-people"}})
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := es.CreateEvidence(ctx, &ladder.Evidence{PersonID: sam.ID, Kind: "other", Title: "Sam's", Start: date("2024-02-01"),
				Competencies: []string{"developing-people"}}); err != nil {
				t.Fatal(err)
			}
			titles := func(list []*ladder.Evidence) []string {
				var out []string
				for _, e := range list {
					out = append(out, e.Title)
				}
				return out
			}
			list, n, err := es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID, Competency: "developing-people", Offset: 1, Limit: 2})
			if err != nil || n != 5 {
				t.Fatalf("%v n=%d", err, n)
			}
			if diff := cmp.Diff([]string{"entry 3", "entry 2"}, titles(list)); diff != "" {
				t.Errorf("newest first, page 2 (-want +got):\n%s", diff)
			}
			if len(list[0].Competencies) != 1 {
				t.Errorf("competencies not loaded: %+v", list[0])
			}
			list, _, _ = es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID, Kind: ladder.EvidenceMentored})
			if diff := cmp.Diff([]string{"entry 3", "entry 1"}, titles(list)); diff != "" {
				t.Errorf("by kind (-want +got):\n%s", diff)
			}
			// Of the single dates, only entry 4 (2024-05-10) falls in the range.
			list, _, _ = es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID, From: date("2024-04-15"), To: date("2024-06-30")})
			if diff := cmp.Diff([]string{"entry 4"}, titles(list)); diff != "" {
				t.Errorf("by dates (-want +got):\n%s", diff)
			}
			// Keyset paging continues after an entry, whatever was deleted meanwhile.
			all, _, _ := es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID})
			if err := es.DeleteEvidence(ctx, alex.ID, all[2].ID); err != nil {
				t.Fatal(err)
			}
			list, n, _ = es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: alex.ID, AfterStart: all[2].Start, AfterID: all[2].ID, Limit: 2})
			if diff := cmp.Diff(titles(all[3:5]), titles(list)); diff != "" || n != 5 {
				t.Errorf("after a deleted cursor entry, n=%d (-want +got):\n%s", n, diff)
			}
		})

		t.Run("Delete", func(t *testing.T) {
			v0 := version(t, ps, alex.ID)
			if err := es.DeleteEvidence(ctx, alex.ID, e.ID); err != nil {
				t.Fatal(err)
			}
			if v := version(t, ps, alex.ID); v != v0+1 {
				t.Errorf("delete: data version %d, want %d", v, v0+1)
			}
			if _, err := es.FindEvidenceByID(ctx, alex.ID, e.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("deleted entry found: %v", err)
			}
			if err := es.DeleteEvidence(ctx, alex.ID, e.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("second delete: %v", err)
			}
			var n int
			db.SQL().QueryRow(`SELECT COUNT(*) FROM evidence_competencies WHERE evidence_id = $1`, e.ID).Scan(&n)
			if n != 0 {
				t.Errorf("%d competency links left", n)
			}
		})

		t.Run("DeleteCascades", func(t *testing.T) {
			if err := ps.DeletePerson(ctx, alex.ID); err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"evidence", "evidence_competencies"} {
				var n int
				db.SQL().QueryRow(`SELECT COUNT(*) FROM `+table+` WHERE person_id = $1`, alex.ID).Scan(&n)
				if n != 0 {
					t.Errorf("%d rows of %s left", n, table)
				}
			}
			if _, n, _ := es.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: sam.ID}); n != 1 {
				t.Errorf("Sam's entries: %d, want 1", n)
			}
		})
	})
}
