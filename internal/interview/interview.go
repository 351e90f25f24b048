// Package interview holds Ladder's bank of management interview questions
// (PRODUCT.md C15): each question says what it probes, what a strong answer
// shows, which competencies of the default model it draws on and which
// management roles it suits.
package interview

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder/internal/model"
)

//go:embed data/questions.yaml
var defaultYAML []byte

// Categories lists the known question categories in display order.
var Categories = []string{
	"leadership", "conflict", "delegation", "budget", "vendors", "strategy",
	"stakeholders", "change", "failure", "why-management", "hiring",
	"people-development",
}

// Question is one interview question with guidance on a strong answer.
type Question struct {
	Key          string   `yaml:"key"`
	Category     string   `yaml:"category"`
	Question     string   `yaml:"question"`
	WhatItProbes string   `yaml:"what_it_probes"`
	StrongAnswer string   `yaml:"strong_answer"`
	Competencies []string `yaml:"competencies"`
	Roles        []string `yaml:"roles"`
}

// Bank is a validated set of questions, in file order.
type Bank struct {
	Questions []Question `yaml:"questions"`
}

var load = sync.OnceValues(func() (*Bank, error) {
	return Parse("questions.yaml", defaultYAML)
})

// Load returns the built-in question bank. Callers must not modify it.
func Load() (*Bank, error) { return load() }

// Parse decodes a question bank from YAML and validates it against the
// default competency model. All problems are reported together.
func Parse(name string, data []byte) (*Bank, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	var b Bank
	if err := dec.Decode(&b); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if err := b.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return &b, nil
}

func (b *Bank) validate() error {
	m := model.Default()
	var errs []error
	add := func(i int, key, format string, args ...any) {
		errs = append(errs, fmt.Errorf("questions[%d] (%s): %s", i, key, fmt.Sprintf(format, args...)))
	}
	if len(b.Questions) == 0 {
		return errors.New("no questions")
	}
	seen := make(map[string]bool, len(b.Questions))
	for i, q := range b.Questions {
		for _, f := range []struct{ name, v string }{
			{"key", q.Key}, {"category", q.Category}, {"question", q.Question},
			{"what_it_probes", q.WhatItProbes}, {"strong_answer", q.StrongAnswer},
		} {
			if strings.TrimSpace(f.v) == "" {
				add(i, q.Key, "%s is empty", f.name)
			}
		}
		if q.Key != "" {
			if seen[q.Key] {
				add(i, q.Key, "duplicate key")
			}
			seen[q.Key] = true
		}
		if q.Category != "" && !slices.Contains(Categories, q.Category) {
			add(i, q.Key, "unknown category %q", q.Category)
		}
		if len(q.Competencies) == 0 {
			add(i, q.Key, "competencies is empty")
		}
		for _, c := range q.Competencies {
			if _, ok := m.Competency(c); !ok {
				add(i, q.Key, "unknown competency %q", c)
			}
		}
		if len(q.Roles) == 0 {
			add(i, q.Key, "roles is empty")
		}
		for _, r := range q.Roles {
			if _, ok := m.Role(r); !ok {
				add(i, q.Key, "unknown role %q", r)
			}
		}
	}
	return errors.Join(errs...)
}

// ByCategory returns the questions in category c, in file order.
func (b *Bank) ByCategory(c string) []Question {
	var out []Question
	for _, q := range b.Questions {
		if q.Category == c {
			out = append(out, q)
		}
	}
	return out
}

// ForRole returns the questions that suit the role slug, in file order.
func (b *Bank) ForRole(slug string) []Question {
	var out []Question
	for _, q := range b.Questions {
		if slices.Contains(q.Roles, slug) {
			out = append(out, q)
		}
	}
	return out
}

// ForCompetencies returns up to n questions (all if n <= 0) that draw on
// any of keys, best first. keys are taken in priority order (most important,
// e.g. the largest gap, first). A question scores len(keys)-i for each key i
// it covers; ties go to the question that appears earlier in the bank, so
// the result is deterministic.
func (b *Bank) ForCompetencies(keys []string, n int) []Question {
	type scored struct {
		q     Question
		score int
		idx   int
	}
	var hits []scored
	for idx, q := range b.Questions {
		score := 0
		for i, k := range keys {
			if slices.Index(keys, k) != i {
				continue // count a repeated key once
			}
			if slices.Contains(q.Competencies, k) {
				score += len(keys) - i
			}
		}
		if score > 0 {
			hits = append(hits, scored{q, score, idx})
		}
	}
	slices.SortStableFunc(hits, func(a, b scored) int {
		if a.score != b.score {
			return b.score - a.score
		}
		return a.idx - b.idx
	})
	if n > 0 && len(hits) > n {
		hits = hits[:n]
	}
	out := make([]Question, len(hits))
	for i, h := range hits {
		out[i] = h.q
	}
	return out
}
