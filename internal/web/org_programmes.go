package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
)

// OrgProgrammesPage lists programmes with a form for a new one.
type OrgProgrammesPage struct {
	Base
	Org        OrgHeader
	Programmes []OrgProgrammeRow
	Form       OrgProgrammeForm
	Targets    []Option
	State      FormState
}

// OrgProgrammeEditor is what the programme form shows.
type OrgProgrammeEditor struct {
	Action, Submit string
	Form           OrgProgrammeForm
	Targets        []Option
	State          FormState
}

// Editor is the new-programme form.
func (p OrgProgrammesPage) Editor() OrgProgrammeEditor {
	return OrgProgrammeEditor{Action: "/org/programmes", Submit: "Add the programme", Form: p.Form, Targets: p.Targets, State: p.State}
}

// Editor is the form that changes the programme.
func (p OrgProgrammePage) Editor() OrgProgrammeEditor {
	return OrgProgrammeEditor{Action: "/org/programmes/" + strconv.FormatInt(p.ID, 10), Submit: "Save the programme", Form: p.Edit,
		Targets: p.Targets, State: p.EditState}
}

// OrgProgrammeRow is one programme in the list.
type OrgProgrammeRow struct {
	ID           int64
	Name, Target string
	Start, End   string
	Description  string
}

// OrgProgrammeForm holds a programme form's values as typed.
type OrgProgrammeForm struct{ Name, Description, Target, Start, End string }

func (f OrgProgrammeForm) programme(id int64) (*ladder.OrgProgramme, error) {
	fe := ladder.FieldErrors{}
	p := &ladder.OrgProgramme{ID: id, Name: f.Name, Description: f.Description, TargetRole: f.Target,
		Start: orgFormDay(fe, "start", f.Start), End: orgFormDay(fe, "end", f.End)}
	if len(fe) > 0 {
		addDomainErrors(fe, p.Validate())
		return nil, fe.Err("The programme is not valid.")
	}
	return p, nil
}

func orgFormDay(fe ladder.FieldErrors, field, s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		fe.Add(field, "must be a date (YYYY-MM-DD)")
	}
	return d
}

func postedProgramme(r *http.Request) OrgProgrammeForm {
	return OrgProgrammeForm{Name: r.PostFormValue("name"), Description: r.PostFormValue("description"),
		Target: r.PostFormValue("target_role"), Start: r.PostFormValue("start"), End: r.PostFormValue("end")}
}

// targetOptions lists the model's target roles.
func (wb *Web) targetOptions(r *http.Request, selected string) ([]Option, error) {
	m, err := wb.J.Model(r.Context())
	if err != nil {
		return nil, err
	}
	var out []Option
	for _, role := range m.Roles {
		if role.Kind == ladder.RoleTarget {
			out = append(out, Option{Value: role.Slug, Label: role.Title, Selected: role.Slug == selected})
		}
	}
	return out, nil
}

// OrgProgrammes shows the programmes.
func (wb *Web) OrgProgrammes(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgProgrammesPage(w, r, OrgProgrammeForm{Target: "it-manager"})
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_programmes", page)
}

func (wb *Web) orgProgrammesPage(w http.ResponseWriter, r *http.Request, form OrgProgrammeForm) (*OrgProgrammesPage, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	ps, err := wb.J.Programmes(ctx, actor)
	if err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "programmes")
	if err != nil {
		return nil, err
	}
	page := &OrgProgrammesPage{Base: wb.base(w, r, "Programmes", "org"), Org: h, Form: form}
	if page.Targets, err = wb.targetOptions(r, form.Target); err != nil {
		return nil, err
	}
	for _, p := range ps {
		page.Programmes = append(page.Programmes, OrgProgrammeRow{ID: p.ID, Name: p.Name, Target: wb.roleTitle(r, p.TargetRole),
			Start: p.Start.Format("2 Jan 2006"), End: p.End.Format("2 Jan 2006"), Description: p.Description})
	}
	return page, nil
}

func (wb *Web) roleTitle(r *http.Request, slug string) string {
	if m, err := wb.J.Model(r.Context()); err == nil {
		if role, ok := m.Role(slug); ok {
			return role.Title
		}
	}
	return slug
}

// CreateOrgProgramme adds a programme.
func (wb *Web) CreateOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	form := postedProgramme(r)
	p, err := form.programme(0)
	if err == nil {
		err = wb.J.SaveProgramme(ctx, ladder.PersonFromContext(ctx), p)
	}
	if err != nil {
		if st := formStatus(err); st != http.StatusUnprocessableEntity && st != http.StatusConflict {
			return err
		}
		page, perr := wb.orgProgrammesPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "org_programmes", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/org/programmes/"+strconv.FormatInt(p.ID, 10), "Programme added: now add its cohorts.")
}

// OrgProgrammePage is one programme with its cohorts.
type OrgProgrammePage struct {
	Base
	Org         OrgHeader
	ID          int64
	Name        string
	Target      string
	Start, End  string
	Description string
	Cohorts     []OrgCohortView
	Edit        OrgProgrammeForm
	Targets     []Option
	EditState   FormState
	Cohort      OrgCohortForm
	CohortState FormState
	Members     []Option // members, for the cohort forms
	// Failed is the id of the cohort whose form State is about.
	Failed      int64
	MemberState FormState
	// CanViewPipeline shows the link to the programme's pipeline.
	CanViewPipeline bool
}

// OrgCohortView is a cohort with its members.
type OrgCohortView struct {
	ID         int64
	Name       string
	Start, End string
	Members    []OrgMentorView
	Others     []Option // members not in it
}

// OrgCohortForm holds the cohort form's values.
type OrgCohortForm struct {
	Name, Start, End string
	Members          map[string]bool
}

// OrgProgramme shows a programme.
func (wb *Web) OrgProgramme(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgProgrammePage(w, r, nil, OrgCohortForm{})
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_programme", page)
}

func (wb *Web) orgProgrammePage(w http.ResponseWriter, r *http.Request, edit *OrgProgrammeForm, cohort OrgCohortForm) (*OrgProgrammePage, error) {
	id, err := pathID(r, "Programme")
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	v, err := wb.J.Programme(ctx, actor, id)
	if err != nil {
		return nil, err
	}
	ms, err := wb.J.OrgMembers(ctx, actor)
	if err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "programmes")
	if err != nil {
		return nil, err
	}
	p := v.Programme
	page := &OrgProgrammePage{Base: wb.base(w, r, p.Name, "org"), Org: h, ID: p.ID, Name: p.Name, Target: wb.roleTitle(r, p.TargetRole),
		Start: p.Start.Format("2 Jan 2006"), End: p.End.Format("2 Jan 2006"), Description: p.Description, Cohort: cohort,
		CanViewPipeline: wb.J.May(ctx, actor, ladder.ActOrgViewPipeline)}
	if edit == nil {
		edit = &OrgProgrammeForm{Name: p.Name, Description: p.Description, Target: p.TargetRole,
			Start: p.Start.Format("2006-01-02"), End: p.End.Format("2006-01-02")}
	}
	page.Edit = *edit
	if page.Targets, err = wb.targetOptions(r, edit.Target); err != nil {
		return nil, err
	}
	names := map[int64]string{}
	for _, m := range ms {
		names[m.PersonID] = m.Name
		v := strconv.FormatInt(m.PersonID, 10)
		page.Members = append(page.Members, Option{Value: v, Label: m.Name, Selected: cohort.Members[v]})
	}
	for _, c := range v.Cohorts {
		cv := OrgCohortView{ID: c.ID, Name: c.Name, Start: c.Start.Format("2 Jan 2006"), End: c.End.Format("2 Jan 2006")}
		in := map[int64]bool{}
		for _, id := range c.MemberIDs {
			in[id] = true
			cv.Members = append(cv.Members, OrgMentorView{ID: id, Name: names[id]})
		}
		for _, m := range ms {
			if !in[m.PersonID] {
				cv.Others = append(cv.Others, Option{Value: strconv.FormatInt(m.PersonID, 10), Label: m.Name})
			}
		}
		page.Cohorts = append(page.Cohorts, cv)
	}
	return page, nil
}

// UpdateOrgProgramme saves a programme's fields.
func (wb *Web) UpdateOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Programme")
	if err != nil {
		return err
	}
	ctx := r.Context()
	form := postedProgramme(r)
	p, err := form.programme(id)
	if err == nil {
		err = wb.J.SaveProgramme(ctx, ladder.PersonFromContext(ctx), p)
	}
	if err != nil {
		return wb.orgProgrammeError(w, r, err, func(page *OrgProgrammePage, s FormState) { page.Edit, page.EditState = form, s }, &form, OrgCohortForm{})
	}
	return redirect(w, r, "/org/programmes/"+strconv.FormatInt(id, 10), "Programme saved.")
}

// orgProgrammeError re-renders the programme page with a form's error.
func (wb *Web) orgProgrammeError(w http.ResponseWriter, r *http.Request, err error, set func(*OrgProgrammePage, FormState),
	edit *OrgProgrammeForm, cohort OrgCohortForm) error {
	if st := formStatus(err); st != http.StatusUnprocessableEntity && st != http.StatusConflict {
		return err
	}
	page, perr := wb.orgProgrammePage(w, r, edit, cohort)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "org_programme", &page.Base, err, func(msg string, f map[string]string) any {
		set(page, FormState{Error: msg, Fields: f})
		return page
	})
}

// DeleteOrgProgramme removes a programme and its cohorts.
func (wb *Web) DeleteOrgProgramme(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Programme")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := wb.J.DeleteProgramme(ctx, ladder.PersonFromContext(ctx), id); err != nil {
		return err
	}
	return redirect(w, r, "/org/programmes", "Programme deleted.")
}

// CreateOrgCohort adds a cohort to a programme.
func (wb *Web) CreateOrgCohort(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Programme")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	form := OrgCohortForm{Name: r.PostFormValue("name"), Start: r.PostFormValue("start"), End: r.PostFormValue("end"), Members: map[string]bool{}}
	fe := ladder.FieldErrors{}
	c := &ladder.OrgCohort{ProgrammeID: id, Name: form.Name, Start: orgFormDay(fe, "start", form.Start), End: orgFormDay(fe, "end", form.End)}
	for _, v := range r.PostForm["members"] {
		form.Members[v] = true
		pid, perr := strconv.ParseInt(v, 10, 64)
		if perr != nil {
			fe.Add("members", "choose members of the organisation")
		}
		c.MemberIDs = append(c.MemberIDs, pid)
	}
	err = fe.Err("The cohort is not valid.")
	if err == nil {
		err = wb.J.CreateCohort(ctx, ladder.PersonFromContext(ctx), c)
	}
	if err != nil {
		return wb.orgProgrammeError(w, r, err, func(page *OrgProgrammePage, s FormState) { page.CohortState = s }, nil, form)
	}
	return redirect(w, r, "/org/programmes/"+strconv.FormatInt(id, 10)+"#cohort-"+strconv.FormatInt(c.ID, 10), "Cohort added: "+c.Name+".")
}

// cohortProgramme returns the programme path of a cohort of the actor's
// organisation.
func (wb *Web) cohortProgramme(r *http.Request, cohortID int64) (string, error) {
	c, err := wb.J.FindCohort(r.Context(), ladder.PersonFromContext(r.Context()), cohortID)
	if err != nil {
		return "", err
	}
	return "/org/programmes/" + strconv.FormatInt(c.ProgrammeID, 10), nil
}

// AddOrgCohortMember puts a member into a cohort.
func (wb *Web) AddOrgCohortMember(w http.ResponseWriter, r *http.Request) error {
	return wb.setCohortMember(w, r, false)
}

// RemoveOrgCohortMember takes a member out of a cohort.
func (wb *Web) RemoveOrgCohortMember(w http.ResponseWriter, r *http.Request) error {
	return wb.setCohortMember(w, r, true)
}

func (wb *Web) setCohortMember(w http.ResponseWriter, r *http.Request, remove bool) error {
	id, err := pathID(r, "Cohort")
	if err != nil {
		return err
	}
	back, err := wb.cohortProgramme(r, id)
	if err != nil {
		return err
	}
	raw := r.PostFormValue("person")
	if remove {
		raw = r.PathValue("person")
	}
	person, perr := strconv.ParseInt(raw, 10, 64)
	ctx := r.Context()
	if perr != nil {
		err = fieldError("The cohort member is not valid.", "members", "choose a member")
	} else {
		err = wb.J.SetCohortMember(ctx, ladder.PersonFromContext(ctx), id, person, remove)
	}
	if err != nil {
		if remove {
			return err
		}
		r.SetPathValue("id", back[len("/org/programmes/"):])
		return wb.orgProgrammeError(w, r, err, func(page *OrgProgrammePage, s FormState) { page.Failed, page.MemberState = id, s }, nil, OrgCohortForm{})
	}
	return redirect(w, r, back+"#cohort-"+strconv.FormatInt(id, 10), "Cohort saved.")
}

// DeleteOrgCohort removes a cohort.
func (wb *Web) DeleteOrgCohort(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Cohort")
	if err != nil {
		return err
	}
	back, err := wb.cohortProgramme(r, id)
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := wb.J.DeleteCohort(ctx, ladder.PersonFromContext(ctx), id); err != nil {
		return err
	}
	return redirect(w, r, back, "Cohort deleted.")
}
