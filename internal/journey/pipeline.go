package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// PipelineView is a programme's pipeline as its organisation's programme
// admins and owners see it: one row per member of its cohorts, with only
// what each member shares with programme admins, and the bench strength
// for the programme's target role.
type PipelineView struct {
	Programme *ladder.OrgProgramme
	Target    ladder.Role
	// Cohorts are all of the programme's cohorts; Cohort the one shown,
	// nil for all.
	Cohorts []*ladder.OrgCohort
	Cohort  *ladder.OrgCohort
	Rows    []PipelineRow
	Bench   PipelineBench
	// Sort is how Rows are ordered: one of PipelineSorts.
	Sort string
	AsOf time.Time
}

// PipelineRow is one member. Name, title, cohorts and whether they have an
// account are the organisation's data and always shown; Readiness and Plan
// are nil unless the member shares that part with programme admins.
type PipelineRow struct {
	PersonID   int64
	Name       string
	Title      string
	Cohorts    []string
	HasAccount bool
	Readiness  *PipelineReadiness
	Plan       *PipelinePlan
	// Status is PipelineNotShared when the member shares neither their
	// readiness nor their plan, PipelineNotStarted when what they share
	// shows no start (no completed self-assessment, no plan), else
	// PipelineStarted.
	Status string
}

// Row states.
const (
	PipelineNotShared  = "not-shared"
	PipelineNotStarted = "not-started"
	PipelineStarted    = "started"
)

// PipelineReadiness is a member's readiness for the programme's target
// role, computed as their own readiness page computes it (Snapshot).
type PipelineReadiness struct {
	// Assessed is false until the member completes a self-assessment: the
	// score then rests on estimates only, and no horizon is given.
	Assessed        bool
	LastAssessed    time.Time
	Score           float64
	Confidence      float64
	ConfidenceLabel string
	Projection      readiness.Projection
}

// PipelinePlan is a member's plan progress. HasPlan is false when they
// have none yet.
type PipelinePlan struct {
	HasPlan bool
	// Target is the title of the role the plan leads to; OtherTarget is
	// true when that is not the programme's.
	Target      string
	OtherTarget bool
	ladder.PlanProgress
}

// PipelineBench counts the members by when they are projected to be ready
// for the programme's target role: each member counts once, under
// NotShared when they do not share their readiness and under Unknown when
// they have not started or have too little history.
type PipelineBench struct {
	Now, Within6, Within12, Later, Unknown, NotShared int
	// NotStarted counts the members whose shared parts show no start.
	NotStarted int
	Total      int
}

// Count returns the bench count of a horizon (readiness.Horizons), or of
// PipelineNotShared.
func (b PipelineBench) Count(h string) int {
	switch h {
	case readiness.HorizonNow:
		return b.Now
	case readiness.Horizon6Months:
		return b.Within6
	case readiness.Horizon12Months:
		return b.Within12
	case readiness.HorizonLater:
		return b.Later
	case readiness.HorizonUnknown:
		return b.Unknown
	case PipelineNotShared:
		return b.NotShared
	}
	return 0
}

func (b *PipelineBench) add(r PipelineRow) {
	b.Total++
	if r.Status == PipelineNotStarted {
		b.NotStarted++
	}
	if r.Readiness == nil {
		b.NotShared++
		return
	}
	switch r.Readiness.Projection.Horizon {
	case readiness.HorizonNow:
		b.Now++
	case readiness.Horizon6Months:
		b.Within6++
	case readiness.Horizon12Months:
		b.Within12++
	case readiness.HorizonLater:
		b.Later++
	default:
		b.Unknown++
	}
}

// Pipeline sorts.
const (
	PipelineByReadiness = "readiness"
	PipelineByName      = "name"
)

// PipelineSorts lists the orders of the rows, the default first.
var PipelineSorts = []string{PipelineByReadiness, PipelineByName}

// PipelineQuery selects a pipeline: a programme, one of its cohorts (0 for
// all), the order of the rows ("" for the default) and, for the audit
// log, how it is viewed ("page", "csv", "json", "cli"...).
type PipelineQuery struct {
	ProgrammeID int64
	CohortID    int64
	Sort        string
	Via         string
}

// ProgrammePipeline returns the pipeline of a programme of the actor's
// organisation (all cohorts when cohortID is 0), its rows by readiness,
// and records the view in the audit log. Only programme admins and owners
// may see it (ladder.ActOrgViewPipeline).
//
// (Journey.Pipeline is the person's own pipeline of opportunities.)
func (j *Journey) ProgrammePipeline(ctx context.Context, actor *ladder.Person, programmeID, cohortID int64) (*PipelineView, error) {
	return j.ProgrammePipelineFor(ctx, actor, PipelineQuery{ProgrammeID: programmeID, CohortID: cohortID})
}

// ProgrammePipelineFor is ProgrammePipeline with the order of the rows
// and how the view is made (recorded in the audit entry).
//
// Errors: EINVALID for an unknown sort or a programme whose target role is
// no longer in the competency model; ENOTFOUND for a programme or cohort
// not of the actor's organisation; EFORBIDDEN for a plain member.
func (j *Journey) ProgrammePipelineFor(ctx context.Context, actor *ladder.Person, q PipelineQuery) (*PipelineView, error) {
	if actor == nil {
		return nil, ladder.Errorf(ladder.EUNAUTHORIZED, "Sign in first.")
	}
	if q.Sort == "" {
		q.Sort = PipelineSorts[0]
	}
	if !slices.Contains(PipelineSorts, q.Sort) {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: fmt.Sprintf("Unknown order %q: sort must be %s.", q.Sort, strings.Join(PipelineSorts, " or ")),
			Fields: map[string]string{"sort": "must be " + strings.Join(PipelineSorts, " or ")}}
	}
	orgID, err := j.orgFor(ctx, actor, ladder.ActOrgViewPipeline)
	if err != nil {
		return nil, err
	}
	v := &PipelineView{Sort: q.Sort, AsOf: j.DB.Now()}
	if v.Programme, err = j.OrgProgrammes.FindProgramme(ctx, orgID, q.ProgrammeID); err != nil {
		return nil, err
	}
	// The programme is the actor's organisation's: what the view needs
	// is read side by side. The members of a cohort of another programme
	// are none; the cohort is refused below all the same.
	var m *ladder.Model
	var members []*ladder.PipelineMember
	var shared map[int64]ladder.ShareSet
	err = pipelineTogether(
		func() (err error) {
			v.Cohorts, err = j.OrgProgrammes.FindCohorts(ctx, orgID, q.ProgrammeID)
			return err
		},
		func() (err error) { m, err = j.Model(ctx); return err },
		func() (err error) {
			members, err = j.Pipelines.FindPipelineMembers(ctx, orgID, v.Programme.ID, q.CohortID)
			return err
		},
		func() (err error) {
			shared, err = j.Shares.FindSharedWith(ctx, orgID, ladder.AudienceAdmins)
			return err
		},
	)
	if err != nil {
		return nil, err
	}
	if q.CohortID != 0 {
		i := slices.IndexFunc(v.Cohorts, func(c *ladder.OrgCohort) bool { return c.ID == q.CohortID })
		if i < 0 {
			return nil, ladder.Errorf(ladder.ENOTFOUND, "Cohort not found.")
		}
		v.Cohort = v.Cohorts[i]
	}
	if v.Target, err = j.ResolveTarget(m, v.Programme.TargetRole); err != nil {
		return nil, ladder.Errorf(ladder.EINVALID, "The programme's target role %q is not in the competency model in use: choose another on the programme's page.",
			v.Programme.TargetRole)
	}
	if err := j.pipelineRows(ctx, m, members, shared, v); err != nil {
		return nil, err
	}
	sortPipeline(v.Rows, v.Sort)
	for _, r := range v.Rows {
		v.Bench.add(r)
	}
	// Nobody sees the view unless the log records that they did.
	if err := j.Audit(ctx, ladder.AuditEntry{OrgID: orgID, ActorID: actor.ID, Action: "view.pipeline", SubjectKind: ladder.AuditProgramme,
		SubjectID: v.Programme.ID, SubjectName: v.Programme.Name, Detail: pipelineAuditDetail(v, q.Via)}); err != nil {
		return nil, err
	}
	return v, nil
}

func pipelineAuditDetail(v *PipelineView, via string) string {
	what := "all cohorts"
	if v.Cohort != nil {
		what = "cohort " + v.Cohort.Name
	}
	people := "people"
	if len(v.Rows) == 1 {
		people = "person"
	}
	d := fmt.Sprintf("%s, %d %s", what, len(v.Rows), people)
	if via != "" {
		d += ", " + via
	}
	return d
}

// pipelineRows builds the rows of the members with what they share (see
// pipelineSummaries for how their figures are found).
func (j *Journey) pipelineRows(ctx context.Context, m *ladder.Model, members []*ladder.PipelineMember, shared map[int64]ladder.ShareSet,
	v *PipelineView) error {
	sums, err := j.pipelineSummaries(ctx, m, v.Target, members, shared, v.AsOf)
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, c := range v.Cohorts {
		names[c.ID] = c.Name
	}
	v.Rows = make([]PipelineRow, 0, len(members))
	for i, mb := range members {
		id := mb.Person.ID
		r := PipelineRow{PersonID: id, Name: mb.Person.Name, Title: mb.Title, HasAccount: mb.HasAccount, Status: PipelineNotShared}
		for _, c := range mb.CohortIDs {
			r.Cohorts = append(r.Cohorts, names[c])
		}
		sm := sums[i]
		started := false
		if shared[id].Has(ladder.ShareReadiness) {
			r.Readiness = &PipelineReadiness{Assessed: sm.Assessed, LastAssessed: sm.LastAssessed, Score: sm.Score, Confidence: sm.Confidence,
				ConfidenceLabel: readiness.ConfidenceLabel(sm.Confidence), Projection: readiness.Projection{Horizon: sm.Horizon, Score: sm.Score,
					Slope: sm.Slope, Points: sm.Points, Months: sm.Months, Reason: sm.Reason}}
			started = sm.Assessed
		}
		if shared[id].Has(ladder.SharePlan) {
			r.Plan = &PipelinePlan{HasPlan: sm.HasPlan, PlanProgress: sm.Plan}
			if sm.HasPlan {
				r.Plan.Target, r.Plan.OtherTarget = roleTitle(m, sm.Plan.TargetRole), sm.Plan.TargetRole != v.Target.Slug
			}
			started = started || sm.HasPlan
		}
		if r.Readiness != nil || r.Plan != nil {
			r.Status = map[bool]string{true: PipelineStarted, false: PipelineNotStarted}[started]
		}
		v.Rows = append(v.Rows, r)
	}
	return nil
}

func roleTitle(m *ladder.Model, slug string) string {
	if r, ok := m.Role(slug); ok {
		return r.Title
	}
	return slug
}

// sortPipeline orders rows by name, or by readiness: the highest score
// first, then those who share it without a self-assessment, then those who
// do not share it, each by name.
func sortPipeline(rows []PipelineRow, by string) {
	byName := func(a, b PipelineRow) int {
		return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.PersonID, b.PersonID))
	}
	if by == PipelineByName {
		slices.SortStableFunc(rows, byName)
		return
	}
	rank := func(r PipelineRow) int {
		switch {
		case r.Readiness == nil:
			return 2
		case !r.Readiness.Assessed:
			return 1
		}
		return 0
	}
	slices.SortStableFunc(rows, func(a, b PipelineRow) int {
		if c := cmp.Compare(rank(a), rank(b)); c != 0 {
			return c
		}
		if rank(a) == 0 {
			if c := cmp.Compare(b.Readiness.Score, a.Readiness.Score); c != 0 {
				return c
			}
		}
		return byName(a, b)
	})
}

// PipelineProgrammes lists the programmes whose pipelines the actor may
// see: their organisation's, for programme admins and owners.
func (j *Journey) PipelineProgrammes(ctx context.Context, actor *ladder.Person) ([]*ladder.OrgProgramme, error) {
	if actor == nil {
		return nil, ladder.Errorf(ladder.EUNAUTHORIZED, "Sign in first.")
	}
	id, err := j.orgFor(ctx, actor, ladder.ActOrgViewPipeline)
	if err != nil {
		return nil, err
	}
	return j.OrgProgrammes.FindProgrammes(ctx, id)
}
