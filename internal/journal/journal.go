// Package journal holds the reflection content of Ladder: weekly prompts,
// the steps of a structured reflection, and the common challenges of the
// move into management with strategies for each.
package journal

import (
	_ "embed"
	"fmt"
	"slices"
	"sync"

	"go.yaml.in/yaml/v3"

	"github.com/ladderhq/ladder"
)

//go:embed data/reflection.yaml
var reflectionYAML []byte

// Content is the reflection content.
type Content struct {
	WeeklyPrompts   []string    `yaml:"weekly_prompts"`
	ReflectionSteps []Step      `yaml:"reflection_steps"`
	Challenges      []Challenge `yaml:"challenges"`
}

// Step is one step of a structured reflection.
type Step struct {
	Key    string `yaml:"key" json:"key"`
	Title  string `yaml:"title" json:"title"`
	Prompt string `yaml:"prompt" json:"prompt"`
}

// Challenge is a common difficulty of the move, with strategies.
type Challenge struct {
	Key        string   `yaml:"key" json:"key"`
	Title      string   `yaml:"title" json:"title"`
	Summary    string   `yaml:"summary" json:"summary"`
	Strategies []string `yaml:"strategies" json:"strategies"`
}

var load = sync.OnceValues(func() (*Content, error) {
	var c Content
	if err := yaml.Unmarshal(reflectionYAML, &c); err != nil {
		return nil, err
	}
	return &c, c.validate()
})

// Load returns the embedded content, validated.
func Load() (*Content, error) { return load() }

func (c *Content) validate() error {
	if len(c.WeeklyPrompts) < 5 || len(c.ReflectionSteps) != 6 {
		return fmt.Errorf("reflection content: %d prompts, %d steps", len(c.WeeklyPrompts), len(c.ReflectionSteps))
	}
	for _, ch := range c.Challenges {
		if !slices.Contains(ladder.ChallengeAreas, ch.Key) || ch.Title == "" || len(ch.Strategies) < 3 {
			return fmt.Errorf("reflection content: challenge %q is incomplete or unknown", ch.Key)
		}
	}
	if len(c.Challenges) != len(ladder.ChallengeAreas) {
		return fmt.Errorf("reflection content: %d challenges for %d areas", len(c.Challenges), len(ladder.ChallengeAreas))
	}
	return nil
}

// Challenge returns the challenge with key k.
func (c *Content) Challenge(k string) (Challenge, bool) {
	for _, ch := range c.Challenges {
		if ch.Key == k {
			return ch, true
		}
	}
	return Challenge{}, false
}

// PromptFor picks the weekly prompt for a week number, cycling through the
// list so consecutive weeks ask different questions.
func (c *Content) PromptFor(week int) string {
	if week < 0 {
		week = -week
	}
	return c.WeeklyPrompts[week%len(c.WeeklyPrompts)]
}
