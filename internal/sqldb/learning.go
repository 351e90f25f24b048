package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.LearningService = (*LearningService)(nil)

// LearningService stores learning items with their competencies, and the
// weekly time logs.
type LearningService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewLearningService returns a LearningService that checks competency keys
// against the model returned by model.
func NewLearningService(db *DB, model func(context.Context) (*ladder.Model, error)) *LearningService {
	return &LearningService{db: db, model: model}
}

const learningColumns = `id, person_id, title, kind, link, status, progress, started_at, finished_at, progressed_at,
	notes, from_catalog, created_at, updated_at`

// FindLearningItem returns one item of the person.
func (s *LearningService) FindLearningItem(ctx context.Context, personID, id int64) (*ladder.LearningItem, error) {
	its, err := s.find(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(its) == 0 {
		return nil, errLearningNotFound()
	}
	return its[0], nil
}

// FindLearningItems returns the person's items, unfinished first.
func (s *LearningService) FindLearningItems(ctx context.Context, personID int64) (_ []*ladder.LearningItem, err error) {
	defer wrap(&err, "FindLearningItems")
	return s.find(ctx, `person_id = $1`, personID)
}

func (s *LearningService) find(ctx context.Context, cond string, args ...any) ([]*ladder.LearningItem, error) {
	rows, err := s.db.query(ctx, `SELECT `+learningColumns+` FROM learning_items WHERE `+cond+
		` ORDER BY CASE WHEN status = 'done' THEN 1 ELSE 0 END, created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.LearningItem
	byID := map[int64]*ladder.LearningItem{}
	for rows.Next() {
		it := &ladder.LearningItem{}
		var started, finished, progressed sql.NullTime
		if err := rows.Scan(&it.ID, &it.PersonID, &it.Title, &it.Kind, &it.Link, &it.Status, &it.Progress,
			&started, &finished, &progressed, &it.Notes, &it.FromCatalog, &it.CreatedAt, &it.UpdatedAt); err != nil {
			return nil, err
		}
		it.StartedAt, it.FinishedAt, it.ProgressedAt = started.Time, finished.Time, progressed.Time
		out = append(out, it)
		byID[it.ID] = it
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadCompetencies(ctx, byID)
}

func (s *LearningService) loadCompetencies(ctx context.Context, byID map[int64]*ladder.LearningItem) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT item_id, competency FROM learning_item_competencies
		WHERE item_id IN (`+strings.Join(ids, ", ")+`) ORDER BY item_id, competency`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return err
		}
		byID[id].Competencies = append(byID[id].Competencies, c)
	}
	return rows.Err()
}

// validate checks the item and its competency keys against the model.
func (s *LearningService) validate(ctx context.Context, it *ladder.LearningItem) error {
	if err := it.Validate(); err != nil {
		return err
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	for _, k := range it.Competencies {
		if _, ok := m.Competency(k); !ok {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The learning item is not valid.",
				Fields: map[string]string{"competencies": fmt.Sprintf("unknown competency %q", k)}}
		}
	}
	it.Competencies = uniqueSorted(it.Competencies)
	return nil
}

// stamp sets the dates that follow from the status at now: started when it
// leaves "planned", finished when done, progressed when progress or status
// changed from old (nil for a new item).
func stampLearning(it, old *ladder.LearningItem, now time.Time) {
	if old != nil {
		it.StartedAt, it.FinishedAt, it.ProgressedAt = old.StartedAt, old.FinishedAt, old.ProgressedAt
		it.CreatedAt = old.CreatedAt
	}
	if it.Status != ladder.LearningPlanned && it.StartedAt.IsZero() {
		it.StartedAt = now
	}
	if it.Status == ladder.LearningDone {
		if it.FinishedAt.IsZero() {
			it.FinishedAt = now
		}
	} else {
		it.FinishedAt = time.Time{}
	}
	if (old == nil && it.Progress > 0) || (old != nil && (old.Progress != it.Progress || old.Status != it.Status)) {
		it.ProgressedAt = now
	}
	it.UpdatedAt = now
}

func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }

// CreateLearningItem stores it with its competencies.
func (s *LearningService) CreateLearningItem(ctx context.Context, it *ladder.LearningItem) (err error) {
	defer wrap(&err, "CreateLearningItem")
	if err := s.validate(ctx, it); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	it.CreatedAt = tx.now
	stampLearning(it, nil, tx.now)
	err = tx.QueryRowContext(ctx, `INSERT INTO learning_items (person_id, title, kind, link, status, progress,
		started_at, finished_at, progressed_at, notes, from_catalog, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		it.PersonID, it.Title, it.Kind, it.Link, it.Status, it.Progress, nullTime(it.StartedAt), nullTime(it.FinishedAt),
		nullTime(it.ProgressedAt), it.Notes, it.FromCatalog, it.CreatedAt, it.UpdatedAt).Scan(&it.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	if err := writeLearningCompetencies(ctx, tx, it); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, it.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// UpdateLearningItem replaces the fields of the person's item it.ID.
func (s *LearningService) UpdateLearningItem(ctx context.Context, it *ladder.LearningItem) (err error) {
	defer wrap(&err, "UpdateLearningItem(%d)", it.ID)
	if err := s.validate(ctx, it); err != nil {
		return err
	}
	old, err := s.FindLearningItem(ctx, it.PersonID, it.ID)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stampLearning(it, old, tx.now)
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE learning_items SET title = $1, kind = $2, link = $3, status = $4,
		progress = $5, started_at = $6, finished_at = $7, progressed_at = $8, notes = $9, from_catalog = $10, updated_at = $11
		WHERE id = $12 AND person_id = $13`,
		it.Title, it.Kind, it.Link, it.Status, it.Progress, nullTime(it.StartedAt), nullTime(it.FinishedAt),
		nullTime(it.ProgressedAt), it.Notes, it.FromCatalog, it.UpdatedAt, it.ID, it.PersonID)); err != nil {
		return learningNotFound(err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM learning_item_competencies WHERE item_id = $1`, it.ID); err != nil {
		return err
	}
	if err := writeLearningCompetencies(ctx, tx, it); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, it.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func writeLearningCompetencies(ctx context.Context, tx *Tx, it *ladder.LearningItem) error {
	for _, c := range it.Competencies {
		if _, err := tx.ExecContext(ctx, `INSERT INTO learning_item_competencies (item_id, competency) VALUES ($1, $2)`, it.ID, c); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// DeleteLearningItem removes the person's item id.
func (s *LearningService) DeleteLearningItem(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteLearningItem(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM learning_items WHERE id = $1 AND person_id = $2`, id, personID)); err != nil {
		return learningNotFound(err)
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// LogWeek creates or replaces the person's log of l.Week.
func (s *LearningService) LogWeek(ctx context.Context, l *ladder.TimeLog) (err error) {
	defer wrap(&err, "LogWeek")
	if err := l.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, `INSERT INTO time_logs (person_id, week, technical_hours, managerial_hours, learning_hours,
		note, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
		ON CONFLICT (person_id, week) DO UPDATE SET technical_hours = excluded.technical_hours,
		managerial_hours = excluded.managerial_hours, learning_hours = excluded.learning_hours, note = excluded.note,
		updated_at = excluded.updated_at RETURNING id`,
		l.PersonID, l.Week, l.TechnicalHours, l.ManagerialHours, l.LearningHours, l.Note, tx.now).Scan(&l.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, l.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// FindWeeks returns the person's logs between from and to, oldest first.
func (s *LearningService) FindWeeks(ctx context.Context, personID int64, from, to time.Time) (_ []*ladder.TimeLog, err error) {
	defer wrap(&err, "FindWeeks")
	where := []string{"person_id = $1"}
	args := []any{personID}
	if !from.IsZero() {
		args = append(args, from)
		where = append(where, fmt.Sprintf("week >= $%d", len(args)))
	}
	if !to.IsZero() {
		args = append(args, to)
		where = append(where, fmt.Sprintf("week <= $%d", len(args)))
	}
	rows, err := s.db.query(ctx, `SELECT id, person_id, week, technical_hours, managerial_hours, learning_hours, note
		FROM time_logs WHERE `+strings.Join(where, " AND ")+` ORDER BY week`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.TimeLog
	for rows.Next() {
		l := &ladder.TimeLog{}
		if err := rows.Scan(&l.ID, &l.PersonID, &l.Week, &l.TechnicalHours, &l.ManagerialHours, &l.LearningHours, &l.Note); err != nil {
			return nil, err
		}
		l.Week = l.Week.UTC()
		out = append(out, l)
	}
	return out, rows.Err()
}

func errLearningNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Learning item not found.") }

func learningNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errLearningNotFound()
	}
	return err
}
