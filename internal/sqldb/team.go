package sqldb

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.TeamService = (*TeamService)(nil)

// TeamService stores team members, their one-to-ones and follow-ups. One-
// to-ones belong to a member; the member's person_id is their owner.
type TeamService struct{ db *DB }

// NewTeamService returns a TeamService.
func NewTeamService(db *DB) *TeamService { return &TeamService{db: db} }

const memberColumns = `id, person_id, name, role, strengths, goals, concerns, notes, next_one_to_one, created_at, updated_at`

// FindTeamMembers returns the person's team by name.
func (s *TeamService) FindTeamMembers(ctx context.Context, personID int64) (_ []*ladder.TeamMember, err error) {
	defer wrap(&err, "FindTeamMembers")
	return s.findMembers(ctx, `person_id = $1`, personID)
}

// FindTeamMember returns one member of the person's team.
func (s *TeamService) FindTeamMember(ctx context.Context, personID, id int64) (_ *ladder.TeamMember, err error) {
	defer wrap(&err, "FindTeamMember(%d)", id)
	ms, err := s.findMembers(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return nil, errMemberNotFound()
	}
	return ms[0], nil
}

func (s *TeamService) findMembers(ctx context.Context, cond string, args ...any) ([]*ladder.TeamMember, error) {
	rows, err := s.db.query(ctx, `SELECT `+memberColumns+` FROM team_members WHERE `+cond+` ORDER BY name, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.TeamMember
	for rows.Next() {
		m := &ladder.TeamMember{}
		var next sql.NullTime
		if err := rows.Scan(&m.ID, &m.PersonID, &m.Name, &m.Role, &m.Strengths, &m.Goals, &m.Concerns, &m.Notes, &next,
			&m.CreatedAt, &m.UpdatedAt); err != nil {
			return nil, err
		}
		m.NextOneToOne = utcDay(next)
		out = append(out, m)
	}
	return out, rows.Err()
}

// utcDay is a nullable day column as a time, zero for NULL.
func utcDay(t sql.NullTime) time.Time {
	if !t.Valid {
		return time.Time{}
	}
	return t.Time.UTC()
}

// sortFollowUps orders follow-ups by due day, undated ones last.
func sortFollowUps(fus []*ladder.FollowUp) {
	slices.SortStableFunc(fus, func(a, b *ladder.FollowUp) int {
		switch {
		case a.Due.IsZero() != b.Due.IsZero():
			if a.Due.IsZero() {
				return 1
			}
			return -1
		}
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.ID, b.ID))
	})
}

// CreateTeamMember stores m.
func (s *TeamService) CreateTeamMember(ctx context.Context, m *ladder.TeamMember) (err error) {
	defer wrap(&err, "CreateTeamMember")
	if err := m.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, m.PersonID, func(tx *Tx) error {
		stampTimes(&m.CreatedAt, &m.UpdatedAt, tx.now)
		return insertMember(ctx, tx, m)
	})
}

func insertMember(ctx context.Context, tx *Tx, m *ladder.TeamMember) error {
	return mapErr(tx.QueryRowContext(ctx, `INSERT INTO team_members (person_id, name, role, strengths, goals, concerns, notes,
		next_one_to_one, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		m.PersonID, m.Name, m.Role, m.Strengths, m.Goals, m.Concerns, m.Notes, nullDay(m.NextOneToOne), m.CreatedAt, m.UpdatedAt).Scan(&m.ID))
}

// UpdateTeamMember replaces the fields of the person's member m.ID.
func (s *TeamService) UpdateTeamMember(ctx context.Context, m *ladder.TeamMember) (err error) {
	defer wrap(&err, "UpdateTeamMember(%d)", m.ID)
	if err := m.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, m.PersonID, func(tx *Tx) error {
		m.UpdatedAt = tx.now
		err := tx.QueryRowContext(ctx, `UPDATE team_members SET name = $1, role = $2, strengths = $3, goals = $4, concerns = $5,
			notes = $6, next_one_to_one = $7, updated_at = $8 WHERE id = $9 AND person_id = $10 RETURNING created_at`,
			m.Name, m.Role, m.Strengths, m.Goals, m.Concerns, m.Notes, nullDay(m.NextOneToOne), m.UpdatedAt, m.ID, m.PersonID).Scan(&m.CreatedAt)
		return memberNotFound(mapErr(err))
	})
}

// DeleteTeamMember removes the member; their one-to-ones go with them.
func (s *TeamService) DeleteTeamMember(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteTeamMember(%d)", id)
	return s.db.personTx(ctx, personID, func(tx *Tx) error {
		return memberNotFound(mustAffect(tx.ExecContext(ctx, `DELETE FROM team_members WHERE id = $1 AND person_id = $2`, id, personID)))
	})
}

// FindOneToOnes returns one member's one-to-ones (every member's for 0),
// newest first.
func (s *TeamService) FindOneToOnes(ctx context.Context, personID, memberID int64) (_ []*ladder.OneToOne, err error) {
	defer wrap(&err, "FindOneToOnes")
	cond, args := `m.person_id = $1`, []any{personID}
	if memberID != 0 {
		cond, args = cond+` AND o.member_id = $2`, append(args, memberID)
	}
	rows, err := s.db.query(ctx, `SELECT o.id, o.member_id, o.meeting_date, o.notes, o.created_at, o.updated_at
		FROM one_to_ones o JOIN team_members m ON m.id = o.member_id WHERE `+cond+` ORDER BY o.meeting_date DESC, o.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.OneToOne
	byID := map[int64]*ladder.OneToOne{}
	for rows.Next() {
		o := &ladder.OneToOne{PersonID: personID}
		if err := rows.Scan(&o.ID, &o.MemberID, &o.Date, &o.Notes, &o.CreatedAt, &o.UpdatedAt); err != nil {
			return nil, err
		}
		o.Date = o.Date.UTC()
		out = append(out, o)
		byID[o.ID] = o
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	fus, err := s.findFollowUps(ctx, `m.person_id = $1`, personID)
	if err != nil {
		return nil, err
	}
	for _, fu := range fus {
		if o := byID[fu.OneToOneID]; o != nil {
			o.FollowUps = append(o.FollowUps, *fu)
		}
	}
	return out, nil
}

// findFollowUps returns follow-ups in meeting order; cond may use m (the
// member) and f (the follow-up).
func (s *TeamService) findFollowUps(ctx context.Context, cond string, args ...any) ([]*ladder.FollowUp, error) {
	rows, err := s.db.query(ctx, `SELECT f.id, f.one_to_one_id, o.member_id, f.text, f.due_date, f.done
		FROM one_to_one_follow_ups f JOIN one_to_ones o ON o.id = f.one_to_one_id JOIN team_members m ON m.id = o.member_id
		WHERE `+cond+` ORDER BY f.one_to_one_id, f.position`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.FollowUp
	for rows.Next() {
		fu := &ladder.FollowUp{}
		var due sql.NullTime
		if err := rows.Scan(&fu.ID, &fu.OneToOneID, &fu.MemberID, &fu.Text, &due, &fu.Done); err != nil {
			return nil, err
		}
		fu.Due = utcDay(due)
		out = append(out, fu)
	}
	return out, rows.Err()
}

// CreateOneToOne stores o with its follow-ups and books the next one.
func (s *TeamService) CreateOneToOne(ctx context.Context, o *ladder.OneToOne) (err error) {
	defer wrap(&err, "CreateOneToOne")
	if err := o.Validate(); err != nil {
		return err
	}
	return s.db.personTx(ctx, o.PersonID, func(tx *Tx) error {
		// The member must be the person's: another's is not found.
		var one int
		if err := tx.QueryRowContext(ctx, `SELECT 1 FROM team_members WHERE id = $1 AND person_id = $2`, o.MemberID, o.PersonID).
			Scan(&one); err != nil {
			return memberNotFound(mapErr(err))
		}
		stampTimes(&o.CreatedAt, &o.UpdatedAt, tx.now)
		if err := insertOneToOne(ctx, tx, o); err != nil {
			return err
		}
		if o.Next.IsZero() {
			return nil
		}
		_, err := tx.ExecContext(ctx, `UPDATE team_members SET next_one_to_one = $1, updated_at = $2 WHERE id = $3`,
			o.Next, tx.now, o.MemberID)
		return err
	})
}

func insertOneToOne(ctx context.Context, tx *Tx, o *ladder.OneToOne) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO one_to_ones (member_id, meeting_date, notes, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, o.MemberID, o.Date, o.Notes, o.CreatedAt, o.UpdatedAt).Scan(&o.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	for i := range o.FollowUps {
		fu := &o.FollowUps[i]
		fu.OneToOneID, fu.MemberID = o.ID, o.MemberID
		if err := mapErr(tx.QueryRowContext(ctx, `INSERT INTO one_to_one_follow_ups (one_to_one_id, position, text, due_date, done)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, o.ID, i+1, fu.Text, nullDay(fu.Due), fu.Done).Scan(&fu.ID)); err != nil {
			return err
		}
	}
	return nil
}

// SetFollowUpDone ticks a follow-up of the person's off, or opens it again.
func (s *TeamService) SetFollowUpDone(ctx context.Context, personID, id int64, done bool) (_ *ladder.FollowUp, err error) {
	defer wrap(&err, "SetFollowUpDone(%d)", id)
	err = s.db.personTx(ctx, personID, func(tx *Tx) error {
		return followUpNotFound(mustAffect(tx.ExecContext(ctx, `UPDATE one_to_one_follow_ups SET done = $1 WHERE id = $2 AND
			one_to_one_id IN (SELECT o.id FROM one_to_ones o JOIN team_members m ON m.id = o.member_id WHERE m.person_id = $3)`,
			done, id, personID)))
	})
	if err != nil {
		return nil, err
	}
	fus, err := s.findFollowUps(ctx, `m.person_id = $1 AND f.id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(fus) == 0 {
		return nil, followUpNotFound(ladder.Errorf(ladder.ENOTFOUND, ""))
	}
	return fus[0], nil
}

// FindOpenFollowUps returns the follow-ups not done, dated ones first.
func (s *TeamService) FindOpenFollowUps(ctx context.Context, personID int64) (_ []*ladder.FollowUp, err error) {
	defer wrap(&err, "FindOpenFollowUps")
	fus, err := s.findFollowUps(ctx, `m.person_id = $1 AND f.done = $2`, personID, false)
	if err != nil {
		return nil, err
	}
	sortFollowUps(fus)
	return fus, nil
}

func errMemberNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Team member not found.") }

func memberNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errMemberNotFound()
	}
	return err
}

func followUpNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ENOTFOUND, "Follow-up not found.")
	}
	return err
}
