package web

import (
	"fmt"
	"net/http/httptest"
	"testing"
)

// BenchmarkOrgPipelineRender renders a 1,000-row pipeline page: every
// third member sharing nothing, the others with readiness and a plan.
func BenchmarkOrgPipelineRender(b *testing.B) {
	assets, err := NewAssets()
	if err != nil {
		b.Fatal(err)
	}
	tmpl, err := NewTemplates(assets)
	if err != nil {
		b.Fatal(err)
	}
	page := &OrgPipelinePage{Base: fullBase("Pipeline"), ID: 1, Name: "Future IT managers", Target: "IT manager", ReadyNow: 80, Sort: "readiness",
		Total: 1000, Bench: []OrgPipelineBenchCell{{Key: "now", Label: "Ready now", N: 100, Percent: 10}}}
	for i := range 1000 {
		r := OrgPipelineRow{Name: fmt.Sprintf("Person %d", i), Title: "System administrator", Cohorts: "Cohort 1 (Jan 2026)", HasAccount: i%3 > 0,
			Status: "not-shared", StatusLabel: "Not shared"}
		if i%3 > 0 {
			r.ReadinessShared, r.Assessed, r.Score, r.Confidence = true, true, "62.5", "low"
			r.Horizon, r.HorizonLabel, r.HorizonReason = "12-months", "Within 12 months", "at +2.1 points a month, 80 in about 8.3 months"
			r.PlanShared, r.HasPlan, r.PlanText, r.OverdueText, r.LastAssessed = true, true, "4 of 12 done", "1 overdue", "1 Mar 2026"
			r.Status, r.StatusLabel = "started", "Started"
		}
		page.Rows = append(page.Rows, r)
	}
	b.ReportAllocs()
	for b.Loop() {
		rec := httptest.NewRecorder()
		if err := tmpl.Render(rec, 200, "org_pipeline", "layout", page); err != nil {
			b.Fatal(err)
		}
	}
}
