package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// ExportManager is the record of becoming a manager.
type ExportManager struct {
	Start     time.Time `json:"start" doc:"day 1 of the role, 00:00 UTC"`
	TeamName  string    `json:"team_name"`
	TeamSize  int       `json:"team_size"`
	Title     string    `json:"title"`
	Situation string    `json:"situation" enum:"start-up,turnaround,accelerated-growth,realignment,sustaining-success"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ExportFirst90Step is a step of the 30/60/90-day plan.
type ExportFirst90Step struct {
	ID          int64      `json:"id"`
	Key         string     `json:"key"`
	Phase       string     `json:"phase"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Theme       string     `json:"theme"`
	Emphasised  bool       `json:"emphasised"`
	Due         time.Time  `json:"due"`
	Done        bool       `json:"done"`
	DoneAt      *time.Time `json:"done_at"`
	Note        string     `json:"note"`
}

// ExportTeamMember is a team member with their one-to-ones, oldest first.
type ExportTeamMember struct {
	ID           int64            `json:"id"`
	Name         string           `json:"name"`
	Role         string           `json:"role"`
	Strengths    string           `json:"strengths"`
	Goals        string           `json:"goals"`
	Concerns     string           `json:"concerns"`
	Notes        string           `json:"notes"`
	NextOneToOne *time.Time       `json:"next_one_to_one"`
	CreatedAt    time.Time        `json:"created_at"`
	UpdatedAt    time.Time        `json:"updated_at"`
	OneToOnes    []ExportOneToOne `json:"one_to_ones"`
}

// ExportOneToOne is a one-to-one with its follow-ups in order.
type ExportOneToOne struct {
	ID        int64            `json:"id"`
	Date      time.Time        `json:"date"`
	Notes     string           `json:"notes"`
	FollowUps []ExportFollowUp `json:"follow_ups"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
}

// ExportFollowUp is something agreed in a one-to-one.
type ExportFollowUp struct {
	Text string     `json:"text"`
	Due  *time.Time `json:"due"`
	Done bool       `json:"done"`
}

// ExportStakeholder is a stakeholder.
type ExportStakeholder struct {
	ID          int64      `json:"id"`
	Name        string     `json:"name"`
	Role        string     `json:"role"`
	Influence   int        `json:"influence" doc:"1-5"`
	Interest    int        `json:"interest" doc:"1-5"`
	Needs       string     `json:"needs"`
	Notes       string     `json:"notes"`
	NextContact *time.Time `json:"next_contact"`
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// ExportTrustWeek is the trust habits ticked in a week.
type ExportTrustWeek struct {
	Week   time.Time `json:"week" doc:"the Monday, 00:00 UTC"`
	Habits []string  `json:"habits"`
}

// ExportDelegation is an item of the delegation list.
type ExportDelegation struct {
	ID           int64     `json:"id"`
	Task         string    `json:"task"`
	Owner        string    `json:"owner"`
	Status       string    `json:"status" enum:"mine,handing-over,delegated"`
	HoursPerWeek float64   `json:"hours_per_week"`
	Notes        string    `json:"notes"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// exportFirst90 converts the first 90 days of d into out.
func exportFirst90(out *Export, d *ladder.PersonData) {
	out.First90, out.Team, out.Stakeholders = []ExportFirst90Step{}, []ExportTeamMember{}, []ExportStakeholder{}
	out.Trust, out.Delegations = []ExportTrustWeek{}, []ExportDelegation{}
	if m := d.Manager; m != nil {
		out.Manager = &ExportManager{Start: m.Start.UTC(), TeamName: m.TeamName, TeamSize: m.TeamSize, Title: m.Title,
			Situation: m.Situation, CreatedAt: m.CreatedAt.UTC(), UpdatedAt: m.UpdatedAt.UTC()}
	}
	for _, s := range d.First90 {
		out.First90 = append(out.First90, ExportFirst90Step{ID: s.ID, Key: s.Key, Phase: s.Phase, Title: s.Title,
			Description: s.Description, Theme: s.Theme, Emphasised: s.Emphasised, Due: s.Due.UTC(), Done: s.Done,
			DoneAt: optTime(s.DoneAt), Note: s.Note})
	}
	index := map[int64]int{}
	for _, m := range d.Team {
		index[m.ID] = len(out.Team)
		out.Team = append(out.Team, ExportTeamMember{ID: m.ID, Name: m.Name, Role: m.Role, Strengths: m.Strengths, Goals: m.Goals,
			Concerns: m.Concerns, Notes: m.Notes, NextOneToOne: optTime(m.NextOneToOne), CreatedAt: m.CreatedAt.UTC(),
			UpdatedAt: m.UpdatedAt.UTC(), OneToOnes: []ExportOneToOne{}})
	}
	for _, o := range d.OneToOnes {
		i, ok := index[o.MemberID]
		if !ok {
			continue
		}
		w := ExportOneToOne{ID: o.ID, Date: o.Date.UTC(), Notes: o.Notes, FollowUps: []ExportFollowUp{},
			CreatedAt: o.CreatedAt.UTC(), UpdatedAt: o.UpdatedAt.UTC()}
		for _, fu := range o.FollowUps {
			w.FollowUps = append(w.FollowUps, ExportFollowUp{Text: fu.Text, Due: optTime(fu.Due), Done: fu.Done})
		}
		out.Team[i].OneToOnes = append(out.Team[i].OneToOnes, w)
	}
	for _, s := range d.Stakeholders {
		out.Stakeholders = append(out.Stakeholders, ExportStakeholder{ID: s.ID, Name: s.Name, Role: s.Role, Influence: s.Influence,
			Interest: s.Interest, Needs: s.Needs, Notes: s.Notes, NextContact: optTime(s.NextContact),
			CreatedAt: s.CreatedAt.UTC(), UpdatedAt: s.UpdatedAt.UTC()})
	}
	for _, w := range d.Trust {
		out.Trust = append(out.Trust, ExportTrustWeek{Week: w.Week.UTC(), Habits: strs(w.Habits)})
	}
	for _, dl := range d.Delegations {
		out.Delegations = append(out.Delegations, ExportDelegation{ID: dl.ID, Task: dl.Task, Owner: dl.Owner, Status: dl.Status,
			HoursPerWeek: dl.HoursPerWeek, Notes: dl.Notes, CreatedAt: dl.CreatedAt.UTC(), UpdatedAt: dl.UpdatedAt.UTC()})
	}
}

// first90Data converts the first 90 days of x back into d. Members get
// their place in the list (from 1) as id, which their one-to-ones name; the
// import gives new ids.
func first90Data(x *Export, d *ladder.PersonData) {
	if m := x.Manager; m != nil {
		d.Manager = &ladder.ManagerRole{Start: us(m.Start), TeamName: m.TeamName, TeamSize: m.TeamSize, Title: m.Title,
			Situation: m.Situation, CreatedAt: us(m.CreatedAt), UpdatedAt: us(m.UpdatedAt)}
	}
	for _, s := range x.First90 {
		d.First90 = append(d.First90, &ladder.First90Step{Key: s.Key, Phase: s.Phase, Title: s.Title, Description: s.Description,
			Theme: s.Theme, Emphasised: s.Emphasised, Due: us(s.Due), Done: s.Done, DoneAt: deref(s.DoneAt), Note: s.Note})
	}
	for i, m := range x.Team {
		id := int64(i + 1)
		d.Team = append(d.Team, &ladder.TeamMember{ID: id, Name: m.Name, Role: m.Role, Strengths: m.Strengths, Goals: m.Goals,
			Concerns: m.Concerns, Notes: m.Notes, NextOneToOne: deref(m.NextOneToOne), CreatedAt: us(m.CreatedAt), UpdatedAt: us(m.UpdatedAt)})
		for _, o := range m.OneToOnes {
			do := &ladder.OneToOne{MemberID: id, Date: us(o.Date), Notes: o.Notes, CreatedAt: us(o.CreatedAt), UpdatedAt: us(o.UpdatedAt)}
			for _, fu := range o.FollowUps {
				do.FollowUps = append(do.FollowUps, ladder.FollowUp{Text: fu.Text, Due: deref(fu.Due), Done: fu.Done})
			}
			d.OneToOnes = append(d.OneToOnes, do)
		}
	}
	for _, s := range x.Stakeholders {
		d.Stakeholders = append(d.Stakeholders, &ladder.Stakeholder{Name: s.Name, Role: s.Role, Influence: s.Influence,
			Interest: s.Interest, Needs: s.Needs, Notes: s.Notes, NextContact: deref(s.NextContact),
			CreatedAt: us(s.CreatedAt), UpdatedAt: us(s.UpdatedAt)})
	}
	for _, w := range x.Trust {
		d.Trust = append(d.Trust, &ladder.TrustWeek{Week: us(w.Week), Habits: strs(w.Habits)})
	}
	for _, dl := range x.Delegations {
		d.Delegations = append(d.Delegations, &ladder.Delegation{Task: dl.Task, Owner: dl.Owner, Status: dl.Status,
			HoursPerWeek: dl.HoursPerWeek, Notes: dl.Notes, CreatedAt: us(dl.CreatedAt), UpdatedAt: us(dl.UpdatedAt)})
	}
}
