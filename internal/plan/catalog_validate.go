package plan

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/ladderhq/ladder"
)

var keyRE = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

// catalogValidator collects every problem rather than stopping at the first,
// so that one test run shows them all.
type catalogValidator struct {
	model    *ladder.Model
	problems []string
	fields   map[string]string
}

// add records a problem of field of action i, named by its key when it has
// one.
func (v *catalogValidator) add(i int, key, field, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	path := fmt.Sprintf("actions[%d].%s", i, field)
	who := fmt.Sprintf("action %d", i+1)
	if key != "" {
		who = fmt.Sprintf("action %q", key)
	}
	v.problems = append(v.problems, fmt.Sprintf("%s: %s: %s", who, field, msg))
	if _, ok := v.fields[path]; !ok {
		v.fields[path] = msg
	}
}

func (v *catalogValidator) catalog(f *fileCatalog) {
	if strings.TrimSpace(f.Version) == "" {
		v.problems = append(v.problems, "version: is required")
		v.fields["version"] = "is required"
	}
	if len(f.Actions) == 0 {
		v.problems = append(v.problems, "actions: at least one action is required")
		v.fields["actions"] = "at least one action is required"
		return
	}
	keys := map[string]int{}
	for i, a := range f.Actions {
		switch {
		case a.Key == "":
			v.add(i, "", "key", "is required")
		case !keyRE.MatchString(a.Key):
			v.add(i, a.Key, "key", "must be lower-case words joined by hyphens")
		default:
			if _, dup := keys[a.Key]; dup {
				v.add(i, a.Key, "key", "is used twice")
			} else {
				keys[a.Key] = i
			}
		}
	}
	cats := map[string]bool{}
	for _, c := range Categories() {
		cats[c.Key] = true
	}
	for i := range f.Actions {
		v.action(i, &f.Actions[i], keys, cats)
	}
	v.cycles(f.Actions, keys)
}

func (v *catalogValidator) action(i int, a *fileAction, keys map[string]int, cats map[string]bool) {
	v.text(i, a.Key, "title", a.Title, 120)
	v.text(i, a.Key, "description", a.Description, 1000)
	v.text(i, a.Key, "done_when", a.DoneWhen, 500)
	if ladder.KindShare(a.Kind) == 0 {
		v.add(i, a.Key, "kind", "%q must be %s, %s or %s", a.Kind, ladder.Kind70, ladder.Kind20, ladder.Kind10)
	}
	if !cats[a.Category] {
		v.add(i, a.Key, "category", "%q is not a known category", a.Category)
	}
	if len(a.Competencies) == 0 {
		v.add(i, a.Key, "competencies", "at least one is required")
	}
	seen := map[string]bool{}
	for _, c := range a.Competencies {
		if _, ok := v.model.Competency(c); !ok {
			v.add(i, a.Key, "competencies", "%q is not a competency of the model", c)
		} else if seen[c] {
			v.add(i, a.Key, "competencies", "%q is listed twice", c)
		}
		seen[c] = true
	}
	if a.EffortHours < 1 || a.EffortHours > 200 {
		v.add(i, a.Key, "effort_hours", "must be between 1 and 200")
	}
	for _, p := range a.After {
		switch _, ok := keys[p]; {
		case p == a.Key:
			v.add(i, a.Key, "after", "an action cannot come after itself")
		case !ok:
			v.add(i, a.Key, "after", "%q is not an action of the catalogue", p)
		}
	}
	levelOK := func(l int) bool { return l == 0 || (l >= ladder.MinLevel && l <= ladder.MaxLevel) }
	switch {
	case !levelOK(a.MinLevel):
		v.add(i, a.Key, "min_level", "must be between %d and %d", ladder.MinLevel, ladder.MaxLevel)
	case !levelOK(a.MaxLevel):
		v.add(i, a.Key, "max_level", "must be between %d and %d", ladder.MinLevel, ladder.MaxLevel)
	case a.MinLevel != 0 && a.MaxLevel != 0 && a.MinLevel > a.MaxLevel:
		v.add(i, a.Key, "max_level", "must not be below min_level")
	}
}

func (v *catalogValidator) text(i int, key, field, s string, max int) {
	switch s = strings.TrimSpace(s); {
	case s == "":
		v.add(i, key, field, "is required")
	case len(s) > max:
		v.add(i, key, field, "must be at most %d characters", max)
	}
}

// cycles reports each prerequisite cycle once, at the action where the
// depth-first search closes it, with the path: "a -> b -> a".
func (v *catalogValidator) cycles(actions []fileAction, keys map[string]int) {
	const (
		unseen = iota
		open
		closed
	)
	state := make([]int, len(actions))
	var stack []int
	var visit func(i int)
	visit = func(i int) {
		state[i] = open
		stack = append(stack, i)
		for _, p := range actions[i].After {
			j, ok := keys[p]
			if !ok || j == i {
				continue // reported by action()
			}
			switch state[j] {
			case unseen:
				visit(j)
			case open:
				v.add(i, actions[i].Key, "after", "prerequisites form a cycle: %s", cyclePath(actions, stack, j))
			}
		}
		stack = stack[:len(stack)-1]
		state[i] = closed
	}
	for i := range actions {
		if state[i] == unseen && actions[i].Key != "" {
			visit(i)
		}
	}
}

func cyclePath(actions []fileAction, stack []int, from int) string {
	var names []string
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k] == from {
			for _, i := range stack[k:] {
				names = append(names, actions[i].Key)
			}
			break
		}
	}
	return strings.Join(append(names, actions[from].Key), " -> ")
}
