package web

import (
	"strings"
	"testing"
)

// pipelineTemplateCases are the cases of the pipeline pages: full (every
// kind of row), a programme without cohorts, cohorts without members, and
// empty.
func pipelineTemplateCases() map[string][]templateCase {
	header := OrgHeader{Name: "Northwind <IT>", Role: "Owner", Active: "pipeline", Tabs: []NavItem{{"pipeline", "/org/pipeline", "Pipeline"}}}
	bench := []OrgPipelineBenchCell{{Key: "now", Label: "Ready now", N: 1, Percent: 25}, {Key: "not-shared", Label: "Not shared", N: 3, Percent: 75}}
	rows := []OrgPipelineRow{
		{Name: "Ana <b>", Title: "Lead", Cohorts: "Spring, Autumn", HasAccount: true, Status: "started", StatusLabel: "Started",
			ReadinessShared: true, Assessed: true, Score: "81.5", Confidence: "low", Horizon: "now", HorizonLabel: "Ready now",
			HorizonReason: "score 81.5 reaches 80", LastAssessed: "1 Jan 2027", PlanShared: true, HasPlan: true,
			PlanText: "2 of 5 done", OverdueText: "1 overdue",
			PlanTarget: "CIO"},
		{Name: "Ben", Status: "not-started", StatusLabel: "Not started", ReadinessShared: true, Horizon: "unknown", HorizonLabel: "Not enough history",
			HorizonReason: "no completed self-assessment yet", PlanShared: true},
		{Name: "Cy", Status: "not-shared", StatusLabel: "Not shared"},
	}
	return map[string][]templateCase{
		"org_pipelines": {
			{name: "Full", data: &OrgPipelinesPage{Base: fullBase("Pipeline"), Org: header,
				Programmes: []OrgProgrammeRow{{ID: 1, Name: "Future <managers>", Target: "IT manager", Start: "1 Jan 2027", End: "31 Dec 2027"}}}},
			{name: "Empty", data: &OrgPipelinesPage{}},
		},
		"org_pipeline": {
			{name: "Full", data: &OrgPipelinePage{Base: fullBase("Pipeline"), Org: header, ID: 1, Name: "Future <managers>", Target: "IT manager",
				ReadyNow: 80, Cohorts: []Option{{Value: "", Label: "All cohorts"}, {Value: "2", Label: "Spring", Selected: true}}, CohortName: "Spring",
				Sort: "name", ByName: "/org/programmes/1/pipeline?sort=name", ByReadiness: "/org/programmes/1/pipeline", CSV: "/org/programmes/1/pipeline.csv",
				Bench: bench, NotStarted: 1, Total: 4, Rows: rows}},
			{name: "ByReadiness", data: &OrgPipelinePage{Sort: "readiness", Rows: rows[:1], Total: 1}},
			{name: "NoCohorts", data: &OrgPipelinePage{Org: header, ID: 1, NoCohorts: true}},
			{name: "NoMembers", data: &OrgPipelinePage{Org: header, ID: 1, CohortName: "Spring"}},
			{name: "Empty", data: &OrgPipelinePage{}},
		},
	}
}

// TestPipelineRowsHTML: the rows written in Go escape every value and say
// "Not shared" where a member does not share.
func TestPipelineRowsHTML(t *testing.T) {
	page := OrgPipelinePage{Rows: []OrgPipelineRow{
		{Name: `<script>alert("x")</script>`, Title: `"quoted" & co`, Cohorts: "A<B", Status: `x" onmouseover="y`, StatusLabel: "Not shared"},
		{Name: "Ana", ReadinessShared: true, Assessed: true, Score: "81.5", Confidence: `low"><b>`, Horizon: "now", HorizonLabel: "Ready now", LastAssessed: "1 Jan 2027",
			PlanShared: true, HasPlan: true, PlanText: "2 of 5 done", OverdueText: "1 overdue", PlanTarget: "CIO <x>", HasAccount: true},
	}}
	got := string(page.RowsHTML())
	for _, want := range []string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;`, `&#34;quoted&#34; &amp; co`, "A&lt;B",
		`class="status-x&#34; onmouseover=&#34;y"`, `<td data-label="Readiness" class="not-shared">Not shared</td>`,
		`<td data-label="Plan" class="not-shared">Not shared</td>`, `class="pill low&#34;&gt;&lt;b&gt;"`, "towards CIO &lt;x&gt;",
		`<span class="late">1 overdue</span>`, "assessed 1 Jan 2027"} {
		if !strings.Contains(got, want) {
			t.Errorf("rows lack %s:\n%s", want, got)
		}
	}
	for _, bad := range []string{"<script>", `"quoted"`, "<b>", "<x>"} {
		if strings.Contains(got, bad) {
			t.Errorf("rows carry %s unescaped", bad)
		}
	}
	if n := strings.Count(got, "<tr>"); n != 2 {
		t.Errorf("%d rows", n)
	}
}
