package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

const orgMemberColumns = `m.org_id, m.person_id, p.name, p.email, m.role, m.title, m.manager_id, m.joined_at,
	(SELECT COUNT(*) FROM accounts a WHERE a.person_id = m.person_id) + (SELECT COUNT(*) FROM sso_links l WHERE l.person_id = m.person_id)`

func scanOrgMember(row interface{ Scan(...any) error }) (*ladder.OrgMember, error) {
	m := &ladder.OrgMember{}
	var manager sql.NullInt64
	var accounts int
	if err := row.Scan(&m.OrgID, &m.PersonID, &m.Name, &m.Email, &m.Role, &m.Title, &manager, &m.JoinedAt, &accounts); err != nil {
		return nil, err
	}
	m.ManagerID, m.HasAccount = manager.Int64, accounts > 0
	return m, nil
}

var errNotOrgMember = ladder.Errorf(ladder.ENOTFOUND, "Member not found.")

// FindOrgMember returns a person's membership of orgID, or of any
// organisation when orgID is 0.
func (s *OrgService) FindOrgMember(ctx context.Context, orgID, personID int64) (_ *ladder.OrgMember, err error) {
	defer wrap(&err, "FindOrgMember(%d, %d)", orgID, personID)
	q := `SELECT ` + orgMemberColumns + ` FROM org_members m JOIN persons p ON p.id = m.person_id WHERE m.person_id = $1`
	args := []any{personID}
	if orgID != 0 {
		q += ` AND m.org_id = $2`
		args = append(args, orgID)
	}
	m, err := scanOrgMember(s.db.queryRow(ctx, q, args...))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotOrgMember
	} else if err != nil {
		return nil, err
	}
	return m, s.loadMentors(ctx, m.OrgID, map[int64]*ladder.OrgMember{m.PersonID: m})
}

// FindOrgMembers returns the members of an organisation by name, and their
// total.
func (s *OrgService) FindOrgMembers(ctx context.Context, f ladder.OrgMemberFilter) (_ []*ladder.OrgMember, _ int, err error) {
	defer wrap(&err, "FindOrgMembers(%d)", f.OrgID)
	cond, args := "m.org_id = $1", []any{f.OrgID}
	if f.Role != "" {
		cond += " AND m.role = $2"
		args = append(args, f.Role)
	}
	var n int
	if err := s.db.queryRow(ctx, `SELECT COUNT(*) FROM org_members m WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.query(ctx, `SELECT `+orgMemberColumns+` FROM org_members m JOIN persons p ON p.id = m.person_id WHERE `+cond+
		` ORDER BY p.name, p.id`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []*ladder.OrgMember
	byID := map[int64]*ladder.OrgMember{}
	for rows.Next() {
		m, err := scanOrgMember(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, m)
		byID[m.PersonID] = m
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows.Close()
	return out, n, s.loadMentors(ctx, f.OrgID, byID)
}

// loadMentors fills MentorIDs of the members given.
func (s *OrgService) loadMentors(ctx context.Context, orgID int64, byID map[int64]*ladder.OrgMember) error {
	if len(byID) == 0 {
		return nil
	}
	q, args := `SELECT mentor_id, mentee_id FROM org_mentorships WHERE org_id = $1 ORDER BY mentee_id, mentor_id`, []any{orgID}
	if len(byID) == 1 {
		// One member (every authorisation check asks for one): their
		// mentors only, not the whole organisation's.
		for id := range byID {
			q, args = `SELECT mentor_id, mentee_id FROM org_mentorships WHERE org_id = $1 AND mentee_id = $2 ORDER BY mentor_id`, []any{orgID, id}
		}
	}
	rows, err := s.db.query(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var mentor, mentee int64
		if err := rows.Scan(&mentor, &mentee); err != nil {
			return err
		}
		if m := byID[mentee]; m != nil {
			m.MentorIDs = append(m.MentorIDs, mentor)
		}
	}
	return rows.Err()
}

// orgMemberRow is what a change needs to know of a member.
type orgMemberRow struct {
	name, role, title string
	manager           int64
}

func findOrgMemberRow(ctx context.Context, tx *Tx, orgID, personID int64) (*orgMemberRow, error) {
	m := &orgMemberRow{}
	var manager sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT p.name, m.role, m.title, m.manager_id FROM org_members m JOIN persons p ON p.id = m.person_id
		WHERE m.org_id = $1 AND m.person_id = $2`, orgID, personID).Scan(&m.name, &m.role, &m.title, &manager)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotOrgMember
	}
	m.manager = manager.Int64
	return m, err
}

// orgLastOwner refuses a change that would leave the organisation without an
// owner.
func orgLastOwner(ctx context.Context, tx *Tx, orgID int64) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_members WHERE org_id = $1 AND role = $2`, orgID, ladder.OrgRoleOwner).Scan(&n); err != nil {
		return err
	}
	if n <= 1 {
		return ladder.Errorf(ladder.ECONFLICT, "The organisation needs an owner: make someone else owner first.")
	}
	return nil
}

// UpdateOrgMember changes a member's role, title or manager.
func (s *OrgService) UpdateOrgMember(ctx context.Context, actorID, orgID, personID int64, upd ladder.OrgMemberUpdate) (_ *ladder.OrgMember, err error) {
	defer wrap(&err, "UpdateOrgMember(%d, %d)", orgID, personID)
	if err := upd.Validate(); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	old, err := findOrgMemberRow(ctx, tx, orgID, personID)
	if err != nil {
		return nil, err
	}
	var entries []*ladder.AuditEntry
	entry := func(action, detail string) {
		entries = append(entries, &ladder.AuditEntry{OrgID: orgID, ActorID: actorID, Action: action, SubjectKind: ladder.AuditPerson,
			SubjectID: personID, SubjectName: old.name, Detail: detail})
	}
	if r := upd.Role; r != nil && *r != old.role {
		if old.role == ladder.OrgRoleOwner {
			if err := orgLastOwner(ctx, tx, orgID); err != nil {
				return nil, err
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE org_members SET role = $1 WHERE person_id = $2`, *r, personID); err != nil {
			return nil, err
		}
		entry("member.role", ladder.OrgRoleLabel(old.role)+" → "+ladder.OrgRoleLabel(*r))
	}
	if t := upd.Title; t != nil && *t != old.title {
		if _, err := tx.ExecContext(ctx, `UPDATE org_members SET title = $1 WHERE person_id = $2`, *t, personID); err != nil {
			return nil, err
		}
		entry("member.title", fmt.Sprintf("%q → %q", old.title, *t))
	}
	if mg := upd.ManagerID; mg != nil && *mg != old.manager {
		detail, err := setOrgManager(ctx, tx, orgID, personID, *mg)
		if err != nil {
			return nil, err
		}
		entry("member.manager", detail)
	}
	for _, e := range entries {
		if err := writeAudit(ctx, tx, e); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return s.FindOrgMember(ctx, orgID, personID)
}

// setOrgManager gives a member a manager (0: none) after checking that the
// manager is another member and that no circle of managers results. It
// returns the audit detail.
func setOrgManager(ctx context.Context, tx *Tx, orgID, personID, managerID int64) (string, error) {
	detail := "no manager"
	if managerID != 0 {
		if managerID == personID {
			return "", orgFieldError("The manager is not valid.", "manager", "a person cannot manage themselves")
		}
		mgr, err := findOrgMemberRow(ctx, tx, orgID, managerID)
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return "", orgFieldError("The manager is not valid.", "manager", "is not a member of the organisation")
		} else if err != nil {
			return "", err
		}
		// Walk up from the new manager: reaching the person would make a
		// circle. The walk ends because the stored links have no circle.
		for at := mgr.manager; at != 0; {
			if at == personID {
				return "", orgFieldError("The manager is not valid.", "manager", "would make a circle of managers")
			}
			var next sql.NullInt64
			if err := tx.QueryRowContext(ctx, `SELECT manager_id FROM org_members WHERE person_id = $1`, at).Scan(&next); err != nil {
				return "", mapErr(err)
			}
			at = next.Int64
		}
		detail = "manager " + mgr.name
	}
	_, err := tx.ExecContext(ctx, `UPDATE org_members SET manager_id = $1 WHERE person_id = $2`, nullID(managerID), personID)
	return detail, mapErr(err)
}

func orgFieldError(msg, field, problem string) error {
	return &ladder.Error{Code: ladder.EINVALID, Message: msg, Fields: map[string]string{field: problem}}
}

// RemoveOrgMember takes a person out of the organisation with their
// relations in it.
func (s *OrgService) RemoveOrgMember(ctx context.Context, actorID, orgID, personID int64) (err error) {
	defer wrap(&err, "RemoveOrgMember(%d, %d)", orgID, personID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	m, err := findOrgMemberRow(ctx, tx, orgID, personID)
	if err != nil {
		return err
	}
	if m.role == ladder.OrgRoleOwner {
		if err := orgLastOwner(ctx, tx, orgID); err != nil {
			return err
		}
	}
	for _, q := range []string{
		`UPDATE org_members SET manager_id = NULL WHERE org_id = $1 AND manager_id = $2`,
		`DELETE FROM org_mentorships WHERE org_id = $1 AND (mentor_id = $2 OR mentee_id = $2)`,
		`DELETE FROM org_cohort_members WHERE person_id = $2 AND cohort_id IN
			(SELECT c.id FROM org_cohorts c JOIN org_programmes g ON g.id = c.programme_id WHERE g.org_id = $1)`,
		`DELETE FROM org_members WHERE org_id = $1 AND person_id = $2`,
		`UPDATE persons SET org_id = NULL WHERE org_id = $1 AND id = $2`,
	} {
		if _, err := tx.ExecContext(ctx, q, orgID, personID); err != nil {
			return err
		}
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "member.remove", ladder.AuditPerson, personID, m.name, "was "+ladder.OrgRoleLabel(m.role))
}

// AddOrgMentor assigns a member as another's mentor.
func (s *OrgService) AddOrgMentor(ctx context.Context, actorID, orgID, mentorID, menteeID int64) (err error) {
	defer wrap(&err, "AddOrgMentor")
	if mentorID == menteeID {
		return orgFieldError("The mentor is not valid.", "mentor", "a person cannot mentor themselves")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	mentee, err := findOrgMemberRow(ctx, tx, orgID, menteeID)
	if err != nil {
		return err
	}
	mentor, err := findOrgMemberRow(ctx, tx, orgID, mentorID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return orgFieldError("The mentor is not valid.", "mentor", "is not a member of the organisation")
	} else if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO org_mentorships (org_id, mentor_id, mentee_id, created_at) VALUES ($1, $2, $3, $4)`,
		orgID, mentorID, menteeID, tx.now)
	if ladder.ErrorCode(mapErr(err)) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: mentor.name + " mentors " + mentee.name + " already.",
			Fields: map[string]string{"mentor": "is their mentor already"}}
	} else if err != nil {
		return mapErr(err)
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "mentor.add", ladder.AuditPerson, menteeID, mentee.name, "mentor "+mentor.name)
}

// RemoveOrgMentor ends a mentor assignment.
func (s *OrgService) RemoveOrgMentor(ctx context.Context, actorID, orgID, mentorID, menteeID int64) (err error) {
	defer wrap(&err, "RemoveOrgMentor")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var mentor, mentee string
	err = tx.QueryRowContext(ctx, `SELECT a.name, b.name FROM org_mentorships x JOIN persons a ON a.id = x.mentor_id
		JOIN persons b ON b.id = x.mentee_id WHERE x.org_id = $1 AND x.mentor_id = $2 AND x.mentee_id = $3`,
		orgID, mentorID, menteeID).Scan(&mentor, &mentee)
	if errors.Is(err, sql.ErrNoRows) {
		return ladder.Errorf(ladder.ENOTFOUND, "Mentor assignment not found.")
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM org_mentorships WHERE mentor_id = $1 AND mentee_id = $2`, mentorID, menteeID); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "mentor.remove", ladder.AuditPerson, menteeID, mentee, "mentor "+mentor)
}

// orgPlaceholders returns "$k, $k+1, ..." for n values starting at placeholder k.
func orgPlaceholders(k, n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("$%d", k+i)
	}
	return strings.Join(ps, ", ")
}
