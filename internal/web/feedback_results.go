package web

import (
	"fmt"
	"html/template"
	"math"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
)

// FeedbackResultsWeb is a closed round's results, formatted. Every figure
// comes from the round's Disclosure through journey.FeedbackResults.
type FeedbackResultsWeb struct {
	Chart           template.HTML
	Rows            []FeedbackRowView
	BlindSpots      []FeedbackRowView
	HiddenStrengths []FeedbackRowView
	Comments        []FeedbackCommentsView
	Counts          []FeedbackCountRow
	Trend           charts.Table
	NothingShown    bool
	Target          string
}

// FeedbackRowView is self against others on a competency.
type FeedbackRowView struct {
	Name, Self, Others, Target, Groups, Note, Kind string
}

// FeedbackCommentsView is a shown comment group.
type FeedbackCommentsView struct {
	Title string
	Texts []string
}

// feedbackGroupLabel names a shown group; a named manager is "your manager".
func feedbackGroupLabel(g string, m ladder.FeedbackMinimums, n int) string {
	if g == ladder.FeedbackManager && m.NameManager {
		return "your manager"
	}
	return journey.FeedbackCategoryName(g, n != 1)
}

func feedbackResultsWeb(v *journey.FeedbackResultsView) *FeedbackResultsWeb {
	out := &FeedbackResultsWeb{NothingShown: true, Target: v.Target}
	m := v.Round.Minimums
	row := func(r journey.FeedbackResultRow) FeedbackRowView {
		rv := FeedbackRowView{Name: r.Name, Self: "–", Others: "not shown", Target: "–", Kind: r.Kind}
		if r.Self > 0 {
			rv.Self = fmt.Sprint(r.Self)
		}
		if r.HasOthers {
			rv.Others = fmt.Sprintf("%s (%d)", charts.Num(r.Others, 1), r.Raters)
		}
		if lv, ok := v.TargetLevels[r.Competency]; ok {
			rv.Target = fmt.Sprint(lv)
		}
		var gs []string
		for _, g := range r.Groups {
			gs = append(gs, fmt.Sprintf("%s %s (%d)", feedbackGroupLabel(g.Group, m, g.N), charts.Num(g.Mean, 1), g.N))
		}
		rv.Groups = strings.Join(gs, " · ")
		switch r.Kind {
		case journey.FeedbackBlindSpot:
			rv.Note = fmt.Sprintf("blind spot: you rate yourself %s above others' view", charts.Num(float64(r.Self)-r.Others, 1))
		case journey.FeedbackHiddenStrength:
			rv.Note = fmt.Sprintf("hidden strength: others see you %s above your own rating", charts.Num(r.Others-float64(r.Self), 1))
		}
		return rv
	}
	for _, r := range v.Rows {
		out.Rows = append(out.Rows, row(r))
		if r.HasOthers {
			out.NothingShown = false
		}
	}
	for _, r := range v.BlindSpots {
		out.BlindSpots = append(out.BlindSpots, row(r))
	}
	for _, r := range v.HiddenStrengths {
		out.HiddenStrengths = append(out.HiddenStrengths, row(r))
	}
	for _, g := range v.Comments {
		out.Comments = append(out.Comments, FeedbackCommentsView{Title: g.Name + " · " + feedbackGroupLabel(g.Group, m, 2), Texts: g.Texts})
	}
	for _, c := range v.Counts {
		out.Counts = append(out.Counts, feedbackCountRow(c.Category, c.FeedbackCount))
	}
	out.Chart = feedbackChart(v)
	out.Trend = feedbackTrendTable(v.Trend)
	return out
}

// feedbackChart draws self, others and the target per competency that
// others' view shows: a radar from three competencies, bars below that.
func feedbackChart(v *journey.FeedbackResultsView) template.HTML {
	const id, title = "feedback-radar", "How you see yourself, how others see you, what the role needs"
	var axes []string
	var self, others, target []float64
	for _, r := range v.Rows {
		if !r.HasOthers {
			continue
		}
		axes = append(axes, r.Name)
		others = append(others, r.Others)
		s := math.NaN()
		if r.Self > 0 {
			s = float64(r.Self)
		}
		self = append(self, s)
		t := math.NaN()
		if lv, ok := v.TargetLevels[r.Competency]; ok {
			t = float64(lv)
		}
		target = append(target, t)
	}
	if len(axes) == 0 {
		return charts.Empty(id, title, "No group reached its minimum of raters, so nothing of others' view can be shown")
	}
	if len(axes) < 3 {
		b := charts.Bars{ID: id, Title: title, Max: 5, ValueLabel: "Others' view", SecondaryLabel: "Your self-rating", LabelName: "Competency"}
		for i, a := range axes {
			sec := self[i]
			if math.IsNaN(sec) {
				sec = 0
			}
			b.Rows = append(b.Rows, charts.BarRow{Label: a, Value: others[i], Secondary: sec})
		}
		return b.HTML()
	}
	series := []charts.Series{{Name: "You", Values: self, Kind: charts.KindCurrent}, {Name: "Others", Values: others, Kind: charts.KindOthers}}
	if v.Target != "" {
		series = append(series, charts.Series{Name: v.Target + " requires", Values: target, Kind: charts.KindTarget})
	}
	return charts.Radar{ID: id, Title: title, AxisName: "Competency", Max: 5, Axes: axes, Series: series}.HTML()
}

// feedbackTrendTable lines up others' view across closed rounds.
func feedbackTrendTable(t journey.FeedbackTrend) charts.Table {
	out := charts.Table{Caption: "Others' view per round, oldest first (– where a round showed nothing)", Header: []string{"Competency"}}
	for _, r := range t.Rounds {
		out.Header = append(out.Header, r.Title+" ("+dayText(r.ClosedAt)+")")
	}
	for _, row := range t.Rows {
		cells := []string{row.Name}
		for i, val := range row.Values {
			if row.Shown[i] {
				cells = append(cells, charts.Num(val, 1))
			} else {
				cells = append(cells, "–")
			}
		}
		out.Rows = append(out.Rows, cells)
	}
	return out
}
