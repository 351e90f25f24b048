package journey_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

func newManager(t *testing.T, j *journey.Journey, email string) *ladder.Person {
	t.Helper()
	p := &ladder.Person{Name: "Priya", Email: email, StartRole: "system-administrator", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBecomeManager(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = func() time.Time { return portNow }
		j := journey.New(db, onet.Embedded)
		p := newManager(t, j, "priya@example.com")
		if _, err := j.First90(ctx, p.ID, portNow); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Fatalf("before recording: %v", err)
		}
		role := &ladder.ManagerRole{PersonID: p.ID, Start: day("2025-05-01"), TeamName: "Infrastructure", TeamSize: 4,
			Title: "IT manager", Situation: "turnaround"}
		preview, err := j.PreviewFirst90(role)
		if err != nil || len(preview) != 21 {
			t.Fatalf("preview %v %d", err, len(preview))
		}
		steps, err := j.BecomeManager(ctx, role)
		if err != nil || len(steps) != 21 || steps[0].ID == 0 {
			t.Fatalf("%v %d", err, len(steps))
		}
		done := steps[slices.IndexFunc(steps, func(s *ladder.First90Step) bool { return s.Key == "urgent-fires" })]
		if _, err := j.Manager.MarkFirst90Step(ctx, p.ID, done.ID, true, "fixed the backups"); err != nil {
			t.Fatal(err)
		}

		v, err := j.First90(ctx, p.ID, portNow) // 11 June: day 42
		if err != nil {
			t.Fatal(err)
		}
		if v.Position.Day != 42 || v.Position.Phase.Key != "days-31-60" || v.Situation.Name != "Turnaround" || v.Done != 1 {
			t.Errorf("day %d phase %s situation %q done %d", v.Position.Day, v.Position.Phase.Key, v.Situation.Name, v.Done)
		}
		// Every step of days 1-30 but the done one is overdue, and some of
		// days 31-60.
		if len(v.Overdue) < 6 || slices.ContainsFunc(v.Overdue, func(s *ladder.First90Step) bool { return s.Done }) {
			t.Errorf("%d overdue", len(v.Overdue))
		}
		if len(v.Next) != 3 || v.Next[0].Due.Before(day("2025-06-11")) {
			t.Errorf("next %+v", v.Next)
		}

		// Moving to a situation that skips the done step keeps it; the
		// start date moves every other step.
		role.Situation, role.Start = "sustaining-success", day("2025-05-15")
		again, err := j.BecomeManager(ctx, role)
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(again, func(s *ladder.First90Step) bool { return s.Key == "urgent-fires" })
		if i < 0 || again[i].ID != done.ID || !again[i].Done || again[i].Note != "fixed the backups" {
			t.Fatalf("done step lost: %+v", again)
		}
		if slices.ContainsFunc(again, func(s *ladder.First90Step) bool { return s.Key == "team-structure" }) {
			t.Error("a step the new situation skips and not done is still there")
		}
		stored, _ := j.Manager.FindFirst90Steps(ctx, p.ID)
		if len(stored) != len(again) || len(stored) != 20 {
			t.Errorf("stored %d, returned %d", len(stored), len(again))
		}
		bad := *role
		bad.TeamSize = 0
		if _, err := j.BecomeManager(ctx, &bad); ladder.ErrorCode(err) != ladder.EINVALID {
			t.Errorf("bad role: %v", err)
		}
	})
}

func TestFirst90Reminders(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		db.Now = func() time.Time { return portNow }
		j := journey.New(db, onet.Embedded)
		p := newManager(t, j, "priya@example.com")
		other := newManager(t, j, "other@example.com")
		if _, err := j.BecomeManager(ctx, &ladder.ManagerRole{PersonID: p.ID, Start: day("2025-06-01"), TeamName: "Ops", TeamSize: 3,
			Title: "Head of IT operations", Situation: "turnaround"}); err != nil {
			t.Fatal(err)
		}
		sam := &ladder.TeamMember{PersonID: p.ID, Name: "Sam", Role: "Network engineer", NextOneToOne: day("2025-06-12")}
		ann := &ladder.TeamMember{PersonID: p.ID, Name: "Ann", NextOneToOne: day("2025-06-02")} // missed: nothing recorded since
		bo := &ladder.TeamMember{PersonID: p.ID, Name: "Bo", NextOneToOne: day("2025-06-03")}   // met on the 4th: not missed
		zed := &ladder.TeamMember{PersonID: other.ID, Name: "Zed", NextOneToOne: day("2025-06-12")}
		for _, m := range []*ladder.TeamMember{sam, ann, bo, zed} {
			if err := j.Team.CreateTeamMember(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range []*ladder.OneToOne{
			{PersonID: p.ID, MemberID: bo.ID, Date: day("2025-06-04"), FollowUps: []ladder.FollowUp{
				{Text: "Send Bo the course link", Due: day("2025-06-05")}, // overdue
				{Text: "Ask about the rota", Due: day("2025-06-13")},
				{Text: "Someday", Due: time.Time{}}, // no date: no reminder
				{Text: "Already done", Due: day("2025-06-12"), Done: true},
				{Text: "Too late for the window", Due: day("2025-06-25")}}},
		} {
			if err := j.Team.CreateOneToOne(ctx, o); err != nil {
				t.Fatal(err)
			}
		}
		for _, st := range []*ladder.Stakeholder{
			{PersonID: p.ID, Name: "The CFO", Influence: 5, Interest: 2, NextContact: day("2025-06-16")},
			{PersonID: p.ID, Name: "Facilities", Influence: 2, Interest: 4, NextContact: day("2025-07-16")}, // later
			{PersonID: other.ID, Name: "Not mine", Influence: 3, Interest: 3, NextContact: day("2025-06-16")},
		} {
			if err := j.Stakeholders.CreateStakeholder(ctx, st); err != nil {
				t.Fatal(err)
			}
		}
		got, err := j.First90Reminders(ctx, p.ID, day("2025-06-11"), day("2025-06-18"))
		if err != nil {
			t.Fatal(err)
		}
		type row struct {
			date, kind, title string
			overdue           bool
		}
		var rows []row
		uids := map[string]bool{}
		for _, r := range got {
			rows = append(rows, row{r.Date.Format(time.DateOnly), r.Kind, r.Title, r.Overdue})
			if r.UID == "" || uids[r.UID] || r.Link == "" {
				t.Errorf("reminder %+v: UID empty or repeated, or no link", r)
			}
			uids[r.UID] = true
		}
		has := func(want row) {
			t.Helper()
			if !slices.Contains(rows, want) {
				t.Errorf("no reminder %+v in\n%+v", want, rows)
			}
		}
		has(row{"2025-06-12", ladder.ReminderOneToOne, "One-to-one with Sam", false})
		has(row{"2025-06-02", ladder.ReminderOneToOne, "One-to-one with Ann", true})
		has(row{"2025-06-05", ladder.ReminderOneToOne, "Send Bo the course link", true})
		has(row{"2025-06-13", ladder.ReminderOneToOne, "Ask about the rota", false})
		has(row{"2025-06-16", ladder.ReminderFollowUp, "Talk to The CFO", false})
		has(row{"2025-06-04", ladder.ReminderFirst90, "Take stock of systems, services and open risks", true})
		for _, r := range rows {
			switch {
			case r.title == "One-to-one with Bo", r.title == "One-to-one with Zed", r.title == "Someday",
				r.title == "Already done", r.title == "Too late for the window", r.title == "Talk to Facilities", r.title == "Talk to Not mine":
				t.Errorf("unexpected reminder %+v", r)
			case !r.overdue && (r.date < "2025-06-11" || r.date >= "2025-06-18"):
				t.Errorf("reminder outside the window %+v", r)
			case r.overdue && r.date >= "2025-06-11":
				t.Errorf("overdue but due in the window %+v", r)
			}
		}
		for i := 1; i < len(got); i++ {
			if got[i].Date.Before(got[i-1].Date) {
				t.Errorf("not by date: %v before %v", got[i-1].Date, got[i].Date)
			}
		}
		// A done step drops out.
		steps, _ := j.Manager.FindFirst90Steps(ctx, p.ID)
		if _, err := j.Manager.MarkFirst90Step(ctx, p.ID, steps[0].ID, true, ""); err != nil {
			t.Fatal(err)
		}
		again, _ := j.First90Reminders(ctx, p.ID, day("2025-06-11"), day("2025-06-18"))
		if len(again) != len(got)-1 {
			t.Errorf("%d reminders after marking one step done, want %d", len(again), len(got)-1)
		}
		// Nobody else's.
		if theirs, _ := j.First90Reminders(ctx, other.ID, day("2025-06-11"), day("2025-06-18")); len(theirs) != 2 || theirs[0].Title != "One-to-one with Zed" || theirs[1].Title != "Talk to Not mine" {
			t.Errorf("other's reminders %+v", theirs)
		}
	})
}
