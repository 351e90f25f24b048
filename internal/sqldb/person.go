package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

// Ensure the service is implemented.
var _ ladder.PersonService = (*PersonService)(nil)

// PersonService stores persons.
type PersonService struct{ db *DB }

// NewPersonService returns a PersonService on db.
func NewPersonService(db *DB) *PersonService { return &PersonService{db: db} }

// FindPersonByID returns the person with id, or ENOTFOUND.
func (s *PersonService) FindPersonByID(ctx context.Context, id int64) (*ladder.Person, error) {
	ps, _, err := s.FindPersons(ctx, ladder.PersonFilter{ID: id})
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	}
	return ps[0], nil
}

// FindPersonByEmail returns the person with email, or ENOTFOUND.
func (s *PersonService) FindPersonByEmail(ctx context.Context, email string) (*ladder.Person, error) {
	ps, _, err := s.FindPersons(ctx, ladder.PersonFilter{Email: strings.ToLower(strings.TrimSpace(email))})
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "No person with email %s.", email)
	}
	return ps[0], nil
}

// FindPersons returns the persons matching f and the total count ignoring
// Offset and Limit.
func (s *PersonService) FindPersons(ctx context.Context, f ladder.PersonFilter) (_ []*ladder.Person, _ int, err error) {
	defer wrap(&err, "FindPersons")
	var where []string
	var args []any
	add := func(clause string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(clause, len(args)))
	}
	if f.ID != 0 {
		add("p.id = $%d", f.ID)
	}
	if f.Email != "" {
		add("p.email = $%d", f.Email)
	}
	if f.OrgID != 0 {
		add("p.org_id = $%d", f.OrgID)
	}
	cond := "1 = 1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	var n int
	if err := s.db.queryRow(ctx, `SELECT COUNT(*) FROM persons p WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	q := `SELECT ` + personColumns + ` FROM persons p WHERE ` + cond + ` ORDER BY p.id` + limitClause(f.Offset, f.Limit)
	rows, err := s.db.query(ctx, q, args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*ladder.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
	}
	return out, n, rows.Err()
}

// CreatePerson validates p and stores it, setting its ID and times.
func (s *PersonService) CreatePerson(ctx context.Context, p *ladder.Person) (err error) {
	defer wrap(&err, "CreatePerson")
	if err := p.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := createPerson(ctx, tx, p); err != nil {
		return err
	}
	return tx.Commit()
}

func createPerson(ctx context.Context, tx *Tx, p *ladder.Person) error {
	p.CreatedAt, p.UpdatedAt = tx.now, tx.now
	err := tx.QueryRowContext(ctx, `INSERT INTO persons (org_id, name, email, start_role, target_role, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		nullID(p.OrgID), p.Name, p.Email, p.StartRole, p.TargetRole, p.CreatedAt, p.UpdatedAt).Scan(&p.ID)
	return emailTaken(mapErr(err))
}

// emailTaken words a unique violation on persons as the taken email it is.
func emailTaken(err error) error {
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "A person with that email exists already.",
			Fields: map[string]string{"email": "is taken"}}
	}
	return err
}

// UpdatePerson changes the fields set in upd.
func (s *PersonService) UpdatePerson(ctx context.Context, id int64, upd ladder.PersonUpdate) (_ *ladder.Person, err error) {
	defer wrap(&err, "UpdatePerson(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	// Bumping the version first takes the row's write lock (PostgreSQL;
	// SQLite's immediate transaction holds the database's), so the row
	// read next cannot change before the write: two partial updates at
	// once both land instead of the later one undoing the earlier.
	res, err := tx.ExecContext(ctx, `UPDATE persons SET data_version = data_version + 1 WHERE id = $1`, id)
	if err != nil {
		return nil, mapErr(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	}
	p, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM persons p WHERE p.id = $1`, id))
	if err != nil {
		return nil, mapErr(err)
	}
	set := func(dst *string, v *string) {
		if v != nil {
			*dst = *v
		}
	}
	set(&p.Name, upd.Name)
	set(&p.Email, upd.Email)
	set(&p.StartRole, upd.StartRole)
	set(&p.TargetRole, upd.TargetRole)
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p.UpdatedAt = tx.now
	_, err = tx.ExecContext(ctx, `UPDATE persons SET name = $1, email = $2, start_role = $3, target_role = $4, updated_at = $5
		WHERE id = $6`, p.Name, p.Email, p.StartRole, p.TargetRole, p.UpdatedAt, p.ID)
	if err := emailTaken(mapErr(err)); err != nil {
		return nil, err
	}
	return p, tx.Commit()
}

// DeletePerson removes a person and, by cascade, everything they own.
func (s *PersonService) DeletePerson(ctx context.Context, id int64) (err error) {
	defer wrap(&err, "DeletePerson(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM persons WHERE id = $1`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	}
	return tx.Commit()
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }

func limitClause(offset, limit int) string {
	s := ""
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	} else if offset > 0 {
		// SQLite accepts OFFSET only after a LIMIT; this one works on both.
		s += " LIMIT 9223372036854775807"
	}
	if offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}

// touchPerson marks a change to a person's data: it bumps data_version in the
// transaction of the change, so no cached view outlives it.
func touchPerson(ctx context.Context, tx *Tx, personID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE persons SET data_version = data_version + 1 WHERE id = $1`, personID)
	return mapErr(err)
}

// touchAssessmentOwner bumps the version of the person owning an assessment.
func touchAssessmentOwner(ctx context.Context, tx *Tx, assessmentID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE persons SET data_version = data_version + 1
		WHERE id = (SELECT person_id FROM assessments WHERE id = $1)`, assessmentID)
	return mapErr(err)
}
