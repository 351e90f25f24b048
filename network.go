package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Contact is someone in a person's professional network.
type Contact struct {
	ID           int64
	PersonID     int64
	Name         string
	Organisation string
	Title        string
	WhereMet     string
	HowHelp      string // how they can help
	Reach        string // how to reach them
	// LastContact and NextContact are days, zero when none; NextContact is
	// the follow-up date.
	LastContact time.Time
	NextContact time.Time
	Notes       string
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// Validate trims and checks the contact.
func (c *Contact) Validate() error {
	f := FieldErrors{}
	for _, s := range []*string{&c.Name, &c.Organisation, &c.Title, &c.WhereMet, &c.Reach} {
		*s = strings.TrimSpace(*s)
	}
	c.LastContact, c.NextContact = Day(c.LastContact), Day(c.NextContact)
	networkText(f, "name", c.Name, 200, true)
	networkText(f, "organisation", c.Organisation, 200, false)
	networkText(f, "title", c.Title, 200, false)
	networkText(f, "where_met", c.WhereMet, 300, false)
	networkText(f, "how_help", c.HowHelp, 2000, false)
	networkText(f, "reach", c.Reach, 500, false)
	networkText(f, "notes", c.Notes, 5000, false)
	return f.Err("The contact is not valid.")
}

// Membership statuses.
const (
	MembershipConsidering = "considering"
	MembershipMember      = "member"
	MembershipLapsed      = "lapsed"
)

// MembershipStatuses lists the statuses in the order forms offer them.
var MembershipStatuses = []string{MembershipConsidering, MembershipMember, MembershipLapsed}

// Membership is a person's relation to a professional organisation: one of
// the known ones (OrgKey set, checked by the service against the content)
// or their own (OrgKey empty, Name set).
type Membership struct {
	ID        int64
	PersonID  int64
	OrgKey    string
	Name      string // the name of an organisation of the person's own
	Status    string
	Since     time.Time // a day, zero when unknown
	Renewal   time.Time // a day, zero when none
	Notes     string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate trims and checks the membership.
func (m *Membership) Validate() error {
	f := FieldErrors{}
	m.OrgKey, m.Name = strings.TrimSpace(m.OrgKey), strings.TrimSpace(m.Name)
	m.Since, m.Renewal = Day(m.Since), Day(m.Renewal)
	switch {
	case m.OrgKey == "" && m.Name == "":
		f.Add("organisation", "choose an organisation or give a name")
	case m.OrgKey != "" && m.Name != "":
		f.Add("name", "give a name only for an organisation not in the list")
	}
	networkText(f, "name", m.Name, 200, false)
	networkText(f, "notes", m.Notes, 5000, false)
	if m.Status == "" {
		m.Status = MembershipConsidering
	}
	if !slices.Contains(MembershipStatuses, m.Status) {
		f.Add("status", "must be one of %s", strings.Join(MembershipStatuses, ", "))
	}
	if !m.Since.IsZero() && !m.Renewal.IsZero() && m.Renewal.Before(m.Since) {
		f.Add("renewal", "must not be before the member-since date")
	}
	return f.Err("The membership is not valid.")
}

// Event statuses.
const (
	EventPlanned  = "planned"
	EventAttended = "attended"
	EventSkipped  = "skipped"
)

// EventStatuses lists the statuses in the order forms offer them.
var EventStatuses = []string{EventPlanned, EventAttended, EventSkipped}

// NetworkEvent is an event or conference a person plans to attend or
// attended, with the contacts they met there.
type NetworkEvent struct {
	ID         int64
	PersonID   int64
	Name       string
	Date       time.Time // a day
	Location   string
	Status     string
	Notes      string
	ContactIDs []int64 // the person's contacts met there
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Validate trims and checks the event; contact ids are checked by the
// service against the person's contacts.
func (e *NetworkEvent) Validate() error {
	f := FieldErrors{}
	e.Name, e.Location = strings.TrimSpace(e.Name), strings.TrimSpace(e.Location)
	e.Date = Day(e.Date)
	networkText(f, "name", e.Name, 200, true)
	networkText(f, "location", e.Location, 200, false)
	networkText(f, "notes", e.Notes, 5000, false)
	if e.Date.IsZero() {
		f.Add("date", "is required")
	}
	if e.Status == "" {
		e.Status = EventPlanned
	}
	if !slices.Contains(EventStatuses, e.Status) {
		f.Add("status", "must be one of %s", strings.Join(EventStatuses, ", "))
	}
	slices.Sort(e.ContactIDs)
	e.ContactIDs = slices.Compact(e.ContactIDs)
	return f.Err("The event is not valid.")
}

// NetworkService stores a person's contacts, memberships of professional
// organisations and events.
//
// Errors: EINVALID for a bad field, an unknown organisation key or a
// contact that is not the person's; ENOTFOUND for an unknown id or one of
// another person; ECONFLICT for a second membership of the same known
// organisation.
type NetworkService interface {
	FindContact(ctx context.Context, personID, id int64) (*Contact, error)
	// FindContacts returns the person's contacts: those with a follow-up
	// date first, soonest first, then the rest by name.
	FindContacts(ctx context.Context, personID int64) ([]*Contact, error)
	CreateContact(ctx context.Context, c *Contact) error
	UpdateContact(ctx context.Context, c *Contact) error
	DeleteContact(ctx context.Context, personID, id int64) error

	FindMembership(ctx context.Context, personID, id int64) (*Membership, error)
	FindMemberships(ctx context.Context, personID int64) ([]*Membership, error)
	CreateMembership(ctx context.Context, m *Membership) error
	UpdateMembership(ctx context.Context, m *Membership) error
	DeleteMembership(ctx context.Context, personID, id int64) error

	FindNetworkEvent(ctx context.Context, personID, id int64) (*NetworkEvent, error)
	// FindNetworkEvents returns the person's events, latest date first.
	FindNetworkEvents(ctx context.Context, personID int64) ([]*NetworkEvent, error)
	CreateNetworkEvent(ctx context.Context, e *NetworkEvent) error
	UpdateNetworkEvent(ctx context.Context, e *NetworkEvent) error
	DeleteNetworkEvent(ctx context.Context, personID, id int64) error
}
