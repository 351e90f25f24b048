package sqldb

import (
	"context"
	"database/sql"

	"github.com/ladderhq/ladder"
)

var (
	_ ladder.StakeholderService = (*StakeholderService)(nil)
	_ ladder.DelegationService  = (*DelegationService)(nil)
)

// StakeholderService stores a manager's stakeholders.
type StakeholderService struct{ db *DB }

// NewStakeholderService returns a StakeholderService.
func NewStakeholderService(db *DB) *StakeholderService { return &StakeholderService{db: db} }

const stakeholderColumns = `id, person_id, name, role, influence, interest, needs, notes, next_contact, created_at, updated_at`

// FindStakeholders returns the person's stakeholders by name.
func (s *StakeholderService) FindStakeholders(ctx context.Context, personID int64) (_ []*ladder.Stakeholder, err error) {
	defer wrap(&err, "FindStakeholders")
	return s.find(ctx, `person_id = $1`, personID)
}

// FindStakeholder returns one of the person's stakeholders.
func (s *StakeholderService) FindStakeholder(ctx context.Context, personID, id int64) (_ *ladder.Stakeholder, err error) {
	defer wrap(&err, "FindStakeholder(%d)", id)
	ss, err := s.find(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, errStakeholderNotFound()
	}
	return ss[0], nil
}

func (s *StakeholderService) find(ctx context.Context, cond string, args ...any) ([]*ladder.Stakeholder, error) {
	rows, err := s.db.query(ctx, `SELECT `+stakeholderColumns+` FROM stakeholders WHERE `+cond+` ORDER BY name, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Stakeholder
	for rows.Next() {
		st := &ladder.Stakeholder{}
		var next sql.NullTime
		if err := rows.Scan(&st.ID, &st.PersonID, &st.Name, &st.Role, &st.Influence, &st.Interest, &st.Needs, &st.Notes, &next,
			&st.CreatedAt, &st.UpdatedAt); err != nil {
			return nil, err
		}
		st.NextContact = utcDay(next)
		out = append(out, st)
	}
	return out, rows.Err()
}

// CreateStakeholder stores st.
func (s *StakeholderService) CreateStakeholder(ctx context.Context, st *ladder.Stakeholder) (err error) {
	defer wrap(&err, "CreateStakeholder")
	if err := st.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, st.PersonID, func(tx *Tx) error {
		stampTimes(&st.CreatedAt, &st.UpdatedAt, tx.now)
		return insertStakeholder(ctx, tx, st)
	})
}

func insertStakeholder(ctx context.Context, tx *Tx, st *ladder.Stakeholder) error {
	return mapErr(tx.QueryRowContext(ctx, `INSERT INTO stakeholders (person_id, name, role, influence, interest, needs, notes,
		next_contact, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		st.PersonID, st.Name, st.Role, st.Influence, st.Interest, st.Needs, st.Notes, nullDay(st.NextContact),
		st.CreatedAt, st.UpdatedAt).Scan(&st.ID))
}

// UpdateStakeholder replaces the fields of the person's stakeholder st.ID.
func (s *StakeholderService) UpdateStakeholder(ctx context.Context, st *ladder.Stakeholder) (err error) {
	defer wrap(&err, "UpdateStakeholder(%d)", st.ID)
	if err := st.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, st.PersonID, func(tx *Tx) error {
		st.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE stakeholders SET name = $1, role = $2, influence = $3, interest = $4, needs = $5,
			notes = $6, next_contact = $7, updated_at = $8 WHERE id = $9 AND person_id = $10 RETURNING created_at`,
			st.Name, st.Role, st.Influence, st.Interest, st.Needs, st.Notes, nullDay(st.NextContact), st.UpdatedAt,
			st.ID, st.PersonID).Scan(&st.CreatedAt)
		return stakeholderNotFound(mapErr(err))
	})
}

// DeleteStakeholder removes the person's stakeholder id.
func (s *StakeholderService) DeleteStakeholder(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteStakeholder(%d)", id)
	return s.db.personTx(ctx, personID, func(tx *Tx) error {
		return stakeholderNotFound(mustAffect(tx.ExecContext(ctx, `DELETE FROM stakeholders WHERE id = $1 AND person_id = $2`, id, personID)))
	})
}

func errStakeholderNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Stakeholder not found.") }

func stakeholderNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errStakeholderNotFound()
	}
	return err
}

// DelegationService stores a manager's delegation list.
type DelegationService struct{ db *DB }

// NewDelegationService returns a DelegationService.
func NewDelegationService(db *DB) *DelegationService { return &DelegationService{db: db} }

const delegationColumns = `id, person_id, task, owner, status, hours_per_week, notes, created_at, updated_at`

// FindDelegations returns the person's items, still mine first.
func (s *DelegationService) FindDelegations(ctx context.Context, personID int64) (_ []*ladder.Delegation, err error) {
	defer wrap(&err, "FindDelegations")
	return s.find(ctx, `person_id = $1`, personID)
}

// FindDelegation returns one of the person's items.
func (s *DelegationService) FindDelegation(ctx context.Context, personID, id int64) (_ *ladder.Delegation, err error) {
	defer wrap(&err, "FindDelegation(%d)", id)
	ds, err := s.find(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ds) == 0 {
		return nil, errDelegationNotFound()
	}
	return ds[0], nil
}

func (s *DelegationService) find(ctx context.Context, cond string, args ...any) ([]*ladder.Delegation, error) {
	rows, err := s.db.query(ctx, `SELECT `+delegationColumns+` FROM delegations WHERE `+cond+`
		ORDER BY CASE status WHEN 'mine' THEN 0 WHEN 'handing-over' THEN 1 ELSE 2 END, task, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Delegation
	for rows.Next() {
		d := &ladder.Delegation{}
		if err := rows.Scan(&d.ID, &d.PersonID, &d.Task, &d.Owner, &d.Status, &d.HoursPerWeek, &d.Notes,
			&d.CreatedAt, &d.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// CreateDelegation stores d.
func (s *DelegationService) CreateDelegation(ctx context.Context, d *ladder.Delegation) (err error) {
	defer wrap(&err, "CreateDelegation")
	if err := d.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, d.PersonID, func(tx *Tx) error {
		stampTimes(&d.CreatedAt, &d.UpdatedAt, tx.now)
		return insertDelegation(ctx, tx, d)
	})
}

func insertDelegation(ctx context.Context, tx *Tx, d *ladder.Delegation) error {
	return mapErr(tx.QueryRowContext(ctx, `INSERT INTO delegations (person_id, task, owner, status, hours_per_week, notes,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		d.PersonID, d.Task, d.Owner, d.Status, d.HoursPerWeek, d.Notes, d.CreatedAt, d.UpdatedAt).Scan(&d.ID))
}

// UpdateDelegation replaces the fields of the person's item d.ID.
func (s *DelegationService) UpdateDelegation(ctx context.Context, d *ladder.Delegation) (err error) {
	defer wrap(&err, "UpdateDelegation(%d)", d.ID)
	if err := d.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, d.PersonID, func(tx *Tx) error {
		d.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE delegations SET task = $1, owner = $2, status = $3, hours_per_week = $4, notes = $5,
			updated_at = $6 WHERE id = $7 AND person_id = $8 RETURNING created_at`,
			d.Task, d.Owner, d.Status, d.HoursPerWeek, d.Notes, d.UpdatedAt, d.ID, d.PersonID).Scan(&d.CreatedAt)
		return delegationNotFound(mapErr(err))
	})
}

// DeleteDelegation removes the person's item id.
func (s *DelegationService) DeleteDelegation(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteDelegation(%d)", id)
	return s.db.personTx(ctx, personID, func(tx *Tx) error {
		return delegationNotFound(mustAffect(tx.ExecContext(ctx, `DELETE FROM delegations WHERE id = $1 AND person_id = $2`, id, personID)))
	})
}

func errDelegationNotFound() error {
	return ladder.Errorf(ladder.ENOTFOUND, "Delegation item not found.")
}

func delegationNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errDelegationNotFound()
	}
	return err
}
