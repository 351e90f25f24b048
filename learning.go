package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Learning resource kinds.
var LearningKinds = []string{"course", "book", "workshop", "webinar", "blog", "podcast", "community"}

// Learning item statuses.
const (
	LearningPlanned    = "planned"
	LearningInProgress = "in-progress"
	LearningDone       = "done"
)

// LearningStatuses lists the statuses in the order forms offer them.
var LearningStatuses = []string{LearningPlanned, LearningInProgress, LearningDone}

// LearningItem is a resource a person studies: their own or one of the
// starter set (FromCatalog holds its key).
type LearningItem struct {
	ID           int64
	PersonID     int64
	Title        string
	Kind         string
	Competencies []string
	Link         string
	Status       string
	Progress     int // 0-100
	// StartedAt, FinishedAt and ProgressedAt (the last change of progress
	// or status) are zero until they happen; the store sets them.
	StartedAt    time.Time
	FinishedAt   time.Time
	ProgressedAt time.Time
	Notes        string
	FromCatalog  string
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate checks the item and brings status and progress into line: done
// means 100%, progress on a planned item means it is in progress.
// Competency keys are checked by the service.
func (it *LearningItem) Validate() error {
	f := FieldErrors{}
	it.Title = strings.TrimSpace(it.Title)
	it.Link = strings.TrimSpace(it.Link)
	if it.Title == "" {
		f.Add("title", "is required")
	} else if len(it.Title) > 200 {
		f.Add("title", "must be at most 200 characters")
	}
	if !slices.Contains(LearningKinds, it.Kind) {
		f.Add("kind", "must be one of %s", strings.Join(LearningKinds, ", "))
	}
	if it.Status == "" {
		it.Status = LearningPlanned
	}
	if !slices.Contains(LearningStatuses, it.Status) {
		f.Add("status", "must be one of %s", strings.Join(LearningStatuses, ", "))
	}
	if it.Progress < 0 || it.Progress > 100 {
		f.Add("progress", "must be 0-100")
	}
	if it.Link != "" && !strings.HasPrefix(it.Link, "https://") && !strings.HasPrefix(it.Link, "http://") {
		f.Add("link", "must start with https:// or http://")
	}
	if len(it.Notes) > 5000 {
		f.Add("notes", "must be at most 5000 characters")
	}
	switch {
	case it.Status == LearningDone:
		it.Progress = 100
	case it.Status == LearningPlanned && it.Progress > 0:
		it.Status = LearningInProgress
	}
	return f.Err("The learning item is not valid.")
}

// TimeLog is how a person split one week's working hours.
type TimeLog struct {
	ID              int64
	PersonID        int64
	Week            time.Time // the Monday, 00:00 UTC
	TechnicalHours  float64
	ManagerialHours float64
	LearningHours   float64
	Note            string
}

// WeekOf returns the Monday (00:00 UTC) of the week holding t.
func WeekOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	day := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// Validate checks the week's hours; a week has 168.
func (l *TimeLog) Validate() error {
	f := FieldErrors{}
	if l.Week.IsZero() {
		f.Add("week", "is required")
	} else if !l.Week.Equal(WeekOf(l.Week)) {
		f.Add("week", "must be a Monday")
	}
	for name, v := range map[string]float64{"technical": l.TechnicalHours, "managerial": l.ManagerialHours, "learning": l.LearningHours} {
		if v < 0 || v > 168 || v != v {
			f.Add(name, "must be 0-168 hours")
		}
	}
	if l.TechnicalHours+l.ManagerialHours+l.LearningHours > 168 {
		f.Add("hours", "add up to more than the 168 hours of a week")
	}
	if len(l.Note) > 500 {
		f.Add("note", "must be at most 500 characters")
	}
	return f.Err("The week's hours are not valid.")
}

// LearningService stores a person's learning items and weekly time logs.
//
// Errors: EINVALID for a bad field or unknown competency, ENOTFOUND for an
// unknown id or one of another person.
type LearningService interface {
	FindLearningItem(ctx context.Context, personID, id int64) (*LearningItem, error)
	// FindLearningItems returns the person's items, unfinished first, then
	// newest first.
	FindLearningItems(ctx context.Context, personID int64) ([]*LearningItem, error)
	CreateLearningItem(ctx context.Context, it *LearningItem) error
	UpdateLearningItem(ctx context.Context, it *LearningItem) error
	DeleteLearningItem(ctx context.Context, personID, id int64) error
	// LogWeek creates or replaces the person's log of l.Week.
	LogWeek(ctx context.Context, l *TimeLog) error
	// FindWeeks returns the person's logs with from <= Week <= to, oldest
	// first; zero bounds do not filter.
	FindWeeks(ctx context.Context, personID int64, from, to time.Time) ([]*TimeLog, error)
}
