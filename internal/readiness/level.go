// Package readiness computes a person's current level per competency from
// its sources, the gaps to a target role and a readiness score with an
// honest confidence. It is pure: no I/O, no clock. docs/readiness.md states
// the formulas; the tests hold them to it.
package readiness

import (
	"fmt"
	"math"
	"time"

	"github.com/ladderhq/ladder"
)

// Sources of a current level, from strongest to weakest.
const (
	SourceSelf  = "self"
	SourcePrior = "prior"
	SourceNone  = "none"
)

// Confidence each source lends to a level, 0-1. A self-rating alone is weak
// evidence (people misjudge themselves); a prior only describes a typical
// person in the start occupation.
var sourceConfidence = map[string]float64{
	SourceSelf:  0.4,
	SourcePrior: 0.15,
	SourceNone:  0,
}

// Observation is a level someone gave at a time.
type Observation struct {
	Level float64
	At    time.Time
}

// Prior is an estimate of a level from the start occupation, used only where
// the person has not rated themselves.
type Prior struct {
	Level float64
	Basis string
}

// Inputs are the sources of current levels.
type Inputs struct {
	Self  map[string]Observation // competency key -> latest self-rating
	Prior map[string]Prior       // competency key -> estimate
}

// Current is a competency's current level and what it is built from.
type Current struct {
	Competency string
	Level      float64
	Source     string
	// Basis says in words what the level rests on.
	Basis      string
	Confidence float64
}

// CurrentLevels returns the current level of every competency of m. A
// self-rating wins over a prior; with neither, the level is the floor (1) and
// confidence is zero.
func CurrentLevels(m *ladder.Model, in Inputs) map[string]Current {
	out := make(map[string]Current)
	for _, c := range m.Competencies() {
		cur := Current{Competency: c.Key, Level: ladder.MinLevel, Source: SourceNone,
			Basis: "no rating or estimate yet; counted at level 1"}
		if o, ok := in.Self[c.Key]; ok {
			cur.Level, cur.Source = o.Level, SourceSelf
			cur.Basis = fmt.Sprintf("your self-rating of %s", o.At.Format("2006-01-02"))
		} else if p, ok := in.Prior[c.Key]; ok {
			cur.Level, cur.Source = p.Level, SourcePrior
			cur.Basis = "estimate: " + p.Basis
		}
		cur.Confidence = sourceConfidence[cur.Source]
		out[c.Key] = cur
	}
	return out
}

// LatestSelf folds completed self-assessments (oldest first) into the latest
// level per competency. "Not sure" does not erase an earlier rating: not
// knowing now is no evidence that the earlier answer was wrong. Ratings
// after asOf are ignored, which gives the state at any past date.
func LatestSelf(as []*ladder.Assessment, asOf time.Time) map[string]Observation {
	out := map[string]Observation{}
	for _, a := range as {
		if a.Kind != ladder.AssessSelf || !a.Completed() || a.CompletedAt.After(asOf) {
			continue
		}
		for _, r := range a.Ratings {
			if r.Level == ladder.NotSure {
				continue
			}
			// Assessments may be completed in another order than started.
			if o, ok := out[r.Competency]; !ok || !a.CompletedAt.Before(o.At) {
				out[r.Competency] = Observation{Level: float64(r.Level), At: a.CompletedAt}
			}
		}
	}
	return out
}

// ElementRating is one O*NET element of an occupation: Level 0-7 (absent for
// work styles) and Importance 1-5.
type ElementRating struct {
	Level      float64
	HasLevel   bool
	Importance float64
}

// ONETLevel converts an O*NET level (0-7, anchored at 2, 4 and 6 for skills)
// to our 1-5 scale as LV - 1, clamped: LV 3 -> 2, LV 5 -> 4. It is
// conservative on purpose: O*NET levels describe the occupation's work in
// general, ours describe management behaviour, and an estimate that is too
// low costs a plan item while one that is too high hides a gap.
func ONETLevel(lv float64) float64 { return clamp(lv-1, 1, 5) }

// styleLevel converts a work style's importance (1-5), which is all O*NET
// gives for styles, to a level the same conservative way: IM - 1, clamped,
// because valuing a style is not the same as having mastered it.
func styleLevel(im float64) float64 { return clamp(im-1, 1, 5) }

// PriorFromONET estimates a level per competency from an occupation's O*NET
// ratings through the model's element map: the mean of the converted element
// levels, weighted by the map weight times the element's importance to the
// occupation (a level the occupation barely needs says little).
func PriorFromONET(m *ladder.Model, ratings map[string]ElementRating, basis string) map[string]Prior {
	sum, wsum := map[string]float64{}, map[string]float64{}
	for _, link := range m.ONETMap {
		r, ok := ratings[link.Element]
		if !ok || r.Importance <= 0 {
			continue
		}
		lv := styleLevel(r.Importance)
		if r.HasLevel {
			lv = ONETLevel(r.Level)
		}
		for _, c := range link.Competencies {
			w := c.Weight * r.Importance
			sum[c.Key] += w * lv
			wsum[c.Key] += w
		}
	}
	out := map[string]Prior{}
	for k, w := range wsum {
		out[k] = Prior{Level: round(sum[k]/w, 1), Basis: basis}
	}
	return out
}

// PriorFromRole takes the levels a start role profile lists as typical,
// overriding O*NET estimates for those competencies: the profile is our own
// judgement of that role, the O*NET map only an approximation.
func PriorFromRole(r ladder.Role, onet map[string]Prior) map[string]Prior {
	out := make(map[string]Prior, len(onet))
	for k, v := range onet {
		out[k] = v
	}
	for _, q := range r.Requirements {
		out[q.Competency] = Prior{Level: float64(q.Level), Basis: "typical of a " + lower(r.Title) + " (Ladder role profile)"}
	}
	return out
}

func lower(s string) string {
	if s == "" {
		return s
	}
	b := []byte(s)
	if b[0] >= 'A' && b[0] <= 'Z' {
		b[0] += 'a' - 'A'
	}
	return string(b)
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

func round(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}
