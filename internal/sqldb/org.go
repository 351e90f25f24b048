package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
)

var _ ladder.OrgService = (*OrgService)(nil)

// OrgService stores organisations, members, mentor assignments and
// invitations, and writes an audit entry for each change in the same
// transaction: a change is never kept without its entry.
type OrgService struct{ db *DB }

// NewOrgService returns an OrgService on db.
func NewOrgService(db *DB) *OrgService { return &OrgService{db: db} }

const orgColumns = `id, name, slug, min_manager, min_peer, min_report, min_stakeholder, min_others, name_manager, outside_raters,
	created_at, updated_at`

// FindOrganisation returns the organisation with id and its domains.
func (s *OrgService) FindOrganisation(ctx context.Context, id int64) (_ *ladder.Organisation, err error) {
	defer wrap(&err, "FindOrganisation(%d)", id)
	o := &ladder.Organisation{}
	a := &o.Anonymity
	var updated sql.NullTime
	err = s.db.queryRow(ctx, `SELECT `+orgColumns+` FROM organisations WHERE id = $1`, id).Scan(&o.ID, &o.Name, &o.Slug,
		&a.Manager, &a.Peer, &a.Report, &a.Stakeholder, &a.Others, &a.NameManager, &o.OutsideRaters, &o.CreatedAt, &updated)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
	} else if err != nil {
		return nil, err
	}
	o.UpdatedAt = updated.Time
	rows, err := s.db.query(ctx, `SELECT domain FROM org_domains WHERE org_id = $1 ORDER BY domain`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var d string
		if err := rows.Scan(&d); err != nil {
			return nil, err
		}
		o.Domains = append(o.Domains, d)
	}
	return o, rows.Err()
}

// validateOrganisation checks the fields and the anonymity minimums against the
// rule of internal/anonymity, naming the minimum at fault.
func validateOrganisation(o *ladder.Organisation) error {
	f := ladder.FieldErrors{}
	addOrgFields(f, o.Validate())
	m := anonymity.Minimums(o.Anonymity)
	if err := m.Validate(); err != nil {
		for _, g := range anonymity.Groups {
			least := anonymity.Floor
			if !m.Anonymous(g) {
				least = 1
			}
			if n := m.Of(g); n < least || n > 50 {
				f.Add("min_"+string(g), "must be %d-50", least)
			}
		}
		f.Add("anonymity", "%s", err.Error())
	}
	return f.Err("The organisation is not valid.")
}

func addOrgFields(f ladder.FieldErrors, err error) {
	if e, ok := err.(*ladder.Error); ok {
		for k, v := range e.Fields {
			f.Add(k, "%s", v)
		}
	}
}

// CreateOrganisation creates o with ownerID as its owner. Raters from
// outside start refused when o has domains and allowed when it has none
// (members only would be the alternative): the owner changes it later.
func (s *OrgService) CreateOrganisation(ctx context.Context, ownerID int64, o *ladder.Organisation) (err error) {
	defer wrap(&err, "CreateOrganisation")
	if o.Anonymity == (ladder.OrgAnonymity{}) {
		o.Anonymity = ladder.OrgAnonymity(anonymity.DefaultMinimums())
	}
	if err := validateOrganisation(o); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := orgOfMember(ctx, tx, ownerID); err == nil {
		return ladder.Errorf(ladder.ECONFLICT, "You belong to an organisation already: a person belongs to at most one.")
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return err
	}
	o.CreatedAt, o.UpdatedAt = tx.now, tx.now
	o.OutsideRaters = len(o.Domains) == 0
	a := o.Anonymity
	err = tx.QueryRowContext(ctx, `INSERT INTO organisations (name, slug, min_manager, min_peer, min_report, min_stakeholder,
		min_others, name_manager, outside_raters, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		o.Name, o.Slug, a.Manager, a.Peer, a.Report, a.Stakeholder, a.Others, a.NameManager, o.OutsideRaters, o.CreatedAt, o.UpdatedAt).Scan(&o.ID)
	if err := orgSlugTaken(mapErr(err)); err != nil {
		return err
	}
	if err := setOrgDomains(ctx, tx, o.ID, o.Domains); err != nil {
		return err
	}
	if err := addOrgMember(ctx, tx, o.ID, ownerID, ladder.OrgRoleOwner, ""); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, o.ID, ownerID, "org.create", ladder.AuditOrganisation, o.ID, o.Name, "slug "+o.Slug)
}

func orgSlugTaken(err error) error {
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "Another organisation uses that slug.",
			Fields: map[string]string{"slug": "is taken: choose another"}}
	}
	return err
}

func setOrgDomains(ctx context.Context, tx *Tx, orgID int64, domains []string) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM org_domains WHERE org_id = $1`, orgID); err != nil {
		return err
	}
	for _, d := range domains {
		var other int64
		err := tx.QueryRowContext(ctx, `SELECT org_id FROM org_domains WHERE domain = $1`, d).Scan(&other)
		if err == nil {
			return &ladder.Error{Code: ladder.ECONFLICT, Message: "A domain belongs to another organisation.",
				Fields: map[string]string{"domains": d + " belongs to another organisation"}}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO org_domains (domain, org_id) VALUES ($1, $2)`, d, orgID); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// UpdateOrganisation replaces the name, slug, domains, minimums and the
// outside raters setting.
func (s *OrgService) UpdateOrganisation(ctx context.Context, actorID int64, o *ladder.Organisation) (err error) {
	defer wrap(&err, "UpdateOrganisation(%d)", o.ID)
	if err := validateOrganisation(o); err != nil {
		return err
	}
	old, err := s.FindOrganisation(ctx, o.ID)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	o.CreatedAt, o.UpdatedAt = old.CreatedAt, tx.now
	a := o.Anonymity
	res, err := tx.ExecContext(ctx, `UPDATE organisations SET name = $1, slug = $2, min_manager = $3, min_peer = $4, min_report = $5,
		min_stakeholder = $6, min_others = $7, name_manager = $8, outside_raters = $9, updated_at = $10 WHERE id = $11`,
		o.Name, o.Slug, a.Manager, a.Peer, a.Report, a.Stakeholder, a.Others, a.NameManager, o.OutsideRaters, o.UpdatedAt, o.ID)
	if err := orgSlugTaken(mapErr(err)); err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")
	}
	if err := setOrgDomains(ctx, tx, o.ID, o.Domains); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, o.ID, actorID, "org.settings", ladder.AuditOrganisation, o.ID, o.Name, orgSettingsChanges(old, o))
}

// orgSettingsChanges describes what an update changed, for the audit log.
func orgSettingsChanges(old, o *ladder.Organisation) string {
	var out []string
	if old.Name != o.Name {
		out = append(out, fmt.Sprintf("name %q → %q", old.Name, o.Name))
	}
	if old.Slug != o.Slug {
		out = append(out, fmt.Sprintf("slug %s → %s", old.Slug, o.Slug))
	}
	if !slices.Equal(old.Domains, o.Domains) {
		out = append(out, fmt.Sprintf("domains [%s] → [%s]", strings.Join(old.Domains, " "), strings.Join(o.Domains, " ")))
	}
	if old.Anonymity != o.Anonymity {
		a, b := old.Anonymity, o.Anonymity
		out = append(out, fmt.Sprintf("minimums manager %d→%d peer %d→%d report %d→%d stakeholder %d→%d others %d→%d named manager %t→%t",
			a.Manager, b.Manager, a.Peer, b.Peer, a.Report, b.Report, a.Stakeholder, b.Stakeholder, a.Others, b.Others, a.NameManager, b.NameManager))
	}
	if old.OutsideRaters != o.OutsideRaters {
		out = append(out, "raters from outside "+map[bool]string{true: "allowed", false: "refused"}[old.OutsideRaters]+" → "+
			map[bool]string{true: "allowed", false: "refused"}[o.OutsideRaters])
	}
	if len(out) == 0 {
		return "no change"
	}
	return clipAuditDetail(strings.Join(out, "; "))
}

func clipAuditDetail(s string) string {
	if len(s) <= 500 {
		return s
	}
	cut := 497
	for cut > 0 && !auditUTF8Start(s[cut]) {
		cut--
	}
	return s[:cut] + "..."
}

func auditUTF8Start(b byte) bool { return b&0xC0 != 0x80 }

// orgOfMember returns the organisation a person belongs to, or ENOTFOUND.
func orgOfMember(ctx context.Context, tx *Tx, personID int64) (int64, error) {
	var org int64
	err := tx.QueryRowContext(ctx, `SELECT org_id FROM org_members WHERE person_id = $1`, personID).Scan(&org)
	return org, mapErr(err)
}

// addOrgMember makes a person a member and mirrors the organisation into
// persons.org_id.
func addOrgMember(ctx context.Context, tx *Tx, orgID, personID int64, role, title string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO org_members (person_id, org_id, role, title, joined_at) VALUES ($1, $2, $3, $4, $5)`,
		personID, orgID, role, title, tx.now)
	switch err := mapErr(err); ladder.ErrorCode(err) {
	case "":
	case ladder.ECONFLICT:
		return ladder.Errorf(ladder.ECONFLICT, "That person belongs to an organisation already.")
	case ladder.ENOTFOUND:
		return ladder.Errorf(ladder.ENOTFOUND, "Person not found.")
	default:
		return err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE persons SET org_id = $1 WHERE id = $2`, orgID, personID); err != nil {
		return err
	}
	return touchPerson(ctx, tx, personID)
}

// commitOrgAudit writes the audit entry of the transaction's change and
// commits both.
func commitOrgAudit(ctx context.Context, tx *Tx, orgID, actorID int64, action, kind string, subjectID int64, subjectName, detail string) error {
	if err := writeAudit(ctx, tx, &ladder.AuditEntry{OrgID: orgID, ActorID: actorID, Action: action, SubjectKind: kind,
		SubjectID: subjectID, SubjectName: subjectName, Detail: detail}); err != nil {
		return err
	}
	return tx.Commit()
}
