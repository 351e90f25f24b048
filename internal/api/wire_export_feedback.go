package api

import (
	"maps"
	"slices"
	"time"

	"github.com/ladderhq/ladder"
)

// ExportFeedbackRound is a closed round of 360 feedback as it travels: its
// questions, minimums, counts per category and the aggregates the anonymity
// rule showed. There is no rater in it: no email, no answer of one rater,
// nothing that says who answered.
type ExportFeedbackRound struct {
	ID           int64                `json:"id"`
	Title        string               `json:"title"`
	Competencies []string             `json:"competencies"`
	ClosesOn     time.Time            `json:"closes_on"`
	ClosedAt     time.Time            `json:"closed_at"`
	Minimums     FeedbackMinimums     `json:"minimums"`
	Counts       []FeedbackCount      `json:"counts"`
	Cells        []ExportFeedbackCell `json:"cells" doc:"the shown groups per competency: raters and the sum of their levels"`
	Comments     []FeedbackComments   `json:"comments" doc:"the shown comment groups in their shown order"`
	Self         []ExportFeedbackSelf `json:"self" doc:"the person's self-rating when the round closed"`
	CreatedAt    time.Time            `json:"created_at"`
	UpdatedAt    time.Time            `json:"updated_at"`
}

// ExportFeedbackCell is one shown group on one competency.
type ExportFeedbackCell struct {
	Competency string `json:"competency"`
	Group      string `json:"group" enum:"manager,peer,report,stakeholder,others"`
	Raters     int    `json:"raters"`
	Sum        int    `json:"sum" doc:"the sum of the group's levels; the mean is sum / raters"`
}

// ExportFeedbackSelf is the self-rating of one competency.
type ExportFeedbackSelf struct {
	Competency string `json:"competency"`
	Level      int    `json:"level"`
}

// addFeedbackExport adds the closed rounds of d.
func addFeedbackExport(out *Export, d *ladder.PersonData) {
	out.FeedbackRounds = []ExportFeedbackRound{}
	for _, r := range d.FeedbackRounds {
		w := ExportFeedbackRound{ID: r.ID, Title: r.Title, Competencies: strs(r.Competencies), ClosesOn: r.ClosesOn.UTC(),
			ClosedAt: r.ClosedAt.UTC(), Minimums: FeedbackMinimums(r.Minimums), Counts: NewFeedbackRound(r).Counts,
			Cells: []ExportFeedbackCell{}, Comments: []FeedbackComments{}, Self: []ExportFeedbackSelf{},
			CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC()}
		if res := r.Results; res != nil {
			for _, c := range res.Cells {
				w.Cells = append(w.Cells, ExportFeedbackCell{Competency: c.Competency, Group: c.Group, Raters: c.Raters, Sum: c.Sum})
			}
			for _, g := range res.Comments {
				w.Comments = append(w.Comments, FeedbackComments{Competency: g.Competency, Group: g.Group, Texts: strs(g.Texts)})
			}
			for _, k := range slices.Sorted(maps.Keys(res.Self)) {
				w.Self = append(w.Self, ExportFeedbackSelf{Competency: k, Level: res.Self[k]})
			}
		}
		out.FeedbackRounds = append(out.FeedbackRounds, w)
	}
}

// feedbackPersonData converts the rounds back for import, as closed
// rounds; journey.ImportPerson checks them against the anonymity rule.
func (x *Export) feedbackPersonData(d *ladder.PersonData) {
	for _, w := range x.FeedbackRounds {
		r := &ladder.FeedbackRound{Title: w.Title, Competencies: strs(w.Competencies), ClosesOn: us(w.ClosesOn), ClosedAt: us(w.ClosedAt),
			Minimums: ladder.FeedbackMinimums(w.Minimums), Counts: map[string]ladder.FeedbackCount{},
			Results: &ladder.FeedbackResults{Self: map[string]int{}}, CreatedAt: us(w.CreatedAt), UpdatedAt: us(w.UpdatedAt)}
		for _, c := range w.Counts {
			r.Counts[c.Category] = ladder.FeedbackCount{Invited: c.Invited, Answered: c.Answered}
		}
		for _, c := range w.Cells {
			r.Results.Cells = append(r.Results.Cells, ladder.FeedbackCell{Competency: c.Competency, Group: c.Group, Raters: c.Raters, Sum: c.Sum})
		}
		for _, g := range w.Comments {
			r.Results.Comments = append(r.Results.Comments, ladder.FeedbackCommentGroup{Competency: g.Competency, Group: g.Group, Texts: strs(g.Texts)})
		}
		for _, s := range w.Self {
			r.Results.Self[s.Competency] = s.Level
		}
		d.FeedbackRounds = append(d.FeedbackRounds, r)
	}
}
