package journey_test

import (
	"slices"
	"testing"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/sqldb"
	"github.com/ladderhq/ladder/internal/sqldb/sqldbtest"
)

// TestRelationTo: what a viewer may see of a member is the union of what
// the member shares with each audience the viewer belongs to, and nothing
// for anyone else.
func TestRelationTo(t *testing.T) {
	sqldbtest.Each(t, func(t *testing.T, db *sqldb.DB) {
		f := newOrgJourneyFixture(t, db)
		j := f.j
		// Ada (programme admin) mentors Max; Olga (owner) manages him.
		if err := j.SetOrgMentor(ctx, f.owner, f.admin.ID, f.member.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, err := j.UpdateOrgMember(ctx, f.owner, f.member.ID, ladder.OrgMemberUpdate{ManagerID: &f.owner.ID}); err != nil {
			t.Fatal(err)
		}
		if _, err := j.SetSharing(ctx, f.member, map[string]ladder.ShareSet{
			ladder.AudienceMentor:  {ladder.SharePlan},
			ladder.AudienceManager: {ladder.ShareReadiness, ladder.ShareJournal},
		}); err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name      string
			actor     *ladder.Person
			subject   int64
			code      string
			audiences []string
			shared    ladder.ShareSet
		}{
			{"mentor and admin", f.admin, f.member.ID, "", []string{ladder.AudienceMentor, ladder.AudienceAdmins}, ladder.ShareSet{ladder.SharePlan}},
			{"manager and owner", f.owner, f.member.ID, "", []string{ladder.AudienceManager, ladder.AudienceAdmins},
				ladder.ShareSet{ladder.ShareReadiness, ladder.ShareJournal}},
			{"admin of someone sharing nothing", f.admin, f.owner.ID, "", []string{ladder.AudienceAdmins}, nil},
			{"plain member", f.member, f.admin.ID, ladder.EFORBIDDEN, nil, nil},
			{"other organisation", f.zed, f.member.ID, ladder.ENOTFOUND, nil, nil},
			{"no organisation", f.loner, f.member.ID, ladder.ENOTFOUND, nil, nil},
			{"oneself", f.member, f.member.ID, ladder.EINVALID, nil, nil},
		} {
			t.Run(tc.name, func(t *testing.T) {
				rel, err := j.RelationTo(ctx, tc.actor, tc.subject)
				if ladder.ErrorCode(err) != tc.code {
					t.Fatalf("error %v, want code %q", err, tc.code)
				}
				if err != nil {
					return
				}
				if !slices.Equal(rel.Audiences, tc.audiences) || !slices.Equal(rel.Shared, tc.shared) {
					t.Errorf("audiences %v shared %v, want %v %v", rel.Audiences, rel.Shared, tc.audiences, tc.shared)
				}
			})
		}
		if _, err := j.Sharing(ctx, f.loner); ladder.ErrorCode(err) != ladder.ENOTFOUND {
			t.Errorf("sharing of a person in no organisation: %v", err)
		}
	})
}
