package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/ladderhq/ladder"
)

const feedbackRaterColumns = `r.id, r.round_id, f.person_id, r.category, r.email, r.expires_at, r.revoked, r.created_at`

func errFeedbackRaterNotFound() error {
	return ladder.Errorf(ladder.ENOTFOUND, "Rater not found.")
}

func scanFeedbackRaters(rows *sql.Rows) ([]*ladder.FeedbackRater, error) {
	defer rows.Close()
	var out []*ladder.FeedbackRater
	for rows.Next() {
		r := &ladder.FeedbackRater{}
		if err := rows.Scan(&r.ID, &r.RoundID, &r.PersonID, &r.Category, &r.Email, &r.ExpiresAt, &r.Revoked, &r.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// FindFeedbackRaters returns the raters of one of the person's rounds in the
// order they were added.
func (s *FeedbackService) FindFeedbackRaters(ctx context.Context, personID, roundID int64) (_ []*ladder.FeedbackRater, err error) {
	defer wrap(&err, "FindFeedbackRaters(%d)", roundID)
	if _, err := s.FindFeedbackRound(ctx, personID, roundID); err != nil {
		return nil, err
	}
	rows, err := s.db.query(ctx, `SELECT `+feedbackRaterColumns+` FROM feedback_raters r JOIN feedback_rounds f ON f.id = r.round_id
		WHERE r.round_id = $1 AND f.person_id = $2 ORDER BY r.id`, roundID, personID)
	if err != nil {
		return nil, err
	}
	return scanFeedbackRaters(rows)
}

// CreateFeedbackRater adds a rater to one of the person's open rounds and
// returns their link's secret. ExpiresAt is capped at the end of the
// round's closing day (and set to it when zero). The same email may be on
// a round once: a revoked rater cannot come back, because their answer may
// already be in and nobody can tell.
func (s *FeedbackService) CreateFeedbackRater(ctx context.Context, r *ladder.FeedbackRater) (_ string, err error) {
	defer wrap(&err, "CreateFeedbackRater")
	if err := r.Validate(); err != nil {
		return "", err
	}
	round, err := s.FindFeedbackRound(ctx, r.PersonID, r.RoundID)
	if err != nil {
		return "", err
	}
	if round.Closed() {
		return "", errFeedbackRoundClosed()
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	end := round.ClosesOn.Add(feedbackLinkDay)
	if r.ExpiresAt.IsZero() || r.ExpiresAt.After(end) {
		r.ExpiresAt = end
	}
	if !r.ExpiresAt.After(tx.now) {
		return "", &ladder.Error{Code: ladder.ECONFLICT, Message: "The round's closing day has passed: close it, or start a new round.",
			Fields: map[string]string{"email": "the round takes no more raters"}}
	}
	token, err := insertFeedbackRater(ctx, tx, r)
	if err != nil {
		return "", err
	}
	if err := touchPerson(ctx, tx, r.PersonID); err != nil {
		return "", err
	}
	return token, tx.Commit()
}

// insertFeedbackRater writes a rater of an open round (ExpiresAt set) and
// returns their link's secret, of which only the hash is stored.
func insertFeedbackRater(ctx context.Context, tx *Tx, r *ladder.FeedbackRater) (string, error) {
	r.Revoked, r.CreatedAt = false, tx.now
	token := newToken()
	err := tx.QueryRowContext(ctx, `INSERT INTO feedback_raters (round_id, category, email, token_hash, expires_at, revoked, answered, created_at)
		VALUES ($1, $2, $3, $4, $5, FALSE, FALSE, $6) RETURNING id`,
		r.RoundID, r.Category, r.Email, hashToken(token), r.ExpiresAt, r.CreatedAt).Scan(&r.ID)
	if err := mapErr(err); err != nil {
		if ladder.ErrorCode(err) == ladder.ECONFLICT {
			return "", &ladder.Error{Code: ladder.ECONFLICT, Message: r.Email + " is already a rater of this round.",
				Fields: map[string]string{"email": "is already a rater of this round"}}
		}
		return "", err
	}
	return token, nil
}

// ownRater is the condition that a rater belongs to a round of the person
// ($3 after pendingRater's two, $2 alone).
const ownRater = `round_id IN (SELECT id FROM feedback_rounds WHERE person_id = $%d)`

// RevokeFeedbackRater stops the person's rater's link from working. An
// answer already sent stays: nothing links it to the rater.
func (s *FeedbackService) RevokeFeedbackRater(ctx context.Context, personID, raterID int64) (err error) {
	defer wrap(&err, "RevokeFeedbackRater(%d)", raterID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE feedback_raters SET revoked = TRUE WHERE id = $1 AND `+fmt.Sprintf(ownRater, 2),
		raterID, personID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errFeedbackRaterNotFound()
		}
		return err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return err
	}
	return tx.Commit()
}

// pendingRater is the condition that a rater ($1) may still answer at $2.
const pendingRater = `id = $1 AND NOT answered AND NOT revoked AND expires_at > $2
	AND round_id IN (SELECT id FROM feedback_rounds WHERE closed_at IS NULL)`

// PendingFeedbackRaters lists the raters of the person's open round who may
// still answer and have not. Only reminders read it.
func (s *FeedbackService) PendingFeedbackRaters(ctx context.Context, personID, roundID int64) (_ []*ladder.FeedbackRater, err error) {
	defer wrap(&err, "PendingFeedbackRaters(%d)", roundID)
	round, err := s.FindFeedbackRound(ctx, personID, roundID)
	if err != nil {
		return nil, err
	}
	if round.Closed() {
		return nil, errFeedbackRoundClosed()
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT `+feedbackRaterColumns+` FROM feedback_raters r JOIN feedback_rounds f ON f.id = r.round_id
		WHERE r.round_id = $1 AND f.person_id = $2 AND NOT r.answered AND NOT r.revoked AND r.expires_at > $3 ORDER BY r.id`,
		roundID, personID, s.db.Now())
	if err != nil {
		return nil, err
	}
	return scanFeedbackRaters(rows)
}

// RenewFeedbackLink replaces a pending rater's link secret.
func (s *FeedbackService) RenewFeedbackLink(ctx context.Context, personID, raterID int64) (_ string, err error) {
	defer wrap(&err, "RenewFeedbackLink(%d)", raterID)
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	token := newToken()
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE feedback_raters SET token_hash = $4 WHERE `+pendingRater+` AND `+fmt.Sprintf(ownRater, 3),
		raterID, tx.now, personID, hashToken(token))); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return "", ladder.Errorf(ladder.ECONFLICT, "This rater's link cannot be renewed.")
		}
		return "", err
	}
	if err := touchPerson(ctx, tx, personID); err != nil {
		return "", err
	}
	return token, tx.Commit()
}

// feedbackLink is a rater row as the rater's link finds it.
type feedbackLink struct {
	id, roundID       int64
	category          string
	revoked, answered bool
}

// findFeedbackLink reads the rater row of a link secret through q.
func findFeedbackLink(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, token string, inv *ladder.FeedbackInvitation) (feedbackLink, error) {
	var l feedbackLink
	if token == "" || len(token) > 100 {
		return l, errFeedbackLinkUnknown()
	}
	err := q.QueryRowContext(ctx, `SELECT id, round_id, category, expires_at, revoked, answered FROM feedback_raters WHERE token_hash = $1`,
		hashToken(token)).Scan(&l.id, &l.roundID, &l.category, &inv.ExpiresAt, &l.revoked, &l.answered)
	if err != nil {
		if ladder.ErrorCode(mapErr(err)) == ladder.ENOTFOUND {
			return l, errFeedbackLinkUnknown()
		}
		return l, err
	}
	inv.Category = l.category
	return l, nil
}

func errFeedbackLinkUnknown() error {
	return ladder.Errorf(ladder.ENOTFOUND, "This feedback link is not known: check that it was copied whole, or ask for a new one.")
}

// FindFeedbackInvitation returns what a rater's link opens, whatever its
// state: the caller says used, expired or revoked links are gone.
func (s *FeedbackService) FindFeedbackInvitation(ctx context.Context, token string) (_ *ladder.FeedbackInvitation, err error) {
	defer wrap(&err, "FindFeedbackInvitation")
	inv := &ladder.FeedbackInvitation{}
	l, err := findFeedbackLink(ctx, s.db.db, token, inv)
	if err != nil {
		return nil, err
	}
	var personID int64
	if err := s.db.queryRow(ctx, `SELECT f.person_id, p.name FROM feedback_rounds f JOIN persons p ON p.id = f.person_id WHERE f.id = $1`,
		l.roundID).Scan(&personID, &inv.PersonName); err != nil {
		return nil, mapErr(err)
	}
	if inv.Round, err = s.FindFeedbackRound(ctx, personID, l.roundID); err != nil {
		return nil, err
	}
	inv.State = feedbackLinkState(l.answered, l.revoked, !inv.ExpiresAt.After(s.db.Now()))
	if inv.Round.Closed() {
		// Once a round is closed every link says so, used or not: whoever
		// holds links then learns nothing of who answered.
		inv.State = ladder.FeedbackLinkExpired
	}
	return inv, nil
}

func feedbackLinkState(answered, revoked, expired bool) string {
	switch {
	case answered:
		return ladder.FeedbackLinkUsed
	case revoked:
		return ladder.FeedbackLinkRevoked
	case expired:
		return ladder.FeedbackLinkExpired
	}
	return ladder.FeedbackLinkOpen
}

// SubmitFeedback stores a rater's answers and uses up their link. The
// answers go under a fresh random key with only the category: nothing
// stored joins them to the rater row, which only records that it answered.
func (s *FeedbackService) SubmitFeedback(ctx context.Context, token string, resp ladder.FeedbackResponse) (err error) {
	defer wrap(&err, "SubmitFeedback")
	inv, err := s.FindFeedbackInvitation(ctx, token)
	if err != nil {
		return err
	}
	if inv.State != ladder.FeedbackLinkOpen {
		return errFeedbackLinkGone(inv.State)
	}
	if err := validateFeedbackResponse(inv.Round, resp); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// Taking the round's row first orders this against closing: whichever
	// comes second sees the other's result.
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE feedback_rounds SET closed_at = closed_at WHERE id = $1 AND closed_at IS NULL`,
		inv.Round.ID)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errFeedbackLinkGone(ladder.FeedbackLinkExpired)
		}
		return err
	}
	var l feedbackLink
	if l, err = findFeedbackLink(ctx, tx, token, &ladder.FeedbackInvitation{}); err != nil {
		return err
	}
	if err := mustAffect(tx.ExecContext(ctx, `UPDATE feedback_raters SET answered = TRUE WHERE `+pendingRater,
		l.id, tx.now)); err != nil {
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return errFeedbackLinkGone(feedbackLinkState(l.answered, l.revoked, true))
		}
		return err
	}
	key := newToken()
	for comp, lv := range resp.Levels {
		if lv == 0 {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_answers (round_id, rater_key, competency, category, level) VALUES ($1, $2, $3, $4, $5)`,
			inv.Round.ID, key, comp, l.category, lv); err != nil {
			return mapErr(err)
		}
	}
	for comp, text := range resp.Comments {
		if text = strings.TrimSpace(text); text == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO feedback_comments (round_id, rater_key, competency, category, body) VALUES ($1, $2, $3, $4, $5)`,
			inv.Round.ID, key, comp, l.category, text); err != nil {
			return mapErr(err)
		}
	}
	if err := touchPerson(ctx, tx, inv.Round.PersonID); err != nil {
		return err
	}
	return tx.Commit()
}

// errFeedbackLinkGone says why a link no longer works, naming nobody.
func errFeedbackLinkGone(state string) error {
	switch state {
	case ladder.FeedbackLinkUsed:
		return ladder.Errorf(ladder.ECONFLICT, "This feedback link was used already: answers can be sent once.")
	case ladder.FeedbackLinkRevoked:
		return ladder.Errorf(ladder.ECONFLICT, "This feedback link was withdrawn.")
	}
	return ladder.Errorf(ladder.ECONFLICT, "This feedback link has expired.")
}

// validateFeedbackResponse checks the levels (0 for not observed, else
// 1-5) and comments against the round's competencies. Field names are
// "levels.KEY" and "comments.KEY" ("comments.general" for the general one).
func validateFeedbackResponse(round *ladder.FeedbackRound, resp ladder.FeedbackResponse) error {
	f := ladder.FieldErrors{}
	for comp, lv := range resp.Levels {
		switch {
		case !slices.Contains(round.Competencies, comp):
			f.Add("levels."+comp, "is not asked in this round")
		case lv < 0 || lv > ladder.MaxLevel:
			f.Add("levels."+comp, "must be 1-5, or not observed")
		}
	}
	for comp, text := range resp.Comments {
		field := "comments." + comp
		if comp == "" {
			field = "comments.general"
		} else if !slices.Contains(round.Competencies, comp) {
			f.Add(field, "is not asked in this round")
			continue
		}
		if utf8.RuneCountInString(text) > ladder.FeedbackCommentMax {
			f.Add(field, "must be at most %d characters", ladder.FeedbackCommentMax)
		}
	}
	return f.Err(fmt.Sprintf("Some answers need another look (%d).", len(f)))
}
