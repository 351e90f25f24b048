package journey

import (
	"context"
	"slices"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/interview"
)

// InterviewQuestion is a question of the bank with the person's practice.
type InterviewQuestion struct {
	interview.Question
	// ForYou is set for a question that suits the person's target role.
	ForYou bool
	// Attempts counts the practice answers; LastRating is the rating of
	// the newest, 0 when none.
	Attempts   int
	LastRating int
}

// InterviewCategory is one category of the bank.
type InterviewCategory struct {
	Key       string
	Questions []InterviewQuestion
}

// Interview is the question bank as one person sees it.
type Interview struct {
	// Suggested are questions for the target role that draw on the
	// person's largest gaps, best first; empty without a target role.
	Suggested  []InterviewQuestion
	Categories []InterviewCategory
	// Role is the target role's title, "" without one.
	Role string
}

// MaxSuggested bounds the questions suggested first.
const MaxSuggested = 8

// topGaps is how many of the largest gaps choose the suggested questions.
const topGaps = 5

// Interview returns the bank for p: in each category the questions for
// their target role first, and a short list drawn from their largest gaps.
func (j *Journey) Interview(ctx context.Context, p *ladder.Person) (*Interview, error) {
	bank, err := interview.Load()
	if err != nil {
		return nil, err
	}
	answers, err := j.Resume.FindPracticeAnswers(ctx, p.ID, "")
	if err != nil {
		return nil, err
	}
	out := &Interview{}
	var forRole []interview.Question
	var gapKeys []string
	if p.TargetRole != "" {
		s, err := j.Snapshot(ctx, p, "")
		if err != nil {
			return nil, err
		}
		out.Role = s.Target.Title
		forRole = bank.ForRole(s.Target.Slug)
		for _, g := range s.Gaps() {
			if g.Gap > 0 && len(gapKeys) < topGaps {
				gapKeys = append(gapKeys, g.Competency)
			}
		}
	}
	view := func(q interview.Question) InterviewQuestion {
		v := InterviewQuestion{Question: q, ForYou: slices.ContainsFunc(forRole, func(r interview.Question) bool { return r.Key == q.Key })}
		for _, a := range answers { // newest first
			if a.Question == q.Key {
				if v.Attempts == 0 {
					v.LastRating = a.Rating
				}
				v.Attempts++
			}
		}
		return v
	}
	for _, q := range bank.ForCompetencies(gapKeys, 0) {
		if v := view(q); v.ForYou && len(out.Suggested) < MaxSuggested {
			out.Suggested = append(out.Suggested, v)
		}
	}
	for _, c := range interview.Categories {
		cat := InterviewCategory{Key: c}
		for _, q := range bank.ByCategory(c) {
			cat.Questions = append(cat.Questions, view(q))
		}
		slices.SortStableFunc(cat.Questions, func(a, b InterviewQuestion) int {
			switch {
			case a.ForYou == b.ForYou:
				return 0
			case a.ForYou:
				return -1
			}
			return 1
		})
		out.Categories = append(out.Categories, cat)
	}
	return out, nil
}

// InterviewQuestionByKey returns a question of the bank.
//
// Errors: ENOTFOUND for an unknown key.
func InterviewQuestionByKey(key string) (interview.Question, error) {
	bank, err := interview.Load()
	if err != nil {
		return interview.Question{}, err
	}
	for _, q := range bank.Questions {
		if q.Key == key {
			return q, nil
		}
	}
	return interview.Question{}, ladder.Errorf(ladder.ENOTFOUND, "There is no interview question %q.", key)
}

// CategoryLabel names a category of the bank for people.
func CategoryLabel(c string) string {
	labels := map[string]string{
		"leadership": "Leadership", "conflict": "Conflict", "delegation": "Delegation", "budget": "Budget",
		"vendors": "Vendors and contracts", "strategy": "Strategy", "stakeholders": "Stakeholders", "change": "Leading change",
		"failure": "Failure and learning", "why-management": "Why management", "hiring": "Hiring",
		"people-development": "Developing people",
	}
	if l, ok := labels[c]; ok {
		return l
	}
	return c
}
