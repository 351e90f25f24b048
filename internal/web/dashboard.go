package web

import (
	"html/template"
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// DashboardPage answers "am I getting there?".
type DashboardPage struct {
	Base
	Readiness ReadinessView
	Radar     template.HTML
	Trend     template.HTML
	GapBars   template.HTML
	TopGaps   []readiness.Gap
	Progress  template.HTML
	Agenda    template.HTML // this week's reminders
	Draft     bool          // an assessment is in progress
	Rated     int           // competencies with a self-rating
	Total     int
}

// Dashboard shows readiness, its trend, the radar and the top gaps.
func (wb *Web) Dashboard(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if p.TargetRole == "" {
		return redirect(w, r, "/onboarding", "")
	}
	s, err := wb.J.Snapshot(ctx, p, "")
	if err != nil {
		return err
	}
	gaps := s.Gaps()
	page := DashboardPage{Base: wb.base(w, r, "Dashboard", "home"), Readiness: newReadinessView(s.Readiness()),
		Radar:   memoChart(s, "radar", func() template.HTML { return areaRadar(s, "radar") }),
		Trend:   memoChart(s, "trend", func() template.HTML { return trendLine(s.Trend(), "trend") }),
		GapBars: memoChart(s, "gaps5", func() template.HTML { return gapBars(gaps, 5, "gaps", "Your five largest gaps") }),
		Total:   len(s.Target.Requirements)}
	if page.Readiness.Sources != "" && s.Attribution != "" && hasPrior(gaps) {
		page.Attribution = s.Attribution
	}
	for _, g := range gaps {
		if g.Source == readiness.SourceSelf {
			page.Rated++
		}
	}
	if page.Progress, err = wb.progressPanel(ctx, s); err != nil {
		return err
	}
	if page.Agenda, err = wb.agendaPanel(ctx, s); err != nil {
		return err
	}
	for _, a := range s.Assessments {
		if !a.Completed() {
			page.Draft = true
		}
	}
	return wb.render(w, r, "dashboard", page)
}

// hasPrior reports whether any level shown rests on an O*NET-based estimate,
// which is when the page must credit O*NET.
func hasPrior(gaps []readiness.Gap) bool {
	for _, g := range gaps {
		if g.Source == readiness.SourcePrior {
			return true
		}
	}
	return false
}
