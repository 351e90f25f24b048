package readiness

import (
	"math"
	"strings"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
)

// TestFeedbackRule holds the 360 rule of docs/readiness.md section 1.
func TestFeedbackRule(t *testing.T) {
	m := testModel()
	view := func(others float64, n int, monthsBack int) FeedbackView {
		return FeedbackView{Others: others, Raters: n, Round: "Round", At: day.AddDate(0, -monthsBack, 0)}
	}
	self := map[string]Observation{"delegation": {2, day.AddDate(0, -2, 0)}}
	tests := []struct {
		name     string
		in       Inputs
		level    float64
		source   string
		conf     float64
		basisHas string
	}{
		{"OthersWeighTwiceSelf", Inputs{Self: self, Feedback: map[string][]FeedbackView{"delegation": {view(3.5, 4, 1)}}},
			3, SourceFeedback, 0.7, "weighed twice against your self-rating 2"},
		{"OthersAloneWithoutSelf", Inputs{Feedback: map[string][]FeedbackView{"delegation": {view(3.5, 4, 1)}}},
			3.5, SourceFeedback, 0.7, `360 feedback "Round"`},
		{"ConfidenceGrowsWithRatersToACap", Inputs{Feedback: map[string][]FeedbackView{"delegation": {view(4, 1, 1)}}},
			4, SourceFeedback, 0.55, "(1 rater)"},
		{"ConfidenceCapped", Inputs{Feedback: map[string][]FeedbackView{"delegation": {view(4, 12, 1)}}},
			4, SourceFeedback, 0.8, "(12 raters)"},
		{"LatestRoundCounts", Inputs{Self: self, Feedback: map[string][]FeedbackView{"delegation": {view(5, 3, 1), view(2, 3, 10)}}},
			4, SourceFeedback, 0.65, "others 5 (3 raters)"},
		{"RoundAfterAsOfDoesNotCountYet", Inputs{Self: self, AsOf: day.AddDate(0, -3, 0),
			Feedback: map[string][]FeedbackView{"delegation": {view(5, 3, 1), view(2, 3, 10)}}},
			2, SourceFeedback, 0.65, "others 2 (3 raters)"},
		{"NothingBeforeAsOfKeepsSelf", Inputs{Self: self, AsOf: day.AddDate(0, -1, -15),
			Feedback: map[string][]FeedbackView{"delegation": {view(5, 3, 1)}}},
			2, SourceSelf, 0.4, "self-rating"},
		// Evidence adds on top of the combined level: 3 + 0.5.
		{"EvidenceAddsOnTop", Inputs{Self: self, Feedback: map[string][]FeedbackView{"delegation": {view(3.5, 4, 1)}},
			Evidence: map[string][]EvidencePoint{"delegation": entries(3, 1)}, AsOf: day},
			3.5, SourceFeedback, 0.85, "+ 3 evidence entries"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := CurrentLevels(m, tc.in)["delegation"]
			if math.Abs(got.Level-tc.level) > 1e-9 || got.Source != tc.source || math.Abs(got.Confidence-tc.conf) > 1e-9 {
				t.Errorf("level %v source %s confidence %v, want %v %s %v", got.Level, got.Source, got.Confidence, tc.level, tc.source, tc.conf)
			}
			if !strings.Contains(got.Basis, tc.basisHas) {
				t.Errorf("basis %q lacks %q", got.Basis, tc.basisHas)
			}
			if len(got.Parts) == 0 || got.Parts[0].Source != tc.source {
				t.Errorf("parts %+v", got.Parts)
			}
		})
	}
}

func TestTrendCountsRoundsClosedByEachPoint(t *testing.T) {
	m := testModel()
	lead, _ := m.Role("lead")
	as := feedbackSelfAssessments(2, day.AddDate(0, -6, 0), day)
	fb := map[string][]FeedbackView{"delegation": {{Others: 5, Raters: 3, Round: "R", At: day.AddDate(0, -1, 0)}}}
	without := TrendWithFeedback(m, lead, as, nil, nil, nil)
	with := TrendWithFeedback(m, lead, as, nil, nil, fb)
	if len(with) != 2 || with[0] != without[0] {
		t.Errorf("the first point predates the round: %+v vs %+v", with, without)
	}
	if with[1].Score <= without[1].Score || with[1].Confidence <= without[1].Confidence {
		t.Errorf("the second point should count the round: %+v vs %+v", with[1], without[1])
	}
}

// feedbackSelfAssessments returns completed self-assessments rating
// delegation at level on each day.
func feedbackSelfAssessments(level int, days ...time.Time) []*ladder.Assessment {
	var out []*ladder.Assessment
	for _, d := range days {
		out = append(out, &ladder.Assessment{Kind: ladder.AssessSelf, CompletedAt: d,
			Ratings: []ladder.Rating{{Competency: "delegation", Level: level}}})
	}
	return out
}
