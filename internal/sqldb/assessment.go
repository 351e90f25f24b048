package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.AssessmentService = (*AssessmentService)(nil)

// AssessmentService stores assessments and their ratings. The model is used
// to validate ratings; pass the model in use.
type AssessmentService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewAssessmentService returns an AssessmentService on db that validates
// ratings against the model returned by model.
func NewAssessmentService(db *DB, model func(context.Context) (*ladder.Model, error)) *AssessmentService {
	return &AssessmentService{db: db, model: model}
}

// FindAssessmentByID returns one assessment with its ratings.
func (s *AssessmentService) FindAssessmentByID(ctx context.Context, personID, id int64) (*ladder.Assessment, error) {
	as, err := s.find(ctx, "a.id = $1 AND a.person_id = $2", []any{id, personID}, 0)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Assessment not found.")
	}
	return as[0], nil
}

// FindAssessments returns the assessments matching f, oldest first, with
// their ratings (two queries, whatever the number of assessments).
func (s *AssessmentService) FindAssessments(ctx context.Context, f ladder.AssessmentFilter) ([]*ladder.Assessment, error) {
	var where []string
	var args []any
	add := func(clause string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(clause, len(args)))
	}
	if f.PersonID != 0 {
		add("a.person_id = $%d", f.PersonID)
	}
	if f.Kind != "" {
		add("a.kind = $%d", f.Kind)
	}
	if f.Completed != nil {
		if *f.Completed {
			where = append(where, "a.completed_at IS NOT NULL")
		} else {
			where = append(where, "a.completed_at IS NULL")
		}
	}
	cond := "1 = 1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	return s.find(ctx, cond, args, f.Limit)
}

func (s *AssessmentService) find(ctx context.Context, cond string, args []any, limit int) (_ []*ladder.Assessment, err error) {
	defer wrap(&err, "FindAssessments")
	// With a limit, the newest assessments are wanted, returned oldest first.
	order := "a.started_at, a.id"
	if limit > 0 {
		order = "a.started_at DESC, a.id DESC"
	}
	rows, err := s.db.query(ctx, `SELECT a.id, a.person_id, a.kind, a.target_role, a.started_at, a.completed_at
		FROM assessments a WHERE `+cond+` ORDER BY `+order+limitClause(0, limit), args...)
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
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if limit > 0 {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	if len(out) == 0 {
		return out, nil
	}
	return out, s.loadRatings(ctx, byID)
}

// loadRatings fills the ratings of the assessments in byID with one query.
func (s *AssessmentService) loadRatings(ctx context.Context, byID map[int64]*ladder.Assessment) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	rows, err := s.db.query(ctx, `SELECT assessment_id, competency, level, note, rated_at
		FROM ratings WHERE assessment_id IN (`+strings.Join(ids, ", ")+`)
		ORDER BY assessment_id, rated_at, competency`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var r ladder.Rating
		if err := rows.Scan(&id, &r.Competency, &r.Level, &r.Note, &r.RatedAt); err != nil {
			return err
		}
		if a := byID[id]; a != nil {
			a.Ratings = append(a.Ratings, r)
		}
	}
	return rows.Err()
}

// CreateAssessment stores a with its ratings in one transaction.
func (s *AssessmentService) CreateAssessment(ctx context.Context, a *ladder.Assessment) (err error) {
	defer wrap(&err, "CreateAssessment")
	if a.Kind == "" {
		a.Kind = ladder.AssessSelf
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	if err := ladder.ValidateRatings(m, a.Ratings); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if a.StartedAt.IsZero() {
		a.StartedAt = tx.now
	}
	err = tx.QueryRowContext(ctx, `INSERT INTO assessments (person_id, kind, target_role, started_at, completed_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, a.PersonID, a.Kind, a.TargetRole, a.StartedAt, timeOrNil(a.CompletedAt)).Scan(&a.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	if err := upsertRatings(ctx, tx, a.ID, a.Ratings); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, a.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// SaveRatings adds or replaces ratings of an assessment, all or none.
func (s *AssessmentService) SaveRatings(ctx context.Context, personID, id int64, rs []ladder.Rating) (err error) {
	defer wrap(&err, "SaveRatings(%d)", id)
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	if err := ladder.ValidateRatings(m, rs); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM assessments WHERE id = $1 AND person_id = $2`, id, personID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Assessment not found.")
	}
	if err := upsertRatings(ctx, tx, id, rs); err != nil {
		return err
	}
	if err := touchAssessmentOwner(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit()
}

func upsertRatings(ctx context.Context, tx *Tx, id int64, rs []ladder.Rating) error {
	for i := range rs {
		r := &rs[i]
		if r.RatedAt.IsZero() {
			r.RatedAt = tx.now
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO ratings (assessment_id, competency, level, note, rated_at)
			VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT (assessment_id, competency) DO UPDATE SET level = excluded.level, note = excluded.note, rated_at = excluded.rated_at`,
			id, r.Competency, r.Level, r.Note, r.RatedAt)
		if err := mapErr(err); err != nil {
			return err
		}
	}
	return nil
}

// CompleteAssessment marks an assessment finished now.
func (s *AssessmentService) CompleteAssessment(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "CompleteAssessment(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE assessments SET completed_at = $1 WHERE id = $2 AND person_id = $3`, tx.now, id, personID)); err != nil {
		return err
	}
	if err := touchAssessmentOwner(ctx, tx, id); err != nil {
		return err
	}
	return tx.Commit()
}

// DeleteAssessment removes an assessment and its ratings.
func (s *AssessmentService) DeleteAssessment(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteAssessment(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := touchAssessmentOwner(ctx, tx, id); err != nil {
		return err
	}
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM assessments WHERE id = $1 AND person_id = $2`, id, personID)); err != nil {
		return err
	}
	return tx.Commit()
}

// mustAffect turns a statement that touched no row into ENOTFOUND.
func mustAffect(res sql.Result, err error) error {
	if err != nil {
		return mapErr(err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return err
	} else if n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Not found.")
	}
	return nil
}

// timeOrNil passes a zero time as NULL.
func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
