// Package firstdays holds the content for a new IT manager's first 90 days
// (PRODUCT.md C10, C11, C16): the five situations a manager can inherit, a
// 30/60/90-day plan template, a weekly trust-building checklist, criteria for
// choosing a mentor and professional organisations worth joining.
package firstdays

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"
)

//go:embed data/firstdays.yaml
var embedded []byte

// Situation keys, in the order used throughout the content.
const (
	StartUp           = "start-up"
	Turnaround        = "turnaround"
	AcceleratedGrowth = "accelerated-growth"
	Realignment       = "realignment"
	SustainingSuccess = "sustaining-success"
)

// Situations lists every known situation key.
var Situations = []string{StartUp, Turnaround, AcceleratedGrowth, Realignment, SustainingSuccess}

// Themes lists every known step theme.
var Themes = []string{"know-the-team", "assess-infrastructure", "stakeholders", "expectations-and-goals", "priorities"}

// TrustAreas lists the areas the trust checklist must cover.
var TrustAreas = []string{"transparency", "approachable", "lead-by-example", "empowering", "listening"}

// Content is the whole parsed file.
type Content struct {
	Version        string         `yaml:"version"`
	Situations     []Situation    `yaml:"situations"`
	Phases         []Phase        `yaml:"phases"`
	TrustHabits    []TrustArea    `yaml:"trust_habits"`
	MentorCriteria []Criterion    `yaml:"mentor_criteria"`
	Organisations  []Organisation `yaml:"professional_organisations"`
}

// Situation is a kind of situation a new manager can inherit.
type Situation struct {
	Key           string   `yaml:"key"`
	Name          string   `yaml:"name"`
	Description   string   `yaml:"description"`
	DoDifferently []string `yaml:"do_differently"`
	EarlyWins     []string `yaml:"early_wins"`
}

// Phase is one block of the 30/60/90-day template.
type Phase struct {
	Key      string         `yaml:"key"`
	Name     string         `yaml:"name"`
	StartDay int            `yaml:"start_day"`
	EndDay   int            `yaml:"end_day"`
	Steps    []TemplateStep `yaml:"steps"`
}

// TemplateStep is a step of the template before it is scheduled.
type TemplateStep struct {
	Key         string `yaml:"key"`
	Title       string `yaml:"title"`
	Description string `yaml:"description"`
	Theme       string `yaml:"theme"`
	Tweaks      Tweaks `yaml:"tweaks"`
}

// Tweaks say which situations stress a step and which leave it out.
type Tweaks struct {
	Emphasise []string `yaml:"emphasise"`
	Skip      []string `yaml:"skip"`
}

// TrustArea is one area of the weekly trust checklist.
type TrustArea struct {
	Area   string  `yaml:"area"`
	Name   string  `yaml:"name"`
	Habits []Habit `yaml:"habits"`
}

// Habit is one item of the trust checklist. Its key is stored with the
// weeks a person ticked it, so a key never changes once shipped; the text
// may be reworded.
type Habit struct {
	Key  string `yaml:"key"`
	Text string `yaml:"text"`
}

// Criterion is a quality of a good mentor with a question to check it.
type Criterion struct {
	Key         string `yaml:"key"`
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Question    string `yaml:"question"`
}

// Organisation is a professional body or group worth joining.
type Organisation struct {
	Key     string `yaml:"key"`
	Name    string `yaml:"name"`
	Purpose string `yaml:"purpose"`
	Website string `yaml:"website"` // empty when no single official address was confirmed
	Checked string `yaml:"checked"` // YYYY-MM-DD
}

// Step is a scheduled step of a personal plan.
type Step struct {
	Phase       string
	Key         string
	Title       string
	Description string
	Theme       string
	Emphasised  bool
	Due         time.Time
}

var load = sync.OnceValues(func() (*Content, error) { return Parse(embedded) })

// Load returns the embedded content, parsed and validated once.
func Load() (*Content, error) { return load() }

// Parse decodes and validates a content file.
func Parse(data []byte) (*Content, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var c Content
	if err := dec.Decode(&c); err != nil {
		return nil, fmt.Errorf("firstdays: decode: %w", err)
	}
	if err := c.validate(); err != nil {
		return nil, fmt.Errorf("firstdays: %w", err)
	}
	return &c, nil
}

func (c *Content) validate() error {
	var errs []error
	bad := func(format string, a ...any) { errs = append(errs, fmt.Errorf(format, a...)) }

	seen := map[string]bool{}
	for _, s := range c.Situations {
		if !slices.Contains(Situations, s.Key) {
			bad("unknown situation %q", s.Key)
		}
		if seen[s.Key] {
			bad("duplicate situation %q", s.Key)
		}
		seen[s.Key] = true
		if s.Name == "" || s.Description == "" || len(s.DoDifferently) == 0 || len(s.EarlyWins) == 0 {
			bad("situation %q: name, description, do_differently and early_wins are required", s.Key)
		}
	}
	for _, k := range Situations {
		if !seen[k] {
			bad("situation %q missing", k)
		}
	}

	if len(c.Phases) == 0 {
		bad("no phases")
	}
	phaseKeys, stepKeys := map[string]bool{}, map[string]bool{}
	prevEnd := 0
	for _, p := range c.Phases {
		if phaseKeys[p.Key] {
			bad("duplicate phase %q", p.Key)
		}
		phaseKeys[p.Key] = true
		if p.StartDay != prevEnd+1 || p.EndDay < p.StartDay {
			bad("phase %q: days %d-%d do not follow day %d", p.Key, p.StartDay, p.EndDay, prevEnd)
		}
		prevEnd = p.EndDay
		if len(p.Steps) == 0 {
			bad("phase %q has no steps", p.Key)
		}
		for _, st := range p.Steps {
			if st.Key == "" || st.Title == "" || st.Description == "" {
				bad("phase %q: step %q needs key, title and description", p.Key, st.Key)
			}
			if stepKeys[st.Key] {
				bad("duplicate step %q", st.Key)
			}
			stepKeys[st.Key] = true
			if !slices.Contains(Themes, st.Theme) {
				bad("step %q: unknown theme %q", st.Key, st.Theme)
			}
			for _, s := range append(slices.Clone(st.Tweaks.Emphasise), st.Tweaks.Skip...) {
				if !slices.Contains(Situations, s) {
					bad("step %q: unknown situation %q in tweaks", st.Key, s)
				}
			}
			for _, s := range st.Tweaks.Skip {
				if slices.Contains(st.Tweaks.Emphasise, s) {
					bad("step %q: situation %q both emphasised and skipped", st.Key, s)
				}
			}
		}
		for _, s := range Situations {
			if len(p.forSituation(s)) == 0 {
				bad("phase %q is empty for situation %q", p.Key, s)
			}
		}
	}

	areas, habits := map[string]bool{}, map[string]bool{}
	for _, a := range c.TrustHabits {
		if areas[a.Area] {
			bad("duplicate trust area %q", a.Area)
		}
		areas[a.Area] = true
		if len(a.Habits) == 0 {
			bad("trust area %q has no habits", a.Area)
		}
		for _, h := range a.Habits {
			if !validKey(h.Key) || h.Text == "" {
				bad("trust area %q: habit %q needs a key (lower case, digits, dashes) and a text", a.Area, h.Key)
			}
			if habits[h.Key] {
				bad("duplicate habit %q", h.Key)
			}
			habits[h.Key] = true
		}
	}
	for _, a := range TrustAreas {
		if !areas[a] {
			bad("trust area %q missing", a)
		}
	}

	crit := map[string]bool{}
	for _, m := range c.MentorCriteria {
		if m.Key == "" || crit[m.Key] {
			bad("mentor criterion key %q empty or duplicate", m.Key)
		}
		crit[m.Key] = true
		if m.Question == "" {
			bad("mentor criterion %q has no question", m.Key)
		}
	}

	orgs := map[string]bool{}
	for _, o := range c.Organisations {
		if o.Key == "" || orgs[o.Key] {
			bad("organisation key %q empty or duplicate", o.Key)
		}
		orgs[o.Key] = true
		if o.Website != "" && !bytes.HasPrefix([]byte(o.Website), []byte("https://")) {
			bad("organisation %q: website must use https", o.Key)
		}
		if _, err := time.Parse(time.DateOnly, o.Checked); err != nil {
			bad("organisation %q: checked date %q: want YYYY-MM-DD", o.Key, o.Checked)
		}
	}
	return errors.Join(errs...)
}

// forSituation returns the phase's steps for a situation: skipped steps
// removed, emphasised steps first, otherwise in file order.
func (p Phase) forSituation(situation string) []TemplateStep {
	var first, rest []TemplateStep
	for _, st := range p.Steps {
		switch {
		case slices.Contains(st.Tweaks.Skip, situation):
		case slices.Contains(st.Tweaks.Emphasise, situation):
			first = append(first, st)
		default:
			rest = append(rest, st)
		}
	}
	return append(first, rest...)
}

// validKey reports whether k is a key as stored: lower-case letters,
// digits and dashes, at most 60 characters.
func validKey(k string) bool {
	if k == "" || len(k) > 60 {
		return false
	}
	for _, r := range k {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// Habit returns the habit with the given key and the area it belongs to.
func (c *Content) Habit(key string) (Habit, TrustArea, bool) {
	for _, a := range c.TrustHabits {
		for _, h := range a.Habits {
			if h.Key == key {
				return h, a, true
			}
		}
	}
	return Habit{}, TrustArea{}, false
}

// Phase returns the phase with the given key.
func (c *Content) Phase(key string) (Phase, bool) {
	for _, p := range c.Phases {
		if p.Key == key {
			return p, true
		}
	}
	return Phase{}, false
}

// Situation returns the situation with the given key.
func (c *Content) Situation(key string) (Situation, bool) {
	for _, s := range c.Situations {
		if s.Key == key {
			return s, true
		}
	}
	return Situation{}, false
}

// Plan schedules the template for a situation starting on start (day 1).
// Steps are spread evenly over their phase, so the last step of a phase falls
// on its final day. An unknown situation yields nil. The result depends only
// on the arguments.
func (c *Content) Plan(situation string, start time.Time) []Step {
	if !slices.Contains(Situations, situation) {
		return nil
	}
	y, m, d := start.Date()
	day1 := time.Date(y, m, d, 0, 0, 0, 0, start.Location())
	var out []Step
	for _, p := range c.Phases {
		steps := p.forSituation(situation)
		n := len(steps)
		length := p.EndDay - p.StartDay + 1
		for i, st := range steps {
			offset := (i+1)*length/n - 1 // 0-based within the phase, last step on EndDay
			day := p.StartDay + offset
			out = append(out, Step{
				Phase:       p.Key,
				Key:         st.Key,
				Title:       st.Title,
				Description: st.Description,
				Theme:       st.Theme,
				Emphasised:  slices.Contains(st.Tweaks.Emphasise, situation),
				Due:         day1.AddDate(0, 0, day-1),
			})
		}
	}
	return out
}
