package onet

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
)

// Comparison is what separates one occupation from another in O*NET's
// ratings. Everything in it is derived by Ladder: show it with the modified
// attribution.
type Comparison struct {
	From, To OccupationRef
	// Gaps are the elements where To needs a higher level than From has,
	// largest WeightedGap first (ties by element ID).
	Gaps []ElementGap
	// Transfers are the elements important to To (IM >= 3) where From's
	// level already meets To's, most important first (ties by element ID).
	Transfers []ElementGap
	// Closest are the management occupations nearest to From (see
	// Closeness), closest first.
	Closest []Closeness
	// Excluded counts the elements left out because O*NET recommends
	// suppressing a value they need (either level, or To's importance).
	Excluded int
	// Notes explain what was and was not compared, for readers.
	Notes []string
}

// OccupationRef names an occupation.
type OccupationRef struct {
	Code  string
	Title string
}

// ElementGap compares one element between two occupations. The levels and
// importance are O*NET's Data Values, except that a level flagged Not
// Relevant counts as 0.
type ElementGap struct {
	ElementID    string
	Name         string
	Domain       string
	FromLevel    float64
	ToLevel      float64
	ToImportance float64
	// WeightedGap is (ToLevel - FromLevel) x ToImportance, exact: the
	// product of two-decimal values has four decimals and no rounding.
	WeightedGap float64
}

// Closeness scores a management occupation as a next step from another.
type Closeness struct {
	Code  string
	Title string
	// Closeness is 100 for no climb at all, falling towards 0 as the
	// importance-weighted climb grows; see closeness.
	Closeness float64
	// Related reports whether O*NET lists the occupation among the start
	// occupation's related occupations.
	Related bool
}

// Rating domains compared for gaps and transfers.
var gapDomains = []string{DomainSkills, DomainKnowledge, DomainWorkActivities}

// transferImportance is the IM from which O*NET calls an element
// "important" (3 on its 1-5 scale), in hundredths.
const transferImportance Value = 300

// closestCount is how many management occupations Compare ranks.
const closestCount = 5

// Compare compares occupation from with occupation to over Skills,
// Knowledge and, when both have them, Work Activities. It returns ENOTFOUND
// for an unknown code and EINVALID for an occupation O*NET has not rated.
func Compare(d *Dataset, from, to string) (*Comparison, error) {
	f, err := d.ratedOccupation(from)
	if err != nil {
		return nil, err
	}
	t, err := d.ratedOccupation(to)
	if err != nil {
		return nil, err
	}
	c := &Comparison{From: OccupationRef{f.Code, f.Title}, To: OccupationRef{t.Code, t.Title}}
	domains := gapDomains
	if !d.Rated(f, DomainWorkActivities) || !d.Rated(t, DomainWorkActivities) {
		domains = gapDomains[:2]
		c.Notes = append(c.Notes, fmt.Sprintf("Work Activities not compared: this O*NET %s copy has no Work Activities ratings for %s.", d.Release, missingWA(d, f, t)))
	}
	for _, tr := range t.Ratings {
		if e, ok := d.Element(tr.Element); ok && slices.Contains(domains, e.Domain) {
			c.add(e, f, tr)
		}
	}
	slices.SortFunc(c.Gaps, func(a, b ElementGap) int {
		return cmp.Or(cmp.Compare(b.WeightedGap, a.WeightedGap), CompareIDs(a.ElementID, b.ElementID))
	})
	slices.SortFunc(c.Transfers, func(a, b ElementGap) int {
		return cmp.Or(cmp.Compare(b.ToImportance, a.ToImportance), CompareIDs(a.ElementID, b.ElementID))
	})
	c.Closest = d.closestManagement(f, closestCount)
	c.Notes = append(c.Notes, "A level O*NET flags Not Relevant counts as 0.")
	if c.Excluded > 0 {
		c.Notes = append(c.Notes, fmt.Sprintf("%d elements left out because O*NET recommends suppressing a value they need (Recommend Suppress = Y).", c.Excluded))
	}
	return c, nil
}

// add sorts one element of To into Gaps, Transfers or Excluded.
func (c *Comparison) add(e *Element, f *Occupation, tr Rating) {
	fr, ok := f.Rating(e.ID)
	if !ok || !fr.HasLevel || !tr.HasLevel || !tr.HasImportance {
		return
	}
	if fr.LevelSuppressed || tr.LevelSuppressed || tr.ImportanceSuppressed {
		c.Excluded++
		return
	}
	fl, tl := fr.EffectiveLevel(), tr.EffectiveLevel()
	g := ElementGap{
		ElementID:    e.ID,
		Name:         e.Name,
		Domain:       e.Domain,
		FromLevel:    fl.Float(),
		ToLevel:      tl.Float(),
		ToImportance: tr.Importance.Float(),
		WeightedGap:  float64((int(tl)-int(fl))*int(tr.Importance)) / 10000,
	}
	switch {
	case tl > fl:
		c.Gaps = append(c.Gaps, g)
	case tr.Importance >= transferImportance:
		c.Transfers = append(c.Transfers, g)
	}
}

func missingWA(d *Dataset, occs ...*Occupation) string {
	var s []string
	for _, o := range occs {
		if !d.Rated(o, DomainWorkActivities) {
			s = append(s, o.Code+" "+o.Title)
		}
	}
	return strings.Join(s, " and ")
}

// ratedOccupation looks code up and insists on Skills ratings, suggesting
// rated related occupations as stand-ins (README caveat 2: O*NET has not
// rated some occupations yet, Software Developers among them).
func (d *Dataset) ratedOccupation(code string) (*Occupation, error) {
	o, err := d.Lookup(code)
	if err != nil || d.Rated(o, DomainSkills) {
		return o, err
	}
	msg := fmt.Sprintf("O*NET %s has no skill or knowledge ratings for %s %s yet, so it cannot be compared", d.Release, o.Code, o.Title)
	var alts []string
	for _, rc := range o.Related {
		if r, ok := d.Occupation(rc); ok && d.Rated(r, DomainSkills) {
			alts = append(alts, r.Code+" "+r.Title)
		}
		if len(alts) == 2 {
			break
		}
	}
	if len(alts) > 0 {
		msg += "; compare a rated related occupation instead, labelled as a proxy: " + strings.Join(alts, " or ")
	}
	return nil, ladder.Errorf(ladder.EINVALID, "%s", msg)
}
