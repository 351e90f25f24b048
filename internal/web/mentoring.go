package web

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// parseFormDay reads a required YYYY-MM-DD form value into fe.
func parseFormDay(fe ladder.FieldErrors, field, s string) time.Time {
	if s == "" {
		fe.Add(field, "is required")
		return time.Time{}
	}
	if t := formDate(fe, field, s); t != nil {
		return *t
	}
	return time.Time{}
}

// CreateMentoringSession plans or records a session with the path's mentor.
func (wb *Web) CreateMentoringSession(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Mentor")
	if err != nil {
		return err
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return err
	}
	form := SessionForm{Date: r.PostFormValue("date"), Agenda: r.PostFormValue("agenda"), Notes: r.PostFormValue("notes"),
		Status: r.PostFormValue("status"), Actions: r.PostFormValue("actions")}
	fe := ladder.FieldErrors{}
	s := &ladder.MentoringSession{PersonID: p.ID, MentorID: id, Date: parseFormDay(fe, "date", form.Date), Agenda: form.Agenda,
		Notes: form.Notes, Status: form.Status, Actions: journey.ParseAgreedActions(m, form.Actions)}
	if len(fe) > 0 {
		addDomainErrors(fe, s.Validate())
		err = fe.Err("The mentoring session is not valid.")
	} else {
		err = wb.J.Mentors.CreateMentoringSession(ctx, s)
	}
	if err != nil {
		return wb.mentorError(w, r, err, id, nil, &form, func(page *MentorPage, msg string, f map[string]string) {
			page.SessionState = FormState{Error: msg, Fields: f}
		})
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d", id), "Session of "+s.Date.Format("2 Jan 2006")+" saved.")
}

// ownSession loads the person's session of the path id.
func (wb *Web) ownSession(r *http.Request) (*ladder.MentoringSession, error) {
	id, err := pathID(r, "Mentoring session")
	if err != nil {
		return nil, err
	}
	return wb.J.Mentors.FindMentoringSession(r.Context(), ladder.PersonFromContext(r.Context()).ID, id)
}

// sessionError re-renders the mentor page with msg at session id.
func (wb *Web) sessionError(w http.ResponseWriter, r *http.Request, err error, s *ladder.MentoringSession) error {
	return wb.mentorError(w, r, err, s.MentorID, nil, nil, func(page *MentorPage, msg string, f map[string]string) {
		for i := range page.Sessions {
			if page.Sessions[i].ID == s.ID {
				page.Sessions[i].Error = fieldSentences(msg, f)
			}
		}
	})
}

// fieldSentences joins a message and its field messages, each after its
// field's name, for a form with no room beside each field.
func fieldSentences(msg string, f map[string]string) string {
	out := msg
	for _, k := range []string{"date", "status", "agenda", "notes", "text", "competency", "plan", "next", "since", "renewal",
		"name", "organisation", "title", "where_met", "how_help", "reach", "last_contact", "next_contact", "location", "contacts"} {
		if v, ok := f[k]; ok {
			out += " " + fieldLabel(k) + " " + v + "."
		}
	}
	return out
}

var fieldLabels = map[string]string{"where_met": "Where met", "how_help": "How they can help", "last_contact": "Last contact",
	"next_contact": "Follow-up", "next": "Next follow-up", "text": "Action", "plan": "Plan:"}

func fieldLabel(k string) string {
	if l, ok := fieldLabels[k]; ok {
		return l
	}
	return strings.ToUpper(k[:1]) + strings.ReplaceAll(k[1:], "_", " ")
}

// UpdateMentoringSession saves a session's date, status, agenda and notes.
func (wb *Web) UpdateMentoringSession(w http.ResponseWriter, r *http.Request) error {
	s, err := wb.ownSession(r)
	if err != nil {
		return err
	}
	fe := ladder.FieldErrors{}
	upd := *s
	upd.Date = parseFormDay(fe, "date", r.PostFormValue("date"))
	upd.Status, upd.Agenda, upd.Notes = r.PostFormValue("status"), r.PostFormValue("agenda"), r.PostFormValue("notes")
	if len(fe) > 0 {
		err = fe.Err("The mentoring session is not valid.")
	} else {
		err = wb.J.Mentors.UpdateMentoringSession(r.Context(), &upd)
	}
	if err != nil {
		return wb.sessionError(w, r, err, s)
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d#session-%d", s.MentorID, s.ID), "Session saved.")
}

// DeleteMentoringSession removes a session with its agreed actions.
func (wb *Web) DeleteMentoringSession(w http.ResponseWriter, r *http.Request) error {
	s, err := wb.ownSession(r)
	if err != nil {
		return err
	}
	if err := wb.J.Mentors.DeleteMentoringSession(r.Context(), s.PersonID, s.ID); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d", s.MentorID), "Session deleted.")
}

// AddAgreedAction adds an agreed action to a session.
func (wb *Web) AddAgreedAction(w http.ResponseWriter, r *http.Request) error {
	s, err := wb.ownSession(r)
	if err != nil {
		return err
	}
	a := &ladder.AgreedAction{SessionID: s.ID, Text: r.PostFormValue("text"), Competency: r.PostFormValue("competency")}
	if err := wb.J.Mentors.AddAgreedAction(r.Context(), s.PersonID, a); err != nil {
		return wb.sessionError(w, r, err, s)
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d#session-%d", s.MentorID, s.ID), "Agreed action added.")
}

// agreedAction loads the person's agreed action of the path id with its
// session.
func (wb *Web) agreedAction(r *http.Request) (*ladder.AgreedAction, *ladder.MentoringSession, error) {
	id, err := pathID(r, "Agreed action")
	if err != nil {
		return nil, nil, err
	}
	p := ladder.PersonFromContext(r.Context())
	a, err := wb.J.Mentors.FindAgreedAction(r.Context(), p.ID, id)
	if err != nil {
		return nil, nil, err
	}
	s, err := wb.J.Mentors.FindMentoringSession(r.Context(), p.ID, a.SessionID)
	return a, s, err
}

// AgreedActionToPlan adds an agreed action to the person's plan in one
// click.
func (wb *Web) AgreedActionToPlan(w http.ResponseWriter, r *http.Request) error {
	a, s, err := wb.agreedAction(r)
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	pa, err := wb.J.AddAgreedActionToPlan(r.Context(), p, a.ID)
	if err != nil {
		return wb.mentorError(w, r, err, s.MentorID, nil, nil, func(page *MentorPage, msg string, f map[string]string) {
			page.NoPlan = f["plan"] != ""
			for i := range page.Sessions {
				for k := range page.Sessions[i].Actions {
					if page.Sessions[i].Actions[k].ID == a.ID {
						page.Sessions[i].Actions[k].Error = msg
					}
				}
			}
		})
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d#session-%d", s.MentorID, s.ID),
		"Added to your plan: "+pa.Title+", due "+pa.Due.Format("2 Jan 2006")+".")
}

// DeleteAgreedAction removes an agreed action.
func (wb *Web) DeleteAgreedAction(w http.ResponseWriter, r *http.Request) error {
	a, s, err := wb.agreedAction(r)
	if err != nil {
		return err
	}
	if err := wb.J.Mentors.DeleteAgreedAction(r.Context(), s.PersonID, a.ID); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d#session-%d", s.MentorID, s.ID), "Agreed action deleted.")
}
