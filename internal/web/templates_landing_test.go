package web

import (
	"github.com/ladderhq/ladder/internal/opportunity"
	"github.com/ladderhq/ladder/internal/resume"
)

// landingTemplateCases are the cases of the opportunities, resume and
// interview pages.
func landingTemplateCases() map[string][]templateCase {
	guide, err := opportunity.LoadGuide()
	if err != nil {
		panic(err)
	}
	opp := OpportunityView{ID: 3, Title: "Team <lead>", Organisation: "Acme", Kind: "Management role", Where: "Inside",
		Stage: "discussed", StageLabel: "Discussed with supervisor", NextStep: "Send the outline", NextStepDate: "8 May 2026", Overdue: true,
		Link: "https://example.com", Notes: "n", History: []StageView{{Label: "Spotted", Date: "1 Apr 2026", ISODate: "2026-04-01"},
			{Label: "Discussed with supervisor", Date: "20 Apr 2026", ISODate: "2026-04-20", Current: true}}}
	oppFields := map[string]string{"title": "is required", "organisation": "too long", "kind": "must be", "link": "must start",
		"next_step": "too long", "next_step_date": "must be a date", "notes": "too long", "stage": "must be", "since": "must be a date", "date": "bad"}
	bullet := BulletView{ID: 7, Position: 2, Up: 1, Down: 3, Text: "Led <it>.", Situation: "S", Task: "T", Action: "A", Result: "R",
		Why: "Shows Budgeting.", Edited: true, Missing: "the team size", Source: "The entry",
		State: FormState{Error: "Check the form.", Fields: map[string]string{"text": "is required", "situation": "too long", "task": "x", "action": "x", "result": "x"}}}
	return map[string][]templateCase{
		"opportunities": {
			{name: "FullWithPrompt", data: OpportunitiesPage{Base: fullBase("Opportunities"), Count: 1, Prompt: "Talk first.", Guide: guide,
				Columns: []ColumnView{{Stage: "spotted", Label: "Spotted"}, {Stage: "discussed", Label: "Discussed", Items: []OpportunityView{opp}}},
				Kinds:   []Option{{Value: "other", Label: "Other", Selected: true}}, Stages: []Option{{Value: "spotted", Label: "Spotted"}},
				Form: OpportunityForm{Title: "x", Internal: true}, State: FormState{Error: "Check.", Fields: oppFields},
				Talk: TalkForm{Date: "2026-05-04"}, TalkState: FormState{Error: "Bad.", Fields: map[string]string{"date": "bad", "note": "long"}}}},
			{name: "Talked", data: OpportunitiesPage{Base: fullBase("Opportunities"), TalkedOn: "3 May 2026"}},
			{name: "Empty", data: OpportunitiesPage{}},
		},
		"opportunity": {
			{name: "FullWithErrors", data: OpportunityPage{Base: fullBase("Team lead"), Opportunity: opp,
				Kinds: []Option{{Value: "other", Label: "Other"}}, Stages: []Option{{Value: "applied", Label: "Applied", Selected: true}},
				Form: OpportunityForm{Title: "x"}, State: FormState{Error: "Check.", Fields: oppFields}, Move: MoveForm{Stage: "applied", Date: "2026-05-04"},
				MoveState: FormState{Error: "Bad.", Fields: map[string]string{"stage": "bad", "date": "bad"}}}},
			{name: "Empty", data: OpportunityPage{}},
		},
		"resume": {
			{name: "Full", data: ResumePage{Base: fullBase("Resume"), Role: "IT manager", Target: "CIO", Stale: true, Evidence: 3,
				Bullets: []BulletView{{ID: 6, Position: 1, Down: 2, Text: "First.", Why: "w", First: true, Hidden: true}, bullet,
					{ID: 8, Position: 3, Up: 2, Text: "Last.", Why: "w", Last: true}}}},
			{name: "NoBulletsNoEvidence", data: ResumePage{Base: fullBase("Resume")}},
			{name: "NoBullets", data: ResumePage{Base: fullBase("Resume"), Evidence: 2}},
		},
		"cover_letter": {
			{name: "Full", data: CoverLetterPage{Base: fullBase("Cover letter"), For: "IT manager at Acme", Query: "?opportunity=3",
				Sections: []resume.Section{{Key: "opening", Heading: "Opening", Guide: "g", Draft: "d"}, {Key: "proof", Heading: "Proof", Guide: "g",
					Points: []string{"<b>one</b>", "two"}}},
				Opportunities: []Option{{Value: "3", Label: "Team lead (Acme)", Selected: true}}}},
			{name: "Empty", data: CoverLetterPage{}},
		},
		"interview": {
			{name: "Full", data: InterviewPage{Base: fullBase("Interview"), Role: "IT manager", Practised: 2,
				Suggested:  []QuestionView{{Key: "budget-built", Question: "Walk me <through>", WhatItProbes: "p", Competencies: "Budgeting", ForYou: true, Attempts: 2, LastRating: 4}},
				Categories: []CategoryView{{Key: "budget", Label: "Budget", Questions: []QuestionView{{Key: "budget-cut", Question: "q"}}}}}},
			{name: "NoRole", data: InterviewPage{Base: fullBase("Interview")}},
			{name: "Empty", data: InterviewPage{}},
		},
		"interview_question": {
			{name: "FullWithErrors", data: QuestionPage{Base: fullBase("Practise"), Key: "budget-built", Question: "q", Category: "Budget",
				WhatItProbes: "p", StrongAnswer: "s", Competencies: "Budgeting",
				Attempts: []AttemptView{{Date: "1 May 2026", Answer: "a", Rating: 3, Evidence: []string{"one", "two"}}},
				Evidence: []EvidenceChoice{{ID: 1, Title: "The entry", Checked: true}},
				Ratings:  []Option{{Value: "1", Label: "1"}, {Value: "3", Label: "3", Selected: true}},
				Form:     PracticeForm{Answer: "x", Date: "2026-05-04", Rating: "3"},
				State:    FormState{Error: "Check.", Fields: map[string]string{"answer": "is required", "rating": "must be 1-5", "date": "bad", "evidence": "bad"}}}},
			{name: "Empty", data: QuestionPage{}},
		},
	}
}
