package web

import (
	"net/http"
	"strings"

	"github.com/ladderhq/ladder"
)

// OrgInvitationsPage invites people and lists invitations.
type OrgInvitationsPage struct {
	Base
	Org       OrgHeader
	Form      OrgInviteForm
	Roles     []Option
	State     FormState
	Pending   []OrgInvitationRow
	Past      []OrgInvitationRow
	MailOn    bool
	NewLink   string // shown once, after an invitation that was not mailed
	NewEmail  string
	MailError string
}

// OrgInviteForm holds the invitation form's values.
type OrgInviteForm struct{ Email, Role string }

// OrgInvitationRow is one invitation.
type OrgInvitationRow struct {
	ID      int64
	Email   string
	Role    string
	Status  string
	Created string
	Expires string
}

// OrgInvitations shows the invitations page; ?email= fills the form (the
// members page links here for people without an account).
func (wb *Web) OrgInvitations(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.orgInvitationsPage(w, r, OrgInviteForm{Email: r.URL.Query().Get("email"), Role: ladder.OrgRoleMember})
	if err != nil {
		return err
	}
	return wb.render(w, r, "org_invitations", page)
}

func (wb *Web) orgInvitationsPage(w http.ResponseWriter, r *http.Request, form OrgInviteForm) (*OrgInvitationsPage, error) {
	ctx := r.Context()
	actor := ladder.PersonFromContext(ctx)
	is, err := wb.J.OrgInvitations(ctx, actor)
	if err != nil {
		return nil, err
	}
	h, err := wb.orgHeader(ctx, actor, "invitations")
	if err != nil {
		return nil, err
	}
	page := &OrgInvitationsPage{Base: wb.base(w, r, "Invitations", "org"), Org: h, Form: form, MailOn: wb.J.Mail != nil}
	owner := wb.J.May(ctx, actor, ladder.ActOrgSetRole)
	for _, role := range ladder.OrgRoles {
		if role != ladder.OrgRoleOwner || owner {
			page.Roles = append(page.Roles, Option{Value: role, Label: ladder.OrgRoleLabel(role), Selected: role == form.Role})
		}
	}
	now := wb.J.DB.Now()
	for _, i := range is {
		row := OrgInvitationRow{ID: i.ID, Email: i.Email, Role: ladder.OrgRoleLabel(i.Role), Status: i.Status(now),
			Created: i.CreatedAt.Format("2 Jan 2006"), Expires: i.ExpiresAt.Format("2 Jan 2006 15:04 MST")}
		if row.Status == ladder.InvitePending {
			page.Pending = append(page.Pending, row)
		} else {
			page.Past = append(page.Past, row)
		}
	}
	return page, nil
}

// CreateOrgInvitation invites an email. The link is mailed when mail is set
// up; otherwise (or when sending fails) the page shows it once to copy.
func (wb *Web) CreateOrgInvitation(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	form := OrgInviteForm{Email: strings.TrimSpace(r.PostFormValue("email")), Role: r.PostFormValue("role")}
	inv, err := wb.J.Invite(ctx, ladder.PersonFromContext(ctx), form.Email, form.Role, wb.feedbackBaseURL(r))
	if err != nil {
		if st := formStatus(err); st != http.StatusUnprocessableEntity && st != http.StatusConflict {
			return err
		}
		page, perr := wb.orgInvitationsPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "org_invitations", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	if inv.Mailed {
		return redirect(w, r, "/org/invitations", "Invitation mailed to "+inv.Invitation.Email+".")
	}
	// Rendered, not redirected: the link must not sit in a cookie or a URL.
	page, err := wb.orgInvitationsPage(w, r, OrgInviteForm{Role: ladder.OrgRoleMember})
	if err != nil {
		return err
	}
	page.NewLink, page.NewEmail, page.MailError = inv.Link, inv.Invitation.Email, inv.MailError
	w.Header().Set("Cache-Control", "no-store")
	return wb.render(w, r, "org_invitations", page)
}

// RevokeOrgInvitation withdraws a pending invitation.
func (wb *Web) RevokeOrgInvitation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Invitation")
	if err != nil {
		return err
	}
	ctx := r.Context()
	if err := wb.J.RevokeInvitation(ctx, ladder.PersonFromContext(ctx), id); err != nil {
		return err
	}
	return redirect(w, r, "/org/invitations", "Invitation revoked: its link no longer works.")
}

// InvitePage is the page an invitation link opens.
type InvitePage struct {
	Base
	Token   string
	OrgName string
	Role    string
	Email   string
	Expires string
	// Mode is "join" (signed in with the invited email), "other" (signed
	// in as someone else), "signin" (the email has an account) or "new".
	Mode  string
	Name  string
	State FormState
}

// Invite shows an invitation. It is a public page: the token is the key.
func (wb *Web) Invite(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.invitePage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "invite", page)
}

func (wb *Web) invitePage(w http.ResponseWriter, r *http.Request) (*InvitePage, error) {
	token := r.PathValue("token")
	open, err := wb.J.OpenInvitation(r.Context(), token)
	if err != nil {
		return nil, err
	}
	w.Header().Set("Cache-Control", "no-store")
	page := &InvitePage{Base: wb.base(w, r, "Join "+open.Org.Name, "org"), Token: token, OrgName: open.Org.Name,
		Role: strings.ToLower(ladder.OrgRoleLabel(open.Invitation.Role)), Email: open.Invitation.Email,
		Expires: open.Invitation.ExpiresAt.Format("2 Jan 2006 15:04 MST"), Name: open.Name}
	switch p := ladder.PersonFromContext(r.Context()); {
	case p != nil && p.Email == open.Invitation.Email:
		page.Mode = "join"
	case p != nil:
		page.Mode = "other"
	case open.HasAccount:
		page.Mode = "signin"
	default:
		page.Mode = "new"
	}
	return page, nil
}

// AcceptInvite accepts an invitation: the signed-in invitee joins; someone
// without an account sets a name and password, joins and is signed in.
func (wb *Web) AcceptInvite(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	token := r.PathValue("token")
	if p := ladder.PersonFromContext(ctx); p != nil {
		inv, err := wb.J.AcceptInvitation(ctx, token, p)
		if err != nil {
			return err
		}
		return redirect(w, r, "/org", "Welcome: you joined as "+strings.ToLower(ladder.OrgRoleLabel(inv.Role))+".")
	}
	p, err := wb.J.AcceptInvitationNew(ctx, token, r.PostFormValue("name"), r.PostFormValue("password"))
	if err != nil {
		page, perr := wb.invitePage(w, r)
		if perr != nil {
			return perr
		}
		page.Name = strings.TrimSpace(r.PostFormValue("name"))
		return wb.formError(w, r, "invite", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	dest := "/onboarding"
	if p.TargetRole != "" {
		dest = "/org"
	}
	return wb.startSession(w, r, p, dest, "Welcome, "+p.Name+": your account is ready and you joined the organisation.")
}
