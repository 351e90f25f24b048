package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Sharing audiences: the people around a member who may see what the
// member chooses to share with them.
const (
	// AudienceMentor is the member's assigned mentors.
	AudienceMentor = "mentor"
	// AudienceManager is the member's manager.
	AudienceManager = "manager"
	// AudienceAdmins is the organisation's programme admins and owners,
	// in the pipeline views.
	AudienceAdmins = "programme_admins"
)

// Audiences lists the audiences in the order pages show them.
var Audiences = []string{AudienceMentor, AudienceManager, AudienceAdmins}

// AudienceLabel is how pages name an audience.
func AudienceLabel(a string) string {
	switch a {
	case AudienceMentor:
		return "My mentors"
	case AudienceManager:
		return "My manager"
	case AudienceAdmins:
		return "Programme admins"
	}
	return a
}

// AudienceRole names the viewer's side of an audience in the singular,
// as in "you see them as their mentor".
func AudienceRole(a string) string {
	switch a {
	case AudienceMentor:
		return "mentor"
	case AudienceManager:
		return "manager"
	case AudienceAdmins:
		return "programme admin"
	}
	return a
}

// AudienceRoles names audiences in words: "mentor, manager and
// programme admin".
func AudienceRoles(audiences []string) string {
	var out []string
	for _, a := range audiences {
		out = append(out, AudienceRole(a))
	}
	if len(out) < 2 {
		return strings.Join(out, "")
	}
	return strings.Join(out[:len(out)-1], ", ") + " and " + out[len(out)-1]
}

// The parts of a member's own data that they may share.
const (
	ShareReadiness = "readiness"
	ShareGaps      = "gaps"
	SharePlan      = "plan"
	ShareEvidence  = "evidence"
	ShareJournal   = "journal"
)

// ShareParts lists the parts in the order pages show them.
var ShareParts = []string{ShareReadiness, ShareGaps, SharePlan, ShareEvidence, ShareJournal}

// SharePartLabel is how pages name a part.
func SharePartLabel(p string) string {
	switch p {
	case ShareReadiness:
		return "Readiness"
	case ShareGaps:
		return "Gaps"
	case SharePlan:
		return "Development plan and its progress"
	case ShareEvidence:
		return "Evidence log"
	case ShareJournal:
		return "Reflection journal"
	}
	return p
}

// ShareSet is the set of parts shared with one audience, in ShareParts'
// order.
type ShareSet []string

// Has reports whether part is shared.
func (s ShareSet) Has(part string) bool { return slices.Contains(s, part) }

// Union returns the parts in s or o, in ShareParts' order.
func (s ShareSet) Union(o ShareSet) ShareSet {
	var out ShareSet
	for _, p := range ShareParts {
		if s.Has(p) || o.Has(p) {
			out = append(out, p)
		}
	}
	return out
}

// String lists the parts, "nothing" for none.
func (s ShareSet) String() string {
	if len(s) == 0 {
		return "nothing"
	}
	return strings.Join(s, ", ")
}

// Sharing is what a member shares with each audience. Nothing is shared
// until the member says so: a missing audience shares nothing.
type Sharing struct {
	PersonID  int64
	With      map[string]ShareSet // audience -> parts
	UpdatedAt time.Time           // zero when never set
}

// For returns the parts shared with audience.
func (s *Sharing) For(audience string) ShareSet {
	if s == nil {
		return nil
	}
	return s.With[audience]
}

// Validate checks audiences and parts and puts each set in ShareParts'
// order without repeats.
func (s *Sharing) Validate() error {
	f := FieldErrors{}
	norm := map[string]ShareSet{}
	for a, set := range s.With {
		if !slices.Contains(Audiences, a) {
			f.Add("audience", "%q is not one of %s", a, strings.Join(Audiences, ", "))
			continue
		}
		for _, p := range set {
			if !slices.Contains(ShareParts, p) {
				f.Add(a, "%q is not one of %s", p, strings.Join(ShareParts, ", "))
			}
		}
		if n := ShareSet(nil).Union(set); len(n) > 0 {
			norm[a] = n
		}
	}
	s.With = norm
	return f.Err("The sharing choices are not valid.")
}

// SharingService stores what members share. Sharing belongs to a member of
// an organisation: it is removed when they leave it, so that a new
// organisation's mentor or manager never inherits it.
//
// Errors: EINVALID for a bad audience or part, ENOTFOUND when the person is
// not a member of an organisation.
type SharingService interface {
	// FindSharing returns what personID shares (an empty Sharing when
	// they never chose).
	FindSharing(ctx context.Context, personID int64) (*Sharing, error)
	// SetSharing replaces what s.PersonID shares, recording the change in
	// their organisation's audit log in the same transaction.
	SetSharing(ctx context.Context, s *Sharing) error
	// FindSharedWith returns, for the members of orgID who share something
	// with audience, the parts they share, by person id: the pipeline
	// views read it for a whole organisation at once.
	FindSharedWith(ctx context.Context, orgID int64, audience string) (map[int64]ShareSet, error)
	// FindSupported returns the members of orgID whom personID mentors or
	// manages, by name, each with what they share with every audience
	// (their MentorIDs are not loaded).
	FindSupported(ctx context.Context, orgID, personID int64) ([]*SupportedMember, error)
}

// SupportedMember is a member whom someone mentors or manages, with what
// the member shares with each audience.
type SupportedMember struct {
	Member *OrgMember
	// Mentee and Report say how the person stands to the member: as one
	// of their mentors, as their manager, or both.
	Mentee, Report bool
	Sharing        map[string]ShareSet // audience -> parts
}

// Audit actions of views of a member's data. A member reads the entries
// of views of their own data (action prefix AuditViewPrefix, subject the
// member) on their sharing page.
const (
	AuditViewPrefix = "view."
	// AuditViewMember is a mentor's, manager's or programme admin's look
	// at what a member shares with them; the detail lists the parts shown.
	AuditViewMember = "view.member"
)
