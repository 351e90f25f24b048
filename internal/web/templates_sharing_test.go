package web

// sharingTemplateCases are the sharing page (full with errors, the person
// in no organisation, empty) and the pages of the people one supports.
func sharingTemplateCases() map[string][]templateCase {
	header := OrgHeader{Name: "Northwind <IT>", Role: "Member", Active: "people", Tabs: []NavItem{{"people", "/org/people", "People I support"}}}
	cell := SharingCell{ID: "share-mentor-plan", Name: "share.mentor", Value: "plan", Label: "Share <plan>", Part: "Plan", Checked: true}
	full := &OrgPersonPage{Base: fullBase("Max <M>"), Org: header, Name: "Max <M>", Title: "Sysadmin", As: "mentor and manager",
		Shared: "readiness, gaps, plan, evidence, journal", Target: "IT manager", ReadinessShared: true, GapsShared: true, PlanShared: true,
		EvidenceShared: true, JournalShared: true, Readiness: ReadinessView{Score: "45", ScoreValue: 45, Confidence: "40", ConfidenceLabel: "low",
			Sources: "3 on their self-rating"}, Areas: []AreaScoreRow{{Name: "Leadership", Score: "40", Confidence: "40", Weighted: "3", Requirements: "4 competencies"}},
		Trend: []TrendRow{{Date: "1 May 2026", Score: "40", Confidence: "40"}}, Gaps: []GapRow{{Name: "Budgeting", Met: false}, {Name: "Empathy", Met: true}},
		GapsOpen: "1 of 2 requirements not yet met", Met: []GapRow{{Name: "Empathy", Met: true}},
		Plan: &OrgPersonPlan{Horizon: "1 May – 1 Nov", Done: "1 of 3 actions done", Overdue: 1, Goals: []OrgPersonGoal{{Name: "Delegation",
			Target: "level 3", Done: true, Actions: []OrgPersonAction{{Title: "Lead <x>", Due: "May", Done: true}, {Title: "Late", Overdue: true}}}}},
		Evidence:      []EvidenceView{{Title: "Led", Kind: "Led a project", Dates: "May", Figures: "4 people", Competencies: "Delegation", Description: "d"}},
		EvidenceCount: "1 entry", Journal: []JournalView{{Title: "Lesson", Kind: "Lesson", Date: "1 May", Mood: "4/5", Confidence: "3/5",
			Challenge: "Deadlines", Body: "b", Steps: []StepView{{Title: "What happened", Text: "t"}}}}, JournalCount: "1 entry"}
	return map[string][]templateCase{
		"sharing": {
			{name: "FullWithErrors", data: &SharingPage{Base: fullBase("Sharing"), OrgName: "Northwind <IT>", Changed: "2 May 2026",
				Parts: []SharingPart{{"plan", "Plan"}}, Rows: []SharingRow{{Audience: "mentor", Label: "My mentors", Who: "Ada <A>", Cells: []SharingCell{cell}}},
				Views: []SharingSeen{{At: "2 May 2026 10:00", Who: "Ada", What: "Opened"}}, ViewsTotal: 60,
				State: FormState{Error: "The sharing choices are not valid.", Fields: map[string]string{"mentor": "bad", "audience": "bad"}}}},
			{name: "NoOrganisation", data: &SharingPage{Base: fullBase("Sharing"), None: true}},
			{name: "Empty", data: &SharingPage{}},
		},
		"org_people": {
			{name: "Full", data: &OrgPeoplePage{Base: fullBase("People I support"), Org: header, Admin: true, People: []OrgPersonRow{
				{URL: "/org/people/1", Name: "Max <M>", Title: "Sysadmin", As: "mentor", Shared: "plan"}, {URL: "/org/people/2", Name: "Di", SharesNothing: true}}}},
			{name: "Empty", data: &OrgPeoplePage{}},
		},
		"org_person": {
			{name: "EverythingShared", data: full},
			{name: "NoTarget", data: &OrgPersonPage{Name: "Di", ReadinessShared: true, GapsShared: true, PlanShared: true, NoTarget: "has not chosen a target role yet"}},
			{name: "NothingShared", data: &OrgPersonPage{}},
		},
	}
}
