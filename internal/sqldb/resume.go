package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.ResumeService = (*ResumeService)(nil)

// ResumeService stores resume bullets and interview practice answers.
type ResumeService struct {
	db *DB
	// knownQuestion reports whether a key names a question of the bank.
	knownQuestion func(string) bool
}

// NewResumeService returns a ResumeService that checks practice answers'
// question keys with knownQuestion.
func NewResumeService(db *DB, knownQuestion func(string) bool) *ResumeService {
	return &ResumeService{db: db, knownQuestion: knownQuestion}
}

const bulletColumns = `id, person_id, evidence_id, situation, task, action, result, text, competencies, target_role, why,
	position, hidden, edited, created_at, updated_at`

// FindResumeBullets returns the person's bullets in resume order.
func (s *ResumeService) FindResumeBullets(ctx context.Context, personID int64) (_ []*ladder.ResumeBullet, err error) {
	defer wrap(&err, "FindResumeBullets")
	return s.findBullets(ctx, `person_id = $1`, personID)
}

// FindResumeBullet returns one bullet of the person.
func (s *ResumeService) FindResumeBullet(ctx context.Context, personID, id int64) (_ *ladder.ResumeBullet, err error) {
	defer wrap(&err, "FindResumeBullet(%d)", id)
	bs, err := s.findBullets(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(bs) == 0 {
		return nil, errBulletNotFound()
	}
	return bs[0], nil
}

func (s *ResumeService) findBullets(ctx context.Context, cond string, args ...any) ([]*ladder.ResumeBullet, error) {
	rows, err := s.db.query(ctx, `SELECT `+bulletColumns+` FROM resume_bullets WHERE `+cond+` ORDER BY position, id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.ResumeBullet
	for rows.Next() {
		b := &ladder.ResumeBullet{}
		var ev sql.NullInt64
		var comps string
		if err := rows.Scan(&b.ID, &b.PersonID, &ev, &b.Situation, &b.Task, &b.Action, &b.Result, &b.Text, &comps,
			&b.TargetRole, &b.Why, &b.Position, &b.Hidden, &b.Edited, &b.CreatedAt, &b.UpdatedAt); err != nil {
			return nil, err
		}
		b.EvidenceID, b.Competencies = ev.Int64, splitKeys(comps)
		out = append(out, b)
	}
	return out, rows.Err()
}

// SaveResume makes bs the person's resume, in order.
func (s *ResumeService) SaveResume(ctx context.Context, personID int64, bs []*ladder.ResumeBullet) (err error) {
	defer wrap(&err, "SaveResume")
	for i, b := range bs {
		if err := b.Validate(); err != nil {
			return err
		}
		for _, c := range b.Competencies {
			if hasComma(c) {
				return ladder.Errorf(ladder.EINVALID, "Bullet %d: competency keys must not contain commas.", i+1)
			}
		}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := saveBullets(ctx, tx, personID, bs); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// saveBullets writes bs as the person's whole resume inside tx.
func saveBullets(ctx context.Context, tx *Tx, personID int64, bs []*ladder.ResumeBullet) error {
	keep := map[int64]bool{}
	var evidence []int64
	for _, b := range bs {
		if b.ID > 0 {
			keep[b.ID] = true
		}
		if b.EvidenceID > 0 {
			evidence = append(evidence, b.EvidenceID)
		}
	}
	if err := ownEvidence(ctx, tx, personID, evidence, "The resume is not valid."); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id FROM resume_bullets WHERE person_id = $1`, personID)
	if err != nil {
		return err
	}
	var drop []int64
	have := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		have[id] = true
		if !keep[id] {
			drop = append(drop, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range drop {
		if _, err := tx.ExecContext(ctx, `DELETE FROM resume_bullets WHERE id = $1 AND person_id = $2`, id, personID); err != nil {
			return err
		}
	}
	for i, b := range bs {
		if b.ID > 0 && !have[b.ID] {
			return errBulletNotFound()
		}
		b.PersonID, b.Position = personID, i+1
		if err := writeBullet(ctx, tx, b); err != nil {
			return err
		}
	}
	return nil
}

func writeBullet(ctx context.Context, tx *Tx, b *ladder.ResumeBullet) error {
	ev := sql.NullInt64{Int64: b.EvidenceID, Valid: b.EvidenceID > 0}
	if b.ID > 0 {
		b.UpdatedAt = tx.now
		return mustAffect(tx.ExecContext(ctx, `UPDATE resume_bullets SET evidence_id = $1, situation = $2, task = $3, action = $4,
			result = $5, text = $6, competencies = $7, target_role = $8, why = $9, position = $10, hidden = $11, edited = $12,
			updated_at = $13 WHERE id = $14 AND person_id = $15`,
			ev, b.Situation, b.Task, b.Action, b.Result, b.Text, joinKeys(b.Competencies), b.TargetRole, b.Why, b.Position,
			b.Hidden, b.Edited, b.UpdatedAt, b.ID, b.PersonID))
	}
	stampTimes(&b.CreatedAt, &b.UpdatedAt, tx.now)
	err := tx.QueryRowContext(ctx, `INSERT INTO resume_bullets (person_id, evidence_id, situation, task, action, result, text,
		competencies, target_role, why, position, hidden, edited, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		b.PersonID, ev, b.Situation, b.Task, b.Action, b.Result, b.Text, joinKeys(b.Competencies), b.TargetRole, b.Why,
		b.Position, b.Hidden, b.Edited, b.CreatedAt, b.UpdatedAt).Scan(&b.ID)
	return mapErr(err)
}

// UpdateResumeBullet replaces the text and flags of the person's bullet.
func (s *ResumeService) UpdateResumeBullet(ctx context.Context, b *ladder.ResumeBullet) (err error) {
	defer wrap(&err, "UpdateResumeBullet(%d)", b.ID)
	if err := b.Validate(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	b.UpdatedAt = tx.now
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE resume_bullets SET situation = $1, task = $2, action = $3, result = $4,
		text = $5, hidden = $6, edited = $7, updated_at = $8 WHERE id = $9 AND person_id = $10`,
		b.Situation, b.Task, b.Action, b.Result, b.Text, b.Hidden, b.Edited, b.UpdatedAt, b.ID, b.PersonID)); err != nil {
		return bulletNotFound(err)
	}
	if err := touchPerson(ctx, tx, b.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// ownEvidence checks that every id is an evidence entry of the person: an
// answer or a bullet may not point into someone else's log.
func ownEvidence(ctx context.Context, tx *Tx, personID int64, ids []int64, message string) error {
	for _, id := range ids {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM evidence WHERE id = $1 AND person_id = $2`, id, personID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return &ladder.Error{Code: ladder.EINVALID, Message: message,
				Fields: map[string]string{"evidence": fmt.Sprintf("%d is not one of your evidence entries", id)}}
		}
	}
	return nil
}

const practiceColumns = `id, person_id, question, answered_on, answer, rating, created_at`

// FindPracticeAnswers returns the person's answers (to question, when not
// ""), newest first.
func (s *ResumeService) FindPracticeAnswers(ctx context.Context, personID int64, question string) (_ []*ladder.PracticeAnswer, err error) {
	defer wrap(&err, "FindPracticeAnswers")
	cond, args := `person_id = $1`, []any{personID}
	if question != "" {
		cond, args = cond+` AND question = $2`, append(args, question)
	}
	rows, err := s.db.query(ctx, `SELECT `+practiceColumns+` FROM practice_answers WHERE `+cond+
		` ORDER BY answered_on DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.PracticeAnswer
	byID := map[int64]*ladder.PracticeAnswer{}
	for rows.Next() {
		a := &ladder.PracticeAnswer{}
		if err := rows.Scan(&a.ID, &a.PersonID, &a.Question, &a.Date, &a.Answer, &a.Rating, &a.CreatedAt); err != nil {
			return nil, err
		}
		a.Date = a.Date.UTC()
		out = append(out, a)
		byID[a.ID] = a
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadPracticeEvidence(ctx, byID)
}

func (s *ResumeService) loadPracticeEvidence(ctx context.Context, byID map[int64]*ladder.PracticeAnswer) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT answer_id, evidence_id FROM practice_evidence
		WHERE answer_id IN (`+strings.Join(ids, ", ")+`) ORDER BY answer_id, seq`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, ev int64
		if err := rows.Scan(&id, &ev); err != nil {
			return err
		}
		byID[id].EvidenceIDs = append(byID[id].EvidenceIDs, ev)
	}
	return rows.Err()
}

// CreatePracticeAnswer stores a with its evidence links.
func (s *ResumeService) CreatePracticeAnswer(ctx context.Context, a *ladder.PracticeAnswer) (err error) {
	defer wrap(&err, "CreatePracticeAnswer")
	if err := a.Validate(); err != nil {
		return err
	}
	if !s.knownQuestion(a.Question) {
		return &ladder.Error{Code: ladder.EINVALID, Message: "The practice answer is not valid.",
			Fields: map[string]string{"question": fmt.Sprintf("%q is not a question of the bank", a.Question)}}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := insertPractice(ctx, tx, a); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, a.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

func insertPractice(ctx context.Context, tx *Tx, a *ladder.PracticeAnswer) error {
	if err := ownEvidence(ctx, tx, a.PersonID, a.EvidenceIDs, "The practice answer is not valid."); err != nil {
		return err
	}
	if a.CreatedAt.IsZero() {
		a.CreatedAt = tx.now
	}
	err := tx.QueryRowContext(ctx, `INSERT INTO practice_answers (person_id, question, answered_on, answer, rating, created_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, a.PersonID, a.Question, a.Date, a.Answer, a.Rating, a.CreatedAt).Scan(&a.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	for i, ev := range a.EvidenceIDs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO practice_evidence (answer_id, evidence_id, seq) VALUES ($1, $2, $3)`,
			a.ID, ev, i+1); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// DeletePracticeAnswer removes the person's answer id.
func (s *ResumeService) DeletePracticeAnswer(ctx context.Context, personID, id int64) (err error) {
	defer wrap(&err, "DeletePracticeAnswer(%d)", id)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `DELETE FROM practice_answers WHERE id = $1 AND person_id = $2`, id, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "Practice answer not found.")
		}
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

func errBulletNotFound() error { return ladder.Errorf(ladder.ENOTFOUND, "Resume bullet not found.") }

func bulletNotFound(err error) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return errBulletNotFound()
	}
	return err
}
