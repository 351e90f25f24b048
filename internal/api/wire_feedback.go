package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// Nothing here carries one rater's answer or says who answered: rounds hold
// counts per category, results hold the aggregates the anonymity rule shows
// (docs/anonymity.md).

// FeedbackRound is a round of 360 feedback.
type FeedbackRound struct {
	ID           int64            `json:"id"`
	Title        string           `json:"title"`
	Competencies []string         `json:"competencies" doc:"competency keys asked, in model order"`
	ClosesOn     string           `json:"closes_on" doc:"YYYY-MM-DD; links work to the end of this day"`
	Status       string           `json:"status" enum:"open,closed" doc:"results show once the round is closed"`
	ClosedAt     *time.Time       `json:"closed_at" doc:"null while open"`
	Minimums     FeedbackMinimums `json:"minimums" doc:"the anonymity minimums the round keeps from its start"`
	Counts       []FeedbackCount  `json:"counts" doc:"per category: raters asked and raters who answered, never who"`
	StartedBy    *FeedbackStarter `json:"started_by" doc:"the programme admin who started the round for a cohort; null for your own round"`
	CreatedAt    time.Time        `json:"created_at"`
}

// FeedbackStarter says who started a round for a cohort. They see only its
// counts and closing day, never its results.
type FeedbackStarter struct {
	Name   string `json:"name" doc:"empty once their account is deleted"`
	Cohort string `json:"cohort" doc:"empty once the cohort is deleted"`
}

// FeedbackMinimums are the raters a group needs before it is shown.
type FeedbackMinimums struct {
	Manager     int  `json:"manager"`
	Peer        int  `json:"peer"`
	Report      int  `json:"report"`
	Stakeholder int  `json:"stakeholder"`
	Others      int  `json:"others" doc:"the hidden categories folded together"`
	NameManager bool `json:"name_manager" doc:"the manager's group is shown as \"your manager\""`
}

// FeedbackCount is one category's counts.
type FeedbackCount struct {
	Category string `json:"category" enum:"manager,peer,report,stakeholder"`
	Invited  int    `json:"invited"`
	Answered int    `json:"answered" doc:"open round: raters who sent the form; closed: raters who gave a level or a comment"`
}

// NewFeedbackRound converts a round.
func NewFeedbackRound(r *ladder.FeedbackRound) FeedbackRound {
	m := r.Minimums
	out := FeedbackRound{ID: r.ID, Title: r.Title, Competencies: strs(r.Competencies), ClosesOn: r.ClosesOn.Format(time.DateOnly),
		Status: "open", Minimums: FeedbackMinimums(m), Counts: []FeedbackCount{}, CreatedAt: r.CreatedAt.UTC()}
	if r.Closed() {
		out.Status, out.ClosedAt = "closed", optTime(r.ClosedAt)
	}
	if r.StartedBy != 0 || r.CohortID != 0 {
		out.StartedBy = &FeedbackStarter{Name: r.StartedByName, Cohort: r.CohortName}
	}
	for _, c := range ladder.FeedbackCategories {
		if n, ok := r.Counts[c]; ok {
			out.Counts = append(out.Counts, FeedbackCount{Category: c, Invited: n.Invited, Answered: n.Answered})
		}
	}
	return out
}

// FeedbackRoundCreate is the body of POST /api/v1/feedback/rounds.
type FeedbackRoundCreate struct {
	Title        string   `json:"title" doc:"at most 200 characters"`
	Competencies []string `json:"competencies,omitempty" doc:"competency keys; leave out for every requirement of your target role"`
	ClosesOn     string   `json:"closes_on" doc:"YYYY-MM-DD, today or later"`
}

// Start converts the body.
func (b FeedbackRoundCreate) Start() (journey.FeedbackStart, error) {
	d, err := time.Parse(time.DateOnly, b.ClosesOn)
	if err != nil {
		return journey.FeedbackStart{}, &ladder.Error{Code: ladder.EINVALID, Message: "The feedback round is not valid.",
			Fields: map[string]string{"closes_on": "must be a date (YYYY-MM-DD)"}}
	}
	return journey.FeedbackStart{Title: b.Title, Competencies: b.Competencies, ClosesOn: d}, nil
}

// FeedbackRater is someone asked to answer a round. Whether they answered
// is never shown.
type FeedbackRater struct {
	ID        int64     `json:"id"`
	Category  string    `json:"category" enum:"manager,peer,report,stakeholder"`
	Email     string    `json:"email"`
	ExpiresAt time.Time `json:"expires_at" doc:"when the link stops working"`
	Revoked   bool      `json:"revoked"`
	CreatedAt time.Time `json:"created_at"`
}

// NewFeedbackRater converts a rater.
func NewFeedbackRater(r *ladder.FeedbackRater) FeedbackRater {
	return FeedbackRater{ID: r.ID, Category: r.Category, Email: r.Email, ExpiresAt: r.ExpiresAt.UTC(), Revoked: r.Revoked,
		CreatedAt: r.CreatedAt.UTC()}
}

// FeedbackRaterCreate is the body of POST /api/v1/feedback/rounds/{id}/raters.
type FeedbackRaterCreate struct {
	Category string `json:"category" enum:"manager,peer,report,stakeholder"`
	Email    string `json:"email" doc:"not your own"`
	Days     int    `json:"days,omitempty" doc:"the link works this many days (1-365); leave out for until the round closes"`
}

// FeedbackRaterCreated is a new rater with their link, shown only here.
type FeedbackRaterCreated struct {
	FeedbackRater
	Link      string `json:"link,omitempty" doc:"the rater's personal link when it was not mailed; only its hash is kept, so copy it now"`
	Mailed    bool   `json:"mailed" doc:"the link was mailed to the rater"`
	MailError string `json:"mail_error,omitempty" doc:"why mailing failed, when it did"`
}

// FeedbackReminders says how many reminders went out, never to whom.
type FeedbackReminders struct {
	Sent   int `json:"sent"`
	Failed int `json:"failed"`
}

// FeedbackResults is what a closed round shows.
type FeedbackResults struct {
	Round           FeedbackRound        `json:"round"`
	Target          string               `json:"target" doc:"the target role's title; empty without one"`
	Competencies    []FeedbackResultRow  `json:"competencies"`
	BlindSpots      []string             `json:"blind_spots" doc:"competency keys where you rated yourself at least a level above others' view, largest first"`
	HiddenStrengths []string             `json:"hidden_strengths" doc:"competency keys where others see you at least a level above your own rating"`
	Comments        []FeedbackComments   `json:"comments" doc:"shown comment groups, without names, in no meaningful order"`
	Trend           FeedbackResultsTrend `json:"trend"`
}

// FeedbackResultRow is self against others on one competency.
type FeedbackResultRow struct {
	Competency string          `json:"competency"`
	Name       string          `json:"name"`
	Self       *int            `json:"self" doc:"your self-rating when the round closed; null when none"`
	Others     *float64        `json:"others" doc:"the mean over every shown group; null when no group reached its minimum"`
	Raters     int             `json:"raters" doc:"the raters behind others"`
	Target     *int            `json:"target" doc:"the level your target role requires; null when it does not"`
	Groups     []FeedbackGroup `json:"groups"`
	Kind       string          `json:"kind" enum:"blind-spot,hidden-strength,none"`
}

// FeedbackGroup is one shown group's mean.
type FeedbackGroup struct {
	Group  string  `json:"group" enum:"manager,peer,report,stakeholder,others"`
	Raters int     `json:"raters"`
	Mean   float64 `json:"mean"`
}

// FeedbackComments is one shown group's comments on a competency.
type FeedbackComments struct {
	Competency string   `json:"competency" doc:"a competency key; empty for general comments"`
	Group      string   `json:"group" enum:"manager,peer,report,stakeholder,others"`
	Texts      []string `json:"texts"`
}

// FeedbackResultsTrend is others' view across this and earlier closed rounds.
type FeedbackResultsTrend struct {
	Rounds       []FeedbackTrendRound `json:"rounds" doc:"oldest first"`
	Competencies []FeedbackTrendRow   `json:"competencies"`
}

// FeedbackTrendRound names a round of the trend.
type FeedbackTrendRound struct {
	ID       int64     `json:"id"`
	Title    string    `json:"title"`
	ClosedAt time.Time `json:"closed_at"`
}

// FeedbackTrendRow is others' view of one competency per round.
type FeedbackTrendRow struct {
	Competency string     `json:"competency"`
	Others     []*float64 `json:"others" doc:"one per round; null where the round showed nothing"`
}

// NewFeedbackResults converts results.
func NewFeedbackResults(v *journey.FeedbackResultsView) FeedbackResults {
	out := FeedbackResults{Round: NewFeedbackRound(v.Round), Target: v.Target, Competencies: []FeedbackResultRow{},
		BlindSpots: []string{}, HiddenStrengths: []string{}, Comments: []FeedbackComments{},
		Trend: FeedbackResultsTrend{Rounds: []FeedbackTrendRound{}, Competencies: []FeedbackTrendRow{}}}
	for _, r := range v.Rows {
		w := FeedbackResultRow{Competency: r.Competency, Name: r.Name, Raters: r.Raters, Groups: []FeedbackGroup{}, Kind: "none"}
		if r.Self > 0 {
			s := r.Self
			w.Self = &s
		}
		if r.HasOthers {
			o := r.Others
			w.Others = &o
		}
		if lv, ok := v.TargetLevels[r.Competency]; ok {
			w.Target = &lv
		}
		if r.Kind != "" {
			w.Kind = r.Kind
		}
		for _, g := range r.Groups {
			w.Groups = append(w.Groups, FeedbackGroup{Group: g.Group, Raters: g.N, Mean: g.Mean})
		}
		out.Competencies = append(out.Competencies, w)
	}
	for _, r := range v.BlindSpots {
		out.BlindSpots = append(out.BlindSpots, r.Competency)
	}
	for _, r := range v.HiddenStrengths {
		out.HiddenStrengths = append(out.HiddenStrengths, r.Competency)
	}
	for _, g := range v.Comments {
		out.Comments = append(out.Comments, FeedbackComments{Competency: g.Competency, Group: g.Group, Texts: strs(g.Texts)})
	}
	for _, r := range v.Trend.Rounds {
		out.Trend.Rounds = append(out.Trend.Rounds, FeedbackTrendRound{ID: r.ID, Title: r.Title, ClosedAt: r.ClosedAt.UTC()})
	}
	for _, row := range v.Trend.Rows {
		w := FeedbackTrendRow{Competency: row.Competency, Others: []*float64{}}
		for i, val := range row.Values {
			if row.Shown[i] {
				x := val
				w.Others = append(w.Others, &x)
			} else {
				w.Others = append(w.Others, nil)
			}
		}
		out.Trend.Competencies = append(out.Trend.Competencies, w)
	}
	return out
}
