package web

import (
	"fmt"
	"html/template"

	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// ReadinessView is the readiness summary shown on several pages, computed
// once in Go so templates only print.
type ReadinessView struct {
	Target          string
	TargetTitle     string
	Score           string
	ScoreValue      float64
	Confidence      string
	ConfidenceLabel string
	Sources         string
}

func newReadinessView(r readiness.Result) ReadinessView {
	return ReadinessView{Target: r.Target, TargetTitle: r.TargetTitle, Score: charts.Num(r.Score, 1), ScoreValue: r.Score,
		Confidence: charts.Num(r.Confidence, 0), ConfidenceLabel: r.ConfidenceLabel, Sources: sourceText(r.Sources)}
}

func sourceText(src map[string]int) string {
	s := ""
	add := func(n int, what string) {
		if n == 0 {
			return
		}
		if s != "" {
			s += ", "
		}
		s += fmt.Sprintf("%d on %s", n, what)
	}
	add(src[readiness.SourceFeedback], "others' feedback (360)")
	add(src[readiness.SourceSelf], "your self-rating")
	add(src[readiness.SourcePrior], "an estimate from your start role")
	add(src[readiness.SourceNone], "nothing yet (level 1)")
	return s
}

// areaRadar draws current against required level per area: the mean over
// the area's requirements, so the radar stays readable (8 axes, not 38).
func areaRadar(s *journey.Snapshot, id string) template.HTML {
	var axes []string
	var cur, req []float64
	sum := map[string][2]float64{}
	n := map[string]float64{}
	for _, q := range s.Target.Requirements {
		c, ok := s.Model.Competency(q.Competency)
		if !ok {
			continue
		}
		v := sum[c.Area]
		v[0] += s.Levels[q.Competency].Level
		v[1] += float64(q.Level)
		sum[c.Area] = v
		n[c.Area]++
	}
	for _, a := range s.Model.Areas {
		if n[a.Key] == 0 {
			continue
		}
		axes = append(axes, a.Name)
		cur = append(cur, sum[a.Key][0]/n[a.Key])
		req = append(req, sum[a.Key][1]/n[a.Key])
	}
	return charts.Radar{ID: id, Title: "Your level against " + s.Target.Title + ", by area", AxisName: "Area",
		Max: 5, Series: []charts.Series{
			{Name: "You now", Values: cur, Kind: charts.KindCurrent},
			{Name: s.Target.Title + " requires", Values: req, Kind: charts.KindTarget},
		}, Axes: axes}.HTML()
}

// gapBars draws the n largest gaps: current level with the required level
// as a marker.
func gapBars(gaps []readiness.Gap, n int, id, title string) template.HTML {
	b := charts.Bars{ID: id, Title: title, Max: 5, ValueLabel: "Current level", SecondaryLabel: "Required level", LabelName: "Competency"}
	for _, g := range gaps {
		if g.Gap <= 0 || (n > 0 && len(b.Rows) == n) {
			continue
		}
		b.Rows = append(b.Rows, charts.BarRow{Label: g.Name, Value: g.Current, Secondary: float64(g.Required),
			Note: fmt.Sprintf("weighted %s · importance %d", charts.Num(g.WeightedGap, 2), g.Importance)})
	}
	if len(b.Rows) == 0 {
		return charts.Empty(id, title, "No gaps: you meet every requirement")
	}
	return b.HTML()
}

// trendLine draws readiness after each completed assessment.
func trendLine(pts []readiness.Point, id string) template.HTML {
	if len(pts) == 0 {
		return charts.Empty(id, "Readiness over time", "Complete an assessment to start the trend")
	}
	l := charts.Line{ID: id, Title: "Readiness over time", YMin: 0, YMax: 100, YLabel: "Readiness (0-100)"}
	for _, p := range pts {
		l.Points = append(l.Points, charts.Point{At: p.At, Value: p.Score, Label: "confidence " + charts.Num(p.Confidence, 0)})
	}
	return l.HTML()
}

// memoChart renders a chart once per snapshot: the snapshot is cached per
// data version, so the SVG is as fresh as the data and later views of the
// page skip the drawing.
func memoChart(s *journey.Snapshot, key string, draw func() template.HTML) template.HTML {
	b, _ := s.Memo("web/chart/"+key, func() ([]byte, error) { return []byte(draw()), nil })
	return template.HTML(b)
}
