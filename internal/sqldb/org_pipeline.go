package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.PipelineService = (*PipelineService)(nil)

// PipelineService reads the pipeline views' inputs for many people at
// once. Queries with lists of ids go around the statement cache, which
// would fill with one shape per length.
type PipelineService struct{ db *DB }

// NewPipelineService returns a PipelineService on db.
func NewPipelineService(db *DB) *PipelineService { return &PipelineService{db: db} }

// pipelineChunk bounds the ids of one query: SQLite takes at most 32,766
// parameters, and one round trip per 2,000 people is cheap.
const pipelineChunk = 2000

// FindPipelineMembers returns the members of a programme's cohorts (or of
// one), each once with all their cohorts of the programme: one query, one
// row per cohort place. They come by id: the views order them.
func (s *PipelineService) FindPipelineMembers(ctx context.Context, orgID, programmeID, cohortID int64) (_ []*ladder.PipelineMember, err error) {
	defer wrap(&err, "FindPipelineMembers(%d, %d)", programmeID, cohortID)
	q := `SELECT ` + personColumns + `, m.title,
		a.person_id IS NOT NULL OR EXISTS (SELECT 1 FROM sso_links l WHERE l.person_id = p.id),
		c.id
		FROM org_cohort_members cm
		JOIN org_cohorts c ON c.id = cm.cohort_id
		JOIN org_programmes g ON g.id = c.programme_id
		JOIN org_members m ON m.person_id = cm.person_id AND m.org_id = g.org_id
		JOIN persons p ON p.id = cm.person_id
		LEFT JOIN accounts a ON a.person_id = p.id
		WHERE g.org_id = $1 AND g.id = $2`
	args := []any{orgID, programmeID}
	if cohortID != 0 {
		// The cohort selects the people; each row still lists all of
		// their cohorts of the programme.
		q += ` AND cm.person_id IN (SELECT person_id FROM org_cohort_members WHERE cohort_id = $3)`
		args = append(args, cohortID)
	}
	// Two shapes only (with a cohort or without): the statement cache saves
	// planning it on every view.
	rows, err := s.db.query(ctx, q+` ORDER BY p.id, c.start_date, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.PipelineMember
	for rows.Next() {
		var title string
		var account bool
		var cohort int64
		p, err := scanPerson(rows, &title, &account, &cohort)
		if err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].Person.ID == p.ID {
			out[n-1].CohortIDs = append(out[n-1].CohortIDs, cohort)
			continue
		}
		out = append(out, &ladder.PipelineMember{Person: p, Title: title, HasAccount: account, CohortIDs: []int64{cohort}})
	}
	return out, rows.Err()
}

// pipelineIn returns "$1, $2, ..." for ids and the ids as arguments.
func pipelineIn(ids []int64) (string, []any) {
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i] = fmt.Sprintf("$%d", i+1)
		args[i] = id
	}
	return strings.Join(ph, ", "), args
}

// FindReadinessInputs returns, for each person who has any, what their
// readiness is computed from: completed self-assessments with their levels,
// evidence entries with their competencies, closed feedback rounds with the
// groups they show. It reads only the columns readiness uses, with three
// loads run side by side, each a query or two per pipelineChunk people.
func (s *PipelineService) FindReadinessInputs(ctx context.Context, ids []int64) (_ map[int64]*ladder.ReadinessInputs, err error) {
	defer wrap(&err, "FindReadinessInputs(%d people)", len(ids))
	out := map[int64]*ladder.ReadinessInputs{}
	of := func(id int64) *ladder.ReadinessInputs {
		in := out[id]
		if in == nil {
			in = &ladder.ReadinessInputs{}
			out[id] = in
		}
		return in
	}
	for chunk := range slices.Chunk(ids, pipelineChunk) {
		in, args := pipelineIn(chunk)
		var as []*ladder.Assessment
		var es []*ladder.Evidence
		var rs []*ladder.FeedbackRound
		err := together(
			func() (err error) { as, err = s.assessments(ctx, in, args); return err },
			func() (err error) { es, err = s.evidence(ctx, in, args); return err },
			func() (err error) { rs, err = s.closedRounds(ctx, in, args); return err },
		)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			of(a.PersonID).Assessments = append(of(a.PersonID).Assessments, a)
		}
		for _, e := range es {
			of(e.PersonID).Evidence = append(of(e.PersonID).Evidence, e)
		}
		for _, r := range rs {
			of(r.PersonID).Feedback = append(of(r.PersonID).Feedback, r)
		}
	}
	return out, nil
}

// together runs the loads at once, each on a connection of its own, and
// returns the first error.
func together(loads ...func() error) error {
	errs := make([]error, len(loads))
	var wg sync.WaitGroup
	for i, load := range loads {
		wg.Go(func() { errs[i] = load() })
	}
	wg.Wait()
	return errors.Join(errs...)
}

// assessments reads the completed self-assessments of the people in the
// list, oldest first per person, with their levels (no notes: readiness
// does not read them).
func (s *PipelineService) assessments(ctx context.Context, in string, args []any) ([]*ladder.Assessment, error) {
	sel := `FROM assessments a WHERE a.kind = 'self' AND a.completed_at IS NOT NULL AND a.person_id IN (` + in + `)`
	var out []*ladder.Assessment
	byID := map[int64]*ladder.Assessment{}
	err := s.scanAll(ctx, `SELECT a.id, a.person_id, a.target_role, a.started_at, a.completed_at `+sel+
		` ORDER BY a.person_id, a.started_at, a.id`, args, func(rows *sql.Rows) error {
		a := &ladder.Assessment{Kind: ladder.AssessSelf}
		if err := rows.Scan(&a.ID, &a.PersonID, &a.TargetRole, &a.StartedAt, &a.CompletedAt); err != nil {
			return err
		}
		out = append(out, a)
		byID[a.ID] = a
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	// In no particular order: an assessment rates a competency once.
	return out, s.scanAll(ctx, `SELECT r.assessment_id, r.competency, r.level FROM ratings r
		WHERE r.assessment_id IN (SELECT a.id `+sel+`)`, args, func(rows *sql.Rows) error {
		var id int64
		var r ladder.Rating
		if err := rows.Scan(&id, &r.Competency, &r.Level); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.Ratings = append(a.Ratings, r)
		}
		return nil
	})
}

// evidence reads the evidence entries of the people in the list, newest
// first, with their dates, kind and competencies: one query over the links,
// which carry the person.
func (s *PipelineService) evidence(ctx context.Context, in string, args []any) ([]*ladder.Evidence, error) {
	var out []*ladder.Evidence
	var last *ladder.Evidence
	err := s.scanAll(ctx, `SELECT e.id, e.person_id, e.kind, e.start_date, e.end_date, ec.competency
		FROM evidence_competencies ec JOIN evidence e ON e.id = ec.evidence_id
		WHERE ec.person_id IN (`+in+`) ORDER BY e.start_date DESC, e.id DESC, ec.seq`, args, func(rows *sql.Rows) error {
		var e ladder.Evidence
		var end sql.NullTime
		var c string
		if err := rows.Scan(&e.ID, &e.PersonID, &e.Kind, &e.Start, &end, &c); err != nil {
			return err
		}
		if last == nil || last.ID != e.ID {
			e.Start = e.Start.UTC()
			if end.Valid {
				e.End = end.Time.UTC()
			}
			last = &e
			out = append(out, last)
		}
		last.Competencies = append(last.Competencies, c)
		return nil
	})
	return out, err
}

// closedRounds reads the closed feedback rounds of the people in the list,
// newest first, with the groups they show (FeedbackResults.Cells): what
// the level computation reads of them. Their competencies are those of the
// cells: a competency nobody is shown on adds nothing to the levels.
func (s *PipelineService) closedRounds(ctx context.Context, in string, args []any) ([]*ladder.FeedbackRound, error) {
	sel := `FROM feedback_rounds WHERE closed_at IS NOT NULL AND person_id IN (` + in + `)`
	var out []*ladder.FeedbackRound
	byID := map[int64]*ladder.FeedbackRound{}
	err := s.scanAll(ctx, `SELECT `+feedbackRoundColumns+` `+sel+` ORDER BY created_at DESC, id DESC`, args, func(rows *sql.Rows) error {
		r, err := scanFeedbackRound(rows)
		if err != nil {
			return err
		}
		r.Results = &ladder.FeedbackResults{Self: map[string]int{}}
		out = append(out, r)
		byID[r.ID] = r
		return nil
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.scanAll(ctx, `SELECT round_id, competency, grp, raters, total FROM feedback_shown_cells
		WHERE round_id IN (SELECT id `+sel+`) ORDER BY round_id, competency, grp`, args, func(rows *sql.Rows) error {
		var id int64
		var c ladder.FeedbackCell
		if err := rows.Scan(&id, &c.Competency, &c.Group, &c.Raters, &c.Sum); err != nil {
			return err
		}
		r := byID[id]
		if n := len(r.Competencies); n == 0 || r.Competencies[n-1] != c.Competency {
			r.Competencies = append(r.Competencies, c.Competency)
		}
		r.Results.Cells = append(r.Results.Cells, c)
		return nil
	})
}

func (s *PipelineService) scanAll(ctx context.Context, q string, args []any, scan func(*sql.Rows) error) error {
	rows, err := s.db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// FindPlanProgress counts each plan's actions from one query per
// pipelineChunk people (a row an action: counting in Go also gives the
// next due day, which engines return in different forms from MIN). An
// action is overdue as PlanReminders says: not done, not dropped and due
// before today.
func (s *PipelineService) FindPlanProgress(ctx context.Context, ids []int64, today time.Time) (_ map[int64]ladder.PlanProgress, err error) {
	defer wrap(&err, "FindPlanProgress(%d people)", len(ids))
	today = ladder.Day(today)
	out := map[int64]ladder.PlanProgress{}
	for chunk := range slices.Chunk(ids, pipelineChunk) {
		in, args := pipelineIn(chunk)
		err := s.scanAll(ctx, `SELECT p.person_id, p.target_role, a.done, a.due_date
			FROM plans p
			LEFT JOIN plan_goals g ON g.plan_id = p.id
			LEFT JOIN plan_actions a ON a.goal_id = g.id AND NOT a.dropped
			WHERE p.person_id IN (`+in+`)`, args, func(rows *sql.Rows) error {
			var id int64
			var target string
			var done sql.NullBool
			var due sql.NullTime
			if err := rows.Scan(&id, &target, &done, &due); err != nil {
				return err
			}
			pp := out[id]
			pp.TargetRole = target
			if due.Valid {
				pp.Total++
				day := ladder.Day(due.Time)
				switch {
				case done.Bool:
					pp.Done++
				case day.Before(today):
					pp.Overdue++
				case pp.NextDue.IsZero() || day.Before(pp.NextDue):
					pp.NextDue = day
				}
			}
			out[id] = pp
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// FindPipelineSummaries returns the kept summaries of the people in ids
// for target, one query per pipelineChunk people.
func (s *PipelineService) FindPipelineSummaries(ctx context.Context, target string, ids []int64) (_ map[int64]*ladder.PipelineSummary, err error) {
	defer wrap(&err, "FindPipelineSummaries(%d people)", len(ids))
	out := map[int64]*ladder.PipelineSummary{}
	for chunk := range slices.Chunk(ids, pipelineChunk) {
		in, args := pipelineIn(chunk)
		args = append(args, target)
		q := fmt.Sprintf(`SELECT `+pipelineSummaryColumns+` FROM pipeline_summaries WHERE target_role = $%d AND person_id IN (%s)`, len(args), in)
		err := s.scanAll(ctx, q, args, func(rows *sql.Rows) error {
			var sm ladder.PipelineSummary
			var last, next sql.NullTime
			if err := rows.Scan(&sm.PersonID, &sm.TargetRole, &sm.DataVersion, &sm.ModelKey, &sm.ValidUntil, &sm.HasReadiness, &sm.Assessed,
				&last, &sm.Score, &sm.Confidence, &sm.Horizon, &sm.Slope, &sm.Months, &sm.Points, &sm.Reason, &sm.HasPlanPart, &sm.HasPlan,
				&sm.Plan.TargetRole, &sm.Plan.Done, &sm.Plan.Total, &sm.Plan.Overdue, &next); err != nil {
				return err
			}
			sm.LastAssessed, sm.Plan.NextDue = last.Time, next.Time
			out[sm.PersonID] = &sm
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

const pipelineSummaryColumns = `person_id, target_role, data_version, model_key, valid_until, has_readiness, assessed, last_assessed,
	score, confidence, horizon, slope, months, points, reason, has_plan_part, has_plan, plan_target, plan_done, plan_total, plan_overdue,
	plan_next_due`

// SavePipelineSummaries keeps the summaries in one transaction, with
// multi-row upserts: they are derived from the people's data, so whoever
// writes last (another replica, say) writes the same figures.
func (s *PipelineService) SavePipelineSummaries(ctx context.Context, ss []*ladder.PipelineSummary) (err error) {
	defer wrap(&err, "SavePipelineSummaries(%d)", len(ss))
	if len(ss) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// A hundred rows a statement: SQLite looks each numbered parameter up
	// by name, which grows with their square.
	const cols = 22
	for batch := range slices.Chunk(ss, 100) {
		var q strings.Builder
		q.WriteString(`INSERT INTO pipeline_summaries (` + pipelineSummaryColumns + `) VALUES `)
		args := make([]any, 0, len(batch)*cols)
		for i, sm := range batch {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteByte('(')
			for c := range cols {
				if c > 0 {
					q.WriteString(", ")
				}
				fmt.Fprintf(&q, "$%d", i*cols+c+1)
			}
			q.WriteByte(')')
			args = append(args, sm.PersonID, sm.TargetRole, sm.DataVersion, sm.ModelKey, sm.ValidUntil.UTC(), sm.HasReadiness, sm.Assessed,
				timeOrNil(sm.LastAssessed), sm.Score, sm.Confidence, sm.Horizon, sm.Slope, sm.Months, sm.Points, sm.Reason, sm.HasPlanPart,
				sm.HasPlan, sm.Plan.TargetRole, sm.Plan.Done, sm.Plan.Total, sm.Plan.Overdue, timeOrNil(sm.Plan.NextDue))
		}
		q.WriteString(` ON CONFLICT (person_id, target_role) DO UPDATE SET data_version = excluded.data_version,
			model_key = excluded.model_key, valid_until = excluded.valid_until, has_readiness = excluded.has_readiness,
			assessed = excluded.assessed, last_assessed = excluded.last_assessed, score = excluded.score, confidence = excluded.confidence,
			horizon = excluded.horizon, slope = excluded.slope, months = excluded.months, points = excluded.points, reason = excluded.reason,
			has_plan_part = excluded.has_plan_part, has_plan = excluded.has_plan, plan_target = excluded.plan_target,
			plan_done = excluded.plan_done, plan_total = excluded.plan_total, plan_overdue = excluded.plan_overdue,
			plan_next_due = excluded.plan_next_due`)
		if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
			return mapErr(err)
		}
	}
	return tx.Commit()
}
