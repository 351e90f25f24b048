package journey

import (
	"context"
	"strings"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/anonymity"
)

// orgPolicy is the least role each organisation action needs. It is the
// one table of who may do what in an organisation: every org handler of
// the web app, the API and the command line goes through Can.
var orgPolicy = map[ladder.OrgAction]string{
	ladder.ActOrgView:          ladder.OrgRoleMember,
	ladder.ActOrgManageMembers: ladder.OrgRoleAdmin,
	ladder.ActOrgInvite:        ladder.OrgRoleAdmin,
	ladder.ActOrgImport:        ladder.OrgRoleAdmin,
	ladder.ActOrgProgrammes:    ladder.OrgRoleAdmin,
	ladder.ActOrgViewPipeline:  ladder.OrgRoleAdmin,
	ladder.ActOrgSetRole:       ladder.OrgRoleOwner,
	ladder.ActOrgRemoveMember:  ladder.OrgRoleOwner,
	ladder.ActOrgSettings:      ladder.OrgRoleOwner,
	ladder.ActOrgViewAudit:     ladder.OrgRoleOwner,
	ladder.ActOrgSSO:           ladder.OrgRoleOwner,
	// Starting a cohort's rounds shows the admin progress counts, never
	// results (feedback_cohort.go).
	ladder.ActOrgCohortFeedback: ladder.OrgRoleAdmin,
}

var errNoOrg = ladder.Errorf(ladder.ENOTFOUND, "Organisation not found.")

// Can reports whether actor may do act on subject: nil if so; ENOTFOUND
// when the subject is not in the actor's organisation (so that nothing
// tells another organisation's people what exists); EFORBIDDEN when the
// actor's role is too low; EUNAUTHORIZED without an actor. A person
// subject stands for their organisation.
func (j *Journey) Can(ctx context.Context, actor *ladder.Person, act ladder.OrgAction, subject ladder.Subject) error {
	if actor == nil {
		return ladder.Errorf(ladder.EUNAUTHORIZED, "Sign in first.")
	}
	if _, ok := orgPolicy[act]; !ok {
		return ladder.Errorf(ladder.EFORBIDDEN, "Unknown action %q.", act)
	}
	orgID := subject.OrgID
	if subject.PersonID != 0 {
		m, err := j.Orgs.FindOrgMember(ctx, orgID, subject.PersonID)
		if ladder.ErrorCode(err) == ladder.ENOTFOUND {
			return ladder.Errorf(ladder.ENOTFOUND, "Member not found.")
		} else if err != nil {
			return err
		}
		orgID = m.OrgID
	}
	if orgID == 0 {
		return errNoOrg
	}
	m, err := j.Orgs.FindOrgMember(ctx, orgID, actor.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		if subject.PersonID != 0 {
			return ladder.Errorf(ladder.ENOTFOUND, "Member not found.")
		}
		return errNoOrg
	} else if err != nil {
		return err
	}
	return mayIn(m, act)
}

// mayIn is Can's rule for a member acting in their own organisation.
func mayIn(m *ladder.OrgMember, act ladder.OrgAction) error {
	if need, ok := orgPolicy[act]; !ok {
		return ladder.Errorf(ladder.EFORBIDDEN, "Unknown action %q.", act)
	} else if !RoleMay(m.Role, act) {
		return ladder.Errorf(ladder.EFORBIDDEN, "Only %s may do that in this organisation.", whoMay(need))
	}
	return nil
}

// RoleMay reports whether a member with role may do act in their own
// organisation: Can's rule once the subject is known to be there, for a
// page listing what its viewer may do without asking Can for each.
func RoleMay(role string, act ladder.OrgAction) bool {
	need, ok := orgPolicy[act]
	return ok && ladder.OrgRoleRank(role) >= ladder.OrgRoleRank(need)
}

func whoMay(role string) string {
	var names []string
	for _, r := range ladder.OrgRoles[ladder.OrgRoleRank(role)-1:] {
		names = append(names, strings.ToLower(ladder.OrgRoleLabel(r))+"s")
	}
	return strings.Join(names, " and ")
}

// OrgOf returns the actor's membership, or ENOTFOUND when they belong to no
// organisation.
func (j *Journey) OrgOf(ctx context.Context, actor *ladder.Person) (*ladder.OrgMember, error) {
	m, err := j.Orgs.FindOrgMember(ctx, 0, actor.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "You do not belong to an organisation.")
	}
	return m, err
}

// orgFor returns the actor's organisation id once Can allows act in it.
func (j *Journey) orgFor(ctx context.Context, actor *ladder.Person, act ladder.OrgAction) (int64, error) {
	m, err := j.OrgOf(ctx, actor)
	if err != nil {
		return 0, err
	}
	// The subject is the actor's own organisation, whose membership is
	// at hand: Can's rule without looking it up again.
	return m.OrgID, mayIn(m, act)
}

// May reports whether actor may do act in their own organisation, for
// pages that show only the links a person can use.
func (j *Journey) May(ctx context.Context, actor *ladder.Person, act ladder.OrgAction) bool {
	_, err := j.orgFor(ctx, actor, act)
	return err == nil
}

// FeedbackMinimums returns the 360 anonymity minimums that apply to the
// person: their organisation's, or the defaults when they belong to none.
func (j *Journey) FeedbackMinimums(ctx context.Context, personID int64) (anonymity.Minimums, error) {
	m, err := j.Orgs.FindOrgMember(ctx, 0, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return anonymity.DefaultMinimums(), nil
	} else if err != nil {
		return anonymity.Minimums{}, err
	}
	o, err := j.Orgs.FindOrganisation(ctx, m.OrgID)
	if err != nil {
		return anonymity.Minimums{}, err
	}
	return anonymity.Minimums(o.Anonymity), nil
}

// Audit records e in its organisation's audit log: callers record every
// view of another member's data. It must never carry a feedback answer or
// anything that identifies a rater (ladder.AuditEntry).
func (j *Journey) Audit(ctx context.Context, e ladder.AuditEntry) error {
	return j.AuditLog.WriteAudit(ctx, &e)
}

// CreateOrganisation creates an organisation with the actor as its owner.
func (j *Journey) CreateOrganisation(ctx context.Context, actor *ladder.Person, o *ladder.Organisation) error {
	if err := j.Orgs.CreateOrganisation(ctx, actor.ID, o); err != nil {
		return err
	}
	actor.OrgID = o.ID
	return nil
}

// Organisation returns the actor's organisation and their membership.
func (j *Journey) Organisation(ctx context.Context, actor *ladder.Person) (*ladder.Organisation, *ladder.OrgMember, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgView)
	if err != nil {
		return nil, nil, err
	}
	m, err := j.Orgs.FindOrgMember(ctx, id, actor.ID)
	if err != nil {
		return nil, nil, err
	}
	o, err := j.Orgs.FindOrganisation(ctx, id)
	return o, m, err
}

// UpdateOrganisation changes the settings of the actor's organisation.
func (j *Journey) UpdateOrganisation(ctx context.Context, actor *ladder.Person, o *ladder.Organisation) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgSettings)
	if err != nil {
		return err
	}
	o.ID = id
	return j.Orgs.UpdateOrganisation(ctx, actor.ID, o)
}

// OrgMembers lists the members of the actor's organisation.
func (j *Journey) OrgMembers(ctx context.Context, actor *ladder.Person) ([]*ladder.OrgMember, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgManageMembers)
	if err != nil {
		return nil, err
	}
	ms, _, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: id})
	return ms, err
}

// UpdateOrgMember changes a member of the actor's organisation: a role
// change needs ActOrgSetRole, a title or manager ActOrgManageMembers.
func (j *Journey) UpdateOrgMember(ctx context.Context, actor *ladder.Person, personID int64, upd ladder.OrgMemberUpdate) (*ladder.OrgMember, error) {
	act := ladder.ActOrgManageMembers
	if upd.Role != nil {
		act = ladder.ActOrgSetRole
	}
	id, err := j.orgFor(ctx, actor, act)
	if err != nil {
		return nil, err
	}
	if upd.Role != nil && (upd.Title != nil || upd.ManagerID != nil) {
		if err := j.Can(ctx, actor, ladder.ActOrgManageMembers, ladder.OrgSubject(id)); err != nil {
			return nil, err
		}
	}
	return j.Orgs.UpdateOrgMember(ctx, actor.ID, id, personID, upd)
}

// RemoveOrgMember takes a person out of the actor's organisation.
func (j *Journey) RemoveOrgMember(ctx context.Context, actor *ladder.Person, personID int64) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgRemoveMember)
	if err != nil {
		return err
	}
	return j.Orgs.RemoveOrgMember(ctx, actor.ID, id, personID)
}

// SetOrgMentor assigns (or, with remove, ends) a mentor of a member.
func (j *Journey) SetOrgMentor(ctx context.Context, actor *ladder.Person, mentorID, menteeID int64, remove bool) error {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgManageMembers)
	if err != nil {
		return err
	}
	if remove {
		return j.Orgs.RemoveOrgMentor(ctx, actor.ID, id, mentorID, menteeID)
	}
	return j.Orgs.AddOrgMentor(ctx, actor.ID, id, mentorID, menteeID)
}

// ImportOrgPeople imports people from CSV into the actor's organisation.
func (j *Journey) ImportOrgPeople(ctx context.Context, actor *ladder.Person, data []byte) (*ladder.OrgImportResult, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgImport)
	if err != nil {
		return nil, err
	}
	return j.Orgs.ImportOrgPeople(ctx, actor.ID, id, data)
}

// OrgAudit returns entries of the actor's organisation's audit log.
func (j *Journey) OrgAudit(ctx context.Context, actor *ladder.Person, f ladder.AuditFilter) ([]*ladder.AuditEntry, int, error) {
	id, err := j.orgFor(ctx, actor, ladder.ActOrgViewAudit)
	if err != nil {
		return nil, 0, err
	}
	f.OrgID = id
	return j.AuditLog.FindAudit(ctx, f)
}
