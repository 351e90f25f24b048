package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.AuditService = (*AuditService)(nil)

// AuditService keeps the organisations' audit log.
type AuditService struct{ db *DB }

// NewAuditService returns an AuditService on db.
func NewAuditService(db *DB) *AuditService { return &AuditService{db: db} }

// WriteAudit adds an entry in a transaction of its own.
func (s *AuditService) WriteAudit(ctx context.Context, e *ladder.AuditEntry) (err error) {
	defer wrap(&err, "WriteAudit")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := writeAudit(ctx, tx, e); err != nil {
		return err
	}
	return tx.Commit()
}

// writeAudit adds an entry in tx, at the transaction's time, copying the
// actor's name (and a person subject's, when not given).
func writeAudit(ctx context.Context, tx *Tx, e *ladder.AuditEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	e.At = tx.now
	if e.ActorID != 0 && e.ActorName == "" {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM persons WHERE id = $1`, e.ActorID).Scan(&e.ActorName); err != nil {
			return mapErr(err)
		}
	}
	if e.SubjectKind == ladder.AuditPerson && e.SubjectName == "" && e.SubjectID != 0 {
		if err := tx.QueryRowContext(ctx, `SELECT name FROM persons WHERE id = $1`, e.SubjectID).Scan(&e.SubjectName); err != nil {
			return mapErr(err)
		}
	}
	e.Detail = clipAuditDetail(e.Detail)
	err := tx.QueryRowContext(ctx, `INSERT INTO org_audit (org_id, at, actor_id, actor_name, action, subject_kind, subject_id,
		subject_name, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, e.OrgID, e.At, nullID(e.ActorID), e.ActorName,
		e.Action, e.SubjectKind, e.SubjectID, e.SubjectName, e.Detail).Scan(&e.ID)
	return mapErr(err)
}

// FindAudit returns the matching entries, newest first, and their total.
func (s *AuditService) FindAudit(ctx context.Context, f ladder.AuditFilter) (_ []*ladder.AuditEntry, _ int, err error) {
	defer wrap(&err, "FindAudit(%d)", f.OrgID)
	var where []string
	var args []any
	add := func(clause string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(clause, len(args)))
	}
	add("org_id = $%d", f.OrgID)
	if f.ActorID != 0 {
		add("actor_id = $%d", f.ActorID)
	}
	if a := f.Action; strings.HasSuffix(a, ".") {
		// A prefix: LIKE's wildcards in the value are escaped.
		esc := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(a)
		add(`action LIKE $%d ESCAPE '\'`, esc+"%")
	} else if a != "" {
		add("action = $%d", a)
	}
	if f.PersonID != 0 {
		add("subject_kind = 'person' AND subject_id = $%d", f.PersonID)
	}
	if !f.From.IsZero() {
		add("at >= $%d", f.From)
	}
	if !f.To.IsZero() {
		add("at < $%d", f.To)
	}
	cond := strings.Join(where, " AND ")
	var n int
	if err := s.db.queryRow(ctx, `SELECT COUNT(*) FROM org_audit WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.query(ctx, `SELECT id, org_id, at, actor_id, actor_name, action, subject_kind, subject_id, subject_name, detail
		FROM org_audit WHERE `+cond+` ORDER BY at DESC, id DESC`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*ladder.AuditEntry
	for rows.Next() {
		e := &ladder.AuditEntry{}
		var actor sql.NullInt64
		if err := rows.Scan(&e.ID, &e.OrgID, &e.At, &actor, &e.ActorName, &e.Action, &e.SubjectKind, &e.SubjectID,
			&e.SubjectName, &e.Detail); err != nil {
			return nil, 0, err
		}
		e.ActorID = actor.Int64
		out = append(out, e)
	}
	return out, n, rows.Err()
}
