package ladder

import (
	"context"
	"time"
)

// PipelineMember is a member of a programme's cohorts as the pipeline
// views list them. Everything here is the organisation's own data (who is
// in which cohort, their title, whether they have an account), which
// programme admins see whatever the member shares; Person carries the
// member's data version and roles, for computing what they do share.
type PipelineMember struct {
	Person     *Person
	Title      string
	HasAccount bool
	// CohortIDs are the member's cohorts of the programme, by start.
	CohortIDs []int64
}

// ReadinessInputs is what a person's readiness is computed from:
// self-assessments oldest first, evidence newest first, closed rounds of
// 360 feedback newest first with the groups they show. The pipeline's
// batch loads fill only what readiness reads (completed assessments and
// their levels, the dates, kinds and competencies of evidence, the shown
// cells of rounds).
type ReadinessInputs struct {
	Assessments []*Assessment
	Evidence    []*Evidence
	Feedback    []*FeedbackRound
}

// PlanProgress counts the actions of a person's plan that are not dropped:
// done, in all, and overdue (due before the day asked about, not done).
type PlanProgress struct {
	// TargetRole is the role the plan leads to, which may not be the
	// programme's.
	TargetRole string
	Done       int
	Total      int
	Overdue    int
	// NextDue is the earliest due day of an action not done that is not
	// overdue yet (zero when none): the overdue count changes the day
	// after.
	NextDue time.Time
}

// PipelineSummary is what the pipeline views show of one member's own
// data for a target role, kept so that a view reads one row a member (see
// the pipeline_summaries table). It holds the readiness part only when
// HasReadiness, the plan part only when HasPlanPart: the parts the member
// shared at DataVersion.
type PipelineSummary struct {
	PersonID    int64
	TargetRole  string
	DataVersion int64
	// ModelKey names the model and the formulas the figures come from.
	ModelKey string
	// ValidUntil is the first moment the figures could change without a
	// change to the person's data.
	ValidUntil time.Time

	HasReadiness bool
	Assessed     bool
	LastAssessed time.Time
	Score        float64
	Confidence   float64
	Horizon      string
	Slope        float64
	Months       float64
	Points       int
	Reason       string

	HasPlanPart bool
	HasPlan     bool
	Plan        PlanProgress
}

// PipelineService reads what the pipeline views need for many people at
// once: a view of a 1,000-person programme is a handful of queries, not a
// few per person.
//
// Errors: ENOTFOUND for a programme or cohort not of the organisation.
type PipelineService interface {
	// FindPipelineMembers returns the members of the programme's cohorts
	// (of one cohort when cohortID is not 0), each once with all their
	// cohorts of the programme, by person id.
	FindPipelineMembers(ctx context.Context, orgID, programmeID, cohortID int64) ([]*PipelineMember, error)
	// FindReadinessInputs returns the inputs of each person in ids who
	// has any, by person id.
	FindReadinessInputs(ctx context.Context, ids []int64) (map[int64]*ReadinessInputs, error)
	// FindPlanProgress returns the progress of each person in ids who has
	// a plan, by person id, counting as overdue what was due before today.
	FindPlanProgress(ctx context.Context, ids []int64, today time.Time) (map[int64]PlanProgress, error)
	// FindPipelineSummaries returns the kept summaries for target of the
	// people in ids, by person id, whatever their version: the caller
	// decides which still count.
	FindPipelineSummaries(ctx context.Context, target string, ids []int64) (map[int64]*PipelineSummary, error)
	// SavePipelineSummaries keeps the summaries, replacing those of the
	// same person and target.
	SavePipelineSummaries(ctx context.Context, ss []*PipelineSummary) error
}
