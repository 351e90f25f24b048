package journey_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/demo"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestGeneratePlan(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		now := time.Date(2026, 11, 1, 12, 0, 0, 0, time.UTC)
		db.Now = func() time.Time { return now }
		p, err := demo.Load(ctx, j, now)
		if err != nil {
			t.Fatal(err)
		}
		t.Run("ErrInvalid", func(t *testing.T) {
			for _, o := range []journey.PlanOptions{{Months: 7}, {Months: 6, Until: now.AddDate(1, 0, 0)},
				{HoursPerMonth: 500}, {Until: now.AddDate(0, 0, 3)}} {
				if _, err := j.GeneratePlan(ctx, p, o); ladder.ErrorCode(err) != ladder.EINVALID {
					t.Errorf("%+v: %v", o, err)
				}
			}
			if _, err := j.Plans().FindPlan(ctx, p.ID); ladder.ErrorCode(err) != ladder.ENOTFOUND {
				t.Errorf("a refused plan was saved: %v", err)
			}
		})
		pl, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12, HoursPerMonth: 12})
		if err != nil {
			t.Fatal(err)
		}
		stored, err := j.Plans().FindPlan(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(stored.Goals) == 0 || stored.ID != pl.ID || stored.HoursPerMonth != 12 ||
			!stored.End.Equal(time.Date(2027, 10, 31, 0, 0, 0, 0, time.UTC)) {
			t.Fatalf("stored plan %+v", stored)
		}
		done := stored.Goals[0].Actions[0]
		if err := j.Plans().SetActionDone(ctx, p.ID, done.ID, true); err != nil {
			t.Fatal(err)
		}
		again, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 6})
		if err != nil {
			t.Fatal(err)
		}
		kept, _, ok := again.Action(done.Key)
		if !ok || kept.ID != done.ID || !kept.Done || again.ID != pl.ID {
			t.Errorf("regeneration lost the done action %d: %+v", done.ID, kept)
		}

		t.Run("ICS", func(t *testing.T) {
			if err := j.Plans().DropAction(ctx, p.ID, again.Goals[0].Actions[len(again.Goals[0].Actions)-1].ID); err != nil {
				t.Fatal(err)
			}
			pl, _ := j.Plans().FindPlan(ctx, p.ID)
			cal, err := ics.ParseCalendar(bytes.NewReader(journey.PlanICS(pl)))
			if err != nil {
				t.Fatal(err)
			}
			want := map[string]time.Time{}
			for _, g := range pl.Goals {
				want[fmt.Sprintf("goal-%d@ladder", g.ID)] = g.TargetDate
				for _, a := range g.Actions {
					if !a.Dropped {
						want[fmt.Sprintf("action-%d@ladder", a.ID)] = a.Due
					}
				}
			}
			events := cal.Events()
			if len(events) != len(want) {
				t.Errorf("%d events, want %d", len(events), len(want))
			}
			for _, ev := range events {
				day, err := ev.GetAllDayStartAt()
				if err != nil {
					t.Fatal(err)
				}
				due, ok := want[ev.Id()]
				if !ok || day.Format(time.DateOnly) != due.UTC().Format(time.DateOnly) {
					t.Errorf("event %s on %s, want %s (known %v)", ev.Id(), day, due, ok)
				}
				sum := ev.GetProperty(ics.ComponentPropertySummary)
				desc := ev.GetProperty(ics.ComponentPropertyDescription)
				if sum == nil || sum.Value == "" || desc == nil ||
					(strings.HasPrefix(ev.Id(), "action-") && !strings.Contains(desc.Value, "Done when:")) {
					t.Errorf("event %s lacks summary or description", ev.Id())
				}
			}
			if !bytes.Equal(journey.PlanICS(pl), journey.PlanICS(pl)) {
				t.Error("the export is not deterministic")
			}
		})
	})
}
