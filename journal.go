package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Journal entry kinds.
const (
	JournalWin        = "win"
	JournalChallenge  = "challenge"
	JournalLesson     = "lesson"
	JournalReflection = "reflection"
)

// JournalKinds lists the entry kinds in the order forms offer them.
var JournalKinds = []string{JournalWin, JournalChallenge, JournalLesson, JournalReflection}

// Challenge areas of the move into management, each with strategies in the
// journal's content file.
var ChallengeAreas = []string{"team-dynamics", "deadlines", "changing-technology", "technical-vs-admin", "emotional-side"}

// JournalEntry is one entry of a person's reflection journal: a win (the
// "brag document" is the list of wins), a challenge, a lesson, or a
// structured reflection.
type JournalEntry struct {
	ID       int64
	PersonID int64
	Date     time.Time // the day it is about
	Kind     string
	Title    string
	Body     string
	// Mood and Confidence are 1-5, 0 when not given.
	Mood       int
	Confidence int
	// Challenge is one of ChallengeAreas for a challenge entry, else "".
	Challenge    string
	Tags         []string
	Competencies []string
	// Reflection holds the six steps of a structured reflection (what
	// happened, feelings, evaluation, analysis, conclusion, next time);
	// empty for other entries.
	Reflection Reflection
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Reflection is a reflective cycle in six steps.
type Reflection struct {
	Description, Feelings, Evaluation, Analysis, Conclusion, ActionPlan string
}

// Empty reports whether no step was written.
func (r Reflection) Empty() bool { return r == Reflection{} }

// Validate checks the entry; competency keys are checked by the service.
func (j *JournalEntry) Validate() error {
	f := FieldErrors{}
	j.Title = strings.TrimSpace(j.Title)
	if !slices.Contains(JournalKinds, j.Kind) {
		f.Add("kind", "must be one of %s", strings.Join(JournalKinds, ", "))
	}
	if j.Title == "" {
		f.Add("title", "is required")
	} else if len(j.Title) > 200 {
		f.Add("title", "must be at most 200 characters")
	}
	if len(j.Body) > 20000 {
		f.Add("body", "must be at most 20000 characters")
	}
	if j.Date.IsZero() {
		f.Add("date", "is required")
	}
	for name, v := range map[string]int{"mood": j.Mood, "confidence": j.Confidence} {
		if v < 0 || v > 5 {
			f.Add(name, "must be 1-5 (or empty)")
		}
	}
	if j.Challenge != "" && !slices.Contains(ChallengeAreas, j.Challenge) {
		f.Add("challenge", "must be one of %s", strings.Join(ChallengeAreas, ", "))
	}
	if j.Kind != JournalChallenge && j.Challenge != "" {
		f.Add("challenge", "only a challenge entry has a challenge area")
	}
	if j.Kind == JournalReflection && j.Reflection.Empty() && strings.TrimSpace(j.Body) == "" {
		f.Add("reflection", "write at least one step of the reflection")
	}
	for i, t := range j.Tags {
		j.Tags[i] = strings.ToLower(strings.TrimSpace(t))
		if j.Tags[i] == "" || len(j.Tags[i]) > 40 {
			f.Add("tags", "tags are 1-40 characters")
		}
	}
	return f.Err("The journal entry is not valid.")
}

// JournalFilter selects a person's entries, newest first. Zero fields do
// not filter.
type JournalFilter struct {
	PersonID int64
	Kind     string
	Tag      string
	From, To time.Time
	Offset   int
	Limit    int
}

// JournalService stores journal entries.
//
// Errors: EINVALID for a bad field or unknown competency, ENOTFOUND for an
// unknown id (or one of another person, when PersonID is given).
type JournalService interface {
	FindJournalEntry(ctx context.Context, personID, id int64) (*JournalEntry, error)
	FindJournal(ctx context.Context, f JournalFilter) ([]*JournalEntry, int, error)
	CreateJournalEntry(ctx context.Context, e *JournalEntry) error
	UpdateJournalEntry(ctx context.Context, e *JournalEntry) error
	DeleteJournalEntry(ctx context.Context, personID, id int64) error
}
