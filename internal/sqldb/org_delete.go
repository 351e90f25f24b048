package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

// DeleteOrganisation deletes the organisation; the foreign keys take its
// domains, memberships, programmes, invitations, single sign-on and audit
// log with it and clear persons.org_id. Rounds started for its cohorts stay
// their persons' (cohort_id and started_by are cleared).
func (s *OrgService) DeleteOrganisation(ctx context.Context, id int64) (err error) {
	defer wrap(&err, "DeleteOrganisation(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT person_id FROM org_members WHERE org_id = $1`, id)
	if err != nil {
		return err
	}
	var members []int64
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			rows.Close()
			return err
		}
		members = append(members, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM organisations WHERE id = $1`, id)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
		}
		return err
	}
	for _, p := range members {
		if err := touchPerson(ctx, tx, p); err != nil {
			return err
		}
	}
	return tx.Commit()
}
