package api

import (
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/firstdays"
)

func (a *API) getManager(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	m, err := a.J.Manager.FindManagerRole(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return a.writeManager(w, m)
}

func (a *API) writeManager(w http.ResponseWriter, m *ladder.ManagerRole) error {
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewManager(m, first90.Where(c, m.Start, a.J.DB.Now())))
}

func (a *API) putManager(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body ManagerUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	m, err := body.Role(p.ID)
	if err != nil {
		return err
	}
	if _, err := a.J.BecomeManager(r.Context(), m); err != nil {
		return err
	}
	return a.writeManager(w, m)
}

func (a *API) getFirst90(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	v, err := a.J.First90(ctx, p.ID, a.J.DB.Now())
	if err != nil {
		return err
	}
	weeks, err := a.J.SplitSince(ctx, p.ID, v.Role.Start)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFirst90(v, weeks))
}

func (a *API) updateFirst90Step(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body First90StepUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	ctx := r.Context()
	// The store finds only the person's own step: another's is not found.
	st, err := a.J.Manager.FindFirst90Step(ctx, p.ID, id)
	if err != nil {
		return err
	}
	note := st.Note
	if body.Note != nil {
		note = *body.Note
	}
	if st, err = a.J.Manager.MarkFirst90Step(ctx, p.ID, id, body.Done, note); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFirst90Step(st))
}

func teamMemberRecord(b TeamMemberInput, personID int64) (*ladder.TeamMember, error) {
	return b.Member(personID, 0)
}

func teamMemberID(m *ladder.TeamMember) *int64 { return &m.ID }

func (a *API) listTeam(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Team.FindTeamMembers, NewTeamMember)
}

func (a *API) createTeamMember(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "team", teamMemberRecord, a.J.Team.CreateTeamMember, teamMemberID, NewTeamMember)
}

func (a *API) getTeamMember(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	ctx := r.Context()
	m, err := a.J.Team.FindTeamMember(ctx, p.ID, id)
	if err != nil {
		return err
	}
	os, err := a.J.Team.FindOneToOnes(ctx, p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, TeamMemberDetail{TeamMember: NewTeamMember(m), OneToOnes: wireEach(os, NewOneToOne)})
}

func (a *API) updateTeamMember(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, teamMemberRecord, a.J.Team.UpdateTeamMember, teamMemberID, NewTeamMember)
}

func (a *API) deleteTeamMember(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Team.DeleteTeamMember)
}

func (a *API) listOneToOnes(w http.ResponseWriter, r *http.Request) error {
	return listOwnUnder(w, r, a.J.Team.FindTeamMember, a.J.Team.FindOneToOnes, NewOneToOne)
}

func (a *API) createOneToOne(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body OneToOneCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	o, err := body.OneToOne(p.ID, id, a.J.DB.Now())
	if err != nil {
		return err
	}
	// The store refuses another person's member as not found.
	if err := a.J.Team.CreateOneToOne(r.Context(), o); err != nil {
		return err
	}
	w.Header().Set("Location", Prefix+"/team/"+r.PathValue("id")+"/one-to-ones")
	return writeJSON(w, http.StatusCreated, NewOneToOne(o))
}

func (a *API) updateFollowUp(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body FollowUpUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	fu, err := a.J.Team.SetFollowUpDone(r.Context(), p.ID, id, body.Done)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFollowUp(fu))
}

func stakeholderRecord(b StakeholderInput, personID int64) (*ladder.Stakeholder, error) {
	return b.Stakeholder(personID, 0)
}

func stakeholderID(s *ladder.Stakeholder) *int64 { return &s.ID }

func (a *API) listStakeholders(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Stakeholders.FindStakeholders, NewStakeholder)
}

// saveOwn decodes a body, converts it with conv (id 0 for a new record)
// and stores it with save: the create and replace handlers of the lists.

func (a *API) createStakeholder(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "stakeholders", stakeholderRecord, a.J.Stakeholders.CreateStakeholder, stakeholderID, NewStakeholder)
}

func (a *API) updateStakeholder(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, stakeholderRecord, a.J.Stakeholders.UpdateStakeholder, stakeholderID, NewStakeholder)
}

func (a *API) deleteStakeholder(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Stakeholders.DeleteStakeholder)
}

func (a *API) getTrust(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	c, err := firstdays.Load()
	if err != nil {
		return err
	}
	ws, err := a.J.Manager.FindTrustWeeks(r.Context(), p.ID, time.Time{}, time.Time{})
	if err != nil {
		return err
	}
	out := Trust{Areas: []TrustArea{}, Weeks: make([]TrustWeek, 0, len(ws))}
	for _, ar := range c.TrustHabits {
		ta := TrustArea{Area: ar.Area, Name: ar.Name}
		for _, h := range ar.Habits {
			ta.Habits = append(ta.Habits, TrustHabit{Key: h.Key, Text: h.Text})
		}
		out.Areas = append(out.Areas, ta)
	}
	for _, wk := range ws {
		out.Weeks = append(out.Weeks, TrustWeek{Week: wk.Week.Format(time.DateOnly), Habits: strs(wk.Habits)})
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) setTrustWeek(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	d, err := time.Parse(time.DateOnly, r.PathValue("week"))
	if err != nil {
		return fieldError("The week is not valid.", "week", "must be a date (YYYY-MM-DD)")
	}
	var body TrustWeekUpdate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	tw := &ladder.TrustWeek{PersonID: p.ID, Week: ladder.WeekOf(d), Habits: strs(body.Habits)}
	if err := a.J.Manager.SetTrustWeek(r.Context(), tw); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, TrustWeek{Week: tw.Week.Format(time.DateOnly), Habits: strs(tw.Habits)})
}

func (a *API) listDelegations(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	ds, err := a.J.Delegations.FindDelegations(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewDelegationList(ds))
}

func delegationRecord(b DelegationInput, personID int64) (*ladder.Delegation, error) {
	return b.Delegation(personID, 0), nil
}

func delegationID(d *ladder.Delegation) *int64 { return &d.ID }

func (a *API) createDelegation(w http.ResponseWriter, r *http.Request) error {
	return createOwn(a, w, r, "delegation", delegationRecord, a.J.Delegations.CreateDelegation, delegationID, NewDelegation)
}

func (a *API) updateDelegation(w http.ResponseWriter, r *http.Request) error {
	return updateOwn(a, w, r, delegationRecord, a.J.Delegations.UpdateDelegation, delegationID, NewDelegation)
}

func (a *API) deleteDelegation(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Delegations.DeleteDelegation)
}

// first90Operations are the operations of the first 90 days as a manager.
func (a *API) first90Operations() []Operation {
	const get, post, put, del = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete
	ok, created, none := http.StatusOK, http.StatusCreated, http.StatusNoContent
	p := Prefix
	return []Operation{
		{ID: "getManager", Method: get, Path: p + "/manager", Tag: "first90", Summary: "Your record as a new manager, with today's day of the 90",
			Description: "404 until you record your new role with PUT /api/v1/manager.",
			Status:      ok, Response: Manager{}, Errors: notFound, Handler: a.getManager},
		{ID: "putManager", Method: put, Path: p + "/manager", Tag: "first90", Summary: "Record becoming a manager, or change the record",
			Description: "Makes the 30/60/90-day plan from the template for your situation. Changing the start date or the " +
				"situation makes it again: done steps are kept (with their notes), open steps the new situation leaves out go.",
			Body: ManagerUpdate{}, Status: ok, Response: Manager{}, Handler: a.putManager},
		{ID: "getFirst90", Method: get, Path: p + "/first90", Tag: "first90", Summary: "Your 30/60/90-day plan, what is overdue and the weekly split since the start",
			Status: ok, Response: First90{}, Errors: notFound, Handler: a.getFirst90},
		{ID: "updateFirst90Step", Method: post, Path: p + "/first90/steps/{id}", Tag: "first90", Summary: "Mark a step of your plan done or not, with a note",
			PathParams: []Param{idParam}, Body: First90StepUpdate{}, Status: ok, Response: First90Step{}, Errors: notFound,
			Handler: a.updateFirst90Step},

		{ID: "listTeam", Method: get, Path: p + "/team", Tag: "first90", Summary: "Your team members, by name",
			Status: ok, Response: []TeamMember{}, Handler: a.listTeam},
		{ID: "createTeamMember", Method: post, Path: p + "/team", Tag: "first90", Summary: "Add a team member",
			Body: TeamMemberInput{}, Status: created, Response: TeamMember{},
			Headers: map[string]string{"Location": "the new member's URL"}, Handler: a.createTeamMember},
		{ID: "getTeamMember", Method: get, Path: p + "/team/{id}", Tag: "first90", Summary: "A team member with their one-to-ones, newest first",
			PathParams: []Param{idParam}, Status: ok, Response: TeamMemberDetail{}, Errors: notFound, Handler: a.getTeamMember},
		{ID: "updateTeamMember", Method: put, Path: p + "/team/{id}", Tag: "first90", Summary: "Replace what you know of a team member",
			PathParams: []Param{idParam}, Body: TeamMemberInput{}, Status: ok, Response: TeamMember{}, Errors: notFound,
			Handler: a.updateTeamMember},
		{ID: "deleteTeamMember", Method: del, Path: p + "/team/{id}", Tag: "first90", Summary: "Remove a team member with their one-to-ones",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteTeamMember},
		{ID: "listOneToOnes", Method: get, Path: p + "/team/{id}/one-to-ones", Tag: "first90", Summary: "The one-to-ones with a team member, newest first",
			PathParams: []Param{idParam}, Status: ok, Response: []OneToOne{}, Errors: notFound, Handler: a.listOneToOnes},
		{ID: "createOneToOne", Method: post, Path: p + "/team/{id}/one-to-ones", Tag: "first90", Summary: "Record a one-to-one with its follow-ups",
			Description: "With next, the member's next one-to-one is booked at the same time.",
			PathParams:  []Param{idParam}, Body: OneToOneCreate{}, Status: created, Response: OneToOne{}, Errors: notFound,
			Headers: map[string]string{"Location": "the member's one-to-ones"}, Handler: a.createOneToOne},
		{ID: "updateFollowUp", Method: post, Path: p + "/follow-ups/{id}", Tag: "first90", Summary: "Tick a one-to-one follow-up off, or open it again",
			PathParams: []Param{idParam}, Body: FollowUpUpdate{}, Status: ok, Response: FollowUp{}, Errors: notFound,
			Handler: a.updateFollowUp},

		{ID: "listStakeholders", Method: get, Path: p + "/stakeholders", Tag: "first90", Summary: "Your stakeholders with their quadrant of the influence/interest grid",
			Status: ok, Response: []Stakeholder{}, Handler: a.listStakeholders},
		{ID: "createStakeholder", Method: post, Path: p + "/stakeholders", Tag: "first90", Summary: "Add a stakeholder",
			Body: StakeholderInput{}, Status: created, Response: Stakeholder{},
			Headers: map[string]string{"Location": "the new stakeholder's URL"}, Handler: a.createStakeholder},
		{ID: "updateStakeholder", Method: put, Path: p + "/stakeholders/{id}", Tag: "first90", Summary: "Replace a stakeholder",
			PathParams: []Param{idParam}, Body: StakeholderInput{}, Status: ok, Response: Stakeholder{}, Errors: notFound,
			Handler: a.updateStakeholder},
		{ID: "deleteStakeholder", Method: del, Path: p + "/stakeholders/{id}", Tag: "first90", Summary: "Remove a stakeholder",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteStakeholder},

		{ID: "getTrust", Method: get, Path: p + "/trust", Tag: "first90", Summary: "The weekly trust-building checklist and the habits you ticked each week",
			Status: ok, Response: Trust{}, Handler: a.getTrust},
		{ID: "setTrustWeek", Method: put, Path: p + "/trust/weeks/{week}", Tag: "first90", Summary: "Set the habits you ticked in a week",
			Description: "Any day of the week stands for its Monday. The body replaces the week's ticks.",
			PathParams:  []Param{{Name: "week", Required: true, Description: "a day of the week (YYYY-MM-DD)"}},
			Body:        TrustWeekUpdate{}, Status: ok, Response: TrustWeek{}, Handler: a.setTrustWeek},

		{ID: "listDelegations", Method: get, Path: p + "/delegation", Tag: "first90", Summary: "What you still do yourself that someone else should own, and the hours freed",
			Status: ok, Response: DelegationList{}, Handler: a.listDelegations},
		{ID: "createDelegation", Method: post, Path: p + "/delegation", Tag: "first90", Summary: "Add a task to hand over",
			Body: DelegationInput{}, Status: created, Response: Delegation{},
			Headers: map[string]string{"Location": "the new item's URL"}, Handler: a.createDelegation},
		{ID: "updateDelegation", Method: put, Path: p + "/delegation/{id}", Tag: "first90", Summary: "Replace a delegation item, such as its status",
			PathParams: []Param{idParam}, Body: DelegationInput{}, Status: ok, Response: Delegation{}, Errors: notFound,
			Handler: a.updateDelegation},
		{ID: "deleteDelegation", Method: del, Path: p + "/delegation/{id}", Tag: "first90", Summary: "Remove a delegation item",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteDelegation},
	}
}
