package ladder

import (
	"context"
	"strings"
	"time"
)

// TeamMember is a person on a manager's team, with what the manager knows
// of them and the date of the next one-to-one.
type TeamMember struct {
	ID           int64
	PersonID     int64 // the manager
	Name         string
	Role         string
	Strengths    string
	Goals        string
	Concerns     string
	Notes        string
	NextOneToOne time.Time // a day; zero when none is booked
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate checks the member.
func (m *TeamMember) Validate() error {
	f := FieldErrors{}
	m.Name, m.Role = strings.TrimSpace(m.Name), strings.TrimSpace(m.Role)
	m.NextOneToOne = Day(m.NextOneToOne)
	textField(f, "name", m.Name, 200, true)
	textField(f, "role", m.Role, 200, false)
	for name, v := range map[string]string{"strengths": m.Strengths, "goals": m.Goals, "concerns": m.Concerns, "notes": m.Notes} {
		textField(f, name, v, 5000, false)
	}
	return f.Err("The team member is not valid.")
}

// OneToOne is the record of one one-to-one meeting with a team member.
type OneToOne struct {
	ID        int64
	PersonID  int64
	MemberID  int64
	Date      time.Time // a day
	Notes     string
	FollowUps []FollowUp
	// Next, when set, books the member's next one-to-one with the record.
	Next      time.Time
	CreatedAt time.Time
	UpdatedAt time.Time
}

// FollowUp is something agreed in a one-to-one, to be ticked off.
type FollowUp struct {
	ID         int64
	OneToOneID int64
	MemberID   int64 // filled by the store when reading
	Text       string
	Due        time.Time // a day; zero when there is no date
	Done       bool
}

// Validate checks the record and its follow-ups.
func (o *OneToOne) Validate() error {
	f := FieldErrors{}
	o.Date, o.Next = Day(o.Date), Day(o.Next)
	if o.Date.IsZero() {
		f.Add("date", "is required")
	}
	textField(f, "notes", o.Notes, 20000, false)
	if !o.Next.IsZero() && o.Next.Before(o.Date) {
		f.Add("next", "must not be before the meeting")
	}
	if len(o.FollowUps) > 50 {
		f.Add("follow_ups", "at most 50 per meeting")
	}
	for i := range o.FollowUps {
		fu := &o.FollowUps[i]
		fu.Text, fu.Due = strings.TrimSpace(fu.Text), Day(fu.Due)
		textField(f, "follow_ups", fu.Text, 500, true)
	}
	return f.Err("The one-to-one is not valid.")
}

// TeamService stores team members, one-to-ones and their follow-ups.
//
// Errors: EINVALID for a bad field, ENOTFOUND for an unknown id or one of
// another person.
type TeamService interface {
	// FindTeamMembers returns the person's team by name.
	FindTeamMembers(ctx context.Context, personID int64) ([]*TeamMember, error)
	FindTeamMember(ctx context.Context, personID, id int64) (*TeamMember, error)
	CreateTeamMember(ctx context.Context, m *TeamMember) error
	UpdateTeamMember(ctx context.Context, m *TeamMember) error
	// DeleteTeamMember removes the member with their one-to-ones.
	DeleteTeamMember(ctx context.Context, personID, id int64) error
	// FindOneToOnes returns the one-to-ones with a member (every member's
	// when memberID is 0), newest first, with their follow-ups.
	FindOneToOnes(ctx context.Context, personID, memberID int64) ([]*OneToOne, error)
	// CreateOneToOne stores o with its follow-ups, and books the member's
	// next one-to-one when o.Next is set.
	CreateOneToOne(ctx context.Context, o *OneToOne) error
	// SetFollowUpDone ticks a follow-up off, or opens it again.
	SetFollowUpDone(ctx context.Context, personID, id int64, done bool) (*FollowUp, error)
	// FindOpenFollowUps returns the follow-ups not done, by due date
	// (undated last).
	FindOpenFollowUps(ctx context.Context, personID int64) ([]*FollowUp, error)
}
