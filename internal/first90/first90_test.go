package first90

import (
	"slices"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
)

func content(t *testing.T) *firstdays.Content {
	t.Helper()
	c, err := firstdays.Load()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func day(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestSituationsMatch keeps the domain's list of situations equal to the
// content's.
func TestSituationsMatch(t *testing.T) {
	if !slices.Equal(ladder.ManagerSituations, firstdays.Situations) {
		t.Errorf("ladder.ManagerSituations %v, firstdays.Situations %v", ladder.ManagerSituations, firstdays.Situations)
	}
}

// stored is a step as the store returns it.
func stored(id int64, key, due string, done bool, note string) *ladder.First90Step {
	s := &ladder.First90Step{ID: id, PersonID: 7, Key: key, Phase: "days-1-30", Title: "Old title of " + key, Due: day(due), Done: done, Note: note}
	if done {
		s.DoneAt = day(due).Add(10 * time.Hour)
	}
	return s
}

func TestSteps(t *testing.T) {
	c := content(t)
	type want struct {
		id   int64
		done bool
		note string
		due  string
	}
	tests := []struct {
		name      string
		situation string
		start     string
		existing  []*ladder.First90Step
		wantLen   int
		want      map[string]want
		absent    []string
	}{
		{name: "FreshTurnaround", situation: "turnaround", start: "2026-03-02", wantLen: 21,
			want: map[string]want{
				"infra-inventory":   {due: "2026-03-05"}, // emphasised: first of the phase, day 4
				"urgent-fires":      {due: "2026-03-09"},
				"ninety-day-review": {due: "2026-05-25"},
				"own-reflection":    {due: "2026-05-30"}, // day 90
			}},
		{name: "FreshStartUpSkipsSteps", situation: "start-up", start: "2026-03-02", wantLen: 19,
			absent: []string{"infra-inventory", "stop-doing"}},
		{name: "SameRoleKeepsEverything", situation: "turnaround", start: "2026-03-02", wantLen: 21,
			existing: []*ladder.First90Step{stored(11, "infra-inventory", "2026-03-05", true, "found 3 risks"),
				stored(12, "urgent-fires", "2026-03-09", false, "backups first")},
			want: map[string]want{
				"infra-inventory": {id: 11, done: true, note: "found 3 risks", due: "2026-03-05"},
				"urgent-fires":    {id: 12, note: "backups first", due: "2026-03-09"},
			}},
		{name: "LaterStartMovesDueDates", situation: "turnaround", start: "2026-03-16", wantLen: 21,
			existing: []*ladder.First90Step{stored(11, "infra-inventory", "2026-03-05", true, "found 3 risks"),
				stored(12, "urgent-fires", "2026-03-09", false, "")},
			want: map[string]want{
				"infra-inventory": {id: 11, done: true, note: "found 3 risks", due: "2026-03-19"},
				"urgent-fires":    {id: 12, due: "2026-03-23"},
			}},
		{name: "NewSituationKeepsDoneDropsOpen", situation: "sustaining-success", start: "2026-03-02", wantLen: 19 + 1,
			existing: []*ladder.First90Step{
				stored(11, "infra-inventory", "2026-03-05", true, ""),
				stored(12, "urgent-fires", "2026-03-09", true, "patched the firewall"), // skipped now, but done
				stored(13, "team-structure", "2026-05-10", false, "hire a DBA"),        // skipped now, not done
				stored(14, "one-to-ones", "2026-03-13", false, "")},
			want: map[string]want{
				"infra-inventory": {id: 11, done: true, due: "2026-03-16"}, // no longer emphasised: third, day 15
				"urgent-fires":    {id: 12, done: true, note: "patched the firewall", due: "2026-03-09"},
				"one-to-ones":     {id: 14, due: "2026-03-06"},
			},
			absent: []string{"team-structure"}},
		{name: "DuplicateKeyMatchesFirst", situation: "turnaround", start: "2026-03-02", wantLen: 21 + 1,
			existing: []*ladder.First90Step{stored(21, "roadmap", "2026-05-01", false, "first"),
				stored(22, "roadmap", "2026-05-01", true, "second")},
			want: map[string]want{"roadmap": {id: 21, note: "first", due: "2026-05-12"}}},
		{name: "UnknownSituationKeepsOnlyDone", situation: "moonshot", start: "2026-03-02", wantLen: 1,
			existing: []*ladder.First90Step{stored(31, "roadmap", "2026-05-01", true, ""), stored(32, "one-to-ones", "2026-03-06", false, "")},
			want:     map[string]want{"roadmap": {id: 31, done: true, due: "2026-05-01"}},
			absent:   []string{"one-to-ones"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			role := &ladder.ManagerRole{PersonID: 7, Start: day(tt.start), Situation: tt.situation}
			got := Steps(c, role, tt.existing)
			if len(got) != tt.wantLen {
				t.Fatalf("%d steps, want %d", len(got), tt.wantLen)
			}
			// byKey holds the first step of each key, or the one with the
			// wanted id when a key is there twice.
			byKey := map[string]*ladder.First90Step{}
			for i, s := range got {
				if i > 0 && s.Due.Before(got[i-1].Due) {
					t.Errorf("%s (due %s) comes after %s (due %s)", s.Key, s.Due.Format(time.DateOnly), got[i-1].Key, got[i-1].Due.Format(time.DateOnly))
				}
				if s.PersonID != 7 || s.Title == "" || s.Phase == "" {
					t.Errorf("step %+v lacks its person, title or phase", s)
				}
				if err := s.Validate(); err != nil {
					t.Errorf("step %s: %v", s.Key, err)
				}
				if _, dup := byKey[s.Key]; !dup || tt.want[s.Key].id == s.ID {
					byKey[s.Key] = s
				}
			}
			for k, w := range tt.want {
				s := byKey[k]
				if s == nil {
					t.Errorf("no step %s", k)
					continue
				}
				if s.ID != w.id || s.Done != w.done || s.Note != w.note || s.Due.Format(time.DateOnly) != w.due {
					t.Errorf("%s: id %d done %v note %q due %s; want id %d done %v note %q due %s", k,
						s.ID, s.Done, s.Note, s.Due.Format(time.DateOnly), w.id, w.done, w.note, w.due)
				}
				if w.done && s.DoneAt.IsZero() {
					t.Errorf("%s: done time lost", k)
				}
			}
			for _, k := range tt.absent {
				if byKey[k] != nil {
					t.Errorf("step %s should be gone", k)
				}
			}
		})
	}
}

// TestStepsTakesNewText: a kept step takes the template's current title,
// not the stored one, and the input is not modified.
func TestStepsTakesNewText(t *testing.T) {
	c := content(t)
	old := stored(5, "roadmap", "2026-01-01", true, "done early")
	got := Steps(c, &ladder.ManagerRole{PersonID: 7, Start: day("2026-03-02"), Situation: "realignment"}, []*ladder.First90Step{old})
	i := slices.IndexFunc(got, func(s *ladder.First90Step) bool { return s.Key == "roadmap" })
	if got[i].Title != "Publish a short roadmap for the next two quarters" || got[i].Phase != "days-61-90" {
		t.Errorf("kept step %+v", got[i])
	}
	if old.Title != "Old title of roadmap" || !old.Due.Equal(day("2026-01-01")) {
		t.Errorf("input modified: %+v", old)
	}
}

func TestWhere(t *testing.T) {
	c := content(t)
	tests := []struct {
		name          string
		start, today  string
		wantDay       int
		wantPhase     string
		before, after bool
	}{
		{"FirstDay", "2026-03-02", "2026-03-02", 1, "days-1-30", false, false},
		{"Day30", "2026-03-02", "2026-03-31", 30, "days-1-30", false, false},
		{"Day31", "2026-03-02", "2026-04-01", 31, "days-31-60", false, false},
		{"Day41", "2026-03-02", "2026-04-11", 41, "days-31-60", false, false},
		{"Day61", "2026-03-02", "2026-05-01", 61, "days-61-90", false, false},
		{"Day90", "2026-03-02", "2026-05-30", 90, "days-61-90", false, false},
		{"Day91IsAfter", "2026-03-02", "2026-05-31", 91, "", false, true},
		{"DayBefore", "2026-03-02", "2026-03-01", 0, "", true, false},
		{"WeekBefore", "2026-03-09", "2026-03-02", -6, "", true, false},
		{"AcrossNewYear", "2025-12-20", "2026-01-10", 22, "days-1-30", false, false},
		{"LeapDay", "2028-02-28", "2028-03-01", 3, "days-1-30", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// A time of day on either side must not change the day count.
			p := Where(c, day(tt.start).Add(23*time.Hour), day(tt.today).Add(30*time.Minute))
			if p.Day != tt.wantDay || p.Phase.Key != tt.wantPhase || p.Before() != tt.before || p.After() != tt.after || p.Days != 90 {
				t.Errorf("day %d phase %q before %v after %v days %d; want day %d phase %q before %v after %v",
					p.Day, p.Phase.Key, p.Before(), p.After(), p.Days, tt.wantDay, tt.wantPhase, tt.before, tt.after)
			}
		})
	}
}

func TestOverdue(t *testing.T) {
	steps := []*ladder.First90Step{
		stored(1, "a", "2026-03-10", false, ""),
		stored(2, "b", "2026-03-05", false, ""),
		stored(3, "c", "2026-03-04", true, ""),
		stored(4, "d", "2026-03-11", false, ""),
		stored(5, "e", "2026-03-12", false, ""),
	}
	tests := []struct {
		today string
		want  []int64
	}{
		{"2026-03-01", nil},
		{"2026-03-05", nil},           // due today is not overdue
		{"2026-03-06", []int64{2}},    // the done step never is
		{"2026-03-11", []int64{2, 1}}, // oldest first
		{"2026-04-01", []int64{2, 1, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.today, func(t *testing.T) {
			var got []int64
			for _, s := range Overdue(steps, day(tt.today).Add(17*time.Hour)) {
				got = append(got, s.ID)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("overdue %v, want %v", got, tt.want)
			}
		})
	}
}

func TestByPhase(t *testing.T) {
	c := content(t)
	role := &ladder.ManagerRole{PersonID: 7, Start: day("2026-03-02"), Situation: "turnaround"}
	steps := Steps(c, role, nil)
	steps[0].Done = true
	// A done step kept from an older template, whose phase is gone, falls
	// into the phase of its due day.
	steps = append(steps, &ladder.First90Step{Key: "legacy", Phase: "days-0-10", Title: "Old", Due: day("2026-04-15"), Done: true})
	got := ByPhase(c, role.Start, steps)
	if len(got) != 3 {
		t.Fatalf("%d phases", len(got))
	}
	total := 0
	for _, p := range got {
		total += len(p.Steps)
	}
	if total != len(steps) || got[0].Done != 1 || got[1].Done != 1 || got[2].Done != 0 {
		t.Errorf("total %d of %d; done %d %d %d", total, len(steps), got[0].Done, got[1].Done, got[2].Done)
	}
	if !slices.ContainsFunc(got[1].Steps, func(s *ladder.First90Step) bool { return s.Key == "legacy" }) {
		t.Error("the legacy step is not in days 31-60")
	}
}

func TestDelegationHours(t *testing.T) {
	tests := []struct {
		name  string
		items []*ladder.Delegation
		want  Hours
	}{
		{"Empty", nil, Hours{}},
		{"OneOfEach", []*ladder.Delegation{
			{Status: ladder.DelegationMine, HoursPerWeek: 2},
			{Status: ladder.DelegationHandingOver, HoursPerWeek: 1.5},
			{Status: ladder.DelegationDelegated, HoursPerWeek: 3},
			{Status: ladder.DelegationDelegated, HoursPerWeek: 0.5},
		}, Hours{Mine: 2, HandingOver: 1.5, Freed: 3.5}},
		{"NoStatusIsMine", []*ladder.Delegation{{HoursPerWeek: 4}}, Hours{Mine: 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DelegationHours(tt.items); got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
