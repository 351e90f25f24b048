package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/ladderhq/ladder"
)

// exportFeedback adds the person's closed rounds, oldest first. Open rounds
// stay behind: their answers are shown nowhere yet, and raters' links
// cannot travel.
func (j *Journey) exportFeedback(ctx context.Context, d *ladder.PersonData) error {
	rounds, err := j.Feedback.FindFeedbackRounds(ctx, d.Person.ID)
	if err != nil {
		return err
	}
	for _, r := range rounds {
		if r.Closed() {
			d.FeedbackRounds = append(d.FeedbackRounds, r)
		}
	}
	slices.SortStableFunc(d.FeedbackRounds, func(a, b *ladder.FeedbackRound) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	return nil
}

// validateFeedbackImport checks imported rounds: closed, with known
// competencies, minimums the rule accepts, counts that add up, and results
// the anonymity rule could have shown (anonymity.Restore refuses a group
// under its minimum), so an edited file cannot smuggle in a figure over
// fewer raters than the rule allows.
func validateFeedbackImport(m *ladder.Model, d *ladder.PersonData) error {
	for i, r := range d.FeedbackRounds {
		where := fmt.Sprintf("feedback_rounds[%d]", i)
		bad := func(field, format string, args ...any) error {
			return importErr(where, &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
				Fields: map[string]string{field: fmt.Sprintf(format, args...)}})
		}
		if err := r.Validate(); err != nil {
			return importErr(where, err)
		}
		asked := map[string]bool{}
		for _, k := range r.Competencies {
			if _, ok := m.Competency(k); !ok || asked[k] {
				return bad("competencies", "unknown or repeated competency %q", k)
			}
			asked[k] = true
		}
		if !r.Closed() || r.Results == nil {
			return bad("closed_at", "only closed rounds are imported")
		}
		if err := FeedbackAnonymity(r.Minimums).Validate(); err != nil {
			return bad("minimums", "%v", err)
		}
		for c, n := range r.Counts {
			if !ladder.FeedbackCategoryValid(c) || n.Invited < 0 || n.Answered < 0 || n.Answered > n.Invited {
				return bad("counts", "bad counts for %q", c)
			}
		}
		for _, c := range r.Results.Cells {
			if !asked[c.Competency] {
				return bad("cells", "%q is not asked in the round", c.Competency)
			}
		}
		for _, g := range r.Results.Comments {
			if g.Competency != "" && !asked[g.Competency] {
				return bad("comments", "%q is not asked in the round", g.Competency)
			}
		}
		for k, lv := range r.Results.Self {
			if !asked[k] || lv < ladder.MinLevel || lv > ladder.MaxLevel {
				return bad("self", "bad self-rating %d for %q", lv, k)
			}
		}
		if _, err := FeedbackDisclosure(r); err != nil {
			return bad("cells", "%v", err)
		}
	}
	return nil
}
