package api

import (
	"fmt"
	"net/http"

	"github.com/ladderhq/ladder/internal/httpx"
)

// feedbackOperations are the operations of 360 feedback for the person who
// asks. The raters' page is web-only: a rater has a link, not an account.
func (a *API) feedbackOperations() []Operation {
	const get, post = http.MethodGet, http.MethodPost
	ok, created, none := http.StatusOK, http.StatusCreated, http.StatusNoContent
	p := Prefix + "/feedback"
	conflict := []int{http.StatusNotFound, http.StatusConflict}
	return []Operation{
		{ID: "listFeedbackRounds", Method: get, Path: p + "/rounds", Tag: "feedback", Summary: "Your rounds of 360 feedback, newest first",
			Description: "Counts say how many of each category were asked and answered, never who.",
			Status:      ok, Response: []FeedbackRound{}, Handler: a.listFeedbackRounds},
		{ID: "createFeedbackRound", Method: post, Path: p + "/rounds", Tag: "feedback", Summary: "Start a round of 360 feedback",
			Description: "Without competencies, raters are asked about every requirement of your target role. The round keeps the " +
				"anonymity minimums it starts with (docs/anonymity.md).",
			Body: FeedbackRoundCreate{}, Status: created, Response: FeedbackRound{},
			Headers: map[string]string{"Location": "the new round's URL"}, Handler: a.createFeedbackRound},
		{ID: "getFeedbackRound", Method: get, Path: p + "/rounds/{id}", Tag: "feedback", Summary: "One of your rounds with its counts",
			PathParams: []Param{idParam}, Status: ok, Response: FeedbackRound{}, Errors: notFound, Handler: a.getFeedbackRound},
		{ID: "listFeedbackRaters", Method: get, Path: p + "/rounds/{id}/raters", Tag: "feedback",
			Summary:    "The raters you asked in a round (never whether they answered)",
			PathParams: []Param{idParam}, Status: ok, Response: []FeedbackRater{}, Errors: notFound, Handler: a.listFeedbackRaters},
		{ID: "createFeedbackRater", Method: post, Path: p + "/rounds/{id}/raters", Tag: "feedback",
			Summary: "Ask someone for feedback; their personal link is in this response only",
			Description: "With mail set up (ladder serve --smtp) the link is mailed to them too. Your own address is refused; an " +
				"address already on the round, withdrawn or not, is 409. A closed round is 409.",
			PathParams: []Param{idParam}, Body: FeedbackRaterCreate{}, Status: created, Response: FeedbackRaterCreated{}, Errors: conflict,
			Headers: map[string]string{"Location": "the round's raters"}, Handler: a.createFeedbackRater},
		{ID: "revokeFeedbackRater", Method: post, Path: p + "/raters/{id}/revoke", Tag: "feedback", Summary: "Withdraw a rater's link",
			Description: "An answer already sent stays: nothing links it to the rater.",
			PathParams:  []Param{idParam}, Status: none, Errors: notFound, Handler: a.revokeFeedbackRater},
		{ID: "remindFeedbackRaters", Method: post, Path: p + "/rounds/{id}/remind", Tag: "feedback",
			Summary: "Mail a reminder, with a fresh link, to everyone asked who has not answered",
			Description: "The answer says how many were reminded, never who. Without mail set up, or for a closed round, it is 409: " +
				"send everyone a note yourself.",
			PathParams: []Param{idParam}, Status: ok, Response: FeedbackReminders{}, Errors: conflict, Handler: a.remindFeedbackRaters},
		{ID: "closeFeedbackRound", Method: post, Path: p + "/rounds/{id}/close", Tag: "feedback", Summary: "Close a round: links stop working and results show",
			Description: "Closing applies the anonymity rule and keeps only what it shows; the answers themselves are deleted. " +
				"Closing twice is 409.",
			PathParams: []Param{idParam}, Status: ok, Response: FeedbackRound{}, Errors: conflict, Handler: a.closeFeedbackRound},
		{ID: "getFeedbackResults", Method: get, Path: p + "/rounds/{id}/results", Tag: "feedback",
			Summary: "Self against others per competency and group, blind spots, hidden strengths, comments and the trend",
			Description: "Only for a closed round (409 while open). Every figure is an aggregate over a group of at least its " +
				"minimum of raters (docs/anonymity.md).",
			PathParams: []Param{idParam}, Status: ok, Response: FeedbackResults{}, Errors: conflict, Handler: a.getFeedbackResults},
	}
}

// feedbackBaseURL is where rater links point: the configured public
// address, else this request's.
func (a *API) feedbackBaseURL(r *http.Request) string { return httpx.BaseURL(r, a.J.PublicURL) }

func (a *API) listFeedbackRounds(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	rs, err := a.J.Feedback.FindFeedbackRounds(r.Context(), p.ID)
	if err != nil {
		return err
	}
	out := make([]FeedbackRound, 0, len(rs))
	for _, rd := range rs {
		out = append(out, NewFeedbackRound(rd))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createFeedbackRound(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body FeedbackRoundCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	in, err := body.Start()
	if err != nil {
		return err
	}
	rd, err := a.J.StartFeedbackRound(r.Context(), p, in)
	if err != nil {
		return err
	}
	return writeCreated(w, "feedback/rounds", rd.ID, NewFeedbackRound(rd))
}

func (a *API) getFeedbackRound(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	rd, err := a.J.Feedback.FindFeedbackRound(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFeedbackRound(rd))
}

func (a *API) listFeedbackRaters(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	rs, err := a.J.Feedback.FindFeedbackRaters(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	out := make([]FeedbackRater, 0, len(rs))
	for _, rt := range rs {
		out = append(out, NewFeedbackRater(rt))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) createFeedbackRater(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body FeedbackRaterCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	inv, err := a.J.AddFeedbackRater(r.Context(), p, id, body.Category, body.Email, body.Days, a.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	w.Header().Set("Location", fmt.Sprintf("%s/feedback/rounds/%d/raters", Prefix, id))
	return writeJSON(w, http.StatusCreated, FeedbackRaterCreated{FeedbackRater: NewFeedbackRater(inv.Rater), Link: inv.Link,
		Mailed: inv.Mailed, MailError: inv.MailError})
}

func (a *API) revokeFeedbackRater(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Feedback.RevokeFeedbackRater)
}

func (a *API) remindFeedbackRaters(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	rem, err := a.J.RemindFeedbackRaters(r.Context(), p, id, a.feedbackBaseURL(r))
	if err != nil {
		return err
	}
	if rem.Failed > 0 {
		a.Log.Warn("feedback reminders not sent", "round", id, "failed", rem.Failed, "problem", rem.Problem)
	}
	return writeJSON(w, http.StatusOK, FeedbackReminders{Sent: rem.Sent, Failed: rem.Failed})
}

func (a *API) closeFeedbackRound(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	if err := a.J.CloseFeedbackRound(r.Context(), p, id); err != nil {
		return err
	}
	rd, err := a.J.Feedback.FindFeedbackRound(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFeedbackRound(rd))
}

func (a *API) getFeedbackResults(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	v, err := a.J.FeedbackResults(r.Context(), p, id)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewFeedbackResults(v))
}
