package readiness

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder"
)

// testModel has two areas and three competencies so every number below can
// be checked by hand.
func testModel() *ladder.Model {
	c := func(k, area string) ladder.Competency { return ladder.Competency{Key: k, Name: k, Area: area} }
	return &ladder.Model{
		Areas: []ladder.Area{
			{Key: "people", Name: "People", Competencies: []ladder.Competency{c("delegation", "people"), c("empathy", "people")}},
			{Key: "money", Name: "Money", Competencies: []ladder.Competency{c("budgeting", "money")}},
		},
		Roles: []ladder.Role{
			{Slug: "lead", Title: "Team lead", Kind: ladder.RoleTarget, Requirements: []ladder.Requirement{
				{Competency: "delegation", Level: 4, Importance: 5},
				{Competency: "empathy", Level: 3, Importance: 2},
				{Competency: "budgeting", Level: 2, Importance: 1},
			}},
			{Slug: "boss", Title: "Boss", Kind: ladder.RoleTarget, Requirements: []ladder.Requirement{
				{Competency: "budgeting", Level: 5, Importance: 5},
			}},
			{Slug: "admin", Title: "System administrator", Kind: ladder.RoleStart, Requirements: []ladder.Requirement{
				{Competency: "empathy", Level: 2, Importance: 2},
			}},
		},
		ONETMap: []ladder.ONETLink{
			{Element: "2.B.5.d", Competencies: []ladder.WeightedCompetency{{Key: "delegation", Weight: 1}}},
			{Element: "4.A.4.b.4", Competencies: []ladder.WeightedCompetency{{Key: "delegation", Weight: 0.5}}},
			{Element: "1.C.3.a", Competencies: []ladder.WeightedCompetency{{Key: "empathy", Weight: 1}}},
		},
	}
}

var day = time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)

func TestReadiness(t *testing.T) {
	m := testModel()
	lead, _ := m.Role("lead")
	tests := []struct {
		name       string
		in         Inputs
		score      float64
		confidence float64
		label      string
		areas      []float64
	}{
		// Nothing known: everyone is at the floor, 0 of the climb done.
		{"Nothing", Inputs{}, 0, 0, "low", []float64{0, 0}},
		// All met: 100. Self-ratings alone give confidence 40: low/medium.
		{"AllMet", Inputs{Self: map[string]Observation{"delegation": {4, day}, "empathy": {5, day}, "budgeting": {2, day}}},
			100, 40, "low", []float64{100, 100}},
		// delegation 2 of 4 (short 2 x 5 = 10), empathy 3 of 3, budgeting 1 of 2 (short 1 x 1):
		// span = 5x3 + 2x2 + 1x1 = 20; score = 100 x (1 - 11/20) = 45.
		// people: span 19, short 10 -> 47.4; money: span 1, short 1 -> 0.
		{"Partial", Inputs{Self: map[string]Observation{"delegation": {2, day}, "empathy": {3, day}}},
			45, 35, "low", []float64{47.4, 0}},
		// A prior counts like a rating for the level but lends less confidence:
		// (5 x 0.15 + 2 x 0.4 + 0) / 8 = 0.19375 -> 19.
		{"Prior", Inputs{Self: map[string]Observation{"empathy": {3, day}}, Prior: map[string]Prior{"delegation": {Level: 3, Basis: "x"}}},
			70, 19, "low", []float64{73.7, 0}},
		// Evidence lifts delegation 2 by its cap of 0.5, however many
		// entries: shortfall 5 x 1.5 + 0 + 1 = 8.5 of 20 -> 57.5; people
		// 7.5 of 19 -> 60.5. Confidence (5 x 0.55 + 2 x 0.4 + 0) / 8 =
		// 0.44375 -> 44: still low, as a self-reported log alone should be.
		{"EvidenceCapped", Inputs{Self: map[string]Observation{"delegation": {2, day}, "empathy": {3, day}},
			Evidence: map[string][]EvidencePoint{"delegation": entries(10, 1)}, AsOf: day},
			57.5, 44, "low", []float64{60.5, 0}},
		// 360 feedback: others see delegation at 3.5 (4 raters) against a
		// self-rating of 2: (2 x 3.5 + 2) / 3 = 3. Shortfall 5 x 1 + 0 + 1 =
		// 6 of 20 -> 70; people 5 of 19 -> 73.7. Confidence (5 x 0.7 +
		// 2 x 0.4 + 0) / 8 = 0.5375 -> 54: medium, others confirm.
		{"Feedback360", Inputs{Self: map[string]Observation{"delegation": {2, day}, "empathy": {3, day}},
			Feedback: map[string][]FeedbackView{"delegation": {{Others: 3.5, Raters: 4, Round: "Spring", At: day}}}},
			70, 54, "medium", []float64{73.7, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Readiness(m, lead, CurrentLevels(m, tt.in))
			if r.Score != tt.score || r.Confidence != tt.confidence || r.ConfidenceLabel != tt.label {
				t.Errorf("score %v confidence %v %s, want %v %v %s", r.Score, r.Confidence, r.ConfidenceLabel, tt.score, tt.confidence, tt.label)
			}
			var areas []float64
			for _, a := range r.Areas {
				areas = append(areas, a.Score)
			}
			if diff := cmp.Diff(tt.areas, areas); diff != "" {
				t.Errorf("areas (-want +got):\n%s", diff)
			}
		})
	}
}

func TestGaps(t *testing.T) {
	m := testModel()
	lead, _ := m.Role("lead")
	levels := CurrentLevels(m, Inputs{Self: map[string]Observation{"delegation": {3, day}, "empathy": {1, day}}})
	got := Gaps(m, lead, levels)
	var keys []string
	var weighted []float64
	for _, g := range got {
		keys = append(keys, g.Competency)
		weighted = append(weighted, g.WeightedGap)
	}
	// delegation 1 x 5 = 5, empathy 2 x 2 = 4, budgeting (unknown: level 1) 1 x 1 = 1.
	if diff := cmp.Diff([]string{"delegation", "empathy", "budgeting"}, keys); diff != "" {
		t.Error(diff)
	}
	if diff := cmp.Diff([]float64{5, 4, 1}, weighted); diff != "" {
		t.Error(diff)
	}
	if got[2].Source != SourceNone || got[0].Source != SourceSelf {
		t.Errorf("sources %s %s", got[2].Source, got[0].Source)
	}
	// A level above the requirement is no negative gap.
	levels = CurrentLevels(m, Inputs{Self: map[string]Observation{"delegation": {5, day}}})
	if g := Gaps(m, lead, levels); g[len(g)-1].Gap != 0 {
		t.Errorf("surplus became gap %v", g[len(g)-1].Gap)
	}
}

func TestAllTargets(t *testing.T) {
	m := testModel()
	levels := CurrentLevels(m, Inputs{Self: map[string]Observation{"delegation": {4, day}, "empathy": {3, day}, "budgeting": {2, day}}})
	rs := AllTargets(m, levels)
	if len(rs) != 2 || rs[0].Target != "lead" || rs[1].Target != "boss" || rs[1].Score != 25 {
		t.Fatalf("%+v", rs)
	}
}

func TestLatestSelf(t *testing.T) {
	a1 := &ladder.Assessment{Kind: ladder.AssessSelf, CompletedAt: day, Ratings: []ladder.Rating{{Competency: "empathy", Level: 2}, {Competency: "budgeting", Level: 3}}}
	a2 := &ladder.Assessment{Kind: ladder.AssessSelf, CompletedAt: day.AddDate(0, 6, 0), Ratings: []ladder.Rating{{Competency: "empathy", Level: 4}, {Competency: "budgeting", Level: ladder.NotSure}}}
	draft := &ladder.Assessment{Kind: ladder.AssessSelf, Ratings: []ladder.Rating{{Competency: "empathy", Level: 5}}}
	got := LatestSelf([]*ladder.Assessment{a1, a2, draft}, day.AddDate(1, 0, 0))
	want := map[string]Observation{"empathy": {4, a2.CompletedAt}, "budgeting": {3, day}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if got := LatestSelf([]*ladder.Assessment{a1, a2}, day); got["empathy"].Level != 2 {
		t.Errorf("as of the first date: %v", got)
	}

	m := testModel()
	lead, _ := m.Role("lead")
	pts := Trend(m, lead, []*ladder.Assessment{a1, a2, draft}, nil, nil)
	if len(pts) != 2 || pts[0].Score >= pts[1].Score {
		t.Errorf("trend %+v", pts)
	}
}

func TestPriors(t *testing.T) {
	m := testModel()
	ratings := map[string]ElementRating{
		"2.B.5.d":   {Level: 3.5, HasLevel: true, Importance: 4}, // -> 3.0
		"4.A.4.b.4": {Level: 6, HasLevel: true, Importance: 2},   // -> 5.0
		"1.C.3.a":   {Importance: 4.2},                           // style -> 3.4
		"9.Z":       {Level: 7, HasLevel: true, Importance: 5},   // unmapped
	}
	p := PriorFromONET(m, ratings, "O*NET 15-1244.00")
	// delegation: (1x4x2.5 + 0.5x2x5.0) / (4 + 1) = 15/5 = 3
	want := map[string]Prior{"delegation": {3, "O*NET 15-1244.00"}, "empathy": {3.2, "O*NET 15-1244.00"}}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	admin, _ := m.Role("admin")
	p = PriorFromRole(admin, p)
	if p["empathy"].Level != 2 || p["delegation"].Level != 3 {
		t.Errorf("role profile should win where it speaks: %+v", p)
	}
	for _, tt := range []struct{ lv, want float64 }{{0, 1}, {1, 1}, {3.5, 2.5}, {6, 5}, {7, 5}} {
		if got := ONETLevel(tt.lv); got != tt.want {
			t.Errorf("ONETLevel(%v) = %v, want %v", tt.lv, got, tt.want)
		}
	}
}
