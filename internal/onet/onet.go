// Package onet reads the O*NET® database (U.S. Department of Labor,
// Employment and Training Administration) from its text release, stores the
// part Ladder needs in a compact binary form embedded in the program, and
// answers questions about it: find an occupation, show it, compare two.
//
// Values are kept as O*NET publishes them (hundredths, see Value); anything
// Ladder derives from them (gaps, closeness) is a modification in the sense
// of O*NET's licence and must be shown with AttributionModified.
package onet

import (
	"cmp"
	"sort"
	"strconv"
	"strings"
)

// Element domains: the O*NET file an element is rated in.
const (
	DomainSkills         = "skills"
	DomainKnowledge      = "knowledge"
	DomainWorkActivities = "work_activities"
	DomainWorkStyles     = "work_styles"
)

// Domains lists the rated domains in the order Ladder presents them.
var Domains = []string{DomainSkills, DomainKnowledge, DomainWorkActivities, DomainWorkStyles}

// Dataset is one O*NET release as Ladder uses it. A Dataset returned by
// Embedded or Load is shared: treat it as read-only.
type Dataset struct {
	Release     string // O*NET release number, e.g. "29.3"
	Elements    []Element
	Occupations []Occupation // sorted by Code
}

// Element is a rated content-model element, for example the skill 2.B.5.d
// Management of Personnel Resources.
type Element struct {
	ID          string
	Name        string
	Domain      string // one of the Domain constants
	Description string
}

// Occupation is an O*NET-SOC occupation with what Ladder keeps of its data.
// Occupations O*NET has not rated (README caveat 2) have no Ratings but may
// still have tasks, technology, job zone and related occupations.
type Occupation struct {
	Code        string // O*NET-SOC code, e.g. 15-1244.00
	Title       string
	Description string
	JobZone     int      // 1-5; 0 when O*NET gives none
	Ratings     []Rating // sorted by element ID (see CompareIDs)
	Tasks       []Task
	Technology  []TechSkill
	Related     []string // related occupation codes, in O*NET's order
	AltTitles   []string
	Education   []EducationShare // required level of education (RL), shares above 0
}

// Rating holds an occupation's importance (IM, 1-5) and level (LV, 0-7) of
// one element. Work styles have importance only.
type Rating struct {
	Element              string // element ID
	Importance           Value
	Level                Value
	HasImportance        bool
	HasLevel             bool
	ImportanceSuppressed bool // O*NET's Recommend Suppress = Y on the IM row
	LevelSuppressed      bool // Recommend Suppress = Y on the LV row
	// NotRelevant is O*NET's Not Relevant = Y on the LV row: the element
	// does not matter for the occupation and Level is not meaningful.
	NotRelevant bool
}

// EffectiveLevel is the level used in comparisons: 0 when O*NET flags the
// level Not Relevant, because it publishes no meaningful level then.
func (r Rating) EffectiveLevel() Value {
	if r.NotRelevant {
		return 0
	}
	return r.Level
}

// Task is one task statement.
type Task struct {
	Statement string
	Core      bool // Task Type "Core" (else Supplemental or unclassified)
}

// TechSkill is one technology example with its UNSPSC commodity title.
type TechSkill struct {
	Example  string
	Category string
	Hot      bool // O*NET Hot Technology
	InDemand bool // O*NET In Demand
}

// EducationShare is the percentage of respondents who said the occupation
// needs one level of education (RL category, e.g. 6 Bachelor's Degree).
type EducationShare struct {
	Category   int
	Label      string
	Percent    Value
	Suppressed bool
}

// Value is an O*NET Data Value in hundredths: 362 is 3.62. O*NET publishes
// these values with two decimals, so hundredths hold them exactly and keep
// sums and comparisons exact where float32 would not.
type Value uint16

// Float returns v as a float64, the nearest one to the two-decimal value.
func (v Value) Float() float64 { return float64(v) / 100 }

// String formats v with two decimals, as O*NET writes it.
func (v Value) String() string {
	return strconv.Itoa(int(v)/100) + "." + strconv.Itoa(int(v)%100/10) + strconv.Itoa(int(v)%10)
}

// Occupation returns the occupation with the given code. A code without its
// two-digit suffix ("15-1244") means the ".00" base occupation.
func (d *Dataset) Occupation(code string) (*Occupation, bool) {
	code = normalizeCode(code)
	i := sort.Search(len(d.Occupations), func(i int) bool { return d.Occupations[i].Code >= code })
	if i < len(d.Occupations) && d.Occupations[i].Code == code {
		return &d.Occupations[i], true
	}
	return nil, false
}

// Element returns the element with the given ID.
func (d *Dataset) Element(id string) (*Element, bool) {
	i := sort.Search(len(d.Elements), func(i int) bool { return CompareIDs(d.Elements[i].ID, id) >= 0 })
	if i < len(d.Elements) && d.Elements[i].ID == id {
		return &d.Elements[i], true
	}
	return nil, false
}

// Rating returns o's rating of the element with the given ID.
func (o *Occupation) Rating(elementID string) (Rating, bool) {
	i := sort.Search(len(o.Ratings), func(i int) bool { return CompareIDs(o.Ratings[i].Element, elementID) >= 0 })
	if i < len(o.Ratings) && o.Ratings[i].Element == elementID {
		return o.Ratings[i], true
	}
	return Rating{}, false
}

// Rated reports whether o has any rating in the given domain.
func (d *Dataset) Rated(o *Occupation, domain string) bool {
	for _, r := range o.Ratings {
		if e, ok := d.Element(r.Element); ok && e.Domain == domain {
			return true
		}
	}
	return false
}

// CompareIDs orders O*NET element IDs as O*NET does: runs of digits by
// number, so 2.C.2.a comes before 2.C.10, and a parent before its children.
// It works in one pass without allocating, as every element lookup uses it.
func CompareIDs(a, b string) int {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		if isDigit(a[i]) && isDigit(b[j]) {
			si, sj := i, j
			for i < len(a) && isDigit(a[i]) {
				i++
			}
			for j < len(b) && isDigit(b[j]) {
				j++
			}
			na, nb := strings.TrimLeft(a[si:i], "0"), strings.TrimLeft(b[sj:j], "0")
			if c := cmp.Or(cmpInt(len(na), len(nb)), strings.Compare(na, nb)); c != 0 {
				return c
			}
			continue
		}
		if a[i] != b[j] {
			return cmpInt(int(a[i]), int(b[j]))
		}
		i, j = i+1, j+1
	}
	// Equal up to here: the shorter (the parent) first; the string order
	// breaks ties such as "01" and "1", so different IDs never compare equal.
	return cmp.Or(cmpInt(len(a)-i, len(b)-j), strings.Compare(a, b))
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// normalizeCode trims space and adds the ".00" that people leave off.
func normalizeCode(code string) string {
	code = strings.TrimSpace(code)
	if len(code) == 7 && code[2] == '-' && !strings.Contains(code, ".") {
		code += ".00"
	}
	return code
}
