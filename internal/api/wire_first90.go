package api

import (
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/journey"
)

// Dates of the first 90 days are days, written YYYY-MM-DD.

// Manager is the record of becoming a manager with today's position.
type Manager struct {
	Start     string `json:"start" doc:"day 1 of the role (YYYY-MM-DD)"`
	TeamName  string `json:"team_name"`
	TeamSize  int    `json:"team_size"`
	Title     string `json:"title"`
	Situation string `json:"situation" enum:"start-up,turnaround,accelerated-growth,realignment,sustaining-success"`
	Day       int    `json:"day" doc:"today's day of the plan: 1 on the start date, 0 or less before it, above days after the end"`
	Days      int    `json:"days" doc:"the length of the plan (90)"`
	Phase     string `json:"phase" doc:"the phase holding today; empty before the start and after the end"`
}

// NewManager converts a manager record and its position.
func NewManager(m *ladder.ManagerRole, pos first90.Position) Manager {
	return Manager{Start: m.Start.Format(time.DateOnly), TeamName: m.TeamName, TeamSize: m.TeamSize, Title: m.Title,
		Situation: m.Situation, Day: pos.Day, Days: pos.Days, Phase: pos.Phase.Key}
}

// ManagerUpdate is the body of PUT /api/v1/manager.
type ManagerUpdate struct {
	Start     string `json:"start" doc:"day 1 of the role (YYYY-MM-DD)"`
	TeamName  string `json:"team_name" doc:"1-200 characters"`
	TeamSize  int    `json:"team_size" doc:"1-10000 people"`
	Title     string `json:"title" doc:"your title, 1-200 characters"`
	Situation string `json:"situation" enum:"start-up,turnaround,accelerated-growth,realignment,sustaining-success"`
}

// Role converts the body; a date that does not parse is a field error.
func (b ManagerUpdate) Role(personID int64) (*ladder.ManagerRole, error) {
	start, err := time.Parse(time.DateOnly, strings.TrimSpace(b.Start))
	if err != nil {
		return nil, fieldError("The manager record is not valid.", "start", "must be a date (YYYY-MM-DD)")
	}
	return &ladder.ManagerRole{PersonID: personID, Start: start, TeamName: b.TeamName, TeamSize: b.TeamSize, Title: b.Title,
		Situation: b.Situation}, nil
}

// First90 is the 30/60/90-day plan with where the person stands.
type First90 struct {
	Manager       Manager        `json:"manager"`
	SituationName string         `json:"situation_name"`
	DoDifferently []string       `json:"do_differently" doc:"what the situation asks to do differently"`
	EarlyWins     []string       `json:"early_wins" doc:"early wins that suit the situation"`
	Done          int            `json:"done" doc:"steps done"`
	Overdue       []int64        `json:"overdue" doc:"ids of the steps not done whose due day has passed, oldest first"`
	Steps         []First90Step  `json:"steps" doc:"by due day"`
	Split         []LearningWeek `json:"split" doc:"the weeks logged since the start: technical against managerial hours"`
}

// First90Step is a dated step of the plan.
type First90Step struct {
	ID          int64   `json:"id"`
	Key         string  `json:"key" doc:"the template step's key"`
	Phase       string  `json:"phase" enum:"days-1-30,days-31-60,days-61-90"`
	Title       string  `json:"title"`
	Description string  `json:"description"`
	Theme       string  `json:"theme" enum:"know-the-team,assess-infrastructure,stakeholders,expectations-and-goals,priorities"`
	Emphasised  bool    `json:"emphasised" doc:"the situation stresses this step"`
	Due         string  `json:"due" doc:"YYYY-MM-DD"`
	Done        bool    `json:"done"`
	DoneAt      *string `json:"done_at" doc:"when it was marked done (RFC 3339); null while not done"`
	Note        string  `json:"note"`
}

// NewFirst90Step converts a step.
func NewFirst90Step(s *ladder.First90Step) First90Step {
	out := First90Step{ID: s.ID, Key: s.Key, Phase: s.Phase, Title: s.Title, Description: s.Description, Theme: s.Theme,
		Emphasised: s.Emphasised, Due: s.Due.Format(time.DateOnly), Done: s.Done, Note: s.Note}
	if !s.DoneAt.IsZero() {
		at := s.DoneAt.UTC().Format(time.RFC3339)
		out.DoneAt = &at
	}
	return out
}

// NewFirst90 converts the journey's view and the weeks since the start.
func NewFirst90(v *journey.First90View, weeks []*ladder.TimeLog) First90 {
	out := First90{Manager: NewManager(v.Role, v.Position), SituationName: v.Situation.Name,
		DoDifferently: strs(v.Situation.DoDifferently), EarlyWins: strs(v.Situation.EarlyWins), Done: v.Done,
		Overdue: []int64{}, Steps: make([]First90Step, 0, len(v.Steps)), Split: make([]LearningWeek, 0, len(weeks))}
	for _, s := range v.Overdue {
		out.Overdue = append(out.Overdue, s.ID)
	}
	for _, s := range v.Steps {
		out.Steps = append(out.Steps, NewFirst90Step(s))
	}
	for _, l := range weeks {
		out.Split = append(out.Split, NewLearningWeek(l))
	}
	return out
}

// First90StepUpdate is the body of POST /api/v1/first90/steps/{id}.
type First90StepUpdate struct {
	Done bool    `json:"done" doc:"whether the step is done"`
	Note *string `json:"note,omitempty" doc:"replaces the note; left out, the note stays"`
}

// TeamMember is a member of the person's team.
type TeamMember struct {
	ID           int64   `json:"id"`
	Name         string  `json:"name"`
	Role         string  `json:"role"`
	Strengths    string  `json:"strengths"`
	Goals        string  `json:"goals"`
	Concerns     string  `json:"concerns"`
	Notes        string  `json:"notes"`
	NextOneToOne *string `json:"next_one_to_one" doc:"YYYY-MM-DD; null when none is booked"`
}

// optDay writes a day as YYYY-MM-DD, or null when there is none.
func optDay(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// NewTeamMember converts a member.
func NewTeamMember(m *ladder.TeamMember) TeamMember {
	return TeamMember{ID: m.ID, Name: m.Name, Role: m.Role, Strengths: m.Strengths, Goals: m.Goals, Concerns: m.Concerns,
		Notes: m.Notes, NextOneToOne: optDay(m.NextOneToOne)}
}

// TeamMemberDetail is a member with their one-to-ones, newest first.
type TeamMemberDetail struct {
	TeamMember
	OneToOnes []OneToOne `json:"one_to_ones"`
}

// TeamMemberInput is the body that creates (POST /api/v1/team) or
// replaces (PUT /api/v1/team/{id}) a member.
type TeamMemberInput struct {
	Name         string `json:"name" doc:"1-200 characters"`
	Role         string `json:"role,omitempty"`
	Strengths    string `json:"strengths,omitempty"`
	Goals        string `json:"goals,omitempty"`
	Concerns     string `json:"concerns,omitempty"`
	Notes        string `json:"notes,omitempty"`
	NextOneToOne string `json:"next_one_to_one,omitempty" doc:"YYYY-MM-DD"`
}

// Member converts the body.
func (b TeamMemberInput) Member(personID, id int64) (*ladder.TeamMember, error) {
	next, err := optionalDay(b.NextOneToOne, "The team member is not valid.", "next_one_to_one")
	if err != nil {
		return nil, err
	}
	return &ladder.TeamMember{ID: id, PersonID: personID, Name: b.Name, Role: b.Role, Strengths: b.Strengths, Goals: b.Goals,
		Concerns: b.Concerns, Notes: b.Notes, NextOneToOne: next}, nil
}

// optionalDay parses an optional YYYY-MM-DD value.
func optionalDay(s, msg, field string) (time.Time, error) {
	if strings.TrimSpace(s) == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fieldError(msg, field, "must be a date (YYYY-MM-DD)")
	}
	return t, nil
}

// OneToOne is a one-to-one meeting with its follow-ups.
type OneToOne struct {
	ID        int64      `json:"id"`
	MemberID  int64      `json:"member_id"`
	Date      string     `json:"date" doc:"YYYY-MM-DD"`
	Notes     string     `json:"notes"`
	FollowUps []FollowUp `json:"follow_ups"`
}

// FollowUp is something agreed in a one-to-one.
type FollowUp struct {
	ID       int64   `json:"id"`
	MemberID int64   `json:"member_id"`
	Text     string  `json:"text"`
	Due      *string `json:"due" doc:"YYYY-MM-DD; null when undated"`
	Done     bool    `json:"done"`
}

// NewFollowUp converts a follow-up.
func NewFollowUp(fu *ladder.FollowUp) FollowUp {
	return FollowUp{ID: fu.ID, MemberID: fu.MemberID, Text: fu.Text, Due: optDay(fu.Due), Done: fu.Done}
}

// NewOneToOne converts a one-to-one.
func NewOneToOne(o *ladder.OneToOne) OneToOne {
	out := OneToOne{ID: o.ID, MemberID: o.MemberID, Date: o.Date.Format(time.DateOnly), Notes: o.Notes, FollowUps: []FollowUp{}}
	for i := range o.FollowUps {
		out.FollowUps = append(out.FollowUps, NewFollowUp(&o.FollowUps[i]))
	}
	return out
}

// OneToOneCreate is the body of POST /api/v1/team/{id}/one-to-ones.
type OneToOneCreate struct {
	Date      string           `json:"date,omitempty" doc:"YYYY-MM-DD; leave out for today"`
	Notes     string           `json:"notes,omitempty"`
	FollowUps []FollowUpCreate `json:"follow_ups,omitempty"`
	Next      string           `json:"next,omitempty" doc:"books the next one-to-one (YYYY-MM-DD)"`
}

// FollowUpCreate is a follow-up agreed in a new one-to-one.
type FollowUpCreate struct {
	Text string `json:"text" doc:"1-500 characters"`
	Due  string `json:"due,omitempty" doc:"YYYY-MM-DD"`
}

// OneToOne converts the body; today is the default date.
func (b OneToOneCreate) OneToOne(personID, memberID int64, today time.Time) (*ladder.OneToOne, error) {
	const msg = "The one-to-one is not valid."
	o := &ladder.OneToOne{PersonID: personID, MemberID: memberID, Date: ladder.Day(today), Notes: b.Notes}
	var err error
	if b.Date != "" {
		if o.Date, err = optionalDay(b.Date, msg, "date"); err != nil {
			return nil, err
		}
	}
	if o.Next, err = optionalDay(b.Next, msg, "next"); err != nil {
		return nil, err
	}
	for _, fu := range b.FollowUps {
		due, err := optionalDay(fu.Due, msg, "follow_ups")
		if err != nil {
			return nil, err
		}
		o.FollowUps = append(o.FollowUps, ladder.FollowUp{Text: fu.Text, Due: due})
	}
	return o, nil
}

// FollowUpUpdate is the body of POST /api/v1/follow-ups/{id}.
type FollowUpUpdate struct {
	Done bool `json:"done"`
}

// Stakeholder is a stakeholder placed on the influence/interest grid.
type Stakeholder struct {
	ID          int64   `json:"id"`
	Name        string  `json:"name"`
	Role        string  `json:"role" doc:"role and organisation"`
	Influence   int     `json:"influence" doc:"1-5"`
	Interest    int     `json:"interest" doc:"1-5"`
	Quadrant    string  `json:"quadrant" enum:"manage-closely,keep-satisfied,keep-informed,monitor" doc:"3 and above count as high"`
	Needs       string  `json:"needs"`
	Notes       string  `json:"notes"`
	NextContact *string `json:"next_contact" doc:"YYYY-MM-DD; null when none is planned"`
}

// NewStakeholder converts a stakeholder.
func NewStakeholder(s *ladder.Stakeholder) Stakeholder {
	return Stakeholder{ID: s.ID, Name: s.Name, Role: s.Role, Influence: s.Influence, Interest: s.Interest, Quadrant: s.Quadrant(),
		Needs: s.Needs, Notes: s.Notes, NextContact: optDay(s.NextContact)}
}

// StakeholderInput is the body that creates or replaces a stakeholder.
type StakeholderInput struct {
	Name        string `json:"name" doc:"1-200 characters"`
	Role        string `json:"role,omitempty"`
	Influence   int    `json:"influence" doc:"1-5"`
	Interest    int    `json:"interest" doc:"1-5"`
	Needs       string `json:"needs,omitempty"`
	Notes       string `json:"notes,omitempty"`
	NextContact string `json:"next_contact,omitempty" doc:"YYYY-MM-DD"`
}

// Stakeholder converts the body.
func (b StakeholderInput) Stakeholder(personID, id int64) (*ladder.Stakeholder, error) {
	next, err := optionalDay(b.NextContact, "The stakeholder is not valid.", "next_contact")
	if err != nil {
		return nil, err
	}
	return &ladder.Stakeholder{ID: id, PersonID: personID, Name: b.Name, Role: b.Role, Influence: b.Influence,
		Interest: b.Interest, Needs: b.Needs, Notes: b.Notes, NextContact: next}, nil
}

// Trust is the weekly trust checklist and the weeks ticked so far.
type Trust struct {
	Areas []TrustArea `json:"areas"`
	Weeks []TrustWeek `json:"weeks" doc:"weeks with ticks, oldest first"`
}

// TrustArea is an area of the checklist with its habits.
type TrustArea struct {
	Area   string       `json:"area"`
	Name   string       `json:"name"`
	Habits []TrustHabit `json:"habits"`
}

// TrustHabit is one habit of the checklist.
type TrustHabit struct {
	Key  string `json:"key"`
	Text string `json:"text"`
}

// TrustWeek is the habits ticked in a week.
type TrustWeek struct {
	Week   string   `json:"week" doc:"the Monday (YYYY-MM-DD)"`
	Habits []string `json:"habits" doc:"habit keys"`
}

// TrustWeekUpdate is the body of PUT /api/v1/trust/weeks/{week}: the
// habits ticked that week; an empty list clears it.
type TrustWeekUpdate struct {
	Habits []string `json:"habits" doc:"habit keys"`
}

// Delegation is an item of the delegation list.
type Delegation struct {
	ID           int64   `json:"id"`
	Task         string  `json:"task"`
	Owner        string  `json:"owner" doc:"who should own it"`
	Status       string  `json:"status" enum:"mine,handing-over,delegated"`
	HoursPerWeek float64 `json:"hours_per_week"`
	Notes        string  `json:"notes"`
}

// NewDelegation converts an item.
func NewDelegation(d *ladder.Delegation) Delegation {
	return Delegation{ID: d.ID, Task: d.Task, Owner: d.Owner, Status: d.Status, HoursPerWeek: d.HoursPerWeek, Notes: d.Notes}
}

// DelegationList is the list with the hours it accounts for.
type DelegationList struct {
	Items []Delegation    `json:"items" doc:"still mine first, then handing over, then delegated"`
	Hours DelegationHours `json:"hours"`
}

// DelegationHours is the delegation list's hours per week by status.
type DelegationHours struct {
	Mine        float64 `json:"mine" doc:"hours a week still done by you"`
	HandingOver float64 `json:"handing_over" doc:"hours a week being handed over"`
	Freed       float64 `json:"freed" doc:"hours a week freed by delegated tasks"`
}

// NewDelegationList converts the list.
func NewDelegationList(ds []*ladder.Delegation) DelegationList {
	h := first90.DelegationHours(ds)
	out := DelegationList{Items: make([]Delegation, 0, len(ds)), Hours: DelegationHours{Mine: h.Mine, HandingOver: h.HandingOver, Freed: h.Freed}}
	for _, d := range ds {
		out.Items = append(out.Items, NewDelegation(d))
	}
	return out
}

// DelegationInput is the body that creates or replaces an item.
type DelegationInput struct {
	Task         string  `json:"task" doc:"1-200 characters"`
	Owner        string  `json:"owner,omitempty" doc:"required when delegated"`
	Status       string  `json:"status,omitempty" enum:"mine,handing-over,delegated" doc:"default mine"`
	HoursPerWeek float64 `json:"hours_per_week,omitempty" doc:"0-168"`
	Notes        string  `json:"notes,omitempty"`
}

// Delegation converts the body.
func (b DelegationInput) Delegation(personID, id int64) *ladder.Delegation {
	return &ladder.Delegation{ID: id, PersonID: personID, Task: b.Task, Owner: b.Owner, Status: b.Status,
		HoursPerWeek: b.HoursPerWeek, Notes: b.Notes}
}
