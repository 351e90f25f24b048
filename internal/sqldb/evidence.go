package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.EvidenceService = (*EvidenceService)(nil)

// EvidenceService stores the evidence log: entries in evidence, their
// competencies in evidence_competencies. The model is used to check
// competency keys; pass the model in use.
type EvidenceService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewEvidenceService returns an EvidenceService on db that checks
// competency keys against the model returned by model.
func NewEvidenceService(db *DB, model func(context.Context) (*ladder.Model, error)) *EvidenceService {
	return &EvidenceService{db: db, model: model}
}

var errNoEvidence = ladder.Errorf(ladder.ENOTFOUND, "Evidence entry not found.")

// evidenceColumns are the columns scanEvidence reads, from evidence aliased e.
const evidenceColumns = `e.id, e.person_id, e.kind, e.title, e.description, e.start_date, e.end_date,
	e.money_amount, e.money_currency, e.hours_saved, e.people_count, e.months, e.created_at, e.updated_at`

func scanEvidence(row interface{ Scan(...any) error }) (*ladder.Evidence, error) {
	e := &ladder.Evidence{}
	var end sql.NullTime
	if err := row.Scan(&e.ID, &e.PersonID, &e.Kind, &e.Title, &e.Description, &e.Start, &end,
		&e.MoneySaved.Amount, &e.MoneySaved.Currency, &e.HoursSaved, &e.PeopleCount, &e.Months,
		&e.CreatedAt, &e.UpdatedAt); err != nil {
		return nil, err
	}
	// Dates are days: read them in UTC whatever the session's time zone, so
	// they never print as the day before.
	e.Start = e.Start.UTC()
	if end.Valid {
		e.End = end.Time.UTC()
	}
	return e, nil
}

// FindEvidenceByID returns one entry of the person, or ENOTFOUND.
func (s *EvidenceService) FindEvidenceByID(ctx context.Context, personID, id int64) (_ *ladder.Evidence, err error) {
	defer wrap(&err, "FindEvidenceByID(%d)", id)
	es, err := s.find(ctx, s.db.query, "e.id = $1 AND e.person_id = $2", []any{id, personID}, "")
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, errNoEvidence
	}
	return es[0], nil
}

// FindEvidence returns the entries matching f, newest first, with their
// competencies (two queries whatever the number of entries), and the total
// count ignoring Offset, Limit and the After cursor.
func (s *EvidenceService) FindEvidence(ctx context.Context, f ladder.EvidenceFilter) (_ []*ladder.Evidence, _ int, err error) {
	defer wrap(&err, "FindEvidence")
	var where []string
	var args []any
	add := func(clause string, vs ...any) {
		var n []any
		for _, v := range vs {
			args = append(args, v)
			n = append(n, len(args))
		}
		where = append(where, fmt.Sprintf(clause, n...))
	}
	if f.PersonID != 0 {
		add("e.person_id = $%d", f.PersonID)
	}
	if f.Kind != "" {
		add("e.kind = $%d", f.Kind)
	}
	if f.Competency != "" {
		add("EXISTS (SELECT 1 FROM evidence_competencies c WHERE c.evidence_id = e.id AND c.competency = $%d)", f.Competency)
	}
	if !f.From.IsZero() {
		add("COALESCE(e.end_date, e.start_date) >= $%d", ladder.Day(f.From))
	}
	if !f.To.IsZero() {
		add("e.start_date <= $%d", ladder.Day(f.To))
	}
	cond := "1 = 1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	var n int
	if err := s.db.queryRow(ctx, `SELECT COUNT(*) FROM evidence e WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	if f.AfterID != 0 {
		add("(e.start_date < $%d OR (e.start_date = $%d AND e.id < $%d))", f.AfterStart.UTC(), f.AfterStart.UTC(), f.AfterID)
		cond = strings.Join(where, " AND ")
	}
	es, err := s.find(ctx, s.db.query, cond, args, limitClause(f.Offset, f.Limit))
	return es, n, err
}

// queryFunc runs a read: the store's cached statements, or a transaction.
type queryFunc func(ctx context.Context, q string, args ...any) (*sql.Rows, error)

// find reads the entries matching cond in newest-first order, then their
// competencies with one query over the same selection.
func (s *EvidenceService) find(ctx context.Context, query queryFunc, cond string, args []any, limit string) ([]*ladder.Evidence, error) {
	sel := `FROM evidence e WHERE ` + cond + ` ORDER BY e.start_date DESC, e.id DESC` + limit
	rows, err := query(ctx, `SELECT `+evidenceColumns+` `+sel, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []*ladder.Evidence{}
	byID := map[int64]*ladder.Evidence{}
	for rows.Next() {
		e, err := scanEvidence(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = query(ctx, `SELECT ec.evidence_id, ec.competency FROM evidence_competencies ec
		WHERE ec.evidence_id IN (SELECT e.id `+sel+`) ORDER BY ec.evidence_id, ec.seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c string
		if err := rows.Scan(&id, &c); err != nil {
			return nil, err
		}
		if e := byID[id]; e != nil {
			e.Competencies = append(e.Competencies, c)
		}
	}
	return out, rows.Err()
}

// validate checks e against the clock now and, unless m is nil, its
// competencies against the model m.
func validateEvidence(e *ladder.Evidence, now time.Time, m *ladder.Model) error {
	err := e.Validate(now)
	if m != nil {
		err = mergeInvalid(err, ladder.ValidateEvidenceCompetencies(m, e.Competencies))
	}
	return err
}

// mergeInvalid joins the field messages of two EINVALID errors, so one
// answer names every problem.
func mergeInvalid(a, b error) error {
	if a == nil {
		return b
	}
	ea, ok1 := a.(*ladder.Error)
	eb, ok2 := b.(*ladder.Error)
	if !ok1 || !ok2 {
		return a
	}
	for k, v := range eb.Fields {
		ladder.FieldErrors(ea.Fields).Add(k, "%s", v)
	}
	return ea
}

// CreateEvidence validates e and stores it with its competencies in one
// transaction, setting its ID and times.
func (s *EvidenceService) CreateEvidence(ctx context.Context, e *ladder.Evidence) (err error) {
	defer wrap(&err, "CreateEvidence")
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := validateEvidence(e, tx.now, m); err != nil {
		return err
	}
	e.CreatedAt, e.UpdatedAt = tx.now, tx.now
	err = tx.QueryRowContext(ctx, `INSERT INTO evidence (person_id, kind, title, description, start_date, end_date,
		money_amount, money_currency, hours_saved, people_count, months, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		e.PersonID, e.Kind, e.Title, e.Description, e.Start, timeOrNil(e.End),
		e.MoneySaved.Amount, e.MoneySaved.Currency, e.HoursSaved, e.PeopleCount, e.Months, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
	if err := mapErr(err); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
		}
		return err
	}
	if err := insertEvidenceCompetencies(ctx, tx, e); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, e.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func insertEvidenceCompetencies(ctx context.Context, tx *Tx, e *ladder.Evidence) error {
	for i, c := range e.Competencies {
		_, err := tx.ExecContext(ctx, `INSERT INTO evidence_competencies (evidence_id, person_id, competency, seq)
			VALUES ($1, $2, $3, $4)`, e.ID, e.PersonID, c, i)
		if err := mapErr(err); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvidence changes the fields set in upd of the person's entry, all
// or nothing. Competencies are checked against the model only when they
// change, so an entry stays editable after an imported model drops one.
func (s *EvidenceService) UpdateEvidence(ctx context.Context, personID, id int64, upd ladder.EvidenceUpdate) (_ *ladder.Evidence, err error) {
	defer wrap(&err, "UpdateEvidence(%d)", id)
	var m *ladder.Model
	if upd.Competencies != nil {
		if m, err = s.model(ctx); err != nil {
			return nil, err
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	es, err := s.find(ctx, tx.QueryContext, "e.id = $1 AND e.person_id = $2", []any{id, personID}, "")
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, errNoEvidence
	}
	e := es[0]
	upd.Apply(e)
	if err := validateEvidence(e, tx.now, m); err != nil {
		return nil, err
	}
	e.UpdatedAt = tx.now
	err = mustAffect(tx.ExecContext(ctx, `UPDATE evidence SET kind = $1, title = $2, description = $3, start_date = $4,
		end_date = $5, money_amount = $6, money_currency = $7, hours_saved = $8, people_count = $9, months = $10,
		updated_at = $11 WHERE id = $12 AND person_id = $13`,
		e.Kind, e.Title, e.Description, e.Start, timeOrNil(e.End), e.MoneySaved.Amount, e.MoneySaved.Currency,
		e.HoursSaved, e.PeopleCount, e.Months, e.UpdatedAt, id, personID))
	if err != nil {
		return nil, err
	}
	if upd.Competencies != nil {
		if _, err := tx.ExecContext(ctx, `DELETE FROM evidence_competencies WHERE evidence_id = $1`, id); err != nil {
			return nil, mapErr(err)
		}
		if err := insertEvidenceCompetencies(ctx, tx, e); err != nil {
			return nil, err
		}
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return nil, err
	}
	return e, tx.Commit()
}

// DeleteEvidence removes the person's entry and its competency links.
func (s *EvidenceService) DeleteEvidence(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteEvidence(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	err = mustAffect(tx.ExecContext(ctx, `DELETE FROM evidence WHERE id = $1 AND person_id = $2`, id, personID))
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errNoEvidence
	} else if err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}
