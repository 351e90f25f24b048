package journey

import (
	"context"
	"slices"

	"github.com/ladderhq/ladder"
)

// Sharing returns what the actor shares; ENOTFOUND when they belong to no
// organisation (there is nobody to share with).
func (j *Journey) Sharing(ctx context.Context, actor *ladder.Person) (*ladder.Sharing, error) {
	if _, err := j.OrgOf(ctx, actor); err != nil {
		return nil, err
	}
	return j.Shares.FindSharing(ctx, actor.ID)
}

// SetSharing replaces what the actor shares with each audience.
func (j *Journey) SetSharing(ctx context.Context, actor *ladder.Person, with map[string]ladder.ShareSet) (*ladder.Sharing, error) {
	if _, err := j.OrgOf(ctx, actor); err != nil {
		return nil, err
	}
	sh := &ladder.Sharing{PersonID: actor.ID, With: with}
	if err := j.Shares.SetSharing(ctx, sh); err != nil {
		return nil, err
	}
	return sh, nil
}

// Relation is how a viewer stands to another member of their
// organisation: as which audiences, and so what they may see.
type Relation struct {
	Member *ladder.OrgMember
	// Audiences are the viewer's audiences for the member, in
	// ladder.Audiences' order: mentor, manager, programme admins.
	Audiences []string
	// Shared is what the member shares with any of those audiences.
	Shared ladder.ShareSet
}

// RelationTo returns how actor stands to the member personID. ENOTFOUND
// when the person is not a member of the actor's organisation (nothing
// tells outsiders who is a member), EFORBIDDEN when the actor is neither
// their mentor, their manager nor a programme admin, and EINVALID for the
// actor themselves (their own pages show everything).
func (j *Journey) RelationTo(ctx context.Context, actor *ladder.Person, personID int64) (*Relation, error) {
	me, err := j.OrgOf(ctx, actor)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return nil, ladder.Errorf(ladder.ENOTFOUND, "Member not found.")
	} else if err != nil {
		return nil, err
	}
	if personID == actor.ID {
		return nil, ladder.Errorf(ladder.EINVALID, "That is you: your own pages show all of your data.")
	}
	m, err := j.Orgs.FindOrgMember(ctx, me.OrgID, personID)
	if err != nil {
		return nil, err
	}
	rel := &Relation{Member: m}
	if slices.Contains(m.MentorIDs, actor.ID) {
		rel.Audiences = append(rel.Audiences, ladder.AudienceMentor)
	}
	if m.ManagerID == actor.ID {
		rel.Audiences = append(rel.Audiences, ladder.AudienceManager)
	}
	// The programme admins audience is whoever sees the pipeline views.
	if RoleMay(me.Role, ladder.ActOrgViewPipeline) {
		rel.Audiences = append(rel.Audiences, ladder.AudienceAdmins)
	}
	if len(rel.Audiences) == 0 {
		return nil, ladder.Errorf(ladder.EFORBIDDEN, "Only %s's mentors, manager and programme admins see what they share.", m.Name)
	}
	sh, err := j.Shares.FindSharing(ctx, personID)
	if err != nil {
		return nil, err
	}
	for _, a := range rel.Audiences {
		rel.Shared = rel.Shared.Union(sh.For(a))
	}
	return rel, nil
}
