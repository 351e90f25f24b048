package api

import (
	"net/http"
)

// cohortFeedbackOperations are a cohort's 360 feedback for its programme
// admins: the raters the chart proposes and the rounds' progress (counts
// only), and starting the rounds.
func (a *API) cohortFeedbackOperations() []Operation {
	const get, post = http.MethodGet, http.MethodPost
	p := Prefix + "/org/cohorts/{id}/feedback"
	return []Operation{
		{ID: "getCohortFeedback", Method: get, Path: p, Tag: "organisation",
			Summary: "A cohort's 360 feedback: raters proposed from the organisation chart and the progress of its rounds (programme admins and owners)",
			Description: "Progress is counts and days only: never results, answers or who answered; the results are the member's own. " +
				"Another organisation's cohort is 404, a plain member 403.",
			PathParams: []Param{idParam}, Status: http.StatusOK, Response: CohortFeedback{}, Errors: []int{http.StatusForbidden, http.StatusNotFound},
			Handler: a.getCohortFeedback},
		{ID: "startCohortFeedback", Method: post, Path: p, Tag: "organisation",
			Summary: "Start a 360 round for members of a cohort, on the programme's target role; each rater gets their link by mail",
			Description: "All rounds or none: any bad rater is 400 naming `raters.PERSON_ID`, and nothing is written. Members with a round open are " +
				"skipped and said so. Raters must be members or at one of the organisation's domains unless it allows outside raters. " +
				"Needs mail on the server (409 without): the links must not pass through the admin.",
			PathParams: []Param{idParam}, Body: CohortFeedbackStart{}, Status: http.StatusCreated, Response: CohortFeedbackStarted{},
			Errors: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict}, Handler: a.startCohortFeedback},
		{ID: "remindCohortFeedback", Method: post, Path: p + "/remind", Tag: "organisation",
			Summary: "Remind the raters who have not answered in the cohort's open rounds: each gets a fresh link by mail",
			Description: "The answer is counts only, as for a member reminding their own raters: nobody learns who was reminded. " +
				"409 when no round of the cohort is open or mail is not set up.",
			PathParams: []Param{idParam}, Status: http.StatusOK, Response: CohortFeedbackReminders{},
			Errors: []int{http.StatusForbidden, http.StatusNotFound, http.StatusConflict}, Handler: a.remindCohortFeedback},
	}
}

// CohortFeedbackReminders says how many open rounds were reminded and how
// many mails went out.
type CohortFeedbackReminders struct {
	Rounds int `json:"rounds"`
	Sent   int `json:"sent"`
	Failed int `json:"failed"`
}

func (a *API) getCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	v, err := a.J.CohortFeedback(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewCohortFeedback(v))
}

func (a *API) startCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var b CohortFeedbackStart
	if err := a.decode(w, r, &b); err != nil {
		return err
	}
	in, err := b.Start()
	if err != nil {
		return err
	}
	res, err := a.J.StartCohortFeedback(r.Context(), p, id, in, a.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, NewCohortFeedbackStarted(res))
}

func (a *API) remindCohortFeedback(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	rounds, rem, err := a.J.RemindCohortFeedback(r.Context(), p, id, a.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	if rem.Failed > 0 {
		a.Log.Warn("cohort feedback reminders not sent", "cohort", id, "failed", rem.Failed, "problem", rem.Problem)
	}
	return writeJSON(w, http.StatusOK, CohortFeedbackReminders{Rounds: rounds, Sent: rem.Sent, Failed: rem.Failed})
}
