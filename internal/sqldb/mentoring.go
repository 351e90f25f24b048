package sqldb

import (
	"context"
	"database/sql"

	"github.com/ladderhq/ladder"
)

const sessionColumns = `s.id, s.person_id, s.mentor_id, s.session_date, s.agenda, s.notes, s.status, s.created_at, s.updated_at, m.name`

// FindMentoringSession returns one session of the person.
func (s *MentorService) FindMentoringSession(ctx context.Context, personID, id int64) (_ *ladder.MentoringSession, err error) {
	defer wrap(&err, "FindMentoringSession(%d)", id)
	ss, err := s.findSessions(ctx, `s.person_id = $1 AND s.id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(ss) == 0 {
		return nil, errSessionNotFound()
	}
	return ss[0], nil
}

// FindMentoringSessions returns the person's sessions, newest first.
func (s *MentorService) FindMentoringSessions(ctx context.Context, personID, mentorID int64) (_ []*ladder.MentoringSession, err error) {
	defer wrap(&err, "FindMentoringSessions")
	if mentorID != 0 {
		return s.findSessions(ctx, `s.person_id = $1 AND s.mentor_id = $2`, personID, mentorID)
	}
	return s.findSessions(ctx, `s.person_id = $1`, personID)
}

func (s *MentorService) findSessions(ctx context.Context, cond string, args ...any) ([]*ladder.MentoringSession, error) {
	rows, err := s.db.query(ctx, `SELECT `+sessionColumns+` FROM mentoring_sessions s JOIN mentors m ON m.id = s.mentor_id
		WHERE `+cond+` ORDER BY s.session_date DESC, s.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.MentoringSession
	byID := map[int64]*ladder.MentoringSession{}
	for rows.Next() {
		ms := &ladder.MentoringSession{}
		if err := rows.Scan(&ms.ID, &ms.PersonID, &ms.MentorID, &ms.Date, &ms.Agenda, &ms.Notes, &ms.Status,
			&ms.CreatedAt, &ms.UpdatedAt, &ms.MentorName); err != nil {
			return nil, err
		}
		ms.Date = ms.Date.UTC()
		out = append(out, ms)
		byID[ms.ID] = ms
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadActions(ctx, byID)
}

func (s *MentorService) loadActions(ctx context.Context, byID map[int64]*ladder.MentoringSession) error {
	in, args := inList(byID)
	rows, err := s.db.db.QueryContext(ctx, `SELECT id, session_id, text, competency, plan_action_id FROM mentoring_actions
		WHERE session_id IN (`+in+`) ORDER BY session_id, position, id`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a ladder.AgreedAction
		var plan sql.NullInt64
		if err := rows.Scan(&a.ID, &a.SessionID, &a.Text, &a.Competency, &plan); err != nil {
			return err
		}
		a.PlanActionID = plan.Int64
		byID[a.SessionID].Actions = append(byID[a.SessionID].Actions, a)
	}
	return rows.Err()
}

func (s *MentorService) validateSession(ctx context.Context, ms *ladder.MentoringSession) error {
	if err := ms.Validate(); err != nil {
		return err
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	for _, a := range ms.Actions {
		if err := competencyError(m, "The mentoring session is not valid.", "actions", a.Competency); err != nil {
			return err
		}
	}
	return nil
}

// ownsRow reports ENOTFOUND (notFound()) unless the person owns the row id
// of table, inside tx.
func ownsRow(ctx context.Context, tx *Tx, table string, personID, id int64, notFound func() error) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+table+` WHERE id = $1 AND person_id = $2`, id, personID).Scan(&n); err != nil {
		return err
	}
	if n == 0 {
		return notFound()
	}
	return nil
}

// CreateMentoringSession stores ms with its agreed actions, all or none.
func (s *MentorService) CreateMentoringSession(ctx context.Context, ms *ladder.MentoringSession) (err error) {
	defer wrap(&err, "CreateMentoringSession")
	if err := s.validateSession(ctx, ms); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := ownsRow(ctx, tx, "mentors", ms.PersonID, ms.MentorID, errMentorNotFound); err != nil {
		return err
	}
	ms.CreatedAt, ms.UpdatedAt = tx.now, tx.now
	err = tx.QueryRowContext(ctx, `INSERT INTO mentoring_sessions (person_id, mentor_id, session_date, agenda, notes, status,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		ms.PersonID, ms.MentorID, ms.Date, ms.Agenda, ms.Notes, ms.Status, ms.CreatedAt, ms.UpdatedAt).Scan(&ms.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	for i := range ms.Actions {
		a := &ms.Actions[i]
		a.SessionID = ms.ID
		if err := insertAgreedAction(ctx, tx, a, i+1); err != nil {
			return err
		}
	}
	if err := touchPerson(ctx, tx, ms.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func insertAgreedAction(ctx context.Context, tx *Tx, a *ladder.AgreedAction, pos int) error {
	var plan any
	if a.PlanActionID != 0 {
		plan = a.PlanActionID
	}
	return mapErr(tx.QueryRowContext(ctx, `INSERT INTO mentoring_actions (session_id, position, text, competency, plan_action_id)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, a.SessionID, pos, a.Text, a.Competency, plan).Scan(&a.ID))
}

// UpdateMentoringSession replaces the date, agenda, notes and status of the
// person's session ms.ID.
func (s *MentorService) UpdateMentoringSession(ctx context.Context, ms *ladder.MentoringSession) (err error) {
	defer wrap(&err, "UpdateMentoringSession(%d)", ms.ID)
	if err := s.validateSession(ctx, ms); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ms.UpdatedAt = tx.now
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE mentoring_sessions SET session_date = $1, agenda = $2, notes = $3,
		status = $4, updated_at = $5 WHERE id = $6 AND person_id = $7`,
		ms.Date, ms.Agenda, ms.Notes, ms.Status, ms.UpdatedAt, ms.ID, ms.PersonID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errSessionNotFound()
		}
		return err
	}
	if err := touchPerson(ctx, tx, ms.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// DeleteMentoringSession removes the person's session id with its actions;
// plan actions made from them stay in the plan.
func (s *MentorService) DeleteMentoringSession(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteMentoringSession(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM mentoring_sessions WHERE id = $1 AND person_id = $2`, id, errSessionNotFound)
}

// AddAgreedAction appends a to the person's session a.SessionID.
func (s *MentorService) AddAgreedAction(ctx context.Context, personID int64, a *ladder.AgreedAction) (err error) {
	defer wrap(&err, "AddAgreedAction")
	if err := a.Validate(); err != nil {
		return err
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	if err := competencyError(m, "The agreed action is not valid.", "competency", a.Competency); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := ownsRow(ctx, tx, "mentoring_sessions", personID, a.SessionID, errSessionNotFound); err != nil {
		return err
	}
	var pos int
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(position), 0) + 1 FROM mentoring_actions WHERE session_id = $1`,
		a.SessionID).Scan(&pos); err != nil {
		return err
	}
	a.PlanActionID = 0
	if err := insertAgreedAction(ctx, tx, a, pos); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// FindAgreedAction returns one agreed action of the person's sessions.
func (s *MentorService) FindAgreedAction(ctx context.Context, personID, id int64) (_ *ladder.AgreedAction, err error) {
	defer wrap(&err, "FindAgreedAction(%d)", id)
	a := &ladder.AgreedAction{}
	var plan sql.NullInt64
	err = s.db.queryRow(ctx, `SELECT a.id, a.session_id, a.text, a.competency, a.plan_action_id FROM mentoring_actions a
		JOIN mentoring_sessions s ON s.id = a.session_id WHERE a.id = $1 AND s.person_id = $2`, id, personID).
		Scan(&a.ID, &a.SessionID, &a.Text, &a.Competency, &plan)
	if err == sql.ErrNoRows {
		return nil, errAgreedNotFound()
	} else if err != nil {
		return nil, err
	}
	a.PlanActionID = plan.Int64
	return a, nil
}

// DeleteAgreedAction removes one agreed action of the person's sessions; a
// plan action made from it stays in the plan.
func (s *MentorService) DeleteAgreedAction(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteAgreedAction(%d)", id)
	return deleteOwned(ctx, s.db, personID, `DELETE FROM mentoring_actions WHERE id = $1
		AND session_id IN (SELECT id FROM mentoring_sessions WHERE person_id = $2)`, id, errAgreedNotFound)
}

// AddAgreedActionToPlan saves pl with its new action and links the agreed
// action id to it in one transaction, so that an action is never in the
// plan without the link (and added again) nor linked to nothing.
func (s *MentorService) AddAgreedActionToPlan(ctx context.Context, id int64, pl *ladder.Plan, goal, action int) (err error) {
	defer wrap(&err, "AddAgreedActionToPlan(%d)", id)
	if err := pl.Validate(); err != nil {
		return err
	}
	if goal < 0 || goal >= len(pl.Goals) || action < 0 || action >= len(pl.Goals[goal].Actions) || pl.Goals[goal].Actions[action].ID != 0 {
		return ladder.Errorf(ladder.EINVALID, "The new plan action is not where it was said to be.")
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var linked sql.NullInt64
	err = tx.QueryRowContext(ctx, `SELECT a.plan_action_id FROM mentoring_actions a JOIN mentoring_sessions s ON s.id = a.session_id
		WHERE a.id = $1 AND s.person_id = $2`, id, pl.PersonID).Scan(&linked)
	if err == sql.ErrNoRows {
		return errAgreedNotFound()
	} else if err != nil {
		return err
	}
	if linked.Valid {
		return errAlreadyInPlan()
	}
	for gi := range pl.Goals {
		for ai := range pl.Goals[gi].Actions {
			pl.Goals[gi].Actions[ai].Order = ai + 1
		}
	}
	if err := upsertPlan(ctx, tx, pl); err != nil {
		return err
	}
	if err := savePlanItems(ctx, tx, pl); err != nil {
		return err
	}
	// The condition on plan_action_id makes a concurrent second click wait
	// for the first and then find the link taken.
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE mentoring_actions SET plan_action_id = $1 WHERE id = $2 AND plan_action_id IS NULL`,
		pl.Goals[goal].Actions[action].ID, id)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errAlreadyInPlan()
		}
		return err
	}
	if err := touchPerson(ctx, tx, pl.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func errSessionNotFound() error {
	return ladder.Errorf(ladder.ENOTFOUND, "Mentoring session not found.")
}

func errAgreedNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Agreed action not found.") }

func errAlreadyInPlan() error {
	return ladder.Errorf(ladder.ECONFLICT, "This agreed action is in your plan already.")
}
