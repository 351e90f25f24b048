package web

import (
	"net/http"
	"strconv"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// InterviewPage lists the question bank for the person.
type InterviewPage struct {
	Base
	Role       string
	Suggested  []QuestionView
	Categories []CategoryView
	Practised  int
}

// CategoryView is one category of questions.
type CategoryView struct {
	Key, Label string
	Questions  []QuestionView
}

// QuestionView is a question in a list.
type QuestionView struct {
	Key, Question, WhatItProbes, Competencies string
	ForYou                                    bool
	Attempts, LastRating                      int
}

func questionView(q journey.InterviewQuestion, names map[string]string) QuestionView {
	v := QuestionView{Key: q.Key, Question: q.Question.Question, WhatItProbes: q.WhatItProbes, ForYou: q.ForYou,
		Attempts: q.Attempts, LastRating: q.LastRating}
	v.Competencies = competencyNames(q.Competencies, names)
	return v
}

func competencyNames(keys []string, names map[string]string) string {
	out := ""
	for i, k := range keys {
		if i > 0 {
			out += ", "
		}
		if n := names[k]; n != "" {
			out += n
		} else {
			out += k
		}
	}
	return out
}

// Interview shows the question bank.
func (wb *Web) Interview(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	iv, err := wb.J.Interview(r.Context(), p)
	if err != nil {
		return err
	}
	names, err := wb.competencyNames(r)
	if err != nil {
		return err
	}
	page := InterviewPage{Base: wb.base(w, r, "Interview practice", "interview"), Role: iv.Role}
	for _, q := range iv.Suggested {
		page.Suggested = append(page.Suggested, questionView(q, names))
	}
	for _, c := range iv.Categories {
		cv := CategoryView{Key: c.Key, Label: journey.CategoryLabel(c.Key)}
		for _, q := range c.Questions {
			cv.Questions = append(cv.Questions, questionView(q, names))
			if q.Attempts > 0 {
				page.Practised++
			}
		}
		page.Categories = append(page.Categories, cv)
	}
	return wb.render(w, r, "interview", page)
}

func (wb *Web) competencyNames(r *http.Request) (map[string]string, error) {
	m, err := wb.J.Model(r.Context())
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, c := range m.Competencies() {
		out[c.Key] = c.Name
	}
	return out, nil
}

// QuestionPage is one question with the practice form and past attempts.
type QuestionPage struct {
	Base
	Key, Question, Category, WhatItProbes, StrongAnswer, Competencies string
	Attempts                                                          []AttemptView
	Evidence                                                          []EvidenceChoice
	Ratings                                                           []Option
	Form                                                              PracticeForm
	State                                                             FormState
}

// AttemptView is one past attempt.
type AttemptView struct {
	Date, Answer string
	Rating       int
	Evidence     []string
}

// EvidenceChoice is an evidence entry to link to an answer.
type EvidenceChoice struct {
	ID      int64
	Title   string
	Checked bool
}

// PracticeForm holds the values of the practice form, kept after an error.
type PracticeForm struct {
	Answer, Date, Rating string
	Evidence             map[int64]bool
}

// InterviewQuestion shows one question.
func (wb *Web) InterviewQuestion(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.questionPage(w, r, PracticeForm{Date: wb.today()})
	if err != nil {
		return err
	}
	return wb.render(w, r, "interview_question", page)
}

func (wb *Web) questionPage(w http.ResponseWriter, r *http.Request, form PracticeForm) (*QuestionPage, error) {
	q, err := journey.InterviewQuestionByKey(r.PathValue("key"))
	if err != nil {
		return nil, err
	}
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	names, err := wb.competencyNames(r)
	if err != nil {
		return nil, err
	}
	as, err := wb.J.Resume.FindPracticeAnswers(ctx, p.ID, q.Key)
	if err != nil {
		return nil, err
	}
	es, _, err := wb.J.Evidence.FindEvidence(ctx, ladder.EvidenceFilter{PersonID: p.ID})
	if err != nil {
		return nil, err
	}
	page := &QuestionPage{Base: wb.base(w, r, "Practise: "+q.Question, "interview"), Key: q.Key, Question: q.Question,
		Category: journey.CategoryLabel(q.Category), WhatItProbes: q.WhatItProbes, StrongAnswer: q.StrongAnswer,
		Competencies: competencyNames(q.Competencies, names), Form: form}
	title := map[int64]string{}
	for _, e := range es {
		title[e.ID] = e.Title
		page.Evidence = append(page.Evidence, EvidenceChoice{ID: e.ID, Title: e.Title, Checked: form.Evidence[e.ID]})
	}
	for _, a := range as {
		v := AttemptView{Date: a.Date.Format("2 Jan 2006"), Answer: a.Answer, Rating: a.Rating}
		for _, id := range a.EvidenceIDs {
			v.Evidence = append(v.Evidence, title[id])
		}
		page.Attempts = append(page.Attempts, v)
	}
	for i := 1; i <= 5; i++ {
		s := strconv.Itoa(i)
		page.Ratings = append(page.Ratings, Option{Value: s, Label: s, Selected: form.Rating == s})
	}
	return page, nil
}

// PracticeQuestion saves a practice answer.
func (wb *Web) PracticeQuestion(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "answer", "could not be read")
	}
	form := PracticeForm{Answer: r.PostFormValue("answer"), Date: r.PostFormValue("date"), Rating: r.PostFormValue("rating"),
		Evidence: map[int64]bool{}}
	q, err := journey.InterviewQuestionByKey(r.PathValue("key"))
	if err != nil {
		return err
	}
	a := &ladder.PracticeAnswer{PersonID: p.ID, Question: q.Key, Answer: form.Answer}
	fe := ladder.FieldErrors{}
	for _, s := range r.PostForm["evidence"] {
		id, err := strconv.ParseInt(s, 10, 64)
		if err != nil || id <= 0 {
			fe.Add("evidence", "must be your evidence entries")
			continue
		}
		form.Evidence[id] = true
		a.EvidenceIDs = append(a.EvidenceIDs, id)
	}
	a.Date = ladder.Day(wb.J.DB.Now())
	if d := formDate(fe, "date", form.Date); d != nil {
		a.Date = *d
	}
	if form.Rating != "" {
		if a.Rating, err = strconv.Atoi(form.Rating); err != nil {
			fe.Add("rating", "must be 1-5")
		}
	}
	if len(fe) > 0 {
		check := *a
		addDomainErrors(fe, check.Validate())
		err = fe.Err("The practice answer is not valid.")
	} else {
		err = wb.J.Resume.CreatePracticeAnswer(ctx, a)
	}
	if err != nil {
		page, perr := wb.questionPage(w, r, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "interview_question", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/interview/"+q.Key, "Saved your attempt of "+a.Date.Format("2 Jan 2006")+", rated "+strconv.Itoa(a.Rating)+"/5.")
}
