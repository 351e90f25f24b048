package certs

import (
	"fmt"
	"strings"

	"github.com/ladderhq/ladder"
)

// ExamSummary says the exam's format in one line.
func ExamSummary(x ladder.Exam) string {
	var parts []string
	switch {
	case x.QuestionsMax > 0:
		parts = append(parts, fmt.Sprintf("%d to %d questions", x.Questions, x.QuestionsMax))
	case x.Questions > 0:
		parts = append(parts, fmt.Sprintf("%d questions", x.Questions))
	}
	if x.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("%d minutes", x.Minutes))
	}
	if x.PassMark != "" {
		parts = append(parts, "pass mark "+x.PassMark)
	}
	s := strings.Join(parts, ", ")
	if x.Format != "" {
		s = strings.TrimPrefix(s+". "+x.Format, ". ")
	}
	return s
}

// CostSummary says the typical price in one line.
func CostSummary(c ladder.Cost) string {
	switch {
	case c.Max == 0:
		return "Unknown: ask the issuer."
	case c.Min == c.Max:
		return fmt.Sprintf("%g %s (%s)", c.Max, c.Currency, c.Covers)
	}
	return fmt.Sprintf("%g to %g %s (%s)", c.Min, c.Max, c.Currency, c.Covers)
}

// StudySummary says the estimated preparation in one line.
func StudySummary(s ladder.StudyHours) string {
	if s.Max == 0 {
		return s.Note
	}
	return strings.TrimSuffix(fmt.Sprintf("%g to %g hours. %s", s.Min, s.Max, s.Note), " ")
}
