package journey

import (
	"context"
	"math"
	"slices"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
)

// FeedbackBlindSpotGap is how far (in levels) self and others must differ
// for a blind spot (self above) or a hidden strength (self below).
const FeedbackBlindSpotGap = 1

// Kinds of a result row.
const (
	FeedbackBlindSpot      = "blind-spot"
	FeedbackHiddenStrength = "hidden-strength"
)

// FeedbackResultsView is a closed round's results as pages, the API and the
// CLI show them. Every figure in it comes from the round's Disclosure.
type FeedbackResultsView struct {
	Round      *ladder.FeedbackRound
	Disclosure anonymity.Disclosure
	// Rows holds one row per competency of the round, in model order.
	Rows []FeedbackResultRow
	// BlindSpots and HiddenStrengths are the rows where self and others
	// differ by at least FeedbackBlindSpotGap, the largest difference first.
	BlindSpots      []FeedbackResultRow
	HiddenStrengths []FeedbackResultRow
	// Comments are the shown comment groups, in the Disclosure's order.
	Comments []FeedbackCommentView
	// Counts lists invited and answered per category, in category order.
	Counts []FeedbackCountView
	// Trend holds others' view per competency of the round across this and
	// the earlier closed rounds, oldest first.
	Trend FeedbackTrend
	// Target is the target role's title; TargetLevels its required level
	// per competency.
	Target       string
	TargetLevels map[string]int
}

// FeedbackResultRow is self against others on one competency.
type FeedbackResultRow struct {
	Competency string
	Name       string
	Self       int // 0 when the person had not rated it
	// Others is the view of everyone shown (HasOthers false when no group
	// is), over Raters raters.
	Others    float64
	Raters    int
	HasOthers bool
	Groups    []FeedbackGroupCell
	Kind      string // FeedbackBlindSpot, FeedbackHiddenStrength or ""
}

// FeedbackGroupCell is one shown group's mean on a competency.
type FeedbackGroupCell struct {
	Group string
	N     int
	Mean  float64
}

// FeedbackCommentView is a shown comment group.
type FeedbackCommentView struct {
	Competency string // "" for general comments
	Name       string // the competency's name, or "General"
	Group      string
	Texts      []string
}

// FeedbackCountView is one category's counts.
type FeedbackCountView struct {
	Category string
	ladder.FeedbackCount
}

// FeedbackTrend is others' view across closed rounds.
type FeedbackTrend struct {
	Rounds []*ladder.FeedbackRound
	Rows   []FeedbackTrendRow
}

// FeedbackTrendRow is one competency across rounds: Values[i] belongs to
// Rounds[i], NaN-free with Shown[i] false where the round showed nothing.
type FeedbackTrendRow struct {
	Competency string
	Name       string
	Values     []float64
	Shown      []bool
}

// FeedbackResults returns the results of the person's closed round; an open
// round has none (ECONFLICT): figures that moved with each answer would give
// answers away.
func (j *Journey) FeedbackResults(ctx context.Context, p *ladder.Person, roundID int64) (*FeedbackResultsView, error) {
	rounds, err := j.Feedback.FindFeedbackRounds(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	i := slices.IndexFunc(rounds, func(r *ladder.FeedbackRound) bool { return r.ID == roundID })
	if i < 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Feedback round not found.")
	}
	r := rounds[i]
	d, err := FeedbackDisclosure(r)
	if err != nil {
		return nil, err
	}
	m, err := j.Model(ctx)
	if err != nil {
		return nil, err
	}
	v := &FeedbackResultsView{Round: r, Disclosure: d, TargetLevels: map[string]int{}}
	if role, err := j.ResolveTarget(m, p.TargetRole); err == nil && p.TargetRole != "" {
		v.Target = role.Title
		for _, q := range role.Requirements {
			v.TargetLevels[q.Competency] = q.Level
		}
	}
	for _, key := range r.Competencies {
		row := FeedbackResultRow{Competency: key, Name: key, Self: r.Results.Self[key]}
		if c, ok := m.Competency(key); ok {
			row.Name = c.Name
		}
		row.Others, row.Raters, row.HasOthers = d.OthersView(key)
		for _, c := range d.Cells[key] {
			row.Groups = append(row.Groups, FeedbackGroupCell{Group: string(c.Group), N: c.N, Mean: c.Mean})
		}
		if row.HasOthers && row.Self > 0 {
			switch diff := float64(row.Self) - row.Others; {
			case diff >= FeedbackBlindSpotGap:
				row.Kind = FeedbackBlindSpot
				v.BlindSpots = append(v.BlindSpots, row)
			case diff <= -FeedbackBlindSpotGap:
				row.Kind = FeedbackHiddenStrength
				v.HiddenStrengths = append(v.HiddenStrengths, row)
			}
		}
		v.Rows = append(v.Rows, row)
	}
	byDiff := func(a, b FeedbackResultRow) int {
		da, db := math.Abs(float64(a.Self)-a.Others), math.Abs(float64(b.Self)-b.Others)
		switch {
		case da > db:
			return -1
		case da < db:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(v.BlindSpots, byDiff)
	slices.SortStableFunc(v.HiddenStrengths, byDiff)
	for _, g := range d.Comments {
		cv := FeedbackCommentView{Competency: g.Competency, Name: "General", Group: string(g.Group), Texts: g.Texts}
		if c, ok := m.Competency(g.Competency); ok {
			cv.Name = c.Name
		} else if g.Competency != "" {
			cv.Name = g.Competency
		}
		v.Comments = append(v.Comments, cv)
	}
	for _, c := range ladder.FeedbackCategories {
		if n, ok := r.Counts[c]; ok {
			v.Counts = append(v.Counts, FeedbackCountView{Category: c, FeedbackCount: n})
		}
	}
	if v.Trend, err = feedbackTrend(m, r, rounds[i:]); err != nil {
		return nil, err
	}
	return v, nil
}

// feedbackTrend lines up others' view of r's competencies in r and the
// closed rounds before it (rounds is newest first, r first).
func feedbackTrend(m *ladder.Model, r *ladder.FeedbackRound, rounds []*ladder.FeedbackRound) (FeedbackTrend, error) {
	var t FeedbackTrend
	var ds []anonymity.Disclosure
	for i := len(rounds) - 1; i >= 0; i-- {
		if !rounds[i].Closed() {
			continue
		}
		d, err := FeedbackDisclosure(rounds[i])
		if err != nil {
			return t, err
		}
		t.Rounds = append(t.Rounds, rounds[i])
		ds = append(ds, d)
	}
	for _, key := range r.Competencies {
		row := FeedbackTrendRow{Competency: key, Name: key}
		if c, ok := m.Competency(key); ok {
			row.Name = c.Name
		}
		for _, d := range ds {
			mean, _, ok := d.OthersView(key)
			row.Values = append(row.Values, mean)
			row.Shown = append(row.Shown, ok)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}
