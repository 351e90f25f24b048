// Package journey is the application layer of the personal journey: it ties
// the store, the competency model, the O*NET data and the readiness
// computations together so the CLI, the web pages and the API all run the
// same logic.
package journey

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/mail"
	"github.com/ladderhq/ladder/internal/model"
	"github.com/ladderhq/ladder/internal/onet"
	"github.com/ladderhq/ladder/internal/readiness"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/textmatch"
)

// Journey holds the services the personal journey needs.
type Journey struct {
	DB          *sqldb.DB
	Persons     ladder.PersonService
	Assessments ladder.AssessmentService
	Models      ladder.ModelService
	Settings    ladder.SettingService
	Evidence    ladder.EvidenceService
	Journal     ladder.JournalService
	// Learning holds learning items and weekly time logs.
	Learning ladder.LearningService
	// Certifications holds people's certification records and degree.
	Certifications ladder.CertificationService
	// Mentors holds mentors and mentoring sessions; Network contacts,
	// memberships and events.
	Mentors ladder.MentorService
	Network ladder.NetworkService
	// Manager holds the manager record, the 30/60/90 plan and the trust
	// checklist; Team, Stakeholders and Delegations the rest of C16.
	Manager      ladder.ManagerService
	Team         ladder.TeamService
	Stakeholders ladder.StakeholderService
	Delegations  ladder.DelegationService
	// Opportunities holds the opportunities pipeline and supervisor talks.
	Opportunities ladder.OpportunityService
	// Resume holds resume bullets and interview practice answers.
	Resume ladder.ResumeService
	// Orgs holds organisations, members, mentor assignments and
	// invitations; OrgProgrammes programmes and cohorts; AuditLog the
	// organisations' audit log. Authorisation is Can's (org.go).
	Orgs          ladder.OrgService
	OrgProgrammes ladder.ProgrammeService
	AuditLog      ladder.AuditService
	// Shares holds what members share with their mentors, manager and
	// programme admins (sharing.go).
	Shares ladder.SharingService
	// Feedback holds rounds of 360 feedback, raters and their answers.
	Feedback ladder.FeedbackService
	// CohortRounds starts rounds for a cohort's members and reports their
	// progress (feedback_cohort.go).
	CohortRounds ladder.CohortFeedbackService
	// SSO holds organisations' single sign-on, sign-ins under way and
	// linked identities (sso.go).
	SSO ladder.SSOService
	// Pipelines reads the pipeline views' inputs for many people at once
	// (pipeline.go).
	Pipelines ladder.PipelineService
	// Mail sends invitations, rater links and reminders; nil when mail is
	// not set up (pages then show each new link once, to copy). PublicURL
	// is the address links start with, such as https://ladder.example.com;
	// the web layer uses the request's own address when it is empty.
	Mail      mail.Sender
	PublicURL string
	// ONET returns the O*NET dataset; it is loaded on first use.
	ONET func() (*onet.Dataset, error)

	// The caches hold only what is derived from immutable inputs (a stored
	// model version, the O*NET dataset), so replicas never disagree.
	mu        sync.Mutex
	models    map[int64]*ladder.Model
	priors    map[priorKey]priorValue
	snapshots map[snapshotKey]*Snapshot
	pipeline  map[pipelineKey]*ladder.PipelineSummary
}

type priorKey struct {
	model *ladder.Model
	data  *onet.Dataset
	start string
}

type priorValue struct {
	prior       map[string]readiness.Prior
	attribution string
}

// New returns a Journey on db.
func New(db *sqldb.DB, onetData func() (*onet.Dataset, error)) *Journey {
	j := &Journey{DB: db, Persons: sqldb.NewPersonService(db), Models: sqldb.NewModelService(db),
		Settings: sqldb.NewSettingService(db), ONET: onetData}
	j.Assessments = sqldb.NewAssessmentService(db, j.Model)
	j.Evidence = sqldb.NewEvidenceService(db, j.Model)
	j.Journal = sqldb.NewJournalService(db, j.Model)
	j.Learning = sqldb.NewLearningService(db, j.Model)
	j.Certifications = sqldb.NewCertificationService(db, knownCert)
	j.Mentors = sqldb.NewMentorService(db, j.Model, knownCriterion)
	j.Network = sqldb.NewNetworkService(db, knownOrg)
	j.Manager = sqldb.NewManagerService(db, knownHabit)
	j.Team = sqldb.NewTeamService(db)
	j.Stakeholders = sqldb.NewStakeholderService(db)
	j.Delegations = sqldb.NewDelegationService(db)
	j.Opportunities = sqldb.NewOpportunityService(db)
	j.Resume = sqldb.NewResumeService(db, knownQuestion)
	j.Orgs, j.OrgProgrammes, j.AuditLog = sqldb.NewOrgService(db), sqldb.NewProgrammeService(db, j.Model), sqldb.NewAuditService(db)
	j.Shares = sqldb.NewSharingService(db)
	fb := sqldb.NewFeedbackService(db, j.Model)
	j.Feedback, j.CohortRounds = fb, fb
	j.SSO = sqldb.NewSSOService(db)
	j.Pipelines = sqldb.NewPipelineService(db)
	return j
}

// Model returns the competency model in use: an imported one, else the
// built-in default. An imported model is parsed once per version.
func (j *Journey) Model(ctx context.Context) (*ladder.Model, error) {
	id, err := j.Models.ActiveModelID(ctx)
	if err != nil {
		return nil, err
	}
	if id == 0 {
		return model.Default(), nil
	}
	j.mu.Lock()
	m := j.models[id]
	j.mu.Unlock()
	if m != nil {
		return m, nil
	}
	m, err = j.Models.ActiveModel(ctx)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return model.Default(), nil // reset meanwhile
	} else if err != nil {
		return nil, err
	}
	j.mu.Lock()
	if j.models == nil {
		j.models = map[int64]*ladder.Model{}
	}
	j.models[id] = m
	j.mu.Unlock()
	return m, nil
}

// StartRole is a resolved starting point: one of the model's roles, or an
// O*NET occupation.
type StartRole struct {
	Value    string // what is stored: a role slug or an O*NET code
	Title    string
	Role     *ladder.Role // nil for a bare O*NET occupation
	ONETCode string       // the occupation whose data informs the prior
	Proxy    bool         // ONETCode stands in for an unrated occupation
}

// ResolveStart finds a start role by slug, title or O*NET code. Unknown
// input is ENOTFOUND with the closest matches listed.
func (j *Journey) ResolveStart(ctx context.Context, m *ladder.Model, input string) (*StartRole, error) {
	in := strings.TrimSpace(input)
	if r, ok := findRole(m, in, ""); ok {
		s := &StartRole{Value: r.Slug, Title: r.Title, Role: &r, ONETCode: r.ONETCode}
		if r.ONETProxy != "" {
			s.ONETCode, s.Proxy = r.ONETProxy, true
		}
		return s, nil
	}
	d, err := j.ONET()
	if err != nil {
		return nil, err
	}
	if o, ok := d.Occupation(in); ok {
		s := &StartRole{Value: o.Code, Title: o.Title, ONETCode: o.Code}
		if !d.Rated(o, onet.DomainSkills) {
			s.ONETCode, s.Proxy = ratedStandIn(m, d, o), true
		}
		return s, nil
	}
	return nil, notFound("start role", in, roleSuggestions(m, in, ""), d.Suggest(in, 5))
}

// ResolveTarget finds a target role by slug or title.
func (j *Journey) ResolveTarget(m *ladder.Model, input string) (ladder.Role, error) {
	in := strings.TrimSpace(input)
	if r, ok := findRole(m, in, ladder.RoleTarget); ok {
		return r, nil
	}
	return ladder.Role{}, notFound("target role", in, roleSuggestions(m, in, ladder.RoleTarget), nil)
}

// ratedStandIn picks a rated occupation for one O*NET has not rated yet: the
// proxy one of our roles names for it, else the first rated occupation O*NET
// lists as related. "" when there is none.
func ratedStandIn(m *ladder.Model, d *onet.Dataset, o *onet.Occupation) string {
	for _, r := range m.Roles {
		if r.ONETCode == o.Code && r.ONETProxy != "" {
			return r.ONETProxy
		}
	}
	for _, code := range o.Related {
		if rel, ok := d.Occupation(code); ok && d.Rated(rel, onet.DomainSkills) {
			return rel.Code
		}
	}
	return ""
}

func findRole(m *ladder.Model, in, kind string) (ladder.Role, bool) {
	for _, r := range m.Roles {
		if kind != "" && r.Kind != kind {
			continue
		}
		if r.Slug == strings.ToLower(in) || strings.EqualFold(r.Title, in) {
			return r, true
		}
	}
	return ladder.Role{}, false
}

// roleSuggestions ranks roles by how close their slug or title is to in.
func roleSuggestions(m *ladder.Model, in, kind string) []string {
	type cand struct {
		s string
		d int
	}
	var cs []cand
	low := strings.ToLower(in)
	for _, r := range m.Roles {
		if kind != "" && r.Kind != kind {
			continue
		}
		d := min(textmatch.EditDistance(low, r.Slug), textmatch.EditDistance(low, strings.ToLower(r.Title)))
		switch {
		case low == "":
		case strings.Contains(r.Slug, low) || strings.Contains(strings.ToLower(r.Title), low):
			d = 0
		case textmatch.Subsequence(low, r.Slug):
			// Abbreviations such as "sysadmn" or "dba" keep their letters in order.
			d = 1
		}
		cs = append(cs, cand{fmt.Sprintf("%s (%s)", r.Slug, r.Title), d})
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].d < cs[j].d })
	var out []string
	for i, c := range cs {
		if i == 5 || (i >= 3 && c.d > 3) {
			break
		}
		out = append(out, c.s)
	}
	return out
}

func notFound(what, in string, roles []string, occs []onet.SearchResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "unknown %s %q", what, in)
	if len(roles) > 0 {
		b.WriteString("; closest roles: " + strings.Join(roles, ", "))
	}
	if len(occs) > 0 {
		var s []string
		for _, o := range occs {
			s = append(s, o.Code+" "+o.Title)
		}
		b.WriteString("; closest O*NET occupations: " + strings.Join(s, ", "))
	}
	return &ladder.Error{Code: ladder.ENOTFOUND, Message: b.String()}
}
