package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.ManagerService = (*ManagerService)(nil)

// ManagerService stores the manager record, the 30/60/90-day plan and the
// weekly trust checklist.
type ManagerService struct {
	db *DB
	// knownHabit says whether a trust habit key exists in the content.
	knownHabit func(string) bool
}

// NewManagerService returns a ManagerService that checks trust habit keys
// with knownHabit.
func NewManagerService(db *DB, knownHabit func(string) bool) *ManagerService {
	return &ManagerService{db: db, knownHabit: knownHabit}
}

// personTx runs fn in a transaction that bumps the person's data version,
// and commits it.
func (d *DB) personTx(ctx context.Context, personID int64, fn func(tx *Tx) error) error {
	tx, err := d.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// FindManagerRole returns the person's manager record.
func (s *ManagerService) FindManagerRole(ctx context.Context, personID int64) (_ *ladder.ManagerRole, err error) {
	defer wrap(&err, "FindManagerRole")
	m := &ladder.ManagerRole{PersonID: personID}
	err = s.db.queryRow(ctx, `SELECT start_date, team_name, team_size, title, situation, created_at, updated_at
		FROM manager_roles WHERE person_id = $1`, personID).Scan(&m.Start, &m.TeamName, &m.TeamSize, &m.Title, &m.Situation,
		&m.CreatedAt, &m.UpdatedAt)
	if err == sql.ErrNoRows {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "No manager record: record your new role first.")
	} else if err != nil {
		return nil, err
	}
	m.Start = m.Start.UTC()
	return m, nil
}

// SaveManagerRole creates or replaces the record and the plan, all or none.
func (s *ManagerService) SaveManagerRole(ctx context.Context, m *ladder.ManagerRole, steps []*ladder.First90Step) (err error) {
	defer wrap(&err, "SaveManagerRole")
	if err := m.Validate(); err != nil {
		return err
	}
	for i, st := range steps {
		st.PersonID = m.PersonID
		if err := st.Validate(); err != nil {
			return fmt.Errorf("step %d (%s): %w", i, st.Key, err)
		}
	}
	return s.db.personTx(ctx, m.PersonID, func(tx *Tx) error {
		if m.CreatedAt.IsZero() {
			m.CreatedAt = tx.now
		}
		m.UpdatedAt = tx.now
		// The created time of an existing record wins over the caller's.
		err := tx.QueryRowContext(ctx, `INSERT INTO manager_roles (person_id, start_date, team_name, team_size, title, situation,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (person_id) DO UPDATE SET start_date = excluded.start_date, team_name = excluded.team_name,
			team_size = excluded.team_size, title = excluded.title, situation = excluded.situation, updated_at = excluded.updated_at
			RETURNING created_at`,
			m.PersonID, m.Start, m.TeamName, m.TeamSize, m.Title, m.Situation, m.CreatedAt, m.UpdatedAt).Scan(&m.CreatedAt)
		if err := mapErr(err); err != nil {
			return err
		}
		return replaceSteps(ctx, tx, m.PersonID, steps)
	})
}

// replaceSteps makes steps the person's plan: known ids are updated, new
// steps inserted, the rest deleted.
func replaceSteps(ctx context.Context, tx *Tx, personID int64, steps []*ladder.First90Step) error {
	keep := []string{"0"}
	for _, st := range steps {
		if st.ID == 0 {
			continue
		}
		if err := mustAffect(tx.ExecContext(ctx, `UPDATE first90_steps SET step_key = $1, phase = $2, title = $3, description = $4,
			theme = $5, emphasised = $6, due_date = $7, done = $8, done_at = $9, note = $10 WHERE id = $11 AND person_id = $12`,
			st.Key, st.Phase, st.Title, st.Description, st.Theme, st.Emphasised, st.Due, st.Done, nullTime(st.DoneAt), st.Note,
			st.ID, personID)); err != nil {
			return stepNotFound(err)
		}
		keep = append(keep, fmt.Sprint(st.ID))
	}
	// The ids are our own integers, so listing them in the SQL is safe.
	if _, err := tx.ExecContext(ctx, `DELETE FROM first90_steps WHERE person_id = $1 AND id NOT IN (`+strings.Join(keep, ", ")+`)`,
		personID); err != nil {
		return err
	}
	for _, st := range steps {
		if st.ID != 0 {
			continue
		}
		if err := insertStep(ctx, tx, st); err != nil {
			return err
		}
	}
	return nil
}

func insertStep(ctx context.Context, tx *Tx, st *ladder.First90Step) error {
	return mapErr(tx.QueryRowContext(ctx, `INSERT INTO first90_steps (person_id, step_key, phase, title, description, theme,
		emphasised, due_date, done, done_at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		st.PersonID, st.Key, st.Phase, st.Title, st.Description, st.Theme, st.Emphasised, st.Due, st.Done, nullTime(st.DoneAt),
		st.Note).Scan(&st.ID))
}

const stepColumns = `id, person_id, step_key, phase, title, description, theme, emphasised, due_date, done, done_at, note`

// FindFirst90Steps returns the person's steps by due date.
func (s *ManagerService) FindFirst90Steps(ctx context.Context, personID int64) (_ []*ladder.First90Step, err error) {
	defer wrap(&err, "FindFirst90Steps")
	return s.findSteps(ctx, `person_id = $1`, personID)
}

// FindFirst90Step returns one of the person's steps.
func (s *ManagerService) FindFirst90Step(ctx context.Context, personID, id int64) (_ *ladder.First90Step, err error) {
	defer wrap(&err, "FindFirst90Step(%d)", id)
	ss, err := s.findSteps(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, errStepNotFound()
	}
	return ss[0], nil
}

func (s *ManagerService) findSteps(ctx context.Context, cond string, args ...any) ([]*ladder.First90Step, error) {
	rows, err := s.db.query(ctx, `SELECT `+stepColumns+` FROM first90_steps WHERE `+cond+` ORDER BY due_date, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.First90Step
	for rows.Next() {
		st := &ladder.First90Step{}
		var doneAt sql.NullTime
		if err := rows.Scan(&st.ID, &st.PersonID, &st.Key, &st.Phase, &st.Title, &st.Description, &st.Theme, &st.Emphasised,
			&st.Due, &st.Done, &doneAt, &st.Note); err != nil {
			return nil, err
		}
		st.Due, st.DoneAt = st.Due.UTC(), doneAt.Time
		if doneAt.Valid {
			st.DoneAt = doneAt.Time.UTC()
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// MarkFirst90Step sets a step done or not, with its note; the done time is
// the time it was first marked done.
func (s *ManagerService) MarkFirst90Step(ctx context.Context, personID, id int64, done bool, note string) (_ *ladder.First90Step, err error) {
	defer wrap(&err, "MarkFirst90Step(%d)", id)
	st, err := s.FindFirst90Step(ctx, personID, id)
	if err != nil {
		return nil, err
	}
	err = s.db.personTx(ctx, personID, func(tx *Tx) error {
		switch {
		case done && !st.Done:
			st.DoneAt = tx.now
		case !done:
			st.DoneAt = time.Time{}
		}
		st.Done, st.Note = done, note
		if err := st.Validate(); err != nil {
			return err
		}
		return stepNotFound(mustAffect(tx.ExecContext(ctx, `UPDATE first90_steps SET done = $1, done_at = $2, note = $3
			WHERE id = $4 AND person_id = $5`, st.Done, nullTime(st.DoneAt), st.Note, id, personID)))
	})
	if err != nil {
		return nil, err
	}
	return st, nil
}

func errStepNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Step not found.") }

func stepNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errStepNotFound()
	}
	return err
}

// FindTrustWeeks returns the weeks with ticks between from and to.
func (s *ManagerService) FindTrustWeeks(ctx context.Context, personID int64, from, to time.Time) (_ []*ladder.TrustWeek, err error) {
	defer wrap(&err, "FindTrustWeeks")
	where, args := []string{"person_id = $1"}, []any{personID}
	if !from.IsZero() {
		args = append(args, from)
		where = append(where, fmt.Sprintf("week >= $%d", len(args)))
	}
	if !to.IsZero() {
		args = append(args, to)
		where = append(where, fmt.Sprintf("week <= $%d", len(args)))
	}
	rows, err := s.db.query(ctx, `SELECT week, habit FROM trust_checks WHERE `+strings.Join(where, " AND ")+
		` ORDER BY week, habit`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.TrustWeek
	for rows.Next() {
		var week time.Time
		var habit string
		if err := rows.Scan(&week, &habit); err != nil {
			return nil, err
		}
		week = week.UTC()
		if n := len(out); n == 0 || !out[n-1].Week.Equal(week) {
			out = append(out, &ladder.TrustWeek{PersonID: personID, Week: week})
		}
		last := out[len(out)-1]
		last.Habits = append(last.Habits, habit)
	}
	return out, rows.Err()
}

// SetTrustWeek replaces the week's ticks.
func (s *ManagerService) SetTrustWeek(ctx context.Context, w *ladder.TrustWeek) (err error) {
	defer wrap(&err, "SetTrustWeek")
	if err := s.validateTrust(w); err != nil {
		return err
	}
	return s.db.personTx(ctx, w.PersonID, func(tx *Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM trust_checks WHERE person_id = $1 AND week = $2`, w.PersonID, w.Week); err != nil {
			return err
		}
		return insertTrustChecks(ctx, tx, w)
	})
}

func (s *ManagerService) validateTrust(w *ladder.TrustWeek) error {
	if err := w.Validate(); err != nil {
		return err
	}
	for _, h := range w.Habits {
		if !s.knownHabit(h) {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The week's checklist is not valid.",
				Fields: map[string]string{"habits": fmt.Sprintf("unknown habit %q", h)}}
		}
	}
	return nil
}

func insertTrustChecks(ctx context.Context, tx *Tx, w *ladder.TrustWeek) error {
	for _, h := range w.Habits {
		if _, err := tx.ExecContext(ctx, `INSERT INTO trust_checks (person_id, week, habit) VALUES ($1, $2, $3)`,
			w.PersonID, w.Week, h); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
