package api

import (
	"time"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/learning"
)

// Learning is the person's learning: their items, the weeks they logged
// and their streak of weeks with continuous learning.
type Learning struct {
	Streak int            `json:"streak" doc:"consecutive weeks with learning up to this week (or last week while this one is still empty)"`
	Items  []LearningItem `json:"items" doc:"unfinished first, then newest first"`
	Weeks  []LearningWeek `json:"weeks" doc:"the weeks logged, oldest first"`
}

// LearningItem is a resource the person studies.
type LearningItem struct {
	ID           int64      `json:"id"`
	Title        string     `json:"title"`
	Kind         string     `json:"kind" enum:"course,book,workshop,webinar,blog,podcast,community"`
	Competencies []string   `json:"competencies"`
	Link         string     `json:"link"`
	Status       string     `json:"status" enum:"planned,in-progress,done"`
	Progress     int        `json:"progress" doc:"0-100"`
	StartedAt    *time.Time `json:"started_at" doc:"null until started"`
	FinishedAt   *time.Time `json:"finished_at" doc:"null until done"`
	ProgressedAt *time.Time `json:"progressed_at" doc:"the last change of progress or status; null until one"`
	Notes        string     `json:"notes"`
	FromCatalog  string     `json:"from_catalog" doc:"the starter resource's key; empty for the person's own"`
	CreatedAt    time.Time  `json:"created_at"`
	UpdatedAt    time.Time  `json:"updated_at"`
}

func instant(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	return &t
}

// NewLearningItem converts a learning item.
func NewLearningItem(it *ladder.LearningItem) LearningItem {
	return LearningItem{ID: it.ID, Title: it.Title, Kind: it.Kind, Competencies: append([]string{}, it.Competencies...),
		Link: it.Link, Status: it.Status, Progress: it.Progress, StartedAt: instant(it.StartedAt),
		FinishedAt: instant(it.FinishedAt), ProgressedAt: instant(it.ProgressedAt), Notes: it.Notes,
		FromCatalog: it.FromCatalog, CreatedAt: it.CreatedAt, UpdatedAt: it.UpdatedAt}
}

// LearningWeek is how the person split one week's hours.
type LearningWeek struct {
	Week            string   `json:"week" doc:"the Monday (YYYY-MM-DD)"`
	Technical       float64  `json:"technical" doc:"hours of technical work"`
	Managerial      float64  `json:"managerial" doc:"hours of managerial work"`
	Learning        float64  `json:"learning" doc:"hours of learning"`
	ManagerialShare *float64 `json:"managerial_share" doc:"managerial hours as a percentage of working hours, 0-100; null when none were logged"`
	Note            string   `json:"note"`
}

// NewLearningWeek converts a time log.
func NewLearningWeek(l *ladder.TimeLog) LearningWeek {
	s := learning.Split([]*ladder.TimeLog{l})[0]
	out := LearningWeek{Week: l.Week.Format(time.DateOnly), Technical: l.TechnicalHours, Managerial: l.ManagerialHours,
		Learning: l.LearningHours, Note: l.Note}
	if v := s.ManagerialShare; v == v {
		out.ManagerialShare = &v
	}
	return out
}

// LearningItemCreate is the body of POST /api/v1/learning/items: an item
// of the person's own, or a starter resource by its key (from), which
// fills title, kind, link and competencies.
type LearningItemCreate struct {
	From         string   `json:"from,omitempty" doc:"a starter resource's key, instead of title, kind, link and competencies"`
	Title        string   `json:"title,omitempty" doc:"required unless from is given; at most 200 characters"`
	Kind         string   `json:"kind,omitempty" enum:"course,book,workshop,webinar,blog,podcast,community" doc:"required unless from is given"`
	Competencies []string `json:"competencies,omitempty" doc:"competency keys it builds"`
	Link         string   `json:"link,omitempty" doc:"an http(s) URL"`
	Status       string   `json:"status,omitempty" enum:"planned,in-progress,done" doc:"default planned"`
	Progress     int      `json:"progress,omitempty" doc:"0-100"`
	Notes        string   `json:"notes,omitempty"`
}

// LearningItemPatch is the body of PATCH /api/v1/learning/items/{id}:
// progress, status or notes; fields left out stay as they are.
type LearningItemPatch struct {
	Progress *int    `json:"progress,omitempty" doc:"0-100; 100 marks the item done"`
	Status   *string `json:"status,omitempty" enum:"planned,in-progress,done" doc:"done sets progress to 100"`
	Notes    *string `json:"notes,omitempty"`
}

// WeekLog is the body of PUT /api/v1/learning/weeks/{week}; it replaces
// the week's log. Hours left out are 0.
type WeekLog struct {
	Technical  float64 `json:"technical,omitempty" doc:"hours of technical work, 0-168"`
	Managerial float64 `json:"managerial,omitempty" doc:"hours of managerial work, 0-168"`
	Learning   float64 `json:"learning,omitempty" doc:"hours of learning, 0-168"`
	Note       string  `json:"note,omitempty" doc:"at most 500 characters"`
}
