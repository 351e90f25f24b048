package ladder

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// CohortRater is a rater a programme admin asks for one member of a cohort:
// proposed from the organisation chart, or added by email.
type CohortRater struct {
	Category string
	Email    string
	// Name is the rater's name when they are a member, for the review;
	// "" for an address added by hand.
	Name string
}

// CohortRound is the round a programme admin starts for one member of a
// cohort, with the raters chosen for it.
type CohortRound struct {
	PersonID int64
	Raters   []CohortRater
}

// RatersField is the field that errors about the raters of a member's
// round are keyed by.
func (c *CohortRound) RatersField() string { return fmt.Sprintf("raters.%d", c.PersonID) }

// Validate checks and normalises the raters: a category and an address
// each, no address twice, and at least one. Every problem is reported under
// RatersField, naming the address.
func (c *CohortRound) Validate() error {
	f := FieldErrors{}
	field := c.RatersField()
	if len(c.Raters) == 0 {
		f.Add(field, "choose at least one rater")
	}
	seen := map[string]bool{}
	for i := range c.Raters {
		r := FeedbackRater{Category: c.Raters[i].Category, Email: c.Raters[i].Email}
		if err := r.Validate(); err != nil {
			var msgs []string
			if e, ok := err.(*Error); ok {
				for _, k := range []string{"category", "email"} {
					if m := e.Fields[k]; m != "" {
						msgs = append(msgs, k+" "+m)
					}
				}
			}
			f.Add(field, "%q: %s", strings.TrimSpace(c.Raters[i].Email), strings.Join(msgs, "; "))
			continue
		}
		c.Raters[i].Category, c.Raters[i].Email = r.Category, r.Email
		if seen[r.Email] {
			f.Add(field, "%s is listed twice", r.Email)
		}
		seen[r.Email] = true
	}
	return f.Err("Some raters need another look: nothing was started.")
}

// CohortFeedbackStart is what a programme admin (ActorID) starts for the
// members of a cohort: one round each, with the same title, competencies,
// closing day and anonymity minimums.
type CohortFeedbackStart struct {
	OrgID, CohortID, ActorID int64
	Title                    string
	Competencies             []string
	ClosesOn                 time.Time
	Minimums                 FeedbackMinimums
	Rounds                   []CohortRound
}

// CohortRoundStarted is the outcome for one member: their new round with
// its raters and the raters' link secrets (in the raters' order; they exist
// only here, to be mailed), or why no round was started.
type CohortRoundStarted struct {
	PersonID int64
	Round    *FeedbackRound
	Raters   []*FeedbackRater
	Tokens   []string
	// Skipped says why no round was started ("" when one was).
	Skipped string
}

// CohortRoundProgress is what a cohort's programme admins see of a round
// started for the cohort: counts and dates, never results, answers or who
// answered.
type CohortRoundProgress struct {
	PersonID int64
	RoundID  int64
	Title    string
	ClosesOn time.Time
	ClosedAt time.Time // zero while open
	// Invited and Answered count every category together; while the round
	// is open Answered counts the raters who sent the form, once it is
	// closed those who gave at least one level or comment (as the person's
	// own counts).
	Invited, Answered int
	StartedByName     string
	CreatedAt         time.Time
}

// Closed reports whether the round was closed.
func (p CohortRoundProgress) Closed() bool { return !p.ClosedAt.IsZero() }

// CohortFeedbackService starts 360 rounds for the members of a cohort and
// reports their progress.
//
// Errors: EINVALID for a bad title, competency, closing day or rater;
// ENOTFOUND for a cohort of another organisation; EINVALID for a person
// who is not in the cohort.
type CohortFeedbackService interface {
	// StartCohortFeedback starts, in one transaction, a round with its
	// raters for every member of s.Rounds who has no open round (the
	// others are skipped, and said so), writing an audit entry about each
	// member. Nothing is mailed here.
	StartCohortFeedback(ctx context.Context, s *CohortFeedbackStart) ([]CohortRoundStarted, error)
	// FindCohortFeedback returns the rounds started for the cohort of
	// people still in it, newest first.
	FindCohortFeedback(ctx context.Context, orgID, cohortID int64) ([]CohortRoundProgress, error)
	// FindOpenFeedbackRounds reports which of the persons have an open
	// round, whoever started it.
	FindOpenFeedbackRounds(ctx context.Context, personIDs []int64) (map[int64]bool, error)
}
