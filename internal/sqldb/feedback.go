package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

var _ ladder.FeedbackService = (*FeedbackService)(nil)

// FeedbackService stores 360 feedback: rounds, raters with hashed links,
// answers that cannot be joined back to raters, and the results kept when a
// round closes (docs/anonymity.md, "How answers are stored").
type FeedbackService struct {
	db    *DB
	model func(context.Context) (*ladder.Model, error)
}

// NewFeedbackService returns a FeedbackService that checks competency keys
// against the model returned by model.
func NewFeedbackService(db *DB, model func(context.Context) (*ladder.Model, error)) *FeedbackService {
	return &FeedbackService{db: db, model: model}
}

const feedbackRoundColumns = `id, person_id, title, closes_on, min_manager, min_peer, min_report, min_stakeholder,
	min_others, name_manager, closed_at, created_at, updated_at, COALESCE(started_by, 0), COALESCE(cohort_id, 0),
	COALESCE((SELECT name FROM persons WHERE persons.id = feedback_rounds.started_by), ''),
	COALESCE((SELECT name FROM org_cohorts WHERE org_cohorts.id = feedback_rounds.cohort_id), '')`

// feedbackLinkDay is how long after the start of its closing day a round's
// links work: to the end of that day.
const feedbackLinkDay = 24 * time.Hour

func errFeedbackRoundNotFound() error {
	return ladder.Errorf(ladder.ENOTFOUND, "Feedback round not found.")
}

func errFeedbackRoundClosed() error {
	return ladder.Errorf(ladder.ECONFLICT, "This feedback round is closed.")
}

// FindFeedbackRounds returns the person's rounds, newest first, with their
// counts and, for closed rounds, their results.
func (s *FeedbackService) FindFeedbackRounds(ctx context.Context, personID int64) (_ []*ladder.FeedbackRound, err error) {
	defer wrap(&err, "FindFeedbackRounds")
	return s.findRounds(ctx, `person_id = $1`, personID)
}

// FindFeedbackRound returns one of the person's rounds.
func (s *FeedbackService) FindFeedbackRound(ctx context.Context, personID, id int64) (_ *ladder.FeedbackRound, err error) {
	defer wrap(&err, "FindFeedbackRound(%d)", id)
	rs, err := s.findRounds(ctx, `person_id = $1 AND id = $2`, personID, id)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, errFeedbackRoundNotFound()
	}
	return rs[0], nil
}

func (s *FeedbackService) findRounds(ctx context.Context, cond string, args ...any) ([]*ladder.FeedbackRound, error) {
	rows, err := s.db.query(ctx, `SELECT `+feedbackRoundColumns+` FROM feedback_rounds WHERE `+cond+
		` ORDER BY created_at DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*ladder.FeedbackRound
	byID := map[int64]*ladder.FeedbackRound{}
	for rows.Next() {
		r, err := scanFeedbackRound(rows)
		if err != nil {
			return nil, err
		}
		if r.Closed() {
			r.Results = &ladder.FeedbackResults{Self: map[string]int{}}
		}
		out = append(out, r)
		byID[r.ID] = r
	}
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	return out, s.loadRoundParts(ctx, byID)
}

// scanFeedbackRound reads feedbackRoundColumns.
func scanFeedbackRound(row interface{ Scan(...any) error }) (*ladder.FeedbackRound, error) {
	r := &ladder.FeedbackRound{Counts: map[string]ladder.FeedbackCount{}}
	m := &r.Minimums
	var closed sql.NullTime
	if err := row.Scan(&r.ID, &r.PersonID, &r.Title, &r.ClosesOn, &m.Manager, &m.Peer, &m.Report, &m.Stakeholder,
		&m.Others, &m.NameManager, &closed, &r.CreatedAt, &r.UpdatedAt, &r.StartedBy, &r.CohortID, &r.StartedByName, &r.CohortName); err != nil {
		return nil, err
	}
	r.ClosedAt = closed.Time
	return r, nil
}

// loadRoundParts fills competencies, counts and results of the rounds with
// one query per table.
func (s *FeedbackService) loadRoundParts(ctx context.Context, byID map[int64]*ladder.FeedbackRound) error {
	ids := make([]string, 0, len(byID))
	args := make([]any, 0, len(byID))
	for id := range byID {
		args = append(args, id)
		ids = append(ids, fmt.Sprintf("$%d", len(args)))
	}
	in := strings.Join(ids, ", ")
	type scanner func(rows *sql.Rows) error
	queries := []struct {
		sql  string
		scan scanner
	}{
		{`SELECT round_id, competency FROM feedback_round_competencies WHERE round_id IN (` + in + `) ORDER BY round_id, position`,
			func(rows *sql.Rows) error {
				var id int64
				var c string
				if err := rows.Scan(&id, &c); err != nil {
					return err
				}
				byID[id].Competencies = append(byID[id].Competencies, c)
				return nil
			}},
		// An open round counts its raters as they are; a closed one keeps
		// the counts frozen when it closed.
		{`SELECT round_id, category, COUNT(*), SUM(CASE WHEN answered THEN 1 ELSE 0 END) FROM feedback_raters
			WHERE round_id IN (` + in + `) GROUP BY round_id, category`,
			func(rows *sql.Rows) error {
				var id int64
				var c string
				var n ladder.FeedbackCount
				if err := rows.Scan(&id, &c, &n.Invited, &n.Answered); err != nil {
					return err
				}
				if !byID[id].Closed() {
					byID[id].Counts[c] = n
				}
				return nil
			}},
		{`SELECT round_id, category, invited, answered FROM feedback_counts WHERE round_id IN (` + in + `)`,
			func(rows *sql.Rows) error {
				var id int64
				var c string
				var n ladder.FeedbackCount
				if err := rows.Scan(&id, &c, &n.Invited, &n.Answered); err != nil {
					return err
				}
				byID[id].Counts[c] = n
				return nil
			}},
		{`SELECT round_id, competency, grp, raters, total FROM feedback_shown_cells WHERE round_id IN (` + in + `)
			ORDER BY round_id, competency, grp`,
			func(rows *sql.Rows) error {
				var id int64
				var c ladder.FeedbackCell
				if err := rows.Scan(&id, &c.Competency, &c.Group, &c.Raters, &c.Sum); err != nil {
					return err
				}
				if res := byID[id].Results; res != nil {
					res.Cells = append(res.Cells, c)
				}
				return nil
			}},
		{`SELECT round_id, competency, grp, body FROM feedback_shown_comments WHERE round_id IN (` + in + `) ORDER BY round_id, position`,
			func(rows *sql.Rows) error {
				var id int64
				var comp, grp, body string
				if err := rows.Scan(&id, &comp, &grp, &body); err != nil {
					return err
				}
				res := byID[id].Results
				if res == nil {
					return nil
				}
				if n := len(res.Comments); n > 0 && res.Comments[n-1].Competency == comp && res.Comments[n-1].Group == grp {
					res.Comments[n-1].Texts = append(res.Comments[n-1].Texts, body)
				} else {
					res.Comments = append(res.Comments, ladder.FeedbackCommentGroup{Competency: comp, Group: grp, Texts: []string{body}})
				}
				return nil
			}},
		{`SELECT round_id, competency, level FROM feedback_self WHERE round_id IN (` + in + `)`,
			func(rows *sql.Rows) error {
				var id int64
				var comp string
				var lv int
				if err := rows.Scan(&id, &comp, &lv); err != nil {
					return err
				}
				if res := byID[id].Results; res != nil {
					res.Self[comp] = lv
				}
				return nil
			}},
	}
	for _, q := range queries {
		rows, err := s.db.db.QueryContext(ctx, q.sql, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := q.scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	// Cells come sorted by group name; show them in the order of the rule.
	for _, r := range byID {
		if r.Results != nil {
			slices.SortStableFunc(r.Results.Cells, func(a, b ladder.FeedbackCell) int {
				if a.Competency != b.Competency {
					return strings.Compare(a.Competency, b.Competency)
				}
				return slices.Index(ladder.FeedbackGroups, a.Group) - slices.Index(ladder.FeedbackGroups, b.Group)
			})
		}
	}
	return nil
}

// validateRound checks the round and its competencies against the model,
// keeping the model's order and dropping repeats.
func (s *FeedbackService) validateRound(ctx context.Context, r *ladder.FeedbackRound) error {
	if err := r.Validate(); err != nil {
		return err
	}
	m, err := s.model(ctx)
	if err != nil {
		return err
	}
	want := map[string]bool{}
	for _, k := range r.Competencies {
		if _, ok := m.Competency(k); !ok {
			return &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
				Fields: map[string]string{"competencies": fmt.Sprintf("unknown competency %q", k)}}
		}
		want[k] = true
	}
	r.Competencies = r.Competencies[:0]
	for _, c := range m.Competencies() {
		if want[c.Key] {
			r.Competencies = append(r.Competencies, c.Key)
		}
	}
	return nil
}

// CreateFeedbackRound stores a new, open round. Its closing day must not
// be past.
func (s *FeedbackService) CreateFeedbackRound(ctx context.Context, r *ladder.FeedbackRound) (err error) {
	defer wrap(&err, "CreateFeedbackRound")
	if err := s.validateRound(ctx, r); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if r.ClosesOn.Before(ladder.Day(tx.now)) {
		return &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
			Fields: map[string]string{"closes_on": "must be today or later"}}
	}
	r.ClosedAt, r.Results, r.Counts = time.Time{}, nil, map[string]ladder.FeedbackCount{}
	r.CreatedAt, r.UpdatedAt = tx.now, tx.now
	// The person's own round: only StartCohortFeedback records an admin.
	r.StartedBy, r.StartedByName, r.CohortID, r.CohortName = 0, "", 0, ""
	if err := insertFeedbackRound(ctx, tx, r); err != nil {
		return err
	}
	if err := touchPerson(ctx, tx, r.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// insertFeedbackRound writes the round row and its competencies.
func insertFeedbackRound(ctx context.Context, tx *Tx, r *ladder.FeedbackRound) error {
	m := r.Minimums
	err := tx.QueryRowContext(ctx, `INSERT INTO feedback_rounds (person_id, title, closes_on, min_manager, min_peer, min_report,
		min_stakeholder, min_others, name_manager, closed_at, created_at, updated_at, started_by, cohort_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
		r.PersonID, r.Title, r.ClosesOn, m.Manager, m.Peer, m.Report, m.Stakeholder, m.Others, m.NameManager,
		timeOrNil(r.ClosedAt), r.CreatedAt, r.UpdatedAt, nullID(r.StartedBy), nullID(r.CohortID)).Scan(&r.ID)
	if err := mapErr(err); err != nil {
		return err
	}
	for i, c := range r.Competencies {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_round_competencies (round_id, position, competency) VALUES ($1, $2, $3)`,
			r.ID, i, c); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

// CloseFeedbackRound closes the person's open round: its links stop
// working, reduce turns the answers into the results kept, and the answers
// are deleted in the same transaction.
func (s *FeedbackService) CloseFeedbackRound(ctx context.Context, personID, id int64, reduce ladder.FeedbackReducer) (err error) {
	defer wrap(&err, "CloseFeedbackRound(%d)", id)
	r, err := s.FindFeedbackRound(ctx, personID, id)
	if err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Closing first takes the round's row, so an answer being sent either
	// commits before (and is read below) or finds the round closed.
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE feedback_rounds SET closed_at = $1, updated_at = $1
		WHERE id = $2 AND person_id = $3 AND closed_at IS NULL`, tx.now, id, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errFeedbackRoundClosed()
		}
		return err
	}
	answers, comments, err := readFeedbackAnswers(ctx, tx, id)
	if err != nil {
		return err
	}
	res, answered, err := reduce(r, answers, comments)
	if err != nil {
		return err
	}
	if err := writeFeedbackResults(ctx, tx, id, res); err != nil {
		return err
	}
	rows, err := tx.QueryContext(ctx, `SELECT category, COUNT(*) FROM feedback_raters WHERE round_id = $1 GROUP BY category`, id)
	if err != nil {
		return err
	}
	counts := map[string]ladder.FeedbackCount{}
	for rows.Next() {
		var c string
		var n int
		if err := rows.Scan(&c, &n); err != nil {
			rows.Close()
			return err
		}
		counts[c] = ladder.FeedbackCount{Invited: n}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for c, n := range answered {
		cnt := counts[c]
		cnt.Answered = n
		counts[c] = cnt
	}
	if err := writeFeedbackCounts(ctx, tx, id, counts); err != nil {
		return err
	}
	for _, q := range []string{`DELETE FROM feedback_answers WHERE round_id = $1`, `DELETE FROM feedback_comments WHERE round_id = $1`} {
		if _, err := tx.ExecContext(ctx, q, id); err != nil {
			return err
		}
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

func readFeedbackAnswers(ctx context.Context, tx *Tx, roundID int64) ([]ladder.FeedbackAnswer, []ladder.FeedbackComment, error) {
	var answers []ladder.FeedbackAnswer
	var comments []ladder.FeedbackComment
	rows, err := tx.QueryContext(ctx, `SELECT rater_key, category, competency, level FROM feedback_answers WHERE round_id = $1`, roundID)
	if err != nil {
		return nil, nil, err
	}
	for rows.Next() {
		var a ladder.FeedbackAnswer
		if err := rows.Scan(&a.RaterKey, &a.Category, &a.Competency, &a.Level); err != nil {
			rows.Close()
			return nil, nil, err
		}
		answers = append(answers, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows, err = tx.QueryContext(ctx, `SELECT rater_key, category, competency, body FROM feedback_comments WHERE round_id = $1`, roundID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c ladder.FeedbackComment
		if err := rows.Scan(&c.RaterKey, &c.Category, &c.Competency, &c.Text); err != nil {
			return nil, nil, err
		}
		comments = append(comments, c)
	}
	return answers, comments, rows.Err()
}

// writeFeedbackResults keeps what a closed round shows.
func writeFeedbackResults(ctx context.Context, tx *Tx, roundID int64, res *ladder.FeedbackResults) error {
	if res == nil {
		return nil
	}
	for _, c := range res.Cells {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_shown_cells (round_id, competency, grp, raters, total) VALUES ($1, $2, $3, $4, $5)`,
			roundID, c.Competency, c.Group, c.Raters, c.Sum); err != nil {
			return mapErr(err)
		}
	}
	pos := 0
	for _, g := range res.Comments {
		for _, t := range g.Texts {
			if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_shown_comments (round_id, position, competency, grp, body) VALUES ($1, $2, $3, $4, $5)`,
				roundID, pos, g.Competency, g.Group, t); err != nil {
				return mapErr(err)
			}
			pos++
		}
	}
	for comp, lv := range res.Self {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_self (round_id, competency, level) VALUES ($1, $2, $3)`, roundID, comp, lv); err != nil {
			return mapErr(err)
		}
	}
	return nil
}

func writeFeedbackCounts(ctx context.Context, tx *Tx, roundID int64, counts map[string]ladder.FeedbackCount) error {
	for c, n := range counts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_counts (round_id, category, invited, answered) VALUES ($1, $2, $3, $4)`,
			roundID, c, n.Invited, n.Answered); err != nil {
			return mapErr(err)
		}
	}
	return nil
}
