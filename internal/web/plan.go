package web

import (
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// PlanPage shows the development plan, or the form to make one.
type PlanPage struct {
	Base
	HasPlan  bool
	Horizon  string
	Hours    string
	Mix      string
	Done     string // actions done of all
	Goals    []GoalView
	Months   string // the form's value, kept after an error
	HoursIn  string
	Until    string
	State    FormState
	Generate string // the button's label
	// Edit is the error of a refused change to a goal or action.
	Edit FormState
	// Kinds are the action kinds offered when adding an action.
	Kinds []KindOption
}

// KindOption is one 70-20-10 kind in a form.
type KindOption struct{ Value, Label string }

// GoalView is one goal with its actions, formatted.
type GoalView struct {
	ID         int64
	Name       string
	Specific   string
	Measure    string
	Target     string
	Why        string
	Achievable string
	Done       bool
	Edited     bool
	TargetDate string // YYYY-MM-DD, for the form
	Level      int
	Actions    []ActionView
}

// ActionView is one action, formatted.
type ActionView struct {
	ID       int64
	Title    string
	Kind     string
	Due      string
	Hours    int
	DoneWhen string
	Why      string
	Done     bool
	Dropped  bool
	Edited   bool
	DueDate  string // YYYY-MM-DD, for the form
	First    bool   // first of its goal: cannot move up
	Last     bool   // last of its goal: cannot move down
}

var kindNames = map[string]string{ladder.Kind70: "on the job (70)", ladder.Kind20: "from others (20)", ladder.Kind10: "formal (10)"}

// Plan shows the plan.
func (wb *Web) Plan(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.planPage(w, r)
	if err != nil {
		return err
	}
	return wb.render(w, r, "plan", page)
}

func (wb *Web) planPage(w http.ResponseWriter, r *http.Request) (*PlanPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	page := &PlanPage{Base: wb.base(w, r, "Development plan", "plan"), Months: "12", HoursIn: "12", Generate: "Make my plan"}
	for _, k := range ladder.ActionKinds() {
		page.Kinds = append(page.Kinds, KindOption{Value: k, Label: kindNames[k]})
	}
	pl, err := wb.J.Plans().FindPlan(ctx, p.ID)
	if ladder.ErrorCode(err) == ladder.ENOTFOUND {
		return page, nil
	} else if err != nil {
		return nil, err
	}
	m, err := wb.J.Model(ctx)
	if err != nil {
		return nil, err
	}
	page.HasPlan, page.Generate = true, "Plan again (keeps what you did or changed)"
	page.Horizon = pl.Start.Format("2 Jan 2006") + " – " + pl.End.Format("2 Jan 2006")
	if pl.HoursPerMonth > 0 {
		page.Hours = strconv.Itoa(pl.HoursPerMonth)
		page.HoursIn = page.Hours
	}
	mix := pl.Mix()
	if mix.Total() > 0 {
		page.Mix = fmt.Sprintf("%.0f%% on the job, %.0f%% from others, %.0f%% formal (%d actions)",
			100*mix.Share(ladder.Kind70), 100*mix.Share(ladder.Kind20), 100*mix.Share(ladder.Kind10), mix.Total())
	}
	var done, all int
	for _, g := range pl.Goals {
		gv := GoalView{ID: g.ID, Name: g.Competency, Specific: g.Specific, Measure: g.Measure, Why: g.Why, Achievable: g.Achievable,
			Target: fmt.Sprintf("level %d by %s", g.TargetLevel, g.TargetDate.Format("2 Jan 2006")), Done: g.Done,
			Edited: g.Edited, TargetDate: g.TargetDate.UTC().Format(time.DateOnly), Level: g.TargetLevel}
		if c, ok := m.Competency(g.Competency); ok {
			gv.Name = c.Name
		}
		for ai, a := range g.Actions {
			gv.Actions = append(gv.Actions, ActionView{ID: a.ID, Title: a.Title, Kind: kindNames[a.Kind], Due: a.Due.Format("Jan 2006"),
				Hours: a.EffortHours, DoneWhen: a.DoneWhen, Why: a.Why, Done: a.Done, Dropped: a.Dropped,
				Edited: a.Edited, DueDate: a.Due.UTC().Format(time.DateOnly), First: ai == 0, Last: ai == len(g.Actions)-1})
			if !a.Dropped {
				all++
				if a.Done {
					done++
				}
			}
		}
		page.Goals = append(page.Goals, gv)
	}
	page.Done = fmt.Sprintf("%d of %d", done, all)
	return page, nil
}

// GeneratePlan makes or remakes the plan from the current gaps.
func (wb *Web) GeneratePlan(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if p.TargetRole == "" {
		return redirect(w, r, "/onboarding", "Choose your start and target roles first.")
	}
	months, until, hours := r.PostFormValue("months"), r.PostFormValue("until"), r.PostFormValue("hours")
	o := journey.PlanOptions{}
	fe := ladder.FieldErrors{}
	if until != "" {
		t, err := time.Parse("2006-01-02", until)
		if err != nil {
			fe.Add("until", "must be a date (YYYY-MM-DD)")
		}
		o.Until = t
	} else if months != "" {
		n, err := strconv.Atoi(months)
		if err != nil {
			fe.Add("months", "must be 6, 12 or 18")
		}
		o.Months = n
	}
	if hours != "" {
		n, err := strconv.Atoi(hours)
		if err != nil {
			fe.Add("hours", "must be a whole number of hours a month")
		}
		o.HoursPerMonth = n
	}
	err := fe.Err("The plan settings are not valid.")
	if err == nil {
		_, err = wb.J.GeneratePlan(ctx, p, o)
	}
	if err != nil {
		page, perr := wb.planPage(w, r)
		if perr != nil {
			return perr
		}
		page.Months, page.HoursIn, page.Until = months, hours, until
		return wb.formError(w, r, "plan", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/plan", "Your plan is ready.")
}

// PlanAction marks an action done, not done, or dropped.
func (wb *Web) PlanAction(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Action")
	if err != nil {
		return err
	}
	switch r.PostFormValue("do") {
	case "done":
		err = wb.J.Plans().SetActionDone(ctx, p.ID, id, true)
	case "undo":
		err = wb.J.Plans().SetActionDone(ctx, p.ID, id, false)
	case "drop":
		err = wb.J.Plans().DropAction(ctx, p.ID, id)
	default:
		return fieldError("The change is not valid.", "do", "must be done, undo or drop")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/plan", "Plan updated.")
}

// PlanICS downloads the plan's milestones as an iCalendar file.
func (wb *Web) PlanICS(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	pl, err := wb.J.Plans().FindPlan(r.Context(), p.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ladder-plan.ics"`)
	_, err = w.Write(journey.PlanICS(pl))
	return err
}

// pathID reads the {id} of the path; a bad one is not found.
func pathID(r *http.Request, what string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return 0, ladder.Errorf(ladder.ENOTFOUND, "%s not found.", what)
	}
	return id, nil
}

// formDate reads an optional YYYY-MM-DD form value into fe.
func formDate(fe ladder.FieldErrors, field, s string) *time.Time {
	if s == "" {
		return nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		fe.Add(field, "must be a date (YYYY-MM-DD)")
		return nil
	}
	return &t
}

// formText returns a pointer to a form value that was sent, else nil.
func formText(r *http.Request, field string) *string {
	if _, ok := r.PostForm[field]; !ok {
		return nil
	}
	v := r.PostForm.Get(field)
	return &v
}

// planEdited redirects back to the plan after a change, or shows the
// plan again with the error of a refused one.
func (wb *Web) planEdited(w http.ResponseWriter, r *http.Request, err error, done string) error {
	if err == nil {
		return redirect(w, r, "/plan", done)
	}
	if ladder.ErrorCode(err) != ladder.EINVALID {
		return err
	}
	page, perr := wb.planPage(w, r)
	if perr != nil {
		return perr
	}
	return wb.formError(w, r, "plan", &page.Base, err, func(msg string, f map[string]string) any {
		page.Edit = FormState{Error: msg, Fields: f}
		return page
	})
}

// EditPlanAction changes an action's title, due date or done-when.
func (wb *Web) EditPlanAction(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Action")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "form", "could not be read")
	}
	fe := ladder.FieldErrors{}
	e := journey.ActionEdit{Title: formText(r, "title"), DoneWhen: formText(r, "done_when"), Due: formDate(fe, "due", r.PostForm.Get("due"))}
	err = fe.Err("The action is not valid.")
	if err == nil {
		_, err = wb.J.EditAction(ctx, p, id, e)
	}
	return wb.planEdited(w, r, err, "Action changed.")
}

// MovePlanAction moves an action up or down within its goal.
func (wb *Web) MovePlanAction(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Action")
	if err != nil {
		return err
	}
	delta := 0
	switch r.PostFormValue("direction") {
	case "up":
		delta = -1
	case "down":
		delta = 1
	}
	if delta == 0 {
		err = fieldError("The move is not valid.", "direction", "must be up or down")
	} else {
		_, err = wb.J.MoveAction(ctx, p, id, delta)
	}
	return wb.planEdited(w, r, err, "Action moved.")
}

// AddPlanAction adds the person's own action to a goal.
func (wb *Web) AddPlanAction(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Goal")
	if err != nil {
		return err
	}
	fe := ladder.FieldErrors{}
	due := formDate(fe, "due", r.PostFormValue("due"))
	err = fe.Err("The action is not valid.")
	if err == nil {
		var d time.Time
		if due != nil {
			d = *due
		}
		_, err = wb.J.AddAction(ctx, p, id, r.PostFormValue("title"), r.PostFormValue("kind"), d, r.PostFormValue("done_when"))
	}
	return wb.planEdited(w, r, err, "Action added.")
}

// EditPlanGoal changes a goal's behaviour, measure, target date or level.
func (wb *Web) EditPlanGoal(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	id, err := pathID(r, "Goal")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "form", "could not be read")
	}
	fe := ladder.FieldErrors{}
	e := journey.GoalEdit{Specific: formText(r, "specific"), Measure: formText(r, "measure"),
		TargetDate: formDate(fe, "target_date", r.PostForm.Get("target_date"))}
	if s := r.PostForm.Get("target_level"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			fe.Add("target_level", "must be a whole number from %d to %d", ladder.MinLevel, ladder.MaxLevel)
		}
		e.TargetLevel = &n
	}
	err = fe.Err("The goal is not valid.")
	if err == nil {
		_, err = wb.J.EditGoal(ctx, p, id, e)
	}
	return wb.planEdited(w, r, err, "Goal changed.")
}
