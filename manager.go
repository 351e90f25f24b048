package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// ManagerSituations are the kinds of situation a new manager can inherit
// (PRODUCT.md C16); the content of each lives in internal/firstdays, whose
// test keeps the two lists equal.
var ManagerSituations = []string{"start-up", "turnaround", "accelerated-growth", "realignment", "sustaining-success"}

// ManagerRole records that a person has become a manager: when, of which
// team, under which title and in which situation. It anchors the 30/60/90
// day plan.
type ManagerRole struct {
	PersonID  int64
	Start     time.Time // day 1 of the role, 00:00 UTC
	TeamName  string
	TeamSize  int
	Title     string
	Situation string
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Validate checks the record and makes Start a day.
func (m *ManagerRole) Validate() error {
	f := FieldErrors{}
	m.TeamName, m.Title = strings.TrimSpace(m.TeamName), strings.TrimSpace(m.Title)
	m.Start = Day(m.Start)
	if m.Start.IsZero() {
		f.Add("start", "is required")
	}
	textField(f, "team_name", m.TeamName, 200, true)
	textField(f, "title", m.Title, 200, true)
	if m.TeamSize < 1 || m.TeamSize > 10000 {
		f.Add("team_size", "must be 1-10000 people")
	}
	if !slices.Contains(ManagerSituations, m.Situation) {
		f.Add("situation", "must be one of %s", strings.Join(ManagerSituations, ", "))
	}
	return f.Err("The manager record is not valid.")
}

// First90Step is one dated step of a person's 30/60/90-day plan, made from
// the template in internal/firstdays. Key is the template step's key, so a
// plan made again after a change of start date or situation keeps what was
// done.
type First90Step struct {
	ID          int64
	PersonID    int64
	Key         string
	Phase       string
	Title       string
	Description string
	Theme       string
	// Emphasised is set when the person's situation stresses the step.
	Emphasised bool
	Due        time.Time // a day, 00:00 UTC
	Done       bool
	DoneAt     time.Time // zero while not done
	Note       string
}

// Validate checks the step.
func (s *First90Step) Validate() error {
	f := FieldErrors{}
	s.Due = Day(s.Due)
	textField(f, "key", s.Key, 60, true)
	textField(f, "phase", s.Phase, 60, true)
	textField(f, "title", s.Title, 200, true)
	textField(f, "description", s.Description, 2000, false)
	textField(f, "theme", s.Theme, 60, false)
	textField(f, "note", s.Note, 2000, false)
	if s.Due.IsZero() {
		f.Add("due", "is required")
	}
	if !s.Done && !s.DoneAt.IsZero() {
		f.Add("done_at", "is set on a step that is not done")
	}
	return f.Err("The step is not valid.")
}

// TrustWeek is the trust-building habits a person ticked in one week.
type TrustWeek struct {
	PersonID int64
	Week     time.Time // the Monday, 00:00 UTC
	Habits   []string  // habit keys of internal/firstdays, sorted
}

// Validate checks the week and sorts its habits; the service checks that
// the keys exist.
func (w *TrustWeek) Validate() error {
	f := FieldErrors{}
	if w.Week.IsZero() {
		f.Add("week", "is required")
	} else if !w.Week.Equal(WeekOf(w.Week)) {
		f.Add("week", "must be a Monday")
	}
	slices.Sort(w.Habits)
	for i, h := range w.Habits {
		if h == "" || len(h) > 60 {
			f.Add("habits", "a habit key is 1-60 characters")
		} else if i > 0 && w.Habits[i-1] == h {
			f.Add("habits", "%q is ticked twice", h)
		}
	}
	return f.Err("The week's checklist is not valid.")
}

// textField checks a trimmed text field's presence and length.
func textField(f FieldErrors, name, v string, maxLen int, required bool) {
	switch {
	case required && v == "":
		f.Add(name, "is required")
	case len(v) > maxLen:
		f.Add(name, "must be at most %d characters", maxLen)
	}
}

// ManagerService stores the manager record, the 30/60/90-day plan and the
// weekly trust checklist of a person.
//
// Errors: EINVALID for a bad field or unknown habit key, ENOTFOUND for no
// record, an unknown id or one of another person.
type ManagerService interface {
	FindManagerRole(ctx context.Context, personID int64) (*ManagerRole, error)
	// SaveManagerRole creates or replaces the person's record and plan in
	// one transaction: steps with an id update the person's step of that
	// id, steps without one are added, the person's other steps go.
	SaveManagerRole(ctx context.Context, m *ManagerRole, steps []*First90Step) error
	// FindFirst90Steps returns the person's steps by due date.
	FindFirst90Steps(ctx context.Context, personID int64) ([]*First90Step, error)
	FindFirst90Step(ctx context.Context, personID, id int64) (*First90Step, error)
	// MarkFirst90Step sets whether a step is done and its note.
	MarkFirst90Step(ctx context.Context, personID, id int64, done bool, note string) (*First90Step, error)
	// FindTrustWeeks returns the weeks with from <= Week <= to that have
	// ticks, oldest first; zero bounds do not filter.
	FindTrustWeeks(ctx context.Context, personID int64, from, to time.Time) ([]*TrustWeek, error)
	// SetTrustWeek replaces the habits ticked in w.Week.
	SetTrustWeek(ctx context.Context, w *TrustWeek) error
}
