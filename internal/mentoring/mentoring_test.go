package mentoring_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/ladderhq/ladder/internal/mentoring"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/readiness"
)

func TestQuestionsCoverModel(t *testing.T) {
	q, err := mentoring.Load()
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Validate(model.Default()); err != nil {
		t.Fatal(err)
	}
	if got := q.Question("not-in-the-model"); got != q.Fallback {
		t.Errorf("unknown competency: %q", got)
	}
}

func TestAgenda(t *testing.T) {
	q := &mentoring.Questions{Fallback: "ask how they learned it",
		Questions: map[string]string{"budgeting": "ask about their first budget", "delegation": "ask what they handed over"}}
	gap := func(k string, g float64) readiness.Gap { return readiness.Gap{Competency: k, Name: k, Gap: g} }
	// Ranked largest first, as readiness.Gaps returns them.
	gaps := []readiness.Gap{gap("a", 3), gap("budgeting", 2.5), gap("c", 2), gap("d", 2), gap("e", 1.5), gap("f", 1),
		gap("delegation", 1), gap("met", 0)}
	tests := []struct {
		name      string
		gaps      []readiness.Gap
		strengths []string
		n         int
		want      []string // competency keys in order
	}{
		{"NoStrengthsTopGaps", gaps, nil, 3, []string{"a", "budgeting", "c"}},
		{"StrengthComesFirst", gaps, []string{"c"}, 3, []string{"c", "a", "budgeting"}},
		{"StrengthsKeepGapOrder", gaps, []string{"e", "budgeting"}, 3, []string{"budgeting", "e", "a"}},
		// delegation is the 7th gap: beyond the top 2n, so no strength pulls it in.
		{"StrengthTooFarDown", gaps, []string{"delegation"}, 3, []string{"a", "budgeting", "c"}},
		{"StrengthInReachWithBiggerAgenda", gaps, []string{"delegation"}, 4, []string{"delegation", "a", "budgeting", "c"}},
		{"MetGapsLeftOut", []readiness.Gap{gap("met", 0), gap("a", 1)}, []string{"met"}, 3, []string{"a"}},
		{"NoGaps", []readiness.Gap{gap("met", 0)}, nil, 3, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, topic := range mentoring.Agenda(q, tt.gaps, tt.strengths, tt.n) {
				got = append(got, topic.Competency)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("(-want +got):\n%s", diff)
			}
		})
	}
	ts := mentoring.Agenda(q, gaps, []string{"budgeting"}, 2)
	if !ts[0].Strength || ts[1].Strength {
		t.Errorf("strength marks: %+v", ts)
	}
	if got, want := mentoring.AgendaText(ts), "- budgeting: ask about their first budget\n- a: ask how they learned it"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
}
