package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/ladderhq/ladder"
)

const orgInviteColumns = `id, org_id, email, role, invited_by, created_at, expires_at, accepted_at, accepted_by, revoked_at`

func scanOrgInvitation(row interface{ Scan(...any) error }) (*ladder.OrgInvitation, error) {
	i := &ladder.OrgInvitation{}
	var by, acceptedBy sql.NullInt64
	var accepted, revoked sql.NullTime
	if err := row.Scan(&i.ID, &i.OrgID, &i.Email, &i.Role, &by, &i.CreatedAt, &i.ExpiresAt, &accepted, &acceptedBy, &revoked); err != nil {
		return nil, err
	}
	i.InvitedBy, i.AcceptedBy, i.AcceptedAt, i.RevokedAt = by.Int64, acceptedBy.Int64, accepted.Time, revoked.Time
	return i, nil
}

// CreateOrgInvitation stores an invitation and returns its link's token.
func (s *OrgService) CreateOrgInvitation(ctx context.Context, actorID int64, inv *ladder.OrgInvitation) (_ string, err error) {
	defer wrap(&err, "CreateOrgInvitation")
	if err := inv.Validate(); err != nil {
		return "", err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	// A member without an account (one an import added) may be invited:
	// the link is how they set a password.
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_members m JOIN persons p ON p.id = m.person_id
		JOIN accounts a ON a.person_id = p.id WHERE m.org_id = $1 AND p.email = $2`, inv.OrgID, inv.Email).Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		return "", &ladder.Error{Code: ladder.ECONFLICT, Message: inv.Email + " is a member already.",
			Fields: map[string]string{"email": "is a member already"}}
	}
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_invitations WHERE org_id = $1 AND email = $2
		AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $3`, inv.OrgID, inv.Email, tx.now).Scan(&n); err != nil {
		return "", err
	}
	if n > 0 {
		return "", &ladder.Error{Code: ladder.ECONFLICT, Message: inv.Email + " has a pending invitation.",
			Fields: map[string]string{"email": "has a pending invitation: revoke it to send a new one"}}
	}
	token := newToken()
	inv.InvitedBy, inv.CreatedAt, inv.ExpiresAt = actorID, tx.now, tx.now.Add(ladder.InvitationLifetime)
	inv.AcceptedAt, inv.AcceptedBy, inv.RevokedAt = time.Time{}, 0, time.Time{}
	err = tx.QueryRowContext(ctx, `INSERT INTO org_invitations (org_id, email, role, token_hash, invited_by, created_at, expires_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, inv.OrgID, inv.Email, inv.Role, hashToken(token), nullID(actorID),
		inv.CreatedAt, inv.ExpiresAt).Scan(&inv.ID)
	if err := mapErr(err); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return "", ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return "", err
	}
	return token, commitOrgAudit(ctx, tx, inv.OrgID, actorID, "invitation.create", ladder.AuditInvitation, inv.ID, inv.Email,
		"as "+ladder.OrgRoleLabel(inv.Role))
}

// FindOrgInvitations returns an organisation's invitations, newest first.
func (s *OrgService) FindOrgInvitations(ctx context.Context, orgID int64) (_ []*ladder.OrgInvitation, err error) {
	defer wrap(&err, "FindOrgInvitations(%d)", orgID)
	rows, err := s.db.query(ctx, `SELECT `+orgInviteColumns+` FROM org_invitations WHERE org_id = $1 ORDER BY created_at DESC, id DESC`, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.OrgInvitation
	for rows.Next() {
		i, err := scanOrgInvitation(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, i)
	}
	return out, rows.Err()
}

var errBadInvitation = ladder.Errorf(ladder.ENOTFOUND, "This invitation link is not valid: check that you copied all of it, or ask for a new one.")

// FindOrgInvitationByToken returns the invitation of a link.
func (s *OrgService) FindOrgInvitationByToken(ctx context.Context, token string) (_ *ladder.OrgInvitation, err error) {
	defer wrap(&err, "FindOrgInvitationByToken")
	i, err := scanOrgInvitation(s.db.queryRow(ctx, `SELECT `+orgInviteColumns+` FROM org_invitations WHERE token_hash = $1`, hashToken(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errBadInvitation
	}
	return i, err
}

// RevokeOrgInvitation withdraws a pending invitation.
func (s *OrgService) RevokeOrgInvitation(ctx context.Context, actorID, orgID, id int64) (err error) {
	defer wrap(&err, "RevokeOrgInvitation(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	i, err := scanOrgInvitation(tx.QueryRowContext(ctx, `SELECT `+orgInviteColumns+` FROM org_invitations WHERE org_id = $1 AND id = $2`, orgID, id))
	if errors.Is(err, sql.ErrNoRows) {
		return ladder.Errorf(ladder.ENOTFOUND, "Invitation not found.")
	} else if err != nil {
		return err
	}
	if st := i.Status(tx.now); st != ladder.InvitePending {
		return ladder.Errorf(ladder.ECONFLICT, "The invitation is %s: only a pending one can be revoked.", st)
	}
	if _, err := tx.ExecContext(ctx, `UPDATE org_invitations SET revoked_at = $1 WHERE id = $2`, tx.now, id); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "invitation.revoke", ladder.AuditInvitation, id, i.Email, "")
}

// AcceptOrgInvitation makes the person a member, once.
func (s *OrgService) AcceptOrgInvitation(ctx context.Context, token string, personID int64) (_ *ladder.OrgInvitation, err error) {
	defer wrap(&err, "AcceptOrgInvitation")
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	i, err := scanOrgInvitation(tx.QueryRowContext(ctx, `SELECT `+orgInviteColumns+` FROM org_invitations WHERE token_hash = $1`, hashToken(token)))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errBadInvitation
	} else if err != nil {
		return nil, err
	}
	if err := i.Usable(tx.now); err != nil {
		return nil, err
	}
	var email, name string
	if err := tx.QueryRowContext(ctx, `SELECT email, name FROM persons WHERE id = $1`, personID).Scan(&email, &name); err != nil {
		return nil, mapErr(err)
	}
	if email != i.Email {
		return nil, ladder.Errorf(ladder.EFORBIDDEN, "This invitation is for %s: sign in with that address to accept it.", i.Email)
	}
	org, err := orgOfMember(ctx, tx, personID)
	member := err == nil
	switch {
	case member && org != i.OrgID:
		return nil, ladder.Errorf(ladder.ECONFLICT, "You belong to another organisation: a person belongs to at most one.")
	case !member && ladder.ErrorCode(err) != ladder.ENOTFOUND:
		return nil, err
	}
	// The conditions again in the UPDATE: of two requests racing with one
	// link, only one changes the row.
	res, err := tx.ExecContext(ctx, `UPDATE org_invitations SET accepted_at = $1, accepted_by = $2
		WHERE id = $3 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1`, tx.now, personID, i.ID)
	if err != nil {
		return nil, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, errBadInvitation
	}
	if member {
		// Imported earlier: the invitation brings the account and its role.
		if err := setInvitedRole(ctx, tx, i.OrgID, personID, i.Role); err != nil {
			return nil, err
		}
	} else if err := addOrgMember(ctx, tx, i.OrgID, personID, i.Role, ""); err != nil {
		return nil, err
	}
	i.AcceptedAt, i.AcceptedBy = tx.now, personID
	return i, commitOrgAudit(ctx, tx, i.OrgID, personID, "invitation.accept", ladder.AuditPerson, personID, name,
		"joined as "+ladder.OrgRoleLabel(i.Role))
}

// setInvitedRole gives a member the role of their invitation, keeping an
// owner unless another remains.
func setInvitedRole(ctx context.Context, tx *Tx, orgID, personID int64, role string) error {
	m, err := findOrgMemberRow(ctx, tx, orgID, personID)
	if err != nil || m.role == role {
		return err
	}
	if m.role == ladder.OrgRoleOwner {
		if err := orgLastOwner(ctx, tx, orgID); err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `UPDATE org_members SET role = $1 WHERE person_id = $2`, role, personID)
	return err
}
