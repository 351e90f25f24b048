package journey

import (
	"context"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

// MemberViewLimit bounds the evidence entries and journal entries a member
// view lists (the newest); the view says how many there are in all.
const MemberViewLimit = 50

// SharingSettings is what a member's sharing page shows: their choices,
// who is in each audience now, and who looked at their data lately.
type SharingSettings struct {
	Org     *ladder.Organisation
	Sharing *ladder.Sharing
	// Who names the people in each audience now, by audience; the member
	// themselves is never listed.
	Who map[string][]string
	// Views are the newest audit entries of views of the member's data;
	// ViewsTotal counts them all.
	Views      []*ladder.AuditEntry
	ViewsTotal int
}

// SharingSettings returns the actor's sharing page: ENOTFOUND when they
// belong to no organisation, so there is nobody to share with. views
// bounds the audit entries returned.
func (j *Journey) SharingSettings(ctx context.Context, actor *ladder.Person, views int) (*SharingSettings, error) {
	me, err := j.OrgOf(ctx, actor)
	if err != nil {
		return nil, err
	}
	out := &SharingSettings{Who: map[string][]string{}}
	if out.Org, err = j.Orgs.FindOrganisation(ctx, me.OrgID); err != nil {
		return nil, err
	}
	if out.Sharing, err = j.Shares.FindSharing(ctx, actor.ID); err != nil {
		return nil, err
	}
	ids := map[string][]int64{ladder.AudienceMentor: me.MentorIDs}
	if me.ManagerID != 0 {
		ids[ladder.AudienceManager] = []int64{me.ManagerID}
	}
	for a, list := range ids {
		for _, id := range list {
			p, err := j.Persons.FindPersonByID(ctx, id)
			if err != nil {
				return nil, err
			}
			out.Who[a] = append(out.Who[a], p.Name)
		}
	}
	for _, role := range []string{ladder.OrgRoleOwner, ladder.OrgRoleAdmin} {
		ms, _, err := j.Orgs.FindOrgMembers(ctx, ladder.OrgMemberFilter{OrgID: me.OrgID, Role: role})
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.PersonID != actor.ID {
				out.Who[ladder.AudienceAdmins] = append(out.Who[ladder.AudienceAdmins], m.Name)
			}
		}
	}
	slices.Sort(out.Who[ladder.AudienceAdmins])
	// The member reads the entries about themselves; the rest of the log
	// stays the owners'.
	out.Views, out.ViewsTotal, err = j.AuditLog.FindAudit(ctx, ladder.AuditFilter{OrgID: me.OrgID, PersonID: actor.ID,
		Action: ladder.AuditViewPrefix, Limit: views})
	return out, err
}

// Supported is a member the viewer supports, with what the member shares
// with them.
type Supported struct {
	Member *ladder.OrgMember
	// Audiences are the viewer's audiences for the member, in
	// ladder.Audiences' order.
	Audiences []string
	Shared    ladder.ShareSet
}

// PeopleISupport returns the actor's mentees and direct reports, by name,
// each with what they share with the actor, and whether the actor is a
// programme admin or owner (who may open any member's shared view).
// ENOTFOUND when the actor belongs to no organisation.
func (j *Journey) PeopleISupport(ctx context.Context, actor *ladder.Person) ([]Supported, bool, error) {
	me, err := j.OrgOf(ctx, actor)
	if err != nil {
		return nil, false, err
	}
	admin := RoleMay(me.Role, ladder.ActOrgViewPipeline)
	sms, err := j.Shares.FindSupported(ctx, me.OrgID, actor.ID)
	if err != nil {
		return nil, false, err
	}
	out := make([]Supported, 0, len(sms))
	for _, sm := range sms {
		s := Supported{Member: sm.Member}
		for _, a := range ladder.Audiences {
			if a == ladder.AudienceMentor && sm.Mentee || a == ladder.AudienceManager && sm.Report || a == ladder.AudienceAdmins && admin {
				s.Audiences = append(s.Audiences, a)
				s.Shared = s.Shared.Union(sm.Sharing[a])
			}
		}
		out = append(out, s)
	}
	return out, admin, nil
}

// MemberView is what a viewer sees of another member: only the parts the
// member shares with the viewer's audiences. The data of a part not
// shared is never loaded, so it cannot show by mistake.
type MemberView struct {
	Relation *Relation
	// Target is the member's own target role, when readiness or gaps are
	// shared and it is known; NoTarget says why not otherwise.
	Target   ladder.Role
	NoTarget string
	// Readiness, its Trend and Gaps (largest first) are set when shared
	// and a target is known; Attribution credits O*NET when an estimate
	// from its data counts.
	Readiness   *readiness.Result
	Trend       []readiness.Point
	Gaps        []readiness.Gap
	Attribution string
	// Plan is the member's plan when shared (nil when they have none),
	// tallied on Today.
	Plan     *ladder.Plan
	Progress PlanTally
	Today    time.Time
	// Evidence and Journal are the newest entries when shared (at most
	// MemberViewLimit), with how many there are in all.
	Evidence      []*ladder.Evidence
	EvidenceTotal int
	Journal       []*ladder.JournalEntry
	JournalTotal  int
	Model         *ladder.Model
}

// PlanTally counts a plan's goals and its actions that are not dropped:
// done, in all, and overdue (due before today and not done).
type PlanTally struct {
	Done, Total, Overdue int
	GoalsDone, Goals     int
}

// TallyPlan counts what is done of pl and what is overdue on today.
func TallyPlan(pl *ladder.Plan, today time.Time) PlanTally {
	var p PlanTally
	for _, g := range pl.Goals {
		p.Goals++
		if g.Done {
			p.GoalsDone++
		}
		for _, a := range g.Actions {
			switch {
			case a.Dropped:
				continue
			case a.Done:
				p.Done++
			case ladder.Day(a.Due).Before(today):
				p.Overdue++
			}
			p.Total++
		}
	}
	return p
}

// MemberView returns what the actor may see of the member personID (see
// RelationTo for the refusals) and records the view in the organisation's
// audit log, even when the member shares nothing.
func (j *Journey) MemberView(ctx context.Context, actor *ladder.Person, personID int64) (*MemberView, error) {
	rel, err := j.RelationTo(ctx, actor, personID)
	if err != nil {
		return nil, err
	}
	v := &MemberView{Relation: rel}
	if v.Model, err = j.Model(ctx); err != nil {
		return nil, err
	}
	shared := rel.Shared
	var evidence []*ladder.Evidence
	if shared.Has(ladder.ShareReadiness) || shared.Has(ladder.ShareGaps) {
		if evidence, err = j.memberLevels(ctx, personID, v); err != nil {
			return nil, err
		}
	}
	if shared.Has(ladder.SharePlan) {
		if err := j.memberPlan(ctx, personID, v); err != nil {
			return nil, err
		}
	}
	if shared.Has(ladder.ShareEvidence) {
		if evidence == nil {
			evidence, v.EvidenceTotal, err = j.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: personID, Limit: MemberViewLimit})
			if err != nil {
				return nil, err
			}
		} else {
			v.EvidenceTotal = len(evidence)
		}
		v.Evidence = evidence[:min(len(evidence), MemberViewLimit)]
	}
	if shared.Has(ladder.ShareJournal) {
		v.Journal, v.JournalTotal, err = j.Journal.FindJournal(ctx, ladder.JournalFilter{PersonID: personID, Limit: MemberViewLimit})
		if err != nil {
			return nil, err
		}
	}
	err = j.Audit(ctx, ladder.AuditEntry{OrgID: rel.Member.OrgID, ActorID: actor.ID, Action: ladder.AuditViewMember,
		SubjectKind: ladder.AuditPerson, SubjectID: personID,
		Detail: "saw " + shared.String() + " as " + ladder.AudienceRoles(rel.Audiences)})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// memberLevels fills readiness and gaps, as shared, from one snapshot
// towards the member's own target role, and returns the snapshot's
// evidence log for the evidence part.
func (j *Journey) memberLevels(ctx context.Context, personID int64, v *MemberView) ([]*ladder.Evidence, error) {
	p, err := j.Persons.FindPersonByID(ctx, personID)
	if err != nil {
		return nil, err
	}
	if p.TargetRole == "" {
		v.NoTarget = "has not chosen a target role yet"
		return nil, nil
	}
	s, err := j.Snapshot(ctx, p, "")
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		v.NoTarget = "aims at a target role that is no longer in the competency model"
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	v.Target = s.Target
	if v.Relation.Shared.Has(ladder.ShareReadiness) {
		res := s.Readiness()
		v.Readiness, v.Trend = &res, s.Trend()
		if res.Sources[readiness.SourcePrior] > 0 {
			v.Attribution = s.Attribution
		}
	}
	if v.Relation.Shared.Has(ladder.ShareGaps) {
		v.Gaps = s.Gaps()
		for _, g := range v.Gaps {
			if g.Source == readiness.SourcePrior {
				v.Attribution = s.Attribution
			}
		}
	}
	return s.Evidence, nil
}

// memberPlan fills the plan and its progress.
func (j *Journey) memberPlan(ctx context.Context, personID int64, v *MemberView) error {
	pl, err := j.Plans().FindPlan(ctx, personID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil
	} else if err != nil {
		return err
	}
	v.Today = ladder.Day(j.DB.Now())
	v.Plan, v.Progress = pl, TallyPlan(pl, v.Today)
	return nil
}
