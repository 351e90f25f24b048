// Package learning holds the starter set of learning resources and the
// pure computations on a person's learning: the weekly streak and the split
// of working hours between technical and managerial work.
package learning

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
)

//go:embed data/resources.yaml
var resourcesYAML []byte

// Resource is one starter resource.
type Resource struct {
	Key          string   `yaml:"key" json:"key"`
	Area         string   `yaml:"area" json:"area"`
	Title        string   `yaml:"title" json:"title"`
	Kind         string   `yaml:"kind" json:"kind"`
	Competencies []string `yaml:"competencies" json:"competencies"`
	Why          string   `yaml:"why" json:"why"`
	Link         string   `yaml:"link" json:"link,omitempty"`
}

// Catalog is the starter set, in file order.
type Catalog struct {
	Resources []Resource `yaml:"resources"`
}

var load = sync.OnceValues(func() (*Catalog, error) {
	var c Catalog
	if err := yaml.Unmarshal(resourcesYAML, &c); err != nil {
		return nil, err
	}
	return &c, nil
})

// Load returns the embedded starter set. Validate checks it against a
// model (the tests check it against the built-in one).
func Load() (*Catalog, error) { return load() }

// Validate checks every resource: a unique key, a known kind, area and
// competencies, a title and a reason; 3-6 resources per area.
func (c *Catalog) Validate(m *ladder.Model) error {
	seen := map[string]bool{}
	perArea := map[string]int{}
	for _, r := range c.Resources {
		if r.Key == "" || seen[r.Key] {
			return fmt.Errorf("learning resources: missing or repeated key %q", r.Key)
		}
		seen[r.Key] = true
		if r.Title == "" || r.Why == "" || !slices.Contains(ladder.LearningKinds, r.Kind) || len(r.Competencies) == 0 {
			return fmt.Errorf("learning resource %q: needs a title, a why, a known kind and competencies", r.Key)
		}
		for _, k := range r.Competencies {
			if _, ok := m.Competency(k); !ok {
				return fmt.Errorf("learning resource %q: unknown competency %q", r.Key, k)
			}
		}
		perArea[r.Area]++
	}
	for _, a := range m.Areas {
		if n := perArea[a.Key]; n < 3 || n > 6 {
			return fmt.Errorf("learning resources: area %q has %d resources, want 3-6", a.Key, n)
		}
		delete(perArea, a.Key)
	}
	for a := range perArea {
		return fmt.Errorf("learning resources: unknown area %q", a)
	}
	return nil
}

// Resource returns the resource with key k.
func (c *Catalog) Resource(k string) (Resource, bool) {
	i := slices.IndexFunc(c.Resources, func(r Resource) bool { return r.Key == k })
	if i < 0 {
		return Resource{}, false
	}
	return c.Resources[i], true
}

// ForCompetencies returns up to n resources for the competencies, in the
// order of the competencies (the biggest gap first), each resource once.
func (c *Catalog) ForCompetencies(keys []string, n int) []Resource {
	var out []Resource
	seen := map[string]bool{}
	for _, k := range keys {
		for _, r := range c.Resources {
			if len(out) == n {
				return out
			}
			if !seen[r.Key] && slices.Contains(r.Competencies, k) {
				seen[r.Key] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// Streak counts the consecutive weeks of continuous learning up to the week
// of now. A week (Monday to Sunday, UTC) counts when its time log has
// learning hours > 0, or when an item was started, progressed or finished
// in it. The current week is allowed to be still empty: then the streak
// counts back from last week, so it does not drop to zero on a Monday
// morning.
func Streak(items []*ladder.LearningItem, logs []*ladder.TimeLog, now time.Time) int {
	active := map[time.Time]bool{}
	for _, l := range logs {
		if l.LearningHours > 0 {
			active[ladder.WeekOf(l.Week)] = true
		}
	}
	for _, it := range items {
		for _, t := range []time.Time{it.StartedAt, it.ProgressedAt, it.FinishedAt} {
			if !t.IsZero() {
				active[ladder.WeekOf(t)] = true
			}
		}
	}
	week := ladder.WeekOf(now)
	if !active[week] {
		week = week.AddDate(0, 0, -7)
	}
	n := 0
	for active[week] {
		n++
		week = week.AddDate(0, 0, -7)
	}
	return n
}

// WeekSplit is one week's hours with the managerial share of the working
// (technical plus managerial) hours.
type WeekSplit struct {
	Week                  time.Time
	Technical, Managerial float64
	Learning              float64
	// ManagerialShare is 0-100, NaN when no working hours were logged.
	ManagerialShare float64
}

// Split returns the split of each logged week, in the order of logs.
// Learning hours are left out of the share: they are neither kind of work.
func Split(logs []*ladder.TimeLog) []WeekSplit {
	out := make([]WeekSplit, 0, len(logs))
	for _, l := range logs {
		s := WeekSplit{Week: l.Week, Technical: l.TechnicalHours, Managerial: l.ManagerialHours, Learning: l.LearningHours}
		s.ManagerialShare = math.NaN()
		if total := l.TechnicalHours + l.ManagerialHours; total > 0 {
			s.ManagerialShare = 100 * l.ManagerialHours / total
		}
		out = append(out, s)
	}
	return out
}
