package api

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/readiness"
)

// OrgPipeline is a programme's pipeline: one member a row, with only what
// each member shares with programme admins (null where they do not), and
// the bench strength for the programme's target role.
type OrgPipeline struct {
	Programme OrgPipelineProgramme `json:"programme"`
	Cohort    *OrgPipelineCohort   `json:"cohort" doc:"the cohort shown; null for all of the programme's"`
	Cohorts   []OrgPipelineCohort  `json:"cohorts" doc:"all of the programme's cohorts, by start"`
	// ReadyNowScore is the threshold of "ready now" (docs/readiness.md).
	ReadyNowScore int                 `json:"ready_now_score" doc:"the readiness score from which a member counts as ready now"`
	Bench         OrgPipelineBench    `json:"bench"`
	Sort          string              `json:"sort" enum:"readiness,name"`
	AsOf          time.Time           `json:"as_of"`
	Members       []OrgPipelineMember `json:"members"`
}

// OrgPipelineProgramme names the programme and its target role.
type OrgPipelineProgramme struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	TargetRole  string `json:"target_role" doc:"the target role's slug"`
	TargetTitle string `json:"target_title"`
}

// OrgPipelineCohort is a cohort of the programme.
type OrgPipelineCohort struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
}

// OrgPipelineBench counts the members by when they are projected to be
// ready; each member counts once.
type OrgPipelineBench struct {
	ReadyNow         int `json:"ready_now"`
	Within6Months    int `json:"within_6_months"`
	Within12Months   int `json:"within_12_months"`
	Later            int `json:"later"`
	NotEnoughHistory int `json:"not_enough_history" doc:"sharing readiness, but not started or with too little history to project"`
	NotShared        int `json:"not_shared" doc:"not sharing their readiness with programme admins"`
	NotStarted       int `json:"not_started" doc:"whose shared parts show no start: no completed self-assessment, no plan"`
	Total            int `json:"total"`
}

// OrgPipelineMember is one member of the programme's cohorts.
type OrgPipelineMember struct {
	PersonID   int64    `json:"person_id"`
	Name       string   `json:"name"`
	Title      string   `json:"title"`
	Cohorts    []string `json:"cohorts" doc:"their cohorts of the programme"`
	HasAccount bool     `json:"has_account"`
	Status     string   `json:"status" enum:"started,not-started,not-shared"`
	// Readiness and Plan are null unless the member shares them.
	Readiness *OrgPipelineReadiness `json:"readiness" doc:"null unless the member shares their readiness with programme admins"`
	Plan      *OrgPipelinePlan      `json:"plan" doc:"null unless the member shares their plan with programme admins"`
}

// OrgPipelineReadiness is a member's readiness for the programme's target
// role and when they are projected to be ready.
type OrgPipelineReadiness struct {
	Assessed        bool    `json:"assessed" doc:"false until they complete a self-assessment; no horizon is given before"`
	LastAssessed    *string `json:"last_assessed" doc:"YYYY-MM-DD of their latest completed self-assessment"`
	Score           float64 `json:"score"`
	Confidence      float64 `json:"confidence"`
	ConfidenceLabel string  `json:"confidence_label" enum:"low,medium,high"`
	Horizon         string  `json:"horizon" enum:"now,6-months,12-months,later,unknown"`
	SlopePerMonth   float64 `json:"slope_per_month" doc:"score points a month over the last 12 months, by least squares; 0 when not projected"`
	MonthsToReady   float64 `json:"months_to_ready" doc:"projected months to the threshold; 0 when ready, not climbing or not projected"`
	Reason          string  `json:"reason" doc:"how the horizon was reached, in words"`
}

// OrgPipelinePlan is a member's plan progress: actions not dropped.
type OrgPipelinePlan struct {
	HasPlan    bool   `json:"has_plan"`
	TargetRole string `json:"target_role" doc:"the role the plan leads to; empty without a plan"`
	Done       int    `json:"done"`
	Total      int    `json:"total"`
	Overdue    int    `json:"overdue" doc:"not done and due before today"`
}

// NewOrgPipeline converts a pipeline view.
func NewOrgPipeline(v *journey.PipelineView) OrgPipeline {
	out := OrgPipeline{Programme: OrgPipelineProgramme{ID: v.Programme.ID, Name: v.Programme.Name, TargetRole: v.Target.Slug,
		TargetTitle: v.Target.Title}, Cohorts: []OrgPipelineCohort{}, ReadyNowScore: readiness.ReadyNowScore, Sort: v.Sort,
		AsOf: v.AsOf.UTC(), Members: make([]OrgPipelineMember, 0, len(v.Rows))}
	for _, c := range v.Cohorts {
		out.Cohorts = append(out.Cohorts, OrgPipelineCohort{ID: c.ID, Name: c.Name})
	}
	if v.Cohort != nil {
		out.Cohort = &OrgPipelineCohort{ID: v.Cohort.ID, Name: v.Cohort.Name}
	}
	b := v.Bench
	out.Bench = OrgPipelineBench{ReadyNow: b.Now, Within6Months: b.Within6, Within12Months: b.Within12, Later: b.Later,
		NotEnoughHistory: b.Unknown, NotShared: b.NotShared, NotStarted: b.NotStarted, Total: b.Total}
	for _, r := range v.Rows {
		m := OrgPipelineMember{PersonID: r.PersonID, Name: r.Name, Title: r.Title, Cohorts: r.Cohorts, HasAccount: r.HasAccount, Status: r.Status}
		if m.Cohorts == nil {
			m.Cohorts = []string{}
		}
		if rd := r.Readiness; rd != nil {
			p := rd.Projection
			m.Readiness = &OrgPipelineReadiness{Assessed: rd.Assessed, Score: rd.Score, Confidence: rd.Confidence,
				ConfidenceLabel: rd.ConfidenceLabel, Horizon: p.Horizon, SlopePerMonth: p.Slope, MonthsToReady: p.Months, Reason: p.Reason}
			if rd.Assessed {
				d := rd.LastAssessed.UTC().Format(time.DateOnly)
				m.Readiness.LastAssessed = &d
			}
		}
		if pl := r.Plan; pl != nil {
			m.Plan = &OrgPipelinePlan{HasPlan: pl.HasPlan, TargetRole: pl.TargetRole, Done: pl.Done, Total: pl.Total, Overdue: pl.Overdue}
		}
		out.Members = append(out.Members, m)
	}
	return out
}

// PipelineCSVHeader is the first row of a pipeline export.
var PipelineCSVHeader = []string{"name", "title", "cohorts", "has_account", "status", "readiness", "confidence", "confidence_label",
	"horizon", "slope_per_month", "months_to_ready", "last_assessed", "plan_done", "plan_total", "plan_overdue", "plan_target_role"}

// PipelineNotShared is what an export's cells say where a member does not
// share the part.
const PipelineNotShared = "not shared"

// WritePipelineCSV writes the rows of a pipeline as CSV (RFC 4180, as
// encoding/csv writes it): the columns of PipelineCSVHeader, "not shared"
// in the cells of what a member does not share, and every cell starting
// with a formula character (= + - @, tab, carriage return) prefixed with
// an apostrophe.
func WritePipelineCSV(w io.Writer, v *journey.PipelineView) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(PipelineCSVHeader); err != nil {
		return err
	}
	for _, r := range v.Rows {
		rec := []string{r.Name, r.Title, strings.Join(r.Cohorts, "; "), strconv.FormatBool(r.HasAccount), r.Status}
		if rd := r.Readiness; rd != nil {
			last := ""
			if rd.Assessed {
				last = rd.LastAssessed.UTC().Format(time.DateOnly)
			}
			p := rd.Projection
			rec = append(rec, charts.Num(rd.Score, 1), charts.Num(rd.Confidence, 0), rd.ConfidenceLabel, p.Horizon,
				charts.Num(p.Slope, 1), charts.Num(p.Months, 1), last)
		} else {
			rec = append(rec, PipelineNotShared, PipelineNotShared, PipelineNotShared, PipelineNotShared, PipelineNotShared, PipelineNotShared,
				PipelineNotShared)
		}
		switch pl := r.Plan; {
		case pl == nil:
			rec = append(rec, PipelineNotShared, PipelineNotShared, PipelineNotShared, PipelineNotShared)
		case !pl.HasPlan:
			rec = append(rec, "0", "0", "0", "")
		default:
			rec = append(rec, strconv.Itoa(pl.Done), strconv.Itoa(pl.Total), strconv.Itoa(pl.Overdue), pl.TargetRole)
		}
		// Every cell, a negative slope included: a spreadsheet reads a
		// leading = + - or @ as the start of a formula.
		for i := range rec {
			rec[i] = csvSafe(rec[i])
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
