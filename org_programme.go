package ladder

import (
	"context"
	"strings"
	"time"
)

// OrgProgramme is a development programme of an organisation: people
// growing towards one target role between two days, in cohorts.
type OrgProgramme struct {
	ID          int64
	OrgID       int64
	Name        string
	Description string
	// TargetRole is the slug of a target role of the competency model.
	TargetRole string
	Start, End time.Time // days
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Validate checks the fields; the target role is checked against the model
// by the service.
func (p *OrgProgramme) Validate() error {
	f := FieldErrors{}
	p.Name = strings.TrimSpace(p.Name)
	p.Description = strings.TrimSpace(p.Description)
	switch {
	case p.Name == "":
		f.Add("name", "is required")
	case len(p.Name) > 200:
		f.Add("name", "must be at most 200 characters")
	}
	if len(p.Description) > 5000 {
		f.Add("description", "must be at most 5000 characters")
	}
	if strings.TrimSpace(p.TargetRole) == "" {
		f.Add("target_role", "is required")
	}
	validSpan(f, p.Start, p.End)
	return f.Err("The programme is not valid.")
}

func validSpan(f FieldErrors, start, end time.Time) {
	if start.IsZero() {
		f.Add("start", "is required")
	}
	if end.IsZero() {
		f.Add("end", "is required")
	} else if !start.IsZero() && end.Before(start) {
		f.Add("end", "must not be before the start")
	}
}

// OrgCohort is a group of members going through a programme together.
type OrgCohort struct {
	ID          int64
	ProgrammeID int64
	Name        string
	Start, End  time.Time // days, within the programme's
	// MemberIDs are the persons in the cohort, members of the
	// organisation.
	MemberIDs []int64
	CreatedAt time.Time
}

// Validate checks the fields; the dates are checked against the
// programme's by the service.
func (c *OrgCohort) Validate() error {
	f := FieldErrors{}
	c.Name = strings.TrimSpace(c.Name)
	switch {
	case c.Name == "":
		f.Add("name", "is required")
	case len(c.Name) > 200:
		f.Add("name", "must be at most 200 characters")
	}
	validSpan(f, c.Start, c.End)
	return f.Err("The cohort is not valid.")
}

// ProgrammeService stores programmes and cohorts. Every change is written to
// the audit log in its own transaction, with actorID as the actor.
//
// Errors: EINVALID for a bad field (an unknown target role, cohort dates
// outside the programme's, a person who is not a member), ENOTFOUND for an
// unknown programme or cohort (or one of another organisation), ECONFLICT
// for a name the organisation (or programme) already uses.
type ProgrammeService interface {
	FindProgramme(ctx context.Context, orgID, id int64) (*OrgProgramme, error)
	// FindProgrammes returns the organisation's programmes, latest start
	// first.
	FindProgrammes(ctx context.Context, orgID int64) ([]*OrgProgramme, error)
	CreateProgramme(ctx context.Context, actorID int64, p *OrgProgramme) error
	UpdateProgramme(ctx context.Context, actorID int64, p *OrgProgramme) error
	DeleteProgramme(ctx context.Context, actorID, orgID, id int64) error

	// FindCohorts returns a programme's cohorts by start, with members.
	FindCohorts(ctx context.Context, orgID, programmeID int64) ([]*OrgCohort, error)
	FindCohort(ctx context.Context, orgID, id int64) (*OrgCohort, error)
	CreateCohort(ctx context.Context, actorID, orgID int64, c *OrgCohort) error
	DeleteCohort(ctx context.Context, actorID, orgID, id int64) error
	AddCohortMember(ctx context.Context, actorID, orgID, cohortID, personID int64) error
	RemoveCohortMember(ctx context.Context, actorID, orgID, cohortID, personID int64) error
}
