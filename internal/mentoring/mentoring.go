// Package mentoring holds what Ladder suggests for time with a mentor: a
// question per competency, in our own words, and the agenda built from a
// person's current gaps and the mentor's strengths. It does no I/O.
package mentoring

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
	"github.com/ladderhq/ladder/internal/readiness"
)

//go:embed data/questions.yaml
var questionsYAML []byte

// Questions is the content: what to ask a mentor per competency key.
type Questions struct {
	Fallback  string            `yaml:"fallback"`
	Questions map[string]string `yaml:"questions"`
}

var load = sync.OnceValues(func() (*Questions, error) {
	var q Questions
	if err := yaml.Unmarshal(questionsYAML, &q); err != nil {
		return nil, fmt.Errorf("mentoring: %w", err)
	}
	if q.Fallback == "" {
		return nil, fmt.Errorf("mentoring: no fallback question")
	}
	return &q, nil
})

// Load returns the embedded questions.
func Load() (*Questions, error) { return load() }

// Validate checks that every competency of m has a question and that no
// question names a competency m lacks.
func (q *Questions) Validate(m *ladder.Model) error {
	for _, c := range m.Competencies() {
		if q.Questions[c.Key] == "" {
			return fmt.Errorf("mentoring: no question for competency %q", c.Key)
		}
	}
	for k := range q.Questions {
		if _, ok := m.Competency(k); !ok {
			return fmt.Errorf("mentoring: question for unknown competency %q", k)
		}
	}
	return nil
}

// Question returns what to ask about competency key.
func (q *Questions) Question(key string) string {
	if s := q.Questions[key]; s != "" {
		return s
	}
	return q.Fallback
}

// AgendaSize is how many topics a suggested agenda has: about what an hour
// with a mentor holds.
const AgendaSize = 3

// Topic is one line of a suggested agenda.
type Topic struct {
	Competency string
	Name       string
	Question   string
	// Strength is set when the topic is one of the mentor's strengths.
	Strength bool
}

// Line is the topic as one line of the agenda.
func (t Topic) Line() string { return t.Name + ": " + t.Question }

// Agenda picks up to n topics among the person's largest gaps (ranked
// largest first, as readiness.Gaps returns them): of the top 2n gaps with
// something left to close, those the mentor is strong in come first, then
// the rest, each group in gap order. Looking no further than 2n keeps the
// agenda on the person's current top gaps, whatever the mentor knows.
func Agenda(q *Questions, gaps []readiness.Gap, strengths []string, n int) []Topic {
	var strong, other []Topic
	seen := 0
	for _, g := range gaps {
		if g.Gap <= 0 {
			continue
		}
		if seen == 2*n {
			break
		}
		seen++
		t := Topic{Competency: g.Competency, Name: g.Name, Question: q.Question(g.Competency),
			Strength: slices.Contains(strengths, g.Competency)}
		if t.Strength {
			strong = append(strong, t)
		} else {
			other = append(other, t)
		}
	}
	out := append(strong, other...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// AgendaText is the agenda as the text of a session's agenda field, one
// topic per line.
func AgendaText(ts []Topic) string {
	s := ""
	for i, t := range ts {
		if i > 0 {
			s += "\n"
		}
		s += "- " + t.Line()
	}
	return s
}
