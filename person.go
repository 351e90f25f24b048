package ladder

import (
	"context"
	"net/mail"
	"strings"
	"time"
)

// Person is someone on the journey from specialist to manager. Every
// personal record belongs to a person; a person may belong to an
// organisation (OrgID 0 means none).
type Person struct {
	ID    int64
	OrgID int64
	Name  string
	Email string
	// StartRole is where the person starts: a start role slug or any O*NET
	// occupation code.
	StartRole string
	// TargetRole is the slug of the management role they aim for.
	TargetRole string
	// Degree is the highest completed education, for certification
	// prerequisites; empty while unknown.
	Degree    Degree
	CreatedAt time.Time
	UpdatedAt time.Time
	// Version grows with every change to the person's data (profile,
	// assessments); caches of computed views key on it.
	Version int64
}

// Validate checks the fields a person must have. It does not check that the
// roles exist in a model; services do that against the active model.
func (p *Person) Validate() error {
	f := FieldErrors{}
	p.Name = strings.TrimSpace(p.Name)
	p.Email = strings.TrimSpace(strings.ToLower(p.Email))
	switch {
	case p.Name == "":
		f.Add("name", "is required")
	case len(p.Name) > 200:
		f.Add("name", "must be at most 200 characters")
	}
	if p.Email == "" {
		f.Add("email", "is required")
	} else if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email {
		f.Add("email", "is not an email address")
	}
	return f.Err("The profile is not valid.")
}

// PersonFilter selects persons. Zero fields do not filter.
type PersonFilter struct {
	ID     int64
	Email  string
	OrgID  int64
	Offset int
	Limit  int
}

// PersonUpdate holds the fields to change; nil fields are left alone.
type PersonUpdate struct {
	Name       *string
	Email      *string
	StartRole  *string
	TargetRole *string
}

// PersonService manages persons.
//
// Errors: EINVALID for a bad field, ENOTFOUND for an unknown id or email,
// ECONFLICT when the email is taken.
type PersonService interface {
	FindPersonByID(ctx context.Context, id int64) (*Person, error)
	FindPersonByEmail(ctx context.Context, email string) (*Person, error)
	FindPersons(ctx context.Context, f PersonFilter) ([]*Person, int, error)
	CreatePerson(ctx context.Context, p *Person) error
	UpdatePerson(ctx context.Context, id int64, upd PersonUpdate) (*Person, error)
	DeletePerson(ctx context.Context, id int64) error
}
