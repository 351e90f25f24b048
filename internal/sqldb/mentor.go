package sqldb

import (
	"context"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.MentorService = (*MentorService)(nil)

// MentorService stores mentors with their strengths and criteria met, and
// mentoring sessions with their agreed actions.
type MentorService struct {
	db        *DB
	model     func(context.Context) (*ladder.Model, error)
	criterion func(string) bool
}

// NewMentorService returns a MentorService that checks competency keys
// against the model returned by model and criterion keys with criterion.
func NewMentorService(db *DB, model func(context.Context) (*ladder.Model, error), criterion func(string) bool) *MentorService {
	return &MentorService{db: db, model: model, criterion: criterion}
}

const mentorColumns = `id, person_id, name, organisation, role, inside, background, contact, status, notes, created_at, updated_at`

// FindMentor returns one mentor of the person.
func (s *MentorService) FindMentor(ctx context.Context, personID, id int64) (_ *ladder.Mentor, err error) {
	defer wrap(&err, "FindMentor(%d)", id)
	ms, err := s.findMentors(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errMentorNotFound()
	}
	return ms[0], nil
}

// FindMentors returns the person's mentors, active first, then by name.
func (s *MentorService) FindMentors(ctx context.Context, personID int64) (_ []*ladder.Mentor, err error) {
	defer wrap(&err, "FindMentors")
	return s.findMentors(ctx, `person_id = $1`, personID)
}

func (s *MentorService) findMentors(ctx context.Context, cond string, args ...any) ([]*ladder.Mentor, error) {
	rows, err := s.db.query(ctx, `SELECT `+mentorColumns+` FROM mentors WHERE `+cond+
		` ORDER BY CASE status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 ELSE 2 END, name, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Mentor
	byID := map[int64]*ladder.Mentor{}
	for rows.Next() {
		m := &ladder.Mentor{}
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Name, &m.Organisation, &m.Role, &m.Inside, &m.Background, &m.Contact,
			&m.Status, &m.Notes, &m.CreatedAt, &m.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, m)
		byID[m.ID] = m
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	in, inArgs := inList(byID)
	err = loadPairs(ctx, s.db, `SELECT mentor_id, competency FROM mentor_strengths WHERE mentor_id IN (`+in+`) ORDER BY mentor_id, competency`,
		inArgs, func(id int64, v string) { byID[id].Strengths = append(byID[id].Strengths, v) })
	if err != nil {
		return nil, err
	}
	return out, loadPairs(ctx, s.db, `SELECT mentor_id, criterion FROM mentor_criteria WHERE mentor_id IN (`+in+`) ORDER BY mentor_id, criterion`,
		inArgs, func(id int64, v string) { byID[id].Criteria = append(byID[id].Criteria, v) })
}

// inList returns "$1, $2, ..." and the ids of byID as arguments.
func inList[T any](byID map[int64]T) (string, []any) {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	return strings.Join(ids, ", "), args
}

// loadPairs runs q, which selects (id, value) rows, and hands each to add.
func loadPairs[V any](ctx context.Context, db *DB, q string, args []any, add func(int64, V)) error {
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var v V
		if err := rows.Scan(&id, &v); err != nil {
			return err
		}
		add(id, v)
	}
	return rows.Err()
}

// competencyError names an unknown competency key of field, or is nil.
func competencyError(m *ladder.Model, message, field string, keys ...string) error {
	for _, k := range keys {
		if k == "" {
			continue
		}
		if _, ok := m.Competency(k); !ok {
			return &ladder.Error{Code: ladder.EINVALID, Message: message,
				Fields: map[string]string{field: fmt.Sprintf("unknown competency %q", k)}}
		}
	}
	return nil
}

func (s *MentorService) validateMentor(ctx context.Context, m *ladder.Mentor) error {
	if err := m.Validate(); err != nil {
		return err
	}
	model, err := s.model(ctx)
	if err != nil {
		return err
	}
	if err := competencyError(model, "The mentor is not valid.", "strengths", m.Strengths...); err != nil {
		return err
	}
	for _, c := range m.Criteria {
		if !s.criterion(c) {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The mentor is not valid.",
				Fields: map[string]string{"criteria": fmt.Sprintf("unknown criterion %q", c)}}
		}
	}
	m.Strengths, m.Criteria = uniqueSorted(m.Strengths), uniqueSorted(m.Criteria)
	return nil
}

// CreateMentor stores m with its strengths and criteria.
func (s *MentorService) CreateMentor(ctx context.Context, m *ladder.Mentor) (err error) {
	defer wrap(&err, "CreateMentor")
	if err := s.validateMentor(ctx, m); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	m.CreatedAt, m.UpdatedAt = tx.now, tx.now
	err = tx.QueryRowContext(ctx, `INSERT INTO mentors (person_id, name, organisation, role, inside, background, contact,
		status, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		m.PersonID, m.Name, m.Organisation, m.Role, m.Inside, m.Background, m.Contact, m.Status, m.Notes,
		m.CreatedAt, m.UpdatedAt).Scan(&m.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	if err := writeMentorLists(ctx, tx, m); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, m.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// UpdateMentor replaces the fields of the person's mentor m.ID.
func (s *MentorService) UpdateMentor(ctx context.Context, m *ladder.Mentor) (err error) {
	defer wrap(&err, "UpdateMentor(%d)", m.ID)
	if err := s.validateMentor(ctx, m); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	m.UpdatedAt = tx.now
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE mentors SET name = $1, organisation = $2, role = $3, inside = $4,
		background = $5, contact = $6, status = $7, notes = $8, updated_at = $9 WHERE id = $10 AND person_id = $11`,
		m.Name, m.Organisation, m.Role, m.Inside, m.Background, m.Contact, m.Status, m.Notes, m.UpdatedAt,
		m.ID, m.PersonID)); err != nil {
		return mentorNotFound(err)
	}
	if err := tx.QueryRowContext(ctx, `SELECT created_at FROM mentors WHERE id = $1`, m.ID).Scan(&m.CreatedAt); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM mentor_strengths WHERE mentor_id = $1`, `DELETE FROM mentor_criteria WHERE mentor_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, m.ID); err != nil {
			return err
		}
	}
	if err := writeMentorLists(ctx, tx, m); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, m.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func writeMentorLists(ctx context.Context, tx *Tx, m *ladder.Mentor) error {
	for _, c := range m.Strengths {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentor_strengths (mentor_id, competency) VALUES ($1, $2)`, m.ID, c); err != nil {
			return mapErr(err)
		}
	}
	for _, c := range m.Criteria {
		if _, err := tx.ExecContext(ctx, `INSERT INTO mentor_criteria (mentor_id, criterion) VALUES ($1, $2)`, m.ID, c); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// DeleteMentor removes the person's mentor id with their sessions.
func (s *MentorService) DeleteMentor(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteMentor(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM mentors WHERE id = $1 AND person_id = $2`, id, errMentorNotFound)
}

// deleteOwned runs q with (id, personID) and touches the person in one
// transaction; when no row goes, it returns notFound().
func deleteOwned(ctx context.Context, db *DB, personID int64, q string, id int64, notFound func() error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, q, id, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return notFound()
		}
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

func errMentorNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Mentor not found.") }

func mentorNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errMentorNotFound()
	}
	return err
}
