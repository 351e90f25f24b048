package journey

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestSummaryExpiry: a stored summary lasts until the first dated input
// could change its figures, and no longer than maxSummaryLife.
func TestSummaryExpiry(t *testing.T) {
	now := time.Date(2026, 9, 15, 12, 0, 0, 0, time.UTC)
	week := now.Add(maxSummaryLife)
	day := func(d time.Time) time.Time { return ladder.Day(d) }
	ev := func(at time.Time) map[string][]readiness.EvidencePoint {
		return map[string][]readiness.EvidencePoint{"delegation": {{At: at}}}
	}
	tests := []struct {
		name  string
		in    ladder.ReadinessInputs
		src   levelSources
		trend []readiness.Point
		want  time.Time
	}{
		{"Nothing dated", ladder.ReadinessInputs{}, levelSources{}, nil, week},
		// Evidence dated later starts to count on its day.
		{"EvidenceComing", ladder.ReadinessInputs{}, levelSources{evidence: ev(day(now).AddDate(0, 0, 3))}, nil, day(now).AddDate(0, 0, 3)},
		// An entry nearly three years old is about to count half: checked
		// hourly within the margin.
		{"EvidenceAgeingSoon", ladder.ReadinessInputs{}, levelSources{evidence: ev(day(now).AddDate(-3, 0, 1))}, nil, now.Add(time.Hour)},
		{"EvidenceAgeingLater", ladder.ReadinessInputs{}, levelSources{evidence: ev(day(now).AddDate(-3, 0, 5))}, nil,
			day(now).AddDate(-3, 0, 5).AddDate(3, 0, 0).Add(-72 * time.Hour)},
		// Old already: nothing more to change.
		{"EvidenceOld", ladder.ReadinessInputs{}, levelSources{evidence: ev(day(now).AddDate(-4, 0, 0))}, nil, week},
		// A trend point leaves the 12-month window.
		{"PointLeaving", ladder.ReadinessInputs{}, levelSources{}, []readiness.Point{{At: now.AddDate(-1, 0, 5)}},
			now.AddDate(-1, 0, 5).AddDate(1, 0, 0).Add(-72 * time.Hour)},
		{"PointLeavingSoon", ladder.ReadinessInputs{}, levelSources{}, []readiness.Point{{At: now.AddDate(-1, 0, 1)}}, now.Add(time.Hour)},
		{"PointGone", ladder.ReadinessInputs{}, levelSources{}, []readiness.Point{{At: now.AddDate(-2, 0, 0)}}, week},
		// An assessment completed later (a clock set back) counts from then.
		{"AssessmentComing", ladder.ReadinessInputs{Assessments: []*ladder.Assessment{{CompletedAt: now.Add(5 * time.Hour)}}}, levelSources{}, nil,
			now.Add(5 * time.Hour)},
		{"RoundComing", ladder.ReadinessInputs{}, levelSources{feedback: map[string][]readiness.FeedbackView{"delegation": {{At: now.Add(2 * time.Hour)}}}},
			nil, now.Add(2 * time.Hour)},
		// The earliest wins.
		{"Earliest", ladder.ReadinessInputs{}, levelSources{evidence: ev(day(now).AddDate(0, 0, 4))},
			[]readiness.Point{{At: now.AddDate(-1, 0, 8)}}, day(now).AddDate(0, 0, 4)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := summaryExpiry(week, &tc.in, tc.src, tc.trend, now); !got.Equal(tc.want) {
				t.Errorf("expiry %v, want %v", got, tc.want)
			}
		})
	}
}

// TestPipelineFormulaVersion guards the summaries stored in people's
// databases: they were computed by the rules of pipelineFormula. When
// this case's figures or words change, the rules changed; bump pipelineFormula
// (stored summaries are then recomputed) and record the new figures here.
func TestPipelineFormulaVersion(t *testing.T) {
	const formula = 1
	const want = `assessed=true score=75.7 confidence=40 horizon=6-months slope=4.7 months=0.9 points=3 reason="at +4.7 points a month, 80 in about 0.9 months"`
	j := New(sqldbtest.Open(t, sqldb.SQLite), onet.Embedded)
	m := model.Default()
	target, _ := m.Role("it-manager")
	at := func(months int) time.Time { return time.Date(2026, 1, 10, 9, 0, 0, 0, time.UTC).AddDate(0, months, 0) }
	var as []*ladder.Assessment
	for i, lv := range []int{2, 3, 3} {
		a := &ladder.Assessment{ID: int64(i + 1), Kind: ladder.AssessSelf, CompletedAt: at(i * 4)}
		for _, c := range m.Competencies() {
			a.Ratings = append(a.Ratings, ladder.Rating{Competency: c.Key, Level: lv + i%2})
		}
		as = append(as, a)
	}
	in := &ladder.ReadinessInputs{Assessments: as, Evidence: []*ladder.Evidence{
		{ID: 1, Kind: ladder.EvidenceLedProject, Start: at(2), Competencies: []string{"delegation", "budgeting"}}}}
	sm := &ladder.PipelineSummary{ValidUntil: at(20)}
	p := &ladder.Person{ID: 1, StartRole: "system-administrator"}
	if err := j.summariseReadiness(context.Background(), m, target, p, in, at(9), sm); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("assessed=%v score=%v confidence=%v horizon=%s slope=%v months=%v points=%d reason=%q", sm.Assessed, sm.Score,
		sm.Confidence, sm.Horizon, sm.Slope, sm.Months, sm.Points, sm.Reason)
	if got != want || pipelineFormula != formula {
		t.Errorf("pipelineFormula %d computes\n  %s\nwhere formula %d computed\n  %s\n"+
			"If the rules changed on purpose, bump pipelineFormula and record the new figures and version here.", pipelineFormula, got, formula, want)
	}
}
