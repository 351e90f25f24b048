package readiness

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

// entries returns n evidence points dated back from day, one a month.
func entries(n, monthsBack int) []EvidencePoint {
	var out []EvidencePoint
	for i := range n {
		out = append(out, EvidencePoint{At: day.AddDate(0, -monthsBack-i, 0), Kind: ladder.EvidenceLedProject})
	}
	return out
}

func concat(a, b []EvidencePoint) []EvidencePoint {
	return append(append([]EvidencePoint{}, a...), b...)
}

// TestEvidenceRule holds the rule of docs/readiness.md section 1 on one
// competency: one entry confirms, each further entry adds 0.25, the lift
// stops at 0.5 and at level 5, entries older than three years count half,
// and confidence gains 0.05 per entry up to 0.15.
func TestEvidenceRule(t *testing.T) {
	m := testModel()
	self2 := map[string]Observation{"delegation": {2, day}}
	tests := []struct {
		name     string
		in       Inputs
		level    float64
		conf     float64
		evidence int
	}{
		{"NoEvidence", Inputs{Self: self2}, 2, 0.4, 0},
		{"OneConfirms", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": entries(1, 1)}}, 2, 0.45, 1},
		{"TwoLift", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": entries(2, 1)}}, 2.25, 0.5, 2},
		{"ThreeReachCap", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": entries(3, 1)}}, 2.5, 0.55, 3},
		{"TenCapped", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": entries(10, 1)}}, 2.5, 0.55, 10},
		// One recent and two from four years ago weigh 1 + 0.5 + 0.5 = 2.
		{"OldCountHalf", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": concat(entries(1, 1), entries(2, 48))}}, 2.25, 0.5, 3},
		// 1 + 0.5 = 1.5: lift 0.125, confidence 0.075.
		{"OneOldOneRecent", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": concat(entries(1, 1), entries(1, 40))}}, 2.125, 0.475, 2},
		// Exactly three years back still counts in full.
		{"WindowEdge", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": concat(entries(1, 1), entries(1, 36))}}, 2.25, 0.5, 2},
		// Entries after the moment described do not count yet.
		{"FutureIgnored", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"delegation": entries(3, -3)}}, 2, 0.4, 0},
		{"NeverAbove5", Inputs{Self: map[string]Observation{"delegation": {5, day}}, Evidence: map[string][]EvidencePoint{"delegation": entries(3, 1)}}, 5, 0.55, 3},
		{"PriorNearTop", Inputs{Prior: map[string]Prior{"delegation": {4.8, "x"}}, Evidence: map[string][]EvidencePoint{"delegation": entries(3, 1)}}, 5, 0.3, 3},
		{"Prior", Inputs{Prior: map[string]Prior{"delegation": {3, "x"}}, Evidence: map[string][]EvidencePoint{"delegation": entries(2, 1)}}, 3.25, 0.25, 2},
		// With nothing else known, evidence lifts the floor.
		{"OnlyEvidence", Inputs{Evidence: map[string][]EvidencePoint{"delegation": entries(3, 1)}}, 1.5, 0.15, 3},
		// Evidence linked to another competency changes nothing here.
		{"OtherCompetency", Inputs{Self: self2, Evidence: map[string][]EvidencePoint{"empathy": entries(3, 1)}}, 2, 0.4, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.in.AsOf = day
			got := CurrentLevels(m, tt.in)["delegation"]
			if d := got.Level - tt.level; d > 1e-9 || d < -1e-9 {
				t.Errorf("level %v, want %v", got.Level, tt.level)
			}
			if d := got.Confidence - tt.conf; d > 1e-9 || d < -1e-9 {
				t.Errorf("confidence %v, want %v", got.Confidence, tt.conf)
			}
			if got.Evidence != tt.evidence {
				t.Errorf("evidence %d, want %d", got.Evidence, tt.evidence)
			}
			wantParts := 1
			if tt.evidence > 0 {
				wantParts = 2
			}
			if len(got.Parts) != wantParts || got.Parts[0].Source != got.Source {
				t.Errorf("parts %+v", got.Parts)
			}
			var sum float64
			for _, p := range got.Parts {
				sum += p.Value
			}
			if d := sum - got.Level; d > 1e-9 || d < -1e-9 {
				t.Errorf("parts add up to %v, level is %v", sum, got.Level)
			}
		})
	}
}

func TestEvidenceBasis(t *testing.T) {
	m := testModel()
	self := map[string]Observation{"delegation": {2, day}, "empathy": {3, day}, "budgeting": {5, day}}
	in := Inputs{Self: self, AsOf: day, Evidence: map[string][]EvidencePoint{
		"delegation": entries(3, 1),
		"empathy":    concat(entries(1, 1), entries(1, 48)),
		"budgeting":  entries(2, 1),
	}}
	got := CurrentLevels(m, in)
	tests := []struct {
		key, basis string
		parts      []Part
	}{
		{"delegation", "your self-rating of 2026-03-01 + 3 evidence entries (+0.5, the most evidence adds)",
			[]Part{{SourceSelf, 2, "self-rating 2 (2026-03-01)"}, {SourceEvidence, 0.5, "3 evidence entries +0.5"}}},
		{"empathy", "your self-rating of 2026-03-01 + 2 evidence entries, 1 older than 3 years (+0.13)",
			[]Part{{SourceSelf, 3, "self-rating 3 (2026-03-01)"}, {SourceEvidence, 0.125, "2 evidence entries, 1 older than 3 years +0.13"}}},
		{"budgeting", "your self-rating of 2026-03-01; backed by 2 evidence entries",
			[]Part{{SourceSelf, 5, "self-rating 5 (2026-03-01)"}, {SourceEvidence, 0, "2 evidence entries +0"}}},
	}
	for _, tt := range tests {
		t.Run(tt.key, func(t *testing.T) {
			if got[tt.key].Basis != tt.basis {
				t.Errorf("basis %q\nwant  %q", got[tt.key].Basis, tt.basis)
			}
			if diff := cmp.Diff(tt.parts, got[tt.key].Parts); diff != "" {
				t.Errorf("parts (-want +got):\n%s", diff)
			}
		})
	}
	one := CurrentLevels(m, Inputs{Self: self, AsOf: day, Evidence: map[string][]EvidencePoint{"delegation": entries(1, 1)}})
	if b := one["delegation"].Basis; b != "your self-rating of 2026-03-01; backed by 1 evidence entry (no lift yet: lifts start with a second entry)" {
		t.Errorf("one entry: %q", b)
	}
	lead, _ := m.Role("lead")
	if n := Readiness(m, lead, got).Evidence; n != 3 {
		t.Errorf("%d requirements backed by evidence, want 3", n)
	}
	if n := Readiness(m, lead, one).Evidence; n != 1 {
		t.Errorf("%d requirements backed by evidence, want 1", n)
	}
}

func TestEvidencePoints(t *testing.T) {
	es := []*ladder.Evidence{
		{Kind: ladder.EvidenceLedProject, Start: day.AddDate(0, -6, 0), End: day, Competencies: []string{"delegation", "scope-management"}},
		{Kind: ladder.EvidenceMentored, Start: day.AddDate(0, -1, 0), Competencies: []string{"delegation"}},
		{Kind: ladder.EvidenceOther, Start: day},
	}
	want := map[string][]EvidencePoint{
		"delegation":       {{day, ladder.EvidenceLedProject}, {day.AddDate(0, -1, 0), ladder.EvidenceMentored}},
		"scope-management": {{day, ladder.EvidenceLedProject}},
	}
	if diff := cmp.Diff(want, EvidencePoints(es)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestEvidenceTrend: an entry counts from the day it happened, so it lifts
// the points after it and leaves the earlier ones as they were.
func TestEvidenceTrend(t *testing.T) {
	m := testModel()
	lead, _ := m.Role("lead")
	a1 := &ladder.Assessment{Kind: ladder.AssessSelf, CompletedAt: day, Ratings: []ladder.Rating{{Competency: "delegation", Level: 2}}}
	a2 := &ladder.Assessment{Kind: ladder.AssessSelf, CompletedAt: day.AddDate(0, 6, 0), Ratings: []ladder.Rating{{Competency: "empathy", Level: 3}}}
	ev := map[string][]EvidencePoint{"delegation": {{At: day.AddDate(0, 2, 0)}, {At: day.AddDate(0, 3, 0)}, {At: day.AddDate(0, 4, 0)}}}
	plain := Trend(m, lead, []*ladder.Assessment{a1, a2}, nil, nil)
	with := Trend(m, lead, []*ladder.Assessment{a1, a2}, nil, ev)
	if with[0] != plain[0] {
		t.Errorf("evidence logged after the first point moved it: %+v vs %+v", with[0], plain[0])
	}
	// At the second point delegation is 2.5: shortfall 5 x 1.5 + 0 + 1 = 8.5 of 20.
	if with[1].Score != 57.5 || plain[1].Score != 45 {
		t.Errorf("second point %v (without evidence %v), want 57.5 (45)", with[1].Score, plain[1].Score)
	}
	now := Readiness(m, lead, CurrentLevels(m, Inputs{Self: LatestSelf([]*ladder.Assessment{a1, a2}, a2.CompletedAt),
		Evidence: ev, AsOf: a2.CompletedAt}))
	if now.Score != with[1].Score || now.Confidence != with[1].Confidence {
		t.Errorf("the last point %+v differs from the levels at that moment %v/%v", with[1], now.Score, now.Confidence)
	}
}
