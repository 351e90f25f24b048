package api

import (
	"time"

	"github.com/ladderhq/ladder"
)

// JournalEntry is one entry of the reflection journal. Dates are days,
// written YYYY-MM-DD.
type JournalEntry struct {
	ID           int64       `json:"id"`
	Date         string      `json:"date" doc:"the day it is about (YYYY-MM-DD)"`
	Kind         string      `json:"kind" enum:"win,challenge,lesson,reflection"`
	Title        string      `json:"title"`
	Body         string      `json:"body"`
	Mood         int         `json:"mood" doc:"1-5; 0 when not given"`
	Confidence   int         `json:"confidence" doc:"1-5; 0 when not given"`
	Challenge    string      `json:"challenge" doc:"the challenge area of a challenge entry; empty for other entries"`
	Tags         []string    `json:"tags"`
	Competencies []string    `json:"competencies"`
	Reflection   *Reflection `json:"reflection" doc:"the six steps of a structured reflection; null when none was written"`
	CreatedAt    time.Time   `json:"created_at"`
	UpdatedAt    time.Time   `json:"updated_at"`
}

// Reflection is a reflective cycle in six steps.
type Reflection struct {
	Description string `json:"description,omitempty" doc:"what happened"`
	Feelings    string `json:"feelings,omitempty"`
	Evaluation  string `json:"evaluation,omitempty" doc:"what was good and bad"`
	Analysis    string `json:"analysis,omitempty" doc:"what sense to make of it"`
	Conclusion  string `json:"conclusion,omitempty" doc:"what else could have been done"`
	ActionPlan  string `json:"action_plan,omitempty" doc:"what to do next time"`
}

// NewJournalEntry converts a journal entry.
func NewJournalEntry(e *ladder.JournalEntry) JournalEntry {
	out := JournalEntry{ID: e.ID, Date: e.Date.Format(time.DateOnly), Kind: e.Kind, Title: e.Title, Body: e.Body,
		Mood: e.Mood, Confidence: e.Confidence, Challenge: e.Challenge,
		Tags: append([]string{}, e.Tags...), Competencies: append([]string{}, e.Competencies...),
		CreatedAt: e.CreatedAt, UpdatedAt: e.UpdatedAt}
	if r := e.Reflection; !r.Empty() {
		out.Reflection = &Reflection{Description: r.Description, Feelings: r.Feelings, Evaluation: r.Evaluation,
			Analysis: r.Analysis, Conclusion: r.Conclusion, ActionPlan: r.ActionPlan}
	}
	return out
}

// JournalCreate is the body of POST /api/v1/journal.
type JournalCreate struct {
	Kind         string      `json:"kind" enum:"win,challenge,lesson,reflection"`
	Title        string      `json:"title"`
	Body         string      `json:"body,omitempty"`
	Date         string      `json:"date,omitempty" doc:"the day it is about (YYYY-MM-DD); leave out for today"`
	Mood         int         `json:"mood,omitempty" doc:"1-5"`
	Confidence   int         `json:"confidence,omitempty" doc:"1-5"`
	Challenge    string      `json:"challenge,omitempty" enum:"team-dynamics,deadlines,changing-technology,technical-vs-admin,emotional-side" doc:"only for a challenge entry"`
	Tags         []string    `json:"tags,omitempty"`
	Competencies []string    `json:"competencies,omitempty" doc:"competency keys it concerns"`
	Reflection   *Reflection `json:"reflection,omitempty" doc:"the steps of a structured reflection; a reflection entry needs a step or a body"`
}

// Entry converts the body; a date that does not parse is a field error.
func (b JournalCreate) Entry(personID int64, today time.Time) (*ladder.JournalEntry, error) {
	e := &ladder.JournalEntry{PersonID: personID, Kind: b.Kind, Title: b.Title, Body: b.Body, Mood: b.Mood,
		Confidence: b.Confidence, Challenge: b.Challenge, Tags: b.Tags, Competencies: b.Competencies}
	if r := b.Reflection; r != nil {
		e.Reflection = ladder.Reflection{Description: r.Description, Feelings: r.Feelings, Evaluation: r.Evaluation,
			Analysis: r.Analysis, Conclusion: r.Conclusion, ActionPlan: r.ActionPlan}
	}
	f := ladder.FieldErrors{}
	if b.Date == "" {
		y, m, d := today.Date()
		e.Date = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	} else {
		var err error
		if e.Date, err = time.Parse(time.DateOnly, b.Date); err != nil {
			f.Add("date", "must be a date (YYYY-MM-DD)")
		}
	}
	return e, f.Err("The journal entry is not valid.")
}
