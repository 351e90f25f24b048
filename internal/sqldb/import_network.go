package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

// planActionRefs maps the ids the plan's actions have in d (those of the
// exporting database) to the actions themselves, taken before importPlan
// gives them new ids, so agreed actions can follow their plan action.
func planActionRefs(p *ladder.Plan) map[int64]*ladder.PlanAction {
	refs := map[int64]*ladder.PlanAction{}
	if p == nil {
		return refs
	}
	for gi := range p.Goals {
		for ai := range p.Goals[gi].Actions {
			if a := &p.Goals[gi].Actions[ai]; a.ID != 0 {
				refs[a.ID] = a
			}
		}
	}
	return refs
}

// importNetwork writes the mentoring and network records of d, turning the
// ids they refer to (a session's mentor, an agreed action's plan action, an
// event's contacts) into the new ones.
func importNetwork(ctx context.Context, tx *Tx, personID int64, d *ladder.PersonData, plan map[int64]*ladder.PlanAction) error {
	mentors := map[int64]int64{}
	for _, m := range d.Mentors {
		old := m.ID
		m.PersonID = personID
		stampTimes(&m.CreatedAt, &m.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO mentors (person_id, name, organisation, role, inside, background, contact,
			status, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
			m.PersonID, m.Name, m.Organisation, m.Role, m.Inside, m.Background, m.Contact, m.Status, m.Notes,
			m.CreatedAt, m.UpdatedAt).Scan(&m.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		mentors[old] = m.ID
		if err := writeMentorLists(ctx, tx, m); err != nil {
			return err
		}
	}
	for _, s := range d.Sessions {
		s.PersonID, s.MentorID = personID, mentors[s.MentorID]
		stampTimes(&s.CreatedAt, &s.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO mentoring_sessions (person_id, mentor_id, session_date, agenda, notes, status,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			s.PersonID, s.MentorID, s.Date, s.Agenda, s.Notes, s.Status, s.CreatedAt, s.UpdatedAt).Scan(&s.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		for i := range s.Actions {
			a := &s.Actions[i]
			a.SessionID = s.ID
			if ref := plan[a.PlanActionID]; ref != nil {
				a.PlanActionID = ref.ID
			} else {
				a.PlanActionID = 0
			}
			if err := insertAgreedAction(ctx, tx, a, i+1); err != nil {
				return err
			}
		}
	}
	contacts := map[int64]int64{}
	for _, c := range d.Contacts {
		old := c.ID
		c.PersonID = personID
		stampTimes(&c.CreatedAt, &c.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO contacts (person_id, name, organisation, title, where_met, how_help,
			reach, last_contact, next_contact, notes, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
			c.PersonID, c.Name, c.Organisation, c.Title, c.WhereMet, c.HowHelp, c.Reach, nullDay(c.LastContact),
			nullDay(c.NextContact), c.Notes, c.CreatedAt, c.UpdatedAt).Scan(&c.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		contacts[old] = c.ID
	}
	for _, m := range d.Memberships {
		m.PersonID = personID
		stampTimes(&m.CreatedAt, &m.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO memberships (person_id, org_key, name, status, since, renewal, notes,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			m.PersonID, m.OrgKey, m.Name, m.Status, nullDay(m.Since), nullDay(m.Renewal), m.Notes, m.CreatedAt, m.UpdatedAt).Scan(&m.ID)
		if err := mapErr(err); err != nil {
			return err
		}
	}
	for _, e := range d.Events {
		e.PersonID = personID
		stampTimes(&e.CreatedAt, &e.UpdatedAt, tx.now)
		err := tx.QueryRowContext(ctx, `INSERT INTO network_events (person_id, name, event_date, location, status, notes,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			e.PersonID, e.Name, e.Date, e.Location, e.Status, e.Notes, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		for i, c := range e.ContactIDs {
			e.ContactIDs[i] = contacts[c]
		}
		if err := writeEventContacts(ctx, tx, e); err != nil {
			return err
		}
	}
	return nil
}
