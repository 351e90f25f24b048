package api

import (
	"encoding/csv"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// Organisation is the caller's organisation.
type Organisation struct {
	ID            int64        `json:"id"`
	Name          string       `json:"name"`
	Slug          string       `json:"slug"`
	Domains       []string     `json:"domains" doc:"email domains of the organisation, lower case"`
	Anonymity     OrgAnonymity `json:"anonymity"`
	OutsideRaters bool         `json:"outside_raters" doc:"whether 360 raters may be neither members nor at an address in the domains"`
	Role          string       `json:"role" enum:"member,programme_admin,owner" doc:"the caller's role"`
	Members       int          `json:"members" doc:"how many members it has"`
	CreatedAt     time.Time    `json:"created_at"`
	UpdatedAt     time.Time    `json:"updated_at"`
}

// OrgAnonymity holds the minimums of raters a 360 feedback group needs
// before it is shown (docs/anonymity.md).
type OrgAnonymity struct {
	Manager     int  `json:"manager" doc:"1-50 while the manager is named, else 2-50"`
	Peer        int  `json:"peer" doc:"2-50"`
	Report      int  `json:"report" doc:"direct reports, 2-50"`
	Stakeholder int  `json:"stakeholder" doc:"2-50"`
	Others      int  `json:"others" doc:"the hidden groups folded together, 2-50"`
	NameManager bool `json:"name_manager" doc:"show the manager's group as \"your manager\""`
}

// NewOrganisation converts an organisation for a caller with role.
func NewOrganisation(o *ladder.Organisation, role string, members int) Organisation {
	return Organisation{ID: o.ID, Name: o.Name, Slug: o.Slug, Domains: append([]string{}, o.Domains...),
		Anonymity: OrgAnonymity(o.Anonymity), OutsideRaters: o.OutsideRaters, Role: role, Members: members, CreatedAt: o.CreatedAt,
		UpdatedAt: o.UpdatedAt}
}

// OrgCreate is the body of POST /api/v1/org.
type OrgCreate struct {
	Name    string   `json:"name"`
	Slug    string   `json:"slug,omitempty" doc:"lower-case letters, digits and hyphens; made from the name when left out"`
	Domains []string `json:"domains,omitempty"`
}

// OrgSettings is the body of PUT /api/v1/org: every setting, replaced
// (outside_raters stays as it is when left out).
type OrgSettings struct {
	Name          string       `json:"name"`
	Slug          string       `json:"slug"`
	Domains       []string     `json:"domains"`
	Anonymity     OrgAnonymity `json:"anonymity"`
	OutsideRaters *bool        `json:"outside_raters,omitempty" doc:"allow 360 raters who are neither members nor at an address in the domains; left out: unchanged"`
}

// OrgMember is a member of the organisation.
type OrgMember struct {
	PersonID   int64     `json:"person_id"`
	Name       string    `json:"name"`
	Email      string    `json:"email"`
	Role       string    `json:"role" enum:"member,programme_admin,owner"`
	Title      string    `json:"title"`
	ManagerID  *int64    `json:"manager_id" doc:"the member's manager, another member; null for none"`
	MentorIDs  []int64   `json:"mentor_ids" doc:"members assigned as the member's mentors"`
	HasAccount bool      `json:"has_account" doc:"false until an imported person accepts an invitation"`
	JoinedAt   time.Time `json:"joined_at"`
}

// NewOrgMember converts a member.
func NewOrgMember(m *ladder.OrgMember) OrgMember {
	out := OrgMember{PersonID: m.PersonID, Name: m.Name, Email: m.Email, Role: m.Role, Title: m.Title,
		MentorIDs: append([]int64{}, m.MentorIDs...), HasAccount: m.HasAccount, JoinedAt: m.JoinedAt}
	if m.ManagerID != 0 {
		id := m.ManagerID
		out.ManagerID = &id
	}
	return out
}

// OrgMemberPatch is the body of PATCH /api/v1/org/members/{id}.
type OrgMemberPatch struct {
	Role      *string `json:"role,omitempty" enum:"member,programme_admin,owner" doc:"owners only"`
	Title     *string `json:"title,omitempty"`
	ManagerID *int64  `json:"manager_id,omitempty" doc:"another member's person_id; 0 removes the manager"`
}

// OrgMentorAdd is the body of POST /api/v1/org/members/{id}/mentors.
type OrgMentorAdd struct {
	MentorID int64 `json:"mentor_id" doc:"the person_id of the member who mentors"`
}

// OrgInvitation is an invitation; its link is never shown again.
type OrgInvitation struct {
	ID         int64      `json:"id"`
	Email      string     `json:"email"`
	Role       string     `json:"role" enum:"member,programme_admin,owner"`
	Status     string     `json:"status" enum:"pending,accepted,revoked,expired"`
	InvitedBy  *int64     `json:"invited_by" doc:"null once the inviter's person is deleted"`
	CreatedAt  time.Time  `json:"created_at"`
	ExpiresAt  time.Time  `json:"expires_at"`
	AcceptedAt *time.Time `json:"accepted_at"`
	RevokedAt  *time.Time `json:"revoked_at"`
}

// NewOrgInvitation converts an invitation, with its state at now.
func NewOrgInvitation(i *ladder.OrgInvitation, now time.Time) OrgInvitation {
	out := OrgInvitation{ID: i.ID, Email: i.Email, Role: i.Role, Status: i.Status(now), CreatedAt: i.CreatedAt, ExpiresAt: i.ExpiresAt}
	if i.InvitedBy != 0 {
		by := i.InvitedBy
		out.InvitedBy = &by
	}
	if !i.AcceptedAt.IsZero() {
		t := i.AcceptedAt
		out.AcceptedAt = &t
	}
	if !i.RevokedAt.IsZero() {
		t := i.RevokedAt
		out.RevokedAt = &t
	}
	return out
}

// OrgInvitationCreate is the body of POST /api/v1/org/invitations.
type OrgInvitationCreate struct {
	Email string `json:"email"`
	Role  string `json:"role" enum:"member,programme_admin,owner" doc:"only owners invite owners"`
}

// OrgInvited is a new invitation with its link, shown only here.
type OrgInvited struct {
	Invitation OrgInvitation `json:"invitation"`
	Link       string        `json:"link" doc:"the link to accept; it works once, for 7 days"`
	Mailed     bool          `json:"mailed" doc:"whether the link went out by mail (the server has SMTP set up)"`
	MailError  string        `json:"mail_error,omitempty" doc:"why sending failed; the invitation stands"`
}

// OrgProgramme is a development programme.
type OrgProgramme struct {
	ID          int64       `json:"id"`
	Name        string      `json:"name"`
	Description string      `json:"description"`
	TargetRole  string      `json:"target_role" doc:"a target role's slug"`
	Start       string      `json:"start" doc:"YYYY-MM-DD"`
	End         string      `json:"end" doc:"YYYY-MM-DD"`
	Cohorts     []OrgCohort `json:"cohorts,omitempty" doc:"in GET of one programme"`
}

// NewOrgProgramme converts a programme and, if given, its cohorts.
func NewOrgProgramme(p *ladder.OrgProgramme, cs []*ladder.OrgCohort) OrgProgramme {
	out := OrgProgramme{ID: p.ID, Name: p.Name, Description: p.Description, TargetRole: p.TargetRole,
		Start: p.Start.Format(time.DateOnly), End: p.End.Format(time.DateOnly)}
	for _, c := range cs {
		out.Cohorts = append(out.Cohorts, NewOrgCohort(c))
	}
	return out
}

// OrgProgrammeBody creates or replaces a programme.
type OrgProgrammeBody struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	TargetRole  string `json:"target_role" doc:"a target role's slug, such as it-manager"`
	Start       string `json:"start" doc:"YYYY-MM-DD"`
	End         string `json:"end" doc:"YYYY-MM-DD"`
}

// Programme parses the body into a programme.
func (b OrgProgrammeBody) Programme(id int64) (*ladder.OrgProgramme, error) {
	f := ladder.FieldErrors{}
	p := &ladder.OrgProgramme{ID: id, Name: b.Name, Description: b.Description, TargetRole: b.TargetRole,
		Start: orgDay(f, "start", b.Start), End: orgDay(f, "end", b.End)}
	return p, f.Err("The programme is not valid.")
}

func orgDay(f ladder.FieldErrors, field, s string) time.Time {
	d, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		f.Add(field, "must be a date (YYYY-MM-DD)")
	}
	return d
}

// OrgCohort is a cohort of a programme.
type OrgCohort struct {
	ID          int64   `json:"id"`
	ProgrammeID int64   `json:"programme_id"`
	Name        string  `json:"name"`
	Start       string  `json:"start" doc:"YYYY-MM-DD"`
	End         string  `json:"end" doc:"YYYY-MM-DD"`
	MemberIDs   []int64 `json:"member_ids" doc:"person_ids of the members in it"`
}

// NewOrgCohort converts a cohort.
func NewOrgCohort(c *ladder.OrgCohort) OrgCohort {
	return OrgCohort{ID: c.ID, ProgrammeID: c.ProgrammeID, Name: c.Name, Start: c.Start.Format(time.DateOnly),
		End: c.End.Format(time.DateOnly), MemberIDs: append([]int64{}, c.MemberIDs...)}
}

// OrgCohortCreate is the body of POST /api/v1/org/programmes/{id}/cohorts.
type OrgCohortCreate struct {
	Name      string  `json:"name"`
	Start     string  `json:"start" doc:"YYYY-MM-DD, within the programme"`
	End       string  `json:"end" doc:"YYYY-MM-DD, within the programme"`
	MemberIDs []int64 `json:"member_ids,omitempty" doc:"person_ids of members to put in it"`
}

// OrgCohortMemberAdd is the body of POST /api/v1/org/cohorts/{id}/members.
type OrgCohortMemberAdd struct {
	PersonID int64 `json:"person_id"`
}

// OrgImport is the body of POST /api/v1/org/import.
type OrgImport struct {
	CSV string `json:"csv" doc:"the file: a header name,email,title,manager_email (title and manager_email optional) and a row per person"`
}

// OrgImportResult says who was added and updated. When a row has a
// problem nothing is written and the answer is a 400 whose fields name
// every problem ("line N: field").
type OrgImportResult struct {
	Added    []string           `json:"added"`
	Updated  []string           `json:"updated"`
	Problems []OrgImportProblem `json:"problems"`
}

// OrgImportProblem is what is wrong with a field of a row.
type OrgImportProblem struct {
	Line    int    `json:"line" doc:"the line in the file; the header is line 1"`
	Field   string `json:"field" doc:"name, email, title, manager_email, or empty for the whole row"`
	Message string `json:"message"`
}

// NewOrgImportResult converts an import's result.
func NewOrgImportResult(r *ladder.OrgImportResult) OrgImportResult {
	out := OrgImportResult{Added: append([]string{}, r.Added...), Updated: append([]string{}, r.Updated...), Problems: []OrgImportProblem{}}
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, OrgImportProblem(p))
	}
	return out
}

// AuditEntry is one entry of the audit log.
type AuditEntry struct {
	ID          int64     `json:"id"`
	At          time.Time `json:"at"`
	ActorID     *int64    `json:"actor_id" doc:"null once the actor's person is deleted"`
	ActorName   string    `json:"actor_name"`
	Action      string    `json:"action" doc:"such as member.role or invitation.create"`
	SubjectKind string    `json:"subject_kind" enum:"organisation,person,invitation,programme,cohort"`
	SubjectID   int64     `json:"subject_id"`
	SubjectName string    `json:"subject_name"`
	Detail      string    `json:"detail"`
}

// NewAuditEntry converts an audit entry.
func NewAuditEntry(e *ladder.AuditEntry) AuditEntry {
	out := AuditEntry{ID: e.ID, At: e.At, ActorName: e.ActorName, Action: e.Action, SubjectKind: e.SubjectKind,
		SubjectID: e.SubjectID, SubjectName: e.SubjectName, Detail: e.Detail}
	if e.ActorID != 0 {
		id := e.ActorID
		out.ActorID = &id
	}
	return out
}

// AuditCSVHeader is the header of the audit log's CSV export.
var AuditCSVHeader = []string{"id", "at", "actor_id", "actor_name", "action", "subject_kind", "subject_id", "subject_name", "detail"}

// WriteAuditCSV writes entries as CSV, the same columns as the JSON. Cells
// a spreadsheet would run as a formula are prefixed with a quote.
func WriteAuditCSV(w io.Writer, es []*ladder.AuditEntry) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(AuditCSVHeader); err != nil {
		return err
	}
	for _, e := range es {
		actor := ""
		if e.ActorID != 0 {
			actor = strconv.FormatInt(e.ActorID, 10)
		}
		rec := []string{strconv.FormatInt(e.ID, 10), e.At.UTC().Format(time.RFC3339), actor, csvSafe(e.ActorName), e.Action,
			e.SubjectKind, strconv.FormatInt(e.SubjectID, 10), csvSafe(e.SubjectName), csvSafe(e.Detail)}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvSafe defuses spreadsheet formulas in text others typed (names).
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
