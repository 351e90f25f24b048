package sqldb

import (
	"context"
	"strconv"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/orgcsv"
)

// ImportOrgPeople checks the whole file against the organisation as it is
// inside the transaction, then writes every row or none.
func (s *OrgService) ImportOrgPeople(ctx context.Context, actorID, orgID int64, data []byte) (_ *ladder.OrgImportResult, err error) {
	defer wrap(&err, "ImportOrgPeople(%d)", orgID)
	rows, probs := orgcsv.Parse(data)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	ids, known, err := orgImportKnown(ctx, tx, orgID, rows)
	if err != nil {
		return nil, err
	}
	probs = append(probs, orgcsv.Check(rows, known)...)
	res := &ladder.OrgImportResult{}
	if len(probs) > 0 {
		orgcsv.Sort(probs)
		res.Problems = probs
		return res, &ladder.Error{Code: ladder.EINVALID, Message: "Nothing was imported: fix the rows listed and upload the file again."}
	}
	for _, r := range rows {
		if id, ok := ids[r.Email]; ok {
			if _, err := tx.ExecContext(ctx, `UPDATE org_members SET title = $1 WHERE person_id = $2`, r.Title, id); err != nil {
				return nil, err
			}
			res.Updated = append(res.Updated, r.Email)
			continue
		}
		p := &ladder.Person{Name: r.Name, Email: r.Email}
		if err := createPerson(ctx, tx, p); err != nil {
			return nil, err
		}
		if err := addOrgMember(ctx, tx, orgID, p.ID, ladder.OrgRoleMember, r.Title); err != nil {
			return nil, err
		}
		ids[r.Email] = p.ID
		res.Added = append(res.Added, r.Email)
		if err := writeAudit(ctx, tx, &ladder.AuditEntry{OrgID: orgID, ActorID: actorID, Action: "member.import", SubjectKind: ladder.AuditPerson,
			SubjectID: p.ID, SubjectName: p.Name, Detail: "line " + strconv.Itoa(r.Line)}); err != nil {
			return nil, err
		}
	}
	// Managers once everyone exists: a manager may come later in the file.
	// Check ruled out circles, and the CHECK constraint self-management.
	for _, r := range rows {
		var mgr int64
		if r.ManagerEmail != "" {
			mgr = ids[r.ManagerEmail]
		}
		if _, err := tx.ExecContext(ctx, `UPDATE org_members SET manager_id = $1 WHERE person_id = $2`, nullID(mgr), ids[r.Email]); err != nil {
			return nil, err
		}
	}
	detail := strconv.Itoa(len(res.Added)) + " added, " + strconv.Itoa(len(res.Updated)) + " updated"
	org, err := s.orgName(ctx, tx, orgID)
	if err != nil {
		return nil, err
	}
	return res, commitOrgAudit(ctx, tx, orgID, actorID, "import.people", ladder.AuditOrganisation, orgID, org, detail)
}

func (s *OrgService) orgName(ctx context.Context, tx *Tx, orgID int64) (string, error) {
	var name string
	err := tx.QueryRowContext(ctx, `SELECT name FROM organisations WHERE id = $1`, orgID).Scan(&name)
	return name, mapErr(err)
}

// orgImportKnown reads what Check needs: every member of the organisation
// with their manager (a circle can run through people the file does not
// list), and whether the other emails of the file belong to someone. It
// returns the members' ids by email too.
func orgImportKnown(ctx context.Context, tx *Tx, orgID int64, rows []ladder.OrgImportRow) (map[string]int64, map[string]orgcsv.Known, error) {
	ids, known := map[string]int64{}, map[string]orgcsv.Known{}
	q, err := tx.QueryContext(ctx, `SELECT p.email, p.id, COALESCE(mp.email, '') FROM org_members m JOIN persons p ON p.id = m.person_id
		LEFT JOIN persons mp ON mp.id = m.manager_id WHERE m.org_id = $1`, orgID)
	if err != nil {
		return nil, nil, err
	}
	for q.Next() {
		var email, manager string
		var id int64
		if err := q.Scan(&email, &id, &manager); err != nil {
			q.Close()
			return nil, nil, err
		}
		ids[email], known[email] = id, orgcsv.Known{Member: true, ManagerEmail: manager}
	}
	q.Close()
	if err := q.Err(); err != nil {
		return nil, nil, err
	}
	var others []any
	seen := map[string]bool{}
	for _, r := range rows {
		for _, e := range []string{r.Email, r.ManagerEmail} {
			if _, member := known[e]; e != "" && !member && !seen[e] {
				seen[e] = true
				others = append(others, e)
			}
		}
	}
	for len(others) > 0 {
		chunk := others[:min(len(others), 500)]
		others = others[len(chunk):]
		q, err := tx.QueryContext(ctx, `SELECT email FROM persons WHERE email IN (`+orgPlaceholders(1, len(chunk))+`)`, chunk...)
		if err != nil {
			return nil, nil, err
		}
		for q.Next() {
			var email string
			if err := q.Scan(&email); err != nil {
				q.Close()
				return nil, nil, err
			}
			known[email] = orgcsv.Known{}
		}
		q.Close()
		if err := q.Err(); err != nil {
			return nil, nil, err
		}
	}
	return ids, known, nil
}
