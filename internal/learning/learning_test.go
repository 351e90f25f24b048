package learning

import (
	"math"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

func TestCatalog(t *testing.T) {
	c, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	m := model.Default()
	if err := c.Validate(m); err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, r := range c.Resources {
		for _, k := range r.Competencies {
			covered[k] = true
		}
	}
	for _, a := range m.Areas {
		for _, k := range a.Competencies {
			if !covered[k.Key] {
				t.Errorf("no starter resource for %s", k.Key)
			}
		}
	}
	if r, ok := c.Resource("managers-path"); !ok || r.Kind != "book" {
		t.Errorf("managers-path: %+v %v", r, ok)
	}
	got := c.ForCompetencies([]string{"budgeting", "delegation"}, 3)
	if len(got) != 3 || got[0].Key != "financial-intelligence" {
		t.Errorf("for gaps: %+v", got)
	}
}

func TestCatalogValidate(t *testing.T) {
	m := model.Default()
	for name, r := range map[string]Resource{
		"ErrCompetency": {Key: "x", Area: "leadership", Title: "t", Why: "w", Kind: "book", Competencies: []string{"juggling"}},
		"ErrKind":       {Key: "x", Area: "leadership", Title: "t", Why: "w", Kind: "film", Competencies: []string{"delegation"}},
		"ErrArea":       {Key: "x", Area: "cooking", Title: "t", Why: "w", Kind: "book", Competencies: []string{"delegation"}},
	} {
		t.Run(name, func(t *testing.T) {
			c, err := Load()
			if err != nil {
				t.Fatal(err)
			}
			bad := &Catalog{Resources: append(append([]Resource{}, c.Resources...), r)}
			if err := bad.Validate(m); err == nil {
				t.Error("accepted")
			}
		})
	}
}

func TestStreak(t *testing.T) {
	mon := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC) // a Monday
	now := mon.AddDate(0, 0, 2)                        // Wednesday
	week := func(n int) time.Time { return mon.AddDate(0, 0, 7*n) }
	logs := func(hours ...float64) []*ladder.TimeLog { // hours[i] is the week i weeks ago
		var out []*ladder.TimeLog
		for i, h := range hours {
			out = append(out, &ladder.TimeLog{Week: week(-i), LearningHours: h})
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		items []*ladder.LearningItem
		logs  []*ladder.TimeLog
		want  int
	}{
		{name: "Empty", want: 0},
		{name: "ThisWeek", logs: logs(2), want: 1},
		{name: "ThreeWeeks", logs: logs(1, 1, 1, 0, 5), want: 3},
		{name: "ThisWeekNotYet", logs: logs(0, 1, 1), want: 2},
		{name: "Broken", logs: logs(0, 0, 1), want: 0},
		{name: "ItemProgress", logs: logs(1, 0, 1),
			items: []*ladder.LearningItem{{ProgressedAt: week(-1).AddDate(0, 0, 6)}}, want: 3},
		{name: "ItemFinished", items: []*ladder.LearningItem{{StartedAt: week(-1), FinishedAt: now}}, want: 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Streak(tc.items, tc.logs, now); got != tc.want {
				t.Errorf("Streak = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	w := time.Date(2026, 5, 4, 0, 0, 0, 0, time.UTC)
	got := Split([]*ladder.TimeLog{{Week: w, TechnicalHours: 30, ManagerialHours: 10, LearningHours: 2}, {Week: w.AddDate(0, 0, 7)}})
	if len(got) != 2 || got[0].ManagerialShare != 25 || got[0].Learning != 2 || !math.IsNaN(got[1].ManagerialShare) {
		t.Errorf("%+v", got)
	}
}
