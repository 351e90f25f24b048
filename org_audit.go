package ladder

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"time"
)

// OrgAction is something a person may or may not do in an organisation;
// journey.Journey.Can decides, in one place, who may do which.
type OrgAction string

// The organisation actions. The subject of each is the organisation
// unless said otherwise.
const (
	// ActOrgView: see the organisation's overview (every member).
	ActOrgView OrgAction = "org.view"
	// ActOrgManageMembers: list members with their roles, set titles,
	// managers and mentors (programme admins and owners).
	ActOrgManageMembers OrgAction = "org.members"
	// ActOrgInvite: invite people and revoke invitations (programme admins
	// and owners; only owners invite owners, see ActOrgSetRole).
	ActOrgInvite OrgAction = "org.invite"
	// ActOrgImport: import people from CSV (programme admins and owners).
	ActOrgImport OrgAction = "org.import"
	// ActOrgProgrammes: run programmes and cohorts (programme admins and
	// owners).
	ActOrgProgrammes OrgAction = "org.programmes"
	// ActOrgViewPipeline: see the pipeline views (programme admins and
	// owners).
	ActOrgViewPipeline OrgAction = "org.pipeline"
	// ActOrgSetRole: change a member's role, grant ownership (owners).
	ActOrgSetRole OrgAction = "org.role"
	// ActOrgRemoveMember: take a member out (owners).
	ActOrgRemoveMember OrgAction = "org.remove"
	// ActOrgSettings: change the name, domains and anonymity minimums
	// (owners).
	ActOrgSettings OrgAction = "org.settings"
	// ActOrgViewAudit: read and export the audit log (owners).
	ActOrgViewAudit OrgAction = "org.audit"
	// ActOrgSSO: set up, change or remove single sign-on (owners).
	ActOrgSSO OrgAction = "org.sso"
	// ActOrgCohortFeedback: start 360 rounds for the members of a cohort
	// and follow their progress, counts only (programme admins and owners).
	ActOrgCohortFeedback OrgAction = "org.cohort_feedback"
)

// OrgActions lists every action, for the authorisation matrix.
var OrgActions = []OrgAction{ActOrgView, ActOrgManageMembers, ActOrgInvite, ActOrgImport, ActOrgProgrammes,
	ActOrgViewPipeline, ActOrgSetRole, ActOrgRemoveMember, ActOrgSettings, ActOrgViewAudit, ActOrgSSO,
	ActOrgCohortFeedback}

// Subject is what an action is done to: an organisation, or a person
// (who the rules place in their organisation).
type Subject struct {
	OrgID    int64
	PersonID int64
}

// OrgSubject is the organisation with id as a subject.
func OrgSubject(id int64) Subject { return Subject{OrgID: id} }

// PersonSubject is the person with id as a subject.
func PersonSubject(id int64) Subject { return Subject{PersonID: id} }

// Audit subject kinds. The list is closed: a rater or a feedback answer is
// never a subject, so the log cannot identify who said what.
const (
	AuditOrganisation = "organisation"
	AuditPerson       = "person"
	AuditInvitation   = "invitation"
	AuditProgramme    = "programme"
	AuditCohort       = "cohort"
)

// AuditSubjectKinds lists the kinds a subject may have.
var AuditSubjectKinds = []string{AuditOrganisation, AuditPerson, AuditInvitation, AuditProgramme, AuditCohort}

// AuditEntry says who (the actor) did what (the action) to whom or what
// (the subject), and when. Names are copied when the entry is written, so
// the log reads the same after a person is deleted.
//
// An entry never holds a feedback answer or anything that identifies a
// rater: the subject of a view of 360 results is the person rated.
type AuditEntry struct {
	ID          int64
	OrgID       int64
	At          time.Time
	ActorID     int64 // 0 once the actor's person is deleted
	ActorName   string
	Action      string // such as "member.role" or "view.readiness"
	SubjectKind string
	SubjectID   int64
	SubjectName string
	Detail      string
}

var auditActionPattern = regexp.MustCompile(`^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$`)

// Validate checks an entry written by a caller: a dotted action, a known
// subject kind and a short detail.
func (e *AuditEntry) Validate() error {
	f := FieldErrors{}
	if e.OrgID == 0 {
		f.Add("org", "is required")
	}
	if len(e.Action) > 60 || !auditActionPattern.MatchString(e.Action) {
		f.Add("action", "must be dotted lower-case words, such as view.readiness")
	}
	if !slices.Contains(AuditSubjectKinds, e.SubjectKind) {
		f.Add("subject_kind", "must be one of %s", strings.Join(AuditSubjectKinds, ", "))
	}
	if len(e.Detail) > 500 {
		f.Add("detail", "must be at most 500 characters")
	}
	return f.Err("The audit entry is not valid.")
}

// AuditFilter selects entries of one organisation, newest first. Zero
// fields do not filter; To is exclusive.
type AuditFilter struct {
	OrgID    int64
	ActorID  int64
	Action   string // an action, or its prefix ending in "." ("member.")
	PersonID int64  // entries whose subject is this person
	From, To time.Time
	Offset   int
	Limit    int
}

// AuditService keeps the audit log. Entries are never changed or deleted
// (except with their organisation).
//
// Errors: EINVALID for a bad entry.
type AuditService interface {
	// WriteAudit adds an entry; the time and the names come from the
	// store.
	WriteAudit(ctx context.Context, e *AuditEntry) error
	FindAudit(ctx context.Context, f AuditFilter) ([]*AuditEntry, int, error)
}

// OrgImportRow is one person of a people import.
type OrgImportRow struct {
	Line         int // in the file; the header is line 1
	Name         string
	Email        string
	Title        string
	ManagerEmail string
}

// OrgImportProblem is what is wrong with one field of one row.
type OrgImportProblem struct {
	Line    int
	Field   string // name, email, title, manager_email, or "" for the row
	Message string
}

// OrgImportResult reports a people import: the problems (nothing was
// written if there are any), else who was added and who updated.
type OrgImportResult struct {
	Problems []OrgImportProblem
	Added    []string // emails
	Updated  []string
}
