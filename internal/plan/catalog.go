package plan

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

//go:embed data/actions.yaml
var defaultActions []byte

// Action is one entry of the action catalogue.
type Action struct {
	Key          string
	Title        string
	Description  string
	Kind         string // ladder.Kind70, Kind20 or Kind10
	Category     string
	Competencies []string
	EffortHours  int
	DoneWhen     string
	After        []string // keys of prerequisite actions
	// MinLevel and MaxLevel bound the current level (of the goal's
	// competency) the action suits; 1 and 5 when the file leaves them out.
	MinLevel int
	MaxLevel int
}

// Suits reports whether the action suits a person currently at level.
func (a *Action) Suits(level int) bool { return level >= a.MinLevel && level <= a.MaxLevel }

// Serves reports whether the action develops competency k.
func (a *Action) Serves(k string) bool {
	for _, c := range a.Competencies {
		if c == k {
			return true
		}
	}
	return false
}

// Catalog is a validated action catalogue, in file order.
type Catalog struct {
	Version string
	Actions []Action
	index   map[string]int
}

// Action returns the action with key k.
func (c *Catalog) Action(k string) (*Action, bool) {
	i, ok := c.index[k]
	if !ok {
		return nil, false
	}
	return &c.Actions[i], true
}

// Category is a kind of development action. Required marks those PRODUCT.md
// C6 says the catalogue must offer.
type Category struct {
	Key      string
	Name     string
	Required bool
}

// Categories returns the action categories the catalogue may use.
func Categories() []Category {
	return []Category{
		{"lead-project", "Lead a project or an initiative", true},
		{"lead-team", "Volunteer to lead a team", true},
		{"mentor-colleague", "Mentor a newer colleague", true},
		{"facilitate-meetings", "Facilitate team meetings", true},
		{"coordinate-activity", "Coordinate a group activity", true},
		{"budget", "Own a budget line or a cost-benefit analysis", true},
		{"vendor-negotiation", "Handle a vendor negotiation", true},
		{"present-stakeholders", "Present to non-technical stakeholders", true},
		{"shadow-manager", "Shadow a manager", true},
		{"ask-supervisor", "Ask your supervisor about management opportunities", true},
		{"professional-organisation", "Join a professional organisation", true},
		{"event", "Attend a conference, workshop, seminar or webinar", true},
		{"course", "Take a course", true},
		{"book", "Read a book", true},
		{"certification", "Get a certification", true},
		{"find-mentor", "Find a mentor", true},
		{"online-community", "Join an online community", true},
		{"mentor-sessions", "Work with your mentor", false},
		{"feedback", "Ask for feedback", false},
		{"conversation", "Learn from a leader or a colleague", false},
		{"peer-learning", "Learn with peers", false},
		{"stretch-assignment", "Take on a stretch assignment", false},
	}
}

var defaultCatalog = sync.OnceValues(func() (*Catalog, error) {
	return ParseCatalog("actions.yaml", defaultActions, model.Default())
})

// DefaultCatalog returns the built-in action catalogue, checked against the
// built-in competency model. Callers must not modify it.
func DefaultCatalog() *Catalog {
	c, err := defaultCatalog()
	if err != nil {
		// The package tests validate the embedded file; reaching this means
		// the binary was built from a broken tree.
		panic("built-in action catalogue: " + err.Error())
	}
	return c
}

// DefaultYAML returns the built-in catalogue file as shipped.
func DefaultYAML() []byte { return bytes.Clone(defaultActions) }

// file format; tags live here so the domain types stay free of them.
type fileCatalog struct {
	Version string       `yaml:"version"`
	Actions []fileAction `yaml:"actions"`
}

type fileAction struct {
	Key          string   `yaml:"key"`
	Title        string   `yaml:"title"`
	Description  string   `yaml:"description"`
	Kind         string   `yaml:"kind"`
	Category     string   `yaml:"category"`
	Competencies []string `yaml:"competencies"`
	EffortHours  int      `yaml:"effort_hours"`
	DoneWhen     string   `yaml:"done_when"`
	After        []string `yaml:"after"`
	MinLevel     int      `yaml:"min_level"`
	MaxLevel     int      `yaml:"max_level"`
}

// ParseCatalog reads and validates an action catalogue against model m
// (competency keys must exist in it). Every problem is reported, each
// naming the action and the field, in one EINVALID error whose Fields are
// keyed "actions[i].field"; a catalogue with any problem yields nothing.
func ParseCatalog(name string, data []byte, m *ladder.Model) (*Catalog, error) {
	var f fileCatalog
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		msg := "the file is empty"
		if !errors.Is(err, io.EOF) {
			msg = strings.TrimPrefix(err.Error(), "yaml: ")
		}
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: name + ": " + msg}
	}
	v := &catalogValidator{model: m, fields: map[string]string{}}
	v.catalog(&f)
	if len(v.problems) > 0 {
		return nil, &ladder.Error{
			Code:    ladder.EINVALID,
			Message: fmt.Sprintf("%s is not a valid action catalogue:\n  %s", name, strings.Join(v.problems, "\n  ")),
			Fields:  v.fields,
		}
	}
	c := &Catalog{Version: f.Version, index: make(map[string]int, len(f.Actions))}
	for i, a := range f.Actions {
		if a.MinLevel == 0 {
			a.MinLevel = ladder.MinLevel
		}
		if a.MaxLevel == 0 {
			a.MaxLevel = ladder.MaxLevel
		}
		c.Actions = append(c.Actions, Action{
			Key: a.Key, Title: clean(a.Title), Description: clean(a.Description), Kind: a.Kind,
			Category: a.Category, Competencies: a.Competencies, EffortHours: a.EffortHours,
			DoneWhen: clean(a.DoneWhen), After: a.After, MinLevel: a.MinLevel, MaxLevel: a.MaxLevel,
		})
		c.index[a.Key] = i
	}
	return c, nil
}

func clean(s string) string { return strings.TrimSpace(s) }
