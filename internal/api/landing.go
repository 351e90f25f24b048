package api

import (
	"net/http"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/interview"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/resume"
)

// landingOperations are the operations of opportunities, the resume,
// the cover letter and interview practice.
func (a *API) landingOperations() []Operation {
	const get, post, put, patch, del = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
	ok, created, none := http.StatusOK, http.StatusCreated, http.StatusNoContent
	p := Prefix
	oppParam := Param{Name: "opportunity", Integer: true, Description: "one of your opportunities' id, to write the letter for it"}
	return []Operation{
		{ID: "listOpportunities", Method: get, Path: p + "/opportunities", Tag: "opportunities",
			Summary: "Your opportunities in pipeline order, and whether to talk to your supervisor first",
			Description: "prompt is set while no opportunity reached \"discussed\" (with the supervisor), or while you follow outside " +
				"openings without having discussed an inside one, until you record the talk (PUT .../supervisor-talk).",
			Status: ok, Response: Pipeline{}, Handler: a.listOpportunities},
		{ID: "createOpportunity", Method: post, Path: p + "/opportunities", Tag: "opportunities",
			Summary: "Add a management role, acting role or stretch assignment you follow",
			Body:    OpportunityCreate{}, Status: created, Response: Opportunity{},
			Headers: map[string]string{"Location": "the new opportunity's URL"}, Handler: a.createOpportunity},
		{ID: "getOpportunity", Method: get, Path: p + "/opportunities/{id}", Tag: "opportunities", Summary: "One of your opportunities with its stage history",
			PathParams: []Param{idParam}, Status: ok, Response: Opportunity{}, Errors: notFound, Handler: a.getOpportunity},
		{ID: "updateOpportunity", Method: patch, Path: p + "/opportunities/{id}", Tag: "opportunities",
			Summary:     "Change an opportunity's details",
			Description: "Fields left out stay as they are. The stage changes with POST .../stage, which keeps the history.",
			PathParams:  []Param{idParam}, Body: OpportunityPatch{}, Status: ok, Response: Opportunity{}, Errors: notFound,
			Handler: a.updateOpportunity},
		{ID: "moveOpportunity", Method: post, Path: p + "/opportunities/{id}/stage", Tag: "opportunities",
			Summary:     "Move an opportunity to a stage; the change is added to its history",
			Description: "The day may not be in the future nor before the last change; moving to the current stage is 400.",
			PathParams:  []Param{idParam}, Body: StageMove{}, Status: ok, Response: Opportunity{}, Errors: notFound, Handler: a.moveOpportunity},
		{ID: "deleteOpportunity", Method: del, Path: p + "/opportunities/{id}", Tag: "opportunities", Summary: "Delete an opportunity and its history",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deleteOpportunity},
		{ID: "setSupervisorTalk", Method: put, Path: p + "/opportunities/supervisor-talk", Tag: "opportunities",
			Summary: "Record that you talked to your supervisor about moving into management; it retires the prompt",
			Body:    SupervisorTalkSet{}, Status: ok, Response: SupervisorTalk{}, Handler: a.setSupervisorTalk},

		{ID: "listResume", Method: get, Path: p + "/resume", Tag: "resume", Summary: "Your resume bullets in order, with why each is there",
			Status: ok, Response: []ResumeBullet{}, Handler: a.listResume},
		{ID: "generateResume", Method: post, Path: p + "/resume/generate", Tag: "resume",
			Summary: "Make your bullets from your evidence log, ranked for your target role",
			Description: "Edited bullets keep their words and hidden ones stay hidden; the order is the new ranking. An edited " +
				"bullet whose entry was deleted stays, last. Without a target role it is 400.",
			Status: ok, Response: []ResumeBullet{}, Errors: []int{http.StatusBadRequest}, Handler: a.generateResume},
		{ID: "updateResumeBullet", Method: patch, Path: p + "/resume/bullets/{id}", Tag: "resume",
			Summary:     "Reword, hide, show or move one of your bullets",
			Description: "Changing any wording marks the bullet edited, so generating again keeps it.",
			PathParams:  []Param{idParam}, Body: ResumeBulletPatch{}, Status: ok, Response: ResumeBullet{}, Errors: notFound,
			Handler: a.updateResumeBullet},
		{ID: "getResumeMarkdown", Method: get, Path: p + "/resume.md", Tag: "resume",
			Summary: "Your bullets (not the hidden ones) as Markdown, with each in STAR detail",
			Status:  ok, Response: "", ContentType: "text/markdown", Handler: a.getResumeMarkdown},
		{ID: "getResumeText", Method: get, Path: p + "/resume.txt", Tag: "resume", Summary: "Your bullets (not the hidden ones) as plain text",
			Status: ok, Response: "", ContentType: "text/plain", Handler: a.getResumeText},
		{ID: "getCoverLetter", Method: get, Path: p + "/cover-letter", Tag: "resume",
			Summary: "A cover-letter outline for your target role or one of your opportunities",
			Query:   []Param{oppParam}, Status: ok, Response: []CoverSection{}, Errors: notFound, Handler: a.getCoverLetter},
		{ID: "getCoverLetterMarkdown", Method: get, Path: p + "/cover-letter.md", Tag: "resume", Summary: "The cover-letter outline as Markdown",
			Query: []Param{oppParam}, Status: ok, Response: "", ContentType: "text/markdown", Errors: notFound, Handler: a.getCoverLetterMarkdown},

		{ID: "listInterviewQuestions", Method: get, Path: p + "/interview/questions", Tag: "interview",
			Summary:     "The interview question bank: suggested ones first, then by category, those for your role first",
			Description: "suggested questions suit your target role and draw on your largest gaps.",
			Query:       []Param{{Name: "category", Enum: interview.Categories, Description: "only this category"}},
			Status:      ok, Response: []InterviewQuestion{}, Handler: a.listInterviewQuestions},
		{ID: "listPracticeAnswers", Method: get, Path: p + "/interview/practice", Tag: "interview", Summary: "Your practice answers, newest first",
			Query:  []Param{{Name: "question", Description: "only the answers to this question's key"}},
			Status: ok, Response: []PracticeAnswer{}, Handler: a.listPracticeAnswers},
		{ID: "createPracticeAnswer", Method: post, Path: p + "/interview/practice", Tag: "interview",
			Summary: "Save an attempt at a question, with your rating and the evidence it uses",
			Body:    PracticeCreate{}, Status: created, Response: PracticeAnswer{},
			Headers: map[string]string{"Location": "the new answer's URL"}, Handler: a.createPracticeAnswer},
		{ID: "deletePracticeAnswer", Method: del, Path: p + "/interview/practice/{id}", Tag: "interview", Summary: "Delete one of your practice answers",
			PathParams: []Param{idParam}, Status: none, Errors: notFound, Handler: a.deletePracticeAnswer},
	}
}

// bodyDay reads an optional YYYY-MM-DD body field; "" is the zero time.
func bodyDay(field, s, message string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fieldError(message, field, "must be a date (YYYY-MM-DD)")
	}
	return t, nil
}

func (a *API) listOpportunities(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	pl, err := a.J.Pipeline(r.Context(), p.ID)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewPipeline(pl))
}

func (a *API) createOpportunity(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body OpportunityCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	const msg = "The opportunity is not valid."
	since, err := bodyDay("since", body.Since, msg)
	if err != nil {
		return err
	}
	next, err := bodyDay("next_step_date", body.NextStepDate, msg)
	if err != nil {
		return err
	}
	o := &ladder.Opportunity{PersonID: p.ID, Title: body.Title, Organisation: body.Organisation, Internal: body.Internal,
		Kind: body.Kind, Stage: body.Stage, Notes: body.Notes, Link: body.Link, NextStep: body.NextStep, NextStepDate: next}
	if err := a.J.Opportunities.CreateOpportunity(r.Context(), o, since); err != nil {
		return err
	}
	return writeCreated(w, "opportunities", o.ID, NewOpportunity(o))
}

func (a *API) getOpportunity(w http.ResponseWriter, r *http.Request) error {
	return getOwn(w, r, a.J.Opportunities.FindOpportunity, NewOpportunity)
}

func (a *API) updateOpportunity(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body OpportunityPatch
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	if body == (OpportunityPatch{}) {
		return fieldError("The change is not valid.", "title", "give at least one field to change")
	}
	// The store finds only the person's own: another's is not found.
	o, err := a.J.Opportunities.FindOpportunity(r.Context(), p.ID, id)
	if err != nil {
		return err
	}
	for _, f := range []struct{ dst, v *string }{{&o.Title, body.Title}, {&o.Organisation, body.Organisation}, {&o.Kind, body.Kind},
		{&o.Notes, body.Notes}, {&o.Link, body.Link}, {&o.NextStep, body.NextStep}} {
		if f.v != nil {
			*f.dst = *f.v
		}
	}
	if body.Internal != nil {
		o.Internal = *body.Internal
	}
	if body.NextStepDate != nil {
		if o.NextStepDate, err = bodyDay("next_step_date", *body.NextStepDate, "The opportunity is not valid."); err != nil {
			return err
		}
	}
	if err := a.J.Opportunities.UpdateOpportunity(r.Context(), o); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOpportunity(o))
}

func (a *API) moveOpportunity(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body StageMove
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	day, err := bodyDay("date", body.Date, "The stage change is not valid.")
	if err != nil {
		return err
	}
	o, err := a.J.Opportunities.MoveOpportunity(r.Context(), p.ID, id, body.Stage, day)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, NewOpportunity(o))
}

func (a *API) deleteOpportunity(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Opportunities.DeleteOpportunity)
}

func (a *API) setSupervisorTalk(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body SupervisorTalkSet
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	t := &ladder.SupervisorTalk{PersonID: p.ID, Note: body.Note, Date: ladder.Day(a.J.DB.Now())}
	if body.Date != "" {
		if t.Date, err = bodyDay("date", body.Date, "The talk is not valid."); err != nil {
			return err
		}
	}
	if err := a.J.Opportunities.SetSupervisorTalk(r.Context(), t); err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, SupervisorTalk{Date: t.Date.Format(time.DateOnly), Note: t.Note})
}

func (a *API) listResume(w http.ResponseWriter, r *http.Request) error {
	return listOwn(w, r, a.J.Resume.FindResumeBullets, NewResumeBullet)
}

func (a *API) generateResume(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	bs, err := a.J.GenerateResume(r.Context(), p)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, newResumeBullets(bs))
}

func (a *API) updateResumeBullet(w http.ResponseWriter, r *http.Request) error {
	p, id, err := personAndID(r)
	if err != nil {
		return err
	}
	var body ResumeBulletPatch
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	if body == (ResumeBulletPatch{}) {
		return fieldError("The change is not valid.", "text", "give text, situation, task, action, result, hidden or position")
	}
	if body.Position != nil && *body.Position < 1 {
		return fieldError("The change is not valid.", "position", "must be 1 or more")
	}
	ctx := r.Context()
	b, err := a.J.EditBullet(ctx, p, id, journey.BulletEdit{Situation: body.Situation, Task: body.Task, Action: body.Action,
		Result: body.Result, Text: body.Text, Hidden: body.Hidden})
	if err != nil {
		return err
	}
	if body.Position != nil {
		bs, err := a.J.MoveBullet(ctx, p, id, *body.Position)
		if err != nil {
			return err
		}
		for _, x := range bs {
			if x.ID == id {
				b = x
			}
		}
	}
	return writeJSON(w, http.StatusOK, NewResumeBullet(b))
}

// writeText answers a text document of contentType.
func writeText(w http.ResponseWriter, contentType, s string) error {
	w.Header().Set("Content-Type", contentType+"; charset=utf-8")
	_, err := w.Write([]byte(s))
	return err
}

func (a *API) getResumeMarkdown(w http.ResponseWriter, r *http.Request) error {
	return a.resumeDocument(w, r, "text/markdown", resume.Markdown)
}

func (a *API) getResumeText(w http.ResponseWriter, r *http.Request) error {
	return a.resumeDocument(w, r, "text/plain", resume.Text)
}

func (a *API) resumeDocument(w http.ResponseWriter, r *http.Request, contentType string, write func(resume.Document) string) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	d, err := a.J.ResumeDocument(r.Context(), p)
	if err != nil {
		return err
	}
	return writeText(w, contentType, write(d))
}

// coverLetter reads ?opportunity= and builds the outline.
func (a *API) coverLetter(r *http.Request) (resume.CoverInput, []resume.Section, error) {
	p, err := person(r)
	if err != nil {
		return resume.CoverInput{}, nil, err
	}
	var id int64
	if s := r.URL.Query().Get("opportunity"); s != "" {
		if id, err = strconv.ParseInt(s, 10, 64); err != nil || id <= 0 {
			return resume.CoverInput{}, nil, fieldError("A query parameter is not valid.", "opportunity", "must be an opportunity's id")
		}
	}
	return a.J.CoverLetter(r.Context(), p, id)
}

func (a *API) getCoverLetter(w http.ResponseWriter, r *http.Request) error {
	_, secs, err := a.coverLetter(r)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wireEach(secs, NewCoverSection))
}

func (a *API) getCoverLetterMarkdown(w http.ResponseWriter, r *http.Request) error {
	in, secs, err := a.coverLetter(r)
	if err != nil {
		return err
	}
	return writeText(w, "text/markdown", resume.CoverLetterMarkdown(in, secs))
}

func (a *API) listInterviewQuestions(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	category, err := queryEnum(r, "category", interview.Categories...)
	if err != nil {
		return err
	}
	iv, err := a.J.Interview(r.Context(), p)
	if err != nil {
		return err
	}
	out := []InterviewQuestion{}
	seen := map[string]bool{}
	for _, q := range iv.Suggested {
		if category == "" || q.Category == category {
			out = append(out, NewInterviewQuestion(q, true))
			seen[q.Key] = true
		}
	}
	for _, c := range iv.Categories {
		for _, q := range c.Questions {
			if !seen[q.Key] && (category == "" || c.Key == category) {
				out = append(out, NewInterviewQuestion(q, false))
			}
		}
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) listPracticeAnswers(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	key := r.URL.Query().Get("question")
	if key != "" {
		if _, err := journey.InterviewQuestionByKey(key); err != nil {
			return fieldError("A query parameter is not valid.", "question", "is not a question of the bank")
		}
	}
	as, err := a.J.Resume.FindPracticeAnswers(r.Context(), p.ID, key)
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, wireEach(as, NewPracticeAnswer))
}

func (a *API) createPracticeAnswer(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	var body PracticeCreate
	if err := a.decode(w, r, &body); err != nil {
		return err
	}
	x := &ladder.PracticeAnswer{PersonID: p.ID, Question: body.Question, Answer: body.Answer, Rating: body.Rating,
		EvidenceIDs: body.EvidenceIDs, Date: ladder.Day(a.J.DB.Now())}
	if body.Date != "" {
		if x.Date, err = bodyDay("date", body.Date, "The practice answer is not valid."); err != nil {
			return err
		}
	}
	if err := a.J.Resume.CreatePracticeAnswer(r.Context(), x); err != nil {
		return err
	}
	return writeCreated(w, "interview/practice", x.ID, NewPracticeAnswer(x))
}

func (a *API) deletePracticeAnswer(w http.ResponseWriter, r *http.Request) error {
	return deleteOwn(w, r, a.J.Resume.DeletePracticeAnswer)
}
