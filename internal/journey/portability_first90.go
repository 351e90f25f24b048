package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
)

// exportFirst90 adds the first 90 days to d in a stable order: steps by due
// day and key, the team, stakeholders and delegation items by creation,
// one-to-ones oldest first, trust weeks by week. Import inserts in this
// order, so a second export lists the same records in the same order.
func (j *Journey) exportFirst90(ctx context.Context, d *ladder.PersonData) error {
	id := d.Person.ID
	var err error
	d.Manager, err = j.Manager.FindManagerRole(ctx, id)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		d.Manager, err = nil, nil
	} else if err != nil {
		return err
	}
	if d.First90, err = j.Manager.FindFirst90Steps(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.First90, func(a, b *ladder.First90Step) int {
		return cmp.Or(a.Due.Compare(b.Due), strings.Compare(a.Key, b.Key))
	})
	if d.Team, err = j.Team.FindTeamMembers(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Team, func(a, b *ladder.TeamMember) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.OneToOnes, err = j.Team.FindOneToOnes(ctx, id, 0); err != nil {
		return err
	}
	slices.SortStableFunc(d.OneToOnes, func(a, b *ladder.OneToOne) int {
		return cmp.Or(a.Date.Compare(b.Date), a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Stakeholders, err = j.Stakeholders.FindStakeholders(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Stakeholders, func(a, b *ladder.Stakeholder) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Trust, err = j.Manager.FindTrustWeeks(ctx, id, time.Time{}, time.Time{}); err != nil {
		return err
	}
	if d.Delegations, err = j.Delegations.FindDelegations(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Delegations, func(a, b *ladder.Delegation) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	return nil
}

// validateFirst90Import checks the first-90-days records of an import.
func validateFirst90Import(d *ladder.PersonData) error {
	if d.Manager != nil {
		if err := d.Manager.Validate(); err != nil {
			return importErr("manager", err)
		}
	} else if len(d.First90) > 0 {
		return importErr("first90", invalid("The plan is not valid.", "manager", "a plan needs the manager record"))
	}
	for i, s := range d.First90 {
		if err := s.Validate(); err != nil {
			return importErr(fmt.Sprintf("first90[%d]", i), err)
		}
	}
	members := map[int64]bool{}
	for i, m := range d.Team {
		if err := m.Validate(); err != nil {
			return importErr(fmt.Sprintf("team[%d]", i), err)
		}
		members[m.ID] = true
	}
	for i, o := range d.OneToOnes {
		if err := o.Validate(); err != nil {
			return importErr(fmt.Sprintf("one_to_ones[%d]", i), err)
		}
		if !members[o.MemberID] {
			return importErr(fmt.Sprintf("one_to_ones[%d]", i), invalid("The one-to-one is not valid.", "member", "is not on the team"))
		}
	}
	for i, s := range d.Stakeholders {
		if err := s.Validate(); err != nil {
			return importErr(fmt.Sprintf("stakeholders[%d]", i), err)
		}
	}
	weeks := map[time.Time]bool{}
	for i, w := range d.Trust {
		if err := w.Validate(); err != nil {
			return importErr(fmt.Sprintf("trust[%d]", i), err)
		}
		for _, h := range w.Habits {
			if !knownHabit(h) {
				return importErr(fmt.Sprintf("trust[%d]", i), invalid("The week's checklist is not valid.", "habits", "unknown habit %q", h))
			}
		}
		if weeks[w.Week] {
			return importErr(fmt.Sprintf("trust[%d]", i), invalid("The week's checklist is not valid.", "week", "is listed twice"))
		}
		weeks[w.Week] = true
	}
	for i, dl := range d.Delegations {
		if err := dl.Validate(); err != nil {
			return importErr(fmt.Sprintf("delegations[%d]", i), err)
		}
	}
	return nil
}
