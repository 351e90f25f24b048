package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.SharingService = (*SharingService)(nil)

// SharingService stores what members share with their mentors, managers
// and programme admins.
type SharingService struct{ db *DB }

// NewSharingService returns a SharingService on db.
func NewSharingService(db *DB) *SharingService { return &SharingService{db: db} }

// FindSharing returns what a member shares; ENOTFOUND for a person in no
// organisation.
func (s *SharingService) FindSharing(ctx context.Context, personID int64) (_ *ladder.Sharing, err error) {
	defer wrap(&err, "FindSharing(%d)", personID)
	var at sql.NullTime
	err = s.db.queryRow(ctx, `SELECT sharing_at FROM org_members WHERE person_id = $1`, personID).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotOrgMember
	} else if err != nil {
		return nil, err
	}
	sh := &ladder.Sharing{PersonID: personID, With: map[string]ladder.ShareSet{}, UpdatedAt: at.Time}
	rows, err := s.db.query(ctx, `SELECT audience, part FROM org_sharing WHERE person_id = $1`, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, p string
		if err := rows.Scan(&a, &p); err != nil {
			return nil, err
		}
		sh.With[a] = append(sh.With[a], p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for a, set := range sh.With {
		sh.With[a] = ladder.ShareSet(nil).Union(set) // ShareParts' order
	}
	return sh, nil
}

// SetSharing replaces what a member shares and logs the change with the
// new choices in the detail.
func (s *SharingService) SetSharing(ctx context.Context, sh *ladder.Sharing) (err error) {
	defer wrap(&err, "SetSharing(%d)", sh.PersonID)
	if err := sh.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var orgID int64
	err = tx.QueryRowContext(ctx, `SELECT org_id FROM org_members WHERE person_id = $1`, sh.PersonID).Scan(&orgID)
	if errors.Is(err, sql.ErrNoRows) {
		return errNotOrgMember
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM org_sharing WHERE person_id = $1`, sh.PersonID); err != nil {
		return err
	}
	// The pipeline's kept figures were computed for what they shared
	// before: forget them with it.
	if _, err := tx.ExecContext(ctx, `DELETE FROM pipeline_summaries WHERE person_id = $1`, sh.PersonID); err != nil {
		return err
	}
	var detail []string
	for _, a := range ladder.Audiences {
		for _, p := range sh.With[a] {
			if _, err := tx.ExecContext(ctx, `INSERT INTO org_sharing (person_id, audience, part) VALUES ($1, $2, $3)`,
				sh.PersonID, a, p); err != nil {
				return mapErr(err)
			}
		}
		detail = append(detail, fmt.Sprintf("%s: %s", a, sh.With[a]))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE org_members SET sharing_at = $1 WHERE person_id = $2`, tx.now, sh.PersonID); err != nil {
		return err
	}
	sh.UpdatedAt = tx.now
	if err := touchPerson(ctx, tx, sh.PersonID); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, sh.PersonID, "sharing.set", ladder.AuditPerson, sh.PersonID, "", strings.Join(detail, "; "))
}

// FindSharedWith returns what each member of an organisation shares with
// audience, for those who share something, in one query.
func (s *SharingService) FindSharedWith(ctx context.Context, orgID int64, audience string) (_ map[int64]ladder.ShareSet, err error) {
	defer wrap(&err, "FindSharedWith(%d, %s)", orgID, audience)
	rows, err := s.db.query(ctx, `SELECT s.person_id, s.part FROM org_sharing s JOIN org_members m ON m.person_id = s.person_id
		WHERE m.org_id = $1 AND s.audience = $2`, orgID, audience)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]ladder.ShareSet{}
	for rows.Next() {
		var id int64
		var p string
		if err := rows.Scan(&id, &p); err != nil {
			return nil, err
		}
		out[id] = append(out[id], p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for id, set := range out {
		out[id] = ladder.ShareSet(nil).Union(set)
	}
	return out, nil
}

// FindSupported returns the members of orgID whom personID mentors or
// manages, by name, with what each shares, in two queries.
func (s *SharingService) FindSupported(ctx context.Context, orgID, personID int64) (_ []*ladder.SupportedMember, err error) {
	defer wrap(&err, "FindSupported(%d, %d)", orgID, personID)
	const mentees = `SELECT mentee_id FROM org_mentorships WHERE org_id = $1 AND mentor_id = $2`
	rows, err := s.db.query(ctx, `SELECT `+orgMemberColumns+`,
		CASE WHEN m.person_id IN (`+mentees+`) THEN 1 ELSE 0 END, CASE WHEN m.manager_id = $2 THEN 1 ELSE 0 END
		FROM org_members m JOIN persons p ON p.id = m.person_id
		WHERE m.org_id = $1 AND (m.manager_id = $2 OR m.person_id IN (`+mentees+`))
		ORDER BY p.name, p.id`, orgID, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.SupportedMember
	byID := map[int64]*ladder.SupportedMember{}
	for rows.Next() {
		var mentee, report int
		m, err := scanOrgMember(scanWith{rows, []any{&mentee, &report}})
		if err != nil {
			return nil, err
		}
		sm := &ladder.SupportedMember{Member: m, Mentee: mentee == 1, Report: report == 1, Sharing: map[string]ladder.ShareSet{}}
		out = append(out, sm)
		byID[m.PersonID] = sm
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	if len(out) == 0 {
		return nil, nil
	}
	rows, err = s.db.query(ctx, `SELECT s.person_id, s.audience, s.part FROM org_sharing s JOIN org_members m ON m.person_id = s.person_id
		WHERE m.org_id = $1 AND (m.manager_id = $2 OR m.person_id IN (`+mentees+`))`, orgID, personID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a, p string
		if err := rows.Scan(&id, &a, &p); err != nil {
			return nil, err
		}
		if sm := byID[id]; sm != nil {
			sm.Sharing[a] = append(sm.Sharing[a], p)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, sm := range out {
		for a, set := range sm.Sharing {
			sm.Sharing[a] = ladder.ShareSet(nil).Union(set)
		}
	}
	return out, nil
}

// scanWith scans a row into the destinations given and then into extra:
// a query that adds columns to a shared column list reuses its scanner.
type scanWith struct {
	row   interface{ Scan(...any) error }
	extra []any
}

func (s scanWith) Scan(dest ...any) error { return s.row.Scan(append(dest, s.extra...)...) }
