package ladder

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// Organisation roles. A person belongs to at most one organisation and has
// one of these roles in it. Mentor and manager are relations between
// members (OrgMember.ManagerID, OrgMember.MentorIDs), not roles.
const (
	// OrgRoleMember is a member: they see the organisation's overview and
	// their own relations, and their personal data stays their own.
	OrgRoleMember = "member"
	// OrgRoleAdmin is a programme admin: they run programmes and cohorts,
	// invite and import people, set managers and mentors, start a cohort's
	// 360 rounds and see the pipeline views (what members share with them).
	OrgRoleAdmin = "programme_admin"
	// OrgRoleOwner manages everything, settings and the audit log
	// included.
	OrgRoleOwner = "owner"
)

// OrgRoles lists the roles from least to most powerful.
var OrgRoles = []string{OrgRoleMember, OrgRoleAdmin, OrgRoleOwner}

// OrgRoleRank orders roles: 0 for an unknown role, then OrgRoles' order.
func OrgRoleRank(role string) int { return slices.Index(OrgRoles, role) + 1 }

// OrgRoleLabel is how pages name a role.
func OrgRoleLabel(role string) string {
	switch role {
	case OrgRoleMember:
		return "Member"
	case OrgRoleAdmin:
		return "Programme admin"
	case OrgRoleOwner:
		return "Owner"
	}
	return role
}

func validOrgRole(f FieldErrors, role string) {
	if !slices.Contains(OrgRoles, role) {
		f.Add("role", "must be one of %s", strings.Join(OrgRoles, ", "))
	}
}

// OrgAnonymity holds an organisation's 360 anonymity minimums. It has the
// fields of anonymity.Minimums, in the same order, so that the two convert
// into each other; internal/anonymity holds the rule and validates them
// (docs/anonymity.md).
type OrgAnonymity struct {
	Manager     int
	Peer        int
	Report      int
	Stakeholder int
	Others      int
	NameManager bool
}

// Organisation is a group of people run together: an IT department that
// grows its own managers.
type Organisation struct {
	ID   int64
	Name string
	// Slug names the organisation in URLs and on the command line.
	Slug string
	// Domains are the email domains of the organisation, lower case:
	// single sign-on provisions users of these domains, and unless
	// OutsideRaters allows others, raters must be members or have an
	// address in one. A domain belongs to one organisation.
	Domains   []string
	Anonymity OrgAnonymity
	// OutsideRaters allows 360 raters who are neither members nor at an
	// address in Domains. Refusing them is the defence against invented
	// raters (docs/anonymity.md): an organisation created with domains
	// starts refusing them, one created without any starts allowing them.
	OutsideRaters bool
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

var (
	slugPattern   = regexp.MustCompile(`^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$`)
	domainPattern = regexp.MustCompile(`^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$`)
)

// MaxOrgDomains bounds the domains of one organisation.
const MaxOrgDomains = 20

// Slugify makes a slug from a name: lower-case letters and digits joined by
// hyphens, at most 50 characters; "" when nothing is left.
func Slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
		if b.Len() >= 50 {
			break
		}
	}
	return strings.Trim(b.String()[:min(b.Len(), 50)], "-")
}

// Validate checks name, slug and domains and normalises them (a missing
// slug comes from the name; domains are trimmed, lower-cased, sorted and
// deduplicated). The anonymity minimums are checked by the service against
// the rule in internal/anonymity.
func (o *Organisation) Validate() error {
	f := FieldErrors{}
	o.Name = strings.TrimSpace(o.Name)
	switch {
	case o.Name == "":
		f.Add("name", "is required")
	case len(o.Name) > 200:
		f.Add("name", "must be at most 200 characters")
	}
	o.Slug = strings.TrimSpace(strings.ToLower(o.Slug))
	if o.Slug == "" {
		o.Slug = Slugify(o.Name)
	}
	if !slugPattern.MatchString(o.Slug) {
		f.Add("slug", "must be 1-50 lower-case letters, digits and inner hyphens")
	} else if o.Slug == "callback" {
		// /sso/SLUG starts single sign-on, and /sso/callback is its return.
		f.Add("slug", "is reserved: choose another")
	}
	var ds []string
	for _, d := range o.Domains {
		d = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(d)), "@")
		if d == "" {
			continue
		}
		if len(d) > 253 || !domainPattern.MatchString(d) {
			f.Add("domains", "%q is not a domain name (such as example.com)", d)
		}
		ds = append(ds, d)
	}
	slices.Sort(ds)
	o.Domains = slices.Compact(ds)
	if len(o.Domains) > MaxOrgDomains {
		f.Add("domains", "at most %d domains", MaxOrgDomains)
	}
	return f.Err("The organisation is not valid.")
}

// HasDomain reports whether email's domain is one of the organisation's.
func (o *Organisation) HasDomain(email string) bool {
	_, d, ok := strings.Cut(strings.ToLower(strings.TrimSpace(email)), "@")
	return ok && slices.Contains(o.Domains, d)
}

// OrgMember is a person's membership of an organisation.
type OrgMember struct {
	OrgID    int64
	PersonID int64
	Name     string // the person's, for lists
	Email    string
	Role     string
	Title    string
	// ManagerID is the member's manager, another member; 0 for none.
	ManagerID int64
	// MentorIDs are the members assigned as the member's mentors.
	MentorIDs []int64
	// HasAccount is false for people imported or invited who have not
	// set a password yet nor signed in through single sign-on.
	HasAccount bool
	JoinedAt   time.Time
}

// OrgMemberFilter selects members of one organisation, by name.
type OrgMemberFilter struct {
	OrgID  int64
	Role   string
	Offset int
	Limit  int
}

// OrgMemberUpdate holds the fields to change; nil fields stay. A
// ManagerID of 0 removes the manager.
type OrgMemberUpdate struct {
	Role      *string
	Title     *string
	ManagerID *int64
}

// Validate checks the fields that are set.
func (u *OrgMemberUpdate) Validate() error {
	f := FieldErrors{}
	if u.Role != nil {
		validOrgRole(f, *u.Role)
	}
	if u.Title != nil {
		t := strings.TrimSpace(*u.Title)
		u.Title = &t
		if len(t) > 200 {
			f.Add("title", "must be at most 200 characters")
		}
	}
	return f.Err("The member is not valid.")
}

// InvitationLifetime is how long an invitation link stays valid.
const InvitationLifetime = 7 * 24 * time.Hour

// Invitation states.
const (
	InvitePending  = "pending"
	InviteAccepted = "accepted"
	InviteRevoked  = "revoked"
	InviteExpired  = "expired"
)

// OrgInvitation invites an email address into an organisation with a role.
// Its link carries a random token that the store keeps only as a hash;
// it expires, works once and can be revoked.
type OrgInvitation struct {
	ID         int64
	OrgID      int64
	Email      string
	Role       string
	InvitedBy  int64
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt time.Time // zero until accepted
	AcceptedBy int64
	RevokedAt  time.Time // zero unless revoked
}

// Validate checks email and role and normalises the email.
func (i *OrgInvitation) Validate() error {
	f := FieldErrors{}
	i.Email = strings.ToLower(strings.TrimSpace(i.Email))
	if err := validEmail(i.Email); err != "" {
		f.Add("email", "%s", err)
	}
	validOrgRole(f, i.Role)
	return f.Err("The invitation is not valid.")
}

// Status returns the invitation's state at now.
func (i *OrgInvitation) Status(now time.Time) string {
	switch {
	case !i.AcceptedAt.IsZero():
		return InviteAccepted
	case !i.RevokedAt.IsZero():
		return InviteRevoked
	case !now.Before(i.ExpiresAt):
		return InviteExpired
	}
	return InvitePending
}

// Usable explains why the invitation cannot be accepted at now, or returns
// nil. The messages say what happened: whoever holds the link knows of the
// invitation anyway.
func (i *OrgInvitation) Usable(now time.Time) error {
	switch i.Status(now) {
	case InviteAccepted:
		return Errorf(ENOTFOUND, "This invitation was used already: sign in instead.")
	case InviteRevoked:
		return Errorf(ENOTFOUND, "This invitation was withdrawn: ask for a new one.")
	case InviteExpired:
		return Errorf(ENOTFOUND, "This invitation has expired: ask for a new one.")
	}
	return nil
}

// validEmail returns what is wrong with an email address, "" if nothing.
func validEmail(email string) string {
	p := Person{Name: "x", Email: email}
	if err := p.Validate(); err != nil {
		if e, ok := err.(*Error); ok && e.Fields["email"] != "" {
			return e.Fields["email"]
		}
	}
	return ""
}

// OrgService stores organisations, their members, mentor assignments and
// invitations. Every change is written to the audit log in its own
// transaction, with actorID as the actor.
//
// Errors: EINVALID for a bad field (a manager who is not a member, a cycle
// of managers, a domain of another organisation), ENOTFOUND for an unknown
// organisation, member or invitation (or one of another organisation),
// ECONFLICT for a person already in an organisation, a taken slug, a
// pending invitation for the same email, or a change that would leave the
// organisation without an owner.
type OrgService interface {
	FindOrganisation(ctx context.Context, id int64) (*Organisation, error)
	// CreateOrganisation creates o with ownerID as its first owner.
	CreateOrganisation(ctx context.Context, ownerID int64, o *Organisation) error
	UpdateOrganisation(ctx context.Context, actorID int64, o *Organisation) error

	// FindOrgMember returns the membership of personID in orgID (orgID 0:
	// in whichever organisation they belong to), or ENOTFOUND.
	FindOrgMember(ctx context.Context, orgID, personID int64) (*OrgMember, error)
	FindOrgMembers(ctx context.Context, f OrgMemberFilter) ([]*OrgMember, int, error)
	UpdateOrgMember(ctx context.Context, actorID, orgID, personID int64, upd OrgMemberUpdate) (*OrgMember, error)
	// RemoveOrgMember takes a person out of the organisation with their
	// relations (manager of others, mentor assignments, cohorts); their
	// personal data stays theirs.
	RemoveOrgMember(ctx context.Context, actorID, orgID, personID int64) error
	AddOrgMentor(ctx context.Context, actorID, orgID, mentorID, menteeID int64) error
	RemoveOrgMentor(ctx context.Context, actorID, orgID, mentorID, menteeID int64) error

	// CreateOrgInvitation stores inv and returns the link's token, which
	// is never available again.
	CreateOrgInvitation(ctx context.Context, actorID int64, inv *OrgInvitation) (token string, err error)
	FindOrgInvitations(ctx context.Context, orgID int64) ([]*OrgInvitation, error)
	// FindOrgInvitationByToken returns the invitation of a link whatever
	// its state; ENOTFOUND for an unknown token.
	FindOrgInvitationByToken(ctx context.Context, token string) (*OrgInvitation, error)
	RevokeOrgInvitation(ctx context.Context, actorID, orgID, id int64) error
	// AcceptOrgInvitation makes personID a member with the invitation's
	// role, once: ENOTFOUND for an unknown, used, revoked or expired
	// token; EFORBIDDEN when the person's email is not the invited one.
	AcceptOrgInvitation(ctx context.Context, token string, personID int64) (*OrgInvitation, error)

	// ImportOrgPeople reads a CSV file of people (see internal/orgcsv)
	// and, when no row has a problem, adds the new ones as members and
	// updates the title and manager of existing members, all in one
	// transaction. With problems it writes nothing and returns them in the
	// result with an EINVALID error.
	ImportOrgPeople(ctx context.Context, actorID, orgID int64, csv []byte) (*OrgImportResult, error)

	// DeleteOrganisation deletes an organisation with its memberships,
	// programmes, invitations and audit log; its people and their own
	// data stay. Only the demo uses it, to replace its organisation.
	DeleteOrganisation(ctx context.Context, id int64) error
}
