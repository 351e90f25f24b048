package model

import (
	"fmt"
	"regexp"
	"strings"
)

var (
	slugRE    = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	onetRE    = regexp.MustCompile(`^\d{2}-\d{4}\.\d{2}$`)
	elementRE = regexp.MustCompile(`^\d+(\.[A-Za-z0-9]+)*$`)
)

// validator collects every problem in a model file rather than stopping at
// the first, so one run of `ladder model import` shows them all.
type validator struct {
	lines    map[string]int
	problems []problem
	comps    map[string]bool
}

// add reports msg at path, with the line of the path or its nearest parent
// that the file has (a missing field has no line of its own).
func (v *validator) add(path, format string, args ...any) {
	line := 0
	for p := path; ; {
		if l, ok := v.lines[p]; ok {
			line = l
			break
		}
		i := strings.LastIndexAny(p, ".[")
		if i < 0 {
			line = v.lines[""]
			break
		}
		p = p[:i]
	}
	v.problems = append(v.problems, problem{line: line, path: path, msg: fmt.Sprintf(format, args...)})
}

func (v *validator) text(path, s string, max int) {
	switch {
	case strings.TrimSpace(s) == "":
		v.add(path, "is required")
	case len(s) > max:
		v.add(path, "must be at most %d characters", max)
	}
}

func (v *validator) slug(path, s string, seen map[string]bool) {
	switch {
	case s == "":
		v.add(path, "is required")
	case !slugRE.MatchString(s):
		v.add(path, "%q must be lower-case words joined by hyphens", s)
	case seen[s]:
		v.add(path, "%q is used twice", s)
	}
	seen[s] = true
}

func (v *validator) model(f *fileModel) {
	v.text("version", f.Version, 40)
	v.text("name", f.Name, 200)
	v.levels("level_names", f.LevelNames, 60)
	if len(f.Areas) == 0 {
		v.add("areas", "at least one area is required")
	}
	v.comps = map[string]bool{}
	areas := map[string]bool{}
	for i, a := range f.Areas {
		p := fmt.Sprintf("areas[%d]", i)
		v.slug(p+".key", a.Key, areas)
		v.text(p+".name", a.Name, 200)
		if len(a.Competencies) == 0 {
			v.add(p+".competencies", "at least one competency is required")
		}
		for j, c := range a.Competencies {
			cp := fmt.Sprintf("%s.competencies[%d]", p, j)
			v.slug(cp+".key", c.Key, v.comps)
			v.text(cp+".name", c.Name, 200)
			v.text(cp+".description", c.Description, 2000)
			v.levels(cp+".levels", c.Levels, 2000)
		}
	}
	v.roles(f.Roles)
	v.links(f.ONETMap)
	for i, s := range f.Shift {
		p := fmt.Sprintf("shift[%d]", i)
		v.text(p+".topic", s.Topic, 200)
		v.text(p+".specialist", s.Specialist, 2000)
		v.text(p+".manager", s.Manager, 2000)
	}
}

func (v *validator) levels(path string, l levelMap, max int) {
	for lv := 1; lv <= 5; lv++ {
		s, ok := l[lv]
		if !ok {
			v.add(path, "level %d is missing (levels 1 to 5 are all required)", lv)
			continue
		}
		v.text(fmt.Sprintf("%s.%d", path, lv), s, max)
	}
}

func (v *validator) roles(roles []fileRole) {
	seen := map[string]bool{}
	targets := 0
	for i, r := range roles {
		p := fmt.Sprintf("roles[%d]", i)
		v.slug(p+".slug", r.Slug, seen)
		v.text(p+".title", r.Title, 200)
		switch r.Kind {
		case "start":
		case "target":
			targets++
			if len(r.Requirements) == 0 {
				v.add(p+".requirements", "a target role needs at least one requirement")
			}
		default:
			v.add(p+".kind", "%q must be start or target", r.Kind)
		}
		for _, c := range []struct{ field, code string }{{"onet_code", r.ONETCode}, {"onet_proxy", r.ONETProxy}} {
			if c.code != "" && !onetRE.MatchString(c.code) {
				v.add(p+"."+c.field, "%q is not an O*NET-SOC code like 11-3021.00", c.code)
			}
		}
		req := map[string]bool{}
		for j, q := range r.Requirements {
			qp := fmt.Sprintf("%s.requirements[%d]", p, j)
			switch {
			case !v.comps[q.Competency]:
				v.add(qp+".competency", "unknown competency %q", q.Competency)
			case req[q.Competency]:
				v.add(qp+".competency", "%q is listed twice", q.Competency)
			}
			req[q.Competency] = true
			if q.Level < 1 || q.Level > 5 {
				v.add(qp+".level", "%d is outside 1-5", q.Level)
			}
			if q.Importance < 1 || q.Importance > 5 {
				v.add(qp+".importance", "%d is outside 1-5", q.Importance)
			}
		}
	}
	if len(roles) > 0 && targets == 0 {
		v.add("roles", "at least one target role is required")
	}
}

func (v *validator) links(links []fileLink) {
	seen := map[string]bool{}
	for i, l := range links {
		p := fmt.Sprintf("onet_map[%d]", i)
		switch {
		case !elementRE.MatchString(l.Element):
			v.add(p+".element", "%q is not an O*NET element ID like 2.B.5.d", l.Element)
		case seen[l.Element]:
			v.add(p+".element", "%q is mapped twice", l.Element)
		}
		seen[l.Element] = true
		for j, c := range l.Competencies {
			cp := fmt.Sprintf("%s.competencies[%d]", p, j)
			if !v.comps[c.Key] {
				v.add(cp+".key", "unknown competency %q", c.Key)
			}
			if c.Weight <= 0 || c.Weight > 1 {
				v.add(cp+".weight", "%g must be above 0 and at most 1", c.Weight)
			}
		}
	}
}
