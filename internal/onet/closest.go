package onet

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// overqualifiedWeight is how much a level above the candidate's counts
// against it, relative to a level below: moving up means learning what is
// missing, while knowing more than a role needs costs little.
const overqualifiedWeight = 0.25

// itProjectManagers is the one management occupation outside O*NET's
// management group (11-) that Ladder treats as a target.
const itProjectManagers = "15-1299.09"

// isManagement reports whether code is a management occupation for
// Closest: O*NET's 11- group plus IT Project Managers.
func isManagement(code string) bool {
	return strings.HasPrefix(code, "11-") || code == itProjectManagers
}

// closestManagement ranks the rated management occupations other than from
// by closeness to from and returns the top n.
func (d *Dataset) closestManagement(from *Occupation, n int) []Closeness {
	type cand struct {
		c    Closeness
		dist float64
	}
	ix := d.newClimbIndex(from)
	var cs []cand
	for i := range d.Occupations {
		o := &d.Occupations[i]
		if o.Code == from.Code || !isManagement(o.Code) || !d.Rated(o, DomainSkills) {
			continue
		}
		dist, ok := ix.distance(o)
		if !ok {
			continue
		}
		cs = append(cs, cand{Closeness{
			Code:      o.Code,
			Title:     o.Title,
			Closeness: closeness(dist),
			Related:   slices.Contains(from.Related, o.Code),
		}, dist})
	}
	slices.SortFunc(cs, func(a, b cand) int { return cmp.Or(cmp.Compare(a.dist, b.dist), strings.Compare(a.c.Code, b.c.Code)) })
	out := make([]Closeness, 0, n)
	for _, c := range cs[:min(n, len(cs))] {
		out = append(out, c.c)
	}
	return out
}

// climbIndex holds what distance needs of the start occupation, keyed for
// the scan over every candidate's ratings.
type climbIndex struct {
	from map[string]Rating // the start occupation's Skills and Knowledge ratings
}

func (d *Dataset) newClimbIndex(from *Occupation) climbIndex {
	ix := climbIndex{from: make(map[string]Rating, len(from.Ratings))}
	for _, r := range from.Ratings {
		if e, ok := d.Element(r.Element); ok && (e.Domain == DomainSkills || e.Domain == DomainKnowledge) {
			ix.from[r.Element] = r
		}
	}
	return ix
}

// distance is how far the start occupation has to climb to reach cand, in
// level points: over the Skills and Knowledge elements both rate (values
// O*NET recommends suppressing left out), the mean of
//
//	climb = LV(cand) - LV(from)            where cand needs more,
//	overqualifiedWeight x (LV(from) - LV(cand))   where from has more,
//
// weighted by cand's importance of the element, so a gap in what the
// candidate occupation cares about counts most. ok is false when the two
// share no usable element.
func (ix climbIndex) distance(cand *Occupation) (dist float64, ok bool) {
	var sum, weights float64
	for _, cr := range cand.Ratings {
		fr, found := ix.from[cr.Element]
		if !found || !fr.HasLevel || !cr.HasLevel || !cr.HasImportance ||
			fr.LevelSuppressed || cr.LevelSuppressed || cr.ImportanceSuppressed {
			continue
		}
		diff := cr.EffectiveLevel().Float() - fr.EffectiveLevel().Float()
		if diff < 0 {
			diff = -diff * overqualifiedWeight
		}
		w := cr.Importance.Float()
		sum += w * diff
		weights += w
	}
	if weights == 0 {
		return 0, false
	}
	return sum / weights, true
}

// closeness maps a distance to 0-100: 100 / (1 + distance), one decimal.
// A mean climb of one level point scores 50, half a point 67.
func closeness(dist float64) float64 {
	return math.Round(1000/(1+dist)) / 10
}
