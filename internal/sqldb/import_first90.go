package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

// importFirst90 writes the first 90 days of an import in the transaction
// of ImportPerson. One-to-ones name their member by the member's id in d,
// which is mapped to the new one.
func importFirst90(ctx context.Context, tx *Tx, personID int64, d *ladder.PersonData) error {
	if m := d.Manager; m != nil {
		m.PersonID = personID
		stampTimes(&m.CreatedAt, &m.UpdatedAt, tx.now)
		if _, err := tx.ExecContext(ctx, `INSERT INTO manager_roles (person_id, start_date, team_name, team_size, title, situation,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
			personID, m.Start, m.TeamName, m.TeamSize, m.Title, m.Situation, m.CreatedAt, m.UpdatedAt); err != nil {
			return mapErr(err)
		}
	}
	for _, st := range d.First90 {
		st.PersonID = personID
		if err := insertStep(ctx, tx, st); err != nil {
			return err
		}
	}
	newID := map[int64]int64{}
	for _, m := range d.Team {
		old := m.ID
		m.PersonID = personID
		stampTimes(&m.CreatedAt, &m.UpdatedAt, tx.now)
		if err := insertMember(ctx, tx, m); err != nil {
			return err
		}
		newID[old] = m.ID
	}
	for _, o := range d.OneToOnes {
		id, ok := newID[o.MemberID]
		if !ok {
			return ladder.Errorf(ladder.EINVALID, "A one-to-one names a member who is not on the team.")
		}
		o.PersonID, o.MemberID = personID, id
		stampTimes(&o.CreatedAt, &o.UpdatedAt, tx.now)
		if err := insertOneToOne(ctx, tx, o); err != nil {
			return err
		}
	}
	for _, s := range d.Stakeholders {
		s.PersonID = personID
		stampTimes(&s.CreatedAt, &s.UpdatedAt, tx.now)
		if err := insertStakeholder(ctx, tx, s); err != nil {
			return err
		}
	}
	for _, w := range d.Trust {
		w.PersonID = personID
		if err := insertTrustChecks(ctx, tx, w); err != nil {
			return err
		}
	}
	for _, dl := range d.Delegations {
		dl.PersonID = personID
		stampTimes(&dl.CreatedAt, &dl.UpdatedAt, tx.now)
		if err := insertDelegation(ctx, tx, dl); err != nil {
			return err
		}
	}
	return nil
}
