package web

// cohortFeedbackTemplateCases are the cases of a cohort's 360 feedback
// page: full with every form failing, without mail, and empty; and the
// person's pages with a round a programme admin started.
func cohortFeedbackTemplateCases() map[string][]templateCase {
	header := OrgHeader{Name: "Northwind <IT>", Role: "Programme admin", Active: "programmes"}
	state := FormState{Error: "Some raters need another look: nothing was started.",
		Fields: map[string]string{"title": "is required", "closes_on": "must be today or later", "members": "choose", "competencies": "x"}}
	full := &OrgCohortFeedbackPage{Base: fullBase("360 feedback"), Org: header, CohortID: 3, Cohort: "Spring <1>", ProgrammeID: 2,
		Programme: "Future <managers>", Target: "IT manager", Questions: 38, MailOn: true, Startable: true,
		Progress: []OrgCohortProgressRow{{Name: "Ana", Title: "Spring 360", Status: "open, closes 1 Jun 2026", Asked: "9", Answered: "4"}, {Name: "Ben", Status: "not started", Asked: "–", Answered: "–"}},
		Members: []OrgCohortMemberForm{
			{ID: 5, Name: "Ana <b>", Title: "Engineer", Included: true, Added: "peer x@example.com", Error: "x@example.com is outside",
				Raters: []OrgCohortRaterOption{{Value: "manager:dana@example.com", Name: "Dana", Email: "dana@example.com", Category: "manager", Checked: true}}},
			{ID: 6, Name: "Ben", Open: true},
			{ID: 7, Name: "Cy"},
		},
		Form: OrgCohortStartForm{Title: "<t>", ClosesOn: "2026-06-01"}, State: state}
	noMail := *full
	noMail.MailOn = false
	round := FeedbackRoundRow{ID: 1, Title: "Spring 360", Status: "open", StartedBy: "Pat, a programme admin, started “Spring 360” for you."}
	return map[string][]templateCase{
		"org_cohort_feedback": {
			{name: "FullWithErrors", data: full},
			{name: "NoMail", data: &noMail},
			{name: "Empty", data: &OrgCohortFeedbackPage{}},
		},
		"feedback": {
			{name: "StartedByAdmin", data: FeedbackPage{Base: fullBase("Feedback"), Rounds: []FeedbackRoundRow{round}}},
		},
		"feedback_round": {
			{name: "StartedByAdmin", data: FeedbackRoundPage{Base: fullBase("Round"), Round: round, Open: true,
				Counts: []FeedbackCountRow{{Label: "Peers", Words: "peers", Invited: 3, Answered: 1}}}},
		},
	}
}
