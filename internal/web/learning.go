package web

import (
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/learning"
)

// splitWeeks is how many weeks the split chart shows.
const splitWeeks = 26

// LearningPage shows the person's learning list, starter resources for the
// top gaps, the streak, the weekly split and the forms.
type LearningPage struct {
	Base
	Items       []LearningItemView
	Suggestions []ResourceView
	// NoTarget is set when no target role is chosen, so no gaps are known.
	NoTarget     bool
	Streak       int
	Split        template.HTML
	Kinds        []Option
	Competencies []Option
	Form         LearningForm
	State        FormState
	Week         WeekForm
	WeekState    FormState
}

// LearningForm holds the values of the new-item form, kept after an error.
type LearningForm struct {
	Title, Kind, Link, Notes, From string
}

// WeekForm holds the values of the week form, kept after an error.
type WeekForm struct {
	Week, Technical, Managerial, Learning, Note string
}

// LearningItemView is one item, formatted, with its progress form.
type LearningItemView struct {
	ID           int64
	Title        string
	Kind         string
	Link         string
	Status       string
	Progress     int
	Competencies string
	Notes        string
	Statuses     []Option
	// Error is the message of a failed progress update of this item.
	Error string
}

// ResourceView is one starter resource suggested for a gap.
type ResourceView struct {
	Key, Title, Kind, Why, Link, For string
}

var learningStatusLabels = map[string]string{ladder.LearningPlanned: "Planned", ladder.LearningInProgress: "In progress", ladder.LearningDone: "Done"}

// Learning shows the learning page.
func (wb *Web) Learning(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.learningPage(w, r, LearningForm{Kind: "book"}, wb.thisWeek())
	if err != nil {
		return err
	}
	return wb.render(w, r, "learning", page)
}

func (wb *Web) thisWeek() WeekForm {
	return WeekForm{Week: ladder.WeekOf(wb.J.DB.Now()).Format("2006-01-02")}
}

func (wb *Web) learningPage(w http.ResponseWriter, r *http.Request, form LearningForm, week WeekForm) (*LearningPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	m, err := wb.J.Model(ctx)
	if err != nil {
		return nil, err
	}
	its, err := wb.J.Learning.FindLearningItems(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	now := wb.J.DB.Now()
	logs, err := wb.J.Learning.FindWeeks(ctx, p.ID, time.Time{}, time.Time{})
	if err != nil {
		return nil, err
	}
	page := &LearningPage{Base: wb.base(w, r, "Learning", "learning"), Form: form, Week: week,
		Streak: learning.Streak(its, logs, now), Split: splitChart(logs, now), NoTarget: p.TargetRole == ""}
	for _, k := range ladder.LearningKinds {
		page.Kinds = append(page.Kinds, Option{Value: k, Label: k, Selected: k == form.Kind})
	}
	for _, c := range m.Competencies() {
		page.Competencies = append(page.Competencies, Option{Value: c.Key, Label: c.Name})
	}
	for _, it := range its {
		page.Items = append(page.Items, learningItemView(m, it))
	}
	if !page.NoTarget {
		if page.Suggestions, err = wb.suggestions(r, p, m); err != nil {
			return nil, err
		}
	}
	return page, nil
}

// suggestions are starter resources for the five largest weighted gaps.
func (wb *Web) suggestions(r *http.Request, p *ladder.Person, m *ladder.Model) ([]ResourceView, error) {
	s, err := wb.J.Snapshot(r.Context(), p, "")
	if err != nil {
		return nil, err
	}
	c, err := learning.Load()
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, g := range s.Gaps() {
		if g.Gap > 0 && len(keys) < 5 {
			keys = append(keys, g.Competency)
		}
	}
	var out []ResourceView
	for _, res := range c.ForCompetencies(keys, 6) {
		var names []string
		for _, k := range res.Competencies {
			if cp, ok := m.Competency(k); ok {
				names = append(names, cp.Name)
			}
		}
		out = append(out, ResourceView{Key: res.Key, Title: res.Title, Kind: res.Kind, Why: res.Why, Link: res.Link,
			For: strings.Join(names, ", ")})
	}
	return out, nil
}

func learningItemView(m *ladder.Model, it *ladder.LearningItem) LearningItemView {
	v := LearningItemView{ID: it.ID, Title: it.Title, Kind: it.Kind, Link: it.Link, Status: learningStatusLabels[it.Status],
		Progress: it.Progress, Notes: it.Notes}
	var names []string
	for _, k := range it.Competencies {
		if c, ok := m.Competency(k); ok {
			names = append(names, c.Name)
		}
	}
	v.Competencies = strings.Join(names, ", ")
	for _, s := range ladder.LearningStatuses {
		v.Statuses = append(v.Statuses, Option{Value: s, Label: learningStatusLabels[s], Selected: s == it.Status})
	}
	return v
}

// splitChart draws the managerial share of working hours per week over the
// last splitWeeks weeks.
func splitChart(logs []*ladder.TimeLog, now time.Time) template.HTML {
	l := charts.Line{ID: "split", Title: "Managerial share of your working hours", YLabel: "Managerial work (%)"}
	from := ladder.WeekOf(now).AddDate(0, 0, -7*splitWeeks)
	for _, s := range learning.Split(logs) {
		if s.Week.Before(from) || s.ManagerialShare != s.ManagerialShare {
			continue
		}
		l.Points = append(l.Points, charts.Point{At: s.Week, Value: s.ManagerialShare,
			Label: strconv.FormatFloat(s.Technical, 'f', -1, 64) + " h technical, " + strconv.FormatFloat(s.Managerial, 'f', -1, 64) + " h managerial"})
	}
	if len(l.Points) == 0 {
		return charts.Empty("split", "Managerial share of your working hours", "Log a week's hours to see the shift here")
	}
	return l.HTML()
}

// CreateLearningItem adds an item from the form, or a starter resource.
func (wb *Web) CreateLearningItem(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := LearningForm{Title: r.PostFormValue("title"), Kind: r.PostFormValue("kind"), Link: r.PostFormValue("link"),
		Notes: r.PostFormValue("notes"), From: r.PostFormValue("from")}
	it := &ladder.LearningItem{PersonID: p.ID, Title: form.Title, Kind: form.Kind, Link: form.Link, Notes: form.Notes,
		Competencies: r.PostForm["competencies"]}
	err := fillFromCatalog(it, form.From)
	if err == nil {
		err = wb.J.Learning.CreateLearningItem(ctx, it)
	}
	if err != nil {
		page, perr := wb.learningPage(w, r, form, wb.thisWeek())
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "learning", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/learning", "Added: "+it.Title+".")
}

// fillFromCatalog copies the starter resource key into it; an empty key
// leaves it as the form gave it.
func fillFromCatalog(it *ladder.LearningItem, key string) error {
	if key == "" {
		return nil
	}
	c, err := learning.Load()
	if err != nil {
		return err
	}
	res, ok := c.Resource(key)
	if !ok {
		return fieldError("The learning item is not valid.", "from", "is not a starter resource")
	}
	it.Title, it.Kind, it.Link, it.FromCatalog = res.Title, res.Kind, res.Link, res.Key
	it.Competencies = append([]string{}, res.Competencies...)
	return nil
}

// UpdateLearningItem records progress or a new status of one of the
// person's items.
func (wb *Web) UpdateLearningItem(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Learning item")
	if err != nil {
		return err
	}
	it, err := wb.J.Learning.FindLearningItem(ctx, p.ID, id)
	if err != nil {
		return err
	}
	status, progress := r.PostFormValue("status"), r.PostFormValue("progress")
	if progress != "" {
		n, perr := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(progress), "%"))
		if perr != nil {
			err = fieldError("The learning item is not valid.", "progress", "must be 0-100")
		}
		it.Progress = n
		if status == "" && n == 100 {
			status = ladder.LearningDone
		} else if status == "" && n > 0 && it.Status == ladder.LearningDone {
			status = ladder.LearningInProgress
		}
	}
	if status != "" {
		it.Status = status
		if status != ladder.LearningDone && progress == "" && it.Progress == 100 {
			it.Progress = 0
		}
	}
	if err == nil {
		err = wb.J.Learning.UpdateLearningItem(ctx, it)
	}
	if err != nil {
		page, perr := wb.learningPage(w, r, LearningForm{Kind: "book"}, wb.thisWeek())
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "learning", &page.Base, err, func(msg string, f map[string]string) any {
			for i := range page.Items {
				if page.Items[i].ID == id {
					page.Items[i].Error = fieldMessages(msg, f)
				}
			}
			return page
		})
	}
	return redirect(w, r, "/learning", "Saved: "+it.Title+", "+strconv.Itoa(it.Progress)+"%.")
}

// fieldMessages joins an error's field messages, each after its field's
// name, for a form with no room beside each field.
func fieldMessages(msg string, f map[string]string) string {
	parts := []string{msg}
	for _, k := range []string{"progress", "status"} {
		if v, ok := f[k]; ok {
			parts = append(parts, strings.ToUpper(k[:1])+k[1:]+" "+v+".")
		}
	}
	return strings.Join(parts, " ")
}

// LogWeek stores the week's hours from the form.
func (wb *Web) LogWeek(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := WeekForm{Week: r.PostFormValue("week"), Technical: r.PostFormValue("technical"),
		Managerial: r.PostFormValue("managerial"), Learning: r.PostFormValue("learning"), Note: r.PostFormValue("note")}
	l, err := form.log(p.ID)
	if err == nil {
		err = wb.J.Learning.LogWeek(ctx, l)
	}
	if err != nil {
		page, perr := wb.learningPage(w, r, LearningForm{Kind: "book"}, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "learning", &page.Base, err, func(msg string, f map[string]string) any {
			page.WeekState = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/learning", "Logged the week of "+l.Week.Format("2 Jan 2006")+".")
}

// log parses the form; any day of the week stands for its Monday.
func (f WeekForm) log(personID int64) (*ladder.TimeLog, error) {
	l := &ladder.TimeLog{PersonID: personID, Note: f.Note}
	fe := ladder.FieldErrors{}
	if d, err := time.Parse("2006-01-02", f.Week); err != nil {
		fe.Add("week", "must be a date (YYYY-MM-DD)")
	} else {
		l.Week = ladder.WeekOf(d)
	}
	for _, n := range []struct {
		field, v string
		dst      *float64
	}{{"technical", f.Technical, &l.TechnicalHours}, {"managerial", f.Managerial, &l.ManagerialHours}, {"learning", f.Learning, &l.LearningHours}} {
		if strings.TrimSpace(n.v) == "" {
			continue
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(n.v), 64)
		if err != nil {
			fe.Add(n.field, "must be a number of hours")
		}
		*n.dst = v
	}
	if len(fe) > 0 {
		return nil, fe.Err("The week's hours are not valid.")
	}
	return l, nil
}
