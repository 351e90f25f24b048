package journey

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/ladderhq/ladder"
)

// exportNetwork adds the person's mentors, sessions, contacts, memberships
// and events to d, each by creation (sessions and events by date), oldest
// first, so an import inserts them in the same order.
func (j *Journey) exportNetwork(ctx context.Context, d *ladder.PersonData) (err error) {
	id := d.Person.ID
	if d.Mentors, err = j.Mentors.FindMentors(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Mentors, func(a, b *ladder.Mentor) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Sessions, err = j.Mentors.FindMentoringSessions(ctx, id, 0); err != nil {
		return err
	}
	slices.SortStableFunc(d.Sessions, func(a, b *ladder.MentoringSession) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	if d.Contacts, err = j.Network.FindContacts(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Contacts, func(a, b *ladder.Contact) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Memberships, err = j.Network.FindMemberships(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Memberships, func(a, b *ladder.Membership) int {
		return cmp.Or(a.CreatedAt.Compare(b.CreatedAt), cmp.Compare(a.ID, b.ID))
	})
	if d.Events, err = j.Network.FindNetworkEvents(ctx, id); err != nil {
		return err
	}
	slices.SortStableFunc(d.Events, func(a, b *ladder.NetworkEvent) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	return nil
}

// invalid is an EINVALID error naming one field.
func invalid(message, field, format string, args ...any) error {
	return &ladder.Error{Code: ladder.EINVALID, Message: message, Fields: map[string]string{field: fmt.Sprintf(format, args...)}}
}

// validateNetworkImport checks the mentoring and network records of d as
// the services would, and that every reference (a session's mentor, an
// agreed action's plan action, an event's contacts) names a record of d by
// its id in the file.
func validateNetworkImport(m *ladder.Model, d *ladder.PersonData) error {
	known := func(keys ...string) error {
		for _, k := range keys {
			if _, ok := m.Competency(k); k != "" && !ok {
				return invalid("Unknown competency.", "competencies", "unknown competency %q", k)
			}
		}
		return nil
	}
	mentors := map[int64]bool{}
	for i, mt := range d.Mentors {
		where := fmt.Sprintf("mentors[%d]", i)
		if err := mt.Validate(); err != nil {
			return importErr(where, err)
		}
		if err := known(mt.Strengths...); err != nil {
			return importErr(where, err)
		}
		for _, c := range mt.Criteria {
			if !knownCriterion(c) {
				return importErr(where, invalid("The mentor is not valid.", "criteria", "unknown criterion %q", c))
			}
		}
		if mt.ID != 0 && mentors[mt.ID] {
			return importErr(where, invalid("The mentor is not valid.", "id", "is listed twice"))
		}
		mentors[mt.ID] = true
		mt.Strengths, mt.Criteria = uniqueSorted(mt.Strengths), uniqueSorted(mt.Criteria)
	}
	planActions := map[int64]bool{}
	if d.Plan != nil {
		for _, g := range d.Plan.Goals {
			for _, a := range g.Actions {
				planActions[a.ID] = a.ID != 0
			}
		}
	}
	linked := map[int64]bool{}
	for i, s := range d.Sessions {
		where := fmt.Sprintf("sessions[%d]", i)
		if err := s.Validate(); err != nil {
			return importErr(where, err)
		}
		if !mentors[s.MentorID] {
			return importErr(where, invalid("The mentoring session is not valid.", "mentor", "is not a mentor of the file"))
		}
		for _, a := range s.Actions {
			if err := known(a.Competency); err != nil {
				return importErr(where, err)
			}
			if a.PlanActionID == 0 {
				continue
			}
			if !planActions[a.PlanActionID] || linked[a.PlanActionID] {
				return importErr(where, invalid("The mentoring session is not valid.", "actions",
					"plan action %d is not an action of the plan, or is linked twice", a.PlanActionID))
			}
			linked[a.PlanActionID] = true
		}
	}
	contacts := map[int64]bool{}
	for i, c := range d.Contacts {
		where := fmt.Sprintf("contacts[%d]", i)
		if err := c.Validate(); err != nil {
			return importErr(where, err)
		}
		if c.ID != 0 && contacts[c.ID] {
			return importErr(where, invalid("The contact is not valid.", "id", "is listed twice"))
		}
		contacts[c.ID] = true
	}
	orgs := map[string]bool{}
	for i, ms := range d.Memberships {
		where := fmt.Sprintf("memberships[%d]", i)
		if err := ms.Validate(); err != nil {
			return importErr(where, err)
		}
		if ms.OrgKey != "" && (!knownOrg(ms.OrgKey) || orgs[ms.OrgKey]) {
			return importErr(where, invalid("The membership is not valid.", "organisation", "%q is unknown or listed twice", ms.OrgKey))
		}
		orgs[ms.OrgKey] = ms.OrgKey != ""
	}
	for i, e := range d.Events {
		where := fmt.Sprintf("events[%d]", i)
		if err := e.Validate(); err != nil {
			return importErr(where, err)
		}
		for _, c := range e.ContactIDs {
			if c == 0 || !contacts[c] {
				return importErr(where, invalid("The event is not valid.", "contacts", "contact %d is not a contact of the file", c))
			}
		}
	}
	return nil
}
