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

// ReadinessInputs is what a person's levels are computed from, as
// journey.Journey.Snapshot reads it: their self-assessments (with those in
// progress) oldest first, their evidence log newest first, and their closed
// rounds of 360 feedback newest first, with the results they keep (cells
// and counts only: the pipeline needs no comments).
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
}

// PipelineService reads what the pipeline views need for many people at
// once: a view of a 1,000-person programme is a handful of queries, not a
// few per person.
//
// Errors: ENOTFOUND for a programme or cohort not of the organisation.
type PipelineService interface {
	// FindPipelineMembers returns the members of the programme's cohorts
	// (of one cohort when cohortID is not 0), each once with all their
	// cohorts of the programme, by name.
	FindPipelineMembers(ctx context.Context, orgID, programmeID, cohortID int64) ([]*PipelineMember, error)
	// FindReadinessInputs returns the inputs of each person in ids who
	// has any, by person id.
	FindReadinessInputs(ctx context.Context, ids []int64) (map[int64]*ReadinessInputs, error)
	// FindPlanProgress returns the progress of each person in ids who has
	// a plan, by person id, counting as overdue what was due before today.
	FindPlanProgress(ctx context.Context, ids []int64, today time.Time) (map[int64]PlanProgress, error)
}
