package web

import (
	"html"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/api"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// OrgPipelinesPage lists the programmes whose pipelines the viewer may see.
type OrgPipelinesPage struct {
	Base
	Org        OrgHeader
	Programmes []OrgProgrammeRow
}

// OrgPipelinePage is a programme's pipeline: the bench strength for its
// target role and one row per member of its cohorts.
type OrgPipelinePage struct {
	Base
	Org        OrgHeader
	ID         int64
	Name       string
	Target     string
	ReadyNow   int
	Cohorts    []Option // the filter: "" for all, then each cohort
	CohortName string   // the cohort shown, "" for all
	Sort       string
	// ByName and ByReadiness are the links that order the table; CSV the
	// export of what is shown.
	ByName, ByReadiness, CSV string
	Bench                    []OrgPipelineBenchCell
	NotStarted, Total        int
	// NoCohorts is true when the programme has no cohort yet.
	NoCohorts bool
	Rows      []OrgPipelineRow
}

// OrgPipelineBenchCell is one count of the bench strength.
type OrgPipelineBenchCell struct {
	Key, Label string
	N          int
	// Percent is N of the members, for the bar.
	Percent int
}

// OrgPipelineRow is one member. The Readiness and Plan cells say "Not
// shared" unless ReadinessShared and PlanShared.
type OrgPipelineRow struct {
	Name, Title, Cohorts string
	HasAccount           bool
	Status, StatusLabel  string

	ReadinessShared bool
	Assessed        bool
	Score           string
	Confidence      string // low, medium, high
	Horizon         string
	HorizonLabel    string
	HorizonReason   string
	LastAssessed    string

	PlanShared bool
	HasPlan    bool
	// PlanText ("4 of 12 done") and OverdueText ("1 overdue", "" for
	// none) are what the plan cell says.
	PlanText, OverdueText string
	// PlanTarget is the title of the plan's role when it is not the
	// programme's.
	PlanTarget string
}

var pipelineStatusLabels = map[string]string{
	journey.PipelineStarted:    "Started",
	journey.PipelineNotStarted: "Not started",
	journey.PipelineNotShared:  "Not shared",
}

// OrgPipelines lists the programmes with a link to each pipeline.
func (wb *Web) OrgPipelines(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	ps, err := wb.J.PipelineProgrammes(ctx, actor)
	if err != nil {
		return err
	}
	h, err := wb.orgHeader(ctx, actor, "pipeline")
	if err != nil {
		return err
	}
	page := &OrgPipelinesPage{Base: wb.base(w, r, "Pipeline", "org"), Org: h}
	for _, p := range ps {
		page.Programmes = append(page.Programmes, OrgProgrammeRow{ID: p.ID, Name: p.Name, Target: wb.roleTitle(r, p.TargetRole),
			Start: p.Start.Format("2 Jan 2006"), End: p.End.Format("2 Jan 2006")})
	}
	return wb.render(w, r, "org_pipelines", page)
}

// pipelineQuery reads the programme of the path and the cohort and order
// of the query string.
func pipelineQuery(r *http.Request, via string) (journey.PipelineQuery, error) {
	id, err := pathID(r, "Programme")
	if err != nil {
		return journey.PipelineQuery{}, err
	}
	q := journey.PipelineQuery{ProgrammeID: id, Sort: r.URL.Query().Get("sort"), Via: via}
	if c := r.URL.Query().Get("cohort"); c != "" {
		if q.CohortID, err = strconv.ParseInt(c, 10, 64); err != nil || q.CohortID <= 0 {
			return q, fieldError("The cohort must be one of the programme's cohorts.", "cohort", "must be a cohort's number")
		}
	}
	return q, nil
}

// OrgPipeline shows a programme's pipeline.
func (wb *Web) OrgPipeline(w http.ResponseWriter, r *http.Request) error {
	q, err := pipelineQuery(r, "page")
	if err != nil {
		return err
	}
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	v, err := wb.J.ProgrammePipelineFor(ctx, actor, q)
	if err != nil {
		return err
	}
	h, err := wb.orgHeader(ctx, actor, "pipeline")
	if err != nil {
		return err
	}
	p := v.Programme
	page := &OrgPipelinePage{Base: wb.base(w, r, "Pipeline: "+p.Name, "org"), Org: h, ID: p.ID, Name: p.Name, Target: v.Target.Title,
		ReadyNow: readiness.ReadyNowScore, Sort: v.Sort, NoCohorts: len(v.Cohorts) == 0, NotStarted: v.Bench.NotStarted, Total: v.Bench.Total}
	page.Cohorts = append(page.Cohorts, Option{Value: "", Label: "All cohorts", Selected: v.Cohort == nil})
	for _, c := range v.Cohorts {
		page.Cohorts = append(page.Cohorts, Option{Value: strconv.FormatInt(c.ID, 10), Label: c.Name, Selected: v.Cohort != nil && v.Cohort.ID == c.ID})
	}
	if v.Cohort != nil {
		page.CohortName = v.Cohort.Name
	}
	link := func(sort string) string {
		vals := url.Values{}
		if v.Cohort != nil {
			vals.Set("cohort", strconv.FormatInt(v.Cohort.ID, 10))
		}
		if sort != journey.PipelineSorts[0] {
			vals.Set("sort", sort)
		}
		if len(vals) == 0 {
			return ""
		}
		return "?" + vals.Encode()
	}
	base := "/org/programmes/" + strconv.FormatInt(p.ID, 10) + "/pipeline"
	page.ByName, page.ByReadiness, page.CSV = base+link(journey.PipelineByName), base+link(journey.PipelineByReadiness), base+".csv"+link(v.Sort)
	for _, k := range slices.Concat(readiness.Horizons, []string{journey.PipelineNotShared}) {
		c := OrgPipelineBenchCell{Key: k, Label: readiness.HorizonLabel(k), N: v.Bench.Count(k)}
		if k == journey.PipelineNotShared {
			c.Label = "Not shared"
		}
		if v.Bench.Total > 0 {
			c.Percent = c.N * 100 / v.Bench.Total
		}
		page.Bench = append(page.Bench, c)
	}
	for _, row := range v.Rows {
		page.Rows = append(page.Rows, pipelineRowView(row))
	}
	return wb.render(w, r, "org_pipeline", page)
}

func pipelineRowView(row journey.PipelineRow) OrgPipelineRow {
	out := OrgPipelineRow{Name: row.Name, Title: row.Title, Cohorts: strings.Join(row.Cohorts, ", "), HasAccount: row.HasAccount,
		Status: row.Status, StatusLabel: pipelineStatusLabels[row.Status]}
	if rd := row.Readiness; rd != nil {
		out.ReadinessShared, out.Assessed = true, rd.Assessed
		out.Score, out.Confidence = charts.Num(rd.Score, 1), rd.ConfidenceLabel
		out.Horizon, out.HorizonLabel, out.HorizonReason = rd.Projection.Horizon, readiness.HorizonLabel(rd.Projection.Horizon), rd.Projection.Reason
		if rd.Assessed {
			out.LastAssessed = rd.LastAssessed.Format("2 Jan 2006")
		}
	}
	if pl := row.Plan; pl != nil {
		out.PlanShared, out.HasPlan = true, pl.HasPlan
		out.PlanText = strconv.Itoa(pl.Done) + " of " + strconv.Itoa(pl.Total) + " done"
		if pl.Overdue > 0 {
			out.OverdueText = strconv.Itoa(pl.Overdue) + " overdue"
		}
		if pl.OtherTarget {
			out.PlanTarget = pl.Target
		}
	}
	return out
}

// OrgPipelineCSV exports a programme's pipeline, the rows of the page.
func (wb *Web) OrgPipelineCSV(w http.ResponseWriter, r *http.Request) error {
	q, err := pipelineQuery(r, "csv")
	if err != nil {
		return err
	}
	ctx := r.Context()
	v, err := wb.J.ProgrammePipelineFor(ctx, ladder.PersonFromContext(ctx), q)
	if err != nil {
		return err
	}
	orgAttachment(w, "text/csv; charset=utf-8", "pipeline-"+pipelineFileName(v)+".csv")
	return api.WritePipelineCSV(w, v)
}

// pipelineFileName makes a file name from the programme's (and cohort's)
// name: lower-case letters, digits and hyphens.
func pipelineFileName(v *journey.PipelineView) string {
	name := v.Programme.Name
	if v.Cohort != nil {
		name += " " + v.Cohort.Name
	}
	if s := ladder.Slugify(name); s != "" {
		return s
	}
	return strconv.FormatInt(v.Programme.ID, 10)
}

// RowsHTML renders the table's rows. They are written here rather than in
// the template because html/template spent 25 ms on the 1,000 rows of the
// benchmark programme, a quarter of the aim for the whole view, where this
// takes 2 ms (BenchmarkOrgPipelineRender). Every value goes through
// html.EscapeString, which is safe in text and in double-quoted attributes.
func (p OrgPipelinePage) RowsHTML() template.HTML {
	var b strings.Builder
	b.Grow(len(p.Rows) * 600)
	e := html.EscapeString
	cell := func(label, class, body string) {
		b.WriteString(`<td data-label="` + label + `"`)
		if class != "" {
			b.WriteString(` class="` + class + `"`)
		}
		b.WriteString(`>` + body + `</td>`)
	}
	const notShared = "Not shared"
	for _, r := range p.Rows {
		b.WriteString(`<tr><th scope="row">` + e(r.Name))
		if r.Title != "" {
			b.WriteString(` <small class="muted">` + e(r.Title) + `</small>`)
		}
		b.WriteString(`</th>`)
		cell("Cohorts", "", e(r.Cohorts))
		if r.HasAccount {
			cell("Account", "", "Yes")
		} else {
			cell("Account", "", `<span class="muted">No account yet</span>`)
		}
		switch {
		case !r.ReadinessShared:
			cell("Readiness", "not-shared", notShared)
			cell("Ready", "not-shared", notShared)
		default:
			if r.Assessed {
				cell("Readiness", "num", e(r.Score)+` <span class="pill `+e(r.Confidence)+`">`+e(r.Confidence)+`</span>`+
					` <small class="muted">assessed `+e(r.LastAssessed)+`</small>`)
			} else {
				cell("Readiness", "", `<span class="muted">No self-assessment yet</span>`)
			}
			cell("Ready", "", `<span class="horizon h-`+e(r.Horizon)+`">`+e(r.HorizonLabel)+`</span> <small class="muted">`+e(r.HorizonReason)+`</small>`)
		}
		switch {
		case !r.PlanShared:
			cell("Plan", "not-shared", notShared)
		case !r.HasPlan:
			cell("Plan", "", `<span class="muted">No plan yet</span>`)
		default:
			body := e(r.PlanText)
			if r.OverdueText != "" {
				body += `, <span class="late">` + e(r.OverdueText) + `</span>`
			}
			if r.PlanTarget != "" {
				body += ` <small class="muted">towards ` + e(r.PlanTarget) + `</small>`
			}
			cell("Plan", "", body)
		}
		cell("Status", "status-"+e(r.Status), e(r.StatusLabel))
		b.WriteString("</tr>\n")
	}
	return template.HTML(b.String())
}
