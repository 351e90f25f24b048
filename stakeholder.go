package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Stakeholder quadrants of the influence/interest grid.
const (
	QuadrantManageClosely = "manage-closely" // high influence, high interest
	QuadrantKeepSatisfied = "keep-satisfied" // high influence, low interest
	QuadrantKeepInformed  = "keep-informed"  // low influence, high interest
	QuadrantMonitor       = "monitor"        // low influence, low interest
)

// Quadrants lists the quadrants from the most attention to the least.
var Quadrants = []string{QuadrantManageClosely, QuadrantKeepSatisfied, QuadrantKeepInformed, QuadrantMonitor}

// Stakeholder is someone whose support the manager needs, placed by
// influence and interest (1-5 each).
type Stakeholder struct {
	ID          int64
	PersonID    int64
	Name        string
	Role        string // role and organisation
	Influence   int
	Interest    int
	Needs       string // what they need from the manager's team
	Notes       string
	NextContact time.Time // a day; zero when none is planned
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// HighScore is where the upper half of a 1-5 scale starts. The middle
// value counts as high: when unsure, a stakeholder gets more attention,
// not less.
const HighScore = 3

// Quadrant places the stakeholder on the grid.
func (s *Stakeholder) Quadrant() string {
	switch hiInf, hiInt := s.Influence >= HighScore, s.Interest >= HighScore; {
	case hiInf && hiInt:
		return QuadrantManageClosely
	case hiInf:
		return QuadrantKeepSatisfied
	case hiInt:
		return QuadrantKeepInformed
	default:
		return QuadrantMonitor
	}
}

// Validate checks the stakeholder.
func (s *Stakeholder) Validate() error {
	f := FieldErrors{}
	s.Name, s.Role = strings.TrimSpace(s.Name), strings.TrimSpace(s.Role)
	s.NextContact = Day(s.NextContact)
	textField(f, "name", s.Name, 200, true)
	textField(f, "role", s.Role, 200, false)
	textField(f, "needs", s.Needs, 5000, false)
	textField(f, "notes", s.Notes, 5000, false)
	for name, v := range map[string]int{"influence": s.Influence, "interest": s.Interest} {
		if v < 1 || v > 5 {
			f.Add(name, "must be 1-5")
		}
	}
	return f.Err("The stakeholder is not valid.")
}

// StakeholderService stores a manager's stakeholders.
//
// Errors: EINVALID for a bad field, ENOTFOUND for an unknown id or one of
// another person.
type StakeholderService interface {
	// FindStakeholders returns the person's stakeholders by name.
	FindStakeholders(ctx context.Context, personID int64) ([]*Stakeholder, error)
	FindStakeholder(ctx context.Context, personID, id int64) (*Stakeholder, error)
	CreateStakeholder(ctx context.Context, s *Stakeholder) error
	UpdateStakeholder(ctx context.Context, s *Stakeholder) error
	DeleteStakeholder(ctx context.Context, personID, id int64) error
}

// Delegation statuses.
const (
	DelegationMine        = "mine"         // still done by the manager
	DelegationHandingOver = "handing-over" // being handed over
	DelegationDelegated   = "delegated"    // owned by someone else now
)

// DelegationStatuses lists the statuses in the order forms offer them.
var DelegationStatuses = []string{DelegationMine, DelegationHandingOver, DelegationDelegated}

// Delegation is a task the manager still does that someone else should
// own, and how far the hand-over has come.
type Delegation struct {
	ID           int64
	PersonID     int64
	Task         string
	Owner        string // who should own it
	Status       string
	HoursPerWeek float64
	Notes        string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate checks the item.
func (d *Delegation) Validate() error {
	f := FieldErrors{}
	d.Task, d.Owner = strings.TrimSpace(d.Task), strings.TrimSpace(d.Owner)
	if d.Status == "" {
		d.Status = DelegationMine
	}
	textField(f, "task", d.Task, 200, true)
	textField(f, "owner", d.Owner, 200, false)
	textField(f, "notes", d.Notes, 5000, false)
	if !slices.Contains(DelegationStatuses, d.Status) {
		f.Add("status", "must be one of %s", strings.Join(DelegationStatuses, ", "))
	}
	if d.HoursPerWeek < 0 || d.HoursPerWeek > 168 || d.HoursPerWeek != d.HoursPerWeek {
		f.Add("hours", "must be 0-168 hours a week")
	}
	if d.Status == DelegationDelegated && d.Owner == "" {
		f.Add("owner", "say who owns a delegated task")
	}
	return f.Err("The delegation item is not valid.")
}

// DelegationService stores a manager's delegation list.
//
// Errors: EINVALID for a bad field, ENOTFOUND for an unknown id or one of
// another person.
type DelegationService interface {
	// FindDelegations returns the person's items: still mine first, then
	// handing over, then delegated; by task within a status.
	FindDelegations(ctx context.Context, personID int64) ([]*Delegation, error)
	FindDelegation(ctx context.Context, personID, id int64) (*Delegation, error)
	CreateDelegation(ctx context.Context, d *Delegation) error
	UpdateDelegation(ctx context.Context, d *Delegation) error
	DeleteDelegation(ctx context.Context, personID, id int64) error
}
