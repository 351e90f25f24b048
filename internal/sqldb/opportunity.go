package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.OpportunityService = (*OpportunityService)(nil)

// OpportunityService stores opportunities with their stage history, and
// supervisor talks.
type OpportunityService struct{ db *DB }

// NewOpportunityService returns an OpportunityService on db.
func NewOpportunityService(db *DB) *OpportunityService { return &OpportunityService{db: db} }

const opportunityColumns = `id, person_id, title, organisation, internal, kind, stage, notes, link, next_step,
	next_step_date, created_at, updated_at`

// stageOrder sorts by pipeline order in SQL, the same on both engines.
func stageOrder() string {
	var b strings.Builder
	b.WriteString("CASE stage")
	for i, s := range ladder.OpportunityStages() {
		fmt.Fprintf(&b, " WHEN '%s' THEN %d", s.Key, i)
	}
	b.WriteString(" ELSE 99 END")
	return b.String()
}

// FindOpportunity returns one opportunity of the person.
func (s *OpportunityService) FindOpportunity(ctx context.Context, personID, id int64) (_ *ladder.Opportunity, err error) {
	defer wrap(&err, "FindOpportunity(%d)", id)
	os, err := s.find(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(os) == 0 {
		return nil, errOpportunityNotFound()
	}
	return os[0], nil
}

// FindOpportunities returns the person's opportunities in pipeline order.
func (s *OpportunityService) FindOpportunities(ctx context.Context, personID int64) (_ []*ladder.Opportunity, err error) {
	defer wrap(&err, "FindOpportunities")
	return s.find(ctx, `person_id = $1`, personID)
}

func (s *OpportunityService) find(ctx context.Context, cond string, args ...any) ([]*ladder.Opportunity, error) {
	rows, err := s.db.query(ctx, `SELECT `+opportunityColumns+` FROM opportunities WHERE `+cond+
		` ORDER BY `+stageOrder()+`, updated_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.Opportunity
	byID := map[int64]*ladder.Opportunity{}
	for rows.Next() {
		o := &ladder.Opportunity{}
		var next sql.NullTime
		if err := rows.Scan(&o.ID, &o.PersonID, &o.Title, &o.Organisation, &o.Internal, &o.Kind, &o.Stage, &o.Notes,
			&o.Link, &o.NextStep, &next, &o.CreatedAt, &o.UpdatedAt); err != nil {
			return nil, err
		}
		if next.Valid {
			o.NextStepDate = next.Time.UTC()
		}
		out = append(out, o)
		byID[o.ID] = o
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadHistory(ctx, byID)
}

func (s *OpportunityService) loadHistory(ctx context.Context, byID map[int64]*ladder.Opportunity) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT opportunity_id, stage, changed_on FROM opportunity_stages
		WHERE opportunity_id IN (`+strings.Join(ids, ", ")+`) ORDER BY opportunity_id, seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var c ladder.StageChange
		if err := rows.Scan(&id, &c.Stage, &c.Date); err != nil {
			return err
		}
		c.Date = c.Date.UTC()
		byID[id].History = append(byID[id].History, c)
	}
	return rows.Err()
}

// CreateOpportunity stores o with its first stage on since (today when zero).
func (s *OpportunityService) CreateOpportunity(ctx context.Context, o *ladder.Opportunity, since time.Time) (err error) {
	defer wrap(&err, "CreateOpportunity")
	o.History = nil
	if err := o.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if since.IsZero() {
		since = tx.now
	}
	c := ladder.StageChange{Stage: o.Stage, Date: ladder.Day(since)}
	if err := ladder.ValidateStageDate(o, c.Date, tx.now); err != nil {
		return err
	}
	o.CreatedAt, o.UpdatedAt = tx.now, tx.now
	if err := insertOpportunity(ctx, tx, o); err != nil {
		return err
	}
	if err := addStage(ctx, tx, o, c); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, o.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func insertOpportunity(ctx context.Context, tx *Tx, o *ladder.Opportunity) error {
	err := tx.QueryRowContext(ctx, `INSERT INTO opportunities (person_id, title, organisation, internal, kind, stage, notes,
		link, next_step, next_step_date, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
		o.PersonID, o.Title, o.Organisation, o.Internal, o.Kind, o.Stage, o.Notes, o.Link, o.NextStep,
		nullDay(o.NextStepDate), o.CreatedAt, o.UpdatedAt).Scan(&o.ID)
	return mapErr(err)
}

// addStage appends c to o's history (in memory and in the table).
func addStage(ctx context.Context, tx *Tx, o *ladder.Opportunity, c ladder.StageChange) error {
	o.History = append(o.History, c)
	_, err := tx.ExecContext(ctx, `INSERT INTO opportunity_stages (opportunity_id, seq, stage, changed_on) VALUES ($1, $2, $3, $4)`,
		o.ID, len(o.History), c.Stage, c.Date)
	return mapErr(err)
}

// UpdateOpportunity replaces the fields of the person's opportunity o.ID,
// keeping its stage and history.
func (s *OpportunityService) UpdateOpportunity(ctx context.Context, o *ladder.Opportunity) (err error) {
	defer wrap(&err, "UpdateOpportunity(%d)", o.ID)
	old, err := s.FindOpportunity(ctx, o.PersonID, o.ID)
	if err != nil {
		return err
	}
	o.Stage, o.History, o.CreatedAt = old.Stage, old.History, old.CreatedAt
	if err := o.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	o.UpdatedAt = tx.now
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE opportunities SET title = $1, organisation = $2, internal = $3, kind = $4,
		notes = $5, link = $6, next_step = $7, next_step_date = $8, updated_at = $9 WHERE id = $10 AND person_id = $11`,
		o.Title, o.Organisation, o.Internal, o.Kind, o.Notes, o.Link, o.NextStep, nullDay(o.NextStepDate), o.UpdatedAt,
		o.ID, o.PersonID)); err != nil {
		return opportunityNotFound(err)
	}
	if err := touchPerson(ctx, tx, o.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// MoveOpportunity moves the person's opportunity to stage on day.
func (s *OpportunityService) MoveOpportunity(ctx context.Context, personID, id int64, stage string, day time.Time) (_ *ladder.Opportunity, err error) {
	defer wrap(&err, "MoveOpportunity(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	// On SQLite the transaction's write lock queues a second move behind
	// this one; on PostgreSQL a concurrent move takes the same seq and
	// fails on the primary key (ECONFLICT) rather than losing a change.
	o, err := s.FindOpportunity(ctx, personID, id)
	if err != nil {
		return nil, err
	}
	if _, ok := ladder.ChoiceLabel(ladder.OpportunityStages(), stage); !ok {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The stage change is not valid.",
			Fields: map[string]string{"stage": "must be one of spotted, discussed, applied, interviewing, offered, taken, declined"}}
	}
	if stage == o.Stage {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The stage change is not valid.",
			Fields: map[string]string{"stage": "is the stage it is in already"}}
	}
	if day.IsZero() {
		day = tx.now
	}
	c := ladder.StageChange{Stage: stage, Date: ladder.Day(day)}
	if err := ladder.ValidateStageDate(o, c.Date, tx.now); err != nil {
		return nil, err
	}
	o.Stage, o.UpdatedAt = stage, tx.now
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE opportunities SET stage = $1, updated_at = $2 WHERE id = $3 AND person_id = $4`,
		o.Stage, o.UpdatedAt, o.ID, personID)); err != nil {
		return nil, opportunityNotFound(err)
	}
	if err := addStage(ctx, tx, o, c); err != nil {
		return nil, err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return nil, err
	}
	return o, tx.Commit()
}

// DeleteOpportunity removes the person's opportunity id with its history.
func (s *OpportunityService) DeleteOpportunity(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteOpportunity(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM opportunities WHERE id = $1 AND person_id = $2`, id, personID)); err != nil {
		return opportunityNotFound(err)
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// FindSupervisorTalk returns the person's talk, ENOTFOUND when none.
func (s *OpportunityService) FindSupervisorTalk(ctx context.Context, personID int64) (_ *ladder.SupervisorTalk, err error) {
	defer wrap(&err, "FindSupervisorTalk")
	t := &ladder.SupervisorTalk{PersonID: personID}
	err = s.db.queryRow(ctx, `SELECT talked_on, note FROM supervisor_talks WHERE person_id = $1`, personID).Scan(&t.Date, &t.Note)
	if err := mapErr(err); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return nil, ladder.Errorf(ladder.ENOTFOUND, "You have not recorded a talk with your supervisor yet.")
		}
		return nil, err
	}
	t.Date = t.Date.UTC()
	return t, nil
}

// SetSupervisorTalk records or replaces the person's talk.
func (s *OpportunityService) SetSupervisorTalk(ctx context.Context, t *ladder.SupervisorTalk) (err error) {
	defer wrap(&err, "SetSupervisorTalk")
	if err := validateTalk(t, s.db.Now()); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO supervisor_talks (person_id, talked_on, note, updated_at) VALUES ($1, $2, $3, $4)
		ON CONFLICT (person_id) DO UPDATE SET talked_on = excluded.talked_on, note = excluded.note, updated_at = excluded.updated_at`,
		t.PersonID, t.Date, t.Note, tx.now); err != nil {
		return mapErr(err)
	}
	if err := touchPerson(ctx, tx, t.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func validateTalk(t *ladder.SupervisorTalk, now time.Time) error {
	f := ladder.FieldErrors{}
	t.Date = ladder.Day(t.Date)
	t.Note = strings.TrimSpace(t.Note)
	switch {
	case t.Date.IsZero():
		f.Add("date", "is required")
	case t.Date.After(ladder.Day(now.UTC()).AddDate(0, 0, 1)):
		f.Add("date", "%s is in the future: record the talk once it happened", t.Date.Format(time.DateOnly))
	}
	if len(t.Note) > 2000 {
		f.Add("note", "must be at most 2000 characters")
	}
	return f.Err("The talk is not valid.")
}

func errOpportunityNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Opportunity not found.") }

func opportunityNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errOpportunityNotFound()
	}
	return err
}
