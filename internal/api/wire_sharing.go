package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// SharingChoice is what a member shares with each audience: the body of
// PUT /api/v1/sharing, which replaces every choice.
type SharingChoice struct {
	Mentor  []string `json:"mentor" doc:"the parts shared with your mentors (any of readiness, gaps, plan, evidence, journal)"`
	Manager []string `json:"manager" doc:"the parts shared with your manager (any of readiness, gaps, plan, evidence, journal)"`
	Admins  []string `json:"programme_admins" doc:"the parts shared with the programme admins and owners (any of readiness, gaps, plan, evidence, journal)"`
}

func (c SharingChoice) with() map[string]ladder.ShareSet {
	return map[string]ladder.ShareSet{ladder.AudienceMentor: c.Mentor, ladder.AudienceManager: c.Manager, ladder.AudienceAdmins: c.Admins}
}

// Sharing is what you share, who may see it now, and who looked.
type Sharing struct {
	SharingChoice
	UpdatedAt    *time.Time  `json:"updated_at" doc:"when you last chose; null when never (then nothing is shared)"`
	Organisation string      `json:"organisation"`
	Who          SharingWho  `json:"who" doc:"who is in each audience now, by name (never you)"`
	Views        []AuditView `json:"views" doc:"the newest views of your data recorded in the audit log, newest first (at most 50)"`
	ViewsTotal   int         `json:"views_total" doc:"how many views are recorded in all"`
}

// SharingWho names the people in each audience.
type SharingWho struct {
	Mentor  []string `json:"mentor"`
	Manager []string `json:"manager"`
	Admins  []string `json:"programme_admins"`
}

// AuditView is one recorded view of your data.
type AuditView struct {
	At        time.Time `json:"at"`
	ActorName string    `json:"actor_name" doc:"who looked; empty once their profile is deleted"`
	Action    string    `json:"action" doc:"such as view.member"`
	Detail    string    `json:"detail" doc:"what was shown"`
}

// NewSharing converts a member's sharing page.
func NewSharing(s *journey.SharingSettings) Sharing {
	set := func(a string) []string { return append([]string{}, s.Sharing.For(a)...) }
	who := func(a string) []string { return append([]string{}, s.Who[a]...) }
	out := Sharing{SharingChoice: SharingChoice{Mentor: set(ladder.AudienceMentor), Manager: set(ladder.AudienceManager), Admins: set(ladder.AudienceAdmins)},
		Organisation: s.Org.Name, Who: SharingWho{Mentor: who(ladder.AudienceMentor), Manager: who(ladder.AudienceManager), Admins: who(ladder.AudienceAdmins)},
		Views: []AuditView{}, ViewsTotal: s.ViewsTotal}
	if at := s.Sharing.UpdatedAt; !at.IsZero() {
		out.UpdatedAt = &at
	}
	for _, e := range s.Views {
		out.Views = append(out.Views, AuditView{At: e.At, ActorName: e.ActorName, Action: e.Action, Detail: e.Detail})
	}
	return out
}

// SupportedPerson is a member you mentor or manage, with what they share
// with you.
type SupportedPerson struct {
	PersonID int64    `json:"person_id"`
	Name     string   `json:"name"`
	Title    string   `json:"title"`
	As       []string `json:"as" doc:"your audiences for them: mentor, manager, programme_admins"`
	Shared   []string `json:"shared" doc:"the parts they share with you"`
}

// NewSupportedPerson converts a member one supports.
func NewSupportedPerson(s journey.Supported) SupportedPerson {
	return SupportedPerson{PersonID: s.Member.PersonID, Name: s.Member.Name, Title: s.Member.Title,
		As: append([]string{}, s.Audiences...), Shared: append([]string{}, s.Shared...)}
}

// MemberView is what a member shares with you. A part they do not share
// is absent; `shared` lists those present.
type MemberView struct {
	SupportedPerson
	NoTarget     string          `json:"no_target,omitempty" doc:"why readiness and gaps are missing although shared"`
	Readiness    *Readiness      `json:"readiness,omitempty" doc:"towards their own target role"`
	Gaps         *[]Gap          `json:"gaps,omitempty" doc:"largest weighted gap first"`
	Plan         *Plan           `json:"plan,omitempty" doc:"absent too when shared but they have no plan"`
	PlanProgress *PlanProgress   `json:"plan_progress,omitempty"`
	Evidence     *[]Evidence     `json:"evidence,omitempty" doc:"the newest 50 entries"`
	EvidenceAll  int             `json:"evidence_total,omitempty" doc:"how many entries there are in all"`
	Journal      *[]JournalEntry `json:"journal,omitempty" doc:"the newest 50 entries"`
	JournalAll   int             `json:"journal_total,omitempty" doc:"how many entries there are in all"`
}

// PlanProgress counts a plan's goals and its actions that are not dropped.
type PlanProgress struct {
	ActionsDone int `json:"actions_done"`
	Actions     int `json:"actions"`
	Overdue     int `json:"overdue" doc:"actions due before today and not done"`
	GoalsDone   int `json:"goals_done"`
	Goals       int `json:"goals"`
}

// NewMemberView converts a member view, leaving out what is not shared.
func NewMemberView(v *journey.MemberView) MemberView {
	rel := v.Relation
	out := MemberView{SupportedPerson: NewSupportedPerson(journey.Supported{Member: rel.Member, Audiences: rel.Audiences, Shared: rel.Shared}),
		NoTarget: v.NoTarget}
	if v.Readiness != nil {
		r := NewReadiness(*v.Readiness, v.Trend)
		r.Attribution = v.Attribution
		out.Readiness = &r
	}
	if rel.Shared.Has(ladder.ShareGaps) {
		gs := NewGaps(v.Gaps)
		out.Gaps = &gs
	}
	if v.Plan != nil {
		pl, t := NewPlan(v.Plan), v.Progress
		out.Plan = &pl
		out.PlanProgress = &PlanProgress{ActionsDone: t.Done, Actions: t.Total, Overdue: t.Overdue, GoalsDone: t.GoalsDone, Goals: t.Goals}
	}
	if rel.Shared.Has(ladder.ShareEvidence) {
		es := make([]Evidence, 0, len(v.Evidence))
		for _, e := range v.Evidence {
			es = append(es, NewEvidence(e))
		}
		out.Evidence, out.EvidenceAll = &es, v.EvidenceTotal
	}
	if rel.Shared.Has(ladder.ShareJournal) {
		js := make([]JournalEntry, 0, len(v.Journal))
		for _, e := range v.Journal {
			js = append(js, NewJournalEntry(e))
		}
		out.Journal, out.JournalAll = &js, v.JournalTotal
	}
	return out
}
