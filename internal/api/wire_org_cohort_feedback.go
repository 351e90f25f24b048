package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// A cohort's 360 feedback as its programme admins see it: the raters the
// organisation chart proposes, and the progress of the rounds started,
// counts only. Nothing here carries results, answers or who answered.

// CohortFeedback is a cohort's 360 feedback.
type CohortFeedback struct {
	CohortID     int64                  `json:"cohort_id"`
	Cohort       string                 `json:"cohort"`
	ProgrammeID  int64                  `json:"programme_id"`
	Programme    string                 `json:"programme"`
	TargetRole   string                 `json:"target_role" doc:"the programme's target role, whose requirements the rounds ask about"`
	Competencies []string               `json:"competencies" doc:"competency keys a round asks about"`
	Mail         bool                   `json:"mail" doc:"whether the server sends mail; rounds start only then"`
	Members      []CohortFeedbackMember `json:"members" doc:"the cohort's members, by name"`
}

// CohortFeedbackMember is one member of the cohort.
type CohortFeedbackMember struct {
	PersonID int64                 `json:"person_id"`
	Name     string                `json:"name"`
	Title    string                `json:"title"`
	Open     bool                  `json:"open" doc:"the member has a round open (theirs or one started for them): no new one starts"`
	Proposed []CohortRater         `json:"proposed" doc:"raters the organisation chart proposes: manager, direct reports, peers (at most 6 each), mentors as stakeholders"`
	Rounds   []CohortRoundProgress `json:"rounds" doc:"rounds started for this cohort, newest first: progress only"`
}

// CohortRater is a rater of a cohort member's round.
type CohortRater struct {
	Category string `json:"category" enum:"manager,peer,report,stakeholder"`
	Email    string `json:"email"`
	Name     string `json:"name,omitempty" doc:"the member's name, for raters who are members"`
}

// CohortRoundProgress is what admins see of a round started for the cohort.
type CohortRoundProgress struct {
	RoundID   int64      `json:"round_id" doc:"the round's id; only the member opens it"`
	Title     string     `json:"title"`
	Status    string     `json:"status" enum:"open,closed"`
	Invited   int        `json:"invited" doc:"raters asked, every category together"`
	Answered  int        `json:"answered" doc:"open: raters who sent the form; closed: raters who gave a level or a comment; never who"`
	ClosesOn  string     `json:"closes_on" doc:"YYYY-MM-DD"`
	ClosedAt  *time.Time `json:"closed_at" doc:"null while open"`
	StartedBy string     `json:"started_by" doc:"the programme admin who started it; empty once their account is deleted"`
}

// NewCohortFeedback converts a cohort's 360 feedback.
func NewCohortFeedback(v *journey.CohortFeedbackView) CohortFeedback {
	out := CohortFeedback{CohortID: v.Cohort.ID, Cohort: v.Cohort.Name, ProgrammeID: v.Programme.ID, Programme: v.Programme.Name,
		TargetRole: v.Programme.TargetRole, Competencies: strs(v.Competencies), Mail: v.MailOn, Members: []CohortFeedbackMember{}}
	for _, m := range v.Members {
		cm := CohortFeedbackMember{PersonID: m.PersonID, Name: m.Name, Title: m.Title, Open: m.Open, Proposed: []CohortRater{},
			Rounds: []CohortRoundProgress{}}
		for _, r := range m.Proposed {
			cm.Proposed = append(cm.Proposed, CohortRater(r))
		}
		for _, p := range m.Rounds {
			rp := CohortRoundProgress{RoundID: p.RoundID, Title: p.Title, Status: "open", Invited: p.Invited, Answered: p.Answered,
				ClosesOn: p.ClosesOn.Format(time.DateOnly), StartedBy: p.StartedByName}
			if p.Closed() {
				rp.Status, rp.ClosedAt = "closed", optTime(p.ClosedAt)
			}
			cm.Rounds = append(cm.Rounds, rp)
		}
		out.Members = append(out.Members, cm)
	}
	return out
}

// CohortFeedbackStart is the body of POST /api/v1/org/cohorts/{id}/feedback.
type CohortFeedbackStart struct {
	Title    string                   `json:"title"`
	ClosesOn string                   `json:"closes_on" doc:"YYYY-MM-DD, today or later; links work to the end of this day"`
	Members  []CohortFeedbackStartFor `json:"members,omitempty" doc:"the members to start for; left out: every member without an open round, with the proposed raters"`
}

// CohortFeedbackStartFor is one member to start a round for.
type CohortFeedbackStartFor struct {
	PersonID int64             `json:"person_id"`
	Raters   []CohortRaterBody `json:"raters,omitempty" doc:"the raters as reviewed; left out: the proposed ones"`
}

// CohortRaterBody is a rater to ask.
type CohortRaterBody struct {
	Category string `json:"category" enum:"manager,peer,report,stakeholder"`
	Email    string `json:"email"`
}

// Start parses the body.
func (b CohortFeedbackStart) Start() (journey.CohortStart, error) {
	f := ladder.FieldErrors{}
	in := journey.CohortStart{Title: b.Title, ClosesOn: orgDay(f, "closes_on", b.ClosesOn)}
	for _, m := range b.Members {
		cr := ladder.CohortRound{PersonID: m.PersonID}
		if m.Raters != nil {
			cr.Raters = []ladder.CohortRater{}
		}
		for _, r := range m.Raters {
			cr.Raters = append(cr.Raters, ladder.CohortRater{Category: r.Category, Email: r.Email})
		}
		in.Rounds = append(in.Rounds, cr)
	}
	return in, f.Err("The rounds are not valid.")
}

// CohortFeedbackStarted is what starting did, member by member.
type CohortFeedbackStarted struct {
	Summary string              `json:"summary"`
	Members []CohortStartedItem `json:"members" doc:"by name"`
}

// CohortStartedItem is the outcome for one member: counts, never an
// address.
type CohortStartedItem struct {
	PersonID int64  `json:"person_id"`
	Name     string `json:"name"`
	RoundID  *int64 `json:"round_id" doc:"null when skipped"`
	Raters   int    `json:"raters"`
	Mailed   int    `json:"mailed"`
	Failed   int    `json:"failed" doc:"mails that could not be sent; the member can send reminders"`
	Problem  string `json:"problem,omitempty" doc:"the first sending error, without any address"`
	Skipped  string `json:"skipped,omitempty" doc:"why no round was started"`
}

// NewCohortFeedbackStarted converts the outcome.
func NewCohortFeedbackStarted(res []journey.CohortStarted) CohortFeedbackStarted {
	out := CohortFeedbackStarted{Summary: journey.CohortFeedbackStarted(res), Members: []CohortStartedItem{}}
	for _, r := range res {
		it := CohortStartedItem{PersonID: r.PersonID, Name: r.Name, Raters: r.Raters, Mailed: r.Mailed, Failed: r.Failed,
			Problem: r.Problem, Skipped: r.Skipped}
		if r.RoundID != 0 {
			id := r.RoundID
			it.RoundID = &id
		}
		out.Members = append(out.Members, it)
	}
	return out
}
