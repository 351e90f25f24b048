package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
)

// exportLanding adds opportunities (by creation), the supervisor talk,
// resume bullets (in resume order) and practice answers (oldest first) to d.
func (j *Journey) exportLanding(ctx context.Context, d *ladder.PersonData) (err error) {
	id := d.Person.ID
	if d.Opportunities, err = j.Opportunities.FindOpportunities(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Opportunities, func(a, b *ladder.Opportunity) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	d.SupervisorTalk, err = j.Opportunities.FindSupervisorTalk(ctx, id)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		d.SupervisorTalk, err = nil, nil
	} else if err != nil {
		return err
	}
	if d.Resume, err = j.Resume.FindResumeBullets(ctx, id); err != nil {
		return err
	}
	if d.Practice, err = j.Resume.FindPracticeAnswers(ctx, id, ""); err != nil {
		return err
	}
	slices.SortStableFunc(d.Practice, func(a, b *ladder.PracticeAnswer) int {
		return cmp.Or(a.Date.Compare(b.Date), a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	return nil
}

// validateLandingImport checks the opportunities, talk, bullets and
// answers of d: each by its Validate, histories in order and ending at the
// stage, questions in the bank, and evidence references naming entries of
// d.Evidence (by the ids the export gave them).
func validateLandingImport(d *ladder.PersonData, now time.Time) error {
	for i, o := range d.Opportunities {
		where := fmt.Sprintf("opportunities[%d]", i)
		if err := o.Validate(); err != nil {
			return importErr(where, err)
		}
		if err := validateHistory(o, now); err != nil {
			return importErr(where, err)
		}
	}
	if t := d.SupervisorTalk; t != nil {
		t.Date = ladder.Day(t.Date)
		if t.Date.IsZero() {
			return importErr("supervisor_talk", invalid("The talk is not valid.", "date", "is required"))
		}
	}
	evidence := map[int64]bool{}
	for i, e := range d.Evidence {
		if e.ID != 0 && evidence[e.ID] {
			return importErr(fmt.Sprintf("evidence[%d]", i), invalid("The evidence entry is not valid.", "id", "is listed twice"))
		}
		evidence[e.ID] = true
	}
	known := func(id int64) bool { return id > 0 && evidence[id] }
	for i, b := range d.Resume {
		where := fmt.Sprintf("resume[%d]", i)
		if err := b.Validate(); err != nil {
			return importErr(where, err)
		}
		if b.EvidenceID != 0 && !known(b.EvidenceID) {
			return importErr(where, invalid("The resume bullet is not valid.", "evidence_id", "is not an entry of this export"))
		}
	}
	for i, a := range d.Practice {
		where := fmt.Sprintf("practice[%d]", i)
		if err := a.Validate(); err != nil {
			return importErr(where, err)
		}
		if !knownQuestion(a.Question) {
			return importErr(where, invalid("The practice answer is not valid.", "question", "is not a question of the bank"))
		}
		for _, id := range a.EvidenceIDs {
			if !known(id) {
				return importErr(where, invalid("The practice answer is not valid.", "evidence_ids", "name entries of this export"))
			}
		}
	}
	return nil
}

// validateHistory checks that an opportunity's history starts somewhere,
// runs in date order and ends at its stage.
func validateHistory(o *ladder.Opportunity, now time.Time) error {
	h := o.History
	if len(h) == 0 || h[len(h)-1].Stage != o.Stage {
		return invalid("The opportunity is not valid.", "history", "must end with the current stage")
	}
	for i := 1; i < len(h); i++ {
		if h[i].Date.Before(h[i-1].Date) {
			return invalid("The opportunity is not valid.", "history", "must be in date order")
		}
	}
	if h[len(h)-1].Date.After(ladder.Day(now.UTC()).AddDate(0, 0, 1)) {
		return invalid("The opportunity is not valid.", "history", "has a change in the future")
	}
	return nil
}
