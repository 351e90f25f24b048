package journey

import (
	"context"
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/sqldb"
)

// Invited is a new invitation with its link. The link is shown once, to be
// copied, when it was not mailed.
type Invited struct {
	Invitation *ladder.OrgInvitation
	Link       string
	// Mailed is true when the mail went out; MailError says why it did
	// not when mail is set up but sending failed.
	Mailed    bool
	MailError string
}

// Invite invites email into the actor's organisation with role, and mails
// the link when j.Mail is set. baseURL is where the web app is reached,
// such as https://ladder.example.com. Only owners invite owners.
func (j *Journey) Invite(ctx context.Context, actor *ladder.Person, email, role, baseURL string) (*Invited, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgInvite)
	if err != nil {
		return nil, err
	}
	if role == ladder.OrgRoleOwner {
		if err := j.Can(ctx, actor, ladder.ActOrgSetRole, ladder.OrgSubject(id)); err != nil {
			return nil, err
		}
	}
	inv := &ladder.OrgInvitation{OrgID: id, Email: email, Role: role}
	token, err := j.Orgs.CreateOrgInvitation(ctx, actor.ID, inv)
	if err != nil {
		return nil, err
	}
	out := &Invited{Invitation: inv, Link: strings.TrimRight(baseURL, "/") + "/invite/" + token}
	if j.Mail == nil {
		return out, nil
	}
	o, err := j.Orgs.FindOrganisation(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := j.Mail.Send(ctx, inviteMail(actor, o, inv, out.Link)); err != nil {
		// The invitation stands: the link is shown to copy instead.
		out.MailError = err.Error()
		return out, nil
	}
	out.Mailed = true
	return out, nil
}

// inviteMail is the message that carries an invitation's link.
func inviteMail(from *ladder.Person, o *ladder.Organisation, inv *ladder.OrgInvitation, link string) mail.Message {
	role := strings.ToLower(ladder.OrgRoleLabel(inv.Role))
	text := fmt.Sprintf(`Hello,

%s invited you to join %s on Ladder as a %s.

Ladder helps IT specialists grow into IT managers: assess where you
stand, plan the next steps and show your progress. What you record
stays yours unless you share it.

Accept the invitation here (the link works once, until %s):

%s

If you did not expect this mail, ignore it: nothing happens without the link.
`, from.Name, o.Name, role, inv.ExpiresAt.UTC().Format("2 January 2006 15:04 MST"), link)
	return mail.Message{To: inv.Email, Subject: "Join " + o.Name + " on Ladder", Text: text}
}

// OrgInvitations lists the invitations of the actor's organisation.
func (j *Journey) OrgInvitations(ctx context.Context, actor *ladder.Person) ([]*ladder.OrgInvitation, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgInvite)
	if err != nil {
		return nil, err
	}
	return j.Orgs.FindOrgInvitations(ctx, id)
}

// RevokeInvitation withdraws a pending invitation of the actor's
// organisation.
func (j *Journey) RevokeInvitation(ctx context.Context, actor *ladder.Person, invitationID int64) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgInvite)
	if err != nil {
		return err
	}
	return j.Orgs.RevokeOrgInvitation(ctx, actor.ID, id, invitationID)
}

// OpenedInvitation is what the invitation page shows.
type OpenedInvitation struct {
	Invitation *ladder.OrgInvitation
	Org        *ladder.Organisation
	// HasAccount is true when the invited email has an account: they
	// sign in to accept. Else they choose a name and a password.
	HasAccount bool
	Name       string // the name on file for the email, if any
}

// OpenInvitation returns a usable invitation of a link, or ENOTFOUND with a
// message saying why the link does not work.
func (j *Journey) OpenInvitation(ctx context.Context, token string) (*OpenedInvitation, error) {
	inv, err := j.Orgs.FindOrgInvitationByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	if err := inv.Usable(j.DB.Now()); err != nil {
		return nil, err
	}
	o, err := j.Orgs.FindOrganisation(ctx, inv.OrgID)
	if err != nil {
		return nil, err
	}
	out := &OpenedInvitation{Invitation: inv, Org: o}
	p, err := j.Persons.FindPersonByEmail(ctx, inv.Email)
	switch ladder.ErrorCode(err) {
	case "":
		out.Name = p.Name
		_, aerr := sqldb.NewAuthService(j.DB).FindAccount(ctx, p.ID)
		if aerr == nil {
			out.HasAccount = true
		} else if ladder.ErrorCode(aerr) != ladder.ENOTFOUND {
			return nil, aerr
		}
	case ladder.ENOTFOUND:
	default:
		return nil, err
	}
	return out, nil
}

// AcceptInvitation makes the signed-in person a member.
func (j *Journey) AcceptInvitation(ctx context.Context, token string, p *ladder.Person) (*ladder.OrgInvitation, error) {
	inv, err := j.Orgs.AcceptOrgInvitation(ctx, token, p.ID)
	if err == nil {
		p.OrgID = inv.OrgID
	}
	return inv, err
}

// AcceptInvitationNew accepts an invitation for someone without an
// account: it gives the invited email a person (or uses the one an import
// made), a password, and the membership. A person it made is deleted
// again when the membership fails, so a refused link leaves nothing
// behind.
func (j *Journey) AcceptInvitationNew(ctx context.Context, token, name, password string) (*ladder.Person, error) {
	open, err := j.OpenInvitation(ctx, token)
	if err != nil {
		return nil, err
	}
	if open.HasAccount {
		return nil, ladder.Errorf(ladder.ECONFLICT, "You have an account already: sign in, then open the link again.")
	}
	email := open.Invitation.Email
	p := &ladder.Person{Name: name, Email: email}
	f := ladder.FieldErrors{}
	if e, ok := p.Validate().(*ladder.Error); ok {
		for k, v := range e.Fields {
			f.Add(k, "%s", v)
		}
	}
	if e, ok := ladder.ValidatePassword(password, email).(*ladder.Error); ok {
		for k, v := range e.Fields {
			f.Add(k, "%s", v)
		}
	}
	if err := f.Err("Check your name and password."); err != nil {
		return nil, err
	}
	created := false
	if old, err := j.Persons.FindPersonByEmail(ctx, email); err == nil {
		if p, err = j.Persons.UpdatePerson(ctx, old.ID, ladder.PersonUpdate{Name: &p.Name}); err != nil {
			return nil, err
		}
	} else if ladder.ErrorCode(err) != ladder.ENOTFOUND {
		return nil, err
	} else if err := j.Persons.CreatePerson(ctx, p); err != nil {
		return nil, err
	} else {
		created = true
	}
	undo := func(err error) (*ladder.Person, error) {
		if created {
			if derr := j.Persons.DeletePerson(ctx, p.ID); derr != nil {
				return nil, fmt.Errorf("%w (and removing the new person failed: %v)", err, derr)
			}
		}
		return nil, err
	}
	if err := sqldb.NewAuthService(j.DB).CreateAccount(ctx, p.ID, ladder.AccountMember, password); err != nil {
		return undo(err)
	}
	if _, err := j.AcceptInvitation(ctx, token, p); err != nil {
		return undo(err)
	}
	return p, nil
}
