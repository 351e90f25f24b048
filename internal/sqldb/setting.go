package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

var _ ladder.SettingService = (*SettingService)(nil)

// SettingService stores instance-wide settings as key-value pairs.
type SettingService struct{ db *DB }

// NewSettingService returns a SettingService on db.
func NewSettingService(db *DB) *SettingService { return &SettingService{db: db} }

// Setting returns the value of key, or ENOTFOUND.
func (s *SettingService) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.queryRow(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&v)
	return v, mapErr(err)
}

// SetSetting stores value under key.
func (s *SettingService) SetSetting(ctx context.Context, key, value string) (err error) {
	defer wrap(&err, "SetSetting(%s)", key)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, key, value); err != nil {
		return mapErr(err)
	}
	return tx.Commit()
}
