package web

import (
	"html/template"
	"net/http"
	"strconv"

	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/readiness"
)

// ReadinessPage explains the readiness score for one target role.
type ReadinessPage struct {
	Base
	Readiness ReadinessView
	TotalGap  string
	// Other is set when the page shows a target other than the person's own.
	Other     bool
	OwnTitle  string
	Areas     []AreaScoreRow
	Radar     template.HTML
	Trend     template.HTML
	TrendRows []TrendRow
	Targets   []TargetRow
	Shortest  string
}

// AreaScoreRow is the readiness within one area.
type AreaScoreRow struct {
	Name         string
	Score        string
	Confidence   string
	Weighted     string
	Requirements string
}

// TrendRow is readiness after one finished assessment.
type TrendRow struct {
	Date       string
	Score      string
	Confidence string
}

// TargetRow is the readiness for one target role, for the comparison.
type TargetRow struct {
	Rank       string
	Title      string
	URL        string
	Score      string
	Confidence string
	Label      string
	TotalGap   string
	Own        bool // the person's target role
	Viewing    bool // the target this page shows
}

// Readiness shows the score, its confidence, what it rests on, the areas,
// the trend and every target role side by side. ?target=slug looks at
// another target role.
func (wb *Web) Readiness(w http.ResponseWriter, r *http.Request) error {
	target := r.URL.Query().Get("target")
	s, ok, err := wb.snapshot(w, r, target)
	if !ok {
		return err
	}
	res := s.Readiness()
	trend := s.Trend()
	page := ReadinessPage{Base: wb.base(w, r, "Readiness for "+s.Target.Title, "readiness"), Readiness: newReadinessView(res),
		TotalGap: charts.Num(res.TotalGap, 2), Other: s.Target.Slug != s.Person.TargetRole,
		Radar: memoChart(s, "radar", func() template.HTML { return areaRadar(s, "radar") }),
		Trend: memoChart(s, "trend", func() template.HTML { return trendLine(trend, "trend") })}
	if own, ok := s.Model.Role(s.Person.TargetRole); ok {
		page.OwnTitle = own.Title
	}
	if res.Sources[readiness.SourcePrior] > 0 {
		page.Attribution = s.Attribution
	}
	for _, a := range res.Areas {
		page.Areas = append(page.Areas, AreaScoreRow{Name: a.Name, Score: charts.Num(a.Score, 1), Confidence: charts.Num(a.Confidence, 0),
			Weighted: charts.Num(a.WeightedGap, 2), Requirements: plural(a.Requirements, "competency", "competencies")})
	}
	for _, p := range trend {
		page.TrendRows = append(page.TrendRows, TrendRow{Date: p.At.Format("2 Jan 2006"), Score: charts.Num(p.Score, 1),
			Confidence: charts.Num(p.Confidence, 0)})
	}
	for i, t := range s.AllTargets() {
		row := TargetRow{Rank: strconv.Itoa(i + 1), Title: t.TargetTitle, URL: "/readiness?target=" + t.Target,
			Score: charts.Num(t.Score, 1), Confidence: charts.Num(t.Confidence, 0), Label: t.ConfidenceLabel,
			TotalGap: charts.Num(t.TotalGap, 2), Own: t.Target == s.Person.TargetRole, Viewing: t.Target == s.Target.Slug}
		if row.Own {
			row.URL = "/readiness"
		}
		if i == 0 {
			page.Shortest = t.TargetTitle
		}
		page.Targets = append(page.Targets, row)
	}
	return wb.render(w, r, "readiness", page)
}
