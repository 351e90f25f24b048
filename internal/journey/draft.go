package journey

import (
	"context"

	"github.com/ladderhq/ladder"
)

// Draft returns the person's self-assessment in progress (the latest, should
// there be several), or ENOTFOUND when none is.
func (j *Journey) Draft(ctx context.Context, personID int64) (*ladder.Assessment, error) {
	open := false
	as, err := j.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: personID, Kind: ladder.AssessSelf, Completed: &open})
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "No assessment is in progress.")
	}
	return as[len(as)-1], nil
}

// SaveDraft saves ratings into the person's self-assessment in progress in
// one call: into the draft when there is one, else into a new draft for the
// person's target role created with them. A note already in the draft is
// kept when a rating arrives without one, so changing a level from the
// browser does not erase what the command line recorded.
func (j *Journey) SaveDraft(ctx context.Context, p *ladder.Person, rs []ladder.Rating) (*ladder.Assessment, error) {
	if len(rs) == 0 {
		return nil, ladder.Errorf(ladder.EINVALID, "There are no ratings to save.")
	}
	a, err := j.Draft(ctx, p.ID)
	switch {
	case ladder.ErrorCode(err) == ladder.ENOTFOUND:
		a = &ladder.Assessment{PersonID: p.ID, Kind: ladder.AssessSelf, TargetRole: p.TargetRole, Ratings: rs}
		return a, j.Assessments.CreateAssessment(ctx, a)
	case err != nil:
		return nil, err
	}
	notes := map[string]string{}
	for _, r := range a.Ratings {
		notes[r.Competency] = r.Note
	}
	for i := range rs {
		if rs[i].Note == "" {
			rs[i].Note = notes[rs[i].Competency]
		}
	}
	return a, j.Assessments.SaveRatings(ctx, a.PersonID, a.ID, rs)
}

// FinishDraft completes the person's self-assessment in progress. It needs
// at least one competency rated at a level: an assessment of "not sure"
// answers alone would move nothing. EINVALID (field "ratings") without one,
// including when no assessment is in progress.
func (j *Journey) FinishDraft(ctx context.Context, personID int64) (*ladder.Assessment, error) {
	a, err := j.Draft(ctx, personID)
	if err != nil && ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	}
	rated := false
	for _, r := range draftRatings(a) {
		rated = rated || r.Level != ladder.NotSure
	}
	if !rated {
		return nil, &ladder.Error{Code: ladder.EINVALID, Message: "Rate at least one competency before finishing.",
			Fields: map[string]string{"ratings": "rate at least one competency at a level from 1 to 5"}}
	}
	if err := j.Assessments.CompleteAssessment(ctx, a.PersonID, a.ID); err != nil {
		return nil, err
	}
	return j.Assessments.FindAssessmentByID(ctx, a.PersonID, a.ID)
}

func draftRatings(a *ladder.Assessment) []ladder.Rating {
	if a == nil {
		return nil
	}
	return a.Ratings
}
