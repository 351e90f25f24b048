package readiness

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func TestProject(t *testing.T) {
	now := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	// at returns a point months (of daysPerMonth days) before now.
	at := func(monthsAgo, score float64) Point {
		return Point{At: now.Add(-time.Duration(monthsAgo * daysPerMonth * 24 * float64(time.Hour))), Score: score}
	}
	tests := []struct {
		name  string
		score float64
		trend []Point
		want  Projection
	}{
		{"ReadyNowWithoutHistory", 85, nil,
			Projection{Horizon: HorizonNow, Score: 85, Reason: "score 85 reaches 80"}},
		// The threshold itself counts as ready.
		{"ReadyNowAtThreshold", 80, []Point{at(3, 90), at(1, 80)},
			Projection{Horizon: HorizonNow, Score: 80, Reason: "score 80 reaches 80"}},
		{"NoHistory", 50, nil,
			Projection{Horizon: HorizonUnknown, Score: 50,
				Reason: "0 self-assessments in the last 12 months: at least two are needed to see a trend"}},
		{"OnePoint", 50, []Point{at(2, 50)},
			Projection{Horizon: HorizonUnknown, Score: 50, Points: 1,
				Reason: "1 self-assessment in the last 12 months: at least two are needed to see a trend"}},
		// Points older than the window do not count, however steep.
		{"OldPointsLeftOut", 50, []Point{at(20, 10), at(14, 30), at(2, 50)},
			Projection{Horizon: HorizonUnknown, Score: 50, Points: 1,
				Reason: "1 self-assessment in the last 12 months: at least two are needed to see a trend"}},
		// Three weeks apart is a change of mind, not a trend.
		{"TooClose", 50, []Point{at(1.5, 30), at(0.75, 50)},
			Projection{Horizon: HorizonUnknown, Score: 50, Points: 2,
				Reason: "the self-assessments of the last 12 months are less than six weeks apart: too close to show a trend"}},
		// 40 to 60 over 4 months: +5 a month; 20 points to go from 60: 4 months.
		{"WithinSixMonths", 60, []Point{at(4, 40), at(0, 60)},
			Projection{Horizon: Horizon6Months, Score: 60, Slope: 5, Points: 2, Months: 4,
				Reason: "at +5 points a month, 80 in about 4 months"}},
		// Exactly six months still counts as within six.
		{"SixMonthsBoundary", 50, []Point{at(2, 40), at(0, 50)},
			Projection{Horizon: Horizon6Months, Score: 50, Slope: 5, Points: 2, Months: 6,
				Reason: "at +5 points a month, 80 in about 6 months"}},
		// +3 a month from 50: 10 months.
		{"WithinTwelveMonths", 50, []Point{at(6, 32), at(0, 50)},
			Projection{Horizon: Horizon12Months, Score: 50, Slope: 3, Points: 2, Months: 10,
				Reason: "at +3 points a month, 80 in about 10 months"}},
		// +1 a month from 50: 30 months.
		{"Later", 50, []Point{at(10, 40), at(0, 50)},
			Projection{Horizon: HorizonLater, Score: 50, Slope: 1, Points: 2, Months: 30,
				Reason: "at +1 point a month, 80 in more than two years"}},
		{"Flat", 70, []Point{at(9, 70), at(5, 70), at(1, 70)},
			Projection{Horizon: HorizonLater, Score: 70, Points: 3, Reason: "no climb over the last 12 months (0 points a month)"}},
		{"Falling", 60, []Point{at(8, 70), at(0, 60)},
			Projection{Horizon: HorizonLater, Score: 60, Slope: -1.3, Points: 2,
				Reason: "no climb over the last 12 months (-1.3 points a month)"}},
		// Least squares, not the first and last points: x = 0, 1, 2, 3
		// months, y = 40, 50, 44, 58. Means 1.5 and 48; sum of dx dy =
		// (-1.5)(-8) + (-0.5)(2) + (0.5)(-4) + (1.5)(10) = 24; sum of dx^2 =
		// 5; slope 4.8. From today's 58: 22 / 4.8 = 4.6 months.
		{"LeastSquares", 58, []Point{at(3, 40), at(2, 50), at(1, 44), at(0, 58)},
			Projection{Horizon: Horizon6Months, Score: 58, Slope: 4.8, Points: 4, Months: 4.6,
				Reason: "at +4.8 points a month, 80 in about 4.6 months"}},
		// The order of the points does not matter.
		{"Unordered", 58, []Point{at(0, 58), at(2, 50), at(3, 40), at(1, 44)},
			Projection{Horizon: Horizon6Months, Score: 58, Slope: 4.8, Points: 4, Months: 4.6,
				Reason: "at +4.8 points a month, 80 in about 4.6 months"}},
		// The line is carried on from today's score (which may include
		// evidence logged since), not from the fitted line's end.
		{"FromTodaysScore", 70, []Point{at(4, 40), at(0, 60)},
			Projection{Horizon: Horizon6Months, Score: 70, Slope: 5, Points: 2, Months: 2,
				Reason: "at +5 points a month, 80 in about 2 months"}},
		// A point after today (a clock moved back) is left out.
		{"FuturePointLeftOut", 50, []Point{at(3, 40), {At: now.AddDate(0, 1, 0), Score: 95}},
			Projection{Horizon: HorizonUnknown, Score: 50, Points: 1,
				Reason: "1 self-assessment in the last 12 months: at least two are needed to see a trend"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if diff := cmp.Diff(tc.want, Project(tc.score, tc.trend, now)); diff != "" {
				t.Errorf("Project (-want +got):\n%s", diff)
			}
		})
	}
}

func TestHorizonLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, h := range Horizons {
		l := HorizonLabel(h)
		if l == h || l == "" || seen[l] {
			t.Errorf("horizon %q has label %q", h, l)
		}
		seen[l] = true
	}
}

func BenchmarkProject(b *testing.B) {
	now := time.Date(2026, 9, 1, 0, 0, 0, 0, time.UTC)
	var pts []Point
	for i := range 12 {
		pts = append(pts, Point{At: now.AddDate(0, -i, 0), Score: float64(60 - i*2)})
	}
	for b.Loop() {
		Project(60, pts, now)
	}
}

// TestScoreMatchesReadiness: Score and Levels, the shortcuts of the
// pipeline views, give Readiness's figures.
func TestScoreMatchesReadiness(t *testing.T) {
	m := testModel()
	for _, in := range []Inputs{
		{},
		{Self: map[string]Observation{"delegation": {2, day}, "empathy": {3, day}}},
		{Self: map[string]Observation{"delegation": {2, day}}, Prior: map[string]Prior{"budgeting": {Level: 2}},
			Evidence: map[string][]EvidencePoint{"delegation": {{At: day}, {At: day}, {At: day}}}, AsOf: day,
			Feedback: map[string][]FeedbackView{"empathy": {{Others: 3.5, Raters: 4, At: day}}}},
	} {
		for _, r := range m.Roles {
			full := Readiness(m, r, CurrentLevels(m, in))
			score, conf := Score(m, r, Levels(m, in))
			if score != full.Score || conf != full.Confidence {
				t.Errorf("%s: Score %v/%v, Readiness %v/%v", r.Slug, score, conf, full.Score, full.Confidence)
			}
		}
	}
}
