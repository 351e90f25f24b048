package web

// networkTemplateCases are the cases of the mentors, mentor and network
// pages.
func networkTemplateCases() map[string][]templateCase {
	opts := []Option{{Value: "a", Label: "A <b>", Selected: true}, {Value: "b", Label: "B"}}
	checklist := []CriterionView{{Key: "approachable", Name: "Approachable", Description: "d", Question: "q?", Met: true}, {Key: "x", Name: "X"}}
	editor := MentorEditor{Action: "/mentors", Submit: "Add", Form: MentorForm{Name: "<i>Dana</i>", Inside: true}, Statuses: opts,
		Competencies: opts, Checklist: checklist,
		State: FormState{Error: "The mentor is not valid.", Fields: map[string]string{"name": "is required", "role": "long",
			"organisation": "long", "contact": "long", "status": "bad", "background": "long", "strengths": "bad", "notes": "long", "criteria": "bad"}}}
	session := SessionView{ID: 3, Date: "Mon 4 May 2026", DateValue: "2026-05-04", Status: "Held", Held: true, Agenda: "- a\n- b",
		Notes: "n", Statuses: opts, Error: "Date must be a date.",
		Actions: []AgreedActionView{{ID: 5, Text: "Draft the budget", Competency: "Budgeting", InPlan: true}, {ID: 6, Text: "Ask", Error: "No plan."}}}
	return map[string][]templateCase{
		"mentors": {
			{name: "FullWithErrors", data: MentorsPage{Base: fullBase("Mentors"), Editor: editor,
				Mentors: []MentorRow{{ID: 1, Name: "Dana", Org: "Head of IT, Northwind", Status: "Active", Met: 3, Criteria: 5,
					Strengths: "Budgeting", NextDay: "Tue 12 May 2026"}, {ID: 2, Name: "Lee"}}}},
			{name: "Empty", data: MentorsPage{}},
		},
		"mentor": {
			{name: "FullWithErrors", data: MentorPage{Base: fullBase("Dana"), ID: 1, Name: "Dana", Org: "Northwind", Inside: true,
				Background: "b", Contact: "c", Status: "Active", Notes: "n", Strengths: "Budgeting", Checklist: checklist, Met: 1,
				Sessions: []SessionView{session, {ID: 4, Date: "d", Status: "Planned"}}, NoPlan: true,
				Agenda: []AgendaLine{{Line: "Budgeting: ask", Strength: true}, {Line: "Delegation: ask"}}, Editor: editor,
				NewSession: SessionForm{Date: "x", Agenda: "a", Actions: "juggling: x"}, SessionStatuses: opts, Competencies: opts,
				SessionState: FormState{Error: "The mentoring session is not valid.", Fields: map[string]string{"date": "bad",
					"status": "bad", "agenda": "long", "notes": "long", "actions": "unknown competency"}}}},
			{name: "NoTarget", data: MentorPage{Base: fullBase("Dana"), NoTarget: true}},
			{name: "Empty", data: MentorPage{}},
		},
		"network": {
			{name: "FullWithErrors", data: NetworkPage{Base: fullBase("Network"), Due: 2,
				Contacts: []ContactView{{ID: 1, Name: "Priya", Organisation: "Contoso", Title: "IT manager", WhereMet: "ISACA", HowHelp: "h",
					Reach: "r", Notes: "n", LastContact: "Mon 4 May 2026", NextContact: "Wed 6 May 2026", Due: true, Overdue: true,
					Error: "Next follow-up must be today or later."}, {ID: 2, Name: "Lee", Due: true}},
				Memberships: []MembershipView{{ID: 1, Name: "PMI", Website: "https://www.pmi.org", Status: "Member", Since: "s", Renewal: "r",
					Notes: "n", Statuses: opts, Error: "e"}, {ID: 2, Name: "Own group"}},
				Events: []EventView{{ID: 1, Name: "Summit", Date: "d", Location: "Leeds", Status: "Planned", Met: "Priya", Statuses: opts,
					People: opts, Error: "e"}, {ID: 2, Name: "Meetup"}},
				Contact: ContactForm{Name: "<x>"}, ContactErr: FormState{Error: "The contact is not valid.", Fields: map[string]string{"name": "is required"}},
				Membership: MembershipForm{Name: "n"}, MemberErr: FormState{Error: "The membership is not valid.",
					Fields: map[string]string{"organisation": "bad", "name": "bad", "status": "bad", "since": "bad", "renewal": "bad"}},
				Event: EventForm{Name: "e"}, EventErr: FormState{Error: "The event is not valid.",
					Fields: map[string]string{"name": "bad", "date": "bad", "status": "bad", "contacts": "bad"}},
				Orgs: opts, MemberOpts: opts, EventOpts: opts, People: opts}},
			{name: "Empty", data: NetworkPage{}},
		},
	}
}
