package api

import (
	"net/http"
	"time"

	"github.com/ladderhq/ladder"
)

// Reminder is something due on a day: a plan action, a follow-up, a
// session, a one-to-one.
type Reminder struct {
	Date    string `json:"date" doc:"the day it is due (YYYY-MM-DD)"`
	Kind    string `json:"kind" enum:"plan-action,mentoring,follow-up,event,membership,opportunity,one-to-one,first-90,feedback"`
	Title   string `json:"title"`
	Detail  string `json:"detail" doc:"who, where or what it is about; may be empty"`
	Link    string `json:"link" doc:"the web page where the item is handled"`
	UID     string `json:"uid" doc:"stable across calls: the item's kind and id"`
	Overdue bool   `json:"overdue" doc:"due before today and still open"`
}

// NewReminder converts a reminder.
func NewReminder(r ladder.Reminder) Reminder {
	return Reminder{Date: r.Date.Format(time.DateOnly), Kind: r.Kind, Title: r.Title, Detail: r.Detail, Link: r.Link,
		UID: r.UID, Overdue: r.Overdue}
}

func (a *API) getAgenda(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	days, err := queryInt(r, "days", 7, 1, 366)
	if err != nil {
		return err
	}
	today := ladder.Day(a.J.DB.Now())
	rs, err := a.J.Agenda(r.Context(), p.ID, today, today.AddDate(0, 0, days))
	if err != nil {
		return err
	}
	out := make([]Reminder, 0, len(rs))
	for _, rm := range rs {
		out = append(out, NewReminder(rm))
	}
	return writeJSON(w, http.StatusOK, out)
}

func (a *API) getCalendarICS(w http.ResponseWriter, r *http.Request) error {
	p, err := person(r)
	if err != nil {
		return err
	}
	b, err := a.J.CalendarICS(r.Context(), p.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ladder.ics"`)
	_, err = w.Write(b)
	return err
}
