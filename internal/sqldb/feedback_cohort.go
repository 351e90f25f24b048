package sqldb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

var _ ladder.CohortFeedbackService = (*FeedbackService)(nil)

// validateCohortRaters checks every member's raters before anything is
// written, reporting every problem at once.
func validateCohortRaters(st *ladder.CohortFeedbackStart) error {
	f := ladder.FieldErrors{}
	if len(st.Rounds) == 0 {
		f.Add("members", "choose at least one member of the cohort")
	}
	seen := map[int64]bool{}
	for i := range st.Rounds {
		cr := &st.Rounds[i]
		if seen[cr.PersonID] {
			f.Add(cr.RatersField(), "the member is listed twice")
			continue
		}
		seen[cr.PersonID] = true
		if e, ok := cr.Validate().(*ladder.Error); ok {
			for k, v := range e.Fields {
				f.Add(k, "%s", v)
			}
		}
	}
	return f.Err("Some raters need another look: nothing was started.")
}

// StartCohortFeedback starts the rounds of a cohort in one transaction: a
// round with its raters and an audit entry for each member who has no open
// round, or nothing at all when anything is wrong.
func (s *FeedbackService) StartCohortFeedback(ctx context.Context, st *ladder.CohortFeedbackStart) (_ []ladder.CohortRoundStarted, err error) {
	defer wrap(&err, "StartCohortFeedback(%d)", st.CohortID)
	tmpl := &ladder.FeedbackRound{Title: st.Title, Competencies: st.Competencies, ClosesOn: st.ClosesOn, Minimums: st.Minimums}
	if err := s.validateRound(ctx, tmpl); err != nil {
		return nil, err
	}
	if err := validateCohortRaters(st); err != nil {
		return nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	if tmpl.ClosesOn.Before(ladder.Day(tx.now)) {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
			Fields: map[string]string{"closes_on": "must be today or later"}}
	}
	var cohortName string
	err = tx.QueryRowContext(ctx, `SELECT c.name FROM org_cohorts c JOIN org_programmes p ON p.id = c.programme_id
		WHERE c.id = $1 AND p.org_id = $2`, st.CohortID, st.OrgID).Scan(&cohortName)
	if ladder.ErrorCode(mapErr(err)) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Cohort not found.")
	} else if err != nil {
		return nil, err
	}
	emails, err := cohortMemberEmails(ctx, tx, st.CohortID)
	if err != nil {
		return nil, err
	}
	f := ladder.FieldErrors{}
	for _, cr := range st.Rounds {
		own, in := emails[cr.PersonID]
		if !in {
			f.Add(cr.RatersField(), "is not a member of the cohort")
			continue
		}
		for _, r := range cr.Raters {
			if r.Email == own {
				f.Add(cr.RatersField(), "%s is the member's own address: feedback comes from others", r.Email)
			}
		}
	}
	if err := f.Err("Some raters need another look: nothing was started."); err != nil {
		return nil, err
	}
	out := make([]ladder.CohortRoundStarted, 0, len(st.Rounds))
	started := 0
	for _, cr := range st.Rounds {
		res, err := startCohortRound(ctx, tx, st, tmpl, cr, cohortName)
		if err != nil {
			return nil, err
		}
		if res.Skipped == "" {
			started++
		}
		out = append(out, res)
	}
	detail := fmt.Sprintf("360 rounds %q: %d started, %d skipped, closing on %s", tmpl.Title, started, len(out)-started,
		tmpl.ClosesOn.Format("2006-01-02"))
	return out, commitOrgAudit(ctx, tx, st.OrgID, st.ActorID, "feedback.cohort", ladder.AuditCohort, st.CohortID, cohortName, detail)
}

// cohortMemberEmails returns the addresses of the cohort's members by
// person id.
func cohortMemberEmails(ctx context.Context, tx *Tx, cohortID int64) (map[int64]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT p.id, p.email FROM org_cohort_members m JOIN persons p ON p.id = m.person_id
		WHERE m.cohort_id = $1`, cohortID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]string{}
	for rows.Next() {
		var id int64
		var email string
		if err := rows.Scan(&id, &email); err != nil {
			return nil, err
		}
		out[id] = strings.ToLower(email)
	}
	return out, rows.Err()
}

// startCohortRound writes one member's round, raters and audit entry, or
// skips the member when they have a round open (looked at inside the
// transaction, so a round they started meanwhile counts).
func startCohortRound(ctx context.Context, tx *Tx, st *ladder.CohortFeedbackStart, tmpl *ladder.FeedbackRound,
	cr ladder.CohortRound, cohortName string) (ladder.CohortRoundStarted, error) {
	res := ladder.CohortRoundStarted{PersonID: cr.PersonID}
	var open int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM feedback_rounds WHERE person_id = $1 AND closed_at IS NULL`,
		cr.PersonID).Scan(&open); err != nil {
		return res, err
	}
	if open > 0 {
		res.Skipped = "has a feedback round open already: they close it before a new one starts"
		return res, nil
	}
	r := *tmpl
	r.Competencies = append([]string(nil), tmpl.Competencies...)
	r.PersonID, r.StartedBy, r.CohortID, r.CohortName = cr.PersonID, st.ActorID, st.CohortID, cohortName
	r.Counts = map[string]ladder.FeedbackCount{}
	r.CreatedAt, r.UpdatedAt = tx.now, tx.now
	if err := insertFeedbackRound(ctx, tx, &r); err != nil {
		return res, err
	}
	res.Round = &r
	for _, cand := range cr.Raters {
		rt := &ladder.FeedbackRater{RoundID: r.ID, PersonID: r.PersonID, Category: cand.Category, Email: cand.Email,
			ExpiresAt: r.ClosesOn.Add(feedbackLinkDay)}
		token, err := insertFeedbackRater(ctx, tx, rt)
		if err != nil {
			return res, err
		}
		res.Raters, res.Tokens = append(res.Raters, rt), append(res.Tokens, token)
		c := r.Counts[rt.Category]
		c.Invited++
		r.Counts[rt.Category] = c
	}
	if err := touchPerson(ctx, tx, r.PersonID); err != nil {
		return res, err
	}
	// The subject is the member; the detail counts raters and names none.
	err := writeAudit(ctx, tx, &ladder.AuditEntry{OrgID: st.OrgID, ActorID: st.ActorID, Action: "feedback.start",
		SubjectKind: ladder.AuditPerson, SubjectID: r.PersonID,
		Detail: fmt.Sprintf("360 round %q for cohort %q: %d raters asked, closing on %s", r.Title, cohortName, len(res.Raters),
			r.ClosesOn.Format("2006-01-02"))})
	return res, err
}

// FindCohortFeedback returns the progress of the rounds started for the
// cohort of the organisation, for members still in it: counts of all
// categories together, never who answered.
func (s *FeedbackService) FindCohortFeedback(ctx context.Context, orgID, cohortID int64) (_ []ladder.CohortRoundProgress, err error) {
	defer wrap(&err, "FindCohortFeedback(%d)", cohortID)
	rows, err := s.db.query(ctx, `SELECT f.id, f.person_id, f.title, f.closes_on, f.closed_at, f.created_at,
		COALESCE((SELECT name FROM persons WHERE persons.id = f.started_by), ''),
		(SELECT COUNT(*) FROM feedback_raters r WHERE r.round_id = f.id),
		(SELECT COUNT(*) FROM feedback_raters r WHERE r.round_id = f.id AND r.answered),
		COALESCE((SELECT SUM(k.invited) FROM feedback_counts k WHERE k.round_id = f.id), 0),
		COALESCE((SELECT SUM(k.answered) FROM feedback_counts k WHERE k.round_id = f.id), 0)
		FROM feedback_rounds f JOIN org_cohorts c ON c.id = f.cohort_id JOIN org_programmes p ON p.id = c.programme_id
		WHERE f.cohort_id = $1 AND p.org_id = $2
		AND f.person_id IN (SELECT person_id FROM org_cohort_members WHERE cohort_id = $1)
		ORDER BY f.created_at DESC, f.id DESC`, cohortID, orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ladder.CohortRoundProgress
	for rows.Next() {
		var p ladder.CohortRoundProgress
		var closed sql.NullTime
		var openInvited, openAnswered, closedInvited, closedAnswered int
		if err := rows.Scan(&p.RoundID, &p.PersonID, &p.Title, &p.ClosesOn, &closed, &p.CreatedAt, &p.StartedByName,
			&openInvited, &openAnswered, &closedInvited, &closedAnswered); err != nil {
			return nil, err
		}
		p.ClosedAt = closed.Time
		// A closed round keeps the counts frozen when it closed, as the
		// person's own pages show them.
		p.Invited, p.Answered = openInvited, openAnswered
		if p.Closed() {
			p.Invited, p.Answered = closedInvited, closedAnswered
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// FindOpenFeedbackRounds reports which of the persons have an open round.
func (s *FeedbackService) FindOpenFeedbackRounds(ctx context.Context, personIDs []int64) (_ map[int64]bool, err error) {
	defer wrap(&err, "FindOpenFeedbackRounds")
	out := map[int64]bool{}
	for len(personIDs) > 0 {
		chunk := personIDs[:min(len(personIDs), 500)]
		personIDs = personIDs[len(chunk):]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.db.query(ctx, `SELECT DISTINCT person_id FROM feedback_rounds WHERE closed_at IS NULL
			AND person_id IN (`+orgPlaceholders(1, len(chunk))+`)`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			out[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}
