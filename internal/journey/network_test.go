package journey_test

import (
	"strconv"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

var netNow = time.Date(2026, 5, 6, 10, 0, 0, 0, time.UTC) // a Wednesday

func netJourney(t *testing.T, db *sqldb.DB) (*journey.Journey, *ladder.Person) {
	t.Helper()
	db.Now = func() time.Time { return netNow }
	j := journey.New(db, onet.Embedded)
	p := &ladder.Person{Name: "Sam", Email: "sam@example.com", StartRole: "system-administrator", TargetRole: "it-manager"}
	if err := j.Persons.CreatePerson(ctx, p); err != nil {
		t.Fatal(err)
	}
	return j, p
}

func TestAddAgreedActionToPlan(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j, p := netJourney(t, db)
		m := &ladder.Mentor{PersonID: p.ID, Name: "Dana"}
		if err := j.Mentors.CreateMentor(ctx, m); err != nil {
			t.Fatal(err)
		}
		today := ladder.Day(netNow)
		held := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: today.AddDate(0, 0, -7), Status: ladder.SessionHeld,
			Actions: []ladder.AgreedAction{{Text: "Ask to own the licence budget line"}, {Text: "Sit in on a vendor review", Competency: "vendor-management"}}}
		next := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: today.AddDate(0, 0, 12)}
		for _, s := range []*ladder.MentoringSession{held, next} {
			if err := j.Mentors.CreateMentoringSession(ctx, s); err != nil {
				t.Fatal(err)
			}
		}
		plain, vendor := held.Actions[0].ID, held.Actions[1].ID

		_, err := j.AddAgreedActionToPlan(ctx, p, plain)
		if e, ok := err.(*ladder.Error); !ok || e.Code != ladder.ECONFLICT || e.Fields["plan"] == "" {
			t.Fatalf("without a plan: %v", err)
		}
		pl, err := j.GeneratePlan(ctx, p, journey.PlanOptions{Months: 12})
		if err != nil {
			t.Fatal(err)
		}
		before := len(pl.Goals[0].Actions)
		a, err := j.AddAgreedActionToPlan(ctx, p, plain)
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 || a.Title != "Ask to own the licence budget line" || a.Key != "" || !a.Edited || !a.Due.Equal(next.Date) {
			t.Errorf("plan action %+v (due by the next session %s)", a, next.Date)
		}
		stored, err := j.Plans().FindPlan(ctx, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got, gi, _ := findPlanAction(stored, a.ID); gi != 0 || got.Title != a.Title || len(stored.Goals[0].Actions) != before+1 {
			t.Errorf("no competency goes under the first goal: goal %d, %+v", gi, got)
		}
		if ag, _ := j.Mentors.FindAgreedAction(ctx, p.ID, plain); ag.PlanActionID != a.ID {
			t.Errorf("agreed action records %d, want %d", ag.PlanActionID, a.ID)
		}
		_, err = j.AddAgreedActionToPlan(ctx, p, plain)
		if ladder.ErrorCode(err) != ladder.ECONFLICT {
			t.Errorf("second add: %v", err)
		}
		if again, _ := j.Plans().FindPlan(ctx, p.ID); len(again.Goals[0].Actions) != before+1 {
			t.Errorf("added twice: %d actions", len(again.Goals[0].Actions))
		}

		// The vendor action goes under the vendor goal when the plan has one.
		want := 0
		for gi, g := range stored.Goals {
			if g.Competency == "vendor-management" {
				want = gi
				break
			}
		}
		va, err := j.AddAgreedActionToPlan(ctx, p, vendor)
		if err != nil {
			t.Fatal(err)
		}
		stored, _ = j.Plans().FindPlan(ctx, p.ID)
		if _, gi, _ := findPlanAction(stored, va.ID); gi != want {
			t.Errorf("vendor action under goal %d, want %d", gi, want)
		}

		other := &ladder.Person{Name: "Other", Email: "other@example.com", TargetRole: "it-manager"}
		if err := j.Persons.CreatePerson(ctx, other); err != nil {
			t.Fatal(err)
		}
		if _, err := j.AddAgreedActionToPlan(ctx, other, vendor); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("another person's agreed action: %v", err)
		}
	})
}

func TestSuggestAgenda(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j, p := netJourney(t, db)
		s, err := j.Snapshot(ctx, p, "")
		if err != nil {
			t.Fatal(err)
		}
		var open []string
		for _, g := range s.Gaps() {
			if g.Gap > 0 {
				open = append(open, g.Competency)
			}
		}
		if len(open) < 6 {
			t.Fatalf("only %d gaps", len(open))
		}
		ts, err := j.SuggestAgenda(ctx, p, &ladder.Mentor{Strengths: []string{open[4]}})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, topic := range ts {
			got = append(got, topic.Competency)
		}
		if diff := cmp.Diff([]string{open[4], open[0], open[1]}, got); diff != "" {
			t.Errorf("(-want +got):\n%s", diff)
		}
		if ts[0].Question == "" || ts[0].Name == "" {
			t.Errorf("topic %+v", ts[0])
		}
		if ts, err := j.SuggestAgenda(ctx, &ladder.Person{ID: p.ID}, &ladder.Mentor{}); err != nil || ts != nil {
			t.Errorf("no target: %v %+v", err, ts)
		}
	})
}

func TestNetworkReminders(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		j, p := netJourney(t, db)
		day := func(n int) time.Time { return ladder.Day(netNow).AddDate(0, 0, n) }
		must := func(err error) {
			t.Helper()
			if err != nil {
				t.Fatal(err)
			}
		}
		overdue := &ladder.Contact{PersonID: p.ID, Name: "Olu", NextContact: day(-3), Organisation: "Fabrikam"}
		due := &ladder.Contact{PersonID: p.ID, Name: "Priya", NextContact: day(2), HowHelp: "audits"}
		none := &ladder.Contact{PersonID: p.ID, Name: "Zed"}
		for _, c := range []*ladder.Contact{overdue, due, none} {
			must(j.Network.CreateContact(ctx, c))
		}
		m := &ladder.Mentor{PersonID: p.ID, Name: "Dana"}
		must(j.Mentors.CreateMentor(ctx, m))
		planned := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day(5), Agenda: "Budgets"}
		held := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day(-10), Status: ladder.SessionHeld}
		stale := &ladder.MentoringSession{PersonID: p.ID, MentorID: m.ID, Date: day(-1)}
		for _, s := range []*ladder.MentoringSession{planned, held, stale} {
			must(j.Mentors.CreateMentoringSession(ctx, s))
		}
		summit := &ladder.NetworkEvent{PersonID: p.ID, Name: "ITSM Summit", Date: day(20), Location: "Leeds"}
		skipped := &ladder.NetworkEvent{PersonID: p.ID, Name: "Old meetup", Date: day(1), Status: ladder.EventSkipped}
		for _, e := range []*ladder.NetworkEvent{summit, skipped} {
			must(j.Network.CreateNetworkEvent(ctx, e))
		}
		pmi := &ladder.Membership{PersonID: p.ID, OrgKey: "pmi", Status: ladder.MembershipMember, Renewal: day(6)}
		isaca := &ladder.Membership{PersonID: p.ID, OrgKey: "isaca", Renewal: day(3)} // considering: nothing to renew
		for _, ms := range []*ladder.Membership{pmi, isaca} {
			must(j.Network.CreateMembership(ctx, ms))
		}
		uid := func(kind string, id int64) string { return kind + "-" + itoa(id) }
		tests := []struct {
			name     string
			from, to time.Time
			want     []string // UIDs in order, "!" marking overdue
		}{
			{"ThisWeek", day(0), day(7), []string{"!" + uid(ladder.ReminderFollowUp, overdue.ID), "!" + uid(ladder.ReminderMentoring, stale.ID),
				uid(ladder.ReminderFollowUp, due.ID), uid(ladder.ReminderMentoring, planned.ID), uid(ladder.ReminderMembership, pmi.ID)}},
			{"Today", day(0), day(1), []string{"!" + uid(ladder.ReminderFollowUp, overdue.ID), "!" + uid(ladder.ReminderMentoring, stale.ID)}},
			{"LaterWindowStillShowsOverdue", day(15), day(30), []string{"!" + uid(ladder.ReminderFollowUp, overdue.ID), "!" + uid(ladder.ReminderMentoring, stale.ID),
				"!" + uid(ladder.ReminderFollowUp, due.ID), "!" + uid(ladder.ReminderMentoring, planned.ID), "!" + uid(ladder.ReminderMembership, pmi.ID),
				uid(ladder.ReminderEvent, summit.ID)}},
			{"BeforeEverything", day(-30), day(-20), nil},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				rs, err := j.NetworkReminders(ctx, p.ID, tt.from, tt.to)
				if err != nil {
					t.Fatal(err)
				}
				var got []string
				for _, r := range rs {
					s := r.UID
					if r.Overdue {
						s = "!" + s
					}
					got = append(got, s)
					if r.Title == "" || r.Link == "" || r.Date.IsZero() {
						t.Errorf("incomplete reminder %+v", r)
					}
				}
				if diff := cmp.Diff(tt.want, got); diff != "" {
					t.Errorf("(-want +got):\n%s", diff)
				}
			})
		}
		rs, _ := j.NetworkReminders(ctx, p.ID, day(0), day(7))
		for _, r := range rs {
			switch r.UID {
			case uid(ladder.ReminderMembership, pmi.ID):
				if r.Title != "Renew your Project Management Institute (PMI) membership" {
					t.Errorf("renewal title %q", r.Title)
				}
			case uid(ladder.ReminderMentoring, planned.ID):
				if r.Title != "Mentoring session with Dana" || r.Detail != "Budgets" || r.Link != "/mentors/"+itoa(m.ID) {
					t.Errorf("session reminder %+v", r)
				}
			}
		}
		// Contacted today: the follow-up moves and the overdue one is gone.
		if _, err := j.ContactedToday(ctx, p.ID, overdue.ID, day(30)); err != nil {
			t.Fatal(err)
		}
		if c, _ := j.Network.FindContact(ctx, p.ID, overdue.ID); !c.LastContact.Equal(day(0)) || !c.NextContact.Equal(day(30)) {
			t.Errorf("contacted today: %+v", c)
		}
		if _, err := j.ContactedToday(ctx, p.ID, due.ID, day(-1)); err == nil {
			t.Error("a follow-up in the past was accepted")
		} else {
			wantField(t, err, "next")
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestParseAgreedAction(t *testing.T) {
	m := model.Default()
	tests := []struct{ in, text, competency string }{
		{"budgeting: Draft the licence budget", "Draft the licence budget", "budgeting"},
		{"Budgeting: Draft it", "Draft it", "budgeting"},
		{"vendor management: List contracts", "List contracts", "vendor-management"},
		{"Delegation: hand over the rota", "Hand over the rota", "delegation"},
		{"Ask finance: for the template", "Ask finance: for the template", ""},
		{"  Just do it  ", "Just do it", ""},
		{"Str: too short", "Str: too short", ""},
		{"Stra: unique start", "Unique start", "strategic-planning"},
	}
	for _, tt := range tests {
		got := journey.ParseAgreedAction(m, tt.in)
		if got.Text != tt.text || got.Competency != tt.competency {
			t.Errorf("%q: %+v, want %q %q", tt.in, got, tt.text, tt.competency)
		}
	}
}
