package readiness

import (
	"sort"
	"time"

	"github.com/ladderhq/ladder"
)

// Gap is the distance between a role's requirement and the current level.
type Gap struct {
	Competency  string
	Name        string
	Area        string
	AreaName    string
	Required    int
	Current     float64
	Gap         float64 // max(0, required - current)
	Importance  int
	WeightedGap float64 // Gap x Importance
	Source      string
	Basis       string
}

// Gaps returns one row per requirement of role, the largest weighted gap
// first (ties: higher importance, then model order).
func Gaps(m *ladder.Model, role ladder.Role, levels map[string]Current) []Gap {
	order := map[string]int{}
	for i, c := range m.Competencies() {
		order[c.Key] = i
	}
	out := make([]Gap, 0, len(role.Requirements))
	for _, q := range role.Requirements {
		c, ok := m.Competency(q.Competency)
		if !ok {
			continue
		}
		a, _ := m.Area(c.Area)
		cur := levels[q.Competency]
		g := round(max(0, float64(q.Level)-cur.Level), 2)
		out = append(out, Gap{
			Competency: c.Key, Name: c.Name, Area: a.Key, AreaName: a.Name,
			Required: q.Level, Current: round(cur.Level, 2), Gap: g, Importance: q.Importance,
			WeightedGap: round(g*float64(q.Importance), 2), Source: cur.Source, Basis: cur.Basis,
		})
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.WeightedGap != b.WeightedGap {
			return a.WeightedGap > b.WeightedGap
		}
		if a.Importance != b.Importance {
			return a.Importance > b.Importance
		}
		return order[a.Competency] < order[b.Competency]
	})
	return out
}

// Result is the readiness for one target role.
type Result struct {
	Target      string
	TargetTitle string
	// Score is 0-100: the share of the importance-weighted climb from level
	// 1 to each required level that is already done.
	Score float64
	// Confidence is 0-100: the importance-weighted mean of the confidence of
	// each level the score rests on.
	Confidence      float64
	ConfidenceLabel string
	// TotalGap is the sum of weighted gaps: the size of the remaining climb.
	TotalGap float64
	Areas    []AreaResult
	// Sources counts the requirements by the source of their current level.
	Sources map[string]int
	// Evidence counts the requirements whose level logged evidence backs.
	Evidence int
}

// AreaResult is the readiness within one area of the model.
type AreaResult struct {
	Area         string
	Name         string
	Score        float64
	Confidence   float64
	WeightedGap  float64
	Requirements int
}

// tally accumulates the sums behind a score.
type tally struct {
	short, span, conf, weight, gap float64
	n                              int
}

func (t *tally) add(q ladder.Requirement, cur Current) {
	w := float64(q.Importance)
	short := max(0, float64(q.Level)-cur.Level)
	t.short += w * short
	t.span += w * float64(q.Level-ladder.MinLevel)
	t.conf += w * cur.Confidence
	t.weight += w
	t.gap += w * short
	t.n++
}

func (t *tally) score() float64 {
	if t.span == 0 {
		return 100
	}
	return round(100*(1-t.short/t.span), 1)
}

func (t *tally) confidence() float64 {
	if t.weight == 0 {
		return 0
	}
	return round(100*t.conf/t.weight, 0)
}

// Readiness scores the current levels against role.
func Readiness(m *ladder.Model, role ladder.Role, levels map[string]Current) Result {
	var all tally
	areas := map[string]*tally{}
	res := Result{Target: role.Slug, TargetTitle: role.Title, Sources: map[string]int{}}
	for _, q := range role.Requirements {
		c, ok := m.Competency(q.Competency)
		if !ok {
			continue
		}
		cur := levels[q.Competency]
		all.add(q, cur)
		if areas[c.Area] == nil {
			areas[c.Area] = &tally{}
		}
		areas[c.Area].add(q, cur)
		res.Sources[cur.Source]++
		if cur.Evidence > 0 {
			res.Evidence++
		}
	}
	res.Score, res.Confidence, res.TotalGap = all.score(), all.confidence(), round(all.gap, 2)
	res.ConfidenceLabel = ConfidenceLabel(res.Confidence)
	for _, a := range m.Areas {
		t := areas[a.Key]
		if t == nil {
			continue
		}
		res.Areas = append(res.Areas, AreaResult{Area: a.Key, Name: a.Name, Score: t.score(),
			Confidence: t.confidence(), WeightedGap: round(t.gap, 2), Requirements: t.n})
	}
	return res
}

// Score returns the score and confidence Readiness gives, without the
// areas and sources: for computing many at once (the trend, the pipeline
// views).
func Score(m *ladder.Model, role ladder.Role, levels map[string]Current) (score, confidence float64) {
	var all tally
	for _, q := range role.Requirements {
		if hasCompetency(m, q.Competency) {
			all.add(q, levels[q.Competency])
		}
	}
	return all.score(), all.confidence()
}

// hasCompetency reports whether the model has competency k, without
// copying competencies as Model.Competency does.
func hasCompetency(m *ladder.Model, k string) bool {
	for ai := range m.Areas {
		for ci := range m.Areas[ai].Competencies {
			if m.Areas[ai].Competencies[ci].Key == k {
				return true
			}
		}
	}
	return false
}

// ConfidenceLabel names a confidence: below 45 low, below 70 medium, else
// high. Self-ratings alone top out at 40, so they always read as low: a
// score nobody else has confirmed is a hypothesis.
func ConfidenceLabel(c float64) string {
	switch {
	case c < 45:
		return "low"
	case c < 70:
		return "medium"
	}
	return "high"
}

// AllTargets scores every target role of m, the shortest climb (highest
// score, then smallest remaining gap) first.
func AllTargets(m *ladder.Model, levels map[string]Current) []Result {
	var out []Result
	for _, r := range m.Roles {
		if r.Kind == ladder.RoleTarget {
			out = append(out, Readiness(m, r, levels))
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].TotalGap < out[j].TotalGap
	})
	return out
}

// Point is readiness at one moment.
type Point struct {
	At         time.Time
	Score      float64
	Confidence float64
}

// Trend recomputes readiness for role after each completed self-assessment,
// using only the ratings known at that moment, so the history does not
// change when later ratings arrive. Evidence counts at each point from the
// day it happened (an entry is a fact about the past, not a judgement made
// later), aged relative to the point. It folds the assessments in once, in
// order of completion, so its cost grows linearly with their number.
func Trend(m *ladder.Model, role ladder.Role, as []*ladder.Assessment, prior map[string]Prior, evidence map[string][]EvidencePoint) []Point {
	return TrendWithFeedback(m, role, as, prior, evidence, nil)
}

// TrendWithFeedback is Trend with 360 feedback: at each point, the views of
// rounds closed by then count as in CurrentLevels.
func TrendWithFeedback(m *ladder.Model, role ladder.Role, as []*ladder.Assessment, prior map[string]Prior,
	evidence map[string][]EvidencePoint, feedback map[string][]FeedbackView) []Point {
	done := make([]*ladder.Assessment, 0, len(as))
	for _, a := range as {
		if a.Kind == ladder.AssessSelf && a.Completed() {
			done = append(done, a)
		}
	}
	sort.SliceStable(done, func(i, j int) bool { return done[i].CompletedAt.Before(done[j].CompletedAt) })
	self := map[string]Observation{}
	var out []Point
	for _, a := range done {
		for _, r := range a.Ratings {
			if r.Level != ladder.NotSure {
				self[r.Competency] = Observation{Level: float64(r.Level), At: a.CompletedAt}
			}
		}
		in := Inputs{Self: self, Prior: prior, Evidence: evidence, AsOf: a.CompletedAt, Feedback: feedback}
		score, conf := Score(m, role, currentLevels(m, in, false))
		out = append(out, Point{At: a.CompletedAt, Score: score, Confidence: conf})
	}
	return out
}
