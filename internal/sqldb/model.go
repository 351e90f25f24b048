package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/model"
)

var _ ladder.ModelService = (*ModelService)(nil)

// ModelService keeps imported competency models. A model is stored whole as
// validated JSON so that an import never half-applies.
type ModelService struct{ db *DB }

// NewModelService returns a ModelService on db.
func NewModelService(db *DB) *ModelService { return &ModelService{db: db} }

// ActiveModel returns the newest active imported model, or ENOTFOUND when
// the built-in default applies.
func (s *ModelService) ActiveModel(ctx context.Context) (_ *ladder.Model, err error) {
	defer wrap(&err, "ActiveModel")
	var body string
	err = s.db.queryRow(ctx, `SELECT body FROM models WHERE active = 1 AND org_id IS NULL ORDER BY id DESC LIMIT 1`).Scan(&body)
	if err != nil {
		return nil, mapErr(err)
	}
	return model.Parse("stored model", []byte(body))
}

// ActiveModelID returns the id of the active imported model, 0 if none.
func (s *ModelService) ActiveModelID(ctx context.Context) (int64, error) {
	var id int64
	err := s.db.queryRow(ctx, `SELECT id FROM models WHERE active = 1 AND org_id IS NULL ORDER BY id DESC LIMIT 1`).Scan(&id)
	if ladder.ErrorCode(mapErr(err)) == ladder.ENOTFOUND {
		return 0, nil
	}
	return id, mapErr(err)
}

// ImportModel validates m (by writing and re-reading it) and makes it the
// active model, in one transaction.
func (s *ModelService) ImportModel(ctx context.Context, m *ladder.Model) (err error) {
	defer wrap(&err, "ImportModel")
	body, err := model.Marshal(m, "json")
	if err != nil {
		return err
	}
	if _, err := model.Parse("model", body); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE models SET active = 0 WHERE org_id IS NULL`); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO models (version, name, body, active, imported_at) VALUES ($1, $2, $3, 1, $4)`,
		m.Version, m.Name, string(body), tx.now); err != nil {
		return mapErr(err)
	}
	return tx.Commit()
}

// ResetModel goes back to the built-in default; imported models are kept
// (inactive) for the record.
func (s *ModelService) ResetModel(ctx context.Context) (err error) {
	defer wrap(&err, "ResetModel")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE models SET active = 0 WHERE org_id IS NULL`); err != nil {
		return err
	}
	return tx.Commit()
}
