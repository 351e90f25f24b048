package web

import (
	"fmt"
	"html/template"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/charts"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/firstdays"
	"github.com/ladderhq/ladder/internal/journey"
	"github.com/ladderhq/ladder/internal/learning"
)

// First90Page is the first 90 days as a manager: the set-up form with a
// preview of the plan until the person records the role, then the plan by
// phase with today's position, the situation's advice and the weekly split.
type First90Page struct {
	Base
	// Setup is set while there is no manager record.
	Setup      bool
	Situations []SituationOption
	Form       ManagerForm
	State      FormState
	// Preview is the plan the set-up form would make (set-up only).
	Preview []PhaseView

	Role          ManagerView
	Position      string
	Day, Days     int
	Percent       int // of the 90 days gone
	DoneSteps     int
	TotalSteps    int
	DoDifferently []string
	EarlyWins     []string
	Overdue       []First90StepView
	Next          []First90StepView
	Phases        []PhaseView
	Split         template.HTML
	Week          WeekForm
	WeekState     FormState
}

// SituationOption is a situation to choose, with its description.
type SituationOption struct {
	Key, Name, Description string
	Checked                bool
}

// ManagerForm holds the values of the manager form, kept after an error.
type ManagerForm struct {
	Start, TeamName, TeamSize, Title, Situation string
}

// ManagerView is the manager record, formatted.
type ManagerView struct {
	Title, TeamName, Start, Situation string
	TeamSize                          int
}

// PhaseView is one phase of the plan with its steps.
type PhaseView struct {
	Name        string
	Done, Total int
	Current     bool
	Steps       []First90StepView
}

// First90StepView is one step of the plan, formatted, with its form.
type First90StepView struct {
	ID                 int64
	Title, Description string
	Theme              string
	Due                string
	Emphasised         bool
	Done, Overdue      bool
	Note               string
	// Error is the message of a failed update of this step.
	Error string
}

var themeNames = map[string]string{"know-the-team": "Knowing the team", "assess-infrastructure": "IT infrastructure",
	"stakeholders": "Stakeholders", "expectations-and-goals": "Expectations and goals", "priorities": "Priorities"}

// First90 shows the plan, or the set-up form with a preview.
func (wb *Web) First90(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	form := ManagerForm{Start: wb.J.DB.Now().Format(time.DateOnly), Situation: firstdays.Turnaround}
	preview := q.Has("preview")
	if preview {
		form = ManagerForm{Start: q.Get("start"), TeamName: q.Get("team_name"), TeamSize: q.Get("team_size"),
			Title: q.Get("title"), Situation: q.Get("situation")}
	}
	page, err := wb.first90Page(w, r, form, wb.loggedWeek(r))
	if err != nil {
		return err
	}
	if preview && page.Setup {
		role, err := form.role(ladder.PersonFromContext(r.Context()).ID)
		if err == nil {
			err = role.Validate()
		}
		if err != nil {
			return wb.formError(w, r, "first90", &page.Base, err, func(msg string, f map[string]string) any {
				page.State = FormState{Error: msg, Fields: f}
				return page
			})
		}
		if page.Preview, err = wb.preview(role); err != nil {
			return err
		}
	}
	return wb.render(w, r, "first90", page)
}

func (wb *Web) preview(role *ladder.ManagerRole) ([]PhaseView, error) {
	steps, err := wb.J.PreviewFirst90(role)
	if err != nil {
		return nil, err
	}
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	return phaseViews(first90.ByPhase(c, role.Start, steps), "", nil), nil
}

// role parses the form; a date or size that does not parse is a field
// error, reported with the domain's complaints.
func (f ManagerForm) role(personID int64) (*ladder.ManagerRole, error) {
	m := &ladder.ManagerRole{PersonID: personID, TeamName: f.TeamName, Title: f.Title, Situation: f.Situation}
	fe := ladder.FieldErrors{}
	if t := formDate(fe, "start", strings.TrimSpace(f.Start)); t != nil {
		m.Start = *t
	} else if _, bad := fe["start"]; !bad {
		fe.Add("start", "is required")
	}
	if n, err := strconv.Atoi(strings.TrimSpace(f.TeamSize)); err != nil {
		fe.Add("team_size", "must be a whole number of people")
	} else {
		m.TeamSize = n
	}
	if len(fe) > 0 {
		addDomainErrors(fe, m.Validate())
		return nil, fe.Err("The manager record is not valid.")
	}
	return m, nil
}

func (wb *Web) first90Page(w http.ResponseWriter, r *http.Request, form ManagerForm, week WeekForm) (*First90Page, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	now := wb.J.DB.Now()
	page := &First90Page{Base: wb.base(w, r, "First 90 days", "first90"), Form: form, Week: week}
	v, err := wb.J.First90(ctx, p.ID, now)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		page.Setup = true
	} else if err != nil {
		return nil, err
	}
	if !page.Setup && form.TeamName == "" {
		// The change form starts from the record.
		page.Form = ManagerForm{Start: v.Role.Start.Format(time.DateOnly), TeamName: v.Role.TeamName,
			TeamSize: strconv.Itoa(v.Role.TeamSize), Title: v.Role.Title, Situation: v.Role.Situation}
	}
	for _, s := range c.Situations {
		page.Situations = append(page.Situations, SituationOption{Key: s.Key, Name: s.Name, Description: s.Description,
			Checked: s.Key == page.Form.Situation})
	}
	if page.Setup {
		return page, nil
	}
	if err := wb.fillFirst90(r, page, v, now); err != nil {
		return nil, err
	}
	return page, nil
}

func (wb *Web) fillFirst90(r *http.Request, page *First90Page, v *journey.First90View, now time.Time) error {
	page.Role = ManagerView{Title: v.Role.Title, TeamName: v.Role.TeamName, TeamSize: v.Role.TeamSize,
		Start: v.Role.Start.Format("2 January 2006"), Situation: v.Situation.Name}
	pos := v.Position
	page.Position, page.Day, page.Days = positionText(pos), pos.Day, pos.Days
	page.Percent = min(max(100*pos.Day/max(pos.Days, 1), 0), 100)
	page.DoneSteps, page.TotalSteps = v.Done, len(v.Steps)
	page.DoDifferently, page.EarlyWins = v.Situation.DoDifferently, v.Situation.EarlyWins
	overdue := map[int64]bool{}
	for _, s := range v.Overdue {
		overdue[s.ID] = true
		page.Overdue = append(page.Overdue, stepView(s, true))
	}
	for _, s := range v.Next {
		page.Next = append(page.Next, stepView(s, false))
	}
	page.Phases = phaseViews(v.Phases, pos.Phase.Key, overdue)
	logs, err := wb.J.SplitSince(r.Context(), v.Role.PersonID, v.Role.Start)
	if err != nil {
		return err
	}
	page.Split = first90Split(logs)
	return nil
}

func phaseViews(phases []first90.PhaseProgress, current string, overdue map[int64]bool) []PhaseView {
	var out []PhaseView
	for _, ph := range phases {
		pv := PhaseView{Name: ph.Phase.Name, Done: ph.Done, Total: len(ph.Steps), Current: ph.Phase.Key == current}
		for _, s := range ph.Steps {
			pv.Steps = append(pv.Steps, stepView(s, overdue[s.ID]))
		}
		out = append(out, pv)
	}
	return out
}

func stepView(s *ladder.First90Step, overdue bool) First90StepView {
	return First90StepView{ID: s.ID, Title: s.Title, Description: s.Description, Theme: themeNames[s.Theme],
		Due: s.Due.Format("Mon 2 Jan"), Emphasised: s.Emphasised, Done: s.Done, Overdue: overdue, Note: s.Note}
}

// positionText says where the person stands, for the page's heading.
func positionText(p first90.Position) string {
	switch {
	case p.Before():
		n := 1 - p.Day
		return fmt.Sprintf("Your new role starts in %d %s.", n, map[bool]string{true: "day", false: "days"}[n == 1])
	case p.After():
		return fmt.Sprintf("Day %d: your first %d days are behind you.", p.Day, p.Days)
	}
	return fmt.Sprintf("Day %d of %d · %s", p.Day, p.Days, p.Phase.Name)
}

// first90Split draws the managerial share of each week logged since the
// start: the move from hands-on work to managing.
func first90Split(logs []*ladder.TimeLog) template.HTML {
	const title = "Managerial share of your working hours since you started"
	b := charts.Bars{ID: "first90-split", Title: title, Max: 100, ValueLabel: "Managerial work (%)", LabelName: "Week of"}
	for _, s := range learning.Split(logs) {
		if s.ManagerialShare != s.ManagerialShare { // no working hours logged
			continue
		}
		b.Rows = append(b.Rows, charts.BarRow{Label: "Week of " + s.Week.Format("2 Jan"), Value: math.Round(s.ManagerialShare),
			Note: charts.Num(s.Managerial, 1) + " of " + charts.Num(s.Technical+s.Managerial, 1) + " working hours"})
	}
	if len(b.Rows) == 0 {
		return charts.Empty("first90-split", title, "Log a week's hours to see the shift here")
	}
	return b.HTML()
}

// SaveManager records the role, or changes it, and makes the plan again.
func (wb *Web) SaveManager(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := ManagerForm{Start: r.PostFormValue("start"), TeamName: r.PostFormValue("team_name"),
		TeamSize: r.PostFormValue("team_size"), Title: r.PostFormValue("title"), Situation: r.PostFormValue("situation")}
	role, err := form.role(p.ID)
	if err == nil {
		_, err = wb.J.BecomeManager(ctx, role)
	}
	if err != nil {
		page, perr := wb.first90Page(w, r, form, wb.thisWeek())
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "first90", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/first90", "Saved: "+role.Title+" of "+role.TeamName+". Your 90-day plan is ready.")
}

// MarkFirst90Step marks a step done or not, with its note.
func (wb *Web) MarkFirst90Step(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Step")
	if err != nil {
		return err
	}
	// Another person's step is not found, before any form is read.
	if _, err := wb.J.Manager.FindFirst90Step(ctx, p.ID, id); err != nil {
		return err
	}
	done := r.PostFormValue("done") == "on" || r.PostFormValue("done") == "true"
	st, err := wb.J.Manager.MarkFirst90Step(ctx, p.ID, id, done, r.PostFormValue("note"))
	if err != nil {
		page, perr := wb.first90Page(w, r, ManagerForm{}, wb.thisWeek())
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "first90", &page.Base, err, func(msg string, f map[string]string) any {
			for i := range page.Phases {
				for k := range page.Phases[i].Steps {
					if page.Phases[i].Steps[k].ID == id {
						page.Phases[i].Steps[k].Error = msg + " " + stepFieldText(f)
					}
				}
			}
			return page
		})
	}
	flash := "Done: " + st.Title + "."
	if !st.Done {
		flash = "Saved: " + st.Title + "."
	}
	return redirect(w, r, "/first90#step-"+strconv.FormatInt(id, 10), flash)
}

func stepFieldText(f map[string]string) string {
	if v, ok := f["note"]; ok {
		return "Note " + v + "."
	}
	return ""
}

// LogFirst90Week logs a week's hours from the first-90 page; the weeks are
// the learning page's.
func (wb *Web) LogFirst90Week(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := WeekForm{Week: r.PostFormValue("week"), Technical: r.PostFormValue("technical"),
		Managerial: r.PostFormValue("managerial"), Learning: r.PostFormValue("learning"), Note: r.PostFormValue("note")}
	l, err := form.log(p.ID)
	if err == nil {
		err = wb.keepLearningHours(r, l)
	}
	if err == nil {
		err = wb.J.Learning.LogWeek(ctx, l)
	}
	if err != nil {
		page, perr := wb.first90Page(w, r, ManagerForm{}, form)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "first90", &page.Base, err, func(msg string, f map[string]string) any {
			page.WeekState = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/first90#split-h", "Logged the week of "+l.Week.Format("2 Jan 2006")+".")
}

// loggedWeek is the week form for this week, filled with what was logged
// for it already.
func (wb *Web) loggedWeek(r *http.Request) WeekForm {
	f := wb.thisWeek()
	week := ladder.WeekOf(wb.J.DB.Now())
	ls, err := wb.J.Learning.FindWeeks(r.Context(), ladder.PersonFromContext(r.Context()).ID, week, week)
	if err == nil && len(ls) == 1 {
		f.Technical = strconv.FormatFloat(ls[0].TechnicalHours, 'f', -1, 64)
		f.Managerial = strconv.FormatFloat(ls[0].ManagerialHours, 'f', -1, 64)
	}
	return f
}

// keepLearningHours carries the learning hours and note of a week already
// logged into l: this form asks only for the split of working hours, and
// logging a week replaces it.
func (wb *Web) keepLearningHours(r *http.Request, l *ladder.TimeLog) error {
	old, err := wb.J.Learning.FindWeeks(r.Context(), l.PersonID, l.Week, l.Week)
	if err != nil || len(old) == 0 {
		return err
	}
	l.LearningHours = old[0].LearningHours
	if l.Note == "" {
		l.Note = old[0].Note
	}
	return nil
}
