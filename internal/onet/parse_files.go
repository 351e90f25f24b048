package onet

import (
	"fmt"
	"io"
	"sort"
)

// Column names of the O*NET text release, shared by several files.
const (
	colCode     = "O*NET-SOC Code"
	colElement  = "Element ID"
	colName     = "Element Name"
	colScale    = "Scale ID"
	colValue    = "Data Value"
	colSuppress = "Recommend Suppress"
	colNotRel   = "Not Relevant"
	colCategory = "Category"
)

func (p *parser) readOccupations(name string, r io.Reader) error {
	cols := columns{Required: []string{colCode, "Title"}, Optional: []string{"Description"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		if err := requireCode(f[0]); err != nil {
			return err
		}
		if _, dup := p.occ[f[0]]; dup {
			return fmt.Errorf("O*NET-SOC Code %q listed twice", f[0])
		}
		p.occ[f[0]] = &Occupation{Code: f[0], Title: f[1], Description: orEmpty(f[2])}
		return nil
	})
}

func (p *parser) readContentModel(name string, r io.Reader) error {
	cols := columns{Required: []string{colElement, colName}, Optional: []string{"Description"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		p.model[f[0]] = Element{ID: f[0], Name: f[1], Description: orEmpty(f[2])}
		return nil
	})
}

// ratingReader reads a rating file (Skills, Knowledge, Work Activities,
// Work Styles): one row per occupation, element and scale. Only the IM and
// LV scales are kept; others (such as the WI and DR scales that O*NET 30.1
// gave Work Styles) are skipped rather than misread.
func (p *parser) ratingReader(domain string) func(string, io.Reader) error {
	return func(name string, r io.Reader) error {
		cols := columns{
			Required: []string{colCode, colElement, colScale, colValue},
			Optional: []string{colName, colSuppress, colNotRel},
		}
		return readTable(name, r, cols, func(_ int, f []string) error {
			if f[2] != "IM" && f[2] != "LV" {
				return nil
			}
			return p.addRating(domain, f)
		})
	}
}

// addRating merges one IM or LV row into the occupation's rating of the
// element. f holds code, element, scale, value, name, suppress, not relevant.
func (p *parser) addRating(domain string, f []string) error {
	o, err := p.occupation(f[0])
	if err != nil {
		return err
	}
	if err := p.addElement(domain, f[1], f[4]); err != nil {
		return err
	}
	suppress, err := parseFlag(colSuppress, f[5])
	if err != nil {
		return err
	}
	notRel, err := parseFlag(colNotRel, f[6])
	if err != nil {
		return err
	}
	r := p.rating(o, f[1])
	has := &r.HasImportance
	if f[2] == "LV" {
		has = &r.HasLevel
	}
	if *has {
		return fmt.Errorf("second %s row for %s %s", f[2], f[0], f[1])
	}
	if f[3] == na {
		return nil // no value published: the rating stays absent
	}
	v, err := parseValue(colValue, f[3])
	if err != nil {
		return err
	}
	*has = true
	if f[2] == "IM" {
		r.Importance, r.ImportanceSuppressed = v, suppress
	} else {
		r.Level, r.LevelSuppressed, r.NotRelevant = v, suppress, notRel
	}
	return nil
}

// rating returns o's rating of element id, adding it when new.
func (p *parser) rating(o *Occupation, id string) *Rating {
	idx := p.ratings[o.Code]
	if idx == nil {
		idx = map[string]int{}
		p.ratings[o.Code] = idx
	}
	i, ok := idx[id]
	if !ok {
		i = len(o.Ratings)
		idx[id] = i
		o.Ratings = append(o.Ratings, Rating{Element: id})
	}
	return &o.Ratings[i]
}

// addElement registers a rated element under the domain of the file that
// rates it, named and described as in the Content Model Reference.
func (p *parser) addElement(domain, id, name string) error {
	if e, ok := p.elements[id]; ok {
		if e.Domain != domain {
			return fmt.Errorf("element %s is rated as %s and as %s", id, e.Domain, domain)
		}
		return nil
	}
	e := p.model[id]
	e.ID, e.Domain = id, domain
	if e.Name == "" {
		e.Name = orEmpty(name)
	}
	if e.Name == "" {
		e.Name = id
	}
	p.elements[id] = &e
	return nil
}

func (p *parser) readJobZones(name string, r io.Reader) error {
	cols := columns{Required: []string{colCode, "Job Zone"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		o, err := p.occupation(f[0])
		if err != nil || f[1] == na {
			return err
		}
		z, err := parseInt("Job Zone", f[1])
		if err != nil {
			return err
		}
		if z < 1 || z > 5 {
			return fmt.Errorf("column Job Zone: %d is not 1 to 5", z)
		}
		o.JobZone = z
		return nil
	})
}

func (p *parser) readTasks(name string, r io.Reader) error {
	cols := columns{Required: []string{colCode, "Task"}, Optional: []string{"Task Type"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		o, err := p.occupation(f[0])
		if err != nil {
			return err
		}
		o.Tasks = append(o.Tasks, Task{Statement: f[1], Core: f[2] == "Core"})
		return nil
	})
}

func (p *parser) readTechnology(name string, r io.Reader) error {
	cols := columns{
		Required: []string{colCode, "Example"},
		Optional: []string{"Commodity Title", "Hot Technology", "In Demand"},
	}
	return readTable(name, r, cols, func(_ int, f []string) error {
		o, err := p.occupation(f[0])
		if err != nil {
			return err
		}
		hot, err := parseFlag("Hot Technology", f[3])
		if err != nil {
			return err
		}
		demand, err := parseFlag("In Demand", f[4])
		if err != nil {
			return err
		}
		o.Technology = append(o.Technology, TechSkill{Example: f[1], Category: orEmpty(f[2]), Hot: hot, InDemand: demand})
		return nil
	})
}

// readRelated keeps related occupations in O*NET's order: by Index where
// the file has one, else as listed.
func (p *parser) readRelated(name string, r io.Reader) error {
	type rel struct {
		code  string
		index int
	}
	byOcc := map[*Occupation][]rel{}
	cols := columns{Required: []string{colCode, "Related O*NET-SOC Code"}, Optional: []string{"Index"}}
	err := readTable(name, r, cols, func(_ int, f []string) error {
		o, err := p.occupation(f[0])
		if err != nil {
			return err
		}
		if err := requireCode(f[1]); err != nil {
			return err
		}
		i := len(byOcc[o]) + 1
		if f[2] != na {
			if i, err = parseInt("Index", f[2]); err != nil {
				return err
			}
		}
		byOcc[o] = append(byOcc[o], rel{f[1], i})
		return nil
	})
	for o, rs := range byOcc {
		sort.SliceStable(rs, func(i, j int) bool { return rs[i].index < rs[j].index })
		for _, r := range rs {
			o.Related = append(o.Related, r.code)
		}
	}
	return err
}

func (p *parser) readAltTitles(name string, r io.Reader) error {
	cols := columns{Required: []string{colCode, "Alternate Title"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		o, err := p.occupation(f[0])
		if err != nil {
			return err
		}
		if f[1] != na && f[1] != "" {
			o.AltTitles = append(o.AltTitles, f[1])
		}
		return nil
	})
}

func (p *parser) readEducationLabels(name string, r io.Reader) error {
	cols := columns{Required: []string{colScale, colCategory, "Category Description"}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		if f[0] != "RL" {
			return nil
		}
		c, err := parseInt(colCategory, f[1])
		if err != nil {
			return err
		}
		p.eduLabel[c] = f[2]
		return nil
	})
}

// readEducation keeps the required level of education (scale RL): the share
// of respondents per category. Zero shares are dropped as they say nothing.
func (p *parser) readEducation(name string, r io.Reader) error {
	cols := columns{Required: []string{colCode, colScale, colCategory, colValue}, Optional: []string{colSuppress}}
	return readTable(name, r, cols, func(_ int, f []string) error {
		if f[1] != "RL" || f[3] == na {
			return nil
		}
		o, err := p.occupation(f[0])
		if err != nil {
			return err
		}
		c, err := parseInt(colCategory, f[2])
		if err != nil {
			return err
		}
		if c < 0 || c > 255 {
			return fmt.Errorf("column Category: %d is out of range", c)
		}
		v, err := parseValue(colValue, f[3])
		if err != nil || v == 0 {
			return err
		}
		s, err := parseFlag(colSuppress, f[4])
		if err != nil {
			return err
		}
		o.Education = append(o.Education, EducationShare{Category: c, Label: p.eduLabel[c], Percent: v, Suppressed: s})
		return nil
	})
}

func orEmpty(s string) string {
	if s == na {
		return ""
	}
	return s
}
