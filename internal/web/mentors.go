package web

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// MentorsPage lists the person's mentors with the form to add one.
type MentorsPage struct {
	Base
	Mentors []MentorRow
	Editor  MentorEditor
}

// MentorRow is one mentor in the list.
type MentorRow struct {
	ID                 int64
	Name, Org, Status  string
	Met, Criteria      int
	Strengths, NextDay string
}

// MentorEditor is the mentor form with its choices and state.
type MentorEditor struct {
	Action       string // where the form posts
	Submit       string
	Form         MentorForm
	State        FormState
	Statuses     []Option
	Competencies []Option
	Checklist    []CriterionView
}

// MentorForm holds the values of the mentor form, kept after an error.
type MentorForm struct {
	Name, Organisation, Role, Background, Contact, Status, Notes string
	Inside                                                       bool
	Strengths, Criteria                                          []string
}

// CriterionView is one line of the good-mentor checklist.
type CriterionView struct {
	Key, Name, Description, Question string
	Met                              bool
}

var mentorStatusLabels = map[string]string{ladder.MentorActive: "Active", ladder.MentorPaused: "Paused", ladder.MentorEnded: "Ended"}

// Mentors shows the list of mentors.
func (wb *Web) Mentors(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.mentorsPage(w, r, MentorForm{Status: ladder.MentorActive})
	if err != nil {
		return err
	}
	return wb.render(w, r, "mentors", page)
}

func (wb *Web) mentorsPage(w http.ResponseWriter, r *http.Request, form MentorForm) (*MentorsPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	ms, err := wb.J.Mentors.FindMentors(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	ss, err := wb.J.Mentors.FindMentoringSessions(ctx, p.ID, 0)
	if err != nil {
		return nil, err
	}
	editor, err := wb.mentorEditor(r, "/mentors", "Add the mentor", form)
	if err != nil {
		return nil, err
	}
	page := &MentorsPage{Base: wb.base(w, r, "Mentors", "mentors"), Editor: editor}
	today := ladder.Day(wb.J.DB.Now())
	for _, m := range ms {
		row := MentorRow{ID: m.ID, Name: m.Name, Org: strings.Trim(m.Role+", "+m.Organisation, ", "),
			Status: mentorStatusLabels[m.Status], Met: len(m.Criteria), Criteria: len(editor.Checklist)}
		row.Strengths = optionLabels(editor.Competencies, m.Strengths)
		// Sessions come newest first: the last planned one ahead is the next.
		for _, s := range ss {
			if s.MentorID == m.ID && s.Status == ladder.SessionPlanned && !s.Date.Before(today) {
				row.NextDay = s.Date.Format("Mon 2 Jan 2006")
			}
		}
		page.Mentors = append(page.Mentors, row)
	}
	return page, nil
}

// optionLabels names keys from the model's options, in the options' order.
func optionLabels(opts []Option, keys []string) string {
	var names []string
	for _, o := range opts {
		if slices.Contains(keys, o.Value) {
			names = append(names, o.Label)
		}
	}
	return strings.Join(names, ", ")
}

// mentorEditor builds the mentor form posting to action.
func (wb *Web) mentorEditor(r *http.Request, action, submit string, form MentorForm) (MentorEditor, error) {
	m, err := wb.J.Model(r.Context())
	if err != nil {
		return MentorEditor{}, err
	}
	c, err := firstdays.Load()
	if err != nil {
		return MentorEditor{}, err
	}
	ed := MentorEditor{Action: action, Submit: submit, Form: form}
	for _, s := range ladder.MentorStatuses {
		ed.Statuses = append(ed.Statuses, Option{Value: s, Label: mentorStatusLabels[s], Selected: s == form.Status})
	}
	for _, cp := range m.Competencies() {
		ed.Competencies = append(ed.Competencies, Option{Value: cp.Key, Label: cp.Name, Selected: slices.Contains(form.Strengths, cp.Key)})
	}
	for _, cr := range c.MentorCriteria {
		ed.Checklist = append(ed.Checklist, CriterionView{Key: cr.Key, Name: cr.Name, Description: cr.Description,
			Question: cr.Question, Met: slices.Contains(form.Criteria, cr.Key)})
	}
	return ed, nil
}

// mentorForm reads the mentor form.
func mentorForm(r *http.Request) MentorForm {
	return MentorForm{Name: r.PostFormValue("name"), Organisation: r.PostFormValue("organisation"), Role: r.PostFormValue("role"),
		Background: r.PostFormValue("background"), Contact: r.PostFormValue("contact"), Status: r.PostFormValue("status"),
		Notes: r.PostFormValue("notes"), Inside: r.PostFormValue("inside") == "on",
		Strengths: r.PostForm["strengths"], Criteria: r.PostForm["criteria"]}
}

func (f MentorForm) mentor(personID int64) *ladder.Mentor {
	return &ladder.Mentor{PersonID: personID, Name: f.Name, Organisation: f.Organisation, Role: f.Role, Inside: f.Inside,
		Background: f.Background, Strengths: f.Strengths, Contact: f.Contact, Status: f.Status, Notes: f.Notes, Criteria: f.Criteria}
}

// CreateMentor adds a mentor from the form.
func (wb *Web) CreateMentor(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	form := mentorForm(r)
	m := form.mentor(p.ID)
	if err := wb.J.Mentors.CreateMentor(r.Context(), m); err != nil {
		page, perr := wb.mentorsPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "mentors", &page.Base, err, func(msg string, f map[string]string) any {
			page.Editor.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d", m.ID), "Added your mentor "+m.Name+".")
}

// MentorPage is one mentor: details and checklist, sessions with their
// agreed actions, the suggested agenda and the new-session form.
type MentorPage struct {
	Base
	ID         int64
	Name       string
	Org        string
	Inside     bool
	Background string
	Contact    string
	Status     string
	Notes      string
	Strengths  string
	Checklist  []CriterionView
	Met        int
	Sessions   []SessionView
	Agenda     []AgendaLine
	NoTarget   bool
	// NoPlan is set when an agreed action could not join the plan for
	// want of one.
	NoPlan     bool
	Editor     MentorEditor
	NewSession SessionForm
	// SessionState is the state of the new-session form.
	SessionState    FormState
	SessionStatuses []Option
	Competencies    []Option
}

// AgendaLine is a suggested topic.
type AgendaLine struct {
	Line     string
	Strength bool
}

// SessionForm holds the values of the new-session form.
type SessionForm struct {
	Date, Agenda, Notes, Status, Actions string
}

// SessionView is one session with its agreed actions and forms.
type SessionView struct {
	ID        int64
	Date      string
	DateValue string
	Status    string
	Held      bool
	Agenda    string
	Notes     string
	Actions   []AgreedActionView
	Statuses  []Option
	Error     string // a failed update or added action of this session
}

// AgreedActionView is one agreed action.
type AgreedActionView struct {
	ID         int64
	Text       string
	Competency string
	InPlan     bool
	Error      string // a failed "Add to my plan"
}

var sessionStatusLabels = map[string]string{ladder.SessionPlanned: "Planned", ladder.SessionHeld: "Held"}

// Mentor shows one mentor.
func (wb *Web) Mentor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Mentor")
	if err != nil {
		return err
	}
	page, err := wb.mentorPage(w, r, id, nil, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "mentor", page)
}

// mentorPage builds the page of the person's mentor id; form and session,
// when given, replace the stored values in the edit and new-session forms.
func (wb *Web) mentorPage(w http.ResponseWriter, r *http.Request, id int64, form *MentorForm, session *SessionForm) (*MentorPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	m, err := wb.J.Mentors.FindMentor(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	ss, err := wb.J.Mentors.FindMentoringSessions(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	stored := MentorForm{Name: m.Name, Organisation: m.Organisation, Role: m.Role, Background: m.Background, Contact: m.Contact,
		Status: m.Status, Notes: m.Notes, Inside: m.Inside, Strengths: m.Strengths, Criteria: m.Criteria}
	if form == nil {
		form = &stored
	}
	editor, err := wb.mentorEditor(r, fmt.Sprintf("/mentors/%d", id), "Save", *form)
	if err != nil {
		return nil, err
	}
	page := &MentorPage{Base: wb.base(w, r, m.Name, "mentors"), ID: m.ID, Name: m.Name,
		Org: strings.Trim(m.Role+", "+m.Organisation, ", "), Inside: m.Inside, Background: m.Background, Contact: m.Contact,
		Status: mentorStatusLabels[m.Status], Notes: m.Notes, Editor: editor, NoTarget: p.TargetRole == "",
		Strengths: optionLabels(editor.Competencies, m.Strengths)}
	for _, cr := range editor.Checklist {
		cr.Met = slices.Contains(m.Criteria, cr.Key)
		if cr.Met {
			page.Met++
		}
		page.Checklist = append(page.Checklist, cr)
	}
	for _, c := range editor.Competencies {
		page.Competencies = append(page.Competencies, Option{Value: c.Value, Label: c.Label})
	}
	for _, s := range ss {
		page.Sessions = append(page.Sessions, sessionView(s, editor.Competencies))
	}
	ts, err := wb.J.SuggestAgenda(ctx, p, m)
	if err != nil {
		return nil, err
	}
	var lines []string
	for _, t := range ts {
		page.Agenda = append(page.Agenda, AgendaLine{Line: t.Line(), Strength: t.Strength})
		lines = append(lines, "- "+t.Line())
	}
	if session == nil {
		session = &SessionForm{Date: ladder.Day(wb.J.DB.Now()).AddDate(0, 0, 14).Format(time.DateOnly),
			Agenda: strings.Join(lines, "\n"), Status: ladder.SessionPlanned}
	}
	page.NewSession = *session
	for _, st := range ladder.SessionStatuses {
		page.SessionStatuses = append(page.SessionStatuses, Option{Value: st, Label: sessionStatusLabels[st], Selected: st == session.Status})
	}
	return page, nil
}

func sessionView(s *ladder.MentoringSession, comps []Option) SessionView {
	v := SessionView{ID: s.ID, Date: s.Date.Format("Mon 2 Jan 2006"), DateValue: s.Date.Format(time.DateOnly),
		Status: sessionStatusLabels[s.Status], Held: s.Status == ladder.SessionHeld, Agenda: s.Agenda, Notes: s.Notes}
	for _, st := range ladder.SessionStatuses {
		v.Statuses = append(v.Statuses, Option{Value: st, Label: sessionStatusLabels[st], Selected: st == s.Status})
	}
	for _, a := range s.Actions {
		v.Actions = append(v.Actions, AgreedActionView{ID: a.ID, Text: a.Text, InPlan: a.PlanActionID != 0,
			Competency: optionLabels(comps, []string{a.Competency})})
	}
	return v
}

// UpdateMentor saves the edit form of a mentor, checklist included.
func (wb *Web) UpdateMentor(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Mentor")
	if err != nil {
		return err
	}
	form := mentorForm(r)
	m := form.mentor(p.ID)
	m.ID = id
	if err := wb.J.Mentors.UpdateMentor(r.Context(), m); err != nil {
		return wb.mentorError(w, r, err, id, &form, nil, func(page *MentorPage, msg string, f map[string]string) {
			page.Editor.State = FormState{Error: msg, Fields: f}
		})
	}
	return redirect(w, r, fmt.Sprintf("/mentors/%d", id), "Saved "+m.Name+".")
}

// mentorError re-renders the mentor page for a failed form; a mentor that
// is not the person's is the 404 of the page itself.
func (wb *Web) mentorError(w http.ResponseWriter, r *http.Request, err error, mentorID int64, form *MentorForm, session *SessionForm,
	fill func(*MentorPage, string, map[string]string)) error {
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return err
	}
	page, perr := wb.mentorPage(w, r, mentorID, form, session)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "mentor", &page.Base, err, func(msg string, f map[string]string) any {
		fill(page, msg, f)
		return page
	})
}

// DeleteMentor removes a mentor with their sessions.
func (wb *Web) DeleteMentor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Mentor")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if err := wb.J.Mentors.DeleteMentor(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/mentors", "Mentor deleted.")
}
