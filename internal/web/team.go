package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// TeamPage lists the team with the next one-to-ones and open follow-ups.
type TeamPage struct {
	Base
	Members []MemberRow
	Add     MemberFormView
}

// MemberFormView is a member form: where it posts, its button, its values
// and its errors.
type MemberFormView struct {
	Action, Button string
	Form           MemberForm
	State          FormState
}

// MemberRow is a member in the team list.
type MemberRow struct {
	ID             int64
	Name, Role     string
	Next           string
	NextSoon       bool // within a week, or past
	OpenFollowUps  int
	LastOneToOne   string
	OneToOnesCount int
}

// MemberForm holds the values of a member form, kept after an error.
type MemberForm struct {
	Name, Role, Strengths, Goals, Concerns, Notes, Next string
}

// MemberPage is one member with their one-to-ones and follow-ups.
type MemberPage struct {
	Base
	ID        int64
	Name      string
	Role      string
	Next      string
	Edit      MemberFormView
	OneToOnes []OneToOneView
	New       OneToOneForm
	NewState  FormState
}

// OneToOneView is a one-to-one, formatted.
type OneToOneView struct {
	Date      string
	Notes     string
	FollowUps []FollowUpView
}

// FollowUpView is a follow-up with its tick form.
type FollowUpView struct {
	ID      int64
	Text    string
	Due     string
	Done    bool
	Overdue bool
}

// OneToOneForm holds the values of the one-to-one form: the meeting and
// up to followUpRows follow-ups.
type OneToOneForm struct {
	Date, Notes, Next string
	FollowUps         []FollowUpForm
}

// FollowUpForm is one follow-up row of the form.
type FollowUpForm struct{ Text, Due string }

// followUpRows is how many follow-ups the form offers at once; without
// JavaScript, a fixed number of rows is the simple way.
const followUpRows = 3

// Team shows the team list and the add form.
func (wb *Web) Team(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.teamPage(w, r, MemberForm{})
	if err != nil {
		return err
	}
	return wb.render(w, r, "team", page)
}

func (wb *Web) teamPage(w http.ResponseWriter, r *http.Request, form MemberForm) (*TeamPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	ms, err := wb.J.Team.FindTeamMembers(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	os, err := wb.J.Team.FindOneToOnes(ctx, p.ID, 0)
	if err != nil {
		return nil, err
	}
	fus, err := wb.J.Team.FindOpenFollowUps(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	soon := ladder.Day(wb.J.DB.Now()).AddDate(0, 0, 7)
	page := &TeamPage{Base: wb.base(w, r, "Team", "team"), Add: MemberFormView{Action: "/team", Button: "Add", Form: form}}
	for _, m := range ms {
		row := MemberRow{ID: m.ID, Name: m.Name, Role: m.Role, Next: dayText(m.NextOneToOne),
			NextSoon: !m.NextOneToOne.IsZero() && m.NextOneToOne.Before(soon)}
		for _, o := range os { // newest first
			if o.MemberID == m.ID {
				if row.OneToOnesCount == 0 {
					row.LastOneToOne = dayText(o.Date)
				}
				row.OneToOnesCount++
			}
		}
		for _, fu := range fus {
			if fu.MemberID == m.ID {
				row.OpenFollowUps++
			}
		}
		page.Members = append(page.Members, row)
	}
	return page, nil
}

func dayText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("Mon 2 Jan 2006")
}

func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// member parses the form into a member of personID.
func (f MemberForm) member(personID, id int64) (*ladder.TeamMember, error) {
	m := &ladder.TeamMember{ID: id, PersonID: personID, Name: f.Name, Role: f.Role, Strengths: f.Strengths, Goals: f.Goals,
		Concerns: f.Concerns, Notes: f.Notes}
	fe := ladder.FieldErrors{}
	if t := formDate(fe, "next_one_to_one", strings.TrimSpace(f.Next)); t != nil {
		m.NextOneToOne = *t
	}
	if len(fe) > 0 {
		addDomainErrors(fe, m.Validate())
		return nil, fe.Err("The team member is not valid.")
	}
	return m, nil
}

func memberForm(r *http.Request) MemberForm {
	return MemberForm{Name: r.PostFormValue("name"), Role: r.PostFormValue("role"), Strengths: r.PostFormValue("strengths"),
		Goals: r.PostFormValue("goals"), Concerns: r.PostFormValue("concerns"), Notes: r.PostFormValue("notes"),
		Next: r.PostFormValue("next_one_to_one")}
}

// CreateTeamMember adds a member from the form.
func (wb *Web) CreateTeamMember(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := memberForm(r)
	m, err := form.member(p.ID, 0)
	if err == nil {
		err = wb.J.Team.CreateTeamMember(ctx, m)
	}
	if err != nil {
		page, perr := wb.teamPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "team", &page.Base, err, func(msg string, f map[string]string) any {
			page.Add.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/team/"+strconv.FormatInt(m.ID, 10), "Added "+m.Name+" to your team.")
}

// TeamMember shows one member with their one-to-ones.
func (wb *Web) TeamMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Team member")
	if err != nil {
		return err
	}
	page, err := wb.memberPage(w, r, id, nil, wb.newOneToOneForm())
	if err != nil {
		return err
	}
	return wb.render(w, r, "team_member", page)
}

func (wb *Web) newOneToOneForm() OneToOneForm {
	return OneToOneForm{Date: wb.J.DB.Now().Format(time.DateOnly), FollowUps: make([]FollowUpForm, followUpRows)}
}

// memberPage loads the person's member id; edit is the edit form's
// values after an error, nil to start from the record.
func (wb *Web) memberPage(w http.ResponseWriter, r *http.Request, id int64, edit *MemberForm, form OneToOneForm) (*MemberPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	m, err := wb.J.Team.FindTeamMember(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	os, err := wb.J.Team.FindOneToOnes(ctx, p.ID, id)
	if err != nil {
		return nil, err
	}
	page := &MemberPage{Base: wb.base(w, r, m.Name, "team"), ID: m.ID, Name: m.Name, Role: m.Role,
		Next: dayText(m.NextOneToOne), New: form}
	page.Edit = MemberFormView{Action: "/team/" + strconv.FormatInt(m.ID, 10), Button: "Save",
		Form: MemberForm{Name: m.Name, Role: m.Role, Strengths: m.Strengths, Goals: m.Goals, Concerns: m.Concerns,
			Notes: m.Notes, Next: isoDay(m.NextOneToOne)}}
	if edit != nil {
		page.Edit.Form = *edit
	}
	today := ladder.Day(wb.J.DB.Now())
	for _, o := range os {
		v := OneToOneView{Date: dayText(o.Date), Notes: o.Notes}
		for _, fu := range o.FollowUps {
			v.FollowUps = append(v.FollowUps, FollowUpView{ID: fu.ID, Text: fu.Text, Due: dayText(fu.Due), Done: fu.Done,
				Overdue: !fu.Done && !fu.Due.IsZero() && fu.Due.Before(today)})
		}
		page.OneToOnes = append(page.OneToOnes, v)
	}
	return page, nil
}

// UpdateTeamMember saves the edit form of a member.
func (wb *Web) UpdateTeamMember(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Team member")
	if err != nil {
		return err
	}
	if _, err := wb.J.Team.FindTeamMember(ctx, p.ID, id); err != nil {
		return err
	}
	form := memberForm(r)
	m, err := form.member(p.ID, id)
	if err == nil {
		err = wb.J.Team.UpdateTeamMember(ctx, m)
	}
	if err != nil {
		page, perr := wb.memberPage(w, r, id, &form, wb.newOneToOneForm())
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "team_member", &page.Base, err, func(msg string, f map[string]string) any {
			page.Edit.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/team/"+strconv.FormatInt(id, 10), "Saved "+m.Name+".")
}

// DeleteTeamMember removes a member with their one-to-ones.
func (wb *Web) DeleteTeamMember(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Team member")
	if err != nil {
		return err
	}
	if err := wb.J.Team.DeleteTeamMember(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/team", "Removed the team member and their one-to-ones.")
}

// CreateOneToOne records a one-to-one with its follow-ups.
func (wb *Web) CreateOneToOne(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Team member")
	if err != nil {
		return err
	}
	if _, err := wb.J.Team.FindTeamMember(ctx, p.ID, id); err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "notes", err.Error())
	}
	form := OneToOneForm{Date: r.PostFormValue("date"), Notes: r.PostFormValue("notes"), Next: r.PostFormValue("next")}
	texts, dues := r.PostForm["follow_up"], r.PostForm["follow_up_due"]
	for i := range max(len(texts), followUpRows) {
		var f FollowUpForm
		if i < len(texts) {
			f.Text = texts[i]
		}
		if i < len(dues) {
			f.Due = dues[i]
		}
		form.FollowUps = append(form.FollowUps, f)
	}
	o, err := form.oneToOne(p.ID, id)
	if err == nil {
		err = wb.J.Team.CreateOneToOne(ctx, o)
	}
	if err != nil {
		page, perr := wb.memberPage(w, r, id, nil, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "team_member", &page.Base, err, func(msg string, f map[string]string) any {
			page.NewState = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/team/"+strconv.FormatInt(id, 10), "Recorded the one-to-one of "+o.Date.Format("2 Jan")+".")
}

// oneToOne parses the form; empty follow-up rows are left out, a due date
// without a text is an error.
func (f OneToOneForm) oneToOne(personID, memberID int64) (*ladder.OneToOne, error) {
	o := &ladder.OneToOne{PersonID: personID, MemberID: memberID, Notes: f.Notes}
	fe := ladder.FieldErrors{}
	if t := formDate(fe, "date", strings.TrimSpace(f.Date)); t != nil {
		o.Date = *t
	}
	if t := formDate(fe, "next", strings.TrimSpace(f.Next)); t != nil {
		o.Next = *t
	}
	for _, row := range f.FollowUps {
		text, due := strings.TrimSpace(row.Text), strings.TrimSpace(row.Due)
		if text == "" && due == "" {
			continue
		}
		fu := ladder.FollowUp{Text: text}
		if t := formDate(fe, "follow_ups", due); t != nil {
			fu.Due = *t
		}
		o.FollowUps = append(o.FollowUps, fu)
	}
	if len(fe) > 0 {
		addDomainErrors(fe, o.Validate())
		return nil, fe.Err("The one-to-one is not valid.")
	}
	return o, nil
}

// SetFollowUp ticks a follow-up off or opens it again.
func (wb *Web) SetFollowUp(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Follow-up")
	if err != nil {
		return err
	}
	done := r.PostFormValue("done") == "on" || r.PostFormValue("done") == "true"
	fu, err := wb.J.Team.SetFollowUpDone(r.Context(), p.ID, id, done)
	if err != nil {
		return err
	}
	flash := "Ticked off: " + fu.Text + "."
	if !done {
		flash = "Open again: " + fu.Text + "."
	}
	return redirect(w, r, "/team/"+strconv.FormatInt(fu.MemberID, 10), flash)
}
