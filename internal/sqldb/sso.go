package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.SSOService = (*SSOService)(nil)

// SSOService stores organisations' single sign-on, sign-ins under way and
// linked identities.
type SSOService struct{ db *DB }

// NewSSOService returns an SSOService on db.
func NewSSOService(db *DB) *SSOService { return &SSOService{db: db} }

// scopeSSO counts sign-in starts per client address in auth_failures.
const scopeSSO = "sso"

var errNoOrgSSO = ladder.Errorf(ladder.ENOTFOUND, "Single sign-on is not set up for this organisation.")

// FindOrgSSO returns the configuration of an organisation.
func (s *SSOService) FindOrgSSO(ctx context.Context, orgID int64) (_ *ladder.OrgSSO, err error) {
	defer wrap(&err, "FindOrgSSO(%d)", orgID)
	c := &ladder.OrgSSO{}
	err = s.db.queryRow(ctx, `SELECT org_id, issuer, client_id, client_secret, enabled, provision, created_at, updated_at
		FROM org_sso WHERE org_id = $1`, orgID).Scan(&c.OrgID, &c.Issuer, &c.ClientID, &c.ClientSecret, &c.Enabled, &c.Provision,
		&c.CreatedAt, &c.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoOrgSSO
	}
	return c, err
}

// SaveOrgSSO creates or replaces the configuration, keeping the stored
// secret when c has none, and audits what changed (never the secret).
func (s *SSOService) SaveOrgSSO(ctx context.Context, actorID int64, c *ladder.OrgSSO) (err error) {
	defer wrap(&err, "SaveOrgSSO(%d)", c.OrgID)
	if err := c.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var orgName string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, c.OrgID).Scan(&orgName); errors.Is(err, sql.ErrNoRows) {
		return ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return err
	}
	old := &ladder.OrgSSO{}
	err = tx.QueryRowContext(ctx, `SELECT issuer, client_id, client_secret, enabled, provision, created_at FROM org_sso WHERE org_id = $1`,
		c.OrgID).Scan(&old.Issuer, &old.ClientID, &old.ClientSecret, &old.Enabled, &old.Provision, &old.CreatedAt)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	secretChanged := c.ClientSecret != "" && c.ClientSecret != old.ClientSecret
	if c.ClientSecret == "" {
		c.ClientSecret = old.ClientSecret
	}
	c.UpdatedAt = tx.now
	if exists {
		c.CreatedAt = old.CreatedAt
		_, err = tx.ExecContext(ctx, `UPDATE org_sso SET issuer = $1, client_id = $2, client_secret = $3, enabled = $4, provision = $5,
			updated_at = $6 WHERE org_id = $7`, c.Issuer, c.ClientID, c.ClientSecret, c.Enabled, c.Provision, c.UpdatedAt, c.OrgID)
	} else {
		c.CreatedAt = tx.now
		_, err = tx.ExecContext(ctx, `INSERT INTO org_sso (org_id, issuer, client_id, client_secret, enabled, provision, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, c.OrgID, c.Issuer, c.ClientID, c.ClientSecret, c.Enabled, c.Provision, c.CreatedAt, c.UpdatedAt)
	}
	if err != nil {
		return mapErr(err)
	}
	action, detail := "sso.update", ssoChanges(old, c, secretChanged)
	if !exists {
		action = "sso.create"
		detail = fmt.Sprintf("issuer %s, client %s, enabled %t, provisioning %t", c.Issuer, c.ClientID, c.Enabled, c.Provision)
		if c.ClientSecret != "" {
			detail += ", secret set"
		}
	}
	return commitOrgAudit(ctx, tx, c.OrgID, actorID, action, ladder.AuditOrganisation, c.OrgID, orgName, detail)
}

// ssoChanges describes an update for the audit log: whether the secret
// changed, never what it is.
func ssoChanges(old, c *ladder.OrgSSO, secretChanged bool) string {
	var out []string
	if old.Issuer != c.Issuer {
		out = append(out, fmt.Sprintf("issuer %s → %s", old.Issuer, c.Issuer))
	}
	if old.ClientID != c.ClientID {
		out = append(out, fmt.Sprintf("client %s → %s", old.ClientID, c.ClientID))
	}
	if secretChanged {
		out = append(out, "secret replaced")
	}
	if old.Enabled != c.Enabled {
		out = append(out, fmt.Sprintf("enabled %t → %t", old.Enabled, c.Enabled))
	}
	if old.Provision != c.Provision {
		out = append(out, fmt.Sprintf("provisioning %t → %t", old.Provision, c.Provision))
	}
	if len(out) == 0 {
		return "no change"
	}
	return strings.Join(out, "; ")
}

// DeleteOrgSSO removes the configuration, the organisation's links and its
// sign-ins under way.
func (s *SSOService) DeleteOrgSSO(ctx context.Context, actorID, orgID int64) (err error) {
	defer wrap(&err, "DeleteOrgSSO(%d)", orgID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var issuer, orgName string
	if err := tx.QueryRowContext(ctx, `SELECT c.issuer, o.name FROM org_sso c JOIN organisations o ON o.id = c.org_id
		WHERE c.org_id = $1`, orgID).Scan(&issuer, &orgName); errors.Is(err, sql.ErrNoRows) {
		return errNoOrgSSO
	} else if err != nil {
		return err
	}
	var links int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM sso_links WHERE org_id = $1`, orgID).Scan(&links); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM sso_links WHERE org_id = $1`, `DELETE FROM sso_attempts WHERE org_id = $1`,
		`DELETE FROM org_sso WHERE org_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, orgID); err != nil {
			return err
		}
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "sso.remove", ladder.AuditOrganisation, orgID, orgName,
		fmt.Sprintf("issuer %s; %d linked identities unlinked", issuer, links))
}

// FindSSOOrganisation finds the organisation with enabled single sign-on
// by the domain of a work email, or by slug.
func (s *SSOService) FindSSOOrganisation(ctx context.Context, emailOrSlug string) (_ *ladder.Organisation, err error) {
	defer wrap(&err, "FindSSOOrganisation")
	key := strings.ToLower(strings.TrimSpace(emailOrSlug))
	var orgID int64
	if _, domain, ok := strings.Cut(key, "@"); ok {
		err = s.db.queryRow(ctx, `SELECT d.org_id FROM org_domains d JOIN org_sso c ON c.org_id = d.org_id
			WHERE d.domain = $1 AND c.enabled`, domain).Scan(&orgID)
	} else {
		err = s.db.queryRow(ctx, `SELECT o.id FROM organisations o JOIN org_sso c ON c.org_id = o.id
			WHERE o.slug = $1 AND c.enabled`, key).Scan(&orgID)
	}
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "No organisation signs in with single sign-on by that email or name.")
	} else if err != nil {
		return nil, err
	}
	return NewOrgService(s.db).FindOrganisation(ctx, orgID)
}

// SSOOffered reports whether any organisation has enabled single sign-on.
func (s *SSOService) SSOOffered(ctx context.Context) (_ bool, err error) {
	defer wrap(&err, "SSOOffered")
	var n int
	err = s.db.queryRow(ctx, `SELECT COUNT(*) FROM (SELECT 1 FROM org_sso WHERE enabled LIMIT 1) c`).Scan(&n)
	return n > 0, err
}

// CreateSSOAttempt stores an attempt under the hash of a fresh id, after
// taking a throttle slot of the client address and purging expired
// attempts.
func (s *SSOService) CreateSSOAttempt(ctx context.Context, a *ladder.SSOAttempt) (_ string, err error) {
	defer wrap(&err, "CreateSSOAttempt(%d)", a.OrgID)
	if a.State == "" || a.Verifier == "" || a.Nonce == "" || a.RedirectURL == "" {
		return "", errors.New("an attempt needs a state, a verifier, a nonce and a redirect URL")
	}
	if a.Next == "" {
		a.Next = "/"
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	cutoff := tx.now.Add(-ladder.ThrottleWindow)
	if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE failed_at <= $1`, cutoff); err != nil {
		return "", err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM sso_attempts WHERE expires_at <= $1`, tx.now); err != nil {
		return "", err
	}
	slot, err := takeSlot(ctx, tx, subject{scope: scopeSSO, key: a.Address, limit: ladder.MaxAddressFailures}, cutoff)
	if ladder.ErrorCode(err) == ladder.ETOOMANY {
		return "", ladder.Errorf(ladder.ETOOMANY, "Too many sign-ins were started from here. Try again in %d minutes.",
			int(ladder.ThrottleWindow/time.Minute))
	} else if err != nil {
		return "", err
	}
	a.Slot, a.CreatedAt, a.ExpiresAt = slot, tx.now, tx.now.Add(ladder.SSOAttemptLifetime)
	id := newToken()
	_, err = tx.ExecContext(ctx, `INSERT INTO sso_attempts (id_hash, org_id, state, verifier, nonce, redirect_url, next, address, slot,
		created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`, hashToken(id), a.OrgID, a.State, a.Verifier,
		a.Nonce, a.RedirectURL, a.Next, a.Address, a.Slot, a.CreatedAt, a.ExpiresAt)
	if err := mapErr(err); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return "", ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return "", err
	}
	return id, tx.Commit()
}

var errNoSSOAttempt = ladder.Errorf(ladder.ENOTFOUND, "This sign-in has expired or was used already: start again.")

// TakeSSOAttempt deletes the attempt and returns it while it is live. The
// delete decides: of two callbacks racing with one cookie, one wins.
func (s *SSOService) TakeSSOAttempt(ctx context.Context, id string) (_ *ladder.SSOAttempt, err error) {
	defer wrap(&err, "TakeSSOAttempt")
	if id == "" {
		return nil, errNoSSOAttempt
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	a := &ladder.SSOAttempt{}
	err = tx.QueryRowContext(ctx, `SELECT org_id, state, verifier, nonce, redirect_url, next, address, slot, created_at, expires_at
		FROM sso_attempts WHERE id_hash = $1`, hashToken(id)).Scan(&a.OrgID, &a.State, &a.Verifier, &a.Nonce, &a.RedirectURL, &a.Next,
		&a.Address, &a.Slot, &a.CreatedAt, &a.ExpiresAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNoSSOAttempt
	} else if err != nil {
		return nil, err
	}
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM sso_attempts WHERE id_hash = $1`, hashToken(id))); ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, errNoSSOAttempt
	} else if err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	if !tx.now.Before(a.ExpiresAt) {
		return nil, errNoSSOAttempt
	}
	return a, nil
}

// SignInSSO resolves an identity to a person in one transaction, so that a
// provisioned person never exists without their membership and link.
func (s *SSOService) SignInSSO(ctx context.Context, orgID int64, id ladder.SSOIdentity, mayProvision bool, a *ladder.SSOAttempt) (_ *ladder.SSOSignIn, err error) {
	defer wrap(&err, "SignInSSO(%d)", orgID)
	if id.Issuer == "" || id.Subject == "" {
		return nil, ladder.Errorf(ladder.EFORBIDDEN, "The sign-in service did not say who you are.")
	}
	email := strings.ToLower(strings.TrimSpace(id.Email))
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var orgName string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, orgID).Scan(&orgName); err != nil {
		return nil, mapErr(err)
	}
	out := &ladder.SSOSignIn{}
	var personID int64
	err = tx.QueryRowContext(ctx, `SELECT person_id FROM sso_links WHERE issuer = $1 AND subject = $2`, id.Issuer, id.Subject).Scan(&personID)
	switch {
	case err == nil:
		if member, err := orgOfMember(ctx, tx, personID); ladder.ErrorCode(err) == ladder.ENOTFOUND || (err == nil && member != orgID) {
			return nil, ladder.Errorf(ladder.EFORBIDDEN, "You are not a member of %s any more: ask one of its owners for an invitation.", orgName)
		} else if err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE sso_links SET last_login_at = $1 WHERE issuer = $2 AND subject = $3`,
			tx.now, id.Issuer, id.Subject); err != nil {
			return nil, err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return nil, err
	default:
		if personID, err = s.linkOrProvision(ctx, tx, orgID, orgName, id, email, mayProvision, out); err != nil {
			return nil, err
		}
	}
	if a != nil && a.Address != "" {
		if _, err := tx.ExecContext(ctx, `DELETE FROM auth_failures WHERE scope = $1 AND subject = $2 AND slot = $3`,
			scopeSSO, a.Address, a.Slot); err != nil {
			return nil, err
		}
	}
	out.Person, err = scanPerson(tx.QueryRowContext(ctx, `SELECT `+personColumns+` FROM persons p WHERE p.id = $1`, personID))
	if err != nil {
		return nil, mapErr(err)
	}
	return out, tx.Commit()
}

// linkOrProvision links a first sign-in to the member with the verified
// email, or creates the person when allowed. A person outside the
// organisation with that email is never taken over: they join by
// invitation, with their password.
func (s *SSOService) linkOrProvision(ctx context.Context, tx *Tx, orgID int64, orgName string, id ladder.SSOIdentity, email string,
	mayProvision bool, out *ladder.SSOSignIn) (int64, error) {
	ask := ladder.Errorf(ladder.EFORBIDDEN, "%s has not given you access to Ladder yet: ask one of its owners for an invitation.", orgName)
	if !id.EmailVerified || email == "" {
		return 0, ask
	}
	var personID int64
	var memberOf sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT p.id, m.org_id FROM persons p LEFT JOIN org_members m ON m.person_id = p.id
		WHERE p.email = $1`, email).Scan(&personID, &memberOf)
	switch {
	case err == nil && memberOf.Int64 == orgID:
		if err := insertSSOLink(ctx, tx, orgID, personID, id, email); err != nil {
			return 0, err
		}
		out.Linked = true
		return personID, ssoAuditPerson(ctx, tx, orgID, personID, "sso.link", personID, "identity of "+id.Issuer+" linked by email")
	case err == nil:
		return 0, ladder.Errorf(ladder.EFORBIDDEN, "A Ladder account with your email exists outside %s: sign in with your password, "+
			"then ask one of its owners for an invitation.", orgName)
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	case !mayProvision:
		return 0, ask
	}
	p := &ladder.Person{Name: ssoPersonName(id.Name, email), Email: email}
	if err := p.Validate(); err != nil {
		return 0, ladder.Errorf(ladder.EFORBIDDEN, "The sign-in service gave a name or email Ladder cannot use: %s", ladder.ErrorMessage(err))
	}
	if err := createPerson(ctx, tx, p); err != nil {
		return 0, err
	}
	if err := addOrgMember(ctx, tx, orgID, p.ID, ladder.OrgRoleMember, ""); err != nil {
		return 0, err
	}
	if err := insertSSOLink(ctx, tx, orgID, p.ID, id, email); err != nil {
		return 0, err
	}
	out.Provisioned = true
	return p.ID, ssoAuditPerson(ctx, tx, orgID, p.ID, "sso.provision", p.ID, "joined as a member on first sign-in through "+id.Issuer)
}

// ssoPersonName is the provider's name, else the email's local part.
func ssoPersonName(name, email string) string {
	if name = strings.TrimSpace(name); name != "" {
		return name
	}
	local, _, _ := strings.Cut(email, "@")
	return local
}

func insertSSOLink(ctx context.Context, tx *Tx, orgID, personID int64, id ladder.SSOIdentity, email string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO sso_links (issuer, subject, person_id, org_id, email, created_at, last_login_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7)`, id.Issuer, id.Subject, personID, orgID, email, tx.now, tx.now)
	if err := mapErr(err); ladder.ErrorCode(err) == ladder.ECONFLICT {
		return ladder.Errorf(ladder.ECONFLICT, "This identity was linked meanwhile: sign in again.")
	} else if err != nil {
		return err
	}
	return touchPerson(ctx, tx, personID)
}

// ssoAuditPerson writes an audit entry about a person in tx, leaving the
// commit to the caller.
func ssoAuditPerson(ctx context.Context, tx *Tx, orgID, actorID int64, action string, subjectID int64, detail string) error {
	return writeAudit(ctx, tx, &ladder.AuditEntry{OrgID: orgID, ActorID: actorID, Action: action, SubjectKind: ladder.AuditPerson,
		SubjectID: subjectID, Detail: detail})
}

// FindSSOLinks returns a person's linked identities, oldest first.
func (s *SSOService) FindSSOLinks(ctx context.Context, personID int64) (_ []*ladder.SSOLink, err error) {
	defer wrap(&err, "FindSSOLinks(%d)", personID)
	rows, err := s.db.query(ctx, `SELECT issuer, subject, person_id, org_id, email, created_at, last_login_at
		FROM sso_links WHERE person_id = $1 ORDER BY created_at, issuer, subject`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.SSOLink
	for rows.Next() {
		l := &ladder.SSOLink{}
		if err := rows.Scan(&l.Issuer, &l.Subject, &l.PersonID, &l.OrgID, &l.Email, &l.CreatedAt, &l.LastLoginAt); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, rows.Err()
}
