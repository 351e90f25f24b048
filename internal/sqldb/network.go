package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.NetworkService = (*NetworkService)(nil)

// NetworkService stores contacts, memberships of professional
// organisations and events with the contacts met there.
type NetworkService struct {
	db *DB
	// knownOrg reports whether a key names one of the professional
	// organisations of the built-in content.
	knownOrg func(string) bool
}

// NewNetworkService returns a NetworkService that checks organisation keys
// with knownOrg.
func NewNetworkService(db *DB, knownOrg func(string) bool) *NetworkService {
	return &NetworkService{db: db, knownOrg: knownOrg}
}

// day reads an optional day in UTC, so it never prints as the day before.
func day(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

const contactColumns = `id, person_id, name, organisation, title, where_met, how_help, reach, last_contact, next_contact,
	notes, created_at, updated_at`

// FindContact returns one contact of the person.
func (s *NetworkService) FindContact(ctx context.Context, personID, id int64) (_ *ladder.Contact, err error) {
	defer wrap(&err, "FindContact(%d)", id)
	cs, err := s.findContacts(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, errContactNotFound()
	}
	return cs[0], nil
}

// FindContacts returns the person's contacts, follow-ups first.
func (s *NetworkService) FindContacts(ctx context.Context, personID int64) (_ []*ladder.Contact, err error) {
	defer wrap(&err, "FindContacts")
	return s.findContacts(ctx, `person_id = $1`, personID)
}

func (s *NetworkService) findContacts(ctx context.Context, cond string, args ...any) ([]*ladder.Contact, error) {
	rows, err := s.db.query(ctx, `SELECT `+contactColumns+` FROM contacts WHERE `+cond+
		` ORDER BY CASE WHEN next_contact IS NULL THEN 1 ELSE 0 END, next_contact, name, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Contact
	for rows.Next() {
		c := &ladder.Contact{}
		var last, next sql.NullTime
		if err := rows.Scan(&c.ID, &c.PersonID, &c.Name, &c.Organisation, &c.Title, &c.WhereMet, &c.HowHelp, &c.Reach,
			&last, &next, &c.Notes, &c.CreatedAt, &c.UpdatedAt); err != nil {
			return nil, err
		}
		c.LastContact, c.NextContact = day(last), day(next)
		out = append(out, c)
	}
	return out, rows.Err()
}

// CreateContact stores c.
func (s *NetworkService) CreateContact(ctx context.Context, c *ladder.Contact) (err error) {
	defer wrap(&err, "CreateContact")
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, c.PersonID, func(tx *Tx) error {
		c.CreatedAt, c.UpdatedAt = tx.now, tx.now
		return mapErr(tx.QueryRowContext(ctx, `INSERT INTO contacts (person_id, name, organisation, title, where_met, how_help,
			reach, last_contact, next_contact, notes, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
			c.PersonID, c.Name, c.Organisation, c.Title, c.WhereMet, c.HowHelp, c.Reach, nullDay(c.LastContact),
			nullDay(c.NextContact), c.Notes, c.CreatedAt, c.UpdatedAt).Scan(&c.ID))
	})
}

// UpdateContact replaces the fields of the person's contact c.ID.
func (s *NetworkService) UpdateContact(ctx context.Context, c *ladder.Contact) (err error) {
	defer wrap(&err, "UpdateContact(%d)", c.ID)
	if err := c.Validate(); err != nil {
		return err
	}
	return s.write(ctx, c.PersonID, func(tx *Tx) error {
		c.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE contacts SET name = $1, organisation = $2, title = $3, where_met = $4,
			how_help = $5, reach = $6, last_contact = $7, next_contact = $8, notes = $9, updated_at = $10
			WHERE id = $11 AND person_id = $12 RETURNING created_at`,
			c.Name, c.Organisation, c.Title, c.WhereMet, c.HowHelp, c.Reach, nullDay(c.LastContact), nullDay(c.NextContact),
			c.Notes, c.UpdatedAt, c.ID, c.PersonID).Scan(&c.CreatedAt)
		return notFoundAs(err, errContactNotFound)
	})
}

// DeleteContact removes the person's contact id (and them from the events
// where they were met).
func (s *NetworkService) DeleteContact(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteContact(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM contacts WHERE id = $1 AND person_id = $2`, id, errContactNotFound)
}

// write runs f in a transaction that touches the person.
func (s *NetworkService) write(ctx context.Context, personID int64, f func(tx *Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := f(tx); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// notFoundAs maps no row to notFound() and other driver errors by code.
func notFoundAs(err error, notFound func() error) error {
	if err == sql.ErrNoRows {
		return notFound()
	}
	return mapErr(err)
}

const membershipColumns = `id, person_id, org_key, name, status, since, renewal, notes, created_at, updated_at`

// FindMembership returns one membership of the person.
func (s *NetworkService) FindMembership(ctx context.Context, personID, id int64) (_ *ladder.Membership, err error) {
	defer wrap(&err, "FindMembership(%d)", id)
	ms, err := s.findMemberships(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errMembershipNotFound()
	}
	return ms[0], nil
}

// FindMemberships returns the person's memberships: members first, then
// those considered, then lapsed ones.
func (s *NetworkService) FindMemberships(ctx context.Context, personID int64) (_ []*ladder.Membership, err error) {
	defer wrap(&err, "FindMemberships")
	return s.findMemberships(ctx, `person_id = $1`, personID)
}

func (s *NetworkService) findMemberships(ctx context.Context, cond string, args ...any) ([]*ladder.Membership, error) {
	rows, err := s.db.query(ctx, `SELECT `+membershipColumns+` FROM memberships WHERE `+cond+
		` ORDER BY CASE status WHEN 'member' THEN 0 WHEN 'considering' THEN 1 ELSE 2 END, org_key, name, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Membership
	for rows.Next() {
		m := &ladder.Membership{}
		var since, renewal sql.NullTime
		if err := rows.Scan(&m.ID, &m.PersonID, &m.OrgKey, &m.Name, &m.Status, &since, &renewal, &m.Notes,
			&m.CreatedAt, &m.UpdatedAt); err != nil {
			return nil, err
		}
		m.Since, m.Renewal = day(since), day(renewal)
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *NetworkService) validateMembership(m *ladder.Membership) error {
	if err := m.Validate(); err != nil {
		return err
	}
	if m.OrgKey != "" && !s.knownOrg(m.OrgKey) {
		return &ladder.Error{Code: ladder.EINVALID, Message: "The membership is not valid.",
			Fields: map[string]string{"organisation": fmt.Sprintf("unknown organisation %q: pick one from the list or give a name", m.OrgKey)}}
	}
	return nil
}

// membershipConflict names the organisation of a second membership.
func membershipConflict(err error) error {
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "You have a membership of this organisation already: change that one.",
			Fields: map[string]string{"organisation": "has a membership already"}}
	}
	return err
}

// CreateMembership stores m.
func (s *NetworkService) CreateMembership(ctx context.Context, m *ladder.Membership) (err error) {
	defer wrap(&err, "CreateMembership")
	if err := s.validateMembership(m); err != nil {
		return err
	}
	return s.write(ctx, m.PersonID, func(tx *Tx) error {
		m.CreatedAt, m.UpdatedAt = tx.now, tx.now
		return membershipConflict(mapErr(tx.QueryRowContext(ctx, `INSERT INTO memberships (person_id, org_key, name, status,
			since, renewal, notes, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			m.PersonID, m.OrgKey, m.Name, m.Status, nullDay(m.Since), nullDay(m.Renewal), m.Notes, m.CreatedAt, m.UpdatedAt).Scan(&m.ID)))
	})
}

// UpdateMembership replaces the fields of the person's membership m.ID.
func (s *NetworkService) UpdateMembership(ctx context.Context, m *ladder.Membership) (err error) {
	defer wrap(&err, "UpdateMembership(%d)", m.ID)
	if err := s.validateMembership(m); err != nil {
		return err
	}
	return s.write(ctx, m.PersonID, func(tx *Tx) error {
		m.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE memberships SET org_key = $1, name = $2, status = $3, since = $4, renewal = $5,
			notes = $6, updated_at = $7 WHERE id = $8 AND person_id = $9 RETURNING created_at`,
			m.OrgKey, m.Name, m.Status, nullDay(m.Since), nullDay(m.Renewal), m.Notes, m.UpdatedAt, m.ID, m.PersonID).Scan(&m.CreatedAt)
		return membershipConflict(notFoundAs(err, errMembershipNotFound))
	})
}

// DeleteMembership removes the person's membership id.
func (s *NetworkService) DeleteMembership(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteMembership(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM memberships WHERE id = $1 AND person_id = $2`, id, errMembershipNotFound)
}

const eventColumns = `id, person_id, name, event_date, location, status, notes, created_at, updated_at`

// FindNetworkEvent returns one event of the person.
func (s *NetworkService) FindNetworkEvent(ctx context.Context, personID, id int64) (_ *ladder.NetworkEvent, err error) {
	defer wrap(&err, "FindNetworkEvent(%d)", id)
	es, err := s.findEvents(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, errEventNotFound()
	}
	return es[0], nil
}

// FindNetworkEvents returns the person's events, latest first.
func (s *NetworkService) FindNetworkEvents(ctx context.Context, personID int64) (_ []*ladder.NetworkEvent, err error) {
	defer wrap(&err, "FindNetworkEvents")
	return s.findEvents(ctx, `person_id = $1`, personID)
}

func (s *NetworkService) findEvents(ctx context.Context, cond string, args ...any) ([]*ladder.NetworkEvent, error) {
	rows, err := s.db.query(ctx, `SELECT `+eventColumns+` FROM network_events WHERE `+cond+` ORDER BY event_date DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.NetworkEvent
	byID := map[int64]*ladder.NetworkEvent{}
	for rows.Next() {
		e := &ladder.NetworkEvent{}
		if err := rows.Scan(&e.ID, &e.PersonID, &e.Name, &e.Date, &e.Location, &e.Status, &e.Notes, &e.CreatedAt, &e.UpdatedAt); err != nil {
			return nil, err
		}
		e.Date = e.Date.UTC()
		out = append(out, e)
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	in, inArgs := inList(byID)
	return out, loadPairs(ctx, s.db, `SELECT event_id, contact_id FROM network_event_contacts
		WHERE event_id IN (`+in+`) ORDER BY event_id, contact_id`, inArgs, func(id, contact int64) {
		byID[id].ContactIDs = append(byID[id].ContactIDs, contact)
	})
}

// CreateNetworkEvent stores e with the contacts met.
func (s *NetworkService) CreateNetworkEvent(ctx context.Context, e *ladder.NetworkEvent) (err error) {
	defer wrap(&err, "CreateNetworkEvent")
	if err := e.Validate(); err != nil {
		return err
	}
	return s.write(ctx, e.PersonID, func(tx *Tx) error {
		e.CreatedAt, e.UpdatedAt = tx.now, tx.now
		err := tx.QueryRowContext(ctx, `INSERT INTO network_events (person_id, name, event_date, location, status, notes,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
			e.PersonID, e.Name, e.Date, e.Location, e.Status, e.Notes, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
		if err := mapErr(err); err != nil {
			return err
		}
		return writeEventContacts(ctx, tx, e)
	})
}

// UpdateNetworkEvent replaces the fields and contacts of the person's
// event e.ID.
func (s *NetworkService) UpdateNetworkEvent(ctx context.Context, e *ladder.NetworkEvent) (err error) {
	defer wrap(&err, "UpdateNetworkEvent(%d)", e.ID)
	if err := e.Validate(); err != nil {
		return err
	}
	return s.write(ctx, e.PersonID, func(tx *Tx) error {
		e.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE network_events SET name = $1, event_date = $2, location = $3, status = $4,
			notes = $5, updated_at = $6 WHERE id = $7 AND person_id = $8 RETURNING created_at`,
			e.Name, e.Date, e.Location, e.Status, e.Notes, e.UpdatedAt, e.ID, e.PersonID).Scan(&e.CreatedAt)
		if err := notFoundAs(err, errEventNotFound); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM network_event_contacts WHERE event_id = $1`, e.ID); err != nil {
			return err
		}
		return writeEventContacts(ctx, tx, e)
	})
}

// writeEventContacts links the contacts met; each must be the person's.
func writeEventContacts(ctx context.Context, tx *Tx, e *ladder.NetworkEvent) error {
	for _, c := range e.ContactIDs {
		res, err := tx.ExecContext(ctx, `INSERT INTO network_event_contacts (event_id, contact_id)
			SELECT $1, id FROM contacts WHERE id = $2 AND person_id = $3`, e.ID, c, e.PersonID)
		if err := mustAffect(res, err); err != nil {
			if ladder.ErrorCode(err) == ladder.ENOTFOUND {
				return &ladder.Error{Code: ladder.EINVALID, Message: "The event is not valid.",
					Fields: map[string]string{"contacts": fmt.Sprintf("contact %d is not one of yours", c)}}
			}
			return err
		}
	}
	return nil
}

// DeleteNetworkEvent removes the person's event id.
func (s *NetworkService) DeleteNetworkEvent(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteNetworkEvent(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM network_events WHERE id = $1 AND person_id = $2`, id, errEventNotFound)
}

func errContactNotFound() error    { return ladder.Errorf(ladder.ENOTFOUND, "Contact not found.") }
func errMembershipNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Membership not found.") }
func errEventNotFound() error      { return ladder.Errorf(ladder.ENOTFOUND, "Event not found.") }
