package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// ExportRef refers to another record of the same export by its id there:
// a session's mentor, an agreed action's plan action, an event's contacts.
type ExportRef struct {
	ID int64 `json:"id"`
}

// ExportMentor is a mentor.
type ExportMentor struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	Organisation string    `json:"organisation"`
	Role         string    `json:"role"`
	Inside       bool      `json:"inside"`
	Background   string    `json:"background"`
	Strengths    []string  `json:"strengths"`
	Contact      string    `json:"contact"`
	Status       string    `json:"status" enum:"active,paused,ended"`
	Notes        string    `json:"notes"`
	Criteria     []string  `json:"criteria" doc:"keys of the good-mentor criteria judged met"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// ExportSession is a mentoring session with its agreed actions.
type ExportSession struct {
	ID        int64                `json:"id"`
	Mentor    ExportRef            `json:"mentor" doc:"a mentor of this export"`
	Date      time.Time            `json:"date"`
	Agenda    string               `json:"agenda"`
	Notes     string               `json:"notes"`
	Status    string               `json:"status" enum:"planned,held"`
	Actions   []ExportAgreedAction `json:"actions"`
	CreatedAt time.Time            `json:"created_at"`
	UpdatedAt time.Time            `json:"updated_at"`
}

// ExportAgreedAction is an action agreed in a session.
type ExportAgreedAction struct {
	ID         int64      `json:"id"`
	Text       string     `json:"text"`
	Competency string     `json:"competency"`
	PlanAction *ExportRef `json:"plan_action" doc:"the action of this export's plan it became; null until added to the plan"`
}

// ExportContact is a contact of the network.
type ExportContact struct {
	ID           int64      `json:"id"`
	Name         string     `json:"name"`
	Organisation string     `json:"organisation"`
	Title        string     `json:"title"`
	WhereMet     string     `json:"where_met"`
	HowHelp      string     `json:"how_help"`
	Reach        string     `json:"reach"`
	LastContact  *time.Time `json:"last_contact"`
	NextContact  *time.Time `json:"next_contact"`
	Notes        string     `json:"notes"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ExportMembership is a membership of a professional organisation.
type ExportMembership struct {
	ID           int64      `json:"id"`
	Organisation string     `json:"organisation" doc:"the key of a known organisation; empty for one of the person's own"`
	Name         string     `json:"name" doc:"the name of an organisation of the person's own"`
	Status       string     `json:"status" enum:"considering,member,lapsed"`
	Since        *time.Time `json:"since"`
	Renewal      *time.Time `json:"renewal"`
	Notes        string     `json:"notes"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

// ExportEvent is an event or conference.
type ExportEvent struct {
	ID        int64       `json:"id"`
	Name      string      `json:"name"`
	Date      time.Time   `json:"date"`
	Location  string      `json:"location"`
	Status    string      `json:"status" enum:"planned,attended,skipped"`
	Notes     string      `json:"notes"`
	Contacts  []ExportRef `json:"contacts" doc:"contacts of this export met there"`
	CreatedAt time.Time   `json:"created_at"`
	UpdatedAt time.Time   `json:"updated_at"`
}

// addNetwork converts the mentoring and network records of d.
func (out *Export) addNetwork(d *ladder.PersonData) {
	out.Mentors, out.Sessions, out.Contacts = []ExportMentor{}, []ExportSession{}, []ExportContact{}
	out.Memberships, out.Events = []ExportMembership{}, []ExportEvent{}
	for _, m := range d.Mentors {
		out.Mentors = append(out.Mentors, ExportMentor{ID: m.ID, Name: m.Name, Organisation: m.Organisation, Role: m.Role,
			Inside: m.Inside, Background: m.Background, Strengths: strs(m.Strengths), Contact: m.Contact, Status: m.Status,
			Notes: m.Notes, Criteria: strs(m.Criteria), CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()})
	}
	for _, s := range d.Sessions {
		w := ExportSession{ID: s.ID, Mentor: ExportRef{s.MentorID}, Date: s.Date.UTC(), Agenda: s.Agenda, Notes: s.Notes,
			Status: s.Status, Actions: []ExportAgreedAction{}, CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()}
		for _, a := range s.Actions {
			wa := ExportAgreedAction{ID: a.ID, Text: a.Text, Competency: a.Competency}
			if a.PlanActionID != 0 {
				wa.PlanAction = &ExportRef{a.PlanActionID}
			}
			w.Actions = append(w.Actions, wa)
		}
		out.Sessions = append(out.Sessions, w)
	}
	for _, c := range d.Contacts {
		out.Contacts = append(out.Contacts, ExportContact{ID: c.ID, Name: c.Name, Organisation: c.Organisation, Title: c.Title,
			WhereMet: c.WhereMet, HowHelp: c.HowHelp, Reach: c.Reach, LastContact: optTime(c.LastContact),
			NextContact: optTime(c.NextContact), Notes: c.Notes, CreatedAt: c.CreatedAt.UTC(), UpdatedAt: c.UpdatedAt.UTC()})
	}
	for _, m := range d.Memberships {
		out.Memberships = append(out.Memberships, ExportMembership{ID: m.ID, Organisation: m.OrgKey, Name: m.Name, Status: m.Status,
			Since: optTime(m.Since), Renewal: optTime(m.Renewal), Notes: m.Notes, CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()})
	}
	for _, e := range d.Events {
		w := ExportEvent{ID: e.ID, Name: e.Name, Date: e.Date.UTC(), Location: e.Location, Status: e.Status, Notes: e.Notes,
			Contacts: []ExportRef{}, CreatedAt: e.CreatedAt.UTC(), UpdatedAt: e.UpdatedAt.UTC()}
		for _, c := range e.ContactIDs {
			w.Contacts = append(w.Contacts, ExportRef{c})
		}
		out.Events = append(out.Events, w)
	}
}

// networkData converts the mentoring and network records back for import.
// Records keep their ids from the file, which references name; the import
// gives new ones and follows the references.
func (x *Export) networkData(d *ladder.PersonData) {
	for _, m := range x.Mentors {
		d.Mentors = append(d.Mentors, &ladder.Mentor{ID: m.ID, Name: m.Name, Organisation: m.Organisation, Role: m.Role,
			Inside: m.Inside, Background: m.Background, Strengths: strs(m.Strengths), Contact: m.Contact, Status: m.Status,
			Notes: m.Notes, Criteria: strs(m.Criteria), CreatedAt: us(m.CreatedAt), UpdatedAt: us(m.UpdatedAt)})
	}
	for _, s := range x.Sessions {
		ds := &ladder.MentoringSession{ID: s.ID, MentorID: s.Mentor.ID, Date: us(s.Date), Agenda: s.Agenda, Notes: s.Notes,
			Status: s.Status, CreatedAt: us(s.CreatedAt), UpdatedAt: us(s.UpdatedAt)}
		for _, a := range s.Actions {
			da := ladder.AgreedAction{ID: a.ID, Text: a.Text, Competency: a.Competency}
			if a.PlanAction != nil {
				da.PlanActionID = a.PlanAction.ID
			}
			ds.Actions = append(ds.Actions, da)
		}
		d.Sessions = append(d.Sessions, ds)
	}
	for _, c := range x.Contacts {
		d.Contacts = append(d.Contacts, &ladder.Contact{ID: c.ID, Name: c.Name, Organisation: c.Organisation, Title: c.Title,
			WhereMet: c.WhereMet, HowHelp: c.HowHelp, Reach: c.Reach, LastContact: deref(c.LastContact),
			NextContact: deref(c.NextContact), Notes: c.Notes, CreatedAt: us(c.CreatedAt), UpdatedAt: us(c.UpdatedAt)})
	}
	for _, m := range x.Memberships {
		d.Memberships = append(d.Memberships, &ladder.Membership{OrgKey: m.Organisation, Name: m.Name, Status: m.Status,
			Since: deref(m.Since), Renewal: deref(m.Renewal), Notes: m.Notes, CreatedAt: us(m.CreatedAt), UpdatedAt: us(m.UpdatedAt)})
	}
	for _, e := range x.Events {
		de := &ladder.NetworkEvent{Name: e.Name, Date: us(e.Date), Location: e.Location, Status: e.Status, Notes: e.Notes,
			CreatedAt: us(e.CreatedAt), UpdatedAt: us(e.UpdatedAt)}
		for _, c := range e.Contacts {
			de.ContactIDs = append(de.ContactIDs, c.ID)
		}
		d.Events = append(d.Events, de)
	}
}
