package journey_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var ctx = context.Background()

func TestResolveStart(t *testing.T) {
	j := journey.New(sqldbtest.Open(t, sqldb.SQLite), onet.Embedded)
	m, _ := j.Model(ctx)
	tests := []struct {
		in, value, onet string
		proxy           bool
	}{
		{"system-administrator", "system-administrator", "15-1244.00", false},
		{"System administrator", "system-administrator", "15-1244.00", false},
		{"software-developer", "software-developer", "15-1251.00", true},
		{"15-1232.00", "15-1232.00", "15-1232.00", false},
		{"15-1232", "15-1232.00", "15-1232.00", false},
		// O*NET 29.3 has no ratings for Software Developers: the proxy our
		// role names stands in.
		{"15-1252.00", "15-1252.00", "15-1251.00", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			s, err := j.ResolveStart(ctx, m, tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if s.Value != tt.value || s.ONETCode != tt.onet || s.Proxy != tt.proxy {
				t.Errorf("got %+v", s)
			}
		})
	}
	t.Run("ErrUnknown", func(t *testing.T) {
		_, err := j.ResolveStart(ctx, m, "netwrk engneer")
		if ladder.ErrorCode(err) != ladder.ENOTFOUND || !strings.Contains(err.Error(), "closest") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("ErrTargetIsNotStart", func(t *testing.T) {
		if _, err := j.ResolveTarget(m, "system-administrator"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("a start role accepted as target: %v", err)
		}
	})
}

func TestSnapshot(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		p, err := demo.Load(ctx, j, now)
		if err != nil {
			t.Fatal(err)
		}
		s, err := j.Snapshot(ctx, p, "")
		if err != nil {
			t.Fatal(err)
		}
		if s.Target.Slug != "it-manager" || len(s.Assessments) != 2 {
			t.Fatalf("target %s, %d assessments", s.Target.Slug, len(s.Assessments))
		}
		// The demo rated everything: every level is a self-rating, from the
		// second assessment where it changed.
		if got := s.Levels["budgeting"]; got.Source != readiness.SourceSelf || got.Level != 2 {
			t.Errorf("budgeting %+v", got)
		}
		// Another person with no ratings gets estimates from the role profile
		// and, for the rest, from O*NET.
		q := &ladder.Person{Name: "Q", Email: "q@example.com", StartRole: "help-desk", TargetRole: "team-lead"}
		if err := j.Persons.CreatePerson(ctx, q); err != nil {
			t.Fatal(err)
		}
		s, err = j.Snapshot(ctx, q, "")
		if err != nil {
			t.Fatal(err)
		}
		var role, fromONET int
		for _, c := range s.Levels {
			switch {
			case c.Source != readiness.SourcePrior:
				t.Errorf("%s: source %s, want an estimate", c.Competency, c.Source)
			case strings.Contains(c.Basis, "role profile"):
				role++
			case strings.Contains(c.Basis, "O*NET data for 15-1232.00"):
				fromONET++
			}
		}
		if role == 0 || fromONET == 0 || s.Attribution == "" {
			t.Errorf("%d from the role profile, %d from O*NET, attribution %q", role, fromONET, s.Attribution)
		}
		if _, err := j.Snapshot(ctx, q, "nope"); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("unknown target: %v", err)
		}
	})
}

// A cached snapshot never outlives a change: every write bumps the person's
// data version, which is part of the cache key.
func TestSnapshotCacheFollowsWrites(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		p := &ladder.Person{Name: "C", Email: "c@example.com", StartRole: "help-desk", TargetRole: "it-manager"}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		level := func() readiness.Current {
			fresh, err := j.Persons.FindPersonByID(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			s, err := j.Snapshot(ctx, fresh, "")
			if err != nil {
				t.Fatal(err)
			}
			again, _ := j.Snapshot(ctx, fresh, "")
			if again != s {
				t.Error("same version, new snapshot: the cache missed")
			}
			return s.Levels["budgeting"]
		}
		if l := level(); l.Source != readiness.SourcePrior {
			t.Fatalf("before rating: %+v", l)
		}
		a := &ladder.Assessment{PersonID: p.ID, Ratings: []ladder.Rating{{Competency: "budgeting", Level: 4}}}
		a.CompletedAt = db.Now()
		if err := j.Assessments.CreateAssessment(ctx, a); err != nil {
			t.Fatal(err)
		}
		if l := level(); l.Source != readiness.SourceSelf || l.Level != 4 {
			t.Fatalf("after rating: %+v", l)
		}
		if err := j.Assessments.DeleteAssessment(ctx, a.PersonID, a.ID); err != nil {
			t.Fatal(err)
		}
		if l := level(); l.Source != readiness.SourcePrior {
			t.Fatalf("after deleting the assessment: %+v", l)
		}

		// Evidence writes bump the version too: create, update, delete.
		base := level().Level
		day := ladder.Day(db.Now()).AddDate(0, -1, 0)
		var ids []int64
		for i := range 2 {
			e := &ladder.Evidence{PersonID: p.ID, Kind: ladder.EvidenceBudget, Title: "Budget line",
				Start: day.AddDate(0, -i, 0), Competencies: []string{"budgeting"}}
			if err := j.Evidence.CreateEvidence(ctx, e); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, e.ID)
		}
		if l := level(); l.Level != base+0.25 || l.Evidence != 2 || !strings.Contains(l.Basis, "+ 2 evidence entries (+0.25)") {
			t.Fatalf("after two entries: %+v", l)
		}
		other := []string{"negotiation"}
		if _, err := j.Evidence.UpdateEvidence(ctx, p.ID, ids[0], ladder.EvidenceUpdate{Competencies: &other}); err != nil {
			t.Fatal(err)
		}
		if l := level(); l.Level != base || l.Evidence != 1 {
			t.Fatalf("after moving an entry to another competency: %+v", l)
		}
		if err := j.Evidence.DeleteEvidence(ctx, p.ID, ids[1]); err != nil {
			t.Fatal(err)
		}
		if l := level(); l.Level != base || l.Evidence != 0 {
			t.Fatalf("after deleting the entry: %+v", l)
		}
	})
}
