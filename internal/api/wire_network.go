package api

import (
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/mentoring"
)

// Mentor is one of the person's mentors with the good-mentor checklist.
type Mentor struct {
	ID           int64             `json:"id"`
	Name         string            `json:"name"`
	Organisation string            `json:"organisation"`
	Role         string            `json:"role"`
	Inside       bool              `json:"inside" doc:"works in the person's own organisation"`
	Background   string            `json:"background"`
	Strengths    []string          `json:"strengths" doc:"competency keys"`
	Contact      string            `json:"contact" doc:"how to reach them"`
	Status       string            `json:"status" enum:"active,paused,ended"`
	Notes        string            `json:"notes"`
	Checklist    []MentorCriterion `json:"checklist" doc:"every good-mentor criterion, with whether the person judges it met"`
	CreatedAt    time.Time         `json:"created_at"`
	UpdatedAt    time.Time         `json:"updated_at"`
}

// MentorCriterion is one line of the good-mentor checklist.
type MentorCriterion struct {
	Key      string `json:"key"`
	Name     string `json:"name"`
	Question string `json:"question" doc:"a question to ask the mentor to find out"`
	Met      bool   `json:"met"`
}

// NewMentor converts a mentor, with the checklist from the content.
func NewMentor(m *ladder.Mentor, c *firstdays.Content) Mentor {
	out := Mentor{ID: m.ID, Name: m.Name, Organisation: m.Organisation, Role: m.Role, Inside: m.Inside, Background: m.Background,
		Strengths: strs(m.Strengths), Contact: m.Contact, Status: m.Status, Notes: m.Notes, Checklist: []MentorCriterion{},
		CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
	for _, cr := range c.MentorCriteria {
		out.Checklist = append(out.Checklist, MentorCriterion{Key: cr.Key, Name: cr.Name, Question: cr.Question,
			Met: slices.Contains(m.Criteria, cr.Key)})
	}
	return out
}

// MentorDetail is a mentor with their sessions, newest first.
type MentorDetail struct {
	Mentor
	Sessions []MentoringSession `json:"sessions"`
}

// MentoringSession is a session with a mentor.
type MentoringSession struct {
	ID        int64          `json:"id"`
	MentorID  int64          `json:"mentor_id"`
	Date      string         `json:"date" doc:"YYYY-MM-DD"`
	Agenda    string         `json:"agenda"`
	Notes     string         `json:"notes"`
	Status    string         `json:"status" enum:"planned,held"`
	Actions   []AgreedAction `json:"actions"`
	CreatedAt time.Time      `json:"created_at"`
	UpdatedAt time.Time      `json:"updated_at"`
}

// AgreedAction is an action agreed in a session.
type AgreedAction struct {
	ID           int64  `json:"id"`
	Text         string `json:"text"`
	Competency   string `json:"competency" doc:"a competency key; empty when none"`
	PlanActionID *int64 `json:"plan_action_id" doc:"the plan action it became; null until added to the plan"`
}

// NewMentoringSession converts a session.
func NewMentoringSession(s *ladder.MentoringSession) MentoringSession {
	out := MentoringSession{ID: s.ID, MentorID: s.MentorID, Date: s.Date.Format(time.DateOnly), Agenda: s.Agenda, Notes: s.Notes,
		Status: s.Status, Actions: []AgreedAction{}, CreatedAt: s.CreatedAt, UpdatedAt: s.UpdatedAt}
	for _, a := range s.Actions {
		out.Actions = append(out.Actions, NewAgreedAction(a))
	}
	return out
}

// NewAgreedAction converts an agreed action.
func NewAgreedAction(a ladder.AgreedAction) AgreedAction {
	w := AgreedAction{ID: a.ID, Text: a.Text, Competency: a.Competency}
	if a.PlanActionID != 0 {
		id := a.PlanActionID
		w.PlanActionID = &id
	}
	return w
}

// AgendaTopic is one suggested topic for the next session.
type AgendaTopic struct {
	Competency string `json:"competency"`
	Name       string `json:"name"`
	Question   string `json:"question"`
	Line       string `json:"line" doc:"the topic as a line of the agenda"`
	Strength   bool   `json:"strength" doc:"the competency is one of the mentor's strengths"`
}

// NewAgenda converts suggested topics.
func NewAgenda(ts []mentoring.Topic) []AgendaTopic {
	out := []AgendaTopic{}
	for _, t := range ts {
		out = append(out, AgendaTopic{Competency: t.Competency, Name: t.Name, Question: t.Question, Line: t.Line(), Strength: t.Strength})
	}
	return out
}

// MentorBody is the body of POST /api/v1/mentors and PUT
// /api/v1/mentors/{id}; a PUT replaces the whole record.
type MentorBody struct {
	Name         string   `json:"name" doc:"at most 200 characters"`
	Organisation string   `json:"organisation,omitempty"`
	Role         string   `json:"role,omitempty"`
	Inside       bool     `json:"inside,omitempty" doc:"works in your own organisation"`
	Background   string   `json:"background,omitempty" doc:"their background in IT management"`
	Strengths    []string `json:"strengths,omitempty" doc:"competency keys they are strong in"`
	Contact      string   `json:"contact,omitempty" doc:"how to reach them"`
	Status       string   `json:"status,omitempty" enum:"active,paused,ended" doc:"default active"`
	Notes        string   `json:"notes,omitempty"`
	Criteria     []string `json:"criteria,omitempty" doc:"keys of the good-mentor criteria you judge met"`
}

// Mentor converts the body.
func (b MentorBody) Mentor(personID int64) *ladder.Mentor {
	return &ladder.Mentor{PersonID: personID, Name: b.Name, Organisation: b.Organisation, Role: b.Role, Inside: b.Inside,
		Background: b.Background, Strengths: b.Strengths, Contact: b.Contact, Status: b.Status, Notes: b.Notes, Criteria: b.Criteria}
}

// SessionCreate is the body of POST /api/v1/mentors/{id}/sessions.
type SessionCreate struct {
	Date    string             `json:"date" doc:"YYYY-MM-DD"`
	Agenda  string             `json:"agenda,omitempty"`
	Notes   string             `json:"notes,omitempty"`
	Status  string             `json:"status,omitempty" enum:"planned,held" doc:"default planned"`
	Actions []AgreedActionBody `json:"actions,omitempty" doc:"actions agreed in the session"`
}

// SessionUpdate is the body of PUT /api/v1/mentoring/sessions/{id}: it
// replaces the date, agenda, notes and status; agreed actions stay.
type SessionUpdate struct {
	Date   string `json:"date" doc:"YYYY-MM-DD"`
	Agenda string `json:"agenda,omitempty"`
	Notes  string `json:"notes,omitempty"`
	Status string `json:"status" enum:"planned,held"`
}

// AgreedActionBody is an action agreed in a session.
type AgreedActionBody struct {
	Text       string `json:"text" doc:"at most 300 characters"`
	Competency string `json:"competency,omitempty" doc:"a competency key it builds"`
}

// Session converts the body; a date that does not parse is a field error.
func (b SessionCreate) Session(personID, mentorID int64) (*ladder.MentoringSession, error) {
	f := ladder.FieldErrors{}
	s := &ladder.MentoringSession{PersonID: personID, MentorID: mentorID, Date: parseNetworkDay(f, "date", b.Date),
		Agenda: b.Agenda, Notes: b.Notes, Status: b.Status}
	for _, a := range b.Actions {
		s.Actions = append(s.Actions, ladder.AgreedAction{Text: a.Text, Competency: a.Competency})
	}
	return s, f.Err("The mentoring session is not valid.")
}

// parseDay reads an optional YYYY-MM-DD into a day, adding a field error
// when it does not parse.
func parseNetworkDay(f ladder.FieldErrors, field, s string) time.Time {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		f.Add(field, "must be a date (YYYY-MM-DD)")
	}
	return t
}

// Contact is someone in the person's network.
type Contact struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Organisation string    `json:"organisation"`
	Title        string    `json:"title"`
	WhereMet     string    `json:"where_met"`
	HowHelp      string    `json:"how_help" doc:"how they can help"`
	Reach        string    `json:"reach" doc:"how to reach them"`
	LastContact  *string   `json:"last_contact" doc:"YYYY-MM-DD; null when never"`
	NextContact  *string   `json:"next_contact" doc:"the follow-up date, YYYY-MM-DD; null when none"`
	Notes        string    `json:"notes"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// NewContact converts a contact.
func NewContact(c *ladder.Contact) Contact {
	return Contact{ID: c.ID, Name: c.Name, Organisation: c.Organisation, Title: c.Title, WhereMet: c.WhereMet, HowHelp: c.HowHelp,
		Reach: c.Reach, LastContact: day(c.LastContact), NextContact: day(c.NextContact), Notes: c.Notes,
		CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt}
}

// ContactBody is the body of POST /api/v1/contacts and PUT
// /api/v1/contacts/{id}; a PUT replaces the whole record.
type ContactBody struct {
	Name         string `json:"name" doc:"at most 200 characters"`
	Organisation string `json:"organisation,omitempty"`
	Title        string `json:"title,omitempty"`
	WhereMet     string `json:"where_met,omitempty"`
	HowHelp      string `json:"how_help,omitempty"`
	Reach        string `json:"reach,omitempty"`
	LastContact  string `json:"last_contact,omitempty" doc:"YYYY-MM-DD"`
	NextContact  string `json:"next_contact,omitempty" doc:"the follow-up date, YYYY-MM-DD"`
	Notes        string `json:"notes,omitempty"`
}

// Contact converts the body; dates that do not parse are field errors.
func (b ContactBody) Contact(personID int64) (*ladder.Contact, error) {
	f := ladder.FieldErrors{}
	c := &ladder.Contact{PersonID: personID, Name: b.Name, Organisation: b.Organisation, Title: b.Title, WhereMet: b.WhereMet,
		HowHelp: b.HowHelp, Reach: b.Reach, LastContact: parseNetworkDay(f, "last_contact", b.LastContact),
		NextContact: parseNetworkDay(f, "next_contact", b.NextContact), Notes: b.Notes}
	return c, f.Err("The contact is not valid.")
}

// Contacted is the body of POST /api/v1/contacts/{id}/contacted.
type Contacted struct {
	Next string `json:"next,omitempty" doc:"the next follow-up date, YYYY-MM-DD; leave out for none"`
}

// Membership is the person's relation to a professional organisation.
type Membership struct {
	ID           int64     `json:"id"`
	Organisation string    `json:"organisation" doc:"the key of a known organisation; empty for one of your own"`
	Name         string    `json:"name" doc:"the organisation's name"`
	Status       string    `json:"status" enum:"considering,member,lapsed"`
	Since        *string   `json:"since" doc:"YYYY-MM-DD; null when unknown"`
	Renewal      *string   `json:"renewal" doc:"YYYY-MM-DD; null when none"`
	Notes        string    `json:"notes"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// NewMembership converts a membership.
func NewMembership(m *ladder.Membership) Membership {
	return Membership{ID: m.ID, Organisation: m.OrgKey, Name: journey.MembershipName(m), Status: m.Status, Since: day(m.Since),
		Renewal: day(m.Renewal), Notes: m.Notes, CreatedAt: m.CreatedAt, UpdatedAt: m.UpdatedAt}
}

// MembershipBody is the body of POST /api/v1/memberships and PUT
// /api/v1/memberships/{id}: a known organisation by key, or a name.
type MembershipBody struct {
	Organisation string `json:"organisation,omitempty" doc:"pmi, isaca, acm, ieee-cs, isc2, itsmf or local-group"`
	Name         string `json:"name,omitempty" doc:"the name of an organisation not in the list"`
	Status       string `json:"status,omitempty" enum:"considering,member,lapsed" doc:"default considering"`
	Since        string `json:"since,omitempty" doc:"YYYY-MM-DD"`
	Renewal      string `json:"renewal,omitempty" doc:"YYYY-MM-DD"`
	Notes        string `json:"notes,omitempty"`
}

// Membership converts the body; dates that do not parse are field errors.
func (b MembershipBody) Membership(personID int64) (*ladder.Membership, error) {
	f := ladder.FieldErrors{}
	m := &ladder.Membership{PersonID: personID, OrgKey: b.Organisation, Name: b.Name, Status: b.Status,
		Since: parseNetworkDay(f, "since", b.Since), Renewal: parseNetworkDay(f, "renewal", b.Renewal), Notes: b.Notes}
	return m, f.Err("The membership is not valid.")
}

// Event is an event or conference.
type Event struct {
	ID         int64     `json:"id"`
	Name       string    `json:"name"`
	Date       string    `json:"date" doc:"YYYY-MM-DD"`
	Location   string    `json:"location"`
	Status     string    `json:"status" enum:"planned,attended,skipped"`
	Notes      string    `json:"notes"`
	ContactIDs []int64   `json:"contact_ids" doc:"your contacts met there"`
	CreatedAt  time.Time `json:"created_at"`
	UpdatedAt  time.Time `json:"updated_at"`
}

// NewEvent converts an event.
func NewEvent(e *ladder.NetworkEvent) Event {
	return Event{ID: e.ID, Name: e.Name, Date: e.Date.Format(time.DateOnly), Location: e.Location, Status: e.Status,
		Notes: e.Notes, ContactIDs: append([]int64{}, e.ContactIDs...), CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
}

// EventBody is the body of POST /api/v1/events and PUT /api/v1/events/{id}.
type EventBody struct {
	Name       string  `json:"name" doc:"at most 200 characters"`
	Date       string  `json:"date" doc:"YYYY-MM-DD"`
	Location   string  `json:"location,omitempty"`
	Status     string  `json:"status,omitempty" enum:"planned,attended,skipped" doc:"default planned"`
	Notes      string  `json:"notes,omitempty"`
	ContactIDs []int64 `json:"contact_ids,omitempty" doc:"ids of your contacts met there"`
}

// Event converts the body; a date that does not parse is a field error.
func (b EventBody) Event(personID int64) (*ladder.NetworkEvent, error) {
	f := ladder.FieldErrors{}
	e := &ladder.NetworkEvent{PersonID: personID, Name: b.Name, Date: parseNetworkDay(f, "date", b.Date), Location: b.Location,
		Status: b.Status, Notes: b.Notes, ContactIDs: b.ContactIDs}
	return e, f.Err("The event is not valid.")
}
