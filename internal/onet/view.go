package onet

import (
	"bytes"
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
)

// ElementRating is a rating with its element, for display.
type ElementRating struct {
	Element *Element
	Rating
}

// RatingsIn returns o's ratings in domain, most important first (ties by
// element ID); ratings without an importance come last.
func (d *Dataset) RatingsIn(o *Occupation, domain string) []ElementRating {
	var out []ElementRating
	for _, r := range o.Ratings {
		if e, ok := d.Element(r.Element); ok && e.Domain == domain {
			out = append(out, ElementRating{e, r})
		}
	}
	slices.SortStableFunc(out, func(a, b ElementRating) int {
		return cmp.Or(-cmp.Compare(importanceKey(a.Rating), importanceKey(b.Rating)), CompareIDs(a.Element.ID, b.Element.ID))
	})
	return out
}

func importanceKey(r Rating) int {
	if !r.HasImportance {
		return -1
	}
	return int(r.Importance)
}

// TechGroup is the technology examples of one commodity category.
type TechGroup struct {
	Category string
	Skills   []TechSkill
}

// TechnologyGroups groups o's technology examples by category. Groups with
// more hot technologies come first (then by name); inside a group, hot
// examples come first, otherwise in O*NET's order.
func (o *Occupation) TechnologyGroups() []TechGroup {
	idx := map[string]int{}
	var gs []TechGroup
	for _, t := range o.Technology {
		i, ok := idx[t.Category]
		if !ok {
			i = len(gs)
			idx[t.Category] = i
			gs = append(gs, TechGroup{Category: t.Category})
		}
		gs[i].Skills = append(gs[i].Skills, t)
	}
	hot := func(g TechGroup) int {
		n := 0
		for _, t := range g.Skills {
			if t.Hot {
				n++
			}
		}
		return n
	}
	for _, g := range gs {
		slices.SortStableFunc(g.Skills, func(a, b TechSkill) int { return -cmp.Compare(btoi(a.Hot), btoi(b.Hot)) })
	}
	slices.SortStableFunc(gs, func(a, b TechGroup) int {
		return cmp.Or(-cmp.Compare(hot(a), hot(b)), cmp.Compare(a.Category, b.Category))
	})
	return gs
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// WriteFile writes d to path atomically (a temporary file in the same
// folder, then a rename), so a reader never sees half a file.
func (d *Dataset) WriteFile(path string) (err error) {
	var buf bytes.Buffer
	if _, err := d.WriteTo(&buf); err != nil {
		return err
	}
	if _, err := Decode(buf.Bytes()); err != nil {
		return fmt.Errorf("onet: written data does not read back: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".onet-*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if _, err = tmp.Write(buf.Bytes()); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// Stats counts what a dataset holds, for reports such as the one
// `ladder onet import` prints.
type Stats struct {
	Occupations int
	Elements    map[string]int // by domain
	Rated       map[string]int // occupations with ratings, by domain
	Tasks       int
	Technology  int
	AltTitles   int
}

// Stats counts d's contents.
func (d *Dataset) Stats() Stats {
	s := Stats{Occupations: len(d.Occupations), Elements: map[string]int{}, Rated: map[string]int{}}
	for _, e := range d.Elements {
		s.Elements[e.Domain]++
	}
	for i := range d.Occupations {
		o := &d.Occupations[i]
		s.Tasks += len(o.Tasks)
		s.Technology += len(o.Technology)
		s.AltTitles += len(o.AltTitles)
		for dom := range d.ratedDomains(o) {
			s.Rated[dom]++
		}
	}
	return s
}

// ratedDomains returns the domains o has ratings in.
func (d *Dataset) ratedDomains(o *Occupation) map[string]bool {
	doms := map[string]bool{}
	for _, r := range o.Ratings {
		if e, ok := d.Element(r.Element); ok {
			doms[e.Domain] = true
		}
	}
	return doms
}
