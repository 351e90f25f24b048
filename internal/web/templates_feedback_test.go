package web

import (
	"html/template"

	"github.com/ladderhq/ladder/internal/charts"
)

// feedbackTemplateCases are the template cases of the 360 feedback pages.
func feedbackTemplateCases() map[string][]templateCase {
	chart := template.HTML(`<svg class="chart"></svg>`)
	errs := map[string]string{"title": "is required", "closes_on": "bad", "which": "x", "competencies": "choose", "category": "x",
		"email": "is your own", "days": "x", "comments.general": "too long"}
	row := FeedbackRowView{Name: "<Delegation>", Self: "4", Others: "2.5 (4)", Target: "4", Groups: "your manager 2 (1) · peers 2.7 (3)",
		Note: "blind spot", Kind: "blind-spot"}
	results := &FeedbackResultsWeb{Chart: chart, Rows: []FeedbackRowView{row, {Name: "Budgeting", Self: "–", Others: "not shown"}},
		BlindSpots: []FeedbackRowView{row}, HiddenStrengths: []FeedbackRowView{row},
		Comments: []FeedbackCommentsView{{Title: "General · peers", Texts: []string{"<script>x</script>", "line\nbreak"}}},
		Counts:   []FeedbackCountRow{{Label: "peers", Invited: 4, Answered: 3}}, Target: "IT manager",
		Trend: charts.Table{Caption: "c", Header: []string{"Competency", "Spring", "Autumn"}, Rows: [][]string{{"Delegation", "2.5", "–"}}}}
	question := FeedbackQuestion{Key: "delegation", Name: "Delegation", Description: "<d>", Comment: "c", Error: "must be 1-5", CommentError: "too long",
		NotObserved: true, Options: []FeedbackLevelOption{{ID: "level-delegation-1", Value: "1", Label: "Level 1", Descriptor: "<does>", Checked: true}}}
	return map[string][]templateCase{
		"feedback": {
			{name: "Full", data: FeedbackPage{Base: fullBase("Feedback"), Rounds: []FeedbackRoundRow{{ID: 1, Title: "<Spring>", Status: "open",
				Closes: "Mon 1 Jun 2026", Counts: "2 of 3 peers"}, {ID: 2, Title: "Old", Status: "closed", Results: true}},
				Form: FeedbackStartForm{Title: "<t>", ClosesOn: "x", Which: "chosen"}, Target: "IT manager", TargetCount: 38,
				Areas: []FeedbackAreaOptions{{Name: "Leadership", Options: []Option{{Value: "delegation", Label: "Delegation", Selected: true}}}},
				State: FormState{Error: "The feedback round is not valid.", Fields: errs}, MinimumsText: "m"}},
			{name: "Empty", data: FeedbackPage{}},
		},
		"feedback_round": {
			{name: "OpenWithNewLink", data: FeedbackRoundPage{Base: fullBase("Round"), Round: FeedbackRoundRow{ID: 1, Title: "<Spring>", Counts: "c"},
				Open: true, Competencies: []string{"Delegation", "Budgeting"}, Counts: []FeedbackCountRow{{Label: "peers", Invited: 3, Answered: 1}},
				Groups: []FeedbackRaterGroup{{Label: "peers", Raters: []FeedbackRaterRow{{ID: 1, Email: "<p@example.com>", Link: "works"},
					{ID: 2, Email: "q@example.com", Link: "withdrawn", Revoked: true}}}},
				Add:   FeedbackRaterForm{Email: "x", Days: "y", Categories: feedbackCategoryOptions("peer")},
				State: FormState{Error: "The rater is not valid.", Fields: errs}, NewLink: "http://x/feedback/r/ABC", NewLinkFor: "p@example.com",
				MailError: "The mail could not be sent.", ReminderNote: "Hello <all>", MinimumsText: "m"}},
			{name: "OpenWithMail", data: FeedbackRoundPage{Base: fullBase("Round"), Open: true, MailOn: true}},
			{name: "ClosedWithResults", data: FeedbackRoundPage{Base: fullBase("Round"), Results: results}},
			{name: "ClosedNothingShown", data: FeedbackRoundPage{Base: fullBase("Round"), Results: &FeedbackResultsWeb{NothingShown: true}}},
			{name: "Empty", data: FeedbackRoundPage{}},
		},
		"feedback_rater": {
			{name: "Form", data: FeedbackRaterPage{Base: emptyBase(), Asker: "<Sam>", Round: "<Spring>", Category: "peer", Privacy: "<p>",
				Expires: "1 June 2026", Action: "/feedback/r/ABC", Questions: []FeedbackQuestion{question, {Key: "budgeting", Name: "Budgeting"}},
				General: "g", State: FormState{Error: "Some answers need another look.", Fields: errs}}},
			{name: "Named", data: FeedbackRaterPage{Base: emptyBase(), Named: true, Asker: "Sam"}},
			{name: "Done", data: FeedbackRaterPage{Base: emptyBase(), Done: true}},
			{name: "Gone", data: FeedbackRaterPage{Base: emptyBase(), Gone: true, GoneTitle: "Expired", GoneText: "<t>"}},
			{name: "Empty", data: FeedbackRaterPage{}},
		},
	}
}
