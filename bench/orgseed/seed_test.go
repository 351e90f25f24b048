package orgseed

import (
	"context"
	"testing"

	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestSeed seeds a small organisation on both engines and checks it is
// what the application would have left: closed rounds reduced to what
// they show, their answers gone, open rounds with theirs; and that the
// pipeline of the programme and the results person's round can be read.
func TestSeed(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		ctx := context.Background()
		cfg := Config{People: 200, Programme: 40, Cohorts: 2, Rounds: 60, Raters: 8, Asked: 9, ClosedShare: 0.5, Seed: 7}
		res, err := Seed(ctx, db, cfg)
		if err != nil {
			t.Fatal(err)
		}
		c := res.Counts
		if c["persons"] != 200 || c["org_cohort_members"] != 40 || c["feedback_rounds"] != 60 || c["feedback_raters"] != 480 ||
			c["answers given"] != 480*8 {
			t.Errorf("counts %v", c)
		}
		count := func(q string) int {
			t.Helper()
			var n int
			if err := db.SQL().QueryRowContext(ctx, q).Scan(&n); err != nil {
				t.Fatal(err)
			}
			return n
		}
		if n := count(`SELECT COUNT(*) FROM feedback_answers a JOIN feedback_rounds r ON r.id = a.round_id WHERE r.closed_at IS NOT NULL`); n != 0 {
			t.Errorf("%d answers of closed rounds kept", n)
		}
		if n := count(`SELECT COUNT(*) FROM feedback_rounds r WHERE r.closed_at IS NULL AND NOT EXISTS
			(SELECT 1 FROM feedback_answers a WHERE a.round_id = r.id)`); n != 0 {
			t.Errorf("%d open rounds without answers", n)
		}
		if n := count(`SELECT COUNT(*) FROM feedback_rounds r WHERE r.closed_at IS NOT NULL AND NOT EXISTS
			(SELECT 1 FROM feedback_shown_cells s WHERE s.round_id = r.id)`); n != 0 {
			t.Errorf("%d closed rounds show nothing", n)
		}
		if c["rounds closed"] != count(`SELECT COUNT(*) FROM feedback_rounds WHERE closed_at IS NOT NULL`) {
			t.Errorf("rounds closed: %d recorded", c["rounds closed"])
		}
		again, err := Load(ctx, db)
		if err != nil || again.ProgrammeID != res.ProgrammeID || again.ResultsRoundID == 0 {
			t.Fatalf("load: %v %+v", err, again)
		}
		j := journey.New(db, onet.Embedded)
		admin, err := j.Persons.FindPersonByID(ctx, res.AdminID)
		if err != nil {
			t.Fatal(err)
		}
		v, err := j.ProgrammePipeline(ctx, admin, res.ProgrammeID, 0)
		if err != nil || len(v.Rows) != 40 || v.Bench.NotShared == 40 {
			t.Fatalf("pipeline: %v %+v", err, v.Bench)
		}
		member, err := j.Persons.FindPersonByID(ctx, res.ResultsPersonID)
		if err != nil {
			t.Fatal(err)
		}
		r, err := j.FeedbackResults(ctx, member, res.ResultsRoundID)
		if err != nil || len(r.Trend.Rounds) != 2 {
			t.Fatalf("results: %v %+v", err, r)
		}
		if _, err := Seed(ctx, db, cfg); err == nil {
			t.Error("seeded a database holding people")
		}
	})
}
