package ladder

import (
	"context"
	"fmt"
	"time"
)

// Assessment kinds.
const (
	AssessSelf = "self"
)

// NotSure is the level stored for a competency the person chose not to rate.
// It keeps the answer (so a resumed assessment does not ask again) without
// claiming a level.
const NotSure = 0

// Assessment is one round of ratings of a person's competencies, kept with
// its date so that progress over time is visible.
type Assessment struct {
	ID       int64
	PersonID int64
	Kind     string
	// TargetRole is the role whose competencies were offered for rating.
	TargetRole  string
	StartedAt   time.Time
	CompletedAt time.Time // zero while in progress
	Ratings     []Rating
}

// Completed reports whether the assessment was finished.
func (a *Assessment) Completed() bool { return !a.CompletedAt.IsZero() }

// Rating is one competency rated at a level (NotSure for "not sure").
type Rating struct {
	Competency string
	Level      int
	Note       string
	RatedAt    time.Time
}

// ValidateRatings checks ratings against a model: known competency keys,
// levels 1-5 or NotSure, no competency twice.
func ValidateRatings(m *Model, rs []Rating) error {
	f := FieldErrors{}
	seen := map[string]bool{}
	for _, r := range rs {
		field := "ratings." + r.Competency
		if _, ok := m.Competency(r.Competency); !ok {
			f.Add(field, "unknown competency %q", r.Competency)
			continue
		}
		if seen[r.Competency] {
			f.Add(field, "rated twice")
		}
		seen[r.Competency] = true
		if r.Level != NotSure && (r.Level < MinLevel || r.Level > MaxLevel) {
			f.Add(field, "level %d is outside %d-%d", r.Level, MinLevel, MaxLevel)
		}
		if len(r.Note) > 2000 {
			f.Add(field, "note must be at most 2000 characters")
		}
	}
	return f.Err("The ratings are not valid.")
}

// AssessmentFilter selects assessments of one person. Zero fields do not
// filter; Completed restricts to finished assessments when set.
type AssessmentFilter struct {
	PersonID  int64
	Kind      string
	Completed *bool
	Limit     int
}

// AssessmentService stores assessments. By-id methods take the owner: an
// assessment of another person is ENOTFOUND, whoever calls. Multi-step writes are one
// transaction: an assessment is never saved with half its ratings.
//
// Errors: EINVALID for bad ratings, ENOTFOUND for an unknown id.
type AssessmentService interface {
	FindAssessmentByID(ctx context.Context, personID, id int64) (*Assessment, error)
	// FindAssessments returns assessments with their ratings, oldest first.
	FindAssessments(ctx context.Context, f AssessmentFilter) ([]*Assessment, error)
	CreateAssessment(ctx context.Context, a *Assessment) error
	// SaveRatings adds or replaces ratings of an assessment in progress.
	SaveRatings(ctx context.Context, personID, id int64, rs []Rating) error
	CompleteAssessment(ctx context.Context, personID, id int64) error
	DeleteAssessment(ctx context.Context, personID, id int64) error
}

// ModelService keeps the competency model in use. The default model ships in
// the binary; an imported model replaces it until reset.
//
// Errors: EINVALID for a model that fails validation.
type ModelService interface {
	// ActiveModel returns the imported model in use, or ENOTFOUND when the
	// built-in default applies.
	ActiveModel(ctx context.Context) (*Model, error)
	// ActiveModelID returns the id of the imported model in use, 0 for the
	// built-in default: a cheap check of whether a cached model is current.
	ActiveModelID(ctx context.Context) (int64, error)
	ImportModel(ctx context.Context, m *Model) error
	ResetModel(ctx context.Context) error
}

// SettingService stores small instance-wide settings.
type SettingService interface {
	Setting(ctx context.Context, key string) (string, error)
	SetSetting(ctx context.Context, key, value string) error
}

// LevelString formats a level for people: "not sure" for NotSure.
func LevelString(l int) string {
	if l == NotSure {
		return "not sure"
	}
	return fmt.Sprint(l)
}
