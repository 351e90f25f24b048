package api

import (
	"net/http"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// personAndID returns the signed-in person and the path id.
func personAndID(r *http.Request) (*ladder.Person, int64, error) {
	p, err := person(r)
	if err != nil {
		return nil, 0, err
	}
	id, err := pathID(r, "id")
	return p, id, err
}

func (a *API) listMentors(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	ms, err := a.J.Mentors.FindMentors(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]Mentor, 0, len(ms))
	for _, m := range ms {
		out = append(out, NewMentor(m, c))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createMentor(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body MentorBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	m := body.Mentor(p.ID)
	if err := a.J.Mentors.CreateMentor(r.Context(), m); err != nil {
		return err
	}
	return writeCreated(w, "mentors", m.ID, NewMentor(m, c))
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
	out := MentorDetail{Mentor: NewMentor(m, c), Sessions: []MentoringSession{}}
	for _, s := range ss {
		out.Sessions = append(out.Sessions, NewMentoringSession(s))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) updateMentor(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body MentorBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	m := body.Mentor(p.ID)
	m.ID = id
	if err := a.J.Mentors.UpdateMentor(r.Context(), m); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewMentor(m, c))
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
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	// The mentor is looked up first so that another person's is a 404,
	// not an empty list.
	if _, err := a.J.Mentors.FindMentor(r.Context(), p.ID, id); err != nil {
		return err
	}
	ss, err := a.J.Mentors.FindMentoringSessions(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	out := make([]MentoringSession, 0, len(ss))
	for _, s := range ss {
		out = append(out, NewMentoringSession(s))
	}
	return writeJSON(w, http.StatusOK, out)
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

func (a *API) listContacts(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	cs, err := a.J.Network.FindContacts(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]Contact, 0, len(cs))
	for _, c := range cs {
		out = append(out, NewContact(c))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createContact(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body ContactBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	c, err := body.Contact(p.ID)
	if err != nil {
		return err
	}
	if err := a.J.Network.CreateContact(r.Context(), c); err != nil {
		return err
	}
	return writeCreated(w, "contacts", c.ID, NewContact(c))
}

func (a *API) updateContact(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body ContactBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	c, err := body.Contact(p.ID)
	if err != nil {
		return err
	}
	c.ID = id
	if err := a.J.Network.UpdateContact(r.Context(), c); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewContact(c))
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

func (a *API) listMemberships(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ms, err := a.J.Network.FindMemberships(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]Membership, 0, len(ms))
	for _, m := range ms {
		out = append(out, NewMembership(m))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createMembership(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body MembershipBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	m, err := body.Membership(p.ID)
	if err != nil {
		return err
	}
	if err := a.J.Network.CreateMembership(r.Context(), m); err != nil {
		return err
	}
	return writeCreated(w, "memberships", m.ID, NewMembership(m))
}

func (a *API) updateMembership(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body MembershipBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	m, err := body.Membership(p.ID)
	if err != nil {
		return err
	}
	m.ID = id
	if err := a.J.Network.UpdateMembership(r.Context(), m); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewMembership(m))
}

func (a *API) deleteMembership(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Network.DeleteMembership)
}

func (a *API) listEvents(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	es, err := a.J.Network.FindNetworkEvents(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]Event, 0, len(es))
	for _, e := range es {
		out = append(out, NewEvent(e))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createEvent(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body EventBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	e, err := body.Event(p.ID)
	if err != nil {
		return err
	}
	if err := a.J.Network.CreateNetworkEvent(r.Context(), e); err != nil {
		return err
	}
	return writeCreated(w, "events", e.ID, NewEvent(e))
}

func (a *API) updateEvent(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body EventBody
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	e, err := body.Event(p.ID)
	if err != nil {
		return err
	}
	e.ID = id
	if err := a.J.Network.UpdateNetworkEvent(r.Context(), e); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewEvent(e))
}

func (a *API) deleteEvent(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Network.DeleteNetworkEvent)
}
