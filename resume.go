package ladder

import (
	"context"
	"strings"
	"time"
)

// ResumeBullet is one resume line drawn from an evidence entry, in STAR
// shape (situation, task, action, result) with a final one-line Text. It
// is generated, then the person's own: an edited bullet keeps its words
// when the resume is generated again.
type ResumeBullet struct {
	ID       int64
	PersonID int64
	// EvidenceID is the entry it came from; 0 once that entry is deleted
	// (an edited bullet outlives its entry).
	EvidenceID int64
	Situation  string
	Task       string
	Action     string
	Result     string
	Text       string
	// Competencies are the entry's, as ranked: they explain the rank.
	Competencies []string
	// TargetRole is the role slug the bullet was ranked for, and Why the
	// reason for its place.
	TargetRole string
	Why        string
	Position   int // 1-based order on the resume
	Hidden     bool
	Edited     bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// Limits of a bullet's text.
const (
	maxBulletPart = 2000
	maxBulletText = 500
)

// Validate trims the text and checks its length; Text is required.
func (b *ResumeBullet) Validate() error {
	f := FieldErrors{}
	for _, p := range []struct {
		name string
		v    *string
	}{{"situation", &b.Situation}, {"task", &b.Task}, {"action", &b.Action}, {"result", &b.Result}} {
		*p.v = strings.TrimSpace(*p.v)
		if len(*p.v) > maxBulletPart {
			f.Add(p.name, "must be at most %d characters", maxBulletPart)
		}
	}
	b.Text = strings.TrimSpace(b.Text)
	switch {
	case b.Text == "":
		f.Add("text", "is required: the line that goes on the resume")
	case len(b.Text) > maxBulletText:
		f.Add("text", "must be at most %d characters: a resume line is short", maxBulletText)
	}
	return f.Err("The resume bullet is not valid.")
}

// PracticeAnswer is one attempt at an interview question from the bank:
// what the person answered, how they rated it and which evidence entries
// it draws on.
type PracticeAnswer struct {
	ID       int64
	PersonID int64
	Question string    // the question's key in the bank
	Date     time.Time // a day, 00:00 UTC
	Answer   string
	Rating   int // the person's own rating, 1-5
	// EvidenceIDs are the person's evidence entries the answer uses.
	EvidenceIDs []int64
	CreatedAt   time.Time
}

// MaxPracticeEvidence bounds the entries one answer links: a story or two,
// not the whole log.
const MaxPracticeEvidence = 5

// Validate trims the answer and checks it; the question key and the
// evidence ids are checked by the service.
func (a *PracticeAnswer) Validate() error {
	f := FieldErrors{}
	a.Question = strings.TrimSpace(a.Question)
	a.Answer = strings.TrimSpace(a.Answer)
	a.Date = Day(a.Date)
	if a.Question == "" {
		f.Add("question", "is required")
	}
	switch {
	case a.Answer == "":
		f.Add("answer", "is required: write the answer as you would say it")
	case len(a.Answer) > 10000:
		f.Add("answer", "must be at most 10000 characters")
	}
	if a.Date.IsZero() {
		f.Add("date", "is required")
	}
	if a.Rating < 1 || a.Rating > 5 {
		f.Add("rating", "must be 1-5")
	}
	a.EvidenceIDs = dedupeIDs(a.EvidenceIDs)
	if len(a.EvidenceIDs) > MaxPracticeEvidence {
		f.Add("evidence", "at most %d entries per answer", MaxPracticeEvidence)
	}
	return f.Err("The practice answer is not valid.")
}

func dedupeIDs(ids []int64) []int64 {
	out := make([]int64, 0, len(ids))
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// ResumeService stores a person's resume bullets and interview practice.
// Every call names the owner: another person's bullet or answer is
// ENOTFOUND, and an answer may link only its owner's evidence. Each write
// is one transaction and bumps the owner's data version.
//
// Errors: EINVALID for a bad field, an unknown question or evidence that
// is not the person's; ENOTFOUND for an unknown id or another person's.
type ResumeService interface {
	// FindResumeBullets returns the person's bullets in resume order.
	FindResumeBullets(ctx context.Context, personID int64) ([]*ResumeBullet, error)
	FindResumeBullet(ctx context.Context, personID, id int64) (*ResumeBullet, error)
	// SaveResume makes bs the person's whole resume, in that order:
	// bullets with an id are updated (they must be the person's), those
	// without are added, and the person's other bullets are removed.
	SaveResume(ctx context.Context, personID int64, bs []*ResumeBullet) error
	// UpdateResumeBullet replaces the text and flags of b.ID.
	UpdateResumeBullet(ctx context.Context, b *ResumeBullet) error

	// FindPracticeAnswers returns the person's answers, newest first;
	// question "" means all questions.
	FindPracticeAnswers(ctx context.Context, personID int64, question string) ([]*PracticeAnswer, error)
	CreatePracticeAnswer(ctx context.Context, a *PracticeAnswer) error
	DeletePracticeAnswer(ctx context.Context, personID, id int64) error
}
