package web

import (
	"html/template"

	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/first90"
)

// first90TemplateCases are the template cases of the first-90-days pages.
func first90TemplateCases() map[string][]templateCase {
	chart := template.HTML(`<svg class="chart"></svg>`)
	step := First90StepView{ID: 3, Title: "<b>Hold</b> one-to-ones", Description: "d", Theme: "Knowing the team", Due: "Mon 2 Mar",
		Emphasised: true, Overdue: true, Note: "<i>note</i>", Error: "The step is not valid. Note too long."}
	phases := []PhaseView{{Name: "Days 1-30: learn", Done: 1, Total: 2, Current: true, Steps: []First90StepView{step, {ID: 4, Title: "x", Done: true}}}}
	errs := map[string]string{"start": "bad", "team_name": "bad", "team_size": "bad", "title": "bad", "situation": "bad",
		"week": "bad", "technical": "bad", "managerial": "bad", "hours": "bad"}
	situations := []SituationOption{{Key: "turnaround", Name: "Turnaround", Description: "<d>", Checked: true}, {Key: "start-up", Name: "Start-up"}}
	memberErrs := map[string]string{"name": "is required", "role": "x", "strengths": "x", "goals": "x", "concerns": "x", "notes": "x", "next_one_to_one": "bad"}
	stakeholderErrs := map[string]string{"name": "x", "role": "x", "influence": "x", "interest": "x", "needs": "x", "notes": "x", "next_contact": "x"}
	delegationErrs := map[string]string{"task": "x", "owner": "x", "status": "x", "hours": "x", "notes": "x"}
	return map[string][]templateCase{
		"first90": {
			{name: "SetupWithPreviewAndErrors", data: First90Page{Base: fullBase("First 90 days"), Setup: true, Situations: situations,
				Form: ManagerForm{Start: "x", TeamSize: "lots"}, State: FormState{Error: "The manager record is not valid.", Fields: errs},
				Preview: phases}},
			{name: "Recorded", data: First90Page{Base: fullBase("First 90 days"), Situations: situations,
				Role:     ManagerView{Title: "IT <manager>", TeamName: "Ops", TeamSize: 4, Start: "2 March 2026", Situation: "Turnaround"},
				Position: "Day 41 of 90", Day: 41, Days: 90, Percent: 45, DoneSteps: 1, TotalSteps: 2, DoDifferently: []string{"a"},
				EarlyWins: []string{"b"}, Overdue: []First90StepView{step}, Next: []First90StepView{step}, Phases: phases, Split: chart,
				Week: WeekForm{Week: "2026-04-06"}, WeekState: FormState{Error: "bad", Fields: errs}, State: FormState{Error: "bad", Fields: errs}}},
			{name: "Empty", data: First90Page{}},
		},
		"team": {
			{name: "Full", data: TeamPage{Base: fullBase("Team"), Members: []MemberRow{{ID: 1, Name: "<Sam>", Role: "r", Next: "Tue 3 Mar 2026",
				NextSoon: true, OpenFollowUps: 2, LastOneToOne: "Mon 2 Mar 2026", OneToOnesCount: 3}, {ID: 2, Name: "Ann"}},
				Add: MemberFormView{Action: "/team", Button: "Add", Form: MemberForm{Name: "<x>", Next: "soon"},
					State: FormState{Error: "The team member is not valid.", Fields: memberErrs}}}},
			{name: "Empty", data: TeamPage{}},
		},
		"team_member": {
			{name: "Full", data: MemberPage{Base: fullBase("Sam"), ID: 1, Name: "<Sam>", Role: "r", Next: "Tue 3 Mar 2026",
				Edit: MemberFormView{Action: "/team/1", Button: "Save", Form: MemberForm{Name: "Sam"}, State: FormState{Error: "bad", Fields: memberErrs}},
				OneToOnes: []OneToOneView{{Date: "Mon 2 Mar 2026", Notes: "<n>", FollowUps: []FollowUpView{{ID: 5, Text: "<t>", Due: "Fri 6 Mar 2026", Overdue: true},
					{ID: 6, Text: "done", Done: true}}}, {Date: "Mon 23 Feb 2026"}},
				New:      OneToOneForm{Date: "x", FollowUps: []FollowUpForm{{Text: "a", Due: "b"}, {}}},
				NewState: FormState{Error: "The one-to-one is not valid.", Fields: map[string]string{"date": "bad", "notes": "x", "follow_ups": "x", "next": "x"}}}},
			{name: "Empty", data: MemberPage{}},
		},
		"stakeholders": {
			{name: "Full", data: StakeholdersPage{Base: fullBase("Stakeholders"), Map: chart,
				Table: charts.Table{Caption: "c", Header: []string{"#", "Name"}, Rows: [][]string{{"1", "<Dana>"}}},
				Quadrants: []QuadrantView{{Key: "manage-closely", Name: "Manage closely", Advice: "a", Items: []StakeholderView{{ID: 1, Name: "<Dana>",
					Role: "CFO", Needs: "n", Notes: "o", NextContact: "Fri 6 Mar 2026", Influence: 5, Interest: 4,
					Edit: StakeholderFormView{Action: "/stakeholders/1", Button: "Save", Prefix: "s1", State: FormState{Error: "bad", Fields: stakeholderErrs}}}}},
					{Key: "monitor", Name: "Monitor"}},
				Add: StakeholderFormView{Action: "/stakeholders", Button: "Add", Prefix: "new", State: FormState{Error: "bad", Fields: stakeholderErrs}}}},
			{name: "Empty", data: StakeholdersPage{}},
		},
		"trust": {
			{name: "Full", data: TrustPage{Base: fullBase("Trust"), Week: "2026-03-02", WeekLabel: "2 March 2026", Prev: "2026-02-23", Next: "2026-03-09",
				Areas:  []TrustAreaView{{Name: "Listening", Habits: []HabitView{{Key: "k", Text: "<t>", Checked: true}, {Key: "j", Text: "u"}}}},
				Ticked: 1, Total: 2, AreaNames: []string{"Listening"},
				History: []TrustHistoryRow{{Week: "2026-03-02", Label: "2 Mar", Current: true, PerArea: []int{1}, Ticked: 1, Total: 2}},
				State:   FormState{Error: "The week's checklist is not valid.", Fields: map[string]string{"habits": `unknown habit "x"`}}}},
			{name: "Empty", data: TrustPage{}},
		},
		"delegation": {
			{name: "Full", data: DelegationPage{Base: fullBase("Delegation"), Hours: first90.Hours{Freed: 3}, Freed: "3 h", Handing: "1 h", Mine: "2 h",
				Items: []DelegationView{{ID: 1, Task: "<Patching>", Owner: "Sam", Status: "delegated", StatusLabel: "Delegated", Notes: "n", Hours: "3 h",
					Edit: DelegationFormView{Prefix: "d1", Statuses: statusOptions("delegated"), State: FormState{Error: "bad", Fields: delegationErrs}}},
					{ID: 2, Task: "b", Status: "mine", Hours: "2 h"}},
				Add: DelegationFormView{Prefix: "new", Statuses: statusOptions("mine"), State: FormState{Error: "bad", Fields: delegationErrs}}}},
			{name: "Empty", data: DelegationPage{}},
		},
	}
}
