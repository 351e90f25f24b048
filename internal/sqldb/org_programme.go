package sqldb

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.ProgrammeService = (*ProgrammeService)(nil)

// ProgrammeService stores programmes, cohorts and cohort members, with an
// audit entry for each change.
type ProgrammeService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewProgrammeService returns a ProgrammeService that checks target roles
// against the model returned by model.
func NewProgrammeService(db *DB, model func(context.Context) (*ladder.Model, error)) *ProgrammeService {
	return &ProgrammeService{db: db, model: model}
}

const programmeColumns = `id, org_id, name, description, target_role, start_date, end_date, created_at, updated_at`

func (s *ProgrammeService) findProgrammes(ctx context.Context, q queryer, cond string, args ...any) ([]*ladder.OrgProgramme, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+programmeColumns+` FROM org_programmes WHERE `+cond+` ORDER BY start_date DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.OrgProgramme
	for rows.Next() {
		p := &ladder.OrgProgramme{}
		if err := rows.Scan(&p.ID, &p.OrgID, &p.Name, &p.Description, &p.TargetRole, &p.Start, &p.End, &p.CreatedAt, &p.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// queryer is a database or a transaction.
type queryer interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
}

// FindProgramme returns a programme of the organisation.
func (s *ProgrammeService) FindProgramme(ctx context.Context, orgID, id int64) (_ *ladder.OrgProgramme, err error) {
	defer wrap(&err, "FindProgramme(%d)", id)
	ps, err := s.findProgrammes(ctx, s.db.db, `org_id = $1 AND id = $2`, orgID, id)
	if err != nil {
		return nil, err
	}
	if len(ps) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Programme not found.")
	}
	return ps[0], nil
}

// FindProgrammes returns the organisation's programmes, latest start first.
func (s *ProgrammeService) FindProgrammes(ctx context.Context, orgID int64) (_ []*ladder.OrgProgramme, err error) {
	defer wrap(&err, "FindProgrammes(%d)", orgID)
	return s.findProgrammes(ctx, s.db.db, `org_id = $1`, orgID)
}

// validate checks p and its target role against the model.
func (s *ProgrammeService) validate(ctx context.Context, p *ladder.OrgProgramme) error {
	p.Start, p.End = dayOrZero(p.Start), dayOrZero(p.End)
	f := ladder.FieldErrors{}
	addOrgFields(f, p.Validate())
	if _, bad := f["target_role"]; !bad {
		m, err := s.model(ctx)
		if err != nil {
			return err
		}
		if r, ok := m.Role(p.TargetRole); !ok || r.Kind != ladder.RoleTarget {
			f.Add("target_role", "%q is not a target role of the model", p.TargetRole)
		}
	}
	return f.Err("The programme is not valid.")
}

func dayOrZero(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	return ladder.Day(t)
}

func programmeNameTaken(err error) error {
	if ladder.ErrorCode(err) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "The organisation has a programme of that name.",
			Fields: map[string]string{"name": "is taken"}}
	}
	return err
}

// CreateProgramme stores a new programme.
func (s *ProgrammeService) CreateProgramme(ctx context.Context, actorID int64, p *ladder.OrgProgramme) (err error) {
	defer wrap(&err, "CreateProgramme")
	if err := s.validate(ctx, p); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	p.CreatedAt, p.UpdatedAt = tx.now, tx.now
	err = tx.QueryRowContext(ctx, `INSERT INTO org_programmes (org_id, name, description, target_role, start_date, end_date, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, p.OrgID, p.Name, p.Description, p.TargetRole, p.Start, p.End,
		p.CreatedAt, p.UpdatedAt).Scan(&p.ID)
	if err := programmeNameTaken(mapErr(err)); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, p.OrgID, actorID, "programme.create", ladder.AuditProgramme, p.ID, p.Name, programmeDetail(p))
}

func programmeDetail(p *ladder.OrgProgramme) string {
	return "target " + p.TargetRole + ", " + p.Start.Format(time.DateOnly) + " to " + p.End.Format(time.DateOnly)
}

// UpdateProgramme replaces a programme's fields; its cohorts must still fit
// its dates.
func (s *ProgrammeService) UpdateProgramme(ctx context.Context, actorID int64, p *ladder.OrgProgramme) (err error) {
	defer wrap(&err, "UpdateProgramme(%d)", p.ID)
	if err := s.validate(ctx, p); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM org_cohorts WHERE programme_id = $1 AND (start_date < $2 OR end_date > $3)`,
		p.ID, p.Start, p.End).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return orgFieldError("The programme is not valid.", "start", "a cohort falls outside these dates: change the cohort first")
	}
	p.UpdatedAt = tx.now
	res, err := tx.ExecContext(ctx, `UPDATE org_programmes SET name = $1, description = $2, target_role = $3, start_date = $4, end_date = $5,
		updated_at = $6 WHERE org_id = $7 AND id = $8`, p.Name, p.Description, p.TargetRole, p.Start, p.End, p.UpdatedAt, p.OrgID, p.ID)
	if err := programmeNameTaken(mapErr(err)); err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "Programme not found.")
	}
	return commitOrgAudit(ctx, tx, p.OrgID, actorID, "programme.update", ladder.AuditProgramme, p.ID, p.Name, programmeDetail(p))
}

// DeleteProgramme removes a programme with its cohorts.
func (s *ProgrammeService) DeleteProgramme(ctx context.Context, actorID, orgID, id int64) (err error) {
	defer wrap(&err, "DeleteProgramme(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var name string
	if err := tx.QueryRowContext(ctx, `SELECT name FROM org_programmes WHERE org_id = $1 AND id = $2`, orgID, id).Scan(&name); errors.Is(err, sql.ErrNoRows) {
		return ladder.Errorf(ladder.ENOTFOUND, "Programme not found.")
	} else if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM org_programmes WHERE id = $1`, id); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "programme.delete", ladder.AuditProgramme, id, name, "")
}

// cohortScope is the condition that keeps cohorts within one
// organisation: a cohort belongs to it through its programme.
const cohortScope = `programme_id IN (SELECT id FROM org_programmes WHERE org_id = $1)`

func (s *ProgrammeService) findCohorts(ctx context.Context, cond string, args ...any) ([]*ladder.OrgCohort, error) {
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, programme_id, name, start_date, end_date, created_at FROM org_cohorts
		WHERE `+cohortScope+` AND `+cond+` ORDER BY start_date, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.OrgCohort
	byID := map[int64]*ladder.OrgCohort{}
	for rows.Next() {
		c := &ladder.OrgCohort{}
		if err := rows.Scan(&c.ID, &c.ProgrammeID, &c.Name, &c.Start, &c.End, &c.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, c)
		byID[c.ID] = c
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows.Close()
	in, ids := inList(byID)
	mrows, err := s.db.db.QueryContext(ctx, `SELECT x.cohort_id, x.person_id FROM org_cohort_members x JOIN persons p ON p.id = x.person_id
		WHERE x.cohort_id IN (`+in+`) ORDER BY p.name, p.id`, ids...)
	if err != nil {
		return nil, err
	}
	defer mrows.Close()
	for mrows.Next() {
		var cohort, person int64
		if err := mrows.Scan(&cohort, &person); err != nil {
			return nil, err
		}
		byID[cohort].MemberIDs = append(byID[cohort].MemberIDs, person)
	}
	return out, mrows.Err()
}

// FindCohorts returns a programme's cohorts with their members.
func (s *ProgrammeService) FindCohorts(ctx context.Context, orgID, programmeID int64) (_ []*ladder.OrgCohort, err error) {
	defer wrap(&err, "FindCohorts(%d)", programmeID)
	return s.findCohorts(ctx, `programme_id = $2`, orgID, programmeID)
}

// FindCohort returns one cohort of the organisation.
func (s *ProgrammeService) FindCohort(ctx context.Context, orgID, id int64) (_ *ladder.OrgCohort, err error) {
	defer wrap(&err, "FindCohort(%d)", id)
	cs, err := s.findCohorts(ctx, `id = $2`, orgID, id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Cohort not found.")
	}
	return cs[0], nil
}

// CreateCohort stores a cohort of a programme of the organisation, with
// its first members.
func (s *ProgrammeService) CreateCohort(ctx context.Context, actorID, orgID int64, c *ladder.OrgCohort) (err error) {
	defer wrap(&err, "CreateCohort")
	c.Start, c.End = dayOrZero(c.Start), dayOrZero(c.End)
	if err := c.Validate(); err != nil {
		return err
	}
	p, err := s.FindProgramme(ctx, orgID, c.ProgrammeID)
	if err != nil {
		return err
	}
	f := ladder.FieldErrors{}
	if c.Start.Before(p.Start) || c.Start.After(p.End) {
		f.Add("start", "must be within the programme (%s to %s)", p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
	}
	if c.End.After(p.End) {
		f.Add("end", "must be within the programme (%s to %s)", p.Start.Format(time.DateOnly), p.End.Format(time.DateOnly))
	}
	if err := f.Err("The cohort is not valid."); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	c.CreatedAt = tx.now
	err = tx.QueryRowContext(ctx, `INSERT INTO org_cohorts (programme_id, name, start_date, end_date, created_at) VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, c.ProgrammeID, c.Name, c.Start, c.End, c.CreatedAt).Scan(&c.ID)
	if err := mapErr(err); ladder.ErrorCode(err) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: "The programme has a cohort of that name.", Fields: map[string]string{"name": "is taken"}}
	} else if err != nil {
		return err
	}
	members := c.MemberIDs
	c.MemberIDs = nil
	for _, id := range members {
		if err := addCohortMember(ctx, tx, actorID, orgID, c, id); err != nil {
			return err
		}
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "cohort.create", ladder.AuditCohort, c.ID, c.Name, "programme "+p.Name)
}

func addCohortMember(ctx context.Context, tx *Tx, actorID, orgID int64, c *ladder.OrgCohort, personID int64) error {
	m, err := findOrgMemberRow(ctx, tx, orgID, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return orgFieldError("The cohort member is not valid.", "members", "is not a member of the organisation")
	} else if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO org_cohort_members (cohort_id, person_id, added_at) VALUES ($1, $2, $3)`, c.ID, personID, tx.now)
	if ladder.ErrorCode(mapErr(err)) == ladder.ECONFLICT {
		return &ladder.Error{Code: ladder.ECONFLICT, Message: m.name + " is in the cohort already.", Fields: map[string]string{"members": "is in the cohort already"}}
	} else if err != nil {
		return mapErr(err)
	}
	c.MemberIDs = append(c.MemberIDs, personID)
	return writeAudit(ctx, tx, &ladder.AuditEntry{OrgID: orgID, ActorID: actorID, Action: "cohort.member.add", SubjectKind: ladder.AuditPerson,
		SubjectID: personID, SubjectName: m.name, Detail: "cohort " + c.Name})
}

// DeleteCohort removes a cohort.
func (s *ProgrammeService) DeleteCohort(ctx context.Context, actorID, orgID, id int64) (err error) {
	defer wrap(&err, "DeleteCohort(%d)", id)
	c, err := s.FindCohort(ctx, orgID, id)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM org_cohorts WHERE `+cohortScope+` AND id = $2`, orgID, id); err != nil {
		return err
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "cohort.delete", ladder.AuditCohort, id, c.Name, "")
}

// AddCohortMember puts a member into a cohort.
func (s *ProgrammeService) AddCohortMember(ctx context.Context, actorID, orgID, cohortID, personID int64) (err error) {
	defer wrap(&err, "AddCohortMember(%d)", cohortID)
	c, err := s.FindCohort(ctx, orgID, cohortID)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := addCohortMember(ctx, tx, actorID, orgID, c, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// RemoveCohortMember takes a person out of a cohort.
func (s *ProgrammeService) RemoveCohortMember(ctx context.Context, actorID, orgID, cohortID, personID int64) (err error) {
	defer wrap(&err, "RemoveCohortMember(%d)", cohortID)
	c, err := s.FindCohort(ctx, orgID, cohortID)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	res, err := tx.ExecContext(ctx, `DELETE FROM org_cohort_members WHERE cohort_id = $1 AND person_id = $2`, cohortID, personID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ladder.Errorf(ladder.ENOTFOUND, "That person is not in the cohort.")
	}
	return commitOrgAudit(ctx, tx, orgID, actorID, "cohort.member.remove", ladder.AuditPerson, personID, "", "cohort "+c.Name)
}
