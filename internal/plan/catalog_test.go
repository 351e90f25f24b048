package plan

import (
	"fmt"
	"strings"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

func TestDefaultCatalog(t *testing.T) {
	m := model.Default()
	c, err := ParseCatalog("actions.yaml", defaultActions, m)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Actions) < 80 {
		t.Errorf("%d actions, want at least 80", len(c.Actions))
	}
	kinds := map[string]map[string]int{} // competency -> kind -> actions
	for _, a := range c.Actions {
		for _, k := range a.Competencies {
			if kinds[k] == nil {
				kinds[k] = map[string]int{}
			}
			kinds[k][a.Kind]++
		}
	}
	allThree := 0
	for _, comp := range m.Competencies() {
		byKind := kinds[comp.Key]
		total := byKind[ladder.Kind70] + byKind[ladder.Kind20] + byKind[ladder.Kind10]
		if total < 2 {
			t.Errorf("competency %s is served by %d actions, want at least 2", comp.Key, total)
		}
		// On-the-job experience is 70% of a plan: every competency needs it.
		if byKind[ladder.Kind70] == 0 {
			t.Errorf("competency %s has no on-the-job action", comp.Key)
		}
		if byKind[ladder.Kind20] > 0 && byKind[ladder.Kind10] > 0 {
			allThree++
		} else {
			t.Logf("competency %s lacks a kind: %v", comp.Key, byKind)
		}
	}
	if n := len(m.Competencies()); allThree*10 < n*9 {
		t.Errorf("%d of %d competencies have all three kinds, want at least 90%%", allThree, n)
	}
	cats := map[string]int{}
	for _, a := range c.Actions {
		cats[a.Category]++
	}
	for _, cat := range Categories() {
		if cat.Required && cats[cat.Key] == 0 {
			t.Errorf("no action of category %s (%s), which C6 requires", cat.Key, cat.Name)
		}
	}
	// The example the issue gives must hold.
	if a, ok := c.Action("agree-goals-with-mentor"); !ok || strings.Join(a.After, ",") != "find-mentor" {
		t.Errorf("agree-goals-with-mentor should come after find-mentor: %+v", a)
	}
	if DefaultCatalog().Version == "" {
		t.Error("no version")
	}
}

// TestDefaultCatalogSuitsEveryLevel checks that a person at any level finds
// an on-the-job action for every competency, so no goal is left bare by
// the level filter.
func TestDefaultCatalogSuitsEveryLevel(t *testing.T) {
	c := DefaultCatalog()
	for _, comp := range model.Default().Competencies() {
		for l := ladder.MinLevel; l < ladder.MaxLevel; l++ {
			n := 0
			for _, a := range c.Actions {
				if a.Kind == ladder.Kind70 && a.Serves(comp.Key) && a.Suits(l) {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s at level %d: no on-the-job action", comp.Key, l)
			}
		}
	}
}

func TestParseCatalogErrors(t *testing.T) {
	const good = `
  - key: find-mentor
    title: Find a mentor
    description: Someone who has managed.
    kind: others
    category: find-mentor
    competencies: [self-awareness]
    effort_hours: 4
    done_when: A first meeting is booked.
`
	action := func(key, extra string) string {
		return fmt.Sprintf(`
  - key: %s
    title: T
    description: D
    kind: experience
    category: lead-project
    competencies: [delegation]
    effort_hours: 3
    done_when: W
%s`, key, extra)
	}
	tests := []struct {
		name, yaml string
		field      string // a key of Fields
		message    string // part of the message
	}{
		{"ErrEmptyFile", ``, "", "the file is empty"},
		{"ErrUnknownField", "version: \"1\"\nactions:" + good + "    colour: red\n", "", "colour"},
		{"ErrNoVersion", "actions:" + good, "version", "version: is required"},
		{"ErrNoActions", "version: \"1\"\nactions: []\n", "actions", "at least one action"},
		{"ErrUnknownCompetency", "version: \"1\"\nactions:" + strings.Replace(good, "self-awareness", "juggling", 1),
			"actions[0].competencies", `action "find-mentor": competencies: "juggling" is not a competency`},
		{"ErrUnknownPrerequisite", "version: \"1\"\nactions:" + good + action("agree-goals", "    after: [find-a-coach]\n"),
			"actions[1].after", `action "agree-goals": after: "find-a-coach" is not an action`},
		{"ErrSelfPrerequisite", "version: \"1\"\nactions:" + action("a", "    after: [a]\n"),
			"actions[0].after", "cannot come after itself"},
		{"ErrCycle", "version: \"1\"\nactions:" + action("a", "    after: [b]\n") + action("b", "    after: [c]\n") + action("c", "    after: [a]\n"),
			"actions[2].after", "cycle: a -> b -> c -> a"},
		{"ErrMissingFields", "version: \"1\"\nactions:\n  - key: bare\n", "actions[0].title", `action "bare": title: is required`},
		{"ErrMissingDoneWhen", "version: \"1\"\nactions:" + strings.Replace(good, "    done_when: A first meeting is booked.\n", "", 1),
			"actions[0].done_when", `action "find-mentor": done_when: is required`},
		{"ErrMissingKey", "version: \"1\"\nactions:" + action("", ""), "actions[0].key", "action 1: key: is required"},
		{"ErrDuplicateKey", "version: \"1\"\nactions:" + good + good, "actions[1].key", "is used twice"},
		{"ErrBadKind", "version: \"1\"\nactions:" + strings.Replace(good, "kind: others", "kind: seventy", 1), "actions[0].kind", `"seventy" must be`},
		{"ErrBadCategory", "version: \"1\"\nactions:" + strings.Replace(good, "category: find-mentor", "category: juggle", 1), "actions[0].category", "not a known category"},
		{"ErrEffort", "version: \"1\"\nactions:" + strings.Replace(good, "effort_hours: 4", "effort_hours: 0", 1), "actions[0].effort_hours", "between 1 and 200"},
		{"ErrLevels", "version: \"1\"\nactions:" + action("a", "    min_level: 4\n    max_level: 2\n"), "actions[0].max_level", "below min_level"},
		{"ErrLevelRange", "version: \"1\"\nactions:" + action("a", "    min_level: 7\n"), "actions[0].min_level", "between 1 and 5"},
	}
	m := model.Default()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseCatalog("test.yaml", []byte(tt.yaml), m)
			if c != nil || ladder.ErrorCode(err) != ladder.EINVALID {
				t.Fatalf("got %v, %v; want EINVALID", c, err)
			}
			if !strings.Contains(err.Error(), tt.message) {
				t.Errorf("message %q lacks %q", err.Error(), tt.message)
			}
			if tt.field != "" {
				var e *ladder.Error
				if fe := err.(*ladder.Error); fe != nil {
					e = fe
				}
				if _, ok := e.Fields[tt.field]; !ok {
					t.Errorf("fields %v lack %s", e.Fields, tt.field)
				}
			}
		})
	}
	t.Run("OK", func(t *testing.T) {
		c, err := ParseCatalog("test.yaml", []byte("version: \"1\"\nactions:"+good+action("agree", "    after: [find-mentor]\n")), m)
		if err != nil {
			t.Fatal(err)
		}
		a, ok := c.Action("agree")
		if !ok || a.MinLevel != 1 || a.MaxLevel != 5 || a.After[0] != "find-mentor" {
			t.Errorf("%+v", a)
		}
	})
}
