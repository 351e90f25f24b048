package web

import (
	"bytes"
	"context"
	"html/template"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/journey"
)

// agendaDays is how far ahead the dashboard looks: this week.
const agendaDays = 7

// agendaShown caps the dashboard's list; the rest is counted.
const agendaShown = 8

// AgendaView is the dashboard's "this week" panel.
type AgendaView struct {
	Days  int
	Items []AgendaItem
	More  int // items beyond those shown
}

// AgendaItem is one reminder as the panel shows it.
type AgendaItem struct {
	ladder.Reminder
	When  string // "today", "tomorrow", "Fri 27 Nov"
	Label string // the kind in words
}

// agendaPanel renders this week's reminders once per snapshot: every write
// to the person's data makes a new snapshot, and so does a new day.
func (wb *Web) agendaPanel(ctx context.Context, s *journey.Snapshot) (template.HTML, error) {
	b, err := s.Memo("web/agenda", func() ([]byte, error) {
		v, err := wb.agenda(ctx, s.Person.ID, agendaDays, agendaShown)
		if err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		if err := wb.Tmpl.Fragment(&buf, "dashboard", "agenda", v); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	})
	return template.HTML(b), err
}

// agenda lists what is overdue and due in the next days, at most max
// items (0: all).
func (wb *Web) agenda(ctx context.Context, personID int64, days, max int) (AgendaView, error) {
	today := ladder.Day(wb.J.DB.Now())
	rs, err := wb.J.Agenda(ctx, personID, today, today.AddDate(0, 0, days))
	if err != nil {
		return AgendaView{}, err
	}
	v := AgendaView{Days: days}
	for i, r := range rs {
		if i == max && max > 0 {
			v.More = len(rs) - i
			break
		}
		v.Items = append(v.Items, AgendaItem{Reminder: r, When: dayWords(r.Date, today), Label: ladder.ReminderLabels[r.Kind]})
	}
	return v, nil
}

// AgendaPage lists everything overdue and due in the chosen days.
type AgendaPage struct {
	Base
	Agenda  AgendaView
	Choices []int
}

// agendaChoices are the windows the agenda page offers, in days.
var agendaChoices = []int{7, 30, 90}

// Agenda shows what is due in the next 7, 30 or 90 days.
func (wb *Web) Agenda(w http.ResponseWriter, r *http.Request) error {
	days := agendaDays
	if q := r.URL.Query().Get("days"); q != "" {
		n, err := strconv.Atoi(q)
		if err != nil || !slices.Contains(agendaChoices, n) {
			return ladder.Errorf(ladder.EINVALID, "The agenda shows 7, 30 or 90 days: days must be 7, 30 or 90.")
		}
		days = n
	}
	v, err := wb.agenda(r.Context(), ladder.PersonFromContext(r.Context()).ID, days, 0)
	if err != nil {
		return err
	}
	return wb.render(w, r, "agenda", AgendaPage{Base: wb.base(w, r, "Agenda", "agenda"), Agenda: v, Choices: agendaChoices})
}

// dayWords says a day relative to today the way people do.
func dayWords(d, today time.Time) string {
	switch int(d.Sub(today).Hours() / 24) {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	case -1:
		return "yesterday"
	}
	if d.Year() != today.Year() {
		return d.Format("Mon 2 Jan 2006")
	}
	return d.Format("Mon 2 Jan")
}

// CalendarICS downloads everything dated of the person as one iCalendar
// file: the plan and every reminder.
func (wb *Web) CalendarICS(w http.ResponseWriter, r *http.Request) error {
	p := ladder.PersonFromContext(r.Context())
	b, err := wb.J.CalendarICS(r.Context(), p.ID)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="ladder.ics"`)
	_, err = w.Write(b)
	return err
}
