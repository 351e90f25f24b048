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
	// Evidence lists the logged entries linked to each competency.
	Evidence map[string][]EvidencePoint
	// AsOf is the moment the levels describe: evidence after it does not
	// count yet, and evidence older than EvidenceWindowYears before it
	// counts half. Zero counts every entry in full.
	AsOf time.Time
	// Feedback lists others' views per competency from closed rounds of
	// 360 feedback; the latest not after AsOf counts.
	Feedback map[string][]FeedbackView
}

// Current is a competency's current level and what it is built from.
type Current struct {
	Competency string
	Level      float64
	// Source is the base of the level: 360 feedback, a self-rating, an
	// estimate or nothing. Evidence adds to it and shows in Parts, never here.
	Source string
	// Basis says in words what the level rests on.
	Basis      string
	Confidence float64
	// Parts lists each source's contribution: the base level first, then
	// what evidence added (possibly 0, when it only confirms).
	Parts []Part
	// Evidence counts the logged entries that count toward the level.
	Evidence int
}

// Part is one source's contribution to a current level.
type Part struct {
	Source string  // SourceSelf, SourcePrior, SourceNone or SourceEvidence
	Value  float64 // the level for the base source, the lift for evidence
	Text   string  // "self-rating 3 (2026-05-01)", "3 evidence entries +0.5"
}

// CurrentLevels returns the current level of every competency of m. Others'
// view from 360 feedback wins, weighed twice against the self-rating; else a
// self-rating wins over a prior; with neither, the level is the floor (1)
// and confidence is zero. Logged evidence then adds a capped lift and some
// confidence (docs/readiness.md, section 1).
func CurrentLevels(m *ladder.Model, in Inputs) map[string]Current {
	return currentLevels(m, in, true)
}

// Levels is CurrentLevels without the words (Basis and Parts): the same
// figures, for computing many people's readiness at once.
func Levels(m *ladder.Model, in Inputs) map[string]Current {
	return currentLevels(m, in, false)
}

// currentLevels computes the levels; explain adds Basis and Parts, which
// the trend, needing only numbers, does without.
func currentLevels(m *ladder.Model, in Inputs, explain bool) map[string]Current {
	n := 0
	for _, a := range m.Areas {
		n += len(a.Competencies)
	}
	out := make(map[string]Current, n)
	// Areas and their competencies by index: copying each competency (its
	// descriptors) was most of the cost of a trend point.
	for ai := range m.Areas {
		for ci := range m.Areas[ai].Competencies {
			cur := currentLevel(&m.Areas[ai].Competencies[ci], in, explain)
			out[cur.Competency] = cur
		}
	}
	return out
}

// currentLevel computes one competency's level from the inputs.
func currentLevel(c *ladder.Competency, in Inputs, explain bool) Current {
	cur := Current{Competency: c.Key, Level: ladder.MinLevel, Source: SourceNone}
	var self Observation
	var prior Prior
	if o, ok := in.Self[c.Key]; ok {
		cur.Level, cur.Source, self = o.Level, SourceSelf, o
	} else if p, ok := in.Prior[c.Key]; ok {
		cur.Level, cur.Source, prior = p.Level, SourcePrior, p
	}
	cur.Confidence = sourceConfidence[cur.Source]
	if explain {
		explainBase(&cur, self, prior)
	}
	if fb, ok := latestFeedback(in.Feedback[c.Key], in.AsOf); ok {
		applyFeedback(&cur, fb, self, cur.Source == SourceSelf, explain)
	}
	if ps := in.Evidence[c.Key]; len(ps) > 0 {
		applyEvidence(&cur, ps, in.AsOf, explain)
	}
	return cur
}

// explainBase sets the basis and first part of a level from its source.
func explainBase(cur *Current, self Observation, prior Prior) {
	switch cur.Source {
	case SourceSelf:
		day := self.At.Format("2006-01-02")
		cur.Basis = "your self-rating of " + day
		cur.Parts = []Part{{Source: SourceSelf, Value: self.Level, Text: fmt.Sprintf("self-rating %s (%s)", trim(self.Level), day)}}
	case SourcePrior:
		cur.Basis = "estimate: " + prior.Basis
		cur.Parts = []Part{{Source: SourcePrior, Value: prior.Level, Text: "estimate " + trim(prior.Level)}}
	default:
		cur.Basis = "no rating or estimate yet; counted at level 1"
		cur.Parts = []Part{{Source: SourceNone, Value: ladder.MinLevel, Text: "level 1 (nothing known)"}}
	}
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
