package web

import (
	"fmt"
	"net/http"
	"sort"
	"strconv"

	"github.com/ladderhq/ladder"
)

// notSureValue is the form value of the "Not sure" answer.
const notSureValue = "not-sure"

// AssessPage is the overview of the assessment in progress.
type AssessPage struct {
	Base
	TargetTitle string
	Areas       []AssessArea
	Draft       bool
	Started     string // when the draft was started
	Progress    string // "12 of 38 answered"
	CanFinish   bool   // the draft holds at least one answer
	LastDone    string // when the latest assessment was finished, if any
	NextURL     string // the first area with questions left
	Form        FormState
}

// AssessArea is one area of the target role's competencies with how far
// the draft has got in it.
type AssessArea struct {
	Key         string
	Name        string
	Description string
	URL         string
	Answered    int
	Total       int
	Status      string // "3 of 5 answered"
	Action      string // "Start", "Carry on" or "Review"
}

// AssessAreaPage asks the competencies of one area.
type AssessAreaPage struct {
	Base
	Area      AssessArea
	Step      string // "Area 2 of 8"
	Action    string // the form's URL
	RatingURL string // where htmx saves each answer
	Submit    string // the submit button's label
	PrevURL   string
	PrevName  string
	Questions []Question
	Error     string
}

// Question is one competency with its level descriptors as radio buttons.
type Question struct {
	Key         string
	Name        string
	Description string
	Field       string // the radio group's name
	StatusID    string
	ErrorID     string
	Error       string
	Options     []LevelOption
}

// LevelOption is one answer to a Question.
type LevelOption struct {
	ID         string
	Name       string
	Value      string
	Label      string
	Descriptor string
	Checked    bool
}

// SavedFragment is the small confirmation htmx shows beside an answer.
type SavedFragment struct {
	Text  string
	Error bool
}

// assessState is what the assessment pages are computed from.
type assessState struct {
	p      *ladder.Person
	m      *ladder.Model
	target ladder.Role
	areas  []areaQuestions
	draft  *ladder.Assessment // nil when none is in progress
	last   *ladder.Assessment // the latest finished one, or nil
	answer map[string]int     // competency -> level in the draft
}

// areaQuestions is an area and the target role's competencies in it, in
// model order.
type areaQuestions struct {
	area  ladder.Area
	comps []ladder.Competency
}

// assessState loads the model, the target role and the person's self
// assessments in one query. ok is false when the person was sent to
// onboarding first.
func (wb *Web) assessState(w http.ResponseWriter, r *http.Request) (st *assessState, ok bool, err error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if p.TargetRole == "" {
		return nil, false, redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	st = &assessState{p: p, answer: map[string]int{}}
	if st.m, err = wb.J.Model(ctx); err != nil {
		return nil, false, err
	}
	if st.target, err = wb.J.ResolveTarget(st.m, p.TargetRole); err != nil {
		return nil, false, err
	}
	want := map[string]bool{}
	for _, q := range st.target.Requirements {
		want[q.Competency] = true
	}
	for _, a := range st.m.Areas {
		aq := areaQuestions{area: a}
		for _, c := range a.Competencies {
			if want[c.Key] {
				aq.comps = append(aq.comps, c)
			}
		}
		if len(aq.comps) > 0 {
			st.areas = append(st.areas, aq)
		}
	}
	as, err := wb.J.Assessments.FindAssessments(ctx, ladder.AssessmentFilter{PersonID: p.ID, Kind: ladder.AssessSelf})
	if err != nil {
		return nil, false, err
	}
	for _, a := range as {
		if a.Completed() {
			if st.last == nil || !a.CompletedAt.Before(st.last.CompletedAt) {
				st.last = a
			}
		} else {
			st.draft = a // the latest, as journey.Draft picks
		}
	}
	if st.draft != nil {
		for _, rt := range st.draft.Ratings {
			st.answer[rt.Competency] = rt.Level
		}
	}
	return st, true, nil
}

// area returns the index of the area with key, or ENOTFOUND.
func (st *assessState) area(key string) (int, error) {
	for i, a := range st.areas {
		if a.area.Key == key {
			return i, nil
		}
	}
	return 0, ladder.Errorf(ladder.ENOTFOUND, "Your target role has no competencies in an area %q.", key)
}

func (st *assessState) areaView(i int) AssessArea {
	aq := st.areas[i]
	v := AssessArea{Key: aq.area.Key, Name: aq.area.Name, Description: aq.area.Description,
		URL: "/assess/" + aq.area.Key, Total: len(aq.comps), Action: "Start"}
	for _, c := range aq.comps {
		if _, ok := st.answer[c.Key]; ok {
			v.Answered++
		}
	}
	v.Status = fmt.Sprintf("%d of %d answered", v.Answered, v.Total)
	switch {
	case v.Answered == v.Total:
		v.Action = "Review"
	case v.Answered > 0:
		v.Action = "Carry on"
	}
	return v
}

// Assess shows the areas to rate and how far the draft has got.
func (wb *Web) Assess(w http.ResponseWriter, r *http.Request) error {
	st, ok, err := wb.assessState(w, r)
	if !ok {
		return err
	}
	return wb.render(w, r, "assess", wb.assessPage(w, r, st))
}

func (wb *Web) assessPage(w http.ResponseWriter, r *http.Request, st *assessState) AssessPage {
	page := AssessPage{Base: wb.base(w, r, "Assess yourself", "assess"), TargetTitle: st.target.Title, Draft: st.draft != nil}
	answered, total := 0, 0
	for i := range st.areas {
		a := st.areaView(i)
		answered, total = answered+a.Answered, total+a.Total
		if page.NextURL == "" && a.Answered < a.Total {
			page.NextURL = a.URL
		}
		page.Areas = append(page.Areas, a)
	}
	page.Progress = fmt.Sprintf("%d of %d answered", answered, total)
	if st.draft != nil {
		page.Started = st.draft.StartedAt.Format("2 Jan 2006")
		for _, l := range st.answer {
			page.CanFinish = page.CanFinish || l != ladder.NotSure
		}
	}
	if st.last != nil {
		page.LastDone = st.last.CompletedAt.Format("2 Jan 2006")
	}
	return page
}

// AssessArea asks one area's competencies, pre-filled from the draft.
func (wb *Web) AssessArea(w http.ResponseWriter, r *http.Request) error {
	st, ok, err := wb.assessState(w, r)
	if !ok {
		return err
	}
	i, err := st.area(r.PathValue("area"))
	if err != nil {
		return err
	}
	return wb.render(w, r, "assess_area", wb.areaPage(w, r, st, i, nil))
}

// AssessAreaSave saves an area's answers into the draft in one call (the
// draft is created with them when there is none) and goes to the next area.
func (wb *Web) AssessAreaSave(w http.ResponseWriter, r *http.Request) error {
	st, ok, err := wb.assessState(w, r)
	if !ok {
		return err
	}
	i, err := st.area(r.PathValue("area"))
	if err != nil {
		return err
	}
	rs, posted, err := parseRatings(r, st.areas[i].comps)
	if err == nil && len(rs) > 0 {
		_, err = wb.J.SaveDraft(r.Context(), st.p, rs)
	}
	if err != nil {
		page := wb.areaPage(w, r, st, i, posted)
		return wb.formError(w, r, "assess_area", &page.Base, err, func(msg string, f map[string]string) any {
			page.Error = msg
			for k := range page.Questions {
				page.Questions[k].Error = f[page.Questions[k].Field]
			}
			return page
		})
	}
	name := st.areas[i].area.Name
	if i+1 < len(st.areas) {
		return redirect(w, r, "/assess/"+st.areas[i+1].area.Key, fmt.Sprintf("Saved %s.", plural(len(rs), "answer", "answers")+" in "+name))
	}
	return redirect(w, r, "/assess", fmt.Sprintf("Saved %s in %s. Finish the assessment when you are ready.", plural(len(rs), "answer", "answers"), name))
}

// AssessRating saves answers as they are given (htmx, one radio change at
// a time) and answers with a small confirmation.
func (wb *Web) AssessRating(w http.ResponseWriter, r *http.Request) error {
	st, ok, err := wb.assessState(w, r)
	if !ok {
		return err
	}
	i, err := st.area(r.PathValue("area"))
	if err != nil {
		return err
	}
	rs, _, err := parseRatings(r, st.areas[i].comps)
	if err == nil && len(rs) == 0 {
		err = fieldError("Choose a level.", "ratings", "choose a level from 1 to 5, or Not sure")
	}
	if err == nil {
		_, err = wb.J.SaveDraft(r.Context(), st.p, rs)
	}
	if code := formStatus(err); err != nil && code < 500 {
		if !isHTMX(r) {
			return err
		}
		// htmx is configured (layout.html) to swap 422 answers in, so the
		// person sees why the answer was not saved.
		return wb.Tmpl.Render(w, code, "assess_area", "rating-saved", SavedFragment{Text: "Not saved: " + fieldsText(err), Error: true})
	} else if err != nil {
		return err
	}
	if !isHTMX(r) {
		return redirect(w, r, "/assess/"+st.areas[i].area.Key, "Saved.")
	}
	return wb.Tmpl.Render(w, http.StatusOK, "assess_area", "rating-saved", SavedFragment{Text: "Saved"})
}

// fieldsText is an error's field messages in one line, or its message.
func fieldsText(err error) string {
	e, ok := err.(*ladder.Error)
	if !ok || len(e.Fields) == 0 {
		return ladder.ErrorMessage(err)
	}
	keys := make([]string, 0, len(e.Fields))
	for k := range e.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := ""
	for i, k := range keys {
		if i > 0 {
			s += "; "
		}
		s += k + ": " + e.Fields[k]
	}
	return s
}

// AssessFinish completes the draft.
func (wb *Web) AssessFinish(w http.ResponseWriter, r *http.Request) error {
	st, ok, err := wb.assessState(w, r)
	if !ok {
		return err
	}
	if _, err := wb.J.FinishDraft(r.Context(), st.p.ID); err != nil {
		page := wb.assessPage(w, r, st)
		return wb.formError(w, r, "assess", &page.Base, err, func(msg string, f map[string]string) any {
			page.Form = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/", "Assessment finished and kept. Your gaps and readiness now use it.")
}

// areaPage builds the questions of area i, checked from posted values when
// a form comes back with errors, else from the draft.
func (wb *Web) areaPage(w http.ResponseWriter, r *http.Request, st *assessState, i int, posted map[string]string) AssessAreaPage {
	a := st.areaView(i)
	page := AssessAreaPage{Base: wb.base(w, r, a.Name+" · Assess yourself", "assess"), Area: a,
		Step: fmt.Sprintf("Area %d of %d", i+1, len(st.areas)), Action: a.URL, RatingURL: a.URL + "/rating",
		Submit: "Save and see the overview"}
	if i+1 < len(st.areas) {
		page.Submit = "Save and go on to " + st.areas[i+1].area.Name
	}
	if i > 0 {
		page.PrevURL, page.PrevName = "/assess/"+st.areas[i-1].area.Key, st.areas[i-1].area.Name
	}
	for _, c := range st.areas[i].comps {
		field := "ratings." + c.Key
		chosen, ok := posted[field]
		if !ok {
			if l, ok := st.answer[c.Key]; ok {
				chosen = levelValue(l)
			}
		}
		q := Question{Key: c.Key, Name: c.Name, Description: c.Description, Field: field,
			StatusID: "status-" + c.Key, ErrorID: "error-" + c.Key}
		for l := ladder.MinLevel; l <= ladder.MaxLevel; l++ {
			v := strconv.Itoa(l)
			q.Options = append(q.Options, LevelOption{ID: c.Key + "-" + v, Name: field, Value: v,
				Label: v + " · " + st.m.LevelNames[l-1], Descriptor: c.Levels[l-1], Checked: chosen == v})
		}
		q.Options = append(q.Options, LevelOption{ID: c.Key + "-not-sure", Name: field, Value: notSureValue,
			Label: "Not sure", Descriptor: "I cannot tell yet. This answer is kept and moves nothing.", Checked: chosen == notSureValue})
		page.Questions = append(page.Questions, q)
	}
	return page
}

func levelValue(l int) string {
	if l == ladder.NotSure {
		return notSureValue
	}
	return strconv.Itoa(l)
}

// parseRatings reads the answers given for cs; competencies without an
// answer are left out. A level outside 1-5 is EINVALID naming the field.
// posted holds the raw values, to re-check them in a re-rendered form.
func parseRatings(r *http.Request, cs []ladder.Competency) ([]ladder.Rating, map[string]string, error) {
	if err := r.ParseForm(); err != nil {
		return nil, nil, ladder.Errorf(ladder.EINVALID, "The form could not be read.")
	}
	f := ladder.FieldErrors{}
	posted := map[string]string{}
	var rs []ladder.Rating
	for _, c := range cs {
		field := "ratings." + c.Key
		v, ok := r.PostForm[field]
		if !ok || len(v) == 0 || v[0] == "" {
			continue
		}
		posted[field] = v[0]
		if v[0] == notSureValue {
			rs = append(rs, ladder.Rating{Competency: c.Key, Level: ladder.NotSure})
			continue
		}
		l, err := strconv.Atoi(v[0])
		if err != nil || l < ladder.MinLevel || l > ladder.MaxLevel {
			f.Add(field, "choose a level from %d to %d, or Not sure", ladder.MinLevel, ladder.MaxLevel)
			continue
		}
		rs = append(rs, ladder.Rating{Competency: c.Key, Level: l})
	}
	return rs, posted, f.Err("Some answers are not valid.")
}
