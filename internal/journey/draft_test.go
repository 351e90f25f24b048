package journey

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func newPerson(t *testing.T, j *Journey) *ladder.Person {
	t.Helper()
	p := &ladder.Person{Name: "Sam", Email: "sam@example.com", StartRole: "help-desk", TargetRole: "team-lead"}
	if err := j.Persons.CreatePerson(context.Background(), p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDraft(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		j := New(db, onet.Embedded)
		p := newPerson(t, j)

		// No draft: finishing is refused as bad input, naming the field.
		if _, err := j.FinishDraft(ctx, p.ID); ladder.ErrorCode(err) != ladder.EINVALID || err.(*ladder.Error).Fields["ratings"] == "" {
			t.Fatalf("finish without draft: %v", err)
		}
		if _, err := j.SaveDraft(ctx, p, nil); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Fatalf("save nothing: %v", err)
		}
		// The first save creates the draft with the ratings in one call.
		a, err := j.SaveDraft(ctx, p, []ladder.Rating{{Competency: "delegation", Level: 2, Note: "kept"}, {Competency: "budgeting", Level: ladder.NotSure}})
		if err != nil {
			t.Fatal(err)
		}
		if a.TargetRole != "team-lead" || a.Completed() {
			t.Fatalf("draft %+v", a)
		}
		// Only "not sure" answers cannot be finished.
		if _, err := j.FinishDraft(ctx, p.ID); err != nil {
			t.Fatalf("finish with a level: %v", err)
		}
		if _, err := j.Draft(ctx, p.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("draft after finishing: %v", err)
		}
		if _, err := j.SaveDraft(ctx, p, []ladder.Rating{{Competency: "budgeting", Level: ladder.NotSure}}); err != nil {
			t.Fatal(err)
		}
		if _, err := j.FinishDraft(ctx, p.ID); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Fatalf("finish with only not sure: %v", err)
		}
		// A later save without a note keeps the note already there.
		if _, err := j.SaveDraft(ctx, p, []ladder.Rating{{Competency: "budgeting", Level: 3, Note: "owned a line"}}); err != nil {
			t.Fatal(err)
		}
		if _, err := j.SaveDraft(ctx, p, []ladder.Rating{{Competency: "budgeting", Level: 4}}); err != nil {
			t.Fatal(err)
		}
		d, err := j.Draft(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got []ladder.Rating
		for _, r := range d.Ratings {
			got = append(got, ladder.Rating{Competency: r.Competency, Level: r.Level, Note: r.Note})
		}
		if diff := cmp.Diff([]ladder.Rating{{Competency: "budgeting", Level: 4, Note: "owned a line"}}, got); diff != "" {
			t.Errorf("draft ratings (-want +got):\n%s", diff)
		}
		// Bad levels are refused by the store's validation.
		if _, err := j.SaveDraft(ctx, p, []ladder.Rating{{Competency: "budgeting", Level: 9}}); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Errorf("level 9: %v", err)
		}
	})
}

func TestSearchStart(t *testing.T) {
	j := New(nil, onet.Embedded)
	m := model.Default()
	tests := []struct {
		name        string
		query       string
		first       string // Value of the first option
		onet        bool   // some option is an O*NET occupation
		closest     bool
		attribution bool
	}{
		{"Empty", "", "help-desk", false, false, false},
		{"Role", "network", "network-engineer", true, false, true},
		{"Code", "15-1244", "15-1244.00", true, false, true},
		{"AltTitle", "help desk analyst", "15-1232.00", true, false, true},
		{"Typo", "sysadmn", "system-administrator", false, true, false},
		{"ONETTypo", "netwrk administrators", "system-administrator", true, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := j.SearchStart(context.Background(), m, tt.query, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(s.Options) == 0 || s.Options[0].Value != tt.first {
				t.Fatalf("options %+v, want %s first", s.Options, tt.first)
			}
			hasONET := false
			for _, o := range s.Options {
				hasONET = hasONET || o.ONET
			}
			if hasONET != tt.onet || s.Closest != tt.closest || (s.Attribution != "") != tt.attribution {
				t.Errorf("onet %v closest %v attribution %q", hasONET, s.Closest, s.Attribution)
			}
		})
	}
}
