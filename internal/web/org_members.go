package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/ladderhq/ladder"
)

// OrgMembersPage lists the members with their roles and relations.
type OrgMembersPage struct {
	Base
	Org     OrgHeader
	Members []OrgMemberRow
	// CanSetRole and CanRemove are the owner's extra powers.
	CanSetRole bool
	CanRemove  bool
	Roles      []Option
	State      FormState
	// Failed is the person id of the row State is about.
	Failed int64
}

// OrgMemberRow is one member with what the forms need.
type OrgMemberRow struct {
	ID         int64
	Name       string
	Email      string
	Role       string
	RoleLabel  string
	Title      string
	Manager    string
	Managers   []Option // every other member, the current manager selected
	Mentors    []OrgMentorView
	MentorOpts []Option // members who are not yet mentors
	HasAccount bool
	Roles      []Option
	// Self is the viewer's own row.
	Self bool
}

// OrgMentorView is one mentor of a member.
type OrgMentorView struct {
	ID   int64
	Name string
}

// OrgMembers shows the members page.
func (wb *Web) OrgMembers(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgMembersPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_members", page)
}

func (wb *Web) orgMembersPage(w http.ResponseWriter, r *http.Request) (*OrgMembersPage, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	ms, err := wb.J.OrgMembers(ctx, actor)
	if err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "members")
	if err != nil {
		return nil, err
	}
	page := &OrgMembersPage{Base: wb.base(w, r, "Members", "org"), Org: h,
		CanSetRole: wb.J.May(ctx, actor, ladder.ActOrgSetRole), CanRemove: wb.J.May(ctx, actor, ladder.ActOrgRemoveMember)}
	names := map[int64]string{}
	for _, m := range ms {
		names[m.PersonID] = m.Name
	}
	for _, m := range ms {
		row := OrgMemberRow{ID: m.PersonID, Name: m.Name, Email: m.Email, Role: m.Role, RoleLabel: ladder.OrgRoleLabel(m.Role),
			Title: m.Title, Manager: names[m.ManagerID], HasAccount: m.HasAccount, Self: m.PersonID == actor.ID}
		for _, role := range ladder.OrgRoles {
			row.Roles = append(row.Roles, Option{Value: role, Label: ladder.OrgRoleLabel(role), Selected: role == m.Role})
		}
		mentor := map[int64]bool{}
		for _, id := range m.MentorIDs {
			mentor[id] = true
			row.Mentors = append(row.Mentors, OrgMentorView{ID: id, Name: names[id]})
		}
		for _, o := range ms {
			if o.PersonID == m.PersonID {
				continue
			}
			row.Managers = append(row.Managers, Option{Value: strconv.FormatInt(o.PersonID, 10), Label: o.Name, Selected: o.PersonID == m.ManagerID})
			if !mentor[o.PersonID] {
				row.MentorOpts = append(row.MentorOpts, Option{Value: strconv.FormatInt(o.PersonID, 10), Label: o.Name})
			}
		}
		page.Members = append(page.Members, row)
	}
	return page, nil
}

// orgMembersError re-renders the members page with the error of one row's
// form.
func (wb *Web) orgMembersError(w http.ResponseWriter, r *http.Request, id int64, err error) error {
	if st := formStatus(err); st != http.StatusUnprocessableEntity && st != http.StatusConflict {
		return err
	}
	page, perr := wb.orgMembersPage(w, r)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "org_members", &page.Base, err, func(msg string, f map[string]string) any {
		page.State, page.Failed = FormState{Error: msg, Fields: f}, id
		return page
	})
}

// UpdateOrgMember saves one member's row: title and manager, and the role
// when the form has one (owners).
func (wb *Web) UpdateOrgMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Member")
	if err != nil {
		return err
	}
	ctx := r.Context()
	upd := ladder.OrgMemberUpdate{}
	if err := r.ParseForm(); err != nil {
		return ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	if _, ok := r.PostForm["title"]; ok {
		t := r.PostFormValue("title")
		upd.Title = &t
	}
	if _, ok := r.PostForm["manager"]; ok {
		var mgr int64
		if v := strings.TrimSpace(r.PostFormValue("manager")); v != "" {
			if mgr, err = strconv.ParseInt(v, 10, 64); err != nil {
				return wb.orgMembersError(w, r, id, fieldError("The manager is not valid.", "manager", "is not a member"))
			}
		}
		upd.ManagerID = &mgr
	}
	if _, ok := r.PostForm["role"]; ok {
		role := r.PostFormValue("role")
		upd.Role = &role
	}
	m, err := wb.J.UpdateOrgMember(ctx, ladder.PersonFromContext(ctx), id, upd)
	if err != nil {
		return wb.orgMembersError(w, r, id, err)
	}
	return redirect(w, r, "/org/members#member-"+strconv.FormatInt(id, 10), "Saved: "+m.Name+".")
}

// RemoveOrgMember takes a member out of the organisation.
func (wb *Web) RemoveOrgMember(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Member")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := wb.J.RemoveOrgMember(ctx, ladder.PersonFromContext(ctx), id); err != nil {
		return wb.orgMembersError(w, r, id, err)
	}
	return redirect(w, r, "/org/members", "The member left the organisation; their own data stays theirs.")
}

// AddOrgMentor assigns a mentor to a member.
func (wb *Web) AddOrgMentor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Member")
	if err != nil {
		return err
	}
	mentor, perr := strconv.ParseInt(r.PostFormValue("mentor"), 10, 64)
	ctx := r.Context()
	if perr != nil {
		err = fieldError("The mentor is not valid.", "mentor", "choose a member")
	} else {
		err = wb.J.SetOrgMentor(ctx, ladder.PersonFromContext(ctx), mentor, id, false)
	}
	if err != nil {
		return wb.orgMembersError(w, r, id, err)
	}
	return redirect(w, r, "/org/members#member-"+strconv.FormatInt(id, 10), "Mentor assigned.")
}

// RemoveOrgMentor ends a mentor assignment.
func (wb *Web) RemoveOrgMentor(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Member")
	if err != nil {
		return err
	}
	mentor, err := strconv.ParseInt(r.PathValue("mentor"), 10, 64)
	if err != nil {
		return ladder.Errorf(ladder.ENOTFOUND, "Mentor assignment not found.")
	}
	ctx := r.Context()
	if err := wb.J.SetOrgMentor(ctx, ladder.PersonFromContext(ctx), mentor, id, true); err != nil {
		return err
	}
	return redirect(w, r, "/org/members#member-"+strconv.FormatInt(id, 10), "Mentor assignment ended.")
}
