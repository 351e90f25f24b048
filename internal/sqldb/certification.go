package sqldb

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.CertificationService = (*CertificationService)(nil)

// CertificationService stores people's certification records and degree.
type CertificationService struct {
	db *DB
	// known reports whether a key is in the certification catalogue; the
	// catalogue is embedded data, so no foreign key can check it.
	known func(key string) bool
}

// NewCertificationService returns a CertificationService that accepts the
// keys known accepts.
func NewCertificationService(db *DB, known func(key string) bool) *CertificationService {
	return &CertificationService{db: db, known: known}
}

const certColumns = `id, person_id, cert_key, status, started, exam_booked, passed, expires, study_hours, notes, created_at, updated_at`

// FindPersonCertifications returns the person's records ordered by key.
func (s *CertificationService) FindPersonCertifications(ctx context.Context, personID int64) (_ []*ladder.PersonCertification, err error) {
	defer wrap(&err, "FindPersonCertifications(%d)", personID)
	rows, err := s.db.query(ctx, `SELECT `+certColumns+` FROM person_certifications WHERE person_id = $1 ORDER BY cert_key`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.PersonCertification
	for rows.Next() {
		c := &ladder.PersonCertification{}
		var dates [4]sql.NullTime
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Key, &c.Status, &dates[0], &dates[1], &dates[2], &dates[3],
			&c.StudyHours, &c.Notes, &c.CreatedAt, &c.UpdatedAt); err != nil {
			return nil, err
		}
		// Dates are days: read them in UTC so they never print as the day before.
		for i, dst := range []*time.Time{&c.Started, &c.ExamBooked, &c.Passed, &c.Expires} {
			if dates[i].Valid {
				*dst = dates[i].Time.UTC()
			}
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func nullDay(t time.Time) sql.NullTime {
	return sql.NullTime{Time: ladder.Day(t), Valid: !t.IsZero()}
}

// SetPersonCertification creates or replaces the person's record of c.Key.
func (s *CertificationService) SetPersonCertification(ctx context.Context, c *ladder.PersonCertification) (err error) {
	defer wrap(&err, "SetPersonCertification(%q)", c.Key)
	if err := c.Validate(); err != nil {
		return err
	}
	if !s.known(c.Key) {
		return &ladder.Error{Code: ladder.EINVALID, Message: "The certification record is not valid.",
			Fields: map[string]string{"key": "is not in the catalogue (see `ladder certs`)"}}
	}
	c.Started, c.ExamBooked, c.Passed, c.Expires = ladder.Day(c.Started), ladder.Day(c.ExamBooked), ladder.Day(c.Passed), ladder.Day(c.Expires)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := personExists(ctx, tx, c.PersonID); err != nil {
		return err
	}
	c.UpdatedAt = tx.now
	// One statement both engines accept: the unique (person_id, cert_key)
	// turns a second set into an update that keeps id and created_at.
	err = tx.QueryRowContext(ctx, `INSERT INTO person_certifications (person_id, cert_key, status, started, exam_booked, passed, expires,
		study_hours, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
		ON CONFLICT (person_id, cert_key) DO UPDATE SET status = excluded.status, started = excluded.started,
		exam_booked = excluded.exam_booked, passed = excluded.passed, expires = excluded.expires,
		study_hours = excluded.study_hours, notes = excluded.notes, updated_at = excluded.updated_at
		RETURNING id, created_at`,
		c.PersonID, c.Key, c.Status, nullDay(c.Started), nullDay(c.ExamBooked), nullDay(c.Passed), nullDay(c.Expires),
		c.StudyHours, c.Notes, c.UpdatedAt).Scan(&c.ID, &c.CreatedAt)
	if err := mapErr(err); err != nil {
		return err
	}
	c.CreatedAt = c.CreatedAt.UTC()
	if err := touchPerson(ctx, tx, c.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// DeletePersonCertification removes the person's record of key.
func (s *CertificationService) DeletePersonCertification(ctx context.Context, personID int64, key string) (err error) {
	defer wrap(&err, "DeletePersonCertification(%q)", key)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM person_certifications WHERE person_id = $1 AND cert_key = $2`,
		personID, strings.TrimSpace(key))); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "You have no record of %s.", key)
		}
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// SetDegree records the person's highest degree; empty means unknown.
func (s *CertificationService) SetDegree(ctx context.Context, personID int64, d ladder.Degree) (err error) {
	defer wrap(&err, "SetDegree(%d)", personID)
	if d != "" && d.Rank() < 0 {
		return &ladder.Error{Code: ladder.EINVALID, Message: "The degree is not valid.",
			Fields: map[string]string{"degree": "must be none, secondary or bachelor"}}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// data_version grows here as in touchPerson: the degree changes eligibility.
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE persons SET degree = $1, updated_at = $2, data_version = data_version + 1
		WHERE id = $3`, string(d), tx.now, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
		}
		return err
	}
	return tx.Commit()
}

// personExists returns ENOTFOUND for an unknown person, rather than the
// foreign-key violation each engine words differently.
func personExists(ctx context.Context, tx *Tx, personID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM persons WHERE id = $1`, personID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	}
	return nil
}
