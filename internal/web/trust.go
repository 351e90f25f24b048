package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/first90"
	"github.com/ladderhq/ladder/internal/firstdays"
)

// trustHistoryWeeks is how many weeks the trust history shows.
const trustHistoryWeeks = 8

// TrustPage is the weekly trust-building checklist of one week and the
// weeks before it.
type TrustPage struct {
	Base
	Week, WeekLabel string
	Prev, Next      string // neighbouring weeks; Next is empty for this week
	ThisWeek        bool
	Areas           []TrustAreaView
	Ticked, Total   int
	History         []TrustHistoryRow
	AreaNames       []string
	State           FormState
}

// TrustAreaView is an area of the checklist with its habits.
type TrustAreaView struct {
	Name   string
	Habits []HabitView
}

// HabitView is a habit with its checkbox.
type HabitView struct {
	Key, Text string
	Checked   bool
}

// TrustHistoryRow is one week of the history: habits ticked per area.
type TrustHistoryRow struct {
	Week, Label string
	Current     bool
	PerArea     []int
	Ticked      int
	Total       int
}

// Trust shows the checklist of ?week= (default this week).
func (wb *Web) Trust(w http.ResponseWriter, r *http.Request) error {
	week := ladder.WeekOf(wb.J.DB.Now())
	if s := r.URL.Query().Get("week"); s != "" {
		d, err := time.Parse(time.DateOnly, s)
		if err != nil {
			return fieldError("The week is not valid: write YYYY-MM-DD.", "week", "must be a date (YYYY-MM-DD)")
		}
		week = ladder.WeekOf(d)
	}
	page, err := wb.trustPage(w, r, week, nil)
	if err != nil {
		return err
	}
	return wb.render(w, r, "trust", page)
}

// trustPage builds the page of week; ticked overrides the stored ticks of
// the week (after a failed save).
func (wb *Web) trustPage(w http.ResponseWriter, r *http.Request, week time.Time, ticked []string) (*TrustPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	c, err := firstdays.Load()
	if err != nil {
		return nil, err
	}
	this := ladder.WeekOf(wb.J.DB.Now())
	ws, err := wb.J.Manager.FindTrustWeeks(ctx, p.ID, week.AddDate(0, 0, -7*(trustHistoryWeeks-1)), week)
	if err != nil {
		return nil, err
	}
	byWeek := map[time.Time][]string{}
	for _, tw := range ws {
		byWeek[tw.Week] = tw.Habits
	}
	if ticked == nil {
		ticked = byWeek[week]
	}
	page := &TrustPage{Base: wb.base(w, r, "Trust", "trust"), Week: week.Format(time.DateOnly),
		WeekLabel: week.Format("2 January 2006"), Prev: week.AddDate(0, 0, -7).Format(time.DateOnly), ThisWeek: week.Equal(this)}
	if week.Before(this) {
		page.Next = week.AddDate(0, 0, 7).Format(time.DateOnly)
	}
	for _, a := range c.TrustHabits {
		av := TrustAreaView{Name: a.Name}
		for _, h := range a.Habits {
			checked := slices.Contains(ticked, h.Key)
			av.Habits = append(av.Habits, HabitView{Key: h.Key, Text: h.Text, Checked: checked})
			page.Total++
			if checked {
				page.Ticked++
			}
		}
		page.Areas = append(page.Areas, av)
		page.AreaNames = append(page.AreaNames, a.Name)
	}
	for i := trustHistoryWeeks - 1; i >= 0; i-- {
		wk := week.AddDate(0, 0, -7*i)
		row := TrustHistoryRow{Week: wk.Format(time.DateOnly), Label: wk.Format("2 Jan"), Current: wk.Equal(week), Total: page.Total}
		for _, a := range c.TrustHabits {
			n := 0
			for _, h := range a.Habits {
				if slices.Contains(byWeek[wk], h.Key) {
					n++
				}
			}
			row.PerArea = append(row.PerArea, n)
			row.Ticked += n
		}
		page.History = append(page.History, row)
	}
	return page, nil
}

// SaveTrust stores the week's ticks from the checklist form.
func (wb *Web) SaveTrust(w http.ResponseWriter, r *http.Request) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	if err := r.ParseForm(); err != nil {
		return fieldError("The form could not be read.", "habits", err.Error())
	}
	habits := r.PostForm["habit"]
	d, perr := time.Parse(time.DateOnly, strings.TrimSpace(r.PostFormValue("week")))
	var err error
	if perr != nil {
		err = fieldError("The week's checklist is not valid.", "week", "must be a date (YYYY-MM-DD)")
		d = wb.J.DB.Now()
	}
	week := ladder.WeekOf(d)
	if err == nil {
		err = wb.J.Manager.SetTrustWeek(ctx, &ladder.TrustWeek{PersonID: p.ID, Week: week, Habits: append([]string{}, habits...)})
	}
	if err != nil {
		page, perr := wb.trustPage(w, r, week, habits)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "trust", &page.Base, err, func(msg string, f map[string]string) any {
			page.State = FormState{Error: msg, Fields: f}
			return page
		})
	}
	return redirect(w, r, "/trust?week="+week.Format(time.DateOnly), "Saved the week of "+week.Format("2 Jan")+": "+
		strconv.Itoa(len(habits))+" habits ticked.")
}

// DelegationPage is the delegation list with the hours it accounts for.
type DelegationPage struct {
	Base
	Items   []DelegationView
	Hours   first90.Hours
	Freed   string
	Handing string
	Mine    string
	Add     DelegationFormView
}

// DelegationFormView is a delegation form's fields: the prefix keeps
// element ids unique on the page.
type DelegationFormView struct {
	Prefix   string
	Form     DelegationForm
	State    FormState
	Statuses []Option
}

// DelegationView is an item with its change form.
type DelegationView struct {
	ID                  int64
	Task, Owner, Status string
	StatusLabel, Notes  string
	Hours               string
	Edit                DelegationFormView
}

// DelegationForm holds the values of a delegation form.
type DelegationForm struct {
	Task, Owner, Status, Hours, Notes string
}

var delegationLabels = map[string]string{ladder.DelegationMine: "Still mine", ladder.DelegationHandingOver: "Handing over",
	ladder.DelegationDelegated: "Delegated"}

func statusOptions(selected string) []Option {
	var out []Option
	for _, s := range ladder.DelegationStatuses {
		out = append(out, Option{Value: s, Label: delegationLabels[s], Selected: s == selected})
	}
	return out
}

// Delegation shows the list.
func (wb *Web) Delegation(w http.ResponseWriter, r *http.Request) error {
	page, err := wb.delegationPage(w, r, DelegationForm{Status: ladder.DelegationMine})
	if err != nil {
		return err
	}
	return wb.render(w, r, "delegation", page)
}

func (wb *Web) delegationPage(w http.ResponseWriter, r *http.Request, form DelegationForm) (*DelegationPage, error) {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	ds, err := wb.J.Delegations.FindDelegations(ctx, p.ID)
	if err != nil {
		return nil, err
	}
	h := first90.DelegationHours(ds)
	page := &DelegationPage{Base: wb.base(w, r, "Delegation", "delegation"), Hours: h, Freed: hoursText(h.Freed),
		Handing: hoursText(h.HandingOver), Mine: hoursText(h.Mine),
		Add: DelegationFormView{Prefix: "new", Form: form, Statuses: statusOptions(form.Status)}}
	for _, d := range ds {
		page.Items = append(page.Items, DelegationView{ID: d.ID, Task: d.Task, Owner: d.Owner, Status: d.Status,
			StatusLabel: delegationLabels[d.Status], Notes: d.Notes, Hours: hoursText(d.HoursPerWeek),
			Edit: DelegationFormView{Prefix: "d" + strconv.FormatInt(d.ID, 10), Statuses: statusOptions(d.Status),
				Form: DelegationForm{Task: d.Task, Owner: d.Owner, Status: d.Status, Hours: strconv.FormatFloat(d.HoursPerWeek, 'f', -1, 64), Notes: d.Notes}}})
	}
	return page, nil
}

func hoursText(h float64) string { return strconv.FormatFloat(h, 'f', -1, 64) + " h" }

func delegationForm(r *http.Request) DelegationForm {
	return DelegationForm{Task: r.PostFormValue("task"), Owner: r.PostFormValue("owner"), Status: r.PostFormValue("status"),
		Hours: r.PostFormValue("hours"), Notes: r.PostFormValue("notes")}
}

func (f DelegationForm) item(personID, id int64) (*ladder.Delegation, error) {
	d := &ladder.Delegation{ID: id, PersonID: personID, Task: f.Task, Owner: f.Owner, Status: f.Status, Notes: f.Notes}
	if s := strings.TrimSpace(f.Hours); s != "" {
		v, err := strconv.ParseFloat(s, 64)
		if err != nil {
			fe := ladder.FieldErrors{}
			fe.Add("hours", "must be a number of hours")
			addDomainErrors(fe, d.Validate())
			return nil, fe.Err("The delegation item is not valid.")
		}
		d.HoursPerWeek = v
	}
	return d, nil
}

// CreateDelegation adds an item from the form.
func (wb *Web) CreateDelegation(w http.ResponseWriter, r *http.Request) error {
	return wb.saveDelegation(w, r, 0)
}

// UpdateDelegation saves an item's change form.
func (wb *Web) UpdateDelegation(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "Delegation item")
	if err != nil {
		return err
	}
	p := ladder.PersonFromContext(r.Context())
	if _, err := wb.J.Delegations.FindDelegation(r.Context(), p.ID, id); err != nil {
		return err
	}
	return wb.saveDelegation(w, r, id)
}

func (wb *Web) saveDelegation(w http.ResponseWriter, r *http.Request, id int64) error {
	ctx := r.Context()
	p := ladder.PersonFromContext(ctx)
	form := delegationForm(r)
	d, err := form.item(p.ID, id)
	switch {
	case err != nil:
	case id == 0:
		err = wb.J.Delegations.CreateDelegation(ctx, d)
	default:
		err = wb.J.Delegations.UpdateDelegation(ctx, d)
	}
	if err != nil {
		blank := DelegationForm{Status: ladder.DelegationMine}
		if id == 0 {
			blank = form
		}
		page, perr := wb.delegationPage(w, r, blank)
		if perr != nil {
			return perr
		}
		return wb.formError(w, r, "delegation", &page.Base, err, func(msg string, f map[string]string) any {
			state := FormState{Error: msg, Fields: f}
			if id == 0 {
				page.Add.State = state
			}
			for i := range page.Items {
				if it := &page.Items[i]; it.ID == id {
					it.Edit.Form, it.Edit.State, it.Edit.Statuses = form, state, statusOptions(form.Status)
				}
			}
			return page
		})
	}
	return redirect(w, r, "/delegation", "Saved: "+d.Task+" ("+strings.ToLower(delegationLabels[d.Status])+").")
}

// DeleteDelegation removes an item.
func (wb *Web) DeleteDelegation(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	id, err := pathID(r, "Delegation item")
	if err != nil {
		return err
	}
	if err := wb.J.Delegations.DeleteDelegation(r.Context(), p.ID, id); err != nil {
		return err
	}
	return redirect(w, r, "/delegation", "Removed the item.")
}
