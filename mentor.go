package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Mentor statuses.
const (
	MentorActive = "active"
	MentorPaused = "paused"
	MentorEnded  = "ended"
)

// MentorStatuses lists the statuses in the order forms offer them.
var MentorStatuses = []string{MentorActive, MentorPaused, MentorEnded}

// Mentoring session statuses.
const (
	SessionPlanned = "planned"
	SessionHeld    = "held"
)

// SessionStatuses lists the session statuses in the order forms offer them.
var SessionStatuses = []string{SessionPlanned, SessionHeld}

// Mentor is someone a person learns from, inside or outside their
// organisation. Strengths are competency keys; Criteria are the keys of the
// good-mentor criteria the person judges met.
type Mentor struct {
	ID           int64
	PersonID     int64
	Name         string
	Organisation string
	Role         string
	// Inside is set when the mentor works in the person's own organisation.
	Inside     bool
	Background string
	Strengths  []string
	Contact    string // how to reach them
	Status     string
	Notes      string
	Criteria   []string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Validate trims and checks the mentor; competency and criterion keys are
// checked by the service, which knows the model and the content.
func (m *Mentor) Validate() error {
	f := FieldErrors{}
	for _, s := range []*string{&m.Name, &m.Organisation, &m.Role, &m.Contact} {
		*s = strings.TrimSpace(*s)
	}
	networkText(f, "name", m.Name, 200, true)
	networkText(f, "organisation", m.Organisation, 200, false)
	networkText(f, "role", m.Role, 200, false)
	networkText(f, "contact", m.Contact, 500, false)
	networkText(f, "background", m.Background, 5000, false)
	networkText(f, "notes", m.Notes, 5000, false)
	if m.Status == "" {
		m.Status = MentorActive
	}
	if !slices.Contains(MentorStatuses, m.Status) {
		f.Add("status", "must be one of %s", strings.Join(MentorStatuses, ", "))
	}
	return f.Err("The mentor is not valid.")
}

// MentoringSession is one meeting with a mentor, planned or held, with the
// actions agreed in it.
type MentoringSession struct {
	ID       int64
	PersonID int64
	MentorID int64
	Date     time.Time // a day
	Agenda   string
	Notes    string
	Status   string
	Actions  []AgreedAction
	// MentorName is filled by the store when sessions are listed for
	// reminders and pages; it is not stored with the session.
	MentorName string
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// AgreedAction is a short action agreed in a mentoring session, optionally
// tied to a competency. PlanActionID is the plan action it became, 0 until
// the person adds it to their plan.
type AgreedAction struct {
	ID           int64
	SessionID    int64
	Text         string
	Competency   string
	PlanActionID int64
}

// Validate trims and checks the action.
func (a *AgreedAction) Validate() error {
	f := FieldErrors{}
	a.Text = strings.TrimSpace(a.Text)
	a.Competency = strings.TrimSpace(a.Competency)
	networkText(f, "text", a.Text, 300, true)
	return f.Err("The agreed action is not valid.")
}

// Validate checks the session and its agreed actions; competency keys are
// checked by the service.
func (s *MentoringSession) Validate() error {
	f := FieldErrors{}
	s.Date = Day(s.Date)
	if s.Date.IsZero() {
		f.Add("date", "is required")
	}
	if s.MentorID <= 0 {
		f.Add("mentor", "is required")
	}
	networkText(f, "agenda", s.Agenda, 5000, false)
	networkText(f, "notes", s.Notes, 20000, false)
	if s.Status == "" {
		s.Status = SessionPlanned
	}
	if !slices.Contains(SessionStatuses, s.Status) {
		f.Add("status", "must be one of %s", strings.Join(SessionStatuses, ", "))
	}
	if len(s.Actions) > 50 {
		f.Add("actions", "at most 50 per session")
	}
	for i := range s.Actions {
		if err := s.Actions[i].Validate(); err != nil {
			f.Add("actions", "each agreed action needs a text of at most 300 characters")
		}
	}
	return f.Err("The mentoring session is not valid.")
}

// networkText adds a field error when s is longer than max bytes, or
// empty when required.
func networkText(f FieldErrors, field, s string, max int, required bool) {
	if required && strings.TrimSpace(s) == "" {
		f.Add(field, "is required")
	}
	if len(s) > max {
		f.Add(field, "must be at most %d characters", max)
	}
}

// MentorService stores a person's mentors, their sessions and the actions
// agreed in them.
//
// Errors: EINVALID for a bad field, an unknown competency or criterion;
// ENOTFOUND for an unknown id or one of another person; ECONFLICT for an
// agreed action already in the plan.
type MentorService interface {
	FindMentor(ctx context.Context, personID, id int64) (*Mentor, error)
	// FindMentors returns the person's mentors, active first, then by name.
	FindMentors(ctx context.Context, personID int64) ([]*Mentor, error)
	CreateMentor(ctx context.Context, m *Mentor) error
	UpdateMentor(ctx context.Context, m *Mentor) error
	// DeleteMentor removes the mentor with their sessions.
	DeleteMentor(ctx context.Context, personID, id int64) error

	FindMentoringSession(ctx context.Context, personID, id int64) (*MentoringSession, error)
	// FindMentoringSessions returns the person's sessions with one mentor
	// (all mentors when mentorID is 0), newest first.
	FindMentoringSessions(ctx context.Context, personID, mentorID int64) ([]*MentoringSession, error)
	// CreateMentoringSession stores s with its agreed actions.
	CreateMentoringSession(ctx context.Context, s *MentoringSession) error
	// UpdateMentoringSession replaces the date, agenda, notes and status of
	// the session; its agreed actions stay as they are.
	UpdateMentoringSession(ctx context.Context, s *MentoringSession) error
	DeleteMentoringSession(ctx context.Context, personID, id int64) error

	// AddAgreedAction adds a to the person's session a.SessionID.
	AddAgreedAction(ctx context.Context, personID int64, a *AgreedAction) error
	FindAgreedAction(ctx context.Context, personID, id int64) (*AgreedAction, error)
	DeleteAgreedAction(ctx context.Context, personID, id int64) error
	// AddAgreedActionToPlan saves pl, in which the caller has put the new
	// action at pl.Goals[goal].Actions[action], and links the agreed action
	// id of pl.PersonID to it, in one transaction: ECONFLICT when the agreed
	// action is in the plan already.
	AddAgreedActionToPlan(ctx context.Context, id int64, pl *Plan, goal, action int) error
}
