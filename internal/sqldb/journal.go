package sqldb

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.JournalService = (*JournalService)(nil)

// JournalService stores journal entries with their tags and competencies.
type JournalService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewJournalService returns a JournalService that checks competency keys
// against the model returned by model.
func NewJournalService(db *DB, model func(context.Context) (*ladder.Model, error)) *JournalService {
	return &JournalService{db: db, model: model}
}

const journalColumns = `id, person_id, entry_date, kind, title, body, mood, confidence, challenge,
	r_description, r_feelings, r_evaluation, r_analysis, r_conclusion, r_action_plan, created_at, updated_at`

// FindJournalEntry returns one entry of the person.
func (s *JournalService) FindJournalEntry(ctx context.Context, personID, id int64) (*ladder.JournalEntry, error) {
	es, err := s.find(ctx, `person_id = $1 AND id = $2`, []any{personID, id}, "")
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Journal entry not found.")
	}
	return es[0], nil
}

// FindJournal returns the matching entries, newest first, and their total.
func (s *JournalService) FindJournal(ctx context.Context, f ladder.JournalFilter) (_ []*ladder.JournalEntry, _ int, err error) {
	defer wrap(&err, "FindJournal")
	var where []string
	var args []any
	add := func(clause string, v any) {
		args = append(args, v)
		where = append(where, fmt.Sprintf(clause, len(args)))
	}
	if f.PersonID != 0 {
		add("person_id = $%d", f.PersonID)
	}
	if f.Kind != "" {
		add("kind = $%d", f.Kind)
	}
	if f.Tag != "" {
		add("id IN (SELECT entry_id FROM journal_tags WHERE tag = $%d)", strings.ToLower(f.Tag))
	}
	if !f.From.IsZero() {
		add("entry_date >= $%d", f.From)
	}
	if !f.To.IsZero() {
		add("entry_date <= $%d", f.To)
	}
	cond := "1 = 1"
	if len(where) > 0 {
		cond = strings.Join(where, " AND ")
	}
	var n int
	if err := s.db.queryRow(ctx, `SELECT COUNT(*) FROM journal_entries WHERE `+cond, args...).Scan(&n); err != nil {
		return nil, 0, err
	}
	es, err := s.find(ctx, cond, args, limitClause(f.Offset, f.Limit))
	return es, n, err
}

func (s *JournalService) find(ctx context.Context, cond string, args []any, limit string) ([]*ladder.JournalEntry, error) {
	rows, err := s.db.query(ctx, `SELECT `+journalColumns+` FROM journal_entries WHERE `+cond+
		` ORDER BY entry_date DESC, id DESC`+limit, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.JournalEntry
	byID := map[int64]*ladder.JournalEntry{}
	for rows.Next() {
		e := &ladder.JournalEntry{}
		r := &e.Reflection
		if err := rows.Scan(&e.ID, &e.PersonID, &e.Date, &e.Kind, &e.Title, &e.Body, &e.Mood, &e.Confidence, &e.Challenge,
			&r.Description, &r.Feelings, &r.Evaluation, &r.Analysis, &r.Conclusion, &r.ActionPlan, &e.CreatedAt, &e.UpdatedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
		byID[e.ID] = e
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadLists(ctx, byID)
}

// loadLists fills tags and competencies with one query each.
func (s *JournalService) loadLists(ctx context.Context, byID map[int64]*ladder.JournalEntry) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	in := strings.Join(ids, ", ")
	for _, q := range []struct {
		sql string
		add func(*ladder.JournalEntry, string)
	}{
		{`SELECT entry_id, tag FROM journal_tags WHERE entry_id IN (` + in + `) ORDER BY entry_id, tag`,
			func(e *ladder.JournalEntry, v string) { e.Tags = append(e.Tags, v) }},
		{`SELECT entry_id, competency FROM journal_competencies WHERE entry_id IN (` + in + `) ORDER BY entry_id, competency`,
			func(e *ladder.JournalEntry, v string) { e.Competencies = append(e.Competencies, v) }},
	} {
		rows, err := s.db.db.QueryContext(ctx, q.sql, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			var v string
			if err := rows.Scan(&id, &v); err != nil {
				rows.Close()
				return err
			}
			q.add(byID[id], v)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// validate checks the entry and its competency keys against the model.
func (s *JournalService) validate(ctx context.Context, e *ladder.JournalEntry) error {
	if err := e.Validate(); err != nil {
		return err
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	for _, k := range e.Competencies {
		if _, ok := m.Competency(k); !ok {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The journal entry is not valid.",
				Fields: map[string]string{"competencies": fmt.Sprintf("unknown competency %q", k)}}
		}
	}
	e.Tags = uniqueSorted(e.Tags)
	e.Competencies = uniqueSorted(e.Competencies)
	return nil
}

func uniqueSorted(in []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range in {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	sort.Strings(out)
	return out
}

// CreateJournalEntry stores e with its tags and competencies, all or none.
func (s *JournalService) CreateJournalEntry(ctx context.Context, e *ladder.JournalEntry) (err error) {
	defer wrap(&err, "CreateJournalEntry")
	if err := s.validate(ctx, e); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	e.CreatedAt, e.UpdatedAt = tx.now, tx.now
	r := e.Reflection
	err = tx.QueryRowContext(ctx, `INSERT INTO journal_entries (person_id, entry_date, kind, title, body, mood, confidence, challenge,
		r_description, r_feelings, r_evaluation, r_analysis, r_conclusion, r_action_plan, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
		e.PersonID, e.Date, e.Kind, e.Title, e.Body, e.Mood, e.Confidence, e.Challenge,
		r.Description, r.Feelings, r.Evaluation, r.Analysis, r.Conclusion, r.ActionPlan, e.CreatedAt, e.UpdatedAt).Scan(&e.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	if err := writeJournalLists(ctx, tx, e); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, e.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// UpdateJournalEntry replaces the fields of the person's entry e.ID.
func (s *JournalService) UpdateJournalEntry(ctx context.Context, e *ladder.JournalEntry) (err error) {
	defer wrap(&err, "UpdateJournalEntry(%d)", e.ID)
	if err := s.validate(ctx, e); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	e.UpdatedAt = tx.now
	r := e.Reflection
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE journal_entries SET entry_date = $1, kind = $2, title = $3, body = $4,
		mood = $5, confidence = $6, challenge = $7, r_description = $8, r_feelings = $9, r_evaluation = $10, r_analysis = $11,
		r_conclusion = $12, r_action_plan = $13, updated_at = $14 WHERE id = $15 AND person_id = $16`,
		e.Date, e.Kind, e.Title, e.Body, e.Mood, e.Confidence, e.Challenge, r.Description, r.Feelings, r.Evaluation,
		r.Analysis, r.Conclusion, r.ActionPlan, e.UpdatedAt, e.ID, e.PersonID)); err != nil {
		return journalNotFound(err)
	}
	for _, q := range []string{`DELETE FROM journal_tags WHERE entry_id = $1`, `DELETE FROM journal_competencies WHERE entry_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, e.ID); err != nil {
			return err
		}
	}
	if err := writeJournalLists(ctx, tx, e); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, e.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func writeJournalLists(ctx context.Context, tx *Tx, e *ladder.JournalEntry) error {
	for _, t := range e.Tags {
		if _, err := tx.ExecContext(ctx, `INSERT INTO journal_tags (entry_id, tag) VALUES ($1, $2)`, e.ID, t); err != nil {
			return mapErr(err)
		}
	}
	for _, c := range e.Competencies {
		if _, err := tx.ExecContext(ctx, `INSERT INTO journal_competencies (entry_id, competency) VALUES ($1, $2)`, e.ID, c); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// DeleteJournalEntry removes the person's entry id.
func (s *JournalService) DeleteJournalEntry(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeleteJournalEntry(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM journal_entries WHERE id = $1 AND person_id = $2`, id, personID)); err != nil {
		return journalNotFound(err)
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

func journalNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return ladder.Errorf(ladder.ENOTFOUND, "Journal entry not found.")
	}
	return err
}
