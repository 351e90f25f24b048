package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// mentorWire converts mentors, naming the good-mentor criteria they meet.
func mentorWire() (func(*ladder.Mentor) Mentor, error) {
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	return func(m *ladder.Mentor) Mentor { return NewMentor(m, c) }, nil
}

func mentorRecord(b MentorBody, personID int64) (*ladder.Mentor, error) {
	return b.Mentor(personID), nil
}

func mentorID(m *ladder.Mentor) *int64 { return &m.ID }

func (a *API) listMentors(w http.ResponseWriter, r *http.Request) error {
	wire, err := mentorWire()
	if err != nil {
		return err
	}
	return listOwn(w, r, a.J.Mentors.FindMentors, wire)
}

func (a *API) createMentor(w http.ResponseWriter, r *http.Request) error {
	wire, err := mentorWire()
	if err != nil {
		return err
	}
	return createOwn(a, w, r, "mentors", mentorRecord, a.J.Mentors.CreateMentor, mentorID, wire)
}

func (a *API) getMentor(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	m, err := a.J.Mentors.FindMentor(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	ss, err := a.J.Mentors.FindMentoringSessions(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, MentorDetail{Mentor: NewMentor(m, c), Sessions: wireEach(ss, NewMentoringSession)})
}

func (a *API) updateMentor(w http.ResponseWriter, r *http.Request) error {
	wire, err := mentorWire()
	if err != nil {
		return err
	}
	return updateOwn(a, w, r, mentorRecord, a.J.Mentors.UpdateMentor, mentorID, wire)
}

func (a *API) deleteMentor(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Mentors.DeleteMentor)
}

func (a *API) getMentorAgenda(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	m, err := a.J.Mentors.FindMentor(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	ts, err := a.J.SuggestAgenda(r.Context(), p, m)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewAgenda(ts))
}

func (a *API) listMentoringSessions(w http.ResponseWriter, r *http.Request) error {
	return listOwnUnder(w, r, a.J.Mentors.FindMentor, a.J.Mentors.FindMentoringSessions, NewMentoringSession)
}

func (a *API) createMentoringSession(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body SessionCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	s, err := body.Session(p.ID, id)
	if err != nil {
		return err
	}
	if err := a.J.Mentors.CreateMentoringSession(r.Context(), s); err != nil {
		return err
	}
	return writeCreated(w, "mentoring/sessions", s.ID, NewMentoringSession(s))
}

func (a *API) updateMentoringSession(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body SessionUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	ctx := r.Context()
	s, err := a.J.Mentors.FindMentoringSession(ctx, p.ID, id)
	if err != nil {
		return err
	}
	f := ladder.FieldErrors{}
	s.Date, s.Agenda, s.Notes, s.Status = parseNetworkDay(f, "date", body.Date), body.Agenda, body.Notes, body.Status
	if err := f.Err("The mentoring session is not valid."); err != nil {
		return err
	}
	if err := a.J.Mentors.UpdateMentoringSession(ctx, s); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewMentoringSession(s))
}

func (a *API) deleteMentoringSession(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Mentors.DeleteMentoringSession)
}

func (a *API) addAgreedAction(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body AgreedActionBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	act := &ladder.AgreedAction{SessionID: id, Text: body.Text, Competency: body.Competency}
	if err := a.J.Mentors.AddAgreedAction(r.Context(), p.ID, act); err != nil {
		return err
	}
	return writeCreated(w, "mentoring/actions", act.ID, NewAgreedAction(*act))
}

func (a *API) deleteAgreedAction(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Mentors.DeleteAgreedAction)
}

func (a *API) addAgreedActionToPlan(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	act, err := a.J.AddAgreedActionToPlan(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, NewPlanAction(*act))
}

func contactID(c *ladder.Contact) *int64 { return &c.ID }

func (a *API) listContacts(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Network.FindContacts, NewContact)
}

func (a *API) createContact(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "contacts", ContactBody.Contact, a.J.Network.CreateContact, contactID, NewContact)
}

func (a *API) updateContact(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, ContactBody.Contact, a.J.Network.UpdateContact, contactID, NewContact)
}

func (a *API) deleteContact(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Network.DeleteContact)
}

func (a *API) contactedToday(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body Contacted
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	f := ladder.FieldErrors{}
	next := parseNetworkDay(f, "next", body.Next)
	if err := f.Err("The follow-up date is not valid."); err != nil {
		return err
	}
	c, err := a.J.ContactedToday(r.Context(), p.ID, id, next)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewContact(c))
}

func membershipID(m *ladder.Membership) *int64 { return &m.ID }

func (a *API) listMemberships(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Network.FindMemberships, NewMembership)
}

func (a *API) createMembership(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "memberships", MembershipBody.Membership, a.J.Network.CreateMembership, membershipID, NewMembership)
}

func (a *API) updateMembership(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, MembershipBody.Membership, a.J.Network.UpdateMembership, membershipID, NewMembership)
}

func (a *API) deleteMembership(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Network.DeleteMembership)
}

func eventID(e *ladder.NetworkEvent) *int64 { return &e.ID }

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Network.FindNetworkEvents, NewEvent)
}

func (a *API) createEvent(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "events", EventBody.Event, a.J.Network.CreateNetworkEvent, eventID, NewEvent)
}

func (a *API) updateEvent(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, EventBody.Event, a.J.Network.UpdateNetworkEvent, eventID, NewEvent)
}

func (a *API) deleteEvent(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Network.DeleteNetworkEvent)
}
