package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.PipelineService = (*PipelineService)(nil)

// PipelineService reads the pipeline views' inputs for many people at
// once. Its lists of ids vary in length, so its queries go around the
// statement cache (which would fill with one shape per length).
type PipelineService struct{ db *DB }

// NewPipelineService returns a PipelineService on db.
func NewPipelineService(db *DB) *PipelineService { return &PipelineService{db: db} }

// pipelineChunk bounds the ids of one query: SQLite takes at most 32,766
// parameters, and one round trip per 2,000 people is cheap.
const pipelineChunk = 2000

// FindPipelineMembers returns the members of a programme's cohorts (or of
// one), by name, each once with all their cohorts of the programme: one
// query, one row per cohort place.
func (s *PipelineService) FindPipelineMembers(ctx context.Context, orgID, programmeID, cohortID int64) (_ []*ladder.PipelineMember, err error) {
	defer wrap(&err, "FindPipelineMembers(%d, %d)", programmeID, cohortID)
	q := `SELECT ` + personColumns + `, m.title,
		(SELECT COUNT(*) FROM accounts a WHERE a.person_id = p.id) + (SELECT COUNT(*) FROM sso_links l WHERE l.person_id = p.id),
		c.id
		FROM org_cohort_members cm
		JOIN org_cohorts c ON c.id = cm.cohort_id
		JOIN org_programmes g ON g.id = c.programme_id
		JOIN org_members m ON m.person_id = cm.person_id AND m.org_id = g.org_id
		JOIN persons p ON p.id = cm.person_id
		WHERE g.org_id = $1 AND g.id = $2`
	args := []any{orgID, programmeID}
	if cohortID != 0 {
		// The cohort selects the people; each row still lists all of
		// their cohorts of the programme.
		q += ` AND cm.person_id IN (SELECT person_id FROM org_cohort_members WHERE cohort_id = $3)`
		args = append(args, cohortID)
	}
	rows, err := s.db.db.QueryContext(ctx, q+` ORDER BY p.name, p.id, c.start_date, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.PipelineMember
	for rows.Next() {
		var title string
		var accounts int
		var cohort int64
		p, err := scanPerson(rows, &title, &accounts, &cohort)
		if err != nil {
			return nil, err
		}
		if n := len(out); n > 0 && out[n-1].Person.ID == p.ID {
			out[n-1].CohortIDs = append(out[n-1].CohortIDs, cohort)
			continue
		}
		out = append(out, &ladder.PipelineMember{Person: p, Title: title, HasAccount: accounts > 0, CohortIDs: []int64{cohort}})
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

// FindReadinessInputs returns each person's self-assessments, evidence
// log and closed feedback rounds, in the orders Snapshot reads them, with
// seven queries per pipelineChunk people.
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
		as, err := s.assessments(ctx, in, args)
		if err != nil {
			return nil, err
		}
		for _, a := range as {
			of(a.PersonID).Assessments = append(of(a.PersonID).Assessments, a)
		}
		es, err := (&EvidenceService{db: s.db}).find(ctx, s.db.db.QueryContext, "e.person_id IN ("+in+")", args, "")
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			of(e.PersonID).Evidence = append(of(e.PersonID).Evidence, e)
		}
		rs, err := s.closedRounds(ctx, in, args)
		if err != nil {
			return nil, err
		}
		for _, r := range rs {
			of(r.PersonID).Feedback = append(of(r.PersonID).Feedback, r)
		}
	}
	return out, nil
}

// assessments reads the self-assessments of the people in the list with
// their ratings, oldest first per person as FindAssessments returns them.
func (s *PipelineService) assessments(ctx context.Context, in string, args []any) ([]*ladder.Assessment, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT a.id, a.person_id, a.kind, a.target_role, a.started_at, a.completed_at
		FROM assessments a WHERE a.kind = 'self' AND a.person_id IN (`+in+`) ORDER BY a.person_id, a.started_at, a.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Assessment
	byID := map[int64]*ladder.Assessment{}
	for rows.Next() {
		a := &ladder.Assessment{}
		var done sql.NullTime
		if err := rows.Scan(&a.ID, &a.PersonID, &a.Kind, &a.TargetRole, &a.StartedAt, &done); err != nil {
			return nil, err
		}
		a.CompletedAt = done.Time
		out = append(out, a)
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows.Close()
	rows, err = s.db.db.QueryContext(ctx, `SELECT r.assessment_id, r.competency, r.level, r.note, r.rated_at
		FROM ratings r JOIN assessments a ON a.id = r.assessment_id
		WHERE a.kind = 'self' AND a.person_id IN (`+in+`) ORDER BY r.assessment_id, r.rated_at, r.competency`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r ladder.Rating
		if err := rows.Scan(&id, &r.Competency, &r.Level, &r.Note, &r.RatedAt); err != nil {
			return nil, err
		}
		if a := byID[id]; a != nil {
			a.Ratings = append(a.Ratings, r)
		}
	}
	return out, rows.Err()
}

// closedRounds reads the closed feedback rounds of the people in the list,
// newest first as FindFeedbackRounds returns them, with their competencies,
// counts and shown cells: what the level computation reads of them.
func (s *PipelineService) closedRounds(ctx context.Context, in string, args []any) ([]*ladder.FeedbackRound, error) {
	sel := `FROM feedback_rounds WHERE closed_at IS NOT NULL AND person_id IN (` + in + `)`
	rows, err := s.db.db.QueryContext(ctx, `SELECT `+feedbackRoundColumns+` `+sel+` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.FeedbackRound
	byID := map[int64]*ladder.FeedbackRound{}
	for rows.Next() {
		r := &ladder.FeedbackRound{Counts: map[string]ladder.FeedbackCount{}, Results: &ladder.FeedbackResults{Self: map[string]int{}}}
		m := &r.Minimums
		var closed sql.NullTime
		if err := rows.Scan(&r.ID, &r.PersonID, &r.Title, &r.ClosesOn, &m.Manager, &m.Peer, &m.Report, &m.Stakeholder,
			&m.Others, &m.NameManager, &closed, &r.CreatedAt, &r.UpdatedAt); err != nil {
			return nil, err
		}
		r.ClosedAt = closed.Time
		out = append(out, r)
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows.Close()
	ids := `SELECT id ` + sel
	parts := []struct {
		q    string
		scan func(*sql.Rows) error
	}{
		{`SELECT round_id, competency FROM feedback_round_competencies WHERE round_id IN (` + ids + `) ORDER BY round_id, position`,
			func(rows *sql.Rows) error {
				var id int64
				var c string
				if err := rows.Scan(&id, &c); err != nil {
					return err
				}
				byID[id].Competencies = append(byID[id].Competencies, c)
				return nil
			}},
		{`SELECT round_id, category, invited, answered FROM feedback_counts WHERE round_id IN (` + ids + `)`,
			func(rows *sql.Rows) error {
				var id int64
				var c string
				var n ladder.FeedbackCount
				if err := rows.Scan(&id, &c, &n.Invited, &n.Answered); err != nil {
					return err
				}
				byID[id].Counts[c] = n
				return nil
			}},
		{`SELECT round_id, competency, grp, raters, total FROM feedback_shown_cells WHERE round_id IN (` + ids + `)
			ORDER BY round_id, competency, grp`,
			func(rows *sql.Rows) error {
				var id int64
				var c ladder.FeedbackCell
				if err := rows.Scan(&id, &c.Competency, &c.Group, &c.Raters, &c.Sum); err != nil {
					return err
				}
				res := byID[id].Results
				res.Cells = append(res.Cells, c)
				return nil
			}},
	}
	for _, p := range parts {
		if err := s.scanAll(ctx, p.q, args, p.scan); err != nil {
			return nil, err
		}
	}
	return out, nil
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

// FindPlanProgress counts each plan's actions in one query per
// pipelineChunk people. An action is overdue as PlanReminders says: not
// done, not dropped and due before today.
func (s *PipelineService) FindPlanProgress(ctx context.Context, ids []int64, today time.Time) (_ map[int64]ladder.PlanProgress, err error) {
	defer wrap(&err, "FindPlanProgress(%d people)", len(ids))
	out := map[int64]ladder.PlanProgress{}
	for chunk := range slices.Chunk(ids, pipelineChunk) {
		in, args := pipelineIn(chunk)
		args = append(args, ladder.Day(today))
		q := fmt.Sprintf(`SELECT p.person_id, p.target_role, COUNT(a.id),
			COALESCE(SUM(CASE WHEN a.done THEN 1 ELSE 0 END), 0),
			COALESCE(SUM(CASE WHEN NOT a.done AND a.due_date < $%d THEN 1 ELSE 0 END), 0)
			FROM plans p
			LEFT JOIN plan_goals g ON g.plan_id = p.id
			LEFT JOIN plan_actions a ON a.goal_id = g.id AND NOT a.dropped
			WHERE p.person_id IN (%s) GROUP BY p.person_id, p.target_role`, len(args), in)
		err := s.scanAll(ctx, q, args, func(rows *sql.Rows) error {
			var id int64
			var pp ladder.PlanProgress
			if err := rows.Scan(&id, &pp.TargetRole, &pp.Total, &pp.Done, &pp.Overdue); err != nil {
				return err
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
