package firstdays

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestLoad(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Situations) != 5 || len(c.Phases) != 3 {
		t.Fatalf("got %d situations, %d phases", len(c.Situations), len(c.Phases))
	}
	for _, p := range c.Phases {
		if n := len(p.Steps); n < 5 || n > 8 {
			t.Errorf("phase %s has %d steps, want 5-8", p.Key, n)
		}
	}
	for _, a := range c.TrustHabits {
		if n := len(a.Habits); n < 2 || n > 3 {
			t.Errorf("trust area %s has %d habits", a.Area, n)
		}
		for _, h := range a.Habits {
			if got, area, ok := c.Habit(h.Key); !ok || got != h || area.Area != a.Area {
				t.Errorf("Habit(%q) = %+v %q %v", h.Key, got, area.Area, ok)
			}
		}
	}
	if _, _, ok := c.Habit("no-such-habit"); ok {
		t.Error("Habit found an unknown key")
	}
	if len(c.MentorCriteria) != 5 || len(c.Organisations) != 7 {
		t.Errorf("got %d mentor criteria, %d organisations", len(c.MentorCriteria), len(c.Organisations))
	}
	if c2, _ := Load(); c2 != c {
		t.Error("Load not cached")
	}
}

func TestPlan(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)
	day1 := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		situation  string
		skipped    []string
		emphasised []string
	}{
		{StartUp, []string{"infra-inventory", "stop-doing"}, []string{"skills-map", "team-structure"}},
		{Turnaround, nil, []string{"infra-inventory", "urgent-fires", "stop-doing"}},
		{AcceleratedGrowth, nil, []string{"skills-map", "infra-improvements"}},
		{Realignment, nil, []string{"infra-improvements", "stop-doing"}},
		{SustainingSuccess, []string{"urgent-fires", "team-structure"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.situation, func(t *testing.T) {
			plan := c.Plan(tt.situation, start)
			if len(plan) == 0 {
				t.Fatal("empty plan")
			}
			if again := c.Plan(tt.situation, start); !reflect.DeepEqual(plan, again) {
				t.Fatal("plan not deterministic")
			}
			phases := map[string]Phase{}
			for _, p := range c.Phases {
				phases[p.Key] = p
			}
			got := map[string]Step{}
			perPhase := map[string]int{}
			var prev time.Time
			for _, s := range plan {
				got[s.Key] = s
				perPhase[s.Phase]++
				p := phases[s.Phase]
				day := int(s.Due.Sub(day1).Hours()/24) + 1
				if day < p.StartDay || day > p.EndDay {
					t.Errorf("%s due day %d outside %s (%d-%d)", s.Key, day, p.Key, p.StartDay, p.EndDay)
				}
				if s.Due.Before(prev) {
					t.Errorf("%s due before previous step", s.Key)
				}
				prev = s.Due
			}
			for _, p := range c.Phases {
				if perPhase[p.Key] == 0 {
					t.Errorf("phase %s empty", p.Key)
				}
			}
			for _, k := range tt.skipped {
				if _, ok := got[k]; ok {
					t.Errorf("step %s should be skipped", k)
				}
			}
			for _, k := range tt.emphasised {
				if s, ok := got[k]; !ok || !s.Emphasised {
					t.Errorf("step %s should be emphasised", k)
				}
			}
			if last := plan[len(plan)-1]; !last.Due.Equal(day1.AddDate(0, 0, 89)) {
				t.Errorf("last step due %v, want day 90", last.Due)
			}
		})
	}
	if c.Plan("unknown", start) != nil {
		t.Error("unknown situation should give nil plan")
	}
}

func TestParseInvalid(t *testing.T) {
	bad := `
version: "1"
situations:
  - key: start-up
    name: S
    description: d
    do_differently: [a]
    early_wins: [b]
  - key: start-up
    name: S
    description: d
    do_differently: [a]
    early_wins: [b]
  - key: moonshot
    name: M
    description: d
    do_differently: [a]
    early_wins: [b]
phases:
  - key: p1
    name: P1
    start_day: 1
    end_day: 30
    steps:
      - key: a
        title: A
        description: d
        theme: coffee
        tweaks:
          skip: [start-up]
      - key: a
        title: A
        description: d
        theme: priorities
  - key: p2
    name: P2
    start_day: 31
    end_day: 60
    steps: []
trust_habits:
  - area: transparency
    name: T
    habits:
      - key: Shared Priorities
        text: x
      - key: dup
        text: x
      - key: dup
        text: y
`
	_, err := Parse([]byte(bad))
	if err == nil {
		t.Fatal("want error")
	}
	for _, want := range []string{
		`duplicate situation "start-up"`,
		`unknown situation "moonshot"`,
		`situation "turnaround" missing`,
		`duplicate step "a"`,
		`unknown theme "coffee"`,
		`phase "p2" has no steps`,
		`trust area "listening" missing`,
		`habit "Shared Priorities" needs a key`,
		`duplicate habit "dup"`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
	if _, err := Parse([]byte("situations: [\nbroken")); err == nil {
		t.Error("want decode error")
	}
	if _, err := Parse([]byte("unexpected_field: 1")); err == nil {
		t.Error("want unknown-field error")
	}
}
