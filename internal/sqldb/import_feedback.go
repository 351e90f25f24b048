package sqldb

import (
	"context"

	"github.com/ladderhq/ladder"
)

// importFeedback writes closed rounds with their counts and results; there
// are no raters or answers to write (exports carry none).
func importFeedback(ctx context.Context, tx *Tx, personID int64, rounds []*ladder.FeedbackRound) error {
	for _, r := range rounds {
		r.PersonID = personID
		stampTimes(&r.CreatedAt, &r.UpdatedAt, tx.now)
		if err := insertFeedbackRound(ctx, tx, r); err != nil {
			return err
		}
		if err := writeFeedbackResults(ctx, tx, r.ID, r.Results); err != nil {
			return err
		}
		if err := writeFeedbackCounts(ctx, tx, r.ID, r.Counts); err != nil {
			return err
		}
	}
	return nil
}
