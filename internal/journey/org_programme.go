package journey

import (
	"context"

	"github.com/ladderhq/ladder"
)

// ProgrammeView is a programme with its cohorts.
type ProgrammeView struct {
	Programme *ladder.OrgProgramme
	Cohorts   []*ladder.OrgCohort
}

// Programmes lists the programmes of the actor's organisation.
func (j *Journey) Programmes(ctx context.Context, actor *ladder.Person) ([]*ladder.OrgProgramme, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return nil, err
	}
	return j.OrgProgrammes.FindProgrammes(ctx, id)
}

// Programme returns a programme of the actor's organisation with its
// cohorts.
func (j *Journey) Programme(ctx context.Context, actor *ladder.Person, programmeID int64) (*ProgrammeView, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return nil, err
	}
	p, err := j.OrgProgrammes.FindProgramme(ctx, id, programmeID)
	if err != nil {
		return nil, err
	}
	cs, err := j.OrgProgrammes.FindCohorts(ctx, id, programmeID)
	return &ProgrammeView{Programme: p, Cohorts: cs}, err
}

// SaveProgramme creates p (ID 0) or replaces it, in the actor's
// organisation.
func (j *Journey) SaveProgramme(ctx context.Context, actor *ladder.Person, p *ladder.OrgProgramme) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return err
	}
	p.OrgID = id
	if p.ID == 0 {
		return j.OrgProgrammes.CreateProgramme(ctx, actor.ID, p)
	}
	return j.OrgProgrammes.UpdateProgramme(ctx, actor.ID, p)
}

// DeleteProgramme removes a programme of the actor's organisation.
func (j *Journey) DeleteProgramme(ctx context.Context, actor *ladder.Person, programmeID int64) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return err
	}
	return j.OrgProgrammes.DeleteProgramme(ctx, actor.ID, id, programmeID)
}

// CreateCohort adds a cohort to a programme of the actor's organisation.
func (j *Journey) CreateCohort(ctx context.Context, actor *ladder.Person, c *ladder.OrgCohort) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return err
	}
	return j.OrgProgrammes.CreateCohort(ctx, actor.ID, id, c)
}

// FindCohort returns a cohort of the actor's organisation.
func (j *Journey) FindCohort(ctx context.Context, actor *ladder.Person, cohortID int64) (*ladder.OrgCohort, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return nil, err
	}
	return j.OrgProgrammes.FindCohort(ctx, id, cohortID)
}

// DeleteCohort removes a cohort of the actor's organisation.
func (j *Journey) DeleteCohort(ctx context.Context, actor *ladder.Person, cohortID int64) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return err
	}
	return j.OrgProgrammes.DeleteCohort(ctx, actor.ID, id, cohortID)
}

// SetCohortMember adds a member to a cohort, or with remove takes them out.
func (j *Journey) SetCohortMember(ctx context.Context, actor *ladder.Person, cohortID, personID int64, remove bool) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgProgrammes)
	if err != nil {
		return err
	}
	if remove {
		return j.OrgProgrammes.RemoveCohortMember(ctx, actor.ID, id, cohortID, personID)
	}
	return j.OrgProgrammes.AddCohortMember(ctx, actor.ID, id, cohortID, personID)
}
