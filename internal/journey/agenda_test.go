package journey_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func TestAgenda(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j := journey.New(db, onet.Embedded)
		now := time.Date(2026, 11, 18, 15, 0, 0, 0, time.UTC) // a Wednesday
		db.Now = func() time.Time { return now }
		today := ladder.Day(now)
		day := func(n int) time.Time { return today.AddDate(0, 0, n) }
		p := &ladder.Person{Name: "Agnes", Email: "agnes@example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
		if err := j.Persons.CreatePerson(ctx, p); err != nil {
			t.Fatal(err)
		}
		if rs, err := j.Agenda(ctx, p.ID, today, day(7)); err != nil || len(rs) != 0 {
			t.Fatalf("no plan: %v %v", rs, err)
		}
		if _, err := j.Agenda(ctx, p.ID, today, today); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Fatalf("empty window: %v", err)
		}
		pl, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12})
		if err != nil {
			t.Fatal(err)
		}
		// Give four actions known due dates: overdue and open, overdue but
		// done, due in the window, due just after it.
		acts := pl.Goals[0].Actions
		if len(acts) < 3 || len(pl.Goals) < 2 {
			t.Fatalf("plan too small for the test: %+v", pl)
		}
		set := map[string]time.Time{acts[0].Key: day(-3), acts[1].Key: day(-10), acts[2].Key: day(6), pl.Goals[1].Actions[0].Key: day(7)}
		for _, g := range pl.Goals {
			for i := range g.Actions {
				a := &g.Actions[i]
				due, ok := set[a.Key]
				if !ok {
					due = day(60)
				}
				a.Due, a.Start = due, due.AddDate(0, -1, 0)
			}
		}
		if err := j.Plans().SavePlan(ctx, pl); err != nil {
			t.Fatal(err)
		}
		if err := j.Plans().SetActionDone(ctx, p.ID, acts[1].ID, true); err != nil {
			t.Fatal(err)
		}
		rs, err := j.Agenda(ctx, p.ID, today, day(7))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, r := range rs {
			got = append(got, r.Date.Format("01-02")+" "+r.Title+map[bool]string{true: " (overdue)"}[r.Overdue])
			if r.Kind != ladder.ReminderPlanAction || !strings.HasPrefix(r.UID, "plan-action-") || !strings.HasPrefix(r.Link, "/plan#action-") {
				t.Errorf("reminder %+v", r)
			}
		}
		want := []string{"11-15 " + acts[0].Title + " (overdue)", "11-24 " + acts[2].Title}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("agenda\n got %q\nwant %q", got, want)
		}

		b, err := j.CalendarICS(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		uids := map[string]bool{}
		for _, ev := range cal.Events() {
			uids[ev.Id()] = true
		}
		for _, uid := range []string{"action-" + itoa(acts[0].ID) + "@ladder", "goal-" + itoa(pl.Goals[0].ID) + "@ladder"} {
			if !uids[uid] {
				t.Errorf("calendar lacks %s: %v", uid, uids)
			}
		}
	})
}
