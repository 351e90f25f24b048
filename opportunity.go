package ladder

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Opportunity stages, in the order an opportunity usually moves through
// them. Taken and declined close it.
const (
	StageSpotted      = "spotted"
	StageDiscussed    = "discussed" // discussed with the supervisor
	StageApplied      = "applied"
	StageInterviewing = "interviewing"
	StageOffered      = "offered"
	StageTaken        = "taken"
	StageDeclined     = "declined"
)

// Opportunity kinds.
const (
	OpportunityManagementRole = "management-role"
	OpportunityStretch        = "stretch-assignment"
	OpportunityActing         = "acting-role"
	OpportunityLeadProject    = "lead-project"
	OpportunityOther          = "other"
)

// Choice is a key with its label for people.
type Choice struct {
	Key   string
	Label string
}

// OpportunityStages returns the stages in pipeline order.
func OpportunityStages() []Choice {
	return []Choice{
		{StageSpotted, "Spotted"},
		{StageDiscussed, "Discussed with supervisor"},
		{StageApplied, "Applied"},
		{StageInterviewing, "Interviewing"},
		{StageOffered, "Offered"},
		{StageTaken, "Taken"},
		{StageDeclined, "Declined"},
	}
}

// OpportunityKinds returns the kinds in the order forms offer them.
func OpportunityKinds() []Choice {
	return []Choice{
		{OpportunityManagementRole, "Management role"},
		{OpportunityStretch, "Stretch assignment"},
		{OpportunityActing, "Acting or cover role"},
		{OpportunityLeadProject, "Lead a project"},
		{OpportunityOther, "Other"},
	}
}

// ChoiceLabel returns the label of key among cs, and whether it is there.
func ChoiceLabel(cs []Choice, key string) (string, bool) {
	for _, c := range cs {
		if c.Key == key {
			return c.Label, true
		}
	}
	return "", false
}

func choiceKeys(cs []Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key
	}
	return out
}

// StageChange is one step of an opportunity's history: the stage it moved
// to and the day it did.
type StageChange struct {
	Stage string
	Date  time.Time // a day, 00:00 UTC
}

// Opportunity is a management opportunity a person follows: a role inside
// or outside their organisation, or a stretch assignment in their current
// job. History keeps every stage it was in with the day it got there,
// oldest first; its last entry is the current Stage.
type Opportunity struct {
	ID           int64
	PersonID     int64
	Title        string
	Organisation string
	Internal     bool
	Kind         string
	Stage        string
	Notes        string
	Link         string
	// NextStep says what to do next; NextStepDate (a day, zero for none)
	// makes it a reminder while the opportunity is open.
	NextStep     string
	NextStepDate time.Time
	History      []StageChange
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Open reports whether the opportunity is still in play: neither taken nor
// declined.
func (o *Opportunity) Open() bool { return o.Stage != StageTaken && o.Stage != StageDeclined }

// Reached reports whether the opportunity was ever at stage.
func (o *Opportunity) Reached(stage string) bool {
	return slices.ContainsFunc(o.History, func(c StageChange) bool { return c.Stage == stage })
}

// Limits of an opportunity's text.
const (
	maxOpportunityTitle = 200
	maxOpportunityNotes = 5000
	maxOpportunityStep  = 500
)

// Validate normalises the opportunity (trimmed text, days) and checks its
// fields. The history is the store's: Validate checks only that its
// entries are known stages on real days.
func (o *Opportunity) Validate() error {
	f := FieldErrors{}
	o.Title = strings.TrimSpace(o.Title)
	o.Organisation = strings.TrimSpace(o.Organisation)
	o.Kind = strings.TrimSpace(o.Kind)
	o.Stage = strings.TrimSpace(o.Stage)
	o.Link = strings.TrimSpace(o.Link)
	o.NextStep = strings.TrimSpace(o.NextStep)
	o.NextStepDate = Day(o.NextStepDate)
	switch {
	case o.Title == "":
		f.Add("title", "is required")
	case len(o.Title) > maxOpportunityTitle:
		f.Add("title", "must be at most %d characters", maxOpportunityTitle)
	}
	if len(o.Organisation) > maxOpportunityTitle {
		f.Add("organisation", "must be at most %d characters", maxOpportunityTitle)
	}
	if _, ok := ChoiceLabel(OpportunityKinds(), o.Kind); !ok {
		f.Add("kind", "must be one of %s", strings.Join(choiceKeys(OpportunityKinds()), ", "))
	}
	if o.Stage == "" {
		o.Stage = StageSpotted
	}
	if _, ok := ChoiceLabel(OpportunityStages(), o.Stage); !ok {
		f.Add("stage", "must be one of %s", strings.Join(choiceKeys(OpportunityStages()), ", "))
	}
	if len(o.Notes) > maxOpportunityNotes {
		f.Add("notes", "must be at most %d characters", maxOpportunityNotes)
	}
	if o.Link != "" && !strings.HasPrefix(o.Link, "https://") && !strings.HasPrefix(o.Link, "http://") {
		f.Add("link", "must start with https:// or http://")
	}
	if len(o.NextStep) > maxOpportunityStep {
		f.Add("next_step", "must be at most %d characters", maxOpportunityStep)
	}
	if !o.NextStepDate.IsZero() && o.NextStepDate.Before(earliestEvidence) {
		f.Add("next_step_date", "%s is before %d", o.NextStepDate.Format(time.DateOnly), earliestEvidence.Year())
	}
	for i, c := range o.History {
		o.History[i].Date = Day(c.Date)
		if _, ok := ChoiceLabel(OpportunityStages(), c.Stage); !ok || c.Date.IsZero() {
			f.Add("history", "entry %d needs a known stage and a date", i+1)
		}
	}
	return f.Err("The opportunity is not valid.")
}

// ValidateStageDate checks the day of a stage change: not before the last
// change (the history reads in order), not after tomorrow (for time zones).
func ValidateStageDate(o *Opportunity, day, now time.Time) error {
	f := FieldErrors{}
	switch {
	case day.IsZero():
		f.Add("date", "is required")
	case day.After(Day(now.UTC()).AddDate(0, 0, 1)):
		f.Add("date", "%s is in the future: move the stage when it happens", day.Format(time.DateOnly))
	case len(o.History) > 0 && day.Before(o.History[len(o.History)-1].Date):
		last := o.History[len(o.History)-1]
		f.Add("date", "%s is before the last change (%s on %s)", day.Format(time.DateOnly), last.Stage, last.Date.Format(time.DateOnly))
	}
	return f.Err("The stage change is not valid.")
}

// SupervisorTalk records that a person talked to their supervisor about
// their management ambitions; it retires the prompt to do so.
type SupervisorTalk struct {
	PersonID int64
	Date     time.Time // a day, 00:00 UTC
	Note     string
}

// OpportunityService stores a person's opportunities and whether they have
// talked to their supervisor. Every call names the owner: another person's
// opportunity is ENOTFOUND. Each write is one transaction and bumps the
// owner's data version.
//
// Errors: EINVALID for a bad field; ENOTFOUND for an unknown id or another
// person's opportunity.
type OpportunityService interface {
	FindOpportunity(ctx context.Context, personID, id int64) (*Opportunity, error)
	// FindOpportunities returns the person's opportunities in pipeline
	// order of their stage, then most recently changed first.
	FindOpportunities(ctx context.Context, personID int64) ([]*Opportunity, error)
	// CreateOpportunity stores o with a history of one entry: its stage
	// on the day given by since (today when zero).
	CreateOpportunity(ctx context.Context, o *Opportunity, since time.Time) error
	// UpdateOpportunity replaces the fields of o.ID but not its stage or
	// history: MoveOpportunity changes those.
	UpdateOpportunity(ctx context.Context, o *Opportunity) error
	// MoveOpportunity sets the stage on day (today when zero) and adds it
	// to the history. Moving to the current stage is EINVALID.
	MoveOpportunity(ctx context.Context, personID, id int64, stage string, day time.Time) (*Opportunity, error)
	DeleteOpportunity(ctx context.Context, personID, id int64) error
	// FindSupervisorTalk returns the person's record, ENOTFOUND when none.
	FindSupervisorTalk(ctx context.Context, personID int64) (*SupervisorTalk, error)
	// SetSupervisorTalk records (or replaces) the talk; a zero date is
	// EINVALID.
	SetSupervisorTalk(ctx context.Context, t *SupervisorTalk) error
}
